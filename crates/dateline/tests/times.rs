//! The times stage end to end: the example article's expressions, datelines as reference
//! dates, and nonsense that must not become a date.

use std::path::Path;

use dateline::ingest::{self, IngestOptions};
use dateline::times::TimeType;
use dateline::{Date, Document, Pipeline};

fn analyze(raw: &str, date: Option<Date>) -> Document {
    let mut doc = ingest::text_document("t", raw.as_bytes().to_vec(), &IngestOptions { lossy: false, date });
    Pipeline::default().run(&mut doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc
}

fn times(doc: &Document) -> Vec<(String, TimeType, String)> {
    doc.times.iter().map(|t| (doc.text()[t.span].to_string(), t.kind, t.value.clone())).collect()
}

#[test]
fn the_example_article() {
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/alaska-summit.txt")).unwrap();
    let doc = analyze(&raw, Date::new(2025, 8, 15));
    let local = doc.times.iter().find(|t| t.kind == TimeType::Time).expect("a clock time");
    assert_eq!(local.utc.as_deref(), Some("2025-08-15T19:30Z"), "Alaska is on America/Anchorage");
    let found = times(&doc);
    for expected in [
        ("Friday", TimeType::Date, "2025-08-15"),
        ("minutes", TimeType::Duration, "PTXM"),
        ("six or seven hours", TimeType::Duration, "PTXH"),
        ("February 2022", TimeType::Date, "2022-02"),
        ("Recent days", TimeType::Duration, "PXD"),
        ("2019", TimeType::Date, "2019"),
        ("24 hours", TimeType::Duration, "PT24H"),
        ("February 28", TimeType::Date, "2025-02-28"),
        ("11:30 a.m. local time", TimeType::Time, "2025-08-15T11:30"),
        ("1867", TimeType::Date, "1867"),
    ] {
        let expected = (expected.0.to_string(), expected.1, expected.2.to_string());
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

#[test]
fn a_dateline_sets_the_reference_date() {
    let doc = analyze("ANCHORAGE, Alaska, Aug. 15, 2025 (Reuters) - The leaders met on Friday and will meet again on Monday.", None);
    assert_eq!(doc.meta.published, Date::new(2025, 8, 15));
    let values: Vec<String> = doc.times.iter().map(|t| t.value.clone()).collect();
    assert_eq!(values, ["2025-08-15", "2025-08-15", "2025-08-18"]);
}

#[test]
fn nonsense_is_no_date() {
    let doc = analyze(
        "It happened on February 30 at 25:61, in the year 99999, or in year 0.\n1 2 3 4 5 6 7 8 9\n4444 5555 6666 7777",
        Date::new(2025, 8, 15),
    );
    for t in &doc.times {
        // Whatever is found must carry a well-formed value, never an impossible date.
        assert!(!t.value.contains("-02-30") && !t.value.contains("25:61") && !t.value.contains("99999"), "{t:?}");
    }
}

#[test]
fn relative_dates_count_from_the_last_date_given() {
    let doc = analyze("The ceasefire began on March 3, 2025. Two days later the talks collapsed.", Date::new(2025, 8, 15));
    let values: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2025-03-03", "2025-03-05"]);
}

#[test]
fn anaphora_take_the_last_date_given() {
    let doc = analyze(
        "Shares fell on Monday. The index ended the day lower, and a report came out the same day.\n\n\
         Sales rose in March compared to the same month a year ago.\n\n\
         The deal closes on June 10. By that time a price must be agreed.",
        Date::new(2025, 8, 15),
    );
    let values: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2025-08-11", "2025-08-11", "2025-08-11", "2025-03", "2024-03", "2025-06-10", "2025-06-10"]);
}
