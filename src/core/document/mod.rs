//! An article: its original text, split into paragraphs and sentences that
//! point back into the original bytes.

mod bounds;
pub mod formats;
mod load;
mod paragraphs;
mod sentences;

pub use formats::Format;
pub use load::{LoadError, MAX_BYTES, decode, read_bytes, read_text};
pub use paragraphs::Paragraph;

use crate::core::language::Language;

/// One sentence (or heading) of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character (half-open).
    pub end: usize,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    pub heading: bool,
}

/// A loaded, segmented article.
#[derive(Debug, Clone)]
pub struct Document {
    /// How the user named it (a path, `-`, or the sample's name).
    pub name: String,
    /// The text shown and compared. For plain text and Markdown it has the
    /// file's bytes (Markdown markup blanked), BOM and line ends included, so
    /// offsets are byte offsets into the file; for HTML and Word it is the
    /// extracted article ([`Format::keeps_file_offsets`]).
    pub text: String,
    /// What the file was read as.
    pub format: Format,
    /// Word or OpenDocument with tracked changes: the text is the accepted one.
    pub tracked_changes: bool,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// The language it is written in: its word lists drive segmentation
    /// (abbreviations) and the discrepancy detectors.
    pub language: Language,
}

impl Document {
    /// Segments plain `text` into paragraphs and sentences.
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = paragraphs::split(&text);
        Self::segment(name.into(), Format::Plain, text, paragraphs)
    }

    /// Detects the language of `text` and splits its paragraphs into
    /// sentences with that language's abbreviations; headings stay whole.
    fn segment(name: String, format: Format, text: String, paragraphs: Vec<Paragraph>) -> Self {
        let language = Language::detect(&text);
        let lexicon = language.lexicon();
        let mut sentences = Vec::new();
        for (index, p) in paragraphs.iter().enumerate() {
            if p.heading {
                sentences.push(Sentence {
                    start: p.start,
                    end: p.end,
                    paragraph: index,
                    heading: true,
                });
                continue;
            }
            for (s, e) in sentences::split(&text[p.start..p.end], lexicon) {
                sentences.push(Sentence {
                    start: p.start + s,
                    end: p.start + e,
                    paragraph: index,
                    heading: false,
                });
            }
        }
        Document {
            name,
            text,
            format,
            tracked_changes: false,
            paragraphs,
            sentences,
            language,
        }
    }

    /// Reads `bytes` named `name` as `format` (by default the one
    /// [`formats::detect`] finds) and segments the text.
    pub fn from_bytes(
        name: &str,
        bytes: Vec<u8>,
        format: Option<Format>,
    ) -> Result<Self, LoadError> {
        let format = format.unwrap_or_else(|| formats::detect(name, &bytes));
        let extracted = formats::extract(format, bytes, name)?;
        let paragraphs = extracted
            .paragraphs
            .unwrap_or_else(|| paragraphs::split(&extracted.text));
        let mut doc = Self::segment(name.to_string(), format, extracted.text, paragraphs);
        doc.tracked_changes = extracted.tracked_changes;
        Ok(doc)
    }

    /// Loads and segments the file at `path` (`-` reads standard input),
    /// in the format its content and name say.
    pub fn load(path: &str) -> Result<Self, LoadError> {
        Self::load_as(path, None)
    }

    /// Loads `path` as `format`, or as detected when `None`.
    pub fn load_as(path: &str, format: Option<Format>) -> Result<Self, LoadError> {
        Self::from_bytes(path, read_bytes(path)?, format)
    }

    /// The byte span of a run of sentences (not empty): the one place a
    /// passage's extent in the text is worked out.
    pub fn span(&self, sentences: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.sentences[sentences.start].start..self.sentences[sentences.end - 1].end
    }

    /// The text of sentence `index`.
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = &self.sentences[index];
        &self.text[s.start..s.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_know_their_paragraph_and_heading() {
        let doc = Document::parse("a", "Big News Today\nFirst one. Second one.\nThird one.\n");
        let got: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| (&doc.text[s.start..s.end], s.paragraph, s.heading))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Big News Today", 0, true),
                ("First one.", 1, false),
                ("Second one.", 1, false),
                ("Third one.", 2, false)
            ]
        );
    }

    #[test]
    fn empty_document_has_no_sentences() {
        let doc = Document::parse("empty", "");
        assert!(doc.sentences.is_empty() && doc.paragraphs.is_empty());
    }
}
