//! POST /api/ingest and its jobs: the token (none set, missing, wrong, right), the size limit,
//! raw and multipart bodies of every kind, a bad file, a writer holding the archive, and a
//! job cut off by a stop that resumes on the next start without duplicates.

mod api_support;

use std::io::Write;

use api_support::{archive, assert_error, get, multipart, page, state, upload, wait_job};
use axum::http::StatusCode;
use serde_json::Value;

const TOKEN: &str = "s3cret-Token-for-tests";

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

async fn articles(st: &stemma_server::AppState) -> i64 {
    let (_, s) = get(st, "/api/stats").await;
    s["articles"].as_i64().unwrap()
}

#[tokio::test]
async fn token_missing_wrong_right_and_none_set() {
    let (_tmp, data) = archive();
    let open = state(&data, None, 1 << 20);
    assert_error(
        &upload(&open, page(1), "text/html", Some(TOKEN)).await,
        StatusCode::FORBIDDEN,
        "uploads_disabled",
    );
    let (_, e) = upload(&open, page(1), "text/html", None).await;
    assert!(e["message"].as_str().unwrap().contains("--token"), "{e:?}");

    let st = state(&data, Some(TOKEN), 1 << 20);
    assert_error(
        &upload(&st, page(1), "text/html", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    assert_error(
        &upload(&st, page(1), "text/html", Some("s3cret-Token-for-test")).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    let (s, e) = upload(&st, page(1), "text/html", Some(&format!("{TOKEN}x"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(!e.to_string().contains(TOKEN), "the token is echoed: {e}");
    assert_eq!(articles(&st).await, 4, "a refused upload stored something");

    let (s, job) = upload(&st, page(1), "text/html", Some(TOKEN)).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{job:?}");
    let done = wait_job(&st, job["id"].as_u64().unwrap()).await;
    assert_eq!(done["state"], "done", "{done:?}");
    assert_eq!(done["progress"]["added"], 1, "{done:?}");
    assert_eq!(articles(&st).await, 5);
    let (_, hits) = get(&st, "/api/search?q=Skarra%20keepers&site=Skarra%20Herald").await;
    assert_eq!(hits["items"].as_array().unwrap().len(), 1, "{hits:?}");
}

#[tokio::test]
async fn over_the_limit_is_413_and_nothing_is_lost() {
    let (_tmp, data) = archive();
    let st = state(&data, Some(TOKEN), 4096);
    let big = "<p>words</p>".repeat(1000);
    assert_error(
        &upload(&st, big.clone(), "text/html", Some(TOKEN)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    // a body without a length (streamed), counted as it comes
    let chunks: Vec<Result<String, std::io::Error>> = (0..10).map(|_| Ok(big.clone())).collect();
    let stream = axum::body::Body::from_stream(futures_util::stream::iter(chunks));
    assert_error(
        &upload(&st, stream, "text/html", Some(TOKEN)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    // several parts, each under the limit, together over it
    let part = vec![b'a'; 3000];
    let (ctype, body) = multipart(&[
        ("a.txt", "text/plain", &part),
        ("b.txt", "text/plain", &part),
    ]);
    assert_error(
        &upload(&st, body, &ctype, Some(TOKEN)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    assert_error(
        &upload(&st, "", "text/html", Some(TOKEN)).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_eq!(articles(&st).await, 4);
    // no spooled leftovers
    let uploads = data.join(stemma_server::jobs::UPLOADS_DIR);
    let left = std::fs::read_dir(&uploads).map_or(0, |d| d.count());
    assert_eq!(left, 0, "spool folders left behind");
}

#[tokio::test]
async fn multipart_of_every_kind_and_a_bad_file() {
    let (_tmp, data) = archive();
    let st = state(&data, Some(TOKEN), 1 << 20);
    // a record made elsewhere, as stemma extract prints it
    let record = {
        let html = "<html><head><title>Night crossing to Velmora resumes</title>\
            <link rel=\"canonical\" href=\"https://ferry-times.example/night-crossing\">\
            <meta property=\"og:site_name\" content=\"Ferry Times\"></head><body><article>\
            <h1>Night crossing to Velmora resumes</h1><p>The night ferry to Velmora sails \
            again from Monday after a winter pause, the operator said on Friday.</p>\
            </article></body></html>";
        let doc = stemma_core::Document {
            source: stemma_core::Source::file("night-crossing.html", stemma_core::Format::Html),
            content_format: stemma_core::Format::Html,
            bytes: html.as_bytes().to_vec(),
            http_charset: None,
        };
        serde_json::to_string(&stemma_core::extract(&doc).unwrap()).unwrap()
    };
    let jsonl = format!("{record}\n{{not a record}}\n");
    let md = "# Tidal mill reopens in Orsk\n\nThe old tidal mill in Orsk grinds flour again \
              after twelve years, its new owner Tova Lind said on Sunday.\n";
    let warc = {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
            page(2)
        );
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://skarra-herald.example/keepers/2\r\nWARC-Record-ID: <urn:uuid:test-1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    };
    let page3 = gz(page(3).as_bytes());
    let (ctype, body) = multipart(&[
        (
            "records.jsonl",
            "application/octet-stream",
            jsonl.as_bytes(),
        ),
        ("mill.md", "text/markdown", md.as_bytes()),
        ("crawl.warc", "application/warc", warc.as_bytes()),
        ("page3", "application/octet-stream", &page3),
        ("junk.html", "text/html", &[0u8, 159, 146, 150, 0, 0, 1, 2]),
    ]);
    let (s, job) = upload(&st, body, &ctype, Some(TOKEN)).await;
    assert_eq!(s, StatusCode::ACCEPTED, "{job:?}");
    assert_eq!(job["files"].as_array().unwrap().len(), 5);
    let done = wait_job(&st, job["id"].as_u64().unwrap()).await;
    assert_eq!(done["state"], "done", "{done:?}");
    // the record, the Markdown page, the WARC's page and the gzip page are stored
    let (_, errors) = get(&st, "/api/errors").await;
    assert_eq!(done["progress"]["added"], 4, "{done:?} {errors:?}");
    assert!(
        done["progress"]["failed"].as_u64().unwrap() >= 1,
        "{done:?}"
    );
    assert_eq!(articles(&st).await, 8);
    let (_, errors) = get(&st, "/api/errors").await;
    let inputs: Vec<&str> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["input"].as_str().unwrap())
        .collect();
    assert!(
        inputs.iter().any(|i| i.contains("records.jsonl:2")),
        "{errors:?}"
    );
    let (_, hits) = get(&st, "/api/search?q=Velmora&site=Ferry%20Times").await;
    assert_eq!(hits["items"].as_array().unwrap().len(), 1, "{hits:?}");

    // a raw body sniffed (no content type), and the same page again: stored once
    let (s, job) = upload(&st, page(2), "application/octet-stream", Some(TOKEN)).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let done = wait_job(&st, job["id"].as_u64().unwrap()).await;
    assert_eq!(
        (
            done["progress"]["added"].clone(),
            done["progress"]["duplicates"].clone()
        ),
        (Value::from(0), Value::from(1)),
        "{done:?}"
    );
    assert_eq!(articles(&st).await, 8);
}

#[tokio::test]
async fn a_job_waits_for_another_writer_then_runs() {
    let (_tmp, data) = archive();
    let st = state(&data, Some(TOKEN), 1 << 20);
    let held = stemma_store::Store::open_write(&data).unwrap();
    let (s, job) = upload(&st, page(5), "text/html", Some(TOKEN)).await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let id = job["id"].as_u64().unwrap();
    let start = std::time::Instant::now();
    loop {
        let (_, j) = get(&st, &format!("/api/jobs/{id}")).await;
        if j["state"] == "waiting" {
            assert_eq!(j["error"]["code"], "busy", "{j:?}");
            break;
        }
        assert!(start.elapsed().as_secs() < 20, "{j:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    drop(held);
    let done = wait_job(&st, id).await;
    assert_eq!(done["state"], "done", "{done:?}");
    assert_eq!(done["error"], Value::Null);
    assert_eq!(articles(&st).await, 5);
}

#[tokio::test]
async fn a_cut_off_job_resumes_on_the_next_start_without_duplicates() {
    let (_tmp, data) = archive();
    // Six new pages in one upload; the archive is held, so the job cannot start.
    let parts: Vec<(String, Vec<u8>)> = (10..16)
        .map(|n| (format!("p{n}.html"), page(n).into_bytes()))
        .collect();
    let refs: Vec<(&str, &str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), "text/html", b.as_slice()))
        .collect();
    let (ctype, body) = multipart(&refs);
    let id = {
        let st = state(&data, Some(TOKEN), 1 << 20);
        let held = stemma_store::Store::open_write(&data).unwrap();
        let (s, job) = upload(&st, body, &ctype, Some(TOKEN)).await;
        assert_eq!(s, StatusCode::ACCEPTED, "{job:?}");
        let id = job["id"].as_u64().unwrap();
        // the stop: the job is left unfinished; a new upload is refused meanwhile
        let jobs = st.jobs().clone();
        tokio::task::spawn_blocking(move || jobs.shutdown())
            .await
            .unwrap();
        assert_error(
            &upload(&st, page(1), "text/html", Some(TOKEN)).await,
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting_down",
        );
        let (_, j) = get(&st, &format!("/api/jobs/{id}")).await;
        assert_ne!(j["state"], "done");
        drop(held);
        id
    };
    // Half of it got stored before the cut (as a batch committed before a kill would be).
    let files = data
        .join(stemma_server::jobs::UPLOADS_DIR)
        .join(id.to_string())
        .join(stemma_server::jobs::FILES_DIR);
    let mut spooled: Vec<_> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    spooled.sort();
    let firsts: Vec<&std::path::Path> = spooled[..3].iter().map(|p| p.as_path()).collect();
    assert_eq!(api_support::ingest(&data, &firsts).added, 3);

    // The next start resumes the job: the rest is added, nothing twice.
    let st = state(&data, Some(TOKEN), 1 << 20);
    assert_eq!(st.jobs().resume(), vec![id]);
    let done = wait_job(&st, id).await;
    assert_eq!(done["state"], "done", "{done:?}");
    assert_eq!(done["runs"], 1);
    assert_eq!(
        (
            done["progress"]["added"].clone(),
            done["progress"]["duplicates"].clone()
        ),
        (Value::from(3), Value::from(3)),
        "{done:?}"
    );
    assert_eq!(articles(&st).await, 4 + 6);
    let (_, hits) = get(&st, "/api/search?q=Skarra&limit=100").await;
    assert_eq!(hits["items"].as_array().unwrap().len(), 6);
    // a finished job is not run again
    let st = state(&data, Some(TOKEN), 1 << 20);
    assert!(st.jobs().resume().is_empty());
    let (_, j) = get(&st, &format!("/api/jobs/{id}")).await;
    assert_eq!(j["state"], "done");
}
