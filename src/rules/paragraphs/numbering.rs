//! TODO-DOC CBL403
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
