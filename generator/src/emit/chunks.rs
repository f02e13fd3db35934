//! Cutting a long run of items (types, operations) into files of a readable length, by an
//! estimate of each item's formatted lines, in order: the same model always gives the same
//! files.

/// About how many lines of formatted Rust one generated file may hold.
pub const LINES_PER_FILE: usize = 2_500;

/// `items` (each with its estimated lines) cut, in order, into runs of at most
/// [`LINES_PER_FILE`] lines; an item larger than that makes a run alone.
pub fn by_lines<T>(items: impl IntoIterator<Item = (T, usize)>) -> Vec<Vec<T>> {
    let mut chunks = Vec::new();
    let mut current = Vec::new();
    let mut lines = 0;
    for (item, size) in items {
        if !current.is_empty() && lines + size > LINES_PER_FILE {
            chunks.push(std::mem::take(&mut current));
            lines = 0;
        }
        lines += size;
        current.push(item);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// The lines a doc text takes as comments (with the blank line before it).
pub fn doc_lines(text: Option<&str>) -> usize {
    text.map_or(0, |text| text.lines().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_cut_in_order_at_the_budget() {
        let half = LINES_PER_FILE / 2;
        let chunks = by_lines([
            (1, half),
            (2, half),
            (3, 1),
            (4, LINES_PER_FILE * 2),
            (5, 1),
        ]);
        assert_eq!(chunks, [vec![1, 2], vec![3], vec![4], vec![5]]);
        assert!(by_lines(Vec::<(u8, usize)>::new()).is_empty());
    }
}
