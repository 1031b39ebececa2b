//! Input hygiene: encodings, line endings, odd white space, errors.

use claimtrack::document::DocumentRecord;
use claimtrack::input::LossyText;
use claimtrack::{Document, Error, Layout, ParserBuilder, Role};

use crate::invariants;

const PLAIN: &str =
    "Talks in Minsk\n\nWhy did Lavrov come?\n\nHe came for the treaty. Shoigu came too.\n";

fn roles(doc: &Document<'_>) -> Vec<Role> {
    doc.turns().iter().map(|turn| turn.role()).collect()
}

fn sentences(doc: &Document<'_>) -> Vec<String> {
    doc.turns()
        .iter()
        .flat_map(|turn| {
            doc.sentences(turn)
                .iter()
                .map(|s| doc.slice(*s).to_string())
        })
        .collect()
}

#[test]
fn byte_order_mark_is_skipped_and_spans_count_it() {
    let text = format!("\u{feff}{PLAIN}");
    let doc = Document::parse(&text).unwrap();
    invariants::check(&doc);
    assert_eq!(roles(&doc), [Role::Title, Role::Question, Role::Answer]);
    assert_eq!(doc.turns()[0].span().start(), 3);
    assert_eq!(doc.slice(doc.turns()[0].span()), "Talks in Minsk");
}

#[test]
fn crlf_and_lone_cr_line_endings_give_the_same_structure() {
    let expected = sentences(&Document::parse(PLAIN).unwrap());
    for ending in ["\r\n", "\r"] {
        let text = PLAIN.replace('\n', ending);
        let doc = Document::parse(&text).unwrap();
        invariants::check(&doc);
        assert_eq!(
            roles(&doc),
            [Role::Title, Role::Question, Role::Answer],
            "{ending:?}"
        );
        assert_eq!(sentences(&doc), expected, "{ending:?}");
    }
}

#[test]
fn nbsp_tabs_curly_quotes_and_dashes() {
    let text = "Minsk talks\u{a0}\n\n\u{a0}\tWhy did Lavrov come\u{a0}?\n\n\t“He came,” she said\u{a0}– and Shoigu’s visit mattered\u{a0}— a lot.\u{a0}Then\u{a0}they\u{a0}left.\t\n";
    let doc = Document::parse(text).unwrap();
    invariants::check(&doc);
    assert_eq!(roles(&doc), [Role::Title, Role::Question, Role::Answer]);
    assert_eq!(
        sentences(&doc),
        [
            "Minsk talks",
            "Why did Lavrov come\u{a0}?",
            "“He came,” she said\u{a0}– and Shoigu’s visit mattered\u{a0}— a lot.",
            "Then\u{a0}they\u{a0}left."
        ]
    );
}

#[test]
fn invalid_utf8_is_a_typed_error_with_the_offset() {
    let mut bytes = PLAIN.as_bytes().to_vec();
    bytes.insert(20, 0xff);
    let error = Document::from_bytes(&bytes).unwrap_err();
    assert_eq!(error, Error::InvalidUtf8 { offset: 20 });
    assert!(error.to_string().contains("byte offset 20"), "{error}");
}

#[test]
fn lossy_entry_point_maps_spans_to_original_bytes() {
    let mut bytes = PLAIN.as_bytes().to_vec();
    bytes.insert(20, 0xff);
    let lossy = LossyText::decode(&bytes);
    let doc = Document::parse(lossy.text()).unwrap();
    invariants::check(&doc);
    let answer = doc.turns().last().unwrap();
    let original = lossy.original_span(answer.span());
    assert_eq!(
        &bytes[original.range()],
        b"He came for the treaty. Shoigu came too."
    );
}

#[test]
fn empty_and_blank_input_are_typed_errors() {
    for text in ["", " ", "\n\n\t\r\n", "\u{feff}", "\u{a0}\u{200b}"] {
        assert_eq!(
            Document::parse(text).unwrap_err(),
            Error::EmptyInput { len: text.len() },
            "{text:?}"
        );
    }
}

#[test]
fn json_record_round_trips_and_uses_the_documented_names() {
    let text =
        std::fs::read_to_string(crate::gold::root().join("seeds/minsk-analyst-interview.txt"))
            .unwrap();
    let record = Document::parse(&text).unwrap().to_record();
    let json = serde_json::to_value(&record).unwrap();
    let turn = &json["turns"][1];
    assert_eq!(turn["role"], "question");
    assert!(turn["speaker"].is_null());
    assert!(turn["span"].is_array() && turn["sentences"][0].is_array());
    assert_eq!(json["dropped"][0]["text"], "Exit mobile version");
    assert_eq!(json["dropped"][0]["reason"], "known_phrase");
    let back: DocumentRecord = serde_json::from_value(json).unwrap();
    assert_eq!(back, record);
}

#[test]
fn a_forced_layout_overrides_detection() {
    let text = "Q: Why?\n\nA: Because.\n\nQ: Really?\n\nA: Yes.";
    assert_eq!(Document::parse(text).unwrap().layout(), Layout::QaLabels);
    let bare = ParserBuilder::new().layout(Layout::Bare).build().unwrap();
    let doc = bare.parse(text).unwrap();
    invariants::check(&doc);
    assert_eq!(doc.layout(), Layout::Bare);
    assert!(doc.turns().iter().all(|turn| turn.label().is_none()));
    assert_eq!(doc.slice(doc.turns()[1].body()), "A: Because.");
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<claimtrack::Parser>();
    assert_send_sync::<claimtrack::Segmenter>();
    assert_send_sync::<Document<'static>>();
    assert_send_sync::<DocumentRecord>();
    assert_send_sync::<claimtrack::Extractor>();
    assert_send_sync::<claimtrack::Extraction>();
    assert_send_sync::<claimtrack::entity::Entities>();
    assert_send_sync::<Error>();
    assert_send_sync::<claimtrack::ParseLabelError>();
}

#[test]
fn corpora_stream_from_directories_and_json_lines() {
    use claimtrack::corpus;
    let documents: Vec<_> = corpus::directory(crate::gold::root().join("seeds"))
        .expect("lists")
        .collect();
    assert!(documents.len() >= 15);
    assert!(documents.iter().all(Result::is_ok));
    let jsonl = "{\"id\": \"a\", \"text\": \"Q: Why?\\n\\nA: Because.\"}\n\nnot json\n{\"id\": \"c\", \"text\": \"x\"}\n";
    let read: Vec<_> = corpus::jsonl(jsonl.as_bytes()).collect();
    assert_eq!(read.len(), 3);
    assert_eq!(read[0].as_ref().unwrap().id, "a");
    let error = read[1].as_ref().unwrap_err().to_string();
    assert!(error.starts_with("JSON Lines, line 3:"), "{error}");
    assert_eq!(read[2].as_ref().unwrap().text, "x");
    let missing = corpus::directory("/no/such/dir").map(|_| ()).unwrap_err();
    assert!(missing.to_string().contains("/no/such/dir"), "{missing}");
}

#[test]
fn batches_keep_input_order_and_report_progress() {
    let seeds: Vec<String> = [
        "minsk-analyst-interview.txt",
        "wikinews-glaciologist.txt",
        "halvorsen-ceo-qa.txt",
    ]
    .iter()
    .map(|name| std::fs::read_to_string(crate::gold::root().join("seeds").join(name)).unwrap())
    .collect();
    let mut texts: Vec<&str> = Vec::new();
    for _ in 0..10 {
        texts.extend(seeds.iter().map(String::as_str));
    }
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let batch = claimtrack::Extractor::default_ref().extract_batch(&texts, |_| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    });
    assert_eq!(calls.into_inner(), texts.len());
    for (text, result) in texts.iter().zip(batch) {
        assert_eq!(
            result.expect("extracts"),
            claimtrack::extract(text).expect("extracts")
        );
    }
}
