//! TODO-DOC CBL210
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
