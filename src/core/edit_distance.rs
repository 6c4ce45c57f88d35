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
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    if b.len() < STACK {
        let (mut prev, mut cur) = ([0usize; STACK], [0usize; STACK]);
        rows(a, b, limit, &mut prev[..=b.len()], &mut cur[..=b.len()])
    } else {
        rows(a, b, limit, &mut vec![0; b.len() + 1], &mut vec![0; b.len() + 1])
    }
}

/// The Levenshtein table row by row in two buffers of `b.len() + 1`.
fn rows<'r, T: PartialEq>(a: &[T], b: &[T], limit: usize, mut prev: &'r mut [usize], mut cur: &'r mut [usize]) -> Option<usize> {
    for (j, d) in prev.iter_mut().enumerate() {
        *d = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().all(|&d| d > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
}

/// 1 - distance / length of the longer string, in [0, 1]; 1 for two empty strings.
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 { 1.0 } else { 1.0 - levenshtein(a, b) as f64 / longest as f64 }
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
}
