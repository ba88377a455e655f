//! stemma-core: the I/O-free heart of stemma.
//!
//! * [`model`]: the records stemma produces ([`Article`], [`Source`], [`Tag`], …).
//! * [`extract`]: HTML / Markdown / plain text → [`Article`].
//! * [`charset`]: bytes → text (BOM, transport charset, `<meta charset>`, detection).
//!
//! Nothing here touches the file system, the network or the clock: every input arrives as a
//! [`Document`] and every result is a value.

pub mod attrib;
pub mod charset;
pub mod dates;
pub mod entities;
pub mod extract;
pub mod lexicon;
pub mod model;
pub mod offset;
pub mod syndicate;
pub mod text;
pub mod tokens;

pub use extract::{extract, ExtractError, Limits};
pub use model::{
    Alias, Article, Document, Entity, EntityKind, Format, Mode, Quote, QuoteKind, RepublishedFrom,
    Source, Span, Speaker, SpeakerKind, SpeechAct, Tag,
};
