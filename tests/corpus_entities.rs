//! Entity kinds and claim actors on the real-transcript corpus, against
//! the gold in `tests/corpus/entities/` (annotated by reading, see
//! `tests/corpus/README.md`).
//!
//! - An entity is **found** when the crate names an entity at the
//!   occurrences of its surface forms (not those inside another gold
//!   entity's longer mention: "Africa" in "South Africa"); the entity whose
//!   names cover most of their bytes is its match. Its **kind** is right
//!   when the match has the gold kind.
//! - A gold actor is scored on the crate's claim that starts nearest the
//!   gold clause's start among the claims overlapping it. A `null` actor is
//!   right when the claim's actor names no entity; a named one when the
//!   claim's actor is the match of that gold entity. A gold clause no claim
//!   overlaps counts as wrong (and is counted apart as missed).
//!
//! `cargo test --test lib corpus_entities -- --nocapture` prints the table;
//! `CLAIMTRACK_GOLD_DETAIL=1` adds every miss.

use std::collections::HashMap;

use claimtrack::Span;
use claimtrack::claim::{EntityId, Extraction};
use claimtrack::entity::MentionKind;
use serde::Deserialize;

use crate::gold::{self, corpus_dir, occurrences};

#[derive(Debug, Deserialize)]
struct EntityGold {
    document: String,
    entities: Vec<GoldEntity>,
    actors: Vec<GoldActor>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    name: String,
    kind: String,
    mentions: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldActor {
    claim: String,
    actor: Option<String>,
}

fn documents() -> Vec<(EntityGold, String)> {
    let dir = corpus_dir();
    gold::annotated(
        &dir.join("entities"),
        ".entities.json",
        &dir,
        |g: &EntityGold| &g.document,
    )
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

#[derive(Debug, Default)]
struct Score {
    entities: usize,
    found: usize,
    kinds: usize,
    actors: usize,
    actors_right: usize,
    actors_missed: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.entities += other.entities;
        self.found += other.found;
        self.kinds += other.kinds;
        self.actors += other.actors;
        self.actors_right += other.actors_right;
        self.actors_missed += other.actors_missed;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// The crate's entity at the occurrences of a gold entity's surface forms:
/// the one whose names cover most of their bytes ("Russian Parliament" is
/// the parliament more than Russia, whose demonym it holds).
fn matching_entity(
    extraction: &Extraction,
    text: &str,
    gold: &GoldEntity,
    longer: &[Span],
) -> Option<usize> {
    let mut votes: HashMap<usize, usize> = HashMap::new();
    for surface in &gold.mentions {
        for start in occurrences(text, surface) {
            let span = Span::new(start, start + surface.len());
            // "Africa" inside "South Africa" is the other entity's mention.
            if longer
                .iter()
                .any(|l| l.start() <= span.start() && span.end() <= l.end() && l.len() > span.len())
            {
                continue;
            }
            for (index, entity) in extraction.entities.iter().enumerate() {
                let names = entity.mentions.iter().filter(|m| {
                    !matches!(
                        m.kind,
                        MentionKind::Pronoun | MentionKind::Description | MentionKind::FirstPerson
                    )
                });
                let covered: usize = names
                    .filter(|m| overlaps(m.span, span))
                    .map(|m| m.span.end().min(span.end()) - m.span.start().max(span.start()))
                    .sum();
                if covered > 0 {
                    *votes.entry(index).or_default() += covered;
                }
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(index, count)| (count, std::cmp::Reverse(index)))
        .map(|(index, _)| index)
}

fn score(gold: &EntityGold, text: &str) -> Score {
    let extraction = claimtrack::extract(text).expect("corpus document extracts");
    let mut score = Score::default();
    let mut matches: HashMap<&str, &str> = HashMap::new();
    let all_mentions: Vec<Span> = gold
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .flat_map(|surface| {
            occurrences(text, surface)
                .into_iter()
                .map(|start| Span::new(start, start + surface.len()))
        })
        .collect();
    for entity in &gold.entities {
        score.entities += 1;
        let Some(found) = matching_entity(&extraction, text, entity, &all_mentions) else {
            score.misses.push(format!(
                "entity {:?} ({}) not found",
                entity.name, entity.kind
            ));
            continue;
        };
        score.found += 1;
        let record = &extraction.entities[found];
        matches.insert(entity.name.as_str(), record.id.as_str());
        if record.kind.as_str() == entity.kind {
            score.kinds += 1;
        } else {
            score.misses.push(format!(
                "kind of {:?}: got {}, want {}",
                entity.name,
                record.kind.as_str(),
                entity.kind
            ));
        }
    }
    for actor in &gold.actors {
        score.actors += 1;
        let start = text.find(&actor.claim).unwrap_or_else(|| {
            panic!("{}: claim {:?} not in the text", gold.document, actor.claim)
        });
        let span = Span::new(start, start + actor.claim.len());
        let claim = extraction
            .claims
            .iter()
            .filter(|c| overlaps(c.span, span))
            .min_by_key(|c| c.span.start().abs_diff(start));
        let Some(claim) = claim else {
            score.actors_missed += 1;
            score
                .misses
                .push(format!("actor of {:?}: no claim", actor.claim));
            continue;
        };
        let got = claim
            .actor
            .as_ref()
            .and_then(|a| a.entity.as_ref().map(EntityId::as_str));
        let right = match &actor.actor {
            None => got.is_none(),
            Some(name) => got.is_some() && matches.get(name.as_str()).copied() == got,
        };
        if right {
            score.actors_right += 1;
        } else {
            let got_name = claim
                .actor
                .as_ref()
                .map(|a| format!("{} ({:?})", a.name, a.text));
            score.misses.push(format!(
                "actor of {:?}: got {got_name:?}, want {:?}",
                actor.claim, actor.actor
            ));
        }
    }
    score
}

/// The levels measured when the gold was written; a change that lowers
/// them fails. Issue 16 asks for 0.90 on both.
const GUARD_KINDS: f64 = 0.80;
const GUARD_ACTORS: f64 = 0.60;

#[test]
fn corpus_entity_kinds_and_actors_match_gold() {
    let detail = std::env::var_os("CLAIMTRACK_GOLD_DETAIL").is_some();
    let documents = documents();
    assert!(
        documents.len() >= 10,
        "entity gold files: {}",
        documents.len()
    );
    let mut total = Score::default();
    println!(
        "{:<62} {:>8} {:>6} {:>6} {:>7} {:>6}",
        "document", "entities", "found", "kinds", "actors", "missed"
    );
    for (gold, text) in &documents {
        let score = score(gold, text);
        println!(
            "{:<62} {:>8} {:>6.3} {:>6.3} {:>7.3} {:>6}",
            gold.document.trim_end_matches(".txt"),
            score.entities,
            ratio(score.found, score.entities),
            ratio(score.kinds, score.found),
            ratio(score.actors_right, score.actors),
            score.actors_missed,
        );
        if detail {
            for miss in &score.misses {
                println!("    {miss}");
            }
        }
        total.add(&score);
    }
    let kinds = ratio(total.kinds, total.found);
    let actors = ratio(total.actors_right, total.actors);
    println!(
        "all: {} entities, found {:.3} ({}/{}), kinds right {kinds:.3} ({}/{}), \
         kinds right of all gold {:.3}; {} actors, right {actors:.3} ({}/{}), {} without a claim",
        total.entities,
        ratio(total.found, total.entities),
        total.found,
        total.entities,
        total.kinds,
        total.found,
        ratio(total.kinds, total.entities),
        total.actors,
        total.actors_right,
        total.actors,
        total.actors_missed,
    );
    assert!(total.entities >= 300, "entity gold: {}", total.entities);
    assert!(kinds >= GUARD_KINDS, "kinds {kinds:.3} < {GUARD_KINDS}");
    assert!(
        actors >= GUARD_ACTORS,
        "actors {actors:.3} < {GUARD_ACTORS}"
    );
}

/// "You" in three published State of the Union messages, which open by
/// hailing their listeners: Congress alone in two ("To the Congress of the
/// United States:", "Gentlemen of the Congress:"), so their "you" is
/// Congress; the chambers and "my fellow Americans" at once in the third,
/// so its "you" names no one.
#[test]
fn you_in_speeches_is_whom_the_greeting_hails() {
    let cases = [
        ("usgov-1887-12-06-cleveland-annual-message.txt", true),
        ("usgov-1913-12-02-wilson-annual-message.txt", true),
        ("usgov-1964-01-08-johnson-state-of-the-union.txt", false),
    ];
    for (file, hails_congress) in cases {
        let text = std::fs::read_to_string(corpus_dir().join(file)).expect("corpus text reads");
        let extraction = claimtrack::extract(&text).expect("corpus document extracts");
        let you: Vec<(&str, Option<&str>)> = extraction
            .claims
            .iter()
            .filter_map(|claim| claim.actor.as_ref())
            .filter(|actor| actor.text.eq_ignore_ascii_case("you"))
            .map(|actor| {
                (
                    actor.name.as_str(),
                    actor.entity.as_ref().map(EntityId::as_str),
                )
            })
            .collect();
        if hails_congress {
            assert!(!you.is_empty(), "{file}: no claim about \"you\"");
            assert!(
                you.iter()
                    .all(|(name, entity)| name.contains("Congress") && entity.is_some()),
                "{file}: {you:?}"
            );
        } else {
            assert!(
                you.iter().all(|(_, entity)| entity.is_none()),
                "{file}: {you:?}"
            );
        }
    }
}
