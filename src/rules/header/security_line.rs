//! TODO-DOC CBL104
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
