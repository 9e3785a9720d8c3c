//! The places stage end to end: the example article's places, short texts the team wrote for
//! each mechanism (context, containers, directions, facilities, metonyms, modifiers, local
//! times), and hostile input.

use std::path::Path;
use std::time::Instant;

use dateline::eval::geo::haversine;
use dateline::ingest::{self, IngestOptions};
use dateline::places::{Feature, Place, PlaceUse, Precision};
use dateline::{Date, Document, Pipeline};

fn analyze(raw: &str) -> Document {
    let mut doc = ingest::text_document("t", raw.as_bytes().to_vec(), &IngestOptions { lossy: false, date: Date::new(2025, 8, 15) });
    Pipeline::default().run(&mut doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc
}

/// The place one of whose mentions reads `text`, used as `used_as`.
fn place<'a>(doc: &'a Document, text: &str, used_as: PlaceUse) -> &'a Place {
    doc.places
        .iter()
        .find(|p| p.used_as == used_as && p.mentions.iter().any(|&m| &doc.text()[m] == text))
        .unwrap_or_else(|| panic!("no place for {text:?} as {used_as:?} in {:#?}", doc.places))
}

fn km(p: &Place, lat: f64, lon: f64) -> f64 {
    haversine((f64::from(p.lat), f64::from(p.lon)), (lat, lon))
}

#[test]
fn the_example_article() {
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/alaska-summit.txt")).unwrap();
    let doc = analyze(&raw);
    let anchorage = place(&doc, "Anchorage", PlaceUse::Place);
    assert!(km(anchorage, 61.22, -149.90) < 25.0, "{anchorage:?}");
    assert_eq!((anchorage.country.as_deref(), anchorage.admin1.as_deref()), (Some("US"), Some("Alaska")));
    assert_eq!(anchorage.timezone.as_deref(), Some("America/Anchorage"));
    let alaska = place(&doc, "Alaska", PlaceUse::Place);
    assert_eq!((alaska.feature, alaska.country.as_deref()), (Feature::Admin1, Some("US")));
    for (name, code) in [("Ukraine", "UA"), ("Russia", "RU"), ("U.S.", "US")] {
        let p = place(&doc, name, PlaceUse::Place);
        assert_eq!((p.feature, p.country.as_deref()), (Feature::Country, Some(code)), "{name}");
    }
    let eastern = place(&doc, "eastern Ukraine", PlaceUse::Place);
    assert_eq!((eastern.feature, eastern.precision, eastern.country.as_deref()), (Feature::Region, Precision::Approximate, Some("UA")));
    let ukraine = place(&doc, "Ukraine", PlaceUse::Place);
    assert!(eastern.lon > ukraine.lon, "eastern Ukraine lies east of Ukraine's point");
    let base = place(&doc, "Elmendorf Air Force Base", PlaceUse::Place);
    assert_eq!(base.feature, Feature::Facility);
    assert!(km(base, 61.22, -149.90) < 60.0, "{base:?}");
    // `the Hague tribunal` is a court, not a place.
    assert!(!doc.places.iter().any(|p| p.name.contains("Hague")), "{:?}", doc.places);
    let local = doc.times.iter().find(|t| doc.text()[t.span].contains("local time")).expect("the local time");
    assert_eq!(local.utc.as_deref(), Some("2025-08-15T19:30Z"));
}

#[test]
fn containers_and_context_choose_the_reading() {
    let doc = analyze("The mayor of Paris, Texas, said the fair would go on.");
    let paris = place(&doc, "Paris", PlaceUse::Place);
    assert_eq!((paris.country.as_deref(), paris.admin1.as_deref()), (Some("US"), Some("Texas")));
    let doc = analyze("Thousands marched in Paris on Saturday against the new pension law, French unions said.");
    assert_eq!(place(&doc, "Paris", PlaceUse::Place).country.as_deref(), Some("FR"));
    // A city named like the division it is the seat of is the city.
    let doc = analyze("The delegates flew to Tokyo on Monday.");
    let tokyo = place(&doc, "Tokyo", PlaceUse::Place);
    assert_eq!(tokyo.feature, Feature::City);
    assert!(km(tokyo, 35.69, 139.69) < 25.0, "{tokyo:?}");
}

#[test]
fn a_county_is_read_where_its_country_or_division_is_named() {
    // Surrey is an English county and a city in British Columbia: the text decides.
    let doc = analyze("Rivers burst their banks in Surrey on Tuesday. Forecasters said more rain would reach southern England by the weekend.");
    let surrey = place(&doc, "Surrey", PlaceUse::Place);
    assert_eq!((surrey.feature, surrey.country.as_deref(), surrey.admin1.as_deref()), (Feature::Admin2, Some("GB"), Some("England")));
    let doc = analyze("A new library opened in Surrey on Tuesday. Other cities in British Columbia plan to do the same.");
    let surrey = place(&doc, "Surrey", PlaceUse::Place);
    assert_eq!((surrey.feature, surrey.country.as_deref(), surrey.admin1.as_deref()), (Feature::City, Some("CA"), Some("British Columbia")));
    // Colchester is a town in England and a small county in Nova Scotia: the town unless
    // the text is about Nova Scotia.
    let doc = analyze("Hundreds of people marched through Colchester on Saturday.");
    let colchester = place(&doc, "Colchester", PlaceUse::Place);
    assert_eq!((colchester.feature, colchester.country.as_deref()), (Feature::City, Some("GB")));
    let doc = analyze("Wildfires forced evacuations in Colchester on Saturday, officials in Nova Scotia said.");
    let colchester = place(&doc, "Colchester", PlaceUse::Place);
    assert_eq!((colchester.feature, colchester.admin1.as_deref()), (Feature::Admin2, Some("Nova Scotia")));
    // A county written as a town's container, and a US county by its full name.
    let doc = analyze("A fire broke out at a warehouse in Guildford, Surrey, on Monday.");
    let guildford = place(&doc, "Guildford", PlaceUse::Place);
    assert_eq!((guildford.feature, guildford.country.as_deref()), (Feature::City, Some("GB")));
    assert_eq!(place(&doc, "Surrey", PlaceUse::Place).feature, Feature::Admin2);
    let doc = analyze("Health officials in Cook County, Illinois, reported two new cases on Friday.");
    let cook = place(&doc, "Cook County", PlaceUse::Place);
    assert_eq!((cook.feature, cook.country.as_deref(), cook.admin1.as_deref()), (Feature::Admin2, Some("US"), Some("Illinois")));
    assert!(km(cook, 41.88, -87.63) < 60.0, "{cook:?}");
    // A province named for its seat is the city.
    let doc = analyze("Police in Palermo arrested three men on Monday, Italian media reported.");
    let palermo = place(&doc, "Palermo", PlaceUse::Place);
    assert_eq!((palermo.feature, palermo.country.as_deref()), (Feature::City, Some("IT")));
    // A division the gazetteer names with a word for its kind (`Province of Pampanga`) is
    // found by its name alone.
    let doc = analyze("Farmers in Pampanga lost their crops to the storm, the Philippine agriculture department said.");
    let pampanga = place(&doc, "Pampanga", PlaceUse::Place);
    assert_eq!((pampanga.feature, pampanga.country.as_deref()), (Feature::Admin2, Some("PH")));
}

#[test]
fn demonyms_metonyms_and_modifiers_are_marked() {
    let doc = analyze("Russian forces shelled the town. Moscow said on Monday that the talks would resume. The Texas Department of State Health Services said the risk was low.");
    let russia = place(&doc, "Russian", PlaceUse::Demonym);
    assert_eq!((russia.feature, russia.country.as_deref()), (Feature::Country, Some("RU")));
    let moscow = place(&doc, "Moscow", PlaceUse::Metonym);
    assert_eq!((moscow.feature, moscow.country.as_deref()), (Feature::City, Some("RU")));
    let texas = place(&doc, "Texas", PlaceUse::Modifier);
    assert_eq!((texas.feature, texas.country.as_deref()), (Feature::Admin1, Some("US")));
}

#[test]
fn names_the_tagger_read_as_people_or_bodies_are_places_where_a_place_stands() {
    // After a locative preposition, as a noun's modifier, after `from`: the gazetteer's place.
    let doc = analyze(
        "Two farms near Tyler were closed on Sunday. Health workers visited the Cacuaco district on Friday. \
         A flight from Acapulco landed late.",
    );
    let tyler = place(&doc, "Tyler", PlaceUse::Place);
    assert_eq!((tyler.country.as_deref(), tyler.admin1.as_deref()), (Some("US"), Some("Texas")));
    assert_eq!(place(&doc, "Cacuaco", PlaceUse::Place).country.as_deref(), Some("AO"));
    assert_eq!(place(&doc, "Acapulco", PlaceUse::Place).country.as_deref(), Some("MX"));
    // A county the tagger cut in two (`Scott` + `County.`) is one name.
    let doc = analyze("The outbreak began with a drug problem in Scott County.");
    assert_eq!(place(&doc, "Scott County", PlaceUse::Place).feature, Feature::Admin2);
    // The same names where a person stands, or opening a longer name, stay what they were.
    let doc = analyze("Tyler said the farms would stay closed. The boy came from Milford School, his teacher said.");
    assert!(doc.places.is_empty(), "{:?}", doc.places);
}

#[test]
fn a_place_inside_a_longer_name_is_found() {
    let doc = analyze(
        "Protesters gathered at Quezon City Wednesday evening. The Los Angeles Times reported the figures. \
         Patients were moved to Duke University Medical Center in North Carolina. Boats were seen at Islington Bay on Friday.",
    );
    // Run on into a date: the place itself.
    let quezon = place(&doc, "Quezon City", PlaceUse::Place);
    assert_eq!(quezon.country.as_deref(), Some("PH"));
    // Opening another name: the place that name belongs to.
    assert_eq!(place(&doc, "Los Angeles", PlaceUse::Modifier).admin1.as_deref(), Some("California"));
    // After `in` at a name's end: a place.
    assert_eq!(place(&doc, "North Carolina", PlaceUse::Place).feature, Feature::Admin1);
    // A natural feature named for a place is not that place.
    assert!(doc.places.iter().all(|p| p.name != "Islington"), "{:?}", doc.places);
}

#[test]
fn local_times_take_the_zone_of_their_place() {
    let doc = analyze("The talks start at 9 a.m. local time in Tokyo, officials said.");
    let t = doc.times.iter().find(|t| t.value.contains('T')).expect("a clock time");
    assert_eq!(t.utc.as_deref(), Some("2025-08-15T00:00Z"));
}

#[test]
fn unknown_names_and_currencies_get_no_point() {
    let doc = analyze("The crew sailed from Xyzzyland to Qqorbia. The deal is worth US$40 million.");
    assert!(doc.places.iter().all(|p| !doc.text()[p.mentions[0]].starts_with(['X', 'Q'])), "{:?}", doc.places);
    assert!(doc.places.iter().all(|p| p.mentions.iter().all(|&m| &doc.text()[m] != "US")), "{:?}", doc.places);
}

#[test]
fn ten_thousand_places_in_bounded_time() {
    let names = ["Paris", "Nice", "Reading", "Mobile", "Lagos", "Springfield", "Georgia", "Victoria"];
    let raw: String = (0..10_000).map(|i| format!("They went to {}. ", names[i % names.len()])).collect();
    let start = Instant::now();
    let doc = analyze(&raw);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    for p in &doc.places {
        assert!(p.lat.is_finite() && p.lon.is_finite() && (-90.0..=90.0).contains(&p.lat), "{p:?}");
    }
}

#[test]
fn thousands_of_distinct_places_in_a_list_in_bounded_time() {
    // Every name is written right after another (`A, B, C, ...`): each is a possible
    // container of the one before, which must not make resolution quadratic.
    let r = dateline::resources::Resources::shared().unwrap();
    let names: Vec<&str> = r.tables.cities.iter().step_by(17).take(10_000).map(|c| c.name).collect();
    let raw = format!("{}.", names.join(", "));
    let start = Instant::now();
    let doc = analyze(&raw);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    assert!(doc.places.len() > 1_000, "{} places", doc.places.len());
}

#[test]
fn a_national_capital_beats_a_division_of_its_name_unless_the_text_says_division() {
    let doc = analyze("The senator flew back to Washington on Monday to vote on the budget bill.");
    let p = place(&doc, "Washington", PlaceUse::Place);
    assert_eq!(p.feature, Feature::City, "{p:?}");
    assert!(km(p, 38.9, -77.04) < 25.0, "{p:?}");
    let doc = analyze("Wildfires burned across the state of Washington on Monday, officials said.");
    let p = place(&doc, "Washington", PlaceUse::Place);
    assert_eq!(p.feature, Feature::Admin1, "{p:?}");
}

#[test]
fn a_name_in_a_list_of_states_is_a_state() {
    // `Washington, West Virginia` here is two items of a list, not a town in a state.
    let doc = analyze("Cases were confirmed in Ohio, Oregon, Washington, West Virginia and Wyoming last week.");
    for name in ["Washington", "Wyoming"] {
        let p = place(&doc, name, PlaceUse::Place);
        assert_eq!(p.feature, Feature::Admin1, "{p:?}");
    }
    // The list's first name, where it can be a state as the others are; a town that cannot
    // stays in its state.
    let doc = analyze("Officials are checking new cases in Washington, Pennsylvania and Ohio. Storms hit Paris, Texas and Dallas.");
    assert_eq!(place(&doc, "Washington", PlaceUse::Place).feature, Feature::Admin1);
    let paris = place(&doc, "Paris", PlaceUse::Place);
    assert_eq!((paris.feature, paris.admin1.as_deref()), (Feature::City, Some("Texas")));
}

#[test]
fn a_state_named_once_does_not_make_a_small_namesake_beat_a_city() {
    let doc = analyze(
        "Doctors in Boston said on Tuesday that the trial had worked. The New York governor said his state would follow.",
    );
    let p = place(&doc, "Boston", PlaceUse::Place);
    assert!(km(p, 42.36, -71.06) < 25.0, "{p:?}");
}

#[test]
fn divisions_are_found_by_their_abbreviation_and_without_the_word_for_their_kind() {
    let doc = analyze("Floods closed roads across NSW on Friday, the state's emergency service said.");
    let p = place(&doc, "NSW", PlaceUse::Place);
    assert_eq!((p.feature, p.name.as_str()), (Feature::Admin1, "New South Wales"), "{p:?}");
    let doc = analyze("Zimbabwe reported new cholera cases in the Midlands and Masvingo provinces on Monday.");
    let p = place(&doc, "Midlands", PlaceUse::Place);
    assert_eq!((p.feature, p.country.as_deref()), (Feature::Admin1, Some("ZW")), "{p:?}");
}

#[test]
fn names_of_one_place_mean_what_they_can_all_mean() {
    // `Zaire` is also a province of Angola; with the country's other name it is the country.
    let doc = analyze(
        "Doctors from Angola travelled to the Democratic Republic of Congo on Monday. Zaire, as the country was once called, has had many outbreaks.",
    );
    let p = place(&doc, "Democratic Republic of Congo", PlaceUse::Place);
    assert_eq!(p.country.as_deref(), Some("CD"), "{p:?}");
}

#[test]
fn regions_of_continents_and_countries_are_places() {
    let doc = analyze("The frogs are vanishing across the Americas and in Northern Europe, scientists said.");
    for name in ["Americas", "Northern Europe"] {
        let p = doc.places.iter().find(|p| p.mentions.iter().any(|&m| doc.text()[m].contains(name)));
        assert_eq!(p.map(|p| p.feature), Some(Feature::Region), "{name}: {:?}", doc.places);
    }
}

#[test]
fn places_joined_by_hyphens_into_other_words_are_found() {
    let doc = analyze(
        "The Nairobi-based charity said the India-Pakistan border was closed. An Australia-wide ban on horses was \
         extended on Monday. Guinea-Bissau held elections.",
    );
    let find = |name: &str| {
        doc.places
            .iter()
            .find(|p| p.mentions.iter().any(|&m| &doc.text()[m] == name))
            .unwrap_or_else(|| panic!("no place for {name:?} in {:#?}", doc.places))
    };
    for (name, country) in [("Nairobi", "KE"), ("India", "IN"), ("Pakistan", "PK"), ("Australia", "AU")] {
        assert_eq!(find(name).country.as_deref(), Some(country), "{name}");
    }
    // A place whose own name has a hyphen stays whole.
    assert_eq!(find("Guinea-Bissau").country.as_deref(), Some("GW"));
}

#[test]
fn a_country_named_as_an_adjective_is_a_modifier_not_a_demonym() {
    let doc = analyze("According to US health officials, the outbreak is over. American doctors agreed.");
    let us = place(&doc, "US", PlaceUse::Modifier);
    assert_eq!(us.country.as_deref(), Some("US"), "{us:?}");
    let american = place(&doc, "American", PlaceUse::Demonym);
    assert_eq!(american.country.as_deref(), Some("US"), "{american:?}");
}

#[test]
fn a_container_after_a_comma_and_in() {
    let doc = analyze("Austin, in Scott County, Indiana, was the center of the outbreak.");
    let austin = place(&doc, "Austin", PlaceUse::Place);
    assert_eq!(austin.admin1.as_deref(), Some("Indiana"), "{austin:?}");
}

#[test]
fn a_name_opening_a_sentence_before_its_container_is_a_place() {
    // The tagger reads both `Marion` and `Grant County` here as people; the county's own
    // name makes it a place, and then `Marion`, before it, one too.
    let doc = analyze("Marion, in Grant County, Indiana, was the center of the outbreak.");
    let marion = place(&doc, "Marion", PlaceUse::Place);
    assert_eq!(marion.admin1.as_deref(), Some("Indiana"), "{marion:?}");
}

#[test]
fn a_word_in_curly_quotes_before_of_and_a_place() {
    // The division-word check reads the word before `of`; a closing curly quote is three bytes.
    let doc = analyze("Leaders of the “Big Three” of Michigan met the “state” of Ohio on Monday.");
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    place(&doc, "Ohio", PlaceUse::Place);
}

#[test]
fn the_place_an_organization_is_named_for_is_a_modifier() {
    let doc = analyze(
        "Officials at the Health Ministry of Kenya said on Monday that supplies were short. \
         Staff at Pizza Hut Canada were told to stay home. The Myer Centre was closed.",
    );
    // After `of` at the name's end, and ending the name: the place it belongs to.
    assert_eq!(place(&doc, "Kenya", PlaceUse::Modifier).country.as_deref(), Some("KE"));
    assert_eq!(place(&doc, "Canada", PlaceUse::Modifier).country.as_deref(), Some("CA"));
    // A word for what the organization is, that a division somewhere is named, is not.
    assert!(doc.places.iter().all(|p| p.name != "Centre"), "{:?}", doc.places);
}

#[test]
fn the_place_read_in_context_gives_its_entity_its_country() {
    // The entity layer alone takes the larger Innisfail, in Alberta; the document is about
    // Queensland, and so is its entity's country once the place is read.
    let doc = analyze(
        "Areas in far north Queensland remain without electricity after Cyclone Larry hit the coast. Queensland Premier \
         Peter Beattie has declared a state of emergency in Innisfail. Power lines were down in Cairns and Innisfail.",
    );
    let innisfail = doc.entities.iter().find(|e| e.name == "Innisfail").expect("Innisfail is an entity");
    assert_eq!(innisfail.country.as_deref(), Some("AUS"));
}
