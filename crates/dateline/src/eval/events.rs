//! Scores the events stage on the team's CAMEO gold (`testdata/events-gold/events.tsv`) over
//! the GeoVirus Wikinews texts.
//!
//! Each gold line is an event of an annotated sentence (article, sentence offsets in code
//! points, source and target actor codes, CAMEO code, cue, modality), or marks a sentence with
//! no event. Only annotated sentences are scored: a found event counts when its cue lies in
//! one. Events are compared as (source, target, code) triples, matched one to one within the
//! sentence, at four levels: the root code with the actors' primary codes (their first three
//! letters: the country, `IGO`, or a sector alone), the root code with whole actor codes, the
//! full code with primary codes, and the root code alone (was an event of that class found,
//! whoever did it).

use std::collections::BTreeMap;
use std::fmt;

use super::xml::{elements, unescape, without_comments};
use super::Half;
use crate::date::Date;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::ingest::{self, IngestOptions};
use crate::stage::Pipeline;

/// One event: source, target (empty for none), CAMEO code, modality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Triple {
    /// Source actor code.
    pub source: String,
    /// Target actor code, empty for none.
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// Modality.
    pub modality: String,
    /// The cue's text.
    pub cue: String,
    /// The cue's code point offsets in a gold line (none for a found event).
    pub at: Option<(usize, usize)>,
}

/// The gold of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldSentence {
    /// Article number.
    pub article: usize,
    /// Code point offsets of the sentence.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Its events (none for a sentence with no event).
    pub events: Vec<Triple>,
}

/// Reads `events.tsv`.
pub fn read_gold(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut sentences: BTreeMap<(usize, usize, usize), GoldSentence> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != 10 {
            return Err(format!("line {}: {} columns, not 10", n + 1, cells.len()));
        }
        let number = |i: usize| cells[i].parse::<usize>().map_err(|_| format!("line {}: {:?} is not a number", n + 1, cells[i]));
        let (article, start, end) = (number(0)?, number(1)?, number(2)?);
        if start >= end {
            return Err(format!("line {}: the sentence {start}..{end} is empty", n + 1));
        }
        let sentence = sentences.entry((article, start, end)).or_insert_with(|| GoldSentence { article, start, end, events: Vec::new() });
        if cells[5] != "-" {
            let actor = |c: &str| if c == "-" { String::new() } else { c.to_string() };
            sentence.events.push(Triple {
                source: actor(cells[3]),
                target: actor(cells[4]),
                code: cells[5].to_string(),
                modality: cells[9].to_string(),
                cue: cells[8].to_string(),
                at: Some((number(6)?, number(7)?)),
            });
        }
    }
    Ok(sentences.into_values().collect())
}

/// Precision and recall counts of one level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched triples.
    pub right: usize,
    /// Found triples.
    pub found: usize,
    /// Gold triples.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.found.max(1) as f64;
        let r = self.right as f64 / self.gold.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }
}

/// The scores.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Sentences scored.
    pub sentences: usize,
    /// Articles scored.
    pub articles: usize,
    /// (source, target, root code), actors by their first three letters.
    pub root_primary: Counts,
    /// (source, target, root code), whole actor codes.
    pub root_exact: Counts,
    /// (source, target, full code), actors by their first three letters.
    pub code_primary: Counts,
    /// Root code alone.
    pub root_only: Counts,
    /// Of the root-and-primary matches, how many have the gold's modality.
    pub modality_right: usize,
    /// The root-and-primary level by root class (`01` to `20`): found triples by their code,
    /// gold ones by theirs.
    pub by_root: BTreeMap<String, Counts>,
    /// Misses and extras at the root-and-primary level: (article, what), `what` opening with
    /// the sentence's code point offsets.
    pub errors: Vec<(usize, String)>,
}

/// The root class of a triple's code (`11` of `111`).
fn root(t: &Triple) -> &str {
    &t.code[..t.code.len().min(2)]
}

/// A way of saying two triples match.
type Same = dyn Fn(&Triple, &Triple) -> bool;

fn primary(code: &str) -> &str {
    &code[..code.len().min(3)]
}

/// How many of `found` match `gold` one to one under `same`.
fn matches(found: &[&Triple], gold: &[&Triple], same: impl Fn(&Triple, &Triple) -> bool) -> (usize, Vec<bool>, Vec<bool>) {
    let mut used = vec![false; gold.len()];
    let mut hit = vec![false; found.len()];
    let mut right = 0;
    for (i, f) in found.iter().enumerate() {
        if let Some(j) = (0..gold.len()).find(|&j| !used[j] && same(f, gold[j])) {
            used[j] = true;
            hit[i] = true;
            right += 1;
        }
    }
    (right, hit, used)
}

/// The events the pipeline found in `doc`, with their cues' code point offsets.
fn found(doc: &Document) -> Vec<(usize, Triple)> {
    let raw = &doc.raw;
    doc.events
        .iter()
        .map(|e| {
            let at = doc.offsets().to_raw(e.cue.start) as usize;
            let cp = raw[..at.min(raw.len())].chars().count();
            let code = |a: &crate::events::Actor| a.code.clone().unwrap_or_default();
            let modality = serde_json::to_value(e.modality).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            (
                cp,
                Triple {
                    source: code(&e.source),
                    target: e.target.as_ref().map(code).unwrap_or_default(),
                    code: e.cameo.code.clone(),
                    modality,
                    cue: doc.text()[e.cue].to_string(),
                    at: None,
                },
            )
        })
        .collect()
}

/// The texts a gold file annotates, by article number, each with its publication date when
/// the corpus gives one.
pub type Texts = BTreeMap<usize, (String, Option<Date>)>;

/// The GeoVirus XML's texts, numbered from 0 in file order (XML comments ignored).
pub fn geovirus_texts(xml: &str) -> Texts {
    let xml = without_comments(xml);
    elements(&xml, "text").iter().enumerate().map(|(n, (_, body))| (n, (unescape(body), None))).collect()
}

/// Checks that every gold cue is the text at its offsets and lies in its sentence, so that a
/// gold file read against other texts than it was written on fails loudly.
fn check_cues(gold: &[GoldSentence], texts: &Texts) -> Result<(), String> {
    for s in gold {
        let Some((text, _)) = texts.get(&s.article) else { continue };
        for t in &s.events {
            let Some((a, b)) = t.at else { continue };
            let found: String = text.chars().skip(a).take(b.saturating_sub(a)).collect();
            if found != t.cue || a < s.start || b > s.end {
                return Err(format!("article {}: the cue {:?} at {a}..{b} reads {found:?} in the texts", s.article, t.cue));
            }
        }
    }
    Ok(())
}

/// Scores the pipeline on the gold `tsv` over `texts`: every annotated article, or those of
/// one `half`.
pub fn evaluate(tsv: &str, texts: &Texts, half: Option<Half>) -> Result<Report, Error> {
    let bad = |m: String| Error::new(ErrorKind::Data(m));
    let gold = read_gold(tsv).map_err(bad)?;
    check_cues(&gold, texts).map_err(bad)?;
    let pipeline = Pipeline::default();
    let mut report = Report::default();
    let mut by_article: BTreeMap<usize, Vec<&GoldSentence>> = BTreeMap::new();
    for s in gold.iter().filter(|s| half.is_none_or(|h| h.holds(s.article))) {
        by_article.entry(s.article).or_default().push(s);
    }
    for (article, sentences) in by_article {
        let (text, published) = texts.get(&article).ok_or_else(|| bad(format!("no article {article} in the texts")))?;
        let options = IngestOptions { date: *published, ..IngestOptions::default() };
        let mut doc = ingest::text_document(&article.to_string(), text.as_bytes().to_vec(), &options);
        pipeline.run(&mut doc);
        let found = found(&doc);
        report.articles += 1;
        for s in sentences {
            report.sentences += 1;
            let f: Vec<&Triple> = found.iter().filter(|(at, _)| (s.start..s.end).contains(at)).map(|(_, t)| t).collect();
            let g: Vec<&Triple> = s.events.iter().collect();
            let levels: [(&mut Counts, &Same); 4] = [
                (&mut report.root_primary, &|a, b| root(a) == root(b) && primary(&a.source) == primary(&b.source) && primary(&a.target) == primary(&b.target)),
                (&mut report.root_exact, &|a, b| root(a) == root(b) && a.source == b.source && a.target == b.target),
                (&mut report.code_primary, &|a, b| a.code == b.code && primary(&a.source) == primary(&b.source) && primary(&a.target) == primary(&b.target)),
                (&mut report.root_only, &|a, b| root(a) == root(b)),
            ];
            for (counts, same) in levels {
                counts.found += f.len();
                counts.gold += g.len();
                counts.right += matches(&f, &g, same).0;
            }
            let same = |a: &Triple, b: &Triple| root(a) == root(b) && primary(&a.source) == primary(&b.source) && primary(&a.target) == primary(&b.target);
            let (_, hit, used) = matches(&f, &g, same);
            for (i, t) in f.iter().enumerate() {
                let class = report.by_root.entry(root(t).to_string()).or_default();
                class.found += 1;
                class.right += usize::from(hit[i]);
                if hit[i] {
                    let j = (0..g.len()).find(|&j| same(t, g[j]) && g[j].modality == t.modality);
                    report.modality_right += usize::from(j.is_some());
                } else {
                    report.errors.push((article, format!("[{}..{}] extra {} {}→{} {:?}", s.start, s.end, t.code, t.source, or_dash(&t.target), t.cue)));
                }
            }
            for t in &g {
                report.by_root.entry(root(t).to_string()).or_default().gold += 1;
            }
            for (j, t) in g.iter().enumerate().filter(|(j, _)| !used[*j]) {
                let _ = j;
                report.errors.push((article, format!("[{}..{}] missed {} {}→{} {:?}", s.start, s.end, t.code, t.source, or_dash(&t.target), t.cue)));
            }
        }
    }
    Ok(report)
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "events ({} articles, {} annotated sentences, {} gold events, {} found in them):",
            self.articles, self.sentences, self.root_primary.gold, self.root_primary.found
        )?;
        writeln!(f, "  {:<44} {:>9} {:>8} {:>8}", "triples", "precision", "recall", "F1")?;
        for (name, c) in [
            ("(source, target, root), actors' first 3 letters", self.root_primary),
            ("(source, target, root), whole actor codes", self.root_exact),
            ("(source, target, full code), first 3 letters", self.code_primary),
            ("root code alone", self.root_only),
        ] {
            let (p, r, f1) = c.prf();
            writeln!(f, "  {name:<44} {p:>9.4} {r:>8.4} {f1:>8.4}")?;
        }
        writeln!(
            f,
            "  modality right on {} of {} matched events",
            self.modality_right, self.root_primary.right
        )?;
        let show = std::env::var("DATELINE_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
        if show > 0 {
            writeln!(f, "  by root class (source, target, root): class, found, right, gold, precision, recall")?;
            for (class, c) in &self.by_root {
                let (p, r, _) = c.prf();
                writeln!(f, "    {class} {:>5} {:>5} {:>5} {p:>7.3} {r:>7.3}", c.found, c.right, c.gold)?;
            }
        }
        for (article, what) in self.errors.iter().take(show) {
            writeln!(f, "    article {article}: {what}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_group_by_sentence() {
        let tsv = "#article\tsent_start\tsent_end\tsource\ttarget\tcameo\tcue_start\tcue_end\tcue\tmodality\n\
                   3\t0\t40\tUSAGOV\t-\t010\t10\t14\tsaid\tasserted\n\
                   3\t0\t40\tUSAGOV\tCHN\t111\t20\t30\tcriticized\tasserted\n\
                   3\t41\t60\t-\t-\t-\t-\t-\t-\t-\n";
        let gold = read_gold(tsv).unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].events.len(), 2);
        assert_eq!((gold[0].events[1].target.as_str(), gold[0].events[0].target.as_str()), ("CHN", ""));
        assert!(gold[1].events.is_empty());
        assert!(read_gold("1\t2\n").is_err());
    }

    #[test]
    fn a_cue_must_be_the_text_at_its_offsets() {
        let tsv = "3\t0\t20\tUSAGOV\t-\t010\t6\t10\tsaid\tasserted\n";
        let gold = read_gold(tsv).unwrap();
        let texts = |t: &str| Texts::from([(3, (t.to_string(), None))]);
        assert!(check_cues(&gold, &texts("Obama said it works.")).is_ok());
        assert!(check_cues(&gold, &texts("Obama says it works.")).is_err());
        assert!(check_cues(&gold, &texts("Bush said it works.")).is_err());
    }

    #[test]
    fn triples_match_one_to_one() {
        let t = |s: &str, tg: &str, c: &str| Triple { source: s.into(), target: tg.into(), code: c.into(), modality: String::new(), cue: String::new(), at: None };
        let (a, b, c) = (t("USAGOV", "", "010"), t("USAGOV", "", "013"), t("CHN", "USA", "111"));
        let same_root = |x: &Triple, y: &Triple| x.code[..2] == y.code[..2] && primary(&x.source) == primary(&y.source);
        // Two found statements, one gold: one match.
        assert_eq!(matches(&[&a, &b], &[&a], same_root).0, 1);
        assert_eq!(matches(&[&a, &c], &[&b, &c], same_root).0, 2);
        let counts = Counts { right: 1, found: 2, gold: 4 };
        assert_eq!(counts.prf(), (0.5, 0.25, 1.0 / 3.0));
    }
}
