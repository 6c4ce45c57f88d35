//! Review-screen speed on generated 1 MB articles.
//!
//! `cargo bench --bench screen` prints:
//! - start to first frame: reading both files, aligning and comparing them,
//!   laying out the screen and drawing the first frame (on ratatui's
//!   TestBackend, so terminal output speed is left out);
//! - the median time to draw one 200x50 frame, at the top, middle and end
//!   of the aligned view and in the reading view;
//! - folding both views (`z`) and drawing a folded frame;
//! - the time to lay the screen out again after a resize.

#[allow(dead_code, reason = "the generated gold is for the align benchmark")]
mod common;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tandem::core::pipeline;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Median time to draw a frame of `app`.
fn frame_time(app: &App, terminal: &mut Terminal<TestBackend>) -> Duration {
    let times: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            terminal.draw(|f| view::draw(f, app)).expect("test backend");
            t.elapsed()
        })
        .collect();
    median(times)
}

fn main() {
    let kb: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let (left, right) = common::pair(kb * 1000, common::seed(kb));
    let dir = tempfile::TempDir::with_prefix("tandem-bench-").expect("temp dir");
    let (lp, rp) = (dir.path().join("left.txt"), dir.path().join("right.txt"));
    std::fs::write(&lp, &left).expect("write");
    std::fs::write(&rp, &right).expect("write");

    let mut starts = Vec::new();
    let mut app = None;
    for _ in 0..3 {
        let t = Instant::now();
        // The way `tandem` itself goes: both sides read at once, then aligned and compared.
        let (l, r) = pipeline::load_both(lp.to_str().unwrap(), rp.to_str().unwrap(), None, &|_| {})
            .expect("load");
        let a = App::new(
            pipeline::compare(l, r, &|_| {}),
            WIDTH,
            HEIGHT,
            Theme::new(Palette::Dark),
        );
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
        terminal.draw(|f| view::draw(f, &a)).expect("test backend");
        starts.push(t.elapsed());
        app = Some(a);
    }
    let mut app = app.expect("ran");
    println!(
        "{kb} KB per side, {} + {} sentences, {} units, screen {WIDTH}x{HEIGHT}",
        app.review.cmp.left.sentences.len(),
        app.review.cmp.right.sentences.len(),
        app.review.units.len()
    );
    println!(
        "start to first frame (load, align, compare, layout, draw): {}",
        ms(median(starts))
    );

    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
    println!(
        "frame, aligned view, top:    {}",
        ms(frame_time(&app, &mut terminal))
    );
    for _ in 0..app.review.units.len() / 2 {
        update(&mut app, Action::FocusNext);
    }
    println!(
        "frame, aligned view, middle: {}",
        ms(frame_time(&app, &mut terminal))
    );
    // A keystroke's update alone (no drawing): the next difference and back.
    let keys: Vec<Duration> = (0..200)
        .map(|k| {
            let t = Instant::now();
            update(
                &mut app,
                if k % 2 == 0 {
                    Action::NextDifference
                } else {
                    Action::PrevDifference
                },
            );
            t.elapsed()
        })
        .collect();
    println!(
        "keystroke ]/[ (update only), middle: {:.1} µs",
        median(keys).as_secs_f64() * 1e6
    );
    update(&mut app, Action::Bottom);
    println!(
        "frame, aligned view, end:    {}",
        ms(frame_time(&app, &mut terminal))
    );
    update(&mut app, Action::ToggleView);
    println!(
        "frame, reading view, end:    {}",
        ms(frame_time(&app, &mut terminal))
    );
    update(&mut app, Action::ToggleView);
    let t = Instant::now();
    update(&mut app, Action::Fold);
    println!("z (fold both views): {}", ms(t.elapsed()));
    println!(
        "frame, aligned view, folded: {}",
        ms(frame_time(&app, &mut terminal))
    );
    let t = Instant::now();
    update(
        &mut app,
        Action::Resize {
            width: WIDTH - 40,
            height: HEIGHT,
        },
    );
    println!("resize (new layout of both views): {}", ms(t.elapsed()));
}
