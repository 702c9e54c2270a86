//! Fields almost every span leaves empty, kept out of line: [`Remark`] (a note, a reviewer's
//! comment) and [`Attributes`].
//!
//! An open project holds every span in memory, and first touching fresh memory is most of what
//! opening a large project costs. A `String` or a `BTreeMap` takes three words in each of half a
//! million spans though it is nearly always empty; these take one, and nothing on the heap
//! while empty. Both read as the `String` or map they hold (`Deref`), and writing through them
//! (`DerefMut`) makes room on first use, so code reads and edits them as before.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A free text most spans leave empty: one word, nothing on the heap while empty. Compares as
/// its text, so an emptied remark equals one never written.
#[derive(Clone, Default)]
#[allow(clippy::box_collection)] // the box is the point: one word in the span, not three
pub struct Remark(Option<Box<String>>);

/// What an empty remark reads as.
static NO_TEXT: String = String::new();

impl Remark {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.as_str().is_empty()
    }
}

impl Deref for Remark {
    type Target = String;
    fn deref(&self) -> &String {
        self.0.as_deref().unwrap_or(&NO_TEXT)
    }
}

impl DerefMut for Remark {
    fn deref_mut(&mut self) -> &mut String {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Remark {
    fn eq(&self, other: &Remark) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Remark {}

impl PartialEq<str> for Remark {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Remark {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Remark {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for Remark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Remark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl From<String> for Remark {
    fn from(text: String) -> Remark {
        Remark((!text.is_empty()).then(|| Box::new(text)))
    }
}

impl From<&str> for Remark {
    fn from(text: &str) -> Remark {
        Remark::from(text.to_string())
    }
}

impl From<&String> for Remark {
    fn from(text: &String) -> Remark {
        Remark::from(text.as_str())
    }
}

impl From<Remark> for String {
    fn from(remark: Remark) -> String {
        remark.0.map(|text| *text).unwrap_or_default()
    }
}

impl Serialize for Remark {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Remark {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Remark, D::Error> {
        String::deserialize(deserializer).map(Remark::from)
    }
}

/// A span's attributes (name → value), most often none: one word, nothing on the heap while
/// empty. Compares as its map.
#[derive(Clone, Default)]
#[allow(clippy::box_collection)] // the box is the point: one word in the span, not three
pub struct Attributes(Option<Box<BTreeMap<String, String>>>);

/// What empty attributes read as.
static NO_ATTRIBUTES: BTreeMap<String, String> = BTreeMap::new();

impl Deref for Attributes {
    type Target = BTreeMap<String, String>;
    fn deref(&self) -> &BTreeMap<String, String> {
        self.0.as_deref().unwrap_or(&NO_ATTRIBUTES)
    }
}

impl DerefMut for Attributes {
    fn deref_mut(&mut self) -> &mut BTreeMap<String, String> {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Attributes {
    fn eq(&self, other: &Attributes) -> bool {
        **self == **other
    }
}

impl Eq for Attributes {}

impl fmt::Debug for Attributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl From<BTreeMap<String, String>> for Attributes {
    fn from(map: BTreeMap<String, String>) -> Attributes {
        Attributes((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, String)> for Attributes {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Attributes {
        Attributes::from(pairs.into_iter().collect::<BTreeMap<_, _>>())
    }
}

impl<'a> IntoIterator for &'a Attributes {
    type Item = (&'a String, &'a String);
    type IntoIter = std::collections::btree_map::Iter<'a, String, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Attributes, D::Error> {
        BTreeMap::deserialize(deserializer).map(Attributes::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_remark_and_empty_attributes_take_one_word_and_no_heap() {
        assert_eq!(std::mem::size_of::<Remark>(), std::mem::size_of::<usize>());
        assert_eq!(
            std::mem::size_of::<Attributes>(),
            std::mem::size_of::<usize>()
        );
        assert!(Remark::from("").0.is_none());
        assert!(Attributes::from(BTreeMap::new()).0.is_none());
    }

    #[test]
    fn a_remark_reads_and_edits_as_a_string_and_compares_as_its_text() {
        let mut remark = Remark::default();
        assert_eq!(remark, "");
        remark.push_str("عنوان");
        assert_eq!(remark, "عنوان");
        remark.clear();
        // Emptied after an edit equals never written.
        assert_eq!(remark, Remark::default());
        assert_eq!(String::from(Remark::from("یادداشت")), "یادداشت");
    }

    #[test]
    fn attributes_read_and_edit_as_a_map_and_serialize_as_one() {
        let mut attributes = Attributes::default();
        assert!(attributes.is_empty());
        attributes.insert("role".into(), "host".into());
        assert_eq!(attributes.get("role").map(String::as_str), Some("host"));
        let ron = ron::to_string(&attributes).unwrap();
        assert_eq!(ron, ron::to_string(&*attributes).unwrap());
        let back: Attributes = ron::from_str(&ron).unwrap();
        assert_eq!(back, attributes);
        let remark: Remark = ron::from_str("\"a \\\"b\\\"\"").unwrap();
        assert_eq!(remark, "a \"b\"");
        assert_eq!(ron::to_string(&remark).unwrap(), "\"a \\\"b\\\"\"");
    }
}
