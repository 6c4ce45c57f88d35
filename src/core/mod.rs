//! The terminal-free core of tandem: documents, alignment and comparison.
//! Nothing below this module knows about terminals or command lines.
//!
//! Parallel loops cap the size of their tasks (rayon's `with_max_len`).
//! Rayon cuts a loop into a few pieces per thread and cuts further only
//! when an idle thread steals work; with two threads a loop ran as a few
//! large pieces, and the last of them kept one core busy for 10-20 ms
//! while the other waited (a perf timeline of the 1 MB pair showed such a
//! tail after the candidate search, the pair scoring and the comparison).
//! With small tasks the idle core takes its share of the rest.

pub mod align;
pub mod compare;
pub mod detect;
pub mod document;
pub mod edit_distance;
pub mod hashing;
pub mod language;
pub mod lexicon;
pub mod notes;
pub mod pipeline;
pub mod series;
pub mod tokens;

mod category;
mod side;
pub use category::Category;
pub use side::Side;
