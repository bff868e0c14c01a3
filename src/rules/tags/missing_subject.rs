//! TODO-DOC CBL306
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
