//! Notes speed on a generated 1 MB article pair.
//!
//! `cargo bench --bench notes` prints the median of:
//! - opening a notes file of 1,000 notes after the article was edited, so
//!   that every note is placed again (re-anchoring);
//! - one save as the screen does it after each change (lock, read and
//!   compare the file, write, flush, rename), alone and after another
//!   session wrote the file (read, parse, place and three-way merge too).

#[allow(dead_code, reason = "the generated gold is for the align benchmark")]
mod common;

use std::time::{Duration, Instant};

use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::Anchor;
use tandem::core::notes::notebook::Notebook;

const NOTES: usize = 1000;

/// The median of `runs` timings of `f`.
fn timed(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let dir = tempfile::TempDir::with_prefix("tandem-bench-notes-").unwrap();
    let path = dir.path().join("notes.json");
    let (left, right) = common::pair(1_000_000, common::seed(1000));
    let (l, r) = (
        Document::parse("l.txt", left.clone()),
        Document::parse("r.txt", right),
    );
    // Notes on every k-th sentence: the whole sentence, or its first words.
    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let step = l.sentences.len() / NOTES;
    for (i, s) in l.sentences.iter().step_by(step).take(NOTES).enumerate() {
        let end = if i % 2 == 0 {
            s.end
        } else {
            left[s.start..s.end]
                .char_indices()
                .nth(20)
                .map_or(s.end, |(j, _)| s.start + j)
        };
        book.add(
            Category::Other,
            format!("note {i}"),
            Some(Anchor::new(&left, s.start, end)),
            None,
        );
    }
    book.save(&l, &r).unwrap();

    // The edit: a new lead paragraph, and every 40th sentence gone.
    let mut edited = String::from("A new lead paragraph, added after the notes were taken.\n\n");
    let mut at = 0;
    for s in l.sentences.iter().step_by(40) {
        edited.push_str(&left[at..s.start]);
        at = s.end;
    }
    edited.push_str(&left[at..]);
    let l2 = Document::parse("l.txt", edited);
    let mut placed = 0;
    let open = timed(5, || {
        let book = Notebook::open(&path, &l2, &r).unwrap();
        placed = book.file.notes.iter().filter(|n| !n.is_orphan()).count();
    });
    println!(
        "open {NOTES} notes after an edit of a 1 MB article (re-anchoring): {:.1} ms; {placed} placed, {} orphaned",
        open.as_secs_f64() * 1e3,
        NOTES - placed
    );

    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let alone = timed(21, || {
        book.cycle_status(&book.file.notes[0].id.clone());
        book.save(&l, &r).unwrap();
    });
    let mut other = Notebook::open(&path, &l, &r).unwrap();
    let merged = timed(21, || {
        other.add(Category::Other, "from another session".into(), None, None);
        other.save(&l, &r).unwrap();
        book.cycle_status(&book.file.notes[0].id.clone());
        book.save(&l, &r).unwrap();
    });
    println!(
        "save {NOTES} notes: {:.2} ms alone; {:.2} ms for two sessions' saves in turn, each merging the other's",
        alone.as_secs_f64() * 1e3,
        merged.as_secs_f64() * 1e3
    );
}
