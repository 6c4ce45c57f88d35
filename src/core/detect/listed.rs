//! Which word lists each distinct word of a pair is in. The detectors ask
//! of every word of every link whether it is a title, a place, a hedge, a
//! speech verb…; a word's answers depend only on the word and its side's
//! language, so they are looked up once per distinct word, before any link
//! is read, and a question costs a bit test.

use rayon::prelude::*;

use super::name_family::Names;
use crate::core::Side;
use crate::core::lexicon::{Lexicon, Set};
use crate::core::tokens::Vocabulary;

/// What the detectors ask of a word. Unless said otherwise, the word is
/// asked without an elided article ("l'ancien" is asked as "ancien").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Stopword,
    Hedge,
    Certainty,
    /// A title or role; in German also a compound ending in one of six
    /// letters or more ("Bahnsprecherin").
    Title,
    TitleModifier,
    Time,
    VagueTime,
    Speech,
    VagueSource,
    Place,
    PlaceNoun,
    Pronoun,
    Auxiliary,
    LinkWord,
    /// A denial verb ([`Lexicon::denial`]).
    Denial,
    /// A negation, the word as written ([`Lexicon::is_negation`]).
    Negation,
    /// One of the pair's [`Names`].
    Name,
    /// One of the pair's [`Names`], the word as written.
    NameAsWritten,
    /// A numeral or a number word ([`Lexicon::number_word`]).
    Number,
}

impl List {
    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The lexicon's list, for the lists a hyphenated compound is looked up in.
    pub fn set(self, lex: &Lexicon) -> Option<&Set> {
        SETS.iter()
            .find(|(list, _)| *list == self)
            .map(|(_, set)| set(lex))
    }
}

/// Where a list stands in a lexicon.
type Field = fn(&Lexicon) -> &Set;

/// The lists that are sets of the lexicon, and where each one stands.
const SETS: [(List, Field); 14] = [
    (List::Stopword, |lex| &lex.stopwords),
    (List::Hedge, |lex| &lex.hedges),
    (List::Certainty, |lex| &lex.certainty),
    (List::Title, |lex| &lex.titles),
    (List::TitleModifier, |lex| &lex.title_modifiers),
    (List::Time, |lex| &lex.time),
    (List::VagueTime, |lex| &lex.vague_time),
    (List::Speech, |lex| &lex.speech),
    (List::VagueSource, |lex| &lex.vague_sources),
    (List::Place, |lex| &lex.places),
    (List::PlaceNoun, |lex| &lex.place_nouns),
    (List::Pronoun, |lex| &lex.pronouns),
    (List::Auxiliary, |lex| &lex.auxiliaries),
    (List::LinkWord, |lex| &lex.link_words),
];

/// Per side, per word of the pair's vocabulary, the lists it is in.
#[derive(Debug, Clone, Default)]
pub struct Listed {
    bits: [Vec<u32>; 2],
}

impl Listed {
    pub fn new(vocabulary: &Vocabulary, lexicons: [&'static Lexicon; 2], names: &Names) -> Self {
        let side = |lex: &Lexicon| -> Vec<u32> {
            vocabulary
                .words()
                .par_iter()
                .map(|w| bits(&w.norm, lex, names))
                .collect()
        };
        let left = side(lexicons[0]);
        let right = if lexicons[0].code == lexicons[1].code {
            left.clone()
        } else {
            side(lexicons[1])
        };
        Listed {
            bits: [left, right],
        }
    }

    /// Is word `word` (a vocabulary id), on `side`, in `list`?
    pub fn has(&self, side: Side, word: u32, list: List) -> bool {
        self.bits[side.index()][word as usize] & list.bit() != 0
    }
}

/// The word without an elided article or pronoun ("l'ancien" -> "ancien").
pub fn without_elision<'w>(word: &'w str, lex: &Lexicon) -> &'w str {
    word.split_once('\'')
        .filter(|(head, rest)| !rest.is_empty() && lex.elisions.contains(head))
        .map_or(word, |(_, rest)| rest)
}

/// A numeral, or a word of a number ("three", "zweiundzwanzig").
fn is_number_word(norm: &str, lex: &Lexicon) -> bool {
    crate::core::tokens::is_number(norm) || lex.number_word(norm).is_some()
}

fn bits(word: &str, lex: &Lexicon, names: &Names) -> u32 {
    let norm = without_elision(word, lex);
    let mut bits = 0;
    for (list, set) in SETS {
        if set(lex).contains(norm) {
            bits |= list.bit();
        }
    }
    // German writes roles as compounds ("Bahnsprecherin"): a noun ending in
    // a title of six letters or more is a role too.
    if lex.code == "de"
        && lex
            .titles
            .iter()
            .any(|t| t.chars().count() >= 6 && norm.ends_with(t))
    {
        bits |= List::Title.bit();
    }
    let flags = [
        (List::Denial, lex.denial.contains_key(norm)),
        (List::Negation, lex.is_negation(word)),
        (List::Name, names.contains(norm)),
        (List::NameAsWritten, names.contains(word)),
        (List::Number, is_number_word(norm, lex)),
    ];
    for (list, yes) in flags {
        if yes {
            bits |= list.bit();
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::detect::names;
    use crate::core::document::Document;
    use crate::core::tokens::PairTokens;

    /// Every answer of the table is what asking the lexicon directly gives,
    /// for every word of real articles in three languages (French elisions,
    /// German compound roles, English negation suffixes).
    #[test]
    fn the_table_answers_as_the_lexicon_does() {
        let sample = |name: &str| {
            std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR")))
                .expect("read a file of the repository")
        };
        for (left, right) in [
            (
                sample("assets/samples/kremlin-talks-original.txt"),
                sample("assets/samples/kremlin-talks-rewrite.txt"),
            ),
            (
                sample("tests/data/factcc/fr.txt"),
                sample("tests/data/factcc/de.txt"),
            ),
        ] {
            let (l, r) = (Document::parse("l", left), Document::parse("r", right));
            let tokens = PairTokens::new(&l, &r);
            let names = names(&l, &r, &tokens);
            let lexicons = [l.language.lexicon(), r.language.lexicon()];
            assert!(lexicons.iter().all(|lex| lex.has_lists()));
            let listed = Listed::new(&tokens.vocabulary, lexicons, &names);
            for side in Side::BOTH {
                let lex = lexicons[side.index()];
                assert!(
                    tokens.side(side).tokens().iter().any(|t| listed.has(
                        side,
                        t.word(),
                        List::Title
                    )),
                    "titles are found"
                );
                for t in tokens.side(side).tokens() {
                    let word = &*tokens.vocabulary.word(t.word()).norm;
                    let norm = without_elision(word, lex);
                    let has = |list| listed.has(side, t.word(), list);
                    for (list, _) in SETS {
                        let compound_role = list == List::Title
                            && lex.code == "de"
                            && lex
                                .titles
                                .iter()
                                .any(|t| t.chars().count() >= 6 && norm.ends_with(t));
                        assert_eq!(
                            has(list),
                            list.set(lex)
                                .expect("every list of SETS is a lexicon set")
                                .contains(norm)
                                || compound_role,
                            "{word} {list:?}"
                        );
                    }
                    assert_eq!(has(List::Denial), lex.denial.contains_key(norm), "{word}");
                    assert_eq!(has(List::Negation), lex.is_negation(word), "{word}");
                    assert_eq!(has(List::Name), names.contains(norm), "{word}");
                    assert_eq!(has(List::NameAsWritten), names.contains(word), "{word}");
                    assert_eq!(has(List::Number), is_number_word(norm, lex), "{word}");
                }
            }
        }
    }
}
