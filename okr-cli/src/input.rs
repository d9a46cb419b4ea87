//! Reading a plan file and its check-ins log into a [`Document`], and printing its
//! problems like a compiler: each against the file it is in.

use crate::Failure;
use okr_core::fs::ReadOptions;
use okr_core::render::Source;
use okr_core::{Document, DocumentKind, Error, LoadOptions, PlanFormat};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// How every file of this run is read (`--max-input-bytes`, `--allow-special-files`).
static READ: OnceLock<ReadOptions> = OnceLock::new();

/// Every error this run printed about its input, so that a command writing JSON or
/// SARIF can put them in its output too (a CI job always gets a file it can parse).
static REPORTED: std::sync::Mutex<Vec<Error>> = std::sync::Mutex::new(Vec::new());

/// The errors printed so far, taken.
pub fn take_reported() -> Vec<Error> {
    std::mem::take(
        &mut *REPORTED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
}

fn remember(errors: &[Error]) {
    REPORTED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .extend_from_slice(errors);
}

/// Sets how files are read, once, before any is.
pub fn set_read_options(options: ReadOptions) {
    let _ = READ.set(options);
}

fn read_options() -> &'static ReadOptions {
    READ.get_or_init(ReadOptions::default)
}

/// A plan read from disk, with where it and its log came from.
pub struct Opened {
    /// Never dropped: the process ends soon after, and freeing a large plan's millions
    /// of small allocations one by one only delays the exit (the OS takes the memory
    /// back whole).
    pub doc: std::mem::ManuallyDrop<Document>,
    pub path: PathBuf,
    /// The check-ins log the plan names, resolved against the plan's folder.
    pub log_path: Option<PathBuf>,
}

pub fn format_of(path: &Path) -> Result<PlanFormat, Failure> {
    PlanFormat::of_path(&path.to_string_lossy()).map_err(|e| Failure::Usage(e.message()))
}

/// Reads a configuration file: bounded, regular files only (unless asked), UTF-8.
pub fn read_config(path: &Path) -> Result<String, Failure> {
    okr_core::fs::read_text(path, DocumentKind::Config, read_options()).map_err(|e| {
        let files = Files {
            plan: path,
            log: None,
            config: Some(path),
            plan_text: None,
        };
        unreadable(&files, e)
    })
}

/// A file that could not be read or decoded: an I/O failure is one line; text that is
/// not UTF-8 is printed at its line and column, like any other error in it.
fn unreadable(files: &Files<'_>, e: Error) -> Failure {
    match e {
        Error::Io { message, .. } => {
            remember(&[Error::Io {
                message: message.clone(),
                location: Default::default(),
            }]);
            Failure::Usage(message)
        }
        e => {
            files.report(std::slice::from_ref(&e));
            Failure::Usage("the input could not be read".into())
        }
    }
}

/// Reads a plan and the check-ins log it names, without judging its meaning. Text
/// that cannot be read as a plan (or a log that cannot be read as one) is printed,
/// against its file, and is a problem of the input (exit 1); a file that cannot be read
/// at all is exit 2.
pub fn open(path: &Path) -> Result<Opened, Failure> {
    let read = read_options();
    let format = format_of(path)?;
    let text = okr_core::fs::read_text(path, DocumentKind::Plan, read).map_err(|e| {
        let files = Files {
            plan: path,
            log: None,
            config: None,
            plan_text: None,
        };
        unreadable(&files, e)
    })?;
    parse(path, path, text, format, None)
}

/// [`open`] for a plan on standard input (`git show HEAD~1:okrs.yaml | okr diff -
/// okrs.yaml`), read as `format`, with the same size limit as a file. Its check-ins
/// log is the one a plan at `beside` names, so that both versions of a plan are scored
/// on the same log; its errors are printed against `<stdin>`.
pub fn open_stdin(beside: &Path, format: PlanFormat) -> Result<Opened, Failure> {
    use std::io::Read;
    let limit = read_options().max_bytes;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    if bytes.len() > limit {
        return Err(Failure::Usage(format!(
            "standard input is larger than the {limit}-byte input limit; raise it with \
             --max-input-bytes if the plan is meant to be read"
        )));
    }
    let shown = Path::new("<stdin>");
    let text = okr_core::fs::text_of(bytes, DocumentKind::Plan).map_err(|e| {
        let files = Files {
            plan: shown,
            log: None,
            config: None,
            plan_text: None,
        };
        unreadable(&files, e)
    })?;
    // Kept for its errors' lines: standard input cannot be read twice.
    let kept = text.clone();
    parse(shown, beside, text, format, Some(&kept))
}

/// Parses `text` as the plan `shown` in messages, its log found beside `at`; errors
/// show their lines from `kept`, or from the file read again.
fn parse(
    shown: &Path,
    at: &Path,
    text: String,
    format: PlanFormat,
    kept: Option<&str>,
) -> Result<Opened, Failure> {
    let read = read_options();
    let mut options = LoadOptions::new(format);
    options.limits.max_input_bytes = read.max_bytes;
    let dir = at.parent().unwrap_or(Path::new("."));
    let mut log_path = None;
    let parsed = Document::parse_with_log(text, &options, |name| {
        log_path = Some(okr_core::fs::confined_log_path(at, name, read)?);
        okr_core::fs::log_reader(dir, read)(name)
    });
    match parsed {
        Ok(doc) => Ok(Opened {
            doc: std::mem::ManuallyDrop::new(doc),
            path: shown.to_owned(),
            log_path,
        }),
        Err(Error::Io { message, .. }) => Err(Failure::Usage(message)),
        Err(e) => {
            let reread;
            let text = match kept {
                Some(text) => Some(text),
                None if matches!(e, Error::UnknownField { .. }) => {
                    reread = self::reread(shown);
                    reread.as_deref()
                }
                None => None,
            };
            // One run names every unknown field, not only the first serde met.
            let errors = match (&e, text) {
                (Error::UnknownField { .. }, Some(text)) => {
                    let all = okr_core::format::unknown_fields(text, format);
                    if all.is_empty() { vec![e] } else { all }
                }
                _ => vec![e],
            };
            Files {
                plan: shown,
                log: log_path.as_deref(),
                config: None,
                plan_text: text,
            }
            .report(&errors);
            Err(Failure::Invalid("the plan could not be read".into()))
        }
    }
}

/// [`open`], then checks the plan: on problems, prints every one of them and fails
/// with `problem`.
pub fn load(path: &Path, problem: Failure) -> Result<Opened, Failure> {
    let opened = open(path)?;
    if let Err(errors) = opened.doc.check() {
        opened.files().report(&errors);
        return Err(problem);
    }
    Ok(opened)
}

impl Opened {
    pub fn files(&self) -> Files<'_> {
        Files {
            plan: &self.path,
            log: self.log_path.as_deref(),
            config: None,
            plan_text: self.doc.source_text(),
        }
    }
}

/// The files a run read, so that each error is printed against its own, with the
/// line it points at.
pub struct Files<'a> {
    pub plan: &'a Path,
    pub log: Option<&'a Path>,
    pub config: Option<&'a Path>,
    /// The plan's text, when it is at hand (a plan that parsed keeps it); otherwise
    /// the file is read again to show the line, since only errors need it.
    pub plan_text: Option<&'a str>,
}

impl Files<'_> {
    /// Prints each error like a compiler: headline, place, source line and caret,
    /// the document path as a note.
    pub fn report(&self, errors: &[Error]) {
        remember(errors);
        let renderer = crate::color::renderer(crate::color::Stream::Stderr);
        let mut texts: [Option<String>; 3] = Default::default();
        let mut shown = String::new();
        for e in errors {
            let (slot, file) = match e.document() {
                DocumentKind::Plan => (0, Some(self.plan)),
                DocumentKind::Log => (1, self.log),
                DocumentKind::Config => (2, self.config),
            };
            let name = file.unwrap_or(self.plan).display().to_string();
            let text = match (slot, self.plan_text) {
                (0, Some(text)) => Some(text),
                _ if e.location().and_then(|l| l.line).is_some() => file.and_then(|f| {
                    texts[slot]
                        .get_or_insert_with(|| reread(f).unwrap_or_default())
                        .as_str()
                        .into()
                }),
                _ => None,
            };
            let source = match text {
                Some(text) if !text.is_empty() => Source::new(&name, text),
                _ => Source::named(&name),
            };
            shown.push_str(&renderer.error(&source, e));
        }
        eprint!("{shown}");
    }
}

/// A file read again for the lines its errors point at; `None` if it cannot be (it
/// is `<stdin>`, not a regular file, or changed into something unreadable). Text that
/// is not UTF-8 is read with its bad bytes replaced, to show where they are.
fn reread(path: &Path) -> Option<String> {
    use std::io::Read;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(read_options().max_bytes as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
