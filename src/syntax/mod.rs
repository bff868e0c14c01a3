//! Text → a lossless cable tree with byte ranges.
//!
//! Parsing never fails and never panics: every line of the input lands in [`Cable::lines`] with a
//! [`LineKind`], and the elements a rule or an editor needs are parsed into typed fields with byte
//! ranges. Lines the parser cannot place are kept as [`LineKind::Unknown`]; an element it finds but
//! cannot read is kept with what it could read and marked so (`valid: false`, a `None` field), which
//! the rules report. This layer knows nothing of rules, reference tables, LSP or IO.

mod body;
mod header;
mod lex;
mod parser;
mod record;
mod refs;
pub mod text;
mod tree;

pub use body::{
    canonical_marking, holds_joined_paragraphs, is_rule_line, paragraph_start, parse_date,
    parse_marking, reads_as_mark_line, starts_element, starts_label, starts_ref_or_authority,
};
pub use header::precedence_word;
pub use parser::{parse, parse_indexed, parse_with, Depth};
pub use record::{
    banner_split, header_kind, is_classified_page_header, is_page_header, joined_by_length_only,
    kind_on, origin_run_into_section, release_artifacts, section_number_read, written_recently,
};
pub use text::{line_ending, ColumnUnit, LineCol, LineIndex, TextRange};
pub use tree::*;
