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
# visas vilka utbildningar som redan finns i och nära området, sedan ett förslag per behov.
# Ett bristyrke möts med att utbilda nya (yrkesvux, YH-utbildning, lärlingsutbildning); en
# bristkompetens möts med att kompetensutveckla den personal som finns (kort kurs,
# YH-kurs, uppdragsutbildning, validering).

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

# %% [markdown]
# ### Utbildningsutbudet i och nära området
#
# Yrkeshögskolans utbildningar och kurser beviljas av Myndigheten för yrkeshögskolan i
# årliga ansökningsomgångar. Tabellerna räknar varje utbildning en gång, även om den
# beviljats flera år.

# %%
rpt.say(efforts.supply(rpt.area))
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
# nämner yrket, eller när platsannonserna och Yrkesbarometern båda pekar på det. Behoven
# står i ordning efter hur många källor som ger signal och hur många arbetsgivare som nämner
# dem. Den första tabellen visar underlaget, den andra den föreslagna insatsen.

# %%
if sv:
    recommendations = area_survey.recommendations(sv, rpt.area)
    rpt.say(efforts.needs_overview(rpt.area, sv))
    rpt.table(efforts.evidence_table(recommendations, needs.BRISTYRKE),
              caption="Bristyrken: underlag", survey=sv, source=employer_survey.signals_source(sv),
              note=efforts.evidence_note(needs.BRISTYRKE))
    rpt.table(efforts.effort_table(recommendations, needs.BRISTYRKE),
              caption="Bristyrken: föreslagna insatser", survey=sv,
              source=sv.source + "; " + SUPPLY)
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristyrken och föreslagna insatser"))

# %%
if sv:
    rpt.table(efforts.educations_table(recommendations),
              caption="Utbildningar i närheten per bristyrke", survey=sv,
              source=SUPPLY + "; Arbetsförmedlingen")

# %% [markdown]
# ### Bristkompetenser: kompetensutveckla personalen
#
# En bristkompetens blir ett behov när tillräckligt många arbetsgivare anger att personalen
# behöver utvecklas inom området. Insatsen följer den utbildningsform som flest av dem
# föredrar. Utbildning i närheten avser utbildning för de yrkesroller som arbetsgivarna med
# behovet nämner.

# %%
if sv:
    rpt.table(efforts.evidence_table(recommendations, needs.BRISTKOMPETENS),
              caption="Bristkompetenser: underlag", survey=sv,
              note=efforts.evidence_note(needs.BRISTKOMPETENS))
    rpt.table(efforts.effort_table(recommendations, needs.BRISTKOMPETENS),
              caption="Bristkompetenser: föreslagna insatser", survey=sv,
              source=sv.source + "; " + SUPPLY)
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristkompetenser och föreslagna insatser"))

# %% [markdown]
# ### Reglerna
#
# Varje behov och insats följer av fasta regler, inte av bedömningar i efterhand. Reglerna
# gäller varje område och år på samma sätt:

# %%
rpt.say(efforts.rules(rpt.area.suppression_threshold))
