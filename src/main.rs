/// The allocator of the `cablelint` binary (the library leaves the choice to its user): see the
/// `mimalloc` entry in Cargo.toml for what it measured.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cablelint::cli::main()
}
