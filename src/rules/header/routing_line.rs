//! TODO-DOC CBL102
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
