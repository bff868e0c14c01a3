//! TODO-DOC CBL217
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
