//! Generated article records for the archive at scale (`stemma-bench store-scale`, and the
//! server's load bench): invented outlets, people, organisations and places; dates over eight
//! years; bodies of Zipf-distributed words (a few hundred real news words first, then a long
//! tail of invented ones) with the article's entities named in them and quotes by its people,
//! so that searches, filters and the entity and quote tables are hit as they are in a real
//! archive. About one article in eight is a copy of an earlier one (another outlet, a few days
//! later, the notice kept or dropped), so stories form. Everything is a pure function of the
//! seed and the article's number: article `i` is the same whatever else is generated.

use stemma_core::offset::Char;
use stemma_core::syndicate::shingle::mix64;
use stemma_core::{
    Alias, Article, Entity, EntityKind, Format, Quote, QuoteKind, RepublishedFrom, Source, Span,
    Speaker, SpeakerKind, SpeechAct, Tag,
};

/// The first day articles are dated (2016-01-01, days since 1970-01-01) and how many days on.
const FIRST_DAY: i64 = 16_801;
const DAYS: u64 = 2_922;

const OUTLETS: usize = 400;
const PEOPLE: usize = 6_000;
const ORGS: usize = 1_200;
const PLACES: usize = 600;
/// Invented words after the real ones.
const TAIL_WORDS: usize = 40_000;

/// News words, most frequent first: the head of the vocabulary.
const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "that",
    "for",
    "on",
    "is",
    "was",
    "with",
    "he",
    "it",
    "as",
    "at",
    "by",
    "from",
    "his",
    "have",
    "has",
    "are",
    "be",
    "an",
    "they",
    "not",
    "will",
    "this",
    "who",
    "but",
    "had",
    "after",
    "been",
    "their",
    "we",
    "were",
    "more",
    "would",
    "year",
    "new",
    "government",
    "people",
    "told",
    "also",
    "officials",
    "last",
    "two",
    "over",
    "minister",
    "president",
    "police",
    "state",
    "country",
    "week",
    "could",
    "against",
    "percent",
    "about",
    "military",
    "report",
    "security",
    "election",
    "court",
    "company",
    "market",
    "health",
    "million",
    "public",
    "city",
    "national",
    "foreign",
    "party",
    "law",
    "economy",
    "workers",
    "union",
    "strike",
    "talks",
    "deal",
    "war",
    "forces",
    "border",
    "attack",
    "vote",
    "campaign",
    "council",
    "budget",
    "tax",
    "energy",
    "oil",
    "prices",
    "climate",
    "water",
    "school",
    "hospital",
    "judge",
    "trial",
    "investigation",
    "statement",
    "agreement",
    "policy",
    "leader",
    "opposition",
    "protest",
    "port",
    "ministry",
    "bank",
    "trade",
    "crisis",
    "rebels",
    "ceasefire",
    "sanctions",
    "region",
    "village",
    "farmers",
    "drought",
    "flood",
    "storm",
    "power",
    "plant",
    "rail",
    "transport",
    "airport",
    "housing",
    "rent",
    "wages",
    "inflation",
    "interest",
    "rates",
    "shares",
    "investors",
    "profit",
    "contract",
    "license",
    "mining",
    "coal",
    "gas",
    "pipeline",
    "fishing",
    "coast",
    "island",
    "river",
    "bridge",
    "road",
    "fire",
    "evacuation",
    "victims",
    "doctors",
    "vaccine",
    "virus",
    "outbreak",
    "study",
    "researchers",
    "data",
    "survey",
    "poll",
    "voters",
    "parliament",
    "senate",
    "bill",
    "reform",
    "pension",
    "strikes",
    "negotiations",
    "spokesman",
    "spokeswoman",
    "sources",
    "documents",
    "allegations",
    "fraud",
    "corruption",
    "arrest",
    "prison",
    "appeal",
    "ruling",
    "verdict",
    "witness",
    "evidence",
    "refugees",
    "aid",
    "troops",
    "drones",
    "missile",
    "navy",
    "coalition",
    "summit",
    "delegation",
    "embassy",
    "ambassador",
    "treaty",
    "exports",
    "imports",
    "tariffs",
    "factory",
    "jobs",
    "unemployment",
    "growth",
    "recession",
    "debt",
    "loan",
    "currency",
    "cabinet",
    "mayor",
    "governor",
    "regulator",
    "inquiry",
    "audit",
];

const FIRST_NAMES: &[&str] = &[
    "Ana", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Irina", "Jonas",
    "Kemal", "Lena", "Marco", "Nadia", "Oskar", "Pilar", "Quentin", "Rosa", "Samir", "Tomas",
    "Ulla", "Viktor", "Wanda", "Yusuf", "Zora", "Adel", "Bianca", "Cyril", "Dalia", "Emil",
    "Fatima", "Gustav", "Hana", "Ivo", "Jana", "Karim", "Lucia", "Milan", "Nora", "Pavel",
];

const ROLES: &[&str] = &[
    "minister",
    "spokesperson",
    "mayor",
    "chief executive",
    "senator",
    "analyst",
    "governor",
    "union leader",
    "prosecutor",
    "economist",
    "commander",
    "ambassador",
    "professor",
    "director",
    "chairwoman",
    "chairman",
];

const ORG_KINDS: &[&str] = &[
    "Transport Union",
    "Holdings",
    "Institute",
    "People's Party",
    "Foundation",
    "City Council",
    "Central Bank",
    "Energy Company",
    "Research Centre",
    "Port Authority",
    "Workers Federation",
    "Health Service",
];

const OUTLET_KINDS: &[&str] = &[
    "Herald",
    "Courier",
    "Times",
    "Post",
    "Gazette",
    "Monitor",
    "Dispatch",
    "Daily",
    "Wire",
    "Observer",
    "Tribune",
    "Chronicle",
];

const SECTIONS: &[&str] = &[
    "politics", "world", "business", "health", "climate", "courts", "sport", "culture", "science",
    "local",
];

const CUES: &[(&str, SpeechAct)] = &[
    ("said", SpeechAct::Statement),
    ("told reporters", SpeechAct::Statement),
    ("warned", SpeechAct::Threat),
    ("denied", SpeechAct::Denial),
    ("promised", SpeechAct::Promise),
    ("accused", SpeechAct::Accusation),
];

/// A deterministic stream of numbers (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }
    /// Uniform in `0..n` (`n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// In `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// A rank in `0..n` with P(r) ∝ 1/(r+1) (Zipf, s = 1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let r = ((n as f64 + 1.0).powf(u) - 1.0) as usize;
        r.min(n.saturating_sub(1))
    }
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// An invented word of two or three syllables; distinct for distinct `k` below 1,010,000.
fn pseudo_word(k: usize) -> String {
    const C: &[u8] = b"bdfgklmnprstvzhjcwxy";
    const V: &[u8] = b"aeiou";
    let syll = |s: usize| [C[s / 5 % 20] as char, V[s % 5] as char];
    let (n, mut k) = if k < 10_000 { (2, k) } else { (3, k - 10_000) };
    let mut w = String::with_capacity(6);
    for _ in 0..n {
        w.extend(syll(k % 100));
        k /= 100;
    }
    w
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

/// An invented outlet.
#[derive(Debug, Clone)]
pub struct Outlet {
    pub name: String,
    pub host: String,
}

/// An invented person who may be quoted.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: &'static str,
}

/// An invented organisation; some are written with their acronym as an alias.
#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    pub acronym: String,
}

/// The invented world records are written about, built from the seed.
pub struct Generator {
    seed: u64,
    pub outlets: Vec<Outlet>,
    pub people: Vec<Person>,
    pub orgs: Vec<Org>,
    pub places: Vec<String>,
    /// Real words first, then invented ones: rank order for the Zipf draw.
    pub vocab: Vec<String>,
}

/// The text of an article being written, with its length in code points.
struct Body {
    text: String,
    chars: usize,
}

impl Body {
    fn push(&mut self, s: &str) -> Span {
        let start = self.chars;
        self.text.push_str(s);
        self.chars += s.chars().count();
        Span {
            start: Char::new(start),
            end: Char::new(self.chars),
            text: s.to_string(),
        }
    }
}

/// One entity an article names, while it is written.
struct Named {
    entity: Entity,
    /// The acronym to assert at the first mention.
    acronym: Option<String>,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(mix64(seed ^ 0x5ca1e));
        let surname = |k: usize| capitalised(&pseudo_word(200_000 + k * 7));
        let outlets = (0..OUTLETS)
            .map(|k| {
                let stem = capitalised(&pseudo_word(700_000 + k * 13));
                let kind = OUTLET_KINDS[k % OUTLET_KINDS.len()];
                Outlet {
                    name: format!("The {stem} {kind}"),
                    host: format!("{}-{}.example", stem.to_lowercase(), kind.to_lowercase()),
                }
            })
            .collect();
        let people = (0..PEOPLE)
            .map(|k| Person {
                name: format!(
                    "{} {}",
                    FIRST_NAMES[rng.below(FIRST_NAMES.len())],
                    surname(k)
                ),
                role: ROLES[rng.below(ROLES.len())],
            })
            .collect();
        let orgs = (0..ORGS)
            .map(|k| {
                let stem = capitalised(&pseudo_word(400_000 + k * 11));
                let kind = ORG_KINDS[k % ORG_KINDS.len()];
                let name = format!("{stem} {kind}");
                let acronym = name
                    .split(' ')
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                Org { name, acronym }
            })
            .collect();
        let places = (0..PLACES)
            .map(|k| capitalised(&pseudo_word(600_000 + k * 17)))
            .collect();
        let vocab = COMMON
            .iter()
            .map(|w| w.to_string())
            .chain((0..TAIL_WORDS).map(pseudo_word))
            .collect();
        Generator {
            seed,
            outlets,
            people,
            orgs,
            places,
            vocab,
        }
    }

    fn rng(&self, i: usize, salt: u64) -> Rng {
        Rng::new(mix64(self.seed ^ mix64(i as u64 ^ (salt << 40))))
    }

    /// The article `i` copies, when it is a copy: an earlier original (never a copy itself).
    pub fn source_of(&self, i: usize) -> Option<usize> {
        let mut r = self.rng(i, 1);
        if i < 50 || !r.chance(125) {
            return None;
        }
        let mut j = i - 1 - r.below(2_000.min(i));
        while self.source_of_shallow(j) {
            j = j.checked_sub(1)?;
        }
        Some(j)
    }

    fn source_of_shallow(&self, j: usize) -> bool {
        j >= 50 && self.rng(j, 1).chance(125)
    }

    /// The outlet of article `i` (popular outlets publish more).
    pub fn outlet_of(&self, i: usize) -> &Outlet {
        let mut r = self.rng(i, 2);
        &self.outlets[r.zipf(self.outlets.len())]
    }

    /// The day (days since 1970-01-01) article `i` is dated.
    pub fn day_of(&self, i: usize) -> i64 {
        match self.source_of(i) {
            Some(j) => self.day_of(j) + self.rng(i, 3).below(5) as i64,
            None => FIRST_DAY + (self.rng(i, 3).next() % DAYS) as i64,
        }
    }

    pub fn url_of(&self, i: usize) -> String {
        let o = self.outlet_of(i);
        let d = stemma_store::day_string(self.day_of(i));
        format!("https://{}/{}/story-{i}", o.host, d.replace('-', "/"))
    }

    fn words(&self, r: &mut Rng, n: usize, out: &mut String) {
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&self.vocab[r.zipf(self.vocab.len())]);
        }
    }

    /// Article `i`: an original, or a copy of an earlier one.
    pub fn article(&self, i: usize) -> Article {
        let Some(j) = self.source_of(i) else {
            return self.original(i);
        };
        let mut a = self.original(j);
        let mut r = self.rng(i, 4);
        let from = self.outlet_of(j);
        let o = self.outlet_of(i);
        a.source.path = format!("generated/{i}.json");
        a.url = Some(self.url_of(i));
        a.site_name = Some(o.name.clone());
        a.published = Some(stemma_store::day_string(self.day_of(i)));
        a.republished_from = r.chance(500).then(|| RepublishedFrom {
            name: Some(from.name.clone()),
            url: Some(self.url_of(j)),
            published: None,
            evidence: Some(format!(
                "The original source of this article is {}",
                from.name
            )),
        });
        if r.chance(300) {
            a.authors = vec![format!("{} staff", o.name)];
        }
        a
    }

    fn original(&self, i: usize) -> Article {
        let mut r = self.rng(i, 5);
        let o = self.outlet_of(i);
        let mut named: Vec<Named> = Vec::new();
        let mut people: Vec<usize> = Vec::new();
        for _ in 0..r.range(1, 3) {
            let p = r.zipf(self.people.len());
            if !people.contains(&p) {
                people.push(p);
                let who = &self.people[p];
                named.push(Named {
                    entity: entity(&who.name, EntityKind::Person, vec![who.role.to_string()]),
                    acronym: None,
                });
            }
        }
        for _ in 0..r.range(1, 2) {
            let org = &self.orgs[r.zipf(self.orgs.len())];
            if named.iter().all(|n| n.entity.name != org.name) {
                named.push(Named {
                    entity: entity(&org.name, EntityKind::Organization, Vec::new()),
                    acronym: (org.acronym.len() > 1 && r.chance(400)).then(|| org.acronym.clone()),
                });
            }
        }
        let place = &self.places[r.zipf(self.places.len())];
        named.push(Named {
            entity: entity(place, EntityKind::Place, Vec::new()),
            acronym: None,
        });

        let mut title = named[0].entity.name.clone();
        title.push(' ');
        let n = r.range(5, 9);
        self.words(&mut r, n, &mut title);

        let mut body = Body {
            text: String::with_capacity(2_600),
            chars: 0,
        };
        let mut quotes = Vec::new();
        let paragraphs = r.range(4, 8);
        for p in 0..paragraphs {
            if p > 0 {
                body.push("\n\n");
            }
            let quoting = p > 0 && !people.is_empty() && r.chance(350);
            if quoting {
                let who = people[r.below(people.len())];
                quotes.push(self.quote(&mut r, &mut body, who, &mut named));
                continue;
            }
            for s in 0..r.range(2, 4) {
                if s > 0 {
                    body.push(" ");
                }
                let mut sentence = String::new();
                let n = r.range(8, 18);
                self.words(&mut r, n, &mut sentence);
                let sentence = capitalised(&sentence);
                // The lead names every entity; later sentences name one now and then.
                let at: Vec<usize> = if p == 0 && s == 0 {
                    (0..named.len()).collect()
                } else if r.chance(300) {
                    vec![r.below(named.len())]
                } else {
                    Vec::new()
                };
                let mut words = sentence.split(' ').peekable();
                let mut first = true;
                let mut k = 0;
                while let Some(w) = words.next() {
                    if !first {
                        body.push(" ");
                    }
                    first = false;
                    body.push(w);
                    if let Some(&e) = at.get(k) {
                        if words.peek().is_some() {
                            body.push(" ");
                            mention(&mut body, &mut named[e]);
                            k += 1;
                        }
                    }
                }
                body.push(".");
            }
        }
        let entities = named
            .into_iter()
            .map(|n| n.entity)
            .filter(|e| !e.mentions.is_empty())
            .collect();
        Article {
            source: Source {
                path: format!("generated/{i}.json"),
                format: Format::Html,
                url: None,
                warc_record_id: None,
                warc_date: None,
            },
            url: Some(self.url_of(i)),
            title: Some(capitalised(&title)),
            authors: vec![format!(
                "{} {}",
                FIRST_NAMES[r.below(FIRST_NAMES.len())],
                capitalised(&pseudo_word(300_000 + r.below(5_000)))
            )],
            published: Some(stemma_store::day_string(self.day_of(i))),
            published_source: Some("meta:article:published_time".into()),
            modified: None,
            site_name: Some(o.name.clone()),
            language: Some("en".into()),
            tags: vec![Tag {
                kind: "section".into(),
                value: SECTIONS[r.below(SECTIONS.len())].into(),
            }],
            republished_from: None,
            text: body.text,
            description: None,
            charset: Some("UTF-8".into()),
            quotes,
            entities,
        }
    }

    /// A paragraph `“…,” Name cue.` with its quote record.
    fn quote(&self, r: &mut Rng, body: &mut Body, who: usize, named: &mut [Named]) -> Quote {
        let person = &self.people[who];
        let mut words = String::new();
        let n = r.range(8, 22);
        self.words(r, n, &mut words);
        let words = capitalised(&words);
        body.push("“");
        let content = body.push(&words);
        body.push(",” ");
        let at = named
            .iter()
            .position(|n| n.entity.name == person.name)
            .unwrap_or(0);
        let mention_span = mention(body, &mut named[at]);
        body.push(" ");
        let (cue, act) = CUES[r.below(CUES.len())];
        let cue = body.push(cue);
        body.push(".");
        Quote {
            text: content.text,
            kind: QuoteKind::Direct,
            start: content.start,
            end: content.end,
            pieces: vec![[content.start, content.end]],
            cue: Some(cue),
            speech_act: act,
            speaker: Some(Speaker {
                name: Some(person.name.clone()),
                mention: Some(mention_span),
                role: Some(person.role.to_string()),
                kind: Some(SpeakerKind::Person),
            }),
            confidence: 0.9,
            mode: stemma_core::Mode::Speech,
            continued: false,
        }
    }
}

fn entity(name: &str, kind: EntityKind, roles: Vec<String>) -> Entity {
    Entity {
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        roles,
        mentions: Vec::new(),
    }
}

/// Write an entity's name into the body (with its acronym in brackets the first time, which
/// asserts the alias), recording the mention.
fn mention(body: &mut Body, n: &mut Named) -> Span {
    let span = body.push(&n.entity.name);
    if let Some(acr) = n.acronym.take() {
        body.push(" (");
        body.push(&acr);
        body.push(")");
        let evidence = Span {
            start: span.start,
            end: Char::new(body.chars),
            text: format!("{} ({acr})", n.entity.name),
        };
        n.entity.aliases.push(Alias {
            name: acr,
            evidence,
            in_title: false,
        });
    }
    n.entity.mentions.push(span.clone());
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_deterministic_and_cite_their_text() {
        let g = Generator::new(7);
        let mut copies = 0;
        for i in 0..400 {
            let a = g.article(i);
            assert_eq!(a, Generator::new(7).article(i));
            let chars: Vec<char> = a.text.chars().collect();
            for q in &a.quotes {
                assert!(q.cites(&a.text), "{i}: {q:?}");
            }
            for e in &a.entities {
                for m in &e.mentions {
                    assert_eq!(
                        chars[m.start.get()..m.end.get()].iter().collect::<String>(),
                        m.text
                    );
                }
                for al in &e.aliases {
                    let ev = &al.evidence;
                    assert_eq!(
                        chars[ev.start.get()..ev.end.get()]
                            .iter()
                            .collect::<String>(),
                        ev.text
                    );
                }
            }
            if let Some(j) = g.source_of(i) {
                copies += 1;
                assert!(j < i && g.source_of(j).is_none());
                assert_eq!(g.article(j).text, a.text);
                assert!(g.day_of(i) >= g.day_of(j));
            }
        }
        assert!((20..100).contains(&copies), "{copies} copies");
        let words: std::collections::HashSet<String> = (0..TAIL_WORDS)
            .map(|k| g.vocab[COMMON.len() + k].clone())
            .collect();
        assert!(words.len() > TAIL_WORDS * 9 / 10);
    }
}
