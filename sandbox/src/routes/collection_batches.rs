//! Collection batches (`create_collection_cases`, `update_collection_receivables`): the
//! `CollectionResponse` answer, the task that processes a batch after
//! `batch_processing_delay_ms`, and the `BatchStatus` answer.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde_json::{json, Value};

use super::{collection, ok, receivables, Call, Reply};
use crate::errors::ApiError;
use crate::state::collection::{BatchItem, CollectionBatch, CollectionBatchKind, Pending};
use crate::state::{App, BatchStatus, Inner};
use crate::values::today;

impl CollectionBatchKind {
    /// The path under the base URL where its status is read.
    fn path(self) -> &'static str {
        match self {
            CollectionBatchKind::Cases => "collectioncases/batches",
            CollectionBatchKind::Receivables => "collectionreceivables/batches",
        }
    }
}

/// Stores a batch, starts its processing task and answers `CollectionResponse` (200).
pub(crate) fn submit(app: &Arc<App>, kind: CollectionBatchKind, pending: Pending, qty: usize) -> Reply {
    let (id, epoch) = app.with(|s| {
        let id = s.take_batch_id();
        s.collection_batches.push(CollectionBatch {
            id,
            kind,
            status: BatchStatus::Received,
            qty,
            created_at: Utc::now(),
            pending: Some(pending),
            items: Vec::new(),
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
            if let Some(batch) = s.collection_batches.iter_mut().find(|b| b.id == id) {
                batch.status = BatchStatus::Processing;
            }
        });
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        task_app.with(|s| process(s, id, epoch));
    });
    ok(json!({
        "StatusDescription": "Received",
        "BatchId": id,
        "BatchUrl": format!("{}/{}/{id}", app.base_url, kind.path()),
        "QtyOfItems": qty,
    }))
}

/// Applies a batch's pending cases or payments and writes its items.
fn process(s: &mut Inner, id: u64, epoch: u64) {
    if s.epoch != epoch {
        return;
    }
    let Some(pending) = s.collection_batches.iter_mut().find(|b| b.id == id).and_then(|b| b.pending.take()) else {
        return;
    };
    let today = today();
    let items = match pending {
        Pending::Cases(cases) => collection::open_cases(s, cases),
        Pending::Receivables(payments) => receivables::apply(s, payments, today),
    };
    if let Some(batch) = s.collection_batches.iter_mut().find(|b| b.id == id) {
        batch.items = items;
        batch.status = BatchStatus::Processed;
    }
}

fn item(i: &BatchItem) -> Value {
    json!({
        "LineNumber": i.line_number,
        "InvoiceNumber": i.invoice_number,
        "Reference": i.reference,
        "CaseId": i.case_id,
        "Status": if i.accepted { "Accepted" } else { "Rejected" },
        "Message": i.message,
    })
}

/// `BatchStatus` of the `{batchId}` batch of this kind; 404 when there is none.
pub(crate) fn status(app: &App, call: &Call, kind: CollectionBatchKind) -> Reply {
    let id = call.id_param("batchId")?;
    app.with(|s| {
        let batch = s
            .collection_batches
            .iter()
            .find(|b| b.id == id && b.kind == kind)
            .ok_or_else(|| ApiError::not_found(format!("Batch {id} not found")))?;
        ok(json!({
            "BatchId": batch.id,
            "Status": batch.status.as_str(),
            "QtyOfItems": batch.qty,
            "Items": batch.items.iter().map(item).collect::<Vec<_>>(),
        }))
    })
}
