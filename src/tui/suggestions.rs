//! Suggested discrepancies on the review screen: which are open for the
//! focused passage, accepting one as a note, rejecting one for good, and
//! the summary of the whole review. Handlers return the writing they need
//! as effects and call only `notes` and `navigation` below them; the
//! queries (`open_suggestions`, `summary`) only read.

use ratatui_textarea::{CursorMove, TextArea};

use super::action::Effect;
use super::app::App;
use super::dialog::{Dialog, Target};
use super::mode::Side;
use super::{navigation, notes};
use crate::core::compare::classify::Kind;
use crate::core::compare::units::Unit;
use crate::core::detect::Discrepancy;
use crate::core::notes::{Anchor, Rejected};
use crate::display::sanitize;

/// The link shown by a unit, if any.
fn link_of(app: &App, unit: usize) -> Option<usize> {
    match app.review.units.get(unit)? {
        Unit::Link(k) | Unit::MovedHere(k) => Some(*k),
        _ => None,
    }
}

fn is_open(app: &App, d: &Discrepancy) -> bool {
    !app.notes
        .notebook
        .as_ref()
        .is_some_and(|b| b.handled(&d.key()))
}

/// The suggestions of a unit the reviewer has neither accepted nor rejected.
pub fn open_suggestions(app: &App, unit: usize) -> Vec<&Discrepancy> {
    link_of(app, unit).map_or_else(Vec::new, |k| {
        app.review.cmp.links[k]
            .discrepancies
            .iter()
            .filter(|d| is_open(app, d))
            .collect()
    })
}

/// The suggestion the bar shows for the focused unit.
pub fn current(app: &App) -> Option<&Discrepancy> {
    shown(app, &open_suggestions(app, app.viewport.focus))
}

/// Which of the focused unit's `open` suggestions the bar shows.
pub fn shown<'a>(app: &App, open: &[&'a Discrepancy]) -> Option<&'a Discrepancy> {
    (!open.is_empty()).then(|| open[app.input.suggestion % open.len()])
}

pub fn next(app: &mut App) {
    app.input.suggestion += 1;
}

/// Opens the note dialog filled in from the current suggestion.
pub fn accept(app: &mut App) {
    let Some(d) = current(app).cloned() else {
        app.message = Some("no open suggestion here".into());
        return;
    };
    let passage = app.target(app.viewport.focus);
    let anchor = |side: Side, span: Option<(usize, usize)>, whole: Option<Anchor>| {
        span.map(|(s, e)| Anchor::new(&app.review.doc(side).text, s, e))
            .or(whole)
    };
    let target = Target {
        left: anchor(Side::Left, d.left, passage.left),
        right: anchor(Side::Right, d.right, passage.right),
    };
    let quote = |t: &str| {
        if t.is_empty() {
            "(nothing)".to_string()
        } else {
            format!("“{t}”")
        }
    };
    let text = format!(
        "{}: {} / {}",
        d.explanation,
        quote(&d.left_text),
        quote(&d.right_text)
    );
    let mut editor = TextArea::new(vec![text]);
    editor.move_cursor(CursorMove::End);
    app.input.dialog = Some(Dialog::Write {
        target,
        category: d.category,
        editor,
        editing: None,
        suggestion: Some(d.key()),
    });
}

pub fn reject(app: &mut App) -> Vec<Effect> {
    let Some(d) = current(app).cloned() else {
        app.message = Some("no open suggestion here".into());
        return Vec::new();
    };
    let what = format!(
        "rejected {} “{}” / “{}”",
        d.category.id(),
        sanitize(&d.left_text),
        sanitize(&d.right_text)
    );
    let effects = notes::decide(app, what.clone(), |book| book.reject(&d));
    app.input.decided = Some(what);
    app.message = Some("rejected".into());
    effects
}

/// The suggestions rejected in this notebook, with the unit each one is
/// about (if the comparison still finds it).
pub fn rejected(app: &App) -> Vec<(&Rejected, Option<usize>)> {
    let Some(book) = &app.notes.notebook else {
        return Vec::new();
    };
    if book.file.rejected.is_empty() {
        return Vec::new();
    }
    let mut unit_of_key = std::collections::HashMap::new();
    for (u, unit) in app.review.units.iter().enumerate() {
        if let Unit::Link(k) = unit {
            for d in &app.review.cmp.links[*k].discrepancies {
                unit_of_key.entry(d.key()).or_insert(u);
            }
        }
    }
    book.file
        .rejected
        .iter()
        .map(|r| (r, unit_of_key.get(&r.key).copied()))
        .collect()
}

/// `r` in the summary on a rejected suggestion: suggested again.
pub fn restore(app: &mut App) -> Vec<Effect> {
    let Some(Dialog::Summary { selected }) = app.input.dialog else {
        return Vec::new();
    };
    let Some(key) = summary(app).get(selected).and_then(|i| i.rejected.clone()) else {
        app.message = Some("not a rejected suggestion".into());
        return Vec::new();
    };
    let effects = notes::decide(app, "restored a rejected suggestion".into(), |book| {
        book.unreject(&key);
    });
    app.message = Some("suggested again".into());
    // The list is shorter by one: stay on an item that jumps.
    let count = summary(app).len();
    if let Some(Dialog::Summary { selected }) = &mut app.input.dialog {
        *selected = (*selected).min(count.saturating_sub(1));
    }
    effects
}

/// One line of the summary; `unit` is where Enter jumps.
pub struct Item {
    pub text: String,
    pub unit: Option<usize>,
    /// The key of a rejected suggestion, which `r` restores.
    pub rejected: Option<String>,
}

/// Byte share of an article's sentences that have a counterpart.
fn coverage(app: &App, side: Side) -> f64 {
    let doc = app.review.doc(side);
    let total: usize = doc.sentences.iter().map(|s| s.end - s.start).sum();
    // Every sentence shown in a link's unit has a counterpart.
    let linked: usize = (0..doc.sentences.len())
        .filter(|&i| {
            app.review.unit_of_sentence[side.index()][i]
                .is_some_and(|u| matches!(app.review.units[u], Unit::Link(_)))
        })
        .map(|i| doc.sentences[i].end - doc.sentences[i].start)
        .sum();
    if total == 0 {
        0.0
    } else {
        100.0 * linked as f64 / total as f64
    }
}

/// The summary: counts, coverage, open suggestions and omissions.
pub fn summary(app: &App) -> Vec<Item> {
    let aligned = app
        .review
        .cmp
        .links
        .iter()
        .filter(|l| l.kind == Kind::Aligned)
        .count();
    let unique = |f: fn(&Unit) -> bool| app.review.units.iter().filter(|u| f(u)).count();
    let mut out = vec![
        Item {
            text: format!(
                "{aligned} aligned, {} divergent, {} moved; unique passages: {} left, {} right",
                app.review.cmp.links.len() - aligned,
                app.review.cmp.links.iter().filter(|l| l.link.moved).count(),
                unique(|u| matches!(u, Unit::LeftOnly(_))),
                unique(|u| matches!(u, Unit::RightOnly(_)))
            ),
            unit: None,
            rejected: None,
        },
        Item {
            text: format!(
                "with a counterpart: {:.0}% of the left article, {:.0}% of the right article",
                coverage(app, Side::Left),
                coverage(app, Side::Right)
            ),
            unit: None,
            rejected: None,
        },
        // Which language's word lists the detectors read, so that a language
        // without lists is said, never silent.
        Item {
            text: format!("rules: left {}", app.review.cmp.left.language.rules_note()),
            unit: None,
            rejected: None,
        },
        Item {
            text: format!(
                "rules: right {}",
                app.review.cmp.right.language.rules_note()
            ),
            unit: None,
            rejected: None,
        },
    ];
    let suggestions: Vec<Item> = (0..app.review.units.len())
        .filter(|&u| !matches!(app.review.units[u], Unit::MovedHere(_)))
        .flat_map(|u| {
            open_suggestions(app, u).into_iter().map(move |d| Item {
                text: format!(
                    "  {}: “{}” / “{}”: {}",
                    d.category.id(),
                    d.left_text,
                    d.right_text,
                    d.explanation
                ),
                unit: Some(u),
                rejected: None,
            })
        })
        .collect();
    out.push(Item {
        text: format!("Open suggestions ({})", suggestions.len()),
        unit: None,
        rejected: None,
    });
    out.extend(suggestions);
    let rejected = rejected(app);
    let again = if rejected.is_empty() {
        ""
    } else {
        ": r suggests one again"
    };
    out.push(Item {
        text: format!("Rejected suggestions ({}){again}", rejected.len()),
        unit: None,
        rejected: None,
    });
    for (r, unit) in rejected {
        let text = format!(
            "  {}: “{}” / “{}”: {}",
            r.category.id(),
            sanitize(&r.left),
            sanitize(&r.right),
            sanitize(&r.explanation)
        );
        out.push(Item {
            text,
            unit,
            rejected: Some(r.key.clone()),
        });
    }
    out.push(Item {
        text: format!(
            "Named in one article only ({})",
            app.review.cmp.omissions.len()
        ),
        unit: None,
        rejected: None,
    });
    for o in &app.review.cmp.omissions {
        // The core names the side as text; it is read here and nowhere else.
        let side = o.side;
        let unit = app.review.unit_at(side, o.at.0);
        out.push(Item {
            text: format!(
                "  {} ({}, only in the {} article)",
                o.text,
                o.category.id(),
                o.side.name()
            ),
            unit,
            rejected: None,
        });
    }
    out
}

pub fn open_summary(app: &mut App) {
    let first = summary(app)
        .iter()
        .position(|i| i.unit.is_some())
        .unwrap_or(0);
    app.input.dialog = Some(Dialog::Summary { selected: first });
}

/// Moves the summary's selection to the next item that jumps somewhere.
pub fn summary_move(app: &mut App, forward: bool) {
    let items = summary(app);
    let Some(Dialog::Summary { selected }) = &mut app.input.dialog else {
        return;
    };
    let mut i = *selected;
    loop {
        i = if forward {
            i + 1
        } else {
            match i.checked_sub(1) {
                Some(j) => j,
                None => return,
            }
        };
        match items.get(i) {
            None => return,
            Some(item) if item.unit.is_some() || item.rejected.is_some() => {
                *selected = i;
                return;
            }
            _ => {}
        }
    }
}

/// Enter in the summary: focuses the selected item's passage.
pub fn summary_jump(app: &mut App) {
    let Some(Dialog::Summary { selected }) = app.input.dialog.take() else {
        return;
    };
    let unit = summary(app).get(selected).and_then(|i| i.unit);
    match unit {
        Some(u) => navigation::go_to(app, u),
        None => app.message = Some("not in a passage of this view".into()),
    }
}
