//! The languages news is written in: each article's language is detected,
//! its word lists drive the detectors (per category, positive and negative,
//! per language), the reports say which rules ran, and a language without
//! lists gets a visible note.

use assert_cmd::Command;
use tandem::core::Category;
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind;
use tandem::core::document::Document;

/// The categories found between two versions of a one-paragraph article.
fn found(left: &str, right: &str) -> Vec<(Category, String, String)> {
    let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
    cmp.links
        .iter()
        .flat_map(|l| {
            l.discrepancies
                .iter()
                .map(|d| (d.category, d.left_text.clone(), d.right_text.clone()))
        })
        .collect()
}

#[track_caller]
fn expect(left: &str, right: &str, category: Category) {
    let got = found(left, right);
    assert!(
        got.iter().any(|d| d.0 == category),
        "no {category:?} in {got:?}\n{left}\n{right}"
    );
}

#[track_caller]
fn nothing(left: &str, right: &str) {
    let got = found(left, right);
    assert!(
        got.is_empty(),
        "expected nothing, got {got:?}\n{left}\n{right}"
    );
}

/// Per language: a base article and single-fact edits of it, each with the
/// category it must raise, and a paraphrase that must raise nothing.
struct Case {
    code: &'static str,
    base: &'static str,
    edits: &'static [(&'static str, &'static str, Category)],
    reworded: (&'static str, &'static str),
}

const CASES: &[Case] = &[
    Case {
        code: "fr",
        base: "Le conseil municipal a approuvé mardi un budget de trois millions d'euros pour rénover l'école. « Les travaux commenceront en mars », a déclaré le maire Jean Dupont. La préfecture a confirmé le calendrier.",
        edits: &[
            ("mardi", "mercredi", Category::Date),
            ("trois", "deux", Category::Number),
            ("mars", "avril", Category::Date),
            ("le maire Jean Dupont", "un habitant", Category::Attribution),
            (
                "commenceront",
                "commenceraient probablement",
                Category::Certainty,
            ),
            ("a confirmé", "n'a pas confirmé", Category::Contradiction),
            ("le maire", "l'ancien maire", Category::Title),
            ("a approuvé", "a rejeté", Category::Contradiction),
        ],
        reworded: (
            "Le conseil municipal a voté mardi un budget pour rénover l'école.",
            "Mardi, le conseil municipal a adopté un budget destiné à rénover l'école.",
        ),
    },
    Case {
        code: "de",
        base: "Der Stadtrat hat am Montag drei neue Buslinien beschlossen. „Die Linien starten im Oktober“, sagte Bürgermeisterin Anna Schmidt. Die Verkehrsbetriebe bestätigten den Zeitplan.",
        edits: &[
            ("Montag", "Dienstag", Category::Date),
            ("drei", "zwei", Category::Number),
            ("Oktober", "November", Category::Date),
            (
                "Bürgermeisterin Anna Schmidt",
                "Stadtrat Peter Wagner",
                Category::Attribution,
            ),
            ("starten", "starten vermutlich", Category::Certainty),
            (
                "bestätigten den Zeitplan",
                "bestätigten den Zeitplan nicht",
                Category::Contradiction,
            ),
        ],
        reworded: (
            "Der Stadtrat hat am Montag neue Buslinien beschlossen.",
            "Am Montag beschloss der Stadtrat neue Buslinien.",
        ),
    },
    Case {
        code: "es",
        base: "El ayuntamiento aprobó el lunes un plan de cinco millones de euros para el puerto. «Las obras empezarán en junio», dijo la alcaldesa Marta López. El gobierno regional confirmó la inversión.",
        edits: &[
            ("lunes", "martes", Category::Date),
            ("cinco", "cuatro", Category::Number),
            ("junio", "julio", Category::Date),
            (
                "la alcaldesa Marta López",
                "el concejal Pedro Ruiz",
                Category::Attribution,
            ),
            ("empezarán", "podrían empezar", Category::Certainty),
            ("confirmó", "no confirmó", Category::Contradiction),
            ("aprobó", "rechazó", Category::Contradiction),
        ],
        reworded: (
            "El ayuntamiento aprobó el lunes un plan para el puerto.",
            "El lunes, el ayuntamiento dio luz verde a un plan para el puerto.",
        ),
    },
    Case {
        code: "pt",
        base: "A câmara municipal aprovou na segunda-feira um plano de seis milhões de euros para o porto. «As obras começam em maio», disse a presidente Ana Costa. O governo confirmou o investimento.",
        edits: &[
            ("segunda-feira", "terça-feira", Category::Date),
            ("seis", "sete", Category::Number),
            ("maio", "junho", Category::Date),
            (
                "a presidente Ana Costa",
                "o vereador Rui Lopes",
                Category::Attribution,
            ),
            ("começam", "talvez comecem", Category::Certainty),
            ("confirmou", "não confirmou", Category::Contradiction),
            ("aprovou", "rejeitou", Category::Contradiction),
        ],
        reworded: (
            "A câmara municipal aprovou na segunda-feira um plano para o porto.",
            "Na segunda-feira, a câmara municipal deu luz verde a um plano para o porto.",
        ),
    },
    Case {
        code: "en",
        base: "The city council approved a four million dollar plan for the harbour on Monday. \"Work will start in May,\" said Mayor Helen Okafor. The state government confirmed the funding.",
        edits: &[
            ("Monday", "Tuesday", Category::Date),
            ("four", "three", Category::Number),
            ("in May", "in June", Category::Date),
            (
                "Mayor Helen Okafor",
                "Councilmember Lisa Hwang",
                Category::Attribution,
            ),
            ("will start", "may start", Category::Certainty),
            ("confirmed", "did not confirm", Category::Contradiction),
            ("Mayor Helen", "former Mayor Helen", Category::Title),
            ("approved", "rejected", Category::Contradiction),
        ],
        reworded: (
            "The city council approved a plan for the harbour on Monday.",
            "On Monday the city council gave its approval to a plan for the harbour.",
        ),
    },
];

#[test]
fn each_language_is_detected() {
    for case in CASES {
        let doc = Document::parse("x", case.base);
        assert_eq!(doc.language.code, case.code, "{}", case.base);
        assert!(doc.language.lexicon().has_lists());
    }
}

#[test]
fn each_category_fires_in_each_language() {
    for case in CASES {
        for (from, to, category) in case.edits {
            assert!(case.base.contains(from), "{}: {from}", case.code);
            expect(case.base, &case.base.replacen(from, to, 1), *category);
        }
    }
}

#[test]
fn identical_and_reworded_text_raises_nothing_in_each_language() {
    for case in CASES {
        nothing(case.base, case.base);
        nothing(case.reworded.0, case.reworded.1);
        let cmp = Comparison::new(
            Document::parse("l", case.base),
            Document::parse("r", case.base.replace(". ", ".\n\n")),
        );
        assert!(
            cmp.links.iter().all(|l| l.kind == Kind::Aligned),
            "{}: re-wrapped text",
            case.code
        );
    }
}

/// Digits, names in capitals and dates in figures need no word lists: they
/// run for a language without any.
#[test]
fn a_language_without_lists_keeps_the_language_free_detectors() {
    let left =
        "東京電力は3日、処理水の放出を来月12日に始めると発表した。費用は約120億円となる見通しだ。";
    let right =
        "東京電力は3日、処理水の放出を来月21日に始めると発表した。費用は約120億円となる見通しだ。";
    let doc = Document::parse("ja", left);
    assert_eq!(doc.language.code, "ja");
    assert!(!doc.language.lexicon().has_lists());
    expect(left, right, Category::Number);
    nothing(left, left);
}

fn align(args: &[&str]) -> String {
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .arg("align")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_reports_say_which_rules_ran() {
    let dir = tempfile::TempDir::with_prefix("tandem-languages-").unwrap();
    let (fr, zh) = (dir.path().join("fr.txt"), dir.path().join("zh.txt"));
    std::fs::write(&fr, CASES[0].base).unwrap();
    std::fs::write(
        &zh,
        "市议会周二表示，该计划将耗资三百万欧元，需要多年才能完成。",
    )
    .unwrap();
    let (fr, zh) = (fr.to_str().unwrap(), zh.to_str().unwrap());
    let json: serde_json::Value =
        serde_json::from_str(&align(&[fr, zh, "--format", "json"])).unwrap();
    assert_eq!(json["left"]["language"]["code"], "fr");
    assert_eq!(json["left"]["language"]["word_lists"], true);
    assert_eq!(json["right"]["language"]["code"], "zh");
    assert_eq!(json["right"]["language"]["word_lists"], false);
    let text = align(&[fr, zh]);
    let rules = text
        .lines()
        .find(|l| l.starts_with("rules:"))
        .expect("a rules line");
    assert!(
        rules.contains("French word lists") && rules.contains("no word lists"),
        "{rules}"
    );
}
