//! Which words of a pair are names, and which two names are one family
//! ("Russia" / "Russian"): what the name, attribution and omission rules
//! share.

use crate::core::document::Document;
use crate::core::hashing::KeySet;
use crate::core::tokens::PairTokens;

/// Normalised words that appear capitalised inside a sentence somewhere in
/// either article ("putin", "kyiv", "tuesday"): names, as far as a program
/// without a dictionary of names can tell.
pub type Names = KeySet<Box<str>>;

/// The [`Names`] of two articles, from their words as `tokens` has them.
pub fn names(left: &Document, right: &Document, tokens: &PairTokens) -> Names {
    let vocabulary = &tokens.vocabulary;
    let mut is_name = vec![false; vocabulary.words().len()];
    for (doc, stream) in [(left, &tokens.left), (right, &tokens.right)] {
        let stopwords = &doc.language.lexicon().stopwords;
        for (i, s) in doc.sentences.iter().enumerate() {
            if s.heading {
                continue; // Headlines capitalise every word.
            }
            // The first word of a sentence is capitalised anyway.
            for t in stream
                .sentence(i)
                .iter()
                .skip(1)
                .filter(|t| t.capitalised())
            {
                let id = t.word() as usize;
                is_name[id] = is_name[id] || !stopwords.contains(&*vocabulary.word(t.word()).norm);
            }
        }
    }
    vocabulary
        .words()
        .iter()
        .zip(is_name)
        .filter(|(_, name)| *name)
        .map(|(w, _)| w.norm.clone())
        .collect()
}

/// "Russia" / "Russian", "Ukraine" / "Ukrainian", "Europe" / "European":
/// one name and its demonym or adjective share a stem of five letters or
/// more and differ only in a demonym ending. A spelling variant such as
/// "Vovchansk" / "Vovshansk" or "Kharkiv" / "Kharkov" stays a difference.
pub fn same_name_family(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "e", "a", "n", "an", "ian", "ean", "ese", "ish", "i", "s", "es", "'s",
    ];
    let is_name = |w: &str| w.chars().next().is_some_and(char::is_alphabetic);
    if !is_name(a) || !is_name(b) || a == b {
        return a == b; // numbers, negation and hedges must match exactly
    }
    let common: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    common >= 5 && ENDINGS.contains(&&a[common..]) && ENDINGS.contains(&&b[common..])
}
