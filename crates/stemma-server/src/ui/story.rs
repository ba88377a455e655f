//! `/story/{id}`: the stemma of a story: the tree drawn as SVG (origin first, each copy under
//! the copy it most likely came from, with outlet, lag, shared fraction, and dropped notices
//! and changed bylines marked), then the members in order with the same facts.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use stemma_store::{Archive, StoryMember, StoryView};

use super::article::{percent, MaybeLink};
use super::svg::{story_tree, TreeNode};
use super::{page, parse_id, segment, title_or, Segment};
use crate::error::ApiError;
use crate::state::AppState;

pub struct MemberItem {
    pub href: String,
    pub title: String,
    /// `origin`, `copy` or `embedding`, as the UI contract names them.
    pub role: &'static str,
    /// The store's role (`origin`, `copy`, `excerpt`, `embedded`, `member`).
    pub role_label: String,
    pub outlet: String,
    pub date: String,
    pub lag: String,
    pub shared: String,
    pub copied_from: Option<(String, String)>,
    pub notice_state: String,
    pub notice: String,
    pub notice_dropped: bool,
    pub byline_changed: bool,
    /// The other flags (`excerpt`, `no_notice`, `undated`…).
    pub flags: Vec<String>,
}

#[derive(Template)]
#[template(path = "story.html")]
pub struct StoryPage {
    pub id: i64,
    pub title: String,
    pub size: i64,
    pub origin: String,
    pub origin_certain: bool,
    pub origin_reason: String,
    pub credited: Option<MaybeLink>,
    pub tree: String,
    pub members: Vec<MemberItem>,
    pub dropped: usize,
    pub changed: usize,
    /// Members that quote a run of the story inside a piece of their own (not counted in `size`,
    /// which counts the origin and its copies).
    pub embedding: usize,
}

/// A lag in days as a reader says it.
pub fn lag(days: Option<f64>) -> String {
    let Some(d) = days.filter(|d| d.is_finite()) else {
        return String::new();
    };
    let sign = if d < 0.0 { "−" } else { "+" };
    let a = d.abs();
    if a < 1.0 / 24.0 {
        "same time".into()
    } else if a < 1.0 {
        format!("{sign}{:.0} h", a * 24.0)
    } else if a < 1.5 {
        format!("{sign}1 day")
    } else {
        format!("{sign}{a:.0} days")
    }
}

fn contract_role(role: &str) -> &'static str {
    match role {
        "origin" => "origin",
        "embedded" | "embedding" => "embedding",
        _ => "copy",
    }
}

fn outlet(m: &StoryMember) -> String {
    m.site
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| m.record.clone())
}

fn build_page(v: StoryView) -> StoryPage {
    let index_of = |record: &str| v.members.iter().position(|m| m.record == record);
    let nodes: Vec<TreeNode> = v
        .members
        .iter()
        .map(|m| {
            let mut detail = Vec::new();
            let l = lag(m.lag_days);
            if !l.is_empty() {
                detail.push(l);
            }
            if m.shared.is_some() {
                detail.push(format!("{} shared", percent(m.shared)));
            }
            TreeNode {
                label: outlet(m),
                date: m.published.clone().unwrap_or_else(|| "undated".into()),
                detail: detail.join(" · "),
                role: contract_role(&m.role).to_string(),
                parent: m.copied_from.as_deref().and_then(index_of),
                notice_dropped: m.notice_state.as_deref() == Some("dropped"),
                byline_changed: m.byline_changed,
                article: m.article,
            }
        })
        .collect();
    let title = v.members.first().map_or_else(
        || format!("Story {}", v.id),
        |m| title_or(m.title.clone(), &m.record),
    );
    let tree = story_tree(&format!("The stemma of “{title}”"), &nodes);
    let members: Vec<MemberItem> = v
        .members
        .iter()
        .map(|m| MemberItem {
            href: format!("/article/{}", m.article),
            title: title_or(m.title.clone(), &m.record),
            role: contract_role(&m.role),
            role_label: m.role.clone(),
            outlet: outlet(m),
            date: m.published.clone().unwrap_or_default(),
            lag: lag(m.lag_days),
            shared: percent(m.shared),
            copied_from: m.copied_from.as_deref().and_then(|r| {
                let i = index_of(r)?;
                let src = &v.members[i];
                Some((outlet(src), format!("/article/{}", src.article)))
            }),
            notice_state: m.notice_state.clone().unwrap_or_default(),
            notice: m.notice.clone().unwrap_or_default(),
            notice_dropped: m.notice_state.as_deref() == Some("dropped"),
            byline_changed: m.byline_changed,
            flags: m
                .flags
                .iter()
                .filter(|f| !matches!(f.as_str(), "notice_dropped" | "byline_changed"))
                .map(|f| f.replace('_', " "))
                .collect(),
        })
        .collect();
    let credited = v.credited.as_ref().and_then(|c| {
        let name = c.get("name").and_then(|n| n.as_str());
        let url = c.get("url").and_then(|n| n.as_str());
        let text = name.or(url)?;
        Some(MaybeLink::external(text, url))
    });
    StoryPage {
        id: v.id,
        size: v.size,
        origin: v
            .origin
            .as_deref()
            .and_then(|o| v.members.iter().find(|m| m.record == o))
            .map(outlet)
            .unwrap_or_default(),
        origin_certain: v.origin_certain,
        origin_reason: v.origin_reason.clone(),
        credited,
        tree,
        dropped: members.iter().filter(|m| m.notice_dropped).count(),
        changed: members.iter().filter(|m| m.byline_changed).count(),
        embedding: members.iter().filter(|m| m.role == "embedding").count(),
        members,
        title,
    }
}

pub async fn story(State(state): State<AppState>, id: Segment) -> Response {
    page(build(state, id).await)
}

async fn build(state: AppState, id: Segment) -> Result<StoryPage, ApiError> {
    let id = parse_id(&segment(id)?, "story")?;
    let views = state.read(move |s| s.story(&id.to_string())).await?;
    let view = views
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no story {id}")))?;
    Ok(build_page(view))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lags_read_as_words() {
        assert_eq!(lag(None), "");
        assert_eq!(lag(Some(f64::NAN)), "");
        assert_eq!(lag(Some(0.0)), "same time");
        assert_eq!(lag(Some(0.25)), "+6 h");
        assert_eq!(lag(Some(1.0)), "+1 day");
        assert_eq!(lag(Some(3.0)), "+3 days");
        assert_eq!(lag(Some(-2.0)), "−2 days");
    }
}
