//! Three or more versions on the command line: loading them and printing
//! the series' reports.

use rayon::prelude::*;

use crate::core::document::{Document, Format as InputFormat};
use crate::core::series::Series;
use crate::report;

use super::{
    Cli, CliError, ColorChoice, Format, terminal_width, to_stdout, write_report, write_stdout,
};

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

/// `tandem V1 V2 V3 …`: the review screen compares two versions, so a
/// series is printed as its text report.
pub fn review(cli: &Cli) -> Result<(), CliError> {
    let files: Vec<String> = cli
        .left
        .iter()
        .chain(&cli.right)
        .chain(&cli.more)
        .cloned()
        .collect();
    let series = load(&files, cli.input.format())?;
    write(&series, Format::Text, None, cli.color)
}
