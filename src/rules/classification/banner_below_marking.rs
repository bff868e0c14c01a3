//! TODO-DOC CBL207
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
