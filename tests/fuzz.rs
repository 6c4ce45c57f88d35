//! Fuzzing with proptest (cargo-fuzz needs a nightly toolchain): the notes
//! file parser, the article loader, re-anchoring, the segmenter and the
//! aligner get bytes and texts mutated at random from real ones, a fixed
//! number of cases per run (`TANDEM_FUZZ_CASES` multiplies them), with a
//! fixed seed so that CI is repeatable. Nothing may panic, and what comes
//! back must be consistent.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tandem::core::Category;
use tandem::core::compare::Comparison;
use tandem::core::document::{Document, decode};
use tandem::core::notes::export::{self, Format};
use tandem::core::notes::notebook::Notebook;
use tandem::core::notes::{Anchor, store};

const LEFT: &str = include_str!("../assets/samples/kremlin-talks-original.txt");
const RIGHT: &str = include_str!("../assets/samples/kremlin-talks-rewrite.txt");

/// Runs `test` on `cases` (times `TANDEM_FUZZ_CASES`) values of `strategy`.
fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let factor: u32 = std::env::var("TANDEM_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1);
    let cases = cases.saturating_mul(factor);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    runner
        .run(&strategy, test)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    eprintln!("fuzz {name}: {cases} cases, no finding");
}

/// One edit of a byte string: cut a range, copy one elsewhere, insert
/// bytes that matter (controls, UTF-8 fragments, JSON syntax, big numbers).
#[derive(Debug, Clone)]
enum Mutation {
    Cut(prop::sample::Index, usize),
    Copy(prop::sample::Index, usize, prop::sample::Index),
    Insert(prop::sample::Index, Vec<u8>),
    Flip(prop::sample::Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(vec![
        &b"\x00"[..],
        b"\x1b[2J",
        b"\x1b]0;t\x07",
        b"\xc2\x9b",
        b"\xe2\x80\xae",
        b"\xff",
        b"\xc3",
        b"\xe6\x9d",
        b"\r\n",
        b"\n\n",
        b". ",
        b"\"",
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b"null",
        b"18446744073709551615",
        b"-1",
        b"1e309",
        b"\"start\": 99999999,",
        b"\"end\": 0,",
        b"\\u0000",
        b"\\ud800",
        b"Mr. ",
        b"\xef\xbb\xbf",
    ])
    .prop_map(<[u8]>::to_vec);
    prop_oneof![
        (any::<prop::sample::Index>(), 0usize..400).prop_map(|(at, n)| Mutation::Cut(at, n)),
        (
            any::<prop::sample::Index>(),
            0usize..400,
            any::<prop::sample::Index>()
        )
            .prop_map(|(at, n, to)| Mutation::Copy(at, n, to)),
        (
            any::<prop::sample::Index>(),
            prop_oneof![interesting, prop::collection::vec(any::<u8>(), 1..8)]
        )
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        match m {
            Mutation::Cut(at, n) if len > 0 => {
                let s = at.index(len);
                bytes.drain(s..(s + n).min(len));
            }
            Mutation::Copy(at, n, to) if len > 0 => {
                let s = at.index(len);
                let piece = bytes[s..(s + n).min(len)].to_vec();
                let t = to.index(len + 1);
                bytes.splice(t..t, piece);
            }
            Mutation::Insert(at, b) => {
                let t = at.index(len + 1);
                bytes.splice(t..t, b.iter().copied());
            }
            Mutation::Flip(at, b) if len > 0 => bytes[at.index(len)] = *b,
            _ => {}
        }
    }
    bytes
}

/// A real notes file on the sample pair: notes on a sentence, a few words,
/// a unique passage, and an orphan-to-be.
fn notes_bytes() -> Vec<u8> {
    let dir = tempfile::TempDir::with_prefix("tandem-fuzz-").unwrap();
    let path = dir.path().join("seed.json");
    let (l, r) = (
        Document::parse("l.txt", LEFT),
        Document::parse("r.txt", RIGHT),
    );
    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let at = |t: &str, q: &str| Anchor::of_quote(t, q);
    book.add(
        Category::Name,
        "Vovchansk / Vovshansk".into(),
        at(LEFT, "Vovchansk"),
        at(RIGHT, "Vovshansk"),
    );
    book.add(
        Category::Other,
        "=cmd|' /C calc'!A0\n\"quoted\"".into(),
        at(LEFT, "Critical Diplomacy at the Kremlin"),
        None,
    );
    book.add(
        Category::Date,
        "two sentences".into(),
        at(LEFT, "Russian President Vladimir Putin will meet"),
        at(RIGHT, "Russian President"),
    );
    book.save(&l, &r).unwrap();
    std::fs::read(&path).unwrap()
}

/// Whatever a parsed notes file holds, placing its notes in (mutated)
/// articles and exporting them works and stays consistent.
fn use_notes(file: tandem::core::notes::NotesFile, left: &str) -> Result<(), TestCaseError> {
    for note in &file.notes {
        for anchor in [&note.left, &note.right].into_iter().flatten() {
            if let Some(found) = anchor.locate(left) {
                prop_assert!(found.start <= found.end && found.end <= left.len());
                prop_assert_eq!(&left[found.start..found.end], found.exact.as_str());
            }
        }
    }
    for format in [Format::Markdown, Format::Csv, Format::Json, Format::W3c] {
        let _ = export::render(&file, format);
    }
    Ok(())
}

#[test]
fn fuzz_the_notes_file_parser() {
    let seed = notes_bytes();
    fuzz(
        "notes parser (mutated real file)",
        3000,
        prop::collection::vec(mutation(), 1..6),
        |mutations| {
            if let Ok(file) = store::parse(&mutate(seed.clone(), &mutations)) {
                use_notes(file, LEFT)?;
            }
            Ok(())
        },
    );
    fuzz(
        "notes parser (random bytes)",
        3000,
        prop::collection::vec(any::<u8>(), 0..300),
        |bytes| {
            if let Ok(file) = store::parse(&bytes) {
                use_notes(file, LEFT)?;
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_the_article_loader_and_segmenter() {
    fuzz(
        "article loader + segmenter (mutated real article)",
        1500,
        prop::collection::vec(mutation(), 1..8),
        |mutations| {
            let bytes = mutate(LEFT.as_bytes().to_vec(), &mutations);
            match decode(bytes.clone(), "a.txt") {
                Ok(text) => {
                    prop_assert!(!bytes.contains(&0));
                    let doc = Document::parse("a.txt", text);
                    let mut previous = 0;
                    for s in &doc.sentences {
                        prop_assert!(
                            previous <= s.start && s.start <= s.end && s.end <= doc.text.len()
                        );
                        prop_assert!(
                            doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end)
                        );
                        previous = s.end;
                    }
                }
                Err(e) => prop_assert_eq!(e.to_string().lines().count(), 1),
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_the_aligner_and_reanchoring_on_mutated_articles() {
    let strategy = (
        prop::collection::vec(mutation(), 0..6),
        prop::collection::vec(mutation(), 0..6),
        any::<prop::sample::Index>(),
        1usize..200,
    );
    fuzz(
        "aligner + re-anchoring (mutated sample pair)",
        100,
        strategy,
        |(ml, mr, at, len)| {
            let lossy = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
            let (left, right) = (
                lossy(mutate(LEFT.as_bytes().to_vec(), &ml)),
                lossy(mutate(RIGHT.as_bytes().to_vec(), &mr)),
            );
            let cmp = Comparison::new(
                Document::parse("l", left.clone()),
                Document::parse("r", right),
            );
            for l in &cmp.links {
                prop_assert!(
                    l.link.left.end <= cmp.left.sentences.len()
                        && l.link.right.end <= cmp.right.sentences.len()
                );
                prop_assert!((0.0..=1.0).contains(&l.link.score));
            }
            // A note taken on the original, placed in the mutated text.
            let start = at.index(LEFT.len());
            let anchor = Anchor::new(LEFT, start, start + len);
            if let Some(found) = anchor.locate(&left) {
                prop_assert_eq!(&left[found.start..found.end], found.exact.as_str());
            }
            Ok(())
        },
    );
}
