//! What one article names and the other never mentions: people and
//! organisations (names of two words or more), places (a name after "in",
//! "at", "of"...), figures and years.

use crate::core::Side;
use std::collections::{HashMap, HashSet};

use crate::core::compare::classify::same_name_family;
use crate::core::document::Document;
use crate::core::lexicon::Lexicon;
use crate::core::Category;
use crate::core::tokens::{self, Token};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    pub category: Category,
    /// The article that names it: "left" or "right".
    pub side: Side,
    pub text: String,
    /// Byte span of its first mention.
    pub at: (usize, usize),
}

const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "to", "of", "into", "outside"];

/// The words of an article, indexed so that asking whether it mentions a
/// name, a form of it or a misspelling of it costs a few lookups, not a scan.
struct Vocabulary {
    words: HashSet<String>,
    /// Words by their first five bytes: the stems a demonym shares.
    by_prefix: HashMap<String, Vec<String>>,
    /// Each word of six letters or more with one letter replaced by `*`: a
    /// name one letter off ("Vovchansk" / "Vovshansk") shares a key.
    one_off: HashSet<String>,
}

/// `word` with its `i`-th character replaced by `*`, for each `i`.
fn wildcards(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).map(move |i| chars.iter().enumerate().map(|(j, &c)| if i == j { '*' } else { c }).collect())
}

fn prefix(word: &str) -> Option<&str> {
    word.char_indices().nth(5).map(|(i, _)| &word[..i]).or((word.len() >= 5).then_some(word))
}

impl Vocabulary {
    fn new(text: &str) -> Self {
        let words: HashSet<String> = tokens::words(text, 0).into_iter().map(|t| t.norm).collect();
        let mut by_prefix: HashMap<String, Vec<String>> = HashMap::new();
        let mut one_off = HashSet::new();
        for w in &words {
            if let Some(p) = prefix(w) {
                by_prefix.entry(p.to_string()).or_default().push(w.clone());
            }
            if w.chars().count() >= 6 {
                one_off.extend(wildcards(w));
            }
        }
        Vocabulary { words, by_prefix, one_off }
    }

    /// Does the article mention the word, a form of it ("Russian" for
    /// "Russia") or the same name one letter off?
    fn mentions(&self, word: &str) -> bool {
        self.words.contains(word)
            || prefix(word).and_then(|p| self.by_prefix.get(p)).is_some_and(|ws| ws.iter().any(|v| same_name_family(word, v)))
            || (word.chars().count() >= 6 && wildcards(word).any(|k| self.one_off.contains(&k)))
    }
}

/// Runs of capitalised name words in a sentence, split at titles and
/// dates ("Press Secretary Karoline Leavitt" -> "Karoline Leavitt").
fn name_runs(text: &str, toks: &[Token], names: &HashSet<String>, lex: &Lexicon) -> Vec<(usize, usize)> {
    let adjacent = |i: usize| text[toks[i - 1].end..toks[i].start].chars().all(|c| c == ' ' || c == '-');
    let capitalised_word = |i: usize| {
        let t = &toks[i];
        let w = t.norm.as_str();
        text[t.start..t.end].chars().next().is_some_and(char::is_uppercase) && !lex.stopwords.contains(w) && !lex.titles.contains(w) && !lex.time.contains(w)
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

fn side_omissions(mine: &Document, other: &Document, side: Side, names: &HashSet<String>, out: &mut Vec<Omission>) {
    let vocabulary = Vocabulary::new(&other.text);
    let (lex, other_lex) = (mine.language.lexicon(), other.language.lexicon());
    let other_values: HashSet<String> = vocabulary.words.iter().filter_map(|w| other_lex.number_value(w)).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for s in mine.sentences.iter().filter(|s| !s.heading) {
        let toks = tokens::words(&mine.text[s.start..s.end], s.start);
        let mut found: Vec<(Category, usize, usize)> = Vec::new();
        for (a, b) in name_runs(&mine.text, &toks, names, lex) {
            let words: Vec<&str> = (a..=b).map(|i| toks[i].norm.as_str()).filter(|w| w.chars().count() >= 3).collect();
            if words.is_empty() || words.iter().any(|w| vocabulary.mentions(w)) {
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
            if let Some(v) = lex.number_value(&t.norm).filter(|_| crate::core::tokens::is_number(&t.norm)) && !other_values.contains(&v) {
                let year = v.len() == 4 && v.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y));
                found.push((if year { Category::Date } else { Category::Number }, i, i));
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
    side_omissions(left, right, Side::Left, names, &mut out);
    side_omissions(right, left, Side::Right, names, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_finds_forms_and_misspellings() {
        let v = Vocabulary::new("Russian troops near Vovshansk met European envoys.");
        assert!(v.mentions("russia") && v.mentions("europe") && v.mentions("vovchansk"));
        assert!(!v.mentions("kovalenko") && !v.mentions("france"));
    }
}
