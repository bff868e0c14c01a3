//! Where a rule's documentation is published: the one address every output that links to a rule
//! uses (`full`'s `help:` line, SARIF's `helpUri`, rdjson's `code.url`, the editor's diagnostic link).

use super::Rule;

/// The address of the rules' documentation: `CABLELINT_DOCS_URL` when it is set and not empty, else
/// the one `CABLELINT_DOCS_URL` held when cablelint was built (so a packager can build in the address
/// of the published docs), else none. A binary never links to a path of the machine it was built on.
/// See [`rule_url`] for the shape.
pub fn docs_url() -> Option<String> {
    let runtime = std::env::var("CABLELINT_DOCS_URL").ok();
    let url = [runtime.as_deref(), option_env!("CABLELINT_DOCS_URL")]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string);
    url
}

/// The address of a rule's documentation under a docs base: `{code}` and `{name}` in the base are
/// replaced by the rule's code and name, `{anchor}` by the lower-case code that the docs site's rules
/// page uses as anchor (`https://example.org/rules.html#{anchor}` → `…#cbl201`); a base without any
/// of them gets `/CODE` appended (`https://example.org/rules` → `https://example.org/rules/CBL201`).
pub fn rule_url(base: &str, rule: Rule) -> String {
    if ["{code}", "{name}", "{anchor}"]
        .iter()
        .any(|p| base.contains(p))
    {
        base.replace("{code}", rule.code())
            .replace("{name}", rule.name())
            .replace("{anchor}", &rule.code().to_ascii_lowercase())
    } else {
        format!("{}/{}", base.trim_end_matches('/'), rule.code())
    }
}

/// The documentation address of one rule, when the docs address is known ([`docs_url`]).
pub fn url(rule: Rule) -> Option<String> {
    docs_url().map(|base| rule_url(&base, rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_follow_the_base() {
        let r = Rule::TagsMarkup;
        let code = r.code();
        assert_eq!(
            rule_url("https://x.org/{name}.html#{code}", r),
            format!("https://x.org/{}.html#{code}", r.name())
        );
        assert_eq!(
            rule_url("https://x.org/rules.html#{anchor}", r),
            format!("https://x.org/rules.html#{}", code.to_ascii_lowercase())
        );
        assert_eq!(
            rule_url("https://x.org/rules/", r),
            format!("https://x.org/rules/{code}")
        );
    }
}
