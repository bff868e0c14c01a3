//! TODO-DOC CBL122
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
