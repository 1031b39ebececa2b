//! Where claims come from: a document and what is known about it.

use serde::{Deserialize, Serialize};

use super::Date;
use crate::error::Error;

/// A document added to the ledger, with what a reader needs to cite it.
///
/// ```
/// use claimtrack::ledger::Source;
///
/// let source = Source::new("wn-2025-02-11")
///     .title("The first power will cross the Baltic before Christmas")
///     .publisher("Wikinews")
///     .date("2025-02-11")?
///     .speaker("MS. WRONA", "Ewa Wrona");
/// assert_eq!(source.date.map(|d| d.to_string()).as_deref(), Some("2025-02-11"));
/// assert!(Source::new("x").date("11/02/2025").is_err());
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The caller's id for the document; claim ids derive from it.
    pub id: String,
    /// Headline or title.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// Publication date (`YYYY-MM-DD` in JSON).
    pub date: Option<Date>,
    /// Names for the document's speaker labels: `[label, name]` pairs
    /// ("MS. WRONA" → "Ewa Wrona"), used as the claims' `speaker`.
    pub speakers: Vec<(String, String)>,
}

/// The calendar date written `YYYY-MM-DD` (and no other way).
///
/// # Errors
///
/// [`Error::InvalidDate`] for anything else.
pub(crate) fn parse_date(value: &str) -> Result<Date, Error> {
    is_date(value)
        .then(|| value.parse::<Date>().ok())
        .flatten()
        .ok_or_else(|| Error::InvalidDate {
            value: value.to_string(),
        })
}

/// True for a calendar date written `YYYY-MM-DD`.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

impl Source {
    /// A source with only an id.
    pub fn new(id: &str) -> Source {
        Source {
            id: id.to_string(),
            ..Source::default()
        }
    }

    /// Sets the title.
    #[must_use]
    pub fn title(mut self, title: &str) -> Source {
        self.title = Some(title.to_string());
        self
    }

    /// Sets the URL.
    #[must_use]
    pub fn url(mut self, url: &str) -> Source {
        self.url = Some(url.to_string());
        self
    }

    /// Sets the publisher.
    #[must_use]
    pub fn publisher(mut self, publisher: &str) -> Source {
        self.publisher = Some(publisher.to_string());
        self
    }

    /// Sets the publication date.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] unless `date` is a calendar date written
    /// `YYYY-MM-DD`.
    pub fn date(mut self, date: &str) -> Result<Source, Error> {
        self.date = Some(parse_date(date)?);
        Ok(self)
    }

    /// Names the speaker of a label.
    #[must_use]
    pub fn speaker(mut self, label: &str, name: &str) -> Source {
        self.speakers.push((label.to_string(), name.to_string()));
        self
    }

    /// The name given for a speaker label.
    pub(crate) fn speaker_name(&self, label: Option<&str>) -> Option<&str> {
        let label = label?;
        self.speakers
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(label))
            .map(|(_, name)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates() {
        for good in ["2024-02-29", "2025-12-31", "1999-01-01"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "25-01-01",
            "2025-1-1",
            "",
            "2025-01-01x",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
