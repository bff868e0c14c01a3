//! TODO-DOC CBL112
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
