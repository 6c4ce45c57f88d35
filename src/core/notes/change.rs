//! A decision on the notes as a change: the notes (by id) and the rejected
//! suggestions (by key) it added, altered or removed, each with its value
//! before and after. Undo applies a change backwards and redo forwards,
//! touching only those notes, so whatever another session added or changed
//! meanwhile stays: the next save merges the change like any other, where
//! writing back a whole earlier set of notes would read as deleting every
//! note this session had not seen then.

use super::notebook::Notebook;
use super::{Anchor, Category, Note, Rejected, Status};

/// One note a decision touched.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NoteChange {
    /// Where the note stood before (to put a deleted note back in place).
    at: usize,
    before: Option<Note>,
    after: Option<Note>,
}

/// What a decision did to the notes and the rejected suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    notes: Vec<NoteChange>,
    rejected: Vec<(Option<Rejected>, Option<Rejected>)>,
}

/// How applying a change went: the parts applied, and those left alone
/// because the note was changed (or deleted) in another session since.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    pub done: usize,
    pub changed_elsewhere: usize,
}

/// What the reviewer decided about a note (not when, nor where re-anchoring
/// placed it).
type Decision<'a> = (Category, &'a str, Status, Option<&'a str>, Option<&'a str>);

fn decision(n: &Note) -> Decision<'_> {
    (
        n.category,
        n.text.as_str(),
        n.status,
        n.suggestion.as_deref(),
        n.conflict.as_deref(),
    )
}

type Place<'a> = (&'a Option<Anchor>, &'a Option<Anchor>);

fn place(n: &Note) -> Place<'_> {
    (&n.left, &n.right)
}

impl Change {
    /// The change from the notes and rejections `before` to `after`.
    fn between(before: (&[Note], &[Rejected]), after: (&[Note], &[Rejected])) -> Self {
        let mut notes = Vec::new();
        for (at, b) in before.0.iter().enumerate() {
            let a = after.0.iter().find(|n| n.id == b.id);
            if a != Some(b) {
                notes.push(NoteChange {
                    at,
                    before: Some(b.clone()),
                    after: a.cloned(),
                });
            }
        }
        for (at, a) in after.0.iter().enumerate() {
            if !before.0.iter().any(|n| n.id == a.id) {
                notes.push(NoteChange {
                    at,
                    before: None,
                    after: Some(a.clone()),
                });
            }
        }
        let mut rejected = Vec::new();
        for b in before.1 {
            if !after.1.iter().any(|r| r.key == b.key) {
                rejected.push((Some(b.clone()), None));
            }
        }
        for a in after.1 {
            if !before.1.iter().any(|r| r.key == a.key) {
                rejected.push((None, Some(a.clone())));
            }
        }
        Change { notes, rejected }
    }

    /// Did the decision change anything?
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.rejected.is_empty()
    }
}

impl Notebook {
    /// Makes `decide` on the notebook and returns what it changed.
    pub fn change(&mut self, decide: impl FnOnce(&mut Notebook)) -> Change {
        let (notes, rejected) = (self.file.notes.clone(), self.file.rejected.clone());
        decide(self);
        Change::between((&notes, &rejected), (&self.file.notes, &self.file.rejected))
    }

    /// Applies `change` forwards (redo) or backwards (undo), note by note.
    /// A part whose note no longer stands as the change left it (another
    /// session edited or deleted it since) is left alone and counted.
    pub fn apply(&mut self, change: &Change, backwards: bool) -> Applied {
        let mut applied = Applied::default();
        for c in &change.notes {
            let (from, to) = if backwards {
                (&c.after, &c.before)
            } else {
                (&c.before, &c.after)
            };
            let moved = c.before.as_ref().map(place) != c.after.as_ref().map(place);
            let id = from.as_ref().or(to.as_ref()).map(|n| n.id.clone());
            let Some(id) = id else { continue };
            let at = self.file.notes.iter().position(|n| n.id == id);
            let current = at.map(|i| &self.file.notes[i]);
            let as_left = match (current, from) {
                (None, None) => true,
                (Some(n), Some(f)) => {
                    decision(n) == decision(f) && (!moved || place(n) == place(f))
                }
                _ => false,
            };
            if !as_left {
                applied.changed_elsewhere += 1;
                continue;
            }
            let now = self.now().to_string();
            match (at, to) {
                (Some(i), None) => {
                    self.file.notes.remove(i);
                }
                (Some(i), Some(t)) => {
                    let n = &mut self.file.notes[i];
                    (n.category, n.text, n.status) = (t.category, t.text.clone(), t.status);
                    (n.suggestion, n.conflict) = (t.suggestion.clone(), t.conflict.clone());
                    if moved {
                        (n.left, n.right, n.orphaned) =
                            (t.left.clone(), t.right.clone(), t.orphaned);
                    }
                    n.updated = now;
                }
                (None, Some(t)) => {
                    let i = c.at.min(self.file.notes.len());
                    self.file.notes.insert(
                        i,
                        Note {
                            updated: now,
                            ..t.clone()
                        },
                    );
                }
                (None, None) => {}
            }
            applied.done += 1;
        }
        for (before, after) in &change.rejected {
            let (from, to) = if backwards {
                (after, before)
            } else {
                (before, after)
            };
            let Some(key) = from.as_ref().or(to.as_ref()).map(|r| r.key.clone()) else {
                continue;
            };
            let present = self.file.rejected.iter().any(|r| r.key == key);
            match (present, to) {
                (true, None) => self.file.rejected.retain(|r| r.key != key),
                (false, Some(r)) => self.file.rejected.push(r.clone()),
                _ => {
                    applied.changed_elsewhere += 1;
                    continue;
                }
            }
            applied.done += 1;
        }
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    fn book() -> (tempfile::TempDir, Notebook) {
        let dir = tempfile::TempDir::with_prefix("tandem-change-").expect("a test directory");
        let (l, r) = (Document::parse("l", "One."), Document::parse("r", "Two."));
        let book = Notebook::open(&dir.path().join("n.json"), &l, &r).expect("no file yet");
        (dir, book)
    }

    fn texts(book: &Notebook) -> Vec<&str> {
        book.file.notes.iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn undo_touches_only_the_notes_the_decision_touched() {
        let (_dir, mut book) = book();
        let mine = book.add(Category::Name, "mine".into(), None, None);
        let edit = book.change(|b| {
            b.set_text(&mine, Category::Name, "mine, edited".into());
        });
        // Another session's note arrives (as a merge would bring it).
        book.add(Category::Date, "theirs".into(), None, None);
        let add = book.change(|b| {
            b.add(Category::Place, "second".into(), None, None);
        });
        assert_eq!(texts(&book), ["mine, edited", "theirs", "second"]);
        assert_eq!(book.apply(&add, true).done, 1);
        assert_eq!(book.apply(&edit, true).done, 1);
        assert_eq!(texts(&book), ["mine", "theirs"]);
        book.apply(&edit, false);
        book.apply(&add, false);
        assert_eq!(texts(&book), ["mine, edited", "theirs", "second"]);
    }

    #[test]
    fn a_note_changed_elsewhere_since_is_left_as_it_is() {
        let (_dir, mut book) = book();
        let id = book.add(Category::Name, "draft".into(), None, None);
        let edit = book.change(|b| {
            b.set_text(&id, Category::Name, "mine".into());
        });
        // Another session edits the same note afterwards.
        book.set_text(&id, Category::Name, "theirs".into());
        let applied = book.apply(&edit, true);
        assert_eq!(applied.changed_elsewhere, 1);
        assert_eq!(texts(&book), ["theirs"]);
        // A deletion undone puts the note back where it stood.
        let delete = book.change(|b| {
            b.delete(&id);
        });
        book.add(Category::Other, "later".into(), None, None);
        book.apply(&delete, true);
        assert_eq!(texts(&book), ["theirs", "later"]);
    }
}
