fn main() -> std::process::ExitCode {
    cablelint::cli::main()
}
