//! Krippendorff's α for unitizing (αu; Krippendorff 1995, "On the reliability of unitizing
//! contiguous data", and *Content Analysis*, 2nd ed., 2004, pp. 251–256): how far raters agree
//! on where the units of a category are on a continuum (here: an article's characters), with
//! the stretches between units (gaps) counting too. A rater's units and gaps cut the continuum
//! into sections; two raters disagree on a category by
//!
//! - two overlapping units: (b₁ − b₂)² + (e₁ − e₂)², the squared distances of their edges;
//! - a unit lying wholly inside the other rater's gap: its length²;
//! - anything else: 0.
//!
//! The observed disagreement sums this over every overlapping pair of sections of every pair of
//! raters; the expected one over every way the units and gaps could have been placed. α is 1 −
//! D_o / D_e per category, and over all categories 1 − mean D_o / mean D_e.
//!
//! Checked against the textbook's worked example (Krippendorff 2004, p. 254) and against DKPro
//! Agreement's `KrippendorffAlphaUnitizingAgreement` on the agreement fixture
//! (`scripts/unitizing_reference.py`, values in `tests/data/agreement/unitizing_reference.json`).

/// A unit of one category as the measure sees it: which rater marked it, where it begins on the
/// continuum and how long it is. A rater's units of a category must not overlap
/// ([`merge_overlapping`] makes them so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unit {
    pub rater: usize,
    pub begin: u64,
    pub length: u64,
}

impl Unit {
    fn end(self) -> u64 {
        self.begin + self.length
    }
}

/// The observed and the expected disagreement on one category.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

/// α from disagreements: 1 − D_o / D_e. Undefined (`None`) when nothing could be expected to
/// disagree, except that no disagreement on units that exist is perfect agreement.
pub fn alpha(disagreement: Disagreement, any_units: bool) -> Option<f64> {
    let Disagreement { observed, expected } = disagreement;
    if expected > 0.0 {
        Some(1.0 - observed / expected)
    } else if observed == 0.0 && any_units {
        Some(1.0)
    } else {
        None
    }
}

/// The mean disagreements over several categories, from which the overall α is taken.
pub fn mean(categories: &[Disagreement]) -> Disagreement {
    let n = categories.len().max(1) as f64;
    Disagreement {
        observed: categories.iter().map(|d| d.observed).sum::<f64>() / n,
        expected: categories.iter().map(|d| d.expected).sum::<f64>() / n,
    }
}

/// Joins each rater's overlapping units into one (the measure is defined for a rater whose units
/// of a category do not overlap); units only touching stay apart. Sorted by rater and place.
pub fn merge_overlapping(mut units: Vec<Unit>) -> Vec<Unit> {
    units.retain(|u| u.length > 0);
    units.sort();
    let mut merged: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        match merged.last_mut() {
            Some(last) if last.rater == unit.rater && unit.begin < last.end() => {
                last.length = last.length.max(unit.end() - last.begin);
            }
            _ => merged.push(unit),
        }
    }
    merged
}

/// One stretch of a rater's continuum: a unit, or a gap between units.
#[derive(Clone, Copy, Debug)]
struct Section {
    begin: u64,
    end: u64,
    unit: bool,
}

/// A rater's continuum `[0, length)` cut into its units (sorted, not overlapping) and the gaps
/// between them.
fn sections(units: impl Iterator<Item = Unit>, length: u64) -> Vec<Section> {
    let mut out = Vec::new();
    let mut at = 0;
    for unit in units {
        if unit.begin > at {
            out.push(Section {
                begin: at,
                end: unit.begin,
                unit: false,
            });
        }
        out.push(Section {
            begin: unit.begin,
            end: unit.end(),
            unit: true,
        });
        at = unit.end();
    }
    if at < length {
        out.push(Section {
            begin: at,
            end: length,
            unit: false,
        });
    }
    out
}

/// The disagreement of two overlapping sections of two raters.
fn distance(x: Section, y: Section) -> u128 {
    let squared = |d: i128| (d * d) as u128;
    let length = |s: Section| u128::from(s.end - s.begin);
    match (x.unit, y.unit) {
        (true, true) => {
            squared(i128::from(x.begin) - i128::from(y.begin))
                + squared(i128::from(x.end) - i128::from(y.end))
        }
        (true, false) if y.begin <= x.begin && x.end <= y.end => length(x).pow(2),
        (false, true) if x.begin <= y.begin && y.end <= x.end => length(y).pow(2),
        _ => 0,
    }
}

/// The sum of the distances of every overlapping pair of sections of two raters.
fn pair_distance(a: &[Section], b: &[Section]) -> u128 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0;
    // Both lists cut the same continuum: step through them together, each overlapping pair
    // met once, moving on from whichever section ends first.
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        let (end_a, end_b) = (a[i].end, b[j].end);
        if end_a <= end_b {
            i += 1;
        }
        if end_b <= end_a {
            j += 1;
        }
    }
    sum
}

/// The observed and expected disagreement on one category: `units` are every rater's units of
/// it (not overlapping within a rater: see [`merge_overlapping`]), raters `0..raters`, each
/// having unitized the whole continuum `[0, length)`.
pub fn disagreement(units: &[Unit], raters: usize, length: u64) -> Disagreement {
    if raters < 2 || length == 0 {
        return Disagreement::default();
    }
    let mut by_rater: Vec<Vec<Unit>> = vec![Vec::new(); raters];
    for unit in units {
        by_rater[unit.rater].push(*unit);
    }
    for units in &mut by_rater {
        units.sort_by_key(|u| u.begin);
    }
    let cut: Vec<Vec<Section>> = by_rater
        .iter()
        .map(|units| sections(units.iter().copied(), length))
        .collect();
    let l = length as f64;
    let r = raters as f64;

    let mut observed_sum: u128 = 0;
    for (i, a) in cut.iter().enumerate() {
        for b in &cut[i + 1..] {
            observed_sum += pair_distance(a, b);
        }
    }
    let observed = 2.0 * observed_sum as f64 / (r * (r - 1.0) * l * l);

    // Every gap of every rater, shortest first, with the sums of the longer ones: for a unit
    // of length λ, Σ over gaps g ≥ λ of (g − λ + 1) is their sum less (λ − 1) per gap.
    let mut gaps: Vec<u64> = cut
        .iter()
        .flatten()
        .filter(|s| !s.unit)
        .map(|s| s.end - s.begin)
        .collect();
    gaps.sort_unstable();
    let mut longer_sums = vec![0u128; gaps.len() + 1];
    for k in (0..gaps.len()).rev() {
        longer_sums[k] = longer_sums[k + 1] + u128::from(gaps[k]);
    }
    let count = units.len() as u128;
    let mut expected_sum: u128 = 0;
    let mut squared_lengths: u128 = 0;
    for unit in units {
        let lambda = u128::from(unit.length);
        squared_lengths += lambda * lambda.saturating_sub(1);
        // (N − 1) · (2λ³ − 3λ² + λ) / 3: the unit against every other unit's placings.
        let within =
            (count - 1) * lambda * lambda.saturating_sub(1) * (2 * lambda).saturating_sub(1) / 3;
        let first_long = gaps.partition_point(|&g| g < unit.length);
        let long_gaps = (gaps.len() - first_long) as u128;
        let placings = longer_sums[first_long] - long_gaps * lambda.saturating_sub(1);
        expected_sum += within + lambda * lambda * placings;
    }
    let rl = r * l;
    let expected = 2.0 / l * expected_sum as f64 / (rl * (rl - 1.0) - squared_lengths as f64);
    Disagreement { observed, expected }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(rater: usize, begin: u64, length: u64) -> Unit {
        Unit {
            rater,
            begin,
            length,
        }
    }

    fn section(begin: u64, length: u64, unit: bool) -> Section {
        Section {
            begin,
            end: begin + length,
            unit,
        }
    }

    /// Krippendorff (2004, p. 254): two observers, the continuum 150–450; category c units
    /// [225, 295) and [370, 400) of i, [220, 300), [355, 375) and [400, 420) of j; category k
    /// [180, 240) and [300, 350) by both. Shifted to begin at 0.
    fn textbook_example() -> (Vec<Unit>, Vec<Unit>) {
        let at = |rater, begin: u64, length| unit(rater, begin - 150, length);
        let c = vec![
            at(0, 225, 70),
            at(0, 370, 30),
            at(1, 220, 80),
            at(1, 355, 20),
            at(1, 400, 20),
        ];
        let k = vec![
            at(0, 180, 60),
            at(0, 300, 50),
            at(1, 180, 60),
            at(1, 300, 50),
        ];
        (c, k)
    }

    #[test]
    fn the_textbook_example_gives_the_books_disagreements_and_alphas() {
        let (c, k) = textbook_example();
        let on_c = disagreement(&c, 2, 300);
        let on_k = disagreement(&k, 2, 300);
        let close = |x: f64, y: f64| (x - y).abs() < 0.00005;
        assert!(close(on_c.observed, 0.0144), "{on_c:?}");
        assert!(close(on_c.expected, 0.0532), "{on_c:?}");
        assert!(close(alpha(on_c, true).unwrap(), 0.7286), "{on_c:?}");
        assert_eq!(on_k.observed, 0.0);
        assert!(close(on_k.expected, 0.0490), "{on_k:?}");
        assert_eq!(alpha(on_k, true), Some(1.0));
        let overall = alpha(mean(&[on_c, on_k]), true).unwrap();
        // The book works from its rounded disagreements (1 − 0.0072 / 0.0511): 0.8591 to 4 places.
        assert!((overall - 0.8591).abs() < 0.0005, "{overall}");
    }

    #[test]
    fn distances_are_the_books() {
        // Overlapping units: the squared distances of their two edges.
        assert_eq!(distance(section(225, 70, true), section(220, 80, true)), 50);
        assert_eq!(
            distance(section(370, 30, true), section(355, 20, true)),
            850
        );
        // A unit inside the other's gap: its length squared; a unit sticking out of it: 0.
        assert_eq!(
            distance(section(400, 50, false), section(400, 20, true)),
            400
        );
        assert_eq!(
            distance(section(400, 20, true), section(400, 50, false)),
            400
        );
        assert_eq!(distance(section(400, 10, false), section(400, 20, true)), 0);
        assert_eq!(distance(section(0, 10, false), section(0, 10, false)), 0);
    }

    #[test]
    fn identical_unitizings_agree_perfectly_and_disjoint_ones_below_chance() {
        let same = [
            unit(0, 10, 5),
            unit(0, 40, 8),
            unit(1, 10, 5),
            unit(1, 40, 8),
        ];
        assert_eq!(alpha(disagreement(&same, 2, 100), true), Some(1.0));
        let apart = [
            unit(0, 10, 5),
            unit(0, 40, 8),
            unit(1, 60, 5),
            unit(1, 80, 8),
        ];
        let value = alpha(disagreement(&apart, 2, 100), true).unwrap();
        assert!(value < 0.0, "{value}");
        // Shifted by one character: close to, not at, perfect.
        let shifted = [unit(0, 10, 5), unit(1, 11, 5)];
        let value = alpha(disagreement(&shifted, 2, 100), true).unwrap();
        assert!(value > 0.5 && value < 1.0, "{value}");
    }

    #[test]
    fn nothing_to_compare_is_undefined() {
        assert_eq!(alpha(disagreement(&[], 2, 100), false), None);
        assert_eq!(alpha(disagreement(&[], 2, 0), false), None);
    }

    #[test]
    fn a_raters_overlapping_units_are_joined_and_touching_ones_kept_apart() {
        let merged = merge_overlapping(vec![
            unit(0, 10, 5),
            unit(0, 12, 10),
            unit(0, 22, 3),
            unit(1, 12, 1),
            unit(0, 30, 0),
        ]);
        assert_eq!(
            merged,
            vec![unit(0, 10, 12), unit(0, 22, 3), unit(1, 12, 1)]
        );
    }

    #[test]
    fn the_expected_disagreement_counts_every_gap_long_enough_for_a_unit() {
        // The sums with the sorted gaps equal the definition's loop over every gap.
        let units = [unit(0, 3, 4), unit(0, 20, 2), unit(1, 5, 7), unit(1, 30, 1)];
        let length = 40;
        let fast = disagreement(&units, 2, length);
        let mut gaps = Vec::new();
        for rater in 0..2 {
            let mine = units.iter().copied().filter(|u| u.rater == rater);
            gaps.extend(
                sections(mine, length)
                    .into_iter()
                    .filter(|s| !s.unit)
                    .map(|s| s.end - s.begin),
            );
        }
        let n = units.len() as f64;
        let mut sum = 0.0;
        for u in &units {
            let l = u.length as f64;
            sum += (n - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0;
            let placings: f64 = gaps
                .iter()
                .filter(|&&g| g >= u.length)
                .map(|&g| (g - u.length + 1) as f64)
                .sum();
            sum += l * l * placings;
        }
        let squared: f64 = units
            .iter()
            .map(|u| (u.length * (u.length - 1)) as f64)
            .sum();
        let rl = 2.0 * length as f64;
        let slow = 2.0 / length as f64 * sum / (rl * (rl - 1.0) - squared);
        assert!((fast.expected - slow).abs() < 1e-12, "{fast:?} {slow}");
    }
}
