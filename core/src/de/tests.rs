//! The reader against serde_json: the same values and the same error messages (with their
//! lines and columns) on valid texts and on many broken ones.

use std::fmt::Debug;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::cashin::{SalesInvoice, SalesInvoiceBatch};
use crate::model::{Extra, Identifier, Json};
use crate::table::Table;

const INVOICE: &str = r#"{
  "InvoiceNumber": "INV-1", "Status": "H", "InvoiceDate": "2026-03-01",
  "OrderDate": "2026-03-01T10:00:00+02:00", "PaymentTermsCode": -14,
  "NetAmount": 12.50, "TaxAmount": "3.19", "TotalAmount": 1.569E1, "RoundAmount": -0,
  "Currency": null, "X-Note": {"a": [1, 2.5e-3, "\u00e4\ud83d\ude00\n"], "b": [true, false, null]},
  "InvoiceRows": [{"Qty": 1, "Price": 12.5, "Description": "Ty\u00f6 \"A\"\t\\/"}, {"Qty": 18446744073709551616}]
}"#;

fn same<'a, T: Deserialize<'a> + Debug>(text: &'a str) {
    let ours = crate::de::from_str::<T>(text).map(|v| format!("{v:?}")).map_err(|e| e.to_string());
    let theirs = serde_json::from_str::<T>(text).map(|v| format!("{v:?}")).map_err(|e| e.to_string());
    assert_eq!(ours, theirs, "{} on {text:?}", std::any::type_name::<T>());
}

fn all(text: &str) {
    same::<SalesInvoice>(text);
    same::<Json>(text);
    same::<Extra>(text);
    same::<Table<String, Box<RawValue>>>(text);
    same::<Vec<Box<RawValue>>>(text);
    same::<Vec<&RawValue>>(text);
    same::<Table<&str, &RawValue>>(text);
    same::<String>(text);
    same::<Identifier>(text);
    same::<Option<bool>>(text);
    same::<serde::de::IgnoredAny>(text);
}

/// Every text one edit away from `seed`: a byte left out, the text cut short, a byte put in.
fn edits(seed: &str) -> Vec<String> {
    let mut out = vec![seed.to_owned()];
    let bounds: Vec<usize> = (0..=seed.len()).filter(|&i| seed.is_char_boundary(i)).collect();
    for pair in bounds.windows(2) {
        out.push(format!("{}{}", &seed[..pair[0]], &seed[pair[1]..]));
    }
    for &at in &bounds {
        out.push(seed[..at].to_owned());
        for insert in ["\"", ",", "}", "]", "{", "[", "1", "x", "\\", " ", "\n", "-", ".", "e", "\u{1}", "0", "n"] {
            out.push(format!("{}{insert}{}", &seed[..at], &seed[at..]));
        }
    }
    out
}

#[test]
fn reads_what_serde_json_reads_and_fails_where_it_fails() {
    for text in edits(INVOICE) {
        all(&text);
    }
}

#[test]
fn scalars_and_edges_read_alike() {
    let texts = [
        "",
        " ",
        "null",
        "true",
        "false",
        "nul",
        "tru",
        "0",
        "-0",
        "-",
        "01",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "1E-7",
        "-1.5e300",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "\"\"",
        "\"a\\u00\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "\"\\udc00\"",
        "\"\\x\"",
        "\"a\u{1}\"",
        "\"\\",
        "\"\\u12",
        "[]",
        "[1,]",
        "[1 2]",
        "{}",
        "{,}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "[\n1,\n\"x\"\n]",
        "{\"InvoiceRows\": [{\"Qty\": \"many\"}]}",
        "{\"InvoiceRows\": 7}",
        "{\"InvoiceDate\": \"21.11.2026\"}",
        "{\"InvoiceNumber\": 1.5}",
        "{\"InvoiceNumber\": {}}",
        "{\"InvoiceNumber\": 1} x",
        "\n\n  {\"Qty\": [1]}",
        "{\"SalesInvoice\": [{\"InvoiceNumber\": 2}], \"Note\": [1e2]}",
    ];
    for text in texts {
        all(text);
        same::<SalesInvoiceBatch>(text);
        same::<Vec<u64>>(text);
        same::<Table<String, Table<String, Json>>>(text);
        same::<f64>(text);
        same::<Vec<f64>>(text);
        same::<i128>(text);
        same::<u128>(text);
    }
    for text in ["{\"1\": 2, \"-3\": 4}", "{\"x\": 1}", "{\"1x\": 1}", "{\"\": 1}", "{\"1.5\": 2}", "{ \"7\" : 8 }"] {
        same::<std::collections::BTreeMap<i64, u8>>(text);
        same::<std::collections::BTreeMap<u32, Json>>(text);
    }
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for n in [126, 127, 128, 129] {
        same::<Json>(&deep(n));
        same::<serde::de::IgnoredAny>(&deep(n));
    }
}
