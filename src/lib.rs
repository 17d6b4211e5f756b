//! Annals: a native desktop timeline for cyber incidents and strategy.
//!
//! Data flows one way: files → [`io`] (readers) → [`model`] (a [`model::Dataset`]) →
//! [`timeline`] (pure layout into a [`timeline::Scene`]) → [`ui`] (egui) and [`export`].
//! [`app::AppState::apply`] is the one place where state changes; [`cli`] runs the same pipeline
//! without a window.

pub mod app;
pub mod cli;
pub mod export;
pub mod fuzzing;
pub mod i18n;
pub mod instance;
pub mod io;
pub mod model;
pub mod palette;
pub mod synth;
pub mod timeline;
#[cfg(feature = "gui")]
pub mod ui;
