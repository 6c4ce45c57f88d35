//! Three or more versions on screen: moving between consecutive pairs
//! (`>` / `<`), and the history view of the facts that changed (`H`), whose
//! Enter goes to the pair and passage where a fact changed.
//!
//! Switching pairs is like a reload without reading anything: every pair
//! was compared when the series was loaded, so the other pair's comparison
//! and notebook are put on screen and the ones shown are kept for later.

use super::app::App;
use super::dialog::Dialog;
use super::mode::Side;
use super::{navigation, reload};

/// "versions 2–3 of 4 · " before the left pane's title ("2–3/4 " in the
/// compact one), on a series' screen.
pub fn retitle(app: &mut App) {
    let Some(versions) = &app.versions else {
        return;
    };
    let (first, n) = (versions.current + 1, versions.count());
    let [full, compact] = &mut app.review.titles[Side::Left.index()];
    *full = format!("versions {first}–{} of {n} · {full}", first + 1);
    *compact = format!("{first}–{}/{n} {compact}", first + 1);
}

/// `>` / `<`: the next or previous pair, focused on the passage of the
/// version both pairs share when it is there, else at the top.
pub fn step(app: &mut App, forward: bool) {
    let Some(versions) = &app.versions else {
        app.message = Some("one pair of versions: nothing to move to".into());
        return;
    };
    let current = versions.current;
    let to = if forward {
        Some(current + 1).filter(|&p| p < versions.pairs.len())
    } else {
        current.checked_sub(1)
    };
    let Some(to) = to else {
        app.message = Some(if forward {
            "this is the last pair of versions".into()
        } else {
            "this is the first pair of versions".into()
        });
        return;
    };
    // Going on, the right version stays (as the new left); going back, the left.
    let (shared_now, shared_then) = if forward {
        (Side::Right, Side::Left)
    } else {
        (Side::Left, Side::Right)
    };
    let focus = app.viewport.focus;
    let sentence = app.review.sentences(focus, shared_now).map(|r| r.start);
    switch(app, to, sentence.map(|s| (shared_then, s)));
}

/// Puts pair `to` on screen, focused on `focus` (a side and a sentence of
/// the new pair) if given and shown, else at the top.
pub fn switch(app: &mut App, to: usize, focus: Option<(Side, usize)>) {
    let Some(mut versions) = app.versions.take() else {
        return;
    };
    let (Some(cmp), from) = (
        versions.pairs.get_mut(to).and_then(Option::take),
        versions.current,
    ) else {
        // `to` is on screen already: only the focus moves.
        app.versions = Some(versions);
        focus_sentence(app, focus);
        return;
    };
    let (width, height) = app.viewport.size;
    let mut fresh = App::new(cmp, width, height, app.theme.clone());
    if let Some(book) = versions.notebooks[to].take() {
        fresh.set_notebook(book);
    }
    reload::carry_over(app, &mut fresh);
    let old = std::mem::replace(app, fresh);
    versions.pairs[from] = Some(old.review.cmp);
    versions.notebooks[from] = old.notes.notebook;
    versions.current = to;
    let n = versions.count();
    app.versions = Some(versions);
    retitle(app);
    focus_sentence(app, focus);
    app.message = Some(format!("versions {}–{} of {n}", to + 1, to + 2));
}

fn focus_sentence(app: &mut App, focus: Option<(Side, usize)>) {
    let unit = focus.and_then(|(side, s)| {
        app.review.unit_of_sentence[side.index()]
            .get(s)
            .copied()
            .flatten()
    });
    match unit {
        Some(u) => navigation::go_to(app, u),
        None => navigation::top(app),
    }
}

/// `H`: the history view, on its first row.
pub fn open_history(app: &mut App) {
    match &app.versions {
        None => {
            app.message = Some("the history needs three or more versions".into());
        }
        Some(v) if v.history.is_empty() => {
            app.message = Some("no fact changed across the versions".into());
        }
        Some(_) => app.input.dialog = Some(Dialog::History { selected: 0 }),
    }
}

/// Moves the history's selection by `by` rows, within the list.
pub fn history_move(app: &mut App, by: isize) {
    let rows = app.versions.as_ref().map_or(0, |v| v.history.len());
    if let Some(Dialog::History { selected }) = &mut app.input.dialog {
        *selected = selected
            .saturating_add_signed(by)
            .min(rows.saturating_sub(1));
    }
}

/// Enter in the history: the pair where the selected fact (first) changed,
/// focused on its passage.
pub fn history_jump(app: &mut App) {
    let Some(Dialog::History { selected }) = app.input.dialog.take() else {
        return;
    };
    let Some(row) = app.versions.as_ref().and_then(|v| v.history.get(selected)) else {
        return;
    };
    let (pair, side, sentence) = (row.pair, row.side, row.sentence);
    switch(app, pair, Some((side, sentence)));
}
