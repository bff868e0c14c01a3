//! TODO-DOC CBL218
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
