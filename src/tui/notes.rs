//! Review notes on the screen: tagging the focused passage (or a few words
//! of it), the notes list, saving on every change, saving elsewhere when
//! the notes file cannot be written, exporting, and not quitting with notes
//! that are not on disk.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea};

use super::app::{App, Side};
use crate::core::compare::units::Unit;
use crate::core::document::Document;
use crate::core::notes::export::{self, Format};
use crate::core::notes::{Anchor, Category, store};

/// Where a new note points: the passage on each side it has text on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub left: Option<Anchor>,
    pub right: Option<Anchor>,
}

/// Words selected in the focused unit, per side (first and last word,
/// counting whitespace-separated words of the passage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub unit: usize,
    pub side: Side,
    pub words: [Option<(usize, usize)>; 2],
}

// At most one dialog is open, so the size of the largest variant (a text
// editor) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Dialog {
    PickCategory(Target),
    /// The note text. `suggestion`: the key of the suggestion it accepts.
    Write { target: Target, category: Category, editor: TextArea<'static>, editing: Option<String>, suggestion: Option<String> },
    NotesList { selected: usize },
    ConfirmDelete { id: String, selected: usize },
    ConfirmQuit,
    SaveAs { editor: TextArea<'static> },
    Export,
    Summary { selected: usize },
}

/// The sentences of `unit` on a side, if it has text there.
fn sentences(app: &App, unit: usize, side: Side) -> Option<std::ops::Range<usize>> {
    match (&app.units[unit], side) {
        (Unit::Link(k) | Unit::MovedHere(k), Side::Left) => Some(app.cmp.links[*k].link.left.clone()),
        (Unit::Link(k) | Unit::MovedHere(k), Side::Right) => Some(app.cmp.links[*k].link.right.clone()),
        (Unit::LeftOnly(r), Side::Left) | (Unit::RightOnly(r), Side::Right) => Some(r.clone()),
        _ => None,
    }
}

fn doc(app: &App, side: Side) -> &Document {
    match side {
        Side::Left => &app.cmp.left,
        Side::Right => &app.cmp.right,
    }
}

/// Byte spans of the whitespace-separated words of a unit's side. Drawing
/// splits the sanitised text the same way (sanitising never adds or removes
/// whitespace between words), so word indices mean the same in both.
pub fn words(app: &App, unit: usize, side: Side) -> Vec<(usize, usize)> {
    let Some(r) = sentences(app, unit, side) else { return Vec::new() };
    let d = doc(app, side);
    let (start, end) = (d.sentences[r.start].start, d.sentences[r.end - 1].end);
    let text = &d.text[start..end];
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(s)) => {
                out.push((start + s, start + i));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = word_start {
        out.push((start + s, end));
    }
    out
}

/// The note target for the focused unit: each side's passage, or the
/// selected words where there is a selection.
fn target(app: &App) -> Target {
    target_of(app, app.focus)
}

/// The note target for `unit` (with the selection, if it is in that unit).
pub fn target_of(app: &App, unit: usize) -> Target {
    let anchor = |side: Side| -> Option<Anchor> {
        let spans = words(app, unit, side);
        let (first, last) = app
            .selection
            .as_ref()
            .filter(|s| s.unit == unit)
            .and_then(|s| s.words[side.index()])
            .unwrap_or((0, spans.len().checked_sub(1)?));
        let (start, end) = (spans.get(first)?.0, spans.get(last)?.1);
        Some(Anchor::new(&doc(app, side).text, start, end))
    };
    Target { left: anchor(Side::Left), right: anchor(Side::Right) }
}

pub fn open_tag(app: &mut App) {
    if app.notebook.is_none() {
        return;
    }
    let t = target(app);
    app.selection = None;
    app.dialog = Some(Dialog::PickCategory(t));
}

pub fn pick_category(app: &mut App, category: Category) {
    if let Some(Dialog::PickCategory(t)) = app.dialog.take() {
        app.dialog = Some(Dialog::Write { target: t, category, editor: TextArea::default(), editing: None, suggestion: None });
    }
}

pub fn editor_key(app: &mut App, key: KeyEvent) {
    match &mut app.dialog {
        Some(Dialog::Write { editor, .. }) => {
            editor.input(key);
        }
        // One line: a path.
        Some(Dialog::SaveAs { editor }) if !matches!(key.code, ratatui::crossterm::event::KeyCode::Enter) => {
            editor.input(key);
        }
        _ => {}
    }
}

pub fn newline(app: &mut App) {
    if let Some(Dialog::Write { editor, .. }) = &mut app.dialog {
        editor.insert_newline();
    }
}

/// Saves the notebook and reports where, or why not.
pub fn persist(app: &mut App) {
    let Some(book) = app.notebook.as_mut() else { return };
    app.message = Some(match book.save(&app.cmp.left, &app.cmp.right) {
        Ok(()) => format!("saved to {}", book.path.display()),
        Err(e) => e.to_string(),
    });
    app.place_notes();
}

pub fn submit(app: &mut App) {
    match app.dialog.take() {
        Some(Dialog::Write { target, category, editor, editing, suggestion }) => {
            let text = editor.lines().join("\n").trim_end().to_string();
            let Some(book) = app.notebook.as_mut() else { return };
            match editing {
                Some(id) => {
                    book.set_text(&id, category, text);
                }
                None => {
                    let id = book.add(category, text, target.left, target.right);
                    if let Some(key) = suggestion {
                        book.mark_accepted(&id, &key);
                    }
                }
            }
            persist(app);
        }
        Some(Dialog::Summary { selected }) => super::suggestions::summary_jump(app, selected),
        Some(Dialog::SaveAs { editor }) => {
            let path = PathBuf::from(editor.lines().join("").trim());
            let Some(book) = app.notebook.as_mut() else { return };
            app.message = Some(match book.save_as(&path, &app.cmp.left, &app.cmp.right) {
                Ok(()) => format!("saved to {}", path.display()),
                Err(e) => e.to_string(),
            });
        }
        Some(Dialog::NotesList { selected }) => jump_to_note(app, selected),
        other => app.dialog = other,
    }
}

pub fn cancel(app: &mut App) {
    app.dialog = match app.dialog.take() {
        Some(Dialog::ConfirmDelete { selected, .. }) => Some(Dialog::NotesList { selected }),
        _ => None,
    };
    app.selection = None;
}

fn note_count(app: &App) -> usize {
    app.notebook.as_ref().map_or(0, |b| b.file.notes.len())
}

pub fn open_list(app: &mut App) {
    if note_count(app) == 0 {
        app.message = Some("no notes yet: press t to tag the focused passage".into());
        return;
    }
    app.dialog = Some(Dialog::NotesList { selected: 0 });
}

pub fn list_move(app: &mut App, delta: isize) {
    let count = note_count(app);
    if let Some(Dialog::NotesList { selected }) = &mut app.dialog {
        *selected = (*selected as isize + delta).clamp(0, count.saturating_sub(1) as isize) as usize;
    }
}

fn selected_id(app: &App) -> Option<(usize, String)> {
    let Some(Dialog::NotesList { selected }) = &app.dialog else { return None };
    let note = app.notebook.as_ref()?.file.notes.get(*selected)?;
    Some((*selected, note.id.clone()))
}

/// Focuses the unit a note is anchored in.
fn jump_to_note(app: &mut App, index: usize) {
    let unit = app.notes_of_unit.iter().position(|notes| notes.contains(&index));
    match unit {
        Some(u) => super::update::focus(app, u),
        None => app.message = Some("this note is orphaned: its passage is not in the current text".into()),
    }
}

pub fn edit_selected(app: &mut App) {
    let Some((_, id)) = selected_id(app) else { return };
    let Some(note) = app.notebook.as_ref().and_then(|b| b.get(&id)) else { return };
    let mut editor = TextArea::new(note.text.lines().map(String::from).collect());
    // Continue where the note ends.
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    let target = Target { left: note.left.clone(), right: note.right.clone() };
    app.dialog = Some(Dialog::Write { target, category: note.category, editor, editing: Some(id), suggestion: None });
}

pub fn delete_selected(app: &mut App) {
    if let Some((selected, id)) = selected_id(app) {
        app.dialog = Some(Dialog::ConfirmDelete { id, selected });
    }
}

pub fn cycle_status_selected(app: &mut App) {
    let Some((_, id)) = selected_id(app) else { return };
    if let Some(book) = app.notebook.as_mut() {
        book.cycle_status(&id);
    }
    persist(app);
}

/// "Yes" in a confirmation.
pub fn confirm(app: &mut App) {
    match app.dialog.take() {
        Some(Dialog::ConfirmDelete { id, selected }) => {
            if let Some(book) = app.notebook.as_mut() {
                book.delete(&id);
            }
            persist(app);
            let left = note_count(app);
            app.dialog = (left > 0).then(|| Dialog::NotesList { selected: selected.min(left - 1) });
        }
        Some(Dialog::ConfirmQuit) => app.quit = true,
        other => app.dialog = other,
    }
}

pub fn quit(app: &mut App) {
    let unsaved = app.notebook.as_ref().is_some_and(|b| b.unsaved);
    if unsaved && !matches!(app.dialog, Some(Dialog::ConfirmQuit)) {
        app.dialog = Some(Dialog::ConfirmQuit);
    } else {
        app.quit = true;
    }
}

pub fn open_save_as(app: &mut App) {
    let Some(book) = &app.notebook else { return };
    let mut editor = TextArea::new(vec![book.path.display().to_string()]);
    editor.move_cursor(CursorMove::End);
    app.dialog = Some(Dialog::SaveAs { editor });
}

pub fn open_export(app: &mut App) {
    if note_count(app) == 0 {
        app.message = Some("no notes to export yet".into());
        return;
    }
    app.dialog = Some(Dialog::Export);
}

/// Where an export goes: beside the notes file, never onto it
/// (`review.json` -> `review.export.json`, `review.export.md`...).
pub fn export_path(notes: &std::path::Path, format: Format) -> PathBuf {
    let stem = notes.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "notes".into());
    notes.with_file_name(format!("{stem}.export.{}", format.extension()))
}

/// Writes the notes in `format` beside the notes file.
pub fn export(app: &mut App, format: Format) {
    app.dialog = None;
    let Some(book) = &app.notebook else { return };
    let path = export_path(&book.path, format);
    if path == book.path {
        app.message = Some("an export must not replace the notes file".into());
        return;
    }
    let text = export::render(&book.file, format);
    app.message = Some(match store::write_temporary(&path, text.as_bytes()).and_then(|t| store::commit(&t, &path)) {
        Ok(()) => format!("exported to {}", path.display()),
        Err(e) => format!("cannot export to {}: {e}", path.display()),
    });
}

/// Starts selecting words in the focused passage, on the focused pane's
/// side (or the side that has text).
pub fn start_selection(app: &mut App) {
    let unit = app.focus;
    let side = if sentences(app, unit, app.pane).is_some() { app.pane } else { app.pane.other() };
    if sentences(app, unit, side).is_none() {
        return;
    }
    let mut words = [None, None];
    words[side.index()] = Some((0, 0));
    app.selection = Some(Selection { unit, side, words });
}

/// Grows (`grow`) or moves the selection on its side by `delta` words.
pub fn select(app: &mut App, delta: isize, grow: bool) {
    let Some(sel) = &app.selection else { return };
    let count = words(app, sel.unit, sel.side).len();
    let Some(sel) = app.selection.as_mut() else { return };
    let (first, last) = sel.words[sel.side.index()].unwrap_or((0, 0));
    let clamp = |v: isize, lo: usize| v.clamp(lo as isize, count.saturating_sub(1) as isize) as usize;
    sel.words[sel.side.index()] = Some(if grow {
        (first, clamp(last as isize + delta, first))
    } else {
        let width = last - first;
        let first = clamp(first as isize + delta, 0).min(count.saturating_sub(1 + width));
        (first, first + width)
    });
}

pub fn select_other_side(app: &mut App) {
    let Some(sel) = &app.selection else { return };
    let (unit, other) = (sel.unit, sel.side.other());
    if sentences(app, unit, other).is_none() {
        return;
    }
    if let Some(sel) = app.selection.as_mut() {
        sel.side = other;
        sel.words[other.index()].get_or_insert((0, 0));
    }
}
