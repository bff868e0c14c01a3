//! TODO-DOC CBL208
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
