//! Input nested as deep as a hostile file likes, through the real binary:
//! HTML, Markdown and Word readers neither overflow the stack (which
//! aborted with status 134 and left the terminal raw) nor slow down with
//! the square of the depth. Each file must be read, and its text found,
//! within a bound far above the time it takes (no timing is asserted).

#[path = "support/formats.rs"]
#[allow(dead_code)]
mod support;

use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// `tandem text FILE` on `bytes` written as `name`: its standard output.
fn text_of(name: &str, bytes: &[u8]) -> String {
    let dir = TempDir::with_prefix("tandem-deep-").unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .arg("text")
        .arg(&path)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Words of `text`, whitespace collapsed.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn ten_thousand_unclosed_bold_italics_in_html() {
    // 70 KB that overflowed the stack in 0.03 s.
    let page = format!(
        "<html><body><p>Start.{}Deep words.</p><p>After.</p></body></html>",
        "<b><i>".repeat(10_000)
    );
    assert_eq!(
        squeezed(&text_of("bold.html", page.as_bytes())),
        "Start.Deep words. After."
    );
}

#[test]
fn twenty_thousand_nested_divs_in_html_and_the_text_after_them() {
    let page = format!(
        "<html><body>{}Deep words.{}<p>After.</p></body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    assert_eq!(
        squeezed(&text_of("divs.html", page.as_bytes())),
        "Deep words. After."
    );
}

#[test]
fn html_nested_a_hundred_thousand_deep_with_attributes_everywhere() {
    let page: String = (0..100_000)
        .map(|k| format!("<span id=s{k}><em class=c{k}>"))
        .chain(["Deep words.".to_string()])
        .collect();
    assert_eq!(
        squeezed(&text_of("spans.html", page.as_bytes())),
        "Deep words."
    );
}

#[test]
fn deep_markdown_lists_and_quotes() {
    let quotes = format!("{} Deep quote.\n", ">".repeat(20_000));
    assert_eq!(squeezed(&text_of("q.md", quotes.as_bytes())), "Deep quote.");
    let bullets = format!("{}Deep item.\n", "- ".repeat(20_000));
    assert_eq!(squeezed(&text_of("b.md", bullets.as_bytes())), "Deep item.");
    let indented: String = (0..1_000)
        .map(|k| format!("{}- item {k}\n", "  ".repeat(k)))
        .collect();
    let text = squeezed(&text_of("l.md", indented.as_bytes()));
    assert!(
        text.starts_with("item 0 item 1") && text.ends_with("item 999"),
        "{}",
        &text[..100]
    );
}

#[test]
fn deep_word_xml() {
    let body = format!(
        "{}<w:p><w:r><w:t>Deep words.</w:t></w:r></w:p>{}",
        "<w:sdt><w:sdtContent>".repeat(50_000),
        "</w:sdtContent></w:sdt>".repeat(50_000)
    );
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let docx = support::zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", xml.as_bytes()),
    ]);
    assert_eq!(squeezed(&text_of("deep.docx", &docx)), "Deep words.");
}
