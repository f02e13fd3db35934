//! Walking a paginated list: page after page as a stream, or item after item.

use std::future::Future;

use futures::{Stream, TryStreamExt};

use super::error::Error;
use super::response::Response;

/// Implemented by the envelope's metadata: which page an answer holds and which is the last.
pub(crate) trait PageInfo {
    /// `(current page, last page)`, when the answer says.
    fn pages(&self) -> Option<(i64, i64)>;
}

/// The pages of a list, starting at `first`, each fetched by `fetch(page)` when the stream is
/// polled. It ends after the last page (as the metadata says or, without metadata, after an
/// empty or short page) or after the first error. No page is fetched twice.
pub(crate) fn pages<T, F, Fut>(
    first: i64,
    per_page: Option<i64>,
    fetch: F,
) -> impl Stream<Item = Result<Response<Vec<T>>, Error>>
where
    F: Fn(i64) -> Fut,
    Fut: Future<Output = Result<Response<Vec<T>>, Error>>,
{
    futures::stream::unfold(Some(first), move |next| {
        let request = next.map(|page| (page, fetch(page)));
        async move {
            let (page, request) = request?;
            match request.await {
                Ok(answer) => {
                    let next = has_more(page, per_page, &answer).then_some(page + 1);
                    Some((Ok(answer), next))
                }
                Err(error) => Some((Err(error), None)),
            }
        }
    })
}

/// The items of every page, in order.
pub(crate) fn items<T>(
    pages: impl Stream<Item = Result<Response<Vec<T>>, Error>>,
) -> impl Stream<Item = Result<T, Error>> {
    pages
        .map_ok(|answer| futures::stream::iter(answer.data.into_iter().map(Ok)))
        .try_flatten()
}

/// Whether another page follows `page`.
fn has_more<T>(page: i64, per_page: Option<i64>, answer: &Response<Vec<T>>) -> bool {
    if answer.data.is_empty() {
        return false;
    }
    match answer.meta.as_ref().and_then(PageInfo::pages) {
        Some((current, last)) => current.max(page) < last,
        // Without page metadata a short page is the last one.
        None => {
            per_page.is_none_or(|size| i64::try_from(answer.data.len()).unwrap_or(i64::MAX) >= size)
        }
    }
}
