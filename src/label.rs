//! Closed vocabularies as strings: every label enum writes and reads the
//! same snake-case name its JSON output uses, without a trip through serde.

/// A string that is not the name of any value of a label enum, given to
/// its [`FromStr`](std::str::FromStr).
///
/// ```
/// use claimtrack::ParseLabelError;
/// use claimtrack::claim::Time;
///
/// let error: ParseLabelError = "tomorrow".parse::<Time>().unwrap_err();
/// assert_eq!(error.label, "Time");
/// assert_eq!(error.value, "tomorrow");
/// assert_eq!(error.expected, ["past", "present", "future"]);
/// assert_eq!(
///     error.to_string(),
///     r#"Time cannot be "tomorrow": expected one of past, present, future"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{label} cannot be {value:?}: expected one of {}", expected.join(", "))]
#[non_exhaustive]
pub struct ParseLabelError {
    /// The type asked for (`"Evidence"`).
    pub label: &'static str,
    /// The string given.
    pub value: String,
    /// The names the type accepts, in declaration order.
    pub expected: &'static [&'static str],
}

/// Gives a fieldless enum `ALL`, a `const fn as_str`, `Display` and
/// `FromStr`, from one list of `Variant => "name"` pairs. The `as_str` match
/// is exhaustive, so a variant added to the enum but not to the list does
/// not compile. `$module` is the path users import the type from, for the
/// generated doctests.
macro_rules! labels {
    (
        $name:ident in $module:literal {
            $first:ident => $first_name:literal
            $(, $variant:ident => $variant_name:literal)* $(,)?
        }
    ) => {
        impl $name {
            #[doc = concat!(
                "Every value, in declaration order.\n\n```\nuse claimtrack::",
                $module, "::", stringify!($name), ";\n\nassert!(",
                stringify!($name), "::ALL.contains(&", stringify!($name), "::",
                stringify!($first), "));\n```"
            )]
            pub const ALL: &'static [$name] = &[$name::$first $(, $name::$variant)*];

            #[doc = concat!(
                "The value's snake-case name, as the JSON output, the CSV, the ",
                "report and the lexicon files write it; [`Display`](std::fmt::Display) ",
                "writes it and [`FromStr`](std::str::FromStr) reads it.\n\n```\nuse claimtrack::",
                $module, "::", stringify!($name), ";\n\nassert_eq!(",
                stringify!($name), "::", stringify!($first), ".as_str(), \"",
                $first_name, "\");\nassert_eq!(", stringify!($name), "::",
                stringify!($first), ".to_string(), \"", $first_name,
                "\");\nassert_eq!(\"", $first_name, "\".parse::<", stringify!($name),
                ">(), Ok(", stringify!($name), "::", stringify!($first), "));\n```"
            )]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $name::$first => $first_name,
                    $($name::$variant => $variant_name,)*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::label::ParseLabelError;

            /// Reads exactly the name [`as_str`](Self::as_str) writes.
            fn from_str(value: &str) -> Result<$name, Self::Err> {
                match value {
                    $first_name => Ok($name::$first),
                    $($variant_name => Ok($name::$variant),)*
                    _ => Err($crate::label::ParseLabelError {
                        label: stringify!($name),
                        value: value.to_string(),
                        expected: &[$first_name $(, $variant_name)*],
                    }),
                }
            }
        }
    };
}

pub(crate) use labels;

#[cfg(test)]
mod tests {
    use std::fmt::{Debug, Display};
    use std::str::FromStr;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use super::ParseLabelError;
    use crate::claim::{
        Certainty, ClaimKind, CueFamily, CueKind, Evidence, Polarity, QuantityKind, Time,
    };
    use crate::document::{DropReason, Layout, Role, Side};
    use crate::entity::{EntityKind, MentionKind};
    use crate::ledger::{Outcome, RelationKind};
    use crate::segment::AbbreviationKind;

    /// Every value's name is its JSON name, and reads back as the value.
    fn serde_names<T>(all: &[T])
    where
        T: Copy + Debug + Display + PartialEq + FromStr<Err = ParseLabelError>,
        T: Serialize + DeserializeOwned,
    {
        assert!(!all.is_empty());
        for &value in all {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json.as_str(), Some(value.to_string().as_str()), "{value:?}");
            assert_eq!(value.to_string().parse::<T>(), Ok(value), "{value:?}");
            let back: T = serde_json::from_value(json).unwrap();
            assert_eq!(back, value);
        }
    }

    /// Names are distinct and read back, and anything else is refused.
    fn round_trips<T>(all: &[T], as_str: fn(T) -> &'static str)
    where
        T: Copy + Debug + Display + PartialEq + FromStr<Err = ParseLabelError>,
    {
        for (i, &value) in all.iter().enumerate() {
            assert_eq!(value.to_string(), as_str(value));
            assert_eq!(as_str(value).parse::<T>(), Ok(value));
            assert!(
                all.iter()
                    .skip(i + 1)
                    .all(|&other| as_str(other) != as_str(value))
            );
        }
        let error = "No Such Name".parse::<T>().unwrap_err();
        assert_eq!(error.value, "No Such Name");
        assert_eq!(error.expected.len(), all.len());
        assert!(
            error
                .expected
                .iter()
                .zip(all)
                .all(|(name, &v)| *name == as_str(v))
        );
    }

    #[test]
    fn every_label_is_its_serde_name_and_round_trips() {
        serde_names(Polarity::ALL);
        serde_names(Certainty::ALL);
        serde_names(Evidence::ALL);
        serde_names(Time::ALL);
        serde_names(ClaimKind::ALL);
        serde_names(CueKind::ALL);
        serde_names(QuantityKind::ALL);
        serde_names(Role::ALL);
        serde_names(Layout::ALL);
        serde_names(Side::ALL);
        serde_names(DropReason::ALL);
        serde_names(EntityKind::ALL);
        serde_names(MentionKind::ALL);
        serde_names(RelationKind::ALL);
        serde_names(Outcome::ALL);

        round_trips(Polarity::ALL, Polarity::as_str);
        round_trips(Certainty::ALL, Certainty::as_str);
        round_trips(Evidence::ALL, Evidence::as_str);
        round_trips(Time::ALL, Time::as_str);
        round_trips(ClaimKind::ALL, ClaimKind::as_str);
        round_trips(CueKind::ALL, CueKind::as_str);
        round_trips(QuantityKind::ALL, QuantityKind::as_str);
        round_trips(Role::ALL, Role::as_str);
        round_trips(Layout::ALL, Layout::as_str);
        round_trips(Side::ALL, Side::as_str);
        round_trips(DropReason::ALL, DropReason::as_str);
        round_trips(EntityKind::ALL, EntityKind::as_str);
        round_trips(MentionKind::ALL, MentionKind::as_str);
        round_trips(RelationKind::ALL, RelationKind::as_str);
        round_trips(Outcome::ALL, Outcome::as_str);
        round_trips(AbbreviationKind::ALL, AbbreviationKind::as_str);
        round_trips(CueFamily::ALL, CueFamily::as_str);
    }

    #[test]
    fn section_names_are_the_labels() {
        for &family in CueFamily::ALL {
            assert_eq!(CueFamily::from_section(family.as_str()), Some(family));
        }
        for &kind in AbbreviationKind::ALL {
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
    }

    #[test]
    fn error_names_the_type_value_and_choices() {
        let error = "Lacking".parse::<Evidence>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "Evidence cannot be \"Lacking\": expected one of asserted, evidenced, lacking, reported, inferred"
        );
    }
}
