//! `/article/{id}`: one stored record: headline, byline, outlet, dates, tags, the
//! republication notice, the clean text with every quote marked and linked to its speaker,
//! the people and organisations it names, and the stories it belongs to with their copies.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use stemma_core::Article;
use stemma_store::{Archive, ArticleView, StoreError, StoryView};

use super::text::{body, entity_href, safe_url, Piece, QuoteSpan};
use super::{page, parse_id, segment, title_or, Segment};
use crate::error::ApiError;
use crate::state::AppState;

/// A link whose target may be missing (shown as text then).
pub struct MaybeLink {
    pub text: String,
    pub href: Option<String>,
}

impl MaybeLink {
    /// `text` linked to `url` when that is an http(s) URL.
    pub fn external(text: &str, url: Option<&str>) -> MaybeLink {
        MaybeLink {
            text: text.to_string(),
            href: url.and_then(safe_url).map(str::to_string),
        }
    }
}

pub struct Notice {
    pub name: String,
    pub link: Option<MaybeLink>,
    pub published: String,
    pub evidence: String,
}

pub struct NamedLink {
    pub name: String,
    pub href: String,
    pub detail: String,
}

pub struct MemberRow {
    pub href: String,
    pub outlet: String,
    pub date: String,
    pub role: String,
    pub shared: String,
    pub this: bool,
}

pub struct StoryBox {
    pub href: String,
    pub id: i64,
    pub role: String,
    pub size: i64,
    pub members: Vec<MemberRow>,
}

#[derive(Template)]
#[template(path = "article.html")]
pub struct ArticlePage {
    pub headline: String,
    pub byline: String,
    pub site: String,
    pub published: String,
    pub modified: String,
    pub language: String,
    pub source: MaybeLink,
    pub description: String,
    pub tags: Vec<(String, String)>,
    pub notice: Option<Notice>,
    pub paragraphs: Vec<Vec<Piece>>,
    pub quotes: usize,
    pub speakers: Vec<NamedLink>,
    pub entities: Vec<NamedLink>,
    pub stories: Vec<StoryBox>,
}

/// A share as a percentage.
pub fn percent(f: Option<f64>) -> String {
    f.map(|f| format!("{:.0}%", (f * 100.0).clamp(0.0, 100.0)))
        .unwrap_or_default()
}

fn speakers(a: &Article) -> Vec<NamedLink> {
    let mut out: Vec<NamedLink> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for name in a
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref()?.name.as_deref())
        .filter(|n| !n.trim().is_empty())
    {
        match out.iter().position(|l| l.name == name) {
            Some(i) => counts[i] += 1,
            None => {
                out.push(NamedLink {
                    name: name.to_string(),
                    href: entity_href(name),
                    detail: String::new(),
                });
                counts.push(1);
            }
        }
    }
    for (l, n) in out.iter_mut().zip(counts) {
        l.detail = if n == 1 {
            "1 quote".into()
        } else {
            format!("{n} quotes")
        };
    }
    out
}

fn entities(a: &Article) -> Vec<NamedLink> {
    a.entities
        .iter()
        .filter(|e| !e.name.trim().is_empty())
        .map(|e| {
            let kind = match e.kind {
                stemma_core::model::EntityKind::Person => "person",
                stemma_core::model::EntityKind::Organization => "organisation",
                stemma_core::model::EntityKind::Place => "place",
                stemma_core::model::EntityKind::Other => "other",
            };
            let mut detail = kind.to_string();
            if !e.roles.is_empty() {
                detail = format!("{detail}; {}", e.roles.join(", "));
            }
            NamedLink {
                name: e.name.clone(),
                href: entity_href(&e.name),
                detail,
            }
        })
        .collect()
}

fn story_box(view: &StoryView, role: &str, this: i64) -> StoryBox {
    StoryBox {
        href: format!("/story/{}", view.id),
        id: view.id,
        role: role.to_string(),
        size: view.size,
        members: view
            .members
            .iter()
            .map(|m| MemberRow {
                href: format!("/article/{}", m.article),
                outlet: m
                    .site
                    .clone()
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| m.record.clone()),
                date: m.published.clone().unwrap_or_default(),
                role: m.role.clone(),
                shared: percent(m.shared),
                this: m.article == this,
            })
            .collect(),
    }
}

fn build_page(view: ArticleView, stories: Vec<StoryView>) -> ArticlePage {
    let a = &view.record;
    let spans: Vec<QuoteSpan> = a.quotes.iter().map(QuoteSpan::of).collect();
    let site = view
        .site
        .clone()
        .or_else(|| a.site_name.clone())
        .unwrap_or_default();
    let notice = a.republished_from.as_ref().map(|r| Notice {
        name: r.name.clone().unwrap_or_default(),
        link: r.url.as_deref().map(|u| MaybeLink::external(u, Some(u))),
        published: r.published.clone().unwrap_or_default(),
        evidence: r.evidence.clone().unwrap_or_default(),
    });
    let boxes = view
        .stories
        .iter()
        .filter_map(|r| {
            stories
                .iter()
                .find(|s| s.id == r.story)
                .map(|s| story_box(s, &r.role, view.id))
        })
        .collect();
    ArticlePage {
        headline: title_or(a.title.clone(), &view.record_id),
        byline: a.authors.join(", "),
        site,
        published: a.published.clone().unwrap_or_default(),
        modified: a.modified.clone().unwrap_or_default(),
        language: a.language.clone().unwrap_or_default(),
        source: MaybeLink::external(&view.record_id, a.url.as_deref()),
        description: a.description.clone().unwrap_or_default(),
        tags: a
            .tags
            .iter()
            .map(|t| (t.kind.clone(), t.value.clone()))
            .collect(),
        notice,
        paragraphs: body(&a.text, &spans),
        quotes: a.quotes.len(),
        speakers: speakers(a),
        entities: entities(a),
        stories: boxes,
    }
}

pub async fn article(State(state): State<AppState>, id: Segment) -> Response {
    page(build(state, id).await)
}

async fn build(state: AppState, id: Segment) -> Result<ArticlePage, ApiError> {
    let id = parse_id(&segment(id)?, "article")?;
    let (view, stories) = state
        .read(move |s| {
            let view = s.article(id)?;
            let mut stories = Vec::new();
            for r in &view.stories {
                match s.story(&r.story.to_string()) {
                    Ok(v) => stories.extend(v.into_iter().filter(|v| v.id == r.story)),
                    Err(StoreError::NotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok((view, stories))
        })
        .await?;
    Ok(build_page(view, stories))
}
