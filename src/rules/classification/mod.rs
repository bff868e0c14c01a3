pub mod banner_above_markings;
pub mod banner_below_marking;
pub mod banner_section;
pub mod banner_serial;
pub mod caption_order;
pub mod classified_na;
pub mod continuation;
pub mod decl_before_cable;
pub mod decl_beyond;
pub mod decl_horizon;
pub mod eo_era;
pub mod eo_number;
pub mod garbled_banner;
pub mod invalid_banner;
pub mod invalid_decl;
pub mod missing_authority;
pub mod missing_eo;
pub mod noforn_caption;
pub mod reason_letters;
pub mod reason_section;
pub mod sbu_caption;
pub mod security_mismatch;
pub mod sipdis_restrictive;
pub mod unclassified_authority;
pub mod unclassified_decl;

use crate::rules::Context;
use crate::syntax::{Date, Decl, EoValue, TextRange};

/// The declassification date of the E.O. line and its range, when it is a calendar date.
pub fn decl_date(ctx: &Context) -> Option<(Date, TextRange)> {
    let eo = ctx.cable.body.eo.as_ref()?;
    match &eo.value {
        EoValue::Decl {
            decl: Decl::Date(d, _),
            spec,
            ..
        } => Some((*d, spec.unwrap_or(eo.range))),
        EoValue::BareDate(d, r) => Some((*d, *r)),
        _ => None,
    }
}
