//! `fmt`: formatting any text never panics; a text it formats reads as the input did (the
//! formatter's own verification, `formatter::same_reading`: header, banner, TAGS, SUBJECT, paragraph
//! numbers and markings and the rest), and formatting is idempotent: fmt(fmt(x)) == fmt(x). A
//! range format (a selection in an editor) reads as the input did too.

#![no_main]

use cablelint::formatter::{format, format_range, same_reading, FormatOptions};
use cablelint::syntax::{parse, TextRange};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = FormatOptions::default();
    if let Ok(once) = format(&text, &options) {
        if let Err(e) = same_reading(&parse(&text), &once) {
            panic!("the formatted text reads differently: {e}");
        }
        match format(&once, &options) {
            Ok(twice) => assert!(twice == once, "not idempotent:\n{once}\n---\n{twice}"),
            Err(e) => panic!("the formatter refuses its own output: {e}"),
        }
    }
    // A selection from the middle of the text to two thirds of it, on character boundaries.
    let mut a = text.len() / 2;
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = text.len() * 2 / 3;
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let (a, b) = (a.min(b), a.max(b));
    let cable = parse(&text);
    if let Ok(ranged) = format_range(&cable, TextRange::new(a, b), &options) {
        if let Err(e) = same_reading(&cable, &ranged) {
            panic!("the range-formatted text reads differently: {e}");
        }
    }
});
