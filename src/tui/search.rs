//! Searching both articles: typing the query, finding the passages that
//! contain it, and going from match to match.

use super::action::Action;
use super::app::{App, Search};
use super::keymap;
use super::layout;
use super::mode::Side;
use super::navigation;
use crate::core::compare::units::Unit;

/// Starts typing a new query.
pub fn start(app: &mut App) {
    app.search = Search { editing: true, ..Default::default() };
}

/// The text of both sides of a unit, for search (a moved passage's
/// placeholder has none: its link is found instead).
fn unit_text(app: &App, unit: usize) -> [&str; 2] {
    if matches!(app.units[unit], Unit::MovedHere(_)) {
        return ["", ""];
    }
    Side::BOTH.map(|side| app.sentences(unit, side).map_or("", |r| &app.doc(side).text[layout::span(app.doc(side), &r)]))
}

pub fn submit(app: &mut App) {
    app.search.editing = false;
    let query = app.search.query.to_lowercase();
    if query.is_empty() {
        app.search.matches.clear();
        return;
    }
    app.search.matches = (0..app.units.len())
        .filter(|&u| unit_text(app, u).iter().any(|t| t.to_lowercase().contains(&query)))
        .collect();
    let count = app.search.matches.len();
    if count == 0 {
        app.message = Some(format!("no match for “{}”", app.search.query));
        return;
    }
    let next = app.search.matches.iter().find(|&&u| u >= app.focus).or(app.search.matches.first()).copied();
    if let Some(u) = next {
        navigation::focus_anywhere(app, u);
    }
    app.message = Some(format!("{count} passages match “{}”", app.search.query));
}

pub fn jump_match(app: &mut App, forward: bool) {
    let matches = &app.search.matches;
    if matches.is_empty() {
        app.message = Some(format!("no search: press {}", keymap::hint(Action::StartSearch)));
        return;
    }
    let target = if forward {
        matches.iter().find(|&&u| u > app.focus).or(matches.first())
    } else {
        matches.iter().rev().find(|&&u| u < app.focus).or(matches.last())
    };
    if let Some(&u) = target {
        navigation::focus_anywhere(app, u);
    }
}

