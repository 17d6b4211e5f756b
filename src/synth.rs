//! Synthetic datasets for benchmarks and stress tests (`annals gen`): realistic shapes, the same
//! bytes for the same seed. Incidents come in bursts (campaigns, patch days), strategy and law
//! are sparse, a fifth are spans from hours to months, dates carry mixed precision, and events
//! have tags and actors. Written as native format v1, streamed (ten million events do not need
//! to fit in memory twice).

use std::io::{self, Write};

use crate::model::civil;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of events.
    pub events: u64,
    /// Seed: the same seed gives the same file.
    pub seed: u64,
}

/// splitmix64: small, fast, good enough for test data, and stable across platforms and versions.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `0..n` for seconds (`n > 0`).
    fn below_secs(&mut self, n: i64) -> i64 {
        i64::try_from(self.below(n.unsigned_abs())).unwrap_or(0)
    }
}

const CATEGORIES: [(&str, &str, f64); 8] = [
    ("incident", "Incident", 0.34),
    ("vulnerability", "Vulnerability", 0.22),
    ("campaign", "Campaign", 0.12),
    ("response", "Response", 0.12),
    ("disclosure", "Disclosure", 0.10),
    ("law", "Law & regulation", 0.04),
    ("strategy", "Strategy", 0.03),
    ("institution", "Institution", 0.03),
];

const WORDS: [&str; 16] = [
    "DDoS on",
    "Ransomware at",
    "Phishing wave against",
    "Data leak from",
    "Supply-chain compromise of",
    "Wiper hits",
    "Espionage in",
    "Defacement of",
    "Zero-day in",
    "Outage at",
    "Advisory for",
    "Takedown of",
    "Attribution of attack on",
    "Law on",
    "Strategy for",
    "Exercise with",
];

const TARGETS: [&str; 12] = [
    "a ministry",
    "a hospital",
    "a university",
    "an energy grid",
    "a port",
    "a telecom operator",
    "a bank",
    "a city council",
    "a water utility",
    "an airline",
    "a research network",
    "a parliament",
];

/// First second of 2000-01-01 UTC and the 25 years after it.
const START_SECS: i64 = 946_684_800;
const SPAN_SECS: i64 = 25 * 365 * 86_400 + 6 * 86_400;

fn pick_category(rng: &mut Rng) -> usize {
    let mut r = rng.unit();
    for (i, (_, _, weight)) in CATEGORIES.iter().enumerate() {
        if r < *weight {
            return i;
        }
        r -= weight;
    }
    0
}

fn write_date(out: &mut impl Write, secs: i64, precision: u64) -> io::Result<()> {
    let c = civil::civil_from_secs(secs);
    match precision {
        0 => write!(out, "\"{:04}-{:02}\"", c.year, c.month),
        1..=6 => write!(out, "\"{:04}-{:02}-{:02}\"", c.year, c.month, c.day),
        _ => write!(
            out,
            "\"{:04}-{:02}-{:02}T{:02}:{:02}Z\"",
            c.year, c.month, c.day, c.hour, c.minute
        ),
    }
}

/// Writes `options.events` events as native JSON to `out`, one event per line.
pub fn write_native(options: SynthOptions, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng::new(options.seed);
    // Bursts: a centre and a width, so that about 70 % of events fall in a few hundred clusters.
    let bursts: Vec<(i64, i64)> = (0..(options.events / 250).clamp(8, 4000))
        .map(|_| {
            let centre = START_SECS + rng.below_secs(SPAN_SECS);
            let width = 3_600 + rng.below_secs(30 * 86_400);
            (centre, width)
        })
        .collect();
    writeln!(
        out,
        "{{\"annals\": 1, \"title\": \"Synthetic: {} events, seed {}\",",
        options.events, options.seed
    )?;
    out.write_all(b"\"categories\": [")?;
    for (i, (id, label, _)) in CATEGORIES.iter().enumerate() {
        let comma = if i + 1 < CATEGORIES.len() { ", " } else { "" };
        write!(out, "{{\"id\": \"{id}\", \"label\": \"{label}\"}}{comma}")?;
    }
    out.write_all(b"],\n\"events\": [\n")?;
    for i in 0..options.events {
        let category = pick_category(&mut rng);
        let in_burst = rng.unit() < 0.7 && category < 5;
        let secs = if in_burst {
            let (centre, width) = bursts[rng.below(bursts.len() as u64) as usize];
            // A triangular spread around the centre.
            let offset = ((rng.unit() + rng.unit() - 1.0) * width as f64) as i64;
            let secs = centre + offset;
            if (START_SECS..START_SECS + SPAN_SECS).contains(&secs) {
                secs
            } else {
                START_SECS + rng.below_secs(SPAN_SECS)
            }
        } else {
            START_SECS + rng.below_secs(SPAN_SECS)
        };
        let precision = rng.below(10);
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        let target = TARGETS[rng.below(TARGETS.len() as u64) as usize];
        write!(
            out,
            "{{\"id\": \"e{i}\", \"title\": \"{word} {target} #{i}\", \"category\": \"{}\", \"start\": ",
            CATEGORIES[category].0
        )?;
        write_date(out, secs, precision)?;
        if rng.unit() < 0.2 {
            // Spans from an hour to about half a year (log-uniform).
            let duration = (3_600.0 * (4_400.0f64).powf(rng.unit())) as i64;
            out.write_all(b", \"end\": ")?;
            write_date(out, secs + duration, precision.max(1))?;
        }
        let tags = rng.below(3);
        if tags > 0 {
            out.write_all(b", \"tags\": [")?;
            for t in 0..tags {
                let comma = if t > 0 { ", " } else { "" };
                write!(out, "{comma}\"tag{}\"", rng.below(30))?;
            }
            out.write_all(b"]")?;
        }
        if rng.unit() < 0.6 {
            write!(out, ", \"actors\": [\"actor{}\"]", rng.below(50))?;
        }
        let comma = if i + 1 < options.events { "," } else { "" };
        writeln!(out, "}}{comma}")?;
    }
    out.write_all(b"]}\n")
}

/// Plaso sources: `source`, `sourcetype`, the parser (`format`) and the times each gives.
const PLASO_SOURCES: [(&str, &str, &str, &[&str]); 5] = [
    (
        "FILE",
        "NTFS $MFT",
        "mft",
        &[
            "Creation Time",
            "Content Modification Time",
            "Last Access Time",
            "Metadata Modification Time",
        ],
    ),
    ("REG", "NTUSER.DAT Registry", "winreg", &["Last Written"]),
    (
        "WEBHIST",
        "Chrome History",
        "chrome_history",
        &["Last Visited Time"],
    ),
    ("LOG", "Syslog", "syslog", &["Content Modification Time"]),
    ("EVT", "WinEVTX", "winevtx", &["Content Modification Time"]),
];

/// Writes `options.events` rows of a synthetic Plaso super-timeline as `psort -o l2tcsv` does
/// (17 columns, times in UTC, one host over 90 days, bursts of activity).
pub fn write_l2tcsv(options: SynthOptions, out: &mut impl Write) -> io::Result<()> {
    /// 1 March 2024, 00:00 UTC: the incident's first day.
    const FIRST: i64 = 1_709_251_200;
    const DAYS: i64 = 90;
    let mut rng = Rng::new(options.seed);
    out.write_all(
        b"date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n",
    )?;
    for i in 0..options.events {
        // Most activity in working hours on a few busy days.
        let day = if rng.unit() < 0.6 {
            rng.below_secs(6) * 15
        } else {
            rng.below_secs(DAYS)
        };
        let secs = FIRST + day * 86_400 + 7 * 3_600 + rng.below_secs(12 * 3_600);
        let c = civil::civil_from_secs(secs);
        let (source, sourcetype, parser, times) =
            PLASO_SOURCES[rng.below(PLASO_SOURCES.len() as u64) as usize];
        let kind = times[rng.below(times.len() as u64) as usize];
        let macb = match kind {
            "Creation Time" => "...B",
            "Last Access Time" | "Last Visited Time" => ".A..",
            "Metadata Modification Time" => "..C.",
            _ => "M...",
        };
        let user = ["-", "alice", "bob", "SYSTEM"][rng.below(4) as usize];
        let file = format!("C:/Users/alice/AppData/file{}.dat", rng.below(5_000));
        writeln!(
            out,
            "{:02}/{:02}/{:04},{:02}:{:02}:{:02},UTC,{macb},{source},{sourcetype},{kind},{user},WS-042,\
             {kind}: {file},{kind}: {file} (entry {i}),2,{file},{},-,{parser},-",
            c.month,
            c.day,
            c.year,
            c.hour,
            c.minute,
            c.second,
            rng.below(1_000_000),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_file_and_it_loads_completely() {
        let options = SynthOptions {
            events: 2_000,
            seed: 7,
        };
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_native(options, &mut a).unwrap();
        write_native(options, &mut b).unwrap();
        assert_eq!(a, b);
        let mut c = Vec::new();
        write_native(SynthOptions { seed: 8, ..options }, &mut c).unwrap();
        assert_ne!(a, c);

        let text = String::from_utf8(a).unwrap();
        let loaded = crate::io::load_text("synthetic.json", &text).unwrap();
        assert!(loaded.issues.is_empty(), "{:?}", &loaded.issues[..3]);
        let events = &loaded.part.events;
        assert_eq!(events.len(), 2_000);
        let spans = events.iter().filter(|e| e.end().is_some()).count();
        assert!((300..=500).contains(&spans), "{spans} spans");
        let categories: std::collections::BTreeSet<_> = events
            .iter()
            .filter_map(crate::model::EventRef::category)
            .collect();
        assert_eq!(categories.len(), 8);
        let years: Vec<i64> = events.iter().map(|e| e.start().year_number()).collect();
        assert!(years.iter().all(|y| (2000..=2025).contains(y)));
    }
}
