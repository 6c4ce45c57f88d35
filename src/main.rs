use clap::Parser;

fn main() {
    let cli = tandem::cli::Cli::parse();
    if let Err(e) = tandem::cli::run(cli) {
        // Errors name files, and a file name may hold escape sequences.
        eprintln!("tandem: {}", tandem::display::sanitize(&e.to_string()));
        std::process::exit(2);
    }
}
