//! TODO-DOC CBL408
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
