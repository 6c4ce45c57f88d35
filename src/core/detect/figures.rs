//! `number` and `date`: counts, amounts, dates, weekdays and times.

use super::discrepancy::Discrepancy;
use super::listed::List;
use super::words::{Words, cues, phrase, suggestion, unmatched};
use crate::core::Category;

/// A clock time: a number just before "a.m."/"pm"/"h" ("10 a.m.", "15 h"),
/// either part of "10:30", or the compact form of French, Spanish and
/// Portuguese news ("11h", "19h30"). Dates in figures need no word lists.
pub(super) fn is_time_of_day(s: &Words, i: usize) -> bool {
    let t = &s.tokens;
    let number = |k: usize| s.is_number(k);
    // Every form below is a number or begins with a digit; most words are
    // neither (this is asked of every word of every link).
    let word = s.word(i);
    let digit_first = word.starts_with(|c: char| c.is_ascii_digit());
    if !number(i) && !digit_first {
        return false;
    }
    let gap = |k: usize| s.gap(k, k + 1);
    let clock = i + 1 < t.len() && number(i) && gap(i) == ":" && number(i + 1)
        || i > 0 && number(i) && gap(i - 1) == ":" && number(i - 1);
    let marker = i + 1 < t.len()
        && number(i)
        && gap(i).trim().is_empty()
        && matches!(s.word(i + 1), "a.m" | "p.m" | "am" | "pm" | "h" | "uhr");
    // "14h30", "9h": only a word that begins with a digit can be one.
    let compact = digit_first
        && word.split_once('h').is_some_and(|(hour, minute)| {
            let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
            (1..=2).contains(&hour.len())
                && digits(hour)
                && (minute.is_empty() || minute.len() == 2 && digits(minute))
        });
    clock || marker || compact
}

pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2200).contains(&y))
}

/// `number`: a count, amount or percentage that differs.
pub(super) fn numbers(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    // "One" is more often a pronoun ("no one", "one of them") than a count.
    pub(super) fn values<'a>(s: &Words<'a>) -> Vec<(usize, &'a str)> {
        (0..s.tokens.len())
            .filter(|&i| s.is(i, List::Number))
            .filter_map(|i| {
                s.lex
                    .number_value(s.norm(i))
                    .filter(|v| !is_year(v) && !is_time_of_day(s, i))
                    .map(|v| (i, v))
            })
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
pub(super) fn dates(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
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
    let specific = |s: &Words, found: &[usize]| found.iter().any(|&i| !s.is(i, List::VagueTime));
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
