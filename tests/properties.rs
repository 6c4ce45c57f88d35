//! Whatever text arrives, segmentation and alignment never panic and every
//! offset they report is a character boundary inside the text.

use proptest::prelude::*;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;
use tandem::report;

/// Text built from pieces that stress the segmenter: words, abbreviations,
/// quotes, line ends of every kind, control characters, wide and combining
/// characters, and arbitrary Unicode.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,12}",
        2 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            ". ", "? ", "! ", "... ", "\n", "\n\n", "\r\n", "\t", "Mr. ", "U.S. ", "J. K. ", "No. 10 ",
            "\"", "“", "”", "’s ", "—", "# ", "---\n", "\u{feff}", "\u{1b}[31m", "\u{0}", "\u{7f}",
            "東京", "🙂", "e\u{301}", "\u{202e}", "3.5% ", "$1,200 ",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn check_spans(doc: &Document) {
    let mut previous_end = 0;
    for s in &doc.sentences {
        assert!(previous_end <= s.start && s.start <= s.end && s.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        assert!(s.paragraph < doc.paragraphs.len());
        previous_end = s.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_segments_and_aligns(left in article(), right in article()) {
        let cmp = Comparison::new(Document::parse("l", left), Document::parse("r", right));
        check_spans(&cmp.left);
        check_spans(&cmp.right);
        for l in &cmp.links {
            prop_assert!(!l.link.left.is_empty() && l.link.left.end <= cmp.left.sentences.len());
            prop_assert!(!l.link.right.is_empty() && l.link.right.end <= cmp.right.sentences.len());
            prop_assert!((0.0..=1.0).contains(&l.link.score));
            for c in &l.diff.changes {
                for (span, text) in [(l.diff.left_span(&c.left), &cmp.left.text), (l.diff.right_span(&c.right), &cmp.right.text)] {
                    if let Some((s, e)) = span {
                        prop_assert!(s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
                    }
                }
            }
        }
        // Both reports render whatever the text.
        let json: serde_json::Value = serde_json::from_str(&report::json::render(&cmp)).unwrap();
        prop_assert!(json["links"].is_array());
        let text = report::text::render(&cmp, 60);
        prop_assert!(!text.contains('\u{1b}'), "escape sequences are neutralised");
    }

    #[test]
    fn long_lines_without_punctuation(word in "[a-z]{1,8}", repeats in 1usize..3000) {
        let text = format!("{word} ").repeat(repeats);
        let doc = Document::parse("long", text.clone());
        check_spans(&doc);
        let cmp = Comparison::new(doc, Document::parse("same", text));
        prop_assert!(cmp.links.len() <= 1);
    }
}
