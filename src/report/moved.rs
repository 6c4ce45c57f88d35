//! Pointers between a moved passage and the place it came from, right in
//! every report: the passage is shown once, in the left article's order,
//! and its old place in the right article says where to look.

use crate::core::compare::units::Unit;

/// "above" or "below": where the moved link `k` is shown, seen from the
/// unit at index `here` of `units`.
pub fn direction(units: &[Unit], here: usize, k: usize) -> &'static str {
    match units.iter().position(|u| *u == Unit::Link(k)) {
        Some(at) if at > here => "below",
        _ => "above",
    }
}
