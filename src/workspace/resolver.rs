//! One resolver of configuration for the checker and the server: which `cablelint.toml` applies to
//! a file (the nearest one above it, the one given with `--config`, or none with `--isolated`), the
//! reference tables it extends, and the [`Settings`] for the file with the command line's or the
//! editor's [`Overrides`] on top.
//!
//! A configuration file is read once per change: a run of the checker reads each file once, the
//! server re-reads a file when its modification time or that of a file it extends changed (or
//! when [`Resolver::reload`] names either). A file that fails to load keeps its last good
//! configuration (or none) and its error comes back once, with what to keep using; the checker
//! stops at that error, the server shows it, and reads the file again at each request until it
//! loads (a file it extends may be the one to mend), without showing the same error twice.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{self, Config, ConfigError, Overrides};
use crate::data::Tables;
use crate::rules::Settings;

/// The reference tables for files under one configuration: the built-in ones, or those extended by
/// the configuration's `[data]` files. Cloning is cheap.
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

/// Where configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// The nearest `cablelint.toml` in the file's directory or above it.
    Discover,
    /// This file for every file (`--config`).
    File(PathBuf),
    /// No configuration file at all (`--isolated`).
    Isolated,
}

/// How often configuration files are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Once: each directory is searched and each file read once (a run of the checker).
    Once,
    /// On every request: the search is repeated and a file whose modification time changed is
    /// read again (the server, where files change while it runs).
    Live,
}

/// What applies to a file: its settings, its tables and the configuration they came from.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Arc<Settings>,
    pub tables: TablesRef,
    pub config: Option<Arc<Config>>,
}

/// A configuration with its tables, as loaded.
#[derive(Debug, Clone, Default)]
struct Applied {
    config: Option<Arc<Config>>,
    tables: TablesRef,
}

#[derive(Debug)]
struct Entry {
    applied: Applied,
    /// The modification time of every file the configuration was read from (its own and those it
    /// extends), when it loaded; `None` when it did not.
    stamps: Option<Vec<(PathBuf, Option<SystemTime>)>>,
    /// The error of the last load, when it failed.
    error: Option<ConfigError>,
}

/// Finds, reads and caches configuration files; see the module documentation.
#[derive(Debug)]
pub struct Resolver {
    source: ConfigSource,
    freshness: Freshness,
    /// Loaded configuration files by path.
    entries: HashMap<PathBuf, Entry>,
    /// The configuration file found for each directory searched, with [`Freshness::Once`].
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// The settings resolved last: the next file's are usually the same, and then share them, so
    /// that the settings of a quarter of a million files take the memory of a few.
    last_settings: Option<Arc<Settings>>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Resolver {
    /// A resolver. With [`ConfigSource::File`] the file is read at once and its error returned.
    pub fn new(source: ConfigSource, freshness: Freshness) -> Result<Resolver, ConfigError> {
        let mut r = Resolver {
            source,
            freshness,
            entries: HashMap::new(),
            found: HashMap::new(),
            last_settings: None,
        };
        if let ConfigSource::File(path) = &r.source {
            let path = path.clone();
            if let (_, Some(e)) = r.load(&path) {
                return Err(e);
            }
        }
        Ok(r)
    }

    /// The server's resolver: discovery, files re-read when they change.
    pub fn live() -> Resolver {
        Resolver {
            source: ConfigSource::Discover,
            freshness: Freshness::Live,
            entries: HashMap::new(),
            found: HashMap::new(),
            last_settings: None,
        }
    }

    /// What applies to `file` (a path as given; a relative one is taken from the current
    /// directory), with `overrides` on top. Configuration is looked for from the file's directory.
    /// The error, when there is one, comes with what to use meanwhile (the last good configuration
    /// of that file, or none).
    pub fn resolve(
        &mut self,
        file: &Path,
        overrides: &Overrides,
    ) -> (Resolved, Option<ConfigError>) {
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        self.resolve_in(Some(&dir), file, overrides)
    }

    /// As [`Resolver::resolve`], looking for configuration from `dir` (none when `None`, such as for
    /// an editor's unsaved document outside every workspace folder).
    pub fn resolve_in(
        &mut self,
        dir: Option<&Path>,
        file: &Path,
        overrides: &Overrides,
    ) -> (Resolved, Option<ConfigError>) {
        let (applied, error) = match dir {
            Some(dir) => self.applied_for(dir),
            None => (Applied::default(), None),
        };
        let settings = config::settings(applied.config.as_deref(), file, overrides);
        let settings = match &self.last_settings {
            Some(last) if **last == settings => last.clone(),
            _ => {
                let settings = Arc::new(settings);
                self.last_settings = Some(settings.clone());
                settings
            }
        };
        let resolved = Resolved {
            settings,
            tables: applied.tables,
            config: applied.config,
        };
        (resolved, error)
    }

    /// Forgets what is known of a configuration file (changed, created or deleted on disk), reading
    /// it again when it exists, and every configuration that extends it. Returns the first error
    /// when a new text is invalid (the old configuration stays in use).
    pub fn reload(&mut self, path: &Path) -> Option<ConfigError> {
        self.found.clear();
        let mut affected: Vec<PathBuf> = self
            .entries
            .iter()
            .filter(|(p, e)| {
                p.as_path() == path
                    || (e.applied.config.as_ref())
                        .is_some_and(|c| c.extends().iter().any(|x| x == path))
            })
            .map(|(p, _)| p.clone())
            .collect();
        if !affected.iter().any(|p| p == path) && !self.is_extended(path) {
            affected.push(path.to_path_buf());
        }
        let mut first = None;
        for p in affected {
            if p.symlink_metadata().is_err() {
                self.entries.remove(&p);
                continue;
            }
            if let (_, Some(e)) = self.load(&p) {
                first.get_or_insert(e);
            }
        }
        first
    }

    /// Whether a configuration loaded so far extends `path`: a change to it is a change to them.
    pub fn is_extended(&self, path: &Path) -> bool {
        self.entries.values().any(|e| {
            (e.applied.config.as_ref()).is_some_and(|c| c.extends().iter().any(|x| x == path))
        })
    }

    fn applied_for(&mut self, dir: &Path) -> (Applied, Option<ConfigError>) {
        let path = match &self.source {
            ConfigSource::Isolated => return (Applied::default(), None),
            ConfigSource::File(p) => p.clone(),
            ConfigSource::Discover => match self.find(dir) {
                Some(p) => p,
                None => return (Applied::default(), None),
            },
        };
        if let Some(e) = self.entries.get(&path) {
            let fresh = match (self.freshness, &e.stamps) {
                (Freshness::Once, _) => true,
                (Freshness::Live, Some(stamps)) => stamps.iter().all(|(p, t)| *t == modified(p)),
                (Freshness::Live, None) => false,
            };
            if fresh {
                return (e.applied.clone(), None);
            }
        }
        let previous_error = self.entries.get(&path).and_then(|e| e.error.clone());
        let (applied, error) = self.load(&path);
        // A file read again because it failed to load does not repeat the error already given.
        (
            applied,
            error.filter(|e| Some(e) != previous_error.as_ref()),
        )
    }

    fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        match self.freshness {
            Freshness::Live => Config::find(dir),
            Freshness::Once => self
                .found
                .entry(dir.to_path_buf())
                .or_insert_with(|| Config::find(dir))
                .clone(),
        }
    }

    /// Reads a configuration file and its tables, keeping what there was when either fails.
    fn load(&mut self, path: &Path) -> (Applied, Option<ConfigError>) {
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
        let stamps = match (&error, &applied.config) {
            (None, Some(c)) => Some(c.files().map(|p| (p.to_path_buf(), modified(p))).collect()),
            _ => None,
        };
        self.entries.insert(
            path.to_path_buf(),
            Entry {
                applied: applied.clone(),
                stamps,
                error: error.clone(),
            },
        );
        (applied, error)
    }
}
