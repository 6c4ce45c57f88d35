//! The dialogs of the notes: category, note text, notes list,
//! confirmations, save elsewhere, export.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::core::Category;
use crate::core::notes::Anchor;
use crate::display::sanitize;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::dialog::{self, Dialog, Target};
use crate::tui::keymap::{bindings, hints};
use crate::tui::mode::{Mode, Side};

/// A centred box of at most `width` x `height` cells.
fn centred(screen: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (
        width.min(screen.width.saturating_sub(2)),
        height.min(screen.height.saturating_sub(2)),
    );
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

/// A framed box over nearly the whole screen, for the dialogs that list
/// things (notes, the summary, the history): its inner area.
fn large_box(frame: &mut Frame, screen: Rect, title: &str) -> Rect {
    let area = centred(
        screen,
        screen.width.saturating_sub(4),
        screen.height.saturating_sub(2),
    );
    frame_box(frame, area, title)
}

fn frame_box(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The hints of a mode for a dialog: "Enter save · Esc cancel".
fn dialog_hints(mode: Mode) -> String {
    hints(mode, &[], " ", " · ")
}

fn quote(a: Option<&Anchor>, width: usize) -> String {
    a.map_or_else(
        || "—".to_string(),
        |a| {
            let text = sanitize(&a.exact);
            if text.chars().count() > width {
                format!(
                    "{}…",
                    text.chars()
                        .take(width.saturating_sub(1))
                        .collect::<String>()
                )
            } else {
                text
            }
        },
    )
}

fn target_lines(t: &Target, width: usize) -> Vec<Line<'static>> {
    Side::BOTH
        .map(|side| {
            Line::from(format!(
                "{:6} {}",
                format!("{}:", side.name()),
                quote(t.get(side), width)
            ))
        })
        .into()
}

/// The tag dialog's menu: every category with its digit if it has one,
/// the one moved to in `marked`, then the dialog's other keys (the keys
/// that move only when some category has no digit to pick it).
fn category_menu(selected: Option<usize>, marked: Style) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Category::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let digit = dialog::category_digit(i).map_or(String::new(), |d| d.to_string());
            let text = format!("  {digit:6} {}", c.label());
            match selected {
                Some(s) if s == i => Line::from(Span::styled(text, marked)),
                _ => Line::from(text),
            }
        })
        .collect();
    let all_have_digits = dialog::category_digit(Category::ALL.len() - 1).is_some();
    let moving = [Action::ListNext, Action::ListPrev, Action::Submit];
    lines.extend(
        menu(Mode::PickCategory)
            .into_iter()
            .zip(bindings(Mode::PickCategory))
            .filter(|(_, b)| match b.action() {
                Some(Action::PickCategory(_)) => false,
                Some(a) if moving.contains(a) => !all_have_digits,
                _ => true,
            })
            .map(|(line, _)| line),
    );
    lines
}

/// Lines listing the bindings of `mode` as "key  description".
fn menu(mode: Mode) -> Vec<Line<'static>> {
    bindings(mode)
        .map(|b| {
            Line::from(format!(
                "  {:6} {}",
                b.keys
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join("/"),
                b.help
            ))
        })
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, screen: Rect) {
    let bold = app.theme.title;
    match &app.input.dialog {
        None => {}
        Some(Dialog::PickCategory { target, selected }) => {
            let menu = category_menu(*selected, bold.add_modifier(Modifier::REVERSED));
            // Two lines of target and one blank above the menu, in borders.
            let height = u16::try_from(menu.len() + 5).unwrap_or(u16::MAX).max(18);
            let area = centred(screen, 70, height);
            let inner = frame_box(frame, area, " Tag: pick a category ");
            let mut lines = target_lines(target, usize::from(inner.width).saturating_sub(8));
            lines.push(Line::default());
            lines.extend(menu);
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Some(Dialog::Write {
            target,
            category,
            editor,
            editing,
            ..
        }) => {
            let area = centred(screen, 80, 14);
            let title = format!(
                " {} note: {} ",
                if editing.is_some() { "Edit" } else { "New" },
                category.label()
            );
            let inner = frame_box(frame, area, &title);
            let mut lines = target_lines(target, usize::from(inner.width).saturating_sub(8));
            lines.push(Line::from(Span::styled(
                dialog_hints(Mode::Write),
                app.theme.placeholder,
            )));
            let head = lines.len() as u16;
            frame.render_widget(
                Paragraph::new(lines),
                Rect::new(inner.x, inner.y, inner.width, head.min(inner.height)),
            );
            let field = Rect::new(
                inner.x,
                inner.y + head,
                inner.width,
                inner.height.saturating_sub(head),
            );
            let mut editor = editor.clone();
            editor.set_block(Block::default().borders(Borders::TOP).title(" note "));
            frame.render_widget(&editor, field);
        }
        Some(Dialog::NotesList { selected }) | Some(Dialog::ConfirmDelete { selected, .. }) => {
            let inner = large_box(frame, screen, " Notes ");
            let Some(book) = &app.notes.notebook else {
                return;
            };
            let width = usize::from(inner.width).saturating_sub(10);
            let mut lines: Vec<Line> =
                crate::display::wrap(&dialog_hints(Mode::NotesList), usize::from(inner.width))
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, app.theme.placeholder)))
                    .collect();
            let head = lines.len();
            for (i, n) in book.file.notes.iter().enumerate() {
                let orphan = if n.is_orphan() {
                    " · ORPHANED (quote kept)"
                } else {
                    ""
                };
                let first = sanitize(n.text.lines().next().unwrap_or(""));
                let head = format!(
                    "{} {} · {}{orphan} · {}",
                    if i == *selected { "▶" } else { " " },
                    n.category.id(),
                    n.status.id(),
                    first
                );
                let style = if i == *selected {
                    bold.add_modifier(Modifier::REVERSED)
                } else {
                    bold
                };
                lines.push(Line::from(Span::styled(head, style)));
                lines.push(Line::from(format!(
                    "    left:  {}",
                    quote(n.left.as_ref(), width)
                )));
                lines.push(Line::from(format!(
                    "    right: {}",
                    quote(n.right.as_ref(), width)
                )));
            }
            // Keep the selected note in view.
            let rows = usize::from(inner.height);
            let scroll = (head + 3 * selected + 3).saturating_sub(rows);
            frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
            if let Some(Dialog::ConfirmDelete { .. }) = &app.input.dialog {
                let b = centred(screen, 44, 3);
                let inner = frame_box(frame, b, " Delete this note? ");
                frame.render_widget(
                    Paragraph::new(hints(Mode::ConfirmDelete, &[], ": ", " · ")),
                    inner,
                );
            }
        }
        Some(Dialog::ConfirmQuit) => {
            let area = centred(screen, 72, 7);
            let inner = frame_box(frame, area, " Notes are not saved ");
            let path = app
                .notes
                .notebook
                .as_ref()
                .map(|b| b.path.display().to_string())
                .unwrap_or_default();
            let keys = hints(Mode::ConfirmQuit, &[], ": ", " · ");
            let text = format!(
                "The notes could not be written to {}.\nQuitting now loses them.\n\n{keys}",
                sanitize(&path)
            );
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
        Some(Dialog::SaveAs { editor }) => {
            let area = centred(screen, 80, 5);
            let inner = frame_box(
                frame,
                area,
                &format!(
                    " Save the notes to ({}) ",
                    hints(Mode::SaveAs, &[], ": ", " · ")
                ),
            );
            frame.render_widget(editor, inner);
        }
        Some(Dialog::ConfirmReplace { path }) => {
            let area = centred(screen, 72, 7);
            let inner = frame_box(frame, area, " Replace this file? ");
            let keys = hints(Mode::ConfirmReplace, &[], ": ", " · ");
            let text = format!(
                "{} already exists.\nSaving the notes there replaces it.\n\n{keys}",
                sanitize(&path.display().to_string())
            );
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
        Some(Dialog::KeepUnreadable { path, reason }) => {
            let area = centred(screen, 76, 8);
            let inner = frame_box(frame, area, " Keep this file? ");
            let keys = hints(Mode::KeepUnreadable, &[], ": ", " · ");
            let text = format!(
                "{} cannot be read as notes ({}): keep it and save elsewhere?\n\n{keys}",
                sanitize(&path.display().to_string()),
                sanitize(reason)
            );
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
        Some(Dialog::History { selected }) => {
            let inner = large_box(
                frame,
                screen,
                &format!(" History of the facts ({}) ", dialog_hints(Mode::History)),
            );
            let rows = app.versions.as_ref().map_or(&[][..], |v| &v.history);
            let lines: Vec<Line> = rows
                .iter()
                .enumerate()
                .map(|(i, row)| match i == *selected {
                    true => Line::from(Span::styled(
                        row.text.clone(),
                        bold.add_modifier(Modifier::REVERSED),
                    )),
                    false => Line::from(row.text.clone()),
                })
                .collect();
            let scroll = (selected + 2).saturating_sub(usize::from(inner.height));
            frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
        }
        Some(Dialog::Summary { selected }) => {
            let inner = large_box(
                frame,
                screen,
                &format!(" Review summary ({}) ", dialog_hints(Mode::Summary)),
            );
            let items = crate::tui::suggestions::summary(app);
            let lines: Vec<Line> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let text = sanitize(&item.text);
                    if i == *selected {
                        Line::from(Span::styled(text, bold.add_modifier(Modifier::REVERSED)))
                    } else if item.unit.is_none() {
                        Line::from(Span::styled(text, bold))
                    } else {
                        Line::from(text)
                    }
                })
                .collect();
            let scroll = (selected + 2).saturating_sub(usize::from(inner.height));
            frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
        }
        Some(Dialog::Export) => {
            let area = centred(screen, 60, 8);
            let inner = frame_box(frame, area, " Export the notes beside the notes file ");
            frame.render_widget(Paragraph::new(menu(Mode::Export)), inner);
        }
    }
}
