//! Hostile documents of any size, shared by the pipeline benchmark and the
//! differential test: one shape of text that real interviews never have,
//! repeated to the size asked.

/// Every shape [`hostile`] makes.
pub const SHAPES: [&str; 9] = [
    "no punctuation",
    "capitals",
    "questions",
    "question marks",
    "nested brackets",
    "control characters",
    "boilerplate",
    "one sentence",
    "many speakers",
];

/// A made-up surname for speaker `n`: distinct for every `n`.
fn surname(n: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ru", "te", "vo", "za", "ne", "pi", "so", "du", "fe",
    ];
    let mut n = n;
    let mut out = String::new();
    for _ in 0..4 {
        out.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    out.push_str("ski");
    out
}

/// One document of `size` bytes of a hostile shape.
pub fn hostile(shape: &str, size: usize) -> String {
    if shape == "many speakers" {
        // Thousands of labelled speakers, each speaking twice, each naming
        // two others: every label is linked to the names of the text.
        let speakers = size / 90;
        let mut out = String::with_capacity(size + 128);
        for _ in 0..2 {
            for n in 0..speakers {
                let name = surname(n);
                out.push_str(&format!(
                    "MR. {}: I met {} and {} Petrov in Minsk.\n\n",
                    name.to_uppercase(),
                    capitalised(&surname(n + 1)),
                    capitalised(&surname(n + 2))
                ));
            }
        }
        return out;
    }
    let words = [
        "minister", "cable", "said", "the", "and", "Putin", "will", "not", "evidence", "that",
        "prices", "Minsk", "agreed", "because", "data", "show",
    ];
    let mut out = String::with_capacity(size + 16);
    let mut index = 0usize;
    while out.len() < size {
        match shape {
            "no punctuation" => {
                out.push_str(words[index % words.len()]);
                out.push(' ');
            }
            "capitals" => {
                out.push_str(&words[index % words.len()].to_uppercase());
                out.push_str(if index % 13 == 12 { ".\n" } else { " " });
            }
            "questions" => out.push_str("Why?\n\n"),
            "question marks" => out.push_str("??????????"),
            "nested brackets" => {
                // Openers, a word, and every so often the closers.
                out.push_str("(“[«‘\"{");
                out.push_str(words[index % words.len()]);
                out.push(' ');
                if index % 50 == 49 {
                    out.push_str(&")”]»’\"} said.".repeat(50));
                }
            }
            "control characters" => {
                out.push_str(words[index % words.len()]);
                out.push_str(["\u{200b} ", "\u{202e} ", "e\u{301} ", ". "][index % 4]);
                // A NUL now and then: text with a stray NUL is still text
                // (a NUL-heavy file is refused as binary).
                if index % 40 == 39 {
                    out.push_str("\u{0} ");
                }
            }
            "boilerplate" => out.push_str("Advertisement\n\nShare this article\n\n"),
            _ => {
                // One sentence: clauses joined without a full stop.
                out.push_str(words[index % words.len()]);
                out.push_str(if index % 7 == 6 { ", and " } else { " " });
            }
        }
        index += 1;
    }
    if shape == "one sentence" {
        out.push('.');
    }
    out
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
