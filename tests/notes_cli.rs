//! Notes from the command line: export in every format, and a notes file
//! that cannot be read is reported and left alone.

use assert_cmd::Command;
use std::path::Path;
use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::Anchor;
use tandem::core::notes::notebook::Notebook;
use tempfile::TempDir;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn dir(name: &str) -> TempDir {
    TempDir::with_prefix(format!("tandem-notes-cli-{name}-")).unwrap()
}

/// A notes file with one note on the Vovchansk passage of the sample pair,
/// in a fresh directory that goes when the `TempDir` is dropped.
fn notes_file(name: &str) -> (TempDir, std::path::PathBuf) {
    let tmp = dir(name);
    let path = tmp.path().join("notes.json");
    let (l, r) = (
        Document::load(LEFT).unwrap(),
        Document::load(RIGHT).unwrap(),
    );
    let mut book = Notebook::open(&path, &l, &r).unwrap();
    let at =
        |d: &Document, q: &str| Anchor::of_quote(&d.text, q).expect("the quote is in the text");
    book.add(
        Category::Name,
        "=spelled Vovshansk in the rewrite".into(),
        Some(at(&l, "Vovchansk")),
        Some(at(&r, "Vovshansk")),
    );
    book.save(&l, &r).unwrap();
    (tmp, path)
}

fn export(path: &std::path::Path, format: &str) -> String {
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .args(["export", path.to_str().unwrap(), "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exports_every_format() {
    let (_dir, path) = notes_file("formats");
    let md = export(&path, "markdown");
    assert!(
        md.contains("# Review notes")
            && md.contains("**Vovchansk**")
            && md.contains("**Vovshansk**"),
        "{md}"
    );
    let csv = export(&path, "csv");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .contains(",\"'=spelled Vovshansk in the rewrite\","),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export(&path, "json")).unwrap();
    assert_eq!(json["notes"][0]["right"]["quote"], "Vovshansk");
    let w3c: serde_json::Value = serde_json::from_str(&export(&path, "w3c")).unwrap();
    let left = std::fs::read_to_string(LEFT).unwrap();
    let sel = &w3c["first"]["items"][0]["target"][0]["selector"][1];
    let (s, e) = (
        sel["start"].as_u64().unwrap() as usize,
        sel["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        left.chars().skip(s).take(e - s).collect::<String>(),
        "Vovchansk",
        "code-point offsets"
    );
}

#[test]
fn export_to_a_file() {
    let (_dir, path) = notes_file("to-file");
    let out = path.with_extension("md");
    Command::cargo_bin("tandem")
        .unwrap()
        .args([
            "export",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .contains("name spelling or identity")
    );
}

#[test]
fn a_corrupt_notes_file_stops_tandem_and_is_not_overwritten() {
    let tmp = dir("corrupt");
    let path = tmp.path().join("notes.json");
    std::fs::write(&path, "{\"version\": 1, \"notes\": [").unwrap();
    for args in [
        vec![LEFT, RIGHT, "--notes", path.to_str().unwrap()],
        vec!["export", path.to_str().unwrap()],
    ] {
        let out = Command::cargo_bin("tandem")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("cannot be read") && err.contains("left untouched"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"version\": 1, \"notes\": ["
    );
}

#[test]
fn exporting_a_missing_notes_file_is_a_clear_error() {
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .args(["export", "/nonexistent/notes.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no such notes file")
    );
}

#[test]
fn export_never_replaces_the_notes_file() {
    let (_dir, path) = notes_file("same-file");
    let before = std::fs::read(&path).unwrap();
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .args([
            "export",
            path.to_str().unwrap(),
            "--format",
            "json",
            "-o",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("must not replace the notes file")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn tandem(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("tandem")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

/// One line on stderr, exit status 2, and no panic.
fn assert_clear_error(out: &std::process::Output, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(says) && !err.contains("panicked"), "{err}");
}

#[test]
fn export_does_not_replace_an_existing_file_without_force() {
    let (_dir, path) = notes_file("force");
    let out = path.with_file_name("report.md");
    std::fs::write(&out, "someone's report").unwrap();
    let o = out.to_str().unwrap();
    assert_clear_error(
        &tandem(&["export", path.to_str().unwrap(), "-o", o]),
        "exists; add --force to replace it",
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "someone's report");
    assert!(
        tandem(&["export", path.to_str().unwrap(), "-o", o, "--force"])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("# Review notes")
    );
    let dir = path.parent().unwrap().to_str().unwrap();
    assert_clear_error(
        &tandem(&["export", path.to_str().unwrap(), "-o", dir, "--force"]),
        "is a directory",
    );
}

/// A FIFO in a directory of our own: it stands for any device (a test must
/// not risk /dev/null should the code under test replace what it writes to).
#[cfg(unix)]
fn fifo(d: &Path) -> std::path::PathBuf {
    let fifo = d.join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fifo
}

#[cfg(unix)]
#[test]
fn export_to_a_fifo_or_device_writes_through_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let (_dir, path) = notes_file("device");
    let fifo = fifo(path.parent().unwrap());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = tandem(&[
        "export",
        path.to_str().unwrap(),
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(reader.join().unwrap().contains("# Review notes"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn a_symlinked_notes_file_stays_a_link_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = notes_file("symlink");
    let d = path.parent().unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = d.join("link.json");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let (l, r) = (
        Document::load(LEFT).unwrap(),
        Document::load(RIGHT).unwrap(),
    );
    let mut book = Notebook::open(&link, &l, &r).unwrap();
    book.add(Category::Other, "second".into(), None, None);
    book.save(&l, &r).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(Notebook::open(&path, &l, &r).unwrap().file.notes.len(), 2);
}

#[test]
fn huge_widths_are_refused_clearly() {
    for w in [
        "18446744073709551615",
        "99999999999999999999999",
        "2000000000",
        "0",
        "-3",
        "wide",
    ] {
        // clap's own format: the error, then a hint to try --help.
        let out = tandem(&["align", LEFT, RIGHT, "--width", w]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.starts_with("error: ") && !err.contains("panicked"),
            "{err}"
        );
    }
    let ok = tandem(&["align", LEFT, RIGHT, "--width", "2000"]);
    assert!(ok.status.success());
}

#[test]
fn a_huge_columns_variable_is_clamped() {
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .args(["align", LEFT, RIGHT])
        .env("COLUMNS", "2000000000")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let widest = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(widest <= 2000, "{widest}");
}

#[test]
fn an_error_naming_a_file_carries_no_escape_sequence() {
    let d = dir("osc");
    let name = d.path().join("evil\x1b]0;pwned\x07\x1b[2J.txt");
    let out = tandem(&[name.to_str().unwrap(), RIGHT]);
    assert_clear_error(&out, "no such file");
    assert!(
        !out.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_250_character_file_name_gets_a_notes_file_that_works() {
    let d = dir("long-name");
    let left = d.path().join(format!("{}.txt", "a".repeat(246)));
    std::fs::copy(LEFT, &left).unwrap();
    let out = tandem(&[left.to_str().unwrap(), RIGHT]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And a note saved there comes back.
    let (l, r) = (
        Document::load(left.to_str().unwrap()).unwrap(),
        Document::load(RIGHT).unwrap(),
    );
    let notes = tandem::core::notes::store::default_path(&l.name, &r.name, true);
    let mut book = Notebook::open(&notes, &l, &r).unwrap();
    book.add(Category::Other, "long".into(), None, None);
    book.save(&l, &r).unwrap();
    assert!(Path::new(&notes).is_file());
}

#[cfg(unix)]
#[test]
fn a_notes_path_that_is_a_device_fifo_or_directory_is_refused_not_read() {
    let d = dir("special-notes");
    let fifo = fifo(d.path());
    for notes in [fifo.to_str().unwrap(), d.path().to_str().unwrap()] {
        // Reading a FIFO would hang: it must be refused before.
        assert_clear_error(
            &tandem(&[LEFT, RIGHT, "--notes", notes]),
            "it was left untouched",
        );
    }
}
