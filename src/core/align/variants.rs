//! Spelling variants across a pair of articles: "Russia" / "Russian",
//! "Vovchansk" / "Vovshansk", "favour" / "favor". A rewrite changes word
//! forms that stemming does not unify; a reviewer still reads them as the
//! same word, so the word channel of the similarity should too. (Whether the
//! change matters is for the classifier, which compares exact words.)

use std::collections::HashMap;

/// Shortest word (in characters) we consider for variants: short words
/// differ by one letter and mean different things ("form" / "from").
const MIN_CHARS: usize = 5;

/// Maps each word of `vocabulary` that has a variant to the canonical member
/// of its group (the smallest, so results are deterministic). Words without
/// variants are absent.
pub fn canonical_forms<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, &'a str> {
    // Variants share their first three letters, which keeps the comparison
    // near-linear: only words of one bucket and similar length are compared.
    let mut buckets: HashMap<String, Vec<(usize, &'a str)>> = HashMap::new();
    for word in vocabulary {
        let len = word.chars().count();
        if len >= MIN_CHARS {
            buckets.entry(word.chars().take(3).collect()).or_default().push((len, word));
        }
    }
    let mut groups = UnionFind::default();
    for bucket in buckets.values_mut() {
        bucket.sort_unstable();
        bucket.dedup();
        for (a, &(len_a, word_a)) in bucket.iter().enumerate() {
            for &(len_b, word_b) in &bucket[a + 1..] {
                if len_b - len_a > 3 {
                    break;
                }
                if are_variants(word_a, len_a, word_b, len_b) {
                    groups.union(word_a, word_b);
                }
            }
        }
    }
    groups.canonical()
}

fn are_variants(a: &str, len_a: usize, b: &str, len_b: usize) -> bool {
    let longer = len_a.max(len_b);
    // An inflection or derivation the stemmer left alone: "russia(n)".
    if (b.starts_with(a) || a.starts_with(b)) && longer - len_a.min(len_b) <= if longer >= 8 { 3 } else { 2 } {
        return true;
    }
    let allowed = if longer >= 8 { 2 } else { 1 };
    crate::core::edit_distance::within(a, b, allowed)
}

#[derive(Default)]
struct UnionFind<'a> {
    parent: HashMap<&'a str, &'a str>,
}

impl<'a> UnionFind<'a> {
    fn find(&mut self, word: &'a str) -> &'a str {
        let mut root = word;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        // Path compression keeps later finds short.
        let mut at = word;
        while at != root {
            let next = self.parent[at];
            self.parent.insert(at, root);
            at = next;
        }
        root
    }

    fn union(&mut self, a: &'a str, b: &'a str) {
        self.parent.entry(a).or_insert(a);
        self.parent.entry(b).or_insert(b);
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller word becomes the root: deterministic canonical forms.
        let (root, child) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        self.parent.insert(child, root);
    }

    fn canonical(mut self) -> HashMap<&'a str, &'a str> {
        let words: Vec<&'a str> = self.parent.keys().copied().collect();
        words.into_iter().map(|w| (w, self.find(w))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_spelling_variants_and_inflections() {
        let map = canonical_forms(["vovchansk", "vovshansk", "russia", "russian", "favour", "favor", "moscow"]);
        assert_eq!(map["vovshansk"], "vovchansk");
        assert_eq!(map["russian"], "russia");
        assert_eq!(map["favour"], "favor");
        assert!(!map.contains_key("moscow"));
    }

    #[test]
    fn short_or_distant_words_stay_apart() {
        let map = canonical_forms(["form", "from", "trial", "trail", "president", "pressure"]);
        assert!(map.is_empty(), "{map:?}");
    }
}
