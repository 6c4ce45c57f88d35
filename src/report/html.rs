//! The HTML report: one self-contained file a colleague opens in any
//! browser or prints. Both articles side by side in one table, a row per
//! passage so aligned passages stay level; divergent words and unique
//! passages marked as the screen marks them (facts bold and coloured,
//! reworded words underlined, unique passages in italics, the gutter sign);
//! each note in the margin beside its passage with its category and
//! status. No script, no external resource; every text from an article, a
//! file name or a note is escaped.

use crate::core::Side;
use std::fmt::Write;

use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;
use crate::core::notes::context;
use crate::core::notes::export::Header;
use crate::core::notes::{Note, NotesFile, clean};
use crate::display::{Mark, link_marks};

const STYLE: &str = "
body{font:15px/1.45 Georgia,'Times New Roman',serif;margin:1.5em;color:#111;background:#fff}
h1{font-size:1.4em;margin:0 0 .3em}
.meta{color:#444;margin:.2em 0 1em}
.legend span{margin-right:1.2em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{vertical-align:top;padding:.45em .6em;border-top:1px solid #ddd;text-align:left;overflow-wrap:anywhere}
th{font-family:sans-serif;font-size:.85em;color:#333;background:#f3f3f3}
col.mark{width:4.2em}col.notes{width:24%}
td.mark{font-family:monospace;font-size:.85em;color:#555;white-space:nowrap}
tr.divergent td.mark b{color:#8a5a00}tr.unique td.mark b{color:#006a80}tr.aligned td.mark b{color:#2255aa}
.moved{color:#7a2a8a}
.fact{font-weight:bold;text-decoration:underline;background:#fff1c2}
.reworded{text-decoration:underline;text-decoration-style:dotted}
td.unique-text{font-style:italic;background:#eef8fb}
.heading{font-weight:bold;font-family:sans-serif}
.absent{color:#888;font-style:italic;font-family:sans-serif;font-size:.85em}
.findings{font-family:sans-serif;font-size:.8em;color:#5a4000;margin:.4em 0 0;padding-left:1.1em}
.note{font-family:sans-serif;font-size:.85em;border-left:3px solid #8a5a00;background:#fbf7ec;padding:.3em .5em;margin-bottom:.5em}
.note .cat{font-weight:bold}.note .status{color:#555}
.note.dismissed{opacity:.6;border-left-color:#999}.note.confirmed{border-left-color:#2a7a2a}
.note q{font-style:italic}
.note p{margin:.25em 0}.note .suggested{color:#555;font-size:.9em}
@media print{body{margin:0;font-size:10.5pt}tr{break-inside:avoid}th{background:none}.fact{background:none}}
";

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Sentences `range` of `doc` as HTML, `marks` (article byte spans) wrapped
/// in the classes the style draws.
fn passage(doc: &Document, range: std::ops::Range<usize>, marks: &[Mark]) -> String {
    let std::ops::Range { start: s, end: e } = doc.span(&range);
    let mut out = String::new();
    let mut pos = s;
    for m in marks {
        if m.range.start < pos || m.range.end > e {
            continue;
        }
        out.push_str(&escape(&doc.text[pos..m.range.start]));
        let class = if m.strong { "fact" } else { "reworded" };
        let _ = write!(
            out,
            "<span class=\"{class}\">{}</span>",
            escape(&doc.text[m.range.clone()])
        );
        pos = m.range.end;
    }
    out.push_str(&escape(&doc.text[pos..e]));
    if doc.sentences[range.start].heading {
        out = format!("<span class=\"heading\">{out}</span>");
    }
    out
}

fn note_html(n: &Note) -> String {
    let mut out = format!(
        "<div class=\"note {}\"><span class=\"cat\">{}</span> · <span class=\"status\">{}</span>",
        n.status.id(),
        escape(n.category.label()),
        n.status.id()
    );
    let (remark, suggestion) = context::split_text(n);
    if !remark.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&remark).replace('\n', "<br>"));
    }
    if let Some(s) = suggestion {
        let _ = write!(
            out,
            "<p class=\"suggested\">suggested by tandem: {}</p>",
            escape(&s)
        );
    }
    for (side, a) in [("left", n.left.as_ref()), ("right", n.right.as_ref())] {
        if let Some(a) = a {
            let quote: String = a.exact.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = if quote.chars().count() > 120 {
                quote.chars().take(119).chain(['…']).collect()
            } else {
                quote
            };
            let _ = write!(out, "<p>{side}: <q>{}</q></p>", escape(&short));
        }
    }
    out.push_str("</div>");
    out
}

/// The whole report. `notes` adds the margin; `header` names the reviewer
/// and the date.
pub fn render(cmp: &Comparison, notes: Option<&NotesFile>, header: &Header) -> String {
    let (lt, rt) = (context::title(&cmp.left), context::title(&cmp.right));
    let all = units(cmp);
    let noted: Vec<Note> = notes.map_or_else(Vec::new, |f| f.notes.clone());
    let placed = super::placement::note_units(cmp, &noted);
    let s = cmp.summary();
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width\"><title>tandem: {} / {}</title>",
        escape(&lt),
        escape(&rt)
    );
    let _ = writeln!(out, "<style>{STYLE}</style></head><body>");
    let _ = writeln!(
        out,
        "<h1>{} <span class=\"absent\">compared with</span> {}</h1>",
        escape(&lt),
        escape(&rt)
    );
    let reviewer = header
        .reviewer
        .as_deref()
        .map_or(String::new(), |r| format!("Reviewer: {} · ", escape(r)));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Left: {} ({}) · Right: {} ({})<br>{reviewer}Date: {} · {} aligned, {} divergent, {} moved; sentences in one article only: {} left, {} right · {} notes</p>",
        escape(&cmp.left.name),
        cmp.left.format.id(),
        escape(&cmp.right.name),
        cmp.right.format.id(),
        escape(&header.date),
        s.aligned,
        s.divergent,
        cmp.links.iter().filter(|l| l.link.moved).count(),
        s.unique_left,
        s.unique_right,
        noted.len()
    );
    out.push_str("<p class=\"meta legend\"><span><b>=</b> aligned</span><span><b>≠</b> divergent</span><span><b>&lt;</b> <b>&gt;</b> in one article only</span><span class=\"moved\"><b>↕</b> moved</span><span><span class=\"fact\">fact that differs</span></span><span><span class=\"reworded\">reworded</span></span></p>\n");
    let _ = writeln!(
        out,
        "<table><colgroup><col class=\"mark\"><col><col><col class=\"notes\"></colgroup><thead><tr><th></th><th>{}</th><th>{}</th><th>Notes</th></tr></thead><tbody>",
        escape(&cmp.left.name),
        escape(&cmp.right.name)
    );
    for (here, unit) in all.iter().enumerate() {
        let (class, mark, left, right) = match unit {
            Unit::Link(k) => {
                let l = &cmp.links[*k];
                let aligned = l.kind == Kind::Aligned;
                let moved = if l.link.moved {
                    " <span class=\"moved\"><b>↕</b></span>"
                } else {
                    ""
                };
                let mark = format!(
                    "<b>{}</b> {:.2}{moved}",
                    if aligned { '=' } else { '≠' },
                    l.link.score
                );
                let mut right = passage(
                    &cmp.right,
                    l.link.right.clone(),
                    &link_marks(l, Side::Right),
                );
                if !l.discrepancies.is_empty() {
                    right.push_str("<ul class=\"findings\">");
                    for d in &l.discrepancies {
                        let _ = write!(
                            right,
                            "<li>{}: “{}” / “{}”: {}</li>",
                            d.category.id(),
                            escape(&d.left_text),
                            escape(&d.right_text),
                            escape(&d.explanation)
                        );
                    }
                    right.push_str("</ul>");
                }
                let left = format!(
                    "<td>{}</td>",
                    passage(&cmp.left, l.link.left.clone(), &link_marks(l, Side::Left))
                );
                (
                    if aligned { "aligned" } else { "divergent" },
                    mark,
                    left,
                    format!("<td>{right}</td>"),
                )
            }
            Unit::LeftOnly(r) => (
                "unique",
                "<b>&lt;</b>".to_string(),
                format!(
                    "<td class=\"unique-text\">{}</td>",
                    passage(&cmp.left, r.clone(), &[])
                ),
                "<td class=\"absent\">(not in this version)</td>".to_string(),
            ),
            Unit::RightOnly(r) => (
                "unique",
                "<b>&gt;</b>".to_string(),
                "<td class=\"absent\">(not in this version)</td>".to_string(),
                format!(
                    "<td class=\"unique-text\">{}</td>",
                    passage(&cmp.right, r.clone(), &[])
                ),
            ),
            Unit::MovedHere(k) => {
                let link = all.iter().position(|u| *u == Unit::Link(*k)).unwrap_or(0);
                let pointer = format!(
                    "<td class=\"absent\"><a href=\"#u{link}\">↕ moved from here, shown {}</a></td>",
                    super::moved::direction(&all, here, *k)
                );
                (
                    "moved",
                    "<span class=\"moved\"><b>↕</b></span>".to_string(),
                    "<td></td>".to_string(),
                    pointer,
                )
            }
        };
        let margin: String = placed
            .iter()
            .zip(&noted)
            .filter(|(u, _)| **u == Some(here))
            .map(|(_, n)| note_html(n))
            .collect();
        let _ = writeln!(
            out,
            "<tr class=\"{class}\" id=\"u{here}\"><td class=\"mark\">{mark}</td>{left}{right}<td>{margin}</td></tr>"
        );
    }
    out.push_str("</tbody></table>\n");
    let unplaced: String = placed
        .iter()
        .zip(&noted)
        .filter(|(u, _)| u.is_none())
        .map(|(_, n)| note_html(n))
        .collect();
    if !unplaced.is_empty() {
        let _ = writeln!(
            out,
            "<h2>Notes not found in the current text</h2>{unplaced}"
        );
    }
    if !cmp.omissions.is_empty() {
        out.push_str("<h2>Named in one article only</h2><ul class=\"findings\">");
        for o in &cmp.omissions {
            let _ = write!(
                out,
                "<li>{} ({}, {} only)</li>",
                escape(&o.text),
                o.category.id(),
                o.side.name()
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    clean::controls(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_names_are_escaped_and_nothing_external_is_loaded() {
        let left = Document::parse(
            "<img src=x onerror=alert(1)>.txt",
            "Storm hits.\nGusts reached <b>68</b> mph on Monday.\x1b[2J\n",
        );
        let right = Document::parse("b.txt", "Storm hits.\nGusts reached 86 mph on Monday.\n");
        let html = render(
            &Comparison::new(left, right),
            None,
            &Header {
                reviewer: Some("A & B".into()),
                date: "2026-11-30".into(),
            },
        );
        assert!(!html.contains("<img") && !html.contains("<b>68"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;.txt") && html.contains("A &amp; B")
        );
        assert!(
            html.contains("<span class=\"fact\">86</span>"),
            "the differing number is marked"
        );
        assert!(!html.contains('\x1b'));
        for external in [
            "src=\"",
            "href=\"http",
            "<script",
            "<link",
            "@import",
            "url(",
        ] {
            assert!(!html.contains(external), "{external}");
        }
    }
}
