//! The notes of one review session: the notes file, where it lives, and
//! whether the last save worked. Every change is saved at once.

use std::path::{Path, PathBuf};

use super::store::{self, StoreError, sha256_hex};
use super::{Anchor, Article, Category, Note, NotesFile, Status, new_id, now_rfc3339};
use crate::core::document::Document;

pub struct Notebook {
    pub path: PathBuf,
    pub file: NotesFile,
    /// The notes in memory are not on disk (the last save failed).
    pub unsaved: bool,
}

impl Notebook {
    /// Opens the notes at `path` for this pair of articles (an empty
    /// notebook if there is no file yet). If an article changed since the
    /// notes were taken, each note is found again by its quote and context;
    /// a note that cannot be placed confidently is kept and marked orphaned.
    pub fn open(path: &Path, left: &Document, right: &Document) -> Result<Self, StoreError> {
        let articles = [(left, sha256_hex(&left.text)), (right, sha256_hex(&right.text))];
        let mut file = store::load(path)?.unwrap_or_else(|| NotesFile {
            version: 1,
            left: Article { path: left.name.clone(), sha256: articles[0].1.clone() },
            right: Article { path: right.name.clone(), sha256: articles[1].1.clone() },
            notes: Vec::new(),
            rejected: Vec::new(),
        });
        let changed = [file.left.sha256 != articles[0].1, file.right.sha256 != articles[1].1];
        for note in &mut file.notes {
            for (side, slot) in [&mut note.left, &mut note.right].into_iter().enumerate() {
                let Some(anchor) = slot.as_mut() else { continue };
                if !changed[side] {
                    continue;
                }
                match anchor.locate(&articles[side].0.text) {
                    Some(found) => *anchor = found,
                    None => note.orphaned[side] = true,
                }
            }
        }
        Ok(Notebook { path: path.to_path_buf(), file, unsaved: false })
    }

    /// Records the articles' current paths and hashes, then saves.
    pub fn save(&mut self, left: &Document, right: &Document) -> Result<(), StoreError> {
        // Orphaned anchors still point into the old text: keep the old hash
        // for that side so that the next opening tries to place them again.
        let orphans = |side: usize| self.file.notes.iter().any(|n| n.orphaned[side]);
        if !orphans(0) {
            self.file.left = Article { path: left.name.clone(), sha256: sha256_hex(&left.text) };
        }
        if !orphans(1) {
            self.file.right = Article { path: right.name.clone(), sha256: sha256_hex(&right.text) };
        }
        let result = store::save(&self.path, &self.file);
        self.unsaved = result.is_err();
        result
    }

    /// Saves to another place, which becomes the notebook's place.
    pub fn save_as(&mut self, path: &Path, left: &Document, right: &Document) -> Result<(), StoreError> {
        let previous = std::mem::replace(&mut self.path, path.to_path_buf());
        let result = self.save(left, right);
        if result.is_err() {
            self.path = previous;
        }
        result
    }

    pub fn add(&mut self, category: Category, text: String, left: Option<Anchor>, right: Option<Anchor>) -> String {
        let now = now_rfc3339();
        let id = new_id();
        self.file.notes.push(Note {
            id: id.clone(),
            category,
            text,
            status: Status::Open,
            created: now.clone(),
            updated: now,
            left,
            right,
            suggestion: None,
            orphaned: [false; 2],
        });
        id
    }

    /// Records that the note `id` was accepted from the suggestion `key`.
    pub fn mark_accepted(&mut self, id: &str, key: &str) {
        if let Some(note) = self.file.notes.iter_mut().find(|n| n.id == id) {
            note.suggestion = Some(key.to_string());
        }
    }

    /// Has the reviewer accepted or rejected this suggestion already?
    pub fn handled(&self, key: &str) -> bool {
        self.file.rejected.iter().any(|r| r.key == key) || self.file.notes.iter().any(|n| n.suggestion.as_deref() == Some(key))
    }

    pub fn reject(&mut self, d: &crate::core::detect::Discrepancy) {
        if self.handled(&d.key()) {
            return;
        }
        self.file.rejected.push(super::Rejected {
            key: d.key(),
            category: d.category,
            left: d.left_text.clone(),
            right: d.right_text.clone(),
            explanation: d.explanation.clone(),
            rejected: now_rfc3339(),
        });
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.file.notes.iter().find(|n| n.id == id)
    }

    fn touch(&mut self, id: &str, change: impl FnOnce(&mut Note)) -> bool {
        let Some(note) = self.file.notes.iter_mut().find(|n| n.id == id) else { return false };
        change(note);
        note.updated = now_rfc3339();
        true
    }

    pub fn set_text(&mut self, id: &str, category: Category, text: String) -> bool {
        self.touch(id, |n| {
            n.text = text;
            n.category = category;
        })
    }

    pub fn cycle_status(&mut self, id: &str) -> bool {
        self.touch(id, |n| n.status = n.status.next())
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.file.notes.len();
        self.file.notes.retain(|n| n.id != id);
        self.file.notes.len() < before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("tandem-notebook-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d.join("notes.json")
    }

    const LEFT: &str = "Putin will meet Witkoff. Ukrainian officials denied the reports. Talks end.";
    const RIGHT: &str = "Ukraine has not confirmed their fall.";

    fn span(text: &str, quote: &str) -> Anchor {
        Anchor::of_quote(text, quote).expect("the quote is in the text")
    }

    #[test]
    fn notes_come_back_identical() -> Result<(), Box<dyn std::error::Error>> {
        let path = temp("same");
        let (l, r) = (Document::parse("l.txt", LEFT), Document::parse("r.txt", RIGHT));
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(Category::Contradiction, "denied vs not confirmed".into(), Some(span(LEFT, "denied the reports")), Some(span(RIGHT, "has not confirmed")));
        book.cycle_status(&id);
        book.save(&l, &r)?;
        let again = Notebook::open(&path, &l, &r)?;
        assert_eq!(again.file, book.file);
        assert_eq!(again.get(&id).unwrap().status, Status::Confirmed);
        Ok(())
    }

    #[test]
    fn an_edit_that_shifts_the_text_moves_the_anchor() -> Result<(), Box<dyn std::error::Error>> {
        let path = temp("shift");
        let (l, r) = (Document::parse("l.txt", LEFT), Document::parse("r.txt", RIGHT));
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(Category::Contradiction, String::new(), Some(span(LEFT, "denied the reports")), None);
        book.save(&l, &r)?;
        let edited = format!("BREAKING. {LEFT}");
        let l2 = Document::parse("l.txt", edited.clone());
        let book = Notebook::open(&path, &l2, &r)?;
        let a = book.get(&id).unwrap().left.clone().unwrap();
        assert_eq!(&edited[a.start..a.end], "denied the reports");
        assert!(!book.get(&id).unwrap().is_orphan());
        Ok(())
    }

    #[test]
    fn a_note_whose_passage_is_gone_is_kept_as_an_orphan() -> Result<(), Box<dyn std::error::Error>> {
        let path = temp("orphan");
        let (l, r) = (Document::parse("l.txt", LEFT), Document::parse("r.txt", RIGHT));
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(Category::Omission, "keep me".into(), Some(span(LEFT, "Ukrainian officials denied the reports.")), None);
        book.save(&l, &r)?;
        let l2 = Document::parse("l.txt", "Putin will meet Witkoff. Talks end.");
        let mut book = Notebook::open(&path, &l2, &r)?;
        let note = book.get(&id).unwrap();
        assert!(note.orphaned[0]);
        assert_eq!(note.left.as_ref().unwrap().exact, "Ukrainian officials denied the reports.", "the stored quote is kept");
        // Saving keeps the orphan's quote and the old hash, so nothing is lost.
        book.save(&l2, &r)?;
        let again = Notebook::open(&path, &l, &r)?;
        assert!(!again.get(&id).unwrap().is_orphan(), "with the old text back, the note is placed again");
        Ok(())
    }

    #[test]
    fn save_elsewhere_after_a_failure() -> Result<(), Box<dyn std::error::Error>> {
        let (l, r) = (Document::parse("l.txt", LEFT), Document::parse("r.txt", RIGHT));
        let mut book = Notebook::open(Path::new("/nonexistent-dir/notes.json"), &l, &r)?;
        book.add(Category::Other, "x".into(), None, None);
        assert!(book.save(&l, &r).is_err());
        assert!(book.unsaved);
        let path = temp("elsewhere");
        book.save_as(&path, &l, &r)?;
        assert!(!book.unsaved && book.path == path);
        assert_eq!(Notebook::open(&path, &l, &r)?.file.notes.len(), 1);
        Ok(())
    }
}
