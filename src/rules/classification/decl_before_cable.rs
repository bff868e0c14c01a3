//! TODO-DOC CBL219
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
