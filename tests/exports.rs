//! The exports: schema.org JSON-LD, W3C Web Annotations and CSV, on the
//! seed interview and on a non-ASCII one (accents, curly quotes, CJK, and
//! emoji and CJK outside the Basic Multilingual Plane, which are two UTF-16
//! units each), and the offset index against counting.

use std::collections::HashSet;

use claimtrack::export::{self, CSV_COLUMNS, Offsets, Selector};
use claimtrack::ledger::Source;
use claimtrack::{Extraction, Span};
use proptest::prelude::*;
#[cfg(feature = "cli")]
use serde_json::Value;

#[cfg(feature = "cli")]
use crate::examples::{claimtrack, extract};
use crate::gold;

const SEEDS: [&str; 2] = [
    "minsk-analyst-interview.txt",
    "krakow-tram-unicode-panel.txt",
];

fn seed(name: &str) -> (String, Extraction) {
    let text = std::fs::read_to_string(gold::root().join("seeds").join(name)).expect("seed");
    let extraction = claimtrack::extract(&text).expect("seed extracts");
    (text, extraction)
}

fn source(name: &str) -> Source {
    Source::new(name)
        .url(&format!("https://news.example/{name}"))
        .title("An interview")
        .publisher("The Example")
        .date("2025-03-04")
        .expect("a date")
}

#[test]
fn the_unicode_seed_needs_more_than_one_unit_per_char() {
    let (text, extraction) = seed("krakow-tram-unicode-panel.txt");
    let offsets = Offsets::new(&text);
    let astral = extraction.claims.iter().any(|claim| {
        let units = offsets.units(claim.span).expect("claim span fits");
        units.chars.start != units.utf16.start && units.chars.start != units.bytes.start()
    });
    assert!(astral, "claims after astral characters, in all three units");
    assert!(text.chars().any(|c| c.len_utf16() == 2));
    assert!(extraction.claims.iter().any(|c| c.text.contains('𠮷')));
}

/// The character `[start, end)` of `text`, counted as the W3C model counts.
fn by_code_points(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn annotation_selectors_resolve_to_the_exact_claim_text() {
    for name in SEEDS {
        let (text, extraction) = seed(name);
        let annotations = export::annotations(&extraction, &text, &source(name));
        assert_eq!(annotations.len(), extraction.claims.len());
        for (annotation, claim) in annotations.iter().zip(&extraction.claims) {
            let [position, quote] = annotation.target.selector.as_slice() else {
                panic!("two selectors: {annotation:?}");
            };
            let Selector::TextPositionSelector { start, end } = *position else {
                panic!("position first: {position:?}");
            };
            assert_eq!(by_code_points(&text, start, end), claim.text, "{name}");
            let Selector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
            } = quote
            else {
                panic!("quote second: {quote:?}");
            };
            let (prefix, suffix) = (
                prefix.as_deref().unwrap_or(""),
                suffix.as_deref().unwrap_or(""),
            );
            assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
            // A reader with only the quote finds the claim: the one place
            // where prefix, exact and suffix occur together.
            let whole = format!("{prefix}{exact}{suffix}");
            let found: Vec<usize> = text.match_indices(&whole).map(|(at, _)| at).collect();
            assert_eq!(found.len(), 1, "{name}: {whole:?} is not unique");
            let at = found[0] + prefix.len();
            assert_eq!(&text[at..at + exact.len()], claim.text);
            assert_eq!(Span::new(at, at + exact.len()), claim.span);
        }
    }
}

#[test]
fn annotations_are_json_ld_with_the_required_keys() {
    for name in SEEDS {
        let (text, extraction) = seed(name);
        let json = serde_json::to_value(export::annotations(&extraction, &text, &source(name)))
            .expect("serializes");
        let mut ids = HashSet::new();
        for annotation in json.as_array().expect("an array") {
            assert_eq!(annotation["@context"], "http://www.w3.org/ns/anno.jsonld");
            assert_eq!(annotation["type"], "Annotation");
            let id = annotation["id"].as_str().expect("an id");
            assert!(id.starts_with(&format!("https://news.example/{name}#annotation-k")));
            assert!(ids.insert(id.to_string()), "unique ids");
            assert_eq!(
                annotation["target"]["source"],
                format!("https://news.example/{name}")
            );
            let body = &annotation["body"];
            for key in [
                "id",
                "type",
                "text",
                "polarity",
                "certainty",
                "evidence",
                "time",
            ] {
                assert!(!body[key].is_null(), "body without {key}: {body}");
            }
            let types: Vec<&str> = annotation["target"]["selector"]
                .as_array()
                .expect("selectors")
                .iter()
                .filter_map(|s| s["type"].as_str())
                .collect();
            assert_eq!(types, ["TextPositionSelector", "TextQuoteSelector"]);
        }
    }
}

#[test]
fn schema_org_claims_are_json_ld_with_stable_ids() {
    for name in SEEDS {
        let (_, extraction) = seed(name);
        let graph = export::schema_org(&extraction, &source(name));
        let json = serde_json::to_value(&graph).expect("serializes");
        let again = serde_json::to_value(export::schema_org(
            &claimtrack::extract(&seed(name).0).expect("extracts"),
            &source(name),
        ))
        .expect("serializes");
        assert_eq!(json, again, "the same input gives the same ids");
        assert_eq!(json["@context"], "https://schema.org");
        let items = json["@graph"].as_array().expect("a graph");
        assert_eq!(items.len(), extraction.statements().count());
        let ids: HashSet<&str> = items.iter().filter_map(|c| c["@id"].as_str()).collect();
        assert_eq!(ids.len(), items.len(), "one id per claim");
        for (item, claim) in items.iter().zip(extraction.statements()) {
            assert_eq!(item["@type"], "Claim");
            assert_eq!(item["text"], claim.text.as_str());
            assert_eq!(item["datePublished"], "2025-03-04");
            let appearance = &item["appearance"];
            assert_eq!(appearance["@type"], "CreativeWork");
            assert_eq!(appearance["url"], format!("https://news.example/{name}"));
            assert_eq!(appearance["datePublished"], "2025-03-04");
            assert_eq!(appearance["publisher"]["name"], "The Example");
            if claim.speaker.is_some() {
                assert!(matches!(
                    item["author"]["@type"].as_str(),
                    Some("Person" | "Organization")
                ));
                assert!(item["author"]["name"].is_string());
            }
        }
    }
    // The Kraków panel's answers are Dr. Łukasiewicz's, by her entity's name.
    let (_, extraction) = seed("krakow-tram-unicode-panel.txt");
    let graph = export::schema_org(&extraction, &Source::new("k"));
    let author = graph.graph[0].author.as_ref().expect("an author");
    assert_eq!(
        (author.kind, author.name.as_str()),
        ("Person", "Zoë Łukasiewicz")
    );
    assert!(graph.graph[0].id.starts_with("urn:claimtrack:k#claim-k"));
}

/// Splits RFC 4180 CSV into rows of fields.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CRLF"),
            (false, '\n') => panic!("a bare LF ends no row"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends with CRLF"
    );
    rows
}

#[test]
fn csv_has_a_row_per_claim_with_offsets_in_every_unit() {
    for name in SEEDS {
        let (text, extraction) = seed(name);
        let rows = parse_csv(&export::claims_csv(&extraction, &text, &source(name)));
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), extraction.claims.len() + 1);
        let column = |key: &str| CSV_COLUMNS.iter().position(|c| *c == key).unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (row, claim) in rows[1..].iter().zip(&extraction.claims) {
            assert_eq!(row.len(), CSV_COLUMNS.len());
            let number = |key: &str| row[column(key)].parse::<usize>().unwrap();
            assert_eq!(row[column("text")], claim.text);
            assert_eq!(row[column("claim")], claim.id);
            assert_eq!(&text[number("byte_start")..number("byte_end")], claim.text);
            assert_eq!(
                by_code_points(&text, number("char_start"), number("char_end")),
                claim.text
            );
            let units = &utf16[number("utf16_start")..number("utf16_end")];
            assert_eq!(String::from_utf16(units).unwrap(), claim.text);
        }
    }
}

/// Every claim and mention span, converted, against counting.
#[test]
fn offsets_of_every_seed_span_agree_with_counting() {
    for name in SEEDS {
        let (text, extraction) = seed(name);
        let offsets = Offsets::new(&text);
        let spans = extraction.claims.iter().map(|c| c.span).chain(
            extraction
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| m.span)),
        );
        for span in spans {
            let units = offsets.units(span).expect("fits");
            assert_eq!(units.chars.start, text[..span.start()].chars().count());
            assert_eq!(units.chars.end, text[..span.end()].chars().count());
            assert_eq!(
                units.utf16.start,
                text[..span.start()].encode_utf16().count()
            );
            assert_eq!(units.utf16.end, text[..span.end()].encode_utf16().count());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any offset of any text converts as counting does, or not at all
    /// off a char boundary.
    #[test]
    fn offsets_agree_with_counting(
        text in prop_oneof![any::<String>(), "[a-zé日𠮷👋“” ]{0,40}"],
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..8),
    ) {
        let offsets = Offsets::new(&text);
        for pick in picks {
            let byte = pick.index(text.len() + 2);
            let expected = text.get(..byte).map(|b| (b.chars().count(), b.encode_utf16().count()));
            prop_assert_eq!(offsets.char_offset(byte), expected.map(|e| e.0));
            prop_assert_eq!(offsets.utf16_offset(byte), expected.map(|e| e.1));
        }
    }
}

#[cfg(feature = "cli")]
#[test]
fn extract_prints_every_export_format() {
    let path = gold::root().join("seeds/krakow-tram-unicode-panel.txt");
    let path = path.to_str().unwrap();
    let described = [
        "--url",
        "https://news.example/k",
        "--date",
        "2025-03-04",
        "--title",
        "Tram plan",
        "--publisher",
        "Gazeta",
    ];
    let schema: Value = serde_json::from_str(&extract(
        &[&[path, "--format", "schema-org"], &described[..]].concat(),
    ))
    .expect("JSON-LD");
    assert_eq!(schema["@graph"][0]["appearance"]["name"], "Tram plan");
    assert_eq!(schema["@graph"][0]["datePublished"], "2025-03-04");
    let annotations: Value =
        serde_json::from_str(&extract(&[path, "--format", "web-annotation"])).expect("JSON");
    // Without --url the document is named by its file name, wherever it lies.
    assert_eq!(
        annotations[0]["target"]["source"],
        "urn:claimtrack:krakow-tram-unicode-panel.txt"
    );
    let csv = extract(&[path, "--format", "csv"]);
    assert!(csv.starts_with("id,claim,kind,turn,"));
    assert_eq!(parse_csv(&csv).len(), 13);
    let bad = claimtrack()
        .args(["extract", path, "--format", "csv", "--date", "4 March"])
        .output()
        .expect("extract runs");
    assert!(!bad.status.success());
}

#[cfg(feature = "cli")]
#[test]
fn extract_json_carries_char_and_utf16_ranges_only_when_asked() {
    let path = gold::root().join("seeds/krakow-tram-unicode-panel.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let path = path.to_str().unwrap();
    let plain = extract(&[path, "--format", "json"]);
    assert!(!plain.contains("\"chars\"") && !plain.contains("\"utf16\""));
    let json: Value =
        serde_json::from_str(&extract(&[path, "--format", "json", "--offsets"])).unwrap();
    let mut without: Value = json.clone();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let check = |object: &Value| {
        let pair = |key: &str| {
            (
                object[key][0].as_u64().unwrap() as usize,
                object[key][1].as_u64().unwrap() as usize,
            )
        };
        let words = object["text"].as_str().unwrap();
        let (start, end) = pair("chars");
        assert_eq!(by_code_points(&text, start, end), words);
        let (start, end) = pair("utf16");
        assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), words);
    };
    for claim in json["claims"].as_array().unwrap() {
        check(claim);
    }
    for entity in json["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            check(mention);
        }
    }
    // Taking the two fields out again gives the plain output.
    let strip = |object: &mut Value| {
        let object = object.as_object_mut().unwrap();
        object.remove("chars").unwrap();
        object.remove("utf16").unwrap();
    };
    without["claims"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .for_each(strip);
    for entity in without["entities"].as_array_mut().unwrap() {
        entity["mentions"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .for_each(strip);
    }
    assert_eq!(without, serde_json::from_str::<Value>(&plain).unwrap());
    let line = extract(&[path, "--format", "jsonl", "--offsets"]);
    let first: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    check(&first);
}

/// The seeds' claims as CSV, one row per line; review a change row by row.
#[test]
fn seed_csv() {
    for name in SEEDS {
        let (text, extraction) = seed(name);
        let csv = export::claims_csv(&extraction, &text, &Source::new(name));
        insta::assert_snapshot!(format!("seed_csv@{name}"), csv.replace("\r\n", "\n"));
    }
}
