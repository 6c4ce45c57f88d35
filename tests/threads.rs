//! The core runs its independent stages on all cores; the results must be
//! the same as on one.

#[allow(
    dead_code,
    reason = "the benchmarks' generator: this test needs only its text"
)]
#[path = "../benches/common/mod.rs"]
mod common;

use tandem::core::compare::Comparison;
use tandem::core::document::Document;

/// The whole JSON report of the pair, computed on `threads` threads.
fn report(threads: usize, left: &str, right: &str) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        tandem::report::json::render(&Comparison::new(
            Document::parse("l", left),
            Document::parse("r", right),
        ))
    })
}

#[test]
fn one_thread_and_several_give_the_same_report() {
    let (sample_left, sample_right) = tandem::cli::samples::pair();
    // The generated pair has thousands of sentences, enough for every
    // parallel stage to split its work.
    let (left, right) = common::pair(150_000, common::seed(150));
    for (l, r) in [
        (sample_left.text.as_str(), sample_right.text.as_str()),
        (&left, &right),
    ] {
        let single = report(1, l, r);
        assert!(single.contains("\"links\""));
        assert_eq!(single, report(3, l, r));
    }
}
