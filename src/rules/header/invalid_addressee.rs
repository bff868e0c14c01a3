//! ## What it does
//! Checks each TO, INFO and XMT line: `[RI/]PLAIN LANGUAGE ADDRESS [PRECEDENCE] [MCN[-MCN]]`, where
//! the routing indicator is `R` + 4–7 letters or digits (or `ZEN`), the address is upper-case words,
//! and a message continuity number stands only at the end.
//!
//! ## Why
//! About 42,600 released addressee lines follow this grammar (spec §3.7, H-16); distribution is
//! driven by it, so a malformed line may not reach its addressee.
//!
//! ## Example
//! ```cable
//! INFO RUEHBJ AMEMBASSY BEIJING PRIORITY 7040
//! ```
//! Use instead:
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 7040
//! ```
use crate::rules::Context;
use crate::syntax::AddresseeBlock;

pub fn check(ctx: &Context) {
    let lines: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .map(|a| (a.range, a.routing_indicator, a.address, a.block))
        .collect();
    for (range, ri, address, block) in lines {
        let Some(address) = address else {
            ctx.report(range, "the addressee line has no plain-language address");
            continue;
        };
        let text = ctx.text(address);
        let base = text.split("//").next().unwrap_or(text);
        if let Some(bad) = base.split(' ').find(|w| {
            !w.is_empty()
                && !w.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || b"-.'&()/,".contains(&b)
                })
        }) {
            ctx.report(
                address,
                format!("`{bad}` in the address `{text}` is not an upper-case address word"),
            );
            continue;
        }
        if ri.is_none() && block != AddresseeBlock::Xmt {
            // Without a routing indicator the first word may be a routing indicator missing its slash.
            if let Some(first) = base.split(' ').next() {
                // A known address or a collective (`RWANDA COLLECTIVE`) is a PLAD written without
                // a routing indicator, which the grammar allows (spec §3.7).
                let known = !ctx.tables.addressees_for_address(base).is_empty()
                    || ctx.tables.post_by_name(base).is_some();
                let collective = base.trim_end().ends_with(" COLLECTIVE")
                    && ctx.tables.first_addressee_for_ri(first).is_none();
                if crate::vocab::is_routing_indicator(first)
                    && base.len() > first.len()
                    && !known
                    && !collective
                {
                    ctx.report(address, format!("`{first}` looks like a routing indicator without its `/`: write `{first}/{}`", &base[first.len() + 1..]));
                    continue;
                }
            }
        }
    }
}
