//! What the printer adds around the article: running headers and footers
//! (the same words near the top or bottom of every page, a page number
//! changing in them), page numbers, the page's address and the date a
//! browser prints in the margins. None of it is the article's text.

use super::layout::{Line, Page, body_size};

/// The band at the top and at the bottom of a page, as a share of its
/// height, where running heads and folios sit.
const MARGIN: f64 = 0.09;
/// Margin lines in type this much smaller than the body's are the
/// printer's, not the article's.
const SMALL_TYPE: f64 = 0.85;
/// Heights within this many PDF units (1/72 inch) are one place.
const SAME_PLACE: f64 = 4.0;

/// Removes from each page's lines those the printer put in its margins.
pub fn drop_running(lines: &mut [Vec<Line>], pages: &[Page]) {
    let body = body_size(lines);
    let in_margin = |line: &Line, page: &Page| {
        let h = page.height.max(1.0);
        line.y < h * MARGIN || line.y > h * (1.0 - MARGIN)
    };
    // On how many pages each margin line's words (numbers aside) stand at
    // its height: a running head keeps its place, a title that happens to
    // repeat it does not.
    let place = |line: &Line| (key(&line.text), (line.y / SAME_PLACE).round() as i64);
    let mut seen: Vec<((String, i64), usize)> = Vec::new();
    for (page_lines, page) in lines.iter().zip(pages) {
        let mut keys: Vec<(String, i64)> = page_lines
            .iter()
            .filter(|l| in_margin(l, page))
            .map(place)
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            match seen.iter_mut().find(|(s, _)| *s == k) {
                Some((_, n)) => *n += 1,
                None => seen.push((k, 1)),
            }
        }
    }
    let repeats = |line: &Line| {
        let k = place(line);
        lines.len() >= 2
            && seen
                .iter()
                .any(|(s, n)| *s == k && *n >= 2 && *n * 2 >= lines.len())
    };
    let drop: Vec<Vec<bool>> = lines
        .iter()
        .zip(pages)
        .map(|(page_lines, page)| {
            page_lines
                .iter()
                .map(|l| {
                    in_margin(l, page)
                        && (repeats(l)
                            || is_folio(&l.text)
                            || is_address(&l.text)
                            || l.size < body * SMALL_TYPE)
                })
                .collect()
        })
        .collect();
    for (page_lines, drop) in lines.iter_mut().zip(drop) {
        let mut flags = drop.into_iter();
        page_lines.retain(|_| !flags.next().unwrap_or(false));
    }
}

/// A line's words with every number made alike: a running footer reads
/// the same on each page but for its page number.
fn key(text: &str) -> String {
    let mut out = String::new();
    let mut digits = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_digit() {
            if !digits {
                out.push('#');
            }
            digits = true;
        } else {
            digits = false;
            if !c.is_whitespace() {
                out.push(c);
            }
        }
    }
    out
}

/// A page number: `7`, `- 7 -`, `7/12`, `7 of 12`, `Page 7`, `p. 7`, `vii`.
fn is_folio(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t)
        .trim();
    let roman = !t.is_empty() && t.len() <= 6 && t.chars().all(|c| "ivxlc".contains(c));
    let numbers = t
        .split(|c: char| c == '/' || c.is_whitespace() || c == '-' || c == '–')
        .filter(|w| !w.is_empty() && *w != "of")
        .collect::<Vec<_>>();
    roman
        || (!numbers.is_empty()
            && numbers.len() <= 2
            && numbers
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_digit())))
}

/// A web address or file path, as a browser prints the page's location.
fn is_address(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        ["http://", "https://", "file://", "www."]
            .iter()
            .any(|p| w.starts_with(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: f64, size: f64, text: &str) -> Line {
        Line {
            x0: 40.0,
            x1: 400.0,
            y,
            size,
            text: text.into(),
        }
    }

    fn page() -> Page {
        Page {
            height: 792.0,
            glyphs: Vec::new(),
        }
    }

    #[test]
    fn running_heads_folios_and_addresses_go_and_the_article_stays() {
        let mut lines: Vec<Vec<Line>> = (1..=3)
            .map(|n| {
                let mut lines = vec![
                    at(30.0, 10.0, "The Daily Courier — Tuesday"),
                    at(100.0, 10.0, &format!("Body text of page {n}.")),
                    at(770.0, 10.0, &format!("Page {n} of 3")),
                    at(775.0, 10.0, "https://example.org/story"),
                    at(20.0, 7.0, "12/7/26, 11:40 PM"),
                ];
                if n == 1 {
                    lines.push(at(60.0, 16.0, "A big title near the top"));
                }
                lines
            })
            .collect();
        let pages = vec![page(), page(), page()];
        drop_running(&mut lines, &pages);
        for (n, page_lines) in lines.iter().enumerate() {
            let texts: Vec<&str> = page_lines.iter().map(|l| l.text.as_str()).collect();
            let body = format!("Body text of page {}.", n + 1);
            let mut want = vec![body.as_str()];
            if n == 0 {
                want.push("A big title near the top");
            }
            assert_eq!(texts, want);
        }
    }

    #[test]
    fn a_single_page_keeps_its_margin_text_unless_it_is_a_folio() {
        let mut lines = vec![vec![
            at(30.0, 10.0, "A first line high on the page."),
            at(400.0, 10.0, "Body."),
            at(780.0, 10.0, "3"),
        ]];
        drop_running(&mut lines, &[page()]);
        let texts: Vec<&str> = lines[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["A first line high on the page.", "Body."]);
    }

    #[test]
    fn folios_are_numbers_and_words_are_not() {
        for yes in ["7", "- 7 -", "7/12", "7 of 12", "Page 7", "p. 7", "vii"] {
            assert!(is_folio(yes), "{yes}");
        }
        for no in ["7 people died", "In 2024", "Vivid", ""] {
            assert!(!is_folio(no), "{no}");
        }
    }
}
