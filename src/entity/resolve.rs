//! Resolution: one entity per referent.
//!
//! Candidates are grouped by what they name, in this order:
//!
//! 1. **Knowledge.** Names the knowledge files know go to their entry
//!    ("Russian Federation" and "Russia"; "Belarusian" and "Belarus").
//! 2. **Spelling.** The same words, ignoring case, full stops and a
//!    possessive `'s`, are one name.
//! 3. **Parts of a full name.** A one-word name that is the last word of
//!    exactly one longer person's name is that person ("Solberg" after
//!    "Ingrid Solberg"); the first word of exactly one longer name is that
//!    name ("Halvorsen" after "Halvorsen Motors"); a first and last name
//!    are the one longer name that starts and ends so ("George Bush" and
//!    "George W. Bush"). A part shared by two longer names ("Kim" with "Kim
//!    Jong Un" and "Kim Yo Jong"; "Bush" with "George H. W. Bush" and
//!    "George W. Bush") is **ambiguous**: each of its mentions goes to the
//!    one candidate named in the same turn (or, failing that, the turn
//!    before) when the other is not; otherwise the mention stays with an
//!    entity of its own whose `ambiguous_with` lists the candidates.
//! 4. **Transliteration.** One-word names that agree after folding common
//!    transliteration alternations (kh/h, ts/t, ou/ov, y/i, doubled
//!    letters) to within one edit in ten, starting with the same letter,
//!    are one name: Lukashenko / Lukashenka, Zelensky / Zelenskyy,
//!    Tsikhanouskaya / Tikhanovskaya. A name joins a group only if it is
//!    also a variant of the group's first name, so near misses do not
//!    chain. A one-word name that is such a
//!    variant of a longer person's last name is that person ("Zhukovsky"
//!    after "Andrei Zhukouski").
//! 5. **Acronyms** given in brackets after a name, or spelling the
//!    initials of a longer organisation name, are that organisation.
//!
//! A person named right after a country's demonym or possessive, with only
//! titles between ("Belarusian President Lukashenka", "Russia's Putin"),
//! belongs to that country.

use std::collections::HashMap;

use super::knowledge::{Knowledge, Naming, name_key};
use super::recognize::{Candidate, strength};
use super::settle::{Gender, honorific_gender, titles_before};
use super::{Entities, Entity, EntityKind, Mention, MentionKind};
use crate::segment::words::{Vocabulary, class};
use crate::span::Span;

/// Most one-word names a name is compared with for transliteration; keeps
/// a document full of names linear.
const MAX_COMPARISONS: usize = 64;
/// Two spellings of one name may differ by one edit per this many
/// letters (rounded up).
const LETTERS_PER_EDIT: usize = 10;
/// Names up to this many letters are compared without allocating.
const BAND_NAME: usize = 48;
/// Most mentions looked back at to settle an ambiguous name by context.
const SETTLE_LOOK_BACK: usize = 400;

/// Groups candidates into entities; `turn_starts` are the start offsets of
/// the document's turns, in order, which bound the context that settles an
/// ambiguous name.
pub(crate) fn resolve(
    text: &str,
    candidates: &[Candidate],
    knowledge: &Knowledge,
    turn_starts: &[usize],
) -> Entities {
    let mut groups = Groups::default();
    let mut group_of: Vec<usize> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let key = match (candidate.known, candidate.acronym_of) {
            (Some(known), _) => GroupKey::Known(known.known),
            (None, Some(expansion)) => {
                let group = group_of.get(expansion).copied().unwrap_or(0);
                group_of.push(group);
                continue;
            }
            (None, None) => GroupKey::Name(surface_key(candidate.span.slice(text))),
        };
        group_of.push(groups.get_or_add(key));
    }
    let titles = group_titles(text, candidates, &group_of, groups.keys.len());
    let mut union = Union::new(groups.keys.len());
    let ambiguous = merge_parts_of_names(&groups, candidates, &group_of, &titles, &mut union);
    merge_short_organizations(&groups, candidates, &group_of, knowledge, &mut union);
    merge_transliterations(&groups, &mut union);
    merge_initials(&groups, &mut union);
    let context = Context {
        text,
        turn_starts,
        ambiguous,
        titles,
    };
    build(
        &context, candidates, &group_of, &groups, &mut union, knowledge,
    )
}

/// What settles an ambiguous name: the turns, and the candidates of each
/// ambiguous group.
struct Context<'a> {
    text: &'a str,
    turn_starts: &'a [usize],
    /// Group of an ambiguous part of a name → the groups of the longer
    /// names it could be part of.
    ambiguous: HashMap<usize, Vec<usize>>,
    /// The titles before each group's names.
    titles: Vec<Titles>,
}

impl Context<'_> {
    /// Index of the turn containing `offset`.
    fn turn_of(&self, offset: usize) -> usize {
        self.turn_starts.partition_point(|&start| start <= offset)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum GroupKey {
    Known(usize),
    Name(String),
}

#[derive(Debug, Default)]
struct Groups {
    keys: Vec<GroupKey>,
    index: HashMap<GroupKey, usize>,
}

impl Groups {
    fn get_or_add(&mut self, key: GroupKey) -> usize {
        if let Some(&index) = self.index.get(&key) {
            return index;
        }
        self.keys.push(key.clone());
        self.index.insert(key, self.keys.len() - 1);
        self.keys.len() - 1
    }

    fn name(&self, group: usize) -> Option<&str> {
        match self.keys.get(group)? {
            GroupKey::Name(name) => Some(name),
            GroupKey::Known(_) => None,
        }
    }
}

/// Union-find over groups.
struct Union {
    parent: Vec<usize>,
}

impl Union {
    fn new(size: usize) -> Union {
        Union {
            parent: (0..size).collect(),
        }
    }

    fn find(&mut self, mut item: usize) -> usize {
        while let Some(&parent) = self.parent.get(item) {
            if parent == item {
                break;
            }
            let grandparent = self.parent.get(parent).copied().unwrap_or(parent);
            if let Some(slot) = self.parent.get_mut(item) {
                *slot = grandparent;
            }
            item = parent;
        }
        item
    }

    /// Joins the groups of `a` and `b`; the earlier root stays the root so
    /// the entity order follows first mention.
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (root, child) = if a <= b { (a, b) } else { (b, a) };
        if let Some(slot) = self.parent.get_mut(child) {
            *slot = root;
        }
    }
}

/// The key of a surface form: lower case, no possessive, no full stops.
fn surface_key(surface: &str) -> String {
    name_key(strip_possessive(surface))
}

/// A name or word without its possessive: "Putin's" → "Putin".
pub(crate) fn strip_possessive(surface: &str) -> &str {
    surface
        .strip_suffix("'s")
        .or_else(|| surface.strip_suffix("’s"))
        .or_else(|| surface.strip_suffix('\''))
        .or_else(|| surface.strip_suffix('’'))
        .unwrap_or(surface)
}

/// Rule 3: names that are part of exactly one longer name join it; the
/// parts of several longer people's names are returned, each with its
/// candidates.
fn merge_parts_of_names(
    groups: &Groups,
    candidates: &[Candidate],
    group_of: &[usize],
    titles: &[Titles],
    union: &mut Union,
) -> HashMap<usize, Vec<usize>> {
    let mut person_group = vec![false; groups.keys.len()];
    let mut place_group = vec![false; groups.keys.len()];
    for (candidate, &group) in candidates.iter().zip(group_of) {
        if candidate.kind == EntityKind::Person
            && candidate.strength >= strength::FULL_NAME
            && let Some(slot) = person_group.get_mut(group)
        {
            *slot = true;
        }
        if candidate.kind == EntityKind::Place
            && let Some(slot) = place_group.get_mut(group)
        {
            *slot = true;
        }
    }
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_ends: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group) else {
            continue;
        };
        let words: Vec<&str> = name.split(' ').collect();
        if let (true, Some(first), Some(last)) = (words.len() > 1, words.first(), words.last()) {
            by_first.entry(first).or_default().push(group);
            if person_group.get(group).copied().unwrap_or(false) {
                by_last.entry(last).or_default().push(group);
                if words.len() > 2 {
                    by_ends.entry((first, last)).or_default().push(group);
                }
            }
        }
    }
    // Last names by the first letter and length of their skeleton, to
    // find spelling variants without comparing every pair.
    let mut last_names: SpellingBuckets<&str> = HashMap::new();
    for &last in by_last.keys() {
        let folded = skeleton(last);
        if let Some(&first) = folded.first() {
            last_names
                .entry((first, folded.len()))
                .or_default()
                .push((last, folded));
        }
    }
    // The map's order is random: sort, so that the bounded comparisons
    // below see the same names on every run.
    for bucket in last_names.values_mut() {
        bucket.sort_unstable();
    }
    let mut ambiguous = HashMap::new();
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group) else {
            continue;
        };
        let words: Vec<&str> = name.split(' ').collect();
        let spelled: Vec<usize>;
        let mut of_people = true;
        let candidates: &[usize] = match words.as_slice() {
            [word] => {
                // A place named on its own ("in Riverton") is not the first
                // word of a longer name ("Riverton Public Library").
                let is_place = place_group.get(group).copied().unwrap_or(false);
                match (by_last.get(word), by_first.get(word)) {
                    (Some(people), _) => people,
                    (None, Some(names)) if !is_place => {
                        of_people = names
                            .iter()
                            .all(|&g| person_group.get(g).copied().unwrap_or(false));
                        names
                    }
                    _ => {
                        // "Zhukovsky" after "Andrei Zhukouski": a spelling
                        // variant of one last name.
                        let folded = skeleton(word);
                        let first = folded.first().copied().unwrap_or(' ');
                        spelled = (folded.len().saturating_sub(2)..=folded.len() + 2)
                            .flat_map(|length| {
                                last_names.get(&(first, length)).into_iter().flatten()
                            })
                            .take(MAX_COMPARISONS)
                            .filter(|(_, other)| same_skeleton(other, &folded))
                            .flat_map(|(last, _)| by_last.get(last).into_iter().flatten().copied())
                            .collect();
                        &spelled
                    }
                }
            }
            [first, last] => by_ends.get(&(*first, *last)).map_or(&[], Vec::as_slice),
            _ => &[],
        };
        let conflicts = |other: &usize| {
            titles
                .get(group)
                .zip(titles.get(*other))
                .is_some_and(|(a, b)| a.conflicts(b))
        };
        match candidates {
            [] => {}
            // "Minister Wrona" is not "MP Tomasz Wrona": in doubt.
            [only] if conflicts(only) => {
                ambiguous.insert(group, vec![*only]);
            }
            [only] => union.join(*only, group),
            // "Baltic" beside "Baltic Sentry" and "Baltic Resilience
            // Institute" is neither: only a part of people's names is in
            // doubt between them.
            several if of_people => {
                ambiguous.insert(group, several.to_vec());
            }
            _ => {}
        }
    }
    ambiguous
}

/// What the titles before a group's names say of the person: gender from
/// honorifics ("Mr.", "Ms."), and offices ("minister", "MP").
#[derive(Clone, Debug, Default)]
pub(crate) struct Titles {
    female: bool,
    male: bool,
    offices: Vec<String>,
}

impl Titles {
    /// True when the two cannot be one person: opposite honorifics, or
    /// offices on both sides with none in common.
    fn conflicts(&self, other: &Titles) -> bool {
        let gender =
            self.female && other.male && !other.female || self.male && other.female && !other.male;
        let offices = !self.offices.is_empty()
            && !other.offices.is_empty()
            && !self.offices.iter().any(|o| other.offices.contains(o));
        gender || offices
    }
}

/// Honorifics that say nothing of a person's office.
const COURTESY: &[&str] = &["dr", "prof", "professor", "sir", "dame", "former", "late"];

/// The titles written before each group's names.
fn group_titles(
    text: &str,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: usize,
) -> Vec<Titles> {
    let vocabulary = Vocabulary::get();
    let mut titles = vec![Titles::default(); groups];
    for (candidate, &group) in candidates.iter().zip(group_of) {
        if let Some(slot) = titles.get_mut(group) {
            slot.add(text, candidate.span, vocabulary);
        }
    }
    titles
}

impl Titles {
    /// Adds the titles written before `span`.
    fn add(&mut self, text: &str, span: Span, vocabulary: &Vocabulary) {
        for title in titles_before(text, span, vocabulary) {
            match honorific_gender(&title) {
                Some(Gender::Female) => self.female = true,
                Some(Gender::Male) => self.male = true,
                None if COURTESY.contains(&title.as_str()) => {}
                None => {
                    if !self.offices.contains(&title) {
                        self.offices.push(title);
                    }
                }
            }
        }
    }
}

/// Rule 3 for organisations: a one-word name that is the last word of
/// exactly one longer organisation name the document uses is that
/// organisation ("the Commission" after "the European Commission"), unless
/// one sentence names both ("the Department, together with the Treasury
/// Department": two departments).
fn merge_short_organizations(
    groups: &Groups,
    candidates: &[Candidate],
    group_of: &[usize],
    knowledge: &Knowledge,
    union: &mut Union,
) {
    let mut sentences: Vec<Vec<usize>> = vec![Vec::new(); groups.keys.len()];
    let mut organization = vec![false; groups.keys.len()];
    for (candidate, &group) in candidates.iter().zip(group_of) {
        if let Some(list) = sentences.get_mut(group) {
            list.push(candidate.sentence);
        }
        if candidate.kind == EntityKind::Organization
            && let Some(slot) = organization.get_mut(group)
        {
            *slot = true;
        }
    }
    let name_of = |group: usize| -> Option<String> {
        match groups.keys.get(group)? {
            GroupKey::Name(name) => Some(name.clone()),
            GroupKey::Known(known) => Some(name_key(&knowledge.entry(*known)?.name)),
        }
    };
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for group in 0..groups.keys.len() {
        if !organization.get(group).copied().unwrap_or(false) {
            continue;
        }
        if let Some(name) = name_of(group)
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            by_last.entry(last.to_string()).or_default().push(group);
        }
    }
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group).filter(|n| !n.contains(' ')) else {
            continue;
        };
        let Some([longer]) = by_last.get(name).map(Vec::as_slice) else {
            continue;
        };
        let empty = Vec::new();
        let long: std::collections::HashSet<usize> = sentences
            .get(*longer)
            .unwrap_or(&empty)
            .iter()
            .copied()
            .collect();
        let together = sentences
            .get(group)
            .unwrap_or(&empty)
            .iter()
            .any(|s| long.contains(s));
        if !together {
            union.join(*longer, group);
        }
    }
}

/// Names with their [`skeleton`], by the skeleton's first letter and
/// length: spelling variants are looked for in nearby buckets only.
pub(crate) type SpellingBuckets<N> = HashMap<(char, usize), Vec<(N, Vec<char>)>>;

/// Folds common transliteration alternations so that variants of one name
/// compare equal or nearly so.
pub(crate) fn skeleton(name: &str) -> Vec<char> {
    let lower: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    let mut out: Vec<char> = Vec::with_capacity(lower.len());
    let push = |c: char, out: &mut Vec<char>| {
        if out.last() != Some(&c) {
            out.push(c);
        }
    };
    let mut index = 0;
    while let Some(&c) = lower.get(index) {
        let next = lower.get(index + 1).copied();
        let after = lower.get(index + 2).copied();
        // One pass over the alternations, longest first: dzh/j, kh/h,
        // zh/j, ts/t, tz/t, ou/ov, ph/f, ck/k, w/v, y/i, ё/e.
        let (folded, used): (&[char], usize) = match (c, next, after) {
            ('d', Some('z'), Some('h')) => (&['j'], 3),
            ('k', Some('h'), _) => (&['h'], 2),
            ('z', Some('h'), _) => (&['j'], 2),
            ('t', Some('s' | 'z'), _) => (&['t'], 2),
            ('o', Some('u'), _) => (&['o', 'v'], 2),
            ('p', Some('h'), _) => (&['f'], 2),
            ('c', Some('k'), _) => (&['k'], 2),
            ('w', _, _) => (&['v'], 1),
            ('y', _, _) => (&['i'], 1),
            ('ё', _, _) => (&['e'], 1),
            _ => (&[], 1),
        };
        if folded.is_empty() {
            push(c, &mut out);
        } else {
            for &f in folded {
                push(f, &mut out);
            }
        }
        index += used;
    }
    out
}

/// True when `a` becomes `b` in at most `limit` single-letter edits.
///
/// Only the diagonal band `limit` wide can stay within the limit, so each
/// row costs `2 * limit + 1` cells, and the check stops at the first row
/// whose every cell is over the limit. The rows live on the stack for
/// names up to [`BAND_NAME`] letters, which is every name in practice.
fn within_edits(a: &[char], b: &[char], limit: usize) -> bool {
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut stack = [[0usize; BAND_NAME + 1]; 2];
    let mut heap: [Vec<usize>; 2];
    let [previous, current]: [&mut [usize]; 2] = if b.len() <= BAND_NAME {
        let [p, c] = &mut stack;
        [p.as_mut_slice(), c.as_mut_slice()]
    } else {
        heap = [vec![0; b.len() + 1], vec![0; b.len() + 1]];
        let [p, c] = &mut heap;
        [p.as_mut_slice(), c.as_mut_slice()]
    };
    let over = limit + 1;
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j.min(over);
    }
    let (mut previous, mut current) = (previous, current);
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let low = row.saturating_sub(limit);
        let high = (row + limit).min(b.len());
        // Cells left of the band count as over the limit.
        if let Some(cell) = current.get_mut(low.saturating_sub(1)) {
            *cell = if low == 0 { row.min(over) } else { over };
        }
        let mut best = over;
        for j in low.max(1)..=high {
            let cb = b.get(j - 1);
            let substitution =
                previous.get(j - 1).copied().unwrap_or(over) + usize::from(cb != Some(ca));
            let deletion = previous.get(j).copied().unwrap_or(over) + 1;
            let insertion = current.get(j - 1).copied().unwrap_or(over) + 1;
            let cell = substitution.min(deletion).min(insertion).min(over);
            if let Some(slot) = current.get_mut(j) {
                *slot = cell;
            }
            best = best.min(cell);
        }
        if low == 0 {
            best = best.min(row);
        }
        // Right of the band, for the next row's deletions.
        if let Some(cell) = current.get_mut(high + 1) {
            *cell = over;
        }
        if best > limit {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous
        .get(b.len())
        .is_some_and(|&distance| distance <= limit)
}

/// True when two one-word names are spellings of one name.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    same_skeleton(&skeleton(a), &skeleton(b))
}

/// [`same_name`] of two names already folded by [`skeleton`].
pub(crate) fn same_skeleton(a: &[char], b: &[char]) -> bool {
    if a.len() < 5 || b.len() < 5 || a.first() != b.first() {
        return a == b && !a.is_empty();
    }
    let longest = a.len().max(b.len());
    let allowed = longest.div_ceil(LETTERS_PER_EDIT);
    within_edits(a, b, allowed.max(1))
}

/// Rule 4, comparing one-word names that start alike and are of similar
/// length, at most [`MAX_COMPARISONS`] each.
fn merge_transliterations(groups: &Groups, union: &mut Union) {
    let one_word: Vec<(usize, Vec<char>)> = (0..groups.keys.len())
        .filter_map(|group| {
            let name = groups.name(group).filter(|n| !n.contains(' '))?;
            let folded = skeleton(name);
            (!folded.is_empty()).then_some((group, folded))
        })
        .collect();
    let position_of: HashMap<usize, usize> = one_word
        .iter()
        .enumerate()
        .map(|(position, (group, _))| (*group, position))
        .collect();
    // Positions in `one_word`, by first letter and length, in group order.
    let mut buckets: HashMap<(char, usize), Vec<usize>> = HashMap::new();
    for (position, (_, folded)) in one_word.iter().enumerate() {
        if let Some(&first) = folded.first() {
            buckets
                .entry((first, folded.len()))
                .or_default()
                .push(position);
        }
    }
    for (position, (group, folded)) in one_word.iter().enumerate() {
        let Some(&first) = folded.first() else {
            continue;
        };
        let mut compared = 0;
        for other_length in folded.len().saturating_sub(2)..=folded.len() + 2 {
            let bucket = buckets
                .get(&(first, other_length))
                .map_or(&[][..], Vec::as_slice);
            // Only the names after this one: each pair once.
            let after = bucket.partition_point(|&p| p <= position);
            for &other in bucket.get(after..).unwrap_or(&[]) {
                if compared >= MAX_COMPARISONS {
                    break;
                }
                compared += 1;
                let Some((other_group, other_folded)) = one_word.get(other) else {
                    continue;
                };
                // Variants join only when they also match the first name of
                // each other's group, so that a chain of near misses
                // ("Kaloski", "Kalomski", "Kamomski" …) does not merge.
                let agrees_with_root = |group: usize, folded: &[char], union: &mut Union| {
                    let root = union.find(group);
                    position_of
                        .get(&root)
                        .and_then(|&p| one_word.get(p))
                        .is_none_or(|(_, root_folded)| same_skeleton(root_folded, folded))
                };
                if same_skeleton(folded, other_folded)
                    && agrees_with_root(*group, other_folded, union)
                    && agrees_with_root(*other_group, folded, union)
                {
                    union.join(*group, *other_group);
                }
            }
        }
    }
}

/// Rule 5: "CSTO" spells the initials of exactly one longer name.
fn merge_initials(groups: &Groups, union: &mut Union) {
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group).filter(|n| n.split(' ').count() >= 2) else {
            continue;
        };
        let initials: String = name
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&"))
            .filter_map(|w| w.chars().next())
            .collect();
        by_initials.entry(initials).or_default().push(group);
    }
    for group in 0..groups.keys.len() {
        let Some(name) = groups
            .name(group)
            .filter(|n| !n.contains(' ') && n.len() >= 2)
        else {
            continue;
        };
        if let Some([only]) = by_initials.get(name).map(Vec::as_slice) {
            union.join(*only, group);
        }
    }
}

/// Turns the groups into entities with names, aliases, kinds and mentions.
fn build(
    context: &Context<'_>,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: &Groups,
    union: &mut Union,
    knowledge: &Knowledge,
) -> Entities {
    let text = context.text;
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut entity_of_known: HashMap<usize, usize> = HashMap::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::with_capacity(candidates.len());
    for (index, (candidate, &group)) in candidates.iter().zip(group_of).enumerate() {
        let root = union.find(group);
        // The candidates of an ambiguous name, less those its own title
        // rules out ("Minister Wrona" is not the MP).
        let mut own = Titles::default();
        if context.ambiguous.contains_key(&root) {
            own.add(text, candidate.span, Vocabulary::get());
        }
        let contenders: Vec<usize> = context
            .ambiguous
            .get(&root)
            .map(|groups| {
                groups
                    .iter()
                    .filter(|&&g| context.titles.get(g).is_none_or(|t| !own.conflicts(t)))
                    .map(|&g| union.find(g))
                    .collect()
            })
            .unwrap_or_default();
        let settled = settle(
            context,
            candidate.span.start,
            &contenders,
            &mentions,
            &entity_of_root,
        );
        let entity = match settled {
            Some(entity) => entity,
            None => *entity_of_root.entry(root).or_insert_with(|| {
                drafts.push(Draft::default());
                drafts.len() - 1
            }),
        };
        if let Some(GroupKey::Known(known)) = groups.keys.get(root) {
            entity_of_known.insert(*known, entity);
        }
        let Some(draft) = drafts.get_mut(entity) else {
            continue;
        };
        if settled.is_none() && !contenders.is_empty() {
            draft.contenders = contenders;
        }
        let surface = strip_possessive(candidate.span.slice(text)).trim();
        let kind = match (candidate.known.map(|k| k.naming), candidate.acronym_of) {
            (Some(Naming::Demonym), _) => MentionKind::Demonym,
            (_, Some(_)) => MentionKind::Acronym,
            _ => MentionKind::Name,
        };
        if kind == MentionKind::Name || kind == MentionKind::Acronym {
            *draft.surfaces.entry(surface.to_string()).or_default() += 1;
        }
        if candidate.strength > draft.strength {
            draft.strength = candidate.strength;
            draft.kind = candidate.kind;
        }
        if let Some(known) = candidate.known {
            draft.known = Some(known.known);
        }
        if candidate.known.is_none()
            && let Some(country) = qualifier(text, index, candidates, knowledge)
        {
            draft.qualifier.get_or_insert(country);
        }
        if let Some(noun) = candidate.described {
            let noun = noun.slice(text).to_lowercase();
            if !draft.nouns.contains(&noun) {
                draft.nouns.push(noun);
            }
        }
        draft.mentions.push(candidate.span);
        mentions.push(Mention {
            span: candidate.span,
            entity,
            kind,
            antecedent: None,
        });
    }
    let mut entities: Vec<Entity> = drafts
        .iter()
        .map(|draft| draft.to_entity(knowledge))
        .collect();
    // Ambiguous names list the entities of their candidates.
    for (entity, draft) in entities.iter_mut().zip(&drafts) {
        entity.ambiguous_with = draft
            .contenders
            .iter()
            .filter_map(|root| entity_of_root.get(root).copied())
            .collect();
    }
    // Countries of capitals, seats of power, national bodies and qualified
    // people; a country the document does not name is added without
    // mentions.
    for index in 0..entities.len() {
        let Some(draft) = drafts.get(index) else {
            continue;
        };
        let known = draft.known.and_then(|known| knowledge.entry(known));
        let seat = known.is_some_and(|known| known.seat);
        let country = known
            .and_then(|known| known.country)
            .or(draft.qualifier.filter(|_| draft.kind == EntityKind::Person));
        let Some(country) = country else { continue };
        let entity = if let Some(&entity) = entity_of_known.get(&country) {
            entity
        } else {
            let Some(known) = knowledge.entry(country) else {
                continue;
            };
            entities.push(Entity::named(known.name.to_string(), known.kind));
            entity_of_known.insert(country, entities.len() - 1);
            entities.len() - 1
        };
        if let Some(slot) = entities.get_mut(index) {
            slot.country = Some(entity);
            slot.seat = seat;
        }
    }
    mentions.sort_by_key(|m| m.span);
    mentions.dedup_by_key(|m| m.span);
    Entities {
        entities,
        mentions,
        references: Vec::new(),
        speakers: Vec::new(),
    }
}

/// The entity an ambiguous name at `at` is, when exactly one of its
/// candidates (`contenders`, as group roots) is named in the current turn,
/// or else in the turn before; `None` when context does not settle it.
fn settle(
    context: &Context<'_>,
    at: usize,
    contenders: &[usize],
    mentions: &[Mention],
    entity_of_root: &HashMap<usize, usize>,
) -> Option<usize> {
    if contenders.is_empty() {
        return None;
    }
    let entities: Vec<usize> = contenders
        .iter()
        .filter_map(|root| entity_of_root.get(root).copied())
        .collect();
    let turn = context.turn_of(at);
    for wanted_turn in [Some(turn), turn.checked_sub(1)].into_iter().flatten() {
        let mut named: Vec<usize> = mentions
            .iter()
            .rev()
            .take(SETTLE_LOOK_BACK)
            .take_while(|m| context.turn_of(m.span.start) >= wanted_turn)
            .filter(|m| context.turn_of(m.span.start) == wanted_turn)
            .filter(|m| entities.contains(&m.entity))
            .map(|m| m.entity)
            .collect();
        named.sort_unstable();
        named.dedup();
        match named.as_slice() {
            [only] => return Some(*only),
            [] => {}
            _ => return None,
        }
    }
    None
}

/// The country of a demonym or possessive country name right before the
/// candidate at `index`, with only titles between: "Belarusian President
/// Lukashenka", "Russia's Putin".
fn qualifier(
    text: &str,
    index: usize,
    candidates: &[Candidate],
    knowledge: &Knowledge,
) -> Option<usize> {
    let current = candidates.get(index)?;
    let previous = candidates.get(index.checked_sub(1)?)?;
    let known = previous.known?;
    let is_country = knowledge
        .entry(known.known)
        .is_some_and(|k| k.kind == EntityKind::Country);
    if !is_country {
        return None;
    }
    let gap = text.get(previous.span.end..current.span.start)?;
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .unwrap_or(gap);
    let vocabulary = Vocabulary::get();
    // Titles, nouns for people, and the capitalised words of a title
    // ("Energy" in "Polish Energy Minister Ewa Wrona").
    let only_titles = gap.split_whitespace().all(|word| {
        vocabulary
            .lookup(word.trim_end_matches('.'))
            .is_some_and(|info| info.is(class::TITLE))
            || knowledge.description(word) == Some(EntityKind::Person)
            || word.chars().next().is_some_and(char::is_uppercase) && knowledge.is_common_word(word)
    });
    (only_titles && gap.len() <= 40 && !gap.contains(['\n', ',', ';'])).then_some(known.known)
}

#[derive(Debug, Default)]
struct Draft {
    surfaces: HashMap<String, usize>,
    kind: EntityKind,
    strength: u8,
    known: Option<usize>,
    /// The known country a demonym or possessive before the name gives.
    qualifier: Option<usize>,
    /// For an unsettled ambiguous name, its candidates' group roots.
    contenders: Vec<usize>,
    /// Nouns the text describes it with, lower case.
    nouns: Vec<String>,
    mentions: Vec<Span>,
}

impl Draft {
    fn to_entity(&self, knowledge: &Knowledge) -> Entity {
        // The fullest form first (most words, not all capitals), then the
        // most used, then the longest, then by spelling.
        let mut aliases: Vec<(&String, &usize)> = self.surfaces.iter().collect();
        aliases.sort_by(|a, b| {
            fullness(b.0)
                .cmp(&fullness(a.0))
                .then(b.1.cmp(a.1))
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(b.0))
        });
        let known = self.known.and_then(|k| knowledge.entry(k));
        let name = match (known, aliases.first()) {
            (Some(known), _) => known.name.to_string(),
            (None, Some((name, _))) => (*name).clone(),
            (None, None) => String::new(),
        };
        let mut mentions = self.mentions.clone();
        mentions.sort();
        let mut alias_names: Vec<String> =
            aliases.into_iter().map(|(name, _)| name.clone()).collect();
        alias_names.sort();
        Entity {
            aliases: alias_names,
            mentions,
            described_as: self.nouns.clone(),
            kind_guessed: known.is_none() && self.strength <= strength::FULL_NAME,
            ..Entity::named(name, known.map_or(self.kind, |k| k.kind))
        }
    }
}

/// How full a proper form of a name is: its number of words, and whether
/// it is written in ordinary case (an acronym or a label in capitals is
/// less of a name than its expansion).
fn fullness(name: &str) -> (usize, bool) {
    let words = name.split_whitespace().count();
    (words, name.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_are_one_name() {
        for (a, b) in [
            ("Lukashenko", "Lukashenka"),
            ("Zelensky", "Zelenskyy"),
            ("Zelenskiy", "Zelensky"),
            ("Tsikhanouskaya", "Tikhanovskaya"),
            ("Navalny", "Navalnyi"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Putin", "Peskov"),
            ("Lavrov", "Lavrin"),
            ("Shoigu", "Shugaev"),
            ("Kim", "Kin"),
        ] {
            assert!(!same_name(a, b), "{a} / {b}");
        }
    }

    /// The full table of edits, to check the banded version against.
    fn edit_distance(a: &[char], b: &[char]) -> usize {
        let mut previous: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut current = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                let cell = (previous[j] + usize::from(ca != cb))
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1);
                current.push(cell);
            }
            previous = current;
        }
        previous[b.len()]
    }

    #[test]
    fn banded_edits_agree_with_the_full_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "kitten",
            "sitting",
            "lukashenko",
            "lukashenka",
            "zelenskyy",
            "zelensky",
            "abcdefgh",
            "hgfedcba",
            "aaaaaaaaaa",
            "aaaaabaaaa",
            "tikhanovskaya",
        ];
        let long: String = "kalomiruteski".repeat(5);
        let longer = format!("{long}x");
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for a in words {
            for b in words {
                pairs.push((a, b));
            }
        }
        pairs.push((&long, &longer));
        pairs.push((&longer, &long));
        for (a, b) in pairs {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let distance = edit_distance(&a, &b);
            for limit in 0..6 {
                assert_eq!(
                    within_edits(&a, &b, limit),
                    distance <= limit,
                    "{a:?} {b:?} {limit}"
                );
            }
        }
    }
}
