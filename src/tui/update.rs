//! Applies an action to the state and returns the effects it asks for.
//! Pure: no terminal, no file, no clock, so every behaviour of the screen
//! can be tested by feeding actions and reading the state and the effects.
//! It only routes: the handlers below it do the work.

use super::action::{Action, Effect};
use super::app::App;
use super::dialog::Dialog;
use super::keymap;
use super::{navigation, notes, search, suggestions};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Done(outcome) = action {
        // The message of the action that asked for the effect stays.
        notes::done(app, outcome);
        return Vec::new();
    }
    app.message = None;
    let always = matches!(action, Action::Quit | Action::ToggleHelp | Action::ScrollHelp(_) | Action::Resize { .. } | Action::Cancel);
    if app.units.is_empty() && !always {
        // Two empty articles: nothing to move to, tag or search.
        app.message = Some("both articles are empty: nothing to compare".into());
        return Vec::new();
    }
    let summary = matches!(app.dialog, Some(Dialog::Summary { .. }));
    match action {
        Action::Quit => notes::quit(app),
        Action::OpenTag => notes::open_tag(app),
        Action::PickCategory(d) => notes::pick_category(app, d),
        Action::EditorKey(key) => notes::editor_key(app, key),
        Action::EditorNewline => notes::newline(app),
        Action::Submit if summary => suggestions::summary_jump(app),
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
        Action::Confirm => return notes::confirm(app),
        Action::SaveElsewhere => notes::open_save_as(app),
        Action::OpenExport => notes::open_export(app),
        Action::ExportAs(n) => return notes::export(app, n),
        Action::AcceptSuggestion => suggestions::accept(app),
        Action::RejectSuggestion => return suggestions::reject(app),
        Action::NextSuggestion => suggestions::next(app),
        Action::OpenSummary => suggestions::open_summary(app),
        Action::StartSelection => notes::start_selection(app),
        Action::SelectGrow(n) => notes::select(app, n as isize, true),
        Action::SelectMove(n) => notes::select(app, n as isize, false),
        Action::SelectSide => notes::select_other_side(app),
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::ScrollHelp(lines) => {
            let visible = usize::from(app.size.1.saturating_sub(4));
            let max = (keymap::help_lines().len() + 2).saturating_sub(visible + 2);
            app.help_scroll = (app.help_scroll as i64 + i64::from(lines)).clamp(0, max as i64) as usize;
        }
        Action::FocusNext => navigation::step(app, 1),
        Action::FocusPrev => navigation::step(app, -1),
        Action::PageDown => navigation::page(app, 1.0),
        Action::PageUp => navigation::page(app, -1.0),
        Action::HalfPageDown => navigation::page(app, 0.5),
        Action::HalfPageUp => navigation::page(app, -0.5),
        Action::Top => navigation::top(app),
        Action::Bottom => navigation::bottom(app),
        Action::NextDifference => navigation::jump_difference(app, true),
        Action::PrevDifference => navigation::jump_difference(app, false),
        Action::JumpMoved => navigation::jump_moved(app),
        Action::ToggleView => navigation::toggle_view(app),
        Action::SwitchPane => navigation::switch_pane(app),
        Action::StartSearch => search::start(app),
        Action::SearchInput(c) => app.search.query.push(c),
        Action::SearchBackspace => {
            app.search.query.pop();
        }
        Action::SearchCancel => app.search.editing = false,
        Action::SearchSubmit => search::submit(app),
        Action::NextMatch => search::jump_match(app, true),
        Action::PrevMatch => search::jump_match(app, false),
        Action::Resize { width, height } => navigation::resize(app, width, height),
        Action::Scroll { rows, column } => navigation::scroll(app, rows, column),
        Action::Click { column, row } => navigation::click(app, column, row),
        Action::Done(_) => unreachable!("handled above"),
    }
    Vec::new()
}
