//! Clauses: finite verbs, subjects, and the split of a sentence into the
//! clauses that each carry a claim.
//!
//! A finite verb is an auxiliary or modal ("is", "had", "will", "cannot"),
//! or a verb form (from `verbs.txt`) after something that can be its
//! subject: a pronoun, a name, a noun, a relative pronoun. After a
//! determiner, preposition or number the same word is a noun ("the
//! process", "of support"). A sentence is split at a semicolon; at a comma
//! or dash before a coordinated clause with its own subject ("…, and they
//! signed"); before a coordinated predicate without one ("… and regularly
//! rewards him", which shares the subject); before a non-restrictive
//! relative clause ("…, which has no power"); before a verbless contrast
//! ("…, but not with the intensity"); and at a comma between two full
//! clauses ("… organs, none of this is spelled out"). Lists ("oil, gas and
//! loans"), subordinate clauses ("because …", "if …") and participles
//! ("…, changing one of the agreements") stay in their clause.

use std::ops::Range;

use super::cues::{CueFamily, CueMatch, cues_at};
use super::sentence::Sentence;
use crate::segment::words::{class, form};

/// How a clause relates to the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClauseKind {
    /// The sentence's first clause, or one after a semicolon.
    Main,
    /// A coordinated clause with its own subject.
    Coordinated,
    /// A coordinated predicate that shares the previous clause's subject.
    SharedSubject,
    /// A non-restrictive relative clause about its antecedent.
    Relative,
    /// A verbless continuation ("but a considerable portion of support").
    Fragment,
}

/// A clause of a sentence, as word indexes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Clause {
    pub(crate) kind: ClauseKind,
    pub(crate) range: Range<usize>,
    /// Relative clauses inside this one, left out of its analysis.
    pub(crate) holes: Vec<Range<usize>>,
    /// For a relative clause, the words before it that it is about.
    pub(crate) antecedent: Option<Range<usize>>,
}

/// How many words the splitter looks ahead for a clause's subject and verb,
/// and back for an aside; bounds the work per word so that a sentence of
/// any length is split in linear time.
const LOOK_AHEAD: usize = 24;

/// True when word `index` is a finite verb of a clause starting at `start`.
pub(crate) fn is_finite_verb(s: &Sentence<'_>, index: usize, start: usize) -> bool {
    if !s.is_word(index) {
        return false;
    }
    let lower = s.lower(index);
    let previous = previous_word(s, index, start);
    let after_to_or_modal = previous
        .is_some_and(|p| s.lower(p) == "to" || s.is(p, class::MODAL) && !s.is(p, class::NEGATOR));
    match lower {
        "'s" => return index > start && s.is_verb_clitic(index),
        "'re" | "'m" | "'ve" | "'ll" | "'d" => return index > start,
        "be" | "been" | "being" | "having" => return false,
        _ => {}
    }
    if s.is(index, class::MODAL) {
        // "the will of", "in May" are no modals.
        let noun = previous.is_some_and(|p| {
            matches!(s.lower(p), "the" | "a" | "an") || s.is(p, class::POSSESSIVE)
        });
        return !noun && (s.word(index) != "May" || index <= start);
    }
    if s.is(index, class::BE | class::HAVE | class::DO) {
        // Inflected forms are always finite ("what it reacted to was");
        // base forms are not after "to" or a modal ("will have").
        return !(after_to_or_modal && matches!(lower, "have" | "do"));
    }
    let forms = s.forms(index);
    if forms & (form::THIRD | form::PAST | form::BASE) == 0 {
        return false;
    }
    let Some(previous) = previous else {
        return false;
    };
    // "the United States", "the Fed": inside a sentence a capitalised
    // verb form is a name (in mixed case; a line in capitals says nothing).
    let mixed_case = s.word(index).chars().skip(1).any(char::is_lowercase);
    let after_subject =
        s.is(previous, class::SUBJECT_PRONOUN | class::MODAL) || s.lower(previous) == "to";
    if s.capitalized(index)
        && mixed_case
        && index > 0
        && s.is_word(index - 1)
        && !after_subject
        && !s.title_case()
    {
        return false;
    }
    // A demonstrative is a subject pronoun when the verb agrees with it
    // ("that came", "these include") and a determiner otherwise ("that
    // program", "these plans").
    match s.lower(previous) {
        "this" | "that" => return forms & (form::THIRD | form::PAST) != 0,
        "these" | "those" => {
            return forms & (form::BASE | form::PAST) != 0 && forms & form::THIRD == 0;
        }
        _ => {}
    }
    let adverbial_negation =
        s.is(previous, class::NEGATOR) && !s.is(previous, class::INDEFINITE_PRONOUN);
    if s.is(
        previous,
        class::DETERMINER | class::POSSESSIVE | class::AUXILIARY,
    ) || adverbial_negation
        || s.is(previous, class::PREPOSITION) && !s.is(previous, class::RELATIVE)
        || !s.is_word(previous)
        || s.kind(previous) == Some(crate::segment::words::TokenKind::Number)
        || s.is_demonym(previous)
    {
        return false;
    }
    let third_or_past = forms & (form::THIRD | form::PAST) != 0;
    if s.is(previous, class::SUBJECT_PRONOUN) {
        return match s.lower(previous) {
            "he" | "she" | "it" | "one" => third_or_past,
            _ => forms & (form::BASE | form::PAST) != 0,
        };
    }
    if s.is(previous, class::RELATIVE | class::INDEFINITE_PRONOUN) {
        return true;
    }
    // "28 integration programs": a noun after a number's noun is part of
    // the noun phrase, not its verb.
    if previous > start && s.kind(previous - 1) == Some(crate::segment::words::TokenKind::Number) {
        return false;
    }
    if s.nominal(previous) {
        let plural = s.lower(previous).ends_with('s') && s.lower(previous) != "'s"
            || s.is(previous, class::PLURAL);
        return third_or_past || forms & form::BASE != 0 && plural;
    }
    false
}

/// The word before `index` in the clause, skipping adverbs.
fn previous_word(s: &Sentence<'_>, index: usize, start: usize) -> Option<usize> {
    let mut at = index;
    while at > start {
        at -= 1;
        if s.is_dash(at) || s.is_punct(at, ",") {
            // "Three groups — ours and a Danish team — arrived", "the
            // Department, together with the Treasury, designated": the word
            // before the aside.
            let comma = s.is_punct(at, ",");
            let floor = start.max(at.saturating_sub(LOOK_AHEAD));
            let opening = (floor..at).rev().find(|&i| {
                if comma {
                    s.is_punct(i, ",")
                } else {
                    s.is_dash(i)
                }
            });
            match opening {
                Some(open) if open > start => {
                    at = open;
                    continue;
                }
                _ => return Some(at),
            }
        }
        // "no longer" is an adverb as a whole.
        let no_before_adverb = s.lower(at) == "no" && at + 1 < index && s.is_adverb(at + 1);
        if (!s.is_adverb(at) || s.lower(at) == "not" || s.lower(at) == "n't") && !no_before_adverb {
            return Some(at);
        }
    }
    None
}

/// White space follows the token: "otherwise: our budget", not "https:".
fn spaced_after(s: &Sentence<'_>, index: usize) -> bool {
    match (s.span_of(index), s.span_of(index + 1)) {
        (Some(this), Some(next)) => next.start > this.end,
        _ => false,
    }
}

/// The end of the hole (sorted, non-overlapping ranges) that contains
/// `index`, found by binary search.
pub(crate) fn in_holes(index: usize, holes: &[Range<usize>]) -> Option<usize> {
    let after = holes.partition_point(|h| h.start <= index);
    let hole = holes.get(after.checked_sub(1)?)?;
    hole.contains(&index).then_some(hole.end)
}

/// The clause's main finite verb: the first finite verb that does not
/// belong to a restrictive relative clause inside the subject ("the bodies
/// that are created there ARE advisory"). An "as" clause set off by a
/// comma is skipped unless the clause has no other verb ("Voting means …,
/// as does protesting", where "means" is not known for a verb).
pub(crate) fn main_verb(
    s: &Sentence<'_>,
    range: Range<usize>,
    holes: &[Range<usize>],
) -> Option<usize> {
    let find = || {
        first_main_verb(s, range.clone(), holes, true)
            .or_else(|| first_main_verb(s, range.clone(), holes, false))
    };
    // Rules ask again and again about the same clause; with holes the
    // answer depends on them too, so only plain ranges are remembered.
    if holes.is_empty() {
        s.main_verb_of(range.clone(), find)
    } else {
        find()
    }
}

fn first_main_verb(
    s: &Sentence<'_>,
    range: Range<usize>,
    holes: &[Range<usize>],
    skip_as: bool,
) -> Option<usize> {
    let mut pending = 0usize;
    let mut index = range.start;
    while index < range.end {
        if let Some(end) = in_holes(index, holes) {
            index = end;
            continue;
        }
        // A subordinate clause ("If the money does not come,", ", because
        // the launch costs money") holds no main verb: skip to its comma.
        // Only a clause set off by commas counts: fronted ("If …, it is")
        // or after a comma (", because …"); "since the invasion now
        // comes" is a preposition phrase. An "as" clause counts too ("The
        // economy, as the minister has noted, is"): with its finite verb it
        // is no preposition.
        let subordinate = s.is(index, class::SUBORDINATOR)
            && !matches!(s.lower(index), "that" | "whether" | "where")
            && (skip_as || s.lower(index) != "as")
            && (index == range.start || s.is_punct(index - 1, ","));
        if subordinate && pending == 0 {
            let comma = (index + 1..range.end).find(|&i| s.is_punct(i, ","));
            let stop = comma.unwrap_or(range.end);
            let fronted_without_comma = index == range.start && comma.is_none();
            if !fronted_without_comma && has_finite_verb(s, index + 1..stop) {
                index = stop;
                continue;
            }
        }
        if s.is(index, class::RELATIVE)
            && index > range.start
            && s.nominal(index - 1)
            && !is_finite_verb(s, index - 1, range.start)
            || is_contact_relative(s, index, range.clone())
        {
            pending += 1;
        } else if is_finite_verb(s, index, range.start)
            && !is_reduced_relative(s, index, range.end)
            && !is_noun_before_verb(s, index, range.end)
        {
            if pending == 0 {
                return Some(index);
            }
            pending -= 1;
        }
        index += 1;
    }
    None
}

/// "The problems we saw in 2021 are behind us", "Everything he said was
/// true", "At most labs I know, it is 2%": a subject pronoun right after
/// the noun phrase that opens the clause starts a relative clause without
/// "that", when a finite verb follows the relative clause's own (after the
/// comma that closes an opening preposition phrase).
fn is_contact_relative(s: &Sentence<'_>, index: usize, range: Range<usize>) -> bool {
    let opens_noun_phrase = s.is(
        range.start,
        class::DETERMINER | class::POSSESSIVE | class::INDEFINITE_PRONOUN,
    ) && !s.is(range.start, class::SUBJECT_PRONOUN);
    let opens_preposition_phrase = s.is(range.start, class::PREPOSITION);
    if !(opens_noun_phrase || opens_preposition_phrase)
        || index <= range.start
        || !s.is(index, class::SUBJECT_PRONOUN)
        || !s.nominal(index - 1)
        || s.is(index - 1, class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN)
        || index - range.start > LOOK_AHEAD
        || (range.start..index).any(|i| !s.is_word(i) || is_finite_verb(s, i, range.start))
    {
        return false;
    }
    let window = index + 1..range.end.min(index + 1 + LOOK_AHEAD);
    if opens_preposition_phrase {
        let Some(comma) = window.clone().find(|&i| s.is_punct(i, ",")) else {
            return false;
        };
        return (index + 1..comma).any(|i| is_finite_verb(s, i, index))
            && (comma + 1..window.end).any(|i| is_finite_verb(s, i, comma + 1));
    }
    let mut verbs = window
        .take_while(|&i| !s.is_punct(i, ","))
        .filter(|&i| is_finite_verb(s, i, index));
    verbs.next().is_some() && verbs.next().is_some()
}

/// "The average car sold in Norway costs …": a participle followed by a
/// preposition, with a finite verb later in the clause, modifies the noun
/// before it; the later verb is the main one.
fn is_reduced_relative(s: &Sentence<'_>, index: usize, end: usize) -> bool {
    // "Nowak said on the radio that …": after a name that is the subject
    // the form is the verb; a reduced relative follows a common noun or a
    // name with a determiner ("The average Halvorsen sold in Norway").
    let after_name = index.checked_sub(1).is_some_and(|last| {
        let mut first = last;
        while first > 0 && s.capitalized(first - 1) {
            first -= 1;
        }
        s.capitalized(last)
            && !s.is(last, class::SUBJECT_PRONOUN)
            && !(first.saturating_sub(3)..=first)
                .any(|i| s.is(i, class::DETERMINER | class::POSSESSIVE))
    });
    if !s.can_be(index, form::PARTICIPLE)
        || s.is(index, class::AUXILIARY)
        || !s.is(index + 1, class::PREPOSITION)
        || after_name
    {
        return false;
    }
    // "The minister said on Monday that the tolls will go": a "that"
    // before a clause's subject, with one finite verb after it, opens the
    // complement of the verb; a reduced relative takes none. With two
    // ("those reported in the study that we discussed reflect"), "that"
    // opens a relative clause and the second verb is the main one.
    let complement = |i: usize| {
        let stop = (i + 1..end.min(i + 1 + LOOK_AHEAD))
            .find(|&j| s.is_punct(j, ","))
            .unwrap_or(end.min(i + 1 + LOOK_AHEAD));
        s.lower(i) == "that"
            && !is_finite_verb(s, i + 1, i)
            && (i + 1..stop)
                .filter(|&j| is_finite_verb(s, j, i + 1))
                .count()
                <= 1
    };
    (index + 2..end.min(index + 2 + LOOK_AHEAD))
        .take_while(|&i| !s.is_punct(i, ",") && !complement(i))
        .any(|i| {
            is_finite_verb(s, i, index + 1)
                && (s.is(i, class::AUXILIARY) || s.can_be(i, form::THIRD))
        })
}

/// "The public estimates for the largest runs are …": a lexical verb form
/// after a noun, followed before any clause boundary by an auxiliary, is a
/// noun of the subject; the auxiliary is the verb. Not when the form is a
/// report, evidence or cognition verb with the start of a noun phrase after
/// it and no preposition before the auxiliary: then it is the verb, and
/// the auxiliary's clause its complement ("Critics say tariffs will …",
/// "The White House says the economy is …").
fn is_noun_before_verb(s: &Sentence<'_>, index: usize, end: usize) -> bool {
    if s.is(index, class::AUXILIARY)
        || index == 0
        || !s.nominal(index - 1)
        || s.is(index - 1, class::SUBJECT_PRONOUN | class::RELATIVE)
    {
        return false;
    }
    // A verb that takes a clause ("say", "show", "think"), with words after
    // it that can open the clause's subject (an object pronoun, a
    // conjunction or an adverb cannot) and no preposition before the
    // auxiliary.
    let clause_after = |auxiliary: usize| {
        s.is_word(index + 1)
            && !s.is_adverb(index + 1)
            && !s.is(
                index + 1,
                class::AUXILIARY
                    | class::OBJECT_PRONOUN
                    | class::SUBORDINATOR
                    | class::COORDINATOR
                    | class::RELATIVE
                    | class::WH,
            )
            && !(index + 1..auxiliary).any(|i| s.is(i, class::PREPOSITION))
            && s.takes_clause(index)
    };
    for next in index + 1..end.min(index + 12) {
        let boundary = !s.is_word(next)
            || s.is(
                next,
                class::SUBORDINATOR
                    | class::RELATIVE
                    | class::WH
                    | class::COORDINATOR
                    | class::SUBJECT_PRONOUN,
            )
            || s.lower(next) == "to";
        if boundary {
            return false;
        }
        // Full auxiliaries only: "Lukashenko’s position" has a possessive.
        let clitic = s.lower(next).starts_with('\'');
        // "the growth forecasts have been downgraded", "the Central Bank
        // reserves have already reached": "have" before a participle is a
        // perfect, whose subject is the noun before it.
        let perfect = s.lower(next) == "have"
            && (next + 1..end.min(next + 4))
                .find(|&i| !s.is_adverb(i))
                .is_some_and(|i| s.can_be(i, form::PARTICIPLE) || s.lower(i) == "been");
        if s.is(next, class::AUXILIARY)
            && !clitic
            && is_finite_verb(s, next, index + 1)
            && (perfect || !matches!(s.lower(next), "be" | "been" | "being" | "have" | "do"))
        {
            return !clause_after(next);
        }
    }
    false
}

/// True when the words have a finite verb.
pub(crate) fn has_finite_verb(s: &Sentence<'_>, range: Range<usize>) -> bool {
    range.clone().any(|i| is_finite_verb(s, i, range.start))
}

/// First word that is not a comma, coordinator or discourse adverb.
fn skip_joiners(s: &Sentence<'_>, range: Range<usize>) -> usize {
    range
        .clone()
        .find(|&i| {
            !(s.is_punct(i, ",")
                || s.is_punct(i, ".")
                || s.is(i, class::COORDINATOR)
                || s.is_dash(i)
                || s.is_adverb(i))
        })
        .unwrap_or(range.end)
}

/// The range opens with a subject and its finite verb: "they signed",
/// "none of this is spelled out", "the votes are divided".
fn opens_with_clause(s: &Sentence<'_>, range: Range<usize>) -> bool {
    let start = skip_joiners(s, range.clone());
    // A subject is a few words: looking further would only cost time.
    let window = start..range.end.min(start + LOOK_AHEAD);
    let Some(verb) = main_verb(s, window, &[]) else {
        return false;
    };
    let subject_words = verb - start;
    // A bare noun or adjective ("current spending is") opens a clause only
    // before an auxiliary: "new loans and restructuring" is a list.
    let takes_object =
        s.is_word(verb + 1) && !s.is(verb + 1, class::COORDINATOR | class::PREPOSITION);
    let nominal_start = s.nominal(start)
        && s.forms(start) & (form::THIRD | form::PAST) == 0
        && (s.is(verb, class::AUXILIARY) || takes_object);
    let starts_like_subject = s.is(
        start,
        class::SUBJECT_PRONOUN
            | class::DETERMINER
            | class::POSSESSIVE
            | class::INDEFINITE_PRONOUN
            | class::DEMONSTRATIVE,
    ) || s.capitalized(start)
        || nominal_start
        || matches!(s.lower(start), "there" | "none" | "nothing" | "nobody");
    (1..=12).contains(&subject_words) && starts_like_subject && !s.is(start, class::WH)
}

/// The range opens with a clause whose subject holds no subordinate
/// clause: "prices will fall", not "mistake as it is doing". After "that"
/// (`complementizer`) a fronted phrase may come first ("that in May the
/// plant will close", "that to stay on the path the price would …").
pub(crate) fn opens_with_plain_clause(
    s: &Sentence<'_>,
    range: Range<usize>,
    complementizer: bool,
) -> bool {
    let start = skip_joiners(s, range.clone());
    if !complementizer && s.is(start, class::WH | class::PREPOSITION) {
        return false;
    }
    let window = start..range.end.min(start + LOOK_AHEAD);
    match main_verb(s, window, &[]) {
        Some(verb) => {
            (complementizer || (1..=8).contains(&(verb - start)))
                && (start..verb)
                    .all(|i| !s.is(i, class::SUBORDINATOR) || s.is(i, class::DEMONSTRATIVE))
        }
        // A long fronted phrase after "that" puts the verb past the window.
        None => complementizer && has_finite_verb(s, range),
    }
}

/// The range opens with a finite verb form (after adverbs): a predicate
/// sharing an earlier subject.
fn opens_with_predicate(s: &Sentence<'_>, range: Range<usize>) -> bool {
    opens_with_verb_form(s, range.clone(), true)
}

/// The range opens with a verb form; `strict` also wants the form followed
/// by an object or complement rather than a preposition.
fn opens_with_verb_form(s: &Sentence<'_>, range: Range<usize>, strict: bool) -> bool {
    let start = skip_joiners(s, range.clone());
    let Some(first) = (start..range.end).find(|&i| !s.is_adverb(i)) else {
        return false;
    };
    if s.is(first, class::MODAL | class::BE | class::HAVE | class::DO) {
        return !matches!(s.lower(first), "be" | "been" | "being");
    }
    // A verb form takes an object or complement ("rewards him", "signed a
    // protocol", "fell 3%"); a noun is followed by a preposition or the end
    // ("loans from them").
    let next = first + 1;
    s.forms(first) & (form::THIRD | form::PAST) != 0
        && !s.is(first, class::DETERMINER)
        && (!strict
            || next < range.end
                && s.is_word(next)
                && !s.is(next, class::PREPOSITION | class::COORDINATOR))
}

/// "and perhaps not even then", "and not only in Norway": a verbless
/// afterthought that hedges or negates.
fn opens_with_hedge_or_negation(s: &Sentence<'_>, range: Range<usize>) -> bool {
    let start = (range.start..range.end)
        .find(|&i| !(s.is_punct(i, ",") || s.is(i, class::COORDINATOR)))
        .unwrap_or(range.end);
    (start..(start + 3).min(range.end)).any(|i| s.is_hedge_or_negation(i))
}

/// "…, Lukashenka said." ends the sentence with who said it: a short tail
/// whose verb comes last is a report frame, not a clause of its own. So is
/// a tail whose report verb has a short adverbial or object after it and no
/// clause ("…, the minister said on Monday", "…, she told reporters").
fn is_speaker_tail(s: &Sentence<'_>, start: usize, end: usize, cues: &[CueMatch]) -> bool {
    // A few words, and a few quote marks or stops among them.
    if end > start + 12 {
        return false;
    }
    let words = (start..end).filter(|&i| s.is_word(i)).count();
    if words <= 5 && main_verb(s, start..end, &[]).is_some_and(|verb| verb + 2 >= end) {
        return true;
    }
    let report_verb = (start + 1..end).find(|&i| {
        cues_at(cues, i)
            .iter()
            .any(|m| m.family == CueFamily::ReportVerb)
    });
    report_verb.is_some_and(|verb| {
        let after = verb + 1..end;
        words <= 8
            && after.len() <= 4
            && main_verb(s, start..verb, &[]).is_none()
            && !after.clone().any(|i| {
                s.is(i, class::SUBORDINATOR | class::AUXILIARY) || is_finite_verb(s, i, start)
            })
    })
}

/// The clause starts with a subordinator ("If the money does not come,"),
/// so a comma inside it does not end a main clause.
fn opens_subordinate(s: &Sentence<'_>, start: usize) -> bool {
    s.is(start, class::SUBORDINATOR) && !s.is(start, class::DEMONSTRATIVE)
}

/// "not only … but also".
fn not_only_before(s: &Sentence<'_>, range: Range<usize>) -> bool {
    range
        .clone()
        .any(|i| s.lower(i) == "not" && matches!(s.lower(i + 1), "only" | "just" | "merely"))
}

/// One past the last word before trailing punctuation.
pub(crate) fn trim_end(s: &Sentence<'_>, range: Range<usize>) -> usize {
    // A claim keeps what closes its last word ("17.2%", "“a reset
    // year”", "(Reuters)"), not the sentence's stop, and a closing quote
    // or bracket only when the claim opened it.
    let opened =
        |i: usize, opening: &[&str]| (range.start..i).any(|j| opening.contains(&s.word(j)));
    (range.start..range.end)
        .rev()
        .find(|&i| {
            s.is_word(i)
                || match s.word(i) {
                    "%" | "’" | "°" => true,
                    ")" => opened(i, &["("]),
                    "]" => opened(i, &["["]),
                    "”" => opened(i, &["“"]),
                    "\"" => (range.start..i).filter(|&j| s.word(j) == "\"").count() % 2 == 1,
                    _ => false,
                }
        })
        .map_or(range.start, |i| i + 1)
}

/// Splits the words `range` of a sentence into clauses.
pub(crate) fn split(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Vec<Clause> {
    let end = trim_end(s, range.clone());
    // Where the next possible boundary after each word is, found in one
    // backward pass.
    let mut boundaries = vec![end; end.saturating_sub(range.start) + 1];
    let mut next = end;
    for index in (range.start..end).rev() {
        if let Some(slot) = boundaries.get_mut(index - range.start) {
            *slot = next;
        }
        if s.is_punct(index, ";")
            || s.is_dash(index)
            || s.is_punct(index, ",") && s.is(index + 1, class::COORDINATOR)
        {
            next = index;
        }
    }
    let boundary_after = |index: usize| {
        let next = boundaries.get(index - range.start).copied().unwrap_or(end);
        next.min(index + 1 + LOOK_AHEAD * 4)
            .clamp(index + 1, end.max(index + 1))
    };
    let mut clauses = Vec::new();
    let mut current = range.start;
    let mut kind = ClauseKind::Main;
    let mut holes: Vec<Range<usize>> = Vec::new();
    let mut index = range.start;
    let push = |clauses: &mut Vec<Clause>,
                kind: ClauseKind,
                range: Range<usize>,
                holes: &mut Vec<Range<usize>>| {
        if range.start < range.end {
            clauses.push(Clause {
                kind,
                range,
                holes: std::mem::take(holes),
                antecedent: None,
            });
        }
    };
    // Whether the current clause has a finite verb before `index`, kept as
    // the walk goes instead of rescanning the clause at every comma.
    let mut verb_before = false;
    let mut verb_scan = range.start;
    let mut verb_scan_start = range.start;
    while index < end {
        let boundary = boundary_after(index);
        if verb_scan_start != current {
            (verb_before, verb_scan, verb_scan_start) = (false, current, current);
        }
        while verb_scan < index {
            verb_before |= is_finite_verb(s, verb_scan, current);
            verb_scan += 1;
        }
        // "the ablation zone — the area where the ice loses more — has
        // moved": words between two dashes are an aside.
        if s.is_dash(index)
            && let Some(close) =
                (index + 1..end.min(index + 1 + LOOK_AHEAD)).find(|&i| s.is_dash(i))
            && (!opens_with_clause(s, close + 1..end) || !verb_before)
        {
            if has_finite_verb(s, index + 1..close) {
                clauses.push(Clause {
                    kind: ClauseKind::Relative,
                    range: index + 1..close,
                    holes: Vec::new(),
                    antecedent: Some(current..index),
                });
            }
            holes.push(index..close + 1);
            index = close + 1;
            continue;
        }
        if s.is_punct(index, ";") {
            push(&mut clauses, kind, current..index, &mut holes);
            (current, kind) = (index + 1, ClauseKind::Main);
        } else if s.is_dash(index) && index > current {
            if opens_with_clause(s, index + 1..boundary) && verb_before {
                push(&mut clauses, kind, current..index, &mut holes);
                (current, kind) = (index + 1, ClauseKind::Coordinated);
            }
        } else if s.is_punct(index, ",")
            && s.is(index + 1, class::COORDINATOR)
            && !(s.lower(index + 1) == "so"
                && matches!(s.lower(index + 2), "far" | "much" | "many" | "long"))
        {
            let conjunction = s.lower(index + 1);
            let right = index + 2..boundary;
            let also = conjunction == "but"
                && s.lower(index + 2) == "also"
                && not_only_before(s, current..index);
            let according = s.lower(index + 2) == "according" && s.lower(index + 3) == "to";
            let left_is_clause = verb_before;
            let next = if also {
                None
            } else if according && left_is_clause || opens_with_clause(s, right.clone()) {
                Some(ClauseKind::Coordinated)
            } else if left_is_clause
                && opens_with_predicate(s, right.clone())
                && conjunction != "so"
            {
                Some(ClauseKind::SharedSubject)
            } else if left_is_clause
                && main_verb(s, right.clone(), &[]).is_none()
                && (conjunction == "but" || opens_with_hedge_or_negation(s, right.clone()))
            {
                Some(ClauseKind::Fragment)
            } else {
                None
            };
            if let Some(next) = next {
                push(&mut clauses, kind, current..index, &mut holes);
                (current, kind) = (index + 1, next);
            }
        } else if s.is_punct(index, ":")
            && index > current
            && verb_before
            && index + 1 < end
            && spaced_after(s, index)
        {
            // "The numbers say otherwise: our budget went from …" and
            // "What we have seen is quieter: fewer positions, …".
            let next = if opens_with_clause(s, index + 1..end) {
                ClauseKind::Coordinated
            } else {
                ClauseKind::Fragment
            };
            push(&mut clauses, kind, current..index, &mut holes);
            (current, kind) = (index + 1, next);
        } else if s.lower(index) == "because"
            && index > current
            && opens_with_clause(s, index + 1..boundary)
        {
            // A reason is a claim of its own: "…, because a long season
            // darkens the surface".
            let cut = if s.is_punct(index - 1, ",") {
                index - 1
            } else {
                index
            };
            push(&mut clauses, kind, current..cut, &mut holes);
            (current, kind) = (index + 1, ClauseKind::Coordinated);
        } else if s.is_punct(index, ",")
            && (matches!(
                s.lower(index + 1),
                "which" | "who" | "whom" | "whose" | "where"
            ) || s.lower(index + 1) == "that"
                && is_finite_verb(s, index + 2, index + 1)
                // "As the FBI said, that does not mean …": after a fronted
                // subordinate clause "that" is the main clause's subject.
                && !opens_subordinate(s, current))
        {
            let relative_start = index + 1;
            let relative_end = relative_end(s, relative_start, end);
            clauses.push(Clause {
                kind: ClauseKind::Relative,
                range: relative_start..relative_end,
                holes: Vec::new(),
                antecedent: Some(current..index),
            });
            holes.push(index..relative_end);
            index = relative_end;
            continue;
        } else if matches!(s.lower(index), "and" | "but" | "or")
            && index > current
            && !s.is_punct(index - 1, ",")
            && verb_before
            && !opens_subordinate(s, current)
        {
            let right = index + 1..boundary;
            // "… by June or we lose the licence": a clause with a subject
            // pronoun of its own after the conjunction is a claim of its
            // own; "or" does not share a subject ("pay or leave").
            let next = if s.lower(index) != "or" && opens_with_predicate(s, right.clone()) {
                Some(ClauseKind::SharedSubject)
            } else if opens_with_clause(s, right) && s.is(index + 1, class::SUBJECT_PRONOUN) {
                Some(ClauseKind::Coordinated)
            } else {
                None
            };
            if let Some(next) = next {
                push(&mut clauses, kind, current..index, &mut holes);
                (current, kind) = (index, next);
            }
        } else if s.is_punct(index, ",")
            && !opens_subordinate(s, current)
            && !s.is(index - 1, class::RELATIVE | class::SUBORDINATOR | class::WH)
            && !matches!(s.lower(index + 1), "not" | "never")
            && !s.is(current, class::PREPOSITION)
            && verb_before
            && opens_with_clause(s, index + 1..boundary)
            && !s.is(
                index + 1,
                class::SUBORDINATOR | class::COORDINATOR | class::PREPOSITION,
            )
            && !is_speaker_tail(s, index + 1, end, cues)
        {
            push(&mut clauses, kind, current..index, &mut holes);
            (current, kind) = (index + 1, ClauseKind::Coordinated);
        }
        index += 1;
    }
    push(&mut clauses, kind, current..end, &mut holes);
    clauses.sort_by_key(|c| c.range.start);
    clauses
}

/// Where a relative clause starting at `start` ends: before a comma and
/// coordinated clause, a semicolon or dash, the end, or a comma after which
/// the main clause resumes with its verb ("Vang, 54, who has run the
/// company since 2019, talked to us").
fn relative_end(s: &Sentence<'_>, start: usize, end: usize) -> usize {
    let mut seen_verb = false;
    // ", which, as I understand it, is …": skip the aside after the
    // relative pronoun.
    let first = if s.is_punct(start + 1, ",") {
        (start + 2..end)
            .find(|&i| s.is_punct(i, ","))
            .map_or(start + 1, |i| i + 1)
    } else {
        start + 1
    };
    for index in first..end {
        if is_finite_verb(s, index, start) {
            seen_verb = true;
        }
        if s.is_punct(index, ";") || s.is_dash(index) {
            return index;
        }
        if s.is_punct(index, ",") && seen_verb {
            let next = (index + 1..end).find(|&i| !s.is_adverb(i)).unwrap_or(end);
            if s.is(index + 1, class::COORDINATOR)
                || opens_with_verb_form(s, next..end, false) && !s.is(next, class::SUBJECT_PRONOUN)
                || opens_with_clause(s, index + 1..end)
            {
                return index;
            }
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::cues::Cues;
    use crate::span::Span;

    fn clauses(text: &str) -> Vec<(ClauseKind, String)> {
        let s = Sentence::new(text, Span::new(0, text.len()), Cues::builtin());
        let cues = Cues::builtin().find(&s);
        split(&s, 0..s.len(), &cues)
            .into_iter()
            .map(|c| {
                (
                    c.kind,
                    s.range_span(c.range)
                        .map_or("", |span| span.slice(text))
                        .to_string(),
                )
            })
            .collect()
    }

    fn verb(text: &str) -> Option<String> {
        let s = Sentence::new(text, Span::new(0, text.len()), Cues::builtin());
        main_verb(&s, 0..s.len(), &[]).map(|i| s.word(i).to_string())
    }

    #[test]
    fn finds_the_main_verb() {
        assert_eq!(
            verb("Putin stabilizes his internal position."),
            Some("stabilizes".into())
        );
        assert_eq!(verb("Lukashenka simply said this."), Some("said".into()));
        assert_eq!(
            verb("The bodies that are created there are advisory in nature."),
            Some("are".into())
        );
        assert_eq!(
            verb("The legislations of the two countries converge."),
            Some("converge".into())
        );
        assert_eq!(
            verb("Nowak said on the radio that the ship was sinking."),
            Some("said".into())
        );
        assert_eq!(
            verb("Our modelling shows that prices will fall."),
            Some("shows".into())
        );
        assert_eq!(
            verb("The average Halvorsen sold in Norway costs NOK 429,000."),
            Some("costs".into())
        );
        assert_eq!(
            verb("Plus, cheap oil and gas, as well as access to Russian markets."),
            None
        );
        assert_eq!(
            verb("These are oil becoming cheaper, fixed gas prices for three years."),
            Some("are".into())
        );
        assert_eq!(
            verb("Belarus cannot reduce the impact."),
            Some("cannot".into())
        );
    }

    #[test]
    fn splits_clauses() {
        use ClauseKind::*;
        let text = "Shoigu had flown to Minsk before, and they signed a protocol, so I don’t see a new role.";
        assert_eq!(
            clauses(text),
            [
                (Main, "Shoigu had flown to Minsk before".into()),
                (Coordinated, "and they signed a protocol".into()),
                (Coordinated, "so I don’t see a new role".into()),
            ]
        );
        let text = "The committee, which has no power, in fact, and the votes are divided equally.";
        let got = clauses(text);
        assert!(
            got.contains(&(Relative, "which has no power, in fact".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(Coordinated, "and the votes are divided equally".into())),
            "{got:?}"
        );
        let text = "Putin is pleased with what Lukashenka is doing and regularly rewards him.";
        assert_eq!(clauses(text).len(), 2);
        let text = "The process will continue, but not with the intensity that is expected.";
        assert_eq!(
            clauses(text).get(1).map(|c| c.0),
            Some(Fragment),
            "{:?}",
            clauses(text)
        );
        let text = "We buy oil, gas, and loans from them.";
        assert_eq!(clauses(text).len(), 1, "{:?}", clauses(text));
        let text = "Protests will stumble not only on the Belarusian machine, but also on the Russian one.";
        assert_eq!(clauses(text).len(), 1, "{:?}", clauses(text));
        let text = "If the money does not come, it is likely that the network will shrink.";
        assert_eq!(clauses(text).len(), 1, "{:?}", clauses(text));
        let text = "This is not a takeover, none of this is spelled out there.";
        assert_eq!(clauses(text).len(), 2, "{:?}", clauses(text));
        let text = "Chief executive Erik Vang, who has run the company since 2019, talked to us.";
        let got = clauses(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1],
            (Relative, "who has run the company since 2019".into())
        );
    }
}
