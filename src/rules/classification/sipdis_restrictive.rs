//! TODO-DOC CBL211
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
