//! # lasku for Kotlin and Swift
//!
//! The UniFFI surface of [`lasku`]: a [`Client`] with every Cash-In operation as an async
//! method (`suspend fun` in Kotlin, `async throws` in Swift), records for the models, and
//! errors that keep their fields. Kotlin package `fi.lasku`, Swift module `Lasku` (see
//! `uniffi.toml`).
//!
//! This crate holds no business logic: the records, enums and `Client` methods are generated
//! by `build.rs` from the core's declarations, and every call goes to the core's typed
//! [`lasku::Client`] methods. Hand-written here: the value conversions ([`conv`]), the error
//! mapping, the host transport ([`HttpTransport`]) and the client's construction.
//!
//! Custom types cross the FFI as text, so nothing is lost on the way:
//!
//! | Rust | on the FFI | Kotlin | Swift |
//! |---|---|---|---|
//! | `rust_decimal::Decimal` (money, quantities, rates) | `String` | `java.math.BigDecimal` | `Foundation.Decimal` |
//! | `chrono::NaiveDate` (calendar dates) | `String` `YYYY-MM-DD` | `java.time.LocalDate` | `DateComponents` (year, month, day) |
//! | `chrono::DateTime<Utc>` (timestamps) | UniFFI timestamp | `java.time.Instant` | `Date` |
//! | `lasku::model::Identifier` (invoice numbers, ids) | `String` | `String` | `String` |

// `LaskuError` keeps every field of the core's error flat, as the foreign languages see it; it is
// built once per failed call, so its size does not matter.
#![allow(clippy::result_large_err)]

mod client;
pub(crate) mod conv;
mod error;
mod secret;
mod tools;
mod transport;
mod types;

pub use client::{Client, ClientOptions, SettledOutcome};
pub use error::{ApiFieldError, LaskuError, Severity, TransportErrorKind, Violation};
pub use secret::Secret;
pub use tools::{build_invoice, lasku_version, validate_invoice, RowInput};
pub use transport::{HttpHeader, HttpRequest, HttpResponse, HttpTransport, HttpTransportError};
pub use types::{Decimal, LocalDate};

uniffi::setup_scaffolding!("lasku");

/// The generated records, enums, pages and `Client` operations.
#[allow(missing_docs, clippy::all)]
mod generated {
    use crate::{Client, LaskuError};
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use generated::*;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use crate::conv::{lift_one, Lower};

    #[test]
    fn every_model_member_is_mirrored_in_order() {
        let models = crate::generated::model_wire_names();
        assert!(models.len() > 50, "only {} models", models.len());
        for (name, wires, fields) in models {
            let core: Vec<&str> = fields.iter().map(|f| f.wire).collect();
            assert_eq!(wires, core, "{name}");
        }
    }

    #[test]
    fn every_catalog_operation_is_a_client_method() {
        let mut catalog: Vec<&str> =
            lasku::catalog::OPERATIONS.iter().filter(|op| op.implemented).map(|op| op.id).collect();
        let mut exported = crate::generated::OPERATIONS.to_vec();
        catalog.sort_unstable();
        exported.sort_unstable();
        assert_eq!(exported, catalog);
        assert_eq!(exported.len(), 48);
    }

    #[test]
    fn the_published_batch_survives_the_records_unchanged() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/cashin-batch.corrected.json");
        let text = std::fs::read_to_string(path).unwrap();
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        let core: lasku::cashin::SalesInvoiceBatch = serde_json::from_value(original.clone()).unwrap();
        let record = crate::SalesInvoiceBatch::lower(core);
        let first = &record.sales_invoices[0].sales_invoice[0];
        assert!(first.nulls.contains(&"SalesReference".to_owned()), "{:?}", first.nulls);
        let back: lasku::cashin::SalesInvoiceBatch = lift_one(record, "batch").unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), original);
    }

    #[test]
    fn conversion_problems_become_one_validation_error() {
        let invoice = crate::SalesInvoice {
            invoice_rows: Some(vec![crate::SalesInvoiceRow {
                extra: Some("[]".into()),
                nulls: vec!["NoSuchMember".into()],
                ..Default::default()
            }]),
            payment_terms_code: Some(14),
            ..Default::default()
        };
        let error = lift_one::<_, lasku::cashin::SalesInvoice>(invoice, "invoice").unwrap_err();
        let crate::LaskuError::Validation { violations } = error else { panic!("{error:?}") };
        let mut paths: Vec<&str> = violations.iter().map(|v| v.path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(paths, ["/InvoiceRows/0/extra", "/InvoiceRows/0/nulls"]);
    }
}
