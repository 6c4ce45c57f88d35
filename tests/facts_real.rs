//! Findings on real text, judged by reading: the labelled set in
//! `tests/data/facts-real/` (see its README). Each item is a short passage
//! pair from a real paraphrase or simplification (`real`), the same pair with
//! one fact edited on one side (`edit`), or with one fact restated in another
//! form (`restate`); its gold lists the fact discrepancies a careful
//! fact-checker would want to look at.
//!
//!     cargo test --test facts_real -- --nocapture           # the tables
//!     FACTS_REAL_SHOW=1 cargo test --test facts_real -- --nocapture
//!
//! `FACTS_REAL_SHOW` also prints every finding that matches no gold entry and
//! every gold entry no finding matched.
//!
//! A finding matches a gold entry when their categories agree (for a fact
//! present on one side only, `omission` agrees with any category) and their
//! surface texts overlap on a side where both have text; texts overlap when,
//! lowercased and with punctuation dropped, one contains the other or they
//! share a word of four or more characters or one with a digit.
//! Precision: findings that match a gold entry, over all findings. Recall:
//! gold entries matched by a finding. Edit recall: the same, for the facts
//! that were edited. A restatement is quiet when no finding overlaps the
//! restated words. The test fails when a figure over the whole set (dev and
//! held) drops below its floor in `floors.toml`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;

const LANGUAGES: [&str; 5] = ["en", "fr", "de", "es", "pt"];

#[derive(Deserialize)]
struct Set {
    item: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: String,
    language: String,
    split: String,
    kind: String,
    left: String,
    right: String,
    restated: Option<Surface>,
    #[serde(default)]
    gold: Vec<Fact>,
    /// Findings of an earlier build judged wrong by reading: gold lacks them.
    #[serde(default)]
    wrong: Vec<Fact>,
}

#[derive(Deserialize)]
struct Surface {
    left: String,
    right: String,
}

#[derive(Deserialize)]
struct Fact {
    category: String,
    left: String,
    right: String,
    /// Why a careful fact-checker would (or, for a wrong finding, would not)
    /// look at it: one line.
    reason: String,
    #[serde(default)]
    edit: bool,
}

#[derive(Deserialize)]
struct Floors {
    precision: BTreeMap<String, f64>,
    recall: BTreeMap<String, f64>,
    edit_recall: f64,
    restate_quiet: f64,
}

/// Lowercased words of `text`, punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two surface texts name the same words (see the module comment).
fn overlap(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (ja, jb) = (wa.join(" "), wb.join(" "));
    if ja.contains(&jb) || jb.contains(&ja) {
        return true;
    }
    let telling = |w: &&String| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit());
    wa.iter().filter(telling).any(|w| wb.contains(w))
}

/// A finding as the harness reads it: category and surface texts.
struct Finding {
    category: String,
    left: String,
    right: String,
}

fn matches(f: &Finding, g: &Fact) -> bool {
    let one_sided = g.left.is_empty() || g.right.is_empty();
    let category = f.category == g.category
        || (one_sided && (f.category == "omission" || g.category == "omission"));
    category && (overlap(&f.left, &g.left) || overlap(&f.right, &g.right))
}

fn findings(item: &Item) -> Vec<Finding> {
    let cmp = Comparison::new(
        Document::parse("left", item.left.as_str()),
        Document::parse("right", item.right.as_str()),
    );
    cmp.links
        .iter()
        .flat_map(|l| l.discrepancies.iter())
        .map(|d| Finding {
            category: d.category.id().to_string(),
            left: d.left_text.clone(),
            right: d.right_text.clone(),
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Tally {
    findings: usize,
    right: usize,
    gold: usize,
    found: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.right as f64 / self.findings.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    fn add(&mut self, o: &Tally) {
        self.findings += o.findings;
        self.right += o.right;
        self.gold += o.gold;
        self.found += o.found;
    }
}

#[derive(Default)]
struct Report {
    /// By (split, language, category); category "all" is the sum.
    tallies: BTreeMap<(String, String, String), Tally>,
    edits: BTreeMap<String, (usize, usize)>,
    restates: BTreeMap<String, (usize, usize)>,
    /// By kind of item (real, edit, restate), over dev and held.
    kinds: BTreeMap<String, Tally>,
    /// Findings that match neither gold nor a finding judged wrong: they
    /// count as wrong until someone reads them and records a judgement.
    unjudged: usize,
}

fn judge(items: &[Item], show: bool) -> Report {
    let mut report = Report::default();
    for item in items {
        let found = findings(item);
        for split in [item.split.as_str(), "all"] {
            let key = |c: &str| (split.to_string(), item.language.clone(), c.to_string());
            for f in &found {
                let right = item.gold.iter().any(|g| matches(f, g));
                for c in [f.category.as_str(), "all"] {
                    let t = report.tallies.entry(key(c)).or_default();
                    t.findings += 1;
                    t.right += usize::from(right);
                }
                let judged = right || item.wrong.iter().any(|w| matches(f, w));
                if split == "all" {
                    let k = report.kinds.entry(item.kind.clone()).or_default();
                    k.findings += 1;
                    k.right += usize::from(right);
                    report.unjudged += usize::from(!judged);
                }
                if show && split == "all" && !right {
                    println!(
                        "{} finding {} {}: {:?} / {:?}",
                        if judged { "wrong" } else { "unjudged" },
                        item.id,
                        f.category,
                        f.left,
                        f.right
                    );
                }
            }
            for g in &item.gold {
                let hit = found.iter().any(|f| matches(f, g));
                for c in [g.category.as_str(), "all"] {
                    let t = report.tallies.entry(key(c)).or_default();
                    t.gold += 1;
                    t.found += usize::from(hit);
                }
                if split == "all" {
                    let k = report.kinds.entry(item.kind.clone()).or_default();
                    k.gold += 1;
                    k.found += usize::from(hit);
                }
                if g.edit {
                    let e = report.edits.entry(split.to_string()).or_default();
                    e.0 += 1;
                    e.1 += usize::from(hit);
                }
                if show && split == "all" && !hit {
                    println!(
                        "missed gold {} {}: {:?} / {:?}",
                        item.id, g.category, g.left, g.right
                    );
                }
            }
            if let Some(r) = &item.restated {
                let loud = found
                    .iter()
                    .any(|f| overlap(&f.left, &r.left) || overlap(&f.right, &r.right));
                let e = report.restates.entry(split.to_string()).or_default();
                e.0 += 1;
                e.1 += usize::from(!loud);
            }
        }
    }
    report
}

fn print(report: &Report) {
    println!(
        "findings matching neither gold nor a judged-wrong finding: {}",
        report.unjudged
    );
    for (kind, t) in &report.kinds {
        println!(
            "{kind} items: {} findings, {} right ({:.2}); {} gold, {} found ({:.2})",
            t.findings,
            t.right,
            t.precision(),
            t.gold,
            t.found,
            t.recall()
        );
    }
    for split in ["dev", "held", "all"] {
        println!("\n{split}");
        println!(
            "{:<4} {:<14} {:>8} {:>6} {:>9} {:>6} {:>6} {:>7}",
            "lang", "category", "findings", "right", "precision", "gold", "found", "recall"
        );
        let mut total = Tally::default();
        for ((s, lang, category), t) in &report.tallies {
            if s != split {
                continue;
            }
            if category == "all" {
                total.add(t);
            }
            println!(
                "{lang:<4} {category:<14} {:>8} {:>6} {:>9.2} {:>6} {:>6} {:>7.2}",
                t.findings,
                t.right,
                t.precision(),
                t.gold,
                t.found,
                t.recall()
            );
        }
        println!(
            "{:<4} {:<14} {:>8} {:>6} {:>9.2} {:>6} {:>6} {:>7.2}",
            "all",
            "all",
            total.findings,
            total.right,
            total.precision(),
            total.gold,
            total.found,
            total.recall()
        );
        let (edits, found) = report.edits.get(split).copied().unwrap_or_default();
        let (restates, quiet) = report.restates.get(split).copied().unwrap_or_default();
        println!(
            "edits found {found}/{edits} ({:.2}); restatements quiet {quiet}/{restates} ({:.2})",
            found as f64 / edits.max(1) as f64,
            quiet as f64 / restates.max(1) as f64
        );
    }
}

fn load(dir: &Path) -> Vec<Item> {
    let mut items = Vec::new();
    for lang in LANGUAGES {
        let path = dir.join(format!("{lang}.toml"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let set: Set = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        items.extend(set.item);
    }
    items
}

#[test]
fn the_set_is_well_formed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/facts-real");
    let items = load(&dir);
    let categories = [
        "name",
        "title",
        "number",
        "date",
        "place",
        "attribution",
        "certainty",
        "contradiction",
        "omission",
        "other",
    ];
    let mut ids = std::collections::HashSet::new();
    for item in &items {
        assert!(ids.insert(item.id.as_str()), "{}: id twice", item.id);
        assert!(LANGUAGES.contains(&item.language.as_str()), "{}", item.id);
        assert!(
            ["dev", "held"].contains(&item.split.as_str()),
            "{}",
            item.id
        );
        assert!(
            ["real", "edit", "restate"].contains(&item.kind.as_str()),
            "{}",
            item.id
        );
        assert_eq!(
            item.kind == "restate",
            item.restated.is_some(),
            "{}",
            item.id
        );
        assert_eq!(
            item.kind == "edit",
            item.gold.iter().filter(|g| g.edit).count() == 1,
            "{}: an edit item has exactly one edited fact",
            item.id
        );
        if let Some(r) = &item.restated {
            assert!(item.left.contains(&r.left), "{}: {:?}", item.id, r.left);
            assert!(item.right.contains(&r.right), "{}: {:?}", item.id, r.right);
        }
        for g in item.gold.iter().chain(&item.wrong) {
            assert!(categories.contains(&g.category.as_str()), "{}", item.id);
            assert!(!(g.left.is_empty() && g.right.is_empty()), "{}", item.id);
            assert!(!g.reason.trim().is_empty(), "{}: no reason", item.id);
            assert!(item.left.contains(&g.left), "{}: {:?}", item.id, g.left);
            assert!(item.right.contains(&g.right), "{}: {:?}", item.id, g.right);
        }
    }
}

#[test]
fn findings_on_real_text_stay_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/facts-real");
    let items = load(&dir);
    let floors: Floors =
        toml::from_str(&std::fs::read_to_string(dir.join("floors.toml")).expect("floors.toml"))
            .expect("floors.toml");
    let report = judge(&items, std::env::var_os("FACTS_REAL_SHOW").is_some());
    print(&report);
    let mut below = Vec::new();
    for lang in LANGUAGES {
        let t = report
            .tallies
            .get(&("all".to_string(), lang.to_string(), "all".to_string()))
            .copied()
            .unwrap_or_default();
        for (what, value, floor) in [
            ("precision", t.precision(), floors.precision.get(lang)),
            ("recall", t.recall(), floors.recall.get(lang)),
        ] {
            let floor = floor.copied().unwrap_or(1.0);
            if value + 1e-9 < floor {
                below.push(format!("{lang} {what} {value:.3} < {floor}"));
            }
        }
    }
    let (edits, found) = report.edits.get("all").copied().unwrap_or_default();
    let edit_recall = found as f64 / edits.max(1) as f64;
    if edit_recall + 1e-9 < floors.edit_recall {
        below.push(format!(
            "edit recall {edit_recall:.3} < {}",
            floors.edit_recall
        ));
    }
    let (restates, quiet) = report.restates.get("all").copied().unwrap_or_default();
    let restate_quiet = quiet as f64 / restates.max(1) as f64;
    if restate_quiet + 1e-9 < floors.restate_quiet {
        below.push(format!(
            "quiet restatements {restate_quiet:.3} < {}",
            floors.restate_quiet
        ));
    }
    assert!(below.is_empty(), "below the floors: {below:#?}");
}
