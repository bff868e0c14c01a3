//! TODO-DOC CBL206
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
