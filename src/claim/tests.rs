//! The claim table: sentences in an answer, each with the claims it must
//! give — actor, polarity, certainty, evidence and time.

use super::*;

/// `(answer sentence, expected claims as "actor polarity certainty evidence time")`.
const TABLE: &[(&str, &[&str])] = &[
    // Report and evidence frames that only look hidden.
    (
        "Kowalski has confirmed that the ship sank.",
        &["- positive certain reported past"],
    ),
    (
        "Nowak said on the radio that the ship was sinking.",
        &["- positive certain reported past"],
    ),
    (
        "Our modelling shows that prices will fall.",
        &["- positive certain evidenced future"],
    ),
    (
        "Nobody who has looked at the numbers would say so.",
        &["- negative certain asserted present"],
    ),
    // Evidence pointed to after the fact, and reports before, inside and
    // after the proposition.
    (
        "The convoy crossed the border in March, satellite images show.",
        &["- positive certain evidenced past"],
    ),
    (
        "Exports fell by a third last year, the records show.",
        &["- positive certain evidenced past"],
    ),
    (
        "As the minister has said many times, the economy is at a turning point.",
        &["- positive certain reported present"],
    ),
    (
        "The economy, as the minister has noted, is at a turning point.",
        &["- positive certain reported present"],
    ),
    (
        "As I said, the economy is at a turning point.",
        &["- positive certain asserted present"],
    ),
    (
        "The plant, according to the union, will close in May.",
        &["- positive certain reported future"],
    ),
    (
        "Prices rose last year according to the statistics office.",
        &["- positive certain reported past"],
    ),
    (
        "Everything went according to plan.",
        &["- positive certain asserted past"],
    ),
    // Coordinated clauses with subjects of their own are claims of their
    // own.
    (
        "The tax must be paid by June or we lose the licence.",
        &[
            "- positive certain asserted present",
            "- positive certain asserted present",
        ],
    ),
    (
        "The tax must be paid by June, or the licence would lapse.",
        &[
            "- positive certain asserted present",
            "- positive certain asserted present",
        ],
    ),
    // Fragments that break off are no claims; an imperative hands over its
    // complement.
    ("I guess.", &[]),
    ("I think the —", &[]),
    ("I would need —", &[]),
    ("I also assumed.", &[]),
    ("They did.", &["- positive certain asserted past"]),
    (
        "Remember that a blanket ban would push the trade abroad.",
        &["- positive certain asserted present"],
    ),
    (
        "Let me just say that the plant closed in May.",
        &["- positive certain asserted past"],
    ),
    // The speaker's own words are no report.
    (
        "Looking ahead, I would say that prices will fall.",
        &["- positive probable asserted future"],
    ),
    // An appearance inside a wh-clause is talked about, not inferred.
    (
        "We studied why nature looks like it looks.",
        &["- positive certain asserted past"],
    ),
    (
        "The plant looks like it will close.",
        &["- positive certain inferred future"],
    ),
    // A reply word set off before a stance is no source.
    (
        "Yeah, I think the plant works.",
        &["- positive probable asserted present"],
    ),
    // Agentless reports.
    (
        "It was found that the payments were illegal.",
        &["- positive certain reported past"],
    ),
    (
        "The inquiry concluded that the payments were illegal.",
        &["- positive certain reported past"],
    ),
    // Hedges of real speech.
    (
        "My understanding is that the plant closed in May.",
        &["- positive probable asserted past"],
    ),
    (
        "If I remember correctly, the plant closed in May.",
        &["- positive probable asserted past"],
    ),
    (
        "I would estimate that the plant employs 400 people.",
        &["- positive probable asserted present"],
    ),
    // A hedge in a relative clause is that clause's own.
    (
        "The bank built a reserve that could cover two years.",
        &["- positive certain asserted past"],
    ),
    (
        "The rules that firms might ignore are new.",
        &["- positive certain asserted present"],
    ),
    (
        "The bank could build a reserve that covers two years.",
        &["- positive possible asserted future"],
    ),
    // A fronted phrase and a limit do not negate the clause.
    (
        "Without going into the details, the office was merged into a new agency.",
        &["- positive certain asserted past"],
    ),
    (
        "The tax must be paid no later than June.",
        &["- positive certain asserted present"],
    ),
    // A plural noun before a perfect is its subject, not a verb.
    (
        "The growth forecasts have been downgraded.",
        &["- positive certain asserted past"],
    ),
    (
        "The Central Bank reserves have already reached $412 billion.",
        &["Central Bank positive certain asserted past"],
    ),
    // "have got" is "have"; a future in a clause after the verb dates only
    // that clause.
    (
        "The ministers have got a lot of work.",
        &["- positive certain asserted present"],
    ),
    (
        "The statement makes clear what the response will be.",
        &["- positive certain asserted present"],
    ),
    // The future of a past moment is past.
    (
        "The board had decided the merger was going to happen.",
        &["- positive certain asserted past"],
    ),
    (
        "The ministers were going to sell the plant.",
        &["- positive certain asserted past"],
    ),
    // Perfects behind a contraction or a floating quantifier look back.
    (
        "There's been some concern about the loans.",
        &["- positive certain asserted past"],
    ),
    (
        "The ministers have both spoken about the tolls.",
        &["- positive certain asserted past"],
    ),
    (
        "I mean they spoke about the tolls.",
        &["- positive certain asserted past"],
    ),
    // "That is why …" and "this is how …" lead into the clause that has the
    // actor and the time.
    (
        "That's why Poland has always supported the pipeline.",
        &["Poland positive certain asserted past"],
    ),
    (
        "This is how the tolls ended up in court.",
        &["- positive certain asserted past"],
    ),
    (
        "That is because Poland wants the pipeline.",
        &["Poland positive certain asserted present"],
    ),
    (
        "Which is why Poland will build the pipeline.",
        &["Poland positive certain asserted future"],
    ),
    (
        "This is because of the new tolls.",
        &["- positive certain asserted present"],
    ),
    (
        "The minister said on Monday that the tolls will go.",
        &["- positive certain reported future"],
    ),
    // Plain statements, tense and negation.
    (
        "Putin stabilizes his internal position.",
        &["Putin positive certain asserted present"],
    ),
    (
        "Belarus cannot reduce the impact of sanctions on Russia.",
        &["Belarus negative certain asserted present"],
    ),
    (
        "Shoigu had flown to Minsk before.",
        &["Shoigu positive certain asserted past"],
    ),
    (
        "Lukashenka signed the treaty a year ago.",
        &["Lukashenka positive certain asserted past"],
    ),
    (
        "The process will continue.",
        &["- positive certain asserted future"],
    ),
    (
        "Putin is going to visit Minsk.",
        &["Putin positive certain asserted future"],
    ),
    (
        "Nobody in the government has asked us to change anything.",
        &["- negative certain asserted past"],
    ),
    (
        "Our No. 1, Lewis Harkness, has made some big saves.",
        &["Lewis Harkness positive certain asserted past"],
    ),
    (
        "Tom Ellery is unlikely to make it.",
        &["Tom Ellery negative probable asserted present"],
    ),
    (
        "I told Mr. Grant in September that I did not want to discuss it.",
        &["- negative certain asserted past"],
    ),
    (
        "The problems we saw in 2021 are behind us.",
        &["- positive certain asserted present"],
    ),
    (
        "At most labs I know, it is somewhere between 2% and 5% of staff.",
        &["- positive certain asserted present"],
    ),
    (
        "Today Putin is visiting a bridge that the law he signed two years ago pays for.",
        &["Putin positive certain asserted present"],
    ),
    (
        "Lukashenka is in Minsk, up from a year ago.",
        &["Lukashenka positive certain asserted present"],
    ),
    (
        "Lukashenka met Putin a year ago.",
        &["Lukashenka positive certain asserted past"],
    ),
    (
        "The political will to act is weak.",
        &["- positive certain asserted present"],
    ),
    (
        "The arithmetic no longer works.",
        &["- negative certain asserted present"],
    ),
    (
        "Putin meets Lukashenka in the coming weeks.",
        &["Putin positive certain asserted future"],
    ),
    (
        "Lukashenka eventually signed the treaty.",
        &["Lukashenka positive certain asserted past"],
    ),
    // Evidence frames: a negated frame does not negate the proposition.
    (
        "There is no evidence that Putin asked Lukashenka to join the war.",
        &["Putin positive unknown lacking past"],
    ),
    (
        "There are a lot of signs that Putin is pleased.",
        &["Putin positive certain evidenced present"],
    ),
    (
        "We have no signs of agreements along the Lavrov line.",
        &["Lavrov positive unknown lacking present"],
    ),
    (
        "The data show that Belarus exports more oil.",
        &["Belarus positive certain evidenced present"],
    ),
    (
        "Nothing in Russia's behavior suggests it is ready to stop.",
        &["Russia positive unknown lacking present"],
    ),
    // Report frames.
    (
        "Lukashenka said that Belarus was able to reduce the impact.",
        &["Belarus positive certain reported past"],
    ),
    (
        "According to Lukashenka, Belarus reduced the impact.",
        &["Belarus positive certain reported past"],
    ),
    (
        "Belarus reduced the impact, Lukashenka said.",
        &["Belarus positive certain reported past"],
    ),
    (
        "Prices will rise, the minister said in a statement.",
        &["- positive certain reported future"],
    ),
    (
        "Prices will rise, she told reporters on Monday.",
        &["- positive certain reported future"],
    ),
    (
        "Prices will rise, as the minister said.",
        &["- positive certain reported future"],
    ),
    // A report verb with its clause right after it, no "that".
    (
        "Critics say tariffs will push prices up.",
        &["- positive certain reported future"],
    ),
    (
        "The ministry says the economy is booming.",
        &["- positive certain reported present"],
    ),
    (
        "Some analysts say Chinese rivals will undercut you.",
        &["China positive certain reported future"],
    ),
    // A noun before the verb is not a report verb: "tax" takes no clause.
    (
        "Sales tax receipts are up this year.",
        &["- positive certain asserted present"],
    ),
    // A clause after a comma is no trailing report, even with a report verb.
    (
        "Prices will probably rise, though nobody can promise that.",
        &["- positive probable asserted future"],
    ),
    // Adverbs between the evidence noun and its "that".
    (
        "There is no evidence yet that the tariffs raised prices.",
        &["- positive unknown lacking past"],
    ),
    (
        "We have seen no sign so far that demand is slowing.",
        &["- positive unknown lacking present"],
    ),
    (
        "Lukashenka denies that Belarus helped Russia.",
        &["Belarus negative certain reported past"],
    ),
    // Hedges.
    (
        "It is unlikely that Putin will sign any breakthrough document.",
        &["Putin negative probable asserted future"],
    ),
    (
        "Perhaps Putin will visit Minsk.",
        &["Putin positive possible asserted future"],
    ),
    (
        "I think Putin will visit Minsk.",
        &["Putin positive probable asserted future"],
    ),
    (
        "I don't think Putin will visit Minsk.",
        &["Putin negative probable asserted future"],
    ),
    (
        "Where this will go is unclear.",
        &["- positive unknown asserted future"],
    ),
    (
        "Putin will certainly visit Minsk.",
        &["Putin positive certain asserted future"],
    ),
    (
        "Putin could not possibly win.",
        &["Putin negative certain asserted future"],
    ),
    // Inference.
    (
        "All this does not look like a campaign of pressure.",
        &["- negative certain inferred present"],
    ),
    // Negation scope stays in its clause.
    (
        "There was no progress on oil, but Belarus got a deal on gas.",
        &[
            "- negative certain asserted past",
            "Belarus positive certain asserted past",
        ],
    ),
    (
        "Protests will stumble not only on the Belarusian machine, but also on the Russian one.",
        &["- positive certain asserted future"],
    ),
    (
        "There is no doubt that Putin won.",
        &["Putin positive certain asserted past"],
    ),
    // Clauses: coordination, shared subjects, relative clauses.
    (
        "Shoigu flew to Minsk, and they signed a protocol.",
        &[
            "Shoigu positive certain asserted past",
            "Shoigu positive certain asserted past",
        ],
    ),
    (
        "Putin is pleased and regularly rewards Lukashenka.",
        &[
            "Putin positive certain asserted present",
            "Putin positive certain asserted present",
        ],
    ),
    (
        "They met the Tax Committee, which has no power.",
        &[
            "- positive certain asserted past",
            "Tax Committee negative certain asserted present",
        ],
    ),
    // Not claims.
    ("Do not treat this as a political signal.", &[]),
    ("Thank you for having me.", &[]),
    (
        "A short update first and then I'll take your questions.",
        &[],
    ),
    ("Readers can contact us at desk@example.org.", &[]),
    ("Why would anyone believe that?", &[]),
];

fn describe(extraction: &Extraction, claim: &Claim) -> String {
    let _ = extraction;
    format!(
        "{} {} {} {} {}",
        claim.actor.as_ref().map_or("-", |a| a.name.as_str()),
        claim.polarity,
        claim.certainty,
        claim.evidence,
        claim.time
    )
}

#[test]
fn claim_table() {
    let mut failures = Vec::new();
    for (sentence, expected) in TABLE {
        let text = format!("Talks in Minsk\n\nWhat happened?\n\n{sentence}");
        let extraction = extract(&text).unwrap();
        let got: Vec<String> = extraction
            .statements()
            .filter(|claim| {
                extraction
                    .document
                    .turns
                    .get(claim.turn)
                    .is_some_and(|t| t.role == crate::Role::Answer)
            })
            .map(|claim| describe(&extraction, claim))
            .collect();
        if got != *expected {
            failures.push(format!(
                "{sentence:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

/// A frame with nothing after it ("there is no evidence that" and only
/// invisible characters) asserts nothing: no claim, and never an
/// assertion outside its claim. Found by the property tests.
#[test]
fn a_frame_without_a_proposition_is_no_claim() {
    for text in [
        "there is no evidence that\u{feff}\u{202e}\na",
        "Why?\n\nThere is no evidence that \u{200b}.",
        "there is no evidence that \u{301}\na",
        "Q: Why?\n\nA: There is no evidence that \u{301}",
        "Q: Why?\n\nA: It is unlikely that \u{202e}",
        "S\nIt\u{2019}s unclear whether :",
    ] {
        let extraction = extract(text).unwrap();
        for claim in &extraction.claims {
            assert!(
                claim.span.contains(claim.assertion_span),
                "{text:?}: {claim:?}"
            );
        }
        assert!(
            extraction.claims.iter().all(|c| !c.text.ends_with("that")),
            "{text:?}"
        );
    }
}

/// The source of a report is who spoke: not a time before it, not the
/// "as" of "as X said".
#[test]
fn a_report_source_leaves_out_time_and_as() {
    for (sentence, source) in [
        (
            "A year ago the minister said the plant would close.",
            "the minister",
        ),
        (
            "Yesterday the minister said the plant would close.",
            "the minister",
        ),
        (
            "The plant will close, as the minister said.",
            "the minister",
        ),
        (
            "The plant will close, the minister said on Monday.",
            "the minister",
        ),
    ] {
        let text = format!("Q: What happened?\n\nA: {sentence}");
        let extraction = extract(&text).unwrap();
        let sources: Vec<&str> = extraction
            .claims
            .iter()
            .filter_map(|claim| claim.attributed_to.as_ref())
            .map(|source| source.text.as_str())
            .collect();
        assert_eq!(sources, [source], "{sentence}");
    }
}

/// A title alone that addresses someone ("Mr President,") is not part of
/// the claim; a fronted time without a comma does not hide the report.
#[test]
fn a_vocative_title_is_left_out_and_a_fronted_time_keeps_the_report() {
    let text = "Q: And the economy?\n\nA: Mr President, the economy grew last year.";
    let extraction = extract(text).unwrap();
    let texts: Vec<&str> = extraction.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["the economy grew last year"]);

    let text = "Q: On Monday you told a newspaper that the plant would close. Why?\n\nA: It will.";
    let extraction = extract(text).unwrap();
    let premise = extraction.claims.first().unwrap();
    assert_eq!(premise.evidence, Evidence::Reported, "{premise:?}");
    assert_eq!(premise.attributed_to.as_ref().unwrap().text, "you");
}

/// A claim keeps a closing quote or bracket only when it opened it.
#[test]
fn a_claim_keeps_only_the_quotes_it_opens() {
    for (answer, want) in [
        (
            "Prices will fall this year\".",
            "Prices will fall this year",
        ),
        ("Prices will fall this year”.", "Prices will fall this year"),
        (
            "The board called it “a reset year”.",
            "The board called it “a reset year”",
        ),
        ("Sales rose (by 4%).", "Sales rose (by 4%)"),
    ] {
        let text = format!("Q: And?\n\nA: {answer}");
        let extraction = extract(&text).unwrap();
        let texts: Vec<&str> = extraction.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [want], "{answer}");
    }
}

/// A verb a user adds to a report family frames a clause without "that"
/// too: the splitter asks the extractor's cue lexicon, not the built-in one.
#[test]
fn a_user_report_verb_frames_a_clause_without_that() {
    let text = "Q: And?\n\nA: Traders speculate prices will fall.";
    let built_in = extract(text).unwrap();
    assert_eq!(
        built_in.claims.first().unwrap().evidence,
        Evidence::Asserted
    );
    let mut builder = Extractor::builder();
    builder.cue(CueFamily::ReportVerb, "speculate");
    let extraction = builder.build().unwrap().extract(text).unwrap();
    let claim = extraction.claims.first().unwrap();
    assert_eq!(claim.evidence, Evidence::Reported, "{claim:?}");
    assert_eq!(claim.attributed_to.as_ref().unwrap().text, "Traders");
}

/// A report before, inside or after its proposition names its source; an
/// inset report is no part of the proposition's subject.
#[test]
fn reports_name_their_source_wherever_they_stand() {
    for (sentence, source, assertion) in [
        (
            "As the minister has said many times, the economy is at a turning point.",
            "the minister",
            "is at a turning point",
        ),
        (
            "The economy, as the minister has noted, is at a turning point.",
            "the minister",
            "is at a turning point",
        ),
        (
            "The plant, according to the union, will close in May.",
            "the union",
            "will close in May",
        ),
        (
            "The tolls will go, the minister said on Monday.",
            "the minister",
            "will go",
        ),
    ] {
        let text = format!("Tolls\n\nWhat happened?\n\n{sentence}");
        let extraction = extract(&text).unwrap();
        let claim = extraction.statements().last().unwrap();
        let attributed = claim.attributed_to.as_ref().map(|a| a.text.as_str());
        assert_eq!(attributed, Some(source), "{sentence}");
        assert_eq!(claim.assertion, assertion, "{sentence}");
        assert_eq!(claim.actor, None, "{sentence}");
    }
}

/// "We" is what the speaker speaks for when the text says it: an office
/// of a country in the speaker's label or before the name, a seat of power
/// (whose "we" is its state); a capital that acts is its state.
#[test]
fn we_and_capitals_stand_for_the_side() {
    let cases = [
        (
            "Talks\n\nJörg Schönenborn: Why?\n\n\
             President of Russia Vladimir Putin: We have reduced this number.\n\n\
             Jörg Schönenborn: And?\n\nVladimir Putin: We have changed the procedure.",
            "Russia",
        ),
        (
            "Talks\n\nVladimir Putin: We welcome Federal Chancellor of Germany Angela \
             Merkel.\n\nAngela Merkel: Thank you.\n\nVladimir Putin: Please go on.\n\n\
             Angela Merkel: We will continue to support this project.",
            "Germany",
        ),
        (
            "Gaggle\n\nMODERATOR: Here is White House National Security Communications Advisor \
             John Kirby.\n\nMR. KIRBY: We sanctioned over 500 targets.",
            "United States",
        ),
        (
            "Talks\n\nQ: And Georgia?\n\nA: Tbilisi has recognized the new government.",
            "Georgia",
        ),
    ];
    for (text, side) in cases {
        let extraction = extract(text).unwrap();
        let claim = extraction.claims.last().unwrap();
        let actor = claim.actor.as_ref().map(|a| a.name.as_str());
        assert_eq!(actor, Some(side), "{text}");
    }
}

/// Only the tail of a sentence may ask: the statement before a tag or a
/// final question is a claim in an answer (and a premise in a question),
/// and the tag's "not" negates nothing.
#[test]
fn a_tag_or_a_final_question_leaves_its_statement() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "The fund was closed, wasn't it?",
            &["- positive certain asserted past"],
        ),
        (
            "Kowalski chairs the board, does he not?",
            &["Kowalski positive certain asserted present"],
        ),
        (
            "The scheme doubled in cost, so who pays for it now?",
            &["- positive certain asserted past"],
        ),
        ("Why did the fund close, and who knew?", &[]),
    ];
    for (sentence, expected) in cases {
        let text = format!("Q: What happened?\n\nA: {sentence}\n\nQ: And then?\n\nA: Nothing.");
        let extraction = extract(&text).unwrap();
        let got: Vec<String> = extraction
            .statements()
            .filter(|claim| claim.text != "Nothing")
            .map(|claim| describe(&extraction, claim))
            .collect();
        assert_eq!(got, expected, "{sentence}");
    }
    let text = "Q: Kowalski chairs the board, does he not?\n\nA: He does.";
    let extraction = extract(text).unwrap();
    let premise = extraction
        .claims
        .iter()
        .find(|claim| claim.kind == ClaimKind::Premise)
        .unwrap();
    assert_eq!(premise.text, "Kowalski chairs the board");
    assert_eq!(premise.polarity, Polarity::Positive);
}
