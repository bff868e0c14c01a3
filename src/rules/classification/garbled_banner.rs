//! TODO-DOC CBL203
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
