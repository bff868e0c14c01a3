//! TODO-DOC CBL202
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
