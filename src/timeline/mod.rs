//! Pure layout on `f64` seconds and points: the view, ticks, lanes and the per-frame scene.
//! No egui here: the window and the exports draw the same [`scene::Scene`].

pub mod lanes;
mod lod;
pub mod scene;
pub mod ticks;
pub mod view;

pub use lanes::{Lane, LaneLayout};
pub use scene::{Hit, MarkShape, Scene, SceneInput, SceneStyle};
pub use view::{TimeAxis, TimeView};
