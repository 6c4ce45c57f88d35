use super::*;
use crate::core::compare::Comparison;
use crate::core::detect::names;
use crate::core::tokens::PairTokens;

/// Suggestions for a pair of one-sentence articles (aligned as one link).
fn suggest(left: &str, right: &str) -> Vec<Discrepancy> {
    let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
    assert_eq!(
        cmp.links.len(),
        1,
        "the test sentences must align: {left} / {right}"
    );
    cmp.links[0].discrepancies.clone()
}

fn categories(found: &[Discrepancy]) -> Vec<Category> {
    found.iter().map(|d| d.category).collect()
}

#[track_caller]
fn expect(left: &str, right: &str, category: Category, left_text: &str, right_text: &str) {
    let found = suggest(left, right);
    let d = found
        .iter()
        .find(|d| d.category == category)
        .unwrap_or_else(|| panic!("no {category:?} in {found:#?}"));
    assert_eq!(
        (d.left_text.as_str(), d.right_text.as_str()),
        (left_text, right_text),
        "{found:#?}"
    );
}

#[track_caller]
fn nothing(left: &str, right: &str) {
    let found = suggest(left, right);
    assert!(found.is_empty(), "expected no suggestion, got {found:#?}");
}

#[test]
fn names_spelled_differently() {
    expect(
        "Russia claims to have captured the town of Vovchansk in the north.",
        "Russia claims to have captured the town of Vovshansk in the north.",
        Category::Name,
        "Vovchansk",
        "Vovshansk",
    );
    nothing(
        "Officials in Kyiv met envoys from Russia on the border.",
        "Officials from Kyiv met Russian envoys on the border.",
    );
}

#[test]
fn titles_that_change_appear_or_disappear() {
    expect(
        "Jared Kushner, Donald Trump’s son-in-law and informal adviser, will join the talks.",
        "Jared Kushner, a close adviser to former President Donald Trump, will join the talks.",
        Category::Title,
        "son-in-law and informal adviser",
        "former President",
    );
    nothing(
        "The envoy met President Zelensky in Kyiv.",
        "President Zelensky received the envoy in Kyiv.",
    );
}

#[test]
fn numbers_that_differ() {
    expect(
        "At least 12 people were killed in the attack on the market.",
        "At least 10 people were killed in the attack on the market.",
        Category::Number,
        "12",
        "10",
    );
    nothing(
        "Two days of talks in Florida ended on Sunday.",
        "The 2 days of talks in Florida ended on Sunday.",
    );
}

#[test]
fn dates_that_change_are_dropped_or_become_vaguer() {
    expect(
        "Putin said last week he reviewed a draft of the US plan.",
        "Putin recently said he reviewed a draft of the US plan.",
        Category::Date,
        "last week",
        "recently",
    );
    expect(
        "Macron said on Monday that no final peace plan exists.",
        "Macron said that no final peace plan exists.",
        Category::Date,
        "Monday",
        "",
    );
    nothing(
        "The talks begin on Tuesday in Moscow.",
        "On Tuesday the talks begin in Moscow.",
    );
}

#[test]
fn places_that_change_or_become_vaguer() {
    expect(
        "Russia claims to have captured the border town of Pokrovsk.",
        "Russia claims to have captured the eastern towns of Pokrovsk.",
        Category::Place,
        "border town",
        "eastern towns",
    );
    nothing(
        "Troops left the town of Pokrovsk.",
        "Troops withdrew from the town of Pokrovsk.",
    );
}

#[test]
fn attribution_to_another_or_a_vaguer_source() {
    expect(
        "Macron said Monday that no final peace plan exists yet.",
        "France has insisted that no final peace plan exists yet.",
        Category::Attribution,
        "Macron said",
        "France has insisted",
    );
    expect(
        "She added that pressure often falls on the weaker side.",
        "Some worry that pressure often falls on the weaker side.",
        Category::Attribution,
        "She added",
        "Some worry",
    );
    nothing(
        "Zelensky said the talks were constructive.",
        "The talks were constructive, Zelensky said.",
    );
}

#[test]
fn certainty_added_or_dropped() {
    expect(
        "Jared Kushner will also take part in the talks in Moscow.",
        "Jared Kushner is also expected to take part in the talks in Moscow.",
        Category::Certainty,
        "will",
        "expected",
    );
    nothing(
        "Kushner may join the talks in Moscow.",
        "Kushner might join the talks in Moscow.",
    );
}

#[test]
fn contradictions_denials_and_negations() {
    expect(
        "Ukrainian officials denied the reports about the fall of the town.",
        "Ukrainian officials have not confirmed the reports about the fall of the town.",
        Category::Contradiction,
        "denied",
        "have not confirmed",
    );
    expect(
        "The ministry confirmed the strike on the depot.",
        "The ministry denied the strike on the depot.",
        Category::Contradiction,
        "confirmed",
        "denied",
    );
    expect(
        "The army did not withdraw from the city.",
        "The army did withdraw from the city.",
        Category::Contradiction,
        "not withdraw",
        "withdraw",
    );
    nothing(
        "Kyiv firmly rejects these demands from Moscow.",
        "Kyiv strongly rejects the demands from Moscow.",
    );
}

/// A negated copula whose complement is only function words or a quotation
/// still negates the statement (it was found by the Spanish and Portuguese
/// labelled set).
#[test]
fn a_negated_copula_before_a_quotation_or_a_pronoun() {
    expect(
        "Zhang agregó que los comicios son una \"cuestión interna del Perú\", por lo que rechazó cualquier presión.",
        "Zhang agregó que los comicios no son una \"cuestión interna del Perú\", por lo que rechazó cualquier presión.",
        Category::Contradiction,
        "son",
        "no son",
    );
    expect(
        "Seleção é isso, joga quem está melhor.",
        "Seleção não é isso, joga quem está melhor.",
        Category::Contradiction,
        "é",
        "não é",
    );
    nothing(
        "Seleção não é isso, joga quem está melhor.",
        "Seleção não é isso, joga quem está melhor.",
    );
}

/// The compact clock time of French, Spanish and Portuguese news is a time
/// of day, not a figure.
#[test]
fn compact_clock_times_are_dates() {
    expect(
        "A loja abre das 11h às 19h.",
        "A loja abre das 12h às 19h.",
        Category::Date,
        "11h",
        "12h",
    );
    expect(
        "Le feu a pris vers 21h30 au deuxième étage.",
        "Le feu a pris vers 22h30 au deuxième étage.",
        Category::Date,
        "21h30",
        "22h30",
    );
    assert!(
        !categories(&suggest(
            "A loja abre das 11h às 19h.",
            "A loja abre das 12h às 19h."
        ))
        .contains(&Category::Number)
    );
}

#[test]
fn paraphrase_alone_raises_nothing() {
    nothing(
        "The White House expressed strong optimism about advancing a deal to end the war in Ukraine.",
        "The White House expressed strong optimism about reaching a breakthrough to finally end the war in Ukraine.",
    );
    nothing(
        "Kyiv continues to reject them.",
        "Kyiv keeps turning them down.",
    );
}

/// FactCC-style corruptions of real sentences: swap a number, a date or a
/// name, add a negation or a hedge, change the speaker; each must be
/// reported with the expected category, and the untouched sentence must
/// raise nothing.
#[test]
fn generated_corruptions_are_caught() {
    let sentences = [
        "Ukrainian President Volodymyr Zelensky said on Tuesday that 40 drones struck Kharkiv.",
        "EU foreign policy chief Kaja Kallas said on Monday that 12 member states backed the plan.",
        "Kremlin spokesman Dmitry Peskov said on Friday that 300 prisoners were exchanged in Istanbul.",
    ];
    // What is corrupted, how, and the category that must report it.
    type Corruption = (&'static str, fn(&str) -> String, Category);
    let corruptions: [Corruption; 6] = [
        (
            "number",
            |s| {
                s.replace("40", "14")
                    .replace("12", "21")
                    .replace("300", "200")
            },
            Category::Number,
        ),
        (
            "date",
            |s| {
                s.replace("Tuesday", "Thursday")
                    .replace("Monday", "Sunday")
                    .replace("Friday", "Saturday")
            },
            Category::Date,
        ),
        (
            "name",
            |s| {
                s.replace("Kharkiv", "Kharkov")
                    .replace("Kallas", "Kalas")
                    .replace("Istanbul", "Istambul")
            },
            Category::Name,
        ),
        (
            "negation",
            |s| {
                s.replace(" struck", " did not strike")
                    .replace(" backed", " did not back")
                    .replace(" were exchanged", " were not exchanged")
            },
            Category::Contradiction,
        ),
        (
            "hedge",
            |s| s.replace("said on", "reportedly said on"),
            Category::Certainty,
        ),
        (
            "speaker",
            |s| {
                s.replace(
                    "Ukrainian President Volodymyr Zelensky said",
                    "Some officials said",
                )
                .replace(
                    "EU foreign policy chief Kaja Kallas said",
                    "Some diplomats said",
                )
                .replace("Kremlin spokesman Dmitry Peskov said", "Some sources said")
            },
            Category::Attribution,
        ),
    ];
    for original in sentences {
        nothing(original, original);
        for (what, corrupt, category) in &corruptions {
            let changed = corrupt(original);
            assert_ne!(changed, original, "{what}");
            let found = suggest(original, &changed);
            assert!(
                categories(&found).contains(category),
                "{what}: {original} / {changed}: {found:#?}"
            );
        }
    }
}

#[test]
fn omissions_of_people_places_and_figures() {
    let left = "Kremlin spokesman Dmitry Peskov confirmed the meeting. The war began with the annexation of Crimea in 2014. Talks were held in Paris.";
    let right = "The Kremlin confirmed the meeting. Talks were held in Paris.";
    let (l, r) = (Document::parse("l", left), Document::parse("r", right));
    let tokens = PairTokens::new(&l, &r);
    let facts = Facts::new(&l, &r, [&tokens.left, &tokens.right], &tokens.vocabulary);
    let found = omissions(&l, &r, &tokens, &names(&l, &r, &tokens), &facts);
    let texts: Vec<(&str, Category, &str)> = found
        .iter()
        .map(|o| (o.side.name(), o.category, o.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("left", Category::Name, "Dmitry Peskov"),
            ("left", Category::Place, "Crimea"),
            ("left", Category::Date, "2014")
        ]
    );
    assert_eq!(&left[found[0].at.0..found[0].at.1], "Dmitry Peskov");
}

/// Symmetry: which of two equal hedges is the extra one must not depend on
/// the direction of the comparison (found by the random symmetry property:
/// the word diff called a different "may" changed each way).
#[test]
fn the_extra_hedge_is_the_same_both_ways() {
    let (a, b) = ("May aa may aa. Aaa aa aa.", "Ab ab ab ab ab may aa.");
    let ab = Comparison::new(Document::parse("a", a), Document::parse("b", b));
    let ba = Comparison::new(Document::parse("b", b), Document::parse("a", a));
    let spans = |c: &Comparison, a_is_left: bool| -> Vec<Option<(usize, usize)>> {
        c.links
            .iter()
            .flat_map(|l| &l.discrepancies)
            .map(|d| if a_is_left { d.left } else { d.right })
            .collect()
    };
    assert_eq!(spans(&ab, true), spans(&ba, false));
}
