use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse();
    match copydesk::run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`copydesk rules | head`): nothing to say.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("copydesk: error: {err:#}");
            ExitCode::from(copydesk::commands::exit::TROUBLE)
        }
    }
}
