//! TODO-DOC CBL501
use crate::rules::Context;

pub fn check(_ctx: &mut Context) {}
