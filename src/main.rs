use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse();
    match copydesk::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("copydesk: error: {err:#}");
            ExitCode::from(copydesk::commands::exit::TROUBLE)
        }
    }
}
