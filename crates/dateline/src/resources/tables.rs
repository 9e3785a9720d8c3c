//! The reference tables: one typed row per line of each data file.
//!
//! Generated files (`data/gen/`, from public packages by `data/build.py`) hold places,
//! names, tone and the CAMEO event table; team-written files (`data/lexicon/`) hold
//! organizations, seats of government, roles, titles, reporting verbs, regions and the
//! English names and demonyms of countries. Row order is the order of the files, and a
//! row's index is its id in the name index.

use std::borrow::Cow;
use std::collections::HashMap;

use super::tsv::Tsv;
use super::Source;
use crate::error::Error;

/// A country (ISO 3166-1).
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO alpha-2 code (`US`).
    pub alpha2: String,
    /// ISO alpha-3 code (`USA`), which is also its CAMEO actor code.
    pub alpha3: String,
    /// GeoNames id.
    pub geonameid: u32,
    /// English short name (`United States`).
    pub name: String,
    /// A representative point.
    pub lat: f32,
    /// A representative point.
    pub lon: f32,
    /// Population.
    pub population: u64,
    /// Continent code (`NA`).
    pub continent: String,
    /// The capital's name.
    pub capital: String,
    /// Adjectives (`American`), from the team's demonyms.
    pub adjectives: Vec<String>,
    /// Words for its people (`Americans`).
    pub people: Vec<String>,
    /// Names in other languages, `(language, name)`.
    pub names: Vec<(String, String)>,
    /// English variants (`U.S.`, `America`, `the States`).
    pub variants: Vec<String>,
}

/// A first-level division (a US state, a Russian oblast, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Admin1 {
    /// `US.AK`.
    pub code: String,
    /// Country alpha-2.
    pub country: String,
    /// The division's code within its country (`AK`).
    pub admin1: String,
    /// Its name.
    pub name: String,
    /// Its name without the word for its kind (`Midlands` for `Midlands Province`), where it
    /// has one and what is left is a name; else empty.
    pub short_name: String,
    /// The middle of its cities' extent.
    pub lat: f32,
    /// The middle of its cities' extent.
    pub lon: f32,
    /// The people in its cities of 1,000 or more.
    pub population: u64,
    /// The time zone most of its people live in.
    pub timezone: String,
    /// GeoNames id, where known.
    pub geonameid: Option<u32>,
    /// English variants news writes for it (`NSW`, `Calif.`, `D.C.`).
    pub variants: Vec<String>,
}

/// A second-level division (a county, a district, a province within a region).
#[derive(Clone, Debug, PartialEq)]
pub struct Admin2 {
    /// `GB.ENG.N7`: the country, the first-level division's code, its own code.
    pub code: String,
    /// Its name (`Surrey`, `Province of Laguna`).
    pub name: String,
    /// Its name without the word for its kind (`Laguna`), where it has one; else empty.
    pub short_name: String,
    /// The middle of its cities' extent.
    pub lat: f32,
    /// The middle of its cities' extent.
    pub lon: f32,
    /// The people in its cities of 1,000 or more.
    pub population: u64,
    /// The time zone most of its people live in.
    pub timezone: String,
}

impl Admin2 {
    /// Country alpha-2 (`GB`).
    pub fn country(&self) -> &str {
        self.code.split('.').next().unwrap_or("")
    }

    /// The code of the first-level division it lies in (`GB.ENG`), as [`Admin1::code`].
    pub fn admin1(&self) -> &str {
        self.code.rsplit_once('.').map_or("", |(a, _)| a)
    }
}

/// A GeoNames populated place of 1,000 people or more (a view into [`Cities`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct City<'a> {
    /// GeoNames id.
    pub geonameid: u32,
    /// Its name.
    pub name: &'a str,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
    /// Country alpha-2.
    pub country: &'a str,
    /// First-level division code within the country.
    pub admin1: &'a str,
    /// Second-level division code within the first-level division (empty: unknown).
    pub admin2: &'a str,
    /// Population.
    pub population: u32,
    /// GeoNames feature code: `PPLC` capital, `PPLA` seat of a first-level division, `PPL`...
    pub feature: &'a str,
    /// IANA time zone.
    pub timezone: &'a str,
}

/// A piece of a table's text: `start..start + len`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Piece {
    start: u32,
    len: u32,
}

impl Piece {
    fn of(text: &str, cell: &str) -> Piece {
        let start = cell.as_ptr() as usize - text.as_ptr() as usize;
        Piece { start: start as u32, len: cell.len() as u32 }
    }

    fn get(self, text: &str) -> &str {
        &text[self.start as usize..(self.start + self.len) as usize]
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct CityRow {
    geonameid: u32,
    lat: f32,
    lon: f32,
    population: u32,
    name: Piece,
    country: Piece,
    admin1: Piece,
    admin2: Piece,
    feature: Piece,
    timezone: Piece,
}

/// The cities table, kept as the text of its file plus one fixed-size row each that points
/// into it: 170,000 cities load with no allocation per city.
#[derive(Clone, Debug, Default)]
pub struct Cities {
    text: std::borrow::Cow<'static, str>,
    rows: Vec<CityRow>,
}

impl Cities {
    /// The city in row `i`.
    pub fn get(&self, i: usize) -> City<'_> {
        let r = &self.rows[i];
        let t = &self.text;
        City {
            geonameid: r.geonameid,
            name: r.name.get(t),
            lat: r.lat,
            lon: r.lon,
            country: r.country.get(t),
            admin1: r.admin1.get(t),
            admin2: r.admin2.get(t),
            population: r.population,
            feature: r.feature.get(t),
            timezone: r.timezone.get(t),
        }
    }

    /// City `i`'s population alone (asked of every city a word may name: no text is sliced).
    pub fn population(&self, i: usize) -> u32 {
        self.rows[i].population
    }

    /// How many cities there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every city, in row order.
    pub fn iter(&self) -> impl Iterator<Item = City<'_>> + '_ {
        (0..self.rows.len()).map(|i| self.get(i))
    }
}

/// Names with a frequency (the census surnames), kept as the text of their file plus one row
/// each that points into it.
#[derive(Clone, Debug, Default)]
pub struct NameList {
    text: std::borrow::Cow<'static, str>,
    rows: Vec<(Piece, f32)>,
}

impl NameList {
    /// The name in row `i` and its frequency in percent.
    pub fn get(&self, i: usize) -> (&str, f32) {
        let (p, f) = self.rows[i];
        (p.get(&self.text), f)
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every name and frequency, in row order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f32)> + '_ {
        (0..self.rows.len()).map(|i| self.get(i))
    }
}

/// A continent.
#[derive(Clone, Debug, PartialEq)]
pub struct Continent {
    /// `EU`, `AS`, ...
    pub code: String,
    /// English name.
    pub name: String,
    /// A representative point.
    pub lat: f32,
    /// A representative point.
    pub lon: f32,
    /// GeoNames id.
    pub geonameid: u32,
    /// Names in other languages.
    pub names: Vec<(String, String)>,
}

/// A named region, sea or territory (`Middle East`, `Black Sea`, `Donbas`).
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Its name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// region, sea, ocean, gulf, strait, territory.
    pub kind: String,
    /// A representative point.
    pub lat: f32,
    /// A representative point.
    pub lon: f32,
    /// Alpha-2 codes of the countries it spans.
    pub countries: Vec<String>,
}

/// An organization (`NATO`, `International Criminal Court`).
#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    /// Its name.
    pub name: String,
    /// Other names and abbreviations.
    pub aliases: Vec<String>,
    /// IGO, NGO, militant, party, agency, company, media.
    pub kind: String,
    /// CAMEO actor code.
    pub cameo: String,
    /// Alpha-3 of its country, for national bodies.
    pub country: String,
}

/// A seat of government used for its institution (`Kremlin`, `White House`).
#[derive(Clone, Debug, PartialEq)]
pub struct Seat {
    /// Its name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Alpha-3 of its country.
    pub country: String,
    /// The institution it stands for.
    pub institution: String,
    /// CAMEO actor code (`RUSGOV`).
    pub cameo: String,
}

/// A role or group noun and its CAMEO sector (`troops` → MIL).
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Canonical singular form.
    pub role: String,
    /// Every form (plurals, spellings).
    pub forms: Vec<String>,
    /// CAMEO sector code.
    pub sector: String,
    /// person, group, institution.
    pub kind: String,
}

/// A title or honorific before a name (`President`, `Sen.`).
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// Its full form.
    pub title: String,
    /// Abbreviations and other forms.
    pub variants: Vec<String>,
    /// honorific, political, military, religious, royal, judicial, academic.
    pub kind: String,
    /// CAMEO sector, where one applies.
    pub sector: String,
    /// `m`, `f` or empty.
    pub gender: String,
}

/// A reporting verb or cue phrase (`say`: said, says, ...; `according to`).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportingVerb {
    /// The lemma or phrase.
    pub lemma: String,
    /// Every inflected form.
    pub forms: Vec<String>,
    /// speech, writing, online, belief, report, phrase.
    pub kind: String,
    /// Takes the addressee as object before the content (`told reporters that`).
    pub takes_object: bool,
}

/// A word or phrase that expresses a political event, with its CAMEO code and how its actors
/// attach (`criticize` → 111; `ease` + `sanctions` → 085, target after `on`).
#[derive(Clone, Debug, PartialEq)]
pub struct EventCue {
    /// The lexicon's key (`ease sanctions`).
    pub cue: String,
    /// Every form of the cue word, some of several words (`call on`, `arrest warrant`).
    pub forms: Vec<String>,
    /// True for a noun (`invasion`), false for a verb.
    pub noun: bool,
    /// CAMEO event code.
    pub code: String,
    /// Words one of which must follow the cue closely for this reading (`sanctions`).
    pub object: Vec<String>,
    /// The prepositions that introduce the target (`with` for `meet`); none: the first actor
    /// after the cue.
    pub target: Vec<String>,
    /// Where a noun's source comes from when no actor is named: `place` for the people of
    /// the place the text names (`protests in Anchorage`).
    pub source_from_place: bool,
    /// The sector of the authority that does it when the text names no agent (`COP` for
    /// `arrest`: `he was arrested` is done by the police of the place), from the same column.
    pub agent: Option<String>,
    /// Words one of which, following closely, means the cue is used in another sense
    /// (`claimed` + `lives`, `fight` + `virus`).
    pub unless: Vec<String>,
}

/// A word that marks an organization name (`Inc.` after, `Ministry` at the head).
#[derive(Clone, Debug, PartialEq)]
pub struct OrgAffix {
    /// The word.
    pub word: String,
    /// `suffix` or `head`.
    pub position: String,
    /// company, government, court, party, ...
    pub kind: String,
}

/// A group that is not a country: a bloc, religion or ethnicity (`Kurds`, `Sunni`).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its name.
    pub name: String,
    /// Every form (adjective, plural).
    pub forms: Vec<String>,
    /// bloc, religion, ethnicity.
    pub kind: String,
    /// CAMEO code, where one exists.
    pub cameo: String,
}

/// A person in office: one tenure of one role (`Vladimir Putin`, president of RUS, 2012–).
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Full name as news writes it.
    pub name: String,
    /// Other spellings and full forms.
    pub aliases: Vec<String>,
    /// Alpha-3 of the country served (empty for international officials).
    pub country: String,
    /// The role (`president`, `foreign minister`).
    pub role: String,
    /// CAMEO sector code.
    pub sector: String,
    /// First year of the tenure.
    pub start: Option<i32>,
    /// Last year of the tenure; `None` while it goes on.
    pub end: Option<i32>,
}

impl Person {
    /// True when the tenure covers `year`.
    pub fn serves_in(&self, year: i32) -> bool {
        self.start.is_none_or(|s| s <= year) && self.end.is_none_or(|e| year <= e)
    }
}

/// A CAMEO event code with its scores.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoEvent {
    /// `111`.
    pub code: String,
    /// `Criticize or denounce`.
    pub name: String,
    /// Goldstein scale, -10 to +10.
    pub goldstein: Option<f32>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type (`ACCUSE`).
    pub plover: String,
    /// PLOVER mode, where defined.
    pub plover_mode: String,
    /// PLOVER context, where the code implies one (`military`, `economic`).
    pub plover_context: String,
}

/// A personal name's frequency in the US Census 1990 lists, in percent of people.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NameFrequency {
    /// As a female given name.
    pub female: f32,
    /// As a male given name.
    pub male: f32,
}

/// Every table, parsed.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    /// Countries, in `data/gen/countries.tsv` order.
    pub countries: Vec<Country>,
    /// First-level divisions.
    pub admin1: Vec<Admin1>,
    /// Second-level divisions.
    pub admin2: Vec<Admin2>,
    /// Cities.
    pub cities: Cities,
    /// Continents.
    pub continents: Vec<Continent>,
    /// Regions, seas and territories.
    pub regions: Vec<Region>,
    /// Organizations.
    pub organizations: Vec<Organization>,
    /// Seats of government.
    pub seats: Vec<Seat>,
    /// Role nouns.
    pub roles: Vec<Role>,
    /// Titles and honorifics.
    pub titles: Vec<Title>,
    /// Reporting verbs and cue phrases.
    pub reporting_verbs: Vec<ReportingVerb>,
    /// Words and phrases that express political events.
    pub event_cues: Vec<EventCue>,
    /// Organization heads and suffixes.
    pub org_affixes: Vec<OrgAffix>,
    /// Groups.
    pub groups: Vec<Group>,
    /// People in office, one row per tenure.
    pub people: Vec<Person>,
    /// Given names, with frequencies.
    pub given_names: Vec<(String, NameFrequency)>,
    /// Surnames, with frequencies in percent.
    pub surnames: NameList,
    /// Tone: mean valence of a word, -4 to +4 (VADER).
    pub tone: HashMap<String, f32>,
    /// CAMEO event codes.
    pub cameo_events: Vec<CameoEvent>,
    /// Each country's row by its alpha-2 and its alpha-3 code, made on first use.
    country_rows: std::sync::OnceLock<HashMap<String, u32>>,
    /// The rows of [`Tables::people`] by the last word of each name and alias, lower case,
    /// made on first use.
    people_by_last_word: std::sync::OnceLock<HashMap<String, Vec<u32>>>,
}

fn strings<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    it.map(str::to_string).collect()
}

fn languages<'a>(it: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    it.filter_map(|v| v.split_once('=')).map(|(l, n)| (l.to_string(), n.to_string())).collect()
}

impl Tables {
    /// The country with ISO alpha-2 (`US`) or alpha-3 (`USA`) code `code`.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_row(code).map(|i| &self.countries[i as usize])
    }

    /// The row in [`Tables::countries`] of the country with ISO alpha-2 or alpha-3 code `code`
    /// (the first such row).
    pub fn country_row(&self, code: &str) -> Option<u32> {
        if !(2..=3).contains(&code.len()) {
            return None;
        }
        let rows = self.country_rows.get_or_init(|| {
            let mut rows = HashMap::new();
            for (i, c) in self.countries.iter().enumerate().rev() {
                for code in [&c.alpha2, &c.alpha3] {
                    rows.insert(code.clone(), i as u32);
                }
            }
            rows
        });
        rows.get(code).copied().filter(|&i| {
            let c = &self.countries[i as usize];
            (if code.len() == 2 { &c.alpha2 } else { &c.alpha3 }) == code
        })
    }

    /// The people of the lexicon whose name or an alias ends in `word` (`Obama`: Barack
    /// Obama's tenures), any case.
    pub fn people_named(&self, word: &str) -> &[u32] {
        let rows = self.people_by_last_word.get_or_init(|| {
            let mut rows: HashMap<String, Vec<u32>> = HashMap::new();
            for (i, p) in self.people.iter().enumerate() {
                for name in std::iter::once(&p.name).chain(&p.aliases) {
                    if let Some(last) = name.rsplit(' ').next().filter(|_| name.contains(' ')) {
                        let row = rows.entry(last.to_lowercase()).or_default();
                        if row.last() != Some(&(i as u32)) {
                            row.push(i as u32);
                        }
                    }
                }
            }
            rows
        });
        rows.get(&word.to_lowercase()).map_or(&[], Vec::as_slice)
    }

    /// Parses every table from `source`.
    pub fn load(source: &Source) -> Result<Tables, Error> {
        // The one compressed table is inflated on another thread while the others are read.
        std::thread::scope(|scope| {
            let admin2 = scope.spawn(|| source.text("gen/admin2.tsv.gz"));
            let admin2 = || admin2.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let mut t = Tables::default();
            t.load_places(source, admin2)?;
            t.load_lexicons(source)?;
            t.load_names(source)?;
            Ok(t)
        })
    }

    /// The place tables; `admin2` gives the second-level divisions' file when they are due.
    fn load_places(&mut self, source: &Source, admin2: impl FnOnce() -> Result<(String, Cow<'static, str>), Error>) -> Result<(), Error> {
        let (file, text) = source.text("gen/countries.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (a2, a3, gid, name, lat, lon, pop, cont, cap, names) = (
            c("alpha2")?, c("alpha3")?, c("geonameid")?, c("name")?, c("lat")?, c("lon")?, c("population")?,
            c("continent")?, c("capital")?, c("names")?,
        );
        self.countries = tsv.map(|r| {
            Ok(Country {
                alpha2: r.get(a2).to_string(),
                alpha3: r.get(a3).to_string(),
                geonameid: r.required(gid)?,
                name: r.get(name).to_string(),
                lat: r.required(lat)?,
                lon: r.required(lon)?,
                population: r.required(pop)?,
                continent: r.get(cont).to_string(),
                capital: r.get(cap).to_string(),
                adjectives: Vec::new(),
                people: Vec::new(),
                names: languages(r.list(names)),
                variants: Vec::new(),
            })
        })?;

        let (file, text) = source.text("gen/admin1.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (code, country, admin1, name, short, lat, lon, pop, tz, gid) = (
            c("code")?, c("country")?, c("admin1")?, c("name")?, c("short_name")?, c("lat")?, c("lon")?,
            c("population")?, c("timezone")?, c("geonameid")?,
        );
        self.admin1 = tsv.map(|r| {
            Ok(Admin1 {
                code: r.get(code).to_string(),
                country: r.get(country).to_string(),
                admin1: r.get(admin1).to_string(),
                name: r.get(name).to_string(),
                short_name: r.get(short).to_string(),
                lat: r.required(lat)?,
                lon: r.required(lon)?,
                population: r.required(pop)?,
                timezone: r.get(tz).to_string(),
                geonameid: r.number(gid)?,
                variants: Vec::new(),
            })
        })?;

        let (file, text) = source.text("gen/cities.tsv")?;
        let rows = {
            let tsv = Tsv::parse(&file, &text)?;
            let c = |n| tsv.column(n);
            let (gid, name, lat, lon, country, admin1, admin2, pop, feature, tz) = (
                c("geonameid")?, c("name")?, c("lat")?, c("lon")?, c("country")?, c("admin1")?, c("admin2")?,
                c("population")?, c("feature")?, c("timezone")?,
            );
            let piece = |cell: &str| Piece::of(&text, cell);
            tsv.map(|r| {
                Ok(CityRow {
                    geonameid: r.required(gid)?,
                    lat: r.required(lat)?,
                    lon: r.required(lon)?,
                    population: r.required(pop)?,
                    name: piece(r.get(name)),
                    country: piece(r.get(country)),
                    admin1: piece(r.get(admin1)),
                    admin2: piece(r.get(admin2)),
                    feature: piece(r.get(feature)),
                    timezone: piece(r.get(tz)),
                })
            })?
        };
        self.cities = Cities { text, rows };

        let (file, text) = admin2()?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (code, name, short, lat, lon, pop, tz) =
            (c("code")?, c("name")?, c("short_name")?, c("lat")?, c("lon")?, c("population")?, c("timezone")?);
        self.admin2 = tsv.map(|r| {
            if r.get(code).split('.').count() != 3 {
                return Err(r.error("code is not country.admin1.admin2"));
            }
            Ok(Admin2 {
                code: r.get(code).to_string(),
                name: r.get(name).to_string(),
                short_name: r.get(short).to_string(),
                lat: r.required(lat)?,
                lon: r.required(lon)?,
                population: r.required(pop)?,
                timezone: r.get(tz).to_string(),
            })
        })?;

        let (file, text) = source.text("gen/continents.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (code, name, lat, lon, gid, names) =
            (c("code")?, c("name")?, c("lat")?, c("lon")?, c("geonameid")?, c("names")?);
        self.continents = tsv.map(|r| {
            Ok(Continent {
                code: r.get(code).to_string(),
                name: r.get(name).to_string(),
                lat: r.required(lat)?,
                lon: r.required(lon)?,
                geonameid: r.required(gid)?,
                names: languages(r.list(names)),
            })
        })?;

        let (file, text) = source.text("lexicon/regions.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (name, aliases, kind, lat, lon, countries) =
            (c("name")?, c("aliases")?, c("kind")?, c("lat")?, c("lon")?, c("countries")?);
        self.regions = tsv.map(|r| {
            Ok(Region {
                name: r.get(name).to_string(),
                aliases: strings(r.list(aliases)),
                kind: r.get(kind).to_string(),
                lat: r.required(lat)?,
                lon: r.required(lon)?,
                countries: strings(r.list(countries)),
            })
        })?;
        Ok(())
    }

    fn load_lexicons(&mut self, source: &Source) -> Result<(), Error> {
        // English variants and demonyms attach to the countries by alpha-2.
        let by_alpha2: HashMap<String, usize> =
            self.countries.iter().enumerate().map(|(i, c)| (c.alpha2.clone(), i)).collect();
        let countries = &mut self.countries;
        let (file, text) = source.text("lexicon/country_variants.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let (a2, variants) = (tsv.column("alpha2")?, tsv.column("variants")?);
        tsv.for_each(|r| {
            let i = *by_alpha2.get(r.get(a2)).ok_or_else(|| r.error("unknown country code"))?;
            countries[i].variants.extend(strings(r.list(variants)));
            Ok(())
        })?;
        let (file, text) = source.text("lexicon/demonyms.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let (a2, adjectives, people) = (tsv.column("alpha2")?, tsv.column("adjectives")?, tsv.column("people")?);
        tsv.for_each(|r| {
            let i = *by_alpha2.get(r.get(a2)).ok_or_else(|| r.error("unknown country code"))?;
            countries[i].adjectives.extend(strings(r.list(adjectives)));
            countries[i].people.extend(strings(r.list(people)));
            Ok(())
        })?;

        // English variants of first-level divisions attach by code, checked against the name.
        let by_code: HashMap<String, usize> = self.admin1.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
        let admin1 = &mut self.admin1;
        let (file, text) = source.text("lexicon/admin1_variants.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let (code, name, variants) = (tsv.column("division")?, tsv.column("name")?, tsv.column("variants")?);
        tsv.for_each(|r| {
            let i = *by_code.get(r.get(code)).ok_or_else(|| r.error("unknown division code"))?;
            if admin1[i].name != r.get(name) {
                return Err(r.error("the name is not the division's"));
            }
            admin1[i].variants.extend(strings(r.list(variants)));
            Ok(())
        })?;

        let (file, text) = source.text("lexicon/organizations.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (name, aliases, kind, cameo, country) = (c("name")?, c("aliases")?, c("kind")?, c("cameo")?, c("country")?);
        self.organizations = tsv.map(|r| {
            Ok(Organization {
                name: r.get(name).to_string(),
                aliases: strings(r.list(aliases)),
                kind: r.get(kind).to_string(),
                cameo: r.get(cameo).to_string(),
                country: r.get(country).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/seats.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (name, aliases, country, institution, cameo) =
            (c("name")?, c("aliases")?, c("country")?, c("institution")?, c("cameo")?);
        self.seats = tsv.map(|r| {
            Ok(Seat {
                name: r.get(name).to_string(),
                aliases: strings(r.list(aliases)),
                country: r.get(country).to_string(),
                institution: r.get(institution).to_string(),
                cameo: r.get(cameo).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/roles.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (role, forms, sector, kind) = (c("role")?, c("forms")?, c("sector")?, c("kind")?);
        self.roles = tsv.map(|r| {
            Ok(Role {
                role: r.get(role).to_string(),
                forms: strings(r.list(forms)),
                sector: r.get(sector).to_string(),
                kind: r.get(kind).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/titles.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (title, variants, kind, sector, gender) =
            (c("title")?, c("variants")?, c("kind")?, c("sector")?, c("gender")?);
        self.titles = tsv.map(|r| {
            Ok(Title {
                title: r.get(title).to_string(),
                variants: strings(r.list(variants)),
                kind: r.get(kind).to_string(),
                sector: r.get(sector).to_string(),
                gender: r.get(gender).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/reporting_verbs.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (lemma, forms, kind, object) = (c("lemma")?, c("forms")?, c("kind")?, c("object")?);
        self.reporting_verbs = tsv.map(|r| {
            Ok(ReportingVerb {
                lemma: r.get(lemma).to_string(),
                forms: strings(r.list(forms)),
                kind: r.get(kind).to_string(),
                takes_object: r.get(object) == "yes",
            })
        })?;

        let (file, text) = source.text("lexicon/event_cues.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (cue, forms, part, code, object, target, from, unless) =
            (c("cue")?, c("forms")?, c("part")?, c("code")?, c("object")?, c("target")?, c("source")?, c("unless")?);
        self.event_cues = tsv.map(|r| {
            Ok(EventCue {
                cue: r.get(cue).to_string(),
                forms: strings(r.list(forms)),
                noun: r.get(part) == "noun",
                code: r.get(code).to_string(),
                object: strings(r.list(object)),
                target: strings(r.list(target)),
                source_from_place: r.get(from) == "place",
                agent: Some(r.get(from)).filter(|s| !s.is_empty() && *s != "place").map(str::to_string),
                unless: strings(r.list(unless)),
            })
        })?;

        let (file, text) = source.text("lexicon/org_affixes.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (word, position, kind) = (c("word")?, c("position")?, c("kind")?);
        self.org_affixes = tsv.map(|r| {
            Ok(OrgAffix {
                word: r.get(word).to_string(),
                position: r.get(position).to_string(),
                kind: r.get(kind).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/groups.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (name, forms, kind, cameo) = (c("name")?, c("forms")?, c("kind")?, c("cameo")?);
        self.groups = tsv.map(|r| {
            Ok(Group {
                name: r.get(name).to_string(),
                forms: strings(r.list(forms)),
                kind: r.get(kind).to_string(),
                cameo: r.get(cameo).to_string(),
            })
        })?;

        let (file, text) = source.text("lexicon/people.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (name, aliases, country, role, sector, start, end) =
            (c("name")?, c("aliases")?, c("country")?, c("role")?, c("sector")?, c("start")?, c("end")?);
        self.people = tsv.map(|r| {
            Ok(Person {
                name: r.get(name).to_string(),
                aliases: strings(r.list(aliases)),
                country: r.get(country).to_string(),
                role: r.get(role).to_string(),
                sector: r.get(sector).to_string(),
                start: r.number(start)?,
                end: r.number(end)?,
            })
        })?;

        let (file, text) = source.text("gen/cameo_events.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let c = |n| tsv.column(n);
        let (code, name, goldstein, quad, plover, mode, context) = (
            c("code")?,
            c("name")?,
            c("goldstein")?,
            c("quad_class")?,
            c("plover")?,
            c("plover_mode")?,
            c("plover_context")?,
        );
        self.cameo_events = tsv.map(|r| {
            Ok(CameoEvent {
                code: r.get(code).to_string(),
                name: r.get(name).to_string(),
                goldstein: r.number(goldstein)?,
                quad_class: r.required(quad)?,
                plover: r.get(plover).to_string(),
                plover_mode: r.get(mode).to_string(),
                plover_context: r.get(context).to_string(),
            })
        })?;

        let (file, text) = source.text("gen/tone.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let (token, valence) = (tsv.column("token")?, tsv.column("valence")?);
        let tone = &mut self.tone;
        tsv.for_each(|r| {
            tone.insert(r.get(token).to_string(), r.required(valence)?);
            Ok(())
        })?;
        Ok(())
    }

    fn load_names(&mut self, source: &Source) -> Result<(), Error> {
        let (file, text) = source.text("gen/given_names.tsv")?;
        let tsv = Tsv::parse(&file, &text)?;
        let (name, gender, percent) = (tsv.column("name")?, tsv.column("gender")?, tsv.column("percent")?);
        // The file is sorted by name, so a name's female and male rows are neighbours.
        let given = &mut self.given_names;
        tsv.for_each(|r| {
            let p: f32 = r.required(percent)?;
            if given.last().is_none_or(|(n, _)| n != r.get(name)) {
                given.push((r.get(name).to_string(), NameFrequency::default()));
            }
            let freq = &mut given.last_mut().expect("just pushed").1;
            match r.get(gender) {
                "f" => freq.female = p,
                "m" => freq.male = p,
                _ => return Err(r.error("gender is neither f nor m")),
            }
            Ok(())
        })?;
        let (file, text) = source.text("gen/surnames.tsv")?;
        let rows = {
            let tsv = Tsv::parse(&file, &text)?;
            let (name, percent) = (tsv.column("name")?, tsv.column("percent")?);
            tsv.map(|r| Ok((Piece::of(&text, r.get(name)), r.required(percent)?)))?
        };
        self.surnames = NameList { text, rows };
        Ok(())
    }
}
