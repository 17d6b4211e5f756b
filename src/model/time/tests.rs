//! Unit tests of `model::time`.

#[test]
fn packed_points_unpack_equal() {
    use proptest::prelude::*;
    let texts = [
        "2012",
        "2021-05",
        "2021-05-04",
        "2021-05-04T11",
        "2021-05-04T11:00+02:00",
        "2021-05-04T23:59:59Z",
        "-0044-03-15",
        "1969-12-31T23:59:59-18:00",
        "2021-05-04T11:00+18:00",
    ];
    for text in texts {
        let t: super::TimePoint = text.parse().unwrap();
        assert_eq!(super::TimePoint::unpack(t.pack().unwrap()), t, "{text}");
    }
    let sub: super::TimePoint = "2021-05-04T11:00:05.123Z".parse().unwrap();
    assert_eq!(sub.pack(), None);
    assert_eq!(super::TimePoint::year(40_000).unwrap().pack(), None);
    proptest!(|(y in -32_768i64..32_767, m in 1u32..=12, d in 1u32..=28, h in 0u32..24, mi in 0u32..60, se in 0u32..60, off in proptest::option::of(-1080i32..=1080), depth in 0usize..6)| {
        use super::Precision;
        let precision = [Precision::Year, Precision::Month, Precision::Day, Precision::Hour, Precision::Minute, Precision::Second][depth];
        let mut t = super::TimePoint::new(y, (depth >= 1).then_some(m), (depth >= 2).then_some(d), precision.min(Precision::Day)).unwrap();
        if depth >= 3 {
            t = t.with_time(h, (depth >= 4).then_some(mi), (depth >= 5).then_some(se)).unwrap();
        }
        if let Some(off) = off {
            t = t.with_offset_minutes(off).unwrap();
        }
        prop_assert_eq!(super::TimePoint::unpack(t.pack().unwrap()), t);
    });
}

use super::*;

fn p(s: &str) -> TimePoint {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn precision_follows_the_source() {
    assert_eq!(p("2012").precision(), Precision::Year);
    assert_eq!(p("2021-05").precision(), Precision::Month);
    assert_eq!(p("2021-05-04").precision(), Precision::Day);
    assert_eq!(p("2021-05-04T11").precision(), Precision::Hour);
    assert_eq!(p("2021-05-04T11:00").precision(), Precision::Minute);
    assert_eq!(p("2021-05-04T11:00:05Z").precision(), Precision::Second);
    assert_eq!(
        p("2021-05-04T11:00:05.120").precision(),
        Precision::Subsecond
    );
}

#[test]
fn partial_dates_cover_their_whole_period() {
    let year = p("2012");
    assert_eq!(year.start_secs(), 1_325_376_000.0); // 2012-01-01
    assert_eq!(year.end_secs(), 1_356_998_400.0); // 2013-01-01
    let feb = p("2024-02");
    assert_eq!(feb.end_secs() - feb.start_secs(), 29.0 * 86_400.0); // leap year
    let dec = p("2021-12");
    assert_eq!(dec.end_secs(), p("2022").start_secs());
    let day = p("2021-05-04");
    assert_eq!(day.end_secs() - day.start_secs(), 86_400.0);
    let frac = p("2021-05-04T11:00:05.12");
    assert!((frac.end_secs() - frac.start_secs() - 0.01).abs() < 1e-6);
}

#[test]
fn impossible_dates_are_rejected_with_a_reason() {
    let err = "2021-02-30".parse::<TimePoint>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "day 30 does not exist in February 2021 (it has 28 days)"
    );
    assert!("2024-02-29".parse::<TimePoint>().is_ok());
    assert!("2023-02-29".parse::<TimePoint>().is_err());
    assert!("2100-02-29".parse::<TimePoint>().is_err());
    assert!("2000-02-29".parse::<TimePoint>().is_ok());
    assert!("2021-04-31".parse::<TimePoint>().is_err());
    assert!("2021-12-31".parse::<TimePoint>().is_ok());
    assert_eq!(
        "2021-13".parse::<TimePoint>().unwrap_err(),
        ParseTimeError::Month(13)
    );
    assert!(matches!(
        "2021-05-04T24:00".parse::<TimePoint>(),
        Err(ParseTimeError::TimeOfDay(_))
    ));
    assert!(matches!(
        "2021-05-04T11:60".parse::<TimePoint>(),
        Err(ParseTimeError::TimeOfDay(_))
    ));
    assert!(matches!(
        "2021-05-04T11:00+19:00".parse::<TimePoint>(),
        Err(ParseTimeError::Offset(_))
    ));
    for bad in [
        "",
        "May 2021",
        "2021-5",
        "2021-05-4",
        "2021/05/04",
        "2021-05T11:00",
        "2021-05-04T1",
        "20x1",
    ] {
        assert!(
            bad.parse::<TimePoint>().is_err(),
            "{bad:?} should not parse"
        );
    }
}

#[test]
fn offsets_shift_the_instant_and_floating_times_do_not() {
    let with_offset = p("2021-05-04T11:00+02:00");
    assert_eq!(
        with_offset.start_secs(),
        p("2021-05-04T09:00Z").start_secs()
    );
    assert_eq!(with_offset.offset_minutes(), Some(120));
    assert_eq!(p("2021-05-04T11:00-0330").offset_minutes(), Some(-210));
    let floating = p("2021-05-04T11:00");
    assert!(floating.is_floating());
    assert_eq!(floating.start_secs(), p("2021-05-04T11:00Z").start_secs());
    assert!(!p("2021-05-04").is_floating());
}

#[test]
fn bce_and_cosmological_years() {
    let bce = p("-0499");
    assert_eq!(bce.year_number(), -499);
    assert_eq!(bce.label(), "500 BCE");
    assert_eq!(bce.iso(), "-0499");
    let big_bang = p("-13800000000");
    assert_eq!(big_bang.precision(), Precision::Year);
    assert_eq!(big_bang.label(), "13.8 billion BCE");
    assert!(big_bang.start_secs() < big_bang.end_secs());
    assert!("-999999999999".parse::<TimePoint>().is_err());
    assert_eq!(p("-0044-03-15").label(), "15 March 45 BCE");
}

#[test]
fn labels_never_invent_detail() {
    assert_eq!(p("2012").label(), "2012");
    assert_eq!(p("2021-05").label(), "May 2021");
    assert_eq!(p("2021-05-04").label(), "4 May 2021");
    assert_eq!(
        p("2021-05-04T11:00+02:00").label(),
        "4 May 2021 11:00 UTC+2"
    );
    assert_eq!(p("2021-05-04T11:00").label(), "4 May 2021 11:00");
    assert_eq!(p("2021-05-04T11:00:07Z").label(), "4 May 2021 11:00:07 UTC");
    assert_eq!(
        p("2021-05-04T11:00:07.50+05:30").label(),
        "4 May 2021 11:00:07.50 UTC+5:30"
    );
}

#[test]
fn iso_round_trips() {
    for s in [
        "2012",
        "2021-05",
        "2021-05-04",
        "2021-05-04T11",
        "2021-05-04T11:00+02:00",
        "2021-05-04T11:00",
        "2021-05-04T11:00:05Z",
        "2021-05-04T11:00:05.123-03:30",
        "-0499",
        "-13800000000",
        "0000-02-29",
    ] {
        assert_eq!(p(s).iso(), s);
        assert_eq!(p(&p(s).iso()), p(s));
    }
}

#[test]
fn unix_seconds_become_utc_seconds() {
    let t = TimePoint::from_unix_secs(1_620_118_800).unwrap();
    assert_eq!(t.iso(), "2021-05-04T09:00:00Z");
}

#[test]
fn dates_are_said_in_each_language_no_more_precisely_than_the_source() {
    use crate::i18n::Lang;
    let day: TimePoint = "2021-05-20".parse().unwrap();
    assert_eq!(
        Lang::ALL.map(|l| day.label_in(l)),
        ["20 May 2021", "20 mei 2021", "20 mai 2021", "20. Mai 2021"].map(str::to_owned)
    );
    let month: TimePoint = "2021-05".parse().unwrap();
    assert_eq!(
        Lang::ALL.map(|l| month.label_in(l)),
        ["May 2021", "mei 2021", "mai 2021", "Mai 2021"].map(str::to_owned)
    );
    let minute: TimePoint = "2021-05-04T11:00+02:00".parse().unwrap();
    assert_eq!(minute.label_in(Lang::De), "4. Mai 2021 11:00 UTC+2");
    let bce: TimePoint = "-0499".parse().unwrap();
    assert_eq!(bce.label_in(Lang::Fr), "500 av. J.-C.");
    assert_eq!(bce.label_in(Lang::Nl), "500 v.Chr.");
    // English stays as it was.
    assert_eq!(day.label(), "20 May 2021");
}

#[test]
fn date_errors_speak_the_language_and_say_what_english_says() {
    use crate::i18n::Lang;
    let error = "2021-02-30".parse::<TimePoint>().unwrap_err();
    assert_eq!(
        error.text_in(Lang::En),
        error.to_string(),
        "the catalog's English is the Display text"
    );
    assert_eq!(
        error.text_in(Lang::De),
        "Tag 30 gibt es im Februar 2021 nicht (er hat 28 Tage)"
    );
    assert_eq!(
        error.text_in(Lang::Fr),
        "le jour 30 n’existe pas en février 2021 (il compte 28 jours)"
    );
    let shape = "next tuesday".parse::<TimePoint>().unwrap_err();
    assert!(shape.text_in(Lang::Nl).ends_with("kreeg \"next tuesday\""));
    for text in ["", "2021-13", "2021-05-04T25:00", "2021-05-04T11:00+19:00"] {
        let error = text.parse::<TimePoint>().unwrap_err();
        assert_eq!(error.text_in(Lang::En), error.to_string(), "{text:?}");
    }
}
