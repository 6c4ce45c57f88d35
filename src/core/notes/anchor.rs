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
//!
//! White space is not text: quotes, contexts and former neighbours are
//! compared with every run of spaces, tabs and line breaks taken as one
//! space, and a line break inside a paragraph (not before a blank line or
//! a list item) does not end the sentence whose facts are checked. So an
//! article re-wrapped at another width, re-indented or given CRLF line
//! ends keeps every note where it was.

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

/// An article prepared for finding quotes in it whatever its white space:
/// its text with every run of white space made one space, and where the
/// squeezed text's bytes stand in the article. Build it once per article
/// and locate every note in it.
pub struct Haystack<'a> {
    text: &'a str,
    squeezed: String,
    /// (squeezed byte, article byte) where the distance between the two
    /// changes: after each run of white space that was not one byte.
    jumps: Vec<(usize, usize)>,
}

impl<'a> Haystack<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut squeezed = String::with_capacity(text.len());
        let mut jumps = vec![(0, 0)];
        let mut run: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if run.is_none() {
                    run = Some(i);
                    squeezed.push(' ');
                }
                continue;
            }
            if let Some(start) = run.take()
                && i - start != 1
            {
                jumps.push((squeezed.len(), i));
            }
            squeezed.push(c);
        }
        Haystack {
            text,
            squeezed,
            jumps,
        }
    }

    /// The article byte that squeezed byte `at` comes from.
    fn article(&self, at: usize) -> usize {
        let i = self.jumps.partition_point(|j| j.0 <= at).saturating_sub(1);
        let (sq, orig) = self.jumps[i];
        (orig + (at - sq)).min(self.text.len())
    }

    /// The squeezed byte that article byte `at` went to (roughly, inside a
    /// run of white space), on a character boundary.
    fn squeezed_at(&self, at: usize) -> usize {
        let i = self.jumps.partition_point(|j| j.1 <= at).saturating_sub(1);
        let (sq, orig) = self.jumps[i];
        let mut p = sq + at.saturating_sub(orig);
        if let Some(next) = self.jumps.get(i + 1) {
            p = p.min(next.0);
        }
        floor_boundary(&self.squeezed, p)
    }

    /// The article bytes of squeezed bytes `start..end`.
    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.article(start);
        let e = match self.squeezed[start..end].chars().next_back() {
            Some(last) => self.article(end - last.len_utf8()) + last.len_utf8(),
            None => s,
        };
        (s, floor_boundary(self.text, e.max(s)))
    }
}

/// Where `needle` occurs in `text`, overlaps included ("he said, and he
/// said" holds "he said" twice, and a note may be on either). memchr's SIMD
/// search: every note of a changed article scans it all.
fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.find(text.as_bytes().get(from..)?)?;
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// `s` with every run of white space made one space.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
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

/// Is the line break at byte `at` of `text` the end of a paragraph: the
/// last before a blank line (or the text's end)? Any other may be where a
/// paragraph was wrapped, as good as a space: a re-wrap can put any word
/// at the start of a line, even "12." or "-", so no other line break is
/// taken for the end of a sentence when facts are looked for.
fn paragraph_break(text: &str, at: usize) -> bool {
    let next = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
    next.is_empty()
        || next.starts_with('\n')
        || text[..at]
            .trim_end_matches([' ', '\t', '\r'])
            .ends_with('\n')
}

/// The byte range of the sentence(s) around `start..end`. With `soft`, a
/// line break inside a paragraph does not end a sentence.
fn sentence_around(text: &str, start: usize, end: usize, soft: bool) -> (usize, usize) {
    let line_ends = |at: usize| !soft || paragraph_break(text, at);
    let lo_limit = floor_boundary(text, start.saturating_sub(SENTENCE_REACH));
    let mut lo = start;
    for (i, c) in text[lo_limit..start].char_indices().rev() {
        let at = lo_limit + i;
        if (c == '\n' && line_ends(at)) || sentence_break_before(text, at) {
            lo = at + c.len_utf8();
            break;
        }
        lo = at;
    }
    let hi_limit = floor_boundary(text, end.saturating_add(SENTENCE_REACH));
    let mut hi = end;
    for (i, c) in text[end..hi_limit].char_indices() {
        let at = end + i;
        if (c == '\n' && line_ends(at)) || (at > start && sentence_break_before(text, at)) {
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
    let (lo, hi) = sentence_around(text, start, end, false);
    facts_of(&text[lo..hi])
}

/// The numbers and capitalised words of the sentence around a candidate
/// place `start..end`, taken generously: a first word counts, and a line
/// break inside a paragraph does not end the sentence (a re-wrap moves
/// names to the start of a line). A place is admissible when the note's
/// facts are among them.
fn found_facts(text: &str, start: usize, end: usize) -> Vec<String> {
    let (lo, hi) = sentence_around(text, start, end, true);
    text[lo..hi]
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        .map(String::from)
        .collect()
}

/// Up to `k` characters of white-space-squeezed text just before `start`.
fn squeezed_before(text: &str, start: usize, k: usize) -> String {
    let mut out: Vec<char> = Vec::with_capacity(k);
    let mut space = false;
    for c in text[..start].chars().rev() {
        let white = c.is_whitespace();
        if !(white && space) {
            if out.len() == k {
                break;
            }
            out.push(if white { ' ' } else { c });
        }
        space = white;
    }
    out.iter().rev().collect()
}

/// Up to `k` characters of white-space-squeezed text from `end` on.
fn squeezed_after(text: &str, end: usize, k: usize) -> String {
    let mut out = String::new();
    let (mut n, mut space) = (0, false);
    for c in text[end..].chars() {
        let white = c.is_whitespace();
        if !(white && space) {
            if n == k {
                break;
            }
            out.push(if white { ' ' } else { c });
            n += 1;
        }
        space = white;
    }
    out
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
        self.locate_in(&Haystack::new(text))
    }

    /// [`Anchor::locate`] in an article prepared once for all its notes.
    pub fn locate_in(&self, hay: &Haystack) -> Option<Anchor> {
        let text = hay.text;
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
        let quote = squeeze(&self.exact);
        let exact: Vec<Candidate> = occurrences(&hay.squeezed, &quote)
            .take(MAX_CANDIDATES)
            .map(|i| {
                let (start, end) = hay.span(i, i + quote.len());
                Candidate {
                    start,
                    end,
                    quote: 1.0,
                }
            })
            .collect();
        let distinctive_once = exact.len() == 1
            && quote.chars().count() >= DISTINCTIVE_CHARS
            && quote.split_whitespace().count() >= DISTINCTIVE_WORDS;
        let facts = self.facts.clone().unwrap_or_else(|| self.context_facts());
        let looks = Looks::of(self);
        let admissible = |c: &Candidate| {
            let context = looks.context(text, c);
            let agrees = context / 2.0 >= CONTEXT_AGREES;
            let needs_context = c.quote < 1.0 || !distinctive_once;
            let fits = has_facts(&facts, &found_facts(text, c.start, c.end))
                && !looks.is_former_neighbour(&text[c.start..c.end])
                && (agrees || !needs_context);
            fits.then_some(context)
        };
        let best_of = |candidates: Vec<Candidate>| {
            candidates
                .into_iter()
                .filter_map(|c| admissible(&c).map(|context| (self.score(text, &c, context), c)))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| c)
        };
        let best = best_of(exact).or_else(|| best_of(self.approximate_matches(hay, &quote)))?;
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
            false,
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

    /// Score of a candidate place whose contexts' similarities add up to
    /// `context`.
    fn score(&self, text: &str, c: &Candidate, context: f64) -> f64 {
        let distance = c.start.abs_diff(self.start) as f64 / text.len().max(1) as f64;
        let position = 1.0 - distance.min(1.0);
        (QUOTE_WEIGHT * c.quote + CONTEXT_WEIGHT * context + POSITION_WEIGHT * position)
            / (QUOTE_WEIGHT + 2.0 * CONTEXT_WEIGHT + POSITION_WEIGHT)
    }

    /// Approximate occurrences of the (squeezed) quote, at most a quarter
    /// of its characters wrong, near its old place: edits rarely move a
    /// passage far, and searching a whole long article would cost too much.
    fn approximate_matches(&self, hay: &Haystack, quote: &str) -> Vec<Candidate> {
        let chars: Vec<char> = quote.chars().collect();
        let max_errors = (chars.len() / 4).max(1);
        let reach = quote.len().saturating_mul(4).saturating_add(4000);
        let old = hay.squeezed_at(self.start.min(self.end));
        let squeezed = hay.squeezed.as_str();
        let lo = floor_boundary(squeezed, old.saturating_sub(reach));
        let hi = floor_boundary(
            squeezed,
            old.saturating_add(quote.len()).saturating_add(reach),
        )
        .max(lo);
        approximate_occurrences(&chars, &squeezed[lo..hi], max_errors)
            .into_iter()
            .filter(|&(errors, _, _)| errors > 0)
            .filter_map(|(errors, start, end)| {
                // White space the quote does not have at its edges belongs
                // to the text around the match.
                let (start, end) = (lo + start, lo + end);
                let found = &squeezed[start..end];
                let trimmed_start = if quote.starts_with(' ') {
                    found
                } else {
                    found.trim_start()
                };
                let trimmed = if quote.ends_with(' ') {
                    trimmed_start
                } else {
                    trimmed_start.trim_end()
                };
                let start = start + (found.len() - trimmed_start.len());
                let (start, end) = hay.span(start, start + trimmed.len());
                (!trimmed.is_empty()).then(|| Candidate {
                    start,
                    end,
                    quote: 1.0 - errors as f64 / chars.len() as f64,
                })
            })
            .collect()
    }
}

/// An anchor's quote and context with their white space squeezed, as
/// candidates are compared with them.
struct Looks {
    exact: String,
    prefix: String,
    suffix: String,
}

impl Looks {
    fn of(a: &Anchor) -> Self {
        Looks {
            exact: squeeze(&a.exact),
            prefix: squeeze(&a.prefix),
            suffix: squeeze(&a.suffix),
        }
    }

    /// How like the stored context the text around a candidate is: the
    /// similarities of both sides added (0 to 2), white space squeezed.
    fn context(&self, text: &str, c: &Candidate) -> f64 {
        let before = squeezed_before(text, c.start, self.prefix.chars().count());
        let after = squeezed_after(text, c.end, self.suffix.chars().count());
        similarity(&self.prefix, &before) + similarity(&self.suffix, &after)
    }

    /// Does `candidate` look more like the text that stood beside the quote
    /// (its stored prefix or suffix) than like the quote? Compared over its
    /// first and last characters, which is what a neighbour would share.
    fn is_former_neighbour(&self, candidate: &str) -> bool {
        let chars: Vec<char> = squeeze(candidate).chars().collect();
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
