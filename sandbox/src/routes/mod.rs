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
use crate::state::App;
use crate::values::{invoice_key, parse_date, timestamp, uuid_v4};

pub(crate) mod batch;
pub(crate) mod delivery;
pub(crate) mod finvoice;
pub(crate) mod invoices;
pub(crate) mod payments;
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
}

impl Call {
    /// The normalised invoice number of the `{invoiceNumber}` path parameter.
    pub(crate) fn invoice_key(&self) -> Result<String, ApiError> {
        self.matched
            .param("invoiceNumber")
            .and_then(|p| invoice_key(&Value::String(p.to_owned())))
            .ok_or_else(|| ApiError::field("invoiceNumber", "is required in the path"))
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
        _ => return None,
    };
    Some(reply)
}

/// 200 with a body.
pub(crate) fn ok(body: Value) -> Reply {
    Ok((StatusCode::OK, body))
}
