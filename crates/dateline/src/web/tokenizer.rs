//! A small, tolerant HTML (and XML) tokenizer over decoded text.
//!
//! It never fails: whatever the bytes, it yields start tags, end tags and text runs, by byte
//! range into the input, in one linear pass (`memchr` to the next `<`). It knows what a
//! browser knows about where markup is not markup: comments, `<!doctype>`, processing
//! instructions, CDATA sections, and the raw text of `script`, `style`, `textarea`, `title`,
//! `noscript`, `iframe` and `template`, whose content runs to the matching end tag.
//! Attributes are read lazily from a tag's range ([`attrs`]); character references are
//! decoded by [`decode_entity`].

use std::ops::Range;

/// Known element names; everything else is [`Tag::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Tag {
    Html, Head, Body, Title, Meta, Link, Script, Style, Noscript, Template, Svg, Math, Iframe,
    Textarea, Select, Option, Button, Form, Input, Nav, Header, Footer, Aside, Menu, Main,
    Article, Section, Div, P, H(u8), Ul, Ol, Li, Dl, Dt, Dd, Blockquote, Pre, Table, Tr, Td,
    Th, Tbody, Thead, Tfoot, Caption, Figure, Figcaption, Br, Hr, Img, A, Time, Address,
    Details, Summary, Dialog, Fieldset, Hgroup, Center, Video, Audio, Canvas, Object, Embed,
    Picture, Source, Label, Wbr, Area, Base, Col, Param, Track, Span, Inline, Other,
}

impl Tag {
    /// The tag for a name, case-insensitively.
    pub fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 12];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (b, c) in buf.iter_mut().zip(name) {
            *b = c.to_ascii_lowercase();
        }
        match &buf[..name.len()] {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"noscript" => Tag::Noscript,
            b"template" => Tag::Template,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"iframe" => Tag::Iframe,
            b"textarea" => Tag::Textarea,
            b"select" | b"datalist" => Tag::Select,
            b"option" | b"optgroup" => Tag::Option,
            b"button" => Tag::Button,
            b"form" => Tag::Form,
            b"input" => Tag::Input,
            b"nav" => Tag::Nav,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"aside" => Tag::Aside,
            b"menu" => Tag::Menu,
            b"main" => Tag::Main,
            b"article" => Tag::Article,
            b"section" => Tag::Section,
            b"div" => Tag::Div,
            b"p" => Tag::P,
            b"h1" => Tag::H(1),
            b"h2" => Tag::H(2),
            b"h3" => Tag::H(3),
            b"h4" => Tag::H(4),
            b"h5" => Tag::H(5),
            b"h6" => Tag::H(6),
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"blockquote" => Tag::Blockquote,
            b"pre" => Tag::Pre,
            b"table" => Tag::Table,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"tbody" => Tag::Tbody,
            b"thead" => Tag::Thead,
            b"tfoot" => Tag::Tfoot,
            b"caption" => Tag::Caption,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"img" => Tag::Img,
            b"a" => Tag::A,
            b"time" => Tag::Time,
            b"address" => Tag::Address,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"dialog" => Tag::Dialog,
            b"fieldset" => Tag::Fieldset,
            b"hgroup" => Tag::Hgroup,
            b"center" => Tag::Center,
            b"video" => Tag::Video,
            b"audio" => Tag::Audio,
            b"canvas" => Tag::Canvas,
            b"object" => Tag::Object,
            b"embed" => Tag::Embed,
            b"picture" => Tag::Picture,
            b"source" => Tag::Source,
            b"label" => Tag::Label,
            b"wbr" => Tag::Wbr,
            b"area" => Tag::Area,
            b"base" => Tag::Base,
            b"col" => Tag::Col,
            b"param" => Tag::Param,
            b"track" => Tag::Track,
            b"span" => Tag::Span,
            b"b" | b"i" | b"u" | b"s" | b"em" | b"strong" | b"small" | b"big" | b"sup" | b"sub" | b"cite"
            | b"q" | b"abbr" | b"code" | b"font" | b"mark" | b"dfn" | b"kbd" | b"samp" | b"var" | b"ins"
            | b"del" | b"bdi" | b"bdo" | b"data" | b"strike" | b"tt" | b"nobr" => Tag::Inline,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content or an end tag.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Meta | Tag::Link | Tag::Br | Tag::Hr | Tag::Img | Tag::Input | Tag::Wbr | Tag::Area
                | Tag::Base | Tag::Col | Tag::Param | Tag::Source | Tag::Track | Tag::Embed
        )
    }

    /// Elements whose content is raw text up to their end tag.
    pub fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script | Tag::Style | Tag::Textarea | Tag::Title | Tag::Noscript | Tag::Iframe | Tag::Template
        )
    }
}

/// One token, by byte ranges into the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A start tag: its name, the range of its attributes, and whether it closed itself.
    Start {
        /// The element.
        tag: Tag,
        /// The element's name as written.
        name: Range<usize>,
        /// Everything between the name and the closing `>`.
        attrs: Range<usize>,
        /// `<br/>`.
        self_closing: bool,
        /// The whole tag, `<` to `>`.
        whole: Range<usize>,
    },
    /// An end tag.
    End {
        /// The element.
        tag: Tag,
        /// The element's name as written.
        name: Range<usize>,
    },
    /// Character data (entities not yet decoded), outside tags.
    Text(Range<usize>),
    /// The raw content of a raw-text element (`script`, `style`, `title`...), or a CDATA
    /// section's content.
    RawText(Range<usize>),
}

/// The tokenizer: an iterator of [`Token`]s.
pub struct Tokenizer<'a> {
    s: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the next token is its content.
    raw_until: Option<Range<usize>>,
    /// Treat `<![CDATA[...]]>` as text (XML feeds) rather than a comment (HTML).
    cdata: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer for HTML.
    pub fn new(s: &'a str) -> Tokenizer<'a> {
        Tokenizer { s, pos: 0, raw_until: None, cdata: false }
    }

    /// A tokenizer for XML (feeds): CDATA sections are text, and no element is raw text.
    pub fn xml(s: &'a str) -> Tokenizer<'a> {
        Tokenizer { s, pos: 0, raw_until: None, cdata: true }
    }

    fn find_ci(&self, from: usize, needle: &[u8]) -> Option<usize> {
        // Case-insensitive search for an ASCII needle starting with `<`.
        let b = self.s.as_bytes();
        let mut i = from;
        while let Some(j) = memchr::memchr(needle[0], &b[i..]) {
            let at = i + j;
            if b.len() >= at + needle.len() && b[at..at + needle.len()].eq_ignore_ascii_case(needle) {
                return Some(at);
            }
            i = at + 1;
        }
        None
    }
}

fn is_name_byte(c: u8) -> bool {
    !(c.is_ascii_whitespace() || c == b'/' || c == b'>')
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let b = self.s.as_bytes();
        if let Some(content) = self.raw_until.take() {
            if !content.is_empty() {
                return Some(Token::RawText(content));
            }
        }
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            if b[start] != b'<' {
                let end = memchr::memchr(b'<', &b[start..]).map_or(b.len(), |j| start + j);
                self.pos = end;
                return Some(Token::Text(start..end));
            }
            let rest = &b[start + 1..];
            match rest.first() {
                Some(b'!') => {
                    if rest.starts_with(b"!--") {
                        // A comment runs to `-->`, or to the end of the input.
                        let from = start + 4;
                        self.pos = memchr::memmem::find(&b[from..], b"-->").map_or(b.len(), |j| from + j + 3);
                        continue;
                    }
                    if rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"![CDATA[") {
                        let from = start + 9;
                        let end = memchr::memmem::find(&b[from..], b"]]>").map_or(b.len(), |j| from + j);
                        self.pos = (end + 3).min(b.len());
                        if self.cdata {
                            return Some(Token::RawText(from..end));
                        }
                        continue;
                    }
                    // `<!doctype ...>` and other declarations.
                    self.pos = memchr::memchr(b'>', rest).map_or(b.len(), |j| start + 1 + j + 1);
                    continue;
                }
                Some(b'?') => {
                    self.pos = memchr::memchr(b'>', rest).map_or(b.len(), |j| start + 1 + j + 1);
                    continue;
                }
                Some(b'/') => {
                    let name_start = start + 2;
                    if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                        // `</ >`, `</3`: a bogus comment to the next `>`.
                        self.pos = memchr::memchr(b'>', &b[start + 1..]).map_or(b.len(), |j| start + 1 + j + 1);
                        continue;
                    }
                    let name_end = b[name_start..].iter().position(|&c| !is_name_byte(c)).map_or(b.len(), |j| name_start + j);
                    self.pos = memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |j| name_end + j + 1);
                    let name = name_start..name_end;
                    return Some(Token::End { tag: Tag::from_name(&b[name.clone()]), name });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_start = start + 1;
                    let name_end = b[name_start..].iter().position(|&c| !is_name_byte(c)).map_or(b.len(), |j| name_start + j);
                    let tag_end = find_tag_end(b, name_end);
                    let close = tag_end.min(b.len());
                    self.pos = (tag_end + 1).min(b.len());
                    let self_closing = close > name_end && b[close - 1] == b'/';
                    let attrs = name_end..close;
                    let name = name_start..name_end;
                    let tag = Tag::from_name(&b[name.clone()]);
                    if tag.is_raw_text() && !self.cdata && !self_closing {
                        // The content runs to `</name`, or to the end of the input.
                        let mut needle = Vec::with_capacity(name.len() + 2);
                        needle.extend_from_slice(b"</");
                        needle.extend_from_slice(&b[name.clone()]);
                        let content_start = self.pos;
                        let content_end = self.find_ci(content_start, &needle).unwrap_or(b.len());
                        self.raw_until = Some(content_start..content_end);
                        self.pos = content_end;
                    }
                    return Some(Token::Start { tag, name, attrs, self_closing, whole: start..self.pos.min(close + 1) });
                }
                _ => {
                    // A lone `<` (`a < b`) is text.
                    let end = memchr::memchr(b'<', &b[start + 1..]).map_or(b.len(), |j| start + 1 + j);
                    self.pos = end;
                    return Some(Token::Text(start..end));
                }
            }
        }
    }
}

/// The position of the `>` that ends a tag whose attributes start at `from`, skipping quoted
/// values; `b.len()` when the tag is never closed.
fn find_tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'>' => return i,
                b'"' | b'\'' if after_eq => quote = Some(c),
                b'=' => {
                    after_eq = true;
                    i += 1;
                    continue;
                }
                c if c.is_ascii_whitespace() => {
                    i += 1;
                    continue;
                }
                _ => {}
            },
        }
        after_eq = false;
        i += 1;
        // A quoted value that never closes would swallow the page: give up on the quote at
        // a newline followed by `<` (the next tag).
        if quote.is_some() && c == b'\n' && b.get(i) == Some(&b'<') {
            quote = None;
        }
    }
    b.len()
}

/// The attributes in a tag's attribute range: `(name, value)` with the value's entities
/// not yet decoded (see [`attr_value`]).
pub fn attrs(s: &str, range: Range<usize>) -> impl Iterator<Item = (&str, &str)> {
    let b = s.as_bytes();
    let mut i = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        loop {
            while i < end && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= end {
                return None;
            }
            let name_start = i;
            while i < end && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' && !(b[i] == b'/' && i > name_start) {
                i += 1;
            }
            let name = &s[name_start..i];
            while i < end && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < end && b[i] == b'=' {
                i += 1;
                while i < end && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let value = if i < end && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    let ve = memchr::memchr(q, &b[vs..end]).map_or(end, |j| vs + j);
                    i = (ve + 1).min(end);
                    &s[vs..ve]
                } else {
                    let vs = i;
                    while i < end && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    &s[vs..i]
                };
                if !name.is_empty() {
                    return Some((name, value));
                }
            } else if !name.is_empty() {
                return Some((name, ""));
            } else {
                i += 1;
            }
        }
    })
}

/// The value of the first attribute `name` (ASCII case-insensitive), entities decoded.
pub fn attr_value(s: &str, range: Range<usize>, name: &str) -> Option<String> {
    attrs(s, range).find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| decode_entities(v))
}

/// A string with its character references decoded.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(j) = s[i..].find('&') {
        out.push_str(&s[i..i + j]);
        let at = i + j;
        match decode_entity(&s[at..]) {
            Some((c, len)) => {
                out.push(c);
                i = at + len;
            }
            None => {
                out.push('&');
                i = at + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Decodes the character reference at the start of `s` (which starts with `&`): the
/// character and the reference's length in bytes. Numeric references in the C1 range are
/// read as windows-1252, as browsers do; invalid code points become U+FFFD.
pub fn decode_entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (radix, digits_start) = if matches!(b.get(2), Some(b'x' | b'X')) { (16, 3) } else { (10, 2) };
        let digits = b[digits_start..].iter().take_while(|c| c.is_ascii_hexdigit() && (radix == 16 || c.is_ascii_digit())).count();
        if digits == 0 {
            return None;
        }
        let end = digits_start + digits;
        let n = u32::from_str_radix(&s[digits_start..end.min(digits_start + 8)], radix).unwrap_or(0x110000);
        let len = if b.get(end) == Some(&b';') { end + 1 } else { end };
        let c = match n {
            0x80..=0x9F => windows_1252_c1(n),
            0 => '\u{FFFD}',
            n => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return Some((c, len));
    }
    let name_len = b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 || name_len > 10 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let semicolon = b.get(1 + name_len) == Some(&b';');
    let c = named_entity(name)?;
    // Without its semicolon only the classic few are recognized (`&amp`, `&lt`, `&nbsp`).
    if !semicolon && !matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        return None;
    }
    Some((c, 1 + name_len + usize::from(semicolon)))
}

fn windows_1252_c1(n: u32) -> char {
    const TABLE: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    char::from_u32(TABLE[(n - 0x80) as usize]).unwrap_or('\u{FFFD}')
}

/// The named character references news pages use; the rest of HTML's 2,000 are rare.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{00AD}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "para" => '¶',
        "sect" => '§',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "minus" => '−',
        "szlig" => 'ß',
        "Agrave" => 'À', "Aacute" => 'Á', "Acirc" => 'Â', "Atilde" => 'Ã', "Auml" => 'Ä', "Aring" => 'Å',
        "AElig" => 'Æ', "Ccedil" => 'Ç', "Egrave" => 'È', "Eacute" => 'É', "Ecirc" => 'Ê', "Euml" => 'Ë',
        "Igrave" => 'Ì', "Iacute" => 'Í', "Icirc" => 'Î', "Iuml" => 'Ï', "ETH" => 'Ð', "Ntilde" => 'Ñ',
        "Ograve" => 'Ò', "Oacute" => 'Ó', "Ocirc" => 'Ô', "Otilde" => 'Õ', "Ouml" => 'Ö', "Oslash" => 'Ø',
        "Ugrave" => 'Ù', "Uacute" => 'Ú', "Ucirc" => 'Û', "Uuml" => 'Ü', "Yacute" => 'Ý', "THORN" => 'Þ',
        "agrave" => 'à', "aacute" => 'á', "acirc" => 'â', "atilde" => 'ã', "auml" => 'ä', "aring" => 'å',
        "aelig" => 'æ', "ccedil" => 'ç', "egrave" => 'è', "eacute" => 'é', "ecirc" => 'ê', "euml" => 'ë',
        "igrave" => 'ì', "iacute" => 'í', "icirc" => 'î', "iuml" => 'ï', "eth" => 'ð', "ntilde" => 'ñ',
        "ograve" => 'ò', "oacute" => 'ó', "ocirc" => 'ô', "otilde" => 'õ', "ouml" => 'ö', "oslash" => 'ø',
        "ugrave" => 'ù', "uacute" => 'ú', "ucirc" => 'û', "uuml" => 'ü', "yacute" => 'ý', "thorn" => 'þ',
        "yuml" => 'ÿ', "OElig" => 'Œ', "oelig" => 'œ', "Scaron" => 'Š', "scaron" => 'š', "Yuml" => 'Ÿ',
        "Zcaron" => 'Ž', "zcaron" => 'ž', "fnof" => 'ƒ', "circ" => 'ˆ', "tilde" => '˜',
        "Alpha" => 'Α', "Beta" => 'Β', "Gamma" => 'Γ', "Delta" => 'Δ', "Omega" => 'Ω',
        "alpha" => 'α', "beta" => 'β', "gamma" => 'γ', "delta" => 'δ', "pi" => 'π', "mu" => 'μ', "omega" => 'ω',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        Tokenizer::new(s)
            .map(|t| match t {
                Token::Start { name, .. } => format!("<{}>", &s[name]),
                Token::End { name, .. } => format!("</{}>", &s[name]),
                Token::Text(r) => format!("T:{}", &s[r]),
                Token::RawText(r) => format!("R:{}", &s[r]),
            })
            .collect()
    }

    #[test]
    fn tags_text_comments_and_raw_text() {
        assert_eq!(
            kinds("<!DOCTYPE html><P class=x>Hi <b>there</b><!-- no --><script>if (a<b) {}</script>x &lt; y"),
            ["<P>", "T:Hi ", "<b>", "T:there", "</b>", "<script>", "R:if (a<b) {}", "</script>", "T:x &lt; y"]
        );
        assert_eq!(kinds("a < b <3"), ["T:a ", "T:< b ", "T:<3"]);
        assert_eq!(kinds("<style>p{}"), ["<style>", "R:p{}"]);
        assert_eq!(kinds("<!-- never closed <p>text"), Vec::<String>::new());
        assert_eq!(kinds("<p title='a>b'>x"), ["<p>", "T:x"]);
        assert_eq!(kinds("<TITLE>A &amp; B</Title>"), ["<TITLE>", "R:A &amp; B", "</Title>"]);
    }

    #[test]
    fn xml_cdata_is_text() {
        let s = "<description><![CDATA[<p>Hi</p>]]></description>";
        assert_eq!(kinds(s), ["<description>", "</description>"]);
        let toks: Vec<Token> = Tokenizer::xml(s).collect();
        assert!(matches!(&toks[1], Token::RawText(r) if &s[r.clone()] == "<p>Hi</p>"));
    }

    #[test]
    fn attributes_are_read_in_every_quoting() {
        let s = r#"<meta property="og:title" content='A &amp; B' data-x=plain hidden>"#;
        let Some(Token::Start { attrs: range, .. }) = Tokenizer::new(s).next() else { panic!() };
        let all: Vec<_> = attrs(s, range.clone()).collect();
        assert_eq!(all, [("property", "og:title"), ("content", "A &amp; B"), ("data-x", "plain"), ("hidden", "")]);
        assert_eq!(attr_value(s, range, "CONTENT").as_deref(), Some("A & B"));
    }

    #[test]
    fn entities_decode_as_browsers_do() {
        assert_eq!(decode_entities("AT&amp;T &#8217; &#x2019; &#146; &nbsp;&mdash;&bogus; & &amp"), "AT&T ’ ’ ’ \u{a0}—&bogus; & &");
        assert_eq!(decode_entities("&#0; &#xFFFFFFFFF; &#55296;"), "\u{FFFD} \u{FFFD} \u{FFFD}");
        // Every reference is at least as long as what it decodes to, so offsets inside one stay inside it.
        for (e, _) in [("&lt;", 0), ("&#9;", 0), ("&#x10FFFF;", 0), ("&Omega;", 0), ("&lt", 0)] {
            let (c, len) = decode_entity(e).unwrap();
            assert!(c.len_utf8() <= len, "{e}");
        }
    }
}
