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
# ## Metod, källor och definitioner

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.analysis import area_survey
from helpers.report import availability
from helpers.report.chapters import employer_survey, method
from helpers.report.context import open_report
from helpers.survey import disclosure

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)
PROJECT = "Lokal kompetensanalys"

# %% [markdown]
# ### Källor
#
# Rapporten bygger på arbetsgivarenkäten och på offentlig statistik som sparats i projektet
# med källa, år och kontrollsumma. Varje diagram och tabell anger sin källa.

# %%
rpt.table(method.sources(), caption="Datakällor", source=PROJECT + ", datakatalogen")
if sv:
    rpt.say(method.survey_source(sv))

# %% [markdown]
# ### Arbetsgivarenkäten och sekretess
#
# Alla områden använder samma standardformulär, så att svaren går att jämföra mellan
# kommuner och år och med Svenskt Näringslivs Rekryteringsenkät, Tillväxtverkets Företagens
# villkor och verklighet och NHO:s Kompetansebarometer. Kontaktuppgifter, organisationsnummer
# och fritextsvar skiljs från svaren när filen läses in och når aldrig rapporten.

# %%
rpt.say(method.suppression(rpt.area.suppression_threshold))
rpt.say(disclosure.note(rpt.area.suppression_threshold, secondary=True))
rpt.table(method.questions(), caption="Enkätens frågor", source="Standardformuläret")

# %% [markdown]
# ### Klassifikationer och definitioner
#
# Bristyrke och bristkompetens betyder i hela rapporten:

# %%
rpt.say(method.definitions())

# %% [markdown]
# - **Andel misslyckade rekryteringar**: 1 − anställda med rätt kompetens / sökta personer,
#   summerat över arbetsgivarna (frågorna C2 och C3), som i Svenskt Näringslivs
#   Rekryteringsenkät.
# - **Försörjningskvot**: (personer 0–19 år + 65 år och äldre) / personer 20–64 år × 100.
# - **I närheten**: de övriga kommunerna i den region området jämförs med.
# - **Säker förändring** sedan förra året: en skillnad mellan årets och förra årets andel som
#   är större än osäkerheten, det vill säga när ett 95-procentigt konfidensintervall för
#   skillnaden mellan två oberoende andelar (Newcombes metod med Wilsons intervall) inte
#   innehåller noll. Andra skillnader redovisas men kallas inte förändringar.

# %%
rpt.table(method.classifications(), caption="Klassifikationer", source=PROJECT)
rpt.table(method.sni_table(),
          caption="Enkätens branscher och SNI 2007", source="Standardformuläret; SCB, SNI 2007")
if sv:
    rpt.say(employer_survey.coding(area_survey.coding(sv), sv.threshold))

# %% [markdown]
# ### Regler för rekommendationerna
#
# Behoven och de föreslagna insatserna i kapitlet Rekommenderade utbildningsinsatser följer
# de numrerade regler som står där. Reglerna är desamma för alla områden och år.

# %%
rpt.say(method.route_table_text())
rpt.table(method.route_sources(), caption="Vägtabellens källor", source=PROJECT + ", vägtabellen")

# %% [markdown]
# ### Det som saknas i underlaget

# %%
rpt.say(method.lacking(availability.lacking()))
