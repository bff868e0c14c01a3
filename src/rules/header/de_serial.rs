//! TODO-DOC CBL113
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
