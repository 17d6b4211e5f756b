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
