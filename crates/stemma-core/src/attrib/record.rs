//! Record building: byte ranges to code-point offsets, attributions to quote records with
//! their speakers resolved.

use super::*;
use crate::model::{Speaker, SpeakerKind};
pub use crate::offset::CharIndex;
use crate::offset::{slice, Byte};

/// The byte range `r` as a [`Span`] in code points, with its text.
pub fn span_of(ix: &CharIndex, (a, b): Range) -> Span {
    Span {
        start: ix.at(a),
        end: ix.at(b),
        text: slice(ix.text(), a, b).to_string(),
    }
}

/// Whether attribution and entity rules apply: English, or a language nobody detected.
pub(super) fn applies(language: Option<&str>) -> bool {
    language.is_none_or(|l| l == "en" || l.starts_with("en-"))
}

/// Fill `article.entities` and `article.quotes` from its title and text (English articles;
/// others are left as they are); the quotes are speech alone ([`annotate_with`] for more).
pub fn annotate(article: &mut Article) {
    annotate_with(article, &[Mode::Speech]);
}

/// [`annotate`], keeping the quotes of `modes`.
pub fn annotate_with(article: &mut Article, modes: &[Mode]) {
    if article.text.is_empty() {
        return;
    }
    if !applies(article.language.as_deref()) {
        // Other languages: direct quotes with their speaker beside them (speech), no
        // entities.
        if let Some(lang) = article.language.as_deref().filter(|l| foreign::reads(l)) {
            if modes.contains(&Mode::Speech) {
                let ix = CharIndex::new(&article.text);
                article.quotes = foreign::quotes(lang, &article.text, &ix);
            }
        }
        return;
    }
    let text = &article.text;
    let (entities, found) =
        entities_and_quotes(article.title.as_deref(), text, &CharIndex::new(text));
    let quotes = found
        .into_iter()
        .filter(|(f, q)| is_quote_of(f, q, modes))
        .map(|(_, q)| q)
        .collect();
    article.quotes = quotes;
    article.entities = entities;
}

/// Whether a reader counts an attribution as a quote of one of `modes`: it is of one of them
/// and reports someone's words (a refusal to comment and the reporter's question are
/// attributions, not quotes).
pub fn is_quote_of(f: &Found, q: &Quote, modes: &[Mode]) -> bool {
    f.words && modes.contains(&q.mode)
}

/// The attributions of `text` as quote records, speakers resolved against `entities`.
pub fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    found_quotes(text, entities)
        .into_iter()
        .map(|(_, q)| q)
        .collect()
}

/// Each attribution found in `text` (with content) beside its quote record.
pub fn found_quotes(text: &str, entities: &[Entity]) -> Vec<(Found, Quote)> {
    found_quotes_with(text, entities, &CharIndex::new(text))
}

/// [`found_quotes`] with the text's code-point index already made (a caller that turns more
/// byte offsets into code points makes it once).
pub fn found_quotes_with(text: &str, entities: &[Entity], ix: &CharIndex) -> Vec<(Found, Quote)> {
    found_quotes_in(text, tokens::tokenize(text), entities, ix)
}

/// The entities of `text` (with its headline `title`) and each attribution found in it beside
/// its quote record, from one tokenisation of the text ([`tokens::tokenize`]) that both read.
pub fn entities_and_quotes(
    title: Option<&str>,
    text: &str,
    ix: &CharIndex,
) -> (Vec<Entity>, Vec<(Found, Quote)>) {
    let toks = tokens::tokenize(text);
    let entities = crate::entities::find_entities_in(title, text, &toks);
    let found = found_quotes_in(text, toks, &entities, ix);
    (entities, found)
}

/// [`found_quotes_with`] over the text's shared tokens.
/// "… told BBC Radio 4's Today programme: “…”": a "told" whose content runs up to a colon
/// took the listener for the words; the quotation after the colon, found as a continuation,
/// is its content.
fn told_before_colon(text: &str, found: &mut Vec<Found>) {
    let mut k = 1;
    while k < found.len() {
        let (w, c) = (&found[k - 1], &found[k]);
        let told = cues::is_tell(text_of(text, w.cue));
        let colon_between = |end: Byte| {
            text.get(end.get()..c.cue.0.get())
                .is_some_and(|gap| gap.trim() == ":")
        };
        if told && c.continued && w.content.len() == 1 && colon_between(w.content[0].1) {
            let c = found.remove(k);
            let w = &mut found[k - 1];
            w.content = c.content;
            w.kind = c.kind;
            continue;
        }
        k += 1;
    }
}

fn found_quotes_in(
    text: &str,
    toks: Vec<tokens::Token>,
    entities: &[Entity],
    ix: &CharIndex,
) -> Vec<(Found, Quote)> {
    let d = Doc::with_tokens(text, toks);
    let mut found = find_in(&d, learned::shipped());
    // A headline reports nobody's words: a reader does not count "Minister says …" above the
    // story as a quote (the story's own sentences carry it). The layout's "Name: …" headline
    // names its speaker and stays.
    if let Some(h) = headline_end(text) {
        found.retain(|f| f.cue.0 >= h || (f.source.is_some() && text_of(text, f.cue) == ":"));
    }
    let more = continued_quotes(&d, &found);
    if !more.is_empty() {
        found.extend(more);
        found.sort_by_key(|f| f.cue.0);
        told_before_colon(text, &mut found);
    }
    let mut resolver = speaker::Resolver::with_text(entities, text, d.narration(ix));
    let mut out = Vec::with_capacity(found.len());
    // Resolve in text order of the sources, so "he" follows the speaker before it.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].source.map_or(found[i].cue.0, |s| s.0));
    let mut speakers = vec![None; found.len()];
    for i in order {
        if let Some((a, mut b)) = found[i].source {
            // The mention without the comma that closed an appositive.
            while b > a && text[..b.get()].ends_with(',') {
                b = b.minus(1);
            }
            let mention = span_of(ix, (a, b));
            speakers[i] = Some(match narrator(&d, a, b) {
                Some(Narrator::Interviewee) => resolver.resolve_interviewee(&mention),
                // "I write this because …" in an essay: the writer, whom the text does not
                // name, not the person named last.
                Some(Narrator::Writer(kind)) => Speaker {
                    name: None,
                    mention: Some(mention),
                    role: None,
                    kind,
                },
                None => resolver.resolve(&mention),
            });
        }
    }
    for (mut f, speaker) in found.into_iter().zip(speakers) {
        let mode = modes::reread(&d, &mut f, speaker.as_ref());
        let (Some(&(a, _)), Some(&(_, b))) = (f.content.first(), f.content.last()) else {
            continue;
        };
        let words: Vec<&str> = f.content.iter().map(|&r| text_of(text, r)).collect();
        let content = words.join(crate::model::QUOTE_PIECE_JOINER);
        let act = if content
            .trim_end_matches(|c: char| is_closing(c))
            .ends_with('?')
        {
            SpeechAct::Question
        } else {
            f.act
        };
        let q = Quote {
            text: content,
            kind: f.kind,
            start: ix.at(a),
            end: ix.at(b),
            pieces: f
                .content
                .iter()
                .map(|&(x, y)| [ix.at(x), ix.at(y)])
                .collect(),
            cue: (!f.continued).then(|| span_of(ix, f.cue)),
            speech_act: act,
            speaker,
            confidence: f.confidence,
            mode,
            continued: f.continued,
        };
        out.push((f, q));
    }
    out
}

/// Who a first-person source in the narration is.
enum Narrator {
    /// In an interview's answer: the one interviewed.
    Interviewee,
    /// Elsewhere: the writer (a person for "I"; "we" may be the writer's paper).
    Writer(Option<SpeakerKind>),
}

/// A source that is "I" or "we" outside every quotation (inside one, the first person is the
/// quoted speaker, resolved as usual): the one interviewed when the nearest paragraph before
/// it with a label opens with the answer's ("A: I think …", "A. We did"), not the question's
/// ("Q: …"); else the writer. `None` for any other source.
fn narrator(d: &Doc, a: Byte, b: Byte) -> Option<Narrator> {
    let k = d.tok_at(a)?;
    // The whole token, or its part before a contraction ("I|’d", "we|’ve").
    let tok = d.toks[k].text(d.text);
    let whole = d.toks[k].end == b;
    let contracted = d.toks[k].start == a
        && b > a
        && tok
            .get(b.get() - a.get()..)
            .is_some_and(|rest| rest.starts_with(['\'', '’']));
    if !(whole || contracted) || d.in_any_quote(k) {
        return None;
    }
    let kind = match slice(d.text, a, b) {
        "I" | "i" => Some(SpeakerKind::Person),
        "We" | "we" => None,
        _ => return None,
    };
    let label = |line: &str, l: char| {
        let mut cs = line.chars();
        cs.next() == Some(l) && matches!(cs.next(), Some(':' | '.' | '\u{2014}'))
    };
    for line in d.text[..a.get()].rsplit('\n').take(40) {
        let line = line.trim_start();
        if label(line, 'A') {
            return Some(Narrator::Interviewee);
        }
        if label(line, 'Q') {
            break;
        }
    }
    Some(Narrator::Writer(kind))
}

/// Where the text's headline ends, when it opens with one: a first line of at most 25 words
/// with more text after it, either not ending a sentence ('.', '!', '?' before any closing
/// marks) or, set apart by a blank line, in title case ("Mayor Says Pier Will Reopen in
/// May." is a headline however it ends).
pub(super) fn headline_end(text: &str) -> Option<Byte> {
    let start = text.len() - text.trim_start().len();
    let nl = start + text[start..].find('\n')?;
    let line = text[start..nl].trim_end();
    if text[nl..].trim().is_empty() || line.split_whitespace().count() > 25 {
        return None;
    }
    let last = line.trim_end_matches(|c: char| tokens::is_quote_char(c) || c == ')');
    let set_apart = || {
        text[nl + 1..]
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n')
    };
    (!line.is_empty() && (!last.ends_with(['.', '!', '?']) || set_apart() && title_case(line)))
        .then_some(Byte::new(nl))
}

/// A line in title case: after its first word, at least three words of four letters or more,
/// and all of them capitalised but one in five at most ("Clinton Plan for Taxes Is Expansive
/// but Complex."). A sentence of the story capitalises its names only.
fn title_case(line: &str) -> bool {
    let (mut long, mut lower) = (0usize, 0usize);
    for w in line.split_whitespace().skip(1) {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() || w.chars().take_while(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        long += 1;
        lower += usize::from(first.is_lowercase());
    }
    long >= 3 && lower * 5 <= long
}

pub(super) fn is_closing(c: char) -> bool {
    tokens::is_quote_char(c) || c == ')' || c == '.'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_no_attribution() {
        let text = "Mayor says the pier will reopen\n\nThe pier will reopen in May, Mayor \
                    Ada Quill said on Friday.";
        assert_eq!(headline_end(text), Some(Byte::new(31)));
        let q = quotes(text, &[]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].text.starts_with("The pier will reopen in May"));
        // A first line that ends a sentence is the story itself.
        assert_eq!(headline_end("Ada Quill said it rained.\nIt did."), None);
        assert_eq!(headline_end("One line only"), None);
        // A headline in title case may end with a full stop, when a blank line sets it apart;
        // a story's first sentence, capitalising only its names, stays the story.
        let titled = "Harbour Board Says Pier Will Reopen in May.\n\nThe pier will reopen.";
        assert_eq!(headline_end(titled), Some(Byte::new(43)));
        let q = quotes(titled, &[]);
        assert!(q.is_empty(), "{q:?}");
        assert_eq!(
            headline_end("Harbour Board Says Pier Will Reopen in May.\nThe pier will reopen."),
            None
        );
        assert_eq!(
            headline_end("Mayor Ada Quill of Port Veyra said the pier would reopen.\n\nIt will."),
            None
        );
        assert_eq!(
            headline_end("\u{201c}We will,\u{201d} she said\n\nMore."),
            Some(Byte::new(23))
        );
    }

    #[test]
    fn the_writers_own_i_is_nobody_named_in_the_essay() {
        let text = "Senator Ada Marlow visited the harbour on Monday. Marlow said the levy \
                    would go.\n\nI write this because I grew up on the island. \
                    “I told the council twice,” Marlow said.";
        let entities = crate::entities::find_entities(None, text);
        let q = quotes(text, &entities);
        let by = |content: &str| {
            q.iter()
                .find(|q| q.text.contains(content))
                .unwrap_or_else(|| panic!("no quote with {content:?}: {q:?}"))
                .speaker
                .clone()
        };
        let writer = by("because I grew up").expect("a speaker record");
        assert_eq!(writer.name, None);
        assert_eq!(writer.kind, Some(SpeakerKind::Person));
        // The first person inside a quotation is still its speaker's.
        assert!(by("the council twice")
            .and_then(|s| s.name)
            .is_some_and(|n| n.contains("Marlow")));
    }

    #[test]
    fn i_in_an_interviews_answers_is_the_one_interviewed() {
        let text = "Q&A with harbour master Tomas Brekke\n\nHarbour master Tomas Brekke spoke \
                    to us about the ferry levy and Mayor Ada Marlow.\n\nQ: What did you tell \
                    the mayor?\n\nA: I told Mayor Marlow the levy would empty the island. \
                    Marlow did not agree. Marlow never does.\n\nShe wanted it.";
        let entities = crate::entities::find_entities(None, text);
        let q = quotes(text, &entities);
        let told = q
            .iter()
            .find(|q| q.text.contains("empty the island"))
            .unwrap_or_else(|| panic!("{q:?}"));
        assert_eq!(
            told.speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Tomas Brekke")
        );
    }
}
