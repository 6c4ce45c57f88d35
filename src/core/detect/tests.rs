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

/// The number findings of a one-link pair, as (left, right, explanation).
fn figures(left: &str, right: &str) -> Vec<(String, String, String)> {
    suggest(left, right)
        .into_iter()
        .filter(|d| d.category == Category::Number)
        .map(|d| (d.left_text, d.right_text, d.explanation))
        .collect()
}

#[test]
fn the_same_figure_in_another_form_is_no_change() {
    for (left, right) in [
        (
            "A aldeia tem 1 200 habitantes, disse o prefeito.",
            "A aldeia tem 1.200 habitantes, disse o prefeito.",
        ),
        (
            "A aldeia tem 1200 habitantes, disse o prefeito.",
            "A aldeia tem 1.200 habitantes, disse o prefeito.",
        ),
        (
            "Morreram cinquenta e oito pessoas no acidente da estrada.",
            "Morreram 58 pessoas no acidente da estrada.",
        ),
        (
            "Il y avait quatre cents manifestants devant la mairie.",
            "Il y avait 400 manifestants devant la mairie.",
        ),
        (
            "Une trentaine de personnes ont été évacuées de l'immeuble.",
            "Environ trente personnes ont été évacuées de l'immeuble.",
        ),
        (
            "Um homem foi preso pela polícia na manhã de ontem.",
            "Um homem foi detido pela polícia na manhã de ontem.",
        ),
        (
            "The death toll rose to 56 on Tuesday, officials said.",
            "Officials said 56 people had died by Tuesday.",
        ),
    ] {
        assert_eq!(figures(left, right), vec![], "{left} / {right}");
    }
}

#[test]
fn a_changed_figure_is_shown_as_written() {
    assert_eq!(
        figures(
            "A nota média dos alunos foi 6,2 no último exame.",
            "A nota média dos alunos foi 5,9 no último exame."
        ),
        vec![(
            "6,2".to_string(),
            "5,9".to_string(),
            "the figure differs: 6,2 / 5,9".to_string()
        )]
    );
    assert_eq!(
        figures(
            "The town has 1,200 residents and a small harbour.",
            "The town has 2,100 residents and a small harbour."
        )
        .len(),
        1
    );
}

#[test]
fn figures_are_paired_by_what_they_count_and_every_change_is_shown() {
    // Deaths stay deaths; the injured change; the missing go: three facts,
    // never "820 / 1.832".
    let found = figures(
        "O sismo matou 820 pessoas, feriu 672 e deixou 14 desaparecidos.",
        "O sismo matou 820 pessoas e feriu 1.832.",
    );
    assert_eq!(
        found,
        vec![
            (
                "672".to_string(),
                "1.832".to_string(),
                "the figure differs: 672 / 1.832".to_string()
            ),
            (
                "14".to_string(),
                String::new(),
                "the figure 14 (desaparecidos) is only in the left version".to_string()
            ),
        ]
    );
    let found = figures(
        "The quake killed 8 people and injured 30 in the province.",
        "The quake killed 10 people and injured 45 in the province.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn a_dateline_is_not_a_fact_and_a_toll_is_not_a_day() {
    let found = suggest(
        "LANZHOU, July 22 (Xinhua) -- The death toll from the earthquake rose to 56.",
        "LANZHOU, July 23 (Xinhua) -- The death toll from the earthquake rose to 89.",
    );
    let shown: Vec<(Category, &str, &str)> = found
        .iter()
        .map(|d| (d.category, d.left_text.as_str(), d.right_text.as_str()))
        .collect();
    assert_eq!(shown, vec![(Category::Number, "56", "89")]);
}

#[test]
fn clock_times_in_another_form_are_the_same_time() {
    for (left, right) in [
        (
            "The quake struck at 3.36am local time near the coast.",
            "The quake struck at 3:36 a.m. local time near the coast.",
        ),
        (
            "Le train partira à 5h45 de la gare centrale.",
            "Le train partira à 5 h 45 de la gare centrale.",
        ),
    ] {
        nothing(left, right);
    }
    expect(
        "The quake struck at 3.36am local time near the coast.",
        "The quake struck at 4:36 a.m. local time near the coast.",
        Category::Date,
        "3.36am",
        "4:36 a.m",
    );
}

#[test]
fn discourse_words_are_not_dates() {
    nothing(
        "Now the council must decide, and at last the vote came.",
        "The council must decide, and finally the vote came.",
    );
}

#[test]
fn a_figure_that_moved_to_the_next_passage_is_not_dropped() {
    let left = "The quake killed 56 people and 14 are still missing in the mountains.\n\n\
        Rescuers worked through the night in the cold rain.";
    let right = "The quake killed 56 people in the mountains.\n\n\
        Rescuers worked through the night in the cold rain, and 14 are still missing.";
    let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
    let numbers: Vec<&Discrepancy> = cmp
        .links
        .iter()
        .flat_map(|l| &l.discrepancies)
        .filter(|d| d.category == Category::Number)
        .collect();
    assert!(numbers.is_empty(), "{numbers:#?}");
}

#[test]
fn a_date_in_figures_is_the_date_in_words() {
    nothing(
        "Fred Uhlman est mort à Londres le 11 avril 1985, dans sa maison.",
        "Fred Uhlman est mort à Londres le 11/04/1985, dans sa maison.",
    );
    nothing(
        "Simona Halep est née le 27 septembre 1991 à Constanta.",
        "Simona Halep est née le 27.09.1991 à Constanta.",
    );
    expect(
        "L'université, fondée en 1386, compte environ 28 000 étudiants.",
        "L'université, fondée en 1368, compte environ 28 000 étudiants.",
        Category::Date,
        "1386",
        "1368",
    );
}

#[test]
fn hedges_only_where_they_hedge() {
    // Ability, showing up, "for example": no hedge.
    nothing(
        "The fox was hungry and he could reach the grapes on the vine.",
        "The fox was hungry and he reached the grapes on the vine.",
    );
    nothing(
        "Am Abend sprachen viele Gäste, wie etwa der Bürgermeister der Stadt.",
        "Am Abend sprachen viele Gäste, wie der Bürgermeister der Stadt.",
    );
    expect(
        "The bridge is closed to traffic.",
        "The bridge could be closed to traffic.",
        Category::Certainty,
        "",
        "could",
    );
    expect(
        "Es kamen 30 Menschen zur Versammlung.",
        "Es kamen etwa 30 Menschen zur Versammlung.",
        Category::Certainty,
        "",
        "etwa",
    );
}
