//! Web input end to end: a page made from the example article reads like the article's
//! text, spans map back into the page, hostile pages stay in bounds, and the feed and WARC
//! fixtures (`testdata/web/`) give their documents.

use std::path::{Path, PathBuf};

use dateline::ingest::{self, IngestOptions};
use dateline::web::{self, warc, Hints};
use dateline::{output, Document, Pipeline, Span};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

fn json(doc: &Document) -> serde_json::Value {
    let mut out = Vec::new();
    output::write_json(doc, &output::OutputOptions::default(), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn a_page_of_the_example_article_gives_what_its_text_gives() {
    let pipeline = Pipeline::default();
    let date = IngestOptions { lossy: false, date: "2025-08-15".parse().ok() };
    let mut text = ingest::text_document("t", read("examples/alaska-summit.txt"), &date);
    pipeline.run(&mut text);
    // No date given: the page's own (JSON-LD) is the reference date.
    let mut page = web::html_document("p", &read("testdata/web/alaska-summit.html"), &IngestOptions::default(), Hints::default());
    pipeline.run(&mut page);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let (t, p) = (json(&text), json(&page));
    for layer in ["text", "paragraphs", "sentences", "entities", "quotes", "times", "places", "events", "published", "language"] {
        assert_eq!(p[layer], t[layer], "{layer} differs");
    }
    assert_eq!(p["title"], "Trump and Putin head to Alaska for high-stakes summit");
    assert_eq!(p["authors"], serde_json::json!(["Jane Doe", "John Roe"]));
    assert_eq!(p["site"], "Example News");
    assert_eq!(p["url"], "https://news.example.com/world/2025/08/15/trump-putin-alaska-summit");
}

#[test]
fn spans_map_back_into_the_page() {
    let mut doc = web::html_document("p", &read("testdata/web/alaska-summit.html"), &IngestOptions::default(), Hints::default());
    Pipeline::default().run(&mut doc);
    let mut exact = 0;
    for t in &doc.tokens {
        let raw = doc.offsets().to_raw_span(t.span);
        let in_page = &doc.raw[raw]; // on char boundaries, in bounds
        let word = &doc.text()[t.span];
        if in_page.contains('&') {
            // A character reference: the page's text decodes to the word.
            assert!(in_page.starts_with('&') || in_page.ends_with(';') || in_page.contains("&#8217;"), "{in_page:?} for {word:?}");
        } else {
            assert_eq!(in_page, word);
            exact += 1;
        }
    }
    assert!(exact * 10 > doc.tokens.len() * 9);
    for q in &doc.quotes {
        let raw = doc.offsets().to_raw_span(q.span);
        let page = &doc.raw[raw];
        assert!(page.ends_with(['”', ';', '.', '"']) || page.chars().last().is_some_and(char::is_alphanumeric), "{page:?}");
    }
    // The one line `clean` would drop from the text version never reached it here.
    assert!(doc.removed.is_empty());
    let _ = Span::new(0, 0);
}

#[test]
fn a_50_mb_page_is_read_in_bounded_time() {
    let block = "<div class=\"story\"><p>Officials in Anchorage said on Friday that the talks, which began at 11:30 a.m., would go on.</p><nav><a href=/x>Home</a></nav><span>&amp; more &#8217;</span></div>\n";
    let mut page = String::from("<html><body>");
    while page.len() < 50 << 20 {
        page.push_str(block);
    }
    let started = std::time::Instant::now();
    let mut doc = web::html_document("big.html", page.as_bytes(), &IngestOptions::default(), Hints::default());
    let config: dateline::PipelineConfig = serde_json::from_str(r#"{"stages":[{"stage":"clean"},{"stage":"segment"}]}"#).unwrap();
    Pipeline::new(&config).unwrap().run(&mut doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert!(doc.text().len() > 20 << 20);
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn hostile_pages_give_text_or_a_clear_error() {
    let opts = IngestOptions::default();
    let pipeline = Pipeline::default();
    let cases: Vec<Vec<u8>> = vec![
        format!("{}<p>Deep text that is long enough to be an article paragraph.</p>", "<div>".repeat(10_000)).into_bytes(),
        b"<p>Unclosed <b>bold <i>italic <a href='x>never".to_vec(),
        b"<html><body><script>document.write('<p>not text</p>')".to_vec(),
        b"<meta charset=\"x-made-up\"><p>caf\xE9 au lait, said the officials in Paris on Friday.</p>".to_vec(),
        b"<html>\x00\x01\x02\x03binary".to_vec(),
        vec![b'<'; 100_000],
        b"<html><body></body></html>".to_vec(),
    ];
    for bytes in cases {
        let mut doc = web::html_document("x.html", &bytes, &opts, Hints::default());
        pipeline.run(&mut doc);
        if !doc.errors.is_empty() {
            assert!(["binary", "empty"].contains(&doc.errors[0].code), "{:?}", doc.errors);
        }
    }
    let mut doc = web::html_document("latin.html", b"<meta charset=\"x-made-up\"><p>caf\xE9 au lait, said the officials.</p>", &opts, Hints::default());
    pipeline.run(&mut doc);
    assert_eq!(doc.text(), "café au lait, said the officials.");
}

#[test]
fn the_feed_fixture_gives_one_document_per_item() {
    let feed = web::feed::read(&read("testdata/web/feed.rss")).unwrap();
    assert_eq!(feed.items.len(), 2);
    let pipeline = Pipeline::default();
    let docs: Vec<Document> = feed
        .items
        .iter()
        .map(|item| {
            let mut d = web::fragment_document("f", &item.content, &IngestOptions::default(), item.hints());
            pipeline.run(&mut d);
            d
        })
        .collect();
    assert_eq!(docs[0].text(), "Donald Trump and Vladimir Putin headed to Alaska on Friday for a summit.\n\nThe Kremlin said the talks could last six or seven hours.");
    assert_eq!(docs[0].meta.published.unwrap().to_string(), "2025-08-15");
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://news.example.com/world/2025/08/15/alaska"));
    // ISO-8859-1 decoded, references decoded, the summary used when there is no content.
    assert_eq!(docs[1].meta.title.as_deref(), Some("Zelensky: “It’s time to end the war”"));
    assert!(docs[1].text().ends_with("The café was closed."), "{}", docs[1].text());
    assert!(docs[1].entities.iter().any(|e| e.name == "Volodymyr Zelensky"));
}

#[test]
fn the_warc_fixtures_give_their_pages_and_their_damage() {
    let file = std::fs::File::open(repo().join("testdata/web/sample.warc.gz")).unwrap();
    let mut records = warc::Records::new("sample.warc.gz", file, warc::Limits::default()).unwrap();
    let entries: Vec<warc::Entry> = records.by_ref().collect();
    assert_eq!(entries.len(), 2);
    let skipped: Vec<(String, usize)> = records.skipped().to_vec();
    assert_eq!(skipped.iter().map(|(_, n)| n).sum::<usize>(), 4, "{skipped:?}");
    let warc::Entry::Page { id, body, hints } = &entries[1] else { panic!() };
    assert_eq!(id, "sample.warc.gz#5");
    let mut doc = web::html_document(id, body, &IngestOptions::default(), hints.clone());
    Pipeline::default().run(&mut doc);
    assert_eq!(doc.meta.published.unwrap().to_string(), "2025-08-16"); // the fetch date: the page gives none
    assert!(doc.text().contains("the café near the base"), "{}", doc.text());

    let file = std::fs::File::open(repo().join("testdata/web/cut.warc")).unwrap();
    let entries: Vec<warc::Entry> = warc::Records::new("cut.warc", file, warc::Limits::default()).unwrap().collect();
    assert_eq!(entries.len(), 1);
    let warc::Entry::Failed { id, problem } = &entries[0] else { panic!() };
    assert_eq!(id, "cut.warc#3");
    assert!(problem.message.contains("is cut short"), "{}", problem.message);
}
