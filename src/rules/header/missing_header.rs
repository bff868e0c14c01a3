//! TODO-DOC CBL124
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
