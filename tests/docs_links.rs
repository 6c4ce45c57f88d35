//! Every link in the README and the docs resolves inside the repository: a
//! newcomer reads them on a fresh clone, where nothing outside it exists.

use std::path::{Path, PathBuf};

/// The targets of the Markdown links `[text](target)` of one document,
/// without the `#fragment`; web addresses and pure fragments are left out.
fn local_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = rest[..end].trim();
        let path = target.split('#').next().unwrap_or_default();
        let web = target.contains("://") || target.starts_with("mailto:");
        if !web && !path.is_empty() {
            targets.push(path.to_string());
        }
        rest = &rest[end..];
    }
    targets
}

fn documents(root: &Path) -> Vec<PathBuf> {
    let mut docs = vec![root.join("README.md")];
    let mut stack = vec![root.join("docs")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("docs/ is readable") {
            let path = entry.expect("a docs entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                docs.push(path);
            }
        }
    }
    docs
}

#[test]
fn every_link_of_the_readme_and_the_docs_resolves_inside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = root.canonicalize().expect("the repository");
    let mut broken = Vec::new();
    for doc in documents(root) {
        let text = std::fs::read_to_string(&doc).expect("a readable document");
        let dir = doc.parent().expect("a document is in a folder");
        for target in local_targets(&text) {
            let resolved = dir.join(&target).canonicalize();
            match resolved {
                Ok(path) if path.starts_with(&repo) => {}
                _ => broken.push(format!("{}: {target}", doc.display())),
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that do not resolve inside the repository:\n{}",
        broken.join("\n")
    );
}

#[test]
fn links_are_read_from_markdown_and_web_addresses_are_left_out() {
    let text = "see [a](docs/a.md#part), [b](https://example.org/x) and [c](#local), [d](../x.md)";
    assert_eq!(local_targets(text), vec!["docs/a.md", "../x.md"]);
}
