//! `tandem align --format json`: the stable contract of `docs/align-json.md`.

use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::core::Side;
use crate::core::compare::{ComparedLink, Comparison};
use crate::core::document::{self, Document};
use crate::core::notes::store::sha256_hex;
use crate::core::series::{FactHistory, PassageChange, Series};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    left: Article<'a>,
    right: Article<'a>,
    links: Parallel<'a, ComparedLink, Link<'a>>,
    omissions: Vec<Omission<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Article<'a> {
    path: &'a str,
    /// What the file was read as: plain, markdown, html, docx, odt.
    format: &'static str,
    /// What positions refer to: "file" (the file's bytes) or "extracted"
    /// (the text `tandem text` prints).
    offsets: &'static str,
    /// Word or OpenDocument with tracked changes: the accepted text is read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    tracked_changes: bool,
    language: Language,
    sentences: Parallel<'a, document::Sentence, Sentence>,
}

/// Which language the article is in, and whether word lists for it ran.
#[derive(Serialize)]
struct Language {
    code: &'static str,
    name: &'static str,
    word_lists: bool,
}

#[derive(Serialize)]
struct Sentence {
    start: usize,
    end: usize,
    paragraph: usize,
    heading: bool,
}

#[derive(Serialize)]
struct Link<'a> {
    left: Vec<usize>,
    right: Vec<usize>,
    kind: &'static str,
    score: f64,
    moved: bool,
    changes: Vec<Change>,
    discrepancies: Vec<Discrepancy<'a>>,
}

#[derive(Serialize)]
struct Change {
    op: &'static str,
    left: Option<[usize; 2]>,
    right: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct Discrepancy<'a> {
    category: &'static str,
    left: Option<[usize; 2]>,
    right: Option<[usize; 2]>,
    left_text: &'a str,
    right_text: &'a str,
    explanation: &'a str,
}

#[derive(Serialize)]
struct Omission<'a> {
    category: &'static str,
    side: &'static str,
    text: &'a str,
    at: [usize; 2],
}

#[derive(Serialize)]
struct Summary {
    aligned: usize,
    divergent: usize,
    unique_left: usize,
    unique_right: usize,
}

fn side(doc: &Document, depth: usize) -> Article<'_> {
    Article {
        path: &doc.name,
        format: doc.format.id(),
        offsets: if doc.format.keeps_file_offsets() {
            "file"
        } else {
            "extracted"
        },
        tracked_changes: doc.tracked_changes,
        language: language(doc),
        // In the report's object, in "left" or "right", in "sentences".
        sentences: Parallel {
            items: &doc.sentences,
            view: |s| Sentence {
                start: s.start,
                end: s.end,
                paragraph: s.paragraph,
                heading: s.heading,
            },
            depth: depth + 3,
        },
    }
}

fn language(doc: &Document) -> Language {
    let language = doc.language;
    Language {
        code: language.code,
        name: language.name,
        word_lists: language.lexicon().has_lists(),
    }
}

/// Renders the comparison as the contract's JSON object (pretty-printed).
pub fn render(cmp: &Comparison) -> String {
    let mut out = Vec::new();
    serialise(cmp, &mut out).expect("plain data always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes [`render`]'s object and a line end to `out` as it is serialised:
/// the JSON of a long pair is about ten times the size of its articles, and
/// need not be held in memory.
pub fn write(cmp: &Comparison, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    serialise(cmp, &mut out)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn serialise(cmp: &Comparison, out: impl Write) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, Pretty(PrettyFormatter::new()));
    Ok(output(cmp, 0).serialize(&mut serializer)?)
}

/// One of the report's long arrays (the links, each article's sentences),
/// serialised a group at a time: a group's items are rendered on all cores,
/// each to its own pretty-printed JSON, and written in order. Serialising
/// the links was the last stage on one core; a group at a time, the report
/// is still never held whole.
struct Parallel<'a, T, V> {
    items: &'a [T],
    /// What the report shows of an item.
    view: fn(&'a T) -> V,
    /// How deep the array's items are in the report: how far their lines
    /// are indented.
    depth: usize,
}

/// Items rendered at a time: a few MB of JSON.
const GROUP: usize = 4096;
/// Items rendered by one task.
const PART: usize = 64;

impl<'a, T: Sync, V: Serialize> Serialize for Parallel<'a, T, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for group in self.items.chunks(GROUP) {
            // Per task: its items' JSON one after the other, and where each ends.
            let parts: Vec<(Vec<u8>, Vec<usize>)> = group
                .par_chunks(PART)
                .with_max_len(1)
                .map(|part| {
                    let (mut json, mut ends) = (Vec::new(), Vec::with_capacity(part.len()));
                    for item in part {
                        let mut serializer =
                            serde_json::Serializer::with_formatter(&mut json, nested(self.depth));
                        (self.view)(item)
                            .serialize(&mut serializer)
                            .expect("plain data always serialises");
                        ends.push(json.len());
                    }
                    (json, ends)
                })
                .collect();
            for (json, ends) in &parts {
                let mut start = 0;
                for &end in ends {
                    seq.serialize_element(&Rendered(&json[start..end]))?;
                    start = end;
                }
            }
        }
        seq.end()
    }
}

/// serde_json's pretty printer as it stands `depth` levels deep in the
/// report: what it writes of an item fits where the item stands.
fn nested(depth: usize) -> PrettyFormatter<'static> {
    let mut formatter = PrettyFormatter::new();
    for _ in 0..depth {
        formatter
            .begin_array(&mut io::sink())
            .expect("a sink takes anything");
    }
    formatter
}

/// An item's JSON, rendered: [`Pretty`] writes it as it stands.
struct Rendered<'a>(&'a [u8]);

impl Serialize for Rendered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// serde_json's pretty printer, except that a byte array is JSON already
/// rendered ([`Rendered`]), written as it stands: the report has no bytes
/// of its own. Each method the pretty printer has is passed on to it.
struct Pretty(PrettyFormatter<'static>);

/// Formatter methods that [`Pretty`] passes on to serde_json's pretty printer.
macro_rules! pass_on {
    ($($method:ident($($arg:ident: $type:ty),*);)*) => {$(
        fn $method<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $type)*) -> io::Result<()> {
            self.0.$method(writer $(, $arg)*)
        }
    )*};
}

impl Formatter for Pretty {
    fn write_byte_array<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        json: &[u8],
    ) -> io::Result<()> {
        writer.write_all(json)
    }

    pass_on! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

/// The report's object of `cmp`, standing `depth` levels deep in the
/// report (0 for a pair alone, 2 for a pair in a series' "pairs").
fn output(cmp: &Comparison, depth: usize) -> Output<'_> {
    let s = cmp.summary();
    Output {
        version: 1,
        left: side(&cmp.left, depth),
        right: side(&cmp.right, depth),
        // In the report's object, in "links".
        links: Parallel {
            items: &cmp.links,
            view: link,
            depth: depth + 2,
        },
        omissions: cmp
            .omissions
            .iter()
            .map(|o| Omission {
                category: o.category.id(),
                side: o.side.name(),
                text: &o.text,
                at: [o.at.0, o.at.1],
            })
            .collect(),
        summary: Summary {
            aligned: s.aligned,
            divergent: s.divergent,
            unique_left: s.unique_left,
            unique_right: s.unique_right,
        },
    }
}

/// `tandem align V1 V2 V3 … --format json`: the versions, each consecutive
/// pair as the two-version command prints it, and the history of the facts
/// that changed (`docs/align-json.md`).
#[derive(Serialize)]
struct SeriesOutput<'a> {
    version: u32,
    versions: Vec<Version<'a>>,
    pairs: Vec<Output<'a>>,
    history: Vec<Fact<'a>>,
    passages: Vec<Passage<'a>>,
}

/// A passage added or dropped between two consecutive versions.
#[derive(Serialize)]
struct Passage<'a> {
    pair: usize,
    /// "added" (in version `pair + 1`) or "dropped" (from version `pair`).
    change: &'static str,
    /// Its sentences and byte span in the version that has it.
    sentences: Vec<usize>,
    at: [usize; 2],
    text: &'a str,
}

#[derive(Serialize)]
struct Version<'a> {
    path: &'a str,
    format: &'static str,
    language: Language,
    sha256: String,
}

#[derive(Serialize)]
struct Fact<'a> {
    category: &'static str,
    slot: Option<&'a str>,
    /// Per version: the fact's words, `null` where the version does not state it.
    texts: Vec<Option<&'a str>>,
    /// Per version: where those words stand, `null` with the text.
    at: Vec<Option<[usize; 2]>>,
    /// Per version: the sentence they stand in.
    sentences: Vec<Option<usize>>,
    /// Where it changed: pair `i` compares versions `i` and `i + 1`.
    changes: Vec<FactChange<'a>>,
}

#[derive(Serialize)]
struct FactChange<'a> {
    pair: usize,
    explanation: &'a str,
}

/// Writes the series report and a line end to `out`.
pub fn write_series(series: &Series, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::new(out);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, Pretty(PrettyFormatter::new()));
    let (history, passages) = (series.history(), series.passages());
    series_output(series, &history, &passages).serialize(&mut serializer)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn series_output<'a>(
    series: &'a Series,
    history: &'a [FactHistory],
    passages: &'a [PassageChange],
) -> SeriesOutput<'a> {
    SeriesOutput {
        version: 1,
        versions: series
            .versions()
            .map(|doc| Version {
                path: &doc.name,
                format: doc.format.id(),
                language: language(doc),
                sha256: sha256_hex(&doc.text),
            })
            .collect(),
        // In the report's object, in "pairs".
        pairs: series.pairs().iter().map(|cmp| output(cmp, 2)).collect(),
        history: history
            .iter()
            .map(|f| Fact {
                category: f.category.id(),
                slot: f.slot.as_deref(),
                texts: f
                    .values
                    .iter()
                    .map(|v| v.as_ref().map(|v| v.text.as_str()))
                    .collect(),
                at: f
                    .values
                    .iter()
                    .map(|v| v.as_ref().map(|v| [v.at.0, v.at.1]))
                    .collect(),
                sentences: f
                    .values
                    .iter()
                    .map(|v| v.as_ref().map(|v| v.sentence))
                    .collect(),
                changes: f
                    .steps
                    .iter()
                    .map(|s| FactChange {
                        pair: s.pair,
                        explanation: &s.explanation,
                    })
                    .collect(),
            })
            .collect(),
        passages: passages
            .iter()
            .map(|c| {
                let (change, version) = match c.side {
                    Side::Left => ("dropped", c.pair),
                    Side::Right => ("added", c.pair + 1),
                };
                Passage {
                    pair: c.pair,
                    change,
                    sentences: c.sentences.clone().collect(),
                    at: [c.at.0, c.at.1],
                    text: &series.version(version).text[c.at.0..c.at.1],
                }
            })
            .collect(),
    }
}

/// What the report shows of a link.
fn link(l: &ComparedLink) -> Link<'_> {
    Link {
        left: l.link.left.clone().collect(),
        right: l.link.right.clone().collect(),
        kind: l.kind.as_str(),
        // Four decimals are plenty for people and keep the output stable.
        score: (f64::from(l.link.score) * 1e4).round() / 1e4,
        moved: l.link.moved,
        changes: l
            .diff
            .changes
            .iter()
            .map(|c| Change {
                op: c.op.as_str(),
                left: l.diff.left_span(&c.left).map(|(s, e)| [s, e]),
                right: l.diff.right_span(&c.right).map(|(s, e)| [s, e]),
            })
            .collect(),
        discrepancies: l
            .discrepancies
            .iter()
            .map(|d| Discrepancy {
                category: d.category.id(),
                left: d.left.map(|(s, e)| [s, e]),
                right: d.right.map(|(s, e)| [s, e]),
                left_text: &d.left_text,
                right_text: &d.right_text,
                explanation: &d.explanation,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    /// A JSON value that keeps its keys in the order read (serde_json's
    /// `Value` sorts them): what the report says, to print again.
    enum Ordered {
        Plain(serde_json::Value),
        Array(Vec<Ordered>),
        Object(Vec<(String, Ordered)>),
    }

    impl<'de> Deserialize<'de> for Ordered {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(OrderedVisitor)
        }
    }

    struct OrderedVisitor;

    impl<'de> Visitor<'de> for OrderedVisitor {
        type Value = Ordered;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }

        fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
            Ok(Ordered::Plain(v.into()))
        }

        fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
            Ok(Ordered::Plain(v.into()))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
            Ok(Ordered::Plain(v.into()))
        }

        fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
            Ok(Ordered::Plain(v.into()))
        }

        fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
            Ok(Ordered::Plain(v.into()))
        }

        fn visit_unit<E>(self) -> Result<Ordered, E> {
            Ok(Ordered::Plain(serde_json::Value::Null))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Ordered::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(Ordered::Object(entries))
        }
    }

    impl Serialize for Ordered {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            match self {
                Ordered::Plain(v) => v.serialize(serializer),
                Ordered::Array(items) => serializer.collect_seq(items),
                Ordered::Object(entries) => {
                    let mut map = serializer.serialize_map(Some(entries.len()))?;
                    for (k, v) in entries {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
            }
        }
    }

    /// The report reads exactly as serde_json pretty-prints what it says:
    /// the items rendered on their own fit where they stand.
    fn assert_pretty(cmp: &Comparison) {
        let json = render(cmp);
        let said: Ordered = serde_json::from_str(&json).expect("the report is JSON");
        assert!(
            json == serde_json::to_string_pretty(&said).unwrap(),
            "the report is not serde_json's pretty printing"
        );
        let mut written = Vec::new();
        write(cmp, &mut written).unwrap();
        assert_eq!(written, format!("{json}\n").into_bytes());
    }

    /// `items` repeated to `len`.
    fn long<T: Clone>(items: &mut Vec<T>, len: usize) {
        *items = items.iter().cycle().take(len).cloned().collect();
    }

    #[test]
    fn the_report_is_pretty_printed_json_over_several_groups_too() {
        let load = |name: &str| {
            Document::load(&format!("assets/samples/kremlin-talks-{name}.txt")).unwrap()
        };
        let mut cmp = Comparison::new(load("original"), load("rewrite"));
        assert!(
            cmp.links.iter().any(|l| !l.discrepancies.is_empty()),
            "the sample has findings with texts to escape"
        );
        assert_pretty(&cmp);
        // Long arrays, rendered in several groups (the JSON need not make
        // sense of the sentences, only print them).
        let past_groups = 2 * GROUP + PART + 1;
        long(&mut cmp.links, past_groups);
        // As many sentences as the links hold, and more unique ones.
        let linked: usize = cmp
            .links
            .iter()
            .map(|l| l.link.left.len().max(l.link.right.len()))
            .sum();
        long(&mut cmp.left.sentences, linked + past_groups);
        long(&mut cmp.right.sentences, linked + 1);
        assert_pretty(&cmp);
        // Empty arrays print as `[]`.
        cmp.links.clear();
        cmp.right.sentences.clear();
        assert_pretty(&cmp);
    }

    /// Deep values, from every depth an item may stand at, print as
    /// serde_json prints them there.
    #[test]
    fn deep_values_are_indented_as_serde_json_indents_them() {
        let mut value = serde_json::json!({"leaf": [1, {}, []], "empty": {}});
        for depth in 0..24 {
            value = if depth % 2 == 0 {
                serde_json::json!([value, depth])
            } else {
                serde_json::json!({"level": depth, "inner": value})
            };
        }
        let expected = serde_json::to_string_pretty(&value).unwrap();
        let mut out = Vec::new();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut out,
                Pretty(nested(0)),
            ))
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        for depth in [1, 3, 17, 40] {
            let mut deep = Vec::new();
            value
                .serialize(&mut serde_json::Serializer::with_formatter(
                    &mut deep,
                    Pretty(nested(depth)),
                ))
                .unwrap();
            let indent = "  ".repeat(depth);
            assert_eq!(
                String::from_utf8(deep).unwrap(),
                expected.replace('\n', &format!("\n{indent}"))
            );
        }
    }
}
