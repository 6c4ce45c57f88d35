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

mod omissions;

use std::collections::HashSet;

use crate::core::compare::ComparedLink;
use crate::core::compare::classify::{number_value, same_name_family};
use crate::core::document::Document;
use crate::core::lexicon::{CERTAINTY, DENIAL, HEDGES, NEGATION, PLACES, SPEECH, TIME, TITLE_MODIFIERS, TITLES, VAGUE_SOURCES, VAGUE_TIME};
use crate::core::notes::Category;
use crate::core::tokens::Token;

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
        format!("{}|{}|{}", self.category.id(), self.left_text, self.right_text)
    }
}

/// One side of a link: its words, the article text, and which words the
/// other side words differently.
struct Side<'a> {
    tokens: &'a [Token],
    text: &'a str,
}

impl Side<'_> {
    fn original(&self, i: usize) -> &str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.original(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].start, self.tokens[last].end)
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

/// A verb's base form, for irregular verbs ("struck" -> "strike").
fn lemma(w: &str) -> &str {
    crate::core::lexicon::IRREGULAR_VERBS.get(w).copied().unwrap_or(w)
}

/// A verb form without its regular ending: "confirmed", "confirms",
/// "confirming" -> "confirm"; "agreed" / "agree" -> "agre"; "stopped" ->
/// "stop". Irregular forms go through [`lemma`] first.
fn verb_stem(w: &str) -> &str {
    let w = lemma(w);
    for ending in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = w.strip_suffix(ending).filter(|s| s.len() >= 3) {
            let b = stem.as_bytes();
            let doubled = ending.len() >= 2 && b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1]);
            return if doubled { &stem[..stem.len() - 1] } else { stem };
        }
    }
    w
}

/// The same verb, in any form ("withdraw" / "withdrew", "back" / "backed"),
/// and never two verbs that only share a beginning ("accept" / "access").
fn same_verb(a: &str, b: &str) -> bool {
    verb_stem(a) == verb_stem(b)
}

/// The hyphenated word that token `i` is part of ("son-in-law"), lower case.
fn compound(side: &Side, i: usize) -> String {
    let joined = |a: usize, b: usize| side.text[side.tokens[a].end..side.tokens[b].start] == *"-";
    let (mut lo, mut hi) = (i, i);
    while lo > 0 && joined(lo - 1, lo) {
        lo -= 1;
    }
    while hi + 1 < side.tokens.len() && joined(hi, hi + 1) {
        hi += 1;
    }
    (lo..=hi).map(|k| side.tokens[k].norm.as_str()).collect::<Vec<_>>().join("-")
}

/// Indices of words matching `is_cue`.
fn cues(side: &Side, is_cue: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..side.tokens.len()).filter(|&i| is_cue(i)).collect()
}

/// The cues of `mine` that no word of `other` states (a part of a
/// hyphenated cue counts as stated only if the whole compound is).
fn unmatched(mine: &Side, cues: &[usize], other: &Side) -> Vec<usize> {
    if cues.is_empty() {
        return Vec::new();
    }
    let other_words: Vec<String> = (0..other.tokens.len()).map(|j| compound(other, j)).collect();
    cues.iter().copied().filter(|&i| !other_words.iter().any(|w| same_word(&compound(mine, i), w))).collect()
}

/// The phrase around the first of `indices`: grown over neighbouring cues
/// (allowing one linking word such as "and" or "of" between them).
fn phrase(side: &Side, indices: &[usize], is_cue: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    let &first = indices.first()?;
    let (mut lo, mut hi) = (first, first);
    while lo > 0 && (is_cue(lo - 1) || (lo >= 2 && is_cue(lo - 2) && is_link_word(&side.tokens[lo - 1].norm))) {
        lo -= if is_cue(lo - 1) { 1 } else { 2 };
    }
    while hi + 1 < side.tokens.len() && (is_cue(hi + 1) || (hi + 2 < side.tokens.len() && is_cue(hi + 2) && is_link_word(&side.tokens[hi + 1].norm))) {
        hi += if is_cue(hi + 1) { 1 } else { 2 };
    }
    Some((lo, hi))
}

fn is_link_word(w: &str) -> bool {
    matches!(w, "and" | "of" | "the" | "a" | "in")
}

/// Builds a suggestion from word ranges on each side.
fn suggestion(category: Category, left: &Side, l: Option<(usize, usize)>, right: &Side, r: Option<(usize, usize)>, explanation: String) -> Discrepancy {
    let text = |side: &Side, range: Option<(usize, usize)>| range.map(|(a, b)| side.span(a, b));
    let (ls, rs) = (text(left, l), text(right, r));
    Discrepancy {
        category,
        left: ls,
        right: rs,
        left_text: ls.map_or(String::new(), |(s, e)| left.text[s..e].to_string()),
        right_text: rs.map_or(String::new(), |(s, e)| right.text[s..e].to_string()),
        explanation,
    }
}

/// The detectors, run on one link.
pub fn detect(link: &ComparedLink, left_doc: &Document, right_doc: &Document, names: &HashSet<String>) -> Vec<Discrepancy> {
    let left = Side { tokens: &link.diff.left, text: &left_doc.text };
    let right = Side { tokens: &link.diff.right, text: &right_doc.text };
    let mut out = Vec::new();
    names_spelled(&left, &right, names, &mut out);
    titles(&left, &right, names, &mut out);
    numbers(&left, &right, &mut out);
    dates(&left, &right, &mut out);
    let is_place = |s: &Side, i: usize| PLACES.contains(s.tokens[i].norm.as_str());
    let (lp, rp) = (cues(&left, |i| is_place(&left, i)), cues(&right, |i| is_place(&right, i)));
    cue_category(Category::Place, &left, &right, unmatched(&left, &lp, &right), unmatched(&right, &rp, &left), &is_place, &mut out);
    attribution(&left, &right, names, &mut out);
    certainty(&left, &right, &mut out);
    contradiction(&left, &right, &mut out);
    out
}

/// `name`: the same place holds a differently spelled name.
fn names_spelled(left: &Side, right: &Side, names: &HashSet<String>, out: &mut Vec<Discrepancy>) {
    let name_at = |s: &Side, i: usize| names.contains(&s.tokens[i].norm) && s.tokens[i].norm.chars().count() >= 5;
    for i in cues(left, |i| name_at(left, i)) {
        let a = &left.tokens[i].norm;
        if right.tokens.iter().any(|t| &t.norm == a) {
            continue;
        }
        let twin = cues(right, |j| name_at(right, j)).into_iter().find(|&j| {
            let b = &right.tokens[j].norm;
            !left.tokens.iter().any(|t| &t.norm == b) && !same_name_family(a, b) && strsim_close(a, b)
        });
        if let Some(j) = twin {
            let explanation = "the same name is spelled differently".to_string();
            out.push(suggestion(Category::Name, left, Some((i, i)), right, Some((j, j)), explanation));
        }
    }
}

/// A spelling variant: one edit apart, two for names of 8 letters or more
/// (so "French" / "France", two edits in six letters, is not one).
fn strsim_close(a: &str, b: &str) -> bool {
    let allowed = if a.chars().count().min(b.chars().count()) >= 8 { 2 } else { 1 };
    crate::core::edit_distance::within(a, b, allowed)
}

fn is_title(s: &Side, i: usize) -> bool {
    TITLES.contains(s.tokens[i].norm.as_str()) || TITLES.contains(compound(s, i).as_str())
}

/// `title`: a role or title that differs between the versions. One that
/// only appears or disappears counts when it changes the meaning ("former")
/// and the person it belongs to is named in both versions; a title that
/// vanishes with its person is an omission, not a title change.
fn titles(left: &Side, right: &Side, names: &HashSet<String>, out: &mut Vec<Discrepancy>) {
    let lu = unmatched(left, &cues(left, |i| is_title(left, i)), right);
    let ru = unmatched(right, &cues(right, |i| is_title(right, i)), left);
    if lu.is_empty() == ru.is_empty() {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
        return;
    }
    let (side, other, found) = if lu.is_empty() { (right, left, &ru) } else { (left, right, &lu) };
    let modifier = found.iter().any(|&i| TITLE_MODIFIERS.contains(side.tokens[i].norm.as_str()) || TITLE_MODIFIERS.contains(compound(side, i).as_str()));
    // The person: a name within two words after the title (or just before it).
    let person = found.iter().flat_map(|&i| i.saturating_sub(2)..(i + 3).min(side.tokens.len())).find(|&j| names.contains(&side.tokens[j].norm) && !is_title(side, j));
    let named_in_both = person.is_some_and(|j| other.tokens.iter().any(|t| t.norm == side.tokens[j].norm));
    if modifier && named_in_both {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
    }
}

/// A suggestion from the cues of a category (`lu`, `ru`: the cues each side
/// has and the other does not state).
fn cue_category(category: Category, left: &Side, right: &Side, lu: Vec<usize>, ru: Vec<usize>, is_cue: &dyn Fn(&Side, usize) -> bool, out: &mut Vec<Discrepancy>) {
    if lu.is_empty() && ru.is_empty() {
        return;
    }
    let l = phrase(left, &lu, &|i| is_cue(left, i));
    let r = phrase(right, &ru, &|i| is_cue(right, i));
    let what = if category == Category::Title { "role or title" } else { "place" };
    let explanation = match (l.is_some(), r.is_some()) {
        (true, true) => format!("the {what} differs"),
        (true, false) => format!("a {what} is only in the left version"),
        _ => format!("a {what} is only in the right version"),
    };
    out.push(suggestion(category, left, l, right, r, explanation));
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y))
}

/// `number`: a count, amount or percentage that differs.
fn numbers(left: &Side, right: &Side, out: &mut Vec<Discrepancy>) {
    // "One" is more often a pronoun ("no one", "one of them") than a count.
    let value = |s: &Side, i: usize| number_value(&s.tokens[i].norm).filter(|v| !is_year(v) && s.tokens[i].norm != "one");
    let lv: Vec<(usize, String)> = (0..left.tokens.len()).filter_map(|i| value(left, i).map(|v| (i, v))).collect();
    let rv: Vec<(usize, String)> = (0..right.tokens.len()).filter_map(|i| value(right, i).map(|v| (i, v))).collect();
    let lu: Vec<&(usize, String)> = lv.iter().filter(|(_, v)| !rv.iter().any(|(_, w)| w == v)).collect();
    let ru: Vec<&(usize, String)> = rv.iter().filter(|(_, v)| !lv.iter().any(|(_, w)| w == v)).collect();
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
fn dates(left: &Side, right: &Side, out: &mut Vec<Discrepancy>) {
    let is_cue = |s: &Side, i: usize| {
        let w = s.tokens[i].norm.as_str();
        // "May" the month, not "may" the hedge.
        (TIME.contains(w) && (w != "may" || s.is_capitalised(i))) || is_year(w)
    };
    let lc = cues(left, |i| is_cue(left, i));
    let rc = cues(right, |i| is_cue(right, i));
    let (lu, ru) = (unmatched(left, &lc, right), unmatched(right, &rc, left));
    if lu.is_empty() && ru.is_empty() {
        return;
    }
    // Relative words alone ("earlier", "later") are mostly the narrative's
    // glue; a date suggestion needs a specific time on one side.
    let specific = |s: &Side, found: &[usize]| found.iter().any(|&i| !VAGUE_TIME.contains(s.tokens[i].norm.as_str()));
    if !specific(left, &lu) && !specific(right, &ru) {
        return;
    }
    let l = phrase(left, &lu, &|i| is_cue(left, i));
    let r = phrase(right, &ru, &|i| is_cue(right, i));
    let vague = |s: &Side, range: Option<(usize, usize)>| range.is_some_and(|(a, b)| (a..=b).all(|i| VAGUE_TIME.contains(s.tokens[i].norm.as_str())));
    let explanation = match (l, r) {
        (Some(_), Some(_)) if vague(right, r) && !vague(left, l) => "the time becomes vaguer".to_string(),
        (Some(_), Some(_)) if vague(left, l) && !vague(right, r) => "the time becomes more precise".to_string(),
        (Some(_), Some(_)) => "the date or time differs".to_string(),
        (Some(_), None) => "a date or time is only in the left version".to_string(),
        _ => "a date or time is only in the right version".to_string(),
    };
    out.push(suggestion(Category::Date, left, l, right, r, explanation));
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Who a speech verb at `verb` attributes its statement to: the nearest
/// name, pronoun or vague source within three words before it, with the
/// capitalised words of a multi-word name.
fn speaker(side: &Side, verb: usize, names: &HashSet<String>) -> Option<(usize, usize)> {
    let is_speaker = |i: usize| {
        let w = side.tokens[i].norm.as_str();
        // A capitalised word before a speech verb is a name even where it
        // opens the sentence ("Macron said").
        let name = names.contains(w) || (side.is_capitalised(i) && !crate::core::lexicon::STOPWORDS.contains(w));
        name || PRONOUNS.contains(&w) || VAGUE_SOURCES.contains(w)
    };
    let at = (verb.saturating_sub(3)..verb).rev().find(|&i| is_speaker(i))?;
    let mut first = at;
    while first > 0 && side.is_capitalised(first - 1) && names.contains(&side.tokens[first - 1].norm) {
        first -= 1;
    }
    Some((first, at))
}

/// `attribution`: the statement moves to another speaker or to a vaguer
/// source.
fn attribution(left: &Side, right: &Side, names: &HashSet<String>, out: &mut Vec<Discrepancy>) {
    let speakers = |s: &Side| -> Vec<((usize, usize), usize)> {
        cues(s, |i| SPEECH.contains(s.tokens[i].norm.as_str())).into_iter().filter_map(|v| speaker(s, v, names).map(|sp| (sp, v))).collect()
    };
    let kind = |s: &Side, (a, b): (usize, usize)| -> &'static str {
        let w = s.tokens[b].norm.as_str();
        if VAGUE_SOURCES.contains(w) {
            "vague"
        } else if PRONOUNS.contains(&w) && a == b {
            "pronoun"
        } else {
            "name"
        }
    };
    let words = |s: &Side, (a, b): (usize, usize)| (a..=b).map(|i| s.tokens[i].norm.clone()).collect::<Vec<_>>();
    for (ls, lv) in speakers(left) {
        for (rs, rv) in speakers(right) {
            let (lk, rk) = (kind(left, ls), kind(right, rs));
            let differ = match (lk, rk) {
                ("name", "name") => {
                    let (lw, rw) = (words(left, ls), words(right, rs));
                    !lw.iter().any(|a| rw.iter().any(|b| a == b || same_name_family(a, b)))
                }
                ("vague", "vague") | ("pronoun", "pronoun") | ("pronoun", "name") | ("name", "pronoun") => false,
                _ => true,
            };
            if differ {
                let explanation = match (lk, rk) {
                    (_, "vague") => "the statement is attributed to a vaguer source".to_string(),
                    ("vague", _) => "the statement is attributed to a more definite source".to_string(),
                    _ => "the statement is attributed to another speaker".to_string(),
                };
                let (l, r) = ((ls.0, lv.max(ls.1)), (rs.0, rv.max(rs.1)));
                out.push(suggestion(Category::Attribution, left, Some(l), right, Some(r), explanation));
                return;
            }
        }
    }
}

/// `certainty`: a hedge on one side where the other side has none.
fn certainty(left: &Side, right: &Side, out: &mut Vec<Discrepancy>) {
    let hedges = |s: &Side| cues(s, |i| HEDGES.contains(s.tokens[i].norm.as_str()));
    let certain = |s: &Side| cues(s, |i| CERTAINTY.contains(s.tokens[i].norm.as_str()) && negated(s, i).is_none());
    let (lh, rh) = (hedges(left), hedges(right));
    let (l, r, explanation) = match (lh.is_empty(), rh.is_empty()) {
        (true, false) => (certain(left).first().map(|&i| (i, i)), Some((rh[0], rh[0])), "a hedge is added: the claim is less certain"),
        (false, true) => (Some((lh[0], lh[0])), certain(right).first().map(|&i| (i, i)), "a hedge is dropped: the claim is more certain"),
        _ => return,
    };
    out.push(suggestion(Category::Certainty, left, l, right, r, explanation.to_string()));
}

fn is_negation(w: &str) -> bool {
    NEGATION.contains(w) && !DENIAL.contains_key(w) || w.ends_with("n't")
}

const AUXILIARIES: &[&str] = &["has", "have", "had", "is", "are", "was", "were", "be", "been", "do", "does", "did", "will", "would", "can", "could", "yet"];

/// The verb a negation at `neg` negates: the next word that is not an
/// auxiliary or a function word, within three words.
fn negated_verb(side: &Side, neg: usize) -> Option<usize> {
    (neg + 1..(neg + 4).min(side.tokens.len())).find(|&i| {
        let w = side.tokens[i].norm.as_str();
        !AUXILIARIES.contains(&w) && !crate::core::lexicon::STOPWORDS.contains(w)
    })
}

/// Is the word at `i` negated (a negation within three words before it)?
fn negated(side: &Side, i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i).find(|&j| is_negation(&side.tokens[j].norm))
}

/// How many times `side` states `verb` (in any form), and how many of those
/// are negated.
fn verb_counts(side: &Side, verb: &str) -> (usize, usize) {
    let uses = cues(side, |i| same_verb(&side.tokens[i].norm, verb));
    let negated = uses.iter().filter(|&&i| negated(side, i).is_some()).count();
    (uses.len(), negated)
}

/// `contradiction`: a denial against a confirmation or a non-confirmation,
/// or a statement negated in one version only. Only what one side states
/// more often than the other counts: a sentence that denies one thing and
/// grants another says the same in both versions when both say it.
fn contradiction(left: &Side, right: &Side, out: &mut Vec<Discrepancy>) {
    for (a, b, flipped) in [(left, right, false), (right, left, true)] {
        // A denial verb on one side; the affirmative it contradicts on the other.
        for d in cues(a, |i| DENIAL.contains_key(a.tokens[i].norm.as_str())) {
            let denial = a.tokens[d].norm.as_str();
            if verb_counts(b, denial).0 >= verb_counts(a, denial).0 {
                continue; // the other side denies it too
            }
            let opposites = &DENIAL[denial];
            let Some(o) = cues(b, |i| opposites.iter().any(|op| same_verb(op, &b.tokens[i].norm))).into_iter().next() else { continue };
            if verb_counts(a, &b.tokens[o].norm).0 >= verb_counts(b, &b.tokens[o].norm).0 {
                continue; // this side states the affirmative as well
            }
            let (start, explanation) = match negated(b, o) {
                Some(n) => (n.min(o).saturating_sub(usize::from(n > 0 && AUXILIARIES.contains(&b.tokens[n - 1].norm.as_str()))), "a denial in one version is only a non-confirmation in the other"),
                None => (o, "one version denies what the other confirms"),
            };
            let (da, ob) = (Some((d, d)), Some((start, o)));
            let (l, r) = if flipped { (ob, da) } else { (da, ob) };
            out.push(suggestion(Category::Contradiction, left, l, right, r, explanation.to_string()));
            return;
        }
        // A negated verb on one side, the same verb un-negated on the other.
        for n in cues(a, |i| is_negation(&a.tokens[i].norm)) {
            let Some(v) = negated_verb(a, n) else { continue };
            let verb = &a.tokens[v].norm;
            if verb_counts(b, verb).1 >= verb_counts(a, verb).1 {
                continue; // negated as often on the other side
            }
            let Some(o) = cues(b, |i| same_verb(&b.tokens[i].norm, verb)).into_iter().find(|&i| negated(b, i).is_none()) else { continue };
            let (na, ob) = (Some((n, v)), Some((o, o)));
            let (l, r) = if flipped { (ob, na) } else { (na, ob) };
            out.push(suggestion(Category::Contradiction, left, l, right, r, "a statement is negated in one version only".to_string()));
            return;
        }
    }
}

#[cfg(test)]
mod tests;
