//! `tandem align --format json`: the stable contract of `docs/align-json.md`.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::core::compare::Comparison;
use crate::core::document::Document;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    left: Article<'a>,
    right: Article<'a>,
    links: Vec<Link<'a>>,
    omissions: Vec<Omission<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Article<'a> {
    path: &'a str,
    /// What the file was read as: plain, markdown, html, docx, odt.
    format: &'static str,
    /// What positions refer to: "file" (the file's bytes) or "extracted"
    /// (the text `tandem text` prints).
    offsets: &'static str,
    /// Word or OpenDocument with tracked changes: the accepted text is read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    tracked_changes: bool,
    language: Language,
    sentences: Vec<Sentence>,
}

/// Which language the article is in, and whether word lists for it ran.
#[derive(Serialize)]
struct Language {
    code: &'static str,
    name: &'static str,
    word_lists: bool,
}

#[derive(Serialize)]
struct Sentence {
    start: usize,
    end: usize,
    paragraph: usize,
    heading: bool,
}

#[derive(Serialize)]
struct Link<'a> {
    left: Vec<usize>,
    right: Vec<usize>,
    kind: &'static str,
    score: f64,
    moved: bool,
    changes: Vec<Change>,
    discrepancies: Vec<Discrepancy<'a>>,
}

#[derive(Serialize)]
struct Change {
    op: &'static str,
    left: Option<[usize; 2]>,
    right: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct Discrepancy<'a> {
    category: &'static str,
    left: Option<[usize; 2]>,
    right: Option<[usize; 2]>,
    left_text: &'a str,
    right_text: &'a str,
    explanation: &'a str,
}

#[derive(Serialize)]
struct Omission<'a> {
    category: &'static str,
    side: &'static str,
    text: &'a str,
    at: [usize; 2],
}

#[derive(Serialize)]
struct Summary {
    aligned: usize,
    divergent: usize,
    unique_left: usize,
    unique_right: usize,
}

fn side(doc: &Document) -> Article<'_> {
    let language = doc.language;
    Article {
        path: &doc.name,
        format: doc.format.id(),
        offsets: if doc.format.keeps_file_offsets() { "file" } else { "extracted" },
        tracked_changes: doc.tracked_changes,
        language: Language { code: language.code, name: language.name, word_lists: language.lexicon().has_lists() },
        sentences: doc
            .sentences
            .iter()
            .map(|s| Sentence { start: s.start, end: s.end, paragraph: s.paragraph, heading: s.heading })
            .collect(),
    }
}

/// Renders the comparison as the contract's JSON object (pretty-printed).
pub fn render(cmp: &Comparison) -> String {
    serde_json::to_string_pretty(&output(cmp)).expect("plain data always serialises")
}

/// Writes [`render`]'s object and a line end to `out` as it is serialised:
/// the JSON of a long pair is about ten times the size of its articles, and
/// need not be held in memory.
pub fn write(cmp: &Comparison, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &output(cmp))?;
    out.write_all(b"\n")?;
    out.flush()
}

fn output(cmp: &Comparison) -> Output<'_> {
    let links = cmp
        .links
        .iter()
        .map(|l| Link {
            left: l.link.left.clone().collect(),
            right: l.link.right.clone().collect(),
            kind: l.kind.as_str(),
            // Four decimals are plenty for people and keep the output stable.
            score: (f64::from(l.link.score) * 1e4).round() / 1e4,
            moved: l.link.moved,
            changes: l
                .diff
                .changes
                .iter()
                .map(|c| Change {
                    op: c.op.as_str(),
                    left: l.diff.left_span(&c.left).map(|(s, e)| [s, e]),
                    right: l.diff.right_span(&c.right).map(|(s, e)| [s, e]),
                })
                .collect(),
            discrepancies: l
                .discrepancies
                .iter()
                .map(|d| Discrepancy {
                    category: d.category.id(),
                    left: d.left.map(|(s, e)| [s, e]),
                    right: d.right.map(|(s, e)| [s, e]),
                    left_text: &d.left_text,
                    right_text: &d.right_text,
                    explanation: &d.explanation,
                })
                .collect(),
        })
        .collect();
    let s = cmp.summary();
    Output {
        version: 1,
        left: side(&cmp.left),
        right: side(&cmp.right),
        links,
        omissions: cmp
            .omissions
            .iter()
            .map(|o| Omission { category: o.category.id(), side: o.side.name(), text: &o.text, at: [o.at.0, o.at.1] })
            .collect(),
        summary: Summary { aligned: s.aligned, divergent: s.divergent, unique_left: s.unique_left, unique_right: s.unique_right },
    }
}
