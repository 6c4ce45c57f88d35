//! Searching both articles: typing the query, finding the passages that
//! contain it, and going from match to match.

use super::action::Action;
use super::app::{App, Search};
use super::keymap;
use super::mode::Side;
use super::navigation;
use crate::core::compare::units::Unit;
use crate::display::sanitize;

/// Starts typing a new query.
pub fn start(app: &mut App) {
    app.search = Search {
        editing: true,
        ..Default::default()
    };
}

/// The text of both sides of a unit, for search (a moved passage's
/// placeholder has none: its link is found instead).
fn unit_text(app: &App, unit: usize) -> [&str; 2] {
    if matches!(app.units[unit], Unit::MovedHere(_)) {
        return ["", ""];
    }
    Side::BOTH.map(|side| {
        app.sentences(unit, side)
            .map_or("", |r| &app.doc(side).text[app.doc(side).span(&r)])
    })
}

pub fn submit(app: &mut App) {
    app.search.editing = false;
    let query = app.search.query.to_lowercase();
    if query.is_empty() {
        app.search.matches.clear();
        return;
    }
    app.search.matches = (0..app.units.len())
        .filter(|&u| {
            unit_text(app, u)
                .iter()
                .any(|t| t.to_lowercase().contains(&query))
        })
        .collect();
    let count = app.search.matches.len();
    if count == 0 {
        app.message = Some(format!("no match for “{}”", sanitize(&app.search.query)));
        return;
    }
    let next = app
        .search
        .matches
        .iter()
        .find(|&&u| u >= app.focus)
        .or(app.search.matches.first())
        .copied();
    if let Some(u) = next {
        navigation::go_to(app, u);
    }
    app.message = Some(counter(app));
}

/// "match 3 of 11" for the focused passage among those that match, or how
/// many there are around it.
fn counter(app: &App) -> String {
    let matches = &app.search.matches;
    match matches.binary_search(&app.focus) {
        Ok(i) => format!(
            "match {} of {} “{}”",
            i + 1,
            matches.len(),
            sanitize(&app.search.query)
        ),
        Err(i) => format!(
            "{i} of {} matches above “{}”",
            matches.len(),
            sanitize(&app.search.query)
        ),
    }
}

/// Enter after `:`: the passage with the number typed.
pub fn command(app: &mut App) {
    let typed = app.command.take().unwrap_or_default();
    match typed.trim().parse::<usize>() {
        Ok(n) => navigation::go_to_passage(app, n),
        Err(_) => {
            app.message = Some(format!(
                "“:{}”: type a passage number, as in :12",
                sanitize(&typed)
            ))
        }
    }
}

pub fn jump_match(app: &mut App, forward: bool) {
    let matches = &app.search.matches;
    if matches.is_empty() {
        app.message = Some(format!(
            "no search: press {}",
            keymap::hint(Action::StartSearch)
        ));
        return;
    }
    let target = if forward {
        matches.iter().find(|&&u| u > app.focus).or(matches.first())
    } else {
        matches
            .iter()
            .rev()
            .find(|&&u| u < app.focus)
            .or(matches.last())
    };
    if let Some(&u) = target {
        navigation::go_to(app, u);
    }
    app.message = Some(counter(app));
}
