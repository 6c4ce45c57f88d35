//! The notes of one review session: the notes file, where it lives, and
//! whether the last save worked. Every change is saved at once.

use crate::core::Side;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::anchor::Haystack;
use super::lock::NotesLock;
use super::merge::{Merged, merge};
use super::store::{self, StoreError, sha256_hex};
use super::{Anchor, Article, Category, Note, NotesFile, Status, new_id, now_rfc3339};
use crate::core::document::Document;

pub struct Notebook {
    pub path: PathBuf,
    pub file: NotesFile,
    /// The notes in memory are not on disk (the last save failed).
    pub unsaved: bool,
    /// What the last save took in from another session on the same file.
    pub last_merge: Merged,
    /// What opening the file changed in memory and the reviewer should
    /// know (notes that shared an id given their own).
    pub notice: Option<String>,
    /// The notes as this session last read or wrote them, placed in the
    /// current articles: the common ancestor of the next merge.
    base: NotesFile,
    /// The file's bytes as last read or written: if they are still there,
    /// no other session wrote since.
    on_disk: Option<Vec<u8>>,
    /// The time decisions are stamped with ([`Notebook::set_time`]).
    now: String,
    /// What makes this session's note ids its own, and how many it made.
    nonce: String,
    made: u64,
}

/// A notes file for this pair with no notes yet.
fn empty(left: &Document, right: &Document) -> NotesFile {
    NotesFile {
        version: 1,
        left: Article {
            path: left.name.clone(),
            sha256: sha256_hex(&left.text),
        },
        right: Article {
            path: right.name.clone(),
            sha256: sha256_hex(&right.text),
        },
        notes: Vec::new(),
        rejected: Vec::new(),
        extra: Default::default(),
    }
}

/// Places every note in the articles as they are now: if an article
/// changed since the notes were taken, each note is found again by its
/// quote, context and facts; one that cannot be placed is kept and marked
/// orphaned.
fn place(file: &mut NotesFile, docs: [&Document; 2], hashes: &[String; 2]) {
    // An article is prepared for the search once, and only if it changed.
    let hays = [0, 1].map(|side| {
        (file_hash(file, side) != hashes[side]).then(|| Haystack::new(&docs[side].text))
    });
    for note in &mut file.notes {
        for (side, slot) in [&mut note.left, &mut note.right].into_iter().enumerate() {
            let (Some(anchor), Some(hay)) = (slot.as_mut(), &hays[side]) else {
                continue;
            };
            match anchor.locate_in(hay) {
                Some(found) => *anchor = found,
                None => note.orphaned[side] = true,
            }
        }
    }
}

/// The hash the notes file has for the article on `side` (0 left).
fn file_hash(file: &NotesFile, side: usize) -> &str {
    if side == 0 {
        &file.left.sha256
    } else {
        &file.right.sha256
    }
}

/// The bytes at `path`: `None` if there is no file.
fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

impl Notebook {
    /// Opens the notes at `path` for this pair of articles (an empty
    /// notebook if there is no file yet), placing each note in the current
    /// text. Temporary files a killed save left beside it are removed.
    pub fn open(path: &Path, left: &Document, right: &Document) -> Result<Self, StoreError> {
        let unreadable = |reason: String| StoreError::Unreadable {
            path: path.display().to_string(),
            reason,
        };
        store::regular_or_missing(path).map_err(|e| unreadable(e.to_string()))?;
        let bytes = {
            // Under the lock no save is under way, so any temporary file is stale.
            let lock = NotesLock::acquire(path);
            if lock.is_ok() {
                store::remove_stale_temporaries(path);
            }
            read(path).map_err(|e| unreadable(e.to_string()))?
        };
        let (mut file, renamed) = match &bytes {
            Some(b) => store::parse_counting(b).map_err(unreadable)?,
            None => (empty(left, right), 0),
        };
        let notice = (renamed > 0).then(|| {
            format!(
                "{renamed} {} had an id an earlier note has: given {} own (ID-2...)",
                if renamed == 1 { "note" } else { "notes" },
                if renamed == 1 { "its" } else { "their" }
            )
        });
        place(
            &mut file,
            [left, right],
            &[sha256_hex(&left.text), sha256_hex(&right.text)],
        );
        Ok(Notebook {
            path: path.to_path_buf(),
            base: file.clone(),
            file,
            unsaved: false,
            last_merge: Merged::default(),
            notice,
            on_disk: bytes,
            now: now_rfc3339(),
            nonce: new_id(),
            made: 0,
        })
    }

    /// Saves the notes, first merging what another session saved to the
    /// same file since this one last read or wrote it. A file that another
    /// program left unreadable is not overwritten.
    pub fn save(&mut self, left: &Document, right: &Document) -> Result<(), StoreError> {
        let result = self.save_merged(left, right, false);
        self.unsaved = result.is_err();
        result
    }

    /// Saves to another place, which becomes the notebook's place. Notes
    /// already in a notes file there are kept (merged). A file there that
    /// cannot be read as notes is replaced only with `replace_unreadable`
    /// (the reviewer was asked); else it is [`StoreError::NotNotes`].
    pub fn save_as(
        &mut self,
        path: &Path,
        left: &Document,
        right: &Document,
        replace_unreadable: bool,
    ) -> Result<(), StoreError> {
        let previous = (
            std::mem::replace(&mut self.path, path.to_path_buf()),
            self.base.clone(),
            self.on_disk.take(),
        );
        // Nothing there was read by this session: merge without deletions.
        self.base = NotesFile {
            notes: Vec::new(),
            rejected: Vec::new(),
            ..self.file.clone()
        };
        let result = self.save_merged(left, right, replace_unreadable);
        self.unsaved = result.is_err();
        if result.is_err() {
            (self.path, self.base, self.on_disk) = previous;
        }
        result
    }

    fn save_merged(
        &mut self,
        left: &Document,
        right: &Document,
        replace_unreadable: bool,
    ) -> Result<(), StoreError> {
        let unwritable = |reason: String| StoreError::Unwritable {
            path: self.path.display().to_string(),
            reason,
        };
        store::regular_or_missing(&self.path).map_err(|e| unwritable(e.to_string()))?;
        let _lock = NotesLock::acquire(&self.path).map_err(|e| unwritable(e.to_string()))?;
        let current = read(&self.path).map_err(|e| unwritable(e.to_string()))?;
        let hashes = [sha256_hex(&left.text), sha256_hex(&right.text)];
        self.last_merge = Merged::default();
        if let Some(bytes) = current.filter(|b| Some(b) != self.on_disk.as_ref()) {
            match store::parse(&bytes) {
                Ok(mut theirs) => {
                    place(&mut theirs, [left, right], &hashes);
                    let (merged, report) = merge(&self.base, &self.file, &theirs);
                    self.file = merged;
                    self.last_merge = report;
                }
                Err(_) if replace_unreadable => {}
                Err(reason) => {
                    return Err(StoreError::NotNotes {
                        path: self.path.display().to_string(),
                        reason,
                    });
                }
            }
        }
        // Orphaned anchors still point into the old text: keep the old hash
        // for that side so that the next opening tries to place them again.
        let orphans = |side: usize| self.file.notes.iter().any(|n| n.orphaned[side]);
        let [left_hash, right_hash] = hashes;
        if !orphans(0) {
            self.file.left = Article {
                path: left.name.clone(),
                sha256: left_hash,
            };
        }
        if !orphans(1) {
            self.file.right = Article {
                path: right.name.clone(),
                sha256: right_hash,
            };
        }
        self.on_disk = Some(store::save(&self.path, &self.file)?);
        self.base = self.file.clone();
        Ok(())
    }

    /// Places an orphaned note (or any note) on a passage the reviewer
    /// chose: the anchor of that side is replaced and no longer orphaned.
    pub fn reattach(&mut self, id: &str, side: Side, anchor: Anchor) -> bool {
        self.touch(id, |n| {
            *(match side {
                Side::Left => &mut n.left,
                Side::Right => &mut n.right,
            }) = Some(anchor);
            n.orphaned[side.index()] = false;
        })
    }

    /// Sets the time the next decisions (notes added, edited, rejected) are
    /// stamped with. The review screen's loop sets it before each update, so
    /// that the update itself reads no clock; until then it is the time the
    /// notebook was opened.
    pub fn set_time(&mut self, now: String) {
        self.now = now;
    }

    /// The time decisions are stamped with now.
    pub(super) fn now(&self) -> &str {
        &self.now
    }

    /// A new note id: unique to this session (its nonce) and to this note
    /// (a count), read from no clock or random source.
    fn next_id(&mut self) -> String {
        use std::hash::{DefaultHasher, Hash, Hasher};
        self.made += 1;
        let mut h = DefaultHasher::new();
        (&self.nonce, self.made, &self.now).hash(&mut h);
        format!("{:016x}", h.finish())
    }

    pub fn add(
        &mut self,
        category: Category,
        text: String,
        left: Option<Anchor>,
        right: Option<Anchor>,
    ) -> String {
        let now = self.now.clone();
        let id = self.next_id();
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
            conflict: None,
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
        self.file.rejected.iter().any(|r| r.key == key)
            || self
                .file
                .notes
                .iter()
                .any(|n| n.suggestion.as_deref() == Some(key))
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
            rejected: self.now.clone(),
        });
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.file.notes.iter().find(|n| n.id == id)
    }

    fn touch(&mut self, id: &str, change: impl FnOnce(&mut Note)) -> bool {
        let Some(note) = self.file.notes.iter_mut().find(|n| n.id == id) else {
            return false;
        };
        change(note);
        note.updated = self.now.clone();
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

    /// Suggests a rejected suggestion again; false if it was not rejected.
    pub fn unreject(&mut self, key: &str) -> bool {
        let before = self.file.rejected.len();
        self.file.rejected.retain(|r| r.key != key);
        self.file.rejected.len() < before
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

    /// A notes path in a fresh directory, which goes when the `TempDir` is dropped.
    fn temp(name: &str) -> (tempfile::TempDir, PathBuf) {
        let d = tempfile::TempDir::with_prefix(format!("tandem-notebook-{name}-"))
            .expect("create the test directory");
        let path = d.path().join("notes.json");
        (d, path)
    }

    const LEFT: &str =
        "Putin will meet Witkoff. Ukrainian officials denied the reports. Talks end.";
    const RIGHT: &str = "Ukraine has not confirmed their fall.";

    fn span(text: &str, quote: &str) -> Anchor {
        Anchor::of_quote(text, quote).expect("the quote is in the text")
    }

    #[test]
    fn notes_come_back_identical() -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, path) = temp("same");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(
            Category::Contradiction,
            "denied vs not confirmed".into(),
            Some(span(LEFT, "denied the reports")),
            Some(span(RIGHT, "has not confirmed")),
        );
        book.cycle_status(&id);
        book.save(&l, &r)?;
        let again = Notebook::open(&path, &l, &r)?;
        assert_eq!(again.file, book.file);
        assert_eq!(
            again.get(&id).expect("the note is in the notebook").status,
            Status::Confirmed
        );
        Ok(())
    }

    #[test]
    fn an_edit_that_shifts_the_text_moves_the_anchor() -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, path) = temp("shift");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(
            Category::Contradiction,
            String::new(),
            Some(span(LEFT, "denied the reports")),
            None,
        );
        book.save(&l, &r)?;
        let edited = format!("BREAKING. {LEFT}");
        let l2 = Document::parse("l.txt", edited.clone());
        let book = Notebook::open(&path, &l2, &r)?;
        let a = book
            .get(&id)
            .expect("the note is in the notebook")
            .left
            .clone()
            .expect("the note keeps its left quote");
        assert_eq!(&edited[a.start..a.end], "denied the reports");
        assert!(
            !book
                .get(&id)
                .expect("the note is in the notebook")
                .is_orphan()
        );
        Ok(())
    }

    #[test]
    fn a_note_whose_passage_is_gone_is_kept_as_an_orphan() -> Result<(), Box<dyn std::error::Error>>
    {
        let (_dir, path) = temp("orphan");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(
            Category::Omission,
            "keep me".into(),
            Some(span(LEFT, "Ukrainian officials denied the reports.")),
            None,
        );
        book.save(&l, &r)?;
        let l2 = Document::parse("l.txt", "Putin will meet Witkoff. Talks end.");
        let mut book = Notebook::open(&path, &l2, &r)?;
        let note = book.get(&id).expect("the note is in the notebook");
        assert!(note.orphaned[0]);
        assert_eq!(
            note.left
                .as_ref()
                .expect("the note keeps its left quote")
                .exact,
            "Ukrainian officials denied the reports.",
            "the stored quote is kept"
        );
        // Saving keeps the orphan's quote and the old hash, so nothing is lost.
        book.save(&l2, &r)?;
        let again = Notebook::open(&path, &l, &r)?;
        assert!(
            !again
                .get(&id)
                .expect("the note is in the notebook")
                .is_orphan(),
            "with the old text back, the note is placed again"
        );
        Ok(())
    }

    #[test]
    fn save_elsewhere_after_a_failure() -> Result<(), Box<dyn std::error::Error>> {
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(Path::new("/nonexistent-dir/notes.json"), &l, &r)?;
        book.add(Category::Other, "x".into(), None, None);
        assert!(book.save(&l, &r).is_err());
        assert!(book.unsaved);
        let (_dir, path) = temp("elsewhere");
        book.save_as(&path, &l, &r, false)?;
        assert!(!book.unsaved && book.path == path);
        assert_eq!(Notebook::open(&path, &l, &r)?.file.notes.len(), 1);
        Ok(())
    }

    #[test]
    fn two_sessions_on_one_file_keep_each_others_notes() -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, path) = temp("two");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut a = Notebook::open(&path, &l, &r)?;
        let mut b = Notebook::open(&path, &l, &r)?;
        let first = a.add(
            Category::Name,
            "from a".into(),
            Some(span(LEFT, "Witkoff")),
            None,
        );
        a.save(&l, &r)?;
        let second = b.add(
            Category::Date,
            "from b".into(),
            Some(span(LEFT, "Talks end.")),
            None,
        );
        b.save(&l, &r)?;
        assert_eq!(b.last_merge.from_elsewhere, 1);
        // a saves again (a status change): b's note must survive it.
        a.cycle_status(&first);
        a.save(&l, &r)?;
        let on_disk = Notebook::open(&path, &l, &r)?;
        let ids: Vec<&str> = on_disk.file.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, [first.as_str(), second.as_str()]);
        assert_eq!(
            on_disk
                .get(&first)
                .expect("the note is in the notebook")
                .status,
            Status::Confirmed
        );
        // b, having seen a's change, deletes a's note; a's next save does
        // not bring it back. (A deletion of a note changed elsewhere since
        // is not taken: the merge tests cover that.)
        b.save(&l, &r)?;
        b.delete(&first);
        b.save(&l, &r)?;
        a.add(Category::Other, "third".into(), None, None);
        a.save(&l, &r)?;
        let texts: Vec<String> = Notebook::open(&path, &l, &r)?
            .file
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect();
        assert_eq!(texts, ["from b", "third"]);
        Ok(())
    }

    #[test]
    fn both_sessions_editing_one_note_keep_both_versions() -> Result<(), Box<dyn std::error::Error>>
    {
        let (_dir, path) = temp("conflict");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut a = Notebook::open(&path, &l, &r)?;
        let id = a.add(Category::Name, "draft".into(), None, None);
        a.save(&l, &r)?;
        let mut b = Notebook::open(&path, &l, &r)?;
        a.set_text(&id, Category::Name, "a's version".into());
        a.save(&l, &r)?;
        b.set_text(&id, Category::Name, "b's version".into());
        b.save(&l, &r)?;
        assert_eq!(b.last_merge.conflicts, 1);
        let file = Notebook::open(&path, &l, &r)?.file;
        let texts: Vec<&str> = file.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["b's version", "a's version"]);
        assert_eq!(file.notes[1].conflict.as_deref(), Some(id.as_str()));
        Ok(())
    }

    #[test]
    fn a_file_another_program_corrupted_is_not_overwritten()
    -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, path) = temp("clobbered");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(&path, &l, &r)?;
        book.add(Category::Other, "mine".into(), None, None);
        book.save(&l, &r)?;
        std::fs::write(&path, "<html>not notes</html>")?;
        book.add(Category::Other, "another".into(), None, None);
        let err = book.save(&l, &r).unwrap_err();
        assert!(matches!(err, StoreError::NotNotes { .. }), "{err}");
        assert!(err.to_string().contains("left untouched"), "{err}");
        // Saving elsewhere does not replace it either unless told to.
        assert!(matches!(
            book.save_as(&path, &l, &r, false),
            Err(StoreError::NotNotes { .. })
        ));
        assert!(book.unsaved);
        assert_eq!(std::fs::read_to_string(&path)?, "<html>not notes</html>");
        // Saving elsewhere keeps both notes.
        let (_elsewhere_dir, elsewhere) = temp("clobbered-rescue");
        book.save_as(&elsewhere, &l, &r, false)?;
        assert_eq!(Notebook::open(&elsewhere, &l, &r)?.file.notes.len(), 2);
        Ok(())
    }

    #[test]
    fn an_orphan_can_be_placed_again_by_the_reviewer() -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, path) = temp("reattach");
        let (l, r) = (
            Document::parse("l.txt", LEFT),
            Document::parse("r.txt", RIGHT),
        );
        let mut book = Notebook::open(&path, &l, &r)?;
        let id = book.add(
            Category::Omission,
            "keep me".into(),
            Some(span(LEFT, "Ukrainian officials denied the reports.")),
            None,
        );
        book.save(&l, &r)?;
        let edited = "Putin will meet Witkoff. Kyiv said nothing. Talks end.";
        let l2 = Document::parse("l.txt", edited);
        let mut book = Notebook::open(&path, &l2, &r)?;
        assert!(
            book.get(&id)
                .expect("the note is in the notebook")
                .is_orphan()
        );
        assert!(book.reattach(&id, Side::Left, span(edited, "Kyiv said nothing.")));
        book.save(&l2, &r)?;
        let again = Notebook::open(&path, &l2, &r)?;
        let note = again.get(&id).expect("the note is in the notebook");
        assert!(!note.is_orphan());
        assert_eq!(
            note.left
                .as_ref()
                .expect("the note keeps its left quote")
                .exact,
            "Kyiv said nothing."
        );
        Ok(())
    }
}
