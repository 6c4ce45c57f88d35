//! Where a note stands in the articles, for reports a colleague reads: the
//! paragraph and sentence numbers, the whole sentences around the tagged
//! words, the article's title, and the order of notes as the left article
//! reads (notes on passages only in the right article where they fall).

use std::ops::Range;

use super::{Anchor, Note};
use crate::core::compare::Comparison;
use crate::core::compare::units::{Unit, units};
use crate::core::document::Document;

/// A note's place on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// 1-based paragraph number (headings count as paragraphs).
    pub paragraph: usize,
    /// 1-based number of the first tagged sentence within its paragraph.
    pub sentence: usize,
    /// The whole sentences the tagged words stand in, white space collapsed.
    pub context: String,
    /// The tagged words within `context`; `None` when they are all of it.
    pub tagged: Option<Range<usize>>,
    /// Index of the first tagged sentence in the document.
    pub first_sentence: usize,
}

impl Place {
    /// "¶4, sentence 2"
    pub fn label(&self) -> String {
        format!("¶{}, sentence {}", self.paragraph, self.sentence)
    }
}

/// The sentence holding byte `offset` (or the next one after a gap).
fn sentence_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.sentences.partition_point(|s| s.end <= offset);
    (i < doc.sentences.len()).then_some(i)
}

/// Collapses runs of white space to one space (Markdown's blanked markup,
/// hard-wrapped lines), keeping track of where `range` lands.
fn squeeze(text: &str, range: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (None, None);
    let mut space = false;
    for (i, c) in text.char_indices() {
        if i == range.start {
            start = Some(out.len() + usize::from(space && !out.is_empty() && !c.is_whitespace()));
        }
        if i == range.end {
            end = Some(out.len());
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let end = end.unwrap_or(out.len());
    let start = start.unwrap_or(out.len()).min(end);
    (out, start..end)
}

/// Places `anchor` in `doc`, whose text it indexes (the note was placed
/// in the current text); `None` if it does not fit the text.
pub fn place(doc: &Document, anchor: &Anchor) -> Option<Place> {
    let text = doc.text.get(anchor.start..anchor.end)?;
    if text != anchor.exact {
        return None;
    }
    let first = sentence_at(doc, anchor.start)?;
    let last = sentence_at(doc, anchor.end.saturating_sub(1).max(anchor.start)).unwrap_or(first).max(first);
    let (s, e) = (doc.sentences[first].start.min(anchor.start), doc.sentences[last].end.max(anchor.end));
    let paragraph = doc.sentences[first].paragraph;
    let first_of_paragraph = doc.sentences.partition_point(|x| x.paragraph < paragraph);
    let (context, tagged) = squeeze(&doc.text[s..e], anchor.start - s..anchor.end - s);
    let whole = context.trim() == context[tagged.clone()].trim();
    Some(Place { paragraph: paragraph + 1, sentence: first - first_of_paragraph + 1, context, tagged: (!whole).then_some(tagged), first_sentence: first })
}

/// A note's places on both sides, when it is placed in the current texts.
pub fn places(cmp: &Comparison, note: &Note) -> [Option<Place>; 2] {
    let at = |side: usize, doc: &Document, a: Option<&Anchor>| if note.orphaned[side] { None } else { a.and_then(|a| place(doc, a)) };
    [at(0, &cmp.left, note.left.as_ref()), at(1, &cmp.right, note.right.as_ref())]
}

/// The reading position of every unit of the report, by sentence.
struct Positions {
    left: Vec<usize>,
    right: Vec<usize>,
}

impl Positions {
    fn new(cmp: &Comparison) -> Self {
        let mut left = vec![usize::MAX; cmp.left.sentences.len()];
        let mut right = vec![usize::MAX; cmp.right.sentences.len()];
        for (u, unit) in units(cmp).into_iter().enumerate() {
            let (l, r) = match unit {
                Unit::Link(k) => (cmp.links[k].link.left.clone(), cmp.links[k].link.right.clone()),
                Unit::LeftOnly(range) => (range, 0..0),
                Unit::RightOnly(range) => (0..0, range),
                Unit::MovedHere(_) => continue, // the link itself is where the passage is read
            };
            l.for_each(|i| left[i] = u);
            r.for_each(|i| right[i] = u);
        }
        Positions { left, right }
    }
}

/// The unit of [`units`] each note stands on (by its left quote, else its
/// right one); `None` for a note that cannot be placed in the current texts.
pub fn note_units(cmp: &Comparison, notes: &[Note]) -> Vec<Option<usize>> {
    let positions = Positions::new(cmp);
    notes
        .iter()
        .map(|n| match places(cmp, n) {
            [Some(p), _] => Some(positions.left[p.first_sentence]),
            [None, Some(p)] => Some(positions.right[p.first_sentence]),
            [None, None] => None,
        })
        .collect()
}

/// The order to list `notes` in: by the passage they are on, as the report
/// reads (the left article's order; a note on the right article only where
/// its passage falls), then by position in the passage, then by creation.
/// Notes that cannot be placed come last, in creation order.
pub fn reading_order(cmp: &Comparison, notes: &[Note]) -> Vec<usize> {
    let units = note_units(cmp, notes);
    let key = |i: usize| {
        let n = &notes[i];
        let start = n.left.as_ref().or(n.right.as_ref()).map_or(0, |a| a.start);
        (units[i].is_none(), units[i], n.left.is_none(), start, n.created.clone())
    };
    let mut order: Vec<usize> = (0..notes.len()).collect();
    order.sort_by_cached_key(|&i| key(i));
    order
}

/// A note accepted from a suggestion starts with the suggestion's text
/// ("the number differs: “48” / “84”"), and the reviewer typed on after it:
/// the two are told apart by the quotes the suggestion's key records.
/// Returns what the reviewer wrote and, apart, the suggestion's text.
pub fn split_text(note: &Note) -> (String, Option<String>) {
    let whole = || (note.text.trim().to_string(), None);
    let Some(key) = &note.suggestion else { return whole() };
    let mut parts = key.splitn(3, '|').skip(1);
    let (Some(left), Some(right)) = (parts.next(), parts.next()) else { return whole() };
    let quote = |t: &str| if t.is_empty() { "(nothing)".to_string() } else { format!("“{t}”") };
    let quotes = format!(": {} / {}", quote(left), quote(right));
    match note.text.find(&quotes) {
        Some(at) => {
            let cut = at + quotes.len();
            (note.text[cut..].trim().to_string(), Some(note.text[..cut].trim().to_string()))
        }
        None => whole(),
    }
}

/// An article's title: its first heading, else the start of its first
/// sentence.
pub fn title(doc: &Document) -> String {
    let pick = doc.sentences.iter().find(|s| s.heading).or(doc.sentences.first());
    let Some(s) = pick else { return String::from("(empty)") };
    let (text, _) = squeeze(&doc.text[s.start..s.end], 0..0);
    if text.chars().count() > 90 { text.chars().take(89).chain(['…']).collect() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_the_tagged_words() {
        let doc = Document::parse("a", "Title Here\nFirst one. The council voted 7-2\n  on Tuesday. Third.\n\nLast paragraph.\n");
        let at = doc.text.find("7-2").unwrap();
        let p = place(&doc, &Anchor::new(&doc.text, at, at + 3)).unwrap();
        assert_eq!((p.paragraph, p.sentence), (2, 2));
        assert_eq!(p.context, "The council voted 7-2 on Tuesday.");
        assert_eq!(&p.context[p.tagged.clone().unwrap()], "7-2");
        let whole = doc.text.find("Last").unwrap();
        let p = place(&doc, &Anchor::new(&doc.text, whole, whole + "Last paragraph.".len())).unwrap();
        assert_eq!((p.paragraph, p.sentence, p.tagged), (3, 1, None));
        assert_eq!(title(&doc), "Title Here");
    }

    #[test]
    fn an_anchor_that_does_not_fit_the_text_has_no_place() {
        let doc = Document::parse("a", "Short text.");
        let mut a = Anchor::new(&doc.text, 0, 5);
        a.exact = "Other".into();
        assert_eq!(place(&doc, &a), None);
        a.start = 100;
        a.end = 105;
        assert_eq!(place(&doc, &a), None);
    }
}
