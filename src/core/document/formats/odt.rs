//! OpenDocument text (.odt): the paragraphs (`text:p`) and headings
//! (`text:h`) of `content.xml`. Tracked deletions live in a
//! `text:tracked-changes` region, skipped, which leaves the accepted text;
//! notes and annotations are skipped too.

use quick_xml::events::Event;

use super::Extracted;
use super::blocks::Blocks;
use super::zipped::{push_characters, read_xml};

pub fn extract(bytes: &[u8], limit: u64) -> Result<Extracted, String> {
    let mut out = Blocks::default();
    // Depth inside skipped regions; inside paragraphs and headings.
    let (mut skipped, mut inside, mut tracked) = (0usize, 0usize, false);
    read_xml(
        bytes,
        "content.xml",
        "an OpenDocument text",
        limit,
        |event| match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    "text:tracked-changes" | "text:note" | "office:annotation" => {
                        tracked |= e.name().as_ref() == "text:tracked-changes";
                        skipped += usize::from(!empty);
                    }
                    "text:p" | "text:h" if skipped == 0 => {
                        out.end();
                        if e.name().as_ref() == "text:h" {
                            out.heading();
                        }
                        inside += usize::from(!empty);
                    }
                    "text:s" | "text:tab" | "text:line-break" if skipped == 0 => out.push(" "),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "text:tracked-changes" | "text:note" | "office:annotation" => {
                    skipped = skipped.saturating_sub(1)
                }
                "text:p" | "text:h" if skipped == 0 => {
                    out.end();
                    inside = inside.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_) if inside > 0 && skipped == 0 => {
                push_characters(&mut out, event)
            }
            _ => {}
        },
    )?;
    Ok(out.finish(tracked))
}

#[cfg(test)]
mod tests {
    use super::super::zipped::tests::archive;
    use super::*;

    #[test]
    fn headings_paragraphs_and_accepted_text() {
        let xml = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>\
            <text:tracked-changes><text:changed-region><text:deletion><text:p>Removed words.</text:p></text:deletion></text:changed-region></text:tracked-changes>\
            <text:h text:outline-level=\"1\">Storm <text:span>hits</text:span></text:h>\
            <text:p>Gusts<text:s/>reached 68 mph.<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>\
            </office:text></office:body></office:document-content>";
        let bytes = archive(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", xml.as_bytes()),
        ]);
        let e = extract(&bytes, 1 << 20).expect("a well-formed test document");
        let got: Vec<_> = e
            .paragraphs
            .as_ref()
            .expect("the format marks its paragraphs")
            .iter()
            .map(|p| (&e.text[p.start..p.end], p.heading))
            .collect();
        assert_eq!(
            got,
            [("Storm hits", true), ("Gusts reached 68 mph.", false)]
        );
        assert!(e.tracked_changes);
    }
}
