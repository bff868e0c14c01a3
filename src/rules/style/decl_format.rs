//! TODO-DOC CBL502
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
