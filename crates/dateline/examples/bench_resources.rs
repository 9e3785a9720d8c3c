//! How long loading the reference data takes, and how much memory it holds.
//!
//! `cargo run --release -p dateline --example bench_resources [ROUNDS]`
//! Prints one JSON object: the median and slowest load of ROUNDS (default 10), the peak
//! resident memory of the process, and the table sizes (the check that all of it loaded).

use std::time::Instant;

#[path = "support/rss.rs"]
mod rss;

use dateline::resources::Resources;

fn main() {
    let rounds: usize = std::env::args().nth(1).map_or(10, |r| r.parse().expect("ROUNDS is a number"));
    let mut times = Vec::with_capacity(rounds);
    let mut sizes = (0, 0, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        let r = Resources::embedded().expect("the embedded data loads");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        sizes = (r.tables.cities.len(), r.tables.countries.len(), r.index().len());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"rounds\": {rounds}, \"median_ms\": {:.1}, \"max_ms\": {:.1}, \"peak_rss_mb\": {:.0}, \"cities\": {}, \"countries\": {}, \"names\": {}}}",
        times[times.len() / 2],
        times[times.len() - 1],
        rss::peak_rss_kb() as f64 / 1024.0,
        sizes.0,
        sizes.1,
        sizes.2
    );
}
