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
# ## Utbildningsnivå

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.report.chapters import education_level
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %% [markdown]
# Utbildningsnivån i befolkningen visar vilken kompetens som redan finns i området och hur
# väl den möter arbetsgivarnas behov. Kapitlet gäller invånare i åldern 25–64 år: i den
# åldern har de flesta avslutat sin utbildning och är i arbetsför ålder. Eftergymnasial
# utbildning är utbildning efter gymnasiet, till exempel på högskola eller yrkeshögskola.
# Siffrorna är SCB:s, hämtade från Kolada, för det senaste år som finns. Kolada redovisar
# andelar per kommun; består området av flera kommuner visas de var för sig.

# %%
rpt.say(education_level.headline(rpt.area))
rpt.key_figure("post_secondary_share", education_level.post_secondary(rpt.area),
               "Andel 25–64 år med eftergymnasial utbildning", education_level.source(rpt.area))

# %% [markdown]
# ### Eftergymnasial utbildning jämfört med länet och riket

# %%
rpt.show(education_level.post_secondary_chart(rpt.area))

# %% [markdown]
# ### Kvinnor och män
#
# Andelen med eftergymnasial utbildning skiljer sig ofta mellan kvinnor och män, bland annat
# eftersom många yrken inom vård, skola och omsorg kräver en högskoleexamen.

# %%
rpt.show(education_level.by_sex_chart(rpt.area))

# %% [markdown]
# ### Alla utbildningsnivåer

# %%
rpt.table(education_level.levels_table(rpt.area), caption=education_level.levels_caption(rpt.area),
          source=education_level.levels_source(rpt.area),
          formats=education_level.levels_formats(rpt.area))

# %% [markdown]
# ### Utvecklingen över tid
#
# Andelen med eftergymnasial utbildning bland kvinnor och män, år för år sedan 2000.

# %%
rpt.show(education_level.trend_chart(rpt.area))
