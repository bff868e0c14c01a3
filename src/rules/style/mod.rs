pub mod line_length;
pub mod decl_format;
pub mod redaction;
pub mod label_form;
