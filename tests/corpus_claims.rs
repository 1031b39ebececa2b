//! Claims on real speech: the claim gold of `tests/corpus/claims/` (a region
//! of about 800 words in each of 12 corpus transcripts, annotated by
//! reading; see `tests/corpus/README.md`).
//!
//! Matching is the seed gold's (`tests/claims.rs`): a gold claim is found
//! when a predicted claim of the same kind (statement or premise) covers at
//! least half of its anchor, the shortest such claim winning and each
//! predicted claim used once; optional gold claims count when found and are
//! not missed when absent. Precision is matched predicted claims over the
//! predicted claims that start inside the region. A claim is **fully
//! right** when it is found with actor, polarity, certainty, evidence and
//! time all right. For polarity, certainty and evidence the test also gives
//! the macro-F1 over their values, on the found claims.
//!
//! `cargo test --test lib corpus_claims -- --nocapture` prints the table;
//! `CLAIMTRACK_GOLD_DETAIL=1` adds every miss, wrong field and unmatched
//! prediction.

use std::collections::BTreeMap;

use claimtrack::Span;
use claimtrack::claim::{Claim, ClaimKind, Extraction};
use serde::Deserialize;
use serde_json::Value;

use crate::claims::{GoldEntity, accepted, actor_is_right, best_match, field_is_right};
use crate::gold::{self, corpus_dir};

#[derive(Debug, Deserialize)]
struct RealGold {
    document: String,
    region: Region,
    #[serde(default)]
    entities: Vec<GoldEntity>,
    claims: Vec<GoldClaim>,
    #[serde(default)]
    not_claims: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Region {
    starts: String,
    ends: String,
}

#[derive(Debug, Deserialize)]
struct GoldClaim {
    anchor: String,
    kind: String,
    #[serde(default)]
    optional: bool,
    actor: Value,
    polarity: Value,
    certainty: Value,
    evidence: Value,
    time: Value,
}

/// The fields scored on a found claim, in report order.
const FIELDS: [&str; 5] = ["actor", "polarity", "certainty", "evidence", "time"];
/// The fields whose values get a macro-F1.
const LABELLED: [&str; 3] = ["polarity", "certainty", "evidence"];

/// The levels measured when the gold was written; a change that lowers
/// them fails. Issue 17 asks for 0.80 fully right, 0.90 recall and
/// precision, and 0.80 macro-F1.
const GUARD_FULLY_RIGHT: f64 = 0.67;
const GUARD_RECALL: f64 = 0.90;
const GUARD_PRECISION: f64 = 0.84;

#[derive(Debug, Default)]
struct Score {
    required: usize,
    found: usize,
    fully_right: usize,
    predicted: usize,
    matched: usize,
    fields: [(usize, usize); 5],
    /// Per labelled field, (gold value, predicted value) of found claims.
    pairs: BTreeMap<&'static str, Vec<(Vec<String>, String)>>,
    not_claims: usize,
    not_claims_extracted: usize,
    detail: Vec<String>,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.required += other.required;
        self.found += other.found;
        self.fully_right += other.fully_right;
        self.predicted += other.predicted;
        self.matched += other.matched;
        for (mine, theirs) in self.fields.iter_mut().zip(other.fields) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        for (field, pairs) in other.pairs {
            self.pairs.entry(field).or_default().extend(pairs);
        }
        self.not_claims += other.not_claims;
        self.not_claims_extracted += other.not_claims_extracted;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// Macro-F1 over the values of one field: per value, F1 of predicting it
/// where the gold accepts it (a gold field that accepts several values
/// counts as right for any of them), averaged over the values the gold or
/// the crate used.
/// Per value of a labelled field: (value, true positives, false positives,
/// false negatives, F1). A gold that accepts several values counts for
/// whichever was predicted, and never as a miss of the others.
fn value_f1s(pairs: &[(Vec<String>, String)]) -> Vec<(String, usize, usize, usize, f64)> {
    let mut values: Vec<&str> = pairs
        .iter()
        .flat_map(|(gold, got)| gold.iter().map(String::as_str).chain([got.as_str()]))
        .collect();
    values.sort_unstable();
    values.dedup();
    values
        .iter()
        .map(|&value| {
            let (mut tp, mut fp, mut fn_) = (0, 0, 0);
            for (gold, got) in pairs {
                let right = gold.iter().any(|g| g == got);
                let gold_has = gold.iter().any(|g| g == value);
                match (got == value, right, gold_has) {
                    (true, true, _) => tp += 1,
                    (true, false, _) => fp += 1,
                    (false, false, true) if gold.len() == 1 => fn_ += 1,
                    _ => {}
                }
            }
            let f1 = if tp == 0 {
                0.0
            } else {
                2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
            };
            (value.to_string(), tp, fp, fn_, f1)
        })
        .collect()
}

fn macro_f1(pairs: &[(Vec<String>, String)]) -> f64 {
    let f1s = value_f1s(pairs);
    f1s.iter().map(|value| value.4).sum::<f64>() / f1s.len().max(1) as f64
}

fn golds() -> Vec<(RealGold, String)> {
    let dir = corpus_dir();
    gold::annotated(&dir.join("claims"), ".claims.json", &dir, |g: &RealGold| {
        &g.document
    })
}

fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Premise => "premise",
        _ => "statement",
    }
}

fn score(gold: &RealGold, text: &str) -> Score {
    let region_start = text
        .find(&gold.region.starts)
        .unwrap_or_else(|| panic!("{}: region start not found", gold.document));
    let region_end = text
        .get(region_start..)
        .and_then(|rest| rest.find(&gold.region.ends))
        .map(|at| region_start + at + gold.region.ends.len())
        .unwrap_or_else(|| panic!("{}: region end not found", gold.document));
    let region = Span::new(region_start, region_end);
    let extraction: Extraction = claimtrack::extract(text).expect("corpus document extracts");
    let predicted: Vec<&Claim> = extraction
        .claims
        .iter()
        .filter(|c| region.start() <= c.span.start() && c.span.start() < region.end())
        .collect();
    let mut used = vec![false; predicted.len()];
    let mut score = Score {
        predicted: predicted.len(),
        ..Score::default()
    };
    for claim in &gold.claims {
        let start = text
            .get(region.start()..region.end())
            .and_then(|inside| inside.find(&claim.anchor))
            .map(|at| region.start() + at)
            .unwrap_or_else(|| panic!("{}: anchor {:?}", gold.document, claim.anchor));
        let anchor = Span::new(start, start + claim.anchor.len());
        if !claim.optional {
            score.required += 1;
        }
        let best = best_match(&predicted, &used, anchor, |c| {
            kind_name(c.kind) == claim.kind
        });
        let Some(index) = best else {
            if !claim.optional {
                score
                    .detail
                    .push(format!("missed {}: {:?}", claim.kind, claim.anchor));
            }
            continue;
        };
        used[index] = true;
        score.matched += 1;
        let got = predicted[index];
        let checks = [
            actor_is_right(got, &extraction, &claim.actor, &gold.entities),
            field_is_right(got.polarity, &claim.polarity),
            field_is_right(got.certainty, &claim.certainty),
            field_is_right(got.evidence, &claim.evidence),
            field_is_right(got.time, &claim.time),
        ];
        if claim.optional {
            continue;
        }
        score.found += 1;
        score.fully_right += usize::from(checks.iter().all(|&right| right));
        for (slot, right) in score.fields.iter_mut().zip(checks) {
            slot.1 += 1;
            slot.0 += usize::from(right);
        }
        let values = [
            ("polarity", &claim.polarity, got.polarity.to_string()),
            ("certainty", &claim.certainty, got.certainty.to_string()),
            ("evidence", &claim.evidence, got.evidence.to_string()),
        ];
        for (field, want, value) in values {
            let want: Vec<String> = accepted(want)
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            score.pairs.entry(field).or_default().push((want, value));
        }
        for (field, right) in FIELDS.iter().zip(checks) {
            if !right {
                let (want, value) = match *field {
                    "actor" => (
                        &claim.actor,
                        format!("{:?}", got.actor.as_ref().map(|a| &a.name)),
                    ),
                    "polarity" => (&claim.polarity, got.polarity.to_string()),
                    "certainty" => (&claim.certainty, got.certainty.to_string()),
                    "evidence" => (&claim.evidence, got.evidence.to_string()),
                    _ => (&claim.time, got.time.to_string()),
                };
                score.detail.push(format!(
                    "{field}: got {value}, want {want} — {:?}",
                    claim.anchor
                ));
            }
        }
    }
    for (index, claim) in predicted.iter().enumerate() {
        if !used[index] {
            score.detail.push(format!(
                "unmatched {}: {:?}",
                kind_name(claim.kind),
                claim.text
            ));
        }
    }
    for sentence in &gold.not_claims {
        let Some(at) = text
            .get(region.start()..region.end())
            .and_then(|inside| inside.find(sentence.as_str()))
        else {
            continue;
        };
        let span = Span::new(region.start() + at, region.start() + at + sentence.len());
        score.not_claims += 1;
        if let Some(hit) = extraction
            .claims
            .iter()
            .find(|c| c.span.start() >= span.start() && c.span.end() <= span.end() + 1)
        {
            score.not_claims_extracted += 1;
            score
                .detail
                .push(format!("not-claim extracted: {:?}", hit.text));
        }
    }
    score
}

fn line(name: &str, score: &Score) -> String {
    let mut out = format!(
        "{name:<62} {:>5} {:>6.3} {:>6.3} {:>6.3}",
        score.required,
        ratio(score.fully_right, score.required),
        ratio(score.found, score.required),
        ratio(score.matched, score.predicted),
    );
    for (right, total) in score.fields {
        out.push_str(&format!(" {:>6.3}", ratio(right, total)));
    }
    out
}

#[test]
fn real_speech_claims_match_gold() {
    let detail = std::env::var_os("CLAIMTRACK_GOLD_DETAIL").is_some();
    let golds = golds();
    assert!(golds.len() >= 12, "claim gold files: {}", golds.len());
    println!(
        "{:<62} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "document", "gold", "fully", "recall", "prec", "actor", "polar", "certty", "evid", "time"
    );
    let mut total = Score::default();
    for (gold, text) in &golds {
        let score = score(gold, text);
        println!("{}", line(gold.document.trim_end_matches(".txt"), &score));
        if detail {
            for item in &score.detail {
                println!("    {item}");
            }
        }
        total.add(score);
    }
    println!(
        "{}",
        line(&format!("all {} documents", golds.len()), &total)
    );
    let fully = ratio(total.fully_right, total.required);
    let recall = ratio(total.found, total.required);
    let precision = ratio(total.matched, total.predicted);
    let f1: Vec<(&str, f64)> = LABELLED
        .iter()
        .map(|&field| {
            let pairs = total.pairs.get(field).map_or(&[][..], Vec::as_slice);
            (field, macro_f1(pairs))
        })
        .collect();
    println!(
        "fully right {fully:.3} (target 0.80), recall {recall:.3} (0.90), precision \
         {precision:.3} (0.90); macro-F1 {}; not-claims extracted {} of {}",
        f1.iter()
            .map(|(field, value)| format!("{field} {value:.3}"))
            .collect::<Vec<_>>()
            .join(", "),
        total.not_claims_extracted,
        total.not_claims,
    );
    if detail {
        for field in LABELLED {
            let pairs = total.pairs.get(field).map_or(&[][..], Vec::as_slice);
            for (value, tp, fp, fn_, f1) in value_f1s(pairs) {
                println!("  {field} {value:<10} tp {tp:>3} fp {fp:>3} fn {fn_:>3}  F1 {f1:.3}");
            }
        }
    }
    assert!(total.required >= 500, "required claims: {}", total.required);
    assert!(fully >= GUARD_FULLY_RIGHT, "fully right {fully:.3}");
    assert!(recall >= GUARD_RECALL, "recall {recall:.3}");
    assert!(precision >= GUARD_PRECISION, "precision {precision:.3}");
}

#[test]
fn macro_f1_counts_every_value_once() {
    let one = |gold: &str, got: &str| (vec![gold.to_string()], got.to_string());
    // All right: 1.0. One value never predicted where the gold has it: its
    // F1 is 0 and the mean halves.
    assert!((macro_f1(&[one("a", "a"), one("b", "b")]) - 1.0).abs() < 1e-9);
    assert!((macro_f1(&[one("a", "a"), one("b", "a")]) - (2.0 / 3.0) / 2.0).abs() < 1e-9);
}
