//! Alignment speed and memory on generated article pairs.
//!
//! `cargo bench --bench align` prints, per size, the median wall time of
//! segmenting both sides, aligning them, and comparing every link (word
//! diffs and kinds), and the process's peak resident memory during that run.
//!
//! The right article is a rewrite of the left one: words replaced by
//! "synonyms", sentences split and merged, paragraphs dropped, added and
//! moved far away. Generation is seeded, so every run measures the same text.

use std::time::{Duration, Instant};

use tandem::core::align;
use tandem::core::compare::Comparison;
use tandem::core::document::Document;

/// xorshift64*: small, seeded, good enough for text generation.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

struct Vocabulary {
    words: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        const SYLLABLES: &[&str] = &["ka", "lo", "mer", "tin", "sa", "vor", "ek", "pla", "dun", "ri", "os", "ta", "ben", "gul", "fi", "zen"];
        let words = (0..size)
            .map(|_| (0..2 + rng.below(3)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect::<String>())
            .collect();
        Vocabulary { words }
    }

    /// Zipf's law with exponent 1, as in English: rank = N^u for uniform u,
    /// with function words making up almost half of all tokens.
    fn pick(&self, rng: &mut Rng) -> &str {
        const FUNCTION_WORDS: &[&str] =
            &["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "from", "his", "it", "an", "has"];
        if rng.chance(45) {
            return FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())];
        }
        let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
        let rank = (self.words.len() as f64).powf(u) as usize;
        &self.words[rank.min(self.words.len()) - 1]
    }
}

type Paragraph = Vec<Vec<String>>;

fn sentence(rng: &mut Rng, vocab: &Vocabulary) -> Vec<String> {
    (0..8 + rng.below(18)).map(|_| vocab.pick(rng).to_string()).collect()
}

fn render(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        let sentences: Vec<String> = p
            .iter()
            .map(|s| {
                let mut text = s.join(" ");
                if let Some(first) = text.get(..1) {
                    text.replace_range(..1, &first.to_uppercase());
                }
                text + "."
            })
            .collect();
        out.push_str(&sentences.join(" "));
        out.push('\n');
    }
    out
}

/// A rewrite: paraphrase, split, merge, drop, add and move.
fn rewrite(rng: &mut Rng, vocab: &Vocabulary, original: &[Paragraph]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut moved: Vec<Paragraph> = Vec::new();
    for p in original {
        if rng.chance(5) {
            continue; // dropped
        }
        let mut new_p: Paragraph = Vec::new();
        for s in p {
            let mut s: Vec<String> = s.iter().map(|w| if rng.chance(30) { vocab.pick(rng).to_string() } else { w.clone() }).collect();
            if rng.chance(10) {
                let at = s.len() / 2;
                let tail = s.split_off(at);
                new_p.push(s);
                new_p.push(tail);
            } else if rng.chance(10) && !new_p.is_empty() {
                new_p.last_mut().unwrap().extend(s);
            } else {
                new_p.push(s);
            }
        }
        if rng.chance(5) {
            new_p.push(sentence(rng, vocab)); // added sentence
        }
        if rng.chance(4) { moved.push(new_p) } else { out.push(new_p) }
        if rng.chance(5) {
            out.push((0..3).map(|_| sentence(rng, vocab)).collect()); // added paragraph
        }
    }
    // Moved paragraphs land far from where they were.
    for p in moved {
        let at = rng.below(out.len() + 1);
        out.insert(at, p);
    }
    out
}

fn pair(bytes: usize, seed: u64) -> (String, String) {
    let mut rng = Rng(seed);
    let vocab = Vocabulary::new(&mut rng, 20_000);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p: Paragraph = (0..3 + rng.below(3)).map(|_| sentence(&mut rng, &vocab)).collect();
        size += p.iter().map(|s| s.iter().map(|w| w.len() + 1).sum::<usize>() + 1).sum::<usize>() + 1;
        paragraphs.push(p);
    }
    let right = rewrite(&mut rng, &vocab, &paragraphs);
    (render(&paragraphs), render(&right))
}

/// Peak resident memory of this process in MB, from /proc (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak so that each size is measured on its own (Linux).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    // `cargo bench --bench align -- [--write DIR] [SIZE_KB...]`: only the given
    // sizes; with --write, save each pair as DIR/SIZE-left.txt and
    // DIR/SIZE-right.txt (for measuring the whole CLI) instead of timing.
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let write_to = raw.iter().position(|a| a == "--write").and_then(|i| raw.get(i + 1)).map(std::path::PathBuf::from);
    let args: Vec<usize> = raw.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if args.is_empty() { vec![10, 100, 1_000, 5_000] } else { args };
    if let Some(dir) = write_to {
        std::fs::create_dir_all(&dir).expect("output directory");
        for kb in sizes {
            let (left, right) = pair(kb * 1000, 0x7a_6e_de_11 + kb as u64);
            std::fs::write(dir.join(format!("{kb}-left.txt")), left).expect("write");
            std::fs::write(dir.join(format!("{kb}-right.txt")), right).expect("write");
        }
        return;
    }
    println!("{:>9} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>9}", "size", "left", "right", "segment", "align", "compare", "total", "peak MB");
    for kb in sizes {
        let (left, right) = pair(kb * 1000, 0x7a_6e_de_11 + kb as u64);
        let runs = match kb {
            0..=50 => 30,
            51..=500 => 10,
            501..=2000 => 5,
            _ => 3,
        };
        let mut timings: Vec<[Duration; 3]> = Vec::new();
        let mut peak: f64 = 0.0;
        let mut sentences = (0, 0);
        for _ in 0..runs {
            reset_peak_rss();
            let t0 = Instant::now();
            let l = Document::parse("left", left.clone());
            let r = Document::parse("right", right.clone());
            let t1 = Instant::now();
            let alignment = align::align(&l, &r);
            let t2 = Instant::now();
            sentences = (l.sentences.len(), r.sentences.len());
            let cmp = Comparison::from_alignment(l, r, alignment);
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
            "{:>6} KB {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>9.0}",
            kb,
            format!("{} s", sentences.0),
            format!("{} s", sentences.1),
            ms(median(0)),
            ms(median(1)),
            ms(median(2)),
            ms(totals[totals.len() / 2]),
            peak
        );
    }
    println!("(median of several runs; 's' = sentences; peak = resident memory high-water mark during the runs)");
}
