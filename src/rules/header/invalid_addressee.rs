//! TODO-DOC CBL117
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
