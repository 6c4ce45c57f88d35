//! tandem: review two versions of an article side by side.
//!
//! - [`core`]: loading and segmenting documents, aligning them, classifying
//!   links and computing word-level changes. No terminal code.
//! - [`report`]: the outputs of `tandem align` (the JSON contract and the
//!   text report).
//! - [`cli`]: the command line.

pub mod cli;
pub mod display;
pub mod core;
pub mod report;
