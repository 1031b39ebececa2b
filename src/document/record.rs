//! The owned, serializable form of a [`Document`].

use serde::{Deserialize, Serialize};

use super::{Document, DropReason, Layout, LayoutEvidence, Role, Side};
use crate::span::Span;

/// A document as owned data, for JSON output and storage. Spans are UTF-8
/// byte offsets into the parsed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentRecord {
    /// The detected or forced layout.
    pub layout: Layout,
    /// What the layout was chosen from.
    #[serde(default)]
    pub layout_evidence: LayoutEvidence,
    /// The turns in order.
    pub turns: Vec<TurnRecord>,
    /// The speakers of a labelled interview.
    pub speakers: Vec<SpeakerRecord>,
    /// Every line dropped as boilerplate.
    pub dropped: Vec<DroppedRecord>,
    /// Bytes of the input the dropped lines hold.
    #[serde(default)]
    pub dropped_bytes: usize,
    /// Where over-long sentences were cut
    /// ([`Document::sentence_cuts`]); absent when none were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentence_cuts: Vec<usize>,
}

/// A turn as owned data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TurnRecord {
    /// The turn's role.
    pub role: Role,
    /// The speaker's label for this turn, if the layout has labels.
    pub speaker: Option<String>,
    /// The whole turn, label included.
    pub span: Span,
    /// The spoken part of the turn.
    pub body: Span,
    /// The label as written, when the turn opens with one.
    pub label: Option<Span>,
    /// The spoken body of each paragraph.
    pub paragraphs: Vec<Span>,
    /// The sentences of the turn.
    pub sentences: Vec<Span>,
}

/// A speaker as owned data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerRecord {
    /// The first label that named the speaker.
    pub name: String,
    /// The speaker's side.
    pub side: Side,
    /// How many turns the speaker has.
    pub turns: usize,
}

/// A dropped line as owned data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DroppedRecord {
    /// Where the line was.
    pub span: Span,
    /// The line's text.
    pub text: String,
    /// Why it was dropped.
    pub reason: DropReason,
}

impl DocumentRecord {
    /// Copies what the document borrows.
    pub fn from_document(document: &Document<'_>) -> DocumentRecord {
        DocumentRecord {
            layout: document.layout(),
            layout_evidence: document.layout_evidence().clone(),
            turns: document
                .turns()
                .iter()
                .map(|turn| TurnRecord {
                    role: turn.role(),
                    speaker: document.speaker_name(turn).map(str::to_string),
                    span: turn.span(),
                    body: turn.body(),
                    label: turn.label(),
                    paragraphs: document
                        .paragraphs(turn)
                        .iter()
                        .map(super::Paragraph::body)
                        .collect(),
                    sentences: document.sentences(turn).to_vec(),
                })
                .collect(),
            speakers: document
                .speakers()
                .iter()
                .map(|speaker| SpeakerRecord {
                    name: document.slice(speaker.name()).to_string(),
                    side: speaker.side(),
                    turns: speaker.turns(),
                })
                .collect(),
            dropped: document
                .dropped()
                .iter()
                .map(|dropped| DroppedRecord {
                    span: dropped.span,
                    text: document.slice(dropped.span).to_string(),
                    reason: dropped.reason,
                })
                .collect(),
            dropped_bytes: document.dropped_bytes(),
            sentence_cuts: document.sentence_cuts().to_vec(),
        }
    }
}
