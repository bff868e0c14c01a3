//! The byte streams around `tower-lsp-server`: a filter on the input that answers malformed
//! messages itself, and a pump that merges those answers into the output between whole messages.
//!
//! `tower-lsp-server` stops reading its input after the first message it cannot decode (its framed
//! reader ends at the first error), so one stray byte would end the session. The filter reads
//! each `Content-Length` frame, checks that it is one JSON-RPC message, forwards good ones in a
//! canonical frame and answers bad ones with a JSON-RPC error (`-32700` parse error, `-32600`
//! invalid request), so the session goes on.

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

/// Reads one header line (without its line break); `None` at the end of the input. A line longer
/// than the limit is read to its end and returned cut.
async fn header_line<R: AsyncBufReadExt + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(if line.is_empty() { None } else { Some(line) });
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                if line.len() < MAX_HEADER_LINE {
                    line.extend_from_slice(&buf[..i.min(MAX_HEADER_LINE - line.len())]);
                }
                r.consume(i + 1);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(line));
            }
            None => {
                let n = buf.len();
                if line.len() < MAX_HEADER_LINE {
                    line.extend_from_slice(&buf[..n.min(MAX_HEADER_LINE - line.len())]);
                }
                r.consume(n);
            }
        }
    }
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
    let is_request = v.get("method").is_some();
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

/// Reads one message's headers, up to the blank line after them. `None` at the end of the input
/// (or when reading fails).
async fn read_headers<R: AsyncBufReadExt + Unpin>(r: &mut R) -> Option<Length> {
    let mut length = Length::Missing;
    let mut saw_header = false;
    loop {
        let line = match header_line(r).await {
            Ok(Some(l)) => l,
            Ok(None) => return None,
            Err(e) => {
                warn!("reading the client's messages failed: {e}");
                return None;
            }
        };
        if line.is_empty() {
            if saw_header {
                return Some(length);
            }
            continue;
        }
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
    let mut r = BufReader::with_capacity(1 << 16, input);
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
            refuse(&format!(
                "a message of {len} bytes is over the limit of {MAX_MESSAGE} bytes; skipped"
            ));
            let mut sink = tokio::io::sink();
            if tokio::io::copy(&mut (&mut r).take(len as u64), &mut sink)
                .await
                .is_err()
            {
                return;
            }
            continue;
        }
        let mut body = vec![0u8; len];
        if r.read_exact(&mut body).await.is_err() {
            debug!("the input ended inside a message");
            return;
        }
        let checked = match serde_json::from_slice::<Value>(&body) {
            Err(e) => Err((-32700, format!("parse error: {e}"), Value::Null)),
            Ok(v) => check_message(v),
        };
        if let Err((code, msg, id)) = checked {
            warn!(code, "malformed message answered with an error: {msg}");
            let _ = errors.send(error_frame(code, &msg, id));
            continue;
        }
        if server.write_all(&frame(&body)).await.is_err() || server.flush().await.is_err() {
            return;
        }
    }
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
