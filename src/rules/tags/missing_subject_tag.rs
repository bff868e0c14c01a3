//! TODO-DOC CBL303
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
