//! Auto-pagination over the `page` / `pageSize` lists: walk pages or items until the last one,
//! stopping with [`crate::Error::Pagination`] when the server repeats a page.

use std::collections::VecDeque;

use serde::de::DeserializeOwned;

use crate::cashin::{Page, PageRequest};
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
        let last = page.data.is_empty()
            || match &page.meta {
                Some(meta) if meta.total_count.is_some() => !page.has_next(),
                _ => self.page_size.is_some_and(|size| page.data.len() < size as usize),
            };
        self.done = last;
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
        }
    }
}
