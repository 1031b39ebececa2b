//! Pages: the furniture of text that was printed before it was published.
//!
//! Text converted from a PDF (`pdftotext`) keeps each page's running header
//! and footer ("Chair Powell’s Press Conference", "FINAL", "Page 3 of 7")
//! in the middle of the speech, with a form feed where a page begins.
//! Printed hearings number their front pages ("(ii)"). These lines are
//! found before paragraphs are built, so that a header never splits or
//! joins a speaker's turn; each is dropped and reported like any other
//! boilerplate line.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::hash::FastMap as HashMap;
use crate::segment::{skip_space, trim_end};
use crate::span::Span;

/// A page number alone on its line: "Page 3 of 7", "3 of 22", "- 4 -",
/// "(ii)".
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    // A constant pattern, checked by the unit tests.
    Regex::new(concat!(
        r"^(?:(?i:page)[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?",
        r"|\d{1,4}[ \t]+of[ \t]+\d{1,4}",
        r"|-[ \t]*\d{1,4}[ \t]*-",
        r"|\([ivxlc]{1,7}\))$",
    ))
    .expect("page-number pattern is valid")
});

/// Longest line (in bytes) that can be a running header or a page number.
const HEADER_LINE: usize = 80;

/// Lines at the top of a page that are counted as header candidates.
const HEADER_ZONE: usize = 4;

/// A line with text, and the page it is on.
struct PageLine {
    span: Span,
    page: usize,
}

/// A page number alone on its line: "Page 3 of 7", "3 of 22", "(ii)".
pub(crate) fn is_page_number(line: &str) -> bool {
    line.len() <= PAGE_NUMBER_LINE && PAGE_NUMBER.is_match(line)
}

/// Longest line (in bytes) that can be a page number alone.
const PAGE_NUMBER_LINE: usize = 24;

/// The running headers and footers of text converted from a PDF, in text
/// order: nothing for text without form feeds.
pub(crate) fn running_headers(text: &str) -> Vec<Span> {
    if !text.contains('\u{c}') {
        return Vec::new();
    }
    let lines = page_lines(text);
    let pages = lines.last().map_or(0, |line| line.page + 1);
    let headers = header_texts(text, &lines, pages);
    if headers.is_empty() {
        return Vec::new();
    }
    let is_furniture = |line: &PageLine| {
        let words = line.span.slice(text);
        line.span.len() <= HEADER_LINE && (headers.contains_key(words) || is_page_number(words))
    };
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let page = lines.get(index).map_or(0, |line| line.page);
        let end = lines
            .iter()
            .skip(index)
            .position(|line| line.page != page)
            .map_or(lines.len(), |offset| index + offset);
        let page_lines = lines.get(index..end).unwrap_or(&[]);
        // From the top of the page down, and from its foot up, while the
        // lines are furniture.
        let top = page_lines
            .iter()
            .take_while(|line| is_furniture(line))
            .count();
        let foot = page_lines
            .iter()
            .skip(top)
            .rev()
            .take_while(|line| is_furniture(line))
            .count();
        for (position, line) in page_lines.iter().enumerate() {
            let at_edge = position < top || position + foot >= page_lines.len();
            if at_edge && headers.contains_key(line.span.slice(text)) {
                found.push(line.span);
            }
        }
        index = end;
    }
    found
}

/// The lines with text, each with its page: a form feed starts a page.
fn page_lines(text: &str) -> Vec<PageLine> {
    let mut lines = Vec::new();
    let mut page = 0;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let end = start + raw.len();
        if raw.contains('\u{c}') && !lines.is_empty() {
            page += 1;
        }
        let content_start = skip_space(text, start, end);
        let content_end = trim_end(text, content_start, end);
        if content_start < content_end {
            lines.push(PageLine {
                span: Span::new(content_start, content_end),
                page,
            });
        }
        start = end;
    }
    lines
}

/// Short lines found near the top of at least half the pages after the
/// first (and of two at least): the running headers of a printed text.
fn header_texts<'t>(text: &'t str, lines: &[PageLine], pages: usize) -> HashMap<&'t str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    if pages < 3 {
        return counts;
    }
    let mut page = 0;
    let mut seen_on_page = 0;
    let mut seen: Vec<&str> = Vec::with_capacity(HEADER_ZONE);
    for line in lines {
        if line.page != page {
            page = line.page;
            seen_on_page = 0;
            seen.clear();
        }
        if page == 0 || seen_on_page >= HEADER_ZONE {
            continue;
        }
        seen_on_page += 1;
        let words = line.span.slice(text);
        if line.span.len() <= HEADER_LINE && !seen.contains(&words) {
            seen.push(words);
            *counts.entry(words).or_default() += 1;
        }
    }
    let needed = ((pages - 1) / 2).max(2);
    counts.retain(|_, count| *count >= needed);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<&str> {
        running_headers(text)
            .into_iter()
            .map(|span| span.slice(text))
            .collect()
    }

    #[test]
    fn page_numbers_alone_on_their_line() {
        for line in ["Page 3 of 7", "page 12", "3 of 22", "- 4 -", "(ii)"] {
            assert!(is_page_number(line), "{line:?}");
        }
        for line in ["3 of the 22 banks", "(Laughter.)", "Page one", "(i.e.)"] {
            assert!(!is_page_number(line), "{line:?}");
        }
    }

    #[test]
    fn running_headers_of_converted_pdf_pages() {
        let page = |n: usize, body: &str| {
            format!("June 22, 2011\n\nPress Conference\n\nFINAL\n\n{body}\n{n} of 4\n\n\u{c}")
        };
        let text = format!(
            "{}{}{}{}",
            page(
                1,
                "CHAIRMAN BERNANKE. Good afternoon.\nJune 22, 2011 was a long day."
            ),
            page(2, "MARTIN CRUTSINGER. Thank you."),
            page(3, "CHAIRMAN BERNANKE. FINAL answers come later."),
            page(4, "CHAIRMAN BERNANKE. Thank you.")
        );
        let got = dropped(&text);
        assert_eq!(got.len(), 12, "{got:?}");
        assert!(got.iter().all(|line| !line.contains('.')));
        assert!(is_page_number("3 of 4"));
    }

    #[test]
    fn text_without_pages_keeps_its_lines() {
        let text = "FINAL\n\nWhy now?\n\nFINAL\n\nBecause.\n\nFINAL";
        assert!(dropped(text).is_empty());
    }
}
