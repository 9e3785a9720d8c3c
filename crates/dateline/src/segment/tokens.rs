//! Tokens inside one sentence.
//!
//! Whitespace separates chunks; a chunk is a web address or e-mail address whole (less the
//! punctuation that ends the sentence around it), or else words, numbers and punctuation:
//!
//! - a word runs over letters, digits and marks, and over inner hyphens (`self-interpreting`)
//!   and apostrophes (`O’Brien`); an abbreviation keeps its period (`U.S.`, `Mr.`, `a.m.`);
//! - clitics are split off as their own tokens, Penn Treebank style: `Putin` `’s`,
//!   `There` `’s`, `does` `n’t`, `they` `’re`;
//! - a number runs over digits and inner `.` `,` `:` `-` between digits (`1,000.50`,
//!   `11:30`), and over letters right after (`5th`, `1990s`); `’90s` is one number;
//! - punctuation is one token per character, except runs of the same character (`...`).

use super::abbrev::classify;
use crate::chars::{is_apostrophe, is_closer, is_hyphen, is_opener};
use crate::document::{Token, TokenKind};
use crate::span::Span;

/// Byte classes for the tokenizer's fast path.
const LETTER: u8 = 1;
const SPACE: u8 = 2;
const CLOSING: u8 = 3;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if matches!(c, b',' | b';' | b':' | b'!' | b'?' | b')') {
            CLOSING
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Tokenizes `sentence`, which starts at byte `base` of the text, pushing its tokens.
pub(crate) fn tokenize(sentence: &str, base: usize, out: &mut Vec<Token>) {
    let bytes = sentence.as_bytes();
    let n = bytes.len();
    let class = |i: usize| if i < n { CLASS[bytes[i] as usize] } else { SPACE };
    let mut push = |start: usize, end: usize, kind: TokenKind| {
        out.push(Token { span: Span::new(base + start, base + end), kind });
    };
    let mut i = 0;
    while i < n {
        if class(i) == SPACE {
            i += 1;
            continue;
        }
        if let Some(len) = unicode_space(sentence, i) {
            i += len;
            continue;
        }
        // Most chunks are a plain word, perhaps with one comma or the like after it.
        let start = i;
        while class(i) == LETTER {
            i += 1;
        }
        if i > start {
            if class(i) == SPACE {
                push(start, i, TokenKind::Word);
                continue;
            }
            if class(i) == CLOSING && class(i + 1) == SPACE {
                push(start, i, TokenKind::Word);
                push(i, i + 1, TokenKind::Punct);
                i += 1;
                continue;
            }
        }
        // Anything else: find the chunk's end and take it apart.
        while i < n && class(i) != SPACE && unicode_space(sentence, i).is_none() {
            i += sentence[i..].chars().next().map_or(1, char::len_utf8);
        }
        tokenize_chunk(&sentence[start..i], start, &mut push);
    }
}

/// The length of the non-ASCII whitespace character at `i`, if there is one.
#[inline]
fn unicode_space(s: &str, i: usize) -> Option<usize> {
    if s.as_bytes()[i] < 0x80 {
        return None;
    }
    let c = s[i..].chars().next().expect("char boundary");
    c.is_whitespace().then(|| c.len_utf8())
}

fn tokenize_chunk(chunk: &str, base: usize, push: &mut impl FnMut(usize, usize, TokenKind)) {
    // Web and e-mail addresses are one token, without the punctuation around them.
    let inner_start = chunk.len() - chunk.trim_start_matches(is_opener).len();
    let inner = &chunk[inner_start..];
    let web = matches!(inner.as_bytes().first(), Some(b'h' | b'w'))
        && (inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("www."));
    let address = if web {
        Some(TokenKind::Url)
    } else if memchr::memchr(b'@', inner.as_bytes()).is_some() && is_email(inner) {
        Some(TokenKind::Email)
    } else {
        None
    };
    if let Some(kind) = address {
        let body = inner.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || is_closer(c));
        if body.len() > 4 {
            punct(chunk, base, 0, inner_start, push);
            push(base + inner_start, base + inner_start + body.len(), kind);
            punct(chunk, base, inner_start + body.len(), chunk.len(), push);
            return;
        }
    }
    let mut i = 0;
    while i < chunk.len() {
        let c = chunk[i..].chars().next().expect("char boundary");
        let end = if c.is_alphabetic() {
            word(chunk, i, base, push)
        } else if c.is_numeric() {
            let end = number(chunk, i);
            push(base + i, base + end, TokenKind::Number);
            end
        } else if is_apostrophe(c) && chunk[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()) {
            let end = number(chunk, i + c.len_utf8());
            push(base + i, base + end, TokenKind::Number);
            end
        } else {
            // Punctuation: one token per character, or one per run of the same character.
            let run = chunk[i..].find(|d: char| d != c).map_or(chunk.len(), |n| i + n);
            push(base + i, base + run, TokenKind::Punct);
            run
        };
        i = end;
    }
}

/// Tokens for the punctuation in `chunk[from..to]`.
fn punct(chunk: &str, base: usize, from: usize, to: usize, push: &mut impl FnMut(usize, usize, TokenKind)) {
    let mut i = from;
    while i < to {
        let c = chunk[i..].chars().next().expect("char boundary");
        let run = chunk[i..to].find(|d: char| d != c).map_or(to, |n| i + n);
        push(base + i, base + run, TokenKind::Punct);
        i = run;
    }
}

fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else { return false };
    let host = host.trim_end_matches(|c: char| !c.is_alphanumeric());
    !user.is_empty()
        && user.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && host.contains('.')
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// A word starting at `start`: pushes it (and any clitic split from it) and returns its end.
fn word(chunk: &str, start: usize, base: usize, push: &mut impl FnMut(usize, usize, TokenKind)) -> usize {
    let mut i = start;
    let mut chars = chunk[start..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let pos = start + at;
        let next = chars.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() || is_mark(c) {
            i = pos + c.len_utf8();
            continue;
        }
        let joins = next.is_some_and(char::is_alphanumeric);
        if is_hyphen(c) && joins {
            i = pos + c.len_utf8();
            continue;
        }
        if is_apostrophe(c) && joins {
            let rest = &chunk[pos + c.len_utf8()..];
            let letters = rest.find(|d: char| !d.is_alphabetic()).unwrap_or(rest.len());
            let suffix = &rest[..letters];
            let word_end = letters == rest.len() || !rest[letters..].starts_with(char::is_alphanumeric);
            if word_end && is_clitic(suffix) {
                // `doesn’t` splits before the n: `does` `n’t`.
                let host_end = if suffix.eq_ignore_ascii_case("t") && chunk[start..pos].ends_with(['n', 'N']) {
                    pos - 1
                } else {
                    pos
                };
                if host_end > start {
                    push(base + start, base + host_end, TokenKind::Word);
                }
                let clitic_end = pos + c.len_utf8() + letters;
                push(base + host_end, base + clitic_end, TokenKind::Clitic);
                return clitic_end;
            }
            i = pos + c.len_utf8();
            continue;
        }
        if c == '.' {
            // An abbreviation keeps its period: `U.S.`, `Mr.`, `a.m.`, `E.`
            if next.is_some_and(char::is_alphabetic) && is_dotted_continuation(&chunk[pos + 1..]) {
                i = pos + 1;
                continue;
            }
            if classify(&chunk[start..pos]).is_some() {
                i = pos + 1;
            }
        }
        break;
    }
    push(base + start, base + i, TokenKind::Word);
    i
}

/// After a period inside a word: does a dotted abbreviation go on (`S.` in `U.S.`)?
fn is_dotted_continuation(rest: &str) -> bool {
    let letters = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    (1..=3).contains(&rest[..letters].chars().count()) && rest[letters..].starts_with('.')
}

fn is_clitic(suffix: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m", "t"].iter().any(|c| suffix.eq_ignore_ascii_case(c))
}

fn is_mark(c: char) -> bool {
    // Combining marks: the blocks most text uses. (Letters with marks are usually
    // precomposed; this keeps decomposed ones inside their word.)
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}')
}

/// A number starting at `start` (a digit): returns its end.
fn number(chunk: &str, start: usize) -> usize {
    let bytes = chunk.as_bytes();
    let mut i = start;
    while i < chunk.len() {
        let c = chunk[i..].chars().next().expect("char boundary");
        if c.is_alphanumeric() {
            i += c.len_utf8();
        } else if matches!(c, '.' | ',' | ':' | '-' | '/') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && i > start {
            i += 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(s, 0, &mut out);
        out.iter().map(|t| (&s[t.span], t.kind)).collect()
    }

    fn texts(s: &str) -> Vec<&str> {
        tokens(s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn clitics_and_possessives_split() {
        assert_eq!(texts("There’s Putin’s plan; it doesn’t work, they’re sure."), [
            "There", "’s", "Putin", "’s", "plan", ";", "it", "does", "n’t", "work", ",", "they", "’re", "sure", "."
        ]);
        assert_eq!(texts("O’Brien’s rock’n’roll"), ["O’Brien", "’s", "rock’n’roll"]);
    }

    #[test]
    fn abbreviations_keep_their_periods() {
        assert_eq!(texts("the U.S. president at 11:30 a.m. met Mr. Putin."), [
            "the", "U.S.", "president", "at", "11:30", "a.m.", "met", "Mr.", "Putin", "."
        ]);
    }

    #[test]
    fn numbers_hyphens_and_decades() {
        assert_eq!(tokens("1,000.50 5th the ’90s high-stakes — 2025-08-15"), [
            ("1,000.50", TokenKind::Number),
            ("5th", TokenKind::Number),
            ("the", TokenKind::Word),
            ("’90s", TokenKind::Number),
            ("high-stakes", TokenKind::Word),
            ("—", TokenKind::Punct),
            ("2025-08-15", TokenKind::Number),
        ]);
    }

    #[test]
    fn addresses_are_whole() {
        assert_eq!(tokens("(see https://example.com/a_b.html). Mail jane.doe@example.com."), [
            ("(", TokenKind::Punct),
            ("see", TokenKind::Word),
            ("https://example.com/a_b.html", TokenKind::Url),
            (")", TokenKind::Punct),
            (".", TokenKind::Punct),
            ("Mail", TokenKind::Word),
            ("jane.doe@example.com", TokenKind::Email),
            (".", TokenKind::Punct),
        ]);
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(texts("“Wait...” he said!!"), ["“", "Wait", "...", "”", "he", "said", "!!"]);
    }
}
