//! From tagged names to entities: typing, gazetteer identity, merging, descriptions,
//! pronouns, metonymy and attributes. Every step is one pass over the document's mentions
//! or tokens, with lookups in maps keyed by identity, so long documents stay linear.

use std::borrow::Cow;
use std::collections::HashMap;

use super::tagger::TaggedSpan;
use crate::document::{Document, Entity, EntityType, Mention, MentionKind};
use crate::resources::{fold, fold_more, FxBuild, NameKind, NameRef, Resources, Walk};
use crate::span::Span;

/// Words a facility's name ends in.
const FACILITY_HEADS: &[&str] = &[
    "airport", "airbase", "base", "bridge", "building", "castle", "cathedral", "dam", "embassy", "hospital",
    "mosque", "museum", "palace", "plant", "port", "prison", "square", "stadium", "station", "temple", "tower",
];

/// Words a named event's name ends in.
const EVENT_HEADS: &[&str] = &[
    "championship", "conference", "crisis", "cup", "election", "elections", "festival", "games", "olympics",
    "revolution", "spring", "summit", "uprising", "war",
];

/// Words after a place or seat of government that make it an agent (`Moscow wouldn't`,
/// `the Kremlin indicated`), besides reporting verbs.
const AGENT_VERBS: &[&str] = &[
    "accused", "agreed", "announced", "blamed", "can", "could", "declined", "demanded", "denied", "did", "does",
    "expects", "had", "has", "have", "hopes", "insisted", "is", "may", "might", "must", "rejected", "says",
    "should", "threatened", "wants", "was", "will", "won’t", "won't", "would", "wouldn’t", "wouldn't",
];

/// Roles of heads of state or government: what `the ... leader` describes.
const HEADS: &[&str] = &[
    "chancellor", "emir", "king", "leader", "premier", "president", "prime minister", "queen", "supreme leader",
];

const PRONOUNS_MALE: &[&str] = &["he", "him", "his", "himself"];
const PRONOUNS_FEMALE: &[&str] = &["she", "her", "hers", "herself"];

/// What makes two mentions the same entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer row.
    Row(NameKind, u32),
    /// A country's government, as an agent (`the Kremlin said`, `Moscow wouldn't`).
    Government(u32),
    /// A country's institution of one sector (`Russian forces` → MIL).
    Sector(u32, String),
    /// A person, by the index of their entity.
    Person(usize),
    /// Anything else, by type and folded text.
    Text(EntityType, String),
}

/// A mention on its way to an entity.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    first_token: usize,
    end_token: usize,
    sentence: usize,
    kind: EntityType,
    mention: MentionKind,
    key: Key,
    /// Gazetteer country row, when the mention's place or group is one country's.
    country: Option<u32>,
    role: Option<String>,
    sector: Option<String>,
}

struct Ctx<'a> {
    doc: &'a Document,
    r: &'a Resources,
    words: Vec<&'a str>,
    /// Each word in lower case, made once (the rules ask for most words several times).
    lowered: Vec<Cow<'a, str>>,
    sentence_of: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn lower(&self, i: usize) -> &str {
        self.lowered.get(i).map_or("", |w| w)
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span { start: self.doc.tokens[from].span.start, end: self.doc.tokens[to - 1].span.end }
    }

    fn text(&self, from: usize, to: usize) -> &'a str {
        &self.doc.text()[self.span(from, to)]
    }

    fn lookup(&self, from: usize, to: usize) -> Vec<NameRef> {
        self.r.lookup(self.text(from, to))
    }

    /// The ends `j` of the names of one to `max` tokens from token `i` that stay in its
    /// sentence and whose every token passes `free`, shortest first.
    fn run<'s>(&'s self, i: usize, max: usize, free: impl Fn(usize) -> bool + 's) -> impl Iterator<Item = usize> + 's {
        (i + 1..=(i + max).min(self.words.len()))
            .take_while(move |&j| free(j - 1) && self.sentence_of[j - 1] == self.sentence_of[i])
    }

    /// Reads the names of one to `max` tokens from token `i` (those of [`Ctx::run`]) into the
    /// index a word at a time, shortest first, and calls `visit(j, walk)` with the walk of
    /// tokens `i..j`, until no indexed name starts with the text read (`name` is a buffer).
    fn walk_names(&self, i: usize, max: usize, free: impl Fn(usize) -> bool, name: &mut String, mut visit: impl FnMut(usize, &Walk<'a>)) {
        let mut walk: Option<Walk<'a>> = None;
        for j in self.run(i, max, free) {
            name.clear();
            fold_more(self.piece(i, j), name);
            match walk.as_mut() {
                Some(w) => {
                    if !w.push(name) {
                        break;
                    }
                }
                None => walk = Some(self.r.index().walk_from(name)),
            }
            visit(j, walk.as_ref().expect("set above"));
        }
    }

    /// The text that extends the name of tokens `i..j - 1` to `i..j`: the first token itself,
    /// else the space before token `j - 1` and the token (fold it onto the shorter name's
    /// fold with [`fold_more`]).
    fn piece(&self, i: usize, j: usize) -> &'a str {
        let start = if j == i + 1 { self.doc.tokens[i].span.start } else { self.doc.tokens[j - 2].span.end };
        &self.doc.text()[Span { start, end: self.doc.tokens[j - 1].span.end }]
    }

    fn first_in_sentence(&self, i: usize) -> bool {
        i == 0 || self.sentence_of[i - 1] != self.sentence_of[i]
    }

    /// The country row of a gazetteer ref, where it has one.
    fn country_of(&self, r: NameRef) -> Option<u32> {
        let t = &self.r.tables;
        let alpha2 = match r.kind {
            NameKind::Country | NameKind::Demonym => return Some(r.id),
            NameKind::City => t.cities.get(r.id as usize).country,
            NameKind::Admin1 => t.admin1[r.id as usize].country.as_str(),
            NameKind::Organization => {
                let a3 = &t.organizations[r.id as usize].country;
                return t.country_row(a3);
            }
            NameKind::Seat => {
                let a3 = &t.seats[r.id as usize].country;
                return t.country_row(a3);
            }
            _ => return None,
        };
        t.country_row(alpha2)
    }
}

fn has(refs: &[NameRef], kind: NameKind) -> Option<NameRef> {
    refs.iter().copied().filter(|r| r.kind == kind && r.primary).min_by_key(|r| r.id)
}

/// Where the tagger cut a name the gazetteers know for certain into pieces, or left a word of
/// it out (`Democratic` + `Republic of the Congo`), the known name replaces the pieces: from
/// each tagged name's start and the two capitalized words before it (not `The`), the longest country,
/// organization, seat of government, first-level division, or second-level division ending in
/// a word for its kind (`Scott` + `County`), of two to six words that holds
/// every tagged name it touches whole.
fn join_known_names(cx: &Ctx<'_>, spans: &mut Vec<(usize, usize, usize, usize)>) {
    spans.sort_unstable();
    let mut joined: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut name = String::new();
    let mut k = 0;
    while k < spans.len() {
        let (a, _, _, si) = spans[k];
        let starts = (a.saturating_sub(2)..=a).filter(|&i| {
            let w = cx.word(i);
            cx.sentence_of[i] == si && w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("the")
        });
        let mut best: Option<(usize, usize, usize)> = None; // (start, end, conll type)
        for i in starts {
            cx.walk_names(i, 6, |_| true, &mut name, |j, walk| {
                let kind = walk.refs().filter(|n| n.primary).find_map(|n| match n.kind {
                    NameKind::Country | NameKind::Admin1 => Some(2),
                    // Two-word names of second-level divisions are often people's (`Kim Bang`):
                    // only those that end in a word for their kind.
                    NameKind::Admin2 if DIVISION_WORDS.contains(&cx.lower(j - 1)) => Some(2),
                    NameKind::Organization | NameKind::Seat => Some(1),
                    // A person the people lexicon knows by this full name (`Xi` + `Jinping`).
                    NameKind::Person => Some(0),
                    _ => None,
                });
                if let Some(kind) = kind.filter(|_| j >= i + 2 && best.is_none_or(|b| j - i > b.1 - b.0)) {
                    best = Some((i, j, kind));
                }
            });
        }
        // The tagged names it touches, from this one on: all must lie inside it, and it must
        // be more than the first of them.
        let touched = best.map(|(i, j, _)| spans[k..].iter().take_while(|s| s.0 < j).filter(|s| s.1 > i).count());
        match (best, touched) {
            (Some((i, j, kind)), Some(n))
                if spans[k..k + n].iter().all(|s| s.0 >= i && name_end(cx, s.0, s.1) <= j)
                    && joined.last().is_none_or(|p| p.1 <= i)
                    && (n > 1 || spans[k].0 != i || spans[k].1 != j) =>
            {
                joined.push((i, j, kind, si));
                k += n;
            }
            _ => {
                joined.push(spans[k]);
                k += 1;
            }
        }
    }
    *spans = joined;
}

/// Lower-case words that join the words of a name (`Bank of America`, `Maarten den Bakker`,
/// `Gazzetta dello Sport`).
const NAME_JOINERS: &[&str] = &[
    "&", "af", "al", "and", "av", "bin", "bint", "da", "das", "de", "degli", "del", "della", "dello", "den", "der", "des",
    "di", "do", "dos", "du", "e", "el", "for", "ibn", "in", "la", "le", "les", "of", "on", "the", "upon", "van", "von", "y",
    "zu",
];

/// Where the tagger ran a name on over a lower-case word that does not join names
/// (`Akita Prefecture of northern Japan`, `Real Madrid coach Fabio Capello`, `Erdem shot`),
/// the name ends before it, joining words dropped from its end (`Akita Prefecture`; so they
/// are from every name: `Suef and`). The capitalized words after the lower-case ones are a
/// name of their own: a place or an
/// organization when the gazetteers know it for one (`Japan`), a person when it has two
/// words or more and opens with a given name (`Fabio Capello`), else of the kind the tagger
/// read.
fn cut_at_common_words(cx: &Ctx<'_>, spans: &mut Vec<(usize, usize, usize, usize)>) {
    let common = |i: usize| {
        let w = cx.word(i);
        w.starts_with(char::is_lowercase) && !NAME_JOINERS.contains(&w) && !w.split_once('-').is_some_and(|(p, _)| NAME_JOINERS.contains(&p))
    };
    let joiner_last = |b: usize| NAME_JOINERS.contains(&cx.word(b - 1));
    if !spans.iter().any(|&(a, b, _, _)| (a + 1..b).any(common) || (b > a + 1 && joiner_last(b))) {
        return;
    }
    let mut out = Vec::with_capacity(spans.len() + 1);
    for &(a, b, kind, si) in spans.iter() {
        let (mut from, mut k) = (a, kind);
        while from < b {
            let cut = (from + 1..b).find(|&i| common(i)).unwrap_or(b);
            let mut end = cut;
            while end > from + 1 && NAME_JOINERS.contains(&cx.word(end - 1)) {
                end -= 1;
            }
            out.push((from, end, k, si));
            from = (cut..b).find(|&i| cx.word(i).starts_with(char::is_uppercase)).unwrap_or(b);
            if from < b {
                let rest = (from..b).find(|&i| common(i)).unwrap_or(b);
                // A gazetteer's alternate spelling counts for a place (`Beni Suef`), but not a
                // short one, as in `retype_places`.
                let long = cx.text(from, rest).len() > 3;
                let known = cx.lookup(from, rest).into_iter().filter(|n| n.primary || long).find_map(|n| match n.kind {
                    NameKind::Country | NameKind::Admin1 | NameKind::City => Some(2),
                    NameKind::Organization | NameKind::Seat if n.primary => Some(1),
                    _ => None,
                });
                let person = rest > from + 1 && cx.lookup(from, from + 1).iter().any(|n| n.kind == NameKind::GivenName);
                k = known.unwrap_or(if person { 0 } else { kind });
            }
        }
    }
    *spans = out;
}

/// Where the tagger read places joined by `and` as one name (`Luton and London`, `Etoumbi
/// and Mbomo`), and no name the gazetteers hold, the name is cut at each `and`: a part the
/// gazetteers know as a country, a division or a city of 10,000 people or more is a place,
/// and the others keep the kind the tagger read. Names whose parts are not places stay whole
/// (`Food and Drug Administration`).
fn split_coordinated_places(cx: &Ctx<'_>, spans: &mut Vec<(usize, usize, usize, usize)>) {
    const PLACE: usize = 2;
    let coordinated = |&(a, b, _, _): &(usize, usize, usize, usize)| (a + 1..b.saturating_sub(1)).any(|i| cx.word(i) == "and");
    if !spans.iter().any(coordinated) {
        return;
    }
    let tables = &cx.r.tables;
    let is_place = |a: usize, b: usize| {
        cx.lookup(a, b).iter().any(|n| {
            n.primary
                && match n.kind {
                    NameKind::Country | NameKind::Admin1 | NameKind::Admin2 => true,
                    NameKind::City => tables.cities.population(n.id as usize) >= 10_000,
                    _ => false,
                }
        })
    };
    let mut out = Vec::with_capacity(spans.len() + 1);
    for &(a, b, k, si) in spans.iter() {
        if !coordinated(&(a, b, k, si)) || !cx.lookup(a, b).is_empty() {
            out.push((a, b, k, si));
            continue;
        }
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut from = a;
        for i in a + 1..b - 1 {
            if cx.word(i) == "and" {
                parts.push((from, i));
                from = i + 1;
            }
        }
        parts.push((from, b));
        let places: Vec<bool> = parts.iter().map(|&(p, q)| is_place(p, q)).collect();
        if places.contains(&true) {
            out.extend(parts.iter().zip(&places).map(|(&(p, q), &place)| (p, q, if place { PLACE } else { k }, si)));
        } else {
            out.push((a, b, k, si));
        }
    }
    *spans = out;
}

/// Where the tagger read a place or an organization, a title and a person's name as one name
/// (`United States President George W. Bush`), the name is cut at the title: the part before
/// it, a country, division, city, organization or nationality the gazetteers know, keeps its
/// kind; the part after it is a person; the title itself is left to describe the person.
/// So is a name with no title between, where the part before is a country or an organization,
/// the part after has two words or more and opens with a given name or is a person the people
/// lexicon knows, and the whole is no name the gazetteers know (`President of the` `United
/// States Barack Obama`).
fn split_at_titles(cx: &Ctx<'_>, spans: &mut Vec<(usize, usize, usize, usize)>) {
    let mut out = Vec::with_capacity(spans.len());
    let mut name = String::new();
    let known_before = |a: usize, t: usize| {
        cx.lookup(a, t).into_iter().filter(|n| n.primary).find_map(|n| match n.kind {
            NameKind::Country | NameKind::Admin1 | NameKind::City => Some(2),
            NameKind::Organization => Some(1),
            NameKind::Demonym => Some(3),
            _ => None,
        })
    };
    for &(a, b, k, si) in spans.iter() {
        let adjoining = || {
            let person = |t: usize| {
                cx.lookup(t, t + 1).iter().any(|n| n.kind == NameKind::GivenName) || cx.lookup(t, b).iter().any(|n| n.kind == NameKind::Person)
            };
            // (Only a country's or an organization's name: `Santa` + `Ana` is a city's.)
            let country_or_org = |t: usize| {
                cx.lookup(a, t).into_iter().filter(|n| n.primary).find_map(|n| match n.kind {
                    NameKind::Country => Some(2),
                    NameKind::Organization => Some(1),
                    _ => None,
                })
            };
            let (t, kind) = (a + 1..b.saturating_sub(1)).find_map(|t| person(t).then(|| country_or_org(t)).flatten().map(|kind| (t, kind)))?;
            cx.lookup(a, b).is_empty().then_some((t, t, kind))
        };
        let cut = (a + 1..b.saturating_sub(1)).find_map(|t| {
            // The longest title of up to three words from `t` with a capitalized word after it
            // inside the name, read into the index a word at a time.
            let mut title_end = None;
            cx.walk_names(t, 3, |j| j + 1 < b, &mut name, |j, walk| {
                // (Or a post the roles lexicon holds for one person: `Ford Motor Company CEO`
                // `Alan Mulally`.)
                let title = walk.refs().any(|n| match n.kind {
                    NameKind::Title => cx.r.tables.titles[n.id as usize].kind != "honorific",
                    NameKind::Role => cx.r.tables.roles[n.id as usize].kind == "person",
                    _ => false,
                });
                if title && cx.word(j).starts_with(char::is_uppercase) {
                    title_end = Some(j);
                }
            });
            let after = title_end?;
            Some((t, after, known_before(a, t)?))
        });
        let cut = cut.or_else(adjoining);
        match cut {
            Some((t, after, kind)) => {
                out.push((a, t, kind, si));
                out.push((after, b, 0, si));
            }
            None => out.push((a, b, k, si)),
        }
    }
    *spans = out;
}

/// Where a name ends in the word that heads an organization's name (`Department`, `Ministry`,
/// `Centers`: the heads of `org_affixes.tsv`, or their plurals) and `of` or `for` follows
/// with capitalized words (`United States Department` + `of Agriculture`, `US Centers` + `for
/// Disease Control and Prevention`), the complement is part of the organization's name: the
/// name runs on over capitalized words, and over `and`, `of`, `for` and `the` between them
/// (not into a person's name), and is an organization. So is a name the tagger read whole
/// as a place or something else when it holds such a head and complement, and a complement
/// the tagger cut short runs on over the capitalized words after it.
fn join_organization_complements(cx: &Ctx<'_>, spans: &mut Vec<(usize, usize, usize, usize)>) {
    const ORG: usize = 1;
    let is_head = |w: &str| {
        let singular = w.strip_suffix('s').unwrap_or(w);
        cx.r.tables.org_affixes.iter().any(|a| a.position == "head" && (a.word == w || a.word == singular))
    };
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(spans.len());
    let mut k = 0;
    while k < spans.len() {
        let (a, b, kind, si) = spans[k];
        k += 1;
        let same = |i: usize| i < cx.words.len() && cx.sentence_of[i] == si;
        let capital = |i: usize| same(i) && cx.word(i).starts_with(char::is_uppercase);
        // A person's name, not one word the name lists do not hold (`Health` read as a person).
        let person_at = |i: usize| {
            spans[k..].iter().any(|s| {
                s.0 == i && s.2 == 0 && (s.1 > i + 1 || cx.lookup(i, i + 1).iter().any(|n| matches!(n.kind, NameKind::GivenName | NameKind::Surname)))
            })
        };
        let complement_inside = b > a && (a + 1..b - 1).any(|i| matches!(cx.lower(i), "of" | "for") && is_head(cx.word(i - 1)));
        let joins = b > a && same(b) && matches!(cx.lower(b), "of" | "for") && capital(b + 1) && is_head(cx.word(b - 1));
        // An organization's complement the tagger cut short runs on over the capitalized words
        // right after it (`World Organization for Animal` + `Health`).
        let cut = kind == ORG && complement_inside && capital(b) && !person_at(b);
        if !joins && !cut {
            // A place or other name with such a head and its complement inside is an
            // organization too (`United States Department of Energy` read as a place).
            let inside = kind >= 2 && complement_inside;
            out.push((a, b, if inside { ORG } else { kind }, si));
            continue;
        }
        // The complement: capitalized words, and joining words with a capitalized word after.
        let mut end = if joins { b + 1 } else { b };
        while end < b + 10 {
            if capital(end) && !(end > b + 1 && person_at(end)) {
                end += 1;
            } else if same(end) && matches!(cx.lower(end), "and" | "of" | "for" | "the") && capital(end + 1) && !person_at(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        // Every tagged name it reaches lies inside it.
        while k < spans.len() && spans[k].0 < end {
            end = end.max(spans[k].1);
            k += 1;
        }
        out.push((a, end, ORG, si));
    }
    *spans = out;
}

/// Words before a name that put it where a place stands (`in Scott County`, `near Tyler`).
const LOCATIVE: &[&str] = &["across", "around", "at", "in", "inside", "into", "near", "outside", "throughout"];
/// Words before a name that put an organization's or other name where a place stands, but
/// are as common before a person (`a letter from Austin`, `said to Tyler`).
const LOCATIVE_NOT_PERSON: &[&str] = &["from", "of", "to"];

/// A name the tagger read as a person, an organization or something else, that the
/// gazetteer holds as a place and that no lexicon holds as anything else, is a place when one
/// of its mentions stands where a place does: after a locative preposition (`in Scott County`),
/// before its container (`Louisville, Kentucky`, `Marion, in Grant County`), after a place and a comma (`Manaoag,
/// Pangasinan`), coordinated with a place (`Devon and Cornwall`), or, not for a person, as a
/// noun's modifier after an article that is not the name's own (`the Benghazi hospital`,
/// not `the Hague tribunal`). All of its mentions become
/// places (one type per name per document). A word that ends a person's full name stays the
/// person, and a name with a capitalized word right after it is left as it is (the tagger
/// cut a longer name: `Emberton School`). True when some name became a place.
fn retype_places(cx: &Ctx<'_>, spans: &mut [(usize, usize, usize, usize)], surnames: &std::collections::HashSet<String, FxBuild>) -> bool {
    const PLACE: usize = 2;
    // The spans are sorted and do not overlap: their starts and ends are both in order.
    let place_starting = |i: usize| {
        let k = spans.partition_point(|s| s.0 < i);
        spans.get(k).is_some_and(|s| s.0 == i && s.2 == PLACE)
    };
    let place_ending = |i: usize| {
        let k = spans.partition_point(|s| s.1 < i);
        spans.get(k).is_some_and(|s| s.1 == i && s.2 == PLACE)
    };
    let mut places: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for &(a, b, k, si) in spans.iter() {
        if k == PLACE {
            continue;
        }
        let same = |i: usize| i < cx.words.len() && cx.sentence_of[i] == si;
        let before = |n: usize| if a >= n && same(a - n) { cx.lower(a - n) } else { "" };
        let after = |n: usize| if same(b + n - 1) { cx.word(b + n - 1) } else { "" };
        let prev = before(1);
        let next = after(1);
        // A capitalized word after it says the tagger cut a longer name (`Emberton School`).
        if next.starts_with(char::is_uppercase) {
            continue;
        }
        let context = LOCATIVE.contains(&prev)
            || (k != 0 && LOCATIVE_NOT_PERSON.contains(&prev))
            || (next == "," && place_starting(b + 1))
            // `Austin, in Scott County`
            || (next == "," && after(2) == "in" && place_starting(b + 2))
            || (prev == "," && a >= 1 && place_ending(a - 1))
            || (matches!(prev, "and" | "or") && a >= 1 && place_ending(a - 1))
            || (matches!(next, "and" | "or") && place_starting(b + 1))
            || (k != 0
                && matches!(prev, "the" | "a" | "an")
                && next.len() > 2
                && next.chars().all(|c| c.is_lowercase())
                // `the Hague tribunal`: the article is the place's own, and says nothing.
                && (prev != "the" || cx.lookup(a - 1, b).is_empty()));
        if !context {
            continue;
        }
        let name = fold(cx.text(a, b));
        if places.contains(&name) || seen.contains(&name) || (b - a == 1 && surnames.contains(&name)) {
            continue;
        }
        let refs = cx.lookup(a, b);
        let other = refs.iter().any(|n| {
            n.primary
                && matches!(
                    n.kind,
                    NameKind::Organization | NameKind::Seat | NameKind::Person | NameKind::Demonym | NameKind::Group
                )
        });
        // A gazetteer's alternate spelling counts (`Acapulco` for Acapulco de Juárez), but
        // not a short one: those are too often initials.
        let place = refs.iter().any(|n| (n.primary || name.len() > 3) && n.kind.is_place());
        if place && !other {
            places.push(name);
        } else {
            seen.push(name);
        }
    }
    if places.is_empty() {
        return false;
    }
    for (a, b, k, _) in spans.iter_mut() {
        if *k != PLACE && places.contains(&fold(cx.text(*a, *b))) {
            *k = PLACE;
        }
    }
    true
}

/// Words that end a landform's name and that no one's name ends in (not `Bay`, `Lake`).
const LANDFORM_LAST: &[&str] = &[
    "archipelago", "canyon", "creek", "delta", "desert", "glacier", "island", "islands", "mountains", "peninsula", "plateau",
    "river", "strait", "valley",
];
/// Words for a direction that open the name of a part of a place (`North Dallas`).
const COMPASS_WORDS: &[&str] = &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];
/// Words that open a landform's name.
const LANDFORM_FIRST: &[&str] = &["cape", "lake", "mount", "mt."];

/// Words that end a second-level division's name and say what it is.
const DIVISION_WORDS: &[&str] = &["borough", "county", "district", "municipality", "parish", "prefecture", "province"];

/// The end of a tagged name without the punctuation that ends it (`County` + `.`).
fn name_end(cx: &Ctx<'_>, a: usize, mut b: usize) -> usize {
    while b > a && !cx.word(b - 1).chars().any(char::is_alphanumeric) {
        b -= 1;
    }
    b
}

/// The largest city a name is the own name of.
fn biggest_city(r: &Resources, refs: &[NameRef]) -> Option<NameRef> {
    refs.iter()
        .copied()
        .filter(|n| n.kind == NameKind::City && n.primary)
        .max_by_key(|n| (r.tables.cities.population(n.id as usize), std::cmp::Reverse(n.id)))
}

/// A first-level division or a city of that name: the city when it is a capital or holds at
/// least half the division's people (`Moscow`, `New York`), else the division (`Georgia`);
/// of divisions of one name, the most populous (the US state `Maryland`, not Liberia's
/// county).
fn place(r: &Resources, refs: &[NameRef]) -> Option<NameRef> {
    let city = biggest_city(r, refs);
    let admin1 = refs
        .iter()
        .copied()
        .filter(|n| n.kind == NameKind::Admin1 && n.primary)
        .max_by_key(|n| (r.tables.admin1[n.id as usize].population, std::cmp::Reverse(n.id)));
    let Some(admin1) = admin1 else { return city };
    match city.map(|c| r.tables.cities.get(c.id as usize)) {
        Some(c) if c.feature == "PPLC" || u64::from(c.population) * 2 >= r.tables.admin1[admin1.id as usize].population => city,
        _ => Some(admin1),
    }
}

/// Builds the entities of `doc` from the tagger's spans (per sentence, token indices relative
/// to the sentence).
pub(super) fn resolve(doc: &Document, tagged: &[Vec<TaggedSpan>], r: &Resources) -> Vec<Entity> {
    let text = doc.text();
    let mut sentence_of = vec![0; doc.tokens.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        sentence_of[s.first_token.index()..s.end_token.index()].iter_mut().for_each(|x| *x = i);
    }
    let words: Vec<&str> = doc.tokens.iter().map(|t| &text[t.span]).collect();
    let lowered = words.iter().map(|w| crate::chars::lowercase(w)).collect();
    let cx = Ctx { doc, r, words, lowered, sentence_of };

    // 1. Names: the tagger's, typed and keyed by gazetteer identity, one type per name in the
    // document: a word that ends a person's full name is that person wherever it stands
    // alone (unless it is a place the tagger reads alone as one: `place_first` below), and
    // otherwise a name takes the type the tagger gives it most often.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, end, conll type, sentence)
    for (si, tagged_spans) in tagged.iter().enumerate() {
        let base = doc.sentences[si].first_token.index();
        spans.extend(tagged_spans.iter().map(|s| (base + s.start, base + s.end, s.kind, si)));
    }
    cut_at_common_words(&cx, &mut spans);
    split_coordinated_places(&cx, &mut spans);
    // A person or other name that a word for a division or a landform heads, or a direction
    // before a place, is a place (`Clark County`, `Lake Pontchartrain`, `Fraser Valley`,
    // `North Dallas`). Not an organization's (`Green Bay` the team).
    for (a, b, k, _) in &mut spans {
        let head = *b > *a + 1
            && (DIVISION_WORDS.contains(&cx.lower(*b - 1))
                || LANDFORM_LAST.contains(&cx.lower(*b - 1))
                || LANDFORM_FIRST.contains(&cx.lower(*a))
                || (COMPASS_WORDS.contains(&cx.lower(*a)) && cx.lookup(*a + 1, *b).iter().any(|n| n.primary && n.kind.is_place())));
        if matches!(*k, 0 | 3) && head {
            *k = 2;
        }
    }
    join_known_names(&cx, &mut spans);
    split_at_titles(&cx, &mut spans);
    join_organization_complements(&cx, &mut spans);
    let surnames: std::collections::HashSet<String, FxBuild> = spans
        .iter()
        .filter(|&&(a, b, k, _)| k == 0 && b - a >= 2)
        .map(|&(_, b, _, _)| fold(cx.word(b - 1)))
        .collect();
    let mut votes: HashMap<String, [usize; 4], FxBuild> = HashMap::default();
    for &(a, b, k, _) in &spans {
        votes.entry(fold(cx.text(a, b))).or_default()[k] += 1;
    }
    // A place that the tagger reads alone as a place more often than as a person is not the
    // surname's person when it is a country (`Sudan` after a misread `Villages Sudan`), or a
    // division or city that is no one's name in the name lists and ends no full name that
    // opens with a given name (`Malakal` after `Village Malakal`, not after `Diego Silang`).
    let given_name_surnames: std::collections::HashSet<String, FxBuild> = spans
        .iter()
        .filter(|&&(a, b, k, _)| k == 0 && b - a >= 2 && cx.lookup(a, a + 1).iter().any(|n| n.kind == NameKind::GivenName))
        .map(|&(_, b, _, _)| fold(cx.word(b - 1)))
        .collect();
    let place_first = |name: &str, v: &[usize; 4]| {
        let refs = cx.r.lookup(name);
        let named = given_name_surnames.contains(name) || refs.iter().any(|n| matches!(n.kind, NameKind::GivenName | NameKind::Surname));
        v[2] > v[0]
            && refs.iter().any(|n| {
                n.primary && (n.kind == NameKind::Country || (!named && matches!(n.kind, NameKind::Admin1 | NameKind::City)))
            })
    };
    for (a, b, k, _) in &mut spans {
        let name = fold(cx.text(*a, *b));
        *k = if *b - *a == 1 && surnames.contains(&name) && !place_first(&name, &votes[&name]) {
            0
        } else {
            let v = votes[&name];
            (0..4).max_by_key(|&t| (v[t], t == *k)).expect("four types")
        };
    }
    // A word read alone as a person, and never as part of a person's full name, that names a
    // city of 500,000 people or more is that city (`a Denver judge`).
    let given: std::collections::HashSet<String, FxBuild> =
        spans.iter().filter(|&&(a, b, k, _)| k == 0 && b - a >= 2).map(|&(a, _, _, _)| fold(cx.word(a))).collect();
    let tables = &cx.r.tables;
    for (a, b, k, _) in &mut spans {
        if *k != 0 || *b - *a != 1 {
            continue;
        }
        let name = fold(cx.word(*a));
        let city = || {
            cx.lookup(*a, *b).iter().any(|n| n.primary && n.kind == NameKind::City && tables.cities.population(n.id as usize) >= 500_000)
        };
        if !surnames.contains(&name) && !given.contains(&name) && city() {
            *k = 2;
        }
    }
    // Again when a name became a place: the names written beside it are now beside a place
    // (`Marion, in Grant County`, both read as people).
    if retype_places(&cx, &mut spans, &surnames) {
        retype_places(&cx, &mut spans, &surnames);
    }
    // One decision per name per document: a name the tagger found somewhere is that name
    // wherever else it stands (`While Trump warned` after `Donald Trump` elsewhere).
    let mut known: HashMap<String, usize, FxBuild> = HashMap::default();
    for &(a, b, k, _) in &spans {
        known.insert(fold(cx.text(a, b)), k);
        if k == 0 && b - a >= 2 {
            let last = fold(cx.word(b - 1));
            if !votes.get(&last).is_some_and(|v| place_first(&last, v)) {
                known.insert(last, 0);
            }
        }
    }
    let mut taken = vec![false; doc.tokens.len()];
    for &(a, b, _, _) in &spans {
        taken[a..b].iter_mut().for_each(|t| *t = true);
    }
    // The known names in order, to tell when no known name starts with the text read so far.
    let mut sorted: Vec<&str> = known.keys().map(String::as_str).collect();
    sorted.sort_unstable();
    let starts_a_name = |prefix: &str| sorted.get(sorted.partition_point(|k| *k < prefix)).is_some_and(|k| k.starts_with(prefix));
    let mut i = 0;
    let mut name = String::new();
    let mut ends = Vec::new();
    while i < cx.words.len() {
        if taken[i] || !cx.word(i).starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        // The names of one to four tokens from here, folded a piece at a time.
        name.clear();
        ends.clear();
        for j in cx.run(i, 4, |j| !taken[j]) {
            fold_more(cx.piece(i, j), &mut name);
            if !starts_a_name(&name) {
                break;
            }
            ends.push((j, name.len()));
        }
        let hit = ends.iter().rev().find_map(|&(j, len)| known.get(&name[..len]).map(|&k| (j, k)));
        match hit {
            Some((j, k)) => {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                spans.push((i, j, k, cx.sentence_of[i]));
                i = j;
            }
            None => i += 1,
        }
    }
    spans.sort_unstable();
    let mut found: Vec<Found> = Vec::new();
    let mut covered = vec![false; doc.tokens.len()];
    for &(a, b, kind, si) in &spans {
        {
            if let Some(f) = name_mention(&cx, a, b, kind, si) {
                covered[a..b].iter_mut().for_each(|c| *c = true);
                found.push(f);
            }
        }
    }
    // 2. Names the gazetteers know for certain that the tagger missed.
    // The names read from one token: (end token, the end of its refs in `refs`).
    let (mut names, mut refs): (Vec<(usize, usize)>, Vec<NameRef>) = (Vec::new(), Vec::new());
    for i in 0..cx.words.len() {
        if covered[i] || !cx.word(i).starts_with(char::is_uppercase) {
            continue;
        }
        // The names of one to five tokens from here the index holds, read a piece at a time.
        names.clear();
        refs.clear();
        cx.walk_names(i, 5, |j| !covered[j], &mut name, |j, walk| {
            refs.extend(walk.refs());
            names.push((j, refs.len()));
        });
        let refs_of = |k: usize| &refs[if k == 0 { 0 } else { names[k - 1].1 }..names[k].1];
        let best = (0..names.len()).rev().find(|&k| {
            let (j, refs) = (names[k].0, refs_of(k));
            let sure = refs.iter().any(|n| {
                n.primary && matches!(n.kind, NameKind::Country | NameKind::Seat | NameKind::Organization | NameKind::Demonym)
            });
            // A capitalized word opening a sentence is not evidence by itself.
            sure && (j > i + 1 || !cx.first_in_sentence(i) || has(refs, NameKind::Country).is_some())
        });
        if let Some(k) = best {
            let (j, refs) = (names[k].0, refs_of(k));
            let conll = if has(refs, NameKind::Demonym).is_some() { 3 } else { 2 };
            if let Some(f) = name_mention(&cx, i, j, conll, cx.sentence_of[i]) {
                covered[i..j].iter_mut().for_each(|c| *c = true);
                found.push(f);
            }
        }
    }
    found.sort_by_key(|f| f.first_token);

    // 3. Metonymy: a capital or seat of government doing something is its government.
    for f in &mut found {
        let capital_or_seat = match &f.key {
            Key::Row(NameKind::Seat, _) => true,
            Key::Row(NameKind::City, id) => r.tables.cities.get(*id as usize).feature == "PPLC",
            _ => false,
        };
        if capital_or_seat && is_agent(&cx, f.first_token, f.end_token) {
            if let Some(c) = f.country {
                f.key = Key::Government(c);
                f.kind = EntityType::Org;
                f.sector = Some("GOV".into());
            }
        }
    }

    // 4. Demonym + group noun: `Russian forces`, `Ukrainian officials`.
    let mut extra = Vec::new();
    for f in &found {
        if f.kind != EntityType::Norp || f.country.is_none() {
            continue;
        }
        let next = cx.lower(f.end_token);
        let role = r.lookup(next).into_iter().find(|n| n.kind == NameKind::Role);
        // A group or institution (`forces`, `government`), or people in the plural (`officials`).
        let role = role.map(|n| &r.tables.roles[n.id as usize]).filter(|role| role.kind != "person" || role.role != *next);
        if let Some(role) = role {
            extra.push(Found {
                span: cx.span(f.first_token, f.end_token + 1),
                first_token: f.first_token,
                end_token: f.end_token + 1,
                sentence: f.sentence,
                kind: EntityType::Org,
                mention: MentionKind::Nominal,
                key: Key::Sector(f.country.expect("checked"), role.sector.clone()),
                country: f.country,
                role: None,
                sector: Some(role.sector.clone()),
            });
        }
    }

    // 5. People: titles and nationalities before the name; surnames join full names. People
    // are found by their last name in a map, so this stays linear in the mentions.
    let mut names: Vec<Vec<String>> = Vec::new(); // the longest name of each person, by slot
    let mut by_last: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
    for f in found.iter_mut().filter(|f| f.kind == EntityType::Person) {
        let (role, sector, country) = title_before(&cx, f.first_token);
        f.role = f.role.take().or(role);
        f.sector = f.sector.take().or(sector);
        f.country = f.country.or(country);
        let words: Vec<String> = cx.text(f.first_token, f.end_token).split_whitespace().map(fold).collect();
        let Some(last) = words.last().cloned() else { continue };
        let slots = by_last.entry(last).or_default();
        let same = slots.iter().rev().copied().find(|&s| {
            let name = &names[s];
            words.len() == 1 || name.len() == 1 || name.first() == words.first()
        });
        let slot = match same {
            Some(s) => {
                if words.len() > names[s].len() {
                    names[s] = words;
                }
                s
            }
            None => {
                names.push(words);
                slots.push(names.len() - 1);
                names.len() - 1
            }
        };
        f.key = Key::Person(slot);
    }
    found.extend(extra);

    // 6. Acronyms: `ICC` after `International Criminal Court`. A short name in capitals in
    // brackets right after an organization's name is that organization's, whatever its letters
    // and whatever the tagger read it as (`World Organisation for Animal Health (OIE)`), and so
    // is every later mention of it.
    let capitals = |name: &str| name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.');
    let mut acronyms: HashMap<String, Key, FxBuild> = HashMap::default();
    let org_ends: HashMap<usize, Key, FxBuild> = found.iter().filter(|f| f.kind == EntityType::Org).map(|f| (f.end_token, f.key.clone())).collect();
    let mut bracketed: HashMap<String, Key, FxBuild> = HashMap::default();
    for f in &found {
        let name = cx.text(f.first_token, f.end_token);
        let (a, b) = (f.first_token, f.end_token);
        if a >= 2 && cx.word(a - 1) == "(" && cx.word(b) == ")" && capitals(name) {
            if let Some(key) = org_ends.get(&(a - 1)) {
                bracketed.entry(name.replace('.', "")).or_insert_with(|| key.clone());
            }
        }
    }
    for f in &mut found {
        let name = cx.text(f.first_token, f.end_token);
        if let Some(key) = capitals(name).then(|| bracketed.get(&name.replace('.', ""))).flatten() {
            f.kind = EntityType::Org;
            f.key = key.clone();
            continue;
        }
        if f.kind != EntityType::Org {
            continue;
        }
        let is_acronym = capitals(name);
        if is_acronym {
            if let Some(k) = acronyms.get(&name.replace('.', "")) {
                f.key = k.clone();
            }
        } else {
            let initials: String =
                name.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
            if initials.len() >= 2 {
                acronyms.entry(initials).or_insert_with(|| f.key.clone());
            }
        }
    }

    // A known company named in full (`Ford Motor Company`) is named by its first word alone
    // too (`Ford said`), whatever the tagger read that word as (a town in England), unless the
    // word is a country, a division, a large city or a people's adjective, or follows a
    // courtesy title (`Mr. Ford`).
    let mut firsts: HashMap<&str, (Key, Option<u32>), FxBuild> = HashMap::default();
    for f in found.iter().filter(|f| f.kind == EntityType::Org && f.end_token - f.first_token >= 2) {
        if let Key::Row(NameKind::Organization, id) = f.key {
            if r.tables.organizations[id as usize].kind == "company" {
                firsts.entry(cx.word(f.first_token)).or_insert((f.key.clone(), f.country));
            }
        }
    }
    for f in found.iter_mut().filter(|f| f.end_token - f.first_token == 1 && f.mention == MentionKind::Name) {
        let Some((key, country)) = firsts.get(cx.word(f.first_token)) else { continue };
        let refs = cx.lookup(f.first_token, f.end_token);
        let place = [NameKind::Country, NameKind::Admin1, NameKind::Demonym].into_iter().any(|k| has(&refs, k).is_some())
            || biggest_city(r, &refs).is_some_and(|c| r.tables.cities.population(c.id as usize) >= 100_000);
        let courtesy = f.first_token > 0 && matches!(cx.word(f.first_token - 1), "Mr." | "Mrs." | "Ms." | "Dr." | "Mr" | "Mrs" | "Ms" | "Dr");
        if !place && !courtesy {
            f.kind = EntityType::Org;
            f.key = key.clone();
            f.country = *country;
        }
    }

    let mut entities = Builder::new(&cx);
    for f in &found {
        entities.add(f);
    }
    // 7. People in office: country, role and sector from the people lexicon, for the tenure
    // that covers the publication date (else the latest before it).
    entities.offices(doc.meta.published.map(|d| d.year()));
    // 8. Descriptions and pronouns, in text order, against the entities known so far.
    entities.descriptions_and_pronouns();
    entities.finish()
}

/// A tagged name as a mention: its type and its identity.
fn name_mention(cx: &Ctx<'_>, a: usize, b: usize, conll: usize, sentence: usize) -> Option<Found> {
    // Possessive and punctuation at the edges are not part of a name.
    let (mut a, mut b) = (a, b);
    while a < b && !cx.word(a).starts_with(char::is_alphanumeric) {
        a += 1;
    }
    while b > a && !cx.word(b - 1).chars().any(char::is_alphanumeric) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let refs = cx.lookup(a, b);
    let last = cx.lower(b - 1);
    let mut f = Found {
        span: cx.span(a, b),
        first_token: a,
        end_token: b,
        sentence,
        kind: EntityType::Misc,
        mention: MentionKind::Name,
        key: Key::Text(EntityType::Misc, fold(cx.text(a, b))),
        country: None,
        role: None,
        sector: None,
    };
    let row = |f: &mut Found, kind: EntityType, n: NameRef| {
        f.kind = kind;
        f.key = Key::Row(n.kind, n.id);
        f.country = cx.country_of(n);
    };
    let facility = FACILITY_HEADS.contains(&last);
    // Someone the people lexicon knows by this full name is a person, whatever the tagger
    // read (its training news is from 1996).
    let conll = if has(&refs, NameKind::Person).is_some() { 0 } else { conll };
    match conll {
        0 => {
            f.kind = EntityType::Person;
            f.key = Key::Text(EntityType::Person, fold(cx.text(a, b)));
        }
        1 => {
            // The tagger read an organization: a seat of government named for its office
            // (`the White House said`), a known body, or a team named for its country.
            let historical = has(&refs, NameKind::Region).filter(|n| cx.r.tables.regions[n.id as usize].kind == "historical");
            if let Some(n) = has(&refs, NameKind::Seat).or_else(|| has(&refs, NameKind::Organization)) {
                row(&mut f, EntityType::Org, n);
            } else if let Some(n) = historical {
                row(&mut f, EntityType::Gpe, n); // `USSR`: a state, though written like a body
            } else if facility {
                f.kind = EntityType::Fac;
                f.key = Key::Text(EntityType::Fac, fold(cx.text(a, b)));
            } else {
                f.kind = EntityType::Org;
                f.key = Key::Text(EntityType::Org, fold(cx.text(a, b)));
            }
        }
        2 => {
            if let Some(n) = has(&refs, NameKind::Seat) {
                row(&mut f, EntityType::Fac, n);
            } else if let Some(n) = has(&refs, NameKind::Country) {
                row(&mut f, EntityType::Gpe, n);
            } else if facility {
                f.kind = EntityType::Fac;
                f.key = Key::Text(EntityType::Fac, fold(cx.text(a, b)));
            } else if crate::chars::initials(cx.text(a, b)) && place(cx.r, &refs).is_some_and(|n| n.kind == NameKind::City) {
                // Two or three capitals that only a small town's own name spells (`GAO`,
                // `NIH`) are a body's initials, not the town (Gao, Mali).
                f.kind = EntityType::Org;
                f.key = Key::Text(EntityType::Org, fold(cx.text(a, b)));
            } else if let Some(n) = place(cx.r, &refs) {
                row(&mut f, EntityType::Gpe, n);
            } else if let Some(n) = has(&refs, NameKind::Region).or_else(|| has(&refs, NameKind::Continent)) {
                // A state of the past (`Soviet Union`) governed: it is GPE like a country.
                let historical = n.kind == NameKind::Region && cx.r.tables.regions[n.id as usize].kind == "historical";
                row(&mut f, if historical { EntityType::Gpe } else { EntityType::Loc }, n);
            } else if let Some(n) = has(&refs, NameKind::Organization) {
                row(&mut f, EntityType::Org, n);
            } else {
                // A place no gazetteer knows is more often a natural or small place than a
                // town of a thousand people or a state.
                f.kind = EntityType::Loc;
                f.key = Key::Text(EntityType::Loc, fold(cx.text(a, b)));
            }
        }
        _ => {
            // A people's adjective before a group's name is that country's (`Rwandan Hutu`,
            // `Bosnian Serb`).
            let first = (b - a >= 2).then(|| has(&cx.lookup(a, a + 1), NameKind::Demonym)).flatten();
            if let Some(n) = has(&refs, NameKind::Demonym) {
                row(&mut f, EntityType::Norp, n);
                f.key = Key::Row(NameKind::Demonym, n.id);
            } else if let Some(n) = first {
                f.kind = EntityType::Norp;
                f.country = cx.country_of(n);
            } else if let Some(n) = has(&refs, NameKind::Group) {
                row(&mut f, EntityType::Norp, n);
            } else if let Some(n) = has(&refs, NameKind::Organization) {
                // A body the lexicon knows by this very name, read as a product's or a
                // brand's (`bought six jets from Airbus`).
                row(&mut f, EntityType::Org, n);
            } else if EVENT_HEADS.contains(&last) {
                f.kind = EntityType::Event;
                f.key = Key::Text(EntityType::Event, fold(cx.text(a, b)));
            } else if let Some(n) = has(&refs, NameKind::Region) {
                row(&mut f, EntityType::Loc, n);
            } else {
                f.key = Key::Text(EntityType::Misc, fold(cx.text(a, b)));
            }
        }
    }
    Some(f)
}

/// Is the name at `a..b` the agent of a clause: first in its clause, and followed by a verb?
fn is_agent(cx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let next = cx.lower(b);
    let verb = AGENT_VERBS.contains(&next)
        || cx.r.lookup(next).iter().any(|n| n.kind == NameKind::ReportingVerb);
    let mut before = a;
    if before > 0 && cx.lower(before - 1) == "the" {
        before -= 1;
    }
    let clause_start = cx.first_in_sentence(before)
        || matches!(cx.word(before - 1), "," | "that" | "and" | "but" | "while" | "as" | "—" | ";")
        || cx.r.lookup(cx.word(before - 1)).iter().any(|n| n.kind == NameKind::ReportingVerb);
    let according = before >= 2 && cx.lower(before - 2) == "according" && cx.lower(before - 1) == "to";
    (verb && clause_start) || according
}

/// The title (and nationality) right before a name: `Russian Foreign Minister` →
/// (`foreign minister`, GOV, Russia); `United States President` → (`president`, GOV, USA).
fn title_before(cx: &Ctx<'_>, a: usize) -> (Option<String>, Option<String>, Option<u32>) {
    for len in (1..=3).rev() {
        if a < len || cx.sentence_of[a - len] != cx.sentence_of[a] {
            continue;
        }
        let start = a - len;
        let title = cx.lookup(start, a).into_iter().find(|n| n.kind == NameKind::Title);
        if let Some(t) = title.map(|n| &cx.r.tables.titles[n.id as usize]) {
            if t.kind == "honorific" {
                return (None, None, None);
            }
            // The nationality or country right before the title, of up to three words
            // (`Russian`, `United States`).
            let country = (1..=3.min(start))
                .rev()
                .filter(|&l| cx.sentence_of[start - l] == cx.sentence_of[a])
                .find_map(|l| cx.lookup(start - l, start).into_iter().find(|n| matches!(n.kind, NameKind::Demonym | NameKind::Country) && n.primary))
                .and_then(|n| cx.country_of(n));
            let sector = (!t.sector.is_empty()).then(|| t.sector.clone());
            return (Some(t.title.to_lowercase()), sector, country);
        }
    }
    (None, None, None)
}

/// Collects mentions into entities by key.
struct Builder<'a, 'c> {
    cx: &'c Ctx<'a>,
    entities: Vec<Draft>,
    by_key: HashMap<Key, usize, FxBuild>,
}

struct Draft {
    key: Key,
    kind: EntityType,
    mentions: Vec<(Mention, usize)>,
    country: Option<u32>,
    role: Option<String>,
    sector: Option<String>,
    best_name: Option<Span>,
}

impl<'a, 'c> Builder<'a, 'c> {
    fn new(cx: &'c Ctx<'a>) -> Self {
        Builder { cx, entities: Vec::new(), by_key: HashMap::default() }
    }

    fn add(&mut self, f: &Found) {
        let i = *self.by_key.entry(f.key.clone()).or_insert_with(|| {
            self.entities.push(Draft {
                key: f.key.clone(),
                kind: f.kind,
                mentions: Vec::new(),
                country: None,
                role: None,
                sector: None,
                best_name: None,
            });
            self.entities.len() - 1
        });
        let e = &mut self.entities[i];
        e.mentions.push((Mention { span: f.span, kind: f.mention }, f.sentence));
        e.country = e.country.or(f.country);
        e.role = e.role.take().or_else(|| f.role.clone());
        e.sector = e.sector.take().or_else(|| f.sector.clone());
        if f.mention == MentionKind::Name && e.best_name.is_none_or(|b| f.span.len() > b.len()) {
            e.best_name = Some(f.span);
        }
    }

    /// Fills country, role and sector of people the people lexicon knows by their full name.
    fn offices(&mut self, year: Option<i32>) {
        let cx = self.cx;
        let t = &cx.r.tables;
        for e in self.entities.iter_mut().filter(|e| e.kind == EntityType::Person) {
            let Some(name) = e.best_name else { continue };
            let written = &cx.doc.text()[name];
            let mut tenures: Vec<&crate::resources::Person> =
                cx.r.lookup(written).into_iter().filter(|n| n.kind == NameKind::Person).map(|n| &t.people[n.id as usize]).collect();
            // Named by the last word alone all along, after the title of their post
            // (`President Obama`; not `Secretary Napolitano`, whom the lexicon does not
            // know): the lexicon's people of that name, when they are of one country and one
            // role, and the title is that role.
            let titled = |p: &crate::resources::Person| e.role.as_deref().is_some_and(|r| p.role.eq_ignore_ascii_case(r) || p.role.ends_with(&format!(" {}", r.to_lowercase())));
            if tenures.is_empty() && !written.contains(char::is_whitespace) {
                // (Each tenure of one person is a row: `President Biden` was vice president
                // before; the title picks the rows, the year the tenure.)
                let named: Vec<&crate::resources::Person> = t.people_named(written).iter().map(|&i| &t.people[i as usize]).filter(|p| titled(p)).collect();
                if !named.is_empty() && named.windows(2).all(|w| w[0].country == w[1].country && (w[0].name == w[1].name || w[0].role == w[1].role)) {
                    tenures = named;
                }
            }
            let current = match year {
                Some(y) => tenures
                    .iter()
                    .filter(|p| p.serves_in(y))
                    .max_by_key(|p| p.start)
                    .or_else(|| tenures.iter().filter(|p| p.start.is_none_or(|s| s <= y)).max_by_key(|p| p.start)),
                None => tenures.iter().max_by_key(|p| p.start),
            };
            let Some(p) = current else { continue };
            if e.country.is_none() {
                e.country = t.country_row(&p.country);
            }
            if e.role.is_none() {
                e.role = Some(p.role.clone());
            }
            if e.sector.is_none() && !p.sector.is_empty() {
                e.sector = Some(p.sector.clone());
            }
        }
    }

    /// `the U.S. president`, `the Russian leader`; `he`, `his`, `she`. Candidates are looked
    /// for in a window of recent sentences, so the work per description or pronoun is
    /// bounded whatever the document's length.
    fn descriptions_and_pronouns(&mut self) {
        let cx = self.cx;
        // Where people are mentioned, by sentence: (token, entity), in text order.
        let mut by_sentence: Vec<Vec<(usize, usize)>> = vec![Vec::new(); cx.doc.sentences.len()];
        for (ei, e) in self.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityType::Person) {
            for (m, s) in &e.mentions {
                let tok = cx.doc.tokens.partition_point(|t| t.span.start < m.span.start);
                by_sentence[*s].push((tok, ei));
            }
        }
        by_sentence.iter_mut().for_each(|v| v.sort_unstable());
        let mut added: Vec<(Mention, usize, usize)> = Vec::new(); // (mention, sentence, entity)
        let mut i = 0;
        while i < cx.words.len() {
            let w = cx.lower(i);
            let s = cx.sentence_of[i];
            // `both leaders`, `the two presidents`: one mention of the last two people named.
            if let Some((end, pair)) = self.pair(i, &by_sentence) {
                for ei in pair {
                    added.push((Mention { span: cx.span(i, end), kind: MentionKind::Nominal }, s, ei));
                }
                i = end;
                continue;
            }
            let found = if w == "the" {
                self.description(i, &by_sentence)
                    .or_else(|| self.court(i))
                    .map(|(end, ei)| (end, ei, MentionKind::Nominal))
            } else {
                let male = PRONOUNS_MALE.contains(&w);
                (male || PRONOUNS_FEMALE.contains(&w))
                    .then(|| self.antecedent(i, male, &by_sentence))
                    .flatten()
                    .map(|ei| (i + 1, ei, MentionKind::Pronoun))
            };
            match found {
                Some((end, ei, kind)) => {
                    added.push((Mention { span: cx.span(i, end), kind }, s, ei));
                    let v = &mut by_sentence[s];
                    let at = v.partition_point(|&(t, _)| t < i);
                    v.insert(at, (i, ei));
                    i = end;
                }
                None => i += 1,
            }
        }
        for (m, s, ei) in added {
            self.entities[ei].mentions.push((m, s));
        }
    }

    /// `both leaders`, `the two presidents`, `the two men` at token `at`: its end and the two
    /// people last named before it.
    fn pair(&self, at: usize, by_sentence: &[Vec<(usize, usize)>]) -> Option<(usize, [usize; 2])> {
        let cx = self.cx;
        let len = match (cx.lower(at), cx.lower(at + 1)) {
            ("both", _) => 1,
            ("the", "two") => 2,
            _ => return None,
        };
        let noun = cx.lower(at + len);
        let people_noun = matches!(noun, "men" | "women")
            || cx.r.lookup(noun).iter().any(|n| {
                n.kind == NameKind::Role && cx.r.tables.roles[n.id as usize].kind == "person" && cx.r.tables.roles[n.id as usize].role != *noun
            });
        if !people_noun {
            return None;
        }
        let mut recent = self.recent(at, 5, by_sentence);
        let first = recent.next()?;
        let second = recent.find(|&e| e != first)?;
        Some((at + len + 1, [second, first]))
    }

    /// `the Hague tribunal`, `the court`: the court or tribunal named before, when the
    /// document names exactly one.
    fn court(&self, at: usize) -> Option<(usize, usize)> {
        let cx = self.cx;
        let mut j = at + 1;
        while j < at + 3 && cx.word(j).starts_with(char::is_uppercase) {
            j += 1;
        }
        if !matches!(cx.word(j), "court" | "tribunal") {
            return None;
        }
        let is_court = |e: &Draft| {
            e.kind == EntityType::Org
                && e.best_name.is_some_and(|n| {
                    let last = cx.doc.text()[n].rsplit(' ').next().unwrap_or("").to_lowercase();
                    last == "court" || last == "tribunal"
                })
        };
        let mut courts = self.entities.iter().enumerate().filter(|(_, e)| is_court(e));
        let (first, _) = courts.next()?;
        courts.next().is_none().then_some((j + 1, first))
    }

    /// People mentioned before token `at` within `window` sentences, most recent first.
    fn recent<'v>(&self, at: usize, window: usize, by_sentence: &'v [Vec<(usize, usize)>]) -> impl Iterator<Item = usize> + 'v {
        let s = self.cx.sentence_of[at];
        (s.saturating_sub(window)..=s)
            .rev()
            .flat_map(move |k| by_sentence[k].iter().rev().filter(move |&&(t, _)| t < at).map(|&(_, e)| e))
    }

    /// A description starting at `the` (token `at`): `the [Russian|U.S.] leader`. Returns its
    /// end and the person it describes.
    fn description(&mut self, at: usize, by_sentence: &[Vec<(usize, usize)>]) -> Option<(usize, usize)> {
        let cx = self.cx;
        let mut j = at + 1;
        let mut country = None;
        for len in (1..=2).rev() {
            if j + len > cx.words.len() || !cx.word(j).starts_with(char::is_uppercase) {
                continue;
            }
            let refs = cx.lookup(j, j + len);
            if let Some(n) = refs.iter().find(|n| matches!(n.kind, NameKind::Demonym | NameKind::Country) && n.primary) {
                country = cx.country_of(*n);
                j += len;
                break;
            }
        }
        // The role: one or two lower-case words (`president`, `foreign minister`).
        let (end, role) = (1..=2).rev().find_map(|len| {
            if j + len > cx.words.len() || !cx.word(j).starts_with(char::is_lowercase) {
                return None;
            }
            let refs = cx.lookup(j, j + len);
            let role = refs.iter().find(|n| n.kind == NameKind::Role).map(|n| &cx.r.tables.roles[n.id as usize])?;
            (role.kind == "person").then(|| (j + len, role.role.clone()))
        })?;
        let leader = role == "leader";
        // `leader` describes a head of state or government, not any office holder.
        let fits_role = |r: Option<&str>| match r {
            None => true,
            Some(r) if leader => HEADS.contains(&r),
            Some(r) => r == role,
        };
        let exact = |e: &Draft| country.is_some() && e.country == country && e.role.is_some() && fits_role(e.role.as_deref());
        let open = |e: &Draft| e.country.is_none() && fits_role(e.role.as_deref());
        // A person described exactly; else, with a country, the last person not yet placed.
        let window: Vec<usize> = self.recent(at, 20, by_sentence).collect();
        let chosen = window.iter().copied().find(|&e| exact(&self.entities[e])).or_else(|| {
            country?;
            window.iter().copied().find(|&e| open(&self.entities[e]))
        })?;
        let e = &mut self.entities[chosen];
        e.country = e.country.or(country);
        if !leader {
            e.role = e.role.take().or(Some(role));
        }
        Some((end, chosen))
    }

    /// The person a pronoun at token `at` refers to: the first person named in its sentence
    /// before it (the subject), else the first of the sentence before, else the last one
    /// within three sentences.
    fn antecedent(&self, at: usize, male: bool, by_sentence: &[Vec<(usize, usize)>]) -> Option<usize> {
        let s = self.cx.sentence_of[at];
        let fits = |e: usize| {
            let (female, male_share) = self.gender(e);
            if male { male_share >= female } else { female >= male_share }
        };
        let same = by_sentence[s].iter().find(|&&(t, e)| t < at && fits(e));
        let previous = s.checked_sub(1).and_then(|p| by_sentence[p].iter().find(|&&(_, e)| fits(e)));
        same.or(previous).map(|&(_, e)| e).or_else(|| self.recent(at, 3, by_sentence).find(|&e| fits(e)))
    }

    /// How often the entity's first name is a woman's and a man's (census shares).
    fn gender(&self, e: usize) -> (f32, f32) {
        let cx = self.cx;
        let Some(name) = self.entities[e].best_name else { return (0.0, 0.0) };
        let first = cx.doc.text()[name].split_whitespace().next().unwrap_or("");
        cx.r.lookup(first)
            .iter()
            .find(|n| n.kind == NameKind::GivenName)
            .map(|n| cx.r.tables.given_names[n.id as usize].1)
            .map_or((0.0, 0.0), |f| (f.female, f.male))
    }

    fn finish(self) -> Vec<Entity> {
        let cx = self.cx;
        let t = &cx.r.tables;
        let mut out: Vec<Entity> = self
            .entities
            .into_iter()
            .map(|mut d| {
                d.mentions.sort_by_key(|(m, _)| m.span);
                d.mentions.dedup_by_key(|(m, _)| m.span);
                let country = d.country.map(|c| &t.countries[c as usize]);
                let name = match &d.key {
                    Key::Row(NameKind::Country, id) => t.countries[*id as usize].name.clone(),
                    Key::Row(NameKind::Demonym, id) => {
                        let c = &t.countries[*id as usize];
                        c.adjectives.first().cloned().unwrap_or_else(|| c.name.clone())
                    }
                    Key::Row(NameKind::Organization, id) => t.organizations[*id as usize].name.clone(),
                    Key::Row(NameKind::Seat, id) => t.seats[*id as usize].name.clone(),
                    Key::Row(NameKind::Region, id) => t.regions[*id as usize].name.clone(),
                    Key::Row(NameKind::Continent, id) => t.continents[*id as usize].name.clone(),
                    _ => d
                        .best_name
                        .or_else(|| d.mentions.first().map(|(m, _)| m.span))
                        .map(|s| cx.doc.text()[s].to_string())
                        .unwrap_or_default(),
                };
                let actor = match &d.key {
                    Key::Row(NameKind::Organization, id) => {
                        let o = &t.organizations[*id as usize];
                        (!o.cameo.is_empty()).then(|| o.cameo.clone())
                    }
                    Key::Row(NameKind::Country | NameKind::Demonym, _) => country.map(|c| c.alpha3.clone()),
                    Key::Government(_) | Key::Sector(..) => {
                        country.map(|c| format!("{}{}", c.alpha3, d.sector.as_deref().unwrap_or("GOV")))
                    }
                    Key::Person(_) => country.map(|c| format!("{}{}", c.alpha3, d.sector.as_deref().unwrap_or(""))),
                    _ => None,
                };
                Entity {
                    name,
                    kind: d.kind,
                    country: country.map(|c| c.alpha3.clone()),
                    role: d.role,
                    actor,
                    mentions: d.mentions.into_iter().map(|(m, _)| m).collect(),
                }
            })
            .filter(|e| !e.mentions.is_empty())
            .collect();
        out.sort_by_key(|e| e.mentions[0].span);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Clean, CleanConfig};
    use crate::segment::{Segment, SegmentConfig};
    use crate::stage::Stage;

    /// The entities of `text` from tagged spans given as (first word, words, CoNLL type).
    fn entities(text: &str, tagged: &[(&str, usize, usize)]) -> Vec<Entity> {
        let mut doc = crate::ingest::text_document("t", text.as_bytes().to_vec(), &crate::ingest::IngestOptions::default());
        Clean::new(CleanConfig::default()).run(&mut doc).expect("clean");
        Segment::new(SegmentConfig::default()).run(&mut doc).expect("segment");
        assert_eq!(doc.sentences.len(), 1);
        let words: Vec<&str> = doc.tokens.iter().map(|t| &doc.text()[t.span]).collect();
        let spans = tagged
            .iter()
            .map(|&(first, n, kind)| {
                let start = words.iter().position(|w| *w == first).expect("the word is in the text");
                TaggedSpan { start, end: start + n, kind }
            })
            .collect();
        resolve(&doc, &[spans], Resources::shared().expect("embedded reference data"))
    }

    #[test]
    fn a_complement_the_tagger_cut_runs_on_over_a_word_that_is_no_ones_name() {
        // As the tagger read it in one article: `World Organization` a name of its own,
        // `Health` and `OIE` people.
        let found = entities(
            "The World Organization for Animal Health (OIE) said farmers hide cases.",
            &[("World", 2, 3), ("Health", 1, 0), ("OIE", 1, 0)],
        );
        let names: Vec<(&str, EntityType)> = found.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert_eq!(names, [("World Organization for Animal Health", EntityType::Org)], "{found:#?}");
        // Or an organization's name that ends before a capitalized word of its complement.
        let found = entities("The World Organization for Animal Health said farmers hide cases.", &[("World", 4, 1)]);
        assert!(found.iter().any(|e| e.name == "World Organization for Animal Health"), "{found:#?}");
        // A person's name stops it (`the Ministry of Health Ban Ki-moon` is two names).
        let found = entities("The Ministry for Animal Welfare Ban Ki-moon said farmers hide cases.", &[("Ministry", 1, 1), ("Ban", 2, 0)]);
        assert!(found.iter().any(|e| e.name == "Ban Ki-moon" && e.kind == EntityType::Person), "{found:#?}");
    }
}
