//! Parsing a page with its nesting bounded.
//!
//! The HTML standard sets no limit on how deep elements nest, and
//! html5ever follows it: 20,000 nested `<div>`s or 10,000 unclosed
//! `<b><i>` make a tree as deep, and the tree builder scans its stack of
//! open elements for most tags, so the time grows with the square of the
//! depth (and anything that walks the tree by recursion runs out of
//! stack). Browsers cap the depth (Blink at 512); so does this, between
//! the tokenizer and the tree builder: a start tag met while the builder
//! already holds [`MAX_HELD`] elements is left out, its text kept in the
//! element it would have opened inside, and so is the end tag that would
//! close it. No article nests near that deep, so ordinary pages parse
//! exactly as before.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

use crate::core::hashing::KeyMap;

/// Most elements the tree builder may hold (its open elements and the
/// formatting elements it may reopen) when a start tag comes.
const MAX_HELD: usize = 512;

/// Elements that never hold others: they add no depth.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content the tokenizer reads as text, told so by the tree
/// builder when it sees the start tag: leaving one out would read a script
/// or a style as markup and text. They cannot nest in HTML (their content
/// is text), only in SVG, so they get a limit of their own.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// Parses `source` as a whole document, as `Html::parse_document` does,
/// with the nesting bounded.
pub fn parse_document(source: &str) -> Html {
    let guard = DepthGuard {
        builder: TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), Default::default()),
        left_out: RefCell::default(),
    };
    let tokenizer = Tokenizer::new(guard, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(source));
    // The tokenizer stops at a script (for the caller to run) and at a
    // declared encoding (the text is decoded already): feed on to the end.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Passes the tokenizer's tokens to the tree builder, but for the start
/// tags that would nest too deep and their end tags.
struct DepthGuard {
    builder: TreeBuilder<Handle, HtmlTreeSink>,
    /// Start tags left out and not yet closed, by name.
    left_out: RefCell<KeyMap<LocalName, usize>>,
}

impl DepthGuard {
    /// The elements the tree builder holds. Counted afresh for each start
    /// tag: the count is bounded by the limit, so this stays linear.
    fn held(&self) -> usize {
        let count = Count(Cell::new(0));
        self.builder.trace_handles(&count);
        count.0.get()
    }

    fn leaves_out(&self, tag: &Tag) -> bool {
        let mut left_out = self.left_out.borrow_mut();
        let name: &str = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                let limit = if RAW_TEXT.contains(&name) {
                    2 * MAX_HELD
                } else {
                    MAX_HELD
                };
                if VOID.contains(&name) || self.held() < limit {
                    return false;
                }
                if !tag.self_closing {
                    *left_out.entry(tag.name.clone()).or_default() += 1;
                }
                true
            }
            TagKind::EndTag => match left_out.get_mut(&tag.name) {
                Some(open) if *open > 0 => {
                    *open -= 1;
                    true
                }
                _ => false,
            },
        }
    }
}

impl TokenSink for DepthGuard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(tag) = &token
            && self.leaves_out(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Counts the handles the tree builder holds.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = Handle;

    fn trace_handle(&self, _: &Handle) {
        self.0.set(self.0.get() + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The depth of the deepest element.
    fn depth(doc: &Html) -> usize {
        doc.root_element()
            .descendants()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_keeps_its_text() {
        let deep = format!(
            "<body>{}deep text{}<p>after</p></body>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let doc = parse_document(&deep);
        assert!(depth(&doc) <= MAX_HELD + 2, "{}", depth(&doc));
        let text: String = doc.root_element().text().collect();
        assert_eq!(text, "deep textafter");
        // The left-out end tags were left out with their start tags: the
        // paragraph after is the body's, not inside a div.
        let p = doc
            .select(&scraper::Selector::parse("body > p").expect("valid selector"))
            .count();
        assert_eq!(p, 1);
    }

    #[test]
    fn unclosed_formatting_elements_stay_bounded() {
        let deep = format!("<p>Start.{}x</p><p>next</p>", "<b><i>".repeat(10_000));
        let doc = parse_document(&deep);
        assert!(depth(&doc) <= 2 * MAX_HELD, "{}", depth(&doc));
    }

    #[test]
    fn ordinary_pages_parse_as_the_standard_says() {
        let page = "<!doctype html><title>T</title><script>if (a<b) x()</script><p>One<br>two<p>three<table><tr><td>four</table><b>bold<i>both</b>italic</i>";
        assert_eq!(
            parse_document(page).html(),
            Html::parse_document(page).html()
        );
    }
}
