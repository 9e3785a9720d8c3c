//! Clean: the raw input becomes the text every later stage reads, written once.
//!
//! Three jobs, all decided line by line from the raw input:
//!
//! 1. **Page furniture is dropped**: what scraping leaves around an article (language
//!    pickers, menus and breadcrumbs, share and follow bars, cookie and copyright notices,
//!    "Read more:" links, "Advertisement", a byline glued to the top). A line is furniture by
//!    its *shape* (short, no sentence punctuation, a label ending in a colon with nothing
//!    after it, separators between short items) and its *vocabulary* (the words of web
//!    interfaces, not of news), never by matching whole known lines.
//! 2. **Paragraphs** are found: blank lines separate them; inside a block, lines that end
//!    mid-sentence are a hard-wrapped paragraph and are joined, and lines that end as prose
//!    ends are a paragraph each. Paragraphs are joined by a blank line (`\n\n`) in the text.
//! 3. **Whitespace is folded** (a run of spaces, tabs or other blanks becomes one space) and
//!    invisible control characters are dropped. Every other character is kept as it is:
//!    curly quotes, apostrophes, dashes, emoji.
//!
//! The text is written with an [`OffsetMap`] back to the raw input, so a span of the text is
//! also a span of the input.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::chars::{ends_like_prose, is_dropped};
use crate::document::{Document, OffsetMap, Removed};
use crate::error::{Error, ErrorKind};
use crate::span::Span;
use crate::stage::Stage;

/// Configuration of the `clean` stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CleanConfig {
    /// Drop page furniture (on by default). Off, only whitespace is folded.
    pub furniture: bool,
    /// Take a short first line with no sentence punctuation as the title when the input gave
    /// none (on by default). The line stays in the text.
    pub title: bool,
}

impl Default for CleanConfig {
    fn default() -> CleanConfig {
        CleanConfig { furniture: true, title: true }
    }
}

/// The `clean` stage.
pub struct Clean {
    config: CleanConfig,
}

impl Clean {
    /// Builds the stage.
    pub fn new(config: CleanConfig) -> Clean {
        Clean { config }
    }
}

impl Stage for Clean {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        // A web page's text was extracted from its markup: clean that, then map back through it.
        let extracted = doc.take_extracted();
        let raw = match &extracted {
            Some((text, _)) => text.as_str(),
            None => doc.raw.as_str(),
        };
        let mut lines = split_lines(raw);
        if self.config.furniture {
            mark_furniture(raw, &mut lines);
        }
        let mut removed = Vec::new();
        let mut byline = None;
        for line in &lines {
            if let Some(reason) = line.furniture {
                removed.push(Removed { raw: line.span, reason });
                if reason == "byline" && byline.is_none() {
                    byline = Some(byline_name(&raw[line.span]).to_string());
                }
            }
        }
        let paragraphs = paragraphs(raw, &lines);
        let mut out = TextBuilder::new(raw);
        for (i, para) in paragraphs.iter().enumerate() {
            let first = &lines[para.start];
            if i > 0 {
                out.write("\n\n", first.span.start as usize);
            }
            out.fold(first.span);
            for line in &lines[para.start + 1..para.end] {
                out.write(" ", line.span.start as usize);
                out.fold(line.span);
            }
        }
        let (text, mut offsets) = out.finish();
        if let Some((_, inner)) = &extracted {
            offsets = offsets.compose(inner, text.len() as u32);
            for r in &mut removed {
                r.raw = inner.to_raw_span(r.raw);
            }
        }
        if self.config.title && doc.meta.title.is_none() && paragraphs.len() > 1 {
            let first = text.split("\n\n").next().unwrap_or("");
            if looks_like_title(first) {
                doc.meta.title = Some(first.to_string());
            }
        }
        if doc.meta.byline.is_none() {
            doc.meta.byline = byline;
        }
        doc.removed = removed;
        let empty = text.is_empty();
        doc.write_text(text, offsets);
        if empty {
            return Err(ErrorKind::Empty.into());
        }
        Ok(())
    }
}

/// A line of the raw input: its span without the line break, trimmed of whitespace.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    blank: bool,
    furniture: Option<&'static str>,
}

fn split_lines(raw: &str) -> Vec<Line> {
    let bytes = raw.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        let s = &raw[start..end];
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let blank = trimmed.chars().all(|c| c.is_whitespace() || is_dropped(c));
        lines.push(Line { span, blank, furniture: None });
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r' {
            start = i + 1;
            continue;
        }
        push(start, i);
        start = i + 1;
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    lines
}

/// Groups kept lines into paragraphs, each a range of consecutive lines. Blank and dropped
/// lines separate blocks; a block whose lines mostly end mid-sentence is one hard-wrapped
/// paragraph, else each line is one.
fn paragraphs(raw: &str, lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let kept = |l: &Line| !l.blank && l.furniture.is_none();
    let mut i = 0;
    while i < lines.len() {
        if !kept(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && kept(&lines[i]) {
            i += 1;
        }
        let block = &lines[start..i];
        let inner = &block[..block.len() - 1];
        // Hard-wrapped text: lines of a column's width that mostly end mid-sentence, at least
        // one of them continued in lower case (a headline over its story is not that).
        let wrapped = !inner.is_empty()
            && inner.iter().filter(|l| !ends_like_prose(&raw[l.span])).count() * 2 > inner.len()
            && inner.iter().all(|l| (40..=100).contains(&raw[l.span].chars().count()))
            && block[1..].iter().any(|l| raw[l.span].starts_with(|c: char| c.is_lowercase()));
        if wrapped {
            out.push(start..i);
        } else {
            out.extend((start..i).map(|j| j..j + 1));
        }
    }
    out
}

/// Writes the cleaned text: copies runs of the raw input, writes the little text it adds
/// itself, and records an anchor wherever the two stop advancing together.
struct TextBuilder<'a> {
    raw: &'a str,
    text: String,
    anchors: Vec<(u32, u32)>,
    next_raw: Option<usize>,
}

impl<'a> TextBuilder<'a> {
    fn new(raw: &'a str) -> TextBuilder<'a> {
        TextBuilder { raw, text: String::with_capacity(raw.len()), anchors: Vec::new(), next_raw: None }
    }

    fn copy(&mut self, start: usize, end: usize) {
        if start == end {
            return;
        }
        if self.next_raw != Some(start) {
            self.anchors.push((self.text.len() as u32, start as u32));
        }
        self.text.push_str(&self.raw[start..end]);
        self.next_raw = Some(end);
    }

    /// Writes text of its own that stands for the raw input at `raw_at`.
    fn write(&mut self, s: &str, raw_at: usize) {
        self.anchors.push((self.text.len() as u32, raw_at as u32));
        self.text.push_str(s);
        self.next_raw = None;
    }

    /// Copies a trimmed line, folding runs of whitespace to one space and dropping invisible
    /// control characters.
    fn fold(&mut self, span: Span) {
        let bytes = self.raw.as_bytes();
        let (mut from, end) = (span.start as usize, span.end as usize);
        if is_plain(&bytes[from..end]) {
            self.copy(from, end);
            return;
        }
        let mut i = from;
        while i < end {
            let b = bytes[i];
            if b.is_ascii_graphic() {
                i += 1;
                continue;
            }
            if b == b' ' && !bytes.get(i + 1).is_some_and(|&n| n == b' ' || n == b'\t' || n >= 0x80) {
                i += 1;
                continue;
            }
            let c = self.raw[i..].chars().next().expect("i is on a char boundary");
            if !c.is_whitespace() && !is_dropped(c) {
                i += c.len_utf8();
                continue;
            }
            // A run of whitespace and dropped characters starts here.
            let run_start = i;
            let mut space = false;
            while i < end {
                let c = self.raw[i..].chars().next().expect("i is on a char boundary");
                if c.is_whitespace() {
                    space = true;
                } else if !is_dropped(c) {
                    break;
                }
                i += c.len_utf8();
            }
            if space && i - run_start == 1 && b == b' ' {
                continue; // a lone space before a non-ASCII character: nothing to fold
            }
            self.copy(from, run_start);
            if space {
                self.write(" ", run_start);
            }
            from = i;
        }
        self.copy(from, end);
    }

    fn finish(self) -> (String, OffsetMap) {
        (self.text, OffsetMap::from_anchors(self.anchors))
    }
}

/// True when a line has nothing to fold or drop: no control characters, no two spaces in a
/// row, and no non-ASCII character that could be whitespace or invisible (those start with
/// one of a few lead bytes). Written as whole-slice passes the compiler vectorizes, since
/// most lines of most documents are plain.
fn is_plain(line: &[u8]) -> bool {
    let suspicious = line.iter().fold(false, |acc, &b| {
        acc | (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE1) | (b == 0xE3) | (b == 0xEF)
    });
    if suspicious || memchr::memmem::find(line, b"  ").is_some() {
        return false;
    }
    // U+2000..U+200B, U+2028, U+2029, U+202F (E2 80 xx) and U+205F, U+2060 (E2 81 xx) are
    // spaces or invisible; the rest of E2 (dashes, curly quotes, ellipsis) is text.
    memchr::memchr_iter(0xE2, line).all(|i| match (line.get(i + 1), line.get(i + 2)) {
        (Some(0x80), Some(&c)) => !(0x80..=0x8B).contains(&c) && !matches!(c, 0xA8 | 0xA9 | 0xAF),
        (Some(0x81), Some(&c)) => !matches!(c, 0x9F | 0xA0),
        _ => true,
    })
}

/// Words of web interfaces: sharing, accounts, navigation, notices, media widgets,
/// language pickers. A short line made mostly of these is furniture, not news.
const INTERFACE_WORDS: &[&str] = &[
    "about", "accept", "account", "ad", "ads", "advertise", "advertisement", "advertising", "app", "apps",
    "article", "audio", "back", "bookmark", "caption", "careers", "click", "close", "collapse", "comment",
    "comments", "consent", "contact", "content", "continue", "cookie", "cookies", "copied", "copy",
    "copyright", "credit", "decline", "deutsch", "donate", "download", "e-mail", "edition", "email",
    "english", "español", "expand", "facebook", "faq", "feedback", "follow", "français", "gallery", "help",
    "hide", "home", "homepage", "image", "images", "instagram", "italiano", "jobs", "language", "languages",
    "latest", "link", "linkedin", "listen", "loading", "log", "login", "logout", "main", "menu", "messenger",
    "more", "most", "navigation", "newsletter", "newsletters", "next", "open", "page", "photo", "photos",
    "pinterest", "podcast", "policy", "popular", "português", "preferences", "prev", "previous", "print",
    "privacy", "promoted", "read", "reading", "recommended", "reddit", "register", "related", "reserved",
    "rights", "save", "search", "select", "settings", "share", "shares", "sharing", "show", "sign", "signup",
    "site", "skip", "sponsored", "stories", "story", "subscribe", "subscription", "tap", "telegram", "terms",
    "tiktok", "toggle", "top", "translate", "trending", "tweet", "twitter", "unsubscribe", "updates", "us",
    "video", "videos", "view", "watch", "website", "whatsapp", "youtube", "русский", "العربية", "中文", "日本語",
];

/// Words that carry no weight either way when judging a line's vocabulary.
const NEUTRAL_WORDS: &[&str] = &[
    "a", "all", "an", "and", "are", "at", "by", "for", "from", "here", "in", "is", "it", "its", "me", "my",
    "now", "of", "on", "or", "our", "the", "this", "to", "up", "via", "with", "you", "your",
];

/// Words of the labels that introduce links to other stories (`Read more:`, `RELATED:`).
const LINK_LABEL_WORDS: &[&str] = &[
    "also", "don't", "editor's", "editors'", "latest", "listen", "miss", "more", "must", "picks", "popular",
    "promoted", "read", "recommended", "related", "see", "sponsored", "stories", "story", "top", "trending",
    "video", "watch",
];

/// Finders for the words of notices, in lower, title and upper case, built once.
fn notice_finders() -> &'static [(bool, memchr::memmem::Finder<'static>)] {
    static FINDERS: std::sync::OnceLock<Vec<(bool, memchr::memmem::Finder<'static>)>> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        let cookie = ["cookie", "Cookie", "COOKIE"].map(|n| (true, memchr::memmem::Finder::new(n)));
        let rights = ["rights reserved", "Rights Reserved", "RIGHTS RESERVED"].map(|n| (false, memchr::memmem::Finder::new(n)));
        cookie.into_iter().chain(rights).collect()
    })
}

/// Whether the line mentions cookies, and whether it reserves rights.
fn notice_words(line: &str) -> (bool, bool) {
    let (mut cookie, mut rights) = (false, false);
    for (is_cookie, finder) in notice_finders() {
        if finder.find(line.as_bytes()).is_some() {
            if *is_cookie {
                cookie = true;
            } else {
                rights = true;
            }
        }
    }
    (cookie, rights)
}

/// Counts the words of a line by its spaces (a run of spaces counts more than once: close
/// enough for a threshold, and a loop the compiler vectorizes).
fn count_words(line: &str) -> usize {
    line.bytes().filter(|&b| b == b' ' || b == b'\t').count() + 1
}

fn word_key(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).replace('’', "'").to_lowercase()
}

fn in_list(list: &[&str], key: &str) -> bool {
    list.binary_search(&key).is_ok()
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start_matches(['•', '-', '*', '–', '⁃', '·', ' ']);
    t.len() < line.len() || {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
    }
}

/// Marks furniture lines with the reason they are furniture.
fn mark_furniture(raw: &str, lines: &mut [Line]) {
    // Prose: a line of some length that ends as sentences end. Before the first and after the
    // last, page furniture gathers: menus, bylines, footers.
    let is_prose = |l: &Line| !l.blank && ends_like_prose(&raw[l.span]) && count_words(&raw[l.span]) >= 6;
    let first_prose = lines.iter().position(is_prose).unwrap_or(lines.len());
    let last_prose = lines.iter().rposition(is_prose).unwrap_or(0);
    for i in 0..lines.len() {
        if lines[i].blank {
            continue;
        }
        let text = &raw[lines[i].span];
        let next = lines[i + 1..].iter().find(|l| !l.blank).map(|l| &raw[l.span]);
        let byline = i < first_prose && is_byline(text);
        lines[i].furniture = furniture_reason(text, next).or(byline.then_some("byline"));
    }
    // Menus set one item per line: runs of three or more short lines at the edges.
    let item = |l: &Line| {
        let text = &raw[l.span];
        l.furniture.is_some() || (text.len() <= 32 && count_words(text) <= 3 && !text.ends_with([':', ',']))
    };
    if first_prose == lines.len() {
        return; // no prose to frame: short lines may be all the text there is
    }
    let edges = [0..first_prose, last_prose + 1..lines.len()];
    for edge in edges {
        let mut i = edge.start;
        while i < edge.end {
            if lines[i].blank || !item(&lines[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut items = 0;
            while i < edge.end && (lines[i].blank || item(&lines[i])) {
                items += usize::from(!lines[i].blank);
                i += 1;
            }
            if items >= 3 {
                for line in &mut lines[start..i] {
                    if !line.blank && line.furniture.is_none() {
                        line.furniture = Some("menu");
                    }
                }
            }
        }
    }
}

/// Why a line is furniture, or `None` when it is text.
fn furniture_reason(line: &str, next: Option<&str>) -> Option<&'static str> {
    if !line.chars().any(char::is_alphanumeric) {
        return Some("no-text");
    }
    // Furniture is short: a cookie notice or a copyright line runs to a few dozen words,
    // everything else to fewer; most lines of news are longer.
    if line.len() > 1000 {
        return None;
    }
    let word_count = count_words(line);
    if word_count > 60 {
        return None;
    }
    // Notices: cookie consent and copyright lines.
    let (cookie, rights) = notice_words(line);
    if cookie {
        let lower = line.to_lowercase();
        let consent = ["we use", "this site", "this website", "our site", "you agree", "you consent", "accept"];
        if consent.iter().any(|p| lower.contains(p)) {
            return Some("notice");
        }
    }
    let copyright =
        rights || line.starts_with('©') || line.get(..9).is_some_and(|s| s.eq_ignore_ascii_case("copyright"));
    if copyright && word_count <= 30 {
        return Some("notice");
    }
    if word_count > 25 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let keys: Vec<String> = words.iter().map(|w| word_key(w)).collect();
    let prose = ends_like_prose(line);

    // A label with nothing after it: the residue of a widget (`Select Language:`, `Share:`).
    if let Some(head) = line.strip_suffix([':', '：']) {
        let label_words = head.split_whitespace().count();
        let capitalized_or_interface = words.iter().zip(&keys).all(|(w, k)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || in_list(INTERFACE_WORDS, k)
                || in_list(NEUTRAL_WORDS, k)
        });
        if label_words <= 4 && capitalized_or_interface && !next.is_some_and(is_list_item) {
            return Some("label");
        }
    }
    // A link to another story: `Read more: ...`, `RELATED: ...`.
    if let Some((label, _)) = line.split_once(':') {
        let label_keys: Vec<String> = label.split_whitespace().map(word_key).collect();
        if (1..=3).contains(&label_keys.len()) && label_keys.iter().all(|k| in_list(LINK_LABEL_WORDS, k)) {
            return Some("link");
        }
    }
    // A photo caption ends with its credit: `... (AP Photo/Evan Vucci)`, `(Getty Images)`.
    if let Some(credit) = line.strip_suffix(')').and_then(|l| l.rsplit_once('(')).map(|(_, c)| c) {
        if ["Photo", "photo", "Getty Images", "AFP", "Reuters/", "Image"].iter().any(|w| credit.contains(w))
            && credit.split_whitespace().count() <= 6
        {
            return Some("caption");
        }
    }
    // Wire credits at the foot: `Reporting by ...; Editing by ...`.
    if ["Reporting by ", "Additional reporting by ", "Editing by ", "Writing by ", "Compiled by "]
        .iter()
        .any(|p| line.starts_with(p))
    {
        return Some("credits");
    }
    // Menus and breadcrumbs: short items between separators.
    let separators = words.iter().filter(|w| matches!(**w, "|" | "•" | "·" | "»" | "›" | "/" | ">")).count()
        + line.matches('|').count().saturating_sub(words.iter().filter(|w| **w == "|").count());
    if separators >= 2 && !prose {
        let items = line.split(['|', '•', '·', '»', '›']).filter(|s| !s.trim().is_empty()).count().max(1);
        if (words.len() - separators.min(words.len())) <= items * 3 {
            return Some("menu");
        }
    }
    // Interface lines: short, and made of interface words.
    if words.len() <= 8 && (!prose || words.len() <= 6) {
        let content: Vec<&String> = keys.iter().filter(|k| !k.is_empty() && !in_list(NEUTRAL_WORDS, k)).collect();
        let interface = content.iter().filter(|k| in_list(INTERFACE_WORDS, k)).count();
        if interface > 0 && interface * 4 >= content.len() * 3 {
            return Some("interface");
        }
    }
    None
}

/// A byline: `By` and a few capitalized names, an agency, separators; no sentence.
fn is_byline(line: &str) -> bool {
    let Some(rest) = ["By ", "BY ", "by "].iter().find_map(|p| line.strip_prefix(p)) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && !rest.trim_end().ends_with(['!', '?', ':', ';'])
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '|' | '(' | ')'));
            w.is_empty()
                || matches!(w, "and" | "&" | "-" | "–" | "—" | "|" | "in" | "for" | "of" | "de" | "van" | "von")
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

fn byline_name(line: &str) -> &str {
    line.get(3..).unwrap_or("").trim()
}

/// A title: a short first paragraph without sentence punctuation at its end.
fn looks_like_title(paragraph: &str) -> bool {
    let words = paragraph.split_whitespace().count();
    (2..=25).contains(&words) && !ends_like_prose(paragraph) && !paragraph.ends_with([':', ','])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn clean(raw: &str) -> Document {
        let mut doc = Document::new("t", raw, Meta::default());
        let _ = Clean::new(CleanConfig::default()).run(&mut doc);
        doc
    }

    #[test]
    fn vocabularies_are_sorted_for_binary_search() {
        for list in [INTERFACE_WORDS, NEUTRAL_WORDS, LINK_LABEL_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    macro_rules! furniture_cases {
        ($($line:expr => $reason:expr),* $(,)?) => {
            #[test]
            fn furniture_is_judged_by_shape_and_vocabulary() {
                $(assert_eq!(furniture_reason($line, Some("The next paragraph of the story.")), $reason, "{:?}", $line);)*
            }
        };
    }

    furniture_cases! {
        "Select Language:" => Some("label"),
        "Share this:" => Some("label"),
        "Choose Edition:" => Some("label"),
        "Home | World | Europe | Politics" => Some("menu"),
        "Home > World > Europe" => Some("menu"),
        "English | Español | Français | Deutsch" => Some("menu"),
        "Share on Facebook" => Some("interface"),
        "Sign up for our newsletter" => Some("interface"),
        "Advertisement" => Some("interface"),
        "Skip to main content" => Some("interface"),
        "Read more" => Some("interface"),
        "Follow us on Twitter" => Some("interface"),
        "READ MORE: Putin says talks were constructive" => Some("link"),
        "Related: Zelensky rejects land swap" => Some("link"),
        "We use cookies to improve your experience. By continuing, you accept our policy." => Some("notice"),
        "© 2025 Example News. All rights reserved." => Some("notice"),
        "* * *" => Some("no-text"),
        "FILE - Putin arrives in Anchorage, Alaska, Aug. 15, 2025. (AP Photo/Jae C. Hong)" => Some("caption"),
        "Reporting by Anna Kowalska; Editing by Tom Reed" => Some("credits"),
        "Most Read" => Some("interface"),
        // Text that shares a word or a shape with furniture stays.
        "Trump says more sanctions are coming" => None,
        "The demands include:" => None,
        "WASHINGTON: President Trump arrived on Friday." => None,
        "Putin and Trump meet in Alaska" => None,
        "He will share the stage with Putin." => None,
        "Read the full statement here, he said." => None,
        "Russia and Ukraine: what we know" => None,
        "Zelensky posted on social media, “It’s time to end the war.”" => None,
        "The talks (held in private) lasted six hours." => None,
    }

    #[test]
    fn a_label_that_introduces_a_list_is_text() {
        assert_eq!(furniture_reason("Key Points:", Some("- Russia advanced")), None);
        assert_eq!(furniture_reason("Key Points:", Some("Putin arrived.")), Some("label"));
    }

    #[test]
    fn plain_lines_are_exactly_those_with_nothing_to_fold() {
        // Every character that folding or dropping touches makes a line not plain.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| c.is_whitespace() || is_dropped(c)) {
            if c == ' ' {
                continue;
            }
            let line = format!("a{c}b");
            assert!(!is_plain(line.as_bytes()), "{c:?}");
        }
        assert!(!is_plain(b"a  b"));
        assert!(is_plain("Putin’s “visit” — soon…".as_bytes()));
    }

    #[test]
    fn short_lines_are_a_menu_at_the_edges_and_a_list_in_the_middle() {
        let raw = "World\nU.S.\nPolitics\nThe summit ended on Friday after six hours of talks.\nThe delegations:\nRussia\nUkraine\nUnited States\nBoth sides said the talks would go on next week.\nAbout\nContact\nJobs";
        assert_eq!(
            clean(raw).text(),
            "The summit ended on Friday after six hours of talks.\n\nThe delegations:\n\nRussia\n\nUkraine\n\nUnited States\n\nBoth sides said the talks would go on next week."
        );
    }

    #[test]
    fn short_lines_without_prose_are_kept() {
        assert_eq!(clean("Breaking\nPutin arrives\nMore soon").text(), "Breaking\n\nPutin arrives\n\nMore soon");
    }

    #[test]
    fn bylines_at_the_top_are_dropped_and_kept_as_metadata() {
        let doc = clean("By Jane Doe and John Roe, Reuters\nPutin arrived on Friday. He spoke.\nBy then it was late.");
        assert_eq!(doc.text(), "Putin arrived on Friday. He spoke.\n\nBy then it was late.");
        assert_eq!(doc.meta.byline.as_deref(), Some("Jane Doe and John Roe, Reuters"));
        assert!(!is_byline("By Friday, the talks had collapsed."));
        assert!(!is_byline("By Friday, 15 people had died."));
        assert!(is_byline("By Jane Doe | Reuters | Aug. 15, 2025"));
    }

    #[test]
    fn whitespace_is_folded_and_prose_kept() {
        let doc = clean("  Putin’s  visit\t\u{00A0}“began”\u{200B} —  soon.\r\n\r\n\r\nNext\u{0007} one.  ");
        assert_eq!(doc.text(), "Putin’s visit “began” — soon.\n\nNext one.");
    }

    #[test]
    fn every_copied_run_maps_back_to_the_same_raw_text() {
        let raw = "Select Language:\r\nTrump  met\tPutin.\n\nThey  talked, “at length”.\nAdvertisement\nThen  left.";
        let doc = clean(raw);
        assert_eq!(doc.text(), "Trump met Putin.\n\nThey talked, “at length”.\n\nThen left.");
        for word in doc.text().split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
            let start = word.as_ptr() as usize - doc.text().as_ptr() as usize;
            let span = doc.offsets().to_raw_span(Span::new(start, start + word.len()));
            assert_eq!(&doc.raw[span], word);
        }
        assert_eq!(doc.removed.iter().map(|r| &raw[r.raw]).collect::<Vec<_>>(), ["Select Language:", "Advertisement"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_and_one_line_paragraphs_kept() {
        let wrapped = "The summit in Anchorage was the first meeting of the two\nleaders since 2019, officials in Moscow and Washington\nsaid on Friday.\n\nA second paragraph.";
        assert_eq!(
            clean(wrapped).text(),
            "The summit in Anchorage was the first meeting of the two leaders since 2019, officials in Moscow and Washington said on Friday.\n\nA second paragraph."
        );
        assert_eq!(clean("One paragraph.\nAnother one.").text(), "One paragraph.\n\nAnother one.");
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        let doc = clean("Trump and Putin meet in Alaska\nThe two leaders met on Friday.");
        assert_eq!(doc.meta.title.as_deref(), Some("Trump and Putin meet in Alaska"));
        assert_eq!(clean("Putin arrived.\nThen he left.").meta.title, None);
    }

    #[test]
    fn nothing_but_furniture_is_an_empty_document() {
        let mut doc = Document::new("t", "Select Language:\n\n  \nShare on Facebook", Meta::default());
        let err = Clean::new(CleanConfig::default()).run(&mut doc).unwrap_err();
        assert_eq!(err.code(), "empty");
        assert_eq!(doc.text(), "");
    }
}
