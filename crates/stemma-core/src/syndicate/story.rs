//! The stemma of one story: its origin, the edges copy → source with evidence and flags, the
//! records that embed a run of it; and the spread of quotes across stories.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{host, Index, Prepared};

/// The stemma of one story: the records that copy one text, and those that embed a run of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The story's name: the smallest name among its copies (the same whatever order the
    /// records arrived in).
    pub id: String,
    /// Every member by name (url, else source path, else content id): the copies in the
    /// order they were added, then the embedding members.
    pub members: Vec<String>,
    /// The members that embed a run of the story inside a piece of their own (a roundup, a
    /// digest): they belong to this story without joining it to their other stories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embedding: Vec<String>,
    /// Members that are in other stories too, and which (by story id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<AlsoIn>,
    /// The original, where it can be told; `null` when dates tie or are missing and no notice
    /// settles it (then `origin_candidates` lists the contenders).
    pub origin: Option<String>,
    /// False when the origin is named but not sure (some members have no date).
    pub origin_certain: bool,
    /// How the origin was chosen ("earliest", "named by 2 notices", "tie", …).
    pub origin_reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origin_candidates: Vec<String>,
    /// A source outside the cluster that the copies credit (a wire service, a site not in
    /// the records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credited: Option<ExternalOrigin>,
    /// One edge per copy whose source can be told.
    pub edges: Vec<Edge>,
}

/// A member of several stories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlsoIn {
    pub record: String,
    /// The other stories' ids.
    pub stories: Vec<String>,
}

/// A source named by notices but not among the records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExternalOrigin {
    pub name: Option<String>,
    pub url: Option<String>,
    /// How many members credit it.
    pub credits: usize,
}

/// `copy` most likely came from `source`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub copy: String,
    pub source: String,
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
}

/// Why an edge is believed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Fraction of the copy's text found in the source (on the sampled shingles).
    pub shared: f32,
    /// Fraction of the source's text found in the copy.
    pub shared_of_source: f32,
    /// The copy's republication notice, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// True when the copy's notice names this source (by URL or site name).
    pub notice_names_source: bool,
    /// Days from the source's date to the copy's (fractional when both have a time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lag_days: Option<f64>,
}

/// Something a reader of a copy should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The copy has no republication notice although it comes from another site.
    NoNotice,
    /// Its source carried a notice and the copy dropped it.
    NoticeDropped,
    /// The copy names different authors than its source.
    BylineChanged,
    /// The source had a byline and the copy has none.
    BylineDropped,
    /// The copy carries only part of the source.
    Excerpt,
    /// The source is quoted inside a longer piece.
    Embedded,
    /// The copy has no date.
    Undated,
}

/// A point in time as precise as the record states it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stamp {
    /// Days since the epoch of the date as printed (local to the page).
    day: i64,
    /// Minutes since the epoch, in UTC where the offset is known; only with a time.
    minute: Option<i64>,
}

/// Can the index read this as a date (the forms [`Stamp`] reads)?
pub(super) fn is_date(s: &str) -> bool {
    Stamp::parse(s).is_some()
}

impl Stamp {
    pub(super) fn parse(s: &str) -> Option<Stamp> {
        let s = s.trim();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            let day = (dt.date_naive() - epoch).num_days();
            return Some(Stamp {
                day,
                minute: Some(dt.timestamp().div_euclid(60)),
            });
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
        ] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
                return Some(Stamp {
                    day: (dt.date() - epoch).num_days(),
                    minute: Some(dt.and_utc().timestamp().div_euclid(60)),
                });
            }
        }
        let date = s.get(..10).unwrap_or(s);
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        Some(Stamp {
            day: (d - epoch).num_days(),
            minute: None,
        })
    }

    /// Earlier, later, or equal at the precision both share.
    pub(super) fn cmp(&self, o: &Stamp) -> Ordering {
        match (self.minute, o.minute) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.day.cmp(&o.day),
        }
    }

    fn lag_days(&self, later: &Stamp) -> f64 {
        match (self.minute, later.minute) {
            (Some(a), Some(b)) => (b - a) as f64 / 1440.0,
            _ => (later.day - self.day) as f64,
        }
    }
}

/// A name or URL reduced for comparison.
fn norm_name(s: &str) -> String {
    super::shingle::normalise(s)
        .trim_start_matches("the ")
        .replace(' ', "")
}

fn norm_url(u: &str) -> String {
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_end_matches('/').to_lowercase()
}

/// Which member (position in `docs`) a notice names, if any.
fn notice_target(docs: &[&Prepared], me: usize, stamps: &[Option<Stamp>]) -> Option<usize> {
    let rf = docs.get(me)?.republished_from.as_ref()?;
    if let Some(u) = rf.url.as_deref().map(norm_url).filter(|u| !u.is_empty()) {
        if let Some(i) = docs
            .iter()
            .enumerate()
            .position(|(i, d)| i != me && d.url().map(norm_url).as_deref() == Some(&u))
        {
            return Some(i);
        }
    }
    let name = rf
        .name
        .as_deref()
        .map(norm_name)
        .filter(|n| !n.is_empty())?;
    // The earliest member of the named site.
    let mut best: Option<usize> = None;
    for (i, d) in docs.iter().enumerate() {
        if i == me {
            continue;
        }
        let site_match = d.site.as_deref().map(norm_name).as_deref() == Some(&name)
            || d.url()
                .and_then(host)
                .map(|h| h.split('.').next().unwrap_or(h).replace('-', ""))
                .as_deref()
                == Some(&name);
        if !site_match {
            continue;
        }
        best = match best {
            None => Some(i),
            Some(b) => match (
                stamps.get(i).copied().flatten(),
                stamps.get(b).copied().flatten(),
            ) {
                (Some(x), Some(y)) if x.cmp(&y) == Ordering::Less => Some(i),
                _ => Some(b),
            },
        };
    }
    best
}

fn same_authors(a: &[String], b: &[String]) -> bool {
    let norm = |v: &[String]| {
        let mut n: Vec<String> = v.iter().map(|s| norm_name(s)).collect();
        n.sort();
        n.dedup();
        n
    };
    norm(a) == norm(b)
}

/// Records with more members than this get edges only to the origin and their nearest
/// earlier members, to bound the pairwise comparisons.
const MAX_PAIRWISE: usize = 400;

/// The other stories each member is in, by story id.
fn also_in(ix: &Index, members: &[u32], ids: &[String]) -> Vec<AlsoIn> {
    let Some(&first) = members.first() else {
        return Vec::new();
    };
    let root = ix.find(first);
    let mut out = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        let mut stories: Vec<String> = ix
            .stories_of(m)
            .into_iter()
            .filter(|&(r, _)| r != root)
            .map(|(r, _)| ix.story_name(&ix.members(r)))
            .collect();
        if stories.is_empty() {
            continue;
        }
        stories.sort();
        stories.dedup();
        out.push(AlsoIn {
            record: ids[k].clone(),
            stories,
        });
    }
    out
}

/// The stemma of the story whose copies are `copies` and whose embedding members are
/// `embedders`.
pub(super) fn build(ix: &Index, copies: &[u32], embedders: &[u32]) -> Story {
    let copies: Vec<u32> = copies
        .iter()
        .copied()
        .filter(|&m| ix.doc(m).is_some())
        .collect();
    let nc = copies.len();
    let members: Vec<u32> = copies
        .iter()
        .copied()
        .chain(embedders.iter().copied().filter(|&m| ix.doc(m).is_some()))
        .collect();
    let docs: Vec<&Prepared> = members.iter().filter_map(|&m| ix.doc(m)).collect();
    let ids: Vec<String> = docs.iter().map(|d| d.name().to_string()).collect();
    let id = ix.story_name(&copies);
    let embedding: Vec<String> = ids.get(nc..).unwrap_or_default().to_vec();
    let also = also_in(ix, &members, &ids);
    if let [only] = docs.as_slice() {
        let dated = only.published.as_deref().and_then(Stamp::parse).is_some();
        return Story {
            id,
            members: ids.clone(),
            embedding,
            also_in: also,
            origin: ids.first().cloned(),
            origin_certain: dated,
            origin_reason: "single".to_string(),
            origin_candidates: vec![],
            credited: only.republished_from.as_ref().map(|rf| ExternalOrigin {
                name: rf.name.clone(),
                url: rf.url.clone(),
                credits: 1,
            }),
            edges: vec![],
        };
    }
    let n = docs.len();
    let stamps: Vec<Option<Stamp>> = docs
        .iter()
        .map(|d| d.published.as_deref().and_then(Stamp::parse))
        .collect();
    let targets: Vec<Option<usize>> = (0..n).map(|i| notice_target(&docs, i, &stamps)).collect();

    // Notices: follow each chain to its end; the end most named is the notice origin.
    let mut votes: HashMap<usize, usize> = HashMap::new();
    for start in 0..n {
        let Some(mut t) = targets[start] else {
            continue;
        };
        let mut steps = 0;
        while let Some(next) = targets[t] {
            if next == start || steps > n {
                break;
            }
            t = next;
            steps += 1;
        }
        *votes.entry(t).or_default() += 1;
    }
    // Credits of something outside the cluster.
    let mut outside: HashMap<String, (Option<String>, Option<String>, usize)> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if targets[i].is_some() {
            continue;
        }
        if let Some(rf) = &d.republished_from {
            let key = rf
                .name
                .as_deref()
                .map(norm_name)
                .or_else(|| rf.url.as_deref().map(norm_url))
                .unwrap_or_default();
            if key.is_empty() {
                continue;
            }
            let e = outside
                .entry(key)
                .or_insert((rf.name.clone(), rf.url.clone(), 0));
            e.2 += 1;
        }
    }
    let credited = outside
        .into_values()
        .max_by(|a, b| a.2.cmp(&b.2).then_with(|| b.0.cmp(&a.0)))
        .map(|(name, url, credits)| ExternalOrigin { name, url, credits });

    // Members whose notice names another member say they are copies: they are out of the
    // running unless every member says so (a loop of notices). Of the rest, the earliest
    // wins; among tied earliest, the one that notices name; otherwise it stays uncertain.
    // Only copies can be the origin.
    let mut running: Vec<usize> = (0..nc).filter(|&i| targets[i].is_none()).collect();
    if running.is_empty() {
        running = (0..nc).collect();
    }
    let dated: Vec<usize> = running
        .iter()
        .copied()
        .filter(|&i| stamps[i].is_some())
        .collect();
    let earliest: Vec<usize> = dated
        .iter()
        .copied()
        .filter(|&i| {
            !dated.iter().any(|&j| {
                j != i
                    && matches!((stamps[j].as_ref(), stamps[i].as_ref()), (Some(a), Some(b)) if a.cmp(b) == Ordering::Less)
            })
        })
        .collect();
    let undated = running.len() - dated.len();
    let named: Vec<usize> = earliest
        .iter()
        .copied()
        .filter(|i| votes.contains_key(i))
        .collect();
    let noticed = |i: usize| {
        let v = votes.get(&i).copied().unwrap_or(0);
        if v == 0 {
            String::new()
        } else {
            format!(", named by {v} notice{}", if v == 1 { "" } else { "s" })
        }
    };

    let (origin, certain, reason, candidates) = if nc == 1 {
        (Some(0), stamps[0].is_some(), "single".to_string(), vec![])
    } else if earliest.len() == 1 {
        let o = earliest[0];
        let reason = if undated > 0 {
            format!("earliest dated{}; {undated} undated", noticed(o))
        } else {
            format!("earliest{}", noticed(o))
        };
        (
            Some(o),
            undated == 0 || votes.contains_key(&o),
            reason,
            vec![],
        )
    } else if named.len() == 1 {
        let o = named[0];
        (
            Some(o),
            true,
            format!("tied earliest{}", noticed(o)),
            vec![],
        )
    } else if earliest.is_empty() {
        if running.len() == 1 {
            let o = running[0];
            (Some(o), false, format!("undated{}", noticed(o)), vec![])
        } else {
            (None, false, "no dates".to_string(), running.clone())
        }
    } else {
        (None, false, "tie".to_string(), earliest.clone())
    };

    // Order for edges: the origin first, then by date (undated last), then by position.
    let mut order: Vec<usize> = (0..n).collect();
    // A total order (Stamp::cmp mixes precisions and is not transitive): origin, dated by
    // (day, minute), undated, then position.
    order.sort_by_key(|&i| {
        let st = stamps[i];
        (
            Some(i) != origin,
            st.is_none(),
            st.map_or(0, |s| s.day),
            st.and_then(|s| s.minute).unwrap_or(i64::MIN),
            i,
        )
    });
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }

    let live: Vec<Vec<u32>> = members.iter().map(|&m| ix.live_key_list(m)).collect();
    let mut edges = Vec::new();
    let roots: Vec<usize> = if origin.is_none() {
        candidates.clone()
    } else {
        vec![]
    };
    for &m in &order {
        if Some(m) == origin || roots.contains(&m) {
            continue;
        }
        // Sources: members before it in the order (within a bound for huge clusters).
        let named = targets[m].filter(|t| rank[*t] < rank[m]);
        let before: Vec<usize> = order
            .iter()
            .copied()
            .take(rank[m])
            // Sources are copies: an embedding member is nobody's source here.
            .filter(|&p| p < nc)
            .filter(|&p| {
                // A copy's source is not later than the copy where both are dated, unless
                // it is the origin or the copy's notice names it.
                Some(p) == origin
                    || Some(p) == named
                    || !matches!((stamps[p], stamps[m]), (Some(x), Some(y)) if x.cmp(&y) == Ordering::Greater)
            })
            .collect();
        let before: Vec<usize> = if before.len() > MAX_PAIRWISE {
            let mut v: Vec<usize> = before.iter().copied().take(1).collect();
            v.extend(before.iter().rev().take(MAX_PAIRWISE - 1).copied());
            v
        } else {
            before
        };
        let mut best: Option<(usize, usize, usize, usize)> = None;
        let mut best_score = -1.0f32;
        for &p in &before {
            let shared = super::shingle::intersect_count(&live[m], &live[p]);
            let (lm, lp) = (live[m].len(), live[p].len());
            let score = shared as f32 / lm.min(lp).max(1) as f32
                + if Some(p) == named { 10.0 } else { 0.0 };
            if score > best_score {
                best_score = score;
                best = Some((p, shared, lm, lp));
            }
        }
        let Some((p, shared, lm, lp)) = best else {
            continue;
        };
        let (dm, dp) = (docs[m], docs[p]);
        let lag = match (stamps[p], stamps[m]) {
            (Some(a), Some(b)) => Some((a.lag_days(&b) * 1000.0).round() / 1000.0),
            _ => None,
        };
        let sh_copy = shared as f32 / lm.max(1) as f32;
        let sh_src = shared as f32 / lp.max(1) as f32;
        let mut flags = Vec::new();
        // An embedding member (a roundup quoting a run of the story) is a piece of its own: its
        // byline and the lack of a notice say nothing about how the story was copied.
        let embedding = m >= nc;
        let other_site = dm.site.is_none() || dm.site != dp.site;
        if !embedding && dm.republished_from.is_none() && other_site {
            flags.push(Flag::NoNotice);
            if dp.republished_from.is_some() {
                flags.push(Flag::NoticeDropped);
            }
        }
        if !dp.authors.is_empty() && !embedding {
            if dm.authors.is_empty() {
                flags.push(Flag::BylineDropped);
            } else if !same_authors(&dm.authors, &dp.authors) {
                flags.push(Flag::BylineChanged);
            }
        }
        if embedding || (sh_copy < 0.8 && sh_src >= 0.8) {
            flags.push(Flag::Embedded);
        } else if sh_src < 0.8 && sh_copy >= 0.8 {
            flags.push(Flag::Excerpt);
        }
        if stamps[m].is_none() {
            flags.push(Flag::Undated);
        }
        edges.push(Edge {
            copy: ids[m].clone(),
            source: ids[p].clone(),
            evidence: Evidence {
                shared: (sh_copy * 1000.0).round() / 1000.0,
                shared_of_source: (sh_src * 1000.0).round() / 1000.0,
                notice: dm
                    .republished_from
                    .as_ref()
                    .and_then(|r| r.evidence.clone().or_else(|| r.name.clone())),
                notice_names_source: targets[m] == Some(p),
                lag_days: lag,
            },
            flags,
        });
    }

    Story {
        id,
        members: ids.clone(),
        embedding,
        also_in: also,
        origin: origin.map(|o| ids[o].clone()),
        origin_certain: certain,
        origin_reason: reason,
        origin_candidates: if origin.is_none() && nc > 1 {
            candidates.iter().map(|&i| ids[i].clone()).collect()
        } else {
            vec![]
        },
        credited,
        edges,
    }
}

/// One record that carries a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteUse {
    pub record: String,
    pub site: Option<String>,
    pub published: Option<String>,
    pub speaker: Option<String>,
    /// Whether it credits the speaker most records name for this quote.
    pub same_speaker: bool,
    /// `fact` when the headline states the words without quotation marks, `quoted` when it
    /// quotes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
}

/// The same quote in records that are not copies of each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSpread {
    /// The quote, normalised (lower-cased words).
    pub quote: String,
    /// The speaker most records (copies included) name.
    pub speaker: Option<String>,
    /// The earliest record carrying it (by date; the first added when undated or tied).
    pub first: String,
    /// Number of distinct clusters (stories) carrying it.
    pub stories: usize,
    /// One use per cluster: the earliest record of each.
    pub uses: Vec<QuoteUse>,
}

pub(super) fn quote_spread(ix: &Index) -> Vec<QuoteSpread> {
    let mut by_quote: HashMap<&str, Vec<(u32, usize)>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for d in 0..ix.len() as u32 {
        let Some(p) = ix.doc(d) else { continue };
        for (qi, q) in p.quotes.iter().enumerate() {
            let v = by_quote.entry(q.norm.as_str()).or_insert_with(|| {
                order.push(q.norm.as_str());
                Vec::new()
            });
            if !v.iter().any(|&(e, _)| e == d) {
                v.push((d, qi));
            }
        }
    }
    let mut out = Vec::new();
    for quote in order {
        let Some(uses) = by_quote.get(quote) else {
            continue;
        };
        // The earliest use per group of uses in records that share a story (as copies or
        // as embedding members: a roundup quoting a story repeats the story's quote).
        let mut groups: Vec<(Vec<u32>, u32, usize)> = Vec::new();
        for &(d, qi) in uses {
            let roots: Vec<u32> = ix.stories_of(d).into_iter().map(|(r, _)| r).collect();
            let stamp = |x: u32| {
                ix.doc(x)
                    .and_then(|p| p.published.as_deref())
                    .and_then(Stamp::parse)
            };
            match groups
                .iter_mut()
                .find(|(rs, _, _)| rs.iter().any(|r| roots.contains(r)))
            {
                Some(slot) => {
                    for r in roots {
                        if !slot.0.contains(&r) {
                            slot.0.push(r);
                        }
                    }
                    if let (Some(a), Some(b)) = (stamp(d), stamp(slot.1)) {
                        if a.cmp(&b) == Ordering::Less {
                            slot.1 = d;
                            slot.2 = qi;
                        }
                    }
                }
                None => groups.push((roots, d, qi)),
            }
        }
        if groups.len() < 2 {
            continue;
        }
        let per_cluster: Vec<(u32, usize)> = groups.iter().map(|g| (g.1, g.2)).collect();
        // The speaker most records (copies included) credit.
        let mut speakers: HashMap<String, usize> = HashMap::new();
        for &(d, qi) in uses {
            if let Some(s) = ix
                .doc(d)
                .and_then(|p| p.quotes.get(qi))
                .and_then(|q| q.speaker.as_deref())
            {
                *speakers.entry(norm_name(s)).or_default() += 1;
            }
        }
        let top = speakers
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(k, _)| k.clone());
        let mut list: Vec<QuoteUse> = Vec::new();
        let mut speaker_name = None;
        let mut first: Option<(u32, Option<Stamp>)> = None;
        for &(d, qi) in &per_cluster {
            let Some(p) = ix.doc(d) else { continue };
            let q = p.quotes.get(qi);
            let sp = q.and_then(|q| q.speaker.clone());
            let same = match (&sp, &top) {
                (Some(s), Some(t)) => &norm_name(s) == t,
                _ => false,
            };
            if same && speaker_name.is_none() {
                speaker_name = sp.clone();
            }
            let st = p.published.as_deref().and_then(Stamp::parse);
            first = match first {
                None => Some((d, st)),
                Some((f, fs)) => match (st, fs) {
                    (Some(a), Some(b)) if a.cmp(&b) == Ordering::Less => Some((d, st)),
                    (Some(_), None) => Some((d, st)),
                    _ => Some((f, fs)),
                },
            };
            list.push(QuoteUse {
                record: p.name().to_string(),
                site: p.site.clone(),
                published: p.published.clone(),
                speaker: sp,
                same_speaker: same,
                headline: q.and_then(|q| q.headline.clone()),
            });
        }
        let Some((f, _)) = first else { continue };
        out.push(QuoteSpread {
            quote: quote.to_string(),
            speaker: speaker_name,
            first: ix.doc(f).map(|p| p.name().to_string()).unwrap_or_default(),
            stories: per_cluster.len(),
            uses: list,
        });
    }
    out
}
