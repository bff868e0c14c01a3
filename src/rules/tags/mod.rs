pub mod element_order;
pub mod missing_geographic_tag;
pub mod missing_subject;
pub mod missing_subject_tag;
pub mod missing_tags;
pub mod misused_tag;
pub mod tags_markup;
pub mod unknown_tag;
