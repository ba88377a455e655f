//! Offsets into a text, typed by the unit they count, so that one is never read as the other.
//!
//! - [`Byte`]: UTF-8 bytes, what slicing a `str` takes. The tokens ([`crate::tokens`]) and
//!   attribution's spans work in bytes.
//! - [`Char`]: code points, what Python's `str` and most JSON consumers index. Records carry
//!   them: [`crate::model::Span`], a quote's `start`, `end` and `pieces`, entities' mentions.
//!
//! [`CharIndex`] is the one way from bytes to code points. Both types serialise as plain
//! numbers, so the JSON of a record does not change with them.
//!
//! ```
//! use stemma_core::offset::{Byte, CharIndex};
//! let text = "Zoë said";
//! assert_eq!(CharIndex::new(text).at(Byte::new(4)).get(), 3);
//! ```
//!
//! A byte offset is no code-point offset, and neither is a bare number:
//!
//! ```compile_fail
//! use stemma_core::offset::{Byte, Char};
//! let at: Char = Byte::new(4);
//! ```
//!
//! ```compile_fail
//! let span = stemma_core::model::Span { start: 0, end: 4, text: "Zoë ".into() };
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// A byte offset into a text (a char boundary where it is sliced).
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Byte(usize);

/// A code-point offset into a text.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Char(usize);

macro_rules! offset {
    ($t:ident, $unit:literal) => {
        impl $t {
            pub const ZERO: $t = $t(0);

            #[inline]
            pub const fn new(n: usize) -> $t {
                $t(n)
            }

            /// The offset as a number (an index for slicing, a length, a database value).
            #[inline]
            pub const fn get(self) -> usize {
                self.0
            }

            /// The offset `n` units on.
            #[inline]
            #[must_use]
            pub const fn plus(self, n: usize) -> $t {
                $t(self.0 + n)
            }

            /// The offset `n` units back, stopping at 0.
            #[inline]
            #[must_use]
            pub const fn minus(self, n: usize) -> $t {
                $t(self.0.saturating_sub(n))
            }

            /// Units from `earlier` to here (0 when `earlier` is later).
            #[inline]
            pub const fn since(self, earlier: $t) -> usize {
                self.0.saturating_sub(earlier.0)
            }
        }

        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", self.0, $unit)
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

offset!(Byte, "b");
offset!(Char, "c");

/// `&text[start..end]` for byte offsets.
#[inline]
pub fn slice(text: &str, start: Byte, end: Byte) -> &str {
    &text[start.0..end.0]
}

/// `text[start..end]` for byte offsets, or "" when they are not char boundaries inside it.
#[inline]
pub fn slice_or_empty(text: &str, start: Byte, end: Byte) -> &str {
    text.get(start.0..end.0).unwrap_or("")
}

/// Byte offsets to code-point offsets in one text: built once per text (a list of its
/// characters wider than one byte), then each lookup is a binary search.
pub struct CharIndex<'a> {
    text: &'a str,
    /// For each character of more than one byte: its byte offset and the bytes beyond one per
    /// character up to and including it (news text is mostly ASCII: a short list).
    wide: Vec<(u32, u32)>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (b, &byte) in text.as_bytes().iter().enumerate() {
            // A leading byte of a multi-byte character: 0b11xx_xxxx.
            if byte >= 0xC0 {
                extra += match byte {
                    0xF0.. => 3,
                    0xE0.. => 2,
                    _ => 1,
                };
                wide.push((b as u32, extra));
            }
        }
        CharIndex { text, wide }
    }

    /// The text this index reads.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The code-point offset of byte offset `b` (a char boundary; past the end reads as the
    /// end).
    pub fn at(&self, b: Byte) -> Char {
        let b = b.0.min(self.text.len());
        // The wide characters starting before `b` lie wholly before it (`b` is a boundary).
        let k = self.wide.partition_point(|&(at, _)| (at as usize) < b);
        Char(b - k.checked_sub(1).map_or(0, |k| self.wide[k].1 as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_to_code_points() {
        let text = "Ana “Zé” Lúcio said 😀 ok";
        let ix = CharIndex::new(text);
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.at(Byte::new(b)), Char::new(c), "byte {b}");
        }
        assert_eq!(
            ix.at(Byte::new(text.len())),
            Char::new(text.chars().count())
        );
        assert_eq!(
            ix.at(Byte::new(text.len() + 9)),
            Char::new(text.chars().count())
        );
    }

    #[test]
    fn arithmetic_saturates_and_prints_its_unit() {
        assert_eq!(Byte::new(3).minus(5), Byte::ZERO);
        assert_eq!(Char::new(7).since(Char::new(9)), 0);
        assert_eq!(Char::new(7).plus(2).since(Char::new(4)), 5);
        assert_eq!(format!("{:?} {:?}", Byte::new(4), Char::new(2)), "4b 2c");
        assert_eq!(serde_json::to_string(&Char::new(12)).unwrap(), "12");
    }
}
