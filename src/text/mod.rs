//! The bottom layer: what every stage needs to read text, and nothing that
//! knows a language or a claim. Byte spans and the line index that turns
//! them into lines and columns at the output edge ([`span`]), tokens and
//! folding ([`token`]), and numbers written in digits ([`digits`]).
//!
//! Nothing here imports another module of the crate: `lang`, `extract`,
//! `refs` and `check` all build on it (see ARCHITECTURE.md).

pub mod digits;
pub mod norm;
pub mod span;
pub mod token;

pub use norm::Norm;
pub use span::{LineCursor, LineIndex, Position, Span};
pub use token::{Token, TokenKind, fold, tokenize};
