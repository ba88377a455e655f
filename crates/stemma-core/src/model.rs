//! The data model: what stemma produces for every page.
//!
//! Field names of [`Article`] are a contract that later tools (attribution, syndication, the
//! archive) rely on: add fields freely, never rename or remove one.

use serde::{Deserialize, Serialize};

pub use crate::offset::Char;

/// How a document was given to stemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Markdown,
    Text,
    Warc,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Warc => "warc",
        }
    }
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file path as given (or `-` for standard input).
    pub path: String,
    pub format: Format,
    /// The URL the page was fetched from (WARC-Target-URI), where known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The WARC-Record-ID of the response record, for WARC input.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub warc_record_id: Option<String>,
    /// The WARC-Date of the response record (when the page was crawled), for WARC input.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub warc_date: Option<String>,
}

impl Source {
    /// A file's source: its path and format, no URL and no WARC record.
    pub fn file(path: impl Into<String>, format: Format) -> Self {
        Source {
            path: path.into(),
            format,
            url: None,
            warc_record_id: None,
            warc_date: None,
        }
    }
}

/// A raw document handed to the extractor: bytes plus what the container knew about them.
/// Producing these (files, gzip, WARC) is `stemma-input`'s job; the core never does I/O.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    /// How to read the bytes. For WARC records this is the payload's format (normally `Html`).
    pub content_format: Format,
    pub bytes: Vec<u8>,
    /// The charset named by the transport (the HTTP `Content-Type` header in a WARC record).
    pub http_charset: Option<String>,
}

/// A section, region, theme or keyword the page declares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    /// `section`, `region`, `theme`, `in-depth report`, `keyword`, or the label the page uses.
    pub kind: String,
    pub value: String,
}

/// The original source a republished page names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepublishedFrom {
    pub name: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 date or date-time of the original, where the page gives it.
    pub published: Option<String>,
    /// The words on the page that state it ("The original source of this article is …").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<String>,
}

/// One clean article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub source: Source,
    /// Canonical URL where the page states one, else the fetch URL.
    pub url: Option<String>,
    /// The headline, without a " | Site" suffix.
    pub title: Option<String>,
    /// The byline: people or organisations.
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time of this copy.
    pub published: Option<String>,
    /// Where `published` was read: `json-ld`, `meta:<key>`, `time`, `microdata`, `microformat`, `byline`,
    /// `text`, `header` or `url`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published_source: Option<String>,
    /// ISO 8601 date or date-time of the page's last declared update, when it differs.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modified: Option<String>,
    /// The publisher of this copy.
    pub site_name: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    pub tags: Vec<Tag>,
    pub republished_from: Option<RepublishedFrom>,
    /// The body only; paragraphs separated by one blank line.
    pub text: String,
    /// A one-paragraph summary the page declares (meta description).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// The character encoding the page's bytes were decoded from ("UTF-8", "windows-1252"):
    /// declared, else detected.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub charset: Option<String>,
    /// Who said what in `text` (attribution); offsets are code points into `text`.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// People, organisations and places that `text` mentions, with the aliases it asserts.
    #[serde(default)]
    pub entities: Vec<Entity>,
}

impl Article {
    pub fn empty(source: Source) -> Self {
        Article {
            source,
            url: None,
            title: None,
            authors: Vec::new(),
            published: None,
            published_source: None,
            modified: None,
            site_name: None,
            language: None,
            tags: Vec::new(),
            republished_from: None,
            text: String::new(),
            description: None,
            charset: None,
            quotes: Vec::new(),
            entities: Vec::new(),
        }
    }
}

/// A stretch of an article's text. `start`/`end` are Unicode code-point offsets into the text
/// (what Python's `str` and most JSON consumers index), `end` exclusive; `text` is that slice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: Char,
    pub end: Char,
    pub text: String,
}

/// How a quote renders the speaker's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Their words inside quotation marks.
    Direct,
    /// Reported speech: "X said that …", "according to X, …".
    Indirect,
    /// Reported speech carrying a quoted fragment of their words.
    Mixed,
}

/// What the speaker does with the words: a small fixed set, as event-data users expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeechAct {
    Statement,
    Accusation,
    Denial,
    Appeal,
    Threat,
    Promise,
    Question,
    Praise,
    Criticism,
    Agreement,
    Prediction,
    Report,
}

/// How an attribution relates to speech: what a reader means by "who said what" is `speech`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Words said or written ("said", "told", "tweeted", "in a statement").
    #[default]
    Speech,
    /// Thoughts, beliefs, wishes, stances ("believes", "wants", "fears", "knows").
    Thought,
    /// Findings of documents, polls, studies, data ("a poll shows", "documents show").
    Evidence,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Speech, Mode::Thought, Mode::Evidence];

    /// The mode named `s` ("speech", "thought", "evidence").
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == s.trim())
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Speech => "speech",
            Mode::Thought => "thought",
            Mode::Evidence => "evidence",
        }
    }
}

/// What kind of speaker a source names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    /// A group of people named by what they are ("officials", "prosecutors", "sources
    /// familiar with the talks").
    Group,
}

/// The named person or organisation behind a quote's source mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The resolved name ("Sergey Lavrov"); `None` when the mention could not be resolved
    /// ("a source", "officials").
    pub name: Option<String>,
    /// The words in the text that name the source at this quote ("he", "the Russian minister").
    pub mention: Option<Span>,
    /// The role or title the article gives the speaker ("Russian Foreign Minister").
    pub role: Option<String>,
    /// Person, organisation or group, when the source says which.
    #[serde(default)]
    pub kind: Option<SpeakerKind>,
}

/// One attribution: somebody's words (or thoughts) and who they are credited to.
///
/// The content is one or more pieces of the article text: a quote the narration interrupts
/// ("“We will,” she said, “and soon.”") has two. `pieces` cites each; `start..end` runs from
/// the first piece's start to the last one's end; `text` is the speaker's words only, the
/// pieces joined by " … " (so for a quote of one piece, exactly `text[start..end]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content: the quoted or reported words, pieces joined by " … ".
    pub text: String,
    pub kind: QuoteKind,
    /// Code-point offsets of the content in the article text (first to last piece).
    pub start: Char,
    pub end: Char,
    /// Code-point offsets `[start, end]` of each piece of the content, in text order.
    #[serde(default)]
    pub pieces: Vec<[Char; 2]>,
    /// The reporting verb or phrase ("said", "according to", a colon).
    pub cue: Option<Span>,
    pub speech_act: SpeechAct,
    pub speaker: Option<Speaker>,
    /// 0..1: how sure the attribution is.
    pub confidence: f32,
    /// Speech, thought or evidence (records carry speech alone unless asked for more).
    #[serde(default)]
    pub mode: Mode,
    /// A quotation with no cue of its own, credited to the speaker of the quotation before it.
    #[serde(default)]
    pub continued: bool,
}

/// What joins the pieces of an interrupted quote in [`Quote::text`].
pub const QUOTE_PIECE_JOINER: &str = " … ";

impl Quote {
    /// Whether the quote keeps the record contract in `text`, its article's text: pieces in
    /// order inside the text, `start`/`end` at the first piece's start and the last one's
    /// end, and `text` the pieces' words joined by [`QUOTE_PIECE_JOINER`].
    pub fn cites(&self, text: &str) -> bool {
        let (Some(first), Some(last)) = (self.pieces.first(), self.pieces.last()) else {
            return false;
        };
        if first[0] != self.start || last[1] != self.end {
            return false;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut at = self.start;
        let mut words = String::new();
        for (i, &[a, b]) in self.pieces.iter().enumerate() {
            if a < at || b < a || b.get() > chars.len() {
                return false;
            }
            at = b;
            if i > 0 {
                words.push_str(QUOTE_PIECE_JOINER);
            }
            words.extend(&chars[a.get()..b.get()]);
        }
        words == self.text
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

/// Another name the article itself gives an entity, with the words that state it. An alias is
/// a claim of this article, not a fact about the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    /// The words that assert the alias ("Jabhat Fateh al-Sham, formerly Jabhat Al Nusra").
    pub evidence: Span,
    /// The evidence is in the headline: its offsets are into the title, not the text.
    #[serde(default)]
    pub in_title: bool,
}

/// A person, organisation or place the article mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name the article uses.
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<Alias>,
    /// Titles and roles the article gives ("US Secretary of State").
    pub roles: Vec<String>,
    /// Every mention: full name, surname, acronym, alias.
    pub mentions: Vec<Span>,
}
