//! A roundup in the archive: a piece quoting runs of two unrelated stories joins both as an
//! `embedding` member without merging them, and stays one after the store is reopened and a
//! story gains a copy.

use std::path::Path;

use serde_json::{json, Value};

use super::{ingest, json_lines, str_of};
use crate::prose::prose;
use crate::write;

fn words(text: &str, from: usize, n: usize) -> String {
    text.split(' ')
        .skip(from)
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn record(url: &str, site: &str, date: &str, text: &str) -> String {
    json!({
        "source": {"path": format!("{url}.html"), "format": "html"},
        "url": url, "title": format!("{site} reports"), "authors": [], "published": date,
        "site_name": site, "language": "en", "tags": [], "republished_from": null, "text": text,
    })
    .to_string()
}

fn records(dir: &Path, name: &str, recs: &[String]) -> std::path::PathBuf {
    write(dir, name, recs.join("\n") + "\n");
    dir.join(name)
}

fn roles(story: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = story["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                str_of(m, "record").to_string(),
                str_of(m, "role").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_roundup_is_an_embedding_member_of_each_story_it_quotes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let strike = prose(21, 600);
    let ruling = prose(22, 600);
    let roundup = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}",
        prose(23, 150),
        words(&strike, 100, 240),
        prose(24, 80),
        words(&ruling, 300, 240),
        prose(25, 80)
    );
    let first = records(
        tmp.path(),
        "in/first.jsonl",
        &[
            record(
                "https://port.example/strike",
                "Port Wire",
                "2024-06-01",
                &strike,
            ),
            record(
                "https://gull.example/strike",
                "Gull Courier",
                "2024-06-02",
                &strike,
            ),
            record(
                "https://court.example/ruling",
                "Court Sheet",
                "2024-06-01",
                &ruling,
            ),
            record(
                "https://kite.example/ruling",
                "Kite Weekly",
                "2024-06-03",
                &ruling,
            ),
            record(
                "https://digest.example/week",
                "Weekly Digest",
                "2024-06-05",
                &roundup,
            ),
        ],
    );
    let r = ingest(&data, &[&first]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A later run (the store reopened) adds a third copy of the strike story: the story is
    // rewritten, and keeps its copies and its embedding member.
    let second = records(
        tmp.path(),
        "in2/second.jsonl",
        &[record(
            "https://tern.example/strike",
            "Tern Daily",
            "2024-06-04",
            &strike,
        )],
    );
    let r = ingest(&data, &[&second]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let s = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        v.sort();
        v
    };
    let strike_story = json_lines(&data, &["story", "https://gull.example/strike"]);
    assert_eq!(strike_story.len(), 1, "{strike_story:?}");
    assert_eq!(
        roles(&strike_story[0]),
        s(&[
            ("https://port.example/strike", "origin"),
            ("https://gull.example/strike", "copy"),
            ("https://tern.example/strike", "copy"),
            ("https://digest.example/week", "embedding"),
        ]),
        "{}",
        strike_story[0]
    );
    assert_eq!(strike_story[0]["size"], 3);
    // Embedding members come after the copies.
    let last = strike_story[0]["members"]
        .as_array()
        .unwrap()
        .last()
        .cloned();
    assert_eq!(last.as_ref().map(|m| str_of(m, "role")), Some("embedding"));
    let ruling_story = json_lines(&data, &["story", "https://court.example/ruling"]);
    assert_eq!(
        roles(&ruling_story[0]),
        s(&[
            ("https://court.example/ruling", "origin"),
            ("https://kite.example/ruling", "copy"),
            ("https://digest.example/week", "embedding"),
        ]),
        "{}",
        ruling_story[0]
    );
    // The roundup is in three stories: its own, and the two it quotes.
    let of_digest = json_lines(&data, &["story", "https://digest.example/week"]);
    assert_eq!(of_digest.len(), 3, "{of_digest:?}");
    assert_eq!(json_lines(&data, &["stats"])[0]["stories"], 2);
    assert_eq!(
        json_lines(&data, &["check"])[0]["problems"],
        Value::Array(vec![])
    );
}
