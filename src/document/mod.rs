//! Documents: raw interview text into turns, paragraphs and sentences.
//!
//! The first stage of the pipeline. It reads the lines of the input, drops
//! web boilerplate (reporting every dropped line), builds paragraphs, finds
//! the layout — bare Q&A, `Q:`/`A:` labels, speaker labels, or emphasised
//! questions — and assigns each paragraph to a turn with a role: `title`,
//! `question`, `answer` or `other`. Sentences come from the
//! [`segment`](crate::segment) stage, run on each paragraph's spoken body.
//!
//! A [`Document`] borrows the caller's text; everything in it is a
//! [`Span`] into that text. [`DocumentRecord`] is the owned, serializable
//! form for output.

mod bare;
mod boilerplate;
mod inset;
mod label;
mod layout;
mod pages;
mod paragraph;
mod record;
mod roster;
mod speakers;

use std::ops::Range;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

pub use boilerplate::DropReason;
pub use record::{DocumentRecord, DroppedRecord, SpeakerRecord, TurnRecord};
pub use speakers::Side;

use crate::error::Error;
use crate::input;
use crate::segment::{Segmenter, is_space};
use crate::span::Span;
use boilerplate::Boilerplate;
use speakers::SpeakerWords;

/// What a turn is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The headline (and standfirst) before the first question.
    Title,
    /// A turn of the interviewer's side.
    Question,
    /// A turn of the interviewee's side.
    Answer,
    /// Anything else kept: an intro, a dateline, a caption, a section
    /// heading, a stage note such as "(Laughter.)".
    Other,
}

crate::label::labels! {
    Role in "document" {
        Title => "title",
        Question => "question",
        Answer => "answer",
        Other => "other",
    }
}

/// How the interview marks who speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// No labels: each question is its own paragraph ending in `?`, followed
    /// by answer paragraphs.
    Bare,
    /// `Q:`/`A:`, `Q.`, `Question:`/`Answer:` labels.
    QaLabels,
    /// Speaker names as labels: `MR. PRICE:`, `Wikinews:`, `Vladimir
    /// Putin:`, with `Q`/`QUESTION` for reporters.
    SpeakerLabels,
    /// Questions set apart by emphasis: `**…?**` or capitals.
    Emphasis,
}

crate::label::labels! {
    Layout in "document" {
        Bare => "bare",
        QaLabels => "qa_labels",
        SpeakerLabels => "speaker_labels",
        Emphasis => "emphasis",
    }
}

/// Why a document was read in its layout: what the parser counted before
/// it chose, and how the turns it made alternate. `Display` writes it as a
/// sentence, as the `extract` example prints it.
///
/// ```
/// use claimtrack::{Document, Layout};
///
/// let doc = Document::parse("Talks\n\nQ: Why now?\n\nA: Because.\n\nQ: And then?\n\nA: We sign.")?;
/// let evidence = doc.layout_evidence();
/// assert_eq!(doc.layout(), Layout::QaLabels);
/// assert_eq!(evidence.labelled_paragraphs, 4);
/// assert_eq!(evidence.speakers, 2);
/// assert_eq!((evidence.alternating_pairs, evidence.turn_pairs), (3, 3));
/// assert_eq!(
///     evidence.to_string(),
///     "4 labelled paragraphs by 2 speakers; 2 paragraphs end in a question mark; 3 of 3 turn changes alternate asking and answering"
/// );
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LayoutEvidence {
    /// The caller forced the layout ([`ParserBuilder::layout`]).
    pub forced: bool,
    /// Paragraphs that open with a label taken for a speaker.
    pub labelled_paragraphs: usize,
    /// Paragraphs that open with a label shape not taken for a speaker (a
    /// headline "Salvador: …", a one-off "Note:").
    pub rejected_labels: usize,
    /// Speakers the labels name, each spelling of one speaker counted once.
    pub speakers: usize,
    /// Paragraphs that end with a question mark.
    pub question_paragraphs: usize,
    /// Paragraphs set in the emphasis questions use (`**…?**`).
    pub emphasised_questions: usize,
    /// Answers carry labels and questions none ("How did you start?" then
    /// "Jane Doe: I …").
    pub unlabelled_questions: bool,
    /// Changes from one question or answer turn to the next.
    pub turn_pairs: usize,
    /// Of those, changes between asking and answering.
    pub alternating_pairs: usize,
}

impl std::fmt::Display for LayoutEvidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.forced {
            write!(f, "forced by the caller; ")?;
        }
        if self.labelled_paragraphs > 0 {
            write!(
                f,
                "{} labelled paragraphs by {} speakers; ",
                self.labelled_paragraphs, self.speakers
            )?;
        }
        if self.rejected_labels > 0 {
            write!(
                f,
                "{} label shapes not taken for speakers; ",
                self.rejected_labels
            )?;
        }
        if self.unlabelled_questions {
            write!(f, "questions without labels; ")?;
        }
        write!(
            f,
            "{} paragraphs end in a question mark; ",
            self.question_paragraphs
        )?;
        if self.emphasised_questions > 0 {
            write!(f, "{} emphasised questions; ", self.emphasised_questions)?;
        }
        write!(
            f,
            "{} of {} turn changes alternate asking and answering",
            self.alternating_pairs, self.turn_pairs
        )
    }
}

/// A turn: one speaker's stretch of the conversation, or one kept
/// paragraph that is not spoken (title, caption, stage note).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Turn {
    role: Role,
    speaker: Option<usize>,
    label: Option<Span>,
    span: Span,
    body: Span,
    paragraphs: Range<usize>,
    sentences: Range<usize>,
}

impl Turn {
    /// The turn's role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Index of the speaker in [`Document::speakers`], for labelled layouts.
    pub fn speaker_index(&self) -> Option<usize> {
        self.speaker
    }

    /// The speaker label as written at the start of this turn ("MR. PRICE",
    /// "Q"), without colon or markup; `None` for unlabelled turns and for a
    /// speaker's turn that resumes after a caption or heading.
    pub fn label(&self) -> Option<Span> {
        self.label
    }

    /// The whole turn, label and markup included.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The spoken part: from the first word after the label to the end.
    pub fn body(&self) -> Span {
        self.body
    }
}

/// A paragraph of a turn.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Paragraph {
    span: Span,
    body: Span,
    sentences: Range<usize>,
}

impl Paragraph {
    /// The whole paragraph, label and markup included.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The paragraph's spoken text, which its sentences cover.
    pub fn body(&self) -> Span {
        self.body
    }
}

/// A speaker of a labelled interview.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Speaker {
    name: Span,
    side: Side,
    role_only: bool,
    turns: usize,
}

impl Speaker {
    /// The first label that named this speaker.
    pub fn name(&self) -> Span {
        self.name
    }

    /// The side the speaker is on.
    pub fn side(&self) -> Side {
        self.side
    }

    /// True when the label names only a role (`Q`, `A`, `Answer`,
    /// `MODERATOR`), not a person.
    pub fn is_role_only(&self) -> bool {
        self.role_only
    }

    /// How many turns the speaker has.
    pub fn turns(&self) -> usize {
        self.turns
    }
}

/// A region of the input dropped as boilerplate: one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dropped {
    /// The dropped line.
    pub span: Span,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// A parsed interview that borrows its text.
///
/// ```
/// use claimtrack::{Document, Role};
///
/// let text = "Talks in Minsk\n\nWhy did Lavrov come?\n\n\
///             He came for the treaty. Shoigu came too.\n\nShare this:";
/// let doc = Document::parse(text)?;
/// let roles: Vec<Role> = doc.turns().iter().map(|t| t.role()).collect();
/// assert_eq!(roles, [Role::Title, Role::Question, Role::Answer]);
///
/// let answer = &doc.turns()[2];
/// let sentences: Vec<&str> = doc.sentences(answer).iter().map(|s| doc.slice(*s)).collect();
/// assert_eq!(sentences, ["He came for the treaty.", "Shoigu came too."]);
/// assert_eq!(doc.slice(doc.dropped()[0].span), "Share this:");
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document<'a> {
    text: &'a str,
    layout: Layout,
    layout_evidence: LayoutEvidence,
    turns: Vec<Turn>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Span>,
    speakers: Vec<Speaker>,
    dropped: Vec<Dropped>,
    sentence_cuts: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Parses `text` with the default [`Parser`].
    ///
    /// # Errors
    ///
    /// [`Error::EmptyInput`] when the text is empty or only white space.
    pub fn parse(text: &'a str) -> Result<Document<'a>, Error> {
        Parser::default_ref().parse(text)
    }

    /// Parses UTF-8 bytes with the default [`Parser`]; spans are offsets
    /// into `bytes`.
    ///
    /// # Errors
    ///
    /// [`Error::NotText`] or [`Error::UnsupportedEncoding`] for bytes that
    /// are not UTF-8 text ([`input::check`]),
    /// [`Error::InvalidUtf8`] with the offset of the first bad byte, or
    /// [`Error::EmptyInput`].
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Document<'a>, Error> {
        Parser::default_ref().parse_bytes(bytes)
    }

    /// The text the document was parsed from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The text a span names (`""` if the span does not fit the text).
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }

    /// The layout that was detected (or forced).
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// What the layout was chosen from: labels, questions, alternation.
    pub fn layout_evidence(&self) -> &LayoutEvidence {
        &self.layout_evidence
    }

    /// The turns, in document order.
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// The paragraphs of a turn.
    pub fn paragraphs(&self, turn: &Turn) -> &[Paragraph] {
        self.paragraphs.get(turn.paragraphs.clone()).unwrap_or(&[])
    }

    /// The sentences of a turn, across its paragraphs.
    pub fn sentences(&self, turn: &Turn) -> &[Span] {
        self.sentences.get(turn.sentences.clone()).unwrap_or(&[])
    }

    /// The sentences of one paragraph.
    pub fn paragraph_sentences(&self, paragraph: &Paragraph) -> &[Span] {
        self.sentences
            .get(paragraph.sentences.clone())
            .unwrap_or(&[])
    }

    /// The speakers of a labelled interview, in order of first appearance.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// The speaker of a turn.
    pub fn speaker(&self, turn: &Turn) -> Option<&Speaker> {
        turn.speaker.and_then(|index| self.speakers.get(index))
    }

    /// The speaker's name for a turn: its own label, or the speaker's first
    /// label for a turn that has none.
    pub fn speaker_name(&self, turn: &Turn) -> Option<&'a str> {
        let span = turn
            .label
            .or_else(|| self.speaker(turn).map(Speaker::name))?;
        Some(self.slice(span))
    }

    /// The lines dropped as boilerplate, in document order.
    pub fn dropped(&self) -> &[Dropped] {
        &self.dropped
    }

    /// How many bytes of the input the dropped lines hold, so a caller can
    /// see at once how much of a page was set aside as boilerplate.
    ///
    /// ```
    /// use claimtrack::Document;
    ///
    /// let doc = Document::parse("Why now?\n\nBecause it is time.\n\nShare this:")?;
    /// assert_eq!(doc.dropped_bytes(), "Share this:".len());
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn dropped_bytes(&self) -> usize {
        self.dropped.iter().map(|dropped| dropped.span.len()).sum()
    }

    /// Byte offsets at which a sentence longer than the segmenter's cap
    /// ([`SegmenterBuilder::max_sentence_bytes`](crate::SegmenterBuilder::max_sentence_bytes))
    /// was cut: each is the end of a sentence that goes on in the next
    /// one. Empty for ordinary text.
    pub fn sentence_cuts(&self) -> &[usize] {
        &self.sentence_cuts
    }

    /// The owned, serializable form.
    pub fn to_record(&self) -> DocumentRecord {
        DocumentRecord::from_document(self)
    }
}

#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static DEFAULT_PARSER: Lazy<Parser> = Lazy::new(|| {
    // The built-in lexicons are checked by unit tests.
    ParserBuilder::new()
        .build()
        .expect("built-in document lexicons are valid")
});

/// The default largest input, in bytes: [`ParserBuilder::max_input_bytes`].
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

/// Parses interview text into [`Document`]s. Build once, use for many
/// documents; it is `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    max_input: usize,
    layout: Option<Layout>,
    boilerplate: Boilerplate,
    speaker_words: SpeakerWords,
    segmenter: Segmenter,
}

impl Parser {
    /// The parser with built-in lexicons and automatic layout detection.
    pub fn default_ref() -> &'static Parser {
        &DEFAULT_PARSER
    }

    /// Parses `text`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when the text is longer than the cap
    /// ([`ParserBuilder::max_input_bytes`]); [`Error::NotText`] or
    /// [`Error::UnsupportedEncoding`] when NUL bytes show it is not text
    /// (binary content, or UTF-16 read as UTF-8: the NUL rules of
    /// [`input::check`]); [`Error::EmptyInput`] when it is empty or only
    /// white space (including byte-order marks and zero-width spaces).
    ///
    /// ```
    /// use claimtrack::{Error, Parser};
    ///
    /// let nuls = "\0".repeat(1000);
    /// assert!(matches!(Parser::default_ref().parse(&nuls), Err(Error::NotText { .. })));
    /// ```
    pub fn parse<'a>(&self, text: &'a str) -> Result<Document<'a>, Error> {
        if text.len() > self.max_input {
            return Err(Error::InputTooLarge {
                len: text.len(),
                limit: self.max_input,
            });
        }
        input::check_str(text)?;
        if text.chars().all(is_space) {
            return Err(Error::EmptyInput { len: text.len() });
        }
        Ok(layout::assemble(text, self))
    }

    /// Decodes UTF-8 bytes strictly and parses them; spans are offsets into
    /// `bytes`. For text with bad bytes, decode with
    /// [`LossyText`](crate::input::LossyText) and parse its text.
    ///
    /// # Errors
    ///
    /// [`Error::NotText`] or [`Error::UnsupportedEncoding`] for bytes that
    /// are not UTF-8 text ([`input::check`]); [`Error::InvalidUtf8`],
    /// [`Error::InputTooLarge`] or [`Error::EmptyInput`].
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Document<'a>, Error> {
        self.parse(input::decode(bytes)?)
    }
}

/// Configures a [`Parser`].
///
/// ```
/// use claimtrack::{Layout, ParserBuilder, Role};
///
/// let parser = ParserBuilder::new()
///     .layout(Layout::Bare)
///     .boilerplate_line("Listen to the podcast")
///     .build()?;
/// let doc = parser.parse("Why now?\n\nBecause.\n\nListen to the podcast")?;
/// assert_eq!(doc.turns()[1].role(), Role::Answer);
/// assert_eq!(doc.dropped().len(), 1);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ParserBuilder {
    max_input: usize,
    layout: Option<Layout>,
    boilerplate_lines: Vec<String>,
    interviewer_labels: Vec<String>,
    interviewee_labels: Vec<String>,
    segmenter: Option<Segmenter>,
}

impl Default for ParserBuilder {
    fn default() -> ParserBuilder {
        ParserBuilder {
            max_input: DEFAULT_MAX_INPUT_BYTES,
            layout: None,
            boilerplate_lines: Vec::new(),
            interviewer_labels: Vec::new(),
            interviewee_labels: Vec::new(),
            segmenter: None,
        }
    }
}

impl ParserBuilder {
    /// A builder with automatic layout detection and no additions.
    pub fn new() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Refuses inputs longer than `bytes` with [`Error::InputTooLarge`]
    /// (default [`DEFAULT_MAX_INPUT_BYTES`], 64 MiB). A parsed document
    /// and its extraction are held in memory at once, several times the
    /// input's size for dense text; split bigger files, or raise the cap
    /// knowing the memory it takes.
    ///
    /// ```
    /// use claimtrack::{Error, ParserBuilder};
    ///
    /// let parser = ParserBuilder::new().max_input_bytes(10).build()?;
    /// assert_eq!(
    ///     parser.parse("Why did you go?").unwrap_err(),
    ///     Error::InputTooLarge { len: 15, limit: 10 }
    /// );
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn max_input_bytes(&mut self, bytes: usize) -> &mut Self {
        self.max_input = bytes;
        self
    }

    /// Forces a layout instead of detecting it.
    pub fn layout(&mut self, layout: Layout) -> &mut Self {
        self.layout = Some(layout);
        self
    }

    /// Adds a whole line to drop as boilerplate (matched ignoring ASCII
    /// case, a trailing colon allowed).
    pub fn boilerplate_line(&mut self, line: &str) -> &mut Self {
        self.boilerplate_lines.push(line.to_string());
        self
    }

    /// Adds a label word that always marks the interviewer's side
    /// ("PANELIST" in a format where panelists ask).
    pub fn interviewer_label(&mut self, label: &str) -> &mut Self {
        self.interviewer_labels.push(label.to_string());
        self
    }

    /// Adds a label word that always marks the interviewee's side.
    pub fn interviewee_label(&mut self, label: &str) -> &mut Self {
        self.interviewee_labels.push(label.to_string());
        self
    }

    /// Uses this sentence segmenter instead of the default one.
    pub fn segmenter(&mut self, segmenter: Segmenter) -> &mut Self {
        self.segmenter = Some(segmenter);
        self
    }

    /// Compiles the parser.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for an added entry that is empty or spans lines.
    pub fn build(&self) -> Result<Parser, Error> {
        Ok(Parser {
            max_input: self.max_input,
            layout: self.layout,
            boilerplate: Boilerplate::new(&self.boilerplate_lines)?,
            speaker_words: SpeakerWords::new(&self.interviewer_labels, &self.interviewee_labels)?,
            segmenter: match &self.segmenter {
                Some(segmenter) => segmenter.clone(),
                None => Segmenter::default_ref().clone(),
            },
        })
    }
}
