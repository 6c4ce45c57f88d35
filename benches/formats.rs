//! What reading an article from HTML, Word or Markdown costs over plain
//! text: the same generated article (`common::pair`, left side) as plain
//! text, Markdown, a saved web page and a .docx, loaded with
//! `Document::from_bytes` (format detection, extraction, paragraphs and
//! sentences).
//!
//! `cargo bench --bench formats -- [SIZE_KB...]` (default 1000) prints the
//! median load time per format and the extra over plain text.

#[allow(dead_code, reason = "the generated gold is for the align benchmark")]
mod common;
#[path = "../tests/support/formats.rs"]
mod support;

use std::time::{Duration, Instant};

use tandem::core::document::Document;

fn median(name: &str, bytes: &[u8], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let input = bytes.to_vec();
            let t = Instant::now();
            let doc = Document::from_bytes(name, input, None).expect("loads");
            let elapsed = t.elapsed();
            std::hint::black_box(doc);
            elapsed
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![1_000] } else { sizes };
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>12}",
        "size", "format", "file", "load", "over plain"
    );
    for kb in sizes {
        let (text, _) = common::pair(kb * 1000, common::seed(kb));
        let plain = Document::parse("a.txt", text.clone());
        let files: [(&str, Vec<u8>); 4] = [
            ("a.txt", text.into_bytes()),
            ("a.md", support::as_markdown(&plain).into_bytes()),
            ("a.html", support::as_html(&plain).into_bytes()),
            ("a.docx", support::as_docx(&plain)),
        ];
        let runs = if kb > 2_000 { 3 } else { 9 };
        let base = median(files[0].0, &files[0].1, runs);
        for (name, bytes) in &files {
            let t = median(name, bytes, runs);
            let over = t.as_secs_f64() - base.as_secs_f64();
            println!(
                "{:>5} KB {:>9} {:>7} KB {:>7.1} ms {:>9.1} ms",
                kb,
                name.trim_start_matches("a."),
                bytes.len() / 1000,
                t.as_secs_f64() * 1e3,
                over * 1e3
            );
        }
    }
    println!(
        "(median of several loads; 'over plain' = extra time to read the same text from that format)"
    );
}
