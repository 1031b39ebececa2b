//! Lines into paragraphs, and the shape of each paragraph.
//!
//! A paragraph ends at a blank line, at a dropped boilerplate line, before a
//! line that opens a speaker label or a Markdown block, and — where lines
//! are not hard-wrapped — after a line that ends a sentence or is itself
//! long (web text often puts each paragraph on one line with no blank line
//! between). Hard-wrapped text (lines of about the same width) keeps its
//! lines together until a short line ends a sentence. Each paragraph then
//! gets its shape: its label, its spoken body, and the flags the layout
//! stage decides roles from.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use once_cell::sync::Lazy;
use regex::Regex;

use super::boilerplate::{Boilerplate, DropReason, LineKind};
use super::label::{self, Label};
use super::pages;
use crate::lexicon::PARAGRAPH_CUES;
use crate::segment::{is_space, skip_space, trim_end};
use crate::span::Span;

/// A line longer than this (in chars) is a whole web paragraph, never a
/// hard-wrapped line.
const LONG_LINE: usize = 100;

/// Longest line (in chars) that can be a heading run into the paragraph
/// below it.
const HEADING_LINE: usize = 80;

/// Most lines a front matter block may have before its closing fence.
const FRONT_MATTER_LINES: usize = 200;

/// Fewest words of a paragraph that reads as prose rather than as a link
/// title ("G20 final meeting") or a date line.
const PROSE_WORDS: usize = 6;

/// A line of the input with text on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line without surrounding white space.
    pub(crate) span: Span,
    /// A blank or dropped line comes before it.
    pub(crate) after_break: bool,
    /// A blank line comes right before it.
    pub(crate) after_blank: bool,
    /// The line is a tail heading ("Sources").
    pub(crate) tail_heading: bool,
    /// Columns of white space before the text (a tab counts four).
    pub(crate) indent: usize,
}

/// A paragraph and its shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// From the first character to the last, label and markup included.
    pub(crate) span: Span,
    /// The lines it is made of (indexes into the line list).
    pub(crate) lines: std::ops::Range<usize>,
    /// The label, when the paragraph opens with a label shape (offsets
    /// relative to `span.start`). The body leaves it out until the layout
    /// stage decides it is not a speaker and calls [`Paragraph::unlabel`].
    pub(crate) label: Option<Label>,
    /// The spoken text: after label, timestamp and Markdown markers.
    pub(crate) body: Span,
    pub(crate) shape: Shape,
    /// The paragraph was cut from the one before it only because its first
    /// line opens like a speaker label; if the label is not taken for a
    /// speaker, the two are one paragraph ([`rejoin`]).
    pub(crate) cut_at_label: bool,
}

/// How a whole paragraph is set apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Emphasis {
    /// `**…**` or `__…__`.
    Bold,
    /// `*…*` or `_…_`.
    Italic,
    /// Eight letters or more, none lower case.
    Capitals,
}

/// What a paragraph looks like, read from its body.
// Independent observations of one paragraph, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Ends with a question mark (before closing quotes and markup).
    pub(crate) question_mark: bool,
    /// How the whole paragraph is emphasised, if it is.
    pub(crate) emphasis: Option<Emphasis>,
    /// A Markdown heading (`## …`).
    pub(crate) markdown_heading: bool,
    /// A short line that looks like a heading: no sentence punctuation.
    pub(crate) heading_like: bool,
    /// An image or a caption/credit line.
    pub(crate) caption: bool,
    /// Only a stage note: `(Laughter.)`, `[Recess.]`; or a rule across
    /// the page (`-----`, `* * *`).
    pub(crate) stage_note: bool,
    /// Only a time of day or a timestamp: `2:14 p.m. EDT`.
    pub(crate) time_line: bool,
    /// Opens with a request ("Tell us about …").
    pub(crate) request: bool,
    /// A heading that opens the page's tail ("Sources").
    pub(crate) tail_heading: bool,
    /// Short and without sentence punctuation: a fragment such as a
    /// related headline or a tag list when it trails the interview.
    pub(crate) fragment: bool,
    /// A sentence of some length with its closing punctuation: speech or
    /// prose, never a link title or a tag.
    pub(crate) prose: bool,
    /// Ends with sentence punctuation (before closing quotes and markup).
    pub(crate) terminal: bool,
    /// Ends with a full stop (before closing quotes and markup).
    pub(crate) full_stop: bool,
    /// Words in the body.
    pub(crate) words: usize,
    /// A question mark before the end ("Why? Because we…").
    pub(crate) asks_inside: bool,
    /// Opens as replies do: "Yes,", "Well,", "I think".
    pub(crate) reply: bool,
    /// Words that speak to someone ("you", "your") minus words that speak
    /// of oneself ("I", "my", "we"): above zero, the paragraph addresses
    /// the other party.
    pub(crate) addressee: i32,
}

/// Reads the lines of `text`, dropping boilerplate lines into `dropped`.
pub(crate) fn lines(
    text: &str,
    boilerplate: &Boilerplate,
    dropped: &mut Vec<(Span, DropReason)>,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut after_break = true;
    let mut after_blank = false;
    let mut start = 0;
    let bytes = text.as_bytes();
    let front_matter_end = front_matter_end(text);
    let mut headers = pages::running_headers(text).into_iter().peekable();
    while start <= text.len() {
        let (end, next) = line_end(bytes, start);
        let content_start = skip_space(text, start, end);
        let content_end = trim_end(text, content_start, end);
        if content_start < content_end {
            let span = Span::new(content_start, content_end);
            let indent = text
                .get(start..content_start)
                .unwrap_or("")
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            while headers.next_if(|line| line.start < span.start).is_some() {}
            let kind = if span.start < front_matter_end {
                LineKind::Drop(DropReason::FrontMatter)
            } else if headers.next_if(|line| *line == span).is_some() {
                LineKind::Drop(DropReason::RunningHeader)
            } else if pages::is_page_number(span.slice(text)) {
                LineKind::Drop(DropReason::PageNumber)
            } else {
                boilerplate.classify(span.slice(text))
            };
            match kind {
                LineKind::Text => {
                    lines.push(Line {
                        span,
                        after_break,
                        after_blank,
                        tail_heading: false,
                        indent,
                    });
                    after_break = false;
                }
                LineKind::TailHeading => {
                    lines.push(Line {
                        span,
                        after_break: true,
                        after_blank,
                        tail_heading: true,
                        indent,
                    });
                    after_break = true;
                }
                LineKind::Drop(reason) => {
                    dropped.push((span, reason));
                    after_break = true;
                }
            }
            after_blank = false;
        } else {
            after_break = true;
            after_blank = true;
        }
        if next > text.len() {
            break;
        }
        start = next;
    }
    lines
}

/// End of the YAML (`---`) or TOML (`+++`) front matter that opens a
/// Markdown file, or 0 when there is none: the opening fence must be the
/// first line with text, its first field a `key:` or `key =` line, and the
/// closing fence (`---` or `...` for YAML) must come within
/// [`FRONT_MATTER_LINES`] lines.
fn front_matter_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut fence = None;
    let mut fields = 0;
    for _ in 0..FRONT_MATTER_LINES {
        if start > text.len() {
            break;
        }
        let (end, next) = line_end(bytes, start);
        let line = text.get(start..end).unwrap_or("").trim_matches(is_space);
        match fence {
            None if line.is_empty() => {}
            None if line == "---" || line == "+++" => fence = Some(line),
            None => return 0,
            Some(open) if line == open || (open == "---" && line == "...") => {
                return if fields > 0 { end } else { 0 };
            }
            Some(_) => {
                let key = line.split([':', '=']).next().unwrap_or("").trim();
                let is_field = !key.is_empty()
                    && key.len() < line.len()
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
                if fields == 0 && !is_field {
                    return 0;
                }
                fields += usize::from(is_field);
            }
        }
        start = next;
    }
    0
}

/// End of the line starting at `start` and the start of the next one:
/// `\n`, `\r\n`, lone `\r`, U+2028 and U+2029 end a line.
fn line_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'\n' => return (i, i + 1),
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                return (i, next);
            }
            // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
            0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => {
                return (i, i + 3);
            }
            _ => i += 1,
        }
    }
    (bytes.len(), bytes.len() + 1)
}

/// Groups lines into paragraphs and reads each one's shape.
pub(crate) fn paragraphs(text: &str, lines: &[Line]) -> Vec<Paragraph> {
    // Where paragraphs are set off by blank lines, a single line break
    // inside a block is soft ("Aboard Air Force One" / "En Route to …");
    // where they are not, every line is its own paragraph.
    let blank_separated = lines.iter().filter(|line| line.after_blank).count() >= 2;
    let indented = first_line_indents(text, lines);
    let mut out = Vec::new();
    let mut segment_start = 0;
    while segment_start < lines.len() {
        let segment_end = lines
            .iter()
            .enumerate()
            .skip(segment_start + 1)
            .find(|(_, line)| line.after_break)
            .map_or(lines.len(), |(index, _)| index);
        let layout = SegmentLayout {
            blank_separated,
            indented,
        };
        split_segment(text, lines, segment_start..segment_end, layout, &mut out);
        segment_start = segment_end;
    }
    out
}

/// How the document as a whole sets its paragraphs apart.
#[derive(Clone, Copy, Debug)]
struct SegmentLayout {
    /// Blank lines separate paragraphs.
    blank_separated: bool,
    /// Paragraphs open with an indented first line and go on at the margin,
    /// as printed hearings and typed transcripts are set.
    indented: bool,
}

/// Shortest and longest first-line indent, in columns; deeper lines are
/// centred headings and addresses, not paragraph openings.
const PARAGRAPH_INDENT: std::ops::RangeInclusive<usize> = 2..=8;

/// The text sets paragraphs with first-line indents: at least three times
/// an indented line (not a table-of-contents line) goes on at the margin.
fn first_line_indents(text: &str, lines: &[Line]) -> bool {
    lines
        .windows(2)
        .filter(|pair| match pair {
            [line, next] => {
                !next.after_break
                    && next.indent == 0
                    && PARAGRAPH_INDENT.contains(&line.indent)
                    && !has_dot_leader(line.span.slice(text))
            }
            _ => false,
        })
        .nth(2)
        .is_some()
}

/// A table-of-contents line: a run of leader dots before a page number.
fn has_dot_leader(line: &str) -> bool {
    line.contains(".....")
}

/// Splits a run of lines with no blank line between them into paragraphs.
fn split_segment(
    text: &str,
    lines: &[Line],
    segment: std::ops::Range<usize>,
    layout: SegmentLayout,
    out: &mut Vec<Paragraph>,
) {
    let Some(segment_lines) = lines.get(segment.clone()) else {
        return;
    };
    let widths: Vec<usize> = segment_lines
        .iter()
        .map(|line| line.span.slice(text).chars().count())
        .collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let wrapped = is_hard_wrapped(&widths, widest);
    let mut first = segment.start;
    // Whether the paragraph being read was cut at a label shape alone, and
    // whether the break after the current line is.
    let mut cut_before = false;
    let mut cut_at_label = false;
    for index in segment.clone() {
        let is_last = index + 1 == segment.end;
        let breaks_here = is_last || {
            let line = lines.get(index).map_or("", |line| line.span.slice(text));
            let next = lines
                .get(index + 1)
                .map_or("", |line| line.span.slice(text));
            let width = widths.get(index - segment.start).copied().unwrap_or(0);
            let label_only = label::read(line).is_some_and(|l| l.body_start >= line.len());
            let indents_next = layout.indented
                && match (lines.get(index), lines.get(index + 1)) {
                    (Some(current), Some(following)) => {
                        // A table of contents wraps its entries with an
                        // indent too; its dot leaders come a line or two on.
                        let toc = (index + 1..index + 4)
                            .filter_map(|i| lines.get(i))
                            .any(|l| has_dot_leader(l.span.slice(text)));
                        PARAGRAPH_INDENT.contains(&following.indent)
                            && !toc
                            && (following.indent != current.indent || ends_sentence(line))
                    }
                    _ => false,
                };
            let next_width = widths.get(index + 1 - segment.start).copied().unwrap_or(0);
            // A headline run straight into its standfirst or first
            // paragraph: a short line without sentence punctuation, then a
            // whole web paragraph.
            let heading_above_prose = !wrapped
                && next_width > LONG_LINE
                && width <= HEADING_LINE
                && !ends_sentence(line)
                && !line.ends_with([':', ',', ';'])
                && line.chars().next().is_some_and(char::is_uppercase);
            // Where paragraphs open with an indent, a label shape at the
            // margin is a wrapped line ("…to hear from\nChairman
            // Greenspan. His expertise…"), not a new speaker.
            let at_margin = layout.indented && lines.get(index + 1).is_some_and(|l| l.indent == 0);
            let next_label = label::read(next).is_some();
            let other_reason = is_rule(line)
                || indents_next
                || heading_above_prose
                || ends_sentence(line) && !(wrapped && width * 4 >= widest * 3)
                || !wrapped && (width > LONG_LINE || !layout.blank_separated);
            let label_reason = opens_block(next) && !(at_margin && next_label);
            cut_at_label = label_reason && next_label && !other_reason && !is_last;
            !label_only && (label_reason || other_reason)
        };
        if breaks_here {
            if let Some(mut paragraph) = read_paragraph(text, lines, first..index + 1) {
                paragraph.cut_at_label = cut_before;
                out.push(paragraph);
            }
            first = index + 1;
            cut_before = cut_at_label;
        }
    }
}

/// Lines of about one width, as a text wrapped at a fixed column.
fn is_hard_wrapped(widths: &[usize], widest: usize) -> bool {
    let Some((_, body)) = widths.split_last() else {
        return false;
    };
    if widths.len() < 3 || !(40..=LONG_LINE).contains(&widest) {
        return false;
    }
    let full = body
        .iter()
        .filter(|&&width| width * 10 >= widest * 7)
        .count();
    full * 10 >= body.len() * 6
}

/// A line that must start a paragraph: a speaker label, a rule, a Markdown
/// heading, image, quote or list item.
fn opens_block(line: &str) -> bool {
    label::read(line).is_some()
        || is_rule(line)
        || line.starts_with('#')
        || line.starts_with("![")
        || line.starts_with("> ")
        || line.starts_with(['•', '◦', '▪'])
        || line.starts_with("- ")
        || line.starts_with("* ")
}

/// A line drawn across the page: `-----`, `__________`, `* * *`, `===`.
pub(crate) fn is_rule(line: &str) -> bool {
    let is_mark = |c: char| matches!(c, '-' | '_' | '=' | '*' | '·' | '•' | '~' | '—' | '–');
    line.len() <= RULE_LINE
        && line.starts_with(is_mark)
        && line.chars().all(|c| c.is_whitespace() || is_mark(c))
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

/// Longest line (in bytes) read as a rule.
const RULE_LINE: usize = 240;

/// Ends with sentence punctuation, before closing quotes and markup.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(is_closing_mark)
        .ends_with(['.', '?', '!', '…'])
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_') || is_space(c)
}

fn read_paragraph(text: &str, lines: &[Line], range: std::ops::Range<usize>) -> Option<Paragraph> {
    let first = lines.get(range.start)?;
    let last = lines.get(range.end.checked_sub(1)?)?;
    let span = Span::new(first.span.start, last.span.end);
    let mut paragraph = Paragraph {
        span,
        lines: range,
        label: label::read(span.slice(text)),
        body: span,
        shape: Shape::default(),
        cut_at_label: false,
    };
    paragraph.read_body(text, first.tail_heading);
    Some(paragraph)
}

/// Joins back each paragraph that was cut at a label shape which is not a
/// speaker here (`keep(index)` is false): "Internet: bookstore.gpo.gov" or
/// "Appendix:" inside a block is text, not a turn.
pub(crate) fn rejoin(
    text: &str,
    lines: &[Line],
    paragraphs: Vec<Paragraph>,
    keep: impl Fn(usize) -> bool,
) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for (index, paragraph) in paragraphs.into_iter().enumerate() {
        if paragraph.cut_at_label
            && !keep(index)
            && let Some(previous) = out.pop()
        {
            let cut = previous.cut_at_label;
            if let Some(mut joined) =
                read_paragraph(text, lines, previous.lines.start..paragraph.lines.end)
            {
                joined.cut_at_label = cut;
                out.push(joined);
            } else {
                out.push(previous);
                out.push(paragraph);
            }
            continue;
        }
        out.push(paragraph);
    }
    out
}

impl Paragraph {
    /// The label's name as a span of the text.
    pub(crate) fn label_span(&self) -> Option<Span> {
        self.label.map(|label| {
            Span::new(
                self.span.start + label.name_start,
                self.span.start + label.name_end,
            )
        })
    }

    /// Forgets the label (it is not a speaker here) and rereads the body.
    pub(crate) fn unlabel(&mut self, text: &str) {
        if self.label.take().is_some() {
            self.read_body(text, self.shape.tail_heading);
        }
    }

    fn read_body(&mut self, text: &str, tail_heading: bool) {
        let (body, emphasis, markdown_heading) = body_of(text, self.span, self.label);
        let mut shape = shape_of(body.slice(text));
        shape.emphasis = emphasis.or(shape.emphasis);
        shape.markdown_heading = markdown_heading;
        shape.tail_heading = tail_heading;
        shape.caption |= self.span.slice(text).starts_with("![");
        self.body = body;
        self.shape = shape;
    }
}

/// The spoken body of a paragraph: after its label or leading timestamp,
/// without Markdown heading marks and without paired emphasis around the
/// whole paragraph. Also says which emphasis and whether heading marks were
/// there.
fn body_of(text: &str, span: Span, label: Option<Label>) -> (Span, Option<Emphasis>, bool) {
    let raw = span.slice(text);
    let mut start = match label {
        Some(label) => label.body_start,
        None => label::leading_timestamp(raw),
    };
    let mut end = raw.len();
    let mut markdown_heading = false;
    if label.is_none() {
        let rest = raw.get(start..).unwrap_or("");
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && rest.get(hashes..).is_some_and(|r| r.starts_with(' ')) {
            start += hashes + 1;
            markdown_heading = true;
        } else if rest.starts_with("> ") {
            start += 2;
        }
    }
    let mut emphasis = None;
    for (marker, kind) in [
        ("**", Emphasis::Bold),
        ("__", Emphasis::Bold),
        ("*", Emphasis::Italic),
        ("_", Emphasis::Italic),
    ] {
        // Emphasis opens on a word: "__________" is a rule, not markup.
        let opens_word = |r: &str| {
            r.strip_prefix(marker)
                .and_then(|word| word.chars().next())
                .is_some_and(|c| !c.is_whitespace() && c != '*' && c != '_')
        };
        let opened = raw.get(start..).is_some_and(opens_word) || label.is_some() && opens_word(raw);
        let closed = raw.get(..end).is_some_and(|r| r.ends_with(marker));
        if opened && closed && end >= start + 2 * marker.len() {
            if raw.get(start..).is_some_and(|r| r.starts_with(marker)) {
                start += marker.len();
            }
            end -= marker.len();
            emphasis = Some(kind);
            break;
        }
    }
    let body_start = skip_space(text, span.start + start, span.start + end);
    let body_end = trim_end(text, body_start, span.start + end);
    (Span::new(body_start, body_end), emphasis, markdown_heading)
}

static PARAGRAPH_CUE_MATCHERS: Lazy<ParagraphCues> = Lazy::new(ParagraphCues::new);

/// Caption cues and request openings, compiled once.
struct ParagraphCues {
    captions: AhoCorasick,
    requests: AhoCorasick,
    replies: AhoCorasick,
}

impl ParagraphCues {
    #[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
    fn new() -> ParagraphCues {
        let mut captions = Vec::new();
        let mut requests = Vec::new();
        let mut replies = Vec::new();
        // The cue lists are constant data; a unit test builds them, so the
        // `expect`s below cannot fire for any input.
        let entries = PARAGRAPH_CUES
            .checked_entries(&["caption", "request_opener", "reply_opener"])
            .expect("paragraph cue lexicon has known sections");
        for entry in entries {
            match entry.section {
                "caption" => captions.push(entry.text),
                "request_opener" => requests.push(entry.text),
                _ => replies.push(entry.text),
            }
        }
        ParagraphCues {
            // Credits are matched as written: "Photo:" but not "photo:".
            captions: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .build(&captions)
                .expect("caption cues compile"),
            requests: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&requests)
                .expect("request openers compile"),
            replies: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&replies)
                .expect("reply openers compile"),
        }
    }
}

/// A paragraph that is only a time of day or a timestamp.
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static TIME_LINE: Lazy<Regex> = Lazy::new(|| {
    // Constant pattern, checked by the unit tests.
    Regex::new(concat!(
        r"^(?:\d{1,2}[:.]\d{2}[ \t]*(?:[AaPp]\.?[ \t]?[Mm]\.?)?[ \t]*(?:[A-Z]{2,5})?",
        r"|[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?)$",
    ))
    .expect("time-line pattern is valid")
});

/// A caption's closing credit, agency and photographer: "… NASA / Josh
/// Valcarcel", "… AP/Jane Doe".
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static PHOTO_CREDIT: Lazy<Regex> = Lazy::new(|| {
    // Constant pattern, checked by the unit tests.
    Regex::new(r"[.!?”]\s+\p{Lu}[\p{L}&.]*(?:\s\p{Lu}[\p{L}&.]*){0,3}\s?/\s?\p{Lu}[\p{L}'’.\-]+(?:\s\p{Lu}[\p{L}'’.\-]+){0,3}$")
        .expect("photo-credit pattern is valid")
});

/// Reads the shape flags that depend only on the body text.
fn shape_of(body: &str) -> Shape {
    let cues = &*PARAGRAPH_CUE_MATCHERS;
    let stripped = body.trim_end_matches(is_closing_mark);
    let terminal = stripped.ends_with(['.', '?', '!', '…']);
    let counts = WordCounts::of(body);
    let (words, letters) = (counts.words, counts.letters);
    let first = body.chars().next();
    let capitals = letters >= 8 && !body.chars().any(char::is_lowercase);
    Shape {
        question_mark: stripped.ends_with('?'),
        emphasis: capitals.then_some(Emphasis::Capitals),
        markdown_heading: false,
        heading_like: !terminal
            && !body.ends_with([':', ',', ';', '–', '—', '-'])
            && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && (body.len() <= 80 && (1..=10).contains(&words) || capitals && body.len() <= 200),
        caption: body.len() <= 400
            && (cues.captions.is_match(body) || body.contains('/') && PHOTO_CREDIT.is_match(body)),
        stage_note: is_stage_note(body) || is_rule(body),
        time_line: TIME_LINE.is_match(body),
        request: body.len() <= 300
            && cues
                .requests
                .find(Input::new(body).anchored(Anchored::Yes))
                .is_some_and(|m| {
                    body.get(m.end()..)
                        .is_some_and(|r| r.starts_with([' ', ',']))
                })
            && !body.contains('?'),
        tail_heading: false,
        fragment: body.len() <= 100 && !terminal,
        prose: terminal && words >= PROSE_WORDS,
        terminal,
        full_stop: stripped.ends_with('.'),
        words,
        asks_inside: stripped.trim_end_matches('?').contains('?'),
        reply: cues
            .replies
            .find(Input::new(body).anchored(Anchored::Yes))
            .is_some_and(|m| {
                body.get(m.end()..)
                    .is_none_or(|r| !r.starts_with(char::is_alphanumeric))
            }),
        addressee: counts.addressee,
    }
}

/// What one pass over a paragraph's words counts.
struct WordCounts {
    words: usize,
    letters: usize,
    /// Second-person words ("you", "your") minus first-person words ("I",
    /// "my", "we").
    addressee: i32,
}

impl WordCounts {
    fn of(body: &str) -> WordCounts {
        const SECOND: &[&str] = &[
            "you", "your", "yours", "yourself", "you're", "you've", "you’re", "you’ve",
        ];
        const FIRST: &[&str] = &[
            "i", "my", "me", "mine", "myself", "we", "our", "us", "i'm", "i've", "i’m", "i’ve",
        ];
        let is = |word: &str, list: &[&str]| {
            list.iter().any(|entry| {
                entry.len() == word.len()
                    && entry
                        .bytes()
                        .zip(word.bytes())
                        .all(|(a, b)| a == b.to_ascii_lowercase())
            })
        };
        let mut counts = WordCounts {
            words: 0,
            letters: 0,
            addressee: 0,
        };
        for token in body.split_whitespace() {
            counts.words += 1;
            counts.letters += token.chars().filter(|c| c.is_alphabetic()).count();
            let word =
                token.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
            if (1..=10).contains(&word.len()) {
                if is(word, SECOND) {
                    counts.addressee += 1;
                } else if is(word, FIRST) {
                    counts.addressee -= 1;
                }
            }
        }
        counts
    }
}

/// A paragraph that is only a bracketed note: `(Laughter.)`, `[Recess.]`,
/// `(The briefing was concluded at 3:02 p.m.)`; or a short one that opens
/// with a note in capitals: `[GRAPHIC] [TIFF OMITTED] T3242.001`.
fn is_stage_note(body: &str) -> bool {
    is_bracketed_note(body) || opens_with_capital_note(body)
}

/// `[GRAPHIC] …`, `(APPLAUSE) …`: a short line that opens with a word in
/// capitals in brackets, as printers mark what is not text.
fn opens_with_capital_note(body: &str) -> bool {
    let Some(rest) = body.strip_prefix(['[', '(']) else {
        return false;
    };
    let note = rest.split([']', ')']).next().unwrap_or("");
    body.len() <= 60
        && note.len() < rest.len()
        && note.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !note.chars().any(char::is_lowercase)
}

fn is_bracketed_note(body: &str) -> bool {
    let inner = body.strip_suffix('.').unwrap_or(body);
    let (open, close) = match inner.chars().next() {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return false,
    };
    inner.len() <= 150
        && inner.ends_with(close)
        && inner.find(close) == Some(inner.len() - 1)
        && inner.matches(open).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph_texts(text: &str) -> Vec<String> {
        let boilerplate = Boilerplate::new(&[]).unwrap();
        let mut dropped = Vec::new();
        let lines = lines(text, &boilerplate, &mut dropped);
        paragraphs(text, &lines)
            .iter()
            .map(|p| p.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn blank_lines_and_line_endings() {
        let text = "Title\r\n\r\nFirst para.\rSecond para.\n\n\nThird.";
        assert_eq!(
            paragraph_texts(text),
            ["Title", "First para.", "Second para.", "Third."]
        );
    }

    #[test]
    fn short_lines_without_punctuation_stay_together() {
        let text = "Press Gaggle\n\nAboard Air Force One\nEn Route to Pittsburgh, Pennsylvania\n\n11:42 A.M. EDT";
        assert_eq!(
            paragraph_texts(text),
            [
                "Press Gaggle",
                "Aboard Air Force One\nEn Route to Pittsburgh, Pennsylvania",
                "11:42 A.M. EDT"
            ]
        );
        // Without blank lines anywhere, each line is a paragraph.
        let text = "Talks end without a deal\nWhy did Lavrov come?\nFor the treaty.";
        assert_eq!(paragraph_texts(text).len(), 3);
    }

    #[test]
    fn hard_wrapped_lines_join_until_a_short_line_ends_a_sentence() {
        let text = "This answer was wrapped at a fixed column by the tool that\n\
                    exported it, so its lines are all about the same width. It\n\
                    goes on for a while.\n\
                    A new paragraph starts after the short line above and it is\n\
                    also wrapped.";
        let paragraphs = paragraph_texts(text);
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(paragraphs[0].ends_with("goes on for a while."));
    }

    #[test]
    fn one_paragraph_per_long_line_and_labels_split() {
        let long = "word ".repeat(30);
        let text = format!("{long}\n{long}\nQ: Why?\nA: Because.");
        assert_eq!(paragraph_texts(&text).len(), 4);
    }

    #[test]
    fn label_on_its_own_line_keeps_its_text() {
        let text = "Maya Fischer: (00:00)\nWelcome back to the show.";
        assert_eq!(paragraph_texts(text).len(), 1);
    }

    #[test]
    fn cue_lexicon_compiles() {
        assert!(PARAGRAPH_CUE_MATCHERS.captions.patterns_len() > 10);
        assert!(PARAGRAPH_CUE_MATCHERS.requests.patterns_len() > 10);
    }

    #[test]
    fn shapes() {
        assert!(shape_of("(Laughter.)").stage_note);
        assert!(shape_of("[Recess.]").stage_note);
        assert!(shape_of("(The briefing was concluded at 3:02 p.m.)").stage_note);
        assert!(!shape_of("(Laughter.) And then we left (again).").stage_note);
        assert!(shape_of("2:14 p.m. EDT").time_line);
        assert!(shape_of("11:42 A.M. EDT").time_line);
        assert!(shape_of("[00:12:04]").time_line);
        assert!(!shape_of("2:14 p.m. is when it starts.").time_line);
        assert!(shape_of("Solar farm near Seville. Photo: Ana Ruiz").caption);
        assert!(shape_of("Tell us about the Leipzig plant.").request);
        assert!(!shape_of("Telling us was a mistake.").request);
        assert!(shape_of("Funding and politics").heading_like);
        assert!(!shape_of("Funding and politics.").heading_like);
        assert_eq!(
            shape_of("WHAT DO YOU MAKE OF THE DEAL?").emphasis,
            Some(Emphasis::Capitals)
        );
        assert!(shape_of("Why now?”").question_mark);
    }

    #[test]
    fn bodies_drop_labels_markup_and_timestamps() {
        let bold = Some(Emphasis::Bold);
        let cases = [
            (
                "**Why has the price stayed flat?**",
                "Why has the price stayed flat?",
                bold,
            ),
            ("## The border tax", "The border tax", None),
            (
                "*An italic standfirst.*",
                "An italic standfirst.",
                Some(Emphasis::Italic),
            ),
            (
                "[00:14:40] And a second point.",
                "And a second point.",
                None,
            ),
            ("**Q: Why?**", "Why?", bold),
            ("MR. HALLORAN:  Good afternoon.", "Good afternoon.", None),
        ];
        for (raw, body, emphasised) in cases {
            let span = Span::new(0, raw.len());
            let (got, got_emphasis, _) = body_of(raw, span, label::read(raw));
            assert_eq!(got.slice(raw), body, "{raw:?}");
            assert_eq!(got_emphasis, emphasised, "{raw:?}");
        }
    }
}
