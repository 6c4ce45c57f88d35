//! An article: its original text, split into paragraphs and sentences that
//! point back into the original bytes.

mod load;
mod paragraphs;
mod sentences;

pub use load::{LoadError, MAX_BYTES, decode, read_text};
pub use paragraphs::Paragraph;

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
    /// The original text, BOM and line ends included, so offsets are byte
    /// offsets into the file.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Segments `text` into paragraphs and sentences.
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = paragraphs::split(&text);
        let mut sentences = Vec::new();
        for (index, p) in paragraphs.iter().enumerate() {
            if p.heading {
                sentences.push(Sentence { start: p.start, end: p.end, paragraph: index, heading: true });
                continue;
            }
            for (s, e) in sentences::split(&text[p.start..p.end]) {
                sentences.push(Sentence { start: p.start + s, end: p.start + e, paragraph: index, heading: false });
            }
        }
        Document { name: name.into(), text, paragraphs, sentences }
    }

    /// Loads and segments the file at `path` (`-` reads standard input).
    pub fn load(path: &str) -> Result<Self, LoadError> {
        Ok(Self::parse(path, read_text(path)?))
    }

    /// Loads and segments two files, each on its own thread. An error
    /// about the left file comes first, as if they were loaded in turn.
    pub fn load_both(left: &str, right: &str) -> Result<(Self, Self), LoadError> {
        let (left, right) = rayon::join(|| Self::load(left), || Self::load(right));
        Ok((left?, right?))
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
        let got: Vec<_> = doc.sentences.iter().map(|s| (&doc.text[s.start..s.end], s.paragraph, s.heading)).collect();
        assert_eq!(
            got,
            vec![("Big News Today", 0, true), ("First one.", 1, false), ("Second one.", 1, false), ("Third one.", 2, false)]
        );
    }

    #[test]
    fn empty_document_has_no_sentences() {
        let doc = Document::parse("empty", "");
        assert!(doc.sentences.is_empty() && doc.paragraphs.is_empty());
    }
}
