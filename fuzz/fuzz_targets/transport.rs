//! The server's transport: any bytes from the client go through the input filter without a panic
//! and without a stall (the filter returns once the bytes are used up; libFuzzer's `-timeout`
//! catches a loop), and everything it forwards is a canonical frame holding one JSON object.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = cablelint::lsp::filter_bytes(data);
    let mut rest = &out.forwarded[..];
    while !rest.is_empty() {
        let head = rest
            .strip_prefix(b"Content-Length: ")
            .expect("a forwarded frame starts with its length");
        let end = head
            .iter()
            .position(|&b| b == b'\r')
            .expect("a header line");
        let len: usize = std::str::from_utf8(&head[..end]).unwrap().parse().unwrap();
        let body_start = end + 4;
        assert_eq!(&head[end..body_start], b"\r\n\r\n");
        let body = &head[body_start..body_start + len];
        let v: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
        assert!(v.is_object(), "a forwarded message is an object");
        rest = &head[body_start + len..];
    }
    for a in &out.answers {
        assert!(a.starts_with(b"Content-Length: "));
    }
});
