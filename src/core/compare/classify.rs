//! Is a link `aligned` (the same content, perhaps reworded) or `divergent`
//! (a fact differs)? A rewrite may change every ordinary word; a link is
//! divergent when, and only when, a discrepancy detector found something
//! in it, so that every `≠` carries its reason (see `compare::kind`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Aligned,
    Divergent,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Aligned => "aligned",
            Kind::Divergent => "divergent",
        }
    }
}
