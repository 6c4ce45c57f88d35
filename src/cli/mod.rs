//! The command line: parses arguments and hands off to the core and the
//! front ends. Every error leaves as one line on stderr and exit status 2.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::core::Side;
use crate::core::compare::Comparison;
use crate::core::document::{Document, Format as InputFormat, LoadError};
use crate::core::notes::notebook::Notebook;
use crate::core::notes::store::{self, StoreError};
use crate::core::notes::{NotesFile, export};
use crate::core::pipeline::{self, Report, Stage};
use crate::core::series::Series;
use crate::display::sanitize_text;
use crate::report;
use crate::tui::loading::Failure;
use crate::tui::theme::Palette;

pub mod check;
pub mod config;
pub mod difftool;
mod fetch;
mod log;
mod options;
pub mod samples;
mod series;

pub use options::{ColorChoice, InputArgs, InputFormatChoice};

#[derive(Parser, Debug, Clone)]
#[command(
    name = "tandem",
    version,
    about = "Review two versions of an article side by side: aligned, divergent and unique passages",
    long_about = "Review two versions of an article side by side.\n\n\
        tandem aligns the two texts passage by passage, through paraphrase, split and merged \
        sentences and moved paragraphs, and tells which passages say the same thing (aligned), \
        which are matched but differ in a fact such as a name, number, negation or hedge \
        (divergent), and which appear in one text only (unique).\n\n\
        With no arguments, tandem uses its bundled sample pair. On the review screen, press ? \
        for the keys: moving, difference jumps, views, search, tagging notes, suggestions.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The first version: a file (text, Markdown, HTML, Word, OpenDocument or
    /// PDF; `-` reads standard input) or a web address. Omit both to use the
    /// bundled sample pair.
    pub left: Option<String>,
    /// The second version.
    pub right: Option<String>,
    /// Later versions of a developing story: with them, the text report
    /// shows each consecutive pair and the history of the facts that changed
    #[arg(value_name = "VERSION")]
    pub more: Vec<String>,
    /// Colours for a dark or light terminal background (auto: TANDEM_THEME, the
    /// config file, COLORFGBG, or the terminal's answer)
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,
    /// The review notes file (default: beside the left article, named after
    /// both; in the current directory for the bundled sample)
    #[arg(long, value_name = "PATH")]
    pub notes: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Colour in the text report printed when standard output is not a terminal
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Do not follow the files on disk: by default the review screen
    /// compares them again when either is saved (also `watch = false` in
    /// the config file)
    #[arg(long)]
    pub no_watch: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

impl ThemeChoice {
    fn palette(self) -> Option<Palette> {
        match self {
            ThemeChoice::Auto => None,
            ThemeChoice::Dark => Some(Palette::Dark),
            ThemeChoice::Light => Some(Palette::Light),
        }
    }
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Align two articles and print the result (JSON for scripts, text for people)
    Align {
        /// The versions, oldest first: files (text, Markdown, HTML, Word,
        /// OpenDocument, PDF; `-` reads standard input) or web addresses. Two give the pair; three or more give
        /// each consecutive pair and the history of the facts that changed.
        /// None: the bundled sample pair.
        #[arg(value_name = "VERSION")]
        files: Vec<String>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Review a file's versions from its git history, oldest first: each
    /// consecutive pair and the history of the facts that changed
    Log {
        /// A file in a git repository
        file: String,
        /// Only the commits in this range (`REV..REV`, as git log takes it)
        #[arg(long, value_name = "REV..REV")]
        git: Option<String>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Print the text tandem reads from an article (the article extracted
    /// from an HTML page, a Word file or a PDF; Markdown without its markup)
    Text {
        /// The article: a file (`-` reads standard input) or a web address
        file: String,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print each finding as `PATH:LINE:COL: category: left / right:
    /// explanation`, for editors, CI and scripts; exit status 0 when there
    /// is none, 1 when there are findings, 2 on error
    Check(CheckArgs),
    /// Print a shell's completion script (source it, or save it where the
    /// shell looks for completions)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; e.g. `tandem man > tandem.1`)
    Man,
    /// Export review notes as a report (Markdown), a spreadsheet (CSV), JSON
    /// or W3C Web Annotations
    Export {
        /// The notes file written by the review screen
        notes: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of standard output (a device or FIFO is
        /// written through; an existing file is replaced only with --force)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The reviewer named in the report (default: `git config user.name`)
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
        /// Replace the file given with -o if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
}

/// What `tandem check` compares and prints.
#[derive(clap::Args, Debug, Clone)]
pub struct CheckArgs {
    /// The first version (the original): a file (`-` reads standard input)
    /// or a web address. Omit both to check the bundled sample pair.
    pub left: Option<String>,
    /// The second version, the one checked: findings point into it
    pub right: Option<String>,
    /// Only these categories, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "LIST",
          value_parser = clap::builder::PossibleValuesParser::new(
              crate::core::Category::ALL.iter().map(|c| c.id())))]
    pub categories: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = check::CheckFormat::Lines)]
    pub format: check::CheckFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

/// How `tandem align` and `tandem log` print what they found.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct ReportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Width of the text report in cells, 40 to 2000 (default: the
    /// terminal's, or 100 in a pipe)
    #[arg(long, value_parser = clap::value_parser!(u64).range(MIN_WIDTH as u64..=MAX_WIDTH as u64))]
    width: Option<u64>,
    #[command(flatten)]
    input: InputArgs,
    /// Colour in the text report (auto: when standard output is a terminal and NO_COLOR is unset)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

impl ReportArgs {
    /// The width asked for; in range by the parser, so the conversion
    /// cannot fail.
    fn width(self) -> Option<usize> {
        self.width.and_then(|w| usize::try_from(w).ok())
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A review report an editor can read
    Markdown,
    /// One row per note (RFC 4180), safe to open in a spreadsheet
    Csv,
    /// The notes with their resolved quotes
    Json,
    /// A W3C Web Annotation collection (JSON-LD)
    W3c,
    /// Both articles side by side with the notes in the margin: one
    /// self-contained, printable HTML file
    Html,
}

impl ExportFormat {
    /// The notes exports; `None` for the HTML report, which lives in
    /// `report` because it draws the whole comparison.
    fn notes_format(self) -> Option<export::Format> {
        Some(match self {
            ExportFormat::Markdown => export::Format::Markdown,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Json => export::Format::Json,
            ExportFormat::W3c => export::Format::W3c,
            ExportFormat::Html => return None,
        })
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The stable JSON contract (see docs/align-json.md)
    Json,
    /// A two-column report for a terminal or a pipe
    Text,
    /// Both articles side by side, self-contained and printable
    Html,
}

/// A failure to report: one line, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
    #[error("terminal error: {0}")]
    Terminal(std::io::Error),
    #[error("{}", with_advice(.0))]
    Notes(#[from] StoreError),
    #[error("{0}: no such notes file")]
    NoNotes(String),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
}

/// A notes error with what to do about it on the command line.
fn with_advice(e: &StoreError) -> String {
    match e {
        StoreError::Unreadable { .. } | StoreError::NotNotes { .. } => {
            format!("{e}: fix it or choose another file with --notes")
        }
        StoreError::Unwritable { .. } => e.to_string(),
    }
}

/// Loads the pair named on the command line, or the bundled sample pair,
/// read as `format` when given, reporting each side's stages.
pub fn load_pair(
    left: Option<&str>,
    right: Option<&str>,
    format: Option<InputFormat>,
    report: Report,
) -> Result<(Document, Document), CliError> {
    match (left, right) {
        (None, None) => {
            let (l, r) = samples::pair();
            Ok((
                pipeline::segment(l, Side::Left, report),
                pipeline::segment(r, Side::Right, report),
            ))
        }
        (Some(l), Some(r)) => {
            if l == "-" && r == "-" {
                return Err(CliError::Usage(
                    "only one of the two articles can be read from standard input".into(),
                ));
            }
            Ok(pipeline::load_both_from(
                l,
                r,
                format,
                report,
                &fetch::read,
            )?)
        }
        _ => Err(CliError::Usage(
            "give two articles to compare, or none for the bundled sample pair".into(),
        )),
    }
}

/// Widths of the text report: narrower cannot hold two columns; wider is
/// no terminal's, and a huge value would only exhaust memory.
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 2000;

/// Everything the review screen needs from the files: both articles
/// compared, and their notes. A notes file that cannot be read stops it,
/// untouched.
fn prepare(
    cli: &Cli,
    config: &config::Config,
    report: Report,
) -> Result<(Comparison, Notebook), CliError> {
    let is_sample = cli.left.is_none();
    let git = difftool::Git::from_env();
    // Under git difftool the loading screen, like the titles, names each
    // side by its real path, not by git's temporary copy.
    let named = |stage: Stage| match (&git, stage) {
        (Some(git), Stage::Reading { side, name }) => report(Stage::Reading {
            side,
            name: git.name(&name),
        }),
        (_, stage) => report(stage),
    };
    let (mut l, mut r) = load_pair(
        cli.left.as_deref(),
        cli.right.as_deref(),
        cli.input.format(),
        &named,
    )?;
    if let Some(git) = &git {
        git.rename(&mut l);
        git.rename(&mut r);
    }
    let notes_path = cli.notes.clone().unwrap_or_else(|| {
        let left_is_file = !is_sample && l.name != "-" && !fetch::is_address(&l.name);
        // An address names its notes by host and path, in the current directory.
        let stem = |name: &str| {
            if fetch::is_address(name) {
                fetch::notes_stem(name)
            } else {
                name.to_string()
            }
        };
        config.notes_path(store::default_path(
            &stem(&l.name),
            &stem(&r.name),
            left_is_file,
        ))
    });
    let notebook = Notebook::open(&notes_path, &l, &r)?;
    Ok((pipeline::compare(l, r, report), notebook))
}

/// The files the review screen follows on disk: both files named, unless
/// watching is off; never standard input, the bundled sample, or the
/// temporary copies git gives its diff tool (they are deleted afterwards,
/// and nobody edits them).
fn watched(cli: &Cli, configured: bool) -> [Option<PathBuf>; 2] {
    if cli.no_watch || !configured || difftool::Git::from_env().is_some() {
        return [None, None];
    }
    [&cli.left, &cli.right].map(|name| {
        name.as_deref()
            .filter(|name| *name != "-")
            .map(PathBuf::from)
    })
}

fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(cols).clamp(MIN_WIDTH, MAX_WIDTH);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(100)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// Writes to standard output; on a terminal, through the same sanitiser as
/// the screen (an article's escape sequences must not reach it).
fn write_stdout(text: &str) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        write_raw(&sanitize_text(text))
    } else {
        write_raw(text)
    }
}

/// Writes the text report, whose article text was sanitised as it was laid
/// out: the only escape sequences left are its own colours, which the
/// terminal sanitiser would otherwise turn into `�`.
fn write_report(text: &str) -> Result<(), CliError> {
    write_raw(text)
}

fn write_raw(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    to_stdout(|stdout| {
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
    })
}

/// The JSON report; to a pipe or file, written as it is serialised.
fn write_json(cmp: &Comparison) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        return write_stdout(&(report::json::render(cmp) + "\n"));
    }
    to_stdout(|stdout| report::json::write(cmp, stdout))
}

fn to_stdout(
    write: impl FnOnce(&mut std::io::StdoutLock) -> std::io::Result<()>,
) -> Result<(), CliError> {
    match write(&mut std::io::stdout().lock()) {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Output),
    }
}

/// Reads a notes file for export. When its articles can be read (by the
/// paths it records, as given or beside the notes file), the notes are
/// placed in their current text first, so quotes and offsets are resolved.
fn load_for_export(path: &Path) -> Result<(NotesFile, Option<Comparison>), CliError> {
    let file = store::load(path)?.ok_or_else(|| CliError::NoNotes(path.display().to_string()))?;
    let find = |recorded: &str| -> Option<Document> {
        let beside = path.parent().map(|d| d.join(recorded));
        [Some(PathBuf::from(recorded)), beside]
            .into_iter()
            .flatten()
            .find_map(|p| Document::load(p.to_str()?).ok())
    };
    let (Some(left), Some(right)) = (find(&file.left.path), find(&file.right.path)) else {
        return Ok((file, None)); // the stored quotes and offsets stand
    };
    let file = Notebook::open(path, &left, &right)?.file;
    Ok((file, Some(Comparison::new(left, right))))
}

/// May an export be written to `path`? Never onto the notes file itself;
/// an existing regular file only with `--force` (a device or FIFO such as
/// `/dev/stdout` is written through, not replaced).
fn check_export_target(path: &Path, notes: &Path, force: bool) -> Result<(), CliError> {
    let same = |a: &Path, b: &Path| {
        a.canonicalize()
            .ok()
            .zip(b.canonicalize().ok())
            .is_some_and(|(a, b)| a == b)
    };
    if same(path, notes) {
        return Err(CliError::Usage(format!(
            "{}: an export must not replace the notes file; choose another -o",
            notes.display()
        )));
    }
    match store::resolve(path)
        .and_then(|p| store::kind(&p))
        .map_err(CliError::Output)?
    {
        store::Kind::Regular if !force => Err(CliError::Usage(format!(
            "{}: exists; add --force to replace it",
            path.display()
        ))),
        store::Kind::Directory => Err(CliError::Usage(format!(
            "{}: is a directory; give a file name with -o",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// `TANDEM_THREADS=N` caps the threads that align and compare use (1: all
/// on one core, as a reference or on a shared machine; 0 or unset: one per
/// core). The results are the same whatever the number.
fn use_threads() -> Result<(), CliError> {
    let Ok(value) = std::env::var("TANDEM_THREADS") else {
        return Ok(());
    };
    let threads: usize = value.trim().parse().map_err(|_| {
        CliError::Usage(format!(
            "TANDEM_THREADS must be a number of threads, not {value:?}"
        ))
    })?;
    // Fails only if the pool already exists (a second run in one process): it stands.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
    Ok(())
}

/// Runs the parsed command line and says how it ended: 0 done (for
/// `check`: nothing found), 1 `check` found something, 2 an error, printed
/// as one line.
pub fn main(cli: Cli) -> std::process::ExitCode {
    let outcome = match &cli.command {
        Some(Command::Check(args)) => run_check(args).map(u8::from),
        _ => run(cli).map(|()| 0),
    };
    match outcome {
        Ok(code) => std::process::ExitCode::from(code),
        Err(e) => {
            // Errors name files, and a file name may hold escape sequences.
            eprintln!("tandem: {}", crate::display::sanitize(&e.to_string()));
            std::process::ExitCode::from(2)
        }
    }
}

/// `tandem check`: prints the findings; did it find any?
fn run_check(args: &CheckArgs) -> Result<bool, CliError> {
    use_threads()?;
    let only: Vec<_> = args
        .categories
        .iter()
        .filter_map(|id| check::category(id))
        .collect();
    let (l, r) = load_pair(
        args.left.as_deref(),
        args.right.as_deref(),
        args.input.format(),
        &|_| {},
    )?;
    let found = check::findings(&Comparison::new(l, r), &only);
    write_raw(&check::render(&found, args.format))?;
    Ok(!found.is_empty())
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    use_threads()?;
    let config = config::Config::load()?;
    match cli.command {
        Some(Command::Align {
            files,
            report: args,
        }) => {
            let ReportArgs {
                format,
                input,
                color,
                ..
            } = args;
            let width = args.width();
            if files.len() > 2 {
                let series = series::load(&files, input.format())?;
                return series::write(&series, format, width, color);
            }
            let (l, r) = load_pair(
                files.first().map(String::as_str),
                files.get(1).map(String::as_str),
                input.format(),
                &|_| {},
            )?;
            let cmp = Comparison::new(l, r);
            match format {
                Format::Json => write_json(&cmp),
                Format::Text => write_report(&report::text::render_styled(
                    &cmp,
                    width.unwrap_or_else(terminal_width),
                    color.enabled(),
                )),
                Format::Html => write_stdout(&report::html::render(
                    &cmp,
                    None,
                    &export::Header::now(None),
                )),
            }
        }
        Some(Command::Log {
            file,
            git,
            report: args,
        }) => {
            let versions = log::versions(&file, git.as_deref(), args.input.format())?;
            let series = Series::new(versions)
                .ok_or_else(|| CliError::Usage("a history needs two or more versions".into()))?;
            series::write(&series, args.format, args.width(), args.color)
        }
        Some(Command::Text { file, input }) => {
            let source = fetch::read(&file)?;
            let doc = Document::from_bytes(&file, source.bytes, input.format().or(source.format))?;
            if doc.tracked_changes {
                eprintln!(
                    "tandem: {}: has tracked changes; this is the text with all of them accepted",
                    crate::display::sanitize(&file)
                );
            }
            write_stdout(&crate::core::notes::clean::controls(&doc.text))
        }
        Some(Command::Check(args)) => run_check(&args).map(|_| ()),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tandem", &mut out);
            write_raw(&String::from_utf8_lossy(&out))
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(CliError::Output)?;
            write_raw(&String::from_utf8_lossy(&out))
        }
        Some(Command::Export {
            notes,
            format,
            output,
            reviewer,
            force,
        }) => {
            if let Some(path) = &output {
                check_export_target(path, &notes, force)?;
            }
            let (file, cmp) = load_for_export(&notes)?;
            let header = export::Header::now(options::reviewer(reviewer, config.reviewer.clone()));
            let text = match format.notes_format() {
                Some(f) => export::render_report(
                    &file,
                    f,
                    cmp.as_ref()
                        .map(|c| report::placement::of(c, &file))
                        .as_ref(),
                    &header,
                ),
                None => {
                    let cmp = cmp.ok_or_else(|| {
                        CliError::Usage(format!(
                            "{}: the HTML report needs both articles, and they cannot be found",
                            notes.display()
                        ))
                    })?;
                    report::html::render(&cmp, Some(&file), &header)
                }
            };
            match output {
                Some(path) => store::write_file(&path, text.as_bytes()).map_err(CliError::Output),
                None => write_stdout(&text),
            }
        }
        None => {
            use std::io::IsTerminal;
            if !cli.more.is_empty() {
                return series::review(cli, config);
            }
            if let Some((left, right)) = difftool::directories(&cli) {
                return difftool::review_each(&cli, &left, &right, run);
            }
            // Asks the terminal (if it must) before the screen owns its input.
            let to_screen = std::io::stdout().is_terminal();
            if to_screen {
                let theme =
                    config::screen_theme(cli.theme.palette(), &config).map_err(CliError::Usage)?;
                // The screen opens at once and shows the loading, which runs
                // on a thread of its own. Keys are read from the terminal
                // itself (/dev/tty), so one article may still come from a
                // pipe: `cat a.txt | tandem - b.txt`.
                let screen = config.screen();
                let opening = crate::tui::Opening {
                    reading_view: screen.reading_view,
                    fold: screen.fold,
                    reviewer: options::reviewer(None, config.reviewer.clone()),
                    watch: watched(&cli, screen.watch),
                };
                return crate::tui::run(theme, opening, move |report| {
                    prepare(&cli, &config, report).map(Into::into)
                })
                .map_err(|failure| match failure {
                    Failure::Terminal(e) => CliError::Terminal(e),
                    Failure::Loading(e) => e,
                });
            }
            // No terminal to draw on (a pipe, a script): the text report.
            let bytes = AtomicUsize::new(0);
            let (cmp, _) = prepare(&cli, &config, &|stage| match stage {
                Stage::Read { bytes: b, .. } => {
                    bytes.fetch_add(b, Ordering::Relaxed);
                }
                // About a second per 2 MB: say so rather than show nothing.
                Stage::Aligning if bytes.load(Ordering::Relaxed) > 4_000_000 => {
                    eprintln!(
                        "tandem: aligning {:.0} MB of text…",
                        bytes.load(Ordering::Relaxed) as f64 / 1e6
                    )
                }
                _ => {}
            })?;
            write_report(&report::text::render_styled(
                &cmp,
                terminal_width(),
                cli.color.enabled(),
            ))
        }
    }
}
