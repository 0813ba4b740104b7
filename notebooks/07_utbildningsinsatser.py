# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Lokal kompetensanalys
#     language: python
#     name: lokal-kompetensanalys
# ---

# %% [markdown]
# ## Rekommenderade utbildningsinsatser
#
# Kapitlet är rapportens tredje steg: vilken utbildningsinsats som möter varje behov. Först
# visas vilka utbildningar som finns i och nära området enligt underlaget, sedan ett förslag
# per behov och en handlingsplan för de starkaste behoven. Rapporten skiljer på två slags
# behov (se också metodkapitlet):

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.analysis import area_survey, needs, supply
from helpers.report.chapters import efforts, employer_survey
from helpers.report.context import open_report

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)
SUPPLY = supply.supply_source(rpt.area)
rpt.say(efforts.definitions())

# %% [markdown]
# ### Utbildningsutbudet i och nära området
#
# Yrkeshögskolans utbildningar och kurser beviljas av Myndigheten för yrkeshögskolan i
# årliga ansökningsomgångar. Tabellerna räknar varje utbildning en gång, även om den
# beviljats flera år.

# %%
rpt.say(efforts.supply(rpt.area))
rpt.say(efforts.not_covered())
rpt.table(supply.supply_overview(rpt.area),
          caption="Beviljade YH-utbildningar och YH-kurser per utbildningsområde", source=SUPPLY)

# %%
rpt.table(supply.supply_latest(rpt.area),
          caption=f"YH-utbildningar och YH-kurser beviljade {supply.latest_round(rpt.area)}",
          source=SUPPLY)

# %%
if sv:
    rpt.table(supply.offers(rpt.area, area_survey.survey_codes(sv)),
              caption="Andra yrkesutbildningar för enkätens yrken",
              source=supply.OFFERS_SOURCE)

# %% [markdown]
# ### Bristyrken: utbilda nya
#
# Ett bristyrke blir ett behov när minst så många arbetsgivare som sekretessgränsen kräver
# har svårt att rekrytera till yrket. Behoven står i ordning efter hur många arbetsgivare som
# nämner dem; platsannonser och Yrkesbarometern visas bredvid. Insatsen är en väg som leder
# till yrket enligt vägtabellen: för yrken med legitimation, skyddad yrkestitel, behörighet
# eller certifikat bara de vägar som ger det som krävs. Arbetsgivarnas svar om
# utbildningsnivå väljer bara bland de vägarna, och bara när tillräckligt många har svarat.

# %%
if sv:
    recommendations = area_survey.recommendations(sv, rpt.area)
    rpt.say(efforts.needs_overview(rpt.area, sv))
    rpt.table(efforts.evidence_table(recommendations, needs.BRISTYRKE),
              caption="Bristyrken: underlag", survey=sv, source=employer_survey.signals_source(sv),
              note=efforts.evidence_note(needs.BRISTYRKE))
    rpt.table(efforts.effort_table(recommendations, needs.BRISTYRKE),
              caption="Bristyrken: föreslagna insatser", survey=sv,
              source=sv.source + "; vägtabellen (se metodkapitlet); " + SUPPLY)
    rpt.table(efforts.routes_table(recommendations), caption="Bristyrken: vägar till yrket",
              survey=sv, source="Vägtabellen (se metodkapitlet)")

# %%
if sv:
    rpt.table(efforts.supply_table(recommendations, needs.BRISTYRKE),
              caption="Bristyrken: utbud i och nära området", survey=sv,
              source=SUPPLY + "; " + supply.OFFERS_SOURCE, note=efforts.not_covered())
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristyrken och föreslagna insatser"))

# %% [markdown]
# ### Bristkompetenser: kompetensutveckla personalen
#
# En bristkompetens blir ett behov när tillräckligt många arbetsgivare anger att personalen
# behöver utvecklas inom området. Insatsen följer den utbildningsform, plats och tid som
# flest av dem föredrar. Utbudet avser YH-kurser inom det utbildningsområde som motsvarar
# kompetensområdet.

# %%
if sv:
    rpt.table(efforts.evidence_table(recommendations, needs.BRISTKOMPETENS),
              caption="Bristkompetenser: underlag", survey=sv,
              note=efforts.evidence_note(needs.BRISTKOMPETENS))
    rpt.table(efforts.effort_table(recommendations, needs.BRISTKOMPETENS),
              caption="Bristkompetenser: föreslagna insatser", survey=sv)
    rpt.table(efforts.supply_table(recommendations, needs.BRISTKOMPETENS),
              caption="Bristkompetenser: YH-kurser i och nära området", survey=sv,
              source=SUPPLY, note=efforts.not_covered())
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristkompetenser och föreslagna insatser"))

# %% [markdown]
# ### Handlingsplan
#
# De starkaste behoven av varje slag som insatser: vad, vem som troligen kan ge
# utbildningen, hur många det kan gälla, när och vad förslaget vilar på.

# %%
if sv:
    rpt.table(efforts.action_plan(rpt.area, sv, "what"),
              caption="Handlingsplan: insatser för de starkaste behoven", survey=sv,
              source=sv.source + "; vägtabellen")
    rpt.table(efforts.action_plan(rpt.area, sv, "how"),
              caption="Handlingsplan: deltagare, tid och underlag", survey=sv,
              source=sv.source, note=efforts.action_plan_note())
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Handlingsplan"))

# %% [markdown]
# ### Reglerna
#
# Varje behov och insats följer av fasta regler, inte av bedömningar i efterhand. Reglerna
# gäller varje område och år på samma sätt:

# %%
rpt.say(efforts.rules(rpt.area.suppression_threshold))
