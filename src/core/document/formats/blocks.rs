//! The extracted text of a structured document: its blocks (paragraphs,
//! headings, list items, quotes) one per paragraph, separated by blank
//! lines, each block's white space collapsed.

use super::Extracted;
use crate::core::document::paragraphs::Paragraph;

#[derive(Default)]
pub struct Blocks {
    text: String,
    paragraphs: Vec<Paragraph>,
    /// The block being collected.
    current: String,
    heading: bool,
    /// The last character pushed to `current` was white space.
    space: bool,
}

impl Blocks {
    /// Adds inline text to the current block; runs of white space become
    /// one space. No-break spaces are text, not layout, and stay.
    pub fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
            } else {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    /// Marks the current block as a heading.
    pub fn heading(&mut self) {
        self.heading = true;
    }

    /// Ends the current block (nothing happens if it is empty).
    pub fn end(&mut self) {
        let heading = std::mem::take(&mut self.heading);
        self.space = false;
        // No-break spaces are kept between words, not at a block's edges.
        let block = self.current.trim();
        if block.is_empty() {
            self.current.clear();
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(block);
        self.paragraphs.push(Paragraph {
            start,
            end: self.text.len(),
            heading,
        });
        self.current.clear();
    }

    /// Does the text so far hold a heading?
    pub fn has_heading(&self) -> bool {
        self.paragraphs.iter().any(|p| p.heading)
    }

    /// Puts a heading before everything collected (a page's title when the
    /// article has none of its own).
    pub fn prepend_heading(&mut self, title: &str) {
        let mut first = Blocks::default();
        first.push(title);
        first.heading();
        first.end();
        if first.text.is_empty() {
            return;
        }
        let shift = first.text.len() + 2;
        let rest = std::mem::take(&mut self.text);
        for p in &mut self.paragraphs {
            p.start += shift;
            p.end += shift;
        }
        first.paragraphs.append(&mut self.paragraphs);
        self.paragraphs = first.paragraphs;
        self.text = if rest.is_empty() {
            first.text
        } else {
            format!("{}\n\n{rest}", first.text)
        };
    }

    pub fn finish(mut self, tracked_changes: bool) -> Extracted {
        self.end();
        self.text.push('\n');
        Extracted {
            text: self.text,
            paragraphs: Some(self.paragraphs),
            tracked_changes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_collapse_space_and_are_separated_by_blank_lines() {
        let mut b = Blocks::default();
        b.push("  Big\n news ");
        b.heading();
        b.end();
        b.end();
        b.push("First\u{a0}one.  ");
        b.push(" Second.");
        b.end();
        let e = b.finish(false);
        assert_eq!(e.text, "Big news\n\nFirst\u{a0}one. Second.\n");
        let ps = e.paragraphs.expect("the format marks its paragraphs");
        assert_eq!(
            ps.iter()
                .map(|p| (&e.text[p.start..p.end], p.heading))
                .collect::<Vec<_>>(),
            [("Big news", true), ("First\u{a0}one. Second.", false)]
        );
    }

    #[test]
    fn a_title_goes_first() {
        let mut b = Blocks::default();
        b.push("Body.");
        b.end();
        b.prepend_heading(" The  title ");
        let e = b.finish(false);
        let ps = e.paragraphs.expect("the format marks its paragraphs");
        assert_eq!(
            ps.iter()
                .map(|p| (&e.text[p.start..p.end], p.heading))
                .collect::<Vec<_>>(),
            [("The title", true), ("Body.", false)]
        );
    }
}
