//! TODO-DOC CBL213
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
