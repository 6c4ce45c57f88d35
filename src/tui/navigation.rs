//! Moving the focus and scrolling: keys, jumps, the mouse and resizing.
//! The focus always stays inside the document and on screen.

use super::action::Action;
use super::app::App;
use super::fold;
use super::keymap;
use super::layout::Stack;
use super::mode::{Side, View};
use crate::core::compare::units::Unit;

/// The units the focus walks through, in display order: every unit in the
/// aligned view; the focused pane's passages in the reading view. A fold
/// counts once, as its line.
fn order(app: &App) -> Vec<usize> {
    match app.viewport.view {
        View::Aligned => (0..app.review.units.len())
            .filter(|&u| !fold::hidden(&app.viewport.folds.aligned, u))
            .collect(),
        View::Reading => {
            let side = app.viewport.pane.index();
            let runs = &app.viewport.folds.panes[side];
            app.viewport.panes[side]
                .units
                .iter()
                .enumerate()
                .filter(|&(i, _)| !fold::hidden(runs, i))
                .map(|(_, &u)| u)
                .collect()
        }
    }
}

/// The fold whose line is the focused passage, in the view shown.
pub fn fold_at_focus(app: &App) -> Option<std::ops::Range<usize>> {
    let run = app
        .viewport
        .fold_of(app.viewport.view, app.viewport.pane, app.viewport.focus)?;
    let first = app
        .viewport
        .fold_units(app.viewport.view, app.viewport.pane, run.clone())[0];
    (first == app.viewport.focus).then_some(run)
}

/// Is `unit` folded away (not a fold's line) in the view shown?
fn folded_away(app: &App, unit: usize) -> bool {
    app.viewport
        .fold_of(app.viewport.view, app.viewport.pane, unit)
        .is_some_and(|run| {
            app.viewport
                .fold_units(app.viewport.view, app.viewport.pane, run)[0]
                != unit
        })
}

/// Opens every fold of the view shown that holds `unit` (in either pane
/// of the reading view); true if there was one.
fn open_folds_at(app: &mut App, unit: usize) -> bool {
    let sides: &[Side] = match app.viewport.view {
        View::Aligned => &[Side::Left],
        View::Reading => &Side::BOTH,
    };
    let mut opened = false;
    for &side in sides {
        if let Some(run) = app.viewport.fold_of(app.viewport.view, side, unit) {
            for u in app.viewport.fold_units(app.viewport.view, side, run) {
                app.viewport.opened[u] = true;
            }
            opened = true;
        }
    }
    if opened {
        app.refold();
    }
    opened
}

/// `z`: folds every run of aligned passages; on a fold, opens it; when
/// folded elsewhere, unfolds everything.
pub fn toggle_fold(app: &mut App) {
    if app.viewport.fold && fold_at_focus(app).is_some() {
        open_fold(app);
        return;
    }
    app.viewport.fold = !app.viewport.fold;
    app.viewport.opened.iter_mut().for_each(|o| *o = false);
    app.refold();
    if app.viewport.fold {
        // The focus folded away goes to its fold's line.
        if let Some(run) =
            app.viewport
                .fold_of(app.viewport.view, app.viewport.pane, app.viewport.focus)
        {
            app.viewport.focus = app
                .viewport
                .fold_units(app.viewport.view, app.viewport.pane, run)[0];
        }
        app.message = Some(
            if app.viewport.folded().0 == 0 {
                "nothing to fold: no run of aligned passages"
            } else {
                "Enter on a fold opens it"
            }
            .into(),
        );
    } else {
        app.message = Some("unfolded".into());
    }
    reveal(app);
}

/// Enter (or `z`) on a fold: shows its passages.
pub fn open_fold(app: &mut App) {
    let Some(run) = fold_at_focus(app) else {
        app.message = Some(format!(
            "not on a fold: {} folds what agrees",
            keymap::hint(Action::Fold)
        ));
        return;
    };
    let count = run.len();
    open_folds_at(app, app.viewport.focus);
    app.message = Some(format!("opened {count} aligned passages"));
    reveal(app);
}

/// Position of the focus in `order`, or of the nearest unit before it.
fn position(order: &[usize], focus: usize) -> usize {
    order
        .iter()
        .position(|&u| u == focus)
        .unwrap_or_else(|| order.partition_point(|&u| u < focus).saturating_sub(1))
}

pub fn top(app: &mut App) {
    if let Some(first) = order(app).first().copied() {
        focus(app, first);
    }
}

pub fn bottom(app: &mut App) {
    if let Some(last) = order(app).last().copied() {
        focus(app, last);
    }
}

pub fn step(app: &mut App, delta: isize) {
    let order = order(app);
    if order.is_empty() {
        return;
    }
    let at = position(&order, app.viewport.focus) as isize + delta;
    focus(app, order[at.clamp(0, order.len() as isize - 1) as usize]);
}

/// Focuses `unit` and scrolls it into view (opening the fold that hides
/// it, if one does).
pub fn focus(app: &mut App, unit: usize) {
    if folded_away(app, unit) {
        open_folds_at(app, unit);
    }
    if app.viewport.focus != unit {
        app.input.suggestion = 0;
    }
    app.viewport.focus = unit;
    reveal(app);
}

/// Scrolls as little as possible to show the focused unit; in the reading
/// view, also brings the counterpart level with it in the other pane.
fn reveal(app: &mut App) {
    let rows = app.viewport.geometry().rows();
    match app.viewport.view {
        View::Aligned => {
            let span = app.viewport.aligned.stack.rows(app.viewport.focus);
            app.viewport.scroll = fit(
                app.viewport.scroll,
                span,
                rows,
                app.viewport.aligned.stack.total,
            );
        }
        View::Reading => {
            let side = app.viewport.pane.index();
            let focus = app.viewport.focus;
            let panes = &app.viewport.panes;
            let Some(p) = panes[side].passage_of[focus] else {
                return;
            };
            let span = panes[side].stack.rows(p);
            let counterpart =
                panes[1 - side].passage_of[focus].map(|q| panes[1 - side].stack.tops[q]);
            let total = panes[side].stack.total;
            let scroll = fit(app.viewport.pane_scroll[side], span.clone(), rows, total);
            app.viewport.pane_scroll[side] = scroll;
            if let Some(top) = counterpart {
                // Level: the counterpart's first line on the focus's row.
                let offset = span.start - scroll;
                app.viewport.pane_scroll[1 - side] = top.saturating_sub(offset);
            }
        }
    }
}

/// The scroll position nearest `scroll` that shows `span` with a margin of
/// context around it, as far as the document's `total` rows allow (its top,
/// if it is too tall for that).
fn fit(scroll: usize, span: std::ops::Range<usize>, rows: usize, total: usize) -> usize {
    let margin = rows / 4;
    let top_ok = span.start >= scroll + margin || (scroll == 0 && span.start >= scroll);
    let bottom_ok =
        span.end + margin <= scroll + rows || (scroll + rows > total && span.end <= scroll + rows);
    if top_ok && bottom_ok {
        scroll
    } else if span.start < scroll + margin || span.len() + 2 * margin > rows {
        span.start.saturating_sub(margin)
    } else {
        (span.end + margin).saturating_sub(rows)
    }
}

pub fn page(app: &mut App, pages: f64) {
    let rows = app.viewport.geometry().rows();
    let delta = ((rows.saturating_sub(1)).max(1) as f64 * pages) as isize;
    let (stack, scroll) = match app.viewport.view {
        View::Aligned => (app.viewport.aligned.stack.clone(), app.viewport.scroll),
        View::Reading => {
            let side = app.viewport.pane.index();
            (
                app.viewport.panes[side].stack.clone(),
                app.viewport.pane_scroll[side],
            )
        }
    };
    let max = stack.total.saturating_sub(rows.saturating_sub(1));
    let target = (scroll as isize + delta).clamp(0, max as isize) as usize;
    // The first item that starts on screen after the move takes the focus.
    let Some(item) = first_starting_at(&stack, target) else {
        return;
    };
    match app.viewport.view {
        View::Aligned => {
            app.viewport.scroll = target;
            app.viewport.focus = item;
        }
        View::Reading => {
            let side = app.viewport.pane.index();
            app.viewport.pane_scroll[side] = target;
            app.viewport.focus = app.viewport.panes[side].units[item];
        }
    }
    reveal(app);
}

/// The first item that starts at or below `row`, else the last one (a
/// fold counts as its line).
fn first_starting_at(stack: &Stack, row: usize) -> Option<usize> {
    let item = stack.item_at(row)?;
    if stack.tops[item] >= row {
        return Some(item);
    }
    // The item after this one, past the rows of those folded into it.
    stack.item_at(stack.tops[item] + stack.heights[item] + 1)
}

pub fn jump_difference(app: &mut App, forward: bool) {
    let target = match app.viewport.view {
        // The aligned view walks every unit in order: the differences,
        // sorted, give the next one by bisection.
        View::Aligned => {
            let d = &app.review.differences;
            if forward {
                d.get(d.partition_point(|&u| u <= app.viewport.focus))
            } else {
                d[..d.partition_point(|&u| u < app.viewport.focus)].last()
            }
            .copied()
        }
        View::Reading => {
            let order = &app.viewport.panes[app.viewport.pane.index()].units;
            let at = position(order, app.viewport.focus);
            let is_difference = |u: &usize| app.review.differences.binary_search(u).is_ok();
            let target = if forward {
                // `get`: the order is empty in the pane of an empty article.
                order
                    .get(at + 1..)
                    .unwrap_or_default()
                    .iter()
                    .find(|u| is_difference(u))
            } else {
                order[..at].iter().rev().find(|u| is_difference(u))
            };
            target.copied()
        }
    };
    match target {
        Some(u) => focus(app, u),
        None => {
            app.message = Some(
                if forward {
                    "no difference after this one"
                } else {
                    "no difference before this one"
                }
                .into(),
            )
        }
    }
}

pub fn jump_moved(app: &mut App) {
    let target = match (app.viewport.view, &app.review.units[app.viewport.focus]) {
        (View::Aligned, Unit::Link(k)) if app.review.cmp.links[*k].link.moved => {
            let k = *k;
            app.review
                .units
                .iter()
                .position(|u| *u == Unit::MovedHere(k))
        }
        (View::Aligned, Unit::MovedHere(k)) => {
            let k = *k;
            app.review.units.iter().position(|u| *u == Unit::Link(k))
        }
        (View::Reading, Unit::Link(k)) if app.review.cmp.links[*k].link.moved => {
            // The counterpart is already level in the other pane: take it.
            app.viewport.pane = app.viewport.pane.other();
            Some(app.viewport.focus)
        }
        _ => None,
    };
    match target {
        Some(u) => focus(app, u),
        None => app.message = Some("not a moved passage".into()),
    }
}

/// The unit to show for `unit` in the reading view: a moved link's
/// placeholder stands for the link itself.
fn reading_unit(app: &App, unit: usize) -> usize {
    match app.review.units[unit] {
        Unit::MovedHere(k) => app
            .review
            .units
            .iter()
            .position(|u| *u == Unit::Link(k))
            .unwrap_or(unit),
        _ => unit,
    }
}

pub fn toggle_view(app: &mut App) {
    match app.viewport.view {
        View::Aligned => {
            app.viewport.view = View::Reading;
            app.viewport.focus = reading_unit(app, app.viewport.focus);
            if app.viewport.panes[app.viewport.pane.index()].passage_of[app.viewport.focus]
                .is_none()
            {
                app.viewport.pane = app.viewport.pane.other();
            }
        }
        View::Reading => app.viewport.view = View::Aligned,
    }
    reveal(app);
}

pub fn switch_pane(app: &mut App) {
    app.viewport.pane = app.viewport.pane.other();
    if app.viewport.view == View::Reading {
        let side = app.viewport.pane.index();
        if app.viewport.panes[side].passage_of[app.viewport.focus].is_none() {
            // No counterpart: take the passage in the middle of the pane.
            let row = app.viewport.pane_scroll[side] + app.viewport.geometry().rows() / 2;
            let pane = &app.viewport.panes[side];
            if let Some(i) = pane.stack.item_at(row.min(pane.stack.total)) {
                app.viewport.focus = pane.units[i];
            }
        }
        reveal(app);
    }
}

/// A new terminal size: both views are laid out again when the text width
/// changes, and the focus is brought back on screen.
pub fn resize(app: &mut App, width: u16, height: u16) {
    let before = app.viewport.geometry().text_width();
    app.viewport.size = (width, height);
    if app.viewport.geometry().text_width() != before {
        app.relayout();
    }
    if !app.review.units.is_empty() {
        reveal(app);
    }
}

/// The pane at a screen column (the gutter counts as the left pane).
fn side_at(app: &App, column: u16) -> Side {
    if column >= app.viewport.geometry().right.x {
        Side::Right
    } else {
        Side::Left
    }
}

pub fn scroll(app: &mut App, rows: i32, column: u16) {
    let visible = app.viewport.geometry().rows();
    match app.viewport.view {
        View::Aligned => {
            let max = app
                .viewport
                .aligned
                .stack
                .total
                .saturating_sub(visible.saturating_sub(1));
            app.viewport.scroll =
                (app.viewport.scroll as i64 + i64::from(rows)).clamp(0, max as i64) as usize;
            // Keep the focus on screen: the first unit that starts there.
            let span = app.viewport.aligned.stack.rows(app.viewport.focus);
            let off_screen =
                span.start < app.viewport.scroll || span.start >= app.viewport.scroll + visible;
            if off_screen
                && let Some(item) =
                    first_starting_at(&app.viewport.aligned.stack, app.viewport.scroll)
            {
                app.viewport.focus = item;
            }
        }
        View::Reading => {
            app.viewport.pane = side_at(app, column);
            let side = app.viewport.pane.index();
            let stack = app.viewport.panes[side].stack.clone();
            let max = stack.total.saturating_sub(visible.saturating_sub(1));
            let target = (app.viewport.pane_scroll[side] as i64 + i64::from(rows))
                .clamp(0, max as i64) as usize;
            app.viewport.pane_scroll[side] = target;
            if let Some(item) = first_starting_at(&stack, target) {
                app.viewport.focus = app.viewport.panes[side].units[item];
                reveal(app);
            }
        }
    }
}

pub fn click(app: &mut App, column: u16, row: u16) {
    let g = app.viewport.geometry();
    if row < g.left.y || row >= g.left.y + g.left.height {
        return;
    }
    let screen_row = usize::from(row - g.left.y);
    match app.viewport.view {
        View::Aligned => {
            if let Some(item) = app
                .viewport
                .aligned
                .stack
                .item_at(app.viewport.scroll + screen_row)
            {
                focus(app, item);
            }
        }
        View::Reading => {
            app.viewport.pane = side_at(app, column);
            let side = app.viewport.pane.index();
            let scroll = app.viewport.pane_scroll[side];
            let pane = &app.viewport.panes[side];
            if let Some(item) = pane.stack.item_at(scroll + screen_row) {
                let unit = pane.units[item];
                focus(app, unit);
            }
        }
    }
}

/// Goes to `unit` to show its text, in whichever pane shows it (reading
/// view): a fold holding it is opened, even when it is the fold's line.
pub fn go_to(app: &mut App, unit: usize) {
    let unit = if app.viewport.view == View::Reading {
        reading_unit(app, unit)
    } else {
        unit
    };
    if app.viewport.view == View::Reading
        && app.viewport.panes[app.viewport.pane.index()].passage_of[unit].is_none()
    {
        app.viewport.pane = app.viewport.pane.other();
    }
    open_folds_at(app, unit);
    focus(app, unit);
}

/// `12G` or `:12`: goes to passage `number` (as the status line counts).
pub fn go_to_passage(app: &mut App, number: usize) {
    if number == 0 || number > app.review.units.len() {
        app.message = Some(format!(
            "no passage {number}: there are {}",
            app.review.units.len()
        ));
        return;
    }
    go_to(app, number - 1);
}

/// Ctrl-e / Ctrl-y: scrolls the view (in the reading view, the focused
/// pane alone) by `rows`, the focus staying on screen.
pub fn scroll_lines(app: &mut App, rows: i32) {
    if app.viewport.view == View::Aligned {
        let column = app.viewport.geometry().left.x;
        scroll(app, rows, column);
        return;
    }
    let visible = app.viewport.geometry().rows();
    let side = app.viewport.pane.index();
    let stack = &app.viewport.panes[side].stack;
    let max = stack.total.saturating_sub(visible.saturating_sub(1));
    let target =
        (app.viewport.pane_scroll[side] as i64 + i64::from(rows)).clamp(0, max as i64) as usize;
    app.viewport.pane_scroll[side] = target;
    // Only this pane moves: the focus changes when it leaves the screen,
    // and the other pane is not levelled with it.
    let Some(p) = app.viewport.panes[side].passage_of[app.viewport.focus] else {
        return;
    };
    let span = stack.rows(p);
    if (span.end <= target || span.start >= target + visible)
        && let Some(item) = first_starting_at(stack, target)
    {
        app.viewport.focus = app.viewport.panes[side].units[item];
        app.input.suggestion = 0;
    }
}
