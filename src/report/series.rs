//! The text report of a story's versions: each consecutive pair as the
//! two-version report shows it, then the history of the facts that changed.

use std::fmt::Write;

use crate::core::Side;
use crate::core::series::{FactHistory, PassageChange, Series};
use crate::display::{sanitize, wrap};

use super::text;

/// How a version is named in the report: its number, from 1.
fn number(v: usize) -> String {
    (v + 1).to_string()
}

/// Renders every pair at `total_width` cells, then the history.
pub fn render_styled(series: &Series, total_width: usize, colour: bool) -> String {
    let mut out = String::new();
    let n = series.len();
    for (p, cmp) in series.pairs().iter().enumerate() {
        let _ = writeln!(
            out,
            "═══ versions {}–{} of {n} ═══",
            number(p),
            number(p + 1)
        );
        out.push_str(&text::render_styled(cmp, total_width, colour));
        out.push('\n');
    }
    out.push_str(&history(series, &series.history(), total_width));
    out.push_str(&passages(series, total_width));
    out
}

/// The passages added or dropped, pair by pair, each with its opening words.
fn passages(series: &Series, total_width: usize) -> String {
    let mut out = String::new();
    let changes = series.passages();
    if changes.is_empty() {
        return out;
    }
    let _ = writeln!(out, "═══ passages added or dropped ═══");
    for c in &changes {
        let line = passage_line(series, c);
        for (i, row) in wrap(&line, total_width.saturating_sub(4))
            .iter()
            .enumerate()
        {
            let _ = writeln!(out, "{}{row}", if i == 0 { "  " } else { "    " });
        }
    }
    out
}

/// "How the facts changed": one line per fact, its value in every version
/// in order ("—" where a version does not state it), and where it changed.
pub fn history(series: &Series, facts: &[FactHistory], total_width: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "═══ how the facts changed across {} versions ═══",
        series.len()
    );
    for (v, doc) in series.versions().enumerate() {
        let _ = writeln!(out, "  {}: {}", number(v), sanitize(&doc.name));
    }
    if facts.is_empty() {
        let _ = writeln!(out, "No fact changed.");
        return out;
    }
    for fact in facts {
        let line = fact_line(fact);
        for (i, row) in wrap(&line, total_width.saturating_sub(4))
            .iter()
            .enumerate()
        {
            let _ = writeln!(out, "{}{row}", if i == 0 { "  " } else { "    " });
        }
    }
    out
}

/// One fact's line: "number (people): 12 → 19 → 23   changed in 1–2, 2–3".
pub fn fact_line(fact: &FactHistory) -> String {
    let values: Vec<String> = fact
        .values
        .iter()
        .map(|v| v.as_ref().map_or("—".to_string(), |v| sanitize(&v.text)))
        .collect();
    let steps: Vec<String> = fact
        .steps
        .iter()
        .map(|s| format!("{}–{}", number(s.pair), number(s.pair + 1)))
        .collect();
    let what = match &fact.slot {
        Some(slot) => format!("{} ({})", fact.category.id(), sanitize(slot)),
        None => fact.category.id().to_string(),
    };
    format!(
        "{what}: {}   changed in {}",
        values.join(" → "),
        steps.join(", ")
    )
}

/// One added or dropped passage's line: "2–3 added: “opening words …”".
pub fn passage_line(series: &Series, c: &PassageChange) -> String {
    let (what, version) = match c.side {
        Side::Left => ("dropped", c.pair),
        Side::Right => ("added", c.pair + 1),
    };
    let text = sanitize(&series.version(version).text[c.at.0..c.at.1]);
    let words: Vec<&str> = text.split_whitespace().collect();
    let opening = if words.len() > 12 {
        format!("{} …", words[..12].join(" "))
    } else {
        words.join(" ")
    };
    format!(
        "{}–{} {what}: “{opening}”",
        number(c.pair),
        number(c.pair + 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    #[test]
    fn the_history_lists_each_value_in_order_and_where_it_changed() {
        let base = "A ferry carrying 300 passengers sank off the coast of Crete on Sunday morning.";
        let docs = ["12", "19", "23"]
            .iter()
            .enumerate()
            .map(|(i, toll)| {
                Document::parse(
                    format!("v{i}.txt"),
                    format!("{base} Rescuers said {toll} people were killed."),
                )
            })
            .collect();
        let series = Series::new(docs).expect("three versions");
        let report = render_styled(&series, 100, false);
        assert_eq!(report.matches("═══ versions").count(), 2);
        assert!(
            report.contains("  1: v0.txt\n  2: v1.txt\n  3: v2.txt\n"),
            "{report}"
        );
        assert!(
            report.contains("number (people): 12 → 19 → 23   changed in 1–2, 2–3"),
            "{report}"
        );
        assert!(!report.contains("passages added or dropped"), "{report}");
    }

    #[test]
    fn a_name_with_escapes_is_sanitised() {
        let docs = vec![
            Document::parse("a\u{1b}[2J.txt", "One sentence here."),
            Document::parse("b.txt", "One sentence here."),
        ];
        let series = Series::new(docs).expect("two versions");
        let report = history(&series, &series.history(), 80);
        assert!(!report.contains('\u{1b}'), "{report:?}");
        assert!(report.contains("No fact changed."));
    }
}
