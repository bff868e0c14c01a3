//! TODO-DOC CBL108
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
