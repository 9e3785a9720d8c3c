//! Quotes: direct, partial and reported speech, each with its cue and its speaker.
//!
//! 1. **Quote marks** are paired per paragraph with a stack (`“ ”`, `« »`, `„ “`, and
//!    straight `"` by alternation); apostrophes (`There’s`, `Putin’s`, `’90s`) are never quote
//!    marks. A quote left open at the end of a paragraph goes on when the next paragraph opens
//!    with a quote mark (the convention for quotes over several paragraphs); otherwise it is
//!    dropped, and the article goes on.
//! 2. **Cues** are reporting verbs and phrases from the lexicon (`said`, `posted`,
//!    `according to`). A quoted passage with a cue next to it (`X said, “...”`,
//!    `“...,” X said`) is **direct**; a quoted phrase inside a clause governed by a cue
//!    (`described the summit as a “feel-out meeting”`) is **partial**; quoted words with no cue
//!    (`a shirt with “USSR” written on it`) are not attributions.
//! 3. **Reported speech**: a speaker, a cue and the clause after it (`X stated that ...`,
//!    `X warned of ...`, `according to X, ...`), up to the end of the sentence.
//! 4. **Speakers** are the entity mentions next to the cue (before it, or after it when
//!    inverted: `said the minister`), resolved through the entity layer; a speaker the entity
//!    layer does not know is kept as text.

use serde::{Deserialize, Serialize};

use crate::document::{Document, EntityId, EntityType};
use crate::error::Error;
use crate::resources::{NameKind, Resources};
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
}

impl Quotes {
    /// Builds the stage.
    pub fn new(_config: QuotesConfig) -> Result<Quotes, Error> {
        Ok(Quotes { resources: Resources::shared().map_err(Clone::clone)? })
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
    let mut chars = text.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        if c == '\n' {
            // A quote still open at a paragraph's end goes on only if the next paragraph
            // opens with a quote mark.
            if open.is_some() {
                let rest = text[i..].trim_start();
                if !rest.starts_with(['“', '"', '«']) {
                    open = None;
                }
            }
            prev = c;
            continue;
        }
        match open {
            // A closing mark of either style closes (scraped text mixes `"` and `”`), but a
            // straight mark between a space and a word opens rather than closes.
            Some((start, close)) if (c == close || (matches!(close, '"' | '”') && matches!(c, '"' | '”'))) && !(c == '"' && prev.is_whitespace() && !next.is_whitespace()) => {
                out.push(Marked { open: start, close: i });
                open = None;
            }
            Some((_, _)) if opens(c).is_some() && prev == '\n' => {
                // A continuation paragraph's opening mark: the quote goes on.
            }
            None => {
                if let Some(close) = opens(c) {
                    open = Some((i + c.len_utf8(), close));
                }
            }
            _ => {}
        }
        prev = c;
    }
    out
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let r = self.resources;
        let text = doc.text();
        let token_at = |offset: u32| doc.tokens.partition_point(|t| t.span.start < offset);
        let word = |i: usize| doc.tokens.get(i).map_or("", |t| &text[t.span]);
        let is_cue = |i: usize| -> bool {
            let w = word(i);
            !w.is_empty() && w.starts_with(char::is_lowercase) && r.lookup(w).iter().any(|n| n.kind == NameKind::ReportingVerb)
        };
        let sentence_of = |tok: usize| doc.sentences.partition_point(|s| s.end_token.index() <= tok);
        // Every entity mention, by its first token, for speakers.
        let mut mention_at: Vec<(usize, usize, EntityId)> = Vec::new(); // (first token, end token, entity)
        for (ei, e) in doc.entities.iter().enumerate() {
            for m in &e.mentions {
                mention_at.push((token_at(m.span.start), token_at(m.span.end), EntityId(ei as u32)));
            }
        }
        // Looked up by start (a sorted list) and by end (a map), so each lookup is cheap
        // whatever the number of mentions.
        mention_at.sort_unstable_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
        let mut by_end: std::collections::HashMap<usize, (usize, usize, EntityId)> = std::collections::HashMap::new();
        for &m in &mention_at {
            by_end.entry(m.1).or_insert(m);
        }
        let mention_ending = |end: usize| by_end.get(&end).copied();
        let mention_starting = |start: usize| {
            let i = mention_at.partition_point(|m| m.0 < start);
            mention_at.get(i).filter(|m| m.0 == start).copied()
        };
        let speaker_of = |m: (usize, usize, EntityId)| Speaker {
            span: Span { start: doc.tokens[m.0].span.start, end: doc.tokens[m.1 - 1].span.end },
            entity: Some(m.2),
        };

        // Speakers are people, organizations or places (governments), not nationalities.
        let can_speak = |e: EntityId| {
            matches!(doc.entities[e.index()].kind, EntityType::Person | EntityType::Org | EntityType::Gpe)
        };
        // The first speaker-like mention in tokens `from..to`: the subject of a clause.
        let subject = |from: usize, to: usize| {
            let i = mention_at.partition_point(|m| m.0 < from);
            mention_at[i..].iter().take_while(|m| m.0 < to).find(|m| m.1 <= to && can_speak(m.2)).copied()
        };
        let subject_before = |from: usize, cue: usize| subject(from, cue).is_some_and(|m| cue - m.1 <= 2);
        // A speaker the entity layer does not know, kept as text (`a Home Office spokesman`,
        // `They`): the words `from..to`, when they look like a short noun phrase.
        let text_speaker = |from: usize, to: usize| -> Option<Speaker> {
            let from = (from..to).find(|&t| !matches!(word(t), "and" | "but" | "while" | "While" | "as" | "," | "”" | "\"" | "—"))?;
            let to = (from..to).rev().find(|&t| !matches!(word(t), "," | "”" | "\"" | "has" | "have" | "had" | "also" | "—")).map(|t| t + 1)?;
            let words = to - from;
            ((1..=6).contains(&words) && (from..to).all(|t| word(t).chars().any(char::is_alphanumeric) || word(t) == "’s"))
                .then(|| Speaker { span: Span { start: doc.tokens[from].span.start, end: doc.tokens[to - 1].span.end }, entity: None })
        };
        let mut quotes: Vec<Quote> = Vec::new();
        let mut quoted = vec![false; doc.tokens.len()];
        for q in quote_marks(text) {
            let (a, b) = (token_at(q.open as u32), token_at(q.close as u32));
            if a >= b {
                continue;
            }
            quoted[a..b].iter_mut().for_each(|x| *x = true);
            let span = Span::new(q.open, q.close);
            let s = sentence_of(a);
            let first = doc.sentences.get(s).map_or(0, |s| s.first_token.index());
            // Direct: `X said, “...”` / `X posted on social media, “...”` (a cue shortly before
            // the opening mark, then a comma or colon), or `“...,” X said` (a cue right after).
            let before = (first..a.saturating_sub(1)).rev().take(15).find(|&k| is_cue(k));
            let lead_in = a >= 2 && (matches!(word(a - 2), "," | ":") || before == Some(a - 2));
            let after = (b + 1..b + 5).find(|&k| is_cue(k) && sentence_of(k) == sentence_of(b));
            let content_words = b - a;
            let (kind, cue) = if let (Some(c), true) = (before, lead_in) {
                (QuoteKind::Direct, Some(c))
            } else if let Some(c) = after.filter(|_| matches!(word(b - 1), "," | "?" | "!" | "—") || word(b + 1) == ",") {
                (QuoteKind::Direct, Some(c))
            } else if let Some(c) = before.filter(|_| content_words <= 8 && !text[span].starts_with(char::is_uppercase)) {
                (QuoteKind::Partial, Some(c))
            } else {
                continue; // a scare quote, a title, a name: nobody is reported saying it
            };
            let cue_span = cue.map(|c| doc.tokens[c].span);
            // The speaker: never inside the quote. With the cue after the quote, between the
            // closing mark and the cue (`” Sarkozy said`) or right after the cue (`said the
            // minister`); with the cue before, the subject of the cue's clause.
            let sentence_end = doc.sentences.get(s).map_or(doc.tokens.len(), |s| s.end_token.index());
            let speaker = cue.and_then(|c| {
                if c > b {
                    let between = subject(b + 1, c).map(speaker_of);
                    let after_cue = (c + 1..(c + 3).min(sentence_end)).find_map(mention_starting).filter(|m| can_speak(m.2)).map(speaker_of);
                    let phrase_end = (c + 1..sentence_end).find(|&t| matches!(word(t), "," | "." | ";" | "“")).unwrap_or(sentence_end);
                    between.or(after_cue).or_else(|| text_speaker(b + 1, c)).or_else(|| text_speaker(c + 1, phrase_end))
                } else {
                    // A gerund cue (`Trump stayed positive, commenting, “...”`) has the subject
                    // of the clause before it: the nearest speaker before the cue.
                    let clause_start = (first..c).rev().find(|&j| matches!(word(j), "," | ";")).map_or(first, |j| j + 1);
                    let nearest = (first..c).rev().find_map(|k| mention_ending(k + 1).filter(|m| m.0 >= first && can_speak(m.2)));
                    subject(clause_start, c)
                        .or(nearest)
                        .map(speaker_of)
                        .or_else(|| text_speaker(clause_start, c))
                }
            });
            quotes.push(Quote { kind, span, speaker, cue: cue_span });
        }

        // Reported speech: speaker, cue, then the clause (with its `that`), outside quote marks.
        for s in &doc.sentences {
            let (first, end) = (s.first_token.index(), s.end_token.index());
            let mut k = first;
            while k < end {
                let according = word(k).eq_ignore_ascii_case("according") && word(k + 1) == "to";
                // `..., according to X.`: the content is the sentence before the cue.
                if according && k > first + 3 && word(k - 1) == "," && !quoted[k - 2] {
                    if let Some(m) = mention_starting(k + 2).or_else(|| mention_starting(k + 3)) {
                        let span = Span { start: doc.tokens[first].span.start, end: doc.tokens[k - 2].span.end };
                        let cue = Span { start: doc.tokens[k].span.start, end: doc.tokens[k + 1].span.end };
                        quotes.push(Quote { kind: QuoteKind::Indirect, span, speaker: Some(speaker_of(m)), cue: Some(cue) });
                        k = end;
                        continue;
                    }
                }
                if according {
                    // `According to X, ...`: the content is the rest of the sentence.
                    if let Some(m) = mention_starting(k + 2).or_else(|| mention_starting(k + 3)) {
                        let comma = (m.1..end).find(|&j| word(j) == ",");
                        if let Some(comma) = comma.filter(|&c| c + 1 < end && !quoted[c + 1]) {
                            let span = Span { start: doc.tokens[comma + 1].span.start, end: doc.tokens[end - 1].span.end };
                            let cue = Span { start: doc.tokens[k].span.start, end: doc.tokens[k + 1].span.end };
                            quotes.push(Quote { kind: QuoteKind::Indirect, span, speaker: Some(speaker_of(m)), cue: Some(cue) });
                            k = end;
                            continue;
                        }
                    }
                }
                if is_cue(k) && !quoted[k] {
                    // A clause: `that ...`, `of ...` (`warned of`), or a subject pronoun
                    // starting one (`claimed he could`); not an object (`acknowledged his
                    // frustration`, `has shown no signs`).
                    let start = k + 1;
                    // After a plain verb of saying, the clause may start with no `that`
                    // (`officials say the three cases are not related`).
                    let says = matches!(word(k), "say" | "says" | "said" | "told" | "tells" | "added" | "adds" | "noted" | "notes" | "stated" | "states" | "reported" | "reports" | "announced" | "announces");
                    let takes_clause = matches!(word(start), "that" | "of")
                        || matches!(word(start), "he" | "she" | "they" | "it" | "we" | "i" | "there")
                        || (says && matches!(word(start), "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "no" | "all" | "both" | "none" | "at" | "more" | "about"));
                    // The speaker is the subject: the first mention of a person, organization
                    // or place in the clause before the cue. A gerund after a comma
                    // (`, emphasizing that`) has the speaker of the clause before it.
                    let clause_start = (first..k).rev().find(|&j| matches!(word(j), "," | ";" | "while" | "While" | "but")).map_or(first, |j| j + 1);
                    let gerund = word(k).ends_with("ing") && k > first && word(k - 1) == ",";
                    // In a relative clause (`Biden, who have insisted`), the speaker is the
                    // mention before the comma.
                    let relative = matches!(word(clause_start), "who" | "which");
                    let speaker = if gerund {
                        quotes.last().filter(|q: &&Quote| q.span.end <= doc.tokens[k].span.start && q.span.start >= doc.tokens[first].span.start).and_then(|q| q.speaker.clone())
                    } else if relative && clause_start >= 2 {
                        mention_ending(clause_start - 1).filter(|m| can_speak(m.2)).map(speaker_of)
                    } else {
                        subject(clause_start, k).map(speaker_of).or_else(|| text_speaker(clause_start, k))
                    };
                    // The content runs to the end of the sentence, or to the next quote mark,
                    // or to the next clause with a cue of its own (`, the Kremlin indicated`).
                    // A new clause: a comma, then a cue with its own subject (`, the Kremlin
                    // indicated`) or a gerund cue (`, emphasizing`).
                    let new_clause = (start + 1..end).find(|&c| {
                        word(c) == "," && (is_cue(c + 1) || (c + 2..(c + 6).min(end)).any(|j| is_cue(j) && subject_before(c + 1, j)))
                    });
                    let stop = (start..end).find(|&j| quoted[j] || word(j) == "“").unwrap_or(end).min(new_clause.unwrap_or(end));
                    let last = (start..stop).rev().find(|&j| !matches!(word(j), "." | "," | ";" | ":" | "—")).map_or(start, |j| j + 1);
                    if takes_clause && speaker.is_some() && last > start + 2 {
                        let span = Span { start: doc.tokens[start].span.start, end: doc.tokens[last - 1].span.end };
                        quotes.push(Quote { kind: QuoteKind::Indirect, span, speaker, cue: Some(doc.tokens[k].span) });
                        k = stop.max(k + 1);
                        continue;
                    }
                }
                k += 1;
            }
        }
        quotes.sort_by_key(|q| q.span);
        doc.quotes = quotes;
        Ok(())
    }
}
