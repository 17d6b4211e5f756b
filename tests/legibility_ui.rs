//! `egui_kittest` tests of what the window says when space runs out: lanes that scroll with the
//! wheel over their names, a lane's "+N more" that gives it its rows, and presentation mode laying
//! labels out again at its larger type.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::app::{AppState, LanesCommand};
use annals::model::filter::Field;
use annals::timeline::scene::{More, Scene};
use annals::ui::Window;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness(width: f32, height: f32) -> Harness<'static, Window> {
    Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(&[], english())),
        )
}

fn by_actor(harness: &mut Harness<'static, Window>) {
    let effects = harness
        .state_mut()
        .state
        .apply(LanesCommand::SetLanesBy(Some(Field::Actor)));
    assert!(effects.is_empty(), "small data is arranged at once");
    harness.run();
}

fn wheel(harness: &mut Harness<'static, Window>, at: egui::Pos2, dy: f32) {
    harness.hover_at(at);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..60 {
        harness.step(); // the wheel is smoothed over a few frames
    }
}

/// Every event in view is named by a label, a cluster's count or its lane's "+N more".
fn assert_every_event_named(scene: &Scene) {
    let named: usize = scene.labels.iter().map(|l| l.names).sum();
    let more: usize = scene.more.iter().map(More::count).sum();
    let dense: usize = scene.densities.iter().map(|d| d.total).sum();
    assert_eq!(named + more + dense, scene.visible_events);
}

#[test]
fn lanes_by_actor_scroll_with_the_wheel_over_their_names_and_zoom_elsewhere() {
    let mut harness = harness(1280.0, 720.0);
    harness.run();
    by_actor(&mut harness);
    let window = harness.state();
    let scene = &window.canvas.scene;
    let rect = window.canvas.rect;
    assert!(
        scene.content_height > scene.size.1 + 100.0,
        "twenty lanes do not fit: {} of {}",
        scene.content_height,
        scene.size.1
    );
    let last = scene.lanes.last().unwrap();
    assert!(last.y0 > scene.size.1, "the last lane is below the area");
    assert_every_event_named(scene);
    let view = window.state.view;

    // The wheel over the lane names scrolls the lanes, and does not zoom.
    wheel(&mut harness, rect.min + egui::vec2(40.0, 200.0), -400.0);
    let window = harness.state();
    assert!(
        window.state.lane_scroll > 100.0,
        "{}",
        window.state.lane_scroll
    );
    assert_eq!(window.state.view, view, "scrolling lanes does not zoom");
    let scene = &window.canvas.scene;
    assert!((scene.scroll_y - window.state.lane_scroll).abs() < 1e-6);
    let last = scene.lanes.last().unwrap();
    assert!(last.y0 < scene.size.1, "the last lane came into view");
    // Every lane in sight shows its name below the period strip.
    for lane in scene
        .lanes
        .iter()
        .filter(|l| l.y1 > scene.period_strip && l.y0 < scene.size.1)
    {
        assert!(lane.header_y >= scene.period_strip - 1e-6, "{lane:?}");
    }
    assert_every_event_named(scene);

    // The wheel over the middle of the timeline zooms time, as always.
    let scroll = window.state.lane_scroll;
    wheel(&mut harness, rect.center(), -200.0);
    let window = harness.state();
    assert!(window.state.view.span_secs > view.span_secs * 1.05);
    assert!((window.state.lane_scroll - scroll).abs() < 1e-6);
}

#[test]
fn a_click_on_a_lanes_more_gives_it_the_rows_it_needs() {
    let mut harness = harness(1280.0, 720.0);
    harness.run();
    by_actor(&mut harness);
    let window = harness.state();
    let scene = &window.canvas.scene;
    let more = scene
        .more
        .iter()
        .find(|m| !m.left_out.is_empty())
        .expect("a lane has events with no room");
    let lane = window.state.layout.lanes[more.lane].key.clone();
    let count = more.count();
    let at = window.canvas.rect.min + egui::vec2(more.x as f32 + 4.0, more.y as f32);
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    let window = harness.state();
    assert!(window.state.lanes.expanded.contains(&lane), "{lane}");
    let band = window
        .canvas
        .scene
        .lanes
        .iter()
        .position(|b| b.label == window.state.layout.lanes[more_lane(window, &lane)].label)
        .unwrap();
    let still = window
        .canvas
        .scene
        .more
        .iter()
        .find(|m| m.lane == band)
        .map_or(0, |m| m.left_out.len());
    assert_eq!(
        still, 0,
        "the expanded lane left {count} out before, none now"
    );
}

fn more_lane(window: &Window, key: &str) -> usize {
    window
        .state
        .layout
        .lanes
        .iter()
        .position(|l| l.key == key)
        .unwrap()
}

#[test]
fn presentation_mode_lays_labels_out_again_at_its_type_size() {
    let mut harness = harness(1600.0, 900.0);
    harness.run();
    let normal = harness.state().canvas.scene.clone();
    assert_every_event_named(&normal);
    harness.key_press(egui::Key::F11);
    for _ in 0..3 {
        harness.run();
    }
    let window = harness.state();
    assert!(window.state.presenting);
    let presenting = &window.canvas.scene;
    assert!(
        presenting.size.0 < normal.size.0 * 0.9,
        "larger type: fewer points across ({} vs {})",
        presenting.size.0,
        normal.size.0
    );
    assert_every_event_named(presenting);
    // Every event named by its own label or a cluster's count, none by "+N more": the larger
    // type was laid out again, not scaled (before, two incidents were unlabelled rings on the
    // VSSE bar).
    assert!(presenting.more.is_empty(), "{:?}", presenting.more);
    // Nothing sits on another event's mark.
    let radius = 5.0;
    for a in &presenting.marks {
        for b in presenting.marks.iter().filter(|b| b.event != a.event) {
            let same_row = (a.y - b.y).abs() < 0.5;
            let overlap = a.x0 - radius < b.x1 + radius && b.x0 - radius < a.x1 + radius;
            assert!(!(same_row && overlap), "{a:?} drawn over {b:?}");
        }
    }
}

#[test]
fn the_event_list_scrolls_to_an_event_selected_on_the_timeline() {
    let mut harness = harness(1280.0, 720.0);
    harness.run();
    let window = harness.state();
    let last = *window.state.shown.last().unwrap();
    let title = window.state.dataset.event(last).unwrap().title().to_owned();
    // The list's first rows are in sight, the last event's row is not (the list is virtual: rows
    // out of sight are not laid out at all).
    assert_eq!(harness.query_all_by_label(&title).count(), 0, "{title}");
    let effects = harness
        .state_mut()
        .state
        .apply(annals::app::SelectCommand::Select(Some(last)));
    assert!(effects.is_empty());
    for _ in 0..8 {
        harness.step();
    }
    // Its row in the list, besides its heading in the details.
    assert!(
        harness.query_all_by_label(&title).count() >= 2,
        "the list shows {title:?}"
    );
}

#[test]
fn the_side_panel_keeps_its_width_when_search_results_appear() {
    let mut harness = harness(1280.0, 720.0);
    harness.run();
    let left = harness.state().canvas.rect.left();
    for query in ["Belnet", "no such words"] {
        let effects = harness
            .state_mut()
            .state
            .apply(annals::app::FilterCommand::SetQuery(query.into()));
        assert!(effects.is_empty());
        for _ in 0..4 {
            harness.step();
        }
        let moved = harness.state().canvas.rect.left() - left;
        assert!(
            moved.abs() < 0.5,
            "the timeline moved by {moved} pt for {query:?}"
        );
    }
}

/// Settings in English whatever the machine's locale (the words tested are English).
fn english() -> annals::app::Settings {
    annals::app::Settings {
        language: Some(annals::i18n::Lang::En),
        ..annals::app::Settings::default()
    }
}

#[test]
fn a_screen_reader_walks_the_timelines_events_in_time_order_by_title_date_and_category() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    let mut harness = harness(1600.0, 900.0);
    harness.run();
    // The Belnet DDoS, on the canvas itself (not the event list): title, date as the source
    // gives it, category.
    harness.get_by_role_and_label(
        Role::ListItem,
        "DDoS attack on Belnet, c. 4 May 2021 11:00 UTC+2 – 5 May 2021, Incident",
    );
    let items: Vec<String> = harness
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let window = harness.state();
    let scene = &window.canvas.scene;
    let drawn = scene.marks.len() + scene.clusters.len();
    assert_eq!(items.len(), drawn, "one node for each mark and cluster");
    assert!(
        items.iter().any(|l| l == "2 events"),
        "a cluster says its count"
    );
    // In time order: the first is the earliest event drawn.
    assert!(
        items[0].starts_with("First national Cyber Security Strategy, 2012"),
        "{items:?}"
    );
}

/// What one language must say in the window (see `the_window_speaks_the_chosen_language`).
struct Spoken {
    lang: annals::i18n::Lang,
    /// The Belnet attack on the canvas: its title (the file's own translation), date, category.
    canvas_event: &'static str,
    /// Its title alone, as the event list shows it.
    title: &'static str,
    /// A phrase of its translated description, as the detail panel shows it.
    description: &'static str,
    status: &'static str,
    no_problems: &'static str,
    /// Panel headings and controls, by their accessible labels (or the start of them: "Strategie"
    /// in the legend is "Strategie (5)").
    labels: &'static [&'static str],
}

/// The window in `lang` at `size`, on `files` (none: the Belgium dataset), run once.
fn window_in(
    lang: annals::i18n::Lang,
    (width, height): (f32, f32),
    files: &[std::path::PathBuf],
) -> Harness<'static, Window> {
    let settings = annals::app::Settings {
        language: Some(lang),
        ..annals::app::Settings::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(files, settings)),
        );
    harness.run();
    harness
}

#[test]
fn the_window_speaks_the_chosen_language() {
    use egui::accesskit::Role;
    let languages = [
        Spoken {
            lang: annals::i18n::Lang::Nl,
            canvas_event: "DDoS-aanval op Belnet, ca. 4 mei 2021 11:00 UTC+2 – 5 mei 2021, Incident",
            title: "DDoS-aanval op Belnet",
            description: "sluit ongeveer 200 organisaties af",
            status: "28 gebeurtenissen · 2 periodes · 1 bestand",
            no_problems: "Geen problemen",
            labels: &[
                "Beeld",
                "Categorieën",
                "Filters",
                "Scènes (0)",
                "Zoeken",
                "Strategie",
            ],
        },
        Spoken {
            lang: annals::i18n::Lang::Fr,
            canvas_event: "Attaque DDoS contre Belnet, v. 4 mai 2021 11:00 UTC+2 – 5 mai 2021, Incident",
            title: "Attaque DDoS contre Belnet",
            description: "coupe environ 200 organisations",
            status: "28 événements · 2 périodes · 1 fichier",
            no_problems: "Aucun problème",
            labels: &[
                "Affichage",
                "Catégories",
                "Filtres",
                "Scènes (0)",
                "Rechercher",
                "Stratégie",
            ],
        },
        Spoken {
            lang: annals::i18n::Lang::De,
            canvas_event: "DDoS-Angriff auf Belnet, ca. 4. Mai 2021 11:00 UTC+2 – 5. Mai 2021, Vorfall",
            title: "DDoS-Angriff auf Belnet",
            description: "trennt etwa 200 Organisationen ab",
            status: "28 Ereignisse · 2 Zeiträume · 1 Datei",
            no_problems: "Keine Probleme",
            labels: &[
                "Ansicht",
                "Kategorien",
                "Filter",
                "Szenen (0)",
                "Suchen",
                "Strategie",
            ],
        },
    ];
    for spoken in languages {
        let mut harness = window_in(spoken.lang, (1600.0, 900.0), &[]);
        // The event on the canvas, by its accessible name in the language.
        harness.get_by_role_and_label(Role::ListItem, spoken.canvas_event);
        harness.get_by_label(spoken.status);
        harness.get_by_label(spoken.no_problems);
        for label in spoken.labels {
            assert!(
                harness.query_all_by_label_contains(label).next().is_some(),
                "{:?}: nothing labelled {label:?}",
                spoken.lang
            );
        }
        // Found by its translated title through the search box, selected from the list, it
        // opens the detail panel in the language.
        let search = spoken.labels[4];
        harness
            .get_by_role_and_label(Role::TextInput, search)
            .click();
        harness.run();
        harness
            .get_by_role_and_label(Role::TextInput, search)
            .type_text(spoken.title);
        harness.run();
        harness.get_by_label(spoken.title).click();
        harness.run();
        let detail = harness.state().state.selected();
        assert!(
            detail.is_some(),
            "{:?}: clicking the title selects it",
            spoken.lang
        );
        harness.get_by_label_contains(spoken.description);
        let english = [
            "Sources",
            "Zoom to event",
            "Your note",
            "Category: Incident",
        ];
        for word in english {
            if spoken.lang != annals::i18n::Lang::Fr || word != "Sources" {
                assert!(
                    harness.query_all_by_label(word).next().is_none(),
                    "{:?}: the detail panel still says {word:?}",
                    spoken.lang
                );
            }
        }
    }
}

#[test]
fn every_control_has_a_name_and_the_timeline_keeps_its_room_in_every_language() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    for lang in annals::i18n::Lang::ALL {
        let mut harness = window_in(lang, (1280.0, 720.0), &[]);
        // Select an event so the detail panel's controls are there too.
        let first = harness.state().state.shown.first().copied();
        let effects = harness
            .state_mut()
            .state
            .apply(annals::app::SelectCommand::Select(first));
        assert!(effects.is_empty());
        harness.run();
        // Long words (German) and long titles never squeeze the timeline at 1280×720: with the
        // side panel and the detail panel open it keeps over two fifths of the window (before: a quarter).
        let canvas = harness.state().canvas.scene.size.0;
        assert!(
            canvas >= 0.42 * 1280.0,
            "{lang:?}: the timeline is {canvas:.0} pt wide"
        );
        let controls = [
            Role::Button,
            Role::CheckBox,
            Role::RadioButton,
            Role::TextInput,
            Role::MultilineTextInput,
            Role::SpinButton,
            Role::Slider,
            Role::ComboBox,
            Role::Link,
            Role::ListItem,
        ];
        let mut checked = 0;
        for node in harness.root().children_recursive() {
            let node = node.accesskit_node();
            if !controls.contains(&node.role()) || node.is_hidden() {
                continue;
            }
            checked += 1;
            let name = node.label().or_else(|| node.value()).unwrap_or_default();
            assert!(
                !name.trim().is_empty(),
                "{lang:?}: a {:?} has no name",
                node.role()
            );
        }
        assert!(checked > 40, "{lang:?}: only {checked} controls found");
    }
}

#[test]
fn stepping_with_the_arrow_keys_announces_the_selected_event_in_the_language() {
    use egui::accesskit::{Live, Role};
    use egui_kittest::kittest::NodeT as _;
    let mut harness = window_in(annals::i18n::Lang::Nl, (1600.0, 900.0), &[]);
    let status = |harness: &Harness<'_, Window>| {
        harness
            .root()
            .children_recursive()
            .map(|n| n.accesskit_node())
            .find(|n| n.role() == Role::Status)
            .map(|n| (n.label().unwrap_or_default(), n.live()))
    };
    assert_eq!(
        status(&harness),
        Some((String::new(), Live::Polite)),
        "a live region, silent while nothing is selected"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let (said, _) = status(&harness).unwrap();
    assert_eq!(
        said,
        "Geselecteerd: Eerste nationale Cyber Security Strategie, 2012, Strategie"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let (said, _) = status(&harness).unwrap();
    assert!(
        said.starts_with("Geselecteerd: ca. Personeel van Belgacom merkt afwijkingen op")
            || said.starts_with("Geselecteerd: Personeel van Belgacom"),
        "{said}"
    );
}

#[test]
fn the_problems_panel_says_a_files_problems_in_the_language() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/invalid/impossible-date.json");
    let mut harness = window_in(
        annals::i18n::Lang::Nl,
        (1600.0, 900.0),
        std::slice::from_ref(&path),
    );
    if harness
        .query_by_label_contains("impossible-date.json:3:51")
        .is_none()
    {
        harness.get_by_label_contains("1 probleem").click();
        harness.run();
    }
    harness.get_by_label_contains("impossible-date.json:3:51");
    harness.get_by_label("overgeslagen");
    harness.get_by_label(
        "gebeurtenis 2 \"Leap day in a common year\": veld `start`: dag 30 bestaat niet in \
         februari 2021 (die heeft 28 dagen)",
    );
}
