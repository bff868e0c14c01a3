//! TODO-DOC CBL120
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
