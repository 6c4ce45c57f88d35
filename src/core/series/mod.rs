//! A story through its versions: each consecutive pair of versions aligned
//! and compared once, exactly as two versions are, and the history of every
//! fact that changed on the way ([`history`]).
//!
//! A series holds its pairs, not its versions: pair `i` compares version `i`
//! with version `i + 1`, so version `i + 1` is the right side of pair `i` and
//! the left side of pair `i + 1`. Each pair keeps its own copy of the two
//! documents, as a two-version comparison does; memory grows linearly with
//! the number of versions.

pub mod history;

use rayon::prelude::*;

use crate::core::compare::Comparison;
use crate::core::document::Document;

pub use history::{FactHistory, PassageChange, Step, Value};

/// Two or more versions of one article, compared pair by consecutive pair.
#[derive(Debug, Clone)]
pub struct Series {
    pairs: Vec<Comparison>,
}

impl Series {
    /// Compares each version with the next, the pairs on all cores. `None`
    /// for fewer than two versions: there is nothing to compare.
    pub fn new(versions: Vec<Document>) -> Option<Self> {
        if versions.len() < 2 {
            return None;
        }
        let pairs = versions
            .par_windows(2)
            .map(|pair| Comparison::new(pair[0].clone(), pair[1].clone()))
            .collect();
        Some(Series { pairs })
    }

    /// A series of the comparisons of consecutive versions: each pair's
    /// right document must be the next pair's left one.
    pub fn from_pairs(pairs: Vec<Comparison>) -> Option<Self> {
        let chained = pairs.windows(2).all(|w| w[0].right.text == w[1].left.text);
        (!pairs.is_empty() && chained).then_some(Series { pairs })
    }

    /// Pair `i` compares version `i` with version `i + 1`.
    pub fn pairs(&self) -> &[Comparison] {
        &self.pairs
    }

    /// The pairs, given up: pair `i` compares version `i` with `i + 1`.
    pub fn into_pairs(self) -> Vec<Comparison> {
        self.pairs
    }

    /// How many versions: one more than the pairs.
    pub fn len(&self) -> usize {
        self.pairs.len() + 1
    }

    /// A series has at least two versions.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Version `i`, oldest first.
    pub fn version(&self, i: usize) -> &Document {
        if i == 0 {
            &self.pairs[0].left
        } else {
            &self.pairs[i - 1].right
        }
    }

    /// The versions, oldest first.
    pub fn versions(&self) -> impl Iterator<Item = &Document> {
        (0..self.len()).map(|i| self.version(i))
    }

    /// Every fact that changed across the versions, in story order.
    pub fn history(&self) -> Vec<FactHistory> {
        history::of(&self.pairs)
    }

    /// The passages added or dropped from one version to the next.
    pub fn passages(&self) -> Vec<PassageChange> {
        history::passages(&self.pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> Document {
        Document::parse(name, text)
    }

    #[test]
    fn each_pair_is_the_two_version_comparison() {
        let texts = [
            "The ferry sank on Sunday. Twelve people were killed.",
            "The ferry sank on Sunday. At least 19 people were killed.",
            "The ferry sank on Sunday near the port. At least 23 people were killed.",
        ];
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("v{i}"), t))
            .collect();
        let series = Series::new(docs.clone()).expect("three versions");
        assert_eq!(series.len(), 3);
        for (i, pair) in series.pairs().iter().enumerate() {
            let alone = Comparison::new(docs[i].clone(), docs[i + 1].clone());
            let links = |c: &Comparison| {
                c.links
                    .iter()
                    .map(|l| (l.link.clone(), l.kind, l.discrepancies.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(links(pair), links(&alone), "pair {i}");
        }
        let names: Vec<_> = series.versions().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["v0", "v1", "v2"]);
    }

    #[test]
    fn one_version_is_no_series() {
        assert!(Series::new(vec![doc("v0", "One version.")]).is_none());
        assert!(Series::new(Vec::new()).is_none());
    }

    #[test]
    fn pairs_that_do_not_chain_are_no_series() {
        let (a, b, c) = (
            doc("a", "A ship."),
            doc("b", "A boat."),
            doc("c", "A raft."),
        );
        let pairs = vec![
            Comparison::new(a.clone(), b.clone()),
            Comparison::new(a.clone(), c.clone()),
        ];
        assert!(Series::from_pairs(pairs).is_none());
        let chained = vec![Comparison::new(a, b.clone()), Comparison::new(b, c)];
        assert_eq!(Series::from_pairs(chained).map(|s| s.len()), Some(3));
    }
}
