//! Exports: an extraction in the formats other tools read.
//!
//! The last stage of the pipeline. It takes an [`Extraction`], the text it
//! was made from where offsets or quotes are needed, and a
//! [`Source`] saying where the text was published, and writes:
//!
//! - [`schema_org`]: schema.org `Claim` items as JSON-LD, for fact-checking
//!   tools and search engines; a `ClaimReview` only around a verdict the
//!   caller gives ([`claim_review`]), since the crate gives none;
//! - [`annotations`]: W3C Web Annotations whose selectors point at each
//!   claim by character position and by quote;
//! - [`claims_csv`]: one row per claim for spreadsheets;
//! - [`claims_table`]: the turns, entities and claims as an aligned
//!   plain-text table, for a terminal;
//! - [`Offsets`]: any byte [`Span`](crate::Span) in characters and UTF-16
//!   code units, for JavaScript and Python.
//!
//! Every export names a claim by the same stable id: the ledger's
//! [`claim_id`] of the source id and the claim's byte span, as a fragment of
//! the document's IRI ([`document_iri`]). The same input gives the same ids.
//!
//! ```
//! use claimtrack::Span;
//! use claimtrack::export::{self, Offsets};
//! use claimtrack::ledger::Source;
//!
//! let text = "MODERATOR: And the kiosks?\n\n\
//!             DR. ŁUKASIEWICZ: 𠮷野家 signed a lease for three kiosks 👋. The city pays nothing.";
//! let extraction = claimtrack::extract(text)?;
//! let source = Source::new("krakow-panel").url("https://news.example/krakow").date("2025-03-04")?;
//!
//! // One claim in three units: "𠮷" is 4 bytes, 1 code point, 2 UTF-16 units.
//! let claim = &extraction.claims[0];
//! assert_eq!(claim.text, "𠮷野家 signed a lease for three kiosks");
//! let units = Offsets::new(text).units(claim.span).unwrap();
//! assert_eq!(units.bytes, Span::new(46, 88));
//! assert_eq!((units.chars.start, units.chars.end), (45, 80));
//! assert_eq!((units.utf16.start, units.utf16.end), (45, 81));
//!
//! let claims = serde_json::to_value(export::schema_org(&extraction, &source)).unwrap();
//! assert_eq!(claims["@graph"][0]["@type"], "Claim");
//! // The speaker entity named by the label "DR. ŁUKASIEWICZ".
//! assert_eq!(claims["@graph"][0]["author"]["name"], "Łukasiewicz");
//! let notes = serde_json::to_value(export::annotations(&extraction, text, &source)).unwrap();
//! assert_eq!(notes[0]["target"]["selector"][0]["start"], 45);
//! assert_eq!(notes[0]["target"]["selector"][1]["suffix"], " 👋. The city pays nothing.");
//! let csv = export::claims_csv(&extraction, text, &source);
//! assert_eq!(csv.lines().count(), 1 + extraction.claims.len());
//! # Ok::<(), claimtrack::Error>(())
//! ```

mod annotation;
mod csv;
mod offsets;
mod schema;
mod table;

use std::collections::HashMap;
use std::fmt::Write;

pub use annotation::{
    ANNOTATION_CONTEXT, Annotation, AnnotationBody, Selector, Target, annotations,
};
pub use csv::{CSV_COLUMNS, claims_csv};
pub use offsets::{CharSpan, Offsets, SpanUnits, Utf16Span};
pub use schema::{
    ClaimGraph, ClaimReview, CreativeWork, Rating, Review, SCHEMA_CONTEXT, SchemaClaim, Thing,
    claim_review, schema_org,
};
pub use table::claims_table;

use crate::claim::{Claim, EntityId, EntityRecord, Extraction};
use crate::entity::EntityKind;
use crate::ledger::{Source, claim_id};

/// The IRI that names the document: its URL without any `#fragment`, or,
/// when the source has no URL, `urn:claimtrack:` and its id with every
/// character other than ASCII letters, digits and `-._~` percent-encoded.
///
/// ```
/// use claimtrack::export::document_iri;
/// use claimtrack::ledger::Source;
///
/// let online = Source::new("a1").url("https://example.com/talks#top");
/// assert_eq!(document_iri(&online), "https://example.com/talks");
/// assert_eq!(document_iri(&Source::new("minsk interview.txt")), "urn:claimtrack:minsk%20interview.txt");
/// ```
pub fn document_iri(source: &Source) -> String {
    match &source.url {
        Some(url) => url.split('#').next().unwrap_or(url).to_string(),
        None => format!("urn:claimtrack:{}", percent_encode(&source.id)),
    }
}

/// Percent-encodes every byte that is not an unreserved URI character.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// What the exports need to know about one extraction and its source.
struct Context<'a> {
    source: &'a Source,
    document_iri: String,
    entities: HashMap<&'a str, &'a EntityRecord>,
}

/// Who said a claim.
struct Speaker {
    name: String,
    kind: Option<EntityKind>,
}

impl<'a> Context<'a> {
    fn new(extraction: &'a Extraction, source: &'a Source) -> Context<'a> {
        Context {
            source,
            document_iri: document_iri(source),
            entities: extraction
                .entities
                .iter()
                .map(|entity| (entity.id.as_str(), entity))
                .collect(),
        }
    }

    /// The claim's stable id, as in the ledger.
    fn stable_id(&self, claim: &Claim) -> String {
        claim_id(&self.source.id, &claim.id)
    }

    /// `document#what-id`, the IRI of something about one claim.
    fn iri(&self, what: &str, claim: &Claim) -> String {
        format!("{}#{what}-{}", self.document_iri, self.stable_id(claim))
    }

    /// The speaker, named as the ledger names them: the source's name for
    /// the turn's label, else the speaker entity's name, else the label.
    fn speaker(&self, claim: &Claim) -> Option<Speaker> {
        let entity = claim
            .speaker_entity
            .as_ref()
            .map(EntityId::as_str)
            .and_then(|id| self.entities.get(id));
        let name = self
            .source
            .speaker_name(claim.speaker.as_deref())
            .map(str::to_string)
            .or_else(|| entity.map(|e| e.name.clone()))
            .or_else(|| claim.speaker.clone())?;
        Some(Speaker {
            name,
            kind: entity.map(|e| e.kind),
        })
    }

    /// The kind of the entity with this id.
    fn kind(&self, id: Option<&str>) -> Option<EntityKind> {
        id.and_then(|id| self.entities.get(id)).map(|e| e.kind)
    }
}
