//! What one article names and the other never mentions: people and
//! organisations (names of two words or more), places (a name after "in",
//! "at", "of"...), figures and years.

use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use super::facts::{ArticleFacts, Facts};
use super::name_family::{Names, same_name_family};
use crate::core::Category;
use crate::core::Side;
use crate::core::document::Document;
use crate::core::hashing::{KeyMap, KeySet};
use crate::core::lexicon::Lexicon;
use crate::core::tokens::{PairTokens, TokenStream, Vocabulary, WordToken};

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
struct Mentions<'v> {
    /// Per word of the pair's vocabulary: does this article have it?
    has: Vec<bool>,
    /// Its words by their first five bytes: the stems a demonym shares.
    by_prefix: KeyMap<&'v str, Vec<&'v str>>,
    /// Each word of six letters or more with one letter left out, as a
    /// [`wildcards`] key: a name one letter off ("Vovchansk" / "Vovshansk")
    /// shares a key.
    one_off: KeySet<u64>,
}

/// For each `i`, a key for `word` with its `i`-th character replaced by a
/// wildcard: the hash of what stands before and after it. (The standard
/// 64-bit SipHash, with fixed keys so that building and asking agree, of the
/// two parts: no string is built, and two different words share a key by
/// chance about once in 10^19 lookups.)
fn wildcards(word: &str) -> impl Iterator<Item = u64> + '_ {
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    word.char_indices()
        .map(move |(i, c)| hasher.hash_one((&word[..i], &word[i + c.len_utf8()..])))
}

fn prefix(word: &str) -> Option<&str> {
    word.char_indices()
        .nth(5)
        .map(|(i, _)| &word[..i])
        .or((word.len() >= 5).then_some(word))
}

impl<'v> Mentions<'v> {
    fn new(vocabulary: &'v Vocabulary, stream: &TokenStream) -> Self {
        let mut has = vec![false; vocabulary.words().len()];
        for t in stream.tokens() {
            has[t.word() as usize] = true;
        }
        let mut by_prefix: KeyMap<&str, Vec<&str>> = KeyMap::default();
        let mut one_off = KeySet::default();
        for word in vocabulary
            .words()
            .iter()
            .zip(&has)
            .filter(|(_, has)| **has)
            .map(|(word, _)| word)
        {
            let w = &*word.norm;
            if let Some(p) = prefix(w) {
                by_prefix.entry(p).or_default().push(w);
            }
            if w.chars().count() >= 6 {
                one_off.extend(wildcards(w));
            }
        }
        Mentions {
            has,
            by_prefix,
            one_off,
        }
    }

    /// Does the article mention word `id`, a form of it ("Russian" for
    /// "Russia") or the same name one letter off?
    fn mentions(&self, id: u32, word: &str) -> bool {
        self.has[id as usize]
            || prefix(word)
                .and_then(|p| self.by_prefix.get(p))
                .is_some_and(|ws| ws.iter().any(|v| same_name_family(word, v)))
            || (word.chars().count() >= 6 && wildcards(word).any(|k| self.one_off.contains(&k)))
    }
}

/// One sentence's words, with what the name rules need to read them.
struct Sentence<'a> {
    text: &'a str,
    toks: &'a [WordToken],
    vocabulary: &'a Vocabulary,
}

impl Sentence<'_> {
    fn norm(&self, i: usize) -> &str {
        &self.vocabulary.word(self.toks[i].word()).norm
    }
}

/// Runs of capitalised name words in a sentence, split at titles and
/// dates ("Press Secretary Karoline Leavitt" -> "Karoline Leavitt").
fn name_runs(s: &Sentence, names: &Names, lex: &Lexicon) -> Vec<(usize, usize)> {
    let toks = s.toks;
    let adjacent = |i: usize| {
        s.text[toks[i - 1].end as usize..toks[i].start as usize]
            .chars()
            .all(|c| c == ' ' || c == '-')
    };
    let capitalised_word = |i: usize| {
        let w = s.norm(i);
        toks[i].capitalised()
            && !lex.stopwords.contains(w)
            && !lex.titles.contains(w)
            && !lex.time.contains(w)
    };
    // The first word of a sentence is capitalised anyway: it is a name if
    // it is known as one, or if a name follows it ("Andriy Kovalenko, ...").
    let is_name = |i: usize| {
        capitalised_word(i)
            && (i > 0
                || names.contains(s.norm(i))
                || (toks.len() > 1 && capitalised_word(1) && adjacent(1)))
    };
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

/// Both articles with their words: the side whose omissions are sought,
/// then the other.
struct Pair<'a> {
    mine: (&'a Document, &'a TokenStream),
    other: (&'a Document, &'a TokenStream),
    vocabulary: &'a Vocabulary,
    /// The facts of the side whose omissions are sought, then the other's.
    facts: [&'a ArticleFacts; 2],
}

fn side_omissions(pair: Pair, side: Side, names: &Names, out: &mut Vec<Omission>) {
    let ((mine, stream), (_, other_stream)) = (pair.mine, pair.other);
    let vocabulary = pair.vocabulary;
    let mentions = Mentions::new(vocabulary, other_stream);
    let lex = mine.language.lexicon();
    let (my_facts, other_facts) = (pair.facts[0], pair.facts[1]);
    let other_dates: KeySet<&str> = other_facts
        .sentences
        .iter()
        .flat_map(|s| s.dates.iter().map(|d| &*d.key))
        .collect();
    let mut seen: KeySet<String> = KeySet::default();
    for k in (0..mine.sentences.len()).filter(|&k| !mine.sentences[k].heading) {
        let sentence = Sentence {
            text: &mine.text,
            toks: stream.sentence(k),
            vocabulary,
        };
        let toks = sentence.toks;
        let mut found: Vec<(Category, usize, usize)> = Vec::new();
        let facts = &my_facts.sentences[k];
        let base = stream.run(k..k + 1).start;
        // A dateline's place is no fact of the story.
        let after_dateline = facts.dateline.map_or(0, |(_, b)| b + 1 - base);
        for (a, b) in name_runs(&sentence, names, lex)
            .into_iter()
            .filter(|&(a, _)| a >= after_dateline)
        {
            let mut words = (a..=b)
                .filter(|&i| sentence.norm(i).chars().count() >= 3)
                .peekable();
            if words.peek().is_none()
                || words.any(|i| mentions.mentions(toks[i].word(), sentence.norm(i)))
            {
                continue;
            }
            let after_preposition = a > 0 && PLACE_PREPOSITIONS.contains(&sentence.norm(a - 1));
            match (b > a, after_preposition) {
                (true, _) => found.push((Category::Name, a, b)),
                (false, true) => found.push((Category::Place, a, b)),
                _ => {}
            }
        }
        // Figures and years on the fact model: "1.200" and "1 200" are one
        // figure, and a figure is missing only if its value is nowhere.
        for f in facts
            .figures
            .iter()
            .filter(|f| !other_facts.states(f.value))
        {
            found.push((Category::Number, f.words.0 - base, f.words.1 - base));
        }
        for d in facts
            .dates
            .iter()
            .filter(|d| d.key.starts_with('y') && !other_dates.contains(&*d.key))
        {
            found.push((Category::Date, d.words.0 - base, d.words.1 - base));
        }
        for (category, a, b) in found {
            let at = (toks[a].span().0, toks[b].span().1);
            let text = mine.text[at.0..at.1].to_string();
            if seen.insert(text.to_lowercase()) {
                out.push(Omission {
                    category,
                    side,
                    text,
                    at,
                });
            }
        }
    }
}

/// Names, places, figures and years named in one article and nowhere in the
/// other, in the order they first appear (left article first).
pub fn omissions(
    left: &Document,
    right: &Document,
    tokens: &PairTokens,
    names: &Names,
    facts: &Facts,
) -> Vec<Omission> {
    let (lf, rf) = (facts.side(Side::Left), facts.side(Side::Right));
    let vocabulary = &tokens.vocabulary;
    let (l, r) = ((left, &tokens.left), (right, &tokens.right));
    let side = |pair: Pair, side: Side| {
        let mut out = Vec::new();
        side_omissions(pair, side, names, &mut out);
        out
    };
    // The sides are independent: one on each core, the left's first.
    let (mut out, right) = rayon::join(
        || {
            side(
                Pair {
                    mine: l,
                    other: r,
                    vocabulary,
                    facts: [lf, rf],
                },
                Side::Left,
            )
        },
        || {
            side(
                Pair {
                    mine: r,
                    other: l,
                    vocabulary,
                    facts: [rf, lf],
                },
                Side::Right,
            )
        },
    );
    out.extend(right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_finds_forms_and_misspellings() {
        let (l, r) = (
            Document::parse("l", "Russia, Europe, Vovchansk, Kovalenko and France."),
            Document::parse("r", "Russian troops near Vovshansk met European envoys."),
        );
        let tokens = PairTokens::new(&l, &r);
        let v = &tokens.vocabulary;
        let m = Mentions::new(v, &tokens.right);
        let id = |w: &str| {
            v.words()
                .iter()
                .position(|x| &*x.norm == w)
                .expect("the word is in the vocabulary") as u32
        };
        let mentions = |w: &str| m.mentions(id(w), w);
        assert!(mentions("russia") && mentions("europe") && mentions("vovchansk"));
        assert!(!mentions("kovalenko") && !mentions("france"));
    }
}
