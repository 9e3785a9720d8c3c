//! Actor codes: what the text says an actor is (an organization it belongs to, a country and
//! a sector), from the entity layer, the words of its mention and the descriptions beside a
//! person's name.

use super::*;

/// A quote's speaker as an actor: its entity, or its words (coded later when they say what it
/// is: `health officials`, `the ministry`).
pub(super) fn speaker_actor(doc: &Document, speaker: &crate::quotes::Speaker) -> Actor {
    match speaker.entity {
        Some(entity) => actor(doc, speaker.span, entity),
        None => Actor { entity: None, span: speaker.span, name: doc.text()[speaker.span].to_string(), code: None },
    }
}

pub(super) fn actor(doc: &Document, span: Span, entity: EntityId) -> Actor {
    let e = &doc.entities[entity.index()];
    // A sector alone (`MED` for a news agency) takes the entity's country: `PRKMED`.
    let code = match (e.actor.as_deref(), e.country.as_deref()) {
        (Some(a), Some(c)) if a.len() == 3 && !a.starts_with(c) && !matches!(a, "IGO" | "NGO" | "MNC") && !is_country(a) => Some(format!("{c}{a}")),
        _ => e.actor.clone(),
    };
    Actor { entity: Some(entity), span, name: e.name.clone(), code }
}

/// The country an actor code opens with (`USA` of `USAGOV`), if it opens with one.
pub(super) fn code_country(code: &str) -> Option<&str> {
    code.get(..3).filter(|c| is_country(c))
}

/// True for an ISO alpha-3 country code.
pub(super) fn is_country(code: &str) -> bool {
    code.len() == 3 && Resources::shared().is_ok_and(|r| r.tables.country(code).is_some())
}

impl Events {
    /// Every mention of an organization with a code, sorted by start.
    pub(super) fn org_mentions(&self, doc: &Document) -> Vec<(Span, String)> {
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
    pub(super) fn org_code(&self, o: &crate::document::Entity) -> Option<String> {
        if o.actor.is_some() {
            return o.actor.clone();
        }
        let code = |name: &str| {
            self.resources
                .lookup(name)
                .into_iter()
                .find(|n| n.primary && n.kind == crate::resources::NameKind::Organization)
                .map(|n| self.resources.tables.organizations[n.id as usize].cameo.as_str())
                .filter(|c| !c.is_empty())
        };
        // A known organization named after the body it belongs to (`United Nations Food and
        // Agriculture Organization`, `UN World Health Organization`) is the known one.
        if let Some(c) = o.name.match_indices(' ').take(3).find_map(|(at, _)| code(&o.name[..at]).and_then(|_| code(&o.name[at + 1..]))) {
            return Some(c.to_string());
        }
        // An international body is an IGO, unless its last word names a society, a charity or
        // the like (`International AIDS Society` → NGO).
        if international(&o.name) {
            let head = o.name.rsplit(' ').next().map(crate::chars::lowercase);
            let ngo = head.is_some_and(|h| self.affixes.get(h.as_ref()).is_some_and(|s| *s == "NGO"));
            return Some(if ngo { "NGO" } else { "IGO" }.into());
        }
        // A known company's name with a word of its legal form or its group after it (`Aer
        // Lingus Group PLC`).
        const FORMS: &[&str] = &["group", "plc", "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "corporation", "co.", "company", "holdings", "ag", "sa", "s.a.", "nv", "n.v.", "se", "spa"];
        let mut bare = o.name.as_str();
        while let Some((rest, _)) = bare.rsplit_once(' ').filter(|(_, w)| FORMS.contains(&crate::chars::lowercase(w.trim_end_matches(',')).as_ref())) {
            bare = rest.trim_end_matches(',');
            if let Some(c) = code(bare) {
                return Some(c.to_string());
            }
        }
        let first = o.name.split_whitespace().next()?;
        if !first.starts_with(char::is_uppercase) {
            return None;
        }
        code(first).map(str::to_string)
    }
}

/// True for an organization whose name says it is international (`World Organisation for
/// Animal Health`, `International Atomic Energy Agency`) and names no country outside the
/// words that say so (`American` in `Pan American Health Organization` is none).
pub(super) fn international(name: &str) -> bool {
    const WORDS: &[&str] = &["World", "International", "Global", "Intergovernmental", "Worldwide", "United Nations", "Inter-American", "Pan American"];
    let Some(word) = WORDS.iter().find(|w| name.contains(*w)) else { return false };
    Resources::shared().is_ok_and(|r| {
        !name.split(word).flat_map(str::split_whitespace).any(|w| r.lookup(w).iter().any(|n| n.primary && matches!(n.kind, crate::resources::NameKind::Country | crate::resources::NameKind::Demonym)))
    })
}

/// What the text says an actor is: the code of an organization it belongs to, a country and a
/// sector (`David Nabarro, the United Nations coordinator` → IGOUNO; `The president of France,
/// Nicolas Sarkozy` → FRA, GOV).
#[derive(Clone, Debug, Default)]
pub(super) struct Description {
    pub(super) org: Option<String>,
    pub(super) country: Option<String>,
    pub(super) sector: Option<String>,
}

/// What coding the actors of one document needs.
pub(super) struct Context<'a> {
    pub(super) doc: &'a Document,
    /// Organization mentions with a code, sorted by start.
    pub(super) orgs: &'a [(Span, String)],
    /// Mentions of countries and their peoples (GPE and NORP entities with a country), with
    /// the alpha-3 code, sorted by start.
    pub(super) countries: &'a [(Span, String)],
    pub(super) main_country: Option<&'a str>,
    /// For each token, whether it lies in a name (`Food and Agriculture Organization`).
    pub(super) in_name: &'a [bool],
    /// Each person's description, found once.
    pub(super) described: &'a mut HashMap<EntityId, Description, FxBuild>,
}

/// Every mention of a GPE or NORP entity with a country, sorted by start.
pub(super) fn countries(doc: &Document) -> Vec<(Span, String)> {
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
pub(super) fn first_inside(sorted: &[(Span, String)], span: Span) -> Option<&str> {
    let from = sorted.partition_point(|(s, _)| s.start < span.start);
    sorted[from..].iter().take_while(|(s, _)| s.start < span.end).find(|(s, _)| span.contains(*s) && *s != span).map(|(_, c)| c.as_str())
}

/// The country the document is most about: the one its places name most.
pub(super) fn main_country(doc: &Document) -> Option<String> {
    let mut counts: HashMap<&str, usize, FxBuild> = HashMap::default();
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
    pub(super) fn sector_of(&self, word: &str) -> Option<&'static str> {
        let r = self.resources;
        let lower = crate::chars::lowercase(word);
        for n in r.lookup_folded(&lower) {
            match n.kind {
                crate::resources::NameKind::Role => return Some(&r.tables.roles[n.id as usize].sector),
                crate::resources::NameKind::Title if word.starts_with(char::is_uppercase) => return Some(&r.tables.titles[n.id as usize].sector),
                _ => {}
            }
        }
        HEADS.contains(&lower.as_ref()).then_some("")
    }

    /// The description of a person next to one of their names, token range `first..end`: an
    /// apposition after the name (`, the United Nations coordinator for bird flu,`), one before
    /// it (`The president of France, `), or words before it that end in a post (`WHO
    /// spokesman`), or a relative clause a few words after it (`, in Rome on Wednesday and who
    /// is head of the OIE's taskforce`). A description names a post; the words of one are read
    /// by `describe`.
    pub(super) fn descriptions(&self, cx: &Context, first: usize, end: usize) -> [Option<(usize, usize)>; 4] {
        let doc = cx.doc;
        let text = doc.text();
        let word = |k: usize| &text[doc.tokens[k].span];
        let si = doc.sentences.partition_point(|s| s.end_token.index() <= first);
        let Some(sentence) = doc.sentences.get(si) else { return [None; 4] };
        let (lo, hi) = (sentence.first_token.index(), sentence.end_token.index());
        let stop = |k: usize| {
            let w = word(k);
            !cx.in_name[k] && (!w.starts_with(char::is_alphanumeric) && w != "'s" && w != "’s" && w != "-" || matches!(w, "and" | "or" | "that" | "who" | "which"))
        };
        let posts = |a: usize, b: usize| (a..b).any(|k| self.sector_of(word(k)).is_some());
        // After: `, DESCRIPTION,` (or up to the verb: `, regional adviser ... of the WHO said`;
        // an auxiliary opens the predicate: `, have launched a crackdown on smugglers`).
        // (A word of a name is none: `the International AIDS Society`.)
        let verb = |k: usize| {
            let w = crate::chars::lowercase(word(k));
            !cx.in_name[k] && (self.verbs.contains(w.as_ref()) || crate::quotes::is_finite(&w))
        };
        // (A past form right after a post is the clause's verb: `, the firm wanted to reduce
        // costs at Opel`.)
        let past = |k: usize| k > end + 1 && word(k).ends_with("ed") && word(k).starts_with(char::is_lowercase) && self.sector_of(word(k - 1)).is_some();
        let after = (end < hi && word(end) == ",").then(|| {
            let mut k = end + 1;
            while k < hi && k < end + 17 && !stop(k) && !verb(k) && !past(k) {
                k += 1;
            }
            (end + 1, k)
        });
        // Not a phrase that joins another actor (`, along with the Ugandan president,`).
        let joins = |k: usize| PREPOSITIONS.contains(&crate::chars::lowercase(word(k)).as_ref()) || matches!(word(k), "along" | "together" | "as");
        let after = after.filter(|&(a, b)| a < b && !joins(a) && posts(a, b));
        // Before, set off by a comma: `The Jamaican Prime Minister, Bruce Golding`; not a
        // phrase of place, time or manner (`In Paris,`, `After meeting the president,`).
        // An acronym in brackets is passed over (`The Deputy Director of the Pan American Health
        // Organization (PAHO), Jon Andrus`).
        let before = (first > lo && word(first - 1) == ",").then(|| {
            let mut k = first - 1;
            while k > lo && k + 15 > first {
                if k >= lo + 3 && word(k - 1) == ")" && word(k - 3) == "(" {
                    k -= 3;
                } else if !stop(k - 1) || matches!(word(k - 1), "and" | "or") {
                    k -= 1;
                } else {
                    break;
                }
            }
            (k, first - 1)
        });
        let before = before.and_then(|(a, b)| {
            // `According to FAO team leader, Juan Lubroth`: what follows `according to` is.
            let a = if word(a).eq_ignore_ascii_case("according") && a + 2 < b { a + 2 } else { a };
            let mut a2 = a;
            while a2 < b && DETERMINERS.contains(&crate::chars::lowercase(word(a2)).as_ref()) {
                a2 += 1;
            }
            let lead = crate::chars::lowercase(word(a2));
            (a2 < b && !PREPOSITIONS.contains(&lead.as_ref()) && !lead.ends_with("ing") && posts(a, b)).then_some((a, b))
        });
        // Right before, ending in a post (`WHO Africa regional director Luis Sambo`), or in a
        // post and the place it is for, which says nothing of whose the post is (`Special
        // Representative of the UN Secretary-General for South Sudan David Shearer`).
        let post_end = if first > lo && self.sector_of(word(first - 1)).is_some() {
            Some(first)
        } else {
            let mut k = first;
            while k > lo && k + 4 > first && word(k - 1).starts_with(char::is_uppercase) {
                k -= 1;
            }
            // (`then_some` would compute `k - 1` before the test: not at the sentence's start.)
            if k < first && k > lo + 1 && word(k - 1) == "for" && self.sector_of(word(k - 2)).is_some() {
                Some(k - 1)
            } else {
                None
            }
        };
        let modifier = post_end.map(|first| {
            let mut k = first - 1;
            while k > lo && k + 9 > first && !stop(k - 1) && !self.verbs.contains(crate::chars::lowercase(word(k - 1)).as_ref()) {
                k -= 1;
            }
            (k, first)
        });
        // `who is` or `who was` a few words after the name, after a comma or `and`.
        let relative = (end..hi.min(end + 14)).find(|&k| word(k) == "who" && k > end && matches!(word(k - 1), "," | "and")).and_then(|k| {
            let is = k + 1 < hi && matches!(word(k + 1), "is" | "was");
            let mut b = k + 2;
            while is && b < hi && b < k + 14 && !stop(b) && !verb(b) {
                b += 1;
            }
            (is && posts(k + 2, b)).then_some((k + 2, b))
        });
        [after, before, relative, modifier]
    }

    /// What the words of tokens `first..end` say an actor is: the first organization with a
    /// code, the first country, the first sector.
    pub(super) fn describe(&self, cx: &Context, first: usize, end: usize) -> Description {
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
        // A company's description that owns the post (`the company's vice president`).
        let owner = || {
            (first..end.saturating_sub(2)).find_map(|k| {
                let owned = matches!(&text[doc.tokens[k + 2].span], "'s" | "’s");
                owned.then(|| named_company(cx, Span { start: doc.tokens[k].span.start, end: doc.tokens[k + 1].span.end })).flatten()
            })
        };
        // Or one that the description is (`, the firm`).
        let org = org.or_else(owner).or_else(|| named_company(cx, span));
        let country = first_inside(cx.countries, span).or_else(|| cx.countries.iter().find(|(s, _)| *s == span).map(|(_, c)| c.as_str())).map(str::to_string);
        // The kind of body a name in it says the post is in (`president of the International
        // AIDS Society` → NGO), else the post's own (`president` → GOV).
        let capitalized = |k: usize| Some(&text[doc.tokens[k].span]).filter(|w| w.starts_with(char::is_uppercase));
        let body = (first..end).find_map(|k| self.affixes.get(crate::chars::lowercase(capitalized(k)?).as_ref()).map(|s| (k, *s)));
        // A post of two words before a post's word alone, and before a body's word that opens
        // it (`the White House Press Secretary` is GOV; `Press` alone, as in `Associated
        // Press`, MED): not otherwise (`former President of the British Veterinary
        // Association` is the association's, NGO). (In lower case, the roles lexicon's.)
        let word = |k: usize| &text[doc.tokens[k].span];
        let pair = (first..end.saturating_sub(1))
            .find_map(|k| self.sector_of(&format!("{} {}", word(k), word(k + 1)).to_lowercase()).map(|s| (k, s)))
            .filter(|&(k, _)| body.is_none_or(|(b, _)| b == k));
        let sector = pair
            .or(body)
            .map(|(_, s)| s)
            .or_else(|| (first..end).find_map(|k| self.sector_of(&text[doc.tokens[k].span]).filter(|s| !s.is_empty())))
            .map(str::to_string);
        Description { org, country, sector }
    }

    /// A person's description from the first of their names that has one.
    pub(super) fn person(&self, cx: &mut Context, entity: EntityId) -> Description {
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
    pub(super) fn code(&self, cx: &mut Context, a: &mut Actor) {
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
        let org_code = entity.filter(|e| e.kind == EntityType::Org).and_then(|e| self.org_code(e));
        // A name read as an organization that has no code of its own may be a person's with a
        // post beside it (`UN humanitarian coordinator for South Sudan, Eugene Owusu`): its
        // description says what it is, as a person's does.
        let described = match a.entity.map(|e| (e, doc.entities[e.index()].kind)) {
            Some((e, EntityType::Person)) => self.person(cx, e),
            Some((e, EntityType::Org)) if org_code.is_none() => Description { org: self.person(cx, e).org, ..Description::default() },
            _ => Description::default(),
        };
        if let Some(code) = described.org {
            a.code = Some(code);
            return;
        }
        if let Some(code) = org_code {
            a.code = Some(code);
            return;
        }
        if let Some(code) = entity.is_none().then(|| named_company(cx, a.span)).flatten() {
            a.code = Some(code);
            return;
        }
        let mut country = entity.and_then(|e| e.country.clone()).or(described.country).or_else(|| first_inside(cx.countries, a.span).map(str::to_string));
        let mut sector: Option<String> = described.sector;
        let text = doc.text();
        // The entity's name and the mention's words (not again when the name holds them:
        // `Trump` of `Donald Trump`).
        let mention = &text[a.span];
        let again = entity.is_none_or(|e| !e.name.contains(mention));
        let words = entity.map(|e| e.name.as_str()).into_iter().chain(again.then_some(mention)).flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'));
        let r = self.resources;
        // (Names of two or three words are looked for in a mention of as many.)
        let all: Vec<String> = if mention.contains(char::is_whitespace) { mention.split_whitespace().map(str::to_lowercase).collect() } else { Vec::new() };
        // A role of two words (`aid agencies`).
        if sector.is_none() {
            sector = all.windows(2).find_map(|w| r.lookup_folded(&w.join(" ")).find(|n| n.kind == crate::resources::NameKind::Role).map(|n| r.tables.roles[n.id as usize].sector.clone()));
        }
        // A country or people of two or three words (`United States President`, `the South
        // Sudanese government`), before its last word alone names another (`Sudanese`).
        if country.is_none() {
            country = (2..=3)
                .flat_map(|n| all.windows(n).map(|w| w.join(" ")).collect::<Vec<_>>())
                .find_map(|name| {
                    r.lookup_folded(&name)
                        .find(|n| n.primary && matches!(n.kind, crate::resources::NameKind::Country | crate::resources::NameKind::Demonym))
                        .map(|n| r.tables.countries[n.id as usize].alpha3.clone())
                });
        }
        // A person's own name says nothing of their country (`Neil Jordan`, `Chad Smith`).
        let own_name = |w: &str| entity.is_some_and(|e| e.kind == EntityType::Person && e.name.split_whitespace().any(|n| n == w));
        for w in words.filter(|w| !w.is_empty()) {
            let lower = crate::chars::lowercase(w);
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
                    crate::resources::NameKind::Country | crate::resources::NameKind::Demonym if country.is_none() && n.primary && !own_name(w) => {
                        country = Some(r.tables.countries[n.id as usize].alpha3.clone())
                    }
                    _ => {}
                }
            }
            if sector.is_none() {
                sector = self.affixes.get(lower.as_ref()).map(|s| s.to_string());
            }
        }
        // Else the one country its sentence names before it, when that is not the article's
        // main one (`people in Peru fell ill, and the government ...`): in an article about
        // several countries, the sentence says which it is about; else the article's. Aid
        // agencies and other NGOs take neither (they are of no country unless their words say
        // so): where they work is not where they come from.
        let ngo = sector.as_deref() == Some("NGO");
        // A group of a continent (`African leaders`, `authorities across Europe`).
        let country = country.or_else(|| continent_of(text, a.span).map(str::to_string));
        let country = country.or_else(|| entity.is_none().then(|| owner_country(cx, a.span).or_else(|| country_after(cx, a.span))).flatten());
        let country = country.or_else(|| (entity.is_none() && !ngo).then(|| same_sector_country(cx, a.span, sector.as_deref())).flatten());
        let country = country.or_else(|| local_country(cx, a.span).filter(|_| !ngo));
        let country = country.or_else(|| cx.main_country.filter(|_| !ngo).map(str::to_string));
        a.code = match (country, sector) {
            (Some(c), Some(s)) => Some(format!("{c}{s}")),
            (Some(c), None) if entity.is_some() => Some(c),
            // People named by a common noun (`four vendors`) are civilians of that country.
            // So are the people of a settlement (`stormed a village`).
            (Some(c), None) if PEOPLE.iter().chain(SETTLEMENTS).any(|p| text[a.span].to_lowercase().ends_with(p)) => Some(format!("{c}CVL")),
            (None, Some(s)) => Some(s),
            _ => None,
        };
    }
}

/// What a company's definite description (`the company`, `the firm`) stands for: the code of
/// a company the lexicon knows named before it, in its sentence or the three before: the first
/// named in the last sentence that names one, as the subject comes first (`According to Fiat's
/// announcement, the company has told the US Treasury`; `General Motors said it would axe jobs
/// at its European division, Opel. According to the company's vice president`).
fn named_company(cx: &Context, span: Span) -> Option<String> {
    const DESCRIPTIONS: &[&str] = &["the company", "the firm", "the corporation", "the automaker", "the carmaker"];
    let doc = cx.doc;
    let said = crate::chars::lowercase(&doc.text()[span]);
    if !DESCRIPTIONS.contains(&said.as_ref()) {
        return None;
    }
    let si = doc.sentences.partition_point(|s| s.span.end <= span.start);
    let from = doc.sentences.get(si.saturating_sub(3))?.span.start;
    // (A company's code: not a central bank's, `USAGOVBUS`.)
    let company = |c: &str| c.ends_with("BUS") && !c.contains("GOV") || c.starts_with("MNC");
    // (The organizations named in those sentences, found by halving: the work is the window's.)
    let window = &cx.orgs[cx.orgs.partition_point(|(s, _)| s.start < from)..cx.orgs.partition_point(|(s, _)| s.start < span.start)];
    window
        .iter()
        .filter(|(s, c)| s.end <= span.start && company(c))
        .max_by_key(|(s, _)| (doc.sentences.partition_point(|x| x.span.end <= s.start), std::cmp::Reverse(s.start)))
        .map(|(_, c)| c.clone())
}

/// The CAMEO region of a continent that a group's words name, or that the words right after
/// them say it is in (`African leaders`, `authorities across Europe`).
fn continent_of(text: &str, span: Span) -> Option<&'static str> {
    // Continents' adjectives, which the tables do not hold.
    const ADJECTIVES: &[(&str, &str)] = &[("African", "AF"), ("European", "EU"), ("Asian", "AS")];
    let r = Resources::shared().ok()?;
    let code = |w: &str| {
        let continent = ADJECTIVES.iter().find(|(a, _)| *a == w).map(|&(_, c)| c).or_else(|| r.tables.continents.iter().find(|c| c.name == w).map(|c| c.code.as_str()));
        continent.and_then(continent_region)
    };
    if let Some(c) = text[span].split_whitespace().find_map(code) {
        return Some(c);
    }
    let mut after = text[span.end as usize..].split_whitespace().take(3);
    match after.next() {
        Some("in" | "across" | "throughout" | "from") => after
            .find(|w| !matches!(*w, "the" | "all" | "southern" | "northern" | "eastern" | "western" | "central"))
            .and_then(|w| code(w.trim_end_matches([',', '.', ';']))),
        _ => None,
    }
}

/// The CAMEO region of a continent by its code (`AF` → AFR); none for one CAMEO has no code
/// for.
fn continent_region(continent: &str) -> Option<&'static str> {
    Some(match continent {
        "AF" => "AFR",
        "EU" => "EUR",
        "AS" => "ASA",
        "NA" => "NMR",
        "SA" => "SAM",
        _ => return None,
    })
}

/// The one country the sentence around `span` names before it, when the sentence names no
/// other and it is not the article's main country.
fn local_country(cx: &Context, span: Span) -> Option<String> {
    let sentences = &cx.doc.sentences;
    let sentence = sentences.get(sentences.partition_point(|s| s.span.end <= span.start)).filter(|s| s.span.contains(span))?.span;
    let from = cx.countries.partition_point(|(s, _)| s.start < sentence.start);
    let mut named = cx.countries[from..].iter().take_while(|(s, _)| s.end <= sentence.end).map(|(_, c)| c.as_str());
    let first = named.clone().next()?;
    let before = cx.countries[from..].iter().take_while(|(s, _)| s.end <= span.start).count() > 0;
    (before && named.all(|c| c == first) && Some(first) != cx.main_country).then(|| first.to_string())
}

/// The country a group's phrase runs on to (`victims of post-election violence in Kenya`,
/// `farmers from Kenya`): one named within a few words (80 bytes) after `span`, in
/// prepositional phrases on the group's noun (the first word after it and the last before the
/// country are `in`, `from` or `of`, `the` aside), with no punctuation between. Not `told
/// people to stay away from Ugandan caves`: that phrase is the verb's.
fn country_after(cx: &Context, span: Span) -> Option<String> {
    let text = cx.doc.text();
    let from = cx.countries.partition_point(|(s, _)| s.start < span.end);
    let (mention, country) = cx.countries.get(from).filter(|(m, _)| m.start < span.end + 80)?;
    let between = text.get(span.end as usize..mention.start as usize)?;
    let words: Vec<&str> = between.split_whitespace().collect();
    let preposition = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "in" | "from" | "of"));
    let placed = preposition(words.first()) && preposition(words.iter().rev().find(|w| !w.eq_ignore_ascii_case("the")));
    (placed && words.len() <= 5 && !between.contains(|c: char| c.is_ascii_punctuation() && c != '-')).then(|| country.clone())
}

/// The country whose possessive a group's phrase opens with (`Iran's foreign minister`, `South
/// Korea's military`): a country named right before `'s`, a few words before `span`.
fn owner_country(cx: &Context, span: Span) -> Option<String> {
    let text = cx.doc.text();
    let to = cx.countries.partition_point(|(s, _)| s.start < span.start);
    let (mention, country) = cx.countries[..to].last().filter(|(m, _)| m.end <= span.start && m.end + 40 > span.start)?;
    let between = text.get(mention.end as usize..span.start as usize)?;
    let rest = between.strip_prefix("'s").or_else(|| between.strip_prefix("’s"))?;
    (rest.starts_with(' ') && rest.split_whitespace().count() <= 3 && !rest.contains(|c: char| c.is_ascii_punctuation() && c != '-')).then(|| country.clone())
}

/// The country of armed forces or police its sentence named before (`Israeli troops killed
/// ..., the army said`: the Israeli army): a country or a people right before a role noun of
/// the same sector, the nearest such. (Other groups of one sector are often not one: `Sudanese
/// refugees` and the displaced people of Chad.)
fn same_sector_country(cx: &Context, span: Span, sector: Option<&str>) -> Option<String> {
    let (sector, doc) = (sector.filter(|s| matches!(*s, "MIL" | "COP"))?, cx.doc);
    let r = Resources::shared().ok()?;
    let sentence = doc.sentences.get(doc.sentences.partition_point(|s| s.span.end <= span.start)).filter(|s| s.span.contains(span))?.span;
    let from = cx.countries.partition_point(|(s, _)| s.start < sentence.start);
    let to = cx.countries.partition_point(|(s, _)| s.start < span.start);
    // (The nearest few: the work per group stays bounded in a sentence of hundreds of names.)
    cx.countries[from..to].iter().rev().take(8).find_map(|(m, country)| {
        let next = doc.text()[m.end as usize..span.start as usize].split_whitespace().next()?;
        let word = crate::chars::lowercase(next.trim_end_matches([',', '.', ';']));
        let role = r.lookup_folded(&word).find(|n| n.kind == crate::resources::NameKind::Role)?;
        (r.tables.roles[role.id as usize].sector == sector).then(|| country.clone())
    })
}

/// The alpha-3 code of a place's country.
pub(super) fn place_country(doc: &Document, place: usize) -> Option<String> {
    let r = Resources::shared().ok()?;
    r.tables.country(doc.places[place].country.as_deref()?).map(|c| c.alpha3.clone())
}

/// The CAMEO code of the continent a place that is a continent or a region lies on (`Africa`,
/// `West Africa` → AFR), when all of a region's countries lie on one continent.
pub(super) fn place_region(doc: &Document, place: usize) -> Option<&'static str> {
    let p = &doc.places[place];
    let r = Resources::shared().ok()?;
    let continent = match p.feature {
        Feature::Continent => r.tables.continents.iter().find(|c| c.name.eq_ignore_ascii_case(&p.name))?.code.as_str(),
        Feature::Region => {
            let region = r.tables.regions.iter().find(|g| g.name.eq_ignore_ascii_case(&p.name))?;
            let mut continents = region.countries.iter().map(|c| r.tables.country(c).map(|c| c.continent.as_str()));
            let first = continents.next()??;
            continents.all(|c| c == Some(first)).then_some(first)?
        }
        _ => return None,
    };
    continent_region(continent)
}
