//! The review screen's state. Everything a frame shows is derived from it;
//! `update` changes it, and so does carrying out a save (the notebook
//! records whether it is on disk). Also the queries every floor above asks
//! of it: a unit's sentences and words, where a note points.

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::Action;
use super::dialog::{Dialog, Selection, Target};
use super::fold;
use super::history::History;
use super::keymap;
use super::layout::{self, Aligned, Pane};
use super::mode::{Mode, Side, View};
use super::reload;
use super::theme::Theme;
use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;
use crate::core::notes::Anchor;
use crate::core::notes::notebook::Notebook;
use crate::display::sanitize;

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

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query is being typed.
    pub editing: bool,
    pub query: String,
    /// Units with a match, in order.
    pub matches: Vec<usize>,
}

pub struct App {
    pub cmp: Comparison,
    pub units: Vec<Unit>,
    /// Units a reviewer must look at: divergent, unique or moved.
    pub differences: Vec<usize>,
    pub view: View,
    /// The pane that has the focus in the reading view.
    pub pane: Side,
    /// The focused unit (index into `units`).
    pub focus: usize,
    /// First row shown in the aligned view.
    pub scroll: usize,
    /// First row shown in each pane of the reading view.
    pub pane_scroll: [usize; 2],
    pub size: (u16, u16),
    /// Both views' layouts at the current width, rebuilt when it changes.
    pub aligned: Aligned,
    pub panes: [Pane; 2],
    pub search: Search,
    pub help: bool,
    /// First line of the help shown, when it is taller than the screen.
    pub help_scroll: usize,
    pub quit: bool,
    /// A one-line message for the status bar.
    pub message: Option<String>,
    /// Who signs the exports (the config file's or git's name).
    pub reviewer: Option<String>,
    pub theme: Theme,
    /// Per pane: the full title, and a compact one for narrow panes.
    pub titles: [[String; 2]; 2],
    /// The review notes, saved on every change.
    pub notebook: Option<Notebook>,
    /// For each unit, the indices of the notes anchored in it.
    pub notes_of_unit: Vec<Vec<usize>>,
    /// For each sentence of each side, its unit.
    pub unit_of_sentence: [Vec<Option<usize>>; 2],
    /// A dialog on top of the screen, which receives the keys.
    pub dialog: Option<Dialog>,
    /// Words selected to narrow a note's anchor.
    pub selection: Option<Selection>,
    /// Which of the focused unit's open suggestions the bar shows.
    pub suggestion: usize,
    /// Runs of aligned passages are folded (`z`).
    pub fold: bool,
    /// Units the reviewer opened a fold on: shown until folding restarts.
    pub opened: Vec<bool>,
    /// The folded runs of each view, as item ranges: the aligned view's
    /// units, then each pane's passages.
    pub folds: Folds,
    /// Decisions on the notes that `u` undoes and Ctrl-r redoes.
    pub history: History,
    /// What the last accept or reject did: until the next key, the bar
    /// says so instead of showing the next suggestion.
    pub decided: Option<String>,
    /// A count typed before a move (`5j`), as vim reads it.
    pub count: Option<usize>,
    /// A passage number being typed after `:`.
    pub command: Option<String>,
    /// The terminal was lent to another program: the next frame is drawn
    /// whole, not as changes to the last one.
    pub repaint: bool,
    /// The articles being read again, or waiting to be.
    pub reload: reload::State,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folds {
    pub aligned: Vec<Range<usize>>,
    pub panes: [Vec<Range<usize>>; 2],
}

impl App {
    pub fn new(cmp: Comparison, width: u16, height: u16, theme: Theme) -> Self {
        let units = units(&cmp);
        let differences = units
            .iter()
            .enumerate()
            .filter(|(_, u)| match u {
                Unit::Link(k) => cmp.links[*k].kind == Kind::Divergent || cmp.links[*k].link.moved,
                Unit::LeftOnly(_) | Unit::RightOnly(_) => true,
                Unit::MovedHere(_) => false,
            })
            .map(|(i, _)| i)
            .collect();
        let titles = titles(&cmp, &units);
        let unit_of_sentence = unit_of_sentence(&cmp, &units);
        let unit_count = units.len();
        let text_width = Geometry::new(width, height).text_width();
        let (aligned, panes) = layouts(&cmp, &units, text_width);
        App {
            cmp,
            units,
            differences,
            view: View::Aligned,
            pane: Side::Left,
            focus: 0,
            scroll: 0,
            pane_scroll: [0, 0],
            size: (width, height),
            aligned,
            panes,
            search: Search::default(),
            help: false,
            help_scroll: 0,
            quit: false,
            message: None,
            reviewer: None,
            theme,
            titles,
            notes_of_unit: vec![Vec::new(); unit_count],
            notebook: None,
            unit_of_sentence,
            dialog: None,
            selection: None,
            suggestion: 0,
            fold: false,
            opened: vec![false; unit_count],
            folds: Folds::default(),
            history: History::default(),
            decided: None,
            count: None,
            command: None,
            repaint: false,
            reload: reload::State::default(),
        }
    }

    /// What a unit is to folding.
    fn fold_kind(&self, unit: usize) -> fold::Kind {
        let plain = matches!(self.units[unit], Unit::Link(k) if self.cmp.links[k].kind == Kind::Aligned && !self.cmp.links[k].link.moved);
        if self.opened[unit] || !self.notes_of_unit[unit].is_empty() {
            fold::Kind::Shown
        } else if plain {
            fold::Kind::Foldable
        } else {
            fold::Kind::Change
        }
    }

    /// Works out the folds again (folding switched, a fold opened, notes
    /// changed, a new width) and stacks both views' rows accordingly.
    pub fn refold(&mut self) {
        self.folds = Folds::default();
        if self.fold {
            let kinds: Vec<fold::Kind> = (0..self.units.len()).map(|u| self.fold_kind(u)).collect();
            self.folds.aligned = fold::runs(&kinds);
            for side in Side::BOTH {
                let pane: Vec<fold::Kind> = self.panes[side.index()]
                    .units
                    .iter()
                    .map(|&u| kinds[u])
                    .collect();
                self.folds.panes[side.index()] = fold::runs(&pane);
            }
        }
        let heights: Vec<usize> = self
            .aligned
            .sides
            .iter()
            .map(|[l, r]| l.lines.len().max(r.lines.len()))
            .collect();
        self.aligned.stack = fold::stack(&heights, &self.folds.aligned);
        for (side, (pane, runs)) in Side::BOTH
            .into_iter()
            .zip(self.panes.iter_mut().zip(&self.folds.panes))
        {
            let heights: Vec<usize> = (0..pane.units.len())
                .map(|item| pane.passage(&self.aligned, side, item).lines.len())
                .collect();
            pane.stack = fold::stack(&heights, runs);
        }
        self.scroll = self.scroll.min(self.aligned.stack.total);
        for (scroll, pane) in self.pane_scroll.iter_mut().zip(&self.panes) {
            *scroll = (*scroll).min(pane.stack.total);
        }
    }

    /// The fold (as units' item range of the view shown) whose line `unit`
    /// is, or which hides it, in the aligned view or a pane.
    pub fn fold_of(&self, view: View, side: Side, unit: usize) -> Option<Range<usize>> {
        match view {
            View::Aligned => fold::run_of(&self.folds.aligned, unit),
            View::Reading => fold::run_of(
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

    /// Attaches the review notes and places them on the units.
    pub fn set_notebook(&mut self, notebook: Notebook) {
        self.notebook = Some(notebook);
        self.place_notes();
    }

    /// Recomputes which notes sit in which unit (after any change).
    pub fn place_notes(&mut self) {
        let mut by_unit = vec![Vec::new(); self.units.len()];
        if let Some(book) = &self.notebook {
            for (i, note) in book.file.notes.iter().enumerate() {
                for side in Side::BOTH {
                    let Some(anchor) = note.anchor(side) else {
                        continue;
                    };
                    if note.orphaned[side.index()] {
                        continue;
                    }
                    if let Some(u) = self.unit_at(side, anchor.start)
                        && !by_unit[u].contains(&i)
                    {
                        by_unit[u].push(i);
                    }
                }
            }
        }
        self.notes_of_unit = by_unit;
        if self.fold {
            // A passage with notes is never folded away; one whose last
            // note went may be, but not while it has the focus.
            self.refold();
            if let Some(run) = self.fold_of(self.view, self.pane, self.focus) {
                let units = self.fold_units(self.view, self.pane, run);
                if units[0] != self.focus {
                    units.into_iter().for_each(|u| self.opened[u] = true);
                    self.refold();
                }
            }
        }
    }

    /// The unit showing the byte `at` of a side's article.
    pub fn unit_at(&self, side: Side, at: usize) -> Option<usize> {
        let sentence = self.doc(side).sentences.partition_point(|s| s.end <= at);
        self.unit_of_sentence[side.index()]
            .get(sentence)
            .copied()
            .flatten()
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        match &self.dialog {
            _ if self.search.editing => Mode::Search,
            _ if self.command.is_some() => Mode::Command,
            _ if self.help => Mode::Help,
            Some(Dialog::PickCategory { .. }) => Mode::PickCategory,
            Some(Dialog::Write { .. }) => Mode::Write,
            Some(Dialog::NotesList { .. }) => Mode::NotesList,
            Some(Dialog::ConfirmDelete { .. }) => Mode::ConfirmDelete,
            Some(Dialog::ConfirmQuit) => Mode::ConfirmQuit,
            Some(Dialog::ConfirmReplace { .. }) => Mode::ConfirmReplace,
            Some(Dialog::SaveAs { .. }) => Mode::SaveAs,
            Some(Dialog::Export) => Mode::Export,
            Some(Dialog::Summary { .. }) => Mode::Summary,
            None if self.selection.is_some() => Mode::Select,
            None => Mode::Main,
        }
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size.0, self.size.1)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Rebuilds both views' layouts for the current width. A view not shown
    /// keeps its scroll, within its new length.
    pub fn relayout(&mut self) {
        (self.aligned, self.panes) = layouts(&self.cmp, &self.units, self.geometry().text_width());
        self.refold();
    }

    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::Left => &self.cmp.left,
            Side::Right => &self.cmp.right,
        }
    }

    /// The sentences `unit` shows on a side, if it has text there (a moved
    /// passage's placeholder counts as its link).
    pub fn sentences(&self, unit: usize, side: Side) -> Option<Range<usize>> {
        sentences(&self.cmp, self.units.get(unit)?, side)
    }

    /// Byte spans of the words of a unit's side: runs of characters between
    /// whitespace, as Unicode defines it (so a no-break space, VT, FF or NEL
    /// separates words too). Selecting, highlighting and anchoring all count
    /// words with this one function.
    pub fn words(&self, unit: usize, side: Side) -> Vec<Range<usize>> {
        let Some(r) = self.sentences(unit, side) else {
            return Vec::new();
        };
        let doc = self.doc(side);
        let span = doc.span(&r);
        let mut out = Vec::new();
        let mut word_start = None;
        for (i, c) in doc.text[span.clone()].char_indices() {
            match (c.is_whitespace(), word_start) {
                (true, Some(s)) => {
                    out.push(span.start + s..span.start + i);
                    word_start = None;
                }
                (false, None) => word_start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = word_start {
            out.push(span.start + s..span.end);
        }
        out
    }

    /// The byte span of the selected words on a side of `unit`, if some are.
    pub fn selected_span(&self, unit: usize, side: Side) -> Option<Range<usize>> {
        let sel = self.selection.as_ref().filter(|s| s.unit == unit)?;
        let (first, last) = sel.words[side.index()]?;
        let words = self.words(unit, side);
        Some(words.get(first)?.start..words.get(last)?.end)
    }

    /// Where a note on `unit` points: on each side, the selected words if
    /// some are, else the whole passage.
    pub fn target(&self, unit: usize) -> Target {
        let anchor = |side: Side| -> Option<Anchor> {
            let span = self.selected_span(unit, side).or_else(|| {
                let words = self.words(unit, side);
                Some(words.first()?.start..words.last()?.end)
            })?;
            Some(Anchor::new(&self.doc(side).text, span.start, span.end))
        };
        Target {
            left: anchor(Side::Left),
            right: anchor(Side::Right),
        }
    }
}

/// Both views at text width `width`: the aligned view wraps every unit's
/// sides, and each reading view orders the same passages.
fn layouts(cmp: &Comparison, units: &[Unit], width: usize) -> (Aligned, [Pane; 2]) {
    let moved = keymap::hints(Mode::Main, &[Action::JumpMoved], ": ", "");
    let aligned = layout::aligned(cmp, units, width, &moved);
    let panes = Side::BOTH.map(|side| layout::pane(cmp, units, &aligned, side));
    (aligned, panes)
}

/// The sentences of a unit on a side, if it has text there.
fn sentences(cmp: &Comparison, unit: &Unit, side: Side) -> Option<Range<usize>> {
    match (unit, side) {
        (Unit::Link(k) | Unit::MovedHere(k), Side::Left) => Some(cmp.links[*k].link.left.clone()),
        (Unit::Link(k) | Unit::MovedHere(k), Side::Right) => Some(cmp.links[*k].link.right.clone()),
        (Unit::LeftOnly(r), Side::Left) | (Unit::RightOnly(r), Side::Right) => Some(r.clone()),
        _ => None,
    }
}

/// The unit each sentence of each side is shown in.
fn unit_of_sentence(cmp: &Comparison, units: &[Unit]) -> [Vec<Option<usize>>; 2] {
    let mut out = [
        vec![None; cmp.left.sentences.len()],
        vec![None; cmp.right.sentences.len()],
    ];
    // A moved passage's placeholder shows no sentence: its link does.
    for (u, unit) in units
        .iter()
        .enumerate()
        .filter(|(_, u)| !matches!(u, Unit::MovedHere(_)))
    {
        for side in Side::BOTH {
            for i in sentences(cmp, unit, side).into_iter().flatten() {
                out[side.index()][i] = Some(u);
            }
        }
    }
    out
}

/// "name — 2 aligned · 18 divergent · 9 unique" for each pane, and the
/// compact "name  =2 ≠18 <9".
fn titles(cmp: &Comparison, units: &[Unit]) -> [[String; 2]; 2] {
    let aligned = cmp.links.iter().filter(|l| l.kind == Kind::Aligned).count();
    let divergent = cmp.links.len() - aligned;
    let unique_left = units
        .iter()
        .filter(|u| matches!(u, Unit::LeftOnly(_)))
        .count();
    let unique_right = units
        .iter()
        .filter(|u| matches!(u, Unit::RightOnly(_)))
        .count();
    [
        (&cmp.left.name, unique_left, '<'),
        (&cmp.right.name, unique_right, '>'),
    ]
    .map(|(name, unique, mark)| {
        let name = if name == "-" {
            "(standard input)".to_string()
        } else {
            sanitize(name)
        };
        [
            format!("{name} — {aligned} aligned · {divergent} divergent · {unique} unique"),
            format!("{name}  ={aligned} ≠{divergent} {mark}{unique}"),
        ]
    })
}
