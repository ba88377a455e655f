//! `POST /api/ingest`: pages (HTML, Markdown, text), a WARC, or record JSONL, any of them
//! gzip-compressed, as the raw body or as several files of a multipart form. The bearer token
//! is checked first (in constant time), then the upload is streamed into the job's folder
//! (`DATA/uploads/ID/files/`) within the size limit, and the job is queued: `202` with its id.
//! `GET /api/jobs/{id}` gives its progress as data.

use std::path::Path;

use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use futures_util::TryStreamExt;
use subtle::ConstantTimeEq;
use tokio::io::AsyncWriteExt;

use super::ApiPath;
use crate::error::{ApiError, ErrorCode};
use crate::jobs::{JobStatus, FILES_DIR};
use crate::state::AppState;

/// Check `Authorization: Bearer T` against the server's token. The token is compared in
/// constant time and never logged or echoed.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = state.token() else {
        return Err(ApiError::new(
            ErrorCode::UploadsDisabled,
            "this server takes no uploads: it was started without a token; start it with \
             --token T (or STEMMA_TOKEN=T) and send `Authorization: Bearer T`",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
    match given {
        None => Err(ApiError::new(
            ErrorCode::Unauthorized,
            "uploads need the server's token: send `Authorization: Bearer T`",
        )),
        Some(g) if bool::from(g.as_bytes().ct_eq(token.as_bytes())) => Ok(()),
        Some(_) => Err(ApiError::new(
            ErrorCode::Unauthorized,
            "the bearer token is not this server's",
        )),
    }
}

fn too_large(max: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!(
            "the upload is larger than this server's limit of {} bytes ({} MiB; --max-upload-mib)",
            max,
            max >> 20
        ),
    )
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("spooling the upload: {e}"))
}

/// Store pages, a WARC, or record JSONL in the archive, as a job run in the background.
#[utoipa::path(
    post,
    path = "/api/ingest",
    tag = "ingest",
    request_body(
        description = "Pages (text/html, text/markdown, text/plain), a WARC (application/warc), \
                       or record JSONL (application/x-ndjson), gzip allowed; the format is read \
                       from the Content-Type (or a part's file name), else sniffed. Or \
                       multipart/form-data with several files.",
        content(
            (String = "text/html"),
            (String = "text/markdown"),
            (String = "text/plain"),
            (String = "application/warc"),
            (String = "application/x-ndjson"),
            (String = "application/gzip"),
            (String = "application/octet-stream"),
            (String = "multipart/form-data"),
        ),
    ),
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Spooled and queued; poll /api/jobs/{id}", body = JobStatus),
        (status = 400, description = "An empty upload or a malformed form (`bad_request`)", body = ApiError),
        (status = 401, description = "No token, or a wrong one (`unauthorized`)", body = ApiError),
        (status = 403, description = "The server has no token (`uploads_disabled`)", body = ApiError),
        (status = 413, description = "Over the size limit (`payload_too_large`)", body = ApiError),
        (status = 503, description = "The server is stopping (`shutting_down`)", body = ApiError),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    request: Request,
) -> Result<(StatusCode, Json<JobStatus>), ApiError> {
    authorize(&state, request.headers())?;
    let max = state.max_upload();
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large(max));
    }
    let (id, dir) = state.jobs().reserve()?;
    let spooled = spool(&state, request, &dir, max).await;
    match spooled {
        Ok((files, bytes)) => {
            let status = state.jobs().submit(id, files, bytes)?;
            tracing::info!(job = id, bytes, "serve: upload spooled");
            Ok((StatusCode::ACCEPTED, Json(status)))
        }
        Err(e) => {
            let _ = tokio::fs::remove_dir_all(&dir).await;
            Err(e)
        }
    }
}

/// Spool the body (raw or multipart) into `dir/files/`: the names shown and the bytes.
async fn spool(
    state: &AppState,
    request: Request,
    dir: &Path,
    max: usize,
) -> Result<(Vec<String>, u64), ApiError> {
    let files = dir.join(FILES_DIR);
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut names = Vec::new();
    let mut total = 0u64;
    if content_type
        .as_deref()
        .is_some_and(|c| c.to_ascii_lowercase().starts_with("multipart/form-data"))
    {
        let mut form = Multipart::from_request(request, state)
            .await
            .map_err(|e| ApiError::bad_request(e.body_text()))?;
        loop {
            let field = match form.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => return Err(form_error(e, max)),
            };
            let name = field.file_name().map(str::to_string);
            let ctype = field.content_type().map(str::to_string);
            let n = names.len();
            let stream = field.map_err(|e| form_error(e, max));
            let (shown, bytes) = spool_one(
                stream,
                &files,
                n,
                name.as_deref(),
                ctype.as_deref(),
                max,
                total,
            )
            .await?;
            total += bytes;
            names.push(shown);
        }
    } else {
        let stream = request
            .into_body()
            .into_data_stream()
            .map_err(|e| ApiError::bad_request(format!("reading the upload: {e}")));
        let (shown, bytes) =
            spool_one(stream, &files, 0, None, content_type.as_deref(), max, 0).await?;
        total = bytes;
        names.push(shown);
    }
    if total == 0 {
        return Err(ApiError::bad_request(
            "the upload is empty: send pages, a WARC or record JSONL in the body, or files in \
             a multipart form",
        ));
    }
    Ok((names, total))
}

fn form_error(e: axum::extract::multipart::MultipartError, max: usize) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(max)
    } else {
        ApiError::bad_request(format!("malformed multipart form: {}", e.body_text()))
    }
}

/// Stream one file to `files/NNN.part`, counting against `max` with `before` bytes already
/// taken, then name it by its kind (`NNN-stem.ext`) so the pipeline reads it as that kind.
async fn spool_one<S>(
    mut stream: S,
    files: &Path,
    n: usize,
    name: Option<&str>,
    content_type: Option<&str>,
    max: usize,
    before: u64,
) -> Result<(String, u64), ApiError>
where
    S: futures_util::Stream<Item = Result<axum::body::Bytes, ApiError>> + Unpin,
{
    let part = files.join(format!("{n:03}.part"));
    let mut out = tokio::fs::File::create(&part).await.map_err(internal)?;
    let mut prefix: Vec<u8> = Vec::new();
    let mut bytes = 0u64;
    while let Some(chunk) = stream.try_next().await? {
        bytes += chunk.len() as u64;
        if before + bytes > max as u64 {
            return Err(too_large(max));
        }
        if prefix.len() < SNIFF {
            let take = (SNIFF - prefix.len()).min(chunk.len());
            prefix.extend_from_slice(&chunk[..take]);
        }
        out.write_all(&chunk).await.map_err(internal)?;
    }
    out.flush().await.map_err(internal)?;
    out.sync_all().await.map_err(internal)?;
    drop(out);
    let ext = extension(name, content_type, &prefix);
    let stem = name.map(stem).unwrap_or_default();
    let file = if stem.is_empty() {
        format!("{n:03}.{ext}")
    } else {
        format!("{n:03}-{stem}.{ext}")
    };
    tokio::fs::rename(&part, files.join(&file))
        .await
        .map_err(internal)?;
    let shown = match name {
        Some(n) => n.to_string(),
        None => format!("body ({})", content_type.unwrap_or("no content type")),
    };
    Ok((shown, bytes))
}

/// How many leading bytes the format is sniffed from.
const SNIFF: usize = 1024;

/// A client's file name, safe as part of a file name here (letters, digits, `-`, `_`), its
/// extensions dropped, at most 40 characters.
fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.split('.').next().unwrap_or("");
    base.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect()
}

/// The extension that makes the pipeline read a spooled file as what it is: from the file
/// name, else the content type, else the bytes (stemma-input's sniffer); `.gz` when the
/// bytes are gzip.
pub fn extension(name: Option<&str>, content_type: Option<&str>, prefix: &[u8]) -> String {
    let sniffed = stemma_input::FileKind::sniff(prefix);
    let by_name = name.and_then(|n| {
        let p = Path::new(n);
        if stemma_ingest::is_records(p) {
            return Some("jsonl");
        }
        stemma_input::FileKind::from_path(p).map(|k| format_ext(k.format))
    });
    let media = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let by_type = match media.as_str() {
        "text/html" | "application/xhtml+xml" => Some("html"),
        "text/markdown" | "text/x-markdown" => Some("md"),
        "text/plain" => Some("txt"),
        "application/warc" => Some("warc"),
        "application/x-ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/jsonlines"
        | "application/json" => Some("jsonl"),
        _ => None,
    };
    let ext = by_name.or(by_type).unwrap_or_else(|| {
        // A record line starts with `{` (gzip records need a name or a content type).
        let first = prefix.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            "jsonl"
        } else {
            format_ext(sniffed.format)
        }
    });
    if sniffed.gzip {
        format!("{ext}.gz")
    } else {
        ext.to_string()
    }
}

fn format_ext(f: stemma_core::Format) -> &'static str {
    match f {
        stemma_core::Format::Html => "html",
        stemma_core::Format::Markdown => "md",
        stemma_core::Format::Warc => "warc",
        _ => "txt",
    }
}

/// An upload job: queued, waiting, running, done or failed, with its progress as data.
#[utoipa::path(
    get,
    path = "/api/jobs/{id}",
    tag = "ingest",
    params(("id" = u64, Path, description = "The id POST /api/ingest returned")),
    responses(
        (status = 200, description = "The job", body = JobStatus),
        (status = 404, description = "No such job", body = ApiError),
    )
)]
pub async fn job(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<u64>,
) -> Result<Json<JobStatus>, ApiError> {
    state
        .jobs()
        .status(id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no upload job {id}")))
}
