//! Running handlers safely: requests and notifications behind a panic guard, and work that parses
//! or analyses on the blocking pool, off the message loop. A panic becomes an internal error and
//! the server keeps serving.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures::FutureExt;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tracing::{debug, error};

/// Sets its flag when dropped: the request that waited for the work was answered or cancelled.
struct Abandon(Arc<AtomicBool>);

impl Drop for Abandon {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Runs a closure on the blocking pool behind a panic guard; a panic becomes an internal error.
/// When the request is cancelled (`$/cancelRequest` drops the future awaiting this) before the
/// closure has started, the closure never runs.
pub(super) async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    let abandoned = Arc::new(AtomicBool::new(false));
    let _guard = Abandon(abandoned.clone());
    let task = move || {
        if abandoned.load(Ordering::Relaxed) {
            debug!(what, "request cancelled before its work started; skipped");
            return None;
        }
        Some(std::panic::catch_unwind(AssertUnwindSafe(f)))
    };
    match tokio::task::spawn_blocking(task).await {
        Ok(None) => Err(Error::request_cancelled()),
        Ok(Some(Ok(v))) => Ok(v),
        Ok(Some(Err(payload))) => {
            error!(
                what,
                panic = panic_text(&payload),
                "analysis panicked; the server keeps serving"
            );
            Err(internal_error(what))
        }
        Err(e) => {
            error!(what, "analysis task failed: {e}");
            Err(internal_error(what))
        }
    }
}

fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

fn internal_error(what: &str) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: format!(
            "cablelint: internal error in {what} (a panic was caught; see the server log)"
        )
        .into(),
        data: None,
    }
}

/// Runs a request handler behind a panic guard.
pub(super) async fn guard<T>(
    method: &'static str,
    fut: impl Future<Output = Result<T>>,
) -> Result<T> {
    match AssertUnwindSafe(fut).catch_unwind().await {
        Ok(r) => r,
        Err(payload) => {
            error!(
                method,
                panic = panic_text(&payload),
                "handler panicked; the server keeps serving"
            );
            Err(internal_error(method))
        }
    }
}

/// Runs a notification handler behind a panic guard.
pub(super) async fn guard_notification(method: &'static str, fut: impl Future<Output = ()>) {
    if let Err(payload) = AssertUnwindSafe(fut).catch_unwind().await {
        error!(
            method,
            panic = panic_text(&payload),
            "notification handler panicked; the server keeps serving"
        );
    }
}

/// Runs the part of a notification handler that sends requests to the client
/// (`workspace/configuration`, `client/registerCapability`) as a task of its own, behind the same
/// panic guard. `tower-lsp-server` ends the session on `exit` (or at the end of the input) only once
/// every handler in progress has returned, so a handler waiting for an answer the client never
/// sends would keep the server alive for ever.
pub(super) fn in_background(method: &'static str, fut: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(guard_notification(method, fut));
}
