//! One side of a link as the detectors read it ([`Words`]), and what
//! every detector shares: cues, the cues one side does not state, the
//! phrase around a cue, and building a suggestion.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;

use super::Pair;
use super::discrepancy::Discrepancy;
use super::facts::{ArticleFacts, DateFact, Figure};
use super::link::LinkText;
use super::listed::{List, Listed, without_elision};
use crate::core::lexicon::Lexicon;
use crate::core::tokens::{Vocabulary, WordToken};
use crate::core::{Category, Side};

/// One side of a link: its words, the article text, and the word lists of
/// its language.
pub(super) struct Words<'a> {
    pub(super) side: Side,
    pub(super) tokens: &'a [WordToken],
    pub(super) vocabulary: &'a Vocabulary,
    pub(super) listed: &'a Listed,
    pub(super) text: &'a str,
    pub(super) lex: &'static Lexicon,
    /// Every word's [`compound`], built the first time [`unmatched`] reads
    /// this side as the other side (once per link, not once per category).
    compounds: OnceCell<Vec<Cow<'a, str>>>,
    /// Per word but the last: a hyphen joins it to the next one. Read for
    /// nearly every word by every detector ([`Words::in_list`]), so found
    /// once.
    hyphen_after: Vec<bool>,
    /// The facts of the link's sentences on this side, their words as
    /// indices into [`Self::tokens`].
    pub(super) facts: LinkFacts,
    /// The facts of this side's whole article.
    pub(super) article: &'a ArticleFacts,
}

/// The facts of one side of a link.
#[derive(Debug, Default)]
pub(super) struct LinkFacts {
    pub(super) figures: Vec<Figure>,
    pub(super) dates: Vec<DateFact>,
    /// Datelines: no fact, no name, no cue.
    pub(super) datelines: Vec<(usize, usize)>,
}

impl LinkFacts {
    fn new(article: &ArticleFacts, sentences: &std::ops::Range<usize>, run_start: usize) -> Self {
        let mut facts = LinkFacts::default();
        let shift = |(a, b): (usize, usize)| (a - run_start, b - run_start);
        for s in &article.sentences[sentences.clone()] {
            facts.figures.extend(s.figures.iter().map(|f| Figure {
                words: shift(f.words),
                ..f.clone()
            }));
            facts.dates.extend(s.dates.iter().map(|d| DateFact {
                words: shift(d.words),
                ..d.clone()
            }));
            facts.datelines.extend(s.dateline.map(shift));
        }
        facts
    }
}

impl<'a> Words<'a> {
    pub(super) fn new(side: Side, link: &LinkText<'a>, pair: &Pair<'a>) -> Self {
        let k = side.index();
        let (tokens, vocabulary) = (link.words[k], link.vocabulary);
        let doc = pair.docs[k];
        let article = pair.facts.side(side);
        let mut words = Words {
            side,
            tokens,
            vocabulary,
            listed: pair.listed,
            text: &doc.text,
            lex: doc.language.lexicon(),
            compounds: OnceCell::new(),
            hyphen_after: Vec::new(),
            facts: LinkFacts::new(article, link.sentences[k], link.runs[k].start),
            article,
        };
        words.hyphen_after = (1..tokens.len())
            .map(|i| words.gap(i - 1, i) == "-")
            .collect();
        words
    }

    /// Is the word at `i` part of a dateline ("LANZHOU, July 22 (Xinhua) --")?
    pub(super) fn in_dateline(&self, i: usize) -> bool {
        self.facts
            .datelines
            .iter()
            .any(|&(a, b)| (a..=b).contains(&i))
    }

    /// Is the word at `i` in `list`?
    pub(super) fn is(&self, i: usize, list: List) -> bool {
        self.listed.has(self.side, self.tokens[i].word(), list)
    }

    /// The word at `i`, normalised ([`crate::core::tokens::normalize`]).
    pub(super) fn word(&self, i: usize) -> &'a str {
        &self.vocabulary.word(self.tokens[i].word()).norm
    }

    pub(super) fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].capitalised()
    }

    /// The text between the words at `a` and `b`.
    pub(super) fn gap(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].span().1..self.tokens[b].span().0]
    }

    pub(super) fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].span().0, self.tokens[last].span().1)
    }

    /// The word at `i`, normalised, without an elided article or pronoun
    /// ("l'ancien" -> "ancien"), so that French cues are found.
    pub(super) fn norm(&self, i: usize) -> &'a str {
        without_elision(self.word(i), self.lex)
    }

    /// Is the word at `i`, or the hyphenated word it is part of
    /// ("son-in-law", "terça-feira"), in `list`?
    pub(super) fn in_list(&self, list: List, i: usize) -> bool {
        self.is(i, list)
            || (self.hyphenated(i)
                && list
                    .set(self.lex)
                    .is_some_and(|set| set.contains(&*compound(self, i))))
    }

    /// Is the word at `i` joined to a neighbour by a hyphen? (Only then is
    /// its compound worth building.)
    pub(super) fn hyphenated(&self, i: usize) -> bool {
        (i > 0 && self.hyphen_after[i - 1]) || self.hyphen_after.get(i).copied().unwrap_or(false)
    }

    /// Every word's [`compound`], built once.
    pub(super) fn compounds(&self) -> &[Cow<'a, str>] {
        self.compounds
            .get_or_init(|| (0..self.tokens.len()).map(|j| compound(self, j)).collect())
    }

    /// A verb's base form, for irregular verbs ("struck" -> "strike").
    pub(super) fn lemma<'w>(&self, w: &'w str) -> &'w str {
        self.lex.irregular_verbs.get(w).copied().unwrap_or(w)
    }
}

/// The hyphenated word that token `i` is part of ("son-in-law"), lower
/// case; the word itself, not copied, when it has no hyphen.
pub(super) fn compound<'a>(side: &Words<'a>, i: usize) -> Cow<'a, str> {
    if !side.hyphenated(i) {
        return Cow::Borrowed(side.word(i));
    }
    let joined = |a: usize, b: usize| side.gap(a, b) == "-";
    let (mut lo, mut hi) = (i, i);
    while lo > 0 && joined(lo - 1, lo) {
        lo -= 1;
    }
    while hi + 1 < side.tokens.len() && joined(hi, hi + 1) {
        hi += 1;
    }
    Cow::Owned(
        (lo..=hi)
            .map(|k| side.word(k))
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// Indices of words matching `is_cue`, outside datelines.
pub(super) fn cues(side: &Words, is_cue: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..side.tokens.len())
        .filter(|&i| is_cue(i) && !side.in_dateline(i))
        .collect()
}

/// The cues of `mine` that `other` does not state as often (a part of a
/// hyphenated cue counts as stated only if the whole compound is): a
/// second "President" in one version is a change even when the other
/// version has a first one.
pub(super) fn unmatched(mine: &Words, cues: &[usize], other: &Words) -> Vec<usize> {
    if cues.is_empty() {
        return Vec::new();
    }
    let mut stated = WordCounts::default();
    for w in other.compounds() {
        stated.add(w);
    }
    let words: Vec<Cow<str>> = cues.iter().map(|&i| compound(mine, i)).collect();
    let mut seen = WordCounts::default();
    cues.iter()
        .zip(&words)
        .filter(|(_, word)| {
            let nth = seen.same_as(word);
            seen.add(word);
            stated.same_as(word) <= nth
        })
        .map(|(&i, _)| i)
        .collect()
}

/// The same cue, by the definition: equal, or one extends the other by a
/// short ending ("town" / "towns", "east" / "eastern"); two words compared
/// letter by letter (for many words at once, [`WordCounts`]).
pub(super) fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la - common <= 3 && lb - common <= 3
}

/// Words and how often each stands, asked how many are the same cue as a
/// word: equal, or one extends the other by a short ending ("town" /
/// "towns", "east" / "eastern"), which is sharing their first four letters
/// or more with at most three letters after them on each side. Answered in
/// time that grows with the answer, not with the words held (comparing each
/// cue with every word of the other side made a long link's cost grow with
/// the square of its length): a word's matches are within three letters of
/// its length and share its letters but the last three (and at least
/// four), so ordered by length, then text, they are one range per length.
#[derive(Default)]
struct WordCounts<'w>(BTreeMap<(usize, &'w str), usize>);

impl<'w> WordCounts<'w> {
    fn add(&mut self, word: &'w str) {
        *self.0.entry((word.chars().count(), word)).or_default() += 1;
    }

    /// How many of the words held are the same cue as `a`.
    fn same_as(&self, a: &str) -> usize {
        let la = a.chars().count();
        if la < 4 {
            return self.0.get(&(la, a)).copied().unwrap_or(0);
        }
        let prefix = |k: usize| a.char_indices().nth(k).map_or(a, |(at, _)| &a[..at]);
        let map: &BTreeMap<(usize, &str), usize> = &self.0;
        (la.saturating_sub(3).max(4)..=la + 3)
            .map(|lb| {
                let shared = prefix(4.max(la - 3).max(lb.saturating_sub(3)));
                map.range((lb, shared)..)
                    .take_while(|((l, w), _)| *l == lb && w.starts_with(shared))
                    .map(|(_, n)| n)
                    .sum::<usize>()
            })
            .sum()
    }
}

/// The phrase around the first of `indices`: grown over neighbouring cues
/// (allowing one linking word such as "and" or "of" between them).
pub(super) fn phrase(
    side: &Words,
    indices: &[usize],
    is_cue: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let &first = indices.first()?;
    let (mut lo, mut hi) = (first, first);
    while lo > 0 && (is_cue(lo - 1) || (lo >= 2 && is_cue(lo - 2) && is_link_word(side, lo - 1))) {
        lo -= if is_cue(lo - 1) { 1 } else { 2 };
    }
    while hi + 1 < side.tokens.len()
        && (is_cue(hi + 1)
            || (hi + 2 < side.tokens.len() && is_cue(hi + 2) && is_link_word(side, hi + 1)))
    {
        hi += if is_cue(hi + 1) { 1 } else { 2 };
    }
    Some((lo, hi))
}

/// A short function word that may join two cues of one phrase ("son-in-law
/// and informal adviser", "le maire de Lyon").
pub(super) fn is_link_word(side: &Words, i: usize) -> bool {
    side.is(i, List::LinkWord)
}

/// Builds a suggestion from word ranges on each side.
pub(super) fn suggestion(
    category: Category,
    left: &Words,
    l: Option<(usize, usize)>,
    right: &Words,
    r: Option<(usize, usize)>,
    explanation: String,
) -> Discrepancy {
    let text = |side: &Words, range: Option<(usize, usize)>| range.map(|(a, b)| side.span(a, b));
    let (ls, rs) = (text(left, l), text(right, r));
    // The words as one line: a line end of hard-wrapped text, or Markdown
    // markup blanked between two words, is one space in what is shown.
    let words =
        |t: &str, (s, e): (usize, usize)| t[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
    Discrepancy {
        category,
        left: ls,
        right: rs,
        left_text: ls.map_or(String::new(), |span| words(left.text, span)),
        right_text: rs.map_or(String::new(), |span| words(right.text, span)),
        explanation,
    }
}

/// A suggestion from the cues of a category (`lu`, `ru`: the cues each side
/// has and the other does not state).
pub(super) fn cue_category(
    category: Category,
    left: &Words,
    right: &Words,
    lu: Vec<usize>,
    ru: Vec<usize>,
    is_cue: &dyn Fn(&Words, usize) -> bool,
    out: &mut Vec<Discrepancy>,
) {
    if lu.is_empty() && ru.is_empty() {
        return;
    }
    let l = phrase(left, &lu, &|i| is_cue(left, i));
    let r = phrase(right, &ru, &|i| is_cue(right, i));
    let what = if category == Category::Title {
        "role or title"
    } else {
        "place"
    };
    let explanation = match (l.is_some(), r.is_some()) {
        (true, true) => format!("the {what} differs"),
        (true, false) => format!("a {what} is only in the left version"),
        _ => format!("a {what} is only in the right version"),
    };
    out.push(suggestion(category, left, l, right, r, explanation));
}

/// Does the word at `i` open a sentence (the text before it ends one)?
pub(super) fn sentence_start(s: &Words, i: usize) -> bool {
    i == 0
        || s.gap(i - 1, i)
            .contains(['.', '!', '?', '“', '"', '«', '„'])
}

pub(super) fn is_title(s: &Words, i: usize) -> bool {
    s.in_list(List::Title, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_counts_find_what_comparing_every_word_finds(
            held in proptest::collection::vec("(ab|abc|é)[abé]{0,7}", 0..40),
            asked in "(ab|abc|é)[abé]{0,7}",
        ) {
            let mut counts = WordCounts::default();
            for w in &held {
                counts.add(w);
            }
            let every = held.iter().filter(|w| same_word(w, &asked)).count();
            proptest::prop_assert_eq!(counts.same_as(&asked), every);
        }
    }
}
