//! The categories of discrepancy: what the detectors find and what a
//! reviewer's note records. They sit at the core's root because detecting,
//! comparing and note-taking all name them.

use serde::{Deserialize, Serialize};

/// What kind of discrepancy a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Name,
    Title,
    Number,
    Date,
    Place,
    Attribution,
    Certainty,
    Contradiction,
    Omission,
    Other,
}

impl Category {
    /// In the order the tag dialog lists them. A slice, not an array of
    /// ten: the front ends find keys for as many as there are.
    pub const ALL: &'static [Category] = &[
        Category::Name,
        Category::Title,
        Category::Number,
        Category::Date,
        Category::Place,
        Category::Attribution,
        Category::Certainty,
        Category::Contradiction,
        Category::Omission,
        Category::Other,
    ];

    /// The id used in files and exports.
    pub fn id(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Title => "title",
            Category::Number => "number",
            Category::Date => "date",
            Category::Place => "place",
            Category::Attribution => "attribution",
            Category::Certainty => "certainty",
            Category::Contradiction => "contradiction",
            Category::Omission => "omission",
            Category::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Name => "name spelling or identity",
            Category::Title => "title or role",
            Category::Number => "number or quantity",
            Category::Date => "date or time",
            Category::Place => "place",
            Category::Attribution => "quote or attribution",
            Category::Certainty => "certainty or hedging",
            Category::Contradiction => "contradiction or negation",
            Category::Omission => "omission or addition",
            Category::Other => "other",
        }
    }
}
