//! Evaluation: each stage scored on open gold sets.
//!
//! A scorer takes the gold file's content (the caller reads it, so it can say clearly when
//! `../shared/eval` is absent) and returns a report that prints itself. Later stages add
//! their scorers here: `ner`, `time`, `geo`, `quotes`, `events`.

pub mod meantime;
pub mod ner;
pub mod sbd;
