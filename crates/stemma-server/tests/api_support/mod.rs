//! What the API tests share: an archive built from the CLI's invented pages (an original, a
//! copy with its notice dropped, a story quoting it, an unrelated page), and requests sent
//! through the router with `oneshot`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use stemma_server::AppState;
use tower::ServiceExt;

/// The invented pages of the CLI's archive tests.
pub fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../stemma-cli/tests/archive/pages")
}

/// Run `inputs` into the archive in `data` through the shared pipeline.
pub fn ingest(data: &Path, inputs: &[&Path]) -> stemma_ingest::Progress {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let pipeline = stemma_ingest::Pipeline::new(&pool, 1 << 20, 2);
    let mut store = stemma_store::Store::open_write(data).unwrap();
    let args: Vec<_> = inputs.iter().map(|p| p.as_os_str().to_owned()).collect();
    let (p, _) = stemma_ingest::run(
        &mut store,
        stemma_ingest::inputs(&args),
        &pipeline,
        &AtomicBool::new(false),
        |_, _| {},
    )
    .unwrap();
    p
}

/// A temporary data directory holding the invented story.
pub fn archive() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let p = ingest(&data, &[&pages()]);
    assert_eq!(p.failed, 0);
    (tmp, data)
}

pub fn state(data: &Path, token: Option<&str>, max_upload: usize) -> AppState {
    AppState::new(data.to_path_buf(), token.map(str::to_string), max_upload)
}

/// Send a request; the status and the body as JSON (`Value::Null` when not JSON).
pub async fn send(state: &AppState, req: Request<Body>) -> (StatusCode, Value) {
    let resp = stemma_server::app(state.clone())
        .oneshot(req)
        .await
        .unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

pub async fn get(state: &AppState, uri: &str) -> (StatusCode, Value) {
    send(state, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// A POST to /api/ingest with this body, content type and token.
pub async fn upload(
    state: &AppState,
    body: impl Into<Body>,
    content_type: &str,
    token: Option<&str>,
) -> (StatusCode, Value) {
    let mut req = Request::post("/api/ingest").header("content-type", content_type);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    send(state, req.body(body.into()).unwrap()).await
}

/// Assert an error body: the status, and `{code, message}` with this code.
pub fn assert_error(got: &(StatusCode, Value), status: StatusCode, code: &str) {
    assert_eq!(got.0, status, "{:?}", got.1);
    assert_eq!(got.1["code"], code, "{:?}", got.1);
    assert!(
        got.1["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{:?}",
        got.1
    );
}

/// Poll a job until it is done or failed (at most 60 s).
pub async fn wait_job(state: &AppState, id: u64) -> Value {
    let start = Instant::now();
    loop {
        let (status, job) = get(state, &format!("/api/jobs/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{job:?}");
        if job["state"] == "done" || job["state"] == "failed" {
            return job;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "job stuck: {job:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A multipart/form-data body of (file name, content type, bytes) parts.
pub fn multipart(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "stemma-test-boundary-7f3a";
    let mut body = Vec::new();
    for (name, ctype, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// An invented page with its own URL, so that each is a new article.
pub fn page(n: usize) -> String {
    format!(
        "<html><head><title>Lighthouse keepers of Skarra return, part {n}</title>\
         <link rel=\"canonical\" href=\"https://skarra-herald.example/keepers/{n}\">\
         <meta property=\"og:site_name\" content=\"Skarra Herald\"></head><body><article>\
         <h1>Lighthouse keepers of Skarra return, part {n}</h1>\
         <p>The keepers of the Skarra light came back to the island on Friday after a winter \
         ashore, number {n} of a series on the northern lights and their people.</p>\
         <p>\"The lamp has not missed a night in forty years,\" said Maren Holt, the head \
         keeper. She said the new lens arrives in spring.</p></article></body></html>"
    )
}
