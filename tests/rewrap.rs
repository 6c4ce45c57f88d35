//! Issue 27, break 8: notes survive an article re-wrapped at another width,
//! re-indented or given CRLF line ends, each on the passage it was written
//! on. Re-wrapping is the commonest edit a mail client or an editor makes,
//! and it changes no word.
//!
//! Property: on real texts (the sample pair, the factcc articles, a long
//! licence, and the fables of the alignment set when they sit beside the
//! repository), a note on any run of words is placed again after any
//! re-layout on exactly the same words; and the reverse (a note taken on
//! the wrapped text, the article unwrapped again). Then the binary: notes
//! exported after the article on disk was re-wrapped are all in place.

use std::path::Path;

use assert_cmd::Command;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::Anchor;
use tandem::core::notes::notebook::Notebook;
use tempfile::TempDir;

fn real_texts() -> Vec<(String, String)> {
    let mut paths: Vec<std::path::PathBuf> = [
        "assets/samples/kremlin-talks-original.txt",
        "assets/samples/kremlin-talks-rewrite.txt",
        "tests/data/factcc/en.txt",
        "tests/data/factcc/de.txt",
        "tests/data/factcc/fr.txt",
        "tests/data/factcc/es.txt",
        "tests/data/licence/GPL-3.txt",
    ]
    .iter()
    .map(Into::into)
    .collect();
    if let Ok(dir) = std::fs::read_dir(Path::new("../shared/data/gnat-aesop-dev")) {
        let mut fables: Vec<_> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        fables.sort();
        paths.extend(fables);
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

/// How an article is laid out again: every line folded at `width`
/// columns (as `fold -s` does), each line indented by `indent` spaces (or
/// a tab), line ends CRLF or not.
#[derive(Debug, Clone, Copy)]
struct Layout {
    width: usize,
    indent: usize,
    tab: bool,
    crlf: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (30usize..=120, 0usize..=8, any::<bool>(), any::<bool>()).prop_map(
        |(width, indent, tab, crlf)| Layout {
            width,
            indent,
            tab,
            crlf,
        },
    )
}

/// `text` laid out again: the same words in the same order, each original
/// line folded at the width, blank lines kept.
fn relayout(text: &str, l: Layout) -> String {
    let indent = if l.tab {
        "\t".to_string()
    } else {
        " ".repeat(l.indent)
    };
    let end = if l.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > l.width {
                out.push_str(&indent);
                out.push_str(&current);
                out.push_str(end);
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            out.push_str(&indent);
            out.push_str(&current);
        }
        out.push_str(end);
    }
    out
}

/// The byte spans of the words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Notes on words `first..=last` of `old` are placed on the same words of
/// `new` (which has the same words, laid out otherwise).
fn same_place(old: &str, new: &str, first: usize, last: usize) -> Result<(), TestCaseError> {
    let (before, after) = (words(old), words(new));
    prop_assert_eq!(before.len(), after.len(), "a re-layout keeps every word");
    let anchor = Anchor::new(old, before[first].0, before[last].1);
    let placed = anchor.locate(new);
    prop_assert!(
        placed.is_some(),
        "orphaned: {:?} (words {}..={})",
        anchor.exact,
        first,
        last
    );
    let placed = placed.unwrap();
    let expected = (after[first].0, after[last].1);
    prop_assert_eq!(
        (placed.start, placed.end),
        expected,
        "{:?} placed on {:?}, not on {:?}",
        anchor.exact,
        placed.exact,
        &new[expected.0..expected.1]
    );
    Ok(())
}

#[test]
fn notes_stay_on_their_words_when_an_article_is_laid_out_again() {
    let texts = real_texts();
    let cases: u32 = std::env::var("TANDEM_PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(400);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let strategy = (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        1usize..=12,
        layout(),
        any::<bool>(),
    );
    runner
        .run(&strategy, |(which, at, length, l, wrapped_first)| {
            let (_, text) = &texts[which.index(texts.len())];
            let laid_out = relayout(text, l);
            // Either way round: the note taken before or after the re-wrap.
            let (old, new) = if wrapped_first {
                (laid_out.as_str(), text.as_str())
            } else {
                (text.as_str(), laid_out.as_str())
            };
            let count = words(old).len();
            let first = at.index(count);
            let last = (first + length - 1).min(count - 1);
            same_place(old, new, first, last)
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The issue's own widths, every sentence of the sample pair noted.
#[test]
fn every_sentence_of_the_sample_survives_30_38_and_50_columns_and_crlf() {
    for path in [
        "assets/samples/kremlin-talks-original.txt",
        "assets/samples/kremlin-talks-rewrite.txt",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = Document::parse(path, text.as_str());
        for width in [30, 38, 50] {
            for crlf in [false, true] {
                let new = relayout(
                    &text,
                    Layout {
                        width,
                        indent: 0,
                        tab: false,
                        crlf,
                    },
                );
                for s in &doc.sentences {
                    let anchor = Anchor::new(&doc.text, s.start, s.end);
                    let placed = anchor.locate(&new).unwrap_or_else(|| {
                        panic!("{path} at {width} columns: orphaned {:?}", anchor.exact)
                    });
                    let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(squeeze(&placed.exact), squeeze(&anchor.exact));
                }
            }
        }
    }
}

/// The binary: six notes on the sample pair; the left article is re-wrapped
/// at 30 columns with CRLF line ends on disk, the right one at 38 and
/// indented; the export places every note, none orphaned, each on its words.
#[test]
fn the_export_places_every_note_after_the_articles_were_rewrapped() {
    let dir = TempDir::with_prefix("tandem-rewrap-").unwrap();
    let names = ["l.txt", "r.txt"];
    let texts = [
        std::fs::read_to_string("assets/samples/kremlin-talks-original.txt").unwrap(),
        std::fs::read_to_string("assets/samples/kremlin-talks-rewrite.txt").unwrap(),
    ];
    for (name, text) in names.iter().zip(&texts) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let notes = dir.path().join("notes.json");
    let load = |name: &str| Document::load(dir.path().join(name).to_str().unwrap()).unwrap();
    let (l, r) = (load(names[0]), load(names[1]));
    let mut book = Notebook::open(&notes, &l, &r).unwrap();
    let quotes = [
        ("Vovchansk", "Vovshansk"),
        ("Jared Kushner, Donald Trump’s son-in-law", "Jared Kushner"),
        ("Dmitry Peskov", "Zelensky"),
        ("territorial concessions", "give up land"),
        ("strong optimism", "growing optimism"),
        (
            "Steve Witkoff in Moscow on Tuesday",
            "Steve Witkoff in Moscow",
        ),
    ];
    for (left, right) in quotes {
        let at = |d: &Document, q: &str| Anchor::of_quote(&d.text, q).expect("the quote is there");
        book.add(
            Category::Other,
            left.into(),
            Some(at(&l, left)),
            Some(at(&r, right)),
        );
    }
    book.save(&l, &r).unwrap();
    let layouts = [
        Layout {
            width: 30,
            indent: 0,
            tab: false,
            crlf: true,
        },
        Layout {
            width: 38,
            indent: 4,
            tab: false,
            crlf: false,
        },
    ];
    for ((name, text), l) in names.iter().zip(&texts).zip(layouts) {
        std::fs::write(dir.path().join(name), relayout(text, l)).unwrap();
    }
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .current_dir(dir.path())
        .args(["export", "notes.json", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let exported = json["notes"].as_array().unwrap();
    assert_eq!(exported.len(), quotes.len());
    let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for (note, (left, right)) in exported.iter().zip(quotes) {
        for (side, quote) in [("left", left), ("right", right)] {
            let a = &note[side];
            assert_eq!(a["orphaned"], false, "{side} of {left:?}: {note}");
            assert_eq!(squeeze(a["quote"].as_str().unwrap()), quote, "{note}");
        }
    }
}
