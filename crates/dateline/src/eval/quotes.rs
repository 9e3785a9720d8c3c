//! Quotes on BRAT standoff gold (`Source`, `Cue` and `Content` spans joined by an
//! `Attribution` event, as PolNeAR writes them), over the GeoVirus Wikinews texts.
//!
//! Gold file `N.ann` annotates article `N` (0-based, file order) of `GeoVirus.xml`, with code
//! point offsets into its `<text>`. Each article is analyzed by the whole pipeline; found
//! attributions are mapped back to the article's offsets and paired one to one with the gold
//! by overlapping content. Then, for each role, exact-span and overlap scores: precision over
//! the roles found, recall over the roles in the gold; overlap gives each pair the share of
//! characters the two spans have in common.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::xml::{elements, unescape};
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::ingest::{self, IngestOptions};
use crate::stage::Pipeline;

/// One attribution: content, cue and source as code point ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The content.
    pub content: Option<(usize, usize)>,
    /// The cue.
    pub cue: Option<(usize, usize)>,
    /// The source (speaker).
    pub source: Option<(usize, usize)>,
}

/// Reads a BRAT `.ann` file's attributions.
pub fn read_ann(text: &str) -> Result<Vec<Attribution>, String> {
    let mut spans: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut events = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        match line.chars().next() {
            Some('T') if cols.len() >= 2 => {
                let parts: Vec<&str> = cols[1].split(' ').collect();
                let (a, b) = (parts.get(1).and_then(|x| x.parse().ok()), parts.last().and_then(|x| x.parse().ok()));
                match (a, b) {
                    (Some(a), Some(b)) => spans.insert(cols[0], (a, b)),
                    _ => return Err(format!("line {}: bad span", n + 1)),
                };
            }
            Some('E') if cols.len() >= 2 => events.push(cols[1]),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for e in events {
        let mut a = Attribution::default();
        for arg in e.split(' ') {
            let Some((role, id)) = arg.split_once(':') else { continue };
            let span = spans.get(id).copied();
            match role {
                "Attribution" | "Cue" => a.cue = span,
                "Source" => a.source = span,
                "Content" => a.content = span,
                _ => {}
            }
        }
        out.push(a);
    }
    Ok(out)
}

/// Counts for one role.
#[derive(Clone, Copy, Debug, Default)]
pub struct RoleScores {
    /// Pairs whose spans are equal.
    pub exact: usize,
    /// Sum over pairs of shared characters / found characters.
    pub overlap_p: f64,
    /// Sum over pairs of shared characters / gold characters.
    pub overlap_r: f64,
    /// Roles found.
    pub found: usize,
    /// Roles in the gold.
    pub gold: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

impl RoleScores {
    /// Exact-span (precision, recall, F1).
    pub fn exact(&self) -> (f64, f64, f64) {
        let (p, r) = (self.exact as f64 / self.found.max(1) as f64, self.exact as f64 / self.gold.max(1) as f64);
        (p, r, f1(p, r))
    }
    /// Overlap (precision, recall, F1).
    pub fn overlap(&self) -> (f64, f64, f64) {
        let (p, r) = (self.overlap_p / self.found.max(1) as f64, self.overlap_r / self.gold.max(1) as f64);
        (p, r, f1(p, r))
    }
}

/// The scores of a run: source, cue, content.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles scored.
    pub documents: usize,
    /// Attributions in the gold, and found.
    pub gold: usize,
    /// Attributions found.
    pub found: usize,
    /// Per role: source, cue, content.
    pub roles: [RoleScores; 3],
    /// Gold attributions with no found one overlapping their content: (article, content).
    pub missed: Vec<(usize, String)>,
    /// Found attributions with no gold one overlapping their content: (article, content).
    pub spurious: Vec<(usize, String)>,
    /// Paired attributions whose role spans differ: (article, role, found, gold), with
    /// `-` for a role left out.
    pub wrong: Vec<(usize, &'static str, String, String)>,
}

fn shared(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The pipeline's attributions for `doc`, in code point offsets of its raw input.
fn found(doc: &Document) -> Vec<Attribution> {
    let raw = &doc.raw;
    let cp = |byte: u32| raw[..byte as usize].chars().count();
    let map = |s: crate::span::Span| {
        let r = doc.offsets().to_raw_span(s);
        (cp(r.start), cp(r.end))
    };
    doc.quotes
        .iter()
        .map(|q| Attribution { content: Some(map(q.span)), cue: q.cue.map(map), source: q.speaker.as_ref().map(|s| map(s.span)) })
        .collect()
}

/// Scores the pipeline on the `.ann` files in `gold_dir` against the GeoVirus texts in `xml`.
pub fn evaluate(gold_dir: &Path, xml: &str) -> Result<Report, Error> {
    let bad = |m: String| Error::new(ErrorKind::Data(m));
    let texts: Vec<String> = elements(xml, "text").iter().map(|(_, body)| unescape(body)).collect();
    let mut files: Vec<(usize, std::path::PathBuf)> = std::fs::read_dir(gold_dir)
        .map_err(|e| bad(format!("{}: {e}", gold_dir.display())))?
        .filter_map(|e| {
            let p = e.ok()?.path();
            let n = p.file_stem()?.to_str()?.parse().ok()?;
            (p.extension()? == "ann").then_some((n, p))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(bad(format!("no .ann files in {}", gold_dir.display())));
    }
    let pipeline = Pipeline::default();
    let mut report = Report::default();
    for (n, path) in files {
        let text = texts.get(n).ok_or_else(|| bad(format!("{}: no article {n} in the texts", path.display())))?;
        let ann = std::fs::read_to_string(&path).map_err(|e| bad(format!("{}: {e}", path.display())))?;
        let gold = read_ann(&ann).map_err(|e| bad(format!("{}: {e}", path.display())))?;
        let mut doc = ingest::text_document(&n.to_string(), text.as_bytes().to_vec(), &IngestOptions::default());
        pipeline.run(&mut doc);
        let found = found(&doc);
        report.documents += 1;
        report.gold += gold.len();
        report.found += found.len();
        let role = |a: &Attribution, r: usize| [a.source, a.cue, a.content][r];
        let quote = |span: Option<(usize, usize)>| {
            span.map_or("-".to_string(), |(a, b)| text.chars().skip(a).take(b.saturating_sub(a)).collect())
        };
        for (r, scores) in report.roles.iter_mut().enumerate() {
            scores.gold += gold.iter().filter(|g| role(g, r).is_some()).count();
            scores.found += found.iter().filter(|f| role(f, r).is_some()).count();
        }
        // Pair by content overlap, greedily, one to one.
        let mut used = vec![false; found.len()];
        for g in &gold {
            let Some(gc) = g.content else { continue };
            let best = found
                .iter()
                .enumerate()
                .filter(|(i, f)| !used[*i] && f.content.is_some_and(|fc| shared(fc, gc) > 0))
                .max_by_key(|(_, f)| shared(f.content.expect("filtered"), gc))
                .map(|(i, _)| i);
            let Some(i) = best else {
                report.missed.push((n, quote(g.content)));
                continue;
            };
            used[i] = true;
            for (r, scores) in report.roles.iter_mut().enumerate() {
                if role(&found[i], r) != role(g, r) {
                    report.wrong.push((n, ["source", "cue", "content"][r], quote(role(&found[i], r)), quote(role(g, r))));
                }
                if let (Some(a), Some(b)) = (role(&found[i], r), role(g, r)) {
                    scores.exact += usize::from(a == b);
                    let s = shared(a, b) as f64;
                    scores.overlap_p += s / (a.1 - a.0).max(1) as f64;
                    scores.overlap_r += s / (b.1 - b.0).max(1) as f64;
                }
            }
        }
        for (f, _) in found.iter().zip(&used).filter(|(_, u)| !**u) {
            report.spurious.push((n, quote(f.content)));
        }
    }
    Ok(report)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "quotes ({} articles, {} gold attributions, {} found):", self.documents, self.gold, self.found)?;
        writeln!(f, "  {:<8} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}", "role", "exact P", "R", "F1", "overlap P", "R", "F1")?;
        for (name, s) in ["source", "cue", "content"].iter().zip(self.roles) {
            let (p, r, f1) = s.exact();
            let (op, or, of) = s.overlap();
            writeln!(f, "  {name:<8} {p:>8.4} {r:>8.4} {f1:>8.4}   {op:>8.4} {or:>8.4} {of:>8.4}")?;
        }
        // `DATELINE_SHOW=N` lists up to N errors of each class (none by default).
        let show = std::env::var("DATELINE_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
        for (n, role, found, gold) in self.wrong.iter().take(show) {
            writeln!(f, "  wrong {role} in {n}: found {found:?}, gold {gold:?}")?;
        }
        for (n, content) in self.missed.iter().take(show) {
            writeln!(f, "  missed in {n}: {content:?}")?;
        }
        for (n, content) in self.spurious.iter().take(show) {
            writeln!(f, "  not in the gold in {n}: {content:?}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_attributions_are_read() {
        let ann = "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 12 20\thi there\nE1\tAttribution:T2 Source:T1 Content:T3\nA1\tKind E1 direct\n";
        let a = read_ann(ann).unwrap();
        assert_eq!(a, [Attribution { content: Some((12, 20)), cue: Some((6, 10)), source: Some((0, 5)) }]);
        assert!(read_ann("T1\tSource x y\tz\n").is_err());
    }

    #[test]
    fn wrong_spans_misses_and_extras_are_listed() {
        let text = "Anna Berg said that the roads were clear. Nobody knew why the bridge fell.";
        let xml = format!("<articles><article><text>{text}</text></article></articles>");
        // The source is cut short on purpose, and the second attribution is not in the text's
        // reported speech at all: one wrong source and one miss.
        let ann = "T1\tSource 5 9\tBerg\nT2\tCue 10 14\tsaid\nT3\tContent 15 40\tthat the roads were clear\n\
                   E1\tAttribution:T2 Source:T1 Content:T3\nT4\tContent 42 73\tNobody knew why the bridge fell\n\
                   E2\tAttribution:T2 Content:T4\n";
        let dir = std::env::temp_dir().join(format!("dateline-quotes-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("0.ann"), ann).unwrap();
        let report = evaluate(&dir, &xml).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(report.wrong, [(0, "source", "Anna Berg".to_string(), "Berg".to_string())]);
        assert_eq!(report.missed, [(0, "Nobody knew why the bridge fell".to_string())]);
        assert!(report.spurious.is_empty(), "{:?}", report.spurious);
        assert_eq!((report.roles[1].exact, report.roles[2].exact), (1, 1));
    }
}
