//! Bare layout: who asks and who answers when nobody is labelled.
//!
//! A question does not always end with a question mark ("That would be a
//! problem.", "Tell us about the plant, and what it makes."), and an answer
//! may run to many paragraphs or be one word. Reading each paragraph on its
//! own lets one misread paragraph shift every role after it, so the roles
//! of the whole interview are decided at once: a two-state hidden Markov
//! model (asks, answers) over the spoken paragraphs, decoded with Viterbi.
//!
//! - **What a paragraph says of itself** (log-odds that it asks): a closing
//!   question mark, a question inside, a request ("Tell us about…"), its
//!   length, a reply opening ("Yes,", "Well,"), and whether it speaks to
//!   "you" or of "I".
//! - **What the document says of its rhythm**: between two paragraphs that
//!   end in a question mark, how many paragraphs does an answer take here?
//!   Interviews with one-paragraph answers make a second answer paragraph
//!   unlikely, so a short remark between two answers is the interviewer's;
//!   interviews with long answers do not.

use super::paragraph::Paragraph;

/// Log-odds that a paragraph asks, from its own shape.
fn asks_score(paragraph: &Paragraph) -> f64 {
    let shape = paragraph.shape;
    let mut score = 0.0;
    if shape.question_mark {
        score += 3.0;
    } else if shape.asks_inside {
        score += 1.0;
    }
    if shape.request {
        score += 2.5;
    }
    score += match shape.words {
        0..=25 => 0.3,
        26..=60 => 0.0,
        61..=120 => -0.7,
        _ => -1.5,
    };
    if shape.reply {
        score -= 1.2;
    }
    score + 0.4 * f64::from(shape.addressee.signum())
}

/// The chance, in this document, that an answer goes on into another
/// paragraph. Answer lengths are taken as geometric, so one minus this
/// chance is the share of one-paragraph answers, read off the stretches
/// between two paragraphs that end in a question mark. (A long stretch may
/// hide an interviewer's remark, so only the one-paragraph stretches are
/// trusted.) Kept between 0.1 and 0.9, and 0.5 when the document has too
/// few such questions to tell.
fn answer_goes_on(spoken: &[&Paragraph]) -> f64 {
    let asking: Vec<usize> = spoken
        .iter()
        .enumerate()
        .filter(|(_, p)| p.shape.question_mark)
        .map(|(index, _)| index)
        .collect();
    let (mut stretches, mut single) = (0_u32, 0_u32);
    for pair in asking.windows(2) {
        if let [from, to] = pair
            && *to > from + 1
        {
            stretches += 1;
            single += u32::from(*to == from + 2);
        }
    }
    if stretches < 3 {
        return 0.5;
    }
    (1.0 - f64::from(single) / f64::from(stretches)).clamp(0.1, 0.9)
}

/// Decides, for each spoken paragraph in order, whether it asks (`true`)
/// or answers. The first one asks: the caller starts at the first
/// question.
pub(crate) fn decode(spoken: &[&Paragraph]) -> Vec<bool> {
    // Viterbi training: decode with the rhythm the question marks show,
    // then with the rhythm the decoded roles show, until it settles.
    let mut goes_on = answer_goes_on(spoken);
    let mut asks = viterbi(spoken, goes_on);
    for _ in 0..RETRAINING_ROUNDS {
        let retrained = decoded_goes_on(&asks).unwrap_or(goes_on);
        if (retrained - goes_on).abs() < 0.01 {
            break;
        }
        goes_on = retrained;
        asks = viterbi(spoken, goes_on);
    }
    asks
}

/// Rounds of re-estimating the answers' rhythm from decoded roles.
const RETRAINING_ROUNDS: usize = 4;

/// The chance that an answer goes on, from decoded roles.
fn decoded_goes_on(asks: &[bool]) -> Option<f64> {
    let answers = asks.iter().filter(|asks| !**asks).count();
    let continued = asks
        .windows(2)
        .filter(|pair| pair == &[false, false])
        .count();
    if answers < 3 {
        return None;
    }
    let (continued, answers) = (u32::try_from(continued).ok()?, u32::try_from(answers).ok()?);
    Some((f64::from(continued) / f64::from(answers)).clamp(0.1, 0.9))
}

/// The most likely roles given the answers' rhythm.
fn viterbi(spoken: &[&Paragraph], goes_on: f64) -> Vec<bool> {
    // Log-probabilities of the transitions: [from asks, from answers] to
    // [asks, answers]. A question is seldom two paragraphs.
    let ask_again = 0.15_f64;
    let transition = [
        [ask_again.ln(), (1.0 - ask_again).ln()],
        [(1.0 - goes_on).ln(), goes_on.ln()],
    ];
    let mut best = [0.0_f64, f64::NEG_INFINITY];
    let mut back: Vec<[usize; 2]> = Vec::with_capacity(spoken.len());
    for (index, paragraph) in spoken.iter().enumerate() {
        let emission = [asks_score(paragraph) / 2.0, -asks_score(paragraph) / 2.0];
        if index == 0 {
            best = [emission[0], f64::NEG_INFINITY];
            back.push([0, 0]);
            continue;
        }
        let mut next = [f64::NEG_INFINITY; 2];
        let mut from = [0; 2];
        for (to, slot) in next.iter_mut().enumerate() {
            for (state, score) in best.iter().enumerate() {
                let step = transition.get(state).and_then(|row| row.get(to)).copied();
                let candidate = score + step.unwrap_or(f64::NEG_INFINITY);
                if candidate > *slot {
                    *slot = candidate;
                    if let Some(cell) = from.get_mut(to) {
                        *cell = state;
                    }
                }
            }
            *slot += emission.get(to).copied().unwrap_or(0.0);
        }
        best = next;
        back.push(from);
    }
    let mut state = usize::from(best[1] > best[0]);
    let mut asks = vec![false; spoken.len()];
    for index in (0..spoken.len()).rev() {
        if let Some(slot) = asks.get_mut(index) {
            *slot = state == 0;
        }
        state = back
            .get(index)
            .and_then(|row| row.get(state))
            .copied()
            .unwrap_or(0);
    }
    asks
}
