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
# ## Sammanfattning

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.analysis import area_survey
from helpers.report.chapters import employer_survey, summary
from helpers.report.context import open_report
from helpers.stats import jobads

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)

# %%
rpt.say(summary.bullets(summary.summary_sentences(rpt.area, sv)))
rpt.say(summary.basis(rpt.area, sv))

# %% [markdown]
# ### Bristyrken
#
# Yrken som arbetsgivarna har svårt att rekrytera till: här behövs ny arbetskraft.

# %%
if sv:
    rpt.table(summary.top_occupations(sv),
              caption="Yrken som flest arbetsgivare har svårt att rekrytera", survey=sv)
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristyrken"))
    rpt.table(summary.top_ads(rpt.area),
              caption="Yrken med flest platsannonser i området", survey=sv, source=jobads.SOURCE)

# %% [markdown]
# ### Bristkompetenser
#
# Kompetens som den nuvarande personalen saknar: här behövs kompetensutveckling, ofta en kort
# och riktad utbildning.

# %%
if sv:
    rpt.table(summary.top_skills(sv),
              caption="Områden där flest arbetsgivare säger att personalen behöver utvecklas",
              survey=sv)
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Bristkompetenser"))

# %% [markdown]
# ### Rekommenderade utbildningsinsatser
#
# Insatserna väljs efter fasta regler utifrån arbetsgivarnas svar, platsannonserna och
# Yrkesbarometern. Alla behov och reglerna finns i kapitlet Rekommenderade utbildningsinsatser.

# %%
if sv:
    rpt.table(summary.top_efforts(rpt.area, sv),
              caption="De starkaste behoven och föreslagna insatser", survey=sv)
else:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Rekommenderade utbildningsinsatser"))
