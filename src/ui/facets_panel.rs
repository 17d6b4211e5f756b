//! Filters: facets with live counts (category, actor, target, tag, severity, file) and a date
//! range. Each count says how many events choosing that value would show.

use crate::app::{Commands, FilterCommand, ViewCommand};
use egui::{RichText, Ui};

use crate::app::AppState;
use crate::app::remote::ServerFacet;
use crate::i18n::Arg;
use crate::model::TimePoint;
use crate::model::filter::Field;
use crate::model::text;

/// Values listed per facet before "and N more".
const LISTED: usize = 40;

/// What the date range fields hold while being typed.
#[derive(Clone, Debug, Default)]
pub struct DateRangeDraft {
    /// "From" text.
    pub from: String,
    /// "To" text.
    pub to: String,
}

/// Draws the filters.
pub fn facets_ui(
    ui: &mut Ui,
    state: &AppState,
    draft: &mut DateRangeDraft,
    commands: &mut Commands,
) {
    let filter = &state.filter;
    let lang = state.lang();
    let active = filter
        .facets
        .values()
        .map(std::collections::BTreeSet::len)
        .sum::<usize>()
        + usize::from(filter.date_range != (None, None));
    ui.horizontal(|ui| {
        if active > 0 || !filter.hidden_categories.is_empty() || filter.is_searching() {
            if ui
                .small_button(lang.word("filters-clear"))
                .on_hover_text(lang.word("filters-clear-tip"))
                .clicked()
            {
                commands.push(FilterCommand::ClearFilters);
                draft.from.clear();
                draft.to.clear();
            }
            if ui
                .small_button(lang.word("filters-fit"))
                .on_hover_text(lang.word("filters-fit-tip"))
                .clicked()
            {
                commands.push(ViewCommand::FitToFilter);
            }
        }
    });
    date_range_ui(ui, state, draft, commands);
    for field in &Field::ALL {
        if *field == Field::File && state.dataset.files.len() < 2 {
            continue;
        }
        let chosen = filter.facets.get(field);
        let heading = match chosen.map_or(0, std::collections::BTreeSet::len) {
            0 => field.label_in(lang),
            n => lang.text(
                "filters-chosen",
                &[
                    ("field", Arg::Text(&field.label_in(lang))),
                    ("count", Arg::Count(n)),
                ],
            ),
        };
        egui::CollapsingHeader::new(heading)
            .id_salt(("facet", *field))
            .default_open(false)
            .show(ui, |ui| {
                // Counted here, only when the facet is open (a table's by its server).
                let server = state.server_facet(*field);
                match &server {
                    ServerFacet::Needed => commands.push(FilterCommand::CountFacet(*field)),
                    ServerFacet::Counting => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.weak(lang.word("filters-server-counting"));
                        });
                    }
                    ServerFacet::Failed(why) => {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            crate::i18n::Said::new("filters-server-failed")
                                .said("value", why.clone())
                                .in_lang(lang),
                        );
                    }
                    ServerFacet::NotAsked | ServerFacet::Counted => {}
                }
                let values = state.facet_values(*field);
                if values.is_empty()
                    && matches!(server, ServerFacet::NotAsked | ServerFacet::Counted)
                {
                    ui.weak(lang.word("filters-none"));
                }
                for value in values.iter().take(LISTED) {
                    let mut on = chosen.is_some_and(|c| c.contains(&value.value));
                    let name = if value.value.is_empty() {
                        field.none_label_in(lang)
                    } else if *field == Field::Category {
                        state
                            .dataset
                            .category(&value.value)
                            .map_or_else(|| value.value.clone(), |c| c.label_in(lang).to_owned())
                    } else if *field == Field::File {
                        std::path::Path::new(&value.value).file_name().map_or_else(
                            || value.value.clone(),
                            |n| n.to_string_lossy().into_owned(),
                        )
                    } else {
                        value.value.clone()
                    };
                    let label = format!(
                        "{} ({})",
                        text::one_line(&name, 60),
                        lang.number(value.count)
                    );
                    let label = if value.count == 0 && !on {
                        RichText::new(label).color(ui.visuals().weak_text_color())
                    } else {
                        RichText::new(label)
                    };
                    if ui.checkbox(&mut on, label).changed() {
                        commands.push(FilterCommand::ToggleFacet(*field, value.value.clone()));
                    }
                }
                if values.len() > LISTED {
                    ui.weak(lang.count("filters-more", values.len() - LISTED));
                }
            });
    }
}

fn date_range_ui(
    ui: &mut Ui,
    state: &AppState,
    draft: &mut DateRangeDraft,
    commands: &mut Commands,
) {
    let parse = |t: &str| -> Result<Option<TimePoint>, String> {
        let t = t.trim();
        if t.is_empty() {
            Ok(None)
        } else {
            t.parse::<TimePoint>()
                .map(Some)
                .map_err(|e| e.text_in(state.lang()))
        }
    };
    let mut changed = false;
    let lang = state.lang();
    ui.horizontal(|ui| {
        let label = ui.label(lang.word("filters-from"));
        // The two fields share the row, so "any date" fits in every language.
        let to = lang.word("filters-to");
        let to_width = super::body_text_width(ui, &to);
        let field =
            ((ui.available_width() - to_width - 3.0 * ui.spacing().item_spacing.x) / 2.0).max(60.0);
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut draft.from)
                    .desired_width(field)
                    .hint_text(lang.word("filters-any-date")),
            )
            .labelled_by(label.id)
            .lost_focus();
        let label = ui.label(to);
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut draft.to)
                    .desired_width(field)
                    .hint_text(lang.word("filters-any-date")),
            )
            .labelled_by(label.id)
            .lost_focus();
    });
    match (parse(&draft.from), parse(&draft.to)) {
        (Ok(from), Ok(to)) => {
            // "to 2021" includes all of 2021.
            let range = (from.map(|f| f.start_secs()), to.map(|t| t.end_secs()));
            if changed && range != state.filter.date_range {
                commands.push(FilterCommand::SetDateRange(range.0, range.1));
            }
        }
        (Err(why), _) | (_, Err(why)) => {
            ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
        }
    }
}
