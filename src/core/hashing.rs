//! A fast hasher for tandem's own keys (interned words, trigrams, sentence
//! index pairs). The standard SipHash guards against adversarial keys, which
//! these are not, and costs several times more per lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FxHash step (rotate, xor, multiply), as in rustc: one multiply per
/// word, and the multiply spreads the key over the high bits that
/// `HashMap` uses to tell slots apart.
#[derive(Default)]
pub struct FastHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map keyed by small integers, packed characters or words.
pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A set of such keys.
pub type KeySet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;
/// A map keyed by a (left, right) sentence pair.
pub type PairMap<V> = HashMap<(usize, usize), V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn nearby_keys_differ_in_the_high_bits() {
        // HashMap tells slots apart by the top 7 bits: small integers must
        // not all share them.
        let build = BuildHasherDefault::<FastHasher>::default();
        let tops: std::collections::HashSet<u64> =
            (0u32..64).map(|k| build.hash_one(k) >> 57).collect();
        assert!(tops.len() > 32, "{}", tops.len());
        let pairs: PairMap<usize> = (0..1000).map(|i| ((i, i + 1), i)).collect();
        assert_eq!(pairs[&(500, 501)], 500);
    }
}
