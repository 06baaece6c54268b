//! Every Cash-In example in ../shared/api/examples parses into the models and serializes back
//! to the same JSON value: unknown members, explicit nulls, number forms and decimals survive.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lasku::cashin::{SalesInvoiceBatch, SalesInvoiceBatchResponse};
use serde::{de::DeserializeOwned, Serialize};

fn examples_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/api/examples")
}

fn round_trip<T: DeserializeOwned + Serialize>(file: &str) -> T {
    let text = std::fs::read_to_string(examples_dir().join(file)).unwrap();
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    let model: T = serde_json::from_str(&text).unwrap();
    let again = serde_json::to_value(&model).unwrap();
    assert_eq!(again, original, "{file} changed in a round trip");
    model
}

#[test]
fn batch_request_round_trips() {
    let batch: SalesInvoiceBatch = round_trip("cashin-batchsalesinvoices.request.json");
    let invoice = batch.invoices().next().unwrap();
    assert_eq!(invoice.invoice_number.as_ref().unwrap().as_str(), "251600002");
    assert!(invoice.invoice_number.as_ref().unwrap().is_numeric());
    assert_eq!(invoice.net_amount, Some(rust_decimal::Decimal::from(76)));
    assert!(invoice.is_null("SalesReference"));
    assert_eq!(invoice.invoice_date, chrono::NaiveDate::from_ymd_opt(2022, 1, 20));
    assert_eq!(invoice.invoice_rows.as_ref().unwrap()[0].unit.as_deref(), Some("kpl"));
}

#[test]
fn batch_response_round_trips() {
    let response: SalesInvoiceBatchResponse = round_trip("cashin-batchsalesinvoices.response-202.json");
    assert_eq!(response.batch_id, Some(0));
}

#[test]
fn every_cashin_example_is_covered() {
    let mut names: Vec<String> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cashin-"))
        .collect();
    names.sort();
    assert_eq!(names, ["cashin-batchsalesinvoices.request.json", "cashin-batchsalesinvoices.response-202.json"]);
}

#[test]
fn decimals_and_unknown_members_are_exact() {
    let text = r#"{"InvoiceNumber":"A-7","NetAmount":134.40,"InvoiceRows":[{"Qty":0.1,"Price":10.00000000000,"Nto":1.00,"NewMember":{"x":[1,2.50]}}],"Future":null}"#;
    let invoice: lasku::cashin::SalesInvoice = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&invoice).unwrap(), text);
    let row = &invoice.invoice_rows.as_ref().unwrap()[0];
    assert_eq!(row.price.unwrap().to_string(), "10.00000000000");
    assert!(!invoice.invoice_number.as_ref().unwrap().is_numeric());
}

#[test]
fn explicit_null_can_be_requested_for_an_update() {
    let mut update =
        lasku::cashin::SalesInvoiceUpdate { sales_email: Some("x@example.com".into()), ..Default::default() };
    assert!(update.set_null("SalesPhone"));
    assert!(!update.set_null("NoSuchMember"));
    assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"SalesEmail":"x@example.com","SalesPhone":null}"#);
}

#[test]
fn wrong_types_name_the_member() {
    let err = serde_json::from_str::<lasku::cashin::SalesInvoice>(r#"{"InvoiceRows":[{"Qty":"lots"}]}"#).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("InvoiceRows") && text.contains("Qty"), "{text}");
    let err = serde_json::from_str::<lasku::cashin::SalesInvoice>(r#"{"InvoiceDate":"20.1.2022"}"#).unwrap_err();
    assert!(err.to_string().contains("InvoiceDate"), "{err}");
}
