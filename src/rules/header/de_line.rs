//! TODO-DOC CBL103
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
