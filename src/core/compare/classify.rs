//! Is a link `aligned` (the same content, perhaps reworded) or `divergent`
//! (a fact differs)? A rewrite may change every ordinary word; a link is
//! divergent when, and only when, a discrepancy detector found something
//! in it, so that every `≠` carries its reason.

use std::collections::HashSet;

use crate::core::detect::Discrepancy;
use crate::core::document::Document;
use crate::core::tokens::{self, Token};

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
        let stopwords = &doc.language.lexicon().stopwords;
        for s in &doc.sentences {
            if s.heading {
                continue; // Headlines capitalise every word.
            }
            for tok in tokens::words(&doc.text[s.start..s.end], 0).iter().skip(1) {
                let original = &doc.text[s.start + tok.start..s.start + tok.end];
                if original.chars().next().is_some_and(char::is_uppercase) && !stopwords.contains(tok.norm.as_str()) {
                    names.insert(tok.norm.clone());
                }
            }
        }
    }
    names
}

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

