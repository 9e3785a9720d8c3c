//! Places: every place the entity layer found, resolved to a gazetteer entry with the
//! document's context.
//!
//! 1. **Toponyms** are the entity layer's places (GPE, LOC, FAC), one per entity, with every
//!    name it is mentioned by; a country's adjective (`Russian forces`) is the country
//!    (`demonym`); a capital or seat standing for its government (`Moscow said`, `the Kremlin
//!    indicated`) is still a place, marked `metonym`.
//! 2. **Candidates** are the gazetteer rows a name may mean (countries, first- and
//!    second-level divisions, cities, continents, regions). Each starts from a prior: the log
//!    of its population, more for countries, divisions and capitals, less for a gazetteer's
//!    alternate spelling. A city named like the first-level division it is the seat of
//!    gains over it (`Tokyo`); a second-level division named for its seat or main town is
//!    left to the town.
//! 3. **Context** then decides, in three rounds: a candidate gains when its country or
//!    division is named elsewhere in the document (by a place, a demonym, a person's or
//!    organization's country) and gains most when the text writes it next to its container
//!    (`Paris, Texas`, `Guildford, Surrey`). So `Surrey` in a text about England is the
//!    county, and in a text about British Columbia the city. One reading per entity: every
//!    mention of a name gets the same place.
//! 4. **Composed places**: a direction before a country or division (`eastern Ukraine`) is a
//!    region of it, placed in that part of its cities' extent (`approximate`); a facility the
//!    gazetteer lacks (`Elmendorf Air Force Base, Alaska’s largest ...`) gets the point of the
//!    best containing place the text gives (`, Alaska`, `in Anchorage`, a place in its
//!    name, else a place in its sentence), with `precision` saying which; a seat of
//!    government is at its country's capital. No point is invented for a name the gazetteer
//!    does not hold.
//! 5. **Local times**: each place has a time zone, and a clock time in `local time` gets its
//!    UTC value from the place nearest it in its sentence, else the document's main place.

mod gazetteer;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub(crate) use gazetteer::{Entry, Gazetteer};

use crate::document::{Document, EntityId, EntityType, MentionKind};
use crate::error::Error;
use crate::resources::{fold, NameKind, Resources};
use crate::span::Span;
use crate::stage::Stage;
use crate::times::TimeType;

/// What kind of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feature {
    /// A country.
    Country,
    /// A first-level division: a state, province, oblast.
    Admin1,
    /// A second-level division: a county, district, department.
    Admin2,
    /// A populated place.
    City,
    /// A continent.
    Continent,
    /// A region: a named one (`Middle East`) or a part of a place (`eastern Ukraine`).
    Region,
    /// A sea, ocean, gulf or strait.
    Water,
    /// A territory (`Crimea`, `Gaza Strip`).
    Territory,
    /// A state that no longer exists (`Soviet Union`).
    Historical,
    /// A building, base, airport or other facility.
    Facility,
}

/// What the point is the point of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The place itself.
    Exact,
    /// A part of a place (`eastern Ukraine`): a point in that part of it.
    Approximate,
    /// The city the place lies in.
    City,
    /// The first-level division the place lies in.
    Admin1,
    /// The second-level division the place lies in.
    Admin2,
    /// The country the place lies in.
    Country,
}

/// How the text uses the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceUse {
    /// As a place.
    Place,
    /// By its adjective or its people (`Russian forces`).
    Demonym,
    /// As an agent standing for its government (`Moscow said`, `the Kremlin indicated`).
    Metonym,
    /// As the first words of an organization's name or description (`the NSW government`,
    /// `US health officials`, `the U.S. Centers for Disease Control`): the place the
    /// organization belongs to; or joined by a hyphen into another word (`UK-based`, `the
    /// India-Pakistan border`).
    Modifier,
}

/// A place mentioned in the document, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The entity it resolves.
    pub entity: EntityId,
    /// The gazetteer's name for it (for a composed place, the text's: `eastern Ukraine`).
    pub name: String,
    /// What kind of place.
    pub feature: Feature,
    /// ISO alpha-2 code of its country.
    pub country: Option<String>,
    /// The name of the first-level division it lies in.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// GeoNames id of the entry, where the entry is from GeoNames.
    pub geonames_id: Option<u32>,
    /// IANA time zone.
    pub timezone: Option<String>,
    /// Whether the point is the place's own.
    pub precision: Precision,
    /// How the text uses it.
    pub used_as: PlaceUse,
    /// The mentions it resolves, in text order.
    pub mentions: Vec<Span>,
}

/// Configuration of the `places` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlacesConfig {}

/// The `places` stage.
pub struct Places {
    gazetteer: &'static Gazetteer,
}

impl Places {
    /// The stage, over the shared reference data.
    pub fn new(_config: PlacesConfig) -> Result<Places, Error> {
        let r = Resources::shared().map_err(Clone::clone)?;
        Ok(Places { gazetteer: Gazetteer::shared(r) })
    }
}

impl Stage for Places {
    fn name(&self) -> &'static str {
        "places"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let toponyms = toponyms(doc, self.gazetteer);
        doc.places = resolve(doc, self.gazetteer, &toponyms);
        // A place read in the context of the whole document says the country of the entity it
        // names, which the entity layer guessed from the name alone (`Innisfail` near
        // Queensland is Australian, not the larger town in Alberta).
        for p in &doc.places {
            let e = &mut doc.entities[p.entity.index()];
            if matches!(e.kind, EntityType::Gpe | EntityType::Loc) && p.name == e.name {
                let tables = &self.gazetteer.r.tables;
                if let Some(row) = p.country.as_deref().and_then(|a2| tables.country_row(a2)) {
                    e.country = Some(tables.countries[row as usize].alpha3.clone());
                }
            }
        }
        complete_utc(doc);
        Ok(())
    }
}

/// A place name to resolve: one entity's name mentions.
#[derive(Clone, Debug)]
pub(crate) struct Toponym {
    pub entity: EntityId,
    /// The entity's name.
    pub name: String,
    pub kind: EntityType,
    pub used_as: PlaceUse,
    pub mentions: Vec<Span>,
}

/// The document's toponyms, from its entities.
pub(crate) fn toponyms(doc: &Document, g: &Gazetteer) -> Vec<Toponym> {
    let text = doc.text();
    let mut out = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        let names = e.mentions.iter().filter(|m| m.kind == MentionKind::Name).map(|m| m.span);
        // `US$`, `A$`: a currency, not a place.
        let currency = |s: &Span| text[s.end as usize..].starts_with('$');
        let (used_as, mentions): (PlaceUse, Vec<Span>) = match e.kind {
            EntityType::Fac => (PlaceUse::Place, names.filter(|s| !currency(s)).collect()),
            // A place name the tagger ran on into other words (`Quezon City Wednesday`, `Seoul
            // City Hall`, `Eastern Creek in New South Wales`): the place inside it.
            EntityType::Gpe | EntityType::Loc => {
                let mut own = Vec::new();
                for s in names.filter(|s| !currency(s)) {
                    match (!is_place_name(g, &text[s])).then(|| place_in_name(doc, g, s, true)).flatten() {
                        // What follows a place opening the name says how it is used: a date
                        // or lower-case words the tagger ran on into (`Quezon City Wednesday`,
                        // `Africa early`) leave it a place; a name's other words make it the
                        // place that name belongs to (`Los Angeles Times`).
                        Some((span, PlaceUse::Place)) if span.start == s.start && !ran_on(doc, span.end) => {
                            add_mention(&mut out, i, text, span, PlaceUse::Modifier)
                        }
                        Some((span, used_as)) => add_mention(&mut out, i, text, span, used_as),
                        None => {
                            let parts = hyphenated_places(g, text, s);
                            parts.iter().for_each(|&p| add_mention(&mut out, i, text, p, PlaceUse::Place));
                            if parts.is_empty() {
                                own.push(s);
                            }
                        }
                    }
                }
                (PlaceUse::Place, own)
            }
            EntityType::Norp if e.country.as_deref().and_then(|c| g.alpha2(c)).is_some() => {
                // The country's own name used as an adjective (`US health officials`) is the
                // place, as a modifier; its people's adjective (`American officials`) is a
                // demonym.
                let (named, adjectives): (Vec<Span>, Vec<Span>) =
                    names.filter(|s| !currency(s)).partition(|s| g.r.lookup_folded(&fold(&text[*s])).any(|n| n.kind == NameKind::Country));
                named.into_iter().for_each(|s| add_mention(&mut out, i, text, s, PlaceUse::Modifier));
                (PlaceUse::Demonym, adjectives)
            }
            // A government named by its country, division, capital or seat.
            EntityType::Org => (PlaceUse::Metonym, names.filter(|s| names_government(g, &text[*s])).collect()),
            _ => continue,
        };
        if !mentions.is_empty() {
            out.push(Toponym { entity: EntityId(i as u32), name: e.name.clone(), kind: e.kind, used_as, mentions });
        }
    }
    // Places joined by a hyphen into another name (`UK-based`, `the India-Pakistan border`):
    // the places that name belongs to.
    for (i, e) in doc.entities.iter().enumerate().filter(|(_, e)| matches!(e.kind, EntityType::Misc | EntityType::Org)) {
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            for span in hyphenated_places(g, text, m.span) {
                add_mention(&mut out, i, text, span, PlaceUse::Modifier);
            }
        }
    }
    // Places that open an organization's mentions (`the NSW government`, `US Army`), end
    // its name after `of` (`Health Ministry of Uganda`) or end it (`Taco Bell Canada`).
    for (i, e) in doc.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityType::Org) {
        let from = out.len();
        for m in e.mentions.iter().filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Nominal)) {
            let found = match leading_place(doc, g, m.span, false) {
                Some(span) => Some((span, PlaceUse::Modifier)),
                // `Duke University Medical Center in North Carolina`: the tagger ran a name
                // on into the place after it.
                None if m.kind == MentionKind::Name => place_in_name(doc, g, m.span, false)
                    .or_else(|| trailing_place(doc, g, m.span).map(|s| (s, PlaceUse::Modifier))),
                None => None,
            };
            if let Some((span, used_as)) = found {
                add_mention_from(&mut out, from, i, text, span, used_as);
            }
        }
    }
    out
}

/// Adds `span` to the toponym of entity `i` with that name and use, or as a new one.
fn add_mention(out: &mut Vec<Toponym>, i: usize, text: &str, span: Span, used_as: PlaceUse) {
    add_mention_from(out, 0, i, text, span, used_as);
}

/// [`add_mention`] among the toponyms from `from` on.
fn add_mention_from(out: &mut Vec<Toponym>, from: usize, i: usize, text: &str, span: Span, used_as: PlaceUse) {
    let name = &text[span];
    let entity = EntityId(i as u32);
    match out[from..].iter_mut().find(|t| t.entity == entity && t.used_as == used_as && t.name == name) {
        Some(t) => t.mentions.push(span),
        None => out.push(Toponym { entity, name: name.to_string(), kind: EntityType::Gpe, used_as, mentions: vec![span] }),
    }
}

/// Words for a natural feature, which after a place's name make the name of another place.
const NATURAL_FEATURES: &[&str] = &[
    "bay", "beach", "canyon", "creek", "delta", "desert", "falls", "forest", "gulf", "harbor", "harbour", "hills",
    "island", "islands", "lake", "mountain", "mountains", "park", "peninsula", "river", "sea", "strait", "valley",
];

/// True when the words from byte `at` on are ones the tagger ran on into a name: a time
/// expression (`Wednesday`) or a lower-case word.
fn ran_on(doc: &Document, at: u32) -> bool {
    let text = doc.text();
    let Some(next) = doc.tokens.get(doc.tokens.partition_point(|t| t.span.start < at)) else { return true };
    text[next.span].starts_with(char::is_lowercase) || doc.times.iter().any(|t| t.span.start == next.span.start)
}

/// True when the gazetteer holds `name` as a place of any kind (or a seat of government).
fn is_place_name(g: &Gazetteer, name: &str) -> bool {
    g.r.lookup_folded(&fold(name)).any(|n| n.kind.is_place() || n.kind == NameKind::Seat)
}

/// A place inside a longer name the gazetteer does not hold: the place opening it (as
/// [`leading_place`] finds it; with `regions`, continents and regions too: `Africa early`,
/// `West Bank Health Ministry`), used as a place, else the name of a country, first-level
/// division or city that ends it after `in` (used as a place: `Eastern Creek in New South
/// Wales`) or `of` (as the place the rest belongs to: `City of Santa Ana`).
fn place_in_name(doc: &Document, g: &Gazetteer, span: Span, regions: bool) -> Option<(Span, PlaceUse)> {
    let text = doc.text();
    if let Some(s) = leading_place(doc, g, span, regions) {
        // `Islington Bay`, `Salinas Valley`: a feature named for the place is another place.
        let next = doc.tokens.get(doc.tokens.partition_point(|t| t.span.start < s.end));
        if next.is_some_and(|t| NATURAL_FEATURES.iter().any(|f| text[t.span].eq_ignore_ascii_case(f))) {
            return None;
        }
        return Some((s, PlaceUse::Place));
    }
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.end <= span.end);
    let at = (first + 1..end.saturating_sub(1)).rev().find(|&k| matches!(&text[doc.tokens[k].span], "in" | "of"))?;
    let place = Span { start: doc.tokens[at + 1].span.start, end: doc.tokens[end - 1].span.end };
    if !text[place].starts_with(char::is_uppercase) {
        return None;
    }
    let known = is_major_place(g, &fold(&text[place]), false);
    let used_as = if &text[doc.tokens[at].span] == "in" { PlaceUse::Place } else { PlaceUse::Modifier };
    known.then_some((place, used_as))
}

/// The longest run of one to three words opening `span` after any `the` (and shorter than it) that names a
/// country or first-level division, or a city of 100,000 or more.
fn leading_place(doc: &Document, g: &Gazetteer, span: Span, regions: bool) -> Option<Span> {
    let text = doc.text();
    let mut first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.end <= span.end);
    if first < end && text[doc.tokens[first].span].eq_ignore_ascii_case("the") {
        first += 1;
    }
    let mut folded = String::new();
    for last in (first + 1..end.min(first + 4)).rev() {
        let candidate = Span { start: doc.tokens[first].span.start, end: doc.tokens[last - 1].span.end };
        if !text[candidate].starts_with(char::is_uppercase) {
            return None;
        }
        folded.clear();
        crate::resources::fold_into(&text[candidate], &mut folded);
        // `West`, `Central`: divisions somewhere, but here words of a name.
        if DIRECTIONS.iter().any(|d| d.0 == folded) || COMPASS.contains(&folded.as_str()) {
            continue;
        }
        if is_major_place(g, &folded, regions) {
            return Some(candidate);
        }
    }
    None
}

/// The run of one to three words ending `span` (and shorter than it, after a capitalized
/// word) that names a major place ([`is_major_place`]): the place an organization's name
/// ends in (`Taco Bell Canada`, `CDC Atlanta`).
fn trailing_place(doc: &Document, g: &Gazetteer, span: Span) -> Option<Span> {
    let text = doc.text();
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.end <= span.end);
    let mut folded = String::new();
    for start in (first + 1).max(end.saturating_sub(3))..end {
        let candidate = Span { start: doc.tokens[start].span.start, end: doc.tokens[end - 1].span.end };
        let before = &text[doc.tokens[start - 1].span];
        if !text[candidate].starts_with(char::is_uppercase) || !before.starts_with(char::is_uppercase) {
            continue;
        }
        folded.clear();
        crate::resources::fold_into(&text[candidate], &mut folded);
        // Not a word for what the organization is (`Myer Centre`, `Danube Delta`), nor part of
        // a region named by a direction (`West Midlands`).
        let word_of_name = g.r.tables.org_affixes.iter().any(|a| a.word.eq_ignore_ascii_case(&folded))
            || NATURAL_FEATURES.contains(&folded.as_str())
            || COMPASS.iter().any(|c| before.eq_ignore_ascii_case(c));
        if !word_of_name && is_major_place(g, &folded, false) {
            return Some(candidate);
        }
    }
    None
}

/// True when the folded name is the primary name of a country or first-level division, or of
/// a city of 100,000 or more (with `regions`, of a continent or region too): a place a name
/// that opens with it or joins it by a hyphen belongs to.
fn is_major_place(g: &Gazetteer, folded: &str, regions: bool) -> bool {
    g.r.lookup_folded(folded).any(|n| {
        n.primary
            && match n.kind {
                NameKind::Country | NameKind::Admin1 => true,
                NameKind::City => g.r.tables.cities.population(n.id as usize) >= 100_000,
                NameKind::Continent | NameKind::Region => regions,
                _ => false,
            }
    })
}

/// The places a name joins to other words by hyphens, where the whole is no place
/// (`UK-based`, `Australia-wide`, `the India-Pakistan border`; not `Guinea-Bissau`): each
/// capitalized part that is a major place ([`is_major_place`]).
fn hyphenated_places(g: &Gazetteer, text: &str, span: Span) -> Vec<Span> {
    let name = &text[span];
    if !name.contains('-') || is_place_name(g, name) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = span.start;
    for part in name.split('-') {
        let s = Span { start: at, end: at + part.len() as u32 };
        at = s.end + 1;
        if part.starts_with(char::is_uppercase) && is_major_place(g, &fold(part), false) {
            out.push(s);
        }
    }
    out
}

/// True when `name` is a country, a division, a capital city or a seat of government.
fn names_government(g: &Gazetteer, name: &str) -> bool {
    // Initials name a division or a capital only as they are written (`GAO` is the Government
    // Accountability Office, not Mali's Gao region).
    let initials = crate::chars::initials(name);
    g.r.lookup_folded(&fold(name)).any(|n| {
        n.primary
            && match n.kind {
                NameKind::Seat | NameKind::Country => true,
                NameKind::Admin1 => !initials || g.r.tables.admin1[n.id as usize].name == name,
                NameKind::City => g.r.tables.cities.get(n.id as usize).feature == "PPLC" && (!initials || g.r.tables.cities.get(n.id as usize).name == name),
                _ => false,
            }
    })
}

/// The countries and divisions a document names, with weights.
#[derive(Default)]
struct Context {
    countries: HashMap<&'static str, f32>,
    admin1: HashMap<u32, f32>,
}

impl Context {
    fn add(&mut self, g: &Gazetteer, e: Entry, weight: f32) {
        if let Some(c) = g.country_of(e) {
            *self.countries.entry(c).or_default() += weight;
        }
        if let Some(a) = g.admin1_of(e) {
            *self.admin1.entry(a).or_default() += weight;
        }
    }

    /// What the context adds to a candidate, leaving out what the readings `own` of the
    /// toponyms written like this one put in (a name is not its own evidence, nor is the
    /// same name used again by another entity: `the Santa Ana police`).
    fn bonus(&self, g: &Gazetteer, e: Entry, own: &[(Entry, f32)]) -> f32 {
        let country = g.country_of(e).map_or(0.0, |c| {
            let own: f32 = own.iter().filter(|o| g.country_of(o.0) == Some(c)).map(|o| o.1).sum();
            self.countries.get(c).copied().unwrap_or(0.0) - own
        });
        let admin1 = g.admin1_of(e).map_or(0.0, |a| {
            let own: f32 = own.iter().filter(|o| g.admin1_of(o.0) == Some(a)).map(|o| o.1).sum();
            self.admin1.get(&a).copied().unwrap_or(0.0) - own
        });
        let mut bonus = 0.0;
        if country > 0.0 {
            bonus += 3.0 + country.min(3.0);
        }
        // Each mention of the division is evidence, up to three: a state named once in
        // passing (`the New York governor`) does not make a town of it beat a city.
        if admin1 > 0.0 {
            bonus += 2.0 * admin1.min(3.0);
        }
        bonus
    }
}

/// The least score a reading needs: a town of a few thousand people with nothing in the
/// document for it is not a reading.
const MIN_SCORE: f32 = 8.0;
/// What a gazetteer's alternate spelling costs (`Tan` for Anchorage).
const ALTERNATE: f32 = 5.0;
/// What a division loses to the city of the same name that is its seat.
const DIVISION_SEAT: f32 = 4.0;
/// What a container written right after the name adds (`Paris, Texas`).
const ADJACENT: f32 = 12.0;

/// One toponym's readings.
struct Candidates {
    /// Each reading with its prior.
    entries: Vec<(Entry, f32)>,
    /// Readings through a seat of government (`the Kremlin` → Moscow): the place is a
    /// facility in that city.
    seats: Vec<Entry>,
    /// Toponyms written right after one of its mentions, after a comma (`Paris, Texas`).
    containers: Vec<usize>,
    pick: Option<Entry>,
}

/// Resolves the toponyms at `spans` (a name each, as given, not as the entity layer found
/// them) in the context of the document's other places: the gazetteer's reading of each, or
/// none. For scoring resolution alone on gold names.
pub(crate) fn resolve_spans(doc: &Document, g: &Gazetteer, spans: &[Span]) -> Vec<Option<(f32, f32)>> {
    let text = doc.text();
    let mut toponyms: Vec<Toponym> =
        toponyms(doc, g).into_iter().filter(|t| !t.mentions.iter().any(|m| spans.iter().any(|s| s.overlaps(*m)))).collect();
    // The gold names get entity ids past the document's own, so that no place of theirs is
    // taken for an entity's.
    let first = doc.entities.len();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let key = fold(&text[*s]);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    for (k, (_, members)) in groups.iter().enumerate() {
        toponyms.push(Toponym {
            entity: EntityId((first + k) as u32),
            name: text[spans[members[0]]].to_string(),
            kind: EntityType::Gpe,
            used_as: PlaceUse::Place,
            mentions: members.iter().map(|&i| spans[i]).collect(),
        });
    }
    let places = resolve(doc, g, &toponyms);
    let mut out = vec![None; spans.len()];
    for (k, (_, members)) in groups.iter().enumerate() {
        let entity = EntityId((first + k) as u32);
        if let Some(p) = places.iter().find(|p| p.entity == entity && p.precision != Precision::Approximate) {
            for &i in members {
                out[i] = Some((p.lat, p.lon));
            }
        }
    }
    out
}

/// Resolves toponyms against the gazetteer with the document's context.
pub(crate) fn resolve(doc: &Document, g: &Gazetteer, toponyms: &[Toponym]) -> Vec<Place> {
    let text = doc.text();
    let mut cands: Vec<Candidates> = toponyms.iter().map(|t| candidates(text, g, t)).collect();
    // Containers written next to a name: `Paris, Texas`, `Pandi, Bulacan`, `Austin, in Scott
    // County`.
    let starts: HashMap<u32, usize> = toponyms.iter().enumerate().flat_map(|(i, t)| t.mentions.iter().map(move |m| (m.start, i))).collect();
    let ends: HashMap<u32, usize> = toponyms.iter().enumerate().flat_map(|(i, t)| t.mentions.iter().map(move |m| (m.end, i))).collect();
    for (i, t) in toponyms.iter().enumerate() {
        for m in &t.mentions {
            let after = &text[m.end as usize..];
            if let Some(rest) = after.strip_prefix(", ").or_else(|| after.strip_prefix(",")) {
                // `Austin, in Scott County, Indiana`: the place after `in` is a container too.
                let rest = rest.strip_prefix("in ").unwrap_or(rest);
                let at = text.len() - rest.len();
                if let Some(&j) = starts.get(&(at as u32)) {
                    let next = toponyms[j].mentions.iter().find(|n| n.start as usize == at).map_or(at, |n| n.end as usize);
                    // `Washington, Pennsylvania and California`: a list, when the first name can
                    // be a division or country as the others are.
                    let peer = cands[i].entries.iter().any(|(e, _)| matches!(e, Entry::Country(_) | Entry::Admin1(_)))
                        && listed_after(text, &starts, next);
                    if j != i && !cands[i].containers.contains(&j) && !peer && !in_list(text, &starts, &ends, m.start, next) {
                        cands[i].containers.push(j);
                    }
                }
            }
        }
    }
    let (runs, member_of) = lists(text, toponyms);
    // For each toponym, those written the same way (itself included).
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in toponyms.iter().enumerate() {
        by_name.entry(t.name.as_str()).or_default().push(i);
    }
    let namesakes: Vec<&[usize]> = toponyms.iter().map(|t| by_name[t.name.as_str()].as_slice()).collect();
    // The countries of the document's people, organizations and groups.
    let mut base = Context::default();
    for e in doc.entities.iter().filter(|e| matches!(e.kind, EntityType::Person | EntityType::Org)) {
        if let Some(c) = e.country.as_deref().and_then(|c| g.alpha2(c)) {
            *base.countries.entry(c).or_default() += 0.5;
        }
    }
    // For each toponym, the toponyms written right before it (`Paris` for `Texas`).
    let mut contained: Vec<Vec<usize>> = vec![Vec::new(); cands.len()];
    for (k, c) in cands.iter().enumerate() {
        for &j in &c.containers {
            contained[j].push(k);
        }
    }
    for round in 0..3 {
        let mut context = Context { countries: base.countries.clone(), admin1: base.admin1.clone() };
        if round > 0 {
            for (t, c) in toponyms.iter().zip(&cands) {
                if let Some(p) = c.pick {
                    context.add(g, p, t.mentions.len().min(3) as f32);
                }
            }
        }
        // Each list's number of first-level divisions and of countries, as last read.
        let counts: Vec<[usize; 2]> = runs
            .iter()
            .map(|run| {
                let picks = || run.iter().filter_map(|&j| cands[j].pick);
                [picks().filter(|p| matches!(p, Entry::Admin1(_))).count(), picks().filter(|p| matches!(p, Entry::Country(_))).count()]
            })
            .collect();
        let picks: Vec<Option<Entry>> = (0..cands.len())
            .map(|i| {
                let c = &cands[i];
                let own: Vec<(Entry, f32)> = namesakes[i]
                    .iter()
                    .filter_map(|&j| Some((cands[j].pick?, toponyms[j].mentions.len().min(3) as f32)))
                    .collect();
                let kind = if round > 0 { list_kind(i, &member_of[i], &runs, &counts, &cands) } else { None };
                c.entries
                    .iter()
                    .map(|&(e, prior)| {
                        let mut score = prior;
                        if round > 0 {
                            score += context.bonus(g, e, &own);
                        }
                        if kind.is_some_and(|is| is(&e)) {
                            score += ADJACENT / 2.0;
                        }
                        for &j in &c.containers {
                            if cands[j].entries.iter().any(|&(outer, _)| g.contains(outer, e) && outer != e) {
                                score += ADJACENT;
                            }
                        }
                        // A container is the likelier where a name written before it lies in it.
                        for &k in &contained[i] {
                            if cands[k].entries.iter().any(|&(inner, _)| g.contains(e, inner) && inner != e) {
                                score += ADJACENT / 2.0;
                            }
                        }
                        (e, score)
                    })
                    .filter(|&(_, s)| s >= MIN_SCORE)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(e, _)| e)
            })
            .collect();
        for (c, p) in cands.iter_mut().zip(picks) {
            c.pick = p;
        }
    }

    let mut places = Vec::new();
    for (t, c) in toponyms.iter().zip(&cands) {
        if let Some(p) = c.pick.filter(|p| c.seats.contains(p)) {
            let mut p = place(g, t, p, Precision::City);
            p.name = t.name.clone();
            p.feature = Feature::Facility;
            p.geonames_id = None;
            places.push(p);
        } else if let Some(e) = c.pick {
            let mut p = place(g, t, e, Precision::Exact);
            // A base or airport the gazetteer holds as a populated place is still a facility.
            if t.kind == EntityType::Fac {
                p.feature = Feature::Facility;
            }
            places.push(p);
            if t.used_as == PlaceUse::Place {
                places.extend(directions(doc, g, t, e));
            }
        } else if let Some((container, precision)) = facility(doc, g, t, toponyms, &cands) {
            let mut p = place(g, t, container, precision);
            p.name = t.name.clone();
            p.feature = Feature::Facility;
            p.geonames_id = None;
            places.push(p);
        }
    }
    places.sort_by_key(|p| p.mentions.first().map(|m| m.start));
    places
}

/// The lists of places in the text (`Ohio, Virginia, Washington and Wyoming`: three or more
/// names joined by commas, `and` or `or`), each as its toponyms, and for each toponym the
/// lists it is in.
fn lists(text: &str, toponyms: &[Toponym]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut mentions: Vec<(Span, usize)> =
        toponyms.iter().enumerate().flat_map(|(i, t)| t.mentions.iter().map(move |&m| (m, i))).collect();
    mentions.sort_by_key(|(m, _)| m.start);
    let (mut runs, mut member_of) = (Vec::new(), vec![Vec::new(); toponyms.len()]);
    let mut first = 0;
    for k in 1..=mentions.len() {
        let joined = k < mentions.len() && {
            let (a, b) = (mentions[k - 1].0, mentions[k].0);
            a.end <= b.start && matches!(&text[a.end as usize..b.start as usize], ", " | " and " | ", and " | " or " | ", or ")
        };
        if joined {
            continue;
        }
        let mut run: Vec<usize> = mentions[first..k].iter().map(|&(_, i)| i).collect();
        run.sort_unstable();
        run.dedup();
        if run.len() >= 3 {
            for &i in &run {
                member_of[i].push(runs.len());
            }
            runs.push(run);
        }
        first = k;
    }
    (runs, member_of)
}

/// The kind of place (first-level division, country) most of a toponym's list fellows were
/// read as, when at least two and more than half of them were: a name in a list of states is
/// a state (`Virginia, Washington and Wyoming`), in a list of countries a country. `counts`
/// holds each list's number of each kind.
fn list_kind(i: usize, member_of: &[usize], runs: &[Vec<usize>], counts: &[[usize; 2]], cands: &[Candidates]) -> Option<fn(&Entry) -> bool> {
    let kinds: [fn(&Entry) -> bool; 2] = [|e| matches!(e, Entry::Admin1(_)), |e| matches!(e, Entry::Country(_))];
    let fellows: usize = member_of.iter().map(|&r| runs[r].len() - 1).sum();
    (0..2).find_map(|k| {
        let own = usize::from(cands[i].pick.is_some_and(|p| kinds[k](&p)));
        let n: usize = member_of.iter().map(|&r| counts[r][k] - own).sum();
        (n >= 2 && 2 * n > fellows).then_some(kinds[k])
    })
}

/// True when the names from byte `start` to byte `end` (`Washington, West Virginia`) stand
/// inside a list of places (`Virginia, Washington, West Virginia and Wyoming`): a place and
/// a comma before them, and a comma, `and` or `or` and a place after them. Then the comma
/// between them separates items; it does not put the first in the second.
fn in_list(text: &str, starts: &HashMap<u32, usize>, ends: &HashMap<u32, usize>, start: u32, end: usize) -> bool {
    let before = text[..start as usize].strip_suffix(", ");
    let listed_before = before.is_some_and(|b| ends.contains_key(&(b.len() as u32)));
    listed_before && listed_after(text, starts, end)
}

/// True when another toponym follows byte `end` after a comma, `and` or `or`.
fn listed_after(text: &str, starts: &HashMap<u32, usize>, end: usize) -> bool {
    let after = &text[end..];
    let rest = [", and ", ", or ", ", ", " and ", " or "].iter().find_map(|sep| after.strip_prefix(sep));
    rest.is_some_and(|r| starts.contains_key(&((text.len() - r.len()) as u32)))
}

/// The gazetteer rows a toponym's names may mean, each with its prior.
fn candidates(text: &str, g: &Gazetteer, t: &Toponym) -> Candidates {
    let mut entries: Vec<(Entry, f32)> = Vec::new();
    let mut folded = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut seats = Vec::new();
    // For each entry, how many of the names can mean it, and the last name that did.
    let (mut shared, mut named_by): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for m in &t.mentions {
        folded.clear();
        crate::resources::fold_into(&text[*m], &mut folded);
        if seen.contains(&folded) {
            continue;
        }
        seen.push(folded.clone());
        for n in g.r.lookup_folded(&folded) {
            let e = match (n.kind, t.used_as) {
                (NameKind::Demonym, PlaceUse::Demonym) => Entry::Country(n.id),
                (_, PlaceUse::Demonym) => continue,
                (NameKind::Seat, PlaceUse::Modifier) => continue,
                (NameKind::Country, _) => Entry::Country(n.id),
                (NameKind::Admin1, _) => Entry::Admin1(n.id),
                (NameKind::Admin2, _) => Entry::Admin2(n.id),
                (NameKind::City, _) => Entry::City(n.id),
                (NameKind::Continent, _) => Entry::Continent(n.id),
                (NameKind::Region, _) => Entry::Region(n.id),
                (NameKind::Seat, _) => match g.capital(&seat_country(g, n.id)) {
                    Some(c) => {
                        seats.push(c);
                        c
                    }
                    None => continue,
                },
                _ => continue,
            };
            // Short alternate spellings are too often words or initials.
            if !n.primary && folded.len() <= 3 {
                continue;
            }
            let prior = g.prior(e) - if n.primary { 0.0 } else { ALTERNATE };
            match entries.iter().position(|(x, _)| *x == e) {
                Some(k) => {
                    entries[k].1 = entries[k].1.max(prior);
                    // Counted once per name.
                    if named_by[k] < seen.len() {
                        named_by[k] = seen.len();
                        shared[k] += 1;
                    }
                }
                None => {
                    entries.push((e, prior));
                    named_by.push(seen.len());
                    shared.push(1);
                }
            }
        }
    }
    // Names of one entity that the text uses for the same place mean what they can all mean
    // (`Zaire` and `Democratic Republic of Congo`: the country, not an Angolan province).
    if seen.len() > 1 && shared.contains(&seen.len()) {
        let mut k = 0;
        entries.retain(|_| {
            k += 1;
            shared[k - 1] == seen.len()
        });
    }
    // A city that is the seat of a division of the same name (Tokyo, New York, Moscow, São
    // Paulo) is what the name means in news, more often than the division; so is a
    // country's capital named like one of its divisions (Washington). The division gives
    // way to the city, and to it alone.
    let cities = &g.r.tables.cities;
    let divisions_of_seats: Vec<Entry> = entries
        .iter()
        .filter(|&&(d, _)| {
            matches!(d, Entry::Admin1(_))
                && entries.iter().any(|&(e, _)| {
                    let Entry::City(i) = e else { return false };
                    match cities.get(i as usize).feature {
                        "PPLA" => g.contains(d, e),
                        "PPLC" => g.country_of(d) == g.country_of(e),
                        _ => false,
                    }
                })
        })
        .map(|(d, _)| *d)
        .collect();
    // A second-level division named for a town in it that is its seat or holds most of its
    // people (Palermo's province, a Brazilian municipality) is that town's surroundings: the
    // name means the town.
    let tables = &g.r.tables;
    let named_for_towns: Vec<Entry> = entries
        .iter()
        .filter(|&&(d, _)| {
            let Entry::Admin2(a) = d else { return false };
            entries.iter().any(|&(e, _)| {
                let Entry::City(i) = e else { return false };
                let city = tables.cities.get(i as usize);
                let main = u64::from(city.population) * 2 >= tables.admin2[a as usize].population;
                (main || matches!(city.feature, "PPLA" | "PPLA2" | "PPLC")) && g.contains(d, e)
            })
        })
        .map(|(d, _)| *d)
        .collect();
    entries.retain(|(d, _)| !named_for_towns.contains(d));
    // `Washington state`, `the province of Midlands`: the text says it is a division.
    let division = t.mentions.iter().any(|m| division_word_beside(text, *m));
    for (e, prior) in entries.iter_mut() {
        if divisions_of_seats.contains(e) {
            *prior -= DIVISION_SEAT;
        }
        if division && matches!(e, Entry::Admin1(_)) {
            *prior += ADJACENT / 2.0;
        }
    }
    Candidates { entries, seats, containers: Vec::new(), pick: None }
}

/// Words for a first-level division, in the singular and the plural.
const DIVISION_WORDS: &[&str] =
    &["state", "states", "province", "provinces", "region", "regions", "oblast", "governorate", "prefecture", "territory"];

/// True when a word for a first-level division stands right after the name (`Washington
/// state`, `the Midlands and Masvingo provinces`) or before it with `of` (`the state of
/// Washington`, `the provinces of Midlands and Masvingo`: the list's first name).
fn division_word_beside(text: &str, m: Span) -> bool {
    let after = text[m.end as usize..].strip_prefix(' ').unwrap_or("");
    let word = &after[..after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len())];
    if DIVISION_WORDS.contains(&word) {
        return true;
    }
    let before = text[..m.start as usize].strip_suffix(" of ").unwrap_or("");
    // The ASCII letters (a byte each) after the last other character, which may be several
    // bytes long (`the “state” of`).
    let letters = before.chars().rev().take_while(char::is_ascii_alphabetic).count();
    let word = &before[before.len() - letters..];
    DIVISION_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn seat_country(g: &Gazetteer, seat: u32) -> String {
    let alpha3 = &g.r.tables.seats[seat as usize].country;
    g.alpha2(alpha3).unwrap_or("").to_string()
}

/// The place a toponym resolves to.
fn place(g: &Gazetteer, t: &Toponym, e: Entry, precision: Precision) -> Place {
    let (lat, lon) = g.point(e);
    let feature = match e {
        Entry::Country(_) => Feature::Country,
        Entry::Admin1(_) => Feature::Admin1,
        Entry::Admin2(_) => Feature::Admin2,
        Entry::City(_) => Feature::City,
        Entry::Continent(_) => Feature::Continent,
        Entry::Region(i) => match g.r.tables.regions[i as usize].kind.as_str() {
            "sea" | "ocean" | "gulf" | "strait" => Feature::Water,
            "territory" => Feature::Territory,
            "historical" => Feature::Historical,
            _ => Feature::Region,
        },
    };
    Place {
        entity: t.entity,
        name: g.name(e).to_string(),
        feature,
        country: g.country_of(e).map(str::to_string),
        admin1: g.admin1_of(e).filter(|_| !matches!(e, Entry::Admin1(_))).map(|a| g.r.tables.admin1[a as usize].name.clone()),
        lat,
        lon,
        geonames_id: g.geonames_id(e),
        timezone: g.timezone(e).map(str::to_string),
        precision,
        used_as: t.used_as,
        mentions: t.mentions.clone(),
    }
}

/// Directions that make a part of a place, with where in its extent the part lies
/// (percentile index of latitude, of longitude: 0 = 20th, 1 = median, 2 = 80th).
const DIRECTIONS: &[(&str, usize, usize)] = &[
    ("northern", 2, 1),
    ("southern", 0, 1),
    ("eastern", 1, 2),
    ("western", 1, 0),
    ("central", 1, 1),
    ("northeastern", 2, 2),
    ("north-eastern", 2, 2),
    ("northwestern", 2, 0),
    ("north-western", 2, 0),
    ("southeastern", 0, 2),
    ("south-eastern", 0, 2),
    ("southwestern", 0, 0),
    ("south-western", 0, 0),
];

/// Compass points, which name divisions in some countries but open many names.
const COMPASS: &[&str] = &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];

/// Parts of a country or division named by a direction before it: `eastern Ukraine`.
fn directions(doc: &Document, g: &Gazetteer, t: &Toponym, e: Entry) -> Vec<Place> {
    let code = match e {
        Entry::Country(i) => g.r.tables.countries[i as usize].alpha2.clone(),
        Entry::Admin1(i) => g.r.tables.admin1[i as usize].code.clone(),
        _ => return Vec::new(),
    };
    let text = doc.text();
    let mut out: Vec<Place> = Vec::new();
    for m in &t.mentions {
        let i = doc.tokens.partition_point(|tok| tok.span.start < m.start);
        let Some(before) = i.checked_sub(1).map(|k| doc.tokens[k]) else { continue };
        let word = text[before.span].to_lowercase();
        let Some(&(direction, la, lo)) = DIRECTIONS.iter().find(|d| d.0 == word) else { continue };
        let Some(extent) = g.extent(&code) else { continue };
        let name = format!("{direction} {}", g.name(e));
        let span = Span { start: before.span.start, end: m.end };
        match out.iter_mut().find(|p| p.name == name) {
            Some(p) => p.mentions.push(span),
            None => {
                let mut p = place(g, t, e, Precision::Approximate);
                p.name = name;
                p.feature = Feature::Region;
                p.geonames_id = None;
                (p.lat, p.lon) = (extent.lat[la], extent.lon[lo]);
                p.mentions = vec![span];
                out.push(p);
            }
        }
    }
    out
}

/// Words that put a facility in the place after them: `Elmendorf Air Force Base, Alaska`,
/// `a camp near Goma`.
const CONTAINED_BY: &[&str] = &[",", "in", "near", "outside", "at", "of"];

/// The best containing place the text gives a facility the gazetteer lacks, with its
/// precision: a place written right after it, a place in its name, the nearest place in its
/// sentence.
fn facility(doc: &Document, g: &Gazetteer, t: &Toponym, toponyms: &[Toponym], cands: &[Candidates]) -> Option<(Entry, Precision)> {
    if t.kind != EntityType::Fac {
        return None;
    }
    let text = doc.text();
    let first = *t.mentions.first()?;
    let precision = |e: Entry| match e {
        Entry::City(_) => Some((e, Precision::City)),
        Entry::Admin1(_) => Some((e, Precision::Admin1)),
        Entry::Admin2(_) => Some((e, Precision::Admin2)),
        Entry::Country(_) => Some((e, Precision::Country)),
        _ => None,
    };
    let resolved = || {
        toponyms.iter().zip(cands).filter(|(o, _)| o.used_as == PlaceUse::Place).filter_map(|(o, c)| Some((o, c.pick?)))
    };
    // 1. A place written right after it: `, Alaska`, `in Anchorage`.
    let i = doc.tokens.partition_point(|tok| tok.span.start < first.end);
    let mut k = i;
    while k < doc.tokens.len() && k < i + 2 && CONTAINED_BY.contains(&&text[doc.tokens[k].span]) {
        k += 1;
    }
    if k > i && k < doc.tokens.len() {
        let at = doc.tokens[k].span.start;
        if let Some((_, e)) = resolved().find(|(o, _)| o.mentions.iter().any(|m| m.start == at)) {
            return precision(e);
        }
    }
    // 2. A place named inside its name (`Kabul airport`): a country or division, a city of
    //    50,000 or more, or a place the document resolved.
    let inside = doc.tokens.partition_point(|tok| tok.span.start < first.start)..i;
    let mut folded = String::new();
    for a in inside.clone() {
        for b in (a + 1..=inside.end.min(a + 4)).rev() {
            let span = Span { start: doc.tokens[a].span.start, end: doc.tokens[b - 1].span.end };
            folded.clear();
            crate::resources::fold_into(&text[span], &mut folded);
            let found = g.r.lookup_folded(&folded).filter(|n| n.primary).find_map(|n| match n.kind {
                NameKind::Country => Some(Entry::Country(n.id)),
                NameKind::Admin1 => Some(Entry::Admin1(n.id)),
                NameKind::City if g.r.tables.cities.population(n.id as usize) >= 50_000 => Some(Entry::City(n.id)),
                NameKind::City => resolved().map(|(_, e)| e).find(|&e| e == Entry::City(n.id)),
                _ => None,
            });
            if let Some(e) = found {
                return precision(e);
            }
        }
    }
    // 3. The nearest place in its sentence.
    let sentence = doc.sentences.iter().find(|s| s.span.contains(first))?.span;
    resolved()
        .filter(|(_, e)| precision(*e).is_some())
        .flat_map(|(o, e)| o.mentions.iter().filter(|m| sentence.contains(**m)).map(move |m| (m.start.abs_diff(first.start), e)))
        .min_by_key(|(d, _)| *d)
        .and_then(|(_, e)| precision(e))
}

/// Gives each local clock time (`11:30 a.m. local time`) its UTC value from the place nearest
/// it in its sentence, else from the document's most mentioned place with a time zone.
fn complete_utc(doc: &mut Document) {
    let zoned: Vec<(&Place, Span)> = doc
        .places
        .iter()
        .filter(|p| p.timezone.is_some() && p.used_as != PlaceUse::Demonym)
        .flat_map(|p| p.mentions.iter().map(move |&m| (p, m)))
        .collect();
    let main = doc
        .places
        .iter()
        .filter(|p| p.timezone.is_some() && p.used_as == PlaceUse::Place)
        .max_by_key(|p| (p.mentions.len(), p.feature != Feature::Country));
    let mut utc = Vec::new();
    for (i, t) in doc.times.iter().enumerate() {
        let local = t.kind == TimeType::Time && t.value.len() == 16 && !t.value.starts_with('X');
        if !local || t.utc.is_some() {
            continue;
        }
        let sentence = doc.sentences.iter().find(|s| s.span.contains(t.span)).map(|s| s.span);
        let near = zoned
            .iter()
            .filter(|(_, m)| sentence.is_some_and(|s| s.contains(*m)))
            .min_by_key(|(p, m)| (p.feature == Feature::Country, m.start.abs_diff(t.span.start)))
            .map(|(p, _)| *p);
        let zone = near.or(main).and_then(|p| p.timezone.as_deref());
        if let Some(v) = zone.and_then(|z| crate::times::to_utc(&t.value, z)) {
            utc.push((i, v));
        }
    }
    for (i, v) in utc {
        doc.times[i].utc = Some(v);
    }
}
