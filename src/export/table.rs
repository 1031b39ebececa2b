//! The plain-text table of an extraction, for a terminal.

use std::fmt::Write;

use crate::claim::{Claim, ClaimKind, Extraction};

/// An extraction as an aligned plain-text table, for reading in a terminal:
/// the layout and the evidence that chose it, one line per turn (its role,
/// speaker and number of claims), one per entity (id, name, kind, number of
/// mentions, spellings), then a header and one row per claim (turn, kind,
/// actor, polarity, certainty, evidence, time and text), and the dropped
/// lines last.
///
/// Long names and claim texts are cut with `…` and their white space
/// flattened, so every row stays on one line. This is the default output of
/// `claimtrack extract` and of the `extract` example. For snapshot tests,
/// [`Extraction::render`] has no alignment that one long name could shift.
///
/// ```
/// let text = "Talks in Minsk\n\nDid Putin ask for troops?\n\n\
///             There is no evidence that Putin asked Lukashenka to join the war.";
/// let extraction = claimtrack::extract(text)?;
/// let table = claimtrack::export::claims_table(&extraction);
/// let lines: Vec<&str> = table.lines().collect();
/// assert!(lines[0].starts_with("layout: bare ("));
/// assert_eq!(lines[3], "turn  2  answer    -                      1 claims");
/// assert_eq!(
///     lines.last().unwrap(),
///     &"2    claim   Putin              positive unknown   lacking   past    \
///       There is no evidence that Putin asked Lukashenka to join the war"
/// );
/// # Ok::<(), claimtrack::Error>(())
/// ```
pub fn claims_table(extraction: &Extraction) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_table(&mut out, extraction);
    out
}

fn write_table(out: &mut String, extraction: &Extraction) -> std::fmt::Result {
    let document = &extraction.document;
    writeln!(
        out,
        "layout: {} ({})",
        document.layout, document.layout_evidence
    )?;
    for (index, turn) in document.turns.iter().enumerate() {
        let speaker = turn.speaker.as_deref().unwrap_or("-");
        let claims = extraction.claims.iter().filter(|c| c.turn == index).count();
        writeln!(
            out,
            "turn {index:>2}  {:<8}  {:<20}  {claims:>2} claims",
            turn.role,
            clip(speaker, 20)
        )?;
    }
    writeln!(out)?;
    for entity in &extraction.entities {
        writeln!(
            out,
            "{:<4} {:<30} {:<12} {:>3} mentions  {}",
            entity.id,
            clip(&entity.name, 30),
            entity.kind,
            entity.mentions.len(),
            clip(&entity.aliases.join(", "), 60)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} claim",
        "turn", "kind", "actor", "polarity", "certainty", "evidence", "time"
    )?;
    for claim in &extraction.claims {
        write_claim(out, claim)?;
    }
    for dropped in &document.dropped {
        writeln!(out, "dropped ({}): {}", dropped.reason, dropped.text)?;
    }
    if !document.dropped.is_empty() {
        writeln!(
            out,
            "dropped {} lines, {} bytes",
            document.dropped.len(),
            document.dropped_bytes
        )?;
    }
    Ok(())
}

fn write_claim(out: &mut String, claim: &Claim) -> std::fmt::Result {
    // "claim" rather than "statement": the column is seven wide.
    let kind = match claim.kind {
        ClaimKind::Statement => "claim",
        ClaimKind::Premise => "premise",
    };
    let actor = claim.actor.as_ref().map_or("-", |a| a.name.as_str());
    writeln!(
        out,
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} {}",
        claim.turn,
        kind,
        clip(actor, 18),
        claim.polarity,
        claim.certainty,
        claim.evidence,
        claim.time,
        clip(&claim.text, 90)
    )
}

/// `text` on one line, cut to `width` characters with a final `…`.
fn clip(text: &str, width: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        flat
    } else {
        let cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clip_flattens_and_cuts_on_characters() {
        for (text, width, expected) in [
            ("a  b\nc", 10, "a b c"),
            ("Łukasiewicz", 5, "Łuka…"),
            ("abc", 3, "abc"),
            ("abcd", 0, "…"),
            ("", 4, ""),
        ] {
            assert_eq!(clip(text, width), expected, "{text:?} at {width}");
        }
    }
}
