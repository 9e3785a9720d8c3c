//! The entities stage end to end: names, types, merging, descriptions, pronouns, metonymy
//! and attributes, on short articles the team wrote for each mechanism, on the example
//! article, and on hostile input.

use std::path::Path;
use std::time::Instant;

use dateline::ingest::{self, IngestOptions};
use dateline::{Date, Document, Entity, EntityType, MentionKind, Pipeline};

fn analyze(raw: &str) -> Document {
    let options = IngestOptions { lossy: false, date: Date::new(2025, 8, 15) };
    let mut doc = ingest::text_document("t", raw.as_bytes().to_vec(), &options);
    Pipeline::default().run(&mut doc);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc
}

fn entity<'d>(doc: &'d Document, name: &str) -> &'d Entity {
    doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| {
        panic!("no entity {name:?} in {:?}", doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>())
    })
}

fn mentions(doc: &Document, e: &Entity) -> Vec<String> {
    e.mentions.iter().map(|m| doc.text()[m.span].to_string()).collect()
}

#[test]
fn surnames_titles_and_pronouns_join_the_person() {
    let doc = analyze(
        "German Chancellor Olaf Scholz arrived in Paris on Monday. Scholz said he would meet \
         French President Emmanuel Macron. Macron welcomed him at the Elysee Palace.",
    );
    let scholz = entity(&doc, "Olaf Scholz");
    assert_eq!(scholz.kind, EntityType::Person);
    assert_eq!(mentions(&doc, scholz), ["Olaf Scholz", "Scholz", "he"]);
    assert_eq!((scholz.country.as_deref(), scholz.role.as_deref()), (Some("DEU"), Some("chancellor")));
    let macron = entity(&doc, "Emmanuel Macron");
    assert_eq!(macron.country.as_deref(), Some("FRA"));
    assert_eq!(macron.actor.as_deref(), Some("FRAGOV"));
    assert_eq!(entity(&doc, "Paris").kind, EntityType::Gpe);
}

#[test]
fn a_name_read_across_a_title_is_cut_at_it() {
    // The tagger reads a country, a title and a person as one name; the country and the
    // person come apart at the title, which becomes the person's role.
    let doc = analyze("United Kingdom Prime Minister Gordon Brown visited the flooded towns on Tuesday.");
    let brown = entity(&doc, "Gordon Brown");
    assert_eq!(brown.kind, EntityType::Person);
    assert_eq!((brown.country.as_deref(), brown.role.as_deref()), (Some("GBR"), Some("prime minister")));
    assert_eq!(entity(&doc, "United Kingdom").kind, EntityType::Gpe);
}

#[test]
fn an_organization_runs_on_over_its_complement() {
    // `Department` + `of Energy`, `Centers` + `for Disease Control and Prevention`: one name,
    // an organization, where the tagger stopped at `of` and `for`.
    let doc = analyze(
        "The United States Department of Energy said on Friday that the plant was safe. \
         Experts at the US Centers for Disease Control and Prevention and Jane Smith disagreed.",
    );
    assert_eq!(entity(&doc, "United States Department of Energy").kind, EntityType::Org);
    // (The lexicon knows the body: the entity takes its name; the mention is the whole.)
    let cdc = entity(&doc, "Centers for Disease Control and Prevention");
    assert_eq!(cdc.kind, EntityType::Org);
    assert_eq!(mentions(&doc, cdc), ["US Centers for Disease Control and Prevention"]);
    assert_eq!(entity(&doc, "Jane Smith").kind, EntityType::Person);
}

#[test]
fn descriptions_resolve_to_the_person_they_describe() {
    let doc = analyze(
        "Recep Tayyip Erdogan and Vladimir Putin met in Sochi. The Turkish president asked for a \
         ceasefire, and the Russian leader refused.",
    );
    let erdogan = entity(&doc, "Recep Tayyip Erdogan");
    assert!(mentions(&doc, erdogan).contains(&"The Turkish president".to_string()), "{:?}", mentions(&doc, erdogan));
    let putin = entity(&doc, "Vladimir Putin");
    assert!(putin.mentions.iter().any(|m| m.kind == MentionKind::Nominal && &doc.text()[m.span] == "the Russian leader"));
}

#[test]
fn seats_and_capitals_as_agents_are_governments() {
    let doc = analyze("The Kremlin said the talks were useful. Officials said Moscow would not attend the summit.");
    let kremlin = entity(&doc, "Kremlin");
    assert_eq!((kremlin.kind, kremlin.actor.as_deref()), (EntityType::Org, Some("RUSGOV")));
    assert_eq!(mentions(&doc, kremlin), ["Kremlin", "Moscow"]);
}

#[test]
fn acronyms_demonyms_and_forces() {
    let doc = analyze(
        "The International Atomic Energy Agency sent inspectors. The IAEA said Iranian forces \
         blocked the site, and Iranian officials denied it.",
    );
    let iaea = doc.entities.iter().find(|e| mentions(&doc, e).contains(&"IAEA".to_string())).expect("IAEA");
    assert!(mentions(&doc, iaea).contains(&"International Atomic Energy Agency".to_string()));
    assert_eq!(entity(&doc, "Iranian forces").actor.as_deref(), Some("IRNMIL"));
    assert_eq!(entity(&doc, "Iranian officials").actor.as_deref(), Some("IRNGOV"));
}

#[test]
fn a_short_name_in_brackets_after_an_organization_is_its_own() {
    // The letters are not the name's initials, and alone the tagger reads them as a person.
    let doc = analyze("The World Organisation for Animal Health (OIE) met in Paris. Later the OIE warned farmers.");
    let oie = entity(&doc, "World Organisation for Animal Health");
    assert_eq!(oie.kind, EntityType::Org);
    assert_eq!(mentions(&doc, oie), ["World Organisation for Animal Health", "OIE", "OIE"]);
}

#[test]
fn the_example_article() {
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/alaska-summit.txt")).unwrap();
    let doc = analyze(&raw);
    let mut people: Vec<&str> =
        doc.entities.iter().filter(|e| e.kind == EntityType::Person).map(|e| e.name.as_str()).collect();
    people.sort_unstable();
    assert_eq!(people, ["Donald Trump", "Joe Biden", "Sergei Lavrov", "Vladimir Putin", "Volodymyr Zelensky"]);
    let trump = entity(&doc, "Donald Trump");
    assert_eq!(trump.actor.as_deref(), Some("USAGOV"));
    let kinds: Vec<MentionKind> = trump.mentions.iter().map(|m| m.kind).collect();
    for kind in [MentionKind::Name, MentionKind::Nominal, MentionKind::Pronoun] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    assert!(mentions(&doc, trump).contains(&"the U.S. president".to_string()));
    assert!(mentions(&doc, entity(&doc, "Vladimir Putin")).contains(&"the Russian leader".to_string()));
    // `Both leaders`, right after Trump and Putin, is a mention of each.
    for person in ["Donald Trump", "Vladimir Putin"] {
        assert!(mentions(&doc, entity(&doc, person)).contains(&"Both leaders".to_string()), "{person}");
    }
    let lavrov = entity(&doc, "Sergei Lavrov");
    assert_eq!((lavrov.country.as_deref(), lavrov.role.as_deref()), (Some("RUS"), Some("foreign minister")));
    let zelensky = entity(&doc, "Volodymyr Zelensky");
    assert_eq!((zelensky.country.as_deref(), zelensky.role.as_deref()), (Some("UKR"), Some("president")));
    assert_eq!(entity(&doc, "Kremlin").actor.as_deref(), Some("RUSGOV"));
    assert!(mentions(&doc, entity(&doc, "International Criminal Court")).contains(&"the Hague tribunal".to_string()));
    let us = entity(&doc, "United States");
    assert!(mentions(&doc, us).contains(&"America".to_string()) && mentions(&doc, us).contains(&"U.S.".to_string()));
    let soviet = entity(&doc, "Soviet Union");
    assert!(mentions(&doc, soviet).contains(&"USSR".to_string()));
    assert_eq!(entity(&doc, "Elmendorf Air Force Base").kind, EntityType::Fac);
    assert_eq!(entity(&doc, "White House").kind, EntityType::Fac);
    for place in ["Alaska", "Anchorage", "Ukraine", "Russia"] {
        assert_eq!(entity(&doc, place).kind, EntityType::Gpe, "{place}");
    }
    // Every mention is a real span, and none comes from the widget line.
    for e in &doc.entities {
        for m in &e.mentions {
            assert!(doc.text().is_char_boundary(m.span.start as usize) && m.span.end as usize <= doc.text().len());
            assert!(!doc.text()[m.span].contains("Select"));
        }
    }
}

#[test]
fn hostile_input_is_linear_and_calm() {
    // All capitals, no capitals, a results table, non-Latin script: no panic.
    for raw in [
        "PUTIN AND TRUMP MEET IN ALASKA. THE TALKS LASTED THREE HOURS.",
        "putin and trump met in alaska. the talks lasted three hours.",
        "Arsenal 2 Chelsea 1\nLiverpool 0 Everton 0\nLeeds 3 Fulham 2",
        "Владимир Путин встретился с Дональдом Трампом на Аляске.",
    ] {
        let doc = analyze(raw);
        for e in &doc.entities {
            assert!(!e.mentions.is_empty());
        }
    }
    // 10,000 repetitions of one name with pronouns: time grows linearly, not quadratically.
    let time = |n: usize| {
        let raw = "Vladimir Putin said he would come. The Russian leader arrived. ".repeat(n);
        let t = Instant::now();
        let doc = analyze(&raw);
        assert_eq!(doc.entities.iter().filter(|e| e.kind == EntityType::Person).count(), 1);
        t.elapsed().as_secs_f64()
    };
    let small = time(1_000);
    let large = time(10_000);
    assert!(large < small * 30.0 + 1.0, "1,000 repetitions: {small:.2} s; 10,000: {large:.2} s");
}

#[test]
fn a_known_name_the_tagger_cut_in_pieces_is_one_name() {
    let doc = analyze(
        "Health officials in the Democratic Republic of the Congo said on Monday that the outbreak had spread. \
         Aid arrived from Médecins Sans Frontières and the Bill & Melinda Gates Foundation.",
    );
    let drc = entity(&doc, "Democratic Republic of the Congo");
    assert_eq!(drc.country.as_deref(), Some("COD"));
    assert!(doc.entities.iter().all(|e| e.name != "Democratic" && e.name != "Republic of the Congo"), "{:?}", doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
    assert!(doc.places.iter().all(|p| p.country.as_deref() != Some("CG")));
    // A name the tagger found whole stays as it was.
    let doc = analyze("The White House said on Monday that talks would go on.");
    assert!(doc.entities.iter().all(|e| !e.name.starts_with("The ")));
}

#[test]
fn a_division_name_two_countries_share_is_the_most_populous_ones() {
    // `Maryland` is a US state and a county of Liberia.
    let doc = analyze("The scientist worked at a laboratory in Frederick, Maryland for 18 years.");
    assert_eq!(entity(&doc, "Maryland").country.as_deref(), Some("USA"));
}


#[test]
fn a_name_run_on_over_a_common_word_ends_before_it() {
    // The tagger reads `Nara Prefecture of western Japan` as one place: it is two.
    let doc = analyze("Flooding has closed schools in the Nara Prefecture of western Japan, officials said on Tuesday.");
    assert_eq!(entity(&doc, "Nara Prefecture").kind, EntityType::Loc);
    assert_eq!(entity(&doc, "Japan").country.as_deref(), Some("JPN"));
    // A person `from` a place, read as one name; the place by its alternate spelling.
    let doc = analyze("The health ministry named the victims as Mona Fathi Mohammed from Beni Suef, and a man from Cairo.");
    assert_eq!(entity(&doc, "Mona Fathi Mohammed").kind, EntityType::Person);
    assert!(matches!(entity(&doc, "Beni Suef").kind, EntityType::Gpe | EntityType::Loc));
}

#[test]
fn a_name_ending_in_a_word_for_a_division_is_a_place() {
    // Read as a person, `Clark County` took `Nevada` after its comma with it.
    let doc = analyze("The remains were examined on Monday by the Clark County, Nevada coroner's office.");
    assert_eq!(entity(&doc, "Clark County").kind, EntityType::Loc);
    assert_eq!(entity(&doc, "Nevada").kind, EntityType::Gpe);
}

#[test]
fn a_place_read_alone_as_a_place_is_not_a_misread_surname() {
    // `Hope Villages Sudan` is misread as a person; `Sudan` alone is still the country.
    let doc = analyze(
        "Staff at the Hope Villages Sudan centre said food was short. Thousands of families have \
         returned to southern Sudan since the peace deal, and aid groups in Sudan are stretched.",
    );
    let sudan = entity(&doc, "Sudan");
    assert_eq!((sudan.kind, sudan.country.as_deref()), (EntityType::Gpe, Some("SDN")));
    assert_eq!(mentions(&doc, sudan), ["Sudan", "Sudan"]);
    // So is a city that is no one's name, after a misread `Village Kassala`.
    let doc = analyze(
        "The situation in Hope Children's Village Kassala is stable. Airplanes are flying into \
         Darfur and Kassala, but there are no flights to Kassala.",
    );
    assert_eq!(mentions(&doc, entity(&doc, "Kassala")), ["Kassala", "Kassala"]);
    // A surname after a given name stays the person's, though the tagger reads it alone as a
    // place (Silang is a Philippine town).
    let doc = analyze("Diego Silang led the revolt in Ilocos. Silang was killed in 1763, and Silang's wife led the revolt after him.");
    assert_eq!(mentions(&doc, entity(&doc, "Diego Silang")), ["Diego Silang", "Silang", "Silang", "him"]);
}

#[test]
fn a_name_a_landform_word_heads_is_a_place() {
    let doc = analyze("Flood warnings were issued for the towns along Lake Pontchartrain on Sunday.");
    assert_eq!(entity(&doc, "Lake Pontchartrain").kind, EntityType::Loc);
}

#[test]
fn places_joined_by_and_in_one_name_come_apart() {
    let doc = analyze("The Luton and London branches of the charity said donations fell.");
    assert_eq!(entity(&doc, "Luton").kind, EntityType::Gpe);
    assert_eq!(entity(&doc, "London").kind, EntityType::Gpe);
    // A name whose parts are not places stays whole.
    let doc = analyze("The Food and Drug Administration approved the vaccine on Monday.");
    assert_eq!(entity(&doc, "Food and Drug Administration").kind, EntityType::Org);
}

#[test]
fn a_direction_before_a_place_and_a_big_city_alone_are_places() {
    let doc = analyze("Crews will spray most of North Houston overnight, officials said.");
    assert_eq!(entity(&doc, "North Houston").kind, EntityType::Loc);
    // Read alone as a person, and never part of a person's full name.
    let doc = analyze("The families will bring their case before a Denver judge next month.");
    assert_eq!(entity(&doc, "Denver").kind, EntityType::Gpe);
    // A surname stays the person's, city or not.
    let doc = analyze("Singer Whitney Houston arrived on Monday. Houston said she was tired.");
    assert_eq!(mentions(&doc, entity(&doc, "Whitney Houston")), ["Whitney Houston", "Houston", "she"]);
}

#[test]
fn initials_that_spell_a_small_town_are_a_body() {
    // `GAO` spells Gao, a town in Mali; written in capitals it is the Government
    // Accountability Office. Datelines' capitals (`MOSCOW`) are longer than initials.
    let doc = analyze("The GAO upheld the protest filed by Boeing. The GAO said the Air Force made errors.");
    let gao = entity(&doc, "GAO");
    assert_eq!((gao.kind, gao.country.as_deref()), (EntityType::Org, None));
    // Nor does the body's name, once spelled out, stand for the government of Mali's Gao
    // region.
    let doc = analyze("The Government Accountability Office (GAO) upheld the protest. \"It was unfair,\" said the GAO's counsel.");
    assert!(doc.places.iter().all(|p| p.country.as_deref() != Some("ML")), "{:#?}", doc.places);
    let doc = analyze("Troops entered Gao in northern Mali on Monday.");
    assert_eq!(entity(&doc, "Gao").country.as_deref(), Some("MLI"));
}

#[test]
fn a_known_company_is_named_by_its_first_word_too() {
    // `Ford` alone is also a town in England; after `Ford Motor Company` it is the company.
    let doc = analyze("Ford Motor Company said its sales rose in February. Ford said that total sales improved to 142,285 units.");
    let ford = entity(&doc, "Ford Motor Company");
    assert_eq!(mentions(&doc, ford), ["Ford Motor Company", "Ford"]);
    assert_eq!(ford.country.as_deref(), Some("USA"));
    // A word that names a country stays the country (`Singapore Airlines` ... `Singapore`).
    let doc = analyze("Singapore Airlines bought ten jets. Singapore said it welcomed the deal.");
    assert_eq!(entity(&doc, "Singapore").kind, EntityType::Gpe);
}

#[test]
fn a_peoples_adjective_before_a_groups_name_gives_its_country() {
    let doc = analyze("Many of the 1.1 million Rwandan Hutu refugees in Zaire refuse to go home.");
    let hutu = entity(&doc, "Rwandan Hutu");
    assert_eq!((hutu.kind, hutu.country.as_deref()), (EntityType::Norp, Some("RWA")));
}

#[test]
fn a_known_person_named_by_title_and_surname_alone_is_known() {
    // The people lexicon knows Barack Obama, a president, and Giorgio Napolitano, a president
    // too: a secretary named Napolitano is someone else.
    let doc = analyze("President Obama rebuked Russia. Secretary Napolitano said the plan was ready.");
    let obama = entity(&doc, "Obama");
    assert_eq!((obama.country.as_deref(), obama.role.as_deref()), (Some("USA"), Some("president")));
    assert_ne!(entity(&doc, "Napolitano").country.as_deref(), Some("ITA"));
}

#[test]
fn a_full_name_the_people_lexicon_knows_is_one_person_whatever_the_tagger_cut() {
    let doc = analyze("Vladimir Putin and Xi Jinping held talks in Moscow.");
    let xi = entity(&doc, "Xi Jinping");
    assert_eq!((xi.kind, xi.country.as_deref()), (EntityType::Person, Some("CHN")));
}

#[test]
fn a_number_is_no_name() {
    // The tagger once read `16` as an organization, which `it` then stood for.
    let doc = analyze("A further 16 cases were confirmed by the laboratory at Mataika House, one day after it had confirmed 8 cases to bring the total to 81.");
    assert!(doc.entities.iter().all(|e| e.name.chars().any(char::is_alphabetic)), "{:?}", doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
    assert!(doc.events.iter().all(|e| e.source.name.chars().any(char::is_alphabetic)), "{:?}", doc.events);
}
