//! TODO-DOC CBL126
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
