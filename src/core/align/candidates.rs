//! Which sentence pairs are worth scoring at all.
//!
//! Scoring all n x m pairs is quadratic; a 1 MB article has thousands of
//! sentences. An inverted index from word features to the sentences that
//! contain them proposes, for every sentence, the few sentences of the other
//! side that share the most informative words.
//!
//! How many postings a sentence may follow is what keeps this linear, and
//! the cut-off must be relative to the document: a fixed cap on a word's
//! postings drops, in a long document, the very words that tell its
//! sentences apart (every word is frequent in a book). So each sentence
//! follows its short posting lists (cheap and telling at any size), then its
//! longer ones rarest first within a fixed budget of postings; a word found
//! in a large share of the other side's sentences tells nothing and is
//! never followed.

use rayon::prelude::*;

use super::features::Features;
use crate::core::Side;

/// Posting lists this short are always followed.
const ALWAYS: usize = 64;
/// Postings a sentence may follow beyond its short lists, rarest word first.
const BUDGET: usize = 4096;
/// A word in more than this share of the other side's sentences is not followed.
const MAX_SHARE: f64 = 0.1;
/// Candidates kept per sentence, in each direction.
const PER_SENTENCE: usize = 10;

/// Candidate pairs `(left, right)`, sorted and without duplicates.
pub fn candidates(features: &Features) -> Vec<(usize, usize)> {
    let (mut pairs, right_to_left) = rayon::join(
        || collect(features, Side::Left, Side::Right, |from, to| (from, to)),
        || collect(features, Side::Right, Side::Left, |from, to| (to, from)),
    );
    pairs.extend(right_to_left);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The sentences of one side that contain each word feature.
struct Postings {
    /// `sentences[offsets[k]..offsets[k + 1]]` contain feature `k`.
    offsets: Vec<usize>,
    sentences: Vec<u32>,
}

impl Postings {
    fn new(features: &Features, side: Side) -> Self {
        let mut offsets = vec![0usize; features.word_dims() + 1];
        for j in 0..features.len(side) {
            for key in features.word_keys(side, j) {
                offsets[key as usize + 1] += 1;
            }
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut next = offsets.clone();
        let mut sentences = vec![0u32; offsets[offsets.len() - 1]];
        for j in 0..features.len(side) {
            for key in features.word_keys(side, j) {
                sentences[next[key as usize]] = j as u32;
                next[key as usize] += 1;
            }
        }
        Postings { offsets, sentences }
    }

    fn get(&self, key: u32) -> &[u32] {
        &self.sentences[self.offsets[key as usize]..self.offsets[key as usize + 1]]
    }
}

/// Per-thread buffers: a score per sentence of the other side.
struct Scores {
    score: Vec<f32>,
    touched: Vec<u32>,
    long: Vec<(usize, u32)>,
}

/// For each sentence of `from`, the best sentences of `to` by shared IDF mass.
fn collect(features: &Features, from: Side, to: Side, orient: impl Fn(usize, usize) -> (usize, usize) + Sync) -> Vec<(usize, usize)> {
    let index = Postings::new(features, to);
    let n_to = features.len(to);
    let max_list = ALWAYS.max((MAX_SHARE * n_to as f64) as usize);
    let best = |s: &mut Scores, i: usize| -> Vec<(usize, usize)> {
        let Scores { score, touched, long } = s;
        let mut follow = |key: u32, list: &[u32]| {
            let idf = features.word_idf(key);
            for &j in list {
                if score[j as usize] == 0.0 {
                    touched.push(j);
                }
                score[j as usize] += idf;
            }
        };
        for key in features.word_keys(from, i) {
            let list = index.get(key);
            if list.len() <= ALWAYS {
                follow(key, list);
            } else if list.len() <= max_list {
                long.push((list.len(), key));
            }
        }
        long.sort_unstable();
        let mut budget = BUDGET;
        for &(len, key) in long.iter() {
            if len > budget {
                break;
            }
            budget -= len;
            follow(key, index.get(key));
        }
        long.clear();
        // The best few, in a deterministic order: score, then position.
        let order = |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then(a.cmp(b));
        if touched.len() > PER_SENTENCE {
            touched.select_nth_unstable_by(PER_SENTENCE, order);
        }
        let out = touched.iter().take(PER_SENTENCE).map(|&j| orient(i, j as usize)).collect();
        for &j in touched.iter() {
            score[j as usize] = 0.0;
        }
        touched.clear();
        out
    };
    let init = || Scores { score: vec![0.0; n_to], touched: Vec::new(), long: Vec::new() };
    let per_sentence: Vec<Vec<(usize, usize)>> = (0..features.len(from)).into_par_iter().with_min_len(256).map_init(init, best).collect();
    per_sentence.concat()
}
