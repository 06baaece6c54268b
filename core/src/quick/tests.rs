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
        json!("-0.5"),
        json!("7"),
        json!(" 12"),
        json!("1e2"),
        json!("12."),
        json!("012"),
        json!("12.5x"),
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
    // Each decimal as a string holding its own value: the rules still pass.
    for m in members {
        if let Some(Value::Number(n)) = base().pointer(m) {
            out.push((format!("{m} as a string"), set(base(), m, Some(json!(n.to_string()))).to_string()));
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
fn batches_validated_on_the_quick_path_give_the_full_parse_s_violations() {
    use crate::cashin::{BatchInvoices, SalesInvoiceBatch};
    use crate::validate::validate_batch;
    let (mut quick, mut total) = (0, 0);
    let second = numbered(2).to_string();
    for (name, text) in cases() {
        // Each case between two other invoices (one with the base's number: a duplicate).
        for groups in [false, true] {
            total += 1;
            let list = format!("[{second}, {text}, {}]", base());
            let json = if groups {
                format!(r#"{{"SalesInvoices": [{{"SalesInvoice": {list}}}, {{"SalesInvoice": [{second}]}}]}}"#)
            } else {
                format!(r#"{{"SalesInvoice": {list}}}"#)
            };
            let Some(found) = super::batch_violations(&json, groups) else { continue };
            quick += 1;
            let batch = if groups {
                serde_json::from_str::<SalesInvoiceBatch>(&json)
            } else {
                serde_json::from_str::<BatchInvoices>(&json)
                    .map(|body| SalesInvoiceBatch { sales_invoices: vec![body] })
            };
            let batch = batch.unwrap_or_else(|e| panic!("{name}: the quick path read what fails to parse: {e}"));
            assert_eq!(found, validate_batch(&batch).violations, "{name} (groups: {groups})");
        }
    }
    assert!(quick > 400, "the quick path answered {quick} of {total}");
    for other in [r#"{"SalesInvoice": [], "Other": 1}"#, r#"{"SalesInvoice": {}}"#, r#"{"SalesInvoice": []} x"#] {
        assert!(super::batch_violations(other, false).is_none(), "{other}");
    }
    assert_eq!(super::batch_violations(r#" { "SalesInvoice" : [ ] } "#, false), Some(Vec::new()));
}

#[test]
fn a_quick_batch_is_the_same_call_as_a_parsed_one() {
    let (mut quick, mut full, mut unquoted) = (0, 0, 0);
    for (name, text) in cases() {
        let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": [{text}]}}]}}}}"#);
        let parsed = prepare_parsed("submit_sales_invoice_batch", &args);
        full += usize::from(parsed.is_ok());
        let Some((call, body)) = super::prepare("submit_sales_invoice_batch", &args) else { continue };
        quick += 1;
        let parsed = parsed.unwrap_or_else(|e| panic!("{name}: quick accepted what the full path refuses: {e}"));
        assert_eq!(call.keys.invoice_numbers, parsed.keys.invoice_numbers, "{name}");
        assert_eq!(call.keys.references, parsed.keys.references, "{name}");
        assert_eq!(call.operation.id, parsed.operation.id);
        // The quick body is a part of the arguments, unless decimals came as strings: those
        // go out as numbers, as the full path writes them.
        let quoted = [
            "Amount\":\"",
            "\"Qty\":\"",
            "\"Price\":\"",
            "Percent\":\"",
            "\"Discount\":\"",
            "\"Nto\":\"",
            "\"Tax\":\"",
            "\"Total\":\"",
            "\"Round\":\"",
        ]
        .iter()
        .any(|member| args.contains(member));
        let body = match body {
            Some(body) => {
                assert!(call.body.is_none() && !quoted, "{name}: a part of the arguments");
                body.as_bytes()
            }
            None => {
                assert!(quoted, "{name}: written anew without decimals written as strings");
                unquoted += 1;
                call.body.as_deref().unwrap()
            }
        };
        let parsed_body = serde_json::from_slice::<Value>(parsed.body.as_deref().unwrap()).unwrap();
        assert_eq!(serde_json::from_slice::<Value>(body).unwrap(), parsed_body, "{name}");
    }
    assert!(quick > 100 && quick <= full, "quick {quick}, full {full}");
    assert!(unquoted >= 12, "decimals as strings took the quick path {unquoted} times");
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
    let (call, body) = super::prepare("submit_sales_invoice_batch", &ok).unwrap();
    let body = body.unwrap();
    assert_eq!(call.keys.invoice_numbers.len(), 2);
    assert!(body.starts_with(r#"{"SalesInvoices""#) && body.ends_with("]}"), "{body}");
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

/// A batch of `groups`, invoice `n` numbered `n` (changed by `edit`), as compact or pretty text.
fn numbered_batch(groups: &[usize], pretty: bool, edit: impl Fn(usize, &mut Value)) -> String {
    let mut n = 0;
    let groups: Vec<Value> = groups
        .iter()
        .map(|&count| {
            let invoices: Vec<Value> = (0..count)
                .map(|_| {
                    n += 1;
                    let mut invoice = base();
                    invoice["InvoiceNumber"] = json!(n);
                    edit(n, &mut invoice);
                    invoice
                })
                .collect();
            json!({ "SalesInvoice": invoices })
        })
        .collect();
    let args = json!({ "batch": { "SalesInvoices": groups } });
    if pretty {
        serde_json::to_string_pretty(&args).unwrap()
    } else {
        args.to_string()
    }
}

#[test]
fn a_batch_read_in_parts_answers_as_one_read_whole() {
    let nested = |n: usize, v: &mut Value| {
        // Objects opening with the same member name inside an invoice: guesses may land there.
        if n % 3 == 0 {
            v["UnknownMember"] = json!([{ "InvoiceNumber": n }, { "InvoiceNumber": "x" }]);
        }
    };
    let cases: Vec<(&str, String, bool)> = vec![
        ("one group", numbered_batch(&[14], false, |_, _| ()), true),
        ("groups", numbered_batch(&[5, 0, 4, 1, 6], false, |_, _| ()), true),
        ("pretty", numbered_batch(&[7, 7], true, |_, _| ()), true),
        (
            "decimals as strings",
            numbered_batch(&[9, 5], true, |n, v| {
                if n % 2 == 0 {
                    v["TotalAmount"] = json!(v["TotalAmount"].to_string());
                    v["InvoiceRows"][0]["Qty"] = json!(v["InvoiceRows"][0]["Qty"].to_string());
                }
            }),
            true,
        ),
        ("nested look-alikes", numbered_batch(&[6, 6], false, nested), true),
        (
            "a rule broken late",
            numbered_batch(&[6, 6], false, |n, v| {
                if n == 11 {
                    v["TotalAmount"] = json!(1);
                }
            }),
            false,
        ),
        (
            "a type error late",
            numbered_batch(&[12], false, |n, v| {
                if n == 10 {
                    v["InvoiceRows"][1]["Qty"] = json!("x");
                }
            }),
            false,
        ),
        (
            "a number repeated across parts",
            numbered_batch(&[12], false, |n, v| {
                if n == 12 {
                    v["InvoiceNumber"] = json!(2);
                }
            }),
            false,
        ),
    ];
    for (name, args, passes) in cases {
        let whole = super::submit_batch_in(&args, 1);
        assert_eq!(whole.is_some(), passes, "{name}");
        assert_eq!(whole.is_some(), prepare_parsed("submit_sales_invoice_batch", &args).is_ok(), "{name}");
        for parts in 2..=16 {
            let split = super::submit_batch_in(&args, parts);
            match (&whole, &split) {
                (Some((a, body_a)), Some((b, body_b))) => {
                    assert_eq!(a.keys.invoice_numbers, b.keys.invoice_numbers, "{name} in {parts}");
                    assert_eq!(a.keys.references, b.keys.references, "{name} in {parts}");
                    assert_eq!(sent(a, *body_a), sent(b, *body_b), "{name} in {parts}");
                }
                (None, None) => {}
                _ => panic!("{name}: read whole {}, in {parts} parts {}", whole.is_some(), split.is_some()),
            }
        }
    }
}

/// What a writer checked ahead gives for the groups of `invoices` (JSON texts), cut into pieces
/// of at least `piece` bytes.
fn written_ahead(groups: &[Vec<String>], piece: usize) -> Option<(Vec<String>, String, bool)> {
    std::thread::scope(|scope| {
        let ahead = super::Ahead::new(scope, "submit_sales_invoice_batch").unwrap().with_piece(piece);
        assert_eq!(ahead.depth(), 5);
        let mut text = String::from(r#"{"batch":{"SalesInvoices":["#);
        for (g, group) in groups.iter().enumerate() {
            text.push_str(if g == 0 { r#"{"SalesInvoice":["# } else { r#",{"SalesInvoice":["# });
            for (i, invoice) in group.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                ahead.element(text.as_bytes());
                text.push_str(invoice);
            }
            text.push_str("]}");
        }
        text.push_str("]}}");
        let (call, body) = ahead.finish(&text).ok()?;
        let numbers = call.keys.invoice_numbers.iter().map(ToString::to_string).collect();
        let body = body.map(str::to_owned);
        let quick = body.is_some();
        Some((numbers, body.or_else(|| call.body.map(|b| String::from_utf8(b).unwrap()))?, quick))
    })
}

/// The base invoice numbered `n`, changed by `edit`, as JSON text.
fn invoice(n: usize, edit: &dyn Fn(&mut Value)) -> String {
    let mut v = base();
    v["InvoiceNumber"] = json!(n);
    edit(&mut v);
    v.to_string()
}

#[test]
fn a_batch_checked_while_written_answers_as_one_read_whole() {
    let plain = |groups: &[usize]| -> Vec<Vec<String>> {
        let mut n = 0;
        groups
            .iter()
            .map(|&c| {
                (0..c)
                    .map(|_| {
                        n += 1;
                        invoice(n, &|_| ())
                    })
                    .collect()
            })
            .collect()
    };
    let mut late_rule = plain(&[6, 6]);
    late_rule[1][4] = invoice(11, &|v| v["TotalAmount"] = json!(1));
    let mut late_type = plain(&[12]);
    late_type[0][9] = invoice(10, &|v| v["InvoiceRows"][1]["Qty"] = json!("x"));
    let mut repeated = plain(&[12]);
    repeated[0][11] = invoice(2, &|_| ());
    // Decimals written as strings in every third invoice: positions found in the pieces must
    // land where the whole text has them.
    let mut quoted = plain(&[9, 6]);
    for (k, invoice) in quoted.iter_mut().flatten().enumerate().filter(|(k, _)| k % 3 == 1) {
        *invoice = self::invoice(k + 1, &|v| {
            v["TotalAmount"] = json!(v["TotalAmount"].to_string());
            v["InvoiceRows"][1]["Price"] = json!(v["InvoiceRows"][1]["Price"].to_string());
        });
    }
    for (name, groups, passes) in [
        ("decimals as strings", quoted, true),
        ("one group", plain(&[14]), true),
        ("groups", plain(&[5, 0, 4, 1, 6]), true),
        ("a rule broken late", late_rule, false),
        ("a type error late", late_type, false),
        ("a number repeated across pieces", repeated, false),
    ] {
        let whole: Vec<String> = groups.iter().map(|g| format!(r#"{{"SalesInvoice":[{}]}}"#, g.join(","))).collect();
        let args = format!(r#"{{"batch":{{"SalesInvoices":[{}]}}}}"#, whole.join(","));
        let expected = super::submit_batch_in(&args, 1);
        assert_eq!(expected.is_some(), passes, "{name}");
        for piece in [1, 500, 2000, 5000, 1 << 20] {
            let got = written_ahead(&groups, piece);
            match (&expected, got) {
                (Some((call, body)), Some((numbers, got_body, quick))) => {
                    // A part of the text, unless decimals came as strings (then written anew).
                    assert_eq!(quick, body.is_some(), "{name} in pieces of {piece}");
                    let want: Vec<String> = call.keys.invoice_numbers.iter().map(ToString::to_string).collect();
                    assert_eq!(numbers, want, "{name} in pieces of {piece}");
                    assert_eq!(got_body, sent(call, *body), "{name} in pieces of {piece}");
                }
                // The full parse answers (with the violations) exactly as without pieces.
                (None, got) => {
                    let parsed = prepare_parsed("submit_sales_invoice_batch", &args);
                    assert_eq!(got.is_some(), parsed.is_ok(), "{name} in pieces of {piece}");
                }
                (Some(_), None) => panic!("{name} in pieces of {piece}: refused"),
            }
        }
    }
}

#[test]
fn invoices_checked_list_by_list_answer_as_the_batch_read_whole() {
    let plain: Vec<String> = (1..=12).map(|n| invoice(n, &|_| ())).collect();
    let mut late_rule = plain.clone();
    late_rule[10] = invoice(11, &|v| v["TotalAmount"] = json!(1));
    let mut late_type = plain.clone();
    late_type[9] = invoice(10, &|v| v["InvoiceRows"][1]["Qty"] = json!("x"));
    let mut repeated = plain.clone();
    repeated[11] = invoice(2, &|_| ());
    let mut not_object = plain.clone();
    not_object[7] = "[1]".to_owned();
    for (name, invoices, passes) in [
        ("plain", plain, true),
        ("a rule broken late", late_rule, false),
        ("a type error late", late_type, false),
        ("a number repeated across lists", repeated, false),
        ("an element not an object", not_object, false),
    ] {
        let args = format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{}]}}]}}}}"#, invoices.join(","));
        assert_eq!(super::submit_batch_in(&args, 1).is_some(), passes, "{name}");
        for size in [1, 2, 5, 12] {
            let mut lists = super::InvoiceLists::new();
            // Every list is checked, also after a failure.
            let checked: Vec<bool> =
                invoices.chunks(size).map(|list| lists.check(&format!("[{}]", list.join(",")))).collect();
            assert_eq!(checked.iter().all(|&ok| ok), passes, "{name} in lists of {size}");
            assert_eq!(lists.count(), if passes { 12 } else { 0 }, "{name} in lists of {size}");
        }
    }
    // Deep members: refused (or not) exactly as in the whole batch, where invoices stand 5 deep
    // (the depths cross the quick path's limit: some pass, some do not).
    let mut verdicts = Vec::new();
    for deep in [90, 94, 95, 96, 97, 98, 99] {
        let nested = format!("{}1{}", "[".repeat(deep), "]".repeat(deep));
        let invoice = invoice(1, &|v| v["ExtraInfo"] = serde_json::from_str(&nested).unwrap());
        let args = format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{invoice}]}}]}}}}"#);
        let whole = super::submit_batch_in(&args, 1).is_some();
        let mut lists = super::InvoiceLists::new();
        assert_eq!(lists.check(&format!("[{invoice}]")), whole, "{deep} deep");
        verdicts.push(whole);
    }
    assert!(verdicts.contains(&true) && verdicts.contains(&false), "{verdicts:?}");
    // A decimal written as a string: the whole batch passes (its body written anew), but the
    // lists' texts cannot be sent as they are, so the lists are refused and the binding
    // prepares the batch whole.
    let quoted = invoice(1, &|v| v["TotalAmount"] = json!(v["TotalAmount"].to_string()));
    let args = format!(r#"{{"batch":{{"SalesInvoices":[{{"SalesInvoice":[{quoted}]}}]}}}}"#);
    assert!(matches!(super::submit_batch_in(&args, 1), Some((call, None)) if call.body.is_some()));
    assert!(!super::InvoiceLists::new().check(&format!("[{quoted}]")), "a decimal as a string");
    // Held in a buffer, the list is checked and its decimals unquoted in place: the lists then
    // hold what the whole batch's body holds.
    let mut lists = super::InvoiceLists::new();
    let mut first = format!("[{quoted},{}]", invoice(2, &|_| ())).into_bytes();
    let mut second = format!("[{}]", invoice(3, &|v| v["InvoiceRows"][0]["Qty"] = json!("2"))).into_bytes();
    assert!(lists.check_in_place(&mut first) && lists.check_in_place(&mut second));
    assert_eq!(lists.count(), 3);
    let joined = format!("[{},{},{}]", invoice(1, &|_| ()), invoice(2, &|_| ()), invoice(3, &|_| ()));
    let unquoted = [first, second].map(|b| String::from_utf8(b).unwrap());
    assert_eq!(format!("{},{}", unquoted[0].trim_end_matches(']'), unquoted[1].trim_start_matches('[')), joined);
    let mut repeated = format!("[{}]", invoice(2, &|_| ())).into_bytes();
    assert!(!lists.check_in_place(&mut repeated), "the rules across lists still hold");
    let mut lists = super::InvoiceLists::new();
    assert!(!lists.check("{}"), "not a list");
    assert!(!lists.check("[]"), "nothing after a failure");
    let mut lists = super::InvoiceLists::new();
    assert!(lists.check(" [ ] "), "an empty list, spaced");
    assert!(!lists.check("[] []"), "text after the list");
}

/// A batch of `invoices` (JSON texts) through both paths: when the quick path answers, the full
/// path gives the same call; returns whether the quick path answered.
fn same_batch(name: &str, invoices: &[String]) -> bool {
    let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": [{}]}}]}}}}"#, invoices.join(","));
    let parsed = prepare_parsed("submit_sales_invoice_batch", &args);
    let Some((call, body)) = super::prepare("submit_sales_invoice_batch", &args) else { return false };
    let parsed = parsed.unwrap_or_else(|e| panic!("{name}: quick accepted what the full path refuses: {e}"));
    assert_eq!(call.keys.invoice_numbers, parsed.keys.invoice_numbers, "{name}");
    assert_eq!(call.keys.references, parsed.keys.references, "{name}");
    let parsed_body = serde_json::from_slice::<Value>(parsed.body.as_deref().unwrap()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&sent(&call, body)).unwrap(), parsed_body, "{name}");
    true
}

/// The body a prepared call sends: the part of the arguments, or its own.
fn sent(call: &crate::client::Call, body: Option<&str>) -> String {
    match body {
        Some(body) => body.to_owned(),
        None => String::from_utf8(call.body.clone().unwrap()).unwrap(),
    }
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

/// Invoices whose first row (and so the header) holds amounts written in many ways: big, tiny,
/// negative, many decimals, `-0`, trailing zeros, near the `i64` edge; with `Nto`, `Tax` and
/// the totals right, a cent off, two cents off or half a cent off. Amounts the `Decimal`
/// arithmetic cannot compute (it panics) are left out.
fn amount_cases() -> Vec<(String, String)> {
    use rust_decimal::Decimal;
    let qty = ["1", "2", "0.5", "3.333", "-1", "1000000", "0", "12345678901234", "1.0000000000", "999999999999999999"];
    let price =
        ["50", "50.00", "0.01", "19.99", "10.00000000000", "-5", "1234567.891", "0.0000001", "92233720368547.75807"];
    let percent = ["", "0", "10", "12.5", "100", "-5", "33.333"];
    let discount = ["", "0", "1.00", "0.005", "-2"];
    let vat = ["25.5", "24", "0", "14", "100", "100.01", "-0", "-0.0", "10.000", "255"];
    let off = ["0", "0.01", "-0.01", "0.02", "0.005"];
    let mut seed = 7u64;
    let mut pick = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let d = |s: &str| Decimal::from_str_exact(s).unwrap();
    let mut out = Vec::new();
    for case in 0..3000 {
        let (q, p, dp, dc, r) = (qty[pick(10)], price[pick(9)], percent[pick(7)], discount[pick(5)], vat[pick(10)]);
        let (o1, o2, o3, o4) = (off[pick(5)], off[pick(5)], off[pick(5)], off[pick(5)]);
        let amounts = std::panic::catch_unwind(|| {
            let zero = Decimal::ZERO;
            let or_zero = |s: &str| if s.is_empty() { zero } else { d(s) };
            let net = crate::money::row_net(d(q), d(p), or_zero(dp), or_zero(dc)).unwrap() + d(o1);
            let tax = crate::money::vat(net, d(r)).unwrap() + d(o2);
            let total = net + tax + d(o3);
            let (net_sum, tax_sum) = (net + d("50"), tax + d("12.75"));
            (net, tax, total, net_sum, tax_sum, net_sum + tax_sum + d(o4))
        });
        let Ok((net, tax, total, net_sum, tax_sum, total_sum)) = amounts else { continue };
        let mut row = format!(r#""Qty":{q},"Price":{p},"VatPercent":{r},"Nto":{net},"Tax":{tax},"Total":{total}"#);
        if !dp.is_empty() {
            row.push_str(&format!(r#","DiscountPercent":{dp}"#));
        }
        if !dc.is_empty() {
            row.push_str(&format!(r#","Discount":{dc}"#));
        }
        let v = set(set(base(), "/InvoiceRows/0", Some(json!({"ProdCode": "A1"}))), "/NetAmount", None);
        let v = set(set(v, "/TaxAmount", Some(json!("@T"))), "/TotalAmount", Some(json!("@S")));
        let text = v
            .to_string()
            .replace(r#""ProdCode":"A1""#, &format!(r#""ProdCode":"A1",{row}"#))
            .replace(r#""@T""#, &tax_sum.to_string())
            .replace(r#""@S""#, &format!("{total_sum},\"NetAmount\":{net_sum}"));
        out.push((format!("amounts {case}: {q} × {p} − {dp} % − {dc}, VAT {r}, off {o1} {o2} {o3} {o4}"), text));
    }
    out
}

/// The quick rules ([`super::rules`], on exact `Fixed` amounts) decide as the rules do on the
/// captured invoice: the quick path answers exactly when the capture passes every rule, on
/// every case and on the amounts written in many ways; and ordinary invoices take them.
#[test]
fn the_quick_rules_decide_as_the_rules_do() {
    let (mut quick, mut passing) = (0, 0);
    for (name, text) in cases().into_iter().chain(amount_cases()) {
        let rules = std::panic::catch_unwind(|| capture_invoice(&text).map(|i| !crate::validate::breaks_rules(&i)));
        let fast = super::quick_passes(&text);
        assert!(!fast || matches!(rules, Ok(Some(true))), "{name}: the quick rules passed what the rules refuse");
        quick += usize::from(fast);
        let Ok(rules) = rules else { continue };
        passing += usize::from(rules == Some(true));
        // Only amounts far from an invoice's (past `i64` as `Fixed` computes them, or a signed
        // VAT rate) are left to the `Decimal` rules.
        assert!(fast || rules != Some(true) || name.starts_with("amounts"), "{name}: not quick");
        let args = format!(r#"{{"batch": {{"SalesInvoices": [{{"SalesInvoice": [{text}]}}]}}}}"#);
        let answered = super::prepare("submit_sales_invoice_batch", &args).is_some();
        assert_eq!(answered, rules == Some(true), "{name}");
    }
    assert!(quick * 2 >= passing && passing > 400, "the quick rules passed {quick} of {passing}");
}
