//! Times: every date, time, duration and set, with its TimeML TIMEX3 value, read against the
//! reference (publication) date.
//!
//! A left-to-right matcher over each sentence's tokens tries the longest pattern first:
//! calendar dates in all their English forms (`February 28, 2025`, `28 February`, `Feb. 28`,
//! `2025-02-28`, `15/08/2025`), months and years (`February 2022`, `1867`, `the 1990s`),
//! parts of them (`mid-August`, `early 2024`, `the third quarter of 2008`), weekdays,
//! deictic words (`today`, `last week`, `recently`), clock times (`11:30 a.m. local time`),
//! durations (`24 hours`, `six or seven hours`, `within minutes`) and sets (`every year`).
//!
//! A date missing its year, or a weekday, is anchored by the tense of the sentence: past
//! (`met on Friday`) looks back from the reference date, future (`will meet on Monday`)
//! forward. With no reference date, the known parts stay (`XXXX-02-28`).

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::date::{days_in_month, Date};
use crate::document::{Document, SentenceId};
use crate::error::Error;
use crate::resources::FxBuild;
use crate::span::Span;
use crate::stage::Stage;

/// The TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or a part of one (`2025-08-15`, `2022-02`, `1867`, `2025-W33`).
    Date,
    /// A time of day (`2025-08-15T11:30`).
    Time,
    /// A length of time (`PT24H`).
    Duration,
    /// A recurrence (`P1Y` for `every year`).
    Set,
}

/// A time expression and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Its span.
    pub span: Span,
    /// Its type.
    pub kind: TimeType,
    /// The TIMEX3 value.
    pub value: String,
    /// For a local clock time whose place is known: the time in UTC.
    pub utc: Option<String>,
}

/// Configuration of the `times` stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimesConfig {}

/// The `times` stage. Local clock times get their UTC value later, from the `places` stage,
/// which knows the time zone of the place the text puts them in.
pub struct Times {}

impl Times {
    /// Builds the stage.
    pub fn new(_config: TimesConfig) -> Times {
        Times {}
    }
}

/// `2025-08-15T11:30` in `zone` as UTC: `2025-08-15T19:30Z`.
pub(crate) fn to_utc(local: &str, zone: &str) -> Option<String> {
    let (date, time) = local.split_once('T')?;
    let d = Date::parse_prefix(date).ok()?;
    let (h, m) = time.split_once(':')?;
    let dt = jiff::civil::DateTime::new(d.year() as i16, d.month() as i8, d.day() as i8, h.parse().ok()?, m.parse().ok()?, 0, 0).ok()?;
    let zoned = dt.to_zoned(jiff::tz::TimeZone::get(zone).ok()?).ok()?;
    Some(zoned.with_time_zone(jiff::tz::TimeZone::UTC).strftime("%Y-%m-%dT%H:%MZ").to_string())
}

impl Stage for Times {
    fn name(&self) -> &'static str {
        "times"
    }

    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let text = doc.text();
        // With no reference date given, a full date in the first two sentences (a dateline:
        // `ANCHORAGE, Alaska, Aug. 15, 2025 (Reuters) -`, `March 01, 2008`) is the publication date.
        let mut reference = doc.meta.published;
        if reference.is_none() {
            reference = (0..doc.sentences.len().min(2)).find_map(|si| {
                let words: Vec<&str> = doc.sentence_tokens(SentenceId(si as u32)).iter().map(|t| &text[t.span]).collect();
                find(&words, None).into_iter().find_map(|m| Date::parse_prefix(&m.value).ok().filter(|_| m.value.len() == 10))
            });
        }
        let mut out = Vec::new();
        // The last calendar day the text gave (what `two days later` and `the same day` count
        // from) and its last date of any kind (`the same month a year ago`).
        let mut last_day = reference;
        let mut last_any = reference.map(|d| d.to_string());
        for si in 0..doc.sentences.len() {
            let tokens = doc.sentence_tokens(SentenceId(si as u32));
            let words: Vec<&str> = tokens.iter().map(|t| &text[t.span]).collect();
            for mut m in find(&words, reference) {
                if let Some(marker) = m.value.strip_prefix('@') {
                    m.value = resolve(marker, last_day, last_any.as_deref());
                }
                if m.kind == TimeType::Date && m.value.as_bytes().get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit)) {
                    if m.value.len() == 10 {
                        last_day = Date::parse_prefix(&m.value).ok().or(last_day);
                    }
                    last_any = Some(m.value.clone());
                }
                let span = Span { start: tokens[m.start].span.start, end: tokens[m.end - 1].span.end };
                out.push(TimeExpr { span, kind: m.kind, value: m.value, utc: None });
            }
        }
        doc.times = out;
        doc.meta.published = doc.meta.published.or(reference);
        Ok(())
    }
}

/// A match over a sentence's tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: TimeType,
    /// Its TIMEX3 value.
    pub value: String,
}

/// Nouns that make a four-digit number a count, not a year (`2019 people`).
const COUNTED: &[&str] = &[
    "people", "person", "vote", "point", "job", "worker", "employee", "car", "vehicle", "unit", "share", "ton", "tonne",
    "kilometre", "kilometer", "mile", "meter", "metre", "foot", "feet", "dollar", "euro", "pound", "yen", "barrel", "troop",
    "soldier", "death", "case", "home", "house", "seat", "delegate", "store", "plane", "aircraft", "flight", "km", "mw",
];

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A month name or abbreviation (`August`, `Aug.`, `Sept`), from a lower-case word.
fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if w.len() < 3 {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    (w.len() == 3).then(|| MONTHS.iter().position(|m| m.starts_with(w)).map(|i| i as u32 + 1)).flatten()
}

/// A weekday, from a lower-case word.
fn weekday(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32 + 1)
}

/// A number written in digits or words, up to ninety-nine (and `a`/`an` as one).
const NUMBER_ONES: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const NUMBER_TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn number(w: &str) -> Option<u32> {
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return if w.contains(',') { w.replace(',', "").parse().ok() } else { w.parse().ok() };
    }
    if let Some(i) = NUMBER_ONES.iter().position(|o| *o == w) {
        return Some(i as u32);
    }
    if let Some(i) = NUMBER_TENS.iter().position(|t| *t == w) {
        return Some(20 + 10 * i as u32);
    }
    if let Some((t, o)) = w.split_once('-') {
        let t = NUMBER_TENS.iter().position(|x| *x == t)?;
        let o = NUMBER_ONES[1..10].iter().position(|x| *x == o)?;
        return Some(20 + 10 * t as u32 + o as u32 + 1);
    }
    None
}

/// A day of the month: `15`, `15th`, `15,`.
fn day(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year: four digits from 1000 to 2199.
fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten().filter(|y| (1000..2200).contains(y))
}

/// The unit of a duration, as the TIMEX3 letter and whether it is a time (`PT`) unit.
fn unit(w: &str) -> Option<(&'static str, bool)> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "second" => ("S", true),
        "minute" => ("M", true),
        "hour" => ("H", true),
        "day" => ("D", false),
        "week" => ("W", false),
        "month" => ("M", false),
        "year" => ("Y", false),
        "decade" => ("DE", false),
        "quarter" => ("Q", false),
        "century" | "centurie" => ("CE", false),
        _ => return None,
    })
}

fn duration(n: Option<u32>, (u, time): (&str, bool)) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    // Decades and centuries have no TIMEX3 letter of their own: count their years.
    match (u, n.parse::<u32>()) {
        ("DE", Ok(k)) => format!("P{}Y", k * 10),
        ("CE", Ok(k)) => format!("P{}Y", k * 100),
        ("DE" | "CE", _) => "PXY".to_string(),
        _ if time => format!("PT{n}{u}"),
        _ => format!("P{n}{u}"),
    }
}

/// The tense around token `at`: -1 past, 0 present or unknown, 1 future.
fn tense(lower: &[Cow<'_, str>], at: usize) -> i32 {
    let w = |k: usize| lower.get(k).map_or("", |c| c.as_ref());
    // The word before the expression decides first: `since March` looks back, and `said
    // Friday` (or `said on Friday`) dates the saying, in the past.
    let before = if w(at.wrapping_sub(1)) == "on" { at.wrapping_sub(2) } else { at.wrapping_sub(1) };
    if w(at.wrapping_sub(1)) == "since" || matches!(w(before), "said" | "announced" | "reported" | "stated" | "added" | "told") {
        return -1;
    }
    let is_future = |w: &str| {
        matches!(w, "will" | "’ll" | "'ll" | "shall" | "should" | "scheduled" | "expected" | "plans" | "planned" | "set" | "due" | "upcoming" | "next" | "tomorrow")
    };
    let is_past = |k: usize| {
        let v = w(k);
        matches!(v, "was" | "were" | "had" | "did" | "ago" | "last" | "met" | "went" | "came" | "took" | "made" | "gave" | "held" | "left" | "began" | "rose" | "fell" | "grew" | "lost" | "won" | "sold" | "bought" | "saw" | "paid" | "hit")
            // `-ed` after `be` is a passive under a modal (`should be completed`), no tense.
            || (v.len() > 4 && v.ends_with("ed") && w(k.wrapping_sub(1)) != "be" && !matches!(v, "need" | "speed" | "indeed" | "red" | "reported" | "stated" | "added"))
    };
    // The nearest tense marker on either side (reporting verbs excluded: `said` rarely
    // governs the time it reports).
    let marker = |k: usize| -> Option<i32> {
        if k >= lower.len() {
            None
        } else if is_future(w(k)) {
            Some(1)
        } else if is_past(k) {
            Some(-1)
        } else {
            None
        }
    };
    for d in 1..lower.len() {
        if let Some(t) = at.checked_sub(d).and_then(marker).or_else(|| marker(at + d)) {
            return t;
        }
    }
    0
}

/// The direction of `last`, `this`, `next` (and their synonyms) from the reference.
fn direction(w: &str) -> Option<i32> {
    match w {
        "last" | "past" | "previous" => Some(-1),
        "this" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    }
}

/// Resolves a month and day without a year by tense: the nearest such date before the
/// reference (past), after it (future), or in its year (present).
fn anchor_month_day(month: u32, day: u32, reference: Option<Date>, tense: i32) -> String {
    let Some(r) = reference else { return format!("XXXX-{month:02}-{day:02}") };
    // The reference's year, unless the tense puts the date well (two months) on the other
    // side of the reference: news reports past events in the past tense, and plans, announced
    // in the past tense too, mostly for later in the same year.
    let in_year = |y: i32| Date::new(y, month, day);
    let same = in_year(r.year());
    let gap = same.map_or(0, |d| d.days() - r.days());
    let d = match tense {
        -1 if gap > 60 => in_year(r.year() - 1),
        1 if gap < -60 => in_year(r.year() + 1),
        _ => same,
    };
    d.map_or(format!("XXXX-{month:02}-{day:02}"), |d| d.to_string())
}

/// Resolves a weekday by tense: on or before the reference (past), on or after (future),
/// the one of the reference's week (present).
fn anchor_weekday(wd: u32, reference: Option<Date>, tense: i32) -> String {
    let Some(r) = reference else { return format!("XXXX-WXX-{wd}") };
    let diff = i64::from(wd) - i64::from(r.weekday());
    let offset = match tense {
        -1 => if diff > 0 { diff - 7 } else { diff },
        1 => if diff < 0 { diff + 7 } else { diff },
        _ => diff,
    };
    r.add_days(offset).map_or(format!("XXXX-WXX-{wd}"), |d| d.to_string())
}

/// Finds the time expressions of a sentence.
pub fn find(words: &[&str], reference: Option<Date>) -> Vec<Found> {
    let lower: Vec<Cow<'_, str>> = words.iter().map(|w| crate::chars::lowercase(w)).collect();
    let w = |i: usize| lower.get(i).map_or("", |c| c.as_ref());
    let raw = |i: usize| words.get(i).copied().unwrap_or("");
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Found>, start: usize, end: usize, kind: TimeType, value: String| {
        out.push(Found { start, end, kind, value });
        end
    };
    while i < words.len() {
        if !is_trigger(w(i)) {
            i += 1;
            continue;
        }
        let start = i;
        // Modifiers that belong to the expression: `early 2024`, `mid-August`, `late last year`.
        let (j, modifier) = match w(i) {
            "early" | "late" | "mid" | "the" => (i + 1, w(i)),
            m if m.starts_with("mid-") => (i, "mid"),
            _ => (i, ""),
        };
        let token_j = if modifier == "mid" && w(j).starts_with("mid-") { &w(j)[4..] } else { w(j) };

        // Month [day][,] [year] | Month year
        if let Some(m) = month(token_j).filter(|_| raw(j).starts_with(char::is_uppercase) || raw(j).starts_with("mid-")) {
            // `May` and `March` are also words: without a day or year they need a capital
            // and a preposition-like neighbour, as in `in May`.
            let mut k = j + 1;
            let d = day(w(k).trim_end_matches(','));
            if d.is_some() {
                k += 1;
                if w(k) == "," {
                    k += 1;
                }
            }
            let mut y = year(w(k));
            let end = if y.is_some() { k + 1 } else if d.is_some() { if w(k - 1) == "," { k - 1 } else { k } } else { j + 1 };
            // `October of next year`, `March 3 of last year` (two expressions: the year is
            // one of its own)
            if let (None, "of", Some(dir), "year", Some(r)) = (y, w(end), direction(w(end + 1)), w(end + 2), reference) {
                y = Some(r.year() + dir);
            }
            let ambiguous = matches!(m, 3 | 5) && d.is_none() && y.is_none() && !matches!(w(start.wrapping_sub(1)), "in" | "since" | "until" | "by" | "of" | "from" | "last" | "next" | "early" | "late" | "mid");
            if !ambiguous && (d.is_none() || d.is_some_and(|d| d <= days_in_month(y.unwrap_or(2000), m))) {
                let value = match (d, y) {
                    (Some(d), Some(y)) => format!("{y:04}-{m:02}-{d:02}"),
                    (Some(d), None) => anchor_month_day(m, d, reference, tense(&lower, start)),
                    (None, Some(y)) => format!("{y:04}-{m:02}"),
                    (None, None) => {
                        let y = reference.map(|r| {
                            let t = tense(&lower, start);
                            let gap = m as i32 - r.month() as i32;
                            if t < 0 && gap > 2 { r.year() - 1 } else if t > 0 && gap < -2 { r.year() + 1 } else { r.year() }
                        });
                        y.map_or(format!("XXXX-{m:02}"), |y| format!("{y:04}-{m:02}"))
                    }
                };
                let s = if modifier == "the" { j } else { start };
                i = push(&mut out, s, end, TimeType::Date, value);
                continue;
            }
        }
        // Day Month [year]: `15 August 2025`
        if let (Some(d), Some(m)) = (day(w(j)), month(w(j + 1))) {
            if raw(j + 1).starts_with(char::is_uppercase) && d <= days_in_month(2000, m) {
                let y = year(w(j + 2));
                let end = j + 2 + usize::from(y.is_some());
                let value = match y {
                    Some(y) if Date::new(y, m, d).is_some() => format!("{y:04}-{m:02}-{d:02}"),
                    Some(_) => {
                        i += 1;
                        continue;
                    }
                    None => anchor_month_day(m, d, reference, tense(&lower, start)),
                };
                i = push(&mut out, j, end, TimeType::Date, value);
                continue;
            }
        }
        // ISO dates and numeric dates: `2025-08-15`, `15/08/2025`, `8/15/2025`
        if let Some(value) = numeric_date(w(j)) {
            i = push(&mut out, j, j + 1, TimeType::Date, value);
            continue;
        }
        // A name before a number makes it a version or a model, not a year: `iLife '11`,
        // `the Russell 2000 Index` (but `WWDC 2005`, an edition, is one).
        let named = j > 1 && raw(j - 1).contains(char::is_uppercase) && month(w(j - 1)).is_none();
        if let Some(y) = short_year(w(j)).filter(|_| !named) {
            i = push(&mut out, j, j + 1, TimeType::Date, y);
            continue;
        }
        // Decades: `the 1990s`, `the ’90s`
        if let Some(decade) = decade(w(j)) {
            i = push(&mut out, start, j + 1, TimeType::Date, decade);
            continue;
        }
        // `third-quarter` (an adjective), `the last quarter`
        if let Some(q) = ["first-quarter", "second-quarter", "third-quarter", "fourth-quarter"].iter().position(|o| *o == w(j)) {
            let value = reference.map_or(format!("XXXX-Q{}", q + 1), |r| format!("{:04}-Q{}", r.year(), q + 1));
            i = push(&mut out, j, j + 1, TimeType::Date, value);
            continue;
        }
        // Quarters: `the third quarter [of 2008]`, `Q3`
        let ordinal = match w(j) {
            "final" => Some(3),
            o => ["first", "second", "third", "fourth"].iter().position(|x| *x == o),
        };
        if let Some(q) = ordinal.filter(|_| w(j + 1) == "quarter") {
            let (y, end) = match (w(j + 2), year(w(j + 3)), w(j + 3), w(j + 4)) {
                ("of", Some(y), _, _) => (Some(y), j + 4),
                ("of", None, "last" | "this" | "next", "year") => {
                    let dir = match w(j + 3) { "last" => -1, "next" => 1, _ => 0 };
                    (reference.map(|r| r.year() + dir), j + 5)
                }
                // Without a year, the tense moves a quarter well (two quarters) on the other
                // side of the reference's into the year before or after: `rose in the fourth
                // quarter`, written in March, is last year's.
                _ => (
                    year(w(j.wrapping_sub(1))).or(reference.map(|r| {
                        let gap = q as i32 - (r.month() as i32 - 1) / 3;
                        match tense(&lower, start) {
                            -1 if gap >= 2 => r.year() - 1,
                            1 if gap <= -2 => r.year() + 1,
                            _ => r.year(),
                        }
                    })),
                    j + 2,
                ),
            };
            let value = y.map_or(format!("XXXX-Q{}", q + 1), |y| format!("{y:04}-Q{}", q + 1));
            i = push(&mut out, start, end, TimeType::Date, value);
            continue;
        }
        // Years: `1867`, `in 2019`, `the 1991 recession`, `early 2024` (not money, not
        // `2019 people`; years before 1900 only where a preposition says so)
        if let Some(y) = year(token_j) {
            let money = matches!(w(j.wrapping_sub(1)), "$" | "€" | "£" | "us$" | "#" | "no." | "number" | "flight" | "route");
            let count = COUNTED.contains(&w(j + 1).trim_end_matches('s')) || (named && raw(j + 1).starts_with(char::is_uppercase));
            let context = matches!(w(j.wrapping_sub(1)), "in" | "since" | "of" | "year" | "until" | "by" | "from" | "to" | "and" | "before" | "after" | "early" | "late" | "mid" | "around" | "circa");
            if !money && !count && ((1900..2100).contains(&y) || context) {
                // `early 2024` keeps its modifier in the extent; TIMEX3 puts it in `mod`.
                let s = if modifier == "the" { j } else { start };
                i = push(&mut out, s, j + 1, TimeType::Date, format!("{y:04}"));
                continue;
            }
        }
        // Weekdays: `Friday`, `on Monday`
        if let Some(wd) = weekday(w(i)).filter(|_| raw(i).starts_with(char::is_uppercase)) {
            // `until Friday`, within a week, is ahead whatever the tense of the sentence.
            let t = if matches!(w(i.wrapping_sub(1)), "until" | "till") { 1 } else { tense(&lower, i) };
            let value = anchor_weekday(wd, reference, t);
            if let Some(part) = part_of_day(w(i + 1)) {
                i = push(&mut out, i, i + 2, TimeType::Time, format!("{value}T{part}"));
            } else {
                i = push(&mut out, i, i + 1, TimeType::Date, value);
            }
            continue;
        }
        // Seasons: `spring`, `this summer`, `Autumn 2008` (`fall` only where it is a season:
        // `this fall`, `in the fall`, `fall 2008`, not `shares fall`)
        let seasonal = w(j) != "fall" || year(w(j + 1)).is_some() || matches!(w(j.wrapping_sub(1)), "this" | "last" | "next" | "the" | "in");
        if let Some(season) = season(w(j)).filter(|_| seasonal) {
            let (y, end) = match year(w(j + 1)) {
                Some(y) => (Some(y), j + 2),
                None => (reference.map(|r| r.year()), j + 1),
            };
            let value = y.map_or(format!("XXXX-{season}"), |y| format!("{y:04}-{season}"));
            i = push(&mut out, if modifier == "the" { j } else { start }, end, TimeType::Date, value);
            continue;
        }
        // `annual`: a set
        if matches!(w(i), "annual" | "annually" | "yearly") {
            i = push(&mut out, i, i + 1, TimeType::Set, "P1Y".to_string());
            continue;
        }
        // Anaphora: `the same day`, `the day`, `that time`, `the previous year`, `the same
        // month a year ago` name a time the text gave before; the stage resolves the marker
        // (`@=D`, `@-1YM`, ...) against the last date it has read.
        if let Some((len, kind, value)) = anaphor(&lower, i) {
            i = push(&mut out, i, i + len, kind, value);
            continue;
        }
        // `the near term`, `the time being`
        if w(i) == "the" {
            let fixed = match (w(i + 1), w(i + 2)) {
                ("near" | "long" | "short" | "medium", "term") => Some((3, "FUTURE_REF")),
                ("time", "being") => Some((3, "PRESENT_REF")),
                _ => None,
            };
            if let Some((len, value)) = fixed {
                i = push(&mut out, i, i + len, TimeType::Date, value.to_string());
                continue;
            }
        }
        if matches!(w(i), "short-term" | "long-term" | "near-term") {
            i = push(&mut out, i, i + 1, TimeType::Date, "FUTURE_REF".to_string());
            continue;
        }
        // `the weekend`: the reference's
        if matches!(w(i), "the" | "that") && w(i + 1) == "weekend" {
            if let Some(r) = reference {
                let (y, wk) = r.iso_week();
                i = push(&mut out, i, i + 2, TimeType::Date, format!("{y:04}-W{wk:02}-WE"));
                continue;
            }
        }
        // Deictic words
        // `this morning`, `Friday morning`, `tonight`: the day and a part of it.
        if matches!(w(i), "this" | "yesterday" | "tomorrow") && part_of_day(w(i + 1)).is_some() {
            let day = match w(i) {
                "yesterday" => reference.and_then(|r| r.add_days(-1)),
                "tomorrow" => reference.and_then(|r| r.add_days(1)),
                _ => reference,
            };
            let value = format!("{}T{}", day.map_or("XXXX-XX-XX".to_string(), |d| d.to_string()), part_of_day(w(i + 1)).expect("checked"));
            i = push(&mut out, i, i + 2, TimeType::Time, value);
            continue;
        }
        let deictic = match w(i) {
            "today" | "tonight" => reference.map_or("PRESENT_REF".into(), |r| r.to_string()).into(),
            "current" => Some("PRESENT_REF".into()),
            "recent" | "past" if unit(w(i + 1)).is_none() && number(w(i + 1)).is_none() => Some("PAST_REF".into()),
            "later" if is_deictic_lead(w(i + 1)) => None,
            "later" | "future" => Some("FUTURE_REF".into()),
            "yesterday" => reference.and_then(|r| r.add_days(-1)).map(|d| d.to_string()),
            "tomorrow" => reference.and_then(|r| r.add_days(1)).map(|d| d.to_string()),
            "now" | "currently" | "nowadays" => Some("PRESENT_REF".into()),
            "recently" | "lately" => Some("PAST_REF".into()),
            "soon" => Some("FUTURE_REF".into()),
            _ => None,
        };
        if let Some(value) = deictic {
            i = push(&mut out, i, i + 1, TimeType::Date, value);
            continue;
        }
        // `last week`, `next month`, `this year`, `earlier this year`, `last Friday`
        // (`the past week` is a length of time, up to now: a duration below)
        if matches!(w(i), "last" | "next" | "this" | "past" | "coming") && !(w(i) == "past" && w(i.wrapping_sub(1)) == "the") {
            let dir = direction(w(i)).expect("a direction");
            let target = w(i + 1);
            if let Some(wd) = weekday(w(i + 1)) {
                let value = anchor_weekday(wd, reference.and_then(|r| r.add_days(7 * i64::from(dir))), 0);
                i = push(&mut out, i, i + 2, TimeType::Date, value);
                continue;
            }
            let value = reference.and_then(|r| match target {
                "week" => {
                    let (y, wk) = r.add_days(7 * i64::from(dir))?.iso_week();
                    Some(format!("{y:04}-W{wk:02}"))
                }
                "month" => {
                    let m = i64::from(r.year()) * 12 + i64::from(r.month()) - 1 + i64::from(dir);
                    Some(format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1))
                }
                "year" => Some(format!("{:04}", r.year() + dir)),
                "quarter" => {
                    let q = i64::from(r.year()) * 4 + i64::from((r.month() - 1) / 3) + i64::from(dir);
                    Some(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1))
                }
                "weekend" => {
                    let (y, wk) = r.add_days(7 * i64::from(dir))?.iso_week();
                    Some(format!("{y:04}-W{wk:02}-WE"))
                }
                _ => None,
            });
            if let Some(value) = value {
                i = push(&mut out, i, i + 2, TimeType::Date, value);
                continue;
            }
        }
        // Clock times: `11:30 a.m.`, `6 p.m.`, with `local time`
        if let Some((h, m, used)) = clock(&lower, i) {
            let mut end = i + used;
            let mut zone = "";
            if w(end) == "local" && w(end + 1) == "time" {
                end += 2;
            } else if matches!(w(end), "utc" | "gmt") {
                end += 1;
                zone = "Z";
            }
            // `12:00 UTC Monday`, `16:00 UTC today`: the day belongs to the time.
            let day = match w(end) {
                "today" => Some(reference),
                "yesterday" => Some(reference.and_then(|r| r.add_days(-1))),
                "tomorrow" => Some(reference.and_then(|r| r.add_days(1))),
                d => weekday(d).filter(|_| raw(end).starts_with(char::is_uppercase)).map(|wd| {
                    let t = tense(&lower, end);
                    Date::parse_prefix(&anchor_weekday(wd, reference, t)).ok()
                }),
            };
            end += usize::from(day.is_some());
            let date = day.unwrap_or(reference).map_or("XXXX-XX-XX".to_string(), |r| r.to_string());
            i = push(&mut out, i, end, TimeType::Time, format!("{date}T{h:02}:{m:02}{zone}"));
            continue;
        }
        // Sets: `every week`, `each year`, `daily`, `annually`
        let set = match w(i) {
            "every" | "each" | "per" => unit(w(i + 1)).map(|u| (duration(Some(1), u), 2)),
            "daily" => Some(("P1D".to_string(), 1)),
            "weekly" => Some(("P1W".to_string(), 1)),
            "monthly" => Some(("P1M".to_string(), 1)),
            "annually" | "yearly" => Some(("P1Y".to_string(), 1)),
            _ => None,
        };
        if let Some((value, len)) = set {
            i = push(&mut out, i, i + len, TimeType::Set, value);
            continue;
        }
        // Durations: `24 hours`, `six or seven hours`, `a year`, `several days`, `minutes`,
        // `recent days`, `two days later` (a date).
        if let Some(found) = duration_at(&lower, i, reference) {
            i = push(&mut out, found.start, found.end, found.kind, found.value);
            continue;
        }
        i += 1;
    }
    // A clock time happens on the day its sentence names (`on Monday at 16:15 UTC`), else on
    // the reference date.
    let days: Vec<(usize, String)> =
        out.iter().filter(|f| f.kind == TimeType::Date && f.value.len() == 10).map(|f| (f.start, f.value.clone())).collect();
    let own_day = |f: &Found| weekday(w(f.end - 1)).is_some() || matches!(w(f.end - 1), "today" | "yesterday" | "tomorrow");
    for f in out.iter_mut().filter(|f| f.kind == TimeType::Time && f.value.len() >= 16 && f.value.as_bytes()[10] == b'T') {
        if let Some((_, day)) = days.iter().filter(|_| !own_day(f)).min_by_key(|(at, _)| at.abs_diff(f.start)) {
            f.value.replace_range(..10, day);
        }
    }
    // `earlier today`, `later this year`: the part of the day or year keeps its value.
    for f in &mut out {
        if f.start > 0 && matches!(w(f.start - 1), "earlier" | "later") && is_deictic_lead(w(f.start)) {
            f.start -= 1;
        }
    }
    out
}

/// Words that begin a date `earlier` or `later` can lead: `later today`, `earlier this year`.
fn is_deictic_lead(w: &str) -> bool {
    matches!(w, "today" | "tonight" | "yesterday" | "tomorrow" | "this" | "last" | "next")
}

/// Words that can begin a time expression (most words cannot: they are skipped at once).
const TRIGGERS: &[&str] = &[
    "a", "an", "annual", "annually", "april", "aug", "aug.", "august", "autumn", "coming", "current",
    "currently", "daily", "day", "dec", "dec.", "december", "each", "early", "every", "fall", "feb", "feb.",
    "february", "few", "final", "first", "first-quarter", "fourth", "fourth-quarter", "friday", "future", "jan",
    "jan.", "january", "jul", "jul.", "july", "jun", "jun.", "june", "last", "late", "lately", "later",
    "long-term", "many", "mar", "mar.", "march", "may", "mid", "monday", "monthly", "near-term", "next", "nov",
    "nov.", "november", "now", "nowadays", "oct", "oct.", "october", "past", "per", "previous", "recent",
    "recently", "same", "saturday", "second", "second-quarter", "sep", "sep.", "sept", "sept.", "september",
    "several", "short-term", "soon", "spring", "summer", "sunday", "that", "the", "third", "third-quarter",
    "this", "thursday", "today", "tomorrow", "tonight", "tuesday", "wednesday", "weekly", "winter", "yearly",
    "yesterday",
];

/// Can a time expression start at this word? Asked of every word, so the word lists are one
/// hash set: the triggers and the number words (digits and hyphenated words such as
/// `twenty-one` and `mid-August` pass by their first character or hyphen).
fn is_trigger(w: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    let words = WORDS.get_or_init(|| TRIGGERS.iter().chain(&NUMBER_ONES).chain(&NUMBER_TENS).copied().collect());
    w.starts_with(|c: char| c.is_ascii_digit() || c == '\'' || c == '’')
        || w.contains('-')
        || words.contains(w)
        || unit(w).is_some()
}

/// `morning` → `MO` and the other TIMEX3 parts of a day.
fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "tonight" => "NI",
        _ => return None,
    })
}

/// `spring` → `SP` and the other TIMEX3 seasons.
fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// `2025-08-15`, `2025-08`, `15/08/2025`, `8/15/2025` (day first when it cannot be a month).
fn numeric_date(w: &str) -> Option<String> {
    let parts: Vec<&str> = w.split(['-', '/']).collect();
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if w.contains('-') && parts.len() == 3 && parts[0].len() == 4 {
        let d = Date::new(nums[0] as i32, nums[1], nums[2])?;
        return Some(d.to_string());
    }
    if w.contains('/') && parts.len() == 3 && matches!(parts[2].len(), 2 | 4) {
        let y = if parts[2].len() == 2 { 2000 + nums[2] as i32 - if nums[2] > 50 { 100 } else { 0 } } else { nums[2] as i32 };
        let (a, b) = (nums[0], nums[1]);
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        return Date::new(y, m, d).map(|d| d.to_string());
    }
    None
}

/// `’82` → `1982`: a year written with an apostrophe.
fn short_year(w: &str) -> Option<String> {
    let d = w.strip_prefix(['\'', '’'])?;
    (d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit())).then(|| {
        let n: u32 = d.parse().expect("two digits");
        format!("{}", if n > 30 { 1900 + n } else { 2000 + n })
    })
}

/// `1990s`, `’90s` → `199`.
fn decade(w: &str) -> Option<String> {
    let d = w.trim_start_matches(['\'', '’']).strip_suffix('s')?;
    if !d.bytes().all(|b| b.is_ascii_digit()) || !d.ends_with('0') {
        return None;
    }
    match d.len() {
        4 => Some(d[..3].to_string()),
        2 => Some(format!("19{}", &d[..1])),
        _ => None,
    }
}

/// A clock time at token `i`: (hour, minute, tokens used). Needs `a.m.`/`p.m.` or `H:MM`.
fn clock(lower: &[Cow<'_, str>], i: usize) -> Option<(u32, u32, usize)> {
    let w = lower.get(i)?;
    let (h, m) = match w.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (w.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let meridiem = lower.get(i + 1).map(|c| c.as_ref()).filter(|n| matches!(*n, "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m"));
    // `0800 UTC`: military time, only before a zone.
    let military = w.len() == 4 && lower.get(i + 1).is_some_and(|z| z == "utc" || z == "gmt");
    let (h, m) = if military { (h / 100, h % 100) } else { (h, m) };
    if meridiem.is_none() && !w.contains(':') && !military {
        return None;
    }
    if m > 59 || h > 23 || (meridiem.is_some() && !(1..=12).contains(&h)) {
        return None;
    }
    let h = match meridiem {
        Some(p) if p.starts_with('p') && h < 12 => h + 12,
        Some(p) if p.starts_with('a') && h == 12 => 0,
        _ => h,
    };
    Some((h, m, 1 + usize::from(meridiem.is_some())))
}

/// An expression at token `i` that names a time the text gave before, as (tokens used, type,
/// marker): `@=D` the last day (`the same day`, `the day`; `@=DTMO` its morning), `@=` the
/// last date of any kind (`by that time`), `@=Y` and `@=M` its year or month (`the end of
/// the year`), `@+1D`/`@-1D` the day after or before it (`the
/// next day`), `@-1Y` and a granularity (`D`ay, `M`onth, `Y`ear, `P`eriod: as given) the
/// same a year earlier (`the same month a year ago`, `the year before`).
fn anaphor(lower: &[Cow<'_, str>], i: usize) -> Option<(usize, TimeType, String)> {
    let w = |k: usize| lower.get(k).map_or("", |c| c.as_ref());
    match (w(i), w(i + 1), w(i + 2)) {
        ("the", "same", unit @ ("day" | "week" | "month" | "quarter" | "period" | "time")) => {
            // `a year ago`, `a year earlier`, `last year`, `of the previous year`
            let mut k = i + 3 + usize::from(w(i + 3) == "of");
            k += usize::from(w(k) == "the");
            let a_year = match (w(k), w(k + 1), w(k + 2)) {
                ("a" | "one", "year", "ago" | "earlier" | "before") => Some(k + 3),
                ("last" | "previous" | "prior", "year", _) => Some(k + 2),
                ("year", "before" | "earlier", _) => Some(k + 2),
                _ => None,
            };
            let granularity = match unit {
                "day" => 'D',
                "month" => 'M',
                _ => 'P',
            };
            match (a_year, unit) {
                (Some(end), _) => Some((end - i, TimeType::Date, format!("@-1Y{granularity}"))),
                (None, "day") => Some((3, TimeType::Date, "@=D".to_string())),
                _ => None,
            }
        }
        ("the", "previous" | "prior", "year") | ("the", "year", "previous" | "before" | "earlier") => Some((3, TimeType::Date, "@-1YY".to_string())),
        ("the", "previous" | "prior", "day") => Some((3, TimeType::Date, "@-1D".to_string())),
        ("the", "next" | "following", "day") => Some((3, TimeType::Date, "@+1D".to_string())),
        // `the day before` ends there: `the day before the vote` counts from an event, and
        // `the day after falling` is the day itself, with a clause after it.
        ("the", "day", "before" | "after") if !w(i + 3).starts_with(char::is_alphanumeric) => {
            Some((3, TimeType::Date, if w(i + 2) == "after" { "@+1D" } else { "@-1D" }.to_string()))
        }
        ("the" | "that", "day", next)
            if !matches!(next, "of" | "when" | "that" | "on" | "before" | "after") || w(i + 3).ends_with("ing") =>
        {
            Some((2, TimeType::Date, "@=D".to_string()))
        }
        ("the", p, _) if part_of_day(p).is_some() => Some((2, TimeType::Time, format!("@=DT{}", part_of_day(p).expect("checked")))),
        // `the beginning of the year`, `the end of the month`: the year or month in question
        ("the", "beginning" | "start" | "end" | "middle", "of") if w(i + 3) == "the" && matches!(w(i + 4), "year" | "month") => {
            Some((5, TimeType::Date, if w(i + 4) == "year" { "@=Y" } else { "@=M" }.to_string()))
        }
        ("that", "time", _) if matches!(w(i.wrapping_sub(1)), "by" | "at" | "until" | "since") => Some((2, TimeType::Date, "@=".to_string())),
        _ => None,
    }
}

/// Resolves a marker of [`anaphor`] (or `@+2D` of `two days later`) against the last day and
/// the last date of any kind the text gave.
fn resolve(marker: &str, last_day: Option<Date>, last_any: Option<&str>) -> String {
    let unknown = "XXXX-XX-XX";
    if let Some(part) = marker.strip_prefix("=D") {
        return format!("{}{part}", last_day.map_or(unknown.to_string(), |d| d.to_string()));
    }
    if marker == "=" {
        return last_any.unwrap_or(unknown).to_string();
    }
    // The year (`=Y`) or the month (`=M`) of the last date.
    if let Some(g) = marker.strip_prefix('=') {
        let len = if g == "Y" { 4 } else { 7 };
        let month = last_any.is_some_and(|a| a.len() >= 7 && a.as_bytes()[5..7].iter().all(u8::is_ascii_digit));
        return match last_any {
            Some(a) if len == 4 || month => a[..len].to_string(),
            _ => if len == 4 { "XXXX" } else { "XXXX-XX" }.to_string(),
        };
    }
    if let Some(granularity) = marker.strip_prefix("-1Y") {
        let Some((y, rest)) = last_any.and_then(|a| Some((a.get(..4)?.parse::<i32>().ok()?, &a[4..]))) else {
            return if granularity == "Y" { "XXXX".to_string() } else { unknown.to_string() };
        };
        let month = rest.len() >= 3 && rest.as_bytes()[1..3].iter().all(u8::is_ascii_digit);
        let rest = match granularity {
            "Y" => "",
            "M" if month => &rest[..3],
            "M" => "",
            // A period given as a day is compared with its year.
            "P" if rest.len() == 6 && month => "",
            _ => rest,
        };
        return format!("{:04}{rest}", y - 1);
    }
    let days: i64 = marker.trim_end_matches('D').parse().unwrap_or(0);
    last_day.and_then(|d| d.add_days(days)).map_or(unknown.to_string(), |d| d.to_string())
}

fn duration_at(lower: &[Cow<'_, str>], i: usize, reference: Option<Date>) -> Option<Found> {
    let w = |k: usize| lower.get(k).map_or("", |c| c.as_ref());
    // Bare plural units: `minutes`, `hours`, `recent days`, `years`, `in just minutes`,
    // `over the years`
    if let Some(u) = unit(w(i)).filter(|_| w(i).ends_with('s')) {
        let start = if matches!(w(i.wrapping_sub(1)), "recent" | "several" | "few" | "many") { i - 1 } else { i };
        let inner = usize::from(matches!(w(i.wrapping_sub(1)), "just" | "only" | "mere" | "the"));
        if start == i && !matches!(w(i.wrapping_sub(1 + inner)), "within" | "for" | "in" | "after" | "over") {
            return None;
        }
        let start = if w(i.wrapping_sub(1)) == "the" { i - 1 } else { start };
        return Some(Found { start, end: i + 1, kind: TimeType::Duration, value: duration(None, u) });
    }
    // `the past decade`, `the past week`: the length of time up to now.
    if w(i) == "past" || (w(i) == "last" && matches!(w(i + 1), "decade" | "century")) {
        let u = unit(w(i + 1)).filter(|_| w(i.wrapping_sub(1)) == "the" && !w(i + 1).ends_with('s'))?;
        return Some(Found { start: i - 1, end: i + 2, kind: TimeType::Duration, value: duration(Some(1), u) });
    }
    let n0 = number(w(i)).filter(|_| !w(i).is_empty());
    // `two and a half years`, `a year and a half`
    if w(i + 1) == "and" || w(i + 2) == "and" {
        let count = if matches!(w(i), "a" | "an") { Some(1) } else { n0 };
        let half = match (w(i + 1), w(i + 2), w(i + 3), w(i + 4)) {
            ("and", "a", "half", u) => unit(u).map(|u| (u, i + 5)),
            (u, "and", "a", "half") => unit(u).map(|u| (u, i + 5)),
            _ => None,
        };
        if let (Some(n), Some(((u, time), end))) = (count, half) {
            let value = if time { format!("PT{n}.5{u}") } else { format!("P{n}.5{u}") };
            return Some(Found { start: i, end, kind: TimeType::Duration, value });
        }
    }
    // `between 60 and 90 days`: the first number is a length of its own.
    if let (Some(n), "and" | "to") = (n0, w(i + 1)) {
        if let (Some(_), Some(u)) = (number(w(i + 2)), unit(w(i + 3))) {
            return Some(Found { start: i, end: i + 1, kind: TimeType::Duration, value: duration(Some(n), u) });
        }
    }
    // N unit, N or M unit, a unit, N-unit (`24 hours`, `six or seven hours`, `a year`,
    // `single-day`, `decades-long`)
    let (n, mut k, approximate) = if let Some(n) = n0 {
        if w(i + 1) == "or" && number(w(i + 2)).is_some() { (n, i + 3, true) } else { (n, i + 1, false) }
    } else if matches!(w(i), "a" | "an" | "one") && w(i + 1) != "second" {
        (1, i + 1, false)
    } else {
        let (num, u) = w(i).split_once('-')?;
        if w(i + 1) == "old" {
            return None;
        }
        let (n, u) = match (num, u) {
            (_, "long") => (if num.ends_with('s') { None } else { Some(1) }, unit(num)?),
            ("single", _) => (Some(1), unit(u)?),
            _ => (Some(number(num)?), unit(u)?),
        };
        return Some(Found { start: i, end: i + 1, kind: TimeType::Duration, value: duration(n, u) });
    };
    if matches!(w(k), "more" | "full" | "straight" | "consecutive" | "trading" | "business" | "working" | "long" | "additional" | "further") {
        k += 1;
    }
    let u = unit(w(k))?;
    if matches!(w(i), "a" | "an") && (w(i.wrapping_sub(1)).starts_with(|c: char| c.is_ascii_digit() || c == '$') || matches!(w(i.wrapping_sub(1)), "once" | "twice" | "times")) {
        // `15 a year`, `$5 a year`, `twice a year`: a rate, whose time is a set.
        return Some(Found { start: i, end: k + 1, kind: TimeType::Set, value: duration(Some(1), u) });
    }
    if w(k) == "quarter" && k == i + 1 && matches!(w(i), "a" | "one" | "three") && matches!(w(k + 1), "of" | ",") {
        return None; // `a quarter of its dealers` is a share
    }
    let end = k + 1;
    // `two days later`, `a week earlier`: a date relative to the last one the text gave;
    // the stage resolves the marker (`@+2D`) once it knows that date.
    if matches!(w(end), "later" | "earlier") && matches!(u.0, "D" | "W") && !u.1 {
        let sign = if w(end) == "later" { '+' } else { '-' };
        let days = if u.0 == "W" { 7 * n } else { n };
        return Some(Found { start: i, end: end + 1, kind: TimeType::Date, value: format!("@{sign}{days}D") });
    }
    // `three years ago`: a date, when the reference date is known.
    if w(end) == "ago" {
        let value = reference.and_then(|r| match u.0 {
            "D" => r.add_days(-i64::from(n)).map(|d| d.to_string()),
            "W" => r.add_days(-7 * i64::from(n)).map(|d| d.to_string()),
            "Y" => Some(format!("{:04}", r.year() - n as i32)),
            _ => None,
        });
        return Some(Found {
            start: i,
            end: end + 1,
            kind: TimeType::Date,
            value: value.unwrap_or_else(|| "PAST_REF".to_string()),
        });
    }
    let value = duration(if approximate { None } else { Some(n) }, u);
    Some(Found { start: i, end, kind: TimeType::Duration, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str) -> Vec<(String, TimeType, String)> {
        let words: Vec<&str> = text.split(' ').collect();
        find(&words, Date::new(2025, 8, 15))
            .into_iter()
            .map(|f| (words[f.start..f.end].join(" "), f.kind, f.value))
            .collect()
    }

    macro_rules! cases {
        ($($name:ident: $text:expr => [$(($t:expr, $k:ident, $v:expr)),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(times($text), vec![$(($t.to_string(), TimeType::$k, $v.to_string())),*]);
            }
        )*};
    }

    cases! {
        weekday_in_the_past_is_the_day_itself: "They headed to Alaska on Friday ." => [("Friday", Date, "2025-08-15")];
        weekday_in_the_future_is_the_next_one: "They will meet on Monday ." => [("Monday", Date, "2025-08-18")];
        month_day_in_the_past_tense: "a meeting on February 28 during which he criticized" => [("February 28", Date, "2025-02-28")];
        month_and_year: "since the invasion in February 2022 ," => [("February 2022", Date, "2022-02")];
        years_alone: "He last met Putin in 2019 and bought Alaska in 1867 ." => [("2019", Date, "2019"), ("1867", Date, "1867")];
        clock_time_local: "to start at 11:30 a.m. local time at the base" => [("11:30 a.m. local time", Time, "2025-08-15T11:30")];
        durations: "within minutes , at least six or seven hours , within 24 hours" => [
            ("minutes", Duration, "PTXM"), ("six or seven hours", Duration, "PTXH"), ("24 hours", Duration, "PT24H")
        ];
        recent_days: "Recent days have seen gains" => [("Recent days", Duration, "PXD")];
        full_dates: "On Aug. 15 , 2025 and on 15 August 2025 and 2025-08-15 and 15/08/2025 ." => [
            ("Aug. 15 , 2025", Date, "2025-08-15"), ("15 August 2025", Date, "2025-08-15"),
            ("2025-08-15", Date, "2025-08-15"), ("15/08/2025", Date, "2025-08-15")
        ];
        relative: "last week and next month and this year and yesterday" => [
            ("last week", Date, "2025-W32"), ("next month", Date, "2025-09"), ("this year", Date, "2025"), ("yesterday", Date, "2025-08-14")
        ];
        decades_and_parts: "in the 1990s and mid-August and early 2024" => [
            ("the 1990s", Date, "199"), ("mid-August", Date, "2025-08"), ("early 2024", Date, "2024")
        ];
        quarters: "profit in the third quarter of 2008 rose" => [("the third quarter of 2008", Date, "2008-Q3")];
        not_times: "2019 people came , $ 2025 and May I ask , 25:61 and February 30" => [];
        ago: "two days ago" => [("two days ago", Date, "2025-08-13")];
        plans_reported_in_the_past_keep_the_year: "The company said it would sell shares on October 12 ." => [("October 12", Date, "2025-10-12")];
        past_events_far_ahead_are_last_year: "Protesters gathered on December 20 ." => [("December 20", Date, "2024-12-20")];
        clock_times_take_their_sentences_day: "The quake struck on Wednesday at 16:15 UTC ." => [
            ("Wednesday", Date, "2025-08-13"), ("16:15 UTC", Time, "2025-08-13T16:15Z")
        ];
        a_day_after_a_clock_time_is_part_of_it: "The court ruled at 09:00 UTC Tuesday and again at 14:00 UTC today" => [
            ("09:00 UTC Tuesday", Time, "2025-08-12T09:00Z"), ("14:00 UTC today", Time, "2025-08-15T14:00Z")
        ];
        the_day_said_is_past_whatever_the_report: "The firm will cut jobs , a spokesman said Tuesday ." => [("Tuesday", Date, "2025-08-12")];
        until_a_weekday_looks_ahead: "The border has remained closed until Tuesday ." => [("Tuesday", Date, "2025-08-19")];
        since_a_month_looks_back: "Prices have not risen this much since November ." => [("November", Date, "2024-11")];
        a_passive_under_a_modal_is_no_past: "The sale should be completed in December ." => [("December", Date, "2025-12")];
        a_month_of_next_year: "The plant closes after October of next year ." => [("October", Date, "2026-10"), ("next year", Date, "2026")];
        earlier_and_later_lead_their_date: "Shares fell earlier today and will rise later this year" => [
            ("earlier today", Date, "2025-08-15"), ("later this year", Date, "2025")
        ];
        rates_are_sets: "The line builds 15 a year , twice a month" => [("a year", Set, "P1Y"), ("a month", Set, "P1M")];
        a_quarter_of_something_is_a_share: "It cut about a quarter , of its staff and a quarter of its stores ." => [];
        halves: "for two and a half years and a year and a half" => [
            ("two and a half years", Duration, "P2.5Y"), ("a year and a half", Duration, "P1.5Y")
        ];
        ranges_of_lengths: "between 60 and 90 days" => [("60", Duration, "P60D"), ("90 days", Duration, "P90D")];
        hyphenated_lengths: "a decades-long feud , the worst single-day loss , a year-long wait" => [
            ("decades-long", Duration, "PXY"), ("single-day", Duration, "P1D"), ("year-long", Duration, "P1Y")
        ];
        lengths_without_a_number: "in just minutes , over the years , in the past decade , for the past week" => [
            ("minutes", Duration, "PTXM"), ("the years", Duration, "PXY"), ("the past decade", Duration, "P10Y"), ("the past week", Duration, "P1W")
        ];
        versions_are_no_years: "the Russell 2000 Index and iLife '11 but WWDC 2005" => [("2005", Date, "2005")];
        mid_year: "a launch in mid-2011" => [("mid-2011", Date, "2011")];
        anaphora_are_marked_for_the_stage: "the same day , ended the day higher , by that time , the year before , the same month a year ago" => [
            ("the same day", Date, "@=D"), ("the day", Date, "@=D"), ("that time", Date, "@="),
            ("the year before", Date, "@-1YY"), ("the same month a year ago", Date, "@-1YM")
        ];
        parts_of_the_year_in_question: "at the beginning of the year and by the end of the month" => [
            ("the beginning of the year", Date, "@=Y"), ("the end of the month", Date, "@=M")
        ];
        the_day_after_a_clause_is_that_day: "rebounded late in the day after falling , and the day after ." => [
            ("the day", Date, "@=D"), ("the day after", Date, "@+1D")
        ];
    }

    #[test]
    fn a_quarter_takes_its_year_from_the_tense() {
        let words: Vec<&str> = "Profits rose in the fourth quarter and will grow in the first quarter".split(' ').collect();
        let values: Vec<String> = find(&words, Date::new(2025, 3, 15)).into_iter().map(|f| f.value).collect();
        assert_eq!(values, ["2024-Q4", "2025-Q1"]);
        let words: Vec<&str> = "Output will be cut during the fourth quarter".split(' ').collect();
        let values: Vec<String> = find(&words, Date::new(2025, 8, 15)).into_iter().map(|f| f.value).collect();
        assert_eq!(values, ["2025-Q4"]);
    }

    #[test]
    fn markers_resolve_against_the_last_dates() {
        let day = Date::new(2025, 3, 3);
        assert_eq!(resolve("=D", day, Some("2025-02")), "2025-03-03");
        assert_eq!(resolve("=DTMO", day, None), "2025-03-03TMO");
        assert_eq!(resolve("=", day, Some("2025-06")), "2025-06");
        assert_eq!(resolve("=Y", day, Some("2025-06")), "2025");
        assert_eq!(resolve("=M", day, Some("2025-06-04")), "2025-06");
        assert_eq!(resolve("=M", day, Some("2025")), "XXXX-XX");
        assert_eq!(resolve("+2D", day, None), "2025-03-05");
        assert_eq!(resolve("-1YM", day, Some("2025-02")), "2024-02");
        assert_eq!(resolve("-1YM", day, Some("2025")), "2024");
        assert_eq!(resolve("-1YY", day, Some("2025-Q3")), "2024");
        assert_eq!(resolve("-1YP", day, Some("2025-Q3")), "2024-Q3");
        assert_eq!(resolve("-1YP", day, Some("2025-03-03")), "2024");
        assert_eq!(resolve("-1YD", day, Some("2025-03-03")), "2024-03-03");
        assert_eq!(resolve("=D", None, None), "XXXX-XX-XX");
        assert_eq!(resolve("-1YY", None, None), "XXXX");
    }

    #[test]
    fn local_times_convert_to_utc_with_daylight_saving() {
        assert_eq!(to_utc("2025-08-15T11:30", "America/Anchorage").as_deref(), Some("2025-08-15T19:30Z"));
        assert_eq!(to_utc("2025-01-15T11:30", "America/Anchorage").as_deref(), Some("2025-01-15T20:30Z"));
        assert_eq!(to_utc("2025-08-15T01:00", "Asia/Tokyo").as_deref(), Some("2025-08-14T16:00Z"));
        assert_eq!(to_utc("2025-08-15T11:30", "Mars/Olympus"), None);
    }

    #[test]
    fn triggers_are_sorted_and_lower_case() {
        assert!(TRIGGERS.windows(2).all(|w| w[0] < w[1]), "{:?}", TRIGGERS.windows(2).find(|w| w[0] >= w[1]));
        assert!(TRIGGERS.iter().all(|t| t.to_lowercase() == *t));
    }

    #[test]
    fn without_a_reference_date_the_known_parts_stay() {
        let words: Vec<&str> = "met on February 28 and on Friday".split(' ').collect();
        let values: Vec<String> = find(&words, None).into_iter().map(|f| f.value).collect();
        assert_eq!(values, ["XXXX-02-28", "XXXX-WXX-5"]);
    }
}
