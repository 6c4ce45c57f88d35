//! `contradiction`: opposites in the same place, a denial against a
//! confirmation, a statement negated in one version only.

use super::discrepancy::Discrepancy;
use super::link::{Change, Op};
use super::listed::List;
use super::words::{Words, cues, suggestion};
use crate::core::Category;

/// A verb form without its regular ending: "confirmed", "confirms",
/// "confirming" -> "confirm"; "agreed" / "agree" -> "agre"; "stopped" ->
/// "stop". Irregular forms go through [`lemma`] first.
pub(super) fn verb_stem<'w>(side: &Words, w: &'w str) -> &'w str {
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
pub(super) fn same_verb(side: &Words, a: &str, b: &str) -> bool {
    verb_stem(side, a) == verb_stem(side, b)
}

/// `contradiction`: in the same place, one version says the opposite
/// ("rose" / "fell", "légèrement" / "grièvement").
pub(super) fn opposites(
    left: &Words,
    right: &Words,
    changes: &[Change],
    out: &mut Vec<Discrepancy>,
) {
    for c in changes
        .iter()
        .filter(|c| c.op == Op::Replace && c.left.len() <= 3 && c.right.len() <= 3)
    {
        let pair = c.left.clone().find_map(|i| {
            let opposite = left.lex.antonyms.get(left.norm(i))?;
            c.right
                .clone()
                .find(|&j| opposite.contains(&right.norm(j)))
                .map(|j| (i, j))
        });
        if let Some((i, j)) = pair {
            let (ls, rs) = (left.span(i, i), right.span(j, j));
            if out.iter().any(|d| {
                d.left.is_some_and(|(a, b)| a < ls.1 && ls.0 < b)
                    || d.right.is_some_and(|(a, b)| a < rs.1 && rs.0 < b)
            }) {
                continue;
            }
            out.push(suggestion(
                Category::Contradiction,
                left,
                Some((i, i)),
                right,
                Some((j, j)),
                "one version says the opposite".to_string(),
            ));
        }
    }
}

/// Are tokens `i` and `i + 1` in the same clause (no sentence or clause
/// punctuation between them)?
pub(super) fn same_clause(side: &Words, i: usize) -> bool {
    i + 1 < side.tokens.len()
        && !side
            .gap(i, i + 1)
            .contains(['.', '!', '?', ';', ',', ':', '“', '”', '„', '«', '»', '"'])
}

/// The word a negation at `neg` negates: the next word that is not an
/// auxiliary or a function word, within three words of its clause; where
/// the negation closes its clause ("…bestätigten den Zeitplan nicht"), the
/// nearest such word before it; failing both, the auxiliary or copula it
/// stands before, whose complement is only function words or quoted
/// ("no son una «cuestión interna»", "não é isso").
pub(super) fn negated_verb(side: &Words, neg: usize) -> Option<usize> {
    let content = |i: usize| {
        !side.is(i, List::Auxiliary) && !side.is(i, List::Stopword) && !side.is(i, List::Negation)
    };
    let forward = (neg + 1..(neg + 4).min(side.tokens.len()))
        .take_while(|&i| same_clause(side, i - 1))
        .find(|&i| content(i));
    forward
        .or_else(|| {
            let closes = !same_clause(side, neg);
            let before = (neg.saturating_sub(3)..neg)
                .rev()
                .take_while(|&i| same_clause(side, i));
            if closes {
                before.into_iter().find(|&i| content(i))
            } else {
                None
            }
        })
        .or_else(|| {
            (neg + 1..(neg + 4).min(side.tokens.len()))
                .take_while(|&i| same_clause(side, i - 1))
                .find(|&i| side.is(i, List::Auxiliary))
        })
}

/// Is the word at `i` negated (a negation within three words before it, or
/// a clause-closing negation just after it that negates it)?
pub(super) fn negated(side: &Words, i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i)
        .find(|&j| side.is(j, List::Negation))
        .or_else(|| {
            (i + 1..(i + 4).min(side.tokens.len()))
                .find(|&j| side.is(j, List::Negation) && negated_verb(side, j) == Some(i))
        })
}

/// How many times `side` states `verb` (in any form), and how many of those
/// are negated.
pub(super) fn verb_counts(side: &Words, verb: &str) -> (usize, usize) {
    let uses = cues(side, |i| same_verb(side, side.norm(i), verb));
    let negated = uses.iter().filter(|&&i| negated(side, i).is_some()).count();
    (uses.len(), negated)
}

/// `contradiction`: a denial against a confirmation or a non-confirmation,
/// or a statement negated in one version only. Only what one side states
/// more often than the other counts: a sentence that denies one thing and
/// grants another says the same in both versions when both say it.
pub(super) fn contradiction<'a>(left: &Words<'a>, right: &Words<'a>, out: &mut Vec<Discrepancy>) {
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
                    n.min(o)
                        .saturating_sub(usize::from(n > 0 && b.is(n - 1, List::Auxiliary))),
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
