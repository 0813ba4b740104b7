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
# ## Arbetsgivarenkäten
#
# Arbetsgivarenkäten är rapportens kompetenskartläggning: arbetsgivarna i området svarar på
# vilka yrken de har svårt att rekrytera till (bristyrken), vilken kompetens den nuvarande
# personalen saknar (bristkompetenser) och hur de vill att utbildning ska läggas upp.

# %% tags=["parameters"]
area = None  # papermill sets it; in JupyterLab it is the area given to make lab
year = None  # None: the year in the area's params file
run = None  # papermill sets it: the chapters of one build share figures and appendix

# %%
from helpers.analysis import area_survey
from helpers.report.chapters import employer_survey
from helpers.report.context import open_report

rpt = open_report(area, year, run)
sv = area_survey.load(rpt.area)
if sv is None:
    rpt.missing(employer_survey.needs_survey(rpt.area, "Arbetsgivarenkätens resultat"),
                "Avsnitten nedan beskriver vad enkäten mäter.")

# %% [markdown]
# ### Så gjordes enkäten
#
# Enkäten skickas till arbetsgivarna i området som ett webbformulär med kommunens
# standardfrågor, och varje arbetsställe svarar för sig.

# %%
if sv:
    rpt.say(employer_survey.method(sv))
    rpt.show(employer_survey.respondents(sv))
    rpt.key_figure("respondents", sv.answered, "Antal svarande arbetsgivare", sv.source)
    rpt.key_figure("invited", sv.invited, "Antal inbjudna arbetsgivare", sv.source)

# %%
if sv and len(rpt.area.municipalities) > 1:
    rpt.show(employer_survey.respondents(sv, by="A1"))

# %% [markdown]
# ### Rekrytering
#
# Enkäten frågar om arbetsgivaren har försökt rekrytera de senaste 12 månaderna, hur många
# personer de sökte och hur många de lyckades anställa med den kompetens de sökte.

# %%
if sv:
    rpt.say(employer_survey.recruitment(sv))
    rpt.show(employer_survey.question(sv, "C1"))
    rpt.show(employer_survey.question(sv, "C4"))

# %%
if sv:
    rpt.say(employer_survey.failure(sv))
    rpt.show(employer_survey.failure_by_branch(sv))
    rpt.key_figure("failure_rate", employer_survey.indicator(sv, "failure")["share"],
                   "Andel sökta personer som inte anställdes med rätt kompetens", sv.source)

# %% [markdown]
# ### Bristyrken
#
# Arbetsgivarna skriver med egna ord vilka yrken som är svårast att rekrytera till och vilka
# yrken de planerar att anställa i. Yrkestitlarna kodas till yrkesgrupper enligt SSYK 2012,
# så att till exempel "undersköterskor" och "Undersköterska" räknas som samma yrke.

# %%
if sv:
    rpt.say(employer_survey.coding(area_survey.coding(sv), sv.threshold))
    rpt.show(employer_survey.hard_to_fill(sv))

# %%
if sv:
    rpt.say(employer_survey.planned(sv))
    table = employer_survey.planned_hires(sv)
    rpt.table(table,
              caption="Planerade anställningar per yrke", survey=sv,
              note=employer_survey.planned_note(sv, table))

# %% [markdown]
# #### Enkäten, platsannonserna och Yrkesbarometern
#
# Enkätens yrken ställs mot två andra källor: hur många platsannonser områdets arbetsgivare
# publicerade för yrket och hur Arbetsförmedlingens Yrkesbarometer bedömer
# rekryteringsläget i länet. Yrkesbarometern finns bara på länsnivå. Där källorna pekar åt
# samma håll är behovet starkast.

# %%
if sv:
    rpt.say(employer_survey.agreement(sv, rpt.area))
    rpt.table(employer_survey.occupation_signals(sv, rpt.area),
              caption="Enkätens yrken, platsannonser och Yrkesbarometern", survey=sv,
              source=employer_survey.signals_source(sv))

# %% [markdown]
# ### Orsaker och konsekvenser
#
# Arbetsgivare som har försökt rekrytera anger vad svårigheterna berodde på och vilka
# följder bristen på rätt kompetens har fått för verksamheten.

# %%
if sv:
    rpt.show(employer_survey.question(sv, "C6"))
    rpt.show(employer_survey.question(sv, "C7"))

# %% [markdown]
# ### Förändringar som påverkar kompetensbehovet
#
# Arbetsgivarna anger vilka förändringar som påverkar deras kompetensbehov mest de kommande
# tre åren, till exempel digitalisering, nya lagkrav eller att många går i pension.

# %%
if sv:
    rpt.say(employer_survey.drivers(sv))
    rpt.show(employer_survey.question(sv, "B5"))

# %% [markdown]
# ### Bristkompetenser
#
# Bristkompetens är kompetens som den personal som redan finns saknar. Den möts oftast med
# kompetensutveckling, inte med nyrekrytering. Fråga D2 visar hur många arbetsgivare som vill
# möta behovet genom att utbilda befintlig personal och hur många genom att rekrytera.

# %%
if sv:
    rpt.show(employer_survey.question(sv, "D1"))
    rpt.say(employer_survey.meeting_needs(sv))
    rpt.show(employer_survey.question(sv, "D2"))
    rpt.show(employer_survey.question(sv, "D3"))
    rpt.say(employer_survey.staff(sv))
    rpt.table(employer_survey.staff_by_branch(sv),
              caption="Anställda som behöver kompetensutveckling, per bransch", survey=sv)

# %% [markdown]
# ### Utbildningsformer, plats och hinder
#
# Arbetsgivarna anger vilka utbildningsformer som passar dem, var och när utbildning passar
# bäst, vad som hindrar dem från att kompetensutveckla personalen och om de kan tänka sig att
# dela på kostnaden. Det avgör hur en insats bör läggas upp.

# %%
if sv:
    rpt.show(employer_survey.question(sv, "D6"))
    rpt.show(employer_survey.question(sv, "D7"))
    rpt.show(employer_survey.question(sv, "D8"))
    rpt.show(employer_survey.question(sv, "D9"))

# %% [markdown]
# ### Praktik, lärlingar och samverkan
#
# Arbetsgivarna anger om de kan ta emot praktikanter och lärlingar, vilka
# utbildningsanordnare de samverkar med i dag och om de vill att kommunens kompetensmäklare
# kontaktar dem.

# %%
if sv:
    rpt.show(employer_survey.question(sv, "E1"))
    rpt.say(employer_survey.places(sv))
    rpt.show(employer_survey.question(sv, "E3"))
    rpt.show(employer_survey.question(sv, "E4"))
    rpt.show(employer_survey.question(sv, "E5"))
    rpt.say(employer_survey.contact_wish(sv))

# %% [markdown]
# ### Bristyrken och bristkompetenser per bransch
#
# För varje bransch redovisas vilka av de vanligaste bristyrkena (svårrekryterade eller
# planerade yrken) och bristkompetenserna arbetsgivarna nämner, och hur många de är.

# %%
if sv:
    matrix = employer_survey.branch_matrix(sv)
    rpt.table(matrix,
              caption="Bristyrken och bristkompetenser per bransch", survey=sv,
              note=employer_survey.matrix_note(sv, matrix))
