//! The corpus search window (Ctrl+Shift+F): words, a phrase or a regular expression over every
//! article, folded as the match key folds spellings; the hits as a concordance grouped by
//! document, each line's contexts drawn by our engine and aligned on the match. A click or Enter
//! opens a hit at its words; Space checks hits, and a label's key (or the Tag button) tags the
//! checked ones together, in one undo step. The search runs on a background thread.

use eframe::egui;

use super::app::DaftarApp;
use super::background::Job;
use super::bidi_label::{bidi_button_ui, bidi_label_ui};
use super::key_list::KeyList;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::words as wd;
use crate::app::{AppCommand, SearchJob};
use crate::i18n::{Words, key};
use crate::layout::{Direction, TextEditor, TextStyle};
use crate::model::{DocStatus, EntityId};
use crate::search::{SearchError, SearchHit, SearchQuery, SearchResults};

/// Catalogue keys of the window's controls (also what tests click).
pub const SEARCH_WINDOW: &str = key("search-title");
/// Placeholder (and accessible name) of the search field.
pub const SEARCH_HINT: &str = key("search-hint");
pub const SEARCH_BUTTON: &str = key("search-button");
pub const REGEX_CHECKBOX: &str = key("search-regex");
/// Accessible name of the list of hits (it takes the keys while it has the focus).
pub const RESULTS_LIST: &str = key("search-results");
pub const TAG_BUTTON: &str = key("search-tag-checked");
pub const ENTITY_HINT: &str = key("search-entity-hint");
pub const SEARCHING: &str = key("search-searching");

const ROW_HEIGHT: f32 = 26.0;
const CHECK_WIDTH: f32 = 24.0;
const CONTEXT_FONT: f32 = 14.0;

/// The list of hits' widget id: the keys go to it while it has the focus.
pub fn results_id() -> egui::Id {
    egui::Id::unique("corpus search results")
}

/// The accessible name of a hit's row ("hit 3: ایران").
pub fn hit_row_name(tr: Words, index: usize, hit: &SearchHit) -> String {
    tr.t_with(
        "search-hit-name",
        &[
            ("number", (index + 1).into()),
            ("words", hit.quote().into()),
        ],
    )
}

/// A line of the list: a document's heading, or one of its hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    /// The first hit of a document, and how many it has.
    Document {
        first: usize,
        hits: usize,
    },
    Hit(usize),
}

/// The hits as rows, each document's under its heading.
fn rows_of(hits: &[SearchHit]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(hits.len() + 16);
    let mut index = 0;
    while index < hits.len() {
        let doc = hits[index].doc;
        let count = hits[index..].iter().take_while(|h| h.doc == doc).count();
        rows.push(Row::Document {
            first: index,
            hits: count,
        });
        rows.extend((index..index + count).map(Row::Hit));
        index += count;
    }
    rows
}

/// The search window's state (the hits are the session's).
#[derive(Default)]
pub struct SearchWindow {
    pub open: bool,
    pub field: TextEditor,
    pub regex: bool,
    /// Only hits inside spans of this label.
    pub in_label: Option<String>,
    /// Only documents in this state.
    pub in_status: Option<DocStatus>,
    /// The label the Tag button applies (a label's key applies its own).
    pub tag_label: Option<String>,
    pub entity_field: TextEditor,
    /// The entity tagged hits are linked to, when it is of the label applied.
    pub entity: Option<EntityId>,
    job: Option<(SearchQuery, Job<Result<SearchResults, SearchError>>)>,
    focus_field: bool,
    /// Bring the current hit into view (it was moved by a key).
    pub(super) reveal_current: bool,
    /// The rows, built for the hits of one search (its generation).
    rows: (u64, Vec<Row>),
}

impl SearchWindow {
    pub fn show(&mut self) {
        self.open = true;
        self.focus_field = true;
    }

    /// The query as the window is set up.
    pub fn query(&self) -> SearchQuery {
        SearchQuery {
            text: self.field.text(),
            regex: self.regex,
            label: self.in_label.clone(),
            status: self.in_status,
        }
    }

    pub fn start(&mut self, job: SearchJob, ctx: &egui::Context) {
        if self.job.is_some() {
            return;
        }
        let query = job.query.clone();
        self.job = Some((query, Job::spawn(ctx, move |_| job.run())));
    }

    pub fn is_searching(&self) -> bool {
        self.job.is_some()
    }

    /// The entity for hits tagged with `label`: the one chosen, when it is of that label.
    pub fn entity_for(&self, label: &str, session: &crate::app::Session) -> Option<EntityId> {
        self.entity.filter(|e| {
            session
                .project()
                .entity(*e)
                .is_some_and(|e| e.kind == label)
        })
    }
}

impl DaftarApp {
    /// Takes a finished search's hits.
    pub(super) fn finish_searching(&mut self) {
        if self
            .search_window
            .job
            .as_ref()
            .is_some_and(|(_, job)| job.is_finished())
        {
            self.wait_for_search();
        }
    }

    /// Waits for the search running, and shows its hits (tests use it).
    pub fn wait_for_search(&mut self) {
        let Some((query, job)) = self.search_window.job.take() else {
            return;
        };
        match job.finish() {
            Ok(results) => self.session.take_search_results(query, results),
            Err(error) => {
                let tr = self.words();
                let message = tr.t_with("search-failed", &[("error", error.to_string().into())]);
                self.session.note(message);
            }
        }
    }

    /// The keys of the list of hits while it has the focus: ↑ ↓ move, Enter opens, Space
    /// checks, Ctrl+A checks all, a label's key tags the checked hits.
    pub(super) fn search_list_commands(&mut self, ctx: &egui::Context) -> Vec<AppCommand> {
        let current = self.session.search().current;
        let mut commands = Vec::new();
        let events = super::input::pressed_keys(ctx, true);
        for (key, modifiers) in events {
            use egui::Key as K;
            match key {
                K::ArrowDown | K::ArrowUp if modifiers.is_none() => {
                    commands.push(AppCommand::StepSearchHit {
                        forward: key == K::ArrowDown,
                    });
                    self.search_window.reveal_current = true;
                }
                K::Enter if modifiers.is_none() => {
                    commands.extend(current.map(AppCommand::OpenSearchHit));
                }
                K::Space if modifiers.is_none() => {
                    commands.extend(current.map(AppCommand::ToggleSearchHit));
                }
                K::A if modifiers.command_only() => {
                    let all =
                        self.session.search().checked.len() < self.session.search().hits().len();
                    commands.push(AppCommand::CheckAllSearchHits(all));
                }
                _ if modifiers.is_none() || modifiers == egui::Modifiers::SHIFT => {
                    let label = self
                        .session
                        .project()
                        .schema
                        .labels
                        .iter()
                        .find(|l| super::ui_command::label_key(&l.shortcut) == Some(key));
                    if let Some(label) = label {
                        // The list then marks the hits tagged with it.
                        self.search_window.tag_label = Some(label.key.clone());
                        commands.push(AppCommand::TagSearchHits {
                            label: label.key.clone(),
                            entity: self.search_window.entity_for(&label.key, &self.session),
                        });
                    }
                }
                _ => {}
            }
        }
        commands
    }

    pub(super) fn search_window_ui(&mut self, ctx: &egui::Context) {
        if !self.search_window.open {
            return;
        }
        let mut close = false;
        let title = wd::words(ctx).t(SEARCH_WINDOW);
        super::key_list::centered_window(SEARCH_WINDOW, ctx, 780.0, 540.0).show(ctx, |ui| {
            close = wd::title_bar(ui, &title);
            wd::page(ui, wd::right_to_left(ui), |ui| {
                self.search_form_ui(ui);
                ui.separator();
                self.search_summary_ui(ui);
                // Tagging at the bottom, the hits in all the height between.
                egui::Panel::bottom("search tagging")
                    .resizable(false)
                    .show(ui, |ui| self.search_tag_ui(ui));
                let list_height = ui.available_height().max(120.0);
                self.search_results_ui(ui, list_height);
            });
        });
        if close {
            self.search_window.open = false;
        }
    }

    fn search_form_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let window = &mut self.search_window;
        let mut run = false;
        let tr = wd::words(ui.ctx());
        wd::row(ui, |ui| {
            let hint = tr.t(SEARCH_HINT);
            let field = bidi_text_edit_ui(ui, text_engine, &mut window.field, &hint, 300.0);
            if std::mem::take(&mut window.focus_field) {
                field.request_focus();
            }
            run |= field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            run |= ui
                .add_enabled_ui(window.job.is_none(), |ui| {
                    wd::button(ui, &tr.t(SEARCH_BUTTON))
                })
                .inner
                .clicked();
            let regex = wd::checkbox(ui, &mut window.regex, &tr.t(REGEX_CHECKBOX));
            wd::hover(regex, &tr.t("search-regex-tip"));
        });
        wd::row(ui, |ui| {
            let labels: Vec<String> = self
                .session
                .project()
                .schema
                .labels
                .iter()
                .map(|l| l.key.clone())
                .collect();
            let any_label = tr.t("search-any-label");
            let shown = window.in_label.clone().unwrap_or_else(|| any_label.clone());
            wd::combo(ui, &tr.t("search-inside-spans"), true, &shown, |ui| {
                if wd::selectable(ui, window.in_label.is_none(), &any_label).clicked() {
                    window.in_label = None;
                }
                for label in labels {
                    let chosen = window.in_label.as_deref() == Some(label.as_str());
                    if wd::selectable(ui, chosen, &label).clicked() {
                        window.in_label = Some(label);
                    }
                }
            });
            let any_status = tr.t("search-any-status");
            let shown = window
                .in_status
                .map_or_else(|| any_status.clone(), |s| tr.doc_status(s));
            wd::combo(ui, &tr.t("search-in-documents"), true, &shown, |ui| {
                if wd::selectable(ui, window.in_status.is_none(), &any_status).clicked() {
                    window.in_status = None;
                }
                for status in DocStatus::ALL {
                    let chosen = window.in_status == Some(status);
                    if wd::selectable(ui, chosen, &tr.doc_status(status)).clicked() {
                        window.in_status = Some(status);
                    }
                }
            });
        });
        if run && self.search_window.job.is_none() {
            self.push(AppCommand::SearchCorpus(self.search_window.query()));
        }
    }

    fn search_summary_ui(&mut self, ui: &mut egui::Ui) {
        let search = self.session.search();
        let tr = wd::words(ui.ctx());
        wd::row(ui, |ui| {
            if self.search_window.is_searching() {
                ui.spinner();
                wd::label(ui, &tr.t(SEARCHING));
                return;
            }
            let Some(query) = &search.query else {
                wd::weak(ui, &tr.t("search-help"));
                return;
            };
            let text_engine = self
                .text_engine
                .get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let hits = search.hits().len();
            let found = tr.t_with(
                "search-found",
                &[
                    ("hits", hits.into()),
                    ("documents", search.document_count().into()),
                ],
            );
            wd::label(ui, &found);
            bidi_label_ui(ui, text_engine, &query.text, 14.0);
            if !search.checked.is_empty() {
                let checked =
                    tr.t_with("search-checked", &[("count", search.checked.len().into())]);
                wd::label(ui, &format!("· {checked}"));
            }
            if !search.results.skipped.is_empty() {
                let skipped = tr.t_with(
                    "search-skipped",
                    &[("count", search.results.skipped.len().into())],
                );
                wd::colored(ui, ui.visuals().warn_fg_color, &format!("· {skipped}"));
            }
        });
    }

    fn search_results_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        let search = self.session.search();
        let key = search.generation;
        if self.search_window.rows.0 != key {
            self.search_window.rows = (key, rows_of(search.hits()));
        }
        let reveal = std::mem::take(&mut self.search_window.reveal_current);
        let current_row = search.current.and_then(|c| {
            self.search_window
                .rows
                .1
                .iter()
                .position(|r| *r == Row::Hit(c))
        });
        let mut clicked: Option<(usize, bool)> = None;
        egui::ScrollArea::vertical()
            .id_salt("search results scroll")
            .max_height(height)
            .min_scrolled_height(height.min(200.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let width = ui.available_width();
                let rows = &self.search_window.rows.1;
                let tr = wd::words(ui.ctx());
                let list = KeyList::show(
                    ui,
                    results_id(),
                    &tr.t(RESULTS_LIST),
                    rows.len(),
                    ROW_HEIGHT,
                    width,
                    current_row.filter(|_| reveal),
                );
                let text_engine = self
                    .text_engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let session = &self.session;
                let search = session.search();
                for row_index in list.visible.clone() {
                    let row_rect = list.row_rect(row_index);
                    match rows[row_index] {
                        Row::Document { first, hits } => {
                            let hit = &search.hits()[first];
                            let title = session
                                .project()
                                .document(hit.doc)
                                .and_then(|d| d.title.clone())
                                .unwrap_or_default();
                            // The title first: a Persian or Arabic one sets the line's
                            // direction, and the line sits against its edge.
                            let hits = tr.number(hits);
                            let heading = if title.is_empty() {
                                format!("{} · {hits}", hit.path)
                            } else {
                                format!("{title} · {hits} · {}", hit.path)
                            };
                            super::bidi_label::paint_one_line(
                                ui,
                                text_engine,
                                row_rect.shrink2(egui::vec2(4.0, 0.0)),
                                &heading,
                                13.0,
                                ui.visuals().strong_text_color(),
                            );
                        }
                        Row::Hit(index) => {
                            let hit = &search.hits()[index];
                            let response = list.row_response(ui, results_id(), row_index, || {
                                hit_row_name(tr, index, hit)
                            });
                            if response.clicked() {
                                let on_box = response
                                    .interact_pointer_pos()
                                    .is_some_and(|p| p.x < row_rect.min.x + CHECK_WIDTH);
                                clicked = Some((index, on_box));
                            }
                            list.paint_row_background(
                                ui,
                                row_rect,
                                search.current == Some(index),
                                response.hovered(),
                            );
                            let looks = HitLooks {
                                checked: search.checked.contains(&index),
                                tagged: self
                                    .search_window
                                    .tag_label
                                    .as_deref()
                                    .is_some_and(|l| session.hit_is_tagged(hit, l)),
                            };
                            paint_hit_row(ui, text_engine, row_rect, hit, looks);
                        }
                    }
                }
                list.paint_focus(ui);
            });
        if let Some((index, on_box)) = clicked {
            self.push(if on_box {
                AppCommand::ToggleSearchHit(index)
            } else {
                AppCommand::OpenSearchHit(index)
            });
        }
    }

    fn search_tag_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        let window = &mut self.search_window;
        let language = session.view().label_language;
        let schema = &session.project().schema;
        if window.tag_label.is_none() {
            window.tag_label = schema
                .labels
                .iter()
                .find(|l| !l.shortcut.is_empty())
                .map(|l| l.key.clone());
        }
        let mut tag = None;
        let tr = wd::words(ui.ctx());
        wd::row_wrapped(ui, |ui| {
            wd::label(ui, &tr.t("search-tag-as"));
            for label in schema.labels.iter().filter(|l| !l.shortcut.is_empty()) {
                let chosen = window.tag_label.as_deref() == Some(label.key.as_str());
                let name = format!("{} ({})", label.names.get(language), label.shortcut);
                let response = bidi_button_ui(ui, text_engine, &name);
                if chosen {
                    ui.painter().rect_stroke(
                        response.rect,
                        3.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
                if response.clicked() {
                    window.tag_label = Some(label.key.clone());
                }
            }
        });
        let Some(label) = window.tag_label.clone() else {
            return;
        };
        let linkable = schema.label(&label).is_some_and(|l| l.linkable);
        wd::row(ui, |ui| {
            if linkable {
                match window
                    .entity
                    .and_then(|e| session.project().entity(e))
                    .filter(|e| e.kind == label)
                {
                    Some(entity) => {
                        wd::label(ui, &tr.t("search-linked-to"));
                        bidi_label_ui(ui, text_engine, &entity.name, 14.0);
                        let unlink = ui.small_button("×");
                        if wd::hover(unlink, &tr.t("search-unlink-tip")).clicked() {
                            window.entity = None;
                        }
                    }
                    None => {
                        bidi_text_edit_ui(
                            ui,
                            text_engine,
                            &mut window.entity_field,
                            &tr.t(ENTITY_HINT),
                            220.0,
                        );
                        let typed = window.entity_field.text();
                        if !typed.trim().is_empty() {
                            for (id, name) in session.find_entities(&label, &typed, 4) {
                                if bidi_button_ui(ui, text_engine, &name).clicked() {
                                    window.entity = Some(id);
                                    window.entity_field.set_text("");
                                }
                            }
                        }
                    }
                }
            }
        });
        wd::row(ui, |ui| {
            let search = session.search();
            let chosen = search.chosen().len();
            let name = tr.t(TAG_BUTTON);
            let text = if search.checked.is_empty() {
                tr.t("search-tag-hit")
            } else {
                format!("{name} ({})", tr.number(chosen))
            };
            let button = ui
                .add_enabled_ui(chosen > 0, |ui| wd::button(ui, &text))
                .inner;
            let button = wd::hover(button, &tr.t("search-tag-tip"));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, chosen > 0, &name));
            if button.clicked() {
                tag = Some(AppCommand::TagSearchHits {
                    entity: window.entity_for(&label, session),
                    label: label.clone(),
                });
            }
            let all = search.checked.len() < search.hits().len();
            let check = tr.t(if all {
                "search-check-all"
            } else {
                "search-uncheck-all"
            });
            if ui
                .add_enabled_ui(!search.hits().is_empty(), |ui| wd::button(ui, &check))
                .inner
                .clicked()
            {
                tag = Some(AppCommand::CheckAllSearchHits(all));
            }
            wd::weak(ui, &tr.t("search-keys-help"));
        });
        if let Some(command) = tag {
            self.push(command);
        }
    }
}

/// How a hit's row is drawn.
#[derive(Clone, Copy)]
struct HitLooks {
    checked: bool,
    /// Already a span of the label tagging applies.
    tagged: bool,
}

/// One concordance line: a check box, then the context before and after the match on either
/// side of it in the hit's own direction, the match at a fixed place so the lines align on it.
fn paint_hit_row(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    rect: egui::Rect,
    hit: &SearchHit,
    looks: HitLooks,
) {
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let check = egui::Rect::from_center_size(
        egui::pos2(rect.min.x + CHECK_WIDTH / 2.0, rect.center().y),
        egui::vec2(13.0, 13.0),
    );
    painter.rect_stroke(
        check,
        2.0,
        visuals.widgets.inactive.fg_stroke,
        egui::StrokeKind::Inside,
    );
    if looks.checked {
        painter.rect_filled(check.shrink(3.0), 1.0, visuals.selection.stroke.color);
    }
    let text_rect = egui::Rect::from_min_max(
        egui::pos2(rect.min.x + CHECK_WIDTH + 4.0, rect.min.y),
        rect.max,
    );
    let one_line = |s: &str| s.replace(['\n', '\r', '\t', '\u{2029}', '\u{2028}'], " ");
    let (before, quote, after) = (
        one_line(hit.left()),
        one_line(hit.quote()),
        one_line(hit.right()),
    );
    let rtl = [&quote, &before, &after]
        .iter()
        .find_map(|s| crate::text::script::first_strong_is_rtl(s))
        .unwrap_or(false);
    let style = TextStyle {
        direction: if rtl { Direction::Rtl } else { Direction::Ltr },
        ..TextStyle::label(CONTEXT_FONT)
    };
    let ppp = ui.pixels_per_point();
    let TextEngine {
        engine: layout_engine,
        cache,
        atlas,
    } = engine;
    let mut width_of = |text: &str| {
        cache
            .get(layout_engine, text, &style, None, ppp)
            .content_width()
    };
    let (before_width, quote_width, after_width) =
        (width_of(&before), width_of(&quote), width_of(&after));
    // The match's start edge at a fixed place: 60 % across for right-to-left lines, 40 % for
    // left-to-right ones, so the context read first has the wider side.
    let (before_x, quote_x, after_x) = if rtl {
        let anchor = text_rect.min.x + text_rect.width() * 0.6;
        (
            anchor,
            anchor - quote_width,
            anchor - quote_width - after_width,
        )
    } else {
        let anchor = text_rect.min.x + text_rect.width() * 0.4;
        (anchor - before_width, anchor, anchor + quote_width)
    };
    let painter = ui.painter_at(text_rect);
    let match_rect = egui::Rect::from_min_size(
        egui::pos2(quote_x - 1.0, rect.min.y + 3.0),
        egui::vec2(quote_width + 2.0, rect.height() - 6.0),
    );
    let mark = if looks.tagged {
        egui::Color32::from_rgb(90, 170, 110)
    } else {
        egui::Color32::from_rgb(230, 180, 60)
    };
    painter.rect_filled(match_rect, 2.0, mark.gamma_multiply(0.45));
    let weak = visuals.weak_text_color();
    let strong = visuals.strong_text_color();
    for (text, x, color) in [
        (&before, before_x, weak),
        (&quote, quote_x, strong),
        (&after, after_x, weak),
    ] {
        let layout = cache.get(layout_engine, text, &style, None, ppp);
        let top = egui::pos2(x, rect.center().y - layout.height() / 2.0);
        let mesh = atlas.mesh_for(layout, top, 0.0, layout.height(), color);
        painter.add(egui::Shape::mesh(mesh));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    fn hit(doc: u64, start: usize) -> SearchHit {
        let text = "x".repeat(start + 1);
        SearchHit::new(
            DocId(doc),
            "a.txt".into(),
            &text,
            start..start + 1,
            start..start + 1,
        )
    }

    #[test]
    fn hits_are_listed_under_their_documents_heading() {
        let hits = [hit(1, 0), hit(1, 5), hit(2, 3)];
        assert_eq!(
            rows_of(&hits),
            [
                Row::Document { first: 0, hits: 2 },
                Row::Hit(0),
                Row::Hit(1),
                Row::Document { first: 2, hits: 1 },
                Row::Hit(2),
            ]
        );
        assert!(rows_of(&[]).is_empty());
    }
}
