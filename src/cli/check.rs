//! `tandem check LEFT RIGHT`: the findings as a compiler prints its
//! errors, one `PATH:LINE:COL: category: left / right: explanation` line
//! each, for editors' quickfix lists, CI annotations and scripts; the exit
//! status says whether there was anything (docs/check.md).
//!
//! A finding stands at its place in the right article, the version being
//! checked; a fact only the left article has, at its place there. An
//! omission the comparison also reports as a finding (a figure changed is
//! both "differs" and "only on one side") is the finding's, not repeated.
//! Lines and columns count from 1, columns in characters, in the text
//! `tandem text FILE` prints (for plain text and Markdown, the file).

use serde::Serialize;

use crate::core::Category;
use crate::core::Side;
use crate::core::compare::Comparison;
use crate::core::document::Document;
use crate::display::sanitize;

/// How `check` prints what it found.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// `PATH:LINE:COL: category: left / right: explanation`
    Lines,
    /// The same list as a JSON array
    Json,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub category: &'static str,
    pub left: String,
    pub right: String,
    pub explanation: String,
    /// Which article the position is in.
    #[serde(skip)]
    side: Side,
}

impl Finding {
    pub fn line(&self) -> String {
        format!(
            "{}:{}:{}: {}: {} / {}: {}",
            self.path,
            self.line,
            self.column,
            self.category,
            self.left,
            self.right,
            self.explanation
        )
    }
}

/// What a side shows when it has nothing.
const NOTHING: &str = "(none)";

/// The findings and omissions of `cmp` in the chosen categories (all when
/// `only` is empty), in the order of their positions: the right
/// article's, then the left's.
pub fn findings(cmp: &Comparison, only: &[Category]) -> Vec<Finding> {
    let wanted = |c: Category| only.is_empty() || only.contains(&c);
    let at = |side: Side, offset: usize, category: Category| {
        let doc = match side {
            Side::Left => &cmp.left,
            Side::Right => &cmp.right,
        };
        let (line, column) = line_and_column(&doc.text, offset);
        (doc, line, column, category)
    };
    let make = |(doc, line, column, category): (&Document, usize, usize, Category),
                side: Side,
                left: &str,
                right: &str,
                explanation: &str| Finding {
        path: sanitize(&doc.name),
        line,
        column,
        category: category.id(),
        left: shown(left),
        right: shown(right),
        explanation: sanitize(explanation),
        side,
    };
    let mut out = Vec::new();
    let discrepancies = cmp.links.iter().flat_map(|l| &l.discrepancies);
    for d in discrepancies.clone().filter(|d| wanted(d.category)) {
        let (side, offset) = match (d.right, d.left) {
            (Some((start, _)), _) => (Side::Right, start),
            (None, Some((start, _))) => (Side::Left, start),
            (None, None) => continue,
        };
        out.push(make(
            at(side, offset, d.category),
            side,
            &d.left_text,
            &d.right_text,
            &d.explanation,
        ));
    }
    for o in cmp.omissions.iter().filter(|o| wanted(o.category)) {
        let reported = discrepancies.clone().any(|d| {
            let span = match o.side {
                Side::Left => d.left,
                Side::Right => d.right,
            };
            span.is_some_and(|(s, e)| s <= o.at.0 && o.at.1 <= e)
        });
        if reported {
            continue;
        }
        let (left, right, explanation) = match o.side {
            Side::Left => (o.text.as_str(), "", "only in the left article"),
            Side::Right => ("", o.text.as_str(), "only in the right article"),
        };
        out.push(make(
            at(o.side, o.at.0, o.category),
            o.side,
            left,
            right,
            explanation,
        ));
    }
    out.sort_by_key(|f| (f.side == Side::Left, f.line, f.column));
    out
}

fn shown(text: &str) -> String {
    let text = sanitize(text);
    if text.trim().is_empty() {
        NOTHING.into()
    } else {
        text
    }
}

/// The 1-based line and character column of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The category named `id`, for `--categories`.
pub fn category(id: &str) -> Option<Category> {
    Category::ALL.iter().copied().find(|c| c.id() == id)
}

/// The report in `format`.
pub fn render(found: &[Finding], format: CheckFormat) -> String {
    match format {
        CheckFormat::Lines => found.iter().map(|f| f.line() + "\n").collect(),
        CheckFormat::Json => {
            serde_json::to_string_pretty(found).unwrap_or_else(|_| "[]".into()) + "\n"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let text = "first\nZoë said 12\n";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 6), (2, 1));
        let at = text.find("12").expect("in the text");
        assert_eq!(line_and_column(text, at), (2, 10));
        assert_eq!(line_and_column(text, text.len()), (3, 1));
    }

    #[test]
    fn a_changed_figure_is_one_finding_at_its_place_in_the_right_article() {
        let cmp = Comparison::new(
            Document::parse(
                "old.txt",
                "Intro line.\nThe council approved 48 projects.\n",
            ),
            Document::parse(
                "new.txt",
                "Intro line.\nThe council approved 52 projects.\n",
            ),
        );
        let found = findings(&cmp, &[]);
        assert_eq!(
            found.iter().map(Finding::line).collect::<Vec<_>>(),
            ["new.txt:2:22: number: 48 / 52: the figure differs: 48 / 52"],
            "the figure's omissions are the finding's"
        );
        assert!(findings(&cmp, &[Category::Place]).is_empty());
        let json: serde_json::Value =
            serde_json::from_str(&render(&found, CheckFormat::Json)).expect("JSON");
        assert_eq!(json[0]["path"], "new.txt");
        assert_eq!(json.as_array().map(Vec::len), Some(found.len()));
    }

    #[test]
    fn control_characters_in_the_articles_do_not_reach_the_line() {
        let cmp = Comparison::new(
            Document::parse("a\x1b[31m.txt", "The mayor, Anna Berg, spoke.\n"),
            Document::parse("b.txt", "The mayor, Anna \x1b[2JBurg, spoke.\n"),
        );
        for f in findings(&cmp, &[]) {
            assert!(!f.line().chars().any(char::is_control), "{:?}", f.line());
        }
    }
}
