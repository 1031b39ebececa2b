//! Sentences: split a paragraph into sentence spans.
//!
//! A single left-to-right pass over the bytes finds candidate stops (`.`,
//! `?`, `!`, `…`) and decides each from its neighbourhood: the word before it
//! (an abbreviation? an initial? a number?), the closing quotes and brackets
//! after it, and the next word (lower case? a digit? a common sentence
//! opener?). Nothing is copied and nothing is allocated per token; the only
//! look-ups are two small hash sets, consulted only at ambiguous full stops.
//! The [`document`](crate::document) stage calls this for every paragraph.

use crate::hash::{FastMap as HashMap, FastSet as HashSet};

use once_cell::sync::Lazy;

use crate::error::Error;
use crate::lexicon::{self, ABBREVIATIONS, SENTENCE_STARTERS};
use crate::span::Span;

#[cfg(test)]
mod tests;
pub(crate) mod words;

/// How an abbreviation behaves before a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbreviationKind {
    /// A title before a name ("Mr.", "Gen."): never ends a sentence.
    Title,
    /// Does not end a sentence before a number ("No. 5", "p. 12").
    BeforeNumber,
    /// A month or weekday: not before a number ("Jan. 5"), otherwise like
    /// [`AbbreviationKind::EndCapable`].
    Month,
    /// Only ever inside a sentence ("e.g.", "vs.", "approx.").
    Inner,
    /// May end a sentence ("Inc.", "etc.", "Jr."): it does when a common
    /// sentence opener follows.
    EndCapable,
}

crate::label::labels! {
    AbbreviationKind in "segment" {
        Title => "title",
        BeforeNumber => "before_number",
        Month => "month",
        Inner => "inner",
        EndCapable => "end_capable",
    }
}

const STARTER_SECTIONS: &[&str] = &[
    "pronoun",
    "determiner",
    "conjunction",
    "preposition",
    "adverb",
    "verb",
    "greeting",
];

/// Longest word (in bytes) looked up in the lexicons; longer words are
/// never abbreviations or openers, and the limit keeps look-ups on the stack.
const MAX_WORD: usize = 24;

/// The default longest sentence, in bytes: [`SegmenterBuilder::max_sentence_bytes`].
pub const DEFAULT_MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// The smallest cap [`SegmenterBuilder::max_sentence_bytes`] accepts.
const MIN_SENTENCE_CAP: usize = 64;

#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static DEFAULT_SEGMENTER: Lazy<Segmenter> = Lazy::new(|| {
    // The built-in lexicons are checked by a unit test; failing here would
    // mean the crate was built from broken data files.
    SegmenterBuilder::new()
        .build()
        .expect("built-in sentence lexicons are valid")
});

/// A sentence splitter with its abbreviation and sentence-opener lists.
///
/// Build it once and reuse it; it is `Send + Sync`.
///
/// ```
/// use claimtrack::Segmenter;
///
/// let text = "Mr. Smith met Gen. Volkov at 5 p.m. in the U.S. They talked.";
/// let sentences: Vec<&str> = Segmenter::default_ref()
///     .sentences(text)
///     .into_iter()
///     .map(|span| span.slice(text))
///     .collect();
/// assert_eq!(
///     sentences,
///     ["Mr. Smith met Gen. Volkov at 5 p.m. in the U.S.", "They talked."]
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    abbreviations: HashMap<Box<str>, AbbreviationKind>,
    starters: HashSet<Box<str>>,
    max_sentence: usize,
}

/// Builds a [`Segmenter`] from the built-in lexicons plus your own entries.
///
/// ```
/// use claimtrack::{AbbreviationKind, SegmenterBuilder};
///
/// let segmenter = SegmenterBuilder::new()
///     .abbreviation("Cllr", AbbreviationKind::Title)
///     .build()?;
/// let text = "We met Cllr. Jones. He agreed.";
/// assert_eq!(segmenter.sentences(text).len(), 2);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    abbreviations: Vec<(String, AbbreviationKind)>,
    starters: Vec<String>,
    max_sentence: usize,
}

impl Default for SegmenterBuilder {
    fn default() -> SegmenterBuilder {
        SegmenterBuilder {
            abbreviations: Vec::new(),
            starters: Vec::new(),
            max_sentence: DEFAULT_MAX_SENTENCE_BYTES,
        }
    }
}

impl SegmenterBuilder {
    /// A builder with no entries of your own yet.
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Caps a sentence at `bytes` (default [`DEFAULT_MAX_SENTENCE_BYTES`];
    /// values under 64 count as 64). A longer run of text without a stop
    /// (a transcript without punctuation, a table turned to text) is cut
    /// at the last white space before the cap, or at the last character
    /// boundary when there is none, and the pieces are sentences of their
    /// own: no text is lost, and
    /// [`Document::sentence_cuts`](crate::Document::sentence_cuts) lists
    /// where the cuts fell. The cap bounds the work any later stage does
    /// per sentence.
    ///
    /// ```
    /// use claimtrack::SegmenterBuilder;
    ///
    /// let segmenter = SegmenterBuilder::new().max_sentence_bytes(64).build()?;
    /// let text = "word ".repeat(40);
    /// let sentences = segmenter.sentences(&text);
    /// assert_eq!(sentences.len(), 4);
    /// assert!(sentences.iter().all(|s| s.len() <= 64));
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn max_sentence_bytes(&mut self, bytes: usize) -> &mut Self {
        self.max_sentence = bytes.max(MIN_SENTENCE_CAP);
        self
    }

    /// Adds an abbreviation (written without its final stop, any case).
    pub fn abbreviation(&mut self, word: &str, kind: AbbreviationKind) -> &mut Self {
        self.abbreviations.push((word.to_string(), kind));
        self
    }

    /// Adds a word that commonly opens a sentence.
    pub fn sentence_starter(&mut self, word: &str) -> &mut Self {
        self.starters.push(word.to_string());
        self
    }

    /// Compiles the built-in lists and your entries.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for an entry that is empty, longer than the
    /// longest word the splitter looks up, contains white space, or is
    /// not ASCII (the look-up folds ASCII case only).
    pub fn build(&self) -> Result<Segmenter, Error> {
        let mut abbreviations = HashMap::default();
        let sections: Vec<&str> = AbbreviationKind::ALL.iter().map(|k| k.as_str()).collect();
        for entry in ABBREVIATIONS.checked_entries(&sections)? {
            if let Ok(kind) = entry.section.parse::<AbbreviationKind>() {
                abbreviations.insert(lookup_key(ABBREVIATIONS.name, entry.text)?, kind);
            }
        }
        for (word, kind) in &self.abbreviations {
            let word = word.trim().trim_end_matches('.');
            abbreviations.insert(lookup_key("abbreviation", word)?, *kind);
        }
        let mut starters = HashSet::default();
        for entry in SENTENCE_STARTERS.checked_entries(STARTER_SECTIONS)? {
            starters.insert(lookup_key(SENTENCE_STARTERS.name, entry.text)?);
        }
        for word in &self.starters {
            starters.insert(lookup_key("sentence starter", word.trim())?);
        }
        Ok(Segmenter {
            abbreviations,
            starters,
            max_sentence: self.max_sentence,
        })
    }
}

/// Checks a lexicon word and returns its look-up key (ASCII lower case).
fn lookup_key(lexicon: &str, word: &str) -> Result<Box<str>, Error> {
    lexicon::check_user_entry(lexicon, word)?;
    if word.len() > MAX_WORD || !word.is_ascii() || word.contains(char::is_whitespace) {
        return Err(Error::Lexicon {
            lexicon: lexicon.to_string(),
            line: None,
            message: format!("{word:?} must be one ASCII word of at most {MAX_WORD} bytes"),
        });
    }
    Ok(word.to_ascii_lowercase().into_boxed_str())
}

/// What kind of stop a run of terminal punctuation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// `.` alone.
    Period,
    /// A run with `?` or `!`.
    Strong,
    /// `…` or three or more dots.
    Ellipsis,
}

/// What comes after a stop, past white space and opening quotes/brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next<'t> {
    Lower,
    Upper(&'t str),
    Digit,
    /// Another stop: a spaced ellipsis (". . .").
    Stop,
    /// A bracketed aside in lower case, then a new sentence or the end:
    /// "expected. (laughs) Ask me".
    Aside,
    Other,
}

impl Segmenter {
    /// The segmenter with the built-in lexicons, compiled once.
    pub fn default_ref() -> &'static Segmenter {
        &DEFAULT_SEGMENTER
    }

    /// The sentences of `text`, as spans into it.
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_into(text, Span::new(0, text.len()), &mut out);
        out
    }

    /// The longest sentence in bytes; longer ones are cut
    /// ([`SegmenterBuilder::max_sentence_bytes`]).
    pub fn max_sentence_bytes(&self) -> usize {
        self.max_sentence
    }

    /// Appends the sentences of `region` (a span of `text`) to `out`.
    ///
    /// Each sentence span starts at a non-space character and ends after
    /// its stop and any closing quotes or brackets; white space between
    /// sentences belongs to none. A region that does not fit `text` (out
    /// of bounds or off a char boundary) gives no sentences. A sentence
    /// longer than [`Segmenter::max_sentence_bytes`] is cut into pieces.
    pub fn split_into(&self, text: &str, region: Span, out: &mut Vec<Span>) {
        self.split_region(text, region, out, &mut Vec::new());
    }

    /// [`Segmenter::split_into`], appending to `cuts` the offset at which
    /// each over-long sentence was cut.
    pub(crate) fn split_region(
        &self,
        text: &str,
        region: Span,
        out: &mut Vec<Span>,
        cuts: &mut Vec<usize>,
    ) {
        if text.get(region.range()).is_none() {
            return;
        }
        let bytes = text.as_bytes();
        let end = region.end;
        let mut start = skip_space(text, region.start, end);
        let mut i = start;
        let mut has_letter = false;
        let mut letters_checked = start;
        while i < end {
            let Some(first_len) = stop_len(bytes, i) else {
                i += 1;
                continue;
            };
            // A run of stops ("?!", "...", "?”") is decided as one.
            let mut run_end = i + first_len;
            let mut dots = usize::from(bytes.get(i) == Some(&b'.'));
            let mut stop = match bytes.get(i) {
                Some(b'.') => Stop::Period,
                Some(b'?' | b'!') => Stop::Strong,
                _ => Stop::Ellipsis,
            };
            while let Some(len) = stop_len(bytes, run_end) {
                match bytes.get(run_end) {
                    Some(b'.') => dots += 1,
                    Some(b'?' | b'!') => stop = Stop::Strong,
                    _ if stop == Stop::Period => stop = Stop::Ellipsis,
                    _ => {}
                }
                run_end += len;
            }
            if stop == Stop::Period && dots >= 3 {
                stop = Stop::Ellipsis;
            }
            let close_end = skip_closers(text, run_end, end);
            if close_end < end && !starts_with_space(text, close_end) {
                // "3.5", "U.S.-led", "example.com", "?q=1": not a stop.
                i = run_end;
                continue;
            }
            let next = skip_space(text, close_end, end);
            if next >= end {
                break;
            }
            // A sentence needs a letter ("1." opening a list item is not
            // one); the scan resumes where it stopped, so it stays linear.
            if !has_letter {
                has_letter = text
                    .get(letters_checked..i)
                    .unwrap_or("")
                    .chars()
                    .any(char::is_alphabetic);
                letters_checked = i;
            }
            if has_letter && self.ends_sentence(text, start, i, stop, next, end) {
                self.push_capped(text, Span::new(start, close_end), out, cuts);
                start = next;
                has_letter = false;
                letters_checked = next;
            }
            i = next;
        }
        let last_end = trim_end(text, start, end);
        if start < last_end {
            self.push_capped(text, Span::new(start, last_end), out, cuts);
        }
    }

    /// Pushes `sentence`, cut into pieces of at most the cap: each piece
    /// ends at the last white space before the cap (or the last character
    /// boundary), and the next starts at its next non-space character.
    fn push_capped(&self, text: &str, sentence: Span, out: &mut Vec<Span>, cuts: &mut Vec<usize>) {
        let mut start = sentence.start;
        while sentence.end - start > self.max_sentence {
            let limit = floor_char_boundary(text, start + self.max_sentence);
            let window = text.get(start..limit).unwrap_or("");
            // Cut after the last space that leaves a piece with words.
            let cut = window
                .trim_end_matches(|c: char| !is_space(c))
                .trim_end_matches(is_space)
                .len();
            let cut = if cut == 0 { limit } else { start + cut };
            if cut <= start {
                break;
            }
            out.push(Span::new(start, cut));
            cuts.push(cut);
            start = skip_space(text, cut, sentence.end);
        }
        if start < sentence.end {
            out.push(Span::new(start, sentence.end));
        }
    }

    /// Decides whether the stop at `stop_at` ends the sentence begun at
    /// `start`, given the next non-space position `next`.
    fn ends_sentence(
        &self,
        text: &str,
        start: usize,
        stop_at: usize,
        stop: Stop,
        next: usize,
        end: usize,
    ) -> bool {
        let sentence = text.get(start..stop_at).unwrap_or("");
        let following = classify_next(text, next, end);
        match stop {
            Stop::Strong => following != Next::Lower,
            Stop::Ellipsis => matches!(following, Next::Upper(_) | Next::Aside),
            Stop::Period => self.period_ends_sentence(word_before(sentence), following),
        }
    }

    fn period_ends_sentence(&self, word: &str, following: Next<'_>) -> bool {
        let kind = self.abbreviation_kind(word);
        match following {
            Next::Lower | Next::Stop => false,
            Next::Digit => !matches!(
                kind,
                Some(
                    AbbreviationKind::Title
                        | AbbreviationKind::Inner
                        | AbbreviationKind::BeforeNumber
                        | AbbreviationKind::Month
                )
            ),
            Next::Upper(next_word) => match kind {
                None | Some(AbbreviationKind::BeforeNumber) => true,
                Some(AbbreviationKind::Title | AbbreviationKind::Inner) => false,
                Some(AbbreviationKind::Month | AbbreviationKind::EndCapable) => {
                    // "J. R. Smith": an initial before another initial.
                    !is_initial(next_word) && self.is_starter(next_word)
                }
            },
            Next::Other | Next::Aside => !matches!(
                kind,
                Some(AbbreviationKind::Title | AbbreviationKind::Inner)
            ),
        }
    }

    /// The class of `word` (the text before a full stop), from the lexicon
    /// or, for initials and dotted abbreviations, from its shape.
    fn abbreviation_kind(&self, word: &str) -> Option<AbbreviationKind> {
        let mut key = [0u8; MAX_WORD];
        if let Some(lower) = ascii_lower(word, &mut key)
            && let Some(kind) = self.abbreviations.get(lower)
        {
            return Some(*kind);
        }
        if is_single_letter(word) || is_dotted_abbreviation(word) {
            return Some(AbbreviationKind::EndCapable);
        }
        None
    }

    fn is_starter(&self, word: &str) -> bool {
        let mut key = [0u8; MAX_WORD];
        ascii_lower(word, &mut key).is_some_and(|lower| self.starters.contains(lower))
    }
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        DEFAULT_SEGMENTER.clone()
    }
}

/// Length of the stop character at `i` (`.`, `?`, `!`, `…`), if any.
fn stop_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'.' | b'?' | b'!' => Some(1),
        // U+2026 HORIZONTAL ELLIPSIS is E2 80 A6.
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some(3),
        _ => None,
    }
}

/// Closing quotes, brackets and emphasis marks that belong to the sentence
/// they follow.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

/// Opening quotes, brackets and marks skipped to reach the next word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '{' | '*' | '_' | '¿' | '¡'
    )
}

fn skip_closers(text: &str, from: usize, end: usize) -> usize {
    let rest = text.get(from..end).unwrap_or("");
    let skipped: usize = rest
        .chars()
        .take_while(|&c| is_closer(c))
        .map(char::len_utf8)
        .sum();
    from + skipped
}

fn starts_with_space(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_space)
}

/// White space, including NBSP and other Unicode spaces, plus the
/// invisible format characters scraped pages carry (BOM, zero-width space).
/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

/// First position at or after `from` (and before `end`) that is not space.
pub(crate) fn skip_space(text: &str, from: usize, end: usize) -> usize {
    let rest = text.get(from..end).unwrap_or("");
    match rest.char_indices().find(|&(_, c)| !is_space(c)) {
        Some((offset, _)) => from + offset,
        None => end,
    }
}

/// End of `text[start..end]` with trailing space removed.
pub(crate) fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let slice = text.get(start..end).unwrap_or("");
    start + slice.trim_end_matches(is_space).len()
}

/// The word ending at the end of `sentence`, without leading brackets or
/// quotes: "(approx" gives "approx", "the U.S" gives "U.S".
fn word_before(sentence: &str) -> &str {
    let word_start = sentence
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c) && c != '\'' || c == '—' || c == '–')
        .map_or(0, |(i, c)| i + c.len_utf8());
    sentence.get(word_start..).unwrap_or("")
}

fn classify_next(text: &str, next: usize, end: usize) -> Next<'_> {
    let rest = text.get(next..end).unwrap_or("");
    if let Some(after) = aside_end(rest) {
        // A lower-case aside is a stage note when a new sentence (or the
        // paragraph's end) follows it; otherwise it belongs to this one.
        let following = rest.get(after..).unwrap_or("").trim_start_matches(is_space);
        let opens_sentence = following.chars().next().is_none_or(|c| !c.is_lowercase());
        return if opens_sentence {
            Next::Aside
        } else {
            Next::Lower
        };
    }
    let word_start = rest
        .char_indices()
        .find(|&(_, c)| !is_opener(c))
        .map_or(rest.len(), |(i, _)| i);
    let word = rest.get(word_start..).unwrap_or("");
    let Some(first) = word.chars().next() else {
        return Next::Other;
    };
    if first.is_lowercase() {
        Next::Lower
    } else if first.is_uppercase() {
        let len = word
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map_or(word.len(), |(i, _)| i);
        Next::Upper(word.get(..len).unwrap_or(""))
    } else if first.is_ascii_digit() {
        Next::Digit
    } else if first == '.' || first == '…' {
        Next::Stop
    } else {
        Next::Other
    }
}

/// Length of a short bracketed aside starting with a lower-case word at the
/// start of `rest` ("(laughs)", "[inaudible]"), closing bracket included.
fn aside_end(rest: &str) -> Option<usize> {
    let close = match rest.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    if !rest.get(1..)?.chars().next()?.is_lowercase() {
        return None;
    }
    let (close_at, _) = rest.char_indices().take(60).find(|&(_, c)| c == close)?;
    Some(close_at + close.len_utf8())
}

fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// An initial: one letter (the next word of "J. R. Smith" after "J.").
fn is_initial(word: &str) -> bool {
    is_single_letter(word)
}

/// "U.S", "a.m", "Ph.D", "D.C": two or more pieces of one or two ASCII
/// letters joined by stops (the final stop is not part of `word`).
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut pieces = 0;
    for piece in word.split('.') {
        let letters = piece.len();
        if !(1..=2).contains(&letters) || !piece.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// ASCII-lowercases `word` into `buffer`; `None` when it is too long or not
/// ASCII (and so in no lexicon).
fn ascii_lower<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let target = buffer.get_mut(..bytes.len())?;
    for (slot, byte) in target.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(target).ok()
}
