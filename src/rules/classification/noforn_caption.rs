//! TODO-DOC CBL209
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
