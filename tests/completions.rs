//! Shell completions and the manual page, generated from the command
//! line's definition: each shell's script names every subcommand, and the
//! page has its header and the options.

use assert_cmd::Command;

const SUBCOMMANDS: &[&str] = &["align", "text", "check", "export", "completions", "man"];

fn tandem(args: &[&str]) -> String {
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = tandem(&["completions", shell]);
        assert!(script.len() > 500, "{shell}: {script}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} names {sub}");
        }
        assert!(script.contains("input-format"), "{shell} knows the options");
    }
}

#[test]
fn an_unknown_shell_is_refused() {
    let out = Command::cargo_bin("tandem")
        .expect("built")
        .args(["completions", "cmd.exe"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_with_the_options() {
    let page = tandem(&["man"]);
    assert!(page.contains(".TH tandem"), "{page}");
    for option in ["theme", "notes", "input\\-format", "color"] {
        assert!(page.contains(option), "the page lists --{option}");
    }
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the page names {sub}");
    }
}
