//! The outputs of `tandem align`: the JSON contract (`ALIGN-JSON.md`) that
//! scripts depend on, and a text report for people.

pub mod json;
pub mod text;
