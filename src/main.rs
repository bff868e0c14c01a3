// The allocator of the binary: the parser and the formatter allocate a few hundred small
// vectors and strings per cable, and mimalloc serves them in a fraction of the instructions the
// system allocator takes (`benches/engine.rs` uses it too, so that it measures what ships).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cablelint::cli::main()
}
