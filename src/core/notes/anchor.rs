//! Anchors: where a note points in an article, stored so that it can be
//! found again after the article changes (the W3C TextQuoteSelector and
//! TextPositionSelector, plus the facts of the sentence around the quote).
//!
//! Re-anchoring follows the Hypothesis client (the quote at its old place,
//! else the exact quote anywhere, else an approximate match near the old
//! place, each scored by quote, context and distance), but a candidate
//! place must first be *admissible*, because a note on the wrong passage is
//! worse than an orphan:
//!
//! 1. **Same facts.** Every number and every capitalised name (not the
//!    first word of a sentence) of the sentence the note was written on is
//!    in the candidate's sentence; a name may differ by one letter (a
//!    spelling fix). "12 killed in Kharkiv" is never placed on "15 killed in
//!    Kherson", however alike the two sentences are.
//! 2. **Not a former neighbour.** The stored context holds the text that
//!    stood right before and after the quote. A candidate that resembles
//!    that text more than the quote itself *is* that neighbour (the quote
//!    was deleted next to a look-alike): "Buy silk" is not "Buy milk".
//! 3. **Still among its neighbours.** An approximate match, or an exact one
//!    of a short or repeated quote, needs its context to agree (mean prefix
//!    and suffix similarity at least one half). Only a distinctive quote (at
//!    least four words and twenty characters) found exactly once may stand
//!    anywhere: that is a moved passage.
//!
//! Among admissible places the best score wins (weights 50 quote, 20 each
//! side of context, 2 position); with none the note is orphaned: kept, with
//! its stored quote, and placed again if the text comes back.

use serde::{Deserialize, Serialize};

use crate::core::edit_distance::{similarity, within};

/// Characters of context stored on each side of the quote.
pub const CONTEXT: usize = 32;
/// Weights of quote, prefix, suffix and position in a match's score
/// (see `docs/research/anchors-alignment.md` §5).
const QUOTE_WEIGHT: f64 = 50.0;
const CONTEXT_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
/// Mean similarity of prefix and suffix that counts as the same neighbours.
const CONTEXT_AGREES: f64 = 0.5;
/// A quote this long (in words and characters) is its own evidence.
const DISTINCTIVE_WORDS: usize = 4;
const DISTINCTIVE_CHARS: usize = 20;
/// How far (bytes) the sentence around a quote is looked for.
const SENTENCE_REACH: usize = 1000;
/// Most places considered per search: more means a quote that is
/// everywhere, which position and context could not tell apart anyway.
const MAX_CANDIDATES: usize = 1000;

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
    /// The numbers and names of the sentence(s) around the quote when the
    /// note was taken (absent in files written before they were recorded:
    /// then the quote and its context stand in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Vec<String>>,
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The up to `CONTEXT` characters before `start` and after `end`.
fn context(text: &str, start: usize, end: usize) -> (&str, &str) {
    let before = &text[..start];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[end..];
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    (&before[prefix_start..], &after[..suffix_end])
}

/// Does a sentence end just before byte `i` of `text` (after `.`, `!` or
/// `?`, perhaps closing quotes or brackets, then whitespace), or is `i` on
/// a line break?
fn sentence_break_before(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    before.ends_with(['.', '!', '?']) && text[i..].starts_with(char::is_whitespace)
}

/// The byte range of the sentence(s) around `start..end`.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let lo_limit = floor_boundary(text, start.saturating_sub(SENTENCE_REACH));
    let mut lo = start;
    for (i, c) in text[lo_limit..start].char_indices().rev() {
        let at = lo_limit + i;
        if c == '\n' || sentence_break_before(text, at) {
            lo = at + c.len_utf8();
            break;
        }
        lo = at;
    }
    let hi_limit = floor_boundary(text, end.saturating_add(SENTENCE_REACH));
    let mut hi = end;
    for (i, c) in text[end..hi_limit].char_indices() {
        let at = end + i;
        if c == '\n' || (at > start && sentence_break_before(text, at)) {
            break;
        }
        hi = at + c.len_utf8();
    }
    (lo, hi)
}

/// The facts of `text`: numbers (any word with a digit) and capitalised
/// words that do not open a sentence, line or list item, in order.
fn facts_of(text: &str) -> Vec<String> {
    let mut facts = Vec::new();
    for line in text.lines() {
        let mut opens_sentence = true;
        for token in line.split_whitespace() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                continue; // a list marker or a dash
            }
            let is_number = word.chars().any(|c| c.is_ascii_digit());
            let is_name = !opens_sentence && word.chars().next().is_some_and(char::is_uppercase);
            if is_number || is_name {
                facts.push(word.to_string());
            }
            opens_sentence = token
                .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
                .ends_with(['.', '!', '?', ':']);
        }
    }
    facts
}

/// Are all of `wanted` among `found` (a name up to one letter off)?
fn has_facts(wanted: &[String], found: &[String]) -> bool {
    wanted.iter().all(|w| {
        let number = w.chars().any(|c| c.is_ascii_digit());
        found
            .iter()
            .any(|f| f == w || (!number && within(&f.to_lowercase(), &w.to_lowercase(), 1)))
    })
}

/// The facts of the sentence around `start..end` of `text`.
fn sentence_facts(text: &str, start: usize, end: usize) -> Vec<String> {
    let (lo, hi) = sentence_around(text, start, end);
    facts_of(&text[lo..hi])
}

/// A place the quote might be now.
struct Candidate {
    start: usize,
    end: usize,
    /// 1 for the exact quote, less for an approximate one.
    quote: f64,
}

impl Anchor {
    /// An anchor for bytes `start..end` of `text` (clamped to the text and
    /// to character boundaries; an end before the start is the start).
    pub fn new(text: &str, start: usize, end: usize) -> Self {
        let start = floor_boundary(text, start);
        let end = floor_boundary(text, end.max(start));
        let (prefix, suffix) = context(text, start, end);
        let char_start = text[..start].chars().count();
        Anchor {
            exact: text[start..end].to_string(),
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            start,
            end,
            char_start,
            char_end: char_start + text[start..end].chars().count(),
            facts: Some(sentence_facts(text, start, end)),
        }
    }

    /// An anchor on the first occurrence of `quote` in `text`, if any.
    pub fn of_quote(text: &str, quote: &str) -> Option<Self> {
        text.find(quote)
            .map(|start| Anchor::new(text, start, start + quote.len()))
    }

    /// Finds this anchor in `text` (the article, perhaps edited since):
    /// the new anchor, or `None` when no place is admissibly the same
    /// (see the module documentation for the rule). Any stored values,
    /// even out of range or reversed offsets, are safe.
    pub fn locate(&self, text: &str) -> Option<Anchor> {
        if self.exact.is_empty() {
            return None;
        }
        // Unchanged around its old place: nothing to decide.
        if self.start <= self.end && text.get(self.start..self.end) == Some(self.exact.as_str()) {
            let (prefix, suffix) = context(text, self.start, self.end);
            if prefix == self.prefix && suffix == self.suffix {
                return Some(Anchor::new(text, self.start, self.end));
            }
        }
        // memchr's SIMD search: every note of a changed article scans it all.
        let exact: Vec<Candidate> =
            memchr::memmem::find_iter(text.as_bytes(), self.exact.as_bytes())
                .take(MAX_CANDIDATES)
                .map(|i| Candidate {
                    start: i,
                    end: i + self.exact.len(),
                    quote: 1.0,
                })
                .collect();
        let distinctive_once = exact.len() == 1
            && self.exact.chars().count() >= DISTINCTIVE_CHARS
            && self.exact.split_whitespace().count() >= DISTINCTIVE_WORDS;
        let facts = self.facts.clone().unwrap_or_else(|| self.context_facts());
        let admissible = |c: &Candidate| {
            let (prefix, suffix) = context(text, c.start, c.end);
            let agrees = (similarity(&self.prefix, prefix) + similarity(&self.suffix, suffix))
                / 2.0
                >= CONTEXT_AGREES;
            let needs_context = c.quote < 1.0 || !distinctive_once;
            has_facts(&facts, &sentence_facts(text, c.start, c.end))
                && !self.is_former_neighbour(&text[c.start..c.end])
                && (agrees || !needs_context)
        };
        let best_of = |candidates: Vec<Candidate>| {
            candidates
                .into_iter()
                .filter(admissible)
                .map(|c| (self.score(text, &c), c))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| c)
        };
        let best = best_of(exact).or_else(|| best_of(self.approximate_matches(text)))?;
        Some(Anchor::new(text, best.start, best.end))
    }

    /// For anchors stored without facts: those of the quote and of the part
    /// of its context inside the same sentence.
    fn context_facts(&self) -> Vec<String> {
        let window = format!("{}{}{}", self.prefix, self.exact, self.suffix);
        let (lo, hi) = sentence_around(
            &window,
            self.prefix.len(),
            self.prefix.len() + self.exact.len(),
        );
        let mut facts = facts_of(&window[lo..hi]);
        // A context cut mid-word leaves a fragment, not a fact.
        if self.prefix.chars().count() == CONTEXT
            && lo == 0
            && !facts.is_empty()
            && !window.starts_with(char::is_whitespace)
        {
            facts.remove(0);
        }
        if self.suffix.chars().count() == CONTEXT
            && hi == window.len()
            && !window.ends_with(char::is_whitespace)
        {
            facts.pop();
        }
        facts
    }

    /// Does `candidate` look more like the text that stood beside the quote
    /// (its stored prefix or suffix) than like the quote? Compared over its
    /// first and last characters, which is what a neighbour would share.
    fn is_former_neighbour(&self, candidate: &str) -> bool {
        let chars: Vec<char> = candidate.chars().collect();
        let k = chars.len().min(CONTEXT * 3 / 4);
        if k == 0 {
            return false;
        }
        let (head, tail) = (&chars[..k], &chars[chars.len() - k..]);
        let errors = |part: &[char], haystack: &str| {
            let mut best = usize::MAX;
            sellers(part, haystack, |errors, _, _| best = best.min(errors));
            best
        };
        errors(head, &self.suffix) < errors(head, &self.exact)
            || errors(tail, &self.prefix) < errors(tail, &self.exact)
    }

    /// Score of a candidate place.
    fn score(&self, text: &str, c: &Candidate) -> f64 {
        let (prefix, suffix) = context(text, c.start, c.end);
        let context = similarity(&self.prefix, prefix) + similarity(&self.suffix, suffix);
        let distance = c.start.abs_diff(self.start) as f64 / text.len().max(1) as f64;
        let position = 1.0 - distance.min(1.0);
        (QUOTE_WEIGHT * c.quote + CONTEXT_WEIGHT * context + POSITION_WEIGHT * position)
            / (QUOTE_WEIGHT + 2.0 * CONTEXT_WEIGHT + POSITION_WEIGHT)
    }

    /// Approximate occurrences of the quote (at most a quarter of its
    /// characters wrong) near its old place: edits rarely move a passage
    /// far, and searching a whole long article would cost too much.
    fn approximate_matches(&self, text: &str) -> Vec<Candidate> {
        let quote: Vec<char> = self.exact.chars().collect();
        let max_errors = (quote.len() / 4).max(1);
        let reach = self.exact.len().saturating_mul(4).saturating_add(4000);
        let old = self.start.min(self.end);
        let lo = floor_boundary(text, old.saturating_sub(reach));
        let hi = floor_boundary(
            text,
            old.saturating_add(self.exact.len()).saturating_add(reach),
        )
        .max(lo);
        approximate_occurrences(&quote, &text[lo..hi], max_errors)
            .into_iter()
            .filter(|&(errors, _, _)| errors > 0)
            .filter_map(|(errors, start, end)| {
                // Whitespace the quote does not have at its edges belongs
                // to the text around the match.
                let (start, end) = (lo + start, lo + end);
                let found = &text[start..end];
                let trimmed_start = if self.exact.starts_with(char::is_whitespace) {
                    found
                } else {
                    found.trim_start()
                };
                let trimmed = if self.exact.ends_with(char::is_whitespace) {
                    trimmed_start
                } else {
                    trimmed_start.trim_end()
                };
                let start = start + (found.len() - trimmed_start.len());
                (!trimmed.is_empty()).then(|| Candidate {
                    start,
                    end: start + trimmed.len(),
                    quote: 1.0 - errors as f64 / quote.len() as f64,
                })
            })
            .collect()
    }
}

/// Sellers' dynamic program: for every end position in `text`, the fewest
/// edits that turn a substring ending there into `pattern`, passed to
/// `visit` as (errors, start byte, end byte).
fn sellers(pattern: &[char], text: &str, mut visit: impl FnMut(usize, usize, usize)) {
    use std::cmp::Reverse;
    let m = pattern.len();
    if m == 0 {
        return;
    }
    // Per pattern prefix: the best distance so far and where its match
    // started (the later start on a tie: the shorter match).
    let mut prev: Vec<(usize, Reverse<usize>)> = (0..=m).map(|i| (i, Reverse(0))).collect();
    let mut cur = prev.clone();
    for (pos, c) in text.char_indices() {
        let end = pos + c.len_utf8();
        // A match may start after any character.
        cur[0] = (0, Reverse(end));
        for i in 1..=m {
            let substitute = (
                prev[i - 1].0 + usize::from(pattern[i - 1] != c),
                prev[i - 1].1,
            );
            let delete = (prev[i].0 + 1, prev[i].1);
            let insert = (cur[i - 1].0 + 1, cur[i - 1].1);
            cur[i] = substitute.min(delete).min(insert);
        }
        visit(cur[m].0, cur[m].1.0, end);
        std::mem::swap(&mut prev, &mut cur);
    }
}

/// Approximate occurrences of `pattern` in `text` with at most `max_errors`
/// edits: (errors, start byte, end byte), best first, not overlapping one
/// another.
fn approximate_occurrences(
    pattern: &[char],
    text: &str,
    max_errors: usize,
) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    sellers(pattern, text, |errors, start, end| {
        if errors <= max_errors {
            found.push((errors, start, end));
        }
    });
    // Best first; then drop every match overlapping a better one.
    found.sort_by_key(|&(errors, start, end)| (errors, end - start, start));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for f in found {
        if kept.len() >= MAX_CANDIDATES {
            break;
        }
        if kept.iter().all(|k| f.2 <= k.1 || f.1 >= k.2) {
            kept.push(f);
        }
    }
    kept
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
        assert_eq!(
            text.chars()
                .skip(a.char_start)
                .take(a.char_end - a.char_start)
                .collect::<String>(),
            "Vovchansk"
        );
        assert!(a.char_start < a.start, "curly quotes take several bytes");
    }

    #[test]
    fn facts_are_the_numbers_and_names_of_the_quotes_sentence() {
        let text = "Air raids hit. Officials said 12 people were killed in the strike on Kharkiv. Rescue went on.";
        assert_eq!(
            anchor_of(text, "people were killed").facts,
            Some(vec!["12".to_string(), "Kharkiv".to_string()])
        );
        assert_eq!(
            facts_of(
                "Putin met Witkoff on 3 Dec., said Mr. O'Neill (1,200 km).\n- Buy 2 NATO jets"
            ),
            ["Witkoff", "3", "Dec", "Mr", "1,200", "2", "NATO"]
        );
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
    fn slightly_edited_quote_is_found_approximately() {
        let a = anchor_of(TEXT, "the border town of Vovchansk");
        let edited = TEXT
            .replace("Vovchansk", "Vovshansk")
            .replace("The Moscow", "Today the Moscow");
        let b = a.locate(&edited).expect("approximate match");
        assert_eq!(&edited[b.start..b.end], "the border town of Vovshansk");
    }

    #[test]
    fn a_passage_that_is_gone_is_an_orphan() {
        let a = anchor_of(TEXT, "Ukrainian officials denied the reports.");
        let edited = "The Moscow talks follow Russian claims of capturing Pokrovsk and the border town of Vovchansk. Kyiv said nothing.";
        assert_eq!(a.locate(edited), None);
    }

    #[test]
    fn files_without_facts_use_the_quotes_sentence_in_the_context() {
        let old = "Air raids hit. Officials said 12 people were killed in the strike on Kharkiv. Officials said 15 people were killed in the strike on Kherson.";
        let mut a = anchor_of(old, "people were killed");
        a.facts = None;
        assert_eq!(a.context_facts(), ["12", "Kharkiv"]);
        assert_eq!(
            a.locate(
                "Air raids hit. Officials said 15 people were killed in the strike on Kherson."
            ),
            None
        );
    }

    #[test]
    fn reversed_or_out_of_range_offsets_never_panic() {
        let base = anchor_of(TEXT, "denied the reports");
        let values = [
            0,
            1,
            5,
            TEXT.len() - 1,
            TEXT.len(),
            TEXT.len() + 1,
            usize::MAX / 2,
            usize::MAX - 1,
            usize::MAX,
        ];
        for &start in &values {
            for &end in &values {
                let a = Anchor {
                    start,
                    end,
                    char_start: end,
                    char_end: start,
                    ..base.clone()
                };
                let _ = a.locate(TEXT);
                let _ = a.locate("");
                let _ = a.locate("é ü 文字");
                let b = Anchor::new("é ü 文字", start, end);
                assert!(b.start <= b.end);
            }
        }
    }
}
