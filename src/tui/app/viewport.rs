//! The viewport's part of the state: what is shown and where. The view and
//! the focused pane, the focused unit and the scroll of each view, the
//! screen's size, both views' layouts at that width, and the folds.

use std::ops::Range;

use super::Geometry;
use crate::tui::layout::{Aligned, Pane};
use crate::tui::mode::{Side, View};

pub struct Viewport {
    pub view: View,
    /// The pane that has the focus in the reading view.
    pub pane: Side,
    /// The focused unit (index into the review's units).
    pub focus: usize,
    /// First row shown in the aligned view.
    pub scroll: usize,
    /// First row shown in each pane of the reading view.
    pub pane_scroll: [usize; 2],
    pub size: (u16, u16),
    /// Both views' layouts at the current width, rebuilt when it changes.
    pub aligned: Aligned,
    pub panes: [Pane; 2],
    /// Runs of aligned passages are folded (`z`).
    pub fold: bool,
    /// Units the reviewer opened a fold on: shown until folding restarts.
    pub opened: Vec<bool>,
    /// The folded runs of each view, as item ranges: the aligned view's
    /// units, then each pane's passages.
    pub folds: Folds,
    pub help: bool,
    /// First line of the help shown, when it is taller than the screen.
    pub help_scroll: usize,
    /// The terminal was lent to another program: the next frame is drawn
    /// whole, not as changes to the last one.
    pub repaint: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folds {
    pub aligned: Vec<Range<usize>>,
    pub panes: [Vec<Range<usize>>; 2],
}

impl Viewport {
    /// The aligned view at the top, for `units` units laid out as given.
    pub fn new(size: (u16, u16), (aligned, panes): (Aligned, [Pane; 2]), units: usize) -> Self {
        Viewport {
            view: View::Aligned,
            pane: Side::Left,
            focus: 0,
            scroll: 0,
            pane_scroll: [0, 0],
            size,
            aligned,
            panes,
            fold: false,
            opened: vec![false; units],
            folds: Folds::default(),
            help: false,
            help_scroll: 0,
            repaint: false,
        }
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size.0, self.size.1)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < super::MIN_WIDTH || self.size.1 < super::MIN_HEIGHT
    }

    /// The fold (as units' item range of the view shown) whose line `unit`
    /// is, or which hides it, in the aligned view or a pane.
    pub fn fold_of(&self, view: View, side: Side, unit: usize) -> Option<Range<usize>> {
        match view {
            View::Aligned => crate::tui::fold::run_of(&self.folds.aligned, unit),
            View::Reading => crate::tui::fold::run_of(
                &self.folds.panes[side.index()],
                self.panes[side.index()].passage_of[unit]?,
            ),
        }
    }

    /// Folds in the view shown, and the passages they hold.
    pub fn folded(&self) -> (usize, usize) {
        let runs = match self.view {
            View::Aligned => &self.folds.aligned,
            View::Reading => &self.folds.panes[self.pane.index()],
        };
        (runs.len(), runs.iter().map(|r| r.len()).sum())
    }

    /// The units of a fold of the view shown.
    pub fn fold_units(&self, view: View, side: Side, run: Range<usize>) -> Vec<usize> {
        match view {
            View::Aligned => run.collect(),
            View::Reading => self.panes[side.index()].units[run].to_vec(),
        }
    }
}
