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
# ## Inledning

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %% [markdown]
# Rapporten är kommunens årliga lokala kompetensanalys. Den samlar vad arbetsgivarna i
# området själva säger om sitt kompetensbehov och ställer det mot offentlig statistik, så att
# kommunen, Arbetsförmedlingen och utbildningsanordnarna kan besluta om rätt
# utbildningsinsatser.
#
# ### Tre steg: från kartläggning till utbildningsinsats
#
# 1. **Kompetenskartläggning** – vad arbetsgivarna i området svarar i arbetsgivarenkäten.
# 2. **Branschanalys** – svaren ställs mot statistik om befolkning, utbildning, näringsliv,
#    platsannonser och Arbetsförmedlingens yrkesbarometer, så att behoven blir konkreta.
# 3. **Utbildningsinsats** – vilken insats som möter varje behov: att utbilda nya
#    medarbetare eller att kompetensutveckla den personal som redan finns.
#
# ### Bristyrke och bristkompetens
#
# - **Bristyrke**: ett yrke som arbetsgivarna har svårt att rekrytera till. Behovet möts
#   genom att utbilda nya, på en väg som leder till yrket (till exempel yrkesvux,
#   yrkeshögskolan, högskolan eller som lärling).
# - **Bristkompetens**: kompetens som den befintliga personalen saknar. Behovet möts genom
#   kompetensutveckling, ofta en kort och riktad utbildning, till exempel en kort kurs,
#   uppdragsutbildning eller validering.
#
# Definitionerna står i sin helhet i metodkapitlet.
#
# Alla siffror anges med källa och år. Uppgifter som saknas i underlaget sägs ut i texten.
