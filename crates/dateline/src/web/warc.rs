//! WARC archives: each HTML response becomes a document.
//!
//! [`Records`] streams a WARC file (plain, or gzip with one member per record or one for the
//! whole file) record by record, holding one record in memory at a time. A `response` record
//! whose HTTP response is a success with an HTML body yields an [`Entry::Page`] (with the
//! record's `WARC-Target-URI` and `WARC-Date`, and the HTTP charset); every other record is
//! skipped and counted by reason. Damage never stops the caller: a record cut short, a
//! header that is not WARC, corrupt gzip data, or a record (or a body once decompressed)
//! beyond the size limit yields an [`Entry::Failed`] that says what and where, and the
//! reader goes on to the next record when it can find one (within a bounded scan), or stops.

use std::io::{self, BufRead, BufReader, Read};

use super::{charset_param, parse_date, sniff, Format, Hints};
use crate::document::Problem;
use crate::error::{Error, ErrorKind};

/// Limits of the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest record (and the largest HTTP body once decompressed) read; larger ones
    /// are error entries. 64 MiB by default.
    pub max_record: u64,
    /// In a gzip stream, how much decompressed data the reader discards to pass one
    /// oversized record, or scans for the next record after damage, before it gives up on
    /// the rest of the file: the bound on the work a gzip bomb can cause. 1 GiB by default.
    pub max_skip: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_record: 64 << 20, max_skip: 1 << 30 }
    }
}

/// One record's outcome.
#[derive(Debug)]
pub enum Entry {
    /// An HTML page: its id (`file#N`, N the record's number), body and what the record says.
    Page {
        /// `file#N`.
        id: String,
        /// The HTTP body, de-chunked and decompressed.
        body: Vec<u8>,
        /// URL, fetch date, charset.
        hints: Hints,
    },
    /// A record that could not be read.
    Failed {
        /// `file#N`.
        id: String,
        /// What went wrong, and where.
        problem: Problem,
    },
}

/// A streaming reader of WARC records: an iterator of [`Entry`]s.
pub struct Records {
    name: String,
    input: Box<dyn BufRead>,
    gzip: bool,
    limits: Limits,
    /// The number of the next record (1-based).
    number: usize,
    /// Decompressed bytes read so far.
    offset: u64,
    done: bool,
    /// A version line found by a resync was consumed: the next record starts at its headers.
    pending_version: bool,
    skipped: Vec<(String, usize)>,
}

/// What reading one record gave.
enum Step {
    End,
    Skipped,
    Entry(Entry),
}

impl Records {
    /// A reader over a WARC file's bytes (gzip or not: it looks). `name` names the file in
    /// ids and messages.
    pub fn new<R: Read + 'static>(name: &str, input: R, limits: Limits) -> io::Result<Records> {
        let mut input = BufReader::with_capacity(1 << 16, input);
        let gzip = input.fill_buf()?.starts_with(&[0x1F, 0x8B]);
        let input: Box<dyn BufRead> = if gzip {
            Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(input)))
        } else {
            Box::new(input)
        };
        Ok(Records { name: name.to_string(), input, gzip, limits, number: 1, offset: 0, done: false, pending_version: false, skipped: Vec::new() })
    }

    /// Records skipped, by reason (`warcinfo`, `request`, `not-html`, `status-404`...), in
    /// order of first occurrence.
    pub fn skipped(&self) -> &[(String, usize)] {
        &self.skipped
    }

    fn skip(&mut self, reason: String) {
        match self.skipped.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => self.skipped.push((reason, 1)),
        }
    }

    fn fail(&mut self, number: usize, kind: ErrorKind) -> Entry {
        let err: Error = kind.into();
        Entry::Failed { id: format!("{}#{number}", self.name), problem: Problem::from_error("ingest", &err) }
    }

    /// Reads one line (up to `max` bytes) into `line`, counting the offset.
    fn line(&mut self, line: &mut Vec<u8>, max: u64) -> io::Result<usize> {
        line.clear();
        let n = (&mut self.input).take(max).read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    /// Discards `n` bytes; false when the input ended first.
    fn discard(&mut self, n: u64) -> io::Result<bool> {
        let copied = io::copy(&mut (&mut self.input).take(n), &mut io::sink())?;
        self.offset += copied;
        Ok(copied == n)
    }

    /// Scans to the next line starting `WARC/`, within the skip limit. True when found
    /// (the version line is consumed and in `line`).
    fn resync(&mut self, line: &mut Vec<u8>) -> io::Result<bool> {
        let start = self.offset;
        while self.offset - start < self.limits.max_skip {
            if self.line(line, 1 << 20)? == 0 {
                return Ok(false);
            }
            if line.starts_with(b"WARC/") {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn next_entry(&mut self) -> io::Result<Step> {
        let mut line = Vec::new();
        // The version line, after the blank lines that end the previous record.
        loop {
            if self.line(&mut line, 1 << 20)? == 0 {
                return Ok(Step::End);
            }
            if !line.trim_ascii().is_empty() {
                break;
            }
        }
        let number = self.number;
        self.number += 1;
        let at = self.offset - line.len() as u64;
        if !line.starts_with(b"WARC/") {
            let found = self.resync(&mut line)?;
            let skipped = self.offset - at - if found { line.len() as u64 } else { 0 };
            let msg = if found {
                format!("no WARC record at byte {at}: {skipped} bytes skipped to the next record")
            } else {
                self.done = true;
                format!("no WARC record at byte {at}: the rest of the file ({skipped} bytes scanned) is skipped")
            };
            // Report the damage now; the record found is read on the next call.
            self.pending_version = found;
            return Ok(Step::Entry(self.fail(number, ErrorKind::Warc(msg))));
        }
        self.read_record(number, at, &mut line)
    }

    fn read_record(&mut self, number: usize, at: u64, line: &mut Vec<u8>) -> io::Result<Step> {
        // Headers, to the blank line.
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0u64;
        loop {
            let n = self.line(line, 1 << 20)?;
            header_bytes += n as u64;
            if n == 0 {
                self.done = true;
                return Ok(Step::Entry(self.fail(number, ErrorKind::Warc(format!("record at byte {at} is cut inside its headers")))));
            }
            if header_bytes > (1 << 20) {
                self.done = true;
                return Ok(Step::Entry(self.fail(number, ErrorKind::Warc(format!("record at byte {at} has more than 1 MiB of headers")))));
            }
            let l = String::from_utf8_lossy(line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let header = |k: &str| headers.iter().find(|(hk, _)| hk == k).map(|(_, v)| v.as_str());
        let uri = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let what = uri.as_deref().map_or_else(|| format!("record at byte {at}"), |u| format!("record at byte {at} ({u})"));
        let Some(length) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            let mut next = Vec::new();
            let found = self.resync(&mut next)?;
            self.pending_version = found;
            self.done = !found;
            return Ok(Step::Entry(self.fail(number, ErrorKind::Warc(format!("{what} has no valid Content-Length")))));
        };
        let kind = header("warc-type").unwrap_or("unknown").to_ascii_lowercase();
        let http_response = header("content-type").is_some_and(|t| t.contains("application/http"));
        if length > self.limits.max_record {
            let message = format!(
                "{what} holds {length} bytes, more than the {} MiB limit of one record: skipped",
                self.limits.max_record >> 20
            );
            if self.gzip && length > self.limits.max_skip {
                self.done = true;
                let message = format!("{message}, with the rest of the file (a gzip bomb?)");
                return Ok(Step::Entry(self.fail(number, ErrorKind::RecordTooLarge(message))));
            }
            if !self.discard(length)? {
                self.done = true;
            }
            return Ok(Step::Entry(self.fail(number, ErrorKind::RecordTooLarge(message))));
        }
        if kind != "response" || !http_response {
            if !self.discard(length)? {
                self.done = true;
                return Ok(Step::Entry(self.fail(number, ErrorKind::Warc(format!("{what} is cut short: the file ends inside it")))));
            }
            self.skip(kind);
            return Ok(Step::Skipped);
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        let got = (&mut self.input).take(length).read_to_end(&mut block)? as u64;
        self.offset += got;
        if got < length {
            self.done = true;
            return Ok(Step::Entry(self.fail(
                number,
                ErrorKind::Warc(format!("{what} is cut short: Content-Length says {length} bytes, the file ends after {got}")),
            )));
        }
        let hints = Hints {
            url: uri,
            fetched: header("warc-date").and_then(parse_date),
            ..Hints::default()
        };
        Ok(match http_body(&block, self.limits.max_record) {
            Ok(Http::Html { body, charset }) => {
                Step::Entry(Entry::Page { id: format!("{}#{number}", self.name), body, hints: Hints { charset, ..hints } })
            }
            Ok(Http::Skip(reason)) => {
                self.skip(reason);
                Step::Skipped
            }
            Err(kind) => Step::Entry(self.fail(number, match kind {
                ErrorKind::RecordTooLarge(m) => ErrorKind::RecordTooLarge(format!("{what}: {m}")),
                ErrorKind::Warc(m) => ErrorKind::Warc(format!("{what}: {m}")),
                k => k,
            })),
        })
    }
}

impl Iterator for Records {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if self.done {
                return None;
            }
            let result = if self.pending_version {
                self.pending_version = false;
                let number = self.number;
                self.number += 1;
                let at = self.offset;
                let mut line = Vec::new();
                self.read_record(number, at, &mut line)
            } else {
                self.next_entry()
            };
            match result {
                Ok(Step::Skipped) => continue,
                Ok(Step::End) => {
                    self.done = true;
                    return None;
                }
                Ok(Step::Entry(entry)) => return Some(entry),
                Err(e) => {
                    // Corrupt compressed data or an unreadable file: nothing after it can be trusted.
                    self.done = true;
                    let number = self.number;
                    let what = if self.gzip { "corrupt gzip data" } else { "cannot read the file" };
                    let msg = format!("{what} after byte {} of the archive ({e}): the rest of the file is skipped", self.offset);
                    return Some(self.fail(number, ErrorKind::Warc(msg)));
                }
            }
        }
    }
}

enum Http {
    Html { body: Vec<u8>, charset: Option<String> },
    Skip(String),
}

/// The HTML body of an HTTP response block, de-chunked and decompressed (within `max`).
fn http_body(block: &[u8], max: u64) -> Result<Http, ErrorKind> {
    let Some(end) = memchr::memmem::find(block, b"\r\n\r\n").map(|i| i + 4).or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| i + 2)) else {
        return Err(ErrorKind::Warc("the HTTP response has no end of headers".into()));
    };
    let head = String::from_utf8_lossy(&block[..end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    if !status.starts_with("HTTP/") {
        return Err(ErrorKind::Warc(format!("not an HTTP response: {:?}", status.chars().take(40).collect::<String>())));
    }
    if !(200..300).contains(&code) {
        return Ok(Http::Skip(format!("status-{code}")));
    }
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "content-type" => content_type = Some(v.to_string()),
                "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
    let mut body = block[end..].to_vec();
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    match encoding.as_deref() {
        Some("gzip" | "x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), max)?,
        Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]), max)?,
        Some("identity") | None => {}
        Some(other) => return Ok(Http::Skip(format!("content-encoding-{other}"))),
    }
    let declared_html = content_type.as_deref().is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.starts_with("text/html") || t.starts_with("application/xhtml")
    });
    let sniffed_html = content_type.is_none() && sniff(&body) == Format::Html;
    if !(declared_html || sniffed_html) {
        return Ok(Http::Skip("not-html".into()));
    }
    Ok(Http::Html { charset: content_type.as_deref().and_then(charset_param), body })
}

fn inflate<R: Read>(decoder: R, max: u64) -> Result<Vec<u8>, ErrorKind> {
    let mut out = Vec::new();
    match decoder.take(max + 1).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > max => Err(ErrorKind::RecordTooLarge(format!(
            "the HTTP body decompresses to more than the {} MiB limit (a gzip bomb?): skipped",
            max >> 20
        ))),
        Ok(_) => Ok(out),
        Err(e) => Err(ErrorKind::Warc(format!("the HTTP body's compressed data is corrupt ({e})"))),
    }
}

/// Undoes HTTP chunked transfer encoding; `None` when the body is not chunked after all.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    loop {
        let line_end = memchr::memchr(b'\n', &body[i..])? + i;
        let size_text = std::str::from_utf8(&body[i..line_end]).ok()?.trim();
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        i = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        let end = i.checked_add(size)?;
        out.extend_from_slice(body.get(i..end.min(body.len()))?);
        if end >= body.len() {
            return Some(out);
        }
        i = end;
        while i < body.len() && matches!(body[i], b'\r' | b'\n') {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-08-16T12:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        block.extend_from_slice(body);
        record("response", uri, "application/http; msgtype=response", &block)
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn archive() -> Vec<u8> {
        let mut w = record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        w.extend(record("request", "https://a.example/1", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"));
        w.extend(response("https://a.example/2025/08/15/one", "Content-Type: text/html; charset=windows-1252\r\n", b"<html><p>Caf\xE9 talks began on Friday in the city.</p></html>"));
        w.extend(response("https://a.example/img.png", "Content-Type: image/png\r\n", b"\x89PNG"));
        w.extend(response("https://a.example/two", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", b"5\r\n<p>Hi\r\n9\r\n, there.<\r\n3\r\n/p>\r\n0\r\n\r\n"));
        w
    }

    fn read_all(bytes: Vec<u8>, limits: Limits) -> (Vec<Entry>, Vec<(String, usize)>) {
        let mut r = Records::new("a.warc", io::Cursor::new(bytes), limits).unwrap();
        let entries: Vec<Entry> = r.by_ref().collect();
        (entries, r.skipped().to_vec())
    }

    fn summary(e: &Entry) -> String {
        match e {
            Entry::Page { id, body, hints } => format!("page {id} {} {:?} {}", hints.url.as_deref().unwrap_or("-"), hints.charset, body.len()),
            Entry::Failed { id, problem } => format!("error {id} {}: {}", problem.code, problem.message),
        }
    }

    #[test]
    fn html_responses_become_pages_and_the_rest_is_counted() {
        for bytes in [archive(), gzip(&archive())] {
            let (entries, skipped) = read_all(bytes, Limits::default());
            let got: Vec<String> = entries.iter().map(summary).collect();
            assert_eq!(got.len(), 2, "{got:?}");
            assert!(got[0].starts_with("page a.warc#3 https://a.example/2025/08/15/one Some(\"windows-1252\")"), "{got:?}");
            assert!(got[1].starts_with("page a.warc#5 https://a.example/two"), "{got:?}");
            if let Entry::Page { body, hints, .. } = &entries[1] {
                assert_eq!(body, b"<p>Hi, there.</p>");
                assert_eq!(hints.fetched.unwrap().to_string(), "2025-08-16");
            }
            assert_eq!(skipped, [("warcinfo".to_string(), 1), ("request".to_string(), 1), ("not-html".to_string(), 1)]);
        }
        // One gzip member per record, as crawlers write them.
        let mut members = Vec::new();
        for rec in [record("warcinfo", "", "application/warc-fields", b"x"), response("https://b/", "Content-Type: text/html\r\n", b"<p>Yes.</p>")] {
            members.extend(gzip(&rec));
        }
        let (entries, _) = read_all(members, Limits::default());
        assert_eq!(entries.iter().map(summary).collect::<Vec<_>>().len(), 1);
    }

    #[test]
    fn a_file_cut_mid_record_keeps_what_came_before() {
        let full = archive();
        let cut = full[..full.len() - 30].to_vec();
        let (entries, _) = read_all(cut, Limits::default());
        let got: Vec<String> = entries.iter().map(summary).collect();
        assert!(got[0].starts_with("page a.warc#3"));
        assert!(got[1].contains("invalid-warc") && got[1].contains("is cut short: Content-Length says"), "{got:?}");
        // Cut inside the compressed stream.
        let gz = gzip(&full);
        let (entries, _) = read_all(gz[..gz.len() / 2].to_vec(), Limits::default());
        let last = summary(entries.last().unwrap());
        assert!(last.starts_with("error") && last.contains("a.warc#"), "{last}");
    }

    #[test]
    fn garbage_between_records_is_skipped_and_reported() {
        let mut bytes = b"this is not a WARC file\n".to_vec();
        bytes.extend(archive());
        let (entries, _) = read_all(bytes, Limits::default());
        let got: Vec<String> = entries.iter().map(summary).collect();
        assert!(got[0].contains("no WARC record at byte 0: 24 bytes skipped"), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
        let (entries, _) = read_all(vec![0u8; 5000], Limits::default());
        assert_eq!(entries.len(), 1);
        assert!(summary(&entries[0]).contains("the rest of the file"));
    }

    #[test]
    fn gzip_bombs_and_oversized_records_are_capped() {
        let limits = Limits { max_record: 1 << 20, max_skip: 8 << 20 };
        // An HTTP body that decompresses to 64 MiB of zeros from 64 KiB.
        let bomb = gzip(&vec![0u8; 64 << 20]);
        let mut bytes = response("https://bomb/", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", &bomb);
        bytes.extend(response("https://ok/", "Content-Type: text/html\r\n", b"<p>After the bomb.</p>"));
        let (entries, _) = read_all(bytes.clone(), limits);
        let got: Vec<String> = entries.iter().map(summary).collect();
        assert!(got[0].contains("record-too-large") && got[0].contains("decompresses to more than the 1 MiB limit"), "{got:?}");
        assert!(got[1].starts_with("page"), "{got:?}");
        // A whole record of 64 MiB inside a gzip stream: over the skip budget, the file stops.
        let big = response("https://big/", "Content-Type: text/html\r\n", &vec![b' '; 64 << 20]);
        let started = std::time::Instant::now();
        let (entries, _) = read_all(gzip(&big), limits);
        assert!(started.elapsed().as_secs() < 10);
        let got: Vec<String> = entries.iter().map(summary).collect();
        assert!(got[0].contains("more than the 1 MiB limit of one record") && got[0].contains("gzip bomb"), "{got:?}");
        // Uncompressed, an oversized record is passed over and the next one read.
        let mut plain = response("https://big/", "Content-Type: text/html\r\n", &vec![b' '; 2 << 20]);
        plain.extend(response("https://ok/", "Content-Type: text/html\r\n", b"<p>Next.</p>"));
        let (entries, _) = read_all(plain, limits);
        assert_eq!(entries.len(), 2);
        assert!(matches!(entries[1], Entry::Page { .. }));
    }
}
