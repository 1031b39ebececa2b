//! Relations between two claims of the same proposition.
//!
//! For an earlier claim A and a later claim B of one proposition, the first
//! rule that applies gives the relation:
//!
//! 1. **resolves**: A is a prediction (`time: future`) still open, and B is
//!    not a prediction. The outcome is `confirmed` when their polarities
//!    agree and their amounts do too, `refuted` when the polarities differ
//!    or an amount of one kind does ("will pay 40 million", then "paid 55
//!    million").
//! 2. **disputes**: exactly one of them says evidence is `lacking`.
//! 3. **contradicts**: their polarities differ and both commit to their
//!    side: certainty at least `probable`, or a reported claim (the source
//!    asserted it).
//! 4. **refines**: their polarities agree and one has a quantity or a time
//!    expression the other lacks, or an amount of one kind differs.
//! 5. **repeats**: their polarities agree.
//!
//! Claims that commit to nothing (a question's `unknown` certainty that
//! reports no one) take part in no relation.

use serde::{Deserialize, Serialize};

use super::TrackedClaim;
use super::amount;
use crate::claim::{Certainty, Evidence, Time};

/// How a later claim stands to an earlier claim of the same proposition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelationKind {
    /// Says it again: same polarity.
    Repeats,
    /// Says the opposite, both sides committed.
    Contradicts,
    /// Says there is no evidence for it (or the other way round).
    Disputes,
    /// Says it again with a quantity or a time the other lacks.
    Refines,
    /// Settles an open prediction.
    Resolves,
}

crate::label::labels! {
    RelationKind in "ledger" {
        Repeats => "repeats",
        Contradicts => "contradicts",
        Disputes => "disputes",
        Refines => "refines",
        Resolves => "resolves",
    }
}

/// How a prediction turned out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The later claim says what was predicted happened.
    Confirmed,
    /// The later claim says it did not.
    Refuted,
}

crate::label::labels! {
    Outcome in "ledger" {
        Confirmed => "confirmed",
        Refuted => "refuted",
    }
}

/// A relation between two claims, with the reason it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Relation {
    /// What the later claim does to the earlier one.
    pub kind: RelationKind,
    /// The earlier claim's id.
    pub from: String,
    /// The later claim's id.
    pub to: String,
    /// For `resolves`, how the prediction turned out.
    pub outcome: Option<Outcome>,
    /// Why: the shared actor and words, and the fields that decided.
    pub why: String,
}

/// True when a claim takes a side: certainty at least `probable`, or a
/// reported claim (its source asserted it).
fn committed(claim: &TrackedClaim) -> bool {
    claim.certainty >= Certainty::Probable || claim.evidence == Evidence::Reported
}

/// True when a claim can take part in relations at all.
pub(crate) fn participates(claim: &TrackedClaim) -> bool {
    claim.certainty >= Certainty::Possible
        || matches!(claim.evidence, Evidence::Reported | Evidence::Lacking)
}

/// The relation of `later` to `earlier`, if any; `open` tells whether
/// `earlier` is a prediction no claim has resolved yet.
pub(crate) fn classify(
    earlier: &TrackedClaim,
    later: &TrackedClaim,
    open: bool,
    shared: &[String],
) -> Option<(RelationKind, Option<Outcome>, String)> {
    if !participates(earlier) || !participates(later) {
        return None;
    }
    let actor = earlier.actor.as_ref().map_or("-", |a| a.name.as_str());
    let words = shared.join(", ");
    let same_polarity = earlier.polarity == later.polarity;
    let lacking = |c: &TrackedClaim| c.evidence == Evidence::Lacking;
    let describe = |c: &TrackedClaim| {
        format!(
            "{:?}/{:?}/{:?}/{:?}",
            c.polarity, c.certainty, c.evidence, c.time
        )
        .to_lowercase()
    };
    let basis = format!(
        "same proposition: actor {actor}, shared words [{words}]; earlier {}, later {}",
        describe(earlier),
        describe(later)
    );
    let amounts = amount::differ(&earlier.amounts, &later.amounts).map(|(a, b)| {
        format!(
            "; the amounts differ: {} then {}",
            amount::describe(a),
            amount::describe(b)
        )
    });
    if open
        && earlier.time == Time::Future
        && later.time != Time::Future
        && !lacking(later)
        && committed(later)
    {
        let outcome = if same_polarity && amounts.is_none() {
            Outcome::Confirmed
        } else {
            Outcome::Refuted
        };
        let why = format!(
            "{basis}; a prediction, then a statement of what happened{}",
            amounts.unwrap_or_default()
        );
        return Some((RelationKind::Resolves, Some(outcome), why));
    }
    if lacking(earlier) != lacking(later) {
        let why = format!("{basis}; one says the evidence is lacking");
        return Some((RelationKind::Disputes, None, why));
    }
    if lacking(earlier) {
        return None;
    }
    if !same_polarity {
        if committed(earlier) && committed(later) {
            let why = format!("{basis}; opposite polarity, both committed");
            return Some((RelationKind::Contradicts, None, why));
        }
        return None;
    }
    if let Some(amounts) = amounts {
        let why = format!("{basis}{amounts}");
        return Some((RelationKind::Refines, None, why));
    }
    let dated = |c: &TrackedClaim| c.time != Time::Present;
    if earlier.quantities != later.quantities || dated(earlier) != dated(later) {
        let why = format!("{basis}; one adds a quantity or time the other lacks");
        return Some((RelationKind::Refines, None, why));
    }
    let why = format!("{basis}; same polarity");
    Some((RelationKind::Repeats, None, why))
}
