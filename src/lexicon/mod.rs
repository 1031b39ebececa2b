//! Word lists as data: the built-in lexicon files and the one parser they share.
//!
//! Every lexicon is a plain text file in this folder, compiled into the
//! binary with `include_str!`. The format is one entry a line; `#` starts a
//! comment line; blank lines are ignored; a line `[name]` starts a section
//! (a category), and every entry belongs to the section above it. Stages
//! turn these entries into matchers once (`once_cell::sync::Lazy`), and
//! users add their own entries through the stage builders.

use crate::error::Error;

/// Abbreviations that a full stop does not end a sentence after, by class.
pub(crate) const ABBREVIATIONS: Lexicon = Lexicon {
    name: "abbreviations.txt",
    text: include_str!("abbreviations.txt"),
};

/// Words that commonly begin a sentence, to tell an abbreviation that ends a
/// sentence ("in the U.S. They") from one inside a name ("the U.S. Senate").
pub(crate) const SENTENCE_STARTERS: Lexicon = Lexicon {
    name: "sentence_starters.txt",
    text: include_str!("sentence_starters.txt"),
};

/// Web-page leftovers: whole lines, line prefixes, banner phrases and
/// social-button words.
pub(crate) const BOILERPLATE: Lexicon = Lexicon {
    name: "boilerplate.txt",
    text: include_str!("boilerplate.txt"),
};

/// Speaker-label words: which labels are the interviewer's or the
/// interviewee's side, and which `Word:` openings are never speakers.
pub(crate) const SPEAKER_LABELS: Lexicon = Lexicon {
    name: "speaker_labels.txt",
    text: include_str!("speaker_labels.txt"),
};

/// Paragraph shapes that are not spoken text: caption credits and the
/// request openings of questions that have no question mark.
pub(crate) const PARAGRAPH_CUES: Lexicon = Lexicon {
    name: "paragraph_cues.txt",
    text: include_str!("paragraph_cues.txt"),
};

/// Closed word classes: determiners, pronouns, auxiliaries, titles, ….
pub(crate) const GRAMMAR: Lexicon = Lexicon {
    name: "grammar.txt",
    text: include_str!("grammar.txt"),
};

/// Regular and irregular English verbs, for finite verbs and their tense.
pub(crate) const VERBS: Lexicon = Lexicon {
    name: "verbs.txt",
    text: include_str!("verbs.txt"),
};

/// Cue words for polarity, certainty, evidence, reports and time.
pub(crate) const CUES: Lexicon = Lexicon {
    name: "cues.txt",
    text: include_str!("cues.txt"),
};

/// Number words, units, currencies, months and relative time expressions.
pub(crate) const QUANTITIES: Lexicon = Lexicon {
    name: "quantities.txt",
    text: include_str!("quantities.txt"),
};

/// Countries and territories with other names, demonyms and capitals.
pub(crate) const COUNTRIES: Lexicon = Lexicon {
    name: "countries.txt",
    text: include_str!("countries.txt"),
};

/// International organisations, agencies, media and companies.
pub(crate) const ORGANIZATIONS: Lexicon = Lexicon {
    name: "organizations.txt",
    text: include_str!("organizations.txt"),
};

/// Seats of power that stand for a state: "the Kremlin".
pub(crate) const SEATS_OF_POWER: Lexicon = Lexicon {
    name: "seats_of_power.txt",
    text: include_str!("seats_of_power.txt"),
};

/// Large cities that are not capitals, with their country.
pub(crate) const CITIES: Lexicon = Lexicon {
    name: "cities.txt",
    text: include_str!("cities.txt"),
};

/// Words that tell a name's kind, and the nouns of definite descriptions.
pub(crate) const ENTITY_WORDS: Lexicon = Lexicon {
    name: "entity_words.txt",
    text: include_str!("entity_words.txt"),
};

/// Frequent English nouns, adjectives and adverbs: a capitalised word that
/// opens a sentence and is listed here is an ordinary word, not a name.
pub(crate) const COMMON_WORDS: Lexicon = Lexicon {
    name: "common_words.txt",
    text: include_str!("common_words.txt"),
};

/// A lexicon file: its name (for error messages) and its text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lexicon {
    pub(crate) name: &'static str,
    pub(crate) text: &'static str,
}

/// One entry of a lexicon, with the section it is in and where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry<'a> {
    pub(crate) section: &'a str,
    pub(crate) text: &'a str,
    /// One-based line number in the file.
    pub(crate) line: usize,
}

impl Lexicon {
    /// The entries of the file, in order.
    pub(crate) fn entries(self) -> impl Iterator<Item = Entry<'static>> {
        parse(self.text)
    }

    /// The entries of the file, each with its section checked against
    /// `sections`; the first unknown section is an error.
    pub(crate) fn checked_entries(self, sections: &[&str]) -> Result<Vec<Entry<'static>>, Error> {
        self.entries()
            .map(|entry| {
                if sections.contains(&entry.section) {
                    Ok(entry)
                } else {
                    Err(Error::Lexicon {
                        lexicon: self.name.to_string(),
                        line: Some(entry.line),
                        message: format!(
                            "entry {:?} is in section [{}], expected one of {:?}",
                            entry.text, entry.section, sections
                        ),
                    })
                }
            })
            .collect()
    }
}

/// Parses lexicon text: sections, entries, comments, blank lines.
pub(crate) fn parse(text: &str) -> impl Iterator<Item = Entry<'_>> {
    let mut section = "";
    text.lines().enumerate().filter_map(move |(index, line)| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
        {
            section = name.trim();
            return None;
        }
        Some(Entry {
            section,
            text: line,
            line: index + 1,
        })
    })
}

/// True when `range` of `text` is whole words: no letter or digit runs on
/// into it from either side (a phrase matched inside a sentence).
pub(crate) fn is_whole_word(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|s| s.chars().next_back());
    let after = text.get(range.end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Checks a user's entry: not empty, no line break, not absurdly long.
pub(crate) fn check_user_entry(lexicon: &str, entry: &str) -> Result<(), Error> {
    let problem = if entry.trim().is_empty() {
        Some("the entry is empty")
    } else if entry.contains(['\n', '\r']) {
        Some("the entry contains a line break")
    } else if entry.len() > 200 {
        Some("the entry is longer than 200 bytes")
    } else {
        None
    };
    match problem {
        Some(message) => Err(Error::Lexicon {
            lexicon: lexicon.to_string(),
            line: None,
            message: format!("{message}: {entry:?}"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_comments_and_blank_lines() {
        let text = "# header\n\n[title]\nMr\n  Dr  \n# note\n[month]\nJan\n";
        let entries: Vec<_> = parse(text).map(|e| (e.section, e.text, e.line)).collect();
        assert_eq!(
            entries,
            vec![("title", "Mr", 4), ("title", "Dr", 5), ("month", "Jan", 8)]
        );
    }

    #[test]
    fn every_builtin_lexicon_has_entries_in_sections_and_no_duplicates() {
        for lexicon in [
            ABBREVIATIONS,
            SENTENCE_STARTERS,
            BOILERPLATE,
            SPEAKER_LABELS,
            PARAGRAPH_CUES,
            GRAMMAR,
            VERBS,
            CUES,
            QUANTITIES,
            COUNTRIES,
            ORGANIZATIONS,
            SEATS_OF_POWER,
            ENTITY_WORDS,
            COMMON_WORDS,
        ] {
            let entries: Vec<_> = lexicon.entries().collect();
            assert!(entries.len() > 10, "{} is nearly empty", lexicon.name);
            let mut seen = std::collections::HashSet::new();
            for entry in &entries {
                assert!(
                    !entry.section.is_empty(),
                    "{}:{} has no section",
                    lexicon.name,
                    entry.line
                );
                // Caption cues match case-sensitively ("REUTERS/" and
                // "Reuters/" are two entries); everything else ignores case.
                let text = if entry.section == "caption" {
                    entry.text.to_string()
                } else {
                    entry.text.to_lowercase()
                };
                let key = (entry.section, text);
                assert!(
                    seen.insert(key),
                    "{}:{} repeats {:?}",
                    lexicon.name,
                    entry.line,
                    entry.text
                );
            }
        }
    }

    #[test]
    fn unknown_section_is_a_typed_error_with_the_line() {
        let lexicon = Lexicon {
            name: "test.txt",
            text: "[title]\nMr\n[nonsense]\nfoo\n",
        };
        let error = lexicon.checked_entries(&["title"]).unwrap_err();
        assert!(
            matches!(error, Error::Lexicon { line: Some(4), .. }),
            "{error:?}"
        );
    }

    #[test]
    fn user_entries_are_checked() {
        assert!(check_user_entry("x", "Gen").is_ok());
        assert!(check_user_entry("x", "  ").is_err());
        assert!(check_user_entry("x", "a\nb").is_err());
    }
}
