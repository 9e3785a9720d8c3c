//! The quotes stage end to end: the example article's attributions, short texts the team
//! wrote for each pattern, and hostile quote marks.

use std::path::Path;
use std::time::Instant;

use dateline::ingest::{self, IngestOptions};
use dateline::quotes::QuoteKind;
use dateline::{Date, Document, Pipeline};

fn analyze(raw: &str) -> Document {
    let mut doc = ingest::text_document("t", raw.as_bytes().to_vec(), &IngestOptions { lossy: false, date: Date::new(2025, 8, 15) });
    Pipeline::default().run(&mut doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc
}

/// (kind, speaker's entity name or text, cue, content) of every attribution.
fn quotes(doc: &Document) -> Vec<(QuoteKind, String, String, String)> {
    let text = doc.text();
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or(String::new(), |s| {
                s.entity.map_or(text[s.span].to_string(), |e| doc.entities[e.index()].name.clone())
            });
            (q.kind, speaker, q.cue.map_or(String::new(), |c| text[c].to_string()), text[q.span].to_string())
        })
        .collect()
}

#[test]
fn the_example_article() {
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/alaska-summit.txt")).unwrap();
    let doc = analyze(&raw);
    let found = quotes(&doc);
    let marked: Vec<(QuoteKind, &str, &str)> = found
        .iter()
        .filter(|q| q.0 != QuoteKind::Indirect)
        .map(|q| (q.0, q.1.as_str(), q.3.as_str()))
        .collect();
    assert_eq!(marked, [
        (QuoteKind::Direct, "Donald Trump", "There’s a respectful sentiment on both sides, and I think something good will come out of it."),
        (QuoteKind::Direct, "Volodymyr Zelensky", "It’s time to end the war, and Russia must take the necessary steps. We are relying on America."),
        (QuoteKind::Partial, "Donald Trump", "feel-out meeting"),
        (QuoteKind::Partial, "Volodymyr Zelensky", "a personal victory"),
        (QuoteKind::Direct, "Volodymyr Zelensky", "Putin is coming out of isolation and has somewhat postponed sanctions that Trump threatened to impose if there was no progress."),
    ]);
    let reported: Vec<(&str, &str)> =
        found.iter().filter(|q| q.0 == QuoteKind::Indirect).map(|q| (q.1.as_str(), q.2.as_str())).collect();
    for expected in [
        ("Donald Trump", "warned"),
        ("Kremlin", "indicated"),
        ("Sergei Lavrov", "stated"),
        ("Sergei Lavrov", "emphasizing"),
        ("Donald Trump", "clarified"),
        ("Donald Trump", "claimed"),
        ("Kremlin", "According to"),
        ("Joe Biden", "insisted"),
    ] {
        assert!(reported.contains(&expected), "{expected:?} not in {reported:?}");
    }
    // The speaker of `clarified` is the pronoun at the quote, resolved to Trump.
    let clarified = doc.quotes.iter().find(|q| q.cue.is_some_and(|c| &doc.text()[c] == "clarified")).unwrap();
    assert_eq!(&doc.text()[clarified.speaker.as_ref().unwrap().span], "He");
}

#[test]
fn cues_before_after_and_inverted() {
    let doc = analyze(
        "“We will not leave,” the mayor said. Sergei Lavrov told reporters: “The talks are over.” \
         Angela Merkel said that the plan was dead. According to NATO, the drills will go ahead. \
         The strain is not dangerous to people, according to the World Health Organization.",
    );
    let found = quotes(&doc);
    assert!(found.iter().any(|q| q.0 == QuoteKind::Direct && q.3 == "We will not leave," && q.2 == "said"), "{found:?}");
    assert!(found.iter().any(|q| q.0 == QuoteKind::Direct && q.1 == "Sergei Lavrov" && q.3 == "The talks are over."), "{found:?}");
    assert!(found.iter().any(|q| q.0 == QuoteKind::Indirect && q.1 == "Angela Merkel" && q.3 == "that the plan was dead"), "{found:?}");
    assert!(found.iter().any(|q| q.0 == QuoteKind::Indirect && q.2 == "According to" && q.3.starts_with("the drills")), "{found:?}");
    assert!(
        found.iter().any(|q| q.2 == "according to" && q.1 == "World Health Organization" && q.3 == "The strain is not dangerous to people"),
        "{found:?}"
    );
}

#[test]
fn scare_quotes_and_titles_are_not_attributions() {
    let doc = analyze("He wore a shirt with “USSR” written on it and watched “Top Gun” twice.");
    assert!(doc.quotes.is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn hostile_quote_marks_are_linear() {
    let time = |raw: String| {
        let t = Instant::now();
        let doc = analyze(&raw);
        for q in &doc.quotes {
            assert!(q.span.start <= q.span.end && q.span.end as usize <= doc.text().len());
        }
        t.elapsed().as_secs_f64()
    };
    let opening = time("He said “ it ".repeat(5_000));
    let nested = time(format!("{}deep{} she said.", "“‘".repeat(10), "’”".repeat(10)));
    let everywhere = time("“word” ".repeat(5_000));
    assert!(opening < 20.0 && nested < 5.0 && everywhere < 20.0, "{opening} {nested} {everywhere}");
}
