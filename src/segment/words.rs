//! Words: split a sentence into tokens and look up what each word can be.
//!
//! Tokens are byte spans: words (letters, digits, inner hyphens and
//! apostrophes, with clitics such as `'s` and `'ll` split off but `n't`
//! kept), numbers (`97,500`, `3.5`, `11:42`, `35m`), and single punctuation
//! characters. The [`Vocabulary`] says which closed classes a word belongs
//! to (determiner, pronoun, auxiliary, …) and which verb forms it can be,
//! from `grammar.txt` and `verbs.txt`. Later stages read subjects, verbs
//! and clause boundaries from these.

use crate::hash::FastMap;

use once_cell::sync::Lazy;

use crate::lexicon::{COMMON_WORDS, GRAMMAR, VERBS};
use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (possibly with digits, inner hyphens and apostrophes).
    Word,
    /// Starts with a digit.
    Number,
    /// One character that is neither.
    Punct,
}

/// A token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
}

/// HTML character references for an apostrophe, as pages scraped without
/// decoding carry them ("it&#39;s"): inside a word they are its apostrophe.
pub(crate) const APOSTROPHE_REFERENCES: [&str; 5] =
    ["&#39;", "&#x27;", "&apos;", "&rsquo;", "&#8217;"];

/// The length of the apostrophe reference `rest` starts with, if any.
fn apostrophe_reference(rest: &str) -> Option<usize> {
    APOSTROPHE_REFERENCES
        .iter()
        .find(|reference| rest.starts_with(*reference))
        .map(|reference| reference.len())
}

/// Splits `region` of `text` into tokens, appending them to `out`.
pub(crate) fn tokenize(text: &str, region: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(region.range()) else {
        return;
    };
    let mut chars = slice.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let start = region.start + offset;
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            continue;
        }
        if c.is_alphanumeric() {
            let number = c.is_ascii_digit();
            let mut end = start + c.len_utf8();
            while let Some(&(next_offset, next)) = chars.peek() {
                let next_start = region.start + next_offset;
                // The character after `next`, looked at only when `next`
                // may join across it: most characters of a word are letters.
                let after = || {
                    slice
                        .get(next_offset + next.len_utf8()..)
                        .and_then(|r| r.chars().next())
                };
                let joins = next.is_alphanumeric()
                    || (matches!(next, '-' | '\'' | '’') && after().is_some_and(char::is_alphanumeric))
                    || (number && matches!(next, '.' | ',' | ':') && after().is_some_and(|a| a.is_ascii_digit()))
                    // "U.S", "e.g": single letters joined by stops.
                    || (!number && next == '.' && end - start == 1 && after().is_some_and(char::is_alphabetic)
                        && slice.get(next_offset + 2..).is_some_and(|r| r.starts_with('.')));
                // "it&#39;s": an escaped apostrophe between letters.
                let reference = (next == '&' && !number)
                    .then(|| slice.get(next_offset..))
                    .flatten()
                    .and_then(|rest| {
                        let len = apostrophe_reference(rest)?;
                        rest.get(len..)?
                            .chars()
                            .next()
                            .filter(|c| c.is_alphanumeric())
                            .map(|_| len)
                    });
                if let Some(len) = reference {
                    while chars.peek().is_some_and(|&(at, _)| at < next_offset + len) {
                        chars.next();
                    }
                    end = next_start + len;
                    continue;
                }
                if !joins {
                    break;
                }
                chars.next();
                end = next_start + next.len_utf8();
            }
            push_word(text, Span::new(start, end), number, out);
        } else {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
}

/// Pushes a word, splitting off a clitic (`'s`, `'re`, `'m`, `'ve`, `'d`,
/// `'ll`) so that "Lukashenko’s" is a name and a possessive.
fn push_word(text: &str, span: Span, number: bool, out: &mut Vec<Token>) {
    let kind = if number {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let word = span.slice(text);
    let clitic = word
        .char_indices()
        .rev()
        .find_map(|(at, c)| match c {
            '\'' | '’' => Some((at, c.len_utf8())),
            '&' => word
                .get(at..)
                .and_then(apostrophe_reference)
                .map(|len| (at, len)),
            _ => None,
        })
        .and_then(|(at, len)| {
            let rest = word.get(at + len..)?;
            let is_clitic = matches!(
                rest.to_ascii_lowercase().as_str(),
                "s" | "re" | "m" | "ve" | "d" | "ll"
            );
            (is_clitic && at > 0).then_some(at)
        });
    match clitic {
        Some(at) => {
            out.push(Token {
                span: Span::new(span.start, span.start + at),
                kind,
            });
            out.push(Token {
                span: Span::new(span.start + at, span.end),
                kind: TokenKind::Word,
            });
        }
        None => out.push(Token { span, kind }),
    }
}

/// Closed word classes, as bit flags.
pub(crate) mod class {
    pub(crate) const DETERMINER: u32 = 1;
    pub(crate) const POSSESSIVE: u32 = 1 << 1;
    pub(crate) const SUBJECT_PRONOUN: u32 = 1 << 2;
    pub(crate) const OBJECT_PRONOUN: u32 = 1 << 3;
    pub(crate) const INDEFINITE_PRONOUN: u32 = 1 << 4;
    pub(crate) const DEMONSTRATIVE: u32 = 1 << 5;
    pub(crate) const PREPOSITION: u32 = 1 << 6;
    pub(crate) const COORDINATOR: u32 = 1 << 7;
    pub(crate) const SUBORDINATOR: u32 = 1 << 8;
    pub(crate) const RELATIVE: u32 = 1 << 9;
    pub(crate) const WH: u32 = 1 << 10;
    pub(crate) const BE: u32 = 1 << 11;
    pub(crate) const HAVE: u32 = 1 << 12;
    pub(crate) const DO: u32 = 1 << 13;
    pub(crate) const MODAL: u32 = 1 << 14;
    pub(crate) const NEGATOR: u32 = 1 << 15;
    pub(crate) const TITLE: u32 = 1 << 16;
    pub(crate) const PLURAL: u32 = 1 << 17;
    /// Adverbs, from the `[adverb]` section of `common_words.txt`.
    pub(crate) const ADVERB: u32 = 1 << 18;
    /// Any auxiliary or modal: a finite verb on its own.
    pub(crate) const AUXILIARY: u32 = BE | HAVE | DO | MODAL;

    /// The sections of `grammar.txt` and their flags.
    pub(crate) const SECTIONS: &[(&str, u32)] = &[
        ("determiner", DETERMINER),
        ("possessive", POSSESSIVE),
        ("subject_pronoun", SUBJECT_PRONOUN),
        ("object_pronoun", OBJECT_PRONOUN),
        ("indefinite_pronoun", INDEFINITE_PRONOUN),
        ("demonstrative", DEMONSTRATIVE),
        ("preposition", PREPOSITION),
        ("coordinator", COORDINATOR),
        ("subordinator", SUBORDINATOR),
        ("relative", RELATIVE),
        ("wh", WH),
        ("be", BE),
        ("have", HAVE),
        ("do", DO),
        ("modal", MODAL),
        ("negator", NEGATOR),
        ("title", TITLE),
        ("plural", PLURAL),
    ];
}

/// Verb forms, as bit flags.
pub(crate) mod form {
    pub(crate) const BASE: u8 = 1;
    pub(crate) const THIRD: u8 = 1 << 1;
    pub(crate) const PAST: u8 = 1 << 2;
    pub(crate) const PARTICIPLE: u8 = 1 << 3;
    pub(crate) const GERUND: u8 = 1 << 4;
}

/// What a word can be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Closed classes ([`class`] flags).
    pub(crate) classes: u32,
    /// Verb forms ([`form`] flags); 0 when the word is no verb form.
    pub(crate) forms: u8,
    /// The verb's base form, when `forms` is not 0.
    pub(crate) lemma: Box<str>,
}

impl WordInfo {
    pub(crate) fn is(&self, classes: u32) -> bool {
        self.classes & classes != 0
    }

    pub(crate) fn can_be(&self, forms: u8) -> bool {
        self.forms & forms != 0
    }
}

/// Word classes and verb forms, looked up by lower-case word.
#[derive(Clone, Debug)]
pub(crate) struct Vocabulary {
    words: FastMap<Box<str>, WordInfo>,
    /// What an unlisted word ending in "-ed" is taken to be: a past form.
    guessed_past: WordInfo,
    /// What an unlisted word ending in "-ing" is taken to be: a gerund.
    guessed_gerund: WordInfo,
}

static VOCABULARY: Lazy<Vocabulary> = Lazy::new(Vocabulary::builtin);

/// Longest word looked up, in bytes; longer words are in no list.
const MAX_WORD: usize = 32;

impl Vocabulary {
    /// The built-in vocabulary, compiled once.
    pub(crate) fn get() -> &'static Vocabulary {
        &VOCABULARY
    }

    fn builtin() -> Vocabulary {
        let mut words: FastMap<Box<str>, WordInfo> = FastMap::default();
        for entry in GRAMMAR.entries() {
            if let Some((_, flag)) = class::SECTIONS
                .iter()
                .find(|(name, _)| *name == entry.section)
            {
                words
                    .entry(normalize(entry.text).into())
                    .or_default()
                    .classes |= flag;
            }
        }
        for entry in COMMON_WORDS.entries() {
            if entry.section == "adverb" {
                words
                    .entry(normalize(entry.text).into())
                    .or_default()
                    .classes |= class::ADVERB;
            }
        }
        for entry in VERBS.entries() {
            let mut fields = entry.text.split(" | ").map(str::trim);
            let Some(base) = fields.next() else { continue };
            let rest: Vec<&str> = fields.collect();
            for (word, forms) in inflect(entry.section, base, &rest) {
                let info = words.entry(normalize(&word).into()).or_default();
                info.forms |= forms;
                if info.lemma.is_empty() {
                    info.lemma = base.into();
                }
            }
        }
        Vocabulary {
            words,
            guessed_past: WordInfo {
                classes: 0,
                forms: form::PAST | form::PARTICIPLE,
                lemma: "".into(),
            },
            guessed_gerund: WordInfo {
                classes: 0,
                forms: form::GERUND,
                lemma: "".into(),
            },
        }
    }

    /// What `word` can be (case and apostrophe style ignored).
    ///
    /// A hyphenated word is looked up by its last part ("over-reacted"), and
    /// an unlisted lower-case word ending in "-ed" or "-ing" is taken for a
    /// past form or gerund, so that verbs missing from the list still show
    /// their tense.
    pub(crate) fn lookup(&self, word: &str) -> Option<&WordInfo> {
        let mut buffer = [0u8; MAX_WORD];
        let key = lower_key(word, &mut buffer)?;
        if let Some(info) = self.words.get(key) {
            return Some(info);
        }
        if let Some((_, last)) = key.rsplit_once('-')
            && let Some(info) = self.words.get(last)
        {
            return Some(info);
        }
        let lower_case = word.chars().next().is_some_and(char::is_lowercase);
        if lower_case && key.len() >= 5 && key.ends_with("ed") {
            Some(&self.guessed_past)
        } else if lower_case && key.len() >= 6 && key.ends_with("ing") {
            Some(&self.guessed_gerund)
        } else {
            None
        }
    }
}

/// Lower-cases an ASCII word (a curly or HTML-escaped apostrophe becomes
/// straight) into `buffer`; `None` for longer or non-ASCII words.
pub(crate) fn lower_key<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let mut len = 0;
    let mut skip_to = 0;
    for (at, c) in word.char_indices() {
        if at < skip_to {
            continue;
        }
        let reference = (c == '&')
            .then(|| word.get(at..).and_then(apostrophe_reference))
            .flatten();
        if let Some(reference) = reference {
            skip_to = at + reference;
        }
        let c = if c == '’' || reference.is_some() {
            '\''
        } else {
            c
        };
        if !c.is_ascii() {
            return None;
        }
        let slot = buffer.get_mut(len)?;
        *slot = (c as u8).to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
}

fn normalize(word: &str) -> String {
    word.trim().replace('’', "'").to_ascii_lowercase()
}

/// Every form of a verb with its form flags: the base, third person, past,
/// participle and gerund, from the lexicon fields and English spelling rules.
fn inflect(section: &str, base: &str, fields: &[&str]) -> Vec<(String, u8)> {
    let mut out = vec![
        (base.to_string(), form::BASE),
        (third_person(base), form::THIRD),
    ];
    let split = |field: Option<&&str>| -> Vec<String> {
        field
            .map(|f| {
                f.split(", ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (past, participle) = if section == "irregular" {
        (split(fields.first()), split(fields.get(1)))
    } else {
        let past = match fields.first() {
            Some(_) => split(fields.first()),
            None => vec![regular_past(base)],
        };
        (past.clone(), past)
    };
    let gerund = match (section, past.first()) {
        // An explicit regular past shows the spelling of the stem:
        // "stopped" gives "stopping", "travelled" "travelling".
        ("regular", Some(form)) if !fields.is_empty() => match form.strip_suffix("ed") {
            Some(stem) => format!("{stem}ing"),
            None => gerund(base),
        },
        _ => gerund(base),
    };
    out.extend(past.into_iter().map(|word| (word, form::PAST)));
    out.extend(participle.into_iter().map(|word| (word, form::PARTICIPLE)));
    out.push((gerund, form::GERUND));
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn third_person(base: &str) -> String {
    match base {
        "be" => return "is".to_string(),
        "have" => return "has".to_string(),
        _ => {}
    }
    if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if let Some(stem) = consonant_y_stem(base) {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

fn regular_past(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if let Some(stem) = consonant_y_stem(base) {
        format!("{stem}ied")
    } else {
        format!("{base}ed")
    }
}

fn gerund(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if let Some(stem) = base
        .strip_suffix('e')
        .filter(|stem| !stem.ends_with(['e', 'y', 'o']) && !stem.is_empty() && base != "be")
    {
        format!("{stem}ing")
    } else if doubles_final_consonant(base) {
        let last = base.chars().last().unwrap_or_default();
        format!("{base}{last}ing")
    } else {
        format!("{base}ing")
    }
}

/// "run", "get", "begin": one vowel group ending consonant-vowel-consonant
/// (not w, x or y) doubles its last consonant.
fn doubles_final_consonant(base: &str) -> bool {
    let chars: Vec<char> = base.chars().collect();
    let [.., a, b, c] = chars.as_slice() else {
        return false;
    };
    let groups = chars
        .iter()
        .zip(chars.iter().skip(1).chain(std::iter::once(&' ')))
        .filter(|(x, y)| is_vowel(**x) && !is_vowel(**y))
        .count();
    !is_vowel(*a) && is_vowel(*b) && !is_vowel(*c) && !matches!(c, 'w' | 'x' | 'y') && groups == 1
}

/// "carry" → Some("carr"); "play" → None.
fn consonant_y_stem(base: &str) -> Option<&str> {
    let stem = base.strip_suffix('y')?;
    let before = stem.chars().last()?;
    (!is_vowel(before)).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Lukashenko’s U.S. allies don't pay $97,500 (3.5%)."),
            [
                "Lukashenko",
                "’s",
                "U.S",
                ".",
                "allies",
                "don't",
                "pay",
                "$",
                "97,500",
                "(",
                "3.5",
                "%",
                ")",
                "."
            ]
        );
        assert_eq!(
            words("He's well-known, e.g. at 11:42."),
            [
                "He",
                "'s",
                "well-known",
                ",",
                "e.g",
                ".",
                "at",
                "11:42",
                "."
            ]
        );
        assert_eq!(words("€35m in 1990s"), ["€", "35m", "in", "1990s"]);
        assert_eq!(words("rock 'n' roll"), ["rock", "'", "n", "'", "roll"]);
    }

    #[test]
    fn an_escaped_apostrophe_reads_as_one() {
        let vocabulary = Vocabulary::get();
        assert!(vocabulary.lookup("&#39;re").unwrap().is(class::BE));
        assert!(vocabulary.lookup("don&#39;t").unwrap().is(class::DO));
    }

    #[test]
    fn an_escaped_apostrophe_stays_in_its_word() {
        assert_eq!(
            words("It&#39;s a joy; we&#39;re glad &amp; done."),
            [
                "It", "&#39;s", "a", "joy", ";", "we", "&#39;re", "glad", "&", "amp", ";", "done",
                "."
            ]
        );
    }

    #[test]
    fn inflections() {
        assert_eq!(third_person("stabilize"), "stabilizes");
        assert_eq!(third_person("carry"), "carries");
        assert_eq!(third_person("push"), "pushes");
        assert_eq!(regular_past("approve"), "approved");
        assert_eq!(regular_past("carry"), "carried");
        assert_eq!(regular_past("play"), "played");
        assert_eq!(gerund("make"), "making");
        assert_eq!(gerund("run"), "running");
        assert_eq!(gerund("die"), "dying");
        assert_eq!(gerund("see"), "seeing");
        assert_eq!(gerund("visit"), "visiting");
    }

    #[test]
    fn vocabulary() {
        let vocabulary = Vocabulary::get();
        let info = vocabulary.lookup("Stabilizes").unwrap();
        assert!(info.can_be(form::THIRD));
        assert_eq!(&*info.lemma, "stabilize");
        assert!(vocabulary.lookup("went").unwrap().can_be(form::PAST));
        assert!(vocabulary.lookup("does").unwrap().is(class::DO));
        assert!(vocabulary.lookup("don’t").unwrap().is(class::DO));
        assert!(vocabulary.lookup("the").unwrap().is(class::DETERMINER));
        assert!(vocabulary.lookup("Lukashenka").is_none());
    }
}
