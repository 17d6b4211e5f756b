# Annals, français. Noms et abréviations des mois selon CLDR (fr, « format »).

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-day-month = { $day } { $month }
year-bce = { $year } av. J.-C.
year-ce = { $year } apr. J.-C.
number-million = { $number } millions
number-billion = { $number } milliards
circa = v.

events = { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}
lane-more = +{ $n } de plus
under-way = { $n } en cours
density-caption = { $n } événements commencent dans la vue, ombrés selon la densité

footer-data = Données : { $files }
footer-files = { $count ->
    [one] { $n } fichier
   *[other] { $n } fichiers
}
footer-sources = Sources : { $list }
footer-references = { $count ->
    [one] { $n } référence dans { $file }
   *[other] { $n } références dans { $file }
}
footer-references-in-some = { $count ->
    [one] { $n } référence dans { $files } d’entre eux
   *[other] { $n } références dans { $files } d’entre eux
}
footer-times = Heures en { $zone }
title-and-more = { $title } et { $n } autres

status-events-shown = { $shown } sur { $count ->
    [one] { $n } événement affiché
   *[other] { $n } événements affichés
}
periods = { $count ->
    [one] { $n } période
   *[other] { $n } périodes
}
files = { $count ->
    [one] { $n } fichier
   *[other] { $n } fichiers
}
problems = { $count ->
    [one] { $n } problème
   *[other] { $n } problèmes
}
no-problems = Aucun problème
problems-toggle-hint = Afficher ou masquer le panneau des problèmes


action-open-files = Ouvrir…
action-reload-files = Recharger les fichiers
action-save-session = Enregistrer la session…
action-open-session = Ouvrir une session…
action-export-image = Exporter l’image…
action-copy-image = Copier l’image
action-search = Rechercher
action-next-match = Résultat suivant (zoome dessus)
action-previous-match = Résultat précédent
action-deselect = Quitter la recherche ; désélectionner
action-next-event = Événement suivant
action-previous-event = Événement précédent
action-zoom-in = Zoom avant
action-zoom-out = Zoom arrière
action-pan-earlier = Défiler vers plus tôt
action-pan-later = Défiler vers plus tard
action-fit-all = Tout afficher
action-fit-selection = Ajuster à la sélection
action-go-to-date = Aller à une date (2021-05, 2019, 2021-05-04T11:00)
action-bookmark = Ajouter la vue aux signets
action-present = Mode présentation
action-next-scene = Scène suivante
action-previous-scene = Scène précédente
action-shortcuts = Raccourcis clavier
action-open-files-tip = Ouvrir des fichiers, en remplaçant ceux qui sont ouverts
action-reload-files-tip = Relire les fichiers ouverts ; un fichier endommagé garde ses derniers événements valides
action-save-session-tip = Fichiers, vue, filtres, couloirs, sélection, scènes, signets et notes dans NOM.annals-session.json ; les fichiers de données ne sont jamais modifiés
action-export-image-tip = PNG ou SVG de la vue, de tous les événements ou de la sélection
action-copy-image-tip = Un PNG de la vue actuelle, à coller dans une diapositive
action-fit-all-tip = Afficher tous les événements (ou double-cliquer sur la frise)
action-present-tip = Plein écran, texte plus grand, panneaux masqués ; Échap pour quitter


menu-file = Fichier
menu-open-recent = Ouvrir un fichier récent
menu-edit = Édition
menu-view = Affichage
menu-lanes-by = Couloirs par
menu-place-by = Placer les événements selon
menu-time-zone = Fuseau horaire
menu-language = Langue
menu-help = Aide

# Mots employés à plusieurs endroits.
close = Fermer
cancel = Annuler
ok = OK

# Précision d'une date, telle que le panneau de détail la nomme.
precision-year = année
precision-month = mois
precision-day = jour
precision-hour = heure
precision-minute = minute
precision-second = seconde
precision-sub-second = fraction de seconde
severity-low = faible
severity-medium = moyenne
severity-high = élevée
severity-critical = critique
link-caused = a causé
link-response-to = réponse à
link-attributed-to = attribué à
link-related = lié
# Le panneau de détail.
detail-zoom = Zoomer sur l’événement
detail-close-tip = Désélectionner (Échap)
detail-your-note = Votre note
detail-note-hint = Conservée dans la session, jamais dans le fichier de données
detail-save-note = Enregistrer la note
detail-linked-from = Lié depuis
detail-precision = précision : { $precision } ; { $zone }
detail-floating = pas de fuseau horaire dans la source (heure locale flottante)
detail-calendar-date = date du calendrier, sans heure
detail-start = Début : { $value }
detail-end = Fin : { $value }
detail-circa = La date est approximative (vers)
detail-disclosed = Rendu public { $value }
detail-category = Catégorie : { $value }
detail-severity = Gravité : { $value }
detail-tags = Étiquettes
detail-actors = Acteurs
detail-targets = Cibles
detail-links = Liens
detail-link-missing = { $kind } { $id } (absent de ce fichier)
detail-sources = Sources
detail-from = De { $path } ({ $format }), id { $id }
detail-from-line = De { $path } ({ $format }, ligne { $line }), id { $id }

# Facettes ; aussi les noms des couloirs.
field-category = Catégorie
field-tag = Étiquette
field-actor = Acteur
field-target = Cible
field-severity = Gravité
field-file = Fichier
field-none-category = Sans catégorie
field-none-tag = Sans étiquette
field-none-actor = Sans acteur
field-none-target = Sans cible
field-none-severity = Sans gravité
field-none-file = Sans fichier
lane-all-events = Tous les événements

# Filtres.
filters-heading = Filtres
filters-clear = Tout effacer
filters-clear-tip = Effacer facettes, période, catégories masquées et recherche
filters-fit = Ajuster au filtre
filters-fit-tip = Zoomer sur les événements affichés
filters-chosen = { $field } ({ $count ->
    [one] { $n } choisi
   *[other] { $n } choisis
})
filters-none = Aucun
filters-server-counting = Le serveur compte…
filters-server-failed = Le serveur n’a pas pu compter : { $value }
filters-more = et { $n } de plus (la recherche réduit la liste)
filters-from = Du
filters-to = au
filters-any-date = toute date

# Légende.
legend-categories = Catégories
legend-files = Fichiers
nothing-open = Rien d’ouvert

# Problèmes.
problems-heading = Problèmes
problems-in-all = { $n } au total
problems-none = Tous les fichiers ont été chargés sans problème
problem-error = erreur
problem-skipped = ignoré
problem-warning = avertissement

# Panneau latéral.
side-notes = Signets et notes ({ $n })
side-scenes = Scènes ({ $n })

# Signets et notes.
notes-name = Nom ou note
notes-bookmark = Marquer la vue
notes-bookmark-tip = Nommer le centre de la vue (Ctrl+B)
notes-note-here = Note ici
notes-note-here-tip = Une note au centre de la vue
notes-delete-bookmark = Supprimer le signet
notes-delete-note = Supprimer la note
notes-on-event = sur { $id }
notes-at-time = au { $time }

# Scènes.
scenes-keys = PgUp / PgDn / Espace : avancer ; F11 : présenter
scenes-delete = Supprimer la scène { $number }
scenes-caption = Légende
scenes-optional = facultatif
scenes-add = Ajouter une scène
scenes-add-tip = Enregistrer la vue, le filtre et la sélection actuels comme scène
scenes-saved-in = Enregistré dans { $file }, à côté des données
scenes-not-saved = Les scènes de l’exemple intégré durent jusqu’à la fermeture
scenes-present-keys = Droite, PgDn ou Espace : suivante · Gauche ou PgUp : précédente · Échap : quitter

# Recherche et liste des événements.
search = Rechercher
search-hint = titre, acteur, étiquette… ( / )
search-match-of = { $count ->
    [one] résultat { $at } sur { $n }
   *[other] résultat { $at } sur { $n }
}
search-matches = { $count ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
search-previous = Précédent
search-next = Suivant
search-only = Résultats seulement
search-only-tip = Masquer les événements qui ne correspondent pas à la recherche
# Above the event list: "5 of 28 events".
list-count = { $shown } sur { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}
members-zoom = Zoomer sur ceux-ci
members-hint = Cliquez pour sélectionner, double-cliquez pour zoomer

# Chargement.
loading = Chargement…
load-waiting = { $file } : en attente
load-reading = { $file } : { $done } sur { $size }
load-loaded = { $file } : chargé
load-parsing = { $file } : lecture des enregistrements…
too-large-heading = Charger un très gros fichier ?
too-large-text = { $file } fait { $size }, au-delà de la limite de { $limit } (réglable dans le menu Affichage). Le chargement peut prendre des minutes et beaucoup de mémoire ; ce qui est ouvert reste jusqu’à la fin du chargement, et vous pouvez annuler.
too-large-load = Charger quand même
too-large-skip = Ne pas charger
empty-hint = Ouvrez un fichier (Ctrl+O), déposez des fichiers ici ou passez-les en ligne de commande : annals FICHIER…
empty-example = Afficher l’exemple belge
broken-heading = Impossible d’ouvrir { $file }
broken-place = { $file }, ligne { $line }, colonne { $column }
broken-watching = Annals surveille ce fichier : dès qu’il sera corrigé et enregistré, il s’ouvrira de lui-même.
broken-reload = Corrigez le fichier, puis rechargez-le (Ctrl+R).
toast-dismiss = Cliquer pour fermer

# La feuille des raccourcis clavier.
sheet-files = Fichiers
sheet-find = Rechercher
sheet-move = Se déplacer
sheet-present = Présenter
sheet-next-previous-match = Résultat suivant / précédent (y zoome)
sheet-next-previous-event = Événement suivant / précédent
sheet-zoom-in-out = Zoom avant / arrière
sheet-pan = Défiler vers le passé / l’avenir
sheet-this-sheet = Cette feuille
sheet-or = ou
sheet-tab = Les menus et panneaux sont aussi accessibles avec Tab et Entrée.
jump-heading = Aller à une date
jump-label = Date (2021-05, 2019, 2021-05-04T11:00)
jump-go = Aller
sheet-while-presenting = { $keys } en présentation

# La fenêtre d’export.
export-no-preview = Pas d’aperçu : { $why }
export-run = Exporter
export-range = Étendue
export-view = Vue actuelle
export-all = Tous les événements affichés
export-selection = Événement sélectionné
export-size = Taille
export-custom = Personnalisée
export-size-1080p = 1920 × 1080 (diapositive)
export-size-4k = 3840 × 2160 (diapositive 4K)
export-size-a4 = A4 paysage, 300 dpi (3508 × 2480)
export-width = Largeur
export-height = Hauteur
export-format = Format
export-live-text = Garder le texte modifiable
export-live-text-tip = Le texte reste du texte, dessiné dans la police dont dispose le lecteur (les libellés peuvent alors s’élargir). Décoché, les lettres deviennent des contours identiques partout.
export-theme = Thème
export-theme-light = Clair (impression)
export-title = Titre
export-none = aucun
export-show = Afficher
export-legend = Légende (catégories)
export-footer = Pied de page citant les données et leurs sources
export-zone-note = L’axe indique toujours son fuseau horaire.
export-file = Fichier
export-choose = Choisir…
theme-light = Clair
theme-dark = Sombre
theme-high-contrast = Contraste élevé

# Suite des menus.
menu-add-files = Ajouter des fichiers…
menu-no-recent = Aucun fichier récent
menu-open-example = Ouvrir l’exemple belge
menu-connect-clickhouse = Se connecter à ClickHouse…
connect-heading = Se connecter à ClickHouse
connect-address = Adresse de la table
connect-password = Mot de passe
connect-password-note = Laissez vide pour aucun mot de passe ou celui de ANNALS_CLICKHOUSE_PASSWORD. Un mot de passe saisi n’est gardé que tant que la table est ouverte et n’est jamais enregistré.
connect-go = Se connecter
menu-close-all = Tout fermer
menu-live-reload = Recharger les fichiers quand ils changent
menu-live-reload-tip = Garde la vue, la sélection et les filtres ; une écriture défectueuse garde les derniers événements valides
menu-fit-filter-tip = Zoomer sur les événements que montrent les filtres
menu-one-lane = Aucun (un seul couloir)
menu-happened = Quand c’est arrivé
menu-known = Quand c’est devenu public (divulgation)
menu-links = Afficher les liens en flèches
menu-collapse-gaps = Réduire les périodes vides
menu-collapse-gaps-tip = Dessiner court les longues périodes sans événement ; chaque coupure est marquée sur l’axe
menu-presentation-scale = Taille du texte en présentation
menu-size-limit = Demander avant de charger les fichiers de plus de
menu-hide-problems = Masquer les problèmes
menu-show-problems = Afficher les problèmes
menu-system-language = Système ({ $language })
menu-zone-local = Fuseau de cet ordinateur
menu-zone-other = Autre
menu-zone-set = Appliquer
menu-zone-note = Les dates des événements s’affichent telles que la source les a écrites ; l’axe et les périodes utilisent ce fuseau.

# Le canevas de la chronologie.
canvas-axis-zone = Axe : { $zone }
canvas-querying = Interrogation de ClickHouse…
canvas-more-here = { $count ->
    [one] { $n } autre événement visible ici
   *[other] { $n } autres événements visibles ici
}
canvas-no-room = { $n } sans place pour être dessinés
canvas-unlabelled = { $n } dessinés sans libellé
canvas-lane-shrink = Cliquer pour rendre au couloir sa part de lignes
canvas-lane-expand = Cliquer pour donner à ce couloir toutes les lignes nécessaires ; zoomer pour les distinguer
canvas-from-to = { $from } – { $to }
canvas-list-them = Cliquer pour les lister
canvas-starting-here = { $count ->
    [one] { $n } événement commence ici
   *[other] { $n } événements commencent ici
}
canvas-zoom-in = Trop nombreux pour être dessinés un à un ; cliquer pour zoomer
canvas-lane-fold = Cliquer pour replier ; glisser pour déplacer le couloir.
canvas-lane-unfold = Cliquer pour déplier ; glisser pour déplacer le couloir.
canvas-overview-tip = Vue d’ensemble de tous les événements : glissez la fenêtre pour la déplacer, ses bords pour la redimensionner, ou cliquez pour y sauter
canvas-overview-name = Vue d’ensemble de tous les événements
canvas-scroll-name = Faire défiler les couloirs
canvas-scroll-tip = Couloirs : glisser, ou utiliser la molette sur les noms des couloirs

# Travail en arrière-plan, dans la barre d’état.
busy-searching = Recherche dans { $count ->
    [one] { $n } événement…
   *[other] { $n } événements…
}
busy-querying = Interrogation de { $count ->
    [one] { $n } événement…
   *[other] { $n } événements…
}
busy-filtering = Filtrage de { $count ->
    [one] { $n } événement…
   *[other] { $n } événements…
}
bookmark-numbered = Signet { $number }

# Messages courts en bas à droite.
toast-cannot-jump = Impossible d’aller à « { $date } » : { $why }
toast-nothing-copied = Rien copié : { $value }
toast-nothing-exported = Rien exporté : { $value }
toast-load-cancelled = Chargement annulé ; ce qui était ouvert reste ouvert
toast-exported = Exporté vers { $value }
toast-table-failed = La table n’a pas répondu : { $value }
toast-export-failed = Échec de l’export : { $value }
toast-copied = Image de la vue copiée dans le presse-papiers
toast-copy-failed = Échec de la copie : { $value }
toast-session-saved = Session enregistrée dans { $value }
toast-session-not-saved = Session non enregistrée : { $value }
toast-session-not-opened = Session { $file } non ouverte : { $value }
toast-scenes-not-saved = Scènes non enregistrées : { $value }
toast-live-reload = Rechargement automatique : { $value }. Utilisez Fichier, Recharger les fichiers (Ctrl+R).

# Les boîtes de dialogue du système.
dialog-session-files = Session Annals
dialog-all-files = Tous les fichiers
dialog-open-files = Ouvrir des fichiers de chronologie
dialog-add-files = Ajouter des fichiers de chronologie
dialog-timeline-files = Fichiers de chronologie
dialog-png = Image PNG
dialog-svg = Image SVG

# La ligne de commande : --help.
cli-usage = Utilisation :
cli-commands = Commandes
cli-command = COMMANDE
cli-arguments = Arguments
cli-options = Options
cli-help = Afficher l’aide
cli-version = Afficher la version
cli-about = Une chronologie des cyberincidents et de la stratégie cyber
cli-arg-files = Fichiers à ouvrir dans la fenêtre (aucun : les données belges intégrées)
cli-arg-lang = La langue des messages, des dates et des légendes : en, nl, fr ou de (par défaut : celle du système, d’après LC_ALL, LC_MESSAGES ou LANG)
cli-check-about = Charger des fichiers sans fenêtre et afficher ce qui a été lu et ce qui n’allait pas
cli-check-arg-files = Fichiers à vérifier (aucun : les données belges intégrées)
cli-check-arg-json = Afficher un objet JSON au lieu de texte
cli-render-about = Dessiner la chronologie dans un fichier PNG ou SVG, sans fenêtre (fonctionne via SSH et en CI)
cli-render-arg-files = Fichiers à dessiner (aucun : les données belges intégrées)
cli-render-arg-output = L’image à écrire : .png ou .svg
cli-render-arg-from = Début de l’étendue (une date comme 2019 ou 2021-05-04) ; par défaut : toutes les données
cli-render-arg-to = Fin de l’étendue (la fin de cette période est incluse)
cli-render-arg-size = Taille de l’image en pixels, LARGEURxHAUTEUR, ou un préréglage : 1080p, 4k, a4 (paysage, 300 dpi)
cli-render-arg-theme = light (impression), dark ou high-contrast
cli-render-arg-title = Un titre en haut (par défaut : le titre propre des données, s’il en ont un)
cli-render-arg-no-title = Pas de titre, même si les données en ont un
cli-render-arg-legend = Afficher les catégories et leurs couleurs au-dessus de la chronologie (par défaut)
cli-render-arg-no-legend = Pas de légende
cli-render-arg-zone = Le fuseau horaire de l’axe : UTC, local ou un nom IANA comme Europe/Brussels
cli-render-arg-collapse-gaps = Dessiner court les longues périodes vides, chaque coupure marquée sur l’axe
cli-render-arg-links = Dessiner chaque lien entre événements comme une flèche
cli-render-arg-svg-live-text = SVG : garder le texte en texte (modifiable, mais dessiné dans la police dont dispose le lecteur) au lieu de contours identiques partout
cli-convert-about = Lire des fichiers dans tout format pris en charge et les écrire, fusionnés, au format natif
cli-convert-arg-files = Fichiers à convertir
cli-convert-arg-output = Le fichier natif à écrire (écrit de façon atomique : un plantage laisse intact un ancien fichier)
cli-gen-about = Écrire un fichier natif synthétique pour les mesures de performance : vagues d’incidents, périodes, étiquettes, acteurs, 8 catégories sur 25 ans. La même graine donne les mêmes octets
cli-gen-arg-events = Combien d’événements
cli-gen-arg-seed = Graine aléatoire
cli-gen-arg-format = native (JSON d’Annals) ou l2tcsv (une super-chronologie Plaso telle que psort l’écrit)
cli-gen-arg-output = Le fichier à écrire
cli-import-about = Envoyer des fichiers de tout format pris en charge vers une table ClickHouse (créée avec le schéma par défaut d'Annals si elle n'existe pas)
cli-import-arg-files = Fichiers à importer
cli-import-arg-to = La table : clickhouse://HOST:PORT/DATABASE/TABLE (un mot de passe vient de ANNALS_CLICKHOUSE_PASSWORD)
cli-import-arg-batch = Événements envoyés par INSERT

# La ligne de commande : ce qu’elle affiche.
cli-error = erreur : { $message }
cli-bad-lang = --lang { $value } n’est pas en, nl, fr ou de
cli-bad-size = --size { $value } n’est ni LARGEURxHAUTEUR entre 1 et { $max } ni l’un de 1080p, 4k, a4
cli-bad-theme = --theme { $value } n’est pas light, dark ou high-contrast
cli-range-backwards = --to { $to } se termine avant le début de --from { $from } : rien à dessiner entre les deux
cli-bad-output-format = -o { $file } : Annals écrit des images PNG (.png) et SVG (.svg), choisies par l’extension du nom
cli-nothing-to-draw = rien à dessiner : aucun événement
cli-files-before-command = les fichiers viennent après la commande : annals { $command } FICHIER…
cli-not-written = impossible d’écrire { $file } : { $why }
cli-wrote-synthetic = { $count ->
    [one] { $n } événement synthétique écrit
   *[other] { $n } événements synthétiques écrits
} (graine { $seed }) dans { $file }
cli-wrote-events = { $count ->
    [one] { $n } événement écrit
   *[other] { $n } événements écrits
} dans { $file }
cli-wrote-image = { $format } de { $size } écrit dans { $file }
cli-issues = { $count ->
    [one] { $n } problème
   *[other] { $n } problèmes
}
cli-total = total : { $events }, { $periods }
cli-total-range = total : { $events }, { $periods }, du { $first } au { $last }

# Une date illisible.
date-error-empty = date vide
date-error-shape = date attendue sous la forme 2021, 2021-05, 2021-05-04 ou 2021-05-04T11:00+02:00, reçu { $value }
date-error-year = l’année { $value } est hors limites (au plus ±100 000 000 000)
date-error-month = le mois { $value } n’existe pas (les mois vont de 01 à 12)
date-error-day = le jour { $day } n’existe pas en { $month } { $year } (il compte { $days } jours)
date-error-time = l’heure { $value } est hors limites
date-error-offset = le décalage UTC { $value } n’est pas valide (attendu Z ou ±HH:MM dans ±18:00)

# Un fichier inutilisable.
cli-import-progress = { $file } : { $sent } sur { $count ->
    [one] { $total } événement envoyé
   *[other] { $total } événements envoyés
}
cli-imported = { $file } : { $count ->
    [one] { $n } événement envoyé
   *[other] { $n } événements envoyés
} vers { $table } en { $seconds } s ({ $rate } événements/s)
load-error-remote = impossible de lire { $file } : { $why }
clickhouse-address = { $address } n'est pas l'adresse d'une table ClickHouse (clickhouse://HOST:PORT/DATABASE/TABLE[?time=COLUMN&…]) : { $why }
clickhouse-unreachable = impossible de joindre ClickHouse à { $address } : { $why }
clickhouse-refused = ClickHouse à { $address } a refusé la requête : { $message }
clickhouse-answer = ClickHouse à { $address } a répondu sous une forme qu'Annals ne sait pas lire : { $why }
load-error-read = impossible de lire { $file } : { $why }
load-error-too-large = { $file } fait { $size }, au-delà de la limite de { $limit }
load-error-cancelled = le chargement de { $file } a été annulé
load-error-not-utf8 = { $file } n’est pas du texte UTF-8 à la ligne { $line }, colonne { $column }
load-error-json = { $file } n’est pas du JSON valide à la ligne { $line }, colonne { $column } : { $why }
load-error-shape = { $file } à la ligne { $line }, colonne { $column } : { $why }
load-error-truncated = { $file } se termine de façon inattendue à la ligne { $line }, colonne { $column } : le fichier semble tronqué
load-reason-read = impossible à lire : { $why }
load-reason-too-large = { $size }, au-delà de la limite de { $limit }
load-reason-cancelled = le chargement a été annulé
load-reason-not-utf8 = pas du texte UTF-8
load-reason-truncated = se termine de façon inattendue : le fichier semble tronqué
load-reason-json = pas du JSON valide : { $why }

# Said by a screen reader when the selection changes.
access-selected = Sélectionné : { $event }

# Text with no message of its own (a reader's own words), shown as it is.
verbatim = { $text }

# Problèmes dans un fichier : le cadre et les raisons courantes.
problem-field = { $what } : champ `{ $field }` : { $problem }
problem-in = { $what } : { $problem }
problem-duplicate-key = { $what } : clé `{ $field }` en double : la dernière valeur est retenue
problem-unknown-field = { $what } : champ inconnu `{ $field }` ignoré (connus : { $known })
problem-duplicate-category = { $what } : id de catégorie { $id } en double, ignoré
problem-duplicate-id = { $what } : id { $id } en double ; conservé sous { $new }
problem-end-dropped = { $what } : champ `{ $field }` : { $problem } ; dessiné comme un point à son début
problem-cache-damaged = La copie de ce fichier en cache était endommagée et n’a pas été utilisée ; le fichier a été relu.
problem-cache-foreign = La copie de ce fichier en cache a été écrite par une autre version d’Annals et n’a pas été utilisée ; le fichier a été relu.
record-numbered = { $kind } { $number }
record-titled = { $record } { $title }
record-event = événement
record-period = période
record-category = catégorie
record-era = ère
record-row = ligne
record-sheet-row = feuille « { $sheet } », ligne { $row }
record-file = fichier
record-misp-event = événement MISP
record-incident = incident
kind-string = une chaîne
kind-strings = un tableau de chaînes
kind-object = un objet
kind-array = un tableau
kind-boolean = un booléen
kind-true-false = true ou false
kind-null = null
kind-number = un nombre
reason-expected = attendu : { $expected } ; trouvé : { $found }
reason-year-number = attendu : une date en texte ou une année entière ; reçu { $value }
reason-missing = manquant
reason-missing-title = manquant (chaque événement a besoin d’un titre)
reason-missing-start = manquant (chaque événement a besoin d’une date de début)
reason-missing-or-empty = manquant ou vide
reason-empty = est vide
reason-not-a-date = { $value } n’est pas une date
reason-l2tcsv-value = { $value } n’est pas écrit comme psort l’écrit (date MM/DD/YYYY, heure HH:MM:SS)
reason-plaso-not-a-time = Plaso n’a écrit aucune heure pour cet événement (« Not a time »)
reason-not-a-zone = { $value } n’est pas un fuseau horaire (UTC ou un nom IANA comme Europe/Brussels)
load-sheet-skipped = la feuille « { $sheet } » n’a ni les colonnes title et start, ni Year et Headline du modèle TimelineJS ; non lue
load-sheet-unreadable = pas un classeur qu’Annals sait lire ({ $why })
reason-period-needs-both = manquant (une période a besoin d’un début et d’une fin)
reason-end-before-start = { $end } est avant le début { $start }
reason-severity = attendu : low, medium, high ou critical ; reçu { $value }
reason-link-type = attendu : caused, response-to, attributed-to ou related ; reçu { $value }
reason-link-parts = un lien a besoin d’un type et d’une cible (type, target)
reason-color = attendu : #rrggbb ; reçu { $value } (une couleur de la palette est utilisée)
reason-csv-fields = { $found } champs alors que l’en-tête en a { $expected } (un guillemet resté ouvert fusionne les lignes suivantes en un seul champ)
reason-jsonl-line = ligne { $line } : pas un objet JSON : { $why }

# Raisons propres à un lecteur, et les parties d’une date.
reason-not-whole = { $value } n’est pas un nombre entier
reason-out-of-range = { $part } { $value } est hors limites
reason-no-year = pas d’année
reason-timelinejs-year-zero = l’année 0 n’existe pas dans TimelineJS (1 av. J.-C. s’écrit -1)
reason-given-without = { $part } donné sans { $needed }
kind-number-or-string = un nombre ou une chaîne
kind-date-object = un objet date
kind-tl2-date = une date en texte comme "2011,3,23"
kind-iso-date = une date en texte comme "2021-05-04"
reason-too-many-parts = { $value } a plus de six parties
reason-time-format = l’heure { $value } n’est pas HH:MM[:SS]
reason-not-epoch = { $value } n’est pas un nombre de secondes, millisecondes, microsecondes ou nanosecondes depuis 1970
reason-timestamp-zero = un timestamp 0 (1er janvier 1970) signifie d’habitude que l’heure n’était pas connue
reason-timestamp-unsure = { $value } lu en { $unit } depuis 1970 donne { $date } ; vérifiez que la colonne est en { $unit }
unit-seconds = secondes
unit-milliseconds = millisecondes
unit-microseconds = microsecondes
unit-nanoseconds = nanosecondes
reason-no-datetime = ni datetime ni timestamp
reason-not-dated-type = pas un type daté
reason-misp-no-date-info = ni `date` ni `info`
record-object = objet
reason-missing-or-not-string = manquant ou pas une chaîne
reason-timesketch-disagree = timestamp { $timestamp } et datetime { $datetime } diffèrent ; datetime est retenu
part-year = année
part-month = mois
part-day = jour
part-hour = heure
part-minute = minute
part-second = seconde
part-millisecond = milliseconde
part-time = heure

# Pourquoi un fichier n’a pu être écrit ou lu.
job-not-written = impossible d’écrire { $file } : { $why }
job-not-read = lecture impossible : { $why }
job-no-such-file = ce fichier n’existe pas
job-no-thread = impossible de démarrer un fil d’exécution en arrière-plan
export-none-shown = aucun événement n’est affiché
export-none-selected = aucun événement n’est sélectionné

# Les touches telles que les claviers les nomment.
key-ctrl = Ctrl
key-shift = Maj
key-page-down = Page suiv.
key-page-up = Page préc.
key-right = Droite
key-left = Gauche
key-up = Haut
key-down = Bas
key-space = Espace
key-enter = Entrée
key-escape = Échap
key-home = Début
key-end = Fin

folder-files = Dossier « { $folder } » : { $files ->
    [0] aucun fichier qu’Annals lit
    [one] 1 fichier à ouvrir
   *[other] { $files } fichiers à ouvrir
}
folder-other-kinds = { $count ->
    [one] 1 fichier ignoré, pas un format qu’Annals lit
   *[other] { $count } fichiers ignorés, pas des formats qu’Annals lit
} ({ $kinds })
folder-no-extension = sans extension
folder-left-out = { $count } laissés de côté au-delà de { $files } fichiers ou de { $depth } niveaux de dossiers

chooser-title-open-session = Ouvrir une session
chooser-title-save-session = Enregistrer la session
chooser-title-export = Exporter vers
chooser-open = Ouvrir
chooser-add = Ajouter
chooser-save = Enregistrer
chooser-choose = Choisir
chooser-path = Chemin
chooser-up = Remonter
chooser-recent-folders = Dossiers récents
chooser-recent-files = Fichiers récents
chooser-hint = Tab complète · Haut et Bas parcourent la liste · Entrée ouvre · Échap annule
chooser-marked = { $count ->
    [one] 1 fichier marqué
   *[other] { $count } fichiers marqués
}
chooser-more = { $count } de plus non affichés : tapez un nom pour affiner
chooser-missing = Le fichier { $file } n’existe pas.
chooser-unlisted = Ce dossier ne peut pas être lu : { $why }
chooser-replace-question = { $file } existe déjà. Le remplacer ?
chooser-replace = Remplacer
chooser-folder-empty = Rien ici
menu-in-window-chooser = Utiliser le sélecteur de fichiers d’Annals
menu-in-window-chooser-tip = Au lieu de la boîte de dialogue du système (utilisé de toute façon si le système n’en a pas)
chooser-mark = Marquer { $file }
cli-arg-new-window = Ouvrir une fenêtre à soi même si une autre tourne (par défaut, les fichiers rejoignent la fenêtre ouverte)
cli-handed-over = Ouvert dans la fenêtre Annals déjà ouverte : { $files }
menu-outside-replace = Les fichiers ouverts de l’extérieur remplacent ce qui est ouvert
menu-outside-replace-tip = Un fichier double-cliqué dans le gestionnaire de fichiers, ou passé à annals dans un terminal, pendant que cette fenêtre tourne : ouvert à la place de ce qui est ouvert, plutôt qu’ajouté
toast-opened-from-outside = Ouvert de l’extérieur : { $value }
chooser-hint-save = Tab complète · Haut et Bas parcourent la liste · Entrée enregistre · Échap annule
chooser-hint-choose = Tab complète · Haut et Bas parcourent la liste · Entrée choisit · Échap annule
