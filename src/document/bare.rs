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
//!   interviews with long answers do not. The rhythm is first read off the
//!   question marks, then off the decoded roles, until it settles.

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

/// The chance that an answer goes on, from decoded roles: of the steps
/// out of an answer paragraph, the share that stay in the answer.
fn decoded_goes_on(asks: &[bool]) -> Option<f64> {
    let (mut out_of_answers, mut continued) = (0_u32, 0_u32);
    for pair in asks.windows(2) {
        if pair.first() == Some(&false) {
            out_of_answers += 1;
            continued += u32::from(pair.get(1) == Some(&false));
        }
    }
    if out_of_answers < 3 {
        return None;
    }
    Some((f64::from(continued) / f64::from(out_of_answers)).clamp(0.1, 0.9))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::boilerplate::Boilerplate;
    use crate::document::paragraph::{lines, paragraphs};

    fn roles(text: &str) -> Vec<bool> {
        let boilerplate = Boilerplate::new(&[]).unwrap();
        let mut dropped = Vec::new();
        let lines = lines(text, &boilerplate, &mut dropped);
        let drafts = paragraphs(text, &lines);
        let spoken: Vec<&Paragraph> = drafts.iter().collect();
        decode(&spoken)
    }

    #[test]
    fn a_remark_between_one_paragraph_answers_is_the_interviewers() {
        let text = "Where did you grow up?\n\n\
                    In Madrid, with my parents and my older brother, who is a firefighter now.\n\n\
                    Did you like school?\n\n\
                    Not really. I was never good at math, and the first two years were hard.\n\n\
                    That would be a problem.\n\n\
                    I had to ask my friends for help, but the laboratory work went well for me.\n\n\
                    And then the PhD?\n\n\
                    Yes, in the Canary Islands, at the observatory there.\n\n\
                    Why astrophysics?\n\n\
                    Because I wanted to understand why nature looks the way it does.";
        assert_eq!(
            roles(text),
            [
                true, false, true, false, true, false, true, false, true, false
            ]
        );
    }

    #[test]
    fn long_answers_keep_their_short_paragraphs() {
        let answer = "We built the plant in two years, and the first line started in March with \
                      three hundred people working on it in two shifts every day of the week.";
        let text = format!(
            "How did the plant start?\n\n{answer}\n\nThat was hard.\n\n{answer}\n\n\
             What came next?\n\n{answer}\n\nIt worked.\n\n{answer}\n\n\
             And now?\n\n{answer}\n\n{answer}\n\nWhy so long?\n\n{answer}\n\n{answer}"
        );
        let got = roles(&text);
        let asking = got.iter().filter(|asks| **asks).count();
        assert_eq!(asking, 4, "{got:?}");
    }
}
