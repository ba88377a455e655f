//! The one table of error codes. Every failure an API client can see is an [`ApiError`]: an
//! HTTP status, a stable machine code (`snake_case`, never renamed once published) and a
//! message for a person. The web UI renders the same errors as a page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use stemma_store::StoreError;

/// The stable codes, one line each: code, status, when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A parameter is missing, malformed or out of range (400).
    BadRequest,
    /// The full-text query cannot be parsed (400).
    BadQuery,
    /// No article, story, entity or job has that id or name (404).
    NotFound,
    /// A write endpoint without a bearer token, or with a wrong one (401).
    Unauthorized,
    /// The server was started without a token, so it takes no uploads (403); the message
    /// says how to start it with one.
    UploadsDisabled,
    /// The upload is larger than the server's limit (413).
    PayloadTooLarge,
    /// Another writer holds the archive (an ingest from the CLI or another job) (409; in a
    /// job's status, the job waits and retries until the writer is done).
    Busy,
    /// The server is stopping and takes no new uploads (503); a job cut off by the stop
    /// resumes when the server starts again.
    ShuttingDown,
    /// The data directory holds no archive yet (404 for reads).
    NoArchive,
    /// The archive cannot be read as it is: damaged, too new, or its index is missing (503).
    StoreUnavailable,
    /// Anything else; the message says what, the log says more (500).
    Internal,
}

impl ErrorCode {
    /// Every code, in the table's order.
    pub const ALL: [ErrorCode; 11] = [
        ErrorCode::BadRequest,
        ErrorCode::BadQuery,
        ErrorCode::NotFound,
        ErrorCode::Unauthorized,
        ErrorCode::UploadsDisabled,
        ErrorCode::PayloadTooLarge,
        ErrorCode::Busy,
        ErrorCode::ShuttingDown,
        ErrorCode::NoArchive,
        ErrorCode::StoreUnavailable,
        ErrorCode::Internal,
    ];

    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::BadRequest | ErrorCode::BadQuery => StatusCode::BAD_REQUEST,
            ErrorCode::NotFound | ErrorCode::NoArchive => StatusCode::NOT_FOUND,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::UploadsDisabled => StatusCode::FORBIDDEN,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::Busy => StatusCode::CONFLICT,
            ErrorCode::StoreUnavailable | ErrorCode::ShuttingDown => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An error as the API returns it: `{"code": "...", "message": "..."}`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::NotFound, message)
    }

    pub fn status(&self) -> StatusCode {
        self.code.status()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Query(_) => ErrorCode::BadQuery,
            StoreError::Missing(_) => ErrorCode::NoArchive,
            StoreError::Locked { .. } => ErrorCode::Busy,
            StoreError::Corrupt { .. } | StoreError::TooNew { .. } | StoreError::Index(_) => {
                ErrorCode::StoreUnavailable
            }
            _ => ErrorCode::Internal,
        };
        if code == ErrorCode::Internal {
            tracing::error!(error = %e, "serve: store error");
        }
        ApiError::new(code, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), Json(self)).into_response()
    }
}
