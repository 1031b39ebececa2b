//! The sentence table: hard cases of real interview text, each with the
//! sentences it must split into.

use super::*;

/// `(input, expected sentences)`.
const TABLE: &[(&str, &[&str])] = &[
    // Plain stops.
    ("One. Two.", &["One.", "Two."]),
    ("Is it? Yes!", &["Is it?", "Yes!"]),
    ("Really?! No.", &["Really?!", "No."]),
    ("No stop at the end", &["No stop at the end"]),
    (
        "  Leading and trailing space.  ",
        &["Leading and trailing space."],
    ),
    // Titles and honorifics.
    (
        "Mr. Price spoke. He left.",
        &["Mr. Price spoke.", "He left."],
    ),
    (
        "MR. PRICE: Good afternoon.",
        &["MR. PRICE: Good afternoon."],
    ),
    ("We met Dr. Hessler today.", &["We met Dr. Hessler today."]),
    (
        "Gen. Volkov arrived. Then he spoke.",
        &["Gen. Volkov arrived.", "Then he spoke."],
    ),
    (
        "Sen. Whitfield asked first.",
        &["Sen. Whitfield asked first."],
    ),
    (
        "Mrs. Lund and Ms. Berg agreed.",
        &["Mrs. Lund and Ms. Berg agreed."],
    ),
    (
        "Prof. Solberg disagreed. Why?",
        &["Prof. Solberg disagreed.", "Why?"],
    ),
    (
        "Lt. Col. Harris confirmed it.",
        &["Lt. Col. Harris confirmed it."],
    ),
    // Company suffixes.
    (
        "Acme Inc. reported a loss.",
        &["Acme Inc. reported a loss."],
    ),
    (
        "He works at Acme Inc. The firm is small.",
        &["He works at Acme Inc.", "The firm is small."],
    ),
    (
        "Shares of Halvorsen Corp. CEO Erik Vang rose.",
        &["Shares of Halvorsen Corp. CEO Erik Vang rose."],
    ),
    ("Nordic Co. Ltd. was sold.", &["Nordic Co. Ltd. was sold."]),
    // Latin and inner abbreviations.
    (
        "Smith vs. Jones was decided.",
        &["Smith vs. Jones was decided."],
    ),
    (
        "Some cars, e.g. the Model 3, sold well.",
        &["Some cars, e.g. the Model 3, sold well."],
    ),
    (
        "Use units, i.e. tonnes. Then convert.",
        &["Use units, i.e. tonnes.", "Then convert."],
    ),
    (
        "It costs approx. 5 million.",
        &["It costs approx. 5 million."],
    ),
    (
        "Apples, pears, etc. The list goes on.",
        &["Apples, pears, etc.", "The list goes on."],
    ),
    (
        "Apples, pears, etc. and more.",
        &["Apples, pears, etc. and more."],
    ),
    ("Cf. Table 2 for details.", &["Cf. Table 2 for details."]),
    // Numbers after abbreviations.
    ("He is No. 5 in the list.", &["He is No. 5 in the list."]),
    ("See p. 12 and pp. 14-15.", &["See p. 12 and pp. 14-15."]),
    (
        "He said no. Then he left.",
        &["He said no.", "Then he left."],
    ),
    ("Vol. 3 is out.", &["Vol. 3 is out."]),
    // Months.
    (
        "It happened on Jan. 5 in Minsk.",
        &["It happened on Jan. 5 in Minsk."],
    ),
    (
        "The deal was signed on Sept. 11, 2023.",
        &["The deal was signed on Sept. 11, 2023."],
    ),
    (
        "Talks resume in Oct. The date is set.",
        &["Talks resume in Oct.", "The date is set."],
    ),
    // Initials.
    ("J. R. Smith wrote it.", &["J. R. Smith wrote it."]),
    ("George W. Bush visited.", &["George W. Bush visited."]),
    (
        "We chose plan B. It worked.",
        &["We chose plan B.", "It worked."],
    ),
    (
        "J. K. Rowling and E. B. White met.",
        &["J. K. Rowling and E. B. White met."],
    ),
    // Country and dotted abbreviations, inside and at the end.
    ("The U.S. economy grew.", &["The U.S. economy grew."]),
    (
        "Sanctions by the U.S. They work.",
        &["Sanctions by the U.S.", "They work."],
    ),
    ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
    (
        "Both the U.K. and the E.U. agreed.",
        &["Both the U.K. and the E.U. agreed."],
    ),
    (
        "It is a matter for the E.U. We are not members.",
        &["It is a matter for the E.U.", "We are not members."],
    ),
    (
        "He lives in Washington, D.C. The city is big.",
        &["He lives in Washington, D.C.", "The city is big."],
    ),
    (
        "She has a Ph.D. in physics.",
        &["She has a Ph.D. in physics."],
    ),
    ("U.S.-led talks stalled.", &["U.S.-led talks stalled."]),
    ("It ended in the U.S.", &["It ended in the U.S."]),
    // Decimals, money, percentages.
    (
        "Growth was 3.5 percent. It slowed.",
        &["Growth was 3.5 percent.", "It slowed."],
    ),
    (
        "It cost $4.2 billion. Then more.",
        &["It cost $4.2 billion.", "Then more."],
    ),
    (
        "Inflation hit 3.2%. Prices rose.",
        &["Inflation hit 3.2%.", "Prices rose."],
    ),
    (
        "The fee was €35.5m in 2023. It was paid.",
        &["The fee was €35.5m in 2023.", "It was paid."],
    ),
    (
        "Revenue was NOK 48.3 billion.",
        &["Revenue was NOK 48.3 billion."],
    ),
    (
        "It grew by 5. 6 more came later.",
        &["It grew by 5.", "6 more came later."],
    ),
    // Times.
    (
        "We start at 5 p.m. on Friday.",
        &["We start at 5 p.m. on Friday."],
    ),
    (
        "We start at 5 p.m. The doors open at 4.",
        &["We start at 5 p.m.", "The doors open at 4."],
    ),
    (
        "It ended at 11:42 A.M. EDT today.",
        &["It ended at 11:42 A.M. EDT today."],
    ),
    (
        "The briefing began at 2:14 p.m. Eastern time.",
        &["The briefing began at 2:14 p.m. Eastern time."],
    ),
    // Ellipses.
    ("I was... well, surprised.", &["I was... well, surprised."]),
    (
        "We waited... Nothing happened.",
        &["We waited...", "Nothing happened."],
    ),
    (
        "We waited… Nothing happened.",
        &["We waited…", "Nothing happened."],
    ),
    ("And then… nothing.", &["And then… nothing."]),
    (
        "He paused . . . and went on.",
        &["He paused . . . and went on."],
    ),
    // Closing quotes and brackets after the stop.
    (
        "He said, \"We will win.\" Then he left.",
        &["He said, \"We will win.\"", "Then he left."],
    ),
    (
        "He said, “We will win.” Then he left.",
        &["He said, “We will win.”", "Then he left."],
    ),
    (
        "She said: 'No.' That was all.",
        &["She said: 'No.'", "That was all."],
    ),
    (
        "(See the annex.) The rest follows.",
        &["(See the annex.)", "The rest follows."],
    ),
    (
        "It is final [sic.] Nobody objects.",
        &["It is final [sic.]", "Nobody objects."],
    ),
    // Question and exclamation marks inside quotes.
    ("\"Why now?\" she asked.", &["\"Why now?\" she asked."]),
    (
        "He asked, “Why now?” and left.",
        &["He asked, “Why now?” and left."],
    ),
    ("“Stop!” The crowd froze.", &["“Stop!”", "The crowd froze."]),
    ("Who knows? Not me.", &["Who knows?", "Not me."]),
    (
        "Was it too ambitious? In hindsight, yes.",
        &["Was it too ambitious?", "In hindsight, yes."],
    ),
    // URLs and e-mail addresses.
    (
        "Read it at www.example.com. It is free.",
        &["Read it at www.example.com.", "It is free."],
    ),
    (
        "See https://example.com/a.b?c=d for more.",
        &["See https://example.com/a.b?c=d for more."],
    ),
    (
        "Write to press@example.org. We answer.",
        &["Write to press@example.org.", "We answer."],
    ),
    // Stage notes.
    (
        "Yes. (Laughs.) But seriously.",
        &["Yes.", "(Laughs.)", "But seriously."],
    ),
    (
        "We will win [inaudible] next year.",
        &["We will win [inaudible] next year."],
    ),
    (
        "It was close (laughter) but we won.",
        &["It was close (laughter) but we won."],
    ),
    ("Thank you. (Laughter.)", &["Thank you.", "(Laughter.)"]),
    (
        "That's it [crosstalk]. No, let me finish.",
        &["That's it [crosstalk].", "No, let me finish."],
    ),
    (
        "Calmer than I expected. (laughs) Ask me again.",
        &["Calmer than I expected.", "(laughs) Ask me again."],
    ),
    (
        "We're not customers. (laughs)",
        &["We're not customers.", "(laughs)"],
    ),
    (
        "Allies of the U.S. (and Canada) agree.",
        &["Allies of the U.S. (and Canada) agree."],
    ),
    (
        "It ended. [inaudible] Then we left.",
        &["It ended.", "[inaudible] Then we left."],
    ),
    // Lists, markup and odd spacing.
    ("1. First point is this.", &["1. First point is this."]),
    (
        "**Why did you leave?** Because.",
        &["**Why did you leave?**", "Because."],
    ),
    ("One.\u{a0}Two.", &["One.", "Two."]),
    ("One.\r\nTwo.", &["One.", "Two."]),
    ("One.  Two.", &["One.", "Two."]),
    (
        "A line\nwrapped here. Next.",
        &["A line\nwrapped here.", "Next."],
    ),
    (
        "Dashes – en and em — stay. Fine.",
        &["Dashes – en and em — stay.", "Fine."],
    ),
    (
        "It’s Lukashenka’s. Isn’t it?",
        &["It’s Lukashenka’s.", "Isn’t it?"],
    ),
    ("Они пришли. Мы ушли.", &["Они пришли.", "Мы ушли."]),
];

fn split(text: &str) -> Vec<&str> {
    Segmenter::default_ref()
        .sentences(text)
        .into_iter()
        .map(|span| span.slice(text))
        .collect()
}

#[test]
fn sentence_table() {
    assert!(TABLE.len() >= 60, "the table must keep at least 60 cases");
    let failures: Vec<String> = TABLE
        .iter()
        .filter_map(|(input, expected)| {
            let got = split(input);
            (got != *expected)
                .then(|| format!("{input:?}\n   expected {expected:?}\n   got      {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn builtin_lexicons_compile() {
    assert!(SegmenterBuilder::new().build().is_ok());
}

#[test]
fn user_entries_extend_the_lexicons() {
    let text = "We met Cllr. Jones. He agreed.";
    assert_eq!(split(text), ["We met Cllr.", "Jones.", "He agreed."]);
    let segmenter = SegmenterBuilder::new()
        .abbreviation("Cllr.", AbbreviationKind::Title)
        .build()
        .unwrap();
    let sentences: Vec<_> = segmenter
        .sentences(text)
        .into_iter()
        .map(|s| s.slice(text))
        .collect();
    assert_eq!(sentences, ["We met Cllr. Jones.", "He agreed."]);
}

#[test]
fn bad_user_entries_are_typed_errors() {
    assert!(
        SegmenterBuilder::new()
            .abbreviation("", AbbreviationKind::Title)
            .build()
            .is_err()
    );
    assert!(
        SegmenterBuilder::new()
            .abbreviation("two words", AbbreviationKind::Title)
            .build()
            .is_err()
    );
    assert!(
        SegmenterBuilder::new()
            .sentence_starter("Ärger")
            .build()
            .is_err()
    );
}

#[test]
fn region_is_respected_and_bad_regions_give_nothing() {
    let text = "Skip. Take this one. And this.";
    let mut out = Vec::new();
    Segmenter::default_ref().split_into(text, Span::new(6, text.len()), &mut out);
    let got: Vec<_> = out.iter().map(|s| s.slice(text)).collect();
    assert_eq!(got, ["Take this one.", "And this."]);

    let text = "Лукашенко.";
    out.clear();
    Segmenter::default_ref().split_into(text, Span::new(1, 5), &mut out);
    Segmenter::default_ref().split_into(text, Span::new(0, 500), &mut out);
    assert!(out.is_empty());
}

#[test]
fn whitespace_only_gives_no_sentence() {
    assert!(split(" \n\t\u{a0} ").is_empty());
    assert!(split("").is_empty());
}

/// Splits with a 64-byte cap, returning the pieces and the cuts.
fn capped(text: &str) -> (Vec<&str>, Vec<usize>) {
    let segmenter = SegmenterBuilder::new()
        .max_sentence_bytes(64)
        .build()
        .expect("builds");
    let (mut out, mut cuts) = (Vec::new(), Vec::new());
    segmenter.split_region(text, Span::new(0, text.len()), &mut out, &mut cuts);
    (out.iter().map(|s| s.slice(text)).collect(), cuts)
}

#[test]
fn an_over_long_sentence_is_cut_at_white_space_and_loses_nothing() {
    let text = "the cable said that prices will rise ".repeat(5) + "at last.";
    let (pieces, cuts) = capped(&text);
    assert_eq!(pieces.len(), cuts.len() + 1);
    assert!(pieces.iter().all(|p| p.len() <= 64 && p.trim() == *p));
    // Every piece ends at a word's end, and the words are all there.
    let rejoined: Vec<&str> = pieces.iter().flat_map(|p| p.split(' ')).collect();
    let original: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(rejoined, original);
    // Short sentences are untouched and nothing is reported.
    assert_eq!(
        capped("Short. Sentences."),
        (vec!["Short.", "Sentences."], vec![])
    );
}

#[test]
fn a_word_longer_than_the_cap_is_cut_on_a_char_boundary() {
    let text = "ж".repeat(100);
    let (pieces, cuts) = capped(&text);
    assert_eq!(pieces.concat(), text);
    assert_eq!(cuts, [64, 128, 192]);
    assert!(pieces.iter().all(|p| p.len() <= 64));
}

#[test]
fn the_cap_has_a_floor() {
    let segmenter = SegmenterBuilder::new()
        .max_sentence_bytes(1)
        .build()
        .expect("builds");
    assert_eq!(segmenter.max_sentence_bytes(), 64);
    assert_eq!(
        Segmenter::default_ref().max_sentence_bytes(),
        DEFAULT_MAX_SENTENCE_BYTES
    );
}
