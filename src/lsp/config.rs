//! The server's configuration: editor settings (from `initializationOptions` or
//! `workspace/configuration`, section `cablelint`) over the `cablelint.toml` that applies to each
//! document, found and read by [`crate::config`] exactly as the checker finds it.
//!
//! Editor settings are shaped like this (every key optional):
//!
//! ```json
//! { "select": ["CBL1"], "extendSelect": ["CBL501"], "ignore": ["CBL305"],
//!   "severity": { "CBL305": "warning" }, "requireHeader": true }
//! ```
//!
//! They combine with the file the way command-line flags do: `select` replaces the file's selection,
//! `extendSelect` and `ignore` apply on top of it, and `severity` and `requireHeader` come last.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use serde_json::Value;

use crate::config::{self, Config, ConfigError, Overrides};
use crate::data::Tables;
use crate::rules::{Rule, RuleSelector, Settings, Severity};

/// Settings that come from the editor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditorSettings {
    pub select: Option<Vec<RuleSelector>>,
    pub extend_select: Vec<RuleSelector>,
    pub ignore: Vec<RuleSelector>,
    pub severity: Vec<(RuleSelector, Severity)>,
    pub require_header: Option<bool>,
}

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

impl EditorSettings {
    /// Reads editor settings. `null` (or a missing section) gives the defaults; a value of the wrong
    /// shape or an unknown rule is an error that says which key.
    pub fn from_json(v: &Value) -> Result<EditorSettings, String> {
        let obj = match v {
            Value::Null => return Ok(EditorSettings::default()),
            Value::Object(o) => o,
            _ => return Err("the settings must be an object".to_string()),
        };
        // Accept the settings under a `cablelint` key as well (some clients send the whole tree).
        if let Some(inner) = obj.get("cablelint") {
            if obj.len() == 1 {
                return EditorSettings::from_json(inner);
            }
        }
        let mut s = EditorSettings::default();
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
                "severity" => {
                    let Value::Object(map) = value else {
                        return Err("`severity` must be an object of rule → \"error\" | \"warning\" | \"info\" | \"off\"".to_string());
                    };
                    for (rule, level) in map {
                        let sel = RuleSelector::parse(rule)
                            .map_err(|e| format!("`severity.{rule}`: {e}"))?;
                        let Value::String(level) = level else {
                            return Err(format!("`severity.{rule}` must be a string"));
                        };
                        if level == "off" {
                            s.ignore.push(sel);
                            continue;
                        }
                        let sev = Severity::parse(level).ok_or_else(|| {
                            format!("`severity.{rule}`: `{level}` is not a severity (error, warning, info or off)")
                        })?;
                        s.severity.push((sel, sev));
                    }
                    // Less specific selectors first, so that the more specific ones win.
                    s.severity.sort_by_key(|(sel, _)| sel.specificity());
                }
                other => tracing::warn!(key = other, "unknown editor setting ignored"),
            }
        }
        Ok(s)
    }

    fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
        }
    }

    /// The settings for one file: its configuration file (if any) with these settings on top.
    pub fn settings(&self, config: Option<&Config>, file: &Path) -> Settings {
        let mut s = config::settings(config, file, &self.overrides());
        for (sel, sev) in &self.severity {
            for rule in sel.rules() {
                s.set_severity(rule, *sev);
            }
        }
        if let Some(on) = self.require_header {
            s.set_enabled(Rule::MissingHeader, on);
        }
        s.require_header = s.is_enabled(Rule::MissingHeader);
        s
    }
}

/// The reference tables for documents under one configuration: the built-in ones, or those
/// extended by the configuration's `[data]` files.
#[derive(Debug, Clone, Default)]
pub enum TablesRef {
    #[default]
    Builtin,
    Extended(Arc<Tables>),
}

impl TablesRef {
    pub fn get(&self) -> &Tables {
        match self {
            TablesRef::Builtin => Tables::builtin(),
            TablesRef::Extended(t) => t,
        }
    }
}

/// What applies to the documents under one configuration file.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub config: Option<Arc<Config>>,
    pub tables: TablesRef,
}

/// The configuration files read so far, keyed by path. A file that fails to load keeps its last good
/// configuration (or none), and its error is reported once per change of the file.
#[derive(Debug, Default)]
pub struct ConfigStore {
    entries: HashMap<PathBuf, Entry>,
}

#[derive(Debug)]
struct Entry {
    applied: Applied,
    modified: Option<SystemTime>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl ConfigStore {
    /// The configuration (and tables) for a file in `dir`, reading (or re-reading, when the file
    /// changed on disk) as needed. An error comes back once, with what to keep using.
    pub fn for_dir(&mut self, dir: &Path) -> (Applied, Option<ConfigError>) {
        let Some(path) = Config::find(dir) else {
            return (Applied::default(), None);
        };
        let stamp = modified(&path);
        if let Some(e) = self.entries.get(&path) {
            if e.modified == stamp {
                return (e.applied.clone(), None);
            }
        }
        self.load(&path, stamp)
    }

    /// Forgets what is known of a configuration file (changed or deleted on disk), re-reading it when
    /// it still exists. Returns the error when the new text is invalid (the old configuration stays).
    pub fn reload(&mut self, path: &Path) -> Option<ConfigError> {
        if !path.is_file() {
            self.entries.remove(path);
            return None;
        }
        let stamp = modified(path);
        self.load(path, stamp).1
    }

    fn load(&mut self, path: &Path, stamp: Option<SystemTime>) -> (Applied, Option<ConfigError>) {
        let previous = self.entries.get(path).map(|e| e.applied.clone());
        let (applied, error) = match Config::load(path) {
            Ok(c) => match c.load_tables() {
                Ok(t) => (
                    Applied {
                        tables: t.map_or(TablesRef::Builtin, |t| TablesRef::Extended(Arc::new(t))),
                        config: Some(Arc::new(c)),
                    },
                    None,
                ),
                // The configuration is good but a data file is not: keep the tables there were.
                Err(e) => (
                    Applied {
                        tables: previous.map(|p| p.tables).unwrap_or_default(),
                        config: Some(Arc::new(c)),
                    },
                    Some(e),
                ),
            },
            Err(e) => (previous.unwrap_or_default(), Some(e)),
        };
        self.entries.insert(
            path.to_path_buf(),
            Entry {
                applied: applied.clone(),
                modified: stamp,
            },
        );
        (applied, error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn editor_settings_are_read_and_checked() {
        let s = EditorSettings::from_json(&json!({
            "select": ["CBL2"], "ignore": ["CBL201"], "extendSelect": ["line-too-long"],
            "severity": {"CBL202": "warning", "CBL2": "info"}, "requireHeader": true
        }))
        .unwrap();
        let settings = s.settings(None, Path::new("x.cable"));
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
            EditorSettings::default()
        );
        let nested =
            EditorSettings::from_json(&json!({"cablelint": {"ignore": ["CBL3"]}})).unwrap();
        assert_eq!(nested.ignore.len(), 1);
    }
}
