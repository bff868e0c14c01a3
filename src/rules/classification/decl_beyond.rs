//! TODO-DOC CBL220
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
