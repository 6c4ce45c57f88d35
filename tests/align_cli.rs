//! `tandem align` as a user runs it: the JSON contract on the sample pair,
//! what the alignment must find there, and every kind of bad input.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn tandem() -> Command {
    Command::cargo_bin("tandem").expect("binary is built")
}

fn align_json(left: &str, right: &str) -> Value {
    let out = tandem()
        .args(["align", left, right, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

fn as_indices(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

/// Checks every rule of ALIGN-JSON.md against the files' bytes.
fn check_contract(out: &Value, left: &[u8], right: &[u8]) {
    assert_eq!(out["version"], 1);
    let mut counts = Vec::new();
    for (side, bytes) in [("left", left), ("right", right)] {
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(out[side]["path"].is_string());
        let sentences = out[side]["sentences"].as_array().unwrap();
        let mut previous_end = 0;
        for s in sentences {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                previous_end <= start && start <= end && end <= bytes.len(),
                "{side} {s}"
            );
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            assert_eq!(
                text[start..end].trim(),
                &text[start..end],
                "spans carry no surrounding whitespace"
            );
            assert!(s["paragraph"].is_u64() && s["heading"].is_boolean());
            previous_end = end;
        }
        counts.push(sentences.len());
    }
    let mut used = [vec![0; counts[0]], vec![0; counts[1]]];
    let (mut aligned, mut divergent) = (0, 0);
    for link in out["links"].as_array().unwrap() {
        for (k, side) in ["left", "right"].into_iter().enumerate() {
            let idx = as_indices(&link[side]);
            assert!(
                !idx.is_empty() && idx.windows(2).all(|w| w[0] < w[1]),
                "{link}"
            );
            idx.iter().for_each(|&i| used[k][i] += 1);
        }
        match link["kind"].as_str().unwrap() {
            "aligned" => aligned += 1,
            "divergent" => divergent += 1,
            other => panic!("bad kind {other}"),
        }
        let score = link["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(link["moved"].is_boolean() && link["discrepancies"].is_array());
        for c in link["changes"].as_array().unwrap() {
            let (l, r) = (&c["left"], &c["right"]);
            match c["op"].as_str().unwrap() {
                "insert" => assert!(l.is_null() && r.is_array()),
                "delete" => assert!(l.is_array() && r.is_null()),
                "replace" => assert!(l.is_array() && r.is_array()),
                other => panic!("bad op {other}"),
            }
            for (span, bytes) in [(l, left), (r, right)] {
                if let Some(span) = span.as_array() {
                    let (s, e) = (
                        span[0].as_u64().unwrap() as usize,
                        span[1].as_u64().unwrap() as usize,
                    );
                    assert!(s < e && e <= bytes.len());
                }
            }
        }
    }
    assert!(
        used.iter().flatten().all(|&n| n <= 1),
        "a sentence is in at most one link"
    );
    assert!(out["omissions"].is_array());
    let summary = &out["summary"];
    assert_eq!(summary["aligned"], aligned);
    assert_eq!(summary["divergent"], divergent);
    assert_eq!(
        summary["unique_left"],
        used[0].iter().filter(|&&n| n == 0).count()
    );
    assert_eq!(
        summary["unique_right"],
        used[1].iter().filter(|&&n| n == 0).count()
    );
}

struct Sample {
    out: Value,
    left: String,
    right: String,
}

impl Sample {
    fn load() -> Self {
        Sample {
            out: align_json(LEFT, RIGHT),
            left: std::fs::read_to_string(LEFT).unwrap(),
            right: std::fs::read_to_string(RIGHT).unwrap(),
        }
    }

    fn sentence(&self, side: &str, i: usize) -> &str {
        let s = &self.out[side]["sentences"][i];
        let text = if side == "left" {
            &self.left
        } else {
            &self.right
        };
        &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
    }

    fn find(&self, side: &str, starts_with: &str) -> usize {
        let n = self.out[side]["sentences"].as_array().unwrap().len();
        (0..n)
            .find(|&i| self.sentence(side, i).starts_with(starts_with))
            .unwrap_or_else(|| panic!("no {side} sentence {starts_with:?}"))
    }

    fn link_of(&self, side: &str, i: usize) -> Option<&Value> {
        self.out["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| as_indices(&l[side]).contains(&i))
    }
}

#[test]
fn sample_pair_json_follows_the_contract() {
    let s = Sample::load();
    check_contract(&s.out, s.left.as_bytes(), s.right.as_bytes());
    assert_eq!(s.out["left"]["path"], LEFT);
}

#[test]
fn sample_pair_merges_two_sentences_into_one() {
    let s = Sample::load();
    let putin = s.find("left", "Russian President Vladimir Putin will meet");
    let optimism = s.find("left", "The White House expressed strong optimism");
    let target = s.find("right", "Russian President Vladimir Putin is set to meet");
    let link = s
        .link_of("left", putin)
        .expect("the opening sentence is linked");
    assert_eq!(as_indices(&link["left"]), vec![putin, optimism]);
    assert_eq!(as_indices(&link["right"]), vec![target]);
}

#[test]
fn sample_pair_finds_the_moved_pokrovsk_passage() {
    let s = Sample::load();
    let pokrovsk = s.find(
        "left",
        "The Moscow talks follow Russian claims of capturing Pokrovsk",
    );
    let meanwhile = s.find("right", "Meanwhile, Russia claims to have captured");
    let link = s
        .link_of("left", pokrovsk)
        .expect("the moved passage is linked");
    assert!(as_indices(&link["right"]).contains(&meanwhile), "{link}");
    assert_eq!(link["kind"], "divergent");
    assert_eq!(link["moved"], true);
    // The denial travels with it, so the contradiction can be seen in one link.
    let denied = s.find("left", "Ukrainian officials denied the reports");
    assert!(as_indices(&link["left"]).contains(&denied), "{link}");
}

#[test]
fn sample_pair_unique_passages() {
    let s = Sample::load();
    let n = s.out["right"]["sentences"].as_array().unwrap().len();
    assert!(s.link_of("right", n - 1).is_none() && s.link_of("right", n - 2).is_none());
    assert!(
        s.link_of("right", n - 3).is_some(),
        "only the closing paragraph is new"
    );
    let headings: Vec<usize> = (0..s.out["left"]["sentences"].as_array().unwrap().len())
        .filter(|&i| s.out["left"]["sentences"][i]["heading"] == true)
        .collect();
    assert_eq!(headings.len(), 4, "the left article has four headings");
    assert!(headings.iter().all(|&h| s.link_of("left", h).is_none()));
}

#[test]
fn text_report_fits_the_width_and_marks_kinds() {
    let out = tandem()
        .args(["align", LEFT, RIGHT, "--format", "text", "--width", "90"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 90),
        "{text}"
    );
    assert!(text.contains("≠") && text.contains("↕") && text.contains("<") && text.contains(">"));
    assert!(text.contains("Meanwhile, Russia claims"));
}

#[test]
fn no_files_aligns_the_bundled_sample() {
    let out = tandem()
        .args(["align", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["left"]["path"], "kremlin-talks-original.txt");
    assert_eq!(v["links"], Sample::load().out["links"]);
}

fn temp_dir(name: &str) -> TempDir {
    TempDir::with_prefix(format!("tandem-test-{name}-")).unwrap()
}

#[test]
fn empty_file_leaves_everything_unique() {
    let dir = temp_dir("empty");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = align_json(empty.to_str().unwrap(), RIGHT);
    check_contract(&out, b"", std::fs::read(RIGHT).unwrap().as_slice());
    assert_eq!(out["links"].as_array().unwrap().len(), 0);
    assert_eq!(
        out["summary"]["unique_right"],
        out["right"]["sentences"].as_array().unwrap().len()
    );
}

#[test]
fn standard_input_on_one_side() {
    let out = tandem()
        .args(["align", "-", RIGHT, "--format", "json"])
        .write_stdin(std::fs::read(LEFT).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["left"]["path"], "-");
    assert_eq!(v["links"], Sample::load().out["links"]);
}

#[test]
fn crlf_and_bom_offsets_point_into_the_original_bytes() {
    let dir = temp_dir("crlf");
    let path = dir.path().join("crlf.txt");
    let text = std::fs::read_to_string(LEFT).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let out = align_json(path.to_str().unwrap(), RIGHT);
    let bytes = std::fs::read(&path).unwrap();
    check_contract(&out, &bytes, std::fs::read(RIGHT).unwrap().as_slice());
    let first = &out["left"]["sentences"][0];
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], "Critical Diplomacy at the Kremlin".as_bytes());
}

/// Runs `align` expecting failure: exit status 2 and one line on stderr that
/// contains each of `needles`.
fn expect_error(args: &[&str], needles: &[&str]) {
    let out = tandem().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "args {args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    for n in needles {
        assert!(err.contains(n), "{err:?} should mention {n:?}");
    }
    assert!(out.stdout.is_empty());
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn bad_inputs_get_one_line_and_status_2() {
    let tmp = temp_dir("bad");
    let dir = tmp.path();
    let binary = dir.join("image.bin");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 au lait.").unwrap();
    let huge = dir.join("huge.txt");
    // A sparse file: over the limit without writing the bytes.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(tandem::core::document::MAX_BYTES + 1)
        .unwrap();
    let missing = dir.join("missing.txt");

    expect_error(
        &["align", path_str(&missing), RIGHT],
        &["missing.txt", "no such file"],
    );
    expect_error(&["align", path_str(dir), RIGHT], &["is a directory"]);
    expect_error(
        &["align", LEFT, path_str(&binary)],
        &["image.bin", "binary"],
    );
    expect_error(
        &["align", path_str(&latin1), RIGHT],
        &["latin1.txt", "not valid UTF-8", "offset 3"],
    );
    expect_error(
        &["align", path_str(&huge), RIGHT],
        &["huge.txt", "too large"],
    );
    expect_error(&["align", "-", "-"], &["standard input"]);
    expect_error(&["align", LEFT], &["two articles"]);
}

/// The JSON report is written as it is serialised; a reader that stops
/// early (`| head`) is the reader's choice: no error, status 0.
#[test]
fn json_into_a_pipe_closed_early_is_no_error() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    let tmp = temp_dir("closed-pipe");
    let dir = tmp.path();
    // Long enough that its JSON (~1 MB) overflows any pipe buffer.
    let text = std::fs::read_to_string(LEFT).unwrap().repeat(40);
    let (l, r) = (dir.join("l.txt"), dir.join("r.txt"));
    std::fs::write(&l, &text).unwrap();
    std::fs::write(&r, text.replace("Kremlin", "Kreml")).unwrap();
    let mut child = Process::new(assert_cmd::cargo::cargo_bin!("tandem"))
        .args(["align", path_str(&l), path_str(&r), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    // The read end is dropped here: the rest of the report meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&start).starts_with("{"));
    assert!(
        out.status.success(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
