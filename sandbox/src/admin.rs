//! The admin API under `/__admin` (no key needed; JSON in PascalCase like the API, with the
//! lower-case spellings accepted on input):
//!
//! | route | effect |
//! |---|---|
//! | `GET /__admin/hits` | `{"Hits": [Hit, ...]}` (see [`crate::Hit`]) |
//! | `DELETE /__admin/hits` | clears the hit log; `{"Cleared": n}` |
//! | `GET /__admin/faults` | `{"Faults": [{"Operation", "Fault", "Times"}, ...]}`, the queue |
//! | `POST /__admin/faults` | queues `{"operation": id or null, "fault": "<spec>", "times": 1}`; answers the queue |
//! | `DELETE /__admin/faults` | clears the queue; `{"Cleared": n}` |
//! | `POST /__admin/reset` | forgets all state, renewed keys, hits and queued faults |
//! | `POST /__admin/invoices/{invoiceNumber}/deliver` | marks the invoice delivered (body `{"ErrorMessage": "..."}` marks its delivery failed instead); answers its delivery record, 404 if unknown |
//! | `POST /__admin/settle` | settles every allocated payment transaction not yet settled (see [`crate::Sandbox::settle`]); answers [`crate::Settled`] |
//! | `POST /__admin/creditloss` | `{"CaseId": n}` moves the case to stage CreditLoss; answers `{"CaseId", "Status", "Stage", "CreditLossDate"}`, 404 unknown, 402 when it was closed paid |
//! | `GET /__admin/received` | what was accepted that no API operation lists back: `{"Sms", "InvoiceActions", "MeterReadingDocuments", "Creditors"}` |
//!
//! Another method on one of these paths is a JSON 405; any other path a JSON 404.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::errors::ApiError;
use crate::faults::{Fault, FaultRule};
use crate::hits::Hit;
use crate::routes::{delivery, settlements};
use crate::state::App;
use crate::values::{date_value, invoice_key, text_of};

/// The admin routes.
pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/__admin/hits", get(hits).delete(clear_hits))
        .route("/__admin/faults", get(faults).post(push_fault).delete(clear_faults))
        .route("/__admin/reset", post(reset))
        .route("/__admin/invoices/{invoiceNumber}/deliver", post(deliver))
        .route("/__admin/settle", post(settle))
        .route("/__admin/creditloss", post(credit_loss))
        .route("/__admin/received", get(received))
}

/// `{"Hits": [...]}`, serialised straight from [`Hit`] so members keep their declared order.
#[derive(Serialize)]
struct HitsBody {
    #[serde(rename = "Hits")]
    hits: Vec<Hit>,
}

async fn hits(State(app): State<Arc<App>>) -> Response {
    let hits = app.with(|s| s.hits.clone());
    Json(HitsBody { hits }).into_response()
}

/// JSON 405 for a known admin path with another method.
pub(crate) async fn method_not_allowed(req: Request) -> Response {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{} is not allowed on {}", req.method(), req.uri().path()))
        .into_response()
}

async fn clear_hits(State(app): State<Arc<App>>) -> Response {
    let cleared = app.with(|s| std::mem::take(&mut s.hits).len());
    Json(json!({ "Cleared": cleared })).into_response()
}

fn queue(app: &App) -> Value {
    let rules: Vec<Value> = app.with(|s| {
        s.faults
            .iter()
            .map(|r| json!({ "Operation": r.operation, "Fault": r.fault.to_string(), "Times": r.times }))
            .collect()
    });
    json!({ "Faults": rules })
}

async fn faults(State(app): State<Arc<App>>) -> Response {
    Json(queue(&app)).into_response()
}

/// A member by its lower-case or PascalCase name.
fn member<'a>(body: &'a Map<String, Value>, lower: &str, pascal: &str) -> Option<&'a Value> {
    body.get(lower).or_else(|| body.get(pascal)).filter(|v| !v.is_null())
}

fn parse_rule(body: &Bytes) -> Result<FaultRule, ApiError> {
    let body = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => map,
        _ => {
            return Err(ApiError::bad_request(
                r#"Expected a JSON object {"operation": "create_invoice" | null, "fault": "status=503", "times": 1}"#,
            ))
        }
    };
    let fault = match member(&body, "fault", "Fault") {
        Some(Value::String(spec)) => Fault::parse(spec).map_err(|e| ApiError::field("fault", e.to_string()))?,
        Some(_) => return Err(ApiError::field("fault", "must be a fault spec string")),
        None => return Err(ApiError::field("fault", "is required")),
    };
    let operation = match member(&body, "operation", "Operation") {
        None => None,
        Some(Value::String(id)) if lasku::catalog::operation(id).is_some() => Some(id.clone()),
        Some(other) => {
            return Err(ApiError::field(
                "operation",
                format!("must be null or a catalog operation id (see lasku::catalog::ids), not {other}"),
            ))
        }
    };
    let times = match member(&body, "times", "Times") {
        None => 1,
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| ApiError::field("times", "must be a positive integer"))?,
    };
    Ok(FaultRule { operation, fault, times })
}

async fn push_fault(State(app): State<Arc<App>>, body: Bytes) -> Response {
    match parse_rule(&body) {
        Ok(rule) => {
            app.with(|s| s.faults.push_back(rule));
            (StatusCode::OK, Json(queue(&app))).into_response()
        }
        Err(e) => e.into_response(),
    }
}

async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    let cleared = app.with(|s| std::mem::take(&mut s.faults).len());
    Json(json!({ "Cleared": cleared })).into_response()
}

async fn reset(State(app): State<Arc<App>>) -> Response {
    app.reset();
    Json(json!({ "Message": "The sandbox was reset" })).into_response()
}

async fn deliver(
    State(app): State<Arc<App>>,
    number: Result<Path<String>, axum::extract::rejection::PathRejection>,
    body: Bytes,
) -> Response {
    let Some(key) = number.ok().and_then(|Path(n)| invoice_key(&Value::String(n))) else {
        return ApiError::field("invoiceNumber", "is not a valid invoice number").into_response();
    };
    let error = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|v| v.get("ErrorMessage").and_then(Value::as_str).map(str::to_owned));
    match delivery::mark(&app, &key, error) {
        Some(record) => Json(record).into_response(),
        None => ApiError::not_found(format!("Invoice {key} not found")).into_response(),
    }
}

async fn settle(State(app): State<Arc<App>>) -> Response {
    Json(settlements::settle(&app)).into_response()
}

async fn credit_loss(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let body = serde_json::from_slice::<Value>(&body).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default();
    let id =
        member(&body, "caseId", "CaseId").and_then(|v| text_of(Some(v))).and_then(|t| t.trim().parse::<u64>().ok());
    let Some(id) = id else {
        return ApiError::field("CaseId", r#"is required: {"CaseId": 1001}"#).into_response();
    };
    match settlements::credit_loss(&app, id) {
        Ok(case) => Json(case).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn received(State(app): State<Arc<App>>) -> Response {
    let body = app.with(|s| {
        let sms: Vec<Value> = s
            .sms
            .iter()
            .map(|m| json!({ "MessageId": m.id, "PhoneNumber": m.phone_number, "Message": m.message, "Sender": m.sender }))
            .collect();
        let actions: Vec<Value> = s
            .actions
            .iter()
            .map(|a| {
                json!({
                    "Code": a.code,
                    "InvoiceNumber": a.invoice_key,
                    "CaseId": a.case_id,
                    "Comment": a.comment,
                    "DueDate": a.due_date.map(date_value),
                    "Status": "Pending",
                })
            })
            .collect();
        let documents: Vec<Value> = s.documents.iter().map(|d| Value::Object(d.data.clone())).collect();
        let creditors: Vec<Value> = s
            .creditors
            .iter()
            .map(|c| {
                json!({
                    "BusinessId": c.business_id,
                    "CustomerCode": c.customer_code,
                    "CreditorData": c.data,
                    "ContactPersons": c.contact_persons,
                    "ServiceType": c.service_type,
                })
            })
            .collect();
        json!({ "Sms": sms, "InvoiceActions": actions, "MeterReadingDocuments": documents, "Creditors": creditors })
    });
    Json(body).into_response()
}
