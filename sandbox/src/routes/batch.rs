//! `submit_sales_invoice_batch` and `list_batch_uploads`, and the task that processes a batch.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use chrono::Utc;
use serde_json::{json, Value};

use super::invoices::{duplicate_message, received};
use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::state::{App, Batch, BatchStatus, ExportLine};
use crate::validate;
use crate::values::{timestamp, today};

/// `{ "SalesInvoices": [ { "SalesInvoice": [...] } ] }`: checks the envelope only, answers 202
/// and processes the invoices in a spawned task.
pub(crate) fn submit(app: &Arc<App>, call: &Call) -> Reply {
    let body = call.json_object()?;
    let groups = match body.get("SalesInvoices") {
        None | Some(Value::Null) => return Err(ApiError::field("SalesInvoices", "is required")),
        Some(Value::Array(groups)) => groups,
        Some(_) => return Err(ApiError::field("SalesInvoices", "must be an array")),
    };
    let mut errors = Vec::new();
    let mut pending = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        match group.get("SalesInvoice") {
            Some(Value::Array(list)) => pending.push(list.clone()),
            Some(Value::Null) | None if group.is_object() => {
                errors.push(FieldError::new(format!("SalesInvoices[{i}].SalesInvoice"), "is required"))
            }
            Some(_) => {
                errors.push(FieldError::new(format!("SalesInvoices[{i}].SalesInvoice"), "must be an array of invoices"))
            }
            None => errors
                .push(FieldError::new(format!("SalesInvoices[{i}]"), "must be an object with a SalesInvoice array")),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let qty: usize = pending.iter().map(Vec::len).sum();
    if qty == 0 {
        return Err(ApiError::field("SalesInvoices", "must contain at least one invoice"));
    }
    let (id, epoch) = app.with(|s| {
        let id = s.take_batch_id();
        s.batches.push(Batch {
            id,
            status: BatchStatus::Received,
            qty,
            created_at: Utc::now(),
            processed_at: None,
            pending,
            lines: Vec::new(),
        });
        (id, s.epoch)
    });
    let delay = Duration::from_millis(app.config.batch_processing_delay_ms);
    let task_app = Arc::clone(app);
    tokio::spawn(async move {
        task_app.with(|s| {
            if s.epoch != epoch {
                return;
            }
            if let Some(batch) = s.batches.iter_mut().find(|b| b.id == id) {
                batch.status = BatchStatus::Processing;
            }
        });
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        process(&task_app, id, epoch);
    });
    Ok((
        StatusCode::ACCEPTED,
        json!({
            "StatusDescription": "Received",
            "QtyOfInvoices": qty,
            "BatchId": id,
            "BatchUrl": format!("{}/batchsalesinvoices?batchId={id}", app.base_url),
        }),
    ))
}

/// Stores each valid new invoice of the batch and writes one export line per invoice.
fn process(app: &App, id: u64, epoch: u64) {
    let today = today();
    app.with(|s| {
        if s.epoch != epoch {
            return;
        }
        let Some(pending) = s.batches.iter_mut().find(|b| b.id == id).map(|b| std::mem::take(&mut b.pending)) else {
            return;
        };
        let mut lines = Vec::new();
        for (g, group) in pending.iter().enumerate() {
            for (i, value) in group.iter().enumerate() {
                let prefix = format!("SalesInvoices[{g}].SalesInvoice[{i}]");
                let mut errors = Vec::new();
                let invoice_number = value.get("InvoiceNumber").cloned().unwrap_or(Value::Null);
                let (accepted, message) = match validate::invoice(value, &prefix, &mut errors) {
                    None => {
                        let text: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
                        (false, text.join("; "))
                    }
                    Some(checked) => {
                        let key = checked.key.clone();
                        if s.insert(received(checked, today)) {
                            (true, "Accepted".to_owned())
                        } else {
                            (false, duplicate_message(&key))
                        }
                    }
                };
                lines.push(ExportLine { line_number: lines.len() as u64 + 1, invoice_number, accepted, message });
            }
        }
        if let Some(batch) = s.batches.iter_mut().find(|b| b.id == id) {
            batch.lines = lines;
            batch.status = BatchStatus::Processed;
            batch.processed_at = Some(Utc::now());
        }
    });
}

fn listed(batch: &Batch) -> Value {
    let accepted = batch.lines.iter().filter(|l| l.accepted).count();
    let lines: Vec<Value> = batch
        .lines
        .iter()
        .map(|l| {
            json!({
                "LineNumber": l.line_number,
                "InvoiceNumber": l.invoice_number,
                "Status": if l.accepted { "Accepted" } else { "Rejected" },
                "Message": l.message,
            })
        })
        .collect();
    json!({
        "BatchId": batch.id,
        "Status": batch.status.as_str(),
        "QtyOfInvoices": batch.qty,
        "CreatedAt": timestamp(batch.created_at),
        "ProcessedAt": batch.processed_at.map(timestamp),
        "Outcome": { "Accepted": accepted, "Rejected": batch.lines.len() - accepted },
        "ExportLines": lines,
    })
}

/// Batches (one with `batchId`), oldest first, paged.
pub(crate) fn list(app: &App, call: &Call) -> Reply {
    let q = &call.query;
    let paging = q.paging()?;
    let batch_id = match q.get("batchId") {
        None => None,
        Some(text) => Some(
            text.parse::<u64>()
                .map_err(|_| ApiError::field("batchId", format!("must be a batch id (an integer), not {text}")))?,
        ),
    };
    let items =
        app.with(|s| s.batches.iter().filter(|b| batch_id.is_none_or(|id| b.id == id)).map(listed).collect::<Vec<_>>());
    ok(paging.list(items))
}
