//! [`Table`]: lasku's one kind of map, a list of entries in the order they came with a small
//! hash index over it.
//!
//! lasku needs few things of a map: look up, insert (a key inserted again keeps its place and
//! takes the new value), walk in order. A general-purpose map (indexmap over hashbrown) brings
//! far more, and cost the npm package's WebAssembly about 7 KB gzipped; this one is an array of
//! slots, probed linearly, that holds entry numbers.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::marker::PhantomData;

/// An insertion-ordered map. `S` hashes the keys: [`Keys`] by default, for keys that come from
/// input and could be chosen to collide. It holds at most `u32::MAX - 1` entries (its index
/// numbers them in 32 bits).
#[derive(Clone)]
pub struct Table<K, V, S = Keys> {
    entries: Vec<(K, V)>,
    index: Index,
    hasher: S,
}

/// How a [`Table`] hashes its keys unless told otherwise: std's SipHash with random keys. On
/// `wasm32-unknown-unknown`, where std has no source of randomness and SipHash's keys would be
/// fixed (so no defence against chosen collisions), lasku's own small hash instead, which keeps
/// SipHash out of the npm package's WebAssembly.
#[derive(Clone, Default)]
pub struct Keys {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    random: std::collections::hash_map::RandomState,
}

/// The hasher of [`Keys`].
pub struct KeyHasher {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    inner: std::collections::hash_map::DefaultHasher,
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    inner: crate::fx::Fx,
}

impl BuildHasher for Keys {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
        let inner = self.random.build_hasher();
        #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
        let inner = crate::fx::Fx::default();
        KeyHasher { inner }
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.inner.write(bytes);
    }
    fn write_u8(&mut self, byte: u8) {
        self.inner.write_u8(byte);
    }
    fn finish(&self) -> u64 {
        self.inner.finish()
    }
}

/// The hash index of a [`Table`], apart from its key and value types (so that it is compiled
/// once, not once per kind of table).
#[derive(Clone, Default)]
struct Index {
    /// Empty (`0`) or an entry's number plus one; the length is zero or a power of two, at
    /// least twice the number of entries.
    slots: Vec<u32>,
    /// Each entry's hash, by entry number.
    hashes: Vec<u64>,
}

impl Index {
    /// The entry whose hash is `hash` and for which `same` says yes (`Ok`), or the empty slot
    /// where it would go (`Err`). There must be slots.
    fn find(&self, hash: u64, same: &dyn Fn(usize) -> bool) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = start(hash, self.slots.len());
        loop {
            match self.slots.get(at).copied().unwrap_or(0) {
                0 => return Err(at),
                n => {
                    let n = n as usize - 1;
                    if self.hashes.get(n) == Some(&hash) && same(n) {
                        return Ok(n);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Makes room for one more entry.
    fn reserve_one(&mut self) {
        if (self.hashes.len() + 1) * 2 > self.slots.len() {
            self.rebuild((self.slots.len() * 2).max(8));
        }
    }

    /// Records a new last entry, its slot found by [`Index::find`].
    fn push(&mut self, slot: usize, hash: u64) {
        self.hashes.push(hash);
        if let Some(s) = self.slots.get_mut(slot) {
            *s = u32::try_from(self.hashes.len()).unwrap_or(0);
        }
    }

    /// Forgets entry `n`; the later ones move down by one.
    fn remove(&mut self, n: usize) {
        self.hashes.remove(n);
        self.rebuild(self.slots.len());
    }

    /// Rebuilds the slots, `size` of them.
    fn rebuild(&mut self, size: usize) {
        self.slots.clear();
        self.slots.resize(size, 0);
        let mask = size.wrapping_sub(1);
        for (n, &hash) in self.hashes.iter().enumerate() {
            let mut at = start(hash, size);
            while self.slots.get(at).is_some_and(|&s| s != 0) {
                at = (at + 1) & mask;
            }
            if let Some(s) = self.slots.get_mut(at) {
                *s = u32::try_from(n + 1).unwrap_or(0);
            }
        }
    }
}

/// The slot where the search for `hash` starts among `size` (a power of two): the hash's top
/// bits, since a multiplicative hash such as [`crate::fx`]'s mixes its input into the high bits
/// (its low bits alone gave thousands of probes per key for numbers like `INV-2024-000001`).
fn start(hash: u64, size: usize) -> usize {
    match size.trailing_zeros() {
        0 => 0,
        bits => (hash >> (64 - bits.min(63))) as usize,
    }
}

impl<K, V, S: Default> Default for Table<K, V, S> {
    fn default() -> Self {
        Table { entries: Vec::new(), index: Index::default(), hasher: S::default() }
    }
}

impl<K, V, S> Table<K, V, S> {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in the order their keys first came.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&K, &V)> + DoubleEndedIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &K> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &V> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The entries, in order, their values to change.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&K, &mut V)> + DoubleEndedIterator {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The values, in order, to change.
    pub fn values_mut(&mut self) -> impl ExactSizeIterator<Item = &mut V> + DoubleEndedIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Default> Table<K, V, S> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// [`Index::find`] for `key`.
    fn find<Q: Hash + Eq + ?Sized>(&self, hash: u64, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.index.find(hash, &|n| self.entries.get(n).is_some_and(|(k, _)| k.borrow() == key))
    }

    /// The entry number of `key`.
    fn index_of<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
    {
        if self.entries.is_empty() {
            return None;
        }
        self.find(self.hasher.hash_one(key), key).ok()
    }

    /// The value of `key`.
    pub fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.index_of(key).and_then(|n| self.entries.get(n)).map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub fn get_mut<Q: Hash + Eq + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let n = self.index_of(key)?;
        self.entries.get_mut(n).map(|(_, v)| v)
    }

    /// Whether `key` is in the table.
    pub fn contains_key<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.index_of(key).is_some()
    }

    /// Sets `key` to `value`: a new key goes last, a known one keeps its place and gives back
    /// its old value.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.index.reserve_one();
        let hash = self.hasher.hash_one(&key);
        match self.find(hash, &key) {
            Ok(n) => self.entries.get_mut(n).map(|(_, v)| std::mem::replace(v, value)),
            Err(slot) => {
                self.index.push(slot, hash);
                self.entries.push((key, value));
                None
            }
        }
    }

    /// The value of `key`, first inserting `make()` for a new key.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> Option<&mut V> {
        let n = match self.index_of(&key) {
            Some(n) => n,
            None => {
                self.insert(key, make());
                self.entries.len() - 1
            }
        };
        self.entries.get_mut(n).map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` says yes, in order (the index is rebuilt once).
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        let mut hashes = std::mem::take(&mut self.index.hashes).into_iter();
        let mut kept = Vec::with_capacity(self.entries.len());
        self.entries.retain_mut(|(k, v)| {
            let hash = hashes.next().unwrap_or(0);
            let yes = keep(k, v);
            if yes {
                kept.push(hash);
            }
            yes
        });
        self.index.hashes = kept;
        self.index.rebuild(self.index.slots.len());
    }

    /// Takes `key` out, keeping the others in order (the index is rebuilt: for rare removals;
    /// [`Table::retain`] takes out many at once).
    pub fn remove<Q: Hash + Eq + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let n = self.index_of(key)?;
        self.index.remove(n);
        Some(self.entries.remove(n).1)
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Default> FromIterator<(K, V)> for Table<K, V, S> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut table = Table::new();
        table.extend(items);
        table
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Default> Extend<(K, V)> for Table<K, V, S> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl<K, V, S> IntoIterator for Table<K, V, S> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// The same keys with equal values, in any order.
impl<K: Hash + Eq, V: PartialEq, S: BuildHasher + Default> PartialEq for Table<K, V, S> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<'a, K, V, S> IntoIterator for &'a Table<K, V, S> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: fmt::Debug, V: fmt::Debug, S> fmt::Debug for Table<K, V, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Written as a JSON object, in order.
impl<K: serde::Serialize, V: serde::Serialize, S> serde::Serialize for Table<K, V, S> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from a JSON object; a member named twice keeps its first place and its last value.
impl<'de, K, V, S> serde::Deserialize<'de> for Table<K, V, S>
where
    K: serde::Deserialize<'de> + Hash + Eq,
    V: serde::Deserialize<'de>,
    S: BuildHasher + Default,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V, S>(PhantomData<(K, V, S)>);
        impl<'de, K, V, S> serde::de::Visitor<'de> for Entries<K, V, S>
        where
            K: serde::Deserialize<'de> + Hash + Eq,
            V: serde::Deserialize<'de>,
            S: BuildHasher + Default,
        {
            type Value = Table<K, V, S>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut table = Table::new();
                while let Some((k, v)) = map.next_entry()? {
                    table.insert(k, v);
                }
                Ok(table)
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_the_first_place_of_a_key() {
        let mut t: Table<String, u32> = Table::new();
        assert!(t.is_empty() && t.get("a").is_none());
        for (i, k) in ["c", "a", "b"].into_iter().enumerate() {
            assert_eq!(t.insert(k.to_owned(), i as u32), None);
        }
        assert_eq!(t.insert("a".to_owned(), 9), Some(1));
        assert_eq!(t.iter().map(|(k, v)| format!("{k}{v}")).collect::<Vec<_>>(), ["c0", "a9", "b2"]);
        assert_eq!((t.get("a"), t.get("z"), t.len()), (Some(&9), None, 3));
        assert_eq!(t.remove("c"), Some(0));
        assert_eq!(t.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!((t.get("b"), t.get("c")), (Some(&2), None));
        assert_eq!(t.remove("c"), None);
        *t.get_or_insert_with("d".to_owned(), || 0).unwrap() += 4;
        *t.get_or_insert_with("d".to_owned(), || 0).unwrap() += 1;
        assert_eq!(t.get("d"), Some(&5));
    }

    #[test]
    fn many_keys() {
        let t: Table<u64, u64> = (0..10_000u64).map(|n| (n * 7919, n)).collect();
        assert_eq!(t.len(), 10_000);
        assert!((0..10_000u64).all(|n| t.get(&(n * 7919)) == Some(&n)));
        assert!(!t.contains_key(&1) && t.values().copied().eq(0..10_000));
    }

    #[test]
    fn retain_and_iterate() {
        let mut t: Table<u32, u32> = (0..100).map(|n| (n, n)).collect();
        t.retain(|k, v| {
            *v += 1;
            k % 3 == 0
        });
        assert_eq!(t.len(), 34);
        assert!((0..100).all(|n| t.get(&n) == (n % 3 == 0).then_some(&(n + 1))));
        t.values_mut().for_each(|v| *v = 0);
        assert!((&t).into_iter().all(|(_, v)| *v == 0) && t.iter_mut().count() == 34);
        t.insert(1000, 1);
        assert_eq!(t.keys().last(), Some(&1000));
    }

    /// The average distance from where a key's search starts to where it sits.
    fn mean_probes<K, V, S>(t: &Table<K, V, S>) -> f64 {
        let size = t.index.slots.len();
        let mut total = 0;
        for (at, &n) in t.index.slots.iter().enumerate() {
            if n != 0 {
                let first = start(t.index.hashes[n as usize - 1], size);
                total += (at + size - first) % size + 1;
            }
        }
        total as f64 / t.len() as f64
    }

    #[test]
    fn numbered_keys_spread_with_either_hash() {
        let keys = || (0..100_000).map(|n| (format!("INV-2024-{n:06}"), ()));
        let fx: Table<String, (), std::hash::BuildHasherDefault<crate::fx::Fx>> = keys().collect();
        let keyed: Table<String, ()> = keys().collect();
        let digits: Table<String, (), std::hash::BuildHasherDefault<crate::fx::Fx>> =
            (0..100_000u32).map(|n| (n.to_string(), ())).collect();
        for mean in [mean_probes(&fx), mean_probes(&keyed), mean_probes(&digits)] {
            assert!(mean < 3.0, "{mean}");
        }
    }

    #[test]
    fn json_object_in_order_last_value_wins() {
        let t: Table<String, u8> = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"b":3,"a":2}"#);
        assert!(serde_json::from_str::<Table<String, u8>>("[1]").is_err());
    }
}
