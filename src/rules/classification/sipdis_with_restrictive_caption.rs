//! ## What it does
//! Reports `SIPDIS` together with a restrictive caption (`NODIS`, `EXDIS`).
//!
//! ## Why
//! "SIPDIS messages may not carry other restrictive captions … such as NODIS or EXDIS" (05 STATE
//! 226504): SIPDIS posts the cable to SIPRNet for wide distribution, which the restrictive captions
//! forbid. The release has no such pair (spec B-27).
//!
//! ## Example
//! ```cable
//! S E C R E T STATE 012345
//!
//! NODIS
//! SIPDIS
//! ```
//! Use instead (or drop the restrictive caption, if distribution may be wide):
//! ```cable
//! S E C R E T STATE 012345
//!
//! NODIS
//! ```
use crate::rules::{Context, Related};
use crate::vocab::CaptionKind;

pub fn check(ctx: &Context) {
    let caps = &ctx.cable.body.captions;
    let Some(restrictive) = caps
        .iter()
        .find(|c| matches!(c.kind, CaptionKind::Nodis | CaptionKind::Exdis))
        .map(|c| c.range)
    else {
        return;
    };
    let sipdis: Vec<_> = caps
        .iter()
        .filter(|c| c.kind == CaptionKind::Sipdis)
        .map(|c| c.range)
        .collect();
    let r = ctx.text(restrictive).to_string();
    for s in sipdis {
        ctx.report(
            s,
            format!("SIPDIS may not be used with the restrictive caption {r}"),
        )
        .related
        .push(Related {
            range: restrictive,
            message: r.clone(),
        });
    }
}
