//! Speakers: which labels are speakers, who is the same speaker, and which
//! side each one is on.
//!
//! A label shape alone is weak evidence (`Salvador: “We will win”` is a
//! headline), so a label counts only when the document backs it: it recurs,
//! it is `Q`/`A`, its word says its side (`MODERATOR`), it is written like
//! labels that recur (a one-off `MR. BRANDT:` among `MS. ODUYA:` and `Q`),
//! or it is the surname of one (`Solberg:` after `Dr. Ingrid Solberg:`).
//!
//! The side comes from the label word when it says (`Q`, `Answer`, `Host`)
//! and otherwise from the conversation: a speaker whose turns end in a
//! question asks; a speaker whose turns follow another's question answers.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::label::{self, LabelStyle};
use crate::error::Error;
use crate::lexicon::{self, SPEAKER_LABELS};

/// Which side of the interview a speaker is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Asks: journalist, `Q`, moderator, chair, questioning senator. Their
    /// turns have the role `question`.
    Interviewer,
    /// Answers: the interviewee, spokesperson, witness, candidate. Their
    /// turns have the role `answer`.
    Interviewee,
}

/// The speaker-label lexicon, compiled.
#[derive(Clone, Debug)]
pub(crate) struct SpeakerWords {
    interviewer: HashSet<String>,
    interviewee: HashSet<String>,
    not_speaker: HashSet<String>,
}

impl SpeakerWords {
    pub(crate) fn new(
        extra_interviewer: &[String],
        extra_interviewee: &[String],
    ) -> Result<SpeakerWords, Error> {
        let mut words = SpeakerWords {
            interviewer: HashSet::new(),
            interviewee: HashSet::new(),
            not_speaker: HashSet::new(),
        };
        for entry in
            SPEAKER_LABELS.checked_entries(&["interviewer", "interviewee", "not_speaker"])?
        {
            let set = match entry.section {
                "interviewer" => &mut words.interviewer,
                "interviewee" => &mut words.interviewee,
                _ => &mut words.not_speaker,
            };
            set.insert(label::key(entry.text));
        }
        for word in extra_interviewer {
            lexicon::check_user_entry("interviewer label", word)?;
            words.interviewer.insert(label::key(word));
        }
        for word in extra_interviewee {
            lexicon::check_user_entry("interviewee label", word)?;
            words.interviewee.insert(label::key(word));
        }
        Ok(words)
    }

    /// True when the whole label key is a role word of either side.
    fn is_role(&self, key: &str) -> bool {
        self.interviewer.contains(key) || self.interviewee.contains(key)
    }

    /// The side a label's words say, from the whole key, its first word, or
    /// the role after a comma (`STEVE INSKEEP, HOST`, `WOLF BLITZER, CNN
    /// HOST`).
    fn prior(&self, key: &str, role: Option<&str>) -> Option<Side> {
        let first = key.split(' ').next().unwrap_or(key);
        let says = |set: &HashSet<String>| {
            set.contains(key)
                || set.contains(first)
                || role.is_some_and(|role| {
                    set.contains(role) || role.split_whitespace().any(|word| set.contains(word))
                })
        };
        if says(&self.interviewer) {
            Some(Side::Interviewer)
        } else if says(&self.interviewee) {
            Some(Side::Interviewee)
        } else {
            None
        }
    }
}

/// A group of labels that name one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SpeakerGroup {
    pub(crate) key: String,
    pub(crate) prior: Option<Side>,
    /// The label is only a role word (`Q`, `Answer`, `Moderator`), no name.
    pub(crate) role_only: bool,
}

/// One label read at a paragraph start, before acceptance.
#[derive(Clone, Debug)]
struct LabelKey {
    key: String,
    style: LabelStyle,
    prior: Option<Side>,
}

/// Labels read at paragraph starts, accepted or not, and grouped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Speakers {
    pub(crate) groups: Vec<SpeakerGroup>,
    /// For each paragraph, the group its accepted label belongs to.
    pub(crate) of_paragraph: Vec<Option<usize>>,
}

impl Speakers {
    /// Decides which label shapes are speakers. `names` has, for each
    /// paragraph, the label name as written (if it opens with a label shape).
    pub(crate) fn accept(names: &[Option<&str>], words: &SpeakerWords) -> Speakers {
        let keyed: Vec<Option<LabelKey>> = names
            .iter()
            .map(|name| {
                let name = (*name)?;
                let key = label::key(name);
                if key.is_empty() || words.not_speaker.contains(&key) {
                    return None;
                }
                let role = label::role_word(name);
                Some(LabelKey {
                    style: label::style(&key, name),
                    prior: words.prior(&key, role.as_deref()),
                    key,
                })
            })
            .collect();
        // Count by speaker, not by spelling: "BLITZER" after "WOLF
        // BLITZER, CNN HOST" is a second turn of one speaker.
        let group_keys = group_by_surname(keyed.iter().flatten().map(|label| label.key.as_str()));
        let group_of =
            |key: &str| -> String { group_keys.get(key).map_or(key, |group| *group).to_string() };
        let mut counts: HashMap<String, usize> = HashMap::new();
        for label in keyed.iter().flatten() {
            *counts.entry(group_of(&label.key)).or_default() += 1;
        }
        let count = |key: &str| counts.get(&group_of(key)).copied().unwrap_or(0);
        // Backed: the label recurs (as a speaker, across spellings) or its
        // word names a side (`Q`, `Answer`, `MODERATOR`, `…, HOST`).
        let backed = |label: &LabelKey| {
            count(&label.key) >= 2 || label.prior.is_some() || label.style == LabelStyle::Record
        };
        let first_backed = keyed
            .iter()
            .position(|label| label.as_ref().is_some_and(backed));
        // A one-off label after the interview's labels have begun is a
        // speaker too ("SEN. KOWALSKI:" once in a panel) if it is in
        // capitals or a name of two words or more; before them it is more
        // likely a headline ("Salvador: “We will win”").
        let accepted_labels: Vec<Option<&LabelKey>> = keyed
            .iter()
            .enumerate()
            .map(|(index, label)| {
                label.as_ref().filter(|label| {
                    backed(label)
                        || first_backed.is_some_and(|first| index > first)
                            && match label.style {
                                LabelStyle::AllCaps
                                | LabelStyle::QuestionAnswer
                                | LabelStyle::Record => true,
                                LabelStyle::Named => label.key.split(' ').count() >= 2,
                            }
                })
            })
            .collect();
        let mut groups: Vec<SpeakerGroup> = Vec::new();
        let mut index_of: HashMap<&str, usize> = HashMap::new();
        let mut of_paragraph = Vec::with_capacity(names.len());
        for label in &accepted_labels {
            let Some(label) = label else {
                of_paragraph.push(None);
                continue;
            };
            let key = label.key.as_str();
            let group_key = group_keys.get(key).copied().unwrap_or(key);
            let index = *index_of.entry(group_key).or_insert_with(|| {
                groups.push(SpeakerGroup {
                    key: group_key.to_string(),
                    prior: None,
                    role_only: words.is_role(group_key),
                });
                groups.len() - 1
            });
            if let Some(group) = groups.get_mut(index) {
                group.prior = group.prior.or(label.prior);
            }
            of_paragraph.push(Some(index));
        }
        Speakers {
            groups,
            of_paragraph,
        }
    }

    /// Number of paragraphs with an accepted label.
    pub(crate) fn labelled_paragraphs(&self) -> usize {
        self.of_paragraph.iter().flatten().count()
    }

    /// True when every accepted label is `Q`/`A`.
    pub(crate) fn only_question_answer(&self) -> bool {
        self.groups
            .iter()
            .all(|group| matches!(group.key.as_str(), "q" | "a"))
    }
}

/// Maps each key that is the word-suffix of exactly one longer key ("putin"
/// of "vladimir putin") to that key; ambiguous suffixes stay apart. Every
/// key's word-suffixes are indexed once, so the cost is linear in the
/// number of labels.
fn group_by_surname<'k>(keys: impl Iterator<Item = &'k str>) -> HashMap<&'k str, &'k str> {
    let mut seen = HashSet::new();
    let distinct: Vec<&str> = keys.filter(|key| seen.insert(*key)).collect();
    let mut longer_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for long in &distinct {
        for (index, _) in long.match_indices(' ') {
            if let Some(suffix) = long.get(index + 1..) {
                longer_of.entry(suffix).or_default().push(long);
            }
        }
    }
    distinct
        .iter()
        .filter(|short| !matches!(**short, "q" | "a"))
        .filter_map(|short| match longer_of.get(short).map(Vec::as_slice) {
            Some([long]) => Some((*short, *long)),
            _ => None,
        })
        .collect()
}

/// Question-asking evidence for one speaker turn, in document order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TurnEvidence {
    pub(crate) group: usize,
    /// The turn ends (in its last two sentences) with a question.
    pub(crate) asks: bool,
}

/// How often a speaker asked, and answered someone else's question.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    asked: usize,
    answered: usize,
}

impl Tally {
    fn balance(self) -> isize {
        self.asked.cast_signed() - self.answered.cast_signed()
    }
}

/// Decides each group's side from its label words and the conversation.
pub(crate) fn sides(groups: &[SpeakerGroup], turns: &[TurnEvidence]) -> Vec<Side> {
    let mut tallies = vec![Tally::default(); groups.len()];
    let mut previous: Option<TurnEvidence> = None;
    for turn in turns {
        if let Some(tally) = tallies.get_mut(turn.group) {
            tally.asked += usize::from(turn.asks);
            tally.answered +=
                usize::from(previous.is_some_and(|p| p.group != turn.group && p.asks));
        }
        previous = Some(*turn);
    }
    let first_speaker = turns.first().map(|turn| turn.group);
    let mut sides: Vec<Side> = groups
        .iter()
        .zip(&tallies)
        .enumerate()
        .map(|(index, (group, tally))| {
            group.prior.unwrap_or(if tally.asked > tally.answered {
                Side::Interviewer
            } else if tally.answered > tally.asked || first_speaker != Some(index) {
                Side::Interviewee
            } else {
                Side::Interviewer
            })
        })
        .collect();
    // An interview has both sides: if the evidence put everyone on one
    // side, move the speaker without a label word who fits it least.
    let free: Vec<(usize, Tally)> = groups
        .iter()
        .zip(&tallies)
        .enumerate()
        .filter(|(_, (group, _))| group.prior.is_none())
        .map(|(index, (_, tally))| (index, *tally))
        .collect();
    if groups.len() >= 2 {
        let all = |side: Side| sides.iter().all(|s| *s == side);
        let moved = if all(Side::Interviewee) {
            free.iter()
                .max_by_key(|(_, tally)| tally.balance())
                .filter(|(_, tally)| tally.asked > 0)
                .map(|(index, _)| (*index, Side::Interviewer))
        } else if all(Side::Interviewer) {
            free.iter()
                .min_by_key(|(_, tally)| tally.balance())
                .map(|(index, _)| (*index, Side::Interviewee))
        } else {
            None
        };
        if let Some((index, side)) = moved
            && let Some(slot) = sides.get_mut(index)
        {
            *slot = side;
        }
    }
    sides
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> SpeakerWords {
        SpeakerWords::new(&[], &[]).unwrap()
    }

    fn accepted(names: &[Option<&str>]) -> Vec<Option<String>> {
        let speakers = Speakers::accept(names, &words());
        speakers
            .of_paragraph
            .iter()
            .map(|group| group.map(|g| speakers.groups[g].key.clone()))
            .collect()
    }

    #[test]
    fn one_off_named_label_in_a_headline_is_not_a_speaker() {
        let got = accepted(&[
            Some("Salvador"),
            Some("Question"),
            Some("Answer"),
            Some("Question"),
            Some("Answer"),
        ]);
        assert_eq!(got[0], None);
        assert_eq!(got[1].as_deref(), Some("q"));
    }

    #[test]
    fn one_off_all_caps_speaker_joins_recurring_all_caps_labels() {
        let got = accepted(&[
            Some("MS. ODUYA"),
            Some("Q"),
            Some("MR. BRANDT"),
            Some("Q"),
            Some("MS. ODUYA"),
        ]);
        assert_eq!(got[2].as_deref(), Some("mr brandt"));
    }

    #[test]
    fn surname_label_joins_the_full_name() {
        let got = accepted(&[
            Some("Wikinews"),
            Some("Dr. Ingrid Solberg"),
            Some("Wikinews"),
            Some("Solberg"),
            Some("Dr. Ingrid Solberg"),
        ]);
        assert_eq!(got[3].as_deref(), Some("dr ingrid solberg"));
    }

    #[test]
    fn captions_and_notes_are_never_speakers() {
        let got = accepted(&[Some("Photo"), Some("Photo"), Some("Note"), Some("Note")]);
        assert!(got.iter().all(Option::is_none));
    }

    #[test]
    fn sides_from_questions_and_answers() {
        let groups = vec![
            SpeakerGroup {
                key: "chair".into(),
                prior: None,
                role_only: false,
            },
            SpeakerGroup {
                key: "witness x".into(),
                prior: None,
                role_only: false,
            },
            SpeakerGroup {
                key: "sen y".into(),
                prior: None,
                role_only: false,
            },
        ];
        let turn = |group, asks| TurnEvidence { group, asks };
        // The chair opens without asking, the witness answers questions,
        // the senator asks.
        let turns = [
            turn(0, false),
            turn(1, false),
            turn(0, false),
            turn(2, true),
            turn(1, false),
            turn(2, true),
            turn(1, false),
        ];
        assert_eq!(
            sides(&groups, &turns),
            [Side::Interviewer, Side::Interviewee, Side::Interviewer]
        );
    }
}
