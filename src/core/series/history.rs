//! The history of every fact that changed across a story's versions: "killed:
//! 12 → 19 → 23", a name corrected in the third version, a denial added in
//! the fourth.
//!
//! It is built from what each consecutive pair already found, not by a
//! detection of its own, so a history says no more and no less than the
//! pairs do. A finding of pair `i` (a changed, dropped or added fact between
//! versions `i` and `i + 1`) starts a fact's thread, or continues the thread
//! whose value in version `i` it stands on. Between findings a fact is
//! carried through the pair's link: its words are followed through the
//! link's word diff, so the value a later version writes is shown where that
//! version writes it. A passage that has no counterpart in the next version
//! ends the fact there (it is absent, `None`).

use std::ops::Range;

use crate::core::Category;
use crate::core::Side;
use crate::core::compare::units::{Unit, units};
use crate::core::compare::{ComparedLink, Comparison};
use crate::core::document::Document;

/// A fact as one version states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The words as the version writes them.
    pub text: String,
    /// Their byte span in the version's text.
    pub at: (usize, usize),
    /// The sentence they stand in.
    pub sentence: usize,
}

/// Where a fact changed: between versions `pair` and `pair + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub pair: usize,
    /// What the pair's finding said.
    pub explanation: String,
}

/// One fact through the versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactHistory {
    pub category: Category,
    /// What the fact is about, where the words around it say: for a figure,
    /// the word it counts ("killed", "people", "magnitude").
    pub slot: Option<String>,
    /// Per version, oldest first: the fact as it states it, `None` where it
    /// does not.
    pub values: Vec<Option<Value>>,
    /// The pairs in which it changed, in order.
    pub steps: Vec<Step>,
}

impl FactHistory {
    /// The first version that states the fact, and where: the story order.
    fn first_mention(&self) -> (usize, usize) {
        self.values
            .iter()
            .enumerate()
            .find_map(|(v, value)| value.as_ref().map(|value| (v, value.at.0)))
            .unwrap_or((self.values.len(), 0))
    }
}

/// One thing a pair found: a fact that differs, or one only one version has.
struct Event<'a> {
    category: Category,
    /// The fact in the earlier and in the later version of the pair.
    from: Option<(usize, usize)>,
    to: Option<(usize, usize)>,
    explanation: &'a str,
}

/// Per side of a pair, the link each sentence is in.
struct Links {
    of: [Vec<Option<usize>>; 2],
}

impl Links {
    fn new(cmp: &Comparison) -> Self {
        let of = Side::BOTH.map(|side| {
            let mut of = vec![None; side_doc(cmp, side).sentences.len()];
            for (k, l) in cmp.links.iter().enumerate() {
                for i in sentences(l, side) {
                    of[i] = Some(k);
                }
            }
            of
        });
        Links { of }
    }
}

fn side_doc(cmp: &Comparison, side: Side) -> &Document {
    match side {
        Side::Left => &cmp.left,
        Side::Right => &cmp.right,
    }
}

fn sentences(l: &ComparedLink, side: Side) -> Range<usize> {
    match side {
        Side::Left => l.link.left.clone(),
        Side::Right => l.link.right.clone(),
    }
}

/// The sentence of `doc` that holds byte `at`.
fn sentence_at(doc: &Document, at: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.end <= at)
        .min(doc.sentences.len().saturating_sub(1))
}

fn value(doc: &Document, at: (usize, usize)) -> Value {
    Value {
        text: doc.text[at.0..at.1].to_string(),
        at,
        sentence: sentence_at(doc, at.0),
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// What pair `cmp` found: the findings of its links in order, then the facts
/// only one version mentions anywhere (its omissions) that no finding
/// already covers.
fn events(cmp: &Comparison) -> Vec<Event<'_>> {
    let mut events: Vec<Event> = cmp
        .links
        .iter()
        .flat_map(|l| &l.discrepancies)
        .map(|d| Event {
            category: d.category,
            from: d.left,
            to: d.right,
            explanation: &d.explanation,
        })
        .collect();
    for o in &cmp.omissions {
        let covered = events.iter().any(|e| {
            let span = if o.side == Side::Left { e.from } else { e.to };
            span.is_some_and(|s| overlaps(s, o.at))
        });
        if covered {
            continue;
        }
        let (from, to, explanation) = match o.side {
            Side::Left => (Some(o.at), None, "only in the earlier version"),
            Side::Right => (None, Some(o.at), "only in the later version"),
        };
        events.push(Event {
            category: o.category,
            from,
            to,
            explanation,
        });
    }
    events
}

/// Where the fact `value` of one side of `cmp` stands in the other side,
/// through the link its sentence is in; `None` when the sentence has no
/// counterpart.
fn carry(cmp: &Comparison, links: &Links, from: Side, value: &Value) -> Option<Value> {
    let to = from.other();
    let k = links.of[from.index()]
        .get(value.sentence)
        .copied()
        .flatten()?;
    let link = &cmp.links[k];
    let target = side_doc(cmp, to);
    if let Some(at) = through_diff(link, from, value.at) {
        return Some(self::value(target, at));
    }
    // The words were reworded and no finding says the fact changed: it is
    // stated in the counterpart, the same words if they are there.
    let passage = target.span(&sentences(link, to));
    let text = &target.text[passage.clone()];
    Some(match text.find(&value.text) {
        Some(i) => self::value(
            target,
            (passage.start + i, passage.start + i + value.text.len()),
        ),
        None => Value {
            text: value.text.clone(),
            at: (passage.start, passage.end),
            sentence: sentence_at(target, passage.start),
        },
    })
}

/// The span of the words at `at` on side `from` of the link, on the other
/// side, when the link's word diff leaves them unchanged.
fn through_diff(link: &ComparedLink, from: Side, at: (usize, usize)) -> Option<(usize, usize)> {
    let diff = &link.diff;
    let words = diff.side(from);
    let first = words.partition_point(|t| t.span().0 < at.0);
    let end = words.partition_point(|t| t.span().1 <= at.1);
    if first >= end {
        return None;
    }
    // Inside a run of unchanged words, word i of one side is word i + shift
    // of the other, the shift set by the last change before it.
    let mut shift: isize = 0;
    for change in &diff.changes {
        let (here, there) = match from {
            Side::Left => (&change.left, &change.right),
            Side::Right => (&change.right, &change.left),
        };
        if here.end <= first {
            shift = there.end as isize - here.end as isize;
        } else if here.start >= end {
            break;
        } else {
            return None;
        }
    }
    let other = diff.side(from.other());
    let (a, b) = (first as isize + shift, end as isize + shift - 1);
    let (a, b) = (usize::try_from(a).ok()?, usize::try_from(b).ok()?);
    Some((other.get(a)?.span().0, other.get(b)?.span().1))
}

/// The word a figure counts: the first content word after it in its
/// sentence ("19 people"), else the last one before it ("the toll rose to
/// 19"). Only figures have a slot read this way; other facts are named by
/// their words.
fn slot(cmp: &Comparison, links: &Links, side: Side, value: &Value) -> Option<String> {
    let k = links.of[side.index()]
        .get(value.sentence)
        .copied()
        .flatten()?;
    let diff = &cmp.links[k].diff;
    let doc = side_doc(cmp, side);
    let sentence = doc.sentences[value.sentence];
    let function_words = &doc.language.lexicon().stopwords;
    // A word of three letters or more that is no function word of English
    // or of the article's language: "des", "of", "Abs", "S." name nothing.
    let content = |t: &&crate::core::tokens::WordToken| {
        let word = diff.vocabulary().word(t.word());
        let (s, e) = t.span();
        s >= sentence.start
            && e <= sentence.end
            && !word.stopword
            && !word.number
            && !function_words.contains(&*word.norm)
            && word.norm.chars().count() >= 3
            && word.norm.chars().all(char::is_alphabetic)
    };
    let words = diff.side(side);
    let after = words
        .iter()
        .filter(|t| t.span().0 >= value.at.1)
        .find(content);
    let before = || {
        words
            .iter()
            .filter(|t| t.span().1 <= value.at.0)
            .rfind(content)
    };
    let word = after.or_else(before)?;
    Some(diff.vocabulary().word(word.word()).norm.to_string())
}

/// A passage one version of a pair has and the other does not: a
/// paragraph added to a developing story, or one that went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageChange {
    /// Between versions `pair` and `pair + 1`.
    pub pair: usize,
    /// `Left`: the passage of version `pair` was dropped; `Right`: the
    /// passage of version `pair + 1` was added.
    pub side: Side,
    /// Its sentences in that version.
    pub sentences: Range<usize>,
    /// Its byte span in that version's text.
    pub at: (usize, usize),
}

/// The passages added or dropped in each pair, pair by pair in the order
/// the units of each pair read.
pub fn passages(pairs: &[Comparison]) -> Vec<PassageChange> {
    pairs
        .iter()
        .enumerate()
        .flat_map(|(pair, cmp)| {
            units(cmp).into_iter().filter_map(move |unit| {
                let (side, doc, sentences) = match unit {
                    Unit::LeftOnly(r) => (Side::Left, &cmp.left, r),
                    Unit::RightOnly(r) => (Side::Right, &cmp.right, r),
                    Unit::Link(_) | Unit::MovedHere(_) => return None,
                };
                let span = doc.span(&sentences);
                Some(PassageChange {
                    pair,
                    side,
                    sentences,
                    at: (span.start, span.end),
                })
            })
        })
        .collect()
}

/// The facts that changed across the pairs of consecutive versions `pairs`,
/// in story order: by the first version that states them, then by where.
pub fn of(pairs: &[Comparison]) -> Vec<FactHistory> {
    let versions = pairs.len() + 1;
    let links: Vec<Links> = pairs.iter().map(Links::new).collect();
    let mut facts: Vec<FactHistory> = Vec::new();
    for (p, cmp) in pairs.iter().enumerate() {
        let mut moved_on = vec![false; facts.len()];
        for event in events(cmp) {
            let continues = event.from.and_then(|from| {
                facts.iter().enumerate().position(|(k, f)| {
                    !moved_on[k]
                        && f.category == event.category
                        && f.values[p].as_ref().is_some_and(|v| overlaps(v.at, from))
                })
            });
            let k = match continues {
                Some(k) => k,
                None => {
                    let mut values = vec![None; versions];
                    values[p] = event.from.map(|at| value(&cmp.left, at));
                    // A fact first found changed here was stated, as it
                    // stands in version p, by the versions before.
                    for q in (0..p).rev() {
                        values[q] = match &values[q + 1] {
                            Some(v) => carry(&pairs[q], &links[q], Side::Right, v),
                            None => break,
                        };
                    }
                    facts.push(FactHistory {
                        category: event.category,
                        slot: None,
                        values,
                        steps: Vec::new(),
                    });
                    moved_on.push(false);
                    facts.len() - 1
                }
            };
            let fact = &mut facts[k];
            fact.values[p + 1] = event.to.map(|at| value(&cmp.right, at));
            fact.steps.push(Step {
                pair: p,
                explanation: event.explanation.to_string(),
            });
            moved_on[k] = true;
        }
        // Facts this pair found nothing on are carried to the next version.
        for (k, fact) in facts.iter_mut().enumerate() {
            if !moved_on[k] {
                fact.values[p + 1] = fact.values[p]
                    .as_ref()
                    .and_then(|v| carry(cmp, &links[p], Side::Left, v));
            }
        }
    }
    for fact in &mut facts {
        if fact.category == Category::Number {
            fact.slot = fact.values.iter().enumerate().find_map(|(v, value)| {
                let value = value.as_ref()?;
                // Version v is the left side of pair v, and the right side of
                // the pair before it.
                match pairs.get(v) {
                    Some(cmp) => slot(cmp, &links[v], Side::Left, value),
                    None => slot(&pairs[v - 1], &links[v - 1], Side::Right, value),
                }
            });
        }
    }
    facts.sort_by_key(FactHistory::first_mention);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::series::Series;

    fn series(texts: &[&str]) -> Series {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(format!("v{i}"), *t))
            .collect();
        Series::new(docs).expect("two or more versions")
    }

    fn texts(fact: &FactHistory) -> Vec<Option<&str>> {
        fact.values
            .iter()
            .map(|v| v.as_ref().map(|v| v.text.as_str()))
            .collect()
    }

    const OPENING: &str =
        "A ferry carrying 300 passengers sank off the coast of Crete on Sunday morning.";

    #[test]
    fn a_rising_toll_is_one_fact_with_its_value_in_every_version() {
        let s = series(&[
            &format!("{OPENING} Rescuers said 12 people were killed in the disaster."),
            &format!("{OPENING} Rescuers said 19 people were killed in the disaster."),
            &format!("{OPENING} Rescuers said 19 people were killed in the disaster."),
            &format!("{OPENING} Rescuers said 23 people were killed in the disaster."),
        ]);
        let history = s.history();
        let tolls: Vec<_> = history
            .iter()
            .filter(|f| f.category == Category::Number)
            .collect();
        assert_eq!(tolls.len(), 1, "{history:#?}");
        let toll = tolls[0];
        assert_eq!(
            texts(toll),
            [Some("12"), Some("19"), Some("19"), Some("23")]
        );
        assert_eq!(
            toll.steps.iter().map(|s| s.pair).collect::<Vec<_>>(),
            [0, 2]
        );
        assert_eq!(toll.slot.as_deref(), Some("people"));
        // Each value points at its own words in its own version.
        for (v, value) in toll.values.iter().enumerate() {
            let value = value.as_ref().expect("stated in every version");
            assert_eq!(&s.version(v).text[value.at.0..value.at.1], value.text);
        }
    }

    #[test]
    fn an_added_and_a_dropped_paragraph_are_passage_changes_of_their_pair() {
        let added = "The shipping company denied that the ferry was overloaded.";
        let s = series(&[OPENING, &format!("{OPENING}\n\n{added}"), OPENING]);
        let changes = passages(s.pairs());
        let seen: Vec<_> = changes
            .iter()
            .map(|c| {
                let doc = if c.side == Side::Left {
                    &s.pairs()[c.pair].left
                } else {
                    &s.pairs()[c.pair].right
                };
                (c.pair, c.side, &doc.text[c.at.0..c.at.1])
            })
            .collect();
        assert_eq!(seen, [(0, Side::Right, added), (1, Side::Left, added)]);
    }

    #[test]
    fn unchanged_versions_have_no_history() {
        let text = format!("{OPENING} Rescuers said 12 people were killed in the disaster.");
        assert!(series(&[&text, &text, &text]).history().is_empty());
    }

    #[test]
    fn a_fact_first_changed_late_is_traced_back_to_the_first_version() {
        let s = series(&[
            &format!("{OPENING} The captain, Nikos Pappas, was rescued."),
            &format!("{OPENING} The captain, Nikos Pappas, was rescued."),
            &format!("{OPENING} The captain, Nikos Papas, was rescued."),
        ]);
        let names: Vec<_> = s
            .history()
            .into_iter()
            .filter(|f| f.category == Category::Name)
            .collect();
        assert_eq!(names.len(), 1, "{names:#?}");
        assert_eq!(
            texts(&names[0]),
            [Some("Pappas"), Some("Pappas"), Some("Papas")]
        );
    }

    #[test]
    fn unchanged_words_are_followed_through_a_reworded_link() {
        let s = series(&[
            "Officials said 12 people died when the ferry sank near Crete on Sunday.",
            "Officials said on Monday that 12 people died when the ferry sank near Crete on Sunday.",
        ]);
        let pair = &s.pairs()[0];
        let links = Links::new(pair);
        let at = pair.left.text.find("12").expect("a figure");
        let v = value(&pair.left, (at, at + 2));
        let there = carry(pair, &links, Side::Left, &v).expect("linked");
        assert_eq!(there.text, "12");
        assert_eq!(&pair.right.text[there.at.0..there.at.1], "12");
    }
}
