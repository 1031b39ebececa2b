//! Claims as CSV, one row per claim, for spreadsheets.
//!
//! RFC 4180: a header row, rows ended by CRLF, and a field quoted when it
//! holds a comma, a double quote, CR or LF, its quotes doubled. Fields are
//! written as they are: a claim that begins with `=`, `+`, `-` or `@` is
//! not altered, so a spreadsheet that evaluates such a cell as a formula
//! should import the file with every column as text.

use super::offsets::Offsets;
use super::{Context, Speaker};
use crate::claim::{Claim, Extraction};
use crate::ledger::Source;

/// The header row: the claim's stable id (as in the ledger and the JSON-LD
/// exports), its id in the extraction ("c19"), kind, turn, speaker, actor,
/// assertion, polarity, certainty, evidence, the source of a reported
/// claim, time; its span in UTF-8 bytes, Unicode code points and UTF-16
/// code units (empty when the span does not fit the text given); its words;
/// and its cues, each `kind:words`, separated by `; `.
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "claim",
    "kind",
    "turn",
    "speaker",
    "actor",
    "assertion",
    "polarity",
    "certainty",
    "evidence",
    "attributed_to",
    "time",
    "byte_start",
    "byte_end",
    "char_start",
    "char_end",
    "utf16_start",
    "utf16_end",
    "text",
    "cues",
];

/// Every claim of an extraction of `text` as CSV, header first.
///
/// ```
/// use claimtrack::export::claims_csv;
/// use claimtrack::ledger::Source;
///
/// let text = "Q: And?\n\nA: Łukasz said “the cable, at least, works”.";
/// let extraction = claimtrack::extract(text)?;
/// let csv = claims_csv(&extraction, text, &Source::new("x"));
/// let mut lines = csv.split("\r\n");
/// assert!(lines.next().unwrap().starts_with("id,claim,kind,turn,speaker,actor,"));
/// let row = lines.next().unwrap();
/// // Bytes 12..57 are code points 12..52: "Ł", "“" and "”" are several bytes each.
/// assert!(row.contains(",12,57,12,52,12,52,\"Łukasz said “the cable, at least, works”\","), "{row}");
/// # Ok::<(), claimtrack::Error>(())
/// ```
pub fn claims_csv(extraction: &Extraction, text: &str, source: &Source) -> String {
    let context = Context::new(extraction, source);
    let offsets = Offsets::new(text);
    let mut out = String::new();
    write_row(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_string()));
    for claim in &extraction.claims {
        write_row(&mut out, row(&context, &offsets, claim));
    }
    out
}

fn row(context: &Context<'_>, offsets: &Offsets, claim: &Claim) -> [String; 20] {
    let units = offsets.units(claim.span);
    let number = |n: Option<usize>| n.map_or(String::new(), |n| n.to_string());
    let cues: Vec<String> = claim
        .cues
        .iter()
        .map(|cue| format!("{}:{}", cue.kind, cue.text))
        .collect();
    [
        context.stable_id(claim),
        claim.id.to_string(),
        claim.kind.to_string(),
        claim.turn.to_string(),
        context
            .speaker(claim)
            .map(|Speaker { name, .. }| name)
            .unwrap_or_default(),
        claim
            .actor
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        claim.assertion.clone(),
        claim.polarity.to_string(),
        claim.certainty.to_string(),
        claim.evidence.to_string(),
        claim
            .attributed_to
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        claim.time.to_string(),
        claim.span.start.to_string(),
        claim.span.end.to_string(),
        number(units.map(|u| u.chars.start)),
        number(units.map(|u| u.chars.end)),
        number(units.map(|u| u.utf16.start)),
        number(units.map(|u| u.utf16.end)),
        claim.text.clone(),
        cues.join("; "),
    ]
}

fn write_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (index, field) in fields.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_field(out, &field);
    }
    out.push_str("\r\n");
}

fn write_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        for (field, written) in [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r", "\"cr\r\""),
            ("“curly” quotes", "“curly” quotes"),
            ("=1+1", "=1+1"),
        ] {
            let mut out = String::new();
            write_field(&mut out, field);
            assert_eq!(out, written, "{field:?}");
        }
    }

    #[test]
    fn rows_end_with_crlf() {
        let mut out = String::new();
        write_row(&mut out, ["a".to_string(), "b,c".to_string()]);
        assert_eq!(out, "a,\"b,c\"\r\n");
    }
}
