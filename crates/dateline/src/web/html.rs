//! The article in a web page: its main text and its metadata.
//!
//! One pass over the [`Tokenizer`]'s tokens builds a light tree of block elements (an arena
//! of nodes with parent links; inline elements only lend their flags) and the page's text
//! blocks (a paragraph, a heading, a list item...), each with its length, the share of it
//! inside links, and whether it lies in page furniture: elements that are furniture by their
//! tag (`nav`, `header`, `footer`, `aside`, `form`, `select`, `button`, `menu`, `svg`...), role
//! (`navigation`, `banner`, `complementary`...), visibility (`hidden`, `display:none`) or
//! class/id vocabulary (`nav`, `menu`, `share`, `social`, `cookie`, `related`, `comment`,
//! `promo`, `ad`, `sidebar`, `newsletter`, `byline`...). Malformed markup is read as browsers
//! read it, within bounds: implied ends of `p`, `li`, `td`..., stray end tags ignored, and no
//! more than [`MAX_DEPTH`] open elements (deeper ones are flattened), so 10,000 nested `div`s
//! cost what 10,000 siblings cost.
//!
//! The main text is then chosen as Readability does: each paragraph-like block of some
//! length scores its container (and half that its container's container, less further up),
//! plus the class/id vocabulary's weight, less the share of links; the best container and
//! its siblings that score well hold the article. Its blocks are kept unless they are
//! furniture, mostly links, or a figure caption; the headline (`h1`) becomes the title and
//! leaves the text. Blocks are joined by a blank line and every copied run keeps an anchor to
//! its byte offset in the page, so spans map back into the HTML.
//!
//! Metadata comes from the head and the markup: `<title>`, `og:*`, `article:*`, Dublin
//! Core and other `<meta>` names, JSON-LD (`NewsArticle` and its `@graph`), `<time
//! datetime>`, `rel=author` and byline elements, `<link rel=canonical>`, `<html lang>`, and
//! a date in the URL.

use std::ops::Range;

use super::tokenizer::{attr_value, attrs, decode_entities, decode_entity, Tag, Token, Tokenizer};
use crate::date::Date;

/// Open elements beyond this depth are not tracked: their content flows into their
/// ancestor, so pathological nesting costs neither time nor memory.
pub const MAX_DEPTH: usize = 256;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// The authors, in order.
    pub authors: Vec<String>,
    /// The publication date, with where it was found (`json-ld`, `meta`, `time`, `url`).
    pub published: Option<(Date, &'static str)>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD `publisher`).
    pub site: Option<String>,
    /// The language of `<html lang>` (or `og:locale`, `content-language`), as ISO 639-1.
    pub language: Option<String>,
    /// The charset the page declares in a `<meta>` tag.
    pub charset: Option<String>,
}

/// The article a page holds: its text, anchors from text offsets to page offsets (sorted,
/// one per copied run, as in [`crate::document::OffsetMap`]), and its metadata.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// The article's text: blocks separated by a blank line, whitespace folded.
    pub text: String,
    /// `(text offset, page offset)` at the start of each run.
    pub anchors: Vec<(u32, u32)>,
    /// The metadata.
    pub meta: PageMeta,
}

// Flags an element passes to everything inside it.
const FURNITURE: u8 = 1;
const LINK: u8 = 2;
const BYLINE: u8 = 4;
const CAPTION: u8 = 8;
const ARTICLE: u8 = 16;
const TIME: u8 = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading(u8),
    Item,
    Quote,
    Cell,
    Other,
}

struct Node {
    parent: u32,
    tag: Tag,
    weight: i16,
    score: f32,
    scored: bool,
    chars: u32,
    link_chars: u32,
}

struct Block {
    node: u32,
    kind: Kind,
    flags: u8,
    text: String,
    anchors: Vec<(u32, u32)>,
    chars: u32,
    link_chars: u32,
    furniture_chars: u32,
    commas: u32,
}

struct Open {
    tag: Tag,
    /// The node of the nearest block element (itself, for a block element).
    node: u32,
    flags: u8,
}

/// Extracts the article and the metadata from a page.
pub fn extract(html: &str) -> Page {
    let mut p = Parser::new(html);
    p.run();
    let meta = p.finish_meta();
    let (text, anchors) = p.select(meta.title.as_deref());
    Page { text, anchors, meta }
}

struct Parser<'a> {
    s: &'a str,
    nodes: Vec<Node>,
    stack: Vec<Open>,
    overflow: usize,
    blocks: Vec<Block>,
    cur: Option<Block>,
    /// A space or line break due before the block's next text, and where it stands in the page.
    pending: Option<(char, usize)>,
    next_raw: Option<usize>,
    // Metadata gathered on the way.
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    h1: Option<String>,
    in_h1: bool,
    h1_buf: String,
    json_ld: Vec<Range<usize>>,
    times: Vec<(String, bool)>,
    canonical: Option<String>,
    lang: Option<String>,
    byline: String,
    rel_authors: Vec<String>,
    author_capture: Option<(usize, String)>,
}

impl<'a> Parser<'a> {
    fn new(s: &'a str) -> Parser<'a> {
        let root = Node { parent: 0, tag: Tag::Html, weight: 0, score: 0.0, scored: false, chars: 0, link_chars: 0 };
        Parser {
            s,
            nodes: vec![root],
            stack: Vec::new(),
            overflow: 0,
            blocks: Vec::new(),
            cur: None,
            pending: None,
            next_raw: None,
            metas: Vec::new(),
            title_tag: None,
            h1: None,
            in_h1: false,
            h1_buf: String::new(),
            json_ld: Vec::new(),
            times: Vec::new(),
            canonical: None,
            lang: None,
            byline: String::new(),
            rel_authors: Vec::new(),
            author_capture: None,
        }
    }

    fn flags(&self) -> u8 {
        self.stack.last().map_or(0, |o| o.flags)
    }

    fn block_node(&self) -> u32 {
        self.stack.last().map_or(0, |o| o.node)
    }

    fn run(&mut self) {
        let s = self.s;
        let mut raw_owner: Option<(Tag, Range<usize>)> = None;
        for tok in Tokenizer::new(s) {
            match tok {
                Token::Text(r) => self.text(r),
                Token::RawText(r) => {
                    if let Some((tag, attrs)) = raw_owner.take() {
                        self.raw_text(tag, attrs, r);
                    }
                }
                Token::Start { tag, attrs, self_closing, .. } => {
                    raw_owner = tag.is_raw_text().then(|| (tag, attrs.clone()));
                    self.start(tag, attrs, self_closing);
                }
                Token::End { tag, .. } => self.end(tag),
            }
        }
        self.flush();
    }

    fn raw_text(&mut self, tag: Tag, attrs: Range<usize>, content: Range<usize>) {
        match tag {
            Tag::Title if self.title_tag.is_none() => {
                self.title_tag = Some(fold(&decode_entities(&self.s[content])));
            }
            Tag::Script => {
                let ty = attr_value(self.s, attrs, "type").unwrap_or_default();
                if ty.to_ascii_lowercase().contains("ld+json") && self.json_ld.len() < 16 {
                    self.json_ld.push(content);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, attr_range: Range<usize>, self_closing: bool) {
        let s = self.s;
        match tag {
            Tag::Meta => {
                let mut key = None;
                let mut content = None;
                let mut charset = None;
                for (n, v) in attrs(s, attr_range) {
                    if n.eq_ignore_ascii_case("name") || n.eq_ignore_ascii_case("property") || n.eq_ignore_ascii_case("itemprop") || n.eq_ignore_ascii_case("http-equiv") {
                        key.get_or_insert_with(|| v.trim().to_ascii_lowercase());
                    } else if n.eq_ignore_ascii_case("content") {
                        content = Some(decode_entities(v));
                    } else if n.eq_ignore_ascii_case("charset") {
                        charset = Some(v.trim().to_string());
                    }
                }
                if let Some(c) = charset {
                    self.metas.push(("charset".to_string(), c));
                }
                if let (Some(k), Some(c)) = (key, content) {
                    if self.metas.len() < 512 {
                        self.metas.push((k, c.trim().to_string()));
                    }
                }
                return;
            }
            Tag::Link => {
                let rel = attr_value(s, attr_range.clone(), "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = attr_value(s, attr_range, "href").map(|h| h.trim().to_string());
                }
                return;
            }
            Tag::Html => {
                if self.lang.is_none() {
                    self.lang = attr_value(s, attr_range.clone(), "lang").or_else(|| attr_value(s, attr_range, "xml:lang"));
                }
                return;
            }
            Tag::Br => {
                self.line_break(attr_range.start);
                return;
            }
            Tag::Wbr | Tag::Img | Tag::Input | Tag::Area | Tag::Base | Tag::Col | Tag::Param | Tag::Source | Tag::Track | Tag::Embed => return,
            Tag::Hr => {
                self.flush();
                return;
            }
            Tag::Time => {
                if let Some(dt) = attr_value(s, attr_range.clone(), "datetime") {
                    let published = attrs(s, attr_range.clone()).any(|(n, v)| {
                        n.eq_ignore_ascii_case("pubdate")
                            || (n.eq_ignore_ascii_case("itemprop") && v.eq_ignore_ascii_case("datePublished"))
                            || (n.eq_ignore_ascii_case("class") && v.to_ascii_lowercase().contains("publish"))
                    });
                    if self.times.len() < 64 {
                        self.times.push((dt, published || self.flags() & ARTICLE != 0));
                    }
                }
            }
            // Unknown and custom elements are transparent; a body's classes describe the page
            // (`has-comments`), not furniture.
            Tag::Other | Tag::Head | Tag::Body => return,
            _ => {}
        }
        if tag.is_void() {
            return;
        }
        let block = is_block(tag);
        if block {
            self.close_implied(tag);
            self.flush();
        }
        if self_closing && !tag.is_raw_text() {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return;
        }
        let (mut own, weight) = own_flags(s, tag, attr_range.clone());
        if tag == Tag::Header && self.flags() & ARTICLE != 0 {
            own &= !FURNITURE; // an article's own header: its headline, byline and date
        }
        let mut flags = self.flags() | own;
        if tag == Tag::Time {
            // A date alone on its line is the page's furniture; inside a sentence it is text.
            flags |= TIME;
        }
        if tag == Tag::A {
            flags |= LINK;
            let rel_author = attrs(s, attr_range).any(|(n, v)| n.eq_ignore_ascii_case("rel") && v.eq_ignore_ascii_case("author"));
            if rel_author && self.author_capture.is_none() {
                self.author_capture = Some((self.stack.len(), String::new()));
            }
        }
        let node = if block {
            let parent = self.block_node();
            self.nodes.push(Node { parent, tag, weight, score: 0.0, scored: false, chars: 0, link_chars: 0 });
            (self.nodes.len() - 1) as u32
        } else {
            self.block_node()
        };
        if tag == Tag::H(1) && self.h1.is_none() && flags & FURNITURE == 0 {
            self.in_h1 = true;
            self.h1_buf.clear();
        }
        self.stack.push(Open { tag, node, flags });
    }

    /// Pops the elements a new `tag` closes implicitly (`<p>` closes an open `p`...).
    fn close_implied(&mut self, tag: Tag) {
        let (targets, boundary): (&[Tag], fn(Tag) -> bool) = match tag {
            Tag::Li => (&[Tag::Li], |t| matches!(t, Tag::Ul | Tag::Ol | Tag::Menu)),
            Tag::Dt | Tag::Dd => (&[Tag::Dt, Tag::Dd], |t| t == Tag::Dl),
            Tag::Tr => (&[Tag::Tr], |t| matches!(t, Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot)),
            Tag::Td | Tag::Th => (&[Tag::Td, Tag::Th], |t| matches!(t, Tag::Tr | Tag::Table)),
            Tag::Option => (&[Tag::Option], |t| t == Tag::Select),
            Tag::H(_) => (&[Tag::P, Tag::H(1), Tag::H(2), Tag::H(3), Tag::H(4), Tag::H(5), Tag::H(6)], |t| is_block(t) && !matches!(t, Tag::P | Tag::H(_))),
            _ => (&[Tag::P], |t| is_block(t) && t != Tag::P),
        };
        for i in (0..self.stack.len()).rev().take(64) {
            let t = self.stack[i].tag;
            if targets.contains(&t) {
                self.pop_to(i);
                return;
            }
            if boundary(t) {
                return;
            }
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Br => return,
            Tag::Other | Tag::Head | Tag::Body | Tag::Html => return,
            t if t.is_void() => return,
            _ => {}
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        for i in (0..self.stack.len()).rev().take(64) {
            if self.stack[i].tag == tag {
                self.pop_to(i);
                return;
            }
        }
        // A stray end tag: ignored, as browsers do (a `</p>` alone at most breaks a block).
        if tag == Tag::P {
            self.flush();
        }
    }

    fn pop_to(&mut self, i: usize) {
        let block = self.stack[i..].iter().any(|o| is_block(o.tag));
        if block {
            self.flush();
        }
        if self.in_h1 && self.stack[i..].iter().any(|o| o.tag == Tag::H(1)) {
            self.in_h1 = false;
            let h = fold(&self.h1_buf);
            if !h.is_empty() {
                self.h1 = Some(h);
            }
        }
        if let Some((depth, name)) = &self.author_capture {
            if *depth >= i {
                let name = fold(name);
                if !name.is_empty() && self.rel_authors.len() < 8 && !self.rel_authors.contains(&name) {
                    self.rel_authors.push(name);
                }
                self.author_capture = None;
            }
        }
        self.stack.truncate(i);
    }

    /// A `<br>`: a line break before the block's next text.
    fn line_break(&mut self, at: usize) {
        if self.cur.as_ref().is_some_and(|b| !b.text.is_empty()) {
            self.pending = Some(('\n', at));
        }
    }

    /// Whitespace at `at`: one space before the block's next text, unless a break is due.
    fn space(&mut self, at: usize) {
        if self.pending.is_none() && self.cur.as_ref().is_some_and(|b| !b.text.is_empty()) {
            self.pending = Some((' ', at));
        }
    }

    fn text(&mut self, r: Range<usize>) {
        let s = self.s;
        let flags = self.flags();
        let bytes = s.as_bytes();
        if self.in_h1 && self.h1_buf.len() < 1000 {
            self.h1_buf.push_str(&decode_entities(&s[r.clone()]));
        }
        if let Some((_, name)) = &mut self.author_capture {
            if name.len() < 200 {
                name.push_str(&decode_entities(&s[r.clone()]));
            }
        }
        if flags & BYLINE != 0 && self.byline.len() < 300 {
            self.byline.push_str(&decode_entities(&s[r.clone()]));
            self.byline.push(' ');
        }
        let mut i = r.start;
        let mut from = i;
        while i < r.end {
            let c = bytes[i];
            if c.is_ascii_whitespace() {
                self.copy(from, i, flags);
                let ws = i;
                while i < r.end && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                self.space(ws);
                from = i;
            } else if c == b'&' {
                match decode_entity(&s[i..r.end]) {
                    Some((ch, len)) => {
                        self.copy(from, i, flags);
                        if ch == '\u{A0}' || ch.is_whitespace() {
                            self.space(i);
                        } else if !matches!(ch, '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}') {
                            let mut buf = [0u8; 4];
                            self.write(ch.encode_utf8(&mut buf), i..i + len, flags);
                        }
                        i += len;
                        from = i;
                    }
                    None => i += 1,
                }
            } else {
                i += 1;
            }
        }
        self.copy(from, r.end, flags);
    }

    fn block(&mut self) -> &mut Block {
        if self.cur.is_none() {
            let node = self.block_node();
            let tag = self.stack.iter().rev().find(|o| is_block(o.tag)).map_or(Tag::Div, |o| o.tag);
            let in_quote = self.stack.iter().any(|o| o.tag == Tag::Blockquote);
            let kind = match tag {
                Tag::P | Tag::Pre | Tag::Address => {
                    if in_quote { Kind::Quote } else { Kind::Paragraph }
                }
                Tag::H(n) => Kind::Heading(n),
                Tag::Li | Tag::Dd | Tag::Dt => Kind::Item,
                Tag::Blockquote => Kind::Quote,
                Tag::Td | Tag::Th => Kind::Cell,
                _ => Kind::Other,
            };
            self.cur = Some(Block {
                node,
                kind,
                flags: self.flags(),
                text: String::new(),
                anchors: Vec::new(),
                chars: 0,
                link_chars: 0,
                furniture_chars: 0,
                commas: 0,
            });
            self.next_raw = None;
            self.pending = None;
        }
        self.cur.as_mut().expect("just set")
    }

    fn copy(&mut self, start: usize, end: usize, flags: u8) {
        if start == end {
            return;
        }
        let s = self.s;
        let pending = self.pending.take();
        let mut next_raw = self.next_raw;
        let b = self.block();
        if let Some((c, at)) = pending {
            if !b.text.is_empty() {
                b.anchors.push((b.text.len() as u32, at as u32));
                b.text.push(c);
                next_raw = None;
            }
        }
        if next_raw != Some(start) {
            b.anchors.push((b.text.len() as u32, start as u32));
        }
        let piece = &s[start..end];
        b.text.push_str(piece);
        let n = piece.len() as u32;
        b.chars += n;
        b.commas += piece.matches(',').count() as u32;
        if flags & LINK != 0 {
            b.link_chars += n;
        }
        if flags & (FURNITURE | TIME) != 0 {
            b.furniture_chars += n;
        }
        self.next_raw = Some(end);
    }

    /// Writes a decoded character reference standing for `raw` in the page. A second anchor
    /// on the character's last byte makes a span that ends with it end after the reference
    /// (`&rdquo;` whole); a one-byte character (`&amp;`) cannot carry it, and a span ending
    /// with one ends inside the reference.
    fn write(&mut self, piece: &str, raw: Range<usize>, flags: u8) {
        let raw_at = raw.start;
        let pending = self.pending.take();
        let b = self.block();
        if let Some((c, at)) = pending {
            if !b.text.is_empty() {
                b.anchors.push((b.text.len() as u32, at as u32));
                b.text.push(c);
            }
        }
        b.anchors.push((b.text.len() as u32, raw_at as u32));
        if piece.len() >= 2 && raw.len() >= piece.len() {
            b.anchors.push(((b.text.len() + piece.len() - 1) as u32, (raw.end - 1) as u32));
        }
        b.text.push_str(piece);
        b.chars += 1;
        if flags & LINK != 0 {
            b.link_chars += 1;
        }
        if flags & (FURNITURE | TIME) != 0 {
            b.furniture_chars += 1;
        }
        self.next_raw = None;
    }

    fn flush(&mut self) {
        self.pending = None;
        self.next_raw = None;
        let Some(b) = self.cur.take() else { return };
        if b.text.trim().is_empty() {
            return;
        }
        // Subtree counts for link density, up through every tracked ancestor.
        let mut n = b.node as usize;
        loop {
            let node = &mut self.nodes[n];
            node.chars += b.chars;
            node.link_chars += b.link_chars;
            if n == 0 {
                break;
            }
            n = node.parent as usize;
        }
        self.blocks.push(b);
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.metas.iter().find(|(mk, v)| mk == k && !v.is_empty()).map(|(_, v)| v.as_str()))
    }

    fn finish_meta(&self) -> PageMeta {
        let mut meta = PageMeta::default();
        let ld: Vec<serde_json::Value> =
            self.json_ld.iter().filter_map(|r| serde_json::from_str(self.s[r.clone()].trim()).ok()).collect();
        let article = ld.iter().find_map(find_article);

        // Title: the page's h1, else og:title, else JSON-LD's headline, else <title> less its site suffix.
        let site = self.meta(&["og:site_name", "application-name"]).map(str::to_string).or_else(|| {
            article.and_then(|a| a.get("publisher")).and_then(|p| p.get("name")).and_then(|n| n.as_str()).map(str::to_string)
        });
        let ld_headline = article.and_then(|a| a.get("headline")).and_then(|h| h.as_str()).map(fold);
        meta.title = self
            .h1
            .clone()
            .or_else(|| self.meta(&["og:title", "twitter:title", "headline", "dc.title"]).map(fold))
            .or(ld_headline)
            .or_else(|| self.title_tag.as_deref().map(|t| strip_site_suffix(t, site.as_deref())))
            .filter(|t| !t.is_empty());
        meta.site = site;

        // Authors.
        let mut authors: Vec<String> = Vec::new();
        if let Some(a) = article.and_then(|a| a.get("author")) {
            collect_names(a, &mut authors);
        }
        if authors.is_empty() {
            for (k, v) in &self.metas {
                if matches!(k.as_str(), "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" | "byl")
                    && !v.starts_with("http")
                {
                    for name in split_names(v) {
                        if !authors.contains(&name) {
                            authors.push(name);
                        }
                    }
                }
            }
        }
        if authors.is_empty() {
            authors = self.rel_authors.clone();
        }
        if authors.is_empty() {
            let byline = fold(&self.byline);
            authors = split_names(&byline);
        }
        authors.truncate(8);
        meta.authors = authors;

        // Publication date.
        let ld_date = article.and_then(|a| a.get("datePublished").or_else(|| a.get("dateCreated"))).and_then(|d| d.as_str()).and_then(parse_date);
        let meta_date = self
            .meta(&[
                "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
                "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date", "displaydate",
            ])
            .and_then(parse_date);
        let time_date = self
            .times
            .iter()
            .find(|(_, published)| *published)
            .or_else(|| self.times.first())
            .and_then(|(v, _)| parse_date(v));
        meta.url = self.canonical.clone().or_else(|| self.meta(&["og:url"]).map(str::to_string)).filter(|u| !u.is_empty());
        let url_date = meta.url.as_deref().and_then(date_in_url);
        meta.published = ld_date
            .map(|d| (d, "json-ld"))
            .or(meta_date.map(|d| (d, "meta")))
            .or(time_date.map(|d| (d, "time")))
            .or(url_date.map(|d| (d, "url")));

        meta.language = self
            .lang
            .as_deref()
            .or_else(|| self.meta(&["og:locale", "content-language", "language", "dc.language"]))
            .and_then(language_code);
        meta.charset = self.meta(&["charset"]).map(str::to_string);
        meta
    }

    /// Chooses the article's blocks and joins them.
    fn select(mut self, title: Option<&str>) -> (String, Vec<(u32, u32)>) {
        // Score containers by the paragraphs they hold.
        for b in &self.blocks {
            let candidate = matches!(b.kind, Kind::Paragraph | Kind::Quote | Kind::Cell | Kind::Other)
                && b.flags & (FURNITURE | CAPTION | BYLINE) == 0
                && b.chars >= 25
                && b.link_chars * 2 < b.chars;
            if !candidate {
                continue;
            }
            let score = 1.0 + b.commas.min(10) as f32 + (b.chars as f32 / 100.0).min(3.0);
            // A paragraph scores its container, as in Readability, not itself.
            let mut n = self.nodes[b.node as usize].parent as usize;
            for level in 0..5 {
                let node = &mut self.nodes[n];
                if !node.scored {
                    node.scored = true;
                    node.score = tag_prior(node.tag) + f32::from(node.weight);
                }
                node.score += score / match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                if n == 0 {
                    break;
                }
                n = node.parent as usize;
            }
        }
        let final_score = |n: &Node| {
            let density = if n.chars == 0 { 0.0 } else { n.link_chars as f32 / n.chars as f32 };
            n.score * (1.0 - density)
        };
        let top = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].scored)
            .max_by(|&a, &b| final_score(&self.nodes[a]).total_cmp(&final_score(&self.nodes[b])).then(b.cmp(&a)));

        let mut roots: Vec<usize> = Vec::new();
        if let Some(top) = top {
            roots.push(top);
            let top_score = final_score(&self.nodes[top]);
            let parent = self.nodes[top].parent as usize;
            if top != 0 {
                let threshold = (top_score * 0.2).max(10.0);
                for (i, n) in self.nodes.iter().enumerate() {
                    if i != top && i != 0 && n.parent as usize == parent {
                        let density = if n.chars == 0 { 0.0 } else { n.link_chars as f32 / n.chars as f32 };
                        let paragraph = n.tag == Tag::P && n.chars > 80 && density < 0.25;
                        if (n.scored && final_score(n) >= threshold) || paragraph {
                            roots.push(i);
                        }
                    }
                }
            }
        }
        let inside = |nodes: &[Node], mut n: usize| -> bool {
            if roots.is_empty() {
                return true;
            }
            for _ in 0..=MAX_DEPTH {
                if roots.contains(&n) {
                    return true;
                }
                if n == 0 {
                    return false;
                }
                n = nodes[n].parent as usize;
            }
            false
        };
        let mut keep: Vec<usize> = Vec::new();
        let mut title_dropped = false;
        for (i, b) in self.blocks.iter().enumerate() {
            if b.flags & (FURNITURE | CAPTION | BYLINE) != 0 || b.furniture_chars * 2 > b.chars {
                continue;
            }
            if b.link_chars * 2 > b.chars || (b.chars < 80 && b.link_chars * 4 > b.chars * 3) {
                continue;
            }
            if let Kind::Heading(_) = b.kind {
                if !title_dropped && title.is_some_and(|t| fold(&b.text) == t) {
                    title_dropped = true;
                    continue;
                }
            }
            if inside(&self.nodes, b.node as usize) {
                keep.push(i);
            }
        }
        if keep.is_empty() {
            // Nothing scored as an article: every block that is not furniture.
            keep = (0..self.blocks.len()).filter(|&i| self.blocks[i].flags & FURNITURE == 0 && self.blocks[i].link_chars * 2 <= self.blocks[i].chars).collect();
        }
        let total: usize = keep.iter().map(|&i| self.blocks[i].text.len() + 2).sum();
        let mut text = String::with_capacity(total);
        let mut anchors = Vec::new();
        for i in keep {
            let b = std::mem::take(&mut self.blocks[i]);
            let first_raw = b.anchors.first().map_or(0, |a| a.1);
            if !text.is_empty() {
                anchors.push((text.len() as u32, first_raw));
                text.push_str("\n\n");
            }
            let base = text.len() as u32;
            anchors.extend(b.anchors.iter().map(|&(c, r)| (base + c, r)));
            text.push_str(&b.text);
        }
        (text, anchors)
    }
}

impl Default for Block {
    fn default() -> Block {
        Block { node: 0, kind: Kind::Other, flags: 0, text: String::new(), anchors: Vec::new(), chars: 0, link_chars: 0, furniture_chars: 0, commas: 0 }
    }
}

fn is_block(tag: Tag) -> bool {
    !matches!(
        tag,
        Tag::A | Tag::Span | Tag::Inline | Tag::Time | Tag::Label | Tag::Other | Tag::Picture | Tag::Html | Tag::Head | Tag::Body
    ) && !tag.is_void()
}

fn tag_prior(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        Tag::H(_) | Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// Class and id words of page furniture. Short ones must be a whole word of the class
/// (`ad`, `nav`); long ones may be part of one (`sharebar`, `relatedposts`).
const FURNITURE_WORDS: &[&str] = &[
    "ad", "ads", "adv", "advert", "banner", "bio", "breadcrumb", "breadcrumbs", "byline", "comment",
    "comments", "consent", "contributor", "cookie", "cookies", "credit", "date", "dateline", "disqus", "foot",
    "footer", "footnote", "gdpr", "hidden", "lang", "language", "languages", "masthead", "menu",
    "meta", "modal", "more", "nav", "navbar", "navigation", "newsletter", "outbrain", "pager", "pagination",
    "popular", "popup", "print", "promo", "promoted", "recirc", "recommended", "related", "replies", "reply",
    "rss", "search", "share", "sharing", "sidebar", "signup", "skip", "social", "sponsor", "sponsored",
    "subscribe", "tab", "taboola", "tags", "timestamp", "toolbar", "tools", "topbar", "trending", "util",
    "widget",
];
const FURNITURE_PARTS: &[&str] = &[
    "advert", "banner", "breadcrumb", "comment", "cookie", "consent", "footer", "navbar", "navigation",
    "newsletter", "outbrain", "popup", "promo", "related", "sharebar", "share-", "social", "sponsor", "sidebar",
    "subscribe", "taboola", "trending", "widget",
];
const ARTICLE_WORDS: &[&str] = &[
    "article", "articlebody", "body", "content", "entry", "main", "post", "story", "storybody", "text",
];

/// The flags and the score weight an element gets from its tag and attributes.
fn own_flags(s: &str, tag: Tag, range: Range<usize>) -> (u8, i16) {
    let mut flags = match tag {
        Tag::Nav | Tag::Header | Tag::Footer | Tag::Aside | Tag::Form | Tag::Select | Tag::Option | Tag::Button
        | Tag::Menu | Tag::Svg | Tag::Math | Tag::Textarea | Tag::Noscript | Tag::Template | Tag::Iframe
        | Tag::Dialog | Tag::Video | Tag::Audio | Tag::Canvas | Tag::Object | Tag::Fieldset => FURNITURE,
        Tag::Figcaption | Tag::Caption => CAPTION,
        Tag::Address => BYLINE,
        Tag::Article | Tag::Main => ARTICLE,
        _ => 0,
    };
    let mut weight = 0i16;
    for (name, value) in attrs(s, range) {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "class" | "id" => {
                let value = value.to_ascii_lowercase();
                let (bad, good) = vocabulary(&value);
                if good {
                    weight += 25;
                    if matches!(value.as_str(), "articlebody" | "article-body" | "story-body" | "entry-content" | "post-content" | "article__body") {
                        flags |= ARTICLE;
                    }
                }
                if let Some(word) = bad {
                    weight -= 25;
                    if matches!(word, "byline" | "author" | "contributor") {
                        flags |= BYLINE;
                    } else if matches!(word, "credit") || value.contains("caption") {
                        flags |= CAPTION;
                    } else if !good || matches!(word, "comment" | "comments" | "related" | "share" | "cookie" | "social") {
                        flags |= FURNITURE;
                    }
                }
                if value.contains("author") && !good && value.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "author" || w == "byline" || w == "authors") {
                    flags |= BYLINE;
                }
            }
            "role" => {
                if matches!(value.to_ascii_lowercase().as_str(), "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu" | "menubar" | "dialog" | "alert" | "toolbar") {
                    flags |= FURNITURE;
                }
            }
            "hidden" => flags |= FURNITURE,
            "aria-hidden" if value.eq_ignore_ascii_case("true") => flags |= FURNITURE,
            "style" => {
                let v: String = value.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
                if v.contains("display:none") || v.contains("visibility:hidden") {
                    flags |= FURNITURE;
                }
            }
            "itemprop" => {
                let v = value.to_ascii_lowercase();
                if v == "articlebody" || v == "text" {
                    flags |= ARTICLE;
                    weight += 25;
                } else if v == "author" {
                    flags |= BYLINE;
                }
            }
            _ => {}
        }
    }
    (flags, weight)
}

/// The furniture word of a class or id value, and whether it names article text. Each
/// class is read on its own, and within a compound class the last word that means
/// something decides (`entry-content` is text, `entry-meta` and `article-footer` are not).
fn vocabulary(value: &str) -> (Option<&'static str>, bool) {
    let mut bad = None;
    let mut good = false;
    for class in value.split_ascii_whitespace() {
        let mut verdict: Option<Option<&'static str>> = None; // Some(None): text; Some(Some(w)): furniture
        for word in class.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            if let Ok(i) = FURNITURE_WORDS.binary_search(&word) {
                verdict = Some(Some(FURNITURE_WORDS[i]));
            } else if word == "author" || word == "authors" {
                verdict = Some(Some("byline"));
            } else if ARTICLE_WORDS.binary_search(&word).is_ok() {
                verdict = Some(None);
            }
        }
        if verdict.is_none() && !class.contains("commentary") {
            verdict = FURNITURE_PARTS.iter().find(|p| class.contains(*p)).map(|p| Some(*p));
        }
        match verdict {
            Some(Some(w)) => {
                bad.get_or_insert(w);
            }
            Some(None) => good = true,
            None => {}
        }
    }
    (bad, good)
}

/// Whitespace folded to single spaces, trimmed.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = fold(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s.trim()));
            if tail_is_site || (head.split_whitespace().count() >= 3 && tail.split_whitespace().count() <= 4) {
                return head.to_string();
            }
        }
    }
    title
}

/// The JSON-LD object that describes the article: a `NewsArticle`, `Article`, `BlogPosting`
/// or `ReportageNewsArticle`, found at the top, in an array, or in `@graph`.
fn find_article(v: &serde_json::Value) -> Option<&serde_json::Value> {
    fn is_article(t: &serde_json::Value) -> bool {
        let check = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
        match t {
            serde_json::Value::String(s) => check(s),
            serde_json::Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(check)),
            _ => false,
        }
    }
    fn walk(v: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
        if depth > 4 {
            return None;
        }
        match v {
            serde_json::Value::Object(o) => {
                if o.get("@type").is_some_and(is_article) {
                    return Some(v);
                }
                o.get("@graph").and_then(|g| walk(g, depth + 1))
            }
            serde_json::Value::Array(a) => a.iter().find_map(|x| walk(x, depth + 1)),
            _ => None,
        }
    }
    walk(v, 0)
}

fn collect_names(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.extend(split_names(s)),
        serde_json::Value::Array(a) => a.iter().take(8).for_each(|x| collect_names(x, out)),
        serde_json::Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(|n| n.as_str()) {
                let n = fold(n);
                if !n.is_empty() && !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        _ => {}
    }
}

/// Names in a byline: `By Jane Doe and John Roe, Reuters` → `Jane Doe`, `John Roe`, `Reuters`.
fn split_names(s: &str) -> Vec<String> {
    let s = fold(s);
    let s = ["By ", "by ", "BY "].iter().find_map(|p| s.strip_prefix(p)).unwrap_or(&s);
    let mut out = Vec::new();
    for part in s.split([',', '|', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_start_matches("By ").trim();
        let words = name.split_whitespace().count();
        if (1..=5).contains(&words) && name.chars().next().is_some_and(char::is_uppercase) && !name.chars().any(|c| c.is_ascii_digit()) && !out.iter().any(|n: &String| n == name) {
            out.push(name.to_string());
        }
    }
    out.truncate(8);
    out
}

/// ISO 639-1 from a language tag (`en-US`, `en_GB`, `fr`).
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary).filter(|p| p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A date in the usual forms of web pages and feeds: ISO 8601 (`2025-08-15`,
/// `2025-08-15T09:00:00Z`, `20250815`), `2025/08/15`, RFC 822 (`Fri, 15 Aug 2025 09:00:00
/// GMT`), `August 15, 2025`, `15 August 2025`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = Date::parse_prefix(s.get(..10.min(s.len())).unwrap_or(s)) {
        return Some(d);
    }
    let b = s.as_bytes();
    let num = |r: Range<usize>| -> Option<u32> { s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit())).and_then(|p| p.parse().ok()) };
    if b.len() >= 10 && (b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return Date::new(y as i32, m, d);
        }
    }
    if b.len() >= 8 {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(4..6), num(6..8)) {
            if b.get(8).is_none_or(|c| !c.is_ascii_digit()) && (1900..2100).contains(&y) {
                return Date::new(y as i32, m, d);
            }
        }
    }
    // Words: a day, a month name and a year, in either order.
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty()).take(6).collect();
    let (mut day, mut month, mut year) = (None, None, None);
    for w in &words {
        if let Some(m) = month_number(w) {
            month.get_or_insert(m);
        } else if let Ok(n) = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>() {
            if n >= 1000 {
                year.get_or_insert(n);
            } else if (1..=31).contains(&n) && day.is_none() && year.is_none() {
                day = Some(n);
            }
        }
    }
    Date::new(year? as i32, month?, day?)
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = w.to_ascii_lowercase();
    if lower.len() < 3 || lower.len() > 9 {
        return None;
    }
    let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
    let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
    (full.starts_with(&lower) || lower == "sept").then_some(i as u32 + 1)
}

/// A date in a URL's path: `/2025/08/15/`, `/2025-08-15/`, `/20250815/`.
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    for w in parts.windows(3) {
        let n = |s: &str, len: usize| (s.len() == len && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
        if let (Some(y), Some(m), Some(d)) = (n(w[0], 4), n(w[1], 2).or(n(w[1], 1)), n(w[2], 2).or(n(w[2], 1))) {
            if let Some(date) = Date::new(y as i32, m, d) {
                return Some(date);
            }
        }
    }
    for p in &parts {
        for piece in p.split(['_', '.']) {
            if piece.len() >= 10 && piece.as_bytes()[4] == b'-' {
                if let Ok(d) = Date::parse_prefix(&piece[..10]) {
                    return Some(d);
                }
            }
            if piece.len() == 8 && piece.bytes().all(|c| c.is_ascii_digit()) {
                if let Some(d) = parse_date(piece) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "<p>The summit in Anchorage was the first meeting of the two leaders since 2019, officials said on Friday.</p>";

    fn page(body: &str) -> Page {
        extract(&format!("<html lang=\"en-US\"><head><title>Page</title></head><body>{body}</body></html>"))
    }

    #[test]
    fn furniture_is_left_out_and_paragraphs_kept() {
        let html = format!(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>\
             <div class=\"cookie-banner\">We use cookies. <button>Accept</button></div>\
             <select><option>English</option><option>Français</option></select>\
             <article><h1>Leaders meet</h1>{ARTICLE}<p>Putin said, “It was useful,” and left for Moscow, where he met his aides.</p>\
             <div class=share-bar><a href=#>Share on Facebook</a></div>\
             <blockquote><p>Both sides agreed to talk again next week, the Kremlin said.</p></blockquote></article>\
             <aside><h2>Related</h2><ul><li><a href=/a>Another story about the leaders</a></li></ul></aside>\
             <footer><p>© 2025 Example News. All rights reserved.</p></footer>"
        );
        let p = page(&html);
        assert_eq!(
            p.text,
            "The summit in Anchorage was the first meeting of the two leaders since 2019, officials said on Friday.\n\n\
             Putin said, “It was useful,” and left for Moscow, where he met his aides.\n\n\
             Both sides agreed to talk again next week, the Kremlin said."
        );
        assert_eq!(p.meta.title.as_deref(), Some("Leaders meet"));
        assert_eq!(p.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn runs_map_back_to_the_page() {
        let html = "<p>AT&amp;T’s  chief\n met <b>Putin</b>&nbsp;on Friday in a long meeting, aides said.</p>";
        let p = page(html);
        assert_eq!(p.text, "AT&T’s chief met Putin on Friday in a long meeting, aides said.");
        let full = format!("<html lang=\"en-US\"><head><title>Page</title></head><body>{html}</body></html>");
        let map = crate::document::OffsetMap::from_anchors(p.anchors.clone());
        for word in ["chief", "Putin", "Friday", "T’s", "aides said.", "AT&T’"] {
            let start = p.text.find(word).unwrap();
            let span = map.to_raw_span(crate::Span::new(start, start + word.len()));
            assert_eq!(decode_entities(&full[span]), word);
        }
    }

    #[test]
    fn malformed_markup_is_read_within_bounds() {
        // Unclosed paragraphs and list items, stray end tags, an unclosed comment at the end.
        let p = page("<div><p>First paragraph of the story, which is long enough to count.<p>Second paragraph, also long enough to count here.</span></div></div><ul><li>one<li>two</ul><!-- open");
        assert!(p.text.starts_with("First paragraph of the story, which is long enough to count.\n\nSecond paragraph"), "{:?}", p.text);
        // 10,000 nested divs.
        let deep = format!("{}{ARTICLE}{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let started = std::time::Instant::now();
        let p = page(&deep);
        assert!(p.text.starts_with("The summit in Anchorage"), "{:?}", &p.text[..p.text.len().min(80)]);
        assert!(started.elapsed().as_secs() < 5);
        // Never-closed tags and quotes.
        let p = page("<p class=\"x>Text that is never closed<div");
        let _ = p.text;
        assert_eq!(extract("").text, "");
        assert_eq!(extract("<<<>>>&&&;;</></>").text, "<<<>>>&&&;;");
    }

    #[test]
    fn metadata_from_meta_tags_json_ld_time_and_url() {
        let html = r#"<html lang="fr-FR"><head><title>Les dirigeants se rencontrent | Le Journal</title>
            <meta property="og:site_name" content="Le Journal">
            <link rel="canonical" href="https://example.fr/monde/2025/08/14/sommet">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","headline":"Sommet","datePublished":"2025-08-15T09:00:00+02:00",
               "author":[{"@type":"Person","name":"Jeanne Dupont"},{"@type":"Person","name":"Paul Martin"}]}]}</script>
            </head><body><p>Le sommet a commencé vendredi matin à Anchorage, en Alaska, selon les officiels.</p></body></html>"#;
        let p = extract(html);
        assert_eq!(p.meta.published.map(|(d, w)| (d.to_string(), w)), Some(("2025-08-15".to_string(), "json-ld")));
        assert_eq!(p.meta.authors, ["Jeanne Dupont", "Paul Martin"]);
        assert_eq!(p.meta.site.as_deref(), Some("Le Journal"));
        assert_eq!(p.meta.url.as_deref(), Some("https://example.fr/monde/2025/08/14/sommet"));
        assert_eq!(p.meta.title.as_deref(), Some("Sommet"));
        assert_eq!(p.meta.language.as_deref(), Some("fr"));

        let p = extract(r#"<head><meta name="author" content="By Jane Doe and John Roe"><meta property="article:published_time" content="2025-08-14T22:00:00Z"></head><p>Text.</p>"#);
        assert_eq!(p.meta.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(p.meta.published.map(|(d, w)| (d.to_string(), w)), Some(("2025-08-14".to_string(), "meta")));

        let p = extract(r#"<title>Leaders meet in Alaska - Example News</title><article><p class="byline">By <a rel="author" href="/jd">Jane Doe</a></p><time datetime="2025-08-13">Aug 13</time><p>Text of the story.</p></article>"#);
        assert_eq!(p.meta.authors, ["Jane Doe"]);
        assert_eq!(p.meta.title.as_deref(), Some("Leaders meet in Alaska"));
        assert_eq!(p.meta.published.map(|(d, w)| (d.to_string(), w)), Some(("2025-08-13".to_string(), "time")));
        assert_eq!(p.text, "Text of the story.");

        let p = extract(r#"<link rel=canonical href="https://x.com/news/2024/02/29/story.html"><p>Text.</p>"#);
        assert_eq!(p.meta.published.map(|(d, w)| (d.to_string(), w)), Some(("2024-02-29".to_string(), "url")));
    }

    macro_rules! date_cases {
        ($($s:expr => $d:expr),* $(,)?) => {
            #[test]
            fn dates_in_the_forms_pages_and_feeds_use() {
                $(assert_eq!(parse_date($s).map(|d| d.to_string()).as_deref(), $d, "{:?}", $s);)*
            }
        };
    }

    date_cases! {
        "2025-08-15" => Some("2025-08-15"),
        "2025-08-15T09:00:00Z" => Some("2025-08-15"),
        "2025/08/15 10:00" => Some("2025-08-15"),
        "20250815" => Some("2025-08-15"),
        "Fri, 15 Aug 2025 09:00:00 GMT" => Some("2025-08-15"),
        "August 15, 2025" => Some("2025-08-15"),
        "15 August 2025" => Some("2025-08-15"),
        "Sept. 3, 2024" => Some("2024-09-03"),
        "2025-02-30" => None,
        "yesterday" => None,
        "" => None,
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(date_in_url("https://a.com/2025/08/15/x").map(|d| d.to_string()).as_deref(), Some("2025-08-15"));
        assert_eq!(date_in_url("https://a.com/news/2025-08-15-x.html").map(|d| d.to_string()).as_deref(), Some("2025-08-15"));
        assert_eq!(date_in_url("https://a.com/a/20250815/x").map(|d| d.to_string()).as_deref(), Some("2025-08-15"));
        assert_eq!(date_in_url("https://a.com/story/12345678"), None);
        assert_eq!(date_in_url("https://a.com/2025/13/45/x"), None);
    }

    #[test]
    fn class_vocabulary() {
        assert_eq!(vocabulary("share-bar"), (Some("share"), false));
        assert_eq!(vocabulary("article-body"), (None, true));
        assert_eq!(vocabulary("head"), (None, false));
        assert_eq!(vocabulary("download-link"), (None, false));
        assert_eq!(vocabulary("relatedposts"), (Some("related"), false));
        assert_eq!(vocabulary("commentary"), (None, false));
        assert_eq!(vocabulary("entry-meta"), (Some("meta"), false));
        assert_eq!(vocabulary("entry-content"), (None, true));
        assert_eq!(vocabulary("content has-sidebar"), (Some("sidebar"), true));
        for list in [FURNITURE_WORDS, ARTICLE_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }
}
