//! Document and operations endpoints.

use super::{fail_on, op, require_present, require_text};
use crate::cashin::*;
use crate::catalog::ids;
use crate::client::{Call, NaturalKeys};
use crate::validate::Violation;
use crate::Result;

/// "Create meter reading documents": each needs a number, a customer and readings with a meter
/// number, a date and a value.
pub fn create_meter_reading_documents(documents: &MeterDocumentList) -> Result<Call> {
    let mut v = Vec::new();
    if documents.documents.is_empty() {
        v.push(Violation::error("/Documents", "required", "at least one document is required"));
    }
    let mut keys = NaturalKeys::default();
    for (i, d) in documents.documents.iter().enumerate() {
        let p = format!("/Documents/{i}");
        require_text(&mut v, &format!("{p}/DocumentNumber"), d.document_number.as_deref());
        require_present(&mut v, &format!("{p}/Customer"), d.customer.as_ref());
        let readings = d.readings.as_deref().unwrap_or(&[]);
        if readings.is_empty() {
            v.push(Violation::error(format!("{p}/Readings"), "required", "a document needs at least one reading"));
        }
        for (j, r) in readings.iter().enumerate() {
            let rp = format!("{p}/Readings/{j}");
            require_text(&mut v, &format!("{rp}/MeterNumber"), r.meter_number.as_deref());
            require_present(&mut v, &format!("{rp}/ReadingDate"), r.reading_date.as_ref());
            require_present(&mut v, &format!("{rp}/ReadingValue"), r.reading_value.as_ref());
            if let (Some(now), Some(before)) = (r.reading_value, r.previous_reading_value) {
                if now < before {
                    v.push(Violation::warning(
                        format!("{rp}/ReadingValue"),
                        "meter.decreasing",
                        format!("ReadingValue {now} is below PreviousReadingValue {before}"),
                    ));
                }
            }
        }
        keys.other.extend(d.document_number.clone());
    }
    fail_on(v.iter().filter(|x| x.is_error()).cloned().collect())?;
    Ok(Call::new(op(ids::create_meter_reading_documents)?).json(documents)?.keys(keys))
}

/// "Service Status".
pub fn service_status() -> Result<Call> {
    Ok(Call::new(op(ids::service_status)?))
}
