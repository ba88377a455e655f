//! What a source mention's words say on their own, before any entity is looked up: its head
//! and kind (a pronoun, a group, a document, a body), "a spokesman for X", the role and the
//! fuller name it gives, and whether a name in it stands alone.

use crate::model::{Entity, EntityKind, SpeakerKind};

/// Pronouns that stand for one person, for an organisation, for a group.
pub(super) fn pronoun_kind(w: &str) -> Option<&'static [EntityKind]> {
    const PERSON: &[EntityKind] = &[EntityKind::Person];
    const ORG: &[EntityKind] = &[EntityKind::Organization];
    const ANY: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
    match w {
        "he" | "she" | "him" | "her" | "i" => Some(PERSON),
        "it" => Some(ORG),
        // "they" are many: an organisation, never one person.
        "they" => Some(ORG),
        "we" => Some(ANY),
        _ => None,
    }
}

/// Where `needle` first occurs in `hay`, as [`str::find`] says (a match of valid UTF-8 in
/// valid UTF-8 starts on a character boundary).
pub(super) fn find_in(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// The words of a source mention that name the speaker: the part before an appositive comma,
/// without a leading determiner of a name.
pub(super) fn head_of(mention: &str) -> &str {
    let m = mention.trim();
    let m = find_in(m, " (").map_or(m, |p| &m[..p]);
    m.split(',').next().unwrap_or(m).trim()
}

pub(super) const AGENTS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representative",
    "representatives",
    "aide",
    "aides",
    "official",
    "officials",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "staffer",
    "staffers",
    "source",
    "sources",
    "member",
    "members",
    "leader",
    "leaders",
    "director",
];

/// "his office" → ("he", "office"): a possessive pronoun and one who speaks for its owner
/// (an office, a spokesperson, a campaign), as the pronoun it stands for and the role.
pub(super) fn speaks_for(lower: &str) -> Option<(&'static str, &str)> {
    let (owner, role) = lower.split_once(' ')?;
    let pronoun = match owner {
        "his" => "he",
        "her" => "she",
        "their" => "they",
        "its" => "it",
        _ => return None,
    };
    speaks_for_its_owner(role).then_some((pronoun, role))
}

/// Whether `role` speaks for whoever owns it ("his office", "Ellison's campaign").
fn speaks_for_its_owner(role: &str) -> bool {
    matches!(
        role,
        "office" | "spokesman" | "spokeswoman" | "spokesperson" | "campaign" | "press office"
    )
}

/// "Premier Doug Ellison's office", "Marrow's campaign": a name and one who speaks for it
/// (its office, spokesperson or campaign, nothing after), as the name and the role.
pub(super) fn name_speaks_for(mention: &str) -> Option<(&str, &str)> {
    // The last word first: most mentions end in no such word.
    let last = mention.trim_end().rsplit(' ').next().unwrap_or("");
    if !speaks_for_its_owner(last) {
        return None;
    }
    let at = mention.rfind("'s ").or_else(|| mention.rfind("’s "))?;
    let owner = mention[..at].trim();
    let role = mention[at..].split_once(' ')?.1.trim();
    let named = owner
        .split(' ')
        .next_back()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    (named && speaks_for_its_owner(role)).then_some((owner, role))
}

/// "A source close to the minister", "people familiar with the talks": someone the reporter
/// will not name, near the one named after them, not that one.
pub(super) fn anonymous_source(lower: &str) -> bool {
    let phrase = head_of(lower).as_bytes();
    [
        &b" close to "[..],
        b" familiar with ",
        b" briefed on ",
        b" knowledgeable about ",
        b" with knowledge of ",
    ]
    .iter()
    .any(|p| memchr::memmem::find(phrase, p).is_some())
}

/// "a spokesman for the Foo Party" → ("spokesman", "the Foo Party").
pub(super) fn agent_for(mention: &str) -> Option<(&str, &str)> {
    // The role word is one of the mention's words: without one, no separator needs a look.
    if !mention
        .split(' ')
        .any(|w| AGENTS.iter().any(|a| w.eq_ignore_ascii_case(a)))
    {
        return None;
    }
    let lower = mention.to_ascii_lowercase();
    for sep in [" for ", " of ", " at ", " with ", " to "] {
        if let Some(p) = find_in(&lower, sep) {
            let before = &lower[..p];
            let role_word = before.rsplit(' ').next().unwrap_or(before);
            if AGENTS.contains(&role_word) {
                let role_start = p - role_word.len();
                return Some((&mention[role_start..p], mention[p + sep.len()..].trim()));
            }
        }
    }
    None
}

/// "A spokeswoman for the Department of …", "pro-life members of the Foo Party", "Aides to
/// Clinton": a mention that opens with the agent, before any name, as its role (the words
/// before the agent word, past a determiner, with it) and whom it speaks for. `None` when a
/// name comes first ("Angelique Brunner, a developer and spokeswoman for …" is Brunner).
pub(super) fn agent_first(mention: &str) -> Option<(String, &str)> {
    use crate::entities::lexicon::{flags_any_case, DEMONYM, GENERIC, GIVEN, ROLE_MOD};
    let (role, org) = agent_for(mention)?;
    let at = role.as_ptr() as usize - mention.as_ptr() as usize;
    let prefix = mention[..at].trim();
    if prefix.contains(',') {
        return None;
    }
    let mut words: Vec<&str> = prefix.split_whitespace().collect();
    // Capitalised: the first word unless a given name (a sentence opens with it: "Pro-growth
    // members of …"), or a word that qualifies ("Republican members of …").
    for (k, w) in words.iter().enumerate() {
        if !w.starts_with(char::is_uppercase) {
            continue;
        }
        let f = flags_any_case(w, &mut String::new());
        if f & GIVEN != 0 || k > 0 && f & (GENERIC | DEMONYM | ROLE_MOD) == 0 {
            return None;
        }
    }
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "a" | "an"
                | "the"
                | "one"
                | "some"
                | "many"
                | "several"
                | "two"
                | "three"
                | "both"
                | "all"
        )
    }) {
        words.remove(0);
    }
    words.push(role);
    Some((words.join(" "), org))
}

/// The role a mention gives its speaker around the name: "Harbour master Dunstan Okoro" →
/// "Harbour master"; "Mirela Stanch, chief engineer at the Kestrel Tide cooperative, which …"
/// → "chief engineer at the Kestrel Tide cooperative".
pub(super) fn role_in_mention(mention: &str, e: &Entity) -> Option<String> {
    let names = std::iter::once(e.name.as_str()).chain(e.name.rsplit(' ').next());
    for name in names {
        let Some(p) = find_in(mention, name) else {
            continue;
        };
        let before = mention[..p].trim().trim_end_matches(',').trim();
        let after = mention[p + name.len()..].trim_start();
        if let Some(app) = after.strip_prefix(',') {
            let mut app = app.trim();
            // "Roxana Leon, 63, an independent voter": past the age, a description ("Cory
            // James, 22, of Flint" gives none).
            if let Some((age, rest)) = app.split_once(',') {
                if !age.is_empty() && age.trim().chars().all(|c| c.is_ascii_digit()) {
                    let rest = rest.trim();
                    app = if ["a ", "an ", "the "].iter().any(|d| rest.starts_with(d)) {
                        rest
                    } else {
                        ""
                    };
                }
            }
            let end = [", which", ", who", ", where", ","]
                .iter()
                .filter_map(|sep| app.find(sep))
                .min()
                .unwrap_or(app.len());
            let app = app[..end].trim();
            let app = app
                .strip_prefix("a ")
                .or_else(|| app.strip_prefix("an "))
                .or_else(|| app.strip_prefix("the "))
                .unwrap_or(app);
            // "Tom Apetagon, 67,": an age is no role; nor is a relative clause ("Himanta
            // Biswa Sarma, who visited relief camps,": the title before the name is).
            let age = app.chars().all(|c| c.is_ascii_digit());
            let relative = ["who ", "which ", "whose ", "whom ", "where "]
                .iter()
                .any(|w| app.starts_with(w));
            if !app.is_empty() && !age && !relative && app.split(' ').count() <= 12 {
                return Some(app.to_string());
            }
        }
        // ("Its state president, Gaurav Gogoi,": the organisation's "its" is no part of it.)
        let before = ["the ", "The ", "its ", "Its ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|d| before.strip_prefix(d))
            .unwrap_or(before);
        // "A former finance chief of the Tamsin Water Board": the role is "former finance
        // chief", without the preposition that brings in the name.
        let before = [" the", " a", ""]
            .iter()
            .find_map(|d| {
                let b = before.strip_suffix(d)?;
                ["of", "for", "at", "in", "from", "with"]
                    .iter()
                    .find_map(|p| {
                        b.strip_suffix(p)
                            .filter(|r| r.ends_with(' '))
                            .map(str::trim_end)
                    })
            })
            .unwrap_or(before);
        // A courtesy title or a bare determiner ("the Harbour Authority") is no role.
        let courtesy = matches!(
            before,
            "Mr."
                | "Mrs."
                | "Ms."
                | "Dr."
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
        );
        // A longer role before the name when it opens with a title and a comma closes it
        // ("Director, emergency management at the Pine Ridge Fire Association, Chantal
        // Roussin,").
        let long_title = mention[..p].trim_end().ends_with(',')
            && before.split(' ').next().is_some_and(|w| {
                use crate::entities::lexicon::{flags_any_case, TITLE};
                flags_any_case(w.trim_end_matches(','), &mut String::new()) & TITLE != 0
            });
        let most = if long_title { 14 } else { 6 };
        // No part of the name ("Wasserman Schultz" found by the surname) and no clause ("It’s
        // grimly funny to watch Mitt Romney").
        let of_name = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| e.name.split(' ').any(|n| n == w));
        let clause = before.split(' ').any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            matches!(
                w,
                "it" | "he" | "she" | "they" | "we" | "i" | "you" | "those" | "these"
            )
        });
        if !before.is_empty()
            && !courtesy
            && !of_name
            && !clause
            && before.split(' ').count() <= most
            && !before.contains(['"', '“', '”'])
        {
            return Some(before.to_string());
        }
        return None;
    }
    None
}

/// A description that brings in someone new rather than the story's main character: an
/// organisation's spokesperson, aide or official ("the board's spokesperson", "the
/// spokeswoman for the ministry").
pub(super) fn unnamed_agent(description: &str) -> bool {
    description.contains("'s ")
        || description.contains("’s ")
        || description.split(' ').any(|w| {
            matches!(
                w,
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "representative"
                    | "aide"
                    | "official"
                    | "staffer"
            )
        })
}

/// "The Ministry of Power, Works and Housing" when the entity is "Ministry of Power": an
/// organisation's name that the mention continues past a comma with capitalised portfolios
/// joined by "and" (the entity lists stop at the comma).
pub(super) fn with_portfolios(mention: &str, name: &str) -> Option<String> {
    let m = mention.trim_end_matches([',', ' ']);
    let m = m
        .strip_prefix("The ")
        .or_else(|| m.strip_prefix("the "))
        .unwrap_or(m);
    let rest = m.strip_prefix(name)?.strip_prefix(", ")?;
    let words: Vec<&str> = rest.split(' ').collect();
    let ok = words.iter().any(|w| matches!(*w, "and" | "&"))
        && words.iter().all(|w| {
            matches!(*w, "and" | "&")
                || w.trim_end_matches(',')
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && w.trim_end_matches(',').chars().all(char::is_alphanumeric)
        });
    ok.then(|| m.to_string())
}

/// The name as the mention gives it in full, when the entity's name is the tail of a longer
/// one there: "The Nurses' Guild" for "Guild", "Friends of the Orrin Valley" for "Orrin
/// Valley", "the Ministry of Energy and Industry" for "Industry". Capitalised words, plural
/// possessives and the joiners between them ("of", "for", "and", "&", "of the") are taken
/// leftwards; a person's name grows only over a joiner (never over a title: "Secretary of
/// State John Kerry" stays John Kerry).
pub(super) fn fuller_name(mention: &str, e: &Entity) -> Option<String> {
    use crate::entities::lexicon::{flags_any_case, COURTESY, TITLE};
    let p = find_in(mention, &e.name)?;
    let before = mention[..p].strip_suffix(' ')?;
    let words: Vec<&str> = before.split(' ').collect();
    let cap = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.'))
            && !matches!(w, "The" | "A" | "An")
    };
    let mut buf = String::new();
    let (mut k, mut joined) = (words.len(), false);
    while k > 0 {
        let w = words[k - 1];
        if cap(w) {
            if flags_any_case(w.trim_end_matches('.'), &mut buf) & (TITLE | COURTESY) != 0 {
                return None;
            }
            joined |= w.ends_with("s'") || w.ends_with("s’");
            k -= 1;
            continue;
        }
        // A joiner counts only between capitalised words: "Friends of the Orrin Valley".
        let take = match w {
            "of" | "for" | "and" | "&" => 1,
            "the" if k >= 2 && matches!(words[k - 2], "of" | "for") => 2,
            _ => 0,
        };
        if take == 0 || k <= take || !cap(words[k - 1 - take]) {
            break;
        }
        joined = true;
        k -= take;
    }
    if k == words.len() || e.kind == EntityKind::Person && !joined {
        return None;
    }
    Some(format!("{} {}", words[k..].join(" "), e.name))
}

/// Whether the person named at code points `a..b` of `mention` is the one it speaks of: not
/// a possessive ("Smith's lawyer"), a modifier ("Obama adviser David Axelrod"), part of a
/// longer name ("the Clinton Foundation", "Energy and Industry"), after a preposition ("an
/// aide to Jane Roe") or inside a relative clause ("who faces Jane Roe"). `Some(true)` when
/// the name heads the mention or one of its appositives (at most three words before it since
/// the last comma: "Her former student, Professor Callum Rees-Idowu").
pub(super) fn stands_alone(mention: &str, a: usize, b: usize) -> Option<bool> {
    let byte = |cp: usize| {
        mention
            .char_indices()
            .nth(cp)
            .map_or(mention.len(), |(i, _)| i)
    };
    let (before, after) = (&mention[..byte(a)], &mention[byte(b)..]);
    if after.starts_with(['\'', '’']) {
        return None;
    }
    if let Some(rest) = after.strip_prefix(' ') {
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower_ok = [
            "of", "who", "whose", "from", "at", "for", "in", "with", "and", "or", "to", "on",
        ];
        match next.chars().next() {
            Some(c) if c.is_uppercase() => return None,
            Some(c) if c.is_lowercase() && !lower_ok.contains(&next) => return None,
            _ => {}
        }
    }
    let mut words = before.split_whitespace().rev();
    let prev = words.next().unwrap_or("");
    let capitalised = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    const PREPOSITIONS: &[&str] = &[
        "for",
        "of",
        "to",
        "with",
        "by",
        "at",
        "from",
        "about",
        "on",
        "against",
        "in",
        "under",
        "than",
        "like",
        "over",
        "backing",
        "including",
        "the",
        "a",
        "an",
    ];
    if PREPOSITIONS.contains(&prev) || matches!(prev, "and" | "&") && capitalised(words.next()) {
        return None;
    }
    // The tail of a longer name ("New York"): a capitalised word before it that is neither a
    // title nor the mention's first word ("Meteorologist Daniela Feretti").
    if capitalised(Some(prev))
        && before.split_whitespace().count() > 1
        && !prev.ends_with(',')
        && crate::entities::lexicon::flags_any_case(prev.trim_end_matches('.'), &mut String::new())
            & (crate::entities::lexicon::TITLE | crate::entities::lexicon::COURTESY)
            == 0
    {
        return None;
    }
    // A relative clause still open before the name.
    let lower = before.to_lowercase();
    for rel in [" who ", " which ", " whose ", " whom ", " where ", " that "] {
        if let Some(p) = lower.rfind(rel) {
            if !lower[p..].contains(',') {
                return None;
            }
        }
    }
    let since_comma = before.rsplit(',').next().unwrap_or(before);
    Some(since_comma.split_whitespace().count() <= 3)
}

/// Whether code points `a..b` of `mention`, between two names, join them as two people:
/// "and", "&" or a comma, with at most a title or a bracket besides ("Trump and House
/// Speaker Paul Ryan", "McCain (Ariz.), Kelly Ayotte").
pub(super) fn joins_people(mention: &str, a: usize, b: usize) -> bool {
    let gap: String = mention.chars().skip(a).take(b.saturating_sub(a)).collect();
    let words: Vec<&str> = gap.split_whitespace().collect();
    (gap.contains(" and ") || gap.contains(" & ") || gap.trim_start().starts_with(','))
        && words.len() <= 5
        && !gap.contains(['\'', '’'])
        && !words
            .iter()
            .any(|w| w.starts_with(char::is_lowercase) && !matches!(*w, "and"))
}

/// Whether the mention's head phrase is a group of people by what they are ("Police in
/// Kessel", "diplomats familiar with the talks", "business owners on Harrowgate Road").
pub(super) fn names_a_group(mention: &str) -> bool {
    let phrase = head_phrase(mention);
    let last = phrase.rsplit(' ').next().unwrap_or("");
    GROUPS.contains(&last) || last == "police"
}

/// A mention's head phrase, lower-cased: the words before an appositive comma, a
/// preposition or a participle ("Sources familiar with …" → "sources").
pub(super) fn head_phrase(mention: &str) -> String {
    let mut head = head_of(mention).to_lowercase();
    // The first word (after a space) that opens a qualifier: one walk over the spaces, not
    // one search per word.
    const CUT: [&str; 14] = [
        "along ",
        "near ",
        "across ",
        "around ",
        "for ",
        "of ",
        "with ",
        "at ",
        "from ",
        "in ",
        "on ",
        "familiar ",
        "representing ",
        "who ",
    ];
    let cut = memchr::memchr_iter(b' ', head.as_bytes()).find(|&p| {
        let rest = &head.as_bytes()[p + 1..];
        CUT.iter().any(|k| rest.starts_with(k.as_bytes()))
    });
    if let Some(p) = cut {
        head.truncate(p);
    }
    head
}

/// Nouns of a definite description that stand for an organisation named before ("the
/// company", "the carmaker", "the power utility").
/// What a speaker issues that may stand for the speaker ("the statement said").
pub(super) const OWN_DOCUMENTS: &[&str] = &[
    "statement",
    "release",
    "email",
    "e-mail",
    "letter",
    "memo",
    "tweet",
    "post",
    "message",
    "notice",
];

/// Last words of a news outlet's name, and outlets known by one name.
pub(super) const NEWS_OUTLETS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "guardian",
    "telegraph",
    "gazette",
    "observer",
    "monitor",
    "magazine",
    "daily",
    "weekly",
    "chronicle",
    "express",
    "mail",
    "standard",
    "press",
    "ledger",
    "courier",
    "star",
    "sun",
    "globe",
    "record",
    "bulletin",
    "register",
    "dispatch",
    "inquirer",
    "enquirer",
    "examiner",
    "sentinel",
    "reporter",
    "mirror",
    "tv",
    "radio",
    "television",
    "reuters",
    "ap",
    "afp",
    "bbc",
    "cnn",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "pbs",
    "espn",
    "politico",
    "axios",
    "bloomberg",
];

/// Whether an entity's name is a news outlet's ("The Post", "CBS News"): one that names a
/// document ("according to The Guardian, an email was sent …") reports it; it seldom wrote it.
pub(super) fn is_news_outlet(name: &str) -> bool {
    name.rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| NEWS_OUTLETS.contains(&w.to_lowercase().as_str()))
}

/// The document a lower-cased mention names when it is a speaker's own ("the statement"):
/// a definite determiner, at most two words more ("the emailed statement", "the news
/// release"), none a possessive ("the company's statement" is the company's), and one of
/// [`OWN_DOCUMENTS`]; no comma ("the statement, which was attributed to Miller" names its
/// author).
pub(super) fn own_document(lower: &str) -> Option<&str> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let noun = *words.last()?;
    ((2..=4).contains(&words.len())
        && matches!(
            words[0],
            "the" | "this" | "that" | "its" | "his" | "her" | "their"
        )
        && OWN_DOCUMENTS.contains(&noun)
        && !lower.contains(',')
        && !words[1..words.len() - 1]
            .iter()
            .any(|w| crate::attrib::is_possessive(w)))
    .then_some(noun)
}

pub(super) const BODY_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "association",
    "authority",
    "automaker",
    "bank",
    "brewer",
    "broadcaster",
    "carmaker",
    "carrier",
    "charity",
    "chipmaker",
    "club",
    "company",
    "conglomerate",
    "contractor",
    "corporation",
    "council",
    "developer",
    "distributor",
    "drugmaker",
    "exchange",
    "exporter",
    "federation",
    "firm",
    "giant",
    "group",
    "insurer",
    "lender",
    "maker",
    "manufacturer",
    "miner",
    "network",
    "operator",
    "platform",
    "producer",
    "provider",
    "publisher",
    "regulator",
    "retailer",
    "start-up",
    "startup",
    "supplier",
    "trust",
    "union",
    "utility",
];

/// Body nouns for a sort of body that its name says ("… Union", "… Council"): "the union"
/// is none whose name ends in another sort's word ("Rail Delivery Group").
pub(super) const SORTS: &[&str] = &[
    "association",
    "club",
    "council",
    "exchange",
    "federation",
    "trust",
    "union",
];

/// Nouns that name a body, not a person ("the ministry", "the power utility").
pub(super) const BODIES: &[&str] = &[
    "administration",
    "agency",
    "airline",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "chamber",
    "charity",
    "clinic",
    "coalition",
    "commission",
    "committee",
    "company",
    "cooperative",
    "corporation",
    "council",
    "county",
    "court",
    "department",
    "district",
    "federation",
    "firm",
    "foundation",
    "government",
    "group",
    "hospital",
    "institute",
    "institution",
    "league",
    "library",
    "magazine",
    "ministry",
    "museum",
    "network",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "party",
    "police",
    "regulator",
    "school",
    "service",
    "society",
    "team",
    "union",
    "university",
    "utility",
    "watchdog",
    "white house",
];

/// Nouns that name several people by what they are ("officials", "prosecutors").
pub(super) const GROUPS: &[&str] = &[
    "activists",
    "analysts",
    "authorities",
    "campaigners",
    "critics",
    "democrats",
    "diplomats",
    "doctors",
    "economists",
    "executives",
    "experts",
    "families",
    "farmers",
    "insiders",
    "investigators",
    "lawmakers",
    "leaders",
    "members",
    "negotiators",
    "nurses",
    "observers",
    "officials",
    "officers",
    "organizers",
    "owners",
    "parents",
    "people",
    "prosecutors",
    "protesters",
    "republicans",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "students",
    "supporters",
    "teachers",
    "witnesses",
    "voters",
    "workers",
    // People by whom they stand with ("friends of …", "backers of …").
    "friends",
    "relatives",
    "colleagues",
    "allies",
    "associates",
    "neighbours",
    "neighbors",
    "fans",
    "followers",
    "backers",
    "opponents",
    "rivals",
    "employees",
    "volunteers",
    "classmates",
];

/// Organisation or group, for a mention that names nobody (the phrase is kept as the
/// mention): by its head noun, the last word before a preposition or comma.
pub(super) fn kind_of_phrase(mention: &str) -> Option<SpeakerKind> {
    use crate::entities::lexicon::{flags_any_case, TITLE};
    let phrase = head_phrase(mention);
    let last = phrase.rsplit(' ').next().unwrap_or("");
    // "business owners", "passengers": the plural of a word for a person.
    let plural_of_person = || last.strip_suffix('s').is_some_and(is_person_noun);
    if GROUPS.contains(&last) || several_people(mention, &phrase, last) || plural_of_person() {
        Some(SpeakerKind::Group)
    } else if BODIES.iter().any(|b| {
        // The last word ("his colleague" is no league).
        phrase
            .strip_suffix(b)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    }) {
        Some(SpeakerKind::Organization)
    } else if is_person_noun(last) || flags_any_case(last, &mut String::new()) & TITLE != 0 {
        Some(SpeakerKind::Person)
    } else {
        None
    }
}

/// Nouns that name one person by what they are ("a campaign aide", "one GOP source", "the
/// announcer"); titles of office come from the entities' lexicon.
/// Whether `w` is one of [`PERSON_NOUNS`] (looked up, not searched).
fn is_person_noun(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| PERSON_NOUNS.split_whitespace().collect())
        .contains(w)
}

pub(super) const PERSON_NOUNS: &str =
    "source aide official spokesman spokeswoman spokesperson announcer agent \
     questioner caller strategist mogul nominee candidate woman man adviser advisor lawyer \
     attorney doctor someone somebody writer reporter narrator witness resident voter worker \
     expert analyst critic member insider friend neighbor neighbour mother father wife \
     husband ex-wife ex-husband son daughter girl boy teacher student activist officer \
     organizer owner parent negotiator diplomat executive economist researcher scientist \
     investigator prosecutor protester supporter lawmaker leader businessman businesswoman \
     billionaire host anchor columnist commentator editor author professor pastor priest \
     victim survivor employee manager consultant pollster operative donor veteran examiner \
     coroner pathologist physician surgeon nurse person tester reviewer dispatcher patient \
     driver singer star mathematician physicist chemist biologist engineer designer founder \
     farmer pilot soldier player coach actor actress artist musician chef customer client \
     buyer seller tenant landlord homeowner mom dad grandmother grandfather sister brother \
     child kid teen teenager passenger commuter shopper motorist cyclist pedestrian \
     bystander onlooker eyewitness fan spectator volunteer paramedic firefighter miner \
     fisherman retiree caregiver relative cousin uncle aunt nephew niece midwife pharmacist \
     dentist therapist psychologist psychiatrist epidemiologist meteorologist forecaster \
     historian archaeologist lecturer principal librarian mechanic electrician plumber \
     trucker rancher grower vendor shopkeeper waiter waitress bartender cashier clerk \
     accountant banker broker trader investor entrepreneur developer contractor inmate \
     prisoner defendant plaintiff juror judge detective constable sergeant master \
     harbourmaster harbormaster stationmaster postmaster headmaster headmistress skipper \
     captain lifeguard ranger warden steward guard";

/// A mention of several people that no group noun heads: names joined by "and" ("McConnell
/// and Ryan"), a share of people ("63 percent of voters"), a plural head ("His aides",
/// "many European countries", "Mexicans").
pub(super) fn several_people(mention: &str, phrase: &str, last: &str) -> bool {
    let names_joined = mention.split_once(" and ").is_some_and(|(a, b)| {
        let cap = |w: &str| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        };
        cap(a.rsplit(' ').next().unwrap_or("")) && cap(b)
    });
    let plural = last.len() > 3
        && last.ends_with('s')
        && ![
            "ss", "us", "is", "'s", "’s", "news", "times", "states", "series",
        ]
        .iter()
        .any(|x| last.ends_with(x));
    names_joined || phrase.contains("percent") || plural
}

/// A definite description with a capitalised word before its head noun: "the Vermont senator",
/// "The Kentucky Republican", "the GOP presidential candidate" (not "the candidate", "the
/// presumptive nominee", "The Democrat").
pub(super) fn qualified_description(mention: &str) -> bool {
    let phrase = mention.split(',').next().unwrap_or(mention);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    words.len() >= 3
        && words[1..words.len() - 1]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Words of a public office: a politician is described by place and party ("the Kentucky
/// Republican" for "Senate Majority Leader Mitch McConnell").
pub(super) const OFFICE_WORDS: &[&str] = &[
    "senator",
    "sen",
    "senate",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
    "president",
    "candidate",
    "nominee",
    "secretary",
    "minister",
    "house",
];

/// Whether a description can stand for this person: one the article gives no role, a role of
/// public office, or a role with a word that opens a word of the lower-case description
/// ("Sen." for "the senator"). "Analyst Thaddeus Kimball" is not "the Democratic presidential
/// candidate".
pub(super) fn roles_allow(e: &Entity, description: &str) -> bool {
    e.roles.is_empty()
        || e.roles.iter().any(|r| {
            r.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 2)
                .any(|w| {
                    let w = w.to_lowercase();
                    OFFICE_WORDS.contains(&w.as_str())
                        || description.split(' ').any(|d| d.starts_with(&w))
                })
        })
}
