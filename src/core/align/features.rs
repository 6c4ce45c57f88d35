//! Lexical sentence similarity: TF-IDF cosine over word stems and over
//! character trigrams, averaged. Both channels tolerate paraphrase in
//! different ways: stems match reworded sentences that keep their content
//! words, trigrams match inflections and spelling variants that stemming
//! misses ("Vovchansk" / "Vovshansk").
//!
//! IDF is computed over the sentences of both documents together, so a word
//! that is everywhere in this pair of articles counts little.

use std::collections::HashMap;
use std::ops::Range;

use super::variants;

use rust_stemmers::{Algorithm, Stemmer};

use crate::core::document::Document;
use crate::core::lexicon::STOPWORDS;
use crate::core::tokens::{self, is_number};

use super::hashing::KeyMap;

/// 32-bit FNV-1a with a final mix. A pair of articles has at most a few
/// hundred thousand distinct features, so collisions are rare and harmless
/// (two features counted as one), and 32-bit keys halve the memory of every
/// sentence vector.
fn fnv1a(bytes: impl IntoIterator<Item = u8>, seed: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ seed;
    for b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^ (h >> 15)
}

/// A sparse vector sorted by key: raw counts, then TF-IDF weights.
type Vector = Vec<(u32, f32)>;

/// Which side a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    fn slot(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }
}

const WORDS: usize = 0;
const CHARS: usize = 1;

/// Similarity features of every sentence of a pair of documents: for each
/// channel (word stems, character trigrams) and side, one unnormalised
/// TF-IDF vector per sentence and its Euclidean norm. Keeping vectors
/// unnormalised makes a run of sentences simply the sum of their vectors.
pub struct Features {
    vectors: [[Vec<Vector>; 2]; 2],
    norms: [[Vec<f32>; 2]; 2],
    word_idf: KeyMap<f32>,
    /// Per side: each sentence's length in characters.
    lengths: [Vec<f32>; 2],
    /// Characters of the right article per character of the left one.
    length_ratio: f32,
}

/// Seed of a second feature for numbers and capitalised words in the word
/// channel: names and figures survive rewriting better than ordinary words.
const ANCHOR_SEED: u32 = 0x5eed;

/// The content-word stems of a sentence, each flagged if it is an anchor
/// (a number or a capitalised word inside the sentence), and the sentence's
/// character-trigram counts.
fn sentence_features(stemmer: &Stemmer, text: &str) -> (Vec<(String, bool)>, Vector) {
    let mut stems = Vec::new();
    let mut flat = String::with_capacity(text.len() + 2);
    flat.push(' ');
    for (k, tok) in tokens::words(text, 0).iter().enumerate() {
        flat.push_str(&tok.norm);
        flat.push(' ');
        if STOPWORDS.contains(tok.norm.as_str()) {
            continue;
        }
        let original = &text[tok.start..tok.end];
        let capitalised = k > 0 && original.chars().next().is_some_and(char::is_uppercase);
        stems.push((stemmer.stem(&tok.norm).into_owned(), capitalised || is_number(&tok.norm)));
    }
    let cs: Vec<char> = flat.chars().collect();
    let mut chars = Vec::with_capacity(cs.len());
    for w in cs.windows(3) {
        let mut buf = [0u8; 12];
        let mut n = 0;
        for c in w {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        chars.push(fnv1a(buf[..n].iter().copied(), 1));
    }
    (stems, count(chars))
}

/// Word-feature counts, with spelling variants folded onto one form.
fn word_counts(stems: &[(String, bool)], canonical: &HashMap<&str, &str>) -> Vector {
    let mut keys = Vec::with_capacity(stems.len() * 2);
    for (stem, anchor) in stems {
        let form = canonical.get(stem.as_str()).copied().unwrap_or(stem);
        keys.push(fnv1a(form.bytes(), 0));
        if *anchor {
            // A second, separate feature doubles an anchor's weight without
            // changing the stem's own document frequency.
            keys.push(fnv1a(form.bytes(), ANCHOR_SEED));
        }
    }
    count(keys)
}

fn count(mut keys: Vec<u32>) -> Vector {
    keys.sort_unstable();
    let mut out: Vector = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1.0,
            _ => out.push((k, 1.0)),
        }
    }
    out.shrink_to_fit();
    out
}

/// IDF over the sentences of both documents: ln(1 + N / df).
fn idf<'a>(all: impl Iterator<Item = &'a Vector>) -> KeyMap<f32> {
    let mut df: KeyMap<u32> = KeyMap::default();
    let mut n = 0;
    for counts in all {
        n += 1;
        for &(k, _) in counts {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    df.into_iter().map(|(k, d)| (k, (1.0 + n as f32 / d as f32).ln())).collect()
}

/// Turns counts into TF-IDF weights in place; returns the norm.
fn weigh(v: &mut Vector, idf: &KeyMap<f32>) -> f32 {
    for (k, w) in v.iter_mut() {
        *w = (1.0 + w.ln()) * idf.get(k).copied().unwrap_or(0.0);
    }
    v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

/// Dot product of two sparse vectors: a merge join over sorted keys.
fn dot(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl Features {
    pub fn new(left: &Document, right: &Document) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let extract = |doc: &Document| -> (Vec<Vec<(String, bool)>>, Vec<Vector>) {
            (0..doc.sentences.len()).map(|i| sentence_features(&stemmer, doc.sentence_text(i))).unzip()
        };
        let (left_stems, mut left_chars) = extract(left);
        let (right_stems, mut right_chars) = extract(right);
        let vocabulary = left_stems.iter().chain(&right_stems).flatten().map(|(s, _)| s.as_str());
        let canonical = variants::canonical_forms(vocabulary);
        let mut left_words: Vec<Vector> = left_stems.iter().map(|s| word_counts(s, &canonical)).collect();
        let mut right_words: Vec<Vector> = right_stems.iter().map(|s| word_counts(s, &canonical)).collect();
        drop((left_stems, right_stems));

        let word_idf = idf(left_words.iter().chain(&right_words));
        let char_idf = idf(left_chars.iter().chain(&right_chars));
        let weigh_all = |vs: &mut Vec<Vector>, idf: &KeyMap<f32>| vs.iter_mut().map(|v| weigh(v, idf)).collect::<Vec<f32>>();
        let norms = [
            [weigh_all(&mut left_words, &word_idf), weigh_all(&mut right_words, &word_idf)],
            [weigh_all(&mut left_chars, &char_idf), weigh_all(&mut right_chars, &char_idf)],
        ];
        let lengths = |doc: &Document| (0..doc.sentences.len()).map(|i| doc.sentence_text(i).chars().count() as f32).collect::<Vec<f32>>();
        let lengths = [lengths(left), lengths(right)];
        // Two tellings differ in wordiness (a digest against the full
        // story): a fair length for a counterpart scales with the whole.
        let length_ratio = (lengths[1].iter().sum::<f32>() + 1.0) / (lengths[0].iter().sum::<f32>() + 1.0);
        Features { vectors: [[left_words, right_words], [left_chars, right_chars]], norms, word_idf, lengths, length_ratio }
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
        self.norms[WORDS][side.slot()].len()
    }

    /// Word-feature keys of a sentence (for the candidate index).
    pub fn word_keys(&self, side: Side, index: usize) -> impl Iterator<Item = u32> + '_ {
        self.vectors[WORDS][side.slot()][index].iter().map(|&(k, _)| k)
    }

    pub fn word_idf(&self, key: u32) -> f32 {
        self.word_idf.get(&key).copied().unwrap_or(0.0)
    }

    /// Similarity of two single sentences, in [0, 1]: the mean of the two
    /// channels' cosines.
    pub fn sim(&self, left: usize, right: usize) -> f32 {
        let cosine = |c: usize| {
            let n = self.norms[c][0][left] * self.norms[c][1][right];
            if n > 0.0 { dot(&self.vectors[c][0][left], &self.vectors[c][1][right]) / n } else { 0.0 }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
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
                    cross += dot(&l[i], &r[j]);
                }
            }
            let norm = self.run_norm(c, Side::Left, left.clone()) * self.run_norm(c, Side::Right, right.clone());
            if norm > 0.0 { cross / norm } else { 0.0 }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
    }

    /// Norm of the summed vector of a run: sqrt of the sum of all pairwise dots.
    fn run_norm(&self, channel: usize, side: Side, run: Range<usize>) -> f32 {
        let vs = &self.vectors[channel][side.slot()];
        let ns = &self.norms[channel][side.slot()];
        let mut sq = 0.0;
        for a in run.clone() {
            sq += ns[a] * ns[a];
            for b in a + 1..run.end {
                sq += 2.0 * dot(&vs[a], &vs[b]);
            }
        }
        sq.sqrt()
    }
}

/// A split or merge grown one sentence at a time: a run of consecutive
/// sentences on one side against a single sentence on the other. Each step
/// costs a few sparse dot products, as the sums are kept up to date.
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
    /// Per channel: which features of the single sentence the run contains.
    covered: [Vec<bool>; 2],
    covered_weight: [f32; 2],
}

impl<'a> Growth<'a> {
    /// Starts a run with sentence `first` of `side` against sentence `single`.
    pub fn new(features: &'a Features, side: Side, first: usize, single: usize) -> Self {
        let other = 1 - side.slot();
        let covered = [
            vec![false; features.vectors[WORDS][other][single].len()],
            vec![false; features.vectors[CHARS][other][single].len()],
        ];
        let mut growth = Growth {
            features,
            side: side.slot(),
            single,
            start: first,
            end: first,
            cross: [0.0; 2],
            norm_sq: [0.0; 2],
            covered,
            covered_weight: [0.0; 2],
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
        if self.side == 0 { Side::Left } else { Side::Right }
    }

    /// The sentences of the run.
    pub fn run(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence opposite the run.
    pub fn single(&self) -> usize {
        self.single
    }

    /// Adds the next sentence of the run.
    pub fn push(&mut self) {
        let (f, side, p) = (self.features, self.side, self.end);
        for c in [WORDS, CHARS] {
            let run = &f.vectors[c][side];
            let target = &f.vectors[c][1 - side][self.single];
            self.cross[c] += dot(&run[p], target);
            self.norm_sq[c] += f.norms[c][side][p].powi(2);
            for q in self.start..p {
                self.norm_sq[c] += 2.0 * dot(&run[q], &run[p]);
            }
            // Mark the single sentence's features that this part contains.
            let (part, mut i) = (&run[p], 0);
            for (t, &(key, weight)) in target.iter().enumerate() {
                while i < part.len() && part[i].0 < key {
                    i += 1;
                }
                if i < part.len() && part[i].0 == key && !self.covered[c][t] {
                    self.covered[c][t] = true;
                    self.covered_weight[c] += weight;
                }
            }
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
            if norm > 0.0 { self.cross[c] / norm } else { 0.0 }
        };
        (0.5 * cosine(WORDS) + 0.5 * cosine(CHARS)).clamp(0.0, 1.0)
    }

    /// How much of the single sentence the run covers: the weight of its
    /// words and trigrams that occur in the run, as a fraction, averaged over
    /// the two channels. A part that raises this adds content the single
    /// sentence has; one that does not only dilutes the match.
    pub fn coverage(&self) -> f32 {
        let other = 1 - self.side;
        let channel = |c: usize| {
            let total: f32 = self.features.vectors[c][other][self.single].iter().map(|&(_, w)| w).sum();
            if total > 0.0 { self.covered_weight[c] / total } else { 0.0 }
        };
        0.5 * channel(WORDS) + 0.5 * channel(CHARS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(left: &str, right: &str) -> Features {
        Features::new(&Document::parse("l", left), &Document::parse("r", right))
    }

    #[test]
    fn identical_sentences_score_one_and_unrelated_near_zero() {
        let f = features("The cat sat on the mat. Stocks fell sharply.", "The cat sat on the mat. Rain is expected.");
        assert!((f.sim(0, 0) - 1.0).abs() < 1e-4, "{}", f.sim(0, 0));
        assert!(f.sim(1, 1) < 0.1, "{}", f.sim(1, 1));
    }

    #[test]
    fn paraphrase_scores_above_unrelated() {
        let f = features(
            "Ukrainian officials denied the reports. Markets rallied on Friday.",
            "Ukraine has not confirmed the reports of their fall.",
        );
        assert!(f.sim(0, 0) > 0.15 && f.sim(0, 0) > 5.0 * f.sim(1, 0), "{} {}", f.sim(0, 0), f.sim(1, 0));
    }

    #[test]
    fn length_mismatch_is_relative_to_the_pair_wordiness() {
        // The right telling is twice as wordy: a right sentence twice as long
        // as its left counterpart is proportionate, one of equal length is not.
        let f = features(
            "Short one here. Another short one.",
            "This sentence is twice as long as that. And this one doubles the other too.",
        );
        assert!(f.length_mismatch(0..1, 0..1) < 0.2, "{}", f.length_mismatch(0..1, 0..1));
        let same = features("A sentence of some length.", "A sentence of some length. And more text here.");
        assert!(same.length_mismatch(0..1, 0..1) > 0.3, "{}", same.length_mismatch(0..1, 0..1));
        // A merge is measured on the whole run: two halves against one whole.
        let merge = features("Half of it. The other half.", "Half of it and the other half.");
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
        assert!((g.coverage() - covered).abs() < 0.05, "an unrelated sentence covers nothing new");
        assert_eq!(g.length_mismatch(), f.length_mismatch(0..3, 0..1));
    }

    #[test]
    fn merged_block_matches_better_than_either_part() {
        let f = features(
            "Putin will meet Witkoff in Moscow. The White House is optimistic about a deal.",
            "Putin will meet Witkoff in Moscow, as the White House grows optimistic about a deal.",
        );
        let block = f.block_sim(0..2, 0..1);
        assert!(block > f.sim(0, 0) && block > f.sim(1, 0), "{block} {} {}", f.sim(0, 0), f.sim(1, 0));
    }
}
