//! Ingest: raw bytes to [`Document`]s.
//!
//! Two input shapes for now: a text file (one document) and JSONL (one document per line,
//! with `id`, `text` and optional `title`, `url`, `date`/`published`, `language`). Decoding is
//! strict by default: invalid UTF-8 and NUL bytes are errors that name their position, and
//! `lossy` decoding replaces invalid bytes with U+FFFD instead (`clean` then drops control
//! characters). A leading byte order mark is dropped.

use serde::Deserialize;

use crate::date::Date;
use crate::document::{Document, Meta, Problem};
use crate::error::{Error, ErrorKind, Position};

/// How to read input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Replace invalid UTF-8 with U+FFFD and let NUL bytes through, instead of failing.
    pub lossy: bool,
    /// The reference date given on the command line; it wins over a record's own date.
    pub date: Option<Date>,
}

/// Decodes a whole text input: checks size, drops a BOM, validates UTF-8 and rejects NUL
/// bytes (unless `lossy`). Takes the bytes so that valid input is not copied.
pub fn decode(mut bytes: Vec<u8>, options: &IngestOptions) -> Result<String, Error> {
    if let std::borrow::Cow::Owned(lossy) = validate(&bytes, options)? {
        return Ok(lossy);
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    // Valid (just checked); converting in place keeps a large input from being copied.
    Ok(String::from_utf8(bytes).expect("validated as UTF-8"))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The input as text, without its BOM: borrowed when it is valid UTF-8, replaced lossily
/// when it is not and `lossy` is set, else an error naming the position (as are a NUL byte
/// and a size beyond 4 GiB). Positions count from the start of the input, BOM included.
fn validate<'a>(bytes: &'a [u8], options: &IngestOptions) -> Result<std::borrow::Cow<'a, str>, Error> {
    if u32::try_from(bytes.len()).is_err() {
        return Err(ErrorKind::TooLarge(bytes.len()).into());
    }
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let text = match std::str::from_utf8(&bytes[bom..]) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if options.lossy => String::from_utf8_lossy(&bytes[bom..]),
        Err(e) => return Err(ErrorKind::InvalidUtf8(Position::locate(bytes, bom + e.valid_up_to())).into()),
    };
    if !options.lossy {
        if let Some(i) = memchr::memchr(0, bytes) {
            return Err(ErrorKind::NulByte(Position::locate(bytes, i)).into());
        }
    }
    Ok(text)
}

/// Reads a text input as one document. `name` is its id (a path or `<stdin>`).
pub fn text_document(name: &str, bytes: Vec<u8>, options: &IngestOptions) -> Document {
    let meta = Meta { published: options.date, ..Meta::default() };
    match decode(bytes, options) {
        Ok(raw) => Document::new(name, raw, meta),
        Err(err) => Document::failed(name, meta, Problem::from_error("ingest", &err)),
    }
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    url: Option<String>,
    date: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

/// Reads one JSONL line as one document. `fallback_id` names it when it has no `id` (the
/// caller passes `file.jsonl:LINE`). A line that is not a JSON object, lacks `text`, or has a
/// bad date gives a failed document whose `errors` say why.
pub fn jsonl_document(fallback_id: &str, line: &[u8], options: &IngestOptions) -> Document {
    let mut meta = Meta { published: options.date, ..Meta::default() };
    let fail = |id: &str, meta: Meta, err: Error| Document::failed(id, meta, Problem::from_error("ingest", &err));
    let line = match validate(line, options) {
        Ok(line) => line,
        Err(err) => return fail(fallback_id, meta, err),
    };
    let record: Record = match serde_json::from_str(&line) {
        Ok(r) => r,
        Err(e) => return fail(fallback_id, meta, ErrorKind::Json(e.to_string()).into()),
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id.to_string(),
    };
    meta.title = record.title;
    meta.url = record.url;
    meta.language = record.language;
    // A bad date costs the date, not the document: it is analyzed without one.
    let mut date_problem = None;
    if meta.published.is_none() {
        if let Some(date) = record.date.or(record.published) {
            match Date::parse_prefix(&date) {
                Ok(d) => meta.published = Some(d),
                Err(err) => date_problem = Some(Problem::from_error("ingest", &err)),
            }
        }
    }
    match record.text {
        Some(text) => {
            let mut doc = Document::new(id, text, meta);
            doc.errors.extend(date_problem);
            doc
        }
        None => fail(&id, meta, ErrorKind::MissingText.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(doc: &Document) -> &str {
        doc.errors.first().map_or("", |p| p.code)
    }

    #[test]
    fn text_input_is_strict_unless_lossy() {
        let bad = b"ok\nbad \xFF here";
        let doc = text_document("a.txt", bad.to_vec(), &IngestOptions::default());
        assert_eq!(code(&doc), "invalid-utf8");
        assert!(doc.errors[0].message.contains("line 2, column 5 (byte 7)"), "{}", doc.errors[0].message);
        let doc = text_document("a.txt", bad.to_vec(), &IngestOptions { lossy: true, date: None });
        assert!(doc.errors.is_empty());
        assert_eq!(doc.raw, "ok\nbad \u{FFFD} here");
    }

    #[test]
    fn nul_bytes_and_boms() {
        let doc = text_document("b", b"abc\0def".to_vec(), &IngestOptions::default());
        assert_eq!(code(&doc), "nul-byte");
        let doc = text_document("b", b"\xEF\xBB\xBFHello".to_vec(), &IngestOptions::default());
        assert_eq!(doc.raw, "Hello");
    }

    #[test]
    fn jsonl_records_and_their_faults() {
        let opts = IngestOptions::default();
        let doc = jsonl_document("f:1", br#"{"id": 7, "text": "Hi.", "date": "2025-08-15T09:00:00Z", "title": "T"}"#, &opts);
        assert_eq!((doc.id.as_str(), doc.raw.as_str()), ("7", "Hi."));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2025-08-15");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(code(&jsonl_document("f:2", b"{not json", &opts)), "invalid-json");
        let missing = jsonl_document("f:3", br#"{"id": "x"}"#, &opts);
        assert_eq!((missing.id.as_str(), code(&missing)), ("x", "missing-text"));
        let bad_date = jsonl_document("f:4", br#"{"text": "a", "date": "15/08/2025"}"#, &opts);
        assert_eq!((code(&bad_date), bad_date.is_failed(), bad_date.raw.as_str()), ("invalid-date", false, "a"));
        assert!(missing.is_failed());
        assert_eq!(code(&jsonl_document("f:5", br#"[1, 2]"#, &opts)), "invalid-json");
    }

    #[test]
    fn the_command_line_date_wins_over_the_record() {
        let opts = IngestOptions { lossy: false, date: Date::new(2020, 1, 2) };
        let doc = jsonl_document("f:1", br#"{"text": "a", "date": "2025-08-15"}"#, &opts);
        assert_eq!(doc.meta.published, Date::new(2020, 1, 2));
    }
}
