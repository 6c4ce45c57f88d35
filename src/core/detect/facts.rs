//! The facts of each article, read once per sentence before any link is
//! compared: its figures (with what they count), its dates in figures
//! (years, day numbers beside a month, clock times), and where a dateline
//! ("LANZHOU, July 22 (Xinhua) --") stands, which is no fact of its
//! sentence. A link reads the facts of its sentences; a fact one side of a
//! link does not state is looked for in the rest of the other article.

use rayon::prelude::*;

use super::quantities::{self, Quantity, Sentence};
use crate::core::Side;
use crate::core::document::Document;
use crate::core::hashing::KeySet;
use crate::core::tokens::{TokenStream, Vocabulary};

/// A date written in figures: its normal form and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFact {
    /// "y2024", "d22", "t216" (a clock time in minutes).
    pub key: Box<str>,
    /// First and last word, as indices into the article's token stream.
    pub words: (usize, usize),
}

/// A figure of an article; its words are indices into the token stream.
pub type Figure = Quantity;

/// What one sentence states.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    pub figures: Vec<Figure>,
    pub dates: Vec<DateFact>,
    /// Words of the token stream that belong to a dateline.
    pub dateline: Option<(usize, usize)>,
}

/// The facts of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    pub sentences: Vec<SentenceFacts>,
    /// Every figure's [`value_key`]: a figure one link drops may stand in
    /// another passage.
    values: KeySet<i64>,
}

impl ArticleFacts {
    /// Does the article state this value anywhere?
    pub fn states(&self, value: f64) -> bool {
        self.values.contains(&value_key(value))
    }
}

/// The facts of both articles.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    sides: [ArticleFacts; 2],
}

impl Facts {
    pub fn new(
        left: &Document,
        right: &Document,
        streams: [&TokenStream; 2],
        v: &Vocabulary,
    ) -> Self {
        let (l, r) = rayon::join(
            || ArticleFacts::new(left, streams[0], v),
            || ArticleFacts::new(right, streams[1], v),
        );
        Facts { sides: [l, r] }
    }

    pub fn side(&self, side: Side) -> &ArticleFacts {
        &self.sides[side.index()]
    }
}

/// A value as a hash key: equal values written differently ("1.200",
/// "1 200", "mil e duzentos") share it.
pub fn value_key(value: f64) -> i64 {
    (value * 1000.0).round() as i64
}

impl ArticleFacts {
    fn new(doc: &Document, stream: &TokenStream, vocabulary: &Vocabulary) -> Self {
        let lex = doc.language.lexicon();
        let number_words = quantities::number_words_of(vocabulary, lex);
        let sentences: Vec<SentenceFacts> = (0..doc.sentences.len())
            .into_par_iter()
            .with_max_len(256)
            .map(|k| {
                let sentence = Sentence {
                    text: &doc.text,
                    tokens: stream.sentence(k),
                    vocabulary,
                    lex,
                    number_words: &number_words,
                };
                let base = stream.run(k..k + 1).start;
                sentence_facts(&sentence, base)
            })
            .collect();
        let values = sentences
            .iter()
            .flat_map(|s| s.figures.iter().map(|q| value_key(q.value)))
            .collect();
        ArticleFacts { sentences, values }
    }
}

fn sentence_facts(s: &Sentence, base: usize) -> SentenceFacts {
    let from = dateline(s);
    let read = quantities::read(s, from);
    let figures = read.quantities;
    let mut dates: Vec<DateFact> = read
        .clocks
        .into_iter()
        .map(|c| DateFact {
            key: format!("t{}", c.minutes).into(),
            words: c.words,
        })
        .collect();
    // "11/04/1985" states a day, a month and a year, as "11 avril 1985" does.
    for d in read.dates {
        let parts = [('d', d.day), ('m', d.month), ('y', d.year)];
        dates.extend(parts.into_iter().map(|(unit, n)| DateFact {
            key: format!("{unit}{n}").into(),
            words: d.words,
        }));
    }
    let mut kept = Vec::with_capacity(figures.len());
    for q in figures {
        match date_key(s, &q) {
            Some(key) => dates.push(DateFact {
                key,
                words: q.words,
            }),
            None => kept.push(q),
        }
    }
    dates.sort_by_key(|d| d.words);
    let shift = |(a, b): (usize, usize)| (a + base, b + base);
    SentenceFacts {
        figures: kept
            .into_iter()
            .map(|q| Quantity {
                words: shift(q.words),
                ..q
            })
            .collect(),
        dates: dates
            .into_iter()
            .map(|d| DateFact {
                words: shift(d.words),
                ..d
            })
            .collect(),
        dateline: (from > 0).then(|| shift((0, from - 1))),
    }
}

/// A figure that is a date: a year ("2024") or a day beside a month
/// ("July 22", "22 juillet", "22. Juli", "22 de julho").
fn date_key(s: &Sentence, q: &Quantity) -> Option<Box<str>> {
    let (a, b) = q.words;
    let whole = q.value.fract() == 0.0 && a == b && !q.unit && !q.approximate;
    if !whole {
        return None;
    }
    let v = q.value as u32;
    // A year: any four digits from 1800 on; earlier ones unless a noun
    // follows them ("1500 soldiers").
    let counted = q.head.is_some() && q.head != q.lead;
    if q.plain_four_digits && ((1800..2200).contains(&v) || (1000..1800).contains(&v) && !counted) {
        return Some(format!("y{v}").into());
    }
    let month = |k: usize| s.lex.months.contains_key(s.norm(k));
    let after = (b + 1 < s.tokens.len()
        && (month(b + 1)
            || (b + 2 < s.tokens.len() && matches!(s.norm(b + 1), "de" | "of") && month(b + 2))))
        || (b + 1 < s.tokens.len() && s.gap(b).trim() == "." && month(b + 1));
    let before = a > 0 && month(a - 1);
    ((1..=31).contains(&v) && (after || before)).then(|| format!("d{v}").into())
}

/// Where the dateline of a wire story ends ("LANZHOU, July 22 (Xinhua)
/// --", "PARIS (AFP) —"): the index of the first word after it, or 0. A
/// dateline opens with a place in capitals and ends at a dash within its
/// first dozen words.
fn dateline(s: &Sentence) -> usize {
    let n = s.tokens.len();
    if n < 2 {
        return 0;
    }
    let first = s.raw(0);
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase);
    if !capitals {
        return 0;
    }
    (0..(n - 1).min(12))
        .find(|&k| {
            let gap = s.gap(k);
            gap.contains("--") || gap.contains('—') || gap.contains(" – ") || gap.contains(" - ")
        })
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::tokens::PairTokens;

    fn facts(text: &str) -> SentenceFacts {
        let doc = Document::parse("t", text);
        let tokens = PairTokens::new(&doc, &doc);
        ArticleFacts::new(&doc, &tokens.left, &tokens.vocabulary)
            .sentences
            .swap_remove(0)
    }

    #[test]
    fn a_dateline_is_no_fact_of_its_sentence() {
        let f = facts("LANZHOU, July 22 (Xinhua) -- The death toll rose to 89.");
        assert_eq!(f.dateline, Some((0, 3)));
        let values: Vec<f64> = f.figures.iter().map(|q| q.value).collect();
        assert_eq!(values, vec![89.0]);
        assert!(f.dates.is_empty(), "{:?}", f.dates);
        assert_eq!(
            facts("The toll rose to 89 -- officials said.").dateline,
            None
        );
    }

    #[test]
    fn years_and_days_are_dates_not_counts() {
        let f = facts("On July 22, 2024, 22 dogs came.");
        let keys: Vec<&str> = f.dates.iter().map(|d| &*d.key).collect();
        assert_eq!(keys, vec!["d22", "y2024"]);
        let values: Vec<f64> = f.figures.iter().map(|q| q.value).collect();
        assert_eq!(values, vec![22.0]);
    }
}
