//! The client: lasku's [`Client`] over the host's transport and timers, with every operation
//! callable by id, auto-pagination and chunked invoice submission.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::Function;
use lasku::cashin::{BatchOptions, BatchReport, ItemOutcome, SalesInvoice};
use lasku::surface::JsonPages;
use lasku::validate::Violation;
use lasku::{Client, Config, Environment, Error};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;

use crate::bridge::{JsRuntime, JsTransport};
use crate::errors::{error_json, to_js, to_js_error, validation, violations_json};
use crate::options::Options;
use crate::task::Task;
use lasku::surface::{json_array, JsonObject};

fn config_error(message: String) -> JsValue {
    to_js_error(&Error::Configuration(message))
}

/// The configuration from the client options the JavaScript `Client` passes on (`apiKey`,
/// `baseUrl` or `environment`, `partnerKey`, `timeoutMs`, `connectTimeoutMs`, `maxRetries`,
/// `runtime`, `pathOverrides`).
fn build_config(options_json: &str) -> Result<Config, JsValue> {
    let mut options = Options::parse("client options", options_json)?;
    let api_key = options.string("apiKey")?.unwrap_or_default();
    let environment = options.string("environment")?;
    let base_url = options.string("baseUrl")?;
    let partner_key = options.string("partnerKey")?;
    let timeout_ms = options.number("timeoutMs")?;
    let connect_timeout_ms = options.number("connectTimeoutMs")?;
    let max_retries = options.number("maxRetries")?;
    let runtime = options.string("runtime")?;
    let path_overrides = options.strings("pathOverrides")?;
    options.finish()?;
    let mut builder = Config::builder(api_key);
    match (environment.as_deref(), base_url) {
        (Some(_), Some(_)) => return Err(config_error("give either environment or baseUrl, not both".to_owned())),
        (Some("production") | None, None) => builder = builder.environment(Environment::Production),
        (Some(other), None) => {
            return Err(config_error(format!(
                "unknown environment {other:?}: use \"production\", or baseUrl for any other (e.g. the local sandbox)"
            )))
        }
        (None, Some(url)) => builder = builder.base_url(url),
    }
    if let Some(key) = partner_key {
        builder = builder.partner_key(key);
    }
    if let Some(ms) = timeout_ms {
        builder = builder.timeout(Duration::from_millis(ms));
    }
    if let Some(ms) = connect_timeout_ms {
        builder = builder.connect_timeout(Duration::from_millis(ms));
    }
    if let Some(retries) = max_retries {
        builder = builder.max_retries(u32::try_from(retries).unwrap_or(u32::MAX));
    }
    // A JSON number would become a binary float in JavaScript: decimals come as exact strings.
    builder = builder
        .json_decimals(lasku::surface::Decimals::Strings)
        .platform("javascript", runtime.unwrap_or_else(|| "wasm".to_owned()));
    for (id, template) in path_overrides {
        builder = builder.path_override(id, template);
    }
    builder.build().map_err(|e| to_js_error(&e))
}

/// lasku's client over the host's transport (`send`), timers (`sleep`) and clock (`now`).
#[wasm_bindgen]
pub struct WasmClient {
    inner: Client,
}

#[wasm_bindgen]
impl WasmClient {
    /// Builds a client from the JSON options (`apiKey`, `baseUrl` or `environment`,
    /// `partnerKey`, `timeoutMs`, `connectTimeoutMs`, `maxRetries`, `runtime`, `pathOverrides`).
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str, send: Function, sleep: Function, now: Function) -> Result<WasmClient, JsValue> {
        let config = build_config(options_json)?;
        let transport = JsTransport::new(send, Some(config.connect_timeout()));
        let inner = Client::with_transport(config, transport, JsRuntime::new(sleep, now));
        Ok(WasmClient { inner })
    }

    /// The user agent sent with every request.
    #[wasm_bindgen(getter, js_name = userAgent)]
    pub fn user_agent(&self) -> String {
        self.inner.config().user_agent().to_owned()
    }

    /// The base URL requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.config().base_url().to_owned()
    }

    /// Runs an operation by id with JSON arguments; the task yields the answer as JSON text.
    pub fn call(&self, operation_id: String, args_json: String) -> Task {
        let client = self.inner.clone();
        Task::new(async move {
            match client.call_json(&operation_id, &args_json).await {
                Ok(text) => Ok(JsValue::from_str(&text)),
                Err(e) => Err(to_js_error(&e)),
            }
        })
    }

    /// Auto-pagination over a paged operation (arguments checked now).
    pub fn pages(&self, operation_id: &str, args_json: &str) -> Result<Pager, JsValue> {
        let pages = self.inner.pages_json(operation_id, args_json).map_err(|e| to_js_error(&e))?;
        Ok(Pager { pages: Rc::new(RefCell::new(Some(pages))) })
    }

    /// Submits any number of invoices in batches and follows them (see the core's
    /// `Client::submit_invoices`). The task yields `[reportJson, ReportHandle]`.
    #[wasm_bindgen(js_name = submitInvoices)]
    pub fn submit_invoices(&self, invoices: &mut InvoiceList, options_json: &str) -> Task {
        self.submit(invoices, None, options_json)
    }

    /// Sends again what an earlier report did not settle (the same invoices, in the same order).
    #[wasm_bindgen(js_name = resubmitInvoices)]
    pub fn resubmit_invoices(&self, invoices: &mut InvoiceList, previous: &ReportHandle, options_json: &str) -> Task {
        self.submit(invoices, Some(previous.report.clone()), options_json)
    }
}

impl WasmClient {
    fn submit(&self, invoices: &mut InvoiceList, previous: Option<BatchReport>, options_json: &str) -> Task {
        if !invoices.violations.is_empty() {
            return Task::failed(validation(std::mem::take(&mut invoices.violations)));
        }
        let options = match batch_options(options_json) {
            Ok(options) => options,
            Err(e) => return Task::failed(e),
        };
        let items = std::mem::take(&mut invoices.items);
        let client = self.inner.clone();
        Task::new(async move {
            let report = match &previous {
                None => client.submit_invoices(&items, &options).await,
                Some(previous) => {
                    client.resubmit_invoices(&items, previous, &options).await.map_err(|e| to_js_error(&e))?
                }
            };
            let json = to_js(&report_json(&report));
            let handle = JsValue::from(ReportHandle { report });
            Ok(js_sys::Array::of2(&json, &handle).into())
        })
    }
}

/// The batch options (`maxPerRequest`, `wait`, `pollIntervalMs`, `maxWaitMs`).
fn batch_options(options_json: &str) -> Result<BatchOptions, JsValue> {
    let mut given = Options::parse("batch options", options_json)?;
    let mut options = BatchOptions::default();
    if let Some(n) = given.number("maxPerRequest")? {
        options.max_per_request = usize::try_from(n).unwrap_or(usize::MAX);
    }
    if let Some(wait) = given.flag("wait")? {
        options.wait = wait;
    }
    if let Some(ms) = given.number("pollIntervalMs")? {
        options.poll_interval = Duration::from_millis(ms);
    }
    if let Some(ms) = given.number("maxWaitMs")? {
        options.max_wait = Duration::from_millis(ms);
    }
    given.finish()?;
    Ok(options)
}

fn outcome_json(outcome: &ItemOutcome) -> String {
    let mut out = JsonObject::new();
    match outcome {
        ItemOutcome::Accepted { batch_id } => out.text("status", "accepted").opt_number("batchId", *batch_id),
        ItemOutcome::Rejected { batch_id, message } => {
            out.text("status", "rejected").number("batchId", *batch_id).text("message", message)
        }
        ItemOutcome::Invalid(violations) => {
            out.text("status", "invalid").raw("violations", &violations_json(violations))
        }
        ItemOutcome::Submitted { batch_id } => out.text("status", "submitted").number("batchId", *batch_id),
        ItemOutcome::NotSent(error) => out.text("status", "not_sent").raw("error", &error_json(error)),
        ItemOutcome::Unknown { cause } => out.text("status", "unknown").text("cause", cause),
    };
    out.finish()
}

fn report_json(report: &BatchReport) -> String {
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let batch_ids = json_array(report.batch_ids.iter().map(u64::to_string));
    let to_resend = json_array(report.to_resend().into_iter().map(|i| i.to_string()));
    let follow_errors = report.follow_errors.iter().map(|(batch_id, error)| {
        JsonObject::new().number("batchId", *batch_id).raw("error", &error_json(error)).finish()
    });
    JsonObject::new()
        .number("accepted", count(report.accepted()))
        .number("rejected", count(report.rejected()))
        .number("invalid", count(report.invalid()))
        .flag("settled", report.is_settled())
        .raw("batchIds", &batch_ids)
        .raw("toResend", &to_resend)
        .raw("outcomes", &json_array(report.outcomes.iter().map(outcome_json)))
        .raw("followErrors", &json_array(follow_errors))
        .finish()
}

/// A batch report kept in Rust, for a later `resubmitInvoices`.
#[wasm_bindgen]
pub struct ReportHandle {
    report: BatchReport,
}

/// Invoices converted from JavaScript in chunks (so no JSON text ever holds the whole list).
#[wasm_bindgen]
#[derive(Default)]
pub struct InvoiceList {
    items: Vec<SalesInvoice>,
    violations: Vec<Violation>,
}

#[wasm_bindgen]
impl InvoiceList {
    /// An empty list.
    #[wasm_bindgen(constructor)]
    pub fn new() -> InvoiceList {
        InvoiceList::default()
    }

    /// Adds a chunk: a JSON array of invoices whose first one is number `offset` of the whole
    /// list. Members of the wrong type are collected as violations (`/<index>/<path>`).
    #[wasm_bindgen(js_name = pushJson)]
    pub fn push_json(&mut self, json: &str, offset: u32) {
        let raws: Vec<&RawValue> = match lasku::de::from_str(json) {
            Ok(raws) => raws,
            Err(e) => {
                self.violations.push(Violation::error("", "type", format!("expected an array of invoices: {e}")));
                return;
            }
        };
        for (i, raw) in raws.into_iter().enumerate() {
            let index = u64::from(offset) + i as u64;
            match lasku::surface::parse_at::<SalesInvoice>(raw.get(), &format!("/{index}")) {
                Ok(invoice) => self.items.push(invoice),
                Err(Error::Validation(v)) => self.violations.extend(v),
                Err(other) => {
                    self.violations.push(Violation::error(format!("/{index}"), other.code(), other.to_string()))
                }
            }
        }
    }

    /// How many invoices were converted.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.items.len()
    }
}

/// Auto-pagination: each call yields the next page or item, or `null` after the last.
#[wasm_bindgen]
pub struct Pager {
    pages: Rc<RefCell<Option<JsonPages>>>,
}

#[wasm_bindgen]
impl Pager {
    /// The next page as `{"Data": [...], "Meta": {...}}` JSON text, or `null`.
    #[wasm_bindgen(js_name = nextPage)]
    pub fn next_page(&self) -> Task {
        self.step(false)
    }

    /// The next item as JSON text, or `null`.
    #[wasm_bindgen(js_name = nextItem)]
    pub fn next_item(&self) -> Task {
        self.step(true)
    }
}

impl Pager {
    fn step(&self, item: bool) -> Task {
        let cell = Rc::clone(&self.pages);
        Task::new(async move {
            let taken = cell.try_borrow_mut().ok().and_then(|mut slot| slot.take());
            let Some(mut pages) = taken else {
                return Err(to_js_error(&Error::Configuration(
                    "this iterator is already waiting for a page: await each step before asking for the next"
                        .to_owned(),
                )));
            };
            let next = if item { pages.next_item().await } else { pages.next_page().await };
            if let Ok(mut slot) = cell.try_borrow_mut() {
                *slot = Some(pages);
            }
            match next {
                None => Ok(JsValue::NULL),
                Some(Ok(text)) => Ok(JsValue::from_str(&text)),
                Some(Err(e)) => Err(to_js_error(&e)),
            }
        })
    }
}
