//! Pure data: times that keep their precision, events, the merged dataset, filters. No IO, no
//! clock, no UI.

pub mod civil;
pub mod dataset;
pub mod event;
pub mod filter;
pub(crate) mod sort;
pub mod store;
pub mod text;
pub mod time;
mod time_parse;

pub use dataset::{Dataset, DatasetPart, FileInfo, Format};
pub use event::{
    Category, Event, EventIdx, EventKey, FileId, Link, LinkKind, Period, Severity, Source,
    Translation,
};
pub use filter::Filter;
pub use store::{EventRef, EventStore};
pub use time::{ParseTimeError, Precision, TimePoint};
