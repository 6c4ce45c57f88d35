//! The review screen's state, in parts (one file each) so that a handler
//! borrows what it works on: the [`review`] (the comparison and what is
//! derived from it), the [`viewport`] (what is shown and where), the
//! [`input`] (dialogs and what keys are building up) and the [`notes`].
//! Everything a frame shows is derived from them; `update` changes them,
//! and so does carrying out a save (the notebook records whether it is on
//! disk).

mod input;
mod notes;
mod review;
mod versions;
mod viewport;

pub use input::{Input, Search};
pub use notes::Notes;
pub use review::Review;
pub use versions::{HistoryRow, Versions};
pub use viewport::{Folds, Viewport};

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::Action;
use super::dialog::{Dialog, Target};
use super::fold;
use super::keymap;
use super::layout::{self, Aligned, Pane};
use super::mode::{Mode, Side};
use super::reload;
use super::theme::Theme;
use crate::core::compare::Comparison;
use crate::core::notes::Anchor;
use crate::core::notes::notebook::Notebook;

/// Smallest terminal the screen is drawn in; below it, a message says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// Columns of the gutter between the panes.
const GUTTER: u16 = 3;
/// Columns at a pane's left edge: the focus bar, a kind mark (reading
/// view) and a note mark.
pub const MARGIN: u16 = 3;

/// Where things go on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub titles: Rect,
    pub left: Rect,
    pub gutter: Rect,
    pub right: Rect,
    /// The focused passage's current suggestion.
    pub suggestion: Rect,
    pub status: Rect,
}

impl Geometry {
    pub fn new(width: u16, height: u16) -> Self {
        let content = height.saturating_sub(3);
        let left_width = width.saturating_sub(GUTTER) / 2;
        let right_width = width.saturating_sub(GUTTER + left_width);
        Geometry {
            titles: Rect::new(0, 0, width, 1),
            left: Rect::new(0, 1, left_width, content),
            gutter: Rect::new(left_width, 1, GUTTER, content),
            right: Rect::new(left_width + GUTTER, 1, right_width, content),
            suggestion: Rect::new(0, height.saturating_sub(2), width, 1),
            status: Rect::new(0, height.saturating_sub(1), width, 1),
        }
    }

    /// Width available to text in each pane.
    pub fn text_width(&self) -> usize {
        usize::from(self.left.width.min(self.right.width).saturating_sub(MARGIN)).max(1)
    }

    pub fn pane(&self, side: Side) -> Rect {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// Rows of article text on screen.
    pub fn rows(&self) -> usize {
        usize::from(self.left.height).max(1)
    }
}

/// The screen's state, in the parts the handlers work on: a handler that
/// needs one part borrows that part alone.
pub struct App {
    pub review: Review,
    pub viewport: Viewport,
    pub input: Input,
    pub notes: Notes,
    pub quit: bool,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Who signs the exports (the config file's or git's name).
    pub reviewer: Option<String>,
    pub theme: Theme,
    /// The articles being read again, or waiting to be.
    pub reload: reload::State,
    /// Three or more versions: the pairs not on screen and the history.
    pub versions: Option<Versions>,
}

impl App {
    pub fn new(cmp: Comparison, width: u16, height: u16, theme: Theme) -> Self {
        let review = Review::new(cmp);
        let unit_count = review.units.len();
        let text_width = Geometry::new(width, height).text_width();
        let layouts = layouts(&review, text_width);
        App {
            viewport: Viewport::new((width, height), layouts, unit_count),
            notes: Notes::new(unit_count),
            review,
            input: Input::default(),
            quit: false,
            message: None,
            reviewer: None,
            theme,
            reload: reload::State::default(),
            versions: None,
        }
    }

    /// What a unit is to folding.
    fn fold_kind(&self, unit: usize) -> fold::Kind {
        if self.viewport.opened[unit] || !self.notes.notes_of_unit[unit].is_empty() {
            fold::Kind::Shown
        } else if self.review.plain(unit) {
            fold::Kind::Foldable
        } else {
            fold::Kind::Change
        }
    }

    /// Works out the folds again (folding switched, a fold opened, notes
    /// changed, a new width) and stacks both views' rows accordingly.
    pub fn refold(&mut self) {
        let kinds: Vec<fold::Kind> = if self.viewport.fold {
            (0..self.review.units.len())
                .map(|u| self.fold_kind(u))
                .collect()
        } else {
            Vec::new()
        };
        let v = &mut self.viewport;
        v.folds = Folds::default();
        if v.fold {
            v.folds.aligned = fold::runs(&kinds);
            for side in Side::BOTH {
                let pane: Vec<fold::Kind> = v.panes[side.index()]
                    .units
                    .iter()
                    .map(|&u| kinds[u])
                    .collect();
                v.folds.panes[side.index()] = fold::runs(&pane);
            }
        }
        let heights: Vec<usize> = v
            .aligned
            .sides
            .iter()
            .map(|[l, r]| l.lines.len().max(r.lines.len()))
            .collect();
        v.aligned.stack = fold::stack(&heights, &v.folds.aligned);
        for (side, (pane, runs)) in Side::BOTH
            .into_iter()
            .zip(v.panes.iter_mut().zip(&v.folds.panes))
        {
            let heights: Vec<usize> = (0..pane.units.len())
                .map(|item| pane.passage(&v.aligned, side, item).lines.len())
                .collect();
            pane.stack = fold::stack(&heights, runs);
        }
        v.scroll = v.scroll.min(v.aligned.stack.total);
        for (scroll, pane) in v.pane_scroll.iter_mut().zip(&v.panes) {
            *scroll = (*scroll).min(pane.stack.total);
        }
    }

    /// Attaches the review notes and places them on the units.
    pub fn set_notebook(&mut self, notebook: Notebook) {
        self.notes.notebook = Some(notebook);
        self.place_notes();
    }

    /// Recomputes which notes sit in which unit (after any change).
    pub fn place_notes(&mut self) {
        let mut by_unit = vec![Vec::new(); self.review.units.len()];
        if let Some(book) = &self.notes.notebook {
            for (i, note) in book.file.notes.iter().enumerate() {
                for side in Side::BOTH {
                    let Some(anchor) = note.anchor(side) else {
                        continue;
                    };
                    if note.orphaned[side.index()] {
                        continue;
                    }
                    if let Some(u) = self.review.unit_at(side, anchor.start)
                        && !by_unit[u].contains(&i)
                    {
                        by_unit[u].push(i);
                    }
                }
            }
        }
        self.notes.notes_of_unit = by_unit;
        if self.viewport.fold {
            // A passage with notes is never folded away; one whose last
            // note went may be, but not while it has the focus.
            self.refold();
            let v = &self.viewport;
            if let Some(run) = v.fold_of(v.view, v.pane, v.focus) {
                let units = v.fold_units(v.view, v.pane, run);
                if units[0] != v.focus {
                    units
                        .into_iter()
                        .for_each(|u| self.viewport.opened[u] = true);
                    self.refold();
                }
            }
        }
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        let input = &self.input;
        match &input.dialog {
            _ if input.search.editing => Mode::Search,
            _ if input.command.is_some() => Mode::Command,
            _ if self.viewport.help => Mode::Help,
            Some(Dialog::PickCategory { .. }) => Mode::PickCategory,
            Some(Dialog::Write { .. }) => Mode::Write,
            Some(Dialog::NotesList { .. }) => Mode::NotesList,
            Some(Dialog::ConfirmDelete { .. }) => Mode::ConfirmDelete,
            Some(Dialog::ConfirmQuit) => Mode::ConfirmQuit,
            Some(Dialog::ConfirmReplace { .. }) => Mode::ConfirmReplace,
            Some(Dialog::KeepUnreadable { .. }) => Mode::KeepUnreadable,
            Some(Dialog::SaveAs { .. }) => Mode::SaveAs,
            Some(Dialog::Export) => Mode::Export,
            Some(Dialog::Summary { .. }) => Mode::Summary,
            Some(Dialog::History { .. }) => Mode::History,
            None if input.selection.is_some() => Mode::Select,
            None => Mode::Main,
        }
    }

    /// Rebuilds both views' layouts for the current width. A view not shown
    /// keeps its scroll, within its new length.
    pub fn relayout(&mut self) {
        let width = self.viewport.geometry().text_width();
        (self.viewport.aligned, self.viewport.panes) = layouts(&self.review, width);
        self.refold();
    }

    /// The byte span of the selected words on a side of `unit`, if some are.
    pub fn selected_span(&self, unit: usize, side: Side) -> Option<Range<usize>> {
        let sel = self.input.selection.as_ref().filter(|s| s.unit == unit)?;
        let (first, last) = sel.words[side.index()]?;
        let words = self.review.words(unit, side);
        Some(words.get(first)?.start..words.get(last)?.end)
    }

    /// Where a note on `unit` points: on each side, the selected words if
    /// some are, else the whole passage.
    pub fn target(&self, unit: usize) -> Target {
        let anchor = |side: Side| -> Option<Anchor> {
            let span = self.selected_span(unit, side).or_else(|| {
                let words = self.review.words(unit, side);
                Some(words.first()?.start..words.last()?.end)
            })?;
            Some(Anchor::new(
                &self.review.doc(side).text,
                span.start,
                span.end,
            ))
        };
        Target {
            left: anchor(Side::Left),
            right: anchor(Side::Right),
        }
    }
}

/// Both views at text width `width`: the aligned view wraps every unit's
/// sides, and each reading view orders the same passages.
fn layouts(review: &Review, width: usize) -> (Aligned, [Pane; 2]) {
    let (cmp, units) = (&review.cmp, &review.units);
    let moved = keymap::hints(Mode::Main, &[Action::JumpMoved], ": ", "");
    let aligned = layout::aligned(cmp, units, width, &moved);
    let panes = Side::BOTH.map(|side| layout::pane(cmp, units, &aligned, side));
    (aligned, panes)
}
