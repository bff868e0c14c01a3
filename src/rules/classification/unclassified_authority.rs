//! TODO-DOC CBL222
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
