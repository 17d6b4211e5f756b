# Annals, Nederlands. Maandnamen en afkortingen volgens CLDR (nl, "format").

month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
month-short-1 = jan
month-short-2 = feb
month-short-3 = mrt
month-short-4 = apr
month-short-5 = mei
month-short-6 = jun
month-short-7 = jul
month-short-8 = aug
month-short-9 = sep
month-short-10 = okt
month-short-11 = nov
month-short-12 = dec

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-day-month = { $day } { $month }
year-bce = { $year } v.Chr.
year-ce = { $year } n.Chr.
number-million = { $number } miljoen
number-billion = { $number } miljard
circa = ca.

events = { $count ->
    [one] { $n } gebeurtenis
   *[other] { $n } gebeurtenissen
}
lane-more = +{ $n } meer
under-way = { $n } lopend
density-caption = { $n } gebeurtenissen beginnen in beeld, gearceerd naar dichtheid

footer-data = Gegevens: { $files }
footer-files = { $count ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}
footer-sources = Bronnen: { $list }
footer-references = { $count ->
    [one] { $n } verwijzing in { $file }
   *[other] { $n } verwijzingen in { $file }
}
footer-references-in-some = { $count ->
    [one] { $n } verwijzing in { $files } ervan
   *[other] { $n } verwijzingen in { $files } ervan
}
footer-times = Tijden in { $zone }
title-and-more = { $title } en { $n } andere

status-events-shown = { $shown } van { $count ->
    [one] { $n } gebeurtenis getoond
   *[other] { $n } gebeurtenissen getoond
}
periods = { $count ->
    [one] { $n } periode
   *[other] { $n } periodes
}
files = { $count ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}
problems = { $count ->
    [one] { $n } probleem
   *[other] { $n } problemen
}
no-problems = Geen problemen
problems-toggle-hint = Het probleemvenster tonen of verbergen


action-open-files = Openen…
action-reload-files = Bestanden opnieuw laden
action-save-session = Sessie opslaan…
action-open-session = Sessie openen…
action-export-image = Afbeelding exporteren…
action-copy-image = Afbeelding kopiëren
action-search = Zoeken
action-next-match = Volgende treffer (zoomt erop in)
action-previous-match = Vorige treffer
action-deselect = Zoekvak verlaten; selectie opheffen
action-next-event = Volgende gebeurtenis
action-previous-event = Vorige gebeurtenis
action-zoom-in = Inzoomen
action-zoom-out = Uitzoomen
action-pan-earlier = Naar eerder schuiven
action-pan-later = Naar later schuiven
action-fit-all = Alles tonen
action-fit-selection = Selectie passend maken
action-go-to-date = Naar een datum gaan (2021-05, 2019, 2021-05-04T11:00)
action-bookmark = Weergave als bladwijzer bewaren
action-present = Presentatiemodus
action-next-scene = Volgende scène
action-previous-scene = Vorige scène
action-shortcuts = Sneltoetsen
action-open-files-tip = Bestanden openen; wat open is, wordt vervangen
action-reload-files-tip = De open bestanden opnieuw lezen; een kapot bestand houdt zijn laatste goede gebeurtenissen
action-save-session-tip = Bestanden, weergave, filters, banen, selectie, scènes, bladwijzers en notities in NAAM.annals-session.json; de gegevensbestanden worden nooit gewijzigd
action-export-image-tip = PNG of SVG van de weergave, alle gebeurtenissen of de selectie
action-copy-image-tip = Een PNG van de huidige weergave, om in een dia te plakken
action-fit-all-tip = Alle gebeurtenissen tonen (of dubbelklik op de tijdlijn)
action-present-tip = Volledig scherm, grotere letters, panelen verborgen; Esc verlaat


menu-file = Bestand
menu-open-recent = Recent geopend
menu-edit = Bewerken
menu-view = Beeld
menu-lanes-by = Banen per
menu-place-by = Gebeurtenissen plaatsen op
menu-time-zone = Tijdzone
menu-language = Taal
menu-help = Help
