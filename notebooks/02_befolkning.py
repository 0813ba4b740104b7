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
from helpers.analysis import area_survey
from helpers.report.chapters import population
from helpers.report.context import open_report

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)

# %%
rpt.say(population.headline(rpt.area))
rpt.key_figure("population", population.figures(rpt.area).iloc[0]["persons"],
               f"Folkmängd 31 december {population.year(rpt.area)}", population.source(rpt.area))

# %% [markdown]
# ### Befolkningens utveckling
#
# Folkmängden visas som index: det första året är 100, så att områden av olika storlek kan
# jämföras.

# %%
rpt.show(population.trend_chart(rpt.area))

# %% [markdown]
# ### Åldersstruktur
#
# Åldersstrukturen avgör hur många som kan arbeta och hur många som behöver vård, omsorg och
# skola. När de stora årskullarna går i pension behöver arbetsgivarna ersätta dem.

# %%
rpt.say(population.age_trend_sentence(rpt.area))
rpt.table(population.age_trend_table(rpt.area), caption=population.age_trend_caption(rpt.area),
          source=population.age_trend_source(rpt.area),
          formats=population.age_table_formats(rpt.area))
rpt.table(population.age_groups_table(rpt.area), caption=population.age_table_caption(rpt.area),
          source=population.age_source(rpt.area), formats=population.age_table_formats(rpt.area))

# %% [markdown]
# Åldern i ettårsklasser finns i underlaget bara för 2019. Befolkningspyramiden visar därför
# det året.

# %%
rpt.show(population.pyramid_chart(rpt.area))

# %% [markdown]
# ### Pensionsavgångar
#
# De som i dag är 45–64 år når pensionsåldern inom 20 år. Ju större deras andel av invånarna
# i arbetsför ålder är, desto fler behöver ersättas. Arbetsgivarenkäten frågar dessutom hur
# många av de anställda som väntas gå i pension de närmaste tre åren.

# %%
rpt.say(population.retirement_sentence(rpt.area))
rpt.show(population.retirement_chart(rpt.area))
rpt.say(population.retirements_in_survey(rpt.area, sv))

# %%
if sv:
    table = population.retirements_by_branch(sv)
    rpt.table(table, caption="Väntade pensionsavgångar de kommande tre åren per bransch",
              survey=sv, note=population.retirements_note(sv, table))

# %% [markdown]
# ### Försörjningskvot
#
# Den demografiska försörjningskvoten visar hur många barn, unga och äldre (0–19 år och 65 år
# och äldre) det finns per 100 personer i arbetsför ålder (20–64 år). En högre kvot betyder
# att färre ska försörja fler.

# %%
rpt.show(population.dependency_chart(rpt.area))
rpt.key_figure("dependency_ratio", population.figures(rpt.area).iloc[0]["dependency_ratio"],
               f"Demografisk försörjningskvot {population.year(rpt.area)}",
               population.age_source(rpt.area))

# %% [markdown]
# ### Inrikes och utrikes födda
#
# Födelseland finns i underlaget bara för 2019.

# %%
rpt.show(population.born_abroad_chart(rpt.area))
