//! Options shared by several commands: how to read the articles, colour,
//! and who the reviewer is.

use clap::ValueEnum;

use crate::core::document::Format;

/// How to read the articles.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct InputArgs {
    /// Read the articles as this format instead of the one their content
    /// and extension suggest
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatChoice>,
}

impl InputArgs {
    pub fn format(self) -> Option<Format> {
        self.input_format.map(Into::into)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormatChoice {
    Plain,
    Markdown,
    Html,
    Docx,
    Odt,
    Pdf,
}

impl From<InputFormatChoice> for Format {
    fn from(f: InputFormatChoice) -> Self {
        match f {
            InputFormatChoice::Plain => Format::Plain,
            InputFormatChoice::Markdown => Format::Markdown,
            InputFormatChoice::Html => Format::Html,
            InputFormatChoice::Docx => Format::Docx,
            InputFormatChoice::Odt => Format::Odt,
            InputFormatChoice::Pdf => Format::Pdf,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Auto => crate::report::color::auto(),
            ColorChoice::Always => true,
            ColorChoice::Never => false,
        }
    }
}

/// The reviewer named in reports: `--reviewer`, else `reviewer` in the
/// config file, else `git config user.name`.
pub fn reviewer(flag: Option<String>, configured: Option<String>) -> Option<String> {
    flag.filter(|r| !r.trim().is_empty())
        .or(configured)
        .or_else(git_user_name)
}

fn git_user_name() -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}
