//! TODO-DOC CBL215
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
