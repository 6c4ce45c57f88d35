//! Notes from the command line: export in every format, and a notes file
//! that cannot be read is reported and left alone.

use assert_cmd::Command;
use tandem::core::document::Document;
use tandem::core::notes::notebook::Notebook;
use tandem::core::notes::{Anchor, Category};

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tandem-notes-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A notes file with one note on the Vovchansk passage of the sample pair.
fn notes_file(name: &str) -> std::path::PathBuf {
    let path = dir(name).join("notes.json");
    let (l, r) = (Document::load(LEFT).unwrap(), Document::load(RIGHT).unwrap());
    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let at = |d: &Document, q: &str| Anchor::of_quote(&d.text, q).expect("the quote is in the text");
    book.add(Category::Name, "=spelled Vovshansk in the rewrite".into(), Some(at(&l, "Vovchansk")), Some(at(&r, "Vovshansk")));
    book.save(&l, &r).unwrap();
    path
}

fn export(path: &std::path::Path, format: &str) -> String {
    let out = Command::cargo_bin("tandem").unwrap().args(["export", path.to_str().unwrap(), "--format", format]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exports_every_format() {
    let path = notes_file("formats");
    let md = export(&path, "markdown");
    assert!(md.contains("# Review notes") && md.contains("**Vovchansk**") && md.contains("**Vovshansk**"), "{md}");
    let csv = export(&path, "csv");
    assert!(csv.lines().nth(1).unwrap().contains(",\"'=spelled Vovshansk in the rewrite\","), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&export(&path, "json")).unwrap();
    assert_eq!(json["notes"][0]["right"]["quote"], "Vovshansk");
    let w3c: serde_json::Value = serde_json::from_str(&export(&path, "w3c")).unwrap();
    let left = std::fs::read_to_string(LEFT).unwrap();
    let sel = &w3c["first"]["items"][0]["target"][0]["selector"][1];
    let (s, e) = (sel["start"].as_u64().unwrap() as usize, sel["end"].as_u64().unwrap() as usize);
    assert_eq!(left.chars().skip(s).take(e - s).collect::<String>(), "Vovchansk", "code-point offsets");
}

#[test]
fn export_to_a_file() {
    let path = notes_file("to-file");
    let out = path.with_extension("md");
    Command::cargo_bin("tandem").unwrap().args(["export", path.to_str().unwrap(), "-o", out.to_str().unwrap()]).assert().success();
    assert!(std::fs::read_to_string(out).unwrap().contains("name spelling or identity"));
}

#[test]
fn a_corrupt_notes_file_stops_tandem_and_is_not_overwritten() {
    let path = dir("corrupt").join("notes.json");
    std::fs::write(&path, "{\"version\": 1, \"notes\": [").unwrap();
    for args in [vec![LEFT, RIGHT, "--notes", path.to_str().unwrap()], vec!["export", path.to_str().unwrap()]] {
        let out = Command::cargo_bin("tandem").unwrap().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("cannot be read") && err.contains("left untouched"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"version\": 1, \"notes\": [");
}

#[test]
fn exporting_a_missing_notes_file_is_a_clear_error() {
    let out = Command::cargo_bin("tandem").unwrap().args(["export", "/nonexistent/notes.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("no such notes file"));
}

#[test]
fn export_never_replaces_the_notes_file() {
    let path = notes_file("same-file");
    let before = std::fs::read(&path).unwrap();
    let out = Command::cargo_bin("tandem").unwrap().args(["export", path.to_str().unwrap(), "--format", "json", "-o", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("must not replace the notes file"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
