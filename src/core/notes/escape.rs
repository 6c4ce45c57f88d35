//! Quoting text that others wrote (articles, notes, file names) into the
//! formats tandem exports, so that it stays text: Markdown that cannot open
//! HTML, headings, lists or code fences, and CSV cells that no spreadsheet
//! runs as a formula.

/// Escapes text for one line of Markdown (a table cell, a quote, an item):
/// HTML and entities become literal, and every character that Markdown
/// reads as markup anywhere in a line is backslash-escaped. Line breaks
/// become spaces.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a block of text (a reviewer's note) line by line: besides
/// [`markdown_inline`], what starts a block at a line's start (list
/// markers, ordered-list numbers, setext underlines, indentation that makes
/// a code block) is neutralised. Each line ends with a hard break so the
/// note keeps its lines.
pub fn markdown_block(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = markdown_inline(line.trim_start());
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            if line.starts_with(['-', '+', '=']) {
                format!("\\{line}")
            } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line
            }
        })
        .collect();
    lines.join("  \n")
}

/// Characters a spreadsheet may skip before it looks for a formula sign.
fn is_ignorable_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '"' | '\'')
}

/// Would a spreadsheet read this cell as a formula? OWASP's rule: a cell
/// starting with `=`, `+`, `-`, `@`, tab or carriage return, here also after
/// leading white space (spaces, line feeds, no-break spaces, a BOM) or
/// quotes, and with the full-width signs `＝ ＋ － ＠`.
pub fn is_formula(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r']) {
        return true;
    }
    cell.trim_start_matches(is_ignorable_lead)
        .starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
}

/// One CSV cell (RFC 4180), always quoted; a cell a spreadsheet could run
/// as a formula gets a leading apostrophe, which makes it text.
pub fn csv_cell(value: &str) -> String {
    let value = if is_formula(value) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", value.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cannot_open_html_headings_lists_or_fences() {
        let note = "<script>alert(1)</script>\n### Forged heading\n- item\n1. one\n```\nunclosed fence\n    indented | pipe\n===";
        let out = markdown_block(note);
        let parsed: Vec<_> =
            pulldown_cmark::Parser::new_ext(&out, pulldown_cmark::Options::ENABLE_TABLES).collect();
        use pulldown_cmark::{Event, Tag};
        for e in &parsed {
            assert!(
                !matches!(
                    e,
                    Event::Html(_)
                        | Event::InlineHtml(_)
                        | Event::Code(_)
                        | Event::Start(
                            Tag::Heading { .. } | Tag::List(_) | Tag::CodeBlock(_) | Tag::Table(_)
                        )
                ),
                "{e:?} in {out}"
            );
        }
        let text: String = parsed
            .iter()
            .filter_map(|e| {
                if let Event::Text(t) = e {
                    Some(t.to_string())
                } else {
                    None
                }
            })
            .collect();
        assert!(
            text.contains("<script>alert(1)</script>")
                && text.contains("### Forged heading")
                && text.contains("```"),
            "{text}"
        );
    }

    #[test]
    fn every_formula_lead_is_neutralised() {
        for cell in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            " =1",
            "\n=1",
            "\u{feff}=1",
            "\u{a0}=1",
            "＝1+1",
            "\"=1+1",
            "'=1",
            " \u{3000}＠x",
        ] {
            assert!(is_formula(cell), "{cell:?}");
            assert!(
                csv_cell(cell).starts_with("\"'"),
                "{cell:?} -> {}",
                csv_cell(cell)
            );
        }
        for cell in ["plain", "1,5", "a=b", "“quoted”"] {
            assert!(!is_formula(cell), "{cell:?}");
        }
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
