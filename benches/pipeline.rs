//! Throughput of the pipeline and of each stage:
//!
//! - **realistic**: every file in `seeds/`, repeated in order until the
//!   documents total 1 MB and 10 MB (built deterministically; each
//!   document is parsed on its own, as a newsroom feeds them): the whole
//!   pipeline, the document stage, sentences, entities, entities and
//!   claims, and a parallel batch on all cores;
//! - **pathological**: one document of doubling size (256 KB, 512 KB,
//!   1 MB) of each hostile shape: a line without punctuation, capitals
//!   only, nothing but questions, nothing but question marks, quotes and
//!   brackets nested deep, NUL, zero-width, bidi and combining
//!   characters, nothing but boilerplate, one unending sentence (25k, 50k
//!   and 100k characters), and thousands of labelled speakers who name
//!   each other.
//!
//! Each benchmark checks its result so that a broken fast path cannot look
//! fast. The ledger has its own benchmark (`benches/ledger.rs`).
//!
//! ```text
//! cargo bench --bench pipeline
//! ```

use std::hint::black_box;
use std::path::Path;

use claimtrack::entity::Entities;
use claimtrack::{Document, Extractor, Segmenter, Span};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/hostile.rs"]
mod hostile;
use hostile::{SHAPES, hostile};

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
    realistic(c, "realistic 1 MB", 1 << 20, 20);
    realistic(c, "realistic 10 MB", 10 << 20, 10);
}

fn realistic(c: &mut Criterion, name: &str, size: usize, samples: usize) {
    let documents = corpus(size);
    let bytes: usize = documents.iter().map(String::len).sum();
    let count = |f: &dyn Fn(&Document<'_>) -> usize| -> usize {
        documents
            .iter()
            .map(|text| f(&Document::parse(text).expect("seed parses")))
            .sum()
    };
    let expected_turns = count(&|doc| doc.turns().len());
    let expected_sentences = count(&|doc| doc.turns().iter().map(|t| doc.sentences(t).len()).sum());

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(samples);
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
    group.bench_function("extract in parallel (all cores)", |b| {
        b.iter(|| {
            let claims: usize = Extractor::default_ref()
                .extract_batch_with(black_box(&documents), |_, result| {
                    result.expect("extracts").claims.len()
                })
                .into_iter()
                .sum();
            assert_eq!(claims, expected_claims);
        })
    });
    let parsed: Vec<Document<'_>> = documents
        .iter()
        .map(|text| Document::parse(text).expect("parses"))
        .collect();
    let expected_entities: usize = parsed
        .iter()
        .map(|doc| Entities::recognize(doc).entities().len())
        .sum();
    group.bench_function("entities (of parsed documents)", |b| {
        b.iter(|| {
            let entities: usize = parsed
                .iter()
                .map(|doc| Entities::recognize(black_box(doc)).entities().len())
                .sum();
            assert_eq!(entities, expected_entities);
        })
    });
    group.bench_function("entities and claims (of parsed documents)", |b| {
        b.iter(|| {
            let claims: usize = parsed
                .iter()
                .map(|doc| {
                    Extractor::default_ref()
                        .extract_document(black_box(doc))
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

fn pathological(c: &mut Criterion) {
    for shape in SHAPES {
        let mut group = c.benchmark_group(format!("pathological: {shape}"));
        group.sample_size(10);
        let sizes: [usize; 3] = if shape == "one sentence" {
            [25_000, 50_000, 100_000]
        } else {
            [256 << 10, 512 << 10, 1 << 20]
        };
        for size in sizes {
            let text = hostile(shape, size);
            let expected = claimtrack::extract(&text).map_or(0, |e| e.claims.len());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| {
                    let claims = claimtrack::extract(black_box(text)).map_or(0, |e| e.claims.len());
                    assert_eq!(claims, expected);
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, stages, pathological);
criterion_main!(benches);
