//! The speech bench: invented articles with hand-marked speech quotes (`bench/speech`, see its
//! README), scored as a reader means "who said what" (issue 13's held-out check): a gold
//! quote is found when a predicted speech quote covers at least 30% of it, a prediction is
//! right when it covers 30% of some gold quote, and the speaker is right when the found
//! quote's `speaker.name` (else its mention) holds every word of the gold speaker.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use stemma_core::attrib;
use stemma_core::model::{Char, Mode, Quote};

/// The share of a gold quote a prediction must cover.
const COVER: f64 = 0.3;

/// One hand-marked quote: its pieces (code points into the stripped text) and speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    pub pieces: Vec<(usize, usize)>,
    pub speaker: String,
}

/// One article of the bench: the text as read, and its gold.
pub struct Article {
    pub name: String,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// Strip the `[[content|speaker]]` / `[[content|speaker|id]]` marks from `marked`: the text and
/// the gold quotes, pieces sharing an id joined into one quote.
pub fn parse(marked: &str) -> Result<(String, Vec<Gold>)> {
    let mut text = String::with_capacity(marked.len());
    let mut chars = 0usize;
    let mut gold: Vec<Gold> = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        let before = &rest[..open];
        text.push_str(before);
        chars += before.chars().count();
        let after = &rest[open + 2..];
        let Some(close) = after.find("]]") else {
            bail!(
                "a mark opened at byte {} is never closed",
                marked.len() - rest.len() + open
            );
        };
        let inner = &after[..close];
        let mut fields = inner.split('|');
        let content = fields.next().unwrap_or("");
        let (Some(speaker), id, None) = (fields.next(), fields.next(), fields.next()) else {
            bail!("a mark needs content|speaker or content|speaker|id: {inner:?}");
        };
        if content.contains("[[") || content.is_empty() || speaker.trim().is_empty() {
            bail!("an empty or nested mark: {inner:?}");
        }
        let n = content.chars().count();
        let piece = (chars, chars + n);
        text.push_str(content);
        chars += n;
        match id.and_then(|id| ids.get(id).copied()) {
            Some(k) => gold[k].pieces.push(piece),
            None => {
                if let Some(id) = id {
                    ids.insert(id.to_string(), gold.len());
                }
                gold.push(Gold {
                    pieces: vec![piece],
                    speaker: speaker.trim().to_string(),
                });
            }
        }
        rest = &after[close + 2..];
    }
    if rest.contains("]]") {
        bail!("a mark closed that was never opened");
    }
    text.push_str(rest);
    Ok((text, gold))
}

/// Every `*.txt` of `dir`, in name order.
pub fn load(dir: &Path) -> Result<Vec<Article>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let marked =
                fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            let (text, gold) = parse(&marked).with_context(|| format!("in {}", p.display()))?;
            let name = p.file_stem().unwrap_or_default().to_string_lossy().into();
            Ok(Article { name, text, gold })
        })
        .collect()
}

/// Code points of `pieces` inside `gold`'s pieces.
fn overlap(pieces: &[[Char; 2]], gold: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &[a, b] in pieces {
        let (a, b) = (a.get(), b.get());
        for &(x, y) in gold {
            n += b.min(y).saturating_sub(a.max(x));
        }
    }
    n
}

/// The share of `gold` that `q`'s content covers.
fn cover(q: &Quote, gold: &Gold) -> f64 {
    let len: usize = gold.pieces.iter().map(|&(a, b)| b - a).sum();
    if len == 0 {
        return 0.0;
    }
    overlap(&q.pieces, &gold.pieces) as f64 / len as f64
}

/// Lower-case words, apostrophes and a possessive's "s" dropped ("Consumers' Council" →
/// consumers, council; "Kimathi's" → kimathi).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            w.replace(['\'', '’'], "").to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `q`'s speaker (its name, else the mention) holds every word of `gold`.
fn speaker_right(q: &Quote, gold: &str) -> bool {
    let said = q
        .speaker
        .as_ref()
        .and_then(|s| {
            s.name
                .clone()
                .or_else(|| s.mention.as_ref().map(|m| m.text.clone()))
        })
        .unwrap_or_default();
    let said = words(&said);
    words(gold).iter().all(|w| said.contains(w))
}

/// The speech quotes stemma gives `text`, as `stemma attribute --modes speech` reads a file.
pub fn predict(text: &str) -> Vec<Quote> {
    let entities = stemma_core::entities::find_entities(None, text);
    attrib::found_quotes(text, &entities)
        .into_iter()
        .filter(|(f, q)| attrib::is_quote_of(f, q, &[Mode::Speech]))
        .map(|(_, q)| q)
        .collect()
}

/// The bench's counts.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub found: usize,
    pub predicted: usize,
    pub right: usize,
    pub speaker_right: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Speakers right among the quotes found.
    pub fn speaker(&self) -> f64 {
        ratio(self.speaker_right, self.found)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn clip(text: &str, pieces: impl Iterator<Item = (usize, usize)>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let parts: Vec<String> = pieces
        .map(|(a, b)| {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect()
        })
        .collect();
    parts.join(" … ").replace(['\t', '\n'], " ")
}

/// Score one article's predictions against its gold; `rows` gets a TSV line per error
/// (missed quote, false alarm, wrong speaker).
pub fn score(a: &Article, preds: &[Quote], rows: &mut Vec<String>) -> Score {
    let mut s = Score {
        gold: a.gold.len(),
        predicted: preds.len(),
        ..Score::default()
    };
    for g in &a.gold {
        let best = preds
            .iter()
            .map(|q| (cover(q, g), q))
            .filter(|(c, _)| *c >= COVER)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        let gtext = clip(&a.text, g.pieces.iter().copied());
        match best {
            None => rows.push(format!("{}\tmissed\t{}\t{}\t", a.name, g.speaker, gtext)),
            Some((_, q)) => {
                s.found += 1;
                if speaker_right(q, &g.speaker) {
                    s.speaker_right += 1;
                } else {
                    let sp = q.speaker.as_ref();
                    let said = format!(
                        "name={:?} mention={:?}",
                        sp.and_then(|s| s.name.as_deref()).unwrap_or(""),
                        sp.and_then(|s| s.mention.as_ref())
                            .map_or("", |m| m.text.as_str())
                    );
                    rows.push(format!(
                        "{}\tspeaker\t{}\t{}\t{}",
                        a.name, g.speaker, gtext, said
                    ));
                }
            }
        }
    }
    for q in preds {
        if a.gold.iter().any(|g| cover(q, g) >= COVER) {
            s.right += 1;
        } else {
            let name = q.speaker.as_ref().and_then(|s| {
                s.name
                    .clone()
                    .or_else(|| s.mention.as_ref().map(|m| m.text.clone()))
            });
            rows.push(format!(
                "{}\tfalse\t{}\t{}\t{}",
                a.name,
                name.unwrap_or_default(),
                clip(&a.text, q.pieces.iter().map(|&[x, y]| (x.get(), y.get()))),
                q.cue.as_ref().map_or("", |c| c.text.as_str())
            ));
        }
    }
    s
}

/// Score every article of `dir`: the totals and the error rows.
pub fn run(dir: &Path) -> Result<(usize, Score, Vec<String>)> {
    let arts = load(dir)?;
    let mut total = Score::default();
    let mut rows = Vec::new();
    for a in &arts {
        let s = score(a, &predict(&a.text), &mut rows);
        total.gold += s.gold;
        total.found += s.found;
        total.predicted += s.predicted;
        total.right += s.right;
        total.speaker_right += s.speaker_right;
    }
    Ok((arts.len(), total, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stripped_and_interrupted_quotes_joined() {
        let (text, gold) = parse(
            "Héad\n\n“[[We will,|Ann Lee|a]]” she said, “[[and soon.|Ann Lee|a]]” \
             Bo said [[it rained|Bo Ek]].",
        )
        .unwrap();
        assert_eq!(
            text,
            "Héad\n\n“We will,” she said, “and soon.” Bo said it rained."
        );
        assert_eq!(gold.len(), 2);
        let chars: Vec<char> = text.chars().collect();
        let s = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
        assert_eq!(s(gold[0].pieces[0]), "We will,");
        assert_eq!(s(gold[0].pieces[1]), "and soon.");
        assert_eq!(s(gold[1].pieces[0]), "it rained");
        assert_eq!(gold[1].speaker, "Bo Ek");
        assert!(parse("a [[b|c").is_err());
        assert!(parse("a [[b]] c").is_err());
        assert!(parse("a b]] c").is_err());
    }

    #[test]
    fn a_quote_is_found_at_30_percent_and_the_speaker_needs_every_word() {
        let text = "Ann Lee said [[the plan would fail badly|Ann Lee]]. Rain fell.";
        let (text, gold) = parse(text).unwrap();
        let a = Article {
            name: "t".into(),
            text,
            gold,
        };
        let q = |a: usize, b: usize, name: Option<&str>| Quote {
            text: String::new(),
            kind: stemma_core::model::QuoteKind::Indirect,
            start: Char::new(a),
            end: Char::new(b),
            pieces: vec![[Char::new(a), Char::new(b)]],
            cue: None,
            speech_act: stemma_core::model::SpeechAct::Statement,
            speaker: Some(stemma_core::model::Speaker {
                name: name.map(String::from),
                mention: None,
                role: None,
                kind: None,
            }),
            confidence: 1.0,
            mode: Mode::Speech,
            continued: false,
        };
        let mut rows = Vec::new();
        // "the plan would fail badly" is 13..38; 8 of its 25 code points is 32%.
        let s = score(
            &a,
            &[q(30, 45, Some("Ann Lee")), q(40, 50, None)],
            &mut rows,
        );
        assert_eq!(
            (s.found, s.right, s.predicted, s.speaker_right),
            (1, 1, 2, 1)
        );
        let s = score(&a, &[q(32, 45, Some("Lee"))], &mut rows);
        assert_eq!((s.found, s.speaker_right), (0, 0));
        let s = score(&a, &[q(13, 38, Some("Lee"))], &mut rows);
        assert_eq!((s.found, s.speaker_right), (1, 0));
        assert_eq!(
            words("Consumers' Council of Eastmark"),
            ["consumers", "council", "of", "eastmark"]
        );
        assert_eq!(
            words("Ruth Kimathi's office"),
            ["ruth", "kimathi", "office"]
        );
    }
}
