//! Unit tests of `model::store`.

use super::*;
use crate::model::LinkKind;

fn full_event() -> Event {
    let mut e = Event::new(
        "b1",
        "DDoS attack on Belnet",
        "2021-05-04T11:00+02:00".parse().unwrap(),
    );
    e.end = Some("2021-05-05".parse().unwrap());
    e.category = Some("incident".into());
    e.tags = vec!["ddos".into(), "belnet".into()];
    e.actors = vec!["unknown".into()];
    e.targets = vec!["Belnet".into(), "Parliament".into()];
    e.description = Some("Ünïcode".into());
    e.sources = vec![Source {
        title: "CCB".into(),
        url: Some("https://ccb.belgium.be".into()),
    }];
    e.disclosed = Some("2021-05-06".parse().unwrap());
    e.links = vec![Link {
        kind: LinkKind::Caused,
        target: "x".into(),
    }];
    e.severity = Some(Severity::High);
    e.circa = true;
    e.display_date = Some("early May".into());
    e.file = FileId(3);
    e.line = 42;
    e
}

#[test]
fn every_field_comes_back_as_pushed() {
    let plain = Event::new("p", "Plain", "2012".parse().unwrap());
    let full = full_event();
    let store: EventStore = vec![plain.clone(), full.clone()].into();
    assert_eq!(store.len(), 2);
    assert_eq!(store.to_vec(), vec![plain.clone(), full.clone()]);
    let e = store.get(1).unwrap();
    assert_eq!(e.id(), "b1");
    assert_eq!(e.title(), "DDoS attack on Belnet");
    assert_eq!(e.tags().collect::<Vec<_>>(), ["ddos", "belnet"]);
    assert_eq!(e.targets().collect::<Vec<_>>(), ["Belnet", "Parliament"]);
    assert_eq!(e.actors().count(), 1);
    assert_eq!(e.start_secs(), full.start_secs());
    assert_eq!(e.end_secs(), full.end_secs());
    assert_eq!(e.date_label(), full.date_label());
    assert!(store.get(2).is_none());
}

#[test]
fn copying_translates_names_between_stores() {
    let mut a = EventStore::default();
    let mut first = Event::new("a", "A", "2020".parse().unwrap());
    first.tags = vec!["zeta".into()];
    a.push(first);
    let mut b: EventStore = vec![full_event()].into();
    b.copy_from(&a, [0], Some(FileId(7)));
    let copied = b.get(1).unwrap();
    assert_eq!(copied.tags().collect::<Vec<_>>(), ["zeta"]);
    assert_eq!(copied.file(), FileId(7));
    assert_eq!(b.get(0).unwrap().to_event(), full_event());
}

#[test]
fn appending_and_permuting_keep_every_field() {
    let mut a: EventStore = vec![Event::new("p", "Plain", "2012".parse().unwrap())].into();
    let b: EventStore = vec![full_event(), Event::new("q", "Q", "2013".parse().unwrap())].into();
    a.append(&b, Some(FileId(2)));
    let mut expected = vec![
        Event::new("p", "Plain", "2012".parse().unwrap()),
        full_event(),
    ];
    expected[1].file = FileId(2);
    let mut q = Event::new("q", "Q", "2013".parse().unwrap());
    q.file = FileId(2);
    expected.push(q);
    assert_eq!(a.to_vec(), expected);
    let shuffled = a.permuted(&[2, 0, 1]);
    assert_eq!(
        shuffled.to_vec(),
        vec![
            expected[2].clone(),
            expected[0].clone(),
            expected[1].clone()
        ]
    );
    assert_eq!(shuffled.start_secs()[0], expected[2].start_secs());
}

#[test]
fn any_events_round_trip() {
    use proptest::prelude::*;
    let text = "[a-zé ]{0,8}";
    proptest!(|(rows in proptest::collection::vec((text, text, proptest::collection::vec(text, 0..3), proptest::collection::vec(text, 0..3), proptest::option::of(text), 1900i64..2100), 0..20))| {
        let events: Vec<Event> = rows
            .into_iter()
            .map(|(id, title, tags, actors, category, year)| {
                let mut e = Event::new(id, title, TimePoint::year(year).unwrap());
                e.tags = tags;
                e.actors = actors;
                e.category = category;
                e
            })
            .collect();
        let store = EventStore::from(events.clone());
        prop_assert_eq!(store.to_vec(), events.clone());
        let mut copy = EventStore::default();
        copy.copy_from(&store, (0..store.len()).rev(), None);
        let reversed: Vec<Event> = events.iter().rev().cloned().collect();
        prop_assert_eq!(copy.to_vec(), reversed.clone());
        let order: Vec<u32> = (0..store.len() as u32).rev().collect();
        prop_assert_eq!(store.permuted(&order).to_vec(), reversed);
        let mut twice = store.clone();
        twice.append(&store, None);
        let doubled: Vec<Event> = events.iter().chain(&events).cloned().collect();
        prop_assert_eq!(twice.to_vec(), doubled);
    });
}

#[test]
fn a_store_permuted_in_place_equals_one_permuted_by_copy_whatever_its_events_have() {
    proptest::proptest!(|(
        kinds in proptest::collection::vec(0_u8..6, 0..40),
        seed in 0_u64..1000,
    )| {
        // Events of every shape: plain, with an end, with extras, with a sub-second (wide)
        // start, with labels, and with everything.
        let events: Vec<Event> = kinds
            .iter()
            .enumerate()
            .map(|(n, kind)| {
                let mut e = match kind {
                    0 => Event::new(format!("p{n}"), format!("plain {n}"), TimePoint::year(1990 + i64::try_from(n).unwrap()).unwrap()),
                    1 => {
                        let mut e = Event::new(format!("s{n}"), "span", TimePoint::year(2000).unwrap());
                        e.end = Some(TimePoint::year(2001 + i64::try_from(n).unwrap()).unwrap());
                        e
                    }
                    2 => {
                        let mut e = Event::new(format!("x{n}"), "extra", TimePoint::year(1995).unwrap());
                        e.description = Some(format!("description {n}"));
                        e
                    }
                    3 => Event::new(format!("w{n}"), "wide", "2021-05-04T11:00:00.25Z".parse().unwrap()),
                    4 => {
                        let mut e = Event::new(format!("l{n}"), "labelled", TimePoint::year(2010).unwrap());
                        e.tags = vec![format!("t{}", n % 3)];
                        e.actors = vec!["CCB".into()];
                        e
                    }
                    _ => {
                        let mut e = full_event();
                        e.id = format!("f{n}");
                        e.file = FileId(0);
                        e
                    }
                };
                e.line = n as u32 + 1;
                e
            })
            .collect();
        let store = EventStore::from(events.clone());
        // A shuffle from the seed.
        let mut order: Vec<u32> = (0..events.len() as u32).collect();
        let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let expected: Vec<Event> = order.iter().map(|&i| events[i as usize].clone()).collect();
        proptest::prop_assert_eq!(store.permuted(&order).to_vec(), expected.clone());
        let mut keyed = store.clone();
        keyed.set_key_order(keyed.compute_key_order());
        let moved = keyed.into_permuted(&order);
        proptest::prop_assert_eq!(moved.to_vec(), expected.clone());
        // The key order came along: every event once, sorted by the hash of its id.
        let keys = moved.key_order().to_vec();
        let mut numbers = keys.clone();
        numbers.sort_unstable();
        proptest::prop_assert_eq!(numbers, (0..events.len() as u32).collect::<Vec<_>>());
        let hashes: Vec<u64> = keys.iter().map(|&i| EventStore::key_hash(moved.get(i as usize).unwrap().id())).collect();
        proptest::prop_assert!(hashes.windows(2).all(|w| w[0] <= w[1]));
        // Texts stay where they were and events point at them: moved again, copied, appended
        // to and from, pushed to, and through the cache's encoding, every event is the same.
        let reversed: Vec<u32> = (0..events.len() as u32).rev().collect();
        let again: Vec<Event> = expected.iter().rev().cloned().collect();
        proptest::prop_assert_eq!(moved.clone().into_permuted(&reversed).to_vec(), again.clone());
        proptest::prop_assert_eq!(moved.permuted(&reversed).to_vec(), again);
        let mut plain_then_moved = store.clone();
        plain_then_moved.append(&moved, None);
        let mut moved_then_plain = moved.clone();
        moved_then_plain.append(&store, None);
        let extra = Event::new("late", "pushed after", TimePoint::year(2030).unwrap());
        moved_then_plain.push(extra.clone());
        proptest::prop_assert_eq!(plain_then_moved.to_vec(), events.iter().chain(&expected).cloned().collect::<Vec<_>>());
        let all: Vec<Event> = expected.iter().chain(&events).cloned().chain([extra]).collect();
        proptest::prop_assert_eq!(moved_then_plain.to_vec(), all.clone());
        let mut bytes = Vec::new();
        moved_then_plain.encode(&mut bytes).unwrap();
        let mut back = EventStore::decode(&mut bytes.as_slice(), bytes.len() as u64).unwrap();
        back.set_extras(moved_then_plain.clone().take_extras());
        proptest::prop_assert_eq!(back.to_vec(), all);
    });
}

#[test]
fn a_text_number_out_of_range_is_refused_by_the_decoder() {
    let store: EventStore = vec![
        Event::new("b", "B", TimePoint::year(2013).unwrap()),
        Event::new("a", "A", TimePoint::year(2012).unwrap()),
    ]
    .into();
    let moved = store.into_permuted(&[1, 0]);
    let mut bytes = Vec::new();
    moved.encode(&mut bytes).unwrap();
    assert!(EventStore::decode(&mut bytes.as_slice(), bytes.len() as u64).is_some());
    // The text numbers follow the text (8-byte length + "bBaA"), offsets (8 + 3 × 4), wraps
    // (8) and id lengths (8 + 2 × 4); after their own length, the first is made 2 (there are
    // two texts).
    let at = 8 + 4 + 8 + 12 + 8 + 8 + 8 + 8;
    assert_eq!(
        bytes[at..at + 4],
        1_u32.to_le_bytes(),
        "the layout this test assumes"
    );
    bytes[at..at + 4].copy_from_slice(&2_u32.to_le_bytes());
    assert!(EventStore::decode(&mut bytes.as_slice(), bytes.len() as u64).is_none());
}
