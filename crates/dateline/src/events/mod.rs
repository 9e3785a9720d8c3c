//! Events: who did what to whom, coded in CAMEO (with PLOVER, QuadClass and Goldstein), each
//! with its cue, its modality, and its place and time.
//!
//! 1. **Cues** come from the team's lexicon (`data/lexicon/event_cues.tsv`): verb and noun
//!    forms with a CAMEO code, words that must follow for a more specific reading (`ease` +
//!    `sanctions` → 085), and the prepositions that introduce the target (`meet with`,
//!    `purchase from`). A verb form after a determiner is a noun and is left alone.
//!    Attributed speech from the quotes layer is a statement (010) unless its cue is coded.
//! 2. **Actors** come from clause structure around the cue, without a parser: the subject is
//!    the nearest actor mention before the cue that is not a preposition's object (so `X, who
//!    ... rejected` and `the U.S., not a party to the tribunal, has eased` find X and the
//!    U.S.), with the actors coordinated with it (`Trump and Putin`); the target is the
//!    first actor after the cue, or after one of its prepositions. Passives swap them (`was
//!    criticized by X`). Nouns take their source from a possessive, `by`/`from`, or the
//!    sentence's subject, and protests from the people of the place named. Symmetric events
//!    (meet, talks, negotiate) between coordinated subjects go both ways. An event needs a
//!    source the text names: none is invented.
//! 3. **Modality** from the words around the cue: negated (`no`, `not`, `neither`),
//!    hypothetical (`could`, `would`, `if`), intended (`will`, `to` + verb: `intends to meet`),
//!    historical (the event's own date a month or more before the article's), reported
//!    (inside someone's quoted or reported words), else asserted.
//! 4. **Place and time**: a place or a calendar date in the event's sentence (nearest the
//!    cue), else the article's main place and its date.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::{Document, EntityId, EntityType, SentenceId};
use crate::error::Error;
use crate::places::{Feature, PlaceUse};
use crate::resources::{CameoEvent, EventCue, Resources};
use crate::span::Span;
use crate::stage::Stage;
use crate::times::TimeType;

/// How the text presents an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Inside someone's quoted or reported words.
    Reported,
    /// Planned, promised or expected (`intends to meet`, `pledged to consult`).
    Intended,
    /// Conditional or possible (`could consider`, `... if he refuses`).
    Hypothetical,
    /// Said not to happen (`has shown no signs of compromise`).
    Negated,
    /// Long past: the event's own date is a month or more before the article's.
    Historical,
}

/// One side of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The entity, when the actor is one.
    pub entity: Option<EntityId>,
    /// The actor's mention at the event (for a place's people, the place's mention).
    pub span: Span,
    /// Its name: the entity's, or a description (`protesters in Anchorage`).
    pub name: String,
    /// Its CAMEO actor code, when known (`USAGOV`).
    pub code: Option<String>,
}

/// A coded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its CAMEO code, with the code's description, Goldstein score, QuadClass and PLOVER
    /// type, mode and context.
    pub cameo: &'static CameoEvent,
    /// Who did it.
    pub source: Actor,
    /// To whom, when the text says.
    pub target: Option<Actor>,
    /// The sentence.
    pub sentence: SentenceId,
    /// The word or phrase that expresses it.
    pub cue: Span,
    /// How the text presents it.
    pub modality: Modality,
    /// The place (an index into [`Document::places`]) and whether the sentence states it
    /// (else it is the article's main place).
    pub place: Option<(usize, bool)>,
    /// The event's own time (an index into [`Document::times`]), when its sentence states one.
    pub time: Option<usize>,
}

/// Configuration of the `events` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventsConfig {}

/// The `events` stage.
pub struct Events {
    resources: &'static Resources,
    /// Cue forms by their first word: (cue row, the form's words).
    forms: HashMap<String, Vec<(usize, Vec<String>)>>,
    cameo: HashMap<&'static str, &'static CameoEvent>,
    /// The sector an organization's head or suffix word implies (`Ministry` → GOV).
    affixes: HashMap<String, &'static str>,
    /// Every one-word form of a role noun, lower case (`police`, `officials`), and whether it
    /// names a person (`lawyer`) rather than a group or an institution.
    roles: HashMap<String, bool>,
    /// Every form of a reporting verb or an event cue's first word, lower case: words that end
    /// a description of a person (`told Densbar's head judge Linton Sirait`).
    verbs: HashSet<String>,
}

/// The CAMEO sector of each kind of organization word in `org_affixes.tsv`.
fn affix_sector(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "government" => "GOV",
        "court" => "JUD",
        "party" => "PTY",
        "education" => "EDU",
        "military" => "MIL",
        "religious" => "REL",
        "media" => "MED",
        "ngo" => "NGO",
        "company" => "BUS",
        _ => return None,
    })
}

impl Events {
    /// The stage, over the shared reference data.
    pub fn new(_config: EventsConfig) -> Result<Events, Error> {
        let resources = Resources::shared().map_err(Clone::clone)?;
        let mut forms: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, cue) in resources.tables.event_cues.iter().enumerate() {
            for form in &cue.forms {
                let words: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
                forms.entry(words[0].clone()).or_default().push((i, words));
            }
        }
        let cameo = resources.tables.cameo_events.iter().map(|c| (c.code.as_str(), c)).collect();
        let affixes = resources.tables.org_affixes.iter().filter_map(|a| Some((a.word.to_lowercase(), affix_sector(&a.kind)?))).collect();
        let roles = resources
            .tables
            .roles
            .iter()
            .flat_map(|r| r.forms.iter().map(move |f| (f, r.kind == "person")))
            .filter(|(f, _)| !f.contains(' '))
            .map(|(f, person)| (f.to_lowercase(), person))
            .collect();
        let verbs = resources.tables.reporting_verbs.iter().flat_map(|v| &v.forms).filter(|f| !f.contains(' ')).map(|f| f.to_lowercase()).chain(forms.keys().cloned()).collect();
        Ok(Events { resources, forms, cameo, affixes, roles, verbs })
    }
}

/// Words that end the search for an actor: a new clause or sentence part.
const CLAUSE_END: &[&str] = &[";", ":", "—", "–", "(", ")", "but", "while", "whereas", "although", "though"];
/// Prepositions whose object is not a subject.
const PREPOSITIONS: &[&str] = &[
    "to", "of", "in", "at", "on", "for", "from", "with", "by", "about", "against", "into", "over", "under", "between", "among",
    "toward", "towards", "after", "before", "since", "during", "without", "through", "upon", "despite", "like", "than",
];
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "any", "his", "her", "its", "their", "our", "my", "your", "some", "no", "every", "each"];
const AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did", "do", "does", "has", "have", "had", "not",
    "n't", "n’t", "they", "we", "he", "she", "it", "i", "you", "also",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "’s"];
const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never", "no", "neither", "nor", "without"];
const MODALS: &[&str] = &["could", "would", "might", "may", "should"];
const CONDITIONS: &[&str] = &["if", "unless"];
const FUTURE: &[&str] = &["will", "'ll", "’ll", "shall", "to"];
/// Codes whose actors act together: coordinated subjects are each other's targets.
fn symmetric(code: &str) -> bool {
    code.starts_with("04") || code == "057" || code.starts_with("06") || code == "190"
}

/// True for a plain statement, comment or declaration (010-013), which has no target.
fn statement(code: &str) -> bool {
    matches!(code, "010" | "011" | "012" | "013")
}

/// One token's view for the search.
struct Sentence<'a> {
    layers: &'a Layers,
    /// The sentence's words in lower case (borrowed where they are already).
    words: Vec<Cow<'a, str>>,
    /// Global index of the first token.
    first: usize,
    /// The sentence's span.
    span: Span,
    doc: &'a Document,
    /// For each token of the sentence, the actor mention it starts or lies in: (mention
    /// index in `mentions`).
    at: &'a [Option<usize>],
    /// Forms of reporting verbs and event cues.
    verbs: &'a HashSet<String>,
    /// The document's actor mentions.
    mentions: &'a [ActorMention],
}

impl<'a> Sentence<'a> {
    /// Sentence `si` of `doc`, with `at` the actor mention of each of the document's tokens.
    fn new(doc: &'a Document, layers: &'a Layers, mentions: &'a [ActorMention], at: &'a [Option<usize>], verbs: &'a HashSet<String>, si: usize) -> Sentence<'a> {
        let sentence = &doc.sentences[si];
        let (first, end) = (sentence.first_token.index(), sentence.end_token.index());
        let text = doc.text();
        Sentence {
            verbs,
            mentions,
            span: sentence.span,
            layers,
            // An acronym naming an actor keeps its capitals, so that `WHO` or `US` is never
            // read as the word `who` or `us`.
            words: doc.tokens[first..end]
                .iter()
                .zip(&at[first..end])
                .map(|(t, m)| {
                    let word = &text[t.span];
                    match m.is_some() && word.len() > 1 && word.chars().all(|c| c.is_uppercase() || c == '.') {
                        true => Cow::Borrowed(word),
                        false => crate::chars::lowercase(word),
                    }
                })
                .collect(),
            first,
            doc,
            at: &at[first..end],
        }
    }
}

impl Sentence<'_> {
    /// True when word `k` is a form of a reporting verb or of an event cue, and no name.
    fn verb(&self, k: usize) -> bool {
        self.at[k].is_none() && self.verbs.contains(&*self.words[k])
    }
}

/// Positions of the other layers, sorted once per document so that each event looks up what
/// lies near it instead of scanning the whole document (the stage stays linear).
struct Layers {
    /// Quotes' content spans and cues, by start, with the quote's index.
    quotes: Vec<(Span, Option<Span>, usize)>,
    /// Quote cues, by start.
    quote_cues: Vec<Span>,
    /// Mentions of places used as places: (span, index in `Document::places`), by start.
    places: Vec<(Span, usize)>,
    /// The alpha-3 code of the country the document is most about.
    main_country: Option<String>,
}

impl Layers {
    fn new(doc: &Document) -> Layers {
        let mut quotes: Vec<(Span, Option<Span>, usize)> = doc.quotes.iter().enumerate().map(|(i, q)| (q.span, q.cue, i)).collect();
        quotes.sort_by_key(|(s, _, _)| s.start);
        let mut quote_cues: Vec<Span> = doc.quotes.iter().filter_map(|q| q.cue).collect();
        quote_cues.sort_by_key(|s| s.start);
        quote_cues.dedup();
        let mut places: Vec<(Span, usize)> = doc
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.used_as == PlaceUse::Place)
            .flat_map(|(i, p)| p.mentions.iter().map(move |&m| (m, i)))
            .collect();
        places.sort_by_key(|(m, _)| m.start);
        Layers { quotes, quote_cues, places, main_country: main_country(doc) }
    }

    /// The speaker of the innermost quote around `cue` that has one, as an actor.
    fn speaker(&self, doc: &Document, cue: Span) -> Option<Actor> {
        let i = self.quotes.partition_point(|(s, _, _)| s.start <= cue.start);
        let q = self.quotes[i.saturating_sub(32)..i].iter().rev().filter(|(s, _, _)| s.contains(cue)).find_map(|&(_, _, q)| doc.quotes[q].speaker.as_ref())?;
        Some(speaker_actor(doc, q))
    }

    /// True when a quote's cue overlaps `span`.
    fn quote_cue_at(&self, span: Span) -> bool {
        let i = self.quote_cues.partition_point(|c| c.start < span.start);
        // Cues do not nest: a cue overlapping `span` starts just before it or inside it.
        i.checked_sub(1).into_iter().chain(i..self.quote_cues.len().min(i + 2)).any(|k| self.quote_cues[k].overlaps(span))
    }

    /// True when `cue` lies in a quote that is not its own (someone's reported words).
    fn reported(&self, cue: Span) -> bool {
        let i = self.quotes.partition_point(|(s, _, _)| s.start <= cue.start);
        // The quotes that can contain it start before it; nesting is shallow, so a few do.
        self.quotes[i.saturating_sub(32)..i].iter().any(|(s, c, _)| s.contains(cue) && c.is_none_or(|c| !c.overlaps(cue)))
    }

    /// The place mentions inside `sentence`.
    fn places_in(&self, sentence: Span) -> &[(Span, usize)] {
        let a = self.places.partition_point(|(m, _)| m.start < sentence.start);
        let b = self.places.partition_point(|(m, _)| m.start < sentence.end);
        &self.places[a..b]
    }
}

/// An actor mention: its span, first and last token (global), entity.
#[derive(Clone, Copy, Debug)]
struct ActorMention {
    span: Span,
    first: usize,
    end: usize,
    /// The entity; none for a group the text names by a role noun (`police`, `officials`).
    entity: Option<EntityId>,
}

impl Events {
    /// The cue at word `i`: its lexicon row, where its words end, and where its object ends
    /// (what the next cue may not reuse: `eased some sanctions` is one event).
    fn cue_at(&self, s: &Sentence, i: usize) -> Option<(usize, usize, usize)> {
        let rows = self.forms.get(&*s.words[i])?;
        let table = &self.resources.tables.event_cues;
        // A capitalized word inside a sentence belongs to a name or a title (`Trade Minister`,
        // `AIDS`), not to a cue.
        let written = &s.doc.text()[s.doc.tokens[s.first + i].span];
        let opening = i == 0 || matches!(&*s.words[i - 1], "\"" | "“" | ":" | "(" | "'" | "‘");
        if written.starts_with(char::is_uppercase) && !opening {
            return None;
        }
        let noun_use = nominal(s, i);
        let mut best: Option<(usize, usize, usize)> = None;
        for (row, words) in rows {
            if i + words.len() > s.words.len() || s.words[i..i + words.len()] != words[..] {
                continue;
            }
            let cue = &table[*row];
            let end = i + words.len();
            // Another sense of the word (`claimed 488 lives`, `fight the virus`).
            if !cue.unless.is_empty() && follows(&cue.unless, &s.words[end..], 4).is_some() {
                continue;
            }
            let object_end = match cue.object.is_empty() {
                true => end,
                false => match object_follows(cue, &s.words[end..]) {
                    Some(k) => end + k,
                    None => continue,
                },
            };
            // A verb form used as a noun (`a meeting`, `the Alaska meeting`) is not a verb event;
            // a noun form after `to` is a verb (`to visit`).
            let after_to = i > 0 && s.words[i - 1] == "to";
            // A verb's base form after `is` is an adjective (`she is free of infections`).
            if !cue.noun && i > 0 && BE.contains(&&*s.words[i - 1]) && cue.forms.first() == Some(&s.words[i].to_string()) {
                continue;
            }
            // (A coercive participle is a passive: `a journalist imprisoned in Algeria`.)
            if (cue.noun && after_to) || (!cue.noun && (noun_use || cue.agent.is_none() && participle(s, i, end))) {
                continue;
            }
            // The longest cue wins, then the one with an object (more specific); a form both a
            // noun and a verb (`protests`, `sanctions`) is a verb only after its subject or an
            // auxiliary (`workers protest`, `will sanction`).
            let verb_context = i > 0 && {
                let prev = &*s.words[i - 1];
                s.at[i - 1].is_some() || AUXILIARIES.contains(&prev) || prev.ends_with("ly") || prev == "to"
            };
            let better = best.is_none_or(|(b, bend, bobj)| {
                (end, object_end) > (bend, bobj) || ((end, object_end) == (bend, bobj) && table[b].noun == verb_context && cue.noun != verb_context)
            });
            if better {
                best = Some((*row, end, object_end));
            }
        }
        best
    }
}

/// True when the `-ed` form at `i` modifies a noun instead of being a verb: after a plain word
/// (`cases reported worldwide`, `Turkey's last reported victim`, `a group called
/// 'Anonymous'`) and not followed by what a verb takes (`that`, an object, `to`, `by`).
fn participle(s: &Sentence, i: usize, end: usize) -> bool {
    let number = |k: usize| s.words[k].starts_with(|c: char| c.is_ascii_digit());
    if i == 0 || !s.words[i].ends_with("ed") {
        return false;
    }
    // `as recommended for people of his age` (but `as reported by the ministry` is said)
    if s.words[i - 1] == "as" {
        return s.words.get(end).is_none_or(|w| w != "by");
    }
    if !(plain(s, i - 1) || number(i - 1)) {
        return false;
    }
    let takes = |k: usize| {
        let w = &*s.words[k];
        s.at[k].is_some()
            || DETERMINERS.contains(&w)
            || matches!(w, "that" | "to" | "by" | "him" | "her" | "them" | "it" | "us" | "me" | "on" | "with")
            || w.starts_with(|c: char| c.is_ascii_digit())
            || w.ends_with("ly")
    };
    // The word after, or one word on what is no pronoun (`reported yesterday that`, not
    // `birds killed after they were infected`).
    let pronoun = |k: usize| matches!(&*s.words[k], "he" | "she" | "they" | "we" | "it" | "him" | "her" | "them" | "us" | "me");
    !(end < s.words.len() && takes(end) || end + 1 < s.words.len() && takes(end + 1) && !pronoun(end + 1))
}

impl Events {
    /// A noun cue that is the object of the verb ending at word `from` (a few determiners or
    /// adjectives before it): its position and `cue_at`'s answer.
    fn asked_for(&self, s: &Sentence, from: usize) -> Option<(usize, (usize, usize, usize))> {
        for k in from..(from + 4).min(s.words.len()) {
            if let Some(found) = self.cue_at(s, k).filter(|&(row, _, _)| self.resources.tables.event_cues[row].noun) {
                return Some((k, found));
            }
            let w = &*s.words[k];
            if !(DETERMINERS.contains(&w) || QUANTIFIERS.contains(&w) || plain(s, k) || matches!(w, "for" | "and")) {
                return None;
            }
        }
        None
    }
}

/// Where the first of the cue's object words ends, when one comes within the next six words
/// before a clause ends (an offset into `after`).
fn object_follows(cue: &EventCue, after: &[Cow<str>]) -> Option<usize> {
    follows(&cue.object, after, 6)
}

/// Where the first of `words` (each of one or more words) ends, when one comes within the
/// first `window` words of `after` before a clause ends.
fn follows(words: &[String], after: &[Cow<str>], window: usize) -> Option<usize> {
    for (k, w) in after.iter().take(window).enumerate() {
        if CLAUSE_END.contains(&&**w) || w == "." {
            return None;
        }
        for o in words {
            let words: Vec<&str> = o.split(' ').collect();
            if after.len() >= k + words.len() && after[k..k + words.len()].iter().zip(&words).all(|(a, b)| a == b) {
                return Some(k + words.len());
            }
        }
    }
    None
}

/// Words that quantify a noun as determiners do (`more funding`, `further talks`).
const QUANTIFIERS: &[&str] = &["more", "further", "additional", "extra", "less", "fewer", "much", "new"];

/// True for a plain lower-case word that is no actor, auxiliary, adverb, pronoun, preposition
/// or conjunction: most likely a noun or an adjective (`cases`, `last`, `medical`).
fn plain(s: &Sentence, k: usize) -> bool {
    let w = &*s.words[k];
    s.at[k].is_none()
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with("ly")
        && !AUXILIARIES.contains(&w)
        && !BE.contains(&w)
        && !PREPOSITIONS.contains(&w)
        && !DETERMINERS.contains(&w)
        && !CLAUSE_END.contains(&w)
        && !matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "also" | "then" | "as")
}

/// True when the word at `i` is used as a noun: right after a determiner or a quantifier
/// (`more funding`), after a determiner and an adjective (`their medical supplies`; not a
/// plural noun, which may be the subject: `the sides meet`), after a preposition (`in jail`,
/// `on appeal`; not a gerund), or an `-ing` form with a determiner a few words before and
/// nothing verbal between (`the Alaska meeting`).
fn nominal(s: &Sentence, i: usize) -> bool {
    let word = &*s.words[i];
    if i > 0 && (DETERMINERS.contains(&&*s.words[i - 1]) || QUANTIFIERS.contains(&&*s.words[i - 1])) {
        return true;
    }
    let preposition = |k: usize| PREPOSITIONS.contains(&&*s.words[k]) && s.words[k] != "to" && s.at[k].is_none();
    if i > 1 && (DETERMINERS.contains(&&*s.words[i - 2]) || preposition(i - 2)) && plain(s, i - 1) && !s.words[i - 1].ends_with('s') && !word.ends_with("ed") {
        return true;
    }
    if i > 0 && s.at[i - 1].is_none() && PREPOSITIONS.contains(&&*s.words[i - 1]) && s.words[i - 1] != "to" && !word.ends_with("ing") {
        return true;
    }
    // `Algerian free speech`: a demonym used as an adjective (not a people: `Russians protest`).
    let norp = |m: usize| s.mentions[m].entity.is_some_and(|e| s.doc.entities[e.index()].kind == EntityType::Norp);
    if i > 0 && s.at[i - 1].is_some_and(norp) && !s.words[i - 1].ends_with('s') {
        return true;
    }
    // `a UN report`: an indefinite article and a name before it.
    if i > 1 && s.at[i - 1].is_some() && !word.ends_with("ed") {
        let mut k = i - 1;
        while k > 0 && s.at[k - 1] == s.at[i - 1] {
            k -= 1;
        }
        if k > 0 && matches!(&*s.words[k - 1], "a" | "an") {
            return true;
        }
    }
    if !s.words[i].ends_with("ing") {
        return false;
    }
    for k in (i.saturating_sub(3)..i).rev() {
        let w = &*s.words[k];
        if DETERMINERS.contains(&w) {
            return true;
        }
        if BE.contains(&w) || PREPOSITIONS.contains(&w) || w == "and" || w == "," || w == "has" || w == "have" {
            return false;
        }
    }
    false
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let events = self.find(doc);
        doc.events = events;
        Ok(())
    }
}

/// Entity types that can act.
fn can_act(kind: EntityType) -> bool {
    matches!(kind, EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp | EntityType::Fac)
}

impl Events {
    fn find(&self, doc: &Document) -> Vec<Event> {
        let text = doc.text();
        // Every actor mention, by token.
        let mut mentions: Vec<ActorMention> = Vec::new();
        for (i, e) in doc.entities.iter().enumerate().filter(|(_, e)| can_act(e.kind)) {
            if e.kind == EntityType::Norp && e.country.is_none() {
                continue;
            }
            for m in &e.mentions {
                let first = doc.tokens.partition_point(|t| t.span.start < m.span.start);
                let end = doc.tokens.partition_point(|t| t.span.start < m.span.end);
                if first < end {
                    mentions.push(ActorMention { span: m.span, first, end, entity: Some(EntityId(i as u32)) });
                }
            }
        }
        // Groups named by a role noun outside any name: `police`, `health officials`, `the
        // court`, `farmers` (coded later from the role's sector and the country around it).
        let mut covered = vec![false; doc.tokens.len()];
        for m in &mentions {
            covered[m.first..m.end].iter_mut().for_each(|c| *c = true);
        }
        let mut lower = String::new();
        for (k, t) in doc.tokens.iter().enumerate() {
            if covered[k] || t.kind != crate::document::TokenKind::Word {
                continue;
            }
            lower.clear();
            lower.extend(text[t.span].chars().flat_map(char::to_lowercase));
            let Some(&person) = self.roles.get(&lower) else { continue };
            // Not a title before a name (`President Joe Biden`), an indefinite (`a party to`,
            // `a doctor`: no one in particular), nor, unless it names a person (`his lawyer`),
            // someone's (`whose forces`: the owner is the actor).
            let prev = k.checked_sub(1).map(|p| text[doc.tokens[p].span].to_lowercase());
            let title = covered.get(k + 1).copied().unwrap_or(false);
            let excluded = prev.as_deref().is_some_and(|p| matches!(p, "a" | "an") || !person && matches!(p, "his" | "her" | "its" | "their" | "whose" | "our" | "my"));
            if !title && !excluded {
                mentions.push(ActorMention { span: t.span, first: k, end: k + 1, entity: None });
            }
        }
        mentions.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end)));
        let mut by_token: Vec<Option<usize>> = vec![None; doc.tokens.len()];
        for (k, m) in mentions.iter().enumerate() {
            for t in &mut by_token[m.first..m.end] {
                t.get_or_insert(k);
            }
        }
        // Words inside any name or time expression (`Cold War`, `Protest Party`, `March 10`)
        // are no cues.
        let mut in_name = vec![false; doc.tokens.len()];
        let names = doc.entities.iter().flat_map(|e| &e.mentions).filter(|m| m.kind == crate::document::MentionKind::Name).map(|m| m.span);
        for span in names.chain(doc.times.iter().map(|t| t.span)) {
            let first = doc.tokens.partition_point(|t| t.span.start < span.start);
            let end = doc.tokens.partition_point(|t| t.span.start < span.end);
            in_name[first..end].iter_mut().for_each(|x| *x = true);
        }
        let main_place = main_place(doc);
        let reference = doc.meta.published;
        let layers = Layers::new(doc);
        let mut out: Vec<Event> = Vec::new();
        // Events whose source is still to be found, by their cue's start.
        let mut pending: HashMap<u32, Antecedent> = HashMap::new();
        // The codes of statement cues left to the quotes layer (`warned` → 012), by start.
        let mut spoken: HashMap<u32, &str> = HashMap::new();
        for si in 0..doc.sentences.len() {
            let s = Sentence::new(doc, &layers, &mentions, &by_token, &self.verbs, si);
            let first = s.first;
            let mut i = 0;
            while i < s.words.len() {
                if s.at[i].is_some() || in_name[first + i] {
                    i += 1;
                    continue;
                }
                let Some((row, cue_end, object_end)) = self.cue_at(&s, i) else {
                    i += 1;
                    continue;
                };
                let cue = &self.resources.tables.event_cues[row];
                let cue_span = Span { start: doc.tokens[first + i].span.start, end: doc.tokens[first + cue_end - 1].span.end };
                // A noun before a role noun names a kind of it (`riot police`), not an event; the
                // topic of a discussion is none either.
                if cue.noun && s.at.get(cue_end).copied().flatten().is_some_and(|m| mentions[m].entity.is_none()) || topic(&s, i) {
                    i = cue_end;
                    continue;
                }
                // A speech cue with an addressee and `to` + a verb is an appeal (`warned the WHO
                // to be cautious`).
                let code = if cue.code.starts_with("01") && appeal(&s, object_end) { "020" } else { cue.code.as_str() };
                // A plain statement the quotes layer attributed is coded from its speaker below.
                if code.starts_with("01") && cue.object.is_empty() && layers.quote_cue_at(cue_span) {
                    spoken.insert(cue_span.start, code);
                    i = cue_end;
                    continue;
                }
                let mut found = actors(&s, &mentions, cue, i, cue_end, object_end);
                let mut next = object_end.max(cue_end);
                // What an appeal or a demand asks for is part of it (`sought an independent
                // investigation`, `insisted on further concessions on relations with the EU`):
                // no event of its own, and its target is the appeal's.
                if !cue.noun && (code.starts_with("02") || code.starts_with("10")) {
                    if let Some((k, (noun, noun_end, noun_object))) = self.asked_for(&s, next) {
                        let asked = actors(&s, &mentions, &self.resources.tables.event_cues[noun], k, noun_end, noun_object);
                        if let Some(target) = asked.pairs.iter().find_map(|(_, t)| t.clone()) {
                            for pair in found.pairs.iter_mut().filter(|(_, t)| t.is_none()) {
                                pair.1 = Some(target.clone());
                            }
                        }
                        next = noun_object.max(noun_end);
                    }
                }
                for (source, target) in found.pairs {
                    if let Some(e) = self.event(doc, &s, si, code, cue_span, i, cue_end, source, target, main_place, reference) {
                        out.push(e);
                    }
                }
                if let Some(a) = found.antecedent {
                    pending.insert(cue_span.start, a);
                }
                i = next;
            }
        }
        // Attributed speech is a statement, unless its cue was coded above (the lexicon's cues
        // come in text order and do not overlap) or by an earlier quote with the same cue.
        let coded: Vec<Span> = out.iter().map(|e| e.cue).collect();
        let coded_at = |cue: Span| {
            let i = coded.partition_point(|c| c.end <= cue.start);
            coded.get(i).is_some_and(|c| c.start < cue.end)
        };
        let mut stated: HashSet<(u32, u32)> = HashSet::new();
        for q in &doc.quotes {
            let (Some(speaker), Some(cue)) = (&q.speaker, q.cue) else { continue };
            if speaker.entity.is_some_and(|e| !can_act(doc.entities[e.index()].kind)) || coded_at(cue) || !stated.insert((cue.start, cue.end)) {
                continue;
            }
            let si = doc.sentences.partition_point(|s| s.span.end < cue.end);
            if doc.sentences.get(si).is_none_or(|s| !s.span.contains(cue)) {
                continue;
            }
            let s = Sentence::new(doc, &layers, &mentions, &by_token, &self.verbs, si);
            let (first, end) = (s.first, s.first + s.words.len());
            let i = doc.tokens[first..end].partition_point(|t| t.span.start < cue.start);
            let cue_end = doc.tokens[first..end].partition_point(|t| t.span.start < cue.end).max(i + 1);
            // A cue that modifies a noun (`a group called 'Anonymous'`) is no statement.
            if participle(&s, i, cue_end) {
                continue;
            }
            let source = speaker_actor(doc, speaker);
            let words = doc.text()[speaker.span].to_lowercase();
            // The lexicon's code for the cue (`warned` → 012, `alleged` → 112), else a statement.
            let lexicon = || self.cue_at(&s, i).map(|(row, _, _)| self.resources.tables.event_cues[row].code.as_str());
            let code = spoken.get(&cue.start).copied().or_else(lexicon).unwrap_or("010");
            if let Some(e) = self.event(doc, &s, si, code, cue, i, cue_end, source, None, main_place, reference) {
                out.push(e);
            }
            if IT.contains(&words.as_str()) || words == "they" {
                pending.insert(cue.start, if words == "they" { Antecedent::They } else { Antecedent::It });
            }
        }
        let orgs = self.org_mentions(doc);
        let mut described: HashMap<EntityId, Description> = HashMap::new();
        let mut context = Context { doc, orgs: &orgs, countries: &countries(doc), main_country: layers.main_country.as_deref(), in_name: &in_name, described: &mut described };
        for e in &mut out {
            self.code(&mut context, &mut e.source);
            if let Some(t) = &mut e.target {
                self.code(&mut context, t);
            }
        }
        out.sort_by_key(|e| (e.cue.start, e.source.span.start));
        let mut out = resolve(doc, out, &pending);
        for e in &mut out {
            implied_target(doc, e, layers.main_country.as_deref());
        }
        self.intents(&mut out);
        // `She urged countries to be careful ..., saying that ...`: `saying` gives the content
        // of the act before it by the same speaker, not a statement of its own.
        let same_act = |k: usize| {
            let e = &out[k];
            doc.text()[e.cue].eq_ignore_ascii_case("saying") && out[..k].iter().any(|p| p.sentence == e.sentence && p.source == e.source)
        };
        let keep: Vec<bool> = (0..out.len()).map(|k| !same_act(k)).collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
        intended_targets(&mut out);
        // An unknown speaker whose words say nothing of what it is (`one resident`) is no actor.
        out.retain(|e| e.source.entity.is_some() || e.source.code.is_some());
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        doc: &Document,
        s: &Sentence,
        si: usize,
        code: &str,
        cue: Span,
        i: usize,
        cue_end: usize,
        source: Actor,
        target: Option<Actor>,
        main_place: Option<usize>,
        reference: Option<Date>,
    ) -> Option<Event> {
        let info = self.cameo.get(code)?;
        // An actor is not its own target (`he` after a cue is often the subject again), and a
        // statement has none (`told reporters`, `confirmed Sweden's first case`).
        let target = target.filter(|t| (t.entity.is_none() || t.entity != source.entity) && !statement(code));
        let sentence = doc.sentences[si].span;
        let time = own_time(doc, sentence, cue);
        // Fighting happens where its target is (`the invasion of Ukraine`).
        let target_place = || {
            let t = target.as_ref()?.entity.filter(|_| ["18", "19", "20"].iter().any(|r| code.starts_with(r)))?;
            doc.places.iter().position(|p| p.entity == t && p.used_as == PlaceUse::Place)
        };
        let place = own_place(doc, s.layers, sentence, cue).or_else(target_place).map(|p| (p, true)).or(main_place.map(|p| (p, false)));
        let modality = modality(doc, s, i, cue_end, cue, time, reference);
        Some(Event {
            cameo: info,
            source,
            target,
            sentence: SentenceId(si as u32),
            cue,
            modality,
            place,
            time,
        })
    }
}

/// A quote's speaker as an actor: its entity, or its words (coded later when they say what it
/// is: `health officials`, `the ministry`).
fn speaker_actor(doc: &Document, speaker: &crate::quotes::Speaker) -> Actor {
    match speaker.entity {
        Some(entity) => actor(doc, speaker.span, entity),
        None => Actor { entity: None, span: speaker.span, name: doc.text()[speaker.span].to_string(), code: None },
    }
}

fn actor(doc: &Document, span: Span, entity: EntityId) -> Actor {
    let e = &doc.entities[entity.index()];
    // A sector alone (`MED` for a news agency) takes the entity's country: `PRKMED`.
    let code = match (e.actor.as_deref(), e.country.as_deref()) {
        (Some(a), Some(c)) if a.len() == 3 && !a.starts_with(c) && !matches!(a, "IGO" | "NGO" | "MNC") && !is_country(a) => Some(format!("{c}{a}")),
        _ => e.actor.clone(),
    };
    Actor { entity: Some(entity), span, name: e.name.clone(), code }
}

/// True for an ISO alpha-3 country code.
fn is_country(code: &str) -> bool {
    code.len() == 3 && Resources::shared().is_ok_and(|r| r.tables.country(code).is_some())
}

/// The actor of a mention: its entity, or the group its role noun names, with the words
/// before it that say whose (`Philippine police`, `local health officials`).
fn mention_actor(s: &Sentence, mentions: &[ActorMention], m: &ActorMention) -> Actor {
    match m.entity {
        Some(e) => actor(s.doc, m.span, e),
        None => {
            // Adjectives before it, and an organization or a place that owns it (`United
            // Nations spokesperson`, `Philippine police`).
            let mut first = m.first - s.first;
            while first > 0 && s.at[first - 1].is_none() && plain(s, first - 1) && !s.verb(first - 1) && first + 3 > m.first - s.first {
                first -= 1;
            }
            if let Some(owner) = first.checked_sub(1).and_then(|k| s.at[k]).map(|k| mentions[k]) {
                if owner.entity.is_some_and(|e| s.doc.entities[e.index()].kind != EntityType::Person) {
                    first = owner.first - s.first;
                }
            }
            // And whose, after it: `officials from aid agencies`, `a spokeswoman for the WHO`.
            let mut end = m.end - s.first;
            if end + 1 < s.words.len() && matches!(&*s.words[end], "of" | "from" | "for" | "at" | "in" | "with") {
                let mut k = end + 1;
                if DETERMINERS.contains(&&*s.words[k]) {
                    k += 1;
                }
                if let Some(owner) = s.at.get(k).copied().flatten() {
                    end = mentions[owner].end - s.first;
                }
            }
            let span = Span { start: s.doc.tokens[s.first + first].span.start, end: s.doc.tokens[s.first + end - 1].span.end };
            Actor { entity: None, span, name: s.doc.text()[span].to_string(), code: None }
        }
    }
}

impl Events {
    /// Every mention of an organization with a code, sorted by start.
    fn org_mentions(&self, doc: &Document) -> Vec<(Span, String)> {
        let mut out: Vec<(Span, String)> = doc
            .entities
            .iter()
            .filter(|o| o.kind == EntityType::Org)
            .filter_map(|o| Some((o, self.org_code(o)?)))
            .flat_map(|(o, code)| o.mentions.iter().map(move |m| (m.span, code.clone())))
            .collect();
        out.sort_by_key(|(span, _)| span.start);
        out
    }

    /// An organization's CAMEO code: the entity layer's, or that of a known organization its
    /// name opens with (`WHO Africa`).
    fn org_code(&self, o: &crate::document::Entity) -> Option<String> {
        if o.actor.is_some() {
            return o.actor.clone();
        }
        if international(&o.name) {
            return Some("IGO".into());
        }
        let first = o.name.split_whitespace().next()?;
        if !first.starts_with(char::is_uppercase) {
            return None;
        }
        self.resources
            .lookup(first)
            .into_iter()
            .find(|n| n.primary && n.kind == crate::resources::NameKind::Organization)
            .map(|n| self.resources.tables.organizations[n.id as usize].cameo.clone())
            .filter(|c| !c.is_empty())
    }
}

/// True for an organization whose name says it is international (`World Organisation for
/// Animal Health`, `International Atomic Energy Agency`) and names no country.
fn international(name: &str) -> bool {
    const WORDS: &[&str] = &["World", "International", "Global", "Intergovernmental", "Worldwide", "United Nations", "Inter-American", "Pan American"];
    WORDS.iter().any(|w| name.contains(w))
        && Resources::shared().is_ok_and(|r| {
            !name.split_whitespace().any(|w| r.lookup(w).iter().any(|n| n.primary && matches!(n.kind, crate::resources::NameKind::Country | crate::resources::NameKind::Demonym)))
        })
}

/// What the text says an actor is: the code of an organization it belongs to, a country and a
/// sector (`David Nabarro, the United Nations coordinator` → IGOUNO; `The president of France,
/// Nicolas Sarkozy` → FRA, GOV).
#[derive(Clone, Debug, Default)]
struct Description {
    org: Option<String>,
    country: Option<String>,
    sector: Option<String>,
}

/// What coding the actors of one document needs.
struct Context<'a> {
    doc: &'a Document,
    /// Organization mentions with a code, sorted by start.
    orgs: &'a [(Span, String)],
    /// Mentions of countries and their peoples (GPE and NORP entities with a country), with
    /// the alpha-3 code, sorted by start.
    countries: &'a [(Span, String)],
    main_country: Option<&'a str>,
    /// For each token, whether it lies in a name (`Food and Agriculture Organization`).
    in_name: &'a [bool],
    /// Each person's description, found once.
    described: &'a mut HashMap<EntityId, Description>,
}

/// Every mention of a GPE or NORP entity with a country, sorted by start.
fn countries(doc: &Document) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Norp))
        .filter_map(|e| Some((e, e.country.clone()?)))
        .flat_map(|(e, c)| e.mentions.iter().filter(|m| m.kind == crate::document::MentionKind::Name).map(move |m| (m.span, c.clone())))
        .collect();
    out.sort_by_key(|(span, _)| span.start);
    out
}

/// The first of `sorted` (by start) that lies inside `span` and is not `span` itself.
fn first_inside(sorted: &[(Span, String)], span: Span) -> Option<&str> {
    let from = sorted.partition_point(|(s, _)| s.start < span.start);
    sorted[from..].iter().take_while(|(s, _)| s.start < span.end).find(|(s, _)| span.contains(*s) && *s != span).map(|(_, c)| c.as_str())
}

/// The country the document is most about: the one its places name most.
fn main_country(doc: &Document) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in &doc.places {
        if let Some(c) = p.country.as_deref() {
            *counts.entry(c).or_default() += p.mentions.len();
        }
    }
    let alpha2 = counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))?.0;
    let r = Resources::shared().ok()?;
    r.tables.country(alpha2).map(|c| c.alpha3.clone())
}

impl Events {
    /// The sector a word names, as a role (`lawyer` → JUD) or a capitalized title (`Minister`
    /// → GOV); `Some("")` for a word that names a person's post without a sector (`director`).
    fn sector_of(&self, word: &str) -> Option<&'static str> {
        let r = self.resources;
        let lower = word.to_lowercase();
        for n in r.lookup_folded(&lower) {
            match n.kind {
                crate::resources::NameKind::Role => return Some(&r.tables.roles[n.id as usize].sector),
                crate::resources::NameKind::Title if word.starts_with(char::is_uppercase) => return Some(&r.tables.titles[n.id as usize].sector),
                _ => {}
            }
        }
        HEADS.contains(&lower.as_str()).then_some("")
    }

    /// The description of a person next to one of their names, token range `first..end`: an
    /// apposition after the name (`, the United Nations coordinator for bird flu,`), one before
    /// it (`The president of France, `), or words before it that end in a post (`WHO
    /// spokesman`). A description names a post; the words of one are read by `describe`.
    fn descriptions(&self, cx: &Context, first: usize, end: usize) -> [Option<(usize, usize)>; 3] {
        let doc = cx.doc;
        let text = doc.text();
        let word = |k: usize| &text[doc.tokens[k].span];
        let si = doc.sentences.partition_point(|s| s.end_token.index() <= first);
        let Some(sentence) = doc.sentences.get(si) else { return [None; 3] };
        let (lo, hi) = (sentence.first_token.index(), sentence.end_token.index());
        let stop = |k: usize| {
            let w = word(k);
            !cx.in_name[k] && (!w.starts_with(char::is_alphanumeric) && w != "'s" && w != "’s" && w != "-" || matches!(w, "and" | "or" | "that" | "who" | "which"))
        };
        let posts = |a: usize, b: usize| (a..b).any(|k| self.sector_of(word(k)).is_some());
        // After: `, DESCRIPTION,` (or up to the verb: `, regional adviser ... of the WHO said`).
        let after = (end < hi && word(end) == ",").then(|| {
            let mut k = end + 1;
            while k < hi && k < end + 17 && !stop(k) && !self.verbs.contains(&word(k).to_lowercase()) {
                k += 1;
            }
            (end + 1, k)
        });
        let after = after.filter(|&(a, b)| posts(a, b));
        // Before, set off by a comma: `The Jamaican Prime Minister, Bruce Golding`; not a
        // phrase of place, time or manner (`In Paris,`, `After meeting the president,`).
        let before = (first > lo && word(first - 1) == ",").then(|| {
            let mut k = first - 1;
            while k > lo && k + 15 > first && (!stop(k - 1) || matches!(word(k - 1), "and" | "or")) {
                k -= 1;
            }
            (k, first - 1)
        });
        let before = before.and_then(|(a, b)| {
            // `According to FAO team leader, Juan Lubroth`: what follows `according to` is.
            let a = if word(a).eq_ignore_ascii_case("according") && a + 2 < b { a + 2 } else { a };
            let mut a2 = a;
            while a2 < b && DETERMINERS.contains(&word(a2).to_lowercase().as_str()) {
                a2 += 1;
            }
            let lead = word(a2).to_lowercase();
            (a2 < b && !PREPOSITIONS.contains(&lead.as_str()) && !lead.ends_with("ing") && posts(a, b)).then_some((a, b))
        });
        // Right before, ending in a post: `WHO Africa regional director Luis Sambo`.
        let modifier = (first > lo && self.sector_of(word(first - 1)).is_some() && doc.tokens.get(first - 1).is_some()).then(|| {
            let mut k = first - 1;
            while k > lo && k + 9 > first && !stop(k - 1) && !self.verbs.contains(&word(k - 1).to_lowercase()) {
                k -= 1;
            }
            (k, first)
        });
        [after, before, modifier]
    }

    /// What the words of tokens `first..end` say an actor is: the first organization with a
    /// code, the first country, the first sector.
    fn describe(&self, cx: &Context, first: usize, end: usize) -> Description {
        let doc = cx.doc;
        let span = Span { start: doc.tokens[first].span.start, end: doc.tokens[end - 1].span.end };
        // Not an organization one is sent to (`deputy ambassador to the UN`).
        let text = doc.text();
        let from = cx.orgs.partition_point(|(s, _)| s.start < span.start);
        let org = cx.orgs[from..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .filter(|(s, _)| span.contains(*s))
            .find(|(s, _)| {
                let before = text[span.start as usize..s.start as usize].trim_end();
                let before = before.strip_suffix("the").map_or(before, str::trim_end);
                !before.ends_with(" to") && before != "to"
            })
            .map(|(_, c)| c.clone());
        let country = first_inside(cx.countries, span).or_else(|| cx.countries.iter().find(|(s, _)| *s == span).map(|(_, c)| c.as_str())).map(str::to_string);
        let sector = (first..end).find_map(|k| self.sector_of(&doc.text()[doc.tokens[k].span]).filter(|s| !s.is_empty())).map(str::to_string);
        Description { org, country, sector }
    }

    /// A person's description from the first of their names that has one.
    fn person(&self, cx: &mut Context, entity: EntityId) -> Description {
        if let Some(d) = cx.described.get(&entity) {
            return d.clone();
        }
        let doc = cx.doc;
        let mut found = Description::default();
        'names: for m in doc.entities[entity.index()].mentions.iter().filter(|m| m.kind == crate::document::MentionKind::Name) {
            let first = doc.tokens.partition_point(|t| t.span.start < m.span.start);
            let end = doc.tokens.partition_point(|t| t.span.start < m.span.end);
            if first >= end {
                continue;
            }
            for (a, b) in self.descriptions(cx, first, end).into_iter().flatten() {
                if a < b {
                    found = self.describe(cx, a, b);
                    break 'names;
                }
            }
        }
        cx.described.insert(entity, found.clone());
        found
    }

    /// Completes an actor's CAMEO code where the entity layer left it open: the organization
    /// its words or its description name (`an adviser at the WHO`, `WHO spokesman Daniel
    /// Epstein`, `David Nabarro, the United Nations coordinator`), else a country (the
    /// entity's, its description's, one its words name, else the document's main one) and a
    /// sector (from a role, title or organization word: `Ministry` → GOV, `police` → COP).
    fn code(&self, cx: &mut Context, a: &mut Actor) {
        if a.code.is_some() {
            return;
        }
        let doc = cx.doc;
        let entity = a.entity.map(|e| &doc.entities[e.index()]);
        if let Some(e) = entity.filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Norp)) {
            a.code = e.country.clone();
            return;
        }
        if let Some(code) = first_inside(cx.orgs, a.span) {
            a.code = Some(code.to_string());
            return;
        }
        let described = match a.entity.filter(|e| doc.entities[e.index()].kind == EntityType::Person) {
            Some(e) => self.person(cx, e),
            None => Description::default(),
        };
        if let Some(code) = described.org {
            a.code = Some(code);
            return;
        }
        if let Some(code) = entity.filter(|e| e.kind == EntityType::Org).and_then(|e| self.org_code(e)) {
            a.code = Some(code);
            return;
        }
        let mut country = entity.and_then(|e| e.country.clone()).or(described.country).or_else(|| first_inside(cx.countries, a.span).map(str::to_string));
        let mut sector: Option<String> = described.sector;
        let text = doc.text();
        let words = entity.map(|e| e.name.as_str()).into_iter().chain([&text[a.span]]).flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'));
        let r = self.resources;
        // A country of two or three words (`United States President`).
        if country.is_none() {
            let all: Vec<String> = text[a.span].split_whitespace().map(str::to_lowercase).collect();
            country = (2..=3)
                .flat_map(|n| all.windows(n).map(|w| w.join(" ")).collect::<Vec<_>>())
                .find_map(|name| r.lookup_folded(&name).find(|n| n.primary && matches!(n.kind, crate::resources::NameKind::Country)).map(|n| r.tables.countries[n.id as usize].alpha3.clone()));
        }
        for w in words.filter(|w| !w.is_empty()) {
            let lower = w.to_lowercase();
            for n in r.lookup_folded(&lower) {
                match n.kind {
                    crate::resources::NameKind::Role if sector.is_none() => sector = Some(r.tables.roles[n.id as usize].sector.clone()),
                    crate::resources::NameKind::Title if sector.is_none() && w.starts_with(char::is_uppercase) => {
                        sector = Some(r.tables.titles[n.id as usize].sector.clone()).filter(|s| !s.is_empty())
                    }
                    // An organization's own name or acronym inside (`WHO Africa`).
                    crate::resources::NameKind::Organization if n.primary && w.starts_with(char::is_uppercase) => {
                        let cameo = &r.tables.organizations[n.id as usize].cameo;
                        if !cameo.is_empty() {
                            a.code = Some(cameo.clone());
                            return;
                        }
                    }
                    crate::resources::NameKind::Country | crate::resources::NameKind::Demonym if country.is_none() && n.primary => {
                        country = Some(r.tables.countries[n.id as usize].alpha3.clone())
                    }
                    _ => {}
                }
            }
            if sector.is_none() {
                sector = self.affixes.get(&lower).map(|s| s.to_string());
            }
        }
        let country = country.or_else(|| cx.main_country.map(str::to_string));
        a.code = match (country, sector) {
            (Some(c), Some(s)) => Some(format!("{c}{s}")),
            (Some(c), None) if entity.is_some() => Some(c),
            // People named by a common noun (`four vendors`) are civilians of that country.
            (Some(c), None) if PEOPLE.iter().any(|p| text[a.span].to_lowercase().ends_with(p)) => Some(format!("{c}CVL")),
            (None, Some(s)) => Some(s),
            _ => None,
        };
    }
}

/// Codes whose target the text often leaves implicit: aid goes to the people of the place
/// where it is given (073 → its country's CVL), a state of emergency is declared over a
/// country (1724).
fn implied_target(doc: &Document, e: &mut Event, main_country: Option<&str>) {
    let aid = e.cameo.code.starts_with("07");
    if e.target.is_some() || !(aid || e.cameo.code == "1724") {
        return;
    }
    let stated = e.place.filter(|&(_, stated)| stated).and_then(|(p, _)| place_country(doc, p));
    let Some(country) = stated.or_else(|| main_country.map(str::to_string)) else { return };
    let code = if aid { format!("{country}CVL") } else { country.clone() };
    e.target = Some(Actor { entity: None, span: e.cue, name: format!("people of {country}"), code: Some(code) });
}

impl Events {
    /// A plain statement whose content is its speaker's own act to come (`He also said he would
    /// visit Libya`) expresses an intent: 036 to meet or visit, 033 to give aid, else 030.
    fn intents(&self, events: &mut [Event]) {
        let same = |a: &Actor, b: &Actor| match (a.entity, b.entity) {
            (Some(x), Some(y)) => x == y,
            _ => a.code.is_some() && a.code == b.code,
        };
        for k in 0..events.len() {
            if events[k].cameo.code != "010" {
                continue;
            }
            let e = &events[k];
            let act = events.iter().find(|n| {
                n.sentence == e.sentence
                    && n.cue != e.cue
                    && n.modality == Modality::Intended
                    && n.cue.start > e.cue.end
                    && !n.cameo.code.starts_with("01")
                    && !n.cameo.code.starts_with("02")
                    && same(&n.source, &e.source)
            });
            let Some(act) = act else { continue };
            let code = match &act.cameo.code[..2] {
                "04" => "036",
                "07" => "033",
                _ => "030",
            };
            if let Some(&info) = self.cameo.get(code) {
                events[k].cameo = info;
            }
        }
    }
}

/// An intent (03) with no target of its own takes the target of the act it announces, by the
/// same source a few words on (`promised to provide life-long treatment to the children`).
fn intended_targets(events: &mut [Event]) {
    for k in 0..events.len() {
        let e = &events[k];
        if !e.cameo.code.starts_with("03") || e.target.is_some() {
            continue;
        }
        let act = events[k + 1..]
            .iter()
            .take_while(|n| n.sentence == e.sentence && n.cue.start < e.cue.end + 40)
            .find(|n| n.cue.start >= e.cue.end && n.target.is_some() && n.source.code == e.source.code);
        if let Some(target) = act.map(|n| n.target.clone()) {
            events[k].target = target;
        }
    }
}

/// Gives the events that wait for an antecedent (see [`Antecedent`]) their sources: `events`
/// sorted by cue, `pending` their kinds by cue start. An event whose antecedent is not found
/// keeps the source its clause gave, if any; a pronoun or a description with none found is
/// dropped (`The agency` says nothing of which agency).
fn resolve(doc: &Document, events: Vec<Event>, pending: &HashMap<u32, Antecedent>) -> Vec<Event> {
    if pending.is_empty() {
        return events;
    }
    let person = |a: &Actor| a.entity.is_some_and(|e| doc.entities[e.index()].kind == EntityType::Person);
    // A person who speaks for an organization (`WHO spokesman Daniel Epstein`) can be what
    // `the agency` stands for.
    let organization = |a: &Actor| a.code.as_deref().is_some_and(|c| c.len() > 3 && !is_country(&c[..3]));
    let known = |a: &Actor| a.code.is_some() && !a.name.is_empty();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut k = 0;
    while k < events.len() {
        // The events of one cue (one per target) are resolved together.
        let cue = events[k].cue;
        let end = k + events[k..].iter().take_while(|e| e.cue == cue).count();
        let Some(&kind) = pending.get(&cue.start) else {
            out.extend_from_slice(&events[k..end]);
            k = end;
            continue;
        };
        // `it` stands for an organization or a country that says or asks something, not for
        // what kills or fights (`it kills all viruses`).
        if kind != Antecedent::Verb && conflict(&events[k].cameo.code) {
            k = end;
            continue;
        }
        let e = &events[k];
        let si = e.sentence.index();
        let earlier = || out.iter().rev().filter(|p| p.cue.start < cue.start && known(&p.source));
        // The sources of every event of the antecedent's cue.
        let all = |last: &Event| {
            let mut all: Vec<(Actor, Option<Actor>)> = Vec::new();
            for p in out.iter().filter(|p| p.cue == last.cue) {
                if !all.iter().any(|(a, _)| a.code == p.source.code && a.entity == p.source.entity) {
                    // Its object too, for a verb of the same kind (`fined ... and imprisoned`).
                    let target = p.target.clone().filter(|_| p.cameo.code[..2] == e.cameo.code[..2]);
                    all.push((p.source.clone(), target));
                }
            }
            all
        };
        let sources: Vec<(Actor, Option<Actor>)> = match kind {
            Antecedent::Verb => earlier().take_while(|p| p.sentence.index() == si).next().map(all).unwrap_or_default(),
            Antecedent::It => earlier()
                .take_while(|p| p.sentence.index() + 3 >= si)
                .find(|p| !person(&p.source) || organization(&p.source))
                .map(|p| {
                    let source = match person(&p.source) {
                        true => Actor { entity: None, span: e.source.span, name: p.source.name.clone(), code: p.source.code.clone() },
                        false => p.source.clone(),
                    };
                    vec![(source, None)]
                })
                .unwrap_or_default(),
            // `they` is several actors, or a group.
            Antecedent::They => earlier()
                .take_while(|p| p.sentence.index() + 3 >= si)
                .find(|p| p.sentence.index() < si)
                .map(all)
                .map(|all| all.into_iter().map(|(a, _)| (a, None)).collect::<Vec<_>>())
                .filter(|all| all.len() > 1 || all.iter().any(|(a, _)| a.entity.is_none() || !person(a)))
                .unwrap_or_default(),
        };
        if sources.is_empty() {
            if kind == Antecedent::Verb && !e.source.name.is_empty() {
                out.extend_from_slice(&events[k..end]);
            }
            k = end;
            continue;
        }
        for e in &events[k..end] {
            for (source, target) in &sources {
                let mut resolved = e.clone();
                resolved.source = source.clone();
                // Coordinated verbs share their object too (`he was fined ... and imprisoned`).
                if resolved.target.is_none() && kind == Antecedent::Verb {
                    resolved.target = target.clone();
                }
                if !out.iter().rev().take_while(|p| p.cue == cue).any(|p| p.source == resolved.source && p.target == resolved.target) {
                    out.push(resolved);
                }
            }
        }
        k = end;
    }
    out
}

/// True when the words after a speech cue, from word `from`, are an addressee and `to` + a
/// verb (`warned the WHO to be cautious`, `told her to take`): the speech is an appeal.
fn appeal(s: &Sentence, from: usize) -> bool {
    let mut k = from;
    let mut addressee = false;
    while k < s.words.len() && k < from + 8 {
        let w = &*s.words[k];
        if let Some(m) = s.at[k] {
            let _ = m;
            addressee = true;
            while k < s.words.len() && s.at[k] == Some(m) {
                k += 1;
            }
            continue;
        }
        if matches!(w, "him" | "her" | "them" | "us" | "me" | "you") || PEOPLE.contains(&w) {
            addressee = true;
        } else if w == "not" && addressee {
            // `warned people not to drink the water`
        } else if w == "to" {
            let verb = |k: usize| s.at[k].is_none() && s.words[k].chars().all(|c| c.is_lowercase()) && !DETERMINERS.contains(&&*s.words[k]);
            return addressee && k + 1 < s.words.len() && verb(k + 1);
        } else if addressee && !matches!(w, "and" | ",") || !(addressee || DETERMINERS.contains(&w) || plain(s, k)) {
            return false;
        }
        k += 1;
    }
    false
}

/// How an event's source is found once every event is known, when its own clause does not
/// name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Antecedent {
    /// A pronoun or a description (`It says`, `The agency says`): the source of the last
    /// event of an earlier sentence that was not a person's.
    It,
    /// `They say`: the sources of the last event of an earlier sentence, all of them.
    They,
    /// A verb coordinated with an earlier one (`confirmed ... but denied`): the source of the
    /// earlier verb's event in the same sentence.
    Verb,
}

/// Pronouns and descriptions that stand for an organization or a country named before.
const IT: &[&str] = &["it", "the agency", "the organisation", "the organization"];

/// Nouns for people that say whose they are with `of` or `from` after them (`a source from
/// the ministry`, `a team of experts from the WHO`): the actor is the organization.
const HEADS: &[&str] = &[
    "source", "sources", "team", "teams", "expert", "experts", "member", "members", "staff", "representative", "representatives", "head",
    "chief", "director", "coordinator", "officer", "officers", "manager", "mission",
];

/// The actors the clause around a cue at words `i..cue_end` names.
struct Found {
    /// (source, target) pairs; a source with no entity and no name is a placeholder for the
    /// antecedent's.
    pairs: Vec<(Actor, Option<Actor>)>,
    /// Where the source comes from when the clause does not name it.
    antecedent: Option<Antecedent>,
}

impl Found {
    fn none() -> Found {
        Found { pairs: Vec::new(), antecedent: None }
    }
}

/// A source still to be found (see [`Antecedent`]).
fn placeholder(span: Span) -> Actor {
    Actor { entity: None, span, name: String::new(), code: None }
}

/// The (source, target) pairs of a cue at words `i..cue_end` of the sentence.
fn actors(s: &Sentence, mentions: &[ActorMention], cue: &EventCue, i: usize, cue_end: usize, object_end: usize) -> Found {
    let mention_actor = |m: &ActorMention| mention_actor(s, mentions, m);
    let cue_span = Span { start: s.doc.tokens[s.first + i].span.start, end: s.doc.tokens[s.first + cue_end - 1].span.end };
    // `-ed`, `-en`, or an irregular form that is not the base, `-s` or `-ing` one (`met`).
    let word = &*s.words[i];
    let participle = !cue.noun
        && (word.ends_with("ed") || word.ends_with("en") || cue.forms.first().is_some_and(|f| f != word && cue.forms.iter().any(|f| f == word)) && !word.ends_with('s') && !word.ends_with("ing"));
    let passive = participle && i > 0 && {
        let mut k = i - 1;
        if k > 0 && s.words[k].ends_with("ly") {
            k -= 1;
        }
        BE.contains(&&*s.words[k])
    };
    // A participle after its noun with `by` (`rations donated by Britain`, `a deal ...,
    // mediated by Qatar`), or a coercive one after an actor with no object (`a journalist
    // imprisoned in Algeria`), is a passive too; what it is said of is the word before.
    let next = s.words.get(cue_end).map(|w| &**w);
    let reduced = participle
        && !passive
        && i > 0
        && !AUXILIARIES.contains(&&*s.words[i - 1])
        && (next == Some("by") && s.at[i - 1].is_none()
            || cue.agent.is_some() && (s.at[i - 1].is_some() || plain(s, i - 1)) && next.is_none_or(|w| PREPOSITIONS.contains(&w) || w == "," || w == "."));
    let subjects = match purpose(s, i) {
        Some(v) if !cue.noun => self::subjects(s, mentions, v, true),
        _ => subjects(s, mentions, i, !cue.noun),
    };
    let after = |preps: &[String], from: usize| -> Vec<ActorMention> { objects(s, mentions, preps, from) };
    let direct = |from: usize| -> Vec<ActorMention> { direct_object(s, mentions, from) };
    let pairs = |sources: &[Actor], targets: &[Actor]| -> Vec<(Actor, Option<Actor>)> {
        let mut out = Vec::new();
        for src in sources {
            if targets.is_empty() {
                // Coordinated subjects of a symmetric event meet each other.
                let others = sources.iter().filter(|o| o.entity != src.entity || o.entity.is_none() && o.span != src.span);
                match symmetric(&cue.code) {
                    true if sources.len() > 1 => out.extend(others.map(|o| (src.clone(), Some(o.clone())))),
                    _ => out.push((src.clone(), None)),
                }
            }
            for t in targets {
                out.push((src.clone(), Some(t.clone())));
            }
        }
        out
    };
    let (sources, targets): (Vec<ActorMention>, Vec<ActorMention>) = if cue.noun {
        // A possessive right before (`Russia's invasion`), `by X` or `from X`, else the subject.
        let possessive = (i >= 2 && matches!(&*s.words[i - 1], "'s" | "’s"))
            .then(|| s.at[i - 2].map(|k| mentions[k]))
            .flatten()
            .into_iter()
            .collect::<Vec<_>>();
        // `by X` or `from X` right after the noun, or after its participle (`investigations
        // by the ministry`, `a statement made by the Health Department`).
        let word = |k: usize| s.words.get(k).map(|w| &**w);
        let participle = word(cue_end).is_some_and(|w| w.ends_with("ed") || w == "made") && word(cue_end + 1) == Some("by");
        let by = match word(cue_end) {
            Some("by" | "from") => after(&["by".into(), "from".into()], cue_end),
            _ if participle => after(&["by".into()], cue_end + 1),
            _ => Vec::new(),
        };
        let targets = after(&cue.target, cue_end);
        let between = if symmetric(&cue.code) { after(&["between".into()], cue_end) } else { Vec::new() };
        if !possessive.is_empty() {
            (possessive, targets)
        } else if between.len() > 1 {
            // `a deal between the E.U. and Libya`: each side is the other's target.
            (between, Vec::new())
        } else if !by.is_empty() {
            let targets = if targets.is_empty() { subjects } else { targets };
            (by, targets)
        } else if let Some(v) = light_verb(s, i) {
            // The object of a verb that only says it happens (`he began a hunger strike`,
            // `have initiated a crack down on drug gangs`): that verb's subject does it.
            let doers = self::subjects(s, mentions, v, true);
            if doers.is_empty() {
                return Found::none();
            }
            (doers, targets)
        } else if cue.source_from_place {
            let Some(people) = place_people(s, i, cue_end) else { return Found::none() };
            return Found { pairs: vec![(people, targets.first().map(mention_actor))], antecedent: None };
        } else if !targets.is_empty() || (symmetric(&cue.code) && subjects.len() > 1) {
            // A noun with no actor of its own takes the sentence's subject only when it names
            // a target, or joins coordinated subjects (`Trump and Putin headed to a summit`).
            (subjects, targets)
        } else {
            return Found::none();
        }
    } else if passive || reduced {
        let by = after(&["by".into()], cue_end);
        let patients: Vec<Actor> = match passive {
            true => subjects.iter().map(mention_actor).collect(),
            // `Mohamed Tamalt, a journalist imprisoned in Algeria`: the person named.
            false => s.at[i - 1].map(|k| mentions[k]).or_else(|| apposed(s, mentions, i)).map(|m| mention_actor(&m)).into_iter().collect(),
        };
        let patients = if patients.is_empty() { people_before(s, i).into_iter().collect() } else { patients };
        if by.is_empty() {
            // No agent named: the authority the lexicon gives the act, of the place where it
            // happens (`he was arrested` → the police).
            let Some(authority) = authority(s, cue, cue_span) else { return Found::none() };
            return Found { pairs: pairs(&[authority], &patients), antecedent: None };
        }
        return Found { pairs: pairs(&by.iter().map(mention_actor).collect::<Vec<_>>(), &patients), antecedent: None };
    } else {
        // The target after one of the cue's prepositions (`purchased Alaska from Russia`), else
        // its direct object, else the actor its object names (`rejected pressure from Trump`).
        let mut targets = if cue.target.is_empty() { Vec::new() } else { after(&cue.target, object_end) };
        if targets.is_empty() {
            targets = direct(object_end);
        }
        if targets.is_empty() && cue.target.is_empty() {
            targets = objects(s, mentions, &["from".into(), "of".into(), "by".into()], object_end)
                .into_iter()
                .filter(|m| m.first - s.first <= object_end + 4)
                .collect();
        }
        // `..., said Dr. Archie Lluz`: a statement after its content names its speaker after it.
        if cue.code.starts_with("01") && inverted(s, i) {
            let speakers = direct(cue_end);
            if !speakers.is_empty() {
                return Found { pairs: pairs(&speakers.iter().map(mention_actor).collect::<Vec<_>>(), &[]), antecedent: None };
            }
        }
        let target_actors: Vec<Actor> = if targets.is_empty() && material(&cue.code) {
            people_object(s, object_end).into_iter().collect()
        } else {
            targets.iter().map(mention_actor).collect()
        };
        // A verb coordinated with an earlier one shares its subject (`confirmed ... but
        // denied`); `it` or `they` before the verb stand for actors named before.
        let (before, _) = word_before(s, i);
        // `toured Pangandaran and met people`: the actor nearest before `and` is the first
        // verb's object; the subject is before it.
        let subjects = match before {
            Some("and") if !subjects.is_empty() && {
                let mut k = subjects[0].first - s.first;
                while k > 0 && DETERMINERS.contains(&&*s.words[k - 1]) {
                    k -= 1;
                }
                let relative = (subjects[0].end - s.first..i).any(|j| matches!(&*s.words[j], "who" | "which"));
                let number = k > 0 && s.words[k - 1].starts_with(|c: char| c.is_ascii_digit());
                k > 0 && (plain(s, k - 1) || s.verb(k - 1) || number) && !relative
            } =>
            {
                let again = self::subjects(s, mentions, subjects[0].first - s.first, true);
                if again.is_empty() { subjects } else { again }
            }
            _ => subjects,
        };
        let antecedent = match before {
            Some("and" | "but") => Some(Antecedent::Verb),
            Some("they") if subjects.is_empty() => Some(Antecedent::They),
            _ if subjects.is_empty() && described(s, i) => Some(Antecedent::It),
            _ => None,
        };
        if subjects.is_empty() {
            // `I` or `we` in someone's quoted words is the speaker (`I strongly urge`, `we will
            // also work to assess`).
            let first_person = (i.saturating_sub(8)..i).rev().take_while(|&k| s.at[k].is_none() && !CLAUSE_END.contains(&&*s.words[k])).any(|k| matches!(&*s.words[k], "i" | "we"));
            if let Some(speaker) = first_person.then(|| s.layers.speaker(s.doc, cue_span)).flatten() {
                return Found { pairs: pairs(&[speaker], &target_actors), antecedent: None };
            }
            return match antecedent {
                Some(a) => Found { pairs: pairs(&[placeholder(cue_span)], &target_actors), antecedent: Some(a) },
                None => Found::none(),
            };
        }
        let sources: Vec<Actor> = subjects.iter().map(mention_actor).collect();
        return Found { pairs: pairs(&sources, &target_actors), antecedent: antecedent.filter(|a| *a == Antecedent::Verb) };
    };
    let sources: Vec<Actor> = sources.iter().map(mention_actor).collect();
    let targets: Vec<Actor> = targets.iter().map(mention_actor).collect();
    Found { pairs: pairs(&sources, &targets), antecedent: None }
}

/// Verbs that say that an event named by their object takes place (`began a hunger strike`,
/// `staged a rally`, `issued a ban`).
const LIGHT_VERBS: &[&str] = &[
    "begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting", "launch", "launches", "launched", "launching", "stage",
    "stages", "staged", "staging", "hold", "holds", "held", "holding", "conduct", "conducts", "conducted", "conducting", "initiate", "initiates",
    "initiated", "initiating", "mount", "mounts", "mounted", "mounting", "wage", "wages", "waged", "waging", "issue", "issues", "issued", "issuing",
    "announce", "announces", "announced", "announcing", "order", "orders", "ordered", "ordering", "carried", "carry", "carries", "carrying",
];

/// The light verb whose object the noun at word `i` is (a few determiners, numbers or
/// adjectives between: `began simultaneous immunization campaigns`), when there is one.
fn light_verb(s: &Sentence, i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && i - k < 4 {
        k -= 1;
        let w = &*s.words[k];
        // `carried out an attack`
        let w = if w == "out" && k > 0 && s.words[k - 1].starts_with("carr") { &*s.words[k - 1] } else { w };
        if LIGHT_VERBS.contains(&w) {
            return Some(if s.words[k] == "out" { k - 1 } else { k });
        }
        if !(DETERMINERS.contains(&w) || plain(s, k) || w.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
    }
    None
}

/// The verb that governs an infinitive of purpose at word `i` (`would visit Libya on
/// Wednesday to help`, `sent experts to assist`), whose subject is the infinitive's; none when
/// an actor comes right before `to` (`urged the government to release`: the government would).
fn purpose(s: &Sentence, i: usize) -> Option<usize> {
    if i < 2 || s.words[i - 1] != "to" || s.at[i - 2].is_some() {
        return None;
    }
    let mut k = i - 1;
    while k > 0 && k + 12 > i {
        k -= 1;
        if s.at[k].is_none() && CLAUSE_END.contains(&&*s.words[k]) {
            return None;
        }
        if s.verb(k) {
            return Some(k);
        }
    }
    None
}

/// True when the cue at word `i` is the topic of a discussion (`meetings ... to discuss
/// further funding`), which is not an event of its own.
fn topic(s: &Sentence, i: usize) -> bool {
    (i.saturating_sub(6)..i).rev().take_while(|&k| s.at[k].is_some() || !CLAUSE_END.contains(&&*s.words[k])).any(|k| s.words[k].starts_with("discuss"))
}

/// The word before word `i` past auxiliaries and adverbs (`and also denied`, `it has said`),
/// and its position.
fn word_before<'s>(s: &'s Sentence, i: usize) -> (Option<&'s str>, usize) {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = &*s.words[k];
        if s.at[k].is_none() && (w.ends_with("ly") || MODALS.contains(&w) || matches!(w, "has" | "have" | "had" | "also" | "then" | "later" | "now" | "will" | "can" | "must" | "is" | "are" | "was" | "were")) {
            continue;
        }
        return (Some(w), k);
    }
    (None, 0)
}

/// True when the words before word `i` are a pronoun or a description that stands for an
/// organization or a country named before (`It notes`, `The agency says`).
fn described(s: &Sentence, i: usize) -> bool {
    let (_, k) = word_before(s, i);
    IT.iter().any(|d| {
        let words: Vec<&str> = d.split(' ').collect();
        k + 1 >= words.len() && s.words[k + 1 - words.len()..=k].iter().zip(&words).all(|(a, b)| a == b) && s.at[k].is_none()
    })
}

/// True when a statement cue at `i` follows its content: after a comma or a closing quote
/// (`..., said Dr. Archie Lluz`).
fn inverted(s: &Sentence, i: usize) -> bool {
    i > 0 && matches!(&*s.words[i - 1], "," | "\"" | "”" | "’" | "'")
}

/// The authority that does a coercive act the text gives no agent: the sector the lexicon
/// names for the cue, of the country of the place the sentence gives the act, else of the
/// article's main country.
fn authority(s: &Sentence, cue: &EventCue, cue_span: Span) -> Option<Actor> {
    let sector = cue.agent.as_deref()?;
    let doc = s.doc;
    let country = own_place(doc, s.layers, s.span, cue_span).and_then(|p| place_country(doc, p)).or_else(|| s.layers.main_country.clone())?;
    Some(Actor { entity: None, span: cue_span, name: format!("authorities ({country})"), code: Some(format!("{country}{sector}")) })
}

/// The alpha-3 code of a place's country.
fn place_country(doc: &Document, place: usize) -> Option<String> {
    let r = Resources::shared().ok()?;
    r.tables.country(doc.places[place].country.as_deref()?).map(|c| c.alpha3.clone())
}

/// People named by a common noun before word `i` (`Five people were placed under arrest`),
/// in its clause.
fn people_before(s: &Sentence, i: usize) -> Option<Actor> {
    let doc = s.doc;
    for k in (i.saturating_sub(6)..i).rev() {
        let w = &*s.words[k];
        if PEOPLE.contains(&w) {
            let mut first = k;
            while first > 0 && k - first < 3 && (plain(s, first - 1) || DETERMINERS.contains(&&*s.words[first - 1]) || s.words[first - 1].starts_with(|c: char| c.is_ascii_digit())) {
                first -= 1;
            }
            let span = Span { start: doc.tokens[s.first + first].span.start, end: doc.tokens[s.first + k].span.end };
            return Some(Actor { entity: None, span, name: doc.text()[span].to_string(), code: None });
        }
        if s.at[k].is_some() || CLAUSE_END.contains(&w) || matches!(w, "," | "that" | "who" | "which") {
            return None;
        }
    }
    None
}

/// The subject of words before `i`: the nearest actor mention that is not a preposition's
/// object (unless the preposition says whose a person is: `a source from the ministry`), not a
/// possessive pronoun and not a demonym modifying a noun (`the Haitian cholera outbreak`), with
/// the actors coordinated with it. For a `verb`, not across `that` or a reporting verb (`Kuti
/// said the rustlers raided`: the rustlers, who are no actor).
fn subjects(s: &Sentence, mentions: &[ActorMention], i: usize, verb: bool) -> Vec<ActorMention> {
    let mut k = i;
    let mut relative = false;
    let mut comma = false;
    // At most 20 words are looked at (a skipped phrase does not count).
    let mut budget = 20;
    while k > 0 && budget > 0 {
        k -= 1;
        budget -= 1;
        let w = &*s.words[k];
        if CLAUSE_END.contains(&w) && s.at[k].is_none() {
            return Vec::new();
        }
        // `Australian politicians, noting the public support ..., are promising`: a
        // participle's phrase between commas is passed over.
        // So is a relative clause (`H5N1, which has spread throughout Europe, ..., has killed`):
        // the subject comes before it.
        if w == "," && !relative && !comma && s.at[k].is_none() {
            let opens = |j: usize| s.words[j] == "," && s.at[j + 1].is_none() && (s.words[j + 1].ends_with("ing") || matches!(&*s.words[j + 1], "which" | "who" | "whose"));
            if let Some(j) = (k.saturating_sub(25)..k.saturating_sub(1)).rev().find(|&j| opens(j)) {
                k = j;
                continue;
            }
        }
        comma |= w == ",";
        // `Kuti said the rustlers raided`: the subject is in the reported clause, or is not
        // named; `that` opens a clause of its own.
        if verb && !relative && (w == "that" || !comma && s.verb(k) && k + 1 < i) {
            return Vec::new();
        }
        // `X, who ...` and `X, whose forces ...`: the subject is X, whatever governs it.
        if matches!(w, "who" | "whose" | "which") {
            relative = true;
            continue;
        }
        let Some(m) = s.at[k].map(|x| mentions[x]) else {
            if relative && w != "," {
                return Vec::new();
            }
            continue;
        };
        let start = m.first - s.first;
        // `Hassan el Bushra, regional adviser ...`: a role noun in apposition to a name is
        // the named person.
        let m = match m.entity {
            None => apposed(s, mentions, start).unwrap_or(m),
            Some(_) => m,
        };
        let start = m.first - s.first;
        k = start;
        if relative {
            return vec![m];
        }
        let text = &s.doc.text()[m.span].to_lowercase();
        if matches!(text.as_str(), "his" | "her" | "its" | "their" | "whose") {
            continue;
        }
        if governed_by_preposition(s, start) && !whose(s, start) {
            continue;
        }
        // A demonym before a noun that is no actor modifies it.
        let end = m.end - s.first;
        let demonym = m.entity.is_some_and(|e| s.doc.entities[e.index()].kind == EntityType::Norp);
        if demonym && end < i && plain(s, end) {
            continue;
        }
        // Coordinated before it: `Trump and Putin`, `Britain, France and Germany` (a comma
        // joins only after an `and`), `the WHO and the CDC`.
        let mut found = vec![m];
        let mut j = start;
        if j > 0 && matches!(&*s.words[j - 1], "the" | "a" | "an") {
            j -= 1;
        }
        while j >= 2 && (matches!(&*s.words[j - 1], "and" | "or" | "nor") || (s.words[j - 1] == "," && found.len() > 1)) {
            // `China, Japan, and the United Kingdom`, `neither the E.U. nor France`
            let mut p = j - 2;
            if s.words[j - 1] != "," && s.words[p] == "," && p > 0 {
                p -= 1;
            }
            let Some(prev) = s.at[p].map(|x| mentions[x]) else { break };
            if governed_by_preposition(s, prev.first - s.first) {
                break;
            }
            found.push(prev);
            j = prev.first - s.first;
            if j > 0 && matches!(&*s.words[j - 1], "the" | "a" | "an") {
                j -= 1;
            }
        }
        found.reverse();
        return found;
    }
    Vec::new()
}

/// The person the noun phrase ending before word `start` stands in apposition to (`Hassan el
/// Bushra, regional adviser`, `Mohamed Tamalt, a journalist`): a person's name, a comma and a
/// few determiners, adjectives or nouns.
fn apposed(s: &Sentence, mentions: &[ActorMention], start: usize) -> Option<ActorMention> {
    let mut k = start;
    while k > 0 && start - k < 3 && (plain(s, k - 1) && !s.verb(k - 1) || matches!(&*s.words[k - 1], "a" | "an" | "the")) {
        k -= 1;
    }
    if k < 2 || s.words[k - 1] != "," {
        return None;
    }
    let m = mentions[s.at[k - 2]?];
    m.entity.filter(|e| s.doc.entities[e.index()].kind == EntityType::Person)?;
    Some(m)
}

/// True when the preposition before the mention at `start` follows a noun for people that
/// says whose they are (`a responsible source from Egyptian ministry of health`).
fn whose(s: &Sentence, start: usize) -> bool {
    let mut j = start;
    while j > 0 && (DETERMINERS.contains(&&*s.words[j - 1]) || s.words[j - 1].ends_with("'s")) {
        j -= 1;
    }
    j >= 2 && matches!(&*s.words[j - 1], "of" | "from" | "at") && HEADS.contains(&&*s.words[j - 2]) && s.at[j - 2].is_none()
}

/// True when the words before position `start` are a preposition (with a determiner between).
fn governed_by_preposition(s: &Sentence, start: usize) -> bool {
    let mut j = start;
    while j > 0 && (DETERMINERS.contains(&&*s.words[j - 1]) || s.words[j - 1].ends_with("'s") || matches!(&*s.words[j - 1], "former" | "neither" | "either" | "both")) {
        j -= 1;
    }
    j > 0 && PREPOSITIONS.contains(&&*s.words[j - 1])
}

/// The actors after words `from`: after one of `preps` when given (else the first actor),
/// with the actors coordinated with it, before the clause ends.
fn objects(s: &Sentence, mentions: &[ActorMention], preps: &[String], from: usize) -> Vec<ActorMention> {
    let mut k = from;
    let mut armed = preps.is_empty();
    let mut armed_at = from;
    let limit = (from + 12).min(s.words.len());
    while k < limit {
        let w = &*s.words[k];
        if s.at[k].is_none() && (CLAUSE_END.contains(&w) || CONDITIONS.contains(&w) || matches!(w, "." | "that" | "who" | "which" | "because" | "when")) {
            return Vec::new();
        }
        // `a blockade on Gaza, and Egypt ...`: the target is not in the next clause.
        if armed && w == "," && !preps.is_empty() {
            return Vec::new();
        }
        if !armed || PREPOSITIONS.contains(&w) {
            let matched = preps.iter().find_map(|p| {
                let words: Vec<&str> = p.split(' ').collect();
                (s.words.len() >= k + words.len() && s.words[k..k + words.len()].iter().zip(&words).all(|(a, b)| a == b)).then_some(words.len())
            });
            match matched {
                Some(n) => {
                    armed = true;
                    armed_at = k + n;
                    k += n;
                }
                // Another preposition's object is not the target.
                None => {
                    armed = false;
                    k += 1;
                }
            }
            continue;
        }
        // The target is the object of the preposition: within a few words of it.
        if !preps.is_empty() && k > armed_at + 3 {
            armed = false;
        }
        if let Some(m) = s.at[k].map(|x| mentions[x]) {
            return with_coordinated(s, mentions, m);
        }
        k += 1;
    }
    Vec::new()
}

/// An object mention and the ones coordinated after it (`European allies and Zelensky`,
/// `Britain, France and Germany`). A comma joins only in a list that ends with `and` or `or`:
/// `the Health Minister, Abdel Mutalib Mohammed` is one actor named twice.
fn with_coordinated(s: &Sentence, mentions: &[ActorMention], m: ActorMention) -> Vec<ActorMention> {
    let mut found = vec![m];
    let mut sure = 1;
    let mut j = m.end - s.first;
    while j + 1 < s.words.len() && matches!(&*s.words[j], "and" | "or" | ",") {
        let comma = s.words[j] == "," && !matches!(&*s.words[j + 1], "and" | "or");
        let mut k = if s.words[j] == "," && !comma { j + 2 } else { j + 1 };
        if s.words.get(k).is_some_and(|w| matches!(&**w, "the" | "a" | "an")) {
            k += 1;
        }
        let Some(next) = s.at.get(k).copied().flatten().map(|x| mentions[x]) else { break };
        found.push(next);
        if !comma {
            sure = found.len();
        }
        j = next.end - s.first;
    }
    found.truncate(sure);
    found
}

/// Codes of violence (18-20).
fn conflict(code: &str) -> bool {
    code.get(..2).is_some_and(|r| ("18"..="20").contains(&r))
}

/// Codes of material acts on people (aid, release, coercion, violence), whose object is often
/// people named by a common noun (`arrested four vendors`).
fn material(code: &str) -> bool {
    ["07", "08", "17", "18", "19", "20"].iter().any(|r| code.starts_with(r))
}

/// Nouns for people that are not roles.
const PEOPLE: &[&str] = &["people", "persons", "personnel", "man", "woman", "boy", "girl", "child", "men", "women", "children", "civilians", "residents", "villagers", "vendors", "traders", "suspects", "patients", "workers", "students", "families", "migrants", "protesters", "demonstrators", "passengers", "travellers", "travelers", "prisoners", "inmates", "victims", "survivors"];

/// People named by a common noun right after word `from` (`four vendors`, `hundreds of
/// residents`): an actor with no entity, coded later as the people of the article's country.
fn people_object(s: &Sentence, from: usize) -> Option<Actor> {
    let doc = s.doc;
    for k in from..(from + 5).min(s.words.len()) {
        let w = &*s.words[k];
        if PEOPLE.contains(&w) {
            let span = Span { start: doc.tokens[s.first + from].span.start, end: doc.tokens[s.first + k].span.end };
            return Some(Actor { entity: None, span, name: doc.text()[span].to_string(), code: None });
        }
        if s.at[k].is_some() || CLAUSE_END.contains(&w) || matches!(w, "," | "." | "that" | "to" | "for" | "in" | "at" | "on") {
            return None;
        }
    }
    None
}

/// The direct object after word `from`: an actor mention within three words (determiners,
/// adjectives, titles between), before any preposition.
fn direct_object(s: &Sentence, mentions: &[ActorMention], from: usize) -> Vec<ActorMention> {
    for k in from..(from + 4).min(s.words.len()) {
        if let Some(m) = s.at[k].map(|x| mentions[x]) {
            return with_coordinated(s, mentions, m);
        }
        let w = &*s.words[k];
        if PREPOSITIONS.contains(&w) || CLAUSE_END.contains(&w) || CONDITIONS.contains(&w) || matches!(w, "," | "." | "that" | "because" | "when") {
            break;
        }
    }
    Vec::new()
}

/// The people of the place nearest the cue in its sentence (`protests in Anchorage`): the
/// place's country's civilians.
fn place_people(s: &Sentence, i: usize, cue_end: usize) -> Option<Actor> {
    let doc = s.doc;
    let cue = Span { start: doc.tokens[s.first + i].span.start, end: doc.tokens[s.first + cue_end - 1].span.end };
    let sentence = Span { start: doc.tokens[s.first].span.start, end: doc.tokens[s.first + s.words.len() - 1].span.end };
    let (place, span) = s
        .layers
        .places_in(sentence)
        .iter()
        .map(|&(m, i)| (&doc.places[i], m))
        .filter(|(p, m)| p.country.is_some() && sentence.contains(*m))
        .min_by_key(|(_, m)| m.start.abs_diff(cue.start))?;
    let alpha3 = doc.entities[place.entity.index()].country.clone();
    Some(Actor {
        entity: None,
        span,
        name: format!("people in {}", &doc.text()[span]),
        code: alpha3.map(|c| format!("{c}CVL")),
    })
}

/// The modality of the cue at words `i..cue_end`.
fn modality(doc: &Document, s: &Sentence, i: usize, cue_end: usize, cue: Span, time: Option<usize>, reference: Option<Date>) -> Modality {
    let before: Vec<&str> = s.words[i.saturating_sub(5)..i].iter().map(|w| &**w).collect();
    // Only the words of the cue's own clause count.
    let clause_start = before.iter().rposition(|w| CLAUSE_END.contains(w) || matches!(*w, "," | "that" | "and" | "who" | "which")).map_or(0, |p| p + 1);
    let before = &before[clause_start..];
    let after: Vec<&str> = s.words[cue_end..(cue_end + 8).min(s.words.len())].iter().map(|w| &**w).collect();
    let after = &after[..after.iter().position(|w| CLAUSE_END.contains(w) || *w == ".").unwrap_or(after.len())];
    if before.iter().any(|w| NEGATIONS.contains(w)) {
        return Modality::Negated;
    }
    // `would` after a reporting verb is the future of reported speech (`he said the EU would
    // provide`), not a condition.
    let would = before.iter().rposition(|w| *w == "would").map(|p| i - before.len() + p);
    let reported_future = would.is_some_and(|w| (0..w).any(|k| s.verb(k) && !s.words[k].ends_with("ing")));
    if before.iter().any(|w| MODALS.contains(w) && !(*w == "would" && reported_future)) || after.iter().any(|w| CONDITIONS.contains(w)) {
        return Modality::Hypothetical;
    }
    if reported_future {
        return Modality::Intended;
    }
    if before.iter().rev().take(3).any(|w| FUTURE.contains(w)) || before.iter().any(|w| w.starts_with("intend") || w.starts_with("plan") || w.starts_with("expect") || w.starts_with("schedul")) {
        return Modality::Intended;
    }
    if let (Some(t), Some(reference)) = (time, reference) {
        if let Some(last) = last_day(&doc.times[t].value) {
            if last.days() + 30 < reference.days() {
                return Modality::Historical;
            }
        }
    }
    if s.layers.reported(cue) {
        return Modality::Reported;
    }
    Modality::Asserted
}

/// The last day a TIMEX3 date value covers (`2022-02` → 2022-02-28, `1867` → 1867-12-31).
fn last_day(value: &str) -> Option<Date> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    match value.len() {
        4 => Date::new(year, 12, 31),
        7 => {
            let month: u32 = value.get(5..7)?.parse().ok()?;
            let next = if month == 12 { Date::new(year + 1, 1, 1) } else { Date::new(year, month + 1, 1) }?;
            next.add_days(-1)
        }
        _ => Date::parse_prefix(value).ok(),
    }
}

/// Words between an event and a date that put the date in another clause.
const TIME_BREAKS: &[&str] = &[";", ",", "—", "–", "and", "but", "that", "since", "while", "after", "before", "until"];

/// A calendar date or time in the cue's clause, nearest the cue.
fn own_time(doc: &Document, sentence: Span, cue: Span) -> Option<usize> {
    let text = doc.text();
    // Times come in text order: only the sentence's are looked at.
    let first = doc.times.partition_point(|t| t.span.start < sentence.start);
    let end = doc.times.partition_point(|t| t.span.start < sentence.end);
    doc.times[first..end]
        .iter()
        .enumerate()
        .map(|(k, t)| (first + k, t))
        .filter(|(_, t)| matches!(t.kind, TimeType::Date | TimeType::Time) && sentence.contains(t.span) && t.value.starts_with(|c: char| c.is_ascii_digit()))
        // A time that is the cue itself (`in March` read as the verb) is not the cue's time.
        .filter(|(_, t)| t.span.end <= cue.start || t.span.start >= cue.end)
        .filter(|(_, t)| {
            let between = if t.span.start >= cue.end { &text[cue.end as usize..t.span.start as usize] } else { &text[t.span.end as usize..cue.start as usize] };
            let words: Vec<&str> = between.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
            words.len() <= 8 && !between.contains([',', ';', '—', '–']) && !words.iter().any(|w| TIME_BREAKS.contains(&w.to_lowercase().as_str()))
        })
        .min_by_key(|(_, t)| t.span.start.abs_diff(cue.start))
        .map(|(i, _)| i)
}

/// Words that put what follows as the place where something happens.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"];

/// The place the sentence gives the event: a place written after a locative word (`met ... in
/// Alaska`, `protests in Anchorage`) or before `, where`, nearest the cue (after it first).
fn own_place(doc: &Document, layers: &Layers, sentence: Span, cue: Span) -> Option<usize> {
    let text = doc.text();
    let locative = |m: Span| {
        let before = text[sentence.start as usize..m.start as usize].trim_end();
        let before = before.strip_suffix("the").map_or(before, str::trim_end);
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        LOCATIVE.contains(&word.as_str()) || text[m.end as usize..].starts_with(", where")
    };
    layers
        .places_in(sentence)
        .iter()
        .filter(|(m, _)| sentence.contains(*m) && locative(*m))
        .min_by_key(|(m, _)| (m.start < cue.start, m.start.abs_diff(cue.start)))
        .map(|&(_, i)| i)
}

/// The article's main place: its most mentioned city, division or facility, else country.
fn main_place(doc: &Document) -> Option<usize> {
    let local = |f: Feature| matches!(f, Feature::City | Feature::Admin1 | Feature::Facility);
    doc.places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.used_as == PlaceUse::Place && p.precision != crate::places::Precision::Approximate)
        .max_by_key(|(i, p)| (local(p.feature), p.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}
