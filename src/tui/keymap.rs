//! The key table: every key of every mode, as data. Dispatch (`keys`), the
//! help overlay and every key hint on screen are generated from it, so they
//! cannot disagree. Like yazi's keymap, a mode's bindings are tried in
//! order and the first match wins, which lets a text field end its section
//! with "any other key goes to the field".

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::mode::Mode;

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Alt(KeyCode),
    Code(KeyCode),
    /// Any character typed without Ctrl or Alt.
    Typed,
    /// A digit typed without Ctrl or Alt.
    Digit,
    /// Any key at all (ends a section).
    Other,
}

impl Key {
    pub fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Char(c) => !ctrl && !alt && event.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Alt(code) => alt && event.code == code,
            Key::Code(code) => !alt && event.code == code,
            Key::Typed => !ctrl && !alt && matches!(event.code, KeyCode::Char(_)),
            Key::Digit => !ctrl && !alt && matches!(event.code, KeyCode::Char('0'..='9')),
            Key::Other => true,
        }
    }

    pub fn label(self) -> String {
        let code = |c: KeyCode| match c {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            other => format!("{other}"),
        };
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{}", code(c)),
            Key::Code(c) => code(c),
            Key::Typed => "any character".into(),
            Key::Digit => "0-9".into(),
            Key::Other => "any other key".into(),
        }
    }
}

/// What a binding does with the key that matched it.
#[derive(Debug, Clone)]
pub enum Act {
    Do(Action),
    /// Builds the action from the character typed.
    Type(fn(char) -> Action),
    /// Hands the whole key to a text field.
    Pass(fn(KeyEvent) -> Action),
}

pub struct Binding {
    pub keys: &'static [Key],
    pub act: Act,
    /// The description in the help.
    pub help: &'static str,
    /// The word of a hint on screen ("quit" in "q quit"); empty: no hint.
    pub hint: &'static str,
}

impl Binding {
    /// The action of a binding that always does the same thing.
    pub fn action(&self) -> Option<&Action> {
        match &self.act {
            Act::Do(a) => Some(a),
            Act::Type(_) | Act::Pass(_) => None,
        }
    }

    /// The action for `event`, which matched one of the keys.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        match &self.act {
            Act::Do(a) => Some(a.clone()),
            Act::Type(f) => match event.code {
                KeyCode::Char(c) => Some(f(c)),
                _ => None,
            },
            Act::Pass(f) => Some(f(*event)),
        }
    }
}

pub struct Section {
    pub title: &'static str,
    pub mode: Mode,
    pub bindings: &'static [Binding],
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        act: Act::Do(action),
        help,
        hint: "",
    }
}

/// A binding that also shows as a hint on screen.
const fn shown(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        act: Act::Do(action),
        help,
        hint,
    }
}

/// A digit of a count (`5j`).
fn count(c: char) -> Action {
    Action::Count(c.to_digit(10).unwrap_or(0) as u8)
}

const ESC: Key = Key::Code(KeyCode::Esc);
const ENTER: Key = Key::Code(KeyCode::Enter);

/// Every key of every mode, in the order the help shows them.
pub const TABLE: &[Section] = &[
    Section {
        title: "Move",
        mode: Mode::Main,
        bindings: &[
            bind(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::FocusNext,
                "next passage",
            ),
            bind(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::FocusPrev,
                "previous passage",
            ),
            bind(
                &[Key::Code(KeyCode::PageDown), Key::Char(' '), Key::Ctrl('f')],
                Action::PageDown,
                "page down",
            ),
            bind(
                &[Key::Code(KeyCode::PageUp), Key::Ctrl('b')],
                Action::PageUp,
                "page up",
            ),
            bind(&[Key::Ctrl('d')], Action::HalfPageDown, "half a page down"),
            bind(&[Key::Ctrl('u')], Action::HalfPageUp, "half a page up"),
            bind(
                &[Key::Char('g'), Key::Code(KeyCode::Home)],
                Action::Top,
                "first passage (12g: passage 12)",
            ),
            bind(
                &[Key::Char('G'), Key::Code(KeyCode::End)],
                Action::Bottom,
                "last passage (12G: passage 12)",
            ),
            bind(
                &[Key::Char(':')],
                Action::StartCommand,
                "go to a passage by number (:12 Enter)",
            ),
            Binding {
                keys: &[Key::Digit],
                act: Act::Type(count),
                help: "a count for the next move or jump (5j, 3])",
                hint: "",
            },
            bind(
                &[Key::Ctrl('e')],
                Action::ScrollLines(1),
                "scroll a line down (reading view: one pane)",
            ),
            bind(
                &[Key::Ctrl('y')],
                Action::ScrollLines(-1),
                "scroll a line up (reading view: one pane)",
            ),
        ],
    },
    Section {
        title: "Review",
        mode: Mode::Main,
        bindings: &[
            shown(
                &[Key::Char(']')],
                Action::NextDifference,
                "next difference (divergent, unique or moved)",
                "difference",
            ),
            shown(
                &[Key::Char('[')],
                Action::PrevDifference,
                "previous difference",
                "difference",
            ),
            shown(
                &[Key::Char('m')],
                Action::JumpMoved,
                "jump between a moved passage and its old place",
                "go to it",
            ),
            shown(
                &[Key::Char('v')],
                Action::ToggleView,
                "aligned view / reading view",
                "view",
            ),
            bind(
                &[Key::Code(KeyCode::Tab)],
                Action::SwitchPane,
                "focus the other pane",
            ),
        ],
    },
    Section {
        title: "Versions (three or more files)",
        mode: Mode::Main,
        bindings: &[
            bind(
                &[Key::Char('>')],
                Action::NextPair,
                "the next pair of versions (2–3 after 1–2)",
            ),
            bind(
                &[Key::Char('<')],
                Action::PrevPair,
                "the previous pair of versions",
            ),
            bind(
                &[Key::Char('H')],
                Action::OpenHistory,
                "history: each fact that changed, in every version",
            ),
        ],
    },
    Section {
        title: "Fold",
        mode: Mode::Main,
        bindings: &[
            shown(
                &[Key::Char('z')],
                Action::Fold,
                "fold what agrees; on a fold, open it; else unfold",
                "fold",
            ),
            bind(&[ENTER], Action::OpenFold, "open the fold focused"),
        ],
    },
    Section {
        title: "Search",
        mode: Mode::Main,
        bindings: &[
            shown(
                &[Key::Char('/')],
                Action::StartSearch,
                "search both articles",
                "search",
            ),
            bind(&[Key::Char('n')], Action::NextMatch, "next match"),
            bind(&[Key::Char('N')], Action::PrevMatch, "previous match"),
        ],
    },
    Section {
        title: "Suggestions",
        mode: Mode::Main,
        bindings: &[
            shown(
                &[Key::Char('a')],
                Action::AcceptSuggestion,
                "accept the suggestion shown as a note (editable)",
                "accept",
            ),
            shown(
                &[Key::Char('r')],
                Action::RejectSuggestion,
                "reject it (listed in the summary; u undoes)",
                "reject",
            ),
            shown(
                &[Key::Char('c')],
                Action::NextSuggestion,
                "the passage's next suggestion",
                "next",
            ),
            shown(
                &[Key::Char('i')],
                Action::OpenSummary,
                "summary: counts, open suggestions, omissions",
                "summary of the review",
            ),
        ],
    },
    Section {
        title: "Notes",
        mode: Mode::Main,
        bindings: &[
            shown(
                &[Key::Char('t')],
                Action::OpenTag,
                "tag the focused passage: category, then a note",
                "to tag the focused passage",
            ),
            bind(
                &[Key::Char('s')],
                Action::StartSelection,
                "select words to tag instead of the whole passage",
            ),
            bind(&[Key::Char('o')], Action::OpenNotes, "the notes list"),
            bind(
                &[Key::Char('x')],
                Action::OpenExport,
                "export the notes beside the notes file",
            ),
            shown(
                &[Key::Char('W')],
                Action::SaveElsewhere,
                "save the notes to another file (asks before replacing one)",
                "save elsewhere",
            ),
            shown(
                &[Key::Char('u')],
                Action::Undo,
                "undo a tag, edit, delete, status, accept or reject",
                "undo",
            ),
            bind(&[Key::Ctrl('r')], Action::Redo, "redo what was undone"),
            bind(
                &[Key::Char('y')],
                Action::Copy,
                "copy the focused passage, both sides (OSC 52)",
            ),
            bind(
                &[Key::Char('e')],
                Action::OpenEditor,
                "edit the focused article in $EDITOR at this passage",
            ),
        ],
    },
    Section {
        title: "Screen",
        mode: Mode::Main,
        bindings: &[
            shown(&[Key::Char('?')], Action::ToggleHelp, "this help", "help"),
            shown(
                &[Key::Char('q')],
                Action::Quit,
                "quit (asks first if notes are not saved)",
                "quit",
            ),
        ],
    },
    Section {
        title: "Everywhere",
        mode: Mode::Everywhere,
        bindings: &[bind(
            &[Key::Ctrl('c')],
            Action::Quit,
            "quit (asks first if notes are not saved)",
        )],
    },
    Section {
        title: "Typing a search (/)",
        mode: Mode::Search,
        bindings: &[
            shown(
                &[ENTER],
                Action::SearchSubmit,
                "find the passages that contain it",
                "find",
            ),
            shown(&[ESC], Action::SearchCancel, "stop typing", "cancel"),
            bind(
                &[Key::Code(KeyCode::Backspace)],
                Action::SearchBackspace,
                "delete the last character",
            ),
            Binding {
                keys: &[Key::Typed],
                act: Act::Type(Action::SearchInput),
                help: "add it to the query",
                hint: "",
            },
        ],
    },
    Section {
        title: "Typing a passage number (:)",
        mode: Mode::Command,
        bindings: &[
            shown(&[ENTER], Action::CommandSubmit, "go to that passage", "go"),
            shown(&[ESC], Action::CommandCancel, "stop typing", "cancel"),
            bind(
                &[Key::Code(KeyCode::Backspace)],
                Action::CommandBackspace,
                "delete the last digit",
            ),
            Binding {
                keys: &[Key::Typed],
                act: Act::Type(Action::CommandInput),
                help: "add it to the number",
                hint: "",
            },
        ],
    },
    Section {
        title: "This help (?)",
        mode: Mode::Help,
        bindings: &[
            shown(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::ScrollHelp(1),
                "scroll down",
                "scroll",
            ),
            shown(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::ScrollHelp(-1),
                "scroll up",
                "scroll",
            ),
            shown(
                &[Key::Other],
                Action::ToggleHelp,
                "close the help",
                "closes",
            ),
        ],
    },
    Section {
        title: "Selecting words (s)",
        mode: Mode::Select,
        bindings: &[
            shown(
                &[Key::Char('l'), Key::Code(KeyCode::Right)],
                Action::SelectGrow(1),
                "one word more",
                "size",
            ),
            shown(
                &[Key::Char('h'), Key::Code(KeyCode::Left)],
                Action::SelectGrow(-1),
                "one word less",
                "size",
            ),
            shown(
                &[Key::Char('L')],
                Action::SelectMove(1),
                "move the selection right",
                "move",
            ),
            shown(
                &[Key::Char('H')],
                Action::SelectMove(-1),
                "move the selection left",
                "move",
            ),
            bind(
                &[Key::Code(KeyCode::Tab)],
                Action::SelectSide,
                "select on the other side too",
            ),
            shown(
                &[Key::Char('t'), ENTER],
                Action::OpenTag,
                "tag the selected words",
                "tag",
            ),
            shown(&[ESC], Action::Cancel, "stop selecting", "stop"),
        ],
    },
    Section {
        title: "Tag dialog (t): category",
        mode: Mode::PickCategory,
        bindings: &[
            bind(
                &[Key::Char('1')],
                Action::PickCategory(1),
                "name spelling or identity",
            ),
            bind(&[Key::Char('2')], Action::PickCategory(2), "title or role"),
            bind(
                &[Key::Char('3')],
                Action::PickCategory(3),
                "number or quantity",
            ),
            bind(&[Key::Char('4')], Action::PickCategory(4), "date or time"),
            bind(&[Key::Char('5')], Action::PickCategory(5), "place"),
            bind(
                &[Key::Char('6')],
                Action::PickCategory(6),
                "quote or attribution",
            ),
            bind(
                &[Key::Char('7')],
                Action::PickCategory(7),
                "certainty or hedging",
            ),
            bind(
                &[Key::Char('8')],
                Action::PickCategory(8),
                "contradiction or negation",
            ),
            bind(
                &[Key::Char('9')],
                Action::PickCategory(9),
                "omission or addition",
            ),
            bind(&[Key::Char('0')], Action::PickCategory(0), "other"),
            bind(&[ESC], Action::Cancel, "cancel"),
            // Categories past the tenth have no digit: they are reached
            // by moving (the dialog lists these keys only then).
            bind(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::ListNext,
                "next category",
            ),
            bind(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::ListPrev,
                "previous category",
            ),
            bind(&[ENTER], Action::Submit, "pick the category moved to"),
        ],
    },
    Section {
        title: "Tag dialog: the note",
        mode: Mode::Write,
        bindings: &[
            shown(&[ENTER], Action::Submit, "save the note", "save the note"),
            shown(
                &[Key::Alt(KeyCode::Enter), Key::Ctrl('j')],
                Action::EditorNewline,
                "new line",
                "new line",
            ),
            shown(&[ESC], Action::Cancel, "cancel", "cancel"),
            Binding {
                keys: &[Key::Other],
                act: Act::Pass(Action::EditorKey),
                help: "edit the note",
                hint: "",
            },
        ],
    },
    Section {
        title: "Notes list (o)",
        mode: Mode::NotesList,
        bindings: &[
            shown(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::ListNext,
                "next note",
                "next note",
            ),
            shown(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::ListPrev,
                "previous note",
                "previous note",
            ),
            shown(
                &[ENTER],
                Action::Submit,
                "go to the note's passage",
                "go to the note's passage",
            ),
            shown(
                &[Key::Char('e')],
                Action::EditNote,
                "edit the note",
                "edit the note",
            ),
            shown(
                &[Key::Char('d')],
                Action::DeleteNote,
                "delete the note (asks first)",
                "delete the note (asks first)",
            ),
            shown(
                &[Key::Char('s')],
                Action::CycleStatus,
                "status: open, confirmed, dismissed",
                "status",
            ),
            shown(
                &[Key::Char('p')],
                Action::ReattachNote,
                "place an orphaned note on the focused passage",
                "place an orphan here",
            ),
            shown(
                &[Key::Char('u')],
                Action::Undo,
                "undo the last decision",
                "undo",
            ),
            bind(&[Key::Ctrl('r')], Action::Redo, "redo what was undone"),
            shown(
                &[ESC, Key::Char('o'), Key::Char('q')],
                Action::Cancel,
                "close the list",
                "close the list",
            ),
        ],
    },
    Section {
        title: "Deleting a note",
        mode: Mode::ConfirmDelete,
        bindings: &[
            shown(&[Key::Char('y')], Action::Confirm, "delete it", "delete"),
            shown(&[Key::Char('n'), ESC], Action::Cancel, "keep it", "keep"),
            bind(&[Key::Other], Action::Cancel, "keep it"),
        ],
    },
    Section {
        title: "Quitting with notes not saved",
        mode: Mode::ConfirmQuit,
        bindings: &[
            shown(
                &[Key::Char('W')],
                Action::SaveElsewhere,
                "save the notes elsewhere first",
                "save elsewhere",
            ),
            shown(
                &[Key::Char('y')],
                Action::Confirm,
                "quit anyway",
                "quit anyway",
            ),
            shown(
                &[Key::Char('q')],
                Action::Confirm,
                "quit anyway",
                "quit anyway",
            ),
            shown(&[ESC, Key::Char('n')], Action::Cancel, "stay", "stay"),
            bind(&[Key::Other], Action::Cancel, "stay"),
        ],
    },
    Section {
        title: "Save elsewhere (W)",
        mode: Mode::SaveAs,
        bindings: &[
            shown(&[ENTER], Action::Submit, "save to the path typed", "save"),
            shown(&[ESC], Action::Cancel, "cancel", "cancel"),
            Binding {
                keys: &[Key::Other],
                act: Act::Pass(Action::EditorKey),
                help: "edit the path",
                hint: "",
            },
        ],
    },
    Section {
        title: "Replacing a file (W)",
        mode: Mode::ConfirmReplace,
        bindings: &[
            shown(
                &[Key::Char('y')],
                Action::Confirm,
                "replace the file with the notes",
                "replace it",
            ),
            shown(
                &[ESC, Key::Char('n')],
                Action::Cancel,
                "keep the file: type another path",
                "keep it",
            ),
            bind(&[Key::Other], Action::Cancel, "keep the file"),
        ],
    },
    Section {
        title: "Saving over a file that is not notes",
        mode: Mode::KeepUnreadable,
        bindings: &[
            shown(
                &[ENTER, ESC, Key::Char('n')],
                Action::Cancel,
                "keep the file: type another path",
                "keep it, save elsewhere",
            ),
            shown(
                &[Key::Char('R')],
                Action::Confirm,
                "replace the file with the notes (what it holds is lost)",
                "replace it",
            ),
            bind(&[Key::Other], Action::Cancel, "keep the file"),
        ],
    },
    Section {
        title: "Summary (i)",
        mode: Mode::Summary,
        bindings: &[
            shown(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::ListNext,
                "next item",
                "move",
            ),
            shown(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::ListPrev,
                "previous item",
                "move",
            ),
            shown(&[ENTER], Action::Submit, "go to its passage", "go to"),
            shown(
                &[Key::Char('r')],
                Action::RestoreRejected,
                "suggest a rejected suggestion again",
                "restore",
            ),
            shown(
                &[ESC, Key::Char('i'), Key::Char('q')],
                Action::Cancel,
                "close",
                "close",
            ),
        ],
    },
    Section {
        title: "Export (x)",
        mode: Mode::Export,
        bindings: &[
            bind(
                &[Key::Char('1')],
                Action::ExportAs(1),
                "Markdown review report",
            ),
            bind(
                &[Key::Char('2')],
                Action::ExportAs(2),
                "CSV for a spreadsheet",
            ),
            bind(&[Key::Char('3')], Action::ExportAs(3), "JSON"),
            bind(
                &[Key::Char('4')],
                Action::ExportAs(4),
                "W3C Web Annotations (JSON-LD)",
            ),
            bind(
                &[Key::Char('5')],
                Action::ExportAs(5),
                "HTML report: both articles, notes in the margin",
            ),
            bind(&[ESC], Action::Cancel, "cancel"),
        ],
    },
    Section {
        title: "History of the facts (H)",
        mode: Mode::History,
        bindings: &[
            shown(
                &[Key::Char('j'), Key::Code(KeyCode::Down)],
                Action::ListNext,
                "next fact",
                "move",
            ),
            shown(
                &[Key::Char('k'), Key::Code(KeyCode::Up)],
                Action::ListPrev,
                "previous fact",
                "move",
            ),
            shown(
                &[ENTER],
                Action::Submit,
                "go to the pair and passage where it changed",
                "go to",
            ),
            shown(
                &[ESC, Key::Char('H'), Key::Char('q')],
                Action::Cancel,
                "close",
                "close",
            ),
        ],
    },
    Section {
        title: "While the articles load",
        mode: Mode::Loading,
        bindings: &[shown(
            &[Key::Char('q'), ESC],
            Action::Quit,
            "stop and quit",
            "quit",
        )],
    },
];

/// The bindings of a mode, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    TABLE
        .iter()
        .filter(move |s| s.mode == mode)
        .flat_map(|s| s.bindings.iter())
}

/// The action `event` means in `mode`: keys bound everywhere first, then the
/// mode's own, the first match winning.
pub fn lookup(mode: Mode, event: &KeyEvent) -> Option<Action> {
    bindings(Mode::Everywhere)
        .chain(bindings(mode))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .and_then(|b| b.action_for(event))
}

/// Hints such as "]/[ difference  v view" for the bindings of `mode` that
/// have one (only those doing one of `actions`, unless it is empty):
/// neighbours with the same word share it, and each shows its first key.
/// `sep` goes between the key and the word, `join` between hints.
pub fn hints(mode: Mode, actions: &[Action], sep: &str, join: &str) -> String {
    let mut out: Vec<(String, &str)> = Vec::new();
    let wanted = bindings(mode).filter(|b| {
        !b.hint.is_empty()
            && (actions.is_empty() || b.action().is_some_and(|a| actions.contains(a)))
    });
    for b in wanted {
        let key = b.keys[0].label();
        match out.last_mut() {
            Some((keys, hint)) if *hint == b.hint => {
                keys.push('/');
                keys.push_str(&key);
            }
            _ => out.push((key, b.hint)),
        }
    }
    out.iter()
        .map(|(k, h)| format!("{k}{sep}{h}"))
        .collect::<Vec<_>>()
        .join(join)
}

/// The keys alone of the hints `hints` would give ("]/[ v / q"), for a
/// line too narrow for the words.
pub fn keys(mode: Mode, actions: &[Action]) -> String {
    hints(mode, actions, "\u{0}", "\u{1}")
        .split('\u{1}')
        .map(|h| h.split('\u{0}').next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hint for one action of the main screen ("t to tag ...").
pub fn hint(action: Action) -> String {
    hints(Mode::Main, &[action], " ", "")
}

/// The help text: every binding of the key table, then the legend.
pub fn help_lines() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for section in TABLE {
        out.push((section.title.to_string(), String::new()));
        for b in section.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            out.push((format!("  {}", keys.join(" / ")), b.help.to_string()));
        }
    }
    out.push(("Marks".into(), String::new()));
    for (glyph, meaning) in [
        ("  =", "aligned: same content; reworded words underlined"),
        (
            "  ≠",
            "divergent: a name, number, negation or hedge differs (bold)",
        ),
        ("  < >", "unique: only in the left / right article (italic)"),
        ("  ↕", "moved: stands elsewhere in the other article"),
        ("  ▌", "the focused passage"),
        ("  ✎", "a passage with review notes"),
        ("  mouse", "wheel scrolls, click focuses a passage"),
    ] {
        out.push((glyph.into(), meaning.into()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_are_unique_within_a_mode() {
        for &mode in Mode::ALL {
            let all: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in all.iter().enumerate() {
                assert!(
                    !all[i + 1..].contains(k),
                    "{k:?} is bound twice in {mode:?}"
                );
            }
            // A catch-all can only end a section: nothing after it is reachable.
            if let Some(p) = all.iter().position(|k| *k == Key::Other) {
                assert_eq!(p, all.len() - 1, "{mode:?}: keys after `any other key`");
            }
        }
    }

    #[test]
    fn lookup_respects_modifiers_and_modes() {
        assert_eq!(
            lookup(Mode::Main, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            lookup(Mode::Main, &key(KeyCode::Char('d'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            lookup(Mode::Main, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(Mode::Main, &key(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Action::PageDown)
        );
        assert_eq!(
            lookup(
                Mode::NotesList,
                &key(KeyCode::Char('s'), KeyModifiers::NONE)
            ),
            Some(Action::CycleStatus)
        );
        assert_eq!(
            lookup(Mode::Write, &key(KeyCode::Enter, KeyModifiers::ALT)),
            Some(Action::EditorNewline)
        );
        assert_eq!(
            lookup(Mode::Write, &key(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::Submit)
        );
        assert_eq!(
            lookup(Mode::Write, &key(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            Some(Action::EditorNewline)
        );
    }

    #[test]
    fn typing_modes_take_characters_and_ctrl_c_quits_everywhere() {
        let x = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Search, &x), Some(Action::SearchInput('q')));
        assert_eq!(lookup(Mode::Write, &x), Some(Action::EditorKey(x)));
        assert_eq!(lookup(Mode::Help, &x), Some(Action::ToggleHelp));
        assert_eq!(lookup(Mode::ConfirmQuit, &x), Some(Action::Confirm));
        assert_eq!(lookup(Mode::ConfirmDelete, &x), Some(Action::Cancel));
        for &mode in Mode::ALL {
            assert_eq!(
                lookup(mode, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        assert_eq!(
            hints(
                Mode::Main,
                &[Action::NextDifference, Action::PrevDifference, Action::Quit],
                " ",
                "  "
            ),
            "]/[ difference  q quit"
        );
        assert_eq!(
            hints(Mode::ConfirmQuit, &[], ": ", " · "),
            "W: save elsewhere · y/q: quit anyway · Esc: stay"
        );
        assert_eq!(hint(Action::StartSearch), "/ search");
        assert_eq!(
            keys(
                Mode::Main,
                &[
                    Action::NextDifference,
                    Action::PrevDifference,
                    Action::ToggleView,
                    Action::Quit
                ]
            ),
            "]/[ v q"
        );
    }

    #[test]
    fn category_digits_follow_the_categories() {
        use crate::core::Category;
        for (i, c) in Category::ALL.iter().enumerate() {
            let Some(d) = crate::tui::dialog::category_digit(i) else {
                continue; // reached by moving, not by a digit
            };
            let action = lookup(
                Mode::PickCategory,
                &key(KeyCode::Char(char::from(b'0' + d)), KeyModifiers::NONE),
            )
            .expect("digits pick a category");
            assert_eq!(action, Action::PickCategory(d));
            let help = bindings(Mode::PickCategory)
                .find(|b| b.action() == Some(&action))
                .expect("every action of the table has a binding")
                .help;
            assert_eq!(help, c.label());
        }
    }
}
