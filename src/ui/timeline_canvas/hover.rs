//! What the pointer is over on the timeline, said in a tooltip: an event (title, date,
//! category), a cluster (count, range), a density bin, a lane's "+N more".

use egui::Ui;

use crate::app::AppState;
use crate::i18n::Arg;
use crate::timeline::scene::{Hit, Scene};

pub(super) fn hover_ui(ui: &mut Ui, state: &AppState, scene: &Scene, hit: &Hit) {
    let dataset = &state.dataset;
    let lang = state.lang();
    match hit {
        Hit::More(i) => {
            let Some(more) = scene.more.get(*i) else {
                return;
            };
            ui.strong(lang.count("canvas-more-here", more.count()));
            if !more.left_out.is_empty() {
                ui.label(lang.count("canvas-no-room", more.left_out.len()));
            }
            if more.unlabelled > 0 {
                ui.label(lang.count("canvas-unlabelled", more.unlabelled));
            }
            let expanded = state
                .layout
                .lanes
                .get(more.lane)
                .is_some_and(|lane| lane.expanded);
            ui.weak(lang.word(if expanded {
                "canvas-lane-shrink"
            } else {
                "canvas-lane-expand"
            }));
        }
        Hit::Event(idx) => {
            let Some(event) = dataset.event(*idx) else {
                return;
            };
            ui.strong(crate::model::text::one_line(
                event.title_in(lang),
                crate::model::text::TITLE_CHARS,
            ));
            ui.label(event.date_label_in(lang));
            if let Some(category) = event.category() {
                let label = dataset
                    .category(category)
                    .map_or(category, |c| c.label_in(lang));
                ui.weak(label);
            }
        }
        Hit::Cluster(i) => {
            let Some(cluster) = scene.clusters.get(*i) else {
                return;
            };
            ui.strong(lang.count("events", cluster.count));
            let first = cluster.members.first().and_then(|&m| dataset.event(m));
            let last = cluster.members.last().and_then(|&m| dataset.event(m));
            if let (Some(first), Some(last)) = (first, last) {
                ui.label(lang.text(
                    "canvas-from-to",
                    &[
                        ("from", Arg::Text(&first.start().label_in(lang))),
                        ("to", Arg::Text(&last.start().label_in(lang))),
                    ],
                ));
            }
            ui.weak(lang.word("canvas-list-them"));
        }
        Hit::Density {
            min_secs,
            max_secs,
            count,
        } => {
            let label = |secs: f64| {
                crate::model::TimePoint::from_unix_secs(secs.floor() as i64)
                    .map_or_else(|_| String::new(), |p| p.label_in(lang))
            };
            ui.strong(lang.count("canvas-starting-here", *count));
            ui.label(lang.text(
                "canvas-from-to",
                &[
                    ("from", Arg::Text(&label(*min_secs))),
                    ("to", Arg::Text(&label(*max_secs))),
                ],
            ));
            ui.weak(lang.word("canvas-zoom-in"));
        }
    }
}
