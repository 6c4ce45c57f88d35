//! The whole way from two files to a [`Comparison`] (read, segment, align,
//! compare), saying which stage it has reached, so that a front end can show
//! progress while the work runs elsewhere. Stages are reported between the
//! steps, never from inside them: the steps stay as they are.

use std::time::Duration;

use crate::core::Side;
use crate::core::compare::Comparison;
use crate::core::document::{Document, Format, LoadError, read_bytes};

/// How far the pipeline has come. Each stage is reported when it begins,
/// except `Read` and `Segmented`, which report what a side turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Reading a side's file, named as the user named it, has begun.
    Reading { side: Side, name: String },
    /// A side's file is in memory: this many bytes.
    Read { side: Side, bytes: usize },
    /// A side is split into this many sentences.
    Segmented { side: Side, sentences: usize },
    /// Aligning the sentences of both sides has begun.
    Aligning,
    /// Comparing the words of this many linked passages has begun.
    Comparing { links: usize },
}

/// A stage report: called on the thread doing the work.
pub type Report<'a> = &'a (dyn Fn(Stage) + Sync);

/// An article's bytes as a source gave them, and the format the source
/// declares for them, if it does (a web server's `Content-Type`).
pub struct Source {
    pub bytes: Vec<u8>,
    pub format: Option<Format>,
}

/// Reads the article a name names. The core reads files and standard
/// input ([`files`]); a front end may know other sources (web addresses)
/// and pass its own.
pub type Reader<'a> = &'a (dyn Fn(&str) -> Result<Source, LoadError> + Sync);

/// Reads files, and standard input for `-`.
pub fn files(path: &str) -> Result<Source, LoadError> {
    Ok(Source {
        bytes: read_bytes(path)?,
        format: None,
    })
}

/// Reads and segments one side (`-` reads standard input) as `format`, or
/// as its content and name say.
pub fn load(
    path: &str,
    format: Option<Format>,
    side: Side,
    report: Report,
) -> Result<Document, LoadError> {
    load_from(path, format, side, report, &files)
}

/// Reads one side through `read` and segments it as `format`, else as the
/// source declares, else as its content and name say.
pub fn load_from(
    path: &str,
    format: Option<Format>,
    side: Side,
    report: Report,
    read: Reader,
) -> Result<Document, LoadError> {
    report(Stage::Reading {
        side,
        name: path.to_string(),
    });
    let source = read(path)?;
    report(Stage::Read {
        side,
        bytes: source.bytes.len(),
    });
    Ok(segment(
        Document::from_bytes(path, source.bytes, format.or(source.format))?,
        side,
        report,
    ))
}

/// Loads both sides, each on its own thread. An error about the left file
/// comes first, as if they were loaded in turn.
pub fn load_both(
    left: &str,
    right: &str,
    format: Option<Format>,
    report: Report,
) -> Result<(Document, Document), LoadError> {
    load_both_from(left, right, format, report, &files)
}

/// [`load_both`] through `read`.
pub fn load_both_from(
    left: &str,
    right: &str,
    format: Option<Format>,
    report: Report,
    read: Reader,
) -> Result<(Document, Document), LoadError> {
    let (left, right) = rayon::join(
        || load_from(left, format, Side::Left, report, read),
        || load_from(right, format, Side::Right, report, read),
    );
    Ok((left?, right?))
}

/// Reports a document already in memory (the bundled sample) as read and
/// segmented, so a front end shows the same stages for it.
pub fn segment(doc: Document, side: Side, report: Report) -> Document {
    report(Stage::Segmented {
        side,
        sentences: doc.sentences.len(),
    });
    doc
}

/// Aligns and compares two segmented documents.
pub fn compare(left: Document, right: Document, report: Report) -> Comparison {
    report(Stage::Aligning);
    Comparison::build(left, right, |alignment| {
        report(Stage::Comparing {
            links: alignment.links.len(),
        })
    })
}

/// Reading, aligning and comparing run at about this many bytes of both
/// articles a second on a quiet 2-core machine in a release build
/// (`cargo bench --bench loading -- 5000`: 5 MB a side to the review screen
/// in about 2.2 s). The first estimate, before this machine has been timed.
const BYTES_PER_SECOND: f64 = 4.5e6;

/// What follows segmentation (aligning, comparing, laying the screen out)
/// takes about this many times as long as reading and segmenting did
/// (`tandem align` at 5 MB a side: both sides read and segmented in
/// 58-106 ms, aligned and compared 1.7-2.1 s later; laying out about
/// 150 ms more). Timing the segmentation measures this machine, busy or
/// not, so the estimate follows it.
const REST_PER_SEGMENTING: f64 = 28.0;

/// Pairs smaller than this load in about a second or less: no estimate.
pub const ESTIMATE_ABOVE: usize = 3_000_000;

/// About how long loading `bytes` of both articles takes, for pairs large
/// enough that the wait is felt.
pub fn expected(bytes: usize) -> Option<Duration> {
    (bytes > ESTIMATE_ABOVE).then(|| Duration::from_secs_f64(bytes as f64 / BYTES_PER_SECOND))
}

/// The estimate once both sides are segmented, `segmented` after the start
/// of the load, reading having begun at `began`: the rate measured so far.
pub fn expected_after_segmenting(began: Duration, segmented: Duration) -> Duration {
    segmented + segmented.saturating_sub(began).mul_f64(REST_PER_SEGMENTING)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn stages_come_in_order_with_what_each_side_turned_out_to_be() {
        let dir =
            tempfile::TempDir::with_prefix("tandem-pipeline-").expect("create the test directory");
        let (l, r) = (dir.path().join("l.txt"), dir.path().join("r.txt"));
        std::fs::write(
            &l,
            "The mayor spoke. She said 12 words.\n\nA new paragraph.\n",
        )
        .expect("write the test file");
        std::fs::write(&r, "The mayor spoke. She said 15 words.\n").expect("write the test file");
        let seen = Mutex::new(Vec::new());
        let report = |s: Stage| {
            seen.lock()
                .expect("no thread panicked holding the lock")
                .push(s)
        };
        let left = load(
            l.to_str().expect("test paths are UTF-8"),
            None,
            Side::Left,
            &report,
        )
        .expect("the test file loads");
        let right = load(
            r.to_str().expect("test paths are UTF-8"),
            None,
            Side::Right,
            &report,
        )
        .expect("the test file loads");
        let cmp = compare(left, right, &report);
        assert_eq!(
            seen.into_inner()
                .expect("no thread panicked holding the lock"),
            vec![
                Stage::Reading {
                    side: Side::Left,
                    name: l.display().to_string()
                },
                Stage::Read {
                    side: Side::Left,
                    bytes: 54
                },
                Stage::Segmented {
                    side: Side::Left,
                    sentences: 3
                },
                Stage::Reading {
                    side: Side::Right,
                    name: r.display().to_string()
                },
                Stage::Read {
                    side: Side::Right,
                    bytes: 36
                },
                Stage::Segmented {
                    side: Side::Right,
                    sentences: 2
                },
                Stage::Aligning,
                Stage::Comparing {
                    links: cmp.links.len()
                },
            ]
        );
        assert!(!cmp.links.is_empty());
    }

    #[test]
    fn a_file_that_cannot_be_read_stops_after_its_reading_began() {
        let seen = Mutex::new(Vec::new());
        let err = load("/nonexistent/tandem/a.txt", None, Side::Left, &|s| {
            seen.lock()
                .expect("no thread panicked holding the lock")
                .push(s)
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "/nonexistent/tandem/a.txt: no such file");
        assert_eq!(
            seen.into_inner()
                .expect("no thread panicked holding the lock"),
            vec![Stage::Reading {
                side: Side::Left,
                name: "/nonexistent/tandem/a.txt".into()
            }]
        );
    }

    #[test]
    fn only_large_pairs_get_an_estimate_and_it_grows_with_the_size() {
        assert_eq!(expected(1_000_000), None);
        let five = expected(10_000_000).expect("large pairs get an estimate");
        let fifty = expected(100_000_000).expect("large pairs get an estimate");
        assert!(five < fifty && five > Duration::from_secs(1));
        let (began, segmented) = (Duration::from_millis(10), Duration::from_millis(90));
        let measured = expected_after_segmenting(began, segmented);
        assert!(
            measured > segmented + Duration::from_secs(2)
                && measured < segmented + Duration::from_secs(4),
            "{measured:?}"
        );
        assert!(
            expected_after_segmenting(began, segmented * 2) > measured,
            "a slower machine expects longer"
        );
    }
}
