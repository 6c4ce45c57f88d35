//! Article formats: which one a file is (by content first, then by
//! extension) and how its text is taken out.
//!
//! Two kinds of result, and the JSON says which (`offsets`):
//! - plain text and Markdown keep **byte offsets into the file**: Markdown
//!   markup is blanked to spaces of the same byte length, so the text that is
//!   shown and compared has the file's offsets while the markup is neither
//!   shown nor compared;
//! - HTML, Word, OpenDocument and PDF are **extracted**: the article's
//!   blocks joined by blank lines, and offsets refer to that text
//!   (`tandem text FILE` prints it).
//!
//! Adding a format: docs/adding-a-format.md. Every `match` on [`Format`]
//! is exhaustive, so a new variant does not compile until each place that
//! must know it does.

mod blocks;
mod docx;
mod html;
mod markdown;
mod odt;
mod pdf;
mod zipped;

use super::load::LoadError;
use super::paragraphs::Paragraph;

/// The format of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Plain,
    Markdown,
    Html,
    Docx,
    Odt,
    Pdf,
}

impl Format {
    /// The id used on the command line and in the JSON.
    pub fn id(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }

    /// Do positions refer to the file's own bytes (`true`) or to the
    /// extracted text?
    pub fn keeps_file_offsets(self) -> bool {
        match self {
            Format::Plain | Format::Markdown => true,
            Format::Html | Format::Docx | Format::Odt | Format::Pdf => false,
        }
    }
}

/// The text to show and compare, with its paragraphs when the format knows
/// them (otherwise the plain-text rules find them).
pub struct Extracted {
    pub text: String,
    pub paragraphs: Option<Vec<Paragraph>>,
    /// Word: tracked changes were present and only their accepted text kept.
    pub tracked_changes: bool,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// OLE compound file: what Word writes for a password-protected document
/// (and the old binary .doc).
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const PDF_MAGIC: &[u8] = b"%PDF-";

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next()?;
    let (_, ext) = file.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Does the start of the text look like an HTML document?
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head)
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<!--") && head.contains("<html"))
}

/// Picks the format of `bytes` named `name`: container signatures first
/// (a .docx renamed .txt is still a Word file), then the extension, then an
/// HTML sniff for files with no telling extension (standard input).
pub fn detect(name: &str, bytes: &[u8]) -> Format {
    let ext = extension(name);
    if bytes.starts_with(PDF_MAGIC) {
        return Format::Pdf;
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(CFB_MAGIC) {
        return if ext.as_deref() == Some("odt") {
            Format::Odt
        } else {
            Format::Docx
        };
    }
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("docx") => Format::Docx,
        Some("odt") => Format::Odt,
        Some("pdf") => Format::Pdf,
        Some("txt" | "text") => Format::Plain,
        _ if looks_like_html(bytes) => Format::Html,
        _ => Format::Plain,
    }
}

/// Takes the text out of `bytes` read as `format`.
pub fn extract(format: Format, bytes: Vec<u8>, name: &str) -> Result<Extracted, LoadError> {
    let limit = super::load::MAX_BYTES;
    let text = |bytes| super::load::decode(bytes, name);
    let binary = |read: fn(&[u8], u64) -> Result<Extracted, String>, bytes: &[u8]| {
        if bytes.starts_with(CFB_MAGIC) {
            return Err(
                "is encrypted (password-protected) or an old binary .doc; save it unprotected as .docx"
                    .into(),
            );
        }
        read(bytes, limit)
    };
    let extracted = match format {
        Format::Plain => Ok(Extracted {
            text: text(bytes)?,
            paragraphs: None,
            tracked_changes: false,
        }),
        Format::Markdown => Ok(markdown::extract(&text(bytes)?)),
        Format::Html => Ok(html::extract(&text(bytes)?)),
        Format::Docx => binary(docx::extract, &bytes),
        Format::Odt => binary(odt::extract, &bytes),
        Format::Pdf => pdf::extract(&bytes, limit),
    };
    extracted.map_err(|reason| LoadError::Format {
        name: name.into(),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension_for_containers() {
        assert_eq!(detect("a.txt", b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(detect("a.odt", b"PK\x03\x04rest"), Format::Odt);
        assert_eq!(detect("-", b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect("notes.MD", b"# Title"), Format::Markdown);
        assert_eq!(detect("page.htm", b"hello"), Format::Html);
        assert_eq!(detect("a.txt", b"<html>"), Format::Plain);
        assert_eq!(detect("-", b"Plain words."), Format::Plain);
        assert_eq!(detect("-", b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(detect("scan.txt", b"%PDF-1.4\n"), Format::Pdf);
        assert_eq!(detect("report.PDF", b"garbage"), Format::Pdf);
    }

    #[test]
    fn an_encrypted_word_file_is_named_as_such() {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.extend([0; 100]);
        let err = extract(Format::Docx, bytes, "secret.docx")
            .err()
            .expect("refused");
        assert!(err.to_string().contains("encrypted"), "{err}");
    }
}
