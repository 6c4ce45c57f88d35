//! Word lists shipped as data in `assets/lexicon/<language>/`, embedded at
//! build time: one [`Lexicon`] per language with lists (English, French,
//! German, Spanish, Portuguese). A language without lists gets the empty
//! lexicon: only the detectors that need no words run for it.

use std::sync::LazyLock;

use crate::core::hashing::{KeyMap, KeySet};

/// A word list. The detectors look up every word of a link in several
/// lists: a fast hash (the words are not adversarial) keeps that cheap.
pub type Set = KeySet<&'static str>;

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse(list: &'static str) -> Set {
    entries(list).collect()
}

/// Lines "key: value value…".
fn pairs(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(list)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
}

/// "a: b c" lines read both ways: a -> [b, c], b -> [a], c -> [a].
fn antonyms(list: &'static str) -> KeyMap<&'static str, Vec<&'static str>> {
    let mut out: KeyMap<&'static str, Vec<&'static str>> = KeyMap::default();
    for (word, opposites) in pairs(list) {
        for o in opposites.split_whitespace() {
            out.entry(word).or_default().push(o);
            out.entry(o).or_default().push(word);
        }
    }
    out
}

/// The word lists of one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// ISO 639-1 code of the language ("en"); empty for the empty lexicon.
    pub code: &'static str,
    /// Function words: never names, even capitalised.
    pub stopwords: Set,
    /// Negation cues (see [`Lexicon::is_negation`] for prefixes and suffixes).
    pub negation: Set,
    negation_prefixes: Vec<&'static str>,
    negation_suffixes: Vec<&'static str>,
    /// Words and their opposites ("rose" / "fell"), both ways.
    pub antonyms: KeyMap<&'static str, Vec<&'static str>>,
    /// Denial verbs, each with the affirmative forms it contradicts.
    pub denial: KeyMap<&'static str, Vec<&'static str>>,
    pub hedges: Set,
    pub certainty: Set,
    pub titles: Set,
    pub title_modifiers: Set,
    /// Weekdays, months and time words.
    pub time: Set,
    pub vague_time: Set,
    /// Number words and their values ("three" -> "3").
    pub numbers: KeyMap<&'static str, &'static str>,
    pub speech: Set,
    pub vague_sources: Set,
    pub places: Set,
    pub pronouns: Set,
    pub auxiliaries: Set,
    /// Elided words written before an apostrophe ("l'", "d'", "qu'"),
    /// without the apostrophe: "l'ancien" is read as "ancien".
    pub elisions: Set,
    /// Short words that may join two cues of one phrase.
    pub link_words: Set,
    /// Abbreviations that never end a sentence ("mme", "z.b", "sra").
    pub abbreviations: Set,
    /// The base form of each irregular verb form ("struck" -> "strike").
    pub irregular_verbs: KeyMap<&'static str, &'static str>,
}

/// The files of one language directory.
struct Files {
    code: &'static str,
    stopwords: &'static str,
    negation: &'static str,
    denial: &'static str,
    antonyms: &'static str,
    hedges: &'static str,
    certainty: &'static str,
    titles: &'static str,
    title_modifiers: &'static str,
    time: &'static str,
    vague_time: &'static str,
    numbers: &'static str,
    speech: &'static str,
    vague_sources: &'static str,
    places: &'static str,
    pronouns: &'static str,
    auxiliaries: &'static str,
    link_words: &'static str,
    elisions: &'static str,
    abbreviations: &'static str,
    irregular_verbs: &'static str,
}

macro_rules! files {
    ($code:literal) => {
        Files {
            code: $code,
            stopwords: include_str!(concat!("../../assets/lexicon/", $code, "/stopwords.txt")),
            negation: include_str!(concat!("../../assets/lexicon/", $code, "/negation.txt")),
            denial: include_str!(concat!("../../assets/lexicon/", $code, "/denial.txt")),
            antonyms: include_str!(concat!("../../assets/lexicon/", $code, "/antonyms.txt")),
            hedges: include_str!(concat!("../../assets/lexicon/", $code, "/hedges.txt")),
            certainty: include_str!(concat!("../../assets/lexicon/", $code, "/certainty.txt")),
            titles: include_str!(concat!("../../assets/lexicon/", $code, "/titles.txt")),
            title_modifiers: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/title-modifiers.txt"
            )),
            time: include_str!(concat!("../../assets/lexicon/", $code, "/time.txt")),
            vague_time: include_str!(concat!("../../assets/lexicon/", $code, "/vague-time.txt")),
            numbers: include_str!(concat!("../../assets/lexicon/", $code, "/numbers.txt")),
            speech: include_str!(concat!("../../assets/lexicon/", $code, "/speech.txt")),
            vague_sources: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/vague-sources.txt"
            )),
            places: include_str!(concat!("../../assets/lexicon/", $code, "/places.txt")),
            pronouns: include_str!(concat!("../../assets/lexicon/", $code, "/pronouns.txt")),
            auxiliaries: include_str!(concat!("../../assets/lexicon/", $code, "/auxiliaries.txt")),
            link_words: include_str!(concat!("../../assets/lexicon/", $code, "/link-words.txt")),
            elisions: include_str!(concat!("../../assets/lexicon/", $code, "/elisions.txt")),
            abbreviations: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/abbreviations.txt"
            )),
            irregular_verbs: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/irregular-verbs.txt"
            )),
        }
    };
}

impl Lexicon {
    fn load(f: Files) -> Self {
        let negation_all = parse(f.negation);
        // "n'" is a prefix (French "n'a"), "-n't" a suffix (English "didn't").
        let negation_prefixes = negation_all
            .iter()
            .copied()
            .filter(|w| w.ends_with('\''))
            .collect();
        let negation_suffixes = negation_all
            .iter()
            .filter_map(|w| w.strip_prefix('-'))
            .collect();
        Lexicon {
            code: f.code,
            stopwords: parse(f.stopwords),
            negation: negation_all
                .into_iter()
                .filter(|w| !w.ends_with('\'') && !w.starts_with('-'))
                .collect(),
            negation_prefixes,
            negation_suffixes,
            antonyms: antonyms(f.antonyms),
            denial: pairs(f.denial)
                .map(|(k, v)| (k, v.split_whitespace().collect()))
                .collect(),
            hedges: parse(f.hedges),
            certainty: parse(f.certainty),
            titles: parse(f.titles),
            title_modifiers: parse(f.title_modifiers),
            time: parse(f.time),
            vague_time: parse(f.vague_time),
            numbers: pairs(f.numbers).collect(),
            speech: parse(f.speech),
            vague_sources: parse(f.vague_sources),
            places: parse(f.places),
            pronouns: parse(f.pronouns),
            auxiliaries: parse(f.auxiliaries),
            link_words: parse(f.link_words),
            elisions: parse(f.elisions),
            abbreviations: parse(f.abbreviations),
            irregular_verbs: pairs(f.irregular_verbs)
                .flat_map(|(base, forms)| forms.split_whitespace().map(move |f| (f, base)))
                .collect(),
        }
    }

    /// Does `word` (normalised) negate, by itself or by a negating prefix or
    /// suffix ("n'a", "didn't")? Denial verbs are not counted here.
    pub fn is_negation(&self, word: &str) -> bool {
        (self.negation.contains(word) && !self.denial.contains_key(word))
            || self
                .negation_prefixes
                .iter()
                .any(|p| word.starts_with(p) && word.len() > p.len())
            || self.negation_suffixes.iter().any(|s| word.ends_with(s))
    }

    /// The value of a number word or numeral, as a string ("two" -> "2").
    pub fn number_value<'w>(&self, word: &'w str) -> Option<&'w str> {
        if let Some(&v) = self.numbers.get(word) {
            return Some(v);
        }
        crate::core::tokens::is_number(word).then_some(word)
    }

    /// Has this language word lists? (The empty lexicon has none.)
    pub fn has_lists(&self) -> bool {
        !self.code.is_empty()
    }
}

/// The languages with word lists.
pub static LEXICONS: LazyLock<[Lexicon; 5]> = LazyLock::new(|| {
    [
        files!("en"),
        files!("fr"),
        files!("de"),
        files!("es"),
        files!("pt"),
    ]
    .map(Lexicon::load)
});

static EMPTY: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);

/// The lexicon of the language with ISO 639-1 code `code`, or the empty
/// lexicon for a language without lists.
pub fn for_language(code: &str) -> &'static Lexicon {
    LEXICONS.iter().find(|l| l.code == code).unwrap_or(&EMPTY)
}

/// English function words, ignored by the similarity's word channel.
pub static STOPWORDS: LazyLock<&'static Set> = LazyLock::new(|| &for_language("en").stopwords);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_without_comments() {
        let en = for_language("en");
        assert!(STOPWORDS.contains("the") && !STOPWORDS.iter().any(|w| w.starts_with('#')));
        assert!(en.negation.contains("denied") && en.hedges.contains("reportedly"));
        assert!(
            en.titles.contains("son-in-law")
                && en.time.contains("monday")
                && en.places.contains("border")
        );
        assert_eq!(
            en.denial["denied"],
            vec!["confirmed", "admitted", "accepted", "acknowledged"]
        );
        assert_eq!(en.irregular_verbs["struck"], "strike");
        assert_eq!(en.number_value("three"), Some("3"));
    }

    #[test]
    fn every_language_has_every_list() {
        for lex in LEXICONS.iter() {
            for (name, list) in [
                ("time", &lex.time),
                ("negation", &lex.negation),
                ("hedges", &lex.hedges),
                ("speech", &lex.speech),
                ("titles", &lex.titles),
                ("vague sources", &lex.vague_sources),
            ] {
                assert!(!list.is_empty(), "{}: no {name}", lex.code);
            }
            assert!(lex.numbers.len() >= 15, "{}: number words", lex.code);
        }
        assert!(
            for_language("fr").time.contains("mardi") && for_language("de").numbers["drei"] == "3"
        );
        assert!(
            for_language("fr").is_negation("n'a")
                && for_language("en").is_negation("didn't")
                && !for_language("en").is_negation("denied")
        );
        assert!(!for_language("zh").has_lists() && for_language("zh").time.is_empty());
    }
}
