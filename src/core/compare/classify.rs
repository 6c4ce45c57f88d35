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

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"),
    ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"), ("twelve", "12"),
    ("twenty", "20"), ("hundred", "100"), ("thousand", "1000"), ("million", "1000000"), ("billion", "1000000000"),
];

impl Classifier {
    pub fn new(left: &Document, right: &Document) -> Self {
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
        Classifier { names }
    }

    /// The facts a side states: names, numbers, negation and hedge cues.
    fn facts(&self, toks: &[Token]) -> HashSet<String> {
        toks.iter()
            .filter_map(|t| {
                let w = t.norm.as_str();
                if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(word, _)| *word == w) {
                    return Some(format!("#{digits}"));
                }
                if is_number(w) {
                    Some(format!("#{w}"))
                } else if NEGATION.contains(w) || w.ends_with("n't") {
                    Some("not".to_string())
                } else if HEDGES.contains(w) {
                    Some(format!("~{w}"))
                } else if self.names.contains(w) {
                    Some(w.to_string())
                } else {
                    None
                }
            })
            .collect()
    }

    pub fn kind(&self, left: &[Token], right: &[Token]) -> Kind {
        if self.facts(left) == self.facts(right) { Kind::Aligned } else { Kind::Divergent }
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
    fn spelling_number_negation_and_hedge_changes_are_divergent() {
        assert_eq!(kind("They took the town of Vovchansk.", "They took the town of Vovshansk."), Kind::Divergent);
        assert_eq!(kind("Twelve people were hurt.", "Ten people were hurt."), Kind::Divergent);
        assert_eq!(kind("Officials confirmed the reports.", "Officials have not confirmed the reports."), Kind::Divergent);
        assert_eq!(kind("He will also take part.", "He is also expected to take part."), Kind::Divergent);
        assert_eq!(kind("Two days of talks.", "2 days of talks."), Kind::Aligned);
    }
}
