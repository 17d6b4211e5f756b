//! `annals render`: draws the files (or the embedded dataset) to a PNG or SVG slide with no window.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{error_line, issue_line, not_written};
use crate::i18n::{Arg, Lang};
use crate::io::{self, IssueLevel};

/// The arguments of `annals render`.
#[derive(Debug, clap::Args)]
#[expect(clippy::struct_excessive_bools, reason = "command-line switches")]
pub struct RenderRequest {
    /// Files to draw (none: the embedded Belgium dataset).
    pub files: Vec<PathBuf>,
    /// The image to write: `.png` or `.svg`.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Start of the range (a date like 2019 or 2021-05-04); default: all data.
    #[arg(long)]
    pub from: Option<String>,
    /// End of the range (the end of that period is included).
    #[arg(long)]
    pub to: Option<String>,
    /// Image size in pixels, `WIDTHxHEIGHT`, or a preset: `1080p`, `4k`, `a4` (landscape, 300 dpi).
    #[arg(long, default_value = "1920x1080")]
    pub size: String,
    /// `light` (print), `dark` or `high-contrast`.
    #[arg(long, default_value = "light")]
    pub theme: String,
    /// A title at the top (default: the data's own title, if it has one).
    #[arg(long, conflicts_with = "no_title")]
    pub title: Option<String>,
    /// No title, even where the data has one.
    #[arg(long)]
    pub no_title: bool,
    /// Show the categories and their colours above the timeline (the default).
    #[arg(long, conflicts_with = "no_legend")]
    pub legend: bool,
    /// No legend.
    #[arg(long)]
    pub no_legend: bool,
    /// The axis's time zone: `UTC`, `local` or an IANA name such as `Europe/Brussels`.
    #[arg(long, default_value = "UTC")]
    pub zone: String,
    /// Draw long empty stretches short, each break marked on the axis.
    #[arg(long)]
    pub collapse_gaps: bool,
    /// Draw every link between events as an arrow.
    #[arg(long)]
    pub links: bool,
    /// SVG: keep text as text (editable, but drawn in whatever font the viewer has) instead of
    /// outlines that look the same everywhere.
    #[arg(long)]
    pub svg_live_text: bool,
}

/// The earliest start and latest end of a part's events and periods.
fn part_extent(part: &crate::model::DatasetPart) -> Option<(f64, f64)> {
    let events = &part.events;
    let starts = events.start_secs().iter().copied();
    let ends = events.end_secs().iter().copied();
    let min = starts
        .chain(part.periods.iter().map(|p| p.start.start_secs()))
        .reduce(f64::min)?;
    let max = ends
        .chain(part.periods.iter().map(|p| p.end.end_secs()))
        .reduce(f64::max)?;
    Some((min, max))
}

fn parse_size(text: &str) -> Option<(u32, u32)> {
    if let Some(preset) = crate::export::SizePreset::ALL
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(text.trim()))
    {
        return Some((preset.width_px, preset.height_px));
    }
    let (w, h) = text.split_once(['x', 'X', '×'])?;
    let (w, h) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    let limit = 1..=crate::export::MAX_SIDE_PX;
    (limit.contains(&w) && limit.contains(&h)).then_some((w, h))
}

/// `annals render`: exit 0 written, 1 written with records skipped, 2 nothing written.
pub fn render(
    request: &RenderRequest,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    use crate::export::{self, ExportOptions};
    let fail = |err: &mut dyn Write, message: String| {
        error_line(err, lang, &message);
        ExitCode::from(2)
    };
    let quoted = |text: &str| format!("{text:?}");
    let Some((width_px, height_px)) = parse_size(&request.size) else {
        let message = lang.text(
            "cli-bad-size",
            &[
                ("value", Arg::Text(&quoted(&request.size))),
                ("max", Arg::Text(&crate::export::MAX_SIDE_PX.to_string())),
            ],
        );
        return fail(err, message);
    };
    let Some(theme) = crate::palette::Theme::from_name(&request.theme) else {
        let message = lang.text(
            "cli-bad-theme",
            &[("value", Arg::Text(&quoted(&request.theme)))],
        );
        return fail(err, message);
    };
    let zone = match crate::timeline::zone::DisplayZone::parse(&request.zone) {
        Ok(zone) => zone,
        Err(why) => return fail(err, format!("--zone: {why}")),
    };
    // The image's format follows the name it is written under; anything else is refused
    // before any work (PNG bytes in a `.jpg` would mislead every program that opens it).
    let extension = request
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let is_svg = match extension.as_deref() {
        Some("svg") => true,
        Some("png") => false,
        _ => {
            let file = quoted(&request.output.display().to_string());
            let message = lang.text("cli-bad-output-format", &[("file", Arg::Text(&file))]);
            return fail(err, message);
        }
    };
    let bound = |text: &Option<String>, end: bool| -> Result<Option<f64>, String> {
        text.as_deref()
            .map(|t| {
                t.parse::<crate::model::TimePoint>()
                    .map(|p| if end { p.end_secs() } else { p.start_secs() })
                    .map_err(|e| format!("{t:?}: {}", e.text_in(lang)))
            })
            .transpose()
    };
    let (from, to) = match (bound(&request.from, false), bound(&request.to, true)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(e), _) | (_, Err(e)) => return fail(err, e),
    };
    if let (Some(from_secs), Some(to_secs), Some(from_text), Some(to_text)) =
        (from, to, &request.from, &request.to)
        && to_secs <= from_secs
    {
        let message = lang.text(
            "cli-range-backwards",
            &[
                ("from", Arg::Text(&quoted(from_text))),
                ("to", Arg::Text(&quoted(to_text))),
            ],
        );
        return fail(err, message);
    }
    let mut parts = Vec::new();
    let mut skipped = false;
    // Tables too big to read whole are asked for the view once it is known.
    let mut big_tables = Vec::new();
    let loaded = if request.files.is_empty() {
        vec![io::load_embedded()]
    } else {
        let mut loaded = Vec::new();
        for path in &request.files {
            match super::clickhouse::open_for_picture(path) {
                Some(Ok(super::clickhouse::Picture::Whole(file))) => loaded.push(Ok(*file)),
                Some(Ok(super::clickhouse::Picture::Big(table))) => big_tables.push(*table),
                Some(Err(e)) => loaded.push(Err(e)),
                None => loaded.push(io::load_file(path)),
            }
        }
        loaded
    };
    for result in loaded {
        match result {
            Ok(file) => {
                for issue in &file.issues {
                    writeln!(err, "{}", issue_line(&file.part.info.path, issue, lang)).ok();
                }
                skipped |= file.issues.iter().any(|i| i.level == IssueLevel::Skipped);
                parts.push(file.part);
            }
            Err(e) => return fail(err, e.text_in(lang)),
        }
    }
    let spec = crate::timeline::LaneSpec {
        lang,
        ..Default::default()
    };
    let extent = big_tables
        .iter()
        .filter_map(super::clickhouse::BigTable::extent_secs)
        .chain(parts.iter().filter_map(part_extent))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let Some((data_min, data_max)) = extent else {
        return fail(err, lang.word("cli-nothing-to-draw"));
    };
    let view = match (from, to) {
        (None, None) => crate::timeline::TimeView::fitting(data_min, data_max, 0.03),
        (from, to) => crate::timeline::TimeView::from_min_max(
            from.unwrap_or(data_min),
            to.unwrap_or(data_max),
        ),
    };
    let mut counted: Option<crate::timeline::CountedLanes> = None;
    for table in &big_tables {
        match table.ask(view.min_secs, view.max_secs()) {
            Ok((part, lanes)) => {
                parts.push(part);
                let all = counted.get_or_insert_with(|| crate::timeline::CountedLanes {
                    min_secs: view.min_secs,
                    max_secs: view.max_secs(),
                    lanes: Vec::new(),
                });
                super::clickhouse::add_counts(all, lanes);
            }
            Err(e) => return fail(err, e.text_in(lang)),
        }
    }
    let dataset = crate::model::Dataset::from_parts(parts);
    let counted_keys: Vec<(String, usize)> = counted
        .iter()
        .flat_map(|c| &c.lanes)
        .map(|(key, counts)| (key.clone(), counts.iter().map(|&n| n as usize).sum()))
        .collect();
    let layout = crate::timeline::lanes::build_with_counted(
        &dataset,
        &crate::model::Filter::default(),
        &spec,
        &counted_keys,
    );
    let breaks = if request.collapse_gaps {
        crate::timeline::AxisBreaks::find(&dataset, &layout)
    } else {
        crate::timeline::AxisBreaks::none()
    };
    let options = ExportOptions {
        extras: crate::timeline::scene::SceneExtras {
            breaks,
            links: request.links,
            pinned: None,
            scroll_y: 0.0,
            lang,
            zone,
            counted: counted.map(std::sync::Arc::new),
        },
        width_px,
        height_px,
        view,
        theme,
        title: if request.no_title {
            None
        } else {
            request
                .title
                .clone()
                .or_else(|| Some(dataset.title_in(lang)))
                .filter(|t| !t.trim().is_empty())
        },
        footer: true,
        legend: !request.no_legend,
    };
    let rendered = export::render_svg(&dataset, &layout, &options);
    let bytes = if is_svg && request.svg_live_text {
        rendered.svg.into_bytes()
    } else if is_svg {
        match export::outline_text(&rendered.svg) {
            Ok(svg) => svg.into_bytes(),
            Err(e) => return fail(err, io::report::error_chain(&e)),
        }
    } else {
        match export::render_png(&rendered.svg) {
            Ok(bytes) => bytes,
            Err(e) => return fail(err, io::report::error_chain(&e)),
        }
    };
    if let Err(e) = io::native_writer::write_atomically_bytes(&request.output, &bytes) {
        return fail(err, not_written(lang, &request.output, &e));
    }
    let message = lang.text(
        "cli-wrote-image",
        &[
            ("size", Arg::Text(&format!("{width_px}×{height_px}"))),
            ("format", Arg::Text(if is_svg { "SVG" } else { "PNG" })),
            ("file", Arg::Text(&request.output.display().to_string())),
        ],
    );
    writeln!(out, "{message}").ok();
    if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
