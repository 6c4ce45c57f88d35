//! Reading the articles again, after `e` or a change on disk, without
//! stopping the screen. `update` asks for it ([`Effect::Reload`]); the loop
//! hands a [`Job`] to a worker, which reads each changed file as the format
//! it was read as, compares the pair again and lays it out, reporting the
//! loading screen's stages; [`arrive`] then puts the fresh screen in place,
//! keeping the view, the folding and the focused passage where it still
//! exists, with the notes found again in the new text.
//!
//! One reload runs at a time: changes seen meanwhile (or while a dialog
//! has the keys, which a new comparison would pull from under it) wait in
//! [`State::queued`] and are read when it is done.

use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::action::Effect;
use super::app::App;
use super::history::History;
use super::mode::{Mode, Side};
use super::navigation;
use super::progress::Progress;
use super::theme::Theme;
use crate::core::document::Document;
use crate::core::notes::Anchor;
use crate::core::pipeline::{self, Report, Stage};

/// Why the articles are read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The reviewer edited one with `e`.
    Edited,
    /// A file changed on disk (another window's editor).
    OnDisk,
}

/// Which sides to read again, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub cause: Cause,
    pub sides: [bool; 2],
}

impl Request {
    pub fn new(cause: Cause, side: Side) -> Self {
        let mut sides = [false; 2];
        sides[side.index()] = true;
        Request { cause, sides }
    }

    /// Both requests at once: every side either names; an edit, if either
    /// is one (it says so when nothing changed).
    fn and(self, other: Request) -> Request {
        Request {
            cause: if self.cause == Cause::Edited {
                self.cause
            } else {
                other.cause
            },
            sides: [0, 1].map(|i| self.sides[i] || other.sides[i]),
        }
    }
}

/// The reloads of a session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The reload a worker is doing, and how far it has come.
    pub running: Option<(Request, Progress)>,
    /// Changes to read when it is done.
    pub queued: Option<Request>,
}

/// Asks for `request`: at once if nothing else runs and no dialog has the
/// keys, else when that is over.
pub fn ask(app: &mut App, request: Request) -> Vec<Effect> {
    app.reload.queued = Some(match app.reload.queued {
        Some(queued) => queued.and(request),
        None => request,
    });
    resume(app)
}

/// Starts the queued reload if it may start now. `update` calls it after
/// every action, so a reload put off by a dialog starts when it closes.
pub fn resume(app: &mut App) -> Vec<Effect> {
    let free = matches!(app.mode(), Mode::Main | Mode::Help);
    if app.reload.running.is_some() || !free {
        return Vec::new();
    }
    let Some(request) = app.reload.queued.take() else {
        return Vec::new();
    };
    app.reload.running = Some((request, Progress::default()));
    vec![Effect::Reload {
        sides: request.sides,
    }]
}

/// A stage the worker reached.
pub fn progress(app: &mut App, stage: Stage, at: std::time::Duration) {
    if let Some((_, progress)) = app.reload.running.as_mut() {
        progress.record(stage, at);
    }
}

/// What a worker needs to read the pair again: both articles as shown
/// (one is kept, each changed one read again as the format it had) and
/// the screen's size and colours to lay it out.
pub struct Job {
    docs: [Document; 2],
    sides: [bool; 2],
    size: (u16, u16),
    theme: Theme,
}

impl Job {
    pub fn new(app: &App, sides: [bool; 2]) -> Self {
        Job {
            docs: [app.review.cmp.left.clone(), app.review.cmp.right.clone()],
            sides,
            size: app.viewport.size,
            theme: app.theme.clone(),
        }
    }

    /// Reads, compares and lays out (slow: on a worker), reporting stages.
    pub fn run(self, report: Report) -> Result<Fresh, String> {
        let [mut left, mut right] = self.docs;
        let mut changed: [Option<Document>; 2] = [None, None];
        for side in Side::BOTH.into_iter().filter(|s| self.sides[s.index()]) {
            let doc = match side {
                Side::Left => &left,
                Side::Right => &right,
            };
            let again = pipeline::load(&doc.name, Some(doc.format), side, report)
                .map_err(|e| format!("cannot read the {} article again: {e}", side.name()))?;
            if again.text == doc.text {
                continue;
            }
            let old = match side {
                Side::Left => std::mem::replace(&mut left, again),
                Side::Right => std::mem::replace(&mut right, again),
            };
            changed[side.index()] = Some(old);
        }
        if changed.iter().all(Option::is_none) {
            return Ok(Fresh {
                app: None,
                differ: [None, None],
            });
        }
        let cmp = pipeline::compare(left, right, report);
        let app = App::new(cmp, self.size.0, self.size.1, self.theme);
        let differ = Side::BOTH.map(|side| {
            let old = changed[side.index()].as_ref()?;
            Some(differing(
                old,
                app.review.doc(side),
                &app.review.unit_of_sentence[side.index()],
            ))
        });
        Ok(Fresh {
            app: Some(Box::new(app)),
            differ,
        })
    }
}

/// The pair read again.
pub struct Fresh {
    /// The new screen (no notes yet), or `None` if no file had changed.
    pub app: Option<Box<App>>,
    /// For each side that changed, the passages that differ from the text
    /// shown before.
    pub differ: [Option<usize>; 2],
}

/// A worker's result carried in an action, taken out once by `update`.
/// Actions are cloned and compared (in tests): a handover equals only
/// itself.
pub struct Handover<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Handover<T> {
    fn clone(&self) -> Self {
        Handover(Arc::clone(&self.0))
    }
}

impl<T> Handover<T> {
    pub fn new(value: T) -> Self {
        Handover(Arc::new(Mutex::new(Some(value))))
    }

    pub fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl<T> PartialEq for Handover<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Handover<T> {}

impl<T> std::fmt::Debug for Handover<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handover")
    }
}

/// Passages of `new` that are not in `old`, counted in the new screen's
/// units, plus the runs of `old` that are gone: what a reviewer has to
/// look at again.
fn differing(old: &Document, new: &Document, unit_of_sentence: &[Option<usize>]) -> usize {
    let sentences = |doc: &Document| -> Vec<String> {
        (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i).trim().to_string())
            .collect()
    };
    let (before, after) = (sentences(old), sentences(new));
    let mut units: Vec<usize> = Vec::new();
    let mut gone = 0;
    for op in capture_diff_slices(Algorithm::Myers, &before, &after) {
        match op.tag() {
            DiffTag::Equal => {}
            DiffTag::Delete => gone += 1,
            DiffTag::Insert | DiffTag::Replace => {
                units.extend(unit_range(op.new_range(), unit_of_sentence));
            }
        }
    }
    units.sort_unstable();
    units.dedup();
    units.len() + gone
}

fn unit_range(
    sentences: Range<usize>,
    unit_of_sentence: &[Option<usize>],
) -> impl Iterator<Item = usize> + '_ {
    sentences.filter_map(|i| unit_of_sentence.get(i).copied().flatten())
}

/// The worker is done: the fresh screen replaces the old one, or the
/// reviewer is told why not. Starts what was queued meanwhile.
pub fn arrive(app: &mut App, result: Result<Fresh, String>) -> Vec<Effect> {
    let Some((request, _)) = app.reload.running.take() else {
        return Vec::new();
    };
    let mut effects = Vec::new();
    match result {
        Err(e) => app.message = Some(e),
        Ok(Fresh { app: None, .. }) => {
            if request.cause == Cause::Edited {
                app.message = Some("the article is unchanged".into());
            }
        }
        Ok(Fresh {
            app: Some(fresh),
            differ,
        }) => {
            replace(app, *fresh, differ, request.cause);
            effects.push(Effect::Save);
        }
    }
    effects.extend(resume(app));
    effects
}

/// What the reviewer chose, moved from `app` to the `fresh` screen that
/// replaces it: the view, pane, folding, help, reviewer, the reloads and a
/// series' other pairs.
pub(super) fn carry_over(app: &mut App, fresh: &mut App) {
    fresh.viewport.view = app.viewport.view;
    fresh.viewport.pane = app.viewport.pane;
    fresh.viewport.fold = app.viewport.fold;
    fresh.reviewer = app.reviewer.take();
    fresh.viewport.help = app.viewport.help;
    fresh.viewport.repaint = app.viewport.repaint;
    fresh.reload = std::mem::take(&mut app.reload);
    fresh.versions = app.versions.take();
    fresh.refold();
}

/// Puts `fresh` in place of `app`'s comparison, keeping what the reviewer
/// chose (view, pane, folding, reviewer, pending reloads) and the notes.
fn replace(app: &mut App, mut fresh: App, differ: [Option<usize>; 2], cause: Cause) {
    // The focused passage, found again in the new text as a note is: on
    // the focused pane's side if it has text there.
    let side = if app
        .review
        .sentences(app.viewport.focus, app.viewport.pane)
        .is_some()
    {
        app.viewport.pane
    } else {
        app.viewport.pane.other()
    };
    let focused = app.review.sentences(app.viewport.focus, side).map(|r| {
        let span = app.review.doc(side).span(&r);
        Anchor::new(&app.review.doc(side).text, span.start, span.end)
    });
    let orphans = |app: &App| {
        app.notes
            .notebook
            .as_ref()
            .map_or(0, |b| b.file.notes.iter().filter(|n| n.is_orphan()).count())
    };
    let orphans_before = orphans(app);
    if let Some(mut book) = app.notes.notebook.take() {
        for side in Side::BOTH {
            if differ[side.index()].is_some() {
                book.reanchor(side, &fresh.review.doc(side).text);
            }
        }
        fresh.set_notebook(book);
    }
    let size = app.viewport.size;
    carry_over(app, &mut fresh);
    *app = fresh;
    super::versions::retitle(app);
    if app.viewport.size != size {
        navigation::resize(app, size.0, size.1);
    }
    if let Some(unit) = focused
        .and_then(|a| a.locate(&app.review.doc(side).text))
        .and_then(|a| app.review.unit_at(side, a.start))
    {
        navigation::go_to(app, unit);
    }
    // Undoing would put back anchors into the old text: history starts anew.
    app.notes.history = History::default();
    app.message = Some(message(cause, differ, orphans(app) - orphans_before));
}

/// "right article changed: 2 passages differ since the last reload", and
/// the notes that lost their passage.
fn message(cause: Cause, differ: [Option<usize>; 2], orphaned: usize) -> String {
    let how = match cause {
        Cause::Edited => "edited",
        Cause::OnDisk => "changed",
    };
    let sides: Vec<String> = Side::BOTH
        .into_iter()
        .filter_map(|side| {
            let n = differ[side.index()]?;
            let passages = if n == 1 {
                "passage differs"
            } else {
                "passages differ"
            };
            Some(format!("{} article {how}: {n} {passages}", side.name()))
        })
        .collect();
    let mut text = format!("{} since the last reload", sides.join("; "));
    if orphaned > 0 {
        let notes = if orphaned == 1 {
            "note lost its"
        } else {
            "notes lost their"
        };
        text.push_str(&format!(
            "; {orphaned} {notes} passage (kept, in the notes list)"
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_each_changed_side_and_the_orphans() {
        assert_eq!(
            message(Cause::OnDisk, [None, Some(2)], 0),
            "right article changed: 2 passages differ since the last reload"
        );
        assert_eq!(
            message(Cause::Edited, [Some(1), Some(3)], 1),
            "left article edited: 1 passage differs; right article edited: 3 passages differ \
             since the last reload; 1 note lost its passage (kept, in the notes list)"
        );
    }

    #[test]
    fn passages_differ_by_sentence() {
        let old = Document::parse("a", "One fact. Two facts.\n\nThree facts. Four facts.\n");
        let new = Document::parse("a", "One fact. Two facts.\n\nThree changed. Four facts.\n");
        let units: Vec<Option<usize>> = (0..new.sentences.len()).map(Some).collect();
        assert_eq!(differing(&old, &new, &units), 1);
        let shorter = Document::parse("a", "One fact.\n");
        let units = vec![Some(0)];
        assert_eq!(differing(&old, &shorter, &units), 1, "one run gone");
        assert_eq!(differing(&old, &old, &units), 0);
    }

    #[test]
    fn requests_add_up() {
        let disk = Request::new(Cause::OnDisk, Side::Right);
        let edit = Request::new(Cause::Edited, Side::Left);
        assert_eq!(
            disk.and(edit),
            Request {
                cause: Cause::Edited,
                sides: [true, true]
            }
        );
    }
}
