//! Review notes on the screen: tagging the focused passage (or a few words
//! of it), the notes list, saving elsewhere, exporting, and not quitting
//! with notes that are not on disk. Handlers change the state and return
//! the writing they need as effects; they call only `navigation` below them.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea};

use super::action::{Action, Effect, Export, Outcome};
use super::app::App;
use super::dialog::{self, Dialog, Selection, Target};
use super::history::Entry;
use super::keymap;
use super::mode::{Mode, Side};
use super::navigation;
use crate::core::Category;
use crate::core::notes::notebook::Notebook;
use crate::core::notes::store::StoreError;

/// The notes changed: place them again and save them.
pub fn changed(app: &mut App) -> Vec<Effect> {
    app.place_notes();
    vec![Effect::Save]
}

/// A decision on the notes: `change` is made, recorded so that `u` can
/// undo it, and saved. `what` says what it did ("deleted a note").
pub fn decide(app: &mut App, what: String, change: impl FnOnce(&mut Notebook)) -> Vec<Effect> {
    let Some(book) = app.notes.notebook.as_mut() else {
        return Vec::new();
    };
    let change = book.change(change);
    if !change.is_empty() {
        app.notes.history.record(Entry {
            what,
            change,
            focus: app.viewport.focus,
        });
    }
    changed(app)
}

/// `u` (or, with `redo`, Ctrl-r): applies the last decision backwards (or
/// the last one undone forwards) to the notes it touched, focuses the
/// passage it was made on and says so. Notes another session added or
/// changed are not touched: the save merges the undo like any change.
pub fn undo(app: &mut App, redo: bool) -> Vec<Effect> {
    let Some(book) = app.notes.notebook.as_mut() else {
        return Vec::new();
    };
    let entry = if redo {
        app.notes.history.redo()
    } else {
        app.notes.history.undo()
    };
    let Some(entry) = entry else {
        app.message = Some(
            if redo {
                "nothing to redo"
            } else {
                "nothing to undo"
            }
            .into(),
        );
        return Vec::new();
    };
    let applied = book.apply(&entry.change, !redo);
    let effects = changed(app);
    let count = note_count(app);
    if let Some(Dialog::NotesList { selected }) = &mut app.input.dialog {
        *selected = (*selected).min(count.saturating_sub(1));
    }
    if count == 0 && matches!(app.input.dialog, Some(Dialog::NotesList { .. })) {
        app.input.dialog = None;
    }
    if entry.focus < app.review.units.len() {
        navigation::go_to(app, entry.focus);
    }
    let kept = match applied.changed_elsewhere {
        0 => String::new(),
        n => format!(
            "; {n} {} changed in another session since, left as {}",
            if n == 1 { "note" } else { "notes" },
            if n == 1 { "it is" } else { "they are" }
        ),
    };
    app.message = Some(format!(
        "{} {} (passage {}){kept}",
        if redo { "redone:" } else { "undone:" },
        entry.what,
        entry.focus + 1
    ));
    effects
}

pub fn open_tag(app: &mut App) {
    if app.notes.notebook.is_none() {
        return;
    }
    let t = app.target(app.viewport.focus);
    app.input.selection = None;
    app.input.dialog = Some(Dialog::PickCategory {
        target: t,
        selected: None,
    });
}

/// A digit in the tag dialog: the category it stands for.
pub fn pick_category(app: &mut App, digit: u8) {
    if let Some(category) = dialog::category_of_digit(digit) {
        write_note(app, category);
    }
}

/// Up or down the tag dialog's categories, which may be more than there
/// are digits.
pub fn move_category(app: &mut App, by: isize) {
    if let Some(Dialog::PickCategory { selected, .. }) = &mut app.input.dialog {
        let last = Category::ALL.len() - 1;
        *selected = Some(match *selected {
            None if by > 0 => 0,
            None => last,
            Some(i) => i.saturating_add_signed(by).min(last),
        });
    }
}

/// Enter in the tag dialog: the category moved to, if one is.
pub fn pick_selected_category(app: &mut App) {
    if let Some(Dialog::PickCategory {
        selected: Some(i), ..
    }) = app.input.dialog
        && let Some(&category) = Category::ALL.get(i)
    {
        write_note(app, category);
    }
}

/// From the tag dialog's categories to the note's text.
fn write_note(app: &mut App, category: Category) {
    if let Some(Dialog::PickCategory { target, .. }) = app.input.dialog.take() {
        app.input.dialog = Some(Dialog::Write {
            target,
            category,
            editor: TextArea::default(),
            editing: None,
            suggestion: None,
        });
    }
}

pub fn editor_key(app: &mut App, key: KeyEvent) {
    match &mut app.input.dialog {
        Some(Dialog::Write { editor, .. }) => {
            editor.input(key);
        }
        // One line: a path (Alt-Enter reaches here, and must not break it).
        Some(Dialog::SaveAs { editor }) if key.code != KeyCode::Enter => {
            editor.input(key);
        }
        _ => {}
    }
}

pub fn newline(app: &mut App) {
    if let Some(Dialog::Write { editor, .. }) = &mut app.input.dialog {
        editor.insert_newline();
    }
}

/// Enter in the note dialog, the notes list or "save elsewhere".
pub fn submit(app: &mut App) -> Vec<Effect> {
    match app.input.dialog.take() {
        Some(Dialog::Write {
            target,
            category,
            editor,
            editing,
            suggestion,
        }) => {
            let text = editor.lines().join("\n").trim_end().to_string();
            let what = match (&editing, &suggestion) {
                (Some(_), _) => "edited a note".to_string(),
                (None, Some(_)) => format!("accepted a suggestion as a {} note", category.id()),
                (None, None) => format!("tagged a {} note", category.id()),
            };
            let accepted = suggestion.is_some();
            let effects = decide(app, what.clone(), |book| match editing {
                Some(id) => {
                    book.set_text(&id, category, text);
                }
                None => {
                    let id = book.add(category, text, target.left, target.right);
                    if let Some(key) = suggestion {
                        book.mark_accepted(&id, &key);
                    }
                }
            });
            if accepted {
                app.input.decided = Some(what);
            }
            effects
        }
        Some(Dialog::SaveAs { editor }) => {
            let path = PathBuf::from(editor.lines().join("").trim());
            vec![Effect::SaveAs {
                path,
                replace: false,
            }]
        }
        Some(Dialog::NotesList { selected }) => {
            jump_to_note(app, selected);
            Vec::new()
        }
        other => {
            app.input.dialog = other;
            Vec::new()
        }
    }
}

pub fn cancel(app: &mut App) {
    app.input.dialog = match app.input.dialog.take() {
        Some(Dialog::ConfirmDelete { selected, .. }) => Some(Dialog::NotesList { selected }),
        // Keep the file: back to the path, to type another.
        Some(Dialog::ConfirmReplace { path } | Dialog::KeepUnreadable { path, .. }) => {
            Some(Dialog::SaveAs {
                editor: path_editor(&path),
            })
        }
        _ => None,
    };
    app.input.selection = None;
}

fn note_count(app: &App) -> usize {
    app.notes
        .notebook
        .as_ref()
        .map_or(0, |b| b.file.notes.len())
}

pub fn open_list(app: &mut App) {
    if note_count(app) == 0 {
        app.message = Some(format!(
            "no notes yet: press {}",
            keymap::hint(Action::OpenTag)
        ));
        return;
    }
    app.input.dialog = Some(Dialog::NotesList { selected: 0 });
}

pub fn list_move(app: &mut App, delta: isize) {
    let count = note_count(app);
    if let Some(Dialog::NotesList { selected }) = &mut app.input.dialog {
        *selected =
            (*selected as isize + delta).clamp(0, count.saturating_sub(1) as isize) as usize;
    }
}

fn selected_id(app: &App) -> Option<(usize, String)> {
    let Some(Dialog::NotesList { selected }) = &app.input.dialog else {
        return None;
    };
    let note = app.notes.notebook.as_ref()?.file.notes.get(*selected)?;
    Some((*selected, note.id.clone()))
}

/// Focuses the unit a note is anchored in.
fn jump_to_note(app: &mut App, index: usize) {
    let unit = app
        .notes
        .notes_of_unit
        .iter()
        .position(|notes| notes.contains(&index));
    match unit {
        Some(u) => navigation::go_to(app, u),
        None => {
            app.message =
                Some("this note is orphaned: its passage is not in the current text".into())
        }
    }
}

pub fn edit_selected(app: &mut App) {
    let Some((_, id)) = selected_id(app) else {
        return;
    };
    let Some(note) = app.notes.notebook.as_ref().and_then(|b| b.get(&id)) else {
        return;
    };
    let mut editor = TextArea::new(note.text.lines().map(String::from).collect());
    // Continue where the note ends.
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    let target = Target {
        left: note.left.clone(),
        right: note.right.clone(),
    };
    app.input.dialog = Some(Dialog::Write {
        target,
        category: note.category,
        editor,
        editing: Some(id),
        suggestion: None,
    });
}

pub fn delete_selected(app: &mut App) {
    if let Some((selected, id)) = selected_id(app) {
        app.input.dialog = Some(Dialog::ConfirmDelete { id, selected });
    }
}

pub fn cycle_status_selected(app: &mut App) -> Vec<Effect> {
    let Some((_, id)) = selected_id(app) else {
        return Vec::new();
    };
    let Some(status) = app
        .notes
        .notebook
        .as_ref()
        .and_then(|b| b.get(&id))
        .map(|n| n.status.next())
    else {
        return Vec::new();
    };
    decide(app, format!("status set to {}", status.id()), |book| {
        book.cycle_status(&id);
    })
}

/// `p` in the notes list: the selected note's orphaned sides are placed on
/// the focused passage (the passage behind the list), as the reviewer
/// finds its words again by eye. Undone like any decision.
pub fn reattach_selected(app: &mut App) -> Vec<Effect> {
    let Some((_, id)) = selected_id(app) else {
        return Vec::new();
    };
    let Some(orphaned) = app
        .notes
        .notebook
        .as_ref()
        .and_then(|b| b.get(&id))
        .map(|n| n.orphaned)
    else {
        return Vec::new();
    };
    if !orphaned.iter().any(|&o| o) {
        app.message = Some("this note is not orphaned: it stays where it is".into());
        return Vec::new();
    }
    let target = app.target(app.viewport.focus);
    let places: Vec<_> = Side::BOTH
        .into_iter()
        .filter(|side| orphaned[side.index()])
        .filter_map(|side| Some((side, target.get(side)?.clone())))
        .collect();
    if places.is_empty() {
        app.message =
            Some("the focused passage has no text on the orphaned side: focus one that has".into());
        return Vec::new();
    }
    let passage = app.viewport.focus + 1;
    decide(app, format!("placed a note on passage {passage}"), |book| {
        for (side, anchor) in places {
            book.reattach(&id, side, anchor);
        }
    })
}

/// "Yes" in a confirmation.
pub fn confirm(app: &mut App) -> Vec<Effect> {
    match app.input.dialog.take() {
        Some(Dialog::ConfirmDelete { id, selected }) => {
            let effects = decide(app, "deleted a note".into(), |book| {
                book.delete(&id);
            });
            let left = note_count(app);
            app.input.dialog = (left > 0).then(|| Dialog::NotesList {
                selected: selected.min(left - 1),
            });
            app.message = Some(format!(
                "deleted a note: {} undoes",
                keymap::hint(Action::Undo)
            ));
            effects
        }
        Some(Dialog::ConfirmQuit) => {
            app.quit = true;
            Vec::new()
        }
        Some(Dialog::ConfirmReplace { path } | Dialog::KeepUnreadable { path, .. }) => {
            vec![Effect::SaveAs {
                path,
                replace: true,
            }]
        }
        other => {
            app.input.dialog = other;
            Vec::new()
        }
    }
}

/// A failed save as the screen says it: what happened (the core's words)
/// and that the notes are still in memory, with the key that saves them
/// elsewhere.
pub fn save_error(e: &StoreError) -> String {
    match e {
        StoreError::Unreadable { .. } => e.to_string(),
        StoreError::Unwritable { .. } | StoreError::NotNotes { .. } => format!(
            "{e}; your notes are kept in memory: press {} to save them elsewhere",
            keymap::keys(Mode::Main, &[Action::SaveElsewhere])
        ),
    }
}

pub fn quit(app: &mut App) {
    let unsaved = app.notes.notebook.as_ref().is_some_and(|b| b.unsaved);
    if unsaved && !matches!(app.input.dialog, Some(Dialog::ConfirmQuit)) {
        app.input.dialog = Some(Dialog::ConfirmQuit);
    } else {
        app.quit = true;
    }
}

pub fn open_save_as(app: &mut App) {
    let Some(book) = &app.notes.notebook else {
        return;
    };
    app.input.dialog = Some(Dialog::SaveAs {
        editor: path_editor(&book.path),
    });
}

/// A one-line field holding `path`, the cursor at its end.
fn path_editor(path: &Path) -> TextArea<'static> {
    let mut editor = TextArea::new(vec![path.display().to_string()]);
    editor.move_cursor(CursorMove::End);
    editor
}

pub fn open_export(app: &mut App) {
    if note_count(app) == 0 {
        app.message = Some("no notes to export yet".into());
        return;
    }
    app.input.dialog = Some(Dialog::Export);
}

/// Where an export goes: beside the notes file, never onto it
/// (`review.json` -> `review.export.json`, `review.export.md`...).
pub fn export_path(notes: &Path, what: Export) -> PathBuf {
    let stem = notes
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notes".into());
    notes.with_file_name(format!("{stem}.export.{}", what.extension()))
}

/// Export choice `n` (1-5, [`Export::ALL`]) beside the notes file.
pub fn export(app: &mut App, n: u8) -> Vec<Effect> {
    app.input.dialog = None;
    let Some(what) = Export::ALL.get(usize::from(n).wrapping_sub(1)).copied() else {
        return Vec::new();
    };
    let Some(book) = &app.notes.notebook else {
        return Vec::new();
    };
    let path = export_path(&book.path, what);
    if path == book.path {
        app.message = Some("an export must not replace the notes file".into());
        return Vec::new();
    }
    vec![Effect::Export { what, path }]
}

/// What became of a save or an export, told on the status line after what
/// the action that asked for it said.
pub fn done(app: &mut App, outcome: Outcome) {
    let said = match outcome {
        Outcome::Saved(Ok(path)) => format!("saved to {}", path.display()),
        Outcome::Exported(Ok(path)) => format!("exported to {}", path.display()),
        // An edited article and a reload are `update`'s to route (`edit`,
        // `reload`).
        Outcome::Copied(Ok(_)) | Outcome::Edited { .. } | Outcome::Reloaded(_) => return,
        Outcome::Saved(Err(e)) | Outcome::Exported(Err(e)) | Outcome::Copied(Err(e)) => e,
        Outcome::Exists(path) => {
            app.input.dialog = Some(Dialog::ConfirmReplace { path });
            return;
        }
        Outcome::NotNotes { path, reason } => {
            app.input.dialog = Some(Dialog::KeepUnreadable { path, reason });
            return;
        }
    };
    app.message = Some(match app.message.take() {
        Some(before) => format!("{before}; {said}"),
        None => said,
    });
}

/// Starts selecting words in the focused passage, on the focused pane's
/// side (or the side that has text).
pub fn start_selection(app: &mut App) {
    let unit = app.viewport.focus;
    let side = if app.review.sentences(unit, app.viewport.pane).is_some() {
        app.viewport.pane
    } else {
        app.viewport.pane.other()
    };
    if app.review.sentences(unit, side).is_none() {
        return;
    }
    let mut words = [None, None];
    words[side.index()] = Some((0, 0));
    app.input.selection = Some(Selection { unit, side, words });
}

/// Grows (`grow`) or moves the selection on its side by `delta` words.
pub fn select(app: &mut App, delta: isize, grow: bool) {
    let Some(sel) = &app.input.selection else {
        return;
    };
    let count = app.review.words(sel.unit, sel.side).len();
    let Some(sel) = app.input.selection.as_mut() else {
        return;
    };
    let (first, last) = sel.words[sel.side.index()].unwrap_or((0, 0));
    let clamp =
        |v: isize, lo: usize| v.clamp(lo as isize, count.saturating_sub(1) as isize) as usize;
    sel.words[sel.side.index()] = Some(if grow {
        (first, clamp(last as isize + delta, first))
    } else {
        let width = last - first;
        let first = clamp(first as isize + delta, 0).min(count.saturating_sub(1 + width));
        (first, first + width)
    });
}

pub fn select_other_side(app: &mut App) {
    let Some(sel) = &app.input.selection else {
        return;
    };
    let (unit, other) = (sel.unit, sel.side.other());
    if app.review.sentences(unit, other).is_none() {
        return;
    }
    if let Some(sel) = app.input.selection.as_mut() {
        sel.side = other;
        sel.words[other.index()].get_or_insert((0, 0));
    }
}
