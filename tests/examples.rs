//! The examples, run as a user runs them (csv's habit): the compiled
//! example binary on a seed file, checking what it prints.

use std::path::PathBuf;
use std::process::Command;

use crate::gold;

/// `target/debug/examples/NAME`, built by `cargo test` before the tests run.
pub(crate) fn example(name: &str) -> PathBuf {
    let mut path = std::env::current_exe().expect("test binary path");
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    path.join("examples").join(name)
}

/// Runs the `extract` example with `args`; its standard output.
pub(crate) fn run(args: &[&str]) -> String {
    let binary = example("extract");
    let output = Command::new(&binary)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "{}: {error} (run `cargo test`, which builds examples)",
                binary.display()
            )
        });
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn extract_prints_turns_of_the_seed() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let out = run(&[seed.to_str().unwrap()]);
    let turns = |role: &str| {
        out.lines()
            .filter(|line| line.starts_with("turn") && line.contains(role))
            .count()
    };
    assert_eq!(turns(" question "), 5, "{out}");
    assert_eq!(turns(" answer "), 5, "{out}");
    assert!(
        out.contains("There is no evidence that Putin asked"),
        "{out}"
    );
    assert!(out.contains("Exit mobile version"), "{out}");
}

#[test]
fn extract_json_has_the_documented_fields_and_byte_spans() {
    let seed = gold::root().join("seeds/white-house-gaggle.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let out = run(&[seed.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let turns = json["turns"].as_array().expect("turns");
    for turn in turns {
        for key in ["role", "speaker", "span", "sentences"] {
            assert!(turn.get(key).is_some(), "turn without {key}: {turn}");
        }
        for sentence in turn["sentences"].as_array().unwrap() {
            let start = sentence[0].as_u64().unwrap() as usize;
            let end = sentence[1].as_u64().unwrap() as usize;
            assert!(
                text.get(start..end).is_some(),
                "sentence {sentence} is not a byte range of the file"
            );
        }
    }
    let dropped = json["dropped"].as_array().expect("dropped");
    let first = &dropped[0];
    let (start, end) = (
        first["span"][0].as_u64().unwrap() as usize,
        first["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], first["text"].as_str().unwrap());
    assert_eq!(first["reason"], "known_phrase");
}

#[test]
fn extract_reports_bad_arguments_and_files() {
    let output = Command::new(example("extract"))
        .arg("/no/such/file")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/file"));
}

#[test]
fn extract_json_carries_entities_and_claims_with_the_documented_fields() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let out = run(&[seed.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    for entity in json["entities"].as_array().expect("entities") {
        for key in [
            "id",
            "name",
            "kind",
            "aliases",
            "mentions",
            "country",
            "affiliation",
            "described_as",
            "ambiguous_with",
        ] {
            assert!(entity.get(key).is_some(), "entity without {key}: {entity}");
        }
        for mention in entity["mentions"].as_array().expect("mentions") {
            let (start, end) = (
                mention["span"][0].as_u64().unwrap() as usize,
                mention["span"][1].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], mention["text"].as_str().unwrap());
            assert!(mention["kind"].is_string() && mention.get("antecedent").is_some());
        }
    }
    let claims = json["claims"].as_array().expect("claims");
    assert!(claims.len() > 30);
    let span = |value: &serde_json::Value| {
        (
            value[0].as_u64().unwrap() as usize,
            value[1].as_u64().unwrap() as usize,
        )
    };
    for claim in claims {
        for key in [
            "id",
            "turn",
            "span",
            "text",
            "speaker",
            "actor",
            "assertion",
            "polarity",
            "certainty",
            "evidence",
            "attributed_to",
            "time",
            "quantities",
            "cues",
        ] {
            assert!(claim.get(key).is_some(), "claim without {key}: {claim}");
        }
        let (start, end) = span(&claim["span"]);
        assert_eq!(&text[start..end], claim["text"].as_str().unwrap());
        if let Some(actor) = claim["actor"].as_object() {
            for key in ["entity", "name", "text", "span"] {
                assert!(actor.contains_key(key), "actor without {key}: {claim}");
            }
        }
        for cue in claim["cues"].as_array().unwrap() {
            let (start, end) = span(&cue["span"]);
            assert_eq!(&text[start..end], cue["text"].as_str().unwrap());
        }
    }
}

#[test]
fn extract_takes_a_newsroom_entity_table() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let table = gold::root().join("examples/newsroom-entities.tsv");
    let out = run(&[
        seed.to_str().unwrap(),
        "--entities",
        table.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let lukashenka: Vec<&serde_json::Value> = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["name"] == "Lukashenka")
        .collect();
    assert_eq!(lukashenka.len(), 1, "one entity for both spellings");
    assert_eq!(
        lukashenka[0]["aliases"],
        serde_json::json!(["Lukashenka", "Lukashenko"])
    );
}

#[test]
fn extract_json_links_speaker_labels_and_first_person() {
    let seed = gold::root().join("seeds/series-2025-05-20-amber-link-vilnius-briefing.txt");
    let out = run(&[seed.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    let ewa = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["name"] == "Ewa Wrona")
        .expect("Ewa Wrona is an entity");
    let kinds: Vec<&str> = ewa["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["kind"].as_str())
        .collect();
    for kind in ["name", "speaker", "first_person"] {
        assert!(kinds.contains(&kind), "no {kind} mention: {kinds:?}");
    }
}

#[test]
fn extract_jsonl_prints_one_claim_per_line() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let out = run(&[seed.to_str().unwrap(), "--format", "jsonl"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 30);
    for line in lines {
        let claim: serde_json::Value = serde_json::from_str(line).expect("a JSON claim per line");
        assert!(claim["polarity"].is_string());
    }
}

#[test]
fn corpus_extracts_a_directory_into_json_lines_in_path_order() {
    let dir = std::env::temp_dir().join(format!("claimtrack-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    let seeds = gold::root().join("seeds");
    std::fs::copy(seeds.join("minsk-analyst-interview.txt"), dir.join("a.txt")).unwrap();
    std::fs::copy(
        seeds.join("wikinews-glaciologist.txt"),
        dir.join("nested/b.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("notes.md"), "not a corpus file").unwrap();
    let output = dir.join("out.jsonl");
    let result = Command::new(example("corpus"))
        .arg(&dir)
        .arg("-o")
        .arg(&output)
        .output()
        .expect("corpus runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("2 documents"), "{stderr}");
    assert!(
        stderr.contains("skipped") && stderr.contains("empty.txt"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&output).unwrap();
    let files: Vec<String> = text
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            assert!(value["claims"].as_array().is_some_and(|c| !c.is_empty()));
            value["file"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(files.len(), 2);
    assert!(
        files[0].ends_with("a.txt") && files[1].ends_with("b.txt"),
        "{files:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `extract FILE | head` must not panic: a reader that closes the pipe
/// early ends the output quietly.
#[test]
fn extract_stops_quietly_when_the_reader_closes_the_pipe() {
    let seed = std::fs::read_to_string(gold::root().join("seeds/minsk-analyst-interview.txt"))
        .expect("seed");
    let path = std::env::temp_dir().join(format!("claimtrack-pipe-{}.txt", std::process::id()));
    // Far more JSON than a pipe holds, so the writer meets the closed end.
    std::fs::write(&path, seed.repeat(40)).expect("temp file");
    let mut child = Command::new(example("extract"))
        .args([path.to_str().unwrap(), "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("extract runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("extract ends");
    std::fs::remove_file(&path).ok();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(stderr.is_empty(), "{stderr}");
}
