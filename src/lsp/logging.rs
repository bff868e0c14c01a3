//! Logging with `tracing` to stderr (and to a file when asked).
//!
//! The level comes from `CABLELINT_LOG` (an `EnvFilter` directive such as `debug` or
//! `cablelint=trace`) when it is set; otherwise from the client's trace setting (`off` and
//! `messages` log at `info`, `verbose` at `debug`). Document text is logged only at `trace` under
//! the target `cablelint::doctext`, which no client setting reaches: cables are often classified.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use tower_lsp_server::ls_types::TraceValue;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, reload, EnvFilter, Registry};

/// The target under which document text may be logged (at `trace` only).
pub const DOC_TEXT_TARGET: &str = "cablelint::doctext";

/// The environment variable that sets the log filter.
pub const LOG_ENV: &str = "CABLELINT_LOG";

const DEFAULT_FILTER: &str = "info";

static RELOAD: OnceLock<reload::Handle<EnvFilter, Registry>> = OnceLock::new();
static FROM_ENV: OnceLock<bool> = OnceLock::new();

/// A writer shared by the file layer.
#[derive(Clone)]
struct FileWriter(Arc<Mutex<std::fs::File>>);

impl Write for FileWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).flush()
    }
}

/// Installs the global subscriber. Errors (an unreadable filter, a log file that cannot be opened)
/// come back as text for the caller to report; logging to stderr still works then.
pub fn init(log_file: Option<&Path>) -> Result<(), String> {
    let env = std::env::var(LOG_ENV).ok().filter(|s| !s.trim().is_empty());
    let mut problems = Vec::new();
    let filter = match &env {
        Some(spec) => EnvFilter::try_new(spec).unwrap_or_else(|e| {
            problems.push(format!(
                "{LOG_ENV}=`{spec}` is not a valid log filter ({e}); using `{DEFAULT_FILTER}`"
            ));
            EnvFilter::new(DEFAULT_FILTER)
        }),
        None => EnvFilter::new(DEFAULT_FILTER),
    };
    let _ = FROM_ENV.set(env.is_some());
    let (filter, handle) = reload::Layer::new(filter);
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(true);
    let file = match log_file {
        Some(path) => match OpenOptions::new().create(true).append(true).open(path) {
            Ok(f) => {
                let w = FileWriter(Arc::new(Mutex::new(f)));
                Some(
                    fmt::layer()
                        .with_writer(move || w.clone())
                        .with_ansi(false)
                        .with_target(true),
                )
            }
            Err(e) => {
                problems.push(format!(
                    "cannot open the log file {}: {}",
                    path.display(),
                    crate::config::describe_io_error(&e)
                ));
                None
            }
        },
        None => None,
    };
    let registry = tracing_subscriber::registry()
        .with(filter)
        .with(stderr)
        .with(file);
    if registry.try_init().is_err() {
        return Err("a global logger was already installed".to_string());
    }
    let _ = RELOAD.set(handle);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Follows the client's trace setting, unless `CABLELINT_LOG` decides.
pub fn set_trace(value: TraceValue) {
    if FROM_ENV.get().copied().unwrap_or(false) {
        return;
    }
    let Some(handle) = RELOAD.get() else { return };
    let spec = match value {
        TraceValue::Verbose => "debug",
        TraceValue::Off | TraceValue::Messages => DEFAULT_FILTER,
    };
    if let Err(e) = handle.reload(EnvFilter::new(spec)) {
        tracing::warn!("could not change the log level: {e}");
    } else {
        tracing::debug!(level = spec, "log level follows the client's trace setting");
    }
}
