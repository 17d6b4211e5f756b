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

# Words used in many places.
close = Close
cancel = Cancel
ok = OK

# Kinds of date precision, as the detail panel names them.
precision-year = year
precision-month = month
precision-day = day
precision-hour = hour
precision-minute = minute
precision-second = second
precision-sub-second = sub-second
# Severity as the detail panel and the lanes name it.
severity-low = low
severity-medium = medium
severity-high = high
severity-critical = critical
# How one event links to another ("caused: Belnet network available again").
link-caused = caused
link-response-to = response to
link-attributed-to = attributed to
link-related = related

# The detail panel of the selected event.
detail-zoom = Zoom to event
detail-close-tip = Deselect (Esc)
detail-your-note = Your note
detail-note-hint = Kept in the session, never in the data file
detail-save-note = Save note
detail-linked-from = Linked from
# "day precision; UTC+2"
detail-precision = { $precision } precision; { $zone }
detail-floating = no time zone in the source (floating local time)
detail-calendar-date = calendar date, no time of day
detail-start = Start: { $value }
detail-end = End: { $value }
detail-circa = The date is approximate (circa)
detail-disclosed = Disclosed { $value }
detail-category = Category: { $value }
detail-severity = Severity: { $value }
detail-tags = Tags
detail-actors = Actors
detail-targets = Targets
detail-links = Links
detail-link-missing = { $kind } { $id } (not in this file)
detail-sources = Sources
detail-from = From { $path } ({ $format }), id { $id }
detail-from-line = From { $path } ({ $format }, line { $line }), id { $id }

# Facets ("Category", "No actor"); also the lanes' names.
field-category = Category
field-tag = Tag
field-actor = Actor
field-target = Target
field-severity = Severity
field-file = File
field-none-category = Uncategorised
field-none-tag = No tag
field-none-actor = No actor
field-none-target = No target
field-none-severity = No severity
field-none-file = No file
# The one lane when lanes are not split by a field.
lane-all-events = All events

# The filters in the side panel.
filters-heading = Filters
filters-clear = Clear all
filters-clear-tip = Clear facets, date range, hidden categories and search
filters-fit = Fit to filter
filters-fit-tip = Zoom to the events shown
# A facet's heading when some values are chosen: "Actor (2 chosen)".
filters-chosen = { $field } ({ $n } chosen)
filters-none = None
filters-server-counting = Counting on the server…
filters-server-failed = The server could not count: { $value }
filters-more = and { $n } more (search narrows the list)
filters-from = From
filters-to = to
filters-any-date = any date

# The legend in the side panel.
legend-categories = Categories
legend-files = Files
nothing-open = Nothing open

# The problems panel.
problems-heading = Problems
problems-in-all = { $n } in all
problems-none = Every file loaded cleanly
problem-error = error
problem-skipped = skipped
problem-warning = warning

# Side panel sections.
side-notes = Bookmarks and notes ({ $n })
side-scenes = Scenes ({ $n })

# Bookmarks and notes.
notes-name = Name or note
notes-bookmark = Bookmark view
notes-bookmark-tip = Name the centre of the view (Ctrl+B)
notes-note-here = Note here
notes-note-here-tip = A note at the centre of the view
notes-delete-bookmark = Delete the bookmark
notes-delete-note = Delete the note
# Where a note is: "on belnet-ddos", "at 4 May 2021".
notes-on-event = on { $id }
notes-at-time = at { $time }

# Scenes.
scenes-keys = PgUp / PgDn / Space step; F11 presents
scenes-delete = Delete scene { $number }
scenes-caption = Caption
scenes-optional = optional
scenes-add = Add scene
scenes-add-tip = Save the current view, filter and selection as a scene
scenes-saved-in = Saved in { $file }, beside the data
scenes-not-saved = Scenes of the built-in example last until you quit
scenes-present-keys = Right, PgDn or Space: next · Left or PgUp: previous · Esc: leave

# The search box and the event list.
search = Search
search-hint = title, actor, tag… ( / )
# "match 3 of 12"
search-match-of = { $count ->
    [one] match { $at } of { $n }
   *[other] match { $at } of { $n }
}
search-matches = { $count ->
    [one] { $n } match
   *[other] { $n } matches
}
search-previous = Previous
search-next = Next
search-only = Only matches
search-only-tip = Hide the events the search does not match
# The window listing the events of a clicked cluster.
# Above the event list: "5 of 28 events".
list-count = { $shown } of { $count ->
    [one] { $n } event
   *[other] { $n } events
}
members-zoom = Zoom to these
members-hint = Click one to select it, double-click to zoom to it

# Loading files.
loading = Loading…
load-waiting = { $file }: waiting
# "belgium.json: 12 MiB of 140 MiB"
load-reading = { $file }: { $done } of { $size }
load-loaded = { $file }: loaded
load-parsing = { $file }: reading records…
too-large-heading = Load a very large file?
too-large-text = { $file } is { $size }, over the limit of { $limit } (set in the View menu). Loading it can take minutes and a lot of memory; what is open now stays until it has loaded, and you can cancel.
too-large-load = Load anyway
too-large-skip = Don't load
# The main area when nothing is open.
empty-hint = Open a file (Ctrl+O), drop files here, or pass them on the command line: annals FILE…
empty-example = Show the Belgium example
broken-heading = { $file } could not be opened
broken-place = { $file }, line { $line }, column { $column }
broken-watching = Annals is watching this file: once it is fixed and saved, it opens by itself.
broken-reload = Fix the file, then reload it (Ctrl+R).
toast-dismiss = Click to dismiss

# The keyboard shortcut sheet (?): groups, rows for two opposite keys.
sheet-files = Files
sheet-find = Find
sheet-move = Move
sheet-present = Present
sheet-next-previous-match = Next / previous match (zooms to it)
sheet-next-previous-event = Next / previous event
sheet-zoom-in-out = Zoom in / out
sheet-pan = Pan earlier / later
sheet-this-sheet = This sheet
# Between two keys that do the same thing: "Right  or  .".
sheet-or = or
sheet-tab = Menus and panels can also be reached with Tab and Enter.
# The "go to a date" prompt (G).
jump-heading = Go to date
jump-label = Date (2021-05, 2019, 2021-05-04T11:00)
jump-go = Go
# Keys that step scenes only while presenting: "(Right, Down while presenting)".
sheet-while-presenting = { $keys } while presenting

# The export dialog.
export-no-preview = No preview: { $why }
export-run = Export
export-range = Range
export-view = Current view
export-all = All shown events
export-selection = Selected event
export-size = Size
export-custom = Custom
export-size-1080p = 1920 × 1080 (slide)
export-size-4k = 3840 × 2160 (4K slide)
export-size-a4 = A4 landscape, 300 dpi (3508 × 2480)
export-width = Width
export-height = Height
export-format = Format
export-live-text = Keep text editable
export-live-text-tip = Text stays text, drawn in whatever font the viewer has (labels may then run wider). Unticked, letters are outlines that look the same everywhere.
export-theme = Theme
export-theme-light = Light (print)
export-title = Title
export-none = none
export-show = Show
export-legend = Legend (categories)
export-footer = Footer naming the data and its sources
export-zone-note = The axis always names its time zone.
export-file = File
export-choose = Choose…

# Themes (View menu, export dialog).
theme-light = Light
theme-dark = Dark
theme-high-contrast = High contrast

# More of the menus.
menu-add-files = Add files…
menu-no-recent = No recent files
menu-open-example = Open the Belgium example
menu-connect-clickhouse = Connect to ClickHouse…
connect-heading = Connect to ClickHouse
connect-address = Table address
connect-password = Password
connect-password-note = Leave it empty for no password or the one in ANNALS_CLICKHOUSE_PASSWORD. A typed password is kept only while the table is open and is never saved.
connect-go = Connect
menu-close-all = Close all
menu-live-reload = Reload files when they change
menu-live-reload-tip = Keeps view, selection and filters; a broken write keeps the last good events
menu-fit-filter-tip = Zoom to the events the filters show
menu-one-lane = None (one lane)
menu-happened = When it happened
menu-known = When it became known (disclosed)
menu-links = Show links as arrows
menu-collapse-gaps = Collapse empty stretches
menu-collapse-gaps-tip = Draw long stretches without events short; each break is marked on the axis
menu-presentation-scale = Presentation type scale
menu-size-limit = Ask before loading files over
menu-hide-problems = Hide problems
menu-show-problems = Show problems
# The first entry of View ▸ Language: "System (Nederlands)".
menu-system-language = System ({ $language })
menu-zone-local = This computer's zone
menu-zone-other = Other
menu-zone-set = Set
menu-zone-note = Event dates print as their source wrote them; the axis and ranges use this zone.

# The timeline canvas: corner note, hover texts.
canvas-axis-zone = Axis: { $zone }
canvas-querying = Querying ClickHouse…
canvas-more-here = { $count ->
    [one] { $n } more event in view here
   *[other] { $n } more events in view here
}
canvas-no-room = { $n } with no room to be drawn
canvas-unlabelled = { $n } drawn without a label
canvas-lane-shrink = Click to give the lane its share of rows again
canvas-lane-expand = Click to give this lane all the rows it needs; zoom in to see them apart
# A range of dates: "4 May 2021 to 20 May 2021".
canvas-from-to = { $from } to { $to }
canvas-list-them = Click to list them
canvas-starting-here = { $count ->
    [one] { $n } event starting here
   *[other] { $n } events starting here
}
canvas-zoom-in = Too many to draw one by one; click to zoom in
canvas-lane-fold = Click to fold; drag to move the lane.
canvas-lane-unfold = Click to unfold; drag to move the lane.
canvas-overview-tip = Overview of all events: drag the window to move it, its edges to resize it, or click to jump
canvas-overview-name = Overview of all events
canvas-scroll-name = Scroll the lanes
canvas-scroll-tip = Lanes: drag, or use the wheel over the lane names

# Work on a thread, in the status bar: "Filtering 1,000,000 events…".
busy-searching = Searching { $count ->
    [one] { $n } event…
   *[other] { $n } events…
}
busy-querying = Querying { $count ->
    [one] { $n } event…
   *[other] { $n } events…
}
busy-filtering = Filtering { $count ->
    [one] { $n } event…
   *[other] { $n } events…
}
# A bookmark given no name.
bookmark-numbered = Bookmark { $number }

# Short messages at the bottom right.
toast-cannot-jump = Cannot jump to '{ $date }': { $why }
toast-nothing-copied = Nothing copied: { $value }
toast-nothing-exported = Nothing exported: { $value }
toast-load-cancelled = Loading cancelled; what was open stays open
toast-exported = Exported to { $value }
toast-table-failed = The table did not answer: { $value }
toast-export-failed = Export failed: { $value }
toast-copied = Image of the view copied to the clipboard
toast-copy-failed = Copy failed: { $value }
toast-session-saved = Session saved to { $value }
toast-session-not-saved = Session not saved: { $value }
toast-session-not-opened = Session { $file } not opened: { $value }
toast-scenes-not-saved = Scenes not saved: { $value }
toast-live-reload = Live reload: { $value }. Use File, Reload (Ctrl+R).

# The system's file dialogs.
dialog-session-files = Annals session
dialog-all-files = All files
dialog-open-files = Open timeline files
dialog-add-files = Add timeline files
dialog-timeline-files = Timeline files
dialog-png = PNG image
dialog-svg = SVG image

# The command line: --help.
cli-usage = Usage:
cli-commands = Commands
cli-command = COMMAND
cli-arguments = Arguments
cli-options = Options
cli-help = Print help
cli-version = Print version
cli-about = A timeline for cyber incidents and strategy
cli-arg-files = Files to open in the window (none: the embedded Belgium dataset)
cli-arg-lang = The language of messages, dates and captions: en, nl, fr or de (default: the system's, from LC_ALL, LC_MESSAGES or LANG)
cli-check-about = Load files without a window and print what was read and what was wrong
cli-check-arg-files = Files to check (none: the embedded Belgium dataset)
cli-check-arg-json = Print one JSON object instead of text
cli-render-about = Draw the timeline to a PNG or SVG file, with no window (works over SSH and in CI)
cli-render-arg-files = Files to draw (none: the embedded Belgium dataset)
cli-render-arg-output = The image to write: .png or .svg
cli-render-arg-from = Start of the range (a date like 2019 or 2021-05-04); default: all data
cli-render-arg-to = End of the range (the end of that period is included)
cli-render-arg-size = Image size in pixels, WIDTHxHEIGHT, or a preset: 1080p, 4k, a4 (landscape, 300 dpi)
cli-render-arg-theme = light (print), dark or high-contrast
cli-render-arg-title = A title at the top (default: the data's own title, if it has one)
cli-render-arg-no-title = No title, even where the data has one
cli-render-arg-legend = Show the categories and their colours above the timeline (the default)
cli-render-arg-no-legend = No legend
cli-render-arg-zone = The axis's time zone: UTC, local or an IANA name such as Europe/Brussels
cli-render-arg-collapse-gaps = Draw long empty stretches short, each break marked on the axis
cli-render-arg-links = Draw every link between events as an arrow
cli-render-arg-svg-live-text = SVG: keep text as text (editable, but drawn in whatever font the viewer has) instead of outlines that look the same everywhere
cli-convert-about = Read files in any supported format and write them, merged, in the native format
cli-convert-arg-files = Files to convert
cli-convert-arg-output = The native file to write (written atomically: a crash leaves any old file intact)
cli-gen-about = Write a synthetic native file for benchmarks: bursts of incidents, spans, tags, actors, 8 categories over 25 years. The same seed gives the same bytes
cli-gen-arg-events = How many events
cli-gen-arg-seed = Random seed
cli-gen-arg-format = native (Annals JSON) or l2tcsv (a Plaso super-timeline as psort writes it)
cli-gen-arg-output = The file to write
cli-import-about = Send files in any supported format to a ClickHouse table (created with Annals' default schema where it does not exist)
cli-import-arg-files = Files to import
cli-import-arg-to = The table: clickhouse://HOST:PORT/DATABASE/TABLE (a password comes from ANNALS_CLICKHOUSE_PASSWORD)
cli-import-arg-batch = Events sent in one INSERT

# The command line: what it prints.
cli-error = error: { $message }
cli-bad-lang = --lang { $value } is not en, nl, fr or de
cli-bad-size = --size { $value } is not WIDTHxHEIGHT between 1 and { $max } or one of 1080p, 4k, a4
cli-bad-theme = --theme { $value } is not light, dark or high-contrast
cli-range-backwards = --to { $to } ends before --from { $from } begins: nothing to draw between them
cli-bad-output-format = -o { $file }: Annals writes PNG (.png) and SVG (.svg) images, chosen by the name's extension
cli-nothing-to-draw = nothing to draw: no events
cli-files-before-command = files go after the command: annals { $command } FILE…
cli-not-written = could not write { $file }: { $why }
cli-wrote-synthetic = wrote { $count ->
    [one] { $n } synthetic event
   *[other] { $n } synthetic events
} (seed { $seed }) to { $file }
cli-wrote-events = wrote { $count ->
    [one] { $n } event
   *[other] { $n } events
} to { $file }
# "wrote 1920×1080 PNG to slide.png"
cli-wrote-image = wrote { $size } { $format } to { $file }
cli-issues = { $count ->
    [one] { $n } issue
   *[other] { $n } issues
}
cli-total = total: { $events }, { $periods }
cli-total-range = total: { $events }, { $periods }, { $first } to { $last }

# A date that cannot be read (the date range fields, G, --from/--to).
date-error-empty = empty date
date-error-shape = expected a date like 2021, 2021-05, 2021-05-04 or 2021-05-04T11:00+02:00, got { $value }
date-error-year = year { $value } is out of range (at most ±100,000,000,000)
date-error-month = month { $value } does not exist (months are 01–12)
date-error-day = day { $day } does not exist in { $month } { $year } (it has { $days } days)
date-error-time = time of day { $value } is out of range
date-error-offset = UTC offset { $value } is not valid (expected Z or ±HH:MM within ±18:00)

# A file that cannot be used at all (the problems panel).
# "cases.json: 50,000 of 1,000,000 events sent"
cli-import-progress = { $file }: { $sent } of { $count ->
    [one] { $total } event
   *[other] { $total } events
} sent
# "cases.json: 1,000,000 events sent to clickhouse://…/soc/events in 2.10 s (476,190 events/s)"
cli-imported = { $file }: { $count ->
    [one] { $n } event
   *[other] { $n } events
} sent to { $table } in { $seconds } s ({ $rate } events/s)
load-error-remote = could not read { $file }: { $why }
clickhouse-address = { $address } is not a ClickHouse table address (clickhouse://HOST:PORT/DATABASE/TABLE[?time=COLUMN&…]): { $why }
clickhouse-unreachable = could not reach ClickHouse at { $address }: { $why }
clickhouse-refused = ClickHouse at { $address } refused the query: { $message }
clickhouse-answer = ClickHouse at { $address } answered in a shape Annals cannot read: { $why }
load-error-read = could not read { $file }: { $why }
load-error-too-large = { $file } is { $size }, over the limit of { $limit }
load-error-cancelled = loading { $file } was cancelled
load-error-not-utf8 = { $file } is not UTF-8 text at line { $line }, column { $column }
load-error-json = { $file } is not valid JSON at line { $line }, column { $column }: { $why }
load-error-shape = { $file } at line { $line }, column { $column }: { $why }
load-error-truncated = { $file } ends unexpectedly at line { $line }, column { $column }: the file looks truncated
load-reason-read = could not be read: { $why }
load-reason-too-large = { $size }, over the limit of { $limit }
load-reason-cancelled = loading was cancelled
load-reason-not-utf8 = not UTF-8 text
load-reason-truncated = ends unexpectedly: the file looks truncated
load-reason-json = not valid JSON: { $why }

# Said by a screen reader when the selection changes.
access-selected = Selected: { $event }

# Text with no message of its own (a reader's own words), shown as it is.
verbatim = { $text }

# Problems found in a file: the frame ("event 3 "DDoS": field `start`: …") and common reasons.
problem-field = { $what }: field `{ $field }`: { $problem }
problem-in = { $what }: { $problem }
problem-duplicate-key = { $what }: duplicate key `{ $field }`: the last value is used
problem-unknown-field = { $what }: unknown field `{ $field }` ignored (known: { $known })
problem-duplicate-category = { $what }: duplicate category id { $id } ignored
problem-duplicate-id = { $what }: duplicate id { $id }; kept as { $new }
problem-end-dropped = { $what }: field `{ $field }`: { $problem }; drawn as a point at its start
# The reopen cache (a copy of a big file's events kept in the user's cache folder) could not be trusted.
problem-cache-damaged = The cached copy of this file was damaged and was not used; the file was read again.
problem-cache-foreign = The cached copy of this file was written by another version of Annals and was not used; the file was read again.
# A record: "event 3", "row 12", with its title: "event 3 "DDoS attack on Belnet"".
record-numbered = { $kind } { $number }
record-titled = { $record } { $title }
record-event = event
record-period = period
record-category = category
record-era = era
record-row = row
record-sheet-row = sheet “{ $sheet }”, row { $row }
record-file = file
record-misp-event = MISP event
record-incident = incident
# Kinds of JSON value ("expected a string, found a number").
kind-string = a string
kind-strings = an array of strings
kind-object = an object
kind-array = an array
kind-boolean = a boolean
kind-true-false = true or false
kind-null = null
kind-number = a number
reason-expected = expected { $expected }, found { $found }
reason-year-number = expected a date string or a whole year, got { $value }
reason-missing = missing
reason-missing-title = missing (every event needs a title)
reason-missing-start = missing (every event needs a start date)
reason-missing-or-empty = missing or empty
reason-empty = is empty
reason-not-a-date = { $value } is not a date
reason-l2tcsv-value = { $value } is not as psort writes it (date MM/DD/YYYY, time HH:MM:SS)
reason-plaso-not-a-time = Plaso wrote no time for this event ("Not a time")
reason-not-a-zone = { $value } is not a time zone (UTC or an IANA name such as Europe/Brussels)
load-sheet-skipped = sheet “{ $sheet }” has neither the columns title and start nor the TimelineJS template’s Year and Headline; not read
load-sheet-unreadable = not a spreadsheet Annals can read ({ $why })
reason-period-needs-both = missing (a period needs start and end)
reason-end-before-start = { $end } is before the start { $start }
reason-severity = expected low, medium, high or critical, got { $value }
reason-link-type = expected caused, response-to, attributed-to or related, got { $value }
reason-link-parts = a link needs both type and target
reason-color = expected #rrggbb, got { $value } (a palette colour is used)
reason-csv-fields = { $found } fields where the header has { $expected } (a quote left open joins the lines after it into one field)
reason-jsonl-line = line { $line }: not a JSON object: { $why }

# Reasons particular to one reader, and the parts of a date.
reason-not-whole = { $value } is not a whole number
reason-out-of-range = { $part } { $value } is out of range
reason-no-year = no year
reason-timelinejs-year-zero = year 0 does not exist in TimelineJS (1 BCE is -1)
reason-given-without = { $part } given without { $needed }
kind-number-or-string = a number or a string
kind-date-object = a date object
kind-tl2-date = a date string like "2011,3,23"
kind-iso-date = a date string such as "2021-05-04"
reason-too-many-parts = { $value } has more than six parts
reason-time-format = time { $value } is not HH:MM[:SS]
reason-not-epoch = { $value } is not a number of seconds, milliseconds, microseconds or nanoseconds since 1970
reason-timestamp-zero = timestamp 0 (1 January 1970) usually means the time was not known
reason-timestamp-unsure = { $value } read as { $unit } since 1970 is { $date }; check that the column is in { $unit }
unit-seconds = seconds
unit-milliseconds = milliseconds
unit-microseconds = microseconds
unit-nanoseconds = nanoseconds
reason-no-datetime = no datetime or timestamp
reason-not-dated-type = not a dated type
reason-misp-no-date-info = no `date` and `info`
record-object = object
reason-missing-or-not-string = missing or not a string
reason-timesketch-disagree = timestamp { $timestamp } and datetime { $datetime } disagree; datetime used
part-year = year
part-month = month
part-day = day
part-hour = hour
part-minute = minute
part-second = second
part-millisecond = millisecond
part-time = time

# Why a file could not be written or read, why nothing could be exported.
job-not-written = could not write { $file }: { $why }
job-not-read = could not read: { $why }
job-no-such-file = there is no such file
job-no-thread = could not start a background thread
export-none-shown = no events are shown
export-none-selected = no event is selected

# Keys as keyboards label them (menus and the shortcut sheet).
key-ctrl = Ctrl
key-shift = Shift
key-page-down = Page Down
key-page-up = Page Up
key-right = Right
key-left = Left
key-up = Up
key-down = Down
key-space = Space
key-enter = Enter
key-escape = Escape
key-home = Home
key-end = End

folder-files = Folder “{ $folder }”: { $files ->
    [0] no file Annals reads
    [one] 1 file to open
   *[other] { $files } files to open
}
folder-other-kinds = { $count ->
    [one] 1 file skipped, not a format Annals reads
   *[other] { $count } files skipped, not formats Annals reads
} ({ $kinds })
folder-no-extension = no extension
folder-left-out = { $count } left out beyond { $files } files or { $depth } folders deep

chooser-title-open-session = Open session
chooser-title-save-session = Save session
chooser-title-export = Export to
chooser-open = Open
chooser-add = Add
chooser-save = Save
chooser-choose = Choose
chooser-path = Path
chooser-up = Up
chooser-recent-folders = Recent folders
chooser-recent-files = Recent files
chooser-hint = Tab completes · Up and Down walk the list · Enter opens · Esc cancels
chooser-marked = { $count ->
    [one] 1 file marked
   *[other] { $count } files marked
}
chooser-more = { $count } more not listed: type a name to narrow
chooser-missing = There is no file { $file }.
chooser-unlisted = This folder cannot be listed: { $why }
chooser-replace-question = { $file } already exists. Replace it?
chooser-replace = Replace
chooser-folder-empty = Nothing here
menu-in-window-chooser = Use Annals’ own file chooser
menu-in-window-chooser-tip = Instead of the system’s dialog (used anyway where the system has none)
chooser-mark = Mark { $file }
cli-arg-new-window = Open a window of its own even if one is running (by default the files join the running window)
cli-handed-over = Opened in the running Annals window: { $files }
menu-outside-replace = Files opened from outside replace what is open
menu-outside-replace-tip = A file double-clicked in the file manager, or given to annals in a terminal, while this window runs: opened in place of what is open, rather than added to it
toast-opened-from-outside = Opened from outside: { $value }
chooser-hint-save = Tab completes · Up and Down walk the list · Enter saves · Esc cancels
chooser-hint-choose = Tab completes · Up and Down walk the list · Enter chooses · Esc cancels
