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
fn a_reported_clause_may_open_with_a_bare_noun() {
    // Not after a cue's base form that is a noun too (`state police` after a place's name).
    let doc = analyze("Jan Bruck said farmers would not report sick animals. Then he said goodbye and was gone. Four Guerrero state police were found in the garage.");
    let found = quotes(&doc);
    assert!(found.iter().any(|q| q.0 == QuoteKind::Indirect && q.1 == "Jan Bruck" && q.3 == "farmers would not report sick animals"), "{found:?}");
    assert_eq!(found.len(), 1, "{found:?}");
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

/// (kind, speaker's own words, cue, content) of every attribution.
fn spans(doc: &Document) -> Vec<(QuoteKind, String, String, String)> {
    let text = doc.text();
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or(String::new(), |s| text[s.span].to_string());
            (q.kind, speaker, q.cue.map_or(String::new(), |c| text[c].to_string()), text[q.span].to_string())
        })
        .collect()
}

/// Asserts that `raw` gives an attribution with these speaker words, cue and content.
macro_rules! attributions {
    ($($name:ident: $raw:expr => [$(($kind:ident, $speaker:expr, $cue:expr, $content:expr)),* $(,)?];)*) => {$(
        #[test]
        fn $name() {
            let doc = analyze($raw);
            let found = spans(&doc);
            let expected: Vec<(QuoteKind, String, String, String)> =
                vec![$((QuoteKind::$kind, $speaker.to_string(), $cue.to_string(), $content.to_string())),*];
            for e in &expected {
                assert!(found.contains(e), "{e:?} not in {found:?}");
            }
        }
    )*};
}

attributions! {
    speaker_keeps_its_determiner_and_titles:
        "The World Health Organization said that the outbreak was over. Deputy Health Minister Carla Jensen says that the clinics will reopen."
        => [(Indirect, "The World Health Organization", "said", "that the outbreak was over"),
            (Indirect, "Deputy Health Minister Carla Jensen", "says", "that the clinics will reopen")];
    appositive_gives_the_name:
        "Maria Lopez, a spokeswoman for the ministry, said that the border would stay closed. The mayor of Springfield, John Carter, said that the water was safe."
        => [(Indirect, "Maria Lopez", "said", "that the border would stay closed"),
            (Indirect, "John Carter", "said", "that the water was safe")];
    prepositional_modifier_stays_relative_clause_goes:
        "Officials from the Department of Transport say that the bridge is unsafe. An engineer who inspected the bridge called it a \"disaster waiting to happen\"."
        => [(Indirect, "Officials from the Department of Transport", "say", "that the bridge is unsafe"),
            (Partial, "An engineer", "called", "disaster waiting to happen")];
    speaker_after_a_long_quote:
        "\"We are ready. The roads are open,\" said Transport Minister Anna Berg in a statement."
        => [(Direct, "Transport Minister Anna Berg", "said", "We are ready. The roads are open,")];
    quote_after_an_attributed_quote_keeps_its_voice:
        "\"The bridge is closed,\" said the engineer. \"It will reopen in May.\" \"The tolls will rise,\" says Paul Weber, \"and nobody is happy.\""
        => [(Direct, "the engineer", "said", "It will reopen in May."),
            (Direct, "Paul Weber", "says", "and nobody is happy.")];
    quoted_words_in_a_reported_clause_are_partial:
        "The agency warned that the storm would be \"extremely dangerous\" for coastal towns. The minister said that \"the talks have failed.\""
        => [(Partial, "The agency", "warned", "extremely dangerous"),
            (Direct, "The minister", "said", "the talks have failed.")];
    phrase_cues:
        "The newspaper quoted Karl Vogt, a local farmer, as saying that the harvest was lost. The statement went on to say that the plant was safe. The illness is described as \"rare.\""
        => [(Indirect, "Karl Vogt", "as saying", "that the harvest was lost"),
            (Indirect, "The statement", "went on to say", "that the plant was safe"),
            (Partial, "", "described as", "rare.")];
    adjuncts_and_addressees_before_that:
        "The ministry said on Friday that the border would reopen. Anna Berg told reporters that the roads were clear."
        => [(Indirect, "The ministry", "said", "that the border would reopen"),
            (Indirect, "Anna Berg", "told", "that the roads were clear")];
    object_and_predicate:
        "The senator accused the company of hiding its losses."
        => [(Indirect, "The senator", "accused", "the company of hiding its losses")];
    reporting_clause_after_the_content:
        "The old dam has failed, the regional government said on Monday. Two hikers were rescued near the summit, said mountain rescue officials."
        => [(Indirect, "the regional government", "said", "The old dam has failed"),
            (Indirect, "mountain rescue officials", "said", "Two hikers were rescued near the summit")];
    a_noun_is_not_a_cue:
        "The report cautions that prices will rise."
        => [(Indirect, "The report", "cautions", "that prices will rise")];
    a_second_cue_starts_a_second_clause:
        "The agency estimates that most children are vaccinated, and has said it will try to reach the rest. The firm confirmed that the plant was closed but denied that workers were hurt."
        => [(Indirect, "The agency", "estimates", "that most children are vaccinated"),
            (Indirect, "The agency", "said", "it will try to reach the rest"),
            (Indirect, "The firm", "confirmed", "that the plant was closed")];
    passive_without_agent_has_no_speaker:
        "It has been reported that the mine will close."
        => [(Indirect, "", "reported", "that the mine will close")];
}

#[test]
fn beliefs_directives_and_purposes_are_not_attributions() {
    let doc = analyze(
        "Officials believe that the virus is spreading. The mayor urged residents to stay home. \
         More tests will be done to confirm that the water is clean. Canada reported its fourth case in January.",
    );
    assert!(doc.quotes.is_empty(), "{:?}", spans(&doc));
}

#[test]
fn nested_reporting_clauses_are_linear() {
    let time = |raw: String| {
        let t = Instant::now();
        let doc = analyze(&raw);
        assert!(!doc.quotes.is_empty());
        t.elapsed().as_secs_f64()
    };
    let nested = time("The minister said that the mayor said that ".repeat(3_000) + "it rained.");
    let listed = time("Officials say the roads are closed, ".repeat(3_000) + "the police said.");
    assert!(nested < 20.0 && listed < 20.0, "{nested} {listed}");
}

attributions! {
    and_starts_a_clause_only_with_a_report_of_its_own:
        "According to the ministry, 40 towns and villages have confirmed cases of the flu. The agency said the dam was stable and officials believe that it will hold."
        => [(Indirect, "the ministry", "According to", "40 towns and villages have confirmed cases of the flu"),
            (Indirect, "The agency", "said", "the dam was stable")];
}

#[test]
fn a_country_before_a_description_and_a_name_says_whose_the_name_is() {
    // The speaker is the company the phrase ends with, not the country that opens it; the
    // officials of a body that a preposition governs are still the body's.
    let doc = analyze(
        "The United States automobile manufacturing firm General Motors announced that its bondholders did not exchange \
         the debt. Officials from the Department of Health said that the water was safe.",
    );
    let found = quotes(&doc);
    assert_eq!(found[0].1, "General Motors", "{found:#?}");
    assert_eq!(found[1].1, "Department of Health", "{found:#?}");
}

#[test]
fn a_speaker_after_the_content_may_end_in_a_relative_clause() {
    let doc = analyze("The suspect is an independent dairy farmer who has sold dairy products for years, said a public official from the local government who requested to remain anonymous.");
    let q = doc.quotes.first().expect("one attribution");
    let speaker = q.speaker.as_ref().expect("a speaker");
    assert!(doc.text()[speaker.span].starts_with("a public official"), "{:?}", &doc.text()[speaker.span]);
    assert!(doc.text()[q.span].starts_with("The suspect"), "{:?}", &doc.text()[q.span]);
}
