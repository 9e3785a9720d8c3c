//! The `dateline` command: analyze one article, process a corpus, score the stages.
//!
//! Exit codes: 0 success; 1 an input or output could not be read or written (or a single
//! document could not be analyzed); 2 the command line is wrong; 3 a batch finished but some
//! documents are error records; 4 an evaluation scored below its floor.

mod batch;
mod lookup;

/// mimalloc: the pipeline makes many small short-lived allocations per document (words,
/// names, layers), which it serves in about half the time of the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use dateline::ingest::IngestOptions;
use dateline::output::{self, OutputOptions};
use dateline::{Date, Pipeline, PipelineConfig};

/// Who said and did what, to whom, when and where: news articles in, evidence out.
#[derive(Parser)]
#[command(name = "dateline", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze one article (a text file, or stdin) and print its dateline/1 record.
    Analyze(AnalyzeArgs),
    /// Analyze many documents (text files, JSONL files, directories of them) into JSONL,
    /// one output line per input document, in input order.
    Batch(BatchArgs),
    /// Score a stage on an open gold set.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Show what the reference data knows about names (places, organizations, people...).
    Lookup {
        /// The names to look up (case does not matter).
        #[arg(required = true)]
        names: Vec<String>,
    },
}

/// Options shared by `analyze` and `batch`.
#[derive(Args, Clone)]
struct CommonArgs {
    /// Reference (publication) date, YYYY-MM-DD; wins over a record's own date.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Replace invalid UTF-8 with U+FFFD and let NUL bytes through, instead of failing.
    #[arg(long)]
    lossy: bool,
    /// How to read inputs: `auto` tells JSONL by extension (.jsonl, .ndjson) and the rest by
    /// content (text, HTML, RSS/Atom feed, WARC); the others force one reading.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Pipeline configuration (JSON: {"stages": [{"stage": "clean"}, ...]}); default: all stages.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Also write the tokens layer.
    #[arg(long)]
    tokens: bool,
}

#[derive(Args)]
struct AnalyzeArgs {
    /// The article: a text file, a JSONL file, or `-` for stdin (the default).
    input: Option<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
    /// Output format: JSON (dateline/1), a readable view, GDELT Event 2.0 rows (`events`) or
    /// PLOVER JSON lines (`plover`).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write JSON on one line instead of indented.
    #[arg(long)]
    compact: bool,
}

#[derive(Args)]
struct BatchArgs {
    /// Inputs: text files, JSONL files, directories (searched for .txt, .text, .jsonl,
    /// .ndjson files), or `-` for JSONL on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (JSONL); default stdout.
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: Option<PathBuf>,
    /// Worker threads; 0 means one per core.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Output format: dateline/1 JSON lines, readable views, GDELT Event 2.0 rows
    /// (`events`) or PLOVER JSON lines (`plover`).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Sentence boundaries on the English Golden Rules (48 cases).
    Sbd {
        /// The gold file.
        #[arg(long, default_value = "../shared/eval/sbd_golden_rules/english_golden_rules.jsonl")]
        gold: PathBuf,
        /// Exit with code 4 when fewer cases pass.
        #[arg(long)]
        min: Option<usize>,
    },
    /// Names (people, organizations, places, other) on CoNLL-format gold: exact-span
    /// precision, recall and F1 per type.
    Ner {
        /// The gold: a CoNLL-format file (the word first and the IOB tag last on each line),
        /// or the MEANTIME folder (`../shared/eval/meantime_en`).
        #[arg(long, default_value = "../shared/eval/wikigold/wikigold.conll.txt")]
        gold: PathBuf,
        /// Exit with code 4 when the PER+ORG+LOC F1 is lower.
        #[arg(long)]
        min_f1: Option<f64>,
        /// Score the name tagger's own output, before gazetteers and document refine it.
        #[arg(long)]
        tagger_only: bool,
    },
    /// Quotes on BRAT standoff gold over the GeoVirus texts: exact and overlap scores per role.
    Quotes {
        /// The folder of `N.ann` files (article N of the texts).
        #[arg(long, default_value = "testdata/quotes-geovirus")]
        gold: PathBuf,
        /// The texts they annotate.
        #[arg(long, default_value = "../shared/eval/geovirus/GeoVirus.xml")]
        texts: PathBuf,
    },
    /// Events on the team's CAMEO gold: (source, target, code) triples at root and full-code
    /// level. The gold over the GeoVirus texts is the default; `--gold
    /// testdata/events-gold/meantime.tsv --texts ../shared/eval/meantime_en` scores the one over
    /// MEANTIME's business news.
    Events {
        /// The gold file.
        #[arg(long, default_value = "testdata/events-gold/events.tsv")]
        gold: PathBuf,
        /// The texts it annotates: the GeoVirus XML file, or the MEANTIME folder.
        #[arg(long, default_value = "../shared/eval/geovirus/GeoVirus.xml")]
        texts: PathBuf,
        /// Exit with code 4 when the F1 of (source, target, root) triples is lower.
        #[arg(long)]
        min_f1: Option<f64>,
        /// Score only the articles with an even or an odd number (tune on one half, check on
        /// the other).
        #[arg(long)]
        half: Option<Half>,
    },
    /// Places on GeoVirus: mentions found, points within 161 km, mean and median error, AUC;
    /// end to end and from the gold names.
    Geo {
        /// The GeoVirus XML file.
        #[arg(long, default_value = "../shared/eval/geovirus/GeoVirus.xml")]
        gold: PathBuf,
        /// Exit with code 4 when the end-to-end share within 161 km is lower.
        #[arg(long)]
        min_accuracy: Option<f64>,
        /// Score only the articles with an even or an odd number (tune on one half, check on
        /// the other).
        #[arg(long)]
        half: Option<Half>,
    },
    /// Times on MEANTIME's TIMEX3 annotations: TempEval-3's extent, type and value scores.
    Time {
        /// The MEANTIME folder.
        #[arg(long, default_value = "../shared/eval/meantime_en")]
        gold: PathBuf,
        /// Exit with code 4 when the value F1 is lower.
        #[arg(long)]
        min_value_f1: Option<f64>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The dateline/1 record.
    Json,
    /// A readable view.
    Text,
    /// GDELT Event 2.0's 61 tab-separated columns, one row per event.
    Events,
    /// PLOVER JSON lines, one per event.
    Plover,
}

impl Format {
    fn output(self) -> output::Format {
        match self {
            Format::Json => output::Format::Json,
            Format::Text => output::Format::Text,
            Format::Events => output::Format::Gdelt,
            Format::Plover => output::Format::Plover,
        }
    }
}

/// A half of a gold set, by article number.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Half {
    /// Articles 0, 2, 4, ...
    Even,
    /// Articles 1, 3, 5, ...
    Odd,
}

impl Half {
    fn library(self) -> dateline::eval::Half {
        match self {
            Half::Even => dateline::eval::Half::Even,
            Half::Odd => dateline::eval::Half::Odd,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Auto,
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

impl InputFormat {
    /// The reading forced on non-JSONL inputs; `None` to judge by content.
    fn web(self) -> Option<dateline::web::Format> {
        use dateline::web::Format;
        match self {
            InputFormat::Auto | InputFormat::Jsonl => None,
            InputFormat::Text => Some(Format::Text),
            InputFormat::Html => Some(Format::Html),
            InputFormat::Feed => Some(Format::Feed),
            InputFormat::Warc => Some(Format::Warc),
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// Exit codes, as documented above and in the README.
mod exit {
    pub const INPUT_OUTPUT: u8 = 1;
    pub const DOCUMENT_ERRORS: u8 = 3;
    pub const BELOW_FLOOR: u8 = 4;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {err:#}");
            ExitCode::from(exit::INPUT_OUTPUT)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Batch(args) => batch::run(args),
        Command::Lookup { names } => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            lookup::run(&names, &mut out)?;
            out.flush()?;
            Ok(0)
        }
        Command::Eval(EvalCommand::Ner { gold, min_f1, tagger_only }) => eval_ner(&gold, min_f1, tagger_only),
        Command::Eval(EvalCommand::Quotes { gold, texts }) => {
            let xml = read_gold(&texts)?;
            let report = dateline::eval::quotes::evaluate(&gold, &xml)?;
            write!(io::stdout().lock(), "{report}")?;
            Ok(0)
        }
        Command::Eval(EvalCommand::Events { gold, texts, min_f1, half }) => {
            let tsv = read_gold(&gold)?;
            let corpus = if texts.is_dir() {
                dateline::eval::meantime::running_texts(&texts)?
            } else {
                dateline::eval::events::geovirus_texts(&read_gold(&texts)?)
            };
            let report = dateline::eval::events::evaluate(&tsv, &corpus, half.map(Half::library)).with_context(|| gold.display().to_string())?;
            write!(io::stdout().lock(), "{report}")?;
            Ok(floor("(source, target, root) F1", report.root_primary.prf().2, min_f1))
        }
        Command::Eval(EvalCommand::Geo { gold, min_accuracy, half }) => {
            let xml = read_gold(&gold)?;
            let report = dateline::eval::geo::evaluate(&xml, half.map(Half::library)).with_context(|| gold.display().to_string())?;
            write!(io::stdout().lock(), "{report}")?;
            Ok(floor("share of places within 161 km", report.end_to_end.accuracy(), min_accuracy))
        }
        Command::Eval(EvalCommand::Time { gold, min_value_f1 }) => {
            if !gold.is_dir() {
                bail!("cannot read gold folder {} (the open gold sets live in ../shared/eval; pass --gold PATH)", gold.display());
            }
            let report = dateline::eval::meantime::evaluate_times(&gold)?;
            write!(io::stdout().lock(), "{report}")?;
            Ok(floor("value F1", report.value_f1(), min_value_f1))
        }
        Command::Eval(EvalCommand::Sbd { gold, min }) => {
            let content = read_gold(&gold)?;
            let report = dateline::eval::sbd::evaluate(&content).with_context(|| gold.display().to_string())?;
            write!(io::stdout().lock(), "{report}")?;
            Ok(floor("cases passed", report.passed as f64, min.map(|m| m as f64)))
        }
    }
}

fn eval_ner(gold: &Path, min_f1: Option<f64>, tagger_only: bool) -> Result<u8> {
    let started = std::time::Instant::now();
    let report = if gold.is_dir() {
        // A MEANTIME folder: name mentions of people, organizations and places, by overlap.
        dateline::eval::meantime::evaluate(gold)?
    } else {
        let content = read_gold(gold)?;
        dateline::eval::ner::evaluate(&content, tagger_only).with_context(|| gold.display().to_string())?
    };
    write!(io::stdout().lock(), "{report}")?;
    if !gold.is_dir() {
        spacy_side_by_side(gold, &report, started.elapsed().as_secs_f64())?;
    }
    Ok(floor("PER+ORG+LOC F1", report.per_org_loc().f1(), min_f1))
}

/// The exit code of an evaluation with an optional floor: 4, saying so, when `score` is below
/// it.
fn floor(what: &str, score: f64, min: Option<f64>) -> u8 {
    match min {
        Some(min) if score < min => {
            // Counts print as counts, scores to four places.
            let places = if score.fract() == 0.0 { 0 } else { 4 };
            eprintln!("dateline: {what} {score:.places$}, below the floor of {min}");
            exit::BELOW_FLOOR
        }
        _ => 0,
    }
}

/// When the bench virtualenv with spaCy exists (`bench/setup-spacy`), scores spaCy's
/// `en_core_web_sm` on the same gold with the same scorer and prints both side by side.
fn spacy_side_by_side(gold: &Path, ours: &dateline::eval::ner::Report, seconds: f64) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let python = Path::new("bench/.venv/bin/python");
    if !python.exists() {
        return writeln!(out, "spaCy: not compared (no bench/.venv; run bench/setup-spacy to compare side by side)");
    }
    let ran = std::process::Command::new(python).arg("bench/spacy_ner.py").arg(gold).output();
    let parsed = ran.ok().filter(|o| o.status.success()).and_then(|o| serde_json::from_slice::<serde_json::Value>(&o.stdout).ok());
    let Some(v) = parsed else {
        return writeln!(out, "spaCy: bench/spacy_ner.py failed; not compared");
    };
    let count = |t: &str, k: &str| v["types"][t][k].as_u64().unwrap_or(0) as usize;
    let sum = |types: &[&str], k: &str| types.iter().map(|t| count(t, k)).sum::<usize>();
    let f1 = |types: &[&str]| {
        let (c, f, g) = (sum(types, "correct") as f64, sum(types, "found") as f64, sum(types, "gold") as f64);
        let (p, r) = (c / f.max(1.0), c / g.max(1.0));
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    };
    writeln!(out, "side by side, F1 ({}):", v["model"].as_str().unwrap_or("spaCy"))?;
    writeln!(out, "  {:<12} {:>9} {:>9}", "type", "dateline", "spaCy")?;
    for (i, t) in ["PER", "ORG", "LOC", "MISC"].iter().enumerate() {
        writeln!(out, "  {:<12} {:>9.4} {:>9.4}", t, ours.per_type[i].f1(), f1(&[t]))?;
    }
    writeln!(out, "  {:<12} {:>9.4} {:>9.4}", "PER+ORG+LOC", ours.per_org_loc().f1(), f1(&["PER", "ORG", "LOC"]))?;
    writeln!(out, "  {:<12} {:>9.4} {:>9.4}", "all", ours.overall().f1(), f1(&["PER", "ORG", "LOC", "MISC"]))?;
    let spacy_rate = v["words_per_cpu_s"].as_f64().unwrap_or(0.0);
    let our_rate = ours.tokens as f64 / seconds.max(1e-9);
    writeln!(
        out,
        "  speed: dateline {our_rate:.0} tokens/s (whole stage, wall, model load included); spaCy NER-only {spacy_rate:.0} words per CPU-second"
    )?;
    Ok(())
}

fn read_gold(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| {
        format!(
            "cannot read gold file {} (the open gold sets live in ../shared/eval; pass --gold PATH)",
            path.display()
        )
    })
}

impl CommonArgs {
    fn pipeline(&self) -> Result<Pipeline> {
        let config = match &self.config {
            None => PipelineConfig::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
                serde_json::from_str(&text).with_context(|| format!("{}: invalid pipeline configuration", path.display()))?
            }
        };
        Ok(Pipeline::new(&config)?)
    }

    fn ingest(&self) -> IngestOptions {
        IngestOptions { lossy: self.lossy, date: self.date }
    }

    fn is_jsonl(&self, path: Option<&Path>) -> bool {
        match self.input_format {
            InputFormat::Jsonl => true,
            InputFormat::Auto => path.is_some_and(batch::has_jsonl_extension),
            _ => false,
        }
    }
}

fn analyze(args: AnalyzeArgs) -> Result<u8> {
    let path = args.input.filter(|p| p.as_os_str() != "-");
    // Feeds and WARC archives hold many documents: the batch machinery, like JSONL.
    let many = |format: Option<dateline::web::Format>| matches!(format, Some(dateline::web::Format::Feed | dateline::web::Format::Warc | dateline::web::Format::Gzip));
    let sniffed = match (&path, args.common.input_format) {
        (Some(p), InputFormat::Auto) => {
            let mut head = Vec::with_capacity(1024);
            std::fs::File::open(p).and_then(|f| f.take(1024).read_to_end(&mut head)).ok().map(|_| dateline::web::sniff(&head))
        }
        (_, forced) => forced.web(),
    };
    if args.common.is_jsonl(path.as_deref()) || (path.is_some() && many(sniffed)) {
        // Many records: the batch machinery, on one thread, to stdout.
        let batch = BatchArgs {
            inputs: vec![path.unwrap_or_else(|| PathBuf::from("-"))],
            output: None,
            threads: 1,
            quiet: true,
            format: args.format,
            common: args.common,
        };
        return batch::run(batch);
    }
    let pipeline = args.common.pipeline()?;
    let (name, bytes) = match &path {
        Some(p) => (p.display().to_string(), std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?),
        None => {
            if io::stdin().is_terminal() {
                eprintln!("dateline: reading the article from stdin (end with Ctrl-D)");
            }
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).context("cannot read stdin")?;
            ("<stdin>".to_string(), bytes)
        }
    };
    let format = match args.common.input_format.web() {
        Some(f) => f,
        None => dateline::web::sniff(&bytes),
    };
    let mut doc = match format {
        dateline::web::Format::Html => dateline::web::html_document(&name, &bytes, &args.common.ingest(), Default::default()),
        dateline::web::Format::Feed | dateline::web::Format::Warc | dateline::web::Format::Gzip => {
            bail!("{name}: a feed or WARC archive on stdin: save it to a file and pass its path")
        }
        dateline::web::Format::Text => dateline::ingest::text_document(&name, bytes, &args.common.ingest()),
    };
    pipeline.run(&mut doc);
    if let Some(problem) = doc.errors.first() {
        bail!("{name}: {}", problem.message);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let options = OutputOptions { tokens: args.common.tokens, pretty: !args.compact };
    output::write(&doc, args.format.output(), &options, &mut out)?;
    out.flush()?;
    Ok(0)
}
