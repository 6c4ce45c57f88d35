//! Whatever a Markdown file or a web page holds, reading it never panics,
//! every span is a character boundary inside the text, Markdown keeps the
//! file's offsets (every character shown is the file's own at that offset),
//! and nothing from a script or a style reaches the text.

use proptest::prelude::*;
use tandem::core::document::Document;

fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,10}",
        3 => Just(" ".to_string()),
        2 => prop::sample::select(vec![
            "**", "*", "_", "__", "`", "```\n", "~~~", "# ", "## ", "\n", "\n\n", "- ", "* ", "1. ", "> ", "[", "]", "(",
            ")", "](http://x.org/é)", "![alt](i.png)", "<b>", "</b>", "<!-- c -->", "|", "---\n", "\\*", ". ", ", ", "\"",
            "“", "🙂", "\r\n", "\t", "    ", "[^1]", "- [ ] ", "~~",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_filter("no entity starts", |c| *c != '&' && *c != '\0').prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,10}",
        2 => Just(" ".to_string()),
        2 => prop::sample::select(vec![
            "<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<br>", "<li>", "<ul>", "</ul>", "<article>", "</article>",
            "<nav>", "</nav>", "<b>", "</i>", "<table><td>", "&amp;", "&nbsp;", "&#x201C;", "&bogus;", "<!--", "-->", ">", "\"", "'", "<div class='ad'>", "<aside>", "<title>T</title>", "<main>", "\n",
        ])
        .prop_map(str::to_string),
        1 => Just("<script>SECRETJS</script>".to_string()),
        1 => Just("<style>SECRETCSS{}</style>".to_string()),
        // No bare "<": "<a<script>" is an element named "a<script" to a
        // browser, and what follows it text it shows.
        1 => any::<char>().prop_filter("text", |c| *c != '\0' && *c != '<').prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check_spans(doc: &Document) {
    let mut previous_end = 0;
    for s in &doc.sentences {
        assert!(previous_end <= s.start && s.start <= s.end && s.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        previous_end = s.end;
    }
    for p in &doc.paragraphs {
        assert!(
            p.start <= p.end
                && p.end <= doc.text.len()
                && doc.text.is_char_boundary(p.start)
                && doc.text.is_char_boundary(p.end)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn markdown_keeps_the_file_offsets(source in markdown()) {
        let doc = Document::from_bytes("a.md", source.clone().into_bytes(), None).unwrap();
        check_spans(&doc);
        prop_assert_eq!(doc.text.len(), source.len());
        let (shown, file) = (doc.text.as_bytes(), source.as_bytes());
        for i in 0..shown.len() {
            let (o, s) = (shown[i], file[i]);
            // Blank, the file's own byte, or a punctuation mark moved back
            // over closing markup onto its word.
            let moved = b".,;:!?)]\"'".contains(&o) && !s.is_ascii_whitespace();
            prop_assert!(o == b' ' || o == s || moved, "byte {} is {:?}, the file has {:?}", i, o as char, s as char);
        }
    }

    #[test]
    fn a_web_page_never_leaks_scripts_or_styles(source in html()) {
        let doc = Document::from_bytes("a.html", source.into_bytes(), None).unwrap();
        check_spans(&doc);
        prop_assert!(!doc.text.contains("SECRETJS") && !doc.text.contains("SECRETCSS"), "{}", doc.text);
        for p in &doc.paragraphs {
            let t = &doc.text[p.start..p.end];
            prop_assert!(!t.is_empty() && t.trim() == t && !t.contains("  "), "{:?}", t);
        }
    }
}
