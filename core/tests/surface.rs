//! The bindings' surface: operations by id with JSON in and out, metadata, validation, the
//! builder and the Finnish toolkit over JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lasku::catalog::OPERATIONS;
use lasku::surface::{self, ParamKind};
use lasku::Error;
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_catalog_operation_has_a_surface_entry() {
    let ids: Vec<_> = surface::operations().iter().map(|o| o.id).collect();
    let catalog: Vec<_> = OPERATIONS.iter().map(|o| o.id).collect();
    let mut sorted_ids = ids.clone();
    sorted_ids.sort();
    let mut sorted_catalog = catalog.clone();
    sorted_catalog.sort();
    assert_eq!(sorted_ids, sorted_catalog);
    for op in surface::operations() {
        let entry = lasku::catalog::operation(op.id).unwrap();
        assert_eq!(op.credential, entry.credential, "{}", op.id);
        assert_eq!(op.summary, entry.name);
        let has_page = op.params.iter().any(|p| p.name == "page");
        assert_eq!(op.paged, has_page, "{}", op.id);
    }
    let create = surface::operation("create_invoice").unwrap();
    assert!(matches!(create.params[0].kind, ParamKind::Model(_)) && create.params[0].required);
    let models: Vec<_> = surface::models().into_iter().map(|(name, _)| name).collect();
    for name in
        ["SalesInvoice", "SalesInvoiceRow", "SellerInfo", "CaseList", "AllocatedPaymentTransactionItem", "PageMeta"]
    {
        assert!(models.contains(&name), "{name} missing from {models:?}");
    }
}

#[test]
fn bad_arguments_are_violations_naming_the_path() {
    let err =
        surface::prepare("create_invoice", r#"{"invoice": {"InvoiceNumber": 1, "InvoiceRows": [{"Qty": "many"}]}}"#)
            .unwrap_err();
    let Error::Validation(v) = err else { panic!("{err:?}") };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/InvoiceRows/0/Qty", "type"));
    let Error::Validation(v) = surface::prepare("create_invoice", r#"{"invoice": [1]}"#).unwrap_err() else { panic!() };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/invoice", "type"));
    let Error::Validation(v) = surface::prepare("retrieve_invoice_status", "{}").unwrap_err() else { panic!() };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/invoice_number", "required"));
    let Error::Validation(v) =
        surface::prepare("retrieve_invoice_status", r#"{"invoice_number": 1, "invoiceNumber": 2}"#).unwrap_err()
    else {
        panic!()
    };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/invoiceNumber", "argument.unknown"));
    let Error::Validation(v) = surface::prepare("create_invoice", r#"{"invoice": {"InvoiceNumber": 1}}"#).unwrap_err()
    else {
        panic!()
    };
    assert!(v.iter().any(|x| x.path == "/InvoiceDate" && x.code == "required"), "{v:?}");
    assert!(matches!(surface::prepare("no_such_operation", "{}"), Err(Error::Configuration(_))));
    assert!(matches!(surface::prepare("list_products", "[1]"), Err(Error::Validation(_))));
    let call =
        surface::prepare("list_sales_invoices", r#"{"invoice_number": "A-1", "page": 2, "page_size": 50}"#).unwrap();
    assert_eq!(
        call.query,
        vec![("invoiceNumber", "A-1".to_owned()), ("page", "2".to_owned()), ("pageSize", "50".to_owned())]
    );
    // Pages count from 1: a 0 is refused before anything is sent, the same for a call and for
    // an iteration (which would otherwise have quietly started at 1).
    let Error::Validation(v) = surface::prepare("list_products", r#"{"page": 0, "page_size": 0}"#).unwrap_err() else {
        panic!()
    };
    let paths: Vec<_> = v.iter().map(|x| (x.path.as_str(), x.code.as_str())).collect();
    assert_eq!(paths, [("/page", "range"), ("/page_size", "range")]);
}

#[tokio::test]
async fn calls_and_pages_over_json() {
    let (sandbox, client) = start().await;
    let first = serde_json::to_string(&invoice(4001)).unwrap();
    let created = client.call_json("create_invoice", &format!(r#"{{"invoice": {first}}}"#)).await.unwrap();
    assert_eq!(json(&created)["SalesInvoices"][0]["InvoiceNumber"], json("4001"));
    let status = json(&client.call_json("retrieve_invoice_status", r#"{"invoice_number": 4001}"#).await.unwrap());
    assert_eq!(status["TotalAmount"].to_string(), "223.39");
    for n in 4002..4007 {
        let body = serde_json::to_string(&invoice(n)).unwrap();
        client.call_json("create_invoice", &format!(r#"{{"invoice": {body}}}"#)).await.unwrap();
    }
    let mut pages = client.pages_json("list_sales_invoices", r#"{"page_size": 2}"#).unwrap();
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(json(&page.unwrap())["Data"].as_array().unwrap().len());
    }
    assert_eq!(sizes, [2, 2, 2]);
    let mut items = client.pages_json("list_sales_invoices", r#"{"page_size": 4, "status": "Received"}"#).unwrap();
    let mut numbers = Vec::new();
    while let Some(item) = items.next_item().await {
        numbers.push(json(&item.unwrap())["InvoiceNumber"].to_string());
    }
    assert_eq!(numbers.len(), 6);
    assert!(matches!(client.pages_json("create_invoice", "{}"), Err(Error::Configuration(_))));
    assert!(matches!(client.pages_json("list_sales_invoices", r#"{"page_size": 0}"#), Err(Error::Validation(_))));
    let err = client.call_json("retrieve_invoice_status", r#"{"invoice_number": 999}"#).await.unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
    sandbox.shutdown().await;
}

#[test]
fn validation_and_the_builder_over_json() {
    let v = surface::validate_json("invoice", r#"{"InvoiceNumber": 1, "InvoiceRows": [{"Qty": null, "Price": "x"}]}"#);
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/InvoiceRows/0/Price", "type"));
    let example = std::fs::read_to_string(format!(
        "{}/../../shared/api/examples/cashin-batchsalesinvoices.request.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let v = surface::validate_json("batch", &example);
    assert!(v
        .iter()
        .any(|x| x.path == "/SalesInvoices/0/SalesInvoice/0/Reference" && x.code == "reference.check_digit"));
    assert_eq!(surface::validate_json("nonsense", "{}")[0].code, "kind.unknown");

    let built = surface::build_invoice_json(
        r#"{"invoice": {"InvoiceNumber": 5001, "InvoiceDate": "2026-03-01", "SalesName": "Asiakas"},
            "rows": [{"description": "Työ", "qty": 2, "unit_price": "80.00", "vat_percent": 25.5},
                     {"description": "Kirja", "qty": 1, "unit_price": 10, "vat_percent": 13.5, "price_includes_vat": true}],
            "payment_terms_days": 14}"#,
        surface::Decimals::Numbers,
    )
    .unwrap();
    let built = json(&built);
    assert_eq!(built["TotalAmount"].to_string(), "210.80");
    assert_eq!(built["DueDate"], "2026-03-15");
    assert_eq!(built["Reference"], "50018");
    let Err(Error::Validation(v)) = surface::build_invoice_json(
        r#"{"invoice": {}, "rows": [{"description": "x", "qty": "NaN"}]}"#,
        surface::Decimals::Numbers,
    ) else {
        panic!()
    };
    assert!(v[0].path.starts_with("/rows/0"), "{v:?}");

    // Every problem of every row at once, each at its member; nothing is built.
    let Err(Error::Validation(v)) = surface::build_invoice_json(
        r#"{"invoice": {"InvoiceNumber": 1}, "rows": [
            {"description": "a", "qty": 1, "unit_price": "1e400", "vat_percent": 24, "colour": "red"},
            {"description": 5, "qty": "2", "vat_percent": 24, "price_includes_vat": "yes"},
            7], "payment_terms_days": null}"#,
        surface::Decimals::Numbers,
    ) else {
        panic!()
    };
    let found: Vec<(&str, &str)> = v.iter().map(|x| (x.path.as_str(), x.code.as_str())).collect();
    assert_eq!(
        found,
        [
            ("/rows/0/colour", "unknown"),
            ("/rows/0/unit_price", "type"),
            ("/rows/1/description", "type"),
            ("/rows/1/price_includes_vat", "type"),
            ("/rows/1/unit_price", "required"),
            ("/rows/2", "type"),
        ]
    );
    let Err(Error::Validation(v)) = surface::build_invoice_json(
        r#"{"invoice": {"InvoiceDate": "2026-3-1"}, "rows": [], "extra": 1}"#,
        surface::Decimals::Numbers,
    ) else {
        panic!()
    };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/invoice/InvoiceDate", "type"), "{v:?}");
    let Err(Error::Validation(v)) = surface::build_invoice_json(
        r#"{"invoice": {}, "rows": [], "zeta": 1, "alpha": 2, "mid": 3}"#,
        surface::Decimals::Numbers,
    ) else {
        panic!()
    };
    let paths: Vec<&str> = v.iter().map(|x| x.path.as_str()).collect();
    assert_eq!(paths, ["/alpha", "/mid", "/zeta"]);
    let Err(Error::Validation(v)) = surface::build_invoice_json(r#"{"rows": []}"#, surface::Decimals::Numbers) else {
        panic!()
    };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/invoice", "required"));
}

#[test]
fn finnish_toolkit_over_json() {
    let ok = json(&surface::check_identifier("iban", "FI21 1234 5600 0007 85"));
    assert_eq!((ok["valid"].as_bool(), ok["bic"].as_str()), (Some(true), Some("NDEAFIHH")));
    let bad = json(&surface::check_identifier("ytunnus", "0737546-1"));
    assert_eq!(bad["code"], "ytunnus.check_digit");
    assert_eq!(json(&surface::check_identifier("nope", "1"))["code"], "kind.unknown");
    assert_eq!(json(&surface::reference_forms("251600001").unwrap())["reference"], "2516000013");
    let code = surface::encode_barcode("FI2112345600000785", "4883.15", "868516259619897", Some("2010-06-12")).unwrap();
    assert_eq!(code, "421123456000007850048831500000000868516259619897100612");
    assert_eq!(json(&surface::decode_barcode(&code).unwrap())["amount"], "4883.15");
    let Err(Error::Validation(v)) = surface::encode_barcode("SE4550000000058398257466", "1", "1232", None) else {
        panic!()
    };
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("/iban", "barcode.iban_not_finnish"));
}
