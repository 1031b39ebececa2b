//! The configured entity stage: built-in knowledge plus a user's own
//! entities and alias spellings.

use std::borrow::Cow;

use once_cell::sync::Lazy;

use super::knowledge::Knowledge;
use super::{Entities, EntityKind, recognize, reference, resolve, settle, speaker};
use crate::document::Document;
use crate::error::Error;

/// Recognises and resolves entities; build once, use for many documents
/// (`Send + Sync`).
///
/// ```
/// use claimtrack::{Document, entity::{EntityKind, Recognizer}};
///
/// let recognizer = Recognizer::builder()
///     .entity("Lukashenka", EntityKind::Person, &["Lukashenko", "Alexander Lukashenko"])
///     .build()?;
/// let doc = Document::parse("Why did Alexander Lukashenko go?\n\nLukashenko went to Sochi.")?;
/// let entities = recognizer.recognize(&doc);
/// assert_eq!(entities.entities()[0].name, "Lukashenka");
/// assert_eq!(entities.entities()[0].mentions.len(), 2);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Recognizer {
    knowledge: Cow<'static, Knowledge>,
}

static DEFAULT_RECOGNIZER: Lazy<Recognizer> = Lazy::new(|| Recognizer {
    knowledge: Cow::Borrowed(Knowledge::get()),
});

impl Recognizer {
    /// The recognizer with the built-in knowledge only.
    pub fn default_ref() -> &'static Recognizer {
        &DEFAULT_RECOGNIZER
    }

    /// A builder to add entities and alias spellings.
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// Finds, resolves and links the entities of a document.
    pub fn recognize(&self, document: &Document<'_>) -> Entities {
        let knowledge = &*self.knowledge;
        let tokens = recognize::SentenceTokens::new(document);
        let candidates = recognize::candidates(document, knowledge, &tokens);
        let turn_starts: Vec<usize> = document.turns().iter().map(|t| t.span().start).collect();
        let mut entities = resolve::resolve(document.text(), &candidates, knowledge, &turn_starts);
        speaker::link(document, &mut entities, knowledge);
        reference::resolve_references(document, &mut entities, knowledge, &tokens);
        // Settling an ambiguous name can change who speaks a turn and so
        // what "we" means: resolve the references again.
        if settle::settle(document.text(), &mut entities) {
            reference::resolve_references(document, &mut entities, knowledge, &tokens);
        }
        entities
    }
}

impl Default for Recognizer {
    fn default() -> Recognizer {
        DEFAULT_RECOGNIZER.clone()
    }
}

/// One entry a user gave, with where it came from for error messages.
#[derive(Clone, Debug)]
struct UserEntry {
    name: String,
    kind: Option<EntityKind>,
    aliases: Vec<String>,
    source: String,
    line: Option<usize>,
}

/// Adds a newsroom's own entities and spellings to a [`Recognizer`].
///
/// An entity given here is a known entity: every spelling listed for it
/// resolves to it and it takes its canonical name from here, as the
/// built-in countries do ("always Lukashenka, whatever the text writes").
/// User entries take a name over from the built-in files.
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    entries: Vec<UserEntry>,
}

impl RecognizerBuilder {
    /// Adds an entity with its canonical `name`, its kind, and other
    /// spellings of its name (any strings: `&["Lukashenko"]`, a
    /// `Vec<String>`, an iterator).
    pub fn entity(
        &mut self,
        name: &str,
        kind: EntityKind,
        aliases: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> &mut Self {
        self.entries.push(UserEntry {
            name: name.to_string(),
            kind: Some(kind),
            aliases: aliases
                .into_iter()
                .map(|alias| alias.as_ref().to_string())
                .collect(),
            source: "builder".to_string(),
            line: None,
        });
        self
    }

    /// Adds `alias` as another spelling of `name`, which is a built-in name
    /// ("Byelarus" → "Belarus") or an entity added to this builder.
    pub fn alias(&mut self, alias: &str, name: &str) -> &mut Self {
        self.entries.push(UserEntry {
            name: name.to_string(),
            kind: None,
            aliases: vec![alias.to_string()],
            source: "builder".to_string(),
            line: None,
        });
        self
    }

    /// Adds the entries of a tab-separated file, named `source` in error
    /// messages. One entry a line; `#` starts a comment line; blank lines
    /// are skipped. Each line has up to three fields separated by tabs:
    ///
    /// ```text
    /// # name        kind      other spellings (comma-separated)
    /// Lukashenka    person    Lukashenko, Alexander Lukashenko
    /// Belarus       -         Byelarus
    /// ```
    ///
    /// The kind is one of `person`, `country`, `place`, `organization`,
    /// `group`, `other`; `-` or an empty field adds the spellings to a
    /// built-in name or one added before.
    ///
    /// ```
    /// use claimtrack::entity::Recognizer;
    ///
    /// let mut builder = Recognizer::builder();
    /// builder.tsv("newsroom.tsv", "Lukashenka\tperson\tLukashenko\n")?;
    /// let error = Recognizer::builder().tsv("bad.tsv", "# names\nSmith\tpeople\n").unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "lexicon bad.tsv, line 2: unknown kind \"people\" (person, country, place, organization, group, other)"
    /// );
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] with the line number for a line without a name or
    /// with an unknown kind.
    pub fn tsv(&mut self, source: &str, text: &str) -> Result<&mut Self, Error> {
        for (number, line) in text.lines().enumerate() {
            let line_number = number + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim);
            let name = fields.next().unwrap_or("");
            let error = |message: String| Error::Lexicon {
                lexicon: source.to_string(),
                line: Some(line_number),
                message,
            };
            if name.is_empty() {
                return Err(error("the line has no name in its first field".to_string()));
            }
            let kind = match fields.next().unwrap_or("") {
                "" | "-" => None,
                kind => Some(EntityKind::parse(kind).ok_or_else(|| {
                    error(format!(
                        "unknown kind {kind:?} (person, country, place, organization, group, other)"
                    ))
                })?),
            };
            let aliases = fields
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|alias| !alias.is_empty())
                .map(str::to_string)
                .collect();
            self.entries.push(UserEntry {
                name: name.to_string(),
                kind,
                aliases,
                source: source.to_string(),
                line: Some(line_number),
            });
        }
        Ok(self)
    }

    /// Compiles the recognizer.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for an entry without a name, or an alias of a
    /// name that is neither built in nor added before it.
    pub fn build(&self) -> Result<Recognizer, Error> {
        if self.entries.is_empty() {
            return Ok(Recognizer::default());
        }
        let mut knowledge = Knowledge::get().clone();
        for entry in &self.entries {
            knowledge
                .add_user(&entry.name, entry.kind, &entry.aliases)
                .map_err(|message| Error::Lexicon {
                    lexicon: entry.source.clone(),
                    line: entry.line,
                    message,
                })?;
        }
        Ok(Recognizer {
            knowledge: Cow::Owned(knowledge),
        })
    }
}
