//! TODO-DOC CBL107
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
