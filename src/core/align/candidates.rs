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
/// How far along the diagonal a best match proposes its neighbours: a
/// sentence between two whose own searches went astray is still reached.
const REACH: u32 = 2;
/// Candidates kept per sentence, in each direction.
const PER_SENTENCE: usize = 10;

/// Candidate pairs `(left, right)`, sorted and without duplicates.
///
/// Besides the pairs the index proposes, the diagonal neighbours of each
/// sentence's best match (up to [`REACH`] away), for the neighbours whose
/// search was cut short: a rewrite mostly keeps the order, so when sentence
/// `i` matches `j`, `i + 1` likely matches `j + 1` even if the words they share are all too common,
/// in a long document, to be followed. (A search that followed every word
/// already saw every sentence sharing one.)
pub fn candidates(features: &Features) -> Vec<(u32, u32)> {
    let (left_to_right, right_to_left) = rayon::join(
        || collect(features, Side::Left, Side::Right),
        || collect(features, Side::Right, Side::Left),
    );
    let capacity = [&left_to_right, &right_to_left].iter().flat_map(|f| &f.chunks).map(|c| c.pairs.len() + 2 * REACH as usize * c.best.len()).sum();
    let mut pairs = Vec::with_capacity(capacity);
    for (found, flip) in [(left_to_right, false), (right_to_left, true)] {
        let orient = |(from, to): (u32, u32)| if flip { (to, from) } else { (from, to) };
        let cut_short: Vec<bool> = found.chunks.iter().flat_map(|c| c.cut_short.iter().copied()).collect();
        let cut = |k: u32| cut_short.get(k as usize).copied().unwrap_or(false);
        let to_len = features.len(if flip { Side::Left } else { Side::Right }) as u32;
        // Each chunk is freed once its pairs are copied.
        for chunk in found.chunks {
            pairs.extend(chunk.pairs.iter().copied().map(orient));
            for (i, j) in chunk.best.iter().copied() {
                for d in 1..=REACH {
                    if i >= d && j >= d && cut(i - d) {
                        pairs.push(orient((i - d, j - d)));
                    }
                    if cut(i + d) && j + d < to_len {
                        pairs.push(orient((i + d, j + d)));
                    }
                }
            }
        }
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs.shrink_to_fit();
    pairs
}

/// What the index proposes for the sentences of one side, by chunks of
/// [`CHUNK`] sentences.
struct Found {
    chunks: Vec<FoundChunk>,
}

/// What the index proposes for some consecutive sentences, as `(from, to)`.
struct FoundChunk {
    /// The candidates of every sentence.
    pairs: Vec<(u32, u32)>,
    /// Each sentence's best candidate.
    best: Vec<(u32, u32)>,
    /// Per sentence: some of its words' postings were not followed.
    cut_short: Vec<bool>,
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

/// Sentences per parallel task: large enough that a task's buffers pay off.
const CHUNK: usize = 512;

/// For each sentence of `from`, the best sentences of `to` by shared IDF mass.
fn collect(features: &Features, from: Side, to: Side) -> Found {
    let index = Postings::new(features, to);
    let n_to = features.len(to);
    let max_list = ALWAYS.max((MAX_SHARE * n_to as f64) as usize);
    let best = |s: &mut Scores, i: usize, found: &mut FoundChunk| {
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
        let mut cut_short = false;
        for key in features.word_keys(from, i) {
            let list = index.get(key);
            if list.len() <= ALWAYS {
                follow(key, list);
            } else if list.len() <= max_list {
                long.push((list.len(), key));
            } else {
                cut_short = true;
            }
        }
        long.sort_unstable();
        let mut budget = BUDGET;
        for &(len, key) in long.iter() {
            if len > budget {
                cut_short = true;
                break;
            }
            budget -= len;
            follow(key, index.get(key));
        }
        long.clear();
        found.cut_short.push(cut_short);
        // The best few, in a deterministic order: score, then position.
        let order = |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then(a.cmp(b));
        if touched.len() > PER_SENTENCE {
            touched.select_nth_unstable_by(PER_SENTENCE, order);
        }
        let top = &touched[..touched.len().min(PER_SENTENCE)];
        found.pairs.extend(top.iter().map(|&j| (i as u32, j)));
        if let Some(&j) = top.iter().min_by(|a, b| order(a, b)) {
            found.best.push((i as u32, j));
        }
        for &j in touched.iter() {
            score[j as usize] = 0.0;
        }
        touched.clear();
    };
    let n_from = features.len(from);
    let chunks: Vec<FoundChunk> = (0..n_from.div_ceil(CHUNK))
        .into_par_iter()
        .map_init(
            || Scores { score: vec![0.0; n_to], touched: Vec::new(), long: Vec::new() },
            |scores, c| {
                let mut found = FoundChunk { pairs: Vec::new(), best: Vec::new(), cut_short: Vec::new() };
                for i in c * CHUNK..((c + 1) * CHUNK).min(n_from) {
                    best(scores, i, &mut found);
                }
                found
            },
        )
        .collect();
    Found { chunks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;
    use crate::core::tokens::PairTokens;

    /// A word of its own for each `k`: distinct first letters, so no two
    /// are spelling variants of each other.
    fn rare(k: usize) -> String {
        let letter = |d: usize| char::from(b'a' + (d % 26) as u8);
        format!("{}{}{}orn", letter(k / 676), letter(k / 26), letter(k))
    }

    #[test]
    fn sentences_of_common_words_get_the_neighbours_of_their_neighbours_match() {
        // Three sentences in four have only words found everywhere, which the
        // index does not follow; the fourth has a word of its own. The middle
        // one of the three is two sentences from the nearest match.
        let text: String = (0..200)
            .map(|i| if i % 4 == 0 { format!("{} alpha beta gamma.\n", rare(i)) } else { "Alpha beta gamma delta.\n".to_string() })
            .collect();
        let doc = Document::parse("d", text);
        let features = Features::new(&doc, &doc, &PairTokens::new(&doc, &doc));
        let pairs = candidates(&features);
        for i in (0..197).filter(|i| i % 4 != 0) {
            assert!(pairs.contains(&(i, i)), "sentence {i} has no candidate in its place");
        }
    }

    #[test]
    fn a_search_that_followed_every_word_adds_no_neighbours() {
        let text: String = (0..40).map(|i| format!("{} {}.\n", rare(i), rare(i + 100))).collect();
        let doc = Document::parse("d", text);
        let pairs = candidates(&Features::new(&doc, &doc, &PairTokens::new(&doc, &doc)));
        assert_eq!(pairs, (0..40).map(|i| (i, i)).collect::<Vec<_>>());
    }
}
