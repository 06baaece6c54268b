//! Which catalog operation a request is: method and path matched against the path templates of
//! `lasku::catalog::OPERATIONS`, so the sandbox and the SDK never disagree on a path.

use lasku::catalog::{ids, Operation, OPERATIONS};

/// The operations the sandbox emulates: every operation of the catalog (the rows of both tables
/// in `docs/cashin-wire.md`), in catalog order.
pub const EMULATED_OPERATIONS: &[&str] = &[
    ids::validate_token,
    ids::renew_token,
    ids::create_collection_cases,
    ids::update_collection_receivables,
    ids::retrieve_collection_receivables_status,
    ids::retrieve_case_batch_status,
    ids::retrieve_collection_case,
    ids::retrieve_debtor_summary,
    ids::list_settlements,
    ids::retrieve_settlement,
    ids::list_direct_settlements,
    ids::retrieve_direct_settlement,
    ids::retrieve_credit_loss_receivables,
    ids::retrieve_allocated_payment_transactions,
    ids::create_invoice,
    ids::create_invoice_with_seller_info,
    ids::submit_sales_invoice_batch,
    ids::list_batch_uploads,
    ids::list_sales_invoices,
    ids::retrieve_invoice_delivery_information,
    ids::retrieve_invoice_status,
    ids::update_invoice,
    ids::submit_invoice_payment,
    ids::retrieve_delivery_statistics,
    ids::retrieve_received_payments,
    ids::update_finvoice_account,
    ids::retrieve_electronic_invoicing_contracts,
    ids::list_products,
    ids::submit_products,
    ids::delete_product,
    ids::list_customers,
    ids::submit_customers,
    ids::update_customer,
    ids::delete_customer,
    ids::retrieve_external_delivery_information,
    ids::retrieve_external_payment_information,
    ids::create_direct_payment,
    ids::submit_invoice_action,
    ids::retrieve_agreement_status,
    ids::submit_creditor,
    ids::update_creditor,
    ids::retrieve_creditor_credentials,
    ids::retrieve_finvoice_credentials,
    ids::retrieve_external_agreement_identifiers,
    ids::retrieve_delivery_information_by_seller,
    ids::send_sms,
    ids::create_meter_reading_documents,
    ids::service_status,
];

/// A request matched to an operation, with its path parameters (percent-decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matched {
    pub op: &'static Operation,
    pub params: Vec<(&'static str, String)>,
}

impl Matched {
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

/// Matches `method` and `path` (relative to `/v2`, e.g. `/salesinvoices/12/status`) against the
/// catalog. Literal segments match case-insensitively; where several templates match, the one
/// with more literal segments wins (`/salesinvoices/deliverystatistics` over
/// `/salesinvoices/{invoiceNumber}`).
pub(crate) fn identify(method: &str, path: &str) -> Option<Matched> {
    let path = path.strip_suffix('/').unwrap_or(path);
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut best: Option<(usize, Matched)> = None;
    for op in OPERATIONS {
        if !op.method.as_str().eq_ignore_ascii_case(method) {
            continue;
        }
        let Some((literals, params)) = match_template(op.path, &segments) else {
            continue;
        };
        if best.as_ref().is_none_or(|(score, _)| literals > *score) {
            best = Some((literals, Matched { op, params }));
        }
    }
    best.map(|(_, m)| m)
}

fn match_template(template: &'static str, segments: &[&str]) -> Option<(usize, Vec<(&'static str, String)>)> {
    let parts: Vec<&'static str> = template.split('/').skip(1).collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut literals = 0;
    let mut params = Vec::new();
    for (part, segment) in parts.iter().zip(segments) {
        if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            let value = percent_decode(segment)?;
            if value.is_empty() {
                return None;
            }
            params.push((name, value));
        } else if part.eq_ignore_ascii_case(segment) {
            literals += 1;
        } else {
            return None;
        }
    }
    Some((literals, params))
}

/// Decodes `%XX` escapes; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_operation_is_emulated_and_nothing_else() {
        for id in EMULATED_OPERATIONS {
            assert!(lasku::catalog::operation(id).is_some(), "{id}");
        }
        // Every operation, whether the SDK implements it yet or not.
        for op in OPERATIONS {
            assert!(EMULATED_OPERATIONS.contains(&op.id), "{} is not emulated", op.id);
        }
        assert_eq!(EMULATED_OPERATIONS.len(), OPERATIONS.len(), "an operation is listed twice");
    }

    #[test]
    fn every_catalog_operation_has_a_handler() {
        use std::sync::Arc;

        use crate::routes::{dispatch, Call, Query};
        use crate::state::App;

        let app = Arc::new(App::new(crate::SandboxConfig::default(), "http://127.0.0.1:1/v2".to_owned()));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let _guard = runtime.enter();
        for op in OPERATIONS {
            let params = op
                .path
                .split('/')
                .filter_map(|p| p.strip_prefix('{').and_then(|p| p.strip_suffix('}')))
                .map(|name| (name, "1".to_owned()))
                .collect();
            let call = Call {
                matched: Matched { op, params },
                query: Query::default(),
                body: axum::body::Bytes::from_static(b"{}"),
                api_key: crate::DEFAULT_CREDITOR_KEY.to_owned(),
            };
            assert!(dispatch(&app, &call).is_some(), "{} has no handler", op.id);
        }
    }

    #[test]
    fn literal_segments_win_over_parameters() {
        let m = identify("GET", "/salesinvoices/deliverystatistics").unwrap();
        assert_eq!(m.op.id, ids::retrieve_delivery_statistics);
        let m = identify("GET", "/salesinvoices/deliveryinformation").unwrap();
        assert_eq!(m.op.id, ids::retrieve_invoice_delivery_information);
        let m = identify("GET", "/salesinvoices/INV%2F7/status").unwrap();
        assert_eq!(m.op.id, ids::retrieve_invoice_status);
        assert_eq!(m.param("invoiceNumber"), Some("INV/7"));
        let m = identify("put", "/salesinvoices/123/").unwrap();
        assert_eq!(m.op.id, ids::update_invoice);
        assert_eq!(identify("POST", "/batchsalesinvoices").unwrap().op.id, ids::submit_sales_invoice_batch);
        assert_eq!(identify("GET", "/batchsalesinvoices").unwrap().op.id, ids::list_batch_uploads);
        assert_eq!(identify("GET", "/collectioncases/debtorsummary").unwrap().op.id, ids::retrieve_debtor_summary);
        assert_eq!(identify("GET", "/collectioncases/batches/3").unwrap().op.id, ids::retrieve_case_batch_status);
        assert_eq!(identify("GET", "/collectioncases").unwrap().op.id, ids::retrieve_collection_case);
        assert_eq!(identify("POST", "/collectioncases").unwrap().op.id, ids::create_collection_cases);
        let m = identify("GET", "/partner/creditors/0112038-9/credentials").unwrap();
        assert_eq!(m.op.id, ids::retrieve_creditor_credentials);
        assert_eq!(m.param("businessCode"), Some("0112038-9"));
        assert_eq!(identify("DELETE", "/products/P%201").unwrap().param("productCode"), Some("P 1"));
    }

    #[test]
    fn unknown_routes_match_nothing() {
        assert!(identify("DELETE", "/salesinvoices").is_none());
        assert!(identify("GET", "/nothing").is_none());
        assert!(identify("GET", "").is_none());
        assert!(identify("GET", "/salesinvoices/%zz/status").is_none());
        assert_eq!(identify("GET", "/products").unwrap().op.id, ids::list_products);
        assert!(identify("PATCH", "/products").is_none());
    }
}
