//! The review screen's state. Everything a frame shows is derived from it;
//! only `update` changes it.

use ratatui::layout::Rect;

use super::layout::{self, Aligned, Pane};
use super::notes::{Dialog, Selection};
use super::theme::Theme;
use crate::core::notes::notebook::Notebook;
use crate::core::compare::Comparison;
use crate::core::compare::classify::Kind;
use crate::core::compare::units::{Unit, units};
use crate::display::sanitize;

/// Smallest terminal the screen is drawn in; below it, a message says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// Columns of the gutter between the panes.
const GUTTER: u16 = 3;
/// Columns at a pane's left edge: the focus bar, a kind mark (reading
/// view) and a note mark.
pub const MARGIN: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One row band per unit, both panes level, in the left article's order.
    Aligned,
    /// Each pane in its own article's order, kept in step at the focus.
    Reading,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

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
    pub aligned: Aligned,
    /// The reading view's layout, built the first time it is shown.
    pub panes: Option<[Pane; 2]>,
    pub search: Search,
    pub help: bool,
    /// First line of the help shown, when it is taller than the screen.
    pub help_scroll: usize,
    pub quit: bool,
    /// A one-line message for the status bar.
    pub message: Option<String>,
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
        let aligned = layout::aligned(&cmp, &units, text_width);
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
            panes: None,
            search: Search::default(),
            help: false,
            help_scroll: 0,
            quit: false,
            message: None,
            theme,
            titles,
            notes_of_unit: vec![Vec::new(); unit_count],
            notebook: None,
            unit_of_sentence,
            dialog: None,
            selection: None,
            suggestion: 0,
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
                for (side, doc) in [(0, &self.cmp.left), (1, &self.cmp.right)] {
                    let Some(anchor) = note.anchor(side == 0) else { continue };
                    if note.orphaned[side] {
                        continue;
                    }
                    let sentence = doc.sentences.partition_point(|s| s.end <= anchor.start);
                    if let Some(Some(u)) = self.unit_of_sentence[side].get(sentence) && !by_unit[*u].contains(&i) {
                        by_unit[*u].push(i);
                    }
                }
            }
        }
        self.notes_of_unit = by_unit;
    }

    /// What keys mean now.
    pub fn mode(&self) -> super::keys::Mode {
        use super::keys::Mode;
        match &self.dialog {
            Some(Dialog::PickCategory(_)) => Mode::PickCategory,
            Some(Dialog::Write { .. }) => Mode::Write,
            Some(Dialog::NotesList { .. }) => Mode::NotesList,
            Some(Dialog::ConfirmDelete { .. } | Dialog::ConfirmQuit) => Mode::Confirm,
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

    /// The reading view's panes, built on first use.
    pub fn panes(&mut self) -> &[Pane; 2] {
        if self.panes.is_none() {
            let width = self.geometry().text_width();
            self.panes = Some([true, false].map(|left| layout::pane(&self.cmp, &self.units, left, width)));
        }
        self.panes.as_ref().expect("just built")
    }

    /// Rebuilds the layouts for the current width.
    pub fn relayout(&mut self) {
        let width = self.geometry().text_width();
        self.aligned = layout::aligned(&self.cmp, &self.units, width);
        if self.panes.is_some() {
            self.panes = None;
            self.panes();
        }
    }
}

/// The unit each sentence of each side is shown in.
fn unit_of_sentence(cmp: &Comparison, units: &[Unit]) -> [Vec<Option<usize>>; 2] {
    let mut out = [vec![None; cmp.left.sentences.len()], vec![None; cmp.right.sentences.len()]];
    for (u, unit) in units.iter().enumerate() {
        let (left, right) = match unit {
            Unit::Link(k) => (Some(cmp.links[*k].link.left.clone()), Some(cmp.links[*k].link.right.clone())),
            Unit::LeftOnly(r) => (Some(r.clone()), None),
            Unit::RightOnly(r) => (None, Some(r.clone())),
            Unit::MovedHere(_) => (None, None),
        };
        for (side, range) in [(0, left), (1, right)] {
            for i in range.into_iter().flatten() {
                out[side][i] = Some(u);
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
    let unique_left = units.iter().filter(|u| matches!(u, Unit::LeftOnly(_))).count();
    let unique_right = units.iter().filter(|u| matches!(u, Unit::RightOnly(_))).count();
    [(&cmp.left.name, unique_left, '<'), (&cmp.right.name, unique_right, '>')].map(|(name, unique, mark)| {
        let name = if name == "-" { "(standard input)".to_string() } else { sanitize(name) };
        [
            format!("{name} — {aligned} aligned · {divergent} divergent · {unique} unique"),
            format!("{name}  ={aligned} ≠{divergent} {mark}{unique}"),
        ]
    })
}
