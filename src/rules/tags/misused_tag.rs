//! ## What it does
//! Notes a TAGS token that is a known typo or a code used against its meaning, and offers the
//! right code: `RU` for Russia (Russia is `RS`), `SYR` (Syria is `SY`), `EU` for the European Union
//! (`EU` is Europa Island; the Union is `EUN`), `POGOV` for `PGOV`. A country's ISO 3166 code is
//! such a misuse where it is no TAGS code (`DE` for Germany, `GM`; `UA` for Ukraine, `UP`) or the
//! code of another area that the released cables hardly ever name (`GB`, Gabon's code, for the
//! United Kingdom, `UK`; `LT`, Lesotho's, for Lithuania, `LH`); the message then names that area.
//!
//! ## Why
//! Geographic tags are FIPS 10-4 style, not ISO, and misuses route cables to the wrong desk; the
//! corrections come from the reference tables (spec §3.12, §6.3). The reference data calls such
//! uses a case for a "did you mean" hint, so this is information.
//!
//! ## Example
//! ```cable
//! TAGS: PREL RU
//! ```
//! Use instead:
//! ```cable
//! TAGS: PREL RS
//! ```
use crate::rules::Context;
use crate::syntax::TagShape;

pub fn check(ctx: &Context) {
    let Some(tags) = &ctx.cable.body.tags else {
        return;
    };
    let tokens: Vec<_> = tags
        .tokens
        .iter()
        .filter(|t| t.shape != TagShape::Personal)
        .map(|t| t.code)
        .collect();
    // A token written before is `tag-form`'s to remove: it gets no fix here.
    let plan = super::TagsPlan::new(ctx);
    for r in tokens {
        let code = ctx.text(r);
        let Some(fix) = ctx.tables.tag_fix(code) else {
            continue;
        };
        let (replacement, reason) = (fix.replacement.clone(), fix.reason.clone());
        let mut d = ctx.report(r, format!("`{code}`: {reason}; write `{replacement}`"));
        if plan.is_repeated(r) {
            continue;
        }
        // When the right code is listed already, the fix removes the token instead.
        d.fix = Some(plan.replacement_fix(r, code, &replacement));
    }
}
