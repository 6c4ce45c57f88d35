//! Colour for the text report, as the review screen marks things: the
//! gutter sign in its kind's colour, the words of a differing fact bold,
//! underlined and coloured, other changed words underlined, passages found
//! in one article only in italics. Meaning never rests on colour alone: the
//! signs and the `!` lines say it in plain text too.

use crate::display::Line;

/// ANSI SGR sequences (the screen's dark palette).
const RESET: &str = "\x1b[0m";
const STRONG: &str = "\x1b[1;4;93m";
const LIGHT: &str = "\x1b[4m";
const UNIQUE: &str = "\x1b[3;96m";
const ALIGNED_SIGN: &str = "\x1b[94m";
const DIVERGENT_SIGN: &str = "\x1b[1;93m";
const UNIQUE_SIGN: &str = "\x1b[1;96m";
const MOVED_SIGN: &str = "\x1b[1;95m";
const FINDING: &str = "\x1b[93m";

/// How a passage's text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Linked,
    Unique,
}

/// Paints a wrapped line (already sanitised) with its marks.
pub fn line(line: &Line, look: Look) -> String {
    if line.text.is_empty() {
        return String::new(); // nothing to paint; lines stay trimmable
    }
    let base = if look == Look::Unique { UNIQUE } else { "" };
    let mut out = String::from(base);
    let mut pos = 0;
    for m in &line.marks {
        out.push_str(&line.text[pos..m.range.start]);
        out.push_str(if m.strong { STRONG } else { LIGHT });
        out.push_str(&line.text[m.range.clone()]);
        out.push_str(RESET);
        out.push_str(base);
        pos = m.range.end;
    }
    out.push_str(&line.text[pos..]);
    if !base.is_empty() || !line.marks.is_empty() {
        out.push_str(RESET);
    }
    out
}

/// Paints the gutter mark ("≠ 0.44 ↕", "<", "  ↕"): the sign in its kind's
/// colour, the moved arrow in the moved colour.
pub fn gutter(mark: &str) -> String {
    let mut out = String::new();
    for c in mark.chars() {
        let colour = match c {
            '=' => ALIGNED_SIGN,
            '≠' => DIVERGENT_SIGN,
            '<' | '>' => UNIQUE_SIGN,
            '↕' => MOVED_SIGN,
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(colour);
        out.push(c);
        out.push_str(RESET);
    }
    out
}

/// Paints a finding line ("! name: …").
pub fn finding(text: &str) -> String {
    format!("{FINDING}{text}{RESET}")
}

/// `--color auto`: colour when standard output is a terminal and `NO_COLOR`
/// is unset or empty (<https://no-color.org>).
pub fn auto() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::Mark;

    #[test]
    fn marks_are_painted_and_reset() {
        let l = Line {
            text: "border town of Vovchansk".into(),
            marks: vec![
                Mark {
                    range: 0..6,
                    strong: false,
                },
                Mark {
                    range: 15..24,
                    strong: true,
                },
            ],
        };
        assert_eq!(
            line(&l, Look::Linked),
            "\x1b[4mborder\x1b[0m town of \x1b[1;4;93mVovchansk\x1b[0m\x1b[0m"
        );
        let u = Line {
            text: "only here".into(),
            marks: vec![],
        };
        assert_eq!(line(&u, Look::Unique), "\x1b[3;96monly here\x1b[0m");
        assert_eq!(
            gutter("≠ 0.44 ↕"),
            "\x1b[1;93m≠\x1b[0m 0.44 \x1b[1;95m↕\x1b[0m"
        );
    }
}
