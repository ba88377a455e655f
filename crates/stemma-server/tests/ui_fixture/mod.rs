//! A store filled with invented articles for the UI tests: a story of three copies (the origin
//! at the Alder Post, a credited copy, a copy that dropped the notice and changed the byline),
//! an unrelated piece, quotes with speakers and entities with aliases; and the pages as the
//! app renders them.
#![allow(dead_code)]

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use stemma_core::model::{
    Alias, Char, Entity, EntityKind, Quote, QuoteKind, RepublishedFrom, Span, Speaker, SpeechAct,
    Tag,
};
use stemma_core::{Article, Format, Source};
use stemma_server::{app, AppState};
use stemma_store::{prepare, Archive, Store};
use tower::ServiceExt;

/// Code-point offsets of the first `needle` in `text`.
pub fn cp_span(text: &str, needle: &str) -> (usize, usize) {
    let b = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

pub fn quote(text: &str, words: &str, speaker: &str) -> Quote {
    let (start, end) = cp_span(text, words);
    let (start, end) = (Char::new(start), Char::new(end));
    Quote {
        text: words.to_string(),
        kind: QuoteKind::Direct,
        start,
        end,
        pieces: vec![[start, end]],
        cue: None,
        speech_act: SpeechAct::Statement,
        speaker: Some(Speaker {
            name: Some(speaker.to_string()),
            mention: None,
            role: None,
            kind: None,
        }),
        confidence: 0.9,
        mode: Default::default(),
        continued: false,
    }
}

pub fn entity(name: &str, kind: EntityKind, aliases: &[(&str, &str)], roles: &[&str]) -> Entity {
    Entity {
        name: name.to_string(),
        kind,
        aliases: aliases
            .iter()
            .map(|(a, ev)| Alias {
                name: a.to_string(),
                evidence: Span {
                    start: Char::ZERO,
                    end: Char::new(ev.chars().count()),
                    text: ev.to_string(),
                },
                in_title: false,
            })
            .collect(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        mentions: Vec::new(),
    }
}

pub fn article(path: &str, site: &str, date: &str, title: &str, text: &str) -> Article {
    let mut a = Article::empty(Source::file(path, Format::Html));
    a.url = Some(format!(
        "https://{}.example/{path}",
        site.to_lowercase().replace(' ', "-")
    ));
    a.title = Some(title.into());
    a.site_name = Some(site.into());
    a.published = Some(date.into());
    a.text = text.into();
    a
}

pub const LAVROV: &str = "Sergey Lavrov";

/// The story's text: long enough for the copies to be found.
pub fn story_text() -> String {
    let mut paras = vec![
        "Foreign ministers met in Geneva on Tuesday to talk about the ceasefire around the old harbour town of Velmar.".to_string(),
        "“The talks on Velmar will go on until the guns fall silent,” Sergey Lavrov, the foreign minister, said after the meeting.".to_string(),
        "The Jabhat Fateh al-Sham group, formerly known as the Al Nusra Front, was not part of the ceasefire, officials said.".to_string(),
        "“We cannot accept a ceasefire that protects terrorists,” Lavrov told reporters outside the hall.".to_string(),
    ];
    for i in 0..8 {
        paras.push(format!(
            "Delegates from the northern provinces described convoy number {i} waiting at the river crossing with flour, medicine and fuel for the winter, while the mayors of the valley asked for safe passage through the mountain roads."
        ));
    }
    paras.join("\n\n")
}

pub fn origin() -> Article {
    let text = story_text();
    let mut a = article(
        "alder/velmar.html",
        "Alder Post",
        "2016-09-14",
        "Lavrov says Velmar talks will go on",
        &text,
    );
    a.authors = vec!["Mira Stone".into()];
    a.tags = vec![
        Tag {
            kind: "section".into(),
            value: "World".into(),
        },
        Tag {
            kind: "keyword".into(),
            value: "ceasefire".into(),
        },
    ];
    a.quotes = vec![
        quote(
            &text,
            "“The talks on Velmar will go on until the guns fall silent,”",
            LAVROV,
        ),
        quote(
            &text,
            "“We cannot accept a ceasefire that protects terrorists,”",
            LAVROV,
        ),
    ];
    a.entities = vec![
        entity(LAVROV, EntityKind::Person, &[], &["foreign minister"]),
        entity(
            "Jabhat Fateh al-Sham",
            EntityKind::Organization,
            &[(
                "Al Nusra Front",
                "Jabhat Fateh al-Sham group, formerly known as the Al Nusra Front",
            )],
            &[],
        ),
    ];
    a
}

pub fn credited_copy() -> Article {
    let mut a = origin();
    a.source = Source::file("birch/velmar.html", Format::Html);
    a.url = Some("https://birch-times.example/world/velmar".into());
    a.site_name = Some("Birch Times".into());
    a.published = Some("2016-09-15".into());
    a.republished_from = Some(RepublishedFrom {
        name: Some("Alder Post".into()),
        url: Some("https://alder-post.example/alder/velmar.html".into()),
        published: Some("2016-09-14".into()),
        evidence: Some("This article was originally published by the Alder Post.".into()),
    });
    a
}

pub fn uncredited_copy() -> Article {
    let mut a = origin();
    a.source = Source::file("cedar/velmar.html", Format::Html);
    a.url = Some("https://cedar-news.example/velmar".into());
    a.site_name = Some("Cedar News".into());
    a.published = Some("2016-09-17".into());
    a.authors = vec!["Cedar News staff".into()];
    a
}

pub fn unrelated() -> Article {
    let text = "The Velmar ferry will run twice a day from March, the harbour board said.\n\n“Passengers have waited long enough,” said Ona Fell, the harbour master.";
    let mut a = article(
        "dune/ferry.html",
        "Dune Gazette",
        "2017-03-02",
        "Ferry timetable doubles",
        text,
    );
    a.quotes = vec![quote(
        text,
        "“Passengers have waited long enough,”",
        "Ona Fell",
    )];
    a.entities = vec![entity(
        "Ona Fell",
        EntityKind::Person,
        &[],
        &["harbour master"],
    )];
    a
}

/// Store `articles` in `dir` (one batch).
pub fn fill(dir: &Path, articles: Vec<Article>) {
    let mut s = Store::open_write(dir).unwrap();
    s.ingest(articles.into_iter().map(prepare).collect(), vec![])
        .unwrap();
}

/// The demo store: the story's three copies and the unrelated piece.
pub fn demo_store() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fill(
        tmp.path(),
        vec![origin(), credited_copy(), uncredited_copy(), unrelated()],
    );
    tmp
}

/// GET `uri` from the app over `dir`: the status and the body.
pub async fn get(dir: &Path, uri: &str) -> (StatusCode, String) {
    let app = app(AppState::new(dir.to_path_buf(), None, 1 << 20));
    let resp = app
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

/// The article id of a stored record (by its URL).
pub fn article_id(dir: &Path, url: &str) -> i64 {
    let s = Store::open_read(dir).unwrap();
    let stories = s.story(url).unwrap();
    stories[0]
        .members
        .iter()
        .find(|m| m.record == url)
        .map(|m| m.article)
        .unwrap()
}
