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

# Actions: menu items and the shortcut sheet.
action-open-files = Open…
action-reload-files = Reload files
action-save-session = Save session…
action-open-session = Open session…
action-export-image = Export image…
action-copy-image = Copy image
action-search = Search
action-next-match = Next match (zooms to it)
action-previous-match = Previous match
action-deselect = Leave the search box; deselect
action-next-event = Next event
action-previous-event = Previous event
action-zoom-in = Zoom in
action-zoom-out = Zoom out
action-pan-earlier = Pan earlier
action-pan-later = Pan later
action-fit-all = Fit all
action-fit-selection = Fit selection
action-go-to-date = Go to a date (2021-05, 2019, 2021-05-04T11:00)
action-bookmark = Bookmark the view
action-present = Presentation mode
action-next-scene = Next scene
action-previous-scene = Previous scene
action-shortcuts = Keyboard shortcuts
action-open-files-tip = Open files, replacing what is open
action-reload-files-tip = Read the open files again; a broken file keeps its last good events
action-save-session-tip = Files, view, filters, lanes, selection, scenes, bookmarks and notes in NAME.annals-session.json; the data files are never changed
action-export-image-tip = PNG or SVG of the view, all events or the selection
action-copy-image-tip = A PNG of the current view, to paste into a slide
action-fit-all-tip = Show every event (or double-click the timeline)
action-present-tip = Full screen, larger type, panels hidden; Esc leaves

# Menus.
menu-file = File
menu-open-recent = Open recent
menu-edit = Edit
menu-view = View
menu-lanes-by = Lanes by
menu-place-by = Place events by
menu-time-zone = Time zone
menu-language = Language
menu-help = Help
