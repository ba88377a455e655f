//! Syndication: which article records are copies of one another, which copy is the original,
//! who copied from whom, which pieces embed runs of which stories, and how quotes spread
//! between stories that share no record.
//!
//! The flow (all in memory, no I/O; the caller persists the [`Index`] with serde):
//!
//! 1. [`prepare`] turns an [`Article`] into a [`Prepared`] record: its identity (url, else a
//!    hash of its title and text), the metadata the stemma needs, and a content-defined sample
//!    of its 5-word shingles ([`shingle`]). Pure and cheap, so callers may run it on many
//!    threads. [`parse_record`] reads a record leniently (only `text` is required).
//! 2. [`Index::add_batch`] adds prepared records. Every sampled key goes into an inverted
//!    index first (so boilerplate shared by the batch is recognised before any comparison);
//!    then each new record counts the keys it shares with every earlier record. A pair with
//!    enough shared keys is a *candidate*; it becomes a link when the measured overlap
//!    (shared keys over the smaller record's keys) passes [`Config::min_containment`], the
//!    shared passage is long in absolute terms ([`Config::long_shared`]), or (records of
//!    different sites) a run of [`Config::embed_shared`] keys is shared. Each link gets a kind
//!    from the pair alone: copies, an excerpt, an embedding, or a partial shared run.
//! 3. The stories are then derived from all the links (`settle`): copies and excerpts are
//!    unioned into the story each record is a copy in; embeddings make a record an embedding
//!    member of another story without joining the two. A record may therefore be in several
//!    stories ([`Index::stories_of`], [`Role`]), and the stories do not depend on the order
//!    in which records arrived.
//! 4. Boilerplate: a key that three records of one site carry is that site's template (a
//!    footer, a disclaimer) and is ignored, in candidates and in overlap alike; a key on more
//!    than [`Config::max_postings`] records stops growing its list (later copies still meet the
//!    first ones).
//! 5. [`Index::story`] derives a story's stemma on demand ([`story`]): the origin, an edge
//!    from each member to its likeliest source, with evidence and flags, and `also_in`.
//! 6. [`Index::quote_spread`] finds the same quote in records that share no story.
//!
//! Adding a batch costs time in proportion to the batch (its keys and their posting lists),
//! plus a linear pass over the links to settle the stories.

mod postings;
mod record;
pub mod shingle;
mod story;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Article, RepublishedFrom};
use postings::{Postings, MAX_RECORDS};

pub use record::{parse_record, record_from_value, RecordError};
pub use story::{AlsoIn, Edge, Evidence, ExternalOrigin, Flag, QuoteSpread, QuoteUse, Story};

/// Errors of the syndication index.
#[derive(Debug, thiserror::Error)]
pub enum SyndicateError {
    #[error("the index is full ({0} records)")]
    Full(usize),
}

/// Tuning of candidate and link decisions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Fewest shared sampled keys for a candidate pair.
    pub min_shared: u32,
    /// Shared keys over the smaller record's keys needed for a link.
    pub min_containment: f32,
    /// A pair sharing at least this many keys is linked whatever the ratio (a long passage
    /// quoted inside a much longer piece).
    pub long_shared: u32,
    /// A key carried by this many records of one site is that site's boilerplate.
    pub site_stop: u32,
    /// Longest posting list; longer ones keep their first records.
    pub max_postings: u32,
    /// Records of different sites sharing at least this many keys, and at least
    /// [`Config::embed_containment`] of the smaller, are linked as one embedding a run of the
    /// other (a roundup quoting part of a story), below the copy thresholds.
    #[serde(default = "default_embed_shared")]
    pub embed_shared: u32,
    #[serde(default = "default_embed_containment")]
    pub embed_containment: f32,
    /// Two linked records are copies of one text when this much of each is the other's …
    #[serde(default = "default_mutual_containment")]
    pub mutual_containment: f32,
    /// … or when this much of one is the other's and the other is not dated later (an
    /// excerpt). Other links make the later record an embedding member of the earlier's story.
    #[serde(default = "default_copy_containment")]
    pub copy_containment: f32,
}

fn default_mutual_containment() -> f32 {
    0.65
}

fn default_copy_containment() -> f32 {
    0.8
}

fn default_embed_shared() -> u32 {
    10
}

fn default_embed_containment() -> f32 {
    0.2
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_shared: 3,
            min_containment: 0.5,
            long_shared: 40,
            site_stop: 3,
            max_postings: 256,
            embed_shared: default_embed_shared(),
            embed_containment: default_embed_containment(),
            mutual_containment: default_mutual_containment(),
            copy_containment: default_copy_containment(),
        }
    }
}

/// A quote as the index keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    /// Lower-cased `\w+` words joined by spaces.
    pub norm: String,
    pub speaker: Option<String>,
    /// `fact` when the headline states the quote's words without quotation marks, `quoted`
    /// when it quotes them; absent when the headline does not carry them.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub headline: Option<String>,
}

/// What the index keeps of one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    /// The record's identity: its `url`, else a hash of its title and text ([`record_id`]).
    pub id: String,
    /// How the record is named in output where that is not its id: its `source.path` when it
    /// has no url (see [`record_name`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The record's URL where it is not the id (see [`Prepared::url`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub republished_from: Option<RepublishedFrom>,
    /// Sorted sampled shingle keys.
    pub keys: Vec<u32>,
    /// All shingles of the text (sampled or not).
    pub shingles: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<QuoteRef>,
}

impl Prepared {
    /// The record's name in output: its url, else its source path, else its content id.
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }

    /// The record's URL, if it has one.
    pub fn url(&self) -> Option<&str> {
        self.url
            .as_deref()
            .or_else(|| self.id.contains("://").then_some(self.id.as_str()))
    }
}

/// Quotes shorter than this many words are too common to trace.
const MIN_QUOTE_WORDS: usize = 4;

/// The identity of a record: its URL, else a hash of its content (title and text), so two
/// different articles read from one path (stdin, `-`) stay two records and the same article
/// read twice is one.
pub fn record_id(a: &Article) -> String {
    a.url
        .clone()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| content_id(a))
}

/// `text:` and 32 hex digits: two independent 64-bit hashes of the title and the text (not a
/// cryptographic hash: it tells records apart, it does not authenticate them).
pub fn content_id(a: &Article) -> String {
    let title = a.title.as_deref().unwrap_or("");
    let hash = |seed: u64| {
        let mut h = seed;
        for part in [title.as_bytes(), &[0xFF], a.text.as_bytes()] {
            for &b in part {
                h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
            }
        }
        shingle::mix64(h ^ title.len() as u64)
    };
    format!(
        "text:{:016x}{:016x}",
        hash(0xCBF2_9CE4_8422_2325),
        hash(0x84_2222_5CBF_29CE)
    )
}

/// How a record is named in output: its URL, else its source path (unless that is `-` or
/// empty), else its content id.
pub fn record_name(a: &Article) -> String {
    let id = record_id(a);
    if a.url.as_deref().is_some_and(|u| !u.trim().is_empty()) {
        return id;
    }
    let path = a.source.path.trim();
    if path.is_empty() || path == "-" {
        id
    } else {
        a.source.path.clone()
    }
}

/// The site a record belongs to, for boilerplate: its `site_name`, else its URL's host.
fn site_of(a: &Article) -> Option<String> {
    if let Some(s) = a
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(s.to_lowercase());
    }
    a.url.as_deref().and_then(host).map(str::to_string)
}

/// The host of an URL, without `www.`.
pub(crate) fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let h = rest.split(['/', '?', '#']).next()?;
    let h = h.rsplit('@').next()?;
    let h = h.split(':').next()?;
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty()).then_some(h)
}

/// Turn an article into what the index needs. Pure; never fails.
pub fn prepare(a: &Article) -> Prepared {
    let (keys, shingles) = shingle::sample(&a.text);
    let title = a.title.as_deref().unwrap_or("");
    let title_norm = if a.quotes.is_empty() {
        String::new()
    } else {
        shingle::normalise(title)
    };
    let title_quotes = title.contains(['"', '“', '”', '‘', '’', '«', '»']);
    let quotes = a
        .quotes
        .iter()
        .filter_map(|q| {
            let norm = shingle::normalise(&q.text);
            if norm.split(' ').count() < MIN_QUOTE_WORDS {
                return None;
            }
            let headline = (!title_norm.is_empty() && contains_words(&title_norm, &norm))
                .then(|| if title_quotes { "quoted" } else { "fact" }.to_string());
            Some(QuoteRef {
                norm,
                speaker: q.speaker.as_ref().and_then(|s| s.name.clone()),
                headline,
            })
        })
        .collect();
    let id = record_id(a);
    let name = record_name(a);
    Prepared {
        // The URL and name are kept only where they are not the id already.
        url: a.url.clone().filter(|u| *u != id),
        name: (name != id).then_some(name),
        id,
        site: site_of(a),
        published: a.published.clone(),
        authors: a.authors.clone(),
        republished_from: a.republished_from.clone(),
        keys,
        shingles: u32::try_from(shingles).unwrap_or(u32::MAX),
        quotes,
    }
}

/// Does `hay` contain the words of `needle` as a whole-word run?
fn contains_words(hay: &str, needle: &str) -> bool {
    let h = format!(" {hay} ");
    let n = format!(" {needle} ");
    h.contains(&n)
}

// ---------------------------------------------------------------------------------------------
// The index

/// A stable 64-bit hash of a record id.
fn id_hash(id: &str) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64;
    for &b in id.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
    }
    shingle::mix64(h)
}

const NONE: u32 = u32::MAX;

/// What one call of [`Index::add_batch`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// Index numbers of the records added, in order.
    pub added: Vec<u32>,
    /// Records skipped because their id was already in the index (or earlier in the batch).
    pub skipped: usize,
    /// Verified links made (pairs of records found to be copies).
    pub links: usize,
    /// Candidate pairs whose overlap was measured.
    pub candidates: usize,
}

/// The saved form of an [`Index`]: the records, the config and the links between records.
/// The inverted index and the stories are rebuilt from them on load.
#[derive(Deserialize)]
struct IndexData {
    config: Config,
    docs: Vec<Prepared>,
    #[serde(default)]
    links: Vec<(u32, u32, u8)>,
}

/// Link kinds as saved: `(a, b, COPY)` copies of one text; `(a, b, EXCERPT)` nearly all of
/// `a` is in `b`, which is not dated later; `(a, b, EMBEDS)` all of `b` is in `a`, which is
/// dated later; `(a, b, PARTIAL)` they share a run that is only part of each, and `a` is not
/// dated earlier.
const COPY: u8 = 0;
const EXCERPT: u8 = 1;
const EMBEDS: u8 = 2;
const PARTIAL: u8 = 3;

/// How a record belongs to a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// It carries the story's text (verbatim, edited or excerpted): a copy, or the original.
    Copy,
    /// It embeds a run of the story's text inside a piece of its own (a roundup, a digest).
    Embedding,
}

/// How two linked records relate (see [`Index::add_batch`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// Copies of one text: one story.
    Copy,
    /// Nearly all of the first is in the second, which is not dated later.
    Excerpt(u32, u32),
    /// All of the second is in the first, which is dated later.
    Embeds(u32, u32),
    /// A run shared, only part of each; the first is the later.
    Partial(u32, u32),
    /// A run shared, only part of each, and neither can be told the later.
    Both,
}

/// An incremental syndication index. Serialise it with serde to persist it; loading rebuilds
/// the inverted index (in time linear in the records).
#[derive(Serialize, Deserialize)]
#[serde(from = "IndexData")]
pub struct Index {
    config: Config,
    docs: Vec<Prepared>,
    /// Verified links between records, `(a, b, kind)`, in the order they were found.
    links: Vec<(u32, u32, u8)>,
    /// Embedder → the records it embeds, as the EMBEDS and PARTIAL links have it.
    #[serde(skip)]
    base_embeds: HashMap<u32, Vec<u32>>,
    /// The stories, derived from the links when first asked for after a change.
    #[serde(skip)]
    settled: std::sync::OnceLock<Settled>,
    /// Record number by a 64-bit hash of its id (the id itself is checked on lookup)…
    #[serde(skip)]
    by_id: HashMap<u64, u32>,
    /// … and by id for the (unlikely) ids whose hash another id already holds.
    #[serde(skip)]
    by_id_clash: HashMap<String, u32>,
    #[serde(skip)]
    site_ids: HashMap<String, u32>,
    #[serde(skip)]
    doc_site: Vec<u32>,
    #[serde(skip)]
    postings: Postings,
}

impl Default for Index {
    fn default() -> Self {
        Index::new(Config::default())
    }
}

impl From<IndexData> for Index {
    fn from(d: IndexData) -> Self {
        let mut ix = Index::new(d.config);
        let n = d.docs.len();
        for doc in d.docs {
            ix.push_doc(doc);
        }
        // Links that do not fit (a hand-edited file) are ignored: records stay apart.
        for (a, b, k) in d.links {
            if (a as usize) < n && (b as usize) < n && a != b && k <= PARTIAL {
                ix.add_link(a, b, k);
            }
        }
        ix
    }
}

impl Index {
    pub fn new(config: Config) -> Self {
        Index {
            config,
            docs: Vec::new(),
            links: Vec::new(),
            base_embeds: HashMap::new(),
            settled: std::sync::OnceLock::new(),
            by_id: HashMap::new(),
            by_id_clash: HashMap::new(),
            site_ids: HashMap::new(),
            doc_site: Vec::new(),
            postings: Postings::default(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Is a record with this id (url, else source path) already in the index?
    pub fn contains(&self, id: &str) -> bool {
        self.lookup(id).is_some()
    }

    /// The record number of an id.
    pub fn lookup(&self, id: &str) -> Option<u32> {
        match self.by_id.get(&id_hash(id)) {
            Some(&d) if self.docs.get(d as usize).is_some_and(|p| p.id == id) => Some(d),
            _ => self.by_id_clash.get(id).copied(),
        }
    }

    /// The verified links `(a, b, kind)` from the `from`-th on, in the order they were found:
    /// with the records, what the saved form holds (a store that keeps the records keeps these
    /// too, and loads the index without comparing any pair again).
    pub fn links_from(&self, from: usize) -> &[(u32, u32, u8)] {
        self.links.get(from..).unwrap_or(&[])
    }

    /// How many links the index holds.
    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    /// The record at index number `i`.
    pub fn doc(&self, i: u32) -> Option<&Prepared> {
        self.docs.get(i as usize)
    }

    /// Approximate heap bytes held by the index: (records, inverted index).
    pub fn heap_bytes(&self) -> (usize, usize) {
        let s = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
        let docs: usize = self
            .docs
            .iter()
            .map(|p| {
                p.id.capacity()
                    + s(&p.url)
                    + s(&p.site)
                    + s(&p.published)
                    + p.authors.iter().map(|a| a.capacity() + 24).sum::<usize>()
                    + p.republished_from.as_ref().map_or(0, |r| {
                        s(&r.name) + s(&r.url) + s(&r.published) + s(&r.evidence)
                    })
                    + p.keys.capacity() * 4
            })
            .sum::<usize>()
            + self.docs.capacity() * std::mem::size_of::<Prepared>()
            + self.settled.get().map_or(0, |s| s.parent.capacity() * 12)
            + self.links.capacity() * 12
            + self.by_id.capacity() * 13;
        (docs, self.postings.heap_bytes())
    }

    /// Distinct keys in the inverted index.
    pub fn distinct_keys(&self) -> usize {
        self.postings.keys()
    }

    /// Reserve room for `n` more records of about `keys` sampled keys each.
    pub fn reserve(&mut self, n: usize, keys: usize) {
        self.docs.reserve(n);
        self.postings.reserve(n.saturating_mul(keys) / 2);
    }

    /// Add articles (prepared here, on this thread).
    pub fn add_articles(&mut self, articles: &[Article]) -> Result<BatchReport, SyndicateError> {
        self.add_batch(articles.iter().map(prepare).collect())
    }

    /// Add a batch of prepared records: index them, then compare each with every earlier
    /// record that shares keys with it, and union the verified copies. A record whose id is
    /// already present is skipped (adding the same batch twice changes nothing).
    pub fn add_batch(&mut self, batch: Vec<Prepared>) -> Result<BatchReport, SyndicateError> {
        let mut report = BatchReport::default();
        let new_keys: usize = batch.iter().map(|p| p.keys.len()).sum();
        if self.docs.len().saturating_add(batch.len()) >= MAX_RECORDS
            || self.postings.cells().saturating_add(new_keys) >= MAX_RECORDS
        {
            return Err(SyndicateError::Full(self.docs.len()));
        }
        for p in batch {
            if self.contains(&p.id) {
                report.skipped += 1;
                continue;
            }
            report.added.push(self.push_doc(p));
        }
        let mut scratch = Vec::new();
        for &d in &report.added {
            let (cands, links) = self.link(d, &mut scratch);
            report.candidates += cands;
            report.links += links;
        }
        if !report.added.is_empty() {
            self.settled = std::sync::OnceLock::new();
        }
        tracing::debug!(
            added = report.added.len(),
            skipped = report.skipped,
            links = report.links,
            "syndication batch"
        );
        Ok(report)
    }

    /// Append a record and its postings; returns its number.
    fn push_doc(&mut self, p: Prepared) -> u32 {
        let d = self.docs.len() as u32;
        let site = match &p.site {
            Some(s) => {
                let next = self.site_ids.len() as u32;
                *self.site_ids.entry(s.clone()).or_insert(next)
            }
            None => NONE,
        };
        match self.by_id.entry(id_hash(&p.id)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(d);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.by_id_clash.insert(p.id.clone(), d);
            }
        }
        self.doc_site.push(site);
        let cap = self.config.max_postings.max(1);
        let site_stop = self.config.site_stop.max(2);
        let doc_site = &self.doc_site;
        let same = move |e: u32| doc_site.get(e as usize) == Some(&site);
        let same_site: Option<&dyn Fn(u32) -> bool> = (site != NONE).then_some(&same);
        for &k in &p.keys {
            self.postings.add(k, d, cap, site_stop, same_site);
        }
        self.docs.push(p);
        d
    }

    fn is_stop(&self, k: u32) -> bool {
        self.postings.is_stop(k)
    }

    /// Keys of record `d` that are not boilerplate.
    fn live_keys(&self, d: u32) -> usize {
        self.docs
            .get(d as usize)
            .map_or(0, |p| p.keys.iter().filter(|&&k| !self.is_stop(k)).count())
    }

    /// The keys of record `d` that are not boilerplate, sorted.
    pub(crate) fn live_key_list(&self, d: u32) -> Vec<u32> {
        self.docs.get(d as usize).map_or_else(Vec::new, |p| {
            p.keys
                .iter()
                .copied()
                .filter(|&k| !self.is_stop(k))
                .collect()
        })
    }

    /// Compare record `d` with the earlier records sharing keys with it; union the copies.
    fn link(&mut self, d: u32, scratch: &mut Vec<u32>) -> (usize, usize) {
        scratch.clear();
        let Some(p) = self.docs.get(d as usize) else {
            return (0, 0);
        };
        let mut live = 0usize;
        for k in &p.keys {
            if self.postings.for_each(*k, |doc| {
                if doc < d {
                    scratch.push(doc);
                }
            }) {
                live += 1;
            }
        }
        scratch.sort_unstable();
        let min_shared = self.config.min_shared.max(1) as usize;
        let mut to_link: Vec<(u32, Relation)> = Vec::new();
        let mut candidates = 0;
        let mut i = 0;
        while i < scratch.len() {
            let e = scratch[i];
            let mut j = i;
            while j < scratch.len() && scratch[j] == e {
                j += 1;
            }
            let shared = j - i;
            i = j;
            if shared < min_shared {
                continue;
            }
            candidates += 1;
            let other = self.live_keys(e);
            if self.is_copy(shared, live, other) || self.is_embedding(d, e, shared, live, other) {
                to_link.push((e, self.relation(d, e, shared, live, other)));
            }
        }
        let links = to_link.len();
        for (e, rel) in to_link {
            match rel {
                Relation::Copy => self.add_link(d, e, COPY),
                Relation::Excerpt(a, b) => self.add_link(a, b, EXCERPT),
                Relation::Embeds(a, b) => self.add_link(a, b, EMBEDS),
                Relation::Partial(a, b) => self.add_link(a, b, PARTIAL),
                Relation::Both => {
                    self.add_link(d, e, PARTIAL);
                    self.add_link(e, d, PARTIAL);
                }
            }
        }
        (candidates, links)
    }

    fn add_link(&mut self, a: u32, b: u32, kind: u8) {
        if kind == EMBEDS || kind == PARTIAL {
            self.base_embeds.entry(a).or_default().push(b);
        }
        self.links.push((a, b, kind));
    }

    /// Derive the stories from the links. Copies are unioned. An excerpt link joins the
    /// excerpt to its container's story, unless what they share lies in a run the container
    /// embeds from another story (a late excerpt of a story that a roundup quoted is that
    /// story's, not the roundup's: the container embeds it), or the excerpt also carries a
    /// run of some other text (it is a roundup: it embeds its container). A shared run that
    /// is part of each makes the later embed the earlier, unless the run is one the earlier
    /// embeds from elsewhere (a later copy of a story a roundup quoted). Every decision rests
    /// on the links alone, so the stories do not depend on the order records arrived in.
    /// Time linear in the records and links.
    fn settle(&self) -> Settled {
        let n = self.docs.len();
        let mut st = Settled {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            next: (0..n as u32).collect(),
            embeds_of: HashMap::new(),
            embedded_in: HashMap::new(),
        };
        for &(a, b, k) in &self.links {
            match k {
                COPY => st.union(a, b),
                EMBEDS => st.add_embed(a, b),
                _ => {}
            }
        }
        for &(x, y, k) in &self.links {
            if k != EXCERPT {
                continue;
            }
            if self.in_embedded_run(y, x) {
                st.add_embed(y, x);
            } else if self.quotes_elsewhere(x, y) {
                st.add_embed(x, y);
            } else {
                st.union(x, y);
            }
        }
        // A shared run that is part of each: the later embeds the earlier, unless the
        // earlier already embeds the later's story (a roundup and a later copy of a story it
        // quoted both carry that story's text; neither embeds the other).
        for &(a, b, k) in &self.links {
            if k == PARTIAL && !self.embeds_story_of(&st, b, a) {
                st.add_embed(a, b);
            }
        }
        st
    }

    /// The stories, derived now if a batch came since.
    fn st(&self) -> &Settled {
        self.settled.get_or_init(|| self.settle())
    }

    /// Does `a` embed a record of `b`'s copy story (as the links say so far)?
    fn embeds_story_of(&self, st: &Settled, a: u32, b: u32) -> bool {
        let rb = st.find(b);
        self.base_embeds
            .get(&a)
            .into_iter()
            .flatten()
            .any(|&x| x != b && st.find(x) == rb)
    }

    /// Does `x` share a run with some record it embeds that lies mostly outside `y`'s text?
    fn quotes_elsewhere(&self, x: u32, y: u32) -> bool {
        let Some(embedded) = self.base_embeds.get(&x) else {
            return false;
        };
        let kx = self.live_key_list(x);
        let ky = self.live_key_list(y);
        embedded.iter().filter(|&&a| a != y).any(|&a| {
            let ka = self.live_key_list(a);
            let (mut shared, mut outside) = (0usize, 0usize);
            for k in &kx {
                if ka.binary_search(k).is_ok() {
                    shared += 1;
                    if ky.binary_search(k).is_err() {
                        outside += 1;
                    }
                }
            }
            outside >= self.config.min_shared.max(1) as usize && outside * 2 >= shared
        })
    }

    /// Does most of what `x` shares with `y` lie in runs that `y` shares with the (other)
    /// records it embeds?
    fn in_embedded_run(&self, y: u32, x: u32) -> bool {
        let Some(embedded) = self.base_embeds.get(&y) else {
            return false;
        };
        let ky = self.live_key_list(y);
        let kx = self.live_key_list(x);
        let mut shared = 0usize;
        let mut inside = 0usize;
        let others: Vec<Vec<u32>> = embedded
            .iter()
            .filter(|&&a| a != x)
            .map(|&a| self.live_key_list(a))
            .collect();
        for k in &ky {
            if kx.binary_search(k).is_err() {
                continue;
            }
            shared += 1;
            if others.iter().any(|o| o.binary_search(k).is_ok()) {
                inside += 1;
            }
        }
        shared > 0 && inside * 2 >= shared
    }

    /// How linked records `d` and `e` (sharing `shared` live keys of `ld` and `le`) relate.
    /// When most of each is the other's text ([`Config::mutual_containment`]) they are
    /// copies. When nearly all of one is in the other ([`Config::copy_containment`]) but not
    /// the reverse, the smaller is an excerpt of the larger, unless the larger is dated later:
    /// then the larger quoted the smaller inside a piece of its own and embeds it. Otherwise
    /// (a shared run that is only part of each: a roundup quoting a story) the later embeds
    /// the earlier (each the other when that cannot be told). The decision rests on the pair
    /// alone, so the stories do not depend on the order in which records arrive.
    fn relation(&self, d: u32, e: u32, shared: usize, ld: usize, le: usize) -> Relation {
        let (fd, fe) = (
            shared as f32 / ld.max(1) as f32,
            shared as f32 / le.max(1) as f32,
        );
        let mutual = self.config.mutual_containment;
        if fd >= mutual && fe >= mutual {
            return Relation::Copy;
        }
        let th = self.config.copy_containment;
        let d_in_e = fd >= th;
        let e_in_d = fe >= th;
        let date = |x: u32| {
            self.doc(x)
                .and_then(|p| p.published.as_deref())
                .and_then(story::Stamp::parse)
        };
        let later = match (date(d), date(e)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => std::cmp::Ordering::Equal,
        };
        use std::cmp::Ordering::{Equal, Greater, Less};
        match (d_in_e, e_in_d, later) {
            (true, _, Less) => Relation::Embeds(e, d),
            (_, true, Greater) => Relation::Embeds(d, e),
            (true, _, _) => Relation::Excerpt(d, e),
            (_, true, _) => Relation::Excerpt(e, d),
            (false, false, Greater) => Relation::Partial(d, e),
            (false, false, Less) => Relation::Partial(e, d),
            (false, false, Equal) => Relation::Both,
        }
    }

    /// The link decision on measured overlap.
    pub(crate) fn is_copy(&self, shared: usize, a: usize, b: usize) -> bool {
        let smaller = a.min(b).max(1);
        shared >= self.config.min_shared.max(1) as usize
            && (shared as f32 / smaller as f32 >= self.config.min_containment
                || shared >= self.config.long_shared as usize)
    }

    /// The weaker link of a run of one record inside another: records of different sites
    /// (text that two pages of one site share and that is a minority of both is most likely
    /// their template) sharing [`Config::embed_shared`] keys and
    /// [`Config::embed_containment`] of the smaller.
    fn is_embedding(&self, d: u32, e: u32, shared: usize, a: usize, b: usize) -> bool {
        let site = |x: u32| self.doc_site.get(x as usize).copied().unwrap_or(NONE);
        let (sd, se) = (site(d), site(e));
        let smaller = a.min(b).max(1);
        (sd == NONE || sd != se)
            && shared >= self.config.embed_shared.max(1) as usize
            && shared as f32 / smaller as f32 >= self.config.embed_containment
    }

    /// The representative of the story record `d` is a copy in.
    pub fn find(&self, d: u32) -> u32 {
        self.st().find(d)
    }

    /// Index numbers of the copies in `d`'s story, ascending.
    pub fn members(&self, d: u32) -> Vec<u32> {
        self.st().members(d, self.docs.len())
    }

    /// The stories the given records are in (as copies or as embedding members), each once,
    /// as their copy members, ordered by their first member.
    pub fn clusters_of(&self, records: &[u32]) -> Vec<Vec<u32>> {
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<Vec<u32>> = Vec::new();
        for &d in records {
            if (d as usize) >= self.docs.len() {
                continue;
            }
            for (root, _) in self.stories_of(d) {
                if seen.insert(root) {
                    out.push(self.members(root));
                }
            }
        }
        out.sort_by_key(|m| m.first().copied());
        out
    }

    /// The stories record `d` is in, by their representative (see [`Index::find`]): first
    /// the one it is a copy in, then those it embeds a run of.
    pub fn stories_of(&self, d: u32) -> Vec<(u32, Role)> {
        let own = self.find(d);
        let mut out = vec![(own, Role::Copy)];
        for &x in self.st().embeds_of.get(&d).into_iter().flatten() {
            let r = self.find(x);
            if !out.iter().any(|&(o, _)| o == r) {
                out.push((r, Role::Embedding));
            }
        }
        out
    }

    /// The records that embed a run of the story whose copies are `copies` (and are not
    /// among them), ascending.
    pub fn embedders(&self, copies: &[u32]) -> Vec<u32> {
        let Some(&first) = copies.first() else {
            return Vec::new();
        };
        let root = self.find(first);
        let mut out: Vec<u32> = copies
            .iter()
            .flat_map(|m| self.st().embedded_in.get(m).into_iter().flatten().copied())
            .filter(|&e| self.find(e) != root)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every member of the story whose representative is `root`, with its role: the copies
    /// ascending, then the embedding members ascending.
    pub fn story_members(&self, root: u32) -> Vec<(u32, Role)> {
        let copies = self.members(root);
        let emb = self.embedders(&copies);
        copies
            .into_iter()
            .map(|m| (m, Role::Copy))
            .chain(emb.into_iter().map(|m| (m, Role::Embedding)))
            .collect()
    }

    /// A story's name, the same whatever order its records arrived in: the smallest id
    /// among its copies.
    pub fn story_name(&self, copies: &[u32]) -> String {
        copies
            .iter()
            .filter_map(|&m| self.doc(m))
            .map(|p| p.name())
            .min()
            .unwrap_or_default()
            .to_string()
    }

    /// Every cluster, ordered by its first member.
    pub fn clusters(&self) -> Vec<Vec<u32>> {
        let mut by_root: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut order = Vec::new();
        for d in 0..self.docs.len() as u32 {
            let r = self.find(d);
            by_root
                .entry(r)
                .or_insert_with(|| {
                    order.push(r);
                    Vec::new()
                })
                .push(d);
        }
        order
            .into_iter()
            .filter_map(|r| by_root.remove(&r))
            .collect()
    }

    /// The stemma of the story whose copies are `members` (a cluster, as [`Index::clusters`]
    /// gives it); the records that embed a run of it join as embedding members.
    pub fn story(&self, members: &[u32]) -> Story {
        story::build(self, members, &self.embedders(members))
    }

    /// Quotes (normalised) found in records of two or more stories that share no record.
    pub fn quote_spread(&self) -> Vec<QuoteSpread> {
        story::quote_spread(self)
    }
}

/// The stories derived from the links: a union-find forest (by size) of the copies, with a
/// circular list through each story's copies, and the embeddings both ways.
#[derive(Default)]
struct Settled {
    parent: Vec<u32>,
    size: Vec<u32>,
    next: Vec<u32>,
    /// Embedder → the records it embeds …
    embeds_of: HashMap<u32, Vec<u32>>,
    /// … and embedded → its embedders.
    embedded_in: HashMap<u32, Vec<u32>>,
}

impl Settled {
    /// Note that `a` embeds a run of `b`'s text.
    fn add_embed(&mut self, a: u32, b: u32) {
        let list = self.embeds_of.entry(a).or_default();
        if list.contains(&b) {
            return;
        }
        list.push(b);
        self.embedded_in.entry(b).or_default().push(a);
    }

    fn find(&self, mut d: u32) -> u32 {
        while let Some(&p) = self.parent.get(d as usize) {
            if p == d {
                break;
            }
            d = p;
        }
        d
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (
            self.size.get(ra as usize).copied().unwrap_or(1),
            self.size.get(rb as usize).copied().unwrap_or(1),
        );
        let (big, small) = if sa >= sb { (ra, rb) } else { (rb, ra) };
        if let Some(p) = self.parent.get_mut(small as usize) {
            *p = big;
        }
        if let Some(s) = self.size.get_mut(big as usize) {
            *s = sa.saturating_add(sb);
        }
        // Splice the two circular member lists.
        let (Some(&nb), Some(&ns)) = (self.next.get(big as usize), self.next.get(small as usize))
        else {
            return;
        };
        self.next[big as usize] = ns;
        self.next[small as usize] = nb;
    }

    /// The copies in `d`'s story, ascending (at most `n`).
    fn members(&self, d: u32, n: usize) -> Vec<u32> {
        if d as usize >= n {
            return Vec::new();
        }
        let mut v = vec![d];
        let mut cur = self.next.get(d as usize).copied().unwrap_or(d);
        while cur != d && v.len() <= n {
            v.push(cur);
            cur = self.next.get(cur as usize).copied().unwrap_or(d);
        }
        v.sort_unstable();
        v
    }
}

#[cfg(test)]
mod tests;
