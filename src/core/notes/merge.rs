//! Merging two sessions' notes: a three-way merge by note id between the
//! version this session last read or wrote (`base`), its own (`ours`) and
//! the one on disk now (`theirs`, written by another session since).
//!
//! - A note added on either side is kept.
//! - A note deleted on one side is deleted, unless the other side changed
//!   it since (then the changed note is kept: a deletion never destroys an
//!   edit the deleting session did not see).
//! - A note changed on one side takes that side's change. Changed on both
//!   sides (text, category or status) differently: both are kept, ours as
//!   the note and theirs as a copy marked `conflict` for the reviewer.
//! - A suggestion rejected on either side stays rejected; one suggested
//!   again (its rejection taken back) on either side is suggested again.

use std::collections::HashMap;

use super::{Note, NotesFile, new_id};

/// What a merge brought in from the other session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Notes added, changed or deleted by the other session.
    pub from_elsewhere: usize,
    /// Notes both sessions changed differently, now kept twice.
    pub conflicts: usize,
}

/// What the reviewer wrote in a note: a change to any of it is an edit.
fn content(n: &Note) -> (&super::Category, &str, &super::Status) {
    (&n.category, n.text.as_str(), &n.status)
}

/// Where a note points (re-anchoring may move it without an edit).
fn place(n: &Note) -> (&Option<super::Anchor>, &Option<super::Anchor>, [bool; 2]) {
    (&n.left, &n.right, n.orphaned)
}

/// One note present on both sides.
fn merge_note(
    base: Option<&Note>,
    ours: &Note,
    theirs: &Note,
    out: &mut Vec<Note>,
    report: &mut Merged,
) {
    let mut merged = ours.clone();
    let ours_edited = base.is_none_or(|b| content(b) != content(ours));
    let theirs_edited = base.is_none_or(|b| content(b) != content(theirs));
    let mut copy = None;
    if content(ours) != content(theirs) {
        report.from_elsewhere += usize::from(theirs_edited);
        match (ours_edited, theirs_edited) {
            (false, true) => {
                (merged.category, merged.text, merged.status) =
                    (theirs.category, theirs.text.clone(), theirs.status);
            }
            (true, true) => {
                report.conflicts += 1;
                copy = Some(Note {
                    id: new_id(),
                    conflict: Some(ours.id.clone()),
                    ..theirs.clone()
                });
            }
            _ => {}
        }
    }
    if base.is_some_and(|b| place(b) == place(ours)) {
        (merged.left, merged.right, merged.orphaned) =
            (theirs.left.clone(), theirs.right.clone(), theirs.orphaned);
    }
    merged.suggestion = ours
        .suggestion
        .clone()
        .or_else(|| theirs.suggestion.clone());
    merged.updated = merged
        .updated
        .max(theirs.updated.clone())
        .max(ours.updated.clone());
    out.push(merged);
    out.extend(copy);
}

/// Merges `ours` and `theirs` against their common `base`. The result has
/// `ours`' article headers and lists our notes first, in our order, then
/// those only the other session has.
pub fn merge<'a>(
    base: &'a NotesFile,
    ours: &'a NotesFile,
    theirs: &'a NotesFile,
) -> (NotesFile, Merged) {
    let by_id = |file: &'a NotesFile| -> HashMap<&'a str, &'a Note> {
        file.notes.iter().map(|n| (n.id.as_str(), n)).collect()
    };
    let (base_notes, our_notes, their_notes) = (by_id(base), by_id(ours), by_id(theirs));
    let mut report = Merged::default();
    let mut notes = Vec::with_capacity(ours.notes.len() + theirs.notes.len());
    for o in &ours.notes {
        let b = base_notes.get(o.id.as_str()).copied();
        match (their_notes.get(o.id.as_str()), b) {
            (Some(t), b) => merge_note(b, o, t, &mut notes, &mut report),
            // Deleted there; kept only if we changed it since.
            (None, Some(b)) if content(b) == content(o) => report.from_elsewhere += 1,
            (None, _) => notes.push(o.clone()),
        }
    }
    for t in &theirs.notes {
        if our_notes.contains_key(t.id.as_str()) {
            continue;
        }
        match base_notes.get(t.id.as_str()) {
            // Deleted here, unchanged there: stays deleted.
            Some(b) if content(b) == content(t) => {}
            // Added there, or changed there after we deleted it.
            _ => {
                report.from_elsewhere += 1;
                notes.push(t.clone());
            }
        }
    }
    // A rejection either side took back (one it had read) stays taken back.
    let has = |file: &NotesFile, key: &str| file.rejected.iter().any(|x| x.key == key);
    let mut rejected: Vec<_> = ours
        .rejected
        .iter()
        .filter(|r| has(theirs, &r.key) || !has(base, &r.key))
        .cloned()
        .collect();
    for r in &theirs.rejected {
        if !has(ours, &r.key) && !has(base, &r.key) {
            rejected.push(r.clone());
        }
    }
    let mut extra = ours.extra.clone();
    for (key, value) in &theirs.extra {
        extra.entry(key.clone()).or_insert_with(|| value.clone());
    }
    (
        NotesFile {
            version: ours.version,
            left: ours.left.clone(),
            right: ours.right.clone(),
            notes,
            rejected,
            extra,
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Category;
    use crate::core::notes::{Article, Status};

    fn note(id: &str, text: &str) -> Note {
        Note {
            id: id.into(),
            category: Category::Other,
            text: text.into(),
            status: Status::Open,
            created: "2026-11-22T08:00:00Z".into(),
            updated: "2026-11-22T08:00:00Z".into(),
            left: None,
            right: None,
            suggestion: None,
            conflict: None,
            orphaned: [false; 2],
        }
    }

    fn file(notes: &[Note]) -> NotesFile {
        let article = Article {
            path: "a.txt".into(),
            sha256: "0".into(),
        };
        NotesFile {
            version: 1,
            left: article.clone(),
            right: article,
            notes: notes.to_vec(),
            rejected: Vec::new(),
            extra: Default::default(),
        }
    }

    fn texts(f: &NotesFile) -> Vec<&str> {
        f.notes.iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn notes_added_on_both_sides_are_all_kept() {
        let base = file(&[note("a", "A")]);
        let (m, r) = merge(
            &base,
            &file(&[note("a", "A"), note("b", "ours")]),
            &file(&[note("a", "A"), note("c", "theirs")]),
        );
        assert_eq!(texts(&m), ["A", "ours", "theirs"]);
        assert_eq!(
            r,
            Merged {
                from_elsewhere: 1,
                conflicts: 0
            }
        );
    }

    #[test]
    fn a_deletion_is_not_resurrected_and_an_edit_is_not_deleted() {
        let base = file(&[note("a", "A"), note("b", "B")]);
        // We deleted a; they left it. They deleted b; we left it.
        let (m, _) = merge(&base, &file(&[note("b", "B")]), &file(&[note("a", "A")]));
        assert!(m.notes.is_empty(), "{:?}", texts(&m));
        // We deleted a; they edited it. They deleted b; we edited it.
        let (m, _) = merge(
            &base,
            &file(&[note("b", "B edited here")]),
            &file(&[note("a", "A edited there")]),
        );
        assert_eq!(texts(&m), ["B edited here", "A edited there"]);
    }

    #[test]
    fn one_sided_edits_win_and_both_sided_edits_are_kept_as_a_conflict() {
        let base = file(&[note("a", "A"), note("b", "B")]);
        let mut theirs_b = note("b", "B");
        theirs_b.status = Status::Confirmed;
        let (m, r) = merge(
            &base,
            &file(&[note("a", "A ours"), note("b", "B")]),
            &file(&[note("a", "A theirs"), theirs_b]),
        );
        assert_eq!(texts(&m), ["A ours", "A theirs", "B"]);
        assert_eq!(m.notes[1].conflict.as_deref(), Some("a"));
        assert_ne!(m.notes[1].id, "a");
        assert_eq!(
            m.notes[2].status,
            Status::Confirmed,
            "their status change is taken"
        );
        assert_eq!(r.conflicts, 1);
    }

    #[test]
    fn the_same_edit_on_both_sides_is_no_conflict() {
        let base = file(&[note("a", "A")]);
        let (m, r) = merge(
            &base,
            &file(&[note("a", "same")]),
            &file(&[note("a", "same")]),
        );
        assert_eq!(texts(&m), ["same"]);
        assert_eq!(r.conflicts, 0);
    }
}
