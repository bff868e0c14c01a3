//! The language server, `cablelint lsp`: LSP over stdio with tokio and `tower-lsp-server`.
//!
//! This is the only module that knows LSP types. It keeps the open documents as ropes edited by
//! incremental changes ([`documents`]), negotiates the position encoding, converts positions
//! exactly ([`convert`]), runs every request that parses or analyses off the message loop against
//! the one shared [`crate::workspace::Analysis`] of the document's version, publishes (or answers
//! pulls for) diagnostics of the newest version only, and turns the plain answers of [`crate::ide`]
//! into protocol messages ([`to_proto`]). The cables of the workspace folders are kept in a
//! workspace index ([`workspace_index`]), which definition, references, workspace symbols and
//! workspace diagnostics read. Each feature has its own module of handlers; `server`
//! only dispatches to them, behind a panic guard ([`dispatch`]).

mod capabilities;
mod code_actions;
mod code_lens;
mod completion;
pub mod configuration;
pub mod convert;
mod definition;
mod diagnostics;
mod dispatch;
mod document_links;
mod documents;
mod folding;
mod formatting;
mod hover;
mod inlay_hints;
pub mod logging;
mod references;
mod semantic_tokens;
mod server;
mod session;
mod skeleton;
mod symbols;
pub mod to_proto;
mod transport;
mod workspace_diagnostics;
mod workspace_index;
mod workspace_symbols;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

pub use code_actions::FIX_ALL_KIND;
pub use diagnostics::TEST_PANIC_MARKER;
pub use transport::{filter_bytes, Filtered};

/// How many request and notification handlers may be in progress at once.
const MAX_CONCURRENT_HANDLERS: usize = 1024;

/// Options of `cablelint lsp`.
#[derive(Debug, Clone, Default)]
pub struct LspOptions {
    /// Also write the log to this file (appending).
    pub log_file: Option<PathBuf>,
}

/// Options of one serving session (for tests and the binary alike).
#[derive(Debug, Clone, Copy, Default)]
pub struct ServeOptions {
    /// Enables the test-only requests `cablelint/panic` and `cablelint/counters` and the analysis panic triggered by
    /// [`TEST_PANIC_MARKER`] in a document. Off unless `CABLELINT_TEST_HOOKS=1`.
    pub test_hooks: bool,
}

impl ServeOptions {
    /// Options from the environment (`CABLELINT_TEST_HOOKS=1` turns the test hooks on).
    pub fn from_env() -> ServeOptions {
        ServeOptions {
            test_hooks: std::env::var("CABLELINT_TEST_HOOKS").is_ok_and(|v| v == "1"),
        }
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeOutcome {
    /// Whether `shutdown` came before the end (then the exit status is 0, else 1).
    pub shutdown_received: bool,
}

/// `cablelint lsp` with default options.
pub fn run() -> ExitCode {
    run_with(LspOptions::default())
}

/// `cablelint lsp`: serves LSP on stdin/stdout until `exit` (or the end of stdin). Exits with 0 when
/// `shutdown` came first, with 1 otherwise, as the protocol asks.
pub fn run_with(options: LspOptions) -> ExitCode {
    let log_problem = logging::init(options.log_file.as_deref()).err();
    // The log goes to the client once it is initialized; until then it is held.
    logging::hold();
    if let Some(p) = log_problem {
        tracing::warn!("{p}");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("cablelint-lsp")
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        "cablelint language server starting"
    );
    let outcome = runtime.block_on(serve(
        tokio::io::stdin(),
        tokio::io::stdout(),
        ServeOptions::from_env(),
    ));
    // Reading stdin happens on a blocking thread that may wait forever when the client keeps the pipe
    // open after `exit`; do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    logging::session_ended();
    tracing::info!(
        shutdown = outcome.shutdown_received,
        "cablelint language server stopped"
    );
    if outcome.shutdown_received {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Serves one LSP session over any byte streams (stdio, or an in-memory duplex in tests). Returns
/// after `exit` or at the end of the input.
pub async fn serve<I, O>(input: I, output: O, options: ServeOptions) -> ServeOutcome
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let mut flag = None;
    let mut builder = LspService::build(|client| {
        let (backend, f) = server::Backend::new(client, options);
        flag = Some(f);
        backend
    })
    .custom_method("$/setTrace", server::Backend::set_trace);
    if options.test_hooks {
        builder = builder
            .custom_method("cablelint/panic", server::Backend::test_panic)
            .custom_method("cablelint/counters", server::Backend::test_counters);
    }
    let (service, socket) = builder.finish();
    // The server reads a filtered copy of the input and writes into a pipe that the pump copies to
    // the output (see `transport`).
    let (filter_side, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, pump_side) = tokio::io::duplex(1 << 16);
    let (errors_tx, errors_rx) = tokio::sync::mpsc::unbounded_channel();
    let server = async move {
        // `tower-lsp-server` runs at most this many handlers at once and reads no further message
        // while they run; with its default of 4, four requests waiting on a slow document held
        // back every later message, `$/cancelRequest` and other documents' requests included.
        // Handlers do their work on the blocking pool, so a wide window costs nothing.
        Server::new(server_in, server_out, socket)
            .concurrency_level(MAX_CONCURRENT_HANDLERS)
            .serve(service)
            .await;
    };
    let main = std::pin::pin!(futures::future::join(
        server,
        transport::pump_output(pump_side, output, errors_rx)
    ));
    let filter = std::pin::pin!(transport::filter_input(input, filter_side, errors_tx));
    match futures::future::select(main, filter).await {
        // The session ended (`exit`): stop reading the input, which may stay open.
        futures::future::Either::Left(_) => {}
        // The input ended: the server sees the end of its input and stops; wait for it.
        futures::future::Either::Right((_, main)) => {
            main.await;
        }
    }
    ServeOutcome {
        shutdown_received: flag.is_some_and(|f| f.received()),
    }
}
