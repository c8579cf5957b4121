//! `--format junit`: one `<testcase>` per checked file, failing with every
//! finding at or above the failing severity, so CI test dashboards show
//! which articles need work.

use std::io::{self, Write};

use super::{FileResult, Reporter, Summary};

pub struct Junit {
    cases: String,
    tests: usize,
    failures: usize,
}

impl Junit {
    pub fn new() -> Junit {
        Junit {
            cases: String::new(),
            tests: 0,
            failures: 0,
        }
    }
}

impl Default for Junit {
    fn default() -> Self {
        Junit::new()
    }
}

/// XML-escape text and drop characters XML 1.0 cannot carry at all.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        self.tests += 1;
        let path = xml_escape(&file.path);
        if file.diagnostics.is_empty() {
            self.cases.push_str(&format!(
                "    <testcase classname=\"copydesk\" name=\"{path}\"/>\n"
            ));
            return Ok(());
        }
        self.failures += 1;
        let mut details = String::new();
        for d in &file.diagnostics {
            let at = file.position(d.span.start);
            details.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                file.path, at.line, at.column, d.severity, d.rule, d.message
            ));
        }
        let n = file.diagnostics.len();
        self.cases.push_str(&format!(
            "    <testcase classname=\"copydesk\" name=\"{path}\">\n      <failure type=\"copydesk\" message=\"{n} finding{}\">{}</failure>\n    </testcase>\n",
            if n == 1 { "" } else { "s" },
            xml_escape(&details)
        ));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\" tests=\"{t}\" failures=\"{f}\">\n  <testsuite name=\"copydesk\" tests=\"{t}\" failures=\"{f}\" errors=\"0\" skipped=\"0\">\n{}  </testsuite>\n</testsuites>\n",
            self.cases,
            t = self.tests,
            f = self.failures
        )?;
        out.flush()
    }
}
