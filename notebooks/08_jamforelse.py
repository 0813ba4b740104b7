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
# ## Jämfört med förra året
#
# När området gjorde enkäten även förra året jämförs årets svar med förra årets.
# Förändringar i andelar anges i procentenheter, och tabellerna visar de största förändringarna
# först. En skillnad kallas förändring bara när den är större än den statistiska osäkerheten.
# En uppgift som vilar på för få svar något av åren jämförs inte.

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.analysis import area_survey
from helpers.report.chapters import year_on_year
from helpers.report.context import open_report

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)

# %%
if sv and sv.previous:
    rpt.say(year_on_year.change(sv))
    rpt.table(year_on_year.changes_table(sv),
              caption="Nyckeltal från enkäten, störst förändring sedan förra året först",
              survey=sv)
    rpt.say(year_on_year.method())
else:
    rpt.say(year_on_year.no_comparison(rpt.area, sv))

# %%
if sv and sv.previous:
    changes = area_survey.skill_area_changes(sv)
    rpt.table(year_on_year.skills_changes_table(sv, changes),
              caption="Områden där personalen behöver utvecklas: de största förändringarna",
              survey=sv)
    rpt.say(year_on_year.certain_skills(changes))
