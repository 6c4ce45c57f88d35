//! `tandem check`: one `PATH:LINE:COL: category: left / right:
//! explanation` line per finding, sorted by position, the same list as
//! JSON, and an exit status scripts can branch on (0 nothing, 1 findings,
//! 2 an error).

use assert_cmd::Command;

const LEFT: &str = "assets/samples/kremlin-talks-original.txt";
const RIGHT: &str = "assets/samples/kremlin-talks-rewrite.txt";

fn check(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .arg("check")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

/// Splits `PATH:LINE:COL: rest` as an editor's error format reads it.
fn position(line: &str) -> (String, usize, usize) {
    let mut parts = line.splitn(4, ':');
    let path = parts.next().expect("a path").to_string();
    let l = parts.next().and_then(|n| n.parse().ok()).expect("a line");
    let c = parts.next().and_then(|n| n.parse().ok()).expect("a column");
    (path, l, c)
}

#[test]
fn the_sample_exits_1_with_one_line_per_finding_sorted_by_position() {
    let (code, out, err) = check(&[]);
    assert_eq!(code, Some(1), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 5, "{out}");
    let (json_code, json, _) = check(&["--format", "json"]);
    assert_eq!(json_code, Some(1));
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(list.len(), lines.len(), "the same list");
    let positions: Vec<(String, usize, usize)> = lines.iter().map(|l| position(l)).collect();
    for (f, (path, line, column)) in list.iter().zip(&positions) {
        assert_eq!(f["path"], path.as_str());
        assert_eq!(f["line"], *line);
        assert_eq!(f["column"], *column);
    }
    // The checked (right) article's findings first, each file's in order.
    let rights = positions
        .iter()
        .take_while(|p| p.0.contains("rewrite"))
        .count();
    assert!(rights > 0);
    assert!(positions[rights..].iter().all(|p| p.0.contains("original")));
    for part in [&positions[..rights], &positions[rights..]] {
        assert!(
            part.windows(2)
                .all(|w| (w[0].1, w[0].2) <= (w[1].1, w[1].2)),
            "{positions:?}"
        );
    }
    // Each line points at the words it quotes (plain text: the file itself).
    let text = std::fs::read_to_string(RIGHT).expect("the sample");
    for f in list
        .iter()
        .filter(|f| f["path"] == RIGHT && f["right"] != "(none)")
    {
        let line = text
            .lines()
            .nth(f["line"].as_u64().expect("a number") as usize - 1)
            .expect("a line");
        let from: String = line
            .chars()
            .skip(f["column"].as_u64().expect("a number") as usize - 1)
            .collect();
        let first_word = f["right"]
            .as_str()
            .expect("text")
            .split(' ')
            .next()
            .expect("a word");
        assert!(from.starts_with(first_word), "{f}: {from:?}");
    }
}

#[test]
fn identical_files_exit_0_and_print_nothing() {
    let (code, out, err) = check(&[LEFT, LEFT]);
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "", ""));
    let (code, out, _) = check(&["--format", "json", LEFT, LEFT]);
    assert_eq!((code, out.trim()), (Some(0), "[]"));
}

#[test]
fn categories_choose_what_is_reported() {
    let (_, all, _) = check(&[LEFT, RIGHT]);
    let (code, names, _) = check(&["--categories", "name,number", LEFT, RIGHT]);
    assert_eq!(code, Some(1));
    let kept: Vec<&str> = all
        .lines()
        .filter(|l| l.contains(": name: ") || l.contains(": number: "))
        .collect();
    assert_eq!(names.lines().collect::<Vec<_>>(), kept);
    let (code, none, _) = check(&["--categories", "contradiction", LEFT, LEFT]);
    assert_eq!((code, none.as_str()), (Some(0), ""));
    let (code, _, err) = check(&["--categories", "bogus", LEFT, RIGHT]);
    assert_eq!(code, Some(2));
    assert!(err.contains("possible values"), "{err}");
}

#[test]
fn an_article_that_cannot_be_read_is_one_line_and_exit_2() {
    let (code, out, err) = check(&[LEFT, "/nonexistent/article.txt"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert_eq!(err.trim(), "tandem: /nonexistent/article.txt: no such file");
}

#[test]
fn a_pdf_pair_with_two_edited_figures_gives_exactly_two_lines() {
    let (code, out, _) = check(&[
        "tests/fixtures/pdf/article.pdf",
        "tests/fixtures/pdf/article-edited.pdf",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(
        out,
        "tests/fixtures/pdf/article-edited.pdf:5:18: number: 48 million euros / 52 million euros: the figure differs: 48 million euros / 52 million euros\n\
         tests/fixtures/pdf/article-edited.pdf:13:177: number: 21 / 23: the figure differs: 21 / 23\n"
    );
}
