//! Frames: the words around a proposition that say how the speaker stands
//! to it, stripped from the proposition and kept as cues.
//!
//! - **Evidence frames**: "there is no evidence that P", "we have no signs
//!   of P", "there are a lot of signs that P", "the data show that P". A
//!   quantifier or negation saying evidence is absent makes the frame
//!   `lacking`; otherwise it is `evidenced`. The negation belongs to the
//!   frame, not to P.
//! - **Report frames**: "X said (that) P", "X's statement that P",
//!   "narratives that P", "according to X" before, inside or after P, "P,
//!   X said", "as X has said" before or inside P, and a third party's
//!   belief ("Moscow believes that P"). The source is recorded.
//! - **Evidence after the fact**: "P, satellite images show".
//! - **Hedge frames**: "It is unlikely that P", "It is unclear whether P",
//!   "It depends on P", "I think P", "I don't see P", "I doubt P",
//!   "Everyone understands that P".
//! - **Inference frames**: "It seems that P", "It looks like P".
//! - **Question frames** in questions: "Can we assume that P?".
//!
//! Hedges and inference that sit inside the clause ("Perhaps we will…",
//! "does not look like…") are not frames; their cues act in place.

use std::ops::Range;

use super::clause::{has_finite_verb, is_finite_verb, main_verb, opens_with_plain_clause};
use super::cues::{CueFamily, CueMatch, cues_at};
use super::sentence::Sentence;
use crate::segment::words::{class, form};

/// What a frame says about the proposition it embeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FrameKind {
    /// Evidence is pointed to (`lacking: false`) or said to be absent.
    Evidence { lacking: bool },
    /// A source's words: the source's words (`source`), and whether the
    /// source asserts the opposite ("denies").
    Report { source: Range<usize>, denial: bool },
    /// A hedge or stance of the speaker.
    Hedge,
    /// Inference from appearance.
    Inference,
    /// A question putting the proposition up for discussion.
    Question,
}

/// A frame of a clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Frame {
    pub(crate) kind: FrameKind,
    /// The frame's own words.
    pub(crate) words: Range<usize>,
    /// The proposition the frame embeds.
    pub(crate) proposition: Range<usize>,
}

/// Words that introduce the embedded proposition.
fn is_complementizer(s: &Sentence<'_>, index: usize) -> bool {
    matches!(s.lower(index), "that" | "whether" | "if")
}

/// Cue of `family` starting at `index`.
fn cue_at(cues: &[CueMatch], index: usize, family: CueFamily) -> Option<CueMatch> {
    cues_at(cues, index)
        .iter()
        .find(|m| m.family == family)
        .copied()
}

fn cues_in(
    cues: &[CueMatch],
    range: Range<usize>,
    family: CueFamily,
) -> impl Iterator<Item = &CueMatch> {
    cues.iter()
        .filter(move |m| m.family == family && m.start >= range.start && m.end <= range.end)
}

/// Finds the frame of the clause `range` (already past its discourse
/// openers), if it has one. `holes` are relative clauses inside it. A hedge
/// frame can hold another frame ("I think it is unlikely that P"); the two
/// are read as one, with the inner frame's kind.
pub(crate) fn detect(
    s: &Sentence<'_>,
    range: Range<usize>,
    cues: &[CueMatch],
    holes: &[Range<usize>],
    question: bool,
) -> Option<Frame> {
    let outer = detect_one(s, range.clone(), cues, holes, question)?;
    if outer.kind != FrameKind::Hedge || outer.proposition.start >= range.end {
        return Some(outer);
    }
    match detect_one(s, outer.proposition.clone(), cues, holes, false) {
        Some(inner) => Some(Frame {
            kind: inner.kind,
            words: outer.words.start..inner.words.end,
            proposition: inner.proposition,
        }),
        None => Some(outer),
    }
}

fn detect_one(
    s: &Sentence<'_>,
    range: Range<usize>,
    cues: &[CueMatch],
    holes: &[Range<usize>],
    question: bool,
) -> Option<Frame> {
    let start = range.start;
    if question {
        return question_frame(s, range.clone(), cues)
            .or_else(|| report_noun_frame(s, range.clone(), cues));
    }
    inset_report(s, range.clone(), cues)
        .or_else(|| opening_as_report(s, range.clone(), cues))
        .or_else(|| according_to(s, range.clone(), cues))
        .or_else(|| evidence_noun_frame(s, range.clone(), cues))
        .or_else(|| it_frame(s, range.clone(), cues))
        .or_else(|| first_person_frame(s, range.clone(), cues, holes))
        .or_else(|| verb_frame(s, range.clone(), cues, holes))
        .or_else(|| report_noun_frame(s, range.clone(), cues))
        .or_else(|| trailing_report(s, range.clone(), cues))
        .filter(|frame| frame.words.start >= start)
}

/// "Can we assume that P?"
fn question_frame(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let cue = cue_at(cues, range.start, CueFamily::QuestionFrame)?;
    Some(Frame {
        kind: FrameKind::Question,
        words: range.start..cue.end,
        proposition: cue.end..range.end,
    })
    .filter(|_| has_finite_verb(s, cue.end..range.end))
}

/// "According to X, P", "P, according to X" and "P according to X".
fn according_to(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let cue = cues_in(cues, range.clone(), CueFamily::ReportPhrase)
        .next()
        .copied()?;
    if cue.start == range.start {
        let comma = (cue.end..range.end).find(|&i| s.is_punct(i, ","))?;
        return Some(Frame {
            kind: FrameKind::Report {
                source: cue.end..comma,
                denial: false,
            },
            words: range.start..comma + 1,
            proposition: comma + 1..range.end,
        });
    }
    if cue.start <= range.start {
        return None;
    }
    if s.is_punct(cue.start - 1, ",") {
        return Some(Frame {
            kind: FrameKind::Report {
                source: cue.end..range.end,
                denial: false,
            },
            words: cue.start - 1..range.end,
            proposition: range.start..cue.start - 1,
        });
    }
    // "Prices rose last year according to the statistics office", but
    // not "it went according to plan": a norm followed is no source.
    let norm = cues_in(cues, cue.end..range.end, CueFamily::Norm)
        .next()
        .is_some();
    let reaches_end = (cue.end..range.end).all(|i| !s.is_punct(i, ","));
    // "Mr. Okafor is quoting a draft": the phrase is the clause's verb.
    let claim_before = has_finite_verb(s, range.start..cue.start)
        && !s.is(cue.start - 1, class::AUXILIARY | class::NEGATOR);
    (!norm && reaches_end && claim_before && cue.end < range.end).then_some(Frame {
        kind: FrameKind::Report {
            source: cue.end..range.end,
            denial: false,
        },
        words: cue.start..range.end,
        proposition: range.start..cue.start,
    })
}

/// "The plant, according to the union, will close", "The economy, as the
/// minister has noted, is at a turning point": a report set off by commas
/// inside the clause. The proposition is the whole clause; the frame's
/// words are a hole in it.
fn inset_report(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let commas: Vec<usize> = range
        .clone()
        .filter(|&i| i > range.start && s.is_punct(i, ","))
        .collect();
    commas.windows(2).find_map(|pair| {
        let (open, close) = (*pair.first()?, *pair.get(1)?);
        let verb_outside =
            has_finite_verb(s, range.start..open) || has_finite_verb(s, close + 1..range.end);
        if close - open > INSET_WORDS || !verb_outside {
            return None;
        }
        let source = if let Some(cue) = cue_at(cues, open + 1, CueFamily::ReportPhrase) {
            cue.end..close
        } else if s.lower(open + 1) == "as" {
            let verb = as_report_verb(s, open + 2..close, cues)?;
            source_before(s, open + 2..verb)
        } else {
            // ", we believe,", ", the minister said,": a subject and its
            // verb of saying or thinking, and nothing after the verb.
            let verb = close - 1;
            let says = cue_at(cues, verb, CueFamily::ReportVerb).is_some()
                || cue_at(cues, verb, CueFamily::CognitionVerb).is_some();
            if !says || verb <= open + 1 || verb - open > 5 || !is_finite_verb(s, verb, open + 1) {
                return None;
            }
            let source = source_before(s, open + 1..verb);
            if !outside_source(s, &source) {
                return Some(Frame {
                    kind: FrameKind::Hedge,
                    words: open..close + 1,
                    proposition: range.clone(),
                });
            }
            source
        };
        outside_source(s, &source).then(|| Frame {
            kind: FrameKind::Report {
                source,
                denial: false,
            },
            words: open..close + 1,
            proposition: range.clone(),
        })
    })
}

/// The most words an inset report ("…, as the minister has said many
/// times, …") spans between its commas.
const INSET_WORDS: usize = 12;

/// "As the minister has said many times, P", "As Lincoln put it, P".
fn opening_as_report(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    if s.lower(range.start) != "as" {
        return None;
    }
    let comma = (range.start + 1..range.end.min(range.start + INSET_WORDS))
        .find(|&i| s.is_punct(i, ","))?;
    let verb = as_report_verb(s, range.start + 1..comma, cues)?;
    let source = source_before(s, range.start + 1..verb);
    (outside_source(s, &source) && has_finite_verb(s, comma + 1..range.end)).then(|| Frame {
        kind: FrameKind::Report {
            source,
            denial: false,
        },
        words: range.start..comma + 1,
        proposition: comma + 1..range.end,
    })
}

/// The report verb of an "as" clause ("as the minister has said"): a
/// finite verb, not a noun ("as a side note"), and no modal before it ("as
/// you may recall" appeals to what the listener knows).
fn as_report_verb(s: &Sentence<'_>, words: Range<usize>, cues: &[CueMatch]) -> Option<usize> {
    let verb = cues_in(cues, words.clone(), CueFamily::ReportVerb)
        .next()?
        .start;
    let finite = (words.start..=verb).any(|i| is_finite_verb(s, i, words.start));
    let modal = (words.start..verb).any(|i| s.is(i, class::MODAL));
    (finite && !modal).then_some(verb)
}

/// The source's words before its report verb, without the auxiliaries and
/// adverbs that lead to the verb ("the minister has repeatedly").
fn source_before(s: &Sentence<'_>, mut source: Range<usize>) -> Range<usize> {
    while source.end > source.start
        && (s.is(source.end - 1, class::AUXILIARY | class::NEGATOR) || s.is_adverb(source.end - 1))
    {
        source.end -= 1;
    }
    source
}

/// A source other than the speaker's own side: "as I said" and "as we
/// have noted" name no outside source.
fn outside_source(s: &Sentence<'_>, source: &Range<usize>) -> bool {
    !source.is_empty() && !source.clone().any(|i| matches!(s.lower(i), "i" | "we"))
}

/// "There is no evidence that P", "We have no signs of P", "there is
/// little information on this".
fn evidence_noun_frame(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let head_limit = (range.start + 9).min(range.end);
    let noun = cues_in(cues, range.start..head_limit, CueFamily::EvidenceNoun)
        .next()
        .copied()?;
    let head = range.start..noun.start;
    // The head must present the evidence: "there is", "we have", "I have
    // seen", "we found".
    // "has given an indication of" has its own verb: an auxiliary
    // "have" presents nothing.
    let presents = head.clone().any(|i| {
        s.lower(i) == "there" && s.is(i + 1, class::BE)
            || s.is(i, class::HAVE) && !s.can_be(i + 1, form::PARTICIPLE)
            || s.info(i).is_some_and(|info| {
                matches!(
                    &*info.lemma,
                    "see" | "find" | "notice" | "observe" | "detect" | "receive" | "discover"
                )
            })
    });
    if !presents || head.clone().any(|i| is_complementizer(s, i)) {
        return None;
    }
    let lacking = head
        .clone()
        .any(|i| s.is(i, class::NEGATOR) || s.lower(i).ends_with("n't"))
        || cues_in(cues, head.clone(), CueFamily::LackingQuantifier)
            .any(|m| m.end + 2 >= noun.start);
    // Between the presenting word and the noun only quantifiers and
    // adjectives ("a lot of", "no real"): "I don't see anything in the
    // order data" presents no evidence frame.
    let presenter = head.clone().rev().find(|&i| {
        s.is(i, class::BE | class::HAVE)
            || s.info(i)
                .is_some_and(|info| !info.lemma.is_empty() && info.forms != 0)
    })?;
    let quantified = |i: usize| {
        cues_in(cues, head.clone(), CueFamily::LackingQuantifier)
            .chain(cues_in(cues, head.clone(), CueFamily::EvidencedQuantifier))
            .any(|m| (m.start..m.end).contains(&i))
    };
    if (presenter + 1..noun.start).any(|i| s.is(i, class::PREPOSITION) && !quantified(i)) {
        return None;
    }
    // "no evidence yet that P", "no sign so far that P".
    let after = Some(after_adverbs(s, noun.end, range.end))
        .filter(|&i| s.lower(i) == "that")
        .unwrap_or(noun.end);
    // The evidence must be of something: "…that P", "…of P", "…on this".
    let proposition_start = match s.lower(after) {
        "that" | "of" | "for" | "on" | "about" | "in" => after + 1,
        "to" if s.lower(after + 1) == "suggest" && s.lower(after + 2) == "that" => after + 3,
        _ => return None,
    };
    Some(Frame {
        kind: FrameKind::Evidence { lacking },
        words: range.start..proposition_start,
        proposition: proposition_start..range.end,
    })
}

/// Past the adverbs that may stand between an evidence noun and its
/// "that" ("yet", "so far", "at all", "now", "whatsoever"), at most three.
fn after_adverbs(s: &Sentence<'_>, start: usize, end: usize) -> usize {
    let mut index = start;
    for _ in 0..3 {
        let width = match (s.lower(index), s.lower(index + 1)) {
            ("so", "far") | ("at", "all") => 2,
            ("yet" | "whatsoever", _) => 1,
            _ if s.is(index, class::ADVERB) => 1,
            _ => break,
        };
        if index + width > end {
            break;
        }
        index += width;
    }
    index
}

/// "It is unlikely that P", "It is unclear whether P", "It depends on P",
/// "It seems that P", "It looks like P", and any stance phrase that ends in
/// "that" ("There is no doubt that P", "There is a chance that P").
fn it_frame(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let start = range.start;
    let stance_that = cues_at(cues, start)
        .iter()
        .find(|m| s.lower(m.end.saturating_sub(1)) == "that" && m.family.is_stance());
    if let Some(cue) = stance_that {
        return Some(Frame {
            kind: FrameKind::Hedge,
            words: start..cue.end,
            proposition: cue.end..range.end,
        });
    }
    if s.lower(start) != "it" {
        return None;
    }
    // "It depends on P", "It seems (that) P", "It looks like P".
    for family in [CueFamily::Unknown, CueFamily::Inference] {
        if let Some(cue) = cue_at(cues, start, family).or_else(|| cue_at(cues, start + 1, family)) {
            let mut proposition = cue.end;
            if matches!(s.lower(proposition), "that" | "on" | "upon") {
                proposition += 1;
            }
            let kind = if family == CueFamily::Inference {
                FrameKind::Inference
            } else {
                FrameKind::Hedge
            };
            return Some(Frame {
                kind,
                words: start..proposition,
                proposition: proposition..range.end,
            });
        }
    }
    // "It is (not) ADJ that P".
    if !s.is(start + 1, class::BE) {
        return None;
    }
    let complementizer =
        (start + 2..(start + 7).min(range.end)).find(|&i| is_complementizer(s, i))?;
    let stance = (start + 2..complementizer).any(|i| {
        cues_at(cues, i).iter().any(|m| m.family.is_stance())
            || matches!(
                s.lower(i),
                "true" | "clear" | "certain" | "obvious" | "possible" | "probable"
            )
    });
    stance.then(|| Frame {
        kind: FrameKind::Hedge,
        words: start..complementizer + 1,
        proposition: complementizer + 1..range.end,
    })
}

/// "I think P", "I don't see P", "I doubt that P", "We believe P", "My
/// understanding is that P", "If I remember correctly, P".
fn first_person_frame(
    s: &Sentence<'_>,
    range: Range<usize>,
    cues: &[CueMatch],
    holes: &[Range<usize>],
) -> Option<Frame> {
    let start = range.start;
    // "My understanding is that P", "If I remember correctly, P", "To my
    // knowledge, P": stance phrases of the speaker's own.
    if !matches!(
        s.lower(start),
        "i" | "we" | "my" | "our" | "if" | "to" | "as"
    ) {
        return None;
    }
    // "I think", "I am sure", "I don't see" ("I may" is a modal, no frame).
    let cue = cues_at(cues, start)
        .iter()
        .filter(|m| m.family.is_stance() && m.family != CueFamily::Possible)
        .max_by_key(|m| m.end)
        .copied()
        .or_else(|| {
            // "We think", "I strongly believe": a cognition verb as the
            // main verb of a first-person clause.
            let verb = main_verb(s, range.clone(), holes)?;
            cue_at(cues, verb, CueFamily::CognitionVerb).filter(|_| verb <= start + 3)
        })?;
    let mut proposition = cue.end;
    if s.is_punct(proposition, ",") {
        proposition += 1;
    }
    if s.lower(proposition) == "that" {
        proposition += 1;
    }
    // "I don't see a special new role here" frames a noun phrase; other
    // frames need a clause after them.
    let negative_stance = cue_at(cues, start, CueFamily::NegativeStance).is_some();
    if proposition >= range.end || !negative_stance && !has_finite_verb(s, proposition..range.end) {
        return None;
    }
    Some(Frame {
        kind: FrameKind::Hedge,
        words: start..proposition,
        proposition: proposition..range.end,
    })
}

/// "X said (that) P", "X denies P", "Moscow believes that P", "Everyone
/// understands that P", "The data show that P".
fn verb_frame(
    s: &Sentence<'_>,
    range: Range<usize>,
    cues: &[CueMatch],
    holes: &[Range<usize>],
) -> Option<Frame> {
    let finite = main_verb(s, range.clone(), holes)?;
    let mut subject = range.start..finite;
    // "has confirmed that", "had not said that": the frame verb is the one
    // after the auxiliaries.
    let mut verb = finite;
    if s.is(finite, class::AUXILIARY) {
        let lexical = (finite + 1..(finite + 4).min(range.end))
            .take_while(|&i| {
                i == finite + 1
                    || s.is(i - 1, class::AUXILIARY | class::NEGATOR)
                    || s.is_adverb(i - 1)
            })
            .find(|&i| {
                cue_at(cues, i, CueFamily::ReportVerb).is_some()
                    || cue_at(cues, i, CueFamily::EvidenceVerb).is_some()
                    || cue_at(cues, i, CueFamily::CognitionVerb).is_some()
            });
        // Only with a "that" clause after it: "who has looked at the
        // numbers" frames nothing.
        let that_follows =
            |verb: usize| (verb + 1..(verb + 8).min(range.end)).any(|i| s.lower(i) == "that");
        if let Some(lexical) = lexical.filter(|&v| that_follows(v)) {
            verb = lexical;
        }
    }
    // "In 2020, Putin said that P": the subject follows the opening phrase;
    // "At most labs I know, it's 2%" has no report verb of its own.
    // "On February 11 you told a newspaper that P": without a comma, a
    // subject pronoun starts the subject.
    // "Looking ahead, I would say that P": a fronted participle phrase too.
    if s.is(range.start, class::PREPOSITION) || s.can_be(range.start, form::GERUND) {
        let opens = subject
            .clone()
            .rev()
            .find(|&i| s.is_punct(i, ","))
            .map(|comma| comma + 1)
            .or_else(|| {
                subject
                    .clone()
                    .rev()
                    .find(|&i| s.is(i, class::SUBJECT_PRONOUN))
            })?;
        subject = opens..verb;
    }
    // "A year ago your chief executive said P", "Yesterday the minister
    // said P": the time before the subject is not the source.
    if let Some(ago) = subject.clone().rev().find(|&i| s.lower(i) == "ago") {
        subject.start = ago + 1;
    }
    while subject.start < subject.end && s.is_adverb(subject.start) {
        subject.start += 1;
    }
    // "Whether voters believe that is another matter": a clause as subject
    // is no source.
    // Words of a relative clause inside the subject ("Our modelling,
    // which JERO reviewed, shows that P") do not count.
    let hidden: usize = holes
        .iter()
        .map(|h| h.end.min(finite).saturating_sub(h.start.max(subject.start)))
        .sum();
    if subject.is_empty()
        || finite > subject.start + 8 + hidden
        || s.is(range.start, class::WH | class::SUBORDINATOR)
    {
        return None;
    }
    let family_at = |family| cue_at(cues, verb, family).is_some();
    let mut proposition = verb + 1;
    let mut complementizer = false;
    // "told reporters that", "told Mr. Grant in September that": the
    // first "that" before any other finite verb.
    if let Some(that) = (proposition..(proposition + 8).min(range.end))
        .take_while(|&i| !is_finite_verb(s, i, proposition))
        .find(|&i| s.lower(i) == "that")
    {
        if family_at(CueFamily::ReportVerb)
            || family_at(CueFamily::EvidenceVerb)
            || family_at(CueFamily::CognitionVerb)
        {
            proposition = that + 1;
            complementizer = true;
        }
    } else if s.lower(proposition) == "is" && s.lower(proposition + 1) == "that" {
        proposition += 2;
        complementizer = true;
    }
    // "announced a cut in the rate, bringing …", "should not repeat that
    // mistake as it is doing": an object follows the verb, not a clause,
    // and the sentence is the speaker's own.
    if !opens_with_plain_clause(s, proposition..range.end, complementizer) {
        return None;
    }
    // "I would say that P": the modal before a lexical verb is no part of
    // the source.
    let subject_words: Vec<&str> = subject
        .clone()
        .filter(|&i| !(s.is_adverb(i) || i + 1 >= subject.end && s.is(i, class::MODAL)))
        .map(|i| s.lower(i))
        .collect();
    // "The data show that P", "The numbers say otherwise", "Nothing in
    // their behaviour suggests P": evidence, not a source's words. A
    // person's "suggests" stays a report.
    let evidence_subject = cues_in(cues, subject.clone(), CueFamily::EvidenceSource)
        .next()
        .is_some();
    let personal = s.capitalized(subject.start)
        && !s.is(
            subject.start,
            class::DETERMINER | class::INDEFINITE_PRONOUN | class::POSSESSIVE,
        )
        || subject
            .clone()
            .any(|i| matches!(s.lower(i), "he" | "she" | "they" | "i" | "we" | "you"));
    let evidence_verb_frame = family_at(CueFamily::EvidenceVerb) && !personal;
    if (family_at(CueFamily::EvidenceVerb) || family_at(CueFamily::ReportVerb)) && evidence_subject
        || evidence_verb_frame
    {
        let lacking = (subject.start..proposition)
            .any(|i| s.is(i, class::NEGATOR) || s.lower(i).ends_with("n't"));
        return Some(Frame {
            kind: FrameKind::Evidence { lacking },
            words: range.start..proposition,
            proposition: proposition..range.end,
        });
    }
    // "Everyone understands that P", "We estimate that P": no outside
    // source; the frame hedges at most.
    let indefinite = subject_words.iter().all(|w| {
        matches!(
            *w,
            "everyone" | "everybody" | "nobody" | "people" | "anyone" | "all" | "we" | "i"
        )
    });
    if family_at(CueFamily::ReportVerb) && indefinite {
        return Some(Frame {
            kind: FrameKind::Hedge,
            words: range.start..proposition,
            proposition: proposition..range.end,
        });
    }
    if family_at(CueFamily::ReportVerb) {
        return Some(Frame {
            kind: FrameKind::Report {
                source: subject,
                denial: family_at(CueFamily::DenialVerb),
            },
            words: range.start..proposition,
            proposition: proposition..range.end,
        });
    }
    if family_at(CueFamily::CognitionVerb) {
        let kind = if indefinite {
            FrameKind::Hedge
        } else {
            FrameKind::Report {
                source: subject,
                denial: false,
            }
        };
        return Some(Frame {
            kind,
            words: range.start..proposition,
            proposition: proposition..range.end,
        });
    }
    None
}

/// "Lukashenka's statement that P", "these narratives that P".
fn report_noun_frame(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    for noun in cues_in(cues, range.clone(), CueFamily::ReportNoun) {
        let Some(that) = (noun.end..(noun.end + 3).min(range.end)).find(|&i| s.lower(i) == "that")
        else {
            continue;
        };
        if !has_finite_verb(s, that + 1..range.end) {
            continue;
        }
        // The source: the possessor ("Lukashenka's statement", "his
        // claim") or the noun phrase itself when it stands for sources
        // ("these narratives", "reports that"); "the idea that" has none.
        // "There's a narrative that": that "'s" is a verb.
        let possessor_end = (range.start..noun.start)
            .rev()
            .find(|&i| matches!(s.lower(i), "'s" | "'") && i > 0 && !s.is_verb_clitic(i));
        let existential = s.lower(range.start) == "there" && s.is(range.start + 1, class::BE);
        let before = noun.start.checked_sub(1);
        let possessive = before.is_some_and(|i| s.is(i, class::POSSESSIVE));
        let plural_or_pointed = s.lower(noun.end - 1).ends_with('s')
            || before.is_some_and(|i| {
                matches!(s.lower(i), "these" | "those" | "such" | "this" | "that")
            });
        if possessor_end.is_none() && !possessive && !plural_or_pointed && !existential {
            continue;
        }
        let source = if let Some(end) = possessor_end {
            let start = (range.start..end)
                .rev()
                .take_while(|&i| s.capitalized(i))
                .last()
                .unwrap_or(end);
            start..end
        } else {
            let start = (range.start..noun.start)
                .rev()
                .take_while(|&i| {
                    s.is(
                        i,
                        class::DETERMINER | class::DEMONSTRATIVE | class::POSSESSIVE,
                    ) || s.nominal(i)
                })
                .last()
                .unwrap_or(noun.start);
            start..noun.end
        };
        return Some(Frame {
            kind: FrameKind::Report {
                source,
                denial: false,
            },
            words: range.start..that + 1,
            proposition: that + 1..range.end,
        });
    }
    None
}

/// "P, X said." and "P, said X."
fn trailing_report(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Option<Frame> {
    let comma = (range.start..range.end)
        .rev()
        .find(|&i| s.is_punct(i, ","))?;
    let tail = comma + 1..range.end;
    // "…, though nobody can promise that" is a clause of its own.
    let clause_of_its_own =
        s.is(comma + 1, class::COORDINATOR | class::SUBORDINATOR) && s.lower(comma + 1) != "as";
    if tail.len() > 8
        || !has_finite_verb(s, range.start..comma)
        || s.is(comma + 1, class::RELATIVE | class::WH)
        || clause_of_its_own
    {
        return None;
    }
    let verb = cues_in(cues, tail.clone(), CueFamily::ReportVerb)
        .chain(cues_in(cues, tail.clone(), CueFamily::EvidenceVerb))
        .map(|cue| cue.start)
        .min()?;
    // "…, as the minister said": the source follows "as".
    let opens = tail.start + usize::from(s.lower(tail.start) == "as");
    let source = if verb == opens {
        verb + 1..tail.end
    } else {
        source_before(s, opens..verb)
    };
    // "…, I can't say today" hedges; it names no outside source.
    if !outside_source(s, &source) {
        return None;
    }
    // "…, satellite images show", "…, the data suggest": evidence pointed
    // to after the fact, not a source's words.
    let evidence = cues_in(cues, source.clone(), CueFamily::EvidenceSource)
        .next()
        .is_some();
    if !evidence && cue_at(cues, verb, CueFamily::ReportVerb).is_none() {
        return None;
    }
    let kind = if evidence {
        FrameKind::Evidence { lacking: false }
    } else {
        FrameKind::Report {
            source,
            denial: cue_at(cues, verb, CueFamily::DenialVerb).is_some(),
        }
    };
    Some(Frame {
        kind,
        words: comma..range.end,
        proposition: range.start..comma,
    })
}
