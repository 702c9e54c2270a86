//! [`Name`]: a short string many annotations share (a label, an author, a creation time, a
//! reviewer), held once and shared.
//!
//! A large project has half a million spans and a handful of labels and authors: a `String` in
//! each span for each of them was a third of the memory an open touched, and touching fresh
//! memory is most of what an open costs. A `Name` is a shared `Arc<String>`: one word in the
//! span, not the three of a `String` or the two of an `Arc<str>`; and the readers give equal
//! names one allocation (see [`Interner`]).

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable shared string; compares, hashes and orders as its text. The empty name holds
/// nothing (spans have many empty fields, and one shared empty string's count, changed by
/// every thread, cost more than it saved).
#[derive(Clone, Default)]
pub struct Name(Option<Arc<String>>);

impl Name {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", String::as_str)
    }

    /// Whether both are the one allocation (an interner's work), not merely equal.
    #[cfg(test)]
    pub(crate) fn shares_with(&self, other: &Name) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Name {}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name((!text.is_empty()).then(|| Arc::new(text.to_string())))
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::from(text.as_str())
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name((!text.is_empty()).then(|| Arc::new(text)))
    }
}

impl From<&Name> for Name {
    fn from(name: &Name) -> Name {
        name.clone()
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.as_str().to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        Ok(Name::from(String::deserialize(deserializer)?))
    }
}

/// Gives equal names one allocation. Bounded: past `LIMIT` distinct names (creation times of
/// spans made by hand are mostly distinct) it starts again, so it never grows with a project.
/// The few names nearly every span repeats (its labels, its author) are found among the
/// recent ones by comparison, before any hashing.
#[derive(Default)]
pub struct Interner {
    recent: Vec<Name>,
    next_recent: usize,
    names: HashSet<Name>,
}

impl Interner {
    const LIMIT: usize = 4096;
    const RECENT: usize = 16;

    pub fn name(&mut self, text: &str) -> Name {
        if let Some(name) = self.recent.iter().find(|name| name.as_str() == text) {
            return name.clone();
        }
        let name = match self.names.get(text) {
            Some(name) => name.clone(),
            None => {
                if self.names.len() >= Self::LIMIT {
                    self.names.clear();
                }
                let name = Name::from(text);
                self.names.insert(name.clone());
                name
            }
        };
        if self.recent.len() < Self::RECENT {
            self.recent.push(name.clone());
        } else {
            self.recent[self.next_recent] = name.clone();
            self.next_recent = (self.next_recent + 1) % Self::RECENT;
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_one_word() {
        assert_eq!(std::mem::size_of::<Name>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn a_name_compares_hashes_and_serializes_as_its_text() {
        let name = Name::from("مریم");
        assert_eq!(name, "مریم");
        assert_eq!("مریم", name);
        assert_eq!(name, String::from("مریم"));
        let mut names = vec![Name::from("ب"), Name::from("ا"), Name::default()];
        names.sort();
        assert_eq!(names, ["", "ا", "ب"]);
        let set: HashSet<Name> = [name.clone()].into();
        assert!(set.contains("مریم"));
        assert_eq!(ron::to_string(&name).unwrap(), "\"مریم\"");
        assert_eq!(ron::from_str::<Name>("\"مریم\"").unwrap(), name);
        assert_eq!(format!("{name} {name:?}"), "مریم \"مریم\"");
        assert!(Name::default().is_empty());
    }

    #[test]
    fn the_interner_gives_equal_names_one_allocation() {
        let mut interner = Interner::default();
        let a = interner.name("PER");
        let b = interner.name("PER");
        assert!(a.shares_with(&b));
        assert!(!a.shares_with(&interner.name("ORG")));
        for i in 0..Interner::LIMIT * 2 {
            interner.name(&i.to_string());
        }
        assert!(interner.names.len() <= Interner::LIMIT);
        assert!(interner.recent.len() <= Interner::RECENT);
        assert_eq!(interner.name("PER"), a);
        assert_eq!(interner.name(""), Name::default());
    }
}
