//! Handing notes on: a Markdown report for an editor, CSV for a
//! spreadsheet, JSON for scripts, and a W3C Web Annotation collection for
//! annotation tools.

use std::fmt::Write;

use serde_json::{Value, json};

use super::{Anchor, Category, Note, NotesFile, Status};

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

pub fn render(file: &NotesFile, format: Format) -> String {
    match format {
        Format::Markdown => markdown(file),
        Format::Csv => csv(file),
        Format::Json => serde_json::to_string_pretty(&json_value(file)).expect("plain data") + "\n",
        Format::W3c => serde_json::to_string_pretty(&w3c(file)).expect("plain data") + "\n",
    }
}

/// A quote as a Markdown block quote, every line prefixed.
fn block_quote(label: &str, anchor: Option<&Anchor>, orphan: bool) -> String {
    match anchor {
        None => format!("> **{label}:** (not in this article)\n"),
        Some(a) => {
            let flag = if orphan { " (could not be found in the current text; stored quote)" } else { "" };
            let mut out = format!("> **{label}{flag}:**\n");
            for line in a.exact.lines() {
                let _ = writeln!(out, "> {line}");
            }
            out
        }
    }
}

fn markdown(file: &NotesFile) -> String {
    let mut out = String::from("# Review notes\n\n");
    let _ = writeln!(out, "- Left: `{}` (sha256 `{}`)", file.left.path, file.left.sha256);
    let _ = writeln!(out, "- Right: `{}` (sha256 `{}`)", file.right.path, file.right.sha256);
    let _ = writeln!(out, "- Notes: {}\n", file.notes.len());
    out.push_str("## By category\n\n| category | open | confirmed | dismissed | total |\n|---|---|---|---|---|\n");
    for c in Category::ALL {
        let notes: Vec<&Note> = file.notes.iter().filter(|n| n.category == c).collect();
        if notes.is_empty() {
            continue;
        }
        let count = |s: Status| notes.iter().filter(|n| n.status == s).count();
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", c.label(), count(Status::Open), count(Status::Confirmed), count(Status::Dismissed), notes.len());
    }
    out.push_str("\n## Notes\n");
    for (i, n) in file.notes.iter().enumerate() {
        let _ = writeln!(out, "\n### {}. {} — {}\n", i + 1, n.category.label(), n.status.id());
        if !n.text.is_empty() {
            let _ = writeln!(out, "{}\n", n.text);
        }
        out.push_str(&block_quote("Left", n.left.as_ref(), n.orphaned[0]));
        out.push('\n');
        out.push_str(&block_quote("Right", n.right.as_ref(), n.orphaned[1]));
    }
    out
}

/// One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
/// leading apostrophe so that it stays text.
fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn csv(file: &NotesFile) -> String {
    let mut out = String::new();
    let header = [
        "id", "category", "status", "text", "left_quote", "left_start", "left_end", "right_quote", "right_start", "right_end", "orphaned", "created", "updated",
    ];
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for n in &file.notes {
        let quote = |a: Option<&Anchor>| a.map_or((String::new(), String::new(), String::new()), |a| (a.exact.clone(), a.start.to_string(), a.end.to_string()));
        let (lq, ls, le) = quote(n.left.as_ref());
        let (rq, rs, re) = quote(n.right.as_ref());
        let row = [
            n.id.clone(),
            n.category.id().into(),
            n.status.id().into(),
            n.text.clone(),
            lq,
            ls,
            le,
            rq,
            rs,
            re,
            n.is_orphan().to_string(),
            n.created.clone(),
            n.updated.clone(),
        ];
        out.push_str(&row.iter().map(|v| cell(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn anchor_json(a: Option<&Anchor>, orphan: bool) -> Value {
    match a {
        None => Value::Null,
        Some(a) => json!({"quote": a.exact, "prefix": a.prefix, "suffix": a.suffix, "start": a.start, "end": a.end, "orphaned": orphan}),
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
            left: Article { path: "wire.txt".into(), sha256: sha256_hex(left) },
            right: Article { path: "rewrite.txt".into(), sha256: sha256_hex(right) },
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
        }
    }

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        let out = render(&file(), Format::Csv);
        let row = out.split("\r\n").nth(1).unwrap();
        assert!(row.contains("\"'-misspelt, \"\"Vovshansk\"\"\nsecond line\""), "{row}");
        assert!(row.contains("\"'=HYPERLINK(\"\"x\"\") Vovshansk\""), "{row}");
        assert!(out.starts_with("id,category,status,text,"));
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn w3c_has_required_keys_and_code_point_offsets() {
        let v: Value = serde_json::from_str(&render(&file(), Format::W3c)).unwrap();
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["total"], 1);
        let a = &v["first"]["items"][0];
        assert_eq!(a["type"], "Annotation");
        assert!(a["id"].as_str().unwrap().starts_with("urn:"));
        assert_eq!(a["body"][0]["value"], "name");
        let left = &a["target"][0];
        assert_eq!(left["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(left["selector"][0]["exact"], "Vovchansk");
        // "Zelensky’s office: “" is 20 code points but 24 bytes.
        assert_eq!(left["selector"][1], json!({"type": "TextPositionSelector", "start": 20, "end": 29}));
        let text: Vec<char> = "Zelensky’s office: “Vovchansk held.”".chars().collect();
        assert_eq!(text[20..29].iter().collect::<String>(), "Vovchansk");
    }

    #[test]
    fn markdown_has_articles_counts_and_block_quotes() {
        let out = render(&file(), Format::Markdown);
        assert!(out.contains("`wire.txt`") && out.contains("`rewrite.txt`"));
        assert!(out.contains("| name spelling or identity | 1 | 0 | 0 | 1 |"));
        assert!(out.contains("### 1. name spelling or identity — open"));
        assert!(out.contains("> Vovchansk") && out.contains("> =HYPERLINK"));
    }

    #[test]
    fn json_has_resolved_quotes() {
        let v: Value = serde_json::from_str(&render(&file(), Format::Json)).unwrap();
        assert_eq!(v["notes"][0]["left"]["quote"], "Vovchansk");
        assert_eq!(v["notes"][0]["category"], "name");
    }
}
