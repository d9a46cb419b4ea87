//! Characters that change what text looks like without being seen: control characters
//! (a terminal runs `ESC [ 2 K` as "erase the line"; a newline starts a line that can
//! pass for a compiler's error), bidirectional overrides (which reorder what follows),
//! and zero-width characters (two ids that look the same). Ids may not hold them, and
//! text printed to a terminal shows them escaped.

use std::borrow::Cow;

/// Whether `c` is invisible or changes how the text around it is shown: a control
/// character (C0, DEL, C1), a bidirectional mark, override or isolate, a zero-width
/// character or joiner, a line or paragraph separator, or a byte-order mark.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The first hidden character of `text` and its char index, if any.
pub fn first_hidden(text: &str) -> Option<(usize, char)> {
    // Most text is printable ASCII: decide that without decoding.
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return None;
    }
    text.chars().enumerate().find(|&(_, c)| is_hidden(c))
}

/// `text` with every hidden character written as an escape (`\n`, `\t`, `\u{1b}`,
/// `\u{202e}`), for one line of terminal output; borrowed when there is none.
///
/// ```
/// use okr_core::safe_text::for_terminal;
/// assert_eq!(for_terminal("Grow ARR"), "Grow ARR");
/// assert_eq!(for_terminal("a\u{1b}[2Kb\nc"), "a\\u{1b}[2Kb\\nc");
/// ```
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if first_hidden(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_and_escaped() {
        assert_eq!(first_hidden("plain-id_42"), None);
        assert_eq!(first_hidden("café"), None);
        assert_eq!(first_hidden("o\u{200B}1"), Some((1, '\u{200B}')));
        assert_eq!(first_hidden("abc\u{202E}def"), Some((3, '\u{202E}')));
        assert_eq!(first_hidden("x\0"), Some((1, '\0')));
        assert_eq!(for_terminal("\u{202E}evil"), "\\u{202e}evil");
        assert_eq!(for_terminal("tab\there"), "tab\\there");
    }
}
