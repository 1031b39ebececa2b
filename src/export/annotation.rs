//! W3C Web Annotations: each claim as an annotation of its document.
//!
//! The target selects the claim twice, as the W3C model advises: by
//! position (a `TextPositionSelector`, in Unicode code points) and by quote
//! (a `TextQuoteSelector`, the exact words with up to
//! [`QUOTE_CONTEXT_CHARS`] characters either side), so a reader can find the
//! claim even in a copy of the text that shifted. The body is the claim's
//! fields as JSON. They are not terms of the annotation context, so a
//! JSON-LD processor keeps only the body's `id` and `type` (the claim's IRI,
//! and schema.org `Claim`); read the rest as plain JSON.

use serde::Serialize;

use super::offsets::Offsets;
use super::{Context, Speaker};
use crate::claim::{Certainty, Claim, ClaimId, ClaimKind, Evidence, Extraction, Polarity, Time};
use crate::ledger::Source;

/// The JSON-LD context of the W3C Web Annotation model.
pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Characters of context a quote selector keeps on each side, at most.
const QUOTE_CONTEXT_CHARS: usize = 32;

/// One claim as a W3C Web Annotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Annotation {
    /// Always [`ANNOTATION_CONTEXT`].
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// `document#annotation-` and the claim's stable id.
    pub id: String,
    /// Always `"Annotation"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Always `"describing"`: the body describes the text it targets.
    pub motivation: &'static str,
    /// The claim.
    pub body: AnnotationBody,
    /// Where the claim is.
    pub target: Target,
}

/// The claim's fields, as the body of its annotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AnnotationBody {
    /// The claim's IRI, the `@id` of its schema.org `Claim`.
    pub id: String,
    /// Always `"https://schema.org/Claim"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The claim's id in the extraction ("c19").
    pub claim: ClaimId,
    /// A statement or a premise.
    pub claim_kind: ClaimKind,
    /// The claim's words.
    pub text: String,
    /// Who said it (see [`schema_org`](super::schema_org) for how the name
    /// is chosen).
    pub speaker: Option<String>,
    /// The name of what it is about.
    pub actor: Option<String>,
    /// The predicate.
    pub assertion: String,
    /// Affirmed or denied.
    pub polarity: Polarity,
    /// How strongly the speaker commits to it.
    pub certainty: Certainty,
    /// On what footing it is put forward.
    pub evidence: Evidence,
    /// The source of a reported claim.
    pub attributed_to: Option<String>,
    /// When it holds or happens.
    pub time: Time,
}

/// The document and the claim's place in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Target {
    /// The document's IRI (see [`document_iri`](super::document_iri)).
    pub source: String,
    /// The claim by position, then by quote; the position is left out when
    /// the claim's span does not fit the text given.
    pub selector: Vec<Selector>,
}

/// A W3C selector of a stretch of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum Selector {
    /// By position in Unicode code points, `[start, end)`.
    TextPositionSelector {
        /// Code points before the claim.
        start: usize,
        /// Code points before the claim's end.
        end: usize,
    },
    /// By the claim's words and those around them.
    TextQuoteSelector {
        /// The claim's words.
        exact: String,
        /// Up to 32 characters just before it; absent at the start of the
        /// text.
        #[serde(skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        /// Up to 32 characters just after it; absent at the end of the
        /// text.
        #[serde(skip_serializing_if = "Option::is_none")]
        suffix: Option<String>,
    },
}

/// Every claim of an extraction, premises included, as a Web Annotation
/// of `text`, the text the extraction was made from.
///
/// ```
/// use claimtrack::export::{Selector, annotations};
/// use claimtrack::ledger::Source;
///
/// let text = "Q: Und?\n\nA: Zoë Łukasz will sign the accord in Kraków.";
/// let extraction = claimtrack::extract(text)?;
/// let notes = annotations(&extraction, text, &Source::new("kr").url("https://example.org/k"));
/// let note = &notes[0];
/// assert_eq!(note.target.source, "https://example.org/k");
/// let Selector::TextPositionSelector { start, end } = note.target.selector[0] else { panic!() };
/// let words: String = text.chars().skip(start).take(end - start).collect();
/// assert_eq!(words, "Zoë Łukasz will sign the accord in Kraków");
/// let json = serde_json::to_value(&notes).unwrap();
/// assert_eq!(json[0]["@context"], "http://www.w3.org/ns/anno.jsonld");
/// assert_eq!(json[0]["target"]["selector"][1]["prefix"], "Q: Und?\n\nA: ");
/// assert_eq!(json[0]["target"]["selector"][1]["suffix"], ".");
/// # Ok::<(), claimtrack::Error>(())
/// ```
pub fn annotations(extraction: &Extraction, text: &str, source: &Source) -> Vec<Annotation> {
    let context = Context::new(extraction, source);
    let offsets = Offsets::new(text);
    extraction
        .claims
        .iter()
        .map(|claim| annotation(&context, claim, text, &offsets))
        .collect()
}

fn annotation(context: &Context<'_>, claim: &Claim, text: &str, offsets: &Offsets) -> Annotation {
    let mut selector = Vec::with_capacity(2);
    if let Some(chars) = offsets.chars(claim.span) {
        selector.push(Selector::TextPositionSelector {
            start: chars.start,
            end: chars.end,
        });
    }
    let before = text.get(..claim.span.start).unwrap_or("");
    let after = text.get(claim.span.end..).unwrap_or("");
    let prefix: String = {
        let mut last: Vec<char> = before.chars().rev().take(QUOTE_CONTEXT_CHARS).collect();
        last.reverse();
        last.into_iter().collect()
    };
    let suffix: String = after.chars().take(QUOTE_CONTEXT_CHARS).collect();
    selector.push(Selector::TextQuoteSelector {
        exact: claim.text.clone(),
        prefix: (!prefix.is_empty()).then_some(prefix),
        suffix: (!suffix.is_empty()).then_some(suffix),
    });
    Annotation {
        context: ANNOTATION_CONTEXT,
        id: context.iri("annotation", claim),
        kind: "Annotation",
        motivation: "describing",
        body: AnnotationBody {
            id: context.iri("claim", claim),
            kind: "https://schema.org/Claim",
            claim: claim.id.clone(),
            claim_kind: claim.kind,
            text: claim.text.clone(),
            speaker: context.speaker(claim).map(|Speaker { name, .. }| name),
            actor: claim.actor.as_ref().map(|a| a.name.clone()),
            assertion: claim.assertion.clone(),
            polarity: claim.polarity,
            certainty: claim.certainty,
            evidence: claim.evidence,
            attributed_to: claim.attributed_to.as_ref().map(|a| a.name.clone()),
            time: claim.time,
        },
        target: Target {
            source: context.document_iri.clone(),
            selector,
        },
    }
}
