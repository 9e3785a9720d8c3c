//! Events: who did what to whom, coded in CAMEO (with PLOVER, QuadClass and Goldstein), each
//! with its cue, its modality, and its place and time.
//!
//! 1. **Cues** come from the team's lexicon (`data/lexicon/event_cues.tsv`): verb and noun
//!    forms with a CAMEO code, words that must follow for a more specific reading (`ease` +
//!    `sanctions` → 085), words that give the cue another sense (`claimed` + `lives`), and the
//!    prepositions that introduce the target (`meet with`, `purchase from`). A verb form used
//!    as a noun (`the meeting`, `more funding`, `in jail`, `a UN report`), a participle that
//!    modifies a noun (`cases reported worldwide`), a base form after `is` (`is free`) and a
//!    capitalized word inside a sentence (`Trade Minister`, `AIDS`) are no verb cues; a noun
//!    before a role noun (`riot police`) and the topic of a discussion are no events; what an
//!    appeal asks for (`sought an investigation`) is part of the appeal. Attributed speech
//!    from the quotes layer is a statement (010) with its cue's code where the lexicon has
//!    one (`warned` → 012); speech with an addressee and `to` + a verb is an appeal (020).
//! 2. **Actors** come from clause structure around the cue, without a parser (`clause`): the
//!    subject is the nearest actor mention before the cue that is not a preposition's object
//!    (unless the preposition says whose a person is: `a source from the ministry`), not a
//!    demonym modifying a noun, and not across a reporting verb or `that`; relative clauses
//!    and participle phrases between commas are passed over, a role noun in apposition to a
//!    name is the person, `I` and `we` in a quote are its speaker (in a quotation no quote
//!    holds, the last speaker's; a plain statement of theirs there is the quote's own); an
//!    agent list after `by` and a place's country after a comma (`in Lima, Peru`) are passed
//!    over; with the actors coordinated with it (`Trump and Putin`, `neither the E.U. nor
//!    France`). The target is the first actor after the cue, or after one of its
//!    prepositions (past a demonym before a title: `French President Emmanuel Macron`); a
//!    threat with none is made to the subject of its condition (`warned of consequences if he
//!    refuses`, where a `he` that would be the threatener is the other person named before,
//!    and so for the sentence's other cues). Passives swap them (`was criticized by X`), also
//!    reduced ones (`rations donated by Britain`, `a deal between the E.U. and Libya, mediated
//!    by Qatar`); an agentless passive of a coercive cue is done by the authority the lexicon
//!    names for it, of the place (`he was arrested` → the police). Nouns take their source
//!    from a possessive (`Russia's invasion`, `his visit`; of a coercive noun the possessive
//!    is the patient and the authority of the place acts: `her trial`), `by`/`from`, `between
//!    X and Y` (both ways), the subject of a light verb (`began a hunger strike`), or the
//!    sentence's subject when they name a target, and protests from the people of the place
//!    named, else of the article's main country. An infinitive of purpose takes the subject of
//!    the verb it serves (`would visit Libya to help`), and so does a gerund of means
//!    (`responded by spraying`). An event needs a source the text names.
//! 3. **Discourse** (`discourse`): `it`, `they` and `the agency` stand for the sources of an
//!    earlier event (`he` that the entity layer left unresolved, for the named one of the
//!    sentence before), a verb coordinated with an earlier one (`confirmed ... but denied`)
//!    shares its source, a gerund after a participle and `for` or `of` is done by the
//!    participle's patient (`jailed for insulting the president`); a statement of the
//!    speaker's own act to come is an intent (03x), of their own hostile act on a condition a
//!    threat (13x); aid, coercion and pledges of aid with no target go to the people of their
//!    place, protests with none are against its government, a state of emergency is over a
//!    country, an intent takes its act's target, a criticism with none its speaker's criticism
//!    a few sentences before. Statements have no target. A cue's events that code alike (two
//!    patients of one sector) are one. Acts that are none go before statements are read as
//!    intents: a company's sanctions or aid, and an exchange with no partner (a meeting, or
//!    what is given, yielded, demanded or cut back: 05 but an apology, 06, 08, 10, 16). A
//!    protest by a state or a body is a complaint (114); a ban on another country's people
//!    or goods a sanction between states (163).
//! 4. **Actor codes** (`code`): the entity layer's, else the organization or country and
//!    sector the actor's words or a description beside a person's name give (`David
//!    Nabarro, the United Nations coordinator`, `The president of France, Nicolas Sarkozy`;
//!    a post of two words before its words alone, `Press Secretary`), a company's
//!    description the company named before it (`the company`, `the firm`), else the
//!    article's main country.
//! 5. **Modality** from the words around the cue: negated (`no`, `not`, `neither`),
//!    hypothetical (`could`, `would`, `if`), intended (`will`, `to` + verb: `intends to meet`;
//!    `would` after a reporting verb), historical (the event's own date a month or more before
//!    the article's), reported (inside someone's quoted or reported words), else asserted.
//! 6. **Place and time**: a place or a calendar date in the event's sentence (nearest the
//!    cue), else the article's main place and its date.

mod clause;
mod code;
mod discourse;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::{Document, EntityId, EntityType, SentenceId};
use crate::error::Error;
use crate::places::{Feature, PlaceUse};
use crate::resources::{CameoEvent, EventCue, FxBuild, Resources};
use crate::span::Span;
use crate::stage::Stage;
use crate::times::TimeType;
use clause::*;
use code::*;
use discourse::*;

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
    /// Every first word of a cue's forms and every word of a role noun's forms, lower case
    /// (`ease`, `police`, `aid`): one look-up per word of a text says what it may start.
    lexicon: HashMap<String, Lexeme, FxBuild>,
    cameo: HashMap<&'static str, &'static CameoEvent>,
    /// The sector an organization's head or suffix word implies (`Ministry` → GOV).
    affixes: HashMap<String, &'static str, FxBuild>,
    /// The role nouns of two words (`aid agencies`, `cattle rustlers`), by their words joined
    /// with a space, and whether each names a person.
    roles2: HashMap<String, bool, FxBuild>,
    /// Forms of the roles of armed groups and criminals (`gunman`, `suicide bomber`), which are
    /// someone even when indefinite: `a gunman killed five people` names its attacker.
    armed: HashSet<String, FxBuild>,
    /// Every form of a reporting verb or an event cue's first word, lower case: words that end
    /// a description of a person (`told Densbar's head judge Linton Sirait`).
    verbs: HashSet<String, FxBuild>,
}

/// What a word may start: cues and roles.
#[derive(Clone, Debug, Default)]
struct Lexeme {
    /// The cue forms it is the first word of: (cue row, the form's words).
    cues: Vec<(usize, Vec<String>)>,
    /// What it is in the role nouns' forms.
    role: RoleWord,
}

/// What a word is in the role nouns' forms.
#[derive(Clone, Copy, Debug, Default)]
struct RoleWord {
    /// A role of one word, and whether it names a person (`lawyer`) rather than a group or an
    /// institution (`police`).
    person: Option<bool>,
    /// The first word of a role of two (`aid` of `aid agencies`).
    pair: bool,
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
        let mut lexicon: HashMap<String, Lexeme, FxBuild> = HashMap::default();
        for (i, cue) in resources.tables.event_cues.iter().enumerate() {
            for form in &cue.forms {
                let words: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
                lexicon.entry(words[0].clone()).or_default().cues.push((i, words));
            }
        }
        let cameo = resources.tables.cameo_events.iter().map(|c| (c.code.as_str(), c)).collect();
        let affixes = resources.tables.org_affixes.iter().filter_map(|a| Some((a.word.to_lowercase(), affix_sector(&a.kind)?))).collect();
        let forms_of = || resources.tables.roles.iter().flat_map(|r| r.forms.iter().map(move |f| (f.to_lowercase(), r.kind == "person")));
        let mut roles2: HashMap<String, bool, FxBuild> = HashMap::default();
        for (form, person) in forms_of() {
            let mut words = form.split(' ');
            match (words.next(), words.next(), words.next()) {
                (Some(w), None, _) => lexicon.entry(w.to_string()).or_default().role.person = Some(person),
                (Some(w), Some(_), None) => {
                    lexicon.entry(w.to_string()).or_default().role.pair = true;
                    roles2.insert(form, person);
                }
                _ => {}
            }
        }
        // The first words of verb cues' forms (`call` of `call for`), not of nouns (`emergency`
        // of `emergency relief`), which do not end a subject's phrase.
        let verb_cues = resources.tables.event_cues.iter().filter(|c| !c.noun).flat_map(|c| &c.forms).map(|f| f.split(' ').next().unwrap_or(f).to_lowercase());
        let verbs = resources.tables.reporting_verbs.iter().flat_map(|v| &v.forms).filter(|f| !f.contains(' ')).map(|f| f.to_lowercase()).chain(verb_cues).collect();
        let armed = resources.tables.roles.iter().filter(|r| matches!(r.sector.as_str(), "UAF" | "CRM" | "INS" | "REB")).flat_map(|r| r.forms.iter().map(|f| f.to_lowercase())).collect();
        Ok(Events { resources, lexicon, cameo, affixes, roles2, armed, verbs })
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
/// Adverbs of degree, which modify adjectives, not verbs.
const DEGREE: &[&str] = &["very", "so", "too", "really", "extremely", "quite", "deeply", "highly", "increasingly", "most", "more", "less", "rather", "fairly"];
const CONDITIONS: &[&str] = &["if", "unless"];
const FUTURE: &[&str] = &["will", "'ll", "’ll", "shall", "to"];
/// Codes whose actors act together: coordinated subjects are each other's targets.
fn symmetric(code: &str) -> bool {
    code.starts_with("04") || code == "057" || code.starts_with("06") || code.starts_with("087") || code == "190"
}

/// True for a plain statement, comment or declaration (010-013), which has no target.
fn statement(code: &str) -> bool {
    matches!(code, "010" | "011" | "012" | "013")
}

/// One token's view for the search.
struct Sentence<'a> {
    layers: &'a Layers,
    /// The sentence's words in lower case (borrowed where they are already), but an acronym
    /// naming an actor keeps its capitals, so that `WHO` or `US` is never read as the word
    /// `who` or `us`.
    words: &'a [&'a str],
    /// What each word may start (see [`Events::lexicon`]).
    lexemes: &'a [Option<&'a Lexeme>],
    /// Global index of the first token.
    first: usize,
    /// The sentence's span.
    span: Span,
    doc: &'a Document,
    /// For each token of the sentence, the actor mention it starts or lies in: (mention
    /// index in `mentions`).
    at: &'a [Option<usize>],
    /// Forms of reporting verbs and event cues.
    verbs: &'a HashSet<String, FxBuild>,
    /// The document's actor mentions.
    mentions: &'a [ActorMention],
}

impl<'a> Sentence<'a> {
    /// Sentence `si` of `doc`, with `words` and `at` the lower-case word and the actor mention
    /// of each of the document's tokens.
    fn new(
        doc: &'a Document,
        layers: &'a Layers,
        mentions: &'a [ActorMention],
        (words, lexemes): (&'a [&'a str], &'a [Option<&'a Lexeme>]),
        at: &'a [Option<usize>],
        verbs: &'a HashSet<String, FxBuild>,
        si: usize,
    ) -> Sentence<'a> {
        let sentence = &doc.sentences[si];
        let (first, end) = (sentence.first_token.index(), sentence.end_token.index());
        Sentence {
            verbs,
            mentions,
            span: sentence.span,
            layers,
            words: &words[first..end],
            lexemes: &lexemes[first..end],
            first,
            doc,
            at: &at[first..end],
        }
    }
}

impl Sentence<'_> {
    /// True when word `k` is a form of a reporting verb or of an event cue, and no name.
    fn verb(&self, k: usize) -> bool {
        self.at[k].is_none() && self.verbs.contains(self.words[k])
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

    /// The speaker of the innermost quote around `cue` that has one, as an actor; for words in
    /// quotation marks that no quote holds (a quoted paragraph after an attributed one), the
    /// speaker of the last quote a few lines before, when a quotation mark opens between.
    fn speaker(&self, doc: &Document, cue: Span) -> Option<Actor> {
        let i = self.quotes.partition_point(|(s, _, _)| s.start <= cue.start);
        let around = self.quotes[i.saturating_sub(32)..i].iter().rev().filter(|(s, _, _)| s.contains(cue));
        if let Some(q) = around.clone().find_map(|&(_, _, q)| doc.quotes[q].speaker.as_ref()) {
            return Some(speaker_actor(doc, q));
        }
        if around.count() > 0 {
            return None;
        }
        let (last, _, q) = self.quotes[i.saturating_sub(32)..i].iter().filter(|(s, _, _)| s.end <= cue.start).max_by_key(|(s, _, _)| s.end)?;
        let between = &doc.text()[last.end as usize..cue.start as usize];
        let opened = between.len() < QUOTE_REACH && between.contains(['"', '“']);
        let speaker = doc.quotes[*q].speaker.as_ref().filter(|_| opened)?;
        Some(speaker_actor(doc, speaker))
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

/// How far (in bytes) after a quote the words of an unattributed quotation may still be its
/// speaker's.
const QUOTE_REACH: usize = 400;

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
    /// True when word `i` is a cue's word used in the sense the cue's `unless` words give it
    /// (`complained of symptoms`, `claimed 488 lives`): no event, spoken or not.
    fn other_sense(&self, s: &Sentence, i: usize) -> bool {
        let Some(lexeme) = s.lexemes[i] else { return false };
        lexeme.cues.iter().any(|(row, words)| opens_at(s, i, words) && another_sense(&self.resources.tables.event_cues[*row], &s.words[i + words.len()..]))
    }

    /// The cue at word `i`: its lexicon row, where its words end, and where its object ends
    /// (what the next cue may not reuse: `eased some sanctions` is one event).
    fn cue_at(&self, s: &Sentence, i: usize) -> Option<(usize, usize, usize)> {
        let rows = &s.lexemes[i].filter(|l| !l.cues.is_empty())?.cues;
        let table = &self.resources.tables.event_cues;
        // A capitalized word inside a sentence belongs to a name or a title (`Trade Minister`,
        // `AIDS`), not to a cue.
        let written = &s.doc.text()[s.doc.tokens[s.first + i].span];
        let opening = i == 0 || matches!(s.words[i - 1], "\"" | "“" | ":" | "(" | "'" | "‘");
        if written.starts_with(char::is_uppercase) && !opening {
            return None;
        }
        let noun_use = nominal(s, i);
        let mut best: Option<(usize, usize, usize)> = None;
        for (row, words) in rows {
            if !opens_at(s, i, words) {
                continue;
            }
            let cue = &table[*row];
            let end = i + words.len();
            // Another sense of the word (`claimed 488 lives`, `fight the virus`).
            if another_sense(cue, &s.words[end..]) {
                continue;
            }
            let object_end = match cue.object.is_empty() {
                true => end,
                false => match object_follows(cue, &s.words[end..]).or_else(|| person_object(s, cue, end)) {
                    Some(k) => end + k,
                    None => continue,
                },
            };
            // A verb form used as a noun (`a meeting`, `the Alaska meeting`) is not a verb event;
            // a noun form after `to` is a verb (`to visit`).
            let after_to = i > 0 && s.words[i - 1] == "to";
            // A verb's base form after `is` is an adjective (`she is free of infections`).
            if !cue.noun && i > 0 && BE.contains(&s.words[i - 1]) && cue.forms.first().is_some_and(|f| *f == *s.words[i]) {
                continue;
            }
            // So is a participle after an adverb of degree (`she has been very stressed`).
            if !cue.noun && i > 0 && s.words[i].ends_with("ed") && DEGREE.contains(&s.words[i - 1]) {
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
                let prev = s.words[i - 1];
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
        return s.words.get(end).is_none_or(|w| *w != "by");
    }
    // A naming verb after a noun, a role among them, and before a quotation mark names it (`an
    // online group called 'Anonymous'`).
    let naming = matches!(s.words[i], "called" | "named" | "dubbed") && (plain(s, i - 1) || s.at[i - 1].is_some_and(|m| s.mentions[m].entity.is_none()));
    if naming && s.words.get(end).is_some_and(|w| matches!(&**w, "'" | "\"" | "‘" | "“")) {
        return true;
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
            let w = s.words[k];
            if !(DETERMINERS.contains(&w) || QUANTIFIERS.contains(&w) || plain(s, k) || matches!(w, "for" | "and")) {
                return None;
            }
        }
        None
    }
}

/// Where the first of the cue's object words ends, when one comes within the next six words
/// before a clause ends (an offset into `after`).
fn object_follows(cue: &EventCue, after: &[&str]) -> Option<usize> {
    follows(&cue.object, after, 6)
}

/// Whether a cue whose objects include `@person` is done to people (`released three
/// activists`, `released Aung San Suu Kyi`): an actor mention that names people, right after
/// the cue or after determiners, numbers and adjectives. `Some(0)`: the object is the target,
/// looked for right after the cue.
fn person_object(s: &Sentence, cue: &EventCue, end: usize) -> Option<usize> {
    if !cue.object.iter().any(|o| o == "@person") {
        return None;
    }
    let k = (end..(end + 4).min(s.words.len())).find(|&k| s.at[k].is_some() || !(DETERMINERS.contains(&s.words[k]) || plain(s, k) || s.words[k].starts_with(|c: char| c.is_ascii_digit())))?;
    let m = &s.mentions[s.at[k]?];
    let people = match m.entity {
        Some(e) => s.doc.entities[e.index()].kind == EntityType::Person,
        // (A mention may run past the sentence's end.)
        None => s.lexemes.get(m.end - 1 - s.first).copied().flatten().is_some_and(|l| l.role.person == Some(true)),
    };
    people.then_some(0)
}

/// True when the sentence's words from `i` on open with `words` (a cue's form).
fn opens_at(s: &Sentence, i: usize, words: &[String]) -> bool {
    s.words.get(i..i + words.len()).is_some_and(|w| *w == words[..])
}

/// True when one of the cue's `unless` words follows it closely, in its own phrase (not past
/// a comma: `he adds, noting flights to Europe` speaks).
fn another_sense(cue: &EventCue, after: &[&str]) -> bool {
    const WINDOW: usize = 4;
    // (A phrase of several words may run past the window it starts in.)
    let near = &after[..after.len().min(WINDOW + 4)];
    let phrase = near.iter().position(|w| *w == ",").map_or(near, |k| &near[..k]);
    !cue.unless.is_empty() && follows(&cue.unless, phrase, WINDOW).is_some()
}

/// Where the first of `words` (each of one or more words) ends, when one comes within the
/// first `window` words of `after` before a clause ends; a word written `^word` only right
/// after the cue.
fn follows(words: &[String], after: &[&str], window: usize) -> Option<usize> {
    for (k, w) in after.iter().take(window).enumerate() {
        if CLAUSE_END.contains(&&**w) || *w == "." {
            return None;
        }
        for o in words {
            let o = match o.strip_prefix('^') {
                Some(_) if k > 0 => continue,
                Some(rest) => rest,
                None => o.as_str(),
            };
            if let Some(n) = opens_with(&after[k..], o) {
                return Some(k + n);
            }
        }
    }
    None
}

/// The number of words of `phrase` (words joined by single spaces) when `words` opens with
/// them.
fn opens_with(words: &[&str], phrase: &str) -> Option<usize> {
    // (Most words start none of the phrases looked for: the first word is compared first.)
    let rest = phrase.strip_prefix(*words.first()?)?;
    if rest.is_empty() {
        return Some(1);
    }
    let mut n = 1;
    for part in rest.strip_prefix(' ')?.split(' ') {
        if words.get(n) != Some(&part) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Words that quantify a noun as determiners do (`more funding`, `further talks`).
const QUANTIFIERS: &[&str] = &["more", "further", "additional", "extra", "less", "fewer", "much", "new"];

/// True for a plain lower-case word that is no actor, auxiliary, adverb, pronoun, preposition
/// or conjunction: most likely a noun or an adjective (`cases`, `last`, `medical`).
fn plain(s: &Sentence, k: usize) -> bool {
    let w = s.words[k];
    s.at[k].is_none()
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with("ly")
        && !AUXILIARIES.contains(&w)
        && !BE.contains(&w)
        && !PREPOSITIONS.contains(&w)
        && !DETERMINERS.contains(&w)
        && !CLAUSE_END.contains(&w)
        && !matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "also" | "then" | "as")
        && !ADVERBS.contains(&w)
}

/// Adverbs of time and manner that stand between a subject and its verb (`officials today
/// announced`): no noun's modifiers.
const ADVERBS: &[&str] = &["today", "yesterday", "tonight", "now", "again", "still", "already", "later", "earlier", "meanwhile", "however", "too", "once", "soon", "often", "never", "ever"];

/// True when the word at `i` is used as a noun: right after a determiner, a quantifier or a
/// possessive (`more funding`, `the managers' report`), after a determiner or a possessive and an adjective (`their medical
/// supplies`, `Apple's newest phone`; not a
/// plural noun, which may be the subject: `the sides meet`), after a preposition (`in jail`,
/// `on appeal`; not a gerund), or an `-ing` form with a determiner a few words before and
/// nothing verbal between (`the Alaska meeting`).
fn nominal(s: &Sentence, i: usize) -> bool {
    let word = s.words[i];
    // (`'s` after a pronoun is `is` or `has`: `he's saying`.)
    let possessive = |k: usize| match s.words[k] {
        "'" | "’" => true,
        "'s" | "’s" => k > 0 && !matches!(s.words[k - 1], "he" | "she" | "it" | "that" | "there" | "what" | "who" | "where" | "here" | "let"),
        _ => false,
    };
    if i > 0 && (DETERMINERS.contains(&s.words[i - 1]) || QUANTIFIERS.contains(&s.words[i - 1]) || possessive(i - 1)) {
        return true;
    }
    let preposition = |k: usize| PREPOSITIONS.contains(&&*s.words[k]) && s.words[k] != "to" && s.at[k].is_none();
    if i > 1 && (DETERMINERS.contains(&s.words[i - 2]) || possessive(i - 2) || preposition(i - 2)) && plain(s, i - 1) && !s.words[i - 1].ends_with('s') && !word.ends_with("ed") {
        return true;
    }
    if i > 0 && s.at[i - 1].is_none() && PREPOSITIONS.contains(&s.words[i - 1]) && s.words[i - 1] != "to" && !word.ends_with("ing") {
        return true;
    }
    // A verb's `-s` form between a noun or a verb and `by` or `of` is a plural noun (`to
    // address reports by consumers`, `dismissed claims of abuse`).
    if i > 0 && word.ends_with('s') && !word.ends_with("ss") && plain(s, i - 1) && s.words.get(i + 1).is_some_and(|w| matches!(*w, "by" | "of")) {
        return true;
    }
    // A plural right after a participle is its object (`are injecting funds`, `raised funds`).
    let participle = |w: &str| w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
    if i > 0 && s.at[i - 1].is_none() && participle(s.words[i - 1]) && word.ends_with('s') && !word.ends_with("ss") {
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
        if k > 0 && matches!(s.words[k - 1], "a" | "an") {
            return true;
        }
    }
    if !s.words[i].ends_with("ing") {
        return false;
    }
    for k in (i.saturating_sub(3)..i).rev() {
        let w = s.words[k];
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

/// Every token of `doc` in lower case, as slices of `buffer`: the text lower-cased as ASCII
/// in one pass (which keeps every token's offsets), then, for a token with other letters, its
/// full lower case after it.
fn lower_case<'a>(doc: &'a Document, buffer: &'a mut String) -> Vec<&'a str> {
    let text = doc.text();
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    if text.is_ascii() {
        let buffer: &'a str = buffer;
        return doc.tokens.iter().map(|t| &buffer[t.span]).collect();
    }
    let ranges: Vec<Span> = doc
        .tokens
        .iter()
        .map(|t| {
            let word = &text[t.span];
            if word.is_ascii() {
                return t.span;
            }
            let start = buffer.len() as u32;
            buffer.push_str(&word.to_lowercase());
            Span { start, end: buffer.len() as u32 }
        })
        .collect();
    let buffer: &'a str = buffer;
    ranges.into_iter().map(|span| &buffer[span]).collect()
}

/// True when the noun at word `i` is any of its kind (`any rally held after sunset`, `every
/// protest`): no event that takes place.
fn generic(s: &Sentence, i: usize) -> bool {
    let k = (i.saturating_sub(3)..i).rev().find(|&k| !plain(s, k));
    k.is_some_and(|k| matches!(&*s.words[k], "any" | "every"))
}

/// True when the speech cue at word `i` is an aside that recalls what was said before (`as I
/// said last week`, `as we noted`): no statement of its own.
fn recalled(s: &Sentence, i: usize) -> bool {
    i >= 2 && s.words[i - 2] == "as" && s.at[i - 1].is_none() && matches!(s.words[i - 1], "i" | "we" | "he" | "she" | "they")
}

/// Gives an event whose object is `them` or `him` (`expelled two British diplomats,
/// accusing them of espionage`) the target of the event before it in its sentence, when that
/// one has a target of its own.
fn pronoun_objects(doc: &Document, events: &mut [Event]) {
    for k in 1..events.len() {
        let (before, rest) = events.split_at_mut(k);
        let e = &mut rest[0];
        let object = doc.text()[e.cue.end as usize..].split_whitespace().next().map(|w| w.trim_end_matches([',', '.', ';']));
        if e.target.is_some() || !object.is_some_and(|w| matches!(w, "them" | "him")) {
            continue;
        }
        let previous = before.iter().rev().take_while(|p| p.sentence == e.sentence).find(|p| p.cue.end <= e.cue.start && p.target.is_some());
        e.target = previous.and_then(|p| p.target.clone());
    }
}

/// The code an event's actors make of its cue's: force used by civilians or an opposition is a
/// riot, not a military act (145: `protesters clashed with police`, `stormed the
/// parliament`); a protest by a state or a body an official complaint, not a demonstration
/// (114: `Boeing challenged the award in a formal protest`, `China protested the visit`); a
/// ban on another country's people or goods a sanction between states, not an administrative
/// one (163: `bans on cooked or raw food from Haiti`, `the EU made the decision to ban the
/// Indonesian air traffic`).
fn revised_code(doc: &Document, e: &Event) -> Option<&'static str> {
    let source = e.source.code.as_deref().unwrap_or("");
    let code = e.cameo.code.as_str();
    if code.starts_with("19") && (source.ends_with("CVL") || source.ends_with("OPP")) {
        return Some("145");
    }
    if code.starts_with("141") {
        let official = is_country(source) || source.starts_with("IGO") || source.starts_with("MNC") || ["GOV", "MIL", "BUS", "LEG", "JUD", "COP"].iter().any(|s| source.ends_with(s));
        return official.then_some("114");
    }
    if code == "172" {
        let cue = crate::chars::lowercase(&doc.text()[e.cue]);
        let ban = cue.starts_with("ban") || cue.ends_with(" ban") || cue.ends_with(" bans");
        let target = e.target.as_ref().and_then(|t| t.code.as_deref()).and_then(code_country);
        let foreign = target.is_some_and(|t| source.starts_with("IGO") || code_country(source).is_some_and(|s| s != t));
        return (ban && foreign).then_some("163");
    }
    None
}

/// A target that its source owns (`Singapore has urged its residents`): people named by a
/// role noun after `its` or `their` right after the cue are the source's country's, whatever
/// country the article is about.
fn owned_targets(doc: &Document, events: &mut [Event]) {
    for e in events.iter_mut() {
        let Some(source) = e.source.code.as_deref().and_then(code_country).map(str::to_string) else { continue };
        let Some(t) = e.target.as_mut().filter(|t| t.entity.is_none()) else { continue };
        // (Right after the cue: in `accused Iran of arming its proxies`, `its` is Iran's.)
        let between = doc.text().get(e.cue.end as usize..t.span.start as usize).unwrap_or("").trim();
        let owner = between.eq_ignore_ascii_case("its") || between.eq_ignore_ascii_case("their");
        let Some(code) = t.code.as_deref().filter(|c| owner && c.len() > 3 && code_country(c).is_some()) else { continue };
        t.code = Some(format!("{source}{}", &code[3..]));
    }
}

/// Words that condemn what they describe.
const CONDEMNATION: &[&str] = &[
    "unacceptable", "reprehensible", "shocking", "outrageous", "disgraceful", "shameful", "irresponsible", "deplorable", "appalling", "scandalous",
    "heinous", "inexcusable", "unjustified", "unjust",
];

/// True when one of `words` (in lower case) is a word of condemnation (see [`CONDEMNATION`]).
fn condemns(words: &[&str]) -> bool {
    words.iter().any(|w| CONDEMNATION.contains(w))
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
        let mut buffer = String::new();
        let mut words = lower_case(doc, &mut buffer);
        let mut pair = String::new();
        // The last word looked at, when it is the first of a role of two words.
        let mut pair_start: Option<usize> = None;
        let role_count = mentions.len();
        let mut lexemes: Vec<Option<&Lexeme>> = vec![None; doc.tokens.len()];
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.kind != crate::document::TokenKind::Word {
                continue;
            }
            lexemes[k] = self.lexicon.get(words[k]);
            if covered[k] {
                continue;
            }
            let role = lexemes[k].map(|l| l.role).unwrap_or_default();
            // A role of two words (`aid agencies`, `cattle rustlers`) is one mention, which
            // takes the place of its first word's (`police officers`).
            let two = pair_start.filter(|&p| p + 1 == k).and_then(|p| {
                pair.clear();
                pair.push_str(words[p]);
                pair.push(' ');
                pair.push_str(words[k]);
                self.roles2.get(&pair).map(|&person| (p, person))
            });
            pair_start = role.pair.then_some(k);
            let Some((first, person)) = two.or_else(|| role.person.map(|person| (k, person))) else { continue };
            // Not a title before a name (`President Joe Biden`), an indefinite (`a party to`,
            // `a doctor`: no one in particular), nor, unless it names a person (`his lawyer`),
            // someone's (`whose forces`: the owner is the actor).
            let prev = first.checked_sub(1).map(|p| &*words[p]);
            let title = covered.get(k + 1).copied().unwrap_or(false);
            // (An indefinite that a name places or owns is someone: `a court in Moscow`, `a
            // spokesman for the ministry`.)
            let owned = || {
                let (w, at) = (|j: usize| words.get(j).copied().unwrap_or(""), |j: usize| covered.get(j).copied().unwrap_or(false));
                matches!(w(k + 1), "in" | "of" | "for" | "from" | "at") && (at(k + 2) || w(k + 2) == "the" && at(k + 3))
            };
            // (Nor an armed group's or a criminal's role: an attacker the text does not name is
            // still the attacker, `a suicide bomber killed 15 people`.)
            let armed = || self.armed.contains(if first < k { pair.as_str() } else { words[k] });
            // (`an Australian witness` and `a Kosovo police officer` are as indefinite as `a
            // witness`: a name between the article and the role describes it.)
            let indefinite = |p: &str| matches!(p, "a" | "an");
            let name_between = first >= 2 && covered[first - 1] && indefinite(words[first - 2]);
            let excluded = (prev.is_some_and(indefinite) || name_between) && !owned() && !armed() || prev.is_some_and(|p| !person && matches!(p, "his" | "her" | "its" | "their" | "whose" | "our" | "my"));
            if first < k && mentions.len() > role_count && mentions.last().is_some_and(|m| m.first == first) {
                mentions.pop();
            }
            if !title && !excluded {
                let span = Span { start: doc.tokens[first].span.start, end: t.span.end };
                mentions.push(ActorMention { span, first, end: k + 1, entity: None });
            }
        }
        mentions.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end)));
        let mut by_token: Vec<Option<usize>> = vec![None; doc.tokens.len()];
        for (k, m) in mentions.iter().enumerate() {
            for t in &mut by_token[m.first..m.end] {
                t.get_or_insert(k);
            }
            // An acronym naming an actor keeps its capitals (see `Sentence::words`), and starts
            // no cue or role (the lexicon's words are in lower case).
            for j in m.first..m.end {
                let written = &text[doc.tokens[j].span];
                if written != words[j] && written.len() > 1 && written.chars().all(|c| c.is_uppercase() || c == '.') {
                    words[j] = written;
                    lexemes[j] = None;
                }
            }
        }
        let (words, lexemes) = (words, lexemes);
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
        let mut pending: HashMap<u32, Antecedent, FxBuild> = HashMap::default();
        // The codes of statement cues left to the quotes layer (`warned` → 012), by start.
        let mut spoken: HashMap<u32, &str, FxBuild> = HashMap::default();
        for si in 0..doc.sentences.len() {
            let s = Sentence::new(doc, &layers, &mentions, (&words, &lexemes), &by_token, &self.verbs, si);
            let first = s.first;
            // Where the sentence's last appeal or demand ended (see below).
            let mut appealed: Option<usize> = None;
            let mut i = 0;
            while i < s.words.len() {
                if s.at[i].is_some() || in_name[first + i] {
                    i += 1;
                    continue;
                }
                // `According to the CDC, ...`: a statement by the actor named after it, unless
                // the quotes layer attributed it.
                if s.words[i] == "according" && s.words.get(i + 1).is_some_and(|w| *w == "to") {
                    let cue_span = Span { start: doc.tokens[first + i].span.start, end: doc.tokens[first + i + 1].span.end };
                    if !layers.quote_cue_at(cue_span) {
                        if let Some(source) = according_to(&s, &mentions, i + 2) {
                            out.extend(self.event(doc, &s, si, "010", cue_span, i, i + 2, source, None, main_place, reference));
                        }
                    }
                    i += 2;
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
                if cue.noun && s.at.get(cue_end).copied().flatten().is_some_and(|m| mentions[m].entity.is_none()) || topic(&s, i) || cue.noun && generic(&s, i) {
                    i = cue_end;
                    continue;
                }
                // A verb's `-s` form right before a statement's verb is a noun, the subject of
                // that verb (`Media reports said`, `official estimates suggest`).
                let subject_noun = || !cue.noun && cue_end == i + 1 && s.words[i].ends_with('s') && self.cue_at(&s, cue_end).is_some_and(|(r, _, _)| self.resources.tables.event_cues[r].code.starts_with("01"));
                if subject_noun() {
                    i = cue_end;
                    continue;
                }
                // A speech cue with an addressee and `to` + a verb is an appeal (`warned the WHO
                // to be cautious`).
                // Nor is a statement's participle set off after its subject (`Australian
                // politicians, noting the public support ..., are promising`): an aside on the
                // subject, whose act is the verb after it.
                let aside = || !cue.noun && s.words[i].ends_with("ing") && i >= 2 && s.words[i - 1] == "," && s.at[i - 2].is_some() && (i + 1..s.words.len()).take(25).any(|k| s.words[k] == ",");
                if cue.code.starts_with("01") && (recalled(&s, i) || aside()) {
                    i = cue_end;
                    continue;
                }
                // `help` before the verb of the act it helps (`to help treat patients`) is that
                // act, coded at its own cue.
                if !cue.noun && cue.object.is_empty() && s.words[i].starts_with("help") && cue_end < s.words.len() && self.cue_at(&s, cue_end).is_some_and(|(r, _, _)| !self.resources.tables.event_cues[r].noun) {
                    i = cue_end;
                    continue;
                }
                let code = if cue.code.starts_with("01") && appeal(&s, object_end) { "020" } else { cue.code.as_str() };
                // What an appeal asks someone to do is none of its own (`asked Algeria to release
                // him`, `urged both sides to agree to a truce`): it has not been done.
                let asked = appealed.is_some_and(|a| {
                    let between = &s.words[a.min(i)..i];
                    i <= a + 8 && between.contains(&"to") && !between.iter().any(|w| CLAUSE_END.contains(w) || matches!(*w, "." | ","))
                });
                if asked {
                    i = cue_end;
                    continue;
                }
                if !cue.noun && (code.starts_with("02") || code.starts_with("10")) {
                    appealed = Some(object_end.max(cue_end));
                }
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
        let mut stated: HashSet<(u32, u32), FxBuild> = HashSet::default();
        // The cues of statements by an indefinite speaker (see below), by start.
        let mut indefinite: HashSet<u32, FxBuild> = HashSet::default();
        for q in &doc.quotes {
            let (Some(speaker), Some(cue)) = (&q.speaker, q.cue) else { continue };
            if speaker.entity.is_some_and(|e| !can_act(doc.entities[e.index()].kind)) || coded_at(cue) || !stated.insert((cue.start, cue.end)) {
                continue;
            }
            let si = doc.sentences.partition_point(|s| s.span.end < cue.end);
            if doc.sentences.get(si).is_none_or(|s| !s.span.contains(cue)) {
                continue;
            }
            let s = Sentence::new(doc, &layers, &mentions, (&words, &lexemes), &by_token, &self.verbs, si);
            let (first, end) = (s.first, s.first + s.words.len());
            let i = doc.tokens[first..end].partition_point(|t| t.span.start < cue.start);
            let cue_end = doc.tokens[first..end].partition_point(|t| t.span.start < cue.end).max(i + 1);
            // A cue that modifies a noun (`a group called 'Anonymous'`) is no statement, nor is
            // an aside that recalls one (`as I said last week`), nor a cue's word in another
            // sense (`complained of symptoms`).
            if participle(&s, i, cue_end) || recalled(&s, i) || self.other_sense(&s, i) {
                continue;
            }
            // A speaker named by a description in apposition to a person's name (`Thomas
            // Washburne, Republican, told`) is that person.
            let at = doc.tokens[first..end].partition_point(|t| t.span.start < speaker.span.start);
            let apposed = speaker.entity.is_none().then(|| clause::apposed(&s, &mentions, at)).flatten();
            // A place or a body that says where or whose a role noun's people are (`officials in
            // Kenya said`, `the president of Kenya said`) names that group, not the speaker.
            // So does a group a possessive owns (`President Barack Obama's administration`).
            let apposed = apposed.or_else(|| {
                let end = doc.tokens[first..end].partition_point(|t| t.span.start < speaker.span.end);
                clause::owned_group(&s, &mentions, at, end).or_else(|| clause::possessed_head(&s, &mentions, at, end))
            });
            let source = match apposed {
                Some(m) => clause::mention_actor(&s, &mentions, &m),
                None => speaker_actor(doc, speaker),
            };
            let said_by = doc.text()[speaker.span].to_lowercase();
            // An indefinite private person nothing places is no one in particular (`An
            // Australian witness ... has testified`), as an indefinite role is no actor (see
            // above); `a police spokesman` speaks for the police, and `a resident of Goma` is
            // placed. (Which it is, the speaker's code says, below.)
            let placed = [" of ", " for ", " in ", " at ", " from ", " with "].iter().any(|p| said_by.contains(p));
            if speaker.entity.is_none() && apposed.is_none() && (said_by.starts_with("a ") || said_by.starts_with("an ")) && !placed {
                indefinite.insert(cue.start);
            }
            // The lexicon's code for the cue (`warned` → 012, `alleged` → 112), else a statement.
            let lexicon = || self.cue_at(&s, i).map(|(row, _, _)| self.resources.tables.event_cues[row].code.as_str());
            let code = spoken.get(&cue.start).copied().or_else(lexicon).unwrap_or("010");
            // Words of condemnation in what is said make it a criticism (`described the attack
            // as "utterly reprehensible"`).
            let quoted = || {
                let first = doc.tokens.partition_point(|t| t.span.start < q.span.start);
                let end = doc.tokens.partition_point(|t| t.span.start < q.span.end);
                &words[first..end.max(first)]
            };
            let code = if code == "010" && condemns(quoted()) { "111" } else { code };
            // What is alleged is said of the subject of the clause that says it (`alleged that
            // border guards had taken bribes`): the accused.
            let accused = match code.starts_with("11") && !code.starts_with("112") && q.span.start >= cue.end {
                // (What is said follows the cue: it may name whom it criticizes.)
                true => clause::criticized(&s, &mentions, cue_end),
                false => clause::accused(&s, &mentions, code, cue_end),
            };
            let accused = accused.first().map(|m| clause::mention_actor(&s, &mentions, m));
            if let Some(e) = self.event(doc, &s, si, code, cue, i, cue_end, source, accused, main_place, reference) {
                out.push(e);
            }
            if IT.contains(&said_by.as_str()) || said_by == "they" {
                let kind = match said_by.as_str() {
                    "they" => Antecedent::They,
                    "it" => Antecedent::It,
                    _ => Antecedent::Body,
                };
                pending.insert(cue.start, kind);
            }
        }
        // (What follows codes and completes the events found: with none, there is nothing to do.)
        if out.is_empty() {
            return out;
        }
        let orgs = self.org_mentions(doc);
        let mut described: HashMap<EntityId, Description, FxBuild> = HashMap::default();
        let mut context = Context { doc, orgs: &orgs, countries: &countries(doc), main_country: layers.main_country.as_deref(), in_name: &in_name, described: &mut described };
        for e in &mut out {
            self.code(&mut context, &mut e.source);
            if let Some(t) = &mut e.target {
                // A group an international body acts on is of no country the text does not
                // name (`the WHO told antiviral manufacturers` → BUS).
                let main = context.main_country;
                if t.entity.is_none() && e.source.code.as_deref().is_some_and(|c| c.starts_with("IGO")) {
                    context.main_country = None;
                }
                self.code(&mut context, t);
                context.main_country = main;
            }
        }
        for e in &mut out {
            if let Some(code) = revised_code(doc, e) {
                e.cameo = self.cameo.get(code).copied().unwrap_or(e.cameo);
            }
        }
        out.sort_by_key(|e| (e.cue.start, e.source.span.start));
        let mut out = resolve(doc, out, &pending);
        pronoun_objects(doc, &mut out);
        owned_targets(doc, &mut out);
        self.threats(&mut context, &layers, &mentions, (&words, &lexemes, &by_token), &mut out);
        for e in &mut out {
            implied_target(doc, e, layers.main_country.as_deref(), false);
        }
        // Acts that are none (before statements are read as intents to do them: `GM announced
        // plans to shut down 1,100 dealerships` says what it will do, but that is no event).
        // Administrative and legal sanctions are a state's: a company that closes its shops or
        // bans smoking in its offices coerces no one (`GM plans to close 1,100 dealerships`).
        let business = |a: &Actor| a.code.as_deref().is_some_and(|c| c.ends_with("BUS") || c.starts_with("MNC"));
        // Nor does what a company supplies or lends aid anyone: it is trade (`the firm supplied
        // vaccines to hospitals`).
        out.retain(|e| !(["172", "173", "174", "07"].iter().any(|c| e.cameo.code.starts_with(c)) && business(&e.source)));
        // A meeting, a talk or a negotiation takes two: with no one named to meet, it is none
        // (`The Federal Reserve met this week`). So does what is given, yielded, demanded or
        // cut back in an exchange between parties (05, 06, 08, 10, 16): a sale with no buyer
        // is trade in goods (`the Taurus survived, selling over 7,500,000 units`), praise with
        // no one praised is of a thing (`praised the device's antenna`). Not an apology, made
        // to whoever was wronged.
        let exchange = |c: &str| matches!(c, "040" | "046") || (c != "055" && ["05", "06", "08", "10", "16"].iter().any(|r| c.starts_with(r)));
        out.retain(|e| !(exchange(&e.cameo.code) && e.target.is_none()));
        self.intents(doc, &mut out);
        // `She urged countries to be careful ..., saying that ...`: `saying` gives the content
        // of the act before it by the same speaker, not a statement of its own.
        let same_act = |k: usize| {
            let e = &out[k];
            doc.text()[e.cue].eq_ignore_ascii_case("saying") && out[..k].iter().rev().take_while(|p| p.sentence == e.sentence).any(|p| p.source == e.source)
        };
        let keep: Vec<bool> = (0..out.len()).map(|k| !same_act(k)).collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
        intended_targets(&mut out);
        continued_criticism(&mut out);
        for e in &mut out {
            implied_target(doc, e, layers.main_country.as_deref(), true);
        }
        // An unknown speaker whose words say nothing of what it is (`one resident`) is no actor,
        // nor is an indefinite one who speaks for no body (`an Australian witness`).
        let private = |e: &Event| indefinite.contains(&e.cue.start) && e.source.code.as_deref().is_none_or(|c| c.ends_with("CVL") || c.len() == 3);
        out.retain(|e| (e.source.entity.is_some() || e.source.code.is_some()) && !private(e));
        dedup_coded(&mut out);
        out
    }

    /// Gives a threat with no target the party its condition names (see
    /// [`clause::threatened`]), and a pronoun read anew there the same actor as the source of
    /// the sentence's other events (`if he refuses`).
    fn threats(&self, cx: &mut Context, layers: &Layers, mentions: &[ActorMention], (words, lexemes, at): (&[&str], &[Option<&Lexeme>], &[Option<usize>]), out: &mut [Event]) {
        for k in 0..out.len() {
            let (sentence, cue, source) = (out[k].sentence, out[k].cue, out[k].source.entity);
            if !out[k].cameo.code.starts_with("13") || out[k].target.is_some() {
                continue;
            }
            let s = Sentence::new(cx.doc, layers, mentions, (words, lexemes), at, &self.verbs, sentence.index());
            let i = cx.doc.tokens[s.first..s.first + s.words.len()].partition_point(|t| t.span.start < cue.start);
            let Some((_, cue_end, object_end)) = self.cue_at(&s, i) else { continue };
            let Some((party, pronoun)) = threatened(&s, mentions, object_end.max(cue_end), source) else { continue };
            let mut party = clause::mention_actor(&s, mentions, &party);
            self.code(cx, &mut party);
            // (Events come sorted by cue: the sentence's are one run.)
            let span = cx.doc.sentences[sentence.index()].span;
            let (a, b) = (out.partition_point(|o| o.cue.start < span.start), out.partition_point(|o| o.cue.start < span.end));
            for other in out[a..b].iter_mut().filter(|o| pronoun.is_some_and(|p| o.source.span == p)) {
                other.source = party.clone();
            }
            out[k].target = Some(party);
        }
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

/// Drops an event of a cue that codes the same as an earlier one of that cue (`schools and
/// universities were closed`: two patients, one restriction of the country's schools). Events
/// with no actor code are told apart by their entities and words. `events` are sorted by cue.
fn dedup_coded(events: &mut Vec<Event>) {
    let alike = |a: &Actor, b: &Actor| a.code == b.code && (a.code.is_some() || a.entity == b.entity && a.name == b.name);
    let mut keep = vec![true; events.len()];
    for k in 1..events.len() {
        let e = &events[k];
        let targets = |p: &Event| match (&p.target, &e.target) {
            (Some(a), Some(b)) => alike(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let same = |p: &Event| p.cameo.code == e.cameo.code && alike(&p.source, &e.source) && targets(p);
        let group = (0..k).rev().take_while(|&j| events[j].cue == e.cue);
        keep[k] = !group.filter(|&j| keep[j]).any(|j| same(&events[j]));
    }
    let mut keep = keep.into_iter();
    events.retain(|_| keep.next().unwrap_or(true));
}

/// Codes of violence (18-20).
fn conflict(code: &str) -> bool {
    code.get(..2).is_some_and(|r| ("18"..="20").contains(&r))
}

/// Codes of acts on people (aid, release, coercion, violence, and the legal acts of
/// disapproval: suing, convicting), whose object is often people named by a common noun
/// (`arrested four vendors`, `convicted two men`).
fn material(code: &str) -> bool {
    ["07", "08", "115", "116", "17", "18", "19", "20"].iter().any(|r| code.starts_with(r))
}

/// Nouns for people that are not roles.
const PEOPLE: &[&str] = &["people", "persons", "personnel", "man", "woman", "boy", "girl", "child", "men", "women", "children", "civilians", "residents", "villagers", "vendors", "traders", "suspects", "patients", "workers", "students", "families", "migrants", "protesters", "demonstrators", "passengers", "travellers", "travelers", "prisoners", "inmates", "victims", "survivors"];

/// The modality of the cue at words `i..cue_end`.
fn modality(doc: &Document, s: &Sentence, i: usize, cue_end: usize, cue: Span, time: Option<usize>, reference: Option<Date>) -> Modality {
    let before = &s.words[i.saturating_sub(5)..i];
    // Only the words of the cue's own clause count.
    let clause_start = before.iter().rposition(|w| CLAUSE_END.contains(w) || matches!(*w, "," | "that" | "and" | "who" | "which")).map_or(0, |p| p + 1);
    let before = &before[clause_start..];
    // (Not a name's words: `Doctors Without Borders called for`.)
    let named = |j: usize| s.at[i - before.len() + j].is_some();
    let after = &s.words[cue_end..(cue_end + 8).min(s.words.len())];
    let after = &after[..after.iter().position(|w| CLAUSE_END.contains(w) || *w == ".").unwrap_or(after.len())];
    if before.iter().enumerate().any(|(j, w)| NEGATIONS.contains(w) && !named(j)) {
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
    // (Not a plan that does something else: `the plan drew criticism`.)
    let intends = |k: usize| {
        let w = before[k];
        let planned = w.ends_with("ed") || w.ends_with("ing") || before.get(k + 1).is_none_or(|n| matches!(*n, "to" | "for"));
        ["intend", "plan", "expect", "schedul"].iter().any(|stem| w.starts_with(stem)) && planned
    };
    if before.iter().rev().take(3).any(|w| FUTURE.contains(w)) || (0..before.len()).any(intends) {
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
            words.len() <= 8 && !between.contains([',', ';', '—', '–']) && !words.iter().any(|w| TIME_BREAKS.contains(&crate::chars::lowercase(w).as_ref()))
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
        let mut words = before.rsplit(|c: char| !c.is_alphanumeric());
        let locative = |w: Option<&str>| w.is_some_and(|w| LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(w)));
        let last = words.next();
        // `in central and West Africa`: a locative before a coordinated adjective.
        let coordinated = || last.is_some_and(|w| w == "and" || w == "or") && words.clone().take(2).any(|w| locative(Some(w)));
        locative(last) || coordinated() || text[m.end as usize..].starts_with(", where")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Clean, CleanConfig};
    use crate::document::Meta;
    use crate::segment::{Segment, SegmentConfig};

    #[test]
    fn lower_case_keeps_each_token_apart_when_lower_case_is_longer() {
        // `İ` (2 bytes) lower-cases to `i̇` (3 bytes): the words after it must not shift.
        let mut doc = Document::new("t", "İSTANBUL and Zürich: WHO said Ärzte", Meta::default());
        Clean::new(CleanConfig::default()).run(&mut doc).unwrap();
        Segment::new(SegmentConfig::default()).run(&mut doc).unwrap();
        let mut buffer = String::new();
        let words = lower_case(&doc, &mut buffer);
        assert_eq!(words, ["i̇stanbul", "and", "zürich", ":", "who", "said", "ärzte"]);
        let mut buffer = String::new();
        let mut plain = Document::new("t", "The WHO said", Meta::default());
        Clean::new(CleanConfig::default()).run(&mut plain).unwrap();
        Segment::new(SegmentConfig::default()).run(&mut plain).unwrap();
        assert_eq!(lower_case(&plain, &mut buffer), ["the", "who", "said"]);
    }

    #[test]
    fn opens_with_matches_whole_words_only() {
        assert_eq!(opens_with(&["call", "for", "talks"], "call for"), Some(2));
        assert_eq!(opens_with(&["call", "for"], "call"), Some(1));
        assert_eq!(opens_with(&["caller", "for"], "call"), None);
        assert_eq!(opens_with(&["call"], "caller"), None);
        assert_eq!(opens_with(&["call", "forth"], "call for"), None);
        assert_eq!(opens_with(&["call"], "call for"), None);
        assert_eq!(opens_with(&[], "call"), None);
    }
}
