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
//!    name ("Halvorsen" after "Halvorsen Motors"). A word shared by two
//!    longer names ("Kim" with "Kim Jong Un" and "Kim Yo Jong") stays apart.
//! 4. **Transliteration.** One-word names that agree after folding common
//!    transliteration alternations (kh/h, ts/t, ou/ov, y/i, doubled
//!    letters) to within one edit in ten, starting with the same letter,
//!    are one name: Lukashenko / Lukashenka, Zelensky / Zelenskyy,
//!    Tsikhanouskaya / Tikhanovskaya.
//! 5. **Acronyms** given in brackets after a name, or spelling the
//!    initials of a longer organisation name, are that organisation.

use std::collections::HashMap;

use super::knowledge::{Knowledge, Naming, name_key};
use super::recognize::{Candidate, strength};
use super::{Entities, Entity, EntityKind, Mention, MentionKind};
use crate::span::Span;

/// Most one-word names a name is compared with for transliteration; keeps
/// a document full of names linear.
const MAX_COMPARISONS: usize = 64;
/// Largest share of edits two spellings of one name may differ by.
const MAX_EDIT_SHARE: f64 = 0.1;

/// Groups candidates into entities.
pub(crate) fn resolve(text: &str, candidates: Vec<Candidate>, knowledge: &Knowledge) -> Entities {
    let mut groups = Groups::default();
    let mut group_of: Vec<usize> = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
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
    let mut union = Union::new(groups.keys.len());
    merge_parts_of_names(&groups, &candidates, &group_of, &mut union);
    merge_transliterations(&groups, &mut union);
    merge_initials(&groups, &mut union);
    build(text, &candidates, &group_of, &groups, &mut union, knowledge)
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

fn strip_possessive(surface: &str) -> &str {
    surface
        .strip_suffix("'s")
        .or_else(|| surface.strip_suffix("’s"))
        .or_else(|| surface.strip_suffix('\''))
        .or_else(|| surface.strip_suffix('’'))
        .unwrap_or(surface)
}

/// Rule 3: one-word names that are the first or last word of exactly one
/// longer name.
fn merge_parts_of_names(
    groups: &Groups,
    candidates: &[Candidate],
    group_of: &[usize],
    union: &mut Union,
) {
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
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group) else {
            continue;
        };
        let words: Vec<&str> = name.split(' ').collect();
        if let (true, Some(first), Some(last)) = (words.len() > 1, words.first(), words.last()) {
            by_first.entry(first).or_default().push(group);
            if person_group.get(group).copied().unwrap_or(false) {
                by_last.entry(last).or_default().push(group);
            }
        }
    }
    for group in 0..groups.keys.len() {
        let Some(name) = groups.name(group) else {
            continue;
        };
        if name.contains(' ') {
            continue;
        }
        // A place named on its own ("in Riverton") is not the first word of
        // a longer name ("Riverton Public Library").
        let is_place = place_group.get(group).copied().unwrap_or(false);
        let target = match (
            by_last.get(name).map(Vec::as_slice),
            by_first.get(name).map(Vec::as_slice),
        ) {
            (Some([only]), _) => Some(*only),
            (None, Some([only])) if !is_place => Some(*only),
            _ => None,
        };
        if let Some(target) = target {
            union.join(target, group);
        }
    }
}

/// Folds common transliteration alternations so that variants of one name
/// compare equal or nearly so.
fn skeleton(name: &str) -> Vec<char> {
    let lower: String = name.to_lowercase();
    let replaced = lower
        .replace("dzh", "j")
        .replace("kh", "h")
        .replace("zh", "j")
        .replace("ts", "t")
        .replace("tz", "t")
        .replace("ou", "ov")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace('w', "v")
        .replace('y', "i")
        .replace('ё', "e");
    let mut out: Vec<char> = Vec::with_capacity(replaced.len());
    for c in replaced.chars() {
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = current.get_mut(j + 1) {
                *slot = substitution.min(deletion).min(insertion);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// True when two one-word names are spellings of one name.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (skeleton(a), skeleton(b));
    if a.len() < 5 || b.len() < 5 || a.first() != b.first() {
        return a == b && !a.is_empty();
    }
    let longest = a.len().max(b.len());
    let allowed = ((longest as f64) * MAX_EDIT_SHARE).ceil() as usize;
    a.len().abs_diff(b.len()) <= allowed && edit_distance(&a, &b) <= allowed.max(1)
}

/// Rule 4, comparing one-word names that start alike and are of similar
/// length, at most [`MAX_COMPARISONS`] each.
fn merge_transliterations(groups: &Groups, union: &mut Union) {
    let one_word: Vec<(usize, &str, char, usize)> = (0..groups.keys.len())
        .filter_map(|group| {
            let name = groups.name(group).filter(|n| !n.contains(' '))?;
            let folded = skeleton(name);
            Some((group, name, *folded.first()?, folded.len()))
        })
        .collect();
    let mut buckets: HashMap<(char, usize), Vec<usize>> = HashMap::new();
    for &(group, _, first, length) in &one_word {
        buckets.entry((first, length)).or_default().push(group);
    }
    for &(group, name, first, length) in &one_word {
        let mut compared = 0;
        for other_length in length.saturating_sub(2)..=length + 2 {
            for &other in buckets
                .get(&(first, other_length))
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                if other <= group || compared >= MAX_COMPARISONS {
                    continue;
                }
                compared += 1;
                if groups
                    .name(other)
                    .is_some_and(|other_name| same_name(name, other_name))
                {
                    union.join(group, other);
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
    text: &str,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: &Groups,
    union: &mut Union,
    knowledge: &Knowledge,
) -> Entities {
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut entity_of_known: HashMap<usize, usize> = HashMap::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut mentions = Vec::with_capacity(candidates.len());
    for (candidate, &group) in candidates.iter().zip(group_of) {
        let root = union.find(group);
        let entity = *entity_of_root.entry(root).or_insert_with(|| {
            drafts.push(Draft::default());
            drafts.len() - 1
        });
        if let Some(GroupKey::Known(known)) = groups.keys.get(root) {
            entity_of_known.insert(*known, entity);
        }
        let Some(draft) = drafts.get_mut(entity) else {
            continue;
        };
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
        draft.mentions.push(candidate.span);
        mentions.push(Mention {
            span: candidate.span,
            entity,
            kind,
        });
    }
    let mut entities: Vec<Entity> = drafts
        .iter()
        .map(|draft| draft.to_entity(knowledge))
        .collect();
    // Countries of capitals, seats of power and national bodies, added
    // without mentions when the document does not name them.
    for index in 0..entities.len() {
        let country = drafts
            .get(index)
            .and_then(|d| d.known)
            .and_then(|known| knowledge.entry(known))
            .and_then(|known| known.country);
        let Some(country) = country else { continue };
        let entity = match entity_of_known.get(&country) {
            Some(&entity) => entity,
            None => {
                let Some(known) = knowledge.entry(country) else {
                    continue;
                };
                entities.push(Entity {
                    name: known.name.to_string(),
                    kind: known.kind,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    country: None,
                });
                entity_of_known.insert(country, entities.len() - 1);
                entities.len() - 1
            }
        };
        if let Some(slot) = entities.get_mut(index) {
            slot.country = Some(entity);
        }
    }
    mentions.sort_by_key(|m| m.span);
    mentions.dedup_by_key(|m| m.span);
    Entities { entities, mentions }
}

#[derive(Debug, Default)]
struct Draft {
    surfaces: HashMap<String, usize>,
    kind: EntityKind,
    strength: u8,
    known: Option<usize>,
    mentions: Vec<Span>,
}

impl Draft {
    fn to_entity(&self, knowledge: &Knowledge) -> Entity {
        let mut aliases: Vec<(&String, &usize)> = self.surfaces.iter().collect();
        // Most used first; ties by length (the fuller name), then spelling.
        aliases.sort_by(|a, b| {
            b.1.cmp(a.1)
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
            name,
            kind: known.map_or(self.kind, |k| k.kind),
            aliases: alias_names,
            mentions,
            country: None,
        }
    }
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
}
