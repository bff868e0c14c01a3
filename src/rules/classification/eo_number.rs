//! TODO-DOC CBL214
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
