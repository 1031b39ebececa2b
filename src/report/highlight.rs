//! Claims and cues highlighted in a stretch of text.
//!
//! Claims overlap and nest (a sentence holds several clauses, a frame holds
//! its proposition), and cues lie inside claims. The text is split at every
//! span boundary; each piece is wrapped in one `<mark>` per claim covering
//! it, outermost first, and in one cue `<span>` when a cue covers it. The
//! first piece of a claim carries its `id` and `data-claim`, so there is
//! exactly one `mark[data-claim]` per claim shown.

use super::html::escape_into;
use crate::span::Span;

/// A claim to highlight.
#[derive(Debug)]
pub(crate) struct Highlight {
    /// The claim's span in the text.
    pub span: Span,
    /// The claim's DOM id (its ledger id), a safe attribute value.
    pub id: String,
    /// The mark's other attributes, escaped (`class`, `title`).
    pub attributes: String,
    /// Set once the piece carrying `id` is written.
    pub shown: bool,
}

/// A cue span and the DOM ids of the claims it set fields of.
#[derive(Debug)]
pub(crate) struct CueMark {
    /// Where the cue is.
    pub span: Span,
    /// The claims' ids, space-separated.
    pub claims: String,
}

/// Appends the text of `range` with the claims and cues that overlap it
/// highlighted. `claims` must be sorted by start, longest first, so outer
/// marks open before the marks they contain; `cues` sorted by span.
///
/// One sweep over the pieces: a claim or cue joins the open set at its
/// start and leaves it at its end, so the cost grows with the pieces times
/// the nesting depth, not times every claim of the turn.
pub(crate) fn highlight(
    out: &mut String,
    text: &str,
    range: Span,
    claims: &mut [Highlight],
    cues: &[CueMark],
) {
    let overlaps = |span: Span| span.start < range.end && range.start < span.end;
    let clamp = |at: usize| at.clamp(range.start, range.end);
    let mut bounds = vec![range.start, range.end];
    for span in claims
        .iter()
        .map(|c| c.span)
        .chain(cues.iter().map(|c| c.span))
        .filter(|&span| overlaps(span))
    {
        bounds.push(clamp(span.start));
        bounds.push(clamp(span.end));
    }
    // A span off a char boundary (never one the pipeline made) moves no
    // boundary, so every piece slices.
    bounds.retain(|&at| text.is_char_boundary(at));
    bounds.sort_unstable();
    bounds.dedup();
    let claim_spans: Vec<Span> = claims.iter().map(|c| c.span).collect();
    let cue_spans: Vec<Span> = cues.iter().map(|c| c.span).collect();
    let mut open_claims = Sweep::default();
    let mut open_cues = Sweep::default();
    for pair in bounds.windows(2) {
        let &[start, end] = pair else { continue };
        let Some(piece) = text.get(start..end) else {
            continue;
        };
        let covers = |span: Span| span.start <= start && end <= span.end;
        let mut open = 0;
        for &index in open_claims.advance(&claim_spans, overlaps, start) {
            let Some(claim) = claims.get_mut(index).filter(|c| covers(c.span)) else {
                continue;
            };
            out.push_str("<mark ");
            out.push_str(&claim.attributes);
            out.push_str(" data-claim-id=\"");
            out.push_str(&claim.id);
            out.push('"');
            if !claim.shown {
                claim.shown = true;
                out.push_str(" data-claim id=\"");
                out.push_str(&claim.id);
                out.push('"');
            }
            out.push('>');
            open += 1;
        }
        let cue_of: Vec<&str> = open_cues
            .advance(&cue_spans, overlaps, start)
            .iter()
            .filter_map(|&index| cues.get(index))
            .filter(|c| covers(c.span))
            .map(|c| c.claims.as_str())
            .collect();
        if cue_of.is_empty() {
            escape_into(out, piece);
        } else {
            out.push_str("<span class=\"cue\" data-cue-of=\"");
            out.push_str(&cue_of.join(" "));
            out.push_str("\">");
            escape_into(out, piece);
            out.push_str("</span>");
        }
        for _ in 0..open {
            out.push_str("</mark>");
        }
    }
}

/// The spans open at a point of a sweep, in their order in the sorted
/// list they come from.
#[derive(Debug, Default)]
struct Sweep {
    /// The next span of the list not yet opened.
    next: usize,
    /// The indices of the open spans.
    open: Vec<usize>,
}

impl Sweep {
    /// The spans that may cover a piece starting at `at`: those of the
    /// sorted `spans` that overlap the range, start at or before `at` and
    /// end after it.
    fn advance(&mut self, spans: &[Span], overlaps: impl Fn(Span) -> bool, at: usize) -> &[usize] {
        while let Some(&span) = spans.get(self.next).filter(|s| s.start <= at) {
            if overlaps(span) {
                self.open.push(self.next);
            }
            self.next += 1;
        }
        self.open
            .retain(|&index| spans.get(index).is_some_and(|span| span.end > at));
        &self.open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, start: usize, end: usize) -> Highlight {
        Highlight {
            span: Span::new(start, end),
            id: id.to_string(),
            attributes: "class=\"claim\"".to_string(),
            shown: false,
        }
    }

    fn render(text: &str, claims: &mut [Highlight], cues: &[CueMark]) -> String {
        let mut out = String::new();
        highlight(&mut out, text, Span::new(0, text.len()), claims, cues);
        out
    }

    #[test]
    fn plain_text_is_escaped_and_unwrapped() {
        assert_eq!(render("a <b> & c", &mut [], &[]), "a &lt;b&gt; &amp; c");
    }

    #[test]
    fn nested_claims_nest_and_each_has_one_anchor() {
        // "It seems that X will win": the frame holds the proposition.
        let text = "It seems that X will win.";
        let mut claims = [claim("k1", 0, 24), claim("k2", 14, 24)];
        let out = render(text, &mut claims, &[]);
        assert_eq!(
            out,
            "<mark class=\"claim\" data-claim-id=\"k1\" data-claim id=\"k1\">It seems that </mark>\
             <mark class=\"claim\" data-claim-id=\"k1\"><mark class=\"claim\" data-claim-id=\"k2\" data-claim id=\"k2\">X will win</mark></mark>."
        );
        assert_eq!(out.matches("data-claim ").count(), 2);
    }

    #[test]
    fn crossing_claims_split_into_pieces() {
        let text = "one two three";
        let mut claims = [claim("a", 0, 7), claim("b", 4, 13)];
        let out = render(text, &mut claims, &[]);
        assert_eq!(
            out,
            "<mark class=\"claim\" data-claim-id=\"a\" data-claim id=\"a\">one </mark>\
             <mark class=\"claim\" data-claim-id=\"a\"><mark class=\"claim\" data-claim-id=\"b\" data-claim id=\"b\">two</mark></mark>\
             <mark class=\"claim\" data-claim-id=\"b\"> three</mark>"
        );
    }

    #[test]
    fn cues_are_spans_inside_their_claims() {
        let text = "Maybe it rains.";
        let mut claims = [claim("k", 0, 14)];
        let cues = [CueMark {
            span: Span::new(0, 5),
            claims: "k".to_string(),
        }];
        let out = render(text, &mut claims, &cues);
        assert!(
            out.starts_with("<mark class=\"claim\" data-claim-id=\"k\" data-claim id=\"k\"><span class=\"cue\" data-cue-of=\"k\">Maybe</span></mark>"),
            "{out}"
        );
    }

    #[test]
    fn spans_outside_or_off_char_boundaries_do_not_panic() {
        let text = "Лукашенко";
        let mut claims = [claim("x", 1, 3), claim("y", 50, 90)];
        let out = render(text, &mut claims, &[]);
        // No text is lost; the claims show nowhere (the report lists them
        // apart).
        assert_eq!(out, text);
        assert!(!claims[0].shown && !claims[1].shown);
    }
}
