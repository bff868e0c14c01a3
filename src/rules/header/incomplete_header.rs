//! TODO-DOC CBL106
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
