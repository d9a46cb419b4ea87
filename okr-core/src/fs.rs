//! Plans as files (the `fs` feature): the one bounded way to read a plan or a log, the
//! one rule for where a plan's check-ins log lives and what a missing log means, and
//! the one way to append to the log, for the callers that touch files (the `okr`
//! command, the Python package). The rest of the core does no I/O, so it builds for
//! WebAssembly, where a page supplies the log's text itself.
//!
//! # The check-ins log's guarantees
//!
//! - An append either lands whole (one line, newline included, synced to disk) or
//!   leaves the file exactly as it was: a write that fails part-way (a full disk, a
//!   file-size limit) is cut back to the length before it.
//! - Appenders take an exclusive advisory lock on the log, and readers a shared one, so
//!   an `okr` reader never sees another `okr` process's half-written line, and two
//!   appenders never interleave. (Advisory: a program that writes the log without
//!   locking it gets no such promise.)
//! - A log whose last line lacks its newline (written by hand) gets one before the next
//!   line, never a line glued to it.

use crate::document::{Document, LoadOptions, PlanFormat};
use crate::error::{DocumentKind, Error, Format, Location, Result};
use crate::format::Limits;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// How files are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file read, in bytes (default 1 GiB, [`Limits::max_input_bytes`]). Checked
    /// before reading and again while reading, so a file that grows (or a device with
    /// no end) stops at the limit.
    pub max_bytes: usize,
    /// Read FIFOs, devices and other files that are not regular files (default
    /// `false`): reading a FIFO waits for a writer, and a device such as `/dev/zero`
    /// never ends, so they are refused unless asked for (`okr … <(cmd)`, say).
    pub special_files: bool,
    /// Let `check_ins_file` name a file outside the plan's folder: an absolute path or
    /// one that climbs out with `..` (default `false`). A plan is often someone else's
    /// file; without this, it cannot make `okr check-in` write to, or a reader read,
    /// `/etc/passwd` or `../../elsewhere`. (The check is on the name as written; a
    /// symlink inside the folder is followed.)
    pub log_outside_folder: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: Limits::default().max_input_bytes,
            special_files: false,
            log_outside_folder: false,
        }
    }
}

/// Reads the text of the `document` at `path`: a regular file (unless
/// `options.special_files`), at most `options.max_bytes`, UTF-8 (a leading byte-order
/// mark is dropped). A file that cannot be read is an [`Error::Io`] naming it; one past
/// the limit an [`Error::Limit`]; bytes that are not UTF-8 an [`Error::Syntax`] at
/// their line and column.
pub fn read_text(path: &Path, document: DocumentKind, options: &ReadOptions) -> Result<String> {
    read_file(path, document, options, false)
}

/// Reads `path` as [`read_text`] does; with `shared_lock`, under a shared advisory lock,
/// so that no locked appender is half-way through a line.
fn read_file(
    path: &Path,
    document: DocumentKind,
    options: &ReadOptions,
    shared_lock: bool,
) -> Result<String> {
    let name = path.display();
    let io = |what: String| Error::Io {
        message: format!("cannot read `{name}`: {what}"),
        location: Location::at("").in_document(document),
    };
    // Before opening: opening a FIFO for reading waits for a writer.
    let meta = std::fs::metadata(path).map_err(|e| io(e.to_string()))?;
    if !options.special_files {
        refuse_special(&meta).map_err(io)?;
    }
    let mut file = File::open(path).map_err(|e| io(e.to_string()))?;
    if shared_lock && meta.is_file() {
        file.lock_shared()
            .map_err(|e| io(format!("cannot lock it: {e}")))?;
    }
    let meta = file.metadata().map_err(|e| io(e.to_string()))?;
    if !options.special_files {
        // Again on the open file: the path may have been swapped since.
        refuse_special(&meta).map_err(io)?;
    }
    let limit = |size: String| Error::Limit {
        message: format!(
            "`{name}` is {size}, larger than the {}-byte input limit; raise the limit if \
             the file is meant to be read",
            options.max_bytes
        ),
        location: Location::at("").in_document(document),
    };
    if meta.len() > options.max_bytes as u64 {
        return Err(limit(format!("{} bytes", meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit tells a file that grew past it from one that ends there.
    (&mut file)
        .take(options.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io(e.to_string()))?;
    if bytes.len() > options.max_bytes {
        return Err(limit("longer than that as it is read".into()));
    }
    text_of(bytes, document)
}

/// `Err` with why, for anything but a regular file.
fn refuse_special(meta: &std::fs::Metadata) -> std::result::Result<(), String> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "it is a folder"
    } else {
        "it is not a regular file (a FIFO, socket or device, which may never end)"
    };
    Err(what.into())
}

/// The bytes as text, the byte-order mark dropped; the first byte that is not UTF-8
/// located by line and column.
pub fn text_of(mut bytes: Vec<u8>, document: DocumentKind) -> Result<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
        let bad = e.as_bytes()[good.len()];
        Error::Syntax {
            format: match document {
                DocumentKind::Log => Format::JsonLines,
                _ => Format::Yaml,
            },
            message: format!("the file is not UTF-8 text (byte 0x{bad:02X}); save it as UTF-8"),
            location: Location::at("")
                .in_document(document)
                .with_position(line as u32, column as u32),
        }
    })
}

/// Where the log a plan at `plan` names as `name` lives: beside the plan, unless
/// `name` is absolute.
pub fn log_path(plan: &Path, name: &str) -> PathBuf {
    plan.parent().unwrap_or(Path::new(".")).join(name)
}

/// [`log_path`], refused (an [`Error::InvalidValue`] at `check_ins_file`) when `name`
/// leaves the plan's folder and `options` does not allow it.
pub fn confined_log_path(plan: &Path, name: &str, options: &ReadOptions) -> Result<PathBuf> {
    check_confined(name, options)?;
    Ok(log_path(plan, name))
}

fn check_confined(name: &str, options: &ReadOptions) -> Result<()> {
    use std::path::Component;
    let outside = Path::new(name).components().any(|c| {
        matches!(
            c,
            Component::RootDir | Component::Prefix(_) | Component::ParentDir
        )
    });
    if outside && !options.log_outside_folder {
        return Err(Error::InvalidValue {
            message: format!(
                "the check-ins log `{name}` is outside the plan's folder; keep it beside the \
                 plan (a name such as `okrs.check-ins.jsonl`), or allow logs elsewhere \
                 (`--allow-log-outside-folder`)"
            ),
            location: Location::at("check_ins_file"),
        });
    }
    Ok(())
}

/// The reader [`Document::parse_with_log`] takes, for a plan in the folder `dir`: the
/// log is read from `dir` (bounded, under a shared lock, not outside `dir` unless
/// `options` allows it), and a log not written yet holds no check-ins.
pub fn log_reader<'a>(
    dir: &'a Path,
    options: &'a ReadOptions,
) -> impl FnOnce(&str) -> Result<Option<String>> + 'a {
    move |name| {
        check_confined(name, options)?;
        let path = dir.join(name);
        // Not there at all (not even as a dangling symlink, which is an error to read).
        if let Err(e) = std::fs::symlink_metadata(&path) {
            if e.kind() == std::io::ErrorKind::NotFound {
                return Ok(None);
            }
        }
        read_file(&path, DocumentKind::Log, options, true).map(Some)
    }
}

/// Reads the plan file at `path` (its format from its extension: `.json`, `.yaml`,
/// `.yml`, `.csv`) and the check-ins log it names, beside it. The plan is parsed, not
/// yet judged: [`Document::checked`] or [`Document::problems`] does that.
pub fn open(path: &Path) -> Result<Document> {
    open_with(path, None, &ReadOptions::default())
}

/// [`open`], reading the plan as `format` instead of the one its extension names when
/// `format` is given.
pub fn open_as(path: &Path, format: Option<PlanFormat>) -> Result<Document> {
    open_with(path, format, &ReadOptions::default())
}

/// [`open_as`], reading the plan and its log with `options`.
pub fn open_with(
    path: &Path,
    format: Option<PlanFormat>,
    options: &ReadOptions,
) -> Result<Document> {
    let format = match format {
        Some(format) => format,
        None => PlanFormat::of_path(&path.to_string_lossy())?,
    };
    let text = read_text(path, DocumentKind::Plan, options)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut load = LoadOptions::new(format);
    load.limits.max_input_bytes = options.max_bytes;
    Document::parse_with_log(text, &load, log_reader(dir, options))
}

/// The file an error from [`open`] of the plan at `plan` points into: the plan itself,
/// or the check-ins log it names (found as [`open`] finds it); `None` for an error about
/// no file (a lint configuration given apart, a call's argument). Only errors need it,
/// so the plan is read again to learn its log's name.
pub fn file_of(plan: &Path, error: &Error) -> Option<PathBuf> {
    match error.document() {
        DocumentKind::Plan => Some(plan.to_path_buf()),
        DocumentKind::Config => None,
        DocumentKind::Log => {
            let options = ReadOptions::default();
            let format = PlanFormat::of_path(&plan.to_string_lossy()).ok()?;
            let text = read_text(plan, DocumentKind::Plan, &options).ok()?;
            let doc = Document::parse(text, &LoadOptions::new(format)).ok()?;
            confined_log_path(plan, doc.check_ins_file()?, &options).ok()
        }
    }
}

/// Appends `line` (one JSON Lines entry, newline included) to the log at `path`,
/// creating it, with the guarantees in the [module documentation](self): under an
/// exclusive lock, whole or not at all, synced.
pub fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    let mut file = OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)?;
    file.lock()?;
    append_locked(&mut file, line)
}

/// The append itself, on a file opened for appending and locked.
fn append_locked<F: Read + Write + Seek + SetLen>(file: &mut F, line: &str) -> std::io::Result<()> {
    let before = file.seek(SeekFrom::End(0))?;
    let mut text = String::with_capacity(line.len() + 1);
    if before > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(before - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            text.push('\n');
        }
    }
    text.push_str(line);
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync());
    if let Err(e) = written {
        // Cut back whatever part of the line reached the file, so the log reads as it
        // did; if even that fails, say both.
        return match file.set_len(before).and_then(|()| file.sync()) {
            Ok(()) => Err(std::io::Error::new(
                e.kind(),
                format!("{e}; the log was left as it was"),
            )),
            Err(undo) => Err(std::io::Error::new(
                e.kind(),
                format!(
                    "{e}; cutting the partial line back to {before} bytes also failed ({undo}): \
                     remove the log's last line by hand"
                ),
            )),
        };
    }
    Ok(())
}

/// What [`append_locked`] needs of a file beyond reading and writing: a test gives it
/// one that fails part-way.
trait SetLen {
    fn set_len(&mut self, len: u64) -> std::io::Result<()>;
    fn sync(&mut self) -> std::io::Result<()>;
}

impl SetLen for File {
    fn set_len(&mut self, len: u64) -> std::io::Result<()> {
        File::set_len(self, len)
    }

    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_data()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use std::io::Cursor;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("okr-fs-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        dir
    }

    #[test]
    fn a_plan_is_read_with_the_log_beside_it() {
        let dir = temp_dir("plan");
        let plan = dir.join("p.yaml");
        std::fs::write(
            &plan,
            "schema_version: 1\ncheck_ins_file: p.jsonl\nobjectives:\n  - id: o\n    title: Grow\n    key_results: [{id: k, title: Sign 10, type: increase, start: 0, target: 10}]\n",
        )
        .expect("writes");
        let empty = open(&plan).expect("no log yet");
        assert!(empty.plan().logged_check_ins.is_empty());
        append_line(
            &dir.join("p.jsonl"),
            "{\"key_result\":\"k\",\"at\":\"2026-01-05\",\"value\":3}\n",
        )
        .expect("appends");
        assert_eq!(open(&plan).expect("reads").plan().logged_check_ins.len(), 1);
        assert_eq!(log_path(&plan, "p.jsonl"), dir.join("p.jsonl"));
        let missing = open(&dir.join("nope.yaml")).expect_err("no such file");
        assert_eq!(missing.code(), ErrorCode::Io);
        let odd = open(&dir.join("plan.txt")).expect_err("no format");
        assert_eq!(odd.code(), ErrorCode::InvalidArgument);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reading_is_bounded_and_refuses_what_never_ends() {
        let dir = temp_dir("bounded");
        let big = dir.join("big.yaml");
        std::fs::write(&big, "x".repeat(100)).expect("writes");
        let small = ReadOptions {
            max_bytes: 99,
            ..ReadOptions::default()
        };
        let e = read_text(&big, DocumentKind::Plan, &small).expect_err("too big");
        assert_eq!(e.code(), ErrorCode::Limit);
        assert!(e.message().contains("big.yaml"), "{e}");

        let folder = read_text(&dir, DocumentKind::Plan, &ReadOptions::default());
        assert_eq!(folder.expect_err("a folder").code(), ErrorCode::Io);

        if Path::new("/dev/zero").exists() {
            let zero = read_text(
                Path::new("/dev/zero"),
                DocumentKind::Plan,
                &ReadOptions::default(),
            );
            let e = zero.expect_err("a device");
            assert_eq!(e.code(), ErrorCode::Io);
            assert!(e.message().contains("not a regular file"), "{e}");
            // Asked for, a device is read up to the limit and no further.
            let asked = ReadOptions {
                max_bytes: 4096,
                special_files: true,
                ..ReadOptions::default()
            };
            let e =
                read_text(Path::new("/dev/zero"), DocumentKind::Plan, &asked).expect_err("endless");
            assert_eq!(e.code(), ErrorCode::Limit);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_log_outside_the_plans_folder_is_refused_unless_allowed() {
        let plan = Path::new("okrs/q1.yaml");
        let strict = ReadOptions::default();
        for name in ["/etc/passwd", "../elsewhere.jsonl", "logs/../../x.jsonl"] {
            let e = confined_log_path(plan, name, &strict).expect_err(name);
            assert_eq!(
                (e.code(), e.path()),
                (ErrorCode::InvalidValue, "check_ins_file")
            );
        }
        assert_eq!(
            confined_log_path(plan, "logs/q1.jsonl", &strict).expect("inside"),
            Path::new("okrs/logs/q1.jsonl")
        );
        let lax = ReadOptions {
            log_outside_folder: true,
            ..ReadOptions::default()
        };
        assert!(confined_log_path(plan, "../shared.jsonl", &lax).is_ok());
    }

    #[test]
    fn text_that_is_not_utf8_is_located_and_a_bom_is_dropped() {
        let e = text_of(
            b"schema_version: 1\nname: caf\xE9\n".to_vec(),
            DocumentKind::Plan,
        )
        .expect_err("latin-1");
        assert_eq!(e.code(), ErrorCode::Syntax);
        let at = e.location().expect("located");
        assert_eq!((at.line, at.column), (Some(2), Some(10)));
        assert_eq!(
            text_of(b"\xEF\xBB\xBF{}".to_vec(), DocumentKind::Plan).expect("utf-8"),
            "{}"
        );
    }

    /// A file that takes `room` more bytes, then fails as a full disk does.
    struct Full {
        data: Cursor<Vec<u8>>,
        room: usize,
    }

    impl Read for Full {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.data.read(buf)
        }
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "No space left on device",
                ));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.data.seek(SeekFrom::End(0))?;
            self.data.write(&buf[..n])
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Seek for Full {
        fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
            self.data.seek(to)
        }
    }

    impl SetLen for Full {
        fn set_len(&mut self, len: u64) -> std::io::Result<()> {
            self.data.get_mut().truncate(len as usize);
            Ok(())
        }

        fn sync(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_append_that_fails_part_way_leaves_the_log_as_it_was() {
        let before = b"{\"key_result\":\"k\",\"at\":\"2026-01-05\",\"value\":3}".to_vec();
        let mut file = Full {
            data: Cursor::new(before.clone()),
            room: 10,
        };
        let e = append_locked(
            &mut file,
            "{\"key_result\":\"k\",\"at\":\"2026-01-06\",\"value\":4}\n",
        )
        .expect_err("disk full");
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        assert!(e.to_string().contains("left as it was"), "{e}");
        assert_eq!(file.data.get_ref(), &before);

        // With room, the line lands whole, after the newline the last line lacked.
        file.room = usize::MAX;
        append_locked(&mut file, "{\"v\":1}\n").expect("appends");
        let text = String::from_utf8(file.data.into_inner()).expect("utf-8");
        assert!(text.ends_with("3}\n{\"v\":1}\n"), "{text}");
    }
}
