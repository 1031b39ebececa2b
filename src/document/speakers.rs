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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use super::label::{self, LabelStyle};
use crate::error::Error;
use crate::lexicon::{self, SPEAKER_LABELS};

/// Which side of the interview a speaker is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Side {
    /// Asks: journalist, `Q`, interviewer, questioning senator, a moderator
    /// who puts questions. Their turns have the role `question`.
    Interviewer,
    /// Answers: the interviewee, spokesperson, witness, candidate. Their
    /// turns have the role `answer`.
    Interviewee,
    /// Only manages the floor: a press-call moderator or operator, a
    /// presiding officer, a press secretary giving the word, who opens,
    /// hands over and closes but asks nothing of substance. Their turns have
    /// the role `other`.
    Moderator,
}

crate::label::labels! {
    Side in "document" {
        Interviewer => "interviewer",
        Interviewee => "interviewee",
        Moderator => "moderator",
    }
}

/// The speaker-label lexicon, compiled.
#[derive(Clone, Debug)]
pub(crate) struct SpeakerWords {
    interviewer: HashSet<String>,
    interviewee: HashSet<String>,
    moderator: HashSet<String>,
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
            moderator: HashSet::new(),
            not_speaker: HashSet::new(),
        };
        for entry in SPEAKER_LABELS.checked_entries(&[
            "interviewer",
            "interviewee",
            "moderator",
            "floor",
            "not_speaker",
            "note",
        ])? {
            let set = match entry.section {
                "interviewer" => &mut words.interviewer,
                "interviewee" => &mut words.interviewee,
                "moderator" => &mut words.moderator,
                "not_speaker" => &mut words.not_speaker,
                // Notes after a name are read by the label shapes, floor
                // words by `is_procedural`.
                _ => continue,
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

    /// True when the whole label key is a role word of any side.
    fn is_role(&self, key: &str) -> bool {
        self.interviewer.contains(key)
            || self.interviewee.contains(key)
            || self.moderator.contains(key)
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
        } else if self.moderator.contains(key)
            || role.is_some_and(|role| self.moderator.contains(role))
        {
            Some(Side::Moderator)
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

/// A label as read at the start of a paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LabelRead<'t> {
    /// The name as written (`MR. PRICE`, `Adam Levine (AL)`).
    pub(crate) name: &'t str,
    /// Set in bold: `**Arpit:**`.
    pub(crate) marked: bool,
}

/// One label read at a paragraph start, before acceptance.
#[derive(Clone, Debug)]
struct LabelKey {
    key: String,
    style: LabelStyle,
    prior: Option<Side>,
    /// The short form the label gives itself: `al` in `Adam Levine (AL)`.
    alias: Option<String>,
    marked: bool,
}

/// Labels read at paragraph starts, accepted or not, and grouped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Speakers {
    pub(crate) groups: Vec<SpeakerGroup>,
    /// For each paragraph, the group its accepted label belongs to.
    pub(crate) of_paragraph: Vec<Option<usize>>,
    /// The paragraphs that open with a word that is never a speaker
    /// ("Note:", "Break:", "Photo:"): a marker of the page, not speech.
    pub(crate) markers: Vec<bool>,
}

impl Speakers {
    /// Decides which label shapes are speakers. `labels` has, for each
    /// paragraph, the label as written (if it opens with a label shape).
    pub(crate) fn accept(labels: &[Option<LabelRead<'_>>], words: &SpeakerWords) -> Speakers {
        let markers: Vec<bool> = labels
            .iter()
            .map(|label| {
                label.is_some_and(|label| words.not_speaker.contains(&label::key(label.name)))
            })
            .collect();
        let keyed: Vec<Option<LabelKey>> = labels
            .iter()
            .zip(&markers)
            .map(|(label, &marker)| {
                let LabelRead { name, marked } = (*label)?;
                let key = label::key(name);
                if key.is_empty() || marker {
                    return None;
                }
                let role = label::role_word(name);
                Some(LabelKey {
                    style: label::style(&key, name),
                    prior: words.prior(&key, role.as_deref()),
                    alias: label::alias(name),
                    marked,
                    key,
                })
            })
            .collect();
        // Count by speaker, not by spelling: "BLITZER" after "WOLF
        // BLITZER, CNN HOST", "AL" after "Adam Levine (AL)" and "Angela
        // Markel" beside "Angela Merkel" are turns of one speaker.
        let group_keys = group_spellings(keyed.iter().flatten());
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
        let marked_labels_recur = keyed
            .iter()
            .flatten()
            .any(|label| label.marked && backed(label));
        // A one-off label after the interview's labels have begun is a
        // speaker too ("SEN. KOWALSKI:" once in a panel) if it is in
        // capitals, a name of two words or more, or set in bold like the
        // labels that recur ("**Gunju:**" among "**Arpit:**"); before them
        // it is more likely a headline ("Salvador: “We will win”").
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
                                LabelStyle::Abbreviated => false,
                                LabelStyle::Named => {
                                    label.key.split(' ').count() >= 2
                                        || label.marked && marked_labels_recur
                                }
                            }
                })
            })
            .collect();
        let mut groups: Vec<SpeakerGroup> = Vec::new();
        let mut index_of: HashMap<&str, usize> = HashMap::new();
        let mut of_paragraph = Vec::with_capacity(labels.len());
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
            markers,
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

/// Maps each spelling of a speaker to the key its turns are counted under:
/// a word-suffix of exactly one longer key ("putin" of "vladimir putin"),
/// the short form a label gives itself ("al" of "Adam Levine (AL)") or
/// initials ("p m" of "prime minister"), and a
/// one-off key one letter away from a key that recurs in the same words
/// otherwise ("angela markel" beside "angela merkel", "moerator" beside
/// "moderator"). Ambiguous spellings stay apart. Every step is linear in
/// the number of labels.
fn group_spellings<'k>(labels: impl Iterator<Item = &'k LabelKey>) -> HashMap<&'k str, &'k str> {
    let labels: Vec<&LabelKey> = labels.collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for label in &labels {
        *counts.entry(label.key.as_str()).or_default() += 1;
    }
    let mut distinct: Vec<&str> = counts.keys().copied().collect();
    distinct.sort_unstable();
    let mut longer_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for long in &distinct {
        for (index, _) in long.match_indices(' ') {
            if let Some(suffix) = long.get(index + 1..) {
                longer_of.entry(suffix).or_default().push(long);
            }
        }
    }
    let mut groups: HashMap<&str, &str> = distinct
        .iter()
        .filter(|short| !matches!(**short, "q" | "a"))
        .filter_map(|short| match longer_of.get(short).map(Vec::as_slice) {
            Some([long]) => Some((*short, *long)),
            _ => None,
        })
        .collect();
    // A short form stands for a longer name: the one a label gives itself
    // ("al" of "Adam Levine (AL)"), or initials ("pm" of `P. M.` or `PM.`
    // for "prime minister").
    let mut short_forms: HashMap<String, Vec<&str>> = HashMap::new();
    let mut add = |short: String, owner: &'k str| {
        let owners = short_forms.entry(short).or_default();
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    };
    for label in &labels {
        if let Some(alias) = &label.alias
            && alias.as_str() != label.key
        {
            add(alias.clone(), label.key.as_str());
        }
    }
    for long in &distinct {
        if long.contains(' ') {
            add(
                long.split(' ')
                    .filter_map(|word| word.chars().next())
                    .collect(),
                long,
            );
        }
    }
    for key in &distinct {
        let compact: String = key.chars().filter(|c| *c != ' ').collect();
        let owners = short_forms.get(*key).or_else(|| {
            (compact.chars().count() <= 4)
                .then(|| short_forms.get(&compact))
                .flatten()
        });
        if let Some([owner]) = owners.map(Vec::as_slice)
            && owner != key
        {
            groups.entry(key).or_insert(owner);
        }
    }
    // One letter off: index the recurring keys by their words with one
    // word left out, then look each one-off key up the same way.
    let mut recurring: HashMap<(usize, String), Vec<&str>> = HashMap::new();
    for key in distinct
        .iter()
        .filter(|key| counts.get(*key).copied().unwrap_or(0) >= 2)
    {
        for position in 0..key.split(' ').count() {
            recurring
                .entry((position, without_word(key, position)))
                .or_default()
                .push(key);
        }
    }
    for key in distinct.iter().filter(|key| counts.get(*key) == Some(&1)) {
        if groups.contains_key(key) {
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        let mut found: Vec<&str> = Vec::new();
        for (position, word) in words.iter().enumerate() {
            let Some(candidates) = recurring.get(&(position, without_word(key, position))) else {
                continue;
            };
            for candidate in candidates {
                let other = candidate.split(' ').nth(position).unwrap_or("");
                if word.chars().count() >= MISSPELT_WORD && one_edit_apart(word, other) {
                    found.push(candidate);
                }
            }
        }
        found.dedup();
        if let [candidate] = found.as_slice() {
            let target = groups.get(candidate).copied().unwrap_or(candidate);
            groups.insert(key, target);
        }
    }
    groups
}

/// Shortest word in which a one-letter slip is read as a misspelling.
const MISSPELT_WORD: usize = 5;

/// The key's words without the one at `position`.
fn without_word(key: &str, position: usize) -> String {
    let mut out = String::with_capacity(key.len());
    for (index, word) in key.split(' ').enumerate() {
        if index == position {
            out.push('_');
        } else {
            out.push_str(word);
        }
        out.push(' ');
    }
    out
}

/// Two words one substitution, insertion or deletion apart (and not equal).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (shorter, longer) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match longer.len() - shorter.len() {
        0 | 1 => prefix + suffix >= longer.len() - 1,
        _ => false,
    }
}

/// The group of an unlabelled question in [`TurnEvidence`]: it belongs to
/// no speaker, but the turn after it answers.
pub(crate) const UNLABELLED_ASKER: usize = usize::MAX;

/// What one speaker turn shows of its speaker's side, in document order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TurnEvidence {
    pub(crate) group: usize,
    /// The turn ends (in its last two sentences) with a question.
    pub(crate) asks: bool,
    /// The turn puts a question of substance: a question sentence of
    /// [`PROBE_WORDS`] words or more that is not [procedural](is_procedural).
    pub(crate) probes: bool,
    /// Words in the turn.
    pub(crate) words: usize,
}

/// Fewest words of a question sentence that asks something of substance
/// ("Is there anything to that?"); shorter ones are echoes and checks
/// ("Really?", "Why not?").
pub(crate) const PROBE_WORDS: usize = 4;

/// Floor words, compiled once: see [`is_procedural`].
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static FLOOR_WORDS: Lazy<AhoCorasick> = Lazy::new(|| {
    let words: Vec<&str> = SPEAKER_LABELS
        .entries()
        .filter(|entry| entry.section == "floor")
        .map(|entry| entry.text)
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .expect("floor words compile")
});

/// A question that manages the floor or the call ("Can you hear me?",
/// "Could we re-open Nick's line?", "Any other questions?"): it holds one
/// of the floor words of `speaker_labels.txt` as a whole word.
pub(crate) fn is_procedural(sentence: &str) -> bool {
    FLOOR_WORDS
        .find_iter(sentence)
        .any(|found| crate::lexicon::is_whole_word(sentence, found.range()))
}

/// Fewest turns that show a speaker without a moderator's label only
/// manages the floor.
const FLOOR_TURNS: usize = 3;

/// Longest mean turn, in words, of a speaker who only manages the floor.
const FLOOR_TURN_WORDS: usize = 40;

/// What a speaker's turns show over the whole document.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    turns: usize,
    /// Turns that end in a question.
    asked: usize,
    /// Turns with a question of substance.
    probed: usize,
    /// Turns that follow someone else's question.
    answered: usize,
    words: usize,
    /// Turns with a speaker before and after them.
    between: usize,
    /// Of those, turns after which someone other than the speaker before
    /// takes the floor: the turn handed it on.
    handed_over: usize,
}

impl Tally {
    fn balance(self) -> isize {
        self.asked.cast_signed() - self.answered.cast_signed()
    }

    /// Short turns that never ask anything of substance and seldom follow
    /// a question: the speaker opens, gives the floor and closes. A speaker
    /// without a moderator's label needs a few turns to show it, and must
    /// hand the floor on rather than converse.
    fn manages_floor(self, labelled_moderator: bool) -> bool {
        let short = self.words <= FLOOR_TURN_WORDS * self.turns;
        // Handing the floor on: the one speaking after them is seldom the
        // one who spoke before (in a dialogue it always is).
        let hands_over = self.handed_over * 2 >= self.between;
        let enough = if labelled_moderator {
            self.turns > 0
        } else {
            self.turns >= FLOOR_TURNS && short && hands_over
        };
        enough && self.probed == 0 && self.answered * 2 < self.turns
    }
}

/// Tallies each group's turns. Turns of `skipped` groups are passed over:
/// a reply to a question counts as an answer even when a moderator spoke in
/// between ("Go ahead."). A reply to the `hub`'s question does not count as
/// an answer: the main interviewee's counter-questions ("Are you an
/// architect?") do not move the one who asked onto the answering side.
fn tally(
    groups: usize,
    turns: &[TurnEvidence],
    skipped: &[bool],
    hub: Option<usize>,
) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); groups];
    let mut previous: Option<TurnEvidence> = None;
    for (index, turn) in turns.iter().enumerate() {
        let before = index.checked_sub(1).and_then(|i| turns.get(i));
        let after = turns.get(index + 1);
        if let (Some(before), Some(after), Some(tally)) =
            (before, after, tallies.get_mut(turn.group))
        {
            tally.between += 1;
            tally.handed_over += usize::from(before.group != after.group);
        }
        let skip = skipped.get(turn.group).copied().unwrap_or(false);
        if let Some(tally) = tallies.get_mut(turn.group) {
            tally.turns += 1;
            tally.asked += usize::from(turn.asks);
            tally.probed += usize::from(turn.probes);
            tally.words += turn.words;
            tally.answered += usize::from(
                !skip
                    && previous.is_some_and(|p| {
                        p.group != turn.group
                            && p.asks
                            && (Some(p.group) != hub || hub == Some(turn.group))
                    }),
            );
        }
        if !skip {
            previous = Some(*turn);
        }
    }
    tallies
}

/// The speaker who carries the conversation: at least [`HUB_SHARE`] of
/// the words said by everyone but the floor managers, no label word that
/// puts them among the askers, and a question in fewer than half their
/// turns. In every kind of interview the one who
/// speaks most is the one who answers: the guest, the witness, the press
/// secretary, the president taking questions.
fn hub(groups: &[SpeakerGroup], tallies: &[Tally], floor: &[bool]) -> Option<usize> {
    let speaking = || {
        tallies
            .iter()
            .enumerate()
            .filter(|(index, _)| !floor.get(*index).copied().unwrap_or(false))
    };
    let total: usize = speaking().map(|(_, tally)| tally.words).sum();
    let (index, most) = speaking().max_by_key(|(_, tally)| tally.words)?;
    let asks_by_label = groups
        .get(index)
        .is_some_and(|group| group.prior == Some(Side::Interviewer));
    let mostly_asks = most.asked * 2 >= most.turns;
    (most.words * HUB_SHARE.1 >= total * HUB_SHARE.0 && total > 0 && !asks_by_label && !mostly_asks)
        .then_some(index)
}

/// Share of the words (numerator, denominator) that makes a speaker the
/// one who carries the conversation.
const HUB_SHARE: (usize, usize) = (2, 5);

/// Share of their turns (numerator, denominator) in which the one who
/// carries the conversation asks back: a president in dialogue with forum
/// participants, not one taking reporters' questions.
const HUB_ASKING: (usize, usize) = (1, 5);

/// Decides each group's side from its label words and the whole
/// conversation, so one misread turn never flips the rest.
///
/// 1. A speaker whose label names a side (`Q`, `Answer`, `HOST`) keeps it;
///    a labelled moderator (`MODERATOR`, `OPERATOR`, `The Presiding
///    Officer`) manages the floor unless one of their turns asks
///    something of substance or most follow questions, and then takes a
///    side as in 3 and 4.
/// 2. A speaker without a label word who never asks anything of
///    substance, rarely follows a question and speaks in short turns
///    manages the floor, when at least two other speakers carry the
///    conversation.
/// 3. The speaker who carries the conversation (see [`hub`]) answers; when
///    they keep asking back, the others ask unless they answered more
///    than they asked.
/// 4. The others ask when they asked more than they answered, answer when
///    they answered more, and otherwise answer unless they spoke first.
/// 5. An interview has both sides: if everyone asks or everyone answers,
///    the free speaker who fits their side least moves.
pub(crate) fn sides(groups: &[SpeakerGroup], turns: &[TurnEvidence]) -> Vec<Side> {
    let first_tallies = tally(groups.len(), turns, &[], None);
    let others_speak = groups.len() >= 3;
    let floor: Vec<bool> = groups
        .iter()
        .zip(&first_tallies)
        .map(|(group, tally)| match group.prior {
            Some(Side::Moderator) => tally.manages_floor(true),
            None => others_speak && tally.manages_floor(false),
            Some(_) => false,
        })
        .collect();
    let hub = hub(groups, &first_tallies, &floor);
    let tallies = tally(groups.len(), turns, &floor, hub);
    let hub_converses = hub
        .and_then(|index| tallies.get(index))
        .is_some_and(|tally| tally.asked * HUB_ASKING.1 >= tally.turns * HUB_ASKING.0);
    let first_speaker = turns
        .iter()
        .find(|turn| !floor.get(turn.group).copied().unwrap_or(false))
        .map(|turn| turn.group);
    let mut sides: Vec<Side> = groups
        .iter()
        .zip(&tallies)
        .zip(&floor)
        .enumerate()
        .map(|(index, ((group, tally), &floor))| match group.prior {
            _ if floor => Side::Moderator,
            Some(side @ (Side::Interviewer | Side::Interviewee)) => side,
            _ if hub == Some(index) => Side::Interviewee,
            // When the one who carries the conversation keeps asking back,
            // the others are the ones being talked with: they ask unless
            // they clearly answer.
            _ if hub_converses && tally.answered <= tally.asked => Side::Interviewer,
            _ if tally.asked > tally.answered => Side::Interviewer,
            _ if tally.answered > tally.asked || first_speaker != Some(index) => Side::Interviewee,
            _ => Side::Interviewer,
        })
        .collect();
    let free: Vec<(usize, Tally)> = groups
        .iter()
        .zip(&tallies)
        .enumerate()
        .filter(|(index, (group, _))| {
            !matches!(group.prior, Some(Side::Interviewer | Side::Interviewee))
                && sides.get(*index) != Some(&Side::Moderator)
        })
        .map(|(index, (_, tally))| (index, *tally))
        .collect();
    let speaking: Vec<Side> = sides
        .iter()
        .copied()
        .filter(|side| *side != Side::Moderator)
        .collect();
    if speaking.len() >= 2 {
        let all = |side: Side| speaking.iter().all(|s| *s == side);
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
        let labels: Vec<Option<LabelRead>> = names
            .iter()
            .map(|name| {
                name.map(|name| LabelRead {
                    name,
                    marked: false,
                })
            })
            .collect();
        let speakers = Speakers::accept(&labels, &words());
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
    fn spellings_of_one_speaker_share_a_group() {
        let got = accepted(&[
            Some("Adam Levine (AL)"),
            Some("Christopher Jeffrey (JJ)"),
            Some("AL"),
            Some("JJ"),
            Some("Angela Merkel"),
            Some("Angela Merkel"),
            Some("Angela Markel"),
        ]);
        assert_eq!(got[2].as_deref(), Some("adam levine"));
        assert_eq!(got[3].as_deref(), Some("christopher jeffrey"));
        assert_eq!(got[6].as_deref(), Some("angela merkel"));
        assert!(one_edit_apart("moerator", "moderator"));
        assert!(one_edit_apart("markel", "merkel"));
        assert!(!one_edit_apart("merkel", "merkel"));
        assert!(!one_edit_apart("kohl", "kohler"));
    }

    #[test]
    fn a_moderator_who_only_gives_the_floor_is_neither_side() {
        let group = |key: &str, prior| SpeakerGroup {
            key: key.into(),
            prior,
            role_only: false,
        };
        let groups = vec![
            group("moderator", Some(Side::Moderator)),
            group("senior administration official", None),
            group("q", Some(Side::Interviewer)),
        ];
        let turn = |group, asks, words| TurnEvidence {
            group,
            asks,
            probes: asks,
            words,
        };
        // The moderator opens, the official speaks at length, reporters
        // ask, the moderator hands over between them.
        let turns = [
            turn(0, false, 40),
            turn(1, false, 400),
            turn(0, false, 10),
            turn(2, true, 30),
            turn(1, false, 200),
            turn(0, false, 10),
            turn(2, true, 25),
            turn(1, false, 150),
            turn(0, false, 12),
        ];
        assert_eq!(
            sides(&groups, &turns),
            [Side::Moderator, Side::Interviewee, Side::Interviewer]
        );
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
        let turn = |group, asks| TurnEvidence {
            group,
            asks,
            probes: asks,
            words: 60,
        };
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
