//! The palette in a real pseudo-terminal: asked of the terminal (OSC 11)
//! only when --theme, TANDEM_THEME, the config file and COLORFGBG say
//! nothing; 16 colours on `TERM=xterm`; no colour at all with `NO_COLOR`.

mod common;

use common::Pty;
use tempfile::TempDir;

const TANDEM: &str = env!("CARGO_BIN_EXE_tandem");
const QUERY: &str = "\x1b]11;?";
/// The focus band of the light and the dark palette (256 colours).
const LIGHT_BAND: &str = "48;5;254m";
const DARK_BAND: &str = "48;5;236m";

struct Run {
    output: String,
    success: bool,
    screen: String,
}

/// A fresh directory for `HOME` or `XDG_CONFIG_HOME`.
fn home() -> TempDir {
    TempDir::with_prefix("tandem-colours-").unwrap()
}

/// Opens the sample pair on a terminal with `background` (None: a terminal
/// that does not answer), then quits.
fn run(env: &[(&str, &str)], args: &[&str], background: Option<&str>) -> Run {
    let home = home();
    let mut all_env = vec![("HOME", home.path().to_str().unwrap())];
    all_env.extend_from_slice(env);
    let mut pty = Pty::spawn_answering(TANDEM, args, home.path(), &all_env, background);
    // Either the screen opens (then quit it) or tandem stops with an error.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !pty.contents().contains("difference 1 of") && !pty.output().contains("tandem: ") {
        assert!(
            std::time::Instant::now() < deadline,
            "neither the screen nor an error:\n{}",
            pty.contents()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if !pty.output().contains("tandem: ") {
        pty.press(b"q");
    }
    let status = pty.exit_status();
    Run {
        output: pty.output(),
        success: status.success(),
        screen: pty.contents(),
    }
}

/// The colours set by the SGR sequences in `output` ("38;5;12", "41"…);
/// resets to the terminal's own colours (39, 49) are not colours.
fn sgr_colours(output: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seq in output.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !seq[end..].starts_with('m') {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match params[i].parse::<u16>().unwrap_or(0) {
                38 | 48 => {
                    let n = if params.get(i + 1) == Some(&"5") {
                        3
                    } else {
                        5
                    };
                    out.push(params[i..(i + n).min(params.len())].join(";"));
                    i += n;
                    continue;
                }
                c @ (30..=37 | 40..=47 | 90..=97 | 100..=107) => out.push(c.to_string()),
                _ => {}
            }
            i += 1;
        }
    }
    out
}

const WHITE: Option<&str> = Some("ffff/ffff/ffff");
const BLACK: Option<&str> = Some("0000/0000/0000");

#[test]
fn the_terminal_is_asked_when_nothing_else_says() {
    let light = run(&[], &[], WHITE);
    assert!(light.output.contains(QUERY));
    assert!(light.output.contains(LIGHT_BAND) && !light.output.contains(DARK_BAND));
    let dark = run(&[], &[], BLACK);
    assert!(dark.output.contains(DARK_BAND) && !dark.output.contains(LIGHT_BAND));
    // A terminal that does not answer: dark, after a short wait.
    let silent = run(&[], &[], None);
    assert!(silent.success && silent.output.contains(DARK_BAND));
}

#[test]
fn flag_env_config_and_colorfgbg_win_over_the_terminal_without_asking_it() {
    let config_home = home();
    std::fs::create_dir_all(config_home.path().join("tandem")).unwrap();
    std::fs::write(
        config_home.path().join("tandem/config.toml"),
        "theme = \"dark\"\n",
    )
    .unwrap();
    let xdg = config_home.path().to_str().unwrap();
    for (env, args, band) in [
        (
            vec![("TANDEM_THEME", "light")],
            vec!["--theme", "dark"],
            DARK_BAND,
        ),
        (
            vec![("TANDEM_THEME", "light"), ("XDG_CONFIG_HOME", xdg)],
            vec![],
            LIGHT_BAND,
        ),
        (
            vec![("XDG_CONFIG_HOME", xdg), ("COLORFGBG", "0;15")],
            vec![],
            DARK_BAND,
        ),
        (vec![("COLORFGBG", "0;15")], vec![], LIGHT_BAND),
    ] {
        // The terminal would say the opposite of what is expected.
        let answer = if band == DARK_BAND { WHITE } else { BLACK };
        let r = run(&env, &args, answer);
        assert!(r.success, "{env:?} {args:?}");
        assert!(r.output.contains(band), "{env:?} {args:?}: wanted {band:?}");
        assert!(
            !r.output.contains(QUERY),
            "{env:?} {args:?}: the terminal was asked"
        );
    }
}

#[test]
fn sixteen_colours_on_term_xterm_and_none_with_no_color() {
    let xterm = run(&[("TERM", "xterm")], &[], WHITE);
    assert!(xterm.success);
    // crossterm writes even the named colours as `38;5;N`: N stays below 16.
    let colours = sgr_colours(&xterm.output);
    assert!(
        !colours.is_empty()
            && colours
                .iter()
                .all(|c| !c.starts_with("38;5;") && !c.starts_with("48;5;")
                    || c[5..].parse::<u8>().is_ok_and(|n| n < 16)),
        "only the 16 named colours: {colours:?}"
    );
    assert!(
        xterm.output.contains("48;5;7m"),
        "the light grey band of the 16-colour light palette"
    );

    let none = run(&[("NO_COLOR", "1")], &[], WHITE);
    assert!(none.success);
    assert!(!none.output.contains(QUERY), "no colours: nothing to ask");
    assert_eq!(sgr_colours(&none.output), Vec::<String>::new());
    assert!(none.output.contains('▌'), "the focus bar carries the focus");
}

#[test]
fn a_bad_theme_or_config_is_one_line_and_exit_2() {
    let bad_env = run(&[("TANDEM_THEME", "blue")], &[], None);
    assert!(!bad_env.success);
    assert!(
        bad_env
            .screen
            .contains("tandem: TANDEM_THEME: unknown theme “blue” (expected dark, light or auto)"),
        "{}",
        bad_env.screen
    );

    let config_home = home();
    std::fs::create_dir_all(config_home.path().join("tandem")).unwrap();
    std::fs::write(
        config_home.path().join("tandem/config.toml"),
        "them = \"dark\"\n",
    )
    .unwrap();
    let bad_config = run(
        &[("XDG_CONFIG_HOME", config_home.path().to_str().unwrap())],
        &[],
        None,
    );
    assert!(!bad_config.success);
    let line = bad_config
        .screen
        .lines()
        .find(|l| l.contains("tandem: "))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("config.toml:1:1: unknown field `them`"),
        "{}",
        bad_config.screen
    );
}
