//! The in-window file chooser (see `app::chooser`): a path field that lists its folder, recent
//! folders and files beside it, the files Annals reads marked. Keyboard-first: focus starts in
//! the field; Tab completes, ↑ ↓ walk the list, Enter opens, Esc cancels.

use egui::{Key, RichText, Ui};

use super::theme;
use crate::app::chooser::ChooserProblem;
use crate::app::{AppState, ChooserCommand, Commands};
use crate::i18n::Said;

/// The path field's id (tests and focus find it).
pub fn path_field_id() -> egui::Id {
    egui::Id::unique("chooser-path")
}

/// Enter and Esc pressed this frame (without modifiers), taken so no field or shortcut also
/// acts on them: what every modal answers to.
pub fn modal_keys(ctx: &egui::Context) -> (bool, bool) {
    ctx.input_mut(|i| {
        let enter = i.consume_key(egui::Modifiers::NONE, Key::Enter);
        let escape = i.consume_key(egui::Modifiers::NONE, Key::Escape);
        (enter, escape)
    })
}

/// Draws the chooser if it is open.
pub fn chooser_ui(ctx: &egui::Context, state: &AppState, commands: &mut Commands) {
    let seen = egui::Id::unique("chooser-serial");
    let Some(chooser) = &state.chooser else {
        // The next chooser starts afresh: focus in its field.
        ctx.data_mut(|d| d.remove::<u64>(seen));
        return;
    };
    let lang = state.lang();
    if let Some(existing) = &chooser.confirm_replace {
        // The question sits over the chooser and takes the keys.
        let (enter, escape) = modal_keys(ctx);
        egui::Modal::new(egui::Id::unique("chooser-replace")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(
                Said::new("chooser-replace-question")
                    .text("file", existing.display().to_string())
                    .in_lang(lang),
            );
            ui.horizontal(|ui| {
                if ui.button(lang.word("chooser-replace")).clicked() || enter {
                    commands.push(ChooserCommand::ConfirmReplace(true));
                }
                if ui.button(lang.word("cancel")).clicked() || escape {
                    commands.push(ChooserCommand::ConfirmReplace(false));
                }
            });
        });
    }
    let (enter, escape, tab, down, up) = if chooser.confirm_replace.is_none() {
        let (enter, escape) = modal_keys(ctx);
        ctx.input_mut(|i| {
            (
                enter,
                escape,
                i.consume_key(egui::Modifiers::NONE, Key::Tab),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            )
        })
    } else {
        (false, false, false, false, false)
    };
    if escape {
        commands.push(ChooserCommand::Cancel);
    }
    if tab {
        commands.push(ChooserCommand::Complete);
    }
    if down || up {
        commands.push(ChooserCommand::Step(if down { 1 } else { -1 }));
    }
    let (title, action) = chooser.purpose.words();
    egui::Modal::new(egui::Id::unique("chooser")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading(lang.word(title));
        ui.add_space(4.0);
        let mut typed = chooser.typed.clone();
        // The keys belong to the field while the chooser is open (a click on the list does
        // not take them away), from its very first frame, so keys typed right after the
        // shortcut are not lost. When the chooser rewrote the field (Tab, arrows, a folder),
        // the cursor goes to its end.
        if chooser.confirm_replace.is_none() {
            ui.memory_mut(|m| m.request_focus(path_field_id()));
        }
        let rewritten = ui.data(|d| d.get_temp::<u64>(seen)) != Some(chooser.typed_serial);
        if rewritten {
            ui.data_mut(|d| d.insert_temp(seen, chooser.typed_serial));
            let mut text_state =
                egui::TextEdit::load_state(ui.ctx(), path_field_id()).unwrap_or_default();
            let end = egui::text::CCursor::new(typed.chars().count());
            text_state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            text_state.store(ui.ctx(), path_field_id());
        }
        ui.horizontal(|ui| {
            let label = ui.label(lang.word("chooser-path"));
            ui.add(
                egui::TextEdit::singleline(&mut typed)
                    .id(path_field_id())
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Monospace),
            )
            .labelled_by(label.id);
        });
        if typed != chooser.typed {
            commands.push(ChooserCommand::SetText(typed));
        }
        problem_ui(ui, state);
        ui.add_space(4.0);
        // The body has a fixed height that fits small windows too, so the buttons stay in
        // sight; the list scrolls inside it.
        let body_height = (ctx.content_rect().height() - 260.0).clamp(120.0, 360.0);
        let size = egui::vec2(ui.available_width(), body_height);
        ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Min), |ui| {
            ui.set_height(body_height);
            ui.vertical(|ui| {
                ui.set_width(200.0);
                egui::ScrollArea::vertical()
                    .id_salt("chooser-recent")
                    .show(ui, |ui| recent_ui(ui, state, commands));
            });
            ui.separator();
            ui.vertical(|ui| {
                listing_ui(ui, state, commands, body_height);
            });
        });
        ui.separator();
        ui.weak(lang.word(chooser.purpose.hint()));
        ui.horizontal(|ui| {
            if !chooser.marked.is_empty() {
                ui.label(lang.count("chooser-marked", chooser.marked.len()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(lang.word(action)).clicked() || enter {
                    commands.push(ChooserCommand::Accept);
                }
                if ui.button(lang.word("cancel")).clicked() {
                    commands.push(ChooserCommand::Cancel);
                }
            });
        });
    });
}

fn problem_ui(ui: &mut Ui, state: &AppState) {
    let Some(chooser) = &state.chooser else {
        return;
    };
    let lang = state.lang();
    let text = match &chooser.problem {
        None => return,
        Some(ChooserProblem::Missing(path)) => Said::new("chooser-missing")
            .text("file", path.display().to_string())
            .in_lang(lang),
        Some(ChooserProblem::Unlisted(why)) => Said::new("chooser-unlisted")
            .text("why", why.clone())
            .in_lang(lang),
    };
    let color = theme::problem_color(crate::app::ProblemLevel::Error, ui.visuals().dark_mode);
    ui.label(RichText::new(text).color(color));
}

/// Recent folders (and, when opening files, recent files): one click goes there.
fn recent_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let lang = state.lang();
    let name_of = |path: &std::path::Path| crate::model::text::file_name_of(path);
    let mut folders = state.settings.recent_folders.clone();
    for file in &state.settings.recent_files {
        if let Some(folder) = file.parent()
            && !folders.iter().any(|f| f == folder)
        {
            folders.push(folder.to_path_buf());
        }
    }
    folders.truncate(8);
    ui.strong(lang.word("chooser-recent-folders"));
    for folder in folders {
        if ui
            .link(format!("{}/", name_of(&folder)))
            .on_hover_text(folder.display().to_string())
            .clicked()
        {
            commands.push(ChooserCommand::GoTo(folder));
        }
    }
    let opens = state
        .chooser
        .as_ref()
        .is_some_and(|c| c.purpose.takes_several());
    if opens && !state.settings.recent_files.is_empty() {
        ui.add_space(6.0);
        ui.strong(lang.word("chooser-recent-files"));
        for file in state.settings.recent_files.iter().take(8) {
            if ui
                .link(name_of(file))
                .on_hover_text(file.display().to_string())
                .clicked()
            {
                commands.push(ChooserCommand::SetText(file.display().to_string()));
                commands.push(ChooserCommand::Accept);
            }
        }
    }
}

/// The folder's entries that match what is typed: folders first, the files Annals reads (or the
/// purpose wants) in strong type, a box to mark several when opening.
fn listing_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands, height: f32) {
    let Some(chooser) = &state.chooser else {
        return;
    };
    let lang = state.lang();
    let folder = chooser.typed_folder();
    ui.horizontal(|ui| {
        if let Some(parent) = folder.parent()
            && ui.small_button(lang.word("chooser-up")).clicked()
        {
            commands.push(ChooserCommand::GoTo(parent.to_path_buf()));
        }
        ui.monospace(folder.display().to_string());
    });
    let entries = chooser.matching();
    if entries.is_empty() {
        ui.weak(lang.word("chooser-folder-empty"));
    }
    let highlighted = chooser.highlighted.as_ref();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .max_height(height - 2.0 * row_height - 8.0)
        .auto_shrink([false, false])
        .show_rows(ui, row_height, entries.len(), |ui, range| {
            for entry in entries.get(range).unwrap_or(&[]) {
                ui.horizontal(|ui| {
                    let wanted = !entry.is_dir && chooser.purpose.wants(&entry.path);
                    if chooser.purpose.takes_several() {
                        if wanted {
                            let mut marked = chooser.marked.contains(&entry.path);
                            let response = ui.add(egui::Checkbox::without_text(&mut marked));
                            response.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::accesskit::Role::CheckBox,
                                    true,
                                    marked,
                                    Said::new("chooser-mark")
                                        .text("file", entry.name.clone())
                                        .in_lang(lang),
                                )
                            });
                            if response.changed() {
                                commands.push(ChooserCommand::ToggleMark(entry.path.clone()));
                            }
                        } else {
                            ui.add_space(ui.spacing().icon_width + ui.spacing().item_spacing.x);
                        }
                    }
                    let name = if entry.is_dir {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let text = if entry.is_dir || wanted {
                        RichText::new(name).strong()
                    } else {
                        RichText::new(name).weak()
                    };
                    let selected = highlighted == Some(&entry.path);
                    let response = ui.selectable_label(selected, text);
                    if selected {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        if entry.is_dir {
                            commands.push(ChooserCommand::GoTo(entry.path.clone()));
                        } else {
                            commands
                                .push(ChooserCommand::SetText(entry.path.display().to_string()));
                        }
                    }
                    if response.double_clicked() && !entry.is_dir {
                        commands.push(ChooserCommand::Accept);
                    }
                    if !entry.is_dir {
                        ui.weak(crate::model::text::size_label(entry.size));
                    }
                });
            }
        });
    if let Some(listing) = &chooser.listing
        && listing.more > 0
    {
        ui.weak(lang.count("chooser-more", listing.more));
    }
}
