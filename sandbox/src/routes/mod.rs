//! The emulated operations, one file per area. Every handler is a plain function from a
//! [`Call`] to a [`Reply`]; [`crate::gateway`] does keys, faults and the hit log around them.

use std::sync::Arc;

use axum::body::Bytes;
use axum::http::StatusCode;
use chrono::NaiveDate;
use lasku::catalog::ids;
use serde_json::{json, Map, Value};

use crate::errors::ApiError;
use crate::routing::Matched;
use crate::state::ledger::SettlementKind;
use crate::state::App;
use crate::values::{invoice_key, parse_date, timestamp, uuid_v4};

pub(crate) mod allocations;
pub(crate) mod batch;
pub(crate) mod collection;
pub(crate) mod collection_batches;
pub(crate) mod creditors;
pub(crate) mod customers;
pub(crate) mod delivery;
pub(crate) mod direct_payments;
pub(crate) mod documents;
pub(crate) mod external;
pub(crate) mod finvoice;
pub(crate) mod invoices;
pub(crate) mod partner;
pub(crate) mod payments;
pub(crate) mod products;
pub(crate) mod receivables;
pub(crate) mod service;
pub(crate) mod settlements;
pub(crate) mod token;

/// Default `pageSize`.
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// Largest `pageSize`; larger values are lowered to it.
pub const MAX_PAGE_SIZE: usize = 1000;

/// A successful answer: status and JSON body.
pub(crate) type Reply = Result<(StatusCode, Value), ApiError>;

/// One authenticated request for an emulated operation.
#[derive(Debug)]
pub(crate) struct Call {
    pub matched: Matched,
    pub query: Query,
    pub body: Bytes,
    /// The `X-Api-Key` the gateway accepted (trimmed).
    pub api_key: String,
}

impl Call {
    /// The normalised invoice number of the `{invoiceNumber}` path parameter.
    pub(crate) fn invoice_key(&self) -> Result<String, ApiError> {
        self.matched
            .param("invoiceNumber")
            .and_then(|p| invoice_key(&Value::String(p.to_owned())))
            .ok_or_else(|| ApiError::field("invoiceNumber", "is required in the path"))
    }

    /// A path parameter, or 400 naming it.
    pub(crate) fn param(&self, name: &str) -> Result<&str, ApiError> {
        self.matched
            .param(name)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| ApiError::field(name, "is required in the path"))
    }

    /// An integer path parameter (`batchId`, `settlementNumber`), or 400 naming it.
    pub(crate) fn id_param(&self, name: &str) -> Result<u64, ApiError> {
        let text = self.param(name)?;
        text.parse::<u64>().map_err(|_| ApiError::field(name, format!("must be a positive integer, not {text}")))
    }

    /// The body as a JSON object.
    pub(crate) fn json_object(&self) -> Result<Map<String, Value>, ApiError> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::bad_request("The request body is empty; a JSON object is expected"));
        }
        match serde_json::from_slice::<Value>(&self.body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err(ApiError::bad_request("The request body must be a JSON object")),
            Err(e) => Err(ApiError::bad_request(format!("The request body is not valid JSON: {e}"))),
        }
    }
}

/// Query parameters; names match case-insensitively and empty values count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Query(pub Vec<(String, String)>);

impl Query {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, v)| k.eq_ignore_ascii_case(name) && !v.trim().is_empty()).map(|(_, v)| v.trim())
    }

    /// A `YYYY-MM-DD` parameter; 400 naming it when malformed.
    pub(crate) fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => parse_date(text)
                .map(Some)
                .ok_or_else(|| ApiError::field(name, format!("must be a date YYYY-MM-DD, not {text}"))),
        }
    }

    /// The `invoiceNumber` filter, normalised.
    pub(crate) fn invoice_key(&self) -> Option<String> {
        self.get("invoiceNumber").and_then(|v| invoice_key(&Value::String(v.to_owned())))
    }

    /// An integer parameter (`caseId`, `batchId`); 400 naming it when malformed.
    pub(crate) fn id(&self, name: &str) -> Result<Option<u64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => text
                .parse::<u64>()
                .map(Some)
                .map_err(|_| ApiError::field(name, format!("must be an integer, not {text}"))),
        }
    }

    /// A `true` / `false` parameter (any case); 400 naming it otherwise.
    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(text) if text.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(text) if text.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(text) => Err(ApiError::field(name, format!("must be true or false, not {text}"))),
        }
    }

    /// A date range from two parameters (inclusive); with neither given, the `default_days`
    /// days before today up to today, or no bounds when `default_days` is `None`.
    pub(crate) fn window(
        &self,
        from_name: &str,
        to_name: &str,
        default_days: Option<u64>,
    ) -> Result<DateRange, ApiError> {
        let from = self.date(from_name)?;
        let to = self.date(to_name)?;
        match (from, to, default_days) {
            (None, None, Some(days)) => Ok(DateRange::last_days(days)),
            _ => Ok(DateRange { from, to }),
        }
    }

    fn positive(&self, name: &str, default: usize) -> Result<usize, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| ApiError::field(name, format!("must be a positive integer, not {text}"))),
        }
    }

    /// `page` (1-based, default 1) and `pageSize` (default 100, at most 1000).
    pub(crate) fn paging(&self) -> Result<Paging, ApiError> {
        let page = self.positive("page", 1)?;
        let size = self.positive("pageSize", DEFAULT_PAGE_SIZE)?.min(MAX_PAGE_SIZE);
        Ok(Paging { page, size })
    }
}

/// An inclusive range of dates, open where a bound is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// The `days` days before today, up to today.
    pub(crate) fn last_days(days: u64) -> Self {
        let today = crate::values::today();
        DateRange { from: today.checked_sub_days(chrono::Days::new(days)), to: Some(today) }
    }

    pub(crate) fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }

    /// Whether an optional date is within the range (an absent date only when unbounded).
    pub(crate) fn contains_some(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.contains(d),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// A requested page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paging {
    pub page: usize,
    pub size: usize,
}

impl Paging {
    /// `{ "Data": [this page of items], "Meta": PageMeta }`.
    pub(crate) fn list(self, items: Vec<Value>) -> Value {
        let total = items.len();
        let skip = self.page.saturating_sub(1).saturating_mul(self.size);
        let data: Vec<Value> = items.into_iter().skip(skip).take(self.size).collect();
        json!({
            "Data": data,
            "Meta": {
                "RequestId": uuid_v4(),
                "Timestamp": timestamp(chrono::Utc::now()),
                "Count": data.len(),
                "Page": self.page,
                "PageSize": self.size,
                "TotalCount": total,
            }
        })
    }
}

/// Runs the handler of an emulated operation; `None` when the sandbox does not emulate it.
pub(crate) fn dispatch(app: &Arc<App>, call: &Call) -> Option<Reply> {
    let reply = match call.matched.op.id {
        ids::validate_token => token::validate(),
        ids::renew_token => token::renew(app, call),
        ids::create_invoice => invoices::create(app, call, false),
        ids::create_invoice_with_seller_info => invoices::create(app, call, true),
        ids::submit_sales_invoice_batch => batch::submit(app, call),
        ids::list_batch_uploads => batch::list(app, call),
        ids::list_sales_invoices => invoices::list(app, call),
        ids::retrieve_invoice_status => invoices::status(app, call),
        ids::retrieve_invoice_delivery_information => delivery::information(app, call),
        ids::update_invoice => invoices::update(app, call),
        ids::submit_invoice_payment => payments::submit(app, call),
        ids::retrieve_delivery_statistics => delivery::statistics(app, call),
        ids::retrieve_received_payments => payments::received(app, call),
        ids::update_finvoice_account => finvoice::update(app, call),
        ids::retrieve_electronic_invoicing_contracts => finvoice::contracts(app, call),
        ids::create_collection_cases => collection::create(app, call),
        ids::retrieve_case_batch_status => collection::batch_status(app, call),
        ids::retrieve_collection_case => collection::retrieve(app, call),
        ids::retrieve_debtor_summary => collection::debtor_summary(app, call),
        ids::update_collection_receivables => receivables::update(app, call),
        ids::retrieve_collection_receivables_status => receivables::batch_status(app, call),
        ids::list_settlements => settlements::list(app, call, SettlementKind::Collection),
        ids::retrieve_settlement => settlements::retrieve(app, call, SettlementKind::Collection),
        ids::list_direct_settlements => settlements::list(app, call, SettlementKind::Direct),
        ids::retrieve_direct_settlement => settlements::retrieve(app, call, SettlementKind::Direct),
        ids::retrieve_credit_loss_receivables => settlements::credit_losses(app, call),
        ids::retrieve_allocated_payment_transactions => allocations::list(app, call),
        ids::list_products => products::list(app, call),
        ids::submit_products => products::submit(app, call),
        ids::delete_product => products::delete(app, call),
        ids::list_customers => customers::list(app, call),
        ids::submit_customers => customers::submit(app, call),
        ids::update_customer => customers::update(app, call),
        ids::delete_customer => customers::delete(app, call),
        ids::retrieve_external_delivery_information => external::delivery_information(app, call),
        ids::retrieve_external_payment_information => external::payment_information(app, call),
        ids::create_direct_payment => direct_payments::create(app, call),
        ids::submit_invoice_action => external::actions(app, call),
        ids::retrieve_agreement_status => external::agreement_status(app, call),
        ids::submit_creditor => creditors::submit(app, call),
        ids::update_creditor => creditors::update(app, call),
        ids::retrieve_creditor_credentials => creditors::credentials(app, call),
        ids::retrieve_external_agreement_identifiers => creditors::agreement_identifiers(app, call),
        ids::retrieve_finvoice_credentials => partner::finvoice_credentials(app, call),
        ids::retrieve_delivery_information_by_seller => partner::delivery_by_seller(app, call),
        ids::send_sms => partner::send_sms(app, call),
        ids::create_meter_reading_documents => documents::create(app, call),
        ids::service_status => service::status(),
        _ => return None,
    };
    Some(reply)
}

/// 200 with a body.
pub(crate) fn ok(body: Value) -> Reply {
    Ok((StatusCode::OK, body))
}
