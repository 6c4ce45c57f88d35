//! Keeping notes safe on disk. Every save writes a temporary file in the
//! same directory, flushes it to disk and renames it over the old file, so a
//! crash or a power cut leaves either the old file or the new one, never half
//! of one. What stands at the path is kept: a symbolic link is followed and
//! its target replaced, the file's permissions (and owner, where allowed)
//! carry over, and a device, FIFO or directory is never replaced. A file
//! that cannot be read is reported and never overwritten.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::NotesFile;

/// Why notes could not be read or saved. The messages say what happened
/// and that nothing was lost; what to do about it (a flag, a key) is the
/// front end's to add.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("notes file {path}: cannot be read ({reason}); it was left untouched")]
    Unreadable { path: String, reason: String },
    #[error("notes file {path}: cannot be saved ({reason})")]
    Unwritable { path: String, reason: String },
    /// A file stands where the notes would go that cannot be read as
    /// notes: it is not replaced unless the reviewer says so.
    #[error("{path}: cannot be read as notes ({reason}); it was left untouched")]
    NotNotes { path: String, reason: String },
}

/// What stands at a path notes may be saved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holds {
    Nothing,
    /// A notes file with this many notes.
    Notes(usize),
    /// Something that cannot be read as notes, and why.
    NotNotes(String),
}

/// What stands at `path` (through symbolic links).
pub fn holds(path: &Path) -> Holds {
    if let Err(e) = regular_or_missing(path) {
        return Holds::NotNotes(e.to_string());
    }
    match fs::read(path) {
        Ok(bytes) => match parse(&bytes) {
            Ok(file) => Holds::Notes(file.notes.len()),
            Err(reason) => Holds::NotNotes(reason),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Holds::Nothing,
        Err(e) => Holds::NotNotes(e.to_string()),
    }
}

/// Hex SHA-256 of some bytes.
fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hex SHA-256 of an article's bytes.
pub fn sha256_hex(text: &str) -> String {
    hex_sha256(text.as_bytes())
}

/// `s` cut to at most `max` bytes, on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Longest generated file name: file systems allow 255 bytes, and the
/// temporary and lock files beside it add a few more.
const MAX_NAME: usize = 160;
/// Bytes kept of each article's name in a shortened notes file name.
const SHORT_STEM: usize = 60;

/// The default notes file for a pair: beside the left article, named after
/// both (`a.txt` + `b.txt` -> `a.b.tandem-notes.json`); in the current
/// directory when the left article is not a file (standard input, the
/// bundled sample). Names too long for a file system are shortened, with a
/// hash of the full names so that different pairs still differ.
pub fn default_path(left: &str, right: &str, left_is_file: bool) -> PathBuf {
    let stem = |p: &str| {
        Path::new(p)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty() && s != "-")
            .unwrap_or_else(|| "stdin".into())
    };
    let (l, r) = (stem(left), stem(right));
    let mut name = format!("{l}.{r}.tandem-notes.json");
    if name.len() > MAX_NAME {
        let hash = hex_sha256(format!("{l}\0{r}").as_bytes());
        name = format!(
            "{}.{}.{}.tandem-notes.json",
            truncate(&l, SHORT_STEM),
            truncate(&r, SHORT_STEM),
            &hash[..12]
        );
    }
    let dir = if left_is_file {
        Path::new(left)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    } else {
        PathBuf::new()
    };
    dir.join(name)
}

/// Where writing to `path` really goes: symbolic links followed (also a
/// link to a file that does not exist yet).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// What stands at a (resolved) path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    Regular,
    Directory,
    /// A device, FIFO or socket: written through, never replaced.
    Special,
}

pub fn kind(path: &Path) -> io::Result<Kind> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(Kind::Regular),
        Ok(m) if m.is_dir() => Ok(Kind::Directory),
        Ok(_) => Ok(Kind::Special),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Kind::Missing),
        Err(e) => Err(e),
    }
}

fn not_regular(path: &Path, kind: Kind) -> io::Error {
    let what = if kind == Kind::Directory {
        "a directory"
    } else {
        "not a regular file (a device, FIFO or socket)"
    };
    io::Error::other(format!("{} is {what}; it was not replaced", path.display()))
}

/// The directory and file name of a resolved path.
fn split(path: &Path) -> (PathBuf, String) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notes".into());
    (dir, name)
}

/// The stem of the temporary and lock files beside `name`: the name itself,
/// or for a long one its start and a hash (file names have a length limit).
pub(crate) fn sidecar_stem(name: &str) -> String {
    if name.len() <= 64 {
        format!(".{name}")
    } else {
        format!(
            ".{}.{}",
            truncate(name, 64),
            &hex_sha256(name.as_bytes())[..12]
        )
    }
}

const TEMP_SUFFIX: &str = ".tandem-tmp";

/// Writes the new content to a temporary file beside the file `path`
/// resolves to, flushed to disk; returns the temporary file's path.
/// Nothing at `path` changes yet.
pub fn write_temporary(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let (dir, name) = split(&resolve(path)?);
    let temp = dir.join(format!(
        "{}.{}-{}{TEMP_SUFFIX}",
        sidecar_stem(&name),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Gives the temporary file the permissions and owner of the file it
/// replaces (best effort for the owner: only root may give a file away).
fn keep_permissions(temp: &Path, target: &Path) -> io::Result<()> {
    let Ok(meta) = fs::metadata(target) else {
        return Ok(());
    };
    fs::set_permissions(temp, meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(temp, Some(meta.uid()), Some(meta.gid()));
    }
    Ok(())
}

/// Replaces the file `path` resolves to with the temporary file in one
/// step, keeping its permissions. A path that is not a regular file is
/// refused and left as it is.
pub fn commit(temp: &Path, path: &Path) -> io::Result<()> {
    let committed = (|| {
        let target = resolve(path)?;
        match kind(&target)? {
            Kind::Missing | Kind::Regular => {}
            other => return Err(not_regular(path, other)),
        }
        keep_permissions(temp, &target)?;
        fs::rename(temp, &target)?;
        // Make the rename itself durable (best effort: not every system
        // allows opening a directory).
        if let Ok(d) = fs::File::open(split(&target).0) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if committed.is_err() {
        let _ = fs::remove_file(temp);
    }
    committed
}

/// Is `path` (through symbolic links) a regular file or nothing yet, the
/// only places a notes file is read from or saved to? (Reading a FIFO
/// would block; replacing a device or directory would destroy it.)
pub fn regular_or_missing(path: &Path) -> io::Result<()> {
    match kind(&resolve(path)?)? {
        Kind::Missing | Kind::Regular => Ok(()),
        other => Err(not_regular(path, other)),
    }
}

/// Writes `bytes` to `path` for an export: a regular file (or none yet) is
/// replaced atomically; a device or FIFO (`/dev/stdout`) is written
/// through; a directory is refused.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path)?;
    match kind(&target)? {
        Kind::Missing | Kind::Regular => commit(&write_temporary(path, bytes)?, path),
        Kind::Special => {
            let mut out = fs::OpenOptions::new().write(true).open(&target)?;
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Kind::Directory => Err(not_regular(path, Kind::Directory)),
    }
}

/// Removes temporary files that a killed save left beside the notes file
/// `path` (resolved). Call it holding the notes lock, so that no save is
/// in progress. Returns how many were removed.
pub fn remove_stale_temporaries(path: &Path) -> usize {
    let Ok(target) = resolve(path) else { return 0 };
    let (dir, name) = split(&target);
    let stem = format!("{}.", sidecar_stem(&name));
    // Earlier versions named them `.NAME.PID.tmp`.
    let old = format!(".{name}.");
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(f) = file_name.to_str() else {
            continue;
        };
        let ours = f.starts_with(&stem) && f.ends_with(TEMP_SUFFIX);
        let older = f
            .strip_prefix(&old)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if (ours || older) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Parses the bytes of a notes file (notes that share an id are told
/// apart, see [`parse_counting`]).
pub fn parse(bytes: &[u8]) -> Result<NotesFile, String> {
    parse_counting(bytes).map(|(file, _)| file)
}

/// Parses the bytes of a notes file; also returns how many notes had an
/// id an earlier note already had and were given their own
/// (`ID-2`, `ID-3`...). The new ids follow from the file alone, so every
/// session reading it gives the same ones, and a merge still pairs them.
pub fn parse_counting(bytes: &[u8]) -> Result<(NotesFile, usize), String> {
    let mut file: NotesFile = serde_json::from_slice(bytes).map_err(|e| why_not_notes(bytes, e))?;
    if file.version != 1 {
        return Err(format!("version {} is not supported", file.version));
    }
    let renamed = unique_ids(&mut file);
    Ok((file, renamed))
}

/// Gives every note after the first with a given id an id of its own;
/// returns how many.
fn unique_ids(file: &mut NotesFile) -> usize {
    let mut taken: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(file.notes.len());
    let mut duplicates = Vec::new();
    for (i, note) in file.notes.iter().enumerate() {
        if !taken.insert(note.id.clone()) {
            duplicates.push(i);
        }
    }
    for &i in &duplicates {
        let id = &file.notes[i].id;
        let fresh = (2..)
            .map(|k| format!("{id}-{k}"))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default();
        taken.insert(fresh.clone());
        file.notes[i].id = fresh;
    }
    duplicates.len()
}

/// Why bytes are not a notes file, in one plain sentence where serde's
/// own words would name types (`[]`, `null`, a number) or the bytes are
/// plainly something else.
fn why_not_notes(bytes: &[u8], e: serde_json::Error) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.lines().any(|l| l.starts_with("<<<<<<< ")) {
        return "it holds git conflict markers (<<<<<<<): resolve the conflict first".into();
    }
    if e.is_syntax() || e.is_eof() {
        return format!(
            "it is not JSON (from line {}, column {})",
            e.line(),
            e.column()
        );
    }
    let shape = match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(serde_json::Value::Object(_)) | Err(_) => return e.to_string(),
        Ok(serde_json::Value::Array(_)) => "a list",
        Ok(serde_json::Value::Null) => "null",
        Ok(serde_json::Value::Bool(_)) => "true or false",
        Ok(serde_json::Value::Number(_)) => "a number",
        Ok(serde_json::Value::String(_)) => "a string",
    };
    format!("it holds {shape}, not the object with \"version\" and \"notes\" a notes file is")
}

/// Reads a notes file: `None` if there is none yet.
pub fn load(path: &Path) -> Result<Option<NotesFile>, StoreError> {
    let unreadable = |reason: String| StoreError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    parse(&bytes).map(Some).map_err(unreadable)
}

/// The bytes a notes file is saved as.
fn serialise(notes: &NotesFile) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(notes).expect("notes always serialise");
    json.push(b'\n');
    json
}

/// Saves atomically (through a symbolic link, keeping permissions; never
/// over a device, FIFO or directory); returns the bytes written.
pub fn save(path: &Path, notes: &NotesFile) -> Result<Vec<u8>, StoreError> {
    let bytes = serialise(notes);
    regular_or_missing(path)
        .and_then(|()| write_temporary(path, &bytes))
        .and_then(|temp| commit(&temp, path))
        .map_err(|e| StoreError::Unwritable {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Category;
    use crate::core::notes::{Anchor, Article, Note, Status};

    fn dir(name: &str) -> tempfile::TempDir {
        tempfile::TempDir::with_prefix(format!("tandem-store-{name}-"))
            .expect("create the test directory")
    }

    fn sample() -> NotesFile {
        let text = "Ukrainian officials denied the reports.";
        NotesFile {
            version: 1,
            left: Article {
                path: "a.txt".into(),
                sha256: sha256_hex(text),
            },
            right: Article {
                path: "b.txt".into(),
                sha256: sha256_hex("x"),
            },
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
                conflict: None,
                orphaned: [false; 2],
            }],
            rejected: Vec::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn round_trip() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = dir("round");
        let path = tmp.path().join("n.json");
        save(&path, &sample())?;
        assert_eq!(load(&path)?, Some(sample()));
        Ok(())
    }

    #[test]
    fn a_save_interrupted_before_the_rename_leaves_the_old_file_and_its_temporary_is_removed_later()
    -> Result<(), Box<dyn std::error::Error>> {
        let tmp = dir("crash");
        let d = tmp.path();
        let path = d.join("n.json");
        save(&path, &sample())?;
        let before = fs::read(&path)?;
        let temp = write_temporary(&path, b"{\"half\": ")?;
        // The process dies here: the rename never happens.
        fs::write(d.join(".n.json.4242.tmp"), "left by an earlier version")?;
        fs::write(d.join("other.tmp"), "not ours")?;
        assert_eq!(fs::read(&path)?, before);
        assert_eq!(load(&path)?, Some(sample()));
        assert_eq!(remove_stale_temporaries(&path), 2);
        assert!(!temp.exists() && d.join("other.tmp").exists());
        Ok(())
    }

    #[test]
    fn a_corrupt_file_is_reported_and_not_overwritten() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = dir("corrupt");
        let path = tmp.path().join("n.json");
        fs::write(&path, "{ not json")?;
        let err = load(&path).unwrap_err();
        assert!(
            err.to_string().contains("cannot be read")
                && err.to_string().contains("left untouched"),
            "{err}"
        );
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
        assert_eq!(
            default_path("news/wire.txt", "other/rewrite.md", true),
            PathBuf::from("news/wire.rewrite.tandem-notes.json")
        );
        assert_eq!(
            default_path(
                "kremlin-talks-original.txt",
                "kremlin-talks-rewrite.txt",
                false
            ),
            PathBuf::from("kremlin-talks-original.kremlin-talks-rewrite.tandem-notes.json")
        );
        assert_eq!(
            default_path("-", "b.txt", false),
            PathBuf::from("stdin.b.tandem-notes.json")
        );
    }

    #[test]
    fn long_article_names_give_a_short_notes_name_that_can_be_saved()
    -> Result<(), Box<dyn std::error::Error>> {
        let long = format!("{}.txt", "é".repeat(123)); // 250 bytes
        let tmp = dir("long");
        let d = tmp.path();
        let a = default_path(
            d.join(&long).to_str().expect("test paths are UTF-8"),
            &long,
            true,
        );
        let b = default_path(
            d.join(&long).to_str().expect("test paths are UTF-8"),
            &format!("x{long}"),
            true,
        );
        let name = a
            .file_name()
            .expect("a notes path names a file")
            .to_str()
            .expect("test paths are UTF-8");
        assert!(
            name.len() <= MAX_NAME && name.ends_with(".tandem-notes.json"),
            "{name}"
        );
        assert_ne!(a, b, "different pairs, different files");
        save(&a, &sample())?;
        assert_eq!(load(&a)?, Some(sample()));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_permissions_are_kept() -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let tmp = dir("link");
        let d = tmp.path();
        fs::create_dir_all(d.join("real"))?;
        let target = d.join("real/notes.json");
        fs::write(&target, "{}")?;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600))?;
        let link = d.join("notes.json");
        std::os::unix::fs::symlink("real/notes.json", &link)?;
        save(&link, &sample())?;
        assert!(
            fs::symlink_metadata(&link)?.file_type().is_symlink(),
            "the link stays a link"
        );
        assert_eq!(
            load(&target)?,
            Some(sample()),
            "the target has the new notes"
        );
        assert_eq!(fs::metadata(&target)?.permissions().mode() & 0o777, 0o600);
        // A link to a file not yet there creates the file at the target.
        let dangling = d.join("new.json");
        std::os::unix::fs::symlink("real/new.json", &dangling)?;
        save(&dangling, &sample())?;
        assert!(
            fs::symlink_metadata(&dangling)?.file_type().is_symlink()
                && d.join("real/new.json").is_file()
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_directories_are_never_replaced() -> Result<(), Box<dyn std::error::Error>>
    {
        use std::os::unix::fs::FileTypeExt;
        let tmp = dir("special");
        let d = tmp.path();
        let err = save(d, &sample()).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert!(d.is_dir());
        // A FIFO in a directory of our own stands for any special file (a
        // test must not risk /dev/null): notes are refused, an export is
        // written through to whoever reads.
        let fifo = d.join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()?
                .success()
        );
        let err = save(&fifo, &sample()).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo))
        };
        write_file(&fifo, b"export")?;
        assert_eq!(
            reader.join().expect("the other thread did not panic")?,
            b"export"
        );
        assert!(fs::metadata(&fifo)?.file_type().is_fifo(), "still a FIFO");
        assert!(write_file(d, b"x").is_err());
        let left: Vec<_> = fs::read_dir(d)?.flatten().map(|e| e.file_name()).collect();
        assert_eq!(left, ["fifo"], "no temporary file left behind");
        Ok(())
    }
}
