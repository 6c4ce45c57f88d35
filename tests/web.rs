//! Articles by web address, from a server on 127.0.0.1 started here: two
//! addresses align exactly as the saved files do, the server's type and
//! charset are respected, and every way a fetch fails (404, 500, a
//! timeout, a body over the size limit, a redirect loop, no server, TLS
//! spoken to a server that has none) is one
//! line and exit status 2.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tiny_http::{Header, Response, Server, StatusCode};

const DIR: &str = "tests/fixtures/pdf";

/// A server answering on 127.0.0.1 until dropped (or a minute has
/// passed), each request on a thread of its own so a slow answer holds up
/// no other.
struct Site {
    base: String,
    stop: Arc<AtomicBool>,
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn respond(request: tiny_http::Request) {
    let url = request.url().to_string();
    let file = |name: &str| std::fs::read(format!("{DIR}/{name}")).expect("fixture");
    let ok = |bytes: Vec<u8>, kind: &str| {
        Response::from_data(bytes).with_header(header("Content-Type", kind))
    };
    let result = match url.as_str() {
        "/article" => request.respond(ok(file("article.html"), "text/html; charset=utf-8")),
        "/edited" => request.respond(ok(file("article-edited.html"), "text/html")),
        "/print" => request.respond(ok(file("article.pdf"), "application/pdf")),
        "/latin1" => request.respond(ok(
            b"<p>Un caf\xe9 co\xfbte 3 euros.</p>".to_vec(),
            "text/html; charset=ISO-8859-1",
        )),
        "/moved" => request
            .respond(Response::empty(StatusCode(301)).with_header(header("Location", "/article"))),
        "/loop" => request
            .respond(Response::empty(StatusCode(302)).with_header(header("Location", "/loop"))),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            request.respond(ok(b"late".to_vec(), "text/plain"))
        }
        // 200 MB, past the 128 MiB limit, sent as it comes (chunked).
        "/huge" => request.respond(Response::new(
            StatusCode(200),
            vec![header("Content-Type", "text/plain")],
            std::io::Read::take(std::io::repeat(b'a'), 200_000_000),
            None,
            None,
        )),
        "/broken" => request.respond(Response::from_string("oops").with_status_code(500)),
        _ => request.respond(Response::from_string("not here").with_status_code(404)),
    };
    // The client may have hung up (the timeout test): nothing to do.
    drop(result);
}

fn site() -> Site {
    let server = Server::http("127.0.0.1:0").expect("a port on the loopback");
    let base = format!("http://{}", server.server_addr());
    let stop = Arc::new(AtomicBool::new(false));
    let stopping = Arc::clone(&stop);
    std::thread::spawn(move || {
        let began = Instant::now();
        while !stopping.load(Ordering::Relaxed) && began.elapsed() < Duration::from_secs(60) {
            if let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(50)) {
                std::thread::spawn(move || respond(request));
            }
        }
    });
    Site { base, stop }
}

/// A port where a server speaks plain HTTP to whoever connects, as to a
/// TLS greeting it does not understand; it answers one connection.
fn plain_http() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = listener.local_addr().expect("bound").port();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut greeting = [0u8; 512];
            let _ = std::io::Read::read(&mut stream, &mut greeting);
            let _ = std::io::Write::write_all(
                &mut stream,
                b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
            );
        }
    });
    port
}

fn tandem(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("tandem")
        .expect("built")
        .args(args)
        .env("TANDEM_TIMEOUT", "1")
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs")
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn two_addresses_align_exactly_as_the_saved_files_do() {
    let site = site();
    let (l, r) = (
        format!("{}/article", site.base),
        format!("{}/edited", site.base),
    );
    let web = json(&tandem(&["align", "--format", "json", &l, &r]));
    let files = json(&tandem(&[
        "align",
        "--format",
        "json",
        &format!("{DIR}/article.html"),
        &format!("{DIR}/article-edited.html"),
    ]));
    for key in ["links", "omissions", "summary"] {
        assert_eq!(web[key], files[key], "{key}");
    }
    for side in ["left", "right"] {
        assert_eq!(web[side]["format"], "html");
        assert_eq!(web[side]["sentences"], files[side]["sentences"]);
    }
    assert_eq!(
        web["left"]["path"],
        l.as_str(),
        "the address names the side"
    );
    assert_eq!(web["summary"]["divergent"], 2);
}

#[test]
fn the_servers_type_and_charset_are_respected_and_redirects_followed() {
    let site = site();
    let text = |path: &str| {
        let out = tandem(&["text", &format!("{}{path}", site.base)]);
        assert!(
            out.status.success(),
            "{path}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let page =
        String::from_utf8(tandem(&["text", &format!("{DIR}/article.html")]).stdout).expect("UTF-8");
    assert_eq!(text("/article"), page);
    assert_eq!(text("/moved"), page);
    assert_eq!(
        text("/print"),
        page,
        "a PDF by its type, whatever the address"
    );
    assert_eq!(text("/latin1"), "Un café coûte 3 euros.\n");
}

#[test]
fn every_failure_is_one_line_and_exit_status_2() {
    let site = site();
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("bound").port()
    }; // dropped: nothing listens there now
    let cases = [
        (format!("{}/missing", site.base), "404"),
        (format!("{}/broken", site.base), "500"),
        (format!("{}/slow", site.base), "no answer within 1 s"),
        (format!("{}/huge", site.base), "too large"),
        (format!("{}/loop", site.base), "redirect"),
        (format!("http://127.0.0.1:{closed}/"), "refused"),
        (format!("https://127.0.0.1:{}/", plain_http()), "TLS"),
    ];
    for (address, says) in cases {
        let began = Instant::now();
        let out = tandem(&["text", &address]);
        assert!(
            began.elapsed() < Duration::from_secs(10),
            "{address}: bounded"
        );
        assert_eq!(out.status.code(), Some(2), "{address}");
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(err.lines().count(), 1, "{address}: {err}");
        assert!(
            err.contains(&address) && err.contains(says),
            "{address}: {err}"
        );
    }
}
