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

# Woorden die op veel plaatsen terugkomen.
close = Sluiten
cancel = Annuleren
ok = OK

# Precisie van een datum, zoals het detailpaneel ze noemt.
precision-year = jaar
precision-month = maand
precision-day = dag
precision-hour = uur
precision-minute = minuut
precision-second = seconde
precision-sub-second = fractie van een seconde
severity-low = laag
severity-medium = middel
severity-high = hoog
severity-critical = kritiek
link-caused = veroorzaakte
link-response-to = reactie op
link-attributed-to = toegeschreven aan
link-related = verwant

# Het detailpaneel.
detail-zoom = Inzoomen op gebeurtenis
detail-close-tip = Selectie opheffen (Esc)
detail-your-note = Uw notitie
detail-note-hint = Bewaard in de sessie, nooit in het gegevensbestand
detail-save-note = Notitie opslaan
detail-linked-from = Gekoppeld vanuit
detail-precision = precisie: { $precision }; { $zone }
detail-floating = geen tijdzone in de bron (zwevende lokale tijd)
detail-calendar-date = kalenderdatum, geen tijdstip
detail-start = Begin: { $value }
detail-end = Einde: { $value }
detail-circa = De datum is bij benadering (circa)
detail-disclosed = Bekendgemaakt { $value }
detail-category = Categorie: { $value }
detail-severity = Ernst: { $value }
detail-tags = Tags
detail-actors = Actoren
detail-targets = Doelwitten
detail-links = Koppelingen
detail-link-missing = { $kind } { $id } (niet in dit bestand)
detail-sources = Bronnen
detail-from = Uit { $path } ({ $format }), id { $id }
detail-from-line = Uit { $path } ({ $format }, regel { $line }), id { $id }

# Facetten; ook de namen van de banen.
field-category = Categorie
field-tag = Tag
field-actor = Actor
field-target = Doelwit
field-severity = Ernst
field-file = Bestand
field-none-category = Zonder categorie
field-none-tag = Geen tag
field-none-actor = Geen actor
field-none-target = Geen doelwit
field-none-severity = Geen ernst
field-none-file = Geen bestand
lane-all-events = Alle gebeurtenissen

# Filters.
filters-heading = Filters
filters-clear = Alles wissen
filters-clear-tip = Facetten, datumbereik, verborgen categorieën en zoekopdracht wissen
filters-fit = Passend op filter
filters-fit-tip = Inzoomen op de getoonde gebeurtenissen
filters-chosen = { $field } ({ $n } gekozen)
filters-none = Geen
filters-server-counting = De server telt…
filters-server-failed = De server kon niet tellen: { $value }
filters-more = en nog { $n } (zoeken verkort de lijst)
filters-from = Van
filters-to = tot
filters-any-date = elke datum

# Legende.
legend-categories = Categorieën
legend-files = Bestanden
nothing-open = Niets geopend

# Problemen.
problems-heading = Problemen
problems-in-all = { $n } in totaal
problems-none = Elk bestand is zonder problemen geladen
problem-error = fout
problem-skipped = overgeslagen
problem-warning = waarschuwing

# Zijpaneel.
side-notes = Bladwijzers en notities ({ $n })
side-scenes = Scènes ({ $n })

# Bladwijzers en notities.
notes-name = Naam of notitie
notes-bookmark = Bladwijzer voor weergave
notes-bookmark-tip = Het midden van de weergave een naam geven (Ctrl+B)
notes-note-here = Notitie hier
notes-note-here-tip = Een notitie in het midden van de weergave
notes-delete-bookmark = De bladwijzer verwijderen
notes-delete-note = De notitie verwijderen
notes-on-event = bij { $id }
notes-at-time = op { $time }

# Scènes.
scenes-keys = PgUp / PgDn / Spatie: stappen; F11: presenteren
scenes-delete = Scène { $number } verwijderen
scenes-caption = Bijschrift
scenes-optional = optioneel
scenes-add = Scène toevoegen
scenes-add-tip = De huidige weergave, filter en selectie als scène bewaren
scenes-saved-in = Bewaard in { $file }, naast de gegevens
scenes-not-saved = Scènes van het ingebouwde voorbeeld blijven tot u afsluit
scenes-present-keys = Rechts, PgDn of Spatie: volgende · Links of PgUp: vorige · Esc: stoppen

# Zoeken en de lijst van gebeurtenissen.
search = Zoeken
search-hint = titel, actor, tag… ( / )
search-match-of = { $count ->
    [one] treffer { $at } van { $n }
   *[other] treffer { $at } van { $n }
}
search-matches = { $count ->
    [one] { $n } treffer
   *[other] { $n } treffers
}
search-previous = Vorige
search-next = Volgende
search-only = Alleen treffers
search-only-tip = De gebeurtenissen verbergen die niet aan de zoekopdracht voldoen
# Above the event list: "5 of 28 events".
list-count = { $shown } van { $count ->
    [one] { $n } gebeurtenis
   *[other] { $n } gebeurtenissen
}
members-zoom = Hierop inzoomen
members-hint = Klik om te selecteren, dubbelklik om in te zoomen

# Laden.
loading = Laden…
load-waiting = { $file }: wacht
load-reading = { $file }: { $done } van { $size }
load-loaded = { $file }: geladen
load-parsing = { $file }: records lezen…
too-large-heading = Een zeer groot bestand laden?
too-large-text = { $file } is { $size }, boven de limiet van { $limit } (in te stellen in het menu Beeld). Laden kan minuten duren en veel geheugen vragen; wat nu open is, blijft tot het geladen is, en u kunt annuleren.
too-large-load = Toch laden
too-large-skip = Niet laden
empty-hint = Open een bestand (Ctrl+O), sleep bestanden hierheen of geef ze op de opdrachtregel mee: annals BESTAND…
empty-example = Het Belgische voorbeeld tonen
broken-heading = { $file } kon niet geopend worden
broken-place = { $file }, regel { $line }, kolom { $column }
broken-watching = Annals houdt dit bestand in het oog: zodra het hersteld en bewaard is, opent het vanzelf.
broken-reload = Herstel het bestand en laad het daarna opnieuw (Ctrl+R).
toast-dismiss = Klik om te sluiten

# Het sneltoetsenoverzicht.
sheet-files = Bestanden
sheet-find = Zoeken
sheet-move = Bewegen
sheet-present = Presenteren
sheet-next-previous-match = Volgende / vorige treffer (zoomt erop in)
sheet-next-previous-event = Volgende / vorige gebeurtenis
sheet-zoom-in-out = In- / uitzoomen
sheet-pan = Naar vroeger / later schuiven
sheet-this-sheet = Dit overzicht
sheet-or = of
sheet-tab = Menu's en panelen zijn ook bereikbaar met Tab en Enter.
jump-heading = Naar datum
jump-label = Datum (2021-05, 2019, 2021-05-04T11:00)
jump-go = Ga
sheet-while-presenting = { $keys } tijdens presenteren

# Het exportvenster.
export-no-preview = Geen voorbeeld: { $why }
export-run = Exporteren
export-range = Bereik
export-view = Huidige weergave
export-all = Alle getoonde gebeurtenissen
export-selection = Geselecteerde gebeurtenis
export-size = Formaat
export-custom = Aangepast
export-size-1080p = 1920 × 1080 (dia)
export-size-4k = 3840 × 2160 (4K-dia)
export-size-a4 = A4 liggend, 300 dpi (3508 × 2480)
export-width = Breedte
export-height = Hoogte
export-format = Bestandstype
export-live-text = Tekst bewerkbaar houden
export-live-text-tip = Tekst blijft tekst, getekend in het lettertype dat de lezer heeft (labels kunnen dan breder uitvallen). Uitgevinkt worden letters omtrekken die er overal hetzelfde uitzien.
export-theme = Thema
export-theme-light = Licht (afdrukken)
export-title = Titel
export-none = geen
export-show = Tonen
export-legend = Legende (categorieën)
export-footer = Voettekst met de gegevens en hun bronnen
export-zone-note = De as vermeldt altijd haar tijdzone.
export-file = Bestand
export-choose = Kiezen…
theme-light = Licht
theme-dark = Donker
theme-high-contrast = Hoog contrast

# Meer uit de menu's.
menu-add-files = Bestanden toevoegen…
menu-no-recent = Geen recente bestanden
menu-open-example = Het Belgische voorbeeld openen
menu-connect-clickhouse = Verbinden met ClickHouse…
connect-heading = Verbinden met ClickHouse
connect-address = Adres van de tabel
connect-password = Wachtwoord
connect-password-note = Laat het leeg voor geen wachtwoord of dat uit ANNALS_CLICKHOUSE_PASSWORD. Een getypt wachtwoord wordt alleen bijgehouden zolang de tabel open is en wordt nooit opgeslagen.
connect-go = Verbinden
menu-close-all = Alles sluiten
menu-live-reload = Bestanden herladen als ze wijzigen
menu-live-reload-tip = Behoudt weergave, selectie en filters; een kapotte wijziging behoudt de laatste goede gebeurtenissen
menu-fit-filter-tip = Inzoomen op de gebeurtenissen die de filters tonen
menu-one-lane = Geen (één baan)
menu-happened = Wanneer het gebeurde
menu-known = Wanneer het bekend werd (bekendmaking)
menu-links = Koppelingen als pijlen tonen
menu-collapse-gaps = Lege stukken inkorten
menu-collapse-gaps-tip = Lange stukken zonder gebeurtenissen kort tekenen; elke onderbreking staat op de as
menu-presentation-scale = Lettergrootte bij presenteren
menu-size-limit = Vragen voor het laden van bestanden boven
menu-hide-problems = Problemen verbergen
menu-show-problems = Problemen tonen
menu-system-language = Systeem ({ $language })
menu-zone-local = Zone van deze computer
menu-zone-other = Andere
menu-zone-set = Instellen
menu-zone-note = Datums van gebeurtenissen staan zoals de bron ze schreef; de as en de bereiken gebruiken deze zone.

# Het tijdlijncanvas.
canvas-axis-zone = As: { $zone }
canvas-querying = ClickHouse wordt bevraagd…
canvas-more-here = { $count ->
    [one] nog { $n } gebeurtenis hier in beeld
   *[other] nog { $n } gebeurtenissen hier in beeld
}
canvas-no-room = { $n } zonder ruimte om getekend te worden
canvas-unlabelled = { $n } getekend zonder label
canvas-lane-shrink = Klik om de baan weer haar deel van de rijen te geven
canvas-lane-expand = Klik om deze baan alle rijen te geven die ze nodig heeft; zoom in om ze uit elkaar te zien
canvas-from-to = { $from } tot { $to }
canvas-list-them = Klik om ze op te sommen
canvas-starting-here = { $count ->
    [one] { $n } gebeurtenis begint hier
   *[other] { $n } gebeurtenissen beginnen hier
}
canvas-zoom-in = Te veel om één voor één te tekenen; klik om in te zoomen
canvas-lane-fold = Klik om in te klappen; sleep om de baan te verplaatsen.
canvas-lane-unfold = Klik om uit te klappen; sleep om de baan te verplaatsen.
canvas-overview-tip = Overzicht van alle gebeurtenissen: sleep het venster om het te verplaatsen, de randen om het te vergroten of verkleinen, of klik om te springen
canvas-overview-name = Overzicht van alle gebeurtenissen
canvas-scroll-name = Door de banen schuiven
canvas-scroll-tip = Banen: slepen, of het wieltje gebruiken boven de baannamen

# Werk op de achtergrond, in de statusbalk.
busy-searching = { $count ->
    [one] { $n } gebeurtenis doorzoeken…
   *[other] { $n } gebeurtenissen doorzoeken…
}
busy-querying = { $count ->
    [one] { $n } gebeurtenis bevragen…
   *[other] { $n } gebeurtenissen bevragen…
}
busy-filtering = { $count ->
    [one] { $n } gebeurtenis filteren…
   *[other] { $n } gebeurtenissen filteren…
}
bookmark-numbered = Bladwijzer { $number }

# Korte berichten rechtsonder.
toast-cannot-jump = Kan niet springen naar '{ $date }': { $why }
toast-nothing-copied = Niets gekopieerd: { $value }
toast-nothing-exported = Niets geëxporteerd: { $value }
toast-load-cancelled = Laden geannuleerd; wat open was, blijft open
toast-exported = Geëxporteerd naar { $value }
toast-table-failed = De tabel antwoordde niet: { $value }
toast-export-failed = Exporteren mislukt: { $value }
toast-copied = Afbeelding van de weergave naar het klembord gekopieerd
toast-copy-failed = Kopiëren mislukt: { $value }
toast-session-saved = Sessie bewaard in { $value }
toast-session-not-saved = Sessie niet bewaard: { $value }
toast-session-not-opened = Sessie { $file } niet geopend: { $value }
toast-scenes-not-saved = Scènes niet bewaard: { $value }
toast-live-reload = Automatisch herladen: { $value }. Gebruik Bestand, Bestanden opnieuw laden (Ctrl+R).

# De bestandsvensters van het systeem.
dialog-session-files = Annals-sessie
dialog-all-files = Alle bestanden
dialog-open-files = Tijdlijnbestanden openen
dialog-add-files = Tijdlijnbestanden toevoegen
dialog-timeline-files = Tijdlijnbestanden
dialog-png = PNG-afbeelding
dialog-svg = SVG-afbeelding

# De opdrachtregel: --help.
cli-usage = Gebruik:
cli-commands = Opdrachten
cli-command = OPDRACHT
cli-arguments = Argumenten
cli-options = Opties
cli-help = Hulp tonen
cli-version = Versie tonen
cli-about = Een tijdlijn voor cyberincidenten en -strategie
cli-arg-files = Bestanden om in het venster te openen (geen: de ingebouwde Belgische gegevens)
cli-arg-lang = De taal van berichten, datums en bijschriften: en, nl, fr of de (standaard: die van het systeem, uit LC_ALL, LC_MESSAGES of LANG)
cli-check-about = Bestanden zonder venster laden en tonen wat gelezen werd en wat er mis was
cli-check-arg-files = Te controleren bestanden (geen: de ingebouwde Belgische gegevens)
cli-check-arg-json = Eén JSON-object tonen in plaats van tekst
cli-render-about = De tijdlijn naar een PNG- of SVG-bestand tekenen, zonder venster (werkt via SSH en in CI)
cli-render-arg-files = Te tekenen bestanden (geen: de ingebouwde Belgische gegevens)
cli-render-arg-output = De te schrijven afbeelding: .png of .svg
cli-render-arg-from = Begin van het bereik (een datum zoals 2019 of 2021-05-04); standaard: alle gegevens
cli-render-arg-to = Einde van het bereik (het einde van die periode hoort erbij)
cli-render-arg-size = Afbeeldingsgrootte in pixels, BREEDTExHOOGTE, of een voorinstelling: 1080p, 4k, a4 (liggend, 300 dpi)
cli-render-arg-theme = light (afdrukken), dark of high-contrast
cli-render-arg-title = Een titel bovenaan (standaard: de eigen titel van de gegevens, als die er is)
cli-render-arg-no-title = Geen titel, ook als de gegevens er een hebben
cli-render-arg-legend = De categorieën en hun kleuren boven de tijdlijn tonen (standaard)
cli-render-arg-no-legend = Geen legende
cli-render-arg-zone = De tijdzone van de as: UTC, local of een IANA-naam zoals Europe/Brussels
cli-render-arg-collapse-gaps = Lange lege stukken kort tekenen, elke onderbreking gemarkeerd op de as
cli-render-arg-links = Elke koppeling tussen gebeurtenissen als pijl tekenen
cli-render-arg-svg-live-text = SVG: tekst als tekst houden (bewerkbaar, maar getekend in het lettertype dat de lezer heeft) in plaats van omtrekken die er overal hetzelfde uitzien
cli-convert-about = Bestanden in elk ondersteund formaat lezen en ze, samengevoegd, in het eigen formaat schrijven
cli-convert-arg-files = Te converteren bestanden
cli-convert-arg-output = Het te schrijven eigen bestand (atomair geschreven: bij een crash blijft een oud bestand intact)
cli-gen-about = Een synthetisch bestand in het eigen formaat schrijven voor benchmarks: golven van incidenten, perioden, tags, actoren, 8 categorieën over 25 jaar. Dezelfde seed geeft dezelfde bytes
cli-gen-arg-events = Hoeveel gebeurtenissen
cli-gen-arg-seed = Willekeurige seed
cli-gen-arg-format = native (Annals-JSON) of l2tcsv (een Plaso-supertijdlijn zoals psort die schrijft)
cli-gen-arg-output = Het te schrijven bestand
cli-import-about = Bestanden in elk ondersteund formaat naar een ClickHouse-tabel sturen (aangemaakt met het standaardschema van Annals als ze nog niet bestaat)
cli-import-arg-files = Te importeren bestanden
cli-import-arg-to = De tabel: clickhouse://HOST:PORT/DATABASE/TABLE (een wachtwoord komt uit ANNALS_CLICKHOUSE_PASSWORD)
cli-import-arg-batch = Gebeurtenissen per INSERT

# De opdrachtregel: wat hij toont.
cli-error = fout: { $message }
cli-bad-lang = --lang { $value } is niet en, nl, fr of de
cli-bad-size = --size { $value } is geen BREEDTExHOOGTE tussen 1 en { $max } en ook niet 1080p, 4k of a4
cli-bad-theme = --theme { $value } is niet light, dark of high-contrast
cli-range-backwards = --to { $to } eindigt voordat --from { $from } begint: er is niets om tussen te tekenen
cli-bad-output-format = -o { $file }: Annals schrijft PNG- (.png) en SVG-afbeeldingen (.svg), gekozen op de extensie van de naam
cli-nothing-to-draw = niets te tekenen: geen gebeurtenissen
cli-files-before-command = bestanden komen na de opdracht: annals { $command } BESTAND…
cli-not-written = kon { $file } niet schrijven: { $why }
cli-wrote-synthetic = { $count ->
    [one] { $n } synthetische gebeurtenis
   *[other] { $n } synthetische gebeurtenissen
} (seed { $seed }) geschreven naar { $file }
cli-wrote-events = { $count ->
    [one] { $n } gebeurtenis
   *[other] { $n } gebeurtenissen
} geschreven naar { $file }
cli-wrote-image = { $format } van { $size } geschreven naar { $file }
cli-issues = { $count ->
    [one] { $n } probleem
   *[other] { $n } problemen
}
cli-total = totaal: { $events }, { $periods }
cli-total-range = totaal: { $events }, { $periods }, { $first } tot { $last }

# Een datum die niet te lezen is.
date-error-empty = lege datum
date-error-shape = verwacht een datum zoals 2021, 2021-05, 2021-05-04 of 2021-05-04T11:00+02:00, kreeg { $value }
date-error-year = jaar { $value } valt buiten het bereik (hoogstens ±100.000.000.000)
date-error-month = maand { $value } bestaat niet (maanden zijn 01–12)
date-error-day = dag { $day } bestaat niet in { $month } { $year } (die heeft { $days } dagen)
date-error-time = tijdstip { $value } valt buiten het bereik
date-error-offset = UTC-afwijking { $value } is ongeldig (verwacht Z of ±UU:MM binnen ±18:00)

# Een bestand dat helemaal niet bruikbaar is.
cli-import-progress = { $file }: { $sent } van { $count ->
    [one] { $total } gebeurtenis
   *[other] { $total } gebeurtenissen
} verstuurd
cli-imported = { $file }: { $count ->
    [one] { $n } gebeurtenis
   *[other] { $n } gebeurtenissen
} naar { $table } verstuurd in { $seconds } s ({ $rate } gebeurtenissen/s)
load-error-remote = kon { $file } niet lezen: { $why }
clickhouse-address = { $address } is geen adres van een ClickHouse-tabel (clickhouse://HOST:PORT/DATABASE/TABLE[?time=COLUMN&…]): { $why }
clickhouse-unreachable = ClickHouse op { $address } is onbereikbaar: { $why }
clickhouse-refused = ClickHouse op { $address } weigerde de query: { $message }
clickhouse-answer = ClickHouse op { $address } antwoordde in een vorm die Annals niet kan lezen: { $why }
load-error-read = kon { $file } niet lezen: { $why }
load-error-too-large = { $file } is { $size }, boven de limiet van { $limit }
load-error-cancelled = het laden van { $file } is geannuleerd
load-error-not-utf8 = { $file } is geen UTF-8-tekst op regel { $line }, kolom { $column }
load-error-json = { $file } is geen geldige JSON op regel { $line }, kolom { $column }: { $why }
load-error-shape = { $file } op regel { $line }, kolom { $column }: { $why }
load-error-truncated = { $file } eindigt onverwacht op regel { $line }, kolom { $column }: het bestand lijkt afgekapt
load-reason-read = kon niet gelezen worden: { $why }
load-reason-too-large = { $size }, boven de limiet van { $limit }
load-reason-cancelled = het laden is geannuleerd
load-reason-not-utf8 = geen UTF-8-tekst
load-reason-truncated = eindigt onverwacht: het bestand lijkt afgekapt
load-reason-json = geen geldige JSON: { $why }

# Said by a screen reader when the selection changes.
access-selected = Geselecteerd: { $event }

# Text with no message of its own (a reader's own words), shown as it is.
verbatim = { $text }

# Problemen in een bestand: het kader en veelvoorkomende redenen.
problem-field = { $what }: veld `{ $field }`: { $problem }
problem-in = { $what }: { $problem }
problem-duplicate-key = { $what }: dubbele sleutel `{ $field }`: de laatste waarde geldt
problem-unknown-field = { $what }: onbekend veld `{ $field }` genegeerd (bekend: { $known })
problem-duplicate-category = { $what }: dubbele categorie-id { $id } genegeerd
problem-duplicate-id = { $what }: dubbele id { $id }; behouden als { $new }
problem-end-dropped = { $what }: veld `{ $field }`: { $problem }; getekend als een punt op het begin
problem-cache-damaged = De kopie van dit bestand in de cache was beschadigd en is niet gebruikt; het bestand is opnieuw gelezen.
problem-cache-foreign = De kopie van dit bestand in de cache is geschreven door een andere versie van Annals en is niet gebruikt; het bestand is opnieuw gelezen.
record-numbered = { $kind } { $number }
record-titled = { $record } { $title }
record-event = gebeurtenis
record-period = periode
record-category = categorie
record-era = tijdvak
record-row = rij
record-sheet-row = werkblad “{ $sheet }”, rij { $row }
record-file = bestand
record-misp-event = MISP-gebeurtenis
record-incident = incident
kind-string = een tekenreeks
kind-strings = een lijst van tekenreeksen
kind-object = een object
kind-array = een lijst
kind-boolean = een booleaanse waarde
kind-true-false = true of false
kind-null = null
kind-number = een getal
reason-expected = verwacht { $expected }, gevonden: { $found }
reason-year-number = verwacht een datum als tekst of een heel jaar, kreeg { $value }
reason-missing = ontbreekt
reason-missing-title = ontbreekt (elke gebeurtenis heeft een titel nodig)
reason-missing-start = ontbreekt (elke gebeurtenis heeft een begindatum nodig)
reason-missing-or-empty = ontbreekt of is leeg
reason-empty = is leeg
reason-not-a-date = { $value } is geen datum
reason-l2tcsv-value = { $value } is niet zoals psort het schrijft (datum MM/DD/YYYY, tijd HH:MM:SS)
reason-plaso-not-a-time = Plaso schreef geen tijdstip voor deze gebeurtenis ("Not a time")
reason-not-a-zone = { $value } is geen tijdzone (UTC of een IANA-naam zoals Europe/Brussels)
load-sheet-skipped = werkblad “{ $sheet }” heeft niet de kolommen title en start, noch Year en Headline van het TimelineJS-sjabloon; niet gelezen
load-sheet-unreadable = geen rekenblad dat Annals kan lezen ({ $why })
reason-period-needs-both = ontbreekt (een periode heeft een begin en een einde nodig)
reason-end-before-start = { $end } ligt vóór het begin { $start }
reason-severity = verwacht low, medium, high of critical, kreeg { $value }
reason-link-type = verwacht caused, response-to, attributed-to of related, kreeg { $value }
reason-link-parts = een koppeling heeft zowel type als target nodig
reason-color = verwacht #rrggbb, kreeg { $value } (een paletkleur wordt gebruikt)
reason-csv-fields = { $found } velden waar de kopregel er { $expected } heeft (een open aanhalingsteken voegt de volgende regels samen tot één veld)
reason-jsonl-line = regel { $line }: geen JSON-object: { $why }

# Redenen eigen aan één lezer, en de delen van een datum.
reason-not-whole = { $value } is geen geheel getal
reason-out-of-range = { $part } { $value } valt buiten het bereik
reason-no-year = geen jaar
reason-timelinejs-year-zero = jaar 0 bestaat niet in TimelineJS (1 v.Chr. is -1)
reason-given-without = { $part } gegeven zonder { $needed }
kind-number-or-string = een getal of een tekenreeks
kind-date-object = een datumobject
kind-tl2-date = een datum als tekst zoals "2011,3,23"
kind-iso-date = een datum als tekst zoals "2021-05-04"
reason-too-many-parts = { $value } heeft meer dan zes delen
reason-time-format = tijd { $value } is niet UU:MM[:SS]
reason-not-epoch = { $value } is geen aantal seconden, milliseconden, microseconden of nanoseconden sinds 1970
reason-timestamp-zero = timestamp 0 (1 januari 1970) betekent meestal dat het tijdstip niet bekend was
reason-timestamp-unsure = { $value } gelezen als { $unit } sinds 1970 is { $date }; controleer of de kolom in { $unit } staat
unit-seconds = seconden
unit-milliseconds = milliseconden
unit-microseconds = microseconden
unit-nanoseconds = nanoseconden
reason-no-datetime = geen datetime of timestamp
reason-not-dated-type = geen type met een datum
reason-misp-no-date-info = geen `date` en `info`
record-object = object
reason-missing-or-not-string = ontbreekt of is geen tekenreeks
reason-timesketch-disagree = timestamp { $timestamp } en datetime { $datetime } verschillen; datetime wordt gebruikt
part-year = jaar
part-month = maand
part-day = dag
part-hour = uur
part-minute = minuut
part-second = seconde
part-millisecond = milliseconde
part-time = tijd

# Waarom een bestand niet geschreven of gelezen kon worden.
job-not-written = kon { $file } niet schrijven: { $why }
job-not-read = kon niet lezen: { $why }
job-no-such-file = dat bestand bestaat niet
job-no-thread = kon geen achtergrondthread starten
export-none-shown = er worden geen gebeurtenissen getoond
export-none-selected = er is geen gebeurtenis geselecteerd

# Toetsen zoals toetsenborden ze benoemen.
key-ctrl = Ctrl
key-shift = Shift
key-page-down = Page Down
key-page-up = Page Up
key-right = Rechts
key-left = Links
key-up = Omhoog
key-down = Omlaag
key-space = Spatie
key-enter = Enter
key-escape = Esc
key-home = Home
key-end = End

folder-files = Map “{ $folder }”: { $files ->
    [0] geen bestand dat Annals leest
    [one] 1 bestand om te openen
   *[other] { $files } bestanden om te openen
}
folder-other-kinds = { $count ->
    [one] 1 bestand overgeslagen, geen formaat dat Annals leest
   *[other] { $count } bestanden overgeslagen, geen formaten die Annals leest
} ({ $kinds })
folder-no-extension = geen extensie
folder-left-out = { $count } weggelaten voorbij { $files } bestanden of { $depth } mappen diep

chooser-title-open-session = Sessie openen
chooser-title-save-session = Sessie bewaren
chooser-title-export = Exporteren naar
chooser-open = Openen
chooser-add = Toevoegen
chooser-save = Bewaren
chooser-choose = Kiezen
chooser-path = Pad
chooser-up = Omhoog
chooser-recent-folders = Recente mappen
chooser-recent-files = Recente bestanden
chooser-hint = Tab vult aan · Omhoog en Omlaag doorlopen de lijst · Enter opent · Esc annuleert
chooser-marked = { $count ->
    [one] 1 bestand gemarkeerd
   *[other] { $count } bestanden gemarkeerd
}
chooser-more = nog { $count } niet getoond: typ een naam om te verfijnen
chooser-missing = Er is geen bestand { $file }.
chooser-unlisted = Deze map kan niet gelezen worden: { $why }
chooser-replace-question = { $file } bestaat al. Vervangen?
chooser-replace = Vervangen
chooser-folder-empty = Niets hier
menu-in-window-chooser = De eigen bestandskiezer van Annals gebruiken
menu-in-window-chooser-tip = In plaats van het venster van het systeem (hoe dan ook gebruikt waar het systeem er geen heeft)
chooser-mark = { $file } markeren
cli-arg-new-window = Een eigen venster openen, ook als er al een draait (standaard komen de bestanden in het lopende venster)
cli-handed-over = Geopend in het lopende Annals-venster: { $files }
menu-outside-replace = Bestanden die van buitenaf geopend worden, vervangen wat open is
menu-outside-replace-tip = Een bestand dat in de bestandsbeheerder dubbel wordt aangeklikt, of in een terminal aan annals wordt gegeven, terwijl dit venster draait: geopend in plaats van wat open is, in plaats van eraan toegevoegd
toast-opened-from-outside = Van buitenaf geopend: { $value }
chooser-hint-save = Tab vult aan · Omhoog en Omlaag doorlopen de lijst · Enter bewaart · Esc annuleert
chooser-hint-choose = Tab vult aan · Omhoog en Omlaag doorlopen de lijst · Enter kiest · Esc annuleert
