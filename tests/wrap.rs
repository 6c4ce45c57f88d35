//! Nothing drawn loses a character: whatever the whitespace (runs of spaces,
//! indentation, hard line breaks, tabs, no-break spaces) and whatever the
//! script (CJK, combining marks), the non-space characters of every passage
//! appear, in order, in the rows drawn for it, and no row is wider than its
//! column. Checked on the wrapper, the text report and the review screen.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;
use tandem::display::{Mark, sanitize, width, wrap, wrap_marked};
use tandem::report;
use tandem::tui::app::{App, MARGIN};
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::view;

/// Prose with every kind of whitespace a pasted article carries.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[A-Za-z]{1,14}",
        3 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            "    ", "  ", "\n", "\n    ", "\r\n  ", "\t", "\u{a0}", ". ", ", ", "\n\n",
            "東京都渋谷区", "北京", "e\u{301}", "a\u{308}\u{323}", "🙂", "ﬁ", "—", "Überraschung",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn wrapping_keeps_every_character_and_fits(text in prose(), max in 1usize..90) {
        let text = sanitize(&text);
        let lines = wrap(&text, max);
        prop_assert_eq!(non_space(&lines.concat()), non_space(&text));
        for l in &lines {
            // Only a single character wider than the whole line may exceed it.
            prop_assert!(width(l) <= max || l.chars().count() == 1, "{:?} is wider than {}", l, max);
        }
        let marked = wrap_marked(&text, &[Mark { range: 0..text.len(), strong: true }], max);
        prop_assert_eq!(marked.iter().map(|l| l.text.clone()).collect::<Vec<_>>(), lines);
    }

    #[test]
    fn text_report_rows_fit_the_width(left in prose(), right in prose(), total in 40usize..140) {
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        let out = report::text::render(&cmp, total);
        // The passages, below the header's rule.
        for line in out.lines().skip_while(|l| !l.starts_with('─')).skip(1) {
            prop_assert!(width(line) <= total, "{:?} is wider than {}", line, total);
        }
    }

    #[test]
    fn screen_draws_every_character_of_every_passage(left in prose(), right in prose(), cols in 40u16..140) {
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        let probe = App::new(cmp.clone(), cols, 24, Theme::new(Palette::Dark));
        // Tall enough to show every passage at once.
        let rows = u16::try_from(probe.viewport.aligned.stack.total + 12).unwrap_or(u16::MAX);
        let app = App::new(cmp, cols, rows, Theme::new(Palette::Dark));
        let mut terminal = Terminal::new(TestBackend::new(cols, rows)).unwrap();
        terminal.draw(|f| view::draw(f, &app)).unwrap();
        let buf = terminal.backend().buffer().clone();
        let g = app.viewport.geometry();
        for (unit, sides) in app.viewport.aligned.sides.iter().enumerate() {
            for (pane, passage) in [g.left, g.right].into_iter().zip(sides) {
                let expected: String = passage.lines.iter().map(|l| non_space(&l.text)).collect();
                let mut drawn = String::new();
                for row in app.viewport.aligned.stack.rows(unit) {
                    let y = pane.y + u16::try_from(row).unwrap();
                    for x in pane.x + MARGIN..pane.x + pane.width {
                        drawn.push_str(buf[(x, y)].symbol());
                    }
                }
                prop_assert_eq!(non_space(&drawn), expected);
            }
        }
    }
}

/// Prose in which some tokens are longer than any column: addresses, long
/// compounds, runs of digits.
fn prose_with_long_tokens() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prose(),
        1 => "<https://www\\.[a-z]{3,12}\\.org/[a-z0-9/._#-]{30,220}>",
        1 => "[A-Za-zäöü]{60,240}",
        1 => Just(". ".to_string()),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|v| v.join(" "))
}

/// How many times each character occurs in `s`, spaces aside.
fn char_counts(s: &str) -> std::collections::HashMap<char, usize> {
    let mut counts = std::collections::HashMap::new();
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The text report breaks a token longer than its column across rows:
    /// every character of every sentence of each article is in that
    /// article's column, at every width from 40 to 200.
    #[test]
    fn text_report_keeps_every_character_of_long_tokens(
        left in prose_with_long_tokens(),
        right in prose_with_long_tokens(),
        total in 40usize..=200,
    ) {
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        let out = report::text::render(&cmp, total);
        let (mut left_column, mut right_column) = (String::new(), String::new());
        for line in out.lines().skip_while(|l| !l.starts_with('─')).skip(1) {
            prop_assert!(width(line) <= total, "{:?} is wider than {}", line, total);
            if let Some((l, r)) = line.split_once('│') {
                left_column.push_str(l);
                right_column.push_str(r);
            }
        }
        for (doc, column) in [(&cmp.left, &left_column), (&cmp.right, &right_column)] {
            let shown = char_counts(column);
            let text: String = doc.sentences.iter().map(|s| sanitize(&doc.text[s.start..s.end])).collect();
            for (c, n) in char_counts(&text) {
                prop_assert!(shown.get(&c).copied().unwrap_or(0) >= n, "{:?} lost from {}:\n{}", c, doc.name, out);
            }
        }
    }
}

/// The review case that showed the bug: an indented, hard-wrapped paragraph
/// lost "take" at 80 columns.
#[test]
fn hard_wrapped_paragraph_keeps_its_words_in_the_report() {
    let text = "Title\n\n  The council said the plan would cost a great deal of money and\n    take many years to finish, according to the city budget office\n    report published on Monday.\n";
    let cmp = Comparison::new(
        Document::parse("l", text),
        Document::parse("r", text.replace("Monday", "Tuesday")),
    );
    let out = report::text::render(&cmp, 80);
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with('─'))
        .skip(1)
        .collect();
    assert!(rows.iter().all(|l| width(l) <= 80), "{out}");
    // Both columns keep their place: the rule between them never moves.
    let rules: Vec<usize> = rows
        .iter()
        .filter_map(|l| l.find('│').map(|b| width(&l[..b])))
        .collect();
    assert!(rules.windows(2).all(|w| w[0] == w[1]), "{out}");
    let words = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == '│')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    for w in words(text) {
        assert!(words(&out).contains(&w), "{w} missing from\n{out}");
    }
}
