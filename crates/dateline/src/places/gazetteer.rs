//! The gazetteer as the place stage sees it: entries (countries, first- and second-level
//! divisions, cities, continents, regions) with their containment, prior, point and time
//! zone.
//!
//! Everything here is a view over the shared [`Resources`], plus a few maps built once
//! (countries by code, divisions by code, capitals) and, on first need, the extent of every
//! country and first-level division (for `eastern Ukraine`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::resources::{FxBuild, Resources};

/// One gazetteer entry: a row of one of the place tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    Country(u32),
    Admin1(u32),
    Admin2(u32),
    City(u32),
    Continent(u32),
    Region(u32),
}

/// Where a country's or division's cities lie: the 20th, 50th and 80th percentiles of their
/// latitudes and longitudes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Extent {
    pub lat: [f32; 3],
    pub lon: [f32; 3],
}

/// The place tables with the maps the place stage needs.
pub(crate) struct Gazetteer {
    pub r: &'static Resources,
    alpha3: HashMap<&'static str, &'static str>,
    admin1: HashMap<&'static str, u32>,
    admin2: HashMap<&'static str, u32>,
    capital: HashMap<&'static str, u32>,
    extents: OnceLock<HashMap<String, Extent>>,
}

impl Gazetteer {
    /// The gazetteer over the process-wide resources, built on first use.
    pub fn shared(r: &'static Resources) -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| Gazetteer::new(r))
    }

    fn new(r: &'static Resources) -> Gazetteer {
        let t = &r.tables;
        let alpha3 = t.countries.iter().map(|c| (c.alpha3.as_str(), c.alpha2.as_str())).collect();
        let admin1 = t.admin1.iter().enumerate().map(|(i, a)| (a.code.as_str(), i as u32)).collect();
        let admin2 = t.admin2.iter().enumerate().map(|(i, a)| (a.code.as_str(), i as u32)).collect();
        let mut capital: HashMap<&str, u32> = HashMap::new();
        for (i, c) in t.cities.iter().enumerate().filter(|(_, c)| c.feature == "PPLC") {
            let best = capital.entry(c.country).or_insert(i as u32);
            if t.cities.population(*best as usize) < c.population {
                *best = i as u32;
            }
        }
        Gazetteer { r, alpha3, admin1, admin2, capital, extents: OnceLock::new() }
    }

    /// The alpha-2 code for an alpha-3 code (`USA` → `US`).
    pub fn alpha2(&self, alpha3: &str) -> Option<&'static str> {
        self.alpha3.get(alpha3).copied()
    }

    /// The capital city of a country.
    pub fn capital(&self, alpha2: &str) -> Option<Entry> {
        self.capital.get(alpha2).map(|&i| Entry::City(i))
    }

    /// The entry's name.
    pub fn name(&self, e: Entry) -> &'static str {
        let t = &self.r.tables;
        match e {
            Entry::Country(i) => &t.countries[i as usize].name,
            Entry::Admin1(i) => &t.admin1[i as usize].name,
            Entry::Admin2(i) => &t.admin2[i as usize].name,
            Entry::City(i) => t.cities.get(i as usize).name,
            Entry::Continent(i) => &t.continents[i as usize].name,
            Entry::Region(i) => &t.regions[i as usize].name,
        }
    }

    /// The alpha-2 code of the country the entry lies in (a region: when it lies in one).
    pub fn country_of(&self, e: Entry) -> Option<&'static str> {
        let t = &self.r.tables;
        match e {
            Entry::Country(i) => Some(&t.countries[i as usize].alpha2),
            Entry::Admin1(i) => Some(&t.admin1[i as usize].country),
            Entry::Admin2(i) => Some(t.admin2[i as usize].country()),
            Entry::City(i) => Some(t.cities.get(i as usize).country),
            Entry::Continent(_) => None,
            Entry::Region(i) => match t.regions[i as usize].countries.as_slice() {
                [one] => Some(one),
                _ => None,
            },
        }
    }

    /// The first-level division the entry is or lies in.
    pub fn admin1_of(&self, e: Entry) -> Option<u32> {
        match e {
            Entry::Admin1(i) => Some(i),
            Entry::Admin2(i) => self.admin1.get(self.r.tables.admin2[i as usize].admin1()).copied(),
            Entry::City(i) => {
                let c = self.r.tables.cities.get(i as usize);
                division(&self.admin1, &[c.country, c.admin1])
            }
            _ => None,
        }
    }

    /// The second-level division the entry is or lies in.
    pub fn admin2_of(&self, e: Entry) -> Option<u32> {
        match e {
            Entry::Admin2(i) => Some(i),
            Entry::City(i) => {
                let c = self.r.tables.cities.get(i as usize);
                division(&self.admin2, &[c.country, c.admin1, c.admin2])
            }
            _ => None,
        }
    }

    /// True when `inner` lies in `outer` (or is it).
    pub fn contains(&self, outer: Entry, inner: Entry) -> bool {
        if outer == inner {
            return true;
        }
        match outer {
            Entry::Country(_) => {
                !matches!(inner, Entry::Country(_)) && self.country_of(inner).is_some() && self.country_of(inner) == self.country_of(outer)
            }
            Entry::Admin1(i) => matches!(inner, Entry::City(_) | Entry::Admin2(_)) && self.admin1_of(inner) == Some(i),
            Entry::Admin2(i) => matches!(inner, Entry::City(_)) && self.admin2_of(inner) == Some(i),
            Entry::Continent(i) => {
                let code = &self.r.tables.continents[i as usize].code;
                match inner {
                    Entry::Country(c) => self.r.tables.countries[c as usize].continent == *code,
                    _ => false,
                }
            }
            Entry::Region(i) => match inner {
                Entry::Country(c) => self.r.tables.regions[i as usize].countries.contains(&self.r.tables.countries[c as usize].alpha2),
                _ => false,
            },
            Entry::City(_) => false,
        }
    }

    /// The entry's point.
    pub fn point(&self, e: Entry) -> (f32, f32) {
        let t = &self.r.tables;
        match e {
            Entry::Country(i) => (t.countries[i as usize].lat, t.countries[i as usize].lon),
            Entry::Admin1(i) => (t.admin1[i as usize].lat, t.admin1[i as usize].lon),
            Entry::Admin2(i) => (t.admin2[i as usize].lat, t.admin2[i as usize].lon),
            Entry::City(i) => {
                let c = t.cities.get(i as usize);
                (c.lat, c.lon)
            }
            Entry::Continent(i) => (t.continents[i as usize].lat, t.continents[i as usize].lon),
            Entry::Region(i) => (t.regions[i as usize].lat, t.regions[i as usize].lon),
        }
    }

    /// The entry's GeoNames id, where it comes from GeoNames.
    pub fn geonames_id(&self, e: Entry) -> Option<u32> {
        let t = &self.r.tables;
        match e {
            Entry::Country(i) => Some(t.countries[i as usize].geonameid),
            Entry::Admin1(i) => t.admin1[i as usize].geonameid,
            Entry::Admin2(_) => None,
            Entry::City(i) => Some(t.cities.get(i as usize).geonameid),
            Entry::Continent(i) => Some(t.continents[i as usize].geonameid),
            Entry::Region(_) => None,
        }
    }

    /// The entry's time zone: a city's own, a division's most common, a country's capital's.
    pub fn timezone(&self, e: Entry) -> Option<&'static str> {
        let t = &self.r.tables;
        match e {
            Entry::City(i) => Some(t.cities.get(i as usize).timezone).filter(|z| !z.is_empty()),
            Entry::Admin1(i) => Some(t.admin1[i as usize].timezone.as_str()).filter(|z| !z.is_empty()),
            Entry::Admin2(i) => Some(t.admin2[i as usize].timezone.as_str()).filter(|z| !z.is_empty()),
            Entry::Country(i) => self.capital(&t.countries[i as usize].alpha2).and_then(|c| self.timezone(c)),
            Entry::Continent(_) | Entry::Region(_) => None,
        }
    }

    /// How likely the name means this entry before any context is read: the log of its
    /// population, with more for countries, divisions (less for second-level ones), capitals
    /// and seats of divisions.
    pub fn prior(&self, e: Entry) -> f32 {
        let t = &self.r.tables;
        let ln = |p: u64| ((p + 1) as f32).ln();
        match e {
            Entry::Country(i) => ln(t.countries[i as usize].population) + 6.0,
            Entry::Admin1(i) => ln(t.admin1[i as usize].population) + 3.0,
            Entry::Admin2(i) => ln(t.admin2[i as usize].population) + 1.0,
            Entry::City(i) => {
                let c = t.cities.get(i as usize);
                ln(u64::from(c.population))
                    + match c.feature {
                        "PPLC" => 3.0,
                        "PPLA" => 1.5,
                        "PPLA2" => 0.5,
                        _ => 0.0,
                    }
            }
            Entry::Continent(_) => 24.0,
            Entry::Region(_) => 20.0,
        }
    }

    /// The extent of a country (by alpha-2) or a division (by `CC.code`), from its cities.
    pub fn extent(&self, code: &str) -> Option<Extent> {
        self.extents.get_or_init(|| self.extents()).get(code).copied()
    }

    fn extents(&self) -> HashMap<String, Extent> {
        // Keyed by the borrowed codes while gathering (one entry per country and division,
        // not two strings per city); the codes become strings once, at the end.
        type Points = (Vec<f32>, Vec<f32>);
        let mut points: HashMap<(&str, Option<&str>), Points, FxBuild> = HashMap::default();
        for c in self.r.tables.cities.iter() {
            for key in [(c.country, None), (c.country, Some(c.admin1))] {
                let (lats, lons) = points.entry(key).or_default();
                lats.push(c.lat);
                lons.push(c.lon);
            }
        }
        // The values at the 20th, 50th and 80th percentile positions of the sorted points,
        // each selected in linear time (as a sort would place them, without the sort).
        let percentiles = |v: &mut Vec<f32>| {
            let mut at = |q: usize| {
                let k = (v.len() - 1) * q / 10;
                *v.select_nth_unstable_by(k, f32::total_cmp).1
            };
            [at(2), at(5), at(8)]
        };
        points
            .into_iter()
            .map(|((country, admin1), (mut lats, mut lons))| {
                let key = admin1.map_or_else(|| country.to_string(), |a| format!("{country}.{a}"));
                (key, Extent { lat: percentiles(&mut lats), lon: percentiles(&mut lons) })
            })
            .collect()
    }
}

/// The row of a division by its code's parts (`GB`, `ENG`, `N7` for `GB.ENG.N7`), looked up
/// without allocating; `None` when a part is empty (the city's division is not known).
fn division(rows: &HashMap<&'static str, u32>, parts: &[&str]) -> Option<u32> {
    let mut key = [0u8; 48];
    let mut n = 0;
    for (k, part) in parts.iter().enumerate() {
        if part.is_empty() || n + part.len() + 1 > key.len() {
            return None;
        }
        if k > 0 {
            key[n] = b'.';
            n += 1;
        }
        key[n..n + part.len()].copy_from_slice(part.as_bytes());
        n += part.len();
    }
    rows.get(std::str::from_utf8(&key[..n]).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisions_are_found_by_the_parts_of_their_code() {
        let rows: HashMap<&'static str, u32> = [("GB.ENG", 0), ("GB.ENG.N7", 1)].into_iter().collect();
        assert_eq!(division(&rows, &["GB", "ENG"]), Some(0));
        assert_eq!(division(&rows, &["GB", "ENG", "N7"]), Some(1));
        // An unknown division (an empty part) is none, not its parent.
        assert_eq!(division(&rows, &["GB", "ENG", ""]), None);
        assert_eq!(division(&rows, &["GB", &"X".repeat(60)]), None);
    }
}
