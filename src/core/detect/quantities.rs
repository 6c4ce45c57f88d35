//! Reading the figures of a sentence as values: every local way of writing
//! a number ("1,200", "1.200", "1 200", "1'200", "6,2", "fifty-six",
//! "cinquenta e oito", "zweiundzwanzig", "2,5 millions", "une trentaine"),
//! with what it counts (its head: "dead", "%", "€"), and the clock times
//! ("3.36am", "3:36 a.m.", "03h36", "5 h 45", "15.30 Uhr"), which are not
//! counts. Nothing here compares: see `figures`.

use super::listed::without_elision;
use crate::core::lexicon::{Lexicon, NumberWord};
use crate::core::tokens::{Vocabulary, WordToken};

/// One sentence's words, with what reading its figures needs.
pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [WordToken],
    pub(super) vocabulary: &'a Vocabulary,
    pub(super) lex: &'static Lexicon,
    /// Per word of the vocabulary: a number word of this language
    /// ([`number_words_of`]), so that most words are passed over at the
    /// cost of one look-up.
    pub(super) number_words: &'a [bool],
}

/// Per word of `vocabulary`, is it a number word in `lex`? Asked once per
/// distinct word, not once per word of the text.
pub(super) fn number_words_of(vocabulary: &Vocabulary, lex: &Lexicon) -> Vec<bool> {
    vocabulary
        .words()
        .iter()
        .map(|w| lex.number_word(without_elision(&w.norm, lex)).is_some())
        .collect()
}

impl<'a> Sentence<'a> {
    /// The word at `i` as written.
    pub(super) fn raw(&self, i: usize) -> &'a str {
        let (s, e) = self.tokens[i].span();
        &self.text[s..e]
    }

    /// The word at `i`, normalised, without an elided article ("d'euros"
    /// -> "euros").
    pub(super) fn norm(&self, i: usize) -> &'a str {
        without_elision(&self.vocabulary.word(self.tokens[i].word()).norm, self.lex)
    }

    /// The text between the words at `a` and `a + 1`.
    pub(super) fn gap(&self, a: usize) -> &'a str {
        &self.text[self.tokens[a].span().1..self.tokens[a + 1].span().0]
    }

    /// The words at `a` and `a + 1` stand in one phrase: only spaces or a
    /// hyphen between them.
    fn joined(&self, a: usize) -> bool {
        self.gap(a).chars().all(|c| c.is_whitespace() || c == '-')
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }
}

/// A figure: its value, what it counts, and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// "une trentaine", "a dozen or so": a round value meant loosely.
    pub approximate: bool,
    pub ordinal: bool,
    /// What it counts: a unit ("%", "€", "km") or the noun after it (or,
    /// where nothing follows, before it: "the toll rose to 89"), normalised.
    pub head: Option<Box<str>>,
    /// The head is a unit written with the figure, not a noun near it.
    pub unit: bool,
    /// The content word just before it, in its clause ("feriu 672",
    /// "killed 8"): a second way to tell which slot it fills.
    pub lead: Option<Box<str>>,
    /// First and last word of the figure, as indices into the sentence.
    pub words: (usize, usize),
    /// Written with four digits and nothing else: perhaps a year.
    pub plain_four_digits: bool,
}

/// A clock time, in minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub minutes: u32,
    pub words: (usize, usize),
}

/// A date written in figures only ("11/04/1985", "27.09.1991").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericDate {
    pub day: u32,
    pub month: u32,
    pub year: u32,
    pub words: (usize, usize),
}

/// What a sentence states in figures.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub(super) quantities: Vec<Quantity>,
    pub(super) clocks: Vec<Clock>,
    pub(super) dates: Vec<NumericDate>,
}

/// The figures, clock times and numeric dates of a sentence, from word
/// `from` on (the words before it are a dateline).
pub(super) fn read(s: &Sentence, from: usize) -> Read {
    let mut out = Read::default();
    let (quantities, clocks) = (&mut out.quantities, &mut out.clocks);
    let mut i = from;
    while i < s.len() {
        // Every form below begins with a digit or a number word.
        let digit = s.raw(i).starts_with(|c: char| c.is_ascii_digit());
        if !digit && !s.number_words[s.tokens[i].word() as usize] {
            i += 1;
        } else if let Some(date) = numeric_date(s, i) {
            i = date.words.1 + 1;
            out.dates.push(date);
        } else if let Some(clock) = clock(s, i) {
            i = clock.words.1 + 1;
            clocks.push(clock);
        } else if let Some(q) = quantity(s, i) {
            i = q.words.1 + 1;
            quantities.push(q);
        } else {
            i += 1;
        }
    }
    out
}

/// A date in figures at word `i`: day, month and year joined by one
/// separator ("11/04/1985", "27.09.1991", "11-04-85"); English puts the
/// month first ("09/11/2001").
fn numeric_date(s: &Sentence, i: usize) -> Option<NumericDate> {
    let raw = s.raw(i);
    let (parts, last): (Vec<&str>, usize) = if raw.matches('.').count() == 2 {
        (raw.split('.').collect(), i)
    } else if i + 2 < s.len() && s.gap(i) == s.gap(i + 1) && matches!(s.gap(i), "/" | "-" | ".") {
        (vec![raw, s.raw(i + 1), s.raw(i + 2)], i + 2)
    } else {
        return None;
    };
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let short = |w: &str| digits(w) && w.len() <= 2;
    if !short(a) || !short(b) || !digits(y) || !matches!(y.len(), 2 | 4) {
        return None;
    }
    let (a, b, mut year): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if y.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    let (day, month) = if s.lex.code == "en" { (b, a) } else { (a, b) };
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some(NumericDate {
        day,
        month,
        year,
        words: (i, last),
    })
}

fn digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// A clock time starting at word `i`, in any of the forms news writes.
fn clock(s: &Sentence, i: usize) -> Option<Clock> {
    let raw = s.raw(i);
    if !raw.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = raw.to_lowercase();
    let marker = |k: usize| -> Option<&str> {
        (k < s.len() && s.gap(k - 1).trim().is_empty())
            .then(|| s.norm(k))
            .filter(|w| matches!(*w, "a.m" | "p.m" | "am" | "pm" | "h" | "uhr"))
    };
    let make = |hour: u32, minute: u32, meridiem: Option<&str>, last: usize| {
        let pm = meridiem.is_some_and(|m| m.starts_with('p'));
        let am = meridiem.is_some_and(|m| m.starts_with('a'));
        let hour = match (hour, pm, am) {
            (12, false, true) => 0,
            (h, true, _) if h < 12 => h + 12,
            (h, _, _) => h,
        };
        (hour < 24 && minute < 60 || hour == 24 && minute == 0).then_some(Clock {
            minutes: hour * 60 + minute,
            words: (i, last),
        })
    };
    // The word itself: "3.36am", "9pm", "03h36", "5h", "15.30" (with a
    // marker after it).
    let body = lower.trim_end_matches(['a', 'p', 'm', '.']);
    let meridiem = &lower[body.len()..];
    let meridiem = (!meridiem.is_empty())
        .then(|| meridiem.trim_matches('.'))
        .filter(|m| matches!(*m, "am" | "pm" | "a.m" | "p.m"));
    if let Some((h, m)) = body.split_once(['h', '.', ':'])
        && digits(h)
        && h.len() <= 2
        && (m.is_empty() && body.contains('h') || m.len() == 2 && digits(m))
    {
        let dotted = body.contains('.');
        let next = marker(i + 1);
        // "6.30" alone is a number; "6.30pm", "15.30 Uhr" are times.
        if dotted && meridiem.is_none() && next.is_none_or(|w| w == "h") {
            return None;
        }
        let (h, m) = (
            h.parse().ok()?,
            if m.is_empty() { 0 } else { m.parse().ok()? },
        );
        let last = if meridiem.is_none() && next.is_some() {
            i + 1
        } else {
            i
        };
        return make(h, m, meridiem.or(next.filter(|w| w.ends_with('m'))), last);
    }
    if meridiem.is_some() && digits(body) && body.len() <= 2 {
        return make(body.parse().ok()?, 0, meridiem, i);
    }
    if !digits(raw) || raw.len() > 2 {
        return None;
    }
    let hour: u32 = raw.parse().ok()?;
    // "3:36", "3:36 a.m."
    if i + 1 < s.len() && s.gap(i) == ":" && digits(s.raw(i + 1)) && s.raw(i + 1).len() == 2 {
        let minute = s.raw(i + 1).parse().ok()?;
        let after = marker(i + 2).filter(|w| w.ends_with('m'));
        return make(
            hour,
            minute,
            after,
            if after.is_some() { i + 2 } else { i + 1 },
        );
    }
    // "5 h 45", "15 h", "10 a.m.", "8 Uhr"
    let m = marker(i + 1)?;
    if m == "h" && i + 2 < s.len() && s.gap(i + 1).trim().is_empty() && {
        let w = s.raw(i + 2);
        digits(w) && w.len() == 2
    } {
        return make(hour, s.raw(i + 2).parse().ok()?, None, i + 2);
    }
    make(hour, 0, Some(m).filter(|w| w.ends_with('m')), i + 1)
}

/// A numeral as written: its value, and what follows its digits ("km",
/// "th", "º").
struct Numeral<'w> {
    value: f64,
    suffix: &'w str,
    /// Digits only, no separator or suffix.
    plain: bool,
}

/// The narrow no-break space, which joins the groups of "1 200" into one
/// word (it connects numbers as an underscore does).
const NNBSP: char = '\u{202f}';

/// Reads "1,200", "1.200", "1'200", "1\u{202f}200", "6,2", "1.234,5", "3.5km" by the
/// language's conventions: a single separator followed by exactly three
/// digits groups thousands where it is not the language's decimal mark.
fn numeral(raw: &str, decimal_comma: bool) -> Option<Numeral<'_>> {
    let end = raw
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '’' | NNBSP)))
        .unwrap_or(raw.len());
    let number = raw[..end].trim_end_matches([',', '.', '\'', '’', NNBSP]);
    let suffix = &raw[number.len()..];
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let separators: Vec<(usize, char)> = number
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let decimal_mark = if decimal_comma { ',' } else { '.' };
    let decimal_at = match separators.as_slice() {
        [] => None,
        [(at, c)] => {
            let after = number.len() - at - c.len_utf8();
            let grouping = matches!(*c, '\'' | '’' | NNBSP) || (*c != decimal_mark && after == 3);
            (!grouping).then_some(*at)
        }
        [.., (at, last)] => {
            let mixed = separators.iter().any(|(_, c)| c != last);
            mixed.then_some(*at)
        }
    };
    let whole: String = number[..decimal_at.unwrap_or(number.len())]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let fraction = decimal_at.map_or("", |at| &number[at + 1..]);
    if !digits(fraction) && !fraction.is_empty() {
        return None;
    }
    let value = format!("{whole}.{fraction}").parse().ok()?;
    Some(Numeral {
        value,
        suffix,
        plain: separators.is_empty() && suffix.is_empty(),
    })
}

/// Ordinal endings after digits ("22nd", "1er", "3º", "2ª").
const ORDINAL_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "er", "e", "ème", "eme", "re", "º", "ª", "o", "a",
];

/// The figure starting at word `i`, if one does.
fn quantity(s: &Sentence, i: usize) -> Option<Quantity> {
    let raw = s.raw(i);
    let mut ordinal = false;
    let mut approximate = false;
    let mut head: Option<Box<str>> = None;
    let mut plain_four_digits = false;
    let (mut value, mut last) = if raw.starts_with(|c: char| c.is_ascii_digit()) {
        let n = numeral(raw, s.lex.decimal_comma)?;
        let mut value = n.value;
        let mut last = i;
        // Thousands in groups after a space, a no-break space or a narrow
        // one ("1 200", "12 000 000").
        if n.plain && raw.len() <= 3 {
            while last + 1 < s.len()
                && matches!(s.gap(last), " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
                && s.raw(last + 1).len() == 3
                && digits(s.raw(last + 1))
            {
                value = value * 1000.0 + s.raw(last + 1).parse::<f64>().ok()?;
                last += 1;
            }
        }
        plain_four_digits = n.plain && raw.len() == 4 && last == i;
        let suffix = n.suffix.to_lowercase();
        if ORDINAL_SUFFIXES.contains(&suffix.as_str()) {
            ordinal = true;
        } else if suffix == "bn" {
            value *= 1e9;
        } else if !suffix.is_empty() {
            head = Some(suffix.into());
        }
        (value, last)
    } else {
        let (value, last, about, ord) = number_words(s, i)?;
        approximate = about;
        ordinal = ord;
        (value, last)
    };
    // A multiplier after the figure: "1.5 million", "2,5 millions", "3 mil".
    while last + 1 < s.len() && s.joined(last) {
        match s.lex.numbers.get(s.norm(last + 1)) {
            Some(NumberWord::Times(m)) => {
                value *= m;
                last += 1;
            }
            _ => break,
        }
    }
    let mut unit = head.is_some();
    // A currency symbol before it ("$5", "€ 5", "R$ 5", "US$ 5").
    let before = s.text[..s.tokens[i].span().0].trim_end();
    if let Some(symbol) = ['$', '€', '£', '¥']
        .into_iter()
        .find(|c| before.ends_with(*c))
    {
        head = Some(symbol.to_string().into());
        unit = true;
    }
    // A unit after it: "%", "5 percent", "10 euros", "5 per cent".
    let after = if last + 1 < s.len() {
        s.gap(last)
    } else {
        &s.text[s.tokens[last].span().1..]
    };
    if after.trim_start().starts_with('%') {
        head = Some("%".into());
        unit = true;
    } else if last + 1 < s.len() && s.joined(last) {
        let one = s.norm(last + 1);
        let two = (last + 2 < s.len() && s.joined(last + 1))
            .then(|| format!("{one} {}", s.norm(last + 2)));
        if let Some(u) = two.as_deref().and_then(|w| s.lex.units.get(w)) {
            head = Some((*u).into());
            unit = true;
            last += 2;
        } else if let Some(u) = s.lex.units.get(one) {
            head = Some((*u).into());
            unit = true;
            last += 1;
        }
    }
    let (after, lead) = words_near(s, i, last);
    let head = head.or(after).or_else(|| lead.clone());
    Some(Quantity {
        value,
        approximate,
        ordinal,
        head,
        unit,
        lead,
        words: (i, last),
        plain_four_digits,
    })
}

/// A number written in words from word `i` ("fifty-six", "vingt et un",
/// "quatre-vingt-dix", "cinquenta e oito", "zweiundzwanzig"): its value,
/// its last word, whether it is approximate, whether it is an ordinal.
/// A single word worth 1 ("un", "uma", "ein") is an article, not a count.
fn number_words(s: &Sentence, i: usize) -> Option<(f64, usize, bool, bool)> {
    let (mut total, mut current) = (0.0, 0.0);
    let mut last = None;
    let mut about = false;
    let mut words = 0;
    let mut j = i;
    while j < s.len() {
        if j > i && !s.joined(j - 1) {
            break;
        }
        let Some(parts) = s.lex.number_word(s.norm(j)) else {
            break;
        };
        if parts == [NumberWord::Joiner] {
            // A joiner only inside a number, before a smaller place:
            // "fifty and six", "cento e vinte", not "cinco y seis".
            let acc = total + current;
            let place = [1000.0, 100.0, 10.0]
                .into_iter()
                .find(|p| acc >= *p && acc % p == 0.0)
                .unwrap_or(0.0);
            let next_fits = j + 1 < s.len()
                && s.joined(j)
                && matches!(
                    s.lex.number_word(s.norm(j + 1)).as_deref(),
                    // "soixante et onze": sixty and eleven.
                    Some([NumberWord::Value(v), ..]) if *v < place || (place == 10.0 && *v < 20.0)
                );
            if last.is_none() || !next_fits {
                break;
            }
            j += 1;
            continue;
        }
        if let [NumberWord::Ordinal(v)] = parts.as_slice() {
            if last.is_some() {
                break;
            }
            return Some((*v, j, false, true));
        }
        for part in parts {
            match part {
                NumberWord::Value(v) => {
                    // "quatre-vingt": four twenties.
                    if v == 20.0 && current % 100.0 == 4.0 && s.lex.code == "fr" {
                        current += 76.0;
                    } else {
                        current += v;
                    }
                }
                NumberWord::Times(m) if m < 1000.0 => current = current.max(1.0) * m,
                NumberWord::Times(m) => {
                    total += current.max(1.0) * m;
                    current = 0.0;
                }
                // "une trentaine": about thirty; "deux centaines": two hundred.
                NumberWord::About(v) => {
                    current = current.max(1.0) * v;
                    about = true;
                }
                NumberWord::Ordinal(_) | NumberWord::Joiner => {}
            }
        }
        words += 1;
        last = Some(j);
        j += 1;
    }
    let value = total + current;
    let last = last?;
    if words == 1 && value == 1.0 {
        return None;
    }
    Some((value, last, about, false))
}

/// The content words around a figure at words `first..=last`, in its
/// clause: the first after it ("56 people", "14 missing"), which says what
/// it counts when no unit does, and the nearest before it ("a toll of 89",
/// "killed 8").
fn words_near(s: &Sentence, first: usize, last: usize) -> (Option<Box<str>>, Option<Box<str>>) {
    let content = |k: usize| {
        let w = s.norm(k);
        !s.lex.stopwords.contains(w)
            && s.lex.number_word(w).is_none()
            && !w.starts_with(|c: char| c.is_ascii_digit())
    };
    let open = |k: usize| {
        !s.gap(k)
            .contains([',', ';', ':', '.', '(', ')', '"', '“', '”'])
    };
    let after = (last + 1..(last + 4).min(s.len()))
        .take_while(|&k| open(k - 1))
        .find(|&k| content(k));
    let before = || {
        (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&k| open(k))
            .find(|&k| content(k))
    };
    let word = |k: usize| -> Box<str> { s.norm(k).into() };
    (after.map(word), before().map(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;
    use crate::core::tokens::PairTokens;

    /// The figures and clock times of a one-sentence text in `lang`'s
    /// conventions, as (value, head) and minutes.
    fn figures(lang: &str, text: &str) -> (Vec<(f64, Option<String>)>, Vec<u32>) {
        let doc = Document::parse("t", text);
        let tokens = PairTokens::new(&doc, &doc);
        let lex = crate::core::lexicon::for_language(lang);
        let number_words = number_words_of(&tokens.vocabulary, lex);
        let s = Sentence {
            text: &doc.text,
            tokens: tokens.left.tokens(),
            vocabulary: &tokens.vocabulary,
            lex,
            number_words: &number_words,
        };
        let read = read(&s, 0);
        (
            read.quantities
                .into_iter()
                .map(|q| (q.value, q.head.map(String::from)))
                .collect(),
            read.clocks.into_iter().map(|c| c.minutes).collect(),
        )
    }

    fn values(lang: &str, text: &str) -> Vec<f64> {
        figures(lang, text).0.into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn thousands_in_every_local_form() {
        for text in [
            "Il y a 1 200 habitants.",
            "Il y a 1\u{a0}200 habitants.",
            "Il y a 1\u{202f}200 habitants.",
            "Il y a 1.200 habitants.",
            "Il y a 1200 habitants.",
            "Il y a 1'200 habitants.",
        ] {
            assert_eq!(values("fr", text), vec![1200.0], "{text}");
        }
        assert_eq!(values("en", "There are 1,200 residents."), vec![1200.0]);
        assert_eq!(values("pt", "São 1.832 feridos."), vec![1832.0]);
        assert_eq!(
            values("de", "Es kostet 1.234.567,5 Euro."),
            vec![1_234_567.5]
        );
        assert_eq!(
            values("en", "It cost 1,234,567.5 dollars."),
            vec![1_234_567.5]
        );
    }

    #[test]
    fn decimals_by_the_language() {
        assert_eq!(values("pt", "A nota foi 6,2 no teste."), vec![6.2]);
        assert_eq!(values("en", "A magnitude 6.5 quake hit."), vec![6.5]);
        assert_eq!(values("de", "Das sind 1,5 Prozent."), vec![1.5]);
        // A dot in English and a comma elsewhere are decimal marks even
        // before three digits.
        assert_eq!(values("en", "It rose by 1.200 points."), vec![1.2]);
        assert_eq!(values("es", "Subió un 1,200 por ciento."), vec![1.2]);
    }

    #[test]
    fn number_words_and_their_compounds() {
        assert_eq!(
            values("pt", "Morreram cinquenta e oito pessoas."),
            vec![58.0]
        );
        assert_eq!(values("fr", "Il y a vingt-deux morts."), vec![22.0]);
        assert_eq!(values("fr", "Il y a quatre cents morts."), vec![400.0]);
        assert_eq!(values("fr", "Il y a quatre-vingt-dix morts."), vec![90.0]);
        assert_eq!(values("fr", "Il y a soixante et onze morts."), vec![71.0]);
        assert_eq!(values("de", "Es gab zweiundzwanzig Tote."), vec![22.0]);
        assert_eq!(values("de", "Es gab dreihundertfünfzig Tote."), vec![350.0]);
        assert_eq!(values("en", "There were fifty-six dead."), vec![56.0]);
        assert_eq!(
            values("en", "They built two hundred and five houses."),
            vec![205.0]
        );
        assert_eq!(values("es", "Hubo treinta y dos muertos."), vec![32.0]);
        assert_eq!(
            values("es", "Vinieron doscientos mil fieles."),
            vec![200_000.0]
        );
    }

    #[test]
    fn articles_are_not_counts() {
        for (lang, text) in [
            ("pt", "Um homem foi preso."),
            ("pt", "Uma mulher foi presa."),
            ("fr", "Une femme a été blessée."),
            ("de", "Ein Mann wurde verletzt."),
            ("es", "Un hombre fue detenido."),
            ("en", "No one was hurt."),
        ] {
            assert_eq!(values(lang, text), Vec::<f64>::new(), "{text}");
        }
        assert_eq!(values("fr", "Il y a vingt et un morts."), vec![21.0]);
        assert_eq!(values("fr", "Un million de personnes."), vec![1e6]);
    }

    #[test]
    fn magnitudes_percentages_money() {
        assert_eq!(
            figures("en", "The fund holds $1.5 million."),
            (vec![(1.5e6, Some("$".into()))], vec![])
        );
        assert_eq!(
            figures("fr", "Le budget est de 2,5 millions d'euros."),
            (vec![(2.5e6, Some("€".into()))], vec![])
        );
        assert_eq!(
            figures("en", "Prices rose 5%.").0,
            vec![(5.0, Some("%".into()))]
        );
        assert_eq!(
            figures("en", "Prices rose 5 per cent.").0,
            vec![(5.0, Some("%".into()))]
        );
        assert_eq!(
            figures("de", "Die Preise stiegen um 5 Prozent.").0,
            vec![(5.0, Some("%".into()))]
        );
        assert_eq!(
            figures("pt", "Custa 10 euros.").0,
            vec![(10.0, Some("€".into()))]
        );
        assert_eq!(values("en", "It was the 22nd attempt."), vec![22.0]);
    }

    #[test]
    fn approximate_counts() {
        assert_eq!(values("fr", "Une trentaine de personnes."), vec![30.0]);
        assert_eq!(values("fr", "Environ trente personnes."), vec![30.0]);
    }

    #[test]
    fn heads_are_what_the_figure_counts() {
        assert_eq!(
            figures("en", "At least 56 people died and 14 are missing.").0,
            vec![
                (56.0, Some("people".into())),
                (14.0, Some("missing".into()))
            ]
        );
        assert_eq!(
            figures("en", "The death toll rose to 89.").0,
            vec![(89.0, Some("rose".into()))]
        );
    }

    #[test]
    fn clock_times_in_every_form() {
        for (lang, text, minutes) in [
            ("en", "It struck at 3.36am local time.", 216),
            ("en", "It struck at 3:36 a.m. local time.", 216),
            ("fr", "Il a frappé à 03h36 heure locale.", 216),
            ("fr", "Le train part à 5h45 demain.", 345),
            ("fr", "Le train part à 5 h 45 demain.", 345),
            ("de", "Der Zug fährt um 15.30 Uhr ab.", 930),
            ("en", "The vote is at 10 p.m. tonight.", 1320),
            ("fr", "Rendez-vous à 19h devant la mairie.", 1140),
        ] {
            let (q, c) = figures(lang, text);
            assert_eq!((q, c), (vec![], vec![minutes]), "{text}");
        }
        assert_eq!(values("en", "It grew 6.30 times."), vec![6.3]);
    }
}
