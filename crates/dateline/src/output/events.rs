//! The events layer in the formats event-data users already read: GDELT Event 2.0's
//! tab-separated columns, and PLOVER JSON lines.
//!
//! GDELT rows fill what the article supports and leave the rest empty: the event id is a
//! stable hash of the document id and the event's position; dates are the event's own when
//! its sentence states one (as precise as it is stated), else the article's; `ActionGeo_*` is the event's place
//! (country codes are ISO alpha-2, not GDELT's FIPS codes, and `FeatureID` is the GeoNames id);
//! `IsRootEvent` is 1 for events of the first paragraph; mention and source counts are 1.

use std::io::{self, Write};

use serde::Serialize;

use crate::date::Date;
use crate::document::Document;
use crate::events::{Actor, Event};
use crate::places::{Feature, Place};

/// GDELT Event 2.0's 61 column names, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// A stable id for event `i` of a document: FNV-1a over the document id and the position,
/// kept to 53 bits so that every JSON reader holds it exactly.
pub fn event_id(doc_id: &str, i: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id.bytes().chain(b"#".iter().copied()).chain(i.to_string().bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h & ((1 << 53) - 1)
}

/// The date an event happened on, as far as the text says: its own full date, else the
/// article's.
fn event_date(doc: &Document, e: &Event) -> Option<Date> {
    match e.time.map(|t| doc.times[t].value.as_str()) {
        Some(v) if v.len() >= 10 => Date::parse_prefix(v).ok(),
        Some(_) => None,
        None => doc.meta.published,
    }
}

/// GDELT's Day, MonthYear, Year and FractionDate: from the event's own date, as precise as
/// the text gives it (`February 2022` fills MonthYear and Year, not Day), else the article's.
fn date_columns(doc: &Document, e: &Event) -> [String; 4] {
    if let Some(d) = event_date(doc, e) {
        let day_of_year = d.days() - Date::new(d.year(), 1, 1).map_or(0, Date::days);
        return [
            format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()),
            format!("{:04}{:02}", d.year(), d.month()),
            format!("{:04}", d.year()),
            format!("{:.4}", f64::from(d.year()) + day_of_year as f64 / 365.0),
        ];
    }
    let value = e.time.map_or("", |t| doc.times[t].value.as_str());
    let year = value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).unwrap_or("");
    let month = value.get(5..7).filter(|m| !year.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
    [String::new(), month.map(|m| format!("{year}{m}")).unwrap_or_default(), year.to_string(), String::new()]
}

/// The parts of a CAMEO actor code: (country, known group, type). `USAGOV` → (USA, -, GOV);
/// an international or non-governmental organization is a known group, kept whole
/// (`IGOUNOHLHWHO`); a sector alone is a type (`GOV`).
fn actor_parts(code: &str) -> (&str, &str, &str) {
    if code.len() < 3 {
        return ("", "", "");
    }
    let (head, rest) = code.split_at(3);
    if matches!(head, "IGO" | "NGO" | "MNC") {
        return ("", code, "");
    }
    if crate::resources::Resources::shared().is_ok_and(|r| r.tables.country(head).is_some()) {
        (head, "", &rest[..rest.len().min(3)])
    } else {
        ("", "", &code[..3])
    }
}

fn actor_columns(a: Option<&Actor>) -> [String; 10] {
    let Some(a) = a else { return Default::default() };
    let code = a.code.as_deref().unwrap_or("");
    let (country, group, kind) = actor_parts(code);
    [
        code.to_string(),
        a.name.to_uppercase(),
        country.to_string(),
        group.to_string(),
        String::new(),
        String::new(),
        String::new(),
        kind.to_string(),
        String::new(),
        String::new(),
    ]
}

/// GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
/// A second-level division (a county) has no type of its own: it takes its state's.
fn geo_type(p: &Place) -> &'static str {
    let us = p.country.as_deref() == Some("US");
    match p.feature {
        Feature::Country => "1",
        Feature::Admin1 | Feature::Admin2 if us => "2",
        Feature::Admin1 | Feature::Admin2 => "5",
        Feature::City | Feature::Facility if us => "3",
        Feature::City | Feature::Facility => "4",
        _ => "",
    }
}

fn geo_columns(p: Option<&Place>) -> [String; 8] {
    let Some(p) = p else { return Default::default() };
    let country_name = p
        .country
        .as_deref()
        .and_then(|c| crate::resources::Resources::shared().ok()?.tables.country(c).map(|x| x.name.clone()));
    let full: Vec<&str> = [Some(p.name.as_str()), p.admin1.as_deref(), country_name.as_deref()]
        .into_iter()
        .flatten()
        .fold(Vec::new(), |mut v, n| {
            if v.last() != Some(&n) {
                v.push(n);
            }
            v
        });
    [
        geo_type(p).to_string(),
        full.join(", "),
        p.country.clone().unwrap_or_default(),
        String::new(),
        String::new(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.geonames_id.map(|g| g.to_string()).unwrap_or_default(),
    ]
}

/// Cells may not hold tabs or line breaks.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Writes one GDELT Event 2.0 row per event (no header; see [`GDELT_COLUMNS`]).
pub fn write_gdelt<W: Write>(doc: &Document, mut w: W) -> io::Result<()> {
    for (i, e) in doc.events.iter().enumerate() {
        let mut row: Vec<String> = Vec::with_capacity(61);
        row.push(event_id(&doc.id, i).to_string());
        row.extend(date_columns(doc, e));
        row.extend(actor_columns(Some(&e.source)));
        row.extend(actor_columns(e.target.as_ref()));
        let paragraph = doc.sentences[e.sentence.index()].paragraph.index();
        row.push(if paragraph == 0 { "1" } else { "0" }.to_string());
        let code = &e.cameo.code;
        row.push(code.clone());
        row.push(code[..code.len().min(3)].to_string());
        row.push(code[..2].to_string());
        row.push(e.cameo.quad_class.to_string());
        row.push(e.cameo.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default());
        row.extend(["1", "1", "1", ""].map(String::from));
        row.extend(geo_columns(None));
        row.extend(geo_columns(None));
        row.extend(geo_columns(e.place.map(|(p, _)| &doc.places[p])));
        row.push(String::new());
        row.push(doc.meta.url.clone().unwrap_or_else(|| doc.id.clone()));
        debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
        let line: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(w, "{}", line.join("\t"))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PloverLocation<'a> {
    name: &'a str,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: f32,
    lon: f32,
    geonames_id: Option<u32>,
}

/// A PLOVER event record (the PLOVER manual's field names, with dateline's extras after).
#[derive(Serialize)]
struct PloverEvent<'a> {
    id: String,
    date: Option<String>,
    /// None for CAMEO codes PLOVER leaves out (public statements).
    event: Option<&'a str>,
    mode: &'a str,
    context: Vec<&'a str>,
    src_actor: &'a str,
    src_agent: &'a str,
    tgt_actor: &'a str,
    tgt_agent: &'a str,
    text: &'a str,
    location: Option<PloverLocation<'a>>,
    modality: crate::events::Modality,
    cameo: &'a str,
    source_name: &'a str,
    target_name: Option<&'a str>,
    url: Option<&'a str>,
    doc_id: &'a str,
}

/// PLOVER's actor (the country, or the group for an IGO or NGO) and agent (the sector).
fn plover_actor(a: Option<&Actor>) -> (&str, &str) {
    let Some(code) = a.and_then(|a| a.code.as_deref()) else { return ("", "") };
    let (country, group, kind) = actor_parts(code);
    match (country, group) {
        ("", "") => ("", kind),
        ("", g) => (g, ""),
        (c, _) => (c, kind),
    }
}

/// Writes one PLOVER JSON line per event.
pub fn write_plover<W: Write>(doc: &Document, mut w: W) -> io::Result<()> {
    let text = doc.text();
    for (i, e) in doc.events.iter().enumerate() {
        let (src_actor, src_agent) = plover_actor(Some(&e.source));
        let (tgt_actor, tgt_agent) = plover_actor(e.target.as_ref());
        let record = PloverEvent {
            id: event_id(&doc.id, i).to_string(),
            date: event_date(doc, e).map(|d| d.to_string()),
            event: Some(e.cameo.plover.as_str()).filter(|p| !p.is_empty()),
            mode: &e.cameo.plover_mode,
            context: e.cameo.plover_context.split(',').map(str::trim).filter(|c| !c.is_empty()).collect(),
            src_actor,
            src_agent,
            tgt_actor,
            tgt_agent,
            text: &text[doc.sentences[e.sentence.index()].span],
            location: e.place.map(|(p, _)| {
                let p = &doc.places[p];
                PloverLocation { name: &p.name, country: p.country.as_deref(), admin1: p.admin1.as_deref(), lat: p.lat, lon: p.lon, geonames_id: p.geonames_id }
            }),
            modality: e.modality,
            cameo: &e.cameo.code,
            source_name: &e.source.name,
            target_name: e.target.as_ref().map(|t| t.name.as_str()),
            url: doc.meta.url.as_deref(),
            doc_id: &doc.id,
        };
        serde_json::to_writer(&mut w, &record)?;
        writeln!(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(event_id("doc", 0), event_id("doc", 0));
        assert_ne!(event_id("doc", 0), event_id("doc", 1));
        assert_ne!(event_id("doc", 1), event_id("doc2", 1));
        assert!(event_id("x", 7) < (1 << 53));
    }

    #[test]
    fn actor_codes_split_into_gdelt_parts() {
        assert_eq!(actor_parts("USAGOV"), ("USA", "", "GOV"));
        assert_eq!(actor_parts("RUS"), ("RUS", "", ""));
        assert_eq!(actor_parts("IGOUNOHLHWHO"), ("", "IGOUNOHLHWHO", ""));
        assert_eq!(actor_parts("GOV"), ("", "", "GOV"));
        assert_eq!(cell("a\tb\nc"), "a b c");
        assert_eq!(GDELT_COLUMNS.len(), 61);
    }
}
