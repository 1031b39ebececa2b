//! `claimtrack report`: one self-contained HTML page of interview files.

use std::path::PathBuf;

use claimtrack::ledger::Ledger;
use claimtrack::report::Report;

use crate::Interview;

/// Write one self-contained HTML page of interview files.
///
/// The page shows the conversation with every claim highlighted, a
/// filterable list of claims with their fields, and, for several files, the
/// relations between their claims. It loads nothing from the network.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Interview files, each PATH, PATH@DATE or PATH@DATE@SOURCE, as for
    /// `track`. With more than one, their claims go into one ledger and the
    /// page shows its relations and open predictions.
    #[arg(value_name = "PATH[@YYYY-MM-DD[@SOURCE]]", required = true)]
    interviews: Vec<Interview>,
    /// The page to write.
    #[arg(short, long, value_name = "OUT.html", default_value = "report.html")]
    output: PathBuf,
    /// The page's title.
    #[arg(long)]
    title: Option<String>,
}

pub fn run(args: &Args) -> crate::Outcome {
    let mut documents = Vec::with_capacity(args.interviews.len());
    for interview in &args.interviews {
        let (text, extraction) = interview.extract()?;
        documents.push((&interview.source, text, extraction));
    }
    // One document needs no ledger: it has no relations to show.
    let ledger = if documents.len() > 1 {
        let mut ledger = Ledger::new();
        for (source, _, extraction) in &documents {
            ledger
                .add((*source).clone(), extraction)
                .map_err(|e| format!("{}: {e}", source.id))?;
        }
        Some(ledger)
    } else {
        None
    };
    let mut report = Report::new();
    if let Some(title) = &args.title {
        report.title(title);
    }
    for (source, text, extraction) in &documents {
        report.document(extraction, text, source);
    }
    if let Some(ledger) = &ledger {
        report.ledger(ledger);
    }
    std::fs::write(&args.output, report.to_html())
        .map_err(|e| format!("{}: {e}", args.output.display()))?;
    let claims: usize = documents.iter().map(|(_, _, e)| e.claims.len()).sum();
    let relations = ledger.as_ref().map_or(0, |l| l.relations().len());
    eprintln!(
        "wrote {}: documents {}, claims {claims}, relations {relations}",
        args.output.display(),
        documents.len(),
    );
    Ok(())
}
