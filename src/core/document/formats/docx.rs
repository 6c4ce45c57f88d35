//! Word (.docx): the paragraphs of `word/document.xml`, headings from their
//! paragraph style. With tracked changes, the text as if every change were
//! accepted: insertions kept, deletions (`w:del`, `w:moveFrom`) dropped.

use quick_xml::events::{BytesStart, Event};

use super::Extracted;
use super::blocks::Blocks;
use super::zipped::{push_characters, read_xml};

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Paragraph styles that make a heading ("Heading1", "heading 2", "Title").
fn is_heading_style(style: &str) -> bool {
    let s = style.to_ascii_lowercase();
    s.starts_with("heading") || s == "title" || s == "subtitle"
}

pub fn extract(bytes: &[u8], limit: u64) -> Result<Extracted, String> {
    let mut out = Blocks::default();
    // Depth inside deleted text; inside <w:t>.
    let (mut deleted, mut in_text, mut tracked) = (0usize, false, false);
    read_xml(
        bytes,
        "word/document.xml",
        "a Word document",
        limit,
        |event| match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    "w:p" => out.end(),
                    "w:pStyle" if attr(e, "w:val").is_some_and(|v| is_heading_style(&v)) => {
                        out.heading()
                    }
                    // Outline level 9 is body text.
                    "w:outlineLvl"
                        if attr(e, "w:val")
                            .and_then(|v| v.parse::<u8>().ok())
                            .is_some_and(|l| l < 9) =>
                    {
                        out.heading()
                    }
                    "w:t" => in_text = !empty,
                    "w:del" | "w:moveFrom" => {
                        tracked = true;
                        deleted += usize::from(!empty);
                    }
                    "w:ins" | "w:moveTo" => tracked = true,
                    "w:tab" | "w:br" | "w:cr" if deleted == 0 => out.push(" "),
                    "w:noBreakHyphen" if deleted == 0 => out.push("-"),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => out.end(),
                "w:t" => in_text = false,
                "w:del" | "w:moveFrom" => deleted = deleted.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_) if in_text && deleted == 0 => {
                push_characters(&mut out, event)
            }
            _ => {}
        },
    )?;
    Ok(out.finish(tracked))
}

#[cfg(test)]
pub mod tests {
    use super::super::zipped::tests::archive;
    use super::*;

    /// A minimal .docx whose body is `body` (WordprocessingML paragraphs).
    pub fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        archive(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", xml.as_bytes()),
        ])
    }

    fn blocks(e: &Extracted) -> Vec<(&str, bool)> {
        e.paragraphs
            .as_ref()
            .expect("the format marks its paragraphs")
            .iter()
            .map(|p| (&e.text[p.start..p.end], p.heading))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_runs() {
        let bytes = docx(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Storm &amp; wind</w:t></w:r></w:p>\
             <w:p><w:r><w:t xml:space=\"preserve\">Gusts reached </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>68&#160;mph</w:t></w:r><w:r><w:tab/><w:t>today.</w:t></w:r></w:p>\
             <w:p><w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r></w:p>",
        );
        let e = extract(&bytes, 1 << 20).expect("a well-formed test document");
        assert_eq!(
            blocks(&e),
            [
                ("Storm & wind", true),
                ("Gusts reached 68\u{a0}mph today.", false)
            ]
        );
        assert!(!e.tracked_changes);
    }

    #[test]
    fn tracked_changes_give_the_accepted_text() {
        let bytes = docx(
            "<w:p><w:r><w:t>Gusts reached </w:t></w:r>\
             <w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>68</w:delText></w:r></w:del>\
             <w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>86</w:t></w:r></w:ins><w:r><w:t> mph.</w:t></w:r></w:p>\
             <w:p><w:moveFrom w:id=\"3\"><w:r><w:t>Old place.</w:t></w:r></w:moveFrom></w:p>",
        );
        let e = extract(&bytes, 1 << 20).expect("a well-formed test document");
        assert_eq!(blocks(&e), [("Gusts reached 86 mph.", false)]);
        assert!(e.tracked_changes);
    }
}
