//! Word lists shipped as data in `assets/lexicon/`, embedded at build time.

use std::collections::HashSet;
use std::sync::LazyLock;

fn parse(list: &'static str) -> HashSet<&'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

pub static STOPWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../assets/lexicon/stopwords.txt")));
pub static NEGATION: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../assets/lexicon/negation.txt")));
pub static HEDGES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| parse(include_str!("../../assets/lexicon/hedges.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_without_comments() {
        assert!(STOPWORDS.contains("the") && !STOPWORDS.iter().any(|w| w.starts_with('#')));
        assert!(NEGATION.contains("denied"));
        assert!(HEDGES.contains("reportedly"));
    }
}
