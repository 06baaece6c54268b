//! The quick path against the full parse: on every case built here, whenever the quick path
//! answers, the full path must give the same answer (same violations, same call, same body as
//! a JSON value); and on the ordinary cases it must answer at all.

use serde_json::{json, Value};

use super::capture_invoice;
use crate::cashin::SalesInvoice;
use crate::surface::prepare_parsed;
use crate::validate::validate_invoice;

fn base() -> Value {
    json!({
        "InvoiceNumber": 100001,
        "InvoiceDate": "2025-07-09",
        "DueDate": "2025-07-23",
        "OrderDate": "2025-07-01T10:00:00Z",
        "PaymentTermsCode": 14,
        "InvoiceLanguage": "FI",
        "Currency": "EUR",
        "NetAmount": 150.00,
        "TaxAmount": 38.25,
        "TotalAmount": 188.25,
        "RoundAmount": 0,
        "Reference": "1000012",
        "SalesName": "Aurora-Palvelu Ky",
        "SalesCity": "Turku",
        "FinvoiceAccount": "003732657779",
        "FinvoiceOVT": "003723327487",
        "SellerInfo": {
            "SellerName": "Myyjä Oy",
            "SellerIban": "FI2112345600000785",
            "SellerBic": "NDEAFIHH",
            "SellerBusinessId": "3265777-9",
            "SellerVatNumber": "FI32657779"
        },
        "UnknownMember": {"kept": [1, "two", null, true]},
        "InvoiceRows": [
            {"ProdCode": "A1", "Description": "Työ", "Qty": 2, "Price": 50.00, "Discount": 0, "DiscountPercent": 0,
             "VatPercent": 25.5, "Nto": 100.00, "Tax": 25.50, "Total": 125.50, "Round": 0,
             "DeliveryDate": "2025-07-09", "Unit": "h", "RowExtra": "x"},
            {"ProdCode": "B2", "Qty": 1, "Price": 50, "VatPercent": 25.5, "Nto": 50, "Tax": 12.75, "Total": 62.75,
             "ShipDate": "2025-07-08", "StartDate": "2025-07-01"}
        ]
    })
}

fn set(mut v: Value, pointer: &str, value: Option<Value>) -> Value {
    let (parent, name) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap();
    match (target, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(name.to_owned(), value);
        }
        (Value::Object(map), None) => {
            map.remove(name);
        }
        (Value::Array(items), Some(value)) => items[name.parse::<usize>().unwrap()] = value,
        (Value::Array(items), None) => {
            items.remove(name.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
    v
}

/// Every case: the base, each captured member removed, nulled, retyped and broken, and a few
/// shapes the quick path leaves to the full parse.
fn cases() -> Vec<(String, String)> {
    let mut out = vec![("base".to_owned(), base().to_string())];
    let members = [
        "/InvoiceNumber",
        "/InvoiceDate",
        "/DueDate",
        "/SalesName",
        "/NetAmount",
        "/TaxAmount",
        "/TotalAmount",
        "/RoundAmount",
        "/Reference",
        "/FinvoiceAccount",
        "/FinvoiceOVT",
        "/SellerInfo",
        "/SellerInfo/SellerIban",
        "/SellerInfo/SellerBic",
        "/SellerInfo/SellerBusinessId",
        "/SellerInfo/SellerVatNumber",
        "/InvoiceRows",
        "/InvoiceRows/0",
        "/InvoiceRows/0/Qty",
        "/InvoiceRows/0/Price",
        "/InvoiceRows/0/Discount",
        "/InvoiceRows/0/DiscountPercent",
        "/InvoiceRows/0/VatPercent",
        "/InvoiceRows/0/Nto",
        "/InvoiceRows/0/Tax",
        "/InvoiceRows/0/Total",
        "/InvoiceRows/0/Round",
        "/InvoiceRows/0/DeliveryDate",
        "/InvoiceRows/1/ShipDate",
        "/OrderDate",
        "/PaymentTermsCode",
        "/InvoiceLanguage",
        "/UnknownMember",
    ];
    let values = [
        json!(null),
        json!("text"),
        json!(""),
        json!("  "),
        json!(12.345),
        json!(-1),
        json!(0),
        json!(1e3),
        json!("12.50"),
        json!(true),
        json!([]),
        json!({}),
        json!("2025-07-01"),
        json!("2025-02-30"),
        json!("FI2112345600000780"),
        json!("1000013"),
        json!("RF471000012"),
        json!(99999999999u64),
    ];
    for m in members {
        out.push((format!("{m} removed"), set(base(), m, None).to_string()));
        for value in &values {
            out.push((format!("{m} = {value}"), set(base(), m, Some(value.clone())).to_string()));
        }
    }
    let text = base().to_string();
    out.push(("escaped name".into(), text.replace("\"SalesName\"", "\"Sales\\u004eame\"")));
    out.push(("escaped value".into(), text.replace("Aurora-Palvelu Ky", "Aurora \\\"Palvelu\\\" Ky\\n")));
    out.push(("unicode escape".into(), text.replace("Aurora-Palvelu Ky", "Aurora\\u00e4")));
    out.push(("surrogate escape".into(), text.replace("Aurora-Palvelu Ky", "\\ud83d\\ude00")));
    out.push((
        "named twice".into(),
        text.replacen("\"Currency\":\"EUR\"", "\"Currency\":\"EUR\",\"Currency\":\"SEK\"", 1),
    ));
    out.push(("pretty".into(), serde_json::to_string_pretty(&base()).unwrap()));
    out
}

#[test]
fn the_quick_capture_gives_the_rules_what_the_full_parse_gives() {
    let mut answered = 0;
    for (name, text) in cases() {
        let Some(quick) = capture_invoice(&text) else { continue };
        answered += 1;
        let full: SalesInvoice =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: the quick path passed what fails: {e}"));
        assert_eq!(validate_invoice(&quick), validate_invoice(&full), "{name}");
    }
    assert!(answered > 200, "the quick path answered only {answered} cases");
}

#[test]
fn a_quick_batch_is_the_same_call_as_a_parsed_one() {
    let (mut quick, mut full) = (0, 0);
    for (name, text) in cases() {
        let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": [{text}]}}]}}}}"#);
        let parsed = prepare_parsed("submit_sales_invoice_batch", &args);
        full += usize::from(parsed.is_ok());
        let Some(call) = super::prepare("submit_sales_invoice_batch", &args) else { continue };
        quick += 1;
        let parsed = parsed.unwrap_or_else(|e| panic!("{name}: quick accepted what the full path refuses: {e}"));
        assert_eq!(call.keys.invoice_numbers, parsed.keys.invoice_numbers, "{name}");
        assert_eq!(call.keys.references, parsed.keys.references, "{name}");
        assert_eq!(call.operation.id, parsed.operation.id);
        let body = |c: &crate::Call| serde_json::from_slice::<Value>(c.body.as_deref().unwrap()).unwrap();
        assert_eq!(body(&call), body(&parsed), "{name}");
    }
    assert!(quick > 100 && quick <= full, "quick {quick}, full {full}");
}

#[test]
fn batches_take_the_quick_path_only_in_their_exact_shape() {
    let invoice = base().to_string();
    let ok = format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice},{invoice}]}}]}}}}"#);
    // The same invoice number twice is a rule violation: the full path reports it.
    assert!(super::prepare("submit_sales_invoice_batch", &ok).is_none());
    let second = invoice.replace(r#""InvoiceNumber":100001"#, r#""InvoiceNumber":"A-2""#);
    let ok = format!(
        r#" {{ "batch" : {{"SalesInvoices":[{{"SalesInvoice":[{invoice},{second}]}},{{"SalesInvoice":[]}}]}} }} "#
    );
    let call = super::prepare("submit_sales_invoice_batch", &ok).unwrap();
    assert_eq!(call.keys.invoice_numbers.len(), 2);
    assert!(std::str::from_utf8(call.body.as_deref().unwrap()).unwrap().starts_with(r#"{"SalesInvoices""#));
    for other in [
        format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}]}}],"Other":1}}}}"#),
        format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}],"Other":1}}]}}}}"#),
        format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}]}}]}},"extra":1}}"#),
        format!(r#"{{"other":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}]}}]}}}}"#),
        format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}]}}]}}}} trailing"#),
        r#"{"batch":null}"#.to_owned(),
    ] {
        assert!(super::prepare("submit_sales_invoice_batch", &other).is_none(), "{other}");
    }
}

/// A batch of `invoices` (JSON texts) through both paths: when the quick path answers, the full
/// path gives the same call; returns whether the quick path answered.
fn same_batch(name: &str, invoices: &[String]) -> bool {
    let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": [{}]}}]}}}}"#, invoices.join(","));
    let parsed = prepare_parsed("submit_sales_invoice_batch", &args);
    let Some(call) = super::prepare("submit_sales_invoice_batch", &args) else { return false };
    let parsed = parsed.unwrap_or_else(|e| panic!("{name}: quick accepted what the full path refuses: {e}"));
    assert_eq!(call.keys.invoice_numbers, parsed.keys.invoice_numbers, "{name}");
    assert_eq!(call.keys.references, parsed.keys.references, "{name}");
    let body = |c: &crate::Call| serde_json::from_slice::<Value>(c.body.as_deref().unwrap()).unwrap();
    assert_eq!(body(&call), body(&parsed), "{name}");
    true
}

/// The `n`th copy of the base invoice, with its own invoice number and reference.
fn numbered(n: u64) -> Value {
    let number = 100_000 + n;
    let mut v = base();
    v["InvoiceNumber"] = json!(number);
    let reference = crate::fi::reference::NationalReference::from_invoice_number(&number.to_string()).unwrap();
    v["Reference"] = json!(reference.as_str());
    v
}

/// The members of an object (and of its rows) in reverse order.
fn reversed(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(map.iter().rev().map(|(k, v)| (k.clone(), reversed(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

/// Member names are guessed from the order they came in before (the lexer's shapes): whatever
/// order, gaps, additions, repeats or spellings the next invoices bring, the answer is the one
/// the full parse gives, and a batch of alike invoices still takes the quick path.
#[test]
fn member_names_in_any_order_read_the_same() {
    let alike: Vec<String> = (0..5).map(|n| numbered(n).to_string()).collect();
    assert!(same_batch("alike", &alike), "a batch of alike invoices takes the quick path");

    // Reordered, with members missing, with unknown members added in between, with the rows
    // swapped: each twice among alike invoices.
    type Variant = fn(u64) -> Value;
    let variants: [(&str, Variant); 5] = [
        ("reversed", |n| reversed(&numbered(n))),
        ("gaps", |n| {
            let v = set(set(numbered(n), "/OrderDate", None), "/SalesCity", None);
            set(set(v, "/InvoiceRows/0/Description", None), "/InvoiceRows/1/ProdCode", None)
        }),
        ("extra", |n| set(set(numbered(n), "/AExtra", Some(json!({"x": 1}))), "/InvoiceRows/1/Zz", Some(json!(2)))),
        ("rows swapped", |n| {
            let mut v = numbered(n);
            v["InvoiceRows"].as_array_mut().unwrap().reverse();
            v
        }),
        ("pretty", |n| numbered(n)),
    ];
    for (name, variant) in variants {
        let text = |n| match name {
            "pretty" => serde_json::to_string_pretty(&variant(n)).unwrap(),
            _ => variant(n).to_string(),
        };
        let mut batch = alike.clone();
        batch.extend([text(10), numbered(11).to_string(), text(12), text(13), numbered(14).to_string()]);
        assert!(same_batch(name, &batch), "{name}: these are ordinary invoices");
    }

    // What the quick path leaves to the full parse, where a name it has seen is expected.
    let text = numbered(40).to_string();
    for (name, changed, quick) in [
        ("escaped name", text.replace("\"SalesName\"", "\"Sales\\u004eame\""), false),
        ("escaped unknown name", text.replace("\"UnknownMember\"", "\"Unknown\\u004dember\""), false),
        ("named twice", text.replacen("\"Currency\":\"EUR\"", "\"Currency\":\"EUR\",\"Currency\":\"SEK\"", 1), false),
        ("row member twice", text.replacen("\"Qty\":2,", "\"Qty\":2,\"Qty\":3,", 1), false),
        ("a wrong type", text.replace("\"SalesName\":\"Aurora-Palvelu Ky\"", "\"SalesName\":5"), false),
        ("no colon", text.replace("\"SalesName\":", "\"SalesName\""), false),
        ("no comma", text.replace(",\"SalesName\":", "\"SalesName\":"), false),
        ("longer name", text.replace("\"SalesCity\"", "\"SalesCity3\""), true),
        ("shorter name", text.replace("\"SalesCity\"", "\"SalesCit\""), true),
        ("longer row name", text.replace("\"Unit\"", "\"Units\""), true),
        ("space before the colon", text.replace("\"SalesName\":", "\"SalesName\" :"), true),
        ("spaces around", text.replace(",\"SalesName\":", " , \"SalesName\" : "), true),
    ] {
        assert_ne!(changed, text, "{name}");
        let mut batch = alike.clone();
        batch.extend([changed, numbered(41).to_string()]);
        assert_eq!(same_batch(name, &batch), quick, "{name}");
    }
}
