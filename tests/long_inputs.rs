//! Shapes of ordinary content that made the aligner or the detectors
//! super-linear, through the real binary: many sentences alike but for an
//! id or a code, one-word paragraphs, and a long paragraph without sentence
//! ends (a transcript, a legal text, a pasted table). Each ran for minutes
//! before (the look-alike sentences quadratic, the long paragraph cubic);
//! each must now finish far within the bound, which is generous, for a
//! debug build on a loaded machine: the figures are in the align bench.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// `tandem align` on the two texts, as JSON.
fn align(left: &str, right: &str) -> Value {
    let dir = TempDir::with_prefix("tandem-long-").unwrap();
    let (l, r) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&l, left).unwrap();
    std::fs::write(&r, right).unwrap();
    let out = Command::cargo_bin("tandem")
        .unwrap()
        .arg("align")
        .arg(&l)
        .arg(&r)
        .args(["--format", "json"])
        .timeout(Duration::from_secs(180))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// How many links join sentence k to sentence k, and how many links there are.
fn diagonal(out: &Value) -> (usize, usize) {
    let links = out["links"].as_array().unwrap();
    let same = links
        .iter()
        .filter(|l| l["left"] == l["right"] && l["left"].as_array().unwrap().len() == 1)
        .count();
    (same, links.len())
}

#[test]
fn forty_thousand_sentences_alike_but_for_an_id_align_one_to_one() {
    // 20k took 4.8 s and 50k 22 s in a release build, growing with the
    // square: "Patient123" and "Patient124" were folded as spellings of one
    // word, in one bucket of ids each compared with all the others.
    let text = |changed: bool| -> String {
        (0..40_000)
            .map(|k| {
                let id = if changed && k == 7 {
                    "7x".to_string()
                } else {
                    k.to_string()
                };
                format!("Patient{id} was discharged. ")
            })
            .collect()
    };
    let out = align(&text(false), &text(true));
    assert_eq!(diagonal(&out), (40_000, 40_000));
}

#[test]
fn forty_thousand_sentences_alike_but_for_a_letter_code_align_one_to_one() {
    let code = |k: usize| -> String {
        (0..4)
            .map(|d| (b'a' + (k / 26usize.pow(3 - d) % 26) as u8) as char)
            .collect()
    };
    let text = |changed: bool| -> String {
        (0..40_000)
            .map(|k| {
                let c = if changed && k == 1 {
                    "zzzz".to_string()
                } else {
                    code(k)
                };
                format!("Client{c} was discharged. ")
            })
            .collect()
    };
    let out = align(&text(false), &text(true));
    let (same, links) = diagonal(&out);
    assert!(same >= 39_999 && links <= 40_000, "{same} of {links}");
}

#[test]
fn fifty_thousand_one_word_paragraphs() {
    // 20k took 15.4 s and 50k ran past 60 s in a release build.
    let text = |changed: bool| -> String {
        (0..50_000)
            .map(|k| {
                if changed && k == 7 {
                    "word7x\n\n".to_string()
                } else {
                    format!("word{k}\n\n")
                }
            })
            .collect()
    };
    let out = align(&text(false), &text(true));
    let (same, _) = diagonal(&out);
    assert!(same >= 49_999, "{same}");
}

#[test]
fn a_megabyte_paragraph_without_sentence_ends() {
    // 100 KB took 5.3 s and 1 MB never finished: names_spelled counted
    // every token of the link for each name, inside a search over the
    // other side's names, and the unstated cues compared each cue with
    // every word of the other side.
    let words = [
        "the", "council", "voted", "on", "a", "plan", "Alice", "Boris", "Carla", "said", "that",
        "it", "would", "review", "every", "item", "Dmitri", "Elena", "Kharkiv", "budget",
    ];
    let mut seed = 7u64;
    let mut paragraph = String::new();
    while paragraph.len() < 1_000_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = words[(seed >> 33) as usize % words.len()];
        paragraph.push_str(w);
        if (seed >> 20).is_multiple_of(17) {
            paragraph.push_str(&((seed >> 40) % 100).to_string());
        }
        paragraph.push(' ');
    }
    let changed = paragraph
        .replacen("Alice", "Alicia", 3)
        .replacen("council", "committee", 5);
    let out = align(&format!("{paragraph}\n"), &format!("{changed}\n"));
    let links = out["links"].as_array().unwrap();
    assert_eq!(links.len(), 1, "one paragraph, one sentence, one link");
    assert_eq!(
        links[0]["changes"].as_array().unwrap().len(),
        8,
        "the eight words changed: {}",
        links[0]
    );
}
