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
    app.input.search = Search {
        editing: true,
        ..Default::default()
    };
}

/// The text of both sides of a unit, for search (a moved passage's
/// placeholder has none: its link is found instead).
fn unit_text(app: &App, unit: usize) -> [&str; 2] {
    if matches!(app.review.units[unit], Unit::MovedHere(_)) {
        return ["", ""];
    }
    Side::BOTH.map(|side| {
        app.review.sentences(unit, side).map_or("", |r| {
            &app.review.doc(side).text[app.review.doc(side).span(&r)]
        })
    })
}

pub fn submit(app: &mut App) {
    app.input.search.editing = false;
    let query = app.input.search.query.to_lowercase();
    if query.is_empty() {
        app.input.search.matches.clear();
        return;
    }
    app.input.search.matches = (0..app.review.units.len())
        .filter(|&u| {
            unit_text(app, u)
                .iter()
                .any(|t| t.to_lowercase().contains(&query))
        })
        .collect();
    let count = app.input.search.matches.len();
    if count == 0 {
        app.message = Some(format!(
            "no match for “{}”",
            sanitize(&app.input.search.query)
        ));
        return;
    }
    let next = app
        .input
        .search
        .matches
        .iter()
        .find(|&&u| u >= app.viewport.focus)
        .or(app.input.search.matches.first())
        .copied();
    if let Some(u) = next {
        navigation::go_to(app, u);
    }
    app.message = Some(counter(app));
}

/// "match 3 of 11" for the focused passage among those that match, or how
/// many there are around it.
fn counter(app: &App) -> String {
    let matches = &app.input.search.matches;
    match matches.binary_search(&app.viewport.focus) {
        Ok(i) => format!(
            "match {} of {} “{}”",
            i + 1,
            matches.len(),
            sanitize(&app.input.search.query)
        ),
        Err(i) => format!(
            "{i} of {} matches above “{}”",
            matches.len(),
            sanitize(&app.input.search.query)
        ),
    }
}

/// Enter after `:`: the passage with the number typed.
pub fn command(app: &mut App) {
    let typed = app.input.command.take().unwrap_or_default();
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
    let matches = &app.input.search.matches;
    if matches.is_empty() {
        app.message = Some(format!(
            "no search: press {}",
            keymap::hint(Action::StartSearch)
        ));
        return;
    }
    let target = if forward {
        matches
            .iter()
            .find(|&&u| u > app.viewport.focus)
            .or(matches.first())
    } else {
        matches
            .iter()
            .rev()
            .find(|&&u| u < app.viewport.focus)
            .or(matches.last())
    };
    if let Some(&u) = target {
        navigation::go_to(app, u);
    }
    app.message = Some(counter(app));
}
