//! Generated article pairs for the benchmarks: the right article is a
//! rewrite of the left one (words replaced, sentences split and merged,
//! paragraphs dropped, added and moved far away). Seeded, so every run
//! measures the same text. The rewrite records where each sentence came
//! from, so a pair has a known gold alignment at any size. Paragraphs are
//! drawn at random from a 20,000-word Zipf vocabulary, so none repeats.

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
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "mer", "tin", "sa", "vor", "ek", "pla", "dun", "ri", "os", "ta", "ben",
            "gul", "fi", "zen",
        ];
        let words = (0..size)
            .map(|_| {
                (0..2 + rng.below(3))
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect::<String>()
            })
            .collect();
        let names = (0..size / 4)
            .map(|_| {
                let w: String = (0..2 + rng.below(2))
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect();
                let mut cs = w.chars();
                cs.next()
                    .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect();
        Vocabulary { words, names }
    }

    /// Zipf's law with exponent 1, as in English: rank = N^u for uniform u,
    /// with function words making up almost half of all tokens.
    fn pick(&self, rng: &mut Rng) -> &str {
        const FUNCTION_WORDS: &[&str] = &[
            "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was",
            "by", "at", "from", "his", "it", "an", "has",
        ];
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

/// A sentence and the sentences of the original it renders (none if added).
#[derive(Clone)]
struct Sentence {
    words: Vec<String>,
    origin: Vec<usize>,
}

type Paragraph = Vec<Sentence>;

fn sentence(rng: &mut Rng, vocab: &Vocabulary) -> Vec<String> {
    (0..8 + rng.below(18))
        .map(|_| vocab.pick(rng).to_string())
        .collect()
}

fn added(rng: &mut Rng, vocab: &Vocabulary) -> Sentence {
    Sentence {
        words: sentence(rng, vocab),
        origin: Vec::new(),
    }
}

/// The text, and each sentence's byte span and origin.
fn render(paragraphs: &[Paragraph]) -> (String, Vec<(usize, usize)>, Vec<Vec<usize>>) {
    let mut out = String::new();
    let (mut spans, mut origins) = (Vec::new(), Vec::new());
    for p in paragraphs {
        for (k, s) in p.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let mut text = s.words.join(" ");
            if let Some(first) = text.get(..1) {
                text.replace_range(..1, &first.to_uppercase());
            }
            let start = out.len();
            out.push_str(&text);
            out.push('.');
            spans.push((start, out.len()));
            origins.push(s.origin.clone());
        }
        out.push('\n');
    }
    (out, spans, origins)
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
            let mut words: Vec<String> = s
                .words
                .iter()
                .map(|w| {
                    if rng.chance(30) {
                        vocab.pick(rng).to_string()
                    } else {
                        w.clone()
                    }
                })
                .collect();
            if rng.chance(10) {
                let tail = words.split_off(words.len() / 2);
                new_p.push(Sentence {
                    words,
                    origin: s.origin.clone(),
                });
                new_p.push(Sentence {
                    words: tail,
                    origin: s.origin.clone(),
                });
            } else if rng.chance(10) && !new_p.is_empty() {
                let last = new_p.last_mut().unwrap();
                last.words.extend(words);
                last.origin.extend(&s.origin);
            } else {
                new_p.push(Sentence {
                    words,
                    origin: s.origin.clone(),
                });
            }
        }
        if rng.chance(5) {
            new_p.push(added(rng, vocab));
        }
        if rng.chance(4) {
            moved.push(new_p)
        } else {
            out.push(new_p)
        }
        if rng.chance(5) {
            out.push((0..3).map(|_| added(rng, vocab)).collect());
        }
    }
    // Moved paragraphs land far from where they were.
    for p in moved {
        let at = rng.below(out.len() + 1);
        out.insert(at, p);
    }
    out
}

/// A generated pair and its gold alignment.
pub struct Generated {
    pub left: String,
    pub right: String,
    /// Byte spans of each side's sentences as generated.
    pub spans: [Vec<(usize, usize)>; 2],
    /// (left sentence, right sentence): the right one renders the left one.
    pub gold: Vec<(usize, usize)>,
}

pub fn generate(bytes: usize, seed: u64) -> Generated {
    let mut rng = Rng(seed);
    let vocab = Vocabulary::new(&mut rng, 20_000);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let (mut size, mut count) = (0, 0);
    while size < bytes {
        let p: Paragraph = (0..3 + rng.below(3))
            .map(|_| {
                count += 1;
                Sentence {
                    words: sentence(&mut rng, &vocab),
                    origin: vec![count - 1],
                }
            })
            .collect();
        size += p
            .iter()
            .map(|s| s.words.iter().map(|w| w.len() + 1).sum::<usize>() + 1)
            .sum::<usize>()
            + 1;
        paragraphs.push(p);
    }
    let right = rewrite(&mut rng, &vocab, &paragraphs);
    let (left, left_spans, _) = render(&paragraphs);
    let (right, right_spans, origins) = render(&right);
    let gold = origins
        .iter()
        .enumerate()
        .flat_map(|(r, o)| o.iter().map(move |&l| (l, r)))
        .collect();
    Generated {
        left,
        right,
        spans: [left_spans, right_spans],
        gold,
    }
}

pub fn pair(bytes: usize, seed: u64) -> (String, String) {
    let g = generate(bytes, seed);
    (g.left, g.right)
}

/// The seed of the pair of a given size, shared so that both benchmarks and
/// `--write` produce the same text.
pub fn seed(kb: usize) -> u64 {
    0x7a_6e_de_11 + kb as u64
}
