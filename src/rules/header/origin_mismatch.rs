//! TODO-DOC CBL116
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
