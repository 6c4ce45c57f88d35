//! What one article names and the other never mentions: people and
//! organisations (names of two words or more), places (a name after "in",
//! "at", "of"...), figures and years.

use std::collections::HashSet;

use crate::core::compare::classify::{number_value, same_name_family};
use crate::core::document::Document;
use crate::core::lexicon::{STOPWORDS, TIME, TITLES};
use crate::core::notes::Category;
use crate::core::tokens::{self, Token};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    pub category: Category,
    /// The article that names it: "left" or "right".
    pub side: &'static str,
    pub text: String,
    /// Byte span of its first mention.
    pub at: (usize, usize),
}

const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "to", "of", "into", "outside"];

/// Does `other` mention the word, or a form of it, or a spelling variant?
fn mentioned(word: &str, vocabulary: &HashSet<String>) -> bool {
    vocabulary.contains(word) || vocabulary.iter().any(|v| same_name_family(word, v) || close_spelling(word, v))
}

/// One letter off in a long name ("Vovchansk" / "Vovshansk"): the name is
/// there, misspelt, and the name detector reports that.
fn close_spelling(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() >= 6 && a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// Runs of capitalised name words in a sentence, split at titles and
/// dates ("Press Secretary Karoline Leavitt" -> "Karoline Leavitt").
fn name_runs(text: &str, toks: &[Token], names: &HashSet<String>) -> Vec<(usize, usize)> {
    let adjacent = |i: usize| text[toks[i - 1].end..toks[i].start].chars().all(|c| c == ' ' || c == '-');
    let capitalised_word = |i: usize| {
        let t = &toks[i];
        let w = t.norm.as_str();
        text[t.start..t.end].chars().next().is_some_and(char::is_uppercase) && !STOPWORDS.contains(w) && !TITLES.contains(w) && !TIME.contains(w)
    };
    // The first word of a sentence is capitalised anyway: it is a name if
    // it is known as one, or if a name follows it ("Andriy Kovalenko, ...").
    let is_name = |i: usize| capitalised_word(i) && (i > 0 || names.contains(&toks[i].norm) || (toks.len() > 1 && capitalised_word(1) && adjacent(1)));
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < toks.len() && is_name(i + 1) && adjacent(i + 1) {
            i += 1;
        }
        runs.push((start, i));
        i += 1;
    }
    runs
}

fn side_omissions(mine: &Document, other: &Document, side: &'static str, names: &HashSet<String>, out: &mut Vec<Omission>) {
    let vocabulary: HashSet<String> = tokens::words(&other.text, 0).into_iter().map(|t| t.norm).collect();
    let other_values: HashSet<String> = vocabulary.iter().filter_map(|w| number_value(w)).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for s in mine.sentences.iter().filter(|s| !s.heading) {
        let toks = tokens::words(&mine.text[s.start..s.end], s.start);
        let mut found: Vec<(Category, usize, usize)> = Vec::new();
        for (a, b) in name_runs(&mine.text, &toks, names) {
            let words: Vec<&str> = (a..=b).map(|i| toks[i].norm.as_str()).filter(|w| w.chars().count() >= 3).collect();
            if words.is_empty() || words.iter().any(|w| mentioned(w, &vocabulary)) {
                continue;
            }
            let after_preposition = a > 0 && PLACE_PREPOSITIONS.contains(&toks[a - 1].norm.as_str());
            match (b > a, after_preposition) {
                (true, _) => found.push((Category::Name, a, b)),
                (false, true) => found.push((Category::Place, a, b)),
                _ => {}
            }
        }
        for (i, t) in toks.iter().enumerate() {
            if let Some(v) = number_value(&t.norm).filter(|_| crate::core::tokens::is_number(&t.norm)) {
                if !other_values.contains(&v) {
                    let year = v.len() == 4 && v.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y));
                    found.push((if year { Category::Date } else { Category::Number }, i, i));
                }
            }
        }
        for (category, a, b) in found {
            let at = (toks[a].start, toks[b].end);
            let text = mine.text[at.0..at.1].to_string();
            if seen.insert(text.to_lowercase()) {
                out.push(Omission { category, side, text, at });
            }
        }
    }
}

/// Names, places, figures and years named in one article and nowhere in the
/// other, in the order they first appear (left article first).
pub fn omissions(left: &Document, right: &Document, names: &HashSet<String>) -> Vec<Omission> {
    let mut out = Vec::new();
    side_omissions(left, right, "left", names, &mut out);
    side_omissions(right, left, "right", names, &mut out);
    out
}
