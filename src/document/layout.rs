//! Layout: detect how the interview marks its speakers, then assign every
//! paragraph to a turn with a role.
//!
//! The rules, in the order they apply:
//!
//! 1. **Layout.** Two or more paragraphs with accepted speaker labels make
//!    a labelled layout (`Q`/`A` only: [`Layout::QaLabels`]; names:
//!    [`Layout::SpeakerLabels`]). Otherwise two or more emphasised question
//!    paragraphs (bold, italic or capitals, one of them with a `?`) make
//!    [`Layout::Emphasis`]. Otherwise [`Layout::Bare`].
//! 2. **Before the interview** (the first labelled paragraph, or the first
//!    question): section links above the headline or beside dropped page
//!    furniture ("Events", "All News") are dropped as navigation; the first
//!    paragraph kept is the `title` if it reads as a headline (short, not a
//!    sentence ending in a full stop); every other paragraph is `other`.
//! 3. **In the interview:** captions, stage notes, time lines and headings
//!    are `other` turns. In labelled layouts a label starts a turn and
//!    unlabelled paragraphs continue the last speaker; in bare and emphasis
//!    layouts a question paragraph starts a question turn and the
//!    paragraphs after it form the answer.
//! 4. **Tail:** a tail heading ("Sources", "See also") after the interview
//!    has begun drops itself and all that follows when nothing after it
//!    reads like speech; when something does (a label, a sentence), only the
//!    heading and the link list up to it are dropped, as a sidebar. A run
//!    of short fragments without sentence punctuation after the last
//!    answer is dropped.
//! 5. **Sides:** each speaker's side decides the role of their turns (see
//!    the `speakers` module).

use std::ops::Range;

use super::bare;
use super::boilerplate::DropReason;
use super::inset::CaptionWords;
use super::paragraph::{self, Emphasis, Paragraph as Draft};
use super::roster::Roster;
use super::speakers::{self, LabelRead, Side, Speakers, TurnEvidence};
use super::{Document, Dropped, Layout, LayoutEvidence, Paragraph, Parser, Role, Speaker, Turn};
use crate::segment::Segmenter;
use crate::span::Span;

/// Longest paragraph (in bytes) that can be a headline.
const HEADLINE: usize = 300;

/// A paragraph of this many words that ends with a full stop is a
/// standfirst or the story's first sentences, not its headline.
const HEADLINE_SENTENCE_WORDS: usize = 8;

/// Fewest short fragments at the end of a page that make a list of links
/// or tags to drop.
const TRAILING_FRAGMENTS: usize = 2;

/// Longest paragraph (in bytes) opening with a word that is never a
/// speaker that is a page's marker ("Break: 13:50 to 14:35"), not speech.
const MARKER_BYTES: usize = 100;

/// Most words of a section link above a page's headline.
const NAVIGATION_WORDS: usize = 2;

/// Builds the document.
pub(crate) fn assemble<'a>(text: &'a str, parser: &Parser) -> Document<'a> {
    let mut dropped_lines = Vec::new();
    let lines = paragraph::lines(text, &parser.boilerplate, &mut dropped_lines);
    let paragraphs = paragraph::paragraphs(text, &lines);
    // Label shapes that are no speakers here do not cut paragraphs.
    let first_reading = Speakers::accept(&label_reads(text, &paragraphs), &parser.speaker_words);
    let mut paragraphs = paragraph::rejoin(text, &lines, paragraphs, |index| {
        first_reading
            .of_paragraph
            .get(index)
            .copied()
            .flatten()
            .is_some()
    });
    let plan = Plan::decide(text, parser, &mut paragraphs);
    let sentences = Sentences::split(text, &parser.segmenter, &paragraphs);

    let mut walk = Walk::new(text, &plan, &paragraphs, &dropped_lines);
    walk.run();
    let Walk {
        mut turns,
        dropped: dropped_paragraphs,
        ..
    } = walk;
    let sides = assign_roles(text, &plan, &sentences, &mut turns);

    let mut dropped: Vec<Dropped> = dropped_lines
        .into_iter()
        .map(|(span, reason)| Dropped { span, reason })
        .collect();
    for (index, reason) in dropped_paragraphs {
        let line_range = paragraphs.get(index).map(|p| p.lines.clone());
        for line in line_range.and_then(|range| lines.get(range)).unwrap_or(&[]) {
            dropped.push(Dropped {
                span: line.span,
                reason,
            });
        }
    }
    dropped.sort_by_key(|d| d.span);

    let mut evidence = plan.evidence.clone();
    let asking: Vec<Role> = turns
        .iter()
        .map(|turn| turn.role)
        .filter(|role| matches!(role, Role::Question | Role::Answer))
        .collect();
    evidence.turn_pairs = asking.len().saturating_sub(1);
    evidence.alternating_pairs = asking
        .windows(2)
        .filter(|pair| pair.first() != pair.last())
        .count();
    let mut document = Document {
        text,
        layout: plan.layout,
        layout_evidence: evidence,
        turns: Vec::with_capacity(turns.len()),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        speakers: Vec::new(),
        dropped,
        sentence_cuts: Vec::new(),
    };
    let role_only: Vec<bool> = plan.speakers.groups.iter().map(|g| g.role_only).collect();
    fill(
        &mut document,
        &paragraphs,
        &sentences,
        &turns,
        &sides,
        &role_only,
    );
    // The cuts in sentences the document kept (sentences are in order).
    document.sentence_cuts = sentences
        .cuts
        .iter()
        .copied()
        .filter(|&cut| {
            document
                .sentences
                .binary_search_by_key(&cut, |sentence| sentence.end)
                .is_ok()
        })
        .collect();
    document
}

/// What the whole document says about its layout and speakers.
struct Plan {
    layout: Layout,
    /// The emphasis questions are set in (emphasis layout).
    emphasis: Emphasis,
    speakers: Speakers,
    /// A labelled layout.
    labelled: bool,
    /// Some accepted label is not on the interviewer's side; when none is,
    /// unlabelled paragraphs are answers ("Q:" then plain text).
    interviewee_labels: bool,
    /// Answers carry their speaker's name and questions no label at all
    /// (see [`questions_go_unlabelled`]).
    unlabelled_questions: bool,
    /// Statement headings ("PREPARED STATEMENT OF ALAN GREENSPAN") and the
    /// speaker group they name, by paragraph.
    heading_speaker: Vec<(usize, usize)>,
    /// What the layout was chosen from, for the caller.
    evidence: LayoutEvidence,
}

impl Plan {
    /// Rule 1, and forgetting the labels that are not speakers here.
    fn decide(text: &str, parser: &Parser, paragraphs: &mut [Draft]) -> Plan {
        let labels = label_reads(text, paragraphs);
        let mut speakers = Speakers::accept(&labels, &parser.speaker_words);
        // A hearing's record declares its members and witnesses.
        let roster = Roster::read(text, paragraphs);
        for group in &mut speakers.groups {
            if group.prior.is_none() {
                group.prior = roster.side_of(&group.key);
            }
        }
        // The speaker a statement heading names: their label's surname.
        let heading_speaker: Vec<(usize, usize)> = (0..paragraphs.len())
            .filter_map(|index| {
                let surname = roster.heading_at(index)?;
                let group = speakers
                    .groups
                    .iter()
                    .position(|group| group.key.split(' ').next_back() == Some(surname))?;
                Some((index, group))
            })
            .collect();
        let (emphasis, emphasised_questions) = dominant_emphasis(paragraphs);
        let layout = parser.layout.unwrap_or({
            if speakers.labelled_paragraphs() >= 2 {
                if speakers.only_question_answer() {
                    Layout::QaLabels
                } else {
                    Layout::SpeakerLabels
                }
            } else if emphasised_questions >= 2 {
                Layout::Emphasis
            } else {
                Layout::Bare
            }
        });
        let labelled = matches!(layout, Layout::QaLabels | Layout::SpeakerLabels);
        let unlabelled_questions = labelled && questions_go_unlabelled(&speakers, paragraphs);
        let label_shapes = labels.iter().flatten().count();
        let evidence = LayoutEvidence {
            forced: parser.layout.is_some(),
            labelled_paragraphs: speakers.labelled_paragraphs(),
            rejected_labels: label_shapes.saturating_sub(speakers.labelled_paragraphs()),
            speakers: speakers.groups.len(),
            question_paragraphs: paragraphs.iter().filter(|p| p.shape.question_mark).count(),
            emphasised_questions,
            unlabelled_questions,
            turn_pairs: 0,
            alternating_pairs: 0,
        };
        let plan = Plan {
            evidence,
            heading_speaker,
            unlabelled_questions,
            layout,
            emphasis,
            interviewee_labels: speakers
                .groups
                .iter()
                .any(|group| group.prior != Some(Side::Interviewer)),
            speakers,
            labelled,
        };
        for (index, paragraph) in paragraphs.iter_mut().enumerate() {
            if plan.group_of(index).is_none() {
                paragraph.unlabel(text);
            }
        }
        plan
    }

    /// The speaker group of a paragraph's accepted label, in labelled
    /// layouts.
    fn group_of(&self, index: usize) -> Option<usize> {
        if self.labelled {
            self.speakers.of_paragraph.get(index).copied().flatten()
        } else {
            None
        }
    }

    /// Index of the first paragraph of the interview proper, and whether
    /// anyone asks there: a bare text in which nobody asks is a statement
    /// or a speech.
    fn interview_start(&self, paragraphs: &[Draft]) -> (usize, bool) {
        let first = |asks: &dyn Fn(&Draft) -> bool, from: usize| {
            (from..paragraphs.len()).find(|&i| paragraphs.get(i).is_some_and(asks))
        };
        let found = match self.layout {
            Layout::QaLabels | Layout::SpeakerLabels => (0..paragraphs.len()).find(|&index| {
                self.group_of(index).is_some()
                    || self.unlabelled_questions
                        && paragraphs.get(index).is_some_and(|p| p.shape.question_mark)
                        && self.group_of(index + 1).is_some()
            }),
            Layout::Emphasis => first(&|p| is_emphasised_question(p, self.emphasis), 0),
            Layout::Bare => {
                // A first paragraph that asks, followed by one that does
                // not, is the first question of an interview without a
                // headline.
                let asks = |i: usize| paragraphs.get(i).is_some_and(|p| p.shape.question_mark);
                let opens_with_question = asks(0) && paragraphs.len() > 1 && !asks(1);
                first(
                    &|p| p.shape.question_mark,
                    usize::from(!opens_with_question),
                )
            }
        };
        // No question at all: a statement or a speech. The headline stays a
        // title and the rest is one speaker's text.
        match found {
            Some(start) => (start, true),
            None => (
                usize::from(paragraphs.len() >= 2 && paragraphs.first().is_some_and(is_headline)),
                false,
            ),
        }
    }
}

/// The label shape at the start of each paragraph, as the speaker stage
/// reads it.
fn label_reads<'t>(text: &'t str, paragraphs: &[Draft]) -> Vec<Option<LabelRead<'t>>> {
    paragraphs
        .iter()
        .map(|p| {
            p.label_span().map(|span| LabelRead {
                name: span.slice(text),
                marked: {
                    let raw = p.span.slice(text);
                    raw.starts_with("**") || raw.starts_with("__")
                },
            })
        })
        .collect()
}

/// Whether the asking side speaks without labels: no accepted label says it
/// asks, there are at least two questions without a label each followed
/// at once by a labelled answer, and the labelled paragraphs hardly ever
/// ask (one for four such questions at most). Profiles and panels print "How did you start?" and then
/// "Jennifer Buchli: I …".
fn questions_go_unlabelled(speakers: &Speakers, paragraphs: &[Draft]) -> bool {
    let labelled = |index: usize| {
        speakers
            .of_paragraph
            .get(index)
            .copied()
            .flatten()
            .is_some()
    };
    // A label alone on its line labels the paragraph after it.
    let label_alone =
        |index: usize| labelled(index) && paragraphs.get(index).is_some_and(|p| p.body.is_empty());
    if speakers
        .groups
        .iter()
        .any(|group| group.prior == Some(Side::Interviewer))
    {
        return false;
    }
    let mut unlabelled_asking = 0;
    let mut labelled_asking = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let asks = paragraph.shape.question_mark || paragraph.shape.asks_inside;
        if labelled(index) || index.checked_sub(1).is_some_and(label_alone) {
            labelled_asking += usize::from(asks);
        } else if paragraph.shape.question_mark && labelled(index + 1) {
            unlabelled_asking += 1;
        }
    }
    unlabelled_asking >= 2 && labelled_asking * 4 <= unlabelled_asking
}

/// The emphasis most question-like paragraphs are set in (a page may set
/// its standfirst in italics and its questions in bold), and how many there
/// are; none count unless one of them ends with a question mark.
fn dominant_emphasis(paragraphs: &[Draft]) -> (Emphasis, usize) {
    [Emphasis::Bold, Emphasis::Italic, Emphasis::Capitals]
        .into_iter()
        .map(|kind| {
            let (mut count, mut asking) = (0, false);
            for paragraph in paragraphs
                .iter()
                .filter(|p| is_emphasised_question(p, kind))
            {
                count += 1;
                asking |= paragraph.shape.question_mark;
            }
            (kind, if asking { count } else { 0 })
        })
        .fold((Emphasis::Bold, 0), |best, next| {
            if next.1 > best.1 { next } else { best }
        })
}

/// A paragraph set in `kind` that can be a question: not a heading or a
/// caption; in capitals only with a question mark (headings are often in
/// capitals too).
fn is_emphasised_question(paragraph: &Draft, kind: Emphasis) -> bool {
    let shape = paragraph.shape;
    shape.emphasis == Some(kind)
        && !shape.markdown_heading
        && !shape.caption
        && !shape.heading_like
        && (kind != Emphasis::Capitals || shape.question_mark)
}

/// Rule 2: a headline is short and not a caption, note or time.
fn is_headline(paragraph: &Draft) -> bool {
    let shape = paragraph.shape;
    paragraph.body.len() <= HEADLINE
        && !paragraph.body.is_empty()
        && !(shape.caption || shape.stage_note || shape.time_line || shape.tail_heading)
        && !(shape.full_stop && shape.words >= HEADLINE_SENTENCE_WORDS)
}

/// Paragraphs that are never spoken text.
fn is_unspoken(paragraph: &Draft) -> bool {
    let shape = paragraph.shape;
    shape.caption || shape.stage_note || shape.time_line || shape.markdown_heading
}

/// The sentences of every paragraph, in one array.
struct Sentences {
    all: Vec<Span>,
    of_paragraph: Vec<Range<usize>>,
    /// Where over-long sentences were cut.
    cuts: Vec<usize>,
}

impl Sentences {
    fn split(text: &str, segmenter: &Segmenter, paragraphs: &[Draft]) -> Sentences {
        let mut all = Vec::new();
        let mut of_paragraph = Vec::with_capacity(paragraphs.len());
        let mut cuts = Vec::new();
        for paragraph in paragraphs {
            let start = all.len();
            segmenter.split_region(text, paragraph.body, &mut all, &mut cuts);
            of_paragraph.push(start..all.len());
        }
        Sentences {
            all,
            of_paragraph,
            cuts,
        }
    }

    fn of(&self, paragraph: usize) -> &[Span] {
        self.of_paragraph
            .get(paragraph)
            .and_then(|range| self.all.get(range.clone()))
            .unwrap_or(&[])
    }
}

/// A turn while it is being built.
#[derive(Clone, Debug)]
struct TurnDraft {
    role: Role,
    /// Speaker group, in labelled layouts.
    group: Option<usize>,
    /// The turn opens with its speaker's label.
    labelled: bool,
    paragraphs: Vec<usize>,
}

impl TurnDraft {
    fn new(role: Role, group: Option<usize>, labelled: bool, paragraph: usize) -> TurnDraft {
        TurnDraft {
            role,
            group,
            labelled,
            paragraphs: vec![paragraph],
        }
    }
}

/// Rules 2 to 4: one pass over the paragraphs, building turns.
struct Walk<'p> {
    text: &'p str,
    plan: &'p Plan,
    paragraphs: &'p [Draft],
    /// The lines already dropped as boilerplate, in text order.
    dropped_lines: &'p [(Span, DropReason)],
    turns: Vec<TurnDraft>,
    dropped: Vec<(usize, DropReason)>,
    /// The last speaker group so far, kept as the walk goes so that each
    /// step is constant time.
    last_speaker: Option<usize>,
    /// Some answer or speaker turn has been placed.
    spoken: bool,
    /// In the bare layout, for each paragraph: asks, answers, or not spoken.
    bare_asks: Vec<Option<bool>>,
    /// What a caption set into a speech repeats; read once the headline
    /// is known.
    captions: Option<CaptionWords>,
}

impl<'p> Walk<'p> {
    fn new(
        text: &'p str,
        plan: &'p Plan,
        paragraphs: &'p [Draft],
        dropped_lines: &'p [(Span, DropReason)],
    ) -> Walk<'p> {
        Walk {
            text,
            plan,
            paragraphs,
            dropped_lines,
            turns: Vec::new(),
            dropped: Vec::new(),
            last_speaker: None,
            spoken: false,
            bare_asks: Vec::new(),
            captions: None,
        }
    }

    fn run(&mut self) {
        let (start, asked) = self.plan.interview_start(self.paragraphs);
        if self.plan.layout == Layout::Bare {
            self.decide_bare_roles(start, asked);
        }
        let mut sidebar_end = 0;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            if let Some(turn) = self.turns.last() {
                self.last_speaker = turn.group.or(self.last_speaker);
                self.spoken |= turn.role == Role::Answer || turn.group.is_some();
            }
            if index < sidebar_end {
                self.dropped.push((index, DropReason::Sidebar));
            } else if paragraph.shape.tail_heading {
                if !self.spoken {
                    self.dropped.push((index, DropReason::KnownPhrase));
                    continue;
                }
                // A tail is a tail only when nothing spoken follows it; a box
                // of links in the middle of the page goes alone.
                let resumes =
                    (index + 1..self.paragraphs.len()).find(|&next| self.reads_spoken(next));
                if let Some(resume) = resumes {
                    self.dropped.push((index, DropReason::Sidebar));
                    sidebar_end = resume;
                } else {
                    let rest = index..self.paragraphs.len();
                    self.dropped
                        .extend(rest.map(|i| (i, DropReason::TailSection)));
                    break;
                }
            } else if index < start {
                self.place_before_interview(index);
            } else if self.plan.labelled {
                self.place_labelled(index, paragraph);
            } else {
                self.place_unlabelled(index, paragraph);
            }
        }
        self.drop_trailing_fragments();
    }

    /// A paragraph that reads like speech, not like a link list: a speaker's
    /// label, or a sentence of some length.
    fn reads_spoken(&self, index: usize) -> bool {
        self.plan.group_of(index).is_some()
            || self
                .paragraphs
                .get(index)
                .is_some_and(|paragraph| paragraph.shape.prose)
    }

    /// A section or breadcrumb link above the story ("Events", "Remarks",
    /// "All News"): a word or two without punctuation that opens the page
    /// above a longer heading, or stands next to lines already dropped as
    /// page furniture.
    fn is_navigation(&self, index: usize) -> bool {
        let Some(paragraph) = self.paragraphs.get(index) else {
            return false;
        };
        let next = self.paragraphs.get(index + 1);
        let words = paragraph.shape.words;
        let link_like = paragraph.shape.heading_like
            && (1..=NAVIGATION_WORDS).contains(&words)
            && paragraph.lines.len() == 1;
        let opens_page = self.turns.is_empty()
            && next.is_some_and(|next| {
                is_headline(next)
                    && next.label.is_none()
                    && !next.shape.terminal
                    && next.shape.words > words
            });
        let previous_end = index
            .checked_sub(1)
            .and_then(|i| self.paragraphs.get(i))
            .map_or(0, |p| p.span.end);
        let next_start = next.map_or(usize::MAX, |p| p.span.start);
        let beside_furniture = self.dropped_between(previous_end, paragraph.span.start)
            || self.dropped_between(paragraph.span.end, next_start);
        link_like && (opens_page || beside_furniture)
    }

    /// Some line was dropped as web boilerplate between the two offsets (a
    /// file's front matter is not the page's furniture).
    fn dropped_between(&self, start: usize, end: usize) -> bool {
        let first = self
            .dropped_lines
            .partition_point(|(span, _)| span.start < start);
        self.dropped_lines
            .get(first)
            .is_some_and(|(span, reason)| span.end <= end && *reason != DropReason::FrontMatter)
    }

    /// Rule 2.
    fn place_before_interview(&mut self, index: usize) {
        if self.is_navigation(index) {
            self.dropped.push((index, DropReason::Navigation));
            return;
        }
        let is_title = self.turns.is_empty()
            && index + 1 < self.paragraphs.len()
            && self.paragraphs.get(index).is_some_and(is_headline);
        let role = if is_title { Role::Title } else { Role::Other };
        self.turns.push(TurnDraft::new(role, None, false, index));
    }

    /// A photo caption set into a speech (see the `inset` module), in
    /// layouts where both sides are labelled.
    fn is_inset(&mut self, paragraph: &Draft) -> bool {
        if !self.plan.interviewee_labels {
            return false;
        }
        let text = self.text;
        let captions = self.captions.get_or_insert_with(|| {
            let headline = self
                .turns
                .iter()
                .find(|turn| turn.role == Role::Title)
                .and_then(|turn| turn.paragraphs.first())
                .and_then(|&index| self.paragraphs.get(index))
                .map(|p| p.body.slice(text));
            let keys = self
                .plan
                .speakers
                .groups
                .iter()
                .filter(|group| !group.role_only)
                .map(|group| group.key.as_str());
            CaptionWords::new(headline, keys)
        });
        captions.is_caption(paragraph.body.slice(text), paragraph)
    }

    /// Rule 3 for labelled layouts.
    fn place_labelled(&mut self, index: usize, paragraph: &Draft) {
        if let Some(group) = self.plan.group_of(index) {
            // The role follows from the speaker's side, decided later.
            self.turns
                .push(TurnDraft::new(Role::Answer, Some(group), true, index));
            return;
        }
        // "**Break:** [13:50]", "Note: …": a short marker of the page.
        let marker = self
            .plan
            .speakers
            .markers
            .get(index)
            .copied()
            .unwrap_or(false)
            && paragraph.span.len() <= MARKER_BYTES;
        if is_unspoken(paragraph)
            || paragraph.shape.heading_like
            || marker
            || self.is_inset(paragraph)
        {
            self.turns
                .push(TurnDraft::new(Role::Other, None, false, index));
            return;
        }
        let Some(last) = self.turns.last_mut() else {
            self.turns
                .push(TurnDraft::new(Role::Other, None, false, index));
            return;
        };
        if self.plan.unlabelled_questions {
            // Answers are labelled, questions are not: a question starts an
            // interviewer's turn, and what follows it without a label
            // belongs to it.
            let in_question = last.group.is_none() && last.role == Role::Question;
            if paragraph.shape.question_mark && !in_question {
                self.turns
                    .push(TurnDraft::new(Role::Question, None, false, index));
                return;
            }
            if in_question {
                last.paragraphs.push(index);
                return;
            }
        }
        if self.plan.interviewee_labels {
            // Both sides are labelled: an unlabelled paragraph continues
            // the last speaker, or resumes them after a caption; after a
            // section heading it is the author's text, not speech.
            let after_section = last.role == Role::Other
                && last
                    .paragraphs
                    .last()
                    .and_then(|&i| self.paragraphs.get(i))
                    .is_some_and(|p| p.shape.markdown_heading);
            // Under a statement heading, the statement is its speaker's.
            let headed_by = last
                .paragraphs
                .last()
                .filter(|_| last.role == Role::Other)
                .and_then(|&i| {
                    self.plan
                        .heading_speaker
                        .iter()
                        .find(|(heading, _)| *heading == i)
                })
                .map(|(_, group)| *group);
            match self.last_speaker {
                _ if headed_by.is_some() => {
                    self.turns
                        .push(TurnDraft::new(Role::Answer, headed_by, false, index));
                }
                Some(_) if last.group.is_some() => last.paragraphs.push(index),
                Some(_) if after_section => {
                    self.turns
                        .push(TurnDraft::new(Role::Other, None, false, index));
                }
                Some(group) => {
                    self.turns
                        .push(TurnDraft::new(Role::Answer, Some(group), false, index));
                }
                None => self
                    .turns
                    .push(TurnDraft::new(Role::Other, None, false, index)),
            }
            return;
        }
        // Only the interviewer side is labelled ("Q:" then plain answers):
        // an unlabelled paragraph answers the question before it, unless
        // that question has not asked yet and this paragraph does.
        let asked = last
            .paragraphs
            .last()
            .and_then(|&i| self.paragraphs.get(i))
            .is_some_and(|p| p.shape.question_mark);
        let continues_question = last.group.is_some() && !asked && paragraph.shape.question_mark;
        let continues_answer = last.group.is_none() && last.role == Role::Answer;
        if continues_question || continues_answer {
            last.paragraphs.push(index);
        } else {
            self.turns
                .push(TurnDraft::new(Role::Answer, None, false, index));
        }
    }

    /// The roles of the bare layout's spoken paragraphs, decided at once
    /// (see the `bare` module): paragraphs from `start` that are not
    /// captions, notes or headings (a short line without punctuation
    /// right after a question is a short answer and counts). When nobody
    /// asks, every spoken paragraph is the speaker's text.
    fn decide_bare_roles(&mut self, start: usize, asked: bool) {
        let spoken: Vec<usize> = (start..self.paragraphs.len())
            .filter(|&index| {
                let Some(paragraph) = self.paragraphs.get(index) else {
                    return false;
                };
                let after_question = index
                    .checked_sub(1)
                    .and_then(|i| self.paragraphs.get(i))
                    .is_some_and(|p| p.shape.question_mark);
                !is_unspoken(paragraph)
                    && !paragraph.shape.tail_heading
                    && (!paragraph.shape.heading_like || after_question)
            })
            .collect();
        let drafts: Vec<&Draft> = spoken
            .iter()
            .filter_map(|&index| self.paragraphs.get(index))
            .collect();
        self.bare_asks = vec![None; self.paragraphs.len()];
        let asks = if asked {
            bare::decode(&drafts)
        } else {
            vec![false; drafts.len()]
        };
        for (index, asks) in spoken.into_iter().zip(asks) {
            if let Some(slot) = self.bare_asks.get_mut(index) {
                *slot = Some(asks);
            }
        }
    }

    /// Rule 3 for bare and emphasis layouts.
    fn place_unlabelled(&mut self, index: usize, paragraph: &Draft) {
        let shape = paragraph.shape;
        let last_role = self.turns.last().map(|turn| turn.role);
        let asks = match self.plan.layout {
            Layout::Emphasis => Some(is_emphasised_question(paragraph, self.plan.emphasis)),
            _ => self.bare_asks.get(index).copied().flatten(),
        };
        let role = match asks {
            Some(true) => Role::Question,
            Some(false) if self.plan.layout == Layout::Bare => Role::Answer,
            _ if is_unspoken(paragraph)
                || shape.heading_like && last_role != Some(Role::Question) =>
            {
                Role::Other
            }
            _ if self.plan.layout == Layout::Bare => Role::Other,
            _ => Role::Answer,
        };
        match self.turns.last_mut() {
            Some(last) if last.role == role && role != Role::Other => last.paragraphs.push(index),
            _ => self.turns.push(TurnDraft::new(role, None, false, index)),
        }
    }

    /// Rule 4: a run of short fragments without sentence punctuation at the
    /// end of the document is page furniture (related headlines, tags),
    /// except a short reply that answers the last question.
    fn drop_trailing_fragments(&mut self) {
        // Work on a copy: a lone fragment (a credit line, a sign-off) is
        // kept; only a run of them is a list of links or tags.
        let mut turns = self.turns.clone();
        let mut dropped = Vec::new();
        loop {
            let count = turns.len();
            let Some(last) = turns.last_mut() else {
                break;
            };
            let Some(paragraph) = last
                .paragraphs
                .last()
                .and_then(|&index| self.paragraphs.get(index))
            else {
                break;
            };
            let opens_labelled_turn = last.labelled && last.paragraphs.len() == 1;
            let only_answer = last.role == Role::Answer && last.paragraphs.len() == 1 && count >= 2;
            if !paragraph.shape.fragment
                || is_unspoken(paragraph)
                || opens_labelled_turn
                || only_answer
                || matches!(last.role, Role::Question | Role::Title)
            {
                break;
            }
            if let Some(index) = last.paragraphs.pop() {
                dropped.push((index, DropReason::TrailingFragment));
            }
            if last.paragraphs.is_empty() {
                turns.pop();
            }
        }
        if dropped.len() >= TRAILING_FRAGMENTS {
            self.turns = turns;
            self.dropped.extend(dropped);
        }
    }
}

/// Rule 5: the sides of the speakers, from their questions and answers;
/// speaker turns take their roles from them.
fn assign_roles(
    text: &str,
    plan: &Plan,
    sentences: &Sentences,
    turns: &mut [TurnDraft],
) -> Vec<Side> {
    let evidence: Vec<TurnEvidence> = turns
        .iter()
        .filter_map(|turn| {
            // An unlabelled question stands for the asking side, so the
            // labelled turn after it counts as an answer.
            let group = match turn.group {
                Some(group) => group,
                None if plan.unlabelled_questions && turn.role == Role::Question => {
                    speakers::UNLABELLED_ASKER
                }
                None => return None,
            };
            let last = *turn.paragraphs.last()?;
            // Asks when one of its last two sentences is a question
            // ("Why now? Thanks.").
            let asks = sentences
                .of(last)
                .iter()
                .rev()
                .take(2)
                .any(|sentence| ends_with_question(sentence.slice(text)));
            let mut words = 0;
            let mut probes = false;
            for sentence in turn.paragraphs.iter().flat_map(|&p| sentences.of(p)) {
                let sentence = sentence.slice(text);
                let count = sentence.split_whitespace().count();
                words += count;
                probes |= count >= speakers::PROBE_WORDS
                    && ends_with_question(sentence)
                    && !speakers::is_procedural(sentence);
            }
            Some(TurnEvidence {
                group,
                asks,
                probes,
                words,
            })
        })
        .collect();
    let sides = speakers::sides(&plan.speakers.groups, &evidence);
    for turn in turns {
        if let Some(side) = turn.group.and_then(|group| sides.get(group)) {
            turn.role = match side {
                Side::Interviewer => Role::Question,
                Side::Interviewee => Role::Answer,
                Side::Moderator => Role::Other,
            };
        }
    }
    sides
}

fn ends_with_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '*' | '_') || c.is_whitespace()
        })
        .ends_with('?')
}

/// Copies the drafts into the document's flat arrays: turns, paragraphs,
/// sentences and speakers.
fn fill(
    document: &mut Document<'_>,
    drafts: &[Draft],
    sentences: &Sentences,
    turns: &[TurnDraft],
    sides: &[Side],
    role_only: &[bool],
) {
    let mut speaker_of_group: Vec<Option<usize>> = vec![None; sides.len()];
    for turn in turns {
        let first_paragraph = document.paragraphs.len();
        let first_sentence = document.sentences.len();
        for (index, draft) in turn
            .paragraphs
            .iter()
            .filter_map(|&i| drafts.get(i).map(|draft| (i, draft)))
        {
            let start = document.sentences.len();
            document.sentences.extend_from_slice(sentences.of(index));
            document.paragraphs.push(Paragraph {
                span: draft.span,
                body: draft.body,
                sentences: start..document.sentences.len(),
            });
        }
        let Some(kept) = document.paragraphs.get(first_paragraph..) else {
            continue;
        };
        let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
            continue;
        };
        // A label on a line of its own has an empty body; the spoken part
        // starts with the first paragraph that has words.
        let body_start = kept
            .iter()
            .find(|paragraph| !paragraph.body.is_empty())
            .map_or(first.body.start, |paragraph| paragraph.body.start);
        let span = Span::new(first.span.start, last.span.end);
        let body = Span::new(body_start, last.body.end.max(body_start));
        let label = turn
            .labelled
            .then(|| turn.paragraphs.first().and_then(|&i| drafts.get(i)))
            .flatten()
            .and_then(Draft::label_span);
        let speaker = turn.group.and_then(|group| {
            let slot = speaker_of_group.get_mut(group)?;
            let index = *slot.get_or_insert_with(|| {
                document.speakers.push(Speaker {
                    name: label.unwrap_or_default(),
                    side: sides.get(group).copied().unwrap_or(Side::Interviewee),
                    role_only: role_only.get(group).copied().unwrap_or(false),
                    turns: 0,
                });
                document.speakers.len() - 1
            });
            if let Some(speaker) = document.speakers.get_mut(index) {
                speaker.turns += 1;
            }
            Some(index)
        });
        document.turns.push(Turn {
            role: turn.role,
            speaker,
            label,
            span,
            body,
            paragraphs: first_paragraph..document.paragraphs.len(),
            sentences: first_sentence..document.sentences.len(),
        });
    }
}
