//! `y`: the focused passage, both sides, as text for the clipboard. The
//! text is sanitised (an article's control characters never reach the
//! terminal) and bounded, since terminals drop or choke on long OSC 52
//! sequences; the loop sends it (`effects`).

use super::action::Effect;
use super::app::App;
use super::mode::Side;
use crate::display::sanitize;

/// Bytes of text copied at most: its base64 stays under the 100 000 bytes
/// that xterm-like terminals and tmux accept in one OSC 52 sequence.
pub const LIMIT: usize = 74_000;

/// The focused passage as "left: …" and "right: …" lines, cut to `LIMIT`
/// bytes at a character boundary; and whether it was cut.
pub fn text(app: &App) -> (String, bool) {
    let side = |side: Side| {
        let text = app.review.sentences(app.viewport.focus, side).map_or_else(
            || "(not in this version)".to_string(),
            |r| sanitize(&app.review.doc(side).text[app.review.doc(side).span(&r)]),
        );
        format!("{}: {text}", side.name())
    };
    let mut text = format!("{}\n{}\n", side(Side::Left), side(Side::Right));
    let cut = text.len() > LIMIT;
    if cut {
        let end = (0..=LIMIT)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(end);
    }
    (text, cut)
}

pub fn copy(app: &mut App) -> Vec<Effect> {
    let (text, cut) = text(app);
    app.message = Some(format!(
        "passage {} copied (both sides){}",
        app.viewport.focus + 1,
        if cut { ", cut to 74 kB" } else { "" }
    ));
    vec![Effect::Copy(text)]
}
