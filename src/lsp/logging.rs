//! Logging with `tracing`: to the client while a session runs, to stderr otherwise, and to a file
//! when asked.
//!
//! The level comes from `CABLELINT_LOG` (an `EnvFilter` directive such as `debug` or
//! `cablelint=trace`) when it is set; otherwise from the client's trace setting (`off` and
//! `messages` log at `info`, `verbose` at `debug`). Document text is logged only at `trace` under
//! the target `cablelint::doctext`, which no client setting reaches: cables are often classified.
//!
//! Where the lines go ([`Route`]): a client shows a server's stderr as errors (VS Code prints every
//! stderr line as `[error]`, Neovim logs it at ERROR), so while a client is connected each event
//! is sent as `window/logMessage` with the type of its level (error 1, warning 2, info 3, and
//! debug and trace as 3.18's debug, 5), and stderr stays quiet. What is logged before the client
//! is initialized is held and sent once it is; a session that never gets that far writes what it
//! held to stderr at its end. After a client session, stderr gets warnings and errors only. A
//! program that serves without calling [`hold`] (the tests that run sessions in-process) logs to
//! stderr as before.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tower_lsp_server::ls_types::{MessageType, TraceValue};
use tower_lsp_server::Client;
use tracing::{Level, Metadata};
use tracing_subscriber::fmt::MakeWriter;
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

/// How many lines are held for the client before it is initialized; older ones are dropped.
const HELD_LINES: usize = 500;

/// Where log lines go besides the log file.
enum Route {
    /// To stderr (no session, or a program that does not [`hold`]).
    Stderr,
    /// Kept until the client is initialized ([`to_client`]) or the session ends ([`session_ended`]).
    Held(Vec<(Level, String)>),
    /// To the client as `window/logMessage`, through the task that [`to_client`] started.
    Client(UnboundedSender<(Level, String)>),
    /// The client session is over: warnings and errors to stderr, the rest nowhere.
    AfterClient,
}

static ROUTE: Mutex<Route> = Mutex::new(Route::Stderr);

/// Lines handed to the client task and not yet sent.
static UNSENT: AtomicUsize = AtomicUsize::new(0);

fn route() -> MutexGuard<'static, Route> {
    ROUTE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The `window/logMessage` type of a level: LSP 3.18's `Debug` (5) for debug and trace.
fn message_type(level: Level) -> MessageType {
    match level {
        Level::ERROR => MessageType::ERROR,
        Level::WARN => MessageType::WARNING,
        Level::INFO => MessageType::INFO,
        _ => serde_json::from_value(serde_json::json!(5)).unwrap_or(MessageType::LOG),
    }
}

/// Writes an event to stderr when the route says so.
struct StderrGate;

impl<'a> MakeWriter<'a> for StderrGate {
    type Writer = Box<dyn Write + 'a>;

    fn make_writer(&'a self) -> Self::Writer {
        Box::new(std::io::stderr())
    }

    fn make_writer_for(&'a self, meta: &Metadata<'_>) -> Self::Writer {
        let on = match &*route() {
            Route::Stderr => true,
            Route::AfterClient => *meta.level() <= Level::WARN,
            Route::Held(_) | Route::Client(_) => false,
        };
        if on {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::sink())
        }
    }
}

/// Collects one formatted event and hands it to the route when dropped.
struct EventLine {
    level: Level,
    text: Vec<u8>,
}

impl Write for EventLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for EventLine {
    fn drop(&mut self) {
        let text = String::from_utf8_lossy(&self.text).trim_end().to_string();
        if text.is_empty() {
            return;
        }
        match &mut *route() {
            Route::Held(lines) => {
                if lines.len() == HELD_LINES {
                    lines.remove(0);
                }
                lines.push((self.level, text));
            }
            Route::Client(tx) => {
                UNSENT.fetch_add(1, Ordering::SeqCst);
                if tx.send((self.level, text)).is_err() {
                    UNSENT.fetch_sub(1, Ordering::SeqCst);
                }
            }
            Route::Stderr | Route::AfterClient => {}
        }
    }
}

/// Formats events for the client (held or sent, per the route).
struct ToClient;

impl<'a> MakeWriter<'a> for ToClient {
    type Writer = Box<dyn Write + 'a>;

    fn make_writer(&'a self) -> Self::Writer {
        Box::new(std::io::sink())
    }

    fn make_writer_for(&'a self, meta: &Metadata<'_>) -> Self::Writer {
        // The transport's own debug and trace lines describe each message sent, this log's
        // included: sending them would never end.
        let transport =
            meta.target().starts_with("tower_lsp_server") && *meta.level() > Level::INFO;
        let wanted = matches!(&*route(), Route::Held(_) | Route::Client(_));
        if wanted && !transport {
            Box::new(EventLine {
                level: *meta.level(),
                text: Vec::new(),
            })
        } else {
            Box::new(std::io::sink())
        }
    }
}

/// From now on, log lines are held for the client of the session about to start ([`to_client`]).
pub fn hold() {
    let mut r = route();
    if matches!(*r, Route::Stderr) {
        *r = Route::Held(Vec::new());
    }
}

/// Sends the log to an initialized client as `window/logMessage`, starting with what was held.
/// Does nothing unless [`hold`] was called (a program that serves in-process logs to stderr).
/// Must run inside the tokio runtime of the session.
pub fn to_client(client: &Client) {
    let mut r = route();
    let Route::Held(held) = &mut *r else { return };
    let held = std::mem::take(held);
    let (tx, mut rx) = unbounded_channel::<(Level, String)>();
    for line in held {
        UNSENT.fetch_add(1, Ordering::SeqCst);
        let _ = tx.send(line);
    }
    *r = Route::Client(tx);
    drop(r);
    let client = client.clone();
    tokio::spawn(async move {
        while let Some((level, text)) = rx.recv().await {
            client.log_message(message_type(level), text).await;
            UNSENT.fetch_sub(1, Ordering::SeqCst);
        }
    });
}

/// Waits (at most `limit`) until the lines logged so far are sent to the client: `shutdown` waits
/// so that the client gets the session's whole log before `exit` ends the process.
pub async fn flush(limit: Duration) {
    let started = Instant::now();
    while UNSENT.load(Ordering::SeqCst) > 0 && started.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The session ended: what was held for a client that never came goes to stderr; after a client
/// session, only warnings and errors do.
pub fn session_ended() {
    let mut r = route();
    match std::mem::replace(&mut *r, Route::Stderr) {
        Route::Held(lines) => {
            let mut err = std::io::stderr().lock();
            for (level, text) in lines {
                let _ = writeln!(err, "{level:>5} {text}");
            }
        }
        Route::Client(_) | Route::AfterClient => *r = Route::AfterClient,
        Route::Stderr => {}
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
        .with_writer(StderrGate)
        .with_ansi(false)
        .with_target(true);
    let client = fmt::layer()
        .with_writer(ToClient)
        .with_ansi(false)
        .without_time()
        .with_level(false)
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
        .with(client)
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
