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
from helpers.report.chapters import industry
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %% [markdown]
# Vilka branscher som finns i området avgör vilka yrken och vilken kompetens arbetsgivarna
# behöver. Kapitlet visar hur de sysselsatta fördelar sig på branscher och sektorer, hur många
# som arbetar i området jämfört med hur många sysselsatta som bor där, hur många som pendlar
# över kommungränsen, hur stor arbetslösheten är och hur stor andel av invånarna som har ett
# arbete. Siffrorna är SCB:s och Arbetsförmedlingens, hämtade från Kolada, och gäller det
# senaste år som finns; året står i texten och under varje diagram. Består området av flera
# kommuner räknas området från kommunernas antal, och varje kommun visas också för sig.

# %% [markdown]
# ### Sysselsatta per bransch
#
# Dagbefolkningen är de som har sin arbetsplats i området, oavsett var de bor. Branscherna är
# SCB:s grupper av näringsgrenar (SNI 2007). Kvoten jämför branschens andel av jobben i området
# med dess andel i riket: en kvot på 2 betyder att branschen är dubbelt så stor som i landet
# i stort, och att dess yrken behövs mer här än på de flesta andra håll.

# %%
rpt.say(industry.headline(rpt.area))
rpt.key_figure("jobs", industry.jobs(rpt.area), "Sysselsatta med arbetsplats i området",
               industry.branches_source(rpt.area))
rpt.show(industry.branches_chart(rpt.area))
rpt.table(industry.branches_table(rpt.area), caption=industry.branches_caption(rpt.area),
          source=industry.branches_source(rpt.area), formats=industry.branches_formats(rpt.area))
rpt.say(industry.over_represented(rpt.area))

# %% [markdown]
# ### Förändring sedan 2020, kvinnor och män
#
# SCB:s statistik över sysselsättningen (BAS) börjar 2020. Antalen per bransch och andelen
# kvinnor är räknade från branschernas andelar och är därför ungefärliga.

# %%
rpt.say(industry.change_sentence(rpt.area))
rpt.say(industry.women_sentence(rpt.area))
rpt.table(industry.change_table(rpt.area), caption=industry.change_caption(rpt.area),
          source=industry.change_source(rpt.area))

# %% [markdown]
# ### Offentlig och privat sektor, företagare

# %%
rpt.say(industry.sector_sentence(rpt.area))
rpt.table(industry.sector_table(rpt.area), caption=industry.sector_caption(rpt.area),
          source=industry.sector_source(rpt.area))

# %% [markdown]
# ### Dag- och nattbefolkning, pendling
#
# Dagbefolkningen är de som arbetar i området, nattbefolkningen de sysselsatta som bor där.
# Fler arbetstillfällen än sysselsatta invånare betyder att området tar emot arbetskraft från
# andra kommuner. Inpendlare bor i en annan kommun än den de arbetar i; utpendlare arbetar i
# en annan kommun än den de bor i. Antalet pendlare är räknat från Koladas andelar och är
# ungefärligt; nettopendlingen (dagbefolkningen minus nattbefolkningen) är exakt.

# %%
rpt.say(industry.day_night_sentence(rpt.area))
rpt.say(industry.commuting_sentence(rpt.area))
rpt.show(industry.commuting_chart(rpt.area))
rpt.table(industry.commuting_counts(rpt.area), caption=industry.commuting_caption(rpt.area),
          source=industry.commuting_source(rpt.area))

# %% [markdown]
# ### Arbetslöshet
#
# Arbetslösa är invånare som är inskrivna som öppet arbetslösa eller i program med
# aktivitetsstöd hos Arbetsförmedlingen, som årsmedelvärde. Andelen räknas här på **alla
# invånare** i åldersgruppen, inte på arbetskraften.

# %%
rpt.say(industry.unemployment_sentence(rpt.area))
rpt.show(industry.unemployment_chart(rpt.area))
rpt.table(industry.unemployment_table(rpt.area), caption=industry.unemployment_caption(rpt.area),
          source=industry.unemployment_source(rpt.area))
rpt.key_figure("unemployment", industry.unemployment(rpt.area),
               "Arbetslösa, andel av invånarna 18–64 år", industry.unemployment_source(rpt.area))

# %% [markdown]
# ### Sysselsättningsgrad
#
# Sysselsättningsgraden är andelen av invånarna 20–64 år som har ett arbete. SCB bytte 2020
# statistikkälla, från RAMS till BAS; de två mäter på olika sätt och visas därför som två
# serier, aldrig som en.

# %%
rpt.show(industry.employment_rate_chart(rpt.area))
rpt.table(industry.employment_rate_comparison(rpt.area),
          caption=industry.employment_rate_caption(rpt.area),
          source=industry.employment_rate_source(rpt.area))
