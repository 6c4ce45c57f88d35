//! Every ≠ says why, on the screen: on the sample pair, every divergent
//! passage has its changed facts emphasised in the panes, and when it is
//! focused the suggestion bar shows a suggestion, never "no open suggestion
//! here". Only reworded passages are aligned.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tandem::cli::samples;
use tandem::core::compare::Comparison;
use tandem::core::compare::classify::Kind;
use tandem::core::compare::units::Unit;
use tandem::tui::action::Action;
use tandem::tui::app::App;
use tandem::tui::theme::{Palette, Theme};
use tandem::tui::update::update;
use tandem::tui::view;

fn render(app: &App) -> Buffer {
    let (w, h) = app.viewport.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn divergent_units(app: &App) -> Vec<usize> {
    (0..app.review.units.len())
        .filter(
            |&u| matches!(app.review.units[u], Unit::Link(k) if app.review.cmp.links[k].kind == Kind::Divergent),
        )
        .collect()
}

#[test]
fn every_divergent_link_of_the_sample_carries_a_discrepancy() {
    let (l, r) = samples::pair();
    let cmp = Comparison::new(l, r);
    let divergent: Vec<_> = cmp
        .links
        .iter()
        .filter(|l| l.kind == Kind::Divergent)
        .collect();
    assert!(!divergent.is_empty());
    assert!(divergent.iter().all(|l| !l.discrepancies.is_empty()));
    assert!(
        cmp.links
            .iter()
            .filter(|l| l.kind == Kind::Aligned)
            .all(|l| l.discrepancies.is_empty())
    );
}

#[test]
fn every_divergent_passage_shows_its_reason() {
    let (l, r) = samples::pair();
    let cmp = Comparison::new(l, r);
    let probe = App::new(cmp.clone(), 160, 45, Theme::new(Palette::Dark));
    let rows = u16::try_from(probe.viewport.aligned.stack.total + 12).unwrap();
    let app = App::new(cmp.clone(), 160, rows, Theme::new(Palette::Dark));
    let buf = render(&app);
    let g = app.viewport.geometry();
    for unit in divergent_units(&app) {
        let emphasised = app.viewport.aligned.stack.rows(unit).any(|row| {
            let y = g.left.y + u16::try_from(row).unwrap();
            (0..buf.area.width).any(|x| {
                buf[(x, y)]
                    .modifier
                    .contains(Modifier::BOLD | Modifier::UNDERLINED)
            })
        });
        assert!(emphasised, "divergent unit {unit} has no emphasised fact");
    }

    // Focused, each divergent passage puts a suggestion in the bar.
    let mut app = App::new(cmp, 160, 45, Theme::new(Palette::Dark));
    let targets = divergent_units(&app);
    for unit in targets {
        while app.viewport.focus < unit {
            update(&mut app, Action::FocusNext);
        }
        let buf = render(&app);
        let screen: String = (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        assert!(
            !screen.contains("no open suggestion here"),
            "unit {unit}:\n{screen}"
        );
    }
}

/// In the text report, every ≠ link is followed by at least one "!" line
/// that says what differs.
#[test]
fn every_divergent_link_of_the_text_report_says_why() {
    let (l, r) = samples::pair();
    let report = tandem::report::text::render(&Comparison::new(l, r), 100);
    let blocks: Vec<&str> = report.split("\n\n").collect();
    let divergent: Vec<&&str> = blocks
        .iter()
        .filter(|b| b.trim_start().starts_with('≠'))
        .collect();
    assert!(!divergent.is_empty());
    for b in divergent {
        assert!(
            b.lines().any(|l| l.trim_start().starts_with("! ")),
            "no reason in\n{b}"
        );
    }
}
