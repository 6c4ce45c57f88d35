//! Word tokens with byte offsets, and the normalisation used to compare them.

use unicode_segmentation::UnicodeSegmentation;

mod stream;
pub use stream::{PairTokens, TokenStream, Vocabulary, WordInfo, WordToken};

/// A word of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text passed to [`words`], shifted by its `base`.
    pub start: usize,
    pub end: usize,
    /// Lower case, curly apostrophes straightened, possessive `'s` and digit
    /// group separators removed: "Russia’s" -> "russia", "1,200" -> "1200".
    pub norm: String,
}

/// The words of `text` (UAX #29 word boundaries), offsets shifted by `base`.
pub fn words(text: &str, base: usize) -> Vec<Token> {
    text.unicode_word_indices()
        .map(|(i, w)| Token {
            start: base + i,
            end: base + i + w.len(),
            norm: normalize(w),
        })
        .collect()
}

pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// [`normalize`] into a buffer the caller reuses: the token stream looks a
/// word up by its normal form without allocating one string per token.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    // Most words of an English article are plain ASCII: lower-case them
    // without the per-character Unicode machinery.
    if word.is_ascii() && !word.contains(',') {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        let chars = word.chars().filter(|&c| c != ',').map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        });
        out.extend(chars.flat_map(char::to_lowercase));
    }
    if out.ends_with("'s") && out.len() > 2 {
        out.truncate(out.len() - 2);
    }
}

/// True if the word is a number ("12", "3.5", "2022").
pub fn is_number(norm: &str) -> bool {
    norm.chars().next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_normalisation() {
        let toks = words("Russia’s 1,200 troops", 10);
        let got: Vec<_> = toks
            .iter()
            .map(|t| (t.start, t.end, t.norm.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(10, 20, "russia"), (21, 26, "1200"), (27, 33, "troops")]
        );
    }
}
