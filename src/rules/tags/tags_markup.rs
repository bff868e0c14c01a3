//! TODO-DOC CBL302
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
