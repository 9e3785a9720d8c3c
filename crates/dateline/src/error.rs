//! The library's error type.
//!
//! Every error says what went wrong and, where it applies, where: the line, column and byte
//! offset of the problem in the input. The caller adds the input's name (a path, `<stdin>`, or
//! `file.jsonl:17`), which the library does not always know.

use std::fmt;

/// A position in an input: 1-based line and column (in characters), 0-based byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters of the line's valid prefix.
    pub column: usize,
    /// 0-based byte offset from the start of the input.
    pub byte: usize,
}

impl Position {
    /// Locates byte offset `byte` in `bytes`. Counts columns over the valid UTF-8 prefix of
    /// the line, so it works on input that failed to decode.
    pub fn locate(bytes: &[u8], byte: usize) -> Position {
        let byte = byte.min(bytes.len());
        let before = &bytes[..byte];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
        Position { line, column, byte }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {} (byte {})", self.line, self.column, self.byte)
    }
}

/// What went wrong. New kinds may be added in minor releases.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8.
    InvalidUtf8(Position),
    /// The input holds a NUL byte, the usual sign of a binary file.
    NulByte(Position),
    /// The input holds no text (nothing, or only whitespace and page furniture).
    Empty,
    /// The input is larger than the 4 GiB that byte offsets can address.
    TooLarge(usize),
    /// A JSONL line is not a JSON object, or a field has the wrong type.
    Json(String),
    /// A JSONL record has no `text` field.
    MissingText,
    /// A date is not a valid `YYYY-MM-DD` calendar date.
    InvalidDate(String),
    /// The pipeline configuration is not valid.
    Config(String),
    /// A reference data file is missing, corrupt or stale.
    Data(String),
    /// An input served as a web page or feed is binary data.
    Binary(String),
    /// A feed is not well-formed enough to read.
    Feed(String),
    /// A WARC record is truncated, corrupt or not WARC at all.
    Warc(String),
    /// A WARC record (or a compressed stream) is larger than the limit it is read with.
    RecordTooLarge(String),
}

/// An error from the dateline library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    /// Builds an error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A short, stable, machine-readable name for the kind, used in error records.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::InvalidUtf8(_) => "invalid-utf8",
            ErrorKind::NulByte(_) => "nul-byte",
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge(_) => "too-large",
            ErrorKind::Json(_) => "invalid-json",
            ErrorKind::MissingText => "missing-text",
            ErrorKind::InvalidDate(_) => "invalid-date",
            ErrorKind::Config(_) => "invalid-config",
            ErrorKind::Data(_) => "bad-data",
            ErrorKind::Binary(_) => "binary",
            ErrorKind::Feed(_) => "invalid-feed",
            ErrorKind::Warc(_) => "invalid-warc",
            ErrorKind::RecordTooLarge(_) => "record-too-large",
        }
    }
}

impl std::error::Error for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8(pos) => write!(
                f,
                "invalid UTF-8 at {pos}; use --lossy to replace invalid bytes with U+FFFD"
            ),
            ErrorKind::NulByte(pos) => write!(
                f,
                "NUL byte at {pos}: this looks like a binary file; use --lossy to drop control characters"
            ),
            ErrorKind::Empty => write!(f, "no text to analyze (the input is empty or holds only page furniture)"),
            ErrorKind::TooLarge(len) => {
                write!(f, "input of {len} bytes is larger than the 4 GiB limit of one document")
            }
            ErrorKind::Json(msg) => write!(f, "not a valid JSONL record: {msg}"),
            ErrorKind::MissingText => write!(f, "JSONL record has no \"text\" field"),
            ErrorKind::InvalidDate(s) => write!(f, "invalid date {s:?}: expected a calendar date as YYYY-MM-DD"),
            ErrorKind::Config(msg) => write!(f, "invalid pipeline configuration: {msg}"),
            ErrorKind::Data(msg) => write!(f, "reference data: {msg}"),
            ErrorKind::Binary(why) => write!(f, "this looks like binary data, not a web page: {why}; use --lossy to read it anyway"),
            ErrorKind::Feed(msg) => write!(f, "not a readable RSS or Atom feed: {msg}"),
            ErrorKind::Warc(msg) => write!(f, "WARC: {msg}"),
            ErrorKind::RecordTooLarge(msg) => write!(f, "{msg}"),
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let bytes = b"ab\n\xC3\xA7 d\xFF";
        let pos = Position::locate(bytes, 6);
        assert_eq!(pos, Position { line: 2, column: 3, byte: 6 });
        assert_eq!(pos.to_string(), "line 2, column 3 (byte 6)");
        assert_eq!(Position::locate(bytes, 7).column, 4);
    }
}
