//! `dateline lookup NAME...`: what the name index knows about a name, for a person checking
//! why a word was (or was not) taken for a place, an organization or a person.

use std::io::Write;

use anyhow::Result;
use dateline::resources::{NameKind, NameRef, Resources};

/// How many cities of one name to list before summing up the rest.
const MAX_CITIES: usize = 8;

pub fn run(names: &[String], out: &mut impl Write) -> Result<()> {
    let r = Resources::shared().map_err(|e| anyhow::anyhow!("{e}"))?;
    for name in names {
        let mut refs = r.lookup(name);
        if refs.is_empty() {
            writeln!(out, "{name}: not in the name index")?;
            continue;
        }
        writeln!(out, "{name}:")?;
        // Cities by population, largest first; everything else in table order.
        refs.sort_by_key(|n| {
            let population = if n.kind == NameKind::City { r.tables.cities.get(n.id as usize).population } else { 0 };
            (n.kind, std::cmp::Reverse(population), n.id)
        });
        let cities = refs.iter().filter(|n| n.kind == NameKind::City).count();
        for n in refs.iter().filter(|n| n.kind != NameKind::City).chain(refs.iter().filter(|n| n.kind == NameKind::City).take(MAX_CITIES)) {
            writeln!(out, "  {}", describe(r, *n))?;
        }
        if cities > MAX_CITIES {
            writeln!(out, "  ... and {} smaller cities", cities - MAX_CITIES)?;
        }
    }
    Ok(())
}

fn describe(r: &Resources, n: NameRef) -> String {
    let t = &r.tables;
    let i = n.id as usize;
    let how = if n.primary { "" } else { " (alternate name)" };
    match n.kind {
        NameKind::Country => {
            let c = &t.countries[i];
            format!("country {} ({}, {}){how}", c.name, c.alpha2, c.alpha3)
        }
        NameKind::Demonym => format!("demonym of {} ({})", t.countries[i].name, t.countries[i].alpha3),
        NameKind::Admin1 => {
            let a = &t.admin1[i];
            format!("first-level division {} ({}), {:.2}, {:.2}, {}", a.name, a.code, a.lat, a.lon, a.timezone)
        }
        NameKind::Admin2 => {
            let a = &t.admin2[i];
            format!("second-level division {} ({}), population {}, {:.2}, {:.2}, {}", a.name, a.code, a.population, a.lat, a.lon, a.timezone)
        }
        NameKind::City => {
            let c = t.cities.get(i);
            format!(
                "city {} ({}.{}, {}), population {}, {:.2}, {:.2}, {}, GeoNames {}{how}",
                c.name, c.country, c.admin1, c.feature, c.population, c.lat, c.lon, c.timezone, c.geonameid
            )
        }
        NameKind::Continent => format!("continent {} ({}){how}", t.continents[i].name, t.continents[i].code),
        NameKind::Region => {
            let g = &t.regions[i];
            format!("{} {}, {:.2}, {:.2}, in {}", g.kind, g.name, g.lat, g.lon, g.countries.join(" "))
        }
        NameKind::Organization => {
            let o = &t.organizations[i];
            format!("organization {} ({}, CAMEO {})", o.name, o.kind, or_dash(&o.cameo))
        }
        NameKind::Seat => {
            let s = &t.seats[i];
            format!("seat of government {}: {} of {} (CAMEO {})", s.name, s.institution, s.country, or_dash(&s.cameo))
        }
        NameKind::Group => format!("group {} ({}, CAMEO {})", t.groups[i].name, t.groups[i].kind, or_dash(&t.groups[i].cameo)),
        NameKind::GivenName => {
            let (name, f) = &t.given_names[i];
            format!("given name {name} ({} of women, {} of men in the US census)", percent(f.female), percent(f.male))
        }
        NameKind::Surname => {
            let (name, f) = t.surnames.get(i);
            format!("surname {name} ({} of people in the US census)", percent(f))
        }
        NameKind::Title => format!("title {} ({}, sector {})", t.titles[i].title, t.titles[i].kind, or_dash(&t.titles[i].sector)),
        NameKind::Role => format!("role {} (sector {})", t.roles[i].role, or_dash(&t.roles[i].sector)),
        NameKind::ReportingVerb => format!("reporting verb {} ({})", t.reporting_verbs[i].lemma, t.reporting_verbs[i].kind),
        NameKind::Person => {
            let p = &t.people[i];
            let years = match (p.start, p.end) {
                (Some(s), Some(e)) => format!("{s}–{e}"),
                (Some(s), None) => format!("since {s}"),
                _ => "-".to_string(),
            };
            format!("person {}: {} of {} ({years}, sector {})", p.name, p.role, or_dash(&p.country), or_dash(&p.sector))
        }
    }
}

fn percent(p: f32) -> String {
    if p > 0.0 { format!("{p:.3}%") } else { "under 0.001%".to_string() }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}
