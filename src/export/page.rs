//! An exported page as a draw list: the title, the legend, the timeline area (drawn by
//! [`crate::timeline::paint`], exactly as in the window), the axis with its zone, and the footer.
//! Pure layout: `svg.rs` writes the primitives out.

use super::font::TextMeasure;
use crate::i18n::{Arg, Lang};
use crate::model::Dataset;
use crate::palette::Theme;
use crate::timeline::paint::{self, Align, Emphasis, Look, Prim, Rect, Rgba, TYPE, Text};
use crate::timeline::scene::{self, SceneExtras, SceneInput, SceneStyle};
use crate::timeline::{LaneLayout, TimeView};

/// What to export and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Image width in pixels (SVG user units).
    pub width_px: u32,
    /// Image height in pixels.
    pub height_px: u32,
    /// The time range.
    pub view: TimeView,
    /// Theme.
    pub theme: Theme,
    /// Optional title at the top.
    pub title: Option<String>,
    /// Whether to show the categories drawn, with their colours, above the timeline.
    pub legend: bool,
    /// Whether to name the data files in a footer.
    pub footer: bool,
    /// Axis breaks and link arrows, as in the window.
    pub extras: SceneExtras,
}

const AXIS_HEIGHT: f64 = 26.0;
const MARGIN: f64 = 16.0;
const LEGEND_HEIGHT: f64 = 24.0;

/// A laid-out page.
pub struct Page {
    /// Its primitives, in layout units from the page's top-left, in drawing order.
    pub prims: Vec<Prim>,
    /// The page's background.
    pub background: Rgba,
    /// The scene drawn in the timeline area.
    pub scene: scene::Scene,
    /// Top-left of the timeline area, in layout units.
    pub origin: (f64, f64),
    /// Pixels per layout unit (1 up to 1920×1080, 2 at 3840×2160).
    pub scale: f64,
}

/// One line of swatches and names for the lanes drawn; what does not fit ends in "+N more".
fn legend(
    out: &mut Vec<Prim>,
    layout: &LaneLayout,
    look: &Look<'_>,
    (x0, y0): (f64, f64),
    width: f64,
    measure: &TextMeasure,
) {
    let size = TYPE.legend;
    let mut x = x0;
    let middle = y0 + 11.5;
    for (i, lane) in layout.lanes.iter().enumerate() {
        let text_width = measure.width(&lane.label, size);
        let more = format!("+{} more", layout.lanes.len() - i);
        if x + 16.0 + text_width + measure.width(&more, size) + 18.0 > x0 + width
            && i + 1 < layout.lanes.len()
        {
            out.push(look.small_text(more, (x, middle), size, Align::Left));
            return;
        }
        out.push(Prim::Rect(Rect {
            min: (x, y0 + 6.0),
            max: (x + 11.0, y0 + 17.0),
            corner: 2.0,
            fill: Some(look.category(lane.category)),
            stroke: None,
        }));
        out.push(Prim::Text(Text {
            at: (x + 16.0, middle),
            text: lane.label.clone(),
            size,
            align: Align::Left,
            color: Rgba::opaque(look.colors.label),
        }));
        x += 16.0 + text_width + 18.0;
    }
}

/// The page's type grows by these factors while the timeline still fits the page with no more
/// events left unnamed: a sparse timeline fills a slide with larger type instead of blank space.
const TYPE_ZOOMS: [f64; 5] = [1.5, 1.375, 1.25, 1.125, 1.0];
/// The tallest a row grows, in layout units (the window's is 26).
const EXPORT_ROW_HEIGHT: f64 = 40.0;

/// The page laid out at one type zoom: its size in layout units and the timeline area's scene.
struct Trial {
    zoom: f64,
    width: f64,
    height: f64,
    area_width: f64,
    room: f64,
    scene: scene::Scene,
}

impl Trial {
    /// Events no text names: left out of full rows, or drawn without a label.
    fn unnamed(&self) -> usize {
        self.scene.more.iter().map(scene::More::count).sum()
    }

    fn fits(&self) -> bool {
        self.scene.content_height <= self.room + 0.5
    }
}

/// What the footer says, in `lang`: the dataset's title, its files, how many distinct sources
/// they cite, and the zone of the times. `compact` counts the files instead of naming them.
pub fn footer_text(dataset: &Dataset, zone_note: &str, compact: bool, lang: Lang) -> String {
    let name = |path: &str| {
        if let Ok(table) = crate::io::clickhouse::Target::parse(path) {
            return format!("ClickHouse {}.{}", table.database, table.table);
        }
        let path = path
            .strip_prefix(crate::io::EMBEDDED_PREFIX)
            .unwrap_or(path);
        path.rsplit(['/', '\\']).next().unwrap_or(path).to_owned()
    };
    let mut parts = Vec::new();
    let title = dataset.title_in(lang);
    if !title.is_empty() {
        parts.push(title);
    }
    let files = dataset.files.len();
    let cited: Vec<(String, usize)> = dataset
        .distinct_sources()
        .iter()
        .filter(|(_, count)| *count > 0)
        .filter_map(|&(file, count)| Some((name(&dataset.files.get(file)?.path), count)))
        .collect();
    let data = |files: &str| lang.text("footer-data", &[("files", Arg::Text(files))]);
    let sources = |list: &str| lang.text("footer-sources", &[("list", Arg::Text(list))]);
    if compact && files > 1 {
        parts.push(data(&lang.count("footer-files", files)));
        let total: usize = cited.iter().map(|(_, count)| count).sum();
        if total > 0 {
            let some = lang.number(cited.len());
            parts.push(sources(&lang.text(
                "footer-references-in-some",
                &[("count", Arg::Count(total)), ("files", Arg::Text(&some))],
            )));
        }
    } else {
        let names: Vec<String> = dataset.files.iter().map(|f| name(&f.path)).collect();
        parts.push(data(&names.join(", ")));
        let listed: Vec<String> = cited
            .iter()
            .map(|(file, count)| {
                lang.text(
                    "footer-references",
                    &[("count", Arg::Count(*count)), ("file", Arg::Text(file))],
                )
            })
            .collect();
        if !listed.is_empty() {
            parts.push(sources(&listed.join(", ")));
        }
    }
    parts.push(lang.text("footer-times", &[("zone", Arg::Text(zone_note))]));
    parts.join(" · ")
}

/// Lays out the dataset in `options.view` on a page of the asked size.
pub fn page(dataset: &Dataset, layout: &LaneLayout, options: &ExportOptions) -> Page {
    let look = Look::new(options.theme, dataset);
    let colors = look.colors;
    let measure = TextMeasure::default();
    let measure_label = |text: &str| measure.width(text, TYPE.label);
    // Large images are laid out as 1920×1080 at a higher scale, so 4K is as readable as 1080p.
    let (pixel_width, pixel_height) = (
        f64::from(options.width_px.max(1)),
        f64::from(options.height_px.max(1)),
    );
    let base_scale = (pixel_width / 1920.0).min(pixel_height / 1080.0).max(1.0);
    let title_height = if options.title.is_some() { 40.0 } else { 0.0 };
    let footer_height = if options.footer { 22.0 } else { 0.0 };
    let legend_height = if options.legend { LEGEND_HEIGHT } else { 0.0 };
    let area_y = MARGIN + title_height + legend_height;
    // The zone note sits right of the axis, in room of its own, so no tick label runs into it.
    let zone_note = options.extras.zone.name_at(options.view.center_secs());
    let zone_width = measure.width(&zone_note, TYPE.caption) + 8.0;
    let trial = |zoom: f64| {
        let scale = base_scale * zoom;
        let (width, height) = (pixel_width / scale, pixel_height / scale);
        let area_width = (width - 2.0 * MARGIN - zone_width).max(1.0);
        let room = (height - area_y - AXIS_HEIGHT - footer_height - MARGIN).max(1.0);
        let scene = scene::build(&SceneInput {
            dataset,
            layout,
            view: options.view,
            size: (area_width, room),
            style: SceneStyle {
                row_height: EXPORT_ROW_HEIGHT,
                ..SceneStyle::default()
            },
            measure: &measure_label,
            extras: &options.extras,
        });
        Trial {
            zoom,
            width,
            height,
            area_width,
            room,
            scene,
        }
    };
    // The largest type at which the timeline fits and names as many events as at 1:1.
    let base = trial(1.0);
    let chosen = TYPE_ZOOMS
        .iter()
        .filter(|&&zoom| zoom > 1.0)
        .map(|&zoom| trial(zoom))
        .find(|t| t.fits() && t.unnamed() <= base.unnamed())
        .unwrap_or(base);
    let Trial {
        zoom,
        width,
        height,
        area_width,
        room,
        mut scene,
    } = chosen;
    let scale = base_scale * zoom;
    let area_x = MARGIN;
    // The axis follows the last lane rather than the bottom of the page, so a sparse timeline
    // is not cut off from its dates by empty lanes; the footer stays at the bottom.
    let used = scene.lanes.last().map_or(room, |lane| lane.y1 + 6.0);
    let area_height = used.clamp(1.0, room);
    scene.size.1 = area_height;

    let mut out = Vec::new();
    if let Some(title) = &options.title {
        out.push(Prim::Text(Text {
            at: (MARGIN, MARGIN + 24.0 - 0.35 * TYPE.title),
            text: title.clone(),
            size: TYPE.title,
            align: Align::Left,
            color: Rgba::opaque(colors.label),
        }));
    }
    if options.legend {
        legend(
            &mut out,
            layout,
            &look,
            (MARGIN, MARGIN + title_height),
            width - 2.0 * MARGIN,
            &measure,
        );
    }
    let area = paint::timeline(&scene, &look, &Emphasis::default());
    out.extend(area.into_iter().map(|p| p.translated((area_x, area_y))));
    // Whatever reaches past the sides of the area (a label, a span begun before the view) is
    // covered by the margins, painted over it. A clip-path would do the same but makes resvg
    // draw the whole area into an extra layer and mask it: a third of the rasterising time.
    let background = Rgba::opaque(colors.background);
    for (x0, x1) in [(-1.0, area_x), (area_x + area_width, width + 1.0)] {
        out.push(Prim::Rect(Rect {
            min: (x0, area_y - 1.0),
            max: (x1, area_y + area_height + 1.0),
            corner: 0.0,
            fill: Some(background),
            stroke: None,
        }));
    }
    // The axis, under the area: tick labels centred on their ticks, and the zone.
    let axis_y = area_y + area_height + 17.0 - 0.35 * TYPE.label;
    for tick in &scene.ticks {
        out.push(look.small_text(
            tick.tick.label.clone(),
            (area_x + tick.x, axis_y),
            TYPE.label,
            Align::Center,
        ));
    }
    out.push(look.small_text(
        zone_note.clone(),
        (width - MARGIN, axis_y),
        TYPE.caption,
        Align::Right,
    ));
    if options.footer {
        // The footer stays on the page: files counted rather than named, else cut.
        let room = width - 2.0 * MARGIN;
        let fits = |text: &str| measure.width(text, TYPE.caption) <= room;
        let lang = options.extras.lang;
        let full = footer_text(dataset, &zone_note, false, lang);
        let text = if fits(&full) {
            full
        } else {
            let compact = footer_text(dataset, &zone_note, true, lang);
            scene::fit_text(&compact, room, &|t: &str| measure.width(t, TYPE.caption))
                .unwrap_or_default()
        };
        out.push(look.small_text(
            text,
            (MARGIN, height - MARGIN + 4.0 - 0.35 * TYPE.caption),
            TYPE.caption,
            Align::Left,
        ));
    }
    Page {
        prims: out,
        background,
        scene,
        origin: (area_x, area_y),
        scale,
    }
}
