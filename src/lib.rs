//! factcheck: checks the numbers in news articles against reference files.
//!
//! The pipeline, one module a stage: [`document`] reads an article,
//! [`extract`] finds its claims, [`refs`] loads the reference files,
//! [`check`] judges each claim, and [`report`] writes the findings.
//! The library never prints and never exits; `main.rs` does both.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod document;
pub mod error;
pub mod extract;
pub mod lang;
pub mod text;
/// Old path of [`text::span`], kept so that branches written before the
/// move still build; new code imports `crate::text`.
pub use text::span;
pub mod units;
pub mod when;
pub mod yaml;

pub use error::Error;
pub mod check;
pub mod compare;
pub mod config;
pub mod describe;
pub mod diff;
pub mod draft;
pub mod lsp;
pub mod pipeline;
pub mod refs;
pub mod report;
pub mod suppress;
