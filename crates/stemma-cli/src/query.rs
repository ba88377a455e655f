//! The archive's queries: `search`, `quotes`, `story`, `entity`, `attention`, `errors`,
//! `stats`, `check`, `reindex`. Each opens the data directory for reading (a running ingest
//! does not block them), asks `stemma_store`, and prints with `output`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;
use stemma_store::{Archive, AttentionQuery, Bucket, QuoteQuery, SearchQuery, Store};

use crate::output::{emit, highlight, opt, resolve, Format, Output};

#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// The data directory (default: $STEMMA_DATA, else ./stemma-data).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

impl Common {
    fn open(&self) -> Result<Store> {
        Ok(Store::open_read(&stemma_store::data_dir(
            self.data.clone(),
        ))?)
    }
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find in titles, bodies and quotes (tantivy query syntax: "a phrase", -not, OR).
    query: String,
    /// Only this outlet.
    #[arg(long)]
    site: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only articles quoting this speaker.
    #[arg(long)]
    speaker: Option<String>,
    /// Only articles naming this entity (under any of its names).
    #[arg(long)]
    entity: Option<String>,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[command(flatten)]
    common: Common,
}

pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let hits = store.search(&SearchQuery {
        text: a.query,
        site: a.site,
        from: a.from,
        to: a.to,
        speaker: a.speaker,
        entity: a.entity,
        limit: a.limit,
        offset: 0,
    })?;
    let format = resolve(a.common.format);
    let term = format == Format::Table && std::io::stdout().is_terminal();
    let rows = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                (i + 1).to_string(),
                opt(&h.title),
                opt(&h.site),
                opt(&h.published),
                highlight(&h.snippet, &h.highlights, term),
                h.record.clone(),
            ]
        })
        .collect();
    emit(
        format,
        Output {
            items: &hits,
            header: &["#", "title", "outlet", "published", "snippet", "record"],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    /// Quotes by this speaker (any part of the name).
    #[arg(long)]
    speaker: Option<String>,
    /// Quotes whose words name this entity.
    #[arg(long)]
    about: Option<String>,
    /// Quotes containing these words.
    #[arg(long)]
    text: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[command(flatten)]
    common: Common,
}

pub fn quotes(a: QuotesArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let groups = store.quotes(&QuoteQuery {
        speaker: a.speaker,
        about: a.about,
        text: a.text,
        limit: a.limit,
        offset: 0,
    })?;
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.quote.clone(),
                opt(&g.speaker),
                opt(&g.first.published),
                format!("{} ({})", opt(&g.first.site), g.first.record),
                g.outlets.len().to_string(),
                g.outlets.join(", "),
                if g.stated_as_fact { "yes" } else { "" }.to_string(),
            ]
        })
        .collect();
    emit(
        resolve(a.common.format),
        Output {
            items: &groups,
            header: &[
                "quote",
                "speaker",
                "first",
                "first in",
                "outlets",
                "repeated by",
                "stated as fact",
            ],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct StoryArgs {
    /// A story id, or an article's id, URL or path.
    id: String,
    #[command(flatten)]
    common: Common,
}

pub fn story(a: StoryArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let stories = store.story(&a.id)?;
    let mut rows = Vec::new();
    for s in &stories {
        if let Some(c) = &s.credited {
            rows.push(vec![
                s.id.to_string(),
                "named origin".into(),
                c.get("name")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string(),
                c.get("url")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "not in the archive; named by the copies' notices".into(),
            ]);
        }
        for m in &s.members {
            rows.push(vec![
                s.id.to_string(),
                m.role.clone(),
                opt(&m.site),
                m.record.clone(),
                opt(&m.published),
                m.lag_days.map(|l| format!("{l:.1}")).unwrap_or_default(),
                m.shared.map(|x| format!("{x:.2}")).unwrap_or_default(),
                opt(&m.notice_state),
                if m.byline_changed { "changed" } else { "" }.to_string(),
                m.flags.join(" "),
            ]);
        }
    }
    emit(
        resolve(a.common.format),
        Output {
            items: &stories,
            header: &[
                "story",
                "role",
                "outlet",
                "record",
                "published",
                "lag days",
                "shared",
                "notice",
                "byline",
                "flags",
            ],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct EntityArgs {
    /// A name or alias.
    name: String,
    #[command(flatten)]
    common: Common,
}

pub fn entity(a: EntityArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let views = store.entity(&a.name)?;
    let mut rows = Vec::new();
    for v in &views {
        for n in &v.names {
            let by: Vec<String> = n
                .asserted_by
                .iter()
                .map(|u| format!("{} ({}): {}", opt(&u.site), u.record, u.evidence))
                .collect();
            rows.push(vec![
                v.name.clone(),
                v.kind.clone(),
                n.name.clone(),
                by.join("\n"),
                v.roles.join("; "),
                v.articles.to_string(),
                v.quotes_by.len().to_string(),
                v.quotes_about.len().to_string(),
            ]);
        }
    }
    emit(
        resolve(a.common.format),
        Output {
            items: &views,
            header: &[
                "entity",
                "kind",
                "name",
                "asserted by",
                "roles",
                "articles",
                "quotes by",
                "quotes about",
            ],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum By {
    Day,
    Week,
    Month,
}

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["entity", "query"])))]
pub struct AttentionArgs {
    /// Articles naming this entity.
    #[arg(long)]
    entity: Option<String>,
    /// Articles matching this full-text query.
    #[arg(long)]
    query: Option<String>,
    #[arg(long, value_enum, default_value_t = By::Day)]
    by: By,
    /// Only this outlet.
    #[arg(long)]
    site: Option<String>,
    #[command(flatten)]
    common: Common,
}

pub fn attention(a: AttentionArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let rows_ = store.attention(&AttentionQuery {
        entity: a.entity,
        query: a.query,
        by: match a.by {
            By::Day => Bucket::Day,
            By::Week => Bucket::Week,
            By::Month => Bucket::Month,
        },
        site: a.site,
    })?;
    let rows = rows_
        .iter()
        .map(|r| vec![r.bucket.clone(), r.articles.to_string()])
        .collect();
    emit(
        resolve(a.common.format),
        Output {
            items: &rows_,
            header: &["from", "articles"],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct PlainArgs {
    #[command(flatten)]
    common: Common,
}

pub fn errors(a: PlainArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let errs = store.errors()?;
    let rows = errs
        .iter()
        .map(|f| vec![f.input.clone(), f.reason.clone()])
        .collect();
    emit(
        resolve(a.common.format),
        Output {
            items: &errs,
            header: &["input", "reason"],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(a: PlainArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let s = store.stats()?;
    let v = serde_json::to_value(&s)?;
    let rows = v
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| vec![k.clone(), v.to_string()])
                .collect()
        })
        .unwrap_or_default();
    emit(
        resolve(a.common.format),
        Output {
            items: std::slice::from_ref(&s),
            header: &["what", "count"],
            rows,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn check(a: PlainArgs) -> Result<ExitCode> {
    let store = a.common.open()?;
    let r = store.check()?;
    let rows = if r.problems.is_empty() {
        vec![vec![
            "ok".to_string(),
            format!("{} articles, {} indexed", r.articles, r.indexed),
        ]]
    } else {
        r.problems
            .iter()
            .map(|p| vec!["problem".to_string(), p.clone()])
            .collect()
    };
    emit(
        resolve(a.common.format),
        Output {
            items: std::slice::from_ref(&r),
            header: &["status", "detail"],
            rows,
        },
    )?;
    if r.ok() {
        return Ok(ExitCode::SUCCESS);
    }
    if r.repairable_by_reindex {
        eprintln!("stemma: `stemma reindex` repairs the full-text index");
    }
    Ok(ExitCode::from(1))
}

pub fn reindex(a: PlainArgs) -> Result<ExitCode> {
    let dir = stemma_store::data_dir(a.common.data.clone());
    if !dir.join(stemma_store::DB_FILE).is_file() {
        anyhow::bail!(stemma_store::StoreError::Missing(dir));
    }
    let mut store = Store::open_write(&dir)?;
    let n = store.reindex()?;
    eprintln!(
        "stemma: {n} articles indexed in {}",
        dir.join(stemma_store::INDEX_DIR).display()
    );
    Ok(ExitCode::SUCCESS)
}
