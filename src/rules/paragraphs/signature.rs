//! TODO-DOC CBL409
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
