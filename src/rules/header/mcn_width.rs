//! TODO-DOC CBL118
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
