//! TODO-DOC CBL223
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
