//! TODO-DOC CBL404
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
