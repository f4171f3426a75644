//! A list for each claim that most claims leave empty.
//!
//! The checker keeps, for each claim, the facts it could be about; in a
//! figure-dense article most claims are near no reference term, and a
//! `Vec` a claim (24 bytes) for each of hundreds of thousands of claims
//! was a good part of the peak. Only the claims with an entry cost
//! anything here; indexing reads like the `Vec<Vec<T>>` it replaces.

use std::ops::{Index, IndexMut};

use rustc_hash::FxHashMap;

/// For claims `0..len`, a list each, empty unless pushed to.
#[derive(Debug)]
pub(super) struct PerClaim<T> {
    len: usize,
    lists: FxHashMap<usize, Vec<T>>,
    /// What a claim with no entry reads as.
    empty: Vec<T>,
}

impl<T> PerClaim<T> {
    /// Empty lists for `len` claims.
    pub(super) fn new(len: usize) -> PerClaim<T> {
        PerClaim {
            len,
            lists: FxHashMap::default(),
            empty: Vec::new(),
        }
    }
}

impl<T> Index<usize> for PerClaim<T> {
    type Output = Vec<T>;

    fn index(&self, c: usize) -> &Vec<T> {
        assert!(c < self.len, "claim {c} of {}", self.len);
        self.lists.get(&c).unwrap_or(&self.empty)
    }
}

impl<T> IndexMut<usize> for PerClaim<T> {
    fn index_mut(&mut self, c: usize) -> &mut Vec<T> {
        assert!(c < self.len, "claim {c} of {}", self.len);
        self.lists.entry(c).or_default()
    }
}

impl<T> IntoIterator for PerClaim<T> {
    type Item = Vec<T>;
    type IntoIter = IntoLists<T>;

    /// Each claim's list, in claim order.
    fn into_iter(self) -> IntoLists<T> {
        IntoLists {
            next: 0,
            len: self.len,
            lists: self.lists,
        }
    }
}

/// The lists of a [`PerClaim`], claim by claim.
pub(super) struct IntoLists<T> {
    next: usize,
    len: usize,
    lists: FxHashMap<usize, Vec<T>>,
}

impl<T> Iterator for IntoLists<T> {
    type Item = Vec<T>;

    fn next(&mut self) -> Option<Vec<T>> {
        if self.next == self.len {
            return None;
        }
        let list = self.lists.remove(&self.next).unwrap_or_default();
        self.next += 1;
        Some(list)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.next;
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::PerClaim;

    #[test]
    fn reads_like_a_list_of_lists() {
        let mut lists: PerClaim<u8> = PerClaim::new(4);
        lists[2].push(7);
        lists[2].push(8);
        lists[0].push(1);
        assert!(lists[1].is_empty());
        assert_eq!(lists[2], [7, 8]);
        let all: Vec<Vec<u8>> = lists.into_iter().collect();
        assert_eq!(all, [vec![1], vec![], vec![7, 8], vec![]]);
    }
}
