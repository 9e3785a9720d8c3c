//! dateline reads news articles and says who said and did what, to whom, when and where,
//! with the evidence (a span of the text) for every answer.
//!
//! The data flow: [`ingest`] turns input into [`Document`]s; a [`Pipeline`] of [`Stage`]s,
//! built from a [`PipelineConfig`], adds layers to each ([`clean`] writes the text once,
//! [`segment`] finds paragraphs, sentences and tokens, [`language`] names the language);
//! [`output`] writes the `dateline/1` record. [`eval`] scores stages on gold sets.
//!
//! ```
//! use dateline::{ingest, output, Pipeline};
//!
//! let options = ingest::IngestOptions::default();
//! let mut doc = ingest::text_document("note.txt", b"Select Language:\nPutin met Trump in the U.S. on Friday.".to_vec(), &options);
//! Pipeline::default().run(&mut doc);
//! assert_eq!(doc.text(), "Putin met Trump in the U.S. on Friday.");
//! assert_eq!(doc.sentences.len(), 1);
//! let mut json = Vec::new();
//! output::write_json(&doc, &output::OutputOptions::default(), &mut json).unwrap();
//! assert!(json.starts_with(br#"{"schema":"dateline/1""#));
//! ```

#![deny(missing_docs)]

mod chars;
pub mod clean;
pub mod date;
pub mod entities;
pub mod document;
pub mod error;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod language;
pub mod output;
pub mod places;
pub mod quotes;
pub mod resources;
pub mod segment;
pub mod span;
pub mod stage;
pub mod times;
pub mod web;

pub use date::Date;
pub use document::{Document, Entity, EntityType, Mention, MentionKind, Meta, Problem, Sentence, Token, TokenKind};
pub use error::{Error, ErrorKind};
pub use span::Span;
pub use stage::{Pipeline, PipelineConfig, Stage, StageConfig};
