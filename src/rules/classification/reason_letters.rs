//! TODO-DOC CBL225
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
