//! Tokenise once: one pass over each document yields every word as an id
//! into a vocabulary shared by the pair, and what depends only on the word
//! (its normal form, stem, stopword and number flags) is computed once per
//! distinct word, not once per occurrence. The aligner's features, the word
//! diff of each link, the names, the omissions and the detectors all read
//! it, instead of splitting and lower-casing the same text again into a
//! heap string per token.

use std::ops::Range;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::{is_number, normalize_into};
use crate::core::Side;
use crate::core::document::Document;
use crate::core::hashing::KeyMap;
use crate::core::lexicon::STOPWORDS;

type WordIndex = KeyMap<Box<str>, u32>;

/// One word of a document: where it stands and which distinct word it is.
/// There is one per word of both articles, so a token is kept at 12 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordToken {
    /// Byte offsets into the document's text. A document is at most
    /// `MAX_BYTES` (128 MiB) long, so offsets fit in 32 bits.
    pub start: u32,
    pub end: u32,
    /// Index into the pair's [`Vocabulary`], with [`CAPITALISED`] set when
    /// the word as written begins with an upper-case letter. A document of
    /// 128 MiB has far fewer than 2^31 distinct words.
    word: u32,
}

const CAPITALISED: u32 = 1 << 31;

impl WordToken {
    pub fn new(start: u32, end: u32, word: u32, capitalised: bool) -> Self {
        WordToken {
            start,
            end,
            word: word | if capitalised { CAPITALISED } else { 0 },
        }
    }

    /// Byte offsets into the document's text.
    pub fn span(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }

    /// Index into the pair's [`Vocabulary`].
    pub fn word(&self) -> u32 {
        self.word & !CAPITALISED
    }

    /// The word as written begins with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.word & CAPITALISED != 0
    }

    /// The same token, as word `id`.
    fn renumbered(self, id: u32) -> Self {
        WordToken::new(self.start, self.end, id, self.capitalised())
    }
}

/// What tandem knows of a distinct word, computed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordInfo {
    /// The normal form ([`super::normalize`]).
    pub norm: Box<str>,
    /// Index into [`Vocabulary::stems`]: the English stem of `norm`.
    pub stem: u32,
    /// A function word ([`STOPWORDS`]).
    pub stopword: bool,
    /// A figure ([`is_number`]).
    pub number: bool,
}

/// The distinct words of a pair of documents and their distinct stems.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: Vec<WordInfo>,
    stems: Vec<Box<str>>,
}

impl Vocabulary {
    pub fn word(&self, id: u32) -> &WordInfo {
        &self.words[id as usize]
    }

    /// Every distinct word; a word's id is its index.
    pub fn words(&self) -> &[WordInfo] {
        &self.words
    }

    /// Every distinct stem; [`WordInfo::stem`] indexes it.
    pub fn stems(&self) -> &[Box<str>] {
        &self.stems
    }
}

/// The words of one document, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct TokenStream {
    tokens: Vec<WordToken>,
    /// `tokens[sentences[i]..sentences[i + 1]]` are the words of sentence `i`.
    sentences: Vec<u32>,
}

impl TokenStream {
    /// The words of sentence `index`, in order.
    pub fn sentence(&self, index: usize) -> &[WordToken] {
        &self.tokens[self.run(index..index + 1)]
    }

    /// Where the words of the sentences `sentences` stand in [`Self::tokens`].
    pub fn run(&self, sentences: Range<usize>) -> Range<usize> {
        self.sentences[sentences.start] as usize..self.sentences[sentences.end] as usize
    }

    pub fn sentence_count(&self) -> usize {
        self.sentences.len() - 1
    }

    /// All words of the document, in order.
    pub fn tokens(&self) -> &[WordToken] {
        &self.tokens
    }
}

/// Both documents of a pair, tokenised once against one vocabulary, so a word
/// id means the same word on either side.
#[derive(Debug, Clone, Default)]
pub struct PairTokens {
    pub vocabulary: Vocabulary,
    pub left: TokenStream,
    pub right: TokenStream,
}

impl PairTokens {
    /// Tokenises both documents, each on its own thread.
    pub fn new(left: &Document, right: &Document) -> Self {
        let ((index, mut norms, left), (right_norms, mut right)) = rayon::join(
            || tokenise(left),
            || {
                let (_, norms, stream) = tokenise(right);
                (norms, stream)
            },
        );
        // The right side's ids are local to it: renumber them into the
        // left's vocabulary, adding the words only the right side has.
        let mut index = index;
        let remap: Vec<u32> = right_norms
            .into_iter()
            .map(|norm| match index.get(&norm) {
                Some(&id) => id,
                None => {
                    let id = norms.len() as u32;
                    index.insert(norm.clone(), id);
                    norms.push(norm);
                    id
                }
            })
            .collect();
        drop(index);
        right
            .tokens
            .par_iter_mut()
            .for_each(|t| *t = t.renumbered(remap[t.word() as usize]));
        PairTokens {
            vocabulary: describe(norms),
            left,
            right,
        }
    }

    /// The stream of one side.
    pub fn side(&self, side: Side) -> &TokenStream {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

/// The words of `doc` with ids local to it, the index of those ids and
/// their normal forms. A normal form is built in a reused buffer and
/// allocated only the first time the word occurs.
fn tokenise(doc: &Document) -> (WordIndex, Vec<Box<str>>, TokenStream) {
    let mut index = WordIndex::default();
    let mut norms: Vec<Box<str>> = Vec::new();
    let mut tokens = Vec::with_capacity(doc.text.len() / 6);
    let mut sentences = Vec::with_capacity(doc.sentences.len() + 1);
    sentences.push(0);
    let mut buf = String::new();
    for s in &doc.sentences {
        for (at, word) in doc.text[s.start..s.end].unicode_word_indices() {
            normalize_into(word, &mut buf);
            let id = match index.get(buf.as_str()) {
                Some(&id) => id,
                None => {
                    let id = norms.len() as u32;
                    let norm: Box<str> = buf.as_str().into();
                    index.insert(norm.clone(), id);
                    norms.push(norm);
                    id
                }
            };
            let start = s.start + at;
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            tokens.push(WordToken::new(
                start as u32,
                (start + word.len()) as u32,
                id,
                capitalised,
            ));
        }
        sentences.push(tokens.len() as u32);
    }
    (index, norms, TokenStream { tokens, sentences })
}

/// Stems and flags of each distinct word, stems interned.
fn describe(norms: Vec<Box<str>>) -> Vocabulary {
    let stemmed: Vec<String> = norms
        .par_iter()
        .map_init(
            || Stemmer::create(Algorithm::English),
            |stemmer, norm| stemmer.stem(norm).into_owned(),
        )
        .collect();
    let mut stem_index: KeyMap<&str, u32> = KeyMap::default();
    let mut stems: Vec<Box<str>> = Vec::new();
    let stem_ids: Vec<u32> = stemmed
        .iter()
        .map(|stem| {
            *stem_index.entry(stem.as_str()).or_insert_with(|| {
                stems.push(stem.as_str().into());
                stems.len() as u32 - 1
            })
        })
        .collect();
    let words = norms
        .into_iter()
        .zip(stem_ids)
        .map(|(norm, stem)| WordInfo {
            stopword: STOPWORDS.contains(&*norm),
            number: is_number(&norm),
            stem,
            norm,
        })
        .collect();
    Vocabulary { words, stems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::tokens::words;

    #[test]
    fn one_vocabulary_for_both_sides_and_the_same_words_as_words() {
        let left = Document::parse("l", "Russia’s troops fired. The troops left!");
        let right = Document::parse("r", "Troops of Russia fired 1,200 shells.");
        let pair = PairTokens::new(&left, &right);
        for (doc, stream) in [(&left, &pair.left), (&right, &pair.right)] {
            assert_eq!(stream.sentence_count(), doc.sentences.len());
            let mut all = Vec::new();
            for i in 0..doc.sentences.len() {
                let s = doc.sentences[i];
                let expected = words(&doc.text[s.start..s.end], s.start);
                let got = stream.sentence(i);
                assert_eq!(got.len(), expected.len());
                for (t, e) in got.iter().zip(&expected) {
                    assert_eq!((t.start as usize, t.end as usize), (e.start, e.end));
                    assert_eq!(&*pair.vocabulary.word(t.word()).norm, e.norm);
                }
                all.extend_from_slice(got);
            }
            assert_eq!(stream.tokens(), &all[..]);
        }
        let id = |side: &TokenStream, k: usize| side.tokens()[k].word();
        assert_eq!(id(&pair.left, 0), id(&pair.right, 2), "russia");
        assert_eq!(id(&pair.left, 1), id(&pair.right, 0), "troops / Troops");
        assert!(pair.right.tokens()[0].capitalised() && !pair.left.tokens()[1].capitalised());
        let v = &pair.vocabulary;
        let word = |norm: &str| {
            v.words()
                .iter()
                .find(|w| &*w.norm == norm)
                .expect("the word is in the vocabulary")
        };
        assert!(word("the").stopword && !word("troops").stopword);
        assert!(word("1200").number && !word("shells").number);
        assert_eq!(&*v.stems()[word("troops").stem as usize], "troop");
        assert_eq!(
            word("fired").stem,
            pair.vocabulary.word(id(&pair.left, 2)).stem
        );
    }
}
