//! `dateline batch`: many documents in, one JSONL line out per document, in input order.
//!
//! A reader thread walks the inputs and sends chunks of raw documents (a few hundred, or a
//! few megabytes, whichever comes first) through a small bounded channel; the main thread
//! analyzes each chunk on all workers and writes it in order while the next one is analyzed.
//! Memory stays flat whatever the corpus size. A document that cannot be read, parsed or
//! analyzed (even one that makes a stage panic) becomes an error record, and the batch goes on.
//!
//! Inputs other than JSONL are told apart by content ([`dateline::web::sniff`]): text, an
//! HTML page, a feed (one document per item) or a WARC archive (one document per HTML
//! response, streamed record by record; other records are counted in the summary).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline::ingest::{self, IngestOptions};
use dateline::web::{self, warc, Format as WebFormat, Hints};
use dateline::output::{self, OutputOptions};
use dateline::{Document, Meta, Pipeline, Problem};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::{exit, BatchArgs, InputFormat};

const CHUNK_DOCS: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;

/// True for paths ending in `.jsonl` or `.ndjson`.
pub fn has_jsonl_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn is_corpus_file(path: &Path) -> bool {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden
        && path.extension().is_some_and(|e| {
            ["txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "shtml", "xml", "rss", "atom", "warc"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
                || (e.eq_ignore_ascii_case("gz") && path.to_string_lossy().to_ascii_lowercase().ends_with(".warc.gz"))
        })
}

/// One input: a file (or stdin) and how to read it.
struct Input {
    path: Option<PathBuf>,
    jsonl: bool,
    /// What the input is, when the command line says; else judged by content.
    forced: Option<WebFormat>,
}

impl Input {
    fn name(&self) -> String {
        self.path.as_ref().map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }
}

/// What the reader hands the workers: a document's id and what to make of it.
enum Raw {
    Text(Vec<u8>),
    Html(Vec<u8>, Hints),
    Fragment(String, Hints),
    JsonlLine(Vec<u8>),
    Failed(Problem),
}

struct Job {
    id: String,
    raw: Raw,
    bytes: u64,
}

/// Expands directories (sorted, recursively) into their corpus files.
fn expand(paths: &[PathBuf], format: InputFormat, skipped: &mut usize) -> Vec<Input> {
    let mut out = Vec::new();
    let jsonl = |p: Option<&Path>| match format {
        InputFormat::Jsonl => true,
        InputFormat::Auto => p.is_none_or(has_jsonl_extension),
        _ => false,
    };
    let forced = format.web();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input { path: None, jsonl: jsonl(None), forced });
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, skipped);
            files.sort();
            out.extend(files.into_iter().map(|p| Input { jsonl: jsonl(Some(&p)), path: Some(p), forced }));
        } else {
            out.push(Input { jsonl: jsonl(Some(path)), path: Some(path.clone()), forced });
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Unreadable directories surface as error records through the file itself.
        files.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                walk(&path, files, skipped);
            }
        } else if is_corpus_file(&path) {
            files.push(path);
        } else {
            *skipped += 1;
        }
    }
}

/// What the reader saw besides documents: WARC records skipped, by reason.
#[derive(Default)]
struct ReadStats {
    skipped_records: Vec<(String, usize)>,
}

/// Reads all inputs in order, sending chunks of jobs; stops early if the receiver is gone.
fn read_inputs(inputs: Vec<Input>, tx: mpsc::SyncSender<Vec<Job>>) -> ReadStats {
    let mut stats = ReadStats::default();
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0usize;
    let send = |job: Job, chunk: &mut Vec<Job>, chunk_bytes: &mut usize| -> bool {
        *chunk_bytes += job.bytes as usize;
        chunk.push(job);
        if chunk.len() >= CHUNK_DOCS || *chunk_bytes >= CHUNK_BYTES {
            *chunk_bytes = 0;
            return tx.send(std::mem::take(chunk)).is_ok();
        }
        true
    };
    for input in inputs {
        let name = input.name();
        let failed = |message: String| Job {
            id: name.clone(),
            raw: Raw::Failed(Problem { stage: "ingest", code: "unreadable", message }),
            bytes: 0,
        };
        let reader: Box<dyn Read> = match &input.path {
            None => Box::new(io::stdin()),
            Some(p) => match File::open(p) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    if !send(failed(format!("cannot open {name}: {e}")), &mut chunk, &mut chunk_bytes) {
                        return stats;
                    }
                    continue;
                }
            },
        };
        if !input.jsonl {
            let mut reader = BufReader::with_capacity(1 << 16, reader);
            let format = match input.forced {
                Some(f) => f,
                None => reader.fill_buf().map(web::sniff).unwrap_or(WebFormat::Text),
            };
            if matches!(format, WebFormat::Warc | WebFormat::Gzip) {
                let records = match warc::Records::new(&name, reader, warc::Limits::default()) {
                    Ok(r) => r,
                    Err(e) => {
                        if !send(failed(format!("cannot read {name}: {e}")), &mut chunk, &mut chunk_bytes) {
                            return stats;
                        }
                        continue;
                    }
                };
                let mut records = records;
                for entry in records.by_ref() {
                    let job = match entry {
                        warc::Entry::Page { id, body, hints } => Job { id, bytes: body.len() as u64, raw: Raw::Html(body, hints) },
                        warc::Entry::Failed { id, problem } => Job { id, raw: Raw::Failed(problem), bytes: 0 },
                    };
                    if !send(job, &mut chunk, &mut chunk_bytes) {
                        return stats;
                    }
                }
                for (reason, n) in records.skipped() {
                    match stats.skipped_records.iter_mut().find(|(r, _)| r == reason) {
                        Some((_, m)) => *m += n,
                        None => stats.skipped_records.push((reason.clone(), *n)),
                    }
                }
                continue;
            }
            let mut bytes = Vec::new();
            let n = match reader.read_to_end(&mut bytes) {
                Ok(n) => n as u64,
                Err(e) => {
                    if !send(failed(format!("cannot read {name}: {e}")), &mut chunk, &mut chunk_bytes) {
                        return stats;
                    }
                    continue;
                }
            };
            let jobs = match format {
                WebFormat::Html => vec![Job { id: name.clone(), raw: Raw::Html(bytes, Hints::default()), bytes: n }],
                WebFormat::Feed => feed_jobs(&name, &bytes),
                _ => vec![Job { id: name.clone(), raw: Raw::Text(bytes), bytes: n }],
            };
            for job in jobs {
                if !send(job, &mut chunk, &mut chunk_bytes) {
                    return stats;
                }
            }
            continue;
        }
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut line_no = 0usize;
        loop {
            let mut line = Vec::new();
            line_no += 1;
            let job = match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => {
                    let content = line.trim_ascii();
                    if content.is_empty() {
                        continue;
                    }
                    let raw = Raw::JsonlLine(content.to_vec());
                    Job { id: format!("{name}:{line_no}"), raw, bytes: n as u64 }
                }
                Err(e) => {
                    let job = failed(format!("cannot read {name} at line {line_no}: {e}"));
                    let _ = send(job, &mut chunk, &mut chunk_bytes);
                    break;
                }
            };
            if !send(job, &mut chunk, &mut chunk_bytes) {
                return stats;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
    stats
}

/// One job per feed item (`file#N`), and an error record when the feed is damaged.
fn feed_jobs(name: &str, bytes: &[u8]) -> Vec<Job> {
    let problem = |e: &dateline::Error| Problem::from_error("ingest", e);
    match web::feed::read(bytes) {
        Err(e) => vec![Job { id: name.to_string(), raw: Raw::Failed(problem(&e)), bytes: bytes.len() as u64 }],
        Ok(feed) => {
            let mut jobs: Vec<Job> = feed
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| Job {
                    id: format!("{name}#{}", i + 1),
                    bytes: item.content.len() as u64,
                    raw: Raw::Fragment(item.content.clone(), item.hints()),
                })
                .collect();
            if let Some(e) = feed.problem {
                jobs.push(Job { id: format!("{name}#{}", jobs.len() + 1), raw: Raw::Failed(problem(&e)), bytes: 0 });
            }
            jobs
        }
    }
}

/// One analyzed document, ready to write.
struct Done {
    output: Vec<u8>,
    words: usize,
    failed: bool,
    bytes: u64,
}

fn process(job: Job, pipeline: &Pipeline, ingest_options: &IngestOptions, output_options: &OutputOptions, format: output::Format) -> Done {
    let Job { id, raw, bytes } = job;
    let analyze = || {
        let mut doc = match raw {
            Raw::Text(b) => ingest::text_document(&id, b, ingest_options),
            Raw::Html(b, hints) => web::html_document(&id, &b, ingest_options, hints),
            Raw::Fragment(content, hints) => web::fragment_document(&id, &content, ingest_options, hints),
            Raw::JsonlLine(b) => ingest::jsonl_document(&id, &b, ingest_options),
            Raw::Failed(problem) => Document::failed(&id, Meta::default(), problem),
        };
        pipeline.run(&mut doc);
        doc
    };
    let doc = panic::catch_unwind(AssertUnwindSafe(analyze)).unwrap_or_else(|_| {
        let message = "internal error: a stage panicked on this document (please report it)".to_string();
        Document::failed(&id, Meta::default(), Problem { stage: "pipeline", code: "internal", message })
    });
    let mut output = Vec::with_capacity(doc.text().len() * 2 + 256);
    let written = output::write(&doc, format, output_options, &mut output);
    written.expect("writing to memory cannot fail");
    Done { words: doc.word_count(), failed: !doc.errors.is_empty(), output, bytes }
}

/// Runs a batch, writing a record per document (or a row per event) in the chosen format.
pub fn run(args: BatchArgs) -> Result<u8> {
    let format = args.format.output();
    let pipeline = args.common.pipeline()?;
    let ingest_options = args.common.ingest();
    let output_options = OutputOptions { tokens: args.common.tokens, pretty: false };
    let mut skipped = 0;
    let inputs = expand(&args.inputs, args.common.input_format, &mut skipped);
    let total_bytes: u64 = inputs.iter().filter_map(|i| i.path.as_ref()?.metadata().ok()).map(|m| m.len()).sum();
    let has_stdin = inputs.iter().any(|i| i.path.is_none());

    let out_name = args.output.as_ref().map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
    let sink: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("cannot write {}", p.display()))?),
        None => Box::new(io::stdout()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);

    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads).build().context("cannot start worker threads")?;
    let progress = if args.quiet {
        ProgressBar::hidden()
    } else if has_stdin {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr())
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}")
            .expect("valid template"),
    );

    let (tx, rx) = mpsc::sync_channel::<Vec<Job>>(2);
    let reader = std::thread::spawn(move || read_inputs(inputs, tx));
    let started = Instant::now();
    let (mut docs, mut words, mut failed) = (0usize, 0usize, 0usize);
    // Each chunk is analyzed while the one before it is written (the writing is a task of the
    // pool beside the chunk's documents), so that no worker waits for the output between chunks.
    let mut analyzed: Vec<Done> = Vec::new();
    for chunk in rx.into_iter().map(Some).chain([None]) {
        let to_write = std::mem::take(&mut analyzed);
        let sink = &mut out;
        let (done, written) = pool.install(|| {
            rayon::join(
                || match chunk {
                    Some(chunk) => chunk.into_par_iter().map(|job| process(job, &pipeline, &ingest_options, &output_options, format)).collect(),
                    None => Vec::new(),
                },
                || to_write.iter().try_for_each(|d| sink.write_all(&d.output)),
            )
        });
        written.with_context(|| format!("cannot write {out_name}"))?;
        for d in &to_write {
            docs += 1;
            words += d.words;
            failed += usize::from(d.failed);
            progress.inc(d.bytes);
        }
        progress.set_message(format!("{docs} documents, {failed} errors"));
        analyzed = done;
    }
    out.flush().with_context(|| format!("cannot write {out_name}"))?;
    let stats = reader.join().expect("the reader thread does not panic");
    progress.finish_and_clear();

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 { words as f64 / secs } else { 0.0 };
        let mut skipped = if skipped > 0 { format!(", {skipped} non-corpus files skipped") } else { String::new() };
        let records: usize = stats.skipped_records.iter().map(|(_, n)| n).sum();
        if records > 0 {
            let reasons: Vec<String> = stats.skipped_records.iter().map(|(r, n)| format!("{r} {n}")).collect();
            skipped.push_str(&format!(", {records} WARC records skipped ({})", reasons.join(", ")));
        }
        eprintln!(
            "dateline: {} documents, {} words, {} errors in {secs:.2} s ({} words/s){skipped} -> {out_name}",
            thousands(docs as u64),
            thousands(words as u64),
            thousands(failed as u64),
            thousands(rate as u64),
        );
    }
    Ok(if failed > 0 { exit::DOCUMENT_ERRORS } else { 0 })
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(14_885_792), "14,885,792");
    }
}
