//! Handing notes on: a Markdown report for an editor, CSV for a
//! spreadsheet, JSON for scripts, and a W3C Web Annotation collection for
//! annotation tools.

use std::fmt::Write;

use serde_json::{Value, json};

use super::clean;
use super::context::{self, Place, Placement};
use super::escape::{csv_cell, markdown_block, markdown_inline};
use super::{Anchor, Category, Note, NotesFile, Status, now_rfc3339};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Json,
    W3c,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::W3c => "jsonld",
        }
    }
}

/// Who exports and when: the header of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub reviewer: Option<String>,
    /// The date of the export, `YYYY-MM-DD` (UTC).
    pub date: String,
}

impl Header {
    pub fn now(reviewer: Option<String>) -> Self {
        Header {
            reviewer,
            date: now_rfc3339().chars().take(10).collect(),
        }
    }
}

/// The notes in `format` without the articles at hand: quotes with their
/// stored context, in creation order.
pub fn render(file: &NotesFile, format: Format) -> String {
    render_report(file, format, None, &Header::now(None))
}

/// The notes in `format`. With their placement in the two articles, each
/// note comes with its whole sentences, paragraph and sentence numbers and
/// the articles' titles, in the order the articles read. Whatever the
/// format, the output holds no control character but line feed and tab.
pub fn render_report(
    file: &NotesFile,
    format: Format,
    placement: Option<&Placement>,
    header: &Header,
) -> String {
    let out = match format {
        Format::Markdown => markdown(&Report::new(file, placement), header),
        Format::Csv => csv(&Report::new(file, placement), header),
        Format::Json => serde_json::to_string_pretty(&json_value(file)).expect("plain data") + "\n",
        Format::W3c => serde_json::to_string_pretty(&w3c(file)).expect("plain data") + "\n",
    };
    clean::controls(&out)
}

/// One side of a note as a report shows it.
struct Placed {
    /// "¶4, sentence 2", or how the quote stands when it cannot be placed.
    position: String,
    /// Text before, the tagged words, text after.
    context: [String; 3],
    /// The side has no quote (a passage in the other article only).
    absent: bool,
    start: Option<usize>,
    end: Option<usize>,
    paragraph: Option<usize>,
    sentence: Option<usize>,
}

impl Placed {
    fn new(anchor: Option<&Anchor>, place: Option<Place>, orphan: bool) -> Self {
        let Some(a) = anchor else {
            let position = "not in this article".into();
            return Placed {
                position,
                context: Default::default(),
                absent: true,
                start: None,
                end: None,
                paragraph: None,
                sentence: None,
            };
        };
        let (position, context, paragraph, sentence) = match place {
            Some(p) => {
                let context = match &p.tagged {
                    Some(t) => [
                        p.context[..t.start].to_string(),
                        p.context[t.clone()].to_string(),
                        p.context[t.end..].to_string(),
                    ],
                    None => [String::new(), p.context.clone(), String::new()],
                };
                (p.label(), context, Some(p.paragraph), Some(p.sentence))
            }
            None => {
                // Runs of white space become one space, edges included.
                let flat = |t: &str| {
                    let mut out = String::new();
                    for c in t.chars() {
                        if !c.is_whitespace() {
                            out.push(c);
                        } else if !out.ends_with(' ') {
                            out.push(' ');
                        }
                    }
                    out
                };
                let label = if orphan {
                    "not found in the current text (stored quote)"
                } else {
                    "stored quote"
                };
                let pre = if a.prefix.is_empty() {
                    String::new()
                } else {
                    format!("…{}", flat(&a.prefix))
                };
                let post = if a.suffix.is_empty() {
                    String::new()
                } else {
                    format!("{}…", flat(&a.suffix))
                };
                (label.to_string(), [pre, flat(&a.exact), post], None, None)
            }
        };
        Placed {
            position,
            context,
            absent: false,
            start: Some(a.start),
            end: Some(a.end),
            paragraph,
            sentence,
        }
    }

    /// Is the whole context tagged (a note on a whole passage)?
    fn whole(&self) -> bool {
        self.context[0].is_empty() && self.context[2].is_empty()
    }
}

/// A note ready to report: its sides and its text split in two.
struct Item<'a> {
    note: &'a Note,
    sides: [Placed; 2],
    /// What the reviewer wrote.
    remark: String,
    /// The explanation of the suggestion the note was accepted from.
    suggestion: Option<String>,
}

struct Report<'a> {
    file: &'a NotesFile,
    titles: Option<[String; 2]>,
    items: Vec<Item<'a>>,
}

impl<'a> Report<'a> {
    fn new(file: &'a NotesFile, placement: Option<&Placement>) -> Self {
        let order: Vec<usize> =
            placement.map_or_else(|| (0..file.notes.len()).collect(), |p| p.order.clone());
        let items = order
            .into_iter()
            .map(|i| {
                let note = &file.notes[i];
                let [lp, rp] = placement
                    .and_then(|p| p.places.get(i).cloned())
                    .unwrap_or_default();
                let (remark, suggestion) = context::split_text(note);
                let sides = [
                    Placed::new(note.left.as_ref(), lp, note.orphaned[0]),
                    Placed::new(note.right.as_ref(), rp, note.orphaned[1]),
                ];
                Item {
                    note,
                    sides,
                    remark,
                    suggestion,
                }
            })
            .collect();
        let titles = placement.map(|p| p.titles.clone());
        Report {
            file,
            titles,
            items,
        }
    }
}

/// A side's context as Markdown, the tagged words in bold.
fn md_context(side: &Placed) -> String {
    let [before, tagged, after] = &side.context;
    if side.whole() {
        return markdown_inline(tagged);
    }
    format!(
        "{}**{}**{}",
        markdown_inline(before),
        markdown_inline(tagged.trim()),
        markdown_inline(after)
    )
}

fn markdown(report: &Report, header: &Header) -> String {
    let file = report.file;
    let mut out = String::from("# Review notes\n\n");
    if let Some([lt, rt]) = &report.titles {
        let _ = writeln!(
            out,
            "**{}** compared with **{}**\n",
            markdown_inline(lt),
            markdown_inline(rt)
        );
    }
    out.push_str("| | left | right |\n|---|---|---|\n");
    if let Some([lt, rt]) = &report.titles {
        let _ = writeln!(
            out,
            "| title | {} | {} |",
            markdown_inline(lt),
            markdown_inline(rt)
        );
    }
    let _ = writeln!(
        out,
        "| file | {} | {} |",
        markdown_inline(&file.left.path),
        markdown_inline(&file.right.path)
    );
    let _ = writeln!(
        out,
        "| SHA-256 | {} | {} |\n",
        markdown_inline(&file.left.sha256),
        markdown_inline(&file.right.sha256)
    );
    let reviewer = header
        .reviewer
        .as_deref()
        .map_or("(not given)".to_string(), markdown_inline);
    let count = |s: Status| file.notes.iter().filter(|n| n.status == s).count();
    let _ = writeln!(
        out,
        "Reviewer: {reviewer}  \nDate: {}  \nNotes: {} ({} open, {} confirmed, {} dismissed)\n",
        markdown_inline(&header.date),
        file.notes.len(),
        count(Status::Open),
        count(Status::Confirmed),
        count(Status::Dismissed)
    );
    out.push_str("## By category\n\n| category | open | confirmed | dismissed | total |\n|---|---|---|---|---|\n");
    for &c in Category::ALL {
        let notes: Vec<&Note> = file.notes.iter().filter(|n| n.category == c).collect();
        if notes.is_empty() {
            continue;
        }
        let count = |s: Status| notes.iter().filter(|n| n.status == s).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.label(),
            count(Status::Open),
            count(Status::Confirmed),
            count(Status::Dismissed),
            notes.len()
        );
    }
    let order = if report.titles.is_some() {
        "in the order of the left article"
    } else {
        "in the order they were taken"
    };
    let _ = writeln!(out, "\n## Notes\n\n*{order}*");
    for (i, item) in report.items.iter().enumerate() {
        let n = item.note;
        let [l, r] = &item.sides;
        let _ = writeln!(
            out,
            "\n### {}. {} — {}\n",
            i + 1,
            n.category.label(),
            n.status.id()
        );
        let _ = writeln!(
            out,
            "Left: {} · Right: {}\n",
            markdown_inline(&l.position),
            markdown_inline(&r.position)
        );
        if !item.remark.is_empty() {
            let _ = writeln!(out, "**Reviewer:** {}\n", markdown_block(&item.remark));
        }
        if let Some(s) = &item.suggestion {
            let _ = writeln!(out, "**Suggested by tandem:** {}\n", markdown_inline(s));
        }
        for (label, side) in [("Left", l), ("Right", r)] {
            let text = if side.absent {
                "(not in this article)".to_string()
            } else {
                md_context(side)
            };
            let _ = writeln!(out, "> **{label}:** {text}");
            if label == "Left" {
                out.push_str(">\n");
            }
        }
    }
    out
}

/// A side's context as plain text, the tagged words between ⟦ ⟧.
fn plain_context(side: &Placed) -> String {
    let [before, tagged, after] = &side.context;
    if side.whole() {
        tagged.clone()
    } else {
        format!("{before}⟦{}⟧{after}", tagged.trim())
    }
}

const CSV_COLUMNS: [&str; 27] = [
    "number",
    "id",
    "category",
    "status",
    "reviewer_note",
    "suggestion",
    "left_paragraph",
    "left_sentence",
    "left_context",
    "left_quote",
    "left_start",
    "left_end",
    "right_paragraph",
    "right_sentence",
    "right_context",
    "right_quote",
    "right_start",
    "right_end",
    "orphaned",
    "created",
    "updated",
    "left_title",
    "left_path",
    "right_title",
    "right_path",
    "reviewer",
    "date",
];

fn csv(report: &Report, header: &Header) -> String {
    let file = report.file;
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    let [lt, rt] = report.titles.clone().unwrap_or_default();
    let num = |v: Option<usize>| v.map_or(String::new(), |v| v.to_string());
    for (i, item) in report.items.iter().enumerate() {
        let n = item.note;
        let side = |s: &Placed, a: Option<&Anchor>| {
            let context = if s.absent {
                String::new()
            } else {
                plain_context(s)
            };
            [
                num(s.paragraph),
                num(s.sentence),
                context,
                a.map_or(String::new(), |a| a.exact.clone()),
                num(s.start),
                num(s.end),
            ]
        };
        let mut row = vec![
            (i + 1).to_string(),
            n.id.clone(),
            n.category.id().into(),
            n.status.id().into(),
            item.remark.clone(),
            item.suggestion.clone().unwrap_or_default(),
        ];
        row.extend(side(&item.sides[0], n.left.as_ref()));
        row.extend(side(&item.sides[1], n.right.as_ref()));
        row.extend([
            n.is_orphan().to_string(),
            n.created.clone(),
            n.updated.clone(),
            lt.clone(),
            file.left.path.clone(),
            rt.clone(),
            file.right.path.clone(),
            header.reviewer.clone().unwrap_or_default(),
            header.date.clone(),
        ]);
        out.push_str(
            &row.iter()
                .map(|v| csv_cell(v))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

fn anchor_json(a: Option<&Anchor>, orphan: bool) -> Value {
    match a {
        None => Value::Null,
        Some(a) => {
            json!({"quote": a.exact, "prefix": a.prefix, "suffix": a.suffix, "start": a.start, "end": a.end, "orphaned": orphan})
        }
    }
}

fn json_value(file: &NotesFile) -> Value {
    let notes: Vec<Value> = file
        .notes
        .iter()
        .map(|n| {
            json!({
                "id": n.id, "category": n.category.id(), "status": n.status.id(), "text": n.text,
                "created": n.created, "updated": n.updated,
                "left": anchor_json(n.left.as_ref(), n.orphaned[0]),
                "right": anchor_json(n.right.as_ref(), n.orphaned[1]),
            })
        })
        .collect();
    json!({"left": file.left, "right": file.right, "notes": notes})
}

/// A W3C Web Annotation `AnnotationCollection` (JSON-LD) with the first page
/// embedded. Each annotation targets each article it quotes, with a
/// TextQuoteSelector and a TextPositionSelector in code points.
fn w3c(file: &NotesFile) -> Value {
    let source = |doc: &super::Article| format!("urn:x-tandem:sha256:{}", doc.sha256);
    let items: Vec<Value> = file
        .notes
        .iter()
        .map(|n| {
            let targets: Vec<Value> = [(&file.left, n.left.as_ref()), (&file.right, n.right.as_ref())]
                .into_iter()
                .filter_map(|(doc, a)| {
                    a.map(|a| {
                        json!({
                            "source": source(doc),
                            "tandem:path": doc.path,
                            "selector": [
                                {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
                                {"type": "TextPositionSelector", "start": a.char_start, "end": a.char_end},
                            ],
                        })
                    })
                })
                .collect();
            json!({
                "id": format!("urn:x-tandem:note:{}", n.id),
                "type": "Annotation",
                "motivation": "assessing",
                "created": n.created,
                "modified": n.updated,
                "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": n.category.id()},
                    {"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": n.text},
                ],
                "target": targets,
                "tandem:status": n.status.id(),
            })
        })
        .collect();
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"tandem": "urn:x-tandem:vocab#"}],
        "id": format!("urn:x-tandem:collection:{}-{}", &file.left.sha256[..file.left.sha256.len().min(16)], &file.right.sha256[..file.right.sha256.len().min(16)]),
        "type": "AnnotationCollection",
        "label": format!("tandem review: {} vs {}", file.left.path, file.right.path),
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::{Article, store::sha256_hex};

    fn file() -> NotesFile {
        let left = "Zelensky’s office: “Vovchansk held.”";
        let right = "=HYPERLINK(\"x\") Vovshansk fell.";
        let at = |t: &str, q: &str| Anchor::of_quote(t, q).expect("the quote is in the text");
        NotesFile {
            version: 1,
            left: Article {
                path: "wire.txt".into(),
                sha256: sha256_hex(left),
            },
            right: Article {
                path: "rewrite.txt".into(),
                sha256: sha256_hex(right),
            },
            notes: vec![Note {
                id: "abc".into(),
                category: Category::Name,
                text: "-misspelt, \"Vovshansk\"\nsecond line".into(),
                status: Status::Open,
                created: "2026-11-22T08:00:00Z".into(),
                updated: "2026-11-22T08:05:00Z".into(),
                left: Some(at(left, "Vovchansk")),
                right: Some(at(right, "=HYPERLINK(\"x\") Vovshansk")),
                suggestion: None,
                conflict: None,
                orphaned: [false; 2],
            }],
            rejected: Vec::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        let out = render(&file(), Format::Csv);
        // Rows end in a line feed: a carriage return is a control character.
        assert!(!out.contains('\r'));
        let row = &out[out.find('\n').expect("the CSV has a header line") + 1..];
        assert!(
            row.contains("\"'-misspelt, \"\"Vovshansk\"\"\nsecond line\""),
            "{row}"
        );
        assert!(
            row.contains("\"'=HYPERLINK(\"\"x\"\") Vovshansk\""),
            "{row}"
        );
        assert!(
            out.starts_with("number,id,category,status,reviewer_note,suggestion,left_paragraph,")
        );
    }

    #[test]
    fn w3c_has_required_keys_and_code_point_offsets() {
        let v: Value =
            serde_json::from_str(&render(&file(), Format::W3c)).expect("the output is valid JSON");
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["total"], 1);
        let a = &v["first"]["items"][0];
        assert_eq!(a["type"], "Annotation");
        assert!(
            a["id"]
                .as_str()
                .expect("the id is a string")
                .starts_with("urn:")
        );
        assert_eq!(a["body"][0]["value"], "name");
        let left = &a["target"][0];
        assert_eq!(left["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(left["selector"][0]["exact"], "Vovchansk");
        // "Zelensky’s office: “" is 20 code points but 24 bytes.
        assert_eq!(
            left["selector"][1],
            json!({"type": "TextPositionSelector", "start": 20, "end": 29})
        );
        let text: Vec<char> = "Zelensky’s office: “Vovchansk held.”".chars().collect();
        assert_eq!(text[20..29].iter().collect::<String>(), "Vovchansk");
    }

    #[test]
    fn markdown_has_articles_counts_and_block_quotes() {
        let out = render(&file(), Format::Markdown);
        assert!(out.contains("| file | wire.txt | rewrite.txt |"), "{out}");
        assert!(out.contains("| name spelling or identity | 1 | 0 | 0 | 1 |"));
        assert!(out.contains("### 1. name spelling or identity — open"));
        assert!(
            out.contains("> **Left:** …Zelensky’s office: “**Vovchansk** held.”…"),
            "{out}"
        );
        assert!(
            out.contains("> **Right:** **=HYPERLINK(\"x\") Vovshansk** fell.…"),
            "{out}"
        );
    }

    #[test]
    fn json_has_resolved_quotes() {
        let v: Value =
            serde_json::from_str(&render(&file(), Format::Json)).expect("the output is valid JSON");
        assert_eq!(v["notes"][0]["left"]["quote"], "Vovchansk");
        assert_eq!(v["notes"][0]["category"], "name");
    }
}
