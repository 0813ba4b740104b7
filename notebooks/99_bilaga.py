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
# ## Bilaga: diagrammens data
#
# Här finns siffrorna bakom varje diagram i rapporten, i samma ordning. Excelfilen som
# publiceras tillsammans med rapporten har ett blad för varje figur och tabell, med samma
# nummer som i rapporten ("Figur 7", "Tabell 3"), och ett innehållsblad först.

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %%
rpt.show_appendix()
