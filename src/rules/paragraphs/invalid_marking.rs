//! TODO-DOC CBL402
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
