//! The series' part of the state, when the screen reviews three or more
//! versions: the pairs not on screen (each with its own notebook), which
//! pair is, and the history of the facts, worked out once when the series
//! was compared.

use crate::core::Side;
use crate::core::compare::Comparison;
use crate::core::notes::notebook::Notebook;
use crate::core::series::Series;
use crate::report::series::{fact_line, passage_line};

/// A line of the history view and where Enter on it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    /// As the text report writes it (sanitised).
    pub text: String,
    /// The pair it (first) changed in, the side and the sentence to focus.
    pub pair: usize,
    pub side: Side,
    pub sentence: usize,
}

pub struct Versions {
    /// The pair on screen: versions `current` and `current + 1`.
    pub current: usize,
    /// Each pair's comparison, except the one on screen (it is the review's).
    pub pairs: Vec<Option<Comparison>>,
    /// Each pair's notebook, except the one on screen (it is the notes').
    pub notebooks: Vec<Option<Notebook>>,
    /// The facts that changed, in story order, then the passages added or
    /// dropped.
    pub history: Vec<HistoryRow>,
}

impl Versions {
    /// The series with `notebooks[i]` for pair `i`, and the first pair's
    /// comparison and notebook taken out to go on screen.
    /// `None` if a pair has no notebook.
    pub fn new(series: Series, notebooks: Vec<Notebook>) -> Option<(Self, Comparison, Notebook)> {
        let history = history(&series);
        let mut pairs: Vec<Option<Comparison>> =
            series.into_pairs().into_iter().map(Some).collect();
        let mut notebooks: Vec<Option<Notebook>> = notebooks.into_iter().map(Some).collect();
        if notebooks.len() != pairs.len() {
            return None;
        }
        let first = pairs[0].take()?;
        let book = notebooks[0].take()?;
        let versions = Versions {
            current: 0,
            pairs,
            notebooks,
            history,
        };
        Some((versions, first, book))
    }

    /// How many versions.
    pub fn count(&self) -> usize {
        self.pairs.len() + 1
    }
}

/// The history view's rows: each fact that changed, at the first pair it
/// changed in; each passage added or dropped, at its pair.
fn history(series: &Series) -> Vec<HistoryRow> {
    let facts = series.history().into_iter().filter_map(|fact| {
        let pair = fact.steps.first()?.pair;
        // The passage as the pair's left version states it, else the right.
        let (side, value) = [(Side::Left, pair), (Side::Right, pair + 1)]
            .into_iter()
            .find_map(|(side, v)| Some((side, fact.values.get(v)?.as_ref()?)))?;
        Some(HistoryRow {
            text: fact_line(&fact),
            pair,
            side,
            sentence: value.sentence,
        })
    });
    let passages = series.passages().into_iter().map(|c| HistoryRow {
        text: passage_line(series, &c),
        pair: c.pair,
        side: c.side,
        sentence: c.sentences.start,
    });
    facts.chain(passages).collect::<Vec<_>>()
}
