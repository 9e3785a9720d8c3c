//! The reference data compiled into the program: real facts looked up through the name
//! index, and clear errors for missing, corrupt and stale files.

use std::path::{Path, PathBuf};

use dateline::resources::{NameKind, NameRef, Resources};

fn resources() -> &'static Resources {
    Resources::shared().expect("the embedded data loads")
}

fn refs(name: &str, kind: NameKind) -> Vec<NameRef> {
    resources().lookup(name).into_iter().filter(|r| r.kind == kind).collect()
}

#[test]
fn anchorage_is_the_alaskan_city() {
    let r = resources();
    let anchorage = refs("Anchorage", NameKind::City)
        .into_iter()
        .map(|c| r.tables.cities.get(c.id as usize))
        .max_by_key(|c| c.population)
        .expect("Anchorage is a city");
    assert_eq!((anchorage.country, anchorage.admin1), ("US", "AK"));
    assert!((anchorage.lat - 61.22).abs() < 0.01 && (anchorage.lon + 149.90).abs() < 0.01);
    assert_eq!(anchorage.timezone, "America/Anchorage");
    assert_eq!(anchorage.geonameid, 5879400);
}

#[test]
fn demonyms_and_variants_name_countries() {
    let r = resources();
    let country = |name: &str, kind| -> Vec<&str> {
        refs(name, kind).iter().map(|c| r.tables.countries[c.id as usize].alpha3.as_str()).collect()
    };
    assert_eq!(country("Russian", NameKind::Demonym), ["RUS"]);
    assert_eq!(country("Ukrainians", NameKind::Demonym), ["UKR"]);
    assert_eq!(country("American", NameKind::Demonym), ["USA"]);
    for variant in ["U.S.", "USA", "America", "United States", "the States"] {
        assert_eq!(country(variant, NameKind::Country), ["USA"], "{variant}");
    }
    for (variant, alpha3) in [("Britain", "GBR"), ("UK", "GBR"), ("Czechia", "CZE"), ("Ivory Coast", "CIV")] {
        assert_eq!(country(variant, NameKind::Country), [alpha3], "{variant}");
    }
    // Names in other languages.
    assert_eq!(country("Russland", NameKind::Country), ["RUS"]);
    assert_eq!(country("Україна", NameKind::Country), ["UKR"]);
}

#[test]
fn the_kremlin_is_russias_government() {
    let r = resources();
    let seats = refs("Kremlin", NameKind::Seat);
    assert_eq!(seats.len(), 1);
    let seat = &r.tables.seats[seats[0].id as usize];
    assert_eq!((seat.country.as_str(), seat.cameo.as_str()), ("RUS", "RUSGOV"));
}

#[test]
fn kyiv_and_kiev_are_one_city() {
    let r = resources();
    let biggest = |name: &str| {
        refs(name, NameKind::City)
            .into_iter()
            .max_by_key(|c| r.tables.cities.get(c.id as usize).population)
            .map(|c| (c.id, c.primary))
    };
    let (kyiv, primary) = biggest("Kyiv").unwrap();
    assert!(primary);
    assert_eq!(biggest("Kiev").map(|(id, _)| id), Some(kyiv));
    assert_eq!(biggest("Киев").map(|(id, _)| id), Some(kyiv));
    assert_eq!(r.tables.cities.get(kyiv as usize).country, "UA");
}

#[test]
fn georgia_is_a_country_and_a_state() {
    let r = resources();
    let kinds: Vec<NameKind> = resources().lookup("Georgia").iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&NameKind::Country) && kinds.contains(&NameKind::Admin1), "{kinds:?}");
    let state = refs("Georgia", NameKind::Admin1)[0];
    assert_eq!(r.tables.admin1[state.id as usize].code, "US.GA");
}

#[test]
fn surrey_is_a_county_and_a_city() {
    let r = resources();
    let county = refs("Surrey", NameKind::Admin2);
    assert_eq!(county.len(), 1, "{county:?}");
    let county = &r.tables.admin2[county[0].id as usize];
    assert_eq!((county.code.as_str(), county.country(), county.admin1()), ("GB.ENG.N7", "GB", "GB.ENG"));
    assert!(county.population > 500_000, "{county:?}");
    assert_eq!(county.timezone, "Europe/London");
    assert!(refs("Surrey", NameKind::City).iter().any(|c| r.tables.cities.get(c.id as usize).country == "CA"));
    // A division named with a word for its kind is also found by its name alone.
    let province = refs("Pampanga", NameKind::Admin2);
    assert_eq!(province.len(), 1, "{province:?}");
    let province = &r.tables.admin2[province[0].id as usize];
    assert_eq!((province.name.as_str(), province.short_name.as_str(), province.country()), ("Province of Pampanga", "Pampanga", "PH"));
    let cook = refs("Cook County", NameKind::Admin2);
    assert!(cook.iter().any(|c| r.tables.admin2[c.id as usize].admin1() == "US.IL"), "{cook:?}");
    // A US county's bare name is more often a person's or a town's.
    assert!(refs("Cook", NameKind::Admin2).iter().all(|c| r.tables.admin2[c.id as usize].country() != "US"));
    // A city knows its county.
    let guildford = refs("Guildford", NameKind::City).into_iter().map(|c| r.tables.cities.get(c.id as usize)).find(|c| c.country == "GB");
    assert_eq!(guildford.map(|c| (c.admin1, c.admin2)), Some(("ENG", "N7")));
}

#[test]
fn interface_words_are_not_places() {
    let place_kinds = [NameKind::Country, NameKind::Admin1, NameKind::Admin2, NameKind::City, NameKind::Continent, NameKind::Region];
    for word in ["Select", "Language", "Select Language"] {
        let places: Vec<NameRef> =
            resources().lookup(word).into_iter().filter(|r| place_kinds.contains(&r.kind)).collect();
        assert!(places.is_empty(), "{word}: {places:?}");
    }
}

#[test]
fn lexicons_hold_what_later_stages_need() {
    let r = resources();
    let title = refs("Foreign Minister", NameKind::Title);
    assert!(!title.is_empty());
    let troops = refs("troops", NameKind::Role);
    assert_eq!(r.tables.roles[troops[0].id as usize].sector, "MIL");
    let said = refs("said", NameKind::ReportingVerb);
    assert_eq!(r.tables.reporting_verbs[said[0].id as usize].lemma, "say");
    let nato = refs("NATO", NameKind::Organization);
    assert!(r.tables.organizations[nato[0].id as usize].cameo.starts_with("IGO"));
    assert!(!refs("Middle East", NameKind::Region).is_empty());
    assert!(!refs("Vladimir", NameKind::GivenName).is_empty() || !refs("John", NameKind::GivenName).is_empty());
    assert!(!refs("Smith", NameKind::Surname).is_empty());
    assert_eq!(r.tables.tone.get("good").copied(), Some(1.9));
    let criticize = r.tables.cameo_events.iter().find(|e| e.code == "111").unwrap();
    assert_eq!((criticize.quad_class, criticize.plover.as_str(), criticize.goldstein), (3, "ACCUSE", Some(-2.0)));
    assert_eq!(r.tables.cameo_events.iter().filter(|e| e.code.len() == 2).count(), 20);
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// A copy of `data/` in a scratch folder, with `edit` applied to one file.
fn damaged_copy(name: &str, file: &str, edit: impl FnOnce(Vec<u8>) -> Option<Vec<u8>>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-data-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["gen", "lexicon", "index"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(data_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let rel = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            if rel == "gen/city_names.tsv" {
                continue; // only the index compiler reads it
            }
            std::fs::copy(&path, dir.join(&rel)).unwrap();
        }
    }
    let target = dir.join(file);
    match edit(std::fs::read(&target).unwrap()) {
        Some(bytes) => std::fs::write(&target, bytes).unwrap(),
        None => std::fs::remove_file(&target).unwrap(),
    }
    dir
}

#[test]
fn a_data_folder_loads_like_the_embedded_copy() {
    let dir = damaged_copy("intact", "gen/tone.tsv", Some);
    let loaded = Resources::from_dir(&dir).unwrap();
    assert_eq!(loaded.tables.cities.len(), resources().tables.cities.len());
    assert_eq!(loaded.lookup("Anchorage"), resources().lookup("Anchorage"));
}

#[test]
fn damaged_data_is_a_clear_error_naming_the_file() {
    type Edit = Box<dyn FnOnce(Vec<u8>) -> Option<Vec<u8>>>;
    let cases: [(&str, &str, Edit, &str); 6] = [
        ("missing", "lexicon/seats.tsv", Box::new(|_| None), "seats.tsv"),
        ("not-gzip", "gen/admin2.tsv.gz", Box::new(|b| Some(b[..b.len() / 2].to_vec())), "admin2.tsv.gz: not gzip'd UTF-8"),
        ("not-utf8", "gen/countries.tsv", Box::new(|mut b| { b[100] = 0xFF; Some(b) }), "countries.tsv: not UTF-8"),
        ("bad-row", "gen/admin1.tsv", Box::new(|mut b| { b.extend_from_slice(b"XX.1\tXX\n"); Some(b) }), "admin1.tsv, line"),
        ("truncated-index", "index/names.fst", Box::new(|b| Some(b[..b.len() / 2].to_vec())), "corrupt"),
        ("stale-index", "lexicon/titles.tsv", Box::new(|mut b| { b.extend_from_slice(b"Grand Vizier\t\tpolitical\tGOV\t\n"); Some(b) }), "rebuild"),
    ];
    for (name, file, edit, message) in cases {
        let dir = damaged_copy(name, file, edit);
        let err = Resources::from_dir(&dir).err().unwrap_or_else(|| panic!("{name}: loaded"));
        assert!(err.to_string().contains(message), "{name}: {err}");
        assert_eq!(err.code(), "bad-data");
    }
}

#[test]
fn countries_are_found_by_either_code() {
    let t = &resources().tables;
    let us = t.country_row("US").expect("the United States");
    assert_eq!(t.country_row("USA"), Some(us));
    assert_eq!(t.countries[us as usize].alpha3, "USA");
    assert_eq!(t.country("UA").map(|c| c.alpha3.as_str()), Some("UKR"));
    // Neither a code of another length nor a code no country has.
    for code in ["", "U", "USAX", "ZZ", "ZZZ", "us"] {
        assert_eq!(t.country_row(code), None, "{code:?}");
    }
}
