//! `--format concise`: `path:line:col: severity[rule] message`, one finding
//! per line, for editors' quickfix lists and grep.

use std::io::{self, Write};

use super::safe_text::for_terminal;
use super::{FileResult, Reporter, Summary};

pub struct Concise;

impl Reporter for Concise {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for d in &file.diagnostics {
            let at = file.position(d.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                for_terminal(&file.path),
                at.line,
                at.column,
                d.severity,
                d.rule,
                for_terminal(&d.message).replace('\n', " ")
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        out.flush()
    }
}
