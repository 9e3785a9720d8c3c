//! Quotes: direct, partial and reported speech, each with its cue and its speaker.
//!
//! 1. **Quote marks** are paired per paragraph with a stack (`“ ”`, `« »`, `„ “`, and
//!    straight `"` by alternation); apostrophes (`There’s`, `Putin’s`, `’90s`) are never quote
//!    marks. A quote left open at the end of a paragraph goes on when the next paragraph opens
//!    with a quote mark (the convention for quotes over several paragraphs); otherwise it is
//!    dropped, and the article goes on.
//! 2. **Cues** are reporting verbs and phrases (`said`, `posted`, `according to`, `as saying`,
//!    `quoted as saying`, `went on to say`, `described as`, `point out`, `issued a
//!    statement`). Verbs of belief (`believe`, `fear`), directives (`urged`, `asked`), nouns
//!    (`the report`, `a statement`) and infinitives of purpose (`to confirm`) are not cues.
//!    A quoted passage with a cue next to it (`X said, “...”`, `X said that “...”`, `“...,” X
//!    said`) is **direct**; a quoted phrase inside a clause governed by a cue (`described the
//!    summit as a “feel-out meeting”`) is **partial**; quoted words with no cue (`a shirt with
//!    “USSR” written on it`) are not attributions. A quote right after one attributed after
//!    its closing mark (`“A,” said X. “B.”`), or after the cue of a split quote (`“A,” says
//!    X, “B.”`), has the same speaker and cue.
//! 3. **Reported speech**: a speaker, a cue and the clause after it (`X stated that ...`,
//!    `X said on Friday that ...`, `X told reporters he ...`, `X warned of ...`, `X said the
//!    cases are related`, `according to X, ...`, `..., X said.`), or an object and its
//!    predicate (`accused X of Y`, `called X Y`). The clause ends at the sentence's end or
//!    where another clause with a cue of its own begins (`, the Kremlin indicated`, `but
//!    denied`, `; he said`). Quoted words inside the clause are partial quotes of that cue
//!    (or its direct quote when they are the whole clause), and the clause around them is
//!    not annotated again. Reporting clauses nested in the content get their own
//!    attributions.
//! 4. **Speakers** are the cue's subject noun phrase, as the speaker's own mention: with its
//!    determiner and titles (`the World Health Organization`, `CFIA chief veterinarian Brian
//!    Evans`, `Officials from the Department of Health`), the name of an apposition (`Nyoman
//!    Kandun, a Health Ministry official,` and `The president of France, Nicolas Sarkozy,`),
//!    no relative clause or trailing `(ABBR)`; after the cue when inverted (`said the
//!    minister in a statement`). The entity is the first mention of a person, organization
//!    or place inside the phrase; a phrase without one is kept as text. A passive with no
//!    agent (`It has been reported that`) has no speaker.
//!
//! Every lookup is by sorted position over a bounded window of tokens, so the stage stays
//! linear in the length of the text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityId, EntityType};
use crate::error::Error;
use crate::resources::{fold, folded, FxBuild, Resources};
use crate::span::Span;
use crate::stage::Stage;

/// What kind of attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words in quote marks, attributed (`X said, “...”`).
    Direct,
    /// A quoted phrase inside narration (`described it as a “feel-out meeting”`).
    Partial,
    /// Reported speech without quote marks (`X said that ...`).
    Indirect,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's own mention at the quote (`he`, `the minister`, `Zelensky`).
    pub span: Span,
    /// The entity it resolves to, when the entity layer knows it.
    pub entity: Option<EntityId>,
}

/// One attribution: who said what, with which cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content (inside the quote marks; for reported speech, the clause).
    pub span: Span,
    /// The speaker, when found.
    pub speaker: Option<Speaker>,
    /// The cue (`said`, `according to`), when found.
    pub cue: Option<Span>,
}

/// Configuration of the `quotes` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {}

/// The `quotes` stage.
pub struct Quotes {
    resources: &'static Resources,
    /// The reporting verbs' folded forms, each with its row (the first row, when two verbs
    /// share a form): every word is looked up, and this small table is quicker to ask than
    /// the name index.
    verbs: HashMap<String, u32, FxBuild>,
}

impl Quotes {
    /// Builds the stage.
    pub fn new(_config: QuotesConfig) -> Result<Quotes, Error> {
        let resources = Resources::shared().map_err(Clone::clone)?;
        let mut verbs = HashMap::default();
        for (i, v) in resources.tables.reporting_verbs.iter().enumerate() {
            for form in std::iter::once(&v.lemma).chain(&v.forms) {
                verbs.entry(fold(form)).or_insert(i as u32);
            }
        }
        Ok(Quotes { resources, verbs })
    }
}

/// A pair of quote marks: the content between them (byte offsets).
#[derive(Clone, Copy, Debug)]
struct Marked {
    open: usize,
    close: usize,
}

fn opens(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Quote-mark pairs in `text`, paragraph by paragraph (a paragraph ends at a line break).
fn quote_marks(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // Only these bytes begin a character the rules read: the line break, the straight
        // quote, and the first bytes of `“ ” „` (0xE2) and `« »` (0xC2).
        if !matches!(b, b'\n' | b'"' | 0xE2 | 0xC2) {
            continue;
        }
        let Some(c) = text[i..].chars().next() else { continue };
        if c == '\n' {
            // A quote still open at a paragraph's end goes on only if the next paragraph
            // opens with a quote mark.
            if open.is_some() {
                let rest = text[i..].trim_start();
                if !rest.starts_with(['“', '"', '«']) {
                    open = None;
                }
            }
            continue;
        }
        let prev = || text[..i].chars().next_back().unwrap_or(' ');
        let next = || text[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        match open {
            // A closing mark of either style closes (scraped text mixes `"` and `”`), but a
            // straight mark between a space and a word opens rather than closes.
            Some((start, close)) if (c == close || (matches!(close, '"' | '”') && matches!(c, '"' | '”'))) && !(c == '"' && prev().is_whitespace() && !next().is_whitespace()) => {
                out.push(Marked { open: start, close: i });
                open = None;
            }
            Some((_, _)) if opens(c).is_some() && prev() == '\n' => {
                // A continuation paragraph's opening mark: the quote goes on.
            }
            None => {
                if let Some(close) = opens(c) {
                    open = Some((i + c.len_utf8(), close));
                }
            }
            _ => {}
        }
    }
    out
}

/// The longest reported clause, in tokens.
const MAX_CLAUSE: usize = 150;

/// Auxiliaries and adverbs between a subject and its cue (`has also said`, `, however, have
/// warned`), skipped when looking for the subject.
fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has" | "have" | "had" | "also" | "earlier" | "later" | "previously" | "already" | "now" | "then" | "further"
            | "still" | "just" | "once" | "again" | "first" | "today" | "yesterday" | "is" | "are" | "was" | "were"
            | "be" | "been" | "being" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must"
            | "not" | "n’t" | "n't" | "never" | "do" | "does" | "did" | "however" | "even" | "soon" | "often"
            | "always" | "ever" | "too" | "only"
    ) || (w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase))
}

fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Finite verbs and auxiliaries that show a clause (`the cases are related`) rather than a
/// noun phrase (`reported its fourth case`).
pub(crate) fn is_finite(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "could" | "can" | "may"
            | "might" | "should" | "shall" | "must" | "did" | "does" | "do"
    )
}

/// Words a speaker's noun phrase never contains: verbs, auxiliaries, `to`, relative words.
fn is_verbal(w: &str) -> bool {
    is_be(w)
        || matches!(
            w,
            "has" | "have" | "had" | "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "shall"
                | "do" | "does" | "did" | "not" | "n’t" | "n't" | "to" | "also" | "there"
        )
        || (w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
}

/// Words that end a clause's subject on the left (a boundary, not a mistake).
fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "." | "!" | "?" | "—" | "–" | "that" | "while" | "While" | "whilst" | "but" | "But" | "who"
            | "which" | "whom" | "whose" | "where" | "when" | "because" | "although" | "though" | "if" | "as" | "since"
            | "“" | "”" | "\"" | "«" | "»" | "„"
    )
}

fn is_mark_word(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "«" | "»" | "„")
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "on" | "at" | "after" | "before" | "during" | "since" | "for" | "with" | "by" | "from" | "under" | "over"
            | "last" | "this" | "despite" | "following" | "meanwhile" | "however" | "yet" | "still" | "then"
    )
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "I" | "there" | "you")
}

/// Verbs that ask or order rather than report (`urged`, `asked`): not attributions.
fn is_directive(lemma: &str) -> bool {
    matches!(lemma, "ask" | "urge" | "order" | "implore" | "beg" | "instruct" | "plead" | "advise" | "appeal" | "demand" | "recommend" | "remind" | "thank" | "praise" | "welcome")
}

/// Verbs of attribution with an object and a predicate that the reporting-verb lexicon does
/// not list (it also feeds the name tagger's features, so it stays as it is).
fn extra_lemma(w: &str) -> Option<&'static str> {
    match w {
        "attribute" | "attributes" | "attributed" => Some("attribute"),
        "place" | "places" | "placed" => Some("place"),
        _ => None,
    }
}

/// A verb whose content is an object and its predicate: `called X Y`, `accused X of Y`,
/// `blamed X for Y`, `attributed X to Y`, `declared X to be Y`.
fn object_predicate(lemma: &str) -> Option<&'static [&'static str]> {
    match lemma {
        "call" | "declare" => Some(&[]),
        "accuse" => Some(&["of"]),
        "blame" => Some(&["for"]),
        "attribute" => Some(&["to"]),
        "place" => Some(&["at"]),
        _ => None,
    }
}

/// A quote mark pair's attribution, if any: kind, speaker, cue tokens.
type Marking = Option<(QuoteKind, Option<Speaker>, Option<(usize, usize)>)>;

/// What was found before a cue: its subject, a passive with no agent, or nothing usable.
enum Subject {
    Np(usize, usize),
    Passive,
    None,
}

/// The document, its tokens and mentions, and the lookups the stage makes.
struct Ctx<'a> {
    r: &'static Resources,
    doc: &'a Document,
    text: &'a str,
    /// Per token: the row of its reporting verb, when it is one.
    verb: Vec<Option<u32>>,
    /// Every entity mention as (first token, end token, entity), by start.
    mentions: Vec<(usize, usize, EntityId)>,
    quoted: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.doc.tokens.get(i).map_or("", |t| &self.text[t.span])
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span { start: self.doc.tokens[from].span.start, end: self.doc.tokens[to - 1].span.end }
    }

    fn token_at(&self, offset: u32) -> usize {
        self.doc.tokens.partition_point(|t| t.span.start < offset)
    }

    fn sentence_of(&self, tok: usize) -> usize {
        self.doc.sentences.partition_point(|s| s.end_token.index() <= tok)
    }

    fn sentence_bounds(&self, tok: usize) -> (usize, usize) {
        self.doc
            .sentences
            .get(self.sentence_of(tok))
            .map_or((0, self.doc.tokens.len()), |s| (s.first_token.index(), s.end_token.index()))
    }

    fn lemma(&self, i: usize) -> &'static str {
        match self.verb.get(i).copied().flatten() {
            Some(id) => self.r.tables.reporting_verbs[id as usize].lemma.as_str(),
            None => extra_lemma(self.word(i)).unwrap_or(""),
        }
    }

    /// The lexicon's kind of the reporting verb at `i` (`speech`, `report`, `belief`, ...).
    fn verb_kind(&self, i: usize) -> &'static str {
        self.verb.get(i).copied().flatten().map_or("", |id| self.r.tables.reporting_verbs[id as usize].kind.as_str())
    }

    fn is_mark(&self, i: usize) -> bool {
        is_mark_word(self.word(i))
    }

    /// The cue whose head word is token `i`, as a token range (`said`, `as saying`, `quoted
    /// as saying`, `went on to say`, `described as`, `point out`, `issued a statement`,
    /// `according to`). Beliefs (`believe`, `fear`), directives (`urged`) and infinitives of
    /// purpose (`to confirm`) are not cues.
    fn cue_at(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.quoted.len() || self.quoted[i] {
            return None;
        }
        let w = self.word(i);
        if w.eq_ignore_ascii_case("according") && self.word(i + 1) == "to" {
            return Some((i, i + 2));
        }
        if !w.starts_with(char::is_lowercase) {
            return None;
        }
        if matches!(w, "point" | "points" | "pointed" | "pointing") && self.word(i + 1) == "out" {
            return Some((i, i + 2));
        }
        if matches!(w, "issued" | "issues" | "issue") && self.word(i + 1) == "a" && self.word(i + 2) == "statement" {
            return Some((i, i + 3));
        }
        // Neither a reporting verb nor one of the extra lemmas: no cue (the usual case, so
        // asked before the longer checks).
        if self.verb[i].is_none() && extra_lemma(w).is_none() {
            return None;
        }
        // After a determiner the word is a noun: `The report cautions`, `a statement`.
        if i >= 1 && matches!(self.word(i - 1), "the" | "The" | "a" | "A" | "an" | "An" | "its" | "their" | "his" | "her" | "this" | "This" | "these" | "These" | "no" | "’s" | "'s" | "first" | "second" | "third" | "fourth" | "fifth") {
            return None;
        }
        if extra_lemma(w).is_some() {
            return Some((i, i + 1));
        }
        let id = self.verb[i]?;
        let row = &self.r.tables.reporting_verbs[id as usize];
        if row.kind == "belief" || row.kind == "phrase" || is_directive(&row.lemma) {
            return None;
        }
        let mut from = i;
        if i >= 1 && self.word(i - 1) == "to" {
            // `went on to say`, `hasten to point out`; not `will be done to confirm`.
            if i >= 3 && self.word(i - 2) == "on" && matches!(self.word(i - 3), "went" | "goes" | "go" | "going") {
                from = i - 3;
            } else if !matches!(self.word(i - 2), "hasten" | "hastens" | "hastened" | "continue" | "continued" | "continues") {
                return None;
            }
        }
        if w == "saying" && i >= 1 && self.word(i - 1) == "as" {
            from = if i >= 2 && matches!(self.word(i - 2), "quoted" | "cited") { i - 2 } else { i - 1 };
        }
        let to = if row.lemma == "describe" && self.word(i + 1) == "as" { i + 2 } else { i + 1 };
        Some((from, to))
    }

    fn can_speak(&self, e: EntityId) -> bool {
        matches!(self.doc.entities[e.index()].kind, EntityType::Person | EntityType::Org | EntityType::Gpe)
    }

    /// The first speaker-like mention inside tokens `from..to`.
    fn mention_in(&self, from: usize, to: usize) -> Option<(usize, usize, EntityId)> {
        let i = self.mentions.partition_point(|m| m.0 < from);
        self.mentions[i..].iter().take_while(|m| m.0 < to).find(|m| m.1 <= to && self.can_speak(m.2)).copied()
    }

    /// The speaker for the noun phrase `from..to`, with the entity of a mention inside it: the
    /// first (`Officials from the Department of Health`: the department's; `CFIA chief
    /// veterinarian Brian Evans`), but not a country that only says whose the phrase's last
    /// name is (`The United States automobile firm General Motors`).
    fn speaker(&self, from: usize, to: usize) -> Speaker {
        let first = self.mention_in(from, to);
        if first.is_none_or(|m| self.doc.entities[m.2.index()].kind != EntityType::Gpe) {
            return Speaker { span: self.span(from, to), entity: first.map(|m| m.2) };
        }
        let i = self.mentions.partition_point(|m| m.0 < from);
        let head = self.mentions[i..].iter().take_while(|m| m.0 < to).filter(|m| m.1 == to && m.0 > from && self.can_speak(m.2)).last().copied().filter(|m| {
            let mut k = m.0;
            while k > from && ["the", "a", "an"].iter().any(|d| self.word(k - 1).eq_ignore_ascii_case(d)) {
                k -= 1;
            }
            k > from && !is_preposition(self.word(k - 1))
        });
        Speaker { span: self.span(from, to), entity: head.or(first).map(|m| m.2) }
    }

    /// The noun phrase ending at `end` (exclusive), walking left no further than `first`:
    /// `the World Health Organization`, `Officials from the Department of Health`, `CFIA chief
    /// veterinarian Brian Evans`. Stops at a boundary (a comma, `that`, a quote mark); a verb
    /// on the way means the phrase starts after it, or after a coordinating `and`
    /// (`... Bird Flu and officials believe`). A trailing `(ABBR)` is left out.
    fn np_before(&self, first: usize, end: usize) -> Option<(usize, usize)> {
        let mut t = end;
        let mut and_at = None;
        let mut verbal = false;
        while t > first {
            let w = self.word(t - 1);
            if is_boundary(w) {
                break;
            }
            if is_verbal(w) || self.cue_at(t - 1).is_some() {
                // `An aid worker who visited the hospital called`: the phrase before `who`.
                if let Some(rel) = (t.saturating_sub(4).max(first)..t - 1).rev().find(|&j| matches!(self.word(j), "who" | "which")) {
                    let before = if rel > first && self.word(rel - 1) == "," { rel - 1 } else { rel };
                    if before > first {
                        return self.np_before(first, before);
                    }
                }
                verbal = true;
                break;
            }
            if w == "and" {
                and_at = Some(t - 1);
            }
            t -= 1;
            if end - t > 14 {
                return None;
            }
        }
        let from = if verbal { and_at.map_or(t, |a| a + 1) } else { t };
        self.trim_np(from, end)
    }

    /// A noun phrase's edges: no leading conjunction, no trailing `(ABBR)`, no leading
    /// preposition (`After the talks Trump said`: not a phrase this can delimit).
    fn trim_np(&self, mut from: usize, mut to: usize) -> Option<(usize, usize)> {
        while from < to && matches!(self.word(from), "and" | "And" | "or" | "—") {
            from += 1;
        }
        if to >= from + 4 && self.word(to - 1) == ")" {
            if let Some(open) = (to.saturating_sub(5).max(from + 1)..to - 1).rev().find(|&j| self.word(j) == "(") {
                to = open;
            }
        }
        while to > from && matches!(self.word(to - 1), "," | "—") {
            to -= 1;
        }
        let ok = from < to
            && !is_preposition(self.word(from))
            && (from..to).any(|j| self.word(j).chars().any(char::is_alphanumeric));
        ok.then_some((from, to))
    }

    /// Tokens `from..to` are a name, as an appositive can be (`Ivin's lawyer, Paul Kemp,`).
    fn is_name(&self, from: usize, to: usize) -> bool {
        from < to
            && to - from <= 6
            && !matches!(self.word(from), "The" | "A" | "An" | "This" | "These" | "Its" | "His" | "Her" | "Their")
            && (from..to).all(|j| self.word(j).starts_with(|c: char| c.is_uppercase()) || matches!(self.word(j), "." | "-"))
            && self.mention_in(from, to).is_some_and(|m| self.doc.entities[m.2.index()].kind == EntityType::Person)
    }

    /// The subject of the cue starting at token `cue`, in the clause that starts at `first`.
    /// Skips auxiliaries and adverbs (`has also said`); in `Name, a title, said` the name is
    /// the subject, in `The title, Name, said` too; in `X, who said` it is X. A passive (`is
    /// described as`, `It has been reported`) has no subject, except `was quoted as saying`.
    fn subject(&self, first: usize, cue: usize) -> Subject {
        let mut j = cue;
        let mut passive = false;
        while j > first {
            let w = self.word(j - 1);
            if w == "to" && j >= first + 2 && matches!(self.word(j - 2), "hasten" | "hastens" | "hastened" | "on") {
                j -= if self.word(j - 2) == "on" { 3 } else { 2 };
                continue;
            }
            if is_aux_or_adverb(w) {
                passive |= is_be(w);
                j -= 1;
                continue;
            }
            if w == "," && j >= first + 3 && self.word(j - 3) == "," && matches!(self.word(j - 2), "however" | "too" | "though" | "meanwhile") {
                j -= 3;
                continue;
            }
            break;
        }
        let head = self.word(cue);
        if passive && !matches!(head, "quoted" | "cited" | "as") && (head.ends_with("ed") || matches!(head, "said" | "told" | "shown" | "written" | "known")) {
            return Subject::Passive;
        }
        let mut end = j;
        if end > first + 1 && matches!(self.word(end - 1), "and" | "but") {
            // `He last met Putin in 2019 and clarified`: the subject of the first verb.
            let from = (first..end - 1).rev().find(|&t| matches!(self.word(t), "," | ";")).map_or(first, |t| t + 1);
            return self.np_after(from, end - 1).map_or(Subject::None, |(a, b, _)| Subject::Np(a, b));
        }
        if end > first && matches!(self.word(end - 1), "who" | "which") {
            end -= 1;
            if end > first && self.word(end - 1) == "," {
                end -= 1;
            }
            return self.np_before(first, end).map_or(Subject::None, |(a, b)| Subject::Np(a, b));
        }
        if end > first + 1 && self.word(end - 1) == "," {
            // An appositive: `Nyoman Kandun, a Health Ministry official,` or `The foreign
            // minister of Libya, Abdel Rahman Shalgham,`.
            let inner = end - 1;
            if let Some(p) = (first..inner).rev().take(14).find(|&t| self.word(t) == ",") {
                if self.is_name(p + 1, inner) {
                    return Subject::Np(p + 1, inner);
                }
                return self.np_before(first, p).map_or(Subject::None, |(a, b)| Subject::Np(a, b));
            }
            end = inner;
        }
        // `Professor Hugh Pennington, a bacteriologist at Aberdeen University was quoted`: an
        // appositive without its closing comma.
        if let Some((a, b)) = self.np_before(first, end) {
            // `another worker, David Darg, of Operation Blessing International wrote`
            if a > first + 1 && self.word(a - 1) == "," && matches!(self.word(a), "of" | "from" | "at") {
                return self.subject(first, a);
            }
            if a > first + 1 && self.word(a - 1) == "," && matches!(self.word(a), "a" | "an" | "the") && self.is_name_end(first, a - 1) {
                if let Some((x, y)) = self.np_before(first, a - 1) {
                    return Subject::Np(x, y);
                }
            }
            return Subject::Np(a, b);
        }
        Subject::None
    }

    /// Whether the phrase ending at `end` ends with a person's name.
    fn is_name_end(&self, first: usize, end: usize) -> bool {
        (first..end).rev().take(8).any(|s| self.mentions.binary_search_by_key(&s, |m| m.0).is_ok() && self.is_name(s, end))
    }

    /// The noun phrase starting at `from`, before `end` (`said the minister`, `said a statement
    /// on the USDA's website`, `according to CDC officials`): it ends at punctuation, a verb,
    /// or a preposition that starts an adjunct (`in a statement`, `during a press
    /// conference`, `on Monday`). A title followed by `, Name` gives the name
    /// (`inspector, Ron DeHaven`). Returns the phrase and the token after it.
    fn np_after(&self, from: usize, end: usize) -> Option<(usize, usize, usize)> {
        let mut t = from;
        while t < end && t - from < 16 {
            let w = self.word(t);
            if matches!(w, "," | ";" | ":" | "." | "!" | "?" | "—" | "–") || self.is_mark(t) || is_verbal(w) {
                break;
            }
            if w == "(" {
                match (t + 1..(t + 5).min(end)).find(|&j| self.word(j) == ")") {
                    Some(close) => {
                        t = close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            let lower = w.starts_with(char::is_lowercase);
            if t > from && lower && !matches!(w, "of" | "for" | "and" | "’s" | "'s" | "'" | "’") && !is_pronoun(self.word(t - 1)) {
                let prev_lower = self.word(t - 1).starts_with(char::is_lowercase);
                let continues = matches!(w, "at" | "from" | "on") && prev_lower && self.word(t + 1) == "the";
                if is_preposition(w) && !continues {
                    break;
                }
                if matches!(w, "that" | "who" | "which" | "as" | "when" | "while" | "because" | "if" | "but" | "with") {
                    break;
                }
            }
            t += 1;
        }
        let (a, b) = self.trim_np(from, t)?;
        let person = self.mention_in(a, b).is_some_and(|m| self.doc.entities[m.2.index()].kind == EntityType::Person);
        if !person && self.word(t) == "," {
            // `USDA's Animal and Plant Health inspector, Ron DeHaven`
            let name_end = (t + 1..(t + 8).min(end)).find(|&j| matches!(self.word(j), "," | "." | ";")).unwrap_or(end.min(t + 8));
            if self.is_name(t + 1, name_end) {
                return Some((t + 1, name_end, name_end));
            }
        }
        Some((a, b, t))
    }

    /// Where the reported clause after a cue ending at `ce` starts, if it has one: `that ...`,
    /// `of ...` (`warned of`), a pronoun subject (`claimed he could`), `that` after an
    /// adjunct or an addressee (`said on Thursday that`, `told reporters that`), or, after a
    /// plain verb of saying, a clause with a finite verb (`say the three cases are not
    /// related`; not `reported its fourth case`).
    fn content_start(&self, head: usize, ce: usize, end: usize) -> Option<usize> {
        let next = self.word(ce);
        if matches!(next, "that" | "of") && (next == "that" || matches!(self.lemma(head), "warn" | "speak" | "boast" | "complain")) {
            return Some(ce);
        }
        if is_pronoun(next) {
            return Some(ce);
        }
        let takes_object = self.verb[head].is_some_and(|id| self.r.tables.reporting_verbs[id as usize].takes_object);
        // `said on Thursday that`, `reported, on September 23, 2005, that`, `told the jury he`
        let starts_adjunct = is_preposition(next) || matches!(next, "," | "earlier" | "today" | "yesterday" | "further" | "also" | "again" | "later" | "publicly");
        for j in ce + 1..(ce + 10).min(end) {
            let w = self.word(j);
            if w == "that" && (starts_adjunct || takes_object) {
                return Some(j);
            }
            if takes_object && is_pronoun(w) && j > ce && !self.word(j - 1).starts_with(|c: char| c.is_uppercase()) {
                return Some(j);
            }
            if matches!(w, "." | ";" | ":") || self.is_mark(j) || (is_verbal(w) && !w.ends_with("ed")) || self.cue_at(j).is_some() {
                break;
            }
        }
        // A clause with no `that` starts like a noun phrase (`the three cases`, `none of`,
        // `Vermont's first case`, `about 35,000 people`).
        let says = matches!(self.lemma(head), "say" | "add" | "note" | "state" | "report" | "announce" | "confirm" | "warn" | "claim" | "insist" | "explain");
        let np_start = matches!(
            next,
            "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "no" | "all" | "both" | "none" | "at" | "more" | "about" | "some" | "many" | "most"
        ) || next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        // A bare noun or two right before an auxiliary (`said farmers would not report`,
        // `said local officials have confirmed`) is a clause's subject too.
        let bare = (ce + 1..(ce + 3).min(end)).find(|&j| is_finite(self.word(j))).is_some_and(|j| {
            (ce..j).all(|t| {
                let w = self.word(t);
                w.len() > 2 && w.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(w, "and" | "but" | "nor" | "then") && !is_preposition(w) && !is_verbal(w) && !is_pronoun(w) && self.cue_at(t).is_none()
            })
        });
        // (Not after a cue's base form that is also a noun: `Guerrero state police were`.)
        let noun_too = matches!(self.word(head), "state" | "report" | "note" | "claim");
        if says && bare && !noun_too {
            return Some(ce);
        }
        if says && np_start {
            // ... with a verb of its own (`say the three cases are not related`, `said the
            // E.U. promised`), not a noun phrase alone (`reported its fourth case`).
            let finite = (ce + 1..(ce + 25).min(end)).take_while(|&j| !matches!(self.word(j), ";" | ".") && !self.is_mark(j)).any(|j| {
                let w = self.word(j);
                let past = j < ce + 10 && w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase) && !matches!(self.word(j - 1), "a" | "an" | "the" | "of" | "no" | "and" | ",");
                is_finite(w) || past
            });
            if finite {
                return Some(ce);
            }
        }
        None
    }
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let r = self.resources;
        let text = doc.text();
        let mut buf = String::new();
        let verb = doc
            .tokens
            .iter()
            .map(|t| {
                let w = &text[t.span];
                if !(w.starts_with(char::is_lowercase) && w.len() > 2) {
                    return None;
                }
                self.verbs.get(folded(w, &mut buf)).copied()
            })
            .collect();
        let token_at = |offset: u32| doc.tokens.partition_point(|t| t.span.start < offset);
        let mut mentions: Vec<(usize, usize, EntityId)> = Vec::new();
        for (ei, e) in doc.entities.iter().enumerate() {
            for m in &e.mentions {
                mentions.push((token_at(m.span.start), token_at(m.span.end), EntityId(ei as u32)));
            }
        }
        mentions.sort_unstable_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
        let mut cx = Ctx { r, doc, text, verb, mentions, quoted: vec![false; doc.tokens.len()] };
        let marks: Vec<(usize, usize, Span)> = quote_marks(text)
            .into_iter()
            .map(|q| (cx.token_at(q.open as u32), cx.token_at(q.close as u32), Span::new(q.open, q.close)))
            .filter(|&(a, b, _)| a < b)
            .collect();
        for &(a, b, _) in &marks {
            cx.quoted[a..b].iter_mut().for_each(|x| *x = true);
        }
        let cx = cx;
        let w = |i: usize| cx.word(i);
        // Each quote mark pair's attribution, if any.
        let mut marked: Vec<Marking> = vec![None; marks.len()];

        // 1. Quote marks with a cue beside them.
        for (i, &(a, b, span)) in marks.iter().enumerate() {
            let (first, _) = cx.sentence_bounds(a);
            // A cue shortly before the opening mark (`X said, “...”`, `X says that “...”`,
            // `X stated today “...”`), or right after the closing mark, past the speaker
            // (`“...,” Bureau of Animal Industry head Davinio Catbagan said`).
            let before = (first..a.saturating_sub(1)).rev().take(15).find_map(|k| cx.cue_at(k).filter(|c| c.1 < a));
            let lead_in = before.is_some_and(|(_, ce)| {
                let gap: Vec<&str> = (ce..a - 1).map(w).collect();
                let whole = matches!(w(b + 1), "." | "" | "!" | "?") || cx.sentence_of(b + 1) != cx.sentence_of(b) || matches!(w(b - 1), "." | "!" | "?");
                a >= 2 && matches!(w(a - 2), "," | ":")
                    || gap.is_empty()
                    || (gap.iter().all(|g| matches!(*g, "today" | "yesterday" | "earlier" | "later" | "again" | "then")) && gap.len() <= 2)
                    || (w(a - 2) == "that" && whole && gap.len() <= 8 && gap.iter().all(|g| !is_verbal(g) && !is_mark_word(g)))
            });
            let (_, b_end) = cx.sentence_bounds(b);
            let after = (b + 1..(b + 14).min(b_end)).find(|&k| cx.cue_at(k).is_some()).filter(|&k| {
                (b + 1..k).all(|j| !is_verbal(w(j)) && !matches!(w(j), "." | ";" | ":" | "!" | "?") && !cx.is_mark(j))
            });
            let content_words = b - a;
            let fragment = content_words <= 8 && !text[span].starts_with(char::is_uppercase);
            let (kind, cue) = if let (Some(c), true) = (before, lead_in) {
                // `described as “atypical.”`: a fragment right after its cue is partial.
                (if fragment && c.1 + 1 == a { QuoteKind::Partial } else { QuoteKind::Direct }, c)
            } else if let Some(k) = after.filter(|_| matches!(w(b - 1), "," | "?" | "!" | "—") || w(b + 1) == ",") {
                (QuoteKind::Direct, cx.cue_at(k).expect("a cue"))
            } else if let Some(c) = before.filter(|_| fragment) {
                (QuoteKind::Partial, c)
            } else {
                continue; // a scare quote, a title, a name: nobody is reported saying it
            };
            let head = (cue.0..cue.1).find(|&k| cx.verb[k].is_some() || w(k).eq_ignore_ascii_case("according")).unwrap_or(cue.0);
            let speaker = if cue.0 > b {
                // `” Sarkozy said`, or `” said the minister`.
                let (_, end) = cx.sentence_bounds(cue.0);
                match cx.subject(b + 1, cue.0) {
                    Subject::Np(x, y) => Some(cx.speaker(x, y)),
                    Subject::Passive => None,
                    Subject::None => cx.np_after(cue.1, end).map(|(x, y, _)| cx.speaker(x, y)),
                }
            } else if cue.0 >= 2 && (cx.is_mark(cue.0 - 1) || (w(cue.0 - 1) == "," && cx.is_mark(cue.0 - 2))) {
                // `“A,” says X, “B.”`: the speaker follows the cue.
                cx.np_after(cue.1, a - 1).map(|(x, y, _)| cx.speaker(x, y))
            } else if w(head).ends_with("ing") && head == cue.0 && cue.0 > first && w(cue.0 - 1) == "," {
                // A gerund (`Trump stayed positive, commenting, “...”`): the subject of the
                // clause before it.
                let nearest = (first..cue.0).rev().find_map(|k| {
                    let m = cx.mentions.iter().rev().find(|m| m.1 == k + 1 && m.0 >= first && cx.can_speak(m.2))?;
                    Some(*m)
                });
                match cx.subject(first, first + (first..cue.0).position(|j| cx.cue_at(j).is_some()).unwrap_or(0)) {
                    Subject::Np(x, y) if x < cue.0 => Some(cx.speaker(x, y)),
                    _ => nearest.map(|m| Speaker { span: cx.span(m.0, m.1), entity: Some(m.2) }),
                }
            } else {
                let clause = (first..cue.0).rev().find(|&j| matches!(w(j), ";")).map_or(first, |j| j + 1);
                match cx.subject(clause, cue.0) {
                    Subject::Np(x, y) => Some(cx.speaker(x, y)),
                    Subject::Passive => None,
                    Subject::None => cx.mention_in(clause, cue.0).map(|m| Speaker { span: cx.span(m.0, m.1), entity: Some(m.2) }),
                }
            };
            marked[i] = Some((kind, speaker, Some(cue)));
        }

        // 2. Reported speech: speaker, cue, then the clause (with its `that`). Quoted words
        // inside the clause are that cue's partial quotes (or its direct quote, when they are
        // the whole clause), and the clause around them is not annotated again.
        let mut quotes: Vec<Quote> = Vec::new();
        let mark_from = |tok: usize| marks.partition_point(|m| m.0 < tok);
        for s in &doc.sentences {
            let (first, end) = (s.first_token.index(), s.end_token.index());
            let mut sentence_speaker: Option<Speaker> = None;
            // Where the last content found ends: evidence verbs inside it (`test results ...
            // reveal that`) are part of what was reported, not new attributions.
            let mut inside_until = first;
            let mut k = first;
            while k < end {
                let Some((cf, ce)) = cx.cue_at(k) else {
                    k += 1;
                    continue;
                };
                if cf < first {
                    k += 1;
                    continue;
                }
                let according = w(k).eq_ignore_ascii_case("according");
                // The reporting clause after the content: `A cow ... has tested positive, said
                // CFIA officials on Monday.`, `Ivins ... died, the Los Angeles Times reported
                // Friday.` The content is the sentence before the comma; the speaker may end in a
                // relative clause (`said a public official who requested anonymity`).
                let after_content = matches!(cx.lemma(k), "say" | "report" | "add" | "state" | "announce" | "confirm" | "note" | "explain" | "write") && k >= inside_until && cf > first + 3;
                let adjuncts_to_end = |from: usize| end - from <= 5 && (from..end).all(|j| !is_verbal(w(j)) && !cx.is_mark(j) && w(j) != "that" && w(j) != ",");
                // (A short one, so that the stage stays linear in a sentence of any length.)
                let relative_to_end = |from: usize| {
                    let at = if w(from) == "," { from + 1 } else { from };
                    matches!(w(at), "who" | "which") && end - at <= 15 && !(at..end).any(|j| cx.is_mark(j) || j > at + 1 && cx.cue_at(j).is_some())
                };
                let clause = |to: usize| (first..to).any(|j| is_finite(w(j))) && !(first..to).any(|j| cx.is_mark(j));
                let inverted = (after_content && !according && w(cf - 1) == "," && clause(cf - 1))
                    .then(|| cx.np_after(ce, end))
                    .flatten()
                    .filter(|&(_, _, next)| adjuncts_to_end(next) || relative_to_end(next));
                // (speaker, content start, content end) of this cue, if it reports a clause.
                let mut found: Option<(Option<Speaker>, usize, usize)> = None;
                if let Some((x, y, _)) = inverted {
                    found = Some((Some(cx.speaker(x, y)), first, cf - 1));
                } else if according {
                    if let Some((x, y, next)) = cx.np_after(ce, end) {
                        let tail = (next..end).all(|j| matches!(w(j), "." | "!" | "?"));
                        if w(next) == "," && next + 1 < end {
                            // `According to X, ...`
                            found = Some((Some(cx.speaker(x, y)), next + 1, end));
                        } else if tail && cf > first + 3 && w(cf - 1) == "," {
                            // `..., according to X.`: the sentence before the cue.
                            found = Some((Some(cx.speaker(x, y)), first, cf - 1));
                        }
                    }
                } else if let Some(start) = cx.content_start(k, ce, end) {
                    let clause = (first..cf).rev().find(|&j| matches!(w(j), "," | ";" | "while" | "While" | "but")).map_or(first, |j| j + 1);
                    let gerund = w(k).ends_with("ing") && cf == k && cf > first && w(cf - 1) == ",";
                    // `, and has said it will`, `but also say that`: the subject of the clause before.
                    let shared = clause < cf
                        && (clause..cf).all(|j| matches!(w(j), "and" | "but" | "also" | "has" | "have" | "had" | "then" | "later"))
                        && (matches!(w(clause - 1), "but" | "But") || (clause..cf).any(|j| w(j) == "and"));
                    // `Dr. Julia Peters, the clinical director of ..., said`: the subject lies
                    // before the commas.
                    let semi = (first..cf).rev().find(|&j| w(j) == ";").map_or(first, |j| j + 1);
                    let subject = cx.subject(semi, cf);
                    let passive_it = matches!(subject, Subject::Passive) && w(start) == "that";
                    let speaker = if gerund || (shared && clause > first) {
                        sentence_speaker.clone()
                    } else {
                        match subject {
                            Subject::Np(x, y) => Some(Some(cx.speaker(x, y))),
                            Subject::Passive if matches!(w(cf.saturating_sub(3)), "It" | "it") => Some(None),
                            _ => None,
                        }
                        .flatten()
                        .or_else(|| (matches!(w(clause), "who" | "which") && clause >= 2).then(|| cx.mention_in(first, clause - 1)).flatten().map(|m| Speaker { span: cx.span(m.0, m.1), entity: Some(m.2) }))
                    };
                    if speaker.is_some() || passive_it {
                        found = Some((speaker, start, end));
                    }
                } else if let Some(markers) = object_predicate(cx.lemma(k)) {
                    // `called the death a suicide`, `accused Western powers of plotting`
                    let ok = !matches!(w(ce), "for" | "on" | "off" | "in" | "up" | "back" | "out" | "upon" | "." | ",")
                        && (markers.is_empty() || (ce + 1..(ce + 8).min(end)).any(|j| markers.contains(&w(j))));
                    if ok && k >= inside_until {
                        if let Subject::Np(x, y) = cx.subject(first, cf) {
                            found = Some((Some(cx.speaker(x, y)), ce, end));
                        }
                    }
                } else if after_content {
                    // (After a comma, `inverted` above.) `..., the Los Angeles Times reported.`
                    if let Subject::Np(x, y) = cx.subject(first, cf) {
                        if x > first + 3 && w(x - 1) == "," && adjuncts_to_end(ce) && clause(x - 1) {
                            found = Some((Some(cx.speaker(x, y)), first, x - 1));
                        }
                    }
                }
                let Some((speaker, start, clause_end)) = found.filter(|_| k >= inside_until || cx.verb_kind(k) != "report") else {
                    k += 1;
                    continue;
                };
                // Nested clauses are scanned again, so a clause is looked at over a bounded
                // window: the stage stays linear on a sentence of any length.
                let clause_end = clause_end.min(start + MAX_CLAUSE);
                if sentence_speaker.is_none() {
                    sentence_speaker = speaker.clone();
                }
                // The clause ends at the sentence's end, or where another clause with a cue
                // of its own begins (`, the Kremlin indicated`, `, emphasizing`, `while the
                // WHO says`, `; he said`, `but denied`, `and officials believe`).
                let mut stop = clause_end;
                for c in start + 1..clause_end {
                    let sep = w(c);
                    if !matches!(sep, "," | ";" | "while" | "whereas" | "but" | "and") || w(c + 1) == "that" {
                        continue;
                    }
                    let cue_or_belief = |j: usize| {
                        cx.cue_at(j).is_some() || (cx.verb_kind(j) == "belief" && !cx.quoted[j])
                    };
                    let new = (c + 1..(c + 12).min(clause_end)).take_while(|&j| !cx.is_mark(j)).find(|&j| cue_or_belief(j)).filter(|&j| {
                        let gerund = w(j).ends_with("ing");
                        // An evidence verb (`indicated`, `reveal`) starts a new clause only
                        // after a complete one (`that he could ..., the Kremlin indicated`),
                        // not after a list (`FAO, WHO and their counterparts, reveal`).
                        let complete = cx.verb_kind(j) != "report" || (start..c).any(|t| is_finite(w(t)));
                        // After `and`/`but` the new clause reports something of its own
                        // (`and officials believe that`), unlike `and territories have
                        // confirmed cases`.
                        let reports = !matches!(sep, "and" | "but") || j == c + 1 || cx.content_start(j, j + 1, clause_end).is_some();
                        complete
                            && reports
                            && (j == c + 1 && !(gerund && matches!(sep, "and" | "but"))
                                || (c + 1..j).all(|t| matches!(w(t), "and" | "but" | "also" | "has" | "have" | "had"))
                                || matches!(cx.subject(c + 1, j), Subject::Np(x, y) if y - x <= 6 && (c + 1..x).all(|t| matches!(w(t), "and" | "but"))))
                    });
                    if new.is_some() {
                        stop = c;
                        break;
                    }
                }
                // `that A and that “B”`: two clauses, when one has quoted words; else one.
                let split = (start + 1..stop).find(|&c| w(c) == "and" && w(c + 1) == "that");
                let has_marks = |from: usize, to: usize| {
                    let m = mark_from(from);
                    m < marks.len() && marks[m].0 <= to
                };
                let segments: Vec<(usize, usize)> = match split {
                    Some(c) if has_marks(start, c) || has_marks(c + 1, stop) => {
                        vec![(start, if w(c - 1) == "," { c - 1 } else { c }), (c + 1, stop)]
                    }
                    _ => vec![(start, stop)],
                };
                let emit = |from: usize, to: usize, quotes: &mut Vec<Quote>, marked: &mut Vec<Marking>| {
                    let mut to = (from..to).rev().find(|&j| !matches!(w(j), "." | "," | ";" | ":" | "—")).map_or(from, |j| j + 1);
                    if to > from + 2 && matches!(w(to - 1), "however" | "though" | "too") && w(to - 2) == "," {
                        to -= 2;
                    }
                    // Quote marks inside the clause.
                    let inside: Vec<usize> = (mark_from(from)..marks.len()).take_while(|&m| marks[m].0 <= to).filter(|&m| marks[m].0 > from || marks[m].0 == from + 1).collect();
                    let cue = Some((cf, ce));
                    if inside.is_empty() {
                        if to > from + 2 {
                            quotes.push(Quote { kind: QuoteKind::Indirect, span: cx.span(from, to), speaker: speaker.clone(), cue: Some(cx.span(cf, ce)) });
                        }
                        return;
                    }
                    for &m in &inside {
                        let (a, b, _) = marks[m];
                        // The whole clause (`that, “...”`) is a direct quote.
                        let lead = (from..a - 1).all(|j| matches!(w(j), "that" | ","));
                        let whole = lead && (b + 1..to.max(b + 1)).all(|j| matches!(w(j), "." | "," | "!" | "?") || cx.is_mark(j));
                        let kind = if whole { QuoteKind::Direct } else { QuoteKind::Partial };
                        match &marked[m] {
                            Some((QuoteKind::Direct, _, Some(c))) if c.0 > b => {} // `“...,” she said`: its own cue
                            _ => marked[m] = Some((kind, speaker.clone(), cue)),
                        }
                    }
                };
                for (from, to) in segments {
                    emit(from, to, &mut quotes, &mut marked);
                }
                inside_until = inside_until.max(stop);
                // Reporting clauses nested in the content get their own attributions.
                k = if start > k { start } else { ce.max(k + 1) };
            }
        }

        // 3. A quote with no cue of its own right after a quote attributed after its closing
        // mark (`“A,” said X. “B.”`) goes on in the same voice.
        for i in 1..marks.len() {
            if marked[i].is_some() {
                continue;
            }
            let (a, _, _) = marks[i];
            let (prev_b, prev) = (marks[i - 1].1, &marked[i - 1]);
            let Some((QuoteKind::Direct, speaker, Some(cue))) = prev.clone() else { continue };
            let (first, _) = cx.sentence_bounds(a);
            let starts_sentence = first + 1 == a;
            let next_sentence = cue.0 > prev_b && cx.sentence_of(a) == cx.sentence_of(cue.0) + 1;
            if starts_sentence && next_sentence {
                marked[i] = Some((QuoteKind::Direct, speaker, Some(cue)));
            }
        }
        for (i, m) in marked.into_iter().enumerate() {
            if let Some((kind, speaker, cue)) = m {
                quotes.push(Quote { kind, span: marks[i].2, speaker, cue: cue.map(|(x, y)| cx.span(x, y)) });
            }
        }
        quotes.sort_by_key(|q| q.span);
        doc.quotes = quotes;
        Ok(())
    }
}
