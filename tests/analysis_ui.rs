//! `egui_kittest` tests of an analysis session in the real window: search, facets, lanes by
//! actor, keyboard stepping and the shortcut sheet.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::app::AppState;
use annals::model::EventIdx;
use annals::ui::Window;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn harness() -> Harness<'static, Window> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(&[], english())),
        )
}

fn id_of(window: &Window, idx: EventIdx) -> String {
    window
        .state
        .dataset
        .events
        .owned(idx.index())
        .unwrap()
        .id
        .clone()
}

#[test]
fn searching_belnet_and_pressing_enter_selects_and_zooms_to_it() {
    let mut harness = harness();
    harness.run();
    let wide = harness.state().state.view;
    // Typing `/` focuses the search box (by the character, whatever the keyboard layout), and
    // the `/` itself does not end up in the box.
    harness.event(egui::Event::Text("/".into()));
    harness.run();
    assert!(harness.state().state.filter.query.is_empty());
    assert_eq!(
        harness.ctx.memory(egui::Memory::focused),
        Some(annals::ui::keyboard::search_id())
    );
    let search = harness.get_by_role_and_label(Role::TextInput, "Search");
    search.type_text("Belnet");
    harness.run();
    assert_eq!(harness.state().state.filter.query, "Belnet");
    let window = harness.state();
    let hits: Vec<String> = window
        .state
        .search_hits
        .iter()
        .map(|&i| id_of(window, i))
        .collect();
    assert!(hits.contains(&"belnet-ddos".to_owned()), "{hits:?}");
    assert_eq!(
        window.state.shown.len(),
        28,
        "a search highlights; it does not hide"
    );
    harness.get_by_label(&format!("{} matches", hits.len()));
    harness.key_press(egui::Key::Enter);
    harness.run();
    let window = harness.state();
    let selected = window
        .state
        .selected()
        .expect("Enter selects the first match");
    assert_eq!(id_of(window, selected), hits[0]);
    let event = window.state.dataset.events.owned(selected.index()).unwrap();
    let view = window.state.view;
    assert!(view.span_secs < wide.span_secs / 10.0, "zoomed in");
    assert!(view.min_secs <= event.start_secs() && view.max_secs() >= event.end_secs());
    // The timeline drew it, highlighted, in the new view.
    assert!(harness.state().canvas.scene.mark_of(selected).is_some());
    harness.get_by_label(&format!("match 1 of {}", hits.len()));
    // Enter again steps on, in time order.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let window = harness.state();
    assert_eq!(
        window.state.selected().map(|s| id_of(window, s)),
        Some(hits[1].clone())
    );
}

#[test]
fn a_filter_on_actor_ccb_shows_its_count_in_the_status_bar() {
    let mut harness = harness();
    harness.run();
    let expected = harness
        .state()
        .state
        .dataset
        .events
        .iter()
        .filter(|e| e.actors().any(|a| a == "CCB"))
        .count();
    assert!(expected > 0 && expected < 28);
    harness.get_by_label("Actor").click();
    harness.run();
    harness.get_by_label(&format!("CCB ({expected})")).click();
    harness.run();
    harness.get_by_label_contains(&format!("{expected} of 28 events shown"));
    let window = harness.state();
    assert_eq!(window.state.shown.len(), expected);
    assert_eq!(
        window.canvas.scene.visible_events, expected,
        "the timeline drew only those"
    );
}

#[test]
fn lanes_by_actor_put_a_two_actor_event_in_two_lanes_joined() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Lanes by").hover();
    harness.run();
    harness
        .get_by_role_and_label(Role::RadioButton, "Actor")
        .click();
    harness.run();
    let window = harness.state();
    assert_eq!(
        window.state.layout.by,
        Some(annals::model::filter::Field::Actor)
    );
    let scene = &window.canvas.scene;
    // An event with two actors is drawn twice, in two lanes, and the copies are joined.
    let (idx, event) = window
        .state
        .dataset
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.actors().count() == 2)
        .expect("the example has a two-actor event");
    let idx = EventIdx(u32::try_from(idx).unwrap());
    let copies: Vec<f64> = scene
        .marks
        .iter()
        .filter(|m| m.event == idx)
        .map(|m| m.y)
        .collect();
    assert_eq!(
        copies.len(),
        2,
        "{}: {:?}",
        event.title(),
        event.actors().collect::<Vec<_>>()
    );
    let lane_of = |y: f64| {
        scene
            .lanes
            .iter()
            .find(|l| l.y0 <= y && y < l.y1)
            .map(|l| l.label.clone())
            .unwrap()
    };
    let mut lanes: Vec<String> = copies.iter().map(|&y| lane_of(y)).collect();
    lanes.sort();
    let mut actors: Vec<String> = event.actors().map(str::to_owned).collect();
    actors.sort();
    assert_eq!(lanes, actors);
    assert!(scene.joins.iter().any(|j| j.event == idx));
    // Counted once, however many lanes it is in.
    harness.get_by_label("28 events · 2 periods · 1 file");
}

#[test]
fn arrows_and_commas_walk_the_events_in_time_order() {
    let mut harness = harness();
    harness.run();
    let shown = harness.state().state.shown.clone();
    let mut walked = Vec::new();
    for i in 0..shown.len() {
        // Alternate the two keys the sheet lists for "next".
        harness.key_press(if i % 2 == 0 {
            egui::Key::ArrowRight
        } else {
            egui::Key::Period
        });
        harness.run();
        walked.push(harness.state().state.selected().unwrap());
    }
    assert_eq!(walked, shown, "every event once, in time order");
    let starts: Vec<f64> = walked
        .iter()
        .map(|i| {
            harness
                .state()
                .state
                .dataset
                .events
                .owned(i.index())
                .unwrap()
                .start_secs()
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.key_press(egui::Key::Comma);
    harness.run();
    assert_eq!(
        harness.state().state.selected(),
        Some(shown[shown.len() - 3])
    );
    // The detail panel follows.
    let title = harness
        .state()
        .state
        .dataset
        .event(shown[shown.len() - 3])
        .unwrap()
        .title()
        .to_owned();
    assert!(harness.get_all_by_label(&title).count() >= 2);
}

#[test]
fn question_mark_opens_the_shortcut_sheet_and_escape_closes_it() {
    let mut harness = harness();
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.key_press(egui::Key::Questionmark);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Next / previous event");
    harness.get_by_label("Go to a date (2021-05, 2019, 2021-05-04T11:00)");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn g_asks_for_a_date_and_goes_there() {
    let mut harness = harness();
    harness.run();
    harness.key_press(egui::Key::G);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Date (2021-05, 2019, 2021-05-04T11:00)")
        .type_text("2021-05");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let view = harness.state().state.view;
    let may: annals::model::TimePoint = "2021-05".parse().unwrap();
    assert!(view.min_secs < may.start_secs() && view.max_secs() > may.end_secs());
    assert!(view.span_secs < 90.0 * 86_400.0);
    assert!(harness.query_by_label("Go to date").is_none());
}

#[test]
fn keys_zoom_pan_and_fit() {
    let mut harness = harness();
    harness.run();
    let fitted = harness.state().state.view;
    harness.key_press(egui::Key::W);
    harness.run();
    let zoomed = harness.state().state.view;
    assert!(zoomed.span_secs < fitted.span_secs);
    harness.key_press(egui::Key::D);
    harness.run();
    assert!(harness.state().state.view.min_secs > zoomed.min_secs);
    harness.key_press(egui::Key::A);
    harness.key_press(egui::Key::S);
    harness.run();
    harness.key_press(egui::Key::F);
    harness.run();
    let back = harness.state().state.view;
    assert!((back.span_secs - fitted.span_secs).abs() < 1.0);
}

#[test]
fn the_overview_window_drags_to_move_the_view_and_a_click_jumps() {
    let mut harness = harness();
    harness.run();
    harness.key_press(egui::Key::W);
    harness.key_press(egui::Key::W);
    harness.key_press(egui::Key::W);
    harness.run();
    let before = harness.state().state.view;
    let plot = harness.state().canvas.rect;
    // The strip sits under the plot, across its width.
    let y = plot.bottom() + 4.0 + annals::ui::timeline_canvas::OVERVIEW_HEIGHT / 2.0;
    let x = plot.center().x;
    harness.drag_at(egui::pos2(x, y));
    harness.run();
    for step in 1..=5 {
        harness.hover_at(egui::pos2(x - 20.0 * step as f32, y));
        harness.run();
    }
    harness.drop_at(egui::pos2(x - 100.0, y));
    harness.run();
    let after = harness.state().state.view;
    assert!(after.min_secs < before.min_secs, "{before:?} → {after:?}");
    assert!(
        (after.span_secs - before.span_secs).abs() < before.span_secs * 1e-6,
        "moving keeps the width"
    );
    // A click far right jumps there, keeping the width.
    harness
        .get_by_label_contains("Overview of all events")
        .hover();
    let right = egui::pos2(plot.right() - 10.0, y);
    harness.drag_at(right);
    harness.drop_at(right);
    harness.run();
    let jumped = harness.state().state.view;
    assert!(
        jumped.center_secs() > after.max_secs(),
        "{after:?} → {jumped:?}"
    );
}

#[test]
fn clicking_a_cluster_lists_its_members_and_zooms_to_them() {
    let mut harness = harness();
    harness.run();
    let window = harness.state();
    let rect = window.canvas.rect;
    let cluster = window
        .canvas
        .scene
        .clusters
        .first()
        .expect("the example at full width has a cluster")
        .clone();
    let at = egui::pos2(
        rect.left() + f64::midpoint(cluster.x0, cluster.x1) as f32,
        rect.top() + cluster.y as f32,
    );
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    let members = harness
        .state()
        .state
        .members
        .clone()
        .expect("a member list");
    assert_eq!(members.0, cluster.members);
    assert_eq!(members.0.len(), cluster.count);
    // The list's window is titled by the count (the canvas's cluster node says it too).
    let count = format!("{} events", cluster.count);
    assert!(
        harness
            .query_all_by_label(&count)
            .any(|n| n.accesskit_node().role() != Role::ListItem),
        "a window titled {count:?}"
    );
    for &idx in &cluster.members {
        let title = harness
            .state()
            .state
            .dataset
            .events
            .owned(idx.index())
            .unwrap()
            .title
            .clone();
        // In the side list and in the member list.
        assert_eq!(harness.get_all_by_label(&title).count(), 2, "{title}");
    }
    harness.get_by_label("Zoom to these").click();
    harness.run();
    let state = &harness.state().state;
    assert!(state.members.is_none());
    for &idx in &cluster.members {
        let event = state.dataset.events.owned(idx.index()).unwrap();
        assert!(
            state.view.min_secs <= event.start_secs() && state.view.max_secs() >= event.end_secs()
        );
    }
    // Zoomed in, the members are drawn one by one.
    for &idx in &cluster.members {
        assert!(harness.state().canvas.scene.mark_of(idx).is_some());
    }
}

#[test]
fn several_files_loading_each_show_their_own_progress() {
    use annals::app::{Loading, PickMode};
    let progress = std::sync::Arc::new(annals::io::LoadProgress::default());
    progress
        .read_bytes
        .store(50_000_000, std::sync::atomic::Ordering::Relaxed);
    let mut state = AppState::with_files(&[], english());
    state.loading = Some(Loading {
        id: 1,
        paths: vec!["a.json".into(), "b.json".into(), "c.json".into()],
        mode: PickMode::Add,
        total_bytes: 90_000_000,
        sizes: vec![40_000_000, 30_000_000, 20_000_000],
        progress,
        prepare: None,
        cache: None,
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .build_ui_state(|ui, window: &mut Window| window.ui(ui), Window::new(state));
    harness.step();
    harness.get_by_label("a.json: loaded");
    harness.get_by_label("b.json: 9.5 MiB of 29 MiB");
    harness.get_by_label("c.json: waiting");
    harness.get_by_label("Cancel");
}

/// Settings in English whatever the machine's locale (the words tested are English).
fn english() -> annals::app::Settings {
    annals::app::Settings {
        language: Some(annals::i18n::Lang::En),
        ..annals::app::Settings::default()
    }
}
