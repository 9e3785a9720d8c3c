//! What the events of a document tell about each other: sources found in earlier events
//! (`It says`, `... but denied`), statements that announce the speaker's own act (intents),
//! and targets the text leaves implicit (aid to the people of the place, emergencies over a
//! country).

use super::*;

/// Codes whose target the text often leaves implicit: aid goes to the people of the place
/// where it is given (073 → its country's CVL), and so do restrictions, seizures and other
/// coercion (`schools were closed`, `seized the goods` → the people of the place); a state of
/// emergency is declared over a country (1724). With `intents`, pledges and promises of aid
/// instead (030, 033: `has pledged $8 million` → to the people of the place), once they have
/// taken the targets of the acts they announce; a pledge to act (`vowed to retaliate`) or a
/// statement of intent has only the target of its act.
pub(super) fn implied_target(doc: &Document, e: &mut Event, main_country: Option<&str>, intents: bool) {
    // (A pledge of money or goods names what is given right after it: `pledged $8 million`,
    // `promised 500 tonnes`.)
    let given = || doc.text()[e.cue.end as usize..].split_whitespace().next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥')) || w.starts_with("US$"));
    let aid = match intents {
        true => e.cameo.code == "030" && given() || e.cameo.code.starts_with("033"),
        false => e.cameo.code.starts_with("07") || e.cameo.code.starts_with("17") && e.cameo.code != "1724",
    };
    let protest = !intents && e.cameo.code.starts_with("14");
    if e.target.is_some() || !(aid || protest || !intents && e.cameo.code == "1724") {
        return;
    }
    // A continent or a region stated as the place is the continent's (`across West Africa`).
    let stated = e.place.filter(|&(_, stated)| stated).and_then(|(p, _)| place_country(doc, p).or_else(|| place_region(doc, p).map(str::to_string)));
    let Some(country) = stated.or_else(|| main_country.map(str::to_string)) else { return };
    let code = if aid { format!("{country}CVL") } else if protest { format!("{country}GOV") } else { country.clone() };
    e.target = Some(Actor { entity: None, span: e.cue, name: format!("people of {country}"), code: Some(code) });
}

impl Events {
    /// A plain statement whose content is its speaker's own act to come (`He also said he would
    /// visit Libya`) expresses an intent: 036 to meet or visit, 033 to give aid, else 030. One
    /// whose content is its speaker's own hostile act on a condition (`said it may stop giving
    /// aid to Kenya unless ...`) is a threat to the act's target: 1311 to stop aid, 1312 to
    /// sanction, 1313 to break relations, 138 to use force, else 131.
    pub(super) fn intents(&self, doc: &Document, events: &mut [Event]) {
        let same = |a: &Actor, b: &Actor| match (a.entity, b.entity) {
            (Some(x), Some(y)) => x == y,
            _ => a.code.is_some() && a.code == b.code,
        };
        for k in 0..events.len() {
            if events[k].cameo.code != "010" {
                continue;
            }
            let e = &events[k];
            let sentence = doc.sentences[e.sentence.index()].span;
            let conditional = |n: &Event| {
                let after = &doc.text()[n.cue.end as usize..sentence.end as usize];
                n.modality == Modality::Hypothetical && after.split_whitespace().take(12).any(|w| matches!(w, "unless" | "if"))
            };
            let hostile = |n: &Event| matches!(&n.cameo.code[..2], "16" | "17" | "18" | "19" | "20");
            let threat = events[k + 1..]
                .iter()
                .take_while(|n| n.sentence == e.sentence)
                .find(|n| n.cue.start > e.cue.end && hostile(n) && conditional(n) && same(&n.source, &e.source));
            if let Some(act) = threat {
                let code = match act.cameo.code.as_str() {
                    c if c.starts_with("161") => "1313",
                    c if c.starts_with("162") => "1311",
                    c if c.starts_with("163") => "1312",
                    c if c.starts_with("18") || c.starts_with("19") || c.starts_with("20") => "138",
                    _ => "131",
                };
                let target = act.target.clone();
                if let Some(&info) = self.cameo.get(code) {
                    events[k].cameo = info;
                    events[k].target = target;
                }
                continue;
            }
            // Events come in text order: the act is among the next ones of the sentence.
            let act = events[k + 1..].iter().take_while(|n| n.sentence == e.sentence).find(|n| {
                n.cue != e.cue
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
pub(super) fn intended_targets(events: &mut [Event]) {
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

/// A criticism with no target goes on with its source's criticism a few sentences before
/// (`Lennox has been critical of the government's position. "It is unacceptable ...," said
/// Lennox`): it has that one's target. `events` are sorted by cue.
pub(super) fn continued_criticism(events: &mut [Event]) {
    let same = |a: &Actor, b: &Actor| a.entity.is_some() && a.entity == b.entity;
    for k in 0..events.len() {
        let e = &events[k];
        if !e.cameo.code.starts_with("11") || e.target.is_some() {
            continue;
        }
        let earlier = events[..k]
            .iter()
            .rev()
            .take_while(|p| p.sentence.index() + 3 >= e.sentence.index())
            .find(|p| p.cameo.code.starts_with("11") && p.target.is_some() && same(&p.source, &e.source));
        if let Some(target) = earlier.map(|p| p.target.clone()) {
            events[k].target = target;
        }
    }
}

/// Gives the events that wait for an antecedent (see [`Antecedent`]) their sources: `events`
/// sorted by cue, `pending` their kinds by cue start. An event whose antecedent is not found
/// keeps the source its clause gave, if any; a pronoun or a description with none found is
/// dropped (`The agency` says nothing of which agency).
pub(super) fn resolve(doc: &Document, events: Vec<Event>, pending: &HashMap<u32, Antecedent, FxBuild>) -> Vec<Event> {
    if pending.is_empty() {
        return events;
    }
    let person = |a: &Actor| a.entity.is_some_and(|e| doc.entities[e.index()].kind == EntityType::Person);
    // A person who speaks for an organization (`WHO spokesman Daniel Epstein`) can be what
    // `the agency` stands for.
    let organization = |a: &Actor| a.code.as_deref().is_some_and(|c| c.len() > 3 && !is_country(&c[..3]));
    let known = |a: &Actor| a.code.is_some() && !a.name.is_empty();
    // An organization's own name (`UNHCR`), or a person's who speaks for one, not a country's
    // or a group of its people's.
    let body = |a: &Actor| a.entity.is_some_and(|e| doc.entities[e.index()].kind == EntityType::Org) || organization(a);
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
        if matches!(kind, Antecedent::It | Antecedent::Body | Antecedent::They) && conflict(&events[k].cameo.code) {
            k = end;
            continue;
        }
        let e = &events[k];
        let si = e.sentence.index();
        let earlier = || out.iter().rev().filter(|p| p.cue.start < cue.start && known(&p.source));
        // The sources of every event of the antecedent's cue.
        let all = |last: &Event| {
            let mut all: Vec<(Actor, Option<Actor>)> = Vec::new();
            // (Events come in text order: the antecedent's are among the last few sentences'.)
            for p in out.iter().rev().take_while(|p| p.sentence.index() >= last.sentence.index()).filter(|p| p.cue == last.cue) {
                if !all.iter().any(|(a, _)| a.code == p.source.code && a.entity == p.source.entity) {
                    // Its object too, for a verb of the same kind (`fined ... and imprisoned`).
                    let target = p.target.clone().filter(|_| p.cameo.code[..2] == e.cameo.code[..2]);
                    all.push((p.source.clone(), target));
                }
            }
            all.reverse();
            all
        };
        let sources: Vec<(Actor, Option<Actor>)> = match kind {
            Antecedent::Verb => earlier().take_while(|p| p.sentence.index() == si).next().filter(|p| !reported_verb(doc, p, e)).map(all).unwrap_or_default(),
            // The speaker of the speech verb just before, by the words of its source.
            Antecedent::Speaker => earlier()
                .take_while(|p| p.sentence.index() == si)
                .next()
                .filter(|p| p.cameo.code.starts_with('0') || p.cameo.code.starts_with('1'))
                .map(|p| vec![(p.source.clone(), None)])
                .unwrap_or_default(),
            // `the agency` is an organization's, when one spoke or acted within three sentences;
            // else, as `it`, any source that was not a person's.
            Antecedent::It | Antecedent::Body => earlier()
                .take_while(|p| p.sentence.index() + 3 >= si)
                .find(|p| kind == Antecedent::Body && body(&p.source))
                .or_else(|| earlier().take_while(|p| p.sentence.index() + 3 >= si).find(|p| !person(&p.source) || organization(&p.source)))
                .map(|p| {
                    let source = match person(&p.source) {
                        true => Actor { entity: None, span: e.source.span, name: p.source.name.clone(), code: p.source.code.clone() },
                        false => p.source.clone(),
                    };
                    vec![(source, None)]
                })
                .unwrap_or_default(),
            // The patients of the participle right before `for` or `of`.
            Antecedent::Patient => {
                // (Its cue is the participle: a few words before, no comma between.)
                let near = |p: &Event| p.cue.end <= cue.start && {
                    let between = &doc.text()[p.cue.end as usize..cue.start as usize];
                    !between.contains(',') && between.split_whitespace().count() <= 6
                };
                let participle = earlier().take_while(|p| p.sentence.index() == si).next().filter(|p| near(p)).map(|p| p.cue);
                let mut patients: Vec<(Actor, Option<Actor>)> = Vec::new();
                for t in out.iter().rev().take_while(|p| p.sentence.index() == si).filter(|p| Some(p.cue) == participle).filter_map(|p| p.target.clone()) {
                    if !patients.iter().any(|(a, _)| a.code == t.code && a.entity == t.entity) {
                        patients.insert(0, (t, None));
                    }
                }
                patients
            }
            // `he` or `she` that the entity layer left unresolved: the named source of an event
            // of the sentence before (a person whose name was read as an organization's).
            Antecedent::He => earlier()
                .take_while(|p| p.sentence.index() + 1 >= si)
                .find(|p| p.sentence.index() < si && p.source.entity.is_some_and(|x| matches!(doc.entities[x.index()].kind, EntityType::Person | EntityType::Org)))
                .map(|p| vec![(p.source.clone(), None)])
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

/// True when `e`, an act joined by `and` to an earlier verb, lies in what statement `p` reports,
/// past a verb of its own clause: `said the virus has infected 171 people, and killed 93`
/// joins `killed` to `infected`, whose subject is the virus, not the speaker. An auxiliary
/// shows that verb. Not after `that`, whose clause may end before the `and` (`acknowledged
/// that users were experiencing issues, and dismissed ...`), nor for a second statement
/// (`confirmed ... and denied`), which is the speaker's own.
fn reported_verb(doc: &Document, p: &Event, e: &Event) -> bool {
    let auxiliary = |w: &str| ["has", "have", "had"].iter().chain(BE).any(|a| w.eq_ignore_ascii_case(a));
    let spoken = |code: &str| code.starts_with("01") || code.starts_with("02");
    // (A reported clause is a few dozen words: longer stretches are not read, so the work per
    // event stays bounded.)
    let Some(between) = doc.text().get(p.cue.end as usize..e.cue.start as usize).filter(|b| b.len() <= 600) else { return false };
    let mut between = between.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty());
    let that = between.clone().next().is_some_and(|w| w.eq_ignore_ascii_case("that"));
    let and = between.clone().rev().take(2).any(|w| w.eq_ignore_ascii_case("and"));
    spoken(&p.cameo.code) && !spoken(&e.cameo.code) && !that && and && between.any(auxiliary)
}

/// How an event's source is found once every event is known, when its own clause does not
/// name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Antecedent {
    /// `It says`: the source of the last event of an earlier sentence that was not a
    /// person's.
    It,
    /// A description of a body (`The agency says`, `The mission will coordinate`): as `It`, but
    /// an organization's source first.
    Body,
    /// `He says` where the entity layer found no one (`UN coordinator for Chad, Eugene Abara
    /// condemned ... He also expressed his outrage`, the name read as an organization's): the
    /// named source of an event of the sentence before.
    He,
    /// `They say`: the sources of the last event of an earlier sentence, all of them.
    They,
    /// A verb coordinated with an earlier one (`confirmed ... but denied`): the source of the
    /// earlier verb's event in the same sentence.
    Verb,
    /// A gerund after `for` or `of` after a participle (`jailed for insulting the president`):
    /// the targets of the participle's event, the last before it in the sentence.
    Patient,
    /// A pronoun that opens what someone says (`officials said they had seized`): the source
    /// of the speech verb's event.
    Speaker,
}

/// Pronouns and descriptions that stand for an organization or a country named before (`The
/// mission will consult`: a body sent somewhere).
pub(super) const IT: &[&str] = &["it", "the agency", "the organisation", "the organization", "the mission"];
