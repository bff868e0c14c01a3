//! ## What it does
//! Notes a REF item whose origin is not a known post or office (the stations of the posts table,
//! `cablelint data posts`, by station or by name), with a "did you mean" suggestion for near misses
//! (`TOKIO 1448` → `TOKYO`). The forms references use for the Department (`SECSTATE`), for
//! embassies (`EMBASSY VIENNA`) and for missions (`USUN`, `UNVIE`, `USEU`) are accepted, and so are
//! the Secretary's travelling party (`SECTO`), the White House and redaction runs.
//!
//! ## Why
//! A cable id is made of the origin; a misspelt origin cites no cable, and the reader or the tool
//! that follows the reference finds nothing. Offices outside the table (military commands, other
//! agencies) are real, so this is information rather than an error.
//!
//! ## Example
//! ```cable
//! REF: TOKIO 1448
//! ```
//! Use instead:
//! ```cable
//! REF: TOKYO 1448
//! ```
use crate::rules::facts::cited;
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let mut seen: Vec<crate::syntax::TextRange> = Vec::new();
    for c in cited(ctx) {
        // A chained serial shares the origin of the cable before it: one report per origin.
        if seen.contains(&c.origin) || c.key.is_empty() {
            continue;
        }
        seen.push(c.origin);
        let origin = ctx.text(c.origin).to_string();
        if known(ctx, &c.key, &origin) {
            continue;
        }
        match ctx
            .tables
            .suggest_station(&c.key)
            .and_then(|p| p.station.clone())
        {
            Some(station) => {
                ctx.report(
                    c.origin,
                    format!("`{origin}` is not a known post or office; did you mean `{station}`?"),
                )
                .fix = Some(Fix::unsafe_(
                    format!("Replace with `{station}`"),
                    vec![Edit::replace(c.origin, station.clone())],
                ));
            }
            None => {
                ctx.report(
                    c.origin,
                    format!("`{origin}` is not a known post or office"),
                );
            }
        }
    }
}

/// Whether an origin names a post or office: a station of the posts table, a post's name with or
/// without its `AMEMBASSY`/`AMCONSUL`/`USMISSION` prefix, an originator of cables outside the
/// table (the Secretary's travelling party, the White House), or a redaction run.
fn known(ctx: &Context, key: &str, origin: &str) -> bool {
    const OFFICES: &[&str] = &["USEUBRUSSELS", "SECTO", "TOSEC", "WHITEHOUSE", "CIAWASH"];
    if OFFICES.contains(&key) || key.bytes().all(|b| b == b'X') {
        return true;
    }
    let t = ctx.tables;
    t.post_by_station(key).is_some()
        || t.post_by_name(origin).is_some()
        || ["AMEMBASSY", "AMCONSUL", "USMISSION"]
            .iter()
            .any(|p| t.post_by_name(&format!("{p} {origin}")).is_some())
}
