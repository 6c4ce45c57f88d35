//! Reading an article from disk or standard input, with every way it can be
//! unusable turned into one clear error instead of a panic.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Largest article we accept, in bytes. News articles are kilobytes; this
/// leaves room for book-length texts while keeping memory bounded for
/// accidental inputs such as disk images: two files this size take about
/// a minute and a half and 2.3 GiB to align (README, "Size limit").
pub const MAX_BYTES: u64 = 128 * 1024 * 1024;

/// Why an article could not be loaded. Each variant renders as one line that
/// names the file, as the CLI prints it verbatim.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory, not a text file")]
    IsDirectory { name: String },
    #[error("{name}: looks like a binary file (NUL byte at offset {offset}), expected UTF-8 text")]
    Binary { name: String, offset: usize },
    #[error(
        "{name}: is not valid UTF-8 (bad byte at offset {offset}); convert it with e.g. `iconv -t UTF-8`"
    )]
    InvalidUtf8 { name: String, offset: usize },
    #[error("{name}: is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { name: String, size: u64, limit: u64 },
    #[error("{name}: {reason}")]
    Format { name: String, reason: String },
    #[error("{name}: cannot be read: {reason}")]
    Io { name: String, reason: String },
}

/// Reads `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, LoadError> {
    decode(read_bytes(path)?, path)
}

/// Reads `path` (or standard input for `-`), at most [`MAX_BYTES`].
pub fn read_bytes(path: &str) -> Result<Vec<u8>, LoadError> {
    if path == "-" {
        read_limited(std::io::stdin().lock(), path)
    } else {
        read_file(Path::new(path), path)
    }
}

fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, LoadError> {
    let meta = fs::metadata(path).map_err(|e| io_error(e, name))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory { name: name.into() });
    }
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            name: name.into(),
            size: meta.len(),
            limit: MAX_BYTES,
        });
    }
    let file = fs::File::open(path).map_err(|e| io_error(e, name))?;
    // Read through the limit too: a FIFO or /proc file reports length 0.
    read_limited(file, name)
}

fn read_limited(reader: impl Read, name: &str) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(e, name))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            name: name.into(),
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    Ok(bytes)
}

/// Checks bytes for binary content and UTF-8 validity.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            name: name.into(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        name: name.into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn io_error(e: std::io::Error, name: &str) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { name: name.into() },
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { name: name.into() },
        _ => LoadError::Io {
            name: name.into(),
            reason: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_byte_is_binary() {
        let err = decode(b"abc\0def".to_vec(), "x.bin").unwrap_err();
        assert!(matches!(err, LoadError::Binary { offset: 3, .. }), "{err}");
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = decode(b"caf\xe9 au lait".to_vec(), "latin1.txt").unwrap_err();
        assert_eq!(err.to_string().lines().count(), 1);
        assert!(
            matches!(err, LoadError::InvalidUtf8 { offset: 3, .. }),
            "{err}"
        );
    }

    #[test]
    fn missing_file_is_named() {
        let err = read_text("/nonexistent/dir/article.txt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/nonexistent/dir/article.txt: no such file"
        );
    }

    #[test]
    fn directory_is_rejected() {
        let err = read_text(env!("CARGO_MANIFEST_DIR")).unwrap_err();
        assert!(matches!(err, LoadError::IsDirectory { .. }), "{err}");
    }
}
