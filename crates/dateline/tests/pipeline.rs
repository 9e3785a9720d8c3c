//! The pipeline end to end on fixtures the team wrote (`testdata/`) and on the example
//! article (`examples/`), checking the span contract before any expected value.

use std::path::{Path, PathBuf};

use dateline::ingest::{self, IngestOptions};
use dateline::output::{self, OutputOptions};
use dateline::{Date, Document, Pipeline, TokenKind};
use serde::Deserialize;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn analyze(name: &str, raw: &str) -> Document {
    let options = IngestOptions { lossy: false, date: Date::new(2025, 8, 15) };
    let mut doc = ingest::text_document(name, raw.as_bytes().to_vec(), &options);
    Pipeline::default().run(&mut doc);
    doc
}

/// The span contract: every span in bounds, on char boundaries, ordered and disjoint within
/// its layer; sentences inside paragraphs and covering every non-space character; tokens
/// inside sentences, never holding whitespace.
fn check_spans(doc: &Document) {
    let text = doc.text();
    let layers: [(&str, Vec<dateline::Span>); 3] = [
        ("paragraph", doc.paragraphs.clone()),
        ("sentence", doc.sentences.iter().map(|s| s.span).collect()),
        ("token", doc.tokens.iter().map(|t| t.span).collect()),
    ];
    for (layer, spans) in &layers {
        for (i, span) in spans.iter().enumerate() {
            assert!(span.start < span.end && span.end as usize <= text.len(), "{layer} {span:?} out of bounds");
            assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
            if i > 0 {
                assert!(spans[i - 1].end <= span.start, "{layer}s {:?} and {span:?} overlap", spans[i - 1]);
            }
            assert_eq!(text[*span].trim(), &text[*span], "{layer} {span:?} is not trimmed");
        }
    }
    let mut covered = vec![false; text.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(doc.paragraphs[s.paragraph.index()].contains(s.span), "sentence {i} leaves its paragraph");
        covered[s.span.range()].iter_mut().for_each(|c| *c = true);
        for t in doc.sentence_tokens(dateline::document::SentenceId(i as u32)) {
            assert!(s.span.contains(t.span), "token {:?} leaves sentence {i}", t.span);
            assert!(!text[t.span].contains(char::is_whitespace), "token {:?} holds whitespace", &text[t.span]);
        }
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} is in no sentence");
    }
}

#[derive(Deserialize)]
struct SentenceCase {
    name: String,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn sentence_fixtures() {
    let data = std::fs::read_to_string(repo().join("testdata/sentences.jsonl")).unwrap();
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: SentenceCase = serde_json::from_str(line).unwrap();
        let doc = analyze(&case.name, &case.text);
        check_spans(&doc);
        let found: Vec<&str> = doc.sentences.iter().map(|s| &doc.text()[s.span]).collect();
        if found != case.sentences {
            failures.push(format!("{}:\n  expected {:?}\n  found    {:?}", case.name, case.sentences, found));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_fixtures() {
    let dir = repo().join("testdata/clean");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.to_string_lossy().ends_with(".expected.txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "clean fixtures are missing from {}", dir.display());
    for input in inputs {
        let raw = std::fs::read_to_string(&input).unwrap();
        let expected = std::fs::read_to_string(input.with_extension("expected.txt")).unwrap();
        let doc = analyze(&input.display().to_string(), &raw);
        check_spans(&doc);
        assert_eq!(doc.text(), expected, "{}", input.display());
        // Every token maps back to the same characters of the raw input.
        for t in &doc.tokens {
            let raw_span = doc.offsets().to_raw_span(t.span);
            assert_eq!(&doc.raw[raw_span], &doc.text()[t.span], "{}", input.display());
        }
    }
}

#[test]
fn furniture_fixture_keeps_its_metadata() {
    let raw = std::fs::read_to_string(repo().join("testdata/clean/furniture.txt")).unwrap();
    let doc = analyze("furniture", &raw);
    assert_eq!(doc.meta.title.as_deref(), Some("Ceasefire talks resume in Geneva"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Anna Kowalska and Tom Reed, Reuters"));
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason).collect();
    assert_eq!(reasons, ["interface", "menu", "label", "byline", "interface", "interface", "link", "notice", "notice"]);
}

#[test]
fn the_example_article() {
    let raw = std::fs::read_to_string(repo().join("examples/alaska-summit.txt")).unwrap();
    let doc = analyze("alaska-summit.txt", &raw);
    check_spans(&doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let text = doc.text();
    // The translation widget's residue is gone, and nothing of it became a sentence or token.
    assert!(!text.contains("Select Language"));
    assert_eq!(doc.removed.len(), 1);
    assert_eq!(&raw[doc.removed[0].raw.range()], "Select Language:");
    // Every paragraph of this article is prose: each sentence ends as a reader ends it, and
    // no sentence ends on an abbreviation that continues in lower case.
    for s in &doc.sentences {
        let sentence = &text[s.span];
        assert!(sentence.trim_end_matches(['”', '"', ')']).ends_with(['.', '?', '!']), "{sentence:?}");
        assert!(sentence.starts_with(|c: char| c.is_uppercase() || c == '“'), "{sentence:?}");
    }
    for abbreviation in ["U.S.", "a.m."] {
        assert!(doc.tokens.iter().any(|t| &text[t.span] == abbreviation && t.kind == TokenKind::Word));
    }
    assert_eq!(doc.paragraphs.len(), raw.lines().count() - 1);
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
    assert_eq!(doc.meta.published, Date::new(2025, 8, 15));
}

/// Code point offsets in the JSON record slice the JSON text exactly, as Python would.
#[test]
fn json_offsets_are_code_points() {
    let raw = std::fs::read_to_string(repo().join("examples/alaska-summit.txt")).unwrap();
    let doc = analyze("alaska-summit.txt", &raw);
    let mut json = Vec::new();
    output::write_json(&doc, &OutputOptions { tokens: true, pretty: false }, &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value["schema"], "dateline/1");
    let chars: Vec<char> = value["text"].as_str().unwrap().chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        chars[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize].iter().collect()
    };
    let sentences = value["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), doc.sentences.len());
    for (v, s) in sentences.iter().zip(&doc.sentences) {
        assert_eq!(slice(v), &doc.text()[s.span]);
    }
    for (v, t) in value["tokens"].as_array().unwrap().iter().zip(&doc.tokens) {
        assert_eq!(slice(v), &doc.text()[t.span]);
    }
    let mut mentions = 0;
    for entity in value["entities"].as_array().unwrap() {
        for m in entity["mentions"].as_array().unwrap() {
            assert_eq!(slice(m), m["text"].as_str().unwrap());
            mentions += 1;
        }
    }
    assert!(mentions > 50, "{mentions} mentions");
    for t in value["times"].as_array().unwrap() {
        assert_eq!(slice(t), t["text"].as_str().unwrap());
    }
    for q in value["quotes"].as_array().unwrap() {
        assert_eq!(slice(q), q["text"].as_str().unwrap());
        if let Some(cue) = q["cue"].as_object() {
            let cue = serde_json::Value::Object(cue.clone());
            assert_eq!(slice(&cue), cue["text"].as_str().unwrap());
        }
    }
    assert!(value["quotes"].as_array().unwrap().len() >= 5);
    let places = value["places"].as_array().unwrap();
    assert!(places.len() >= 5, "{} places", places.len());
    for p in places {
        for m in p["mentions"].as_array().unwrap() {
            assert_eq!(slice(m), m["text"].as_str().unwrap());
        }
    }
    let events = value["events"].as_array().unwrap();
    assert!(events.len() >= 10, "{} events", events.len());
    for e in events {
        assert_eq!(slice(&e["cue"]), e["cue"]["text"].as_str().unwrap());
        assert!(slice(&e["source"]).len() > 1, "{e}");
    }
    assert_eq!(value["errors"], serde_json::json!([]));
}

#[test]
fn output_is_deterministic() {
    let raw = std::fs::read_to_string(repo().join("examples/alaska-summit.txt")).unwrap();
    let write = || {
        let mut json = Vec::new();
        output::write_json(&analyze("a", &raw), &OutputOptions::default(), &mut json).unwrap();
        json
    };
    assert_eq!(write(), write());
}

/// Regression: a month name read as an event cue (`in March`) is also a time; the events
/// stage sliced the text between the two backwards and panicked.
#[test]
fn a_time_that_is_also_an_event_cue_does_not_panic() {
    let doc = analyze("march", "General Motors said it saw a 45% drop in United States vehicle sales for its cars in March.\n");
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    check_spans(&doc);
}

/// A huge single line (no paragraph breaks) is processed in linear time: this would take
/// minutes if any step were quadratic.
#[test]
fn a_long_single_line_is_linear() {
    let raw = std::fs::read_to_string(repo().join("examples/alaska-summit.txt")).unwrap().replace('\n', " ");
    let big = raw.repeat(2_000_000 / raw.len());
    let doc = analyze("big", &big);
    assert_eq!(doc.paragraphs.len(), 1);
    assert!(doc.sentences.len() > 1000);
    check_spans(&doc);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text from pieces news and hostile input are made of: words, abbreviations, quotes,
    /// punctuation, whitespace of every kind, combining marks, emoji, RTL text, controls.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z]{1,8}".prop_map(|s| s),
            Just("U.S.".to_string()),
            Just("Mr.".to_string()),
            Just("a.m.".to_string()),
            Just("3.14".to_string()),
            prop::sample::select(vec![
                ". ", "! ", "? ", "... ", ". . . ", "…", "“", "”", "‘", "’", "'", "\"", "(", ")", "[", "]", "«", "»",
                " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{00A0}", "\u{2028}", "\u{3000}", "\u{200B}", "\u{FEFF}",
                "\u{0301}", "e\u{0301}", "👍🏽", "🇺🇦", "👩‍👩‍👧", "שלום", "مرحبا", "\u{202E}", "\u{0000}", "\u{0007}",
                "\u{0085}", "\u{00AD}", "1.", "2)", "• ", "-", "—", "https://x.org/a.b", "a@b.co", "。", "？",
                "Select Language:", "Share", "By Jane Doe", "|",
            ])
            .prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_bytes_as_text_or_jsonl_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), lossy in any::<bool>()) {
            let options = IngestOptions { lossy, date: None };
            let mut doc = ingest::text_document("b", bytes.clone(), &options);
            Pipeline::default().run(&mut doc);
            check_spans(&doc);
            prop_assert!(doc.has_text() || !doc.errors.is_empty());
            let mut doc = ingest::jsonl_document("b:1", &bytes, &options);
            Pipeline::default().run(&mut doc);
            check_spans(&doc);
            output::write_json(&doc, &OutputOptions::default(), &mut Vec::new()).unwrap();
        }

        #[test]
        fn any_input_keeps_the_span_contract(pieces in prop::collection::vec(piece(), 0..60)) {
            let raw: String = pieces.concat();
            let options = IngestOptions { lossy: true, date: None };
            let mut doc = ingest::text_document("p", raw.into_bytes(), &options);
            Pipeline::default().run(&mut doc);
            check_spans(&doc);
            // Tokens map back to the raw input, less the invisible characters clean drops.
            for t in &doc.tokens {
                let raw_text = &doc.raw[doc.offsets().to_raw_span(t.span)];
                let visible: String = raw_text.chars().filter(|c| !c.is_control() && !matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{00AD}' | '\u{2060}')).collect();
                prop_assert_eq!(visible, &doc.text()[t.span]);
            }
            let mut json = Vec::new();
            output::write_json(&doc, &OutputOptions { tokens: true, pretty: false }, &mut json).unwrap();
            let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
            let chars: Vec<char> = value["text"].as_str().unwrap().chars().collect();
            for (v, s) in value["sentences"].as_array().unwrap().iter().zip(&doc.sentences) {
                let (a, b) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(chars[a..b].iter().collect::<String>(), &doc.text()[s.span]);
            }
        }
    }
}
