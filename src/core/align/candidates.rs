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
    /// The long lists' IDF still to come, from each list on.
    rest: Vec<f32>,
    /// Scratch for choosing the best few (see [`rank`]).
    ranked: Vec<u64>,
}

/// Sentences per parallel task: large enough that a task's buffers pay off.
const CHUNK: usize = 512;

/// Slack on score bounds, for the rounding of float sums.
const SLACK: f32 = 1e-4;

/// Sentence `j` as a key that sorts by its (non-negative) score, highest
/// first, then by position: a plain integer, so choosing the best few reads
/// no score twice. The low 32 bits are `j`.
fn rank(score: &[f32], j: u32) -> u64 {
    (u64::from(!score[j as usize].to_bits()) << 32) | u64::from(j)
}

/// Adds `idf` to the score of each sentence in `list`, tracking those met
/// for the first time.
fn follow(score: &mut [f32], touched: &mut Vec<u32>, list: &[u32], idf: f32) {
    for &j in list {
        if score[j as usize] == 0.0 {
            touched.push(j);
        }
        score[j as usize] += idf;
    }
}

/// For each sentence of `from`, the best sentences of `to` by shared IDF mass.
///
/// The long lists are followed rarest first, and they carry the least
/// weight. A sentence first met in a list whose weight, with all the
/// lists after it, is below the score of the current
/// [`PER_SENTENCE`]-th best can never be among the best few (max-score
/// pruning, as in text search engines), so it is not tracked: the
/// sentences left to choose from are a few hundred fewer, and the best few,
/// with their scores, are exactly those of tracking them all.
fn collect(features: &Features, from: Side, to: Side) -> Found {
    let index = Postings::new(features, to);
    let n_to = features.len(to);
    let max_list = ALWAYS.max((MAX_SHARE * n_to as f64) as usize);
    let best = |s: &mut Scores, i: usize, found: &mut FoundChunk| {
        let Scores { score, touched, long, rest, ranked } = s;
        let mut cut_short = false;
        for key in features.word_keys(from, i) {
            let list = index.get(key);
            if list.len() <= ALWAYS {
                follow(score, touched, list, features.word_idf(key));
            } else if list.len() <= max_list {
                long.push((list.len(), key));
            } else {
                cut_short = true;
            }
        }
        long.sort_unstable();
        // The lists the budget allows, rarest first.
        let mut budget = BUDGET;
        let allowed = long.iter().take_while(|&&(len, _)| len <= budget && { budget -= len; true }).count();
        cut_short |= allowed < long.len();
        long.truncate(allowed);
        rest.clear();
        rest.resize(allowed + 1, 0.0);
        for k in (0..allowed).rev() {
            rest[k] = rest[k + 1] + features.word_idf(long[k].1);
        }
        // The score of the current last of the best few: a floor that only
        // rises, measured again when the tracked sentences have grown.
        let mut floor = 0.0f32;
        let mut measured_at = 0;
        for (k, &(_, key)) in long.iter().enumerate() {
            if touched.len() >= PER_SENTENCE && touched.len() >= 2 * measured_at {
                ranked.clear();
                ranked.extend(touched.iter().map(|&j| rank(score, j)));
                let (_, last, _) = ranked.select_nth_unstable(PER_SENTENCE - 1);
                floor = score[*last as u32 as usize] * (1.0 - SLACK);
                measured_at = touched.len();
            }
            let idf = features.word_idf(key);
            if rest[k] * (1.0 + SLACK) >= floor {
                follow(score, touched, index.get(key), idf);
            } else {
                // New sentences can reach at most `rest[k]`: only those
                // already tracked are added to.
                for &j in index.get(key) {
                    if score[j as usize] != 0.0 {
                        score[j as usize] += idf;
                    }
                }
            }
        }
        long.clear();
        found.cut_short.push(cut_short);
        // The best few, in a deterministic order: score, then position.
        ranked.clear();
        ranked.extend(touched.iter().map(|&j| rank(score, j)));
        if ranked.len() > PER_SENTENCE {
            ranked.select_nth_unstable(PER_SENTENCE);
        }
        let top = &ranked[..ranked.len().min(PER_SENTENCE)];
        found.pairs.extend(top.iter().map(|&r| (i as u32, r as u32)));
        if let Some(&r) = top.iter().min() {
            found.best.push((i as u32, r as u32));
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
            || Scores { score: vec![0.0; n_to], touched: Vec::new(), long: Vec::new(), rest: Vec::new(), ranked: Vec::new() },
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

    /// What [`collect`] must find: every allowed list walked, every
    /// sentence met tracked, the best few chosen by (score, position).
    fn collect_without_pruning(features: &Features, from: Side, to: Side) -> FoundChunk {
        let index = Postings::new(features, to);
        let max_list = ALWAYS.max((MAX_SHARE * features.len(to) as f64) as usize);
        let (mut pairs, mut best, mut cut) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..features.len(from) {
            let mut score = vec![0.0f32; features.len(to)];
            let keys: Vec<u32> = features.word_keys(from, i).collect();
            let mut long: Vec<(usize, u32)> = keys.iter().map(|&k| (index.get(k).len(), k)).filter(|&(len, _)| len > ALWAYS && len <= max_list).collect();
            long.sort_unstable();
            let mut cut_short = keys.iter().any(|&k| index.get(k).len() > max_list);
            let short = keys.iter().copied().filter(|&k| index.get(k).len() <= ALWAYS);
            let mut budget = BUDGET;
            let mut followed: Vec<u32> = short.collect();
            for &(len, key) in &long {
                if len > budget {
                    cut_short = true;
                    break;
                }
                budget -= len;
                followed.push(key);
            }
            for key in followed {
                for &j in index.get(key) {
                    score[j as usize] += features.word_idf(key);
                }
            }
            let mut met: Vec<u32> = (0..features.len(to) as u32).filter(|&j| score[j as usize] > 0.0).collect();
            met.sort_by(|a, b| score[*b as usize].total_cmp(&score[*a as usize]).then(a.cmp(b)));
            met.truncate(PER_SENTENCE);
            pairs.extend(met.iter().map(|&j| (i as u32, j)));
            best.extend(met.first().map(|&j| (i as u32, j)));
            cut.push(cut_short);
        }
        FoundChunk { pairs, best, cut_short: cut }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8))]
        /// Skipping the sentences that cannot reach the best few changes
        /// nothing: on random texts with a skewed vocabulary (so there are
        /// long lists, and budgets that run out), the candidates are those
        /// of walking every list and tracking every sentence.
        #[test]
        fn pruning_finds_what_the_full_walk_finds(seed in 0u64..1_000_000) {
            let mut state = seed | 1;
            let mut next = move || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let mut sentence = || -> String {
                let len = 4 + next() % 12;
                // A word's rank is roughly Zipf distributed: 1 / u.
                let words: Vec<String> = (0..len).map(|_| rare((1_000_000 / (1 + next() % 1_000_000)) as usize % 3000)).collect();
                words.join(" ") + ".\n"
            };
            let left: String = (0..1500).map(|_| sentence()).collect();
            let right: String = (0..1500).map(|_| sentence()).collect();
            let (l, r) = (Document::parse("l", left), Document::parse("r", right));
            let features = Features::new(&l, &r, &PairTokens::new(&l, &r));
            for (from, to) in [(Side::Left, Side::Right), (Side::Right, Side::Left)] {
                let found = collect(&features, from, to);
                let mut pairs: Vec<(u32, u32)> = found.chunks.iter().flat_map(|c| c.pairs.iter().copied()).collect();
                pairs.sort_unstable();
                let best: Vec<(u32, u32)> = found.chunks.iter().flat_map(|c| c.best.iter().copied()).collect();
                let cut: Vec<bool> = found.chunks.iter().flat_map(|c| c.cut_short.iter().copied()).collect();
                let FoundChunk { pairs: mut want_pairs, best: want_best, cut_short: want_cut } = collect_without_pruning(&features, from, to);
                want_pairs.sort_unstable();
                proptest::prop_assert_eq!(pairs, want_pairs);
                proptest::prop_assert_eq!(best, want_best);
                proptest::prop_assert_eq!(cut, want_cut);
            }
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
