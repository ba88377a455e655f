//! A labelled syndication corpus built from real article bodies in `../shared`.
//!
//! Each story starts from one real body (ScrapingHub, WCXB, PolNeAR), published by an invented
//! site, and gets copies: verbatim reposts under another site's template, lightly edited copies,
//! excerpts, and new pieces that quote it inside their own text; copies are made from the
//! original or from an earlier copy, with a date lag, a republication notice kept or dropped,
//! the byline kept, changed or dropped. Site templates leak boilerplate (a footer, a
//! disclaimer) into bodies of unrelated stories. Some stories borrow a sentence of another
//! (two stories on the same event sharing a quote) and some originals are left out.
//!
//! [`Style::HeldOut`] builds a second corpus differently (other bases, other sites, other
//! edits: sentence-level cuts, re-ordered paragraphs, run-together paragraphs, wire credits,
//! chained copies, pieces quoting the original in several chunks), to check that nothing is
//! tuned to the main generator. Everything is deterministic given the seed.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;
use stemma_core::{Article, Format, RepublishedFrom, Source};

/// A small, fast, seedable PRNG (SplitMix64).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// One real article body.
#[derive(Clone)]
pub struct Base {
    pub paragraphs: Vec<String>,
    pub title: String,
    pub author: Option<String>,
    /// Which dataset, for the split between the main and held-out corpora.
    pub origin: &'static str,
}

impl Base {
    pub fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}

/// Shortest body used, in words: shorter pages are not articles worth syndicating.
const MIN_WORDS: usize = 150;

/// Break a body into paragraphs; a body that is one long block is cut every few sentences.
fn paragraphs(text: &str) -> Vec<String> {
    let paras: Vec<String> = text
        .split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if paras.len() >= 3 {
        return paras;
    }
    let joined = paras.join(" ");
    let sentences = sentences(&joined);
    sentences.chunks(3).map(|c| c.join(" ")).collect()
}

/// Rough sentence split at ". ", "? ", "! ".
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
        let end = w.ends_with('.') || w.ends_with('?') || w.ends_with('!');
        let next_cap = words
            .get(i + 1)
            .and_then(|n| n.chars().next())
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
        if end && next_cap && cur.split(' ').count() >= 4 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Load every body of at least [`MIN_WORDS`] words, dropping near-duplicates of an earlier
/// one (the datasets hold a few wire stories twice): a body sharing a fifth of its 5-word
/// shingles with an earlier body is left out, so the only copies are the ones we make.
pub fn load_bases(shared: &Path) -> Result<Vec<Base>> {
    let mut bases = Vec::new();
    let sh = shared.join("bench/extraction/scrapinghub/ground-truth.json");
    let v: Value = serde_json::from_str(
        &fs::read_to_string(&sh).with_context(|| format!("reading {}", sh.display()))?,
    )
    .with_context(|| format!("parsing {}", sh.display()))?;
    if let Some(m) = v.as_object() {
        let mut keys: Vec<&String> = m.keys().collect();
        keys.sort();
        for k in keys {
            let body = m[k]["articleBody"].as_str().unwrap_or("");
            bases.push(Base {
                paragraphs: paragraphs(body),
                title: String::new(),
                author: None,
                origin: "scrapinghub",
            });
        }
    }
    let wdir = shared.join("bench/extraction/wcxb-dev-articles/ground-truth");
    let mut files: Vec<_> = fs::read_dir(&wdir)
        .with_context(|| format!("reading {}", wdir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let Ok(t) = fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&t) else {
            continue;
        };
        let g = &v["ground_truth"];
        bases.push(Base {
            paragraphs: paragraphs(g["main_content"].as_str().unwrap_or("")),
            title: g["title"].as_str().unwrap_or("").to_string(),
            author: g["author"].as_str().map(str::to_string),
            origin: "wcxb",
        });
    }
    for split in ["train", "dev"] {
        let dir = shared
            .join("bench/attribution/polnear")
            .join(split)
            .join("text");
        let Ok(rd) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let Ok(t) = fs::read_to_string(&f) else {
                continue;
            };
            let (title, body) = t.split_once('\n').unwrap_or(("", &t));
            bases.push(Base {
                paragraphs: paragraphs(body),
                title: title.trim().to_string(),
                author: None,
                origin: if split == "train" {
                    "polnear-train"
                } else {
                    "polnear-dev"
                },
            });
        }
    }
    // Keep long enough bodies that are not copies of an earlier one.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let mut kept = Vec::new();
    for b in bases {
        if b.words() < MIN_WORDS {
            continue;
        }
        let sh = shingles(&b.paragraphs.join(" "));
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for h in &sh {
            if let Some(&i) = seen.get(h) {
                *hits.entry(i).or_default() += 1;
            }
        }
        if hits.values().any(|&c| c * 5 >= sh.len()) {
            continue;
        }
        let id = kept.len();
        for h in sh {
            seen.entry(h).or_insert(id);
        }
        kept.push(b);
    }
    Ok(kept)
}

/// Distinct 5-word shingle hashes of lower-cased `\w+` words (the bench's own, independent
/// of the engine's).
pub fn shingles(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(5)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// An invented outlet and its template.
#[derive(Clone)]
pub struct Site {
    pub name: String,
    pub domain: String,
    /// Boilerplate paragraphs its extracted bodies sometimes keep.
    pub boilerplate: Vec<String>,
    /// How often a body keeps each boilerplate paragraph.
    pub leak: f64,
    /// Prints only a date, no time.
    pub date_only: bool,
    pub staff: String,
}

const PLACES: [&str; 24] = [
    "Harrowgate",
    "Pell River",
    "Coldwater",
    "Stonebury",
    "Marlow Bay",
    "Eastfen",
    "Brackton",
    "Vellamy",
    "Oakhurst",
    "Quillfield",
    "Rushmere",
    "Tarnvale",
    "Wickerby",
    "Ashcombe",
    "Dunmore Flats",
    "Greyhaven",
    "Lindqvist",
    "Ostermoor",
    "Penhallow",
    "Saltmarsh",
    "Thornby",
    "Umberleigh",
    "Wrenfield",
    "Yarrowdale",
];
const KINDS: [&str; 12] = [
    "Gazette",
    "Courier",
    "Ledger",
    "Dispatch",
    "Tribune",
    "Sentinel",
    "Chronicle",
    "Observer",
    "Post",
    "Herald",
    "Review",
    "Bulletin",
];
const FIRST: [&str; 16] = [
    "Mara", "Tobias", "Ines", "Colm", "Rhea", "Anselm", "Petra", "Jonah", "Odile", "Ravi",
    "Sunniva", "Emeric", "Lotte", "Barnaby", "Yusra", "Keir",
];
const LAST: [&str; 16] = [
    "Holloway",
    "Vance",
    "Okonkwo-Reed",
    "Lindgren",
    "Marchetti",
    "Quaye",
    "Strand",
    "Abernethy",
    "Duvall",
    "Nakashima",
    "Pryce",
    "Falk",
    "Ostrowski",
    "Greer",
    "Ballard",
    "Ferris",
];

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))
}

/// Invented sites: names, domains, boilerplate.
pub fn sites(rng: &mut Rng, n: usize, heavy: bool) -> Vec<Site> {
    let mut out = Vec::new();
    let mut used = HashSet::new();
    while out.len() < n {
        let name = format!("{} {}", rng.pick(&PLACES), rng.pick(&KINDS));
        if !used.insert(name.clone()) {
            if used.len() >= PLACES.len() * KINDS.len() {
                break;
            }
            continue;
        }
        let domain = format!("{}.example", name.to_lowercase().replace([' ', '-'], ""));
        let year = 1850 + rng.below(160);
        let mut boilerplate = vec![
            format!(
                "The {name} has served readers in {} since {year}. Sign up for our morning \
                 newsletter to get the day's top stories from our newsroom delivered to your \
                 inbox, and follow {name} on social media for breaking news alerts.",
                rng.pick(&PLACES)
            ),
            format!(
                "Copyright {} {name}. All rights reserved. This material may not be published, \
                 broadcast, rewritten or redistributed without permission. Comments are \
                 moderated and must follow the {name} community guidelines.",
                2000 + rng.below(25)
            ),
        ];
        if heavy {
            boilerplate.push(format!(
                "Support local journalism: subscribe to the {name} for unlimited access to our \
                 reporting on {} and the surrounding towns, with no advertising and our full \
                 archive. Already a subscriber? Log in to manage your account and newsletters.",
                rng.pick(&PLACES)
            ));
        }
        out.push(Site {
            staff: person(rng),
            name,
            domain,
            boilerplate,
            leak: if heavy { 0.8 } else { 0.3 + rng.unit() * 0.5 },
            date_only: rng.chance(0.3),
        });
    }
    out
}

/// Corpus style.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    Main,
    HeldOut,
}

/// What the generator knows about one record.
#[derive(Clone, Debug)]
pub struct Truth {
    pub story: u32,
    /// The record the story started from, when it is in the corpus.
    pub origin: Option<u32>,
    /// The record this one was copied from.
    pub parent: Option<u32>,
    /// Whether the corpus knows the origin: it is present and its date or a notice tells it
    /// apart (no member dated before or on the same day without times).
    pub origin_knowable: bool,
}

pub struct Corpus {
    pub docs: Vec<Article>,
    pub truth: Vec<Truth>,
    pub stories: usize,
}

/// A copy in the making.
struct Made {
    site: usize,
    paragraphs: Vec<String>,
    title: String,
    authors: Vec<String>,
    /// Minutes since the epoch.
    minute: i64,
    notice: Option<RepublishedFrom>,
    url: String,
}

/// Filler prose for new pieces: paragraphs from bases that no story uses, each handed out once
/// (cycling only when exhausted).
struct Filler {
    paragraphs: Vec<String>,
    next: usize,
}

impl Filler {
    fn take(&mut self, words: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut n = 0;
        while n < words && !self.paragraphs.is_empty() {
            let p = self.paragraphs[self.next % self.paragraphs.len()].clone();
            self.next += 1;
            if self.next == self.paragraphs.len() {
                tracing_free_warn();
            }
            n += p.split_whitespace().count();
            out.push(p);
        }
        out
    }
}

/// Filler ran out and is reused: unrelated pieces may now share text (the corpus would then
/// hold copies it does not label).
fn tracing_free_warn() {
    eprintln!("warning: the generator's filler prose ran out and is reused");
}

fn words_of(ps: &[String]) -> usize {
    ps.iter().map(|p| p.split_whitespace().count()).sum()
}

/// A contiguous run of paragraphs (or of words, when paragraphs are few) holding about
/// `frac` of the words.
fn excerpt(rng: &mut Rng, ps: &[String], frac: f64, from_start: bool) -> Vec<String> {
    let total = words_of(ps).max(1);
    let want = ((total as f64) * frac).round().max(20.0) as usize;
    if ps.len() >= 5 {
        let start = if from_start { 0 } else { rng.below(ps.len()) };
        let mut out = Vec::new();
        let mut n = 0;
        let mut i = start;
        while n < want {
            let p = &ps[i % ps.len()];
            if i >= ps.len() && start > 0 {
                // Wrapped: take from the start instead of the end.
                break;
            }
            n += p.split_whitespace().count();
            out.push(p.clone());
            i += 1;
            if i >= ps.len() {
                break;
            }
        }
        if n * 2 >= want {
            return out;
        }
    }
    let all: Vec<&str> = ps.iter().flat_map(|p| p.split_whitespace()).collect();
    let start = if from_start {
        0
    } else {
        rng.below(all.len().saturating_sub(want) + 1)
    };
    vec![all[start..(start + want).min(all.len())].join(" ")]
}

fn typo(rng: &mut Rng, ps: &mut [String], n: usize) {
    for _ in 0..n {
        let i = rng.below(ps.len());
        let mut words: Vec<String> = ps[i].split(' ').map(str::to_string).collect();
        let j = rng.below(words.len());
        let w: Vec<char> = words[j].chars().collect();
        if w.len() >= 4 {
            let k = 1 + rng.below(w.len() - 2);
            let mut w2 = w.clone();
            w2.swap(k, k - 1);
            words[j] = w2.into_iter().collect();
        }
        ps[i] = words.join(" ");
    }
}

const EDITOR_NOTES: [&str; 4] = [
    "Editor's note: This story has been updated with new information since it was first published.",
    "Editor's note: A previous version of this article misstated a figure; it has been corrected.",
    "This article has been edited for length and clarity.",
    "Update: Officials did not respond to a request for comment before publication.",
];

const HEADLINE_PREFIX: [&str; 5] = [
    "WATCH: ",
    "Report: ",
    "Explained: ",
    "Breaking: ",
    "Analysis: ",
];

fn date_string(minute: i64, date_only: bool, offset_min: i64) -> String {
    let secs = (minute + offset_min) * 60;
    let dt = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    if date_only {
        dt.format("%Y-%m-%d").to_string()
    } else {
        let sign = if offset_min < 0 { '-' } else { '+' };
        let o = offset_min.abs();
        format!(
            "{}{sign}{:02}:{:02}",
            dt.format("%Y-%m-%dT%H:%M:%S"),
            o / 60,
            o % 60
        )
    }
}

/// Build the corpus.
pub fn generate(bases: &[Base], style: Style, seed: u64, story_offset: usize) -> Corpus {
    let mut rng = Rng::new(seed ^ if style == Style::HeldOut { 0xA11CE } else { 0 });
    // Split bases: the held-out corpus uses the bases the main one leaves for filler, and
    // the reverse, by a fixed hash of the position.
    let mut story_bases = Vec::new();
    let mut filler_bases = Vec::new();
    for (i, b) in bases.iter().enumerate() {
        let h = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60;
        let main_story = h < 10;
        let is_story = (style == Style::Main) == main_story;
        if is_story {
            story_bases.push(b);
        } else {
            filler_bases.push(b);
        }
    }
    let mut filler = Filler {
        paragraphs: filler_bases
            .iter()
            .flat_map(|b| b.paragraphs.iter().cloned())
            .collect(),
        next: 0,
    };
    let heavy = style == Style::HeldOut;
    let site_list = sites(&mut rng, if heavy { 30 } else { 48 }, heavy);
    let offsets = [-300, -240, 0, 60, 120, 330];
    let site_offset: Vec<i64> = site_list.iter().map(|_| *rng.pick(&offsets)).collect();

    let mut docs = Vec::new();
    let mut truth = Vec::new();
    let mut site_counter: Vec<usize> = vec![0; site_list.len()];
    let base_minute = 1_420_070_400 / 60; // 2015-01-01

    for (si, base) in story_bases.iter().enumerate() {
        let story = (story_offset + si) as u32;
        let mut body = base.paragraphs.clone();
        if rng.chance(0.1) {
            // Two stories on one event sharing a quote: borrow a sentence of another story.
            let other = rng.pick(&story_bases);
            if let Some(s) = sentences(&other.paragraphs.join(" "))
                .into_iter()
                .find(|s| (15..=35).contains(&s.split(' ').count()))
            {
                let at = rng.below(body.len() + 1);
                body.insert(at, format!("As {} put it, \"{s}\"", person(&mut rng)));
            }
        }
        let s0 = rng.below(site_list.len());
        let minute0 = base_minute + (rng.below(9 * 365 * 24 * 60)) as i64;
        let authors0 = match &base.author {
            Some(a) if !a.trim().is_empty() && rng.chance(0.8) => vec![a.clone()],
            _ => vec![person(&mut rng)],
        };
        let title0 = if base.title.is_empty() {
            body[0]
                .split_whitespace()
                .take(10)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            base.title.clone()
        };
        let mk_url = |site: usize, counter: &mut Vec<usize>| {
            counter[site] += 1;
            format!(
                "https://{}/news/{}-{}",
                site_list[site].domain, story, counter[site]
            )
        };
        let mut made: Vec<Made> = vec![Made {
            site: s0,
            paragraphs: body.clone(),
            title: title0,
            authors: authors0,
            minute: minute0,
            notice: None,
            url: mk_url(s0, &mut site_counter),
        }];
        let mut parents: Vec<Option<usize>> = vec![None];
        let n_copies = if rng.chance(0.35) {
            0
        } else {
            *rng.pick(&[1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8])
        };
        for _ in 0..n_copies {
            let chain = if heavy { 0.5 } else { 0.3 };
            let p = if made.len() > 1 && rng.chance(chain) {
                1 + rng.below(made.len() - 1)
            } else {
                0
            };
            // A site other than those that already ran the story (where there is one).
            let mut site = rng.below(site_list.len());
            let mut tries = 0;
            while made.iter().any(|m| m.site == site) && tries < 64 {
                site = rng.below(site_list.len());
                tries += 1;
            }
            while site == made[p].site {
                site = (site + 1) % site_list.len();
            }
            let src = &made[p];
            let mut ps = src.paragraphs.clone();
            let mut title = src.title.clone();
            let op = rng.unit();
            if op < 0.3 {
                // Verbatim repost.
            } else if op < 0.6 {
                // Edited copy.
                if rng.chance(0.6) {
                    title = format!("{}{}", rng.pick(&HEADLINE_PREFIX), title);
                }
                if ps.len() >= 4 && rng.chance(0.5) {
                    let i = 1 + rng.below(ps.len() - 1);
                    ps.remove(i);
                }
                if rng.chance(0.4) {
                    let add = filler.take(40);
                    let at = rng.below(ps.len() + 1);
                    for (k, a) in add.into_iter().enumerate() {
                        ps.insert(at + k, a);
                    }
                }
                if rng.chance(0.3) {
                    ps.insert(0, rng.pick(&EDITOR_NOTES).to_string());
                }
                if heavy {
                    // Sentence-level cuts and a re-ordered pair of paragraphs.
                    for p in ps.iter_mut() {
                        let ss = sentences(p);
                        if ss.len() > 2 && rng.chance(0.3) {
                            let cut = rng.below(ss.len());
                            *p = ss
                                .iter()
                                .enumerate()
                                .filter(|(k, _)| *k != cut)
                                .map(|(_, s)| s.as_str())
                                .collect::<Vec<_>>()
                                .join(" ");
                        }
                    }
                    if ps.len() >= 3 {
                        let i = rng.below(ps.len() - 1);
                        ps.swap(i, i + 1);
                    }
                }
                if rng.chance(0.5) {
                    let n = rng.range(1, if heavy { 8 } else { 4 });
                    typo(&mut rng, &mut ps, n);
                }
            } else if op < 0.8 {
                // Excerpt of 20–80% (15–90% held out).
                let (lo, hi) = if heavy { (0.15, 0.9) } else { (0.2, 0.8) };
                let frac = lo + rng.unit() * (hi - lo);
                let from_start = rng.chance(0.6);
                ps = excerpt(&mut rng, &ps, frac, from_start);
                if rng.chance(0.5) {
                    ps.push(format!(
                        "Read the full story at {}.",
                        site_list[made[p].site].name
                    ));
                }
            } else {
                // A new piece quoting the source inside its own text.
                let quoted = if rng.chance(0.7) {
                    ps.clone()
                } else {
                    let f = 0.5 + rng.unit() * 0.5;
                    excerpt(&mut rng, &ps, f, false)
                };
                let len = words_of(&quoted);
                let mut piece = filler.take(len / 4 + rng.below(len / 4 + 1));
                piece.push(format!(
                    "Here is how the {} reported it:",
                    site_list[made[p].site].name
                ));
                if heavy && quoted.len() >= 3 {
                    // Quoted in chunks with commentary between.
                    let third = quoted.len() / 3;
                    for (k, q) in quoted.iter().enumerate() {
                        piece.push(q.clone());
                        if third > 0 && k % third == third - 1 {
                            piece.extend(filler.take(30));
                        }
                    }
                } else {
                    piece.extend(quoted);
                }
                piece.extend(filler.take(len / 5 + rng.below(len / 5 + 1)));
                ps = piece;
                title = format!("{}: what it means for {}", title, rng.pick(&PLACES));
            }
            if heavy && rng.chance(0.2) {
                // Paragraph breaks lost in extraction.
                ps = vec![ps.join(" ")];
            }
            // Date lag: hours to days after the source.
            let lag = if rng.chance(0.25) {
                (30 + rng.below(11 * 60)) as i64
            } else {
                (rng.range(1, if heavy { 14 } else { 7 }) * 1440 + rng.below(600)) as i64
            };
            let minute = src.minute + lag;
            let authors = if rng.chance(0.75) {
                src.authors.clone()
            } else if rng.chance(0.6) {
                vec![site_list[site].staff.clone()]
            } else {
                vec![]
            };
            let notice = if rng.chance(0.55) {
                // Name the origin (mostly) or the copy it came from.
                let named = if p != 0 && rng.chance(0.3) { p } else { 0 };
                let ns = &site_list[made[named].site];
                let with_url = rng.chance(0.5);
                let evidence = match rng.below(3) {
                    0 => format!("This article originally appeared on {}.", ns.name),
                    1 => format!("Republished with permission from the {}.", ns.name),
                    _ => format!("The original source of this article is {}.", ns.name),
                };
                Some(RepublishedFrom {
                    name: Some(ns.name.clone()),
                    url: with_url.then(|| made[named].url.clone()),
                    published: None,
                    evidence: Some(evidence),
                })
            } else if heavy && rng.chance(0.15) {
                Some(RepublishedFrom {
                    name: Some("Continental Wire".into()),
                    url: None,
                    published: None,
                    evidence: Some("(Continental Wire)".into()),
                })
            } else {
                None
            };
            let url = mk_url(site, &mut site_counter);
            made.push(Made {
                site,
                paragraphs: ps,
                title,
                authors,
                minute,
                notice,
                url,
            });
            parents.push(Some(p));
        }

        // Leave some originals out of the corpus.
        let drop_original = made.len() > 1 && rng.chance(0.08);
        let first = docs.len() as u32;
        let kept: Vec<usize> = (0..made.len())
            .filter(|&i| !(drop_original && i == 0))
            .collect();
        let index_of = |i: usize| kept.iter().position(|&k| k == i).map(|p| first + p as u32);
        // Knowable: the original is present and every other member is later at the precision
        // both state, or names the original by URL.
        let knowable = !drop_original
            && made.iter().enumerate().skip(1).all(|(_, m)| {
                let names = m
                    .notice
                    .as_ref()
                    .and_then(|n| n.url.as_deref())
                    .is_some_and(|u| u == made[0].url);
                let a = &made[0];
                let later = if site_list[m.site].date_only || site_list[a.site].date_only {
                    (m.minute + site_offset[m.site]).div_euclid(1440)
                        > (a.minute + site_offset[a.site]).div_euclid(1440)
                } else {
                    m.minute > a.minute
                };
                later || names
            });
        for &i in &kept {
            let m = &made[i];
            let site = &site_list[m.site];
            let mut ps = m.paragraphs.clone();
            for b in &site.boilerplate {
                if rng.chance(site.leak) {
                    ps.push(b.clone());
                }
            }
            let mut a = Article::empty(Source {
                path: format!("{}.html", m.url.trim_start_matches("https://")),
                format: Format::Html,
                url: None,
                warc_record_id: None,
                warc_date: None,
            });
            a.url = Some(m.url.clone());
            a.title = Some(m.title.clone());
            a.authors = m.authors.clone();
            a.published = Some(date_string(m.minute, site.date_only, site_offset[m.site]));
            a.site_name = Some(site.name.clone());
            a.republished_from = m.notice.clone();
            a.text = ps.join("\n\n");
            docs.push(a);
            truth.push(Truth {
                story,
                origin: index_of(0),
                parent: parents[i].and_then(index_of),
                origin_knowable: knowable && made.len() > 1,
            });
        }
    }
    Corpus {
        docs,
        truth,
        stories: story_bases.len(),
    }
}
