use std::process::ExitCode;

use clap::Parser;

// Checking allocates many small short-lived values per article (words,
// mentions, findings) on every core; mimalloc's per-thread free lists cost
// less than the system allocator's arenas there (ruff makes the same choice).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
