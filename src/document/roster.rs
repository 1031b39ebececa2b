//! Roster: the sides a hearing's record declares.
//!
//! A printed hearing says who is who before anyone speaks: the attendance
//! line names the members ("Members present: Representatives Kanjorski,
//! Waters, …"), and each prepared statement's heading names its speaker
//! ("STATEMENT OF ALAN GREENSPAN, CHAIRMAN, …" is a witness; "STATEMENT OF
//! SENATOR JACK REED" a member). Members ask and witnesses answer, however
//! few questions a member puts that day; a speaker's label is matched to
//! these names by surname.

use std::collections::HashSet;

use super::paragraph::Paragraph;
use super::speakers::Side;

/// Titles before a member's name in a statement heading.
const MEMBER_TITLES: &[&str] = &[
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "delegate",
];

/// Longest opening (in bytes) of an attendance line, before its colon.
const ROSTER_HEAD: usize = 32;

/// Words of an attendance line that are not surnames.
const ROSTER_WORDS: &[&str] = &[
    "and",
    "representatives",
    "representative",
    "senators",
    "senator",
    "chairman",
    "chairwoman",
    "chair",
    "ranking",
    "member",
    "members",
    "delegate",
    "delegates",
    "commissioner",
    "mr",
    "mrs",
    "ms",
    "dr",
    "also",
];

/// Surnames the record puts on each side.
#[derive(Clone, Debug, Default)]
pub(crate) struct Roster {
    members: HashSet<String>,
    witnesses: HashSet<String>,
    /// The paragraphs that head a statement, with the surname they name:
    /// the unlabelled text under one is that speaker's.
    headings: Vec<(usize, String)>,
}

impl Roster {
    /// Reads the attendance lines and statement headings of the document.
    pub(crate) fn read(text: &str, paragraphs: &[Paragraph]) -> Roster {
        let mut roster = Roster::default();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            // The whole paragraph: "Present:" reads like a label.
            let body = paragraph.body.slice(text);
            if let Some(names) = attendance(paragraph.span.slice(text)) {
                roster.members.extend(surnames(names));
            } else if let Some(name) = statement_heading(body) {
                let lower = name.to_lowercase();
                let mut words = lower.split_whitespace().peekable();
                let member = words
                    .peek()
                    .is_some_and(|first| MEMBER_TITLES.contains(first));
                if let Some(surname) = lower.split_whitespace().next_back() {
                    let surname = surname.trim_matches('.').to_string();
                    roster.headings.push((index, surname.clone()));
                    let side = if member {
                        &mut roster.members
                    } else {
                        &mut roster.witnesses
                    };
                    side.insert(surname);
                }
            }
        }
        // A name on both lists tells nothing.
        let both: Vec<String> = roster
            .members
            .intersection(&roster.witnesses)
            .cloned()
            .collect();
        for name in both {
            roster.members.remove(&name);
            roster.witnesses.remove(&name);
        }
        roster
    }

    /// The surname a statement heading at this paragraph names.
    pub(crate) fn heading_at(&self, paragraph: usize) -> Option<&str> {
        self.headings
            .binary_search_by_key(&paragraph, |(index, _)| *index)
            .ok()
            .and_then(|found| self.headings.get(found))
            .map(|(_, surname)| surname.as_str())
    }

    /// The side the record declares for a speaker label's grouping key
    /// (`mr hensarling`, `senator reed`), by its last word.
    pub(crate) fn side_of(&self, key: &str) -> Option<Side> {
        let surname = key.split(' ').next_back()?;
        if self.witnesses.contains(surname) {
            Some(Side::Interviewee)
        } else if self.members.contains(surname) {
            Some(Side::Interviewer)
        } else {
            None
        }
    }
}

/// The names after "Present:" / "Members present:" / "Senators present:".
fn attendance(body: &str) -> Option<&str> {
    let (head, names) = body.split_once(':')?;
    if head.len() > ROSTER_HEAD {
        return None;
    }
    let head = head.trim().to_lowercase();
    let is_roster = matches!(
        head.as_str(),
        "present"
            | "also present"
            | "members present"
            | "committee members present"
            | "senators present"
            | "representatives present"
    );
    is_roster.then_some(names)
}

/// The speaker's name in "STATEMENT OF THE HONORABLE RICHARD BAKER,
/// PRESIDENT, …" or "TESTIMONY OF …": up to the first comma, without "THE
/// HONORABLE" and a suffix such as "JR.".
fn statement_heading(body: &str) -> Option<&str> {
    if body.chars().any(char::is_lowercase) {
        return None;
    }
    let rest = ["PREPARED STATEMENT OF ", "STATEMENT OF ", "TESTIMONY OF "]
        .iter()
        .find_map(|opening| body.strip_prefix(opening))?;
    let name = rest.split(',').next().unwrap_or(rest);
    Some(
        name.trim()
            .trim_start_matches("THE HONORABLE ")
            .trim_start_matches("HON. "),
    )
}

/// Surnames in a list: the last word of each comma- or "and"-separated
/// item, lower case.
fn surnames(names: &str) -> impl Iterator<Item = String> + '_ {
    names
        .split([',', ';', '\n'])
        .flat_map(|item| item.split(" and "))
        .filter_map(|item| {
            item.split_whitespace()
                .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
                .rfind(|word| {
                    word.chars().next().is_some_and(char::is_uppercase)
                        && !ROSTER_WORDS.contains(&word.to_lowercase().as_str())
                })
                .map(str::to_lowercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_lines_name_members() {
        let names = attendance(
            "Members present: Representatives Kanjorski, Waters, Watt; Royce, and Biggert.",
        )
        .unwrap();
        let got: Vec<String> = surnames(names).collect();
        assert_eq!(got, ["kanjorski", "waters", "watt", "royce", "biggert"]);
        assert!(attendance("Present: Chairman Shelby, Senators Reed and Dole.").is_some());
        assert!(attendance("We are present: here to stay.").is_none());
    }

    #[test]
    fn statement_headings_name_witnesses_and_members() {
        assert_eq!(
            statement_heading("STATEMENT OF THE HONORABLE RICHARD BAKER, PRESIDENT, MANAGED"),
            Some("RICHARD BAKER")
        );
        assert_eq!(
            statement_heading("STATEMENT OF SENATOR JACK REED"),
            Some("SENATOR JACK REED")
        );
        assert_eq!(statement_heading("Statement of intent."), None);
    }
}
