//! YAML front matter: `---` on the first line, `---` (or `...`) to close it.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde_json::Value;

use super::Problem;
use super::span::Span;
use crate::yaml;

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Span of the whole block including both fences; `None` when absent.
    pub span: Option<Span>,
    /// Byte offset where the article body starts.
    pub body_start: usize,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The publication date, from the first date key present.
    pub date: Option<Date>,
    pub fields: BTreeMap<String, Value>,
}

impl FrontMatter {
    /// Find and parse the front matter of `source`. Problems (unterminated
    /// block, bad YAML, a date that is not a date) are recorded, never fatal.
    pub fn split(
        source: &str,
        path: &str,
        date_keys: &[String],
        problems: &mut Vec<Problem>,
    ) -> FrontMatter {
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut none = FrontMatter {
            body_start: start,
            ..FrontMatter::default()
        };
        let rest = &source[start..];
        let Some(after_open) = strip_fence(rest, "---") else {
            return none;
        };
        let yaml_start = start + (rest.len() - after_open.len());
        // Find the closing fence at the start of a line.
        let mut offset = yaml_start;
        let mut close = None;
        for line in source[yaml_start..].split_inclusive('\n') {
            let bare = line.trim_end_matches(['\n', '\r']);
            if bare == "---" || bare == "..." {
                close = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let Some((yaml_end, body_start)) = close else {
            problems.push(Problem {
                span: Span::new(start, start + 3),
                message: "front matter opened with `---` is never closed; the whole file is read as the article".into(),
            });
            return none;
        };
        none.span = Some(Span::new(start, body_start));
        none.body_start = body_start;
        let yaml_text = &source[yaml_start..yaml_end];
        if yaml_text.trim().is_empty() {
            return none;
        }
        let line_offset = source[..yaml_start].matches('\n').count() as u64;
        let fields: BTreeMap<String, Value> = match yaml::parse(yaml_text, path, line_offset) {
            Ok(fields) => fields,
            Err(err) => {
                problems.push(Problem {
                    span: Span::new(yaml_start, yaml_end),
                    message: format!(
                        "front matter is not valid YAML (line {}, column {}); it is ignored",
                        err.line, err.column
                    ),
                });
                return none;
            }
        };
        let text = |key: &str| match fields.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        };
        none.title = text("title");
        none.author = text("author").or_else(|| text("authors"));
        for key in date_keys {
            let Some(value) = fields.get(key) else {
                continue;
            };
            match value.as_str().and_then(parse_date) {
                Some(date) => none.date = Some(date),
                None => problems.push(Problem {
                    span: Span::new(yaml_start, yaml_end),
                    message: format!(
                        "front-matter `{key}` is not a date copydesk can read ({value}); write it as YYYY-MM-DD"
                    ),
                }),
            }
            break;
        }
        none.fields = fields;
        none
    }
}

/// Accept `2026-01-13`, `2026-01-13T09:30:00Z`, `2026-01-13 09:30`.
fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let head = text.get(..10)?;
    let date: Date = head.parse().ok()?;
    let tail = &text[10..];
    (tail.is_empty() || tail.starts_with(['T', ' ', 't'])).then_some(date)
}

fn strip_fence<'a>(text: &'a str, fence: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(fence)?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<String> {
        vec!["date".into(), "published".into()]
    }

    #[test]
    fn reads_title_author_and_date() {
        let src = "---\ntitle: Nara summit\nauthor: [A. Writer, B. Editor]\npublished: 2026-01-14T08:00:00Z\n---\nBody.\n";
        let mut problems = vec![];
        let fm = FrontMatter::split(src, "a.md", &keys(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(fm.title.as_deref(), Some("Nara summit"));
        assert_eq!(fm.author.as_deref(), Some("A. Writer, B. Editor"));
        assert_eq!(fm.date, Some(jiff::civil::date(2026, 1, 14)));
        assert_eq!(&src[fm.body_start..], "Body.\n");
    }

    #[test]
    fn malformed_date_and_unterminated_block_are_problems() {
        let mut problems = vec![];
        let fm = FrontMatter::split(
            "---\ndate: 2026-02-30\n---\nx",
            "a.md",
            &keys(),
            &mut problems,
        );
        assert_eq!(fm.date, None);
        assert!(problems[0].message.contains("not a date"));
        let mut problems = vec![];
        let fm = FrontMatter::split("---\ntitle: x\nBody", "a.md", &keys(), &mut problems);
        assert_eq!(fm.body_start, 0);
        assert!(problems[0].message.contains("never closed"));
    }

    #[test]
    fn no_front_matter_after_bom() {
        let mut problems = vec![];
        let fm = FrontMatter::split("\u{feff}Headline\n", "a.txt", &keys(), &mut problems);
        assert_eq!(fm.body_start, 3);
        assert!(fm.span.is_none());
    }
}
