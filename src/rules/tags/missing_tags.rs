//! TODO-DOC CBL301
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
