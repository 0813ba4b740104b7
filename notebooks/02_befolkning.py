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
# ## Befolkning och arbetskraft

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.report.chapters import population
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %%
rpt.say(population.headline(rpt.area))
rpt.key_figure("population", population.indicators(rpt.area).iloc[0]["persons"],
               "Folkmängd 31 december 2019", "SCB")

# %% [markdown]
# ### Befolkningens utveckling

# %%
rpt.show(population.trend_chart(rpt.area))

# %% [markdown]
# ### Åldersstruktur
#
# Åldersstrukturen avgör hur många som kan arbeta och hur många som behöver vård, omsorg och
# skola. När de stora årskullarna går i pension behöver arbetsgivarna ersätta dem.

# %%
rpt.show(population.pyramid_chart(rpt.area))
rpt.table(population.age_groups_table(rpt.area), caption=population.AGE_TABLE_CAPTION,
          source=population.scb.SOURCE_POPULATION, formats=population.age_table_formats(rpt.area))

# %% [markdown]
# ### Försörjningskvot
#
# Den demografiska försörjningskvoten visar hur många barn, unga och äldre (0–19 år och 65 år
# och äldre) det finns per 100 personer i arbetsför ålder (20–64 år). En högre kvot betyder
# att färre ska försörja fler.

# %%
rpt.show(population.dependency_chart(rpt.area))
rpt.key_figure("dependency_ratio", population.indicators(rpt.area).iloc[0]["dependency_ratio"],
               "Demografisk försörjningskvot 2019", "SCB")

# %% [markdown]
# ### Inrikes och utrikes födda

# %%
rpt.show(population.born_abroad_chart(rpt.area))
