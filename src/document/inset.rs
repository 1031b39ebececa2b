//! Insets: photo captions set into the middle of a speech.
//!
//! A web page that prints a transcript often places its photos between the
//! paragraphs of a speech, and copied as text the caption becomes one more
//! paragraph with no label: "News conference following Russian-German
//! talks.", "President of Turkey Recep Tayyip Erdogan.". Read as speech, it
//! would be a sentence of the speaker's. A caption names what the page is
//! about: it repeats the headline ("At News conference following…"), or it
//! is a short line made only of the names and titles of the speakers'
//! labels.

use std::collections::HashSet;

use super::paragraph::Paragraph;

/// Longest paragraph (in bytes) that is read as a caption.
const CAPTION_BYTES: usize = 300;

/// Most words of a caption that names a speaker.
const NAME_CAPTION_WORDS: usize = 12;

/// Fewest words of a caption that names a speaker: a title and a name
/// ("President of Iran Hassan Rouhani."); a bare name ("Senator Reed.")
/// is a chair giving the floor.
const NAME_CAPTION_MIN_WORDS: usize = 4;

/// Words that join names and titles in a caption: "With Federal
/// Chancellor of Germany Angela Merkel", "At the talks".
const CAPTION_JOINS: &[&str] = &["with", "at", "and", "the", "of", "during", "in"];

/// What an inset caption may repeat: the headline's words and the words of
/// each speaker's label.
#[derive(Clone, Debug, Default)]
pub(crate) struct CaptionWords {
    headline: Vec<String>,
    /// Each speaker's personal name: the last two words of their label.
    names: Vec<Vec<String>>,
    /// Every word of every speaker's label (titles, countries, names).
    label_words: HashSet<String>,
}

impl CaptionWords {
    /// From the headline's text and the speakers' label keys.
    pub(crate) fn new<'k>(headline: Option<&str>, keys: impl Iterator<Item = &'k str>) -> Self {
        let headline = headline.map(words).unwrap_or_default();
        let mut names = Vec::new();
        let mut label_words = HashSet::new();
        for key in keys {
            let key_words = words(key);
            if let Some(name) = key_words.get(key_words.len().saturating_sub(2)..)
                && name.len() == 2
            {
                names.push(name.to_vec());
            }
            label_words.extend(key_words);
        }
        CaptionWords {
            // A headline of a word or two is too common to recognise.
            headline: if headline.len() >= 3 {
                headline
            } else {
                Vec::new()
            },
            names,
            label_words,
        }
    }

    /// Whether a paragraph without a label in the middle of a speech is a
    /// caption of the page: it holds the headline, or it is a short line
    /// made only of speakers' names and titles.
    pub(crate) fn is_caption(&self, body: &str, paragraph: &Paragraph) -> bool {
        if body.len() > CAPTION_BYTES || paragraph.shape.question_mark {
            return false;
        }
        // Cheap bounds first (a hyphen splits one spaced word in two).
        let spaced_words = paragraph.shape.words;
        let may_name = spaced_words <= NAME_CAPTION_WORDS;
        let may_hold_headline =
            !self.headline.is_empty() && spaced_words * 2 >= self.headline.len();
        if !(may_name || may_hold_headline) {
            return false;
        }
        let found = words(body);
        if may_hold_headline && contains_run(&found, &self.headline) {
            return true;
        }
        (NAME_CAPTION_MIN_WORDS..=NAME_CAPTION_WORDS).contains(&found.len())
            && self.names.iter().any(|name| contains_run(&found, name))
            && found.iter().all(|word| {
                self.label_words.contains(word) || CAPTION_JOINS.contains(&word.as_str())
            })
    }
}

/// The words of a text, lower case, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `needle` occurs in `hay` as a run of consecutive words.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_words() {
        let hay = words("At\u{a0}News conference following Russian-German talks.");
        assert!(contains_run(
            &hay,
            &words("News conference following Russian-German talks")
        ));
        assert!(!contains_run(&hay, &words("conference following German")));
    }
}
