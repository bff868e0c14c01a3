//! The server's configuration: editor settings (from `initializationOptions` or
//! `workspace/configuration`, section `cablelint`) over the `cablelint.toml` that applies to each
//! document, found and read by the shared [`crate::workspace::Resolver`] exactly as the checker
//! finds it; and the handlers of the notifications that change either.
//!
//! Editor settings are shaped like this (every key optional):
//!
//! ```json
//! { "select": ["CBL1"], "extendSelect": ["CBL501"], "ignore": ["CBL305"],
//!   "severity": { "CBL305": "warning", "CBL503": "off" }, "requireHeader": true,
//!   "date": "2026-11-30" }
//! ```
//!
//! They become the [`Overrides`] the command line's flags also become: `select` replaces the
//! file's selection, `extendSelect` and `ignore` apply on top of it, and `severity` and
//! `requireHeader` come last; `date` is the drafting date, as `--date` gives it. A severity is read as in `cablelint.toml` ([`config::parse_level`]):
//! `"off"` is an `ignore`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value};
use tower_lsp_server::ls_types::{
    ConfigurationItem, DidChangeConfigurationParams, DidChangeWatchedFilesParams,
    DidChangeWorkspaceFoldersParams, MessageType, Uri,
};
use tracing::{info, warn};

use super::diagnostics::schedule;
use super::dispatch::in_background;
use super::session::Inner;
use super::to_proto::uri_path;
use crate::config::{self, Overrides};
use crate::rules::RuleSelector;
use crate::workspace::index::{has_extension, DEFAULT_EXTENSIONS};

/// Reading editor settings.
pub struct EditorSettings;

fn selectors(v: &Value, key: &str) -> Result<Vec<RuleSelector>, String> {
    let Value::Array(items) = v else {
        return Err(format!(
            "`{key}` must be a list of rule codes, code prefixes or names"
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(s) => RuleSelector::parse(s).map_err(|e| format!("`{key}[{i}]`: {e}")),
            _ => Err(format!("`{key}[{i}]` must be a string")),
        })
        .collect()
}

/// Reads the `severity` object into the overrides.
fn severities(value: &Value, s: &mut Overrides) -> Result<(), String> {
    let Value::Object(map) = value else {
        return Err(format!(
            "`severity` must be an object of rule → {}",
            config::LEVEL_WORDS
        ));
    };
    for (rule, level) in map {
        let sel = RuleSelector::parse(rule).map_err(|e| format!("`severity.{rule}`: {e}"))?;
        let Value::String(level) = level else {
            return Err(format!("`severity.{rule}` must be a string"));
        };
        let level = config::parse_level(level).map_err(|e| format!("`severity.{rule}`: {e}"))?;
        config::add_level(sel, level, &mut s.severity, &mut s.ignore);
    }
    config::sort_severities(&mut s.severity);
    Ok(())
}

impl EditorSettings {
    /// Reads editor settings. `null` (or a missing section) gives the defaults; a value of the wrong
    /// shape or an unknown rule is an error that says which key.
    pub fn from_json(v: &Value) -> Result<Overrides, String> {
        let obj = match v {
            Value::Null => return Ok(Overrides::default()),
            Value::Object(o) => o,
            _ => return Err("the settings must be an object".to_string()),
        };
        // Accept the settings under a `cablelint` key as well (some clients send the whole tree).
        if let Some(inner) = obj.get("cablelint") {
            if obj.len() == 1 {
                return EditorSettings::from_json(inner);
            }
        }
        read_object(obj)
    }
}

fn read_object(obj: &Map<String, Value>) -> Result<Overrides, String> {
    let mut s = Overrides::default();
    // `severity` last, so that its `off` entries join the `ignore` list read before.
    let mut severity = None;
    for (key, value) in obj {
        match key.as_str() {
            "select" => {
                if !value.is_null() {
                    s.select = Some(selectors(value, key)?);
                }
            }
            "extendSelect" | "extend-select" | "extend_select" => {
                s.extend_select = selectors(value, key)?
            }
            "ignore" => s.ignore = selectors(value, key)?,
            "requireHeader" | "require-header" | "require_header" => match value {
                Value::Bool(b) => s.require_header = Some(*b),
                Value::Null => {}
                _ => return Err(format!("`{key}` must be true or false")),
            },
            "date" => match value {
                Value::String(d) => {
                    s.date = Some(crate::vocab::Date::parse_iso(d.trim()).ok_or_else(|| {
                        format!("`date` must be a date written YYYY-MM-DD, not `{d}`")
                    })?)
                }
                Value::Null => {}
                _ => return Err(format!("`{key}` must be a date written YYYY-MM-DD")),
            },
            "severity" => severity = Some(value),
            other => tracing::warn!(key = other, "unknown editor setting ignored"),
        }
    }
    if let Some(value) = severity {
        severities(value, &mut s)?;
    }
    Ok(s)
}

/// Shows each distinct problem once, as an error message, and logs it.
pub(super) async fn show_errors(inner: &Inner, messages: Vec<String>) {
    let mut seen = HashSet::new();
    for m in messages {
        if seen.insert(m.clone()) {
            warn!("{m}");
            inner.client.show_message(MessageType::ERROR, m).await;
        }
    }
}

/// Resolves the settings of every open document again and checks them again.
pub(super) async fn recheck_all(inner: &Arc<Inner>) {
    // Every file's workspace diagnostics may change too.
    inner
        .settings_epoch
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (pushes, pull, refresh, messages) = {
        let mut s = inner.session();
        let uris: Vec<Uri> = s.docs.keys().cloned().collect();
        let mut pushes = Vec::new();
        let mut messages = Vec::new();
        for uri in uris {
            let path = s.docs.get(&uri).and_then(|d| d.path.clone());
            let (resolved, err) = s.resolve(path.as_deref());
            messages.extend(err);
            if let Some(d) = s.docs.get_mut(&uri) {
                d.set_resolved(resolved);
                pushes.push((uri, d.generation));
            }
        }
        (pushes, s.pull, s.caps.diagnostic_refresh, messages)
    };
    show_errors(inner, messages).await;
    if pull {
        if refresh {
            if let Err(e) = inner.client.workspace_diagnostic_refresh().await {
                warn!("workspace/diagnostic/refresh failed: {e}");
            }
        }
    } else {
        for (uri, generation) in pushes {
            schedule(inner, uri, generation);
        }
    }
}

/// How often, at most, typing makes the server look at the configuration files again.
const CONFIG_LOOK_INTERVAL: std::time::Duration = std::time::Duration::from_millis(500);

/// Looks at the configuration files of the open documents again, without relying on the client's
/// file watching (Neovim watches no files unless told to, and a watcher can miss a change): when a
/// `cablelint.toml` that applies to an open document changed, appeared or went away, every open
/// document is checked again. Called when a document is opened or saved, and (at most every
/// [`CONFIG_LOOK_INTERVAL`]) when one changes; `typing` says the last.
pub(super) async fn notice_config_changes(inner: &Arc<Inner>, typing: bool) {
    let (changed, messages) = {
        let mut s = inner.session();
        let now = std::time::Instant::now();
        if typing
            && s.config_looked
                .is_some_and(|t| now.duration_since(t) < CONFIG_LOOK_INTERVAL)
        {
            return;
        }
        s.config_looked = Some(now);
        let docs: Vec<(Uri, Option<PathBuf>)> = s
            .docs
            .iter()
            .map(|(u, d)| (u.clone(), d.path.clone()))
            .collect();
        let mut changed = false;
        let mut messages = Vec::new();
        for (uri, path) in docs {
            let (resolved, err) = s.resolve(path.as_deref());
            let Some(d) = s.docs.get(&uri) else { continue };
            let same = match (&resolved.config, &d.resolved.config) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                changed = true;
                messages.extend(err);
            }
        }
        (changed, messages)
    };
    if changed {
        info!("a cablelint.toml changed; checking the open documents again");
        show_errors(inner, messages).await;
        recheck_all(inner).await;
    }
}

/// Asks the client for the `cablelint` section (globally and per folder) and applies it. Returns
/// whether the settings changed.
pub(super) async fn pull_configuration(inner: &Inner) -> bool {
    let roots = inner.session().roots.clone();
    let item = |scope_uri| ConfigurationItem {
        scope_uri,
        section: Some("cablelint".to_string()),
    };
    let mut items = vec![item(None)];
    items.extend(roots.iter().map(|r| item(Uri::from_file_path(r))));
    match inner.client.configuration(items).await {
        Ok(values) => {
            apply_editor_settings(
                inner,
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
/// Returns whether the settings changed.
async fn apply_editor_settings(
    inner: &Inner,
    global: &Value,
    roots: &[PathBuf],
    per_folder: &[Value],
) -> bool {
    let mut errors = Vec::new();
    // `null` means the client has no such section (or no longer has one): what
    // `initializationOptions` said applies.
    let global = match EditorSettings::from_json(global) {
        Ok(_) if global.is_null() => Some(inner.session().init_editor.clone()),
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
    let changed = store_editor_settings(inner, global, folders);
    show_errors(inner, errors).await;
    changed
}

fn store_editor_settings(
    inner: &Inner,
    global: Option<Overrides>,
    folders: HashMap<PathBuf, Overrides>,
) -> bool {
    let mut s = inner.session();
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
}

/// `workspace/didChangeConfiguration`: pulls the settings when the client can be asked, else reads
/// them from the notification, and checks every document again.
pub(super) async fn did_change_configuration(
    inner: &Arc<Inner>,
    params: DidChangeConfigurationParams,
) {
    let caps = inner.session().caps;
    if caps.configuration {
        // Asking the client happens on a task of its own (see `in_background`).
        let inner = inner.clone();
        in_background("workspace/didChangeConfiguration", async move {
            let changed = pull_configuration(&inner).await;
            info!(changed, "didChangeConfiguration");
            recheck_all(&inner).await;
        });
        return;
    }
    let changed = if params.settings.is_null() {
        // Nothing to read: the settings stay as they are.
        false
    } else {
        let roots = inner.session().roots.clone();
        apply_editor_settings(inner, &params.settings, &roots, &[]).await
    };
    info!(changed, "didChangeConfiguration");
    recheck_all(inner).await;
}

/// `workspace/didChangeWatchedFiles`: a `cablelint.toml` or a file one extends changed, appeared
/// or went away, or cable files did (the workspace index reads them again).
pub(super) async fn did_change_watched_files(
    inner: &Arc<Inner>,
    params: DidChangeWatchedFilesParams,
) {
    let cables: Vec<PathBuf> = params
        .changes
        .iter()
        .filter_map(|c| uri_path(&c.uri))
        .filter(|p| has_extension(p, DEFAULT_EXTENSIONS))
        .collect();
    if !cables.is_empty() {
        super::workspace_index::files_changed(inner, &cables);
    }
    let mut errors = Vec::new();
    let mut relevant = false;
    {
        let mut s = inner.session();
        for change in &params.changes {
            let Some(path) = uri_path(&change.uri) else {
                continue;
            };
            if path.file_name().and_then(|n| n.to_str()) != Some(config::CONFIG_FILE_NAME)
                && !s.resolver.is_extended(&path)
            {
                continue;
            }
            relevant = true;
            if let Some(e) = s.resolver.reload(&path) {
                errors.push(format!(
                    "cablelint: invalid configuration, keeping the previous one: {e}"
                ));
            }
        }
    }
    info!(relevant, "didChangeWatchedFiles");
    show_errors(inner, errors).await;
    if relevant {
        recheck_all(inner).await;
    }
}

/// `workspace/didChangeWorkspaceFolders`.
pub(super) async fn did_change_workspace_folders(
    inner: &Arc<Inner>,
    params: DidChangeWorkspaceFoldersParams,
) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let caps = {
        let mut s = inner.session();
        for f in &params.event.removed {
            if let Some(p) = uri_path(&f.uri) {
                s.roots.retain(|r| *r != p);
                s.folder_editor.remove(&p);
                removed.push(p);
            }
        }
        for f in &params.event.added {
            if let Some(p) = uri_path(&f.uri) {
                if !s.roots.contains(&p) {
                    s.roots.push(p.clone());
                    added.push(p);
                }
            }
        }
        // A removed folder's files stay when another folder still holds them.
        let roots = s.roots.clone();
        removed.retain(|r| !roots.iter().any(|k| r.starts_with(k)));
        info!(folders = s.roots.len(), "didChangeWorkspaceFolders");
        s.caps
    };
    super::workspace_index::folders_removed(inner, &removed);
    super::workspace_index::scan(inner, added);
    if caps.configuration {
        // The folders are already known to the requests that follow; asking the client for their
        // settings happens on a task of its own (see `in_background`).
        let inner = inner.clone();
        in_background("workspace/didChangeWorkspaceFolders", async move {
            pull_configuration(&inner).await;
            recheck_all(&inner).await;
        });
    } else {
        recheck_all(inner).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Rule, Severity};
    use serde_json::json;
    use std::path::Path;

    #[test]
    fn editor_settings_are_read_and_checked() {
        let s = EditorSettings::from_json(&json!({
            "select": ["CBL2"], "ignore": ["CBL201"], "extendSelect": ["line-too-long"],
            "severity": {"CBL202": "warning", "CBL2": "info"}, "requireHeader": true
        }))
        .unwrap();
        let settings = config::settings(None, Path::new("x.cable"), &s);
        assert!(!settings.is_enabled(Rule::SecurityLineMismatch));
        assert!(settings.is_enabled(Rule::InvalidBanner));
        assert!(settings.is_enabled(Rule::LineTooLong));
        assert!(settings.is_enabled(Rule::MissingHeader));
        assert!(!settings.is_enabled(Rule::MissingTags));
        assert_eq!(
            settings.severity_override(Rule::InvalidBanner),
            Some(Severity::Warning)
        );
        assert_eq!(
            settings.severity_override(Rule::GarbledBanner),
            Some(Severity::Info)
        );

        let err = EditorSettings::from_json(&json!({"select": ["CBL999"]})).unwrap_err();
        assert!(err.contains("select[0]"), "{err}");
        let err = EditorSettings::from_json(&json!({"severity": {"CBL201": "loud"}})).unwrap_err();
        assert!(err.contains("severity.CBL201"), "{err}");
        assert_eq!(
            EditorSettings::from_json(&Value::Null).unwrap(),
            Overrides::default()
        );
        let nested =
            EditorSettings::from_json(&json!({"cablelint": {"ignore": ["CBL3"]}})).unwrap();
        assert_eq!(nested.ignore.len(), 1);
    }
}
