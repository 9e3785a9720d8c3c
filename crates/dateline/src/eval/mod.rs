//! Evaluation: each stage scored on open gold sets.
//!
//! A scorer takes the gold file's content (the caller reads it, so it can say clearly when
//! `../shared/eval` is absent) and returns a report that prints itself. Later stages add
//! their scorers here: `ner`, `time`, `geo`, `quotes`, `events`.

pub mod events;
pub mod geo;
pub mod meantime;
pub mod ner;
pub mod quotes;
pub mod sbd;
mod xml;

use crate::date::Date;
use crate::document::{Document, Meta, OffsetMap, ParagraphId, Sentence, Token, TokenId, TokenKind};
use crate::span::Span;

/// A half of a gold set's articles, by the parity of their number: one to tune on, the other
/// to check that what was tuned holds on articles not looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// Articles 0, 2, 4, ...
    Even,
    /// Articles 1, 3, 5, ...
    Odd,
}

impl Half {
    /// True when article number `article` belongs to this half.
    pub fn holds(self, article: usize) -> bool {
        (article % 2 == 0) == (self == Half::Even)
    }
}

/// A document made from gold tokens, so that a stage runs on exactly the gold's tokens and
/// sentences: words joined by spaces, sentences by line breaks, one paragraph each. Token
/// `k` of the document is the `k`-th word of the sentences in order.
pub(crate) fn gold_document<S: AsRef<str>>(sentences: &[Vec<S>], published: Option<Date>) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    for (si, words) in sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let (start, first) = (text.len(), tokens.len());
        for (wi, w) in words.iter().enumerate() {
            if wi > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(w.as_ref());
            tokens.push(Token { span: Span::new(a, text.len()), kind: TokenKind::Word });
        }
        spans.push(Sentence {
            span: Span::new(start, text.len()),
            paragraph: ParagraphId(si as u32),
            first_token: TokenId(first as u32),
            end_token: TokenId(tokens.len() as u32),
        });
    }
    let mut doc = Document::new("gold", String::new(), Meta { published, ..Meta::default() });
    doc.write_text(text, OffsetMap::default());
    doc.paragraphs = spans.iter().map(|s| s.span).collect();
    doc.sentences = spans;
    doc.tokens = tokens;
    doc
}
