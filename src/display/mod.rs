//! Turning article text into something safe and tidy to draw: neutralising
//! control characters and escape sequences, measuring display width, and
//! wrapping at word boundaries. Shared by the text report and the TUI.

mod marks;
mod sanitize;
mod wrap;

pub use marks::link_marks;
pub use sanitize::{sanitize, sanitize_marked, sanitize_span, sanitize_text};
pub use wrap::{Line, Mark, width, wrap, wrap_marked};
