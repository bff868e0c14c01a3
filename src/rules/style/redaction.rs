//! TODO-DOC CBL503
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
