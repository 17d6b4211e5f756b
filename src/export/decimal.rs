//! Numbers as SVG wants them, written fast: an export writes tens of thousands.

/// A coordinate with two decimals, as `{:.2}` writes it but without the exact decimal expansion
/// `{:.2}` does for every number (most of an export's writing time): hundredths are rounded as an
/// integer. Values too large for that (never a coordinate) fall back to `{:.2}`.
pub struct Num2(pub f64);

impl std::fmt::Display for Num2 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        if !v.is_finite() || v.abs() >= 1e13 {
            return write!(f, "{v:.2}");
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "|v| < 1e13, so hundredths fit i64"
        )]
        let hundredths = (v * 100.0).round() as i64;
        let sign = if hundredths < 0 { "-" } else { "" };
        let n = hundredths.unsigned_abs();
        write!(f, "{sign}{}.{:02}", n / 100, n % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::Num2;

    #[test]
    fn two_decimals_as_the_standard_formatter_writes_them() {
        for v in [
            0.0,
            1.0,
            -1.0,
            0.004,
            -0.004,
            0.006,
            12.345_678,
            -12.345_678,
            1919.999,
            1e12,
            99.99,
            0.1,
            -0.1,
            1054.6,
            3.98,
        ] {
            let ours = Num2(v).to_string();
            let std = format!("{v:.2}");
            // -0.004 is "-0.00" to the standard formatter; a sign on zero draws the same.
            assert_eq!(ours, std.replace("-0.00", "0.00"), "{v}");
        }
        // Exact ties in binary are rare; where rounding differs, it is by one hundredth.
        for i in 0..100_000 {
            let v = f64::from(i) * 0.013_7 - 600.0;
            let (ours, std): (f64, f64) = (
                Num2(v).to_string().parse().unwrap(),
                format!("{v:.2}").parse().unwrap(),
            );
            assert!((ours - std).abs() <= 0.010_000_1, "{v}: {ours} vs {std}");
        }
    }

    #[test]
    fn what_is_not_a_coordinate_falls_back() {
        assert_eq!(Num2(f64::NAN).to_string(), "NaN");
        assert_eq!(Num2(f64::INFINITY).to_string(), "inf");
        assert_eq!(Num2(2e13).to_string(), format!("{:.2}", 2e13));
    }
}
