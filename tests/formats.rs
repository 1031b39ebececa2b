//! Layouts the seeds do not cover, as small documents in the shapes real
//! sources publish: each with the roles and speakers it must give.

use claimtrack::{Document, Layout};

use crate::invariants;

/// `(name, document, layout, expected "role speaker" per turn, dropped count)`.
const FORMATS: &[(&str, &str, Layout, &[&str], usize)] = &[
    (
        "radio transcript with NAME, ROLE labels and a label on its own line",
        "Ukraine's president says the counteroffensive is underway\n\nMay 5, 2023, 5:00 AM ET\n\n\
         STEVE INSKEEP, HOST:\n\nUkraine's president says his forces are ready.\n\n\
         (SOUNDBITE OF ARCHIVED RECORDING)\n\n\
         VOLODYMYR ZELENSKYY: (Through interpreter) We are ready.\n\n\
         INSKEEP: Joanna, what did he mean?\n\n\
         JOANNA KAKISSIS, BYLINE: He meant the spring offensive.\n\n\
         INSKEEP: Is there evidence of that?\n\n\
         KAKISSIS: There are signs. Convoys have moved east.\n\n\
         Copyright © 2023 NPR. All rights reserved.",
        Layout::SpeakerLabels,
        &[
            "title -",
            "other -",
            "question STEVE INSKEEP, HOST",
            "other -",
            "answer VOLODYMYR ZELENSKYY",
            "question INSKEEP",
            "answer JOANNA KAKISSIS, BYLINE",
            "question INSKEEP",
            "answer KAKISSIS",
        ],
        1,
    ),
    (
        "cable news with party and state after the name",
        "WOLF BLITZER, CNN HOST: Senator, thanks for joining us.\n\n\
         SEN. LINDSEY GRAHAM (R), SOUTH CAROLINA: Thanks for having me.\n\n\
         BLITZER: Will the Senate pass it?\n\n\
         GRAHAM: I think it will.\n\n\
         (COMMERCIAL BREAK)",
        Layout::SpeakerLabels,
        &[
            "question WOLF BLITZER, CNN HOST",
            "answer SEN. LINDSEY GRAHAM (R), SOUTH CAROLINA",
            "question BLITZER",
            "answer GRAHAM",
            "other -",
        ],
        0,
    ),
    (
        "official transcript with a publication footer",
        "Interview to Rossiya TV channel\n\nJune 18, 2023\n\n\
         Pavel Zarubin: Mr President, how is it going?\n\n\
         Vladimir Putin: It is going badly for them.\n\n\
         Pavel Zarubin: Will there be a second wave?\n\n\
         Vladimir Putin: There is no need for that today.\n\n\
         Publication status\nPublished in sections: News, Transcripts\n\
         Direct link: http://en.kremlin.ru/events/president/news/71452",
        Layout::SpeakerLabels,
        &[
            "title -",
            "other -",
            "question Pavel Zarubin",
            "answer Vladimir Putin",
            "question Pavel Zarubin",
            "answer Vladimir Putin",
        ],
        3,
    ),
    (
        "italic questions and a photo credit",
        "Prize winner: 'Nobody told me maths could be beautiful'\n\n\
         *When did you first fall in love with maths?*\n\nAt school, when I was nine.\n\n\
         *What did the prize mean to you?*\n\nIt meant a lot.\n\nPhotograph: Jane Doe/The Guardian\n\n\
         *What are you working on now?*\n\nA conjecture about random graphs.",
        Layout::Emphasis,
        &[
            "title -",
            "question -",
            "answer -",
            "question -",
            "answer -",
            "other -",
            "question -",
            "answer -",
        ],
        0,
    ),
    (
        "Wikinews double-bracket interviewer",
        "Wikinews interviews Jane Smith\n\n((Wikinews)) Why are you running?\n\n\
         Jane Smith: Because the city needs a change.\n\n((Wikinews)) What will you do first?\n\n\
         Jane Smith: Build 5,000 homes.\n\nSources\n\nShare this:",
        Layout::SpeakerLabels,
        &[
            "title -",
            "question Wikinews",
            "answer Jane Smith",
            "question Wikinews",
            "answer Jane Smith",
        ],
        2,
    ),
    (
        "Congressional Record labels ending in a full stop",
        "The CHAIRMAN. The committee will come to order. Mr. Smith, you are recognized.\n\n\
         Mr. SMITH. Thank you. Dr. Lee, is the drug safe?\n\n\
         Dr. LEE. The data show that it is.\n\n\
         Mr. SMITH. And the trials?\n\n\
         Dr. LEE. They enrolled 4,870 patients.",
        Layout::SpeakerLabels,
        // The chair only opens and gives the floor: `other`.
        &[
            "other The CHAIRMAN",
            "question Mr. SMITH",
            "answer Dr. LEE",
            "question Mr. SMITH",
            "answer Dr. LEE",
        ],
        0,
    ),
    (
        "only questions labelled, answers plain",
        "Q: Why did you leave?\n\nBecause the club changed.\n\nIt was time.\n\nQ: What next?\n\nA rest.",
        Layout::QaLabels,
        &["question Q", "answer -", "question Q", "answer -"],
        0,
    ),
    (
        "one paragraph per line, no blank lines",
        "Talks in Minsk end without a deal\nWhy did Lavrov come?\nHe came for the treaty, which was signed in 2021.\nWill it change anything?\nNo.\nRelated articles\nBelarus and Russia sign oil deal",
        Layout::Bare,
        &[
            "title -",
            "question -",
            "answer -",
            "question -",
            "answer -",
        ],
        2,
    ),
    (
        "questions in capitals",
        "A chat with the coach\n\nWHAT IS THE PLAN FOR SATURDAY?\n\nWe will attack from the start.\n\n\
         ARE YOU WORRIED ABOUT THE INJURIES?\n\nNo. Reid trained on Tuesday.",
        Layout::Emphasis,
        &[
            "title -",
            "question -",
            "answer -",
            "question -",
            "answer -",
        ],
        0,
    ),
    (
        "bare interview without a headline",
        "Why did Lavrov come?\n\nHe came for the treaty.\n\nWill it change anything?\n\nNo.",
        Layout::Bare,
        &["question -", "answer -", "question -", "answer -"],
        0,
    ),
    (
        "a question without a question mark after an answer",
        "Battery plans\n\nWhen will Leipzig open?\n\nNext year.\n\nTell us about the workforce.\n\nWe will hire 900 people.",
        Layout::Bare,
        &[
            "title -",
            "question -",
            "answer -",
            "question -",
            "answer -",
        ],
        0,
    ),
];

#[test]
fn unseen_formats() {
    let mut failures = Vec::new();
    for (name, text, layout, expected, dropped) in FORMATS {
        let doc = Document::parse(text).unwrap();
        invariants::check(&doc);
        let got: Vec<String> = doc
            .turns()
            .iter()
            .map(|turn| {
                let role = format!("{:?}", turn.role()).to_lowercase();
                format!("{role} {}", doc.speaker_name(turn).unwrap_or("-"))
            })
            .collect();
        if doc.layout() != *layout || got != *expected || doc.dropped().len() != *dropped {
            failures.push(format!(
                "{name}: layout {:?} (want {layout:?}), dropped {} (want {dropped})\n  got  {got:?}\n  want {expected:?}",
                doc.layout(),
                doc.dropped().len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
