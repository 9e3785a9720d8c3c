//! Names on MEANTIME (120 English Wikinews articles, NewsReader): the name mentions (`NAM`,
//! `PRE.NAM`) of people, organizations and places, matched by overlap and type.
//!
//! MEANTIME marks whole noun phrases (`JSA Research defence analysist Paul Nesbit`), not
//! CoNLL name spans, so exact-span scores would measure the annotation style; as its README
//! advises, a found name counts when it overlaps a gold name of the same type. Only the
//! annotated sentences of each article are read (the first six). The XML files are read with
//! a small scanner: they are machine-written and regular.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::ner::{Counts, Report};
use super::xml::{attr, elements, unescape};
use crate::document::{Document, EntityType, MentionKind};
use crate::entities::{Entities, EntitiesConfig};
use crate::error::{Error, ErrorKind};
use crate::stage::Stage;

fn type_index(t: &str) -> Option<usize> {
    match t {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        _ => None,
    }
}

fn our_type(t: EntityType) -> Option<usize> {
    match t {
        EntityType::Person => Some(0),
        EntityType::Org => Some(1),
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => Some(2),
        _ => None,
    }
}

/// The XML files of the corpus under `dir`, sorted.
fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "xml") && !path.to_string_lossy().contains("MEANTIME_NWR") {
            out.push(path);
        }
    }
    Ok(())
}

/// One MEANTIME article: its tokens (in order: sentence, text), its markables (opening tag,
/// first token, one past the last), and the last annotated sentence.
struct Article {
    tokens: Vec<(usize, String)>,
    markables: Vec<(String, usize, usize)>,
    last_sentence: usize,
    xml: String,
}

impl Article {
    fn read(path: &Path) -> Result<Article, Error> {
        let xml = std::fs::read_to_string(path)
            .map_err(|e| Error::new(ErrorKind::Data(format!("{}: {e}", path.display()))))?;
        let mut tokens: Vec<(u32, usize, String)> = elements(&xml, "token")
            .into_iter()
            .filter_map(|(tag, body)| Some((attr(tag, "t_id")?.parse().ok()?, attr(tag, "sentence")?.parse().ok()?, unescape(body))))
            .collect();
        tokens.sort_by_key(|t| t.0);
        let position: HashMap<u32, usize> = tokens.iter().enumerate().map(|(i, t)| (t.0, i)).collect();
        let mut markables = Vec::new();
        let mut last_sentence = 0;
        for (tag, body) in elements(&xml, "ENTITY_MENTION").into_iter().chain(elements(&xml, "TIMEX3")) {
            let anchors: Vec<usize> = elements(body, "token_anchor")
                .iter()
                .filter_map(|(t, _)| position.get(&attr(t, "t_id")?.parse().ok()?).copied())
                .collect();
            if let (Some(&a), Some(&b)) = (anchors.iter().min(), anchors.iter().max()) {
                last_sentence = last_sentence.max(tokens[b].1);
                markables.push((tag.to_string(), a, b + 1));
            }
        }
        let tokens = tokens.into_iter().map(|(_, s, w)| (s, w)).collect();
        Ok(Article { tokens, markables, last_sentence, xml })
    }

    /// The annotated sentences as a document on the gold tokens.
    fn document(&self, published: Option<crate::date::Date>) -> Document {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        for (i, (s, w)) in self.tokens.iter().enumerate().take_while(|(_, (s, _))| *s <= self.last_sentence) {
            if i == 0 || self.tokens[i - 1].0 != *s {
                sentences.push(Vec::new());
            }
            sentences.last_mut().expect("a sentence").push(w);
        }
        super::gold_document(&sentences, published)
    }

    /// The creation date (the `TIMEX3` whose function is `CREATION_TIME`) and its tokens.
    fn creation_date(&self) -> (Option<crate::date::Date>, Vec<usize>) {
        let mut dct = None;
        let mut tokens = Vec::new();
        for (tag, a, b) in self.markables.iter().filter(|(tag, _, _)| tag.starts_with("<TIMEX3")) {
            if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
                dct = attr(tag, "value").and_then(|v| crate::date::Date::parse_prefix(v).ok());
                tokens.extend(*a..*b);
            }
        }
        (dct, tokens)
    }

    /// The article's body (every sentence after the title, sentence 0, and the date line,
    /// sentence 1) as running text: the tokens joined by spaces except before closing and
    /// after opening punctuation, Penn Treebank quote tokens as `"`, sentences by one space.
    /// `testdata/events-gold` is annotated on this text; its README gives the same rules.
    fn running_text(&self) -> String {
        const CLOSES: &[&str] = &[",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "...", "''", "\u{201d}", "\u{2019}"];
        const OPENS: &[&str] = &["(", "[", "$", "US$", "#", "``", "\u{201c}", "\u{a3}", "\u{20ac}", "\u{a5}", "C$", "A$"];
        let mut text = String::new();
        let mut previous: Option<(usize, &str)> = None;
        for (sentence, word) in self.tokens.iter().filter(|(s, _)| *s >= 2) {
            let space = match previous {
                Some((s, last)) if s == *sentence => !CLOSES.contains(&word.as_str()) && !OPENS.contains(&last),
                Some(_) => true,
                None => false,
            };
            if space {
                text.push(' ');
            }
            text.push_str(if word == "``" || word == "''" { "\"" } else { word });
            previous = Some((*sentence, word));
        }
        text
    }

    fn words(&self, a: usize, b: usize) -> String {
        self.tokens[a..b.min(self.tokens.len())].iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// The corpus's XML files under `dir`, sorted; an error when there are none.
fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut paths = Vec::new();
    files(dir, &mut paths).map_err(|e| Error::new(ErrorKind::Data(format!("{}: {e}", dir.display()))))?;
    paths.sort();
    if paths.is_empty() {
        return Err(Error::new(ErrorKind::Data(format!("no MEANTIME XML files under {}", dir.display()))));
    }
    Ok(paths)
}

/// Scores the `entities` stage on the MEANTIME folder `dir` (PER, ORG, LOC; MISC is not
/// annotated there).
pub fn evaluate(dir: &Path) -> Result<Report, Error> {
    let paths = article_paths(dir)?;
    let stage = Entities::new(EntitiesConfig::default())?;
    let mut report = Report { matching: "overlap, same type", ..Report::default() };
    for path in &paths {
        let article = Article::read(path)?;
        let xml = article.xml.as_str();
        // Entity types through REFERS_TO: mention → entity → type.
        let entity_type: HashMap<&str, &str> =
            elements(xml, "ENTITY").iter().filter_map(|(t, _)| Some((attr(t, "m_id")?, attr(t, "ent_type")?))).collect();
        let mut mention_type: HashMap<&str, &str> = HashMap::new();
        for (_, body) in elements(xml, "REFERS_TO") {
            let target = elements(body, "target").first().and_then(|(t, _)| attr(t, "m_id"));
            if let Some(ty) = target.and_then(|t| entity_type.get(t)) {
                for (s, _) in elements(body, "source") {
                    if let Some(m) = attr(s, "m_id") {
                        mention_type.insert(m, ty);
                    }
                }
            }
        }
        let gold: Vec<(usize, usize, usize)> = article
            .markables
            .iter()
            .filter(|(tag, _, _)| tag.starts_with("<ENTITY_MENTION") && matches!(attr(tag, "syntactic_type"), Some("NAM" | "PRE.NAM")))
            .filter_map(|(tag, a, b)| Some((*a, *b, type_index(mention_type.get(attr(tag, "m_id")?)?)?)))
            .collect();
        let mut doc = article.document(None);
        stage.run(&mut doc)?;
        let token_at = |offset: u32| doc.tokens.partition_point(|t| t.span.start < offset);
        let found: Vec<(usize, usize, usize)> = doc
            .entities
            .iter()
            .filter_map(|e| our_type(e.kind).map(|t| (e, t)))
            .flat_map(|(e, t)| e.mentions.iter().filter(|m| m.kind == MentionKind::Name).map(move |m| (m, t)))
            .map(|(m, t)| (token_at(m.span.start), token_at(m.span.end), t))
            .collect();
        let overlaps = |x: &(usize, usize, usize), y: &(usize, usize, usize)| x.2 == y.2 && x.0 < y.1 && y.0 < x.1;
        for t in 0..3 {
            let c: &mut Counts = &mut report.per_type[t];
            let g: Vec<_> = gold.iter().filter(|s| s.2 == t).collect();
            let f: Vec<_> = found.iter().filter(|s| s.2 == t).collect();
            c.gold += g.len();
            c.found += f.len();
            // Recall side: gold names found; precision side: found names that are gold. They
            // can differ under overlap, so count the smaller, which is the conservative figure.
            let recalled = g.iter().filter(|x| f.iter().any(|y| overlaps(x, y))).count();
            let precise = f.iter().filter(|y| g.iter().any(|x| overlaps(x, y))).count();
            c.correct += recalled.min(precise);
        }
        report.documents += 1;
        report.tokens += doc.tokens.len();
    }
    Ok(report)
}

/// TempEval-3's scores of the `times` stage on MEANTIME's TIMEX3 annotations.
#[derive(Debug, Default)]
pub struct TimeReport {
    /// Documents scored.
    pub documents: usize,
    /// Expressions in the gold (the document creation times excluded).
    pub gold: usize,
    /// Expressions found (those on the creation time's tokens excluded).
    pub found: usize,
    /// Found with exactly the gold extent.
    pub strict: usize,
    /// Found overlapping a gold expression (one to one).
    pub relaxed: usize,
    /// Of the relaxed matches, those of the right type.
    pub typed: usize,
    /// Of the relaxed matches, those with the right value.
    pub valued: usize,
    /// Some wrong values, as (text, found, gold), for a person to read.
    pub wrong_values: Vec<(String, String, String)>,
    /// Gold expressions not found, as (text, gold value).
    pub missed: Vec<(String, String)>,
    /// Expressions found that are not in the gold, as (text, value).
    pub spurious: Vec<(String, String)>,
}

fn prf(correct: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let (p, r) = (correct as f64 / found.max(1) as f64, correct as f64 / gold.max(1) as f64);
    (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
}

impl TimeReport {
    /// Relaxed extent F1.
    pub fn relaxed_f1(&self) -> f64 {
        prf(self.relaxed, self.found, self.gold).2
    }
    /// Value F1.
    pub fn value_f1(&self) -> f64 {
        prf(self.valued, self.found, self.gold).2
    }
}

impl std::fmt::Display for TimeReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "times, TempEval-3 scores ({} documents, {} gold expressions, {} found):", self.documents, self.gold, self.found)?;
        writeln!(f, "  {:<16} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1")?;
        for (name, n) in [("strict extent", self.strict), ("relaxed extent", self.relaxed), ("type", self.typed), ("value", self.valued)] {
            let (p, r, f1) = prf(n, self.found, self.gold);
            writeln!(f, "  {name:<16} {p:>9.4} {r:>9.4} {f1:>9.4}")?;
        }
        writeln!(f, "  type accuracy {:.4}, value accuracy {:.4} (of relaxed matches)",
            self.typed as f64 / self.relaxed.max(1) as f64, self.valued as f64 / self.relaxed.max(1) as f64)?;
        let show = std::env::var("DATELINE_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(12);
        for (text, found, gold) in self.wrong_values.iter().take(show) {
            writeln!(f, "  wrong value: {text:?} found {found}, gold {gold}")?;
        }
        for (text, gold) in self.missed.iter().take(show) {
            writeln!(f, "  missed: {text:?} ({gold})")?;
        }
        for (text, value) in self.spurious.iter().take(show) {
            writeln!(f, "  not in the gold: {text:?} ({value})")?;
        }
        Ok(())
    }
}

/// Scores the `times` stage on the MEANTIME folder `dir`.
pub fn evaluate_times(dir: &Path) -> Result<TimeReport, Error> {
    let paths = article_paths(dir)?;
    let stage = crate::times::Times::new(crate::times::TimesConfig::default());
    let mut report = TimeReport::default();
    for path in &paths {
        let article = Article::read(path)?;
        let (dct, dct_tokens) = article.creation_date();
        let gold: Vec<(usize, usize, String, String)> = article
            .markables
            .iter()
            .filter(|(tag, _, _)| tag.starts_with("<TIMEX3") && attr(tag, "functionInDocument") != Some("CREATION_TIME"))
            .map(|(tag, a, b)| (*a, *b, attr(tag, "type").unwrap_or("").to_string(), attr(tag, "value").unwrap_or("").to_string()))
            .collect();
        let mut doc = article.document(dct);
        stage.run(&mut doc)?;
        let token_at = |offset: u32| doc.tokens.partition_point(|t| t.span.start < offset);
        let found: Vec<(usize, usize, String, String)> = doc
            .times
            .iter()
            .map(|t| {
                let kind = serde_json::to_value(t.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                (token_at(t.span.start), token_at(t.span.end), kind, t.value.clone())
            })
            .filter(|(a, b, _, _)| !(*a..*b).any(|k| dct_tokens.contains(&k)))
            .collect();
        report.documents += 1;
        report.gold += gold.len();
        report.found += found.len();
        let mut used = vec![false; found.len()];
        for g in &gold {
            let hit = found.iter().enumerate().find(|(k, f)| !used[*k] && f.0 < g.1 && g.0 < f.1).map(|(k, _)| k);
            let Some(k) = hit else {
                report.missed.push((article.words(g.0, g.1), g.3.clone()));
                continue;
            };
            used[k] = true;
            let f = &found[k];
            report.relaxed += 1;
            report.strict += usize::from(f.0 == g.0 && f.1 == g.1);
            report.typed += usize::from(f.2 == g.2);
            if f.3 == g.3 {
                report.valued += 1;
            } else {
                report.wrong_values.push((article.words(g.0, g.1), f.3.clone(), g.3.clone()));
            }
        }
        for (_, f) in found.iter().enumerate().filter(|(k, _)| !used[*k]) {
            report.spurious.push((article.words(f.0, f.1), f.3.clone()));
        }
    }
    Ok(report)
}

/// The articles under the MEANTIME folder `dir` as running text for the events gold, by their
/// document number (the number their file name opens with), each with its creation date.
pub fn running_texts(dir: &Path) -> Result<super::events::Texts, Error> {
    let mut texts = super::events::Texts::new();
    for path in article_paths(dir)? {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let number = name.split('_').next().and_then(|n| n.parse().ok());
        let number = number.ok_or_else(|| Error::new(ErrorKind::Data(format!("{}: no document number opens the name", path.display()))))?;
        let article = Article::read(&path)?;
        texts.insert(number, (article.running_text(), article.creation_date().0));
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_running_text() {
        let words = [
            (0, "GM"), (0, "files"), (1, "June"), (1, "1"),
            (2, "GM"), (2, "said"), (2, "``"), (2, "we"), (2, "'re"), (2, "sorry"), (2, "''"), (2, "."),
            (3, "It"), (3, "lost"), (3, "US$"), (3, "6"), (3, "billion"), (3, "("), (3, "5"), (3, "%"), (3, ")"), (3, "."),
        ];
        let tokens = words.iter().map(|(s, w)| (*s, w.to_string())).collect();
        let article = Article { tokens, markables: Vec::new(), last_sentence: 3, xml: String::new() };
        assert_eq!(article.running_text(), "GM said \"we're sorry\". It lost US$6 billion (5%).");
    }
}
