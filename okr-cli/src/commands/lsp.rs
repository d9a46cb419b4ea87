//! `okr lsp`: a language server over standard input and output, for any editor that
//! speaks the Language Server Protocol (docs/editors.md).
//!
//! It publishes a plan's problems and lint findings as it is opened and changed, hovers
//! an objective or key result with its score, status and forecast (and a finding with
//! its rule's documentation), and offers the fixes that are certain. What a check
//! means is `okr_core::workspace`; this converts positions (the protocol counts UTF-16
//! code units from 0, the core characters from 1) and messages.

use crate::Failure;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Range, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};
use okr_core::lint::Severity;
use okr_core::render::Source;
use okr_core::workspace::{Checked, Workspace};
use okr_core::{AsOf, Document, ItemAt, LintOptions, LoadOptions, PlanFormat};
use std::collections::HashMap;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Score and lint as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
}

/// An open document: its text, the check of it, and the session it was checked in.
struct Open {
    text: String,
    format: PlanFormat,
    checked: Checked,
}

struct Server {
    connection: Connection,
    as_of: Option<AsOf>,
    open: HashMap<Uri, Open>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let as_of = args
        .as_of
        .as_deref()
        .map(AsOf::parse)
        .transpose()
        .map_err(|e| Failure::Usage(e.message()))?;
    let (connection, io) = Connection::stdio();
    serve(connection, as_of).map_err(|e| Failure::Usage(format!("lsp: {e}")))?;
    io.join().map_err(|e| Failure::Usage(format!("lsp: {e}")))?;
    Ok(())
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Answers on `connection` until the client shuts the server down.
pub fn serve(
    connection: Connection,
    as_of: Option<AsOf>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let capabilities = serde_json::to_value(capabilities())?;
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "okr", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        connection,
        as_of,
        open: HashMap::new(),
    };
    while let Ok(message) = server.connection.receiver.recv() {
        match message {
            Message::Request(request) => {
                if server.connection.handle_shutdown(&request)? {
                    break;
                }
                let response = server.answer(request);
                server.connection.sender.send(response.into())?;
            }
            Message::Notification(note) => server.notified(note)?,
            Message::Response(_) => {}
        }
    }
    Ok(())
}

impl Server {
    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            "textDocument/hover" => serde_json::from_value::<HoverParams>(request.params)
                .map(|p| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            "textDocument/codeAction" => serde_json::from_value::<CodeActionParams>(request.params)
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            other => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("okr lsp does not answer `{other}`"),
                );
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(e) => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e.to_string(),
            ),
        }
    }

    fn notified(
        &mut self,
        note: Notification,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        match note.method.as_str() {
            "textDocument/didOpen" => {
                let p: DidOpenTextDocumentParams = serde_json::from_value(note.params)?;
                self.check(p.text_document.uri, p.text_document.text)?;
            }
            "textDocument/didChange" => {
                let p: DidChangeTextDocumentParams = serde_json::from_value(note.params)?;
                // Full sync: the last change is the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.check(p.text_document.uri, change.text)?;
                }
            }
            "textDocument/didClose" => {
                let p: DidCloseTextDocumentParams = serde_json::from_value(note.params)?;
                self.open.remove(&p.text_document.uri);
                self.publish(p.text_document.uri, Vec::new())?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks `text` and publishes what was found.
    fn check(
        &mut self,
        uri: Uri,
        text: String,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let format = PlanFormat::of_path(uri.path().as_str()).unwrap_or(PlanFormat::Yaml);
        let lint = LintOptions::as_of(self.as_of.unwrap_or_else(AsOf::now));
        let mut workspace = Workspace::new(format, lint, self.as_of);
        workspace.set_log(log_beside(&uri, &text, format).as_deref());
        let checked = workspace.check(&text);
        let diagnostics = diagnostics(&text, &checked);
        self.open.insert(
            uri.clone(),
            Open {
                text,
                format,
                checked,
            },
        );
        self.publish(uri, diagnostics)
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.connection
            .sender
            .send(Notification::new("textDocument/publishDiagnostics".into(), params).into())?;
        Ok(())
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let open = self
            .open
            .get(&p.text_document_position_params.text_document.uri)?;
        let at = p.text_document_position_params.position;
        let (line, column) = from_lsp(&open.text, at);
        let mut parts = Vec::new();
        if let Some(doc) = &open.checked.document
            && let Some(item) = doc.item_at(line, column)
        {
            parts.extend(describe(&open.checked, doc, &item));
        }
        // A finding under the cursor: its rule's documentation.
        let source = Source::new("", &open.text);
        for d in &open.checked.diagnostics {
            if let Some(range) = range(&source, d.line, d.column)
                && contains(range, at)
                && let Ok(rule) = okr_core::lint::find_rule(&d.code)
            {
                parts.push(format!(
                    "**{} {}**\n\n{}",
                    rule.code,
                    rule.name,
                    rule.text().trim()
                ));
            }
        }
        (!parts.is_empty()).then(|| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: None,
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(open) = self.open.get(&p.text_document.uri) else {
            return Vec::new();
        };
        open.checked
            .problems
            .iter()
            .flat_map(|e| okr_core::workspace::fixes(e, open.format))
            .map(|fix| {
                let at = to_lsp(&open.text, fix.line, fix.column);
                let edit = TextEdit {
                    range: Range { start: at, end: at },
                    new_text: fix.insert,
                };
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(p.text_document.uri.clone(), vec![edit])])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                })
            })
            .collect()
    }
}

/// The check-ins log the plan in `text` names, read from beside the file `uri` names
/// (only `file:` documents have a folder); `None` when there is none to read.
fn log_beside(uri: &Uri, text: &str, format: PlanFormat) -> Option<String> {
    if uri.scheme().map(|s| s.as_str()) != Some("file") {
        return None;
    }
    let doc = Document::parse(text, &LoadOptions::new(format)).ok()?;
    let name = doc.check_ins_file()?.to_owned();
    let path = uri
        .path()
        .as_estr()
        .decode()
        .into_string_lossy()
        .into_owned();
    let plan = std::path::Path::new(&path);
    let read = okr_core::fs::ReadOptions::default();
    let log = okr_core::fs::confined_log_path(plan, &name, &read).ok()?;
    okr_core::fs::read_text(&log, okr_core::DocumentKind::Log, &read).ok()
}

/// The problems and findings as the protocol shows them.
fn diagnostics(text: &str, checked: &Checked) -> Vec<Diagnostic> {
    let text = &Source::new("", text);
    let problems = checked.problems.iter().map(|e| {
        let location = e.location();
        // A problem in the log has no place in this text: it is shown at the top.
        let in_text = e.document() == okr_core::DocumentKind::Plan;
        let place = location
            .filter(|_| in_text)
            .and_then(|l| range(text, l.line, l.column));
        Diagnostic {
            range: place.unwrap_or_default(),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String(e.code().as_str().into())),
            source: Some("okr".into()),
            message: if in_text || e.path().is_empty() {
                e.message()
            } else {
                format!("{} (at {} in the check-ins log)", e.message(), e.path())
            },
            ..Diagnostic::default()
        }
    });
    let findings = checked.diagnostics.iter().map(|d| Diagnostic {
        range: range(text, d.line, d.column).unwrap_or_default(),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("okr".into()),
        message: format!("{} ({})\nhelp: {}", d.message, d.rule, d.help),
        ..Diagnostic::default()
    });
    problems.chain(findings).collect()
}

/// Markdown for an objective or key result: its title and its scores.
fn describe(checked: &Checked, doc: &Document, item: &ItemAt) -> Option<String> {
    let pct = |p: Option<f64>| p.map_or("–".to_owned(), |p| format!("{:.0}%", p * 100.0 + 0.0));
    let scores = checked.scores.as_ref();
    match item {
        ItemAt::Objective(id) => {
            let o = doc.plan().objectives.iter().find(|o| &o.id == id)?;
            let mut text = format!("**Objective `{id}`**: {}", o.title);
            if let Some(s) = scores.and_then(|c| c.objective(id)) {
                text.push_str(&format!(
                    "\n\nprogress {} · expected {} · {}",
                    pct(s.progress),
                    pct(s.expected),
                    s.status.as_str().replace('_', " ")
                ));
                if let Some(f) = &s.forecast {
                    text.push_str(&format!(" · forecast {}", pct(Some(f.projected_progress))));
                }
                if let Some(g) = &s.grade {
                    text.push_str(&format!(" · grade {:.2}", g.score));
                }
            }
            Some(text)
        }
        ItemAt::KeyResult(id) => {
            let (_, k) = doc
                .plan()
                .objectives
                .iter()
                .flat_map(|o| o.key_results.iter().map(move |k| (o, k)))
                .find(|(_, k)| &k.id == id)?;
            let mut text = format!("**Key result `{id}`**: {}", k.title);
            if let Some(s) = scores.and_then(|c| c.key_result(id)) {
                let value = s.value.as_ref().map_or("–".to_owned(), |v| v.to_string());
                text.push_str(&format!(
                    "\n\nvalue {value} · progress {} · expected {} · {}",
                    pct(s.progress),
                    pct(s.expected),
                    s.status.as_str().replace('_', " ")
                ));
                if let Some(c) = s.confidence {
                    text.push_str(&format!(" · confidence {c:.2}"));
                }
                if let Some(f) = &s.forecast {
                    text.push_str(&format!(
                        "\n\nforecast at due: {} ({})",
                        f.projected_value,
                        pct(f.projected_progress)
                    ));
                }
            }
            Some(text)
        }
    }
}

/// The protocol's range for the token at 1-based `line` and character `column`.
fn range(source: &Source<'_>, line: Option<u32>, column: Option<u32>) -> Option<Range> {
    let line = line?;
    let token = source.token(line, column.unwrap_or(1))?;
    let utf16 = |byte: usize| {
        if token.ascii {
            byte as u32
        } else {
            token.line[..byte].encode_utf16().count() as u32
        }
    };
    Some(Range {
        start: Position::new(line - 1, utf16(token.span.start)),
        end: Position::new(line - 1, utf16(token.span.end)),
    })
}

/// The protocol's position of 1-based `line` and character `column`.
fn to_lsp(text: &str, line: u32, column: u32) -> Position {
    let line_text = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("");
    let character = line_text
        .chars()
        .take(column.saturating_sub(1) as usize)
        .map(char::len_utf16)
        .sum::<usize>();
    Position::new(line.saturating_sub(1), character as u32)
}

/// 1-based line and character column of a protocol position.
fn from_lsp(text: &str, at: Position) -> (u32, u32) {
    let line_text = text.lines().nth(at.line as usize).unwrap_or("");
    let mut units = 0;
    let mut column = 1;
    for c in line_text.chars() {
        if units >= at.character as usize {
            break;
        }
        units += c.len_utf16();
        column += 1;
    }
    (at.line + 1, column)
}

fn contains(range: Range, at: Position) -> bool {
    range.start <= at && at <= range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_convert_both_ways_through_surrogate_pairs() {
        let text = "title: 𝄞 x\nnext: y\n";
        // `x` is the 10th character of line 1; the clef is two UTF-16 units.
        let at = to_lsp(text, 1, 10);
        assert_eq!(at, Position::new(0, 10));
        assert_eq!(from_lsp(text, at), (1, 10));
        assert_eq!(from_lsp(text, Position::new(1, 0)), (2, 1));
    }
}
