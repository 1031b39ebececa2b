//! A fast hasher for the crate's lookup tables.
//!
//! Only for tables whose keys come from the lexicons (and a user's
//! additions), built once and then only looked up: a document's words can
//! find no collision to pile into them. Maps keyed by document text keep the
//! standard library's `SipHash`, which guards against a page crafted to
//! collide. This is the multiply-rotate hash of Firefox and rustc (`FxHash`),
//! a few lines rather than a dependency.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// `FxHash`: for each 8 bytes, rotate, xor, multiply.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(slot) = word.get_mut(..rest.len()) {
                slot.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_lookups_work() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (index, word) in ["a", "abcdefgh", "abcdefghi", "Minsk", ""]
            .iter()
            .enumerate()
        {
            map.insert(word.to_string(), index);
        }
        assert_eq!(map.get("abcdefghi"), Some(&2));
        assert_eq!(map.get("Minsk"), Some(&3));
        assert_eq!(map.get(""), Some(&4));
        assert_eq!(map.get("abcdefgh "), None);
    }
}
