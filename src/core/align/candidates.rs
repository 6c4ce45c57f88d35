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

use std::ops::Range;

use rayon::prelude::*;

use super::features::Features;
use super::spare::Spare;
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

/// Candidate pairs by left sentence: [`Grouped::get`] of left sentence `i`
/// gives the right sentences paired with it, in order and each once.
pub type Candidates = Grouped;

impl Candidates {
    /// All the pairs, in order.
    #[cfg(test)]
    fn pairs(&self) -> Vec<(u32, u32)> {
        (0..self.offsets.len() as u32 - 1)
            .flat_map(|i| self.get(i).iter().map(move |&j| (i, j)))
            .collect()
    }
}

/// The candidate pairs.
///
/// Besides the pairs the index proposes, the diagonal neighbours of each
/// sentence's best match (up to [`REACH`] away), for the neighbours whose
/// search was cut short: a rewrite mostly keeps the order, so when sentence
/// `i` matches `j`, `i + 1` likely matches `j + 1` even if the words they share are all too common,
/// in a long document, to be followed. (A search that followed every word
/// already saw every sentence sharing one.)
pub fn candidates(features: &Features) -> Candidates {
    let (left_to_right, right_to_left) = rayon::join(
        || collect(features, Side::Left, Side::Right),
        || collect(features, Side::Right, Side::Left),
    );
    // Each proposed pair (left, right), some more than once.
    let proposals = |emit: &mut dyn FnMut(u32, u32)| {
        for (found, flip) in [(&left_to_right, false), (&right_to_left, true)] {
            let mut emit = |from: u32, to: u32| if flip { emit(to, from) } else { emit(from, to) };
            let cut = |k: u32| found.cut_short.get(k as usize).copied().unwrap_or(false);
            let to_len = features.len(if flip { Side::Left } else { Side::Right }) as u32;
            for i in 0..found.cut_short.len() as u32 {
                let top = found.of(i);
                top.iter().for_each(|&j| emit(i, j));
                let Some(&j) = top.first() else { continue };
                for d in 1..=REACH {
                    if i >= d && j >= d && cut(i - d) {
                        emit(i - d, j - d);
                    }
                    if cut(i + d) && j + d < to_len {
                        emit(i + d, j + d);
                    }
                }
            }
        }
    };
    by_left(features.len(Side::Left), proposals)
}

/// The pairs `proposals` emits (`left` below `lefts`), by left sentence,
/// sorted and each once. Grouped by left sentence first: a row is a few
/// dozen pairs to sort, where sorting them all was a sort of millions.
fn by_left(lefts: usize, proposals: impl Fn(&mut dyn FnMut(u32, u32))) -> Candidates {
    let Grouped {
        offsets: mut rows,
        values: mut rights,
    } = Grouped::new(lefts, proposals);
    let kept: Vec<usize> = par_rows(&mut rights, &rows, 512)
        .map(|(_, row)| sort_unique(row))
        .collect();
    // Closes the gaps the duplicates left.
    let mut end = 0;
    for (i, kept) in kept.into_iter().enumerate() {
        let from = rows[i];
        rights.copy_within(from..from + kept, end);
        rows[i] = end;
        end += kept;
    }
    *rows.last_mut().expect("one more than the sentences") = end;
    rights.truncate(end);
    rights.shrink_to_fit();
    Grouped {
        offsets: rows,
        values: rights,
    }
}

/// Values grouped by key, each group in the order the values came:
/// `values[offsets[k]..offsets[k + 1]]` are those of key `k`. Counted, then
/// placed, into one allocation: at scale there are millions of values, and
/// a vector per key would cost more than they do.
pub struct Grouped {
    pub offsets: Vec<usize>,
    values: Vec<u32>,
}

impl Grouped {
    /// The `(key, value)` pairs `emit` gives (each key below `keys`);
    /// `emit` is called twice, to count and to place, and must give the
    /// same pairs both times.
    fn new(keys: usize, emit: impl Fn(&mut dyn FnMut(u32, u32))) -> Self {
        let mut offsets = vec![0usize; keys + 1];
        emit(&mut |key, _| offsets[key as usize + 1] += 1);
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut next = offsets.clone();
        let mut values = vec![0u32; offsets[keys]];
        emit(&mut |key, value| {
            values[next[key as usize]] = value;
            next[key as usize] += 1;
        });
        Grouped { offsets, values }
    }

    pub fn get(&self, key: u32) -> &[u32] {
        &self.values[self.offsets[key as usize]..self.offsets[key as usize + 1]]
    }
}

/// The rows of `values`, laid out as [`Grouped`] lays out its own (row
/// `k` is `values[offsets[k]..offsets[k + 1]]`), each with its index, on
/// all cores: each row is filled in its final place, `per_task` rows to a
/// task (a task per row would make the list of tasks as long as the rows).
pub fn par_rows<'a, T: Send>(
    values: &'a mut [T],
    offsets: &'a [usize],
    per_task: usize,
) -> impl ParallelIterator<Item = (usize, &'a mut [T])> {
    row_parts(values, offsets, per_task)
        .into_par_iter()
        .with_max_len(1)
        .flat_map_iter(move |(rows, mut part)| {
            rows.map(move |k| {
                let (row, rest) =
                    std::mem::take(&mut part).split_at_mut(offsets[k + 1] - offsets[k]);
                part = rest;
                (k, row)
            })
        })
}

/// `values` cut into parts of up to `rows` rows of the layout `offsets`,
/// each with the rows it holds.
fn row_parts<'a, T>(
    mut values: &'a mut [T],
    offsets: &[usize],
    rows: usize,
) -> Vec<(Range<usize>, &'a mut [T])> {
    let total = offsets.len().saturating_sub(1);
    let mut parts = Vec::with_capacity(total.div_ceil(rows));
    for first in (0..total).step_by(rows) {
        let end = total.min(first + rows);
        let (part, rest) = std::mem::take(&mut values).split_at_mut(offsets[end] - offsets[first]);
        parts.push((first..end, part));
        values = rest;
    }
    parts
}

/// Sorts `row` and moves its distinct values to its front; returns how many
/// there are.
fn sort_unique(row: &mut [u32]) -> usize {
    row.sort_unstable();
    let mut kept = 0;
    for k in 0..row.len() {
        if kept == 0 || row[k] != row[kept - 1] {
            row[kept] = row[k];
            kept += 1;
        }
    }
    kept
}

/// What the index proposes for the sentences of one side: each sentence's
/// best few, best first. Held in one allocation of a fixed stride, filled
/// in place by the tasks: at scale these are millions of entries, and
/// parts built per task and then joined would stay behind as scattered
/// free memory that the process keeps.
struct Found {
    /// `top[i * PER_SENTENCE..][..PER_SENTENCE]`: sentence `i`'s best few,
    /// best first, then [`NONE`].
    top: Vec<u32>,
    /// Per sentence: some of its words' postings were not followed.
    cut_short: Vec<bool>,
}

/// No candidate, in [`Found::top`].
const NONE: u32 = u32::MAX;

impl Found {
    /// Sentence `i`'s best few, best first.
    fn of(&self, i: u32) -> &[u32] {
        let row = &self.top[i as usize * PER_SENTENCE..][..PER_SENTENCE];
        &row[..row.iter().position(|&j| j == NONE).unwrap_or(PER_SENTENCE)]
    }
}

/// The sentences of one side that contain each word feature, in order:
/// [`Grouped::get`] of a feature.
fn postings(features: &Features, side: Side) -> Grouped {
    Grouped::new(features.word_dims(), |emit| {
        for j in 0..features.len(side) {
            features
                .word_keys(side, j)
                .for_each(|key| emit(key, j as u32));
        }
    })
}

/// A task's buffers (see [`Spare`]): a score per sentence of the other side.
struct Scores {
    score: Vec<f32>,
    touched: Vec<u32>,
    long: Vec<(usize, u32)>,
    /// The long lists' IDF still to come, from each list on.
    rest: Vec<f32>,
    /// Scratch for choosing the best few (see [`rank`]).
    ranked: Vec<u64>,
}

/// Sentences per parallel task.
const CHUNK: usize = 512;

/// Slack on score bounds, for the rounding of float sums.
const SLACK: f32 = 1e-4;

/// Sentence `j` as a key that sorts by its (non-negative) score, highest
/// first, then by position: a plain integer, so choosing the best few reads
/// no score twice. The low 32 bits are `j`.
fn rank(score: &[f32], j: u32) -> u64 {
    (u64::from(!score[j as usize].to_bits()) << 32) | u64::from(j)
}

/// Fills `ranked` with the tracked sentences that score at least `floor`.
/// The floor is below the score of the current last of the best few, and
/// scores only rise, so the best few are among these; most of the tracked
/// sentences are not (a few hundred, against ten), and choosing among the
/// few that are is what makes measuring the floor, and the final choice,
/// cheap.
fn rank_above(floor: f32, score: &[f32], touched: &[u32], ranked: &mut Vec<u64>) {
    ranked.clear();
    ranked.extend(
        touched
            .iter()
            .filter(|&&j| score[j as usize] >= floor)
            .map(|&j| rank(score, j)),
    );
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
    let index = postings(features, to);
    let n_to = features.len(to);
    let max_list = ALWAYS.max((MAX_SHARE * n_to as f64) as usize);
    // Fills `top` with sentence `i`'s best few; says whether its search
    // was cut short.
    let best = |s: &mut Scores, i: usize, top: &mut [u32]| -> bool {
        let Scores {
            score,
            touched,
            long,
            rest,
            ranked,
        } = s;
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
        let allowed = long
            .iter()
            .take_while(|&&(len, _)| {
                len <= budget && {
                    budget -= len;
                    true
                }
            })
            .count();
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
                rank_above(floor, score, touched, ranked);
                let (_, last, _) = ranked.select_nth_unstable(PER_SENTENCE - 1);
                floor = score[*last as u32 as usize] * (1.0 - SLACK);
                measured_at = touched.len();
            }
            let idf = features.word_idf(key);
            if rest[k] * (1.0 + SLACK) >= floor {
                follow(score, touched, index.get(key), idf);
            } else {
                // New sentences can reach at most `rest[k]`: only those
                // already tracked are added to. Without a branch: whether
                // a sentence is tracked follows no pattern, and adding 0
                // leaves an untracked score at exactly 0.
                for &j in index.get(key) {
                    let s = &mut score[j as usize];
                    *s += if *s != 0.0 { idf } else { 0.0 };
                }
            }
        }
        long.clear();
        // The best few, in a deterministic order: score, then position.
        rank_above(floor, score, touched, ranked);
        if ranked.len() > PER_SENTENCE {
            ranked.select_nth_unstable(PER_SENTENCE);
        }
        ranked.truncate(PER_SENTENCE);
        ranked.sort_unstable();
        for (slot, &r) in top.iter_mut().zip(ranked.iter()) {
            *slot = r as u32;
        }
        for &j in touched.iter() {
            score[j as usize] = 0.0;
        }
        touched.clear();
        cut_short
    };
    let n_from = features.len(from);
    let mut found = Found {
        top: vec![NONE; n_from * PER_SENTENCE],
        cut_short: vec![false; n_from],
    };
    let scores = Spare::new();
    let chunks = found
        .top
        .par_chunks_mut(CHUNK * PER_SENTENCE)
        .zip(found.cut_short.par_chunks_mut(CHUNK));
    chunks
        .enumerate()
        .with_max_len(1)
        .for_each(|(c, (top, cut_short))| {
            scores.with(
                || Scores {
                    score: vec![0.0; n_to],
                    touched: Vec::new(),
                    long: Vec::new(),
                    rest: Vec::new(),
                    ranked: Vec::new(),
                },
                |scores| {
                    for (k, (top, cut_short)) in
                        top.chunks_mut(PER_SENTENCE).zip(cut_short).enumerate()
                    {
                        *cut_short = best(scores, c * CHUNK + k, top);
                    }
                },
            )
        });
    found
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
            .map(|i| {
                if i % 4 == 0 {
                    format!("{} alpha beta gamma.\n", rare(i))
                } else {
                    "Alpha beta gamma delta.\n".to_string()
                }
            })
            .collect();
        let doc = Document::parse("d", text);
        let features = Features::new(&doc, &doc, &PairTokens::new(&doc, &doc));
        let pairs = candidates(&features).pairs();
        for i in (0..197).filter(|i| i % 4 != 0) {
            assert!(
                pairs.contains(&(i, i)),
                "sentence {i} has no candidate in its place"
            );
        }
    }

    /// What [`collect`] must find: every allowed list walked, every
    /// sentence met tracked, the best few chosen by (score, position).
    fn collect_without_pruning(features: &Features, from: Side, to: Side) -> Found {
        let index = postings(features, to);
        let max_list = ALWAYS.max((MAX_SHARE * features.len(to) as f64) as usize);
        let mut found = Found {
            top: vec![NONE; features.len(from) * PER_SENTENCE],
            cut_short: Vec::new(),
        };
        for i in 0..features.len(from) {
            let mut score = vec![0.0f32; features.len(to)];
            let keys: Vec<u32> = features.word_keys(from, i).collect();
            let mut long: Vec<(usize, u32)> = keys
                .iter()
                .map(|&k| (index.get(k).len(), k))
                .filter(|&(len, _)| len > ALWAYS && len <= max_list)
                .collect();
            long.sort_unstable();
            let mut cut_short = keys.iter().any(|&k| index.get(k).len() > max_list);
            let short = keys
                .iter()
                .copied()
                .filter(|&k| index.get(k).len() <= ALWAYS);
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
            let mut met: Vec<u32> = (0..features.len(to) as u32)
                .filter(|&j| score[j as usize] > 0.0)
                .collect();
            met.sort_by(|a, b| {
                score[*b as usize]
                    .total_cmp(&score[*a as usize])
                    .then(a.cmp(b))
            });
            met.truncate(PER_SENTENCE);
            found.top[i * PER_SENTENCE..][..met.len()].copy_from_slice(&met);
            found.cut_short.push(cut_short);
        }
        found
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
                let want = collect_without_pruning(&features, from, to);
                proptest::prop_assert_eq!(found.top, want.top);
                proptest::prop_assert_eq!(found.cut_short, want.cut_short);
            }
        }
    }

    proptest::proptest! {
        /// The rows come each once, in order, as their own slices: empty
        /// rows, a last task shorter than the others, tasks of one row.
        #[test]
        fn par_rows_give_every_row_once(lengths in proptest::collection::vec(proptest::prop_oneof![0usize..1, 0usize..6], 0..40), per_task in 1usize..6) {
            let mut offsets = vec![0];
            for len in &lengths {
                offsets.push(offsets.last().unwrap() + len);
            }
            let mut values: Vec<usize> = (0..*offsets.last().unwrap()).collect();
            let rows: Vec<(usize, Vec<usize>)> = par_rows(&mut values, &offsets, per_task).map(|(k, row)| (k, row.to_vec())).collect();
            proptest::prop_assert!(row_parts(&mut values, &offsets, per_task).iter().all(|(rows, _)| rows.len() <= per_task));
            for (k, row) in &rows {
                proptest::prop_assert_eq!(row, &(offsets[*k]..offsets[k + 1]).collect::<Vec<_>>());
            }
            proptest::prop_assert_eq!(rows.iter().map(|(k, _)| *k).collect::<Vec<_>>(), (0..lengths.len()).collect::<Vec<_>>());
        }

        /// Bucketing by left sentence gives the pairs sorted and each once,
        /// with rows empty, long, and full of repeats.
        #[test]
        fn pairs_by_left_are_sorted_and_distinct(
            lefts in 1usize..40,
            proposed in proptest::collection::vec((0u32..40, proptest::prop_oneof![0u32..4, 0u32..1000]), 0..600),
        ) {
            let proposed: Vec<(u32, u32)> = proposed.into_iter().map(|(l, r)| (l % lefts as u32, r)).collect();
            let got = by_left(lefts, |emit| proposed.iter().for_each(|&(l, r)| emit(l, r)));
            let mut want = proposed.clone();
            want.sort_unstable();
            want.dedup();
            proptest::prop_assert_eq!(got.offsets.len(), lefts + 1);
            proptest::prop_assert_eq!(got.pairs(), want);
        }
    }

    #[test]
    fn a_search_that_followed_every_word_adds_no_neighbours() {
        let text: String = (0..40)
            .map(|i| format!("{} {}.\n", rare(i), rare(i + 100)))
            .collect();
        let doc = Document::parse("d", text);
        let pairs = candidates(&Features::new(&doc, &doc, &PairTokens::new(&doc, &doc))).pairs();
        assert_eq!(pairs, (0..40).map(|i| (i, i)).collect::<Vec<_>>());
    }
}
