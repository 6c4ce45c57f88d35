//! Articles named by web address (`http://`, `https://`): fetched here, on
//! the command line's floor, and handed to the core as bytes and a name
//! like any file. No request is made for anything but an address the user
//! typed.
//!
//! A fetch is bounded: a timeout for the whole exchange (30 s, or
//! `TANDEM_TIMEOUT` seconds), the file size limit for the body, ten
//! redirects. The server's `Content-Type` says HTML or PDF where it does,
//! and its charset is turned into UTF-8; what it leaves open is read by
//! content, as a file is. Every failure is one line naming the address.

use std::io::ErrorKind;
use std::time::Duration;

use crate::core::document::{Format, LoadError, MAX_BYTES};
use crate::core::pipeline::{self, Source};

/// Redirects followed before giving up: browsers stop at about twenty;
/// an article is rarely more than two away.
const MAX_REDIRECTS: u32 = 10;
const TIMEOUT: Duration = Duration::from_secs(30);

/// Is `name` a web address rather than a path?
pub fn is_address(name: &str) -> bool {
    let lower = name.get(..8).unwrap_or(name).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads a web address, a file, or standard input (`-`).
pub fn read(name: &str) -> Result<Source, LoadError> {
    if is_address(name) {
        fetch(name)
    } else {
        pipeline::files(name)
    }
}

/// A name for the notes file from an address: its host and path, with
/// anything but letters and digits made a dash (`https://example.org/a/b`
/// gives `example-org-a-b`).
pub fn notes_stem(address: &str) -> String {
    let rest = address.split_once("://").map_or(address, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let mut stem = String::new();
    for c in rest.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    stem.trim_matches('-').to_string()
}

fn timeout() -> Duration {
    std::env::var("TANDEM_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(TIMEOUT, Duration::from_secs_f64)
}

fn fetch(address: &str) -> Result<Source, LoadError> {
    let fail = |reason: String| LoadError::Format {
        name: address.into(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout()))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("tandem/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent.get(address).call().map_err(|e| fail(reason(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!(
            "the server answered {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or_default()
        )));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type").unwrap_or_default();
    if let Some(size) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok())
        && size > MAX_BYTES
    {
        return Err(too_large(address, size));
    }
    let bytes = response
        .into_body()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(address, MAX_BYTES + 1),
            e => fail(reason(&e)),
        })?;
    let (format, charset) = declared(&content_type);
    let bytes = match charset {
        Some(label) if format != Some(Format::Pdf) => to_utf8(bytes, &label)
            .ok_or_else(|| fail(format!("declares an unknown charset {label:?}")))?,
        _ => bytes,
    };
    Ok(Source { bytes, format })
}

fn too_large(address: &str, size: u64) -> LoadError {
    LoadError::TooLarge {
        name: address.into(),
        size,
        limit: MAX_BYTES,
    }
}

/// What a failed request means to the person who typed the address.
fn reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::HostNotFound => "no such host (the name does not resolve)".into(),
        ureq::Error::Timeout(_) => format!(
            "no answer within {} s (set TANDEM_TIMEOUT to wait longer)",
            timeout().as_secs_f64()
        ),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            format!("redirects more than {MAX_REDIRECTS} times (a redirect loop?)")
        }
        ureq::Error::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
            "the server refused the connection".into()
        }
        ureq::Error::Io(io) if io.kind() == ErrorKind::TimedOut => {
            "the connection timed out".into()
        }
        // The system's resolver says so only in words (no error kind of its own).
        ureq::Error::Io(io) if io.to_string().contains("lookup address") => {
            "no such host (the name does not resolve)".into()
        }
        // rustls reports a broken handshake as invalid data on the stream.
        ureq::Error::Io(io) if io.kind() == ErrorKind::InvalidData => {
            format!("TLS failed: {io}")
        }
        ureq::Error::Tls(what) => format!("TLS failed: {what}"),
        ureq::Error::Rustls(e) => format!("TLS failed: {e}"),
        ureq::Error::BadUri(_) => "is not a valid web address".into(),
        ureq::Error::ConnectionFailed => "cannot connect to the server".into(),
        e => format!("cannot be fetched: {e}"),
    }
}

/// The format and charset a `Content-Type` declares: HTML and PDF by
/// their types; plain text and anything else are left to the content.
fn declared(content_type: &str) -> (Option<Format>, Option<String>) {
    let mut parts = content_type.split(';');
    let mime = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches('"').to_string())
    });
    let format = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/pdf" => Some(Format::Pdf),
        _ => None,
    };
    (format, charset)
}

/// The text in `bytes`, written in the charset `label` names, as UTF-8;
/// `None` for a charset no one knows.
fn to_utf8(bytes: Vec<u8>, label: &str) -> Option<Vec<u8>> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    if encoding == encoding_rs::UTF_8 {
        return Some(bytes);
    }
    let (text, _, _) = encoding.decode(&bytes);
    Some(text.into_owned().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_paths() {
        assert!(is_address("https://example.org/a"));
        assert!(is_address("HTTP://example.org"));
        assert!(!is_address("http.txt"));
        assert!(!is_address("news/https-story.txt"));
        assert!(!is_address("-"));
    }

    #[test]
    fn notes_are_named_from_the_address() {
        assert_eq!(
            notes_stem("https://example.org/news/story.html?utm=x#top"),
            "example-org-news-story-html"
        );
        assert_eq!(notes_stem("http://127.0.0.1:8080/"), "127-0-0-1-8080");
    }

    #[test]
    fn the_content_type_declares_the_format_and_charset() {
        assert_eq!(
            declared("text/html; charset=ISO-8859-1"),
            (Some(Format::Html), Some("ISO-8859-1".into()))
        );
        assert_eq!(declared("application/pdf"), (Some(Format::Pdf), None));
        assert_eq!(
            declared("text/plain;charset=\"utf-8\""),
            (None, Some("utf-8".into()))
        );
        assert_eq!(declared(""), (None, None));
    }

    #[test]
    fn a_declared_charset_becomes_utf8() {
        assert_eq!(
            to_utf8(b"caf\xe9".to_vec(), "latin1"),
            Some("café".as_bytes().to_vec())
        );
        assert_eq!(to_utf8(b"x".to_vec(), "klingon"), None);
    }
}
