//! Lexical sentence similarity: TF-IDF cosine over word stems and over
//! character trigrams, averaged. Both channels tolerate paraphrase in
//! different ways: stems match reworded sentences that keep their content
//! words, trigrams match inflections and spelling variants that stemming
//! misses ("Vovchansk" / "Vovshansk").
//!
//! IDF is computed over the sentences of both documents together, so a word
//! that is everywhere in this pair of articles counts little.

use crate::core::Side;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::variants;
use crate::core::document::Document;
use crate::core::hashing::KeyMap;
use crate::core::tokens::{PairTokens, TokenStream, Vocabulary};

/// Sentences per block of [`Sparse`] storage.
const ROWS: usize = 1024;

/// The vectors of all sentences of one side, in blocks of [`ROWS`]
/// sentences, each built by one task straight into its final place: no
/// vector per sentence, nothing copied. A sentence's vector is stored as
/// its sorted feature ids with repeats, each as its step from the one
/// before, mostly in one byte ([`Codes`]): most features occur once in a
/// sentence, so this is about an eighth of the size of (id, weight) pairs,
/// and each weight is computed when read, from the id's run length and
/// IDF, by the very expression that would have stored it. At scale the
/// trigram vectors are the largest thing the aligner holds.
struct Sparse {
    blocks: Vec<SparseBlock>,
    len: usize,
    /// IDF per feature id, shared by both sides (empty until
    /// [`Sparse::weigh`]).
    idf: Arc<[f32]>,
    tf: TermFrequency,
}

/// The term-frequency factor 1 + ln n of a feature found n times in a
/// sentence, read from a table for the counts that occur: repeated
/// trigrams are common, and a logarithm per read was a tenth of the
/// aligner's time. The table holds what the expression gives, bit for bit.
#[derive(Clone, Copy)]
struct TermFrequency([f32; 64]);

impl TermFrequency {
    fn new() -> Self {
        TermFrequency(std::array::from_fn(|n| 1.0 + (n as f32).ln()))
    }

    fn of(&self, n: u32) -> f32 {
        match self.0.get(n as usize) {
            Some(&tf) => tf,
            None => 1.0 + (n as f32).ln(),
        }
    }
}

struct SparseBlock {
    /// `codes[offsets[i]..offsets[i + 1]]` is the block's sentence `i`;
    /// [`PAD`] bytes of [`Codes::END`] follow the last sentence's.
    offsets: Vec<u32>,
    codes: Vec<u8>,
}

/// Bytes readable after a sentence's codes: the decoder reads them eight
/// at a time.
const PAD: usize = 8;

/// Sorted feature ids, each written as its step from the one before (from
/// -1 for the first, so a sentence's first byte is never 0) in LEB128: 7
/// bits a byte, the high bit set on every byte but a step's last. A repeat
/// is a step of 0, one byte, and the ids of a sentence lie close together
/// (the common words' trigrams have the low ids), so most steps take one
/// byte and nearly all the rest two. The codec is written out here rather
/// than taken from a crate: it is the innermost loop of pair scoring.
#[derive(Clone, Copy)]
struct Codes<'a> {
    /// The codes, then [`PAD`] more bytes: the next sentences' codes or
    /// the block's padding.
    bytes: &'a [u8],
    len: usize,
}

impl<'a> Codes<'a> {
    /// What follows the last sentence's codes in a block: like the first
    /// byte of a sentence's codes, it is not 0.
    const END: u8 = 1;

    /// The codes `block[range]`, with [`PAD`] bytes after them in `block`.
    fn within(block: &'a [u8], range: Range<usize>) -> Self {
        Codes {
            bytes: &block[range.start..range.end + PAD],
            len: range.len(),
        }
    }

    /// Appends the sorted `keys` (each below `u32::MAX`) to `out`.
    fn encode(keys: &[u32], out: &mut Vec<u8>) {
        let mut last = u32::MAX;
        for &k in keys {
            debug_assert!(k < u32::MAX, "feature ids are below u32::MAX");
            let mut step = k.wrapping_sub(last);
            while step >= 0x80 {
                out.push(step as u8 | 0x80);
                step >>= 7;
            }
            out.push(step as u8);
            last = k;
        }
    }

    /// The distinct ids and how many times each occurs, in id order.
    fn counts(self) -> impl Iterator<Item = (u32, u32)> + 'a {
        let (padded, codes) = (self.bytes, &self.bytes[..self.len]);
        let (mut at, mut key) = (0, u32::MAX);
        std::iter::from_fn(move || {
            let mut byte = *codes.get(at)?;
            at += 1;
            let (mut step, mut shift) = (u32::from(byte & 0x7F), 7);
            while byte & 0x80 != 0 {
                byte = codes[at];
                at += 1;
                step |= u32::from(byte & 0x7F) << shift;
                shift += 7;
            }
            key = key.wrapping_add(step);
            // The repeats are the zero bytes that follow, up to a byte that
            // is not 0 (the next step, the next sentence's first byte or
            // the block's end), counted seven at a time without a branch
            // per byte: whether a feature repeats follows no pattern, and a
            // test per byte was the most mispredicted branch of the program.
            let mut n = 1;
            loop {
                let next = u64::from_le_bytes(*padded[at..].first_chunk().expect("eight bytes"));
                let zeros = (next | 1 << 63).trailing_zeros() / 8;
                n += zeros;
                at += zeros as usize;
                if zeros < 7 {
                    break;
                }
            }
            Some((key, n))
        })
    }
}

/// One sentence's vector.
#[derive(Clone, Copy)]
struct Vector<'a> {
    codes: Codes<'a>,
    idf: &'a [f32],
    tf: &'a TermFrequency,
}

impl<'a> Vector<'a> {
    /// The distinct feature ids and their counts, in id order.
    fn counts(self) -> impl Iterator<Item = (u32, u32)> + 'a {
        self.codes.counts()
    }

    /// The distinct feature ids and their TF-IDF weights, in id order.
    fn iter(self) -> impl Iterator<Item = (u32, f32)> + 'a {
        let (idf, tf) = (self.idf, self.tf);
        self.counts()
            .map(move |(k, n)| (k, tf.of(n) * idf[k as usize]))
    }

    /// The distinct feature ids, in id order.
    fn keys(self) -> impl Iterator<Item = u32> + 'a {
        self.counts().map(|(k, _)| k)
    }
}

impl Sparse {
    /// The vectors of sentences `0..len`, with `row(i, out)` appending the
    /// feature ids of sentence `i` (with repeats) to `out`.
    fn build(len: usize, row: impl Fn(usize, &mut Vec<u32>) + Sync) -> Self {
        let blocks = (0..len.div_ceil(ROWS))
            .into_par_iter()
            .map(|b| {
                let rows = b * ROWS..((b + 1) * ROWS).min(len);
                let mut offsets = Vec::with_capacity(rows.len() + 1);
                offsets.push(0);
                let (mut keys, mut codes) = (Vec::new(), Vec::new());
                for i in rows {
                    keys.clear();
                    row(i, &mut keys);
                    keys.sort_unstable();
                    Codes::encode(&keys, &mut codes);
                    offsets.push(codes.len() as u32);
                }
                codes.extend([Codes::END; PAD]);
                codes.shrink_to_fit();
                SparseBlock { offsets, codes }
            })
            .collect();
        Sparse {
            blocks,
            len,
            idf: Arc::new([]),
            tf: TermFrequency::new(),
        }
    }

    fn get(&self, index: usize) -> Vector<'_> {
        let block = &self.blocks[index / ROWS];
        let i = index % ROWS;
        Vector {
            codes: Codes::within(
                &block.codes,
                block.offsets[i] as usize..block.offsets[i + 1] as usize,
            ),
            idf: &self.idf,
            tf: &self.tf,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Sets the IDF the weights are computed with; returns each sentence's norm.
    fn weigh(&mut self, idf: &Arc<[f32]>) -> Vec<f32> {
        self.idf = Arc::clone(idf);
        (0..self.len())
            .into_par_iter()
            .map(|i| self.get(i).iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
            .collect()
    }
}

const WORDS: usize = 0;
const CHARS: usize = 1;

/// Similarity features of every sentence of a pair of documents: for each
/// channel (word stems, character trigrams) and side, one unnormalised
/// TF-IDF vector per sentence and its Euclidean norm. Keeping vectors
/// unnormalised makes a run of sentences simply the sum of their vectors.
/// Feature ids are dense (0..dims), so a sentence's vector can be scattered
/// into a plain array and its candidates' vectors gathered from it.
pub struct Features {
    vectors: [[Sparse; 2]; 2],
    norms: [[Vec<f32>; 2]; 2],
    /// Per channel: how many feature ids there are.
    dims: [usize; 2],
    /// Per side: each sentence's length in characters.
    lengths: [Vec<f32>; 2],
    /// Characters of the right article per character of the left one.
    length_ratio: f32,
}

/// A buffer per channel for [`Features::dots_from`]: one slot per feature
/// id, for the left vector's weight and the id's IDF.
pub struct Scratch([Vec<[f32; 2]>; 2]);

/// Three characters packed into one key (a char fits in 21 bits).
fn trigram_key(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// Dense ids of the character trigrams of a sentence's words joined by
/// spaces, " w1 w2 ... wn ". A trigram lies either inside one padded word
/// " w " (computed once per distinct word) or across a space, last letter of
/// one word to the first of the next (the only trigrams with a space in the
/// middle, as a normal form has no spaces).
struct Trigrams {
    ids: KeyMap<u64, u32>,
    /// `inside[offsets[w]..offsets[w + 1]]`: the trigrams of padded word `w`.
    inside: Vec<u32>,
    offsets: Vec<usize>,
    /// First and last character of each word.
    ends: Vec<(char, char)>,
}

impl Trigrams {
    fn new(vocabulary: &Vocabulary, sides: [&TokenStream; 2]) -> Self {
        let mut ids: KeyMap<u64, u32> = KeyMap::default();
        let mut intern = |key: u64| {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        };
        let words = vocabulary.words();
        let (mut inside, mut offsets, mut ends) = (
            Vec::new(),
            Vec::with_capacity(words.len() + 1),
            Vec::with_capacity(words.len()),
        );
        offsets.push(0);
        let mut padded: Vec<char> = Vec::new();
        for word in words {
            padded.clear();
            padded.push(' ');
            padded.extend(word.norm.chars());
            padded.push(' ');
            inside.extend(
                padded
                    .windows(3)
                    .map(|w| intern(trigram_key(w[0], w[1], w[2]))),
            );
            offsets.push(inside.len());
            ends.push((padded[1], padded[padded.len() - 2]));
        }
        // The trigrams across words, in a deterministic order.
        let across = |side: &TokenStream| {
            let mut keys: Vec<u64> = (0..side.sentence_count())
                .into_par_iter()
                .flat_map_iter(|i| {
                    side.sentence(i)
                        .windows(2)
                        .map(|p| {
                            trigram_key(
                                ends[p[0].word() as usize].1,
                                ' ',
                                ends[p[1].word() as usize].0,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            keys.par_sort_unstable();
            keys.dedup();
            keys
        };
        let (mut keys, right) = rayon::join(|| across(sides[0]), || across(sides[1]));
        keys.extend(right);
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            intern(key);
        }
        Trigrams {
            ids,
            inside,
            offsets,
            ends,
        }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The trigram ids of a sentence, with repeats.
    fn of(&self, tokens: &[crate::core::tokens::WordToken], out: &mut Vec<u32>) {
        for (k, t) in tokens.iter().enumerate() {
            let w = t.word() as usize;
            if k > 0 {
                let prev = tokens[k - 1].word() as usize;
                out.push(self.ids[&trigram_key(self.ends[prev].1, ' ', self.ends[w].0)]);
            }
            out.extend_from_slice(&self.inside[self.offsets[w]..self.offsets[w + 1]]);
        }
    }
}

/// One channel of both documents: each sentence's vector and norm.
struct Channel {
    vectors: [Sparse; 2],
    norms: [Vec<f32>; 2],
    /// How many feature ids there are.
    dims: usize,
}

impl Channel {
    /// The vectors of both sides, with `row(side, i, out)` appending the
    /// feature ids (below `dims`) of sentence `i` of `side` to `out`.
    fn build(
        sides: [&TokenStream; 2],
        dims: usize,
        row: impl Fn(&TokenStream, usize, &mut Vec<u32>) + Sync,
    ) -> Self {
        let build =
            |side: &TokenStream| Sparse::build(side.sentence_count(), |i, keys| row(side, i, keys));
        let (mut left, mut right) = rayon::join(|| build(sides[0]), || build(sides[1]));
        let idf: Arc<[f32]> = idf([&left, &right], dims).into();
        let norms = rayon::join(|| left.weigh(&idf), || right.weigh(&idf));
        Channel {
            vectors: [left, right],
            norms: [norms.0, norms.1],
            dims,
        }
    }
}

/// IDF over the sentences of both documents: ln(1 + N / df).
fn idf(sides: [&Sparse; 2], dims: usize) -> Vec<f32> {
    let df = |side: &Sparse| {
        let mut df = vec![0u32; dims];
        for i in 0..side.len() {
            for (k, _) in side.get(i).counts() {
                df[k as usize] += 1;
            }
        }
        df
    };
    let (left, right) = rayon::join(|| df(sides[0]), || df(sides[1]));
    let n = (sides[0].len() + sides[1].len()) as f32;
    left.into_iter()
        .zip(right)
        .map(|(l, r)| l + r)
        .map(|d| {
            if d > 0 {
                (1.0 + n / d as f32).ln()
            } else {
                0.0
            }
        })
        .collect()
}

/// Dot product of two sparse vectors: a merge join over sorted keys.
fn dot(a: Vector, b: Vector) -> f32 {
    Decoded::new(a).dot(&Decoded::new(b))
}

/// A sentence's vector decoded once, for the merges that read it several
/// times (a split or merge as it grows).
struct Decoded(Vec<(u32, f32)>);

impl Decoded {
    /// The vector's distinct feature ids, in order, with their TF-IDF weights.
    fn new(vector: Vector) -> Self {
        let mut features = Vec::with_capacity(vector.codes.len);
        features.extend(vector.iter());
        Decoded(features)
    }

    /// Walks both vectors in key order, calling `step(i, j, same)` at each
    /// pair of positions it stands on (`same`: both have the feature). The
    /// walk takes no branch on the keys, which follow no pattern a
    /// processor could predict: each step moves past the smaller key, or
    /// past both when they are equal.
    fn walk(&self, other: &Decoded, mut step: impl FnMut(usize, usize, bool)) {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i].0, b[j].0);
            step(i, j, x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
    }

    /// The dot product: the products of the shared features, added in key
    /// order, plus exact zeros.
    fn dot(&self, other: &Decoded) -> f32 {
        let mut sum = 0.0;
        self.walk(other, |i, j, same| {
            sum += if same {
                self.0[i].1 * other.0[j].1
            } else {
                0.0
            }
        });
        sum
    }
}

/// The word-channel features of a sentence: the canonical stem of each
/// content word, and for numbers and capitalised words inside the sentence
/// a second, separate feature (ids after the stems'): names and figures
/// survive rewriting better than ordinary words, and the second feature
/// doubles an anchor's weight without changing the stem's own document
/// frequency.
fn word_keys(
    tokens: &[crate::core::tokens::WordToken],
    vocabulary: &Vocabulary,
    canonical: &[u32],
    out: &mut Vec<u32>,
) {
    let anchor_base = canonical.len() as u32;
    for (k, t) in tokens.iter().enumerate() {
        let word = vocabulary.word(t.word());
        if word.stopword {
            continue;
        }
        let form = canonical[word.stem as usize];
        out.push(form);
        if (k > 0 && t.capitalised()) || word.number {
            out.push(anchor_base + form);
        }
    }
}

/// Each stem's canonical stem: spelling variants among the stems of content
/// words folded onto one form.
fn canonical_stems(vocabulary: &Vocabulary) -> Vec<u32> {
    let stems = vocabulary.stems();
    let mut content = vec![false; stems.len()];
    for word in vocabulary.words().iter().filter(|w| !w.stopword) {
        content[word.stem as usize] = true;
    }
    let canonical = variants::canonical_forms(
        stems
            .iter()
            .zip(&content)
            .filter(|(_, c)| **c)
            .map(|(s, _)| &**s),
    );
    let index: KeyMap<&str, u32> = stems
        .iter()
        .enumerate()
        .map(|(i, s)| (&**s, i as u32))
        .collect();
    stems
        .iter()
        .enumerate()
        .map(|(i, s)| canonical.get(&**s).map_or(i as u32, |c| index[c]))
        .collect()
}

impl Features {
    /// The features of every sentence of `left` and `right`, from their
    /// words as `tokens` has them.
    pub fn new(left: &Document, right: &Document, tokens: &PairTokens) -> Self {
        let vocabulary = &tokens.vocabulary;
        let sides = [&tokens.left, &tokens.right];
        // The two channels share nothing until they are scored: each is
        // built on its own thread (folding spelling variants, the words'
        // slowest step, runs while the trigrams are counted).
        let (words, chars) = rayon::join(
            || {
                let canonical = canonical_stems(vocabulary);
                Channel::build(sides, 2 * canonical.len(), |side, i, keys| {
                    word_keys(side.sentence(i), vocabulary, &canonical, keys)
                })
            },
            || {
                let trigrams = Trigrams::new(vocabulary, sides);
                Channel::build(sides, trigrams.len(), |side, i, keys| {
                    trigrams.of(side.sentence(i), keys)
                })
            },
        );
        let dims = [words.dims, chars.dims];
        let (vectors, norms) = ([words.vectors, chars.vectors], [words.norms, chars.norms]);
        let lengths = |doc: &Document| {
            (0..doc.sentences.len())
                .into_par_iter()
                .map(|i| doc.sentence_text(i).chars().count() as f32)
                .collect::<Vec<f32>>()
        };
        let lengths = [lengths(left), lengths(right)];
        // Two tellings differ in wordiness (a digest against the full
        // story): a fair length for a counterpart scales with the whole.
        let length_ratio =
            (lengths[1].iter().sum::<f32>() + 1.0) / (lengths[0].iter().sum::<f32>() + 1.0);
        Features {
            vectors,
            norms,
            dims,
            lengths,
            length_ratio,
        }
    }

    /// How far the lengths of two runs are from proportionate: |ln| of the
    /// right run's length over the left run's scaled by the pair's ratio,
    /// 0 when they match (the length signal of Gale & Church).
    pub fn length_mismatch(&self, left: Range<usize>, right: Range<usize>) -> f32 {
        // Ten characters of slack keep very short sentences from dominating.
        let l: f32 = self.lengths[0][left].iter().sum();
        let r: f32 = self.lengths[1][right].iter().sum();
        ((r + 10.0) / (self.length_ratio * l + 10.0)).ln().abs()
    }

    pub fn len(&self, side: Side) -> usize {
        self.norms[WORDS][side.index()].len()
    }

    /// Word-feature keys of a sentence (for the candidate index).
    pub fn word_keys(&self, side: Side, index: usize) -> impl Iterator<Item = u32> + '_ {
        self.vectors[WORDS][side.index()].get(index).keys()
    }

    /// How many word-feature ids there are.
    pub fn word_dims(&self) -> usize {
        self.dims[WORDS]
    }

    pub fn word_idf(&self, key: u32) -> f32 {
        self.vectors[WORDS][0].idf[key as usize]
    }

    /// Similarity of two single sentences, in [0, 1]: the mean of the two
    /// channels' cosines.
    #[cfg(test)]
    pub fn sim(&self, left: usize, right: usize) -> f32 {
        let dots = [WORDS, CHARS]
            .map(|c| dot(self.vectors[c][0].get(left), self.vectors[c][1].get(right)));
        self.sim_of_dots(left, right, dots)
    }

    /// [`Features::sim`] from the two channels' dot products.
    pub fn sim_of_dots(&self, left: usize, right: usize, dots: [f32; 2]) -> f32 {
        let cosine = |c: usize| {
            let n = self.norms[c][0][left] * self.norms[c][1][right];
            if n > 0.0 { dots[c] / n } else { 0.0 }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
    }

    /// Buffers for [`Features::dots_from`], one per thread.
    pub fn scratch(&self) -> Scratch {
        Scratch(self.dims.map(|d| vec![[0.0; 2]; d]))
    }

    /// The channels' dot products of left sentence `left` with each of
    /// `rights`, in order. The left vector is scattered into a dense array
    /// once and each right vector gathers from it: one pass over the right
    /// vector per pair, no search. The slot holds the feature's IDF beside
    /// the left weight, so a right feature costs one read of the array and
    /// no branch: whether it repeats in its sentence follows no pattern a
    /// processor could predict. The sums come out bit for bit as [`dot`]'s:
    /// the same products added in the same (key) order, plus exact zeros.
    pub fn dots_from(&self, left: usize, rights: &[u32], scratch: &mut Scratch) -> Vec<[f32; 2]> {
        let mut out = vec![[0.0; 2]; rights.len()];
        for c in [WORDS, CHARS] {
            let dense = &mut scratch.0[c];
            let mine = self.vectors[c][0].get(left);
            let idf = &self.vectors[c][1].idf;
            let tf = &self.vectors[c][1].tf;
            for (k, w) in mine.iter() {
                dense[k as usize] = [w, idf[k as usize]];
            }
            for (dots, &j) in out.iter_mut().zip(rights) {
                dots[c] = self.vectors[c][1]
                    .get(j as usize)
                    .counts()
                    .fold(0.0, |sum, (k, n)| {
                        let [weight, idf] = dense[k as usize];
                        sum + weight * (tf.of(n) * idf)
                    });
            }
            for k in mine.keys() {
                dense[k as usize] = [0.0; 2];
            }
        }
        out
    }

    /// Similarity of two runs of consecutive sentences (a split or merge):
    /// the cosine of the runs' summed vectors, from dot products of the
    /// parts, so no vector is ever built.
    pub fn block_sim(&self, left: Range<usize>, right: Range<usize>) -> f32 {
        let cosine = |c: usize| {
            let (l, r) = (&self.vectors[c][0], &self.vectors[c][1]);
            let mut cross = 0.0;
            for i in left.clone() {
                for j in right.clone() {
                    cross += dot(l.get(i), r.get(j));
                }
            }
            let norm = self.run_norm(c, Side::Left, left.clone())
                * self.run_norm(c, Side::Right, right.clone());
            if norm > 0.0 { cross / norm } else { 0.0 }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
    }

    /// Norm of the summed vector of a run: sqrt of the sum of all pairwise dots.
    fn run_norm(&self, channel: usize, side: Side, run: Range<usize>) -> f32 {
        let vs = &self.vectors[channel][side.index()];
        let ns = &self.norms[channel][side.index()];
        let mut sq = 0.0;
        for a in run.clone() {
            sq += ns[a] * ns[a];
            for b in a + 1..run.end {
                sq += 2.0 * dot(vs.get(a), vs.get(b));
            }
        }
        sq.sqrt()
    }
}

/// A split or merge grown one sentence at a time: a run of consecutive
/// sentences on one side against a single sentence on the other. Each step
/// costs a few merges of decoded vectors, as the sums are kept up to date.
pub struct Growth<'a> {
    features: &'a Features,
    side: usize,
    single: usize,
    start: usize,
    end: usize,
    /// Per channel: dot of the run's summed vector with the single sentence.
    cross: [f32; 2],
    /// Per channel: squared norm of the run's summed vector.
    norm_sq: [f32; 2],
    /// Per channel: the single sentence's vector.
    target: [Decoded; 2],
    /// Per channel: which features of the single sentence the run contains.
    covered: [Vec<bool>; 2],
    covered_weight: [f32; 2],
    /// Per channel: the weight of all the single sentence's features.
    single_weight: [f32; 2],
    /// Per channel: the vectors of the run's sentences, for their dot
    /// products with the sentences added after them.
    parts: [Vec<Decoded>; 2],
}

impl<'a> Growth<'a> {
    /// Starts a run with sentence `first` of `side` against sentence `single`.
    pub fn new(features: &'a Features, side: Side, first: usize, single: usize) -> Self {
        let other = 1 - side.index();
        let target = [WORDS, CHARS].map(|c| Decoded::new(features.vectors[c][other].get(single)));
        let mut growth = Growth {
            features,
            side: side.index(),
            single,
            start: first,
            end: first,
            cross: [0.0; 2],
            norm_sq: [0.0; 2],
            covered: [WORDS, CHARS].map(|c| vec![false; target[c].0.len()]),
            covered_weight: [0.0; 2],
            single_weight: [WORDS, CHARS].map(|c| target[c].0.iter().map(|&(_, w)| w).sum()),
            target,
            parts: [Vec::new(), Vec::new()],
        };
        growth.push();
        growth
    }

    /// The sentence that [`Growth::push`] would add next.
    pub fn next(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The side of the run.
    pub fn side(&self) -> Side {
        if self.side == 0 {
            Side::Left
        } else {
            Side::Right
        }
    }

    /// The sentences of the run.
    pub fn run(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence opposite the run.
    pub fn single(&self) -> usize {
        self.single
    }

    /// Adds the next sentence of the run. (Its dot products with the single
    /// sentence are computed again rather than kept from the candidate
    /// pair: few pairs grow, and keeping them costs 8 bytes a pair.)
    pub fn push(&mut self) {
        let (f, side, p) = (self.features, self.side, self.end);
        for c in [WORDS, CHARS] {
            let part = Decoded::new(f.vectors[c][side].get(p));
            // One walk of the part with the single sentence gives their dot
            // product (summed as `dot` sums it) and marks the single
            // sentence's features that the part contains, adding the weight
            // of those not marked before (in key order, plus exact zeros).
            let (target, covered, covered_weight) = (
                &self.target[c],
                &mut self.covered[c],
                &mut self.covered_weight[c],
            );
            let mut cross = 0.0;
            part.walk(target, |i, t, same| {
                let weight = target.0[t].1;
                cross += if same { part.0[i].1 * weight } else { 0.0 };
                *covered_weight += if same && !covered[t] { weight } else { 0.0 };
                covered[t] |= same;
            });
            self.cross[c] += cross;
            self.norm_sq[c] += f.norms[c][side][p].powi(2);
            for earlier in &self.parts[c] {
                self.norm_sq[c] += 2.0 * earlier.dot(&part);
            }
            self.parts[c].push(part);
        }
        self.end += 1;
    }

    /// [`Features::length_mismatch`] of the run and the single sentence.
    pub fn length_mismatch(&self) -> f32 {
        let (run, single) = (self.start..self.end, self.single..self.single + 1);
        match self.side {
            0 => self.features.length_mismatch(run, single),
            _ => self.features.length_mismatch(single, run),
        }
    }

    /// Cosine similarity of the run with the single sentence, as
    /// [`Features::block_sim`] would compute it.
    pub fn sim(&self) -> f32 {
        let other = 1 - self.side;
        let cosine = |c: usize| {
            let norm = self.norm_sq[c].sqrt() * self.features.norms[c][other][self.single];
            if norm > 0.0 {
                self.cross[c] / norm
            } else {
                0.0
            }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
    }

    /// How much of the single sentence the run covers: the weight of its
    /// words and trigrams that occur in the run, as a fraction, averaged over
    /// the two channels. A part that raises this adds content the single
    /// sentence has; one that does not only dilutes the match.
    pub fn coverage(&self) -> f32 {
        let channel = |c: usize| {
            let total = self.single_weight[c];
            if total > 0.0 {
                self.covered_weight[c] / total
            } else {
                0.0
            }
        };
        0.5 * channel(WORDS) + 0.5 * channel(CHARS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(left: &str, right: &str) -> Features {
        let (left, right) = (Document::parse("l", left), Document::parse("r", right));
        Features::new(&left, &right, &PairTokens::new(&left, &right))
    }

    proptest::proptest! {
        /// The codes give back the ids and their counts, whatever the steps
        /// between them (repeats, one byte, the widest) and whatever follows
        /// a sentence's codes in its block: runs of repeats longer than the
        /// eight bytes the decoder reads at once, a sentence that begins at
        /// id 0, an empty one, the block's end.
        #[test]
        fn codes_give_back_every_id(rows in proptest::collection::vec(
            proptest::collection::vec((proptest::prop_oneof![0u32..4, 0u32..300, 0u32..70_000, 0..u32::MAX], 1usize..20), 0..30),
            1..8,
        )) {
            let sparse = Sparse::build(rows.len(), |i, out| rows[i].iter().for_each(|&(k, n)| out.extend(std::iter::repeat_n(k, n))));
            for (i, row) in rows.iter().enumerate() {
                let mut want = std::collections::BTreeMap::new();
                for &(k, n) in row {
                    *want.entry(k).or_insert(0) += n as u32;
                }
                proptest::prop_assert_eq!(sparse.get(i).counts().collect::<Vec<_>>(), want.into_iter().collect::<Vec<_>>());
            }
        }

        /// Scoring a left sentence against many right ones gives each pair
        /// the dot products of merging the two vectors, bit for bit: with
        /// words and trigrams found once, and repeated ("lo lo lolo").
        #[test]
        fn gathered_dots_are_the_merged_dots(left in sentences(), right in sentences()) {
            let features = features(&left.concat(), &right.concat());
            let rights: Vec<u32> = (0..features.len(Side::Right) as u32).collect();
            let mut scratch = features.scratch();
            for i in 0..features.len(Side::Left) {
                let want: Vec<[u32; 2]> = rights
                    .iter()
                    .map(|&j| [WORDS, CHARS].map(|c| summed_in_key_order(features.vectors[c][0].get(i), features.vectors[c][1].get(j as usize)).to_bits()))
                    .collect();
                let got: Vec<[u32; 2]> = features.dots_from(i, &rights, &mut scratch).iter().map(|d| d.map(f32::to_bits)).collect();
                proptest::prop_assert_eq!(got, want);
            }
        }

        /// A growing split or merge keeps, bit for bit, the sums of
        /// computing each step's dot products and newly covered weight
        /// afresh, in key order: on either side, for every run up to four
        /// sentences long.
        #[test]
        fn growth_keeps_the_sums_of_computing_them_afresh(left in sentences(), right in sentences()) {
            let features = features(&left.concat(), &right.concat());
            for side in [Side::Left, Side::Right] {
                let (mine, other) = (side.index(), 1 - side.index());
                for first in 0..features.len(side) {
                    for single in 0..features.len(side.other()) {
                        let mut growth = Growth::new(&features, side, first, single);
                        let (mut cross, mut norm_sq, mut covered_weight) = ([0.0f32; 2], [0.0f32; 2], [0.0f32; 2]);
                        let mut covered = [WORDS, CHARS].map(|c| vec![false; features.vectors[c][other].get(single).iter().count()]);
                        for p in first..(first + 4).min(features.len(side)) {
                            if p > first {
                                growth.push();
                            }
                            for c in [WORDS, CHARS] {
                                let (run, target) = (&features.vectors[c][mine], features.vectors[c][other].get(single));
                                cross[c] += summed_in_key_order(run.get(p), target);
                                norm_sq[c] += features.norms[c][mine][p].powi(2);
                                for q in first..p {
                                    norm_sq[c] += 2.0 * summed_in_key_order(run.get(q), run.get(p));
                                }
                                for (t, (key, weight)) in target.iter().enumerate() {
                                    if !covered[c][t] && run.get(p).keys().any(|k| k == key) {
                                        covered[c][t] = true;
                                        covered_weight[c] += weight;
                                    }
                                }
                            }
                            let bits = |sums: [f32; 2]| sums.map(f32::to_bits);
                            proptest::prop_assert_eq!(bits(growth.cross), bits(cross));
                            proptest::prop_assert_eq!(bits(growth.norm_sq), bits(norm_sq));
                            proptest::prop_assert_eq!(bits(growth.covered_weight), bits(covered_weight));
                        }
                    }
                }
            }
        }
    }

    /// Up to five sentences (each begins with a capital, or the splitter
    /// would read on) of words made of eight syllables: words and trigrams
    /// that recur within a sentence and across sentences, and sentences
    /// that each bring features the others lack.
    fn sentences() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
        proptest::collection::vec(
            "(Lo|Ka|Rin|Vor)(lo|ka|rin|vor|tam|pul|gor|esh){0,2}( (lo|ka|rin|vor|Zen|tam|pul|gor|esh){1,3}){0,9}\\. ",
            1..6,
        )
    }

    /// The dot product as its definition reads: for each feature of `a` in
    /// key order, its weight times that of the same feature in `b`, if `b`
    /// has it, added up.
    fn summed_in_key_order(a: Vector, b: Vector) -> f32 {
        let b: Vec<(u32, f32)> = b.iter().collect();
        a.iter()
            .filter_map(|(k, wa)| b.iter().find(|&&(kb, _)| kb == k).map(|&(_, wb)| wa * wb))
            .fold(0.0, |sum, product| sum + product)
    }

    #[test]
    fn identical_sentences_score_one_and_unrelated_near_zero() {
        let f = features(
            "The cat sat on the mat. Stocks fell sharply.",
            "The cat sat on the mat. Rain is expected.",
        );
        assert!((f.sim(0, 0) - 1.0).abs() < 1e-4, "{}", f.sim(0, 0));
        assert!(f.sim(1, 1) < 0.1, "{}", f.sim(1, 1));
    }

    #[test]
    fn paraphrase_scores_above_unrelated() {
        let f = features(
            "Ukrainian officials denied the reports. Markets rallied on Friday.",
            "Ukraine has not confirmed the reports of their fall.",
        );
        assert!(
            f.sim(0, 0) > 0.15 && f.sim(0, 0) > 5.0 * f.sim(1, 0),
            "{} {}",
            f.sim(0, 0),
            f.sim(1, 0)
        );
    }

    #[test]
    fn length_mismatch_is_relative_to_the_pair_wordiness() {
        // The right telling is twice as wordy: a right sentence twice as long
        // as its left counterpart is proportionate, one of equal length is not.
        let f = features(
            "Short one here. Another short one.",
            "This sentence is twice as long as that. And this one doubles the other too.",
        );
        assert!(
            f.length_mismatch(0..1, 0..1) < 0.2,
            "{}",
            f.length_mismatch(0..1, 0..1)
        );
        let same = features(
            "A sentence of some length.",
            "A sentence of some length. And more text here.",
        );
        assert!(
            same.length_mismatch(0..1, 0..1) > 0.3,
            "{}",
            same.length_mismatch(0..1, 0..1)
        );
        // A merge is measured on the whole run: two halves against one whole.
        let merge = features(
            "Half of it. The other half.",
            "Half of it and the other half.",
        );
        assert!(merge.length_mismatch(0..2, 0..1) < merge.length_mismatch(0..1, 0..1));
    }

    #[test]
    fn growth_agrees_with_block_similarity() {
        let f = features(
            "Putin will meet Witkoff in Moscow. The White House is optimistic about a deal. Rain fell.",
            "Putin will meet Witkoff in Moscow, as the White House grows optimistic about a deal.",
        );
        let mut g = Growth::new(&f, Side::Left, 0, 0);
        assert!((g.sim() - f.sim(0, 0)).abs() < 1e-5);
        let alone = g.coverage();
        g.push();
        assert!((g.sim() - f.block_sim(0..2, 0..1)).abs() < 1e-5);
        assert!(g.coverage() > alone + 0.2, "{} {}", g.coverage(), alone);
        let covered = g.coverage();
        g.push();
        assert!(
            (g.coverage() - covered).abs() < 0.05,
            "an unrelated sentence covers nothing new"
        );
        assert_eq!(g.length_mismatch(), f.length_mismatch(0..3, 0..1));
    }

    #[test]
    fn merged_block_matches_better_than_either_part() {
        let f = features(
            "Putin will meet Witkoff in Moscow. The White House is optimistic about a deal.",
            "Putin will meet Witkoff in Moscow, as the White House grows optimistic about a deal.",
        );
        let block = f.block_sim(0..2, 0..1);
        assert!(
            block > f.sim(0, 0) && block > f.sim(1, 0),
            "{block} {} {}",
            f.sim(0, 0),
            f.sim(1, 0)
        );
    }
}
