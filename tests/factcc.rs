//! Precision and recall of the discrepancy detectors on the labelled set of
//! single-fact edits in `tests/data/factcc/` (FactCC-style: each edited copy
//! of a real sentence changes one fact of a known category; each unedited
//! copy is only re-wrapped), by language and by category.
//!
//!     cargo test --test factcc -- --nocapture      # the table
//!     FACTCC_MISSES=1 cargo test --test factcc -- --nocapture
//!
//! `FACTCC_MISSES` also prints every missed edit and every false finding.
//! The test fails below the targets: precision 0.95, recall 0.90, for every
//! language and every category.
//! A finding of the edited category on an edited pair is a true positive;
//! any other finding (another category, or on an unedited pair) is a false
//! positive of its category. Recall counts the edited pairs found.

use std::collections::BTreeMap;

use tandem::core::compare::Comparison;
use tandem::core::document::Document;

#[derive(Default)]
struct Count {
    edited: usize,
    found: usize,
    true_positive: usize,
    false_positive: usize,
}

#[test]
fn labelled_set_precision_and_recall() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/factcc");
    let misses = std::env::var_os("FACTCC_MISSES").is_some();
    let mut table: BTreeMap<(String, String), Count> = BTreeMap::new();
    for lang in ["en", "fr", "de", "es", "pt"] {
        let Ok(data) = std::fs::read_to_string(dir.join(format!("{lang}.tsv"))) else {
            println!("{lang}: no labelled set");
            continue;
        };
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(category), Some(original), Some(edited)) =
                (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let edited = edited.replace("\\n", "\n");
            let cmp = Comparison::new(
                Document::parse("a", original),
                Document::parse("b", edited.as_str()),
            );
            let found: Vec<&str> = cmp
                .links
                .iter()
                .flat_map(|l| l.discrepancies.iter().map(|d| d.category.id()))
                .collect();
            if category != "none" {
                let c = table
                    .entry((lang.to_string(), category.to_string()))
                    .or_default();
                c.edited += 1;
                if found.contains(&category) {
                    c.found += 1;
                } else if misses {
                    println!(
                        "missed {lang} {category}: {original}\n    -> {edited}\n    found {found:?}"
                    );
                }
            }
            let mut counted = Vec::new();
            for f in found {
                if counted.contains(&f) {
                    continue;
                }
                counted.push(f);
                let c = table.entry((lang.to_string(), f.to_string())).or_default();
                if f == category {
                    c.true_positive += 1;
                } else {
                    c.false_positive += 1;
                    if misses {
                        println!(
                            "false {lang} {f} (edit: {category}): {original}\n    -> {edited}"
                        );
                    }
                }
            }
        }
    }
    println!(
        "{:<4} {:<14} {:>6} {:>6} {:>9} {:>7}",
        "lang", "category", "edits", "found", "precision", "recall"
    );
    let mut totals: BTreeMap<String, Count> = BTreeMap::new();
    let mut below = Vec::new();
    for ((lang, category), c) in &table {
        let p = c.true_positive as f64 / (c.true_positive + c.false_positive).max(1) as f64;
        let r = c.found as f64 / c.edited.max(1) as f64;
        println!(
            "{lang:<4} {category:<14} {:>6} {:>6} {p:>9.2} {r:>7.2}",
            c.edited, c.found
        );
        if p < 0.95 || (c.edited > 0 && r < 0.90) {
            below.push(format!(
                "{lang} {category}: precision {p:.2}, recall {r:.2}"
            ));
        }
        let t = totals.entry(lang.clone()).or_default();
        t.edited += c.edited;
        t.found += c.found;
        t.true_positive += c.true_positive;
        t.false_positive += c.false_positive;
    }
    for (lang, t) in &totals {
        let p = t.true_positive as f64 / (t.true_positive + t.false_positive).max(1) as f64;
        let r = t.found as f64 / t.edited.max(1) as f64;
        println!(
            "{lang:<4} {:<14} {:>6} {:>6} {p:>9.2} {r:>7.2}",
            "all", t.edited, t.found
        );
        if p < 0.95 || r < 0.90 {
            below.push(format!("{lang}: precision {p:.2}, recall {r:.2}"));
        }
    }
    assert!(below.is_empty(), "below the targets: {below:#?}");
    assert!(!totals.is_empty(), "no labelled set found");
}
