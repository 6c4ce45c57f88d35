//! The loading screen's state: what the worker reported of each article
//! and how far it has come. Built from the pipeline's stages by
//! `loading`, drawn by `view::loading`.

use std::time::Duration;

use crate::core::Side;
use crate::core::pipeline::{self, Stage};

/// What loading has reached, as the worker reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Read,
    Align,
    Compare,
    /// Wrapping both views at the screen's width.
    LayOut,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Read, Step::Align, Step::Compare, Step::LayOut];

    pub fn label(self) -> &'static str {
        match self {
            Step::Read => "read and split into sentences",
            Step::Align => "align",
            Step::Compare => "compare",
            Step::LayOut => "lay out",
        }
    }
}

/// One article as far as it is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub name: Option<String>,
    pub bytes: Option<usize>,
    pub sentences: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub step: Step,
    pub articles: [Article; 2],
    /// Linked passages, once aligned.
    pub links: Option<usize>,
    /// How long the whole load is expected to take, for large pairs.
    pub expected: Option<Duration>,
    /// When reading the first side began, from the start of the load.
    began: Option<Duration>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            step: Step::Read,
            articles: Default::default(),
            links: None,
            expected: None,
            began: None,
        }
    }
}

impl Progress {
    /// Takes in a stage the worker reported, `at` this long after the start.
    pub fn record(&mut self, stage: Stage, at: Duration) {
        let index = Side::index;
        match stage {
            Stage::Reading { side, name } => {
                self.began.get_or_insert(at);
                self.articles[index(side)].name = Some(name);
            }
            Stage::Read { side, bytes } => {
                self.articles[index(side)].bytes = Some(bytes);
                let total = self.articles.iter().filter_map(|a| a.bytes).sum();
                self.expected = pipeline::expected(total);
            }
            Stage::Segmented { side, sentences } => {
                self.articles[index(side)].sentences = Some(sentences);
                // Both sides done: this machine's speed is known.
                if self.expected.is_some() && self.articles.iter().all(|a| a.sentences.is_some()) {
                    self.expected = Some(pipeline::expected_after_segmenting(
                        self.began.unwrap_or_default(),
                        at,
                    ));
                }
            }
            Stage::Aligning => self.step = Step::Align,
            Stage::Comparing { links } => {
                self.step = Step::Compare;
                self.links = Some(links);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_follows_the_stages_and_estimates_only_large_pairs() {
        let ms = Duration::from_millis;
        let mut p = Progress::default();
        p.record(
            Stage::Reading {
                side: Side::Left,
                name: "a.txt".into(),
            },
            ms(10),
        );
        p.record(
            Stage::Read {
                side: Side::Left,
                bytes: 2_000_000,
            },
            ms(20),
        );
        p.record(
            Stage::Segmented {
                side: Side::Left,
                sentences: 15_000,
            },
            ms(100),
        );
        assert_eq!(
            p.articles[0],
            Article {
                name: Some("a.txt".into()),
                bytes: Some(2_000_000),
                sentences: Some(15_000)
            }
        );
        assert_eq!(
            (p.step, p.expected),
            (Step::Read, None),
            "2 MB alone gets no estimate"
        );
        p.record(
            Stage::Reading {
                side: Side::Right,
                name: "b.txt".into(),
            },
            ms(100),
        );
        p.record(
            Stage::Read {
                side: Side::Right,
                bytes: 3_000_000,
            },
            ms(110),
        );
        assert_eq!(
            p.expected,
            pipeline::expected(5_000_000),
            "5 MB in all gets the estimate by size"
        );
        assert!(p.expected.is_some());
        p.record(
            Stage::Segmented {
                side: Side::Right,
                sentences: 20_000,
            },
            ms(210),
        );
        assert_eq!(
            p.expected,
            Some(pipeline::expected_after_segmenting(ms(10), ms(210))),
            "then the one by this machine's speed"
        );
        p.record(Stage::Aligning, ms(210));
        assert_eq!(p.step, Step::Align);
        p.record(Stage::Comparing { links: 12_000 }, ms(2000));
        assert_eq!((p.step, p.links), (Step::Compare, Some(12_000)));
    }
}
