//! Levenshtein edit distance over characters, shared by spelling-variant
//! folding, the name detector and note re-anchoring.

/// The number of single-character insertions, deletions and substitutions
/// that turn `a` into `b`.
pub fn levenshtein(a: &str, b: &str) -> usize {
    bounded(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// Is the edit distance at most `limit`? Stops as soon as a row of the
/// table exceeds the limit, so unrelated words cost little.
pub fn within(a: &str, b: &str, limit: usize) -> bool {
    bounded(a, b, limit).is_some()
}

/// The edit distance if it is at most `limit`. Called for many word pairs
/// (spelling variants, names), so it avoids allocating: ASCII words are
/// compared as bytes, and short words use rows on the stack.
fn bounded(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        bounded_slices(a.as_bytes(), b.as_bytes(), limit)
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        bounded_slices(&a, &b, limit)
    }
}

fn bounded_slices<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    const STACK: usize = 64;
    // A common beginning or end costs no edit, so only what lies between is
    // compared: for two spellings of one word ("Vovchansk" / "Vovshansk"),
    // a letter or two in place of the whole table.
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    let same = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - same], &b[..b.len() - same]);
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    if b.len() < STACK {
        let (mut prev, mut cur) = ([0usize; STACK], [0usize; STACK]);
        rows(a, b, limit, &mut prev[..=b.len()], &mut cur[..=b.len()])
    } else {
        rows(
            a,
            b,
            limit,
            &mut vec![0; b.len() + 1],
            &mut vec![0; b.len() + 1],
        )
    }
}

/// The Levenshtein table row by row in two buffers of `b.len() + 1`, only
/// the band of cells within `limit` of the diagonal: a cell further off is
/// at least its distance from the diagonal, so above the limit whatever
/// the letters. The cells just outside the band hold `limit + 1`, which
/// keeps every cell inside it exact when at most `limit` and above the
/// limit otherwise. Spelling-variant folding and the name detector ask it
/// of tens of thousands of word pairs with a limit of 1 or 2: three to five
/// cells a row instead of the word's length.
fn rows<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> Option<usize> {
    let far = limit.saturating_add(1);
    for (j, d) in prev.iter_mut().enumerate() {
        *d = j.min(far);
    }
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        // The band of this row; the caller has checked that the lengths
        // differ by at most `limit`, so it is never empty.
        let (lo, hi) = (
            row.saturating_sub(limit),
            row.saturating_add(limit).min(b.len()),
        );
        if lo == 0 {
            cur[0] = row;
        } else {
            cur[lo - 1] = far;
        }
        for c in lo.max(1)..=hi {
            cur[c] = (prev[c - 1] + usize::from(*ca != b[c - 1]))
                .min(prev[c] + 1)
                .min(cur[c - 1] + 1);
        }
        // The next row reads the cell after this band as the one above.
        if hi < b.len() {
            cur[hi + 1] = far;
        }
        if cur[lo..=hi].iter().all(|&d| d > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
}

/// 1 - distance / length of the longer string, in [0, 1]; 1 for two empty strings.
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        1.0
    } else {
        1.0 - levenshtein(a, b) as f64 / longest as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein("vovchansk", "vovshansk"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert!(within("favour", "favor", 1) && !within("trial", "trail", 1));
        // Non-ASCII words are compared by characters, and long words too.
        assert!(within("Zelenskyy", "Zełenskyy", 1) && !within("Kyiv", "Київ", 2));
        let long = "a".repeat(100);
        assert!(within(&long, &format!("{long}b"), 1) && !within(&long, &"b".repeat(100), 3));
        assert_eq!(similarity("", ""), 1.0);
        assert!((similarity("abcd", "abce") - 0.75).abs() < 1e-9);
    }

    /// The whole table, every cell: what the band must agree with.
    fn full_table(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest::proptest! {
        /// The banded table gives the distance exactly when it is within the
        /// limit, and says so otherwise: on random words from a small
        /// alphabet (so distances near the limit are common), ASCII or not.
        #[test]
        fn the_band_agrees_with_the_whole_table(a in "[abcé]{0,12}", b in "[abcé]{0,12}", limit in 0usize..5) {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let want = full_table(&ca, &cb);
            proptest::prop_assert_eq!(bounded(&a, &b, limit), Some(want).filter(|&d| d <= limit));
            proptest::prop_assert_eq!(levenshtein(&a, &b), want);
        }
    }
}
