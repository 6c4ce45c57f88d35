//! `number` and `date`: figures compared as values, paired by what they
//! count; dates, weekdays and clock times compared in their normal form.

use super::discrepancy::Discrepancy;
use super::facts::Figure;
use super::listed::List;
use super::words::{Words, cues, phrase, same_word, suggestion};
use crate::core::Category;

fn same_value(a: &Figure, b: &Figure) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(b.value.abs()).max(1.0)
}

/// Both count the same thing: the same unit, or the same noun after them
/// or word before them ("feriu 672 e" / "feriu 1.832").
fn same_head(a: &Figure, b: &Figure) -> bool {
    let same = |x: &Option<Box<str>>, y: &Option<Box<str>>| match (x, y) {
        (Some(x), Some(y)) => same_word(x, y),
        _ => false,
    };
    a.unit == b.unit && (same(&a.head, &b.head) || !a.unit && same(&a.lead, &b.lead))
}

/// Could the two be the same slot of the sentence (once every other
/// figure is paired)? Not a percentage against a sum of money.
fn same_kind(a: &Figure, b: &Figure) -> bool {
    a.unit == b.unit && (!a.unit || same_head(a, b))
}

/// `number`: every figure one side of the link states and the other does
/// not. Figures are paired by value first (the same value in any form is
/// the same fact), then by what they count ("56 dead" / "89 dead" is a
/// change), never by where they stand; a figure left without a partner is
/// only in its version, unless the other article states it elsewhere (it
/// moved to another passage).
pub(super) fn numbers<'a>(left: &Words<'a>, right: &Words<'a>, out: &mut Vec<Discrepancy>) {
    let (lf, rf) = (&left.facts.figures, &right.facts.figures);
    let (mut lused, mut rused) = (vec![false; lf.len()], vec![false; rf.len()]);
    let pair = |fits: &dyn Fn(&Figure, &Figure) -> bool, lused: &mut [bool], rused: &mut [bool]| {
        let mut pairs = Vec::new();
        for (i, a) in lf.iter().enumerate() {
            if lused[i] {
                continue;
            }
            if let Some(j) = (0..rf.len()).find(|&j| !rused[j] && fits(a, &rf[j])) {
                lused[i] = true;
                rused[j] = true;
                pairs.push((i, j));
            }
        }
        pairs
    };
    pair(
        &|a, b| same_value(a, b) && same_head(a, b),
        &mut lused,
        &mut rused,
    );
    pair(&same_value, &mut lused, &mut rused);
    let mut changed = pair(&same_head, &mut lused, &mut rused);
    let rest = |used: &[bool]| -> Vec<usize> { (0..used.len()).filter(|&i| !used[i]).collect() };
    let (lrest, rrest) = (rest(&lused), rest(&rused));
    // The one slot left on each side.
    if let ([i], [j]) = (lrest.as_slice(), rrest.as_slice())
        && same_kind(&lf[*i], &rf[*j])
        && !right.article.states(lf[*i].value)
        && !left.article.states(rf[*j].value)
    {
        changed.push((*i, *j));
        lused[*i] = true;
        rused[*j] = true;
    }
    changed.sort_unstable();
    for (i, j) in changed {
        let d = suggestion(
            Category::Number,
            left,
            Some(lf[i].words),
            right,
            Some(rf[j].words),
            String::new(),
        );
        let explanation = format!("the figure differs: {} / {}", d.left_text, d.right_text);
        out.push(Discrepancy { explanation, ..d });
    }
    for (mine, other, used, side_is_left) in
        [(left, right, &lused, true), (right, left, &rused, false)]
    {
        for (i, f) in mine.facts.figures.iter().enumerate() {
            if used[i] || other.article.states(f.value) {
                continue;
            }
            let (l, r) = if side_is_left {
                (Some(f.words), None)
            } else {
                (None, Some(f.words))
            };
            let d = suggestion(Category::Number, left, l, right, r, String::new());
            let (text, version) = if side_is_left {
                (&d.left_text, "left")
            } else {
                (&d.right_text, "right")
            };
            let counts = match &f.head {
                Some(head) if !f.unit && !text.contains(&**head) => format!(" ({head})"),
                _ => String::new(),
            };
            let explanation = format!("the figure {text}{counts} is only in the {version} version");
            out.push(Discrepancy { explanation, ..d });
        }
    }
}

/// A date one side states: a time word ("Monday", "last week") or a date
/// in figures, by its normal form.
struct DateItem<'a> {
    key: std::borrow::Cow<'a, str>,
    /// A word, compared loosely ("week" / "weeks"); else a normal form.
    word: bool,
    first: usize,
}

fn date_items<'s>(s: &'s Words<'_>) -> Vec<DateItem<'s>> {
    // A month is compared by its number: "avril" is the "04" of "11/04/1985".
    let mut items: Vec<DateItem> = cues(s, |i| is_time_word(s, i))
        .into_iter()
        .map(|i| match s.lex.months.get(s.word(i)) {
            Some(n) => DateItem {
                key: std::borrow::Cow::Owned(format!("m{n}")),
                word: false,
                first: i,
            },
            None => DateItem {
                key: super::words::compound(s, i),
                word: true,
                first: i,
            },
        })
        .collect();
    items.extend(s.facts.dates.iter().map(|d| DateItem {
        key: std::borrow::Cow::Borrowed(&*d.key),
        word: false,
        first: d.words.0,
    }));
    items.sort_by_key(|d| d.first);
    items
}

/// A weekday, month or time word ("May" the month, not "may" the hedge;
/// not "last" in "at last").
fn is_time_word(s: &Words, i: usize) -> bool {
    let w = s.word(i);
    s.in_list(List::Time, i)
        && (w != "may" || s.is_capitalised(i))
        && !(w == "last" && i > 0 && s.word(i - 1) == "at")
}

/// `date`: a date, weekday or time that differs, is dropped, or becomes
/// vaguer. "3.36am" and "3:36 a.m." are one time, "22 July" and "July 22"
/// one date.
pub(super) fn dates(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let is_cue = |s: &Words, i: usize| {
        is_time_word(s, i) && !s.in_dateline(i)
            || s.facts
                .dates
                .iter()
                .any(|d| (d.words.0..=d.words.1).contains(&i))
    };
    let (li, ri) = (date_items(left), date_items(right));
    let unmatched = |mine: &[DateItem], other: &[DateItem]| -> Vec<usize> {
        let mut taken = vec![false; other.len()];
        mine.iter()
            .filter(|a| {
                let found = other.iter().enumerate().position(|(k, b)| {
                    !taken[k]
                        && a.word == b.word
                        && if a.word {
                            same_word(&a.key, &b.key)
                        } else {
                            a.key == b.key
                        }
                });
                match found {
                    Some(k) => {
                        taken[k] = true;
                        false
                    }
                    None => true,
                }
            })
            .map(|a| a.first)
            .collect()
    };
    let (lu, ru) = (unmatched(&li, &ri), unmatched(&ri, &li));
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
