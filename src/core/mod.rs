//! The terminal-free core of tandem: documents, alignment and comparison.
//! Nothing below this module knows about terminals or command lines.

pub mod align;
pub mod compare;
pub mod detect;
pub mod notes;
pub mod pipeline;
pub mod document;
pub mod edit_distance;
pub mod hashing;
pub mod language;
pub mod lexicon;
pub mod tokens;

mod category;
mod side;
pub use category::Category;
pub use side::Side;
