//! The words bylines are read with: interface words, name particles, dates, stop words,
//! roles, post-nominal credentials and titles.

/// Titles printed before a name ("Dr Jane Doe").
pub(in crate::extract::meta) fn is_honorific(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "dr" | "prof" | "mr" | "mrs" | "ms" | "mx" | "sir" | "dame" | "rev"
    )
}

/// Interface words that byline-classed elements hold when they hold no name.
pub(in crate::extract::meta) fn is_ui_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "explore"
            | "get"
            | "name"
            | "names"
            | "people"
            | "home"
            | "menu"
            | "search"
            | "share"
            | "more"
            | "authors"
            | "author"
            | "contributors"
            | "contributor"
            | "profile"
            | "bio"
            | "blog"
            | "login"
            | "subscribe"
            | "nominations"
            | "close"
            | "open"
            | "toggle"
            | "website"
            | "posts"
            | "articles"
            | "view"
            | "all"
            | "list"
            | "icon"
            | "avatar"
            | "image"
            | "photo"
            | "link"
            | "links"
            | "contact"
            | "follow"
            | "written"
            | "table"
            | "contents"
            | "e-mail"
            | "email"
            | "comment"
            | "comments"
            | "reply"
    )
}

/// Words that may sit in lower case inside a name.
pub(in crate::extract::meta) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "bin"
            | "binti"
            | "al"
            | "el"
            | "ten"
            | "ter"
            | "y"
            | "e"
            | "dos"
            | "das"
            | "st"
    )
}

pub(in crate::extract::meta) fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
    )
}

/// Words that end the name part of a byline: labels and connectors.
pub(in crate::extract::meta) fn is_stop_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "on" | "at"
            | "in"
            | "for"
            | "from"
            | "with"
            | "posted"
            | "updated"
            | "published"
            | "last"
            | "modified"
            | "reviewed"
            | "fact"
            | "checked"
            | "edited"
            | "read"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "comments"
            | "comment"
            | "views"
            | "share"
            | "sponsored"
            | "follow"
            | "email"
            | "twitter"
            | "view"
            | "more"
            | "about"
            | "is"
            | "was"
            | "has"
            | "the"
            | "of"
            | "to"
            | "a"
            | "an"
            | "our"
            | "your"
            | "we"
            | "you"
            | "this"
            | "that"
            | "it"
            | "are"
    )
}

/// "MD", "Ph.D.", "DVM", "RN, BSN": post-nominal letters after a name (part of how the
/// name is printed), not another name.
pub(in crate::extract::meta) fn is_credential(p: &str) -> bool {
    const CREDENTIALS: &[&str] = &[
        "md", "do", "phd", "dphil", "psyd", "edd", "jd", "llm", "esq", "rn", "bsn", "msn", "np",
        "aprn", "pa", "pac", "dnp", "dvm", "vmd", "dds", "dmd", "od", "pharmd", "rph", "rd", "rdn",
        "ld", "ldn", "cde", "cdces", "ms", "ma", "msc", "mba", "mph", "mpa", "mfa", "bs", "ba",
        "bsc", "cpa", "cfp", "cfa", "cpp", "psp", "pmp", "lcsw", "lpc", "lmft", "pt", "dpt", "ot",
        "otr", "cpt", "cscs", "faan", "facp", "facs", "faap", "fand", "faclm", "frcp", "dacvb",
        "lvt", "vts", "mrcp", "frcs", "mbbs", "mbchb", "ryt", "cfre",
    ];
    let words: Vec<&str> = p.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            let t: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            w.chars().next().is_some_and(char::is_uppercase)
                && CREDENTIALS.contains(&t.to_lowercase().as_str())
        })
}

/// "Staff Writer", "Senior Correspondent", "Contributor": a role, not a name.
pub(in crate::extract::meta) fn is_role(p: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "editor",
        "correspondent",
        "reporter",
        "staff",
        "contributor",
        "columnist",
        "producer",
        "director",
        "chief",
        "senior",
        "associate",
        "bureau",
        "news",
        "desk",
        "analyst",
        "press",
        "team",
        "intern",
        "jr",
        "sr",
        "phd",
        "md",
        "professor",
        "editorial",
        "contributing",
        "special",
        "agency",
        "manager",
        "founder",
        "cofounder",
        "ceo",
        "cto",
        "cmo",
        "coo",
        "president",
        "head",
        "lead",
        "junior",
        "assistant",
        "deputy",
        "former",
        "executive",
        "reviewer",
        "expert",
        "specialist",
        "consultant",
        "coordinator",
        "strategist",
        "journalist",
        "researcher",
        "freelance",
        "freelancer",
        "managing",
        "marketing",
        "content",
        "tech",
        "technology",
        "ai",
        "seo",
        "photographer",
        "columnists",
        "writers",
        "editors",
        "reporters",
        "contributors",
    ];
    crate::text::words(p)
        .iter()
        .any(|w| ROLES.contains(&w.as_str()))
}
