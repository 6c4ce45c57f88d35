//! Anchors: where a note points in an article, stored so that it can be
//! found again after the article changes (the W3C TextQuoteSelector and
//! TextPositionSelector, re-anchored the way the Hypothesis client does:
//! position first, then the exact quote, then an approximate match, and
//! an orphan rather than a guess).

use serde::{Deserialize, Serialize};

use crate::core::edit_distance::similarity;

/// Characters of context stored on each side of the quote.
pub const CONTEXT: usize = 32;
/// Weights of quote, prefix, suffix and position in a match's score, and
/// the score a match needs (see `research/anchors-alignment.md` §5).
const QUOTE_WEIGHT: f64 = 50.0;
const CONTEXT_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const CONFIDENT: f64 = 0.75;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The quoted text.
    pub exact: String,
    /// Up to 32 characters before and after it.
    pub prefix: String,
    pub suffix: String,
    /// Byte offsets into the article, half-open.
    pub start: usize,
    pub end: usize,
    /// The same offsets in Unicode code points.
    pub char_start: usize,
    pub char_end: usize,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Anchor {
    /// An anchor for bytes `start..end` of `text` (clamped to character
    /// boundaries).
    pub fn new(text: &str, start: usize, end: usize) -> Self {
        let start = floor_boundary(text, start);
        let end = floor_boundary(text, end.max(start));
        let before = &text[..start];
        let prefix_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let after = &text[end..];
        let suffix_end = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
        let char_start = before.chars().count();
        Anchor {
            exact: text[start..end].to_string(),
            prefix: text[prefix_start..start].to_string(),
            suffix: after[..suffix_end].to_string(),
            start,
            end,
            char_start,
            char_end: char_start + text[start..end].chars().count(),
        }
    }

    /// An anchor on the first occurrence of `quote` in `text`, if any.
    pub fn of_quote(text: &str, quote: &str) -> Option<Self> {
        text.find(quote).map(|start| Anchor::new(text, start, start + quote.len()))
    }

    /// Finds this anchor in `text` (the article, perhaps edited since):
    /// the new anchor, or `None` when no place is confidently the same.
    pub fn locate(&self, text: &str) -> Option<Anchor> {
        if self.end <= text.len() && text.get(self.start..self.end) == Some(self.exact.as_str()) {
            return Some(Anchor::new(text, self.start, self.end));
        }
        if self.exact.is_empty() {
            return None;
        }
        let best = self.exact_matches(text).into_iter().chain(self.approximate_match(text)).max_by(|a, b| a.0.total_cmp(&b.0))?;
        (best.0 >= CONFIDENT).then(|| Anchor::new(text, best.1, best.2))
    }

    /// Score of a candidate place `start..end` whose quote similarity is `quote`.
    fn score(&self, text: &str, start: usize, end: usize, quote: f64) -> f64 {
        let before = &text[..start];
        let prefix_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let after = &text[end..];
        let suffix_end = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
        let prefix = similarity(&self.prefix, &text[prefix_start..start]);
        let suffix = similarity(&self.suffix, &after[..suffix_end]);
        let distance = start.abs_diff(self.start) as f64 / text.len().max(1) as f64;
        let position = 1.0 - distance.min(1.0);
        (QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (prefix + suffix) + POSITION_WEIGHT * position)
            / (QUOTE_WEIGHT + 2.0 * CONTEXT_WEIGHT + POSITION_WEIGHT)
    }

    fn exact_matches(&self, text: &str) -> Vec<(f64, usize, usize)> {
        text.match_indices(self.exact.as_str()).take(1000).map(|(i, m)| (self.score(text, i, i + m.len(), 1.0), i, i + m.len())).collect()
    }

    /// The best approximate occurrence of the quote near its old place (or
    /// anywhere in a short article), by edit distance.
    fn approximate_match(&self, text: &str) -> Option<(f64, usize, usize)> {
        let quote: Vec<char> = self.exact.chars().collect();
        let max_errors = (quote.len() / 4).max(1);
        // Search a window around the old position: edits rarely move a
        // passage far, and a whole long article would cost too much.
        let reach = 4 * self.exact.len() + 4000;
        let lo = floor_boundary(text, self.start.saturating_sub(reach));
        let hi = floor_boundary(text, self.end + reach);
        let (errors, start, end) = sellers(&quote, &text[lo..hi])?;
        if errors > max_errors {
            return None;
        }
        let (start, end) = (lo + start, lo + end);
        let quote_similarity = 1.0 - errors as f64 / quote.len() as f64;
        Some((self.score(text, start, end, quote_similarity), start, end))
    }
}

/// Best approximate occurrence of `pattern` in `text` (Sellers' dynamic
/// program): (edit distance, start byte, end byte).
fn sellers(pattern: &[char], text: &str) -> Option<(usize, usize, usize)> {
    let m = pattern.len();
    if m == 0 {
        return None;
    }
    // Per pattern prefix: the best distance so far and where its match started.
    let mut prev: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut cur = prev.clone();
    let mut best: Option<(usize, usize, usize)> = None;
    for (pos, c) in text.char_indices() {
        let end = pos + c.len_utf8();
        // A match may start after any character.
        cur[0] = (0, end);
        for i in 1..=m {
            let substitute = (prev[i - 1].0 + usize::from(pattern[i - 1] != c), prev[i - 1].1);
            let delete = (prev[i].0 + 1, prev[i].1);
            let insert = (cur[i - 1].0 + 1, cur[i - 1].1);
            cur[i] = substitute.min(delete).min(insert);
        }
        if best.is_none_or(|b| cur[m].0 < b.0) {
            best = Some((cur[m].0, cur[m].1, end));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The Moscow talks follow Russian claims of capturing Pokrovsk and the border town of Vovchansk. Ukrainian officials denied the reports.";

    fn anchor_of(text: &str, quote: &str) -> Anchor {
        Anchor::of_quote(text, quote).expect("the quote is in the text")
    }

    #[test]
    fn stores_quote_context_and_both_offsets() {
        let text = "Zelensky’s office said “no” — Vovchansk fell.";
        let a = anchor_of(text, "Vovchansk");
        assert_eq!(a.exact, "Vovchansk");
        assert!(a.prefix.ends_with("— ") && a.suffix == " fell.");
        assert_eq!(&text[a.start..a.end], "Vovchansk");
        assert_eq!(text.chars().skip(a.char_start).take(a.char_end - a.char_start).collect::<String>(), "Vovchansk");
        assert!(a.char_start < a.start, "curly quotes take several bytes");
    }

    #[test]
    fn unchanged_text_keeps_the_place() {
        let a = anchor_of(TEXT, "denied the reports");
        assert_eq!(a.locate(TEXT), Some(a.clone()));
    }

    #[test]
    fn shifted_text_is_found_by_quote_and_context() {
        let a = anchor_of(TEXT, "denied the reports");
        let edited = format!("Late update: fighting continues. {TEXT}");
        let b = a.locate(&edited).expect("found again");
        assert_eq!(&edited[b.start..b.end], "denied the reports");
        assert_eq!(b.start, a.start + "Late update: fighting continues. ".len());
    }

    #[test]
    fn repeated_quote_is_told_apart_by_context() {
        let text = "Russia denied it. Later, Ukrainian officials denied it. Then nothing.";
        let second = text.rfind("denied it").unwrap();
        let a = Anchor::new(text, second, second + "denied it".len());
        let edited = format!("Update. {text}");
        let b = a.locate(&edited).unwrap();
        assert_eq!(b.start, second + "Update. ".len());
    }

    #[test]
    fn slightly_edited_quote_is_found_approximately() {
        let a = anchor_of(TEXT, "the border town of Vovchansk");
        let edited = TEXT.replace("Vovchansk", "Vovshansk").replace("The Moscow", "Today the Moscow");
        let b = a.locate(&edited).expect("approximate match");
        assert_eq!(&edited[b.start..b.end], "the border town of Vovshansk");
    }

    #[test]
    fn a_passage_that_is_gone_is_an_orphan() {
        let a = anchor_of(TEXT, "Ukrainian officials denied the reports.");
        let edited = "The Moscow talks follow Russian claims of capturing Pokrovsk and the border town of Vovchansk. Kyiv said nothing.";
        assert_eq!(a.locate(edited), None);
    }
}
