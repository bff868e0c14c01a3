//! TODO-DOC CBL114
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
