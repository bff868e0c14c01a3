//! TODO-DOC CBL307
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
