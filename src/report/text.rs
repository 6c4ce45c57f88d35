//! `tandem align --format text`: the alignment as two columns, fitted to a
//! given width, for a terminal or a pipe.

use std::fmt::Write;

use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::core::compare::Comparison;
use crate::core::document::Document;
use crate::display::{sanitize, width, wrap};

/// Narrowest report we lay out in two columns.
const MIN_WIDTH: usize = 40;
/// Cells of the marker column: "≠ 0.42 ↕ ".
const MARK: usize = 9;

fn text_of(doc: &Document, range: std::ops::Range<usize>) -> String {
    let (s, e) = (doc.sentences[range.start].start, doc.sentences[range.end - 1].end);
    sanitize(&doc.text[s..e])
}

fn pad(s: &str, cells: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(s))));
    out
}

/// Writes `item` wrapped to `total` cells, indented by `indent` and its
/// continuation lines by two more.
fn hanging(out: &mut String, item: &str, indent: usize, total: usize) {
    for (i, line) in wrap(item, total.saturating_sub(indent + 2)).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", " ".repeat(if i == 0 { indent } else { indent + 2 }));
    }
}

/// Renders the report at `total_width` cells per line.
pub fn render(cmp: &Comparison, total_width: usize) -> String {
    let total = total_width.max(MIN_WIDTH);
    let column = (total - MARK - 3) / 2;
    let s = cmp.summary();
    let mut out = String::new();
    let _ = writeln!(out, "left:  {}\nright: {}", sanitize(&cmp.left.name), sanitize(&cmp.right.name));
    let _ = writeln!(out, "rules: left {}; right {}", cmp.left.language.rules_note(), cmp.right.language.rules_note());
    let _ = writeln!(
        out,
        "{} aligned, {} divergent, {} moved; unique sentences: {} left, {} right",
        s.aligned,
        s.divergent,
        cmp.links.iter().filter(|l| l.link.moved).count(),
        s.unique_left,
        s.unique_right
    );
    let _ = writeln!(out, "marks: = aligned  ≠ divergent  < only left  > only right  ↕ moved; score in [0, 1]");
    let _ = writeln!(out, "{}", "─".repeat(total.min(MARK + 3 + 2 * column)));
    for unit in units(cmp) {
        let (mark, left, right) = match unit.clone() {
            Unit::Link(k) => {
                let l = &cmp.links[k];
                let sign = if l.kind == Kind::Aligned { '=' } else { '≠' };
                let moved = if l.link.moved { '↕' } else { ' ' };
                let mark = format!("{sign} {:.2} {moved}", l.link.score);
                (mark, text_of(&cmp.left, l.link.left.clone()), text_of(&cmp.right, l.link.right.clone()))
            }
            Unit::LeftOnly(r) => ("<".to_string(), text_of(&cmp.left, r), String::new()),
            Unit::RightOnly(r) => (">".to_string(), String::new(), text_of(&cmp.right, r)),
            Unit::MovedHere(k) => {
                let first = text_of(&cmp.right, cmp.links[k].link.right.start..cmp.links[k].link.right.start + 1);
                let preview: String = first.chars().take(40).collect();
                ("  ↕".to_string(), String::new(), format!("[moved from here: “{preview}…”, shown above]"))
            }
        };
        let (lw, rw) = (wrap(&left, column), wrap(&right, column));
        for row in 0..lw.len().max(rw.len()) {
            let mark = if row == 0 { mark.as_str() } else { "" };
            let l = lw.get(row).map_or("", String::as_str);
            let r = rw.get(row).map_or("", String::as_str);
            let line = format!("{} {} │ {}", pad(mark, MARK - 1), pad(l, column), r);
            let _ = writeln!(out, "{}", line.trim_end());
        }
        if let Unit::Link(k) = unit {
            for d in &cmp.links[k].discrepancies {
                let item = format!("! {}: “{}” / “{}”: {}", d.category.id(), sanitize(&d.left_text), sanitize(&d.right_text), d.explanation);
                hanging(&mut out, &item, MARK, total);
            }
        }
        out.push('\n');
    }
    if !cmp.omissions.is_empty() {
        let _ = writeln!(out, "Named in one article only:");
        for o in &cmp.omissions {
            hanging(&mut out, &format!("{} ({}, {} only)", sanitize(&o.text), o.category.id(), o.side), 2, total);
        }
    }
    out
}
