//! `tandem log FILE`: a file's versions from its git history, oldest first,
//! each named by its commit and date. Git is asked through its command line
//! (`git log --follow`, `git show`), so renames are followed as git follows
//! them and no git library is linked.

use std::path::Path;
use std::process::Command;

use crate::core::document::{Document, Format, MAX_BYTES};
use crate::display::sanitize;

use super::CliError;

/// One commit that changed the file, and the file's path in it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Revision {
    commit: String,
    /// The commit's date, YYYY-MM-DD.
    date: String,
    /// The file's path from the repository's top, as it was in the commit.
    path: String,
}

/// Separates commits and fields in what `git log` prints: neither can be
/// in a hash, a date or a path git prints.
const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, CliError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| CliError::Usage(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let first = said.lines().next().unwrap_or("failed").trim();
        return Err(CliError::Usage(format!("git: {}", sanitize(first))));
    }
    Ok(out.stdout)
}

/// The commits of `git log --follow --name-only`, oldest first.
fn parse_log(printed: &str) -> Vec<Revision> {
    let mut revisions: Vec<Revision> = printed
        .split(RECORD)
        .filter_map(|record| {
            let mut lines = record.lines().filter(|l| !l.trim().is_empty());
            let mut head = lines.next()?.split(FIELD);
            let (commit, date) = (head.next()?, head.next()?);
            let path = lines.next()?;
            Some(Revision {
                commit: commit.trim().to_string(),
                date: date.trim().to_string(),
                path: path.to_string(),
            })
        })
        .collect();
    revisions.reverse();
    revisions
}

/// The versions of `file` in its git history (within `range`, as
/// `REV..REV`, when given), oldest first, read as `format` or as each one's
/// content and name say.
pub fn versions(
    file: &str,
    range: Option<&str>,
    format: Option<Format>,
) -> Result<Vec<Document>, CliError> {
    let path = Path::new(file);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| CliError::Usage(format!("{}: not a file", sanitize(file))))?;
    let top = String::from_utf8_lossy(&git(dir, &["rev-parse", "--show-toplevel"])?)
        .trim()
        .to_string();
    let log_format = format!("--format={RECORD}%H{FIELD}%cs");
    let mut args = vec!["log", "--follow", "--name-only", log_format.as_str()];
    args.extend(range);
    let name = name.to_string_lossy();
    args.extend(["--", name.as_ref()]);
    let revisions = parse_log(&String::from_utf8_lossy(&git(dir, &args)?));
    if revisions.len() < 2 {
        return Err(CliError::Usage(format!(
            "{}: git has {} version{} of it{}; a history needs two or more",
            sanitize(file),
            revisions.len(),
            if revisions.len() == 1 { "" } else { "s" },
            range.map_or(String::new(), |r| format!(" in {}", sanitize(r))),
        )));
    }
    revisions
        .iter()
        .map(|rev| {
            let spec = format!("{}:{}", rev.commit, rev.path);
            let bytes = git(Path::new(&top), &["show", spec.as_str()])?;
            if bytes.len() as u64 > MAX_BYTES {
                return Err(CliError::Usage(format!(
                    "{} at {}: larger than the {} MiB limit",
                    sanitize(&rev.path),
                    short(&rev.commit),
                    MAX_BYTES >> 20
                )));
            }
            let mut doc = Document::from_bytes(&rev.path, bytes, format)?;
            doc.name = format!("{}@{} ({})", rev.path, short(&rev.commit), rev.date);
            Ok(doc)
        })
        .collect()
}

/// A commit's abbreviated hash, as git shows it.
fn short(commit: &str) -> &str {
    &commit[..commit.len().min(7)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_read_oldest_first_with_each_commit_s_path() {
        let printed = format!(
            "{RECORD}bbbbbbbbbb{FIELD}2026-12-02\n\nstory.md\n\
             {RECORD}aaaaaaaaaa{FIELD}2026-12-01\n\nold name.md\n"
        );
        let revisions = parse_log(&printed);
        assert_eq!(
            revisions,
            [
                Revision {
                    commit: "aaaaaaaaaa".into(),
                    date: "2026-12-01".into(),
                    path: "old name.md".into(),
                },
                Revision {
                    commit: "bbbbbbbbbb".into(),
                    date: "2026-12-02".into(),
                    path: "story.md".into(),
                },
            ]
        );
    }
}
