//! Matching keys of names: one normal form, the shorter forms that may refer to a name
//! (surname, the end of an organisation's name) and acronyms.

use super::lexicon::{
    canonical_place, flags, is_hyphen_connector, is_space_connector, Fast, GIVEN, NOT_DISTINCT,
};
use super::tokens::{is_apostrophe, is_hyphen};

/// Names longer than this are not cut into shorter forms.
pub(crate) const MAX_KEY_WORDS: usize = 8;

/// The normal form of a name: lower case, words separated by one space, periods dropped
/// ("U.S." → "us"), apostrophes unified, a possessive "'s" and a leading "the" removed.
pub(crate) fn norm_key(s: &str, out: &mut String) {
    out.clear();
    let mut sep = false;
    let mut apos = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if sep && !out.is_empty() {
                out.push(' ');
            } else if apos && !out.is_empty() {
                out.push('\'');
            }
            sep = false;
            apos = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if is_apostrophe(c) {
            apos = !sep;
        } else if c == '.' {
            apos = false;
        } else {
            sep = true;
            apos = false;
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

/// [`norm_key`], then a place in the gazetteer under the name the gazetteer keeps.
pub(crate) fn canonical_key(s: &str, out: &mut String) {
    norm_key(s, out);
    if let Some(p) = canonical_place(out) {
        out.clear();
        out.push_str(p);
    }
}

/// Whether a word identifies a name alone (not "National", "Front", "al", "Russia").
pub(crate) fn distinctive(w: &str) -> bool {
    distinctive_with(w, flags(w))
}

/// [`distinctive`], given the word's lexicon flags.
fn distinctive_with(w: &str, flags: u32) -> bool {
    w.chars().nth(1).is_some()
        && !w.chars().all(|c| c.is_numeric())
        && flags & NOT_DISTINCT == 0
        && !is_space_connector(w)
        && !is_hyphen_connector(w)
}

/// Whether a key (a shorter form of a longer name) may stand for that name: it starts with no
/// "of"/"for", has a distinctive word, and is not only given names.
pub(crate) fn partial_ok(key: &str) -> bool {
    let mut words = key.split(' ');
    if matches!(words.next(), Some("of" | "for" | "and") | None) {
        return false;
    }
    key.split(' ').any(distinctive) && !key.split(' ').all(|w| flags(w) & GIVEN != 0)
}

/// The keys of `name` from each of its words after the first on ("Evelyn Tran-Whitaker" →
/// "tran whitaker"): the ends of its key that begin where a word of the name begins. A
/// hyphenated word is one word of the name but two of the key ("whitaker" begins inside it).
pub(crate) fn word_start_keys(name: &str) -> impl Iterator<Item = String> + '_ {
    name.match_indices(char::is_whitespace).map(|(p, ws)| {
        let mut k = String::new();
        norm_key(&name[p + ws.len()..], &mut k);
        k
    })
}

/// Each shorter form of a key that may refer to it: its proper word suffixes ("lavrov" of
/// "sergey lavrov", "nusra front" of "al nusra front") that pass [`partial_ok`], longest first.
pub(crate) fn for_each_suffix(key: &str, mut f: impl FnMut(&str)) {
    // Each word's start, and whether it is distinctive / a given name, looked up once: a
    // suffix passes when it has a distinctive word and a word that is no given name, which
    // one walk from the end gives for every suffix.
    let mut words = [(0usize, "", false, false); MAX_KEY_WORDS];
    let mut n = 0;
    let mut start = 0;
    for w in key.split(' ') {
        if n == MAX_KEY_WORDS {
            return;
        }
        let fl = flags(w);
        words[n] = (start, w, distinctive_with(w, fl), fl & GIVEN == 0);
        n += 1;
        start += w.len() + 1;
    }
    let mut ok = [false; MAX_KEY_WORDS];
    let (mut distinct, mut not_given) = (false, false);
    for k in (1..n).rev() {
        let (_, first, d, g) = words[k];
        distinct |= d;
        not_given |= g;
        ok[k] = distinct && not_given && !matches!(first, "of" | "for" | "and");
    }
    for k in 1..n {
        if ok[k] {
            f(&key[words[k].0..]);
        }
    }
}

/// The acronym of a name from the initials of its capitalised words ("Federal Bureau of
/// Investigation" → "fbi"); false when fewer than two letters.
pub(crate) fn acronym(name: &str, out: &mut String) -> bool {
    out.clear();
    let mut words = 0;
    for w in name.split(|c: char| c.is_whitespace() || is_hyphen(c)) {
        let Some(c) = w.chars().next() else { continue };
        words += 1;
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        }
    }
    words >= 2 && out.chars().nth(1).is_some()
}

/// A map from keys to entity indices whose keys are kept end to end in one string, so that a
/// new key costs no allocation of its own: an article's names, their shorter forms and
/// acronyms run to hundreds of keys, and a `HashMap<String, _>` allocated each one. The
/// table itself is hashbrown's `HashTable` of entries that point into that string.
#[derive(Default)]
pub(crate) struct KeyMap {
    /// Every key, one after another.
    keys: String,
    table: hashbrown::HashTable<KeyEntry>,
}

struct KeyEntry {
    hash: u64,
    /// Byte range of the key in `KeyMap::keys`.
    start: usize,
    end: usize,
    value: usize,
}

fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    Fast::default().hash_one(key)
}

impl KeyMap {
    /// A map with room for `n` keys before it grows.
    pub(crate) fn with_capacity(n: usize) -> KeyMap {
        KeyMap {
            keys: String::with_capacity(n * 12),
            table: hashbrown::HashTable::with_capacity(n),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        if self.table.is_empty() {
            return None;
        }
        let keys = &self.keys;
        self.table
            .find(key_hash(key), |e| &keys[e.start..e.end] == key)
            .map(|e| e.value)
    }

    /// Map `key` to `value`; with `replace` false a key already there keeps its value.
    fn put(&mut self, key: &str, value: usize, replace: bool) {
        let hash = key_hash(key);
        let KeyMap { keys, table } = self;
        if let Some(e) = table.find_mut(hash, |e| &keys[e.start..e.end] == key) {
            if replace {
                e.value = value;
            }
            return;
        }
        let start = keys.len();
        keys.push_str(key);
        let entry = KeyEntry {
            hash,
            start,
            end: keys.len(),
            value,
        };
        table.insert_unique(hash, entry, |e| e.hash);
    }

    /// Map `key` to `value` unless it has a value already (the first one wins).
    pub(crate) fn insert_first(&mut self, key: &str, value: usize) {
        self.put(key, value, false);
    }

    /// Map `key` to `value`, replacing any value it had (the last one wins).
    pub(crate) fn insert_last(&mut self, key: &str, value: usize) {
        self.put(key, value, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_start_keys_begin_at_words_whatever_space_parts_them() {
        let keys: Vec<String> = word_start_keys("Evelyn Tran-Whitaker").collect();
        assert_eq!(keys, ["tran whitaker"]);
        // A no-break space is two bytes: the key after it begins after both.
        let keys: Vec<String> = word_start_keys("Evelyn\u{a0}Tran-Whitaker Jr").collect();
        assert_eq!(keys, ["tran whitaker jr", "jr"]);
    }

    #[test]
    fn entities_keys_key_map_first_and_last_win() {
        let mut m = KeyMap::default();
        assert_eq!(m.get("kerry"), None);
        // Enough keys to grow the table several times.
        let keys: Vec<String> = (0..100).map(|k| format!("key {k}")).collect();
        for (k, key) in keys.iter().enumerate() {
            m.insert_first(key, k);
            m.insert_first(key, 1000);
        }
        m.insert_last("key 7", 7000);
        for (k, key) in keys.iter().enumerate() {
            assert_eq!(m.get(key), Some(if k == 7 { 7000 } else { k }), "{key}");
        }
        assert_eq!(m.get("key 100"), None);
        assert_eq!(m.get(""), None);
    }

    #[test]
    fn entities_keys_normal_form_and_shorter_forms() {
        let mut k = String::new();
        norm_key("the O’Malley Group's", &mut k);
        assert_eq!(k, "o'malley group");
        norm_key("U.S.", &mut k);
        assert_eq!(k, "us");
        canonical_key("U.S.", &mut k);
        assert_eq!(k, "united states");
        norm_key("Jabhat Fateh al-Sham", &mut k);
        assert_eq!(k, "jabhat fateh al sham");
        let mut v = Vec::new();
        for key in [
            "mirela dovanu",
            "al qarnun front",
            "of the sea",
            "jose de la sierra",
            "the national front for the liberation of the south",
            "a b c d e f g h",
            "a b c d e f g h i",
            "john and mary",
            "1 2 3",
            "",
        ] {
            let mut want = Vec::new();
            if key.split(' ').count() <= MAX_KEY_WORDS {
                for (i, _) in key.match_indices(' ') {
                    if partial_ok(&key[i + 1..]) {
                        want.push(key[i + 1..].to_string());
                    }
                }
            }
            v.clear();
            for_each_suffix(key, |s| v.push(s.to_string()));
            assert_eq!(v, want, "{key}");
        }
        v.clear();
        for_each_suffix("mirela dovanu", |s| v.push(s.to_string()));
        assert_eq!(v, ["dovanu"]);
        v.clear();
        for_each_suffix("al qarnun front", |s| v.push(s.to_string()));
        assert_eq!(v, ["qarnun front"]);
        assert!(acronym("Bureau of Tidal Affairs", &mut k));
        assert_eq!(k, "bta");
    }
}
