//! The document: raw input, its cleaned text (written once), and the layers stages add.
//!
//! A [`Document`] starts as raw input plus metadata. The `clean` stage writes its text once,
//! with an [`OffsetMap`] back to the raw input; after that no stage changes the text, and
//! every layer (paragraphs, sentences, tokens, and later entities, quotes, times, places,
//! events) refers to it by [`Span`] and to other layers by typed ids.

use crate::date::Date;
use crate::error::Error;
use crate::span::Span;

macro_rules! typed_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position of the item in its layer.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

typed_id!(
    /// The index of an entity in [`Document::entities`].
    EntityId,
    /// The index of a paragraph in [`Document::paragraphs`].
    ParagraphId,
    /// The index of a sentence in [`Document::sentences`].
    SentenceId,
    /// The index of a token in [`Document::tokens`].
    TokenId,
);

/// What is known about a document besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline, from the input or found by `clean` as the first line.
    pub title: Option<String>,
    /// Where the document came from.
    pub url: Option<String>,
    /// The reference date that relative times are read against: `--date`, else the record's
    /// own date, else none.
    pub published: Option<Date>,
    /// ISO 639-1 code (`en`), or ISO 639-3 where there is no two-letter code.
    pub language: Option<String>,
    /// The byline: the authors a web page names, joined by commas, or the byline `clean`
    /// found glued to the top of the text (`By Jane Doe, Reuters`).
    pub byline: Option<String>,
    /// The authors a web page names (JSON-LD, `<meta name=author>`, `rel=author`, a byline
    /// element), in order.
    pub authors: Vec<String>,
    /// The site's name (`og:site_name`).
    pub site: Option<String>,
    /// When the page was fetched (a WARC record's date).
    pub fetched: Option<Date>,
}

/// A line `clean` dropped from the raw input as page furniture, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// The dropped line's byte span in [`Document::raw`].
    pub raw: Span,
    /// Why it was dropped.
    pub reason: &'static str,
}

/// A sentence: its span, its paragraph and the tokens it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's span, trimmed of surrounding whitespace.
    pub span: Span,
    /// The paragraph the sentence lies in; sentences never cross paragraphs.
    pub paragraph: ParagraphId,
    /// The first token of the sentence.
    pub first_token: TokenId,
    /// One past the last token of the sentence.
    pub end_token: TokenId,
}

/// The kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes, marks), and abbreviations with their
    /// periods (`U.S.`, `Mr.`).
    Word,
    /// Digits, with inner separators (`1,000`, `100.00`, `11:30`, `5th`).
    Number,
    /// A clitic split from its host word: `’s`, `n’t`, `’re`, `’ll`.
    Clitic,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Punctuation or a symbol; runs of one character (`...`, `!!`) are one token.
    Punct,
}

/// A token: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's span.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// The type of an entity, as in OntoNotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization.
    Org,
    /// A country, state or city: a place with a government.
    Gpe,
    /// Another place: a region, sea, mountain.
    Loc,
    /// A facility: a base, building, airport.
    Fac,
    /// A nationality, religious or political group.
    Norp,
    /// A named event.
    Event,
    /// Any other name.
    Misc,
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// By name: `Donald Trump`, `Trump`.
    Name,
    /// By a title standing alone: `the President`.
    Title,
    /// By a description: `the U.S. president`, `the Russian leader`.
    Nominal,
    /// By a pronoun: `he`, `his`.
    Pronoun,
}

/// One mention of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Its span.
    pub span: Span,
    /// How it names the entity.
    pub kind: MentionKind,
}

/// A person, organization, place or group, with every mention of it in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its canonical name: the longest name it is mentioned by (`Donald Trump`).
    pub name: String,
    /// Its type.
    pub kind: EntityType,
    /// ISO alpha-3 of its country, when known.
    pub country: Option<String>,
    /// Its role, when known (`president`, `foreign minister`).
    pub role: Option<String>,
    /// Its CAMEO actor code, when known (`USAGOV`).
    pub actor: Option<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// A problem met while processing one document. A document with problems is still written
/// out, with the problems in its `errors` array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The stage that met it (`ingest`, `clean`, ...).
    pub stage: &'static str,
    /// A stable machine-readable code (`invalid-utf8`, `empty`, ...).
    pub code: &'static str,
    /// A message for a person, naming the position where there is one.
    pub message: String,
}

impl Problem {
    /// A problem from a library error.
    pub fn from_error(stage: &'static str, err: &Error) -> Problem {
        Problem { stage, code: err.code(), message: err.to_string() }
    }
}

/// A sparse map from cleaned-text offsets to raw-input offsets.
///
/// The cleaned text is a sequence of runs copied from the raw input, joined by the little
/// text `clean` writes itself (a paragraph break, one space for a run of whitespace). Each
/// anchor `(clean, raw)` starts a run; inside a run the two offsets advance together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// Builds a map from anchors sorted by their cleaned offset.
    pub(crate) fn from_anchors(anchors: Vec<(u32, u32)>) -> OffsetMap {
        debug_assert!(anchors.windows(2).all(|w| w[0].0 <= w[1].0));
        OffsetMap { anchors }
    }

    /// The raw offset of cleaned offset `clean`, taken as the start of something.
    pub fn to_raw(&self, clean: u32) -> u32 {
        let i = self.anchors.partition_point(|&(c, _)| c <= clean);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((c, r)) => r + (clean - c),
            None => clean,
        }
    }

    /// The raw offset of cleaned offset `clean`, taken as the (exclusive) end of something:
    /// the end of the run it closes, not the start of the next one.
    pub fn to_raw_end(&self, clean: u32) -> u32 {
        if clean == 0 {
            return self.to_raw(0);
        }
        let i = self.anchors.partition_point(|&(c, _)| c < clean);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((c, r)) => r + (clean - c),
            None => clean,
        }
    }

    /// This map applied after `inner`: for a text written from `inner`'s text, which was
    /// itself written from the raw input, the map from this text to the raw input. Runs are
    /// split wherever `inner` has an anchor inside them. `len` is the length of this text.
    pub(crate) fn compose(&self, inner: &OffsetMap, len: u32) -> OffsetMap {
        let mut anchors = Vec::with_capacity(self.anchors.len() + inner.anchors.len());
        for (i, &(c, m)) in self.anchors.iter().enumerate() {
            let run_end = self.anchors.get(i + 1).map_or(len, |a| a.0);
            let run = run_end.saturating_sub(c);
            anchors.push((c, inner.to_raw(m)));
            let from = inner.anchors.partition_point(|&(e, _)| e <= m);
            for &(e, r) in inner.anchors[from..].iter().take_while(|&&(e, _)| e < m + run) {
                anchors.push((c + (e - m), r));
            }
        }
        OffsetMap { anchors }
    }

    /// The raw span of a cleaned span.
    pub fn to_raw_span(&self, span: Span) -> Span {
        let start = self.to_raw(span.start);
        let end = self.to_raw_end(span.end).max(start);
        Span { start, end }
    }
}

/// One document and everything the pipeline has found in it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The document's id: the record's `id`, else the input's name.
    pub id: String,
    /// Metadata from the input and from the stages.
    pub meta: Meta,
    /// The decoded input, as it came.
    pub raw: String,
    text: Option<String>,
    offsets: OffsetMap,
    /// Text an extractor (HTML) made from the raw input, with its map back, for `clean`.
    extracted: Option<(String, OffsetMap)>,
    /// Lines `clean` dropped from the raw input.
    pub removed: Vec<Removed>,
    /// Paragraph spans, in order, from `segment`.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order, from `segment`.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order, from `segment`.
    pub tokens: Vec<Token>,
    /// Entities, in order of first mention, from `entities`.
    pub entities: Vec<Entity>,
    /// Time expressions, in order, from `times`.
    pub times: Vec<crate::times::TimeExpr>,
    /// Quotes and reported speech, in order, from `quotes`.
    pub quotes: Vec<crate::quotes::Quote>,
    /// Places, in order of first mention, from `places`.
    pub places: Vec<crate::places::Place>,
    /// Coded events, in order of their cues, from `events`.
    pub events: Vec<crate::events::Event>,
    /// Problems met with this document.
    pub errors: Vec<Problem>,
    failed: bool,
}

impl Document {
    /// A new document from decoded input.
    pub fn new(id: impl Into<String>, raw: impl Into<String>, meta: Meta) -> Document {
        Document { id: id.into(), meta, raw: raw.into(), ..Document::default() }
    }

    /// A document whose text was extracted from markup in `raw` (a web page): `clean` reads
    /// `text` instead of `raw`, and maps its spans through `offsets` back into `raw`.
    pub(crate) fn with_extracted(id: impl Into<String>, raw: impl Into<String>, meta: Meta, text: String, offsets: OffsetMap) -> Document {
        Document { extracted: Some((text, offsets)), ..Document::new(id, raw, meta) }
    }

    /// Takes the extracted text, if the document has one (for `clean`).
    pub(crate) fn take_extracted(&mut self) -> Option<(String, OffsetMap)> {
        self.extracted.take()
    }

    /// A document that could not be read: no text, one problem, and nothing for the
    /// pipeline to do.
    pub fn failed(id: impl Into<String>, meta: Meta, problem: Problem) -> Document {
        Document { id: id.into(), meta, errors: vec![problem], failed: true, ..Document::default() }
    }

    /// True for a document that could not be read (see [`Document::failed`]).
    pub fn is_failed(&self) -> bool {
        self.failed
    }

    /// The cleaned text all spans refer to; empty until `clean` has run.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// True once the text has been written.
    pub fn has_text(&self) -> bool {
        self.text.is_some()
    }

    /// The map from cleaned-text offsets back to [`Document::raw`].
    pub fn offsets(&self) -> &OffsetMap {
        &self.offsets
    }

    /// Writes the cleaned text. The text is written once: a second call is a bug in the
    /// pipeline and panics.
    pub(crate) fn write_text(&mut self, text: String, offsets: OffsetMap) {
        assert!(self.text.is_none(), "document text is written once");
        self.text = Some(text);
        self.offsets = offsets;
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, id: SentenceId) -> &[Token] {
        let s = &self.sentences[id.index()];
        &self.tokens[s.first_token.index()..s.end_token.index()]
    }

    /// The number of word and number tokens: the document's length in words.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_follows_runs_and_ends() {
        // raw: "ab   cd\nef" ; clean: "ab cd\n\nef"
        let map = OffsetMap::from_anchors(vec![(0, 0), (2, 2), (3, 5), (5, 7), (7, 8)]);
        assert_eq!(map.to_raw(0), 0);
        assert_eq!(map.to_raw(3), 5); // 'c'
        assert_eq!(map.to_raw_end(5), 7); // end of "cd"
        assert_eq!(map.to_raw(7), 8); // 'e'
        assert_eq!(map.to_raw_span(Span::new(3, 5)), Span::new(5, 7));
        assert_eq!(map.to_raw_span(Span::new(7, 9)), Span::new(8, 10));
    }
}
