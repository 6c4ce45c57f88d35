//! Review notes: what a reviewer found, anchored to both articles so that
//! the notes survive edits of the texts, kept safe on disk and exported.
//!
//! The notes file (documented in the README):
//! `{"version": 1, "left": {"path", "sha256"}, "right": {"path", "sha256"},
//!   "notes": [{"id", "category", "text", "status", "created", "updated",
//!              "left": ANCHOR or null, "right": ANCHOR or null}]}`
//! with ANCHOR = `{"exact", "prefix", "suffix", "start", "end"}` (byte
//! offsets) plus `char_start`/`char_end` (the same in Unicode code points,
//! which the W3C export needs even when the article is not at hand).

pub mod anchor;
pub mod change;
pub mod clean;
pub mod context;
mod edited;
pub mod escape;
pub mod export;
mod lock;
mod merge;
pub mod notebook;
pub mod store;
mod time;

use serde::{Deserialize, Serialize};

use crate::core::{Category, Side};
pub use anchor::Anchor;
pub use time::now_rfc3339;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Confirmed,
    Dismissed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Open, Status::Confirmed, Status::Dismissed];

    /// open -> confirmed -> dismissed -> open
    pub fn next(self) -> Self {
        match self {
            Status::Open => Status::Confirmed,
            Status::Confirmed => Status::Dismissed,
            Status::Dismissed => Status::Open,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Confirmed => "confirmed",
            Status::Dismissed => "dismissed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub category: Category,
    pub text: String,
    pub status: Status,
    pub created: String,
    pub updated: String,
    pub left: Option<Anchor>,
    pub right: Option<Anchor>,
    /// The key of the suggested discrepancy this note was accepted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Set on a copy made when two sessions changed the same note
    /// differently: the id of the note it conflicts with. The reviewer keeps
    /// one of the two (or both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<String>,
    /// Per side: the anchor could not be placed confidently in the article
    /// as it is now (it changed since). Worked out on loading; the stored
    /// anchor is kept as it was.
    #[serde(skip)]
    pub orphaned: [bool; 2],
}

/// A suggested discrepancy the reviewer rejected: it is not suggested again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The suggestion's key: category and the words on each side.
    pub key: String,
    pub category: Category,
    pub left: String,
    pub right: String,
    pub explanation: String,
    pub rejected: String,
}

impl Note {
    pub fn anchor(&self, side: Side) -> Option<&Anchor> {
        match side {
            Side::Left => self.left.as_ref(),
            Side::Right => self.right.as_ref(),
        }
    }

    pub fn is_orphan(&self) -> bool {
        self.orphaned.iter().any(|&o| o)
    }
}

/// Which article a notes file belongs to: its path and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    pub version: u32,
    pub left: Article,
    pub right: Article,
    pub notes: Vec<Note>,
    /// Suggestions the reviewer rejected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
    /// Top-level keys this version does not know (a later version's, or
    /// another tool's): kept as they are and written back on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A fresh note id: unique across sessions without coordination (time,
/// process and a counter, hashed).
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(nanos);
    h.write_u32(std::process::id());
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_serialise_by_their_ids() {
        for &c in Category::ALL {
            assert_eq!(
                serde_json::to_string(&c).expect("a category serialises"),
                format!("\"{}\"", c.id())
            );
        }
        assert_eq!(
            serde_json::to_string(&Category::Attribution).expect("a category serialises"),
            "\"attribution\""
        );
    }

    #[test]
    fn status_cycles_and_ids_are_unique() {
        assert_eq!(Status::Open.next().next().next(), Status::Open);
        assert_ne!(new_id(), new_id());
    }
}
