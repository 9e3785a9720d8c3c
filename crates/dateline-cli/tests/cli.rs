//! The `dateline` command as a user runs it: real files, bad input, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dateline(args: &[&str]) -> Output {
    dateline_with_stdin(args, b"")
}

fn dateline_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn records(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect()
}

#[test]
fn analyze_the_example_article() {
    let out = dateline(&["analyze", "examples/alaska-summit.txt", "--date", "2025-08-15"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["schema"], "dateline/1");
    assert_eq!(doc["published"], "2025-08-15");
    assert_eq!(doc["language"], "en");
    assert!(!doc["text"].as_str().unwrap().contains("Select Language"));
    assert_eq!(doc["removed"][0]["text"], "Select Language:");
    assert!(doc["sentences"].as_array().unwrap().len() > 20);
}

#[test]
fn analyze_reads_stdin_and_prints_a_readable_view() {
    let out = dateline_with_stdin(&["analyze", "-", "--format", "text"], "Trump met Putin. They talked.".as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let view = stdout(&out);
    assert!(view.contains("[  1] Trump met Putin.") && view.contains("[  2] They talked."), "{view}");
}

#[test]
fn bad_input_gets_a_clear_error_naming_the_position() {
    let dir = scratch("bad");
    let cases: [(&str, &[u8], &str); 4] = [
        ("invalid.txt", b"fine\nbad \xFF byte", "invalid UTF-8 at line 2, column 5 (byte 9)"),
        ("empty.txt", b"", "no text to analyze"),
        ("binary.bin", b"ab\0cd", "NUL byte at line 1, column 3 (byte 2)"),
        ("furniture.txt", b"Select Language:\nShare on Facebook\n", "no text to analyze"),
    ];
    for (name, bytes, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dateline(&["analyze", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(name) && err.contains(message), "{name}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = dateline(&["analyze", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read") && stderr(&out).contains("missing.txt"));
    let out = dateline(&["analyze", "examples/alaska-summit.txt", "--date", "2025-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2025-02-30"));
}

#[test]
fn lossy_decoding_is_an_explicit_option() {
    let dir = scratch("lossy");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Caf\xE9 talks resumed. Both sides came.").unwrap();
    let out = dateline(&["analyze", path.to_str().unwrap(), "--lossy", "--compact"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["text"], "Caf\u{FFFD} talks resumed. Both sides came.");
}

#[test]
fn boms_and_crlf_are_handled() {
    let out = dateline_with_stdin(&["analyze", "--compact"], b"\xEF\xBB\xBFFirst line.\r\nSecond line.\r\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["text"], "First line.\n\nSecond line.");
}

#[test]
fn batch_writes_one_record_per_document_in_order_and_survives_bad_ones() {
    let dir = scratch("batch");
    let jsonl = dir.join("in.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            "{\"id\": \"a\", \"text\": \"Putin met Trump.\", \"date\": \"2025-08-15\"}\n",
            "this is not json\n",
            "\n",
            "{\"id\": \"c\", \"title\": \"no text\"}\n",
            "{\"id\": 4, \"text\": \"Zelensky was not invited.\", \"date\": \"15.08.2025\"}\n",
            "{\"text\": \"Last one.\"}\n",
        ),
    )
    .unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\xFF\xFE").unwrap();
    let out_path = dir.join("out.jsonl");
    let out = dateline(&[
        "batch",
        jsonl.to_str().unwrap(),
        bad.to_str().unwrap(),
        dir.join("missing.txt").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("7 documents, ") && stderr(&out).contains("5 errors"), "{}", stderr(&out));
    let recs = records(&std::fs::read_to_string(&out_path).unwrap());
    let ids: Vec<String> = recs.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    let name = |p: &Path| p.display().to_string();
    assert_eq!(ids, [
        "a".to_string(),
        format!("{}:2", name(&jsonl)),
        "c".to_string(),
        "4".to_string(),
        format!("{}:6", name(&jsonl)),
        name(&bad),
        name(&dir.join("missing.txt")),
    ]);
    let codes: Vec<String> = recs.iter().map(|r| r["errors"][0]["code"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(codes, ["", "invalid-json", "missing-text", "invalid-date", "", "invalid-utf8", "unreadable"]);
    // A bad date costs the date, not the document.
    assert_eq!(recs[3]["text"], "Zelensky was not invited.");
    assert_eq!(recs[3]["published"], serde_json::Value::Null);
    assert_eq!(recs[0]["published"], "2025-08-15");
}

#[test]
fn batch_walks_directories_and_is_the_same_on_any_number_of_threads() {
    let run = |threads: &str| {
        let out = dateline(&["batch", "testdata/corpus", "examples", "--threads", threads, "-q"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let ids: Vec<String> = records(&one).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["testdata/corpus/a.txt", "j1", "j2", "examples/alaska-summit.txt"]);
}

#[test]
fn batch_reports_what_it_did() {
    let out = dateline(&["batch", "testdata/corpus", "--threads", "1"]);
    assert_eq!(out.status.code(), Some(0));
    let summary = stderr(&out);
    assert!(summary.contains("3 documents") && summary.contains("0 errors"), "{summary}");
    assert!(summary.contains("1 non-corpus files skipped"), "{summary}");
}

#[test]
fn batch_fails_early_on_an_unwritable_output() {
    let out = dateline(&["batch", "examples", "-o", "/nonexistent-dir/out.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write /nonexistent-dir/out.jsonl"), "{}", stderr(&out));
}

#[test]
fn batch_reads_jsonl_from_stdin() {
    let out = dateline_with_stdin(&["batch", "-", "-q"], b"{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": \"Two.\"}\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&stdout(&out)).len(), 2);
}

#[test]
fn analyze_a_jsonl_file_gives_one_record_per_line() {
    let out = dateline(&["analyze", "testdata/corpus/nested/b.jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&stdout(&out));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["published"], "2025-08-15");
}

#[test]
fn a_pipeline_config_chooses_the_stages() {
    let dir = scratch("config");
    let config = dir.join("pipeline.json");
    std::fs::write(&config, r#"{"stages": [{"stage": "clean", "furniture": false}, {"stage": "segment"}]}"#).unwrap();
    let out = dateline(&["analyze", "examples/alaska-summit.txt", "--config", config.to_str().unwrap(), "--compact"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(doc["text"].as_str().unwrap().starts_with("Select Language:"));
    assert_eq!(doc["language"], serde_json::Value::Null);

    std::fs::write(&config, r#"{"stages": [{"stage": "segment"}]}"#).unwrap();
    let out = dateline(&["analyze", "examples/alaska-summit.txt", "--config", config.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("needs stage \"clean\""), "{}", stderr(&out));
}

#[test]
fn eval_sbd_scores_and_lists_failures() {
    let out = dateline(&["eval", "sbd", "--gold", "testdata/sbd-sample.jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("2/3 passed"), "{report}");
    assert!(report.contains("FAIL #3"), "{report}");
    let out = dateline(&["eval", "sbd", "--gold", "testdata/sbd-sample.jsonl", "--min", "3"]);
    assert_eq!(out.status.code(), Some(4));
    let out = dateline(&["eval", "sbd", "--gold", "testdata/no-such-gold.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read gold file testdata/no-such-gold.jsonl"), "{}", stderr(&out));
}

#[test]
fn lookup_shows_what_a_name_refers_to() {
    let out = dateline(&["lookup", "Georgia", "Kremlin", "Select Language"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("country Georgia (GE, GEO)"), "{text}");
    assert!(text.contains("first-level division Georgia (US.GA)"), "{text}");
    assert!(text.contains("seat of government Kremlin") && text.contains("RUSGOV"), "{text}");
    assert!(text.contains("Select Language: not in the name index"), "{text}");
}

#[test]
fn eval_ner_scores_names_per_type() {
    let gold = repo().join("testdata/ner-sample.conll");
    let dir = scratch("ner"); // no bench/.venv here: no spaCy run
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["eval", "ner", "--gold", gold.to_str().unwrap()])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("names, exact spans (1 documents, 16 tokens)"), "{report}");
    assert!(report.contains("PER+ORG+LOC") && report.contains("spaCy: not compared"), "{report}");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["eval", "ner", "--gold", gold.to_str().unwrap(), "--min-f1", "1.01"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn html_pages_are_read_by_content_whatever_their_name() {
    let dir = scratch("html-sniff");
    let page = dir.join("page.txt"); // an HTML page saved with the wrong extension
    std::fs::copy(repo().join("testdata/web/alaska-summit.html"), &page).unwrap();
    let out = dateline(&["analyze", page.to_str().unwrap(), "--compact"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["title"], "Trump and Putin head to Alaska for high-stakes summit");
    assert_eq!(v["published"], "2025-08-15");
    assert_eq!(v["site"], "Example News");
    assert!(v["text"].as_str().unwrap().starts_with("Donald Trump and Vladimir Putin headed to Alaska"));
    // Forced as text, it is text.
    let out = dateline(&["analyze", page.to_str().unwrap(), "--compact", "--input-format", "text"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["text"].as_str().unwrap().contains("<"));
}

#[test]
fn batch_reads_pages_feeds_and_warc_archives_with_their_damage() {
    let out = dateline(&["batch", "testdata/web", "--threads", "1"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "testdata/web/alaska-summit.html",
            "testdata/web/cut.warc#3",
            "testdata/web/feed.rss#1",
            "testdata/web/feed.rss#2",
            "testdata/web/sample.warc.gz#3",
            "testdata/web/sample.warc.gz#5",
        ]
    );
    assert_eq!(records[1]["errors"][0]["code"], "invalid-warc");
    assert_eq!(records[4]["text"], records[0]["text"]);
    assert_eq!(records[4]["fetched"], "2025-08-16");
    assert_eq!(records[2]["published"], "2025-08-15");
    let err = stderr(&out);
    assert!(err.contains("6 documents") && err.contains("WARC records skipped (warcinfo 2, request 2"), "{err}");
    // A feed given to analyze prints one record per item.
    let out = dateline(&["analyze", "testdata/web/feed.rss", "--compact"]);
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stderr(&out));
}

/// Links every file of `from` into `to`, folder by folder, except those `skip` names.
#[cfg(unix)]
fn link_tree(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().unwrap().is_dir() {
            link_tree(&source, &target, skip);
        } else if !skip.iter().any(|s| source.ends_with(s)) {
            std::os::unix::fs::symlink(&source, &target).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn dateline_data_reads_an_edited_lexicon_without_a_build() {
    // A data folder whose event lexicon has one row more: a made-up verb that criticizes.
    let dir = scratch("data");
    let data = dir.join("data");
    link_tree(&repo().join("data"), &data, &["lexicon/event_cues.tsv"]);
    let mut cues = std::fs::read_to_string(repo().join("data/lexicon/event_cues.tsv")).unwrap();
    cues.push_str("flurble\tflurble|flurbles|flurbled|flurbling\tverb\t111\t\t\t\t\n");
    std::fs::write(data.join("lexicon/event_cues.tsv"), cues).unwrap();
    let text = dir.join("t.txt");
    std::fs::write(&text, "The French government flurbled Germany on Monday.\n").unwrap();
    let run = |data: Option<&Path>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
        command.args(["analyze", "--format", "events", text.to_str().unwrap()]).env_remove("DATELINE_DATA");
        command.envs(data.map(|d| ("DATELINE_DATA", d))).output().unwrap()
    };
    let out = run(Some(&data));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).lines().any(|l| l.split('\t').any(|f| f == "111")), "{}", stdout(&out));
    // The compiled copy does not know the verb.
    let out = run(None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).lines().any(|l| l.split('\t').any(|f| f == "111")), "{}", stdout(&out));
    // A folder that lacks a file is an error that names it.
    let out = run(Some(&dir.join("nowhere")));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere") && stderr(&out).contains("cannot read"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}
