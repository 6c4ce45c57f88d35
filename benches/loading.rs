//! Opening a large pair in a real terminal: how soon something is drawn,
//! how soon the review screen is ready, and how soon `q` is answered at
//! each moment of the loading.
//!
//! `cargo bench --bench loading -- [SIZE_KB]` (default 5000 per side) runs
//! the release binary in a pseudo-terminal on a generated pair and prints
//! medians over a few runs. Times include starting the process and, for
//! `q`, its exit.

#[allow(dead_code, reason = "the generated gold is for the align benchmark")]
mod common;
#[path = "../tests/common/mod.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::Pty;

const RUNS: usize = 3;

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Polls (every millisecond) until `done` holds; the time it took from `since`.
fn until(since: Instant, mut done: impl FnMut() -> bool) -> Duration {
    let deadline = Instant::now() + Duration::from_secs(300);
    while !done() {
        assert!(Instant::now() < deadline, "gave up waiting");
        std::thread::sleep(Duration::from_millis(1));
    }
    since.elapsed()
}

/// The step under way on the loading screen ("▸ align"), or what else shows.
fn step(screen: &str) -> String {
    if screen.contains("]/[") {
        return "review screen".into();
    }
    screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("▸ "))
        .unwrap_or("(nothing yet)")
        .to_string()
}

fn main() {
    let kb: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5000);
    let (left, right) = common::pair(kb * 1000, common::seed(kb));
    let dir = tempfile::TempDir::with_prefix("tandem-bench-loading-").expect("temp dir");
    let (l, r, notes) = (
        dir.path().join("left.txt"),
        dir.path().join("right.txt"),
        dir.path().join("notes.json"),
    );
    std::fs::write(&l, &left).expect("write");
    std::fs::write(&r, &right).expect("write");
    let args = [
        "--notes",
        notes.to_str().unwrap(),
        l.to_str().unwrap(),
        r.to_str().unwrap(),
    ];
    // The palette is given, so tandem does not wait for the terminal's answer.
    let spawn = || {
        Pty::spawn(
            env!("CARGO_BIN_EXE_tandem"),
            &args,
            dir.path(),
            &[("COLORFGBG", "15;0")],
        )
    };

    let (mut firsts, mut readies) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let start = Instant::now();
        let mut p = spawn();
        firsts.push(until(start, || {
            p.contents().contains("opening the articles")
        }));
        readies.push(until(start, || p.contents().contains("]/[")));
        p.press(b"q");
        until(start, || p.exited());
    }
    let ready = median(readies);
    println!("{kb} KB per side, terminal {}x{}", pty::COLS, pty::ROWS);
    println!(
        "start to first frame (the loading screen): {}",
        ms(median(firsts))
    );
    println!("start to the review screen:                {}", ms(ready));

    println!("q pressed at    step shown                     exit after q");
    for percent in [0, 10, 30, 50, 70, 90] {
        let at = ready.mul_f64(f64::from(percent) / 100.0);
        let mut latencies = Vec::new();
        let mut shown = String::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let mut p = spawn();
            until(start, || p.contents().contains("opening the articles"));
            std::thread::sleep(at.saturating_sub(start.elapsed()));
            shown = step(&p.contents());
            let pressed = Instant::now();
            p.press(b"q");
            latencies.push(until(pressed, || p.exited()));
        }
        println!(
            "{:>8} ({percent:>2}%)  {shown:<30} {}",
            ms(at),
            ms(median(latencies))
        );
    }
}
