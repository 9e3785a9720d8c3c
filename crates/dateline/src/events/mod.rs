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
use std::collections::HashMap;

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
    /// Every one-word form of a role noun, lower case (`police`, `officials`).
    roles: std::collections::HashSet<String>,
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
        let roles = resources.tables.roles.iter().flat_map(|r| &r.forms).filter(|f| !f.contains(' ')).map(|f| f.to_lowercase()).collect();
        Ok(Events { resources, forms, cameo, affixes, roles })
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

/// One token's view for the search.
struct Sentence<'a> {
    layers: &'a Layers,
    /// The sentence's words in lower case (borrowed where they are already).
    words: Vec<Cow<'a, str>>,
    /// Global index of the first token.
    first: usize,
    doc: &'a Document,
    /// For each token of the sentence, the actor mention it starts or lies in: (mention
    /// index in `mentions`).
    at: &'a [Option<usize>],
}

impl<'a> Sentence<'a> {
    /// Sentence `si` of `doc`, with `at` the actor mention of each of the document's tokens.
    fn new(doc: &'a Document, layers: &'a Layers, at: &'a [Option<usize>], si: usize) -> Sentence<'a> {
        let sentence = &doc.sentences[si];
        let (first, end) = (sentence.first_token.index(), sentence.end_token.index());
        let text = doc.text();
        Sentence {
            layers,
            words: doc.tokens[first..end].iter().map(|t| crate::chars::lowercase(&text[t.span])).collect(),
            first,
            doc,
            at: &at[first..end],
        }
    }
}

/// Positions of the other layers, sorted once per document so that each event looks up what
/// lies near it instead of scanning the whole document (the stage stays linear).
struct Layers {
    /// Quotes' content spans and cues, by start.
    quotes: Vec<(Span, Option<Span>)>,
    /// Quote cues, by start.
    quote_cues: Vec<Span>,
    /// Mentions of places used as places: (span, index in `Document::places`), by start.
    places: Vec<(Span, usize)>,
}

impl Layers {
    fn new(doc: &Document) -> Layers {
        let mut quotes: Vec<(Span, Option<Span>)> = doc.quotes.iter().map(|q| (q.span, q.cue)).collect();
        quotes.sort_by_key(|(s, _)| s.start);
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
        Layers { quotes, quote_cues, places }
    }

    /// True when a quote's cue overlaps `span`.
    fn quote_cue_at(&self, span: Span) -> bool {
        let i = self.quote_cues.partition_point(|c| c.start < span.start);
        // Cues do not nest: a cue overlapping `span` starts just before it or inside it.
        i.checked_sub(1).into_iter().chain(i..self.quote_cues.len().min(i + 2)).any(|k| self.quote_cues[k].overlaps(span))
    }

    /// True when `cue` lies in a quote that is not its own (someone's reported words).
    fn reported(&self, cue: Span) -> bool {
        let i = self.quotes.partition_point(|(s, _)| s.start <= cue.start);
        // The quotes that can contain it start before it; nesting is shallow, so a few do.
        self.quotes[i.saturating_sub(32)..i].iter().any(|(s, c)| s.contains(cue) && c.is_none_or(|c| !c.overlaps(cue)))
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
        let noun_use = nominal(s, i);
        let mut best: Option<(usize, usize, usize)> = None;
        for (row, words) in rows {
            if i + words.len() > s.words.len() || s.words[i..i + words.len()] != words[..] {
                continue;
            }
            let cue = &table[*row];
            let end = i + words.len();
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
            if (cue.noun && after_to) || (!cue.noun && noun_use) {
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

/// Where the first of the cue's object words ends, when one comes within the next six words
/// before a clause ends (an offset into `after`).
fn object_follows(cue: &EventCue, after: &[Cow<str>]) -> Option<usize> {
    for (k, w) in after.iter().take(6).enumerate() {
        if CLAUSE_END.contains(&&**w) || w == "." {
            return None;
        }
        for o in &cue.object {
            let words: Vec<&str> = o.split(' ').collect();
            if after.len() >= k + words.len() && after[k..k + words.len()].iter().zip(&words).all(|(a, b)| a == b) {
                return Some(k + words.len());
            }
        }
    }
    None
}

/// True when the word at `i` is used as a noun: right after a determiner, or an `-ing` form
/// with a determiner a few words before and nothing verbal between (`the Alaska meeting`).
fn nominal(s: &Sentence, i: usize) -> bool {
    if i > 0 && DETERMINERS.contains(&&*s.words[i - 1]) {
        return true;
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
            let role = self.roles.contains(&lower);
            // Not a title before a name (`President Joe Biden`), an indefinite (`a party to`),
            // or someone's (`whose forces`: the owner is the actor).
            let prev = k.checked_sub(1).map(|p| text[doc.tokens[p].span].to_lowercase());
            let title = covered.get(k + 1).copied().unwrap_or(false);
            let excluded = prev.as_deref().is_some_and(|p| matches!(p, "a" | "an" | "his" | "her" | "its" | "their" | "whose" | "our" | "my"));
            if role && !title && !excluded {
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
        for si in 0..doc.sentences.len() {
            let s = Sentence::new(doc, &layers, &by_token, si);
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
                // A plain statement the quotes layer attributed is coded from its speaker below.
                if cue.code.starts_with("01") && cue.object.is_empty() && layers.quote_cue_at(cue_span) {
                    i = cue_end;
                    continue;
                }
                for (source, target) in actors(&s, &mentions, cue, i, cue_end, object_end) {
                    if let Some(e) = self.event(doc, &s, si, &cue.code, cue_span, i, cue_end, source, target, main_place, reference) {
                        out.push(e);
                    }
                }
                i = object_end.max(cue_end);
            }
        }
        // Attributed speech is a statement, unless its cue was coded above (the lexicon's cues
        // come in text order and do not overlap) or by an earlier quote with the same cue.
        let coded: Vec<Span> = out.iter().map(|e| e.cue).collect();
        let coded_at = |cue: Span| {
            let i = coded.partition_point(|c| c.end <= cue.start);
            coded.get(i).is_some_and(|c| c.start < cue.end)
        };
        let mut stated: std::collections::HashSet<(u32, u32)> = std::collections::HashSet::new();
        for q in &doc.quotes {
            let (Some(speaker), Some(cue)) = (&q.speaker, q.cue) else { continue };
            if speaker.entity.is_some_and(|e| !can_act(doc.entities[e.index()].kind)) || coded_at(cue) || !stated.insert((cue.start, cue.end)) {
                continue;
            }
            let si = doc.sentences.partition_point(|s| s.span.end < cue.end);
            if doc.sentences.get(si).is_none_or(|s| !s.span.contains(cue)) {
                continue;
            }
            let s = Sentence::new(doc, &layers, &by_token, si);
            let (first, end) = (s.first, s.first + s.words.len());
            let i = doc.tokens[first..end].partition_point(|t| t.span.start < cue.start);
            let cue_end = doc.tokens[first..end].partition_point(|t| t.span.start < cue.end).max(i + 1);
            let source = match speaker.entity {
                Some(entity) => actor(doc, speaker.span, entity),
                // A speaker the entity layer does not know is an actor only when its words say
                // what it is (`health officials`, `the ministry`): coded below, else dropped.
                None => Actor { entity: None, span: speaker.span, name: text[speaker.span].to_string(), code: None },
            };
            if let Some(e) = self.event(doc, &s, si, "010", cue, i, cue_end, source, None, main_place, reference) {
                out.push(e);
            }
        }
        let main_country = main_country(doc);
        let orgs = self.org_mentions(doc);
        let mut affiliations: HashMap<EntityId, Option<String>> = HashMap::new();
        for e in &mut out {
            self.code(doc, &mut e.source, main_country.as_deref(), &orgs, &mut affiliations);
            if let Some(t) = &mut e.target {
                self.code(doc, t, main_country.as_deref(), &orgs, &mut affiliations);
            }
        }
        // An unknown speaker whose words say nothing of what it is (`one resident`) is no actor.
        out.retain(|e| e.source.entity.is_some() || e.source.code.is_some());
        out.sort_by_key(|e| (e.cue.start, e.source.span.start));
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
        // An actor is not its own target (`he` after a cue is often the subject again).
        let target = target.filter(|t| t.entity.is_none() || t.entity != source.entity);
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
fn mention_actor(s: &Sentence, m: &ActorMention) -> Actor {
    match m.entity {
        Some(e) => actor(s.doc, m.span, e),
        None => {
            let mut first = m.first - s.first;
            while first > 0 && s.at[first - 1].is_none() && !matches!(&*s.words[first - 1], "," | "and" | "the" | "a" | "an") && !PREPOSITIONS.contains(&&*s.words[first - 1]) && first + 3 > m.first - s.first {
                first -= 1;
            }
            let span = Span { start: s.doc.tokens[s.first + first].span.start, end: m.span.end };
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

/// The CAMEO code of the organization an actor belongs to, as the text writes it: an
/// organization mention inside the actor's span, right before one of its person's name
/// mentions (a few lower-case words or titles between: `WHO Africa regional director Luis
/// Sambo`), or in an apposition after one (`Hassan el Bushra, regional adviser ... of the WHO`).
/// `orgs` are the organization mentions sorted by start; a person's answer is computed once.
fn affiliation(doc: &Document, a: &Actor, orgs: &[(Span, String)], cache: &mut HashMap<EntityId, Option<String>>) -> Option<String> {
    let text = doc.text();
    let from = |at: u32| orgs.partition_point(|(s, _)| s.start < at);
    let inside = &orgs[from(a.span.start)..from(a.span.end)];
    if let Some((_, code)) = inside.iter().find(|(s, _)| a.span.contains(*s) && *s != a.span) {
        return Some(code.clone());
    }
    let entity = a.entity.filter(|e| doc.entities[e.index()].kind == EntityType::Person)?;
    if let Some(known) = cache.get(&entity) {
        return known.clone();
    }
    let person = &doc.entities[entity.index()];
    let mut found = None;
    'mentions: for m in person.mentions.iter().filter(|m| m.kind == crate::document::MentionKind::Name) {
        // Before, ending at most 60 bytes before the name.
        for (om, code) in &orgs[from(m.span.start.saturating_sub(200))..from(m.span.start)] {
            if om.end <= m.span.start && m.span.start - om.end < 60 {
                let between = &text[om.end as usize..m.span.start as usize];
                if between.split_whitespace().count() <= 4 && !between.contains([',', '.', ';', '"', '“', '”']) {
                    found = Some(code.clone());
                    break 'mentions;
                }
            }
        }
        // After, in an apposition starting at most 120 bytes after the name.
        for (om, code) in &orgs[from(m.span.end)..from(m.span.end.saturating_add(120))] {
            let between = &text[m.span.end as usize..om.start as usize];
            let words: Vec<&str> = between.split_whitespace().collect();
            let rest = between.trim_start();
            let apposition = rest.starts_with(',') && !rest[1..].contains([',', '.', ';', '"', '“', '”']);
            if apposition && words.len() <= 14 && words.iter().any(|w| matches!(*w, "of" | "at" | "for" | "from" | "with")) {
                found = Some(code.clone());
                break 'mentions;
            }
        }
    }
    cache.insert(entity, found.clone());
    found
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
    /// Completes an actor's CAMEO code where the entity layer left it open: a country (the
    /// entity's, one its words name, else the document's main one) and a sector (from a role,
    /// title or organization word in its name or mention: `Ministry` → GOV, `police` → COP).
    fn code(&self, doc: &Document, a: &mut Actor, main_country: Option<&str>, orgs: &[(Span, String)], cache: &mut HashMap<EntityId, Option<String>>) {
        if a.code.is_some() {
            return;
        }
        let entity = a.entity.map(|e| &doc.entities[e.index()]);
        if let Some(e) = entity.filter(|e| matches!(e.kind, EntityType::Gpe | EntityType::Norp)) {
            a.code = e.country.clone();
            return;
        }
        // A person is coded by the organization the text gives them (`an adviser at the WHO`,
        // `WHO Africa regional director Luis Sambo`, `Hassan el Bushra, regional adviser ... of
        // the WHO`).
        if let Some(code) = affiliation(doc, a, orgs, cache) {
            a.code = Some(code);
            return;
        }
        if let Some(code) = entity.filter(|e| e.kind == EntityType::Org).and_then(|e| self.org_code(e)) {
            a.code = Some(code);
            return;
        }
        let mut country = entity.and_then(|e| e.country.clone());
        let mut sector: Option<String> = None;
        let text = doc.text();
        let words = entity.map(|e| e.name.as_str()).into_iter().chain([&text[a.span]]).flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'));
        let r = self.resources;
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
        let country = country.or_else(|| main_country.map(str::to_string));
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

/// The (source, target) pairs of a cue at words `i..cue_end` of the sentence.
fn actors(s: &Sentence, mentions: &[ActorMention], cue: &EventCue, i: usize, cue_end: usize, object_end: usize) -> Vec<(Actor, Option<Actor>)> {
    let mention_actor = |m: &ActorMention| mention_actor(s, m);
    let passive = !cue.noun && i > 0 && {
        let mut k = i - 1;
        if k > 0 && s.words[k].ends_with("ly") {
            k -= 1;
        }
        BE.contains(&&*s.words[k]) && (s.words[i].ends_with("ed") || s.words[i].ends_with("en"))
    };
    let subjects = subjects(s, mentions, i);
    let after = |preps: &[String], from: usize| -> Vec<ActorMention> { objects(s, mentions, preps, from) };
    let direct = |from: usize| -> Vec<ActorMention> { direct_object(s, mentions, from) };
    let (sources, targets): (Vec<ActorMention>, Vec<ActorMention>) = if cue.noun {
        // A possessive right before (`Russia's invasion`), `by X` or `from X`, else the subject.
        let possessive = (i >= 2 && matches!(&*s.words[i - 1], "'s" | "’s"))
            .then(|| s.at[i - 2].map(|k| mentions[k]))
            .flatten()
            .into_iter()
            .collect::<Vec<_>>();
        let by = after(&["by".into(), "from".into()], cue_end);
        let targets = after(&cue.target, cue_end);
        if !possessive.is_empty() {
            (possessive, targets)
        } else if !by.is_empty() {
            let targets = if targets.is_empty() { subjects } else { targets };
            (by, targets)
        } else if cue.source_from_place {
            return place_people(s, i, cue_end).map(|p| vec![(p, targets.first().map(mention_actor))]).unwrap_or_default();
        } else if !targets.is_empty() || (symmetric(&cue.code) && subjects.len() > 1) {
            // A noun with no actor of its own takes the sentence's subject only when it names
            // a target, or joins coordinated subjects (`Trump and Putin headed to a summit`).
            (subjects, targets)
        } else {
            return Vec::new();
        }
    } else if passive {
        (after(&["by".into()], cue_end), subjects)
    } else {
        // The target after one of the cue's prepositions (`purchased Alaska from Russia`), else
        // its direct object, else the actor its object names (`rejected pressure from Trump`).
        let mut targets = if cue.target.is_empty() { Vec::new() } else { after(&cue.target, object_end) };
        if targets.is_empty() {
            targets = direct(object_end);
        }
        if targets.is_empty() {
            targets = objects(s, mentions, &["from".into(), "of".into(), "by".into()], object_end)
                .into_iter()
                .filter(|m| m.first - s.first <= object_end + 4)
                .collect();
        }
        if targets.is_empty() && material(&cue.code) {
            if let Some(people) = people_object(s, object_end) {
                return subjects.iter().map(|src| (mention_actor(src), Some(people.clone()))).collect();
            }
        }
        (subjects, targets)
    };
    let mut out = Vec::new();
    for src in &sources {
        if targets.is_empty() {
            // Coordinated subjects of a symmetric event meet each other.
            let others: Vec<&ActorMention> = sources.iter().filter(|o| o.entity != src.entity || o.entity.is_none() && o.span != src.span).collect();
            if symmetric(&cue.code) && !others.is_empty() {
                out.extend(others.into_iter().map(|o| (mention_actor(src), Some(mention_actor(o)))));
            } else {
                out.push((mention_actor(src), None));
            }
        }
        for t in &targets {
            out.push((mention_actor(src), Some(mention_actor(t))));
        }
    }
    out
}

/// The subject of words before `i`: the nearest actor mention that is not a preposition's
/// object and not a possessive pronoun, with the actors coordinated with it.
fn subjects(s: &Sentence, mentions: &[ActorMention], i: usize) -> Vec<ActorMention> {
    let mut k = i;
    let mut relative = false;
    while k > 0 && k + 20 > i {
        k -= 1;
        let w = &*s.words[k];
        if CLAUSE_END.contains(&w) {
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
        k = start;
        if relative {
            return vec![m];
        }
        let text = &s.doc.text()[m.span].to_lowercase();
        if matches!(text.as_str(), "his" | "her" | "its" | "their" | "whose") {
            continue;
        }
        if governed_by_preposition(s, start) {
            continue;
        }
        // Coordinated before it: `Trump and Putin`, `Britain, France and Germany` (a comma
        // joins only after an `and`).
        let mut found = vec![m];
        let mut j = start;
        while j >= 2 && (s.words[j - 1] == "and" || (s.words[j - 1] == "," && found.len() > 1)) {
            let Some(prev) = s.at[j - 2].map(|x| mentions[x]) else { break };
            if governed_by_preposition(s, prev.first - s.first) {
                break;
            }
            found.push(prev);
            j = prev.first - s.first;
        }
        found.reverse();
        return found;
    }
    Vec::new()
}

/// True when the words before position `start` are a preposition (with a determiner between).
fn governed_by_preposition(s: &Sentence, start: usize) -> bool {
    let mut j = start;
    while j > 0 && (DETERMINERS.contains(&&*s.words[j - 1]) || s.words[j - 1].ends_with("'s") || s.words[j - 1] == "former") {
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
        if CLAUSE_END.contains(&w) || CONDITIONS.contains(&w) || matches!(w, "." | "that" | "who" | "which" | "because" | "when") {
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

/// An object mention and the ones coordinated after it (`European allies and Zelensky`).
fn with_coordinated(s: &Sentence, mentions: &[ActorMention], m: ActorMention) -> Vec<ActorMention> {
    let mut found = vec![m];
    let mut j = m.end - s.first;
    while j + 1 < s.words.len() && matches!(&*s.words[j], "and" | ",") {
        let Some(next) = s.at[j + 1].map(|x| mentions[x]) else { break };
        found.push(next);
        j = next.end - s.first;
    }
    found
}

/// Codes of material acts on people (aid, release, coercion, violence), whose object is often
/// people named by a common noun (`arrested four vendors`).
fn material(code: &str) -> bool {
    ["07", "08", "17", "18", "19", "20"].iter().any(|r| code.starts_with(r))
}

/// Nouns for people that are not roles.
const PEOPLE: &[&str] = &["people", "persons", "men", "women", "children", "civilians", "residents", "villagers", "vendors", "traders", "suspects", "patients", "workers", "students", "families", "migrants", "protesters", "demonstrators", "passengers", "travellers", "travelers", "prisoners", "inmates", "victims", "survivors"];

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
    if before.iter().any(|w| MODALS.contains(w)) || after.iter().any(|w| CONDITIONS.contains(w)) {
        return Modality::Hypothetical;
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
    let local = |f: Feature| matches!(f, Feature::City | Feature::Admin1 | Feature::Admin2 | Feature::Facility);
    doc.places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.used_as == PlaceUse::Place && p.precision != crate::places::Precision::Approximate)
        .max_by_key(|(i, p)| (local(p.feature), p.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}
