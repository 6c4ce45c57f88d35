//! Where review notes stand along a comparison: each note's places in both
//! articles and the order a report lists them in, the order the report
//! reads (the left article's, a note on a passage of the right article only
//! where that passage falls).

use crate::core::compare::Comparison;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;
use crate::core::notes::context::{Place, Placement, place, title};
use crate::core::notes::{Anchor, Note, NotesFile};

/// A note's places on both sides, when it is placed in the current texts.
fn places(cmp: &Comparison, note: &Note) -> [Option<Place>; 2] {
    let at = |side: usize, doc: &Document, a: Option<&Anchor>| {
        if note.orphaned[side] {
            None
        } else {
            a.and_then(|a| place(doc, a))
        }
    };
    [
        at(0, &cmp.left, note.left.as_ref()),
        at(1, &cmp.right, note.right.as_ref()),
    ]
}

/// The unit of [`units`] each sentence is read in, per side.
fn sentence_units(cmp: &Comparison) -> [Vec<usize>; 2] {
    let mut left = vec![usize::MAX; cmp.left.sentences.len()];
    let mut right = vec![usize::MAX; cmp.right.sentences.len()];
    for (u, unit) in units(cmp).into_iter().enumerate() {
        let (l, r) = match unit {
            Unit::Link(k) => (
                cmp.links[k].link.left.clone(),
                cmp.links[k].link.right.clone(),
            ),
            Unit::LeftOnly(range) => (range, 0..0),
            Unit::RightOnly(range) => (0..0, range),
            Unit::MovedHere(_) => continue, // the link itself is where the passage is read
        };
        l.for_each(|i| left[i] = u);
        r.for_each(|i| right[i] = u);
    }
    [left, right]
}

/// The unit each note stands on (by its left quote, else its right one);
/// `None` for a note that cannot be placed in the current texts.
pub fn note_units(cmp: &Comparison, notes: &[Note]) -> Vec<Option<usize>> {
    let [left, right] = sentence_units(cmp);
    notes
        .iter()
        .map(|n| match places(cmp, n) {
            [Some(p), _] => Some(left[p.first_sentence]),
            [None, Some(p)] => Some(right[p.first_sentence]),
            [None, None] => None,
        })
        .collect()
}

/// Every note's places, and the order to list them in: by the passage they
/// are on, then left quotes before right ones, then position, then
/// creation. Notes that cannot be placed come last, in creation order.
pub fn of(cmp: &Comparison, file: &NotesFile) -> Placement {
    let notes = &file.notes;
    let at = note_units(cmp, notes);
    let key = |i: usize| {
        let n = &notes[i];
        let start = n.left.as_ref().or(n.right.as_ref()).map_or(0, |a| a.start);
        (
            at[i].is_none(),
            at[i],
            n.left.is_none(),
            start,
            n.created.clone(),
        )
    };
    let mut order: Vec<usize> = (0..notes.len()).collect();
    order.sort_by_cached_key(|&i| key(i));
    Placement {
        titles: [title(&cmp.left), title(&cmp.right)],
        order,
        places: notes.iter().map(|n| places(cmp, n)).collect(),
    }
}
