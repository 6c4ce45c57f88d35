//! Which language an article is written in, so that the detectors read it
//! with that language's word lists. Detection is by `whatlang` (trigram
//! and script statistics, no model files, fast on a sample of the text).

use crate::core::lexicon::{self, Lexicon};

/// Bytes of text looked at: enough for a reliable guess, bounded for speed.
const SAMPLE: usize = 1536;

/// An article's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code where one exists ("fr"), else ISO 639-3 ("cmn");
    /// "und" when the text says too little to tell.
    pub code: &'static str,
    /// English name ("French").
    pub name: &'static str,
}

/// Used when the text is too short or too mixed to tell: the rules the
/// tool had before it knew languages.
pub const FALLBACK: Language = Language {
    code: "en",
    name: "English",
};

impl Language {
    /// Detects the language of `text` from a sample of it. An unreliable
    /// guess on a Latin-script text falls back to English; a text in
    /// another script is reported as what it is.
    pub fn detect(text: &str) -> Language {
        // Words only, one space between them: the same article wrapped or
        // indented differently must get the same answer.
        let mut sample = String::with_capacity(SAMPLE + 64);
        for word in text.split_whitespace() {
            if sample.len() >= SAMPLE {
                break;
            }
            sample.push_str(word);
            sample.push(' ');
        }
        let sample = sample.as_str();
        let Some(info) = whatlang::detect(sample) else {
            return FALLBACK;
        };
        let latin = info.script() == whatlang::Script::Latin;
        // Trigram statistics need more text than a sentence or two; there
        // the function words of the languages with lists decide.
        if latin && !info.is_reliable() {
            return by_function_words(sample).unwrap_or(if info.confidence() >= 0.5 {
                from_whatlang(info.lang())
            } else {
                FALLBACK
            });
        }
        from_whatlang(info.lang())
    }
}

/// The language with lists whose function words occur most often in
/// `sample`, if one clearly leads (two hits or more, more than any other).
fn by_function_words(sample: &str) -> Option<Language> {
    let words = crate::core::tokens::words(sample, 0);
    let mut votes: Vec<(usize, &Lexicon)> = lexicon::LEXICONS
        .iter()
        .map(|lex| {
            (
                words
                    .iter()
                    .filter(|w| lex.stopwords.contains(w.norm.as_str()))
                    .count(),
                lex,
            )
        })
        .collect();
    votes.sort_by_key(|v| std::cmp::Reverse(v.0));
    let (best, lex) = votes[0];
    (best >= 2 && best > votes[1].0).then(|| Language::with_lists(lex.code))
}

impl Language {
    /// The language of a lexicon's code.
    fn with_lists(code: &'static str) -> Language {
        let name = match code {
            "fr" => "French",
            "de" => "German",
            "es" => "Spanish",
            "pt" => "Portuguese",
            _ => "English",
        };
        Language { code, name }
    }
}

fn from_whatlang(lang: whatlang::Lang) -> Language {
    let code = match lang {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Ara => "ar",
        other => other.code(),
    };
    Language {
        code,
        name: lang.eng_name(),
    }
}

impl Language {
    /// The word lists the detectors use for this language (empty if it has
    /// none: then only digits, names in capitals and dates in figures count).
    pub fn lexicon(self) -> &'static Lexicon {
        lexicon::for_language(self.code)
    }

    /// A line for reports: which language's rules ran.
    pub fn rules_note(self) -> String {
        if self.lexicon().has_lists() {
            format!("{} word lists ({})", self.name, self.code)
        } else {
            format!(
                "{} ({}): no word lists for this language, only digits, names in capitals and dates in figures are checked",
                self.name, self.code
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_news_is_written_in() {
        let cases = [
            (
                "en",
                "The council said the plan would cost a great deal of money and take many years to finish.",
            ),
            (
                "fr",
                "Le conseil municipal a annoncé mardi que le projet coûterait beaucoup d'argent et prendrait des années.",
            ),
            (
                "de",
                "Der Stadtrat teilte am Montag mit, dass das Projekt viel Geld kosten und viele Jahre dauern werde.",
            ),
            (
                "es",
                "El ayuntamiento anunció el martes que el proyecto costaría mucho dinero y tardaría muchos años.",
            ),
            (
                "pt",
                "A câmara municipal anunciou na terça-feira que o projeto custaria muito dinheiro e levaria muitos anos.",
            ),
            ("zh", "市议会周二表示，该计划将耗资巨大，需要多年才能完成。"),
        ];
        for (code, text) in cases {
            assert_eq!(Language::detect(text).code, code, "{text}");
        }
        assert!(
            Language::detect("市议会周二表示，该计划将耗资巨大。")
                .rules_note()
                .contains("no word lists")
        );
        assert_eq!(Language::detect("Ok."), FALLBACK);
    }
}
