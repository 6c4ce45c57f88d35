//! Is a link `aligned` (the same content, perhaps reworded) or `divergent`
//! (a fact differs)? A rewrite may change every ordinary word; a link is
//! divergent when, and only when, a discrepancy detector found something
//! in it, so that every `≠` carries its reason.

use std::collections::HashSet;

use crate::core::detect::Discrepancy;
use crate::core::document::Document;
use crate::core::lexicon::STOPWORDS;
use crate::core::tokens::{self, Token, is_number};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Aligned,
    Divergent,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Aligned => "aligned",
            Kind::Divergent => "divergent",
        }
    }

    /// The kind of a link whose detectors found `discrepancies`.
    pub fn of(discrepancies: &[Discrepancy]) -> Kind {
        if discrepancies.is_empty() { Kind::Aligned } else { Kind::Divergent }
    }
}

/// Per side, the indices of `tokens` that a discrepancy points at: the
/// words the screen shows as a changed fact.
pub fn differing(tokens: [&[Token]; 2], discrepancies: &[Discrepancy]) -> [Vec<usize>; 2] {
    [0, 1].map(|side| {
        let spans: Vec<(usize, usize)> = discrepancies.iter().filter_map(|d| if side == 0 { d.left } else { d.right }).collect();
        (0..tokens[side].len()).filter(|&i| spans.iter().any(|&(s, e)| tokens[side][i].start >= s && tokens[side][i].end <= e)).collect()
    })
}

/// Normalised words that appear capitalised inside a sentence somewhere in
/// either article ("putin", "kyiv", "tuesday"): names, as far as a program
/// without a dictionary of names can tell.
pub fn names(left: &Document, right: &Document) -> HashSet<String> {
    let mut names = HashSet::new();
    for doc in [left, right] {
        for s in &doc.sentences {
            if s.heading {
                continue; // Headlines capitalise every word.
            }
            for tok in tokens::words(&doc.text[s.start..s.end], 0).iter().skip(1) {
                let original = &doc.text[s.start + tok.start..s.start + tok.end];
                if original.chars().next().is_some_and(char::is_uppercase) && !STOPWORDS.contains(tok.norm.as_str()) {
                    names.insert(tok.norm.clone());
                }
            }
        }
    }
    names
}

/// The value of a number word or numeral, as a string ("two" -> "2").
pub fn number_value(word: &str) -> Option<String> {
    if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        return Some((*digits).to_string());
    }
    is_number(word).then(|| word.to_string())
}

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"),
    ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"), ("twelve", "12"),
    ("twenty", "20"), ("hundred", "100"), ("thousand", "1000"), ("million", "1000000"), ("billion", "1000000000"),
];

/// "Russia" / "Russian", "Ukraine" / "Ukrainian", "Europe" / "European":
/// one name and its demonym or adjective share a stem of five letters or
/// more and differ only in a demonym ending. A spelling variant such as
/// "Vovchansk" / "Vovshansk" or "Kharkiv" / "Kharkov" stays a difference.
pub fn same_name_family(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &["", "e", "a", "n", "an", "ian", "ean", "ese", "ish", "i", "s", "es", "'s"];
    let is_name = |w: &str| w.chars().next().is_some_and(char::is_alphabetic);
    if !is_name(a) || !is_name(b) || a == b {
        return a == b; // numbers, negation and hedges must match exactly
    }
    let common: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    common >= 5 && ENDINGS.contains(&&a[common..]) && ENDINGS.contains(&&b[common..])
}

