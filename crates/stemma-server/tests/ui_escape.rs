//! Every piece of page text is escaped: a record whose every field is hostile (markup,
//! event handlers, `javascript:` links, a closing `</textarea>`, quotes that would end an
//! attribute, a right-to-left override and a zero-width joiner) renders inert on every page:
//! no element, attribute or link comes from the record, the words show as text, and the
//! bidi override stays inside an isolating element.

mod ui_fixture;

use axum::http::StatusCode;
use scraper::{ElementRef, Html, Node};
use stemma_core::model::{EntityKind, RepublishedFrom, Tag};
use ui_fixture::*;

/// The payload every field carries.
const EVIL: &str = "<script>alert('x')</script><img src=x onerror=alert(1)> \"><svg onload=alert(2)> ' onmouseover='alert(3)' </textarea><iframe src=javascript:alert(4)> \u{202e}gnp.exe\u{202c} Z\u{200d}W";

/// Elements the UI writes; anything else came from a record.
const ALLOWED: &[&str] = &[
    "html", "head", "meta", "title", "link", "body", "header", "nav", "main", "form", "input",
    "button", "label", "select", "option", "details", "summary", "a", "h1", "h2", "p", "ul", "ol",
    "li", "span", "div", "strong", "em", "mark", "bdi", "time", "section", "aside", "article",
    "figure", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "svg", "g", "rect",
    "line", "path", "text",
];

fn hostile_articles() -> Vec<stemma_core::Article> {
    let text = format!(
        "{EVIL} opens the piece.\n\n“{EVIL} is what they said,” said {EVIL}.\n\n{}",
        story_text()
    );
    let mut a = article("evil/one.html", EVIL, "2016-09-14", EVIL, &text);
    a.url = Some("javascript:alert(5)//https://x.example".into());
    a.authors = vec![EVIL.into(), "javascript:alert(6)".into()];
    a.tags = vec![Tag {
        kind: EVIL.into(),
        value: EVIL.into(),
    }];
    a.description = Some(EVIL.into());
    a.modified = Some(EVIL.into());
    a.language = Some(EVIL.into());
    a.republished_from = Some(RepublishedFrom {
        name: Some(EVIL.into()),
        url: Some("JavaScript:alert(7)".into()),
        published: Some(EVIL.into()),
        evidence: Some(EVIL.into()),
    });
    let mut q = quote(&text, &format!("“{EVIL} is what they said,”"), EVIL);
    if let Some(s) = q.speaker.as_mut() {
        s.role = Some(EVIL.into());
    }
    // and quotes whose offsets lie: past the end, reversed, overlapping
    let mut past = quote(&text, "opens the piece.", EVIL);
    past.start = stemma_core::model::Char::new(1_000_000);
    past.end = stemma_core::model::Char::new(1_000_010);
    past.pieces = vec![[past.start, past.end]];
    let mut reversed = quote(&text, "opens the piece.", EVIL);
    reversed.pieces = vec![[reversed.end, reversed.start]];
    let mut overlapping = quote(&text, "is what they said", "Someone Else");
    overlapping.pieces = vec![[overlapping.start, overlapping.end]];
    a.quotes = vec![q, past, reversed, overlapping];
    a.entities = vec![entity(EVIL, EntityKind::Person, &[(EVIL, EVIL)], &[EVIL])];
    // a copy, so that the story page draws hostile outlets and titles
    let mut b = a.clone();
    b.source = stemma_core::Source::file("evil/two.html", stemma_core::Format::Html);
    b.url = Some("https://evil-copy.example/two".into());
    b.site_name = Some(format!("{EVIL} copy"));
    b.published = Some("2016-09-15".into());
    b.authors = vec!["Someone".into()];
    vec![a, b]
}

/// The record's words never become markup: checked on the parsed page.
fn assert_inert(uri: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    for raw in [
        "<script",
        "</textarea",
        "<iframe",
        "<img",
        "<svg onload",
        "href=\"javascript:",
        "' onmouseover='",
    ] {
        assert!(!lower.contains(raw), "{uri}: {raw} unescaped in\n{html}");
    }
    let doc = Html::parse_document(html);
    for node in doc.tree.nodes() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let e = el.value();
        assert!(
            ALLOWED.contains(&e.name()),
            "{uri}: element <{}> from a record",
            e.name()
        );
        for (name, value) in e.attrs() {
            assert!(!name.starts_with("on"), "{uri}: attribute {name}={value:?}");
            if matches!(
                name,
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                let ok = (value.starts_with('/') && !value.starts_with("//"))
                    || (value.starts_with('#') && name == "href")
                    || value.starts_with("http://")
                    || value.starts_with("https://");
                assert!(ok, "{uri}: {name}={value:?}");
            }
        }
    }
    // the override is shown, as text, and cannot reorder anything outside its own field
    for node in doc.tree.nodes() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        if !t.contains('\u{202e}') {
            continue;
        }
        let isolated = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
            let v = a.value();
            matches!(v.name(), "bdi" | "title" | "text" | "option") || v.attr("dir").is_some()
        });
        assert!(
            isolated,
            "{uri}: a bidi override outside an isolate: {:?}",
            &t[..]
        );
    }
}

async fn page(dir: &std::path::Path, uri: &str, want: StatusCode) -> String {
    let (status, html) = get(dir, uri).await;
    assert_eq!(status, want, "{uri}: {html}");
    assert_inert(uri, &html);
    html
}

#[tokio::test]
async fn a_hostile_record_renders_inert_on_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    fill(tmp.path(), hostile_articles());
    let dir = tmp.path();
    let enc = |s: &str| askama::filters::urlencode_strict(s).unwrap().to_string();
    let id = article_id(dir, "https://evil-copy.example/two");
    let origin = {
        let s = stemma_store::Store::open_read(dir).unwrap();
        use stemma_store::Archive;
        s.story("https://evil-copy.example/two").unwrap()[0].id
    };

    // the words show as text
    let html = page(dir, &format!("/article/{origin}"), StatusCode::OK).await;
    assert!(
        html.contains("&#60;script&#62;alert("),
        "the payload is shown escaped"
    );
    assert!(html.contains("\u{200d}"), "the zero-width joiner is kept");
    let doc = Html::parse_document(&html);
    let marks: Vec<String> = doc
        .select(&scraper::Selector::parse("mark.quote").unwrap())
        .map(|m| m.value().attr("data-speaker").unwrap().to_string())
        .collect();
    assert_eq!(
        marks,
        vec![EVIL.to_string()],
        "one sound quote marked; the lying ones skipped"
    );
    // no link to the javascript: URLs, which are shown as text instead
    assert!(html.contains("JavaScript:alert(7)"));

    for uri in [
        format!("/article/{id}"),
        format!("/story/{origin}"),
        format!("/entity/{}", enc(EVIL)),
        format!("/search?q={}", enc("opens piece")),
        format!("/search?q=&site={}&speaker={}", enc(EVIL), enc(EVIL)),
        format!("/search?q=&entity={}", enc(EVIL)),
        "/search?q=".to_string(),
        "/quotes".to_string(),
        format!(
            "/quotes?speaker={}&about={}&q={}",
            enc(EVIL),
            enc(EVIL),
            enc(EVIL)
        ),
        format!("/attention?entity={}&site={}", enc(EVIL), enc(EVIL)),
        format!("/attention?q={}", enc(EVIL)),
        "/".to_string(),
    ] {
        page(dir, &uri, StatusCode::OK).await;
    }
    // errors echo what was asked, escaped
    for (uri, status) in [
        (format!("/article/{}", enc(EVIL)), StatusCode::BAD_REQUEST),
        (format!("/story/{}", enc(EVIL)), StatusCode::BAD_REQUEST),
        (
            format!("/search?q=x&from={}", enc(EVIL)),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/search?q=x&page={}", enc(EVIL)),
            StatusCode::BAD_REQUEST,
        ),
        (
            format!("/attention?q=x&by={}", enc(EVIL)),
            StatusCode::BAD_REQUEST,
        ),
        (format!("/entity/{}x", enc(EVIL)), StatusCode::NOT_FOUND),
    ] {
        page(dir, &uri, status).await;
    }
}
