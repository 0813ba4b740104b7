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
from helpers import area_survey, education_supply, needs, survey_text
from helpers.report import open_report
from helpers.survey_charts import educations_table, needs_table, show_table

rpt = open_report(area, year)
sv = area_survey.load(rpt.area)
SUPPLY = "Myndigheten för yrkeshögskolan, beviljade utbildningar och kurser 2020–2024"

# %% [markdown]
# ### Utbildningsutbudet i och nära området
#
# Yrkeshögskolans utbildningar och kurser beviljas av Myndigheten för yrkeshögskolan i
# årliga ansökningsomgångar. Tabellerna räknar varje utbildning en gång, även om den
# beviljats flera år.

# %%
rpt.say(survey_text.supply(rpt.area))
show_table(rpt, None, area_survey.supply_overview(rpt.area),
           "Beviljade YH-utbildningar och YH-kurser per utbildningsområde", source=SUPPLY)

# %%
show_table(rpt, None, area_survey.supply_latest(rpt.area),
           f"YH-utbildningar och YH-kurser beviljade {area_survey.latest_round(rpt.area)}",
           source=SUPPLY)

# %%
if sv:
    show_table(rpt, None, area_survey.offers(rpt.area, area_survey.survey_codes(sv)),
               "Andra yrkesutbildningar för enkätens yrken",
               source="Arbetsförmedlingen, utbildningar per yrke, maj 2025 (urval, inte komplett)")

# %% [markdown]
# ### Behov och föreslagna insatser
#
# Varje behov och insats följer av fasta regler, inte av bedömningar i efterhand. Reglerna
# gäller varje område och år på samma sätt:

# %%
rpt.say(survey_text.rules(rpt.area.suppression_threshold))

# %%
if sv:
    recommendations = area_survey.recommendations(sv, rpt.area)
    rpt.say(survey_text.needs_overview(rpt.area, sv))
    show_table(rpt, sv, needs_table(recommendations, needs.BRISTYRKE, sv.threshold),
               "Bristyrken: föreslagna insatser för att utbilda nya")
else:
    rpt.missing(survey_text.needs_survey(rpt.area, "Behov och föreslagna insatser"))

# %%
if sv:
    show_table(rpt, sv, needs_table(recommendations, needs.BRISTKOMPETENS, sv.threshold),
               "Bristkompetenser: föreslagna insatser för att kompetensutveckla personalen",
               note="Utbildning i närheten avser utbildning för de yrkesroller som "
               "arbetsgivarna med behovet nämner (fråga D4).")
    show_table(rpt, sv, educations_table(recommendations), "Utbildningar i närheten per bristyrke",
               source=SUPPLY + "; Arbetsförmedlingen")
