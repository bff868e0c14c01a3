//! TODO-DOC CBL305
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
