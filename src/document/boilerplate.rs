//! Web-page leftovers: which lines are not part of the interview.
//!
//! Each line of the input is checked once, before paragraphs are built:
//! whole-line phrases, `Phrase: …` lines, banner phrases found inside short
//! lines, rows of social buttons and breadcrumb trails. Headings that open a
//! page's tail ("Sources", "Related articles") are only marked here; the
//! layout stage drops them and what follows once the interview has begun,
//! and drops short trailing fragments after the last answer.

use crate::hash::FastSet as HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::{self, BOILERPLATE};

/// Why a region of the input was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// A known web-page phrase: "Exit mobile version", "Share this:",
    /// "Advertisement", "Read more: …", "Direct link: …".
    KnownPhrase,
    /// A cookie notice.
    CookieBanner,
    /// A newsletter, subscription or paywall banner.
    SubscriptionBanner,
    /// A legal or site notice ("All rights reserved").
    Notice,
    /// A row of share buttons ("Facebook Twitter `LinkedIn` Email").
    SocialButtons,
    /// A breadcrumb trail ("Home › World › Europe").
    Navigation,
    /// A page's tail after the interview: a heading such as "Sources" or
    /// "Related articles" and everything after it.
    TailSection,
    /// A line that is only a web address.
    Link,
    /// A line of control characters and nothing else (a stray end-of-file
    /// mark).
    Control,
    /// A page's running header or footer in text converted from a PDF: a
    /// line repeated at the top or bottom of the pages ("Chair Powell’s
    /// Press Conference", "FINAL").
    RunningHeader,
    /// A page number standing alone: "Page 3 of 7", "3 of 22", "(ii)".
    PageNumber,
    /// The YAML or TOML front matter of a Markdown file: its fences and
    /// fields (`title: …`, `tags: […]`).
    FrontMatter,
    /// A box of related links in the middle of a page ("See also" and the
    /// headlines under it) with the interview going on after it.
    Sidebar,
    /// A short line without sentence punctuation after the last answer
    /// (related headlines, tag lists).
    TrailingFragment,
}

crate::label::labels! {
    DropReason in "document" {
        KnownPhrase => "known_phrase",
        CookieBanner => "cookie_banner",
        SubscriptionBanner => "subscription_banner",
        Notice => "notice",
        SocialButtons => "social_buttons",
        Navigation => "navigation",
        TailSection => "tail_section",
        Link => "link",
        Control => "control",
        RunningHeader => "running_header",
        PageNumber => "page_number",
        FrontMatter => "front_matter",
        Sidebar => "sidebar",
        TrailingFragment => "trailing_fragment",
    }
}

/// What the line check says about one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Part of the document.
    Text,
    /// Web boilerplate, dropped with this reason.
    Drop(DropReason),
    /// A heading that opens the page's tail ("Sources").
    TailHeading,
}

/// How a phrase anchored at the start of a line may match; one phrase can
/// be listed under several rules ("share this" is a whole line and a
/// labelled line).
// Independent rules a phrase may be listed under, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct LineRules {
    /// The phrase is the whole line.
    whole: bool,
    /// The phrase is followed by a separator, then anything.
    labelled: bool,
    /// The phrase starts a short line.
    lead: bool,
    /// The phrase is the whole line and opens the page's tail.
    tail: bool,
}

/// Reasons for phrases found anywhere inside a short line.
const BANNER_SECTIONS: [(&str, DropReason); 3] = [
    ("cookie_banner", DropReason::CookieBanner),
    ("subscription_banner", DropReason::SubscriptionBanner),
    ("notice", DropReason::Notice),
];

const SECTIONS: &[&str] = &[
    "line",
    "labelled",
    "lead",
    "tail_section",
    "cookie_banner",
    "subscription_banner",
    "notice",
    "social_network",
    "social_word",
];

/// Lines longer than this are never banners or leads (bytes).
const SHORT_LINE: usize = 200;
/// Banners can be long-winded; lines up to this many bytes are checked.
const BANNER_LINE: usize = 600;

/// The compiled boilerplate lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Boilerplate {
    anchored: AhoCorasick,
    anchored_rules: Vec<LineRules>,
    banners: AhoCorasick,
    banner_reasons: Vec<DropReason>,
    social_networks: HashSet<Box<str>>,
    social_words: HashSet<Box<str>>,
}

impl Boilerplate {
    /// Compiles the built-in lexicon plus `extra` whole-line phrases.
    pub(crate) fn new(extra_lines: &[String]) -> Result<Boilerplate, Error> {
        let mut anchored_patterns: Vec<String> = Vec::new();
        let mut anchored_rules: Vec<LineRules> = Vec::new();
        let mut banner_patterns = Vec::new();
        let mut banner_reasons = Vec::new();
        let mut social_networks = HashSet::default();
        let mut social_words = HashSet::default();
        let mut add_anchored = |phrase: &str, set: fn(&mut LineRules)| {
            let phrase = phrase.trim().to_ascii_lowercase();
            let index = if let Some(index) = anchored_patterns.iter().position(|p| *p == phrase) {
                index
            } else {
                anchored_patterns.push(phrase);
                anchored_rules.push(LineRules::default());
                anchored_rules.len() - 1
            };
            if let Some(rules) = anchored_rules.get_mut(index) {
                set(rules);
            }
        };
        for entry in BOILERPLATE.checked_entries(SECTIONS)? {
            match entry.section {
                "line" => add_anchored(entry.text, |r| r.whole = true),
                "labelled" => add_anchored(entry.text, |r| r.labelled = true),
                "lead" => add_anchored(entry.text, |r| r.lead = true),
                "tail_section" => add_anchored(entry.text, |r| r.tail = true),
                "social_network" => {
                    social_networks.insert(entry.text.to_ascii_lowercase().into_boxed_str());
                }
                "social_word" => {
                    social_words.insert(entry.text.to_ascii_lowercase().into_boxed_str());
                }
                section => {
                    if let Some((_, reason)) =
                        BANNER_SECTIONS.iter().find(|(name, _)| *name == section)
                    {
                        banner_patterns.push(entry.text.to_string());
                        banner_reasons.push(*reason);
                    }
                }
            }
        }
        for phrase in extra_lines {
            lexicon::check_user_entry("boilerplate line", phrase)?;
            add_anchored(phrase, |r| r.whole = true);
        }
        Ok(Boilerplate {
            anchored: build_matcher(&anchored_patterns, StartKind::Anchored)?,
            anchored_rules,
            banners: build_matcher(&banner_patterns, StartKind::Unanchored)?,
            banner_reasons,
            social_networks,
            social_words,
        })
    }

    /// Classifies one line (already trimmed).
    pub(crate) fn classify(&self, line: &str) -> LineKind {
        if let Some(kind) = self.anchored_phrase(line) {
            return kind;
        }
        if line.len() <= BANNER_LINE
            && let Some(found) = self.banners.find(line)
            && let Some(reason) = self.banner_reasons.get(found.pattern().as_usize())
        {
            return LineKind::Drop(*reason);
        }
        if self.is_social_row(line) {
            return LineKind::Drop(DropReason::SocialButtons);
        }
        if is_breadcrumb(line) {
            return LineKind::Drop(DropReason::Navigation);
        }
        if is_bare_link(line) {
            return LineKind::Drop(DropReason::Link);
        }
        if line.chars().all(char::is_control) {
            return LineKind::Drop(DropReason::Control);
        }
        LineKind::Text
    }

    /// The longest listed phrase at the start of the line, checked against
    /// the rules it is listed under.
    fn anchored_phrase(&self, line: &str) -> Option<LineKind> {
        let input = Input::new(line).anchored(Anchored::Yes);
        let found = self.anchored.find(input)?;
        let rules = *self.anchored_rules.get(found.pattern().as_usize())?;
        let rest = line.get(found.end()..).unwrap_or("").trim();
        let whole = rest.is_empty() || rest == ":";
        let separated = rest.starts_with([':', '|', '»', '›', '>', '-', '–', '—']);
        if rules.tail && (whole || line.ends_with(':') && line.len() <= SHORT_LINE) {
            Some(LineKind::TailHeading)
        } else if (whole && rules.whole)
            || ((whole || separated) && rules.labelled)
            || (rules.lead && line.len() <= SHORT_LINE)
        {
            Some(LineKind::Drop(DropReason::KnownPhrase))
        } else {
            None
        }
    }

    /// "Facebook Twitter `LinkedIn` Email", "Share on Facebook Share on X":
    /// every word is a social word and at least one names a network.
    fn is_social_row(&self, line: &str) -> bool {
        if line.len() > SHORT_LINE {
            return false;
        }
        let mut networks = 0;
        let mut words = 0;
        for word in line
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|word| !word.is_empty())
        {
            let lower = word.to_ascii_lowercase();
            if self.social_networks.contains(lower.as_str()) {
                networks += 1;
            } else if !self.social_words.contains(lower.as_str()) {
                return false;
            }
            words += 1;
        }
        words >= 2 && networks >= 1
    }
}

fn build_matcher(patterns: &[String], start: StartKind) -> Result<AhoCorasick, Error> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(start)
        .build(patterns)
        .map_err(|error| Error::Lexicon {
            lexicon: BOILERPLATE.name.to_string(),
            line: None,
            message: error.to_string(),
        })
}

/// `https://science.larc.nasa.gov/`: a web address and nothing else, or
/// after a short title and a colon ("SF Bitcoin Devs presentation on Bcoin:
/// https://…").
fn is_bare_link(line: &str) -> bool {
    let is_address = |text: &str| {
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
            && !text.contains(char::is_whitespace)
    };
    is_address(line)
        || line.rsplit_once(": ").is_some_and(|(title, address)| {
            title.len() <= LINK_TITLE && !title.contains(['.', '?', '!']) && is_address(address)
        })
}

/// Longest title (in bytes) before a colon and a web address on one line.
const LINK_TITLE: usize = 120;

/// "Home › World › Europe", "News | Politics | Belarus": three or more
/// short parts joined by separators, none with sentence punctuation.
fn is_breadcrumb(line: &str) -> bool {
    if line.len() > 120 || line.ends_with(['.', '?', '!']) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(['›', '»', '>', '|', '/', '→'])
        .map(str::trim)
        .collect();
    parts.len() >= 3
        && parts.iter().all(|part| {
            let words = part.split_whitespace().count();
            (1..=4).contains(&words) && part.chars().any(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        Boilerplate::new(&[]).unwrap().classify(line)
    }

    const DROP: &[(&str, DropReason)] = &[
        ("Exit mobile version", DropReason::KnownPhrase),
        ("Share this:", DropReason::KnownPhrase),
        ("SHARE THIS", DropReason::KnownPhrase),
        ("Advertisement", DropReason::KnownPhrase),
        (
            "Read more: Halvorsen shares fall 8% after profit warning",
            DropReason::KnownPhrase,
        ),
        ("READ MORE » Putin visits Minsk", DropReason::KnownPhrase),
        (
            "Direct link: http://en.kremlin.ru/events/president/news/123",
            DropReason::KnownPhrase,
        ),
        ("Publication status: published", DropReason::KnownPhrase),
        ("Text version", DropReason::KnownPhrase),
        ("Back to Top", DropReason::KnownPhrase),
        ("Skip to content", DropReason::KnownPhrase),
        (
            "Transcribed by https://example.com",
            DropReason::KnownPhrase,
        ),
        ("© 2024 Nordic Wire", DropReason::KnownPhrase),
        (
            "We use cookies to improve your experience. Accept",
            DropReason::CookieBanner,
        ),
        ("This website uses cookies. OK", DropReason::CookieBanner),
        (
            "Subscribe to our newsletter for weekly analysis. Sign up now",
            DropReason::SubscriptionBanner,
        ),
        (
            "Support independent journalism — donate today",
            DropReason::SubscriptionBanner,
        ),
        (
            "Copyright 2024 Nordic Wire. All rights reserved.",
            DropReason::Notice,
        ),
        ("Facebook Twitter LinkedIn Email", DropReason::SocialButtons),
        (
            "Share on Facebook Share on X Share on LinkedIn",
            DropReason::SocialButtons,
        ),
        (
            "Tweet | Share | WhatsApp | Email",
            DropReason::SocialButtons,
        ),
        ("Home › World › Europe", DropReason::Navigation),
        ("https://science.larc.nasa.gov/", DropReason::Link),
        (
            "Breaking Bitcoin presentation on consensus pitfalls: https://diyhpl.us/wiki/",
            DropReason::Link,
        ),
        ("\u{1a}", DropReason::Control),
        (
            "News / Politics / Belarus / Interviews",
            DropReason::Navigation,
        ),
    ];

    const KEEP: &[&str] = &[
        "Read more about our plans later this year, he said.",
        "Share prices fell 8% after the warning.",
        "Close.",
        "We shared the data with the E.U. and the U.S.",
        "Advertisement revenue fell by a third.",
        "Twitter and Facebook have both banned the group.",
        "The cookie industry is not my area.",
        "Copyright law is broken, and we will fix it.",
        "Why did Lavrov and Shoigu come with Putin to Minsk?",
        "24/7 coverage matters to us.",
        "Sources told us the deal is close.",
        "https://example.com is where we publish the data.",
        "The data are here. See: https://example.com/data",
    ];

    #[test]
    fn drops_web_leftovers_with_their_reason() {
        for (line, reason) in DROP {
            assert_eq!(kind(line), LineKind::Drop(*reason), "{line:?}");
        }
    }

    #[test]
    fn keeps_spoken_text_that_shares_words_with_leftovers() {
        for line in KEEP {
            assert_eq!(kind(line), LineKind::Text, "{line:?}");
        }
    }

    #[test]
    fn tail_headings_are_marked_not_dropped() {
        for line in [
            "Sources",
            "Related articles",
            "See also",
            "Further reading:",
        ] {
            assert_eq!(kind(line), LineKind::TailHeading, "{line:?}");
        }
    }

    #[test]
    fn user_phrases_extend_the_list() {
        let boilerplate = Boilerplate::new(&["Listen to the podcast".to_string()]).unwrap();
        assert_eq!(
            boilerplate.classify("Listen to the podcast"),
            LineKind::Drop(DropReason::KnownPhrase)
        );
    }
}
