//! Which sentence pairs are worth scoring at all.
//!
//! Scoring all n x m pairs is quadratic; a 1 MB article has thousands of
//! sentences. An inverted index from word stems to the sentences that contain
//! them proposes, for every sentence, the few sentences of the other side that
//! share the most informative words. Stems that occur in very many sentences
//! ("said", "government") are left out of the index: they cannot tell
//! sentences apart and would make the cost quadratic again.

use super::features::{Features, Side};
use super::hashing::KeyMap;

/// Posting lists longer than this are not followed.
const MAX_POSTINGS: usize = 64;
/// Candidates kept per sentence, in each direction.
const PER_SENTENCE: usize = 10;

/// Candidate pairs `(left, right)`, sorted and without duplicates.
pub fn candidates(features: &Features) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    collect(features, Side::Left, Side::Right, &mut pairs, |from, to| (from, to));
    collect(features, Side::Right, Side::Left, &mut pairs, |from, to| (to, from));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// For each sentence of `from`, the best sentences of `to` by shared IDF mass.
fn collect(
    features: &Features,
    from: Side,
    to: Side,
    pairs: &mut Vec<(usize, usize)>,
    orient: impl Fn(usize, usize) -> (usize, usize),
) {
    let mut index: KeyMap<Vec<u32>> = KeyMap::default();
    for j in 0..features.len(to) {
        for key in features.word_keys(to, j) {
            index.entry(key).or_default().push(j as u32);
        }
    }
    let mut score = vec![0.0f32; features.len(to)];
    let mut touched: Vec<u32> = Vec::new();
    for i in 0..features.len(from) {
        for key in features.word_keys(from, i) {
            let Some(list) = index.get(&key) else { continue };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            let idf = features.word_idf(key);
            for &j in list {
                if score[j as usize] == 0.0 {
                    touched.push(j);
                }
                score[j as usize] += idf;
            }
        }
        // The best few, in a deterministic order: score, then position.
        let order = |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then(a.cmp(b));
        if touched.len() > PER_SENTENCE {
            touched.select_nth_unstable_by(PER_SENTENCE, order);
        }
        pairs.extend(touched.iter().take(PER_SENTENCE).map(|&j| orient(i, j as usize)));
        for &j in &touched {
            score[j as usize] = 0.0;
        }
        touched.clear();
    }
}
