//! The byte streams around `tower-lsp-server`: a filter on the input that answers malformed
//! messages itself, and a pump that merges those answers into the output between whole messages.
//!
//! `tower-lsp-server` stops reading its input after the first message it cannot decode (its framed
//! reader ends at the first error), so one stray byte would end the session. The filter reads
//! each `Content-Length` frame, checks that it is one JSON-RPC message, forwards good ones in a
//! canonical frame and answers bad ones with a JSON-RPC error (`-32700` parse error, `-32600`
//! invalid request), so the session goes on. After a frame whose `Content-Length` is wrong or
//! whose header is broken, it finds the next `Content-Length` header (bytes before it on its line
//! are skipped; bytes a too-long body took from the next frame are read again; a body that stops
//! short of its length but holds a whole message is taken after a quiet moment), and a lone
//! UTF-16 surrogate escape in a string becomes U+FFFD instead of refusing the message.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};
use tracing::{debug, warn};

/// The largest message accepted (a document of this size is far beyond any cable).
const MAX_MESSAGE: usize = 512 << 20;
/// The longest header line accepted.
const MAX_HEADER_LINE: usize = 8 << 10;

/// A JSON-RPC error for a message that could not be taken.
fn error_frame(code: i64, message: &str, id: Value) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": id})
        .to_string();
    frame(body.as_bytes())
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// How long the filter waits for the rest of a body that already holds a whole JSON message before
/// it takes the `Content-Length` for a wrong one and the message as it stands.
const IDLE: Duration = Duration::from_millis(30);

/// The client's bytes, with room to put bytes back: after a frame whose length was wrong, what the
/// body took beyond its message is read again as the start of the next frame.
struct Input<R> {
    r: R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(r: R) -> Self {
        Input {
            r,
            buf: Vec::with_capacity(1 << 16),
            pos: 0,
        }
    }

    fn data(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
    }

    /// Puts bytes back in front of the unread ones.
    fn unread(&mut self, bytes: &[u8]) {
        let mut v = bytes.to_vec();
        v.extend_from_slice(self.data());
        self.buf = v;
        self.pos = 0;
    }

    /// Reads more bytes; `false` at the end of the input (or when reading fails).
    async fn more(&mut self) -> bool {
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut chunk = [0u8; 1 << 14];
        match self.r.read(&mut chunk).await {
            Ok(0) => false,
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
            Err(e) => {
                warn!("reading the client's messages failed: {e}");
                false
            }
        }
    }

    /// Reads one header line (without its line break); `None` at the end of the input. A line
    /// longer than the limit is read to its end and returned cut.
    async fn header_line(&mut self) -> Option<Vec<u8>> {
        let mut line = Vec::new();
        loop {
            if self.data().is_empty() && !self.more().await {
                return if line.is_empty() { None } else { Some(line) };
            }
            let buf = self.data();
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, Some(i + 1)),
                None => (buf.len(), None),
            };
            if line.len() < MAX_HEADER_LINE {
                line.extend_from_slice(&buf[..take.min(MAX_HEADER_LINE - line.len())]);
            }
            match done {
                Some(n) => {
                    self.consume(n);
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    return Some(line);
                }
                None => self.consume(take),
            }
        }
    }

    /// Reads a body of `len` bytes. When the client stops sending while the bytes so far hold a
    /// whole JSON message (a `Content-Length` longer than the message), those bytes are the body.
    /// `None` at the end of the input.
    async fn body(&mut self, len: usize) -> Option<Vec<u8>> {
        while self.data().len() < len {
            let complete = whole_message_prefix(self.data()).is_some();
            if complete {
                match tokio::time::timeout(IDLE, self.more()).await {
                    Ok(true) => continue,
                    Ok(false) => return None,
                    Err(_) => {
                        let n = self.data().len();
                        warn!(
                            declared = len,
                            received = n,
                            "the client sent less than its `Content-Length`; taking the message as it stands"
                        );
                        let body = self.data().to_vec();
                        self.consume(n);
                        return Some(body);
                    }
                }
            } else if !self.more().await {
                return None;
            }
        }
        let body = self.data()[..len].to_vec();
        self.consume(len);
        Some(body)
    }
}

/// The length of the JSON value at the start of `bytes` (after white space), when there is a
/// whole one.
fn whole_message_prefix(bytes: &[u8]) -> Option<usize> {
    let mut values =
        serde_json::Deserializer::from_slice(bytes).into_iter::<serde::de::IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => Some(values.byte_offset()),
        _ => None,
    }
}

/// Where the last `Content-Length` header name starts in a line, in any case.
fn header_name_at(line: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length";
    (0..line.len().saturating_sub(NAME.len() - 1))
        .rev()
        .find(|&i| line[i..i + NAME.len()].eq_ignore_ascii_case(NAME))
}

/// Whether bytes are the start of a `Content-Length` header name (what a body that was declared
/// too long took from the next frame).
fn starts_header(rest: &[u8]) -> bool {
    const NAME: &[u8] = b"content-length:";
    let n = rest.len().min(NAME.len());
    n > 0 && rest[..n].eq_ignore_ascii_case(&NAME[..n])
}

/// The body with every lone UTF-16 surrogate escape in its strings (`"\ud800"`, which JSON
/// parsers refuse) replaced by `\ufffd`, or `None` when it has none. A pair of escapes that
/// forms one character is kept.
fn replace_lone_surrogates(body: &[u8]) -> Option<Vec<u8>> {
    fn escape_at(b: &[u8], i: usize) -> Option<u16> {
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
        u16::from_str_radix(hex, 16).ok()
    }
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    let mut in_string = false;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if !in_string {
            in_string = c == b'"';
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_string = false;
                out.push(c);
                i += 1;
            }
            b'\\' => match escape_at(body, i) {
                Some(0xD800..=0xDBFF)
                    if escape_at(body, i + 6).is_some_and(|l| (0xDC00..=0xDFFF).contains(&l)) =>
                {
                    out.extend_from_slice(&body[i..i + 12]);
                    i += 12;
                }
                Some(0xD800..=0xDFFF) => {
                    out.extend_from_slice(b"\\ufffd");
                    changed = true;
                    i += 6;
                }
                _ => {
                    // Any other escape: copy the backslash and the escaped byte.
                    out.extend_from_slice(&body[i..(i + 2).min(body.len())]);
                    i += 2;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// Whether a JSON value is a message the server can take.
fn check_message(v: Value) -> Result<(), (i64, String, Value)> {
    let id = match &v {
        Value::Object(o) => match o.get("id") {
            Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
            _ => Value::Null,
        },
        Value::Array(_) => {
            return Err((
                -32600,
                "batch messages are not supported".to_string(),
                Value::Null,
            ));
        }
        _ => {
            return Err((
                -32600,
                "a message must be a JSON object".to_string(),
                Value::Null,
            ))
        }
    };
    let method = v.get("method").and_then(Value::as_str).map(str::to_string);
    let is_request = v.get("method").is_some();
    // A request (it has an id) for a `$/` method: the server implements none (`$/cancelRequest`,
    // `$/setTrace` and `$/progress` are notifications), and the protocol asks for MethodNotFound
    // rather than silence. `$/` notifications go on to the server, which ignores unknown ones.
    if let Some(method) = method.filter(|m| m.starts_with("$/") && !id.is_null()) {
        return Err((-32601, format!("Method not found: {method}"), id));
    }
    let ok = if is_request {
        serde_json::from_value::<Request>(v)
            .map(|_| ())
            .map_err(|e| e.to_string())
    } else {
        serde_json::from_value::<Response>(v)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    ok.map_err(|e| (-32600, format!("invalid JSON-RPC message: {e}"), id))
}

/// What the headers of one message say about the length of its body.
enum Length {
    Known(usize),
    /// `Content-Length` is there but is not a number: the message.
    Bad(String),
    Missing,
}

/// Reads one message's headers, up to the blank line after them. `None` at the end of the input.
/// A header line with other bytes before `Content-Length` (the rest of a body that was declared
/// too short) is read from the header's name: the stream finds its frames again.
async fn read_headers<R: AsyncRead + Unpin>(r: &mut Input<R>) -> Option<Length> {
    let mut length = Length::Missing;
    let mut saw_header = false;
    loop {
        let line = r.header_line().await?;
        if line.is_empty() {
            if saw_header {
                return Some(length);
            }
            continue;
        }
        let line = match header_name_at(&line) {
            Some(at) if at > 0 => {
                warn!(
                    skipped = at,
                    "bytes before a `Content-Length` header skipped"
                );
                // What came before belongs to no frame; the header starts a new one.
                length = Length::Missing;
                line[at..].to_vec()
            }
            _ => line,
        };
        saw_header = true;
        let text = String::from_utf8_lossy(&line);
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = match value.trim().parse::<usize>() {
                    Ok(n) => Length::Known(n),
                    Err(_) => Length::Bad(format!(
                        "`Content-Length` is not a number: `{}`",
                        value.trim()
                    )),
                };
            }
        }
    }
}

/// What to do with one body.
enum Taken {
    /// A message to forward.
    Message(Vec<u8>),
    /// An error to answer.
    Refused(i64, String, Value),
}

/// Decides on one body, putting back into the input what belongs to the next frame.
fn take_body<R: AsyncRead + Unpin>(body: Vec<u8>, input: &mut Input<R>) -> Taken {
    let parsed = serde_json::from_slice::<Value>(&body).map(|v| (v, body.clone()));
    let parsed = parsed.or_else(|e| match replace_lone_surrogates(&body) {
        Some(fixed) => {
            warn!("lone UTF-16 surrogates in a message replaced by U+FFFD");
            serde_json::from_slice::<Value>(&fixed).map(|v| (v, fixed))
        }
        None => Err(e),
    });
    let parsed = parsed.or_else(|e| {
        // A `Content-Length` longer than the message: the body took the start of the next frame.
        // Take the message and read the rest again.
        let at = whole_message_prefix(&body).ok_or(e)?;
        let rest = &body[at..];
        let lead = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
        if !starts_header(&rest[lead..]) {
            return Err(serde::de::Error::custom("trailing bytes after the message"));
        }
        warn!(
            extra = rest.len(),
            "a `Content-Length` longer than its message; the rest is read as the next frame"
        );
        input.unread(&rest[lead..]);
        let msg = body[..at].to_vec();
        let fixed = replace_lone_surrogates(&msg).unwrap_or(msg);
        serde_json::from_slice::<Value>(&fixed).map(|v| (v, fixed))
    });
    match parsed {
        Err(e) => {
            // A body that holds the next frame's header (declared too long, or a broken message
            // before it): read again from that header.
            if let Some(at) = header_name_at(&body) {
                input.unread(&body[at..]);
            }
            Taken::Refused(-32700, format!("parse error: {e}"), Value::Null)
        }
        Ok((v, bytes)) => match check_message(v) {
            Ok(()) => Taken::Message(bytes),
            Err((code, msg, id)) => Taken::Refused(code, msg, id),
        },
    }
}

/// Copies well-formed messages from `input` to `server`, answering malformed ones on `errors`.
/// Returns at the end of the input (or when the server side closes).
pub(crate) async fn filter_input<I, W>(
    input: I,
    mut server: W,
    errors: mpsc::UnboundedSender<Vec<u8>>,
) where
    I: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = Input::new(input);
    let refuse = |msg: &str| {
        warn!("{msg}");
        let _ = errors.send(error_frame(-32700, msg, Value::Null));
    };
    while let Some(length) = read_headers(&mut r).await {
        let len = match length {
            Length::Known(n) => n,
            Length::Bad(msg) => {
                refuse(&msg);
                continue;
            }
            Length::Missing => {
                refuse("a message without a `Content-Length` header");
                continue;
            }
        };
        if len > MAX_MESSAGE {
            // The bytes that follow are read as headers again, so that the next frame is found.
            refuse(&format!(
                "a message of {len} bytes is over the limit of {MAX_MESSAGE} bytes; skipped"
            ));
            continue;
        }
        let Some(body) = r.body(len).await else {
            debug!("the input ended inside a message");
            return;
        };
        match take_body(body, &mut r) {
            Taken::Refused(-32601, msg, id) => {
                debug!("{msg}");
                let _ = errors.send(error_frame(-32601, &msg, id));
            }
            Taken::Refused(code, msg, id) => {
                warn!(code, "malformed message answered with an error: {msg}");
                let _ = errors.send(error_frame(code, &msg, id));
            }
            Taken::Message(body) => {
                if server.write_all(&frame(&body)).await.is_err() || server.flush().await.is_err() {
                    return;
                }
            }
        }
    }
}

/// What the input filter makes of a whole byte stream: the frames it forwards to the server and
/// the error answers it writes itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Filtered {
    /// The forwarded messages, each in a canonical frame (`Content-Length: n\r\n\r\n` and a body
    /// that is one JSON-RPC message), in order.
    pub forwarded: Vec<u8>,
    /// The JSON-RPC error answers, each a whole frame, in order.
    pub answers: Vec<Vec<u8>>,
}

/// Runs the server's input filter over a byte stream that ends after `input` (the fuzz target of
/// the transport and its tests): it returns once the bytes are used up, whatever they hold.
///
/// # Panics
/// When a single-threaded async runtime cannot be built (out of resources).
pub fn filter_bytes(input: &[u8]) -> Filtered {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a single-threaded runtime");
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut forwarded = Vec::new();
    runtime.block_on(filter_input(input, &mut forwarded, tx));
    let mut answers = Vec::new();
    while let Ok(a) = rx.try_recv() {
        answers.push(a);
    }
    Filtered { forwarded, answers }
}

/// Copies the server's messages to `output`, putting the filter's error answers between them.
/// Returns when the server's output ends.
pub(crate) async fn pump_output<S, O>(
    server: S,
    output: O,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
) where
    S: AsyncRead + Unpin,
    O: AsyncWrite,
{
    // Frames are read whole by their own future and handed over through a channel, so that
    // waiting for an error answer never cuts a frame in half.
    let (frames_tx, mut frames) = mpsc::unbounded_channel::<Vec<u8>>();
    let reader = async move {
        let mut r = BufReader::with_capacity(1 << 16, server);
        while let Some(f) = read_frame(&mut r).await {
            if frames_tx.send(f).is_err() {
                break;
            }
        }
    };
    let writer = async move {
        let mut output = std::pin::pin!(output);
        let mut errors_open = true;
        loop {
            let bytes = tokio::select! {
                biased;
                f = frames.recv() => match f {
                    Some(f) => f,
                    None => break,
                },
                e = errors.recv(), if errors_open => match e {
                    Some(e) => e,
                    None => {
                        errors_open = false;
                        continue;
                    }
                },
            };
            if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
        let _ = output.flush().await;
    };
    futures::join!(reader, writer);
}

/// Reads one header line of the server's output (without its line break); `None` at the end.
async fn header_line<R: AsyncBufReadExt + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(if line.is_empty() { None } else { Some(line) });
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                line.extend_from_slice(&buf[..i]);
                r.consume(i + 1);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(line));
            }
            None => {
                let n = buf.len();
                line.extend_from_slice(buf);
                r.consume(n);
            }
        }
    }
}

/// One whole frame as the server wrote it (headers and body), or `None` at its end.
async fn read_frame<R: AsyncBufReadExt + Unpin>(r: &mut R) -> Option<Vec<u8>> {
    let mut len = None;
    let mut out = Vec::new();
    loop {
        let line = header_line(r).await.ok()??;
        out.extend_from_slice(&line);
        out.extend_from_slice(b"\r\n");
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix(b"Content-Length: ") {
            len = std::str::from_utf8(v)
                .ok()
                .and_then(|s| s.trim().parse::<usize>().ok());
        }
    }
    let len = len?;
    let start = out.len();
    out.resize(start + len, 0);
    r.read_exact(&mut out[start..]).await.ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    #[test]
    fn a_good_frame_is_forwarded_and_a_broken_one_answered() {
        let mut input = b"Content-Length: 3\r\n\r\n{x}".to_vec();
        input.extend_from_slice(&frame(GOOD.as_bytes()));
        let out = filter_bytes(&input);
        assert_eq!(out.forwarded, frame(GOOD.as_bytes()));
        assert_eq!(out.answers.len(), 1);
        assert!(String::from_utf8_lossy(&out.answers[0]).contains("-32700"));
    }

    #[test]
    fn a_stream_that_ends_inside_a_frame_ends_the_filter() {
        for input in [
            &b""[..],
            b"Content-Length: 99\r\n\r\n{\"jsonrpc\":\"2.0\"}",
            b"Content-Length: 5",
            b"\r\n\r\n\r\n",
        ] {
            assert_eq!(filter_bytes(input).forwarded, b"");
        }
    }
}
