//! Direct quotes in German, French, Spanish, Italian, Portuguese and Dutch: a quotation in
//! marks with a verb of saying and its speaker right after it ("„…“, sagte Merkel.", "« … »,
//! a déclaré le ministre.", "“…”, dijo el presidente.", "« … », explique-t-il.") or a
//! speaker, a verb of saying and a colon right before it ("Scholz sagte: „…“").
//!
//! The English engine (cue tagger, entities, speakers) learned English; here only these two
//! layouts count, which readers of any of these languages recognise at once, so that a
//! quote is found only where its speaker stands beside it. A pronoun ("er", "elle", "ella")
//! is the speaker of the quote before it in the same article.

use crate::model::{Quote, QuoteKind, Span, Speaker, SpeakerKind, SpeechAct};
use crate::offset::{slice, CharIndex};

use super::cues::Mode;
use super::quotes::{regions, Region};
use super::span_of;
use super::tokens::{tokenize, Kind, Token};

/// The words of one language this module reads.
struct Lexicon {
    /// Verbs of saying, third person, lower case ("sagte", "dijo"); participles after an
    /// auxiliary count too ("a déclaré", "ha detto").
    cues: &'static [&'static str],
    /// Auxiliaries before a participle ("a", "hat", "ha").
    auxiliaries: &'static [&'static str],
    /// Words that open a speaker's phrase and are no part of a name (articles).
    articles: &'static [&'static str],
    /// Third-person pronouns: the speaker named before.
    pronouns: &'static [&'static str],
}

#[rustfmt::skip]
const DE: Lexicon = Lexicon {
    cues: &[
        "sagte", "sagt", "sagten", "so", "erklärte", "erklärt", "betonte", "betont", "meinte",
        "meint", "ergänzte", "ergänzt", "kritisierte", "kritisiert", "warnte", "warnt",
        "forderte", "fordert", "erläuterte", "schrieb", "schreibt", "antwortete", "bestätigte",
        "versicherte", "unterstrich", "verkündete", "räumte", "fügte", "gesagt", "erklärten",
        "betonten", "zitiert", "twitterte", "mahnte", "appellierte", "bilanziert", "bilanzierte",
        "resümiert", "resümierte", "berichtet", "berichtete", "erzählt", "erzählte", "fragt",
        "fragte", "ruft", "rief", "seufzt", "seufzte", "lacht", "lachte", "klagt", "klagte",
        "schimpft", "schimpfte", "unterstreicht", "verrät", "verriet", "gesteht", "gestand",
        "erinnert", "erinnerte", "ergänzten", "mahnt", "warnten", "urteilt", "urteilte", "findet",
        "fand", "glaubt",
    ],
    auxiliaries: &["hat", "hatte", "haben"],
    articles: &["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer"],
    pronouns: &["er", "sie"],
};

#[rustfmt::skip]
const FR: Lexicon = Lexicon {
    cues: &[
        "déclare", "déclaré", "dit", "explique", "expliqué", "affirme", "affirmé", "ajoute",
        "ajouté", "souligne", "souligné", "estime", "estimé", "précise", "précisé", "indique",
        "indiqué", "confie", "confié", "assure", "assuré", "raconte", "raconté", "lance", "lancé",
        "rappelle", "rappelé", "insiste", "poursuit", "conclut", "répond", "répondu", "martèle",
        "selon", "avertit", "observe", "note", "commente", "commenté", "écrit", "dénonce",
        "dénoncé", "résume", "lâche", "tranche", "ironise", "soupire", "glisse", "détaille",
        "reconnaît", "admet", "plaide", "regrette", "prévient", "avance", "s'exclame",
        "interroge", "ajoutait", "déclarait", "expliquait", "confiait", "témoigne",
    ],
    auxiliaries: &["a", "avait"],
    articles: &["le", "la", "les", "l'", "l’", "un", "une"],
    pronouns: &["il", "elle"],
};

#[rustfmt::skip]
const ES: Lexicon = Lexicon {
    cues: &[
        "dijo", "dice", "afirmó", "afirma", "explicó", "explica", "señaló", "señala", "aseguró",
        "asegura", "añadió", "añade", "declaró", "declara", "indicó", "indica", "comentó",
        "manifestó", "sostuvo", "subrayó", "destacó", "apuntó", "advirtió", "según", "agregó",
        "expresó", "escribió", "respondió", "insistió", "dicho", "reconoció", "admitió",
        "lamentó", "criticó", "recordó", "precisó", "enfatizó", "concluyó", "relató", "contó",
        "reveló", "aclaró", "mencionó", "puntualizó", "resaltó", "detalló", "opinó", "consideró",
        "sentenció", "exclamó", "preguntó", "remarcó", "sostiene",
    ],
    auxiliaries: &["ha", "había"],
    articles: &["el", "la", "los", "las", "un", "una"],
    pronouns: &["él", "ella"],
};

#[rustfmt::skip]
const IT: Lexicon = Lexicon {
    cues: &[
        "detto", "dice", "dichiarato", "dichiara", "spiegato", "spiega", "affermato", "afferma",
        "aggiunto", "aggiunge", "sottolineato", "sottolinea", "secondo", "scritto", "osserva",
        "commenta", "commentato", "ribadito", "ribadisce", "precisa", "precisato", "ammette",
        "racconta", "raccontato", "ricorda", "ricordato", "conclude", "concluso", "avverte",
        "avvertito", "sostiene", "sostenuto", "chiede", "chiesto", "osservato", "aggiungeva",
    ],
    auxiliaries: &["ha", "aveva"],
    articles: &["il", "lo", "la", "i", "gli", "le", "l'", "l’", "un", "una"],
    pronouns: &["lui", "lei"],
};

#[rustfmt::skip]
const PT: Lexicon = Lexicon {
    cues: &[
        "disse", "diz", "afirmou", "afirma", "explicou", "explica", "declarou", "declara",
        "acrescentou", "segundo", "destacou", "ressaltou", "sublinhou", "escreveu", "respondeu",
        "garantiu", "defendeu", "contou", "lembrou", "admitiu", "reconheceu", "completou",
        "concluiu", "ressalta", "destaca", "pontuou", "avaliou", "comentou",
    ],
    auxiliaries: &[],
    articles: &["o", "a", "os", "as", "um", "uma"],
    pronouns: &["ele", "ela"],
};

#[rustfmt::skip]
const NL: Lexicon = Lexicon {
    cues: &[
        "zei", "zegt", "aldus", "verklaarde", "verklaart", "stelt", "stelde", "vertelde",
        "vertelt", "schreef", "schrijft", "benadrukte", "benadrukt", "volgens", "reageerde",
        "antwoordde", "vindt", "vond", "legt", "voegde", "waarschuwt", "waarschuwde",
        "concludeert", "erkent", "erkende",
    ],
    auxiliaries: &["heeft", "had"],
    articles: &["de", "het", "een"],
    pronouns: &["hij", "zij", "ze"],
};

/// The lexicon of a detected language ("de", "fr-FR"), if this module reads it.
fn lexicon(language: &str) -> Option<&'static Lexicon> {
    let l = language.get(..2)?;
    Some(match l {
        "de" => &DE,
        "fr" => &FR,
        "es" => &ES,
        "it" => &IT,
        "pt" => &PT,
        "nl" => &NL,
        _ => return None,
    })
}

/// Whether this module finds quotes in `language`.
pub fn reads(language: &str) -> bool {
    lexicon(language).is_some()
}

/// The direct quotes of `text`, an article in `language`, each with the speaker beside it.
pub fn quotes(language: &str, text: &str, ix: &CharIndex) -> Vec<Quote> {
    let Some(lex) = lexicon(language) else {
        return Vec::new();
    };
    let toks = tokenize(text);
    let mut out: Vec<Quote> = Vec::new();
    let mut last_named: Option<Speaker> = None;
    for r in regions(text, &toks) {
        if !quotable(&toks, &r) {
            continue;
        }
        let found = after(lex, text, &toks, &r).or_else(|| before(lex, text, &toks, &r));
        let Some((cue, speaker)) = found else {
            continue;
        };
        // The words between the marks, without the spaces at either end: `start..end` holds
        // exactly `text`.
        let (a, b) = (toks[r.open].end, toks[r.close].start);
        let inner = slice(text, a, b);
        let (a, b) = (
            a.plus(inner.len() - inner.trim_start().len()),
            b.minus(inner.len() - inner.trim_end().len()),
        );
        if a >= b {
            continue;
        }
        let mention = span_of(ix, (toks[speaker.0].start, toks[speaker.1].end));
        let who = speaker_of(lex, text, &toks, speaker, mention, &last_named);
        if who.name.is_some() {
            last_named = Some(who.clone());
        }
        let content = span_of(ix, (a, b));
        out.push(Quote {
            text: content.text,
            kind: QuoteKind::Direct,
            start: content.start,
            end: content.end,
            pieces: vec![[content.start, content.end]],
            cue: Some(span_of(ix, (toks[cue.0].start, toks[cue.1].end))),
            speech_act: SpeechAct::Statement,
            speaker: Some(who),
            confidence: 0.6,
            mode: Mode::Speech,
            continued: false,
        });
    }
    out
}

/// A quotation worth a quote: double marks, closed, three words or more inside.
fn quotable(toks: &[Token], r: &Region) -> bool {
    !r.single
        && r.closed
        && r.close > r.open
        && toks[r.open + 1..r.close]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count()
            >= 3
}

/// Whether token `k` ends a sentence or a clause the speaker's phrase does not cross, or
/// opens a paragraph.
fn stops(text: &str, toks: &[Token], k: usize) -> bool {
    toks[k].para_start || ends(text, toks, k)
}

/// Whether token `k` is a mark that ends a sentence or a clause (looking back from a verb,
/// a paragraph's first word is no end).
fn ends(text: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    t.kind == Kind::Quote
        || t.kind == Kind::Punct && matches!(t.text(text), "." | "!" | "?" | ":" | ";" | "(" | ")")
}

/// "„…“, sagte Merkel.", "« … », a déclaré le ministre.", "« … », explique-t-il.": the cue
/// (first and last token) and the speaker's phrase (first and last token) after the
/// quotation.
fn after(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    r: &Region,
) -> Option<((usize, usize), (usize, usize))> {
    let mut k = r.close + 1;
    if toks.get(k)?.para_start {
        return None;
    }
    if toks[k].kind == Kind::Punct && toks[k].text(text) == "," {
        k += 1;
    }
    let tok = toks.get(k)?;
    if tok.kind != Kind::Word || tok.para_start {
        return None;
    }
    let lower = tok.text(text).to_lowercase();
    // "explique-t-il", "a-t-elle déclaré": the pronoun joined to the verb.
    if let Some((verb, pronoun)) = inverted(&lower) {
        if lex.cues.contains(&verb) && lex.pronouns.contains(&pronoun) {
            return Some(((k, k), (k, k)));
        }
    }
    let c0 = k;
    if lex.auxiliaries.contains(&lower.as_str()) {
        k += 1;
    }
    let cue = toks.get(k)?;
    if cue.kind != Kind::Word || !lex.cues.contains(&cue.text(text).to_lowercase().as_str()) {
        return None;
    }
    let c1 = k;
    // The speaker, after an adverb or two ("sagt dazu Geschäftsführer …"): a pronoun, or a
    // phrase that opens with a capitalised word or an article.
    let mut s0 = c1 + 1;
    while toks.get(s0).is_some_and(|t| {
        t.kind == Kind::Word && ADVERBS.contains(&t.text(text).to_lowercase().as_str())
    }) && s0 < c1 + 3
    {
        s0 += 1;
    }
    let tok = toks.get(s0)?;
    let first = tok.text(text).to_lowercase();
    if lex.pronouns.contains(&first.as_str()) {
        return Some(((c0, c1), (s0, s0)));
    }
    if tok.kind != Kind::Word || !(tok.cap || lex.articles.contains(&first.as_str())) {
        return None;
    }
    let s1 = phrase_end(lex, text, toks, s0)?;
    Some(((c0, c1), (s0, s1)))
}

/// Adverbs between a verb of saying and its speaker.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "dazu", "auch", "jetzt", "allerdings", "weiter", "zudem", "nun", "dann", "noch", "ebenfalls",
    "abschließend", "ensuite", "encore", "aussi", "également", "también", "además", "luego",
    "después", "ainda", "também", "ook", "nog", "anche", "poi",
];

/// Words that join the parts of a name or a role and its complement when a capitalised word
/// follows ("Silvina del Pópolo", "Präsidentin der DLRG", "ministre de l'Intérieur").
#[rustfmt::skip]
const JOINERS: &[&str] = &[
    "von", "van", "vom", "zu", "der", "des", "de", "del", "della", "di", "da", "do", "dos", "das",
    "du", "la", "le", "d'", "d’", "y", "e", "und", "et",
];

/// Prepositions that end a speaker's phrase before its name comes ("el funcionario a la
/// agencia Reuters": the agency is who heard it).
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "a", "al", "en", "por", "con", "para", "durante", "tras", "ante", "à", "au", "aux", "pour",
    "dans", "lors", "sur", "per", "in", "nel", "nella", "em", "no", "na", "pelo", "pela", "beim",
    "im", "am", "bei", "vor", "nach", "auf", "gegenüber", "mit", "für", "an", "zum", "zur", "aan",
    "tegen", "op", "bij", "tijdens",
];

/// The last token of a speaker's phrase that starts at `s0`: its role (lower-case words,
/// for the Romance languages), its name and what joins them, up to ten tokens; it ends at
/// the sentence's end, a comma no name follows, a preposition, or, once a name has begun, a
/// word in lower case ("sagte Varga am Montag").
fn phrase_end(lex: &Lexicon, text: &str, toks: &[Token], s0: usize) -> Option<usize> {
    let cap_at = |j: usize| toks.get(j).is_some_and(|t| capitalised(text, t));
    let article_at = |j: usize| {
        toks.get(j)
            .is_some_and(|t| lex.articles.contains(&t.text(text).to_lowercase().as_str()))
    };
    let mut s1 = None;
    let mut named = false;
    for j in s0..toks.len().min(s0 + 10) {
        let t = &toks[j];
        if j > s0 && t.para_start || stops(text, toks, j) {
            break;
        }
        if t.kind == Kind::Punct {
            if t.text(text) == "," && cap_at(j + 1) {
                continue;
            }
            break;
        }
        let w = t.text(text).to_lowercase();
        if capitalised(text, t) {
            named = true;
        } else if article_at(j) && !named {
            // "le ministre", "la alcaldesa": a role in lower case follows.
        } else if JOINERS.contains(&w.as_str()) || article_at(j) {
            // Only between words of the phrase.
            if !(cap_at(j + 1) || article_at(j + 1)) {
                break;
            }
        } else if named || PREPOSITIONS.contains(&w.as_str()) {
            break;
        }
        s1 = Some(j);
    }
    s1
}

/// A word token whose first letter, past an elided article ("l'Intérieur", "d’Edouard"),
/// is a capital.
fn capitalised(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.text(text);
    let rest = ["l'", "l’", "d'", "d’"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// "Scholz sagte: „…“", "Le ministre a déclaré : « … »": the cue and the speaker's phrase
/// before the quotation and its colon.
fn before(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    r: &Region,
) -> Option<((usize, usize), (usize, usize))> {
    let colon = r.open.checked_sub(1)?;
    if toks[colon].kind != Kind::Punct || toks[colon].text(text) != ":" || toks[r.open].para_start {
        return None;
    }
    let c1 = colon.checked_sub(1)?;
    let is_cue = |k: usize| {
        toks[k].kind == Kind::Word
            && lex
                .cues
                .contains(&toks[k].text(text).to_lowercase().as_str())
    };
    // "Der Vorstandschef räumte ein: …": a separable verb's particle ends the cue.
    let particle = matches!(
        toks[c1].text(text),
        "ein" | "hinzu" | "zu" | "an" | "fest" | "klar" | "mit" | "aus"
    );
    let verb = if particle && c1 > 0 && is_cue(c1 - 1) {
        c1 - 1
    } else if is_cue(c1) && !particle {
        c1
    } else {
        return inverted_before(lex, text, toks, colon);
    };
    let mut c0 = verb;
    if c0 > 0
        && lex
            .auxiliaries
            .contains(&toks[c0 - 1].text(text).to_lowercase().as_str())
    {
        c0 -= 1;
    }
    // The subject right before the verb, back to the sentence's start (eight words at most).
    let s1 = c0.checked_sub(1)?;
    if toks[s1].kind != Kind::Word || toks[c0].para_start {
        return None;
    }
    let mut s0 = s1;
    while s0 > 0
        && s1 - s0 < 7
        && !ends(text, toks, s0 - 1)
        && !toks[s0].para_start
        && toks[s0 - 1].kind == Kind::Word
    {
        s0 -= 1;
    }
    // The subject opens its sentence ("Scholz sagte: …"), not a clause ("…, wie er auf
    // meine Anfrage erklärt: …").
    if s0 > 0 && !ends(text, toks, s0 - 1) && !toks[s0].para_start {
        return None;
    }
    let first = toks[s0].text(text).to_lowercase();
    let ok = capitalised(text, &toks[s0])
        || lex.articles.contains(&first.as_str())
        || lex.pronouns.contains(&first.as_str()) && s0 == s1;
    ok.then_some(((c0, c1), (s0, s1)))
}

/// "Dazu sagte Scholz: „…“", "Später erklärte die Ministerin: „…“": the verb second in its
/// sentence, after a word or phrase that opens it (at most four tokens), its subject after
/// it and then the colon.
fn inverted_before(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    colon: usize,
) -> Option<((usize, usize), (usize, usize))> {
    let last = colon.checked_sub(1)?;
    for k in (last.saturating_sub(6)..last).rev() {
        let t = &toks[k];
        if t.kind != Kind::Word || stops(text, toks, k) {
            return None;
        }
        if !lex.cues.contains(&t.text(text).to_lowercase().as_str()) {
            continue;
        }
        // The verb's sentence opens at most four tokens before it, with no stop between.
        let opens = (k.saturating_sub(5)..k)
            .rev()
            .find(|&j| j == 0 || ends(text, toks, j - 1) || toks[j].para_start)?;
        if k - opens > 4 || k == opens {
            return None;
        }
        let s0 = k + 1;
        let first = toks[s0].text(text).to_lowercase();
        // "Göring-Eckardt sagte den Zeitungen der Funke Mediengruppe: …": whom it was said
        // to; the speaker is the subject that opens the sentence.
        if matches!(first.as_str(), "den" | "dem") {
            let subject = (opens..k).all(|j| capitalised(text, &toks[j]));
            return subject.then_some(((k, k), (opens, k - 1)));
        }
        let starts = capitalised(text, &toks[s0]) || lex.articles.contains(&first.as_str());
        if !starts || phrase_end(lex, text, toks, s0) != Some(last) {
            return None;
        }
        return Some(((k, k), (s0, last)));
    }
    None
}

/// Endings of words for a role or an office (German nouns are capitalised: "Ministerin",
/// "Polizeisprecher"; the other languages' roles are in lower case), and titles.
fn is_role(w: &str) -> bool {
    #[rustfmt::skip]
    const ENDS: &[&str] = &[
        "meister", "meisterin", "minister", "ministerin", "sprecher", "sprecherin", "präsident",
        "präsidentin", "kanzler", "kanzlerin", "chef", "chefin", "direktor", "direktorin",
        "leiter", "leiterin", "vorsitzende", "vorsitzender", "abgeordnete", "abgeordneter",
        "professor", "professorin", "trainer", "trainerin", "experte", "expertin", "anwalt",
        "anwältin", "sekretär", "sekretärin", "botschafter", "botschafterin", "kommissar",
        "kommissarin", "richter", "richterin", "autor", "autorin", "forscher", "forscherin",
        "arzt", "ärztin", "general", "senator", "senatorin", "bischof", "analyst", "analystin",
        "ökonom", "ökonomin", "jurist", "juristin", "rechtler", "rechtlerin", "vertreter",
        "vertreterin", "ceo", "boss", "pastor", "pfarrer", "pfarrerin", "führer", "führerin",
        "gründer", "gründerin", "inhaber", "inhaberin", "vorstand", "mitglied", "youtuber",
        "oberhaupt", "beauftragte", "beauftragter",
    ];
    matches!(
        w,
        "dr." | "prof." | "mme" | "m." | "sr." | "sra." | "dott." | "sig."
    ) || ENDS.iter().any(|e| w.ends_with(e))
}

/// "explique-t-il" → ("explique", "il"); "dit-elle" → ("dit", "elle").
fn inverted(word: &str) -> Option<(&str, &str)> {
    let (verb, pronoun) = word.rsplit_once('-')?;
    let verb = verb.strip_suffix("-t").unwrap_or(verb);
    Some((verb, pronoun))
}

/// Who the speaker's phrase `(s0, s1)` names: its last run of capitalised words is the name,
/// the words before it the role ("der Minister", "le ministre de l'Intérieur Gérald
/// Darmanin"); a pronoun is the speaker named before (`last`).
fn speaker_of(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    (s0, s1): (usize, usize),
    mention: Span,
    last: &Option<Speaker>,
) -> Speaker {
    let lower = mention.text.to_lowercase();
    let pronoun = inverted(&lower)
        .map(|(_, p)| p.to_string())
        .filter(|p| lex.pronouns.contains(&p.as_str()))
        .or_else(|| {
            lex.pronouns
                .contains(&lower.as_str())
                .then(|| lower.clone())
        });
    if pronoun.is_some() {
        return Speaker {
            name: last.as_ref().and_then(|s| s.name.clone()),
            mention: Some(mention),
            role: last.as_ref().and_then(|s| s.role.clone()),
            kind: Some(SpeakerKind::Person),
        };
    }
    // The runs of capitalised words (through the particles of names: "Silvina del Pópolo",
    // "Ursula von der Leyen"). A run right after a word that joins a complement ("la
    // préfecture des Pyrénées-Atlantiques", "Präsident des Malteser Hilfsdienst") or an
    // article ("die Juristin") is no name, unless it opens with a given name. The name is
    // the first run that opens with a given name, else the first run; without the role
    // nouns that open it ("Bürgermeisterin Ilse Varga", "Zeit Online Geschäftsführer Enrique
    // Tarragona").
    let lower = |j: usize| toks[j].text(text).to_lowercase();
    // (An article or a pronoun that opens a sentence is capitalised, and no name.)
    let cap = |j: usize| {
        capitalised(text, &toks[j])
            && !lex.articles.contains(&lower(j).as_str())
            && !lex.pronouns.contains(&lower(j).as_str())
    };
    let given = |j: usize| super::gender::of_given_name(toks[j].text(text)).is_some();
    let particle = |j: usize| {
        let w = lower(j);
        matches!(
            w.as_str(),
            "von" | "van" | "vom" | "zu" | "de" | "del" | "della" | "di" | "da" | "dos" | "du"
        ) || w == "der" && j > 0 && lower(j - 1) == "von"
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut j = s0;
    while j <= s1 {
        if cap(j) {
            let b = j;
            // Particles join a given name to what follows ("Ursula von der Leyen"), not a
            // whole name to a place ("Naomi Halas von der Rice University").
            while j < s1
                && (cap(j + 1)
                    || j == b
                        && given(b)
                        && j + 2 <= s1
                        && particle(j + 1)
                        && (cap(j + 2) || particle(j + 2))
                    || j > b && particle(j) && (cap(j + 1) || particle(j + 1)))
            {
                j += 1;
            }
            // Past the last role noun of the run, unless that ends the run ("Thomas
            // Mettenleiter" is a surname, "der Leiter" alone no name).
            let a = (b..j)
                .rev()
                .find(|&k| is_role(&lower(k)))
                .map_or(b, |k| k + 1);
            if a == b && b == j && is_role(&lower(b)) {
                j += 1;
                continue;
            }
            // ("der FWR-Vorsitzende Friedrich Gepperth": a role, then the name.)
            let elided = ["l'", "l’", "d'", "d’"]
                .iter()
                .any(|p| lower(b).starts_with(p));
            let complement = elided
                || b > s0 && a == b && !given(b) && {
                    let w = lower(b - 1);
                    JOINERS.contains(&w.as_str()) || lex.articles.contains(&w.as_str())
                };
            if !complement {
                runs.push((a, j));
            }
        }
        j += 1;
    }
    let run = runs
        .iter()
        .find(|&&(a, _)| given(a))
        .or(runs.first())
        .copied();
    let (name, role) = match run {
        Some((b, e)) => {
            let role_words: Vec<&str> = (s0..b)
                .map(|j| toks[j].text(text))
                .filter(|w| *w != "," && !lex.articles.contains(&w.to_lowercase().as_str()))
                .collect();
            let role = (!role_words.is_empty()).then(|| role_words.join(" "));
            (
                Some(slice(text, toks[b].start, toks[e].end).to_string()),
                role,
            )
        }
        None => {
            let role_words: Vec<&str> = (s0..=s1)
                .map(|j| toks[j].text(text))
                .filter(|w| !lex.articles.contains(&w.to_lowercase().as_str()))
                .collect();
            (None, (!role_words.is_empty()).then(|| role_words.join(" ")))
        }
    };
    // A person when the name opens with a given name or a role noun stands before it.
    let person = name.as_deref().is_some_and(|n| {
        n.split_whitespace()
            .next()
            .is_some_and(|w| super::gender::of_given_name(w).is_some())
    }) || role
        .as_deref()
        .is_some_and(|r| r.split_whitespace().any(|w| is_role(&w.to_lowercase())));
    Speaker {
        name,
        mention: Some(mention),
        role,
        kind: person.then_some(SpeakerKind::Person),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quote, cue, speaker name, mention) of each quote found.
    fn found(language: &str, text: &str) -> Vec<(String, String, Option<String>, String)> {
        let ix = CharIndex::new(text);
        quotes(language, text, &ix)
            .into_iter()
            .map(|q| {
                assert!(q.cites(text), "{q:?}");
                let s = q.speaker.expect("a speaker");
                (
                    q.text,
                    q.cue.expect("a cue").text,
                    s.name,
                    s.mention.expect("a mention").text,
                )
            })
            .collect()
    }

    #[test]
    fn german_quotes_with_the_speaker_after_or_before() {
        let text = "Der Hafen von Dunmore bleibt geschlossen. „Wir können die Fähre nicht \
                    ersetzen“, sagte Bürgermeisterin Ilse Varga am Montag. „Das dauert \
                    mindestens ein Jahr“, so Varga.\n\nHafenmeister Dunstan Okoro sagte: \
                    „Die Kaimauer ist zu alt für die neuen Schiffe.“ „Wir warten auf das \
                    Geld aus Berlin“, fügte er hinzu.";
        let got = found("de", text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert_eq!(got[0].0, "Wir können die Fähre nicht ersetzen");
        assert_eq!(got[0].1, "sagte");
        assert_eq!(got[0].2.as_deref(), Some("Ilse Varga"));
        assert_eq!(got[1].1, "so");
        assert_eq!(got[1].2.as_deref(), Some("Varga"));
        assert_eq!(got[2].2.as_deref(), Some("Dunstan Okoro"));
        // "er" is the one named before.
        assert_eq!(got[3].3, "er");
        assert_eq!(got[3].2.as_deref(), Some("Dunstan Okoro"));
    }

    #[test]
    fn french_spanish_and_italian_layouts() {
        let text = "« Nous ne fermerons pas le port de Dunmore », a déclaré le ministre \
                    Paul Ardent. « La décision appartient aux élus locaux », explique-t-il.";
        let got = found("fr", text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].1, "a déclaré");
        assert_eq!(got[0].2.as_deref(), Some("Paul Ardent"));
        assert_eq!(got[1].3, "explique-t-il");
        assert_eq!(got[1].2.as_deref(), Some("Paul Ardent"));
        let text = "« Un excellent manœuvrier », selon un proche d'Édouard Vallin, Jean-Paul \
                    Morel.";
        let got = found("fr", text);
        assert_eq!(got[0].2.as_deref(), Some("Jean-Paul Morel"), "{got:#?}");
        // A surname that ends like a role noun stays a name.
        let text = "„Das ist ein realistisches Szenario“, sagt Thomas Mettenleiter, Präsident \
                    des Instituts.";
        let got = found("de", text);
        assert_eq!(got[0].2.as_deref(), Some("Thomas Mettenleiter"), "{got:#?}");
        let text = "“El puerto seguirá abierto todo el invierno”, dijo la alcaldesa Marta \
                    Ilves.";
        let got = found("es", text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].2.as_deref(), Some("Marta Ilves"));
        let text = "«Il traghetto partirà lunedì mattina», ha detto il sindaco Bruno Calvi.";
        let got = found("it", text);
        assert_eq!(got[0].1, "ha detto");
        assert_eq!(got[0].2.as_deref(), Some("Bruno Calvi"));
    }

    #[test]
    fn german_speakers_named_with_their_roles() {
        let text = "„Unsere Gedanken sind bei den Angehörigen“, sagte der Hafen-Vorsitzende \
                    Friedrich Brandt. „Das ist ein guter Tag für die Fähre“, sagt Naomi Halas \
                    von der Universität Dunmore. „Das bleibt eine Frage der Auslegung“, so die \
                    Juristin. „Die Liste wird immer länger“, sagte Allendorf der Dunmorer \
                    Zeitung. „Wir brauchen neue Boote“, sagt Ute Brandt, Präsidentin der \
                    Seenotretter.";
        let got = found("de", text);
        let names: Vec<Option<&str>> = got.iter().map(|g| g.2.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Friedrich Brandt"),
                Some("Naomi Halas"),
                None,
                Some("Allendorf"),
                Some("Ute Brandt")
            ],
            "{got:#?}"
        );
        assert_eq!(got[2].3, "die Juristin");
        // The verb second, its subject after it.
        let text = "Dazu sagte Hafenmeister Dunstan Okoro: „Die Kaimauer ist zu alt für die \
                    neuen Schiffe.“";
        let got = found("de", text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].1, "sagte");
        assert_eq!(got[0].2.as_deref(), Some("Dunstan Okoro"));
        // A separable verb's particle before the colon; a recipient after the verb.
        let text = "Der Hafenchef räumte ein: „Wir müssen miteinander reden.“ Ilse Varga sagte \
                    den Zeitungen der Dunmore-Gruppe: „Genau jetzt braucht es mehr Boote.“";
        let got = found("de", text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].1, "räumte ein");
        assert_eq!(got[0].3, "Der Hafenchef");
        assert_eq!(got[1].2.as_deref(), Some("Ilse Varga"));
        let text = "Auf Nachfrage sagte ein Sprecher von Dunmore Fähren: „Wir bieten einen \
                    solchen Service nicht an.“";
        let got = found("de", text);
        assert_eq!(got[0].2, None, "{got:#?}");
        assert_eq!(got[0].3, "ein Sprecher von Dunmore Fähren");
        // A verb at the end of a clause is no speaker's colon.
        let text = "Das sei schwierig, wie er auf meine Anfrage erklärt: „Zum einen profitiert \
                    immer derjenige, der viel liefert.“";
        assert_eq!(found("de", text), []);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Whatever the marks and words, every quote cites the text: its spans on character
        /// boundaries, inside it, holding its words.
        #[test]
        fn quotes_cite_the_text(
            text in "(„|“|”|«|»|\"|, |: |\\. |sagte|so|er|a déclaré|le|dijo|el|Varga|Ilse|der|Wir|können|nicht| |\n\n|é|ß){0,60}"
        ) {
            let ix = CharIndex::new(&text);
            for lang in ["de", "fr", "es"] {
                for q in quotes(lang, &text, &ix) {
                    proptest::prop_assert!(q.cites(&text), "{q:?}");
                    let s = q.speaker.expect("a speaker").mention.expect("a mention");
                    let n = text.chars().count();
                    proptest::prop_assert!(s.start <= s.end && s.end.get() <= n);
                }
            }
        }
    }

    #[test]
    fn a_quotation_with_nobody_beside_it_is_no_quote() {
        // A title in marks, a scare quote, words without a verb of saying.
        let text = "Der Film „Die lange Nacht von Dunmore“ läuft im Kino. Die „Reform“ kam \
                    spät. „Wir schaffen das schon irgendwie“ stand auf dem Plakat.";
        assert_eq!(found("de", text), []);
        // English and unknown languages are not read here.
        assert!(!reads("en"));
        assert!(!reads("ja"));
        assert!(reads("de-AT"));
    }
}
