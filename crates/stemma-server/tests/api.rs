//! The JSON API's read endpoints on the invented story (the same pages as the CLI's archive
//! tests, so the answers mirror `stemma search`, `quotes`, `story`, `entity`, `attention`),
//! every error as `{code, message}`, and the generated OpenAPI document.

mod api_support;

use api_support::{archive, assert_error, get, state};
use axum::http::StatusCode;
use serde_json::Value;
use stemma_server::ErrorCode;

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn search_filters_and_pages_like_the_cli() {
    let (_tmp, data) = archive();
    let st = state(&data, None, 1 << 20);

    let (s, hits) = get(&st, "/api/search?q=Brenning%20Wolves").await;
    assert_eq!(s, StatusCode::OK, "{hits:?}");
    assert!(titles(&hits)[0].contains("Sea Wolves"), "{hits:?}");
    assert_eq!(
        (hits["limit"].clone(), hits["offset"].clone()),
        (10.into(), 0.into())
    );
    assert!(hits["items"][0]["snippet"].as_str().is_some());

    // pages: one hit at a time, each page different, the last without a next page
    let (_, all) = get(&st, "/api/search?q=patrols").await;
    let n = all["items"].as_array().unwrap().len();
    assert!(n >= 2, "{all:?}");
    assert_eq!(all["next_offset"], Value::Null);
    let mut seen = Vec::new();
    let mut offset = Some(0u64);
    while let Some(o) = offset {
        let (s, page) = get(&st, &format!("/api/search?q=patrols&limit=1&offset={o}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(page["items"].as_array().unwrap().len(), 1, "{page:?}");
        seen.push(page["items"][0]["article"].as_i64().unwrap());
        offset = page["next_offset"].as_u64();
    }
    let expected: Vec<i64> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, expected);

    // filters: outlet, dates, speaker, entity under another name; empty ones are no filter
    let (_, only) = get(&st, "/api/search?q=patrols&site=Gull%20Island%20Post&from=").await;
    let items = only["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items.iter().all(|h| h["site"] == "Gull Island Post"),
        "{only:?}"
    );
    let (_, late) = get(&st, "/api/search?q=Brenning&from=2021-03-05").await;
    assert!(late["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["published"].as_str().unwrap_or("") >= "2021-03-05"));
    let (_, by_entity) = get(
        &st,
        "/api/search?q=harbour&entity=Northern%20Tide%20Brigade",
    )
    .await;
    assert!(!by_entity["items"].as_array().unwrap().is_empty());
    let (_, by_speaker) = get(&st, "/api/search?q=quay&speaker=Voss").await;
    assert!(!by_speaker["items"].as_array().unwrap().is_empty());
    let (_, nobody) = get(&st, "/api/search?q=harbour&speaker=Nobody%20Atall").await;
    assert!(nobody["items"].as_array().unwrap().is_empty());

    // bad parameters
    for uri in [
        "/api/search?q=x&from=March",
        "/api/search?q=x&to=2021-13-45",
        "/api/search?q=x&limit=0",
        "/api/search?q=x&limit=101",
        "/api/search?q=x&offset=10001",
        "/api/search?q=x&limit=ten",
    ] {
        assert_error(&get(&st, uri).await, StatusCode::BAD_REQUEST, "bad_request");
    }
}

#[tokio::test]
async fn quotes_story_entity_attention_article() {
    let (_tmp, data) = archive();
    let st = state(&data, None, 1 << 20);

    let (s, quotes) = get(&st, "/api/quotes?speaker=Brenning").await;
    assert_eq!(s, StatusCode::OK, "{quotes:?}");
    let groups = quotes["items"].as_array().unwrap();
    let dawn = groups
        .iter()
        .find(|g| {
            g["quote"]
                .as_str()
                .unwrap()
                .contains("fishermen of Varnholm")
        })
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert!(dawn["outlets"].as_array().unwrap().len() >= 2, "{dawn:?}");
    let (_, first) = get(&st, "/api/quotes?speaker=Brenning&limit=1").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 1);
    if groups.len() > 1 {
        assert_eq!(first["next_offset"], 1);
        let (_, second) = get(&st, "/api/quotes?speaker=Brenning&limit=1&offset=1").await;
        assert_eq!(second["items"][0]["quote"], groups[1]["quote"]);
    }
    assert_error(
        &get(&st, "/api/quotes?limit=201").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );

    // the original's story, by its article id: the copy with the dropped notice is in it
    let (_, hits) = get(&st, "/api/search?q=Brenning%20Wolves&limit=1").await;
    let id = hits["items"][0]["article"].as_i64().unwrap();
    let (s, stories) = get(&st, &format!("/api/story/{id}")).await;
    assert_eq!(s, StatusCode::OK, "{stories:?}");
    let members = stories[0]["members"].as_array().unwrap();
    assert!(members.len() >= 2, "{stories:?}");
    assert!(
        members.iter().any(|m| m["notice_state"] == "dropped"),
        "{stories:?}"
    );
    // by its record (a path with slashes, percent-encoded)
    let record = hits["items"][0]["record"]
        .as_str()
        .unwrap()
        .replace('/', "%2F");
    let (s, again) = get(&st, &format!("/api/story/{record}")).await;
    assert_eq!(s, StatusCode::OK, "{again:?}");
    assert_eq!(again[0]["id"], stories[0]["id"]);
    assert_error(
        &get(&st, "/api/story/no-such-article").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );

    // the entity under an alias, with the articles asserting it
    let (s, ents) = get(&st, "/api/entity/Sea%20Wolves").await;
    assert_eq!(s, StatusCode::OK, "{ents:?}");
    let names: Vec<&str> = ents[0]["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Northern Tide Brigade"), "{names:?}");
    assert_error(
        &get(&st, "/api/entity/Nobody%20Atall").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );

    // attention: by entity or query, in buckets
    let (s, att) = get(&st, "/api/attention?entity=Coastal%20Liberation%20Front").await;
    assert_eq!(s, StatusCode::OK, "{att:?}");
    let total: i64 = att
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["articles"].as_i64().unwrap())
        .sum();
    assert!(total >= 2, "{att:?}");
    let (_, monthly) = get(&st, "/api/attention?q=patrols&by=month").await;
    assert!(monthly
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["bucket"] == "2021-03"));
    for uri in [
        "/api/attention",
        "/api/attention?entity=x&q=y",
        "/api/attention?q=x&by=year",
    ] {
        assert_error(&get(&st, uri).await, StatusCode::BAD_REQUEST, "bad_request");
    }

    // one article: the record with its quotes, and its stories
    let (s, art) = get(&st, &format!("/api/articles/{id}")).await;
    assert_eq!(s, StatusCode::OK, "{art:?}");
    assert_eq!(art["id"], id);
    assert!(!art["record"]["quotes"].as_array().unwrap().is_empty());
    assert!(!art["stories"].as_array().unwrap().is_empty());
    assert_error(
        &get(&st, "/api/articles/999999").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&st, "/api/articles/abc").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );

    let (s, errors) = get(&st, "/api/errors").await;
    assert_eq!((s, errors), (StatusCode::OK, Value::Array(Vec::new())));
    let (s, stats) = get(&st, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(stats["articles"], 4);
    assert_error(
        &get(&st, "/api/jobs/7").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn no_archive_and_damaged_archive_are_json_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let st = state(&tmp.path().join("empty"), None, 1 << 20);
    for uri in [
        "/api/stats",
        "/api/search?q=x",
        "/api/errors",
        "/api/articles/1",
    ] {
        assert_error(&get(&st, uri).await, StatusCode::NOT_FOUND, "no_archive");
    }
    let bad = tmp.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join(stemma_store::DB_FILE), vec![b'x'; 4096]).unwrap();
    let st = state(&bad, None, 1 << 20);
    assert_error(
        &get(&st, "/api/stats").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "store_unavailable",
    );
}

#[tokio::test]
async fn openapi_lists_every_endpoint() {
    let tmp = tempfile::tempdir().unwrap();
    let st = state(tmp.path(), None, 1 << 20);
    let (s, doc) = get(&st, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/search", "get"),
        ("/api/quotes", "get"),
        ("/api/story/{key}", "get"),
        ("/api/entity/{name}", "get"),
        ("/api/attention", "get"),
        ("/api/articles/{id}", "get"),
        ("/api/errors", "get"),
        ("/api/stats", "get"),
        ("/api/jobs/{id}", "get"),
        ("/api/ingest", "post"),
    ] {
        assert!(paths[path][method].is_object(), "{path} {method} missing");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in [
        "ApiError",
        "ErrorCode",
        "SearchHit",
        "JobStatus",
        "Progress",
    ] {
        assert!(schemas.contains_key(s), "schema {s} missing");
    }
    let codes: Vec<&str> = schemas["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), ErrorCode::ALL.len());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

/// The one table: each code has its status, and ARCHITECTURE.md documents each.
#[test]
fn every_error_code_is_documented_with_its_status() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md"),
    )
    .unwrap();
    for code in ErrorCode::ALL {
        let name = serde_json::to_value(code).unwrap();
        let line = format!(
            "| `{}` | {} |",
            name.as_str().unwrap(),
            code.status().as_u16()
        );
        assert!(doc.contains(&line), "ARCHITECTURE.md lacks the row {line}");
    }
}
