//! `attribution`: who a statement is attributed to.

use super::discrepancy::Discrepancy;
use super::listed::List;
use super::name_family::same_name_family;
use super::words::{Words, cues, is_title, suggestion};
use crate::core::Category;

/// Who a speech verb at `verb` attributes its statement to: the nearest
/// name, title, pronoun or vague source within three words before it, with
/// the capitalised words of a multi-word name; else, as inverted reporting
/// clauses put it ("said Mayor Helen Okafor", "a déclaré un habitant"),
/// the phrase just after it.
pub(super) fn speaker(side: &Words, verb: usize) -> Option<(usize, usize)> {
    let is_speaker = |i: usize| {
        // A capitalised word before a speech verb is a name even where it
        // opens the sentence ("Macron said").
        let name =
            side.is(i, List::Name) || (side.is_capitalised(i) && !side.is(i, List::Stopword));
        name || is_title(side, i) || side.is(i, List::Pronoun) || side.is(i, List::VagueSource)
    };
    // Not across punctuation: in "„…sehr“, sagte Bahnsprecherin Anja Bröker"
    // the word before the comma belongs to the quotation.
    let open = |i: usize| {
        !side
            .gap(i, i + 1)
            .contains([',', ';', ':', '“', '”', '"', '«', '»', '„', '.'])
    };
    let reach = (verb.saturating_sub(3)..verb)
        .rev()
        .take_while(|&i| open(i))
        .last()
        .unwrap_or(verb);
    if let Some(at) = (reach..verb).rev().find(|&i| is_speaker(i)) {
        // Back over the name's capitalised words, then its title, if any
        // ("Central Maine Power spokesperson Kate Nordmann": the speaker is
        // the spokesperson Kate Nordmann, not the company before).
        let mut first = at;
        while first > 0
            && !is_title(side, first)
            && side.is_capitalised(first - 1)
            && !is_title(side, first - 1)
            && side.is(first - 1, List::Name)
        {
            first -= 1;
        }
        if first > 0 && !is_title(side, first) && is_title(side, first - 1) {
            first -= 1;
        }
        return Some((first, at));
    }
    // After the verb: skip articles, then a title, names or a noun.
    let after = |i: usize| {
        i < side.tokens.len()
            && side
                .gap(i - 1, i)
                .trim_matches(|c: char| c.is_whitespace() || c == '-')
                .is_empty()
    };
    let mut first = verb + 1;
    while after(first)
        && side.is(first, List::Stopword)
        && !side.is(first, List::Pronoun)
        && first < verb + 3
    {
        first += 1;
    }
    if !after(first) || side.is(first, List::Speech) {
        return None;
    }
    let mut last = first;
    while after(last + 1)
        && (is_title(side, last) || side.is_capitalised(last))
        && (side.is_capitalised(last + 1) || is_title(side, last + 1))
    {
        last += 1;
    }
    Some((first, last))
}

/// What kind of source a speaker span is, and the words that identify it:
/// the names in it if it has any (a title alone identifies a role).
pub(super) fn source<'s>(s: &'s Words, (a, b): (usize, usize)) -> (&'static str, Vec<&'s str>) {
    let plain = |i: usize| {
        !is_title(s, i)
            && !s.is(i, List::Stopword)
            && !s.is(i, List::Pronoun)
            && !s.is(i, List::VagueSource)
    };
    // A person's name ends the phrase: its last two capitalised words
    // ("Wikinews-Mitbegründer Erik Möller" is Erik Möller).
    let mut named: Vec<&str> = (a..=b)
        .filter(|&i| s.is_capitalised(i) && plain(i))
        .map(|i| s.norm(i))
        .collect();
    named.drain(..named.len().saturating_sub(2));
    let titled: Vec<&str> = (a..=b)
        .filter(|&i| is_title(s, i))
        .map(|i| s.norm(i))
        .collect();
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
pub(super) fn attribution(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let speakers = |s: &Words| -> Vec<((usize, usize), usize)> {
        cues(s, |i| s.is(i, List::Speech))
            .into_iter()
            .filter_map(|v| speaker(s, v).map(|sp| (sp, v)))
            .collect()
    };
    let (ls_all, rs_all) = (speakers(left), speakers(right));
    // A speaker both versions name is no change, whichever verb it goes with.
    let same = |a: &[&str], b: &[&str]| {
        a.iter()
            .any(|x| b.iter().any(|y| x == y || same_name_family(x, y)))
    };
    for &(ls, lv) in &ls_all {
        let (lk, lw) = source(left, ls);
        if rs_all
            .iter()
            .any(|&(rs, _)| same(&lw, &source(right, rs).1))
        {
            continue;
        }
        for &(rs, rv) in &rs_all {
            let (rk, rw) = source(right, rs);
            if ls_all.iter().any(|&(l2, _)| same(&source(left, l2).1, &rw)) {
                continue;
            }
            let differ = match (lk, rk) {
                ("name", "name") => true,
                ("vague", "vague")
                | ("pronoun", "pronoun")
                | ("pronoun", "name")
                | ("name", "pronoun") => false,
                _ => true,
            };
            if differ {
                let explanation = match (lk, rk) {
                    (_, "vague") => "the statement is attributed to a vaguer source",
                    ("vague", _) => "the statement is attributed to a more definite source",
                    _ => "the statement is attributed to another speaker",
                };
                let span = |(a, b): (usize, usize), v: usize| (a.min(v), b.max(v));
                out.push(suggestion(
                    Category::Attribution,
                    left,
                    Some(span(ls, lv)),
                    right,
                    Some(span(rs, rv)),
                    explanation.to_string(),
                ));
                return;
            }
        }
    }
}
