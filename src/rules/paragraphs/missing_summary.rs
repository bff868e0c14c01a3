//! TODO-DOC CBL406
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
