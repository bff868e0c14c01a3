//! TODO-DOC CBL212
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
