//! Lower-casing a word without allocating, for look-ups in hot loops.

use std::ops::Deref;

use crate::segment::words::APOSTROPHE_REFERENCES;

/// Longest word lower-cased in place; longer or non-ASCII words allocate.
const INLINE: usize = 32;

/// A word in lower case: inline for short ASCII words, on the heap
/// otherwise.
#[derive(Clone, Debug)]
pub(crate) enum Lower {
    Inline([u8; INLINE], u8),
    Heap(String),
}

impl Lower {
    pub(crate) fn new(word: &str) -> Lower {
        // "it&#39;s" reads as "it's".
        if word.contains('&') {
            let mut lower = word.to_lowercase();
            for reference in APOSTROPHE_REFERENCES {
                lower = lower.replace(reference, "'");
            }
            return Lower::Heap(lower);
        }
        if word.len() <= INLINE && word.is_ascii() {
            let mut buffer = [0u8; INLINE];
            if let Some(slot) = buffer.get_mut(..word.len()) {
                slot.copy_from_slice(word.as_bytes());
                slot.make_ascii_lowercase();
                if let Ok(len) = u8::try_from(word.len()) {
                    return Lower::Inline(buffer, len);
                }
            }
        }
        Lower::Heap(word.to_lowercase())
    }
}

impl Deref for Lower {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Inline(buffer, len) => buffer
                .get(..usize::from(*len))
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .unwrap_or(""),
            Lower::Heap(word) => word,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lower;

    #[test]
    fn lowers_like_to_lowercase() {
        for word in ["Minsk", "NATO", "", "Łukaszenka", "Ab'C-d", &"X".repeat(40)] {
            assert_eq!(&*Lower::new(word), word.to_lowercase());
        }
    }

    #[test]
    fn reads_an_escaped_apostrophe_as_one() {
        assert_eq!(&*Lower::new("It&#39;s"), "it's");
        assert_eq!(&*Lower::new("we&rsquo;re"), "we're");
    }
}
