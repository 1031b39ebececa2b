//! Throughput of the pipeline stages on a realistic corpus: every file in
//! `seeds/`, repeated in order until the documents total 1 MB (built
//! deterministically; each document is parsed on its own, as a newsroom
//! feeds them).
//! Each benchmark checks its result so that a broken fast path cannot look
//! fast.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```

use std::hint::black_box;
use std::path::Path;

use claimtrack::{Document, Segmenter, Span};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The seed documents, repeated in order until they total `size` bytes.
fn corpus(size: usize) -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds folder")
        .map(|entry| entry.expect("seed entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let seeds: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("seed text"))
        .collect();
    let mut documents = Vec::new();
    let mut total = 0;
    for document in seeds.iter().cycle() {
        if total >= size {
            break;
        }
        total += document.len();
        documents.push(document.clone());
    }
    documents
}

fn stages(c: &mut Criterion) {
    let documents = corpus(1 << 20);
    let bytes: usize = documents.iter().map(String::len).sum();
    let count = |f: &dyn Fn(&Document<'_>) -> usize| -> usize {
        documents
            .iter()
            .map(|text| f(&Document::parse(text).expect("seed parses")))
            .sum()
    };
    let expected_turns = count(&|doc| doc.turns().len());
    let expected_sentences = count(&|doc| doc.turns().iter().map(|t| doc.sentences(t).len()).sum());

    let mut group = c.benchmark_group("realistic 1 MB");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("document", |b| {
        b.iter(|| {
            let turns: usize = documents
                .iter()
                .map(|text| {
                    Document::parse(black_box(text))
                        .expect("parses")
                        .turns()
                        .len()
                })
                .sum();
            assert_eq!(turns, expected_turns);
        })
    });
    let expected_claims: usize = documents
        .iter()
        .map(|text| {
            claimtrack::extract(text)
                .expect("seed extracts")
                .claims
                .len()
        })
        .sum();
    group.bench_function("extract (document, entities, claims)", |b| {
        b.iter(|| {
            let claims: usize = documents
                .iter()
                .map(|text| {
                    claimtrack::extract(black_box(text))
                        .expect("extracts")
                        .claims
                        .len()
                })
                .sum();
            assert_eq!(claims, expected_claims);
        })
    });
    let segmenter = Segmenter::default_ref();
    let mut sentences = Vec::new();
    group.bench_function("sentences", |b| {
        b.iter(|| {
            sentences.clear();
            for text in &documents {
                segmenter.split_into(black_box(text), Span::new(0, text.len()), &mut sentences);
            }
            // Whole documents have fewer breaks than paragraph by
            // paragraph (a headline runs into its first question), but
            // never far fewer.
            assert!(
                sentences.len() * 10 >= expected_sentences * 9,
                "{}",
                sentences.len()
            );
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
