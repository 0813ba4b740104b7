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
# ## Näringsliv och sysselsättning

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.common import text
from helpers.report import availability
from helpers.report.chapters import industry
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %% [markdown]
# Vilka branscher som finns i området avgör vilka yrken och vilken kompetens arbetsgivarna
# behöver. Kapitlet visar hur de sysselsatta fördelar sig på branscher, hur många som
# arbetar i området jämfört med hur många förvärvsarbetande som bor där, hur många som
# pendlar över kommungränsen och hur stor arbetslösheten är. Siffrorna kommer från SCB:s
# registerbaserade arbetsmarknadsstatistik och från Kolada.

# %% [markdown]
# ### Sysselsatta per bransch
#
# Dagbefolkningen är de som har sin arbetsplats i området, oavsett var de bor. Branscherna
# följer SCB:s indelning av näringsgrenar (SNI 2007).

# %%
if availability.check(rpt, "employment_by_industry"):
    rpt.say(industry.headline(rpt.area))
    rpt.key_figure("jobs", industry.jobs(rpt.area), "Sysselsatta med arbetsplats i området",
                   industry.source(rpt.area))
    rpt.show(industry.industries_chart(rpt.area))
    rpt.table(industry.industries_table(rpt.area), caption=industry.industries_caption(rpt.area),
              source=industry.source(rpt.area),
              formats={c.name: text.percent for c in rpt.area.comparisons})
    rpt.show(industry.women_share_chart(rpt.area))

# %% [markdown]
# ### Sysselsättningen över tid

# %%
if availability.check(rpt, "employment_trend"):
    rpt.show(industry.trend_chart(rpt.area))

# %% [markdown]
# ### Dag- och nattbefolkning
#
# Nattbefolkningen är de förvärvsarbetande som bor i området. Fler arbetstillfällen än
# förvärvsarbetande invånare betyder att området tar emot arbetskraft från andra kommuner.

# %%
if availability.check(rpt, "day_night_population"):
    rpt.show(industry.day_night_chart(rpt.area))

# %% [markdown]
# ### Pendling

# %%
if availability.check(rpt, "commuting"):
    rpt.show(industry.commuting_chart(rpt.area))

# %% [markdown]
# ### Arbetslöshet
#
# Öppet arbetslösa är invånare 18–65 år som är inskrivna som arbetslösa hos
# Arbetsförmedlingen, som andel av alla invånare i samma ålder (årsmedelvärde).

# %%
if availability.check(rpt, "unemployment"):
    rpt.show(industry.unemployment_chart(rpt.area))
    rpt.key_figure("unemployment", industry.unemployment(rpt.area),
                   "Öppet arbetslösa, andel av 18–65 år", industry.unemployment_source(rpt.area))
