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
# ## Efterfrågan på arbetskraft

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.report import availability
from helpers.report.chapters import demand
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %% [markdown]
# Två källor visar vilka yrken arbetsgivarna söker: platsannonserna i området, som är den
# lokala efterfrågan, och Arbetsförmedlingens Yrkesbarometer, som bedömer läget för varje
# yrke i länet och efterfrågan om fem år.

# %% [markdown]
# ### Platsannonser i området
#
# Annonserna är de som arbetsgivare publicerade i Arbetsförmedlingens Platsbanken.
# Alla lediga jobb annonseras inte där, och ett jobb kan annonseras mer än en gång, så
# antalet annonser visar efterfrågans inriktning snarare än antalet lediga jobb.

# %%
rpt.say(demand.headline(rpt.area))
rpt.key_figure("job_ads", demand.ads_total(rpt.area), "Platsannonser i Platsbanken 2024",
               demand.jobads.SOURCE)

# %%
rpt.show(demand.top_ads_chart(rpt.area))

# %% [markdown]
# Tabellen visar hur stor del av alla annonser som gällde varje yrke, i området och i
# jämförelseområdena. En andel som är mycket större än i delregionen visar vad som är
# särskilt för efterfrågan i området.

# %%
rpt.table(demand.comparison_table(rpt.area), caption=demand.comparison_caption(rpt.area),
          source=demand.jobads.SOURCE, formats=demand.comparison_formats(rpt.area))

# %% [markdown]
# ### Yrkesbarometern för länet
#
# Yrkesbarometern är Arbetsförmedlingens bedömning av rekryteringsläget per yrke:
# **brist** (svårt att hitta sökande), **balans**, **överskott** (fler sökande än jobb) eller
# **paradox** (rekryteringssvårigheter trots att det finns sökande med rätt utbildning).
# Den bedömer också efterfrågan om fem år.

# %%
rpt.say(demand.barometer_coverage(rpt.area))
availability.check(rpt, "barometer")

# %%
rpt.show(demand.situation_chart(rpt.area))

# %%
rpt.table(demand.shortage_table(rpt.area), caption=demand.shortage_caption(rpt.area),
          source=f"{demand.barometer_source()}; {demand.jobads.SOURCE}")

# %% [markdown]
# ### Annonserna och Yrkesbarometern tillsammans

# %%
rpt.say(demand.ads_barometer_sentence(rpt.area))
if demand.rated_among_top(rpt.area):
    rpt.table(demand.ads_barometer_table(rpt.area), caption=demand.ads_barometer_caption(rpt.area),
              source=f"{demand.jobads.SOURCE}; {demand.barometer_source()}")
