//! What fits: the rows lanes get out of the height, shared by need, and text cut to a width.

/// `text` whole if it fits in `room` points, else cut with an ellipsis to fit (at least three
/// characters and the ellipsis), else `None`.
pub fn fit_text(text: &str, room: f64, measure: &dyn Fn(&str) -> f64) -> Option<String> {
    if measure(text) <= room {
        return Some(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| {
        let mut s: String = chars
            .iter()
            .take(n)
            .collect::<String>()
            .trim_end()
            .to_owned();
        s.push('…');
        s
    };
    // The longest cut that fits: a binary search on the number of characters kept.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if measure(&cut(mid)) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo >= 3).then(|| cut(lo))
}

/// How many rows each lane gets out of `budget`, given how many each `wants` (with `fixed`
/// lanes, expanded or dense, getting theirs in full): all they want if that fits; otherwise
/// the same level for all, the rows left over to those that want most, and at least one row
/// each (the lanes then scroll).
pub(super) fn share_rows(wants: &[usize], fixed: &[bool], budget: usize) -> Vec<usize> {
    if wants.iter().sum::<usize>() <= budget {
        return wants.to_vec();
    }
    let fixed_rows: usize = wants
        .iter()
        .zip(fixed)
        .filter(|(_, f)| **f)
        .map(|(w, _)| w)
        .sum();
    let left = budget.saturating_sub(fixed_rows);
    let given = |level: usize| -> usize {
        wants
            .iter()
            .zip(fixed)
            .filter(|(_, f)| !**f)
            .map(|(&w, _)| w.min(level))
            .sum()
    };
    let top = wants.iter().copied().max().unwrap_or(0);
    let mut level = 1;
    while level < top && given(level + 1) <= left {
        level += 1;
    }
    let mut caps: Vec<usize> = wants
        .iter()
        .zip(fixed)
        .map(|(&w, &f)| if f { w } else { w.min(level) })
        .collect();
    let mut spare = left.saturating_sub(given(level));
    let mut hungry: Vec<usize> = (0..wants.len())
        .filter(|&i| !fixed.get(i).copied().unwrap_or(true) && wants.get(i) > caps.get(i))
        .collect();
    hungry.sort_by_key(|&i| std::cmp::Reverse(wants.get(i).copied().unwrap_or(0)));
    for i in hungry {
        if spare == 0 {
            break;
        }
        if let Some(cap) = caps.get_mut(i) {
            *cap += 1;
            spare -= 1;
        }
    }
    caps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_first_to_all_then_to_those_that_want_most() {
        // Everything fits: everyone gets what it wants.
        assert_eq!(share_rows(&[1, 3, 2], &[false; 3], 10), [1, 3, 2]);
        // Ten rows for wants of 1, 8, 1, 4: the same level (4) for the two that want more.
        assert_eq!(share_rows(&[1, 8, 1, 4], &[false; 4], 10), [1, 4, 1, 4]);
        // Nine: level 3, and the row left over to the lane that wants most.
        assert_eq!(share_rows(&[1, 8, 1, 4], &[false; 4], 9), [1, 4, 1, 3]);
        // A fixed (expanded or dense) lane keeps all it wants.
        assert_eq!(share_rows(&[6, 6], &[true, false], 8), [6, 2]);
        // Less than one row each: one row each all the same (the lanes then scroll).
        assert_eq!(share_rows(&[3, 3, 3], &[false; 3], 3), [1, 1, 1]);
    }

    #[test]
    fn text_is_cut_with_an_ellipsis_to_fit_or_not_shown() {
        let measure = |t: &str| t.chars().count() as f64 * 10.0;
        assert_eq!(fit_text("Era", 100.0, &measure).as_deref(), Some("Era"));
        assert_eq!(
            fit_text("Era of the long name", 80.0, &measure).as_deref(),
            Some("Era of…")
        );
        assert_eq!(fit_text("Era of the long name", 30.0, &measure), None);
    }
}
