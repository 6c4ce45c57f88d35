//! Word lists shipped as data in `assets/lexicon/`, embedded at build time.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

fn parse(list: &'static str) -> HashSet<&'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}


macro_rules! word_list {
    ($name:ident, $file:literal, $doc:literal) => {
        #[doc = $doc]
        pub static $name: LazyLock<HashSet<&'static str>> =
            LazyLock::new(|| parse(include_str!(concat!("../../assets/lexicon/", $file))));
    };
}

word_list!(STOPWORDS, "stopwords.txt", "Function words, ignored by the similarity's word channel.");
word_list!(NEGATION, "negation.txt", "Negation and contradiction cues.");
word_list!(HEDGES, "hedges.txt", "Hedges: words that make a claim less certain.");
word_list!(TITLES, "titles.txt", "Titles, roles and their modifiers.");
word_list!(TITLE_MODIFIERS, "title-modifiers.txt", "Words that change what a title means.");
word_list!(TIME, "time.txt", "Weekdays, months and relative time words.");
word_list!(VAGUE_TIME, "vague-time.txt", "Time words that say less than a date.");
word_list!(CERTAINTY, "certainty.txt", "Words of certainty, set against hedges.");
word_list!(SPEECH, "speech.txt", "Verbs that attribute a statement.");
word_list!(VAGUE_SOURCES, "vague-sources.txt", "Sources that name nobody.");
word_list!(PLACES, "places.txt", "Place nouns and directions.");

/// Denial verbs, each with the affirmative verbs it contradicts.
pub static DENIAL: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("../../assets/lexicon/denial.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(verb, opposites)| (verb.trim(), opposites.split_whitespace().collect()))
        .collect()
});

/// The base form of an irregular verb form ("struck" -> "strike").
pub static IRREGULAR_VERBS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../assets/lexicon/irregular-verbs.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .flat_map(|(base, forms)| forms.split_whitespace().map(move |f| (f, base.trim())))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_without_comments() {
        assert!(STOPWORDS.contains("the") && !STOPWORDS.iter().any(|w| w.starts_with('#')));
        assert!(NEGATION.contains("denied"));
        assert!(HEDGES.contains("reportedly"));
        assert!(TITLES.contains("son-in-law") && TIME.contains("monday") && PLACES.contains("border"));
        assert_eq!(DENIAL["denied"], vec!["confirmed", "admitted", "accepted", "acknowledged"]);
        assert_eq!(IRREGULAR_VERBS["struck"], "strike");
    }
}
