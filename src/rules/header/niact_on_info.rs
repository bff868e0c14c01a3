//! TODO-DOC CBL110
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
