//! The HTML report: interviews with their claims highlighted, and the
//! ledger's relations between them.
//!
//! The last stage of the pipeline. [`Report`] takes each document's text
//! and [`Extraction`] (and optionally the [`Ledger`] they were added to) and
//! writes one self-contained HTML page: inline CSS, a little inline
//! JavaScript, nothing fetched. The page shows every turn as part of a
//! conversation, each claim highlighted with the colour and underline of
//! its evidence stance (`¬` marks a negated claim, `~` a hedged one), a
//! legend, a list of claims to filter by actor, stance and speaker, the
//! fields of the claim clicked with its cue words underlined, and, with a
//! ledger, the relations and open predictions linking claims across
//! documents. Without JavaScript every text and highlight is still there.
//!
//! DOM hooks, stable for tests and scripts: each claim is a
//! `mark[data-claim]` (exactly one per claim) whose `id` is the claim's
//! ledger id ([`claim_id`] of the source id and span); every piece of its
//! text is a `mark[data-claim-id]`; cue words are
//! `span.cue[data-cue-of~=ID]`; the list items are
//! `#claim-list li[data-claim-id]`; the relations are
//! `#relations li.relation`, each with links to both claims.

mod highlight;
mod html;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write;

pub use html::escape;

use crate::claim::{Certainty, Claim, Evidence, Extraction, Polarity};
use crate::document::Role;
use crate::ledger::{Ledger, Relation, Source, TrackedClaim, claim_id};
use crate::span::Span;
use highlight::{CueMark, Highlight, highlight};
use html::{element, escape_into};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The evidence stances in legend order, with what each means.
const STANCES: [(Evidence, &str); 5] = [
    (Evidence::Asserted, "stated as fact"),
    (Evidence::Evidenced, "points to signs or data"),
    (Evidence::Lacking, "says evidence is absent"),
    (Evidence::Reported, "attributed to another source"),
    (Evidence::Inferred, "inferred from appearance"),
];

/// Builds the HTML report of one or more documents.
///
/// ```
/// use claimtrack::ledger::Source;
/// use claimtrack::report::Report;
///
/// let text = "Q: Will it be ready?\n\nA: The cable will probably be ready in December.";
/// let extraction = claimtrack::extract(text)?;
/// let source = Source::new("briefing");
/// let html = Report::new().title("Briefing").document(&extraction, text, &source).to_html();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(!html.contains("http://") && !html.contains("https://"));
/// // Every claim is one `mark[data-claim]`, whose id is its ledger id.
/// assert_eq!(html.matches(" data-claim id=").count(), extraction.claims.len());
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Report<'a> {
    title: Option<String>,
    documents: Vec<Part<'a>>,
    ledger: Option<&'a Ledger>,
}

/// One document of the report.
#[derive(Debug)]
struct Part<'a> {
    source: &'a Source,
    text: &'a str,
    extraction: &'a Extraction,
}

/// A claim with what the page shows of it.
struct Entry<'a> {
    id: String,
    claim: &'a Claim,
    source: &'a Source,
    speaker: String,
}

impl<'a> Report<'a> {
    /// An empty report.
    pub fn new() -> Report<'a> {
        Report::default()
    }

    /// The page's heading and title (default "claimtrack report").
    pub fn title(&mut self, title: &str) -> &mut Self {
        self.title = Some(title.to_string());
        self
    }

    /// Adds a document: the extraction, the text it was extracted from,
    /// and its source (whose id makes the claims' ids) — the order of the
    /// [`export`](crate::export) functions. Spans are byte offsets into
    /// `text`.
    pub fn document(
        &mut self,
        extraction: &'a Extraction,
        text: &'a str,
        source: &'a Source,
    ) -> &mut Self {
        self.documents.push(Part {
            source,
            text,
            extraction,
        });
        self
    }

    /// Shows the ledger's relations and open predictions, linked to the
    /// claims of the documents added (add them to the ledger with the same
    /// source ids).
    pub fn ledger(&mut self, ledger: &'a Ledger) -> &mut Self {
        self.ledger = Some(ledger);
        self
    }

    /// The whole page.
    pub fn to_html(&self) -> String {
        let entries = self.entries();
        let shown: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let title = self.title.as_deref().unwrap_or("claimtrack report");
        let mut out = String::with_capacity(
            CSS.len()
                + JS.len()
                + self
                    .documents
                    .iter()
                    .map(|d| d.text.len() * 4)
                    .sum::<usize>(),
        );
        out.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        );
        element(&mut out, "title", "", title);
        out.push_str("\n<style>\n");
        out.push_str(CSS);
        out.push_str("</style>\n</head>\n<body>\n<header class=\"page\">\n");
        element(&mut out, "h1", "", title);
        let mut counts = vec![
            count(self.documents.len(), "document"),
            count(entries.len(), "claim"),
        ];
        counts.extend(self.ledger.map(|l| count(l.relations().len(), "relation")));
        let _ = write!(out, "\n<p>{}</p>\n", counts.join(", "));
        legend(&mut out);
        out.push_str("</header>\n<div class=\"layout\">\n<main>\n");
        let mut next = 0;
        for (index, part) in self.documents.iter().enumerate() {
            let count = part.extraction.claims.len();
            let part_entries = entries.get(next..next + count).unwrap_or(&[]);
            next += count;
            document(&mut out, index, part, part_entries);
        }
        if let Some(ledger) = self.ledger {
            relations(&mut out, ledger, &shown);
        }
        out.push_str("</main>\n<aside>\n");
        self.claim_list(&mut out, &entries, &shown);
        out.push_str("</aside>\n</div>\n<script>\n");
        out.push_str(JS);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }

    /// Every claim of every document, in document and text order.
    fn entries(&self) -> Vec<Entry<'a>> {
        self.documents
            .iter()
            .flat_map(|part| {
                part.extraction.claims.iter().map(move |claim| {
                    let id = claim_id(&part.source.id, &claim.id);
                    let speaker = self
                        .ledger
                        .and_then(|l| l.claim(&id))
                        .and_then(|c| c.speaker.clone())
                        .or_else(|| claim.speaker.clone())
                        .unwrap_or_else(|| "-".to_string());
                    Entry {
                        id,
                        claim,
                        source: part.source,
                        speaker,
                    }
                })
            })
            .collect()
    }

    /// The filters, the detail panel and the list of claims with their
    /// fields.
    fn claim_list(&self, out: &mut String, entries: &[Entry<'a>], shown: &HashSet<&str>) {
        let actor = |e: &Entry<'a>| actor_name(e.claim);
        let stance = |e: &Entry<'_>| e.claim.evidence.to_string();
        out.push_str("<h2>Claims</h2>\n<form id=\"filters\" hidden>\n");
        let filters: [(&str, &str, BTreeSet<String>); 3] = [
            (
                "actor",
                "Actor",
                entries.iter().map(|e| actor(e).to_string()).collect(),
            ),
            ("stance", "Stance", entries.iter().map(stance).collect()),
            (
                "speaker",
                "Speaker",
                entries.iter().map(|e| e.speaker.clone()).collect(),
            ),
        ];
        for (key, label, values) in &filters {
            let _ = write!(
                out,
                "<label>{label} <select name=\"{key}\"><option value=\"\">all</option>"
            );
            for value in values {
                let value = escape(value);
                let _ = write!(out, "<option value=\"{value}\">{value}</option>");
            }
            out.push_str("</select></label>\n");
        }
        out.push_str(
            "</form>\n<section id=\"detail\" hidden aria-live=\"polite\"></section>\n\
             <ol id=\"claim-list\" class=\"claim-list\">\n",
        );
        // The claims most worth checking first; equal scores in text order.
        let mut ordered: Vec<&Entry<'a>> = entries.iter().collect();
        ordered.sort_by(|a, b| {
            b.claim
                .check_worthiness
                .score
                .total_cmp(&a.claim.check_worthiness.score)
        });
        for entry in ordered {
            let claim = entry.claim;
            let stance = stance(entry);
            let worth = claim.check_worthiness.score;
            let _ = write!(
                out,
                "<li data-claim-id=\"{}\" data-actor=\"{}\" data-stance=\"{stance}\" data-speaker=\"{}\" data-worth=\"{worth:.3}\"><details><summary><span class=\"tag worth\" title=\"check-worthiness\">{worth:.2}</span> <span class=\"tag stance-{stance}\">{stance}</span> <a href=\"#{}\">",
                entry.id,
                escape(actor(entry)),
                escape(&entry.speaker),
                entry.id
            );
            escape_into(out, &claim.text);
            out.push_str("</a></summary>\n");
            self.fields(out, entry, shown);
            out.push_str("</details></li>\n");
        }
        out.push_str("</ol>\n");
    }

    /// A claim's fields as a description list.
    fn fields(&self, out: &mut String, entry: &Entry<'_>, shown: &HashSet<&str>) {
        let claim = entry.claim;
        let reference = |r: Option<&crate::claim::EntityRef>| {
            r.map_or_else(
                || "-".to_string(),
                |r| {
                    if r.name == r.text {
                        r.name.clone()
                    } else {
                        format!("{} (“{}”)", r.name, r.text)
                    }
                },
            )
        };
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "-".to_string()
            } else {
                items.join("; ")
            }
        };
        let source = match &entry.source.date {
            Some(date) => format!("{} ({date})", entry.source.id),
            None => entry.source.id.clone(),
        };
        let rows = [
            ("id", entry.id.clone()),
            ("source", source),
            ("kind", claim.kind.to_string()),
            ("speaker", entry.speaker.clone()),
            ("actor", reference(claim.actor.as_ref())),
            ("assertion", claim.assertion.clone()),
            ("polarity", claim.polarity.to_string()),
            ("certainty", claim.certainty.to_string()),
            ("evidence", claim.evidence.to_string()),
            ("attributed_to", reference(claim.attributed_to.as_ref())),
            ("time", claim.time.to_string()),
            (
                "quantities",
                list(
                    claim
                        .quantities
                        .iter()
                        .map(|q| format!("{} ({})", q.text, q.kind))
                        .collect(),
                ),
            ),
            (
                "cues",
                list(
                    claim
                        .cues
                        .iter()
                        .map(|c| format!("{} ({})", c.text, c.kind))
                        .collect(),
                ),
            ),
            ("check_worthiness", worthiness(&claim.check_worthiness)),
        ];
        out.push_str("<dl class=\"fields\">");
        for (field, value) in rows {
            element(out, "dt", "", field);
            element(out, "dd", &format!("data-field=\"{field}\""), &value);
        }
        if let Some(ledger) = self.ledger {
            let related: Vec<&Relation> = ledger.relations_of(&entry.id).collect();
            if !related.is_empty() {
                out.push_str("<dt>relations</dt><dd data-field=\"relations\"><ul>");
                for relation in related {
                    let (role, other) = if relation.from == entry.id {
                        ("later", relation.to.as_str())
                    } else {
                        ("earlier", relation.from.as_str())
                    };
                    out.push_str("<li>");
                    escape_into(out, &format!("{} ({role}): ", relation.kind));
                    claim_link(out, ledger, other, shown);
                    out.push_str("</li>");
                }
                out.push_str("</ul></dd>");
            }
        }
        out.push_str("</dl>\n");
    }
}

/// The legend: the stances with their colours and underlines, and the
/// markers.
fn legend(out: &mut String) {
    out.push_str("<section class=\"legend\" aria-label=\"Legend\"><ul>\n");
    for (evidence, meaning) in STANCES {
        let stance = evidence.as_str();
        let _ = writeln!(
            out,
            "<li><mark class=\"claim stance-{stance}\">{stance}</mark> {meaning}</li>"
        );
    }
    out.push_str(
        "<li><span class=\"flag\">¬</span> negated</li>\n\
         <li><span class=\"flag\">~</span> hedged (certainty not “certain”)</li>\n\
         <li><span class=\"cue cue-active\">cue</span> words that set the selected claim’s fields</li>\n\
         </ul></section>\n",
    );
}

/// One document: a header, then its turns as a conversation.
fn document(out: &mut String, index: usize, part: &Part<'_>, entries: &[Entry<'_>]) {
    let record = &part.extraction.document;
    let _ = write!(
        out,
        "<article class=\"document\" id=\"document-{index}\">\n<header>"
    );
    element(out, "h2", "", &part.source.id);
    let mut meta: Vec<String> = Vec::new();
    meta.extend(part.source.date.map(|date| date.to_string()));
    meta.extend(part.source.title.clone());
    meta.push(count(entries.len(), "claim"));
    element(out, "p", "class=\"meta\"", &meta.join(" · "));
    out.push_str("</header>\n");
    // One bucket per turn, and a last one for claims naming no turn.
    let mut by_turn: Vec<Vec<&Entry<'_>>> = (0..=record.turns.len()).map(|_| Vec::new()).collect();
    for entry in entries {
        let bucket = entry.claim.turn.min(record.turns.len());
        if let Some(list) = by_turn.get_mut(bucket) {
            list.push(entry);
        }
    }
    for (number, (turn, claims)) in record.turns.iter().zip(&by_turn).enumerate() {
        let role = turn.role.as_str();
        let who = match (&turn.speaker, turn.role) {
            (Some(speaker), _) => speaker.as_str(),
            (None, Role::Title) => "Headline",
            (None, Role::Question) => "Interviewer",
            (None, Role::Answer) => "Interviewee",
            (None, Role::Other) => "",
        };
        let _ = write!(
            out,
            "<section class=\"turn role-{role}\" id=\"document-{index}-turn-{number}\">\n<h3 class=\"who\">"
        );
        element(out, "span", "class=\"speaker\"", who);
        out.push(' ');
        element(out, "span", "class=\"role\"", role);
        out.push_str("</h3>\n");
        let paragraphs = if turn.paragraphs.is_empty() {
            std::slice::from_ref(&turn.body)
        } else {
            turn.paragraphs.as_slice()
        };
        turn_text(out, part.text, paragraphs, claims);
        out.push_str("</section>\n");
    }
    if let Some(unplaced) = by_turn.last().filter(|list| !list.is_empty()) {
        out.push_str("<section class=\"turn role-other\">\n");
        turn_text(out, part.text, &[], unplaced);
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
}

/// The paragraphs of a turn with its claims highlighted; a claim that lies
/// in none of them follows as its own paragraph, so every claim shows once.
fn turn_text(out: &mut String, text: &str, paragraphs: &[Span], entries: &[&Entry<'_>]) {
    let mut claims: Vec<Highlight> = entries
        .iter()
        .map(|entry| Highlight {
            span: entry.claim.span,
            id: entry.id.clone(),
            attributes: mark_attributes(entry.claim),
            shown: false,
        })
        .collect();
    claims.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut cue_claims: BTreeMap<Span, Vec<&str>> = BTreeMap::new();
    for entry in entries {
        for cue in &entry.claim.cues {
            cue_claims
                .entry(cue.span)
                .or_default()
                .push(entry.id.as_str());
        }
    }
    let cues: Vec<CueMark> = cue_claims
        .into_iter()
        .map(|(span, ids)| CueMark {
            span,
            claims: ids.join(" "),
        })
        .collect();
    for &paragraph in paragraphs {
        out.push_str("<p>");
        highlight(out, text, paragraph, &mut claims, &cues);
        out.push_str("</p>\n");
    }
    for (claim, entry) in claims.iter().filter(|c| !c.shown).filter_map(|c| {
        entries
            .iter()
            .find(|e| e.id == c.id)
            .map(|entry| (c, entry))
    }) {
        let _ = write!(
            out,
            "<p class=\"unplaced\"><mark {} data-claim-id=\"{}\" data-claim id=\"{}\">",
            claim.attributes, claim.id, claim.id
        );
        escape_into(out, &entry.claim.text);
        out.push_str("</mark></p>\n");
    }
}

/// "1 claim", "2 claims".
fn count(number: usize, noun: &str) -> String {
    if number == 1 {
        format!("1 {noun}")
    } else {
        format!("{number} {noun}s")
    }
}

/// The name of the entity a claim is about, or "-".
fn actor_name(claim: &Claim) -> &str {
    claim.actor.as_ref().map_or("-", |a| a.name.as_str())
}

/// A claim mark's class (stance, negation, hedging) and tooltip, escaped.
fn mark_attributes(claim: &Claim) -> String {
    let mut class = format!("claim stance-{}", claim.evidence);
    if claim.polarity == Polarity::Negative {
        class.push_str(" negative");
    }
    if claim.certainty != Certainty::Certain {
        class.push_str(" hedged");
    }
    let actor = actor_name(claim);
    let title = format!(
        "{}, {}, {}; actor {actor}",
        claim.evidence, claim.polarity, claim.certainty
    );
    format!("class=\"{class}\" title=\"{}\"", escape(&title))
}

/// A link to a claim of the ledger: to its highlight when the report shows
/// it, else its text alone.
fn claim_link(out: &mut String, ledger: &Ledger, id: &str, shown: &HashSet<&str>) {
    let Some(claim) = ledger.claim(id) else {
        escape_into(out, id);
        return;
    };
    let when = claim
        .date
        .map_or_else(|| claim.source.clone(), |date| date.to_string());
    let label = format!(
        "{when} {}: {}",
        claim.speaker.as_deref().unwrap_or("-"),
        claim.text
    );
    if shown.contains(id) {
        let _ = write!(out, "<a href=\"#{}\">", escape(id));
        escape_into(out, &label);
        out.push_str("</a>");
    } else {
        escape_into(out, &label);
    }
}

/// The ledger's relations and open predictions, linked to the claims.
fn relations(out: &mut String, ledger: &Ledger, shown: &HashSet<&str>) {
    out.push_str("<section id=\"relations\">\n<h2>Relations</h2>\n");
    if ledger.relations().is_empty() {
        out.push_str("<p>No relations between these claims.</p>\n");
    } else {
        out.push_str("<ul class=\"relations\">\n");
        for relation in ledger.relations() {
            let kind = relation.kind.as_str();
            let outcome = relation
                .outcome
                .map(|o| format!(" ({o})"))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<li class=\"relation kind-{kind}\" data-kind=\"{kind}\"><b>{kind}{outcome}</b>\n<span class=\"pair\">earlier: "
            );
            claim_link(out, ledger, &relation.from, shown);
            out.push_str("</span>\n<span class=\"pair\">later: ");
            claim_link(out, ledger, &relation.to, shown);
            out.push_str("</span>\n");
            element(out, "small", "class=\"why\"", &relation.why);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    let open: Vec<&TrackedClaim> = ledger.open_predictions().collect();
    let _ = write!(
        out,
        "<h3>Open predictions ({})</h3>\n<ul class=\"open-predictions\">\n",
        open.len()
    );
    for claim in open {
        out.push_str("<li>");
        claim_link(out, ledger, &claim.id, shown);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// A claim's check-worthiness as the report shows it: the score, then each
/// feature with what it added and the words that set it.
fn worthiness(worth: &crate::claim::CheckWorthiness) -> String {
    let features: Vec<String> = worth
        .features
        .iter()
        .map(|f| match &f.text {
            Some(text) => format!("{} {:+.2} ({text})", f.name, f.weight),
            None => format!("{} {:+.2}", f.name, f.weight),
        })
        .collect();
    format!("{:.2}: {}", worth.score, features.join(", "))
}

#[cfg(test)]
mod tests;
