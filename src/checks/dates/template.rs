//! The small template language of `dates` locale tables, compiled to regex.
//!
//! A template writes one way of putting a date (or a weekday beside a date)
//! on the page: `{month} {day}[[,] {year}]`. Tokens in braces stand for
//! the locale's names or for numbers, `[...]` is optional (and may nest), a
//! space is one or more whitespace characters, `\x` is a literal `x`, and
//! everything else is literal text.
//!
//! All templates of a locale become one regex without capture groups, which
//! finds matches in long text on the regex crate's fastest automaton; the
//! matcher (`matcher.rs`) then reads the parts of each (short) match by
//! walking the same templates.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Weekday,
    Month,
    MonthNumber,
    Day,
    Year,
    /// In `weekday_dates` templates: any of the locale's date templates.
    Date,
}

impl Token {
    fn from_name(name: &str) -> Option<Token> {
        Some(match name {
            "weekday" => Token::Weekday,
            "month" => Token::Month,
            "month_number" => Token::MonthNumber,
            "day" => Token::Day,
            "year" => Token::Year,
            "date" => Token::Date,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Token::Weekday => "weekday",
            Token::Month => "month",
            Token::MonthNumber => "month_number",
            Token::Day => "day",
            Token::Year => "year",
            Token::Date => "date",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Text(String),
    /// One or more whitespace characters.
    Space,
    Token(Token),
    Optional(Vec<Node>),
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    pub nodes: Vec<Node>,
}

impl Template {
    pub fn parse(source: &str) -> Result<Template, String> {
        let mut stack: Vec<Vec<Node>> = vec![Vec::new()];
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            let current = stack
                .last_mut()
                .expect("the stack always has the top level");
            match c {
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) => name.push(c),
                            None => return Err(format!("`{{{name}` is not closed with `}}`")),
                        }
                    }
                    let token = Token::from_name(name.trim()).ok_or_else(|| {
                        format!(
                            "unknown token `{{{name}}}`; templates know {{weekday}}, {{month}}, \
                             {{month_number}}, {{day}}, {{year}} and (in weekday_dates) {{date}}"
                        )
                    })?;
                    current.push(Node::Token(token));
                }
                '}' => return Err("`}` without `{`; write `\\}` for a literal brace".into()),
                '[' => stack.push(Vec::new()),
                ']' => {
                    if stack.len() == 1 {
                        return Err("`]` without `[`; write `\\]` for a literal bracket".into());
                    }
                    let inner = stack.pop().expect("checked above");
                    if inner.is_empty() {
                        return Err("empty optional part `[]`".into());
                    }
                    stack
                        .last_mut()
                        .expect("checked above")
                        .push(Node::Optional(inner));
                }
                '\\' => match chars.next() {
                    Some(c) => push_text(current, c),
                    None => return Err("a template cannot end with `\\`".into()),
                },
                c if c.is_whitespace() => {
                    if current.last() != Some(&Node::Space) {
                        current.push(Node::Space);
                    }
                }
                c => push_text(current, c),
            }
        }
        if stack.len() != 1 {
            return Err("`[` is not closed with `]`".into());
        }
        let nodes = stack.pop().expect("checked above");
        Ok(Template { nodes })
    }

    /// How many times each token occurs, and whether any sits inside `[...]`.
    pub fn count(&self, token: Token) -> (usize, bool) {
        fn walk(nodes: &[Node], token: Token, optional: bool, out: &mut (usize, bool)) {
            for node in nodes {
                match node {
                    Node::Token(t) if *t == token => {
                        out.0 += 1;
                        out.1 |= optional;
                    }
                    Node::Optional(inner) => walk(inner, token, true, out),
                    _ => {}
                }
            }
        }
        let mut out = (0, false);
        walk(&self.nodes, token, false, &mut out);
        out
    }
}

fn push_text(nodes: &mut Vec<Node>, c: char) {
    if let Some(Node::Text(text)) = nodes.last_mut() {
        text.push(c);
    } else {
        nodes.push(Node::Text(c.to_string()));
    }
}

/// Regex text for the tokens that stand for names and numbers.
pub struct Vocabulary {
    /// Alternation of every weekday form, longest first, escaped.
    pub weekday: String,
    /// Alternation of every month name, longest first, escaped (empty when
    /// the locale writes months only as numbers).
    pub month: String,
    /// Alternation of ordinal suffixes (`st|nd|rd|th`), possibly empty.
    pub ordinal: String,
}

/// Digits as news copy writes them, ASCII or full-width (Japanese copy).
pub const DIGIT: &str = "[0-9０-９]";

/// Regex text for a bare date template.
pub fn date_regex(vocabulary: &Vocabulary, template: &Template) -> String {
    let mut out = String::new();
    nodes(vocabulary, &template.nodes, &[], &mut out);
    out
}

/// Regex text for a weekday template whose `{date}` is any of `dates`.
pub fn weekday_date_regex(
    vocabulary: &Vocabulary,
    template: &Template,
    dates: &[Template],
) -> String {
    let mut out = String::new();
    nodes(vocabulary, &template.nodes, dates, &mut out);
    out
}

fn nodes(v: &Vocabulary, list: &[Node], dates: &[Template], out: &mut String) {
    for node in list {
        match node {
            Node::Text(text) => out.push_str(&regex::escape(text)),
            Node::Space => out.push_str(r"\s+"),
            Node::Optional(inner) => {
                out.push_str("(?:");
                nodes(v, inner, dates, out);
                out.push_str(")?");
            }
            Node::Token(Token::Weekday) => out.push_str(&v.weekday),
            Node::Token(Token::Month) => out.push_str(&v.month),
            Node::Token(Token::MonthNumber) => {
                let _ = write!(out, "{DIGIT}{{1,2}}");
            }
            Node::Token(Token::Day) => {
                let _ = write!(out, "{DIGIT}{{1,2}}");
                if !v.ordinal.is_empty() {
                    let _ = write!(out, "(?:{})?", v.ordinal);
                }
            }
            Node::Token(Token::Year) => {
                let _ = write!(out, "{DIGIT}{{4}}");
            }
            Node::Token(Token::Date) => {
                out.push_str("(?:");
                for (i, date) in dates.iter().enumerate() {
                    if i > 0 {
                        out.push('|');
                    }
                    out.push_str("(?:");
                    nodes(v, &date.nodes, &[], out);
                    out.push(')');
                }
                out.push(')');
            }
        }
    }
}

/// An alternation of literal forms, longest first so a longer form is tried
/// before its prefix ("Tues." before "Tue").
pub fn alternation<'a>(forms: impl IntoIterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.into_iter().collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let escaped: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
    format!("(?:{})", escaped.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tokens_optionals_and_escapes() {
        let t = Template::parse(r"{month} {day}[[,] {year}] \[x\]").unwrap();
        assert_eq!(
            t.nodes,
            vec![
                Node::Token(Token::Month),
                Node::Space,
                Node::Token(Token::Day),
                Node::Optional(vec![
                    Node::Optional(vec![Node::Text(",".into())]),
                    Node::Space,
                    Node::Token(Token::Year),
                ]),
                Node::Space,
                Node::Text("[x]".into()),
            ]
        );
        assert_eq!(t.count(Token::Year), (1, true));
        assert_eq!(t.count(Token::Day), (1, false));
    }

    #[test]
    fn rejects_broken_templates() {
        for bad in [
            "{month",
            "{mnth} {day}",
            "[{year}",
            "{day}]",
            "[]",
            "x\\",
            "}",
        ] {
            assert!(Template::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn regex_reads_what_the_template_writes() {
        let vocabulary = Vocabulary {
            weekday: alternation(["Tue", "Tuesday"]),
            month: alternation(["Jan."]),
            ordinal: alternation(["th"]),
        };
        let dates = [
            Template::parse("{month} {day}[, {year}]").unwrap(),
            Template::parse("{day} {month}").unwrap(),
        ];
        let pair = Template::parse("{weekday}, {date}").unwrap();
        let re = regex::Regex::new(&weekday_date_regex(&vocabulary, &pair, &dates)).unwrap();
        assert_eq!(re.captures_len(), 1, "no capture groups");
        for text in ["Tuesday, Jan. 13, 2026", "Tue, 13th Jan.", "Tue, Jan.  1"] {
            assert_eq!(re.find(text).map(|m| m.as_str()), Some(text));
        }
        assert_eq!(re.find("Tuesday, Jan 13"), None);
    }
}
