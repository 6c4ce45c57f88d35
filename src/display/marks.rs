//! Which words of a link to emphasise, the same on every output (the
//! screen, the coloured text report, the HTML report): differing facts
//! strongly, other changed words lightly.

use super::Mark;
use crate::core::Side;
use crate::core::compare::ComparedLink;

/// The words to emphasise on one side of a link (byte spans of the article
/// text, sorted): differing facts and every suggestion's words strongly,
/// other changed words lightly.
pub fn link_marks(l: &ComparedLink, side: Side) -> Vec<Mark> {
    let left = side == Side::Left;
    let (tokens, differing) = (l.diff.side(side), &l.differing[side.index()]);
    let suggested = l
        .discrepancies
        .iter()
        .filter_map(|d| if left { d.left } else { d.right });
    let mut strong: Vec<(usize, usize)> = differing
        .iter()
        .map(|&i| tokens[i].span())
        .chain(suggested)
        .collect();
    strong.sort_unstable();
    strong.dedup();
    // Changed words lightly, strong words (changed or not) strongly: cut
    // the changes around the strong spans, then merge both in order.
    let mut light: Vec<(usize, usize)> = Vec::new();
    for c in &l.diff.changes {
        let span = if left {
            l.diff.left_span(&c.left)
        } else {
            l.diff.right_span(&c.right)
        };
        let Some((s, e)) = span else { continue };
        let mut pos = s;
        for &(fs, fe) in strong.iter().filter(|&&(fs, fe)| fe > s && fs < e) {
            if pos < fs {
                light.push((pos, fs));
            }
            pos = pos.max(fe);
        }
        if pos < e {
            light.push((pos, e));
        }
    }
    // Strong spans may overlap each other: merge them.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in strong {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut marks: Vec<Mark> = light
        .into_iter()
        .map(|(s, e)| Mark {
            range: s..e,
            strong: false,
        })
        .collect();
    marks.extend(merged.into_iter().map(|(s, e)| Mark {
        range: s..e,
        strong: true,
    }));
    marks.sort_by_key(|m| m.range.start);
    marks
}
