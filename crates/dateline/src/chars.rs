//! Character classes shared by `clean` and `segment`.

/// Characters that end a sentence: `.` `!` `?` `…` and their full-width and CJK forms.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '।')
}

/// Closing quotes and brackets that may follow a sentence's terminal punctuation.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】')
}

/// Opening quotes and brackets that may precede a sentence's first word.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '‚' | '「' | '『' | '（' | '【' | '¿' | '¡')
}

/// Characters `clean` drops: control characters other than line breaks and tabs (which are
/// whitespace), and invisible format characters that break words apart (BOM, zero-width
/// space, soft hyphen, word joiner).
#[inline]
pub(crate) fn is_dropped(c: char) -> bool {
    (c.is_control() && !c.is_whitespace()) || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{00AD}' | '\u{2060}')
}

/// Apostrophes: the typewriter one and the right single quotation mark used as one.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that join the parts of a compound word.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// True for a line that ends as prose ends: with terminal punctuation, possibly followed by
/// closing quotes or brackets.
pub(crate) fn ends_like_prose(line: &str) -> bool {
    line.trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal)
}

/// A word in lower case (`str::to_lowercase`), borrowed when it is lower case ASCII already,
/// as most words of running text are: no allocation for them.
pub(crate) fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if is_lower_ascii(word) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// True for a word that is lower case ASCII already (one `lowercase` borrows).
pub(crate) fn is_lower_ascii(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// True for two or three capital letters (`GAO`), the shape of a body's initials.
pub(crate) fn initials(name: &str) -> bool {
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}
