//! TODO-DOC CBL308
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
