//! TODO-DOC CBL405
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
