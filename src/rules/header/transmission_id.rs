//! TODO-DOC CBL101
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
