//! Applies an action to the state and returns the effects it asks for.
//! Pure: no terminal, no file, no clock, so every behaviour of the screen
//! can be tested by feeding actions and reading the state and the effects.
//! It only routes: the handlers below it do the work.

use super::action::{Action, Effect, Outcome};
use super::app::App;
use super::dialog::Dialog;
use super::keymap;
use super::reload::{self, Cause, Request};
use super::{clipboard, edit, navigation, notes, search, suggestions, versions};

/// Counts beyond this are typing mistakes: every move stops at the ends.
const MAX_COUNT: usize = 99_999;

/// The view and folding the screen opens with (the config's `view` and
/// `fold`), without a word on the status line.
pub fn open_with(app: &mut App, reading_view: bool, fold: bool) {
    for (wanted, action) in [(reading_view, Action::ToggleView), (fold, Action::Fold)] {
        if wanted && !app.review.units.is_empty() {
            update(app, action);
        }
    }
    // What opening the notes changed is said once, at the start.
    app.message = app.notes.notebook.as_ref().and_then(|b| b.notice.clone());
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = route(app, action);
    // A reload put off by a dialog starts once the dialog is closed.
    effects.extend(reload::resume(app));
    effects
}

fn route(app: &mut App, action: Action) -> Vec<Effect> {
    // The worker's news and the disk's come between keys: they leave the
    // status line, a count and the last decision as they are.
    match action {
        Action::Done(Outcome::Edited { side, result }) => return edit::edited(app, side, result),
        Action::Done(Outcome::Reloaded(fresh)) => {
            return fresh
                .take()
                .map_or_else(Vec::new, |fresh| reload::arrive(app, fresh));
        }
        Action::FilesChanged(sides) => {
            return reload::ask(
                app,
                Request {
                    cause: Cause::OnDisk,
                    sides,
                },
            );
        }
        Action::Progress(stage, at) => {
            reload::progress(app, stage, at);
            return Vec::new();
        }
        _ => {}
    }
    if let Action::Done(outcome) = action {
        // The message of the action that asked for the effect stays.
        notes::done(app, outcome);
        return Vec::new();
    }
    app.message = None;
    // What the last accept or reject did stays on the bar until this key:
    // an accept or reject now would act on a suggestion not seen yet.
    let decided = app.input.decided.take();
    if decided.is_some()
        && matches!(action, Action::AcceptSuggestion | Action::RejectSuggestion)
        && suggestions::current(app).is_some()
    {
        app.message =
            Some("the bar shows the next suggestion now: press again to act on it".into());
        return Vec::new();
    }
    let count = if matches!(action, Action::Count(_)) {
        None
    } else {
        app.input.count.take()
    };
    let times = count.unwrap_or(1);
    let always = matches!(
        action,
        Action::Quit
            | Action::ToggleHelp
            | Action::ScrollHelp(_)
            | Action::Resize { .. }
            | Action::Cancel
    );
    if app.review.units.is_empty() && !always {
        // Two empty articles: nothing to move to, tag or search.
        app.message = Some("both articles are empty: nothing to compare".into());
        return Vec::new();
    }
    let summary = matches!(app.input.dialog, Some(Dialog::Summary { .. }));
    let history = matches!(app.input.dialog, Some(Dialog::History { .. }));
    let picking = matches!(app.input.dialog, Some(Dialog::PickCategory { .. }));
    match action {
        Action::Quit => notes::quit(app),
        Action::OpenTag => notes::open_tag(app),
        Action::PickCategory(d) => notes::pick_category(app, d),
        Action::EditorKey(key) => notes::editor_key(app, key),
        Action::EditorNewline => notes::newline(app),
        Action::Submit if picking => notes::pick_selected_category(app),
        Action::ListNext if picking => notes::move_category(app, 1),
        Action::ListPrev if picking => notes::move_category(app, -1),
        Action::Submit if summary => suggestions::summary_jump(app),
        Action::Submit if history => versions::history_jump(app),
        Action::ListNext if history => versions::history_move(app, 1),
        Action::ListPrev if history => versions::history_move(app, -1),
        Action::Submit => return notes::submit(app),
        Action::Cancel => notes::cancel(app),
        Action::OpenNotes => notes::open_list(app),
        Action::ListNext if summary => suggestions::summary_move(app, true),
        Action::ListPrev if summary => suggestions::summary_move(app, false),
        Action::ListNext => notes::list_move(app, 1),
        Action::ListPrev => notes::list_move(app, -1),
        Action::EditNote => notes::edit_selected(app),
        Action::DeleteNote => notes::delete_selected(app),
        Action::CycleStatus => return notes::cycle_status_selected(app),
        Action::ReattachNote => return notes::reattach_selected(app),
        Action::Confirm => return notes::confirm(app),
        Action::SaveElsewhere => notes::open_save_as(app),
        Action::OpenExport => notes::open_export(app),
        Action::ExportAs(n) => return notes::export(app, n),
        Action::AcceptSuggestion => suggestions::accept(app),
        Action::RejectSuggestion => return suggestions::reject(app),
        Action::NextSuggestion => suggestions::next(app),
        Action::OpenSummary => suggestions::open_summary(app),
        Action::NextPair => versions::step(app, true),
        Action::PrevPair => versions::step(app, false),
        Action::OpenHistory => versions::open_history(app),
        Action::StartSelection => notes::start_selection(app),
        Action::SelectGrow(n) => notes::select(app, n as isize, true),
        Action::SelectMove(n) => notes::select(app, n as isize, false),
        Action::SelectSide => notes::select_other_side(app),
        Action::ToggleHelp => {
            app.viewport.help = !app.viewport.help;
            app.viewport.help_scroll = 0;
        }
        Action::ScrollHelp(lines) => {
            let visible = usize::from(app.viewport.size.1.saturating_sub(4));
            let max = (keymap::help_lines().len() + 2).saturating_sub(visible + 2);
            app.viewport.help_scroll =
                (app.viewport.help_scroll as i64 + i64::from(lines)).clamp(0, max as i64) as usize;
        }
        Action::FocusNext => navigation::step(app, times as isize),
        Action::FocusPrev => navigation::step(app, -(times as isize)),
        Action::PageDown => navigation::page(app, times as f64),
        Action::PageUp => navigation::page(app, -(times as f64)),
        Action::HalfPageDown => navigation::page(app, 0.5 * times as f64),
        Action::HalfPageUp => navigation::page(app, -0.5 * times as f64),
        Action::Top | Action::Bottom if count.is_some() => navigation::go_to_passage(app, times),
        Action::Top => navigation::top(app),
        Action::Bottom => navigation::bottom(app),
        Action::NextDifference => (0..times).for_each(|_| navigation::jump_difference(app, true)),
        Action::PrevDifference => (0..times).for_each(|_| navigation::jump_difference(app, false)),
        Action::JumpMoved => navigation::jump_moved(app),
        Action::ToggleView => navigation::toggle_view(app),
        Action::SwitchPane => navigation::switch_pane(app),
        Action::StartSearch => search::start(app),
        Action::SearchInput(c) => app.input.search.query.push(c),
        Action::SearchBackspace => {
            app.input.search.query.pop();
        }
        Action::SearchCancel => app.input.search.editing = false,
        Action::SearchSubmit => search::submit(app),
        Action::NextMatch => (0..times).for_each(|_| search::jump_match(app, true)),
        Action::PrevMatch => (0..times).for_each(|_| search::jump_match(app, false)),
        Action::Fold => navigation::toggle_fold(app),
        Action::OpenFold => navigation::open_fold(app),
        Action::Undo => return notes::undo(app, false),
        Action::Redo => return notes::undo(app, true),
        Action::Count(d) => {
            app.input.count =
                Some((app.input.count.unwrap_or(0) * 10 + usize::from(d)).min(MAX_COUNT))
                    .filter(|&n| n > 0)
        }
        Action::StartCommand => app.input.command = Some(String::new()),
        Action::CommandInput(c) => app.input.command.get_or_insert_default().push(c),
        Action::CommandBackspace => {
            app.input.command.get_or_insert_default().pop();
        }
        Action::CommandCancel => app.input.command = None,
        Action::CommandSubmit => search::command(app),
        Action::ScrollLines(rows) => navigation::scroll_lines(app, rows * times as i32),
        Action::Copy => return clipboard::copy(app),
        Action::RestoreRejected => return suggestions::restore(app),
        Action::OpenEditor => return edit::open(app),
        Action::Resize { width, height } => navigation::resize(app, width, height),
        Action::Scroll { rows, column } => navigation::scroll(app, rows, column),
        Action::Click { column, row } => navigation::click(app, column, row),
        Action::Done(_) | Action::FilesChanged(_) | Action::Progress(..) => {
            unreachable!("handled above")
        }
    }
    Vec::new()
}
