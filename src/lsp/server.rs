//! The `LanguageServer` implementation: one line per LSP method, each handing its parameters to the
//! handler in the feature's own module behind a panic guard ([`super::dispatch`]). Handlers turn
//! LSP positions into byte offsets, ask [`crate::ide`] about the shared analysis of the document's
//! current version, and turn the answers back into LSP types ([`super::to_proto`]).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};
use tracing::info;

use super::dispatch::{guard, guard_notification, in_background};
use super::session::Inner;
use super::{
    capabilities, code_actions, code_lens, completion, configuration, definition, diagnostics,
    document_links, documents, folding, formatting, hover, inlay_hints, logging, references,
    semantic_tokens, symbols, workspace_diagnostics, workspace_symbols, ServeOptions,
};

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
        let inner = Arc::new(Inner::new(client, options));
        let flag = ShutdownFlag(inner.clone());
        (Backend { inner }, flag)
    }

    /// The test-only request `cablelint/panic`: panics inside the handler.
    pub(crate) async fn test_panic(&self, _params: Value) -> Result<Value> {
        guard("cablelint/panic", async {
            panic!("test panic requested by cablelint/panic");
        })
        .await
    }

    /// The test-only request `cablelint/counters` (see
    /// [`super::workspace_diagnostics::counters`]).
    pub(crate) async fn test_counters(&self, _params: Value) -> Result<Value> {
        Ok(super::workspace_diagnostics::counters(&self.inner))
    }

    /// `$/setTrace`: the client's trace setting sets the log level (unless `CABLELINT_LOG` does).
    pub(crate) async fn set_trace(&self, params: SetTraceParams) {
        logging::set_trace(params.value);
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        guard("initialize", capabilities::initialize(&self.inner, params)).await
    }

    async fn initialized(&self, _: InitializedParams) {
        let inner = self.inner.clone();
        in_background("initialized", async move {
            capabilities::initialized(&inner).await
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.inner.shutdown.store(true, Ordering::SeqCst);
        info!("shutdown");
        // The client gets the whole log before it says `exit`.
        logging::flush(std::time::Duration::from_secs(2)).await;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let f = documents::did_open(&self.inner, params);
        guard_notification("textDocument/didOpen", f).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let f = documents::did_change(&self.inner, params);
        guard_notification("textDocument/didChange", f).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let f = documents::did_save(&self.inner, params);
        guard_notification("textDocument/didSave", f).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let f = documents::did_close(&self.inner, params);
        guard_notification("textDocument/didClose", f).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let f = configuration::did_change_configuration(&self.inner, params);
        guard_notification("workspace/didChangeConfiguration", f).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let f = configuration::did_change_watched_files(&self.inner, params);
        guard_notification("workspace/didChangeWatchedFiles", f).await
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let f = configuration::did_change_workspace_folders(&self.inner, params);
        guard_notification("workspace/didChangeWorkspaceFolders", f).await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        guard(
            "textDocument/diagnostic",
            diagnostics::pull(&self.inner, params),
        )
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let f = completion::completion(&self.inner, params);
        guard("textDocument/completion", f).await
    }

    async fn completion_resolve(&self, item: CompletionItem) -> Result<CompletionItem> {
        guard(
            "completionItem/resolve",
            completion::resolve(&self.inner, item),
        )
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guard("textDocument/hover", hover::hover(&self.inner, params)).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let f = code_actions::code_actions(&self.inner, params);
        guard("textDocument/codeAction", f).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let f = inlay_hints::inlay_hints(&self.inner, params);
        guard("textDocument/inlayHint", f).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let f = code_lens::code_lenses(&self.inner, params);
        guard("textDocument/codeLens", f).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let f = symbols::document_symbols(&self.inner, params);
        guard("textDocument/documentSymbol", f).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let f = folding::folding_ranges(&self.inner, params);
        guard("textDocument/foldingRange", f).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let f = semantic_tokens::full(&self.inner, params);
        guard("textDocument/semanticTokens/full", f).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let f = definition::definition(&self.inner, params);
        guard("textDocument/definition", f).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let f = references::references(&self.inner, params);
        guard("textDocument/references", f).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let f = workspace_symbols::symbols(&self.inner, params);
        guard("workspace/symbol", f).await
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let f = workspace_diagnostics::pull(&self.inner, params);
        guard("workspace/diagnostic", f).await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        let f = document_links::document_links(&self.inner, params);
        guard("textDocument/documentLink", f).await
    }

    async fn document_link_resolve(&self, link: DocumentLink) -> Result<DocumentLink> {
        let f = document_links::resolve(&self.inner, link);
        guard("documentLink/resolve", f).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let f = formatting::formatting(&self.inner, params);
        guard("textDocument/formatting", f).await
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        let f = formatting::range_formatting(&self.inner, params);
        guard("textDocument/rangeFormatting", f).await
    }
}
