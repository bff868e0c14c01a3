//! TODO-DOC CBL119
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
