//! One fact edited, one mark: an article against a copy with one fact
//! changed (a number, a weekday or month, a name's spelling, a negation or a
//! hedge added, a quote's speaker, a title) gives exactly one divergent
//! link, carrying a discrepancy of the right category on the edited words;
//! every other link stays aligned. On the real texts and on random ones.

use proptest::prelude::*;
use tandem::core::Category;
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind;
use tandem::core::document::Document;

/// One edit: its category, the edited text, and the byte span of the edited
/// words in it.
#[derive(Debug, Clone)]
struct Edit {
    category: Category,
    text: String,
    span: (usize, usize),
}

fn replace(text: &str, at: usize, old: &str, new: &str, category: Category) -> Edit {
    Edit {
        category,
        text: format!("{}{new}{}", &text[..at], &text[at + old.len()..]),
        span: (at, at + new.len()),
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const NUMBER_WORDS: [&str; 6] = ["two", "three", "four", "five", "six", "seven"];
const MONTHS: [&str; 6] = ["January", "March", "April", "June", "October", "December"];

/// Whole words of `text` with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let inside = c.is_alphanumeric() || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Every single-fact edit the rules below can make in `text`.
fn edits(text: &str) -> Vec<Edit> {
    let mut out = Vec::new();
    let ws = words(text);
    for (k, &(at, w)) in ws.iter().enumerate() {
        let next = ws.get(k + 1).map_or("", |x| x.1);
        // A count that is not a year: one more.
        if let Ok(n) = w.parse::<u32>()
            && !(1800..2200).contains(&n)
            && !text[at + w.len()..].starts_with(['.', ',', ':'])
                | text[at + w.len()..].starts_with(". ")
        {
            out.push(replace(text, at, w, &(n + 1).to_string(), Category::Number));
        }
        if let Some(n) = NUMBER_WORDS.iter().position(|x| *x == w) {
            out.push(replace(
                text,
                at,
                w,
                NUMBER_WORDS[(n + 1) % NUMBER_WORDS.len()],
                Category::Number,
            ));
        }
        if let Some(d) = WEEKDAYS.iter().position(|d| *d == w) {
            out.push(replace(text, at, w, WEEKDAYS[(d + 1) % 7], Category::Date));
        }
        if let Some(m) = MONTHS.iter().position(|m| *m == w) {
            out.push(replace(
                text,
                at,
                w,
                MONTHS[(m + 1) % MONTHS.len()],
                Category::Date,
            ));
        }
        // "will" becomes "may": a hedge where the claim was certain.
        if w == "will" {
            out.push(replace(text, at, w, "may", Category::Certainty));
        }
        // A negation added to a verb after "was" or "is".
        if (w == "was" || w == "is")
            && next.chars().all(char::is_lowercase)
            && next.len() > 3
            && next.ends_with("ed")
        {
            out.push(replace(
                text,
                at,
                w,
                &format!("{w} not"),
                Category::Contradiction,
            ));
        }
        // "President" becomes "Prime Minister".
        if w == "President" {
            out.push(replace(text, at, w, "Prime Minister", Category::Title));
        }
        // A speaker's name (two capitalised words or more) after "said":
        // another person speaks.
        let joined =
            |j: usize| j + 1 < ws.len() && text[ws[j].0 + ws[j].1.len()..ws[j + 1].0] == *" ";
        let run = (k + 1..ws.len())
            .take_while(|&j| ws[j].1.starts_with(char::is_uppercase) && joined(j - 1))
            .count();
        if w == "said" && run >= 2 {
            let last = ws[k + run];
            let (s, e) = (ws[k + 1].0, last.0 + last.1.len());
            let mut e2 = replace(text, s, &text[s..e], "Lisa Hwang", Category::Attribution);
            e2.span = (at, e2.span.1);
            out.push(e2);
        }
    }
    // A name's spelling: one interior vowel of a long capitalised word that
    // is not the first of its sentence.
    for (k, &(at, w)) in ws.iter().enumerate() {
        // Not in a headline, where every word is capitalised.
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let in_prose = text[..line_end]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”']);
        let inside = k > 0
            && in_prose
            && !text[..at]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '“', '_', '*']);
        let title = tandem::core::lexicon::for_language("en")
            .titles
            .contains(w.to_lowercase().as_str());
        let candidate = inside
            && !title
            && w.len() >= 7
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphabetic)
            && w.is_ascii();
        // Only a name the article spells one way.
        if candidate
            && text.matches(w).count() == 1
            && let Some(v) = w[2..w.len() - 2].find(['a', 'e', 'o'])
        {
            let mut spelled = w.to_string();
            let c = if &w[2 + v..3 + v] == "a" { "e" } else { "a" };
            spelled.replace_range(2 + v..3 + v, c);
            out.push(replace(text, at, w, &spelled, Category::Name));
        }
    }
    out
}

fn check(original: &str, edit: &Edit) -> Result<(), TestCaseError> {
    let cmp = Comparison::new(
        Document::parse("a", original),
        Document::parse("b", edit.text.as_str()),
    );
    let divergent: Vec<_> = cmp
        .links
        .iter()
        .filter(|l| l.kind == Kind::Divergent)
        .collect();
    prop_assert_eq!(
        divergent.len(),
        1,
        "{:?} -> {:?}: {:#?}",
        edit.category,
        &edit.text[edit.span.0..edit.span.1],
        divergent
            .iter()
            .map(|l| &l.discrepancies)
            .collect::<Vec<_>>()
    );
    let on_words = divergent[0].discrepancies.iter().any(|d| {
        d.category == edit.category
            && d.right
                .is_some_and(|(s, e)| s < edit.span.1 && edit.span.0 < e)
    });
    prop_assert!(
        on_words,
        "{:?} on {:?}: {:#?}",
        edit.category,
        &edit.text[edit.span.0..edit.span.1],
        divergent[0].discrepancies
    );
    Ok(())
}

#[test]
fn one_fact_on_the_sample() {
    let original = std::fs::read_to_string("assets/samples/kremlin-talks-original.txt").unwrap();
    let all = edits(&original);
    let mut seen = std::collections::HashSet::new();
    for e in &all {
        seen.insert(e.category);
        check(&original, e).unwrap();
    }
    for c in [
        Category::Number,
        Category::Date,
        Category::Name,
        Category::Certainty,
        Category::Title,
    ] {
        assert!(seen.contains(&c), "no {c:?} edit made on the sample");
    }
}

#[test]
fn one_fact_on_the_fables() {
    let Ok(dir) = std::fs::read_dir("../shared/data/gnat-aesop-dev") else {
        return;
    };
    let mut paths: Vec<_> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".left.txt"))
        .collect();
    paths.sort();
    let mut checked = 0;
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        for e in edits(&text) {
            check(&text, &e).unwrap_or_else(|err| panic!("{}: {err}", p.display()));
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} edits made on the fables");
}

/// Random news-like articles built around the facts the edits change.
fn article() -> impl Strategy<Value = String> {
    let sentence = prop_oneof![
        Just("The council met on Monday to discuss the budget.".to_string()),
        Just("Officials said 42 families were moved out of the building.".to_string()),
        Just("The new bridge will open in March after long delays.".to_string()),
        Just("The ferry service was suspended after the storm damaged the pier.".to_string()),
        Just("The plan was approved by a narrow majority of the members.".to_string()),
        Just("Residents of Westbrook gathered outside the town hall.".to_string()),
        Just("President Alvarez thanked the rescue teams for their work.".to_string()),
        Just("\"We will rebuild the harbour,\" said Mayor Helen Okafor.".to_string()),
        "[a-z]{3,8}( [a-z]{2,8}){4,9}".prop_map(|s| {
            let mut s = s + ".";
            s[..1].make_ascii_uppercase();
            s
        }),
    ];
    prop::collection::vec(
        prop::collection::vec(sentence, 1..3).prop_map(|s| s.join(" ")),
        2..6,
    )
    .prop_map(|p| p.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn one_fact_on_random_articles(text in article(), pick in any::<prop::sample::Index>()) {
        let all = edits(&text);
        prop_assume!(!all.is_empty());
        // An article that says the same sentence twice cannot have one fact edited.
        let sentences: Vec<&str> = text.split(['.', '\n']).map(str::trim).filter(|s| !s.is_empty()).collect();
        prop_assume!(sentences.iter().collect::<std::collections::HashSet<_>>().len() == sentences.len());
        check(&text, &all[pick.index(all.len())])?;
    }
}
