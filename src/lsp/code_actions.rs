//! `textDocument/codeAction`: each rule's fix as a quick fix (preferred when safe), "fix all
//! problems of this rule", and `source.fixAll.cablelint`, whose text is exactly what `cablelint
//! check --fix` writes.

use std::collections::HashMap;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::convert::Converter;
use super::dispatch::blocking;
use super::session::Inner;
use super::to_proto;
use crate::ide;
use crate::rules::Applicability;
use crate::workspace::Analysis;

/// The code-action kind of the fix-all action.
pub const FIX_ALL_KIND: &str = "source.fixAll.cablelint";

/// Whether an action kind is among those the client asked for (`only`), by prefix.
fn kind_matches(kind: &str, only: &Option<Vec<CodeActionKind>>) -> bool {
    match only {
        None => true,
        Some(list) => list
            .iter()
            .any(|o| kind == o.as_str() || kind.starts_with(&format!("{}.", o.as_str()))),
    }
}

/// The protocol form of one action, or `None` when the client did not ask for its kind.
fn to_action(
    a: ide::Action,
    analysis: &Analysis,
    conv: &Converter<'_>,
    uri: &Uri,
    related: bool,
    only: &Option<Vec<CodeActionKind>>,
) -> Option<CodeActionOrCommand> {
    let kind = match a.kind {
        ide::ActionKind::QuickFix | ide::ActionKind::FixRule => CodeActionKind::QUICKFIX,
        ide::ActionKind::FixAll => CodeActionKind::new(FIX_ALL_KIND),
    };
    if !kind_matches(kind.as_str(), only) {
        return None;
    }
    // The fix-all action is offered on request (source actions) or with fixes in view.
    if a.kind == ide::ActionKind::FixAll && only.is_none() && a.diagnostics.len() < 2 {
        return None;
    }
    let edits: Vec<TextEdit> = a
        .edits
        .iter()
        .map(|e| to_proto::text_edit(e, conv))
        .collect();
    let diagnostics: Vec<Diagnostic> = if a.kind == ide::ActionKind::FixAll {
        Vec::new()
    } else {
        a.diagnostics
            .iter()
            .filter_map(|&i| analysis.diagnostics().get(i))
            .map(|d| to_proto::diagnostic(d, conv, uri, related))
            .collect()
    };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: a.title,
        kind: Some(kind),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: (a.preferred && a.applicability == Applicability::Safe).then_some(true),
        ..CodeAction::default()
    }))
}

/// `textDocument/codeAction`.
pub(super) async fn code_actions(
    inner: &Arc<Inner>,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri.clone();
    let Some((snap, unit)) = inner.snapshot(&uri) else {
        return Ok(None);
    };
    blocking("textDocument/codeAction", move || {
        let analysis = snap.analysis();
        let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
        let range = conv.text_range(params.range);
        let only = params.context.only;
        let mut actions = ide::code_actions(analysis.cable(), analysis.diagnostics(), range);
        // Computed only when the client may want it.
        if kind_matches(FIX_ALL_KIND, &only) {
            actions.extend(ide::fix_all(&analysis));
        }
        let out: Vec<CodeActionOrCommand> = actions
            .into_iter()
            .filter_map(|a| to_action(a, &analysis, &conv, &uri, false, &only))
            .collect();
        (!out.is_empty()).then_some(out)
    })
    .await
}
