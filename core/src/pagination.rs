//! Auto-pagination over the `page` / `pageSize` lists: walk pages or items until the last one,
//! stopping with [`crate::Error::Pagination`] when the server repeats a page.

use std::collections::VecDeque;

use serde::de::DeserializeOwned;

use crate::cashin::{Page, PageMeta, PageRequest};
use crate::client::{parse_json, Call, Client};
use crate::{Error, Result};

/// Prepares the call for one page.
#[cfg(not(target_arch = "wasm32"))]
pub type PrepareFn = Box<dyn Fn(PageRequest) -> Result<Call> + Send + Sync>;
/// Prepares the call for one page.
#[cfg(target_arch = "wasm32")]
pub type PrepareFn = Box<dyn Fn(PageRequest) -> Result<Call>>;

/// The pages of a list, fetched one at a time as you ask for them.
///
/// ```no_run
/// # async fn run(client: lasku::Client) -> lasku::Result<()> {
/// use lasku::cashin::{requests, InvoiceQuery, SalesInvoice};
/// let query = InvoiceQuery::default();
/// let mut invoices = client
///     .paginate::<SalesInvoice>(move |page| requests::list_sales_invoices(&InvoiceQuery { page, ..query.clone() }))
///     .page_size(500);
/// while let Some(invoice) = invoices.next_item().await {
///     let invoice = invoice?;
///     println!("{:?}", invoice.invoice_number);
/// }
/// # Ok(()) }
/// ```
pub struct Pages<T> {
    client: Client,
    prepare: PrepareFn,
    page_size: Option<u32>,
    next: u32,
    done: bool,
    previous_body: Option<Vec<u8>>,
    buffer: VecDeque<T>,
    max_pages: u32,
    /// Items served so far, when the walk started at the first page.
    seen: Option<u64>,
}

impl<T> std::fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("next", &self.next)
            .field("page_size", &self.page_size)
            .field("done", &self.done)
            .finish()
    }
}

impl<T: DeserializeOwned> Pages<T> {
    /// Items per page to ask for (the server's default otherwise).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size.max(1));
        self
    }

    /// Starts from this page (1-based) instead of the first.
    pub fn starting_at(mut self, page: u32) -> Self {
        self.next = page.max(1);
        self.seen = (self.next == 1).then_some(0);
        self
    }

    /// Stops after this many pages (a safety net; default 100 000).
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.max_pages = pages;
        self
    }

    /// The next page, or `None` after the last.
    pub async fn next_page(&mut self) -> Option<Result<Page<T>>> {
        if self.done {
            return None;
        }
        let result = self.fetch().await;
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }

    async fn fetch(&mut self) -> Result<Page<T>> {
        let requested = self.next;
        let call = (self.prepare)(PageRequest { page: Some(requested), page_size: self.page_size })?;
        let op = call.operation;
        if requested.saturating_sub(1) >= self.max_pages {
            return Err(Error::Pagination { operation: op.id, message: format!("more than {} pages", self.max_pages) });
        }
        let response = self.client.execute(&call).await?;
        let page: Page<T> = parse_json(op, &response)?;
        if let Some(served) = page.meta.as_ref().and_then(|m| m.page) {
            if served != u64::from(requested) {
                return Err(Error::Pagination {
                    operation: op.id,
                    message: format!("asked for page {requested}, the server answered page {served}"),
                });
            }
        }
        if !page.data.is_empty() && self.previous_body.as_deref() == Some(response.body.as_slice()) {
            return Err(Error::Pagination {
                operation: op.id,
                message: format!("page {requested} repeats page {}", requested.saturating_sub(1)),
            });
        }
        if let Some(seen) = &mut self.seen {
            *seen = seen.saturating_add(page.data.len() as u64);
        }
        self.done = is_last(page.meta.as_ref(), requested, page.data.len(), self.page_size, self.seen);
        self.next = requested.saturating_add(1);
        self.previous_body = Some(response.body);
        Ok(page)
    }

    /// The next item, fetching pages as needed; `None` after the last.
    pub async fn next_item(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(Ok(item));
            }
            match self.next_page().await? {
                Ok(page) => self.buffer.extend(page.data),
                Err(e) => return Some(Err(e)),
            }
        }
    }

    /// Every remaining item.
    pub async fn collect_items(mut self) -> Result<Vec<T>> {
        let mut all: Vec<T> = self.buffer.drain(..).collect();
        while let Some(page) = self.next_page().await {
            all.extend(page?.data);
        }
        Ok(all)
    }
}

/// Whether page `number`, holding `items` items, is the last one (`seen`: the items of every
/// page so far, when the walk started at the first). The server's own page size
/// (`Meta.PageSize`) counts over the one asked for: a server may serve fewer per page than asked
/// (a cap), and a page that is short only against the asked size is not the last one then.
fn is_last(meta: Option<&PageMeta>, number: u32, items: usize, asked_size: Option<u32>, seen: Option<u64>) -> bool {
    let served_size = meta.and_then(|m| m.page_size).filter(|size| *size > 0);
    let total = meta.and_then(|m| m.total_count);
    let items = items as u64;
    match (total, served_size) {
        _ if items == 0 => true,
        (Some(total), Some(size)) => u64::from(number).saturating_mul(size) >= total,
        // Without a page size, the count is met by the items seen from the first page on;
        // otherwise it cannot place this page: go on to an empty page.
        (Some(total), None) => seen.is_some_and(|seen| seen >= total),
        (None, Some(size)) => items < size,
        (None, None) => asked_size.is_some_and(|size| items < u64::from(size)),
    }
}

impl Client {
    /// Walks a paged list: `prepare` builds the call for each page (usually a function of
    /// [`crate::cashin::requests`] with the page filled in).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn paginate<T: DeserializeOwned>(
        &self,
        prepare: impl Fn(PageRequest) -> Result<Call> + Send + Sync + 'static,
    ) -> Pages<T> {
        self.pages_from(Box::new(prepare))
    }

    /// Walks a paged list: `prepare` builds the call for each page (usually a function of
    /// [`crate::cashin::requests`] with the page filled in).
    #[cfg(target_arch = "wasm32")]
    pub fn paginate<T: DeserializeOwned>(&self, prepare: impl Fn(PageRequest) -> Result<Call> + 'static) -> Pages<T> {
        self.pages_from(Box::new(prepare))
    }

    /// [`Client::paginate`] with an already boxed preparer (for bindings).
    pub fn pages_from<T: DeserializeOwned>(&self, prepare: PrepareFn) -> Pages<T> {
        Pages {
            client: self.clone(),
            prepare,
            page_size: None,
            next: 1,
            done: false,
            previous_body: None,
            buffer: VecDeque::new(),
            max_pages: 100_000,
            seen: Some(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_last;
    use crate::cashin::PageMeta;

    fn meta(page_size: Option<u64>, total_count: Option<u64>) -> PageMeta {
        PageMeta { page_size, total_count, ..PageMeta::default() }
    }

    #[test]
    fn the_last_page_is_told_by_the_servers_page_size_before_the_asked_one() {
        // 7 items, 3 per page.
        assert!(!is_last(Some(&meta(Some(3), Some(7))), 2, 3, Some(3), Some(6)));
        assert!(is_last(Some(&meta(Some(3), Some(7))), 3, 1, Some(3), Some(7)));
        // The server serves 2 of the 500 asked for, and says so: not the last page.
        assert!(!is_last(Some(&meta(Some(2), None)), 1, 2, Some(500), Some(2)));
        assert!(is_last(Some(&meta(Some(2), None)), 3, 1, Some(500), Some(5)));
        // A count without a page size: met by the items seen from page 1, else on to an empty page.
        assert!(!is_last(Some(&meta(None, Some(7))), 1, 2, Some(500), Some(2)));
        assert!(is_last(Some(&meta(None, Some(7))), 4, 1, Some(2), Some(7)));
        assert!(!is_last(Some(&meta(None, Some(7))), 4, 1, Some(2), None));
        // Nothing from the server: a page shorter than asked is the last.
        assert!(is_last(None, 1, 2, Some(500), Some(2)));
        assert!(!is_last(None, 1, 2, None, Some(2)));
        assert!(is_last(Some(&meta(Some(2), Some(9))), 1, 0, None, Some(0)));
    }
}
