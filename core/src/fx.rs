//! A small, fast, non-cryptographic hasher for the maps whose keys lasku chooses itself.

use std::hash::{BuildHasherDefault, Hasher};

use crate::table::Table;

/// A hash map (a [`Table`], the map kind lasku uses throughout) with [`Fx`].
pub(crate) type FxHashMap<K, V> = Table<K, V, BuildHasherDefault<Fx>>;

/// A small fast hash for short keys that lasku itself chooses (the models' member names): not
/// for keys that come from input, which an attacker could choose to collide (those maps hash
/// with [`crate::table::Keys`]: std's SipHash with random keys, where std has randomness).
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(tail) ^ rest.len() as u64).wrapping_mul(K);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
