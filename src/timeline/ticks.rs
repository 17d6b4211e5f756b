//! The calendar-aware tick ladder: from milliseconds to billions of years, ticks on real second,
//! day, month and year boundaries, with labels that never overlap.

use crate::i18n::Lang;

use crate::model::civil::{self, SECS_PER_DAY, SECS_PER_YEAR_APPROX};

/// One axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where, in seconds since the epoch.
    pub secs: f64,
    /// Text under the tick (may be empty for unlabelled grid lines).
    pub label: String,
    /// Whether this tick starts a larger unit (a new year among months, a new day among hours).
    pub major: bool,
}

/// The tick steps and the spacing that was chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct TickSet {
    /// Ticks in time order.
    pub ticks: Vec<Tick>,
    /// Approximate seconds between two ticks (for grid-line weight).
    pub step_secs: f64,
}

/// Unit of a tick step.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    /// `10^exp × mult` seconds, `exp < 0`.
    Fraction {
        nanos: i64,
    },
    Seconds(i64),
    Days(i64),
    /// 1st, 8th, 15th, 22nd of each month (weeks that stay on month boundaries).
    Weeks,
    Months(u32),
    Years(i64),
}

impl Step {
    fn approx_secs(self) -> f64 {
        match self {
            Self::Fraction { nanos } => nanos as f64 / 1e9,
            Self::Seconds(n) => n as f64,
            Self::Days(n) => (n * SECS_PER_DAY) as f64,
            Self::Weeks => 7.0 * SECS_PER_DAY as f64,
            Self::Months(n) => f64::from(n) * SECS_PER_YEAR_APPROX / 12.0,
            Self::Years(n) => n as f64 * SECS_PER_YEAR_APPROX,
        }
    }
}

/// The ladder, finest first.
fn ladder() -> Vec<Step> {
    let mut steps = Vec::new();
    for nanos in [
        1_000_000,
        2_000_000,
        5_000_000,
        10_000_000,
        20_000_000,
        50_000_000,
        100_000_000,
        200_000_000,
        500_000_000,
    ] {
        steps.push(Step::Fraction { nanos });
    }
    for secs in [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
    ] {
        steps.push(Step::Seconds(secs));
    }
    steps.extend([
        Step::Days(1),
        Step::Days(2),
        Step::Weeks,
        Step::Months(1),
        Step::Months(2),
        Step::Months(3),
    ]);
    steps.push(Step::Months(6));
    let mut n = 1_i64;
    while n <= 10_000_000_000 {
        for m in [1, 2, 5] {
            steps.push(Step::Years(n * m));
        }
        n *= 10;
    }
    steps
}

/// Gap between neighbouring labels, in points.
const LABEL_GAP: f64 = 12.0;

/// Ticks for `[min_secs, max_secs]` drawn over `width` points: the finest step whose labels, as
/// measured by `measure` (text → width in points), all fit without overlapping.
pub fn ticks(min_secs: f64, max_secs: f64, width: f64, measure: &dyn Fn(&str) -> f64) -> TickSet {
    ticks_in(min_secs, max_secs, width, measure, Lang::En)
}

/// [`ticks`] with labels in `lang` ("mei", "1. Mai 2021", "500 v.Chr.").
pub fn ticks_in(
    min_secs: f64,
    max_secs: f64,
    width: f64,
    measure: &dyn Fn(&str) -> f64,
    lang: Lang,
) -> TickSet {
    if !(min_secs.is_finite() && max_secs.is_finite() && max_secs > min_secs && width > 1.0) {
        return TickSet {
            ticks: Vec::new(),
            step_secs: 1.0,
        };
    }
    let px_per_sec = width / (max_secs - min_secs);
    for step in ladder() {
        let approx_px = step.approx_secs() * px_per_sec;
        if approx_px < 24.0 {
            continue; // ticks that close can never carry labels
        }
        let mut ticks = generate(step, min_secs, max_secs, lang);
        if ticks.len() > 500 {
            continue;
        }
        // A label is centred on its tick: drop ticks whose label would be cut by an edge, then give
        // the first remaining one its full context (dropping it too if that makes it too wide).
        let inside = |t: &Tick| {
            let x = (t.secs - min_secs) * px_per_sec;
            let half = measure(&t.label) / 2.0;
            x - half >= 0.0 && x + half <= width
        };
        ticks.retain(inside);
        loop {
            qualify_first(&mut ticks, step, lang);
            match ticks.first() {
                Some(first) if !inside(first) => {
                    ticks.remove(0);
                }
                _ => break,
            }
        }
        if labels_fit(&ticks, min_secs, px_per_sec, measure) {
            return TickSet {
                ticks,
                step_secs: step.approx_secs(),
            };
        }
    }
    // Nothing fits (a very narrow axis): one tick at the start of the largest unit.
    TickSet {
        ticks: Vec::new(),
        step_secs: max_secs - min_secs,
    }
}

fn labels_fit(
    ticks: &[Tick],
    min_secs: f64,
    px_per_sec: f64,
    measure: &dyn Fn(&str) -> f64,
) -> bool {
    let mut previous_right = f64::NEG_INFINITY;
    for tick in ticks {
        let x = (tick.secs - min_secs) * px_per_sec;
        let half = measure(&tick.label) / 2.0;
        if x - half < previous_right + LABEL_GAP {
            return false;
        }
        previous_right = x + half;
    }
    true
}

fn generate(step: Step, min_secs: f64, max_secs: f64, lang: Lang) -> Vec<Tick> {
    let mut ticks = Vec::new();
    match step {
        Step::Fraction { nanos } => fraction_ticks(nanos, min_secs, max_secs, &mut ticks),
        Step::Seconds(n) => second_ticks(n, min_secs, max_secs, &mut ticks, lang),
        Step::Days(n) => {
            let mut day = (min_secs / SECS_PER_DAY as f64).ceil() as i64;
            while ((day * SECS_PER_DAY) as f64) <= max_secs && ticks.len() <= 501 {
                let (y, m, d) = civil::civil_from_days(day);
                if n == 1 || (d - 1) % 2 == 0 && d < 31 {
                    ticks.push(Tick {
                        secs: (day * SECS_PER_DAY) as f64,
                        label: day_label(y, m, d, lang),
                        major: d == 1,
                    });
                }
                day += 1;
            }
        }
        Step::Weeks => month_days(min_secs, max_secs, &[1, 8, 15, 22], &mut ticks, lang),
        Step::Months(n) => {
            let (mut y, mut m) = first_month_at_or_after(min_secs);
            loop {
                let secs = (civil::days_from_civil(y, m, 1) * SECS_PER_DAY) as f64;
                if secs > max_secs || ticks.len() > 501 {
                    break;
                }
                if (m - 1) % n == 0 {
                    let (label, major) = if m == 1 {
                        (civil::year_label_in(y, lang), true)
                    } else {
                        (lang.month_short(m).to_owned(), false)
                    };
                    ticks.push(Tick { secs, label, major });
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        Step::Years(n) => {
            // Round numbers as people count years: before the era in BCE years (200 BCE is
            // astronomical -199), after it in CE years; there is no year 0 between them.
            let first = civil::year_from_secs(min_secs);
            let mut push = |y: i64, count: i64| {
                let secs = civil::secs_from_year(y);
                if secs >= min_secs && secs <= max_secs && ticks.len() <= 501 {
                    ticks.push(Tick {
                        secs,
                        label: civil::year_label_in(y, lang),
                        major: count.rem_euclid(10) == 0,
                    });
                }
            };
            let mut k = (1 - first).div_euclid(n) + 1;
            while k >= 1 && civil::secs_from_year(1 - k * n) <= max_secs {
                push(1 - k * n, k);
                k -= 1;
            }
            // The era's first year marks where the count turns (between "100 BCE" and "100").
            if n > 1 {
                push(1, 0);
            }
            let mut k = first.div_euclid(n).max(1);
            // At most 502 ticks: `push` stops adding past that.
            while civil::secs_from_year(k * n) <= max_secs && k - first.div_euclid(n) <= 502 {
                push(k * n, k);
                k += 1;
            }
        }
    }
    ticks
}

fn fraction_ticks(nanos: i64, min_secs: f64, max_secs: f64, ticks: &mut Vec<Tick>) {
    let step_secs = nanos as f64 / 1e9;
    let mut k = (min_secs / step_secs).ceil();
    while k * step_secs <= max_secs && ticks.len() <= 501 {
        let secs = k * step_secs;
        let whole = secs.floor();
        let c = civil::civil_from_secs(whole as i64);
        let millis = ((secs - whole) * 1000.0).round();
        let digits = if nanos >= 100_000_000 {
            1
        } else if nanos >= 10_000_000 {
            2
        } else {
            3
        };
        let frac = format!("{:03}", millis as i64);
        let label = format!(
            "{:02}:{:02}.{}",
            c.minute,
            c.second,
            frac.get(..digits).unwrap_or(&frac)
        );
        ticks.push(Tick {
            secs,
            label,
            major: millis == 0.0,
        });
        k += 1.0;
    }
}

fn second_ticks(n: i64, min_secs: f64, max_secs: f64, ticks: &mut Vec<Tick>, lang: Lang) {
    let start = (min_secs / n as f64).ceil() as i64 * n;
    let mut s = start;
    while (s as f64) <= max_secs && ticks.len() <= 501 {
        let c = civil::civil_from_secs(s);
        let (label, major) = if c.hour == 0 && c.minute == 0 && c.second == 0 {
            (day_label(c.year, c.month, c.day, lang), true)
        } else if n < 60 {
            (
                format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second),
                c.second == 0,
            )
        } else {
            (format!("{:02}:{:02}", c.hour, c.minute), c.minute == 0)
        };
        ticks.push(Tick {
            secs: s as f64,
            label,
            major,
        });
        s += n;
    }
}

/// The first visible tick carries the full context (`4 May 2021`, `4 May 2021 11:00`) so a
/// zoomed-in axis is never ambiguous.
fn qualify_first(ticks: &mut [Tick], step: Step, lang: Lang) {
    let Some(first) = ticks.first_mut() else {
        return;
    };
    let whole = first.secs.floor();
    let c = civil::civil_from_secs(whole as i64);
    let year = civil::year_label_in(c.year, lang);
    let date = lang.date(Some(c.day), lang.month_short(c.month), Some(&year));
    first.label = match step {
        Step::Fraction { .. } => format!("{date} {:02}:{}", c.hour, first.label),
        // At midnight the date is what changed; at any other time the date and that time.
        Step::Seconds(_) if c.hour == 0 && c.minute == 0 && c.second == 0 => date,
        Step::Seconds(_) => format!("{date} {}", first.label),
        Step::Days(_) | Step::Weeks => date,
        Step::Months(_) if c.month != 1 => lang.date(None, lang.month_short(c.month), Some(&year)),
        Step::Months(_) | Step::Years(_) => return,
    };
}

fn day_label(year: i64, month: u32, day: u32, lang: Lang) -> String {
    match (month, day) {
        (1, 1) => civil::year_label_in(year, lang),
        (_, 1) => lang.month_short(month).to_owned(),
        _ => lang.date(Some(day), lang.month_short(month), None),
    }
}

fn first_month_at_or_after(secs: f64) -> (i64, u32) {
    let days = (secs / SECS_PER_DAY as f64).floor().clamp(-9.0e15, 9.0e15) as i64;
    let (y, m, d) = civil::civil_from_days(days);
    let at_start = d == 1 && (days * SECS_PER_DAY) as f64 >= secs;
    match (at_start, m) {
        (true, _) => (y, m),
        (false, 12) => (y + 1, 1),
        (false, _) => (y, m + 1),
    }
}

fn month_days(
    min_secs: f64,
    max_secs: f64,
    days_of_month: &[u32],
    ticks: &mut Vec<Tick>,
    lang: Lang,
) {
    let (mut y, mut m) = first_month_at_or_after(min_secs - 31.0 * SECS_PER_DAY as f64);
    loop {
        for &d in days_of_month {
            let secs = (civil::days_from_civil(y, m, d) * SECS_PER_DAY) as f64;
            if secs > max_secs || ticks.len() > 501 {
                return;
            }
            if secs >= min_secs {
                ticks.push(Tick {
                    secs,
                    label: day_label(y, m, d, lang),
                    major: d == 1,
                });
            }
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimePoint;

    /// 7 points per character, like the UI's 12-point proportional font at its widest.
    fn measure(text: &str) -> f64 {
        text.chars().count() as f64 * 7.0
    }

    fn secs(s: &str) -> f64 {
        s.parse::<TimePoint>().unwrap().start_secs()
    }

    fn assert_no_overlap(set: &TickSet, min: f64, max: f64, width: f64) {
        let px = width / (max - min);
        for pair in set.ticks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let gap = (b.secs - a.secs) * px;
            let needed = f64::midpoint(measure(&a.label), measure(&b.label));
            assert!(
                gap >= needed,
                "{:?} and {:?} overlap: gap {gap} < {needed}",
                a.label,
                b.label
            );
        }
    }

    /// Every scale from a few milliseconds to the age of the universe, at 800 px.
    #[test]
    fn every_scale_has_ticks_and_no_overlapping_labels_at_800_px() {
        let center = secs("2021-05-04T11:00:00Z");
        let mut span = 0.004;
        while span < 4e17 {
            let (min, max) = (center - span / 2.0, center + span / 2.0);
            let set = ticks(min, max, 800.0, &measure);
            assert!(set.ticks.len() >= 2, "span {span}: {:?}", set.ticks);
            assert!(
                set.ticks.iter().all(|t| t.secs >= min && t.secs <= max),
                "span {span}"
            );
            assert!(set.ticks.windows(2).all(|w| w[0].secs < w[1].secs));
            assert_no_overlap(&set, min, max, 800.0);
            span *= 1.7;
        }
    }

    #[test]
    fn month_ticks_fall_on_month_boundaries() {
        let (min, max) = (secs("2020-11-15"), secs("2022-02-10"));
        let set = ticks(min, max, 1600.0, &measure);
        assert!(set.ticks.len() >= 6);
        for tick in &set.ticks {
            let c = civil::civil_from_secs(tick.secs as i64);
            assert_eq!((c.day, c.hour, c.minute), (1, 0, 0), "{tick:?}");
        }
        let labels: Vec<_> = set.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"2021"), "{labels:?}");
        assert!(
            labels.contains(&"Jun") || labels.contains(&"Jul"),
            "{labels:?}"
        );
        assert_eq!(labels[0], "Dec 2020");
    }

    #[test]
    fn year_ticks_fall_on_year_boundaries_including_bce() {
        let (min, max) = (secs("-0700"), secs("0300"));
        let set = ticks(min, max, 800.0, &measure);
        for tick in &set.ticks {
            let c = civil::civil_from_secs(tick.secs as i64);
            assert_eq!((c.month, c.day), (1, 1), "{tick:?}");
        }
        assert!(set.ticks.iter().any(|t| t.label.ends_with("BCE")));
        assert!(
            !set.ticks.iter().any(|t| t.label == "0"),
            "no year zero shown"
        );
        // Round numbers on both sides of the era, as people count (not "201 BCE", "1 BCE").
        let labels: Vec<&str> = set.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "600 BCE", "500 BCE", "400 BCE", "300 BCE", "200 BCE", "100 BCE", "1", "100", "200"
            ]
        );
    }

    #[test]
    fn zoomed_in_axes_name_the_day() {
        let (min, max) = (secs("2021-05-04T10:00Z"), secs("2021-05-04T14:00Z"));
        let set = ticks(min, max, 800.0, &measure);
        assert!(
            set.ticks[0].label.starts_with("4 May 2021"),
            "{:?}",
            set.ticks[0]
        );
        assert!(
            set.ticks.iter().any(|t| t.label == "12:00"),
            "{:?}",
            set.ticks
        );
    }

    #[test]
    fn an_hour_tick_that_restates_the_date_keeps_its_time_and_midnight_says_the_day() {
        // At hour zoom the first tick is 18:00: "4 May 2021" alone would read as midnight.
        let (min, max) = (secs("2021-05-04T17:30Z"), secs("2021-05-05T06:30Z"));
        let set = ticks(min, max, 900.0, &measure);
        let first = &set.ticks[0];
        let c = civil::civil_from_secs(first.secs as i64);
        assert_ne!((c.hour, c.minute), (0, 0), "{first:?}");
        assert_eq!(
            first.label,
            format!("4 May 2021 {:02}:{:02}", c.hour, c.minute)
        );
        let midnight = set
            .ticks
            .iter()
            .find(|t| civil::civil_from_secs(t.secs as i64).hour == 0)
            .unwrap();
        assert_eq!(midnight.label, "5 May");
        for tick in &set.ticks[1..] {
            let c = civil::civil_from_secs(tick.secs as i64);
            if c.hour != 0 {
                assert_eq!(tick.label, format!("{:02}:00", c.hour), "time, not date");
            }
        }
        // A first tick at midnight is the date alone.
        let (min, max) = (secs("2021-05-03T22:00Z"), secs("2021-05-04T12:00Z"));
        let set = ticks(min, max, 900.0, &measure);
        let c = civil::civil_from_secs(set.ticks[0].secs as i64);
        assert_eq!((c.hour, c.minute), (0, 0));
        assert_eq!(set.ticks[0].label, "4 May 2021");
    }

    #[test]
    fn degenerate_input_gives_no_ticks() {
        assert!(ticks(5.0, 5.0, 800.0, &measure).ticks.is_empty());
        assert!(ticks(f64::NAN, 5.0, 800.0, &measure).ticks.is_empty());
        assert!(ticks(0.0, 5.0, 0.0, &measure).ticks.is_empty());
    }
}
