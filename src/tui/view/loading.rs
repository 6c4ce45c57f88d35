//! The loading screen: what each article turned out to be, the steps done
//! and the one under way, and for a large pair a bar against the expected
//! time. Drawn without colour as well: the marks and the bar are glyphs.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::{sanitize, width};
use crate::tui::keymap;
use crate::tui::mode::Mode;
use crate::tui::progress::{Article, Progress, Step};
use crate::tui::theme::Theme;

/// Widest the text of the screen grows, so it stays readable on a wide terminal.
const MAX_WIDTH: u16 = 72;

pub fn draw(frame: &mut Frame, progress: &Progress, elapsed: Duration, theme: &Theme) {
    let area = frame.area();
    let columns = area.width.min(MAX_WIDTH);
    let lines = lines(
        progress,
        elapsed,
        theme,
        usize::from(columns.saturating_sub(2)),
    );
    let height = (lines.len() as u16).min(area.height);
    let at = Rect::new(
        area.x + (area.width - columns) / 2,
        area.y + (area.height - height) / 2,
        columns,
        height,
    );
    frame.render_widget(Paragraph::new(lines).style(theme.text), at);
}

fn lines(
    progress: &Progress,
    elapsed: Duration,
    theme: &Theme,
    columns: usize,
) -> Vec<Line<'static>> {
    let mut out = vec![
        Line::styled("tandem · opening the articles", theme.title),
        Line::raw(""),
    ];
    let names = progress
        .articles
        .clone()
        .map(|a| sanitize(a.name.as_deref().unwrap_or("")));
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0);
    for ((label, article), name) in ["left ", "right"]
        .into_iter()
        .zip(&progress.articles)
        .zip(names)
    {
        out.push(article_line(
            label,
            &name,
            name_width,
            article,
            progress.step > Step::Read,
            theme,
            columns,
        ));
    }
    out.push(Line::raw(""));
    for step in Step::ALL {
        let (mark, style) = match step.cmp(&progress.step) {
            std::cmp::Ordering::Less => ("✓", theme.text),
            std::cmp::Ordering::Equal => ("▸", theme.title),
            std::cmp::Ordering::Greater => ("·", theme.placeholder),
        };
        let detail = match (step, progress.links) {
            (Step::Compare, Some(links)) => format!(" ({links} linked passages)"),
            _ => String::new(),
        };
        out.push(Line::styled(
            format!("{mark} {}{detail}", step.label()),
            style,
        ));
    }
    out.push(Line::raw(""));
    out.push(clock(progress.expected, elapsed, theme, columns));
    out.push(Line::raw(""));
    out.push(Line::styled(
        keymap::hints(Mode::Loading, &[], " ", "  "),
        theme.placeholder,
    ));
    out
}

/// "left  a.txt  5.0 MB · 41210 sentences", the name shortened from the
/// front when it does not fit (its end says most).
fn article_line(
    label: &str,
    name: &str,
    name_width: usize,
    article: &Article,
    read: bool,
    theme: &Theme,
    columns: usize,
) -> Line<'static> {
    let facts = match (article.bytes, article.sentences) {
        (Some(b), Some(s)) => format!("{} · {s} sentences", size(b)),
        (Some(b), None) => format!("{} · splitting…", size(b)),
        // The bundled sample is not read from a file.
        (None, Some(s)) => format!("{s} sentences"),
        (None, None) if read || article.name.is_some() => "reading…".into(),
        (None, None) => "waiting".into(),
    };
    let room = columns.saturating_sub(width(label) + width(&facts) + 4);
    let name = shorten(name, room);
    let pad = name_width.min(room).saturating_sub(width(&name));
    Line::from(vec![
        Span::styled(format!("{label}  "), theme.title),
        Span::raw(name),
        Span::raw(" ".repeat(pad + 2)),
        Span::styled(facts, Style::default()),
    ])
}

/// The last characters of `name` that fit in `room` columns, after "…".
fn shorten(name: &str, room: usize) -> String {
    if width(name) <= room {
        return name.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 1;
    for c in name.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} bytes"),
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// The time so far; for a large pair, a bar against the expected time and
/// the expectation itself, which it says when a load outruns it.
fn clock(
    expected: Option<Duration>,
    elapsed: Duration,
    theme: &Theme,
    columns: usize,
) -> Line<'static> {
    let Some(expected) = expected else {
        return Line::styled(seconds(elapsed), theme.placeholder);
    };
    let about = format!("about {:.0} s", expected.as_secs_f64().max(1.0));
    let text = if elapsed <= expected {
        format!(" {} of {about}", seconds(elapsed))
    } else {
        format!(" {} (expected: {about})", seconds(elapsed))
    };
    let bar = columns.saturating_sub(width(&text)).min(30);
    let filled = ((elapsed.as_secs_f64() / expected.as_secs_f64()).min(1.0) * bar as f64) as usize;
    Line::from(vec![
        Span::styled("█".repeat(filled), theme.title),
        Span::styled("░".repeat(bar - filled), theme.placeholder),
        Span::raw(text),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Side;
    use crate::core::pipeline::Stage;

    #[test]
    fn long_names_keep_their_end() {
        assert_eq!(shorten("articles/2026/kremlin.txt", 12), "…kremlin.txt");
        assert_eq!(shorten("a.txt", 12), "a.txt");
        assert_eq!(size(5_012_345), "5.0 MB");
        assert_eq!(size(812_345), "812 KB");
    }

    fn screen(progress: &Progress, elapsed: Duration, width: u16, height: u16) -> String {
        use crate::tui::theme::Palette;
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                .expect("a test terminal");
        terminal
            .draw(|f| draw(f, progress, elapsed, &Theme::new(Palette::Dark)))
            .expect("drawing on a test terminal");
        let buffer = terminal.backend().buffer();
        buffer
            .content
            .chunks(usize::from(width))
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn the_screen_says_what_is_known_and_fits_any_size() {
        let mut p = Progress::default();
        p.record(
            Stage::Reading {
                side: Side::Left,
                name: "left\x1b[31m.txt".into(),
            },
            Duration::ZERO,
        );
        p.record(
            Stage::Read {
                side: Side::Left,
                bytes: 5_000_000,
            },
            Duration::from_millis(5),
        );
        p.record(
            Stage::Segmented {
                side: Side::Left,
                sentences: 48_303,
            },
            Duration::from_millis(150),
        );
        p.record(
            Stage::Reading {
                side: Side::Right,
                name: "right.txt".into(),
            },
            Duration::from_millis(150),
        );
        p.record(
            Stage::Read {
                side: Side::Right,
                bytes: 5_000_000,
            },
            Duration::from_millis(155),
        );
        let text = screen(&p, Duration::from_millis(1500), 80, 24);
        assert!(
            text.contains("5.0 MB · 48303 sentences") && text.contains("5.0 MB · splitting…"),
            "{text}"
        );
        assert!(
            text.contains("1.5 s of about 2 s") && text.contains("q quit"),
            "{text}"
        );
        assert!(
            !text.contains('\x1b'),
            "no escape from a file name reaches the terminal"
        );
        for (w, h) in [(1, 1), (10, 3), (40, 8), (200, 60)] {
            screen(&p, Duration::from_secs(9), w, h);
        }
        assert!(screen(&p, Duration::from_secs(9), 80, 24).contains("9.0 s (expected: about 2 s)"));
    }
}
