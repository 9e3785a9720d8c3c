//! Output: the `dateline/1` JSON record, and a readable view for a person at a terminal.
//!
//! This is the one place byte spans become the **Unicode code point offsets** of the wire
//! format, so that `text[start:end]` in Python or jq is the span's text. The record:
//!
//! ```text
//! { "schema": "dateline/1", "id", "title", "url", "language", "published", "byline",
//!   "authors", "site", "fetched",           // web pages only: absent for text
//!   "text",                                  // the cleaned text all offsets refer to
//!   "paragraphs": [{"start","end"}], "sentences": [{"start","end"}],
//!   "tokens": [{"start","end","kind"}],      // only when asked for
//!   "entities": [{"id","name","type","country","role","actor",
//!                 "mentions": [{"start","end","text","kind"}]}],
//!   "times": [{"start","end","text","type","value","utc"}],
//!   "quotes": [{"kind","start","end","text","speaker": {"entity","name","start","end"},
//!               "cue": {"start","end","text"}}],
//!   "places": [{"entity","name","feature","country","admin1","lat","lon","geonames_id",
//!               "timezone","precision","as","mentions": [{"start","end","text"}]}],
//!   "events": [{"id","cameo","name","plover": {"type","mode","context"},"quad_class",
//!               "goldstein","source": {"entity","name","actor","start","end"},"target",
//!               "sentence","cue": {"start","end","text"},"modality",
//!               "place": {"id","name","lat","lon","stated"},"time": {"id","value","stated"}}],
//!   "removed": [{"text","reason"}],          // page furniture `clean` dropped
//!   "errors": [{"stage","code","message"}] }
//! ```
//!
//! A layer whose stage did not run (a pipeline configured without it) is an empty array,
//! never filled with placeholders. `events` writes the events layer in GDELT's and PLOVER's
//! formats.

pub mod events;

use std::io::{self, Write};

use serde::Serialize;

use crate::date::Date;
use crate::document::{Document, EntityType, MentionKind, TokenKind};
use crate::span::Span;

/// The schema name written in every record.
pub const SCHEMA: &str = "dateline/1";

/// What to write besides the fixed fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutputOptions {
    /// Write the `tokens` layer (large: about one entry per word).
    pub tokens: bool,
    /// Indent the JSON for reading.
    pub pretty: bool,
}

/// Converts byte offsets of one text to code point offsets, in O(1) per lookup after one
/// pass over the text (a checkpoint every 64 bytes; none at all for ASCII text).
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    checkpoints: Option<Vec<u32>>,
}

const STRIDE: usize = 64;

impl<'a> CharOffsets<'a> {
    /// Prepares lookups into `text`.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        let bytes = text.as_bytes();
        let checkpoints = (!text.is_ascii()).then(|| {
            let mut acc = 0u32;
            let mut v = Vec::with_capacity(bytes.len() / STRIDE + 1);
            for block in bytes.chunks(STRIDE) {
                v.push(acc);
                acc += block.iter().filter(|&&b| !is_continuation(b)).count() as u32;
            }
            v.push(acc);
            v
        });
        CharOffsets { bytes, checkpoints }
    }

    /// The code point offset of byte offset `byte` (which lies on a char boundary).
    pub fn get(&self, byte: u32) -> u32 {
        let Some(cp) = &self.checkpoints else { return byte };
        let byte = byte as usize;
        let block = byte / STRIDE;
        let from = block * STRIDE;
        cp[block] + self.bytes[from..byte].iter().filter(|&&b| !is_continuation(b)).count() as u32
    }

    fn span(&self, span: Span) -> JsonSpan {
        JsonSpan { start: self.get(span.start), end: self.get(span.end) }
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[derive(Serialize)]
struct JsonSpan {
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct JsonToken {
    start: u32,
    end: u32,
    kind: TokenKind,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: MentionKind,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: String,
    name: &'a str,
    #[serde(rename = "type")]
    kind: EntityType,
    country: Option<&'a str>,
    role: Option<&'a str>,
    actor: Option<&'a str>,
    mentions: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonTime<'a> {
    id: String,
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: crate::times::TimeType,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    utc: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSpeaker<'a> {
    entity: Option<String>,
    name: &'a str,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct JsonSpanText<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    kind: crate::quotes::QuoteKind,
    start: u32,
    end: u32,
    text: &'a str,
    speaker: Option<JsonSpeaker<'a>>,
    cue: Option<JsonSpanText<'a>>,
}

#[derive(Serialize)]
struct JsonRemoved<'a> {
    text: &'a str,
    reason: &'static str,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    stage: &'static str,
    code: &'static str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonPlace<'a> {
    id: String,
    entity: String,
    name: &'a str,
    feature: crate::places::Feature,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    lat: f32,
    lon: f32,
    geonames_id: Option<u32>,
    timezone: Option<&'a str>,
    precision: crate::places::Precision,
    #[serde(rename = "as")]
    used_as: crate::places::PlaceUse,
    mentions: Vec<JsonSpanText<'a>>,
}

#[derive(Serialize)]
struct JsonPlover<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    mode: Option<&'a str>,
    context: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonActor<'a> {
    entity: Option<String>,
    name: &'a str,
    actor: Option<&'a str>,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct JsonEventPlace<'a> {
    id: String,
    name: &'a str,
    lat: f32,
    lon: f32,
    /// False when it is the article's main place, not one the event's sentence names.
    stated: bool,
}

#[derive(Serialize)]
struct JsonEventTime<'a> {
    id: Option<String>,
    value: std::borrow::Cow<'a, str>,
    /// False when it is the article's date, not one the event's sentence states.
    stated: bool,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: String,
    cameo: &'a str,
    name: &'a str,
    plover: JsonPlover<'a>,
    quad_class: u8,
    goldstein: Option<f32>,
    source: JsonActor<'a>,
    target: Option<JsonActor<'a>>,
    sentence: u32,
    cue: JsonSpanText<'a>,
    modality: crate::events::Modality,
    place: Option<JsonEventPlace<'a>>,
    time: Option<JsonEventTime<'a>>,
}

fn json_actor<'a>(a: &'a crate::events::Actor, offsets: &CharOffsets) -> JsonActor<'a> {
    JsonActor {
        entity: a.entity.map(|e| format!("e{}", e.0 + 1)),
        name: &a.name,
        actor: a.code.as_deref(),
        start: offsets.get(a.span.start),
        end: offsets.get(a.span.end),
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema: &'static str,
    id: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    published: Option<Date>,
    byline: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    authors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched: Option<Date>,
    text: &'a str,
    paragraphs: Vec<JsonSpan>,
    sentences: Vec<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<JsonToken>>,
    entities: Vec<JsonEntity<'a>>,
    quotes: Vec<JsonQuote<'a>>,
    times: Vec<JsonTime<'a>>,
    places: Vec<JsonPlace<'a>>,
    events: Vec<JsonEvent<'a>>,
    removed: Vec<JsonRemoved<'a>>,
    errors: Vec<JsonProblem<'a>>,
}

/// Writes one document as a `dateline/1` JSON record (no trailing newline).
pub fn write_json<W: Write>(doc: &Document, options: &OutputOptions, w: W) -> io::Result<()> {
    let text = doc.text();
    let offsets = CharOffsets::new(text);
    let record = JsonDocument {
        schema: SCHEMA,
        id: &doc.id,
        title: doc.meta.title.as_deref(),
        url: doc.meta.url.as_deref(),
        language: doc.meta.language.as_deref(),
        published: doc.meta.published,
        byline: doc.meta.byline.as_deref(),
        authors: &doc.meta.authors,
        site: doc.meta.site.as_deref(),
        fetched: doc.meta.fetched,
        text,
        paragraphs: doc.paragraphs.iter().map(|&p| offsets.span(p)).collect(),
        sentences: doc.sentences.iter().map(|s| offsets.span(s.span)).collect(),
        tokens: options.tokens.then(|| {
            doc.tokens
                .iter()
                .map(|t| JsonToken { start: offsets.get(t.span.start), end: offsets.get(t.span.end), kind: t.kind })
                .collect()
        }),
        entities: doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| JsonEntity {
                id: format!("e{}", i + 1),
                name: &e.name,
                kind: e.kind,
                country: e.country.as_deref(),
                role: e.role.as_deref(),
                actor: e.actor.as_deref(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        start: offsets.get(m.span.start),
                        end: offsets.get(m.span.end),
                        text: &text[m.span],
                        kind: m.kind,
                    })
                    .collect(),
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| JsonQuote {
                kind: q.kind,
                start: offsets.get(q.span.start),
                end: offsets.get(q.span.end),
                text: &text[q.span],
                speaker: q.speaker.as_ref().map(|s| JsonSpeaker {
                    entity: s.entity.map(|e| format!("e{}", e.0 + 1)),
                    name: s.entity.map_or(&text[s.span], |e| doc.entities[e.index()].name.as_str()),
                    start: offsets.get(s.span.start),
                    end: offsets.get(s.span.end),
                }),
                cue: q.cue.map(|c| JsonSpanText { start: offsets.get(c.start), end: offsets.get(c.end), text: &text[c] }),
            })
            .collect(),
        times: doc
            .times
            .iter()
            .enumerate()
            .map(|(i, t)| JsonTime {
                id: format!("t{}", i + 1),
                start: offsets.get(t.span.start),
                end: offsets.get(t.span.end),
                text: &text[t.span],
                kind: t.kind,
                value: &t.value,
                utc: t.utc.as_deref(),
            })
            .collect(),
        places: doc
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| JsonPlace {
                id: format!("p{}", i + 1),
                entity: format!("e{}", p.entity.0 + 1),
                name: &p.name,
                feature: p.feature,
                country: p.country.as_deref(),
                admin1: p.admin1.as_deref(),
                lat: p.lat,
                lon: p.lon,
                geonames_id: p.geonames_id,
                timezone: p.timezone.as_deref(),
                precision: p.precision,
                used_as: p.used_as,
                mentions: p.mentions.iter().map(|&m| JsonSpanText { start: offsets.get(m.start), end: offsets.get(m.end), text: &text[m] }).collect(),
            })
            .collect(),
        events: doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let actor = |a| json_actor(a, &offsets);
                JsonEvent {
                    id: format!("v{}", i + 1),
                    cameo: &e.cameo.code,
                    name: &e.cameo.name,
                    plover: JsonPlover {
                        kind: &e.cameo.plover,
                        mode: non_empty(&e.cameo.plover_mode),
                        context: non_empty(&e.cameo.plover_context),
                    },
                    quad_class: e.cameo.quad_class,
                    goldstein: e.cameo.goldstein,
                    source: actor(&e.source),
                    target: e.target.as_ref().map(actor),
                    sentence: e.sentence.0,
                    cue: JsonSpanText { start: offsets.get(e.cue.start), end: offsets.get(e.cue.end), text: &text[e.cue] },
                    modality: e.modality,
                    place: e.place.map(|(p, stated)| {
                        let place = &doc.places[p];
                        JsonEventPlace { id: format!("p{}", p + 1), name: &place.name, lat: place.lat, lon: place.lon, stated }
                    }),
                    time: match e.time {
                        Some(t) => Some(JsonEventTime { id: Some(format!("t{}", t + 1)), value: doc.times[t].value.as_str().into(), stated: true }),
                        None => doc.meta.published.map(|d| JsonEventTime { id: None, value: d.to_string().into(), stated: false }),
                    },
                }
            })
            .collect(),
        removed: doc.removed.iter().map(|r| JsonRemoved { text: &doc.raw[r.raw], reason: r.reason }).collect(),
        errors: doc
            .errors
            .iter()
            .map(|p| JsonProblem { stage: p.stage, code: p.code, message: &p.message })
            .collect(),
    };
    if options.pretty {
        serde_json::to_writer_pretty(w, &record)?;
    } else {
        serde_json::to_writer(w, &record)?;
    }
    Ok(())
}

/// What to write for each document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The `dateline/1` record.
    #[default]
    Json,
    /// A readable view.
    Text,
    /// GDELT Event 2.0 rows, one per event.
    Gdelt,
    /// PLOVER JSON lines, one per event.
    Plover,
}

/// Writes `doc` in `format`: a JSON record ends with a line break, like every other format.
pub fn write<W: Write>(doc: &Document, format: Format, options: &OutputOptions, mut w: W) -> io::Result<()> {
    match format {
        Format::Json => {
            write_json(doc, options, &mut w)?;
            writeln!(w)
        }
        Format::Text => write_text(doc, w),
        Format::Gdelt => events::write_gdelt(doc, w),
        Format::Plover => events::write_plover(doc, w),
    }
}

/// Writes a readable view of a document: what it is, then its sentences by paragraph.
pub fn write_text<W: Write>(doc: &Document, mut w: W) -> io::Result<()> {
    writeln!(w, "{}", doc.id)?;
    let field = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(w, "  title:     {}", field(doc.meta.title.as_deref()))?;
    if let Some(byline) = &doc.meta.byline {
        writeln!(w, "  byline:    {byline}")?;
    }
    if let Some(site) = &doc.meta.site {
        writeln!(w, "  site:      {site}")?;
    }
    if let Some(url) = &doc.meta.url {
        writeln!(w, "  url:       {url}")?;
    }
    writeln!(w, "  language:  {}", field(doc.meta.language.as_deref()))?;
    writeln!(w, "  published: {}", doc.meta.published.map_or("-".to_string(), |d| d.to_string()))?;
    writeln!(
        w,
        "  {} paragraphs, {} sentences, {} words",
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.word_count()
    )?;
    for r in &doc.removed {
        writeln!(w, "  removed ({}): {}", r.reason, &doc.raw[r.raw])?;
    }
    for p in &doc.errors {
        writeln!(w, "  error ({}, {}): {}", p.stage, p.code, p.message)?;
    }
    let text = doc.text();
    if !doc.entities.is_empty() {
        writeln!(w, "\nentities:")?;
    }
    for (i, e) in doc.entities.iter().enumerate() {
        let attrs: Vec<&str> = [e.country.as_deref(), e.role.as_deref(), e.actor.as_deref()].into_iter().flatten().collect();
        let mentions: Vec<&str> = e.mentions.iter().map(|m| &text[m.span]).collect();
        writeln!(w, "  e{} {} {:?} [{}]: {}", i + 1, e.name, e.kind, attrs.join(", "), mentions.join(" | "))?;
    }
    if !doc.times.is_empty() {
        writeln!(w, "\ntimes:")?;
    }
    for t in &doc.times {
        writeln!(w, "  {:?} {} = {}{}", t.kind, &text[t.span], t.value, t.utc.as_deref().map_or(String::new(), |u| format!(" ({u})")))?;
    }
    if !doc.quotes.is_empty() {
        writeln!(w, "\nquotes:")?;
    }
    for q in &doc.quotes {
        let speaker = q.speaker.as_ref().map_or("?".to_string(), |s| {
            s.entity.map_or(text[s.span].to_string(), |e| doc.entities[e.index()].name.clone())
        });
        let cue = q.cue.map_or("-", |c| &text[c]);
        writeln!(w, "  {:?} {speaker} [{cue}]: {}", q.kind, &text[q.span])?;
    }
    if !doc.places.is_empty() {
        writeln!(w, "\nplaces:")?;
    }
    for p in &doc.places {
        let within = [p.admin1.as_deref(), p.country.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        writeln!(
            w,
            "  {} ({:?}{}{}) {:.4}, {:.4} [{:?}, {:?}]",
            p.name,
            p.feature,
            if within.is_empty() { "" } else { ", " },
            within,
            p.lat,
            p.lon,
            p.precision,
            p.used_as
        )?;
    }
    if !doc.events.is_empty() {
        writeln!(w, "\nevents:")?;
    }
    for e in &doc.events {
        let actor = |a: &crate::events::Actor| format!("{} ({})", a.name, a.code.as_deref().unwrap_or("-"));
        let target = e.target.as_ref().map_or("-".to_string(), actor);
        let place = e.place.map_or("-", |(p, _)| doc.places[p].name.as_str());
        let time = e.time.map_or_else(|| doc.meta.published.map_or("-".to_string(), |d| d.to_string()), |t| doc.times[t].value.clone());
        writeln!(w, "  {} {} → {} [{}] {:?}, {place}, {time}: {}", e.cameo.code, actor(&e.source), target, &text[e.cue], e.modality, e.cameo.name)?;
    }
    let mut paragraph = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        if paragraph != Some(s.paragraph) {
            writeln!(w)?;
            paragraph = Some(s.paragraph);
        }
        writeln!(w, "[{:>3}] {}", i + 1, &text[s.span])?;
    }
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_offsets_count_characters() {
        let text = "Putin’s “visit” 🇺🇸 ".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.get(byte as u32), cp as u32);
        }
        assert_eq!(offsets.get(text.len() as u32), text.chars().count() as u32);
        assert_eq!(CharOffsets::new("abc").get(2), 2);
    }
}
