pub mod security_mismatch;
pub mod invalid_banner;
pub mod garbled_banner;
pub mod banner_serial;
pub mod banner_section;
pub mod continuation;
pub mod banner_below_marking;
pub mod banner_above_markings;
pub mod noforn_caption;
pub mod sbu_caption;
pub mod sipdis_restrictive;
pub mod caption_order;
pub mod missing_eo;
pub mod eo_number;
pub mod eo_era;
pub mod unclassified_decl;
pub mod classified_na;
pub mod invalid_decl;
pub mod decl_before_cable;
pub mod decl_beyond;
pub mod decl_horizon;
pub mod unclassified_authority;
pub mod missing_authority;
pub mod reason_section;
pub mod reason_letters;

use crate::rules::Context;
use crate::syntax::{Date, Decl, EoValue, TextRange};

/// The declassification date of the E.O. line and its range, when it is a calendar date.
pub fn decl_date(ctx: &Context) -> Option<(Date, TextRange)> {
    let eo = ctx.cable.body.eo.as_ref()?;
    match &eo.value {
        EoValue::Decl { decl: Decl::Date(d, _), spec, .. } => Some((*d, spec.unwrap_or(eo.range))),
        EoValue::BareDate(d, r) => Some((*d, *r)),
        _ => None,
    }
}
