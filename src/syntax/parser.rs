use super::text::LineIndex;
use super::tree::*;

pub fn parse(src: &str) -> Cable<'_> {
    Cable { src, line_index: LineIndex::new(src), lines: vec![], bom: false, header: Header::default(), body: Body::default(), errors: vec![] }
}
