//! A story through its versions, as a user runs it: `tandem align V1 V2 V3
//! …` and `tandem log FILE` on the series of tests/fixtures/story (five
//! versions in English and in German, with rising figures, a corrected name,
//! a moved paragraph and an added denial).

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn tandem() -> Command {
    Command::cargo_bin("tandem").expect("binary is built")
}

fn versions(language: &str) -> Vec<String> {
    (1..=5)
        .map(|v| format!("tests/fixtures/story/{language}/v{v}.txt"))
        .collect()
}

fn json(args: &[&str]) -> Value {
    let out = tandem().args(args).output().expect("tandem runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn align_json(files: &[String]) -> Value {
    let mut args = vec!["align"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "json"]);
    json(&args)
}

/// Each fact of the history as "category: v1 → v2 → …" ("—" where absent).
fn history(report: &Value) -> Vec<String> {
    report["history"]
        .as_array()
        .expect("a history")
        .iter()
        .map(|f| {
            let texts: Vec<&str> = f["texts"]
                .as_array()
                .expect("texts")
                .iter()
                .map(|t| t.as_str().unwrap_or("—"))
                .collect();
            format!(
                "{}: {}",
                f["category"].as_str().unwrap_or("?"),
                texts.join(" → ")
            )
        })
        .collect()
}

#[test]
fn each_pair_of_a_series_is_what_the_two_version_command_prints() {
    for language in ["en", "de"] {
        let files = versions(language);
        let series = align_json(&files);
        let pairs = series["pairs"].as_array().expect("pairs");
        assert_eq!(pairs.len(), 4);
        for (i, pair) in pairs.iter().enumerate() {
            let alone = align_json(&files[i..i + 2]);
            assert_eq!(pair, &alone, "{language} pair {i}");
        }
        let listed: Vec<&str> = series["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .map(|v| v["path"].as_str().expect("a path"))
            .collect();
        assert_eq!(listed, files.iter().map(String::as_str).collect::<Vec<_>>());
        for v in series["versions"].as_array().expect("versions") {
            assert_eq!(v["sha256"].as_str().map(str::len), Some(64), "{v}");
            assert_eq!(v["format"], "plain");
            assert_eq!(v["language"]["code"], language);
        }
    }
}

#[test]
fn the_history_follows_a_rising_toll_and_a_corrected_name_through_five_versions() {
    let en = history(&align_json(&versions("en")));
    assert!(
        en.contains(&"number: 12 → 19 → 19 → 23 → 23".to_string()),
        "{en:#?}"
    );
    assert!(
        en.contains(&"name: Pappas → Pappas → Papas → Papas → Papas".to_string()),
        "{en:#?}"
    );
    let de = history(&align_json(&versions("de")));
    assert!(
        de.contains(&"number: 8 → 14 → 14 → 17 → 17".to_string()),
        "{de:#?}"
    );
}

#[test]
fn a_moved_paragraph_is_no_change_in_the_history() {
    // Versions 3 and 4 differ by a moved paragraph and one figure: the
    // history says the figure changed there and nothing else did.
    let en = align_json(&versions("en"));
    let changed_in_3_4: Vec<&Value> = en["history"]
        .as_array()
        .expect("a history")
        .iter()
        .filter(|f| {
            f["changes"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["pair"] == 2))
        })
        .collect();
    assert_eq!(changed_in_3_4.len(), 1, "{changed_in_3_4:#?}");
    assert_eq!(changed_in_3_4[0]["texts"][3], "23");
    // Nor is it a passage added or dropped: only the port (version 2) and
    // the company's non-confirmation (version 5) are.
    let passages: Vec<(u64, &str)> = en["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| {
            (
                p["pair"].as_u64().expect("a pair"),
                p["change"].as_str().expect("a change"),
            )
        })
        .collect();
    assert_eq!(passages, [(0, "added"), (3, "added")]);
    assert!(
        en["passages"][1]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("The shipping company did not confirm"))
    );
}

#[test]
fn unchanged_versions_have_an_empty_history() {
    let v1 = "tests/fixtures/story/en/v1.txt".to_string();
    let report = align_json(&[v1.clone(), v1.clone(), v1]);
    assert_eq!(report["history"], Value::Array(Vec::new()));
    for pair in report["pairs"].as_array().expect("pairs") {
        assert_eq!(pair["summary"]["divergent"], 0);
    }
}

#[test]
fn the_text_report_shows_each_pair_and_the_history() {
    let mut cmd = tandem();
    cmd.arg("align")
        .args(versions("en"))
        .args(["--width", "100"]);
    let out = cmd.output().expect("tandem runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("═══ versions ").count(), 4, "{text}");
    assert!(
        text.contains("number (people): 12 → 19 → 19 → 23 → 23"),
        "{text}"
    );
}

fn fails_in_one_line(out: Output, says: &str) {
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn a_version_that_cannot_be_read_is_one_line_and_exit_2() {
    let mut files = versions("en");
    files[2] = "tests/fixtures/story/en/missing.txt".into();
    let out = tandem()
        .arg("align")
        .args(&files)
        .output()
        .expect("tandem runs");
    fails_in_one_line(out, "missing.txt");
    let out = tandem()
        .args(["align", "-", "-", "-"])
        .output()
        .expect("tandem runs");
    fails_in_one_line(out, "standard input");
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A repository whose one file went through the English story's versions,
/// renamed once on the way.
fn story_repository() -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    git(dir.path(), &["init", "-q"]);
    for (v, file) in versions("en").iter().enumerate() {
        let name = if v < 2 { "ferry.txt" } else { "story.txt" };
        if v == 2 {
            git(dir.path(), &["mv", "ferry.txt", "story.txt"]);
        }
        std::fs::copy(file, dir.path().join(name)).expect("a version copied");
        git(dir.path(), &["add", "."]);
        git(
            dir.path(),
            &["commit", "-q", "-m", &format!("version {}", v + 1)],
        );
    }
    dir
}

#[test]
fn log_reviews_a_file_s_git_history_across_a_rename_like_the_files_themselves() {
    let repo = story_repository();
    let file = repo.path().join("story.txt");
    let file = file.to_str().expect("a UTF-8 path");
    let logged = json(&["log", file, "--format", "json"]);
    let aligned = align_json(&versions("en"));
    assert_eq!(logged["pairs"].as_array().map(Vec::len), Some(4));
    assert_eq!(history(&logged), history(&aligned));
    for (a, b) in logged["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .zip(aligned["pairs"].as_array().expect("pairs"))
    {
        assert_eq!(a["links"], b["links"]);
    }
    let names: Vec<&str> = logged["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v["path"].as_str().expect("a name"))
        .collect();
    assert!(names[0].starts_with("ferry.txt@"), "{names:?}");
    assert!(names[4].starts_with("story.txt@"), "{names:?}");
    // A range takes only its commits: HEAD~2..HEAD holds the last two.
    let recent = json(&["log", file, "--git", "HEAD~2..HEAD", "--format", "json"]);
    assert_eq!(recent["versions"].as_array().map(Vec::len), Some(2));
}

#[test]
fn log_of_a_file_git_does_not_know_is_one_line_and_exit_2() {
    let repo = story_repository();
    let lone = repo.path().join("lone.txt");
    std::fs::write(&lone, "One version only.").expect("written");
    let out = tandem()
        .arg("log")
        .arg(&lone)
        .output()
        .expect("tandem runs");
    fails_in_one_line(out, "needs two or more");
    let outside = TempDir::new().expect("a temporary directory");
    let out = tandem()
        .arg("log")
        .arg(outside.path().join("x.txt"))
        .env("GIT_CEILING_DIRECTORIES", outside.path())
        .output()
        .expect("tandem runs");
    fails_in_one_line(out, "git:");
}
