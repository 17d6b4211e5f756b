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

footer-data = Données : { $files }
footer-files = { $count ->
    [one] { $n } fichier
   *[other] { $n } fichiers
}
footer-sources = Sources : { $list }
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
action-deselect = Quitter la recherche ; désélectionner
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
action-reload-files-tip = Relire les fichiers ouverts ; un fichier endommagé garde ses derniers événements valides
action-save-session-tip = Fichiers, vue, filtres, couloirs, sélection, scènes, signets et notes dans NOM.annals-session.json ; les fichiers de données ne sont jamais modifiés
action-export-image-tip = PNG ou SVG de la vue, de tous les événements ou de la sélection
action-copy-image-tip = Un PNG de la vue actuelle, à coller dans une diapositive
action-fit-all-tip = Afficher tous les événements (ou double-cliquer sur la frise)
action-present-tip = Plein écran, texte plus grand, panneaux masqués ; Échap pour quitter


menu-file = Fichier
menu-open-recent = Ouvrir un fichier récent
menu-edit = Édition
menu-view = Affichage
menu-lanes-by = Couloirs par
menu-place-by = Placer les événements selon
menu-time-zone = Fuseau horaire
menu-language = Langue
menu-help = Aide
