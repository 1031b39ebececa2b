//! The `claimtrack` binary and the examples, run as a user runs them
//! (csv's habit): the compiled program on the seed files, checking what it
//! prints and how it exits.
//!
//! Cargo builds the binary for the integration tests only with the `cli`
//! feature (its `required-features`), so the tests of the binary need it
//! too; the examples are built by `cargo test` whatever the features.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::gold;

/// The `claimtrack` binary Cargo built for these tests.
#[cfg(feature = "cli")]
pub(crate) fn claimtrack() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrack"))
}

/// `target/debug/examples/NAME`, built by `cargo test` before the tests run.
fn example(name: &str) -> PathBuf {
    let mut path = std::env::current_exe().expect("test binary path");
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    path.join("examples").join(name)
}

/// The output of a finished command, which must have succeeded.
fn succeeded(command: &mut Command) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{command:?}: {error}"));
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Standard output of `claimtrack extract ARGS`, which must succeed.
#[cfg(feature = "cli")]
pub(crate) fn extract(args: &[&str]) -> String {
    let output = succeeded(claimtrack().arg("extract").args(args));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The series of dated interviews, as `.ci/run` and the README give them.
const SERIES: [&str; 4] = [
    "seeds/series-2025-02-11-amber-link-minister-interview.txt@2025-02-11",
    "seeds/series-2025-05-20-amber-link-vilnius-briefing.txt@2025-05-20",
    "seeds/series-2025-09-03-amber-link-baltmar-ceo.txt@2025-09-03",
    "seeds/series-2026-01-27-amber-link-sejm-hearing.txt@2026-01-27",
];

#[cfg(feature = "cli")]
#[test]
fn every_subcommand_has_help() {
    let top = succeeded(claimtrack().arg("--help"));
    let top = String::from_utf8_lossy(&top.stdout);
    for subcommand in ["extract", "track", "report", "corpus"] {
        assert!(top.contains(&format!("  {subcommand} ")), "{top}");
        for flag in ["--help", "-h"] {
            let help = succeeded(claimtrack().args([subcommand, flag]));
            let help = String::from_utf8_lossy(&help.stdout);
            assert!(
                help.contains(&format!("Usage: claimtrack {subcommand} ")),
                "{subcommand} {flag}: {help}"
            );
        }
        let help = succeeded(claimtrack().args(["help", subcommand]));
        assert!(!help.stdout.is_empty());
    }
    let extract = succeeded(claimtrack().args(["extract", "--help"]));
    let extract = String::from_utf8_lossy(&extract.stdout);
    for format in [
        "table",
        "json",
        "jsonl",
        "schema-org",
        "web-annotation",
        "csv",
    ] {
        assert!(extract.contains(&format!("- {format}:")), "{extract}");
    }
    let version = succeeded(claimtrack().arg("--version"));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("claimtrack {}", env!("CARGO_PKG_VERSION"))
    );
}

/// A usage error exits with 2 and says what is wrong; a file that cannot
/// be read exits with 1 and names it.
#[cfg(feature = "cli")]
#[test]
fn bad_arguments_exit_with_code_2_and_missing_files_with_1() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let seed = seed.to_str().unwrap();
    for (args, says) in [
        (vec![], "Usage: claimtrack <COMMAND>"),
        (vec!["summarise", seed], "unrecognized subcommand"),
        (vec!["extract"], "<FILE>"),
        (vec!["extract", seed, "--format", "xml"], "'xml'"),
        (vec!["extract", seed, "--layout", "prose"], "'prose'"),
        (vec!["extract", seed, "--date", "4 March"], "YYYY-MM-DD"),
        (vec!["extract", seed, "--frobnicate"], "--frobnicate"),
        (vec!["track"], "required"),
        (vec!["track", "x.txt@11 February"], "11 February"),
        (vec!["track", "--format", "html", "x.txt"], "'html'"),
        (vec!["report"], "required"),
        (vec!["corpus"], "<DIR>"),
        (vec!["corpus", "seeds", "--batch", "0"], "at least 1"),
    ] {
        let output = claimtrack().args(&args).output().expect("claimtrack runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    for args in [
        vec!["extract", "/no/such/file"],
        vec!["track", "/no/such/file@2025-01-01"],
        vec!["report", "/no/such/file", "-o", "/no/such/dir/report.html"],
        vec!["corpus", "/no/such/file"],
    ] {
        let output = claimtrack().args(&args).output().expect("claimtrack runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("/no/such/file"), "{args:?}: {stderr}");
    }
}

/// Every format, run as `.ci/run` runs it, prints what it should.
#[cfg(feature = "cli")]
#[test]
fn extract_prints_every_format() {
    let seed = gold::root().join("seeds/krakow-tram-unicode-panel.txt");
    let seed = seed.to_str().unwrap();
    let described = [
        "--url",
        "https://news.example/krakow",
        "--date",
        "2025-03-04",
    ];
    for format in [
        "table",
        "text",
        "json",
        "jsonl",
        "schema-org",
        "web-annotation",
        "csv",
    ] {
        let out = extract(&[&[seed, "--format", format][..], &described[..]].concat());
        match format {
            "table" | "text" => assert!(out.starts_with("layout: "), "{out}"),
            "jsonl" => {
                for line in out.lines() {
                    serde_json::from_str::<serde_json::Value>(line).expect("a JSON line");
                }
            }
            "csv" => assert!(out.starts_with("id,claim,kind,turn,"), "{out}"),
            _ => {
                serde_json::from_str::<serde_json::Value>(&out).expect("JSON");
            }
        }
    }
}

/// The `track` subcommand on the dated series, in memory and in a SQLite
/// file that a second run adds to, as `.ci/run` runs it.
#[cfg(feature = "cli")]
#[test]
fn track_runs_on_the_series_in_memory_and_in_a_file() {
    let output = succeeded(
        claimtrack()
            .current_dir(gold::root())
            .arg("track")
            .args(SERIES),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("4 sources, 254 claims, ") && stdout.contains("\nrelations:\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("added seeds/series-"))
            .count(),
        4
    );

    let dir = std::env::temp_dir().join(format!("claimtrack-track-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("ledger.db");
    let run = |inputs: &[&str]| {
        let output = succeeded(
            claimtrack()
                .current_dir(gold::root())
                .args(["track", "--format", "json", "--db"])
                .arg(&db)
                .args(inputs),
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    run(&["seeds/minsk-analyst-interview.txt@2024-06-01"]);
    // A second run adds to what the first committed; a third, with no
    // files, reports on the store.
    let again = run(&SERIES);
    // The series' 11 relations, and 2 with the claims the first run added.
    assert_eq!(again["relations"].as_array().map(Vec::len), Some(13));
    let reopened = succeeded(claimtrack().args(["track", "--db"]).arg(&db));
    let reopened = String::from_utf8_lossy(&reopened.stdout);
    assert!(
        reopened.starts_with("5 sources, 301 claims, "),
        "{reopened}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "cli")]
#[test]
fn extract_prints_turns_of_the_seed() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let out = extract(&[seed.to_str().unwrap()]);
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

#[cfg(feature = "cli")]
#[test]
fn extract_json_has_the_documented_fields_and_byte_spans() {
    let seed = gold::root().join("seeds/white-house-gaggle.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let out = extract(&[seed.to_str().unwrap(), "--format", "json"]);
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

#[cfg(feature = "cli")]
#[test]
fn extract_json_carries_entities_and_claims_with_the_documented_fields() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let out = extract(&[seed.to_str().unwrap(), "--format", "json"]);
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

#[cfg(feature = "cli")]
#[test]
fn extract_takes_a_newsroom_entity_table() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let table = gold::root().join("examples/newsroom-entities.tsv");
    let out = extract(&[
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

#[cfg(feature = "cli")]
#[test]
fn extract_json_links_speaker_labels_and_first_person() {
    let seed = gold::root().join("seeds/series-2025-05-20-amber-link-vilnius-briefing.txt");
    let out = extract(&[seed.to_str().unwrap(), "--format", "json"]);
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

#[cfg(feature = "cli")]
#[test]
fn extract_jsonl_prints_one_claim_per_line() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let out = extract(&[seed.to_str().unwrap(), "--format", "jsonl"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 30);
    for line in lines {
        let claim: serde_json::Value = serde_json::from_str(line).expect("a JSON claim per line");
        assert!(claim["polarity"].is_string());
    }
}

#[cfg(feature = "cli")]
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
    let result = claimtrack()
        .arg("corpus")
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

/// `claimtrack extract FILE | head` must not panic: a reader that closes the pipe
/// early ends the output quietly.
#[cfg(feature = "cli")]
#[test]
fn extract_stops_quietly_when_the_reader_closes_the_pipe() {
    let seed = std::fs::read_to_string(gold::root().join("seeds/minsk-analyst-interview.txt"))
        .expect("seed");
    let path = std::env::temp_dir().join(format!("claimtrack-pipe-{}.txt", std::process::id()));
    // Far more JSON than a pipe holds, so the writer meets the closed end.
    std::fs::write(&path, seed.repeat(40)).expect("temp file");
    let mut child = claimtrack()
        .args(["extract", path.to_str().unwrap(), "--format", "json"])
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

/// The examples: short uses of the library, each run once.
#[test]
fn the_extract_example_prints_the_claims_table() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let output = succeeded(Command::new(example("extract")).arg(&seed));
    let text = std::fs::read_to_string(&seed).unwrap();
    let table = claimtrack::export::claims_table(&claimtrack::extract(&text).unwrap());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), table);
    let missing = Command::new(example("extract"))
        .arg("/no/such/file")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file"));
}

#[test]
fn the_track_example_prints_relations_between_dated_files() {
    let output = succeeded(
        Command::new(example("track"))
            .current_dir(gold::root())
            .args(SERIES),
    );
    let out = String::from_utf8(output.stdout).unwrap();
    // A line per file, then a block per relation: its kind and why, the
    // earlier claim, the later one.
    let mut blocks = out.split("\n\n");
    assert_eq!(blocks.next().map(|files| files.lines().count()), Some(4));
    let relations = blocks.filter(|block| block.lines().count() == 3).count();
    assert_eq!(relations, 11, "{out}");
    assert!(out.contains("\nopen predictions:\n"), "{out}");
}

#[test]
fn the_report_example_writes_a_page() {
    let page = std::env::temp_dir().join(format!("claimtrack-example-{}.html", std::process::id()));
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let output = succeeded(Command::new(example("report")).arg(&seed).arg(&page));
    assert!(String::from_utf8_lossy(&output.stdout).contains("47 claims"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches(" data-claim id=\"").count(), 47);
    std::fs::remove_file(&page).unwrap();
}

#[test]
fn the_corpus_example_counts_the_claims_of_each_file() {
    let output = succeeded(Command::new(example("corpus")).arg(gold::root().join("seeds")));
    let out = String::from_utf8(output.stdout).unwrap();
    let minsk = out
        .lines()
        .find(|line| line.ends_with("minsk-analyst-interview.txt"))
        .expect("the seed's line");
    assert!(minsk.trim_start().starts_with("47 claims"), "{minsk}");
}

/// A file in the CheckThat! Task 1 layout, written here (the task's data is
/// not part of the crate): a moderator asks, two speakers answer.
const TASK_FILE: &str = "1\tHOLT\tGood evening and welcome.\t0\n\
2\tHOLT\tWhat will you do about jobs?\t0\n\
3\tSMITH\tThank you.\t0\n\
4\tSMITH\tUnemployment rose 2 percent last year, to 9 million people.\t1\n\
5\tSMITH\tI think we can do better.\t0\n\
6\tJONES\tThat is simply wrong.\t0\n";

#[test]
fn the_checkworthy_example_scores_every_line_in_order() {
    let path = std::env::temp_dir().join(format!("claimtrack-task1-{}.tsv", std::process::id()));
    std::fs::write(&path, TASK_FILE).unwrap();
    let output = succeeded(Command::new(example("checkworthy")).arg(&path));
    let out = String::from_utf8(output.stdout).unwrap();
    let scores: Vec<(&str, f64)> = out
        .lines()
        .map(|line| {
            let (id, score) = line.split_once('\t').expect("line<TAB>score");
            (id, score.parse().expect("a score"))
        })
        .collect();
    let ids: Vec<&str> = scores.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
    let best = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("scores");
    assert_eq!(best.0, "4", "{out}");
    let features = succeeded(
        Command::new(example("checkworthy"))
            .arg("--features")
            .arg(&path),
    );
    let rows = String::from_utf8(features.stdout).unwrap();
    assert!(
        rows.lines()
            .any(|row| row.contains("\"line\":\"4\"") && row.contains("\"quantity\"")),
        "{rows}"
    );
    std::fs::remove_file(&path).unwrap();
}
