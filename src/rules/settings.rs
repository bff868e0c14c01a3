//! Which rules run and at what severity. Built by the configuration layer; pure data here.

use std::collections::HashMap;

use super::{Rule, Severity};

/// A rule selector as written in `--select`, `--ignore` or `cablelint.toml`: a code (`CBL201`), a
/// code prefix (`CBL2`, `CBL`), a rule name (`security-line-mismatch`) or `ALL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSelector(String);

impl RuleSelector {
    /// Parses a selector; the error says what was wrong with it.
    pub fn parse(s: &str) -> Result<RuleSelector, String> {
        let s = s.trim();
        let sel = RuleSelector(s.to_string());
        if sel.rules().next().is_none() {
            return Err(format!(
                "`{s}` is not a rule code, code prefix or rule name (see `cablelint rules`)"
            ));
        }
        Ok(sel)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The rules the selector names.
    pub fn rules(&self) -> impl Iterator<Item = Rule> + '_ {
        Rule::ALL.iter().copied().filter(move |&r| self.matches(r))
    }

    /// Whether the selector takes in `rule`: `ALL`, the rule's name, or a prefix of its code of
    /// three characters or more (any case).
    pub fn matches(&self, rule: Rule) -> bool {
        let s = self.0.as_str();
        let code = rule.code();
        s.eq_ignore_ascii_case("ALL")
            || rule.name() == s
            || (s.len() >= 3
                && code.len() >= s.len()
                && code.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
    }

    /// How specific the selector is: a full code or name beats a prefix, a longer prefix beats a
    /// shorter one. Used so that `--select CBL2 --ignore CBL201` and `--ignore CBL2 --select CBL201`
    /// both do what they say.
    pub fn specificity(&self) -> usize {
        if Rule::from_code_or_name(&self.0).is_some() {
            100
        } else if self.0.eq_ignore_ascii_case("ALL") {
            0
        } else {
            self.0.len()
        }
    }
}

/// The engine's settings for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    enabled: Vec<bool>,
    severity: HashMap<Rule, Severity>,
    /// Report a cable without a transmission header (drafts often start at the banner).
    pub require_header: bool,
    /// The drafting date given by `--date` or `date =` in `cablelint.toml`: the date the date
    /// checks use for a draft without a date-time group. `None` means today (see
    /// [`crate::rules::Facts::date`]).
    pub drafting_date: Option<crate::vocab::Date>,
    /// The post the files are drafted at, from `post =` in the `[draft]` table of
    /// `cablelint.toml`, as cable ids write its origin ([`crate::syntax::origin_key`]: `OSLO` for
    /// `AMEMBASSY OSLO`). The cross-cable rule `dangling-reference` takes a folder with this
    /// setting for that post's drafting folder.
    pub drafting_post: Option<String>,
    /// Whether the project writes banners with spaced letters (`spaced-banner` in the `[format]`
    /// table of `cablelint.toml`, true by default): `garbled-banner` then accepts the form `fmt`
    /// writes, so that `fmt` and `check --fix` never undo each other.
    pub spaced_banner: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: Rule::ALL.iter().map(|r| r.enabled_by_default()).collect(),
            severity: HashMap::new(),
            require_header: false,
            drafting_date: None,
            drafting_post: None,
            spaced_banner: true,
        }
    }
}

impl Settings {
    /// Settings from selections: `select` (when given) replaces the default set, then
    /// `extend_select` adds and `ignore` removes; a more specific selector wins over a less specific
    /// one.
    pub fn from_selection(
        select: Option<&[RuleSelector]>,
        extend_select: &[RuleSelector],
        ignore: &[RuleSelector],
    ) -> Settings {
        let mut s = Settings::default();
        if let Some(select) = select {
            s.enabled.iter_mut().for_each(|e| *e = false);
            s.apply(select, &[]);
        }
        s.apply(extend_select, ignore);
        s
    }

    /// Applies further selections on top of these settings (command-line flags over a file).
    pub fn apply(&mut self, select: &[RuleSelector], ignore: &[RuleSelector]) {
        for (i, &rule) in Rule::ALL.iter().enumerate() {
            let best_select = select
                .iter()
                .filter(|s| s.matches(rule))
                .map(|s| s.specificity())
                .max();
            let best_ignore = ignore
                .iter()
                .filter(|s| s.matches(rule))
                .map(|s| s.specificity())
                .max();
            match (best_select, best_ignore) {
                (Some(a), Some(b)) => self.enabled[i] = a > b,
                (Some(_), None) => self.enabled[i] = true,
                (None, Some(_)) => self.enabled[i] = false,
                (None, None) => {}
            }
        }
    }

    /// Switches a rule on or off.
    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        self.enabled[rule.index()] = on;
    }

    /// Whether a rule runs.
    pub fn is_enabled(&self, rule: Rule) -> bool {
        self.enabled[rule.index()]
    }

    /// Overrides a rule's severity.
    pub fn set_severity(&mut self, rule: Rule, severity: Severity) {
        self.severity.insert(rule, severity);
    }

    /// The severity override for a rule, if any.
    pub fn severity_override(&self, rule: Rule) -> Option<Severity> {
        self.severity.get(&rule).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(s: &str) -> RuleSelector {
        RuleSelector::parse(s).unwrap()
    }

    #[test]
    fn prefixes_codes_and_names_select() {
        let s = Settings::from_selection(Some(&[sel("CBL2")]), &[], &[sel("CBL201")]);
        assert!(!s.is_enabled(Rule::SecurityLineMismatch));
        assert!(s.is_enabled(Rule::InvalidBanner));
        assert!(!s.is_enabled(Rule::MissingTags));
        let s = Settings::from_selection(None, &[], &[sel("tags-markup")]);
        assert!(!s.is_enabled(Rule::TagsMarkup));
        assert!(s.is_enabled(Rule::MissingTags));
        let s = Settings::from_selection(None, &[sel("CBL501")], &[]);
        assert!(s.is_enabled(Rule::LineTooLong));
    }

    #[test]
    fn every_rule_has_its_own_place() {
        // `Rule::index` is the rule's place in `Rule::ALL`, so switching one rule touches it alone.
        for (i, &rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(rule.index(), i, "{}", rule.code());
            let mut s = Settings::from_selection(Some(&[]), &[], &[]);
            s.set_enabled(rule, true);
            let on: Vec<Rule> = Rule::ALL
                .iter()
                .copied()
                .filter(|&r| s.is_enabled(r))
                .collect();
            assert_eq!(on, vec![rule]);
        }
    }

    #[test]
    fn bad_selectors_are_refused() {
        assert!(RuleSelector::parse("CBL999").is_err());
        assert!(RuleSelector::parse("no-such-rule").is_err());
        assert!(RuleSelector::parse("C").is_err());
    }
}
