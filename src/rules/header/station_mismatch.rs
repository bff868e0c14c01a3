//! TODO-DOC CBL115
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
