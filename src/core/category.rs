//! The categories of discrepancy: what the detectors find and what a
//! reviewer's note records. They sit at the core's root because detecting,
//! comparing and note-taking all name them.

use serde::{Deserialize, Serialize};

/// What kind of discrepancy a note records. The digit is the key that picks
/// it in the tag dialog.
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
    /// In the order of their digits: 1 to 9, then 0.
    pub const ALL: [Category; 10] = [
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

    pub fn digit(self) -> char {
        let i = Self::ALL.iter().position(|&c| c == self).expect("in ALL");
        char::from_digit(((i + 1) % 10) as u32, 10).expect("a digit")
    }

    pub fn from_digit(c: char) -> Option<Self> {
        let d = c.to_digit(10)? as usize;
        Some(Self::ALL[(d + 9) % 10])
    }

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
