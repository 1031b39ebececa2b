//! The name a closed-vocabulary value has in the JSON output.

use serde::Serialize;

/// The snake-case name serde gives an enum value (`Evidence::Lacking` →
/// `"lacking"`), the word the JSON output, the CSV and the report use;
/// empty for a value that does not serialize to a string.
pub(crate) fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::json_name;
    use crate::claim::{Certainty, Evidence};

    #[test]
    fn enum_names_are_the_json_names() {
        assert_eq!(json_name(&Evidence::Lacking), "lacking");
        assert_eq!(json_name(&Certainty::Probable), "probable");
    }
}
