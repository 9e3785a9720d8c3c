//! Sentence boundaries inside one paragraph.
//!
//! A boundary is a cluster of terminal punctuation (`.`, `!?`, `....`, `. . . .`, `…`), the
//! closing quotes and brackets right after it, then whitespace. Whether it ends the sentence
//! depends on what the period follows and what comes next:
//!
//! - after a title (`Mr.`, `Gen.`, `St.`): never;
//! - after a numbering abbreviation (`No.`, `p.`): not before a number;
//! - after another abbreviation or an initial (`U.S.`, `a.m.`, `Inc.`, `E.`): only before a
//!   capitalized word that usually starts a sentence (`in the U.S. How ...`, not
//!   `the U.S. Government`);
//! - after any other word: unless the next word is in lower case (`Yahoo! in`, `co. at`);
//! - a three-dot ellipsis is a pause, a four-dot one ends the sentence, and a period on a
//!   word followed by a spaced ellipsis (`compounds. . . . The`) ends it before the ellipsis.
//!
//! A paragraph that starts with a list marker (`1.`, `2)`, `a.`, `•`) is split before each
//! next marker in sequence (`2.` after `1.`, `b.` after `a.`, the same bullet), and the marker
//! itself never ends a sentence.

use super::abbrev::{classify, is_starter, Abbrev};
use crate::chars::{is_closer, is_opener, is_terminal};

/// Splits `para` into sentences, pushing their ranges (relative to `para`, trimmed of
/// whitespace, never empty) to `out`. Every non-whitespace character is in one of them.
pub(crate) fn split(para: &str, out: &mut Vec<(usize, usize)>) {
    let mut pieces = Vec::new();
    list_items(para, &mut pieces);
    for (start, end, marker) in pieces {
        split_piece(para, start, end, marker, out);
    }
}

/// Splits a list paragraph into items: `(start, end, marker_len)`. A paragraph that is not a
/// list is one piece with no marker.
fn list_items(para: &str, out: &mut Vec<(usize, usize, usize)>) {
    let Some(first) = Marker::parse(para) else {
        out.push((0, para.len(), 0));
        return;
    };
    let mut start = 0;
    let mut marker_len = first.len;
    let mut expected = first;
    let bytes = para.as_bytes();
    let mut i = first.len;
    while i < para.len() {
        // Only word starts (after whitespace) can begin the next item.
        if bytes[i].is_ascii_whitespace() || i == 0 || !bytes[i - 1].is_ascii_whitespace() {
            i += 1;
            while i < para.len() && !para.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        if let Some(m) = Marker::parse(&para[i..]) {
            if m.follows(&expected) {
                out.push((start, i, marker_len));
                start = i;
                marker_len = m.len;
                expected = m;
                i += m.len;
                continue;
            }
        }
        i += 1;
    }
    out.push((start, para.len(), marker_len));
}

/// A list marker at the start of an item: an optional bullet, then an optional number
/// (1 to 3 digits) or lowercase letter with `.`, `)` or `.)`.
#[derive(Clone, Copy, Debug)]
struct Marker {
    bullet: Option<char>,
    value: Option<u32>,
    letter: bool,
    /// Bytes up to the item's text.
    len: usize,
}

impl Marker {
    fn parse(s: &str) -> Option<Marker> {
        let bullet = s.chars().next().filter(|c| matches!(c, '•' | '⁃' | '▪' | '◦' | '‣' | '·'));
        let rest = match bullet {
            Some(b) => s[b.len_utf8()..].trim_start_matches(' '),
            None => s,
        };
        let numbering = numbering(rest);
        if bullet.is_none() && numbering.is_none() {
            return None;
        }
        let (value, letter, after) = numbering.map_or((None, false, rest), |(v, l, a)| (Some(v), l, a));
        // The marker must be followed by a space (after a number or letter) and some text.
        let text = after.trim_start_matches(' ');
        if text.is_empty() || (value.is_some() && text.len() == after.len()) {
            return None;
        }
        Some(Marker { bullet, value, letter, len: s.len() - text.len() })
    }

    /// True when `self` is the item after `prev`: the same bullet, and the next number or
    /// letter of the same kind.
    fn follows(&self, prev: &Marker) -> bool {
        self.bullet == prev.bullet
            && self.letter == prev.letter
            && match (prev.value, self.value) {
                (Some(a), Some(b)) => b == a + 1,
                (None, None) => true,
                _ => false,
            }
    }
}

/// `12.`, `3)`, `1.)`, `b.`: a number of 1 to 3 digits or a lowercase letter, then `.`, `)`
/// or `.)`. Returns the value (letters count from 1), whether it is a letter, and the rest.
fn numbering(s: &str) -> Option<(u32, bool, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (value, letter, rest) = match digits {
        1..=3 => (s[..digits].parse().ok()?, false, &s[digits..]),
        0 if s.as_bytes().first().is_some_and(u8::is_ascii_lowercase) => {
            (u32::from(s.as_bytes()[0] - b'a') + 1, true, &s[1..])
        }
        _ => return None,
    };
    let rest = rest.strip_prefix(".)").or_else(|| rest.strip_prefix(['.', ')']))?;
    Some((value, letter, rest))
}

/// The positions of possible sentence ends in `para[from..to]`, in order: every `.!?`, and
/// every lead byte of the other terminal characters (`…`, `。`, `！`, `؟`, `।`), found by
/// SIMD searches rather than a loop over every byte. Hits that are not terminals (a curly
/// quote shares `…`'s lead byte) are filtered by decoding.
struct Candidates<'a> {
    para: &'a str,
    ascii: memchr::Memchr3<'a>,
    wide: memchr::Memchr3<'a>,
    rare: memchr::Memchr2<'a>,
    next: [Option<usize>; 3],
    offset: usize,
}

impl<'a> Candidates<'a> {
    fn new(para: &'a str, from: usize, to: usize) -> Candidates<'a> {
        let hay = &para.as_bytes()[from..to];
        let mut ascii = memchr::memchr3_iter(b'.', b'!', b'?', hay);
        let mut wide = memchr::memchr3_iter(0xE2, 0xE3, 0xEF, hay);
        let mut rare = memchr::memchr2_iter(0xD8, 0xE0, hay);
        let next = [ascii.next(), wide.next(), rare.next()];
        Candidates { para, ascii, wide, rare, next, offset: from }
    }

    /// The next candidate at or after `at`.
    fn next_from(&mut self, at: usize) -> Option<usize> {
        loop {
            let (k, pos) = self.next.iter().enumerate().filter_map(|(k, p)| Some((k, (*p)?))).min_by_key(|&(_, p)| p)?;
            self.next[k] = match k {
                0 => self.ascii.next(),
                1 => self.wide.next(),
                _ => self.rare.next(),
            };
            let pos = pos + self.offset;
            if pos >= at && (k == 0 || self.para[pos..].chars().next().is_some_and(is_terminal)) {
                return Some(pos);
            }
        }
    }
}

fn split_piece(para: &str, start: usize, end: usize, marker: usize, out: &mut Vec<(usize, usize)>) {
    let mut sentence_start = start;
    let mut candidates = Candidates::new(para, start + marker, end);
    let mut i = start + marker;
    while let Some(at) = candidates.next_from(i) {
        let (boundary, resume) = decide(para, start, end, at);
        if let Some(at) = boundary {
            push_trimmed(para, sentence_start, at, out);
            sentence_start = at;
        }
        i = resume;
    }
    push_trimmed(para, sentence_start, end, out);
}

fn push_trimmed(para: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push((start + lead, start + lead + t.len()));
    }
}

/// Decides the terminal punctuation cluster starting at `at`: returns where the sentence ends
/// (if it does) and where scanning resumes.
fn decide(para: &str, piece_start: usize, end: usize, at: usize) -> (Option<usize>, usize) {
    let bytes = para.as_bytes();
    // The cluster: terminal characters, and spaced dots (`. . .`).
    let mut k = at;
    let (mut dots, mut other, mut spaced) = (0, 0, false);
    while k < end {
        let c = para[k..].chars().next().expect("char boundary");
        if is_terminal(c) {
            if c == '.' {
                dots += 1;
            } else if c == '…' {
                dots += 3;
            } else {
                other += 1;
            }
            k += c.len_utf8();
        } else if c == ' ' && dots > 0 && bytes.get(k + 1) == Some(&b'.') {
            spaced = true;
            k += 1;
        } else {
            break;
        }
    }
    let cluster_end = k;
    while k < end {
        let c = para[k..].chars().next().expect("char boundary");
        if !is_closer(c) {
            break;
        }
        k += c.len_utf8();
    }
    let after_closers = k;
    if after_closers >= end {
        return (None, cluster_end);
    }
    // A boundary needs whitespace after it, except after the full-width stops of scripts
    // written without spaces (`。`, `！`, `？`).
    if !para[after_closers..].starts_with(char::is_whitespace) {
        let full_width = para[at..cluster_end].contains(['。', '！', '？']);
        return (full_width.then_some(after_closers), cluster_end);
    }
    let next = NextWord::read(para[after_closers..end].trim_start());
    let attached = at > piece_start && !bytes[at - 1].is_ascii_whitespace();

    if dots >= 3 {
        // `word. . . . Next`: the period ends the sentence, the ellipsis opens the next one.
        if attached && spaced && bytes.get(at + 1) == Some(&b' ') && next.capitalized {
            return (Some(at + 1), cluster_end);
        }
        let ends = dots >= 4 && next.capitalized;
        return (ends.then_some(after_closers), cluster_end);
    }
    if next.lowercase {
        return (None, cluster_end);
    }
    if other > 0 || dots != 1 || !attached {
        return (Some(after_closers), cluster_end);
    }
    // One period after a word: what word?
    let word_start = para[piece_start..at]
        .rfind(char::is_whitespace)
        .map_or(piece_start, |i| piece_start + i + 1);
    let word = para[word_start..at].trim_start_matches(is_opener);
    let ends = match classify(word) {
        Some(Abbrev::Title) => false,
        Some(Abbrev::Numbered) => !next.digit,
        Some(Abbrev::Other) => next.opens_quote || (next.capitalized && is_starter(next.word)),
        None => true,
    };
    (ends.then_some(after_closers), cluster_end)
}

/// What follows a candidate boundary.
struct NextWord<'a> {
    /// The next word's letters, after any opening quotes or brackets.
    word: &'a str,
    capitalized: bool,
    lowercase: bool,
    digit: bool,
    opens_quote: bool,
}

impl<'a> NextWord<'a> {
    fn read(text: &'a str) -> NextWord<'a> {
        let body = text.trim_start_matches(is_opener);
        let opens_quote = body.len() < text.len() && !text.starts_with(['(', '[', '{']);
        let mut chars = body.chars();
        let first = chars.next();
        // `iOS`, `eBay`, `iPhone`: a name in camel case counts as capitalized.
        let camel = first.is_some_and(char::is_lowercase) && chars.next().is_some_and(char::is_uppercase);
        let word_len = body.find(|c: char| !c.is_alphabetic()).unwrap_or(body.len());
        NextWord {
            word: &body[..word_len],
            capitalized: camel || first.is_some_and(char::is_uppercase),
            lowercase: !camel && first.is_some_and(char::is_lowercase),
            digit: first.is_some_and(|c| c.is_ascii_digit()),
            opens_quote,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, &mut out);
        out.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    macro_rules! splits {
        ($($name:ident: $text:expr => [$($s:expr),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(sentences($text), vec![$($s),*]);
            }
        )*};
    }

    #[test]
    fn every_terminal_character_is_a_candidate() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| is_terminal(c)) {
            let text = format!("a{c}b");
            assert_eq!(Candidates::new(&text, 0, text.len()).next_from(0), Some(1), "{c:?}");
        }
    }

    splits! {
        abbreviations_inside_a_sentence:
            "The U.S. president met Mr. Putin at 11:30 a.m. local time on Aug. 15 at No. 5 Elm St. in Anchorage."
            => ["The U.S. president met Mr. Putin at 11:30 a.m. local time on Aug. 15 at No. 5 Elm St. in Anchorage."];
        abbreviation_ending_a_sentence:
            "He lives in the U.S. The rest live in Kyiv." => ["He lives in the U.S.", "The rest live in Kyiv."];
        quotes_after_the_period:
            "Trump said, “It went well.” Putin left." => ["Trump said, “It went well.”", "Putin left."];
        quote_closing_mid_sentence:
            "“It went well,” Trump said. “Very well.”" => ["“It went well,” Trump said.", "“Very well.”"];
        decimals_and_initials:
            "Oil rose 2.5 percent. John F. Kennedy spoke." => ["Oil rose 2.5 percent.", "John F. Kennedy spoke."];
        apostrophes_are_not_quotes:
            "There’s hope. Putin’s plan isn’t new." => ["There’s hope.", "Putin’s plan isn’t new."];
        a_sentence_starting_with_a_digit:
            "It ended in 2019. 2020 was different." => ["It ended in 2019.", "2020 was different."];
        no_terminal_punctuation:
            "Trump and Putin meet in Alaska" => ["Trump and Putin meet in Alaska"];
        numbered_list:
            "1. Ceasefire now 2. Talks in May 3. Sanctions eased" => ["1. Ceasefire now", "2. Talks in May", "3. Sanctions eased"];
        a_name_in_camel_case_starts_a_sentence:
            "He called it “the best.” iOS will follow." => ["He called it “the best.”", "iOS will follow."];
        full_width_stops_need_no_space:
            "会谈于周五开始。双方同意继续对话！“好。”然后" => ["会谈于周五开始。", "双方同意继续对话！", "“好。”", "然后"];
        a_year_is_not_a_list:
            "1999. It was a year." => ["1999.", "It was a year."];
    }
}
