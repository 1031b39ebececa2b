//! Built-in knowledge: countries and territories with their other names,
//! demonyms and capitals; international organisations and their acronyms;
//! seats of power that stand for a state ("the Kremlin"). All of it is data
//! in `src/lexicon/`; no list names a particular person.

use crate::hash::{FastMap as HashMap, FastSet as HashSet};

use once_cell::sync::Lazy;

use super::EntityKind;
use crate::lexicon::{
    CITIES, COMMON_WORDS, COUNTRIES, ENTITY_WORDS, ORGANIZATIONS, QUANTITIES, SEATS_OF_POWER,
    SENTENCE_STARTERS,
};

/// One thing the knowledge files name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) name: Box<str>,
    pub(crate) kind: EntityKind,
    /// The country a capital, seat of power or national body belongs to.
    pub(crate) country: Option<usize>,
    /// A capital or seat of power: it stands for its country's state when
    /// it acts ("Tbilisi has recognized", "the Kremlin says").
    pub(crate) seat: bool,
}

/// How a known word or phrase names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Naming {
    /// A name or other name: "Belarus", "Byelorussia", "NATO".
    Name,
    /// A demonym or adjective standing for a country: "Belarusian".
    Demonym,
}

/// What a normalised name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KnownName {
    pub(crate) known: usize,
    pub(crate) naming: Naming,
}

/// A name and, for short abbreviations that are also words in lower case
/// ("US", "WHO", "CAR", "AP"), the exact capitals the text must use.
#[derive(Clone, Debug, PartialEq, Eq)]
struct NameEntry {
    name: KnownName,
    exact: Option<String>,
}

/// The compiled knowledge files.
#[derive(Clone, Debug)]
pub(crate) struct Knowledge {
    pub(crate) known: Vec<Known>,
    names: HashMap<String, NameEntry>,
    organization_words: HashSet<String>,
    place_words: HashSet<String>,
    event_words: HashSet<String>,
    motion_words: HashSet<String>,
    resident_words: HashSet<String>,
    compatriot_words: HashSet<String>,
    descriptions: HashMap<String, EntityKind>,
    /// Months and weekdays: capitalised, but no names.
    calendar: HashSet<String>,
    /// Currency codes ("NOK", "USD"): capitals, but no names.
    currencies: HashSet<String>,
    /// Common sentence openers ("Then", "Today"): no names.
    starters: HashSet<String>,
    /// Frequent nouns, adjectives and adverbs ("Revenue", "Violent").
    common: HashSet<String>,
    /// Longest known name, in words.
    pub(crate) max_words: usize,
}

static KNOWLEDGE: Lazy<Knowledge> = Lazy::new(Knowledge::builtin);

/// The key a name is looked up by: lower case, no full stops, straight
/// apostrophes, single spaces, no leading "the".
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '.' => {}
                '’' => key.push('\''),
                c => key.extend(c.to_lowercase()),
            }
        }
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// Runs `f` on the key of `word` ([`name_key`]), without allocating for
/// the usual case: one ASCII word of up to 48 bytes without full stops or
/// curly apostrophes.
fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let simple = word.len() <= 48
        && word
            .bytes()
            .all(|b| b.is_ascii() && b != b'.' && !b.is_ascii_whitespace());
    if simple {
        let mut buffer = [0u8; 48];
        if let Some(slot) = buffer.get_mut(..word.len()) {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            if let Ok(key) = std::str::from_utf8(slot) {
                return f(key);
            }
        }
    }
    f(&name_key(word))
}

fn without_stops(name: &str) -> String {
    name.chars().filter(|&c| c != '.').collect()
}

fn values(field: Option<&str>) -> impl Iterator<Item = &str> {
    field
        .unwrap_or("")
        .split(", ")
        .map(str::trim)
        .filter(|value| !value.is_empty() && *value != "-")
}

impl Knowledge {
    pub(crate) fn get() -> &'static Knowledge {
        &KNOWLEDGE
    }

    fn builtin() -> Knowledge {
        let mut knowledge = Knowledge {
            known: Vec::new(),
            names: HashMap::default(),
            organization_words: HashSet::default(),
            place_words: HashSet::default(),
            event_words: HashSet::default(),
            motion_words: HashSet::default(),
            resident_words: HashSet::default(),
            compatriot_words: HashSet::default(),
            descriptions: HashMap::default(),
            calendar: HashSet::default(),
            currencies: HashSet::default(),
            starters: HashSet::default(),
            common: HashSet::default(),
            max_words: 1,
        };
        for entry in SENTENCE_STARTERS.entries() {
            knowledge.starters.insert(name_key(entry.text));
        }
        for entry in COMMON_WORDS.entries() {
            knowledge.common.insert(name_key(entry.text));
        }
        for entry in QUANTITIES.entries() {
            match entry.section {
                "month" | "weekday" => {
                    knowledge.calendar.insert(name_key(entry.text));
                }
                "currency_code" => {
                    knowledge.currencies.insert(entry.text.trim().to_string());
                }
                _ => {}
            }
        }
        let mut countries: HashMap<String, usize> = HashMap::default();
        for entry in COUNTRIES.entries() {
            let mut fields = entry.text.split(" | ");
            let Some(name) = fields.next().map(str::trim) else {
                continue;
            };
            let (others, demonyms, capitals) = (fields.next(), fields.next(), fields.next());
            let kind = match entry.section {
                "region" => EntityKind::Place,
                _ => EntityKind::Country,
            };
            let country = knowledge.add_named(name, others, kind, None);
            countries.insert(name_key(name), country);
            for demonym in values(demonyms) {
                knowledge.name(demonym, country, Naming::Demonym);
            }
            for capital in values(capitals) {
                let capital = knowledge.add_named(capital, None, EntityKind::Place, Some(country));
                knowledge.mark_seat(capital);
            }
        }
        for entry in ORGANIZATIONS.entries() {
            let mut fields = entry.text.split(" | ");
            let Some(name) = fields.next().map(str::trim) else {
                continue;
            };
            knowledge.add_named(name, fields.next(), EntityKind::Organization, None);
        }
        for entry in SEATS_OF_POWER.entries() {
            let mut fields = entry.text.split(" | ");
            let names: Vec<&str> = values(fields.next()).collect();
            let Some(first) = names.first() else { continue };
            let country = fields
                .next()
                .and_then(|c| countries.get(&name_key(c)).copied());
            let seat = knowledge.add(first, EntityKind::Organization, country);
            knowledge.mark_seat(seat);
            for name in names {
                knowledge.name(name, seat, Naming::Name);
            }
        }
        // After every other file, so a name they give keeps its meaning.
        for entry in CITIES.entries() {
            let mut fields = entry.text.split(" | ");
            let Some(name) = fields.next().map(str::trim) else {
                continue;
            };
            let others = fields.next();
            let country = fields
                .next()
                .and_then(|c| countries.get(&name_key(c)).copied());
            knowledge.add_named(name, others, EntityKind::Place, country);
        }
        for entry in ENTITY_WORDS.entries() {
            let key = name_key(entry.text.split(" | ").next().unwrap_or(""));
            match entry.section {
                "organization_word" => {
                    knowledge.organization_words.insert(key);
                }
                "place_word" => {
                    knowledge.place_words.insert(key);
                }
                "event_word" => {
                    knowledge.event_words.insert(key);
                }
                "resident_word" => {
                    knowledge.resident_words.insert(key);
                }
                "compatriot_word" => {
                    knowledge.compatriot_words.insert(key);
                }
                "motion_word" => {
                    knowledge.motion_words.insert(key);
                }
                _ => {
                    let kind = entry
                        .text
                        .split(" | ")
                        .nth(1)
                        .and_then(EntityKind::parse)
                        .unwrap_or(EntityKind::Organization);
                    knowledge.descriptions.insert(key, kind);
                }
            }
        }
        knowledge
    }

    fn add(&mut self, name: &str, kind: EntityKind, country: Option<usize>) -> usize {
        self.known.push(Known {
            name: name.trim().trim_start_matches("the ").into(),
            kind,
            country,
            seat: false,
        });
        self.known.len() - 1
    }

    /// Marks a known entity as a capital or seat of power.
    fn mark_seat(&mut self, known: usize) {
        if let Some(entry) = self.known.get_mut(known) {
            entry.seat = true;
        }
    }

    /// Adds a known entity under its name and its `other` names (a ", "
    /// separated field).
    fn add_named(
        &mut self,
        name: &str,
        others: Option<&str>,
        kind: EntityKind,
        country: Option<usize>,
    ) -> usize {
        let known = self.add(name, kind, country);
        self.name(name, known, Naming::Name);
        for other in values(others) {
            self.name(other, known, Naming::Name);
        }
        known
    }

    fn name(&mut self, name: &str, known: usize, naming: Naming) {
        self.insert_name(name, known, naming, false);
    }

    /// Adds `name` for `known`. The first file entry to claim a name keeps
    /// it; a user's entry (`replace`) takes it over.
    fn insert_name(&mut self, name: &str, known: usize, naming: Naming, replace: bool) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        let bare = without_stops(name);
        let exact =
            (bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_uppercase())).then_some(bare);
        let entry = NameEntry {
            name: KnownName { known, naming },
            exact,
        };
        if replace {
            self.names.insert(key, entry);
        } else {
            self.names.entry(key).or_insert(entry);
        }
    }

    /// Adds a user's entity: `name` with its `aliases`. With a `kind`, a new
    /// entity that takes over these names from the built-in files; without
    /// one, more names for the entity `name` already is.
    ///
    /// # Errors
    ///
    /// A message when `name` is empty, or has no kind and is not known.
    pub(crate) fn add_user(
        &mut self,
        name: &str,
        kind: Option<EntityKind>,
        aliases: &[String],
    ) -> Result<(), String> {
        let name = name.trim();
        if name_key(name).is_empty() {
            return Err("an entity needs a name".to_string());
        }
        let known = match kind {
            Some(kind) => {
                let known = self.add(name, kind, None);
                self.insert_name(name, known, Naming::Name, true);
                known
            }
            None => {
                self.lookup(name)
                    .ok_or_else(|| {
                        format!("{name:?} is not a known name; give its kind to add it")
                    })?
                    .known
            }
        };
        for alias in aliases {
            self.insert_name(alias, known, Naming::Name, true);
        }
        Ok(())
    }

    /// What a name (any case, with or without "the" and full stops) is.
    /// Short abbreviations must be written in capitals: "US" is the United
    /// States, "Us" is not.
    pub(crate) fn lookup(&self, name: &str) -> Option<KnownName> {
        let entry = with_key(name, |key| self.names.get(key))?;
        match &entry.exact {
            Some(exact) if *exact != without_stops(name.trim().trim_start_matches("the ")) => None,
            _ => Some(entry.name),
        }
    }

    /// The known entity with this index.
    pub(crate) fn entry(&self, known: usize) -> Option<&Known> {
        self.known.get(known)
    }

    /// True when `word` marks an organisation name ("Ministry", "Inc").
    pub(crate) fn is_organization_word(&self, word: &str) -> bool {
        with_key(word, |key| self.organization_words.contains(key))
    }

    /// True when `word` marks a place name ("Street", "River").
    pub(crate) fn is_place_word(&self, word: &str) -> bool {
        with_key(word, |key| self.place_words.contains(key))
    }

    /// True for a common sentence opener ("Then", "However").
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        with_key(word, |key| self.starters.contains(key))
    }

    /// True for a frequent English noun, adjective or adverb ("Revenue").
    pub(crate) fn is_common_word(&self, word: &str) -> bool {
        with_key(word, |key| self.common.contains(key))
    }

    /// True for a month or weekday name ("March", "Sept.", "Monday").
    pub(crate) fn is_calendar(&self, word: &str) -> bool {
        with_key(word, |key| self.calendar.contains(key))
    }

    /// True for a currency code written in capitals ("NOK", "USD").
    pub(crate) fn is_currency_code(&self, word: &str) -> bool {
        self.currencies.contains(word)
    }

    /// True for a verb form of going or sending along a route ("flew",
    /// "escorted"), after which "to X" names a place.
    /// True for a noun for a place's people ("citizens"): "the citizens
    /// of X" names a place.
    pub(crate) fn is_resident_word(&self, word: &str) -> bool {
        with_key(word, |key| self.resident_words.contains(key))
    }

    /// True for a noun that hails the speaker's own people
    /// ("compatriots", "countrymen").
    pub(crate) fn is_compatriot_word(&self, word: &str) -> bool {
        with_key(word, |key| self.compatriot_words.contains(key))
    }

    pub(crate) fn is_motion_word(&self, word: &str) -> bool {
        with_key(word, |key| self.motion_words.contains(key))
    }

    /// True when `word` marks an event or document ("Day", "Treaty").
    pub(crate) fn is_event_word(&self, word: &str) -> bool {
        with_key(word, |key| self.event_words.contains(key))
    }

    /// The kind "the NOUN" refers back to ("country" → country).
    pub(crate) fn description(&self, noun: &str) -> Option<EntityKind> {
        with_key(noun, |key| self.descriptions.get(key).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known_name(name: &str) -> Option<(String, EntityKind, Naming)> {
        let knowledge = Knowledge::get();
        let found = knowledge.lookup(name)?;
        let known = knowledge.entry(found.known)?;
        Some((known.name.to_string(), known.kind, found.naming))
    }

    #[test]
    fn countries_demonyms_capitals() {
        assert_eq!(
            known_name("Belarus"),
            Some(("Belarus".into(), EntityKind::Country, Naming::Name))
        );
        assert_eq!(
            known_name("Belarusian"),
            Some(("Belarus".into(), EntityKind::Country, Naming::Demonym))
        );
        assert_eq!(
            known_name("Russian Federation").map(|k| k.0),
            Some("Russia".into())
        );
        assert_eq!(
            known_name("U.S.").map(|k| k.0),
            Some("United States".into())
        );
        assert_eq!(known_name("US").map(|k| k.0), Some("United States".into()));
        assert_eq!(known_name("Us"), None);
        let (name, kind, _) = known_name("Minsk").unwrap();
        assert_eq!((name.as_str(), kind), ("Minsk", EntityKind::Place));
    }

    #[test]
    fn organizations_and_seats() {
        assert_eq!(
            known_name("NATO").map(|k| k.1),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            known_name("the European Union").map(|k| k.1),
            Some(EntityKind::Organization)
        );
        let knowledge = Knowledge::get();
        let kremlin = knowledge.lookup("the Kremlin").unwrap();
        let country = knowledge.entry(kremlin.known).unwrap().country.unwrap();
        assert_eq!(&*knowledge.entry(country).unwrap().name, "Russia");
    }

    #[test]
    fn cities_are_places_in_their_country() {
        let knowledge = Knowledge::get();
        for spelling in ["Kraków", "Krakow", "Cracow"] {
            let city = knowledge.lookup(spelling).unwrap();
            let entry = knowledge.entry(city.known).unwrap();
            assert_eq!((&*entry.name, entry.kind), ("Kraków", EntityKind::Place));
            let country = knowledge.entry(entry.country.unwrap()).unwrap();
            assert_eq!(&*country.name, "Poland");
        }
    }

    /// Every city names a country of countries.txt, and no name of a city
    /// is taken by an entry of another file first (it would silently mean
    /// that entry instead).
    #[test]
    fn every_city_has_its_country_and_its_own_names() {
        let knowledge = Knowledge::get();
        for entry in CITIES.entries() {
            let fields: Vec<&str> = entry.text.split(" | ").collect();
            let [name, others, country] = fields[..] else {
                panic!("cities.txt line {}: three fields wanted", entry.line);
            };
            let city = knowledge.lookup(name).unwrap().known;
            let known = knowledge.entry(city).unwrap();
            assert_eq!(&*known.name, name, "line {}: {name} is taken", entry.line);
            let of = knowledge.entry(known.country.unwrap()).unwrap();
            assert_eq!(&*of.name, country, "line {}", entry.line);
            for other in values(Some(others)) {
                let found = knowledge.lookup(other).map(|k| k.known);
                assert_eq!(found, Some(city), "line {}: {other} is taken", entry.line);
            }
        }
    }

    #[test]
    fn kind_words() {
        let knowledge = Knowledge::get();
        assert!(knowledge.is_organization_word("Ministry"));
        assert!(knowledge.is_place_word("Street"));
        assert_eq!(knowledge.description("country"), Some(EntityKind::Country));
    }
}
