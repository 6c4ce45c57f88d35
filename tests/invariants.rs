//! Promises that always hold, checked on real texts (the bundled sample,
//! the fables of the alignment set, a long licence) and on random ones:
//!
//! - identity: an article against itself links every sentence to itself,
//!   all aligned, with no discrepancy, no omission and nothing unique;
//! - layout: against a copy re-wrapped, re-indented, with CRLF line ends or
//!   blank lines between paragraphs, likewise;
//! - symmetry: B against A mirrors A against B.

use std::path::Path;

use proptest::prelude::*;
use tandem::core::align::{Alignment, Link};
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind;
use tandem::core::document::Document;
use tandem::core::tokens::PairTokens;

/// The real texts: the sample pair, a long licence, and the fables of the
/// alignment set when it sits beside the repository.
fn real_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in [
        "assets/samples/kremlin-talks-original.txt",
        "assets/samples/kremlin-talks-rewrite.txt",
        "tests/data/licence/GPL-3.txt",
    ] {
        out.push((path.to_string(), std::fs::read_to_string(path).unwrap()));
    }
    // The fables of the alignment set and the review cases' plain texts,
    // when they sit beside the repository.
    for data in [
        "../shared/data/gnat-aesop-dev",
        "../shared/data/review-cases",
    ] {
        let Ok(dir) = std::fs::read_dir(Path::new(data)) else {
            continue;
        };
        let mut paths: Vec<_> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        out.extend(paths.into_iter().map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        }));
    }
    out
}

/// What must hold when the two sides say the same thing: every link aligned
/// without discrepancy, no omission, nothing unique, and each link joins
/// sentences with the same words.
fn assert_same(cmp: &Comparison, what: &str) -> Result<(), TestCaseError> {
    let words = |doc: &Document, r: &std::ops::Range<usize>| -> Vec<String> {
        doc.text[doc.sentences[r.start].start..doc.sentences[r.end - 1].end]
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    for l in &cmp.links {
        prop_assert_eq!(l.kind, Kind::Aligned, "{}: {:?}", what, l.discrepancies);
        prop_assert!(
            l.discrepancies.is_empty(),
            "{}: {:?}",
            what,
            l.discrepancies
        );
        prop_assert_eq!(
            words(&cmp.left, &l.link.left),
            words(&cmp.right, &l.link.right),
            "{}",
            what
        );
    }
    prop_assert!(
        cmp.omissions.is_empty(),
        "{}: omissions {:?}",
        what,
        cmp.omissions
    );
    let s = cmp.summary();
    prop_assert_eq!(
        (s.unique_left, s.unique_right),
        (0, 0),
        "{}: unique sentences",
        what
    );
    Ok(())
}

fn identity(name: &str, text: &str) -> Result<(), TestCaseError> {
    let cmp = Comparison::new(Document::parse("a", text), Document::parse("b", text));
    assert_same(&cmp, name)?;
    for l in &cmp.links {
        prop_assert_eq!(
            &l.link.left,
            &l.link.right,
            "{}: a sentence linked to another",
            name
        );
        prop_assert_eq!(
            l.link.left.len(),
            1,
            "{}: identical sentences are linked one to one",
            name
        );
    }
    Ok(())
}

/// The text's paragraphs (as tandem reads them), each re-wrapped at `width`
/// columns with `indent` before every line, separated by blank lines, with
/// line ends `eol`.
fn relayout(text: &str, width: usize, indent: &str, eol: &str) -> String {
    let doc = Document::parse("x", text);
    let mut paragraphs = Vec::new();
    for p in &doc.paragraphs {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text[p.start..p.end].split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
        paragraphs.push(
            lines
                .iter()
                .map(|l| format!("{indent}{l}"))
                .collect::<Vec<_>>()
                .join(eol),
        );
    }
    paragraphs.join(&format!("{eol}{eol}"))
}

/// Blank lines between paragraphs, CRLF line ends, and paragraphs re-wrapped
/// and re-indented. The paragraph split of the blank-line version is the
/// reference: a one-paragraph-per-line text only keeps its paragraphs when
/// re-wrapped if blank lines separate them.
fn layouts(text: &str) -> Vec<(&'static str, String, String)> {
    let spaced = relayout(text, usize::MAX, "", "\n");
    vec![
        ("blank lines", text.to_string(), spaced.clone()),
        ("crlf", text.to_string(), text.replace('\n', "\r\n")),
        (
            "rewrapped at 60",
            spaced.clone(),
            relayout(text, 60, "", "\n"),
        ),
        (
            "rewrapped at 72, indented, crlf",
            spaced.clone(),
            relayout(text, 72, "    ", "\r\n"),
        ),
        (
            "rewrapped at 40, indented",
            spaced,
            relayout(text, 40, "  ", "\n"),
        ),
    ]
}

fn layout(name: &str, text: &str) -> Result<(), TestCaseError> {
    for (how, a, b) in layouts(text) {
        let cmp = Comparison::new(Document::parse("a", a), Document::parse("b", b));
        assert_same(&cmp, &format!("{name}, {how}"))?;
    }
    Ok(())
}

/// The comparison of B with A, given the mirrored alignment, mirrors that
/// of A with B: the same kinds, each discrepancy and omission with its sides
/// swapped. (Whether the aligner itself finds mirrored links is the
/// aligner's promise, checked separately in `alignment_mirrors`.)
fn symmetry(a: &str, b: &str, what: &str) -> Result<(), TestCaseError> {
    let ab = Comparison::new(Document::parse("a", a), Document::parse("b", b));
    let mirrored = Alignment {
        links: ab
            .links
            .iter()
            .map(|l| Link {
                left: l.link.right.clone(),
                right: l.link.left.clone(),
                ..l.link.clone()
            })
            .collect(),
    };
    let (db, da) = (Document::parse("b", b), Document::parse("a", a));
    let tokens = PairTokens::new(&db, &da);
    let ba = Comparison::from_alignment(db, da, tokens, mirrored);
    for (l, m) in ab.links.iter().zip(&ba.links) {
        prop_assert_eq!(l.kind, m.kind, "{}: kind of link {:?}", what, l.link.left);
        let there: Vec<_> = l
            .discrepancies
            .iter()
            .map(|d| (d.category, d.left, d.right, &d.left_text, &d.right_text))
            .collect();
        let back: Vec<_> = m
            .discrepancies
            .iter()
            .map(|d| (d.category, d.right, d.left, &d.right_text, &d.left_text))
            .collect();
        prop_assert_eq!(
            there,
            back,
            "{}: discrepancies of link {:?}",
            what,
            l.link.left
        );
    }
    let mut there: Vec<_> = ab
        .omissions
        .iter()
        .map(|o| (o.category.id(), o.text.clone(), o.side.name()))
        .collect();
    let mut back: Vec<_> = ba
        .omissions
        .iter()
        .map(|o| (o.category.id(), o.text.clone(), o.side.other().name()))
        .collect();
    there.sort_unstable();
    back.sort_unstable();
    prop_assert_eq!(there, back, "{}: omissions", what);
    Ok(())
}

#[test]
fn identity_on_real_texts() {
    for (name, text) in real_texts() {
        identity(&name, &text).unwrap();
    }
}

#[test]
fn layout_on_real_texts() {
    for (name, text) in real_texts() {
        layout(&name, &text).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any real text against itself re-wrapped at any width from 30 to 120
    /// columns, indented or not, with LF or CRLF line ends: the same
    /// sentences, all aligned (the sample re-wrapped at 60, indented, with
    /// CRLF once gave a ≠).
    #[test]
    fn layout_on_real_texts_at_any_width(
        pick in any::<prop::sample::Index>(),
        width in 30usize..=120,
        indent in prop::sample::select(vec!["", "  ", "    ", "\t"]),
        eol in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        let texts = real_texts();
        let (name, text) = pick.get(&texts);
        for reference in [text.clone(), relayout(text, usize::MAX, "", "\n")] {
            let cmp = Comparison::new(
                Document::parse("a", reference),
                Document::parse("b", relayout(text, width, indent, eol)),
            );
            assert_same(&cmp, &format!("{name}, rewrapped at {width}, indent {indent:?}, {eol:?}"))?;
        }
    }
}

/// The aligner links B to A as it links A to B, on the sample pair.
#[test]
fn alignment_mirrors() {
    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    let (a, b) = (
        read("assets/samples/kremlin-talks-original.txt"),
        read("assets/samples/kremlin-talks-rewrite.txt"),
    );
    let ab = Comparison::new(
        Document::parse("a", a.as_str()),
        Document::parse("b", b.as_str()),
    );
    let ba = Comparison::new(Document::parse("b", b), Document::parse("a", a));
    let mut there: Vec<_> = ab
        .links
        .iter()
        .map(|l| (l.link.left.clone(), l.link.right.clone(), l.kind))
        .collect();
    let mut back: Vec<_> = ba
        .links
        .iter()
        .map(|l| (l.link.right.clone(), l.link.left.clone(), l.kind))
        .collect();
    there.sort_by_key(|x| (x.0.start, x.1.start));
    back.sort_by_key(|x| (x.0.start, x.1.start));
    assert_eq!(there, back);
}

#[test]
fn symmetry_on_real_pairs() {
    let read = |p: &str| std::fs::read_to_string(p).unwrap();
    symmetry(
        &read("assets/samples/kremlin-talks-original.txt"),
        &read("assets/samples/kremlin-talks-rewrite.txt"),
        "sample",
    )
    .unwrap();
    let texts = real_texts();
    for pair in texts.iter().filter(|(n, _)| n.ends_with(".left.txt")) {
        let right = pair.0.replace(".left.txt", ".right.txt");
        if let Some((_, r)) = texts.iter().find(|(n, _)| *n == right) {
            symmetry(&pair.1, r, &pair.0).unwrap();
        }
    }
}

/// Random news-like prose: sentences of words, names, numbers, weekdays and
/// the cues the detectors read, in paragraphs.
fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        6 => "[a-z]{2,9}",
        1 => prop::sample::select(vec![
            "Putin", "Kyiv", "Monday", "Tuesday", "March", "three", "12", "4.5%", "said", "not", "denied",
            "confirmed", "may", "reportedly", "President", "former", "Okafor", "no", "never", "town", "north",
        ]).prop_map(str::to_string),
    ];
    let sentence = prop::collection::vec(word, 3..14).prop_map(|words| {
        let mut s = words.join(" ");
        s[..1].make_ascii_uppercase();
        s + "."
    });
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 1..6).prop_map(|p| p.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn identity_on_random_texts(text in article()) {
        identity("random", &text)?;
    }

    #[test]
    fn layout_on_random_texts(text in article()) {
        layout("random", &text)?;
    }

    #[test]
    fn symmetry_on_random_pairs(a in article(), b in article()) {
        symmetry(&a, &b, "random")?;
    }
}
