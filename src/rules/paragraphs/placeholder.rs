//! ## What it does
//! Reports every placeholder still in the cable: a part of a skeleton the drafter must write,
//! written between double square brackets (`[[SUBJECT]]`, `[[TEXT OF PARAGRAPH 1]]`), as
//! `cablelint new` and the editor's skeleton snippet leave them. Each placeholder is one error.
//! Other rules' findings that lie on a placeholder are left to this one: a TAGS line or a
//! signature that is still a placeholder is unwritten, not wrong.
//!
//! ## Why
//! A skeleton has every computed element right (date-time group, julian day, DE line, serial,
//! E.O. and DECL), so what remains is what only the drafter knows: the subject, the text, the
//! classifying officer, the signature. A cable sent with a placeholder in it is unfinished. No
//! released cable contains double square brackets, so the rule never fires on a finished cable.
//!
//! ## Example
//! ```cable
//! SUBJECT: [[SUBJECT]]
//! ```
//! Use instead:
//! ```cable
//! SUBJECT: NORWAY: NORDIC DEFENSE MINISTERS AGREE ON JOINT STUDY
//! ```
use crate::rules::Context;
use crate::syntax::TextRange;
use crate::vocab::placeholders;

pub fn check(ctx: &Context) {
    for r in placeholders(ctx.cable.src) {
        let range = TextRange::new(r.start, r.end);
        let what = &ctx.cable.src[r.start + 2..r.end - 2];
        ctx.report(
            range,
            format!("placeholder `{what}` is still to be written"),
        );
    }
}
