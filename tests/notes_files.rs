//! Notes files and articles as other programs leave them (issue 27, break
//! 9): two notes with one id, UTF-16 and UTF-32 articles, a notes file of
//! the wrong shape, keys this version does not know.

use assert_cmd::Command;
use tandem::core::Category;
use tandem::core::document::Document;
use tandem::core::notes::notebook::Notebook;
use tempfile::TempDir;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn tandem() -> Command {
    Command::cargo_bin("tandem").expect("the binary is built")
}

fn pair() -> (Document, Document) {
    (
        Document::load(LEFT).expect("the sample is readable"),
        Document::load(RIGHT).expect("the sample is readable"),
    )
}

/// A notes file for the sample pair with `notes` (JSON) and `more`
/// top-level members.
fn notes_json(notes: &str, more: &str) -> String {
    format!(
        r#"{{"version": 1, "left": {{"path": "{LEFT}", "sha256": "0"}}, "right": {{"path": "{RIGHT}", "sha256": "0"}},
        "notes": [{notes}]{more}}}"#
    )
}

fn note(id: &str, text: &str) -> String {
    format!(
        r#"{{"id": "{id}", "category": "other", "text": "{text}", "status": "open", "created": "2026-11-22T08:00:00Z",
        "updated": "2026-11-22T08:00:00Z", "left": null, "right": null}}"#
    )
}

/// Two notes with one id (a hand edit, a copy and paste): each gets its
/// own on opening, the screen is told, and deleting one keeps the other.
#[test]
fn notes_that_share_an_id_are_told_apart_and_deleted_one_at_a_time() {
    let dir = TempDir::with_prefix("tandem-files-ids-").expect("a test directory");
    let path = dir.path().join("n.json");
    let json = notes_json(&[note("n1", "first"), note("n1", "second")].join(","), "");
    std::fs::write(&path, json).expect("write the notes");
    let (l, r) = pair();
    let mut book = Notebook::open(&path, &l, &r).expect("the file opens");
    let ids: Vec<&str> = book.file.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["n1", "n1-2"]);
    assert!(
        book.notice
            .as_deref()
            .is_some_and(|n| n.contains("1 note had an id")),
        "{:?}",
        book.notice
    );
    assert!(book.delete("n1"));
    book.save(&l, &r).expect("saved");
    let again = Notebook::open(&path, &l, &r).expect("the file opens");
    let texts: Vec<&str> = again.file.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["second"]);
    assert_eq!(again.notice, None, "the saved file has no shared id left");
}

/// Every way to write an article wider than UTF-8: with a byte-order mark
/// it is read; without one it is named, in one line, exit status 2.
#[test]
fn utf16_and_utf32_articles_are_read_or_named() {
    let dir = TempDir::with_prefix("tandem-files-wide-").expect("a test directory");
    let text = std::fs::read_to_string(LEFT).expect("the sample is readable");
    let plain = tandem()
        .args(["align", LEFT, RIGHT, "--format", "json"])
        .output()
        .expect("tandem runs");
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    for encoding in ["UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"] {
        for bom in [true, false] {
            let mut bytes = Vec::new();
            let chars = std::iter::once('\u{feff}')
                .filter(|_| bom)
                .chain(text.chars());
            for c in chars {
                let units: Vec<u32> = if encoding.starts_with("UTF-16") {
                    c.encode_utf16(&mut [0; 2])
                        .iter()
                        .map(|&u| u32::from(u))
                        .collect()
                } else {
                    vec![u32::from(c)]
                };
                let width = if encoding.starts_with("UTF-16") { 2 } else { 4 };
                for u in units {
                    let le = u.to_le_bytes();
                    if encoding.ends_with("LE") {
                        bytes.extend(&le[..width]);
                    } else {
                        bytes.extend(le[..width].iter().rev());
                    }
                }
            }
            let path = dir.path().join(format!("{encoding}-{bom}.txt"));
            std::fs::write(&path, bytes).expect("write the article");
            let out = tandem()
                .args(["align", path.to_str().expect("a UTF-8 path"), RIGHT])
                .args(["--format", "json"])
                .output()
                .expect("tandem runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if bom {
                assert!(out.status.success(), "{encoding}: {stderr}");
                let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
                assert_eq!(
                    json["links"], plain["links"],
                    "{encoding}: the same alignment"
                );
            } else {
                assert_eq!(out.status.code(), Some(2), "{encoding}: {stderr}");
                assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
                assert!(
                    stderr.contains(&format!("looks like {encoding} text")),
                    "{stderr}"
                );
            }
        }
    }
}

/// `[]`, `null`, a number or a string as a notes file: one plain sentence,
/// not serde's words ("invalid type: sequence, expected struct").
#[test]
fn a_notes_file_of_the_wrong_shape_is_said_plainly() {
    let dir = TempDir::with_prefix("tandem-files-shape-").expect("a test directory");
    let path = dir.path().join("n.json");
    for (content, shape) in [
        ("[]", "a list"),
        ("null", "null"),
        ("42", "a number"),
        ("\"notes\"", "a string"),
        (
            "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n",
            "git conflict markers",
        ),
        ("{ not json", "not JSON"),
    ] {
        std::fs::write(&path, content).expect("write the notes");
        let out = tandem()
            .args(["export", path.to_str().expect("a UTF-8 path")])
            .output()
            .expect("tandem runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{content}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains(shape), "{content}: {stderr}");
        assert!(
            !stderr.contains("invalid type") && !stderr.contains("expected"),
            "{content}: {stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some(content),
            "left untouched"
        );
    }
}

/// Keys this version does not know (a later version's, another tool's)
/// are written back on save, also after a merge with another session.
#[test]
fn unknown_top_level_keys_are_kept_on_save() {
    let dir = TempDir::with_prefix("tandem-files-keys-").expect("a test directory");
    let path = dir.path().join("n.json");
    let more = r#", "reviewer": {"name": "A. N. Other", "desk": 3}, "x-tool": [1, 2]"#;
    std::fs::write(&path, notes_json(&note("n1", "first"), more)).expect("write the notes");
    let (l, r) = pair();
    let mut a = Notebook::open(&path, &l, &r).expect("the file opens");
    let mut b = Notebook::open(&path, &l, &r).expect("the file opens");
    a.add(Category::Name, "from a".into(), None, None);
    a.save(&l, &r).expect("saved");
    b.add(Category::Date, "from b".into(), None, None);
    b.save(&l, &r).expect("saved (merged)");
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("the file is there")).expect("JSON");
    assert_eq!(
        file["reviewer"],
        serde_json::json!({"name": "A. N. Other", "desk": 3})
    );
    assert_eq!(file["x-tool"], serde_json::json!([1, 2]));
    assert_eq!(file["notes"].as_array().map(Vec::len), Some(3));
}
