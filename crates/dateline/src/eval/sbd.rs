//! Sentence boundaries on the English "Golden Rules" (pySBD's 48 cases).
//!
//! Gold lines are `{"id", "rule", "text", "sentences": [...]}`. A case passes when the
//! sentences the pipeline finds, trimmed, equal the gold list exactly (pySBD's criterion).
//! The text goes through the real pipeline — `clean` (with furniture removal off: these are
//! sentences, not pages) and `segment` — so what is scored is what users get.

use std::fmt;

use serde::Deserialize;

use crate::clean::CleanConfig;
use crate::document::{Document, Meta};
use crate::error::{Error, ErrorKind};
use crate::segment::SegmentConfig;
use crate::stage::{Pipeline, PipelineConfig, StageConfig};

#[derive(Deserialize)]
struct Case {
    id: u32,
    rule: String,
    text: String,
    sentences: Vec<String>,
}

/// One failed case.
#[derive(Debug)]
pub struct Failure {
    /// The case's number.
    pub id: u32,
    /// The rule it tests.
    pub rule: String,
    /// The gold sentences.
    pub expected: Vec<String>,
    /// The sentences found.
    pub found: Vec<String>,
}

/// The result of a run.
#[derive(Debug)]
pub struct Report {
    /// Cases passed.
    pub passed: usize,
    /// Cases in all.
    pub total: usize,
    /// The cases that failed.
    pub failures: Vec<Failure>,
}

/// Scores the pipeline's sentence splitting on the gold cases in `gold` (JSONL).
pub fn evaluate(gold: &str) -> Result<Report, Error> {
    let pipeline = Pipeline::new(&PipelineConfig {
        stages: vec![
            StageConfig::Clean(CleanConfig { furniture: false, title: false }),
            StageConfig::Segment(SegmentConfig::default()),
        ],
    })?;
    let mut report = Report { passed: 0, total: 0, failures: Vec::new() };
    for (n, line) in gold.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line)
            .map_err(|e| Error::new(ErrorKind::Json(format!("gold line {}: {e}", n + 1))))?;
        let mut doc = Document::new(case.id.to_string(), case.text, Meta::default());
        pipeline.run(&mut doc);
        let found: Vec<String> = doc.sentences.iter().map(|s| doc.text()[s.span].trim().to_string()).collect();
        let expected: Vec<String> =
            case.sentences.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        report.total += 1;
        if found == expected {
            report.passed += 1;
        } else {
            report.failures.push(Failure { id: case.id, rule: case.rule, expected, found });
        }
    }
    Ok(report)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = if self.total == 0 { 0.0 } else { 100.0 * self.passed as f64 / self.total as f64 };
        writeln!(f, "sentence boundaries (Golden Rules): {}/{} passed ({pct:.1}%)", self.passed, self.total)?;
        for fail in &self.failures {
            writeln!(f, "  FAIL #{} {}", fail.id, fail.rule)?;
            writeln!(f, "    expected: {:?}", fail.expected)?;
            writeln!(f, "    found:    {:?}", fail.found)?;
        }
        Ok(())
    }
}
