//! Ledger ingest at scale: 100,000 and 1,000,000 synthetic claims into
//! memory and into SQLite, in documents of 100 claims.
//!
//! `cargo bench --bench ledger` prints claims per second and bytes per
//! claim for each size and store, and the ratio of the time per claim at
//! 1M to that at 100k (flat cost means a ratio near 1). Without `--bench`
//! (as `cargo test --benches` runs it) the sizes are 1,000 and 10,000, a
//! quick check that ingest works.
//!
//! The generator is deterministic: a fixed-seed linear congruential
//! generator picks, for every claim, one of 5,000 actors and five of 20,000
//! content words; one claim in ten restates an earlier claim of its actor,
//! with the opposite polarity one time in three, so relations are found as
//! they would be in a real archive.

use std::time::{Duration, Instant};

use claimtrack::Span;
use claimtrack::claim::{
    Certainty, Claim, ClaimId, ClaimKind, EntityId, EntityRecord, EntityRef, Evidence, Extraction,
    Polarity, Time,
};
use claimtrack::entity::EntityKind;
use claimtrack::ledger::{Ledger, Source};

const CLAIMS_PER_DOCUMENT: usize = 100;
const ACTORS: u64 = 5_000;
const WORDS: u64 = 20_000;

/// A fixed-seed linear congruential generator (Knuth's MMIX constants).
struct Generator(u64);

impl Generator {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Syllables for made-up words and names, so that no two are spelling
/// variants of each other by accident.
fn word(n: u64) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ru", "te", "vo", "za", "ne", "pi", "so", "du", "fe", "gu", "ha", "ji",
        "be", "co", "da", "xi", "wu",
    ];
    let mut n = n;
    let mut out = String::new();
    for _ in 0..4 {
        out.push_str(SYLLABLES[(n % 20) as usize]);
        n /= 20;
    }
    out.push_str("ment");
    out
}

fn actor_name(n: u64) -> String {
    let mut name = word(n + 7_777);
    name.replace_range(..1, &name[..1].to_uppercase());
    format!("Org {name}")
}

/// The documents' claims, generated in order.
struct Corpus {
    generator: Generator,
    /// Earlier claims by actor: (words, polarity) to restate.
    earlier: Vec<Option<(Vec<u64>, Polarity)>>,
    template: Extraction,
    // Records are `#[non_exhaustive]`, so outside the crate they are read,
    // not built: these come from JSON as a stored ledger's do, and each
    // generated record is one of them with its fields set.
    entity: EntityRecord,
    actor: EntityRef,
    claim: Claim,
}

impl Corpus {
    fn new() -> Corpus {
        let template = claimtrack::extract("Q: Why?\n\nA: Because.").expect("template");
        Corpus {
            generator: Generator(42),
            earlier: vec![None; ACTORS as usize],
            template,
            entity: from_json(serde_json::json!({
                "id": "e1", "name": "", "kind": EntityKind::Organization.as_str(),
                "aliases": [], "mentions": [], "country": null, "affiliation": null,
                "described_as": [], "ambiguous_with": [],
            })),
            actor: from_json(serde_json::json!({
                "entity": null, "name": "", "text": "", "span": [0, 0],
            })),
            claim: from_json(serde_json::json!({
                "id": "c1", "kind": ClaimKind::Statement.as_str(), "turn": 1, "span": [0, 0],
                "text": "", "speaker": null, "speaker_entity": null, "actor": null,
                "assertion": "", "assertion_span": [0, 0],
                "polarity": Polarity::Positive.as_str(),
                "certainty": Certainty::Certain.as_str(),
                "evidence": Evidence::Asserted.as_str(),
                "attributed_to": null, "time": Time::Present.as_str(),
                "quantities": [], "cues": [],
            })),
        }
    }

    fn document(&mut self) -> Extraction {
        let mut extraction = self.template.clone();
        extraction.entities.clear();
        extraction.claims.clear();
        for index in 0..CLAIMS_PER_DOCUMENT {
            let actor = self.generator.next(ACTORS);
            let (words, polarity) = match self.earlier.get(actor as usize).cloned().flatten() {
                Some((words, polarity)) if self.generator.next(10) == 0 => {
                    let flip = self.generator.next(3) == 0;
                    let polarity = match (flip, polarity) {
                        (true, Polarity::Positive) => Polarity::Negative,
                        (true, Polarity::Negative) => Polarity::Positive,
                        (false, p) => p,
                    };
                    (words, polarity)
                }
                _ => {
                    let words: Vec<u64> = (0..5).map(|_| self.generator.next(WORDS)).collect();
                    (words, Polarity::Positive)
                }
            };
            if let Some(slot) = self.earlier.get_mut(actor as usize) {
                *slot = Some((words.clone(), polarity));
            }
            let entity_id = format!("e{}", extraction.entities.len() + 1);
            let name = actor_name(actor);
            let mut entity = self.entity.clone();
            entity.id = EntityId::new(entity_id.clone());
            entity.name.clone_from(&name);
            entity.aliases = vec![name.clone()];
            extraction.entities.push(entity);
            let assertion: Vec<String> = words.iter().map(|&w| word(w)).collect();
            let assertion = assertion.join(" ");
            let text = format!("{name} {assertion}");
            let start = index * 200;
            let mut actor = self.actor.clone();
            actor.entity = Some(EntityId::new(entity_id));
            actor.name.clone_from(&name);
            actor.text = name;
            actor.span = Span::new(start, start + 1);
            let mut claim = self.claim.clone();
            claim.id = ClaimId::new(format!("c{}", index + 1));
            claim.span = Span::new(start, start + text.len());
            claim.text = text;
            claim.actor = Some(actor);
            claim.assertion = assertion;
            claim.assertion_span = Span::new(start, start + 1);
            claim.polarity = polarity;
            extraction.claims.push(claim);
        }
        extraction
    }
}

/// A record read from JSON.
fn from_json<T: serde::de::DeserializeOwned>(json: serde_json::Value) -> T {
    serde_json::from_value(json).expect("a valid record")
}

/// The process's resident memory, in bytes (Linux; 0 elsewhere).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Ingests `claims` claims; the time spent in `Ledger::add`, and the
/// ledger.
fn ingest(mut ledger: Ledger, claims: usize) -> (Duration, Ledger, usize) {
    let mut corpus = Corpus::new();
    let mut spent = Duration::ZERO;
    let mut relations = 0;
    for document in 0..claims / CLAIMS_PER_DOCUMENT {
        let extraction = corpus.document();
        let source = Source::new(&format!("doc-{document}"));
        let started = Instant::now();
        let report = ledger.add(source, &extraction).expect("adds");
        spent += started.elapsed();
        relations += report.relations.len();
        assert_eq!(report.added, CLAIMS_PER_DOCUMENT, "every claim is new");
    }
    assert_eq!(ledger.claims().len(), claims);
    (spent, ledger, relations)
}

fn report(store: &str, claims: usize, spent: Duration, bytes: u64, relations: usize) -> f64 {
    let per_second = claims as f64 / spent.as_secs_f64();
    let micros = spent.as_secs_f64() * 1e6 / claims as f64;
    println!(
        "{store:<7} {claims:>9} claims  {per_second:>10.0} claims/s  {micros:>7.2} µs/claim  {:>6} bytes/claim  {relations:>7} relations",
        bytes / claims as u64
    );
    micros
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: [usize; 2] = if full {
        [100_000, 1_000_000]
    } else {
        [1_000, 10_000]
    };
    let mut per_claim = Vec::new();
    for &claims in &sizes {
        let before = resident_bytes();
        let (spent, ledger, relations) = ingest(Ledger::new(), claims);
        let bytes = resident_bytes().saturating_sub(before);
        per_claim.push(("memory", report("memory", claims, spent, bytes, relations)));
        drop(ledger);
    }
    #[cfg(feature = "sqlite")]
    for &claims in &sizes {
        let path = std::env::temp_dir().join(format!("claimtrack-bench-{claims}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let (spent, ledger, relations) = ingest(Ledger::open(&path).expect("opens"), claims);
        drop(ledger);
        let bytes: u64 = ["", "-wal"]
            .iter()
            .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
            .map(|m| m.len())
            .sum();
        per_claim.push(("sqlite", report("sqlite", claims, spent, bytes, relations)));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    for store in ["memory", "sqlite"] {
        let times: Vec<f64> = per_claim
            .iter()
            .filter(|(s, _)| *s == store)
            .map(|(_, t)| *t)
            .collect();
        if let [small, large] = times.as_slice() {
            println!(
                "{store}: time per claim at {} is {:.2}× that at {}",
                sizes[1],
                large / small,
                sizes[0]
            );
        }
    }
}
