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
    let lossy = LossyText::decode(&bytes).unwrap();
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

/// Every file of a directory (not recursive), sorted, with its bytes.
fn files_in(dir: &str, extension: Option<&str>) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut paths: Vec<_> = std::fs::read_dir(crate::gold::root().join(dir))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .filter(|path| extension.is_none_or(|e| path.extension().is_some_and(|x| x == e)))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// The real text the crate is tested on: the corpus and the seeds.
fn real_text() -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = files_in("tests/corpus", Some("txt"));
    files.extend(files_in("seeds", Some("txt")));
    assert!(files.len() >= 60, "{} files", files.len());
    files
}

#[test]
fn real_text_is_never_refused_as_not_text() {
    let mut files = real_text();
    files.extend(files_in("fuzz/regressions/extract", None));
    files.extend(files_in("fuzz/regressions/ledger_import", None));
    files.extend(files_in("fuzz/seeds/ledger_import", None));
    let refused: Vec<String> = files
        .iter()
        .filter_map(|(path, bytes)| {
            claimtrack::input::check(bytes)
                .err()
                .map(|error| format!("{}: {error}", path.display()))
        })
        .collect();
    assert!(refused.is_empty(), "refused:\n{}", refused.join("\n"));
    // The whole files through the byte entry points too, a UTF-8
    // byte-order mark in front of each.
    for (path, bytes) in real_text() {
        let mut marked = b"\xef\xbb\xbf".to_vec();
        marked.extend_from_slice(&bytes);
        assert!(Document::from_bytes(&marked).is_ok(), "{}", path.display());
        assert!(LossyText::decode(&marked).is_ok(), "{}", path.display());
    }
}

/// What each entry point says about `bytes`: strict bytes, lossy bytes.
fn refusals(bytes: &[u8]) -> (Error, Error) {
    let strict = Document::from_bytes(bytes).unwrap_err();
    let lossy = LossyText::decode(bytes).unwrap_err();
    assert_eq!(strict, lossy);
    (strict, lossy)
}

#[test]
fn binary_files_are_refused_by_every_entry_point() {
    // An ELF executable, as the start of /bin/ls looks.
    let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00".to_vec();
    elf.extend(std::iter::repeat_n(b'x', 2000));
    let (error, _) = refusals(&elf);
    assert_eq!(
        error.to_string(),
        "the input is not text: an ELF executable or library (starts with 7F 45 4C 46), at byte offset 0"
    );
    if let Ok(ls) = std::fs::read("/bin/ls") {
        assert!(matches!(refusals(&ls).0, Error::NotText { offset: 0, .. }));
    }
    // An ASCII PDF is valid UTF-8, and still not an interview.
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
        BT /F1 12 Tf 72 712 Td (Q: Why did you go? A: Because the minister said so.) Tj ET\n%%EOF\n";
    let (error, _) = refusals(pdf);
    assert!(
        error.to_string().contains("a PDF file (starts with %PDF-)"),
        "{error}"
    );
    // 1000 NUL bytes: refused, not an empty success, also as a &str.
    let nuls = [0u8; 1000];
    let (error, _) = refusals(&nuls);
    assert_eq!(
        error,
        Error::NotText {
            what: "binary content: 1000 NUL bytes in the first 1000".into(),
            offset: 0
        }
    );
    let text = std::str::from_utf8(&nuls).unwrap();
    assert_eq!(Document::parse(text).unwrap_err(), error);
    assert_eq!(claimtrack::extract(text).unwrap_err(), error);
    // Signatures of common non-text files, each with some binary after it.
    for (start, what) in [
        (&b"PK\x03\x04\x14\x00\x06\x00"[..], "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip file"),
        (b"BZh91AY&SY\x12\x34", "a bzip2 file"),
        (b"\xfd7zXZ\x00\x00\x04", "an xz file"),
        (b"\x28\xb5\x2f\xfd\x24\x00", "a zstd file"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7z archive"),
        (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
        (b"\x00asm\x01\x00\x00\x00", "a WebAssembly module"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
            "a Windows executable",
        ),
        (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01", "a Mach-O executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an OLE2 file"),
    ] {
        let mut bytes = start.to_vec();
        bytes.extend_from_slice(b" and then some text after the header");
        let (error, _) = refusals(&bytes);
        assert!(error.to_string().contains(what), "{what}: {error}");
    }
    // Words that start like a signature are text.
    for text in [
        "MZ: Why now?\n\nAM: Because it is time.",
        "BZh, as we call it, is a format.\n\nWhy?\n\nBecause.",
        "RIFF: Why?\n\nA: Because.",
    ] {
        assert!(Document::from_bytes(text.as_bytes()).is_ok(), "{text:?}");
    }
}

#[test]
fn control_heavy_bytes_are_refused_but_a_stray_control_byte_is_not() {
    let noise: Vec<u8> = (0..4000u32)
        .map(|i| u8::try_from((i * 37 + 11) % 251).unwrap())
        .filter(|&b| b != 0)
        .collect();
    let (error, _) = refusals(&noise);
    assert!(error.to_string().contains("control bytes"), "{error}");
    let mut text = PLAIN.repeat(20).into_bytes();
    text[100] = 0x08;
    text[200] = 0x00;
    assert!(Document::from_bytes(&text).is_ok());
    assert!(LossyText::decode(&text).is_ok());
    // ANSI colours and form feeds are text.
    let ansi = "\x1b[1mQ:\x1b[0m Why?\x0c\n\n\x1b[1mA:\x1b[0m Because.\n";
    assert!(Document::from_bytes(ansi.as_bytes()).is_ok());
}

#[test]
fn utf16_and_utf32_are_refused_with_the_encoding_named() {
    let utf16le: Vec<u8> = "\u{feff}Q: Why?\n\nA: Because."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (error, _) = refusals(&utf16le);
    assert_eq!(
        error,
        Error::UnsupportedEncoding {
            encoding: "UTF-16LE".into(),
            seen: "byte-order mark FF FE".into()
        }
    );
    assert!(error.to_string().contains("convert it to UTF-8"), "{error}");
    let utf16be: Vec<u8> = "\u{feff}Q: Why?"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert!(
        matches!(refusals(&utf16be).0, Error::UnsupportedEncoding { encoding, .. } if encoding == "UTF-16BE")
    );
    let utf32le: Vec<u8> = "\u{feff}Q: Why?"
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    assert!(
        matches!(refusals(&utf32le).0, Error::UnsupportedEncoding { encoding, .. } if encoding == "UTF-32LE")
    );
    // UTF-16 without a mark is valid UTF-8 when it is ASCII: the &str
    // entry points see it by its NULs.
    let bare: Vec<u8> = "Q: Why did you go?\n\nA: Because the minister said so."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let text = std::str::from_utf8(&bare).unwrap();
    let error = claimtrack::extract(text).unwrap_err();
    assert!(
        matches!(&error, Error::UnsupportedEncoding { encoding, .. } if encoding == "UTF-16LE"),
        "{error:?}"
    );
    assert_eq!(refusals(&bare).0, error);
}

/// Short paragraphs of interview talk in other languages, each long enough
/// to be judged.
const NOT_ENGLISH: [(&str, &str); 5] = [
    (
        "French",
        "Q : Pourquoi le gouvernement a-t-il décidé de reporter la réforme ?\n\n\
         R : Le ministre a expliqué hier soir que les négociations avec les syndicats \
         n'étaient pas terminées. Nous pensons que la croissance restera faible cette \
         année, mais les entreprises continuent d'investir dans les régions. Il faudra \
         encore plusieurs mois avant que le texte ne soit présenté au Parlement, et \
         personne ne sait aujourd'hui si la majorité le votera.",
    ),
    (
        "German",
        "Frage: Warum hat die Regierung die Reform verschoben?\n\n\
         Antwort: Der Minister hat gestern Abend erklärt, dass die Verhandlungen mit den \
         Gewerkschaften noch nicht abgeschlossen sind. Wir glauben, dass das Wachstum in \
         diesem Jahr schwach bleiben wird, aber die Unternehmen investieren weiterhin in \
         den Regionen. Es wird noch einige Monate dauern, bis der Entwurf dem Bundestag \
         vorgelegt wird, und niemand weiß heute, ob die Mehrheit zustimmen wird.",
    ),
    (
        "Spanish",
        "P: ¿Por qué el gobierno decidió aplazar la reforma?\n\n\
         R: El ministro explicó anoche que las negociaciones con los sindicatos todavía \
         no han terminado. Creemos que el crecimiento seguirá siendo débil este año, pero \
         las empresas siguen invirtiendo en las regiones. Faltan todavía varios meses \
         para que el proyecto llegue al Congreso, y nadie sabe hoy si la mayoría lo \
         aprobará.",
    ),
    (
        "Russian",
        "Вопрос: Почему правительство решило отложить реформу?\n\n\
         Ответ: Министр вчера вечером объяснил, что переговоры с профсоюзами ещё не \
         закончены. Мы считаем, что рост экономики в этом году останется слабым, но \
         компании продолжают вкладывать деньги в регионы. Пройдёт ещё несколько месяцев, \
         прежде чем законопроект будет внесён в Думу, и сегодня никто не знает, \
         поддержит ли его большинство.",
    ),
    (
        "Chinese",
        "问：政府为什么决定推迟这项改革？\n\n\
         答：部长昨天晚上解释说，与工会的谈判还没有结束。我们认为今年的经济增长仍将疲软，\
         但是企业继续在各个地区投资。法案提交给议会之前还需要几个月的时间，\
         今天没有人知道多数议员是否会支持它。",
    ),
];

#[test]
fn text_mostly_not_english_warns_and_english_does_not() {
    use claimtrack::claim::Warning;
    for (language, text) in NOT_ENGLISH {
        let extraction = claimtrack::extract(text).unwrap();
        let warnings: Vec<&Warning> = extraction.warnings().collect();
        assert!(
            matches!(warnings.as_slice(), [Warning::NotEnglish { .. }]),
            "{language}: {warnings:?}"
        );
        let ratio = warnings[0].english_ratio().unwrap();
        eprintln!("{language}: English function words {:.1}%", ratio * 100.0);
        // Serialised, the warning is there; read back, it is the same.
        let json = serde_json::to_value(&extraction).unwrap();
        assert!(
            json["warnings"][0]["not_english"]["words"].is_u64(),
            "{language}"
        );
        let back: claimtrack::Extraction = serde_json::from_value(json).unwrap();
        assert_eq!(back, extraction);
    }
    for (path, bytes) in real_text() {
        let text = String::from_utf8(bytes).unwrap();
        let extraction = claimtrack::extract(&text).unwrap();
        assert_eq!(
            extraction.warnings().count(),
            0,
            "{}: {:?}",
            path.display(),
            extraction.warnings
        );
        // English text leaves the field out of JSON, so outputs are as
        // before.
        let json = serde_json::to_value(&extraction).unwrap();
        assert!(json.get("warnings").is_none(), "{}", path.display());
    }
}

#[test]
fn errors_keep_their_cause_as_source() {
    use std::error::Error as _;
    let mut ledger = claimtrack::ledger::Ledger::new();
    let error = ledger
        .import_jsonl("\n{\"claim\": 3}\n".as_bytes())
        .unwrap_err();
    assert!(
        matches!(
            &error,
            Error::Import {
                path: None,
                line: 2,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.source().unwrap().is::<serde_json::Error>());
    // A writer that fails: the io::Error is the source.
    struct Failing;
    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let extraction = claimtrack::extract("Q: Why?\n\nA: Putin signed the deal.").unwrap();
    ledger
        .add(claimtrack::ledger::Source::new("a"), &extraction)
        .unwrap();
    let error = ledger.export_jsonl(Failing).unwrap_err();
    assert!(
        matches!(&error, Error::Store { path: None, .. }),
        "{error:?}"
    );
    assert_eq!(error.source().unwrap().to_string(), "disk full");
    assert!(error.source().unwrap().is::<std::io::Error>());
    // A user's lexicon entry added one by one has no line.
    let error = ParserBuilder::new()
        .boilerplate_line(" ")
        .build()
        .unwrap_err();
    assert!(
        matches!(&error, Error::Lexicon { line: None, .. }),
        "{error:?}"
    );
    assert!(!error.to_string().contains("line 0"), "{error}");
}
