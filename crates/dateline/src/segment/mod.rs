//! Segment: paragraphs, sentences and tokens, each with its span.
//!
//! Paragraphs are the text between line breaks (`clean` writes them separated by a blank
//! line). Sentences never cross a paragraph ([`sentences`] says how they are found) and
//! together cover every non-whitespace character of the text. Tokens lie inside sentences
//! ([`tokens`] says how they are cut).

mod abbrev;
mod sentences;
mod tokens;

use serde::{Deserialize, Serialize};

use crate::document::{Document, ParagraphId, Sentence, Token, TokenId};
use crate::error::Error;
use crate::span::Span;
use crate::stage::Stage;

/// Configuration of the `segment` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentConfig {}

/// The `segment` stage.
pub struct Segment {
    _config: SegmentConfig,
}

impl Segment {
    /// Builds the stage.
    pub fn new(config: SegmentConfig) -> Segment {
        Segment { _config: config }
    }
}

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let (paragraphs, sentences, tokens) = segment(doc.text());
        doc.paragraphs = paragraphs;
        doc.sentences = sentences;
        doc.tokens = tokens;
        Ok(())
    }
}

/// Segments a text into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> (Vec<Span>, Vec<Sentence>, Vec<Token>) {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::with_capacity(text.len() / 128);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut ranges = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let para = &text[start..end];
        let lead = para.len() - para.trim_start().len();
        let trimmed = para.trim();
        if !trimmed.is_empty() {
            let base = start + lead;
            let paragraph = ParagraphId(paragraphs.len() as u32);
            paragraphs.push(Span::new(base, base + trimmed.len()));
            ranges.clear();
            sentences::split(trimmed, &mut ranges);
            for &(s, e) in &ranges {
                let first_token = TokenId(tokens.len() as u32);
                tokens::tokenize(&trimmed[s..e], base + s, &mut tokens);
                sentences.push(Sentence {
                    span: Span::new(base + s, base + e),
                    paragraph,
                    first_token,
                    end_token: TokenId(tokens.len() as u32),
                });
            }
        }
        start = end + 1;
    }
    (paragraphs, sentences, tokens)
}

/// Splits a text into sentence strings, for callers that want only sentences.
pub fn sentences(text: &str) -> Vec<&str> {
    let (_, sentences, _) = segment(text);
    sentences.iter().map(|s| &text[s.span]).collect()
}
