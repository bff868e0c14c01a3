//! TODO-DOC CBL504
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
