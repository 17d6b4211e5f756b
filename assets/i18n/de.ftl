# Annals, Deutsch. Monatsnamen und Abkürzungen nach CLDR (de, „format“).

month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-short-1 = Jan.
month-short-2 = Feb.
month-short-3 = März
month-short-4 = Apr.
month-short-5 = Mai
month-short-6 = Juni
month-short-7 = Juli
month-short-8 = Aug.
month-short-9 = Sept.
month-short-10 = Okt.
month-short-11 = Nov.
month-short-12 = Dez.

date-day = { $day }. { $month } { $year }
date-month = { $month } { $year }
date-day-month = { $day }. { $month }
year-bce = { $year } v. Chr.
year-ce = { $year } n. Chr.
number-million = { $number } Millionen
number-billion = { $number } Milliarden
circa = ca.

events = { $count ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignisse
}
lane-more = +{ $n } weitere
under-way = { $n } laufend
density-caption = { $n } Ereignisse beginnen im Bild, nach Dichte schattiert

footer-data = Daten: { $files }
footer-files = { $count ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}
footer-sources = Quellen: { $list }
footer-references = { $count ->
    [one] { $n } Nachweis in { $file }
   *[other] { $n } Nachweise in { $file }
}
footer-references-in-some = { $count ->
    [one] { $n } Nachweis in { $files } davon
   *[other] { $n } Nachweise in { $files } davon
}
footer-times = Zeiten in { $zone }
title-and-more = { $title } und { $n } weitere

status-events-shown = { $shown } von { $count ->
    [one] { $n } Ereignis angezeigt
   *[other] { $n } Ereignissen angezeigt
}
periods = { $count ->
    [one] { $n } Zeitraum
   *[other] { $n } Zeiträume
}
files = { $count ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}
problems = { $count ->
    [one] { $n } Problem
   *[other] { $n } Probleme
}
no-problems = Keine Probleme
problems-toggle-hint = Problembereich ein- oder ausblenden


action-open-files = Öffnen…
action-reload-files = Dateien neu laden
action-save-session = Sitzung speichern…
action-open-session = Sitzung öffnen…
action-export-image = Bild exportieren…
action-copy-image = Bild kopieren
action-search = Suchen
action-next-match = Nächster Treffer (zoomt darauf)
action-previous-match = Vorheriger Treffer
action-deselect = Suchfeld verlassen; Auswahl aufheben
action-next-event = Nächstes Ereignis
action-previous-event = Vorheriges Ereignis
action-zoom-in = Vergrößern
action-zoom-out = Verkleinern
action-pan-earlier = Nach früher verschieben
action-pan-later = Nach später verschieben
action-fit-all = Alles anzeigen
action-fit-selection = Auswahl einpassen
action-go-to-date = Zu einem Datum gehen (2021-05, 2019, 2021-05-04T11:00)
action-bookmark = Ansicht als Lesezeichen speichern
action-present = Präsentationsmodus
action-next-scene = Nächste Szene
action-previous-scene = Vorherige Szene
action-shortcuts = Tastenkürzel
action-open-files-tip = Dateien öffnen und das Geöffnete ersetzen
action-reload-files-tip = Die geöffneten Dateien neu lesen; eine defekte Datei behält ihre letzten gültigen Ereignisse
action-save-session-tip = Dateien, Ansicht, Filter, Bahnen, Auswahl, Szenen, Lesezeichen und Notizen in NAME.annals-session.json; die Datendateien werden nie verändert
action-export-image-tip = PNG oder SVG der Ansicht, aller Ereignisse oder der Auswahl
action-copy-image-tip = Ein PNG der aktuellen Ansicht zum Einfügen in eine Folie
action-fit-all-tip = Alle Ereignisse anzeigen (oder auf die Zeitleiste doppelklicken)
action-present-tip = Vollbild, größere Schrift, Bereiche ausgeblendet; Esc beendet


menu-file = Datei
menu-open-recent = Zuletzt geöffnet
menu-edit = Bearbeiten
menu-view = Ansicht
menu-lanes-by = Bahnen nach
menu-place-by = Ereignisse einordnen nach
menu-time-zone = Zeitzone
menu-language = Sprache
menu-help = Hilfe

# Wörter, die an vielen Stellen vorkommen.
close = Schließen
cancel = Abbrechen
ok = OK

# Genauigkeit eines Datums, wie das Detailfeld sie nennt.
precision-year = Jahr
precision-month = Monat
precision-day = Tag
precision-hour = Stunde
precision-minute = Minute
precision-second = Sekunde
precision-sub-second = Sekundenbruchteil
severity-low = niedrig
severity-medium = mittel
severity-high = hoch
severity-critical = kritisch
link-caused = verursachte
link-response-to = Reaktion auf
link-attributed-to = zugeschrieben
link-related = verwandt

# Das Detailfeld.
detail-zoom = Auf Ereignis zoomen
detail-close-tip = Auswahl aufheben (Esc)
detail-your-note = Ihre Notiz
detail-note-hint = In der Sitzung gespeichert, nie in der Datendatei
detail-save-note = Notiz speichern
detail-linked-from = Verknüpft von
detail-precision = Genauigkeit: { $precision }; { $zone }
detail-floating = keine Zeitzone in der Quelle (gleitende Ortszeit)
detail-calendar-date = Kalenderdatum, keine Uhrzeit
detail-start = Beginn: { $value }
detail-end = Ende: { $value }
detail-circa = Das Datum ist ungefähr (circa)
detail-disclosed = Öffentlich gemacht { $value }
detail-category = Kategorie: { $value }
detail-severity = Schweregrad: { $value }
detail-tags = Schlagwörter
detail-actors = Akteure
detail-targets = Ziele
detail-links = Verknüpfungen
detail-link-missing = { $kind } { $id } (nicht in dieser Datei)
detail-sources = Quellen
detail-from = Aus { $path } ({ $format }), ID { $id }
detail-from-line = Aus { $path } ({ $format }, Zeile { $line }), ID { $id }

# Facetten; auch die Namen der Bahnen.
field-category = Kategorie
field-tag = Schlagwort
field-actor = Akteur
field-target = Ziel
field-severity = Schweregrad
field-file = Datei
field-none-category = Ohne Kategorie
field-none-tag = Ohne Schlagwort
field-none-actor = Ohne Akteur
field-none-target = Ohne Ziel
field-none-severity = Ohne Schweregrad
field-none-file = Ohne Datei
lane-all-events = Alle Ereignisse

# Filter.
filters-heading = Filter
filters-clear = Alle löschen
filters-clear-tip = Facetten, Zeitraum, ausgeblendete Kategorien und Suche löschen
filters-fit = An Filter anpassen
filters-fit-tip = Auf die angezeigten Ereignisse zoomen
filters-chosen = { $field } ({ $n } gewählt)
filters-none = Keine
filters-server-counting = Der Server zählt…
filters-server-failed = Der Server konnte nicht zählen: { $value }
filters-more = und { $n } weitere (die Suche kürzt die Liste)
filters-from = Von
filters-to = bis
filters-any-date = beliebiges Datum

# Legende.
legend-categories = Kategorien
legend-files = Dateien
nothing-open = Nichts geöffnet

# Probleme.
problems-heading = Probleme
problems-in-all = { $n } insgesamt
problems-none = Jede Datei wurde ohne Probleme geladen
problem-error = Fehler
problem-skipped = übersprungen
problem-warning = Warnung

# Seitenleiste.
side-notes = Lesezeichen und Notizen ({ $n })
side-scenes = Szenen ({ $n })

# Lesezeichen und Notizen.
notes-name = Name oder Notiz
notes-bookmark = Ansicht merken
notes-bookmark-tip = Die Mitte der Ansicht benennen (Strg+B)
notes-note-here = Notiz hier
notes-note-here-tip = Eine Notiz in der Mitte der Ansicht
notes-delete-bookmark = Lesezeichen löschen
notes-delete-note = Notiz löschen
notes-on-event = zu { $id }
notes-at-time = am { $time }

# Szenen.
scenes-keys = Bild↑ / Bild↓ / Leertaste: weiter; F11: präsentieren
scenes-delete = Szene { $number } löschen
scenes-caption = Beschriftung
scenes-optional = optional
scenes-add = Szene hinzufügen
scenes-add-tip = Die aktuelle Ansicht, Filter und Auswahl als Szene speichern
scenes-saved-in = Gespeichert in { $file }, neben den Daten
scenes-not-saved = Szenen des eingebauten Beispiels bleiben bis zum Beenden
scenes-present-keys = Rechts, Bild↓ oder Leertaste: weiter · Links oder Bild↑: zurück · Esc: beenden

# Suche und Ereignisliste.
search = Suchen
search-hint = Titel, Akteur, Schlagwort… ( / )
search-match-of = { $count ->
    [one] Treffer { $at } von { $n }
   *[other] Treffer { $at } von { $n }
}
search-matches = { $count ->
    [one] { $n } Treffer
   *[other] { $n } Treffer
}
search-previous = Zurück
search-next = Weiter
search-only = Nur Treffer
search-only-tip = Ereignisse ausblenden, die nicht zur Suche passen
# Above the event list: "5 of 28 events".
list-count = { $shown } von { $count ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignissen
}
members-zoom = Auf diese zoomen
members-hint = Klicken zum Auswählen, Doppelklick zum Zoomen

# Laden.
loading = Laden…
load-waiting = { $file }: wartet
load-reading = { $file }: { $done } von { $size }
load-loaded = { $file }: geladen
load-parsing = { $file }: Datensätze werden gelesen…
too-large-heading = Eine sehr große Datei laden?
too-large-text = { $file } ist { $size } groß, über der Grenze von { $limit } (im Menü Ansicht einstellbar). Das Laden kann Minuten dauern und viel Speicher brauchen; was jetzt offen ist, bleibt, bis die Datei geladen ist, und Sie können abbrechen.
too-large-load = Trotzdem laden
too-large-skip = Nicht laden
empty-hint = Öffnen Sie eine Datei (Strg+O), ziehen Sie Dateien hierher oder übergeben Sie sie auf der Befehlszeile: annals DATEI…
empty-example = Das belgische Beispiel zeigen
broken-heading = { $file } konnte nicht geöffnet werden
broken-place = { $file }, Zeile { $line }, Spalte { $column }
broken-watching = Annals beobachtet diese Datei: Sobald sie korrigiert und gespeichert ist, öffnet sie sich von selbst.
broken-reload = Korrigieren Sie die Datei und laden Sie sie dann neu (Strg+R).
toast-dismiss = Klicken zum Schließen

# Die Übersicht der Tastenkürzel.
sheet-files = Dateien
sheet-find = Suchen
sheet-move = Bewegen
sheet-present = Präsentieren
sheet-next-previous-match = Nächster / vorheriger Treffer (zoomt darauf)
sheet-next-previous-event = Nächstes / vorheriges Ereignis
sheet-zoom-in-out = Vergrößern / verkleinern
sheet-pan = Früher / später verschieben
sheet-this-sheet = Diese Übersicht
sheet-or = oder
sheet-tab = Menüs und Felder sind auch mit Tab und Eingabe erreichbar.
jump-heading = Gehe zu Datum
jump-label = Datum (2021-05, 2019, 2021-05-04T11:00)
jump-go = Los
sheet-while-presenting = { $keys } beim Präsentieren

# Der Exportdialog.
export-no-preview = Keine Vorschau: { $why }
export-run = Exportieren
export-range = Bereich
export-view = Aktuelle Ansicht
export-all = Alle angezeigten Ereignisse
export-selection = Ausgewähltes Ereignis
export-size = Größe
export-custom = Benutzerdefiniert
export-size-1080p = 1920 × 1080 (Folie)
export-size-4k = 3840 × 2160 (4K-Folie)
export-size-a4 = A4 quer, 300 dpi (3508 × 2480)
export-width = Breite
export-height = Höhe
export-format = Format
export-live-text = Text bearbeitbar lassen
export-live-text-tip = Text bleibt Text, gezeichnet in der Schrift, die der Betrachter hat (Beschriftungen können dann breiter ausfallen). Ohne Haken werden Buchstaben zu Umrissen, die überall gleich aussehen.
export-theme = Design
export-theme-light = Hell (Druck)
export-title = Titel
export-none = keiner
export-show = Zeigen
export-legend = Legende (Kategorien)
export-footer = Fußzeile mit den Daten und ihren Quellen
export-zone-note = Die Achse nennt immer ihre Zeitzone.
export-file = Datei
export-choose = Auswählen…
theme-light = Hell
theme-dark = Dunkel
theme-high-contrast = Hoher Kontrast

# Weitere Menüeinträge.
menu-add-files = Dateien hinzufügen…
menu-no-recent = Keine zuletzt geöffneten Dateien
menu-open-example = Das belgische Beispiel öffnen
menu-connect-clickhouse = Mit ClickHouse verbinden…
connect-heading = Mit ClickHouse verbinden
connect-address = Adresse der Tabelle
connect-password = Passwort
connect-password-note = Leer lassen für kein Passwort oder das aus ANNALS_CLICKHOUSE_PASSWORD. Ein eingegebenes Passwort wird nur behalten, solange die Tabelle geöffnet ist, und nie gespeichert.
connect-go = Verbinden
menu-close-all = Alle schließen
menu-live-reload = Dateien bei Änderung neu laden
menu-live-reload-tip = Behält Ansicht, Auswahl und Filter; ein fehlerhaftes Speichern behält die letzten gültigen Ereignisse
menu-fit-filter-tip = Auf die Ereignisse zoomen, die die Filter zeigen
menu-one-lane = Keine (eine Bahn)
menu-happened = Wann es geschah
menu-known = Wann es bekannt wurde (Offenlegung)
menu-links = Verknüpfungen als Pfeile zeigen
menu-collapse-gaps = Leere Abschnitte verkürzen
menu-collapse-gaps-tip = Lange Abschnitte ohne Ereignisse kurz zeichnen; jede Unterbrechung ist auf der Achse markiert
menu-presentation-scale = Schriftgröße beim Präsentieren
menu-size-limit = Nachfragen vor dem Laden von Dateien über
menu-hide-problems = Probleme ausblenden
menu-show-problems = Probleme zeigen
menu-system-language = System ({ $language })
menu-zone-local = Zeitzone dieses Computers
menu-zone-other = Andere
menu-zone-set = Setzen
menu-zone-note = Ereignisdaten erscheinen, wie die Quelle sie schrieb; die Achse und die Zeiträume verwenden diese Zone.

# Die Zeitleiste.
canvas-axis-zone = Achse: { $zone }
canvas-querying = ClickHouse wird abgefragt…
canvas-more-here = { $count ->
    [one] { $n } weiteres Ereignis hier im Bild
   *[other] { $n } weitere Ereignisse hier im Bild
}
canvas-no-room = { $n } ohne Platz zum Zeichnen
canvas-unlabelled = { $n } ohne Beschriftung gezeichnet
canvas-lane-shrink = Klicken, um der Bahn wieder ihren Anteil der Zeilen zu geben
canvas-lane-expand = Klicken, um dieser Bahn alle nötigen Zeilen zu geben; hineinzoomen, um sie zu trennen
canvas-from-to = { $from } bis { $to }
canvas-list-them = Klicken, um sie aufzulisten
canvas-starting-here = { $count ->
    [one] { $n } Ereignis beginnt hier
   *[other] { $n } Ereignisse beginnen hier
}
canvas-zoom-in = Zu viele, um sie einzeln zu zeichnen; klicken zum Hineinzoomen
canvas-lane-fold = Klicken zum Einklappen; ziehen, um die Bahn zu verschieben.
canvas-lane-unfold = Klicken zum Ausklappen; ziehen, um die Bahn zu verschieben.
canvas-overview-tip = Übersicht aller Ereignisse: das Fenster ziehen, um es zu verschieben, seine Ränder, um die Größe zu ändern, oder klicken, um hinzuspringen
canvas-overview-name = Übersicht aller Ereignisse
canvas-scroll-name = Bahnen rollen
canvas-scroll-tip = Bahnen: ziehen oder das Mausrad über den Bahnnamen benutzen

# Arbeit im Hintergrund, in der Statusleiste.
busy-searching = { $count ->
    [one] { $n } Ereignis wird durchsucht…
   *[other] { $n } Ereignisse werden durchsucht…
}
busy-querying = { $count ->
    [one] { $n } Ereignis wird abgefragt…
   *[other] { $n } Ereignisse werden abgefragt…
}
busy-filtering = { $count ->
    [one] { $n } Ereignis wird gefiltert…
   *[other] { $n } Ereignisse werden gefiltert…
}
bookmark-numbered = Lesezeichen { $number }

# Kurze Meldungen unten rechts.
toast-cannot-jump = Sprung zu „{ $date }“ nicht möglich: { $why }
toast-nothing-copied = Nichts kopiert: { $value }
toast-nothing-exported = Nichts exportiert: { $value }
toast-load-cancelled = Laden abgebrochen; was offen war, bleibt offen
toast-exported = Exportiert nach { $value }
toast-table-failed = Die Tabelle hat nicht geantwortet: { $value }
toast-export-failed = Export fehlgeschlagen: { $value }
toast-copied = Bild der Ansicht in die Zwischenablage kopiert
toast-copy-failed = Kopieren fehlgeschlagen: { $value }
toast-session-saved = Sitzung gespeichert in { $value }
toast-session-not-saved = Sitzung nicht gespeichert: { $value }
toast-session-not-opened = Sitzung { $file } nicht geöffnet: { $value }
toast-scenes-not-saved = Szenen nicht gespeichert: { $value }
toast-live-reload = Automatisches Neuladen: { $value }. Verwenden Sie Datei, Dateien neu laden (Strg+R).

# Die Dateidialoge des Systems.
dialog-session-files = Annals-Sitzung
dialog-all-files = Alle Dateien
dialog-open-files = Zeitleistendateien öffnen
dialog-add-files = Zeitleistendateien hinzufügen
dialog-timeline-files = Zeitleistendateien
dialog-png = PNG-Bild
dialog-svg = SVG-Bild

# Die Befehlszeile: --help.
cli-usage = Aufruf:
cli-commands = Befehle
cli-command = BEFEHL
cli-arguments = Argumente
cli-options = Optionen
cli-help = Hilfe anzeigen
cli-version = Version anzeigen
cli-about = Eine Zeitleiste für Cybervorfälle und Cyberstrategie
cli-arg-files = Dateien, die im Fenster geöffnet werden (keine: die eingebauten belgischen Daten)
cli-arg-lang = Die Sprache von Meldungen, Daten und Beschriftungen: en, nl, fr oder de (Standard: die des Systems, aus LC_ALL, LC_MESSAGES oder LANG)
cli-check-about = Dateien ohne Fenster laden und ausgeben, was gelesen wurde und was fehlerhaft war
cli-check-arg-files = Zu prüfende Dateien (keine: die eingebauten belgischen Daten)
cli-check-arg-json = Ein JSON-Objekt statt Text ausgeben
cli-render-about = Die Zeitleiste ohne Fenster in eine PNG- oder SVG-Datei zeichnen (funktioniert über SSH und in CI)
cli-render-arg-files = Zu zeichnende Dateien (keine: die eingebauten belgischen Daten)
cli-render-arg-output = Das zu schreibende Bild: .png oder .svg
cli-render-arg-from = Beginn des Bereichs (ein Datum wie 2019 oder 2021-05-04); Standard: alle Daten
cli-render-arg-to = Ende des Bereichs (das Ende dieses Zeitraums ist eingeschlossen)
cli-render-arg-size = Bildgröße in Pixeln, BREITExHÖHE, oder eine Vorgabe: 1080p, 4k, a4 (quer, 300 dpi)
cli-render-arg-theme = light (Druck), dark oder high-contrast
cli-render-arg-title = Ein Titel oben (Standard: der eigene Titel der Daten, falls vorhanden)
cli-render-arg-no-title = Kein Titel, auch wenn die Daten einen haben
cli-render-arg-legend = Die Kategorien und ihre Farben über der Zeitleiste zeigen (Standard)
cli-render-arg-no-legend = Keine Legende
cli-render-arg-zone = Die Zeitzone der Achse: UTC, local oder ein IANA-Name wie Europe/Brussels
cli-render-arg-collapse-gaps = Lange leere Abschnitte kurz zeichnen, jede Unterbrechung auf der Achse markiert
cli-render-arg-links = Jede Verknüpfung zwischen Ereignissen als Pfeil zeichnen
cli-render-arg-svg-live-text = SVG: Text als Text belassen (bearbeitbar, aber in der Schrift des Betrachters gezeichnet) statt Umrissen, die überall gleich aussehen
cli-convert-about = Dateien in jedem unterstützten Format lesen und sie zusammengeführt im eigenen Format schreiben
cli-convert-arg-files = Zu konvertierende Dateien
cli-convert-arg-output = Die zu schreibende Datei im eigenen Format (atomar geschrieben: ein Absturz lässt eine alte Datei unversehrt)
cli-gen-about = Eine synthetische Datei im eigenen Format für Benchmarks schreiben: Wellen von Vorfällen, Zeitspannen, Schlagwörter, Akteure, 8 Kategorien über 25 Jahre. Derselbe Seed ergibt dieselben Bytes
cli-gen-arg-events = Wie viele Ereignisse
cli-gen-arg-seed = Zufalls-Seed
cli-gen-arg-format = native (Annals-JSON) oder l2tcsv (eine Plaso-Super-Timeline, wie psort sie schreibt)
cli-gen-arg-output = Die zu schreibende Datei
cli-import-about = Dateien in jedem unterstützten Format an eine ClickHouse-Tabelle senden (mit dem Standardschema von Annals angelegt, wo sie noch nicht existiert)
cli-import-arg-files = Zu importierende Dateien
cli-import-arg-to = Die Tabelle: clickhouse://HOST:PORT/DATABASE/TABLE (ein Passwort kommt aus ANNALS_CLICKHOUSE_PASSWORD)
cli-import-arg-batch = Ereignisse pro INSERT

# Die Befehlszeile: was sie ausgibt.
cli-error = Fehler: { $message }
cli-bad-lang = --lang { $value } ist nicht en, nl, fr oder de
cli-bad-size = --size { $value } ist weder BREITExHÖHE zwischen 1 und { $max } noch 1080p, 4k oder a4
cli-bad-theme = --theme { $value } ist nicht light, dark oder high-contrast
cli-range-backwards = --to { $to } endet, bevor --from { $from } beginnt: dazwischen gibt es nichts zu zeichnen
cli-bad-output-format = -o { $file }: Annals schreibt PNG- (.png) und SVG-Bilder (.svg), gewählt nach der Endung des Namens
cli-nothing-to-draw = nichts zu zeichnen: keine Ereignisse
cli-files-before-command = Dateien stehen nach dem Befehl: annals { $command } DATEI…
cli-not-written = { $file } konnte nicht geschrieben werden: { $why }
cli-wrote-synthetic = { $count ->
    [one] { $n } synthetisches Ereignis
   *[other] { $n } synthetische Ereignisse
} (Seed { $seed }) nach { $file } geschrieben
cli-wrote-events = { $count ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignisse
} nach { $file } geschrieben
cli-wrote-image = { $format } ({ $size }) nach { $file } geschrieben
cli-issues = { $count ->
    [one] { $n } Problem
   *[other] { $n } Probleme
}
cli-total = insgesamt: { $events }, { $periods }
cli-total-range = insgesamt: { $events }, { $periods }, { $first } bis { $last }

# Ein Datum, das nicht gelesen werden kann.
date-error-empty = leeres Datum
date-error-shape = erwartet ein Datum wie 2021, 2021-05, 2021-05-04 oder 2021-05-04T11:00+02:00, erhalten { $value }
date-error-year = Jahr { $value } liegt außerhalb des Bereichs (höchstens ±100.000.000.000)
date-error-month = Monat { $value } gibt es nicht (Monate sind 01–12)
date-error-day = Tag { $day } gibt es im { $month } { $year } nicht (er hat { $days } Tage)
date-error-time = Uhrzeit { $value } liegt außerhalb des Bereichs
date-error-offset = UTC-Versatz { $value } ist ungültig (erwartet Z oder ±HH:MM innerhalb ±18:00)

# Eine Datei, die gar nicht verwendbar ist.
cli-import-progress = { $file }: { $sent } von { $count ->
    [one] { $total } Ereignis
   *[other] { $total } Ereignissen
} gesendet
cli-imported = { $file }: { $count ->
    [one] { $n } Ereignis
   *[other] { $n } Ereignisse
} in { $seconds } s an { $table } gesendet ({ $rate } Ereignisse/s)
load-error-remote = { $file } konnte nicht gelesen werden: { $why }
clickhouse-address = { $address } ist keine Adresse einer ClickHouse-Tabelle (clickhouse://HOST:PORT/DATABASE/TABLE[?time=COLUMN&…]): { $why }
clickhouse-unreachable = ClickHouse unter { $address } ist nicht erreichbar: { $why }
clickhouse-refused = ClickHouse unter { $address } hat die Abfrage abgelehnt: { $message }
clickhouse-answer = ClickHouse unter { $address } hat in einer Form geantwortet, die Annals nicht lesen kann: { $why }
load-error-read = { $file } konnte nicht gelesen werden: { $why }
load-error-too-large = { $file } ist { $size } groß, über der Grenze von { $limit }
load-error-cancelled = das Laden von { $file } wurde abgebrochen
load-error-not-utf8 = { $file } ist in Zeile { $line }, Spalte { $column } kein UTF-8-Text
load-error-json = { $file } ist in Zeile { $line }, Spalte { $column } kein gültiges JSON: { $why }
load-error-shape = { $file } in Zeile { $line }, Spalte { $column }: { $why }
load-error-truncated = { $file } endet unerwartet in Zeile { $line }, Spalte { $column }: die Datei scheint abgeschnitten
load-reason-read = konnte nicht gelesen werden: { $why }
load-reason-too-large = { $size } groß, über der Grenze von { $limit }
load-reason-cancelled = das Laden wurde abgebrochen
load-reason-not-utf8 = kein UTF-8-Text
load-reason-truncated = endet unerwartet: die Datei scheint abgeschnitten
load-reason-json = kein gültiges JSON: { $why }

# Said by a screen reader when the selection changes.
access-selected = Ausgewählt: { $event }

# Text with no message of its own (a reader's own words), shown as it is.
verbatim = { $text }

# Probleme in einer Datei: der Rahmen und häufige Gründe.
problem-field = { $what }: Feld `{ $field }`: { $problem }
problem-in = { $what }: { $problem }
problem-duplicate-key = { $what }: doppelter Schlüssel `{ $field }`: der letzte Wert gilt
problem-unknown-field = { $what }: unbekanntes Feld `{ $field }` ignoriert (bekannt: { $known })
problem-duplicate-category = { $what }: doppelte Kategorie-ID { $id } ignoriert
problem-duplicate-id = { $what }: doppelte ID { $id }; behalten als { $new }
problem-end-dropped = { $what }: Feld `{ $field }`: { $problem }; als Punkt an seinem Beginn gezeichnet
problem-cache-damaged = Die zwischengespeicherte Kopie dieser Datei war beschädigt und wurde nicht verwendet; die Datei wurde neu gelesen.
problem-cache-foreign = Die zwischengespeicherte Kopie dieser Datei wurde von einer anderen Version von Annals geschrieben und nicht verwendet; die Datei wurde neu gelesen.
record-numbered = { $kind } { $number }
record-titled = { $record } { $title }
record-event = Ereignis
record-period = Zeitraum
record-category = Kategorie
record-era = Ära
record-row = Zeile
record-sheet-row = Tabellenblatt „{ $sheet }“, Zeile { $row }
record-file = Datei
record-misp-event = MISP-Ereignis
record-incident = Vorfall
kind-string = eine Zeichenkette
kind-strings = ein Array von Zeichenketten
kind-object = ein Objekt
kind-array = ein Array
kind-boolean = ein Wahrheitswert
kind-true-false = true oder false
kind-null = null
kind-number = eine Zahl
reason-expected = erwartet: { $expected }, gefunden: { $found }
reason-year-number = erwartet ein Datum als Text oder ein ganzes Jahr, erhalten { $value }
reason-missing = fehlt
reason-missing-title = fehlt (jedes Ereignis braucht einen Titel)
reason-missing-start = fehlt (jedes Ereignis braucht ein Anfangsdatum)
reason-missing-or-empty = fehlt oder ist leer
reason-empty = ist leer
reason-not-a-date = { $value } ist kein Datum
reason-l2tcsv-value = { $value } ist nicht so geschrieben, wie psort schreibt (Datum MM/DD/YYYY, Zeit HH:MM:SS)
reason-plaso-not-a-time = Plaso hat für dieses Ereignis keine Zeit geschrieben („Not a time“)
reason-not-a-zone = { $value } ist keine Zeitzone (UTC oder ein IANA-Name wie Europe/Brussels)
load-sheet-skipped = Tabellenblatt „{ $sheet }“ hat weder die Spalten title und start noch Year und Headline der TimelineJS-Vorlage; nicht gelesen
load-sheet-unreadable = keine Tabellendatei, die Annals lesen kann ({ $why })
reason-period-needs-both = fehlt (ein Zeitraum braucht Anfang und Ende)
reason-end-before-start = { $end } liegt vor dem Anfang { $start }
reason-severity = erwartet low, medium, high oder critical, erhalten { $value }
reason-link-type = erwartet caused, response-to, attributed-to oder related, erhalten { $value }
reason-link-parts = eine Verknüpfung braucht sowohl type als auch target
reason-color = erwartet #rrggbb, erhalten { $value } (eine Palettenfarbe wird verwendet)
reason-csv-fields = { $found } Felder, wo die Kopfzeile { $expected } hat (ein offenes Anführungszeichen verbindet die folgenden Zeilen zu einem Feld)
reason-jsonl-line = Zeile { $line }: kein JSON-Objekt: { $why }

# Gründe einzelner Leser und die Teile eines Datums.
reason-not-whole = { $value } ist keine ganze Zahl
reason-out-of-range = { $part } { $value } liegt außerhalb des Bereichs
reason-no-year = kein Jahr
reason-timelinejs-year-zero = das Jahr 0 gibt es in TimelineJS nicht (1 v. Chr. ist -1)
reason-given-without = { $part } ohne { $needed } angegeben
kind-number-or-string = eine Zahl oder eine Zeichenkette
kind-date-object = ein Datumsobjekt
kind-tl2-date = ein Datum als Text wie "2011,3,23"
kind-iso-date = ein Datum als Text wie "2021-05-04"
reason-too-many-parts = { $value } hat mehr als sechs Teile
reason-time-format = Uhrzeit { $value } ist nicht HH:MM[:SS]
reason-not-epoch = { $value } ist keine Anzahl Sekunden, Millisekunden, Mikrosekunden oder Nanosekunden seit 1970
reason-timestamp-zero = Timestamp 0 (1. Januar 1970) bedeutet meist, dass die Zeit nicht bekannt war
reason-timestamp-unsure = { $value } als { $unit } seit 1970 gelesen ergibt { $date }; prüfen Sie, ob die Spalte in { $unit } ist
unit-seconds = Sekunden
unit-milliseconds = Millisekunden
unit-microseconds = Mikrosekunden
unit-nanoseconds = Nanosekunden
reason-no-datetime = weder datetime noch timestamp
reason-not-dated-type = kein Typ mit Datum
reason-misp-no-date-info = weder `date` noch `info`
record-object = Objekt
reason-missing-or-not-string = fehlt oder ist keine Zeichenkette
reason-timesketch-disagree = timestamp { $timestamp } und datetime { $datetime } weichen ab; datetime wird verwendet
part-year = Jahr
part-month = Monat
part-day = Tag
part-hour = Stunde
part-minute = Minute
part-second = Sekunde
part-millisecond = Millisekunde
part-time = Uhrzeit

# Warum eine Datei nicht geschrieben oder gelesen werden konnte.
job-not-written = { $file } konnte nicht geschrieben werden: { $why }
job-not-read = konnte nicht gelesen werden: { $why }
job-no-such-file = diese Datei gibt es nicht
job-no-thread = konnte keinen Hintergrund-Thread starten
export-none-shown = es werden keine Ereignisse angezeigt
export-none-selected = kein Ereignis ist ausgewählt

# Tasten, wie Tastaturen sie beschriften.
key-ctrl = Strg
key-shift = Umschalt
key-page-down = Bild↓
key-page-up = Bild↑
key-right = Rechts
key-left = Links
key-up = Hoch
key-down = Runter
key-space = Leertaste
key-enter = Eingabe
key-escape = Esc
key-home = Pos1
key-end = Ende

folder-files = Ordner „{ $folder }“: { $files ->
    [0] keine Datei, die Annals liest
    [one] 1 Datei zum Öffnen
   *[other] { $files } Dateien zum Öffnen
}
folder-other-kinds = { $count ->
    [one] 1 Datei übersprungen, kein Format, das Annals liest
   *[other] { $count } Dateien übersprungen, keine Formate, die Annals liest
} ({ $kinds })
folder-no-extension = ohne Endung
folder-left-out = { $count } ausgelassen jenseits von { $files } Dateien oder { $depth } Ordnerebenen

chooser-title-open-session = Sitzung öffnen
chooser-title-save-session = Sitzung speichern
chooser-title-export = Exportieren nach
chooser-open = Öffnen
chooser-add = Hinzufügen
chooser-save = Speichern
chooser-choose = Wählen
chooser-path = Pfad
chooser-up = Nach oben
chooser-recent-folders = Letzte Ordner
chooser-recent-files = Letzte Dateien
chooser-hint = Tab ergänzt · Hoch und Runter gehen durch die Liste · Enter öffnet · Esc bricht ab
chooser-marked = { $count ->
    [one] 1 Datei markiert
   *[other] { $count } Dateien markiert
}
chooser-more = { $count } weitere nicht angezeigt: Namen tippen, um einzugrenzen
chooser-missing = Die Datei { $file } gibt es nicht.
chooser-unlisted = Dieser Ordner kann nicht gelesen werden: { $why }
chooser-replace-question = { $file } existiert bereits. Ersetzen?
chooser-replace = Ersetzen
chooser-folder-empty = Hier ist nichts
menu-in-window-chooser = Den eigenen Dateiwähler von Annals verwenden
menu-in-window-chooser-tip = Statt des Systemdialogs (wird ohnehin verwendet, wo das System keinen hat)
chooser-mark = { $file } markieren
cli-arg-new-window = Ein eigenes Fenster öffnen, auch wenn schon eines läuft (standardmäßig kommen die Dateien in das laufende Fenster)
cli-handed-over = Im laufenden Annals-Fenster geöffnet: { $files }
menu-outside-replace = Von außen geöffnete Dateien ersetzen, was offen ist
menu-outside-replace-tip = Eine im Dateimanager doppelt angeklickte oder annals im Terminal übergebene Datei, während dieses Fenster läuft: statt des Offenen geöffnet, statt hinzugefügt
toast-opened-from-outside = Von außen geöffnet: { $value }
chooser-hint-save = Tab ergänzt · Hoch und Runter gehen durch die Liste · Enter speichert · Esc bricht ab
chooser-hint-choose = Tab ergänzt · Hoch und Runter gehen durch die Liste · Enter wählt · Esc bricht ab
