//! The two panes and the gutter between them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};

use crate::core::compare::classify::Kind;
use crate::core::compare::units::Unit;
use crate::display::{Line, Mark};
use crate::tui::app::{App, Geometry, MARGIN};
use crate::tui::fold;
use crate::tui::layout::{self, Look, Passage};
use crate::tui::mode::{Side, View};
use crate::tui::theme::Theme;

pub fn draw(buf: &mut Buffer, app: &App, g: &Geometry) {
    match app.viewport.view {
        View::Aligned => aligned(buf, app, g),
        View::Reading => reading(buf, app, g),
    }
}

/// The gutter mark of a unit and its style.
fn mark(app: &App, unit: usize) -> (&'static str, Style) {
    let t = &app.theme;
    match &app.review.units[unit] {
        Unit::Link(k) => {
            let l = &app.review.cmp.links[*k];
            match (l.kind, l.link.moved) {
                (Kind::Aligned, false) => ("=", t.mark_aligned),
                (Kind::Aligned, true) => ("=↕", t.mark_moved),
                (Kind::Divergent, false) => ("≠", t.mark_divergent),
                (Kind::Divergent, true) => ("≠↕", t.mark_moved),
            }
        }
        Unit::LeftOnly(_) => ("<", t.mark_unique),
        Unit::RightOnly(_) => (">", t.mark_unique),
        Unit::MovedHere(_) => ("↕", t.mark_moved),
    }
}

fn aligned(buf: &mut Buffer, app: &App, g: &Geometry) {
    let selection = Side::BOTH.map(|side| selected_lines(app, side, g));
    let stack = &app.viewport.aligned.stack;
    for screen_row in 0..g.rows() {
        let row = app.viewport.scroll + screen_row;
        let Some(unit) = stack.item_at(row) else {
            return;
        };
        let line = row - stack.tops[unit];
        if line >= stack.heights[unit] {
            continue; // the blank row between units
        }
        let y = g.left.y + screen_row as u16;
        let focused = unit == app.viewport.focus;
        if let Some(run) = fold::run_of(&app.viewport.folds.aligned, unit) {
            fold_line(buf, app, g.left, y, focused, run.len());
            fold_line(buf, app, g.right, y, focused, run.len());
            continue;
        }
        let [left, right] = &app.viewport.aligned.sides[unit];
        let row = Row { y, line, focused };
        let none = Vec::new();
        let selected = |side: Side| {
            if focused {
                &selection[side.index()]
            } else {
                &none
            }
        };
        text_row(buf, app, g.left, left, &row, selected(Side::Left));
        text_row(buf, app, g.right, right, &row, selected(Side::Right));
        if line == 0 {
            note_mark(buf, app, g.left.x + 1, y, unit);
            note_mark(buf, app, g.right.x + 1, y, unit);
            let (glyph, style) = mark(app, unit);
            let style = if focused {
                style.add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                style
            };
            buf.set_stringn(
                g.gutter.x + 1,
                y,
                glyph,
                usize::from(g.gutter.width - 1),
                style,
            );
        }
    }
}

fn reading(buf: &mut Buffer, app: &App, g: &Geometry) {
    let panes = &app.viewport.panes;
    for side in Side::BOTH {
        let selection = selected_lines(app, side, g);
        let pane = &panes[side.index()];
        let area = g.pane(side);
        let scroll = app.viewport.pane_scroll[side.index()];
        for screen_row in 0..g.rows() {
            let row = scroll + screen_row;
            let Some(item) = pane.stack.item_at(row) else {
                break;
            };
            let line = row - pane.stack.tops[item];
            if line >= pane.stack.heights[item] {
                continue;
            }
            let y = area.y + screen_row as u16;
            let unit = pane.units[item];
            let focused = unit == app.viewport.focus;
            if let Some(run) = fold::run_of(&app.viewport.folds.panes[side.index()], item) {
                fold_line(
                    buf,
                    app,
                    area,
                    y,
                    focused && side == app.viewport.pane,
                    run.len(),
                );
                continue;
            }
            let none = Vec::new();
            let selection = if focused { &selection } else { &none };
            text_row(
                buf,
                app,
                area,
                pane.passage(&app.viewport.aligned, side, item),
                &Row { y, line, focused },
                selection,
            );
            if line == 0 {
                note_mark(buf, app, area.x + 2, y, unit);
                let (glyph, style) = mark(app, unit);
                buf.set_stringn(
                    area.x + 1,
                    y,
                    glyph.chars().next().map(String::from).unwrap_or_default(),
                    1,
                    style,
                );
                if focused
                    && side == app.viewport.pane
                    && panes[1 - side.index()].passage_of[unit].is_some()
                {
                    buf.set_stringn(
                        g.gutter.x,
                        y,
                        "⇔",
                        usize::from(g.gutter.width),
                        app.theme.focus_bar,
                    );
                }
            }
        }
    }
}

/// The one line a fold of `count` aligned passages is drawn as.
fn fold_line(buf: &mut Buffer, app: &App, area: Rect, y: u16, focused: bool, count: usize) {
    if focused {
        buf.set_style(Rect::new(area.x, y, area.width, 1), app.theme.focus);
        buf.set_stringn(area.x, y, "▌", 1, app.theme.focus_bar);
    }
    let style = if focused {
        app.theme.placeholder.patch(app.theme.focus)
    } else {
        app.theme.placeholder
    };
    buf.set_stringn(
        area.x + MARGIN,
        y,
        fold::label(count),
        usize::from(area.width.saturating_sub(MARGIN)),
        style,
    );
}

fn look_style(theme: &Theme, look: Look) -> Style {
    match look {
        Look::Linked(_) => theme.text,
        Look::Unique => theme.unique,
        Look::Placeholder => theme.placeholder,
    }
}

/// A `✎` where a unit has review notes.
fn note_mark(buf: &mut Buffer, app: &App, x: u16, y: u16, unit: usize) {
    if !app.notes.notes_of_unit[unit].is_empty() {
        buf.set_stringn(x, y, "✎", 1, app.theme.focus_bar);
    }
}

/// The selected words on a side of the focused unit, per wrapped line (byte
/// ranges of each line). The selection's span of the file goes through the
/// same sanitising and wrapping as the text, so the highlight covers exactly
/// the words a note would be anchored to. Selecting is always in the focus.
fn selected_lines(app: &App, side: Side, g: &Geometry) -> Vec<Vec<std::ops::Range<usize>>> {
    let unit = app.viewport.focus;
    let (Some(span), Some(sentences)) = (
        app.selected_span(unit, side),
        app.review.sentences(unit, side),
    ) else {
        return Vec::new();
    };
    let marks = vec![Mark {
        range: span,
        strong: true,
    }];
    layout::marked_lines(app.review.doc(side), &sentences, marks, g.text_width())
        .into_iter()
        .map(|l| l.marks.into_iter().map(|m| m.range).collect())
        .collect()
}

/// Which screen row is drawn: line `line` of unit `unit`, at `y`.
struct Row {
    y: u16,
    line: usize,
    focused: bool,
}

/// Draws a line of `passage` (one side of the row's unit) in the pane `area`,
/// with `selection` (per line of the passage) highlighted.
fn text_row(
    buf: &mut Buffer,
    app: &App,
    area: Rect,
    passage: &Passage,
    row: &Row,
    selection: &[Vec<std::ops::Range<usize>>],
) {
    let Row { y, line, focused } = *row;
    let theme = &app.theme;
    if focused {
        buf.set_style(Rect::new(area.x, y, area.width, 1), theme.focus);
        buf.set_stringn(area.x, y, "▌", 1, theme.focus_bar);
    }
    let Some(text) = passage.lines.get(line) else {
        return;
    };
    let query = if app.input.search.editing {
        ""
    } else {
        app.input.search.query.as_str()
    };
    let selected = selection.get(line).map_or(&[][..], Vec::as_slice);
    let spans = styled(
        text,
        look_style(theme, passage.look),
        theme,
        query,
        selected,
        focused,
    );
    let x = area.x + MARGIN;
    buf.set_line(
        x,
        y,
        &TextLine::from(spans),
        area.width.saturating_sub(MARGIN),
    );
}

/// Splits a line into spans: marked words and search hits styled. A changed
/// fact is emphasised everywhere; rewording only in the focused passage, so
/// that facts stand out at a glance and rewording is there when looked at.
fn styled<'a>(
    line: &'a Line,
    base: Style,
    theme: &Theme,
    query: &str,
    selection: &[std::ops::Range<usize>],
    focused: bool,
) -> Vec<Span<'a>> {
    let hits = find_ignoring_case(&line.text, query);
    let mut cuts: Vec<usize> = vec![0, line.text.len()];
    for r in line
        .marks
        .iter()
        .map(|m| &m.range)
        .chain(&hits)
        .chain(selection)
    {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let covers = |r: &std::ops::Range<usize>| r.start <= w[0] && w[1] <= r.end;
            let mut style = base;
            if let Some(m) = line
                .marks
                .iter()
                .find(|m| covers(&m.range) && (m.strong || focused))
            {
                style = style.patch(if m.strong {
                    theme.changed
                } else {
                    theme.reworded
                });
            }
            if hits.iter().any(covers) {
                style = style.patch(theme.search_hit);
            }
            if selection.iter().any(covers) {
                style = style.patch(theme.selection);
            }
            Span::styled(&line.text[w[0]..w[1]], style)
        })
        .collect()
}

/// Byte ranges of `query` in `text`, ignoring case.
fn find_ignoring_case(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let hay: Vec<(usize, char)> = text
        .char_indices()
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .map(|&(_, c)| c)
            .eq(needle.iter().copied())
        {
            let start = hay[i].0;
            let end = hay.get(i + needle.len()).map_or(text.len(), |&(b, _)| b);
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_query_ignoring_case() {
        assert_eq!(
            find_ignoring_case("Pokrovsk and POKROVSK", "pokrovsk"),
            vec![0..8, 13..21]
        );
        assert!(find_ignoring_case("abc", "").is_empty());
        assert_eq!(find_ignoring_case("Ünïcode ü", "Ü"), vec![0..2, 10..12]);
    }
}
