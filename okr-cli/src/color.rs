//! Whether to colour what is printed: `--color auto|always|never`, where `auto`
//! colours a stream only when it is a terminal and `NO_COLOR` is unset
//! (<https://no-color.org>), and `TERM=dumb` turns it off.

use okr_core::render::Renderer;
use std::io::IsTerminal;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Choice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always colour (a CI log that shows ANSI colours).
    Always,
    /// Never colour.
    Never,
}

/// The stream a renderer writes to.
#[derive(Clone, Copy, Debug)]
pub enum Stream {
    Stdout,
    Stderr,
}

static CHOICE: OnceLock<Choice> = OnceLock::new();

/// Sets the run's choice, once, before anything is printed.
pub fn set(choice: Choice) {
    let _ = CHOICE.set(choice);
}

/// Whether text written to `stream` is coloured.
pub fn enabled(stream: Stream) -> bool {
    match CHOICE.get().copied().unwrap_or_default() {
        Choice::Always => true,
        Choice::Never => false,
        Choice::Auto => {
            let terminal = match stream {
                Stream::Stdout => std::io::stdout().is_terminal(),
                Stream::Stderr => std::io::stderr().is_terminal(),
            };
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            terminal && !no_color && !dumb
        }
    }
}

/// The diagnostic renderer for `stream`.
pub fn renderer(stream: Stream) -> Renderer {
    if enabled(stream) {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}
