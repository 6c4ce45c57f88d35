//! One article in every format tandem reads, generated from its plain
//! text: shared by the format tests and the loading benchmark.

use std::io::Write;

use tandem::core::document::Document;

/// The paragraphs of a plain-text article: text and heading flag.
fn paragraphs(doc: &Document) -> Vec<(String, bool)> {
    doc.paragraphs
        .iter()
        .map(|p| (doc.text[p.start..p.end].to_string(), p.heading))
        .collect()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The article as Markdown: headings with `##`, the first word bold and the
/// third a link.
pub fn as_markdown(doc: &Document) -> String {
    let mut out = String::new();
    for (i, (text, heading)) in paragraphs(doc).into_iter().enumerate() {
        if heading {
            out.push_str(&format!("## {text}\n\n"));
            continue;
        }
        let mut words: Vec<String> = text.split(' ').map(String::from).collect();
        words[0] = format!("**{}**", words[0]);
        if words.len() > 3 {
            words[2] = format!("[{}](https://example.org/p{i} \"title\")", words[2]);
        }
        out.push_str(&format!("{}\n\n", words.join(" ")));
    }
    out
}

/// The article as a saved web page, with the page's furniture around it.
/// (A page whose article has no heading gets none from its `<title>`
/// either, or it would have one passage more than the plain text.)
pub fn as_html(doc: &Document) -> String {
    let title = if doc.sentences.iter().any(|s| s.heading) {
        "<title>Talks | Daily</title>"
    } else {
        ""
    };
    let mut out = format!(
        "<!DOCTYPE html><html><head>{title}<script>var menu = 'Home News Sport';</script>\
         <style>p{{color:red}}</style></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <div class=\"ad-slot\"><p>Buy a mattress today!</p></div><main><article>",
    );
    for (i, (text, heading)) in paragraphs(doc).into_iter().enumerate() {
        let text = xml_escape(&text);
        if heading {
            out.push_str(&format!("<h2>{text}</h2>\n"));
        } else {
            let (first, rest) = text.split_once(' ').unwrap_or((&text, ""));
            out.push_str(&format!("<p><b>{first}</b> {rest}</p>\n"));
        }
        if i == 2 {
            out.push_str("<aside class=related><ul><li>Read more: other talks</li></ul></aside><!-- comment -->");
        }
    }
    out.push_str(
        "</article></main><footer><p>© Daily. All rights reserved.</p></footer></body></html>",
    );
    out
}

/// The article as a Word document, with a tracked deletion and a tracked
/// insertion splitting a word's runs in every paragraph.
pub fn as_docx(doc: &Document) -> Vec<u8> {
    let mut body = String::new();
    for (text, heading) in paragraphs(doc) {
        let style = if heading {
            "<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>"
        } else {
            ""
        };
        let (head, tail) = text.split_at(
            text.char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        body.push_str(&format!(
            "<w:p>{style}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>\
             <w:del w:id=\"1\" w:author=\"Ed\"><w:r><w:delText>DELETED WORDS </w:delText></w:r></w:del>\
             <w:ins w:id=\"2\" w:author=\"Ed\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins></w:p>",
            xml_escape(head),
            xml_escape(tail)
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", xml.as_bytes()),
    ])
}

pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
