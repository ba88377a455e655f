//! Name-like runs of tokens: capitalised sequences with their connectors, split into a title or
//! role prefix and the name, with the roles that the words around them give (found by
//! [`super::roles`]) and what their shape says of their kind.

use super::lexicon::{
    courtesy_sex, flags_any_case, is_hyphen_connector, is_space_connector, COURTESY, DEMONYM,
    DESCRIPTOR, GENERIC, GIVEN, MEMBERS, OF_HEAD, ORG_HEAD, ORG_NAME, ORG_PRE, PLACE, PLACE_HEAD,
    ROLE_MOD, SPEECH, STOP, TIME, TITLE, TRADE,
};
use super::roles::{context_role, has_title, role_only, split_title};
use super::tokens::{is_apostrophe, Case, Glue, Tok};
use crate::offset::{slice_or_empty, Byte, Char};

/// How far the role phrases around a name are followed.
pub(super) const MAX_ROLE_WORDS: usize = 12;

/// A name in the text, with what its neighbourhood says about it.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// Token range of the capitalised sequence, after leading stop words.
    pub t0: usize,
    pub t1: usize,
    /// First token of the name proper (after a title such as "Foreign Minister").
    pub n0: usize,
    /// The name's byte and code-point range.
    pub bs: Byte,
    pub be: Byte,
    pub cs: Char,
    pub ce: Char,
    /// Byte range of a role or title the text gives here.
    pub role: Option<(Byte, Byte)>,
    /// After Mr., Mrs., Ms.
    pub courtesy: bool,
    /// The sex that the courtesy title gives: Mr. male (true); Mrs., Ms., Miss female.
    pub male: Option<bool>,
    /// A lone unknown capitalised word at the start of a sentence: a name only if it matches one.
    pub weak: bool,
    /// Followed by a reporting verb ("said").
    pub speech: bool,
    /// Number of words in the name.
    pub words: usize,
    /// Lexicon flags of the first word of the name.
    pub first_flags: u32,
    /// A single all-capitals word ("FBI").
    pub acronym: bool,
    /// Shaped like an organisation's name: "… Party", "Ministry of …", "Observatory for …".
    pub org: bool,
    /// Shaped like a place's name: "Lynn Lake", "Bay of Fundy" (see [`PLACE_HEAD`]).
    pub place_shaped: bool,
}

impl Run {
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        slice_or_empty(text, self.bs, self.be)
    }
    /// Whether the run can carry a person's role: not a place, organisation or acronym.
    fn person_like(&self) -> bool {
        !(self.acronym || self.org || self.words == 1 && self.first_flags & PLACE != 0)
    }
}

/// Lexicon flags of any token: stored for capitalised words, looked up for the others.
pub(crate) fn tok_flags(text: &str, t: &Tok, buf: &mut String) -> u32 {
    match t.case {
        Case::Upper | Case::Caps => t.flags,
        Case::Lower => flags_any_case(t.text(text), buf),
        _ => 0,
    }
}

/// Whether `t` is the lower-case word `w` (ASCII, case-insensitive).
pub(crate) fn is_word(text: &str, t: &Tok, w: &str) -> bool {
    t.is_word() && t.text(text).eq_ignore_ascii_case(w)
}

fn hyphen_tail_ok(w: &str) -> bool {
    const NOT: &[&str] = &[
        "run", "born", "made", "held", "wide", "like", "type", "era", "style", "free", "only",
        "long", "back", "up", "based", "led", "war", "era", "wing", "year", "old", "term",
    ];
    w.chars().count() <= 4 && !w.ends_with("ed") && !NOT.contains(&w)
}

/// Titles written as abbreviations, whose period stays inside the name ("Sen.", "Dr.").
fn title_abbreviation(t: &Tok) -> bool {
    t.case == Case::Upper && t.flags & (TITLE | COURTESY) != 0 && t.be.since(t.bs) <= 5
}

fn corp_abbreviation(text: &str, t: &Tok) -> bool {
    ["inc", "corp", "co", "ltd", "jr", "sr", "bros"]
        .iter()
        .any(|a| is_word(text, t, a))
}

/// "Theresa May", "Mrs. May", "George Will": a modal verb right after a given name or a
/// courtesy title, with no capitalised word after it, is a surname.
pub(super) fn modal_surname(toks: &[Tok], text: &str, j: usize) -> bool {
    let courtesy = |t: &Tok| t.is_cap() && t.flags & COURTESY != 0;
    let after_name = j > 0
        && (toks[j - 1].is_cap() && toks[j - 1].flags & GIVEN != 0
            || courtesy(&toks[j - 1])
            || j > 1 && toks[j - 1].is_punct('.') && courtesy(&toks[j - 2]));
    after_name
        && toks[j].case == Case::Upper
        && is_modal_surname(toks[j].text(text))
        && toks.get(j + 1).is_none_or(|n| !n.is_cap())
}

/// Modal verbs that are also surnames ("May", "Will"), in any case.
pub(crate) fn is_modal_surname(w: &str) -> bool {
    w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("will")
}

/// "Liam Fox", "Guard De'Aaron Fox": a person whose surname is a network's name, when a given
/// name, a title or a role comes first and the name is no acronym ("FOX").
fn surname_of_a_network(toks: &[Tok], text: &str, n0: usize, j: usize, role: bool) -> bool {
    let (first, last) = (&toks[n0], &toks[j - 1]);
    let words = toks[n0..j].iter().filter(|t| t.is_word()).count();
    (2..=3).contains(&words)
        && last.case == Case::Upper
        && toks[n0..j - 1].iter().all(|t| t.flags & ORG_NAME == 0)
        && (role
            || first.flags & (TITLE | COURTESY) != 0
            || super::is_given_name(&first.text(text).to_lowercase()))
}

/// Words that are no portfolio of a ministry: after "Ministry of Health and" they begin
/// another name ("… and Ukraine", "… and Dr. Vance", "… and Microsoft").
const NOT_A_PORTFOLIO: u32 = PLACE | ORG_NAME | TITLE | COURTESY | ROLE_MOD | TIME | DEMONYM;

/// Whether the run `toks[i..j]` is a body named by what it covers: a government body by its
/// portfolio ("Department of Natural Resources", "Ministry of Fisheries"), a society by its
/// members ("Associated Society of Locomotive Engineers"): what it covers goes on past "and"
/// ("… and Oceans", "… and Firemen"), as "Office of Management and Budget" does.
fn named_by_what_it_covers(toks: &[Tok], text: &str, i: usize, j: usize) -> bool {
    toks[i..j].windows(2).any(|w| {
        w[0].is_cap()
            && [
                "department",
                "ministry",
                "office",
                "bureau",
                "agency",
                "commission",
                "society",
                "association",
                "federation",
                "confederation",
                "institute",
                "college",
                "guild",
            ]
            .iter()
            .any(|g| is_word(text, &w[0], g))
            && is_word(text, &w[1], "of")
    }) && !toks[i..j]
        .iter()
        .any(|t| t.is_cap() && t.flags & (GIVEN | TITLE) != 0)
}

/// Words that open an alias construction; a headline's capitals do not make them names.
fn is_cue_word(w: &str) -> bool {
    [
        "aka",
        "formerly",
        "known",
        "previously",
        "renamed",
        "rebranded",
        "called",
    ]
    .iter()
    .any(|c| w.eq_ignore_ascii_case(c))
}

/// Whether a capitalised run can start at token `i`.
fn starts_run(toks: &[Tok], text: &str, i: usize) -> bool {
    let t = &toks[i];
    if t.is_cap() {
        return t.glue != Glue::Apos;
    }
    if t.case != Case::Lower {
        return false;
    }
    let Some(n) = toks.get(i + 1) else {
        return false;
    };
    let w = t.text(text);
    n.is_cap()
        && ((n.glue == Glue::Hyphen && is_hyphen_connector(w))
            || (n.glue == Glue::None && n.space && !n.nl && (w == "al" || w == "el")))
}

/// The end (exclusive) of the capitalised run that starts at `i`.
fn extend_run(toks: &[Tok], text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while let Some(u) = toks.get(j) {
        if u.nl {
            break;
        }
        if u.is_word() {
            let w = u.text(text);
            match u.glue {
                Glue::Hyphen => {
                    let next_cap = toks
                        .get(j + 1)
                        .is_some_and(|n| n.is_cap() && n.glue == Glue::Hyphen);
                    if u.is_cap()
                        || u.case == Case::Num
                        || (u.case == Case::Lower
                            && (hyphen_tail_ok(w) || (is_hyphen_connector(w) && next_cap)))
                    {
                        j += 1;
                        continue;
                    }
                    break;
                }
                Glue::Apos => {
                    if u.is_cap() {
                        j += 1;
                        continue;
                    }
                    break;
                }
                Glue::None => {}
            }
            if !u.space {
                break;
            }
            if u.is_cap() {
                // "Sonya A. Zoghlin", "Mary I. Hale": a middle initial, not the word "A" / "I".
                let initial =
                    w.len() == 1 && toks.get(j + 1).is_some_and(|n| n.is_punct('.') && !n.space);
                // A group word that also heads an organisation's name closes the name
                // ("Capitol Police", "Metropolitan Police") rather than ending the run;
                // "Watch" only after two words ("Human Rights Watch", not "Apple Watch").
                let org_head = u.flags & (STOP | ORG_HEAD) == STOP | ORG_HEAD
                    && (!w.eq_ignore_ascii_case("watch")
                        || toks[i..j]
                            .iter()
                            .filter(|t| t.is_word() && t.flags & STOP == 0)
                            .count()
                            >= 2);
                if u.case == Case::Upper
                    && (u.flags & STOP != 0 && !org_head || is_cue_word(w))
                    && !modal_surname(toks, text, j)
                    && !initial
                {
                    break;
                }
                j += 1;
                continue;
            }
            if u.case == Case::Lower && (is_space_connector(w) || w == "and") {
                let next = toks.get(j + 1);
                let next_ok = next.is_some_and(|n| {
                    n.is_cap() && !n.nl && (n.space || n.glue == Glue::Hyphen)
                        || n.case == Case::Lower
                            && is_hyphen_connector(n.text(text))
                            && toks
                                .get(j + 2)
                                .is_some_and(|m| m.is_cap() && m.glue == Glue::Hyphen)
                });
                let allowed = match w {
                    // Never before "The": "… Institute of Tidal Science and The Harbour
                    // Museum" are two.
                    "and" if next.is_some_and(|n| is_word(text, n, "the")) => false,
                    // "Securities and Exchange Commission": only when an organisation word
                    // closes the capitalised words that follow.
                    "and" => {
                        let after = || {
                            toks[j + 1..(j + 4).min(toks.len())]
                                .iter()
                                .take_while(|n| n.is_cap() && n.space && !n.nl)
                        };
                        after().any(|n| n.flags & ORG_HEAD != 0)
                            // "Customs and Border Protection" (no head of a name alone:
                            // "Identity Theft Protection" is a product).
                            || after().last().is_some_and(|n| is_word(text, n, "protection"))
                            || named_by_what_it_covers(toks, text, i, j)
                                && after().all(|n| {
                                    n.case == Case::Upper
                                        && n.flags & (NOT_A_PORTFOLIO | GIVEN | STOP) == 0
                                })
                    }
                    "of" => {
                        toks[j - 1].is_cap() && toks[j - 1].flags & (ORG_PRE | TITLE | OF_HEAD) != 0
                    }
                    // "Citizens for Honest Trade"; at a sentence's start, where every word has
                    // its capital, only before two capitalised words ("Lawyers for Epstein
                    // said" is no name).
                    "for" => toks[i..j].iter().any(|t| {
                        t.is_cap()
                            && (t.flags & (ORG_HEAD | ORG_PRE) != 0
                                || t.flags & MEMBERS != 0
                                    && (!t.sent
                                        || toks
                                            .get(j + 2)
                                            .is_some_and(|m| m.is_cap() && m.space && !m.nl)))
                    }),
                    _ => true,
                };
                if next_ok && allowed {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        let prev = &toks[j - 1];
        if u.ch == '.' && !u.space && prev.is_word() {
            let initial = prev.case == Case::Upper && prev.be.since(prev.bs) == 1;
            if initial || title_abbreviation(prev) {
                if toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_cap() && n.space && !n.nl)
                {
                    j += 1;
                    continue;
                }
            } else if corp_abbreviation(text, prev) {
                j += 1;
                break;
            }
        }
        // "Consumers' Council of Eastmark", "the Pilots' Association": a plural possessive
        // inside an organisation's name, when an organisation's head word comes within the
        // three capitalised words after it.
        if is_apostrophe(u.ch)
            && !u.space
            && prev.is_cap()
            && prev.text(text).ends_with('s')
            && toks[j + 1..(j + 4).min(toks.len())]
                .iter()
                .take_while(|n| n.is_cap() && n.space && !n.nl)
                .any(|n| n.flags & ORG_HEAD != 0)
        {
            j += 1;
            continue;
        }
        if u.ch == '&' && toks.get(j + 1).is_some_and(|n| n.is_cap() && !n.nl) {
            j += 2;
            continue;
        }
        break;
    }
    j
}

/// "(D-Ohio)", "(R-Texas)", ", D-N.Y.,", ", R-Ky.": a party and state after a politician's
/// name, no entity of its own. Returns the index after it (after the closing parenthesis).
fn party_state(toks: &[Tok], text: &str, i: usize) -> Option<usize> {
    let open = toks[i].is_punct('(');
    if !open && !toks[i].is_punct(',') {
        return None;
    }
    let p = toks.get(i + 1)?;
    let s = toks.get(i + 2)?;
    let party = matches!(p.text(text), "D" | "R" | "I");
    if !(party && s.is_cap() && s.glue == Glue::Hyphen) {
        return None;
    }
    if open {
        return (i + 3..(i + 8).min(toks.len()))
            .find(|&k| toks[k].is_punct(')'))
            .map(|k| k + 1);
    }
    // Between commas: one word for the state ("Texas", "N.Y.", "Calif."), then a comma, a
    // semicolon, a bracket or the end of the sentence.
    let k = i + 3;
    match toks.get(k) {
        None => Some(k),
        Some(t) if t.is_punct('.') && !t.space => Some(k + 1),
        Some(t) if t.is_punct(',') || t.is_punct(';') || t.is_punct(')') => Some(k),
        Some(_) => None,
    }
}

/// All name runs of a text, in order.
pub(crate) fn find_runs(text: &str, toks: &[Tok]) -> Vec<Run> {
    let mut runs = Vec::new();
    find_runs_into(text, toks, &mut runs);
    runs
}

/// [`find_runs`] into `runs` (cleared first, so that its memory can serve again).
pub(crate) fn find_runs_into(text: &str, toks: &[Tok], runs: &mut Vec<Run>) {
    runs.clear();
    let mut buf = String::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(after) = party_state(toks, text, i) {
            i = after;
            continue;
        }
        if !starts_run(toks, text, i) {
            i += 1;
            continue;
        }
        let j = extend_run(toks, text, i);
        // "China's ambassador to Britain Liu Xiaming", "Labour MP for Leeds Central Hilary
        // Benn": the place and the person, two runs.
        let split = if place_before_name(toks, text, i, j) {
            i + 1
        } else {
            constituency_before_name(toks, text, i, j).unwrap_or(i)
        };
        for (a, b) in [(i, split), (split, j)] {
            if a < b {
                if let Some(run) = make_run(toks, text, a, b, &mut buf) {
                    runs.push(run);
                }
            }
        }
        i = j;
    }
}

/// Tokens `i..j` are a one-word place after a lower-case preposition, then a name of two or
/// three capitalised words that ends in no organisation's word ("ambassador to Britain Liu
/// Xiaming", "the consul in Kenya Amina Odhiambo"): no name opens with the place.
fn place_before_name(toks: &[Tok], text: &str, i: usize, j: usize) -> bool {
    let t = &toks[i];
    let rest = &toks[i + 1..j];
    i > 0
        && t.case == Case::Upper
        && t.flags & PLACE != 0
        && t.flags & (GIVEN | ORG_NAME | ORG_PRE | DEMONYM) == 0
        && toks[i - 1].case == Case::Lower
        && matches!(toks[i - 1].text(text), "to" | "in" | "of" | "for" | "from")
        && (2..=3).contains(&rest.len())
        && rest.iter().all(|u| {
            u.case == Case::Upper
                && u.glue == Glue::None
                && u.space
                && u.flags & (PLACE | ORG_HEAD | ORG_PRE | ORG_NAME | TRADE | TITLE | GENERIC) == 0
                && !PLACE_NAME_WORDS.contains(&u.text(text))
        })
        // "Iowa Starting Line": a participle goes on with a title, not a person's name (a
        // given name in -ing is short: "Jing", "Ming").
        && (!rest[0].text(text).ends_with("ing") || rest[0].text(text).len() < 7)
}

/// Tokens `i..j` are a constituency of one to three words after a legislator's title and
/// "for", then a name of two or three words that opens with a given name ("MLA for Kelowna
/// West Maria Brandt"), or of two words after a constituency that ends with a point of the
/// compass ("Labour MP for Leeds Central Hilary Benn"): where the name begins.
fn constituency_before_name(toks: &[Tok], text: &str, i: usize, j: usize) -> Option<usize> {
    let title = i >= 2
        && is_word(text, &toks[i - 1], "for")
        && toks[i - 2].is_cap()
        && toks[i - 2].flags & TITLE != 0;
    let words = toks[i..j]
        .iter()
        .all(|u| u.is_cap() && u.glue == Glue::None && (u.space || u.nl));
    if !(title && words) {
        return None;
    }
    (i + 1..=(i + 3).min(j)).find(|&k| {
        let compass = || {
            ["North", "South", "East", "West", "Central"]
                .iter()
                .any(|w| is_word(text, &toks[k - 1], w))
        };
        (2..=3).contains(&(j - k))
            && (toks[k].flags & GIVEN != 0 || j - k == 2 && compass())
            && toks[i..k].iter().all(|u| u.flags & (GIVEN | TITLE) == 0)
    })
}

/// Words that continue a place's name into a place, a venue, an event or a team ("Paris Saint
/// Germain", "Washington Square Park", "Jerusalem Light Festival").
#[rustfmt::skip]
const PLACE_NAME_WORDS: &[&str] = &[
    "Saint", "St", "San", "Santa", "City", "Street", "Road", "Avenue", "Square", "Park",
    "Festival", "Airport", "Station", "Bridge", "River", "Lake", "Hall", "Stadium", "Arena",
    "Valley", "Beach", "Island", "Islands", "Bay", "Team", "Line", "Centre", "Center", "Market",
    "Gardens", "Garden", "Palace", "Castle", "Tower", "Harbour", "Harbor", "Port", "Museum",
    "Marathon", "Open", "Cup", "Games", "Week", "Fashion", "Film", "Book", "Care", "Customer",
];

/// "The ads come from Our Principles PAC": a capitalised "Our", "My" or "Your" after two
/// lower-case words, opening at least three words that end with an organisation's head word, is
/// part of the organisation's name (at a sentence's start it is only the capital every sentence
/// has, and in a title-case heading, "Buy Gifts for Your Wedding Party", every word's).
fn possessive_in_name(toks: &[Tok], text: &str, t0: usize, j: usize) -> bool {
    let t = &toks[t0];
    let lower = |k: usize| toks[k].case == Case::Lower && toks[k].glue == Glue::None;
    t.case == Case::Upper
        && !t.sent
        && t0 >= 2
        && lower(t0 - 1)
        && lower(t0 - 2)
        && j >= t0 + 3
        && toks[j - 1].flags & ORG_HEAD != 0
        && matches!(t.text(text), "Our" | "My" | "Your")
}

/// "Hosting Cook at Dreamforce is our dream", "Addressing Congress on Tuesday, …", "Injecting
/// Clinton's troubles into …": a word in
/// -ing that opens the sentence, before the capitalised word or words it takes as object and
/// a preposition, is a participle, no given name ("Sterling Brown said", "Irving Berlin
/// wrote": a verb follows the name).
fn opening_participle(toks: &[Tok], text: &str, t0: usize, j: usize) -> bool {
    let t = &toks[t0];
    let w = t.text(text);
    let preposition_after = toks.get(j).is_some_and(|n| {
        n.case == Case::Lower
            && matches!(
                n.text(text),
                "at" | "on" | "in" | "for" | "with" | "to" | "from" | "about" | "during" | "into"
            )
    });
    // "Injecting Clinton's marital troubles into …": the object's possessive, after a
    // participle of nine letters or more (given names in -ing are shorter: "Channing Tatum's").
    let possessive_after = w.len() >= 9
        && toks
            .get(j)
            .is_some_and(|n| n.glue == Glue::Apos && is_word(text, n, "s"));
    (preposition_after || possessive_after)
        && t.sent
        && t.case == Case::Upper
        && t0 + 1 < j
        && toks[t0 + 1].glue == Glue::None
        && w.len() >= 6
        && w.ends_with("ing")
        && t.flags & (PLACE | ORG_NAME | ORG_HEAD | ORG_PRE) == 0
        && !super::is_given_name(&w.to_lowercase())
}

/// "ClassPass", "YouTube", "BlackRock": one word with a second capitalised part inside it (a
/// capital between lower-case letters), which only brands and companies have; a surname's
/// prefix ("McAdams", "DeLuca", "MacLeod", "LaGuardia", "VanDyke", "FitzGerald") is no such
/// capital.
fn camel_case(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "Dal", "Del", "Della", "La", "Le", "Lo", "Van",
        "Vande", "Vander", "Von", "Ver", "Den", "Der", "Ter", "Ten", "Fitz", "St", "Al", "El",
        "Ab", "Abu", "Ben", "Bin", "Ibn",
    ];
    let b = w.as_bytes();
    if b.len() < 5 || !w.is_ascii() || !b[0].is_ascii_uppercase() {
        return false;
    }
    (2..b.len() - 1).any(|k| {
        b[k].is_ascii_uppercase()
            && b[k - 1].is_ascii_lowercase()
            && b[k + 1].is_ascii_lowercase()
            && !PREFIXES.contains(&&w[..k])
    })
}

fn make_run(toks: &[Tok], text: &str, i: usize, j: usize, buf: &mut String) -> Option<Run> {
    let mut t0 = i;
    // Leading stop words; in capitals too ("IS", "YES") unless also a place or organisation.
    while t0 < j
        && !possessive_in_name(toks, text, t0, j)
        && (toks[t0].case == Case::Upper && toks[t0].flags & (STOP | TIME) != 0
            || toks[t0].case == Case::Caps
                && toks[t0].flags & STOP != 0
                && toks[t0].flags & (PLACE | ORG_NAME) == 0
            || !toks[t0].is_word()
            // The inverted "Said Skyra's operations director, …:" / "Said Aalto: “…”": a verb
            // of saying that opens the sentence is no given name.
            || toks[t0].sent
                && toks[t0].case == Case::Upper
                && toks[t0].flags & SPEECH != 0
                && t0 + 1 < j
            || opening_participle(toks, text, t0, j))
    {
        t0 += 1;
    }
    // The rest of a stripped hyphenated word ("Fifty-one") goes with it.
    while t0 > i && t0 < j && toks[t0].glue != Glue::None {
        t0 += 1;
    }
    if t0 >= j || !starts_run(toks, text, t0) {
        return None;
    }
    let mut male = None;
    let (n0, role, courtesy) = match split_title(toks, text, t0, j) {
        Some((n0, h)) => {
            let courtesy = toks[h].flags & COURTESY != 0 && toks[h].flags & TITLE == 0;
            if courtesy {
                male = courtesy_sex(toks[h].text(text));
            }
            let role_end = if courtesy { h } else { n0 };
            let mut last = role_end;
            while last > t0 && !toks[last - 1].is_word() && !toks[last - 1].is_punct('.') {
                last -= 1;
            }
            let descriptor = h == t0 && toks[h].flags & (DESCRIPTOR | TITLE) == DESCRIPTOR;
            let role = (last > t0 && (descriptor || has_title(toks, t0, last))).then(|| {
                // "former US Secretary of State": modifiers before the run join the role.
                let mut s = t0;
                while s > 0
                    && toks[s].space
                    && !toks[s].nl
                    && toks[s - 1].case == Case::Lower
                    && tok_flags(text, &toks[s - 1], buf) & ROLE_MOD != 0
                {
                    s -= 1;
                }
                (toks[s].bs, toks[last - 1].be)
            });
            (n0, role, courtesy)
        }
        None => {
            if role_only(toks, text, t0, j, buf) {
                return None;
            }
            (t0, None, false)
        }
    };
    let mut words = 0;
    let (mut first_flags, mut last_flags, mut all_flags) = (0, 0, 0);
    let mut all_demonyms = true;
    let mut org = false;
    for (k, t) in toks[n0..j].iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let next = toks.get(n0 + k + 1).filter(|_| n0 + k + 1 < j);
        if t.is_cap()
            && (t.flags & (ORG_HEAD | ORG_PRE) != 0
                && next.is_some_and(|n| is_word(text, n, "of") || is_word(text, n, "for"))
                || t.flags & MEMBERS != 0 && next.is_some_and(|n| is_word(text, n, "for")))
        {
            org = true;
        }
        if k == 0 {
            first_flags = t.flags;
        }
        words += 1;
        last_flags = t.flags;
        all_flags |= t.flags;
        if !(t.is_cap() && t.flags & DEMONYM != 0 && t.flags & PLACE == 0) {
            all_demonyms = false;
        }
    }
    // Demonyms alone, and lone adjectives like "Democratic", are no entities.
    let lone_generic = words == 1
        && first_flags & (GENERIC | ROLE_MOD) != 0
        && first_flags & (GIVEN | PLACE | ORG_NAME | ORG_HEAD | ORG_PRE) == 0;
    if words == 0 || all_demonyms || lone_generic {
        return None;
    }
    let first = &toks[n0];
    let acronym = words == 1 && first.case == Case::Caps;
    let name = slice_or_empty(text, first.bs, toks[j - 1].be);
    let islamic_state = name.len() >= 13
        && name
            .get(name.len() - 13..)
            .is_some_and(|s| s.eq_ignore_ascii_case("islamic state"));
    // "Calgary Flames", "Boston Celtics": a city's name, then a plural, is a team (not a
    // person named after a place: "Georgia Peters", "Jordan Evans").
    let last = toks[j - 1].text(text);
    // ("Los Angeles Lakers", "New York Rangers": a place of two words.)
    let two_word_place = || {
        words == 3
            && toks[n0..j].iter().all(|t| t.is_word() && t.is_cap())
            && super::lexicon::canonical_place(
                &slice_or_empty(text, first.bs, toks[j - 2].be).to_lowercase(),
            )
            .is_some()
    };
    let team = (words == 2 && first_flags & PLACE != 0 || two_word_place())
        && first_flags & (GIVEN | ORG_HEAD | TITLE) == 0
        && last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last_flags & (GIVEN | PLACE | DEMONYM | GENERIC | PLACE_HEAD) == 0
        && {
            let f = first.text(text).to_lowercase();
            !super::is_given_name(&f)
                && !matches!(
                    f.as_str(),
                    "georgia"
                        | "jordan"
                        | "india"
                        | "sydney"
                        | "paris"
                        | "chad"
                        | "israel"
                        | "kenya"
                )
        };
    org |= last_flags & ORG_HEAD != 0
        || team
        || last_flags & TRADE != 0 && words > 1
        || first_flags & ORG_PRE != 0 && words > 1
        || all_flags & ORG_NAME != 0 && !surname_of_a_network(toks, text, n0, j, role.is_some())
        || islamic_state
        || words == 1 && camel_case(name);
    let mut run = Run {
        t0,
        t1: j,
        n0,
        bs: first.bs,
        be: toks[j - 1].be,
        cs: first.cs,
        ce: toks[j - 1].ce,
        role,
        courtesy,
        male,
        weak: false,
        speech: false,
        words,
        first_flags,
        acronym,
        org,
        place_shaped: words > 1
            && (last_flags & PLACE_HEAD != 0
                || first_flags & PLACE_HEAD != 0
                    && toks.get(n0 + 1).is_some_and(|n| is_word(text, n, "of"))),
    };
    run.weak = n0 == i
        && first.sent
        && words == 1
        && first.case == Case::Upper
        && first_flags & (GIVEN | PLACE | ORG_NAME | ORG_HEAD | ORG_PRE) == 0;
    // "Smith said", or inverted after a quote: "…,” said Smith"; not where someone is from
    // ("A lawmaker in Eastmark said").
    let after_where = i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
        t.case == Case::Lower && matches!(t.text(text), "in" | "from" | "at" | "of")
    });
    run.speech = toks.get(j).is_some_and(|t| {
        !after_where && t.case == Case::Lower && t.space && tok_flags(text, t, buf) & SPEECH != 0
    }) || i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
        t.case == Case::Lower
            && matches!(
                t.text(text),
                "said"
                    | "says"
                    | "added"
                    | "adds"
                    | "wrote"
                    | "writes"
                    | "asked"
                    | "asks"
                    | "explained"
                    | "noted"
                    | "recalled"
                    | "continued"
                    | "insisted"
                    | "argued"
            )
    });
    if run.role.is_none() && run.person_like() {
        run.role = context_role(toks, text, &run, buf);
    }
    if run.role.is_some() {
        run.weak = false;
    }
    Some(run)
}
