//! `dateline-data`: compiles the name index (`data/index/`) from the tables under `data/`.
//!
//!     cargo run --release -p dateline-data             # write data/index/*
//!     cargo run --release -p dateline-data -- --check  # exit 1 if data/index/* is stale
//!
//! Run it after `data/build.py` or after editing a file under `data/lexicon/`. The output is
//! the same bytes for the same tables on every run.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dateline::resources::{NameIndex, Source, Tables};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dateline-data: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let mut check = false;
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("train-ner") {
        args.next();
        return train_ner(data, args.collect());
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--data" => data = args.next().context("--data needs a folder")?.into(),
            "-h" | "--help" => {
                println!("usage: dateline-data [--data DIR] [--check]\n       dateline-data train-ner TRAIN [DEV] [--epochs N] [--bits B]");
                return Ok(ExitCode::SUCCESS);
            }
            other => bail!("unknown argument {other:?} (usage: dateline-data [--data DIR] [--check])"),
        }
    }
    let source = Source::Dir(data.clone());
    let tables = Tables::load(&source)?;
    let alternates = city_alternates(&source, &tables)?;
    let (fst_bytes, postings) = NameIndex::compile(&tables, &alternates)?;
    let outputs = [("index/names.fst", fst_bytes), ("index/postings.bin", postings)];
    if check {
        let stale: Vec<&str> = outputs
            .iter()
            .filter(|(path, bytes)| std::fs::read(data.join(path)).ok().as_deref() != Some(bytes.as_slice()))
            .map(|(path, _)| *path)
            .collect();
        if !stale.is_empty() {
            eprintln!(
                "dateline-data: {} out of date with the tables: run `cargo run --release -p dateline-data`",
                stale.join(", ")
            );
            return Ok(ExitCode::FAILURE);
        }
        println!("dateline-data: the name index matches the tables");
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::create_dir_all(data.join("index"))?;
    for (path, bytes) in &outputs {
        std::fs::write(data.join(path), bytes).with_context(|| format!("cannot write data/{path}"))?;
        println!("data/{path}: {} bytes", bytes.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// Each city's alternate names from `gen/city_names.tsv.gz`, row for row with `gen/cities.tsv`.
fn city_alternates(source: &Source, tables: &Tables) -> Result<Vec<Vec<String>>> {
    let (name, text) = source.text("gen/city_names.tsv.gz")?;
    let mut out = Vec::with_capacity(tables.cities.len());
    for (i, line) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
        let (id, alternates) = line.split_once('\t').with_context(|| format!("{name}: row {} has no tab", i + 1))?;
        anyhow::ensure!(i < tables.cities.len(), "{name}: more rows than gen/cities.tsv");
        let city = tables.cities.get(i);
        if id != city.geonameid.to_string() {
            bail!("{name}: row {} is city {id}, gen/cities.tsv has {} there", i + 1, city.geonameid);
        }
        out.push(alternates.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect());
    }
    if out.len() != tables.cities.len() {
        bail!("{name}: {} rows, gen/cities.tsv has {}", out.len(), tables.cities.len());
    }
    Ok(out)
}

/// `dateline-data train-ner TRAIN [DEV]`: trains the name tagger on CoNLL files and writes
/// `data/model/ner.bin`. The tagger's gazetteer features read the embedded reference data,
/// so train after the name index is final. Fifteen passes by default: the count with the best
/// development F1 in a run of sixteen over the current index (0.878; every pass from the
/// sixth scores 0.875 to 0.878).
fn train_ner(data: PathBuf, args: Vec<String>) -> Result<ExitCode> {
    let mut files = Vec::new();
    let (mut epochs, mut bits) = (15usize, 18u32);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--epochs" => epochs = it.next().context("--epochs needs a number")?.parse()?,
            "--bits" => bits = it.next().context("--bits needs a number")?.parse()?,
            _ => files.push(arg),
        }
    }
    let read = |path: &str| -> Result<Vec<Vec<dateline::entities::tagger::TaggedSentence>>> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
        dateline::entities::tagger::read_conll(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))
    };
    let train = read(files.first().context("usage: dateline-data train-ner TRAIN [DEV]")?)?;
    let dev = files.get(1).map(|p| read(p)).transpose()?;
    let resources = dateline::resources::Resources::load(&Source::Dir(data.clone()))?;
    let start = std::time::Instant::now();
    let model = dateline::entities::Tagger::train(&train, dev.as_deref(), &resources, bits, epochs, |epoch, f1| {
        eprintln!("epoch {epoch}: development F1 {f1:.4} ({:.0} s)", start.elapsed().as_secs_f64());
    });
    std::fs::create_dir_all(data.join("model"))?;
    let bytes = model.to_bytes();
    std::fs::write(data.join("model/ner.bin"), &bytes).context("cannot write data/model/ner.bin")?;
    println!("data/model/ner.bin: {} bytes", bytes.len());
    Ok(ExitCode::SUCCESS)
}
