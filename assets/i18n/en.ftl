# Annals, English (the reference: every other language has exactly these keys).
# Month names and abbreviations follow CLDR (en, "format" context).

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

# A date: day, month name, year ("20 May 2021").
date-day = { $day } { $month } { $year }
# A month and its year ("May 2021").
date-month = { $month } { $year }
# A day of a month, without its year ("20 May").
date-day-month = { $day } { $month }
# A year before the common era, and a far-future one.
year-bce = { $year } BCE
year-ce = { $year } CE
number-million = { $number } million
number-billion = { $number } billion
# Before an uncertain date or title.
circa = c.

# Counts on the timeline and in exports.
events = { $count ->
    [one] { $n } event
   *[other] { $n } events
}
lane-more = +{ $n } more
under-way = { $n } under way
density-caption = { $n } events start in view, shaded by density

# The footer of an exported image.
footer-data = Data: { $files }
footer-files = { $count ->
    [one] { $n } file
   *[other] { $n } files
}
footer-sources = Sources: { $list }
footer-references = { $count ->
    [one] { $n } reference in { $file }
   *[other] { $n } references in { $file }
}
footer-references-in-some = { $count ->
    [one] { $n } reference in { $files } of them
   *[other] { $n } references in { $files } of them
}
footer-times = Times in { $zone }
title-and-more = { $title } and { $n } more

# The status bar.
status-events-shown = { $shown } of { $count ->
    [one] { $n } event shown
   *[other] { $n } events shown
}
periods = { $count ->
    [one] { $n } period
   *[other] { $n } periods
}
files = { $count ->
    [one] { $n } file
   *[other] { $n } files
}
problems = { $count ->
    [one] { $n } problem
   *[other] { $n } problems
}
no-problems = No problems
problems-toggle-hint = Show or hide the problems panel
