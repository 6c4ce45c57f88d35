//! The bundled sample pair, embedded in the binary so that `tandem` works
//! from any directory.

use crate::core::document::Document;

pub const LEFT_NAME: &str = "kremlin-talks-original.txt";
pub const RIGHT_NAME: &str = "kremlin-talks-rewrite.txt";
const LEFT: &str = include_str!("../../assets/samples/kremlin-talks-original.txt");
const RIGHT: &str = include_str!("../../assets/samples/kremlin-talks-rewrite.txt");

/// The two versions of the sample story, segmented.
pub fn pair() -> (Document, Document) {
    (
        Document::parse(LEFT_NAME, LEFT),
        Document::parse(RIGHT_NAME, RIGHT),
    )
}
