//! Resize storms through the real draw code on ratatui's TestBackend: the
//! terminal may change size again before the review screen hears of the
//! last change, so a frame can be smaller or larger than the screen's
//! layout (a 5.8 MB pair under resizes every 30 ms panicked in `text_row`,
//! "index outside of buffer"). Whatever the two sizes, down to 1x1 and no
//! width at all, no draw may write outside its buffer, in the loading
//! screen at every step and on the review screen in every view.

use std::time::Duration;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use tandem::cli::samples;
use tandem::core::Side;
use tandem::core::compare::Comparison;
use tandem::core::pipeline::Stage;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::progress::{Progress, Step as Loading};
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

/// A terminal size, tiny ones and no width or height at all included.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        (0u16..4, 0u16..4),
        (0u16..300, 0u16..120),
        Just((1, 1)),
        Just((0, 24)),
        Just((80, 0)),
    ]
}

/// What happens between two frames: the screen hears of a size (not
/// necessarily the terminal's), or the user moves.
#[derive(Debug, Clone)]
enum Step {
    Heard(u16, u16),
    Act(Action),
}

fn step() -> impl Strategy<Value = Step> {
    let moves = vec![
        Action::NextDifference,
        Action::PrevDifference,
        Action::Bottom,
        Action::ToggleView,
        Action::ToggleHelp,
        Action::SwitchPane,
        Action::OpenTag,
        Action::PageDown,
    ];
    prop_oneof![
        3 => size().prop_map(|(w, h)| Step::Heard(w, h)),
        1 => prop::sample::select(moves).prop_map(Step::Act),
    ]
}

/// Draws `app` on a terminal of `(w, h)`.
fn draw(terminal: &mut Terminal<TestBackend>, (w, h): (u16, u16), app: &App) {
    terminal.backend_mut().resize(w, h);
    terminal.resize(Rect::new(0, 0, w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_review_screen_draws_at_any_size_it_has_not_heard_of(
        steps in prop::collection::vec((step(), size()), 1..40),
    ) {
        let (l, r) = samples::pair();
        let mut app = App::new(Comparison::new(l, r), 100, 30, Theme::new(Palette::Dark));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        for (step, terminal_size) in steps {
            match step {
                Step::Heard(width, height) => {
                    update(&mut app, Action::Resize { width, height });
                }
                Step::Act(action) => {
                    update(&mut app, action);
                }
            }
            draw(&mut terminal, terminal_size, &app);
        }
    }

    #[test]
    fn the_loading_screen_draws_at_any_size_at_every_step(
        sizes in prop::collection::vec(size(), 1..20),
    ) {
        let mut progress = Progress::default();
        let stages = [
            Stage::Reading { side: Side::Left, name: "left.txt".into() },
            Stage::Read { side: Side::Left, bytes: 5_800_000 },
            Stage::Segmented { side: Side::Left, sentences: 48_303 },
            Stage::Reading { side: Side::Right, name: "right.txt".into() },
            Stage::Read { side: Side::Right, bytes: 5_800_000 },
            Stage::Segmented { side: Side::Right, sentences: 48_100 },
            Stage::Aligning,
            Stage::Comparing { links: 40_000 },
        ];
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let theme = Theme::new(Palette::Dark);
        let last = stages.len();
        for k in 0..=last {
            match stages.get(k) {
                Some(stage) => progress.record(stage.clone(), Duration::from_millis(100 * k as u64)),
                // Wrapping both views: the step the screen reports itself.
                None => progress.step = Loading::LayOut,
            }
            for &(w, h) in &sizes {
                terminal.backend_mut().resize(w, h);
                terminal.resize(Rect::new(0, 0, w, h)).unwrap();
                terminal
                    .draw(|f| view::loading::draw(f, &progress, Duration::from_secs(3), &theme))
                    .unwrap();
            }
        }
    }
}
