//! Spelling variants across a pair of articles: "Russia" / "Russian",
//! "Vovchansk" / "Vovshansk", "favour" / "favor". A rewrite changes word
//! forms that stemming does not unify; a reviewer still reads them as the
//! same word, so the word channel of the similarity should too. (Whether the
//! change matters is for the classifier, which compares exact words.)

use rayon::prelude::*;

use crate::core::hashing::KeyMap;

/// Shortest word (in characters) we consider for variants: short words
/// differ by one letter and mean different things ("form" / "from").
const MIN_CHARS: usize = 5;

/// Can `word` have spelling variants? Not when short, nor when it holds a
/// digit: "patient123" / "patient124", "2,500" / "2,600" or "a320" /
/// "a321" are other patients, figures and models, never another spelling.
/// Folding them made look-alike sentences one feature (and a bucket of
/// thousands of ids, each compared with all the others, made the search
/// quadratic).
fn may_vary(word: &str) -> bool {
    word.chars().count() >= MIN_CHARS && !word.chars().any(char::is_numeric)
}

/// Most forms a word's spellings and inflections have. A larger group is a
/// chain of words each a letter from the next (a vocabulary dense in short
/// words, which grows with the text), not one word: folding it would make
/// unrelated words one feature, more so the longer the articles.
const MAX_GROUP: usize = 8;

/// Most letters a word and its variant are apart, in length and in letter
/// counts: an extension of up to three letters ("russia" / "russians").
const MOST_APART: usize = 3;

/// A word with what the comparison needs at hand.
struct Word<'a> {
    text: &'a str,
    chars: usize,
    /// Letter counts over 32 classes (a char's code modulo 32: the ASCII
    /// letters each have their own). Two words whose counts differ by more
    /// than `k` letters are more than `k` edits apart (the bag distance is
    /// a lower bound of the edit distance, and merging letters into classes
    /// only lowers it), which spares most edit-distance tables.
    letters: [u8; 32],
}

impl<'a> Word<'a> {
    fn new(text: &'a str) -> Self {
        let mut letters = [0u8; 32];
        for c in text.chars() {
            let slot = &mut letters[c as usize % 32];
            *slot = slot.saturating_add(1);
        }
        Word {
            text,
            chars: text.chars().count(),
            letters,
        }
    }

    /// Kept to byte arithmetic over the fixed 32 slots (at most 32 x 255
    /// fits a u16), which compiles to a few vector instructions without a
    /// loop: it runs for nearly every pair of a bucket.
    fn bag_distance(&self, other: &Word) -> usize {
        let (mut more, mut fewer) = (0u16, 0u16);
        for (a, b) in self.letters.iter().zip(&other.letters) {
            more += u16::from(a.saturating_sub(*b));
            fewer += u16::from(b.saturating_sub(*a));
        }
        usize::from(more.max(fewer))
    }
}

/// Maps each word of `vocabulary` that has a variant to the canonical member
/// of its group (the smallest, so results are deterministic). Words without
/// variants are absent.
pub fn canonical_forms<'a>(
    vocabulary: impl IntoIterator<Item = &'a str>,
) -> KeyMap<&'a str, &'a str> {
    let mut words: Vec<&'a str> = vocabulary.into_iter().filter(|w| may_vary(w)).collect();
    words.sort_unstable();
    words.dedup();
    let words: Vec<Word<'a>> = words.into_iter().map(Word::new).collect();
    // Variants share their first three letters, which keeps the comparison
    // near-linear: only words of one bucket and similar length are compared.
    let mut buckets: KeyMap<[char; 3], Vec<u32>> = KeyMap::default();
    for (k, word) in words.iter().enumerate() {
        let mut first = word.text.chars();
        let key = [(); 3].map(|_| first.next().unwrap_or(' '));
        buckets.entry(key).or_default().push(k as u32);
    }
    let mut buckets: Vec<Vec<u32>> = buckets.into_values().collect();
    // Buckets are independent: compare them on all cores, then join the
    // groups in one deterministic order.
    let found: Vec<Compared> = buckets
        .par_iter_mut()
        .with_max_len(16)
        .map(|bucket| compare_bucket(&words, bucket))
        .collect();
    let (mut edges, mut crowded) = (Vec::new(), Vec::new());
    for bucket in found {
        edges.extend(bucket.edges);
        crowded.extend(bucket.crowded);
    }
    edges.sort_unstable();
    let mut groups = UnionFind::new(words.len());
    for (a, b) in edges {
        groups.union(a as usize, b as usize);
    }
    // Word indices follow the words' order, so a group's smallest index is
    // its smallest word.
    let roots: Vec<Option<usize>> = (0..words.len())
        .map(|k| groups.joined[k].then(|| groups.find(k)))
        .collect();
    let mut sizes = vec![0usize; words.len()];
    for root in roots.iter().flatten() {
        sizes[*root] += 1;
    }
    for k in crowded {
        sizes[groups.find(k as usize)] = MAX_GROUP + 1;
    }
    roots
        .iter()
        .enumerate()
        .filter_map(|(k, root)| {
            root.filter(|&r| sizes[r] <= MAX_GROUP)
                .map(|r| (words[k].text, words[r].text))
        })
        .collect()
}

/// The variant pairs of one bucket, and its crowded words: those with
/// [`MAX_GROUP`] variants after them in the bucket's order. A crowded
/// word's group is too large to be one word's spellings whatever else it
/// holds, so its search stops there: in a bucket of look-alike codes
/// ("clientaaab", "clientaaac", …) every word has such neighbours, and
/// comparing each with all the others was quadratic in time and in edges.
fn compare_bucket(words: &[Word], bucket: &mut [u32]) -> Compared {
    bucket.sort_unstable_by_key(|&k| (words[k as usize].chars, words[k as usize].text));
    let (mut edges, mut crowded) = (Vec::new(), Vec::new());
    for (a, &ka) in bucket.iter().enumerate() {
        let word_a = &words[ka as usize];
        let mut variants = 0;
        for &kb in &bucket[a + 1..] {
            let word_b = &words[kb as usize];
            if word_b.chars - word_a.chars > MOST_APART {
                break;
            }
            if are_variants(word_a, word_b) {
                edges.push((ka, kb));
                variants += 1;
                if variants == MAX_GROUP {
                    crowded.push(ka);
                    break;
                }
            }
        }
    }
    Compared { edges, crowded }
}

/// What comparing a bucket found: pairs of variants (word indices), and
/// the crowded words.
struct Compared {
    edges: Vec<(u32, u32)>,
    crowded: Vec<u32>,
}

/// `a` is no longer than `b` (and they differ, so only `b` can extend `a`).
fn are_variants(a: &Word, b: &Word) -> bool {
    let longer = b.chars;
    // Both tests below pass only within [`MOST_APART`] letters of bag distance
    // (a word and its extension differ by the letters added): most pairs of
    // a bucket are told apart here, without comparing their texts.
    let bag = a.bag_distance(b);
    if bag > MOST_APART {
        return false;
    }
    // An inflection or derivation the stemmer left alone: "russia(n)".
    if b.text.starts_with(a.text) && longer - a.chars <= if longer >= 8 { MOST_APART } else { 2 } {
        return true;
    }
    let allowed = if longer >= 8 { 2 } else { 1 };
    bag <= allowed && crate::core::edit_distance::within(a.text, b.text, allowed)
}

/// Groups of word indices; a group's root is its smallest index.
struct UnionFind {
    parent: Vec<usize>,
    /// The word has a variant.
    joined: Vec<bool>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            joined: vec![false; n],
        }
    }

    fn find(&mut self, k: usize) -> usize {
        let mut root = k;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        // Path compression keeps later finds short.
        let mut at = k;
        while at != root {
            at = std::mem::replace(&mut self.parent[at], root);
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        self.joined[a] = true;
        self.joined[b] = true;
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn groups_spelling_variants_and_inflections() {
        let map = canonical_forms([
            "vovchansk",
            "vovshansk",
            "russia",
            "russian",
            "favour",
            "favor",
            "moscow",
        ]);
        assert_eq!(map["vovshansk"], "vovchansk");
        assert_eq!(map["russian"], "russia");
        assert_eq!(map["favour"], "favor");
        assert!(!map.contains_key("moscow"));
    }

    #[test]
    fn a_long_chain_of_one_letter_neighbours_is_not_one_word() {
        let chain = [
            "kalomer", "kalomen", "kalomon", "kalonon", "kalanon", "kalanan", "kalasan", "kalasin",
            "kalisin", "kolisin",
        ];
        assert!(canonical_forms(chain).is_empty());
        assert_eq!(canonical_forms(chain[..3].iter().copied()).len(), 3);
    }

    /// Every pair compared, groups by repeated relabelling: slow and plain.
    fn reference(words: &[String]) -> HashMap<String, String> {
        let mut words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| w.chars().count() >= MIN_CHARS && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        words.sort_unstable();
        words.dedup();
        let chars = |w: &str| w.chars().count();
        let first3 = |w: &str| w.chars().take(3).collect::<String>();
        let mut label: Vec<usize> = (0..words.len()).collect();
        let mut joined = vec![false; words.len()];
        for a in 0..words.len() {
            for b in 0..words.len() {
                let (wa, wb) = (words[a], words[b]);
                let (la, lb) = (chars(wa), chars(wb));
                if a == b || first3(wa) != first3(wb) || la > lb || lb - la > 3 {
                    continue;
                }
                let longer = lb;
                let prefix = wb.starts_with(wa) && lb - la <= if longer >= 8 { 3 } else { 2 };
                let edits = crate::core::edit_distance::levenshtein(wa, wb)
                    <= if longer >= 8 { 2 } else { 1 };
                if prefix || edits {
                    joined[a] = true;
                    joined[b] = true;
                    let (from, to) = (label[a].max(label[b]), label[a].min(label[b]));
                    label
                        .iter_mut()
                        .filter(|l| **l == from)
                        .for_each(|l| *l = to);
                }
            }
        }
        (0..words.len())
            .filter(|&k| joined[k] && label.iter().filter(|&&l| l == label[k]).count() <= MAX_GROUP)
            .map(|k| (words[k].to_string(), words[label[k]].to_string()))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_fast_grouping_equals_comparing_every_pair(words in proptest::collection::vec("(ka|lo|ri|ab|é)[abkor1]{3,8}", 0..60)) {
            let fast: HashMap<String, String> =
                canonical_forms(words.iter().map(String::as_str)).into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            proptest::prop_assert_eq!(fast, reference(&words));
        }
    }

    proptest::proptest! {
        /// In a dense vocabulary the search of a crowded word stops early,
        /// so a group the full comparison finds too large may be found in
        /// part; but every group the full comparison keeps is kept whole.
        #[test]
        fn in_a_dense_vocabulary_every_group_kept_is_kept_whole(words in proptest::collection::vec("kal[abo]{4,6}", 0..120)) {
            let fast: HashMap<String, String> =
                canonical_forms(words.iter().map(String::as_str)).into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            for (word, canonical) in reference(&words) {
                proptest::prop_assert_eq!(fast.get(&word), Some(&canonical));
            }
        }
    }

    #[test]
    fn look_alike_codes_are_crowded_not_compared_with_each_other() {
        let codes: Vec<String> = (0..26 * 26)
            .map(|k| {
                format!(
                    "client{}{}",
                    (b'a' + (k / 26) as u8) as char,
                    (b'a' + (k % 26) as u8) as char
                )
            })
            .collect();
        assert!(canonical_forms(codes.iter().map(String::as_str)).is_empty());
    }

    #[test]
    fn ids_figures_and_models_are_not_spellings() {
        let map = canonical_forms([
            "patient123",
            "patient124",
            "2,500",
            "2,600",
            "a320neo",
            "a321neo",
        ]);
        assert!(map.is_empty(), "{map:?}");
    }

    #[test]
    fn short_or_distant_words_stay_apart() {
        let map = canonical_forms(["form", "from", "trial", "trail", "president", "pressure"]);
        assert!(map.is_empty(), "{map:?}");
    }
}
