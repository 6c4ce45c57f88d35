//! The outputs of `tandem align`: the JSON contract (`docs/align-json.md`) that
//! scripts depend on, and a text report for people.

pub mod json;
pub mod text;
