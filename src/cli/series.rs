//! Three or more versions on the command line: loading them and printing
//! the series' reports.

use rayon::prelude::*;

use crate::core::document::{Document, Format as InputFormat};
use crate::core::series::Series;
use crate::report;

use super::{
    Cli, CliError, ColorChoice, Format, config, options, terminal_width, to_stdout, write_report,
    write_stdout,
};
use crate::core::Side;
use crate::core::notes::notebook::Notebook;
use crate::core::notes::store;
use crate::core::pipeline::{self, Report, Stage};
use crate::tui::app::Versions;
use crate::tui::loading::{Failure, Start};
use config::Config;

/// Loads every version, on all cores; an error about an earlier version
/// comes first.
pub fn load(files: &[String], format: Option<InputFormat>) -> Result<Series, CliError> {
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(CliError::Usage(
            "only one of the versions can be read from standard input".into(),
        ));
    }
    let versions: Vec<Document> = files
        .par_iter()
        .map(|f| {
            let source = super::fetch::read(f)?;
            Document::from_bytes(f, source.bytes, format.or(source.format))
        })
        .collect::<Result<_, _>>()?;
    Series::new(versions)
        .ok_or_else(|| CliError::Usage("give two or more versions to compare".into()))
}

/// Prints the series as `format`.
pub fn write(
    series: &Series,
    format: Format,
    width: Option<usize>,
    color: ColorChoice,
) -> Result<(), CliError> {
    use std::io::IsTerminal;
    match format {
        Format::Json if std::io::stdout().is_terminal() => {
            let mut json = Vec::new();
            report::json::write_series(series, &mut json).map_err(CliError::Output)?;
            write_stdout(&String::from_utf8_lossy(&json))
        }
        Format::Json => to_stdout(|stdout| report::json::write_series(series, stdout)),
        Format::Text => write_report(&report::series::render_styled(
            series,
            width.unwrap_or_else(terminal_width),
            color.enabled(),
        )),
        Format::Html => Err(CliError::Usage(
            "the HTML report compares two versions; for three or more use --format text or json"
                .into(),
        )),
    }
}

/// `tandem V1 V2 V3 …`: on a terminal, the review screen on the series,
/// one consecutive pair at a time; elsewhere (a pipe, a script), the
/// series' text report.
pub fn review(cli: Cli, config: Config) -> Result<(), CliError> {
    use std::io::IsTerminal;
    let files: Vec<String> = cli
        .left
        .iter()
        .chain(&cli.right)
        .chain(&cli.more)
        .cloned()
        .collect();
    if !std::io::stdout().is_terminal() {
        let series = load(&files, cli.input.format())?;
        return write(&series, Format::Text, None, cli.color);
    }
    if cli.notes.is_some() {
        return Err(CliError::Usage(
            "--notes names one pair's notes file; with three or more versions each pair keeps \
             its own, named after its two files"
                .into(),
        ));
    }
    let theme = config::screen_theme(cli.theme.palette(), &config).map_err(CliError::Usage)?;
    let screen = config.screen();
    // The other pairs would go stale if one file were read again alone:
    // a series is not followed on disk.
    let opening = crate::tui::Opening {
        reading_view: screen.reading_view,
        fold: screen.fold,
        reviewer: options::reviewer(None, config.reviewer.clone()),
        watch: [None, None],
    };
    let format = cli.input.format();
    crate::tui::run(theme, opening, move |report| {
        open(&files, format, &config, report)
    })
    .map_err(|failure| match failure {
        Failure::Terminal(e) => CliError::Terminal(e),
        Failure::Loading(e) => e,
    })
}

/// Reads every version (the first reported as the left side, the others
/// as the right), compares each consecutive pair on all cores and opens
/// each pair's notebook.
fn open(
    files: &[String],
    format: Option<InputFormat>,
    config: &Config,
    report: Report,
) -> Result<Start, CliError> {
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(CliError::Usage(
            "only one of the versions can be read from standard input".into(),
        ));
    }
    let versions: Vec<Document> = files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let side = if i == 0 { Side::Left } else { Side::Right };
            pipeline::load(f, format, side, report)
        })
        .collect::<Result<_, _>>()?;
    report(Stage::Aligning);
    let series = Series::new(versions)
        .ok_or_else(|| CliError::Usage("give two or more versions to compare".into()))?;
    let notebooks = series
        .pairs()
        .iter()
        .map(|pair| {
            let (l, r) = (&pair.left, &pair.right);
            let path = config.notes_path(store::default_path(&l.name, &r.name, l.name != "-"));
            Notebook::open(&path, l, r)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let (versions, cmp, notebook) = Versions::new(series, notebooks)
        .ok_or_else(|| CliError::Usage("give two or more versions to compare".into()))?;
    Ok(Start {
        cmp,
        notebook,
        versions: Some(versions),
    })
}
