//! Reading one XML part of a zip container (Word, OpenDocument) as a
//! stream of events, with memory bounded whatever the archive claims: the
//! part is inflated through a reader that stops at a byte limit, so a zip
//! bomb is refused after at most `limit` bytes have been inflated and never
//! held in memory.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;
use zip::ZipArchive;
use zip::result::ZipError;

use super::blocks::Blocks;

/// A reader that fails once more than `left` bytes would be read.
struct Bounded<R> {
    inner: R,
    left: u64,
    exceeded: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // At the limit: only a clean end of data is acceptable.
            if self.inner.read(&mut [0u8; 1])? == 0 {
                return Ok(0);
            }
            self.exceeded = true;
            return Err(std::io::Error::other("size limit exceeded"));
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

fn zip_error(e: ZipError, part: &str, kind: &str) -> String {
    match e {
        ZipError::FileNotFound => format!("is a zip archive but not {kind} (it has no {part})"),
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            "is encrypted (password-protected); save it without a password".into()
        }
        ZipError::UnsupportedArchive(why) => format!("uses an unsupported zip feature ({why})"),
        ZipError::CompressionMethodNotSupported(m) => {
            format!("uses an unsupported zip compression method ({m})")
        }
        other => format!("is damaged or truncated ({other})"),
    }
}

/// Resolves an entity reference of XML's five, or a character reference.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Pushes the characters an XML text or entity-reference event carries
/// onto `out` (the text of a Word or OpenDocument paragraph).
pub fn push_characters(out: &mut Blocks, event: &Event) {
    match event {
        Event::Text(t) => out.push(&t.xml10_content()),
        Event::GeneralRef(r) => {
            if let Some(c) = entity(r) {
                out.push(c.encode_utf8(&mut [0; 4]));
            }
        }
        _ => {}
    }
}

/// Streams the events of the XML part `part` of the zip archive `bytes` to
/// `on`. `kind` names the document type in messages ("a Word document").
pub fn read_xml(
    bytes: &[u8],
    part: &str,
    kind: &str,
    limit: u64,
    mut on: impl FnMut(&Event),
) -> Result<(), String> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(e, part, kind))?;
    let entry = archive
        .by_name(part)
        .map_err(|e| zip_error(e, part, kind))?;
    let bounded = Bounded {
        inner: entry,
        left: limit,
        exceeded: false,
    };
    let mut reader = Reader::from_reader(BufReader::new(bounded));
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => return Ok(()),
            Ok(event) => on(&event),
            Err(e) => {
                return Err(if reader.get_ref().get_ref().exceeded {
                    format!(
                        "{part} inflates past {} MiB (a zip bomb?)",
                        limit / (1024 * 1024)
                    )
                } else if let quick_xml::Error::Io(io) = &e {
                    format!("is damaged or truncated ({part}: {io})")
                } else {
                    format!("{part} is not well-formed XML ({e})")
                });
            }
        }
        buf.clear();
    }
}

#[cfg(test)]
pub mod tests {
    use std::io::Write;

    use super::*;

    /// A zip archive of the given parts, deflated.
    pub fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            zip.start_file(*name, options)
                .expect("a zip entry in memory");
            zip.write_all(data).expect("a zip entry in memory");
        }
        zip.finish().expect("a zip in memory").into_inner()
    }

    fn count_events(bytes: &[u8], limit: u64) -> Result<usize, String> {
        let mut n = 0;
        read_xml(bytes, "doc.xml", "a test document", limit, |_| n += 1)?;
        Ok(n)
    }

    #[test]
    fn a_part_that_inflates_past_the_limit_is_refused() {
        let xml = format!("<a>{}</a>", " ".repeat(100_000));
        let bytes = archive(&[("doc.xml", xml.as_bytes())]);
        assert!(bytes.len() < 2_000, "highly compressible");
        let err = count_events(&bytes, 10_000).unwrap_err();
        assert!(err.contains("inflates past"), "{err}");
        assert!(count_events(&bytes, 200_000).is_ok());
        // Exactly at the limit is fine.
        assert!(count_events(&bytes, xml.len() as u64).is_ok());
    }

    #[test]
    fn truncated_missing_and_malformed_parts_are_explained() {
        let bytes = archive(&[("doc.xml", b"<a><b>text</b></a>")]);
        let err = count_events(&bytes[..bytes.len() / 2], 1000).unwrap_err();
        assert!(err.contains("damaged or truncated"), "{err}");
        let other = archive(&[("other.xml", b"<a/>")]);
        assert!(
            count_events(&other, 1000)
                .unwrap_err()
                .contains("has no doc.xml")
        );
        let bad = archive(&[("doc.xml", b"<a><b>text</a>")]);
        assert!(
            count_events(&bad, 1000)
                .unwrap_err()
                .contains("not well-formed")
        );
        assert!(
            count_events(b"not a zip at all", 1000)
                .unwrap_err()
                .contains("damaged")
        );
    }

    #[test]
    fn entities() {
        assert_eq!(entity("amp"), Some('&'));
        assert_eq!(entity("#x201C"), Some('“'));
        assert_eq!(entity("#8217"), Some('’'));
        assert_eq!(entity("#0"), None);
        assert_eq!(entity("nbsp"), None);
    }
}
