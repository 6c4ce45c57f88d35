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
        "{name}: looks like {encoding} text without a byte-order mark; convert it with e.g. `iconv -f {encoding} -t UTF-8`"
    )]
    WideText {
        name: String,
        encoding: &'static str,
    },
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

/// UTF-16 and UTF-32, by their byte-order marks (UTF-32's first: its
/// little-endian mark begins with UTF-16's).
const WIDE: [(&[u8], &str); 4] = [
    (&[0xFF, 0xFE, 0, 0], "UTF-32LE"),
    (&[0, 0, 0xFE, 0xFF], "UTF-32BE"),
    (&[0xFF, 0xFE], "UTF-16LE"),
    (&[0xFE, 0xFF], "UTF-16BE"),
];

/// Text in UTF-16 or UTF-32 with a byte-order mark, decoded; `None` for
/// any other bytes. Characters that do not decode are an error at their
/// offset.
fn decode_wide(bytes: &[u8], name: &str) -> Option<Result<String, LoadError>> {
    let (bom, encoding) = WIDE.iter().find(|(bom, _)| bytes.starts_with(bom))?;
    let body = &bytes[bom.len()..];
    let width = if encoding.starts_with("UTF-32") { 4 } else { 2 };
    let little = encoding.ends_with("LE");
    let units = body.chunks(width).map(|c| {
        let mut v = 0u32;
        for (i, &b) in c.iter().enumerate() {
            let shift = if little { i } else { width - 1 - i };
            v |= u32::from(b) << (8 * shift);
        }
        v
    });
    let bad = |at: usize| LoadError::InvalidUtf8 {
        name: name.into(),
        offset: bom.len() + at * width,
    };
    if !body.len().is_multiple_of(width) {
        return Some(Err(bad(body.len() / width)));
    }
    let text: Result<String, LoadError> = if width == 2 {
        char::decode_utf16(units.map(|u| u as u16))
            .enumerate()
            .map(|(i, c)| c.map_err(|_| bad(i)))
            .collect()
    } else {
        units
            .enumerate()
            .map(|(i, u)| char::from_u32(u).ok_or_else(|| bad(i)))
            .collect()
    };
    Some(text)
}

/// UTF-16 or UTF-32 without a byte-order mark, told by where its NUL
/// bytes fall in the first kilobyte of mostly-ASCII text.
fn wide_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(1024)];
    // Three in four characters ASCII: one lane of bytes set, the others NUL.
    let zero_at = |width: usize, lane: usize| {
        let chunks = head.chunks_exact(width);
        let total = chunks.len();
        let ascii = chunks
            .filter(|c| c[lane] != 0 && c.iter().enumerate().all(|(i, &b)| i == lane || b == 0))
            .count();
        ascii * 4 >= total * 3
    };
    match () {
        _ if head.len() < 4 => None,
        _ if zero_at(4, 0) => Some("UTF-32LE"),
        _ if zero_at(4, 3) => Some("UTF-32BE"),
        _ if zero_at(2, 0) => Some("UTF-16LE"),
        _ if zero_at(2, 1) => Some("UTF-16BE"),
        _ => None,
    }
}

/// Checks bytes for binary content and UTF-8 validity. UTF-16 and UTF-32
/// with a byte-order mark are decoded; without one, they are named.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    if let Some(text) = decode_wide(&bytes, name) {
        return text;
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        if let Some(encoding) = wide_without_bom(&bytes) {
            return Err(LoadError::WideText {
                name: name.into(),
                encoding,
            });
        }
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

    fn encode(text: &str, encoding: &str, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
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
            for u in units {
                let bytes = u.to_le_bytes();
                let width = if encoding.starts_with("UTF-16") { 2 } else { 4 };
                let unit = &bytes[..width];
                if encoding.ends_with("LE") {
                    out.extend(unit);
                } else {
                    out.extend(unit.iter().rev());
                }
            }
        }
        out
    }

    #[test]
    fn utf16_and_utf32_are_decoded_with_a_bom_and_named_without() {
        let text = "Kyiv — “Київ” said 12 😀.\nSecond line.";
        for encoding in ["UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"] {
            assert_eq!(
                decode(encode(text, encoding, true), "a.txt").expect("decoded"),
                text,
                "{encoding}"
            );
            let err = decode(encode("Plain ASCII text.", encoding, false), "a.txt")
                .unwrap_err()
                .to_string();
            assert_eq!(
                err,
                format!(
                    "a.txt: looks like {encoding} text without a byte-order mark; convert it with e.g. `iconv -f {encoding} -t UTF-8`"
                )
            );
        }
        // A lone surrogate is bad text, said with its offset, not a panic.
        let err = decode(vec![0xFF, 0xFE, 0x41, 0, 0x00, 0xD8], "b.txt").unwrap_err();
        assert!(
            matches!(err, LoadError::InvalidUtf8 { offset: 4, .. }),
            "{err}"
        );
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
