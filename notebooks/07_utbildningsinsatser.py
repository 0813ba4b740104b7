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

# %%
from helpers.analysis import area_survey, needs
from helpers.report.chapters import survey_charts as sc
from helpers.report.chapters import survey_text
from helpers.report.context import open_report

rpt = open_report(area, year)
sv = area_survey.load(rpt.area)
SUPPLY = area_survey.supply_source(rpt.area)

# %% [markdown]
# ### Utbildningsutbudet i och nära området
#
# Yrkeshögskolans utbildningar och kurser beviljas av Myndigheten för yrkeshögskolan i
# årliga ansökningsomgångar. Tabellerna räknar varje utbildning en gång, även om den
# beviljats flera år.

# %%
rpt.say(survey_text.supply(rpt.area))
sc.show_table(rpt, None, area_survey.supply_overview(rpt.area),
              "Beviljade YH-utbildningar och YH-kurser per utbildningsområde", source=SUPPLY)

# %%
sc.show_table(rpt, None, area_survey.supply_latest(rpt.area),
              f"YH-utbildningar och YH-kurser beviljade {area_survey.latest_round(rpt.area)}",
              source=SUPPLY)

# %%
if sv:
    sc.show_table(rpt, None, area_survey.offers(rpt.area, area_survey.survey_codes(sv)),
                  "Andra yrkesutbildningar för enkätens yrken",
                  source=area_survey.OFFERS_SOURCE)

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
    rpt.say(survey_text.needs_overview(rpt.area, sv))
    sc.show_table(rpt, sv, sc.evidence_table(recommendations, needs.BRISTYRKE),
                  "Bristyrken: underlag", source=sc.signals_source(sv),
                  note=sc.evidence_note(needs.BRISTYRKE))
    sc.show_table(rpt, sv, sc.effort_table(recommendations, needs.BRISTYRKE),
                  "Bristyrken: föreslagna insatser", source=sv.source + "; " + SUPPLY)
else:
    rpt.missing(survey_text.needs_survey(rpt.area, "Bristyrken och föreslagna insatser"))

# %%
if sv:
    sc.show_table(rpt, sv, sc.educations_table(recommendations),
                  "Utbildningar i närheten per bristyrke", source=SUPPLY + "; Arbetsförmedlingen")

# %% [markdown]
# ### Bristkompetenser: kompetensutveckla personalen
#
# En bristkompetens blir ett behov när tillräckligt många arbetsgivare anger att personalen
# behöver utvecklas inom området. Insatsen följer den utbildningsform som flest av dem
# föredrar. Utbildning i närheten avser utbildning för de yrkesroller som arbetsgivarna med
# behovet nämner.

# %%
if sv:
    sc.show_table(rpt, sv, sc.evidence_table(recommendations, needs.BRISTKOMPETENS),
                  "Bristkompetenser: underlag", note=sc.evidence_note(needs.BRISTKOMPETENS))
    sc.show_table(rpt, sv, sc.effort_table(recommendations, needs.BRISTKOMPETENS),
                  "Bristkompetenser: föreslagna insatser", source=sv.source + "; " + SUPPLY)
else:
    rpt.missing(survey_text.needs_survey(rpt.area, "Bristkompetenser och föreslagna insatser"))

# %% [markdown]
# ### Reglerna
#
# Varje behov och insats följer av fasta regler, inte av bedömningar i efterhand. Reglerna
# gäller varje område och år på samma sätt:

# %%
rpt.say(survey_text.rules(rpt.area.suppression_threshold))
