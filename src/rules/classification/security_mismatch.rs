//! TODO-DOC CBL201
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
