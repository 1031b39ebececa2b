//! schema.org `Claim` items as JSON-LD.
//!
//! A schema.org `ClaimReview` is a fact-checker's verdict: search engines
//! and fact-check aggregators require its `reviewRating`. The crate finds
//! what was claimed, not whether it is true, so it never writes a
//! `ClaimReview` of its own: [`schema_org`] writes `Claim` items, and
//! [`claim_review`] wraps one in a `ClaimReview` only around a [`Review`]
//! the caller supplies.

use serde::Serialize;

use super::{Context, Speaker};
use crate::claim::{Claim, EntityId, Extraction};
use crate::entity::EntityKind;
use crate::ledger::Source;

/// The JSON-LD context of schema.org.
pub const SCHEMA_CONTEXT: &str = "https://schema.org";

/// A JSON-LD document of schema.org `Claim` items.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ClaimGraph {
    /// Always [`SCHEMA_CONTEXT`].
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// The claims, in text order.
    #[serde(rename = "@graph")]
    pub graph: Vec<SchemaClaim>,
}

/// A schema.org `Claim`: one statement, who made it and where it appeared.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SchemaClaim {
    /// Always `"Claim"`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// `document#claim-` and the claim's stable id (see
    /// [`document_iri`](super::document_iri)).
    #[serde(rename = "@id")]
    pub id: String,
    /// The claim's words.
    pub text: String,
    /// The speaker: a `Person` or `Organization`; absent when the layout
    /// names no speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Thing>,
    /// The claim's actor, what it is about; absent when it names none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<Thing>,
    /// The document it appeared in.
    pub appearance: CreativeWork,
    /// The source's publication date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
}

/// A named schema.org thing: a `Person`, `Organization`, `Country`,
/// `Place` or plain `Thing`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Thing {
    /// The schema.org type.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// Its name.
    pub name: String,
}

/// The schema.org `CreativeWork` a claim appeared in: the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreativeWork {
    /// Always `"CreativeWork"`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The document's IRI.
    #[serde(rename = "@id")]
    pub id: String,
    /// The source's id.
    pub identifier: String,
    /// The source's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The source's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The source's publisher, an `Organization`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Thing>,
    /// The source's publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
}

/// The schema.org type of an entity kind.
fn schema_type(kind: Option<EntityKind>) -> &'static str {
    match kind {
        Some(EntityKind::Person) => "Person",
        Some(EntityKind::Organization) => "Organization",
        Some(EntityKind::Country) => "Country",
        Some(EntityKind::Place) => "Place",
        Some(EntityKind::Group | EntityKind::Other) | None => "Thing",
    }
}

/// The statements of an extraction as schema.org `Claim` items.
///
/// Premises (claims carried by a question) are left out: the interviewer
/// puts them to the interviewee rather than claims them. Each item's
/// `author` is the speaker: the source's name for the turn's label
/// ([`Source::speaker`]), else the name of the speaker entity, else the
/// label; an `Organization` when the speaker entity is one, else a
/// `Person`.
///
/// ```
/// use claimtrack::export::schema_org;
/// use claimtrack::ledger::Source;
///
/// let text = "MODERATOR: Will it open?\n\nMS. WRONA: Amber Link will deliver its first power in December.";
/// let extraction = claimtrack::extract(text)?;
/// let source = Source::new("wn-1").url("https://example.org/wrona").date("2025-02-11")?
///     .speaker("MS. WRONA", "Ewa Wrona");
/// let graph = schema_org(&extraction, &source);
/// let claim = &graph.graph[0];
/// assert_eq!(claim.text, "Amber Link will deliver its first power in December");
/// assert!(claim.id.starts_with("https://example.org/wrona#claim-k"));
/// assert_eq!(claim.author.as_ref().unwrap().name, "Ewa Wrona");
/// assert_eq!(claim.appearance.url.as_deref(), Some("https://example.org/wrona"));
///
/// let json = serde_json::to_value(&graph).unwrap();
/// assert_eq!(json["@context"], "https://schema.org");
/// assert_eq!(json["@graph"][0]["@type"], "Claim");
/// assert_eq!(json["@graph"][0]["datePublished"], "2025-02-11");
/// # Ok::<(), claimtrack::Error>(())
/// ```
pub fn schema_org(extraction: &Extraction, source: &Source) -> ClaimGraph {
    let context = Context::new(extraction, source);
    let appearance = creative_work(&context);
    ClaimGraph {
        context: SCHEMA_CONTEXT,
        graph: extraction
            .statements()
            .map(|claim| schema_claim(&context, claim, &appearance))
            .collect(),
    }
}

fn creative_work(context: &Context<'_>) -> CreativeWork {
    let source = context.source;
    CreativeWork {
        kind: "CreativeWork",
        id: context.document_iri.clone(),
        identifier: source.id.clone(),
        url: source.url.clone(),
        name: source.title.clone(),
        publisher: source.publisher.as_ref().map(|name| Thing {
            kind: "Organization",
            name: name.clone(),
        }),
        date_published: source.date.map(|date| date.to_string()),
    }
}

fn schema_claim(context: &Context<'_>, claim: &Claim, appearance: &CreativeWork) -> SchemaClaim {
    let author = context.speaker(claim).map(|Speaker { name, kind }| Thing {
        kind: if kind == Some(EntityKind::Organization) {
            "Organization"
        } else {
            "Person"
        },
        name,
    });
    let about = claim.actor.as_ref().map(|actor| Thing {
        kind: schema_type(context.kind(actor.entity.as_ref().map(EntityId::as_str))),
        name: actor.name.clone(),
    });
    SchemaClaim {
        kind: "Claim",
        id: context.iri("claim", claim),
        text: claim.text.clone(),
        author,
        about,
        appearance: appearance.clone(),
        date_published: context.source.date.map(|date| date.to_string()),
    }
}

/// A fact-checker's verdict on one claim, which the crate cannot give.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Review {
    /// The verdict in words, the rating's `alternateName` ("False",
    /// "Mostly true").
    pub verdict: String,
    /// The organisation that reviewed the claim.
    pub reviewer: String,
    /// Where the review is published.
    pub url: Option<String>,
    /// When the review was published, `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Review {
    /// A verdict by a reviewer, with no URL or date.
    pub fn new(verdict: &str, reviewer: &str) -> Review {
        Review {
            verdict: verdict.to_string(),
            reviewer: reviewer.to_string(),
            ..Review::default()
        }
    }

    /// Sets where the review is published.
    #[must_use]
    pub fn url(mut self, url: &str) -> Review {
        self.url = Some(url.to_string());
        self
    }

    /// Sets when the review was published.
    #[must_use]
    pub fn date(mut self, date: &str) -> Review {
        self.date = Some(date.to_string());
        self
    }
}

/// A schema.org `ClaimReview`: a caller's [`Review`] of one claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClaimReview {
    /// Always [`SCHEMA_CONTEXT`].
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// Always `"ClaimReview"`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The claim's words.
    pub claim_reviewed: String,
    /// The claim reviewed.
    pub item_reviewed: SchemaClaim,
    /// The verdict.
    pub review_rating: Rating,
    /// The reviewer, an `Organization`.
    pub author: Thing,
    /// Where the review is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the review was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
}

/// A schema.org `Rating` given in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Rating {
    /// Always `"Rating"`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The verdict in words.
    pub alternate_name: String,
}

/// Wraps a claim in a `ClaimReview` carrying the caller's verdict.
///
/// ```
/// use claimtrack::export::{Review, claim_review, schema_org};
/// use claimtrack::ledger::Source;
///
/// let extraction = claimtrack::extract("Q: And?\n\nA: Amber Link did not deliver any electricity in December.")?;
/// let claim = schema_org(&extraction, &Source::new("jan")).graph.remove(0);
/// let review = claim_review(claim, &Review::new("True", "Baltic Fact Desk").date("2026-02-01"));
/// let json = serde_json::to_value(&review).unwrap();
/// assert_eq!(json["@type"], "ClaimReview");
/// assert_eq!(json["claimReviewed"], "Amber Link did not deliver any electricity in December");
/// assert_eq!(json["itemReviewed"]["@type"], "Claim");
/// assert_eq!(json["reviewRating"]["alternateName"], "True");
/// assert_eq!(json["author"]["name"], "Baltic Fact Desk");
/// # Ok::<(), claimtrack::Error>(())
/// ```
pub fn claim_review(claim: SchemaClaim, review: &Review) -> ClaimReview {
    ClaimReview {
        context: SCHEMA_CONTEXT,
        kind: "ClaimReview",
        claim_reviewed: claim.text.clone(),
        item_reviewed: claim,
        review_rating: Rating {
            kind: "Rating",
            alternate_name: review.verdict.clone(),
        },
        author: Thing {
            kind: "Organization",
            name: review.reviewer.clone(),
        },
        url: review.url.clone(),
        date_published: review.date.clone(),
    }
}
