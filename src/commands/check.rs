//! `copydesk check`: read, check, report, exit 0/1/2.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;

use crate::cli::CheckArgs;
use crate::commands::{self, Engines, exit};
use crate::document::Format;
use crate::driver;
use crate::engine::Engine;
use crate::input::{self, Unreadable};
use crate::progress;
use crate::report::{self, FileResult, Summary};
use crate::walk::Input;

/// What happened to one input.
pub enum Outcome {
    Checked(FileResult),
    Unreadable(String, Unreadable),
}

/// Read and check one input.
pub fn check_one(engine: &Engine, input: &Input) -> Outcome {
    let path = input.display();
    match input::read(input) {
        Err(why) => Outcome::Unreadable(path, why),
        Ok(source) => Outcome::Checked(check_source(engine, path, source)),
    }
}

/// Check text already in memory, shown as `path`.
pub fn check_source(engine: &Engine, path: String, source: String) -> FileResult {
    let doc = engine.parse(&path, source, Format::from_path(&path));
    let diagnostics = engine.check(&doc);
    FileResult {
        path,
        source: doc.source,
        lines: doc.lines,
        diagnostics,
    }
}

/// Print why an input was not checked; true when that is an error.
pub fn note_unreadable(path: &str, why: &Unreadable) -> bool {
    match why {
        Unreadable::Error(message) => {
            eprintln!("copydesk: error: {path}: {message}");
            true
        }
        Unreadable::Skipped(message) => {
            eprintln!("copydesk: note: {path}: {message}");
            false
        }
    }
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let (engines, mut trouble) = Engines::gather(&args.rules, &args.input);
    let Some(engines) = engines else {
        return Ok(exit::TROUBLE);
    };
    if args.diff {
        return commands::fix::diff_only(&engines, args.unsafe_fixes, trouble);
    }
    let stdout = io::stdout();
    // Large enough that an archive run's findings leave in few writes.
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut reporter = report::reporter(args.format, commands::use_color(), engines.catalog());
    let mut summary = Summary::default();
    let mut write_error = None;
    let progress = progress::bar(engines.work.len());
    let mut emitted = 0;
    driver::in_order(
        &engines.work,
        |(input, engine)| check_one(&engines.engines[*engine], input),
        |outcome| {
            match outcome {
                Outcome::Checked(file) => {
                    summary.add(&file);
                    let written = match &progress {
                        Some(bar) => {
                            bar.inc(1);
                            bar.suspend(|| {
                                reporter.file(&mut out, &file).and_then(|()| out.flush())
                            })
                        }
                        None => reporter.file(&mut out, &file),
                    };
                    if let Err(err) = written {
                        write_error = Some(err);
                        return ControlFlow::Break(());
                    }
                }
                Outcome::Unreadable(path, why) => trouble |= note_unreadable(&path, &why),
            }
            // A streaming format reaches the reader a window of files at a
            // time, as the driver hands them over: one write per window,
            // not one per file.
            emitted += 1;
            if reporter.streams()
                && emitted % driver::WINDOW == 0
                && let Err(err) = out.flush()
            {
                write_error = Some(err);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        },
    );
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if write_error.is_none()
        && let Err(err) = reporter.finish(&mut out, &summary)
    {
        write_error = Some(err);
    }
    if write_error.is_none()
        && let Err(err) = out.flush()
    {
        write_error = Some(err);
    }
    match write_error {
        // The reader went away (`copydesk check | head`): stop quietly.
        Some(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Some(err) => return Err(anyhow::anyhow!("cannot write the report: {err}")),
        None => {}
    }
    Ok(if trouble {
        exit::TROUBLE
    } else if summary.at_least(args.fail_on.severity()) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}
