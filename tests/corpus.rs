//! The real-transcript corpus: published transcripts that nobody on this
//! project wrote, in `tests/corpus/`, each with hand-written turn gold in
//! `tests/corpus/gold/` and a row in `tests/corpus/manifest.json`.
//!
//! A turn is right when a turn of the document starts where the gold turn
//! starts, with the gold's role and the gold's label as written. A document's
//! turn score is its right turns over its gold turns plus the turns it made
//! that start where no gold turn does, so a split and a merge both cost.
//! `cargo test --test lib corpus -- --nocapture` prints the table.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use claimtrack::Document;
use serde::Deserialize;

use crate::gold::{self, corpus_dir};

/// The targets of the corpus (issue 15): turns right over the whole corpus,
/// speaker labels read exactly, and the turn score below which no document
/// may fall. The test prints whether each is met.
const TARGET_TURNS: f64 = 0.97;
const TARGET_LABELS: f64 = 0.97;
const DOCUMENT_FLOOR: f64 = 0.90;

/// What the test holds the document stage to, so that no change goes back:
/// the labels target itself, and for turns the share measured when the
/// corpus was built (0.957), short of its target.
const GUARD_TURNS: f64 = 0.955;

/// The documents still below the floor, each with the score it must keep
/// and why it falls short: OCR'd typescripts whose labels the scanner
/// garbled, and pages whose pull quotes (a sentence of the speech, reworded
/// and set apart) read as speech once the page is text. Any other document
/// below the floor fails the test.
const BELOW_FLOOR: &[(&str, f64, &str)] = &[
    (
        "kremlin-2013-04-05-ard-interview.txt",
        0.84,
        "four pull quotes set into the answers",
    ),
    (
        "kremlin-2017-03-10-erdogan-joint-news-conference.txt",
        0.62,
        "six pull quotes set into the statements",
    ),
    (
        "pmtranscripts-1965-06-27-menzies-london-press-conference.txt",
        0.80,
        "OCR: labels such as 'QG', 'Pm.* Temi', an unlabelled follow-up",
    ),
    (
        "pmtranscripts-1972-12-05-whitlam-first-press-conference.txt",
        0.67,
        "OCR: 'PRIM~ E MINISTER', labels ended by a comma, labels mid-line",
    ),
    (
        "pmtranscripts-1984-06-01-hawke-assets-test-press-conference.txt",
        0.73,
        "OCR: answers printed without their label, labels mid-line",
    ),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    document: String,
    layouts: Vec<String>,
    #[allow(dead_code)] // for the reader of the gold file
    note: String,
    turns: Vec<GoldTurn>,
    dropped: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldTurn {
    role: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    who: Option<String>,
    starts: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    file: String,
    publisher: String,
    title: String,
    date: String,
    url: String,
    licence: String,
    #[serde(default)]
    licence_note: Option<String>,
    via: String,
    conversion: String,
}

/// The layout families a gold file may name.
const LAYOUTS: &[&str] = &[
    "name_colon",
    "qa_spaced",
    "qa_stop",
    "name_line",
    "all_caps",
    "timestamp_name",
    "markup_labels",
    "bare",
    "hearing",
    "news_conference",
    "press_call",
    "podcast",
    "markup_document",
    "speech",
];

fn manifest() -> Vec<ManifestEntry> {
    let json = std::fs::read_to_string(corpus_dir().join("manifest.json"))
        .expect("tests/corpus/manifest.json exists");
    serde_json::from_str(&json).expect("the manifest parses")
}

/// Every gold file with its document's text.
fn documents() -> Vec<(Gold, String)> {
    let dir = corpus_dir();
    gold::annotated(&dir.join("gold"), ".gold.json", &dir, |g: &Gold| {
        &g.document
    })
}

/// Skips white space and the markup a body may or may not leave out
/// (`**`, `_`, `>`, `#` before a word), so a gold start and a body start
/// compare on words. A run of markup characters that is not followed by a
/// word on its line ("______") is text.
fn words_start(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    let spaces = rest
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(rest.len(), |(index, _)| index);
    let after_spaces = rest.get(spaces..).unwrap_or("");
    let markup = after_spaces
        .char_indices()
        .find(|(_, c)| !matches!(c, '*' | '_' | '>' | '#'))
        .map_or(after_spaces.len(), |(index, _)| index);
    let after_markup = after_spaces.get(markup..).unwrap_or("");
    let gap = after_markup
        .char_indices()
        .find(|(_, c)| !matches!(c, ' ' | '\t' | '\u{a0}'))
        .map_or(after_markup.len(), |(index, _)| index);
    let opens_word = after_markup
        .get(gap..)
        .and_then(|word| word.chars().next())
        .is_some_and(|c| !c.is_whitespace());
    at + spaces + if opens_word { markup + gap } else { 0 }
}

/// Where each gold turn starts, searched in order.
fn gold_starts(gold: &Gold, text: &str) -> Vec<usize> {
    let mut from = 0;
    gold.turns
        .iter()
        .map(|turn| {
            let found = text
                .get(from..)
                .and_then(|rest| rest.find(&turn.starts))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: gold start {:?} not found after byte {from}",
                        gold.document, turn.starts
                    )
                });
            let at = from + found;
            from = at + turn.starts.len().max(1);
            words_start(text, at)
        })
        .collect()
}

/// One document's figures.
#[derive(Debug, Default, Clone)]
struct Score {
    gold: usize,
    right: usize,
    spurious: usize,
    labels: usize,
    labels_right: usize,
    speakers: usize,
    speakers_right: usize,
    furniture: usize,
    furniture_dropped: usize,
    dropped_other: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.gold += other.gold;
        self.right += other.right;
        self.spurious += other.spurious;
        self.labels += other.labels;
        self.labels_right += other.labels_right;
        self.speakers += other.speakers;
        self.speakers_right += other.speakers_right;
        self.furniture += other.furniture;
        self.furniture_dropped += other.furniture_dropped;
        self.dropped_other += other.dropped_other;
    }

    fn turns(&self) -> f64 {
        ratio(self.right, self.gold + self.spurious)
    }

    fn labels(&self) -> f64 {
        ratio(self.labels_right, self.labels)
    }

    fn speakers(&self) -> f64 {
        ratio(self.speakers_right, self.speakers)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let value = part as f64 / whole as f64;
        value
    }
}

/// A document's score, and the lines that explain its errors.
fn score(gold: &Gold, text: &str) -> (Score, Vec<String>) {
    let doc = Document::parse(text).expect("corpus document parses");
    let starts = gold_starts(gold, text);
    let made: HashMap<usize, usize> = doc
        .turns()
        .iter()
        .enumerate()
        .map(|(index, turn)| (words_start(text, turn.body().start()), index))
        .collect();
    let mut score = Score {
        gold: gold.turns.len(),
        ..Score::default()
    };
    let mut errors = Vec::new();
    // Speaker identity: each gold speaker's turns should share one speaker
    // of the document, and no two gold speakers the same one.
    let mut speaker_of_who: BTreeMap<&str, HashMap<Option<usize>, usize>> = BTreeMap::new();
    for (want, &at) in gold.turns.iter().zip(&starts) {
        let turn = made.get(&at).and_then(|&index| doc.turns().get(index));
        let label = turn
            .and_then(|turn| turn.label())
            .map(|span| doc.slice(span));
        if want.speaker.is_some() {
            score.labels += 1;
            score.labels_right += usize::from(label == want.speaker.as_deref());
        }
        if let Some(who) = &want.who {
            *speaker_of_who
                .entry(who.as_str())
                .or_default()
                .entry(turn.and_then(|turn| turn.speaker_index()))
                .or_default() += 1;
        }
        let right = turn.is_some_and(|turn| {
            turn.role().as_str() == want.role && label == want.speaker.as_deref()
        });
        score.right += usize::from(right);
        if !right {
            errors.push(match turn {
                Some(turn) => format!(
                    "  at {at}: want {} {:?}, got {} {:?}: {:?}",
                    want.role,
                    want.speaker.as_deref().unwrap_or("-"),
                    turn.role().as_str(),
                    label.unwrap_or("-"),
                    want.starts
                ),
                None => format!(
                    "  at {at}: want {} {:?}, no turn starts here: {:?}",
                    want.role,
                    want.speaker.as_deref().unwrap_or("-"),
                    want.starts
                ),
            });
        }
    }
    let gold_at: HashSet<usize> = starts.iter().copied().collect();
    for turn in doc.turns() {
        let at = words_start(text, turn.body().start());
        if !gold_at.contains(&at) {
            score.spurious += 1;
            let body: String = doc.slice(turn.body()).chars().take(50).collect();
            errors.push(format!(
                "  at {at}: extra {} turn {:?}: {body:?}",
                turn.role().as_str(),
                doc.speaker_name(turn).unwrap_or("-"),
            ));
        }
    }
    // Each gold speaker counts its turns on the speaker most of them got;
    // a document speaker claimed by two gold speakers counts for neither.
    let mut majority: HashMap<&str, Option<usize>> = HashMap::new();
    for (who, counts) in &speaker_of_who {
        let best = counts
            .iter()
            .max_by_key(|(index, count)| (**count, std::cmp::Reverse(**index)))
            .and_then(|(index, _)| *index);
        majority.insert(who, best);
    }
    let mut owners: HashMap<usize, usize> = HashMap::new();
    for index in majority.values().flatten() {
        *owners.entry(*index).or_default() += 1;
    }
    for (who, counts) in &speaker_of_who {
        let total: usize = counts.values().sum();
        score.speakers += total;
        if let Some(Some(index)) = majority.get(who)
            && owners.get(index) == Some(&1)
        {
            score.speakers_right += counts.get(&Some(*index)).copied().unwrap_or(0);
        } else {
            errors.push(format!("  speaker {who:?} is not one speaker of its own"));
        }
    }
    // Furniture: the gold's dropped lines should be dropped; nothing else
    // may be.
    let furniture: HashSet<&str> = gold.dropped.iter().map(String::as_str).collect();
    let dropped: Vec<&str> = doc.dropped().iter().map(|d| doc.slice(d.span)).collect();
    score.furniture = gold.dropped.len();
    let mut dropped_count: HashMap<&str, usize> = HashMap::new();
    for line in &dropped {
        *dropped_count.entry(line).or_default() += 1;
    }
    let mut want_count: HashMap<&str, usize> = HashMap::new();
    for line in &gold.dropped {
        *want_count.entry(line.as_str()).or_default() += 1;
    }
    for (line, want) in &want_count {
        score.furniture_dropped += (*want).min(dropped_count.get(line).copied().unwrap_or(0));
    }
    for dropped in doc.dropped() {
        let line = doc.slice(dropped.span);
        if !furniture.contains(line) {
            score.dropped_other += 1;
            errors.push(format!(
                "  dropped text that is not furniture ({:?}): {:?}",
                dropped.reason,
                line.chars().take(60).collect::<String>()
            ));
        }
    }
    (score, errors)
}

#[test]
fn corpus_documents_are_listed_licensed_and_varied() {
    let manifest = manifest();
    let listed: HashSet<&str> = manifest.iter().map(|entry| entry.file.as_str()).collect();
    assert_eq!(listed.len(), manifest.len(), "a file is listed twice");
    let golds = documents();
    let mut publishers = HashSet::new();
    let mut layouts = HashSet::new();
    for entry in &manifest {
        assert!(
            corpus_dir().join(&entry.file).is_file(),
            "{} is listed but missing",
            entry.file
        );
        for (field, value) in [
            ("publisher", &entry.publisher),
            ("title", &entry.title),
            ("url", &entry.url),
            ("licence", &entry.licence),
            ("via", &entry.via),
            ("conversion", &entry.conversion),
        ] {
            assert!(!value.trim().is_empty(), "{}: empty {field}", entry.file);
        }
        assert!(
            entry.date.len() == 10 && entry.date.as_bytes().get(4) == Some(&b'-'),
            "{}: date {:?} is not YYYY-MM-DD",
            entry.file,
            entry.date
        );
        let _ = &entry.licence_note;
        publishers.insert(entry.publisher.as_str());
    }
    for (gold, _) in &golds {
        assert!(
            listed.contains(gold.document.as_str()),
            "{} has gold but no manifest row",
            gold.document
        );
        assert!(!gold.layouts.is_empty(), "{}: no layout", gold.document);
        for layout in &gold.layouts {
            assert!(
                LAYOUTS.contains(&layout.as_str()),
                "{}: unknown layout {layout:?}",
                gold.document
            );
            layouts.insert(layout.as_str());
        }
    }
    assert_eq!(golds.len(), manifest.len(), "every listed file has gold");
    assert!(golds.len() >= 40, "{} documents, want 40", golds.len());
    assert!(
        publishers.len() >= 10,
        "{} publishers, want 10",
        publishers.len()
    );
    assert!(layouts.len() >= 8, "{} layouts, want 8", layouts.len());
}

#[test]
fn corpus_turns_match_gold() {
    let mut table = String::new();
    let mut errors = String::new();
    let mut total = Score::default();
    let mut by_layout: BTreeMap<&str, (usize, Score)> = BTreeMap::new();
    let mut below_floor = Vec::new();
    let golds = documents();
    let _ = writeln!(
        table,
        "{:<58} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>7}",
        "document", "gold", "right", "extra", "turns", "labels", "people", "dropped"
    );
    for (gold, text) in &golds {
        let (score, document_errors) = score(gold, text);
        let _ = writeln!(
            table,
            "{:<58} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>3}/{:<3}",
            gold.document.trim_end_matches(".txt"),
            score.gold,
            score.right,
            score.spurious,
            score.turns(),
            score.labels(),
            score.speakers(),
            score.furniture_dropped,
            score.furniture,
        );
        if !document_errors.is_empty() {
            let _ = writeln!(errors, "{}:", gold.document);
            for line in document_errors.iter().take(40) {
                let _ = writeln!(errors, "{line}");
            }
            if document_errors.len() > 40 {
                let _ = writeln!(errors, "  … {} more", document_errors.len() - 40);
            }
        }
        let known = BELOW_FLOOR
            .iter()
            .find(|(document, _, _)| *document == gold.document);
        let floor = known.map_or(DOCUMENT_FLOOR, |(_, kept, _)| *kept);
        if score.turns() < floor {
            below_floor.push(format!("{} {:.3} < {floor}", gold.document, score.turns()));
        }
        for layout in &gold.layouts {
            let entry = by_layout.entry(layout.as_str()).or_default();
            entry.0 += 1;
            entry.1.add(&score);
        }
        total.add(&score);
    }
    let _ = writeln!(
        table,
        "{:<58} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>3}/{:<3}",
        format!("all {} documents", golds.len()),
        total.gold,
        total.right,
        total.spurious,
        total.turns(),
        total.labels(),
        total.speakers(),
        total.furniture_dropped,
        total.furniture,
    );
    let _ = writeln!(
        table,
        "\n{:<18} {:>4} {:>5} {:>6} {:>6} {:>6}",
        "layout", "docs", "gold", "turns", "labels", "people"
    );
    for (layout, (documents, score)) in &by_layout {
        let _ = writeln!(
            table,
            "{layout:<18} {documents:>4} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            score.gold,
            score.turns(),
            score.labels(),
            score.speakers()
        );
    }
    let met = |value: f64, target: f64| if value >= target { "met" } else { "not met" };
    let _ = writeln!(
        table,
        "\ntargets: turns {:.3} (target {TARGET_TURNS}: {}), labels {:.3} (target {TARGET_LABELS}: {}), \
         {} documents below {DOCUMENT_FLOOR} (target none)",
        total.turns(),
        met(total.turns(), TARGET_TURNS),
        total.labels(),
        met(total.labels(), TARGET_LABELS),
        BELOW_FLOOR.len(),
    );
    for (document, kept, why) in BELOW_FLOOR {
        let _ = writeln!(
            table,
            "  below the floor: {document} (kept at {kept}): {why}"
        );
    }
    println!("{table}\n{errors}");
    assert!(
        total.turns() >= GUARD_TURNS,
        "turns right {:.3} < {GUARD_TURNS}",
        total.turns()
    );
    assert!(
        total.labels() >= TARGET_LABELS,
        "labels right {:.3} < {TARGET_LABELS}",
        total.labels()
    );
    assert!(
        below_floor.is_empty(),
        "documents below their floor: {below_floor:?}"
    );
}

#[test]
fn no_gold_turn_is_dropped() {
    for (gold, text) in documents() {
        let doc = Document::parse(&text).expect("corpus document parses");
        let starts = gold_starts(&gold, &text);
        for (turn, at) in gold.turns.iter().zip(starts) {
            let lost = doc
                .dropped()
                .iter()
                .find(|dropped| dropped.span.start() <= at && at < dropped.span.end());
            assert!(
                lost.is_none(),
                "{}: the turn {:?} lies in dropped text ({:?})",
                gold.document,
                turn.starts,
                lost.map(|dropped| dropped.reason)
            );
        }
    }
}
