//! Keeping notes safe on disk. Every save writes a temporary file in the
//! same directory, flushes it to disk and renames it over the old file, so a
//! crash or a power cut leaves either the old file or the new one, never half
//! of one. A file that cannot be read is reported and never overwritten.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::NotesFile;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("notes file {path}: cannot be read ({reason}); it was left untouched: fix it or choose another file with --notes")]
    Unreadable { path: String, reason: String },
    #[error("notes file {path}: cannot be saved ({reason}); your notes are kept in memory: press W to save them elsewhere")]
    Unwritable { path: String, reason: String },
}

/// Hex SHA-256 of an article's bytes.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The default notes file for a pair: beside the left article, named after
/// both (`a.txt` + `b.txt` -> `a.b.tandem-notes.json`); in the current
/// directory when the left article is not a file (standard input, the
/// bundled sample).
pub fn default_path(left: &str, right: &str, left_is_file: bool) -> PathBuf {
    let stem = |p: &str| {
        Path::new(p).file_stem().map(|s| s.to_string_lossy().into_owned()).filter(|s| !s.is_empty() && s != "-").unwrap_or_else(|| "stdin".into())
    };
    let name = format!("{}.{}.tandem-notes.json", stem(left), stem(right));
    let dir = if left_is_file { Path::new(left).parent().map(Path::to_path_buf).unwrap_or_default() } else { PathBuf::new() };
    dir.join(name)
}

/// Reads a notes file: `None` if there is none yet.
pub fn load(path: &Path) -> Result<Option<NotesFile>, StoreError> {
    let unreadable = |reason: String| StoreError::Unreadable { path: path.display().to_string(), reason };
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    let file: NotesFile = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if file.version != 1 {
        return Err(unreadable(format!("version {} is not supported", file.version)));
    }
    Ok(Some(file))
}

/// Writes the new content to a temporary file beside `path`, flushed to
/// disk; returns the temporary file's path. Nothing at `path` changes yet.
pub fn write_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "notes".into());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = fs::OpenOptions::new().write(true).create(true).truncate(true).open(&temp)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Replaces `path` with the temporary file in one step.
pub fn commit(temp: &Path, path: &Path) -> std::io::Result<()> {
    fs::rename(temp, path).inspect_err(|_| {
        let _ = fs::remove_file(temp);
    })?;
    // Make the rename itself durable (best effort: not every system allows
    // opening a directory).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) && let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves atomically.
pub fn save(path: &Path, notes: &NotesFile) -> Result<(), StoreError> {
    let mut json = serde_json::to_vec_pretty(notes).expect("notes always serialise");
    json.push(b'\n');
    write_temporary(path, &json)
        .and_then(|temp| commit(&temp, path))
        .map_err(|e| StoreError::Unwritable { path: path.display().to_string(), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::notes::{Anchor, Article, Category, Note, Status};

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("tandem-store-{name}-{}", std::process::id()));
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn sample() -> NotesFile {
        let text = "Ukrainian officials denied the reports.";
        NotesFile {
            version: 1,
            left: Article { path: "a.txt".into(), sha256: sha256_hex(text) },
            right: Article { path: "b.txt".into(), sha256: sha256_hex("x") },
            notes: vec![Note {
                id: "n1".into(),
                category: Category::Contradiction,
                text: "denied vs not confirmed".into(),
                status: Status::Open,
                created: "2026-11-22T08:00:00Z".into(),
                updated: "2026-11-22T08:00:00Z".into(),
                left: Some(Anchor::new(text, 20, 38)),
                right: None,
                suggestion: None,
                orphaned: [false; 2],
            }],
            rejected: Vec::new(),
        }
    }

    #[test]
    fn round_trip() -> Result<(), Box<dyn std::error::Error>> {
        let path = dir("round").join("n.json");
        save(&path, &sample())?;
        assert_eq!(load(&path)?, Some(sample()));
        Ok(())
    }

    #[test]
    fn a_save_interrupted_before_the_rename_leaves_the_old_file() -> Result<(), Box<dyn std::error::Error>> {
        let path = dir("crash").join("n.json");
        save(&path, &sample())?;
        let before = fs::read(&path)?;
        let temp = write_temporary(&path, b"{\"half\": ")?;
        // The process dies here: the rename never happens.
        assert_eq!(fs::read(&path)?, before);
        assert_eq!(load(&path)?, Some(sample()));
        fs::remove_file(temp)?;
        Ok(())
    }

    #[test]
    fn a_corrupt_file_is_reported_and_not_overwritten() -> Result<(), Box<dyn std::error::Error>> {
        let path = dir("corrupt").join("n.json");
        fs::write(&path, "{ not json")?;
        let err = load(&path).unwrap_err();
        assert!(err.to_string().contains("cannot be read") && err.to_string().contains("left untouched"), "{err}");
        assert_eq!(fs::read_to_string(&path)?, "{ not json");
        Ok(())
    }

    #[test]
    fn an_unwritable_place_is_an_error_not_a_panic() {
        let err = save(Path::new("/nonexistent-dir/n.json"), &sample()).unwrap_err();
        assert!(err.to_string().contains("cannot be saved"), "{err}");
    }

    #[test]
    fn default_path_is_beside_the_left_article() {
        assert_eq!(default_path("news/wire.txt", "other/rewrite.md", true), PathBuf::from("news/wire.rewrite.tandem-notes.json"));
        assert_eq!(default_path("kremlin-talks-original.txt", "kremlin-talks-rewrite.txt", false), PathBuf::from("kremlin-talks-original.kremlin-talks-rewrite.tandem-notes.json"));
        assert_eq!(default_path("-", "b.txt", false), PathBuf::from("stdin.b.tandem-notes.json"));
    }
}
