//! The reading order of a comparison as a list of units: each link, and each
//! run of unique sentences of one paragraph. Units follow the left article;
//! a passage found only in the right article is placed after the link that
//! precedes it in the right article, so both panes read in order.

use super::Comparison;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Index into [`Comparison::links`].
    Link(usize),
    /// Consecutive unique sentences of the left article (one paragraph).
    LeftOnly(Range<usize>),
    /// Consecutive unique sentences of the right article (one paragraph).
    RightOnly(Range<usize>),
    /// Where the right side of moved link `k` stands in the right article:
    /// the link itself is shown in the left article's order.
    MovedHere(usize),
}

/// Runs of sentences not in any link, split at paragraph boundaries.
fn unique_runs(
    linked: &[Option<usize>],
    paragraph_of: impl Fn(usize) -> usize,
) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, l) in linked.iter().enumerate() {
        if l.is_some() {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.end == i && paragraph_of(run.start) == paragraph_of(i) => {
                run.end = i + 1
            }
            _ => runs.push(i..i + 1),
        }
    }
    runs
}

pub fn units(cmp: &Comparison) -> Vec<Unit> {
    let links: Vec<_> = cmp.links.iter().map(|l| l.link.clone()).collect();
    let alignment = crate::core::align::Alignment { links };
    let left_link = alignment.link_of(true, cmp.left.sentences.len());
    let right_link = alignment.link_of(false, cmp.right.sentences.len());

    // Passages placed by their right-article position (right-only runs and
    // the places moved links came from), keyed by the in-order link just
    // before them on the right, in right order.
    let mut by_right: Vec<(usize, Unit)> =
        unique_runs(&right_link, |j| cmp.right.sentences[j].paragraph)
            .into_iter()
            .map(|run| (run.start, Unit::RightOnly(run)))
            .collect();
    by_right.extend(
        cmp.links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.link.moved)
            .map(|(k, l)| (l.link.right.start, Unit::MovedHere(k))),
    );
    by_right.sort_by_key(|(start, _)| *start);
    let mut after_link: Vec<Vec<Unit>> = vec![Vec::new(); cmp.links.len()];
    let mut at_start: Vec<Unit> = Vec::new();
    for (start, unit) in by_right {
        let anchor = (0..start)
            .rev()
            .filter_map(|j| right_link[j])
            .find(|&k| !cmp.links[k].link.moved);
        match anchor {
            Some(k) => after_link[k].push(unit),
            None => at_start.push(unit),
        }
    }

    let mut out: Vec<Unit> = at_start;
    let left_runs = unique_runs(&left_link, |i| cmp.left.sentences[i].paragraph);
    let mut runs = left_runs.into_iter().peekable();
    let mut i = 0;
    while i < cmp.left.sentences.len() {
        match left_link[i] {
            Some(k) => {
                out.push(Unit::Link(k));
                out.append(&mut after_link[k]);
                i = cmp.links[k].link.left.end;
            }
            None => {
                let run = runs.next().expect("every unlinked sentence is in a run");
                i = run.end;
                out.push(Unit::LeftOnly(run));
            }
        }
    }
    debug_assert!(runs.peek().is_none());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    #[test]
    fn right_only_passages_follow_their_right_neighbour() {
        let left = "Headline Words\nThe council approved the new budget on Monday.\nThe mayor praised the vote.\n";
        let right = "The council approved the new budget on Monday.\nA storm hit the coast overnight.\nThe mayor praised the vote.\n";
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        let units = units(&cmp);
        assert_eq!(
            units,
            vec![
                Unit::LeftOnly(0..1),
                Unit::Link(0),
                Unit::RightOnly(1..2),
                Unit::Link(1)
            ]
        );
    }

    #[test]
    fn a_moved_link_also_marks_its_place_in_the_right_order() {
        let left = "The council approved the new budget on Monday.\nSpending on schools will rise by twelve percent next year.\n\
            Opposition members walked out of the chamber in protest.\nThe mayor said the vote was a victory for families.\n";
        let right = "Spending on schools will rise by twelve percent next year.\nOpposition members walked out of the chamber in protest.\n\
            The mayor said the vote was a victory for families.\nThe council approved the new budget on Monday.\n";
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        let moved = cmp
            .links
            .iter()
            .position(|l| l.link.moved)
            .expect("one moved link");
        let units = units(&cmp);
        assert_eq!(units.first(), Some(&Unit::Link(moved)));
        assert_eq!(units.last(), Some(&Unit::MovedHere(moved)));
    }
}
