//! The sandbox's memory, all behind one mutex: invoices, batches, payments and contracts
//! ([`invoices`]), collection cases ([`collection`]), allocated payment transactions and
//! settlements ([`ledger`]), products and customers ([`registry`]), creditors and SMS
//! ([`partner`]), meter reading documents and invoice actions ([`documents`]), keys, hits and
//! queued faults.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;

use crate::config::SandboxConfig;
use crate::faults::{Fault, FaultRule};
use crate::hits::Hit;
use crate::values::today;

pub(crate) mod collection;
pub(crate) mod documents;
pub(crate) mod invoices;
pub(crate) mod ledger;
pub(crate) mod partner;
pub(crate) mod registry;

pub(crate) use collection::{Case, CollectionBatch};
pub(crate) use documents::{InvoiceAction, MeterDocument};
pub(crate) use invoices::{
    Batch, BatchStatus, Contract, Delivery, DeliveryStatus, ExportLine, Payment, PaymentKind, StoredInvoice,
    STATUS_RECEIVED,
};
pub use ledger::Settled;
pub(crate) use ledger::{Allocation, Settlement};
pub(crate) use partner::{Creditor, Sms};
pub(crate) use registry::Register;

/// The first `CaseId` the sandbox gives.
pub(crate) const FIRST_CASE_ID: u64 = 1001;
/// The first `CustomerCode` given to a creditor registered by the partner.
pub(crate) const FIRST_CREDITOR_CUSTOMER_CODE: u64 = 50001;

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
    /// Collection cases, by increasing `CaseId`.
    pub cases: Vec<Case>,
    pub next_case_id: u64,
    pub collection_batches: Vec<CollectionBatch>,
    pub allocations: Vec<Allocation>,
    pub next_allocation_id: u64,
    /// Settlements and direct settlements, oldest first.
    pub settlements: Vec<Settlement>,
    pub products: Register,
    pub customers: Register,
    pub actions: Vec<InvoiceAction>,
    pub creditors: Vec<Creditor>,
    pub next_creditor_code: u64,
    pub sms: Vec<Sms>,
    pub documents: Vec<MeterDocument>,
    /// The day the sandbox started (or was last reset).
    pub started_on: NaiveDate,
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
            cases: Vec::new(),
            next_case_id: FIRST_CASE_ID,
            collection_batches: Vec::new(),
            allocations: Vec::new(),
            next_allocation_id: 1,
            settlements: Vec::new(),
            products: Register::default(),
            customers: Register::default(),
            actions: Vec::new(),
            creditors: Vec::new(),
            next_creditor_code: FIRST_CREDITOR_CUSTOMER_CODE,
            sms: Vec::new(),
            documents: Vec::new(),
            started_on: today(),
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

    /// A new batch id, shared by invoice batches and collection batches.
    pub(crate) fn take_batch_id(&mut self) -> u64 {
        let id = self.next_batch_id;
        self.next_batch_id = self.next_batch_id.saturating_add(1);
        id
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

    /// Forgets everything: all data, renewed and issued keys, hits and queued faults.
    pub(crate) fn reset(&self) {
        self.with(|inner| {
            let epoch = inner.epoch.wrapping_add(1);
            *inner = Inner::new(&self.config, epoch);
        });
    }
}
