//! HTML escaping and the small pieces of markup every part of the report
//! uses.

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped, so it is
/// safe both as element content and inside a quoted attribute value.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// `text`, escaped for element content or a quoted attribute value.
///
/// ```
/// use claimtrack::report::escape;
///
/// assert_eq!(escape("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
/// assert_eq!(escape("\"R&D\""), "&quot;R&amp;D&quot;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `<tag attributes>` + escaped `text` + `</tag>`; `attributes`
/// must already be escaped.
pub(crate) fn element(out: &mut String, tag: &str, attributes: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !attributes.is_empty() {
        out.push(' ');
        out.push_str(attributes);
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let table = [
            ("plain", "plain"),
            ("<script>", "&lt;script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
            ("Лукашенко — «да»", "Лукашенко — «да»"),
            ("&amp;", "&amp;amp;"),
        ];
        for (input, expected) in table {
            assert_eq!(escape(input), expected, "{input}");
        }
    }

    #[test]
    fn element_escapes_its_text() {
        let mut out = String::new();
        element(&mut out, "td", "class=\"x\"", "<b>");
        assert_eq!(out, "<td class=\"x\">&lt;b&gt;</td>");
    }
}
