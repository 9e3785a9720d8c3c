//! Times each stage of the pipeline on a JSONL corpus, on one thread.
//!
//! Run by `bench/clean-segment`; by hand:
//! `cargo run --release -p dateline --example bench_stages -- CORPUS.jsonl [ROUNDS]`.
//! Prints one JSON object: per stage the median throughput in MB of raw input per CPU-second
//! (thread CPU time, which a busy shared machine disturbs far less than wall time), the
//! documents, sentences and tokens found (the check that the work was done), and the peak
//! resident memory.

use std::time::Duration;

#[path = "support/rss.rs"]
mod rss;

use dateline::clean::{Clean, CleanConfig};
use dateline::entities::{Entities, EntitiesConfig};
use dateline::events::{Events, EventsConfig};
use dateline::ingest::{self, IngestOptions};
use dateline::language::{Language, LanguageConfig};
use dateline::places::{Places, PlacesConfig};
use dateline::quotes::{Quotes, QuotesConfig};
use dateline::segment::{Segment, SegmentConfig};
use dateline::times::{Times, TimesConfig};
use dateline::{Document, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench_stages CORPUS.jsonl [ROUNDS]");
    let rounds: usize = args.next().map_or(3, |r| r.parse().expect("ROUNDS is a number"));
    let corpus = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let options = IngestOptions::default();
    let docs: Vec<Document> = corpus
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| ingest::jsonl_document(&i.to_string(), line, &options))
        .filter(|d| !d.is_failed())
        .collect();
    drop(corpus);
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let mut stages: Vec<Box<dyn Stage>> = vec![
        Box::new(Clean::new(CleanConfig::default())),
        Box::new(Segment::new(SegmentConfig::default())),
        Box::new(Language::new(LanguageConfig::default())),
        Box::new(Entities::new(EntitiesConfig::default()).expect("the reference data loads")),
        Box::new(Times::new(TimesConfig::default())),
        Box::new(Quotes::new(QuotesConfig::default()).expect("the reference data loads")),
        Box::new(Places::new(PlacesConfig::default()).expect("the reference data loads")),
        Box::new(Events::new(EventsConfig::default()).expect("the reference data loads")),
    ];
    // BENCH_STAGES=clean,segment times only those stages.
    if let Ok(only) = std::env::var("BENCH_STAGES") {
        stages.retain(|s| only.split(',').any(|n| n == s.name()));
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); stages.len()];
    let (mut sentences, mut tokens, mut words, mut entities) = (0, 0, 0, 0);
    for _ in 0..rounds {
        let mut spent = vec![Duration::ZERO; stages.len()];
        (sentences, tokens, words, entities) = (0, 0, 0, 0);
        for doc in &docs {
            let mut doc = Document::new(doc.id.clone(), doc.raw.clone(), doc.meta.clone());
            for (stage, spent) in stages.iter().zip(&mut spent) {
                let t = thread_cpu_time();
                stage.run(&mut doc).expect("corpus documents are valid");
                *spent += thread_cpu_time().saturating_sub(t);
            }
            sentences += doc.sentences.len();
            tokens += doc.tokens.len();
            words += doc.word_count();
            entities += doc.entities.len();
        }
        for (t, s) in times.iter_mut().zip(spent) {
            t.push(s);
        }
    }
    let median = |v: &[Duration]| {
        let mut v = v.to_vec();
        v.sort();
        v[v.len() / 2].as_secs_f64()
    };
    let mb = bytes as f64 / 1e6;
    let per_stage: Vec<String> = stages
        .iter()
        .zip(&times)
        .map(|(s, t)| format!("\"{}_mb_per_s\": {:.1}, \"{}_words_per_s\": {:.0}", s.name(), mb / median(t), s.name(), words as f64 / median(t)))
        .collect();
    let all: f64 = times.iter().map(|t| median(t)).sum();
    let time_of = |name: &str| stages.iter().zip(&times).find(|(s, _)| s.name() == name).map(|(_, t)| median(t));
    let clean_segment = match (time_of("clean"), time_of("segment")) {
        (Some(a), Some(b)) => format!(", \"clean_segment_mb_per_s\": {:.1}", mb / (a + b)),
        _ => String::new(),
    };
    println!(
        "{{\"documents\": {}, \"mb\": {mb:.1}, \"words\": {words}, \"rounds\": {rounds}, {}{clean_segment}, \"all_words_per_s\": {:.0}, \"sentences\": {sentences}, \"tokens\": {tokens}, \"entities\": {entities}, \"peak_rss_mb\": {:.0}}}",
        docs.len(),
        per_stage.join(", "),
        words as f64 / all,
        rss::peak_rss_kb() as f64 / 1024.0
    );
}

/// CPU time this thread has used.
#[allow(unsafe_code)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec to a valid pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
