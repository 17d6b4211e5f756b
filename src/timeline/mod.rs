//! Pure layout on `f64` seconds and points: the view, ticks, lanes and the per-frame scene.
//! No egui here: the window and the exports draw the same [`scene::Scene`].

pub mod breaks;
pub mod counted;
pub mod draw;
pub mod interact;
pub mod lanes;
mod lod;
pub mod overview;
pub mod paint;
pub mod scene;
pub mod ticks;
pub mod view;
pub mod zone;

pub use breaks::AxisBreaks;
pub use counted::CountedLanes;
pub use lanes::{Lane, LaneLayout, LaneSpec};
pub use scene::{Hit, MarkShape, Scene, SceneInput, SceneStyle};
pub use view::{TimeAxis, TimeView};
