//! Byte spans into a document's cleaned text.
//!
//! A [`Span`] is a half-open range `start..end` of byte offsets. Every span a stage stores
//! satisfies three invariants, which the tests check by slicing:
//!
//! 1. `start <= end <= text.len()`;
//! 2. both ends lie on `char` boundaries of the text it was made for;
//! 3. `&text[span]` is exactly the thing the span denotes (a sentence, a token, a mention).
//!
//! Offsets are `u32`: a document larger than 4 GiB is rejected at ingest.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open range of byte offsets into a document's cleaned text.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// Builds a span. Panics in debug builds if `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start: start as u32, end: end as u32 }
    }

    /// The span as a `usize` range.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_by_span_yields_the_mention() {
        let text = "Putin’s visit";
        let span = Span::new(0, "Putin’s".len());
        assert_eq!(&text[span], "Putin’s");
        assert_eq!(span.len(), 9);
        assert!(Span::new(0, 13).contains(span));
        assert!(!span.contains(Span::new(0, 13)));
    }
}
