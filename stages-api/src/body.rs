//! Response bodies made of stored stages, sent without copying them: a stage's JSON is shared
//! with the store, and a page of `GetStages` goes out as the stages' own buffers between the
//! few bytes of punctuation around them.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};

/// Pages up to this size are copied into one buffer: one write, and fewer, larger frames.
const COPY_BELOW: u64 = 64 * 1024;

/// A JSON response whose body is `body`.
pub fn json_response(status: StatusCode, body: Body) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// `{"items":[...],"nextToken":...}` around the stages' JSON, chunk by chunk, with its exact
/// length (so the response has a `Content-Length`).
pub fn stages_page(items: Vec<Bytes>, next_token: Option<&str>) -> Body {
    let mut chunks = VecDeque::with_capacity(items.len() * 2 + 2);
    chunks.push_back(Bytes::from_static(br#"{"items":["#));
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            chunks.push_back(Bytes::from_static(b","));
        }
        chunks.push_back(item);
    }
    let mut tail = b"]".to_vec();
    if let Some(token) = next_token {
        tail.extend_from_slice(br#","nextToken":"#);
        // Encoding a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut tail, token);
    }
    tail.push(b'}');
    chunks.push_back(Bytes::from(tail));
    let remaining: u64 = chunks.iter().map(|chunk| chunk.len() as u64).sum();
    if remaining <= COPY_BELOW {
        // Chunk by chunk (a copy each), not byte by byte.
        let mut whole = Vec::with_capacity(remaining as usize);
        for chunk in &chunks {
            whole.extend_from_slice(chunk);
        }
        return Body::from(whole);
    }
    Body::new(Chunks { chunks, remaining })
}

/// A body that hands out its chunks one frame each.
struct Chunks {
    chunks: VecDeque<Bytes>,
    remaining: u64,
}

impl http_body::Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let chunk = self.chunks.pop_front();
        if let Some(chunk) = &chunk {
            self.remaining -= chunk.len() as u64;
        }
        Poll::Ready(chunk.map(|chunk| Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.remaining)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn page_json(items: Vec<Bytes>, token: Option<&str>) -> (serde_json::Value, Option<u64>) {
        let body = stages_page(items, token);
        let exact = http_body::Body::size_hint(&body).exact();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        if let Some(exact) = exact {
            assert_eq!(
                exact,
                bytes.len() as u64,
                "the announced length is the real one"
            );
        }
        (serde_json::from_slice(&bytes).unwrap(), exact)
    }

    fn stage(name: &str, padding: usize) -> Bytes {
        let description = "x".repeat(padding);
        Bytes::from(format!(
            r#"{{"stageName":"{name}","description":"{description}"}}"#
        ))
    }

    #[tokio::test]
    async fn a_large_page_goes_out_in_chunks_with_its_exact_length() {
        let items = vec![stage("a", 40_000), stage("b", 40_000), stage("c", 10)];
        let (page, exact) = page_json(items, Some("6162.00ff")).await;
        assert!(exact.is_some());
        let names: Vec<_> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["stageName"].clone())
            .collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(page["nextToken"], "6162.00ff");
    }

    #[tokio::test]
    async fn small_and_empty_pages_are_whole_documents() {
        let (page, _) = page_json(vec![stage("only", 5)], None).await;
        assert_eq!(page["items"][0]["stageName"], "only");
        assert!(page.get("nextToken").is_none());
        let (page, _) = page_json(Vec::new(), None).await;
        assert_eq!(page, serde_json::json!({"items": []}));
    }
}
