//! Alignment speed and memory on generated article pairs.
//!
//! `cargo bench --bench align` prints, per size, the median wall time of
//! segmenting both sides, aligning them, and comparing every link (word
//! diffs and kinds), the process's peak resident memory during that run, and
//! the alignment's F1 against the pair's known gold.
//!
//! The article pairs come from `common` (seeded rewrites with paraphrase,
//! splits, merges, additions, deletions and moves). Sizes are per side;
//! `cargo bench --bench align -- 100 1000 5000 50000` runs the sizes whose
//! quality and growth the README records.
//!
//! `cargo bench --bench align -- shapes` times instead the shapes of
//! ordinary content that once grew faster than linearly, each at two sizes
//! with the growth between them: sentences alike but for an id or a letter
//! code, one-word paragraphs (10k and 40k of each), a paragraph without
//! sentence ends (100 KB and 1 MB), and 200k short headings beside prose of
//! the same bytes.

mod common;

use std::time::{Duration, Instant};

use std::collections::HashSet;

use common::{Generated, generate, pair};
use tandem::core::align::{self, Alignment};
use tandem::core::compare::Comparison;
use tandem::core::document::Document;
use tandem::core::tokens::PairTokens;

/// Peak resident memory of this process in MB, from /proc (Linux).
fn peak_rss_mb() -> Option<f64> {
    rss_field_mb("VmHWM:")
}

/// A memory figure of this process from /proc/self/status, in MB.
fn rss_field_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// F1 of the alignment's sentence pairs (every left x right sentence of a
/// link) against the gold pairs, as the fable scorer counts them. Sentences
/// are matched to the generated ones by where they start.
fn f1(generated: &Generated, docs: [&Document; 2], alignment: &Alignment) -> f64 {
    let origin = |side: usize, k: usize| {
        let start = docs[side].sentences[k].start;
        let spans = &generated.spans[side];
        spans
            .partition_point(|s| s.0 <= start)
            .checked_sub(1)
            .filter(|&g| start < spans[g].1)
    };
    let mut predicted = HashSet::new();
    for link in &alignment.links {
        for i in link.left.clone() {
            for j in link.right.clone() {
                if let (Some(a), Some(b)) = (origin(0, i), origin(1, j)) {
                    predicted.insert((a, b));
                }
            }
        }
    }
    let gold: HashSet<(usize, usize)> = generated.gold.iter().copied().collect();
    let hits = predicted.intersection(&gold).count() as f64;
    if hits == 0.0 {
        return 0.0;
    }
    let (precision, recall) = (hits / predicted.len() as f64, hits / gold.len() as f64);
    2.0 * precision * recall / (precision + recall)
}

/// Resets the peak so that each size is measured on its own (Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Hands memory freed by the allocator back to the system (glibc), so that
/// the aligner's own growth is measured, not the reuse of what the
/// generator and earlier runs freed.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free heap pages to the system.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Median wall time of segmenting, aligning and comparing the pair over
/// `runs` runs, and the left side's sentence count.
fn time_pair(left: &str, right: &str, runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut sentences = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let l = Document::parse("left", left.to_string());
        let r = Document::parse("right", right.to_string());
        sentences = l.sentences.len();
        let tokens = PairTokens::new(&l, &r);
        let alignment = align::align(&l, &r, &tokens);
        std::hint::black_box(Comparison::from_alignment(l, r, tokens, alignment));
        times.push(t0.elapsed());
    }
    times.sort();
    (times[times.len() / 2], sentences)
}

/// A pair from one text: the right side has every 997th word changed.
fn edited_pair(left: String) -> (String, String) {
    let right = left
        .split(' ')
        .enumerate()
        .map(|(k, w)| {
            if k % 997 == 500 {
                format!("{w}x")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    (left, right)
}

/// A four-letter code for `k`: "aaaa", "aaab", …
fn letter_code(k: usize) -> String {
    (0..4u32)
        .map(|d| char::from(b'a' + (k / 26usize.pow(3 - d) % 26) as u8))
        .collect()
}

/// The shapes of `cargo bench --bench align -- shapes`, each at two sizes.
fn shapes() {
    type Make = fn(usize) -> String;
    let look_alike: [(&str, Make, [usize; 2]); 5] = [
        (
            "sentences alike but for an id",
            |n| {
                (0..n)
                    .map(|k| format!("Patient{k} was discharged. "))
                    .collect()
            },
            [10_000, 40_000],
        ),
        (
            "sentences alike but for a letter code",
            |n| {
                (0..n)
                    .map(|k| format!("Client{} was discharged. ", letter_code(k)))
                    .collect()
            },
            [10_000, 40_000],
        ),
        (
            "one-word paragraphs",
            |n| (0..n).map(|k| format!("word{k}\n\n")).collect(),
            [10_000, 40_000],
        ),
        (
            "a paragraph without sentence ends (KB)",
            |kb| {
                generate(kb * 1000, common::seed(kb))
                    .left
                    .replace(['.', '!', '?'], "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            },
            [100, 1_000],
        ),
        (
            "short headings",
            |n| (0..n).map(|k| format!("Section {k} results\n\n")).collect(),
            [50_000, 200_000],
        ),
    ];
    println!(
        "{:<40} {:>8} {:>10} {:>8} {:>10} {:>7}",
        "shape", "size", "time", "size", "time", "growth"
    );
    let mut headings_bytes = 0;
    let mut headings_time = Duration::ZERO;
    for (name, make, sizes) in look_alike {
        let [(t_small, _), (t_large, _)] = sizes.map(|n| {
            let text = make(n);
            if name == "short headings" {
                headings_bytes = text.len();
            }
            let (left, right) = edited_pair(text);
            time_pair(&left, &right, 3)
        });
        if name == "short headings" {
            headings_time = t_large;
        }
        println!(
            "{:<40} {:>8} {:>7.1} ms {:>8} {:>7.1} ms {:>6.2}x",
            name,
            sizes[0],
            t_small.as_secs_f64() * 1000.0,
            sizes[1],
            t_large.as_secs_f64() * 1000.0,
            t_large.as_secs_f64() / t_small.as_secs_f64()
        );
    }
    let prose = generate(headings_bytes, common::seed(headings_bytes / 1000));
    let (t_prose, _) = time_pair(&prose.left, &prose.right, 3);
    println!(
        "200k short headings: {:.1} ms; prose of the same {} bytes: {:.1} ms; {:.2}x",
        headings_time.as_secs_f64() * 1000.0,
        headings_bytes,
        t_prose.as_secs_f64() * 1000.0,
        headings_time.as_secs_f64() / t_prose.as_secs_f64()
    );
    println!(
        "(median of 3 runs of segmenting, aligning and comparing; growth = larger size's time over smaller's; the right side has every 997th word changed)"
    );
}

fn main() {
    if std::env::args().any(|a| a == "shapes") {
        shapes();
        return;
    }
    // `cargo bench --bench align -- [--write DIR] [SIZE_KB...]`: only the given
    // sizes; with --write, save each pair as DIR/SIZE-left.txt and
    // DIR/SIZE-right.txt (for measuring the whole CLI) instead of timing.
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let write_to = raw
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| raw.get(i + 1))
        .map(std::path::PathBuf::from);
    let args: Vec<usize> = raw.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if args.is_empty() {
        vec![10, 100, 1_000, 5_000]
    } else {
        args
    };
    if let Some(dir) = write_to {
        std::fs::create_dir_all(&dir).expect("output directory");
        for kb in sizes {
            let (left, right) = pair(kb * 1000, common::seed(kb));
            std::fs::write(dir.join(format!("{kb}-left.txt")), left).expect("write");
            std::fs::write(dir.join(format!("{kb}-right.txt")), right).expect("write");
        }
        return;
    }
    println!(
        "{:>9} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9} {:>6}",
        "size",
        "left",
        "right",
        "segment",
        "align",
        "compare",
        "total",
        "align MB",
        "peak MB",
        "F1"
    );
    for kb in sizes {
        let generated = generate(kb * 1000, common::seed(kb));
        let (left, right) = (&generated.left, &generated.right);
        let runs = match kb {
            0..=50 => 30,
            51..=500 => 10,
            501..=2000 => 5,
            2001..=20_000 => 3,
            _ => 1,
        };
        let mut quality = f64::NAN;
        let mut timings: Vec<[Duration; 3]> = Vec::new();
        let mut peak: f64 = 0.0;
        let mut align_peak: f64 = 0.0;
        let mut sentences = (0, 0);
        for _ in 0..runs {
            reset_peak_rss();
            let t0 = Instant::now();
            let l = Document::parse("left", left.clone());
            let r = Document::parse("right", right.clone());
            release_free_memory();
            let before_align = rss_field_mb("VmRSS:").unwrap_or(f64::NAN);
            reset_peak_rss();
            let t1 = Instant::now();
            let tokens = PairTokens::new(&l, &r);
            let alignment = align::align(&l, &r, &tokens);
            let t2 = Instant::now();
            align_peak = align_peak.max(peak_rss_mb().unwrap_or(f64::NAN) - before_align);
            sentences = (l.sentences.len(), r.sentences.len());
            if quality.is_nan() {
                quality = f1(&generated, [&l, &r], &alignment);
            }
            let cmp = Comparison::from_alignment(l, r, tokens, alignment);
            let t3 = Instant::now();
            std::hint::black_box(&cmp);
            timings.push([t1 - t0, t2 - t1, t3 - t2]);
            peak = peak.max(peak_rss_mb().unwrap_or(f64::NAN));
        }
        let median = |k: usize| {
            let mut v: Vec<Duration> = timings.iter().map(|t| t[k]).collect();
            v.sort();
            v[v.len() / 2]
        };
        let mut totals: Vec<Duration> = timings.iter().map(|t| t[0] + t[1] + t[2]).collect();
        totals.sort();
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "{:>6} KB {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>9.0} {:>9.0} {:>6.3}",
            kb,
            format!("{} s", sentences.0),
            format!("{} s", sentences.1),
            ms(median(0)),
            ms(median(1)),
            ms(median(2)),
            ms(totals[totals.len() / 2]),
            align_peak,
            peak,
            quality
        );
    }
    println!(
        "(median of several runs; 's' = sentences; align MB = how far the aligner raised resident memory above what the documents held; peak MB = resident memory high-water mark of the whole run, the generated text included; F1 against the generated gold)"
    );
}
