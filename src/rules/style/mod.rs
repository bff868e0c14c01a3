pub mod decl_date_format;
pub mod line_too_long;
pub mod non_canonical_label;
pub mod redaction_marker;
