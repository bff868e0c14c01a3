//! TODO-DOC CBL105
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
