//! The cue lexicon: reporting verbs and phrases, each with the speech act it performs and how
//! it takes its arguments. Word lists are ours; which words to keep was decided by how often a
//! word is a cue in PolNeAR train (see `stemma-bench attribution --split train`).

use std::sync::OnceLock;

use crate::entities::lexicon::FastMap;
use crate::model::SpeechAct;

/// How a cue relates to speech.
pub use crate::model::Mode;

#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub act: SpeechAct,
    pub mode: Mode,
    /// Takes a recipient before its content ("told reporters that …", "urged Congress to …").
    pub recipient: bool,
    /// The verb form is past/present finite or a participle that can stand in "X said" and
    /// "said X" (not "saying", which only follows a clause).
    pub finite: bool,
    /// Weak: a cue only with a clear content after it ("that …", a quote, a colon).
    pub weak: bool,
}

impl Cue {
    /// A plain statement ("said"): what a cue the lexicon does not know, a layout label or a
    /// dash signature reports.
    pub const STATEMENT: Cue = Cue {
        act: SpeechAct::Statement,
        mode: Mode::Speech,
        recipient: false,
        finite: true,
        weak: false,
    };
}

use Mode::*;
use SpeechAct::*;

/// (lemma, forms (past, 3sg, gerund, base, participle…), act, mode, recipient, weak)
type Entry = (&'static [&'static str], SpeechAct, Mode, bool, bool);

const ENTRIES: &[Entry] = &[
    (
        &["said", "says", "say", "saying"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["told", "tells", "tell", "telling"],
        Statement,
        Speech,
        true,
        false,
    ),
    (
        &["added", "adds", "adding"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["wrote", "writes", "writing", "written"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["noted", "notes", "noting"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["explained", "explains", "explaining"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["stated", "states", "stating"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["declared", "declares", "declaring"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["remarked", "remarks", "remarking"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["commented", "comments", "commenting"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["continued", "continues", "continuing"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["observed", "observes", "observing"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["mentioned", "mentions", "mentioning"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["tweeted", "tweets", "tweeting", "retweeted"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["posted", "posts", "posting"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["recalled", "recalls", "recalling", "remembered"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["reiterated", "reiterates", "reiterating"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["repeated", "repeating"], Statement, Speech, false, true),
    (
        &["responded", "responds", "responding"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["replied", "replies", "replying"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["answered", "answers"], Statement, Speech, false, true),
    (
        &["announced", "announces", "announcing"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["confirmed", "confirms", "confirming"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["acknowledged", "acknowledges", "acknowledging"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["admitted", "admits", "admitting"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["conceded", "concedes", "conceding"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["revealed", "reveals", "revealing"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["disclosed", "discloses"], Statement, Speech, false, false),
    (
        &["reported", "reports", "reporting"],
        Report,
        Speech,
        false,
        false,
    ),
    (
        &["stressed", "stresses", "stressing"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["emphasized", "emphasizes", "emphasised", "emphasizing"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["insisted", "insists", "insisting", "insist"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["argued", "argues", "arguing", "argue"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["suggested", "suggests", "suggesting", "suggest"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["contended", "contends"], Statement, Speech, false, false),
    (&["maintained", "maintains"], Statement, Speech, false, true),
    (
        &["asserted", "asserts", "asserting"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["claimed", "claims", "claiming", "claim"],
        Statement,
        Speech,
        false,
        true,
    ),
    (
        &["concluded", "concludes", "concluding"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["testified", "testifies"], Statement, Speech, false, false),
    (&["quipped", "quips"], Statement, Speech, false, false),
    (
        &["joked", "jokes", "joking"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["mused", "muses"], Statement, Speech, false, false),
    (&["exclaimed"], Statement, Speech, false, false),
    (
        &["shouted", "yelled", "chanted", "chants"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["boasted", "boasts", "bragged"],
        Statement,
        Speech,
        false,
        false,
    ),
    (&["explain"], Statement, Speech, false, true),
    (
        &["described", "describes", "describing"],
        Statement,
        Speech,
        false,
        true,
    ),
    (&["pointed", "pointing"], Statement, Speech, false, true),
    (&["indicated", "indicates"], Statement, Speech, false, false),
    (&["implied"], Statement, Speech, false, false),
    (&["signaled", "signalled"], Statement, Speech, false, false),
    (&["hinted", "hints"], Statement, Speech, false, false),
    (&["wondered", "wonders"], Question, Speech, false, false),
    (&["asked", "asks", "asking"], Question, Speech, true, false),
    (
        &["questioned", "questioning"],
        Question,
        Speech,
        false,
        true,
    ),
    (
        &["accused", "accuses", "accusing"],
        Accusation,
        Speech,
        true,
        false,
    ),
    (&["charged"], Accusation, Speech, false, true),
    (
        &["alleged", "alleges", "alleging"],
        Accusation,
        Speech,
        false,
        false,
    ),
    (&["blamed", "blames"], Accusation, Speech, false, false),
    (
        &["denied", "denies", "denying"],
        Denial,
        Speech,
        false,
        false,
    ),
    (&["rejected", "rejects"], Denial, Speech, false, true),
    (&["dismissed", "dismissing"], Denial, Speech, false, true),
    (&["disputed", "disputes"], Denial, Speech, false, false),
    (&["refuted"], Denial, Speech, false, false),
    (&["urged", "urges", "urging"], Appeal, Speech, true, false),
    (&["appealed"], Appeal, Speech, false, true),
    (
        &["pleaded", "pleads", "implored", "begged"],
        Appeal,
        Speech,
        true,
        false,
    ),
    (&["demanded", "demands"], Appeal, Speech, false, true),
    (&["requested"], Appeal, Speech, false, true),
    (&["called", "calls", "calling"], Appeal, Speech, false, true),
    (
        &["warned", "warns", "warning", "cautioned"],
        Threat,
        Speech,
        true,
        false,
    ),
    (
        &["threatened", "threatens", "threatening"],
        Threat,
        Speech,
        false,
        false,
    ),
    (
        &["promised", "promises", "promising"],
        Promise,
        Speech,
        true,
        false,
    ),
    (
        &["vowed", "vows", "vowing", "pledged", "pledging", "pledges"],
        Promise,
        Speech,
        false,
        false,
    ),
    (
        &["assured", "assures", "reassured"],
        Promise,
        Speech,
        true,
        false,
    ),
    (&["guaranteed"], Promise, Speech, false, true),
    (
        &[
            "praised", "praises", "praising", "hailed", "lauded", "touted", "touting",
        ],
        Praise,
        Speech,
        false,
        false,
    ),
    (
        &[
            "applauded",
            "commended",
            "thanked",
            "thanking",
            "celebrated",
        ],
        Praise,
        Speech,
        false,
        true,
    ),
    (
        &[
            "criticized",
            "criticizes",
            "criticizing",
            "criticised",
            "criticize",
        ],
        Criticism,
        Speech,
        false,
        false,
    ),
    (
        &[
            "condemned",
            "condemns",
            "denounced",
            "denounces",
            "denouncing",
        ],
        Criticism,
        Speech,
        false,
        false,
    ),
    (
        &[
            "slammed", "slams", "slamming", "blasted", "blasts", "blasting",
        ],
        Criticism,
        Speech,
        false,
        false,
    ),
    (
        &[
            "decried",
            "railed",
            "lambasted",
            "assailed",
            "bemoaned",
            "lamented",
            "mocked",
            "mocking",
            "ridiculed",
        ],
        Criticism,
        Speech,
        false,
        false,
    ),
    (
        &["complained", "complains", "complaining"],
        Criticism,
        Speech,
        false,
        false,
    ),
    (&["attacked"], Criticism, Speech, false, true),
    (&["agreed", "agrees"], Agreement, Speech, false, false),
    (&["echoed", "echoing"], Agreement, Speech, false, false),
    (
        &["endorsed", "endorses", "endorsing"],
        Agreement,
        Speech,
        false,
        false,
    ),
    (
        &["defended", "defends", "defending"],
        Statement,
        Speech,
        false,
        false,
    ),
    (
        &["predicted", "predicts", "predicting", "forecast"],
        Prediction,
        Speech,
        false,
        false,
    ),
    (
        &["estimated", "estimates"],
        Prediction,
        Evidence,
        false,
        true,
    ),
    (&["projected"], Prediction, Evidence, false, true),
    (&["expected"], Prediction, Thought, false, true),
    (&["cited", "cites", "citing"], Report, Speech, false, false),
    (&["quoted"], Report, Speech, false, true),
    (&["referring", "referred"], Statement, Speech, false, true),
    (
        &["shows", "showed", "show", "showing"],
        Report,
        Evidence,
        false,
        true,
    ),
    (&["found", "finds"], Report, Evidence, false, true),
    (
        &["thinks", "think", "thought"],
        Statement,
        Thought,
        false,
        true,
    ),
    (
        &["believes", "believe", "believed"],
        Statement,
        Thought,
        false,
        true,
    ),
    (&["feels", "felt"], Statement, Thought, false, true),
    (
        &["hopes", "hoped", "hoping"],
        Statement,
        Thought,
        false,
        false,
    ),
    (&["fears", "feared"], Statement, Thought, false, true),
    (&["worried", "worries"], Statement, Thought, false, true),
    (&["knows", "knew"], Statement, Thought, false, true),
    (
        &["seemed", "seems", "appeared", "appears"],
        Statement,
        Thought,
        false,
        true,
    ),
    (&["wants", "wanted"], Appeal, Thought, false, true),
    (&["declined", "refused"], Denial, Speech, false, true),
    (&["sought"], Appeal, Thought, false, true),
    (&["offered"], Statement, Speech, false, true),
    (&["expressed", "voiced"], Statement, Speech, false, true),
    (&["proposed"], Appeal, Speech, false, true),
];

fn table() -> &'static FastMap<&'static str, Cue> {
    static T: OnceLock<FastMap<&'static str, Cue>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = FastMap::default();
        for &(forms, act, mode, recipient, weak) in ENTRIES {
            for &f in forms {
                let finite = !f.ends_with("ing");
                m.entry(f).or_insert(Cue {
                    act,
                    mode,
                    recipient,
                    finite,
                    weak,
                });
            }
        }
        m
    })
}

/// (first byte, length ≤ 31) pairs of the lexicon's words: most words are not cues, and this
/// says so without hashing them.
fn shapes() -> &'static [u32; 256] {
    static S: OnceLock<[u32; 256]> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = [0u32; 256];
        for k in table().keys() {
            s[k.as_bytes()[0] as usize] |= 1 << k.len().min(31);
        }
        s
    })
}

/// The cue a lower-case word is, if any.
pub fn lookup(lower: &str) -> Option<Cue> {
    let b = lower.as_bytes();
    if b.is_empty() || shapes()[b[0] as usize] & (1 << b.len().min(31)) == 0 {
        return None;
    }
    table().get(lower).copied()
}

/// Auxiliaries and adverbs that join a cue on its left ("has said", "also said", "did not
/// deny").
pub fn is_cue_modifier(lower: &str) -> bool {
    static SET: OnceLock<(FastMap<&'static str, ()>, [u32; 256])> = OnceLock::new();
    let (set, shapes) = SET.get_or_init(|| {
        let mut set = FastMap::default();
        let mut shapes = [0u32; 256];
        for w in MODIFIERS {
            set.insert(*w, ());
            shapes[w.as_bytes()[0] as usize] |= 1 << w.len().min(31);
        }
        (set, shapes)
    });
    let b = lower.as_bytes();
    !b.is_empty() && shapes[b[0] as usize] & (1 << b.len().min(31)) != 0 && set.contains_key(lower)
}

const MODIFIERS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "not",
    "also",
    "later",
    "repeatedly",
    "recently",
    "previously",
    "now",
    "just",
    "still",
    "then",
    "often",
    "publicly",
    "privately",
    "once",
    "already",
    "long",
    "reportedly",
    "further",
    "again",
    "been",
    "never",
    "first",
    "frequently",
    "openly",
    "explicitly",
    "quickly",
    "immediately",
    "flatly",
    "simply",
    "finally",
    "directly",
    "specifically",
    "initially",
    "formally",
    "officially",
    "widely",
    "strongly",
    "sharply",
    "loudly",
    "bluntly",
    "candidly",
    "angrily",
    "falsely",
    "wrongly",
    "correctly",
    "even",
    "didn’t",
    "didn't",
    "hasn’t",
    "hasn't",
    "haven’t",
    "haven't",
    "wouldn’t",
    "wouldn't",
    "won’t",
    "won't",
    "doesn’t",
    "doesn't",
];

/// Words that are never the start of the speaker's words after a cue, so a recipient or time
/// phrase is skipped over them ("told reporters on Tuesday that …").
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    )
}

/// Whether `lower` is a form of "tell", whose object is the listener, not the words.
pub fn is_tell(lower: &str) -> bool {
    matches!(lower, "told" | "tells" | "tell" | "telling")
}

/// Pronouns and words that stand for a speaker.
pub fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "him" | "her" | "them" | "us" | "me"
    )
}

/// Words that end a speaker phrase on its left: conjunctions, relative words, verbs.
pub fn stops_source(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "when"
            | "while"
            | "because"
            | "as"
            | "if"
            | "which"
            | "where"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "than"
            | "what"
            | "how"
            | "why"
            | "whether"
            | "until"
            | "unless"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "to"
            | "said"
            | "says"
            | "told"
            | "in"
            | "on"
            | "at"
            | "with"
            | "from"
            | "by"
            | "into"
            | "about"
            | "over"
            | "under"
            | "during"
            | "without"
            | "against"
            | "between"
            | "through"
            | "also"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "then"
            | "now"
            | "just"
            | "even"
            | "still"
            | "however"
            | "instead"
            | "meanwhile"
            | "who"
            | "whom"
            | "whose"
            | "once"
            | "later"
            | "recently"
    )
}
