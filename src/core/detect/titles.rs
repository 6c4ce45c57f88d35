//! `title`: a role or title that differs between the versions.

use super::discrepancy::Discrepancy;
use super::listed::List;
use super::words::{Words, cue_category, cues, is_title, unmatched};
use crate::core::Category;

/// `title`: a role or title that differs between the versions. One that
/// only appears or disappears counts when it changes the meaning ("former")
/// and the person it belongs to is named in both versions; a title that
/// vanishes with its person is an omission, not a title change.
pub(super) fn titles<'a>(left: &Words<'a>, right: &Words<'a>, out: &mut Vec<Discrepancy>) {
    let lu = unmatched(left, &cues(left, |i| is_title(left, i)), right);
    let ru = unmatched(right, &cues(right, |i| is_title(right, i)), left);
    if lu.is_empty() == ru.is_empty() {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
        return;
    }
    let (side, other, found) = if lu.is_empty() {
        (right, left, &ru)
    } else {
        (left, right, &lu)
    };
    let modifier = found.iter().any(|&i| side.in_list(List::TitleModifier, i));
    // The person: a name within two words after the title (or just before it).
    let person = found
        .iter()
        .flat_map(|&i| i.saturating_sub(2)..(i + 3).min(side.tokens.len()))
        .find(|&j| side.is(j, List::NameAsWritten) && !is_title(side, j));
    let named_in_both = person.is_some_and(|j| {
        other
            .tokens
            .iter()
            .any(|t| t.word() == side.tokens[j].word())
    });
    if modifier && named_in_both {
        cue_category(Category::Title, left, right, lu, ru, &is_title, out);
    }
}
