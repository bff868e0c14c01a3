//! TODO-DOC CBL407
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
