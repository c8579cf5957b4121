//! Which files to check: explicit files always, directories walked with the
//! `ignore` crate (honouring `.gitignore`, `.ignore` and hidden files like git
//! and ripgrep do), filtered by extension and `--glob`/`--exclude`.

use std::path::{Path, PathBuf};

use ignore::overrides::OverrideBuilder;

/// Extensions checked when walking a directory.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    File(PathBuf),
    /// Standard input, shown under this name.
    Stdin(String),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin(name) => name.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Only files matching one of these globs (relative to the walked dir).
    pub globs: Vec<String>,
    /// Never files matching these globs.
    pub excludes: Vec<String>,
    pub stdin_name: Option<String>,
}

/// A path that could not be walked, with the reason.
#[derive(Debug, Clone)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// Expand `paths` into the inputs to check, in a deterministic order
/// (arguments in order, each directory sorted by file name), without
/// duplicates.
pub fn inputs(paths: &[PathBuf], options: &WalkOptions) -> (Vec<Input>, Vec<WalkError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    // One path walked without meeting a symlink cannot list a file twice;
    // otherwise duplicates are looked for, which costs a `stat` a file.
    let mut may_repeat = paths.len() > 1;
    for path in paths {
        if path.as_os_str() == "-" {
            let name = options
                .stdin_name
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            inputs.push(Input::Stdin(name));
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => errors.push(WalkError {
                path: path.display().to_string(),
                message: describe_io(&err),
            }),
            Ok(meta) if meta.is_dir() => {
                let walked = walk_dir(path, options, &mut errors);
                may_repeat |= walked.through_symlink;
                inputs.extend(walked.files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    if may_repeat {
        // Followed symlinks and overlapping arguments can reach one file by
        // several paths: keep the first.
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| {
            seen.insert(match input {
                Input::File(path) => file_identity(path),
                Input::Stdin(_) => FileIdentity::Stdin,
            })
        });
    }
    (inputs, errors)
}

/// What makes two paths one file.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileIdentity {
    /// Device and inode: one `stat`, where resolving the whole path would
    /// cost a call per component, for every file of an archive.
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
    Stdin,
}

fn file_identity(path: &Path) -> FileIdentity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(meta) = std::fs::metadata(path) {
            return FileIdentity::Inode(meta.dev(), meta.ino());
        }
    }
    FileIdentity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// The files a directory walk found, and whether it followed a symlink to
/// reach any of them.
struct Walked {
    files: Vec<PathBuf>,
    through_symlink: bool,
}

fn walk_dir(dir: &Path, options: &WalkOptions, errors: &mut Vec<WalkError>) -> Walked {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .sort_by_file_name(|a, b| a.cmp(b))
        .require_git(false)
        .follow_links(true);
    if !options.globs.is_empty() || !options.excludes.is_empty() {
        let mut overrides = OverrideBuilder::new(dir);
        let mut bad = |glob: &str, err: ignore::Error| {
            errors.push(WalkError {
                path: glob.to_string(),
                message: format!("invalid glob: {err}"),
            })
        };
        for glob in &options.globs {
            if let Err(err) = overrides.add(glob) {
                bad(glob, err);
            }
        }
        for glob in &options.excludes {
            if let Err(err) = overrides.add(&format!("!{glob}")) {
                bad(glob, err);
            }
        }
        match overrides.build() {
            Ok(built) => {
                builder.overrides(built);
            }
            Err(err) => errors.push(WalkError {
                path: dir.display().to_string(),
                message: format!("invalid glob: {err}"),
            }),
        }
    }
    let mut files = Vec::new();
    let mut through_symlink = false;
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                through_symlink |= entry.path_is_symlink();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| DEFAULT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)));
                if is_file && wanted {
                    files.push(entry.into_path());
                }
            }
            Err(err) => errors.push(WalkError {
                path: dir.display().to_string(),
                message: err.to_string(),
            }),
        }
    }
    Walked {
        files,
        through_symlink,
    }
}

/// An I/O error as a person would say it.
pub fn describe_io(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}
