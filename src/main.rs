use clap::Parser;

fn main() -> std::process::ExitCode {
    tandem::cli::main(tandem::cli::Cli::parse())
}
