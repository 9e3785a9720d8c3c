//! Names on CoNLL-format gold (Wikigold, the CoNLL-2003 development split): exact-span
//! precision, recall and F1 per type.
//!
//! Each gold document is rebuilt as a [`Document`] on the gold tokens and sentences (joined
//! by single spaces), and the real `entities` stage runs on it; its name mentions are mapped
//! to CoNLL types (PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC, NORP/EVENT/MISC → MISC) and
//! compared span for span with the gold names.

use std::collections::HashSet;
use std::fmt;

use crate::document::{EntityType, MentionKind};
use crate::entities::tagger::{read_conll, spans_of, TYPES};
use crate::entities::{Entities, EntitiesConfig};
use crate::error::{Error, ErrorKind};
use crate::stage::Stage;

/// Counts for one type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Names found that are in the gold.
    pub correct: usize,
    /// Names found.
    pub found: usize,
    /// Names in the gold.
    pub gold: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.found.max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// The scores of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Per CoNLL type, in [`TYPES`] order.
    pub per_type: [Counts; 4],
    /// Documents scored.
    pub documents: usize,
    /// Tokens scored.
    pub tokens: usize,
    /// How found and gold names are matched (`exact spans`, `overlap`).
    pub matching: &'static str,
}

impl Report {
    /// All types together (micro-averaged).
    pub fn overall(&self) -> Counts {
        self.per_type.iter().fold(Counts::default(), |a, c| Counts {
            correct: a.correct + c.correct,
            found: a.found + c.found,
            gold: a.gold + c.gold,
        })
    }

    /// PER, ORG and LOC together: the figure the literature compares without MISC.
    pub fn per_org_loc(&self) -> Counts {
        self.per_type[..3].iter().fold(Counts::default(), |a, c| Counts {
            correct: a.correct + c.correct,
            found: a.found + c.found,
            gold: a.gold + c.gold,
        })
    }
}

fn conll_type(t: EntityType) -> usize {
    match t {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => 2,
        EntityType::Norp | EntityType::Event | EntityType::Misc => 3,
    }
}

/// Scores the `entities` stage on CoNLL-format `gold` (or, with `tagger_only`, the name
/// tagger's own spans and types, before the gazetteers and the document refine them).
pub fn evaluate(gold: &str, tagger_only: bool) -> Result<Report, Error> {
    let docs = read_conll(gold).map_err(|e| Error::new(ErrorKind::Json(e)))?;
    let stage = Entities::new(EntitiesConfig::default())?;
    let mut report = Report { matching: "exact spans", ..Report::default() };
    for sentences in &docs {
        // The gold tokens as a document, and the gold names by token.
        let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
        let mut gold_spans: HashSet<(usize, usize, usize)> = HashSet::new();
        let mut first = 0;
        for s in sentences {
            let tags: Vec<u8> = s.iter().map(|(_, t)| *t).collect();
            gold_spans.extend(spans_of(&tags).into_iter().map(|sp| (first + sp.start, first + sp.end, sp.kind)));
            first += s.len();
        }
        if tagger_only {
            let resources = crate::resources::Resources::shared().map_err(Clone::clone)?;
            let mut found = HashSet::new();
            let mut first = 0;
            for (w, spans) in words.iter().zip(resources.tagger()?.document_spans(&words, resources)) {
                found.extend(spans.into_iter().map(|s| (first + s.start, first + s.end, s.kind)));
                first += w.len();
            }
            report.add(&gold_spans, &found, first);
            continue;
        }
        let mut doc = super::gold_document(&words, None);
        stage.run(&mut doc)?;
        let token_at = |offset: u32| doc.tokens.partition_point(|t| t.span.start < offset);
        let found: HashSet<(usize, usize, usize)> = doc
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().filter(|m| m.kind == MentionKind::Name).map(move |m| (m, e.kind)))
            .map(|(m, kind)| (token_at(m.span.start), token_at(m.span.end), conll_type(kind)))
            .collect();
        report.add(&gold_spans, &found, doc.tokens.len());
    }
    Ok(report)
}

type Spans = HashSet<(usize, usize, usize)>;

impl Report {
    pub(crate) fn add(&mut self, gold: &Spans, found: &Spans, tokens: usize) {
        for (t, counts) in self.per_type.iter_mut().enumerate() {
            let g: HashSet<_> = gold.iter().filter(|s| s.2 == t).collect();
            let f: HashSet<_> = found.iter().filter(|s| s.2 == t).collect();
            counts.gold += g.len();
            counts.found += f.len();
            counts.correct += g.intersection(&f).count();
        }
        self.documents += 1;
        self.tokens += tokens;
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "names, {} ({} documents, {} tokens):", self.matching, self.documents, self.tokens)?;
        writeln!(f, "  {:<12} {:>9} {:>9} {:>9} {:>7}", "type", "precision", "recall", "F1", "gold")?;
        let mut row = |name: &str, c: Counts| {
            writeln!(f, "  {:<12} {:>9.4} {:>9.4} {:>9.4} {:>7}", name, c.precision(), c.recall(), c.f1(), c.gold)
        };
        for (t, c) in TYPES.iter().zip(self.per_type) {
            row(t, c)?;
        }
        row("PER+ORG+LOC", self.per_org_loc())?;
        row("all", self.overall())
    }
}
