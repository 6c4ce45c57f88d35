//! UAX #29 sentence boundaries, as `unicode-segmentation` finds them, at a
//! fraction of the cost.
//!
//! The crate looks every character up in the Unicode tables, and
//! segmentation was an eighth of the work of aligning two articles. But a
//! boundary only ever follows a sentence terminator (`.`, `!`, `?` and their
//! kin in other scripts) or a paragraph separator, and whether it does
//! depends on a few characters around it: the one before a period ("U.S"),
//! and what follows it up to the next letter ("etc. and", "said. The").
//! So the crate is run only over short stretches around the characters that
//! may end a sentence, and everything between them, plain letters, digits
//! and spaces, is skipped.
//!
//! Why a stretch gives the crate's own answer: the crate's state is the
//! last few character classes, and it reads back from the current one only
//! through closing punctuation and spaces, to a terminator. A stretch begins
//! at a letter or digit, where that reading stops, so starting afresh there
//! changes nothing; and it ends just after a letter, where no boundary can
//! be and where the crate's look ahead for a lower-case word (rule SB8)
//! stops. A test compares the two on random text made of the characters
//! that matter.

use unicode_segmentation::UnicodeSegmentation;

/// A letter whose sentence-break class is known without the Unicode tables:
/// the ASCII letters and the Latin letters U+00C0 to U+017F, all upper or
/// lower case (× and ÷ excepted).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{c0}'..='\u{17f}').contains(&c) && c != '×' && c != '÷')
}

/// A character that may end a sentence or separate paragraphs, or whose
/// class is not known here: the ASCII terminators and control characters,
/// and anything not ASCII but a Latin letter.
fn may_end(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '.' | '!' | '?') || c.is_ascii_control()
    } else {
        !is_latin_letter(c)
    }
}

/// The sentences of `text` by UAX #29, as (start, end) byte offsets: the
/// pieces `split_sentence_bound_indices` gives, in order, covering `text`.
pub fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    let mut chars = text.char_indices();
    // The last letter or digit met: where a stretch may begin.
    let mut anchor = 0;
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_alphanumeric() || is_latin_letter(c) {
            anchor = at;
            continue;
        }
        if !may_end(c) {
            continue;
        }
        // The stretch runs from the last letter or digit before `c` (which
        // may be the letter that ended the last stretch: the two overlap by
        // it) to just after the first letter after `c`.
        let from = anchor;
        let mut to = text.len();
        for (next_at, next) in chars.by_ref() {
            if is_latin_letter(next) {
                to = next_at + next.len_utf8();
                anchor = next_at;
                break;
            }
        }
        starts.extend(
            text[from..to]
                .split_sentence_bound_indices()
                .map(|(s, _)| from + s)
                .filter(|&s| s > from && s < to),
        );
    }
    starts.push(text.len());
    starts
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|(s, e)| s < e)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the crate gives on the whole text.
    fn whole(text: &str) -> Vec<(usize, usize)> {
        text.split_sentence_bound_indices()
            .map(|(s, piece)| (s, s + piece.len()))
            .collect()
    }

    #[test]
    fn sentences_abbreviations_and_quotes() {
        for text in [
            "",
            "No terminator at all",
            "He left. She stayed! Why? Nobody knows…",
            "Mr. Smith met J. K. Rowling at 10.30 a.m. in the U.S. on Jan. 5.",
            "“It is over,” he said. “We lost.” Then (quietly) he left.",
            "etc. and so on. 3.5 million. Le président a dit « non ». Fin.",
            "他走了。她留下了！为什么？",
            "Tab\tand\u{a0}no-break. Next\u{2029}para. x",
        ] {
            assert_eq!(sentence_bounds(text), whole(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The stretches find exactly the crate's sentences, on random text
        /// made of the characters its rules turn on: terminators of several
        /// scripts, closing punctuation, spaces and separators, upper and
        /// lower case (Latin and not), digits, continuations, combining
        /// and format characters.
        #[test]
        fn stretches_find_what_the_whole_text_gives(
            text in "[.!?。‽﹒aZbéÉßĸ×Ωω中1 ,;:\"'”’)(\\[\\]\u{a0}\t\u{2029}\u{85}\u{301}\u{200b}\u{0345}-]{0,40}"
        ) {
            proptest::prop_assert_eq!(sentence_bounds(&text), whole(&text));
        }
    }
}
