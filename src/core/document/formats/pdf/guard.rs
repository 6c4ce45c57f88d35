//! Bounds on what a hostile PDF can cost, checked on the raw bytes before
//! the parser sees them: the parser inflates every compressed stream in
//! full and descends one call per nested array or dictionary, so a small
//! file could otherwise ask for gigabytes or overflow the stack.

use std::io::Read;

use memchr::memmem;

/// Deepest nesting of arrays and dictionaries accepted. Real files nest a
/// handful of levels; the reader's thread has stack for many more.
pub const MAX_DEPTH: usize = 256;

/// Does `bytes` start as a PDF? Readers accept the header a little way in
/// (some files carry a prefix), so we do too.
pub fn is_pdf(bytes: &[u8]) -> bool {
    memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Refuses a file whose streams inflate past `limit` bytes in all, or
/// whose arrays and dictionaries nest deeper than [`MAX_DEPTH`], in the
/// file or inside its compressed object and content streams.
pub fn check(bytes: &[u8], limit: u64) -> Result<(), String> {
    let mut depth = Depth::default();
    let mut inflated: u64 = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        if depth.at_stream_keyword(bytes, pos) {
            let Some((start, end)) = stream_data(bytes, pos) else {
                break; // an unterminated stream: the parser will say so
            };
            let dict = dictionary_before(bytes, pos);
            if memmem::find(dict, b"/FlateDecode").is_some() {
                let mut inner = Depth::default();
                let scan = carries_structure(dict);
                inflate(&bytes[start..end], limit, &mut inflated, |chunk| {
                    if scan {
                        chunk.iter().try_for_each(|&b| inner.feed(b))
                    } else {
                        Ok(())
                    }
                })?;
            }
            pos = end;
            continue;
        }
        depth.feed(bytes[pos])?;
        pos += 1;
    }
    Ok(())
}

/// The nesting of a PDF's syntax, fed one byte at a time: strings and
/// comments are skipped, `[` and `<<` open a level, `]` and `>>` close one.
#[derive(Default)]
struct Depth {
    level: usize,
    /// Inside a literal string: its parenthesis depth.
    string: usize,
    escaped: bool,
    comment: bool,
    hex: bool,
    /// The previous byte was a `<` or `>` that may begin a pair.
    angle: Option<u8>,
}

impl Depth {
    fn feed(&mut self, b: u8) -> Result<(), String> {
        if self.string > 0 {
            match b {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'(' => self.string += 1,
                b')' => self.string -= 1,
                _ => {}
            }
            return Ok(());
        }
        if self.comment {
            self.comment = !matches!(b, b'\r' | b'\n');
            return Ok(());
        }
        match (self.angle.take(), b) {
            (Some(b'<'), b'<') => return self.open(),
            (Some(b'>'), b'>') => {
                self.level = self.level.saturating_sub(1);
                return Ok(());
            }
            // A single `<` began a hex string.
            (Some(b'<'), _) => self.hex = true,
            _ => {}
        }
        if self.hex {
            self.hex = b != b'>';
            return Ok(());
        }
        match b {
            b'(' => self.string = 1,
            b'%' => self.comment = true,
            b'<' | b'>' => self.angle = Some(b),
            b'[' => return self.open(),
            b']' => self.level = self.level.saturating_sub(1),
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), String> {
        self.level += 1;
        if self.level > MAX_DEPTH {
            return Err(format!(
                "nests arrays or dictionaries more than {MAX_DEPTH} deep; not a document a reader would make"
            ));
        }
        Ok(())
    }

    /// Is `pos` the `stream` keyword that begins a stream's data (outside a
    /// string or comment, after a dictionary)?
    fn at_stream_keyword(&self, bytes: &[u8], pos: usize) -> bool {
        self.string == 0
            && !self.comment
            && !self.hex
            && bytes[pos..].starts_with(b"stream")
            && !bytes[..pos].ends_with(b"end")
    }
}

/// The span of a stream's data: after `stream` and its line end, up to
/// `endstream`.
fn stream_data(bytes: &[u8], keyword: usize) -> Option<(usize, usize)> {
    let mut start = keyword + b"stream".len();
    if bytes.get(start) == Some(&b'\r') {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    let end = start + memmem::find(bytes.get(start..)?, b"endstream")?;
    Some((start, end))
}

/// The stream's dictionary: the bytes since the object began.
fn dictionary_before(bytes: &[u8], keyword: usize) -> &[u8] {
    let window = &bytes[keyword.saturating_sub(64 * 1024)..keyword];
    match memmem::rfind(window, b"obj") {
        Some(at) => &window[at..],
        None => window,
    }
}

/// Is the stream PDF syntax (an object stream, a page's or form's
/// content, a character map), as opposed to a font, an image or a
/// colour profile whose binary bytes say nothing of nesting?
fn carries_structure(dict: &[u8]) -> bool {
    let has = |key: &[u8]| memmem::find(dict, key).is_some();
    has(b"/ObjStm")
        || has(b"/Form")
        || !(has(b"/Type")
            || has(b"/Subtype")
            || has(b"/Length1")
            || has(b"/Length2")
            || has(b"/N "))
}

/// Inflates `data`, handing each piece to `sink`, and adds its size to
/// `total`, failing once the total passes `limit`. A corrupt stream ends
/// quietly: the parser reports it better.
fn inflate(
    data: &[u8],
    limit: u64,
    total: &mut u64,
    mut sink: impl FnMut(&[u8]) -> Result<(), String>,
) -> Result<(), String> {
    let mut decoder = flate2::read::ZlibDecoder::new(data);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match decoder.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(()),
            Ok(n) => n,
        };
        *total += n as u64;
        if *total > limit {
            return Err(format!(
                "inflates to more than {limit} bytes (a compression bomb, or too large a document)"
            ));
        }
        sink(&buf[..n])?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory")
    }

    fn stream_object(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!(
            "%PDF-1.7\n1 0 obj\n<< {dict} /Length {} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn ordinary_nesting_and_strings_pass() {
        let pdf = b"%PDF-1.7\n1 0 obj << /A [1 [2 (a [[[ string ( nested ) \\) ]) <0A0B>] >> endobj\n% [[[[ comment\n";
        assert_eq!(check(pdf, 1000), Ok(()));
    }

    #[test]
    fn deep_nesting_is_refused_in_the_file_and_inside_a_compressed_stream() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        let err = check(format!("%PDF-1.7\n{deep}").as_bytes(), 1000).expect_err("too deep");
        assert!(err.contains("deep"), "{err}");
        let pdf = stream_object("/Filter /FlateDecode", &deflated(deep.as_bytes()));
        assert!(check(&pdf, 1_000_000).is_err());
        let shallow = "[".repeat(MAX_DEPTH);
        let pdf = stream_object("/Filter /FlateDecode", &deflated(shallow.as_bytes()));
        assert_eq!(check(&pdf, 1_000_000), Ok(()));
    }

    #[test]
    fn a_stream_inflating_past_the_limit_is_refused() {
        let zeros = deflated(&vec![0u8; 10_000_000]);
        assert!(zeros.len() < 20_000, "a bomb is small: {}", zeros.len());
        let pdf = stream_object(
            "/Type /XObject /Subtype /Image /Filter /FlateDecode",
            &zeros,
        );
        let err = check(&pdf, 1_000_000).expect_err("too large");
        assert!(err.contains("inflates"), "{err}");
        assert_eq!(check(&pdf, 20_000_000), Ok(()));
    }

    #[test]
    fn binary_streams_are_not_read_as_syntax() {
        let image = deflated(&[b'['; 10_000]);
        let pdf = stream_object("/Subtype /Image /Filter /FlateDecode", &image);
        assert_eq!(check(&pdf, 1_000_000), Ok(()));
    }
}
