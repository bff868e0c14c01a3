//! ## What it does
//! Notes an addressee whose routing indicator and address the reference tables know, but not
//! together: `RUEHBJ/AMEMBASSY SEOUL` when RUEHBJ serves Beijing and Seoul is RUEHUL.
//!
//! ## Why
//! Routing indicator and plain-language address name the same destination (5 FAH-2 H-230); a pair
//! the tables have never seen, where both parts are known elsewhere, is usually a slip. Pairs are
//! many-to-one and one-to-many in real traffic (spec §3.7), so this is information only.
//!
//! ## Example
//! ```cable
//! INFO RUEHBJ/AMEMBASSY SEOUL PRIORITY 7040
//! ```
//! Use instead:
//! ```cable
//! INFO RUEHUL/AMEMBASSY SEOUL PRIORITY 7040
//! ```
use crate::rules::Context;

pub fn check(ctx: &Context) {
    let pairs: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter_map(|a| Some((a.routing_indicator?, a.address?)))
        .collect();
    for (ri_range, addr_range) in pairs {
        let ri = ctx.text(ri_range);
        let addr = ctx.text(addr_range);
        let addr = addr.split("//").next().unwrap_or(addr).trim();
        let Some(first_for_ri) = ctx.tables.first_addressee_for_ri(ri) else {
            continue;
        };
        if ctx.tables.has_addressee_pair(ri, addr) {
            continue;
        }
        let for_addr = ctx.tables.addressees_for_address(addr);
        if for_addr.is_empty() || for_addr.iter().any(|a| a.routing_indicator == ri) {
            continue;
        }
        let known_ri: Vec<&str> = for_addr
            .iter()
            .take(3)
            .map(|a| a.routing_indicator.as_str())
            .collect();
        let message = format!(
            "{ri} is known as {}, and {addr} is reached through {}",
            first_for_ri.address,
            known_ri.join(", ")
        );
        ctx.report(ri_range, message);
    }
}
