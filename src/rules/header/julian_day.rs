//! TODO-DOC CBL111
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
