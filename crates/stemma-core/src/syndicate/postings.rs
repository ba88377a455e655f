//! The inverted index: sampled shingle key → the records that carry it.
//!
//! Built to stay small and to grow without spikes at a million records:
//! * the table is split into 256 shards by the key's top byte, so a resize copies 1/256 of it;
//! * a key held by one record stores that record inline in the table (most keys);
//! * longer lists are linked cells `(record, next)` in fixed-size blocks that never move;
//!   the last cell's `next` is the first record, inline.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplicative hasher for u32 keys that are already uniformly distributed.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = u64::from(i).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type KeyMap = HashMap<u32, u32, BuildHasherDefault<KeyHasher>>;

/// A value with this bit is one record, inline.
const SINGLE: u32 = 1 << 31;
/// The key is boilerplate: no list.
const STOP: u32 = u32::MAX;
/// Highest record number and cell count the encoding allows.
pub(crate) const MAX_RECORDS: usize = (SINGLE - 2) as usize;
const BLOCK_BITS: u32 = 20;
const BLOCK: usize = 1 << BLOCK_BITS;
const SHARDS: usize = 256;

pub(crate) struct Postings {
    shards: Vec<KeyMap>,
    blocks: Vec<Vec<(u32, u32)>>,
    cells: usize,
}

/// What adding a record to a key's list did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Added {
    Listed,
    /// The key just became boilerplate (or already was).
    Stopped,
    /// The list is full: the record is not listed.
    Full,
}

impl Default for Postings {
    fn default() -> Self {
        Postings {
            shards: (0..SHARDS).map(|_| KeyMap::default()).collect(),
            blocks: Vec::new(),
            cells: 0,
        }
    }
}

impl Postings {
    fn shard(k: u32) -> usize {
        (k >> 24) as usize
    }

    /// Reserve table room for about `keys` more distinct keys.
    pub fn reserve(&mut self, keys: usize) {
        let per = keys / SHARDS + 1;
        for s in &mut self.shards {
            s.reserve(per);
        }
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        let table: usize = self.shards.iter().map(|s| s.capacity() * 9).sum();
        table + self.blocks.len() * BLOCK * 8
    }

    /// Number of distinct keys.
    pub fn keys(&self) -> usize {
        self.shards.iter().map(HashMap::len).sum()
    }

    /// Number of cells (list entries beyond the first record of each key).
    pub fn cells(&self) -> usize {
        self.cells
    }

    fn cell(&self, i: u32) -> Option<(u32, u32)> {
        self.blocks
            .get((i >> BLOCK_BITS) as usize)
            .and_then(|b| b.get(i as usize & (BLOCK - 1)))
            .copied()
    }

    fn push_cell(&mut self, c: (u32, u32)) -> u32 {
        if self.cells & (BLOCK - 1) == 0 {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(b) = self.blocks.last_mut() {
            b.push(c);
        }
        self.cells += 1;
        (self.cells - 1) as u32
    }

    pub fn is_stop(&self, k: u32) -> bool {
        !matches!(self.shards[Self::shard(k)].get(&k), Some(&v) if v != STOP)
    }

    /// Calls `f` with every record listed under `k` (newest first); false when `k` is
    /// unknown or boilerplate.
    pub fn for_each(&self, k: u32, mut f: impl FnMut(u32)) -> bool {
        let Some(&v) = self.shards[Self::shard(k)].get(&k) else {
            return false;
        };
        if v == STOP {
            return false;
        }
        let mut cur = v;
        let mut steps = 0usize;
        loop {
            if cur & SINGLE != 0 {
                f(cur & !SINGLE);
                break;
            }
            let Some((doc, next)) = self.cell(cur) else {
                break;
            };
            f(doc);
            cur = next;
            steps += 1;
            if steps > self.cells {
                break;
            }
        }
        true
    }

    /// List record `d` under key `k`, unless the list holds `cap` records, or `d` would make
    /// `site_stop` records of one site (`same_site(record)` tells whether a listed record shares
    /// `d`'s site): then the key is that site's boilerplate from now on. (A story one site runs
    /// three times loses the keys it shares only through them: a known limit.)
    pub fn add(
        &mut self,
        k: u32,
        d: u32,
        cap: u32,
        site_stop: u32,
        same_site: Option<&dyn Fn(u32) -> bool>,
    ) -> Added {
        let shard = Self::shard(k);
        let head = match self.shards[shard].entry(k) {
            Entry::Vacant(v) => {
                v.insert(SINGLE | d);
                return Added::Listed;
            }
            Entry::Occupied(o) => *o.get(),
        };
        if head == STOP {
            return Added::Stopped;
        }
        let (mut len, mut same) = (0u32, 1u32);
        let mut cur = head;
        loop {
            let doc = if cur & SINGLE != 0 {
                cur & !SINGLE
            } else {
                match self.cell(cur) {
                    Some((doc, _)) => doc,
                    None => break,
                }
            };
            len += 1;
            if same_site.is_some_and(|f| f(doc)) {
                same += 1;
            }
            if cur & SINGLE != 0 || len >= cap {
                break;
            }
            cur = self.cell(cur).map_or(SINGLE, |c| c.1);
        }
        if same_site.is_some() && same >= site_stop {
            self.shards[shard].insert(k, STOP);
            return Added::Stopped;
        }
        if len >= cap {
            return Added::Full;
        }
        let cell = self.push_cell((d, head));
        self.shards[shard].insert(k, cell);
        Added::Listed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(p: &Postings, k: u32) -> Vec<u32> {
        let mut v = Vec::new();
        p.for_each(k, |d| v.push(d));
        v
    }

    #[test]
    fn lists_grow_stop_and_cap() {
        let mut p = Postings::default();
        assert_eq!(p.add(7, 0, 3, 3, None), Added::Listed);
        assert_eq!(listed(&p, 7), vec![0]);
        assert_eq!(p.cells(), 0);
        p.add(7, 1, 3, 3, None);
        p.add(7, 2, 3, 3, None);
        assert_eq!(listed(&p, 7), vec![2, 1, 0]);
        assert_eq!(p.add(7, 3, 3, 3, None), Added::Full);
        assert_eq!(listed(&p, 7), vec![2, 1, 0]);
        // Site boilerplate: records 10, 11 of one site, the third one stops the key.
        let site = |d: u32| d >= 10;
        p.add(9, 10, 100, 3, Some(&site));
        assert_eq!(p.add(9, 11, 100, 3, Some(&site)), Added::Listed);
        assert_eq!(p.add(9, 12, 100, 3, Some(&site)), Added::Stopped);
        assert!(p.is_stop(9));
        assert!(!p.for_each(9, |_| {}));
        assert!(p.is_stop(12345));
        assert!(!p.is_stop(7));
    }
}
