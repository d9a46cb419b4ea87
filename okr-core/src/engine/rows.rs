//! Lists of lists in two flat arrays (compressed sparse rows), and ids in one buffer:
//! a plan of 100,000 objectives and 400,000 key results would otherwise be a million
//! small allocations, each a cache line apart from the next and most of them empty.

/// A compressed-sparse-row list: the items of row `r` are `items[offsets[r]..offsets[r + 1]]`.
#[derive(Clone, Debug)]
pub(crate) struct Rows<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            offsets: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T> Rows<T> {
    pub fn from_rows(rows: impl IntoIterator<Item = impl IntoIterator<Item = T>>) -> Self {
        let mut out = Rows::default();
        for row in rows {
            out.push_row(row);
        }
        out
    }

    /// `rows` rows holding the items of `pairs` (row, item), each row's items in the
    /// order given. Rows no pair names are empty; a pair naming a row past the last is
    /// dropped.
    pub fn from_pairs(rows: usize, pairs: &[(u32, T)]) -> Self
    where
        T: Copy + Default,
    {
        // A counting sort: count each row's items, turn the counts into offsets, then
        // put each item in the next free place of its row.
        let kept = |r: u32| (r as usize) < rows;
        let mut offsets = vec![0u32; rows + 1];
        for &(r, _) in pairs.iter().filter(|p| kept(p.0)) {
            offsets[r as usize + 1] += 1;
        }
        for r in 0..rows {
            offsets[r + 1] += offsets[r];
        }
        let mut next: Vec<u32> = offsets[..rows].to_vec();
        let mut items = vec![T::default(); offsets[rows] as usize];
        for &(r, item) in pairs.iter().filter(|p| kept(p.0)) {
            let at = &mut next[r as usize];
            items[*at as usize] = item;
            *at += 1;
        }
        Rows { offsets, items }
    }

    /// Adds a row after the last.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.offsets.push(self.items.len() as u32);
    }

    pub fn row(&self, r: usize) -> &[T] {
        &self.items[self.offsets[r] as usize..self.offsets[r + 1] as usize]
    }

    /// The same rows with each item mapped.
    pub fn map<U>(&self, f: impl FnMut(&T) -> U) -> Rows<U> {
        Rows {
            offsets: self.offsets.clone(),
            items: self.items.iter().map(f).collect(),
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.offsets.capacity() * 4 + self.items.capacity() * std::mem::size_of::<T>()
    }
}

/// Ids, by handle, side by side in one buffer.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdList {
    text: String,
    ends: Vec<usize>,
}

impl IdList {
    pub fn with_capacity(ids: usize) -> Self {
        IdList {
            text: String::with_capacity(ids * 8),
            ends: Vec::with_capacity(ids),
        }
    }

    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The id of handle `h`.
    pub fn get(&self, h: usize) -> &str {
        let start = if h == 0 { 0 } else { self.ends[h - 1] };
        &self.text[start..self.ends[h]]
    }

    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * std::mem::size_of::<usize>()
    }
}

impl<'a> FromIterator<&'a str> for IdList {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        let ids = ids.into_iter();
        let mut list = IdList::with_capacity(ids.size_hint().0);
        for id in ids {
            list.push(id);
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn rows_from_pairs_keep_each_rows_order(
            rows in 0usize..6,
            pairs in proptest::collection::vec((0u32..8, any::<u16>()), 0..40),
        ) {
            let grouped = Rows::from_pairs(rows, &pairs);
            for r in 0..rows {
                let expected: Vec<u16> = pairs
                    .iter()
                    .filter(|(row, _)| *row as usize == r)
                    .map(|(_, item)| *item)
                    .collect();
                prop_assert_eq!(grouped.row(r), &expected[..]);
            }
            let pushed = Rows::from_rows((0..rows).map(|r| grouped.row(r).to_vec()));
            prop_assert_eq!(pushed.offsets, grouped.offsets);
        }

        #[test]
        fn an_id_list_gives_back_each_id(ids in proptest::collection::vec("[a-zé0-9-]{0,12}", 0..20)) {
            let list: IdList = ids.iter().map(String::as_str).collect();
            prop_assert_eq!(list.len(), ids.len());
            for (h, id) in ids.iter().enumerate() {
                prop_assert_eq!(list.get(h), id.as_str());
            }
        }
    }
}
