//! `copydesk fix` (write fixes) and `copydesk check --diff` / `fix --diff`
//! (show them as a unified diff).

use std::io::{self, Write};
use std::ops::ControlFlow;

use crate::cli::FixArgs;
use crate::commands::check::{check_source, note_unreadable};
use crate::commands::{self, Engines, exit};
use crate::diagnostic::Applicability;
use crate::document::Format;
use crate::driver;
use crate::engine::Engine;
use crate::fix::{self, Fixed};
use crate::input::{self, Unreadable};
use crate::report::{self, OutputFormat, Summary};
use crate::walk::Input;

enum Outcome {
    Fixed {
        input: Input,
        original: String,
        fixed: Fixed,
    },
    Unreadable(String, Unreadable),
}

fn fix_one(engine: &Engine, input: &Input, min: Applicability) -> Outcome {
    let path = input.display();
    match input::read(input) {
        Err(why) => Outcome::Unreadable(path, why),
        Ok(original) => {
            let format = Format::from_path(&path);
            let fixed = fix::until_stable(&original, min, |text| {
                engine.check(&engine.parse(&path, text.to_string(), format))
            });
            Outcome::Fixed {
                input: input.clone(),
                original,
                fixed,
            }
        }
    }
}

impl Outcome {
    fn with_engine(self, engine: usize) -> (Outcome, usize) {
        (self, engine)
    }
}

fn min_applicability(unsafe_fixes: bool) -> Applicability {
    if unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    }
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Print what fixing would change; exit 1 when anything would.
pub fn diff_only(engines: &Engines, unsafe_fixes: bool, mut trouble: bool) -> anyhow::Result<u8> {
    let min = min_applicability(unsafe_fixes);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut changed = 0;
    let mut write_error = None;
    driver::in_order(
        &engines.work,
        |(input, e)| fix_one(&engines.engines[*e], input, min),
        |outcome| {
            match outcome {
                Outcome::Unreadable(path, why) => trouble |= note_unreadable(&path, &why),
                Outcome::Fixed {
                    input,
                    original,
                    fixed,
                } => {
                    if fixed.text != original {
                        changed += 1;
                        if let Err(err) = out.write_all(
                            unified_diff(&input.display(), &original, &fixed.text).as_bytes(),
                        ) {
                            write_error = Some(err);
                            return ControlFlow::Break(());
                        }
                    }
                }
            }
            ControlFlow::Continue(())
        },
    );
    match write_error {
        Some(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Some(err) => return Err(anyhow::anyhow!("cannot write the diff: {err}")),
        None => {}
    }
    Ok(if trouble {
        exit::TROUBLE
    } else if changed > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}

pub fn run(args: FixArgs) -> anyhow::Result<u8> {
    let (engines, mut trouble) = Engines::gather(&args.rules, &args.input);
    let Some(engines) = engines else {
        return Ok(exit::TROUBLE);
    };
    if args.diff {
        return diff_only(&engines, args.unsafe_fixes, trouble);
    }
    let min = min_applicability(args.unsafe_fixes);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut reporter = report::reporter(
        OutputFormat::Human,
        commands::use_color(),
        Default::default(),
    );
    let mut summary = Summary::default();
    let (mut applied, mut files_changed) = (0, 0);
    driver::in_order(
        &engines.work,
        |(input, e)| fix_one(&engines.engines[*e], input, min).with_engine(*e),
        |(outcome, e)| {
            let engine = &engines.engines[e];
            match outcome {
                Outcome::Unreadable(path, why) => trouble |= note_unreadable(&path, &why),
                Outcome::Fixed {
                    input,
                    original,
                    fixed,
                } => {
                    let path = input.display();
                    if !fixed.converged {
                        eprintln!(
                            "copydesk: error: {path}: fixes did not settle after {} rounds; the file was left unchanged",
                            fix::MAX_ROUNDS
                        );
                        trouble = true;
                        return ControlFlow::Continue(());
                    }
                    if fixed.text != original {
                        match &input {
                            // Standard input: the fixed text goes to stdout.
                            Input::Stdin(_) => {
                                if out.write_all(fixed.text.as_bytes()).is_err() {
                                    return ControlFlow::Break(());
                                }
                                return ControlFlow::Continue(());
                            }
                            Input::File(file) => {
                                if let Err(err) = fix::write_atomic(file, fixed.text.as_bytes()) {
                                    eprintln!(
                                        "copydesk: error: {path}: cannot write fixes: {}",
                                        crate::walk::describe_io(&err)
                                    );
                                    trouble = true;
                                    return ControlFlow::Continue(());
                                }
                            }
                        }
                        applied += fixed.applied;
                        files_changed += 1;
                    } else if let Input::Stdin(_) = input {
                        let _ = out.write_all(original.as_bytes());
                        return ControlFlow::Continue(());
                    }
                    // What is left after fixing, so the editor sees it.
                    let remaining = check_source(engine, path, fixed.text);
                    summary.add(&remaining);
                    if reporter.file(&mut out, &remaining).is_err() {
                        return ControlFlow::Break(());
                    }
                }
            }
            ControlFlow::Continue(())
        },
    );
    let has_stdin = engines
        .work
        .iter()
        .any(|(i, _)| matches!(i, Input::Stdin(_)));
    if !has_stdin {
        let _ = reporter.finish(&mut out, &summary);
    }
    eprintln!(
        "copydesk: applied {applied} fix{} in {files_changed} file{}",
        if applied == 1 { "" } else { "es" },
        if files_changed == 1 { "" } else { "s" }
    );
    Ok(if trouble {
        exit::TROUBLE
    } else if summary.at_least(crate::diagnostic::Severity::Error) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}
