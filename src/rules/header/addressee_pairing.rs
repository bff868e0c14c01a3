//! TODO-DOC CBL125
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
