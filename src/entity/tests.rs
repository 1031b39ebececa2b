//! The resolution table: invented sentences, each with a word and what it
//! must resolve to. Every rule of recognition, resolution, speakers and
//! reference has a row; none is a sentence of a seed.

use super::{Entities, EntityKind, Recognizer};
use crate::document::Document;
use crate::span::Span;

/// What a word of a case must resolve to.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// The entity's canonical name.
    Is(&'static str),
    /// The same entity as another word of the text.
    Same(&'static str),
    /// Another entity than another word of the text.
    Apart(&'static str),
    /// An entity whose name is in doubt (`ambiguous_with` not empty).
    Ambiguous,
    /// No entity at all.
    Nothing,
    /// An entity of this kind.
    Kind(EntityKind),
    /// An entity belonging to this country.
    CountryIs(&'static str),
    /// A name mention of exactly these words (titles left out).
    Words(&'static str),
}

/// A word of the text: "Kim" is its first occurrence as a whole word,
/// "Kim@2" its third.
fn locate(text: &str, word: &str) -> Option<Span> {
    let (needle, nth) = match word.rsplit_once('@') {
        Some((needle, nth)) => (needle, nth.parse::<usize>().ok()?),
        None => (word, 0),
    };
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(start, _)| start)
        .filter(|&start| {
            let before = text.get(..start).and_then(|t| t.chars().next_back());
            let after = text
                .get(start + needle.len()..)
                .and_then(|t| t.chars().next());
            !word_char(before) && !word_char(after)
        })
        .nth(nth)
        .map(|start| Span::new(start, start + needle.len()))
}

/// The entity at a word: a reference starting inside it, else a name
/// mention overlapping it.
fn entity_at(entities: &Entities, span: Span) -> Option<(usize, Span)> {
    let overlaps = |m: &&super::Mention| m.span.start < span.end && span.start < m.span.end;
    entities
        .references()
        .iter()
        .find(overlaps)
        .or_else(|| entities.mentions().iter().find(overlaps))
        .map(|m| (m.entity, m.span))
}

const CASES: &[(&str, &str, Want)] = &[
    // --- Kinds from the gazetteers, a name's head and the text ---
    #[cfg(feature = "gazetteer")]
    (
        "Turnout was high in Massachusetts and Alabama.",
        "Alabama",
        Want::Kind(EntityKind::Place),
    ),
    #[cfg(feature = "gazetteer")]
    (
        "Delegates came from New York and Texas.",
        "Texas",
        Want::Kind(EntityKind::Place),
    ),
    #[cfg(feature = "gazetteer")]
    (
        "The rover found water on Mars.",
        "Mars",
        Want::Kind(EntityKind::Place),
    ),
    #[cfg(feature = "gazetteer")]
    (
        "Trade with Southeast Asia grew.",
        "Southeast Asia",
        Want::Kind(EntityKind::Place),
    ),
    #[cfg(feature = "gazetteer")]
    (
        "The Democratic Party lost the vote.",
        "Democratic Party",
        Want::Kind(EntityKind::Organization),
    ),
    #[cfg(feature = "gazetteer")]
    (
        "We talked to Angela Merkel about it.",
        "Angela Merkel",
        Want::Kind(EntityKind::Person),
    ),
    (
        "Much was inherited from the Soviet Union.",
        "Soviet Union",
        Want::Kind(EntityKind::Country),
    ),
    (
        "They met in the Rayburn House Office Building.",
        "Rayburn House Office Building",
        Want::Kind(EntityKind::Place),
    ),
    (
        "The Singapore-Australia Free Trade Agreement was signed.",
        "Free Trade Agreement",
        Want::Kind(EntityKind::Other),
    ),
    (
        "The people of Afrin have suffered.",
        "Afrin",
        Want::Kind(EntityKind::Place),
    ),
    (
        "I read *This New World* last year.",
        "This New World",
        Want::Kind(EntityKind::Other),
    ),
    (
        "They built the Nord Stream pipeline.",
        "Nord Stream",
        Want::Kind(EntityKind::Other),
    ),
    (
        "Tbilisi has recognized the government.",
        "Tbilisi",
        Want::CountryIs("Georgia"),
    ),
    (
        "We welcome Federal Chancellor of Germany Angela Merkel to Moscow.",
        "Angela Merkel",
        Want::Words("Angela Merkel"),
    ),
    // --- Spelling and transliteration variants ---
    (
        "Lukashenko met Putin. Later Lukashenka spoke.",
        "Lukashenko",
        Want::Same("Lukashenka"),
    ),
    (
        "Zelensky spoke. Then Zelenskyy left.",
        "Zelensky",
        Want::Same("Zelenskyy"),
    ),
    (
        "Zelenskiy spoke. Then Zelensky left.",
        "Zelenskiy",
        Want::Same("Zelensky"),
    ),
    (
        "Tsikhanouskaya spoke. Tikhanovskaya left.",
        "Tsikhanouskaya",
        Want::Same("Tikhanovskaya"),
    ),
    (
        "Navalny spoke. Navalnyi was jailed.",
        "Navalny",
        Want::Same("Navalnyi"),
    ),
    ("Putin met Peskov in Sochi.", "Putin", Want::Apart("Peskov")),
    (
        "Petrowicz spoke. Petrowice answered. Petrowite left.",
        "Petrowite",
        Want::Apart("Petrowicz"),
    ),
    (
        "Petrowicz spoke. Petrowice answered.",
        "Petrowice",
        Want::Same("Petrowicz"),
    ),
    (
        "Lavrov met Lavrin in Sochi.",
        "Lavrov",
        Want::Apart("Lavrin"),
    ),
    (
        "Andrei Zhukouski wrote a paper. Mr. Zhukovsky disagreed with it.",
        "Zhukovsky",
        Want::Same("Andrei Zhukouski"),
    ),
    // --- Possessives, surnames, titles ---
    (
        "We discussed Putin’s plan with Putin.",
        "Putin",
        Want::Same("Putin@1"),
    ),
    (
        "Merkel's party lost. Merkel spoke.",
        "Merkel",
        Want::Same("Merkel@1"),
    ),
    (
        "Ingrid Solberg studies ice. Solberg says it melts.",
        "Solberg@1",
        Want::Is("Ingrid Solberg"),
    ),
    (
        "Then Foreign Minister Sergei Lavrov arrived. Lavrov said nothing.",
        "Lavrov@1",
        Want::Is("Sergei Lavrov"),
    ),
    ("We met Mr. Price in Minsk.", "Price", Want::Words("Price")),
    (
        "We met Gen. Volkov in Minsk.",
        "Volkov",
        Want::Words("Volkov"),
    ),
    (
        "We met President Putin in Minsk.",
        "Putin",
        Want::Words("Putin"),
    ),
    (
        "We met Minister of Climate and Energy Ewa Wrona and Dr. Agnieszka Sobczak.",
        "Wrona",
        Want::Words("Ewa Wrona"),
    ),
    (
        "They signed with the Ministry of Defense.",
        "Ministry",
        Want::Words("Ministry of Defense"),
    ),
    // --- Acronyms ---
    (
        "The Collective Security Treaty Organization (CSTO) met. CSTO troops left.",
        "CSTO@1",
        Want::Is("Collective Security Treaty Organization"),
    ),
    (
        "The EU and the European Union are one.",
        "EU",
        Want::Same("European Union"),
    ),
    (
        "We asked the Joint Grid Office (JGO) and JGO said no.",
        "JGO@1",
        Want::Same("Joint"),
    ),
    // --- Built-in knowledge ---
    (
        "We bought Belarusian potash.",
        "Belarusian",
        Want::Is("Belarus"),
    ),
    (
        "We bought Belarusian potash.",
        "Belarusian",
        Want::Kind(EntityKind::Country),
    ),
    ("Russian troops left.", "Russian", Want::Is("Russia")),
    ("We met in Minsk.", "Minsk", Want::CountryIs("Belarus")),
    // A large city, by any of its spellings.
    (
        "Flights to Kraków resumed.",
        "Kraków",
        Want::CountryIs("Poland"),
    ),
    ("Flights to Cracow resumed.", "Cracow", Want::Is("Kraków")),
    // A title word that begins a known name is part of it ...
    ("We flew to St. Louis.", "Louis", Want::Is("St. Louis")),
    // ... and a personal title makes a person of a place's name.
    (
        "Dr. Houston chaired the panel.",
        "Houston",
        Want::Kind(EntityKind::Person),
    ),
    (
        "Mr. Jordan met the king of Jordan.",
        "Jordan",
        Want::Apart("Jordan@1"),
    ),
    (
        "We asked the Kremlin.",
        "Kremlin",
        Want::CountryIs("Russia"),
    ),
    (
        "Downing Street denied it.",
        "Downing",
        Want::CountryIs("United Kingdom"),
    ),
    ("Bankova denied it.", "Bankova", Want::CountryIs("Ukraine")),
    ("European markets fell.", "European", Want::Is("Europe")),
    (
        "The Baltic Sentry patrol met the Baltic Policy Institute. Ships sail in the Baltic.",
        "Baltic@2",
        Want::Kind(EntityKind::Place),
    ),
    // --- Ambiguity: kept apart unless settled ---
    (
        "Kim Jong Un and Kim Yo Jong met. Kim said no.",
        "Kim@2",
        Want::Ambiguous,
    ),
    (
        "George Herbert Bush and George Walker Bush spoke. Bush smiled.",
        "Bush@2",
        Want::Ambiguous,
    ),
    (
        "Why?\n\nAnna Kowalczyk is the minister.\n\nAnd Piotr Kowalczyk?\n\nPiotr Kowalczyk disagrees. Kowalczyk is wrong.",
        "Kowalczyk@3",
        Want::Is("Piotr Kowalczyk"),
    ),
    (
        "Energy Minister Anna Kowalczyk and MP Piotr Kowalczyk met. Later Minister Kowalczyk left.",
        "Kowalczyk@2",
        Want::Is("Anna Kowalczyk"),
    ),
    (
        "MODERATOR: Welcome, Anna Kowalczyk and Piotr Kowalczyk. She runs the ministry. He leads the opposition.\n\nMS. KOWALCZYK: We will build it.\n\nMR. KOWALCZYK: You will not.",
        "KOWALCZYK",
        Want::Is("Anna Kowalczyk"),
    ),
    (
        "MODERATOR: Welcome, Anna Kowalczyk and Piotr Kowalczyk. She runs the ministry. He leads the opposition.\n\nMS. KOWALCZYK: We will build it.\n\nMR. KOWALCZYK: You will not.",
        "KOWALCZYK@1",
        Want::Is("Piotr Kowalczyk"),
    ),
    // --- Speakers ---
    (
        "MODERATOR: Our guest is Jake Sullivan.\n\nMR. SULLIVAN: Thank you.",
        "SULLIVAN",
        Want::Same("Jake Sullivan"),
    ),
    (
        "MR. HALLORAN: Good afternoon.\n\nQUESTION: Any news?\n\nMR. HALLORAN: None.",
        "HALLORAN",
        Want::Is("Halloran"),
    ),
    // An organisation the knowledge has speaks as itself.
    (
        "DER SPIEGEL: Why?\n\nHOLT: Because.\n\nDER SPIEGEL: And?\n\nHOLT: No.",
        "SPIEGEL",
        Want::Kind(EntityKind::Organization),
    ),
    // A label's role after the comma is not part of the name.
    (
        "JANE DOE, HOST: Welcome.\n\nOLA NORD: Thanks.\n\nDOE: Why?\n\nNORD: Because.",
        "DOE",
        Want::Is("Jane Doe"),
    ),
    // --- Pronouns ---
    (
        "Putin met Lavrov. He said the talks went well.",
        "He",
        Want::Is("Putin"),
    ),
    (
        "Lukashenka praised Putin and thanked him.",
        "him",
        Want::Is("Putin"),
    ),
    (
        "Anna Kowalczyk runs the ministry. She spent years abroad. Her team is small.",
        "Her",
        Want::Is("Anna Kowalczyk"),
    ),
    (
        "Anna Kowalczyk met Piotr Nowak. She thanked him. He left.",
        "He",
        Want::Is("Piotr Nowak"),
    ),
    (
        "The firm was fined by the European Union. It said so.",
        "It",
        Want::Nothing,
    ),
    (
        "NATO expanded, and its members agreed.",
        "its",
        Want::Same("NATO"),
    ),
    (
        "Russia and Belarus signed a deal. They will integrate further.",
        "They",
        Want::Is("Russia"),
    ),
    // --- Descriptions ---
    (
        "Belarus depends on cheap gas. The country cannot pay.",
        "country",
        Want::Is("Belarus"),
    ),
    (
        "The Ministry of Defense signed it. Later the ministry denied it.",
        "ministry",
        Want::Is("Ministry of Defense"),
    ),
    (
        "Belarusian President Alexander Lukashenko spoke. Putin listened. Then the Belarusian leader left.",
        "leader",
        Want::Is("Alexander Lukashenko"),
    ),
    (
        "President Putin met Chancellor Scholz. Later the president left.",
        "president",
        Want::Is("Putin"),
    ),
    (
        "Nordkabel, the Swedish manufacturer, delivered.",
        "Nordkabel",
        Want::Kind(EntityKind::Organization),
    ),
    (
        "Amber Link, a subsea cable, opened. Now the cable works.",
        "cable@1",
        Want::Is("Amber Link"),
    ),
    (
        "The State Audit Chamber reported. The audit chamber found errors.",
        "chamber",
        Want::Is("State Audit Chamber"),
    ),
    (
        "Belarus met Russia. Then the other country left.",
        "country",
        Want::Nothing,
    ),
    (
        "We watched the Marisol Star leave port.",
        "Marisol",
        Want::Kind(EntityKind::Other),
    ),
    // --- First person ---
    (
        "MODERATOR: Our guest is Dana Reyes, chief economist at the Nordic Investment Bank.\n\nMS. REYES: We expect a cut.",
        "We",
        Want::Is("Nordic Investment Bank"),
    ),
    (
        "MODERATOR: Our guest is Polish Energy Minister Ewa Wrona.\n\nMS. WRONA: Our country needs the cable.",
        "Our@1",
        Want::Is("Poland"),
    ),
    (
        "MODERATOR: Our guest is Polish Energy Minister Ewa Wrona.\n\nMS. WRONA: I think so.",
        "I",
        Want::Is("Ewa Wrona"),
    ),
    // --- Recognition ---
    ("Revenue rose in Minsk.", "Revenue", Want::Nothing),
    ("The talk began at 5:02 PM ET.", "PM", Want::Nothing),
    ("Thank you, Madam Chair.", "Madam", Want::Nothing),
    (
        "The Chicago Fed raised its forecast.",
        "Chicago",
        Want::Kind(EntityKind::Organization),
    ),
    // A title's "of" phrase that names a place is a name of its own.
    (
        "Governor of Kaliningrad Region Alexei Besprozvannykh met him.",
        "Kaliningrad",
        Want::Kind(EntityKind::Place),
    ),
    // A name with a number after it designates a thing.
    (
        "Nordlink 2 failed in December.",
        "Nordlink",
        Want::Kind(EntityKind::Other),
    ),
    // A name before a place noun is a place.
    (
        "Output at the Drammen plant fell.",
        "Drammen",
        Want::Kind(EntityKind::Place),
    ),
    // A name that begins with its own "The" is no person.
    (
        "Welcome back to The Ledger, our weekly show.",
        "Ledger",
        Want::Kind(EntityKind::Other),
    ),
    // A clause opens after a colon: its first word needs other evidence.
    (
        "Episode 4: Can Europe build batteries?",
        "Europe",
        Want::Words("Europe"),
    ),
    (
        "The Drammen-based firm grew.",
        "Drammen",
        Want::Kind(EntityKind::Place),
    ),
    ("Our SUVs sold well.", "SUVs", Want::Nothing),
    ("We lost NOK 310 million.", "NOK", Want::Nothing),
    (
        "We met at the Bank of England.",
        "Bank",
        Want::Is("Bank of England"),
    ),
    (
        "We met in Zwickau, Germany, on Monday.",
        "Zwickau",
        Want::Kind(EntityKind::Place),
    ),
    (
        "Plants in Drammen and Moss will stay open.",
        "Moss",
        Want::Kind(EntityKind::Place),
    ),
    (
        "A letter to Kowalski arrived.",
        "Kowalski",
        Want::Kind(EntityKind::Person),
    ),
    (
        "The ship sailed from Ust-Luga to Alexandria.",
        "Alexandria",
        Want::Kind(EntityKind::Place),
    ),
    (
        "The ship sailed from Ustka to Gdynia.",
        "Ustka",
        Want::Kind(EntityKind::Place),
    ),
    (
        "The Polish-Lithuanian venture grew.",
        "Lithuanian",
        Want::Is("Lithuania"),
    ),
    (
        "Critics say Nowak is stalling, and Kowalski is pressing him.",
        "him",
        Want::Is("Nowak"),
    ),
    (
        "Q: Who asked?\n\nA: Marius Jankus, Radio Kuršas.",
        "Jankus",
        Want::Words("Marius Jankus"),
    ),
    (
        "I will turn it over to the NVE administrator, Kari Holm.",
        "NVE",
        Want::Kind(EntityKind::Organization),
    ),
    // --- "it" that acts continues the subject before ---
    (
        "China sent warships to the strait. It declared exclusion zones around Taiwan.",
        "It",
        Want::Is("China"),
    ),
    (
        "China sent warships. It declared zones. And it has imposed sanctions on Taiwan.",
        "it",
        Want::Is("China"),
    ),
    (
        "The plan for China was announced. It changed everything.",
        "It",
        Want::Nothing,
    ),
    (
        "China sent warships. It is unclear why.",
        "It",
        Want::Nothing,
    ),
    // --- "you": the addressee ---
    (
        "ANNA LIND: You said the plant will close. Why?\n\nIVO SOLBERG: Because it \
         loses money.\n\nANNA LIND: Will it reopen?\n\nIVO SOLBERG: It will not.",
        "You",
        Want::Is("Ivo Solberg"),
    ),
    (
        "ANNA LIND: As you all know, the plant will close. Why?\n\nIVO SOLBERG: Because \
         it loses money.\n\nANNA LIND: Will it reopen?\n\nIVO SOLBERG: It will not.",
        "you",
        Want::Nothing,
    ),
    (
        "ANNA LIND: Your country will pay. Why?\n\nPresident of Lithuania Jonas Petraitis: \
         Because we must.\n\nANNA LIND: When?\n\nJonas Petraitis: Soon.",
        "Your",
        Want::Is("Lithuania"),
    ),
    (
        "To the Storting: You have before you a budget that balances.",
        "You",
        Want::Is("Storting"),
    ),
    (
        "Dear Lithuanians! Your courage will prevail.",
        "Your",
        Want::Is("Lithuania"),
    ),
    (
        "Mr. Speaker, Members of the Storting, my fellow Norwegians: you will prevail.",
        "you",
        Want::Nothing,
    ),
    (
        "The plant will close. You will see why.",
        "You",
        Want::Nothing,
    ),
];

fn check(text: &str, word: &str, want: Want, entities: &Entities) -> Result<(), String> {
    let span = locate(text, word).ok_or_else(|| format!("{word:?} not in the text"))?;
    let found = entity_at(entities, span);
    let name = |entity: usize| entities.entity(entity).map_or("", |e| e.name.as_str());
    let other = |word: &str| {
        locate(text, word)
            .and_then(|span| entity_at(entities, span))
            .map(|(entity, _)| entity)
    };
    let ok = match (want, found) {
        (Want::Nothing, None) => true,
        (Want::Nothing, Some(_)) | (_, None) => false,
        (Want::Is(expected), Some((entity, _))) => name(entity) == expected,
        (Want::Same(word), Some((entity, _))) => other(word) == Some(entity),
        (Want::Apart(word), Some((entity, _))) => other(word).is_some_and(|o| o != entity),
        (Want::Ambiguous, Some((entity, _))) => entities
            .entity(entity)
            .is_some_and(|e| !e.ambiguous_with.is_empty()),
        (Want::Kind(kind), Some((entity, _))) => {
            entities.entity(entity).map(|e| e.kind) == Some(kind)
        }
        (Want::CountryIs(country), Some((entity, _))) => entities
            .entity(entity)
            .and_then(|e| e.country)
            .is_some_and(|c| name(c) == country),
        (Want::Words(words), Some((_, mention))) => mention.slice(text) == words,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{word:?} in {text:?}: want {want:?}, got {:?}",
            found.map(|(entity, span)| (name(entity), span.slice(text)))
        ))
    }
}

#[test]
fn resolution_table() {
    assert!(CASES.len() >= 40, "the table has {} cases", CASES.len());
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|&(text, word, want)| {
            let document = Document::parse(text).ok()?;
            let entities = Entities::recognize(&document);
            check(text, word, want, &entities).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn user_entities_and_aliases_take_precedence() {
    let mut builder = Recognizer::builder();
    builder
        .entity("Lukashenka", EntityKind::Person, ["Lukashenko"])
        .alias("Byelarus", "Belarus");
    let recognizer = builder.build().expect("valid entries");
    let text = "Lukashenko spoke in Byelarus. Lukashenka left.";
    let document = Document::parse(text).expect("text");
    let entities = recognizer.recognize(&document);
    for (word, want) in [
        ("Lukashenko", Want::Is("Lukashenka")),
        ("Lukashenka", Want::Same("Lukashenko")),
        ("Byelarus", Want::Is("Belarus")),
        ("Byelarus", Want::Kind(EntityKind::Country)),
    ] {
        check(text, word, want, &entities).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn user_entries_with_errors_name_their_line() {
    let error = Recognizer::builder()
        .tsv(
            "newsroom.tsv",
            "# ok\nLukashenka\tperson\tLukashenko\n\tperson\n",
        )
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "lexicon newsroom.tsv, line 3: the line has no name in its first field"
    );
    let error = Recognizer::builder()
        .alias("Zorro", "Nowhere Land")
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("not a known name"), "{error}");
}
