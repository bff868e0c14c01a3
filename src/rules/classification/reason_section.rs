//! TODO-DOC CBL224
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
