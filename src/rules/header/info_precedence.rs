//! TODO-DOC CBL109
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
