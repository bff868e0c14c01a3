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

/// Reads a list of rule selectors. A list item that is not a rule code, prefix or name is left
/// out and described in `problems` (`ignore[1]: ...`); a value that is not a list gives `None`.
fn selectors(v: &Value, key: &str, problems: &mut Vec<String>) -> Option<Vec<RuleSelector>> {
    let Value::Array(items) = v else {
        problems.push(format!(
            "`{key}` must be a list of rule codes, code prefixes or names"
        ));
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) => match RuleSelector::parse(s) {
                Ok(sel) => out.push(sel),
                Err(e) => problems.push(format!("`{key}[{i}]`: {e}")),
            },
            _ => problems.push(format!("`{key}[{i}]` must be a string")),
        }
    }
    Some(out)
}

/// Reads the `severity` object into the overrides. An entry whose rule or level is not valid is
/// left out and described in `problems` (`severity.CBL302: ...`); the other entries apply.
fn severities(value: &Value, s: &mut Overrides, problems: &mut Vec<String>) {
    let Value::Object(map) = value else {
        problems.push(format!(
            "`severity` must be an object of rule → {}",
            config::LEVEL_WORDS
        ));
        return;
    };
    for (rule, level) in map {
        let sel = match RuleSelector::parse(rule) {
            Ok(sel) => sel,
            Err(e) => {
                problems.push(format!("`severity.{rule}`: {e}"));
                continue;
            }
        };
        let Value::String(level) = level else {
            problems.push(format!("`severity.{rule}` must be a string"));
            continue;
        };
        match config::parse_level(level) {
            Ok(level) => config::add_level(sel, level, &mut s.severity, &mut s.ignore),
            Err(e) => problems.push(format!("`severity.{rule}`: {e}")),
        }
    }
    config::sort_severities(&mut s.severity);
}

impl EditorSettings {
    /// Reads editor settings strictly: `null` (or a missing section) gives the defaults; a value of
    /// the wrong shape or an unknown rule is an error that says which key (every such key, joined
    /// by `; `).
    pub fn from_json(v: &Value) -> Result<Overrides, String> {
        let (settings, problems) = EditorSettings::read(v);
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems.join("; "))
        }
    }

    /// Reads editor settings as the server applies them: a bad value drops only its own key (or
    /// its own list item or `severity` entry), as ruff's server does, and the rest of the settings
    /// apply. Returns the settings and one message per problem, each naming its key
    /// (`` `severity.CBL302`: `hint` is not a severity ... ``). Settings that are not an object at
    /// all give the defaults and one problem.
    pub fn read(v: &Value) -> (Overrides, Vec<String>) {
        let obj = match v {
            Value::Null => return (Overrides::default(), Vec::new()),
            Value::Object(o) => o,
            _ => {
                return (
                    Overrides::default(),
                    vec!["the settings must be an object".to_string()],
                )
            }
        };
        // Accept the settings under a `cablelint` key as well (some clients send the whole tree).
        if let Some(inner) = obj.get("cablelint") {
            if obj.len() == 1 {
                return EditorSettings::read(inner);
            }
        }
        let mut problems = Vec::new();
        let settings = read_object(obj, &mut problems);
        (settings, problems)
    }
}

fn read_object(obj: &Map<String, Value>, problems: &mut Vec<String>) -> Overrides {
    let mut s = Overrides::default();
    // `severity` last, so that its `off` entries join the `ignore` list read before.
    let mut severity = None;
    for (key, value) in obj {
        match key.as_str() {
            "select" => {
                // `select` replaces the set of rules: with an item left out it would turn off
                // rules that the user meant to run, so a bad item drops the whole key.
                if !value.is_null() {
                    let before = problems.len();
                    let selected = selectors(value, key, problems);
                    if problems.len() == before {
                        s.select = selected;
                    }
                }
            }
            "extendSelect" | "extend-select" | "extend_select" => {
                s.extend_select = selectors(value, key, problems).unwrap_or_default()
            }
            "ignore" => s.ignore = selectors(value, key, problems).unwrap_or_default(),
            "requireHeader" | "require-header" | "require_header" => match value {
                Value::Bool(b) => s.require_header = Some(*b),
                Value::Null => {}
                _ => problems.push(format!("`{key}` must be true or false")),
            },
            "date" => match value {
                Value::String(d) => match crate::vocab::Date::parse_iso(d.trim()) {
                    Some(date) => s.date = Some(date),
                    None => problems.push(format!(
                        "`date` must be a date written YYYY-MM-DD, not `{d}`"
                    )),
                },
                Value::Null => {}
                _ => problems.push(format!("`{key}` must be a date written YYYY-MM-DD")),
            },
            "severity" => severity = Some(value),
            other => tracing::warn!(key = other, "unknown editor setting ignored"),
        }
    }
    if let Some(value) = severity {
        severities(value, &mut s, problems);
    }
    s
}

/// The message shown for the settings' problems: which keys were left out and that the others
/// apply. `origin` says where they came from (`initializationOptions`, `editor settings`, ...).
pub(super) fn problems_message(origin: &str, problems: &[String]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    Some(format!(
        "cablelint: invalid {origin}, the other settings apply: {}",
        problems.join("; ")
    ))
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

/// Validates and stores editor settings; an invalid value is shown and left out, and the other
/// settings apply.
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
    let global = if global.is_null() {
        Some(inner.session().init_editor.clone())
    } else {
        let (settings, problems) = EditorSettings::read(global);
        errors.extend(problems_message("editor settings", &problems));
        Some(settings)
    };
    let mut folders = HashMap::new();
    for (root, v) in roots.iter().zip(per_folder) {
        if v.is_null() {
            continue;
        }
        let (settings, problems) = EditorSettings::read(v);
        errors.extend(problems_message(
            &format!("editor settings for {}", root.display()),
            &problems,
        ));
        folders.insert(root.clone(), settings);
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

    /// The severity words the editors offer (VS Code's settings enum) are the words the server
    /// reads, `off` included: a word offered there and refused here dropped the user's setting.
    #[test]
    fn the_severity_words_the_editors_offer_are_the_servers() {
        let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");
        let manifest: Value =
            serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
        let words: Vec<&str> = manifest["contributes"]["configuration"]["properties"]
            ["cablelint.severity"]["additionalProperties"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert_eq!(words, ["error", "warning", "info", "off"]);
        for w in &words {
            assert!(config::parse_level(w).is_ok(), "{w}");
            assert!(config::LEVEL_WORDS.contains(&format!("\"{w}\"")), "{w}");
        }
        let help = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/editors/nvim/doc/cablelint.txt"
        ))
        .unwrap();
        assert!(!help.contains("`\"hint\"`"));
        assert!(help.contains("`\"off\"`"));
    }

    /// One bad entry drops only itself; the strict reading names every bad key.
    #[test]
    fn a_bad_entry_drops_only_itself() {
        let v = json!({"ignore": ["CBL403", "CBL9999"], "requireHeader": true,
            "severity": {"CBL302": "hint", "CBL207": "off", "CBL202": "warning"}});
        let (s, problems) = EditorSettings::read(&v);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("`ignore[1]`"), "{problems:?}");
        assert!(problems[1].starts_with("`severity.CBL302`: `hint` is not a severity"));
        let settings = config::settings(None, Path::new("x.cable"), &s);
        assert!(!settings.is_enabled(Rule::ParagraphNumbering));
        assert!(!settings.is_enabled(Rule::from_code_or_name("CBL207").unwrap()));
        assert!(settings.is_enabled(Rule::MissingHeader));
        assert_eq!(
            settings.severity_override(Rule::InvalidBanner),
            Some(Severity::Warning)
        );
        assert_eq!(settings.severity_override(Rule::TagsMarkup), None);
        let err = EditorSettings::from_json(&v).unwrap_err();
        assert!(
            err.contains("ignore[1]") && err.contains("severity.CBL302"),
            "{err}"
        );
    }

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
