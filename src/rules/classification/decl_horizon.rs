//! TODO-DOC CBL221
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
