//! Who does what to whom in one clause, without a parser: subjects, objects, passives,
//! coordination, appositions, light verbs and infinitives of purpose.

use super::*;

/// The actor of a mention: its entity, or the group its role noun names, with the words
/// before it that say whose (`Philippine police`, `local health officials`).
pub(super) fn mention_actor(s: &Sentence, mentions: &[ActorMention], m: &ActorMention) -> Actor {
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
            if end + 1 < s.words.len() && matches!(s.words[end], "of" | "from" | "for" | "at" | "in" | "with") {
                let mut k = end + 1;
                if DETERMINERS.contains(&s.words[k]) {
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

/// True when the words after a speech cue, from word `from`, are an addressee and `to` + a
/// verb (`warned the WHO to be cautious`, `told her to take`): the speech is an appeal.
pub(super) fn appeal(s: &Sentence, from: usize) -> bool {
    let mut k = from;
    let mut addressee = false;
    while k < s.words.len() && k < from + 8 {
        let w = s.words[k];
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

/// Nouns for people that say whose they are with `of` or `from` after them (`a source from
/// the ministry`, `a team of experts from the WHO`): the actor is the organization.
pub(super) const HEADS: &[&str] = &[
    "source", "sources", "team", "teams", "expert", "experts", "member", "members", "staff", "representative", "representatives", "head",
    "chief", "director", "coordinator", "officer", "officers", "manager", "mission",
];

/// The actors the clause around a cue at words `i..cue_end` names.
pub(super) struct Found {
    /// (source, target) pairs; a source with no entity and no name is a placeholder for the
    /// antecedent's.
    pub(super) pairs: Vec<(Actor, Option<Actor>)>,
    /// Where the source comes from when the clause does not name it.
    pub(super) antecedent: Option<Antecedent>,
}

impl Found {
    pub(super) fn none() -> Found {
        Found { pairs: Vec::new(), antecedent: None }
    }
}

/// A source still to be found (see [`Antecedent`]).
pub(super) fn placeholder(span: Span) -> Actor {
    Actor { entity: None, span, name: String::new(), code: None }
}

/// The (source, target) pairs of a cue at words `i..cue_end` of the sentence.
pub(super) fn actors(s: &Sentence, mentions: &[ActorMention], cue: &EventCue, i: usize, cue_end: usize, object_end: usize) -> Found {
    let mention_actor = |m: &ActorMention| mention_actor(s, mentions, m);
    let cue_span = Span { start: s.doc.tokens[s.first + i].span.start, end: s.doc.tokens[s.first + cue_end - 1].span.end };
    // `-ed`, `-en`, or an irregular form that is not the base, `-s` or `-ing` one (`met`).
    let word = s.words[i];
    let participle = !cue.noun
        && (word.ends_with("ed") || word.ends_with("en") || cue.forms.first().is_some_and(|f| f != word && cue.forms.iter().any(|f| f == word)) && !word.ends_with('s') && !word.ends_with("ing"));
    // A form of `be` before it, past adverbs and a negation (`was not published by`, `were
    // also arrested`, `has not yet been charged`, `is now estimated`).
    let be = (participle && i > 0)
        .then(|| {
            let mut k = i - 1;
            while k > 0 && i - k < 4 && (s.words[k].ends_with("ly") || matches!(&*s.words[k], "not" | "n't" | "n’t" | "never" | "also" | "yet" | "still" | "already" | "now" | "often")) && s.at[k].is_none() {
                k -= 1;
            }
            k
        })
        .filter(|&k| BE.contains(&&*s.words[k]));
    let passive = be.is_some();
    // A participle after its noun with `by` (`rations donated by Britain`, `a deal ...,
    // mediated by Qatar`), or a coercive one after an actor with no object (`a journalist
    // imprisoned in Algeria`), is a passive too; what it is said of is the word before.
    let next = s.words.get(cue_end).map(|w| &**w);
    let reduced = participle
        && !passive
        && i > 0
        && !AUXILIARIES.contains(&s.words[i - 1])
        && (next == Some("by") && s.at[i - 1].is_none()
            || cue.agent.is_some() && (s.at[i - 1].is_some() || plain(s, i - 1)) && next.is_none_or(|w| PREPOSITIONS.contains(&w) || w == "," || w == "."));
    let subjects = match purpose(s, i) {
        Some(v) if !cue.noun => self::subjects(s, mentions, v, true),
        _ => match main_subject(s, mentions, i) {
            Some(main) => main,
            None => subjects(s, mentions, i, !cue.noun),
        },
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
        let possessive = (i >= 2 && matches!(s.words[i - 1], "'s" | "’s"))
            .then(|| s.at[i - 2].map(|k| mentions[k]))
            .flatten()
            // `her trial`: a possessive pronoun the entity layer resolved.
            .or_else(|| (i >= 1 && matches!(s.words[i - 1], "his" | "her" | "their")).then(|| s.at[i - 1].map(|k| mentions[k])).flatten())
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
        // (Not the actor of `from X`, which the target's prepositions may hold too:
        // `criticism from doctors` is theirs.)
        let targets: Vec<ActorMention> = after(&cue.target, cue_end).into_iter().filter(|t| !by.iter().any(|b| b.first == t.first)).collect();
        // `between` right after the noun or a word or two later (`talks last week between`), not
        // after another noun's verb (`negotiations had stalled due to relations between`).
        let close = s.words[cue_end..(cue_end + 4).min(s.words.len())].contains(&"between");
        let between = if symmetric(&cue.code) && close { after(&["between".into()], cue_end) } else { Vec::new() };
        // Coordinated subjects of a joint act do it, whoever else is named with `by`
        // (`Israel and Hamas agreed to a ceasefire brokered by Egypt`).
        let joint = symmetric(&cue.code) && subjects.len() > 1;
        if !possessive.is_empty() && cue.agent.is_some() {
            // Whose arrest or trial it is says who undergoes it (`Corby's trial`): the
            // authority of the place does it.
            let Some(authority) = authority(s, cue, cue_span) else { return Found::none() };
            let patients: Vec<Actor> = possessive.iter().map(mention_actor).collect();
            return Found { pairs: pairs(&[authority], &patients), antecedent: None };
        } else if !possessive.is_empty() {
            (possessive, targets)
        } else if between.len() > 1 {
            // `a deal between the E.U. and Libya`: each side is the other's target.
            (between, Vec::new())
        } else if !(by.is_empty() || joint) {
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
        } else if object_of_verb(s, i) && !joint {
            // What a verb that is no light verb takes as its object is not its subject's act
            // (`the Security Council condemned the attack on peacekeepers`).
            return Found::none();
        } else if !targets.is_empty() || joint {
            // A noun with no actor of its own takes the sentence's subject only when it names
            // a target, or joins coordinated subjects (`Trump and Putin headed to a summit`).
            (subjects, targets)
        } else if let Some(speaker) = existential(s, i).then(|| s.layers.speaker(s.doc, cue_span)).flatten() {
            // `"There will be a ban on all exports," the minister said`: the speaker announces
            // an act of their own.
            let targets: Vec<Actor> = targets.iter().map(mention_actor).collect();
            return Found { pairs: pairs(&[speaker], &targets), antecedent: None };
        } else {
            return Found::none();
        }
    } else if passive || reduced {
        let by = possessor_aside(s, mentions, after(&["by".into()], cue_end));
        let patients: Vec<Actor> = match passive {
            true => subjects.iter().map(mention_actor).collect(),
            // `Mohamed Tamalt, a journalist imprisoned in Algeria`: the person named.
            false => s.at[i - 1].map(|k| mentions[k]).or_else(|| apposed(s, mentions, i)).map(|m| mention_actor(&m)).into_iter().collect(),
        };
        // `A deal between the E.U. and Libya, mediated by Qatar`: a participle set off by a comma
        // after a phrase that ends in actors is done to them.
        let patients = match patients.is_empty() && !passive && s.words[i - 1] == "," && next == Some("by") {
            true => listed_before(s, mentions, i - 1).iter().map(mention_actor).collect(),
            false => patients,
        };
        let patients = if patients.is_empty() { be.map(|k| adjunct_patients(s, mentions, k)).unwrap_or_default() } else { patients };
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
        // People the cue's object words name are its direct object (`released two American
        // hostages`); not forces or bodies, which are the subject's own (`mobilized troops`).
        if targets.is_empty() && cue.target.is_empty() && object_end > cue_end {
            let people = (cue_end..object_end).find(|&k| s.at[k].is_some() && s.lexemes[k].is_some_and(|l| l.role.person == Some(true)));
            targets = people.and_then(|k| s.at[k]).map(|x| with_coordinated(s, mentions, mentions[x])).unwrap_or_default();
        }
        if targets.is_empty() {
            targets = match cue.code.starts_with("11") && !cue.code.starts_with("112") {
                true => criticized(s, mentions, object_end),
                false => accused(s, mentions, &cue.code, object_end),
            };
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
            // Not when a verb follows (`X, head of the taskforce, said farmers would not
            // report`): that is the subject of what is said.
            let said = speakers.last().is_some_and(|m| s.words.get(m.end - s.first).is_some_and(|w| AUXILIARIES.contains(&&**w) || BE.contains(&&**w) || s.verb(m.end - s.first)));
            if !speakers.is_empty() && !said {
                return Found { pairs: pairs(&speakers.iter().map(mention_actor).collect::<Vec<_>>(), &[]), antecedent: None };
            }
        }
        let target_actors: Vec<Actor> = if targets.is_empty() && material(&cue.code) {
            people_object(s, object_end).or_else(|| conflict(&cue.code).then(|| settlement_object(s, object_end)).flatten()).into_iter().collect()
        } else {
            targets.iter().map(mention_actor).collect()
        };
        // A verb coordinated with an earlier one shares its subject (`confirmed ... but
        // denied`); `it` or `they` before the verb stand for actors named before.
        let (before, at) = word_before(s, i);
        // `toured Pangandaran and met people`: the actor nearest before `and` is the first
        // verb's object; the subject is before it.
        let subjects = match before {
            Some("and") if !subjects.is_empty() && {
                let mut k = subjects[0].first - s.first;
                while k > 0 && DETERMINERS.contains(&s.words[k - 1]) {
                    k -= 1;
                }
                let relative = (subjects[0].end - s.first..i).any(|j| matches!(&*s.words[j], "who" | "which"));
                let number = k > 0 && s.words[k - 1].starts_with(|c: char| c.is_ascii_digit());
                k > 0 && (plain(s, k - 1) || s.verb(k - 1) || number) && !relative
            } =>
            {
                let again = self::subjects(s, mentions, subjects[0].first - s.first, true);
                // When that verb's subject is no actor, an actor right before `and` is its
                // object, not this verb's subject (`the virus has infected 171 people, and
                // killed 93`); one further back is (`Such firms can then repackage these loans
                // and sell them`).
                let end = subjects.last().map_or(0, |m| m.end - s.first);
                let object = (end..at).all(|j| s.words[j] == ",");
                if again.is_empty() && !object { subjects } else { again }
            }
            _ => subjects,
        };
        let antecedent = match before {
            _ if subjects.is_empty() && gerund_of_patient(s, i) => Some(Antecedent::Patient),
            Some("and" | "but") => Some(Antecedent::Verb),
            // `The police said they had seized ...`: a pronoun that opens what someone says is
            // the speaker.
            Some("he" | "she" | "they") if subjects.is_empty() && opens_speech(s, at) => Some(Antecedent::Speaker),
            Some("they") if subjects.is_empty() => Some(Antecedent::They),
            Some("he" | "she") if subjects.is_empty() => Some(Antecedent::He),
            Some("it") if subjects.is_empty() => Some(Antecedent::It),
            _ if subjects.is_empty() && described(s, i) => Some(Antecedent::Body),
            _ => None,
        };
        if subjects.is_empty() {
            // `I` or `we` in someone's quoted words is the speaker (`I strongly urge`, `we will
            // also work to assess`).
            let first_person = (i.saturating_sub(8)..i).rev().take_while(|&k| s.at[k].is_none() && !CLAUSE_END.contains(&&*s.words[k])).any(|k| matches!(&*s.words[k], "i" | "we"));
            if let Some(speaker) = first_person.then(|| s.layers.speaker(s.doc, cue_span)).flatten() {
                // `"I'm pleased to announce that ...," Bush said`: the speaker's statement is the
                // quote's own, coded at its cue.
                if statement(&cue.code) {
                    return Found::none();
                }
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

/// The party a threat is made to when no object names it: the subject of its condition
/// after the object (`warned of serious consequences if he refuses a ceasefire`), with the
/// pronoun's span when it is read anew. No one threatens themselves: a pronoun there that
/// stands for the threatener `source` (as the entity layer reads `he` after `Trump ...
/// warned`) is the nearest other actor of its kind named before it in the sentence (`his
/// frustration with Putin`).
pub(super) fn threatened(s: &Sentence, mentions: &[ActorMention], from: usize, source: Option<EntityId>) -> Option<(ActorMention, Option<Span>)> {
    let k = (from..(from + 8).min(s.words.len()))
        .take_while(|&k| !CLAUSE_END.contains(&&*s.words[k]) && s.words[k] != ".")
        .find(|&k| CONDITIONS.contains(&&*s.words[k]))?;
    let at = if s.words.get(k + 1).is_some_and(|w| DETERMINERS.contains(&&**w)) { k + 2 } else { k + 1 };
    let party = mentions[s.at.get(at).copied().flatten()?];
    let own = |m: &ActorMention| m.entity.is_some() && m.entity == source;
    if !own(&party) {
        return Some((party, None));
    }
    if !(party.end == party.first + 1 && matches!(s.words[party.first - s.first], "he" | "she")) {
        return None;
    }
    let kind = |m: &ActorMention| m.entity.map(|e| s.doc.entities[e.index()].kind);
    let other = (0..k).rev().filter_map(|j| s.at[j]).map(|x| mentions[x]).find(|m| m.entity.is_some() && !own(m) && kind(m) == kind(&party))?;
    Some((other, Some(party.span)))
}

/// The patients of a passive with `being` at word `be` in an adverbial phrase (`..., one day
/// after being convicted of ...`): what the main clause's verb before it is said of, its
/// subject or the people before it (`An HIV-positive man was sentenced ...`).
fn adjunct_patients(s: &Sentence, mentions: &[ActorMention], be: usize) -> Vec<Actor> {
    if s.words[be] != "being" || be == 0 || !matches!(s.words[be - 1], "after" | "before" | "upon" | "since" | "despite" | "while" | "without" | "for") {
        return Vec::new();
    }
    let Some(verb) = (0..be - 1).rev().find(|&k| s.verb(k)) else { return Vec::new() };
    let subjects: Vec<Actor> = subjects(s, mentions, verb, true).iter().map(|m| mention_actor(s, mentions, m)).collect();
    if subjects.is_empty() { people_before(s, verb).into_iter().collect() } else { subjects }
}

/// The actor that `according to` at word `from` names: the first actor mention within a few
/// words (determiners and descriptions before it), or the person named after a description and
/// a comma (`according to chief veterinary officer, Jan Dela Cruz`). A role noun followed by
/// such a name is that person.
pub(super) fn according_to(s: &Sentence, mentions: &[ActorMention], from: usize) -> Option<Actor> {
    let person = |k: usize| s.at.get(k).copied().flatten().map(|m| mentions[m]).filter(|m| m.entity.is_some_and(|e| s.doc.entities[e.index()].kind == EntityType::Person));
    let mut k = from;
    while k < s.words.len() && k < from + 6 {
        if let Some(m) = s.at[k].map(|x| mentions[x]) {
            let end = m.end - s.first;
            let named = (m.entity.is_none() && s.words.get(end).is_some_and(|w| *w == ",")).then(|| person(end + 1)).flatten();
            return Some(mention_actor(s, mentions, &named.unwrap_or(m)));
        }
        let w = s.words[k];
        if w == "," {
            return person(k + 1).map(|m| mention_actor(s, mentions, &m));
        }
        if !(DETERMINERS.contains(&w) || plain(s, k)) {
            return None;
        }
        k += 1;
    }
    None
}

/// Verbs that say that an event named by their object takes place (`began a hunger strike`,
/// `staged a rally`, `issued a ban`).
pub(super) const LIGHT_VERBS: &[&str] = &[
    "begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting", "launch", "launches", "launched", "launching", "stage",
    "stages", "staged", "staging", "hold", "holds", "held", "holding", "conduct", "conducts", "conducted", "conducting", "initiate", "initiates",
    "initiated", "initiating", "mount", "mounts", "mounted", "mounting", "wage", "wages", "waged", "waging", "issue", "issues", "issued", "issuing",
    "announce", "announces", "announced", "announcing", "order", "orders", "ordered", "ordering", "carried", "carry", "carries", "carrying",
    "make", "makes", "made", "making", "file", "files", "filed", "filing", "lodge", "lodges", "lodged", "lodging", "bring", "brings", "brought",
    "bringing", "strike", "strikes", "struck", "striking",
];

/// True when the noun at word `i` is what an existential `there` says will be or is (`there
/// will be a curfew`, `there is now a total ban`), a few determiners, numbers or adjectives
/// between.
pub(super) fn existential(s: &Sentence, i: usize) -> bool {
    let be = |k: usize| matches!(&*s.words[k], "be" | "is" | "are" | "was" | "were");
    modified_from(s, i, 5, be, |_| false).is_some_and(|k| word_before(s, k).0 == Some("there") || k > 0 && s.words[k - 1] == "there")
}

/// The nearest word `k` before word `i`, within `reach` words, for which `stop(k)` holds, with
/// only a noun's modifiers between (determiners, numbers, plain words, or words `also(k)`
/// admits); none when another word comes first.
fn modified_from(s: &Sentence, i: usize, reach: usize, stop: impl Fn(usize) -> bool, also: impl Fn(usize) -> bool) -> Option<usize> {
    (i.saturating_sub(reach)..i).rev().find(|&k| stop(k) || !(DETERMINERS.contains(&&*s.words[k]) || plain(s, k) || s.words[k].starts_with(|c: char| c.is_ascii_digit()) || also(k))).filter(|&k| stop(k))
}

/// True when the noun at word `i` is the direct object of a verb (determiners, numbers and
/// adjectives between) that is no light verb: `condemned the attack`, not `launched an
/// attack`.
fn object_of_verb(s: &Sentence, i: usize) -> bool {
    modified_from(s, i, 4, |k| s.verb(k), |_| false).is_some_and(|k| !LIGHT_VERBS.contains(&s.words[k]))
}

/// The light verb whose object the noun at word `i` is (a few determiners, numbers,
/// adjectives or place names between: `began simultaneous immunization campaigns`, `issued a
/// 72-hour nationwide travel ban`, `a Europe-wide ban`), when there is one.
pub(super) fn light_verb(s: &Sentence, i: usize) -> Option<usize> {
    let place = |k: usize| s.at[k].and_then(|m| s.mentions[m].entity).is_some_and(|e| matches!(s.doc.entities[e.index()].kind, EntityType::Gpe | EntityType::Loc));
    // `carried out an attack`
    let carried_out = |k: usize| s.words[k] == "out" && k > 0 && s.words[k - 1].starts_with("carr") && LIGHT_VERBS.contains(&&*s.words[k - 1]);
    let light = |k: usize| LIGHT_VERBS.contains(&&*s.words[k]) || carried_out(k);
    let k = modified_from(s, i, 6, light, |k| place(k) && k + 1 < i)?;
    Some(if carried_out(k) { k - 1 } else { k })
}

/// The verb that governs an infinitive of purpose at word `i` (`would visit Libya on
/// Wednesday to help`, `sent experts to assist`) or a gerund of means (`responded by
/// spraying`), whose subject is theirs; none when an actor comes right before `to` (`urged the
/// government to release`: the government would).
pub(super) fn purpose(s: &Sentence, i: usize) -> Option<usize> {
    // A gerund of means right after a verb and `by` (`responded by spraying water cannons`).
    if i >= 2 && s.words[i - 1] == "by" && s.words[i].ends_with("ing") && s.verb(i - 2) {
        return Some(i - 2);
    }
    if i < 2 || s.words[i - 1] != "to" || s.at[i - 2].is_some() {
        return None;
    }
    // Set off by a comma, it serves the clause's verb however far (`arrived in Manila on
    // Tuesday for a joint assessment ..., to help`).
    let reach = if s.words[i - 2] == "," { 30 } else { 12 };
    let mut k = i - 1;
    while k > 0 && k + reach > i {
        k -= 1;
        if s.at[k].is_none() && CLAUSE_END.contains(&s.words[k]) {
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
pub(super) fn topic(s: &Sentence, i: usize) -> bool {
    (i.saturating_sub(6)..i).rev().take_while(|&k| s.at[k].is_some() || !CLAUSE_END.contains(&&*s.words[k])).any(|k| s.words[k].starts_with("discuss"))
}

/// The word before word `i` past auxiliaries and adverbs (`and also denied`, `it has said`),
/// and its position.
pub(super) fn word_before<'s>(s: &'s Sentence, i: usize) -> (Option<&'s str>, usize) {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = s.words[k];
        if s.at[k].is_none() && (w.ends_with("ly") || MODALS.contains(&w) || matches!(w, "has" | "have" | "had" | "also" | "then" | "later" | "now" | "will" | "can" | "must" | "is" | "are" | "was" | "were")) {
            continue;
        }
        return (Some(w), k);
    }
    (None, 0)
}

/// True when word `k` opens the content of a speech verb right before it, `that` or not
/// (`officials said they`, `the mayor announced that he`).
pub(super) fn opens_speech(s: &Sentence, k: usize) -> bool {
    let k = if k > 0 && s.words[k - 1] == "that" { k - 1 } else { k };
    k > 0 && s.at[k - 1].is_none() && s.verb(k - 1)
}

/// True when the verb at word `i` is a gerund after `for` or `of` after a verb's participle, a
/// place or a time between (`convicted of defaming`, `jailed in Morocco for insulting`): what
/// the participle was done to did it.
pub(super) fn gerund_of_patient(s: &Sentence, i: usize) -> bool {
    if i < 2 || !s.words[i].ends_with("ing") || !matches!(s.words[i - 1], "for" | "of") {
        return false;
    }
    let between = |k: usize| s.at[k].is_some() || PREPOSITIONS.contains(&&*s.words[k]) || DETERMINERS.contains(&&*s.words[k]);
    let k = (i.saturating_sub(6)..i - 1).rev().find(|&k| !between(k));
    k.is_some_and(|k| s.verb(k) && (s.words[k].ends_with("ed") || s.words[k].ends_with("en")))
}

/// True when the words before word `i` are a pronoun or a description that stands for an
/// organization or a country named before (`It notes`, `The agency says`).
pub(super) fn described(s: &Sentence, i: usize) -> bool {
    let (_, k) = word_before(s, i);
    IT.iter().any(|d| {
        let words: Vec<&str> = d.split(' ').collect();
        k + 1 >= words.len() && s.words[k + 1 - words.len()..=k].iter().zip(&words).all(|(a, b)| a == b) && s.at[k].is_none()
    })
}

/// True when a statement cue at `i` follows its content: after a comma or a closing quote
/// (`..., said Dr. Archie Lluz`), and is no verb whose object is whom it is said to
/// (`..., his adviser, told Reuters`).
pub(super) fn inverted(s: &Sentence, i: usize) -> bool {
    const ADDRESSED: &[&str] = &["tell", "tells", "told", "telling", "inform", "informs", "informed", "assure", "assured", "assures", "warn", "warned", "warns", "remind", "reminded", "reminds"];
    i > 0 && matches!(s.words[i - 1], "," | "\"" | "”" | "’" | "'") && !ADDRESSED.contains(&s.words[i])
}

/// The authority that does a coercive act the text gives no agent: the sector the lexicon
/// names for the cue, of the country of the place the sentence gives the act, else of the
/// article's main country.
pub(super) fn authority(s: &Sentence, cue: &EventCue, cue_span: Span) -> Option<Actor> {
    let sector = cue.agent.as_deref()?;
    let doc = s.doc;
    let country = own_place(doc, s.layers, s.span, cue_span).and_then(|p| place_country(doc, p)).or_else(|| s.layers.main_country.clone())?;
    Some(Actor { entity: None, span: cue_span, name: format!("authorities ({country})"), code: Some(format!("{country}{sector}")) })
}

/// People named by a common noun before word `i` (`Five people were placed under arrest`),
/// in its clause.
pub(super) fn people_before(s: &Sentence, i: usize) -> Option<Actor> {
    let doc = s.doc;
    for k in (i.saturating_sub(6)..i).rev() {
        let w = s.words[k];
        if PEOPLE.contains(&w) {
            let mut first = k;
            while first > 0 && k - first < 3 && (plain(s, first - 1) || DETERMINERS.contains(&s.words[first - 1]) || s.words[first - 1].starts_with(|c: char| c.is_ascii_digit())) {
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

/// Words that open a clause or phrase set before the main clause (`After the meeting, ...`).
const OPENERS: &[&str] = &["after", "before", "while", "when", "although", "though", "as", "since", "if", "despite", "because", "once", "following", "during", "in", "on", "at", "with", "without", "speaking", "asked"];

/// The subject of the main clause that a participle after a comma at word `i` depends on
/// (`Calderon encouraged people to stay at home, saying ...`, `Rebels attacked a base near
/// Goma, killing 12 soldiers`): the actor that opens the clause, past a phrase set before it (`In a
/// televised address,`, `After the meeting in Paris,`) and a few plain words. None when the
/// participle has no comma before it, when the clause opens with no actor, or inside a
/// quotation.
pub(super) fn main_subject(s: &Sentence, mentions: &[ActorMention], i: usize) -> Option<Vec<ActorMention>> {
    if i < 3 || s.words[i - 1] != "," || !s.words[i].ends_with("ing") || s.at[i].is_some() {
        return None;
    }
    let comma = i - 1;
    let first_comma = (1..comma).find(|&k| s.words[k] == "," && s.at[k].is_none());
    let start = match first_comma {
        // A short phrase with no actor, or a clause that opens with a subordinating word.
        Some(c) if c < 5 && !(0..c).any(|k| s.at[k].is_some()) || OPENERS.contains(&s.words[0]) => c + 1,
        _ => 0,
    };
    let k = (start..(start + 5).min(comma)).find(|&k| s.at[k].is_some())?;
    if !(start..k).all(|j| DETERMINERS.contains(&s.words[j]) || plain(s, j)) {
        return None;
    }
    let m = titled(s, mentions, mentions[s.at[k]?]);
    let end = m.end - s.first;
    if end >= comma || (end..comma).any(|j| s.at[j].is_none() && matches!(s.words[j], "\"" | "“" | "”")) {
        return None;
    }
    Some(subjects(s, mentions, end, true)).filter(|found| !found.is_empty())
}

/// The subject of words before `i`: the nearest actor mention that is not a preposition's
/// object (unless the preposition says whose a person is: `a source from the ministry`), not a
/// possessive pronoun and not a demonym modifying a noun (`the Haitian cholera outbreak`), with
/// the actors coordinated with it. For a `verb`, not across `that` or a reporting verb (`Kuti
/// said the rustlers raided`: the rustlers, who are no actor).
pub(super) fn subjects(s: &Sentence, mentions: &[ActorMention], i: usize, verb: bool) -> Vec<ActorMention> {
    let mut k = i;
    let mut relative = false;
    let mut comma = false;
    // Actors joined to the subject by `along with` (`X, along with Y, have initiated`).
    let mut joined_actors: Vec<ActorMention> = Vec::new();
    // At most 20 words are looked at (a skipped phrase does not count).
    let mut budget = 20;
    while k > 0 && budget > 0 {
        k -= 1;
        budget -= 1;
        let w = s.words[k];
        // `The United Nations (UN) has confirmed`: a short aside in brackets is passed over.
        if w == ")" && s.at[k].is_none() {
            if let Some(j) = (k.saturating_sub(8)..k).rev().find(|&j| s.words[j] == "(") {
                k = j;
                continue;
            }
        }
        if CLAUSE_END.contains(&w) && s.at[k].is_none() {
            return Vec::new();
        }
        // `Australian politicians, noting the public support ..., are promising`: a
        // participle's phrase between commas is passed over.
        // So is a relative clause (`H5N1, which has spread throughout Europe, ..., has killed`):
        // the subject comes before it.
        if w == "," && !relative && !comma && s.at[k].is_none() {
            // And so is an actor joined to the subject by `along with` (`X, along with Y, have
            // initiated`): both are the subject, the first first.
            let joined = |j: usize| matches!(&*s.words[j + 1], "along" | "together") && s.words.get(j + 2).is_some_and(|w| *w == "with");
            let opens = |j: usize| s.words[j] == "," && s.at[j + 1].is_none() && (s.words[j + 1].ends_with("ing") || matches!(&*s.words[j + 1], "which" | "who" | "whose") || joined(j));
            if let Some(j) = (k.saturating_sub(25)..k.saturating_sub(1)).rev().find(|&j| opens(j)) {
                // The last actor of a joined phrase is the actor joined (`along with American
                // President, Barack Obama,`).
                if joined(j) {
                    joined_actors.extend((j + 3..k).rev().find_map(|x| s.at[x]).map(|x| mentions[x]));
                }
                k = j;
                continue;
            }
        }
        comma |= w == ",";
        // `Kuti said the rustlers raided`: the subject is in the reported clause, or is not
        // named; `that` opens a clause of its own.
        // (A participle that modifies a noun is no verb: `all laboratory confirmed cases`.)
        if verb && !relative && (w == "that" || !comma && s.verb(k) && k + 1 < i && !participle(s, k, k + 1)) {
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
        // With the actors coordinated before it (`U.N. and non-governmental organizations who
        // intend to deliver`).
        if relative {
            let mut found = listed_before(s, mentions, m.end - s.first);
            found.extend(joined_actors);
            return found;
        }
        let text = &s.doc.text()[m.span].to_lowercase();
        if matches!(text.as_str(), "his" | "her" | "its" | "their" | "whose") {
            continue;
        }
        if governed_by_preposition(s, start) && !whose(s, start) || place_apposition(s, mentions, &m) {
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
        let mut governed = false;
        // (A name's phrase opens at its article, before a people's adjective: `Chrysler and
        // the Japanese Toyota`.)
        let opening = |mut j: usize| {
            let adjective = j.checked_sub(1).and_then(|k| s.at[k]).map(|x| mentions[x]);
            if let Some(d) = adjective.filter(|d| d.end - s.first == j && d.entity.is_some_and(|e| s.doc.entities[e.index()].kind == EntityType::Norp)) {
                j = d.first - s.first;
            }
            if j > 0 && matches!(s.words[j - 1], "the" | "a" | "an") {
                j -= 1;
            }
            j
        };
        let mut j = opening(start);
        while j >= 2 && (matches!(s.words[j - 1], "and" | "or" | "nor") || (s.words[j - 1] == "," && found.len() > 1)) {
            // `China, Japan, and the United Kingdom`, `neither the E.U. nor France`
            let mut p = j - 2;
            if s.words[j - 1] != "," && s.words[p] == "," && p > 0 {
                p -= 1;
            }
            let Some(prev) = s.at[p].map(|x| mentions[x]) else { break };
            if governed_by_preposition(s, prev.first - s.first) {
                // `obtained by AFP and Reuters`: the whole list is the agent of a participle.
                governed = s.words[(prev.first - s.first).saturating_sub(1)] == "by";
                j = prev.first - s.first;
                break;
            }
            found.push(prev);
            j = opening(prev.first - s.first);
        }
        if governed {
            k = j;
            continue;
        }
        found.reverse();
        found.extend(joined_actors);
        return found;
    }
    Vec::new()
}

/// The actor mention that ends right before word `end` and the ones coordinated before it
/// (`the E.U. and Libya`, `Britain, France and Germany`), first first.
pub(super) fn listed_before(s: &Sentence, mentions: &[ActorMention], end: usize) -> Vec<ActorMention> {
    let Some(last) = end.checked_sub(1).and_then(|k| s.at[k]).map(|x| mentions[x]) else { return Vec::new() };
    let mut found = vec![last];
    let mut j = last.first - s.first;
    if j > 0 && matches!(s.words[j - 1], "the" | "a" | "an") {
        j -= 1;
    }
    while j >= 2 && (matches!(s.words[j - 1], "and" | "or") || s.words[j - 1] == "," && found.len() > 1) {
        let p = if s.words[j - 1] != "," && s.words[j - 2] == "," { j.checked_sub(3) } else { Some(j - 2) };
        let Some(prev) = p.and_then(|p| s.at[p]).map(|x| mentions[x]) else { break };
        found.push(prev);
        j = prev.first - s.first;
        if j > 0 && matches!(s.words[j - 1], "the" | "a" | "an") {
            j -= 1;
        }
    }
    found.reverse();
    found
}

/// The person the noun phrase ending before word `start` stands in apposition to (`Hassan el
/// Bushra, regional adviser`, `Mohamed Tamalt, a journalist`): a person's name, a comma and a
/// few determiners, adjectives or nouns.
pub(super) fn apposed(s: &Sentence, mentions: &[ActorMention], start: usize) -> Option<ActorMention> {
    let mut k = start;
    while k > 0 && start - k < 3 && (plain(s, k - 1) && !s.verb(k - 1) || matches!(s.words[k - 1], "a" | "an" | "the")) {
        k -= 1;
    }
    if k < 2 || s.words[k - 1] != "," {
        return None;
    }
    let m = mentions[s.at[k - 2]?];
    m.entity.filter(|e| s.doc.entities[e.index()].kind == EntityType::Person)?;
    Some(m)
}

/// The group a role noun among words `start..end` names when a preposition after it says
/// where or whose its people are (`Health officials in Kenya`, `the president of Kenya`): the
/// mention of the role noun, whose actor takes in the place or the body (see
/// [`mention_actor`]).
pub(super) fn owned_group(s: &Sentence, mentions: &[ActorMention], start: usize, end: usize) -> Option<ActorMention> {
    let m = (start..end.min(s.words.len())).find_map(|k| s.at[k]).map(|x| mentions[x]).filter(|m| m.entity.is_none())?;
    let after = m.end - s.first;
    (after + 1 < end && matches!(s.words[after], "of" | "from" | "for" | "at" | "in")).then_some(m)
}

/// The role noun that heads a speaker's words `start..end` after a possessive (`U.S.
/// President Barack Obama's administration`): the group is the speaker, not the owner named
/// first; its actor takes the owner's country (see [`mention_actor`]).
pub(super) fn possessed_head(s: &Sentence, mentions: &[ActorMention], start: usize, end: usize) -> Option<ActorMention> {
    let end = end.min(s.words.len());
    let m = s.at[end.checked_sub(1)?].map(|x| mentions[x]).filter(|m| m.entity.is_none() && m.end - s.first == end)?;
    let before = (m.first - s.first).checked_sub(1)?;
    (before > start && matches!(s.words[before], "'s" | "’s")).then_some(m)
}

/// True when the preposition before the mention at `start` follows a noun for people that
/// says whose they are (`a responsible source from Egyptian ministry of health`).
pub(super) fn whose(s: &Sentence, start: usize) -> bool {
    let mut j = start;
    while j > 0 && (DETERMINERS.contains(&s.words[j - 1]) || s.words[j - 1].ends_with("'s")) {
        j -= 1;
    }
    j >= 2 && matches!(s.words[j - 1], "of" | "from" | "at") && HEADS.contains(&s.words[j - 2]) && s.at[j - 2].is_none()
}

/// True when the mention `m` is a place that names where the place before it and a comma lies
/// (`in Lima, Peru`): it belongs to that place's phrase, and is an object when that place is.
pub(super) fn place_apposition(s: &Sentence, mentions: &[ActorMention], m: &ActorMention) -> bool {
    let gpe = |m: &ActorMention| m.entity.is_some_and(|e| s.doc.entities[e.index()].kind == EntityType::Gpe);
    let start = m.first - s.first;
    if !gpe(m) || start < 2 || s.words[start - 1] != "," {
        return false;
    }
    s.at[start - 2].map(|x| mentions[x]).is_some_and(|before| gpe(&before) && governed_by_preposition(s, before.first - s.first))
}

/// True when the words before position `start` are a preposition (with a determiner between);
/// not the `of` of a quantity, whose head the actor is (`thousands of people`, `dozens of
/// farmers`, `a group of protesters`).
pub(super) fn governed_by_preposition(s: &Sentence, start: usize) -> bool {
    const QUANTITIES: &[&str] = &["hundreds", "thousands", "tens", "millions", "dozens", "scores", "group", "groups", "crowd", "crowds", "number", "handful"];
    let mut j = start;
    while j > 0 && (DETERMINERS.contains(&s.words[j - 1]) || s.words[j - 1].ends_with("'s") || matches!(s.words[j - 1], "former" | "neither" | "either" | "both")) {
        j -= 1;
    }
    let quantity = j >= 2 && s.words[j - 1] == "of" && QUANTITIES.contains(&s.words[j - 2]) && s.at[j - 2].is_none();
    j > 0 && PREPOSITIONS.contains(&s.words[j - 1]) && !quantity
}

/// The actors after words `from`: after one of `preps` when given (else the first actor),
/// with the actors coordinated with it, before the clause ends.
pub(super) fn objects(s: &Sentence, mentions: &[ActorMention], preps: &[String], from: usize) -> Vec<ActorMention> {
    let mut k = from;
    let mut armed = preps.is_empty();
    let mut armed_at = from;
    let limit = (from + 12).min(s.words.len());
    while k < limit {
        let w = s.words[k];
        if s.at[k].is_none() && (CLAUSE_END.contains(&w) || CONDITIONS.contains(&w) || matches!(w, "." | "that" | "who" | "which" | "because" | "when")) {
            return Vec::new();
        }
        // `a blockade on Gaza, and Egypt ...`: the target is not in the next clause.
        if armed && w == "," && !preps.is_empty() {
            return Vec::new();
        }
        if !armed || PREPOSITIONS.contains(&w) {
            let matched = preps.iter().find_map(|p| opens_with(&s.words[k..], p));
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
            return with_coordinated(s, mentions, titled(s, mentions, m));
        }
        k += 1;
    }
    Vec::new()
}

/// Agents found after `by`, without a possessive pronoun standing for its owner: the noun it
/// owns acts (`was announced by his spokesman`: the spokesman), and is no one the text names
/// when it is no role (`by his agent`).
fn possessor_aside(s: &Sentence, mentions: &[ActorMention], found: Vec<ActorMention>) -> Vec<ActorMention> {
    let Some(m) = found.first() else { return found };
    let (first, end) = (m.first - s.first, m.end - s.first);
    if end != first + 1 || !matches!(s.words[first], "his" | "her" | "its" | "their") || s.words.get(end).is_none_or(|w| !w.starts_with(char::is_alphanumeric)) {
        return found;
    }
    match s.at[end].map(|x| mentions[x]) {
        Some(owned) => with_coordinated(s, mentions, owned),
        None => Vec::new(),
    }
}

/// The actor named after a demonym `m` and the plain words of a title (`Russian President
/// Vladimir Putin`): the demonym describes it. Else `m` itself.
fn titled(s: &Sentence, mentions: &[ActorMention], m: ActorMention) -> ActorMention {
    if m.entity.is_none_or(|e| s.doc.entities[e.index()].kind != EntityType::Norp) {
        return m;
    }
    let end = m.end - s.first;
    let after = (end..(end + 3).min(s.words.len())).find(|&k| !plain(s, k));
    match after.and_then(|k| s.at[k]) {
        Some(x) if after != Some(end) => mentions[x],
        // A role noun right after it is the demonym's people in that role (`the Nicaraguan
        // ambassador`): one mention of both, coded from both.
        Some(x) if mentions[x].entity.is_none() => ActorMention { span: Span { start: m.span.start, end: mentions[x].span.end }, first: m.first, end: mentions[x].end, entity: None },
        _ => m,
    }
}

/// An object mention and the ones coordinated after it (`European allies and Zelensky`,
/// `Britain, France and Germany`). A comma joins only in a list that ends with `and` or `or`:
/// `the Health Minister, Abdel Mutalib Mohammed` is one actor named twice.
pub(super) fn with_coordinated(s: &Sentence, mentions: &[ActorMention], m: ActorMention) -> Vec<ActorMention> {
    let mut found = vec![m];
    let mut sure = 1;
    let mut j = m.end - s.first;
    while j + 1 < s.words.len() {
        // `the World Health Organization (WHO), UNICEF and ...`: an acronym in brackets after a
        // name is passed over.
        if s.words[j] == "(" && s.words.get(j + 2).is_some_and(|w| *w == ")") {
            j += 3;
            continue;
        }
        if !matches!(s.words[j], "and" | "or" | ",") {
            break;
        }
        let comma = s.words[j] == "," && !matches!(s.words[j + 1], "and" | "or");
        let mut k = if s.words[j] == "," && !comma { j + 2 } else { j + 1 };
        if s.words.get(k).is_some_and(|w| matches!(&**w, "the" | "a" | "an")) {
            k += 1;
        }
        // A group named by a role noun after a word or two that describe it (`the Mexican Army
        // and drug hitmen`, `and local farmers`).
        let described = (k..(k + 3).min(s.words.len())).find(|&q| !plain(s, q)).filter(|&q| q > k && s.at[q].is_some_and(|x| mentions[x].entity.is_none()));
        let k = described.unwrap_or(k);
        let Some(next) = s.at.get(k).copied().flatten().map(|x| mentions[x]) else { break };
        // `a blockade on Gaza, and Egypt restricts ...`: an actor right before a verb is the
        // subject of a clause of its own.
        if next.end - s.first < s.words.len() && s.verb(next.end - s.first) {
            break;
        }
        found.push(next);
        if !comma {
            sure = found.len();
        }
        j = next.end - s.first;
    }
    found.truncate(sure);
    found
}

/// People named by a common noun right after word `from` (`four vendors`, `hundreds of
/// residents`): an actor with no entity, coded later as the people of the article's country.
pub(super) fn people_object(s: &Sentence, from: usize) -> Option<Actor> {
    noun_object(s, from, PEOPLE, |k, w| {
        !(s.at[k].is_some() || CLAUSE_END.contains(&w) || matches!(w, "," | "." | "that" | "to" | "for" | "in" | "at" | "on"))
    })
}

/// Nouns for places where people live: an attack on one is an attack on its people.
pub(super) const SETTLEMENTS: &[&str] = &["village", "villages", "town", "towns", "camp", "camps", "settlement", "settlements", "neighbourhood", "neighborhood", "market", "hamlet"];

/// A settlement named by a common noun right after word `from`, or after `in`, `on` or `at`
/// (`stormed a village`, `raided in a village`): an actor with no entity, coded later as the
/// people of the article's country.
pub(super) fn settlement_object(s: &Sentence, from: usize) -> Option<Actor> {
    noun_object(s, from, SETTLEMENTS, |k, w| DETERMINERS.contains(&w) || plain(s, k) || matches!(w, "in" | "on" | "at" | "into"))
}

/// An actor with no entity named by one of `nouns` within five words from word `from`, the
/// words before it all ones that `passes(k, word)` lets the search go over.
fn noun_object(s: &Sentence, from: usize, nouns: &[&str], passes: impl Fn(usize, &str) -> bool) -> Option<Actor> {
    let doc = s.doc;
    for k in from..(from + 5).min(s.words.len()) {
        let w = s.words[k];
        if nouns.contains(&w) {
            let span = Span { start: doc.tokens[s.first + from].span.start, end: doc.tokens[s.first + k].span.end };
            return Some(Actor { entity: None, span, name: doc.text()[span].to_string(), code: None });
        }
        if !passes(k, w) {
            return None;
        }
    }
    None
}

/// Who an allegation ending at word `end` accuses: the subject of the clause it says (`alleged
/// that border guards had taken bribes`), for a cue of code 112; none otherwise.
pub(super) fn accused(s: &Sentence, mentions: &[ActorMention], code: &str, end: usize) -> Vec<ActorMention> {
    match code.starts_with("112") && s.words.get(end).is_some_and(|w| *w == "that") {
        true => direct_object(s, mentions, end + 1),
        false => Vec::new(),
    }
}

/// Whom a criticism or a complaint said in the words after word `end` is aimed at: the
/// subject of what is said (`said the government's crackdown was unacceptable`, `complained
/// that officials had ignored warnings`).
pub(super) fn criticized(s: &Sentence, mentions: &[ActorMention], end: usize) -> Vec<ActorMention> {
    let from = if s.words.get(end).is_some_and(|w| *w == "that") { end + 1 } else { end };
    direct_object(s, mentions, from)
}

/// The direct object after word `from`: an actor mention within three words (determiners,
/// adjectives, titles between), before any preposition.
pub(super) fn direct_object(s: &Sentence, mentions: &[ActorMention], from: usize) -> Vec<ActorMention> {
    for k in from..(from + 4).min(s.words.len()) {
        if let Some(m) = s.at[k].map(|x| mentions[x]) {
            return with_coordinated(s, mentions, titled(s, mentions, m));
        }
        let w = s.words[k];
        if PREPOSITIONS.contains(&w) || CLAUSE_END.contains(&w) || CONDITIONS.contains(&w) || matches!(w, "," | "." | "that" | "because" | "when") {
            break;
        }
    }
    Vec::new()
}

/// True for a place written as where something comes from (`imports from the United
/// States`): not where an event happens.
fn origin(doc: &Document, sentence: Span, m: Span) -> bool {
    let before = doc.text()[sentence.start as usize..m.start as usize].trim_end();
    let before = before.strip_suffix("the").map_or(before, str::trim_end);
    before.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w.eq_ignore_ascii_case("from"))
}

/// The people of the place nearest the cue in its sentence (`protests in Anchorage`), else of
/// the article's main country (`the daily vigils continued`): the place's country's civilians.
pub(super) fn place_people(s: &Sentence, i: usize, cue_end: usize) -> Option<Actor> {
    let doc = s.doc;
    let cue = Span { start: doc.tokens[s.first + i].span.start, end: doc.tokens[s.first + cue_end - 1].span.end };
    let sentence = Span { start: doc.tokens[s.first].span.start, end: doc.tokens[s.first + s.words.len() - 1].span.end };
    let nearest = s
        .layers
        .places_in(sentence)
        .iter()
        .map(|&(m, i)| (&doc.places[i], m))
        .filter(|(p, m)| p.country.is_some() && sentence.contains(*m) && !origin(doc, sentence, *m))
        .min_by_key(|(_, m)| m.start.abs_diff(cue.start));
    let Some((place, span)) = nearest else {
        let country = s.layers.main_country.clone()?;
        return Some(Actor { entity: None, span: cue, name: format!("people of {country}"), code: Some(format!("{country}CVL")) });
    };
    let alpha3 = doc.entities[place.entity.index()].country.clone();
    Some(Actor {
        entity: None,
        span,
        name: format!("people in {}", &doc.text()[span]),
        code: alpha3.map(|c| format!("{c}CVL")),
    })
}
