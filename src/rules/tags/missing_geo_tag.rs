//! TODO-DOC CBL304
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
