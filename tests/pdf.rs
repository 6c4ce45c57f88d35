//! PDF articles: a page printed by a browser or a word processor reads as
//! the page itself, without what the printer added; an edited pair gives
//! exactly its edits; PDFs written here place text in columns and running
//! heads; damaged, encrypted, image-only and hostile files are refused in
//! one line.
//!
//! The fixtures in tests/fixtures/pdf were made from the HTML files beside
//! them: `article.pdf`, `article-edited.pdf` and `columns.pdf` by headless
//! Chromium's print to PDF (with its date, title, address and page-number
//! header and footer), `article-libreoffice.pdf` by LibreOffice Writer,
//! `encrypted.pdf` by `qpdf --encrypt`, `picture.pdf` from a page holding
//! only a drawing.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use pdf_extract::{Dictionary, Document as Pdf, Object, Stream};
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind as LinkKind;
use tandem::core::document::{Document, Format};

const DIR: &str = "tests/fixtures/pdf";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn text_of(path: &str) -> String {
    Document::load(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .text
}

#[test]
fn prints_of_a_page_read_as_the_page_without_the_printers_additions() {
    let page = text_of(&fixture("article.html"));
    for print in ["article.pdf", "columns.pdf", "article-libreoffice.pdf"] {
        let doc = Document::load(&fixture(print)).expect("the print reads");
        assert_eq!(doc.format, Format::Pdf);
        assert_eq!(doc.text, page, "{print}: every paragraph whole, in order");
        for added in ["file://", "1/2", "2/2", " PM", " AM"] {
            assert!(
                !doc.text.contains(added),
                "{print}: {added:?} is the printer's"
            );
        }
    }
}

#[test]
fn a_print_aligns_with_its_page_link_for_link() {
    for print in ["article.pdf", "columns.pdf", "article-libreoffice.pdf"] {
        let page = Document::load(&fixture("article.html")).expect("the page reads");
        let pdf = Document::load(&fixture(print)).expect("the print reads");
        let sentences = page.sentences.len();
        let cmp = Comparison::new(page, pdf);
        assert_eq!(cmp.links.len(), sentences, "{print}: one link per sentence");
        assert!(
            cmp.links.iter().all(|l| l.kind == LinkKind::Aligned),
            "{print}: every link aligned"
        );
        assert!(cmp.omissions.is_empty(), "{print}");
    }
}

#[test]
fn an_edited_pair_of_prints_gives_exactly_its_two_edits() {
    let cmp = Comparison::new(
        Document::load(&fixture("article.pdf")).expect("reads"),
        Document::load(&fixture("article-edited.pdf")).expect("reads"),
    );
    let found: Vec<(String, String)> = cmp
        .links
        .iter()
        .flat_map(|l| &l.discrepancies)
        .map(|d| (d.left_text.clone(), d.right_text.clone()))
        .collect();
    assert_eq!(
        found,
        [
            ("48 million euros".into(), "52 million euros".into()),
            ("21".into(), "23".into())
        ]
    );
}

#[test]
fn tandem_text_prints_the_extracted_article() {
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .args(["text", &fixture("article.pdf")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        text_of(&fixture("article.html"))
    );
    // By content, whatever the name; and asked for by name.
    let bytes = std::fs::read(fixture("article.pdf")).expect("fixture");
    let doc = Document::from_bytes("-", bytes, None).expect("reads");
    assert_eq!(doc.format, Format::Pdf);
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .args(["text", "--input-format", "pdf", &fixture("article.html")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "HTML is not a PDF");
}

/// Runs `tandem text` on `bytes` and returns its one line of error.
fn refusal(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::TempDir::with_prefix("tandem-pdf-").expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let began = Instant::now();
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .arg("text")
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert!(
        began.elapsed() < Duration::from_secs(30),
        "{name}: bounded in time"
    );
    assert_eq!(out.status.code(), Some(2), "{name}");
    assert!(out.stdout.is_empty(), "{name}");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(err.lines().count(), 1, "{name}: {err}");
    err
}

#[test]
fn damaged_encrypted_and_image_only_pdfs_are_named_as_such() {
    let encrypted = std::fs::read(fixture("encrypted.pdf")).expect("fixture");
    assert!(refusal("secret.pdf", &encrypted).contains("encrypted"));
    let picture = std::fs::read(fixture("picture.pdf")).expect("fixture");
    assert!(refusal("scan.pdf", &picture).contains("no text layer"));
    let whole = std::fs::read(fixture("article.pdf")).expect("fixture");
    for cut in [100, whole.len() / 3, whole.len() / 2] {
        let err = refusal("cut.pdf", &whole[..cut]);
        assert!(err.contains("damaged"), "{cut}: {err}");
    }
    let mut garbled = whole.clone();
    for b in garbled.iter_mut().skip(200).step_by(7) {
        *b = b'#';
    }
    let err = refusal("garbled.pdf", &garbled);
    assert!(err.contains("damaged") || err.contains("no text"), "{err}");
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

fn dict(entries: Vec<(&str, Object)>) -> Dictionary {
    let mut d = Dictionary::new();
    for (k, v) in entries {
        d.set(k, v);
    }
    d
}

/// Writes a PDF with lopdf: each page's content stream as given, in
/// Helvetica, on US Letter paper.
fn pdf_of(contents: &[String]) -> Vec<u8> {
    let mut doc = Pdf::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name("WinAnsiEncoding")),
    ]));
    let resources = doc.add_object(dict(vec![(
        "Font",
        Object::Dictionary(dict(vec![("F1", Object::Reference(font))])),
    )]));
    let kids: Vec<Object> = contents
        .iter()
        .map(|content| {
            let stream =
                doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
            Object::Reference(doc.add_object(dict(vec![
                ("Type", name("Page")),
                ("Parent", Object::Reference(pages_id)),
                ("Contents", Object::Reference(stream)),
            ])))
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Pages")),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
            ("Resources", Object::Reference(resources)),
            (
                "MediaBox",
                Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            ),
        ])),
    );
    let catalog = doc.add_object(dict(vec![
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("in memory");
    bytes
}

/// Content drawing `lines` of 10-point text, each at its (x, y) from the
/// bottom left, as PDF puts it.
fn drawn(lines: &[(f64, f64, String)]) -> String {
    lines
        .iter()
        .map(|(x, y, text)| format!("BT /F1 10 Tf {x} {y} Td ({text}) Tj ET\n"))
        .collect()
}

#[test]
fn two_columns_under_running_heads_read_column_by_column() {
    let left = [
        "The first column begins the story of the",
        "harbour, where the boats came in at dawn",
        "and left again before the tide turned,",
    ];
    let right = [
        "and the second column carries on after",
        "the first: the fishermen sold their catch at",
        "the market square by nine in the morning.",
    ];
    let pages: Vec<String> = (1..=3)
        .map(|n| {
            let mut lines = vec![
                (72.0, 760.0, "The Harbour Gazette".to_string()),
                (300.0, 30.0, format!("Page {n} of 3")),
            ];
            for (i, (l, r)) in left.iter().zip(right).enumerate() {
                let y = 700.0 - 12.0 * i as f64;
                lines.push((72.0, y, l.to_string()));
                lines.push((320.0, y, r.to_string()));
            }
            drawn(&lines)
        })
        .collect();
    let doc = Document::from_bytes("columns.pdf", pdf_of(&pages), None).expect("reads");
    let story = format!("{} {}", left.join(" "), right.join(" "));
    let want = [story.as_str(); 3].join("\n\n") + "\n";
    assert_eq!(doc.text, want);
}

#[test]
fn a_pdf_with_more_pages_than_any_article_is_refused() {
    let pages = vec![String::new(); 5_001];
    let err = refusal("pages.pdf", &pdf_of(&pages));
    assert!(err.contains("5001 pages"), "{err}");
}

#[test]
fn deep_nesting_and_compression_bombs_are_refused_quickly() {
    let deep = format!("%PDF-1.7\n1 0 obj\n{}\nendobj\n", "[".repeat(1_000_000));
    assert!(refusal("deep.pdf", deep.as_bytes()).contains("deep"));
    // 200 MB of zeros in about 200 kB: past the 128 MiB limit once inflated.
    let mut bomb = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        std::io::Write::write_all(&mut bomb, &zeros).expect("in memory");
    }
    let bomb = bomb.finish().expect("in memory");
    let mut pdf = format!(
        "%PDF-1.7\n1 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    pdf.extend(bomb);
    pdf.extend(b"\nendstream\nendobj\n");
    assert!(refusal("bomb.pdf", &pdf).contains("inflates"));
}

#[test]
fn text_shown_with_the_quote_operators_is_read() {
    // groff and Ghostscript move to the next line and show a string with
    // `'` (and `"`, which sets the spacing first).
    let content = "BT /F1 10 Tf 12 TL 72 700 Td (The story begins on one line) Tj \
                   (and goes on to the next,) ' 0 0 (and ends on a third.) \" ET"
        .to_string();
    let doc = Document::from_bytes("quotes.pdf", pdf_of(&[content]), None).expect("reads");
    assert_eq!(
        doc.text,
        "The story begins on one line and goes on to the next, and ends on a third.\n"
    );
}
