//! Scores the place stage on GeoVirus (Gritta et al. 2018): Wikinews excerpts whose place
//! names carry 1-based code point offsets and the coordinates of what they mean.
//!
//! Two scores, as the geoparsing literature reports them:
//! - **End to end**: the pipeline finds place mentions itself. A gold place is found when a
//!   found mention overlaps it; its error is the great-circle distance between the two points.
//!   Precision and recall of the mentions (demonyms left out: GeoVirus marks names only),
//!   the share of all gold places found within 161 km (100 miles), and the mean and median
//!   error of those found.
//! - **Resolution only**: each gold name is given and resolved in its document's context.
//!
//! The AUC is the area under the curve of sorted errors on a log scale,
//! `ln(1 + km) / ln(20039)`, over all gold places (a miss counts as the largest error):
//! 0 is perfect, 1 is the worst.

use std::fmt;

use super::xml::{child, elements, unescape, without_comments};
use super::Half;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::ingest::{self, IngestOptions};
use crate::places::{self, Gazetteer, PlaceUse};
use crate::resources::Resources;
use crate::span::Span;
use crate::stage::Pipeline;

/// Half the Earth's circumference, in km: the largest error there is.
const MAX_KM: f64 = 20_039.0;
/// The usual threshold of a correct reading: 100 miles.
const NEAR_KM: f64 = 161.0;

/// One gold place.
#[derive(Clone, Debug, PartialEq)]
struct GoldPlace {
    /// Code point offsets, 0-based, end exclusive.
    start: usize,
    end: usize,
    lat: f64,
    lon: f64,
}

/// Errors of one way of scoring: one entry per gold place, `None` for a miss.
#[derive(Clone, Debug, Default)]
pub struct Errors {
    km: Vec<Option<f64>>,
}

impl Errors {
    /// How many gold places were read (found and resolved).
    pub fn read(&self) -> usize {
        self.km.iter().flatten().count()
    }

    /// The share of all gold places read within 161 km.
    pub fn accuracy(&self) -> f64 {
        self.km.iter().flatten().filter(|&&k| k <= NEAR_KM).count() as f64 / self.km.len().max(1) as f64
    }

    fn sorted(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self.km.iter().flatten().copied().collect();
        v.sort_by(f64::total_cmp);
        v
    }

    /// Mean error of the places read, in km.
    pub fn mean(&self) -> f64 {
        let v = self.sorted();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    }

    /// Median error of the places read, in km.
    pub fn median(&self) -> f64 {
        let v = self.sorted();
        match v.len() {
            0 => 0.0,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        }
    }

    /// Area under the log error curve over all gold places, misses as the largest error.
    pub fn auc(&self) -> f64 {
        let mut v: Vec<f64> = self.km.iter().map(|k| (1.0 + k.unwrap_or(MAX_KM).min(MAX_KM)).ln() / (1.0 + MAX_KM).ln()).collect();
        v.sort_by(f64::total_cmp);
        if v.len() < 2 {
            return v.first().copied().unwrap_or(0.0);
        }
        let area: f64 = v.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        area / (v.len() - 1) as f64
    }
}

/// The scores.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Articles scored.
    pub articles: usize,
    /// Gold places.
    pub gold: usize,
    /// Place mentions the pipeline found.
    pub found: usize,
    /// Found mentions overlapping a gold place.
    pub found_right: usize,
    /// End to end.
    pub end_to_end: Errors,
    /// Resolution only, from the gold names.
    pub resolution: Errors,
    /// The end-to-end readings more than 161 km off, worst first: (the text's name, the
    /// reading, km, article).
    pub worst: Vec<(String, String, f64, usize)>,
    /// Gold places no found mention overlaps: (name, article).
    pub missed: Vec<(String, usize)>,
    /// Found mentions that overlap no gold place: (name, how it is used, article).
    pub spurious: Vec<(String, PlaceUse, usize)>,
}

/// Great-circle distance in km.
pub fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn read_gold(article: &str) -> Result<Vec<GoldPlace>, String> {
    elements(article, "location")
        .iter()
        .map(|(_, body)| {
            let field = |name: &str| child(body, name).ok_or_else(|| format!("a location without <{name}>"));
            let number = |name: &str| -> Result<f64, String> {
                let v = field(name)?;
                v.trim().parse().map_err(|_| format!("<{name}> is not a number: {v}"))
            };
            let start = number("start")? as usize;
            let end = number("end")? as usize;
            if start == 0 || end < start {
                return Err(format!("bad offsets {start}..{end} (they are 1-based)"));
            }
            Ok(GoldPlace { start: start - 1, end: end - 1, lat: number("lat")?, lon: number("lon")? })
        })
        .collect()
}

/// Code point offsets of a cleaned-text span, in the raw input.
fn raw_chars(doc: &Document, starts: &[usize], s: Span) -> (usize, usize) {
    let r = doc.offsets().to_raw_span(s);
    let cp = |byte: u32| starts.partition_point(|&b| b < byte as usize);
    (cp(r.start), cp(r.end))
}

/// Scores the pipeline on the GeoVirus XML `xml`: every article, or those of one `half`
/// (article numbers count from 0 in file order, as the reports' do).
pub fn evaluate(xml: &str, half: Option<Half>) -> Result<Report, Error> {
    let bad = |m: String| Error::new(ErrorKind::Data(m));
    let r = Resources::shared().map_err(Clone::clone)?;
    let g = Gazetteer::shared(r);
    let pipeline = Pipeline::default();
    let mut report = Report::default();
    let xml = without_comments(xml);
    for (n, (_, article)) in elements(&xml, "article").iter().enumerate() {
        if half.is_some_and(|h| !h.holds(n)) {
            continue;
        }
        let text = child(article, "text").map(unescape).ok_or_else(|| bad(format!("article {n}: no <text>")))?;
        let gold = read_gold(article).map_err(|e| bad(format!("article {n}: {e}")))?;
        let mut doc = ingest::text_document(&n.to_string(), text.as_bytes().to_vec(), &IngestOptions::default());
        pipeline.run(&mut doc);
        // Byte offset of each code point of the raw text.
        let starts: Vec<usize> = doc.raw.char_indices().map(|(i, _)| i).collect();
        report.articles += 1;
        report.gold += gold.len();

        // End to end.
        let found: Vec<((usize, usize), &places::Place)> = doc
            .places
            .iter()
            .filter(|p| p.used_as != PlaceUse::Demonym && p.precision != places::Precision::Approximate)
            .flat_map(|p| p.mentions.iter().map(move |&m| (m, p)))
            .map(|(m, p)| (raw_chars(&doc, &starts, m), p))
            .collect();
        report.found += found.len();
        let overlap = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for (m, p) in &found {
            if gold.iter().any(|gp| overlap(*m, (gp.start, gp.end))) {
                report.found_right += 1;
            } else {
                report.spurious.push((text.chars().skip(m.0).take(m.1 - m.0).collect(), p.used_as, n));
            }
        }
        for gp in &gold {
            let best = found
                .iter()
                .filter(|(m, _)| overlap(*m, (gp.start, gp.end)))
                .min_by_key(|(m, _)| m.0.abs_diff(gp.start) + m.1.abs_diff(gp.end))
                .map(|(_, p)| (haversine((f64::from(p.lat), f64::from(p.lon)), (gp.lat, gp.lon)), p));
            if let Some((km, p)) = best.filter(|b| b.0 > NEAR_KM) {
                let name: String = text.chars().skip(gp.start).take(gp.end - gp.start).collect();
                let reading = format!("{} ({:?}, {}{})", p.name, p.feature, p.admin1.as_deref().map_or(String::new(), |a| format!("{a}, ")), p.country.as_deref().unwrap_or("-"));
                report.worst.push((name, reading, km, n));
            }
            if best.is_none() {
                report.missed.push((text.chars().skip(gp.start).take(gp.end - gp.start).collect(), n));
            }
            report.end_to_end.km.push(best.map(|b| b.0));
        }

        // Resolution only: the gold names, as cleaned-text spans (through the tokens).
        // Each token's code point span in the raw text, once; they come in text order.
        let token_chars: Vec<(usize, usize)> = doc.tokens.iter().map(|t| raw_chars(&doc, &starts, t.span)).collect();
        let spans: Vec<Option<Span>> = gold
            .iter()
            .map(|gp| {
                let from = token_chars.partition_point(|&(a, _)| a < gp.start);
                let to = from + token_chars[from..].iter().take_while(|&&(_, b)| b <= gp.end).count();
                let (first, last) = (doc.tokens.get(from)?, doc.tokens[..to].last()?);
                (to > from).then_some(Span { start: first.span.start, end: last.span.end })
            })
            .collect();
        let given: Vec<Span> = spans.iter().flatten().copied().collect();
        let mut resolved = places::resolve_spans(&doc, g, &given).into_iter();
        for (gp, span) in gold.iter().zip(&spans) {
            let point = span.and_then(|_| resolved.next().flatten());
            report.resolution.km.push(point.map(|(lat, lon)| haversine((f64::from(lat), f64::from(lon)), (gp.lat, gp.lon))));
        }
    }
    if report.articles == 0 {
        return Err(bad("no <article> elements: is this GeoVirus.xml?".into()));
    }
    report.worst.sort_by(|a, b| b.2.total_cmp(&a.2));
    Ok(report)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.found_right as f64 / self.found.max(1) as f64;
        let r = self.end_to_end.read() as f64 / self.gold.max(1) as f64;
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        writeln!(f, "places ({} articles, {} gold places, {} place mentions found):", self.articles, self.gold, self.found)?;
        writeln!(f, "  mentions            P {p:.4}  R {r:.4}  F1 {f1:.4}")?;
        writeln!(f, "  {:<18} {:>8} {:>10} {:>10} {:>10} {:>8}", "", "read", "<=161 km", "mean km", "median km", "AUC")?;
        for (name, e) in [("end to end", &self.end_to_end), ("resolution only", &self.resolution)] {
            writeln!(
                f,
                "  {name:<18} {:>8} {:>10.4} {:>10.1} {:>10.1} {:>8.4}",
                e.read(),
                e.accuracy(),
                e.mean(),
                e.median(),
                e.auc()
            )?;
        }
        let show = std::env::var("DATELINE_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
        if !self.worst.is_empty() {
            writeln!(f, "  worst end-to-end readings (DATELINE_SHOW=N for more):")?;
            for (name, reading, km, n) in self.worst.iter().take(show) {
                writeln!(f, "    {km:>8.0} km  {name} → {reading} (article {n})")?;
            }
        }
        if !self.spurious.is_empty() {
            writeln!(f, "  place mentions no gold place overlaps:")?;
            for (name, used_as, n) in self.spurious.iter().take(show) {
                writeln!(f, "    {name} ({used_as:?}, article {n})")?;
            }
        }
        if !self.missed.is_empty() {
            writeln!(f, "  gold places not found:")?;
            for (name, n) in self.missed.iter().take(show) {
                writeln!(f, "    {name} (article {n})")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_the_error_curve() {
        // Anchorage to Moscow is about 7,000 km.
        let d = haversine((61.218, -149.900), (55.756, 37.617));
        assert!((6_900.0..7_100.0).contains(&d), "{d}");
        assert_eq!(haversine((10.0, 20.0), (10.0, 20.0)), 0.0);
        let perfect = Errors { km: vec![Some(0.0), Some(0.0)] };
        assert_eq!(perfect.auc(), 0.0);
        let missed = Errors { km: vec![None, None] };
        assert!((missed.auc() - 1.0).abs() < 1e-9);
        let mixed = Errors { km: vec![Some(10.0), Some(500.0), None] };
        assert!((mixed.accuracy() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!((mixed.read(), mixed.median()), (2, 255.0));
    }

    #[test]
    fn gold_offsets_are_one_based() {
        let article = "<text>In Paris.</text><locations><location><name>Paris</name><start>4</start><end>9</end><lat>48.85</lat><lon>2.35</lon></location></locations>";
        let gold = read_gold(article).unwrap();
        assert_eq!((gold[0].start, gold[0].end), (3, 8));
        let bad = "<location><name>X</name><start>0</start><end>1</end><lat>1</lat><lon>1</lon></location>";
        assert!(read_gold(bad).is_err());
    }
}
