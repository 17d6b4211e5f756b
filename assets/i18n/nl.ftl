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
