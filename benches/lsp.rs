//! Language-server figures (filled in below as the server grows).

fn main() {}
