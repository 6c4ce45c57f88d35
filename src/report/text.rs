//! `tandem align --format text`: the alignment as two columns, fitted to a
//! given width, for a terminal or a pipe.

use crate::core::Side;
use std::fmt::Write;

use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;
use crate::display::{Line, Mark, link_marks, sanitize, sanitize_span, width, wrap, wrap_marked};

use super::color::{self, Look};

/// Narrowest report we lay out in two columns.
const MIN_WIDTH: usize = 40;
/// Cells of the marker column: "≠ 0.42 ↕ ".
const MARK: usize = 9;

fn text_of(doc: &Document, range: std::ops::Range<usize>) -> String {
    marked_text_of(doc, range, &[]).0
}

/// The sanitised text of sentences `range` and `marks` (article byte spans)
/// moved onto it.
fn marked_text_of(
    doc: &Document,
    range: std::ops::Range<usize>,
    marks: &[Mark],
) -> (String, Vec<Mark>) {
    sanitize_span(&doc.text, doc.span(&range), marks)
}

/// Writes `item` wrapped to `total` cells, indented by `indent` and its
/// continuation lines by two more, each line painted by `paint`.
fn hanging(out: &mut String, item: &str, indent: usize, total: usize, paint: fn(&str) -> String) {
    for (i, line) in wrap(item, total.saturating_sub(indent + 2))
        .iter()
        .enumerate()
    {
        let _ = writeln!(
            out,
            "{}{}",
            " ".repeat(if i == 0 { indent } else { indent + 2 }),
            paint(line)
        );
    }
}

fn plain(line: &str) -> String {
    line.to_string()
}

/// Renders the report at `total_width` cells per line.
pub fn render(cmp: &Comparison, total_width: usize) -> String {
    render_styled(cmp, total_width, false)
}

/// Renders the report; with `colour`, marked with ANSI colours the way the
/// screen marks it ([`color`]).
pub fn render_styled(cmp: &Comparison, total_width: usize, colour: bool) -> String {
    let total = total_width.max(MIN_WIDTH);
    let column = (total - MARK - 3) / 2;
    let s = cmp.summary();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "left:  {}\nright: {}",
        sanitize(&cmp.left.name),
        sanitize(&cmp.right.name)
    );
    let _ = writeln!(
        out,
        "rules: left {}; right {}",
        cmp.left.language.rules_note(),
        cmp.right.language.rules_note()
    );
    let _ = writeln!(
        out,
        "{} aligned, {} divergent, {} moved; unique sentences: {} left, {} right",
        s.aligned,
        s.divergent,
        cmp.links.iter().filter(|l| l.link.moved).count(),
        s.unique_left,
        s.unique_right
    );
    let _ = writeln!(
        out,
        "marks: = aligned  ≠ divergent  < only left  > only right  ↕ moved; score in [0, 1]"
    );
    let _ = writeln!(out, "{}", "─".repeat(total.min(MARK + 3 + 2 * column)));
    let all = units(cmp);
    let none = (String::new(), Vec::new());
    for (here, unit) in all.iter().enumerate() {
        let (mark, left, right, look) = match unit.clone() {
            Unit::Link(k) => {
                let l = &cmp.links[k];
                let sign = if l.kind == Kind::Aligned { '=' } else { '≠' };
                let moved = if l.link.moved { '↕' } else { ' ' };
                let mark = format!("{sign} {:.2} {moved}", l.link.score);
                let left =
                    marked_text_of(&cmp.left, l.link.left.clone(), &link_marks(l, Side::Left));
                (
                    mark,
                    left,
                    marked_text_of(
                        &cmp.right,
                        l.link.right.clone(),
                        &link_marks(l, Side::Right),
                    ),
                    Look::Linked,
                )
            }
            Unit::LeftOnly(r) => (
                "<".to_string(),
                marked_text_of(&cmp.left, r, &[]),
                none.clone(),
                Look::Unique,
            ),
            Unit::RightOnly(r) => (
                ">".to_string(),
                none.clone(),
                marked_text_of(&cmp.right, r, &[]),
                Look::Unique,
            ),
            Unit::MovedHere(k) => {
                let first = text_of(
                    &cmp.right,
                    cmp.links[k].link.right.start..cmp.links[k].link.right.start + 1,
                );
                let preview: String = first.chars().take(40).collect();
                let pointer = format!(
                    "[moved from here: “{preview}…”, shown {}]",
                    super::moved::direction(&all, here, k)
                );
                (
                    "  ↕".to_string(),
                    none.clone(),
                    (pointer, Vec::new()),
                    Look::Linked,
                )
            }
        };
        let (lw, rw) = (
            wrap_marked(&left.0, &left.1, column),
            wrap_marked(&right.0, &right.1, column),
        );
        // A line as printed, and its width in cells.
        let paint = |line: Option<&Line>| {
            line.map_or((String::new(), 0), |l| {
                (
                    if colour {
                        color::line(l, look)
                    } else {
                        l.text.clone()
                    },
                    width(&l.text),
                )
            })
        };
        for row in 0..lw.len().max(rw.len()) {
            let mark = if row == 0 { mark.as_str() } else { "" };
            let ((l, l_cells), (r, _)) = (paint(lw.get(row)), paint(rw.get(row)));
            let gutter = if colour {
                color::gutter(mark)
            } else {
                mark.to_string()
            };
            let fill = |used: usize, cells: usize| " ".repeat(cells.saturating_sub(used));
            let line = format!(
                "{gutter}{} {l}{} │ {r}",
                fill(width(mark), MARK - 1),
                fill(l_cells, column)
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        if let Unit::Link(k) = unit {
            for d in &cmp.links[*k].discrepancies {
                let item = format!(
                    "! {}: “{}” / “{}”: {}",
                    d.category.id(),
                    sanitize(&d.left_text),
                    sanitize(&d.right_text),
                    d.explanation
                );
                hanging(
                    &mut out,
                    &item,
                    MARK,
                    total,
                    if colour { color::finding } else { plain },
                );
            }
        }
        out.push('\n');
    }
    if !cmp.omissions.is_empty() {
        let _ = writeln!(out, "Named in one article only:");
        for o in &cmp.omissions {
            hanging(
                &mut out,
                &format!(
                    "{} ({}, {} only)",
                    sanitize(&o.text),
                    o.category.id(),
                    o.side.name()
                ),
                2,
                total,
                plain,
            );
        }
    }
    out
}
