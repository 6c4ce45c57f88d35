//! The outputs of `tandem align`: the JSON contract (`docs/align-json.md`) that
//! scripts depend on, and a text report for people.

pub mod color;
pub mod html;
pub mod json;
pub mod moved;
pub mod placement;
pub mod series;
pub mod text;
