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
    /// Hedges that hedge only before certain words ("could" before "be"),
    /// with those words; "#" stands for a figure.
    pub hedge_contexts: KeyMap<&'static str, Vec<&'static str>>,
    pub titles: Set,
    pub title_modifiers: Set,
    /// Weekdays, months and time words.
    pub time: Set,
    pub vague_time: Set,
    /// Number words and what each does in a number ("three" adds 3,
    /// "hundred" multiplies by 100, "and" joins two number words).
    pub numbers: KeyMap<&'static str, NumberWord>,
    /// Month names and their numbers ("avril" -> 4): a day number beside
    /// one is a date, not a count.
    pub months: KeyMap<&'static str, u32>,
    /// Words after a figure that say what it counts, by unit ("percent" ->
    /// "%", "euros" -> "€"); two-word forms with a space ("per cent").
    pub units: KeyMap<&'static str, &'static str>,
    /// Decimals are written with a comma ("6,2"), thousands with a dot or a
    /// space ("1.200", "1 200"); English writes "6.2" and "1,200".
    pub decimal_comma: bool,
    pub speech: Set,
    pub vague_sources: Set,
    pub places: Set,
    /// Kinds of place ("town", "região"): part of a place phrase, no place
    /// by themselves.
    pub place_nouns: Set,
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

/// What a number word does in a number (see `numbers.txt`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// Adds its value ("fifty", "oito").
    Value(f64),
    /// Multiplies what stands before it ("hundred", "millions").
    Times(f64),
    /// An approximate value ("trentaine").
    About(f64),
    /// An ordinal ("third").
    Ordinal(f64),
    /// Joins two number words ("and", "e", "und").
    Joiner,
}

impl NumberWord {
    /// "12", "*100", "~30", "#3" or "+".
    fn parse(v: &str) -> Option<Self> {
        let number = |s: &str| s.parse::<f64>().ok();
        Some(match v.as_bytes().first()? {
            b'*' => NumberWord::Times(number(&v[1..])?),
            b'~' => NumberWord::About(number(&v[1..])?),
            b'#' => NumberWord::Ordinal(number(&v[1..])?),
            b'+' => NumberWord::Joiner,
            _ => NumberWord::Value(number(v)?),
        })
    }
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
    hedge_contexts: &'static str,
    titles: &'static str,
    title_modifiers: &'static str,
    time: &'static str,
    vague_time: &'static str,
    numbers: &'static str,
    months: &'static str,
    units: &'static str,
    speech: &'static str,
    vague_sources: &'static str,
    places: &'static str,
    place_nouns: &'static str,
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
            hedge_contexts: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/hedge-contexts.txt"
            )),
            titles: include_str!(concat!("../../assets/lexicon/", $code, "/titles.txt")),
            title_modifiers: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/title-modifiers.txt"
            )),
            time: include_str!(concat!("../../assets/lexicon/", $code, "/time.txt")),
            vague_time: include_str!(concat!("../../assets/lexicon/", $code, "/vague-time.txt")),
            numbers: include_str!(concat!("../../assets/lexicon/", $code, "/numbers.txt")),
            months: include_str!(concat!("../../assets/lexicon/", $code, "/months.txt")),
            units: include_str!(concat!("../../assets/lexicon/", $code, "/units.txt")),
            speech: include_str!(concat!("../../assets/lexicon/", $code, "/speech.txt")),
            vague_sources: include_str!(concat!(
                "../../assets/lexicon/",
                $code,
                "/vague-sources.txt"
            )),
            places: include_str!(concat!("../../assets/lexicon/", $code, "/places.txt")),
            place_nouns: include_str!(concat!("../../assets/lexicon/", $code, "/place-nouns.txt")),
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
            hedge_contexts: pairs(f.hedge_contexts)
                .map(|(k, v)| (k, v.split_whitespace().collect()))
                .collect(),
            titles: parse(f.titles),
            title_modifiers: parse(f.title_modifiers),
            time: parse(f.time),
            vague_time: parse(f.vague_time),
            numbers: pairs(f.numbers)
                .filter_map(|(w, v)| NumberWord::parse(v).map(|n| (w, n)))
                .collect(),
            months: pairs(f.months)
                .filter_map(|(m, n)| Some((m, n.parse().ok()?)))
                .collect(),
            units: pairs(f.units)
                .flat_map(|(unit, forms)| forms.split(',').map(move |f| (f.trim(), unit)))
                .collect(),
            decimal_comma: f.code != "en",
            speech: parse(f.speech),
            vague_sources: parse(f.vague_sources),
            places: parse(f.places),
            place_nouns: parse(f.place_nouns),
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

    /// What the number word `word` (normalised) does in a number: one
    /// entry of the list, or, for a compound written as one word
    /// ("zweiundzwanzig", "dreihundert"), its parts in order.
    pub fn number_word(&self, word: &str) -> Option<Vec<NumberWord>> {
        if let Some(&n) = self.numbers.get(word) {
            return Some(vec![n]);
        }
        // Only long words are compounds: "acht" is a number, "achtung" not.
        if word.len() < 8 || !self.decimal_comma {
            return None;
        }
        let mut parts = Vec::new();
        let mut rest = word;
        while !rest.is_empty() {
            let (len, n) = self
                .numbers
                .iter()
                .filter(|(w, _)| rest.starts_with(**w))
                .map(|(w, n)| (w.len(), *n))
                .max_by_key(|(len, _)| *len)?;
            parts.push(n);
            rest = &rest[len..];
        }
        let joiner = |n: Option<&NumberWord>| n.is_none_or(|n| *n == NumberWord::Joiner);
        (parts.len() >= 2 && !joiner(parts.first()) && !joiner(parts.last())).then_some(parts)
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
        assert_eq!(en.number_word("three"), Some(vec![NumberWord::Value(3.0)]));
        assert_eq!(en.units["per cent"], "%");
    }

    #[test]
    fn german_compounds_are_read_part_by_part() {
        let de = for_language("de");
        use NumberWord::*;
        assert_eq!(
            de.number_word("zweiundzwanzig"),
            Some(vec![Value(2.0), Joiner, Value(20.0)])
        );
        assert_eq!(
            de.number_word("dreihundertfünfzig"),
            Some(vec![Value(3.0), Times(100.0), Value(50.0)])
        );
        assert_eq!(de.number_word("achtung"), None);
        assert_eq!(de.number_word("elfmeter"), None);
        assert_eq!(for_language("en").number_word("fortyfive"), None);
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
            for_language("fr").time.contains("mardi")
                && for_language("de").numbers["drei"] == NumberWord::Value(3.0)
        );
        assert!(
            for_language("fr").is_negation("n'a")
                && for_language("en").is_negation("didn't")
                && !for_language("en").is_negation("denied")
        );
        assert!(!for_language("zh").has_lists() && for_language("zh").time.is_empty());
    }
}
