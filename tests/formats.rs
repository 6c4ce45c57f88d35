//! Articles as they come: the same article as plain text, Markdown, HTML
//! and Word gives the same alignment; saved pages and Markdown drafts lose
//! their furniture and markup; bad files are refused with one line.

#[path = "support/formats.rs"]
mod support;

use assert_cmd::Command;
use support::{as_docx, as_html, as_markdown, zip_of};
use tandem::core::compare::Comparison;
use tandem::core::document::{Document, Format};
use tempfile::TempDir;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";
const CASES: &str = "../shared/data/review-cases";

/// What an alignment says, format aside: each link's sentences, kind and
/// move, and each discrepancy's category and words (as shown: in Markdown,
/// markup blanked between two words must not show as a gap).
fn outcome(cmp: &Comparison) -> Vec<String> {
    cmp.links
        .iter()
        .map(|l| {
            let found: Vec<String> = l
                .discrepancies
                .iter()
                .map(|d| format!("{}:{}/{}", d.category.id(), d.left_text, d.right_text))
                .collect();
            format!(
                "{:?} {:?} {:?} moved={} {:?}",
                l.link.left, l.link.right, l.kind, l.link.moved, found
            )
        })
        .collect()
}

#[test]
fn the_same_article_in_every_format_aligns_the_same() {
    let (l, r) = (
        Document::load(LEFT).unwrap(),
        Document::load(RIGHT).unwrap(),
    );
    let plain = outcome(&Comparison::new(l.clone(), r.clone()));
    assert!(plain.len() > 10, "the sample has many links");
    let md =
        |d: &Document| Document::from_bytes("a.md", as_markdown(d).into_bytes(), None).unwrap();
    let html =
        |d: &Document| Document::from_bytes("a.html", as_html(d).into_bytes(), None).unwrap();
    let docx = |d: &Document| Document::from_bytes("a.docx", as_docx(d), None).unwrap();
    for (name, convert) in [
        ("markdown", &md as &dyn Fn(&Document) -> Document),
        ("html", &html),
        ("docx", &docx),
    ] {
        let (cl, cr) = (convert(&l), convert(&r));
        assert_eq!(
            cl.sentences.len(),
            l.sentences.len(),
            "{name}: the same sentences"
        );
        assert_eq!(cl.format.id(), name);
        assert_eq!(
            outcome(&Comparison::new(cl, cr)),
            plain,
            "{name} aligns as plain text does"
        );
    }
}

#[test]
fn a_saved_news_page_gives_its_article_only() {
    for v in ["news-v1.html", "news-v2.html"] {
        let doc = Document::load(&format!("{CASES}/{v}")).unwrap();
        assert_eq!(doc.format, Format::Html);
        assert!(
            doc.text.contains("Wind gusts reached") && doc.text.contains("Schools in Portland"),
            "{}",
            doc.text
        );
        assert!(doc.text.contains("nor’easter"), "entities decoded");
        for furniture in [
            "Home",
            "Subscribe",
            "dataLayer",
            "font-family",
            "ADVERTISEMENT",
            "mattresses",
            "Related",
            "Power outage map",
            "All rights reserved",
            "Coastal Mobile",
        ] {
            assert!(
                !doc.text.contains(furniture),
                "{v}: {furniture:?} in {}",
                doc.text
            );
        }
        assert!(doc.sentences[0].heading && doc.sentence_text(0).starts_with("Storm leaves"));
    }
}

#[test]
fn a_markdown_draft_loses_its_markup_but_keeps_file_offsets() {
    let path = format!("{CASES}/md-v1.md");
    let source = std::fs::read_to_string(&path).unwrap();
    let doc = Document::load(&path).unwrap();
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.text.len(), source.len());
    for markup in ["**", "](", "## ", "https://"] {
        assert!(!doc.text.contains(markup), "{markup:?}");
    }
    let headings: Vec<&str> = (0..doc.sentences.len())
        .filter(|&i| doc.sentences[i].heading)
        .map(|i| doc.sentence_text(i))
        .collect();
    assert!(
        headings.contains(&"Funding") && headings.contains(&"Opposition"),
        "{headings:?}"
    );
    // Every word stands at its offset in the file.
    let at = source.find("$48 million").unwrap();
    assert_eq!(&doc.text[at..at + 11], "$48 million");
    let link = source.find("Northgate Station").unwrap();
    assert_eq!(
        &doc.text[link..link + 17],
        "Northgate Station",
        "link text kept"
    );
}

fn tandem() -> Command {
    Command::cargo_bin("tandem").unwrap()
}

fn temp(dir: &TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs tandem on a bad file: exit status 2 and one line naming the file.
fn refused(path: &std::path::Path, what: &str) {
    let out = tandem()
        .args(["text", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(path.file_name().unwrap().to_str().unwrap()) && err.contains(what),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn bad_word_files_get_one_line_and_status_2() {
    let dir = TempDir::with_prefix("tandem-formats-").unwrap();
    let good = as_docx(&Document::parse("a", "Storm hits.\nIt was windy.\n"));
    refused(
        &temp(&dir, "truncated.docx", &good[..good.len() / 2]),
        "damaged or truncated",
    );
    // Password-protected Word files are OLE compound files.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    refused(&temp(&dir, "protected.docx", &cfb), "encrypted");
    // A zip whose parts carry the encryption flag.
    let mut flagged = good.clone();
    for i in 0..flagged.len().saturating_sub(4) {
        match &flagged[i..i + 4] {
            b"PK\x03\x04" => flagged[i + 6] |= 1,
            b"PK\x01\x02" => flagged[i + 8] |= 1,
            _ => {}
        }
    }
    refused(&temp(&dir, "zipcrypto.docx", &flagged), "encrypted");
    refused(
        &temp(
            &dir,
            "other.docx",
            &zip_of(&[("readme.txt", b"hi".as_slice())]),
        ),
        "not a Word document",
    );
    // A zip bomb: 131 KB that inflate to 129 MiB (made with Python's zipfile
    // at level 9: one run of blanks in word/document.xml).
    refused(
        std::path::Path::new("tests/fixtures/bomb.docx"),
        "inflates past 128 MiB",
    );
}

#[test]
fn bad_html_is_read_or_refused_cleanly() {
    let dir = TempDir::with_prefix("tandem-formats-").unwrap();
    // Malformed markup is read as a browser reads it.
    let page = temp(
        &dir,
        "broken.html",
        b"<html><body><p>Unclosed <b>bold<p>Second</div></table></i><article",
    );
    let out = tandem()
        .args(["text", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Unclosed bold\n\nSecond\n"
    );
    refused(
        &temp(&dir, "latin1.html", b"<p>caf\xe9</p>"),
        "not valid UTF-8",
    );
    refused(&temp(&dir, "nul.html", b"<p>a\0b</p>"), "binary");
}

#[test]
fn the_format_can_be_chosen() {
    let dir = TempDir::with_prefix("tandem-formats-").unwrap();
    let md = temp(&dir, "draft.txt", b"# Title\n\nSome **bold** words.\n");
    let plain = tandem()
        .args(["text", md.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&plain.stdout).contains("**bold**"),
        "a .txt is plain text"
    );
    let read = tandem()
        .args(["text", md.to_str().unwrap(), "--input-format", "markdown"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&read.stdout);
    assert!(!text.contains("**") && text.contains("bold"), "{text}");
    let json = tandem()
        .args([
            "align",
            md.to_str().unwrap(),
            md.to_str().unwrap(),
            "--format",
            "json",
            "--input-format",
            "markdown",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["left"]["format"], "markdown");
    assert_eq!(v["left"]["offsets"], "file");
    let html = temp(&dir, "page.html", b"<title>T</title><p>Body.</p>");
    let json = tandem()
        .args([
            "align",
            html.to_str().unwrap(),
            md.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (&v["left"]["format"], &v["left"]["offsets"]),
        (&"html".into(), &"extracted".into())
    );
    assert_eq!(v["right"]["format"], "plain");
}

#[test]
fn notes_on_a_web_page_follow_its_text_when_the_page_changes() {
    use tandem::core::Category;
    use tandem::core::notes::Anchor;
    use tandem::core::notes::notebook::Notebook;
    let dir = TempDir::with_prefix("tandem-formats-notes-").unwrap();
    let page = |extra: &str| {
        format!(
            "<nav>Home</nav><article><h1>Storm</h1>{extra}<p>Gusts reached 68 mph on the cape.</p></article>"
        )
    };
    let (a, b) = (dir.path().join("a.html"), dir.path().join("b.html"));
    std::fs::write(&a, page("")).unwrap();
    std::fs::write(&b, page("")).unwrap();
    let notes = dir.path().join("notes.json");
    let (l, r) = (
        Document::load(a.to_str().unwrap()).unwrap(),
        Document::load(b.to_str().unwrap()).unwrap(),
    );
    let mut book = Notebook::open(&notes, &l, &r).unwrap();
    book.add(
        Category::Number,
        "check".into(),
        Some(Anchor::of_quote(&l.text, "68 mph").unwrap()),
        None,
    );
    book.save(&l, &r).unwrap();
    // The page gains a paragraph and new furniture before the quote.
    std::fs::write(
        &a,
        page("<div class=ad>Sale!</div><p>A new first paragraph was added here.</p>"),
    )
    .unwrap();
    let l2 = Document::load(a.to_str().unwrap()).unwrap();
    let again = Notebook::open(&notes, &l2, &r).unwrap();
    let note = &again.file.notes[0];
    assert!(!note.is_orphan());
    let anchor = note.left.as_ref().unwrap();
    assert_eq!(&l2.text[anchor.start..anchor.end], "68 mph");
}
