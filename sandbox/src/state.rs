//! The sandbox's memory: invoices, batches, payments, contracts, keys, hits and queued faults,
//! all behind one mutex.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::config::SandboxConfig;
use crate::faults::{Fault, FaultRule};
use crate::hits::Hit;

/// Invoice status after creation.
pub(crate) const STATUS_RECEIVED: &str = "Received";
/// Invoice status after a payment that leaves an open amount.
pub(crate) const STATUS_PARTIALLY_PAID: &str = "PartiallyPaid";
/// Invoice status once nothing is open.
pub(crate) const STATUS_PAID: &str = "Paid";

/// Where the delivery of an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeliveryStatus {
    Pending,
    Delivered,
    Failed,
}

impl DeliveryStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "Pending",
            DeliveryStatus::Delivered => "Delivered",
            DeliveryStatus::Failed => "Failed",
        }
    }
}

/// The delivery record of one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Delivery {
    pub status: DeliveryStatus,
    pub date: Option<NaiveDate>,
    pub channel: Option<String>,
    pub error: Option<String>,
}

/// An invoice as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredInvoice {
    /// Normalised invoice number ([`crate::values::invoice_key`]).
    pub key: String,
    /// All members as received (and merged by updates); `Status` is overlaid on output.
    pub data: Map<String, Value>,
    pub status: &'static str,
    pub status_date: NaiveDate,
    /// The day the sandbox stored it.
    pub received_on: NaiveDate,
    pub invoice_date: NaiveDate,
    pub total: Decimal,
    pub paid: Decimal,
    pub delivery: Delivery,
}

impl StoredInvoice {
    /// `InvoiceNumber` exactly as the client sent it (number or string).
    pub(crate) fn number(&self) -> Value {
        self.data.get("InvoiceNumber").cloned().unwrap_or_else(|| Value::String(self.key.clone()))
    }

    /// A member, or null.
    pub(crate) fn member(&self, name: &str) -> Value {
        self.data.get(name).cloned().unwrap_or(Value::Null)
    }

    pub(crate) fn open(&self) -> Decimal {
        (self.total - self.paid).max(Decimal::ZERO)
    }

    /// The invoice as listed: its members with the current `Status`.
    pub(crate) fn listed(&self) -> Value {
        let mut data = self.data.clone();
        data.insert("Status".to_owned(), Value::String(self.status.to_owned()));
        Value::Object(data)
    }

    /// Recomputes the payment status after a change of the paid or total amount (an invoice
    /// with nothing paid keeps its status).
    pub(crate) fn settle_status(&mut self, today: NaiveDate) {
        if self.paid <= Decimal::ZERO {
            return;
        }
        let status = if self.paid >= self.total { STATUS_PAID } else { STATUS_PARTIALLY_PAID };
        if status != self.status {
            self.status = status;
            self.status_date = today;
        }
    }
}

/// Where a submitted batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BatchStatus {
    Received,
    Processing,
    Processed,
}

impl BatchStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            BatchStatus::Received => "Received",
            BatchStatus::Processing => "Processing",
            BatchStatus::Processed => "Processed",
        }
    }
}

/// The outcome for one invoice of a batch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExportLine {
    pub line_number: u64,
    pub invoice_number: Value,
    pub accepted: bool,
    pub message: String,
}

/// A submitted batch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Batch {
    pub id: u64,
    pub status: BatchStatus,
    pub qty: usize,
    pub created_at: DateTime<Utc>,
    pub processed_at: Option<DateTime<Utc>>,
    /// The `SalesInvoice` arrays of the batch, kept until it is processed.
    pub pending: Vec<Vec<Value>>,
    pub lines: Vec<ExportLine>,
}

/// A payment posted by the creditor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Payment {
    pub id: u64,
    pub invoice_key: String,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub currency: String,
}

/// An electronic invoicing (Finvoice) contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Contract {
    pub customer_code: String,
    pub address: String,
    pub intermediator: String,
    pub date: NaiveDate,
}

/// Everything that changes while the sandbox runs.
#[derive(Debug)]
pub(crate) struct Inner {
    /// Bumped by every reset, so a batch task started before a reset leaves the new state alone.
    pub epoch: u64,
    pub creditor_keys: Vec<String>,
    pub partner_keys: Vec<String>,
    invoices: Vec<StoredInvoice>,
    index: HashMap<String, usize>,
    pub batches: Vec<Batch>,
    pub next_batch_id: u64,
    pub payments: Vec<Payment>,
    pub next_payment_id: u64,
    pub contracts: Vec<Contract>,
    pub hits: Vec<Hit>,
    pub faults: VecDeque<FaultRule>,
}

impl Inner {
    fn new(config: &SandboxConfig, epoch: u64) -> Self {
        Inner {
            epoch,
            creditor_keys: config.creditor_keys.clone(),
            partner_keys: config.partner_keys.clone(),
            invoices: Vec::new(),
            index: HashMap::new(),
            batches: Vec::new(),
            next_batch_id: 1,
            payments: Vec::new(),
            next_payment_id: 1,
            contracts: Vec::new(),
            hits: Vec::new(),
            faults: VecDeque::new(),
        }
    }

    pub(crate) fn invoice(&self, key: &str) -> Option<&StoredInvoice> {
        self.index.get(key).and_then(|&i| self.invoices.get(i))
    }

    pub(crate) fn invoice_mut(&mut self, key: &str) -> Option<&mut StoredInvoice> {
        match self.index.get(key) {
            Some(&i) => self.invoices.get_mut(i),
            None => None,
        }
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Invoices in the order they were stored.
    pub(crate) fn invoices(&self) -> &[StoredInvoice] {
        &self.invoices
    }

    /// Stores a new invoice; returns `false` (and stores nothing) if the number exists.
    pub(crate) fn insert(&mut self, invoice: StoredInvoice) -> bool {
        if self.index.contains_key(&invoice.key) {
            return false;
        }
        self.index.insert(invoice.key.clone(), self.invoices.len());
        self.invoices.push(invoice);
        true
    }

    /// Takes the first queued fault matching `operation`.
    pub(crate) fn take_fault(&mut self, operation: &str) -> Option<Fault> {
        let position = self.faults.iter().position(|r| r.matches(operation))?;
        let rule = self.faults.get_mut(position)?;
        let fault = rule.fault.clone();
        rule.times = rule.times.saturating_sub(1);
        if rule.times == 0 {
            self.faults.remove(position);
        }
        Some(fault)
    }
}

/// The state shared by the server, its connections, batch tasks and the [`crate::Sandbox`] handle.
#[derive(Debug)]
pub(crate) struct App {
    pub config: SandboxConfig,
    /// `http://127.0.0.1:PORT/v2`.
    pub base_url: String,
    inner: Mutex<Inner>,
}

impl App {
    pub(crate) fn new(config: SandboxConfig, base_url: String) -> Self {
        let inner = Inner::new(&config, 0);
        App { config, base_url, inner: Mutex::new(inner) }
    }

    /// Runs `f` with the state locked. A poisoned lock is recovered: the state is plain data
    /// and every change to it is completed before the lock is released.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }

    /// Forgets invoices, batches, payments, contracts, renewed keys, hits and queued faults.
    pub(crate) fn reset(&self) {
        self.with(|inner| {
            let epoch = inner.epoch.wrapping_add(1);
            *inner = Inner::new(&self.config, epoch);
        });
    }
}
