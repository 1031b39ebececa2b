//! A plain-text rendering of an extraction, made to be read and diffed in
//! snapshot tests.

use std::fmt::Write as _;

use super::{Claim, Extraction};

/// What [`Extraction::render_with`] shows beyond the default.
///
/// ```
/// use claimtrack::claim::RenderOptions;
///
/// let extraction = claimtrack::extract("Q: Why?\n\nA: The plant will close in May.")?;
/// let rendered = extraction.render_with(&RenderOptions::new().spans(true));
/// assert!(rendered.contains("@12..39"), "{rendered}");
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RenderOptions {
    /// End each claim's line with its byte span (`@12..39`).
    pub spans: bool,
}

impl RenderOptions {
    /// The default: no byte offsets, so edits elsewhere in the text change
    /// no line.
    pub fn new() -> RenderOptions {
        RenderOptions::default()
    }

    /// Ends each claim's line with its byte span.
    #[must_use]
    pub fn spans(mut self, spans: bool) -> RenderOptions {
        self.spans = spans;
        self
    }
}

impl Extraction {
    /// The claims as text for snapshot tests (`insta::assert_snapshot!`):
    /// the layout, then under each turn that has claims, its role and
    /// speaker, one line per claim — kind, actor, polarity, certainty,
    /// evidence, time, attribution and text — and a line of the cue words
    /// that set its fields, then its quantities.
    ///
    /// Nothing in it is a byte offset or a position in the text, and claim
    /// text has its white space collapsed: a word added to the headline
    /// changes no line, and a changed field changes its claim's line and
    /// at most its cue line. [`Extraction::render_with`] adds spans.
    ///
    /// ```
    /// let text = "Talks in Minsk\n\nQ: Did Putin ask for troops?\n\n\
    ///             A: There is no evidence that Putin asked Lukashenka to join the war.";
    /// let extraction = claimtrack::extract(text)?;
    /// assert_eq!(
    ///     extraction.render(),
    ///     "layout: qa_labels\n\
    ///      \n\
    ///      [2] answer · A\n  \
    ///        statement | actor: Putin | positive, unknown, lacking, past | \
    ///          \"There is no evidence that Putin asked Lukashenka to join the war\"\n    \
    ///          cues: evidence \"There is no evidence\", time \"asked\"\n",
    /// );
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn render(&self) -> String {
        self.render_with(&RenderOptions::default())
    }

    /// [`Extraction::render`] with more shown, as `options` asks.
    pub fn render_with(&self, options: &RenderOptions) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "layout: {}", self.document.layout);
        let mut current = None;
        for claim in &self.claims {
            if current != Some(claim.turn) {
                current = Some(claim.turn);
                self.turn_heading(&mut out, claim);
            }
            claim_lines(&mut out, claim, *options);
        }
        out
    }

    fn turn_heading(&self, out: &mut String, claim: &Claim) {
        let role = self
            .document
            .turns
            .get(claim.turn)
            .map_or("", |turn| turn.role.as_str());
        let speaker = claim.speaker.as_deref().unwrap_or("-");
        let _ = write!(out, "\n[{}] {role} · {speaker}", claim.turn);
        // The person an unlabelled or generic label stands for.
        if let Some(entity) = claim.speaker_entity.as_ref().and_then(|id| self.entity(id))
            && entity.name != speaker
        {
            let _ = write!(out, " ({})", entity.name);
        }
        out.push('\n');
    }
}

fn claim_lines(out: &mut String, claim: &Claim, options: RenderOptions) {
    let name = |reference: Option<&super::EntityRef>| {
        reference.map_or_else(|| "-".to_string(), |r| r.name.clone())
    };
    let _ = write!(
        out,
        "  {} | actor: {} | {}, {}, {}, {}",
        claim.kind,
        name(claim.actor.as_ref()),
        claim.polarity,
        claim.certainty,
        claim.evidence,
        claim.time,
    );
    if claim.attributed_to.is_some() {
        let _ = write!(out, " | from: {}", name(claim.attributed_to.as_ref()));
    }
    let _ = write!(out, " | \"{}\"", collapse(&claim.text));
    if options.spans {
        let _ = write!(out, " @{}..{}", claim.span.start, claim.span.end);
    }
    out.push('\n');
    let mut line = String::new();
    for (index, cue) in claim.cues.iter().enumerate() {
        let separator = if index == 0 { "cues: " } else { ", " };
        let _ = write!(line, "{separator}{} \"{}\"", cue.kind, collapse(&cue.text));
    }
    for (index, quantity) in claim.quantities.iter().enumerate() {
        let separator = match (index, line.is_empty()) {
            (0, true) => "quantities: ",
            (0, false) => "; quantities: ",
            _ => ", ",
        };
        let _ = write!(
            line,
            "{separator}{} \"{}\"",
            quantity.kind,
            collapse(&quantity.text)
        );
    }
    if !line.is_empty() {
        let _ = writeln!(out, "    {line}");
    }
}

/// The words with every run of white space as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
