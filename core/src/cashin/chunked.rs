//! Large batches: split into requests of a configurable size, follow their processing, and
//! report per item, so a resubmission sends only what is missing.

use std::time::Duration;

use super::{
    requests, BatchState, BatchUploadQuery, Case, CaseList, CaseQuery, ExportLineStatus, InvoiceQuery, SalesInvoice,
};
use crate::client::{Call, Client};
use crate::model::{Code, InvoiceNumber, Json};
use crate::table::Table;
use crate::validate::{self, Violation};
use crate::{Error, Result};

/// How [`Client::submit_invoices`] and [`Client::submit_collection_cases`] work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// Items per request (default 1 000).
    pub max_per_request: usize,
    /// Follow each batch until it is processed (default `true`).
    pub wait: bool,
    /// How often to ask while following (default 500 ms).
    pub poll_interval: Duration,
    /// How long to follow before reporting items as still `Submitted` (default 10 min).
    pub max_wait: Duration,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            max_per_request: 1000,
            wait: true,
            poll_interval: Duration::from_millis(500),
            max_wait: Duration::from_secs(600),
        }
    }
}

/// What became of one item.
#[derive(Debug, Clone)]
pub enum ItemOutcome {
    /// Created by the server (the batch id is unknown when found by a lookup).
    Accepted {
        /// The batch that carried it.
        batch_id: Option<u64>,
    },
    /// Refused by the server while processing its batch.
    Rejected {
        /// The batch that carried it.
        batch_id: u64,
        /// Why.
        message: String,
    },
    /// Refused by lasku before sending; fix and resubmit.
    Invalid(Vec<Violation>),
    /// Sent and accepted for processing, but not yet processed.
    Submitted {
        /// The batch that carries it.
        batch_id: u64,
    },
    /// Its request failed with a definite answer or before sending: nothing was created.
    NotSent(Error),
    /// Its request may or may not have reached the server; a resubmission looks it up first.
    Unknown {
        /// Why the outcome is unknown.
        cause: String,
    },
}

impl ItemOutcome {
    /// Whether a resubmission should send the item again (after looking up unknown ones).
    /// Invalid items are not counted: a resubmission checks them again and sends those fixed.
    pub fn needs_resend(&self) -> bool {
        matches!(self, ItemOutcome::NotSent(_) | ItemOutcome::Unknown { .. })
    }
}

/// Per-item outcomes of a chunked submission, in input order.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    /// One outcome per input item.
    pub outcomes: Vec<ItemOutcome>,
    /// The batches created, in order.
    pub batch_ids: Vec<u64>,
    /// Batches no longer followed, with why; their items stay `Submitted`. Following stops at an
    /// error that stays (a revoked key, a refused request); errors that may pass (a dropped
    /// connection, a 5xx, a 429, a status not found yet) are asked again until `max_wait`, and
    /// a batch still failing then is listed with its last error.
    pub follow_errors: Vec<(u64, Error)>,
    /// Each item's invoice numbers as submitted, so a resubmission can tell that it was given
    /// the same items (empty in a report built by hand: positions are then trusted).
    keys: Vec<Vec<InvoiceNumber>>,
}

impl BatchReport {
    /// How many items the server created.
    pub fn accepted(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o, ItemOutcome::Accepted { .. })).count()
    }

    /// How many items the server refused.
    pub fn rejected(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o, ItemOutcome::Rejected { .. })).count()
    }

    /// How many items lasku refused before sending.
    pub fn invalid(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o, ItemOutcome::Invalid(_))).count()
    }

    /// Indices of the items a resubmission would send again (unknown ones only if a lookup
    /// does not find them). Invalid items are not among them: a resubmission checks them again
    /// and sends those fixed in between.
    pub fn to_resend(&self) -> Vec<usize> {
        self.outcomes.iter().enumerate().filter(|(_, o)| o.needs_resend()).map(|(i, _)| i).collect()
    }

    /// Whether every item has a final answer (accepted, rejected or invalid).
    pub fn is_settled(&self) -> bool {
        self.outcomes
            .iter()
            .all(|o| matches!(o, ItemOutcome::Accepted { .. } | ItemOutcome::Rejected { .. } | ItemOutcome::Invalid(_)))
    }
}

impl BatchReport {
    /// Refuses items that are not the ones this report is about (see
    /// [`Client::resubmit_invoices`]).
    fn check_same_items<K: BatchKind>(&self, items: &[K::Item]) -> Result<()> {
        if items.len() != self.outcomes.len() {
            return Err(Error::Configuration(format!(
                "a resubmission takes the list the report is about, in the same order: the report has {} items, the list {}",
                self.outcomes.len(),
                items.len()
            )));
        }
        if self.keys.len() != items.len() {
            return Ok(());
        }
        for (i, item) in items.iter().enumerate() {
            // Where the server may hold the item (or will), it must be the same one; a rejected
            // or never-sent item may have been changed, since only the latter is sent again.
            let known_to_server = matches!(
                self.outcomes[i],
                ItemOutcome::Accepted { .. } | ItemOutcome::Submitted { .. } | ItemOutcome::Unknown { .. }
            );
            let keys = K::keys(item);
            if known_to_server && keys != self.keys[i] {
                let numbers =
                    |keys: &[InvoiceNumber]| keys.iter().map(InvoiceNumber::as_str).collect::<Vec<_>>().join(", ");
                return Err(Error::Configuration(format!(
                    "a resubmission takes the list the report is about, in the same order: item {i} has invoice number(s) [{}], the report's item {i} had [{}]",
                    numbers(&keys),
                    numbers(&self.keys[i])
                )));
            }
        }
        Ok(())
    }
}

/// Whether an error following a batch may pass if asked again (the transport, the server's
/// load), rather than stay (the key, the endpoint, the answer's shape).
fn may_pass(error: &Error) -> bool {
    match error {
        // A batch's status may not be found for a moment after the batch was accepted.
        Error::Transport { .. } | Error::RateLimited { .. } | Error::NotFound(_) => true,
        Error::Api(api) => api.status >= 500,
        _ => false,
    }
}

/// One server line: which invoice, accepted or not, why.
type Line = (InvoiceNumber, bool, String);

// Following a batch reads a few members of each answer (a batch id, a state, the lines), so it
// takes the answers as the JSON surface gives them, checked against their wire schema and
// normalized, rather than parsing whole pages into their models: the typed parse of those
// pages was about 9 KB of the npm package's WebAssembly, for members nothing else read.

/// Sends a call and gives its checked answer as a JSON value.
async fn answer(client: &Client, call: Result<Call>) -> Result<Json> {
    let text = client.send_json(&call?).await?;
    crate::de::from_str(&text).map_err(|e| Error::Internal(format!("a checked answer did not parse: {e}")))
}

/// The items of a list member (none when it is missing or `null`).
fn items<'a>(value: &'a Json, member: &str) -> impl Iterator<Item = &'a Json> {
    value.get(member).and_then(Json::as_array).into_iter().flatten()
}

/// An identifier member, a number or a string.
fn identifier(value: &Json) -> Option<InvoiceNumber> {
    match value {
        Json::String(text) => Some(InvoiceNumber::from(text.as_str())),
        Json::Number(n) => Some(InvoiceNumber::from_digits(n)),
        _ => None,
    }
}

/// Whether a batch's `Status` member says it is processed.
fn processed(batch: &Json) -> bool {
    batch.get("Status").and_then(Json::as_str).map(BatchState::from_wire) == Some(BatchState::Processed)
}

/// The `BatchId` of an answer to a batch request.
fn batch_id(answer: &Json, operation: &'static str, status: u16) -> Result<u64> {
    answer.get("BatchId").and_then(Json::as_u64).ok_or_else(|| Error::Decode {
        operation,
        status,
        message: "the answer has no BatchId".to_owned(),
        body: String::new(),
    })
}

/// The lines of a processed batch: its items with an invoice number, whether each was
/// accepted, and the server's message.
fn to_lines<'a>(items: impl Iterator<Item = &'a Json>) -> Vec<Line> {
    items
        .filter_map(|line| {
            let status = line.get("Status").and_then(Json::as_str).map(ExportLineStatus::from_wire);
            let message = line.get("Message").and_then(Json::as_str).unwrap_or_default();
            Some((
                identifier(line.get("InvoiceNumber")?)?,
                status == Some(ExportLineStatus::Accepted),
                message.to_owned(),
            ))
        })
        .collect()
}

/// A kind of batch: how to validate, key, send and follow its items.
trait BatchKind {
    type Item;
    fn violations(item: &Self::Item) -> Vec<Violation>;
    fn keys(item: &Self::Item) -> Vec<InvoiceNumber>;
    async fn send(client: &Client, chunk: &[&Self::Item]) -> Result<u64>;
    /// `None` while the batch is still being processed.
    async fn lines(client: &Client, batch_id: u64) -> Result<Option<Vec<Line>>>;
}

struct Invoices;

impl BatchKind for Invoices {
    type Item = SalesInvoice;
    fn violations(item: &SalesInvoice) -> Vec<Violation> {
        validate::validate_invoice(item).violations.into_iter().filter(Violation::is_error).collect()
    }
    fn keys(item: &SalesInvoice) -> Vec<InvoiceNumber> {
        item.invoice_number.iter().cloned().collect()
    }
    async fn send(client: &Client, chunk: &[&SalesInvoice]) -> Result<u64> {
        let call = requests::submit_invoice_group(chunk);
        batch_id(&answer(client, call).await?, "submit_sales_invoice_batch", 202)
    }
    async fn lines(client: &Client, batch_id: u64) -> Result<Option<Vec<Line>>> {
        let query = BatchUploadQuery { batch_id: Some(batch_id), ..Default::default() };
        let page = answer(client, requests::list_batch_uploads(&query)).await?;
        let upload = items(&page, "Data").find(|u| u.get("BatchId").and_then(Json::as_u64) == Some(batch_id));
        Ok(upload.filter(|u| processed(u)).map(|u| to_lines(items(u, "ExportLines"))))
    }
}

struct Cases;

impl BatchKind for Cases {
    type Item = Case;
    fn violations(item: &Case) -> Vec<Violation> {
        match super::requests::create_collection_cases(&CaseList { cases: vec![item.clone()] }) {
            Err(Error::Validation(v)) => v.into_iter().map(|x| x.out_of("/Cases/0")).collect(),
            _ => Vec::new(),
        }
    }
    fn keys(item: &Case) -> Vec<InvoiceNumber> {
        item.receivables.iter().flatten().filter_map(|r| r.invoice_number.clone()).collect()
    }
    async fn send(client: &Client, chunk: &[&Case]) -> Result<u64> {
        let call = requests::create_collection_cases(&CaseList { cases: chunk.iter().map(|&c| c.clone()).collect() });
        batch_id(&answer(client, call).await?, "create_collection_cases", 200)
    }
    async fn lines(client: &Client, batch_id: u64) -> Result<Option<Vec<Line>>> {
        let status = answer(client, requests::retrieve_case_batch_status(batch_id)).await?;
        Ok(processed(&status).then(|| to_lines(items(&status, "Items"))))
    }
}

impl Client {
    /// Submits any number of invoices: each is validated (invalid ones are reported, not sent),
    /// the rest go in batches of `options.max_per_request`, and each batch is followed until
    /// processed. Never fails as a whole: every invoice gets an [`ItemOutcome`].
    pub async fn submit_invoices(&self, invoices: &[SalesInvoice], options: &BatchOptions) -> BatchReport {
        self.submit_chunked::<Invoices>(invoices, None, options).await
    }

    /// Sends again only what `previous` did not settle: unknown outcomes are looked up by invoice
    /// number first (found ones count as accepted), invoices that were invalid or not sent are
    /// checked and sent (so they may be fixed in between), batches still processing are followed
    /// again.
    ///
    /// `invoices` must be the list `previous` reported on, in the same order: a list of another
    /// length, or one whose invoice at a position the server may know about (accepted, rejected,
    /// submitted or unknown) has other invoice numbers, is refused with
    /// [`Error::Configuration`] and nothing is sent.
    pub async fn resubmit_invoices(
        &self,
        invoices: &[SalesInvoice],
        previous: &BatchReport,
        options: &BatchOptions,
    ) -> Result<BatchReport> {
        previous.check_same_items::<Invoices>(invoices)?;
        Ok(self.submit_chunked::<Invoices>(invoices, Some(previous), options).await)
    }

    /// Creates any number of collection cases in batches, as [`Client::submit_invoices`] does.
    pub async fn submit_collection_cases(&self, cases: &[Case], options: &BatchOptions) -> BatchReport {
        self.submit_chunked::<Cases>(cases, None, options).await
    }

    /// Sends again only the cases `previous` did not settle, as [`Client::resubmit_invoices`]
    /// (the cases are told apart by their receivables' invoice numbers).
    pub async fn resubmit_collection_cases(
        &self,
        cases: &[Case],
        previous: &BatchReport,
        options: &BatchOptions,
    ) -> Result<BatchReport> {
        previous.check_same_items::<Cases>(cases)?;
        Ok(self.submit_chunked::<Cases>(cases, Some(previous), options).await)
    }

    async fn submit_chunked<K: BatchKind>(
        &self,
        items: &[K::Item],
        previous: Option<&BatchReport>,
        options: &BatchOptions,
    ) -> BatchReport {
        // The caller checked that `previous` is about these items (`check_same_items`).
        let mut outcomes: Vec<ItemOutcome> = match previous {
            Some(p) => p.outcomes.clone(),
            None => vec![ItemOutcome::NotSent(Error::Internal("not attempted".to_owned())); items.len()],
        };
        let mut batch_ids = previous.map(|p| p.batch_ids.clone()).unwrap_or_default();
        let mut to_send = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match &outcomes[i] {
                ItemOutcome::Unknown { .. } => match self.lookup_all(&K::keys(item)).await {
                    Ok(true) => outcomes[i] = ItemOutcome::Accepted { batch_id: None },
                    Ok(false) => to_send.push(i),
                    Err(e) => outcomes[i] = ItemOutcome::Unknown { cause: format!("lookup failed: {e}") },
                },
                // Never sent, or refused before sending: checked (again; it may have been fixed).
                ItemOutcome::NotSent(_) | ItemOutcome::Invalid(_) => {
                    let violations = K::violations(item);
                    if violations.is_empty() {
                        to_send.push(i);
                    } else {
                        outcomes[i] = ItemOutcome::Invalid(violations);
                    }
                }
                ItemOutcome::Accepted { .. } | ItemOutcome::Rejected { .. } | ItemOutcome::Submitted { .. } => {}
            }
        }
        let mut pending: Vec<(u64, Vec<usize>)> = Vec::new();
        if let Some(p) = previous {
            let mut by_batch: Table<u64, Vec<usize>> = Table::new();
            for (i, o) in p.outcomes.iter().enumerate() {
                if let ItemOutcome::Submitted { batch_id } = o {
                    if let Some(items) = by_batch.get_or_insert_with(*batch_id, Vec::new) {
                        items.push(i);
                    }
                }
            }
            pending.extend(by_batch);
        }
        for chunk in to_send.chunks(options.max_per_request.max(1)) {
            // Borrowed, not copied: a chunk is written straight from the caller's items.
            let body: Vec<&K::Item> = chunk.iter().filter_map(|&i| items.get(i)).collect();
            match K::send(self, &body).await {
                Ok(batch_id) => {
                    batch_ids.push(batch_id);
                    for &i in chunk {
                        outcomes[i] = ItemOutcome::Submitted { batch_id };
                    }
                    pending.push((batch_id, chunk.to_vec()));
                }
                Err(Error::UnknownOutcome(u)) => {
                    for &i in chunk {
                        outcomes[i] = ItemOutcome::Unknown { cause: u.cause.clone() };
                    }
                }
                // A success answer that could not be read: the batch may well exist.
                Err(e @ (Error::Decode { status: 200..=299, .. } | Error::Internal(_))) => {
                    for &i in chunk {
                        outcomes[i] = ItemOutcome::Unknown { cause: format!("the answer could not be read: {e}") };
                    }
                }
                Err(e) => {
                    for &i in chunk {
                        outcomes[i] = ItemOutcome::NotSent(e.clone());
                    }
                }
            }
        }
        let mut follow_errors = Vec::new();
        if options.wait {
            follow_errors = self.follow::<K>(items, &mut outcomes, pending, options).await;
        }
        BatchReport { outcomes, batch_ids, follow_errors, keys: items.iter().map(K::keys).collect() }
    }

    /// Follows batches until processed (or `max_wait`) and fills in their items' outcomes.
    /// Returns the batches it gave up on, with why: an error that stays, or at `max_wait` the
    /// last of the errors that might have passed.
    async fn follow<K: BatchKind>(
        &self,
        items: &[K::Item],
        outcomes: &mut [ItemOutcome],
        mut pending: Vec<(u64, Vec<usize>)>,
        options: &BatchOptions,
    ) -> Vec<(u64, Error)> {
        let mut given_up = Vec::new();
        let started = self.now_millis();
        let max_wait = u64::try_from(options.max_wait.as_millis()).unwrap_or(u64::MAX);
        let mut last_errors: Table<u64, Error> = Table::new();
        while !pending.is_empty() {
            let mut still = Vec::new();
            for (batch_id, indices) in pending {
                match K::lines(self, batch_id).await {
                    Ok(Some(lines)) => {
                        let by_number: Table<String, (bool, String)> =
                            lines.into_iter().map(|(n, ok, message)| (n.as_str().to_owned(), (ok, message))).collect();
                        for i in indices {
                            let keys = items.get(i).map(K::keys).unwrap_or_default();
                            let answers: Vec<_> = keys.iter().filter_map(|k| by_number.get(k.as_str())).collect();
                            outcomes[i] = if !answers.is_empty() && answers.iter().all(|(ok, _)| *ok) {
                                ItemOutcome::Accepted { batch_id: Some(batch_id) }
                            } else {
                                let message = answers
                                    .iter()
                                    .find(|(ok, _)| !ok)
                                    .map(|(_, m)| m.clone())
                                    .unwrap_or_else(|| "no line for this item in the batch".to_owned());
                                ItemOutcome::Rejected { batch_id, message }
                            };
                        }
                    }
                    Ok(None) => {
                        last_errors.remove(&batch_id);
                        still.push((batch_id, indices));
                    }
                    Err(e) if may_pass(&e) => {
                        last_errors.insert(batch_id, e);
                        still.push((batch_id, indices));
                    }
                    Err(e) => given_up.push((batch_id, e)),
                }
            }
            pending = still;
            if pending.is_empty() || self.now_millis().saturating_sub(started) >= max_wait {
                break;
            }
            self.sleep(options.poll_interval).await;
        }
        for (batch_id, _) in pending {
            if let Some(e) = last_errors.remove(&batch_id) {
                given_up.push((batch_id, e));
            }
        }
        given_up
    }

    /// Whether every invoice number exists on the server.
    async fn lookup_all(&self, numbers: &[InvoiceNumber]) -> Result<bool> {
        for n in numbers {
            if self.find_invoice_or_case(n).await?.is_none() {
                return Ok(false);
            }
        }
        Ok(!numbers.is_empty())
    }

    /// Whether an invoice or a collection case with this invoice number exists (as
    /// [`Client::find_invoice`] and "Retrieve collection case" find them).
    async fn find_invoice_or_case(&self, number: &InvoiceNumber) -> Result<Option<()>> {
        let query = InvoiceQuery { invoice_number: Some(number.clone()), ..InvoiceQuery::default() };
        let invoices = answer(self, requests::list_sales_invoices(&query)).await?;
        if items(&invoices, "Data").any(|i| i.get("InvoiceNumber").and_then(identifier).as_ref() == Some(number)) {
            return Ok(Some(()));
        }
        let query = CaseQuery { invoice_number: Some(number.clone()), ..Default::default() };
        match answer(self, requests::retrieve_collection_case(&query)).await {
            Ok(page) if items(&page, "Data").next().is_some() => Ok(Some(())),
            Ok(_) | Err(Error::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
