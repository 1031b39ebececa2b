//! The ids of claims and entities in an extraction.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

/// The id of a claim in its extraction, anchored to the claim's words: `c`
/// and twelve hex digits of a hash of the claim's text (white space
/// collapsed) and of how many claims with the same text come before it.
///
/// Text added or removed elsewhere in the document — a headline that gains a
/// word, a paragraph cut above — leaves the id of every other claim as it
/// was, so ids in snapshots, spreadsheets and ledgers survive edits of the
/// page. In JSON it is a plain string.
///
/// ```
/// let before = claimtrack::extract("Q: Why?\n\nA: The plant will close in May.")?;
/// let after = claimtrack::extract("Q: Why now, sir?\n\nA: The plant will close in May.")?;
/// assert_eq!(before.claims[0].id, after.claims[0].id);
/// assert_eq!(before.claims[0].id.as_str().len(), 13);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(String);

/// The id of an entity in its extraction: `e` and its number in order of
/// first mention ("e3"). In JSON it is a plain string.
///
/// ```
/// let extraction = claimtrack::extract("Q: Did Putin call?\n\nA: Putin did not call Minsk.")?;
/// let putin = &extraction.entities[0];
/// assert_eq!(putin.id.as_str(), "e1");
/// assert_eq!(extraction.entity(&putin.id).map(|e| e.name.as_str()), Some("Putin"));
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(String);

macro_rules! string_id {
    ($name:ident) => {
        impl $name {
            /// An id with this text, for records built by hand (ids the
            /// crate gives come with the extraction).
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}

string_id!(ClaimId);
string_id!(EntityId);

impl ClaimId {
    /// The id of a claim not yet numbered ([`ClaimIds`] gives it one).
    pub(crate) fn unassigned() -> ClaimId {
        ClaimId(String::new())
    }
}

impl EntityId {
    /// The id of the entity with this index in the extraction's entities.
    pub(crate) fn from_index(index: usize) -> EntityId {
        EntityId(format!("e{}", index + 1))
    }
}

/// FNV-1a, 64 bits: stable across platforms, releases and runs, unlike the
/// standard library's hashers.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Gives claims their text-anchored ids, in text order.
#[derive(Debug, Default)]
pub(crate) struct ClaimIds {
    /// How many claims with each text (by the hash of its words) came
    /// before.
    seen: HashMap<u64, usize>,
    given: HashSet<u64>,
}

/// FNV-1a of the words of `text` joined by one space: the text with its
/// white space collapsed, hashed without building it.
fn words_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            add(b" ");
        }
        add(word.as_bytes());
    }
    hash
}

impl ClaimIds {
    /// The id of the next claim, whose text is `text`.
    pub(crate) fn next(&mut self, text: &str) -> ClaimId {
        let words = words_hash(text);
        let count = self.seen.entry(words).or_insert(0);
        *count += 1;
        // A repeat of the same words is told apart by its number; so is the
        // rare text whose hash another claim of the document already took.
        let mut number = *count;
        loop {
            let mut hash = words;
            for &byte in b"\0".iter().chain(number.to_string().as_bytes()) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            let id = hash >> 16;
            if self.given.insert(id) {
                return ClaimId(format!("c{id:012x}"));
            }
            number += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_words_not_the_position() {
        let mut first = ClaimIds::default();
        let a = first.next("The plant will close.");
        let mut second = ClaimIds::default();
        second.next("Something said before.");
        assert_eq!(second.next("The  plant will\nclose."), a);
    }

    #[test]
    fn repeated_words_get_distinct_ids() {
        let mut ids = ClaimIds::default();
        let one = ids.next("Yes, it will.");
        let two = ids.next("Yes, it will.");
        assert_ne!(one, two);
        assert!(one.as_str().starts_with('c') && one.as_str().len() == 13);
    }

    #[test]
    fn ids_compare_with_text_and_serialize_as_strings() {
        let id = EntityId::from_index(2);
        assert_eq!(id, "e3");
        assert_eq!(id.to_string(), "e3");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"e3\"");
    }
}
