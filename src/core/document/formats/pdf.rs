//! A PDF: the article's text in reading order, rebuilt from where its
//! glyphs sit on the page.
//!
//! A PDF has no paragraphs, only glyphs placed at coordinates. pdf-extract
//! (on lopdf) does the hard part, decoding fonts and encodings into
//! characters with their positions; [`layout`] turns those into lines,
//! columns and paragraphs, and [`margins`] drops what the printer added on
//! every page (running headers, footers, page numbers, the address).
//! Before any of that, [`guard`] bounds what a hostile file can cost.

mod fixups;
mod guard;
mod layout;
mod margins;

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::Extracted;
use layout::{Glyph, Page};

/// More pages than any article (or report) has; past this a file is a
/// bomb or a book, and either would take minutes.
const MAX_PAGES: usize = 5_000;

/// More characters than the largest accepted text file holds.
const MAX_GLYPHS: usize = super::super::load::MAX_BYTES as usize / 4;

/// Parsing nests one call per level of an array or dictionary: the
/// extraction runs on a thread with room for [`guard::MAX_DEPTH`] of them.
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Takes the article's text out of the PDF in `bytes`, inflating at most
/// `limit` bytes of its streams; an error is the reason, to follow the
/// file's name in one line.
pub fn extract(bytes: &[u8], limit: u64) -> Result<Extracted, String> {
    if !guard::is_pdf(bytes) {
        return Err("is not a PDF (no %PDF header)".into());
    }
    guard::check(bytes, limit)?;
    let pages = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("pdf".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || quietly(|| read_pages(bytes)))
            .map_err(|e| format!("cannot start reading the PDF: {e}"))?
            .join()
            .unwrap_or_else(|_| Err(DAMAGED.into()))
    })?;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(
            "has no text layer (a scan or images only); run OCR on it first, e.g. `ocrmypdf`"
                .into(),
        );
    }
    Ok(layout::article(&pages))
}

const DAMAGED: &str = "is a damaged PDF (its text cannot be read)";

fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword => encrypted(),
        e => format!("is a damaged PDF ({})", short(&e.to_string())),
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(encrypted());
    }
    let count = doc.get_pages().len();
    if count > MAX_PAGES {
        return Err(format!(
            "has {count} pages; the limit is {MAX_PAGES} (split it, e.g. with `qpdf --pages`)"
        ));
    }
    fixups::spell_out_ranges(&mut doc);
    fixups::spell_out_quotes(&mut doc);
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| match e {
        OutputError::PdfError(e) => format!("is a damaged PDF ({})", short(&e.to_string())),
        _ if collector.glyphs > MAX_GLYPHS => {
            format!("holds more than {MAX_GLYPHS} characters of text; the limit")
        }
        _ => DAMAGED.into(),
    })?;
    Ok(collector.pages)
}

fn encrypted() -> String {
    "is encrypted (password-protected); save an unprotected copy, e.g. `qpdf --decrypt`".into()
}

/// The first line of a library's message, bounded: it ends up in ours.
fn short(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    line.chars().take(80).collect()
}

/// Runs `f`, turning a panic inside the PDF libraries (they assert on
/// some malformed files) into the damaged-file error, without the panic
/// message reaching the terminal.
fn quietly<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    silence_panics_here();
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(DAMAGED.into()))
}

thread_local! {
    static SILENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks this thread (a PDF reader of its own) as one whose panics are
/// caught and reported as errors: the process's panic hook, wrapped once,
/// stays silent for it and speaks as before for every other thread.
fn silence_panics_here() {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !SILENT.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    SILENT.with(|s| s.set(true));
}

/// Collects each page's glyphs with their positions, top-down.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// Height of the current page's media box: PDF's y grows upwards.
    top: f64,
    left: f64,
    glyphs: usize,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media.ury;
        self.left = media.llx;
        self.pages.push(Page {
            height: (media.ury - media.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The size of the font on the page: the text matrix scales it.
        let (sx, sy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (sx * sy).abs().sqrt();
        let x = trm.m31 - self.left;
        let glyph = Glyph {
            x,
            end: x + width * size,
            y: self.top - trm.m32,
            size,
            text: text.to_string(),
        };
        if let Some(page) = self.pages.last_mut()
            && glyph.size.is_finite()
            && glyph.x.is_finite()
            && glyph.y.is_finite()
        {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_pdf_says_so() {
        let err = extract(b"hello", 1000).err().expect("refused");
        assert!(err.contains("not a PDF"), "{err}");
    }

    #[test]
    fn a_truncated_pdf_is_damaged_in_one_line() {
        let err = extract(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", 1000)
            .err()
            .expect("refused");
        assert!(err.contains("damaged"), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
}
