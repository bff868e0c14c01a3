//! TODO-DOC CBL121
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
