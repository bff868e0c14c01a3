//! `cablelint.toml`: finding, reading and validating the configuration, and turning it into the
//! engine's [`Settings`] for one file.
//!
//! The checker and the language server share this module. It reads files but never prints: every
//! problem comes back as a [`ConfigError`] that names the file, the line and the key.
//!
//! ```toml
//! select = ["CBL1", "CBL2"]          # replaces the default set of rules
//! extend-select = ["line-too-long"]  # adds to it
//! ignore = ["CBL305"]                # removes from it
//! require-header = true              # report cables without a transmission header (CBL124)
//! date = "2026-11-30"                # the drafting date of drafts without a DTG and of `new` (default: today)
//! extend = "../cablelint.toml"       # inherit another file's settings (relative to this file's directory)
//!
//! [severity]
//! CBL305 = "warning"                 # by code, code prefix or name
//! CBL503 = "off"                     # "off" is the same as listing the rule in `ignore`
//!
//! [per-file-ignores]
//! "drafts/*.cable" = ["CBL3"]        # globs relative to this file's directory
//!
//! [data]
//! tags = ["extra-tags.tsv"]          # extra reference tables, relative to this file's directory
//! addressees = ["extra-addressees.tsv"]
//!
//! [draft]                            # defaults of `cablelint new` and the editor's skeleton
//! post = "AMEMBASSY OSLO"            # the FM post (a name or a station of the posts table)
//! routing-indicator = "RUEHNY"       # its routing indicator (default: the table's)
//! to = ["SECSTATE WASHDC"]           # the usual action addressees (`RI/ADDRESS` or a post)
//! info = ["USMISSION USNATO"]        # the usual information addressees
//!
//! [format]                           # `cablelint fmt` and editor formatting
//! line-width = 69                    # 0 leaves line breaks alone; else 40 to 10000
//! spaced-banner = true               # `C O N F I D E N T I A L` (false: `CONFIDENTIAL`)
//! serial-width = 6                   # zero-pad the banner serial (0: as written)
//! tags-separator = "space"           # or "comma"
//! ```
//!
//! How the layers combine for one file: the file's `select`, `extend-select` and `ignore` (and
//! `require-header`) make the configuration layer; command-line `--extend-select` and `--ignore`
//! apply on top of it, while a command-line `--select` replaces the whole configuration layer (as in
//! ruff). `per-file-ignores` then switch rules off for matching files, and `[severity]` sets the
//! severities; the severities and `require-header` of the overrides (the editor's settings) come
//! last. A severity of `"off"` in either place is an `ignore` of the same layer ([`parse_level`]
//! reads every severity). `Settings::require_header` is on exactly when `missing-header` ends up
//! enabled.
//!
//! `extend` (as ruff's) names a file whose settings this one inherits, and that file may extend
//! another. The result is as if the files extended were written into the extending one, save what
//! it sets itself: a top-level key it sets replaces theirs, and its tables (`[severity]`,
//! `[per-file-ignores]`, `[data]`, `[format]`, `[draft]`) are merged key by key with theirs, its
//! own keys winning. The rule selection is the exception, as in ruff: each file's `select`,
//! `extend-select`, `ignore` and `require-header` apply in turn, the farthest file's first, so that
//! an extending file's `extend-select` and `ignore` add to and take from what it inherits and its
//! `select` replaces it. Relative paths (the `extend` itself, globs, data files) are relative to the
//! directory of the file that writes them. In `extend`, as in ruff's, a leading `~` is the home
//! directory and `$VAR`, `${VAR}` (and `${VAR:-default}`) are environment variables; a variable
//! that is not set is an error naming it and the file. A file that cannot be read and a file that
//! extends itself, directly or through others, are errors naming the files
//! ([`Config::from_toml`]).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use serde::Deserialize;
use toml::Spanned;

use crate::data::{ExtraKind, Tables};
use crate::formatter::{FormatOptions, TagsSeparator};
use crate::rules::{Rule, RuleSelector, Settings, Severity};

/// The name of the configuration file looked for in a file's directory and its ancestors.
pub const CONFIG_FILE_NAME: &str = "cablelint.toml";

/// A configuration problem: the file, where in it (1-based line and column, when known), the key
/// concerned (when known) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(key) = &self.key {
            write!(f, "key `{key}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// One `per-file-ignores` entry: a glob relative to the directory of the configuration file that
/// writes it and the rules it switches off.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    /// The glob as written.
    pub pattern: String,
    /// The absolute directory the glob is relative to.
    dir: PathBuf,
    matcher: GlobMatcher,
    /// A pattern without `/` also matches a file's name alone, as in `.gitignore`.
    by_name: bool,
    pub ignore: Vec<RuleSelector>,
}

impl PerFileIgnore {
    /// Whether the entry applies to a file, given as an absolute path.
    pub fn applies_to(&self, file: &Path) -> bool {
        self.matches(file.strip_prefix(&self.dir).unwrap_or(file))
    }

    /// Whether the entry applies to a file, given as a path relative to the directory of the
    /// configuration that writes it (or as it is, when the file lies outside it).
    pub fn matches(&self, relative: &Path) -> bool {
        self.matcher.is_match(relative)
            || (self.by_name
                && relative
                    .file_name()
                    .is_some_and(|name| self.matcher.is_match(Path::new(name))))
    }
}

/// The `[data]` table: extra reference tables, as absolute paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataConfig {
    pub tags: Vec<PathBuf>,
    pub addressees: Vec<PathBuf>,
}

/// The `[draft]` table: what `cablelint new` and the editor's skeleton take when the command line
/// does not say. Addressees are as written (`RUEHC/SECSTATE WASHDC`, `SECSTATE WASHDC`, `OSLO`);
/// the skeleton builder ([`crate::workspace::draft`]) looks them up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftConfig {
    pub post: Option<String>,
    pub routing_indicator: Option<String>,
    pub to: Vec<String>,
    pub info: Vec<String>,
    /// Where each value is written, for errors about it: the configuration file (the one extended,
    /// when the value is inherited) and the 1-based line and column, by key (`draft.to`) and place
    /// in the key's list (0 for `post` and `routing-indicator`).
    pub at: BTreeMap<(&'static str, usize), (PathBuf, usize, usize)>,
}

/// What the command line (`--select`, `--extend-select`, `--ignore`) or the editor's settings put
/// on top of a configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// When given, replaces the configuration's selection entirely.
    pub select: Option<Vec<RuleSelector>>,
    pub extend_select: Vec<RuleSelector>,
    pub ignore: Vec<RuleSelector>,
    /// Severities set after the configuration's, less specific selectors first.
    pub severity: Vec<(RuleSelector, Severity)>,
    /// Switches `missing-header` on or off after everything else.
    pub require_header: Option<bool>,
    /// The drafting date (`--date`), over the configuration's `date`.
    pub date: Option<crate::vocab::Date>,
}

/// The words a severity setting accepts, for messages.
pub const LEVEL_WORDS: &str = "\"error\", \"warning\", \"info\" or \"off\"";

/// Reads the value of a severity setting, in `cablelint.toml`'s `[severity]` table and in the
/// editor's `severity` object alike: `Some(severity)` for `error`, `warning` (or `warn`) and
/// `info`; `None` for `off`, which means that the rule does not run. The error says what was
/// accepted.
pub fn parse_level(word: &str) -> Result<Option<Severity>, String> {
    if word == "off" {
        return Ok(None);
    }
    Severity::parse(word)
        .map(Some)
        .ok_or_else(|| format!("`{word}` is not a severity (expected {LEVEL_WORDS})"))
}

/// Adds one severity entry to a layer: `off` goes to the layer's `ignore`, a severity to its
/// `severity` list. Call [`sort_severities`] when every entry is in.
pub fn add_level(
    selector: RuleSelector,
    level: Option<Severity>,
    severity: &mut Vec<(RuleSelector, Severity)>,
    ignore: &mut Vec<RuleSelector>,
) {
    match level {
        Some(level) => severity.push((selector, level)),
        None => ignore.push(selector),
    }
}

/// Puts severity entries in the order they apply: less specific selectors first, so that
/// `CBL3 = "info"` and `CBL305 = "error"` together do what they say.
pub fn sort_severities(severity: &mut [(RuleSelector, Severity)]) {
    severity.sort_by_key(|(s, _)| s.specificity());
}

/// One configuration file's rule selection: `select`, `extend-select`, `ignore` (with the
/// `[severity]` entries that say `"off"`) and `require-header`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// When given, replaces the selection made so far (the defaults, or what the file inherits).
    pub select: Option<Vec<RuleSelector>>,
    pub extend_select: Vec<RuleSelector>,
    pub ignore: Vec<RuleSelector>,
    /// Switches `missing-header` on or off after this file's selection.
    pub require_header: Option<bool>,
}

/// A loaded and validated `cablelint.toml`, with what it inherits through `extend`.
#[derive(Debug, Clone)]
pub struct Config {
    path: PathBuf,
    dir: PathBuf,
    /// The files this one extends, the one its `extend` names first, as absolute paths.
    extends: Vec<PathBuf>,
    /// The rule selections in the order they apply: the farthest file extended first, this
    /// file's last.
    pub selections: Vec<Selection>,
    /// Severity overrides in the order they apply: less specific selectors first, so that
    /// `CBL3 = "info"` and `CBL305 = "error"` together do what they say (an extending file's
    /// entries after inherited ones of the same specificity).
    pub severity: Vec<(RuleSelector, Severity)>,
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// `date = "YYYY-MM-DD"`: the drafting date the date checks use for drafts without a
    /// date-time group (today when absent).
    pub date: Option<crate::vocab::Date>,
    pub data: DataConfig,
    /// The `[format]` options (the defaults when the table is absent).
    pub format: FormatOptions,
    /// The `[draft]` defaults (empty when the table is absent).
    pub draft: DraftConfig,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    extend: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    require_header: Option<bool>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    data: RawData,
    #[serde(default)]
    format: RawFormat,
    #[serde(default)]
    draft: RawDraft,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDraft {
    post: Option<Spanned<String>>,
    routing_indicator: Option<Spanned<String>>,
    to: Option<Vec<Spanned<String>>>,
    info: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFormat {
    line_width: Option<Spanned<i64>>,
    spaced_banner: Option<bool>,
    serial_width: Option<Spanned<i64>>,
    tags_separator: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawData {
    tags: Option<Vec<Spanned<String>>>,
    addressees: Option<Vec<Spanned<String>>>,
}

/// Where an `extend` points: the value as written, the file it names (absolute, `..` resolved)
/// and the 1-based line and column of the value.
#[derive(Debug, Clone)]
struct Extend {
    written: String,
    target: PathBuf,
    line: usize,
    column: usize,
}

/// A value of the `[draft]` table with where it is written (file, line, column).
type Placed = (String, (PathBuf, usize, usize));

/// What one configuration file sets itself, validated; `None` for what it leaves unset.
#[derive(Debug, Clone)]
struct Own {
    path: PathBuf,
    dir: PathBuf,
    extend: Option<Extend>,
    selection: Selection,
    /// `[severity]` entries: the key as written, its selector and level (`None` for `"off"`).
    severity: Vec<(String, RuleSelector, Option<Severity>)>,
    per_file_ignores: Vec<PerFileIgnore>,
    date: Option<crate::vocab::Date>,
    data_tags: Option<Vec<PathBuf>>,
    data_addressees: Option<Vec<PathBuf>>,
    line_width: Option<usize>,
    spaced_banner: Option<bool>,
    serial_width: Option<usize>,
    tags_separator: Option<TagsSeparator>,
    post: Option<Placed>,
    routing_indicator: Option<Placed>,
    to: Option<Vec<Placed>>,
    info: Option<Vec<Placed>>,
}

/// Expands a path as ruff expands its `extend` (with the `shellexpand` crate, as ruff does): a
/// leading `~` (alone or before `/`) is the home directory `home` gives (left as written when it
/// gives none; [`std::env::home_dir`] in a configuration file: `HOME` on Unix), and `$VAR`,
/// `${VAR}` and `${VAR:-default}` anywhere are the values `var` gives. Text without either is
/// returned borrowed.
///
/// # Errors
/// The name of the first variable `var` fails on (`NotPresent` for a variable that is not set)
/// and why.
fn expand_path<'a, P: AsRef<str>>(
    written: &'a str,
    home: impl FnOnce() -> Option<P>,
    var: impl FnMut(&str) -> Result<Option<String>, std::env::VarError>,
) -> Result<std::borrow::Cow<'a, str>, shellexpand::LookupError<std::env::VarError>> {
    shellexpand::full_with_context(written, home, var)
}

impl Config {
    /// The configuration file that applies to files in `dir`: `cablelint.toml` in `dir` or the
    /// nearest ancestor that has one. Anything of that name counts, so that a directory or a
    /// symbolic link that leads nowhere named `cablelint.toml` is reported when [`Config::load`]
    /// reads it rather than passed over in silence for a file farther up.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        dir.ancestors()
            .map(|d| d.join(CONFIG_FILE_NAME))
            .find(|p| p.symlink_metadata().is_ok())
    }

    /// Finds ([`Config::find`]) and loads the configuration for files in `dir`; `None` when no
    /// ancestor has one.
    pub fn discover(dir: &Path) -> Result<Option<(PathBuf, Config)>, ConfigError> {
        match Config::find(dir) {
            Some(path) => Config::load(&path).map(|c| Some((path, c))),
            None => Ok(None),
        }
    }

    /// Reads and validates a configuration file and the files it extends. A directory or a broken
    /// symbolic link in its place is an error that says so.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read_config_text(path).map_err(|message| ConfigError {
            path: path.to_path_buf(),
            line: None,
            column: None,
            key: None,
            message,
        })?;
        Config::from_toml(&text, path)
    }

    /// Parses and validates configuration text; `path` names the file in errors and anchors the
    /// relative paths in it (globs, data files and `extend` are relative to its directory). The
    /// files it extends are read from disk: one that cannot be read is an error at the `extend`
    /// that names it, one that extends a file already in the chain (itself included) an error
    /// naming the files of the cycle, and an error in an extended file names that file, its line
    /// and the chain of files that led to it. An `extend` that names an environment variable that
    /// is not set (`$VAR`, `${VAR}`) is an error at it naming the variable.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut chain = vec![Own::parse(text, path)?];
        let mut seen = vec![identity(path)];
        while let Some(extend) = chain.last().and_then(|o| o.extend.clone()) {
            let last = chain.last().expect("the chain starts with this file");
            let names = |end: &Path| {
                chain
                    .iter()
                    .map(|o| o.path.as_path())
                    .chain([end])
                    .map(|p| format!("`{}`", p.display()))
                    .collect::<Vec<_>>()
                    .join(" extends ")
            };
            let at_extend = |message: String| ConfigError {
                path: last.path.clone(),
                line: Some(extend.line),
                column: Some(extend.column),
                key: Some("extend".to_string()),
                message,
            };
            let id = identity(&extend.target);
            if seen.contains(&id) {
                return Err(at_extend(format!(
                    "`{}` closes a cycle: {}",
                    extend.written,
                    names(&extend.target)
                )));
            }
            let text = read_config_text(&extend.target).map_err(|reason| {
                at_extend(format!(
                    "cannot read `{}` ({}): {reason}",
                    extend.written,
                    extend.target.display()
                ))
            })?;
            let own = Own::parse(&text, &extend.target).map_err(|mut e| {
                e.message = format!("{} (read because {})", e.message, names(&extend.target));
                e
            })?;
            seen.push(id);
            chain.push(own);
        }
        Ok(Config::merge(chain))
    }

    /// Combines a chain of files, the extending file first: see the module documentation.
    fn merge(mut chain: Vec<Own>) -> Config {
        // Keys of `[severity]` and `[per-file-ignores]` set by a nearer file shadow the farther
        // files' entries of the same key.
        let mut severity_keys = std::collections::HashSet::new();
        let mut glob_keys = std::collections::HashSet::new();
        for own in &mut chain {
            let mine: Vec<String> = own.severity.iter().map(|(k, _, _)| k.clone()).collect();
            own.severity.retain(|(k, _, _)| !severity_keys.contains(k));
            let globs: Vec<String> = own
                .per_file_ignores
                .iter()
                .map(|e| e.pattern.clone())
                .collect();
            own.per_file_ignores
                .retain(|e| !glob_keys.contains(&e.pattern));
            severity_keys.extend(mine);
            glob_keys.extend(globs);
        }
        // The nearest file that sets a key gives its value.
        fn nearest<T: Clone>(chain: &[Own], get: impl Fn(&Own) -> Option<T>) -> Option<T> {
            chain.iter().find_map(get)
        }
        let defaults = FormatOptions::default();
        let date = nearest(&chain, |o| o.date);
        let format = FormatOptions {
            line_width: nearest(&chain, |o| o.line_width).unwrap_or(defaults.line_width),
            spaced_banner: nearest(&chain, |o| o.spaced_banner).unwrap_or(defaults.spaced_banner),
            serial_width: nearest(&chain, |o| o.serial_width).unwrap_or(defaults.serial_width),
            tags_separator: nearest(&chain, |o| o.tags_separator)
                .unwrap_or(defaults.tags_separator),
            drafting_date: date,
        };
        let data = DataConfig {
            tags: nearest(&chain, |o| o.data_tags.clone()).unwrap_or_default(),
            addressees: nearest(&chain, |o| o.data_addressees.clone()).unwrap_or_default(),
        };
        let draft = {
            let mut at = BTreeMap::new();
            let mut place = |key: &'static str, i: usize, (value, where_): Placed| {
                at.insert((key, i), where_);
                value
            };
            let post = nearest(&chain, |o| o.post.clone());
            let routing_indicator = nearest(&chain, |o| o.routing_indicator.clone());
            let to = nearest(&chain, |o| o.to.clone()).unwrap_or_default();
            let info = nearest(&chain, |o| o.info.clone()).unwrap_or_default();
            DraftConfig {
                post: post.map(|v| place("draft.post", 0, v)),
                routing_indicator: routing_indicator
                    .map(|v| place("draft.routing-indicator", 0, v)),
                to: (to.into_iter().enumerate())
                    .map(|(i, v)| place("draft.to", i, v))
                    .collect(),
                info: (info.into_iter().enumerate())
                    .map(|(i, v)| place("draft.info", i, v))
                    .collect(),
                at,
            }
        };
        let path = chain[0].path.clone();
        let dir = chain[0].dir.clone();
        let extends = chain[1..].iter().map(|o| o.path.clone()).collect();
        let mut selections = Vec::new();
        let mut severity = Vec::new();
        let mut per_file_ignores = Vec::new();
        for own in chain.into_iter().rev() {
            let mut selection = own.selection;
            for (_, selector, level) in own.severity {
                add_level(selector, level, &mut severity, &mut selection.ignore);
            }
            selections.push(selection);
            per_file_ignores.extend(own.per_file_ignores);
        }
        sort_severities(&mut severity);
        Config {
            path,
            dir,
            extends,
            selections,
            severity,
            per_file_ignores,
            date,
            data,
            format,
            draft,
        }
    }

    /// An error about a value of the `[draft]` table: the file, the value's line and column, and
    /// the key (`draft.to`; `index` is the value's place in the key's list, 0 for a single value).
    pub fn draft_error(&self, key: &str, index: usize, message: String) -> ConfigError {
        let at = self
            .draft
            .at
            .iter()
            .find(|((k, i), _)| *k == key && *i == index)
            .map(|(_, at)| at);
        ConfigError {
            path: at.map_or_else(|| self.path.clone(), |(path, _, _)| path.clone()),
            line: at.map(|(_, line, _)| *line),
            column: at.map(|(_, _, column)| *column),
            key: Some(key.to_string()),
            message,
        }
    }

    /// The configuration file's path, as it was given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The files this configuration extends, the one its `extend` names first (absolute paths).
    pub fn extends(&self) -> &[PathBuf] {
        &self.extends
    }

    /// Every file this configuration was read from: its own, then those it extends.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        std::iter::once(self.path.as_path()).chain(self.extends.iter().map(PathBuf::as_path))
    }

    /// The absolute directory the configuration's relative paths start from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The reference tables for files under this configuration: `None` when it names no `[data]`
    /// files (use [`Tables::builtin`]), else the built-in tables extended by them. An unreadable
    /// or malformed data file is an error naming that file (and the line, when it is malformed).
    pub fn load_tables(&self) -> Result<Option<Tables>, ConfigError> {
        if self.data.tags.is_empty() && self.data.addressees.is_empty() {
            return Ok(None);
        }
        let files = self.data.tags.iter().map(|p| (ExtraKind::Tags, p)).chain(
            self.data
                .addressees
                .iter()
                .map(|p| (ExtraKind::Addressees, p)),
        );
        let mut extra = Vec::new();
        for (kind, path) in files {
            let fail = |message: String| ConfigError {
                path: path.clone(),
                line: None,
                column: None,
                key: None,
                message,
            };
            let bytes = std::fs::read(path).map_err(|e| fail(describe_io_error(&e)))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                fail(format!(
                    "not valid UTF-8 (first invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ))
            })?;
            extra.push((kind, path.clone(), text));
        }
        Tables::with_extra(Tables::builtin(), &extra)
            .map(Some)
            .map_err(|e| ConfigError {
                path: e.path,
                line: Some(e.line),
                column: None,
                key: None,
                message: e.message,
            })
    }

    /// The settings for one file under this configuration alone.
    pub fn settings_for(&self, file: &Path) -> Settings {
        settings(Some(self), file, &Overrides::default())
    }
}

/// The settings for one file: the configuration (if any) with command-line overrides on top. See
/// the module documentation for how the layers combine.
pub fn settings(config: Option<&Config>, file: &Path, overrides: &Overrides) -> Settings {
    let mut s = match (&overrides.select, config) {
        (Some(select), _) => {
            Settings::from_selection(Some(select), &overrides.extend_select, &overrides.ignore)
        }
        (None, Some(c)) => {
            let mut s = Settings::default();
            for layer in &c.selections {
                if layer.select.is_some() {
                    s = Settings::from_selection(
                        layer.select.as_deref(),
                        &layer.extend_select,
                        &layer.ignore,
                    );
                } else {
                    s.apply(&layer.extend_select, &layer.ignore);
                }
                if let Some(on) = layer.require_header {
                    s.set_enabled(Rule::MissingHeader, on);
                }
            }
            s.apply(&overrides.extend_select, &overrides.ignore);
            s
        }
        (None, None) => Settings::from_selection(None, &overrides.extend_select, &overrides.ignore),
    };
    if let Some(c) = config {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        for entry in &c.per_file_ignores {
            if entry.applies_to(&abs) {
                s.apply(&[], &entry.ignore);
            }
        }
        set_severities(&mut s, &c.severity);
    }
    set_severities(&mut s, &overrides.severity);
    if let Some(on) = overrides.require_header {
        s.set_enabled(Rule::MissingHeader, on);
    }
    s.require_header = s.is_enabled(Rule::MissingHeader);
    s.drafting_date = overrides.date.or(config.and_then(|c| c.date));
    s.drafting_post = config
        .and_then(|c| c.draft.post.as_deref())
        .map(crate::syntax::origin_key)
        .filter(|k| !k.is_empty());
    s.spaced_banner = config.is_none_or(|c| c.format.spaced_banner);
    s
}

fn set_severities(s: &mut Settings, severity: &[(RuleSelector, Severity)]) {
    for (selector, level) in severity {
        for rule in selector.rules() {
            s.set_severity(rule, *level);
        }
    }
}

/// An IO error in a few words, without the OS error number (`no such file or directory`).
pub fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        ErrorKind::NotADirectory => "not a directory".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Why a symbolic link cannot be followed: `broken symbolic link to `nowhere.cable``, `symbolic
/// link loop`, or the error's own description.
pub fn broken_link_reason(path: &Path, e: &std::io::Error) -> String {
    // ELOOP: a link that leads back to itself (Linux 40, the BSDs and macOS 62).
    if matches!(e.raw_os_error(), Some(40) if cfg!(target_os = "linux"))
        || matches!(e.raw_os_error(), Some(62) if !cfg!(target_os = "linux"))
    {
        return "symbolic link loop".to_string();
    }
    match (e.kind(), std::fs::read_link(path)) {
        (std::io::ErrorKind::NotFound, Ok(target)) => {
            format!("broken symbolic link to `{}`", target.display())
        }
        _ => describe_io_error(e),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// The dotted key (`severity.CBL305`) whose entry holds a byte offset, found by reading back from
/// the offset to the nearest `key =` line and the table header above it.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let mut key: Option<String> = None;
    for line in text[..line_end].lines().rev() {
        let t = line.trim();
        if let Some(header) = t.strip_prefix('[') {
            let name = header.trim_start_matches('[');
            let name = name.split(']').next().unwrap_or("").trim();
            return Some(match key {
                Some(k) => format!("{name}.{k}"),
                None => name.to_string(),
            });
        }
        if key.is_none() {
            key = assignment_key(t);
        }
    }
    key
}

/// The key of a `key = value` line, without quotes.
fn assignment_key(line: &str) -> Option<String> {
    if line.starts_with('#') {
        return None;
    }
    let eq = line.find('=')?;
    let k = line[..eq].trim();
    let unquoted = k.trim_matches(|c| c == '"' || c == '\'');
    let plain = unquoted
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.*/ ".contains(c));
    (!k.is_empty() && plain).then(|| unquoted.to_string())
}

impl Own {
    /// Parses and validates one file's text; `path` names the file in errors and anchors its
    /// relative paths.
    fn parse(text: &str, path: &Path) -> Result<Own, ConfigError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let err = |span: Option<std::ops::Range<usize>>, key: Option<String>, message: String| {
            let (line, column) = match &span {
                Some(s) => {
                    let (l, c) = line_col(text, s.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                key,
                message,
            }
        };

        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let span = e.span();
            let key = span.as_ref().and_then(|s| key_at(text, s.start));
            let message = e
                .message()
                .trim()
                .replace("unknown field", "unknown key")
                .replace("missing field", "missing key");
            err(span, key, message)
        })?;

        let selectors =
            |key: &str, values: &[Spanned<String>]| -> Result<Vec<RuleSelector>, ConfigError> {
                values
                    .iter()
                    .map(|v| {
                        RuleSelector::parse(v.get_ref())
                            .map_err(|m| err(Some(v.span()), Some(key.to_string()), m))
                    })
                    .collect()
            };

        let extend = match &raw.extend {
            None => None,
            Some(v) if v.get_ref().trim().is_empty() => {
                return Err(err(
                    Some(v.span()),
                    Some("extend".to_string()),
                    "is empty (expected the path of a configuration file)".to_string(),
                ))
            }
            Some(v) => {
                let (line, column) = line_col(text, v.span().start);
                // A home directory whose path is not valid Unicode leaves `~` as written.
                let home =
                    || std::env::home_dir().and_then(|h| h.into_os_string().into_string().ok());
                let expanded = expand_path(v.get_ref(), home, |name| std::env::var(name).map(Some))
                    .map_err(|e| {
                        let why = match e.cause {
                            std::env::VarError::NotPresent => "which is not set",
                            std::env::VarError::NotUnicode(_) => "whose value is not valid Unicode",
                        };
                        err(
                            Some(v.span()),
                            Some("extend".to_string()),
                            format!(
                                "`{}` names the environment variable `{}`, {why}",
                                v.get_ref(),
                                e.var_name
                            ),
                        )
                    })?;
                Some(Extend {
                    written: v.get_ref().clone(),
                    target: normalize(&dir.join(expanded.as_ref())),
                    line,
                    column,
                })
            }
        };

        let selection = Selection {
            select: match &raw.select {
                Some(v) => Some(selectors("select", v)?),
                None => None,
            },
            extend_select: selectors("extend-select", &raw.extend_select)?,
            ignore: selectors("ignore", &raw.ignore)?,
            require_header: raw.require_header,
        };

        let mut severity = Vec::new();
        for (k, v) in &raw.severity {
            let key = format!("severity.{}", k.get_ref());
            let selector = RuleSelector::parse(k.get_ref())
                .map_err(|m| err(Some(k.span()), Some(key.clone()), m))?;
            let level =
                parse_level(v.get_ref()).map_err(|m| err(Some(v.span()), Some(key.clone()), m))?;
            severity.push((k.get_ref().clone(), selector, level));
        }

        let mut per_file_ignores = Vec::new();
        for (k, v) in &raw.per_file_ignores {
            let key = format!("per-file-ignores.\"{}\"", k.get_ref());
            let pattern = k.get_ref().trim().to_string();
            let glob = GlobBuilder::new(pattern.trim_start_matches("./"))
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    err(
                        Some(k.span()),
                        Some(key.clone()),
                        format!("`{pattern}` is not a valid glob: {}", e.kind()),
                    )
                })?;
            per_file_ignores.push(PerFileIgnore {
                by_name: !pattern.contains('/'),
                dir: dir.clone(),
                matcher: glob.compile_matcher(),
                ignore: selectors(&key, v)?,
                pattern,
            });
        }

        let data_paths = |key: &str,
                          values: &Option<Vec<Spanned<String>>>|
         -> Result<Option<Vec<PathBuf>>, ConfigError> {
            let Some(values) = values else {
                return Ok(None);
            };
            values
                .iter()
                .map(|v| {
                    let p = dir.join(v.get_ref());
                    if p.is_file() {
                        Ok(p)
                    } else {
                        Err(err(
                            Some(v.span()),
                            Some(key.to_string()),
                            format!(
                                "`{}` is not a file (looked for {})",
                                v.get_ref(),
                                p.display()
                            ),
                        ))
                    }
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
        };
        let data_tags = data_paths("data.tags", &raw.data.tags)?;
        let data_addressees = data_paths("data.addressees", &raw.data.addressees)?;

        // A width is 0 (leave as written) or within `min..=max`.
        let width = |key: &str, v: &Option<Spanned<i64>>, min: i64, max: i64| match v {
            None => Ok(None),
            Some(v) if *v.get_ref() == 0 || (min..=max).contains(v.get_ref()) => {
                Ok(Some(*v.get_ref() as usize))
            }
            Some(v) => Err(err(
                Some(v.span()),
                Some(key.to_string()),
                format!("`{}` is not a width (expected {})", v.get_ref(), {
                    if min > 1 {
                        format!("0 or {min} to {max}")
                    } else {
                        format!("0 to {max}")
                    }
                }),
            )),
        };
        let line_width = width(
            "format.line-width",
            &raw.format.line_width,
            crate::formatter::MIN_LINE_WIDTH as i64,
            crate::formatter::MAX_LINE_WIDTH as i64,
        )?;
        let serial_width = width("format.serial-width", &raw.format.serial_width, 1, 12)?;
        // The error at a string value its key cannot read: `` `value` is not `` and `what`.
        let unreadable = |key: &str, v: &Spanned<String>, what: &str| {
            err(
                Some(v.span()),
                Some(key.to_string()),
                format!("`{}` is not {what}", v.get_ref()),
            )
        };
        let tags_separator = (raw.format.tags_separator.as_ref())
            .map(|v| {
                TagsSeparator::parse(v.get_ref()).ok_or_else(|| {
                    let what = "a TAGS separator (expected \"space\" or \"comma\")";
                    unreadable("format.tags-separator", v, what)
                })
            })
            .transpose()?;

        let date = (raw.date.as_ref())
            .map(|v| {
                crate::vocab::Date::parse_iso(v.get_ref()).ok_or_else(|| {
                    let what = "a date (expected \"YYYY-MM-DD\", a day that exists)";
                    unreadable("date", v, what)
                })
            })
            .transpose()?;

        let place = |v: &Spanned<String>| -> Placed {
            let (line, column) = line_col(text, v.span().start);
            (v.get_ref().clone(), (path.to_path_buf(), line, column))
        };
        let draft = &raw.draft;
        Ok(Own {
            path: path.to_path_buf(),
            dir,
            extend,
            selection,
            severity,
            per_file_ignores,
            date,
            data_tags,
            data_addressees,
            line_width,
            spaced_banner: raw.format.spaced_banner,
            serial_width,
            tags_separator,
            post: draft.post.as_ref().map(place),
            routing_indicator: draft.routing_indicator.as_ref().map(place),
            to: draft.to.as_ref().map(|v| v.iter().map(place).collect()),
            info: draft.info.as_ref().map(|v| v.iter().map(place).collect()),
        })
    }
}

/// A configuration file's text: the error is why it cannot be read (a directory, a broken
/// symbolic link, not UTF-8, or the system's reason).
fn read_config_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        if path.is_dir() {
            "is a directory, not a configuration file (cablelint reads its configuration from a \
             file of this name)"
                .to_string()
        } else {
            broken_link_reason(path, &e)
        }
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A path with `.` and `..` resolved by its words alone (as ruff resolves `extend`), so that
/// `/p/posts/../base.toml` is named `/p/base.toml`.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// What tells two names of one configuration file apart from two files: the canonical path
/// when the file exists, else the absolute path with `..` resolved.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
    })
}

#[cfg(test)]
mod tests;
