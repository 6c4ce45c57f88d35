//! Fix-ups of the document before pdf-extract reads it, for what pdf-extract
//! 0.12 gets wrong or leaves out.
//!
//! Widths: a CID font lists its glyphs' widths (`/W`) in two forms: `first [w1 w2
//! …]` and `first last w`. pdf-extract 0.12 reads the second form wrongly
//! (every glyph in such a range gets the font's default width), so the
//! glyphs after one drift from where they are drawn, and spaces appear in
//! words or vanish between them. Chromium writes that form for runs of
//! glyphs of equal width. Rewriting each range in the first form, which it
//! reads correctly, puts the glyphs back in place.
//!
//! Quotes: the text operators `'` and `"` (next line, then show a string;
//! groff and Ghostscript write them) are not read at all, so their words
//! vanish. Each is rewritten as the operators it stands for.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, Object, ObjectId};

/// Rewrites every page content stream that uses `'` or `"` with the
/// operators they abbreviate (`T*` and `Tj`, after `Tw` and `Tc` for `"`).
pub fn spell_out_quotes(doc: &mut Document) {
    let streams: Vec<ObjectId> = doc
        .get_pages()
        .values()
        .flat_map(|&page| doc.get_page_contents(page))
        .collect();
    for id in streams {
        let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) else {
            continue;
        };
        let Some(content) = stream
            .decompressed_content()
            .or_else(|_| Ok::<_, pdf_extract::Error>(stream.content.clone()))
            .ok()
            .and_then(|bytes| Content::decode(&bytes).ok())
        else {
            continue;
        };
        if !content
            .operations
            .iter()
            .any(|op| matches!(op.operator.as_str(), "'" | "\""))
        {
            continue;
        }
        let operations: Vec<Operation> = content.operations.into_iter().flat_map(spelled).collect();
        if let Ok(bytes) = (Content { operations }).encode() {
            stream.set_plain_content(bytes);
        }
    }
}

/// One operation as the plain operators it stands for.
fn spelled(op: Operation) -> Vec<Operation> {
    let next_line = || Operation::new("T*", vec![]);
    match (op.operator.as_str(), op.operands.as_slice()) {
        ("'", [text]) => vec![next_line(), Operation::new("Tj", vec![text.clone()])],
        ("\"", [word, char, text]) => vec![
            Operation::new("Tw", vec![word.clone()]),
            Operation::new("Tc", vec![char.clone()]),
            next_line(),
            Operation::new("Tj", vec![text.clone()]),
        ],
        _ => vec![op],
    }
}

/// Widths spelled out, at most, per font: more glyphs than a font has.
const MAX_GLYPHS: i64 = 65_536;

/// Rewrites every CID font's `first last width` ranges as lists.
pub fn spell_out_ranges(doc: &mut Document) {
    let fonts: Vec<(ObjectId, Vec<Object>)> = doc
        .objects
        .iter()
        .filter_map(|(&id, object)| {
            let dict = object.as_dict().ok()?;
            let subtype = dict.get(b"Subtype").ok()?.as_name().ok()?;
            if !matches!(subtype, b"CIDFontType0" | b"CIDFontType2") {
                return None;
            }
            let w = match dict.get(b"W").ok()? {
                Object::Reference(r) => doc.get_object(*r).ok()?,
                direct => direct,
            };
            Some((id, w.as_array().ok()?.clone()))
        })
        .collect();
    for (id, w) in fonts {
        let spelled = spelled_out(&w);
        if let Ok(dict) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            dict.set("W", Object::Array(spelled));
        }
    }
}

/// The `/W` entries with each `first last width` as `first [width …]`.
fn spelled_out(w: &[Object]) -> Vec<Object> {
    let mut out = Vec::with_capacity(w.len());
    let mut budget = MAX_GLYPHS;
    let mut i = 0;
    while i < w.len() {
        match (w.get(i), w.get(i + 1), w.get(i + 2)) {
            (Some(first), Some(list @ Object::Array(_)), _) => {
                out.push(first.clone());
                out.push(list.clone());
                i += 2;
            }
            (Some(Object::Integer(first)), Some(Object::Integer(last)), Some(width)) => {
                let count = last
                    .saturating_sub(*first)
                    .saturating_add(1)
                    .clamp(0, budget);
                budget -= count;
                out.push(Object::Integer(*first));
                out.push(Object::Array(vec![width.clone(); count as usize]));
                i += 3;
            }
            _ => break, // malformed: what came before stands
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_become_the_operators_they_abbreviate() {
        let text = || Object::string_literal("The libr");
        let ops: Vec<String> = spelled(Operation::new("'", vec![text()]))
            .into_iter()
            .chain(spelled(Operation::new(
                "\"",
                vec![1.into(), 2.into(), text()],
            )))
            .map(|op| op.operator)
            .collect();
        assert_eq!(ops, ["T*", "Tj", "Tw", "Tc", "T*", "Tj"]);
        let tj = Operation::new("Tj", vec![text()]);
        assert_eq!(spelled(tj.clone()).len(), 1);
    }

    #[test]
    fn ranges_become_lists_and_lists_stay() {
        let w = vec![
            Object::Integer(0),
            Object::Array(vec![Object::Integer(778), Object::Integer(0)]),
            Object::Integer(15),
            Object::Integer(17),
            Object::Real(250.0),
        ];
        let got = spelled_out(&w);
        assert_eq!(got.len(), 4);
        assert_eq!(got[2], Object::Integer(15));
        assert_eq!(got[3], Object::Array(vec![Object::Real(250.0); 3]));
        assert_eq!(got[..2], w[..2]);
    }

    #[test]
    fn a_huge_range_is_bounded() {
        let w = vec![
            Object::Integer(i64::MIN),
            Object::Integer(i64::MAX),
            Object::Integer(1),
        ];
        let Object::Array(list) = &spelled_out(&w)[1] else {
            panic!("a list")
        };
        assert_eq!(list.len() as i64, MAX_GLYPHS);
    }
}
