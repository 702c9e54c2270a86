//! The agreement coefficients, on plain data: categories are small integers, an item's ratings
//! a list. Each returns `None` where the coefficient is undefined (no items, or chance agreement
//! already perfect: every rater used one category throughout), as a number would mislead.
//!
//! Checked against scikit-learn's `cohen_kappa_score`, statsmodels' `fleiss_kappa` and the
//! `krippendorff` package (`scripts/agreement_reference.py`, values in `tests/data/agreement/`).

use std::collections::HashMap;

/// A category of a token: 0 is "outside every span" (O), the others are labels.
pub type Category = u16;

/// Cohen's κ of two raters over the same items: (p_o − p_e) / (1 − p_e), where p_e comes from
/// each rater's own category proportions.
pub fn cohen_kappa(a: &[Category], b: &[Category]) -> Option<f64> {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    if n == 0 {
        return None;
    }
    let mut agree = 0usize;
    let mut count_a: HashMap<Category, usize> = HashMap::new();
    let mut count_b: HashMap<Category, usize> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        agree += usize::from(x == y);
        *count_a.entry(x).or_default() += 1;
        *count_b.entry(y).or_default() += 1;
    }
    let n = n as f64;
    let p_o = agree as f64 / n;
    let p_e: f64 = count_a
        .iter()
        .map(|(c, &na)| na as f64 * count_b.get(c).copied().unwrap_or(0) as f64)
        .sum::<f64>()
        / (n * n);
    ratio(p_o - p_e, 1.0 - p_e)
}

/// Fleiss' κ over items each rated by two or more raters; `items[i]` holds item i's ratings.
/// With the same number of raters on every item this is Fleiss (1971) exactly; with different
/// numbers, each item's agreement is over its own raters and category proportions are pooled
/// over all ratings.
pub fn fleiss_kappa(items: &[Vec<Category>]) -> Option<f64> {
    let mut per_category: HashMap<Category, usize> = HashMap::new();
    let mut total_ratings = 0usize;
    let mut agreement_sum = 0.0;
    let mut counted = 0usize;
    let mut counts: HashMap<Category, usize> = HashMap::new();
    for ratings in items {
        let m = ratings.len();
        if m < 2 {
            continue;
        }
        counts.clear();
        for &c in ratings {
            *counts.entry(c).or_default() += 1;
            *per_category.entry(c).or_default() += 1;
        }
        total_ratings += m;
        let pairs_agreeing: usize = counts.values().map(|&k| k * (k - 1)).sum();
        agreement_sum += pairs_agreeing as f64 / (m * (m - 1)) as f64;
        counted += 1;
    }
    if counted == 0 {
        return None;
    }
    let p_bar = agreement_sum / counted as f64;
    let p_e: f64 = per_category
        .values()
        .map(|&k| {
            let p = k as f64 / total_ratings as f64;
            p * p
        })
        .sum();
    ratio(p_bar - p_e, 1.0 - p_e)
}

/// Krippendorff's α for nominal data over items rated by any number of raters (an item with
/// fewer than two ratings carries no information and is skipped): 1 − D_o / D_e from the
/// coincidence matrix.
pub fn krippendorff_alpha_nominal(items: &[Vec<Category>]) -> Option<f64> {
    // The coincidences o_ck summed over c ≠ k, and the marginals n_c.
    let mut disagreeing = 0.0;
    let mut marginal: HashMap<Category, f64> = HashMap::new();
    let mut counts: HashMap<Category, usize> = HashMap::new();
    for ratings in items {
        let m = ratings.len();
        if m < 2 {
            continue;
        }
        counts.clear();
        for &c in ratings {
            *counts.entry(c).or_default() += 1;
        }
        let weight = 1.0 / (m - 1) as f64;
        // Ordered pairs of ratings (from different raters) with different categories.
        let same: usize = counts.values().map(|&k| k * (k - 1)).sum();
        disagreeing += (m * (m - 1) - same) as f64 * weight;
        // n_c: each rating of c pairs with the m − 1 others at weight 1 / (m − 1), so counts once.
        for (&c, &k) in &counts {
            *marginal.entry(c).or_default() += k as f64;
        }
    }
    let n: f64 = marginal.values().sum();
    if n < 2.0 {
        return None;
    }
    let sum_sq: f64 = marginal.values().map(|v| v * v).sum();
    let expected_disagreeing = (n * n - sum_sq) / (n - 1.0);
    if expected_disagreeing == 0.0 {
        return None;
    }
    Some(1.0 - disagreeing / expected_disagreeing)
}

/// Counts of two annotators' spans compared, for one label or all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Spans of the first and of the second annotator.
    pub spans: [usize; 2],
    /// Pairs with the same start, end and label.
    pub exact: usize,
    /// Spans of each annotator that overlap a span of the other with the same label.
    pub overlapping: [usize; 2],
}

impl SpanCounts {
    pub fn add(&mut self, other: SpanCounts) {
        self.spans[0] += other.spans[0];
        self.spans[1] += other.spans[1];
        self.exact += other.exact;
        self.overlapping[0] += other.overlapping[0];
        self.overlapping[1] += other.overlapping[1];
    }

    /// F1 of exact matches: 2·matched / (spans of one + spans of the other). Symmetric, so no
    /// annotator has to be "the reference".
    pub fn f1_exact(&self) -> Option<f64> {
        ratio(
            2.0 * self.exact as f64,
            (self.spans[0] + self.spans[1]) as f64,
        )
    }

    /// F1 of overlapping matches: precision is the share of the second annotator's spans that
    /// overlap one of the first's, recall the share of the first's that overlap one of the second's.
    pub fn f1_overlap(&self) -> Option<f64> {
        if self.spans[0] + self.spans[1] == 0 {
            return None;
        }
        let recall = ratio(self.overlapping[0] as f64, self.spans[0] as f64).unwrap_or(0.0);
        let precision = ratio(self.overlapping[1] as f64, self.spans[1] as f64).unwrap_or(0.0);
        Some(ratio(2.0 * precision * recall, precision + recall).unwrap_or(0.0))
    }
}

/// One annotator's span as compared: its range and label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: Category,
}

impl Mark {
    fn overlaps(&self, other: &Mark) -> bool {
        self.label == other.label && self.start < other.end && other.start < self.end
    }
}

/// Compares two annotators' spans on one text (same labels only).
pub fn compare_spans(a: &[Mark], b: &[Mark]) -> SpanCounts {
    let mut remaining: HashMap<Mark, usize> = HashMap::new();
    for mark in b {
        *remaining.entry(*mark).or_default() += 1;
    }
    let mut exact = 0;
    for mark in a {
        if let Some(left) = remaining.get_mut(mark).filter(|left| **left > 0) {
            *left -= 1;
            exact += 1;
        }
    }
    let overlapping_in = |these: &[Mark], others: &[Mark]| {
        these
            .iter()
            .filter(|x| others.iter().any(|y| x.overlaps(y)))
            .count()
    };
    SpanCounts {
        spans: [a.len(), b.len()],
        exact,
        overlapping: [overlapping_in(a, b), overlapping_in(b, a)],
    }
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_kappa_of_textbook_table() {
        // Two raters, 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.4.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, n) in [(1, 1, 20), (1, 0, 5), (0, 1, 10), (0, 0, 15)] {
            a.extend(std::iter::repeat_n(x, n));
            b.extend(std::iter::repeat_n(y, n));
        }
        let kappa = cohen_kappa(&a, &b).unwrap();
        assert!((kappa - 0.4).abs() < 1e-12, "{kappa}");
    }

    #[test]
    fn coefficients_are_undefined_when_every_rating_is_the_same() {
        assert_eq!(cohen_kappa(&[0, 0, 0], &[0, 0, 0]), None);
        assert_eq!(cohen_kappa(&[], &[]), None);
        assert_eq!(fleiss_kappa(&[vec![0, 0, 0], vec![0, 0, 0]]), None);
        assert_eq!(krippendorff_alpha_nominal(&[vec![0, 0], vec![0, 0]]), None);
        assert_eq!(
            fleiss_kappa(&[vec![1]]),
            None,
            "one rating agrees with nobody"
        );
    }

    #[test]
    fn fleiss_kappa_of_fleiss_1971_style_example() {
        // Wikipedia's worked example (10 items, 14 raters, 5 categories): κ ≈ 0.210.
        let table = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let items: Vec<Vec<Category>> = table
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .flat_map(|(c, &k)| std::iter::repeat_n(c as Category, k))
                    .collect()
            })
            .collect();
        let kappa = fleiss_kappa(&items).unwrap();
        assert!((kappa - 0.20993).abs() < 1e-4, "{kappa}");
    }

    #[test]
    fn krippendorff_alpha_of_two_raters_without_missing_data() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", two observers,
        // binary data, ten units: α = 0.095.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let items: Vec<Vec<Category>> = a.iter().zip(&b).map(|(&x, &y)| vec![x, y]).collect();
        let alpha = krippendorff_alpha_nominal(&items).unwrap();
        assert!((alpha - 0.095).abs() < 1e-3, "{alpha}");
    }

    #[test]
    fn span_f1_exact_and_overlapping() {
        let mark = |start, end, label| Mark { start, end, label };
        let a = [mark(0, 5, 1), mark(10, 15, 2), mark(20, 25, 1)];
        let b = [
            mark(0, 5, 1),
            mark(11, 15, 2),
            mark(30, 35, 1),
            mark(21, 23, 2),
        ];
        let counts = compare_spans(&a, &b);
        assert_eq!(counts.exact, 1);
        assert_eq!(
            counts.overlapping,
            [2, 2],
            "(20,25,1) and (21,23,2) differ in label"
        );
        assert_eq!(counts.f1_exact(), Some(2.0 / 7.0));
        let (p, r) = (2.0 / 4.0, 2.0 / 3.0);
        assert_eq!(counts.f1_overlap(), Some(2.0 * p * r / (p + r)));
        assert_eq!(SpanCounts::default().f1_exact(), None);
    }
}
