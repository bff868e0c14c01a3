//! The language server: session state and one thin handler per LSP method. Handlers turn LSP
//! positions into byte offsets, ask `crate::ide`, and turn the answers back into LSP types.
//!
//! Document notifications change the session at once, in arrival order, before anything awaits.
//! Analyses run on the blocking pool behind a panic guard; diagnostics are pushed only for the newest
//! state of a document that is still open, or pulled by the client when it can (never both).

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use futures::FutureExt;
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};
use tracing::{debug, error, info, trace, warn};

use super::config::{Applied, ConfigStore, EditorSettings, TablesRef};
use super::convert::{negotiate_encoding, Converter};
use super::document::{Document, Snapshot};
use super::logging::{self, DOC_TEXT_TARGET};
use super::ServeOptions;
use crate::data::TagKind;
use crate::ide;
use crate::rules::{Applicability, Severity};
use crate::syntax::{parse, ColumnUnit, LineIndex};

/// How long a document must stay unchanged before its diagnostics are computed (a burst of typing
/// gives one analysis, not one per keystroke).
const QUIET_PERIOD: Duration = Duration::from_millis(30);

/// How long a workspace search for a `REF` target may take.
const DEFINITION_BUDGET: Duration = Duration::from_secs(2);

/// The text that makes analysis panic when test hooks are on.
pub const TEST_PANIC_MARKER: &str = "CABLELINT-TEST-PANIC";

/// The code-action kind of the fix-all action.
pub const FIX_ALL_KIND: &str = "source.fixAll.cablelint";

/// The semantic token types, in the order of [`ide::TokenKind::ALL`]'s legend indices.
pub const TOKEN_TYPES: &[&str] = &[
    "keyword",
    "macro",
    "decorator",
    "type",
    "namespace",
    "string",
    "enumMember",
    "number",
    "variable",
    "comment",
];

/// The semantic token modifiers: bit 0 `deprecated`, bit 1 `classified`.
pub const TOKEN_MODIFIERS: &[&str] = &["deprecated", "classified"];

fn token_type(kind: ide::TokenKind) -> u32 {
    use ide::TokenKind::*;
    match kind {
        Keyword => 0,
        Level => 1,
        Marking | Caption => 2,
        Tag => 3,
        RoutingIndicator => 4,
        Address => 5,
        Precedence => 6,
        Number | Date => 7,
        Reference => 8,
        Marker | Continuation => 9,
    }
}

/// What the client can do, from its capabilities.
#[derive(Debug, Default, Clone, Copy)]
struct Caps {
    configuration: bool,
    watched_files_dynamic: bool,
    diagnostic_refresh: bool,
    hierarchical_symbols: bool,
    related_information: bool,
}

struct Session {
    docs: HashMap<Uri, Document>,
    unit: ColumnUnit,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`); else they are pushed.
    pull: bool,
    caps: Caps,
    /// Workspace folders as paths.
    roots: Vec<PathBuf>,
    /// Editor settings for the whole workspace, and per folder when the client gives them.
    editor: EditorSettings,
    /// The settings `initializationOptions` gave: they apply while the client has no `cablelint`
    /// section of its own.
    init_editor: EditorSettings,
    folder_editor: HashMap<PathBuf, EditorSettings>,
    configs: ConfigStore,
    /// Problems to show once the client is initialized.
    pending_messages: Vec<String>,
}

impl Session {
    /// The settings for a document, with any configuration error to show.
    fn settings_for(
        &mut self,
        path: Option<&Path>,
    ) -> ((Arc<crate::rules::Settings>, TablesRef), Option<String>) {
        let dir = match path.and_then(|p| p.parent()) {
            Some(d) => Some(d.to_path_buf()),
            None => self.roots.first().cloned(),
        };
        let editor = path
            .and_then(|p| {
                self.folder_editor
                    .iter()
                    .filter(|(root, _)| p.starts_with(root))
                    .max_by_key(|(root, _)| root.as_os_str().len())
                    .map(|(_, s)| s)
            })
            .unwrap_or(&self.editor)
            .clone();
        let (applied, err) = match &dir {
            Some(d) => self.configs.for_dir(d),
            None => (Applied::default(), None),
        };
        let file = path.map_or_else(|| PathBuf::from("untitled.cable"), Path::to_path_buf);
        let settings = editor.settings(applied.config.as_deref(), &file);
        let err =
            err.map(|e| format!("cablelint: invalid configuration, keeping the previous one: {e}"));
        ((Arc::new(settings), applied.tables), err)
    }
}

pub(crate) struct Inner {
    client: Client,
    session: Mutex<Session>,
    /// Held while deciding on and sending a publication, so that a close's empty publication can
    /// never be overtaken by an analysis that started before it.
    publish: tokio::sync::Mutex<()>,
    options: ServeOptions,
    shutdown: AtomicBool,
}

impl Inner {
    fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while the lock was held leaves consistent data (every update is one assignment),
        // so a poisoned lock is taken over rather than bringing the server down.
        self.session.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The `LanguageServer` implementation.
pub struct Backend {
    inner: Arc<Inner>,
}

/// A handle the serving loop keeps to ask, at the end, whether `shutdown` came.
#[derive(Clone)]
pub(crate) struct ShutdownFlag(Arc<Inner>);

impl ShutdownFlag {
    pub fn received(&self) -> bool {
        self.0.shutdown.load(Ordering::SeqCst)
    }
}

impl Backend {
    pub(crate) fn new(client: Client, options: ServeOptions) -> (Backend, ShutdownFlag) {
        let inner = Arc::new(Inner {
            client,
            session: Mutex::new(Session {
                docs: HashMap::new(),
                unit: ColumnUnit::Utf16,
                pull: false,
                caps: Caps::default(),
                roots: Vec::new(),
                editor: EditorSettings::default(),
                init_editor: EditorSettings::default(),
                folder_editor: HashMap::new(),
                configs: ConfigStore::default(),
                pending_messages: Vec::new(),
            }),
            publish: tokio::sync::Mutex::new(()),
            options,
            shutdown: AtomicBool::new(false),
        });
        let flag = ShutdownFlag(inner.clone());
        (Backend { inner }, flag)
    }

    fn snapshot(&self, uri: &Uri) -> Option<(Snapshot, ColumnUnit)> {
        let mut s = self.inner.session();
        let unit = s.unit;
        let doc = s.docs.get_mut(uri)?;
        Some((doc.snapshot(), unit))
    }

    /// Schedules the push of diagnostics for a document's current generation.
    fn schedule(&self, uri: Uri, generation: u64) {
        let inner = self.inner.clone();
        tokio::spawn(async move {
            tokio::time::sleep(QUIET_PERIOD).await;
            let (snap, unit, related) = {
                let mut s = inner.session();
                if s.pull {
                    return;
                }
                let unit = s.unit;
                let related = s.caps.related_information;
                match s.docs.get_mut(&uri) {
                    Some(d) if d.generation == generation => (d.snapshot(), unit, related),
                    _ => return,
                }
            };
            let started = Instant::now();
            let test_hooks = inner.options.test_hooks;
            let uri2 = uri.clone();
            let result = blocking("diagnostics", move || {
                analyse(&snap, &uri2, unit, test_hooks, related)
            })
            .await;
            let Ok((version, diags)) = result else {
                return;
            };
            let _guard = inner.publish.lock().await;
            let current = inner.session().docs.get(&uri).map(|d| d.generation);
            if current != Some(generation) {
                debug!(
                    uri = uri.as_str(),
                    "dropping diagnostics of a stale or closed document"
                );
                return;
            }
            debug!(
                uri = uri.as_str(),
                version,
                count = diags.len(),
                micros = started.elapsed().as_micros() as u64,
                "publishing diagnostics"
            );
            inner
                .client
                .publish_diagnostics(uri, diags, Some(version))
                .await;
        });
    }

    /// Re-reads settings for every open document and checks them again.
    async fn recheck_all(&self) {
        let (pushes, pull, refresh, messages) = {
            let mut s = self.inner.session();
            let uris: Vec<Uri> = s.docs.keys().cloned().collect();
            let mut pushes = Vec::new();
            let mut messages = Vec::new();
            for uri in uris {
                let path = s.docs.get(&uri).and_then(|d| d.path.clone());
                let (settings, err) = s.settings_for(path.as_deref());
                messages.extend(err);
                if let Some(d) = s.docs.get_mut(&uri) {
                    d.set_settings(settings);
                    pushes.push((uri, d.generation));
                }
            }
            (pushes, s.pull, s.caps.diagnostic_refresh, messages)
        };
        self.show_errors(messages).await;
        if pull {
            if refresh {
                if let Err(e) = self.inner.client.workspace_diagnostic_refresh().await {
                    warn!("workspace/diagnostic/refresh failed: {e}");
                }
            }
        } else {
            for (uri, generation) in pushes {
                self.schedule(uri, generation);
            }
        }
    }

    async fn show_errors(&self, messages: Vec<String>) {
        let mut seen = std::collections::HashSet::new();
        for m in messages {
            if seen.insert(m.clone()) {
                warn!("{m}");
                self.inner.client.show_message(MessageType::ERROR, m).await;
            }
        }
    }

    /// Asks the client for the `cablelint` section (globally and per folder) and applies it.
    async fn pull_configuration(&self) -> bool {
        let roots = self.inner.session().roots.clone();
        let mut items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("cablelint".to_string()),
        }];
        for r in &roots {
            items.push(ConfigurationItem {
                scope_uri: Uri::from_file_path(r),
                section: Some("cablelint".to_string()),
            });
        }
        match self.inner.client.configuration(items).await {
            Ok(values) => {
                self.apply_editor_settings(
                    values.first().unwrap_or(&Value::Null),
                    &roots,
                    values.get(1..).unwrap_or(&[]),
                )
                .await
            }
            Err(e) => {
                warn!("workspace/configuration failed: {e}");
                false
            }
        }
    }

    /// Validates and stores editor settings; an invalid value is shown and the previous settings stay.
    async fn apply_editor_settings(
        &self,
        global: &Value,
        roots: &[PathBuf],
        per_folder: &[Value],
    ) -> bool {
        let mut errors = Vec::new();
        // `null` means the client has no such section (or no longer has one): what
        // `initializationOptions` said applies.
        let global = match EditorSettings::from_json(global) {
            Ok(_) if global.is_null() => Some(self.inner.session().init_editor.clone()),
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(format!(
                    "cablelint: invalid editor settings, keeping the previous ones: {e}"
                ));
                None
            }
        };
        let mut folders = HashMap::new();
        for (root, v) in roots.iter().zip(per_folder) {
            if v.is_null() {
                continue;
            }
            match EditorSettings::from_json(v) {
                Ok(s) => {
                    folders.insert(root.clone(), s);
                }
                Err(e) => errors.push(format!(
                    "cablelint: invalid editor settings for {}, keeping the previous ones: {e}",
                    root.display()
                )),
            }
        }
        let changed = {
            let mut s = self.inner.session();
            let mut changed = false;
            if let Some(g) = global {
                changed |= s.editor != g;
                s.editor = g;
            }
            for (root, f) in folders {
                // Folder settings equal to the global ones add nothing.
                if f == s.editor {
                    changed |= s.folder_editor.remove(&root).is_some();
                } else {
                    changed |= s.folder_editor.get(&root) != Some(&f);
                    s.folder_editor.insert(root, f);
                }
            }
            changed
        };
        self.show_errors(errors).await;
        changed
    }
}

/// Runs a closure on the blocking pool behind a panic guard; a panic becomes an internal error.
async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    match tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(payload)) => {
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
async fn guard<T>(method: &'static str, fut: impl Future<Output = Result<T>>) -> Result<T> {
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
async fn guard_notification(method: &'static str, fut: impl Future<Output = ()>) {
    if let Err(payload) = AssertUnwindSafe(fut).catch_unwind().await {
        error!(
            method,
            panic = panic_text(&payload),
            "notification handler panicked; the server keeps serving"
        );
    }
}

/// Parses and checks a snapshot; returns its version and the LSP diagnostics.
fn analyse(
    snap: &Snapshot,
    uri: &Uri,
    unit: ColumnUnit,
    test_hooks: bool,
    related: bool,
) -> (i32, Vec<Diagnostic>) {
    if test_hooks && snap.text.contains(TEST_PANIC_MARKER) {
        panic!("test panic requested by the document");
    }
    let cable = parse(&snap.text);
    let diags = ide::diagnostics(&cable, &snap.settings, snap.tables.get());
    let conv = Converter::new(&snap.text, &snap.index, unit);
    let out = diags
        .iter()
        .map(|d| to_lsp_diagnostic(d, &conv, uri, related))
        .collect();
    (snap.version, out)
}

fn to_lsp_diagnostic(
    d: &crate::rules::Diagnostic,
    conv: &Converter<'_>,
    uri: &Uri,
    related: bool,
) -> Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let related_information = (related || !d.related.is_empty()).then(|| {
        d.related
            .iter()
            .map(|r| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), conv.range(r.range)),
                message: r.message.clone(),
            })
            .collect::<Vec<_>>()
    });
    Diagnostic {
        range: conv.range(d.range),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.code().to_string())),
        code_description: ide::rule_url(d.rule)
            .and_then(|u| Uri::from_str(&u).ok())
            .map(|href| CodeDescription { href }),
        source: Some("cablelint".to_string()),
        message: d.message.clone(),
        related_information: related_information.filter(|r| !r.is_empty()),
        tags: None,
        data: Some(serde_json::json!({ "rule": d.rule.name() })),
    }
}

fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

fn completion_kind(kind: ide::CompletionKind) -> CompletionItemKind {
    use ide::CompletionKind as K;
    match kind {
        K::Tag(TagKind::Subject) => CompletionItemKind::KEYWORD,
        K::Tag(TagKind::Program) => CompletionItemKind::MODULE,
        K::Tag(TagKind::Geographic) => CompletionItemKind::CONSTANT,
        K::Tag(TagKind::Organization) => CompletionItemKind::CLASS,
        K::Tag(TagKind::Personal) => CompletionItemKind::REFERENCE,
        K::Addressee => CompletionItemKind::REFERENCE,
        K::Originator => CompletionItemKind::MODULE,
        K::Precedence | K::Reason => CompletionItemKind::ENUM_MEMBER,
        K::Level | K::Marking => CompletionItemKind::CONSTANT,
        K::Caption | K::Keyword => CompletionItemKind::KEYWORD,
        K::Line => CompletionItemKind::SNIPPET,
        K::Decl | K::DateTimeGroup => CompletionItemKind::VALUE,
    }
}

fn markdown(text: String) -> MarkupContent {
    MarkupContent {
        kind: MarkupKind::Markdown,
        value: text,
    }
}

#[allow(deprecated)]
fn to_document_symbol(s: &ide::Symbol, conv: &Converter<'_>) -> DocumentSymbol {
    use ide::SymbolKind as K;
    let kind = match s.kind {
        K::Header => SymbolKind::NAMESPACE,
        K::HeaderLine => SymbolKind::FIELD,
        K::AddresseeBlock => SymbolKind::ARRAY,
        K::Addressee => SymbolKind::STRING,
        K::Banner => SymbolKind::CONSTANT,
        K::Caption => SymbolKind::KEY,
        K::Eo | K::Tags | K::Subject | K::ClassifiedBy => SymbolKind::PROPERTY,
        K::Ref => SymbolKind::ARRAY,
        K::RefItem => SymbolKind::OBJECT,
        K::Paragraph => SymbolKind::STRUCT,
        K::Signature => SymbolKind::EVENT,
    };
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(empty)".to_string()
        } else {
            s.name.clone()
        },
        detail: s.detail.clone(),
        kind,
        tags: None,
        deprecated: None,
        range: conv.range(s.range),
        selection_range: conv.range(s.selection_range),
        children: (!s.children.is_empty()).then(|| {
            s.children
                .iter()
                .map(|c| to_document_symbol(c, conv))
                .collect()
        }),
    }
}

#[allow(deprecated)]
fn flatten_symbols(
    s: &ide::Symbol,
    conv: &Converter<'_>,
    uri: &Uri,
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    let d = to_document_symbol(s, conv);
    out.push(SymbolInformation {
        name: d.name.clone(),
        kind: d.kind,
        tags: None,
        deprecated: None,
        location: Location::new(uri.clone(), d.range),
        container_name: container.map(str::to_string),
    });
    for c in &s.children {
        flatten_symbols(c, conv, uri, Some(&s.name), out);
    }
}

fn kind_matches(kind: &str, only: &Option<Vec<CodeActionKind>>) -> bool {
    match only {
        None => true,
        Some(list) => list
            .iter()
            .any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str()))),
    }
}

fn server_capabilities(encoding: PositionEncodingKind, pull: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: None,
            },
        )),
        completion_provider: Some(CompletionOptions {
            resolve_provider: Some(true),
            trigger_characters: Some(vec![" ".into(), "/".into(), "(".into(), ":".into()]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(FIX_ALL_KIND),
            ]),
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: SemanticTokensLegend {
                    token_types: TOKEN_TYPES
                        .iter()
                        .map(|t| SemanticTokenType::new(t))
                        .collect(),
                    token_modifiers: TOKEN_MODIFIERS
                        .iter()
                        .map(|m| SemanticTokenModifier::new(m))
                        .collect(),
                },
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        diagnostic_provider: pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("cablelint".to_string()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

impl Backend {
    /// The test-only request `cablelint/panic`: panics inside the handler.
    pub(crate) async fn test_panic(&self, _params: Value) -> Result<Value> {
        guard("cablelint/panic", async {
            panic!("test panic requested by cablelint/panic");
        })
        .await
    }

    /// `$/setTrace`: the client's trace setting sets the log level (unless `CABLELINT_LOG` does).
    pub(crate) async fn set_trace(&self, params: SetTraceParams) {
        logging::set_trace(params.value);
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        guard("initialize", async {
            let caps = &params.capabilities;
            let (unit, encoding) = negotiate_encoding(caps);
            // Pull only from a client that can also be told to pull again
            // (`workspace/diagnostic/refresh`): diagnostics change without an edit when the
            // configuration does, and a pull client without refresh (Neovim 0.11) would keep
            // showing the old ones. Such clients get pushed diagnostics instead.
            let pull = caps
                .text_document
                .as_ref()
                .and_then(|t| t.diagnostic.as_ref())
                .is_some()
                && caps
                    .workspace
                    .as_ref()
                    .and_then(|w| w.diagnostics.as_ref())
                    .and_then(|d| d.refresh_support)
                    .unwrap_or(false);
            let ws = caps.workspace.as_ref();
            let c = Caps {
                configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
                watched_files_dynamic: ws
                    .and_then(|w| w.did_change_watched_files.as_ref())
                    .and_then(|d| d.dynamic_registration)
                    .unwrap_or(false),
                diagnostic_refresh: ws
                    .and_then(|w| w.diagnostics.as_ref())
                    .and_then(|d| d.refresh_support)
                    .unwrap_or(false),
                hierarchical_symbols: caps
                    .text_document
                    .as_ref()
                    .and_then(|t| t.document_symbol.as_ref())
                    .and_then(|d| d.hierarchical_document_symbol_support)
                    .unwrap_or(false),
                related_information: caps
                    .text_document
                    .as_ref()
                    .and_then(|t| t.publish_diagnostics.as_ref())
                    .and_then(|p| p.related_information)
                    .unwrap_or(false),
            };
            #[allow(deprecated)]
            let mut roots: Vec<PathBuf> = params
                .workspace_folders
                .iter()
                .flatten()
                .filter_map(|f| uri_path(&f.uri))
                .collect();
            #[allow(deprecated)]
            if roots.is_empty() {
                if let Some(p) = params.root_uri.as_ref().and_then(uri_path) {
                    roots.push(p);
                }
            }
            if let Some(t) = params.trace {
                logging::set_trace(t);
            }
            let editor = params
                .initialization_options
                .as_ref()
                .map(EditorSettings::from_json);
            {
                let mut s = self.inner.session();
                s.unit = unit;
                s.pull = pull;
                s.caps = c;
                s.roots = roots.clone();
                match editor {
                    Some(Ok(e)) => {
                        s.editor = e.clone();
                        s.init_editor = e;
                    }
                    Some(Err(e)) => s.pending_messages.push(format!(
                        "cablelint: invalid initializationOptions, using the defaults: {e}"
                    )),
                    None => {}
                }
            }
            info!(
                encoding = encoding.as_str(),
                diagnostics = if pull { "pull" } else { "push" },
                folders = roots.len(),
                "initialize"
            );
            Ok(InitializeResult {
                capabilities: server_capabilities(encoding, pull),
                server_info: Some(ServerInfo {
                    name: "cablelint".to_string(),
                    version: Some(env!("CARGO_PKG_VERSION").to_string()),
                }),
                offset_encoding: None,
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        guard_notification("initialized", async {
            let (messages, caps) = {
                let mut s = self.inner.session();
                (std::mem::take(&mut s.pending_messages), s.caps)
            };
            self.show_errors(messages).await;
            if caps.watched_files_dynamic {
                let options = DidChangeWatchedFilesRegistrationOptions {
                    watchers: vec![FileSystemWatcher {
                        glob_pattern: GlobPattern::String(format!(
                            "**/{}",
                            crate::config::CONFIG_FILE_NAME
                        )),
                        kind: None,
                    }],
                };
                let registration = Registration {
                    id: "cablelint-config-watcher".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(options).ok(),
                };
                if let Err(e) = self
                    .inner
                    .client
                    .register_capability(vec![registration])
                    .await
                {
                    warn!("could not register the cablelint.toml watcher: {e}");
                }
            }
            if caps.configuration && self.pull_configuration().await {
                self.recheck_all().await;
            }
        })
        .await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.inner.shutdown.store(true, Ordering::SeqCst);
        info!("shutdown");
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        guard_notification("textDocument/didOpen", async {
            let doc = params.text_document;
            let path = uri_path(&doc.uri);
            let (generation, err) = {
                let mut s = self.inner.session();
                let (settings, err) = s.settings_for(path.as_deref());
                let d = Document::new(&doc.text, doc.version, path, settings);
                let generation = d.generation;
                s.docs.insert(doc.uri.clone(), d);
                (generation, err)
            };
            info!(uri = doc.uri.as_str(), version = doc.version, bytes = doc.text.len(), "didOpen");
            trace!(target: DOC_TEXT_TARGET, uri = doc.uri.as_str(), text = %doc.text, "document text");
            self.show_errors(err.into_iter().collect()).await;
            self.schedule(doc.uri, generation);
        })
        .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        guard_notification("textDocument/didChange", async {
            let uri = params.text_document.uri;
            let version = params.text_document.version;
            let generation = {
                let mut s = self.inner.session();
                let unit = s.unit;
                let Some(d) = s.docs.get_mut(&uri) else {
                    warn!(
                        uri = uri.as_str(),
                        "didChange for a document that is not open; ignored"
                    );
                    return;
                };
                let clamped = d.apply(version, &params.content_changes, unit);
                if clamped > 0 {
                    warn!(
                        uri = uri.as_str(),
                        version, clamped, "change positions were clamped"
                    );
                }
                d.generation
            };
            debug!(
                uri = uri.as_str(),
                version,
                changes = params.content_changes.len(),
                "didChange"
            );
            for c in &params.content_changes {
                trace!(target: DOC_TEXT_TARGET, uri = uri.as_str(), text = %c.text, "change text");
            }
            self.schedule(uri, generation);
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        guard_notification("textDocument/didClose", async {
            let uri = params.text_document.uri;
            let (was_open, pull) = {
                let mut s = self.inner.session();
                (s.docs.remove(&uri).is_some(), s.pull)
            };
            info!(uri = uri.as_str(), "didClose");
            if was_open && !pull {
                let _guard = self.inner.publish.lock().await;
                // Reopened meanwhile: its own analysis publishes.
                if self.inner.session().docs.contains_key(&uri) {
                    return;
                }
                self.inner
                    .client
                    .publish_diagnostics(uri, Vec::new(), None)
                    .await;
            }
        })
        .await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        guard_notification("workspace/didChangeConfiguration", async {
            let caps = self.inner.session().caps;
            let changed = if caps.configuration {
                self.pull_configuration().await
            } else if params.settings.is_null() {
                // Nothing to read: the settings stay as they are.
                false
            } else {
                let roots = self.inner.session().roots.clone();
                self.apply_editor_settings(&params.settings, &roots, &[])
                    .await
            };
            info!(changed, "didChangeConfiguration");
            self.recheck_all().await;
        })
        .await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        guard_notification("workspace/didChangeWatchedFiles", async {
            let mut errors = Vec::new();
            let mut relevant = false;
            {
                let mut s = self.inner.session();
                for change in &params.changes {
                    let Some(path) = uri_path(&change.uri) else {
                        continue;
                    };
                    if path.file_name().and_then(|n| n.to_str())
                        != Some(crate::config::CONFIG_FILE_NAME)
                    {
                        continue;
                    }
                    relevant = true;
                    if let Some(e) = s.configs.reload(&path) {
                        errors.push(format!(
                            "cablelint: invalid configuration, keeping the previous one: {e}"
                        ));
                    }
                }
            }
            info!(relevant, "didChangeWatchedFiles");
            self.show_errors(errors).await;
            if relevant {
                self.recheck_all().await;
            }
        })
        .await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        guard_notification("workspace/didChangeWorkspaceFolders", async {
            let caps = {
                let mut s = self.inner.session();
                for f in &params.event.removed {
                    if let Some(p) = uri_path(&f.uri) {
                        s.roots.retain(|r| *r != p);
                        s.folder_editor.remove(&p);
                    }
                }
                for f in &params.event.added {
                    if let Some(p) = uri_path(&f.uri) {
                        if !s.roots.contains(&p) {
                            s.roots.push(p);
                        }
                    }
                }
                info!(folders = s.roots.len(), "didChangeWorkspaceFolders");
                s.caps
            };
            if caps.configuration {
                self.pull_configuration().await;
            }
            self.recheck_all().await;
        })
        .await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        guard("textDocument/diagnostic", async {
            let uri = params.text_document.uri;
            let related = self.inner.session().caps.related_information;
            let Some((snap, unit)) = self.snapshot(&uri) else {
                return Ok(full_report(None, Vec::new()));
            };
            let result_id = snap.generation.to_string();
            if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
                return Ok(DocumentDiagnosticReportResult::Report(
                    DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                        related_documents: None,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id,
                        },
                    }),
                ));
            }
            let hooks = self.inner.options.test_hooks;
            let uri2 = uri.clone();
            let (_, items) = blocking("textDocument/diagnostic", move || {
                analyse(&snap, &uri2, unit, hooks, related)
            })
            .await?;
            Ok(full_report(Some(result_id), items))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        guard("textDocument/completion", async {
            let pos = params.text_document_position;
            let Some((snap, unit)) = self.snapshot(&pos.text_document.uri) else {
                return Ok(None);
            };
            let uri = pos.text_document.uri.clone();
            blocking("textDocument/completion", move || {
                let conv = Converter::new(&snap.text, &snap.index, unit);
                let offset = conv.offset(pos.position);
                let cable = parse(&snap.text);
                let tables = snap.tables.get();
                let answer = ide::completions(&cable, tables, offset, ide::DateTime::now_utc());
                if answer.items.is_empty() {
                    return None;
                }
                let items = answer
                    .items
                    .into_iter()
                    .map(|i| CompletionItem {
                        label: i.label,
                        kind: Some(completion_kind(i.kind)),
                        detail: i.detail,
                        documentation: i
                            .documentation
                            .map(|d| Documentation::MarkupContent(markdown(d))),
                        preselect: i.preselect.then_some(true),
                        sort_text: i.sort,
                        filter_text: i.filter,
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                            conv.range(i.replace),
                            i.insert,
                        ))),
                        // The document, so that resolve reads the tables that apply to it.
                        data: i
                            .resolve
                            .and_then(|k| serde_json::to_value(k).ok())
                            .map(|k| json!({"key": k, "uri": uri.as_str()})),
                        ..CompletionItem::default()
                    })
                    .collect();
                Some(CompletionResponse::List(CompletionList {
                    is_incomplete: answer.incomplete,
                    items,
                }))
            })
            .await
        })
        .await
    }

    async fn completion_resolve(&self, mut item: CompletionItem) -> Result<CompletionItem> {
        guard("completionItem/resolve", async {
            let data = item.data.clone().unwrap_or(Value::Null);
            let key = serde_json::from_value::<ide::ResolveKey>(data["key"].clone()).ok();
            let tables = data["uri"]
                .as_str()
                .and_then(|u| Uri::from_str(u).ok())
                .and_then(|u| self.inner.session().docs.get(&u).map(|d| d.tables.clone()))
                .unwrap_or_default();
            if let Some(doc) = key.and_then(|k| ide::resolve(&k, tables.get())) {
                item.documentation = Some(Documentation::MarkupContent(markdown(doc)));
            }
            Ok(item)
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guard("textDocument/hover", async {
            let pos = params.text_document_position_params;
            let Some((snap, unit)) = self.snapshot(&pos.text_document.uri) else {
                return Ok(None);
            };
            blocking("textDocument/hover", move || {
                let conv = Converter::new(&snap.text, &snap.index, unit);
                let offset = conv.offset(pos.position);
                let cable = parse(&snap.text);
                let tables = snap.tables.get();
                let diags = ide::diagnostics(&cable, &snap.settings, tables);
                ide::hover(&cable, tables, &diags, offset).map(|h| Hover {
                    contents: HoverContents::Markup(markdown(h.markdown)),
                    range: Some(conv.range(h.range)),
                })
            })
            .await
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guard("textDocument/codeAction", async {
            let uri = params.text_document.uri.clone();
            let Some((snap, unit)) = self.snapshot(&uri) else {
                return Ok(None);
            };
            blocking("textDocument/codeAction", move || {
                let conv = Converter::new(&snap.text, &snap.index, unit);
                let range = conv.text_range(params.range);
                let cable = parse(&snap.text);
                let tables = snap.tables.get();
                let diags = ide::diagnostics(&cable, &snap.settings, tables);
                let actions = ide::code_actions(&cable, &diags, range);
                let only = params.context.only.clone();
                let mut out = Vec::new();
                for a in actions {
                    let kind = match a.kind {
                        ide::ActionKind::QuickFix
                        | ide::ActionKind::FixRule
                        | ide::ActionKind::RaiseBanner => CodeActionKind::QUICKFIX,
                        ide::ActionKind::FixAll => CodeActionKind::new(FIX_ALL_KIND),
                    };
                    if !kind_matches(kind.as_str(), &only) {
                        continue;
                    }
                    // The fix-all action is offered on request (source actions) or with fixes in view.
                    if a.kind == ide::ActionKind::FixAll
                        && only.is_none()
                        && a.diagnostics.len() < 2
                    {
                        continue;
                    }
                    let edits: Vec<TextEdit> = a
                        .edits
                        .iter()
                        .map(|e| TextEdit::new(conv.range(e.range), e.new_text.clone()))
                        .collect();
                    let related: Vec<Diagnostic> = if a.kind == ide::ActionKind::FixAll {
                        Vec::new()
                    } else {
                        a.diagnostics
                            .iter()
                            .filter_map(|&i| diags.get(i))
                            .map(|d| to_lsp_diagnostic(d, &conv, &uri, false))
                            .collect()
                    };
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: a.title,
                        kind: Some(kind),
                        diagnostics: (!related.is_empty()).then_some(related),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(uri.clone(), edits)])),
                            ..WorkspaceEdit::default()
                        }),
                        is_preferred: (a.preferred && a.applicability == Applicability::Safe)
                            .then_some(true),
                        ..CodeAction::default()
                    }));
                }
                (!out.is_empty()).then_some(out)
            })
            .await
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        guard("textDocument/documentSymbol", async {
            let uri = params.text_document.uri;
            let hierarchical = self.inner.session().caps.hierarchical_symbols;
            let Some((snap, unit)) = self.snapshot(&uri) else {
                return Ok(None);
            };
            blocking("textDocument/documentSymbol", move || {
                let conv = Converter::new(&snap.text, &snap.index, unit);
                let cable = parse(&snap.text);
                let symbols = ide::document_symbols(&cable);
                Some(if hierarchical {
                    DocumentSymbolResponse::Nested(
                        symbols
                            .iter()
                            .map(|s| to_document_symbol(s, &conv))
                            .collect(),
                    )
                } else {
                    let mut flat = Vec::new();
                    for s in &symbols {
                        flatten_symbols(s, &conv, &uri, None, &mut flat);
                    }
                    DocumentSymbolResponse::Flat(flat)
                })
            })
            .await
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        guard("textDocument/foldingRange", async {
            let Some((snap, _)) = self.snapshot(&params.text_document.uri) else {
                return Ok(None);
            };
            blocking("textDocument/foldingRange", move || {
                let cable = parse(&snap.text);
                let folds = ide::folding_ranges(&cable)
                    .into_iter()
                    .filter_map(|f| {
                        let start = snap.index.line_of(f.range.start()) as u32;
                        let end = snap.index.line_of(f.range.end()) as u32;
                        (end > start).then(|| FoldingRange {
                            start_line: start,
                            end_line: end,
                            kind: Some(match f.kind {
                                ide::FoldKind::Header => FoldingRangeKind::Imports,
                                ide::FoldKind::Region => FoldingRangeKind::Region,
                                ide::FoldKind::Comment => FoldingRangeKind::Comment,
                            }),
                            ..FoldingRange::default()
                        })
                    })
                    .collect();
                Some(folds)
            })
            .await
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        guard("textDocument/semanticTokens/full", async {
            let Some((snap, unit)) = self.snapshot(&params.text_document.uri) else {
                return Ok(None);
            };
            blocking("textDocument/semanticTokens/full", move || {
                let conv = Converter::new(&snap.text, &snap.index, unit);
                let cable = parse(&snap.text);
                let tokens = ide::semantic_tokens(&cable, snap.tables.get());
                let mut data = Vec::with_capacity(tokens.len());
                let (mut prev_line, mut prev_col) = (0u32, 0u32);
                for t in tokens {
                    let start = conv.position(t.range.start());
                    let end = conv.position(t.range.end());
                    if end.line != start.line || end.character <= start.character {
                        continue;
                    }
                    let delta_line = start.line - prev_line;
                    let delta_start = if delta_line == 0 {
                        start.character - prev_col
                    } else {
                        start.character
                    };
                    data.push(SemanticToken {
                        delta_line,
                        delta_start,
                        length: end.character - start.character,
                        token_type: token_type(t.kind),
                        token_modifiers_bitset: t.modifiers,
                    });
                    prev_line = start.line;
                    prev_col = start.character;
                }
                Some(SemanticTokensResult::Tokens(SemanticTokens {
                    result_id: None,
                    data,
                }))
            })
            .await
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        guard("textDocument/definition", async {
            let pos = params.text_document_position_params;
            let uri = pos.text_document.uri;
            let Some((snap, unit)) = self.snapshot(&uri) else {
                return Ok(None);
            };
            let conv = Converter::new(&snap.text, &snap.index, unit);
            let offset = conv.offset(pos.position);
            let target = {
                let cable = parse(&snap.text);
                ide::ref_at(&cable, offset)
            };
            let Some(target) = target else {
                return Ok(None);
            };
            debug!(
                id = target.id(),
                "definition: looking for a referenced cable"
            );
            // Open documents first: they may be newer than the files on disk.
            let others: Vec<(Uri, Snapshot)> = {
                let mut s = self.inner.session();
                s.docs
                    .iter_mut()
                    .filter(|(u, _)| **u != uri)
                    .map(|(u, d)| (u.clone(), d.snapshot()))
                    .collect()
            };
            let roots = self.inner.session().roots.clone();
            blocking("textDocument/definition", move || {
                for (u, s) in &others {
                    if let Some(r) = ide::definition::matches(&s.text, &target) {
                        let conv = Converter::new(&s.text, &s.index, unit);
                        return Some(GotoDefinitionResponse::Scalar(Location::new(
                            u.clone(),
                            conv.range(r),
                        )));
                    }
                }
                let limits = ide::SearchLimits {
                    deadline: Some(Instant::now() + DEFINITION_BUDGET),
                    ..ide::SearchLimits::default()
                };
                let found = ide::find_cable(&roots, &target, limits)?;
                let index = LineIndex::new(&found.text);
                let conv = Converter::new(&found.text, &index, unit);
                let target_uri = Uri::from_file_path(&found.path)?;
                Some(GotoDefinitionResponse::Scalar(Location::new(
                    target_uri,
                    conv.range(found.range),
                )))
            })
            .await
        })
        .await
    }
}

fn full_report(
    result_id: Option<String>,
    items: Vec<Diagnostic>,
) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}
