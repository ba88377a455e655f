//! Generated worst-case inputs (issue 10), shared by the `worst` tests of `stemma` and by
//! `stemma-bench worst`: texts built to make one stage's cost explode if it is not bounded,
//! and a good page to read beside them. All invented; generated, never stored.

/// One worst case: a name, what it stresses, and the text (a `.txt` document).
pub struct Case {
    pub name: &'static str,
    pub what: &'static str,
    pub text: String,
}

const MB: usize = 1024 * 1024;

/// A small deterministic generator (xorshift), so every run builds the same bytes.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

/// Words and reporting phrases for run-on text: every few words a cue, a speaker, a comma.
const WORDS: &[&str] = &[
    "the mayor says that",
    "Anna Berg told reporters",
    "officials said",
    "the council would",
    "build a new bridge",
    "over the river",
    "next year,",
    "while residents asked",
    "about the costs",
    "according to the plan",
    "and delays",
    "he added",
    "in the north of the town",
];

/// Words from `WORDS` until the text holds `bytes` bytes, one space between them; a full
/// stop every `stop` phrases when `stop` is not 0.
fn run_on(seed: u64, bytes: usize, stop: usize) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 64);
    let mut k = 0;
    while s.len() < bytes {
        s.push_str(rng.pick(WORDS));
        k += 1;
        s.push_str(if stop > 0 && k % stop == 0 { ". " } else { " " });
    }
    s
}

/// An ordinary English opening, so each case is read as English and goes through every stage.
const INTRO: &str = "The town council of Lowmere met on Monday to discuss the new bridge.\n\n";

/// The worst cases: one 5 MB sentence, 1 MB after a quote mark that never closes, 100 000
/// names in a row, 100 000 date-like strings, two quote-heavy texts (5 MB each) that cost
/// the square of their length when a look-up walks every quote, and thousands of pronoun
/// speakers after a sentence of thousands of people (each pronoun weighs the people named
/// before it).
pub fn cases() -> Vec<Case> {
    let first = [
        "Anna", "Carl", "Maria", "Jonas", "Elin", "Oskar", "Lena", "Erik",
    ];
    let last = [
        "Berg", "Dahl", "Lind", "Holm", "Strand", "Ek", "Falk", "Nyberg", "Wik",
    ];
    let names: Vec<String> = (0..100_000)
        .map(|i| format!("{} {}", first[i % first.len()], last[(i / 3) % last.len()]))
        .collect();
    let months = ["January", "March", "May", "July", "September", "November"];
    let dates: Vec<String> = (0..100_000)
        .map(|i| {
            let (d, m, y) = (1 + i % 28, i % 12, 1990 + i % 35);
            match i % 4 {
                0 => format!("{d} {} {y}", months[m % months.len()]),
                1 => format!("{y}-{:02}-{d:02}", m + 1),
                2 => format!("{} {d}, {y}", months[m % months.len()]),
                _ => format!("{}/{d}/{y}", m + 1),
            }
        })
        .collect();
    vec![
        Case {
            name: "sentence",
            what: "one 5 MB sentence (no full stop)",
            text: format!("{INTRO}{}", run_on(1, 5 * MB, 0)),
        },
        Case {
            name: "open-quote",
            what: "1 MB after a quote mark that never closes",
            text: format!("{INTRO}The mayor said: \u{201c}{}", run_on(2, MB, 12)),
        },
        Case {
            name: "names",
            what: "100 000 names in a row",
            text: format!("{INTRO}{} said the plan would work.", names.join(", ")),
        },
        Case {
            name: "dates",
            what: "100 000 date-like strings",
            text: format!("{INTRO}Officials said the dates were {}.", dates.join(" ")),
        },
        Case {
            name: "quotes",
            what: "5 MB of short quotes, each with its cue",
            text: format!("{INTRO}{}", "\"We will,\" he said. ".repeat(5 * MB / 20)),
        },
        Case {
            name: "pronouns",
            what: "20 000 people, then 5 000 quotes said by \"he\"",
            text: format!(
                "{INTRO}The hall held {} and their friends. {}",
                names[..20_000]
                    .iter()
                    .map(|n| format!("{n}\u{2019}s aide"))
                    .collect::<Vec<_>>()
                    .join(", "),
                "\u{201c}We will,\u{201d} he said. ".repeat(5_000)
            ),
        },
        Case {
            name: "single-quotes",
            what: "5 MB of single-quoted words in one sentence",
            text: format!("{INTRO}{}", "'a ' said Anna ".repeat(5 * MB / 15)),
        },
    ]
}

/// A good page: an HTML article with a headline, a byline and a quote by a named speaker.
pub fn good_page() -> String {
    let mut body = String::new();
    for k in 0..6 {
        body.push_str(&format!(
            "<p>The ferry between Lowmere and Callow Point will run every {} minutes from \
             June, the harbour board announced on Tuesday after a year of complaints from \
             commuters about crowded morning crossings.</p>\n",
            20 + k
        ));
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Lowmere ferry to run more often</title></head><body><article>\
         <h1>Lowmere ferry to run more often</h1><p class=\"byline\">By Ingrid Marsh</p>\n\
         {body}<p>\u{201c}We heard the commuters and we are adding two boats,\u{201d} said \
         Tomas Hale, the harbour board's chair.</p>\n</article></body></html>"
    )
}
