//! TODO-DOC CBL205
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
