//! `stemma-bench attribution`: PolNeAR exact-span precision / recall / F1 per role (source,
//! cue, content), direct quotes alone, the resolved speaker, and attribution speed.
//!
//! Gold: `../shared/bench/attribution/polnear/<split>/attributions/<name>_<annotator>.ann`
//! (brat; offsets are code points into `<split>/text/<name>.txt`). A text annotated by several
//! annotators is scored against the first annotation file in name order. Spans are compared
//! exactly: a discontinuous span matches only when every piece does.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use serde_json::{json, Value};
use stemma_core::attrib;
use stemma_core::offset::Byte;

#[derive(Args)]
pub struct AttributionArgs {
    #[command(flatten)]
    pub gate: crate::Gate,
    /// Which PolNeAR split to score: dev (reported) or train (for development).
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Write per-role misses and false alarms (TSV) under this directory.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// Score with this cue model instead of the shipped one (`none`: lexicon rules alone).
    #[arg(long)]
    pub cue_model: Option<PathBuf>,
    /// Speed: time for at least this many seconds (more rounds make the best one likelier
    /// to be a round no other process slowed).
    #[arg(long, default_value_t = 5.0)]
    pub min_seconds: f64,
    /// The speech bench: invented articles with hand-marked speech quotes (bench/speech).
    #[arg(long, default_value = "bench/speech")]
    pub speech: PathBuf,
}

/// The floors keys this bench owns.
const FLOORS: &[&str] = &["polnear_", "speech_"];

/// Pieces of one span, code points.
type Pieces = Vec<(usize, usize)>;

#[derive(Debug, Default, Clone)]
struct GoldAttr {
    source: Option<Pieces>,
    cue: Option<Pieces>,
    content: Option<Pieces>,
}

struct Article {
    name: String,
    text: String,
    gold: Vec<GoldAttr>,
}

fn parse_ann(ann: &str) -> Vec<GoldAttr> {
    let mut t: HashMap<&str, Pieces> = HashMap::new();
    let mut out = Vec::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        let digits_ok = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        if id.starts_with('T') && digits_ok {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let pieces: Option<Pieces> = ranges
                .split(';')
                .map(|r| {
                    let mut it = r.split_whitespace();
                    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
                })
                .collect();
            if let Some(p) = pieces {
                t.insert(id, p);
            }
        } else if id.starts_with('E') && digits_ok {
            events.push(body);
        }
    }
    for body in events {
        let mut g = GoldAttr::default();
        for kv in body.split_whitespace() {
            let Some((k, v)) = kv.split_once(':') else {
                continue;
            };
            let role = k.trim_end_matches(|c: char| c.is_ascii_digit());
            let span = t.get(v).cloned();
            match role {
                "Source" => g.source = span,
                "Cue" => g.cue = span,
                "Content" => g.content = span,
                _ => {}
            }
        }
        out.push(g);
    }
    out
}

fn load(shared: &Path, split: &str) -> Result<Vec<Article>> {
    let base = shared.join("bench/attribution/polnear").join(split);
    let mut anns: Vec<PathBuf> = fs::read_dir(base.join("attributions"))
        .with_context(|| format!("reading {}", base.join("attributions").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ann in anns {
        let file = ann.file_name().unwrap().to_string_lossy().to_string();
        let stem = file.trim_end_matches(".ann");
        let name = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        if !seen.insert(name.clone()) {
            continue;
        }
        let text = fs::read_to_string(base.join("text").join(format!("{name}.txt")))
            .with_context(|| format!("text of {name}"))?;
        let gold = parse_ann(&fs::read_to_string(&ann)?);
        out.push(Article { name, text, gold });
    }
    Ok(out)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn json(&self) -> Value {
        json!({"p": self.p(), "r": self.r(), "f1": self.f1(), "tp": self.tp, "fp": self.fp, "fn": self.fn_})
    }
    /// Count a multiset match of `pred` against `gold`.
    fn add(&mut self, gold: &[Pieces], pred: &[Pieces]) -> (Vec<Pieces>, Vec<Pieces>) {
        let mut g: BTreeMap<&Pieces, usize> = BTreeMap::new();
        for x in gold {
            *g.entry(x).or_default() += 1;
        }
        let mut fps = Vec::new();
        for x in pred {
            match g.get_mut(x) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.tp += 1;
                }
                _ => {
                    self.fp += 1;
                    fps.push(x.clone());
                }
            }
        }
        let mut fns = Vec::new();
        for (x, n) in g {
            self.fn_ += n;
            for _ in 0..n {
                fns.push(x.clone());
            }
        }
        (fps, fns)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Default)]
struct SpeakerScore {
    /// Gold attributions whose source names someone.
    gold: usize,
    /// … for whose cue stemma resolved a named speaker.
    predicted: usize,
    /// … and the name is the gold one.
    right: usize,
}

/// The last word of a gold source that names someone ("Sen. Susan Collins" → "collins"), or
/// `None` for pronouns and descriptions ("he", "a source", "the campaign").
fn gold_name(src: &str) -> Option<String> {
    let head = src.split(',').next().unwrap_or(src).trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let caps: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    let first = words.first()?;
    let lowered = first.to_lowercase();
    if words.len() == 1
        && matches!(
            lowered.as_str(),
            "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who"
        )
    {
        return None;
    }
    let last = caps.last()?;
    let last = last
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_matches(|c: char| !c.is_alphanumeric());
    (!last.is_empty()
        && !matches!(
            last.to_lowercase().as_str(),
            "the" | "a" | "an" | "he" | "she" | "they" | "it" | "we" | "i"
        ))
    .then(|| last.to_lowercase())
}

/// stemma's attributions of one text, in code points.
struct Pred {
    source: Option<Pieces>,
    cue: Pieces,
    content: Pieces,
    direct: bool,
}

fn predict(text: &str, model: Option<&attrib::learned::Model>) -> Vec<Pred> {
    let found = attrib::find_with(text, model);
    let ix = attrib::CharIndex::new(text);
    found
        .into_iter()
        .map(|f| {
            let conv = |r: attrib::Range| {
                let s = attrib::span_of(&ix, r);
                (s.start.get(), s.end.get())
            };
            Pred {
                cue: vec![conv(f.cue)],
                source: f.source.map(|r| vec![conv(r)]),
                content: f.content.iter().map(|&r| conv(r)).collect(),
                direct: f.kind == stemma_core::QuoteKind::Direct,
            }
        })
        .collect()
}

/// Gold and predicted spans of one article, per role: source, cue, content.
fn role_spans(a: &Article, preds: &[Pred]) -> [(Vec<Pieces>, Vec<Pieces>); 3] {
    let gold = |f: fn(&GoldAttr) -> Option<&Pieces>| -> Vec<Pieces> {
        a.gold.iter().filter_map(|g| f(g).cloned()).collect()
    };
    [
        (
            gold(|g| g.source.as_ref()),
            preds.iter().filter_map(|p| p.source.clone()).collect(),
        ),
        (
            gold(|g| g.cue.as_ref()),
            preds.iter().map(|p| p.cue.clone()).collect(),
        ),
        (
            gold(|g| g.content.as_ref()),
            preds.iter().map(|p| p.content.clone()).collect(),
        ),
    ]
}

/// A dump's rows for one role of one article: each false alarm and each miss, with its
/// spans and text.
fn miss_rows(a: &Article, chars: &[char], fps: &[Pieces], fns: &[Pieces], rows: &mut Vec<String>) {
    for (tag, x) in fps
        .iter()
        .map(|x| ("FP", x))
        .chain(fns.iter().map(|x| ("FN", x)))
    {
        rows.push(format!(
            "{}\t{tag}\t{x:?}\t{}",
            a.name,
            slice_chars(chars, x)
        ));
    }
}

/// For each predicted cue that matches a gold one: whether the source and the content are
/// right too. Returns (such cues, right sources, right contents); with `rows`, writes a dump
/// row per wrong source or content (its cue's text, gold, prediction, the cue's spans).
fn given_cue_check(
    a: &Article,
    chars: &[char],
    preds: &[Pred],
    mut rows: Option<&mut Vec<String>>,
) -> (usize, usize, usize) {
    let show = |x: Option<&Pieces>| x.map_or("-".to_string(), |x| slice_chars(chars, x));
    let (mut n, mut src_right, mut con_right) = (0, 0, 0);
    for p in preds {
        let Some(g) = a.gold.iter().find(|g| g.cue.as_ref() == Some(&p.cue)) else {
            continue;
        };
        n += 1;
        for (tag, gold, pred, right) in [
            ("SRC", g.source.as_ref(), p.source.as_ref(), &mut src_right),
            ("CON", g.content.as_ref(), Some(&p.content), &mut con_right),
        ] {
            if gold == pred {
                *right += 1;
            } else if let Some(rows) = rows.as_deref_mut() {
                rows.push(format!(
                    "{}\t{tag}\t{}\tgold={}\tpred={}\t{:?}",
                    a.name,
                    show(Some(&p.cue)),
                    show(gold),
                    show(pred),
                    p.cue
                ));
            }
        }
    }
    (n, src_right, con_right)
}

/// Write each role's dump rows to `DIR/ROLE.tsv`.
fn write_misses(dir: &std::path::Path, misses: &BTreeMap<&str, Vec<String>>) -> Result<()> {
    fs::create_dir_all(dir)?;
    for (name, rows) in misses {
        fs::write(dir.join(format!("{name}.tsv")), rows.join("\n") + "\n")?;
    }
    Ok(())
}

/// The text of a span's pieces, one line (pieces joined by " | ").
fn slice_chars(chars: &[char], p: &Pieces) -> String {
    p.iter()
        .map(|&(s, e)| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" | ")
        .replace(['\n', '\t'], " ")
}

fn is_direct_gold(text_chars: &[char], p: &Pieces) -> bool {
    p.first()
        .and_then(|&(s, _)| text_chars.get(s))
        .is_some_and(|&c| stemma_core::attrib::tokens::is_quote_char(c))
}

pub fn run(args: &AttributionArgs) -> Result<bool> {
    let arts = load(&args.gate.shared, &args.split)?;
    let own_model;
    let model = match &args.cue_model {
        None => attrib::learned::shipped(),
        Some(p) if p.as_os_str() == "none" => None,
        Some(p) => {
            let mut m = attrib::learned::Model::from_bytes(&fs::read(p)?)
                .with_context(|| format!("{} is not a cue model", p.display()))?;
            if let Some(s) = std::env::var("STEMMA_CUE_SHIFT")
                .ok()
                .and_then(|s| s.parse().ok())
            {
                m.shift(s);
            }
            own_model = m;
            Some(&own_model)
        }
    };
    let n_gold: usize = arts.iter().map(|a| a.gold.len()).sum();
    println!(
        "== PolNeAR {} ({} articles, {} gold attributions; exact spans) ==",
        args.split,
        arts.len(),
        n_gold
    );
    let (mut src, mut cue, mut content, mut direct) = (
        Prf::default(),
        Prf::default(),
        Prf::default(),
        Prf::default(),
    );
    let mut misses: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut given_cue = (0usize, 0usize, 0usize);
    let mut speaker = SpeakerScore::default();
    let mut given_rows: Vec<String> = Vec::new();
    // Resolved speakers that miss the gold name (`--dump`: speaker.tsv).
    let mut speaker_rows: Vec<String> = Vec::new();
    for a in &arts {
        let preds = predict(&a.text, model);
        let chars: Vec<char> = a.text.chars().collect();
        let slice = |p: &Pieces| slice_chars(&chars, p);
        let [(gs, ps), (gc, pc), (gk, pk)] = role_spans(a, &preds);
        let gd: Vec<Pieces> = gk
            .iter()
            .filter(|p| is_direct_gold(&chars, p))
            .cloned()
            .collect();
        let pd: Vec<Pieces> = preds
            .iter()
            .filter(|p| p.direct)
            .map(|p| p.content.clone())
            .collect();
        // The resolved speaker, where the gold source names someone: the speaker stemma
        // resolves for the same cue must carry the gold name's last word.
        {
            let ents = stemma_core::entities::find_entities(None, &a.text);
            let ix = attrib::CharIndex::new(&a.text);
            let named: HashMap<(usize, usize), Option<(String, String)>> =
                attrib::found_quotes(&a.text, &ents)
                    .into_iter()
                    .map(|(f, q)| {
                        let c = attrib::span_of(&ix, f.cue);
                        let said = q.speaker.and_then(|s| {
                            let m = s.mention.map(|m| m.text).unwrap_or_default();
                            s.name.map(|n| (n, m))
                        });
                        ((c.start.get(), c.end.get()), said)
                    })
                    .collect();
            for g in &a.gold {
                let (Some(src), Some(cue)) = (&g.source, &g.cue) else {
                    continue;
                };
                if cue.len() != 1 {
                    continue;
                }
                let Some(last) = gold_name(&slice(src)) else {
                    continue;
                };
                speaker.gold += 1;
                if let Some(Some((name, mention))) = named.get(&cue[0]) {
                    speaker.predicted += 1;
                    if name
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| w.trim_end_matches("'s").trim_end_matches("’s") == last)
                    {
                        speaker.right += 1;
                    } else if args.dump.is_some() {
                        speaker_rows.push(format!("{}\t{}\t{name}\t{mention}", a.name, slice(src)));
                    }
                }
            }
        }
        // Given a correct cue: is the source / content right too?
        let (n, src_right, con_right) = given_cue_check(
            a,
            &chars,
            &preds,
            args.dump.is_some().then_some(&mut given_rows),
        );
        given_cue.0 += n;
        given_cue.1 += src_right;
        given_cue.2 += con_right;
        for (name, prf, g, p) in [
            ("source", &mut src, &gs, &ps),
            ("cue", &mut cue, &gc, &pc),
            ("content", &mut content, &gk, &pk),
            ("direct", &mut direct, &gd, &pd),
        ] {
            let (fps, fns) = prf.add(g, p);
            if args.dump.is_some() {
                miss_rows(a, &chars, &fps, &fns, misses.entry(name).or_default());
            }
        }
    }
    println!(
        "{:<22} {:>8} {:>8} {:>8}   published F1 (rules / CRF / BiLSTM-CRF / BERT)",
        "role", "P", "R", "F1"
    );
    let published = [
        ("source", "0.11 / 0.51 / 0.70 / 0.83"),
        ("cue", "0.23 / 0.53 / 0.67 / 0.75"),
        ("content", "0.06 / 0.29 / 0.59 / 0.73"),
        ("direct quotes", ""),
    ];
    for ((name, pubd), prf) in published.iter().zip([&src, &cue, &content, &direct]) {
        println!(
            "{:<22} {:>8.4} {:>8.4} {:>8.4}   {}",
            name,
            prf.p(),
            prf.r(),
            prf.f1(),
            pubd
        );
    }

    println!(
        "given a correct cue ({}): source right {:.4}, content right {:.4}",
        given_cue.0,
        ratio(given_cue.1, given_cue.0),
        ratio(given_cue.2, given_cue.0)
    );
    misses.insert("given_cue", given_rows);
    misses.insert("speaker", speaker_rows);
    let sp = Prf {
        tp: speaker.right,
        fp: speaker.predicted - speaker.right,
        fn_: speaker.gold - speaker.right,
    };
    println!(
        "resolved speaker, gold sources that name someone ({}): P {:.4} R {:.4} F1 {:.4}",
        speaker.gold,
        sp.p(),
        sp.r(),
        sp.f1()
    );

    // What a reader means: speech quotes and their speakers in invented news.
    let (n_speech, speech, speech_rows) = crate::speech::run(&args.speech)?;
    println!(
        "== speech bench ({} invented articles, {} gold speech quotes; found at 30% cover) ==\n\
         speech quotes: P {:.4} R {:.4} F1 {:.4}; speaker right {:.4} of {} found",
        n_speech,
        speech.gold,
        speech.precision(),
        speech.recall(),
        speech.f1(),
        speech.speaker(),
        speech.found
    );
    misses.insert("speech", speech_rows);

    // Speed, one thread: attribution alone, and attribution + entities + speakers (what
    // `stemma extract` adds to each record).
    let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
    // Each round covers every article; the best round is reported (other processes on a shared
    // machine only ever add time), the median beside it.
    struct Rate {
        best: f64,
        median: f64,
        mb: f64,
        found: usize,
    }
    let time = |f: &dyn Fn(&str) -> usize| {
        let t0 = Instant::now();
        let mut rounds: Vec<f64> = Vec::new();
        let mut found = 0;
        while rounds.len() < 5 || t0.elapsed().as_secs_f64() < args.min_seconds {
            let t = Instant::now();
            found = arts.iter().map(|a| f(&a.text)).sum();
            rounds.push(t.elapsed().as_secs_f64());
        }
        rounds.sort_by(f64::total_cmp);
        let (best, median) = (rounds[0], rounds[rounds.len() / 2]);
        Rate {
            best: arts.len() as f64 / best,
            median: arts.len() as f64 / median,
            mb: bytes as f64 / best / 1e6,
            found,
        }
    };
    let find = time(&|t| attrib::find_with(t, model).len());
    // As `stemma attribute` and `annotate` run it: one tokenisation for both engines.
    let full = time(&|t| {
        let (e, q) = attrib::entities_and_quotes(None, t, &attrib::CharIndex::new(t));
        q.len() + e.len()
    });
    println!(
        "speed (1 thread, best round; median in brackets): attribution {:.0} articles/s [{:.0}] \
         ({:.1} µs/article, {:.1} MB/s; {} found); with entities and speakers {:.0} articles/s \
         [{:.0}] ({:.1} µs/article, {:.1} MB/s)",
        find.best,
        find.median,
        1e6 / find.best,
        find.mb,
        find.found,
        full.best,
        full.median,
        1e6 / full.best,
        full.mb
    );

    let mut measured: BTreeMap<&'static str, f64> = BTreeMap::new();
    if args.split == "dev" {
        measured.insert("polnear_source_f1", src.f1());
        measured.insert("polnear_cue_f1", cue.f1());
        measured.insert("polnear_content_f1", content.f1());
    }
    measured.insert("speech_quote_f1", speech.f1());
    measured.insert("speech_speaker", speech.speaker());
    let failures = crate::floors::gate(args.gate.floors.as_deref(), FLOORS, &measured, None);
    let ok = failures.as_ref().is_none_or(Vec::is_empty);
    if let Some(dir) = &args.dump {
        write_misses(dir, &misses)?;
    }
    if let Some(path) = &args.gate.json {
        let v = json!({
            "split": args.split,
            "articles": arts.len(),
            "gold_attributions": n_gold,
            "source": src.json(),
            "cue": cue.json(),
            "content": content.json(),
            "direct": direct.json(),
            "speaker": sp.json(),
            "speech": {"articles": n_speech, "gold": speech.gold, "p": speech.precision(),
                "r": speech.recall(), "f1": speech.f1(), "speaker": speech.speaker()},
            "articles_per_s": {"attribution": find.best, "with_entities_and_speakers": full.best,
                "median_attribution": find.median, "median_with_entities_and_speakers": full.median},
        });
        fs::write(path, serde_json::to_string_pretty(&v)?)?;
    }
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_events_and_discontinuous_spans() {
        let ann = "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 11 15;20 25\tx\nT4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T1\tnote\n";
        let g = parse_ann(ann);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].source, Some(vec![(0, 5)]));
        assert_eq!(g[0].content, Some(vec![(11, 15), (20, 25)]));
    }

    #[test]
    fn multiset_matching() {
        let mut p = Prf::default();
        p.add(&[vec![(0, 1)], vec![(0, 1)]], &[vec![(0, 1)], vec![(2, 3)]]);
        assert_eq!((p.tp, p.fp, p.fn_), (1, 1, 1));
    }
}

/// `stemma-bench train-cues`: train the cue tagger on PolNeAR train and write its weights.
#[derive(Args)]
pub struct TrainArgs {
    /// The shared data directory (read-only).
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Where to write the weights.
    #[arg(long, default_value = "crates/stemma-core/src/attrib/cues.bin")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 25)]
    pub epochs: usize,
    /// L2 regularisation.
    #[arg(long, default_value_t = 1e-4)]
    pub l2: f32,
    /// Leave out features seen fewer times than this in training.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Experiment aid: write the per-token features of `--split`'s sentences to this file
    /// (one token a line: label, candidate flag, feature ids; a blank line ends a sentence)
    /// instead of training.
    #[arg(long, hide = true)]
    pub dump_features: Option<PathBuf>,
    #[arg(long, default_value = "train", hide = true)]
    pub split: String,
    /// Instead of writing weights: K-fold cross-validation on PolNeAR train (train on K-1
    /// folds, score the attributions of the held-out fold), printing exact-span F1 per role
    /// over all folds. Steadier than dev alone for comparing features (10 times the data).
    #[arg(long)]
    pub cv: Option<usize>,
    /// With `--cv`: write each role's held-out misses and false alarms (TSV, as
    /// `attribution --dump` does) under this directory.
    #[arg(long, hide = true)]
    pub cv_dump: Option<PathBuf>,
}

/// Code-point spans → byte spans of `text`.
fn to_bytes(text: &str, spans: &[(usize, usize)]) -> Vec<attrib::Range> {
    let mut offs: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    offs.push(text.len());
    spans
        .iter()
        .filter(|&&(s, e)| s <= e && e < offs.len())
        .map(|&(s, e)| (Byte::new(offs[s]), Byte::new(offs[e])))
        .collect()
}

/// The cue tagger's training sentences of one article: its gold cue spans, as bytes.
fn training_sents(a: &Article) -> Vec<attrib::learned::Sentence> {
    let spans: Vec<(usize, usize)> = a
        .gold
        .iter()
        .filter_map(|g| g.cue.clone())
        .flatten()
        .collect();
    attrib::cue_training_sents(&a.text, &to_bytes(&a.text, &spans))
}

pub fn train(args: &TrainArgs) -> Result<bool> {
    if let Some(path) = &args.dump_features {
        use std::fmt::Write as _;
        let arts = load(&args.shared, &args.split)?;
        let mut out = String::new();
        for a in &arts {
            for sent in training_sents(a) {
                for (f, y, c) in sent {
                    let _ = write!(out, "{} {}", y as u8, c as u8);
                    for x in f {
                        let _ = write!(out, " {x}");
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        fs::write(path, out)?;
        return Ok(true);
    }
    let arts = load(&args.shared, "train")?;
    if let Some(k) = args.cv.filter(|&k| k >= 2) {
        let sents: Vec<Vec<attrib::learned::Sentence>> = arts.iter().map(training_sents).collect();
        let (mut src, mut cue, mut content) = (Prf::default(), Prf::default(), Prf::default());
        let mut misses: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for fold in 0..k {
            let data: Vec<attrib::learned::Sentence> = sents
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .flat_map(|(_, s)| s.iter().cloned())
                .collect();
            let w = attrib::learned::train_crf(&data, args.epochs, args.l2, args.min_count);
            let model = attrib::learned::Model::from_bytes(&attrib::learned::Model::to_bytes(&w))
                .context("the trained weights do not read back")?;
            for a in arts
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k == fold)
                .map(|(_, a)| a)
            {
                let preds = predict(&a.text, Some(&model));
                let chars: Vec<char> = a.text.chars().collect();
                for ((prf, role), (g, p)) in [&mut src, &mut cue, &mut content]
                    .into_iter()
                    .zip(["source", "cue", "content"])
                    .zip(role_spans(a, &preds))
                {
                    let (fps, fns) = prf.add(&g, &p);
                    if args.cv_dump.is_some() {
                        miss_rows(a, &chars, &fps, &fns, misses.entry(role).or_default());
                    }
                }
                if args.cv_dump.is_some() {
                    given_cue_check(
                        a,
                        &chars,
                        &preds,
                        Some(misses.entry("given_cue").or_default()),
                    );
                }
            }
        }
        println!(
            "{k}-fold cross-validation on PolNeAR train ({} articles), exact-span F1: source {:.4}  cue {:.4}  content {:.4}",
            arts.len(),
            src.f1(),
            cue.f1(),
            content.f1()
        );
        if let Some(dir) = &args.cv_dump {
            write_misses(dir, &misses)?;
        }
        return Ok(true);
    }
    let data: Vec<attrib::learned::Sentence> = arts.iter().flat_map(training_sents).collect();
    let tokens: usize = data.iter().map(Vec::len).sum();
    let pos: usize = data.iter().flatten().filter(|x| x.1).count();
    println!(
        "training on {} sentences, {} tokens ({} in cues), {} epochs",
        data.len(),
        tokens,
        pos,
        args.epochs
    );
    let t0 = Instant::now();
    let w = attrib::learned::train_crf(&data, args.epochs, args.l2, args.min_count);
    let bytes = attrib::learned::Model::to_bytes(&w);
    fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "wrote {} ({} KiB) in {:.1} s",
        args.out.display(),
        bytes.len() / 1024,
        t0.elapsed().as_secs_f64()
    );
    Ok(true)
}
