//! Finding the discrepancies a fact-checker looks for, inside each link:
//! names, titles, numbers, dates, places, attribution, certainty and
//! contradiction; and, across the pair, what one article names that the
//! other never mentions. Rule-based and offline; the word lists are data in
//! `assets/lexicon/`.
//!
//! The detectors compare *cues* (words of a category) between the two sides
//! of a link. Rewording alone changes no cue, so a paraphrase raises
//! nothing; a cue on one side that the other side does not state is a
//! suggestion, with the phrase around it on each side.

mod listed;
mod omissions;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::core::compare::changes::{Change, Op, WordDiff};
use crate::core::compare::classify::same_name_family;
use crate::core::document::Document;
use crate::core::lexicon::Lexicon;
use crate::core::{Category, Side};
use crate::core::tokens::{Vocabulary, WordToken};
use listed::{List, without_elision};

pub use listed::Listed;
pub use omissions::{Omission, omissions};

/// A suggested discrepancy inside one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    pub category: Category,
    /// Byte spans in each article; `None` for a side that has nothing.
    pub left: Option<(usize, usize)>,
    pub right: Option<(usize, usize)>,
    pub left_text: String,
    pub right_text: String,
    pub explanation: String,
}

impl Discrepancy {
    /// Identifies the suggestion across sessions (for "rejected" and
    /// "accepted"): its category and the words on each side.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.category.id(),
            self.left_text,
            self.right_text
        )
    }
}

/// One side of a link: its words, the article text, and the word lists of
/// its language.
struct Words<'a> {
    side: Side,
    tokens: &'a [WordToken],
    vocabulary: &'a Vocabulary,
    listed: &'a Listed,
    text: &'a str,
    lex: &'static Lexicon,
    /// Every word's [`compound`], built the first time [`unmatched`] reads
    /// this side as the other side (once per link, not once per category).
    compounds: OnceCell<Vec<Cow<'a, str>>>,
}

impl<'a> Words<'a> {
    fn new(side: Side, diff: &'a WordDiff, doc: &'a Document, listed: &'a Listed) -> Self {
        let (tokens, vocabulary) = (diff.side(side), diff.vocabulary());
        Words { side, tokens, vocabulary, listed, text: &doc.text, lex: doc.language.lexicon(), compounds: OnceCell::new() }
    }

    /// Is the word at `i` in `list`?
    fn is(&self, i: usize, list: List) -> bool {
        self.listed.has(self.side, self.tokens[i].word, list)
    }

    /// The word at `i`, normalised ([`crate::core::tokens::normalize`]).
    fn word(&self, i: usize) -> &'a str {
        &self.vocabulary.word(self.tokens[i].word).norm
    }

    fn is_number(&self, i: usize) -> bool {
        self.vocabulary.word(self.tokens[i].word).number
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].capitalised
    }

    /// The text between the words at `a` and `b`.
    fn gap(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].span().1..self.tokens[b].span().0]
    }

    fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].span().0, self.tokens[last].span().1)
    }

    /// The word at `i`, normalised, without an elided article or pronoun
    /// ("l'ancien" -> "ancien"), so that French cues are found.
    fn norm(&self, i: usize) -> &'a str {
        without_elision(self.word(i), self.lex)
    }

    /// Is the word at `i`, or the hyphenated word it is part of
    /// ("son-in-law", "terça-feira"), in `list`?
    fn in_list(&self, list: List, i: usize) -> bool {
        self.is(i, list) || (self.hyphenated(i) && list.set(self.lex).is_some_and(|set| set.contains(&*compound(self, i))))
    }

    /// Is the word at `i` joined to a neighbour by a hyphen? (Only then is
    /// its compound worth building.)
    fn hyphenated(&self, i: usize) -> bool {
        let joined = |a: usize, b: usize| self.gap(a, b) == "-";
        (i > 0 && joined(i - 1, i)) || (i + 1 < self.tokens.len() && joined(i, i + 1))
    }

    /// Every word's [`compound`], built once.
    fn compounds(&self) -> &[Cow<'a, str>] {
        self.compounds.get_or_init(|| (0..self.tokens.len()).map(|j| compound(self, j)).collect())
    }

    /// A verb's base form, for irregular verbs ("struck" -> "strike").
    fn lemma<'w>(&self, w: &'w str) -> &'w str {
        self.lex.irregular_verbs.get(w).copied().unwrap_or(w)
    }
}

/// Two words are the same cue if equal, or one extends the other by a short
/// ending ("town" / "towns", "east" / "eastern").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la - common <= 3 && lb - common <= 3
}

/// A verb form without its regular ending: "confirmed", "confirms",
/// "confirming" -> "confirm"; "agreed" / "agree" -> "agre"; "stopped" ->
/// "stop". Irregular forms go through [`lemma`] first.
fn verb_stem<'w>(side: &Words, w: &'w str) -> &'w str {
    let w = side.lemma(w);
    for ending in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = w.strip_suffix(ending).filter(|s| s.len() >= 3) {
            let b = stem.as_bytes();
            let doubled = ending.len() >= 2
                && b.len() >= 4
                && b[b.len() - 1] == b[b.len() - 2]
                && !b"aeiouls".contains(&b[b.len() - 1]);
            return if doubled {
                &stem[..stem.len() - 1]
            } else {
                stem
            };
        }
    }
    w
}

/// The same verb, in any form ("withdraw" / "withdrew", "back" / "backed"),
/// and never two verbs that only share a beginning ("accept" / "access").
fn same_verb(side: &Words, a: &str, b: &str) -> bool {
    verb_stem(side, a) == verb_stem(side, b)
}

/// The hyphenated word that token `i` is part of ("son-in-law"), lower
/// case; the word itself, not copied, when it has no hyphen.
fn compound<'a>(side: &Words<'a>, i: usize) -> Cow<'a, str> {
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
    Cow::Owned((lo..=hi).map(|k| side.word(k)).collect::<Vec<_>>().join("-"))
}

/// Indices of words matching `is_cue`.
fn cues(side: &Words, is_cue: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..side.tokens.len()).filter(|&i| is_cue(i)).collect()
}

/// The cues of `mine` that `other` does not state as often (a part of a
/// hyphenated cue counts as stated only if the whole compound is): a
/// second "President" in one version is a change even when the other
/// version has a first one.
fn unmatched(mine: &Words, cues: &[usize], other: &Words) -> Vec<usize> {
    if cues.is_empty() {
        return Vec::new();
    }
    let other_words = other.compounds();
    let mut seen: Vec<Cow<str>> = Vec::new();
    cues.iter()
        .copied()
        .filter(|&i| {
            let word = compound(mine, i);
            let nth = seen.iter().filter(|w| same_word(w, &word)).count();
            let stated = other_words.iter().filter(|w| same_word(&word, w)).count();
            seen.push(word);
            stated <= nth
        })
        .collect()
}

/// The phrase around the first of `indices`: grown over neighbouring cues
/// (allowing one linking word such as "and" or "of" between them).
fn phrase(
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
fn is_link_word(side: &Words, i: usize) -> bool {
    side.is(i, List::LinkWord)
}

/// Builds a suggestion from word ranges on each side.
fn suggestion(
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
    let words = |t: &str, (s, e): (usize, usize)| t[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
    Discrepancy {
        category,
        left: ls,
        right: rs,
        left_text: ls.map_or(String::new(), |span| words(left.text, span)),
        right_text: rs.map_or(String::new(), |span| words(right.text, span)),
        explanation,
    }
}

/// The detectors, run on the words of one link.
pub fn detect(
    diff: &WordDiff,
    left_doc: &Document,
    right_doc: &Document,
    listed: &Listed,
) -> Vec<Discrepancy> {
    let left = Words::new(Side::Left, diff, left_doc, listed);
    let right = Words::new(Side::Right, diff, right_doc, listed);
    let mut out = Vec::new();
    names_spelled(&left, &right, &mut out);
    titles(&left, &right, &mut out);
    numbers(&left, &right, &mut out);
    dates(&left, &right, &mut out);
    let is_place = |s: &Words, i: usize| s.is(i, List::Place);
    let (lp, rp) = (
        cues(&left, |i| is_place(&left, i)),
        cues(&right, |i| is_place(&right, i)),
    );
    cue_category(
        Category::Place,
        &left,
        &right,
        unmatched(&left, &lp, &right),
        unmatched(&right, &rp, &left),
        &is_place,
        &mut out,
    );
    attribution(&left, &right, &mut out);
    names_replaced(&left, &right, &diff.changes, &mut out);
    opposites(&left, &right, &diff.changes, &mut out);
    certainty(&left, &right, &mut out);
    contradiction(&left, &right, &mut out);
    out
}

/// Does the word at `i` open a sentence (the text before it ends one)?
fn sentence_start(s: &Words, i: usize) -> bool {
    i == 0 || s.gap(i - 1, i).contains(['.', '!', '?', '“', '"', '«', '„'])
}

/// `name`: the same place holds a differently spelled name.
fn names_spelled(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let name_at = |s: &Words, i: usize| s.is(i, List::NameAsWritten) && s.word(i).chars().count() >= 5 && !is_title(s, i);
    // Both sides share one vocabulary: the same id is the same word.
    let count = |side: &Words, id: u32| side.tokens.iter().filter(|t| t.word == id).count();
    for i in cues(left, |i| name_at(left, i)) {
        let (a, a_id) = (left.word(i), left.tokens[i].word);
        if count(right, a_id) >= count(left, a_id) {
            continue; // stated as often on the other side
        }
        let twin = cues(right, |j| name_at(right, j)).into_iter().find(|&j| {
            let (b, b_id) = (right.word(j), right.tokens[j].word);
            count(left, b_id) < count(right, b_id)
                && !same_name_family(a, b)
                && strsim_close(a, b)
        });
        if let Some(j) = twin {
            let explanation = "the same name is spelled differently".to_string();
            out.push(suggestion(
                Category::Name,
                left,
                Some((i, i)),
                right,
                Some((j, j)),
                explanation,
            ));
        }
    }
}

/// A spelling variant: one edit apart, two for names of 8 letters or more
/// (so "French" / "France", two edits in six letters, is not one).
fn strsim_close(a: &str, b: &str) -> bool {
    let allowed = if a.chars().count().min(b.chars().count()) >= 8 {
        2
    } else {
        1
    };
    crate::core::edit_distance::within(a, b, allowed)
}

fn is_title(s: &Words, i: usize) -> bool {
    s.in_list(List::Title, i)
}

/// `name`: in the same place of the sentence, one version names another
/// person ("met Helen Okafor" / "met Lisa Hwang") or another surname after
/// the same first name. Only short replacements of names count, and not in
/// German, where every noun is capitalised.
fn names_replaced(left: &Words, right: &Words, changes: &[Change], out: &mut Vec<Discrepancy>) {
    let is_name = |s: &Words, i: usize| s.is(i, List::Name) && s.is_capitalised(i) && !is_title(s, i) && !s.in_list(List::Time, i);
    let taken = |d: &Discrepancy, l: (usize, usize)| d.left.is_some_and(|(a, b)| a < l.1 && l.0 < b);
    for c in changes.iter().filter(|c| c.op == Op::Replace && c.left.len() <= 3 && c.right.len() <= 3) {
        if left.lex.code == "de" || right.lex.code == "de" {
            return;
        }
        let ln: Vec<usize> = c.left.clone().filter(|&i| is_name(left, i)).collect();
        let rn: Vec<usize> = c.right.clone().filter(|&j| is_name(right, j)).collect();
        // A person's full name on both sides ("Helen Okafor" / "Lisa Hwang"):
        // one capitalised word for another is as often a metonym ("the
        // Kremlin" / "Moscow", "Kyiv" / "Ukraine") as a different fact.
        // Or one surname for another after the same first name ("Florence
        // Caillaud" / "Florence Caillot").
        let same_first = ln.len() == 1 && rn.len() == 1 && ln[0] > 0 && rn[0] > 0 && ln[0] == c.left.start && rn[0] == c.right.start && is_name(left, ln[0] - 1) && left.norm(ln[0] - 1) == right.norm(rn[0] - 1);
        if (ln.len() < 2 || rn.len() < 2) && !same_first {
            continue;
        }
        let (l0, r0) = (ln[0], rn[0]);
        let stated = |a: &str, other: &Words| (0..other.tokens.len()).any(|j| other.norm(j) == a || same_name_family(a, other.norm(j)));
        if ln.iter().any(|&i| stated(left.norm(i), right)) || rn.iter().any(|&j| stated(right.norm(j), left)) {
            continue;
        }
        let l = (l0, *ln.last().expect("non-empty"));
        let r = (r0, *rn.last().expect("non-empty"));
        if out.iter().any(|d| taken(d, left.span(l.0, l.1))) {
            continue;
        }
        out.push(suggestion(Category::Name, left, Some(l), right, Some(r), "another name stands in the same place".to_string()));
    }
}

/// `title`: a role or title that differs between the versions. One that
/// only appears or disappears counts when it changes the meaning ("former")
/// and the person it belongs to is named in both versions; a title that
/// vanishes with its person is an omission, not a title change.
fn titles<'a>(left: &Words<'a>, right: &Words<'a>, out: &mut Vec<Discrepancy>) {
    let lu = unmatched(left, &cues(left, |i| is_title(left, i)), right);
    let ru = unmatched(right, &cues(right, |i| is_title(right, i)), left);
    if lu.is_empty() == ru.is_empty() {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
        return;
    }
    let (side, other, found) = if lu.is_empty() {
        (right, left, &ru)
    } else {
        (left, right, &lu)
    };
    let modifier = found
        .iter()
        .any(|&i| side.in_list(List::TitleModifier, i));
    // The person: a name within two words after the title (or just before it).
    let person = found
        .iter()
        .flat_map(|&i| i.saturating_sub(2)..(i + 3).min(side.tokens.len()))
        .find(|&j| side.is(j, List::NameAsWritten) && !is_title(side, j));
    let named_in_both = person.is_some_and(|j| other.tokens.iter().any(|t| t.word == side.tokens[j].word));
    if modifier && named_in_both {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
    }
}

/// A suggestion from the cues of a category (`lu`, `ru`: the cues each side
/// has and the other does not state).
fn cue_category(
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

/// `contradiction`: in the same place, one version says the opposite
/// ("rose" / "fell", "légèrement" / "grièvement").
fn opposites(left: &Words, right: &Words, changes: &[Change], out: &mut Vec<Discrepancy>) {
    for c in changes.iter().filter(|c| c.op == Op::Replace && c.left.len() <= 3 && c.right.len() <= 3) {
        let pair = c.left.clone().find_map(|i| {
            let opposite = left.lex.antonyms.get(left.norm(i))?;
            c.right.clone().find(|&j| opposite.contains(&right.norm(j))).map(|j| (i, j))
        });
        if let Some((i, j)) = pair {
            let (ls, rs) = (left.span(i, i), right.span(j, j));
            if out.iter().any(|d| d.left.is_some_and(|(a, b)| a < ls.1 && ls.0 < b) || d.right.is_some_and(|(a, b)| a < rs.1 && rs.0 < b)) {
                continue;
            }
            out.push(suggestion(Category::Contradiction, left, Some((i, i)), right, Some((j, j)), "one version says the opposite".to_string()));
        }
    }
}

/// A clock time: a number just before "a.m."/"pm"/"h" ("10 a.m.", "15 h"),
/// either part of "10:30", or the compact form of French, Spanish and
/// Portuguese news ("11h", "19h30"). Dates in figures need no word lists.
fn is_time_of_day(s: &Words, i: usize) -> bool {
    let t = &s.tokens;
    let number = |k: usize| s.is_number(k);
    let gap = |k: usize| s.gap(k, k + 1);
    let clock = i + 1 < t.len() && number(i) && gap(i) == ":" && number(i + 1)
        || i > 0 && number(i) && gap(i - 1) == ":" && number(i - 1);
    let marker = i + 1 < t.len()
        && number(i)
        && gap(i).trim().is_empty()
        && matches!(
            s.word(i + 1),
            "a.m" | "p.m" | "am" | "pm" | "h" | "uhr"
        );
    let compact = s.word(i).split_once('h').is_some_and(|(hour, minute)| {
        let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
        (1..=2).contains(&hour.len()) && digits(hour) && (minute.is_empty() || minute.len() == 2 && digits(minute))
    });
    clock || marker || compact
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y))
}

/// `number`: a count, amount or percentage that differs.
fn numbers(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    // "One" is more often a pronoun ("no one", "one of them") than a count.
    fn values<'a>(s: &Words<'a>) -> Vec<(usize, &'a str)> {
        (0..s.tokens.len())
            .filter_map(|i| s.lex.number_value(s.norm(i)).filter(|v| !is_year(v) && !is_time_of_day(s, i)).map(|v| (i, v)))
            .collect()
    }
    let (lv, rv) = (values(left), values(right));
    let lu: Vec<&(usize, &str)> = lv
        .iter()
        .filter(|(_, v)| !rv.iter().any(|(_, w)| w == v))
        .collect();
    let ru: Vec<&(usize, &str)> = rv
        .iter()
        .filter(|(_, v)| !lv.iter().any(|(_, w)| w == v))
        .collect();
    if lu.is_empty() && ru.is_empty() {
        return;
    }
    let l = lu.first().map(|(i, _)| (*i, *i));
    let r = ru.first().map(|(i, _)| (*i, *i));
    let explanation = match (lu.first(), ru.first()) {
        (Some((_, a)), Some((_, b))) => format!("the figure differs: {a} / {b}"),
        (Some((_, a)), None) => format!("the figure {a} is only in the left version"),
        (None, Some((_, b))) => format!("the figure {b} is only in the right version"),
        (None, None) => unreachable!("checked above"),
    };
    out.push(suggestion(Category::Number, left, l, right, r, explanation));
}

/// `date`: a date, weekday or time that differs, is dropped, or becomes vaguer.
fn dates(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let is_cue = |s: &Words, i: usize| {
        let w = s.word(i);
        // "May" the month, not "may" the hedge.
        (s.in_list(List::Time, i) && (w != "may" || s.is_capitalised(i)))
            || is_year(w)
            || is_time_of_day(s, i)
    };
    let lc = cues(left, |i| is_cue(left, i));
    let rc = cues(right, |i| is_cue(right, i));
    let (lu, ru) = (unmatched(left, &lc, right), unmatched(right, &rc, left));
    if lu.is_empty() && ru.is_empty() {
        return;
    }
    // Relative words alone ("earlier", "later") are mostly the narrative's
    // glue; a date suggestion needs a specific time on one side.
    let specific =
        |s: &Words, found: &[usize]| found.iter().any(|&i| !s.is(i, List::VagueTime));
    if !specific(left, &lu) && !specific(right, &ru) {
        return;
    }
    let l = phrase(left, &lu, &|i| is_cue(left, i));
    let r = phrase(right, &ru, &|i| is_cue(right, i));
    let vague = |s: &Words, range: Option<(usize, usize)>| {
        range.is_some_and(|(a, b)| (a..=b).all(|i| s.is(i, List::VagueTime)))
    };
    let explanation = match (l, r) {
        (Some(_), Some(_)) if vague(right, r) && !vague(left, l) => {
            "the time becomes vaguer".to_string()
        }
        (Some(_), Some(_)) if vague(left, l) && !vague(right, r) => {
            "the time becomes more precise".to_string()
        }
        (Some(_), Some(_)) => "the date or time differs".to_string(),
        (Some(_), None) => "a date or time is only in the left version".to_string(),
        _ => "a date or time is only in the right version".to_string(),
    };
    out.push(suggestion(Category::Date, left, l, right, r, explanation));
}

/// Who a speech verb at `verb` attributes its statement to: the nearest
/// name, title, pronoun or vague source within three words before it, with
/// the capitalised words of a multi-word name; else, as inverted reporting
/// clauses put it ("said Mayor Helen Okafor", "a déclaré un habitant"),
/// the phrase just after it.
fn speaker(side: &Words, verb: usize) -> Option<(usize, usize)> {
    let is_speaker = |i: usize| {
        // A capitalised word before a speech verb is a name even where it
        // opens the sentence ("Macron said").
        let name = side.is(i, List::Name) || (side.is_capitalised(i) && !side.is(i, List::Stopword));
        name || is_title(side, i) || side.is(i, List::Pronoun) || side.is(i, List::VagueSource)
    };
    // Not across punctuation: in "„…sehr“, sagte Bahnsprecherin Anja Bröker"
    // the word before the comma belongs to the quotation.
    let open = |i: usize| !side.gap(i, i + 1).contains([',', ';', ':', '“', '”', '"', '«', '»', '„', '.']);
    let reach = (verb.saturating_sub(3)..verb).rev().take_while(|&i| open(i)).last().unwrap_or(verb);
    if let Some(at) = (reach..verb).rev().find(|&i| is_speaker(i)) {
        // Back over the name's capitalised words, then its title, if any
        // ("Central Maine Power spokesperson Kate Nordmann": the speaker is
        // the spokesperson Kate Nordmann, not the company before).
        let mut first = at;
        while first > 0 && !is_title(side, first) && side.is_capitalised(first - 1) && !is_title(side, first - 1) && side.is(first - 1, List::Name) {
            first -= 1;
        }
        if first > 0 && !is_title(side, first) && is_title(side, first - 1) {
            first -= 1;
        }
        return Some((first, at));
    }
    // After the verb: skip articles, then a title, names or a noun.
    let after = |i: usize| i < side.tokens.len() && side.gap(i - 1, i).trim_matches(|c: char| c.is_whitespace() || c == '-').is_empty();
    let mut first = verb + 1;
    while after(first) && side.is(first, List::Stopword) && !side.is(first, List::Pronoun) && first < verb + 3 {
        first += 1;
    }
    if !after(first) || side.is(first, List::Speech) {
        return None;
    }
    let mut last = first;
    while after(last + 1) && (is_title(side, last) || side.is_capitalised(last)) && (side.is_capitalised(last + 1) || is_title(side, last + 1)) {
        last += 1;
    }
    Some((first, last))
}

/// What kind of source a speaker span is, and the words that identify it:
/// the names in it if it has any (a title alone identifies a role).
fn source<'s>(s: &'s Words, (a, b): (usize, usize)) -> (&'static str, Vec<&'s str>) {
    let plain = |i: usize| !is_title(s, i) && !s.is(i, List::Stopword) && !s.is(i, List::Pronoun) && !s.is(i, List::VagueSource);
    // A person's name ends the phrase: its last two capitalised words
    // ("Wikinews-Mitbegründer Erik Möller" is Erik Möller).
    let mut named: Vec<&str> = (a..=b).filter(|&i| s.is_capitalised(i) && plain(i)).map(|i| s.norm(i)).collect();
    named.drain(..named.len().saturating_sub(2));
    let titled: Vec<&str> = (a..=b).filter(|&i| is_title(s, i)).map(|i| s.norm(i)).collect();
    let head = s.norm(b);
    if !named.is_empty() {
        ("name", named)
    } else if !titled.is_empty() {
        ("name", titled)
    } else if s.is(b, List::Pronoun) && a == b {
        ("pronoun", vec![head])
    } else {
        ("vague", vec![head])
    }
}

/// `attribution`: the statement moves to another speaker or to a vaguer
/// source.
fn attribution(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let speakers = |s: &Words| -> Vec<((usize, usize), usize)> {
        cues(s, |i| s.is(i, List::Speech)).into_iter().filter_map(|v| speaker(s, v).map(|sp| (sp, v))).collect()
    };
    let (ls_all, rs_all) = (speakers(left), speakers(right));
    // A speaker both versions name is no change, whichever verb it goes with.
    let same = |a: &[&str], b: &[&str]| a.iter().any(|x| b.iter().any(|y| x == y || same_name_family(x, y)));
    for &(ls, lv) in &ls_all {
        let (lk, lw) = source(left, ls);
        if rs_all.iter().any(|&(rs, _)| same(&lw, &source(right, rs).1)) {
            continue;
        }
        for &(rs, rv) in &rs_all {
            let (rk, rw) = source(right, rs);
            if ls_all.iter().any(|&(l2, _)| same(&source(left, l2).1, &rw)) {
                continue;
            }
            let differ = match (lk, rk) {
                ("name", "name") => true,
                ("vague", "vague") | ("pronoun", "pronoun") | ("pronoun", "name") | ("name", "pronoun") => false,
                _ => true,
            };
            if differ {
                let explanation = match (lk, rk) {
                    (_, "vague") => "the statement is attributed to a vaguer source",
                    ("vague", _) => "the statement is attributed to a more definite source",
                    _ => "the statement is attributed to another speaker",
                };
                let span = |(a, b): (usize, usize), v: usize| (a.min(v), b.max(v));
                out.push(suggestion(Category::Attribution, left, Some(span(ls, lv)), right, Some(span(rs, rv)), explanation.to_string()));
                return;
            }
        }
    }
}

/// `certainty`: a hedge on one side that the other side does not state.
fn certainty(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    // A hedge word capitalised inside a sentence is a name ("in May").
    let hedges = |s: &Words| cues(s, |i| s.in_list(List::Hedge, i) && !(i > 0 && s.is_capitalised(i) && !sentence_start(s, i)));
    let certain = |s: &Words| cues(s, |i| s.is(i, List::Certainty) && negated(s, i).is_none());
    // Hedges are matched against the other side's hedges only: "may" the
    // hedge is not stated by "May" the month.
    let (lc, rc) = (hedges(left), hedges(right));
    // Of a hedge one side states more often, the extra uses are those whose
    // neighbours match no use on the other side, else the last ones. (Not
    // the word diff's changed words: which of two equal words a diff calls
    // changed depends on the direction, and B against A must mirror A
    // against B.)
    fn around<'a>(s: &Words<'a>, i: usize) -> (Option<&'a str>, Option<&'a str>) {
        (i.checked_sub(1).map(|p| s.norm(p)), (i + 1 < s.tokens.len()).then(|| s.norm(i + 1)))
    }
    let extra = |mine: &Words, cues: &[usize], other: &Words, others: &[usize]| -> Vec<usize> {
        let mut out = Vec::new();
        let mut words: Vec<Cow<str>> = cues.iter().map(|&i| compound(mine, i)).collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            let mut uses: Vec<usize> = cues.iter().copied().filter(|&i| compound(mine, i) == w).collect();
            let theirs: Vec<usize> = others.iter().copied().filter(|&j| compound(other, j) == w).collect();
            let surplus = uses.len().saturating_sub(theirs.len());
            let kept = |i: usize| {
                let (before, after) = around(mine, i);
                theirs.iter().map(|&j| around(other, j)).map(|(b, a)| u8::from(b == before) + u8::from(a == after)).max().unwrap_or(0)
            };
            uses.sort_by_key(|&i| (kept(i), std::cmp::Reverse(i)));
            out.extend(uses.into_iter().take(surplus));
        }
        out.sort_unstable();
        out
    };
    let (lh, rh) = (extra(left, &lc, right, &rc), extra(right, &rc, left, &lc));
    let (l, r, explanation) = match (lh.first(), rh.first()) {
        (None, Some(&h)) => (certain(left).first().map(|&i| (i, i)), Some((h, h)), "a hedge is added: the claim is less certain"),
        (Some(&h), None) => (Some((h, h)), certain(right).first().map(|&i| (i, i)), "a hedge is dropped: the claim is more certain"),
        // Both hedge, in other words ("may" / "might"): as certain as each other.
        _ => return,
    };
    out.push(suggestion(Category::Certainty, left, l, right, r, explanation.to_string()));
}

/// Are tokens `i` and `i + 1` in the same clause (no sentence or clause
/// punctuation between them)?
fn same_clause(side: &Words, i: usize) -> bool {
    i + 1 < side.tokens.len() && !side.gap(i, i + 1).contains(['.', '!', '?', ';', ',', ':', '“', '”', '„', '«', '»', '"'])
}

/// The word a negation at `neg` negates: the next word that is not an
/// auxiliary or a function word, within three words of its clause; where
/// the negation closes its clause ("…bestätigten den Zeitplan nicht"), the
/// nearest such word before it; failing both, the auxiliary or copula it
/// stands before, whose complement is only function words or quoted
/// ("no son una «cuestión interna»", "não é isso").
fn negated_verb(side: &Words, neg: usize) -> Option<usize> {
    let content = |i: usize| !side.is(i, List::Auxiliary) && !side.is(i, List::Stopword) && !side.is(i, List::Negation);
    let forward = (neg + 1..(neg + 4).min(side.tokens.len())).take_while(|&i| same_clause(side, i - 1)).find(|&i| content(i));
    forward.or_else(|| {
        let closes = !same_clause(side, neg);
        let before = (neg.saturating_sub(3)..neg).rev().take_while(|&i| same_clause(side, i));
        if closes { before.into_iter().find(|&i| content(i)) } else { None }
    })
    .or_else(|| (neg + 1..(neg + 4).min(side.tokens.len())).take_while(|&i| same_clause(side, i - 1)).find(|&i| side.is(i, List::Auxiliary)))
}

/// Is the word at `i` negated (a negation within three words before it, or
/// a clause-closing negation just after it that negates it)?
fn negated(side: &Words, i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i)
        .find(|&j| side.is(j, List::Negation))
        .or_else(|| (i + 1..(i + 4).min(side.tokens.len())).find(|&j| side.is(j, List::Negation) && negated_verb(side, j) == Some(i)))
}

/// How many times `side` states `verb` (in any form), and how many of those
/// are negated.
fn verb_counts(side: &Words, verb: &str) -> (usize, usize) {
    let uses = cues(side, |i| same_verb(side, side.norm(i), verb));
    let negated = uses.iter().filter(|&&i| negated(side, i).is_some()).count();
    (uses.len(), negated)
}

/// `contradiction`: a denial against a confirmation or a non-confirmation,
/// or a statement negated in one version only. Only what one side states
/// more often than the other counts: a sentence that denies one thing and
/// grants another says the same in both versions when both say it.
fn contradiction<'a>(left: &Words<'a>, right: &Words<'a>, out: &mut Vec<Discrepancy>) {
    for (a, b, flipped) in [(left, right, false), (right, left, true)] {
        // A denial verb on one side; the affirmative it contradicts on the other.
        for d in cues(a, |i| a.is(i, List::Denial)) {
            let denial = a.norm(d);
            if verb_counts(b, denial).0 >= verb_counts(a, denial).0 {
                continue; // the other side denies it too
            }
            let opposites = &a.lex.denial[denial];
            let Some(o) = cues(b, |i| {
                opposites.iter().any(|op| same_verb(b, op, b.norm(i)))
            })
            .into_iter()
            .next() else {
                continue;
            };
            if verb_counts(a, b.word(o)).0 >= verb_counts(b, b.word(o)).0 {
                continue; // this side states the affirmative as well
            }
            let (start, explanation) = match negated(b, o) {
                Some(n) => (
                    n.min(o).saturating_sub(usize::from(
                        n > 0 && b.is(n - 1, List::Auxiliary),
                    )),
                    "a denial in one version is only a non-confirmation in the other",
                ),
                None => (o, "one version denies what the other confirms"),
            };
            let (da, ob) = (Some((d, d)), Some((start, o)));
            let (l, r) = if flipped { (ob, da) } else { (da, ob) };
            out.push(suggestion(
                Category::Contradiction,
                left,
                l,
                right,
                r,
                explanation.to_string(),
            ));
            return;
        }
        // A negated verb on one side, the same verb un-negated on the other.
        for n in cues(a, |i| a.is(i, List::Negation)) {
            let Some(v) = negated_verb(a, n) else {
                continue;
            };
            let verb = a.word(v);
            if verb_counts(b, verb).1 >= verb_counts(a, verb).1 {
                continue; // negated as often on the other side
            }
            let Some(o) = cues(b, |i| same_verb(b, b.norm(i), verb))
                .into_iter()
                .find(|&i| negated(b, i).is_none())
            else {
                continue;
            };
            let (na, ob) = (Some((n.min(v), n.max(v))), Some((o, o)));
            let (l, r) = if flipped { (ob, na) } else { (na, ob) };
            out.push(suggestion(
                Category::Contradiction,
                left,
                l,
                right,
                r,
                "a statement is negated in one version only".to_string(),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests;
