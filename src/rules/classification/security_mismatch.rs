//! ## What it does
//! Checks that the FL4 security code matches the banner's classification: `ZNR UUUUU` ↔ `UNCLAS`,
//! `ZNY EEEEE` ↔ `UNCLAS E F T O`, `ZNY CCCCC` ↔ `C O N F I D E N T I A L`, `ZNY SSSSS` ↔
//! `S E C R E T`, `ZNY TTTTT` ↔ TOP SECRET.
//!
//! ## Why
//! The security warning of the transmission and the banner state the same classification; they agree
//! in 5,452 of 5,459 released cables and every exception is release corruption (spec H-4). A
//! mismatch means either the header or the banner is wrong — and the cable may be sent at the wrong
//! level.
//!
//! ## Example
//! ```cable
//! ZNR UUUUU ZZH
//! …
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! Use instead: `ZNY CCCCC ZZH`.
use crate::rules::{Context, Related};
use crate::syntax::{BannerLevel, Cable, SecurityCode, TextRange};

/// The security code the banner's level requires.
pub fn code_for(level: BannerLevel) -> &'static [SecurityCode] {
    match level {
        BannerLevel::Unclas | BannerLevel::Unclassified => &[SecurityCode::Unclassified],
        BannerLevel::UnclasEfto => &[SecurityCode::Efto],
        BannerLevel::LimitedOfficialUse => &[SecurityCode::Unclassified, SecurityCode::Efto],
        BannerLevel::Confidential => &[SecurityCode::Confidential],
        BannerLevel::Secret => &[SecurityCode::Secret],
        BannerLevel::TopSecret => &[SecurityCode::TopSecret],
    }
}

pub fn security_line_for(code: SecurityCode) -> &'static str {
    match code {
        SecurityCode::Unclassified => "ZNR UUUUU",
        SecurityCode::Efto => "ZNY EEEEE",
        SecurityCode::Confidential => "ZNY CCCCC",
        SecurityCode::Secret => "ZNY SSSSS",
        SecurityCode::TopSecret => "ZNY TTTTT",
    }
}

/// The security code and banner ranges when they disagree.
pub fn mismatch(cable: &Cable) -> Option<(TextRange, TextRange, SecurityCode, BannerLevel)> {
    let sec = cable.header.security.as_ref()?;
    let code = sec.level?;
    let banner = cable.body.banner.as_ref()?;
    if code_for(banner.level).contains(&code) {
        return None;
    }
    Some((
        sec.code.unwrap_or(sec.range),
        banner.level_token,
        code,
        banner.level,
    ))
}

pub fn check(ctx: &mut Context) {
    if ctx.facts.header_text_mismatch.is_some() {
        return;
    }
    let Some((code_range, level_range, _code, level)) = mismatch(ctx.cable) else {
        return;
    };
    let want = security_line_for(code_for(level)[0]);
    let (c, l) = (ctx.text(code_range), ctx.text(level_range));
    ctx.report(
        code_range,
        format!("the security code `{c}` does not match the banner `{l}`, which needs `{want}`"),
    )
    .related
    .push(Related {
        range: level_range,
        message: format!("banner classification {}", level.level().name()),
    });
}
