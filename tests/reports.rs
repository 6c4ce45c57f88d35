//! Reports as colleagues read them: the Markdown and CSV exports of five
//! notes on the sample pair, the HTML report (in a real browser when one is
//! installed), colour in the text report, and pointers that point the right
//! way.

use assert_cmd::Command;
use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::Anchor;
use tandem::core::notes::notebook::Notebook;
use tempfile::TempDir;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn tandem() -> Command {
    Command::cargo_bin("tandem").unwrap()
}

/// Five notes on the sample pair, taken in an order unlike the articles':
/// one accepted from a suggestion (the reviewer typed on after its text),
/// one on a passage of the right article only, one whose text tries to
/// inject HTML, a heading, a fence and a formula, one confirmed, one on a
/// heading of the left article only. The notes file is in a fresh
/// directory that goes when the `TempDir` is dropped.
fn five_notes(name: &str) -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::with_prefix(format!("tandem-reports-{name}-")).unwrap();
    let path = dir.path().join("review.json");
    let (l, r) = (
        Document::load(LEFT).unwrap(),
        Document::load(RIGHT).unwrap(),
    );
    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let at = |d: &Document, q: &str| {
        Some(Anchor::of_quote(&d.text, q).expect("the quote is in the text"))
    };
    book.add(
        Category::Other,
        "Closing paragraph added in the rewrite; no source.".into(),
        None,
        at(
            &r,
            "The upcoming meeting in Moscow is seen as a pivotal moment.",
        ),
    );
    let id = book.add(
        Category::Name,
        "the same name is spelled differently: “Vovchansk” / “Vovshansk”Rewrite misspells the town; the wire is right.".into(),
        at(&l, "Vovchansk"),
        at(&r, "Vovshansk"),
    );
    book.mark_accepted(&id, "name|Vovchansk|Vovshansk");
    book.add(
        Category::Attribution,
        "<b>Macron</b> spoke, not \"France\"\n### not a heading\n```\n=HYPERLINK(\"http://x\") | pipe".into(),
        at(&l, "Macron said Monday"),
        at(&r, "France has insisted"),
    );
    let confirmed = book.add(
        Category::Date,
        "The 2014 annexation date is dropped.".into(),
        at(&l, "in 2014"),
        None,
    );
    book.cycle_status(&confirmed);
    book.add(
        Category::Omission,
        "Headline dropped.".into(),
        at(&l, "Critical Diplomacy at the Kremlin"),
        None,
    );
    book.save(&l, &r).unwrap();
    (dir, path)
}

fn export(path: &std::path::Path, format: &str) -> String {
    let out = tandem()
        .args([
            "export",
            path.to_str().unwrap(),
            "--format",
            format,
            "--reviewer",
            "Ada Editor",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn no_controls(text: &str) {
    assert!(
        text.chars()
            .all(|c| !c.is_control() || c == '\n' || c == '\t'),
        "a control character in the export"
    );
}

#[test]
fn the_markdown_report_reads_as_a_document() {
    let (_dir, path) = five_notes("md");
    let md = export(&path, "markdown");
    no_controls(&md);
    println!("{md}");
    // The header: both titles and paths, the reviewer, the date.
    assert!(md.contains("| title | Critical Diplomacy at the Kremlin | Russian President Vladimir Putin is set to meet"), "{md}");
    assert!(md.contains("| file | assets/samples/kremlin-talks-original.txt | assets/samples/kremlin-talks-rewrite.txt |"));
    assert!(md.contains("Reviewer: Ada Editor") && md.contains("Date: 20"));
    // In the left article's order, the right-only closing note where it falls (last).
    let order: Vec<usize> = [
        "Headline dropped",
        "Rewrite misspells",
        "Macron",
        "2014 annexation",
        "Closing paragraph",
    ]
    .iter()
    .map(|s| md.find(s).unwrap_or_else(|| panic!("{s} missing")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The whole sentence, the tagged words marked, positions as numbers.
    assert!(
        md.contains("Ukrainian officials denied") || md.contains("border town of **Vovchansk**"),
        "{md}"
    );
    assert!(md.contains("captured the eastern towns of Pokrovsk and **Vovshansk**, though Ukraine has not confirmed their fall."), "{md}");
    assert!(md.contains("Left: ¶1, sentence 1 · Right: not in this article"));
    // The reviewer's words apart from the suggestion's.
    assert!(
        md.contains("**Reviewer:** Rewrite misspells the town; the wire is right."),
        "{md}"
    );
    assert!(md.contains("**Suggested by tandem:** the same name is spelled differently: “Vovchansk” / “Vovshansk”"), "{md}");
    // Quoted text stays text.
    let parsed: Vec<_> =
        pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES).collect();
    use pulldown_cmark::{Event, HeadingLevel, Tag};
    assert!(!parsed.iter().any(|e| matches!(
        e,
        Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::CodeBlock(_))
    )));
    let h3 = parsed
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                })
            )
        })
        .count();
    assert_eq!(h3, 5, "one heading per note, none forged");
}

#[test]
fn the_csv_report_has_context_positions_and_no_live_formula() {
    let (_dir, path) = five_notes("csv");
    let csv = export(&path, "csv");
    no_controls(&csv);
    let mut reader = csv_rows(&csv);
    let header = reader.remove(0);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(reader.len(), 5);
    let name = reader
        .iter()
        .find(|r| r[col("category")] == "name")
        .unwrap();
    assert_eq!(
        name[col("reviewer_note")],
        "Rewrite misspells the town; the wire is right."
    );
    assert_eq!(
        name[col("suggestion")],
        "the same name is spelled differently: “Vovchansk” / “Vovshansk”"
    );
    assert!(
        name[col("right_context")].contains("Pokrovsk and ⟦Vovshansk⟧, though"),
        "{:?}",
        name[col("right_context")]
    );
    assert!(!name[col("left_paragraph")].is_empty() && !name[col("left_start")].is_empty());
    assert_eq!(name[col("reviewer")], "Ada Editor");
    for row in &reader {
        for cell in row {
            let lead =
                cell.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{feff}');
            assert!(!lead.starts_with(['=', '+', '-', '@', '＝']), "{cell:?}");
        }
    }
}

/// A minimal RFC 4180 reader (quoted cells, doubled quotes, line feeds in cells).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn the_html_report_is_self_contained_and_renders_in_a_browser() {
    let (dir, path) = five_notes("html");
    let html = export(&path, "html");
    no_controls(&html);
    for external in [
        "<script",
        "src=\"",
        "href=\"http",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(
        !html.contains("<b>Macron</b> spoke"),
        "a note's HTML is escaped"
    );
    assert!(html.contains("&lt;b&gt;Macron&lt;/b&gt; spoke"));
    assert!(
        !html.contains("“Vovshansk”Rewrite")
            && html.contains("suggested by tandem: the same name is spelled differently"),
        "the reviewer's words apart"
    );
    let out = dir.path().join("report.html");
    std::fs::write(&out, &html).unwrap();
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| which(b))
    else {
        println!(
            "SKIPPED: no chromium on PATH (apt-get install chromium) to render the HTML report"
        );
        return;
    };
    let dom = std::process::Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("file://{}", out.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    // The browser built the table: both articles and the notes in it.
    assert!(
        dom.contains("Critical Diplomacy at the Kremlin")
            && dom.contains("The upcoming meeting in Moscow is seen as a pivotal moment."),
        "{dom}"
    );
    assert!(
        dom.contains("Rewrite misspells the town") && dom.contains("name spelling or identity")
    );
    assert_eq!(
        dom.matches("class=\"note ").count(),
        5,
        "five notes in the margin"
    );
    assert!(dom.contains("<span class=\"fact\">Vovshansk</span>"));
}

#[test]
fn align_writes_the_html_report_of_two_web_pages() {
    let cases = "../shared/data/review-cases";
    let out = tandem()
        .args([
            "align",
            &format!("{cases}/news-v1.html"),
            &format!("{cases}/news-v2.html"),
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("(html)"));
    assert!(
        html.contains("Wind gusts reached <span class=\"fact\">86</span> mph"),
        "the changed figure is marked"
    );
    assert!(
        !html.contains("dataLayer") && !html.contains("Subscribe"),
        "no page furniture"
    );
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

#[test]
fn colour_marks_kinds_and_changed_words_when_asked() {
    let coloured = tandem()
        .args(["align", LEFT, RIGHT, "--color", "always", "--width", "100"])
        .output()
        .unwrap();
    let text = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        text.contains("\x1b[1;4;93mVovshansk\x1b[0m"),
        "the differing name is bold and coloured"
    );
    assert!(text.contains("\x1b[1;93m≠\x1b[0m") && text.contains("\x1b[1;96m<\x1b[0m"));
    let plain = tandem()
        .args(["align", LEFT, RIGHT, "--color", "never", "--width", "100"])
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains('\x1b'));
    // Stripped of colour, the report is the same, cell for cell.
    let stripped = strip_sgr(&text);
    assert_eq!(stripped, plain);
    // auto in a pipe: no colour.
    let auto = tandem()
        .args(["align", LEFT, RIGHT])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!String::from_utf8(auto.stdout).unwrap().contains('\x1b'));
}

fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn moved_passages_point_the_right_way() {
    // The sample's Pokrovsk paragraph moved from the top to the end: read
    // with the pair swapped, its old place comes first and the passage below.
    let out = tandem()
        .args(["align", RIGHT, LEFT, "--width", "100"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let pointer = text.find("[moved from here").expect("a pointer");
    assert!(
        text[pointer..].contains("shown below"),
        "{}",
        &text[pointer..pointer + 120]
    );
    let passage = text.find("Pokrovsk").unwrap();
    assert!(passage > pointer, "the passage is below its old place");
    let out = tandem()
        .args(["align", LEFT, RIGHT, "--width", "100"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("shown above")
    );
}
