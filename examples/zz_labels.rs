fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let doc = claimtrack::Document::parse(&text).unwrap();
    eprintln!(
        "parse {:.2}s speakers {}",
        t.elapsed().as_secs_f64(),
        doc.speakers().len()
    );
    let t = std::time::Instant::now();
    let e = claimtrack::entity::Entities::recognize(&doc);
    eprintln!(
        "entities {:.2}s {}",
        t.elapsed().as_secs_f64(),
        e.entities().len()
    );
    let t = std::time::Instant::now();
    let x = claimtrack::Extractor::default_ref().extract_document(&doc);
    eprintln!(
        "entities+claims {:.2}s {}",
        t.elapsed().as_secs_f64(),
        x.claims.len()
    );
}
