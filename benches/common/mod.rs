//! Generated article pairs for the benchmarks: the right article is a
//! rewrite of the left one (words replaced, sentences split and merged,
//! paragraphs dropped, added and moved far away). Seeded, so every run
//! measures the same text.

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
    /// Capitalised names, as news text is full of them.
    names: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        const SYLLABLES: &[&str] = &["ka", "lo", "mer", "tin", "sa", "vor", "ek", "pla", "dun", "ri", "os", "ta", "ben", "gul", "fi", "zen"];
        let words = (0..size)
            .map(|_| (0..2 + rng.below(3)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect::<String>())
            .collect();
        let names = (0..size / 4)
            .map(|_| {
                let w: String = (0..2 + rng.below(2)).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
                let mut cs = w.chars();
                cs.next().map(|c| c.to_uppercase().collect::<String>() + cs.as_str()).unwrap_or_default()
            })
            .collect();
        Vocabulary { words, names }
    }

    /// Zipf's law with exponent 1, as in English: rank = N^u for uniform u,
    /// with function words making up almost half of all tokens.
    fn pick(&self, rng: &mut Rng) -> &str {
        const FUNCTION_WORDS: &[&str] =
            &["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "from", "his", "it", "an", "has"];
        if rng.chance(45) {
            return FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())];
        }
        if rng.chance(6) {
            return &self.names[rng.below(self.names.len())];
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

pub fn pair(bytes: usize, seed: u64) -> (String, String) {
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


/// The seed of the pair of a given size, shared so that both benchmarks and
/// `--write` produce the same text.
pub fn seed(kb: usize) -> u64 {
    0x7a_6e_de_11 + kb as u64
}
