//! `create_meter_reading_documents`.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use super::{ok, Call, Reply};
use crate::errors::{ApiError, FieldError};
use crate::fields::{body_list, finish, Fields, Need};
use crate::state::{App, MeterDocument};

/// Text members of the parts of a `MeterDocument`.
const PARTS: &[(&str, &[&str])] = &[
    ("Company", &["Name", "BusinessId", "StreetAddress", "PostalCode", "City"]),
    ("Customer", &["CustomerCode", "Name", "StreetAddress", "PostalCode", "City", "Email"]),
    ("UsageLocation", &["LocationId", "StreetAddress", "PostalCode", "City"]),
];

fn check(path: &str, obj: &Map<String, Value>, errors: &mut Vec<FieldError>) -> Option<MeterDocument> {
    let before = errors.len();
    let f = Fields::new(obj, path);
    let key = f.code("DocumentNumber", Need::Required, errors);
    f.date("DocumentDate", Need::Optional, errors);
    for (part, texts) in PARTS {
        if let Some(member) = f.object(part, Need::Optional, errors) {
            let part_path = f.path(part);
            Fields::new(member, &part_path).texts(texts, errors);
        }
    }
    for (reading_path, reading) in f.objects("Readings", Need::Optional, errors) {
        let r = Fields::new(reading, &reading_path);
        r.code("MeterNumber", Need::Required, errors);
        r.date("ReadingDate", Need::Required, errors);
        r.number("ReadingValue", Need::Required, errors);
        r.number("PreviousReadingValue", Need::Optional, errors);
        r.number("Consumption", Need::Optional, errors);
        r.texts(&["Unit"], errors);
    }
    if errors.len() > before {
        return None;
    }
    Some(MeterDocument { key: key?, data: obj.clone() })
}

/// `MeterDocumentList { Documents: [MeterDocument] }`: all documents are stored, or none (400
/// naming the field for malformed input, 402 for a DocumentNumber that exists or repeats). Only
/// `DocumentNumber` is required, and in each reading `MeterNumber`, `ReadingDate` and
/// `ReadingValue`; other members are type-checked when present.
pub(crate) fn create(app: &App, call: &Call) -> Reply {
    let body = call.json_object()?;
    let items = body_list(&body, "Documents")?;
    let mut errors = Vec::new();
    let documents: Vec<MeterDocument> = items.iter().filter_map(|(path, obj)| check(path, obj, &mut errors)).collect();
    finish(errors)?;
    app.with(|s| {
        let mut seen = HashSet::new();
        for d in &documents {
            if s.documents.iter().any(|stored| stored.key == d.key) {
                return Err(ApiError::business(format!("DocumentNumber {} already exists", d.key)));
            }
            if !seen.insert(d.key.as_str()) {
                return Err(ApiError::business(format!(
                    "DocumentNumber {} appears more than once in the request",
                    d.key
                )));
            }
        }
        let listed: Vec<Value> = documents
            .iter()
            .map(|d| json!({ "DocumentNumber": d.data.get("DocumentNumber"), "Status": "Created" }))
            .collect();
        s.documents.extend(documents);
        ok(json!({ "StatusDescription": "Created", "QtyOfDocuments": listed.len(), "Documents": listed }))
    })
}
