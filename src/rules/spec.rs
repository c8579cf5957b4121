//! The serde types every rule file shares.
//!
//! A rule file is flat YAML: the common keys below plus the keys of its kind.
//! Each kind declares its struct with [`rule_spec!`](crate::rule_spec!), which adds the common
//! keys and `deny_unknown_fields`, so a typo anywhere in the file is an error
//! that points at the key, with no second, looser pass.

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::yaml::Spanned;

/// One self-test carried by a rule: `bad` text that must be reported (and,
/// with `fixed`, what the fixes turn it into), or `good` text that must not.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
    /// The source text of each finding the rule must report, in order.
    #[serde(default)]
    pub flags: Option<Vec<String>>,
    /// The text after applying every fix the rule offers (safe and unsafe).
    #[serde(default)]
    pub fixed: Option<String>,
    /// Publication date (YYYY-MM-DD) the example is read with.
    #[serde(default)]
    pub date: Option<String>,
    /// How the text is read: `snippet` (default: every line is a body
    /// paragraph, no headline), `text` (a plain-text article, first line the
    /// headline) or `markdown`.
    #[serde(default)]
    pub format: ExampleFormat,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleFormat {
    #[default]
    Snippet,
    Text,
    Markdown,
}

impl Example {
    pub fn text(&self) -> &str {
        self.bad.as_deref().or(self.good.as_deref()).unwrap_or("")
    }

    pub fn is_bad(&self) -> bool {
        self.bad.is_some()
    }
}

/// Just enough of a rule file to know which kind reads the rest.
#[derive(Debug, Deserialize)]
pub struct KindHeader {
    pub kind: Spanned<String>,
}

/// The common keys, as the engine keeps them after loading.
#[derive(Debug, Clone)]
pub struct Common {
    pub severity: Severity,
    pub message: Spanned<String>,
    pub description: String,
    pub examples: Vec<Spanned<Example>>,
    pub enabled: bool,
}

pub(crate) fn yes() -> bool {
    true
}

/// Declare a rule kind's YAML struct: the common keys (`kind`, `severity`,
/// `message`, `description`, `examples`, `enabled`) are added, unknown keys
/// are rejected.
#[macro_export]
macro_rules! rule_spec {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub kind: String,
            pub severity: $crate::diagnostic::Severity,
            pub message: $crate::yaml::Spanned<String>,
            pub description: String,
            #[serde(default)]
            pub examples: Vec<$crate::yaml::Spanned<$crate::rules::spec::Example>>,
            #[serde(default = "crate::rules::spec::yes")]
            pub enabled: bool,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            pub fn common(&self) -> $crate::rules::spec::Common {
                $crate::rules::spec::Common {
                    severity: self.severity,
                    message: self.message.clone(),
                    description: self.description.clone(),
                    examples: self.examples.clone(),
                    enabled: self.enabled,
                }
            }
        }
    };
}
