//! Open gazetteers: places (countries, territories, first-level divisions,
//! cities, regions, continents, celestial bodies), given names and
//! organisations (parties, media, international bodies, companies,
//! agencies), compiled from open data (`data/gazetteer/`, sources and
//! licences in its `LICENSES.md`) into `fst` maps at build time.
//!
//! With the `gazetteer` feature off every look-up answers nothing and the
//! recognizer falls back on its built-in knowledge and the text's cues.

#[cfg(feature = "gazetteer")]
use fst::Map;
use once_cell::sync::Lazy;

/// What a place in the gazetteer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "gazetteer"), allow(dead_code))]
pub(crate) enum PlaceClass {
    Country,
    Territory,
    /// A first-level division: a US state, a province, an oblast.
    Admin1,
    City,
    /// A world region: "Middle East", "Scandinavia".
    Region,
    Continent,
    /// A planet, moon, galaxy or nebula.
    Celestial,
}

impl PlaceClass {
    /// In the order of `PLACE_CLASSES` in build.rs.
    #[cfg_attr(not(feature = "gazetteer"), allow(dead_code))]
    const ALL: [PlaceClass; 7] = [
        PlaceClass::Country,
        PlaceClass::Territory,
        PlaceClass::Admin1,
        PlaceClass::City,
        PlaceClass::Region,
        PlaceClass::Continent,
        PlaceClass::Celestial,
    ];

    /// A country or territory, which the crate's kinds tell from places.
    pub(crate) fn is_country(self) -> bool {
        matches!(self, PlaceClass::Country | PlaceClass::Territory)
    }
}

/// The compiled gazetteers, loaded once.
pub(crate) struct Gazetteer {
    #[cfg(feature = "gazetteer")]
    places: Option<Map<&'static [u8]>>,
    #[cfg(feature = "gazetteer")]
    given_names: Option<Map<&'static [u8]>>,
    #[cfg(feature = "gazetteer")]
    organizations: Option<Map<&'static [u8]>>,
}

#[cfg(feature = "gazetteer")]
static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.fst"));
#[cfg(feature = "gazetteer")]
static GIVEN_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.fst"));
#[cfg(feature = "gazetteer")]
static ORGANIZATIONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/organizations.fst"));

static GAZETTEER: Lazy<Gazetteer> = Lazy::new(|| Gazetteer {
    #[cfg(feature = "gazetteer")]
    places: Map::new(PLACES).ok(),
    #[cfg(feature = "gazetteer")]
    given_names: Map::new(GIVEN_NAMES).ok(),
    #[cfg(feature = "gazetteer")]
    organizations: Map::new(ORGANIZATIONS).ok(),
});

/// A name as the maps key it: one space between words (a line break or a
/// no-break space inside a name is a space), and lower case when `fold`.
#[cfg_attr(not(feature = "gazetteer"), allow(dead_code))]
fn key(name: &str, fold: bool) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        if fold {
            key.extend(word.chars().flat_map(char::to_lowercase));
        } else {
            key.push_str(word);
        }
    }
    key
}

// Without the feature the look-ups answer nothing and read no field.
#[cfg_attr(not(feature = "gazetteer"), allow(clippy::unused_self))]
impl Gazetteer {
    /// The gazetteers compiled into the crate.
    pub(crate) fn get() -> &'static Gazetteer {
        &GAZETTEER
    }

    /// What place `name` is ("Massachusetts" → a first-level division).
    pub(crate) fn place(&self, name: &str) -> Option<PlaceClass> {
        #[cfg(feature = "gazetteer")]
        {
            let code = self.places.as_ref()?.get(key(name, true))?;
            PlaceClass::ALL.get(usize::try_from(code).ok()?).copied()
        }
        #[cfg(not(feature = "gazetteer"))]
        {
            let _ = name;
            None
        }
    }

    /// True when `word` is a given name ("Angela", "Recep", "Jörg").
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        #[cfg(feature = "gazetteer")]
        {
            self.given_names
                .as_ref()
                .is_some_and(|names| names.contains_key(key(word, true)))
        }
        #[cfg(not(feature = "gazetteer"))]
        {
            let _ = word;
            false
        }
    }

    /// True when `name`, in its own capitals, is an organisation the
    /// gazetteer lists ("Democratic Party", "NATO", "Reuters").
    pub(crate) fn is_organization(&self, name: &str) -> bool {
        #[cfg(feature = "gazetteer")]
        {
            self.organizations
                .as_ref()
                .is_some_and(|names| names.contains_key(key(name, false)))
        }
        #[cfg(not(feature = "gazetteer"))]
        {
            let _ = name;
            false
        }
    }
}

#[cfg(all(test, feature = "gazetteer"))]
mod tests {
    use super::*;

    #[test]
    fn places_given_names_and_organisations_are_found() {
        let gazetteer = Gazetteer::get();
        assert_eq!(gazetteer.place("Massachusetts"), Some(PlaceClass::Admin1));
        assert_eq!(gazetteer.place("NORTH  CAROLINA"), Some(PlaceClass::Admin1));
        assert_eq!(gazetteer.place("Falkirk"), Some(PlaceClass::City));
        assert_eq!(gazetteer.place("Mars"), Some(PlaceClass::Celestial));
        assert_eq!(gazetteer.place("Africa"), Some(PlaceClass::Continent));
        assert_eq!(gazetteer.place("Soviet Union"), Some(PlaceClass::Country));
        assert_eq!(gazetteer.place("Putin"), None);
        assert!(gazetteer.is_given_name("Angela"));
        assert!(gazetteer.is_given_name("Jörg"));
        assert!(!gazetteer.is_given_name("Will"));
        assert!(gazetteer.is_organization("Democratic Party"));
        assert!(gazetteer.is_organization("NATO"));
        assert!(!gazetteer.is_organization("nato"));
    }

    #[test]
    fn a_name_broken_over_lines_is_one_key() {
        assert_eq!(key("North\nCarolina", true), "north carolina");
        assert_eq!(key("Los\u{a0}Angeles", false), "Los Angeles");
    }
}
