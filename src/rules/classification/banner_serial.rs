//! TODO-DOC CBL204
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
