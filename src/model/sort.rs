//! Sorting big arrays on two cores, in place: the middle element is selected first (which
//! leaves every smaller element before it and every larger one after), then both sides are
//! sorted at once. No second array (a merge would need one as big as the rows).

/// Below this many rows one core sorts faster than two start.
const PARALLEL_FROM: usize = 200_000;

/// Sorts `rows` (unstably) using a second core where there is one and the rows are many.
pub fn sort_on_two_cores<T: Ord + Send>(rows: &mut [T]) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if rows.len() < PARALLEL_FROM || cores < 2 {
        rows.sort_unstable();
        return;
    }
    let middle = rows.len() / 2;
    rows.select_nth_unstable(middle);
    let (low, high) = rows.split_at_mut(middle);
    let sorted_there = std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .name("sort".to_owned())
            .spawn_scoped(scope, || low.sort_unstable());
        high.sort_unstable();
        other.is_ok_and(|other| other.join().is_ok())
    });
    if !sorted_there {
        low.sort_unstable();
    }
}

/// An `f64` as a number that orders like [`f64::total_cmp`] (for sorting rows as tuples).
pub fn total_order_key(x: f64) -> i64 {
    #[allow(clippy::cast_possible_wrap, reason = "the bits, reinterpreted")]
    let bits = x.to_bits() as i64;
    #[allow(
        clippy::cast_possible_wrap,
        clippy::cast_sign_loss,
        reason = "as in f64::total_cmp"
    )]
    let flip = (((bits >> 63) as u64) >> 1) as i64;
    bits ^ flip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cores_sort_as_one_does() {
        let mut state = 7_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 40
        };
        let mut rows: Vec<(u64, u32)> = (0..PARALLEL_FROM as u32 * 2 + 13)
            .map(|i| (next() % 1000, i))
            .collect();
        let mut expected = rows.clone();
        expected.sort_unstable();
        sort_on_two_cores(&mut rows);
        assert_eq!(rows, expected);
    }

    #[test]
    fn the_order_key_orders_floats_as_total_cmp_does() {
        let mut xs = [
            3.5,
            -0.0,
            0.0,
            f64::NEG_INFINITY,
            -2.0,
            f64::INFINITY,
            1e-300,
            -1e300,
            f64::NAN,
        ];
        let mut by_key = xs;
        xs.sort_by(f64::total_cmp);
        by_key.sort_by_key(|&x| total_order_key(x));
        assert_eq!(xs.map(f64::to_bits), by_key.map(f64::to_bits));
    }
}
