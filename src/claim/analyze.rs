//! The claim stage's walk: every sentence of every answer, title and
//! question turn, into claims.

use std::ops::Range;

use super::actor::{Actors, EntityRef};
use super::clause::{self, Clause, ClauseKind};
use super::cues::{CueFamily, CueMatch, Cues, cues_at};
use super::frame::{self, Frame, FrameKind};
use super::id::{ClaimId, ClaimIds, EntityId};
use super::quantity::{self, Quantity};
use super::question;
use super::sentence::Sentence;
use super::{Certainty, CheckWorthiness, Claim, ClaimKind, Cue, CueKind, Evidence, Polarity, Time};
use crate::document::{Document, Role};
use crate::entity::Entities;
use crate::segment::words::{TokenKind, class, form};
use crate::span::Span;

/// Extracts every claim of the document, in text order.
pub(crate) fn claims(document: &Document<'_>, entities: &Entities, cues: &Cues) -> Vec<Claim> {
    let text = document.text();
    let mut out = Vec::new();
    for (turn_index, turn) in document.turns().iter().enumerate() {
        let kind = match turn.role() {
            Role::Answer | Role::Title => ClaimKind::Statement,
            Role::Question => ClaimKind::Premise,
            Role::Other => continue,
        };
        let speaker_name = document.speaker_name(turn);
        let actors = Actors { text, entities };
        let mut walk = TurnWalk {
            text,
            cues,
            actors: &actors,
            kind,
            turn: turn_index,
            speaker: speaker_name.map(str::to_string),
            speaker_entity: entities.speaker(turn_index).map(super::actor::entity_id),
            previous: None,
            quantities: Vec::new(),
            out: &mut out,
        };
        for &sentence in document.sentences(turn) {
            walk.sentence(sentence);
        }
    }
    let mut ids = ClaimIds::default();
    for claim in &mut out {
        claim.id = ids.next(&claim.text);
    }
    out
}

/// What a claim passes to the clauses that continue it.
#[derive(Clone, Debug)]
struct Carried {
    actor: Option<EntityRef>,
    time: Time,
    certainty: Certainty,
    /// The frame of the previous clause when it embeds a clause, which a
    /// coordinated clause without a frame of its own shares.
    frame: Option<Frame>,
    /// Carried over from an earlier sentence ("Plus, cheap oil and gas…"),
    /// which passes on the actor but not the time.
    earlier_sentence: bool,
}

struct TurnWalk<'w> {
    text: &'w str,
    cues: &'w Cues,
    actors: &'w Actors<'w>,
    kind: ClaimKind,
    turn: usize,
    speaker: Option<String>,
    speaker_entity: Option<EntityId>,
    previous: Option<Carried>,
    /// The quantities of the current sentence, found once for its claims.
    quantities: Vec<Quantity>,
    out: &'w mut Vec<Claim>,
}

impl TurnWalk<'_> {
    fn sentence(&mut self, span: Span) {
        let s = Sentence::new(self.text, span, self.cues);
        if s.len() == 0 {
            return;
        }
        let cues = self.cues.find(&s);
        let last_word = (0..s.len()).rev().find(|&i| !is_closing(&s, i));
        let question = last_word.is_some_and(|i| s.is_punct(i, "?"));
        let stage_note = s.is_punct(0, "(") || s.is_punct(0, "[");
        if stage_note {
            return;
        }
        let mut start = skip_vocative(&s, skip_discourse(&s, 0, &cues), self.actors.entities);
        if start >= s.len() {
            return;
        }
        // "Let me just say that P", "let me remind you that P": the
        // speaker takes the floor to say P.
        let takes_floor = s.lower(start) == "let" && matches!(s.lower(start + 1), "me" | "us");
        if takes_floor || is_imperative(&s, start) {
            // "Remember that a ban would push the trade abroad", "Note
            // that …": the imperative hands over its complement.
            match (start + 1..(start + 6).min(s.len())).find(|&i| s.lower(i) == "that") {
                Some(that) if clause::has_finite_verb(&s, that + 1..s.len()) => start = that + 1,
                // "Let me be clear, …": the conversation rules decide.
                _ if takes_floor => {}
                _ => return,
            }
        }
        self.quantities = quantity::find(self.text, span);
        // "The fund was closed, wasn't it?", "It cost more, so who pays?":
        // only the tail asks; the statement before it is read as one.
        let tail = question
            .then(|| last_word.and_then(|last| question::asking_tail(&s, start, last)))
            .flatten();
        match (self.kind, question, tail) {
            (ClaimKind::Statement, true, Some(tail)) => self.statement(&s, &cues, start..tail),
            // A rhetorical question in an answer puts nothing forward.
            (ClaimKind::Statement, true, None) => {}
            (ClaimKind::Premise, true, tail) => {
                self.question(&s, &cues, start..tail.unwrap_or(s.len()));
            }
            _ => self.statement(&s, &cues, start..s.len()),
        }
    }

    /// The claims of a declarative sentence, or of its words in `range`.
    fn statement(&mut self, s: &Sentence<'_>, cues: &[CueMatch], range: Range<usize>) {
        let start = range.start;
        let clauses = clause::split(s, range.clone(), cues);
        let verbless_sentence = !clauses
            .iter()
            .any(|c| clause::main_verb(s, c.range.clone(), &c.holes).is_some());
        let continues = self.previous.is_some()
            && cues_at(cues, 0)
                .iter()
                .any(|m| m.family == CueFamily::Continuation);
        if verbless_sentence && !continues {
            // "Three things." "Very little." — no claim without a predicate,
            // unless a frame or a continuation makes one.
            let range = start..clause::trim_end(s, range);
            if frame::detect(s, range, cues, &[], false).is_none() {
                return;
            }
        }
        let mut carried_in_sentence = if verbless_sentence && continues {
            self.previous.clone().map(|carried| Carried {
                earlier_sentence: true,
                ..carried
            })
        } else {
            None
        };
        // A clause skipped as talk management takes the predicates that
        // share its subject with it ("…what these numbers can and cannot
        // tell us").
        let mut skipped = false;
        for clause in clauses {
            // "Perhaps not in the first quarter, because …": a verbless
            // opening clause that continues the previous sentence.
            let verbless_opening = clause.kind == ClauseKind::Main
                && clause.range.start == start
                && continues
                && clause::main_verb(s, clause.range.clone(), &clause.holes).is_none();
            if verbless_opening && carried_in_sentence.is_none() {
                carried_in_sentence = self.previous.clone().map(|carried| Carried {
                    earlier_sentence: true,
                    ..carried
                });
            }
            let kind = if verbless_sentence && continues || verbless_opening {
                ClauseKind::Fragment
            } else {
                clause.kind
            };
            // "I'd refer you to Treasury for the breakdown, but it's roughly
            // 40 percent": managing the talk is no claim, the rest may be.
            let opening = trim_start(s, clause.range.clone(), cues).start;
            let introduces = s.is_punct(clause.range.end, ":")
                && matches!(
                    s.lower(clause.range.end.saturating_sub(1)),
                    "simple" | "clear" | "this" | "these" | "follows" | "obvious"
                );
            // "…: look at the bare ice" — an imperative after the first
            // clause; "The answer is simple:" only introduces.
            let imperative_clause = opening > start && is_base_verb_opening(s, opening);
            let follows_skipped = skipped
                && matches!(
                    clause.kind,
                    ClauseKind::SharedSubject | ClauseKind::Fragment
                );
            skipped = opens_conversation(cues, opening)
                || manages_conversation(s, cues, &clause)
                || introduces
                || imperative_clause
                || follows_skipped;
            if skipped {
                continue;
            }
            // A clause that breaks off is no claim, but what shares its
            // subject may be: "We don't believe and will continue to …".
            if broken_off(s, cues, opening..clause.range.end) {
                continue;
            }
            let lo = cues.partition_point(|m| m.start < clause.range.start.saturating_sub(1));
            let hi = cues.partition_point(|m| m.start < clause.range.end);
            let clause_cues = cues.get(lo..hi).unwrap_or(&[]);
            if let Some(claim) = self.clause(
                s,
                clause_cues,
                &clause,
                kind,
                carried_in_sentence.as_ref(),
                None,
            ) {
                // A relative clause is an aside: what follows continues the
                // clause it hangs on.
                if kind != ClauseKind::Relative {
                    carried_in_sentence = Some(claim.1);
                }
                self.out.push(claim.0);
            }
        }
        self.previous = carried_in_sentence.or(self.previous.take());
    }

    /// The premise of a question (or of its words in `words`), if it
    /// carries one.
    fn question(&mut self, s: &Sentence<'_>, cues: &[CueMatch], words: Range<usize>) {
        let start = words.start;
        let end = clause::trim_end(s, words);
        let range = start..end;
        // "My question is, what …", "I'm wondering, are you …": the
        // opener only announces the question.
        if opens_conversation(cues, start) {
            return;
        }
        if let Some(found) = frame::detect(s, range.clone(), cues, &[], true) {
            let clause = Clause {
                kind: ClauseKind::Main,
                range,
                holes: Vec::new(),
                antecedent: None,
            };
            if let Some((mut claim, _)) =
                self.clause(s, cues, &clause, ClauseKind::Main, None, Some(found))
            {
                // Asked, not asserted: the speaker commits neither way.
                claim.certainty = Certainty::Unknown;
                self.out.push(claim);
            }
            return;
        }
        // A declarative question: "Lukashenko refused to participate?"
        let inverted = s.is(start, class::WH | class::AUXILIARY)
            || s.capitalized(start) && s.is(start, class::DO);
        if inverted || clause::main_verb(s, range.clone(), &[]).is_none_or(|verb| verb == start) {
            return;
        }
        let clause = Clause {
            kind: ClauseKind::Main,
            range: range.clone(),
            holes: Vec::new(),
            antecedent: None,
        };
        let asked = Frame {
            kind: FrameKind::Question,
            words: range.start..range.start,
            proposition: range,
        };
        if let Some((claim, _)) = self.clause(s, cues, &clause, ClauseKind::Main, None, Some(asked))
        {
            self.out.push(claim);
        }
    }

    /// One clause into a claim (and what it carries to the next clause).
    #[allow(clippy::too_many_arguments)]
    fn clause(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        clause: &Clause,
        kind: ClauseKind,
        carried: Option<&Carried>,
        forced_frame: Option<Frame>,
    ) -> Option<(Claim, Carried)> {
        let range = trim_start(s, clause.range.clone(), cues);
        let range = range.start..clause::trim_end(s, range);
        if range.is_empty() {
            return None;
        }
        // "If the money does not come, it is likely that …": the
        // condition stays in the claim's text, the proposition follows it.
        let core = core_start(s, range.clone(), cues)..range.end;
        let own_frame =
            forced_frame.or_else(|| frame::detect(s, core.clone(), cues, &clause.holes, false));
        // A coordinated clause shares the frame of the clause before it
        // ("narratives that Lukashenka is resisting, and Putin is …").
        let joined_by_and = clause.range.start > 0
            && (s.lower(clause.range.start) == "and"
                || s.is_dash(clause.range.start.saturating_sub(1)));
        let shared_frame = own_frame.is_none() && kind == ClauseKind::Coordinated && joined_by_and;
        let frame = own_frame.or_else(|| {
            carried
                .and_then(|c| c.frame.clone())
                .filter(|f| shared_frame && matches!(f.kind, FrameKind::Report { .. }))
        });
        let frame_is_own = !shared_frame || frame.is_none();
        // "The plant, according to the union, will close": a report inside
        // the proposition is a hole in it, like a relative clause.
        let inset = frame
            .as_ref()
            .filter(|f| frame_is_own && f.words.start > f.proposition.start)
            .map(|f| f.words.clone())
            .filter(|words| words.end < core.end);
        let widened;
        let clause = match &inset {
            Some(words) => {
                widened = with_hole(clause, words.clone());
                &widened
            }
            None => clause,
        };
        let proposition = match (&frame, frame_is_own) {
            (Some(found), true) => found.proposition.clone(),
            _ => core.clone(),
        };
        let proposition =
            skip_discourse(s, proposition.start, cues).max(proposition.start)..proposition.end;
        // "There is no evidence that" and nothing after it asserts nothing.
        if proposition.is_empty() {
            return None;
        }
        let verb = clause::main_verb(s, proposition.clone(), &clause.holes).or_else(|| {
            // A shared-subject predicate opens with its verb: "and gave
            // nothing back".
            (kind == ClauseKind::SharedSubject)
                .then(|| (proposition.start..proposition.end).find(|&i| !s.is_adverb(i)))
                .flatten()
                .filter(|&i| s.forms(i) != 0 || s.is(i, class::AUXILIARY))
        });
        let verbless = verb.is_none();
        let allowed_verbless = matches!(kind, ClauseKind::Fragment)
            || frame
                .as_ref()
                .is_some_and(|f| matches!(f.kind, FrameKind::Evidence { .. } | FrameKind::Hedge));
        if verbless && !allowed_verbless {
            return None;
        }

        let relative_subject = match (kind, verb) {
            (ClauseKind::Relative, Some(verb)) if verb > proposition.start + 1 => {
                Some(proposition.start + 1..verb)
            }
            _ => None,
        };
        let actor = match kind {
            // "which I find very hard to explain": the relative clause's own
            // subject; "which has no power": its antecedent.
            ClauseKind::Relative => match (relative_subject, verb) {
                (Some(subject), Some(verb)) => {
                    self.actors.of_subject(s, subject, verb..proposition.end)
                }
                _ => clause
                    .antecedent
                    .clone()
                    .and_then(|antecedent| self.actors.of_antecedent(s, antecedent)),
            },
            ClauseKind::SharedSubject | ClauseKind::Fragment => {
                carried.and_then(|c| c.actor.clone())
            }
            _ => match verb {
                Some(verb) => {
                    let subject_end = inset
                        .as_ref()
                        .map_or(verb, |words| words.start.clamp(proposition.start, verb));
                    self.actors
                        .of_subject(s, proposition.start..subject_end, verb..proposition.end)
                }
                None => self.actors.first_in(s, proposition.clone()),
            },
        };

        let mut cue_records = Vec::new();
        let in_claim = |m: &CueMatch, range: &Range<usize>| {
            m.start >= range.start
                && m.end <= range.end
                && clause::in_holes(m.start, &clause.holes).is_none()
        };
        let polarity = self.polarity(
            s,
            cues,
            &proposition,
            frame.as_ref(),
            clause,
            &mut cue_records,
        );
        let stance_range = match &frame {
            Some(found) => found.words.start.min(proposition.start)..proposition.end,
            None => proposition.clone(),
        };
        let certainty = self.certainty(
            s,
            cues,
            &stance_range,
            (&proposition, verb),
            frame.as_ref(),
            clause,
            &mut cue_records,
            kind,
            carried,
        );
        let frame = match (frame, &clause.antecedent) {
            // "the World Food Programme, which says it is reaching …": the
            // source is what the relative pronoun stands for.
            (
                Some(Frame {
                    kind: FrameKind::Report { source, denial },
                    words,
                    proposition: inner,
                }),
                Some(antecedent),
            ) if source.len() == 1 && s.is(source.start, class::RELATIVE) => {
                let start = antecedent.end.saturating_sub(4).max(antecedent.start);
                Some(Frame {
                    kind: FrameKind::Report {
                        source: start..antecedent.end,
                        denial,
                    },
                    words,
                    proposition: inner,
                })
            }
            (frame, _) => frame,
        };
        let (evidence, attributed_to) =
            self.evidence(s, cues, &range, frame.as_ref(), &mut cue_records, &in_claim);
        let time = self.time(
            s,
            cues,
            &proposition,
            verb,
            frame.as_ref(),
            clause,
            kind,
            carried,
            &mut cue_records,
        );

        let span = s.range_span(range.clone())?;
        let assertion_range = match verb {
            Some(verb) => verb..proposition.end,
            None => proposition.clone(),
        };
        let assertion_span = s.range_span(assertion_range).unwrap_or(span);
        cue_records.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end), c.kind as u8));
        // One cue per word and field: "It depends" covers "depends on".
        // Sorted by start, a cue is covered when an earlier kept cue of its
        // kind reaches past its start.
        let mut kept: Vec<Cue> = Vec::with_capacity(cue_records.len());
        let mut reach: Vec<(CueKind, usize)> = Vec::new();
        for cue in cue_records {
            let end = reach.iter_mut().find(|(kind, _)| *kind == cue.kind);
            match end {
                Some((_, end)) if cue.span.start < *end => continue,
                Some((_, end)) => *end = cue.span.end,
                None => reach.push((cue.kind, cue.span.end)),
            }
            kept.push(cue);
        }
        let cue_records = kept;
        let claim = Claim {
            id: ClaimId::unassigned(),
            kind: self.kind,
            turn: self.turn,
            span,
            text: span.slice(self.text).to_string(),
            speaker: self.speaker.clone(),
            speaker_entity: self.speaker_entity.clone(),
            actor: actor.clone(),
            assertion: assertion_span.slice(self.text).to_string(),
            assertion_span,
            polarity,
            certainty,
            evidence,
            attributed_to,
            time,
            quantities: self.quantities_in(span),
            cues: cue_records,
            check_worthiness: CheckWorthiness::default(),
        };
        let embeds_clause = frame.as_ref().is_some_and(|f| {
            frame_is_own
                && !matches!(f.kind, FrameKind::Question)
                && clause::has_finite_verb(s, f.proposition.clone())
        });
        let carried = Carried {
            actor,
            time,
            certainty,
            frame: frame.filter(|_| embeds_clause),
            earlier_sentence: false,
        };
        Some((claim, carried))
    }

    /// The sentence's quantities (in text order) that lie inside `span`.
    fn quantities_in(&self, span: Span) -> Vec<Quantity> {
        let first = self
            .quantities
            .partition_point(|q| q.span.start < span.start);
        self.quantities
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|q| q.span.start < span.end)
            .filter(|q| q.span.end <= span.end)
            .cloned()
            .collect()
    }

    fn cue(&self, s: &Sentence<'_>, kind: CueKind, range: Range<usize>) -> Option<Cue> {
        let span = s.range_span(range)?;
        Some(Cue {
            kind,
            text: span.slice(self.text).to_string(),
            span,
        })
    }

    fn polarity(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        proposition: &Range<usize>,
        frame: Option<&Frame>,
        clause: &Clause,
        out: &mut Vec<Cue>,
    ) -> Polarity {
        let mut not_negation: Vec<Range<usize>> = cues
            .iter()
            .filter(|m| m.family == CueFamily::NotNegation)
            .map(|m| m.start..m.end)
            .collect();
        merge_ranges(&mut not_negation);
        let exempt = |index: usize| clause::in_holes(index, &not_negation).is_some();
        let mut outside = outside_main_clause(s, proposition.clone(), &clause.holes);
        let main_verb = clause::main_verb(s, proposition.clone(), &clause.holes);
        let verbless = main_verb.is_none();
        // "Without going into the details, the office was merged": a
        // fronted adverbial clause set off by a comma is no part of what
        // is negated ("without competition no development …, is possible"
        // is no such clause: it has no verb).
        if s.is(proposition.start, class::PREPOSITION)
            && s.can_be(proposition.start + 1, form::GERUND)
            && let Some(comma) = main_verb
                .and_then(|verb| (proposition.start + 1..verb).find(|&i| s.is_punct(i, ",")))
        {
            outside.push(proposition.start..comma);
        }
        for index in proposition.clone() {
            // ", not carbon pricing," contrasts a phrase.
            if index > proposition.start
                && s.is_punct(index - 1, ",")
                && s.is(index, class::NEGATOR)
            {
                outside.push(index..index + 1);
            }
            // "a sense that monitoring is not exciting": a clause inside a
            // verbless proposition does not negate it.
            if s.lower(index) == "that" && verbless {
                outside.push(index..proposition.end);
            }
        }
        merge_ranges(&mut outside);
        let mut negative = false;
        for index in proposition.clone() {
            if clause::in_holes(index, &clause.holes).is_some()
                || exempt(index)
                || clause::in_holes(index, &outside).is_some()
            {
                continue;
            }
            // "Ellery is unlikely to make it" says he probably will not.
            let raised_stance = |m: &&CueMatch| {
                m.family == CueFamily::NegativeStance
                    && index.checked_sub(1).is_some_and(|i| s.is(i, class::BE))
                    && s.lower(m.end) == "to"
            };
            let negation = cues_at(cues, index)
                .iter()
                .find(|m| m.start == index && (m.family == CueFamily::Negation || raised_stance(m)))
                .map(|m| m.end)
                .or_else(|| {
                    let word = s.lower(index);
                    (word.ends_with("n't") || word == "cannot").then_some(index + 1)
                });
            // "Our No. 1" is a number sign.
            let number_sign = s.lower(index) == "no"
                && s.is_punct(index + 1, ".")
                && s.kind(index + 2) == Some(TokenKind::Number);
            if let Some(end) = negation.filter(|_| !number_sign) {
                negative = true;
                out.extend(self.cue(s, CueKind::Polarity, index..end));
            }
        }
        if let Some(found) = frame {
            let stance = cues.iter().filter(|m| {
                m.family == CueFamily::NegativeStance
                    && m.start >= found.words.start
                    && m.end <= found.words.end
            });
            for cue in stance {
                negative = true;
                out.extend(self.cue(s, CueKind::Polarity, cue.start..cue.end));
            }
            if let FrameKind::Report { denial: true, .. } = found.kind {
                negative = !negative;
            }
        }
        if negative {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn certainty(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        range: &Range<usize>,
        (proposition, main_verb): (&Range<usize>, Option<usize>),
        frame: Option<&Frame>,
        clause: &Clause,
        out: &mut Vec<Cue>,
        kind: ClauseKind,
        carried: Option<&Carried>,
    ) -> Certainty {
        let mut level = Certainty::Certain;
        let mut lower_to = |to: Certainty| level = level.min(to);
        if let Some(FrameKind::Question | FrameKind::Evidence { lacking: true }) =
            frame.map(|f| &f.kind)
        {
            lower_to(Certainty::Unknown);
        }
        let mut own = false;
        if matches!(s.lower(range.start), "whether") {
            lower_to(Certainty::Unknown);
            own = true;
            out.extend(self.cue(s, CueKind::Certainty, range.start..range.start + 1));
        }
        let mut boosted: Vec<Range<usize>> = cues
            .iter()
            .filter(|m| m.family == CueFamily::Booster)
            .map(|m| m.start..m.end)
            .collect();
        merge_ranges(&mut boosted);
        // Relative clauses are looked for in the proposition ("said last
        // week that the budget may …" is a frame's complement), around its
        // main verb.
        for cue in cues {
            // "a reserve that could cover two years", "the rules that firms
            // might ignore are new": a hedge in a relative clause is that
            // clause's own.
            if matches!(cue.family, CueFamily::Possible | CueFamily::Probable)
                && in_relative_clause(s, proposition, main_verb, cue.start)
            {
                continue;
            }
            // An inset frame ("The economy, I think, is …") is a hole that
            // still sets the certainty.
            let in_frame =
                frame.is_some_and(|f| cue.start >= f.words.start && cue.end <= f.words.end);
            let inside = cue.start >= range.start
                && cue.end <= range.end
                && (in_frame || clause::in_holes(cue.start, &clause.holes).is_none());
            if !inside {
                continue;
            }
            let to = match cue.family {
                CueFamily::Booster => {
                    own = true;
                    out.extend(self.cue(s, CueKind::Certainty, cue.start..cue.end));
                    continue;
                }
                CueFamily::Unknown => Certainty::Unknown,
                CueFamily::Possible
                    if clause::in_holes(cue.start, &boosted).is_none() && is_modal_use(s, cue) =>
                {
                    Certainty::Possible
                }
                CueFamily::Probable | CueFamily::NegativeStance => Certainty::Probable,
                _ => continue,
            };
            lower_to(to);
            own = true;
            out.extend(self.cue(s, CueKind::Certainty, cue.start..cue.end));
        }
        if let (ClauseKind::Fragment, Some(carried), false) = (kind, carried, own) {
            lower_to(carried.certainty);
        }
        if frame
            .as_ref()
            .is_some_and(|f| matches!(f.kind, FrameKind::Question))
            && let Some(question_mark) = (range.end..s.len())
                .rev()
                .take(3)
                .find(|&i| s.is_punct(i, "?"))
        {
            out.extend(self.cue(s, CueKind::Certainty, question_mark..question_mark + 1));
        }
        level
    }

    #[allow(clippy::too_many_arguments)]
    fn evidence(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        range: &Range<usize>,
        frame: Option<&Frame>,
        out: &mut Vec<Cue>,
        in_claim: &dyn Fn(&CueMatch, &Range<usize>) -> bool,
    ) -> (Evidence, Option<EntityRef>) {
        let frame_cue = |out: &mut Vec<Cue>, found: &Frame, kind: CueKind| {
            let words = found.words.start..found.words.end;
            // The frame's own words, without the complementizer.
            let end = (words.start..words.end)
                .rev()
                .find(|&i| {
                    !matches!(
                        s.lower(i),
                        "that" | "of" | "for" | "on" | "," | "about" | "in" | "whether" | "if"
                    )
                })
                .map_or(words.start, |i| i + 1);
            if end > words.start {
                out.extend(self.cue(s, kind, words.start..end));
            }
        };
        match frame {
            Some(found) => match &found.kind {
                FrameKind::Evidence { lacking } => {
                    frame_cue(out, found, CueKind::Evidence);
                    let evidence = if *lacking {
                        Evidence::Lacking
                    } else {
                        Evidence::Evidenced
                    };
                    (evidence, None)
                }
                FrameKind::Report { source, .. } => {
                    frame_cue(out, found, CueKind::Evidence);
                    let attributed = self.actors.source(s, source.clone());
                    if let Some(source) = &attributed {
                        out.push(Cue {
                            kind: CueKind::Attribution,
                            text: source.text.clone(),
                            span: source.span,
                        });
                    }
                    (Evidence::Reported, attributed)
                }
                FrameKind::Inference => {
                    frame_cue(out, found, CueKind::Evidence);
                    (Evidence::Inferred, None)
                }
                FrameKind::Hedge | FrameKind::Question => {
                    self.inline_evidence(s, cues, range, out, in_claim)
                }
            },
            None => self.inline_evidence(s, cues, range, out, in_claim),
        }
    }

    /// Inference cues inside the clause: "does not look like", "seems to".
    fn inline_evidence(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        range: &Range<usize>,
        out: &mut Vec<Cue>,
        in_claim: &dyn Fn(&CueMatch, &Range<usize>) -> bool,
    ) -> (Evidence, Option<EntityRef>) {
        // "why nature looks like it looks", "whatever Gaza looks like": an
        // appearance inside a wh-clause is what is talked about, not how
        // the speaker knows.
        let in_wh_clause = |m: &CueMatch| {
            (range.start..m.start)
                .rev()
                .take_while(|&i| !s.is_punct(i, ",") && !clause::is_finite_verb(s, i, range.start))
                .any(|i| s.is(i, class::WH) && !matches!(s.lower(i), "that" | "which" | "who"))
        };
        match cues
            .iter()
            .find(|m| m.family == CueFamily::Inference && in_claim(m, range) && !in_wh_clause(m))
        {
            Some(cue) => {
                out.extend(self.cue(s, CueKind::Evidence, cue.start..cue.end));
                (Evidence::Inferred, None)
            }
            None => (Evidence::Asserted, None),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn time(
        &self,
        s: &Sentence<'_>,
        cues: &[CueMatch],
        proposition: &Range<usize>,
        verb: Option<usize>,
        frame: Option<&Frame>,
        clause: &Clause,
        kind: ClauseKind,
        carried: Option<&Carried>,
        out: &mut Vec<Cue>,
    ) -> Time {
        let inside = |m: &&CueMatch| {
            m.start >= proposition.start
                && m.end <= proposition.end
                && clause::in_holes(m.start, &clause.holes).is_none()
        };
        // "I expect P": the frame itself can look ahead.
        let in_frame = |m: &&CueMatch| {
            frame
                .as_ref()
                .is_some_and(|f| m.start >= f.words.start && m.end <= f.words.end)
        };
        // "Our statement makes clear what our responses will be": a
        // future inside a wh-clause after the main verb dates that clause
        // only ("no reason to doubt that they'll try" looks ahead).
        let embedded_after_verb = |m: &&CueMatch| {
            verb.is_some_and(|verb| {
                verb < m.start
                    && (verb + 1..m.start).any(|i| {
                        s.is(i, class::WH) && !matches!(s.lower(i), "that" | "which" | "who")
                    })
            })
        };
        if let Some(cue) = cues
            .iter()
            .filter(|m| m.family == CueFamily::Future && (inside(m) || in_frame(m)))
            .find(|m| !embedded_after_verb(m) && is_future_use(s, m))
        {
            out.extend(self.cue(s, CueKind::Time, cue.start..cue.end));
            return Time::Future;
        }
        // The tense of the verb group: the main verb, or, for a verbless
        // proposition, the frame's verb ("We have no signs of …").
        let verb = verb.or_else(|| {
            let found = frame.as_ref()?;
            clause::main_verb(s, found.words.clone(), &[])
        });
        if let Some(verb) = verb {
            // "have already reached", "You've both spoken": adverbs and
            // floating quantifiers stand between.
            let next = (verb + 1..s.len())
                .find(|&i| !s.is_adverb(i) && !matches!(s.lower(i), "both" | "all" | "each"))
                .unwrap_or(verb + 1);
            // "could have", "has become": perfect forms look back.
            // "'d" before a base form is "would" ("I'd cut that in half").
            let would = s.lower(verb) == "'d" && s.can_be(next, form::BASE);
            // "There's been": "'s" before "been" is "has".
            let has_been = matches!(s.lower(verb), "'s" | "’s") && s.lower(next) == "been";
            // "You've got a lot happening": "have got" is "have".
            let perfect = s.is(verb, class::MODAL) && s.lower(next) == "have"
                || has_been
                || s.is(verb, class::HAVE)
                    && !would
                    && s.can_be(next, form::PARTICIPLE)
                    && !s.is(next, class::DETERMINER)
                    && s.lower(next) != "got";
            if is_past(s, verb) || perfect {
                let end = if perfect { next + 1 } else { verb + 1 };
                out.extend(self.cue(s, CueKind::Time, verb..end));
                return Time::Past;
            }
            // "It could slip", "that may change": a possibility ahead.
            if matches!(s.lower(verb), "may" | "might" | "could") && s.can_be(next, form::BASE) {
                out.extend(self.cue(s, CueKind::Time, verb..verb + 1));
                return Time::Future;
            }
        }
        // A time expression dates a verb that is not past: "We meet next
        // year", "We met a year ago" (the verb says it too); "Sales are up
        // from a year ago" and "the law he signed two years ago" do not
        // move the main verb.
        let governs = |m: &&CueMatch| {
            let Some(verb) = verb else { return true };
            let baseline = (m.start.saturating_sub(4).max(verb + 1)..m.start)
                .any(|i| matches!(s.lower(i), "from" | "since" | "than" | "over" | "compared"));
            let embedded = (verb + 1..m.start).any(|i| {
                s.is(i, class::RELATIVE | class::SUBORDINATOR)
                    || clause::is_finite_verb(s, i, verb + 1)
            });
            !baseline && !embedded
        };
        if let Some(cue) = cues
            .iter()
            .filter(inside)
            .filter(governs)
            .find(|m| matches!(m.family, CueFamily::Past | CueFamily::LaterTime))
        {
            out.extend(self.cue(s, CueKind::Time, cue.start..cue.end));
            return if cue.family == CueFamily::Past {
                Time::Past
            } else {
                Time::Future
            };
        }
        match (kind, carried, verb) {
            (ClauseKind::Fragment, Some(carried), None)
                if !carried.earlier_sentence || echoes_previous(s, proposition.start) =>
            {
                carried.time
            }
            _ => Time::Present,
        }
    }
}

/// "Perhaps not in the first quarter": a fragment that hedges or negates
/// the previous sentence's predicate, and so shares its time ("Plus, cheap
/// oil" adds a new item and does not).
fn echoes_previous(s: &Sentence<'_>, start: usize) -> bool {
    (0..(start + 2).min(s.len())).any(|i| s.is_hedge_or_negation(i))
}

/// The clause with `hole` left out of its analysis too, when it overlaps
/// none of the clause's own holes.
fn with_hole(clause: &Clause, hole: Range<usize>) -> Clause {
    let mut widened = clause.clone();
    if !clause
        .holes
        .iter()
        .any(|h| h.start < hole.end && hole.start < h.end)
    {
        let at = widened.holes.partition_point(|h| h.start < hole.start);
        widened.holes.insert(at, hole);
    }
    widened
}

/// Where a clause's proposition starts: after a fronted subordinate clause
/// ("If the money does not come, …"), else at its start.
fn core_start(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> usize {
    let fronted = s.is(range.start, class::SUBORDINATOR)
        && !matches!(s.lower(range.start), "that" | "whether" | "where" | "as");
    // "If I remember correctly, …" is the speaker's hedge, no condition.
    let stance = cues_at(cues, range.start)
        .iter()
        .any(|m| m.start == range.start && m.family.is_stance());
    if !fronted || stance {
        return range.start;
    }
    match (range.start + 1..range.end).find(|&i| s.is_punct(i, ",")) {
        Some(comma) if clause::has_finite_verb(s, comma + 1..range.end) => comma + 1,
        _ => range.start,
    }
}

/// Parts of a proposition after its main verb whose negation does not
/// negate it: a subordinate clause ("even if it is not popular") and a
/// verbless tail after a comma ("…, not about the tax", "…, compared with
/// none today", "…, at least not here").
fn outside_main_clause(
    s: &Sentence<'_>,
    proposition: Range<usize>,
    holes: &[Range<usize>],
) -> Vec<Range<usize>> {
    let Some(verb) = clause::main_verb(s, proposition.clone(), holes) else {
        return Vec::new();
    };
    let next_comma = |from: usize| {
        (from..proposition.end)
            .find(|&i| s.is_punct(i, ","))
            .unwrap_or(proposition.end)
    };
    let window = |from: usize| from..next_comma(from).min(from + 24);
    let mut out = Vec::new();
    for index in verb + 1..proposition.end {
        let subordinate = s.is(index, class::SUBORDINATOR)
            && !matches!(s.lower(index), "that" | "where" | "as" | "whether");
        if subordinate {
            out.push(index..next_comma(index + 1));
        } else if s.is_punct(index, ",") {
            let stop = next_comma(index + 1);
            // ", not about …" contrasts a phrase, whatever follows it.
            let contrast = s.is(index + 1, class::NEGATOR);
            if contrast || !clause::has_finite_verb(s, window(index + 1)) {
                out.push(index..stop);
            }
        }
    }
    out
}

/// Sorts ranges and merges those that overlap, for binary search.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    *ranges = merged;
}

fn is_closing(s: &Sentence<'_>, index: usize) -> bool {
    matches!(
        s.word(index),
        "\"" | "”" | "’" | "'" | ")" | "]" | "*" | "_"
    )
}

/// Skips openers that manage the talk ("First of all,", "Look,", "So").
fn skip_discourse(s: &Sentence<'_>, mut start: usize, cues: &[CueMatch]) -> usize {
    loop {
        let before = start;
        while s.is_punct(start, ",")
            || s.is_punct(start, "\"")
            || s.is_punct(start, "“")
            || s.is_dash(start)
        {
            start += 1;
        }
        if let Some(cue) = cues_at(cues, start)
            .iter()
            .filter(|m| m.family == CueFamily::Discourse)
            .max_by_key(|m| m.end)
        {
            // Only an opener that is set off ("Look, …", "So far there …"
            // is kept when "so far" is not followed by a comma) or a
            // sentence adverb.
            let set_off = s.is_punct(cue.end, ",");
            let connective = matches!(
                s.lower(start),
                "and" | "but" | "or" | "so" | "plus" | "also" | "then" | "still" | "however"
            );
            // "That's why …", "this is how …": a lead-in to its clause
            // ("this is because of X" has none and stays whole).
            let lead_in = cue.end > start + 1
                && matches!(s.lower(cue.end - 1), "why" | "how" | "because")
                && s.lower(cue.end) != "of";
            // "I mean I followed that career", "You know we tried": a
            // marker before a clause of its own.
            let marks_clause = matches!(s.lower(cue.end - 1), "mean" | "know")
                && cue.end > start + 1
                && s.is(cue.end, class::SUBJECT_PRONOUN)
                && clause::is_finite_verb(s, cue.end + 1, cue.end);
            if set_off || connective || lead_in || marks_clause {
                start = cue.end;
            }
        }
        if start == before {
            return start;
        }
    }
}

/// Skips a name the sentence opens by addressing ("Ms. Lindqvist, how
/// would you pay …", "Jorge, this is your first final", "Mr President,
/// the economy grew"): a person's name, with or without a title, or a
/// title alone, then a comma.
fn skip_vocative(s: &Sentence<'_>, start: usize, entities: &Entities) -> usize {
    let Some(comma) = (start..(start + 5).min(s.len())).find(|&i| s.is_punct(i, ",")) else {
        return start;
    };
    let Some(span) = s.range_span(start..comma) else {
        return start;
    };
    let mentions = entities.mentions_in(span);
    let addressed = mentions.len() == 1
        && mentions.first().is_some_and(|m| {
            m.span.end == span.end
                && entities
                    .entity(m.entity)
                    .is_some_and(|e| e.kind == crate::entity::EntityKind::Person)
        })
        && (start..comma).all(|i| s.capitalized(i) || s.is_punct(i, "."));
    // "Mr President,", "Senator,", "Madam President,": a title alone addresses
    // too.
    let title_alone =
        comma > start && (start..comma).all(|i| s.is(i, class::TITLE) || s.is_punct(i, "."));
    if addressed || title_alone {
        comma + 1
    } else {
        start
    }
}

/// Drops leading commas, coordinators and openers from a clause.
fn trim_start(s: &Sentence<'_>, range: Range<usize>, cues: &[CueMatch]) -> Range<usize> {
    let mut start = range.start;
    while start < range.end
        && (s.is_punct(start, ",")
            || s.is_dash(start)
            || s.is(start, class::COORDINATOR) && start + 1 < range.end)
    {
        start += 1;
    }
    skip_discourse(s, start, cues).min(range.end)..range.end
}

fn opens_conversation(cues: &[CueMatch], start: usize) -> bool {
    cues_at(cues, start)
        .iter()
        .any(|m| m.family == CueFamily::Conversation)
}

/// True when the clause's main verb is part of a conversation cue: "Just
/// two things at the top and then I'll get to your questions", "Investors
/// can contact us at …".
fn manages_conversation(s: &Sentence<'_>, cues: &[CueMatch], clause: &Clause) -> bool {
    let Some(mut verb) = clause::main_verb(s, clause.range.clone(), &clause.holes) else {
        return false;
    };
    while s.is(verb, class::AUXILIARY) && s.is_word(verb + 1) && verb + 1 < clause.range.end {
        verb += 1;
    }
    let lo = cues.partition_point(|m| m.start < clause.range.start);
    let hi = cues.partition_point(|m| m.start <= verb);
    cues.get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .any(|m| m.family == CueFamily::Conversation && verb < m.end)
}

/// "Do not treat this as …", "Come early", "Ask me again": a base verb
/// opening the sentence with no subject before it.
fn is_imperative(s: &Sentence<'_>, start: usize) -> bool {
    let first = s.lower(start);
    if matches!(first, "do" | "don't")
        && (s.lower(start + 1) == "not" || s.can_be(start + 1, form::BASE))
    {
        return true;
    }
    if first == "please" {
        return true;
    }
    if !s.can_be(start, form::BASE)
        || s.can_be(start, form::THIRD)
        || s.is(start, class::AUXILIARY)
        || !s.capitalized(start)
    {
        return false;
    }
    // "Cash flow was better" has a subject before its verb; "Ask any
    // shop owner whether they feel safer" does not.
    match clause::main_verb(s, start..s.len(), &[]) {
        None => true,
        Some(verb) => (start + 1..verb)
            .any(|i| s.is(i, class::SUBORDINATOR | class::WH) || s.is_punct(i, ",")),
    }
}

/// A clause that opens with a bare verb and no subject: "look at …".
fn is_base_verb_opening(s: &Sentence<'_>, start: usize) -> bool {
    s.can_be(start, form::BASE)
        && !s.can_be(start, form::THIRD | form::PAST)
        && !s.is(start, class::AUXILIARY)
        && s.is(
            start + 1,
            class::PREPOSITION | class::DETERMINER | class::OBJECT_PRONOUN,
        )
}

/// "may", "might", "could" as hedges, not the month "May".
fn is_modal_use(s: &Sentence<'_>, cue: &CueMatch) -> bool {
    if cue.end - cue.start > 1 || !s.is(cue.start, class::MODAL) {
        return true;
    }
    !(s.word(cue.start) == "May" && cue.start > 0) && governs_verb(s, cue.start)
}

/// "will" as the future, not the noun: after a determiner ("the will of
/// the people") or before "to", "of" or a finite "be" ("the political will
/// to act", "free will is").
/// "I guess.", "I think the", "I would need", "I'd like to": a clause that
/// breaks off before saying anything, as real speech leaves it — a stance
/// with at most one word after it, or a few words ending in a modal's
/// verb, "to" or a verb of thinking.
fn broken_off(s: &Sentence<'_>, cues: &[CueMatch], range: Range<usize>) -> bool {
    let end = clause::trim_end(s, range.clone());
    let stance = cues_at(cues, range.start)
        .iter()
        .filter(|m| m.start == range.start && m.family == CueFamily::Probable)
        .max_by_key(|m| m.end);
    if let Some(stance) = stance {
        let rest = stance.end..end;
        let words = rest.clone().filter(|&i| s.is_word(i)).count();
        return words <= 1 && !clause::has_finite_verb(s, rest);
    }
    let words: Vec<usize> = (range.start..end).filter(|&i| s.is_word(i)).collect();
    let Some(&last) = words.last() else {
        return false;
    };
    // "We will." and "They did." answer with a claim; "I would need" and
    // "I'd like to" break off.
    let modal_verb = last > 0 && s.is(last - 1, class::MODAL) && s.can_be(last, form::BASE);
    let dangling = modal_verb
        || s.lower(last) == "to"
        || cues_at(cues, last)
            .iter()
            .any(|m| m.start == last && m.family == CueFamily::CognitionVerb);
    (2..=4).contains(&words.len())
        && words
            .first()
            .is_some_and(|&i| s.is(i, class::SUBJECT_PRONOUN))
        && dangling
}

/// True when the word at `index` is inside a relative clause of `range`:
/// after a relative word that follows a noun ("a reserve that …", "the
/// rules which …"), either before the main verb (in the subject) or after
/// it (in an object).
fn in_relative_clause(
    s: &Sentence<'_>,
    range: &Range<usize>,
    main_verb: Option<usize>,
    index: usize,
) -> bool {
    let Some(verb) = main_verb else {
        return false;
    };
    let relative = (range.start + 1..index.min(range.end)).rev().find(|&i| {
        (s.is(i, class::RELATIVE) || s.lower(i) == "that" && !s.takes_clause(i - 1))
            && s.nominal(i - 1)
    });
    // A comma ends the relative clause: "the subjects that were related
    // to the lab, I think I was good".
    relative.is_some_and(|r| {
        !(r..index).any(|i| s.is_punct(i, ",")) && (r < verb && index < verb || r > verb)
    })
}

fn is_future_use(s: &Sentence<'_>, cue: &CueMatch) -> bool {
    // "We were going to sell", "the deal was about to close": the future
    // of a past moment is past.
    let before = (0..cue.start).rev().find(|&i| !s.is_adverb(i));
    if before.is_some_and(|i| matches!(s.lower(i), "was" | "were" | "wasn't" | "weren't")) {
        return false;
    }
    if cue.end - cue.start > 1 || s.lower(cue.start) != "will" {
        return true;
    }
    let next = cue.start + 1;
    let determined = cue.start > 0 && s.is(cue.start - 1, class::DETERMINER | class::POSSESSIVE);
    let noun_follows =
        matches!(s.lower(next), "to" | "of") || s.is(next, class::BE) && s.lower(next) != "be";
    s.can_be(next, form::BASE) || !(determined || noun_follows)
}

/// A modal at `index` is one when a verb, an adverb or "not" follows it, or
/// nothing does after its subject ("Some founders say we will.").
fn governs_verb(s: &Sentence<'_>, index: usize) -> bool {
    let next = index + 1;
    s.can_be(next, form::BASE)
        || s.is_adverb(next)
        || s.is(next, class::BE | class::HAVE)
        || !s.is_word(next) && index > 0 && s.is(index - 1, class::SUBJECT_PRONOUN)
}

/// The verb (or its auxiliary) is past: "was", "had", "did", "signed",
/// "went".
fn is_past(s: &Sentence<'_>, verb: usize) -> bool {
    let word = s.lower(verb);
    if matches!(
        word,
        "was" | "were" | "had" | "did" | "wasn't" | "weren't" | "hadn't" | "didn't" | "'d"
    ) {
        return word != "'d";
    }
    if s.is(verb, class::AUXILIARY) {
        return false;
    }
    let forms = s.forms(verb);
    forms & form::PAST != 0 && forms & (form::BASE | form::THIRD) == 0
        || forms & form::PAST != 0 && verb > 0 && matches!(s.lower(verb - 1), "he" | "she" | "it")
}
