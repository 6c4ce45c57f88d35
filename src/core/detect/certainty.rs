//! `certainty`: a hedge on one side that the other does not state.

use std::borrow::Cow;

use super::contradiction::{negated, same_clause};
use super::discrepancy::Discrepancy;
use super::listed::List;
use super::words::{Words, compound, cues, sentence_start, suggestion};
use crate::core::Category;

/// Is the hedge at `i` where it hedges? A hedge with a context
/// ([`crate::core::lexicon::Lexicon::hedge_contexts`]) must not follow a
/// word its context rules out ("he could"), and, where the context names
/// words after it, needs one of them among the next two words of its
/// clause ("appears to", "etwa 30"); others always hedge.
fn in_modal_position(s: &Words, i: usize) -> bool {
    let Some(context) = s.lex.hedge_contexts.get(s.norm(i)) else {
        return true;
    };
    let ruled_out = i > 0
        && same_clause(s, i - 1)
        && context
            .iter()
            .filter_map(|w| w.strip_prefix('<'))
            .any(|w| w == s.norm(i - 1));
    let after: Vec<&str> = context
        .iter()
        .copied()
        .filter(|w| !w.starts_with('<'))
        .collect();
    let fits = after.is_empty()
        || (i + 1..(i + 3).min(s.tokens.len()))
            .take_while(|&k| same_clause(s, k - 1))
            .any(|k| after.contains(&s.norm(k)) || after.contains(&"#") && s.is(k, List::Number));
    !ruled_out && fits
}

/// `certainty`: a hedge on one side that the other side does not state.
pub(super) fn certainty(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    // A hedge word capitalised inside a sentence is a name ("in May").
    let hedges = |s: &Words| {
        cues(s, |i| {
            s.in_list(List::Hedge, i)
                && !(i > 0 && s.is_capitalised(i) && !sentence_start(s, i))
                && in_modal_position(s, i)
        })
    };
    let certain = |s: &Words| cues(s, |i| s.is(i, List::Certainty) && negated(s, i).is_none());
    // Hedges are matched against the other side's hedges only: "may" the
    // hedge is not stated by "May" the month.
    let (lc, rc) = (hedges(left), hedges(right));
    // Of a hedge one side states more often, the extra uses are those whose
    // neighbours match no use on the other side, else the last ones. (Not
    // the word diff's changed words: which of two equal words a diff calls
    // changed depends on the direction, and B against A must mirror A
    // against B.)
    pub(super) fn around<'a>(s: &Words<'a>, i: usize) -> (Option<&'a str>, Option<&'a str>) {
        (
            i.checked_sub(1).map(|p| s.norm(p)),
            (i + 1 < s.tokens.len()).then(|| s.norm(i + 1)),
        )
    }
    let extra = |mine: &Words, cues: &[usize], other: &Words, others: &[usize]| -> Vec<usize> {
        let mut out = Vec::new();
        let mut words: Vec<Cow<str>> = cues.iter().map(|&i| compound(mine, i)).collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            let mut uses: Vec<usize> = cues
                .iter()
                .copied()
                .filter(|&i| compound(mine, i) == w)
                .collect();
            let theirs: Vec<usize> = others
                .iter()
                .copied()
                .filter(|&j| compound(other, j) == w)
                .collect();
            let surplus = uses.len().saturating_sub(theirs.len());
            let kept = |i: usize| {
                let (before, after) = around(mine, i);
                theirs
                    .iter()
                    .map(|&j| around(other, j))
                    .map(|(b, a)| u8::from(b == before) + u8::from(a == after))
                    .max()
                    .unwrap_or(0)
            };
            uses.sort_by_key(|&i| (kept(i), std::cmp::Reverse(i)));
            out.extend(uses.into_iter().take(surplus));
        }
        out.sort_unstable();
        out
    };
    let (lh, rh) = (extra(left, &lc, right, &rc), extra(right, &rc, left, &lc));
    let (l, r, explanation) = match (lh.first(), rh.first()) {
        (None, Some(&h)) => (
            certain(left).first().map(|&i| (i, i)),
            Some((h, h)),
            "a hedge is added: the claim is less certain",
        ),
        (Some(&h), None) => (
            Some((h, h)),
            certain(right).first().map(|&i| (i, i)),
            "a hedge is dropped: the claim is more certain",
        ),
        // Both hedge, in other words ("may" / "might"): as certain as each other.
        _ => return,
    };
    out.push(suggestion(
        Category::Certainty,
        left,
        l,
        right,
        r,
        explanation.to_string(),
    ));
}
