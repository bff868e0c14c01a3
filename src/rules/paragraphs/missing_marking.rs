//! TODO-DOC CBL401
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
