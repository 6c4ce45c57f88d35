//! A saved web page: the article's title, headings, paragraphs, block
//! quotes and list items, without the page around it.
//!
//! html5ever (through scraper) parses the page as a browser would, so
//! malformed markup still gives a tree. The article is the `<article>` with
//! the most paragraph text, else `<main>`, else the body; inside it,
//! elements that are never article text (scripts, styles, navigation,
//! forms, asides, footers) and boilerplate marked by its class, id or role
//! (ads, share bars, related links, newsletters, comments) are dropped.
//! The page's nesting is bounded while it is parsed ([`nesting`]), and the
//! tree is walked without recursion.

mod nesting;

use scraper::{ElementRef, Html, Node, Selector};

use super::Extracted;
use super::blocks::Blocks;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
    "input", "label", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio",
    "picture", "img", "aside", "footer", "dialog", "menu", "head", "title",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
    "address",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "hr",
    "body",
    "details",
    "summary",
];

/// Words in a class or id that mark boilerplate.
const BOILERPLATE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "banner",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "comment",
    "comments",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "popup",
    "modal",
    "paywall",
    "outbrain",
    "taboola",
    "skip",
];

const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "search",
    "menu",
    "dialog",
];

fn is_boilerplate(e: &ElementRef) -> bool {
    let v = e.value();
    if SKIPPED.contains(&v.name())
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if v.attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let marked = |attr: Option<&str>| {
        attr.is_some_and(|a| {
            a.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| BOILERPLATE.contains(&w.to_ascii_lowercase().as_str()))
        })
    };
    marked(v.attr("class")) || marked(v.attr("id"))
}

fn heading_level(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Takes the blocks of text out of `root`, depth first in document order.
/// An explicit stack, not recursion: `None` on it closes a block.
fn walk(root: ElementRef, out: &mut Blocks) {
    let mut stack: Vec<_> = root.children().rev().map(Some).collect();
    while let Some(step) = stack.pop() {
        let Some(node) = step else {
            out.end();
            continue;
        };
        match node.value() {
            Node::Text(t) => out.push(t),
            Node::Element(e) => {
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                if is_boilerplate(&el) {
                    continue;
                }
                let name = e.name();
                if name == "br" {
                    out.end();
                    continue;
                }
                if BLOCK.contains(&name) {
                    out.end();
                    stack.push(None);
                }
                if heading_level(name) {
                    out.heading();
                }
                stack.extend(node.children().rev().map(Some));
            }
            _ => {} // comments, doctype, processing instructions
        }
    }
}

/// Paragraph text directly inside `e` (not in nested articles).
fn paragraph_text(e: ElementRef) -> usize {
    let p = Selector::parse("p").expect("valid selector");
    e.select(&p)
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

/// The element that holds the article.
fn article_root(doc: &Html) -> ElementRef<'_> {
    let select = |css: &str| Selector::parse(css).expect("valid selector");
    if let Some(best) = doc
        .select(&select("article"))
        .max_by_key(|a| paragraph_text(*a))
    {
        return best;
    }
    for css in ["main", "[role=main]", "body"] {
        if let Some(e) = doc.select(&select(css)).next() {
            return e;
        }
    }
    doc.root_element()
}

/// The page title without the site name after a separator
/// ("Storm leaves… | The Coastal Herald").
fn page_title(doc: &Html) -> Option<String> {
    let title: String = doc
        .select(&Selector::parse("head > title").expect("valid selector"))
        .next()?
        .text()
        .collect();
    let cut = [" | ", " – ", " — ", " - ", " :: "]
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max();
    Some(cut.map_or(title.as_str(), |at| &title[..at]).to_string())
}

pub fn extract(source: &str) -> Extracted {
    let doc = nesting::parse_document(source);
    let mut out = Blocks::default();
    walk(article_root(&doc), &mut out);
    out.end();
    if !out.has_heading()
        && let Some(title) = page_title(&doc)
    {
        out.prepend_heading(&title);
    }
    out.finish(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, bool)> {
        let e = extract(html);
        e.paragraphs
            .expect("the format marks its paragraphs")
            .iter()
            .map(|p| (e.text[p.start..p.end].to_string(), p.heading))
            .collect()
    }

    #[test]
    fn article_blocks_without_page_furniture() {
        let got = blocks(
            "<html><head><title>T | Site</title><script>var x='Menu';</script><style>p{}</style></head><body>\
             <nav><a href=/>Home</a></nav><div class='ad ad-top'>Buy now</div>\
             <article><h1>Storm&nbsp;hits</h1><p>It was <b>very</b>\n windy.<br>Second line.</p>\
             <!-- a comment --><aside>Related</aside><div class=share-bar>Share</div>\
             <ul><li>One</li><li>Two &amp; three</li></ul><blockquote>“Quote,” she said.</blockquote>\
             <form><p>Sign up</p></form></article><footer>© Site</footer></body></html>",
        );
        let want = [
            ("Storm\u{a0}hits", true),
            ("It was very windy.", false),
            ("Second line.", false),
            ("One", false),
            ("Two & three", false),
            ("“Quote,” she said.", false),
        ];
        assert_eq!(got, want.map(|(t, h)| (t.to_string(), h)));
    }

    #[test]
    fn malformed_markup_still_gives_text_and_the_title_when_no_heading() {
        let got =
            blocks("<title>Only title - Site</title><p>Unclosed <b>bold<p>Next</i></div></table>");
        assert_eq!(
            got,
            [
                ("Only title".into(), true),
                ("Unclosed bold".into(), false),
                ("Next".into(), false)
            ]
        );
    }

    #[test]
    fn a_block_of_no_break_spaces_is_empty() {
        // Found by the property test: "&nbsp;" alone made a paragraph.
        assert_eq!(
            blocks("<p>&nbsp;</p><p>&nbsp;Text&nbsp;</p>"),
            [("Text".to_string(), false)]
        );
    }

    #[test]
    fn the_longest_article_is_the_story() {
        let got = blocks(
            "<body><article><p>Teaser.</p></article><article><p>The real story is long.</p></article></body>",
        );
        assert_eq!(got, [("The real story is long.".to_string(), false)]);
    }
}
