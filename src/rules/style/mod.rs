pub mod decl_format;
pub mod label_form;
pub mod line_length;
pub mod redaction;
