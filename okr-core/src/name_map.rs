//! A map keyed by names (ids, owners, units, cycles), borrowed from a plan or owned.
//!
//! Each name of a loaded plan is a heap block of its own. A map keyed by `&str`
//! compares a name it looks up with the stored one, so every hit reads a second block,
//! far from the first: on a large plan that cache miss is most of a lookup's cost.
//! Names of at most 15 bytes (most ids and names are) are kept here as their bytes
//! packed into one integer, so a hit reads no name but the one asked for.

use crate::bytes::packed_name as packed;
use foldhash::HashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// A map from names to `V`; see the module documentation. `K` holds the names too long
/// to pack: `&str` borrowed from a plan, or `Box<str>` in a map that outlives it.
#[derive(Clone, Debug)]
pub struct NameMap<K, V> {
    short: HashMap<u128, V>,
    long: HashMap<K, V>,
}

impl<K, V> Default for NameMap<K, V> {
    fn default() -> Self {
        NameMap {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<K: Borrow<str> + Hash + Eq, V> NameMap<K, V> {
    /// An empty map with room for `n` short names.
    pub fn with_capacity(n: usize) -> Self {
        NameMap {
            short: HashMap::with_capacity_and_hasher(n, Default::default()),
            long: HashMap::default(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&V> {
        match packed(name) {
            Some(key) => self.short.get(&key),
            None => self.long.get(name),
        }
    }

    /// The value of `name`, inserting `value` first when it has none.
    pub fn get_or_insert(&mut self, name: K, value: V) -> &mut V {
        match packed(name.borrow()) {
            Some(key) => self.short.entry(key).or_insert(value),
            None => self.long.entry(name).or_insert(value),
        }
    }

    /// Sets the value of `name`; the value it had, if any, is returned.
    pub fn insert(&mut self, name: K, value: V) -> Option<V> {
        match packed(name.borrow()) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(name, value),
        }
    }

    /// Room for the map's entries (both kinds), for a count of the bytes it holds.
    pub fn capacity(&self) -> usize {
        self.short.capacity() + self.long.capacity()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

impl<K: Borrow<str> + Hash + Eq, V> FromIterator<(K, V)> for NameMap<K, V> {
    /// Like `HashMap`'s: for a name given twice, the last value is kept.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let items = items.into_iter();
        let mut map = NameMap::with_capacity(items.size_hint().0);
        for (name, value) in items {
            map.insert(name, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_and_long_names_map_alike() {
        let long = "a name longer than fifteen bytes";
        let names: Vec<&str> = crate::bytes::tests::NAMES
            .into_iter()
            .chain([long])
            .collect();
        let map: NameMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        assert_eq!(map.len(), names.len());
        for (i, n) in names.iter().enumerate() {
            assert_eq!(map.get(n), Some(&i), "{n:?}");
        }
        assert_eq!(map.get("owner2"), None);
        assert_eq!(map.get("a name longer than fifteen bytez"), None);
        let mut map = map;
        assert_eq!(*map.get_or_insert("owner1", 99), 4);
        assert_eq!(*map.get_or_insert("owner2", 99), 99);
        assert_eq!(map.insert(long, 7), Some(13));
    }

    proptest! {
        #[test]
        fn a_name_maps_to_its_own_value(names in proptest::collection::vec("[a\\x00é-]{0,18}", 0..30)) {
            let mut map = NameMap::default();
            let mut reference = std::collections::HashMap::new();
            for (i, n) in names.iter().enumerate() {
                map.get_or_insert(n.as_str(), i);
                reference.entry(n.as_str()).or_insert(i);
            }
            prop_assert_eq!(map.len(), reference.len());
            for (n, i) in &reference {
                prop_assert_eq!(map.get(n), Some(i));
            }
        }
    }
}
