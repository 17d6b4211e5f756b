//! The table in the window without a server: connecting, questions and answers, filters,
//! facets, lanes and the overview, with answers made up in the test.

use super::*;
use crate::app::{FilesCommand, ViewCommand};

const ADDRESS: &str = "clickhouse://127.0.0.1:9/db/events";

fn header() -> DatasetPart {
    crate::io::load_text(
        "h.json",
        r#"{"annals": 1, "title": "T", "categories": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "events": []}"#,
    )
    .unwrap()
    .part
}

/// A table of 2021: 1,000,000 events in lane `a`, 3 in lane `b`.
/// A table of 2021 with these lanes (its count their sum), with or without hourly counts.
fn summary_of(lanes: &[(&str, u64)], rollup: bool) -> ch::Summary {
    ch::Summary {
        events: lanes.iter().map(|l| l.1).sum(),
        periods: 0,
        first: Some("2021-01-01".parse().unwrap()),
        last: Some("2021-12-31".parse().unwrap()),
        header: header(),
        lanes: lanes.iter().map(|&(k, n)| (k.to_owned(), n)).collect(),
        rollup,
    }
}

fn connected_state() -> (AppState, Vec<Effect>) {
    let mut state = AppState::default();
    let effects = state.apply(FilesCommand::OpenFiles(vec![ADDRESS.into()]));
    let [Effect::Connect(connect)] = effects.as_slice() else {
        panic!("a table connects on a thread: {effects:?}");
    };
    let summary = summary_of(&[("a", 1_000_000), ("b", 3)], true);
    let effects = state.receive(Reply::Connected(
        connect.clone(),
        Delivery::new(Ok(summary)),
    ));
    (state, effects)
}

fn answer(ask: &Ask, titles: &[&str]) -> Reply {
    let events: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"{{"id": "e{i}", "title": "{t}", "start": "2021-06-0{}", "category": "b"}}"#,
                i + 1
            )
        })
        .collect();
    let text = format!(
        r#"{{"annals": 1, "categories": [{{"id": "a", "label": "A"}}, {{"id": "b", "label": "B"}}], "events": [{}]}}"#,
        events.join(",")
    );
    let events = crate::io::load_text(ADDRESS, &text).unwrap();
    let answer = ch::window::Answer {
        question: ask.question.clone(),
        events,
        counted: vec![("a".into(), 900_000, vec![900; 1000])],
        lanes: vec![("a".into(), 900_000), ("b".into(), titles.len() as u64)],
        whole: ask.question.whole.map(|(a, b)| (a, b, vec![7; 64])),
    };
    Reply::TableAnswered(ask.generation, Delivery::new(Ok(answer)))
}

fn asked(effects: &[Effect]) -> Ask {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::AskTable(ask) => Some(ask.clone()),
            _ => None,
        })
        .expect("a question for the table")
}

#[test]
fn a_connected_table_is_fitted_and_asked_for_its_view() {
    let (state, effects) = connected_state();
    let ask = asked(&effects);
    let remote = state.remote.as_ref().unwrap();
    assert!(remote.querying(), "the status bar says querying…");
    assert_eq!(state.busy(), Some("querying"));
    assert_eq!(state.total_events(), 1_000_003);
    assert_eq!(state.category_count(0), 1_000_000);
    // The question holds the view, with room to pan.
    assert!(ask.question.min_secs <= state.view.min_secs);
    assert!(ask.question.max_secs >= state.view.max_secs());
    assert_eq!(ask.question.limit, ASK_LIMIT);
    assert_eq!(state.dataset.title_in(crate::i18n::Lang::En), "T");
}

#[test]
fn a_filter_goes_to_the_server_and_a_new_filter_asks_again() {
    use crate::app::FilterCommand;
    use crate::model::filter::Field;
    let (mut state, effects) = connected_state();
    let first = asked(&effects);
    assert_eq!(first.question.condition, None);
    // Hiding a lane: the server leaves it out (and may still use its hourly counts).
    let hidden = asked(&state.apply(FilterCommand::ToggleCategory("a".into())));
    let condition = hidden.question.condition.clone().expect("a condition");
    assert_eq!(&*condition.sql, "category NOT IN ('a')");
    assert!(condition.categories_only);
    // An actor facet: a new question, its condition names the actor.
    let actor = asked(&state.apply(FilterCommand::ToggleFacet(Field::Actor, "Belnet".into())));
    assert!(actor.generation > hidden.generation);
    let condition = actor.question.condition.clone().expect("a condition");
    assert!(condition.sql.contains("hasAny(actors, ['Belnet'])"));
    assert!(!condition.categories_only);
    // A search that only highlights asks nothing new; one that hides does.
    let effects = state.apply(FilterCommand::SetQuery("ddos".into()));
    assert!(!effects.iter().any(|e| matches!(e, Effect::AskTable(_))));
    let search = asked(&state.apply(FilterCommand::SetOnlyMatches(true)));
    assert!(search.question.condition.unwrap().sql.contains("'ddos'"));
    // Cleared: back to the whole table.
    let cleared = asked(&state.apply(FilterCommand::ClearFilters));
    assert_eq!(cleared.question.condition, None);
}

#[test]
fn lanes_by_another_field_are_asked_for_and_counted_only_when_they_match() {
    use crate::app::LanesCommand;
    use crate::model::filter::Field;
    let (mut state, effects) = connected_state();
    let first = asked(&effects);
    assert_eq!(first.question.lanes_by, Some(Field::Category));
    let _ = state.receive(answer(&first, &["one"]));
    assert!(state.lane_spec().counted.iter().any(|(k, _)| k == "a"));
    // Lanes by actor: asked again; until the answer, the lanes by category it counted are
    // not taken for actor lanes.
    let by_actor = asked(&state.apply(LanesCommand::SetLanesBy(Some(Field::Actor))));
    assert_eq!(by_actor.question.lanes_by, Some(Field::Actor));
    assert!(state.lane_spec().counted.is_empty());
    let _ = state.receive(answer(&by_actor, &["two"]));
    assert_eq!(state.lane_spec().counted, [("a".to_owned(), 900_000)]);
    assert_eq!(
        state.remote.as_ref().unwrap().counted_by,
        Some(Field::Actor)
    );
}

#[test]
fn going_back_to_a_view_draws_it_from_its_answer_without_asking() {
    let (mut state, effects) = connected_state();
    let first = asked(&effects);
    let _ = state.receive(answer(&first, &["whole year"]));
    let year = state.view;
    // Zoomed in to a week: asked, answered.
    let week = TimeView::from_min_max(
        year.min_secs + 150.0 * 86_400.0,
        year.min_secs + 157.0 * 86_400.0,
    );
    let second = asked(&state.apply(ViewCommand::SetView(week)));
    let _ = state.receive(answer(&second, &["one week"]));
    // Back to the year: drawn at once from the first answer, nothing asked.
    let effects = state.apply(ViewCommand::SetView(year));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::AskTable(_))),
        "{effects:?}"
    );
    assert!(!state.remote.as_ref().unwrap().querying());
    let titles: Vec<String> = state
        .dataset
        .events
        .iter()
        .map(|e| e.title().to_owned())
        .collect();
    assert_eq!(titles, ["whole year"]);
    // And the week again, from its own.
    let _ = state.apply(ViewCommand::SetView(week));
    assert_eq!(
        state.dataset.events.iter().next().unwrap().title(),
        "one week"
    );
    // A filter changes the question: those answers do not serve it.
    let effects = state.apply(crate::app::FilterCommand::ToggleCategory("a".into()));
    assert!(effects.iter().any(|e| matches!(e, Effect::AskTable(_))));
}

#[test]
fn the_overview_is_counted_once_per_filter() {
    use crate::app::FilterCommand;
    let (mut state, effects) = connected_state();
    let first = asked(&effects);
    let (lo, hi) = state.remote.as_ref().unwrap().extent.unwrap();
    assert_eq!(first.question.whole, Some((lo, hi)), "the whole table");
    assert_eq!(state.table_overview(), None);
    let _ = state.receive(answer(&first, &["one"]));
    let overview = state.table_overview().expect("counted").clone();
    assert_eq!(overview.counts, vec![7; 64]);
    // Moving the view does not count the whole table again.
    let moved = asked(&state.apply(ViewCommand::ZoomBy(8.0)));
    assert_eq!(moved.question.whole, None);
    // A filter does; until it is answered the old counts are not shown as the new ones.
    let filtered = asked(&state.apply(FilterCommand::ToggleCategory("a".into())));
    assert_eq!(filtered.question.whole, Some((lo, hi)));
    assert_eq!(state.table_overview(), None);
    let _ = state.receive(answer(&filtered, &["two"]));
    let again = state.table_overview().expect("counted again");
    assert!(again.generation > overview.generation);
}

#[test]
fn facet_counts_come_from_the_server_once_per_filter() {
    use crate::app::FilterCommand;
    use crate::model::filter::Field;
    let (mut state, _) = connected_state();
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
    // The file facet is counted here: a table is one file.
    assert_eq!(state.server_facet(Field::File), ServerFacet::NotAsked);
    let effects = state.apply(FilterCommand::CountFacet(Field::Actor));
    let [Effect::CountFacet(count)] = effects.as_slice() else {
        panic!("the server counts: {effects:?}");
    };
    assert_eq!((count.field, count.condition.clone()), (Field::Actor, None));
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counting);
    // Asked once: the panel asking again every frame sends nothing more.
    assert!(
        state
            .apply(FilterCommand::CountFacet(Field::Actor))
            .is_empty()
    );
    let counts = vec![("CCB".to_owned(), 700_000), (String::new(), 300_003)];
    let _ = state.receive(Reply::FacetCounted(
        count.clone(),
        Delivery::new(Ok(counts)),
    ));
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counted);
    let values = state.facet_values(Field::Actor);
    assert_eq!(
        values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect::<Vec<_>>(),
        [("CCB", 700_000), ("", 300_003)]
    );
    // Choosing an actor leaves the actor counts as they are (their own facet is left
    // out), but the tag counts are asked again under it.
    let _ = state.apply(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()));
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counted);
    let effects = state.apply(FilterCommand::CountFacet(Field::Tag));
    let [Effect::CountFacet(tags)] = effects.as_slice() else {
        panic!("tags are counted: {effects:?}");
    };
    assert!(tags.condition.as_ref().unwrap().sql.contains("'CCB'"));
    // Hiding a lane changes the actor counts' question: an answer to the old one is
    // dropped.
    let _ = state.apply(FilterCommand::ToggleCategory("a".into()));
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
    let _ = state.receive(Reply::FacetCounted(
        count.clone(),
        Delivery::new(Ok(vec![("stale".to_owned(), 1)])),
    ));
    assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
    assert!(
        !state
            .facet_values(Field::Actor)
            .iter()
            .any(|v| v.value == "stale")
    );
    // The chosen actor stays listed to be un-chosen.
    assert!(
        state
            .facet_values(Field::Actor)
            .iter()
            .any(|v| v.value == "CCB")
    );
}

#[test]
fn answers_fill_the_lanes_and_old_answers_are_dropped() {
    let (mut state, effects) = connected_state();
    let first = asked(&effects);
    // Zoomed to a week before the first answer: a second question.
    let week = TimeView::from_min_max(
        "2021-06-01"
            .parse::<crate::model::TimePoint>()
            .unwrap()
            .start_secs(),
        "2021-06-07"
            .parse::<crate::model::TimePoint>()
            .unwrap()
            .end_secs(),
    );
    let second = asked(&state.apply(ViewCommand::SetView(week)));
    assert!(second.generation > first.generation);
    // A pan within the asked range asks nothing new.
    let effects = state.apply(ViewCommand::PanBy(0.1));
    assert!(!effects.iter().any(|e| matches!(e, Effect::AskTable(_))));

    // The newer answer first, then the older: the older is dropped.
    let _ = state.receive(answer(&second, &["new one", "new two"]));
    let _ = state.receive(answer(&first, &["old"]));
    let titles: Vec<String> = state
        .dataset
        .events
        .iter()
        .map(|e| e.title().to_owned())
        .collect();
    assert_eq!(titles, ["new one", "new two"]);
    assert!(!state.remote.as_ref().unwrap().querying());
    assert_eq!(state.busy(), None);
    // Lane `a` is counted: a lane with no event here, drawn from the counts.
    let keys: Vec<&str> = state.layout.lanes.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(state.layout.lanes[0].count, 900_000);
    assert!(state.scene_extras().counted.unwrap().lane("a").is_some());
    // Totals are the table's, not the answer's.
    assert_eq!(state.total_events(), 1_000_003);
    assert_eq!(state.category_count(1), 3);
    // Hiding the counted category hides its lane.
    let _ = state.apply(crate::app::FilterCommand::ToggleCategory("a".into()));
    let keys: Vec<&str> = state.layout.lanes.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["b"]);
}

#[test]
fn a_table_that_cannot_be_reached_is_listed_without_its_password() {
    let mut state = AppState::default();
    let connect = Connect {
        address: "clickhouse://u:secret@127.0.0.1:9/db/t".into(),
        mode: PickMode::Open,
        password: None,
    };
    let why = Said::verbatim("connection refused");
    let _ = state.receive(Reply::Connected(connect, Delivery::new(Err(why))));
    assert_eq!(state.failed.len(), 1);
    assert!(
        !state.failed[0].name.contains("secret"),
        "{}",
        state.failed[0].name
    );
    assert!(state.remote.is_none());
}

#[test]
fn a_typed_password_goes_with_every_question_and_nowhere_else() {
    let mut state = AppState::default();
    let effects = state.apply(FilesCommand::ConnectTable {
        address: ADDRESS.into(),
        password: ch::Password::new("s3cr3t-typed"),
    });
    let [Effect::Connect(connect)] = effects.as_slice() else {
        panic!("a table connects on a thread: {effects:?}");
    };
    assert_eq!(
        connect.password.as_ref().map(ch::Password::expose),
        Some("s3cr3t-typed")
    );
    let summary = summary_of(&[("b", 10)], false);
    let effects = state.receive(Reply::Connected(
        connect.clone(),
        Delivery::new(Ok(summary)),
    ));
    let ask = asked(&effects);
    assert_eq!(
        ask.password.as_ref().map(ch::Password::expose),
        Some("s3cr3t-typed")
    );
    // Zoomed, the next question carries it too.
    let _ = state.receive(answer(&ask, &["One"]));
    let effects = state.apply(crate::app::ViewCommand::ZoomBy(100.0));
    let next = asked(&effects);
    assert!(next.generation > ask.generation);
    assert_eq!(
        next.password.as_ref().map(ch::Password::expose),
        Some("s3cr3t-typed")
    );
    // Never printed, never in a session.
    let printed = format!("{effects:?} {connect:?} {state:?}");
    assert!(!printed.contains("s3cr3t"), "printed");
    let session = state.capture_session(std::path::Path::new("/tmp/x.annals-session.json"));
    let saved = serde_json::to_string(&session).unwrap();
    assert!(saved.contains("clickhouse://"), "{saved}");
    assert!(!saved.contains("s3cr3t"), "{saved}");
}
