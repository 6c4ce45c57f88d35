//! tandem: review two versions of an article side by side.
//!
//! - [`core`]: loading and segmenting documents, aligning them, classifying
//!   links and computing word-level changes. No terminal code.
//! - [`display`]: making text safe and tidy to draw (shared by both front ends).
//! - [`report`]: the outputs of `tandem align` (the JSON contract and the
//!   text report).
//! - [`tui`]: the interactive review screen.
//! - [`cli`]: the command line.

pub mod cli;
pub mod core;
pub mod display;
pub mod report;
pub mod tui;
