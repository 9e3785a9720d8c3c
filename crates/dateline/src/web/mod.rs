//! Web input: HTML pages, RSS and Atom feeds, WARC archives.
//!
//! [`sniff`] tells by content what an input is. [`html_document`] decodes a page
//! ([`decode`]: BOM, the transport's charset, `<meta charset>`, then a check against the
//! bytes, since labels lie), extracts its article and metadata ([`html`]) and hands `clean`
//! the article's text with anchors into the page: the document's `raw` is the decoded page,
//! and every span maps back into it. [`feed`] reads RSS 2.0 and Atom items, [`warc`] reads
//! WARC records (plain or gzip), each yielding documents the same way.

pub mod feed;
pub mod html;
pub(crate) mod tokenizer;
pub mod warc;

use encoding_rs::Encoding;

use crate::date::Date;
use crate::document::{Document, Meta, Problem};
use crate::error::{Error, ErrorKind, Position};
use crate::ingest::IngestOptions;

pub use html::parse_date;

/// What an input is, judged by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text (or anything else).
    Text,
    /// An HTML (or XHTML) page.
    Html,
    /// An RSS 2.0, RSS 1.0 (RDF) or Atom feed.
    Feed,
    /// A WARC archive.
    Warc,
    /// A gzip stream (a `.warc.gz`, when it holds WARC records).
    Gzip,
}

/// Tells what an input is from its first bytes (a kilobyte is enough): a gzip stream, a
/// WARC record, a feed's root element, or the usual openings of an HTML page
/// (`<!doctype html`, `<html`, `<head`, `<body`, `<meta`, `<div`...). Anything else is text.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(&[0x1F, 0x8B]) {
        return Format::Gzip;
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head: Vec<u8> = if utf16 {
        // Sniff the ASCII of a UTF-16 page.
        bytes.iter().take(2048).copied().filter(|&b| b != 0 && b < 0x80).collect()
    } else {
        bytes.iter().take(1024).copied().collect()
    };
    let mut s = head.as_slice();
    if s.starts_with(b"\xEF\xBB\xBF") {
        s = &s[3..];
    }
    if s.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let lower = s.trim_ascii_start().to_ascii_lowercase();
    let lower = lower.as_slice();
    if !lower.starts_with(b"<") {
        return Format::Text;
    }
    let has = |needle: &[u8]| memchr::memmem::find(lower, needle).is_some();
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<rss") || lower.starts_with(b"<feed") || lower.starts_with(b"<rdf") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Format::Feed;
        }
        if has(b"<html") || has(b"<!doctype html") {
            return Format::Html;
        }
        return Format::Text;
    }
    const OPENINGS: &[&[u8]] = &[
        b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<title", b"<p>", b"<p ", b"<script",
        b"<link", b"<style", b"<article", b"<section", b"<main", b"<header", b"<nav", b"<table", b"<h1", b"<h2",
        b"<span", b"<br", b"<a ", b"<ul", b"<img", b"<iframe", b"<form", b"<font", b"<center", b"<base",
    ];
    let mut rest = lower;
    // Skip leading comments: `<!-- saved from url=... -->`.
    while rest.starts_with(b"<!--") {
        match memchr::memmem::find(rest, b"-->") {
            Some(i) => rest = rest[i + 3..].trim_ascii_start(),
            None => break,
        }
    }
    if OPENINGS.iter().any(|o| rest.starts_with(o)) || has(b"<html") || has(b"<body") {
        return Format::Html;
    }
    Format::Text
}

/// What the transport or a container says about a page (HTTP headers, a WARC record, a
/// feed item): all optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// The page's address.
    pub url: Option<String>,
    /// A headline given with the page (a feed item's title).
    pub title: Option<String>,
    /// A publication date given with the page (a feed item's date); the page's own date wins.
    pub published: Option<Date>,
    /// When the page was fetched (a WARC record's date): the reference date when neither the
    /// command line nor the page gives one.
    pub fetched: Option<Date>,
    /// The charset of the HTTP `Content-Type`.
    pub charset: Option<String>,
}

/// Decodes a page to text: a BOM decides; else the transport's charset, else a `<meta
/// charset>` or `http-equiv` declaration (or an XML declaration) in the first 4 KiB, else
/// UTF-8. Labels are checked against the bytes: a page declared in a single-byte charset
/// that is valid UTF-8 with non-ASCII characters is UTF-8, and a page declared (or taken
/// as) UTF-8 that is not valid UTF-8 is windows-1252, the usual truth of both mistakes.
/// Returns the text and the encoding used.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc);
    }
    let label = declared.and_then(|l| Encoding::for_label(l.trim().trim_matches('"').as_bytes())).or_else(|| prescan(bytes));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let enc = match label {
        // A page is never really UTF-16 without a BOM; browsers read such labels as UTF-8.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        Some(e) if e.is_single_byte() && utf8 && !bytes.is_ascii() => encoding_rs::UTF_8,
        Some(e) if e == encoding_rs::UTF_8 && !utf8 => encoding_rs::WINDOWS_1252,
        Some(e) => e,
        None if utf8 => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

/// The encoding a page declares in its first 4 KiB.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    for tok in tokenizer::Tokenizer::new(&head) {
        let tokenizer::Token::Start { tag, attrs, .. } = tok else { continue };
        if tag != tokenizer::Tag::Meta {
            continue;
        }
        let mut charset = None;
        let mut content_type = None;
        let mut http_equiv = false;
        for (n, v) in tokenizer::attrs(&head, attrs) {
            if n.eq_ignore_ascii_case("charset") {
                charset = Some(v.to_string());
            } else if n.eq_ignore_ascii_case("content") {
                content_type = Some(v.to_string());
            } else if n.eq_ignore_ascii_case("http-equiv") && v.eq_ignore_ascii_case("content-type") {
                http_equiv = true;
            }
        }
        let label = charset.or_else(|| http_equiv.then(|| content_type.as_deref().and_then(charset_param)).flatten());
        if let Some(e) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            return Some(e);
        }
    }
    // An XML declaration: `<?xml version="1.0" encoding="ISO-8859-1"?>`.
    let decl = head.strip_prefix("<?xml")?.split("?>").next()?;
    let at = decl.find("encoding")?;
    let value = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let q = value.chars().next()?;
    let label = value[1..].split(q).next()?;
    Encoding::for_label(label.as_bytes())
}

/// The `charset` parameter of a content type: `text/html; charset=ISO-8859-1`.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// True when decoded text looks like binary data served as a page: NUL bytes, or more than
/// one character in twenty among the first 64 KiB being control characters or replacement
/// characters.
fn looks_binary(text: &str) -> Option<String> {
    let sample = &text[..floor_char_boundary(text, 65536)];
    if let Some(i) = sample.find('\0') {
        return Some(format!("a NUL byte at {}", Position::locate(text.as_bytes(), i)));
    }
    let (mut bad, mut total) = (0usize, 0usize);
    for c in sample.chars() {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    (total >= 32 && bad * 20 > total).then(|| format!("{bad} of its first {total} characters are control or undecodable characters"))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads an HTML page as one document: decodes it, extracts the article's text and the
/// page's metadata, and leaves the text for `clean` with anchors into the decoded page
/// (the document's `raw`). The reference date is the command line's, else the container's
/// (a feed item's), else the page's, else the fetch date. Binary data served as HTML is an
/// error (unless `lossy`), as is a page larger than 4 GiB.
pub fn html_document(id: &str, bytes: &[u8], options: &IngestOptions, hints: Hints) -> Document {
    let mut meta = Meta { published: options.date, url: hints.url.clone(), ..Meta::default() };
    if u32::try_from(bytes.len()).is_err() {
        return Document::failed(id, meta, Problem::from_error("ingest", &ErrorKind::TooLarge(bytes.len()).into()));
    }
    let (raw, _) = decode(bytes, hints.charset.as_deref());
    if !options.lossy {
        if let Some(why) = looks_binary(&raw) {
            let err: Error = ErrorKind::Binary(why).into();
            return Document::failed(id, meta, Problem::from_error("ingest", &err));
        }
    }
    let page = html::extract(&raw);
    let pm = page.meta;
    meta.title = hints.title.clone().filter(|t| !t.trim().is_empty()).or(pm.title);
    meta.url = pm.url.or(hints.url);
    meta.published = options.date.or(hints.published).or(pm.published.map(|(d, _)| d)).or(hints.fetched);
    meta.language = pm.language;
    if !pm.authors.is_empty() {
        meta.byline = Some(pm.authors.join(", "));
    }
    meta.authors = pm.authors;
    meta.site = pm.site;
    meta.fetched = hints.fetched;
    let offsets = crate::document::OffsetMap::from_anchors(page.anchors);
    Document::with_extracted(id, raw, meta, page.text, offsets)
}

/// Reads a piece of a feed (an item's content or summary) as a document: HTML when it has
/// markup, else text, whose blank lines and line breaks `clean` reads as usual.
pub fn fragment_document(id: &str, content: &str, options: &IngestOptions, hints: Hints) -> Document {
    let has_markup = content.contains('<') && matches!(sniff_fragment(content), Format::Html);
    if has_markup {
        return html_document(id, content.as_bytes(), options, hints);
    }
    let meta = Meta {
        title: hints.title,
        url: hints.url,
        published: options.date.or(hints.published).or(hints.fetched),
        fetched: hints.fetched,
        ..Meta::default()
    };
    Document::new(id, content, meta)
}

/// A fragment has markup when a tag opens anywhere in it (`Text <b>bold</b>`).
fn sniff_fragment(content: &str) -> Format {
    let has_tag = tokenizer::Tokenizer::new(content).take(64).any(|t| matches!(t, tokenizer::Token::Start { .. } | tokenizer::Token::End { .. }));
    if has_tag { Format::Html } else { Format::Text }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! sniff_cases {
        ($($bytes:expr => $format:expr),* $(,)?) => {
            #[test]
            fn inputs_are_told_apart_by_content() {
                $(assert_eq!(sniff($bytes), $format, "{:?}", String::from_utf8_lossy($bytes));)*
            }
        };
    }

    sniff_cases! {
        b"<!DOCTYPE html><html>" => Format::Html,
        b"\xEF\xBB\xBF  \n<HTML lang=en>" => Format::Html,
        b"<!-- saved from url=(0042)https://example.com/ -->\n<html>" => Format::Html,
        b"<meta charset=utf-8><p>Hi" => Format::Html,
        b"<div class=x>text</div>" => Format::Html,
        b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">" => Format::Feed,
        b"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">" => Format::Feed,
        b"<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\">" => Format::Html,
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\n" => Format::Warc,
        b"\x1F\x8B\x08\x00" => Format::Gzip,
        b"Putin met Trump in Alaska." => Format::Text,
        b"<3 this story" => Format::Text,
        b"\xFF\xFE<\0h\0t\0m\0l\0>\0" => Format::Html,
    }

    #[test]
    fn charsets_from_bom_header_meta_and_the_bytes() {
        // windows-1252 declared in a meta tag.
        let page = b"<meta charset=\"windows-1252\"><p>caf\xE9 \x93quoted\x94</p>";
        assert_eq!(decode(page, None).0, "<meta charset=\"windows-1252\"><p>café “quoted”</p>");
        // ISO-8859-1 is read as windows-1252, as browsers do.
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\x93Hi\x94 na\xEFve</p>";
        assert!(decode(page, None).0.ends_with("<p>“Hi” naïve</p>"));
        // ISO-8859-5 (Cyrillic), from the transport.
        assert_eq!(decode(b"<p>\xBF\xE3\xE2\xD8\xDD</p>", Some("iso-8859-5")).0, "<p>Путин</p>");
        // Mislabelled: says latin-1, is UTF-8.
        assert_eq!(decode("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None).0, "<meta charset=iso-8859-1><p>café</p>");
        // Mislabelled: says UTF-8, is windows-1252.
        assert_eq!(decode(b"<meta charset=utf-8><p>caf\xE9</p>", None).0, "<meta charset=utf-8><p>café</p>");
        // BOMs win over everything.
        assert_eq!(decode(b"\xEF\xBB\xBF<p>\xC3\xA9</p>", Some("windows-1252")).0, "<p>é</p>");
        assert_eq!(decode(b"\xFF\xFE<\0p\0>\0\xE9\0", None).0, "<p>é");
        // XML declarations.
        assert_eq!(decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xE9</rss>", None).0, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>é</rss>");
        assert_eq!(charset_param("text/html; charset=\"UTF-8\"").as_deref(), Some("UTF-8"));
    }

    #[test]
    fn binary_served_as_html_is_an_error() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend((0..4000u32).map(|i| (i * 7 % 251) as u8));
        let doc = html_document("x.html", &png, &IngestOptions::default(), Hints::default());
        assert!(doc.is_failed());
        assert_eq!(doc.errors[0].code, "binary");
        assert!(doc.errors[0].message.contains("NUL byte at line 3"), "{}", doc.errors[0].message);
        let noise: Vec<u8> = (0..4000u32).map(|i| (i % 31 + 1) as u8).collect();
        assert_eq!(html_document("y.html", &noise, &IngestOptions::default(), Hints::default()).errors[0].code, "binary");
    }
}
