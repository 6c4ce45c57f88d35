//! `name`: a name spelled differently, or another name in the same place.

use super::discrepancy::Discrepancy;
use super::link::{Change, Op};
use super::listed::List;
use super::name_family::same_name_family;
use super::words::{Words, cues, is_title, suggestion};
use crate::core::Category;
use crate::core::hashing::{KeyMap, KeySet};

/// `name`: the same place holds a differently spelled name.
///
/// Linear in the link but for the last step: each word is counted once per
/// link (counting over every token for each name, inside the search over the
/// other side's names, made a long link's cost grow with the cube of its
/// length), each distinct name is looked up once, and only the other
/// side's distinct names it could be a spelling of are compared with it.
pub(super) fn names_spelled(left: &Words, right: &Words, out: &mut Vec<Discrepancy>) {
    let name_at = |s: &Words, i: usize| {
        s.is(i, List::NameAsWritten) && s.word(i).chars().count() >= 5 && !is_title(s, i)
    };
    // Both sides share one vocabulary: the same id is the same word.
    let mut counts: KeyMap<u32, [usize; 2]> = KeyMap::default();
    for (side, tokens) in [left.tokens, right.tokens].into_iter().enumerate() {
        for t in tokens {
            counts.entry(t.word()).or_default()[side] += 1;
        }
    }
    // Stated fewer times on the other side than on `side`.
    let fewer_opposite = |id: u32, side: usize| {
        let c = counts.get(&id).copied().unwrap_or_default();
        c[1 - side] < c[side]
    };
    // The right side's names stated more often there, each at its first
    // place, found when a left name first needs them.
    let mut right_names: Option<Vec<usize>> = None;
    let mut twins: KeyMap<u32, Option<usize>> = KeyMap::default();
    for i in cues(left, |i| name_at(left, i)) {
        let (a, a_id) = (left.word(i), left.tokens[i].word());
        if !fewer_opposite(a_id, 0) {
            continue; // stated as often on the other side
        }
        let right_names = right_names.get_or_insert_with(|| {
            let mut seen = KeySet::default();
            cues(right, |j| name_at(right, j))
                .into_iter()
                .filter(|&j| {
                    let id = right.tokens[j].word();
                    fewer_opposite(id, 1) && seen.insert(id)
                })
                .collect()
        });
        let twin = *twins.entry(a_id).or_insert_with(|| {
            right_names.iter().copied().find(|&j| {
                let b = right.word(j);
                !same_name_family(a, b) && strsim_close(a, b)
            })
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
pub(super) fn strsim_close(a: &str, b: &str) -> bool {
    let allowed = if a.chars().count().min(b.chars().count()) >= 8 {
        2
    } else {
        1
    };
    crate::core::edit_distance::within(a, b, allowed)
}

/// `name`: in the same place of the sentence, one version names another
/// person ("met Helen Okafor" / "met Lisa Hwang") or another surname after
/// the same first name. Only short replacements of names count, and not in
/// German, where every noun is capitalised.
pub(super) fn names_replaced(
    left: &Words,
    right: &Words,
    changes: &[Change],
    out: &mut Vec<Discrepancy>,
) {
    let is_name = |s: &Words, i: usize| {
        s.is(i, List::Name) && s.is_capitalised(i) && !is_title(s, i) && !s.in_list(List::Time, i)
    };
    let taken =
        |d: &Discrepancy, l: (usize, usize)| d.left.is_some_and(|(a, b)| a < l.1 && l.0 < b);
    for c in changes
        .iter()
        .filter(|c| c.op == Op::Replace && c.left.len() <= 3 && c.right.len() <= 3)
    {
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
        let same_first = ln.len() == 1
            && rn.len() == 1
            && ln[0] > 0
            && rn[0] > 0
            && ln[0] == c.left.start
            && rn[0] == c.right.start
            && is_name(left, ln[0] - 1)
            && left.norm(ln[0] - 1) == right.norm(rn[0] - 1);
        if (ln.len() < 2 || rn.len() < 2) && !same_first {
            continue;
        }
        let (l0, r0) = (ln[0], rn[0]);
        let stated = |a: &str, other: &Words| {
            (0..other.tokens.len())
                .any(|j| other.norm(j) == a || same_name_family(a, other.norm(j)))
        };
        if ln.iter().any(|&i| stated(left.norm(i), right))
            || rn.iter().any(|&j| stated(right.norm(j), left))
        {
            continue;
        }
        let l = (l0, *ln.last().expect("non-empty"));
        let r = (r0, *rn.last().expect("non-empty"));
        if out.iter().any(|d| taken(d, left.span(l.0, l.1))) {
            continue;
        }
        out.push(suggestion(
            Category::Name,
            left,
            Some(l),
            right,
            Some(r),
            "another name stands in the same place".to_string(),
        ));
    }
}
