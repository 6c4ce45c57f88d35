//! Where a note stands in an article, for reports a colleague reads: the
//! paragraph and sentence numbers, the whole sentences around the tagged
//! words, the article's title; and a note's own words apart from the
//! suggestion it was accepted from. The order of notes along the
//! alignment is worked out above the core, in `report::placement`.

use std::ops::Range;

use super::{Anchor, Note};
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
    let last = sentence_at(doc, anchor.end.saturating_sub(1).max(anchor.start))
        .unwrap_or(first)
        .max(first);
    let (s, e) = (
        doc.sentences[first].start.min(anchor.start),
        doc.sentences[last].end.max(anchor.end),
    );
    let paragraph = doc.sentences[first].paragraph;
    let first_of_paragraph = doc.sentences.partition_point(|x| x.paragraph < paragraph);
    let (context, tagged) = squeeze(&doc.text[s..e], anchor.start - s..anchor.end - s);
    let whole = context.trim() == context[tagged.clone()].trim();
    Some(Place {
        paragraph: paragraph + 1,
        sentence: first - first_of_paragraph + 1,
        context,
        tagged: (!whole).then_some(tagged),
        first_sentence: first,
    })
}

/// Where every note of a notes file stands in the two articles, worked
/// out by the report layer from the comparison (see `report::placement`).
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Both articles' titles.
    pub titles: [String; 2],
    /// Note indices in the order a report lists them.
    pub order: Vec<usize>,
    /// Per note (by index), its place on each side.
    pub places: Vec<[Option<Place>; 2]>,
}

/// A note accepted from a suggestion starts with the suggestion's text
/// ("the number differs: “48” / “84”"), and the reviewer typed on after it:
/// the two are told apart by the quotes the suggestion's key records.
/// Returns what the reviewer wrote and, apart, the suggestion's text.
pub fn split_text(note: &Note) -> (String, Option<String>) {
    let whole = || (note.text.trim().to_string(), None);
    let Some(key) = &note.suggestion else {
        return whole();
    };
    let mut parts = key.splitn(3, '|').skip(1);
    let (Some(left), Some(right)) = (parts.next(), parts.next()) else {
        return whole();
    };
    let quote = |t: &str| {
        if t.is_empty() {
            "(nothing)".to_string()
        } else {
            format!("“{t}”")
        }
    };
    let quotes = format!(": {} / {}", quote(left), quote(right));
    match note.text.find(&quotes) {
        Some(at) => {
            let cut = at + quotes.len();
            (
                note.text[cut..].trim().to_string(),
                Some(note.text[..cut].trim().to_string()),
            )
        }
        None => whole(),
    }
}

/// An article's title: its first heading, else the start of its first
/// sentence.
pub fn title(doc: &Document) -> String {
    let pick = doc
        .sentences
        .iter()
        .find(|s| s.heading)
        .or(doc.sentences.first());
    let Some(s) = pick else {
        return String::from("(empty)");
    };
    let (text, _) = squeeze(&doc.text[s.start..s.end], 0..0);
    if text.chars().count() > 90 {
        text.chars().take(89).chain(['…']).collect()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_the_tagged_words() {
        let doc = Document::parse(
            "a",
            "Title Here\nFirst one. The council voted 7-2\n  on Tuesday. Third.\n\nLast paragraph.\n",
        );
        let at = doc.text.find("7-2").expect("the text holds it");
        let p = place(&doc, &Anchor::new(&doc.text, at, at + 3)).expect("the anchor is placed");
        assert_eq!((p.paragraph, p.sentence), (2, 2));
        assert_eq!(p.context, "The council voted 7-2 on Tuesday.");
        assert_eq!(
            &p.context[p.tagged.clone().expect("the tagged words are marked")],
            "7-2"
        );
        let whole = doc.text.find("Last").expect("the text holds it");
        let p = place(
            &doc,
            &Anchor::new(&doc.text, whole, whole + "Last paragraph.".len()),
        )
        .expect("the anchor is placed");
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
