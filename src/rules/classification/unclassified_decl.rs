//! TODO-DOC CBL216
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
