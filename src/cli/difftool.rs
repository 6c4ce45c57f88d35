//! tandem as git's diff tool: `git difftool -x tandem` (one file at a time)
//! and `git difftool -d -x tandem` (two directories), or the same with
//! `-t tandem` and `difftool.tandem.cmd = BASE="$MERGED" tandem "$LOCAL" "$REMOTE"`
//! (git exports `BASE` only for `-x`, so the configured command passes it).
//!
//! git gives tandem copies it made in a temporary directory
//! (`/tmp/git-blob-…/a.txt`, `/tmp/git-difftool.…/left/docs/a.txt`) that it
//! deletes afterwards, so notes saved beside them would be lost. It also says
//! which file they stand for: `$BASE` (exported by git's difftool helper for
//! `-x`) is the file's path in the working tree, relative to the top of it,
//! where git runs the tool; in directory mode `$GIT_WORK_TREE` is the working
//! tree and each copy sits under `left/` or `right/` at its path there (or is
//! a symbolic link to the working-tree file itself). tandem names each side
//! by that real path, so the titles show it and the notes file goes beside
//! the working-tree file.

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};

use super::{Cli, CliError};
use crate::core::document::Document;

/// What git told tandem when it runs it as its diff tool.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Git {
    /// `$BASE`: the file being compared, as in the working tree (file mode).
    pub base: Option<PathBuf>,
    /// `$GIT_WORK_TREE` (directory mode).
    pub work_tree: Option<PathBuf>,
}

impl Git {
    /// Set only under `git difftool` (`-x` sets `$GIT_DIFFTOOL_EXTCMD`, a
    /// configured tool `$GIT_DIFF_TOOL`), so that a `BASE` variable of the
    /// user's own never renames anything.
    pub fn from_env() -> Option<Self> {
        std::env::var_os("GIT_DIFFTOOL_EXTCMD").or_else(|| std::env::var_os("GIT_DIFF_TOOL"))?;
        let var = |name| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Some(Git {
            base: var("BASE"),
            work_tree: var("GIT_WORK_TREE"),
        })
    }

    /// The path the reviewer knows for a side git gave as `given`, if it
    /// differs from `given`.
    pub fn real_path(&self, given: &Path) -> Option<PathBuf> {
        // File mode: both sides are versions of the one file.
        if let Some(base) = &self.base {
            return Some(base.clone());
        }
        // Directory mode, the working tree's side: a link to the file.
        if given
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return given
                .canonicalize()
                .ok()
                .map(|p| relative_to_current_dir(&p));
        }
        // Directory mode, a copy: …/git-difftool.XXXXXX/{left,right}/PATH.
        let work_tree = self.work_tree.as_ref()?;
        let parts: Vec<Component> = given.components().collect();
        let at = parts.windows(2).rposition(|w| {
            w[0].as_os_str()
                .to_str()
                .is_some_and(|d| d.starts_with("git-difftool."))
                && matches!(w[1].as_os_str().to_str(), Some("left" | "right"))
        })?;
        let inside: PathBuf = parts[at + 2..].iter().collect();
        let work_tree = work_tree
            .canonicalize()
            .unwrap_or_else(|_| work_tree.clone());
        Some(relative_to_current_dir(&work_tree.join(inside)))
    }

    /// Names `doc` by its real path (so its title and default notes file
    /// follow it).
    pub fn rename(&self, doc: &mut Document) {
        doc.name = self.name(&doc.name);
    }

    /// The name to show for the side git gave as `given`: its real path, or
    /// `given` itself.
    pub fn name(&self, given: &str) -> String {
        self.real_path(Path::new(given))
            .map_or_else(|| given.to_string(), |real| real.display().to_string())
    }
}

/// `path` from the current directory when it lies under it, for titles.
fn relative_to_current_dir(path: &Path) -> PathBuf {
    let here = std::env::current_dir().and_then(|d| d.canonicalize());
    here.ok()
        .and_then(|d| path.strip_prefix(d).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// The two folders of a directory diff, when both arguments are folders.
pub fn directories(cli: &Cli) -> Option<(PathBuf, PathBuf)> {
    let (left, right) = (
        Path::new(cli.left.as_deref()?),
        Path::new(cli.right.as_deref()?),
    );
    (left.is_dir() && right.is_dir()).then(|| (left.to_path_buf(), right.to_path_buf()))
}

/// What differs between two folders, by path inside them, sorted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// In both, with different content.
    pub changed: Vec<PathBuf>,
    pub only_left: Vec<PathBuf>,
    pub only_right: Vec<PathBuf>,
}

/// Files under `dir` (following links, skipping `.git`), relative to it.
fn files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(sub) = pending.pop() {
        for entry in std::fs::read_dir(dir.join(&sub))? {
            let entry = entry?;
            let relative = sub.join(entry.file_name());
            let meta = std::fs::metadata(entry.path())?;
            if meta.is_dir() {
                if entry.file_name() != ".git" {
                    pending.push(relative);
                }
            } else {
                out.push(relative);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Compares two folders file by file.
pub fn changes(left: &Path, right: &Path) -> std::io::Result<Changes> {
    let (l, r) = (files(left)?, files(right)?);
    let mut out = Changes::default();
    for path in &l {
        if r.binary_search(path).is_err() {
            out.only_left.push(path.clone());
        } else if std::fs::read(left.join(path))? != std::fs::read(right.join(path))? {
            out.changed.push(path.clone());
        }
    }
    out.only_right = r
        .into_iter()
        .filter(|p| l.binary_search(p).is_err())
        .collect();
    Ok(out)
}

/// Reviews each changed file of two folders in turn with `review` (the
/// screen, or the text report when standard output is not a terminal).
/// A file present on one side only has nothing to be compared with and is
/// listed instead; a pair that cannot be opened is reported and skipped.
pub fn review_each(
    cli: &Cli,
    left: &Path,
    right: &Path,
    review: impl Fn(Cli) -> Result<(), CliError>,
) -> Result<(), CliError> {
    if cli.notes.is_some() {
        return Err(CliError::Usage("--notes names one file, but each pair of a directory diff keeps its own notes; leave it out".into()));
    }
    let found = changes(left, right).map_err(|e| {
        CliError::Usage(format!(
            "cannot compare {} and {}: {e}",
            left.display(),
            right.display()
        ))
    })?;
    let show = |p: &Path| crate::display::sanitize(&p.display().to_string());
    for (side, paths) in [("left", &found.only_left), ("right", &found.only_right)] {
        for path in paths {
            eprintln!(
                "tandem: {}: only on the {side}, nothing to compare it with",
                show(path)
            );
        }
    }
    if found.changed.is_empty() {
        eprintln!(
            "tandem: no file differs between {} and {}",
            show(left),
            show(right)
        );
        return Ok(());
    }
    let to_terminal = std::io::stdout().is_terminal();
    let total = found.changed.len();
    let mut failed = 0;
    for (i, path) in found.changed.iter().enumerate() {
        if !to_terminal {
            super::write_stdout(&format!("== {} ({} of {total})\n", show(path), i + 1))?;
        }
        let pair = Cli {
            left: Some(left.join(path).display().to_string()),
            right: Some(right.join(path).display().to_string()),
            ..cli.clone()
        };
        if let Err(e) = review(pair) {
            eprintln!("tandem: {e}");
            failed += 1;
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(CliError::Usage(format!(
            "{n} of {total} changed files could not be compared"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_mode_names_both_sides_by_base() {
        let git = Git {
            base: Some("docs/a.txt".into()),
            work_tree: Some(".".into()),
        };
        assert_eq!(
            git.real_path(Path::new("/tmp/git-blob-ZU8yZR/a.txt")),
            Some(PathBuf::from("docs/a.txt"))
        );
        assert_eq!(
            git.real_path(Path::new("docs/a.txt")),
            Some(PathBuf::from("docs/a.txt"))
        );
    }

    #[test]
    fn directory_mode_finds_the_working_tree_file_of_a_copy() {
        let tree = std::env::temp_dir();
        let git = Git {
            base: None,
            work_tree: Some(tree.clone()),
        };
        let real = git
            .real_path(Path::new("/tmp/git-difftool.0wSu1p/left/docs/a.txt"))
            .expect("a difftool copy has a real path");
        assert!(
            real.ends_with("docs/a.txt") && !real.to_string_lossy().contains("git-difftool"),
            "{real:?}"
        );
        assert_eq!(
            git.real_path(Path::new("/srv/articles/a.txt")),
            None,
            "a file of the user's own keeps its name"
        );
        assert!(
            git.name("/tmp/git-difftool.0wSu1p/right/docs/a.txt")
                .ends_with("docs/a.txt")
        );
        assert_eq!(git.name("/srv/articles/a.txt"), "/srv/articles/a.txt");
        assert_eq!(
            Git::default().real_path(Path::new("/tmp/git-difftool.x/left/a.txt")),
            None
        );
    }

    #[test]
    fn changes_lists_changed_and_one_sided_files_sorted() {
        let root =
            tempfile::TempDir::with_prefix("tandem-dirdiff-").expect("create the test directory");
        let (l, r) = (root.path().join("left"), root.path().join("right"));
        for (dir, files) in [
            (
                &l,
                [
                    ("same.txt", "x"),
                    ("b/changed.txt", "old"),
                    ("gone.txt", "g"),
                ],
            ),
            (
                &r,
                [
                    ("same.txt", "x"),
                    ("b/changed.txt", "new"),
                    ("new.txt", "n"),
                ],
            ),
        ] {
            for (name, text) in files {
                std::fs::create_dir_all(dir.join(name).parent().expect("a file path has a parent"))
                    .expect("create the test directory");
                std::fs::write(dir.join(name), text).expect("write the test file");
            }
        }
        std::fs::create_dir_all(l.join(".git")).expect("create the test directory");
        std::fs::write(l.join(".git/HEAD"), "ref").expect("write the test file");
        let found = changes(&l, &r).expect("both test folders can be read");
        assert_eq!(found.changed, vec![PathBuf::from("b/changed.txt")]);
        assert_eq!(found.only_left, vec![PathBuf::from("gone.txt")]);
        assert_eq!(found.only_right, vec![PathBuf::from("new.txt")]);
    }
}
