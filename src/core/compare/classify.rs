//! Is a link `aligned` (the same content, perhaps reworded) or `divergent`
//! (a fact differs)? A rewrite may change every ordinary word; what it must
//! not change silently are names, numbers, negation and certainty. A link is
//! divergent when its two sides do not carry the same such facts.

use std::collections::HashSet;

use crate::core::document::Document;
use crate::core::lexicon::{HEDGES, NEGATION, STOPWORDS};
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
}

/// Knows which words are names in this pair of articles.
pub struct Classifier {
    /// Normalised words that appear capitalised inside a sentence somewhere
    /// in either article: "putin", "kyiv", "tuesday".
    names: HashSet<String>,
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

impl Classifier {
    pub fn new(left: &Document, right: &Document) -> Self {
        Self::with_names(names(left, right))
    }

    /// A classifier over names already collected with [`names`].
    pub fn with_names(names: HashSet<String>) -> Self {
        Classifier { names }
    }

    /// The names it knows, for the detectors.
    pub fn names(&self) -> &HashSet<String> {
        &self.names
    }

    /// The fact a word states, if any: a name, a number, a negation or a
    /// hedge, in a form that equal facts share ("two" and "2" are "#2").
    fn fact(&self, word: &str) -> Option<String> {
        if let Some(value) = number_value(word) {
            Some(format!("#{value}"))
        } else if NEGATION.contains(word) || word.ends_with("n't") {
            Some("not".to_string())
        } else if HEDGES.contains(word) {
            Some(format!("~{word}"))
        } else if self.names.contains(word) {
            Some(word.to_string())
        } else {
            None
        }
    }

    /// Compares the facts of a link's two sides: the kind, and for each side
    /// the indices of the words whose fact the other side does not state.
    pub fn compare(&self, left: &[Token], right: &[Token]) -> Comparison {
        let facts = |toks: &[Token]| -> Vec<Option<String>> { toks.iter().map(|t| self.fact(&t.norm)).collect() };
        let (lf, rf) = (facts(left), facts(right));
        let set = |fs: &[Option<String>]| -> HashSet<String> { fs.iter().flatten().cloned().collect() };
        let (ls, rs) = (set(&lf), set(&rf));
        let stated = |fact: &str, other: &HashSet<String>| other.contains(fact) || other.iter().any(|g| same_name_family(fact, g));
        let unmatched = |fs: &[Option<String>], other: &HashSet<String>| -> Vec<usize> {
            fs.iter().enumerate().filter(|(_, f)| f.as_deref().is_some_and(|f| !stated(f, other))).map(|(i, _)| i).collect()
        };
        let differing = [unmatched(&lf, &rs), unmatched(&rf, &ls)];
        let kind = if differing.iter().all(Vec::is_empty) { Kind::Aligned } else { Kind::Divergent };
        Comparison { kind, differing }
    }
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

/// What comparing the facts of a link found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub kind: Kind,
    /// Per side (left, right), indices of words whose fact differs.
    pub differing: [Vec<usize>; 2],
}

impl Classifier {
    pub fn kind(&self, left: &[Token], right: &[Token]) -> Kind {
        self.compare(left, right).kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(left: &str, right: &str) -> Kind {
        let (l, r) = (Document::parse("l", left), Document::parse("r", right));
        Classifier::new(&l, &r).kind(&tokens::words(left, 0), &tokens::words(right, 0))
    }

    #[test]
    fn rewording_alone_is_aligned() {
        assert_eq!(kind("Kyiv firmly rejects these demands.", "Kyiv strongly refuses to accept such demands."), Kind::Aligned);
        assert_eq!(kind("The talks in Kyiv were long and tense.", "In Kyiv, the talks were tense and lengthy."), Kind::Aligned);
    }

    #[test]
    fn differing_facts_are_reported_per_side() {
        let left = "They took the town of Vovchansk on Monday.";
        let right = "On Monday they took the town of Vovshansk.";
        let (l, r) = (Document::parse("l", left), Document::parse("r", right));
        let (lt, rt) = (tokens::words(left, 0), tokens::words(right, 0));
        let c = Classifier::new(&l, &r).compare(&lt, &rt);
        let words = |toks: &[Token], idx: &[usize]| idx.iter().map(|&i| toks[i].norm.clone()).collect::<Vec<_>>();
        assert_eq!(words(&lt, &c.differing[0]), vec!["vovchansk"]);
        assert_eq!(words(&rt, &c.differing[1]), vec!["vovshansk"]);
    }

    #[test]
    fn spelling_number_negation_and_hedge_changes_are_divergent() {
        assert_eq!(kind("They took the town of Vovchansk.", "They took the town of Vovshansk."), Kind::Divergent);
        assert_eq!(kind("Twelve people were hurt.", "Ten people were hurt."), Kind::Divergent);
        assert_eq!(kind("Officials confirmed the reports.", "Officials have not confirmed the reports."), Kind::Divergent);
        assert_eq!(kind("He will also take part.", "He is also expected to take part."), Kind::Divergent);
        assert_eq!(kind("Two days of talks.", "2 days of talks."), Kind::Aligned);
        assert_eq!(kind("The Ukrainian officials met Russian envoys.", "Officials of Ukraine met envoys of Russia."), Kind::Aligned);
        assert_eq!(kind("Troops left Austria.", "Troops left Australia."), Kind::Divergent);
    }
}
