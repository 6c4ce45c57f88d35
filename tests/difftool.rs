//! tandem as git's diff tool, end to end: the real binary run by
//! `git difftool -x` and `git difftool -d -x` in a temporary repository.
//! The notes must land beside the working-tree file, never in the
//! temporary directory git makes (and deletes) for the diff, and the panes
//! must be titled with the real path.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Pty;
use tempfile::TempDir;

const TANDEM: &str = env!("CARGO_BIN_EXE_tandem");

struct Repo {
    root: TempDir,
}

impl Repo {
    /// A repository whose committed files are the `before` texts and whose
    /// working tree holds the `after` texts.
    fn new(name: &str, files: &[(&str, &str, &str)]) -> Self {
        let root = TempDir::with_prefix(format!("tandem-{name}-")).unwrap();
        for sub in ["work", "home", "tmp"] {
            std::fs::create_dir_all(root.path().join(sub)).unwrap();
        }
        let repo = Repo { root };
        repo.git(&["init", "-q"]);
        for (path, before, _) in files {
            let file = repo.work().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, before).unwrap();
        }
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-qm", "before"]);
        for (path, _, after) in files {
            std::fs::write(repo.work().join(path), after).unwrap();
        }
        repo
    }

    fn work(&self) -> PathBuf {
        self.root.path().join("work")
    }

    /// git's temporary files go here, so the test can look inside.
    fn tmp(&self) -> PathBuf {
        self.root.path().join("tmp")
    }

    /// A clean environment: no user config, git's temporary files in `tmp`.
    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("HOME", self.root.path().join("home").display().to_string()),
            ("TMPDIR", self.tmp().display().to_string()),
            ("GIT_CONFIG_NOSYSTEM", "1".into()),
            ("GIT_AUTHOR_NAME", "Test".into()),
            ("GIT_AUTHOR_EMAIL", "test@example.org".into()),
            ("GIT_COMMITTER_NAME", "Test".into()),
            ("GIT_COMMITTER_EMAIL", "test@example.org".into()),
        ]
    }

    fn git(&self, args: &[&str]) -> std::process::Output {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.work())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap())
            .envs(self.env())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn difftool(&self, args: &[&str]) -> Pty {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut all = vec!["difftool", "-y"];
        all.extend_from_slice(args);
        Pty::spawn("git", &all, &self.work(), &env)
    }
}

/// Every notes file under `dir`.
fn notes_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.to_string_lossy().ends_with(".tandem-notes.json") {
                out.push(path);
            }
        }
    }
    out
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/samples")
            .join(name),
    )
    .unwrap()
}

/// Tags the focused passage with a note and waits until it is saved.
fn tag(pty: &mut Pty, text: &str) {
    pty.press(b"t");
    pty.wait_for("pick a category");
    pty.press(b"3");
    pty.wait_for("New note");
    pty.press(text.as_bytes());
    pty.press(b"\r");
    pty.wait_for("saved to");
}

#[test]
fn git_difftool_x_keeps_the_notes_beside_the_working_tree_file() {
    let (before, after) = (
        sample("kremlin-talks-original.txt"),
        sample("kremlin-talks-rewrite.txt"),
    );
    let repo = Repo::new("difftool-x", &[("articles/talks.txt", &before, &after)]);
    let mut pty = repo.difftool(&["-x", TANDEM]);
    pty.wait_for("difference 1 of");
    let screen = pty.contents();
    assert!(
        screen.contains("articles/talks.txt"),
        "the real path in the titles:\n{screen}"
    );
    assert!(
        !screen.contains("git-blob") && !screen.contains(&repo.tmp().display().to_string()),
        "no temporary path:\n{screen}"
    );

    tag(&mut pty, "a figure to check");
    // While git's copy still exists: the notes are in the working tree only.
    assert_eq!(notes_files(&repo.tmp()), Vec::<PathBuf>::new());
    let notes = repo.work().join("articles/talks.talks.tandem-notes.json");
    assert_eq!(notes_files(&repo.work()), vec![notes.clone()]);
    assert!(
        pty.contents()
            .contains("articles/talks.talks.tandem-notes.json"),
        "{}",
        pty.contents()
    );

    pty.press(b"q");
    assert!(pty.exit_status().success());
    assert!(
        !pty.output().contains("unable to rmdir"),
        "{}",
        pty.output()
    );
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&notes).unwrap()).unwrap();
    assert_eq!(file["notes"][0]["text"], "a figure to check");
    assert_eq!(file["left"]["path"], "articles/talks.txt");
    assert_eq!(file["right"]["path"], "articles/talks.txt");
    assert_eq!(notes_files(&repo.tmp()), Vec::<PathBuf>::new());
}

#[test]
fn git_difftool_d_opens_each_changed_file_in_turn_with_notes_in_the_working_tree() {
    let repo = Repo::new(
        "difftool-d",
        &[
            (
                "a.txt",
                "The mayor said 12 people attended the meeting on Monday.\n",
                "The mayor said 15 people attended the meeting on Monday.\n",
            ),
            (
                "same.txt",
                "Nothing changes here.\n",
                "Nothing changes here.\n",
            ),
            (
                "sub/b.txt",
                "Officials in Kyiv denied the report.\n",
                "Officials in Kyiv have not confirmed the report.\n",
            ),
        ],
    );
    let mut pty = repo.difftool(&["-d", "-x", TANDEM]);
    pty.wait_for("difference 1 of");
    let first = pty.contents();
    assert!(
        first.contains(" a.txt") && !first.contains("git-difftool"),
        "{first}"
    );
    tag(&mut pty, "12 or 15?");
    assert_eq!(notes_files(&repo.tmp()), Vec::<PathBuf>::new());
    pty.press(b"q");
    pty.wait_for("sub/b.txt");
    assert!(
        !pty.contents().contains("git-difftool"),
        "{}",
        pty.contents()
    );
    pty.press(b"q");
    assert!(pty.exit_status().success());

    assert_eq!(
        notes_files(&repo.work()),
        vec![repo.work().join("a.a.tandem-notes.json")]
    );
    assert_eq!(notes_files(&repo.tmp()), Vec::<PathBuf>::new());
}

#[test]
fn git_difftool_d_in_a_pipe_prints_each_changed_file_s_report() {
    let repo = Repo::new(
        "difftool-pipe",
        &[
            (
                "a.txt",
                "The mayor said 12 people attended.\n",
                "The mayor said 15 people attended.\n",
            ),
            ("only-before.txt", "Gone.\n", "Gone.\n"),
            (
                "sub/b.txt",
                "Officials in Kyiv denied the report.\n",
                "Officials in Kyiv have not confirmed the report.\n",
            ),
        ],
    );
    std::fs::remove_file(repo.work().join("only-before.txt")).unwrap();
    let out = repo.git(&["difftool", "-d", "-x", TANDEM]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let a = stdout.find("== a.txt (1 of 2)").expect(&stdout);
    let b = stdout.find("== sub/b.txt (2 of 2)").expect(&stdout);
    assert!(a < b);
    assert!(
        stdout[a..b].contains("left:  a.txt") && stdout[b..].contains("left:  sub/b.txt"),
        "{stdout}"
    );
    assert!(!stdout.contains("git-difftool"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("only-before.txt: only on the left"),
        "{stderr}"
    );
}

#[test]
fn a_configured_difftool_passing_merged_names_the_real_path() {
    let repo = Repo::new(
        "difftool-t",
        &[(
            "docs/a.txt",
            "The mayor said 12 people attended.\n",
            "The mayor said 15 people attended.\n",
        )],
    );
    let cmd = format!("difftool.tandem.cmd=BASE=\"$MERGED\" {TANDEM} \"$LOCAL\" \"$REMOTE\"");
    let out = repo.git(&["-c", &cmd, "difftool", "-y", "-t", "tandem"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("left:  docs/a.txt") && stdout.contains("right: docs/a.txt"),
        "{stdout}"
    );
    assert!(!stdout.contains("git-blob"), "{stdout}");
    let out = repo.git(&["-c", &cmd, "difftool", "-y", "-d", "-t", "tandem"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("== docs/a.txt (1 of 1)") && stdout.contains("left:  docs/a.txt"),
        "{stdout}"
    );
}

#[test]
fn two_folders_outside_git_are_compared_file_by_file_and_notes_cannot_be_one_file() {
    let tmp = TempDir::with_prefix("tandem-folders-").unwrap();
    let root = tmp.path();
    for (dir, text) in [
        ("old", "The mayor said 12 people attended.\n"),
        ("new", "The mayor said 15 people attended.\n"),
    ] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        std::fs::write(root.join(dir).join("a.txt"), text).unwrap();
    }
    let run = |extra: &[&str]| {
        Command::new(TANDEM)
            .current_dir(root)
            .args(["old", "new"])
            .args(extra)
            .env("HOME", root)
            .env_remove("XDG_CONFIG_HOME")
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("== a.txt (1 of 1)\n")
            && stdout.contains("left:  old/a.txt")
            && stdout.contains("right: new/a.txt"),
        "{stdout}"
    );

    let out = run(&["--notes", "n.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("tandem: --notes names one file"),
        "{stderr}"
    );
}
