//! Lexical sentence similarity: TF-IDF cosine over word stems and over
//! character trigrams, averaged. Both channels tolerate paraphrase in
//! different ways: stems match reworded sentences that keep their content
//! words, trigrams match inflections and spelling variants that stemming
//! misses ("Vovchansk" / "Vovshansk").
//!
//! IDF is computed over the sentences of both documents together, so a word
//! that is everywhere in this pair of articles counts little.

use std::collections::HashMap;

use super::variants;
use std::hash::{BuildHasherDefault, Hasher};

use rust_stemmers::{Algorithm, Stemmer};

use crate::core::document::Document;
use crate::core::lexicon::STOPWORDS;
use crate::core::tokens::{self, is_number};

/// Feature keys are already well-mixed 64-bit hashes; hashing them again
/// would only cost time.
#[derive(Default)]
pub struct IdentityHasher(u64);
impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

fn fnv1a(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // Final avalanche so that low bits are usable by the hash map.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Raw feature counts of one sentence, sorted by key.
pub type Counts = Vec<(u64, u32)>;
/// A weighted, L2-normalised sparse vector, sorted by key.
pub type Vector = Vec<(u64, f32)>;

/// Which side a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Similarity features of every sentence of a pair of documents.
pub struct Features {
    word_counts: [Vec<Counts>; 2],
    char_counts: [Vec<Counts>; 2],
    word_vecs: [Vec<Vector>; 2],
    char_vecs: [Vec<Vector>; 2],
    word_idf: KeyMap<f32>,
    char_idf: KeyMap<f32>,
}

/// Weight multiplier for numbers and capitalised words in the word channel:
/// names and figures survive rewriting better than ordinary words.
const ANCHOR_BOOST: u64 = 0x5eed;

/// The content-word stems of a sentence, each flagged if it is an anchor
/// (a number or a capitalised word inside the sentence), and the sentence's
/// character-trigram counts.
fn sentence_features(stemmer: &Stemmer, text: &str) -> (Vec<(String, bool)>, Counts) {
    let mut stems = Vec::new();
    let mut chars: Vec<u64> = Vec::new();
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
fn word_counts(stems: &[(String, bool)], canonical: &HashMap<&str, &str>) -> Counts {
    let mut keys = Vec::with_capacity(stems.len() * 2);
    for (stem, anchor) in stems {
        let form = canonical.get(stem.as_str()).copied().unwrap_or(stem);
        keys.push(fnv1a(form.bytes(), 0));
        if *anchor {
            // A second, separate feature doubles an anchor's weight without
            // changing the stem's own document frequency.
            keys.push(fnv1a(form.bytes(), ANCHOR_BOOST));
        }
    }
    count(keys)
}

fn count(mut keys: Vec<u64>) -> Counts {
    keys.sort_unstable();
    let mut out: Counts = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

fn document_frequencies<'a>(all: impl Iterator<Item = &'a Counts>) -> (KeyMap<f32>, usize) {
    let mut df: KeyMap<u32> = KeyMap::default();
    let mut n = 0;
    for counts in all {
        n += 1;
        for &(k, _) in counts {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    let idf = df.into_iter().map(|(k, d)| (k, (1.0 + n as f32 / d as f32).ln())).collect();
    (idf, n)
}

fn weigh(counts: &Counts, idf: &KeyMap<f32>) -> Vector {
    let mut v: Vector =
        counts.iter().map(|&(k, tf)| (k, (1.0 + (tf as f32).ln()) * idf.get(&k).copied().unwrap_or(0.0))).collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    v
}

/// Cosine of two normalised vectors: a merge join over sorted keys.
pub fn dot(a: &Vector, b: &Vector) -> f32 {
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

fn merge_counts<'a>(parts: impl Iterator<Item = &'a Counts>) -> Counts {
    let mut all: Vec<(u64, u32)> = parts.flat_map(|c| c.iter().copied()).collect();
    all.sort_unstable_by_key(|&(k, _)| k);
    let mut out: Counts = Vec::with_capacity(all.len());
    for (k, n) in all {
        match out.last_mut() {
            Some((last, m)) if *last == k => *m += n,
            _ => out.push((k, n)),
        }
    }
    out
}

impl Features {
    pub fn new(left: &Document, right: &Document) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let extract = |doc: &Document| -> (Vec<Vec<(String, bool)>>, Vec<Counts>) {
            (0..doc.sentences.len()).map(|i| sentence_features(&stemmer, doc.sentence_text(i))).unzip()
        };
        let (left_stems, lc) = extract(left);
        let (right_stems, rc) = extract(right);
        let vocabulary = left_stems.iter().chain(&right_stems).flatten().map(|(s, _)| s.as_str());
        let canonical = variants::canonical_forms(vocabulary);
        let lw: Vec<Counts> = left_stems.iter().map(|s| word_counts(s, &canonical)).collect();
        let rw: Vec<Counts> = right_stems.iter().map(|s| word_counts(s, &canonical)).collect();
        let (word_idf, _) = document_frequencies(lw.iter().chain(&rw));
        let (char_idf, _) = document_frequencies(lc.iter().chain(&rc));
        let word_vecs = [lw.iter().map(|c| weigh(c, &word_idf)).collect(), rw.iter().map(|c| weigh(c, &word_idf)).collect()];
        let char_vecs = [lc.iter().map(|c| weigh(c, &char_idf)).collect(), rc.iter().map(|c| weigh(c, &char_idf)).collect()];
        Features { word_counts: [lw, rw], char_counts: [lc, rc], word_vecs, char_vecs, word_idf, char_idf }
    }

    fn slot(side: Side) -> usize {
        match side {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    pub fn len(&self, side: Side) -> usize {
        self.word_counts[Self::slot(side)].len()
    }

    /// Raw word-feature counts of a sentence (for the candidate index).
    pub fn word_counts(&self, side: Side, index: usize) -> &Counts {
        &self.word_counts[Self::slot(side)][index]
    }

    pub fn word_idf(&self, key: u64) -> f32 {
        self.word_idf.get(&key).copied().unwrap_or(0.0)
    }

    /// Similarity of two single sentences, in [0, 1].
    pub fn sim(&self, left: usize, right: usize) -> f32 {
        let w = dot(&self.word_vecs[0][left], &self.word_vecs[1][right]);
        let c = dot(&self.char_vecs[0][left], &self.char_vecs[1][right]);
        (0.5 * w + 0.5 * c).clamp(0.0, 1.0)
    }

    /// How much of sentence `single` (on the other side than `block`) the run
    /// `block` covers: the IDF mass of the single sentence's words and
    /// trigrams that also occur in the run, as a fraction, averaged over the
    /// two channels. Growing a split or merge is worth it only while each new
    /// part covers something the run did not.
    pub fn coverage(&self, block_side: Side, block: std::ops::Range<usize>, single: usize) -> f32 {
        let (b, s) = (Self::slot(block_side), 1 - Self::slot(block_side));
        let channel = |counts: &[Vec<Counts>; 2], idf: &KeyMap<f32>| {
            let run = merge_counts(counts[b][block.clone()].iter());
            let target = &counts[s][single];
            let total: f32 = target.iter().map(|(k, _)| idf.get(k).copied().unwrap_or(0.0)).sum();
            let shared: f32 = target
                .iter()
                .filter(|(k, _)| run.binary_search_by_key(k, |&(key, _)| key).is_ok())
                .map(|(k, _)| idf.get(k).copied().unwrap_or(0.0))
                .sum();
            if total > 0.0 { shared / total } else { 0.0 }
        };
        0.5 * channel(&self.word_counts, &self.word_idf) + 0.5 * channel(&self.char_counts, &self.char_idf)
    }

    /// Similarity of two runs of consecutive sentences (a split or merge).
    pub fn block_sim(&self, left: std::ops::Range<usize>, right: std::ops::Range<usize>) -> f32 {
        if left.len() == 1 && right.len() == 1 {
            return self.sim(left.start, right.start);
        }
        let block = |counts: &[Counts], range: std::ops::Range<usize>, idf: &KeyMap<f32>| {
            weigh(&merge_counts(counts[range].iter()), idf)
        };
        let w = dot(
            &block(&self.word_counts[0], left.clone(), &self.word_idf),
            &block(&self.word_counts[1], right.clone(), &self.word_idf),
        );
        let c = dot(&block(&self.char_counts[0], left, &self.char_idf), &block(&self.char_counts[1], right, &self.char_idf));
        (0.5 * w + 0.5 * c).clamp(0.0, 1.0)
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
    fn merged_block_matches_better_than_either_part() {
        let f = features(
            "Putin will meet Witkoff in Moscow. The White House is optimistic about a deal.",
            "Putin will meet Witkoff in Moscow, as the White House grows optimistic about a deal.",
        );
        let block = f.block_sim(0..2, 0..1);
        assert!(block > f.sim(0, 0) && block > f.sim(1, 0), "{block} {} {}", f.sim(0, 0), f.sim(1, 0));
    }
}
